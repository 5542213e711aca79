/**
 * What a module path names: its layer kind (self-attention q, cross-attention kv, FFN, modulation, ...), its block,
 * and the architecture a set of paths points at. Works on dotted and kohya underscore paths alike by matching on
 * the underscored form with `_` boundaries, so `self_attn` and `blocks_3` read the same in both.
 */
import { detectFamily, type FamilyLayer } from '../names/families.js'
import { EXTRA_KV_STREAM, isEmbeddingName, layerRole, NORM_ROLES, type LayerRole } from '../names/roles.js'
import {
  isImageEmbedderUnderscored,
  isOutputHeadUnderscored,
  isUnetConvolutionUnderscored
} from '../names/model-parts.js'
import { BLOCK_CONTAINER_NAMES, blockOf, NONZERO_SERIES_INDEX } from '../names/series.js'
import { kohyaForm } from '../names/adapters.js'

/** `blocks.3.self_attn.q` -> `_blocks_3_self_attn_q_`: one form for dotted and underscore paths. */
export function boundaryForm(path: string): string {
  return '_' + kohyaForm(path) + '_'
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
      return r.words.some((w) => EXTRA_KV_STREAM.has(w)) ? `${r.role}_img` : r.role
    case 'q':
    case 'o':
    case 'qkv':
    case 'kv':
      return r.role
    default:
      return null
  }
}
/** The words after the last attention module name of an underscored path (`attn`, `attn2`, `attention`). */
const AFTER_ATTENTION = /^.*_(?:attn\d*|attention)_(.+)_$/

/** The kinds beyond attention and FFN: modulation, embeddings, UNet convolutions, norms (first match wins). */
interface KindRule {
  test: (u: string) => boolean
  kind: string
}

/** A rule reading the underscored path with a regular expression. */
const matching =
  (re: RegExp) =>
  (u: string): boolean =>
    re.test(u)

/** Flux-style single blocks: one linear feeding q, k, v and the MLP, one after both (a structural kind). */
const SINGLE_BLOCK_RULES: KindRule[] = [
  { test: matching(/_single_blocks_\d+_linear1_$/), kind: 'fused qkv+mlp' },
  { test: matching(/_single_blocks_\d+_linear2_$/), kind: 'attn-out+mlp' }
]

/** Numbered containers in the underscored form (`_down_blocks_0`, `_attentions_1`): they say nothing of the layer. */
const CONTAINERS = new RegExp(`_(?:${[...BLOCK_CONTAINER_NAMES].join('|')}|[a-z]+_blocks)_\\d+(?=_)`, 'g')

/**
 * Attention (self / cross), feed-forward and modulation layers, read with the shared role words (src/names/roles.ts) from the
 * path without its numbered containers. Null for anything else.
 */
function sublayerKind(u: string, r: LayerRole): string | null {
  if (r.sublayer === 'cross' || r.sublayer === 'attn') {
    const kind = r.sublayer === 'cross' ? 'cross-attn' : 'self-attn'
    const p = projection(u)
    return p ? `${kind} ${p}` : kind
  }
  if (r.sublayer === 'ffn') return 'ffn'
  return r.role === 'mod' ? 'modulation' : null
}

/**
 * A path that starts with an input embedding's name (names/roles.ts `isEmbeddingName`): its first one to three
 * words, since a kohya path has lost the segment boundaries (`time_in_in_layer`, `x_embedder_proj`).
 */
function topEmbedding(u: string): boolean {
  const words = u.slice(1, -1).split('_')
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    const name = words.slice(0, n).join('_')
    if (/^\d/.test(words[n - 1]!)) return false
    if (isEmbeddingName(name)) return true
  }
  return false
}

const KIND_RULES: KindRule[] = [
  // Wan's time_projection feeds every block's modulation; a `.diff_m` delta is a modulation table.
  { test: matching(/_(?:time_projection|time_proj|diff_m)_/), kind: 'modulation' },
  { test: isImageEmbedderUnderscored, kind: 'embedding (image)' },
  // The LDM UNet's input conv (conv_in in diffusers names).
  { test: matching(/^_input_blocks_0_0_/), kind: 'embedding' },
  { test: matching(/_\d+_proj_(?:in|out)_$/), kind: 'transformer proj' },
  { test: isOutputHeadUnderscored, kind: 'output' },
  { test: isUnetConvolutionUnderscored, kind: 'resnet/conv' }
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
  for (const rule of SINGLE_BLOCK_RULES) if (rule.test(u)) return rule.kind
  const r = layerRole(u.replace(CONTAINERS, '').slice(1, -1))
  const sub = sublayerKind(u, r)
  if (sub) return sub
  for (const rule of KIND_RULES) {
    if (rule.test(u)) return rule.kind
    // Model-level input embeddings come right after the image embedding (whose own rule is more specific).
    if (rule.kind === 'embedding (image)' && topEmbedding(u)) return 'embedding'
  }
  return NORM_ROLES.has(r.role) ? 'norm' : 'other'
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
 * The family a set of module paths points at (text-encoder paths are ignored by callers), read by the one
 * detector (src/names/families.ts) from the paths and, where given, the weight shapes (a LoRA module's implied
 * shape, a base entry's shape): SD 1.x, 2.x and SDXL UNets differ only by shapes. Null when unknown.
 */
export function guessFamily(layers: Iterable<string | FamilyLayer>): string | null {
  return guessFamilyModel(layers).family
}

/**
 * `guessFamily`, and the model of its own the layers are when the detector names one built on the family
 * (`Chroma` on Flux: LoRAs keep the family's id, messages name the model).
 */
export function guessFamilyModel(layers: Iterable<string | FamilyLayer>): {
  family: string | null
  model?: string
} {
  const list: FamilyLayer[] = []
  for (const l of layers) list.push(typeof l === 'string' ? { path: l } : l)
  const found = detectFamily(list)
  if (!found) return { family: null }
  // The detector's ids, `-diffusers` for diffusers names (the architecture id is `familyArchitecture`).
  const family = found.diffusers ? `${found.match.id}-diffusers` : found.match.id
  const variant = found.match.variant
  const model =
    variant !== null && Object.hasOwn(DERIVED_MODELS, variant) ? DERIVED_MODELS[variant] : undefined
  return model === undefined ? { family } : { family, model }
}

/**
 * Detector variants that are models of their own built on a family's architecture, by the name users call them:
 * the family id stays (a Flux LoRA is read against Chroma as against Flux), the labels name the model.
 */
const DERIVED_MODELS: Record<string, string> = { chroma: 'Chroma' }

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
  'longcat-video': { 4096: 'LongCat-Video' },
  flux: { 3072: 'Flux' },
  sdxl: { 320: 'SDXL' },
  sd1: { 320: 'SD 1.x' },
  sd2: { 320: 'SD 2.x' },
  'hunyuan-video': { 3072: 'HunyuanVideo' }
}

/** How users name each family (`guessFamily` ids are internal). */
const DISPLAY_NAMES: Record<string, string> = {
  wan: 'Wan',
  'longcat-video': 'LongCat-Video',
  flux: 'Flux',
  sdxl: 'SDXL',
  sd1: 'SD 1.x',
  sd2: 'SD 2.x',
  'sd-unet': 'SD UNet',
  sd3: 'SD3',
  'qwen-image': 'Qwen-Image',
  'ltx-video': 'LTX-Video',
  cogvideox: 'CogVideoX',
  'hunyuan-video': 'HunyuanVideo',
  'hunyuan-video-1.5': 'HunyuanVideo 1.5',
  cogview4: 'CogView4',
  lumina2: 'Lumina-Image 2.0',
  'z-image': 'Z-Image',
  nextdit: 'NextDiT',
  pixart: 'PixArt',
  sana: 'Sana',
  auraflow: 'AuraFlow',
  mochi: 'Mochi',
  dit: 'DiT',
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
export function familyLabel(family: string | null, width: number | null, model?: string): string {
  if (family === null && width === null) return 'unknown architecture'
  // A model of its own on the family's architecture (`Chroma, Flux-derived`): its width is the family's.
  const label =
    model !== undefined && family !== null
      ? `${model}, ${familyDisplayName(family)}-derived`
      : sizeLabel(family, width)
  return family?.endsWith('-diffusers') ? `${label}, diffusers names` : label
}
