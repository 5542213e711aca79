/**
 * Adapter tensors: the one reading of the names LoRA / LyCORIS / DoRA / IA3 / full-delta files give their tensors.
 * The LoRA reader parses each key into a module stem and the tensor's role (`parseSuffix`); the structure analysis
 * and the comparison ask only whether a key is an adapter tensor (`isAdapterKey`), from the same table plus the
 * adapter prefixes a stem may carry (kohya `lora_unet_`, `lycoris_`, LongCat `lora___lorahyphen___`).
 * Facts from docs/reference/key-formats.md §2.5 and §3; nothing here looks at shapes.
 */

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

// Ordered: the most specific first. `(?:\.(\w+))?` is the optional PEFT adapter infix.
const SUFFIX_RULES: SuffixRule[] = [
  {
    re: /\.lora_up\.blocks\.(\d{1,4})\.weight$/,
    needs: '.lora_up.blocks.',
    role: 'up-block',
    marker: '.lora_up.blocks.j.weight',
    indexed: true
  },
  { suffix: '.lora_down.weight', role: 'down', marker: '.lora_down.weight' },
  { suffix: '.lora_up.weight', role: 'up', marker: '.lora_up.weight' },
  { suffix: '.lora_mid.weight', role: 'mid', marker: '.lora_mid.weight' },
  { re: /\.lora_A(?:\.(\w+))?\.weight$/, needs: '.lora_A', role: 'down', marker: '.lora_A.weight' },
  { re: /\.lora_B(?:\.(\w+))?\.weight$/, needs: '.lora_B', role: 'up', marker: '.lora_B.weight' },
  { re: /\.lora_B(?:\.(\w+))?\.bias$/, needs: '.lora_B', role: 'up-bias', marker: '.lora_B.bias' },
  { suffix: '.lora_A', role: 'down', marker: '.lora_A' },
  { suffix: '.lora_B', role: 'up', marker: '.lora_B' },
  {
    re: /\.lora_magnitude_vector(?:\.(\w+))?(?:\.weight)?$/,
    needs: '.lora_magnitude_vector',
    role: 'magnitude',
    marker: '.lora_magnitude_vector'
  },
  { suffix: '_lora.down.weight', role: 'down', marker: '_lora.down.weight', legacy: true },
  { suffix: '_lora.up.weight', role: 'up', marker: '_lora.up.weight', legacy: true },
  { suffix: '.lora.down.weight', role: 'down', marker: '.lora.down.weight', legacy: true },
  { suffix: '.lora.up.weight', role: 'up', marker: '.lora.up.weight', legacy: true },
  {
    re: /\.lora_linear_layer\.down\.weight$/,
    needs: '.lora_linear_layer.down.weight',
    role: 'down',
    marker: '.lora_linear_layer.down.weight',
    legacy: true
  },
  {
    re: /\.lora_linear_layer\.up\.weight$/,
    needs: '.lora_linear_layer.up.weight',
    role: 'up',
    marker: '.lora_linear_layer.up.weight',
    legacy: true
  },
  { suffix: '.alpha_scale', role: 'alpha-scale', marker: '.alpha_scale' },
  { suffix: '.alpha', role: 'alpha', marker: '.alpha' },
  { suffix: '.dora_scale', role: 'dora-scale', marker: '.dora_scale' },
  { suffix: '.hada_w1_a', role: 'hada_w1_a', marker: '.hada_w1_a' },
  { suffix: '.hada_w1_b', role: 'hada_w1_b', marker: '.hada_w1_b' },
  { suffix: '.hada_w2_a', role: 'hada_w2_a', marker: '.hada_w2_a' },
  { suffix: '.hada_w2_b', role: 'hada_w2_b', marker: '.hada_w2_b' },
  { suffix: '.hada_t1', role: 'hada_t1', marker: '.hada_t1' },
  { suffix: '.hada_t2', role: 'hada_t2', marker: '.hada_t2' },
  { suffix: '.lokr_w1', role: 'lokr_w1', marker: '.lokr_w1' },
  { suffix: '.lokr_w1_a', role: 'lokr_w1_a', marker: '.lokr_w1_a' },
  { suffix: '.lokr_w1_b', role: 'lokr_w1_b', marker: '.lokr_w1_b' },
  { suffix: '.lokr_w2', role: 'lokr_w2', marker: '.lokr_w2' },
  { suffix: '.lokr_w2_a', role: 'lokr_w2_a', marker: '.lokr_w2_a' },
  { suffix: '.lokr_w2_b', role: 'lokr_w2_b', marker: '.lokr_w2_b' },
  { suffix: '.lokr_t1', role: 'lokr_t1', marker: '.lokr_t1' },
  { suffix: '.lokr_t2', role: 'lokr_t2', marker: '.lokr_t2' },
  { suffix: '.on_input', role: 'ia3-on-input', marker: '.on_input' },
  { suffix: '.diff_b', role: 'diff-bias', marker: '.diff_b' },
  { suffix: '.diff_m', role: 'diff-modulation', marker: '.diff_m' },
  { suffix: '.diff', role: 'diff', marker: '.diff' },
  { re: /\.(?:a1|a2|b1|b2|bm)\.weight$/, needs: '.weight', role: 'glora', marker: '.a1/.a2/.b1/.b2.weight' },
  { suffix: '.oft_blocks', role: 'oft', marker: '.oft_blocks' },
  { suffix: '.rescale', role: 'oft-rescale', marker: '.rescale' },
  { suffix: '.w_norm', role: 'norm-weight', marker: '.w_norm' },
  { suffix: '.b_norm', role: 'norm-bias', marker: '.b_norm' },
  { suffix: '.set_weight', role: 'set-weight', marker: '.set_weight' }
]

// The suffixes nearly every key of nearly every file uses, checked with endsWith before any regex.
// (An indexed loop over plain objects: this runs once per key, in code too short-lived for the JIT to optimise
// a destructuring for-of.)
const FAST_SUFFIXES: readonly { suffix: string; role: TensorRole }[] = [
  { suffix: '.lora_down.weight', role: 'down' },
  { suffix: '.lora_up.weight', role: 'up' },
  { suffix: '.alpha', role: 'alpha' },
  { suffix: '.lora_A.weight', role: 'down' },
  { suffix: '.lora_B.weight', role: 'up' }
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
const ADAPTER_LEAVES: ReadonlySet<string> = new Set(
  SUFFIX_RULES.flatMap((r) =>
    r.suffix !== undefined && r.suffix.lastIndexOf('.') === 0 ? [r.suffix.slice(1)] : []
  )
)

/**
 * True for a LoRA / LyCORIS / full-delta adapter tensor (`...q.lora_down.weight`, `...lora_A.default.weight`,
 * `...alpha`, `...hada_w1_a`, `...diff_b`, LongCat `lora___lorahyphen___...`): its shape is not a base weight's.
 */
export function isAdapterKey(name: string): boolean {
  // Base keys (nearly all keys of a model) are settled by a few substring searches, which cost less than parsing
  // in a cold process: every adapter suffix and prefix has one of these substrings or an adapter leaf.
  if (
    !name.includes('lora') &&
    !name.includes('lycoris') &&
    !name.includes('hada_') &&
    !name.includes('lokr_')
  ) {
    const dot = name.lastIndexOf('.')
    if (dot < 0 || !ADAPTER_LEAVES.has(name.slice(dot + 1))) return false
  }
  const parsed = parseSuffix(name)
  if (parsed && !BASE_LOOKALIKE_ROLES.has(parsed.role)) return true
  return ADAPTER_STEM.test(name)
}
