/**
 * The result of analysing one model's structure from its tensor names and shapes (`analyzeStructure`). Every field
 * is plain JSON (numbers, strings, arrays, objects): the `analyze --json` manifest embeds it as `structure`, and
 * compare / LoRA / gate code consumes it. Fields are only ever added, never renamed (see `STRUCTURE_SCHEMA_VERSION`).
 */
import type { FamilyMatch } from '../names/families.js'

export const STRUCTURE_SCHEMA_VERSION = 1

/** Exclusive category of one tensor (each key falls in exactly one). */
export type ParamCategory = 'weight' | 'bias' | 'normalization' | 'embedding' | 'other'

/** What a key takes part in, from its name (a key can carry several roles, e.g. an attention q-norm). */
export type KeyRole = 'attention' | 'feedforward' | 'normalization' | 'modulation' | 'embedding'

export interface CountAndParams {
  keys: number
  /** Element count. Exact up to 2^53 (every real model); see `StructureAnalysis.paramCountExact`. */
  params: number
}

export interface DtypeStats extends CountAndParams {
  dtype: string
}

export interface RoleStats {
  /** Keys whose name carries the role. */
  keys: number
  /** Blocks (of top-level block families) holding at least one key with the role. */
  blocks: number
}

export type SeparatorStyle = 'dot' | 'underscore' | 'mixed' | 'none'
export type CaseStyle = 'snake_case' | 'lower' | 'camelCase' | 'mixed'

export interface PrefixInfo {
  /** The prefix, with its trailing dot (`model.diffusion_model.`). */
  prefix: string
  keys: number
}

export interface NamingConventions {
  /** How segments are joined: dots (`blocks.0.self_attn.q`), underscores (`lora_unet_blocks_0_...`), or both. */
  separator: SeparatorStyle
  /** Letter case of the name segments. `mixed`: snake_case with some capitalised segments (`adaLN_modulation`). */
  case: CaseStyle
  /** Segments with an upper-case letter, e.g. `adaLN_modulation` (at most 20, sorted). */
  casedSegments: string[]
  /** A known wrapper prefix shared by every key, or '' if none. */
  commonPrefix: string
  /**
   * The known prefix stripped from the keys carrying it before the structural analysis: `commonPrefix`, or the
   * prefix of more than half the keys in a mixed file (a full checkpoint's `model.diffusion_model.` UNet next to
   * text encoders and VAE, whose keys keep their names). Block patterns and template keys are relative to it.
   */
  analysisPrefix: string
  /** The longest dotted prefix shared by every key (known or not), '' if none. */
  sharedPrefix: string
  /** Known wrapper prefixes found on any key, with their key counts (mixed files: UNet + text encoders + VAE). */
  knownPrefixes: PrefixInfo[]
  /** The first name segment of the (prefix-stripped) keys with their key counts, most frequent first (at most 30). */
  topLevelModules: PrefixInfo[]
  /** Leaf parameter names (`weight`, `bias`, `scale`, `modulation`, ...) with their key counts, most frequent first. */
  leafNames: PrefixInfo[]
}

export interface TemplateEntry {
  /** Key relative to the block (`self_attn.q.weight`). */
  key: string
  shape: number[]
  dtype: string
}

export interface ShapeDifference {
  key: string
  shape: number[]
  templateShape: number[]
}

/** Blocks of a family whose keys or shapes differ from the family template. */
export interface BlockVariant {
  /** The blocks (their paths relative to the family pattern, e.g. `3` or `4.1.0`) with this variant. */
  blocks: string[]
  keyCount: number
  /** Template keys these blocks lack (at most 50 listed). */
  missing: string[]
  /** Keys these blocks have beyond the template (at most 50 listed). */
  extra: string[]
  /** Keys present in both with a different shape (at most 50 listed). */
  shapeDifferences: ShapeDifference[]
}

export interface BlockFamily {
  /**
   * The path of the repeated container with outer indices as `{}`: `blocks`, `double_blocks`,
   * `input_blocks.{}.{}.transformer_blocks`, `txt_in.individual_token_refiner.blocks`.
   */
  pattern: string
  /** The container's own name (last segment of the pattern): `blocks`, `transformer_blocks`. */
  name: string
  /** The enclosing family's pattern when this family sits inside another family's blocks. */
  parent: string | null
  /** Number of block instances. */
  count: number
  /** Sorted distinct block indices (the last index of each instance). */
  indices: number[]
  /** Instances missing inside each container's 0..max index range (`5`, or `4.1.3` for nested families). */
  missing: string[]
  /** True when every container's indices run 0..n-1 without gaps. */
  contiguous: boolean
  /** The majority block's keys in file order, with shapes. */
  template: TemplateEntry[]
  /** Keys per block in the template. */
  keysPerBlock: number
  /** Total keys and parameters in all blocks of the family. */
  keys: number
  params: number
  /** Every block has the same key names. */
  uniformKeys: boolean
  /** Every block has the same key names and shapes. */
  uniform: boolean
  /** The blocks that deviate from the template, grouped by how they deviate (at most 20 variants detailed). */
  variants: BlockVariant[]
  /** Roles present in the template. */
  roles: KeyRole[]
}

export type AttentionLayout =
  /** One [3d, d] projection for q, k and v. */
  | 'fused-qkv'
  /** Separate q, k, v projections. */
  | 'separate'
  /** A q projection plus one fused [2d, d] k/v projection. */
  | 'q-fused-kv'
  /** One unequal fused linear holding q, k, v and the MLP input (Flux / HunyuanVideo single blocks). */
  | 'fused-qkv-mlp'
  /** Some of q, k, v found but not all (e.g. only out and norms). */
  | 'partial'

export type AttentionKind = 'self' | 'cross' | 'joint' | 'unknown'

export type ProjectionRole =
  | 'q'
  | 'k'
  | 'v'
  | 'qkv'
  | 'kv'
  | 'out'
  | 'added_q'
  | 'added_k'
  | 'added_v'
  | 'added_qkv'
  | 'added_out'
  | 'k_img'
  | 'v_img'
  | 'fused_qkv_mlp'

export interface AttentionProjection {
  role: ProjectionRole
  /** The weight key, relative to the block for modules inside a family. */
  key: string
  shape: number[]
  bias: boolean
}

export interface QkNormInfo {
  present: boolean
  /** Keys of the norms (relative), e.g. `self_attn.norm_q.weight`. */
  keys: string[]
  /** Size of the q-norm weight. */
  size: number | null
  /** True: per head (size = head dim < hidden dim); false: over the full dim; null: no norm or cannot tell. */
  perHead: boolean | null
}

export interface AttentionModule {
  /** The block family the module is in (pattern), or null for a module outside any family. */
  family: string | null
  /** Module path relative to the block (`self_attn`, `attn`, `img_attn`), or the full path outside families. */
  path: string
  /** Blocks of the family having this module (1 outside families). */
  blocks: number
  layout: AttentionLayout
  kind: AttentionKind
  /** Why `kind` was chosen (names, or an input dim that differs from the hidden dim). */
  kindEvidence: string
  projections: AttentionProjection[]
  qkNorm: QkNormInfo
  /** The query side's input dim (the hidden dim of the stream). */
  hiddenDim: number | null
  /** The k/v input dim when it differs from `hiddenDim` (cross attention onto text of another width). */
  contextDim: number | null
  /** Head dim and count when the shapes tell them (per-head q/k norm); null otherwise. */
  headDim: number | null
  heads: number | null
  /** For `fused-qkv-mlp`: the MLP part of the fused linear (out - 3 * hidden). */
  fusedMlpDim: number | null
  /** Joint attention with an added (context) stream: `add_q_proj`, `add_k_proj`, ... present. */
  hasAddedStream: boolean
}

export type FfnKind =
  /** up [f, d] -> activation -> down [d, f]. */
  | 'mlp'
  /** Gated with separate gate/up projections (SwiGLU w1/w3 + w2, gate_proj/up_proj/down_proj). */
  | 'gated'
  /** Gated with the gate and up projections fused in one [2f, d] linear (GEGLU `ff.net.0.proj`). */
  | 'gated-fused'
  /** The MLP input is fused with q, k, v in one linear (Flux / HunyuanVideo single blocks). */
  | 'fused-with-attention'
  | 'unknown'

export interface FfnModule {
  family: string | null
  path: string
  blocks: number
  kind: FfnKind
  hiddenDim: number | null
  intermediateDim: number | null
  /** Relative weight keys with their roles (`up`, `gate`, `down`). */
  projections: { role: 'up' | 'gate' | 'down' | 'gate_up'; key: string; shape: number[] }[]
  evidence: string
}

export interface DimensionValue {
  value: number | null
  /** Where the value comes from: the key(s) and shape(s), or a family rule; or why it is unknown. */
  evidence: string
  /** `metadata`: stated by the file's own metadata (GGUF `ARCH.attention.head_count`, ...), not read from shapes. */
  source: 'shape' | 'family' | 'metadata' | 'unknown'
}

export interface Dimensions {
  hiddenDim: DimensionValue
  ffnDim: DimensionValue
  ffnKind: FfnKind
  headDim: DimensionValue
  heads: DimensionValue
  /** Latent channels entering the patch embedding (Conv in-channels; for a Linear patchifier its in-features). */
  inChannels: DimensionValue
  /** Features of the output projection (`head.head`, `proj_out`, `final_layer.linear`, conv out). */
  outFeatures: DimensionValue
  /** Output latent channels when the patch size is known (`outFeatures / prod(patch)`), else null. */
  outChannels: DimensionValue
  /** Spatial/temporal patch size from the patch embedding conv kernel, e.g. [1, 2, 2]. */
  patchSize: number[] | null
  /** Number of blocks in the main (largest) block family. */
  layers: DimensionValue
  /** Width of the text/context input when a k/v projection or text embedding shows it. */
  contextDim: DimensionValue
}

export type Confidence = 'high' | 'medium' | 'low'

/** A family match (src/names/families.ts: the one family detector). */
export type { FamilyMatch }

export interface StructureAnalysis {
  schemaVersion: typeof STRUCTURE_SCHEMA_VERSION
  tensorCount: number
  /** Sum of every tensor's element count (a double; exact below 2^53). */
  paramCount: number
  /** False when the count passed 2^53 (a hostile or absurd file) and is rounded. */
  paramCountExact: boolean
  dtypes: DtypeStats[]
  parameterTypes: Record<ParamCategory, CountAndParams>
  roles: Record<KeyRole, RoleStats>
  naming: NamingConventions
  /** Every family of repeated blocks, outer families first, in order of first appearance. */
  blockFamilies: BlockFamily[]
  /** Keys outside every top-level block family. */
  topLevelKeys: number
  attention: AttentionModule[]
  ffn: FfnModule[]
  dimensions: Dimensions
  /** Best family match, or null for an unknown model. */
  family: FamilyMatch | null
  /** Every family rule that matched, best first (usually one). */
  familyCandidates: FamilyMatch[]
  /** Things the analysis could not settle or found odd (duplicate names, non-integer sizes, ...). */
  notes: string[]
}
