/**
 * What a module path names: its layer kind (self-attention q, cross-attention kv, FFN, modulation, ...), its block,
 * and the architecture a set of paths points at. Works on dotted and kohya underscore paths alike by matching on
 * the underscored form with `_` boundaries, so `self_attn` and `blocks_3` read the same in both.
 */

/** `blocks.3.self_attn.q` -> `_blocks_3_self_attn_q_`: one form for dotted and underscore paths. */
export function boundaryForm(path: string): string {
  return '_' + path.replace(/\./g, '_') + '_'
}

const PROJECTIONS: [RegExp, string][] = [
  [/_(?:k_img|add_k_proj)_$/, 'k_img'],
  [/_(?:v_img|add_v_proj)_$/, 'v_img'],
  [/_(?:qkv|to_qkv|query_key_value|in_proj|qkv_proj)_$/, 'qkv'],
  [/_(?:kv_linear|to_kv|kv)_$/, 'kv'],
  [/_(?:to_q|q_proj|q_linear|wq|q|query|add_q_proj)_$/, 'q'],
  [/_(?:to_k|k_proj|wk|k|key)_$/, 'k'],
  [/_(?:to_v|v_proj|wv|v|value)_$/, 'v'],
  [/_(?:to_out_0|to_out|out_proj|proj|o|wo|to_add_out)_$/, 'o'],
  [/_norm\w*_$/, 'norm']
]

function projection(u: string): string | null {
  for (const [re, name] of PROJECTIONS) if (re.test(u)) return name
  return null
}

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
 * Block indices (other than 0) of the usual containers, in the underscored form. The rules above read such an index
 * only through `\d+`, or as a literal 0 (`input_blocks_0_0`); no rule has a literal 9. So writing every nonzero
 * index as 9 leaves every rule's answer, hence the label, unchanged, and the 40 blocks of a model share one cache
 * entry (tested against the uncached rules).
 */
const BLOCK_INDEX =
  /_(blocks|double_blocks|single_blocks|transformer_blocks|single_transformer_blocks|layers|vace_blocks|resblocks)_[1-9]\d*(?=_)/g
const KIND_CACHE_LIMIT = 50000
const kindCache = new Map<string, string>()

/** Layer kind label of a module path, e.g. `self-attn q`, `cross-attn k_img`, `ffn`, `modulation`. */
export function layerKind(path: string, textEncoder = false): string {
  const key = boundaryForm(path).replace(BLOCK_INDEX, '_$1_9')
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

const BLOCK_RE =
  /_(double_blocks|single_transformer_blocks|single_blocks|transformer_blocks|vace_blocks|blocks|input_blocks|output_blocks|middle_block|down_blocks|up_blocks|layers|resblocks)_(\d{1,6})_/

/** The block a path sits in (first, outermost block series), e.g. `{series:'blocks', index:3}`. */
export function blockOf(path: string): { series: string; index: number } | undefined {
  const m = BLOCK_RE.exec(boundaryForm(path))
  if (!m) return undefined
  return { series: m[1]!, index: Number(m[2]) }
}

/**
 * The index of the block a tensor or module name sits in (`blocks.3`, `double_blocks.3`, kohya `blocks_3`), or null
 * at the top level.
 */
export function blockIndex(name: string): string | null {
  const block = blockOf(name.replace(/\.(?:weight|bias)$/, ''))
  return block ? String(block.index) : null
}

interface FamilyRule {
  family: string
  re: RegExp
}

// Tested against the underscored form; dotted-only tells (HunyuanVideo `img_attn_qkv` vs Flux `img_attn.qkv`) use
// the raw dotted path.
const FAMILY_RULES: FamilyRule[] = [
  {
    family: 'longcat',
    re: /^_blocks_\d+_(?:attn_qkv|cross_attn_kv_linear|cross_attn_q_linear|ffn_w[123]|adaLN_modulation_1)_/
  },
  { family: 'wan', re: /^_(?:vace_)?blocks_\d+_(?:self_attn|cross_attn|ffn_[02]|modulation|norm3)_/ },
  {
    family: 'wan',
    re: /^_(?:patch_embedding|text_embedding_[02]|time_embedding_[02]|time_projection_1|head_head|img_emb)_/
  },
  { family: 'wan-diffusers', re: /^_blocks_\d+_(?:attn[12]|ffn_net_[02]|scale_shift_table)_/ },
  { family: 'wan-diffusers', re: /^_condition_embedder_/ },
  {
    family: 'flux',
    re: /^_(?:double_blocks_\d+_(?:img|txt)_(?:attn|mlp|mod)|single_blocks_\d+_(?:linear[12]|modulation))_/
  },
  {
    family: 'flux-diffusers',
    re: /^_(?:single_transformer_blocks|transformer_blocks_\d+_(?:attn_(?:to_|add_)|ff_context|norm1_context))_/
  },
  { family: 'sdxl', re: /^_(?:input_blocks|output_blocks|middle_block)_\d+_/ },
  {
    family: 'sd-diffusers-unet',
    re: /^_(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets)_/
  },
  { family: 'clip-text', re: /^_text_model_encoder_layers_\d+_/ }
]

/** The family one path belongs to, or null. */
export function familyOfPath(path: string): string | null {
  if (/\.img_attn_qkv$|\.img_mod\.linear$|\.txt_attn_qkv$/.test(path)) return 'hunyuanvideo'
  const u = boundaryForm(path)
  for (const rule of FAMILY_RULES) if (rule.re.test(u)) return rule.family
  return null
}

/** The family most paths point at (text-encoder paths are ignored by callers), or null. */
export function guessFamily(paths: Iterable<string>): string | null {
  const votes = new Map<string, number>()
  for (const p of paths) {
    const f = familyOfPath(p)
    if (f && f !== 'clip-text') votes.set(f, (votes.get(f) ?? 0) + 1)
  }
  let best: string | null = null
  let bestCount = 0
  for (const [f, n] of votes) {
    if (n > bestCount) {
      best = f
      bestCount = n
    }
  }
  return best
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
  hunyuanvideo: { 3072: 'HunyuanVideo' }
}

/** How users name each family (`guessFamily` ids are internal). */
const DISPLAY_NAMES: Record<string, string> = {
  wan: 'Wan',
  longcat: 'LongCat-Video',
  flux: 'Flux',
  sdxl: 'SDXL',
  'sd-diffusers-unet': 'SD UNet',
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
