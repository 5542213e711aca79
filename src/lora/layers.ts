/**
 * What a module path names: its layer kind (self-attention q, cross-attention kv, FFN, modulation, ...), its block,
 * and the architecture a set of paths points at. Works on dotted and kohya underscore paths alike by matching on
 * the underscored form with `_` boundaries, so `self_attn` and `blocks_3` read the same in both.
 */
import { detectFamily, type FamilyLayer } from '../names/families.js'
import { layerRole } from '../names/roles.js'
import { blockOf, NONZERO_SERIES_INDEX } from '../names/series.js'

/** `blocks.3.self_attn.q` -> `_blocks_3_self_attn_q_`: one form for dotted and underscore paths. */
export function boundaryForm(path: string): string {
  return '_' + path.replace(/\./g, '_') + '_'
}

/**
 * The projection an attention layer's path ends in, read with the shared role words (src/names/roles.ts) from the
 * words after the attention module's name (`_blocks_3_cross_attn_k_img_` -> `k_img`): the block path around it
 * (`down_blocks`, `txt_in`) says nothing of the projection. q/k norms count as norms. The extra k/v stream of an
 * attention (`k_img`, `add_k_proj`) is labelled `k_img` / `v_img`, as the reports always have.
 */
function projection(u: string): string | null {
  const tail = AFTER_ATTENTION.exec(u)?.[1] ?? u.slice(1, -1)
  const r = layerRole(tail, false, false, 'attn')
  switch (r.role) {
    case 'q-norm':
    case 'k-norm':
    case 'norm':
      return 'norm'
    case 'k':
    case 'v':
      return r.words.some((w) => EXTRA_STREAM.has(w)) ? `${r.role}_img` : r.role
    case 'q':
    case 'o':
    case 'qkv':
    case 'kv':
      return r.role
    default:
      return null
  }
}
const EXTRA_STREAM: ReadonlySet<string> = new Set(['img', 'add'])
/** The words after the last attention module name of an underscored path (`attn`, `attn2`, `attention`). */
const AFTER_ATTENTION = /^.*_(?:attn\d*|attention)_(.+)_$/

interface KindRule {
  re: RegExp
  kind: string
  /** Append the projection (q/k/v/o/...) to the kind. */
  withProjection?: boolean
}

const KIND_RULES: KindRule[] = [
  { re: /_(?:cross_attn|attn2|audio_cross_attn)_/, kind: 'cross-attn', withProjection: true },
  { re: /_single_blocks_\d+_linear1_$/, kind: 'fused qkv+mlp' },
  { re: /_single_blocks_\d+_linear2_$/, kind: 'attn-out+mlp' },
  {
    re: /_(?:self_attn|attn1|attn|img_attn|txt_attn|self_attention|attention)_/,
    kind: 'self-attn',
    withProjection: true
  },
  { re: /_(?:img_attn|txt_attn)_(?:qkv|proj)_$/, kind: 'self-attn', withProjection: true },
  { re: /_(?:ffn|ff|mlp|img_mlp|txt_mlp|ff_context|feed_forward|proj_mlp)_/, kind: 'ffn' },
  { re: /_proj_mlp_$/, kind: 'ffn' },
  {
    re: /_(?:modulation|adaLN_modulation|img_mod|txt_mod|norm1_linear|norm1_context_linear|norm_linear|scale_shift_table|norm_out_linear|time_projection|time_proj|adaln\w*|diff_m)_/,
    kind: 'modulation'
  },
  { re: /_(?:img_emb|image_embedder)_/, kind: 'embedding (image)' },
  {
    re: /^_(?:patch_embedding|x_embedder|img_in|txt_in|text_embedding|time_embedding|t_embedder|y_embedder|time_in|vector_in|guidance_in|condition_embedder|time_embed|label_emb|context_embedder|patchify_proj|caption_projection|conv_in|input_blocks_0_0|embeddings|token_embedding|position_embedding)_/,
    kind: 'embedding'
  },
  { re: /_\d+_proj_(?:in|out)_$/, kind: 'transformer proj' },
  { re: /^_(?:head|final_layer|proj_out|norm_out|out_2|conv_out)_/, kind: 'output' },
  {
    re: /_(?:in_layers|out_layers|emb_layers|skip_connection|resnets|conv1|conv2|conv_shortcut|time_emb_proj|op|downsamplers|upsamplers|conv)_/,
    kind: 'resnet/conv'
  },
  { re: /_norm\w*_/, kind: 'norm' }
]

/**
 * Block indices (other than 0) of the known series (src/names/series.ts), in the underscored form. The rules above
 * read such an index only through `\d+`, or as a literal 0 (`input_blocks_0_0`); no rule has a literal 9. So
 * writing every nonzero index as 9 leaves every rule's answer, hence the label, unchanged, and the 40 blocks of a
 * model share one cache entry (tested against the uncached rules).
 */
const KIND_CACHE_LIMIT = 50000
const kindCache = new Map<string, string>()

/** Layer kind label of a module path, e.g. `self-attn q`, `cross-attn k_img`, `ffn`, `modulation`. */
export function layerKind(path: string, textEncoder = false): string {
  const key = boundaryForm(path).replace(NONZERO_SERIES_INDEX, '_$1_9')
  let label = kindCache.get(key)
  if (label === undefined) {
    label = layerKindOf(key)
    if (kindCache.size >= KIND_CACHE_LIMIT) kindCache.clear()
    kindCache.set(key, label)
  }
  return textEncoder ? `text-encoder ${label}` : label
}

/** The label of an underscored path (`_blocks_3_self_attn_q_`), without the cache; exported for its test. */
export function layerKindOf(u: string): string {
  let label = 'other'
  for (const rule of KIND_RULES) {
    if (!rule.re.test(u)) continue
    label = rule.kind
    if (rule.withProjection) {
      const p = projection(u)
      if (p) label += ` ${p}`
    }
    break
  }
  return label
}

/** The block a path sits in (first, outermost known series), e.g. `{series:'blocks', index:3}`. */
export { blockOf }

/**
 * The index of the block a tensor or module name sits in (`blocks.3`, `double_blocks.3`, kohya `blocks_3`), or null
 * at the top level.
 */
export function blockIndex(name: string): string | null {
  const block = blockOf(name.replace(/\.(?:weight|bias)$/, ''))
  return block ? String(block.index) : null
}

/**
 * LoRA report ids of the detector's families: the architecture id, `-diffusers` for diffusers names. Two
 * architectures keep the shorter spelling the LoRA reports have always used.
 */
const REPORT_IDS: Readonly<Record<string, string>> = {
  'longcat-video': 'longcat',
  'hunyuan-video': 'hunyuanvideo'
}

/**
 * The family a set of module paths points at (text-encoder paths are ignored by callers), read by the one
 * detector (src/names/families.ts) from the paths and, where given, the weight shapes (a LoRA module's implied
 * shape, a base entry's shape): SD 1.x, 2.x and SDXL UNets differ only by shapes. Null when unknown.
 */
export function guessFamily(layers: Iterable<string | FamilyLayer>): string | null {
  const list: FamilyLayer[] = []
  for (const l of layers) list.push(typeof l === 'string' ? { path: l } : l)
  const found = detectFamily(list)
  if (!found) return null
  const id = Object.hasOwn(REPORT_IDS, found.match.id) ? REPORT_IDS[found.match.id]! : found.match.id
  return found.diffusers ? `${id}-diffusers` : id
}

/** The most frequent value, ties to the larger; null for none. */
export function mode(values: Iterable<number>): number | null {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: number | null = null
  let bestCount = 0
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && v > best)) {
      best = v
      bestCount = n
    }
  }
  return best
}

const SIZE_LABELS: Record<string, Record<number, string>> = {
  wan: { 1536: 'Wan 1.3B', 3072: 'Wan2.2 5B', 5120: 'Wan 14B', 4096: 'LongCat-Video (Wan-like)' },
  longcat: { 4096: 'LongCat-Video' },
  flux: { 3072: 'Flux' },
  sdxl: { 320: 'SDXL' },
  sd1: { 320: 'SD 1.x' },
  sd2: { 320: 'SD 2.x' },
  hunyuanvideo: { 3072: 'HunyuanVideo' }
}

/** How users name each family (`guessFamily` ids are internal). */
const DISPLAY_NAMES: Record<string, string> = {
  wan: 'Wan',
  longcat: 'LongCat-Video',
  flux: 'Flux',
  sdxl: 'SDXL',
  sd1: 'SD 1.x',
  sd2: 'SD 2.x',
  'sd-unet': 'SD UNet',
  sd3: 'SD3',
  'qwen-image': 'Qwen-Image',
  'ltx-video': 'LTX-Video',
  cogvideox: 'CogVideoX',
  hunyuanvideo: 'HunyuanVideo',
  'clip-text': 'CLIP text encoder'
}

/** The architecture a family id names, for messages: `wan` and `wan-diffusers` -> `Wan`; unknown ids as given. */
export function familyDisplayName(family: string): string {
  const base = family.replace(/-diffusers$/, '')
  return Object.hasOwn(DISPLAY_NAMES, base) ? DISPLAY_NAMES[base]! : base
}

/** A human label for a family at a width: `Wan 14B`, `Wan 1.3B`, or `Wan (width 2048)`. */
export function sizeLabel(family: string | null, width: number | null): string {
  const base = family?.replace(/-diffusers$/, '') ?? null
  if (base && width !== null) {
    const label = SIZE_LABELS[base]?.[width]
    if (label) return label
    return `${familyDisplayName(base)} (width ${width})`
  }
  if (base) return familyDisplayName(base)
  return width !== null ? `width ${width}` : 'unknown model'
}

/**
 * The one-line label of what a file targets: the size label, plus the naming when it is the diffusers one
 * (`Wan 14B, diffusers names`); `unknown architecture` when neither family nor width is known.
 */
export function familyLabel(family: string | null, width: number | null): string {
  if (family === null && width === null) return 'unknown architecture'
  const label = sizeLabel(family, width)
  return family?.endsWith('-diffusers') ? `${label}, diffusers names` : label
}
