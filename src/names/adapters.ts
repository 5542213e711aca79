/**
 * Adapter tensors: the one reading of the names LoRA / LyCORIS / DoRA / IA3 / full-delta files give their tensors.
 * The LoRA reader parses each key into a module stem and the tensor's role (`parseSuffix`); the structure analysis
 * and the comparison ask only whether a key is an adapter tensor (`isAdapterKey`), from the same table plus the
 * adapter prefixes a stem may carry (kohya `lora_unet_`, `lycoris_`, LongCat `lora___lorahyphen___`).
 * Facts from docs/reference/key-formats.md §2.5 and §3; nothing here looks at shapes.
 */
import { ADAPTER_PREFIXES } from './prefixes.js'
import { escapeRegExp } from '../util/text.js'

/** The role one tensor plays in its module, from its key suffix. */
export type TensorRole =
  | 'down'
  | 'up'
  | 'mid'
  | 'up-block'
  | 'alpha'
  | 'alpha-scale'
  | 'dora-scale'
  | 'magnitude'
  | 'up-bias'
  | 'hada_w1_a'
  | 'hada_w1_b'
  | 'hada_w2_a'
  | 'hada_w2_b'
  | 'hada_t1'
  | 'hada_t2'
  | 'lokr_w1'
  | 'lokr_w1_a'
  | 'lokr_w1_b'
  | 'lokr_w2'
  | 'lokr_w2_a'
  | 'lokr_w2_b'
  | 'lokr_t1'
  | 'lokr_t2'
  | 'ia3-weight'
  | 'ia3-on-input'
  | 'diff'
  | 'diff-bias'
  | 'diff-modulation'
  | 'glora'
  | 'oft'
  | 'norm-weight'
  | 'norm-bias'
  | 'set-weight'
  | 'oft-rescale'

export interface ParsedSuffix {
  stem: string
  role: TensorRole
  /** `lora_up.blocks.j` index. */
  index?: number
  /** PEFT adapter infix (`default`, `default_0`). */
  adapterName?: string
  /** The suffix as written, for evidence. */
  marker: string
  /** Legacy diffusers attention-processor forms change the path (`processor.to_q_lora` -> `to_q`). */
  legacy?: boolean
}

/**
 * A suffix rule is either a plain `suffix` (matched with endsWith) or a regular expression with a literal it
 * `needs` (a substring of every match, checked first). A key runs through the whole list when it is not one of the
 * common forms, so each rule must cost little for a key it does not match; an end-anchored regular expression
 * tries every start position of the key.
 */
type SuffixRule = (
  { suffix: string; re?: undefined; needs?: undefined } | { suffix?: undefined; re: RegExp; needs: string }
) & {
  role: TensorRole
  marker: string
  legacy?: boolean
  /** Group 1 is an index (`blocks.j`) rather than an adapter name. */
  indexed?: boolean
}

/**
 * Adapter tensor suffixes, each spelled once for the whole project: the suffix table below reads them, the
 * loader profiles (src/lora/loaders) select from them what each runtime reads, and the converter writes them.
 */
export const SUFFIX = {
  /** kohya / sd-scripts, LyCORIS `locon`. */
  loraDown: '.lora_down.weight',
  loraUp: '.lora_up.weight',
  /** LoCon Tucker middle factor. */
  loraMid: '.lora_mid.weight',
  /** LongCat split up factor: `.lora_up.blocks.j.weight`. */
  loraUpBlocks: '.lora_up.blocks.',
  /** PEFT (and diffusers, which saves PEFT names). */
  peftA: '.lora_A.weight',
  peftB: '.lora_B.weight',
  peftBBias: '.lora_B.bias',
  /** PEFT with its adapter infix left in (DiffSynth-Studio). */
  peftDefaultA: '.lora_A.default.weight',
  peftDefaultB: '.lora_B.default.weight',
  /** PEFT A/B without `.weight`. */
  bareA: '.lora_A',
  bareB: '.lora_B',
  /** PEFT DoRA magnitude. */
  magnitude: '.lora_magnitude_vector',
  /** Legacy diffusers attention processors: `processor.to_q_lora.down.weight`. */
  processorDown: '_lora.down.weight',
  processorUp: '_lora.up.weight',
  /** Legacy diffusers `.lora.down.weight`. */
  dotLoraDown: '.lora.down.weight',
  dotLoraUp: '.lora.up.weight',
  /** Legacy diffusers `LoRACompatibleLinear`. */
  linearLayerDown: '.lora_linear_layer.down.weight',
  linearLayerUp: '.lora_linear_layer.up.weight',
  alpha: '.alpha',
  alphaScale: '.alpha_scale',
  /** LyCORIS DoRA. */
  doraScale: '.dora_scale',
  /** ComfyUI's reshape target (read beside any adapter, not an adapter tensor of its own). */
  reshapeWeight: '.reshape_weight',
  hadaW1A: '.hada_w1_a',
  hadaW1B: '.hada_w1_b',
  hadaW2A: '.hada_w2_a',
  hadaW2B: '.hada_w2_b',
  hadaT1: '.hada_t1',
  hadaT2: '.hada_t2',
  lokrW1: '.lokr_w1',
  lokrW1A: '.lokr_w1_a',
  lokrW1B: '.lokr_w1_b',
  lokrW2: '.lokr_w2',
  lokrW2A: '.lokr_w2_a',
  lokrW2B: '.lokr_w2_b',
  lokrT1: '.lokr_t1',
  lokrT2: '.lokr_t2',
  /** IA3 applied to the input. */
  onInput: '.on_input',
  /** Full deltas: weight, bias, modulation. */
  diff: '.diff',
  diffBias: '.diff_b',
  diffModulation: '.diff_m',
  gloraA1: '.a1.weight',
  gloraA2: '.a2.weight',
  gloraB1: '.b1.weight',
  gloraB2: '.b2.weight',
  oftBlocks: '.oft_blocks',
  oftRescale: '.rescale',
  normWeight: '.w_norm',
  normBias: '.b_norm',
  setWeight: '.set_weight'
} as const

/** One low-rank pair as a file spells it: the down (A) and up (B) suffixes, and a Tucker middle where it has one. */
export interface LoraPairSuffixes {
  down: string
  up: string
  mid?: string
}

/** The LoRA pair spellings, by convention. */
export const LORA_PAIR = {
  kohya: { down: SUFFIX.loraDown, up: SUFFIX.loraUp, mid: SUFFIX.loraMid },
  peft: { down: SUFFIX.peftA, up: SUFFIX.peftB },
  peftDefault: { down: SUFFIX.peftDefaultA, up: SUFFIX.peftDefaultB },
  peftBare: { down: SUFFIX.bareA, up: SUFFIX.bareB },
  processor: { down: SUFFIX.processorDown, up: SUFFIX.processorUp },
  dotLora: { down: SUFFIX.dotLoraDown, up: SUFFIX.dotLoraUp },
  linearLayer: { down: SUFFIX.linearLayerDown, up: SUFFIX.linearLayerUp }
} as const satisfies Readonly<Record<string, LoraPairSuffixes>>

/** The LyCORIS factor suffixes of each algorithm, for readers that take a module's tensors by algorithm. */
export const LOHA_FACTORS = {
  w1: [SUFFIX.hadaW1A, SUFFIX.hadaW1B],
  w2: [SUFFIX.hadaW2A, SUFFIX.hadaW2B],
  tucker: [SUFFIX.hadaT1, SUFFIX.hadaT2]
} as const
export const LOKR_FACTORS = {
  whole: [SUFFIX.lokrW1, SUFFIX.lokrW2],
  w1: [SUFFIX.lokrW1A, SUFFIX.lokrW1B],
  w2: [SUFFIX.lokrW2A, SUFFIX.lokrW2B],
  tucker: [SUFFIX.lokrT1, SUFFIX.lokrT2]
} as const
export const GLORA_FACTORS = [SUFFIX.gloraA1, SUFFIX.gloraA2, SUFFIX.gloraB1, SUFFIX.gloraB2] as const

/** A plain-suffix rule: the suffix is its own marker. */
const plain = (suffix: string, role: TensorRole, legacy?: true): SuffixRule =>
  legacy ? { suffix, role, marker: suffix, legacy } : { suffix, role, marker: suffix }

// Ordered: the most specific first. `(?:\.(\w+))?` is the optional PEFT adapter infix.
const SUFFIX_RULES: SuffixRule[] = [
  {
    re: /\.lora_up\.blocks\.(\d{1,4})\.weight$/,
    needs: SUFFIX.loraUpBlocks,
    role: 'up-block',
    marker: '.lora_up.blocks.j.weight',
    indexed: true
  },
  plain(SUFFIX.loraDown, 'down'),
  plain(SUFFIX.loraUp, 'up'),
  plain(SUFFIX.loraMid, 'mid'),
  { re: /\.lora_A(?:\.(\w+))?\.weight$/, needs: SUFFIX.bareA, role: 'down', marker: SUFFIX.peftA },
  { re: /\.lora_B(?:\.(\w+))?\.weight$/, needs: SUFFIX.bareB, role: 'up', marker: SUFFIX.peftB },
  { re: /\.lora_B(?:\.(\w+))?\.bias$/, needs: SUFFIX.bareB, role: 'up-bias', marker: SUFFIX.peftBBias },
  plain(SUFFIX.bareA, 'down'),
  plain(SUFFIX.bareB, 'up'),
  {
    re: /\.lora_magnitude_vector(?:\.(\w+))?(?:\.weight)?$/,
    needs: SUFFIX.magnitude,
    role: 'magnitude',
    marker: SUFFIX.magnitude
  },
  plain(SUFFIX.processorDown, 'down', true),
  plain(SUFFIX.processorUp, 'up', true),
  plain(SUFFIX.dotLoraDown, 'down', true),
  plain(SUFFIX.dotLoraUp, 'up', true),
  {
    re: /\.lora_linear_layer\.down\.weight$/,
    needs: SUFFIX.linearLayerDown,
    role: 'down',
    marker: SUFFIX.linearLayerDown,
    legacy: true
  },
  {
    re: /\.lora_linear_layer\.up\.weight$/,
    needs: SUFFIX.linearLayerUp,
    role: 'up',
    marker: SUFFIX.linearLayerUp,
    legacy: true
  },
  plain(SUFFIX.alphaScale, 'alpha-scale'),
  plain(SUFFIX.alpha, 'alpha'),
  plain(SUFFIX.doraScale, 'dora-scale'),
  plain(SUFFIX.hadaW1A, 'hada_w1_a'),
  plain(SUFFIX.hadaW1B, 'hada_w1_b'),
  plain(SUFFIX.hadaW2A, 'hada_w2_a'),
  plain(SUFFIX.hadaW2B, 'hada_w2_b'),
  plain(SUFFIX.hadaT1, 'hada_t1'),
  plain(SUFFIX.hadaT2, 'hada_t2'),
  plain(SUFFIX.lokrW1, 'lokr_w1'),
  plain(SUFFIX.lokrW1A, 'lokr_w1_a'),
  plain(SUFFIX.lokrW1B, 'lokr_w1_b'),
  plain(SUFFIX.lokrW2, 'lokr_w2'),
  plain(SUFFIX.lokrW2A, 'lokr_w2_a'),
  plain(SUFFIX.lokrW2B, 'lokr_w2_b'),
  plain(SUFFIX.lokrT1, 'lokr_t1'),
  plain(SUFFIX.lokrT2, 'lokr_t2'),
  plain(SUFFIX.onInput, 'ia3-on-input'),
  plain(SUFFIX.diffBias, 'diff-bias'),
  plain(SUFFIX.diffModulation, 'diff-modulation'),
  plain(SUFFIX.diff, 'diff'),
  { re: /\.(?:a1|a2|b1|b2|bm)\.weight$/, needs: '.weight', role: 'glora', marker: '.a1/.a2/.b1/.b2.weight' },
  plain(SUFFIX.oftBlocks, 'oft'),
  plain(SUFFIX.oftRescale, 'oft-rescale'),
  plain(SUFFIX.normWeight, 'norm-weight'),
  plain(SUFFIX.normBias, 'norm-bias'),
  plain(SUFFIX.setWeight, 'set-weight')
]

// The suffixes nearly every key of nearly every file uses, checked with endsWith before any regex.
// (An indexed loop over plain objects: this runs once per key, in code too short-lived for the JIT to optimise
// a destructuring for-of.)
const FAST_SUFFIXES: readonly { suffix: string; role: TensorRole }[] = [
  { suffix: SUFFIX.loraDown, role: 'down' },
  { suffix: SUFFIX.loraUp, role: 'up' },
  { suffix: SUFFIX.alpha, role: 'alpha' },
  { suffix: SUFFIX.peftA, role: 'down' },
  { suffix: SUFFIX.peftB, role: 'up' }
]

/** The adapter suffix of a key, or null when it is not an adapter tensor we know. */
export function parseSuffix(key: string): ParsedSuffix | null {
  for (let i = 0; i < FAST_SUFFIXES.length; i++) {
    const { suffix, role } = FAST_SUFFIXES[i]!
    if (key.length > suffix.length && key.endsWith(suffix)) {
      return { stem: key.slice(0, key.length - suffix.length), role, marker: suffix }
    }
  }
  for (const rule of SUFFIX_RULES) {
    if (rule.suffix !== undefined) {
      if (!key.endsWith(rule.suffix)) continue
      const stem = key.slice(0, key.length - rule.suffix.length)
      if (stem.length === 0) return null
      const out: ParsedSuffix = { stem, role: rule.role, marker: rule.marker }
      if (rule.legacy) out.legacy = true
      return out
    }
    if (!key.includes(rule.needs)) continue
    const m = rule.re.exec(key)
    if (!m) continue
    const stem = key.slice(0, m.index)
    if (stem.length === 0) return null
    const out: ParsedSuffix = { stem, role: rule.role, marker: rule.marker }
    if (rule.indexed) out.index = Number(m[1])
    else if (m[1] !== undefined) out.adapterName = m[1]
    if (rule.legacy) out.legacy = true
    return out
  }
  return null
}

/**
 * The kohya spelling of a module path: every dot an underscore (`blocks.0.self_attn.q` -> `blocks_0_self_attn_q`).
 * Not invertible (module names have underscores of their own); readers match on this form instead.
 */
export function kohyaForm(path: string): string {
  // A plain-string replaceAll: no regular expression to run per path (it runs once per key).
  const u = path.replaceAll('.', '_')
  // replaceAll builds its result by concatenation, a rope, and callers hash it (Map keys): V8 hashes a rope far
  // more slowly than it flattens one, and reading a character flattens it. Node 20, --no-turbofan, 1,680 SDXL
  // paths into a Map: 22.9 M instructions as built, 14.2 M flattened first.
  u.charCodeAt(0)
  return u
}

/**
 * Legacy diffusers attention-processor LoRA names (`attn1.processor.to_q_lora`): the processor path of a module
 * path (`.to_q` -> `.processor.to_q`, `.to_out.0` -> `.processor.to_out`), as ComfyUI's key map builds them ...
 */
export function processorPath(path: string): string {
  const q = path.split('.to_').join('.processor.to_')
  return q.endsWith('.to_out.0') ? q.slice(0, -2) : q
}

/** ... and back: the attention's own projection a processor path names (what the LoRA reader resolves). */
export function fromProcessorPath(path: string): string {
  return path
    .replace(/\.processor\.to_out$/, '.to_out.0')
    .replace(/\.processor\.(to_[qkv])$/, '.$1')
    .replace(/\.processor$/, '')
}

export const LONGCAT_PREFIX = 'lora___lorahyphen___'
export const LONGCAT_HYPHEN = '___lorahyphen___'

/**
 * Roles whose suffix also reads as a base layer's name (GLoRA's `.a1.weight` / `.b2.weight`): such a key is an
 * adapter tensor only under an adapter prefix or segment.
 */
const BASE_LOOKALIKE_ROLES: ReadonlySet<TensorRole> = new Set<TensorRole>(['glora'])

/**
 * Adapter prefixes and segments of a stem: a `lora` segment (`.lora.`, `to_q_lora`, `lora_te1_...`, `lora_unet_...`),
 * `lycoris_...`, LongCat's prefix. The suffix table covers the rest.
 */
const ADAPTER_STEM = /(?:^|\.)(?:lora|\w*_lora\d*|lora_\w+|lycoris_\w*)(?:\.|$)|^lora___lorahyphen___/

/** Leaves of the suffix table without `lora` in them (`alpha`, `diff_b`, `oft_blocks`, ...): the cheap pre-check. */
const ADAPTER_LEAVES: readonly string[] = SUFFIX_RULES.flatMap((r) =>
  r.suffix !== undefined && r.suffix.lastIndexOf('.') === 0 ? [r.suffix.slice(1)] : []
)

/**
 * Every adapter suffix and prefix has one of these substrings, or ends in `.` and an adapter leaf (a leaf has no
 * dot, so the `.` before it is the key's last). Base keys (nearly all keys of a model) are settled by this one
 * native match, which costs less than the substring searches and the leaf lookup it stands for, in a cold process.
 */
const MAY_BE_ADAPTER = new RegExp(
  `lora|lycoris|hada_|lokr_|\\.(?:${ADAPTER_LEAVES.map(escapeRegExp).join('|')})$`
)

/**
 * True for a LoRA / LyCORIS / full-delta adapter tensor (`...q.lora_down.weight`, `...lora_A.default.weight`,
 * `...alpha`, `...hada_w1_a`, `...diff_b`, LongCat `lora___lorahyphen___...`): its shape is not a base weight's.
 */
export function isAdapterKey(name: string): boolean {
  if (!MAY_BE_ADAPTER.test(name)) return false
  const parsed = parseSuffix(name)
  if (parsed && !BASE_LOOKALIKE_ROLES.has(parsed.role)) return true
  return ADAPTER_STEM.test(name)
}

const ADAPTER_PREFIX_SET: ReadonlySet<string> = new Set(ADAPTER_PREFIXES.map((p) => p.prefix))

/**
 * A prefix from the one adapter prefix list (src/names/prefixes.ts ADAPTER_PREFIXES), for code that builds names
 * with it. Code that writes a prefix the readers do not know would write files this tool cannot read back, so an
 * unknown one throws (at module load, where `PREFIX` takes them).
 */
export function adapterPrefix(prefix: string): string {
  if (!ADAPTER_PREFIX_SET.has(prefix)) throw new Error(`internal: ${prefix} is not a known adapter prefix`)
  return prefix
}

/**
 * The adapter prefixes that code builds names with (the loader key maps, the converter's writing rules), by name:
 * entries of ADAPTER_PREFIXES, each checked there, so no second list of them exists.
 */
export const PREFIX = {
  kohyaUnet: adapterPrefix('lora_unet_'),
  /** Wan Fun's doubled underscore. */
  kohyaUnetDouble: adapterPrefix('lora_unet__'),
  kohyaTe: adapterPrefix('lora_te_'),
  kohyaTe1: adapterPrefix('lora_te1_'),
  kohyaTe2: adapterPrefix('lora_te2_'),
  /** OneTrainer's kohya-style transformer prefix. */
  kohyaTransformer: adapterPrefix('lora_transformer_'),
  lycoris: adapterPrefix('lycoris_'),
  peft: adapterPrefix('base_model.model.'),
  /** ComfyUI's own denoiser and text-encoder names. */
  comfyDenoiser: adapterPrefix('diffusion_model.'),
  comfyTextEncoders: adapterPrefix('text_encoders.'),
  diffusersUnet: adapterPrefix('unet.'),
  diffusersTransformer: adapterPrefix('transformer.'),
  diffusersTe: adapterPrefix('text_encoder.'),
  diffusersTe2: adapterPrefix('text_encoder_2.')
} as const
