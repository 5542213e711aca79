/**
 * Types of the LoRA core: what a LoRA file contains (conventions, modules, statistics), where each module lands on a
 * base model, and how two LoRAs differ. Everything here is plain data so it serialises as-is to the JSON report
 * (schemas/lora.schema.json).
 */
import type { TensorInfo } from '../formats/types.js'
import type { TensorRole } from '../names/adapters.js'
import type { LinkEvidence, LinkKind } from './correspondence.js'
import type { ResolutionCause, ResolutionReason } from './reasons.js'

/**
 * How a file names its modules. `comfyui` covers the dotted original names with a `diffusion_model.` prefix
 * written by ComfyUI, musubi-tuner, ai-toolkit and diffusion-pipe; `bare` is dotted names with no prefix
 * (DiffSynth-Studio, Mochi).
 */
export type NamingConvention =
  'kohya' | 'peft' | 'diffusers' | 'diffusers-legacy' | 'comfyui' | 'lycoris' | 'longcat' | 'bare'

/** The adapter algorithm of one module (LyCORIS names). `full` is a stored delta (`.diff`, `.diff_b`, `diff_m`). */
export type AdapterAlgorithm =
  'lora' | 'loha' | 'lokr' | 'ia3' | 'full' | 'glora' | 'oft' | 'norm' | 'unknown'

/** Conventions reported per file: the naming conventions plus the algorithm families LyCORIS and DoRA. */
export type ConventionName = NamingConvention | 'dora'

export interface ConventionEvidence {
  convention: ConventionName
  /** Tensor keys showing it. */
  keyCount: number
  /** Why: the markers seen (prefixes, suffixes). */
  markers: string[]
  /** Up to three keys that show it, as stored. */
  examples: string[]
}

/** Which part of a pipeline a module belongs to. */
export type ComponentKind = 'denoiser' | 'text-encoder'

/** The role one tensor plays in its module, from its key suffix (src/names/adapters.ts). */
export type { TensorRole } from '../names/adapters.js'

export interface ModuleTensor {
  role: TensorRole
  /** Block index for `up-block` (LongCat `lora_up.blocks.j`). */
  index?: number
  tensor: TensorInfo
}

/** One adapted module: every tensor sharing a stem. */
export interface LoraModule {
  /** The key part before the adapter suffix, as stored. */
  stem: string
  naming: NamingConvention
  algorithm: AdapterAlgorithm
  component: ComponentKind
  /** Text-encoder index for kohya `lora_te1_` / `lora_te2_` / diffusers `text_encoder_2.` (1-based); 0 otherwise. */
  textEncoder: number
  /** The stem prefix that was removed (`lora_unet_`, `diffusion_model.`, `transformer.`, ...); '' if none. */
  prefix: string
  /** The module path after the prefix: dotted, except for kohya/LyCORIS underscore names (`pathForm`). */
  path: string
  pathForm: 'dotted' | 'underscore'
  /** PEFT adapter name (`default`, `default_0`) when the keys carry one. */
  adapterName?: string
  tensors: ModuleTensor[]
  /** Rank as stored in the down/A shape (or the factor shape for LoHa/LoKr); null when the algorithm has none. */
  storedRank: number | null
  /** Trained rank: `storedRank / splitCount` for split layouts. */
  rank: number | null
  /** LongCat `n_separate` (number of `lora_up.blocks.j`); 1 otherwise. */
  splitCount: number
  /** Whether the file stores an `alpha` (or `alpha_scale`) tensor for this module. */
  hasAlpha: boolean
  /** Alpha value when known (from values the caller read, or metadata); null otherwise. */
  alpha: number | null
  /** Effective scale (alpha / rank), with where it came from. */
  scale: number | null
  scaleSource: ScaleSource
  /** Sum of element counts of every tensor of the module. */
  params: number
  bytes: number
  /** Layer kind label, e.g. `self-attn q`, `cross-attn kv`, `ffn`, `modulation`. */
  layerKind: string
  /** Block series and index (`blocks` 3, `double_blocks` 0), when the path names one. */
  block?: { series: string; index: number }
  /** Problems inside the LoRA itself (rank mismatch between down and up, missing up, ...). */
  issues: string[]
}

export type ScaleSource =
  'alpha-tensor' | 'alpha-scale-tensor' | 'metadata' | 'default-no-alpha' | 'alpha-unread' | 'not-applicable'

export interface RankHistogramEntry {
  rank: number
  modules: number
}

export interface LoraStatistics {
  modules: number
  tensors: number
  params: number
  bytes: number
  dtypes: Record<string, number>
  algorithms: Record<string, number>
  rank: { min: number; median: number; max: number; histogram: RankHistogramEntry[] } | null
  /** Modules whose stored rank is a multiple of the trained rank, with why. */
  rankNotes: string[]
  alpha: { values: Record<string, number>; unread: number; missing: number; defaultRule: string }
  scale: { min: number; max: number; values: Record<string, number> } | null
  layerKinds: Record<string, number>
  /** Per block series: sorted indices touched. */
  blocks: Record<string, number[]>
  components: { denoiser: number; textEncoder: number }
}

export interface TrainingMetadata {
  /** kohya `ss_*` keys of interest, as stored. */
  kohya: Record<string, string>
  /** `modelspec.*` keys, as stored. */
  modelspec: Record<string, string>
  /** Short summary derived from the two (base model, network dim/alpha, module, ...). */
  summary: Record<string, string>
}

export interface LoraAnalysis {
  path: string
  format: string
  conventions: ConventionEvidence[]
  /** The naming convention most keys use. */
  primary: NamingConvention | null
  /** True when more than one naming convention is present. */
  mixed: boolean
  /** Architecture the module names point at (wan, wan-diffusers, longcat, flux, flux-diffusers, sdxl, ...). */
  family: string | null
  /** Hidden width most down/A tensors take as input; a size tell (1536 Wan 1.3B, 5120 Wan 14B, ...). */
  width: number | null
  statistics: LoraStatistics
  metadata: TrainingMetadata
  modules: LoraModule[]
  /** Keys that fit no known adapter suffix. */
  unknownKeys: string[]
  warnings: string[]
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution

/**
 * `not-checked`: the module patches a component the base does not hold (a text-encoder module on a base with no
 * text encoder, the transformer or UNet file alone): where it lands is decided by a file this resolution does not
 * see, so it counts neither as loading nor as failing (`LoraResolution.checked`).
 */
export type ResolutionStatus = 'ok' | 'unresolved' | 'shape-mismatch' | 'unsupported' | 'not-checked'

export interface RowSlice {
  offset: number
  size: number
}

export interface ResolutionTarget {
  /** The base tensor key the module patches (as stored in the base, with its prefix). */
  key: string
  shape: number[]
  /** Rows of the base weight the module patches (q/k/v LoRA on a fused qkv). */
  slice?: RowSlice
  /** Rows [start, end) of the module's own output this target takes (a fused module split onto separate weights). */
  rows?: { start: number; end: number }
  /** The base tensor patched: the weight (default) or the bias a `.diff_b` patches. */
  tensor?: 'weight' | 'bias'
  /** How the name was found: `exact`, `underscore`, or the engine link that found it. */
  via: string
}

/** The correspondence link a module resolved through (src/lora/correspondence.ts). */
export interface ResolutionLink {
  kind: LinkKind
  confidence: 'high' | 'medium' | 'low'
  evidence: LinkEvidence[]
  /** Equal chunks whose order the headers cannot verify: a conversion refuses rather than guess. */
  ambiguity?: { kind: string; chunks: string[] }
  /** reorder: per chunk of the base weight, the module's chunk it takes. */
  order?: number[]
}

export interface NearestKey {
  key: string
  shape: number[]
  why: string
}

export interface ModuleResolution {
  stem: string
  path: string
  status: ResolutionStatus
  /** The base tensor the module patches (a split: the first of `targets`). */
  target?: ResolutionTarget
  /** Every base tensor the module patches: the weight (or the weights of a split, in row order) and the bias. */
  targets?: ResolutionTarget[]
  link?: ResolutionLink
  /** Other base keys the name also matched. */
  ambiguous?: string[]
  /** Adapter tensor shapes by role (`down`, `up`, `up.0`, ...). */
  shapes: Record<string, number[]>
  /** Why it does not load, or a remark on a loadable module, as data (worded by src/report/lora-reasons.ts). */
  why?: ResolutionReason
  /** `why` worded (filled by the report layer for JSON documents). */
  reason?: string
  /** For shape mismatches: what the shapes say (`in-dim 5120 vs 1536`). */
  expected?: string
  /** The file-level cause this failure is counted under (one of `LoraResolution.causes`). */
  causeWhy?: ResolutionCause
  /** `causeWhy` worded (filled by the report layer for JSON documents). */
  cause?: string
  nearest?: NearestKey[]
  /**
   * Under a runtime loader profile (src/lora/loaders): whether that runtime applies the module to a weight. True
   * for every `ok` module, and also for a delta the runtime merges although its layout is wrong (a transposed
   * delta with the right element count): it loads, and it is broken.
   */
  runtimeLoads?: boolean
}

/** The runtime whose loading rules a resolution follows; `any` is every naming model-compat understands. */
export type LoaderName = 'any' | 'comfyui' | 'diffusers'

export interface LoraResolution {
  lora: string
  base: string
  baseFamily: string | null
  /** The base's own model on its family's architecture (`Chroma`, on Flux's), when the family detector names one. */
  baseModel?: string
  baseWidth: number | null
  modules: number
  /** Modules whose component the base holds (every module but the `not-checked` ones): what loadable is a share of. */
  checked: number
  loadable: number
  /** `loadable` as a share of `checked`. */
  loadablePercent: number
  counts: Record<ResolutionStatus, number>
  /** The most likely causes of failures, most frequent first (`14B LoRA on 1.3B base: in-dim 5120 vs 1536`). */
  /** `why` is set by the resolver; a profile that builds its own resolution may give only the words. */
  causes: { why?: ResolutionCause; modules: number; cause?: string }[]
  results: ModuleResolution[]
  /** The loader profile this resolution follows (absent: `any`). */
  loader?: LoaderName
  /** The runtime refuses the whole file: its error as it reports it (then no module loads). */
  fileError?: string
  /** What the runtime does silently (keys it drops without an error, parts it ignores), once per kind. */
  loaderNotes?: string[]
}

// ---------------------------------------------------------------------------------------------------------------
// LoRA vs LoRA

export interface LoraComparison {
  a: string
  b: string
  conventions: { a: ConventionName[]; b: ConventionName[]; same: boolean }
  family: { a: string | null; b: string | null; same: boolean }
  width: { a: number | null; b: number | null }
  /** Target modules, by normalised path (prefix and adapter infix removed, underscores resolved where possible). */
  targets: { common: number; onlyACount: number; onlyBCount: number; onlyA: string[]; onlyB: string[] }
  rank: {
    a: LoraStatistics['rank']
    b: LoraStatistics['rank']
    /** A sample of the differing modules (at most 200); `differingCount` is the true total. */
    differing: { path: string; a: number; b: number }[]
    differingCount: number
  }
  /**
   * Alpha is compared only where both values are known: an alpha tensor whose value was not read (no --read-alpha,
   * no metadata) is counted in `unread`, never as a difference.
   */
  alpha: {
    /** Common modules whose alpha is known on both sides. */
    compared: number
    differing: { path: string; a: number; b: number }[]
    differingCount: number
    /** Common modules with an alpha tensor whose value was not read, per side. */
    unread: { a: number; b: number }
  }
  layerKinds: { onlyA: string[]; onlyB: string[]; counts: Record<string, [number, number]> }
  blocks: { onlyA: Record<string, number[]>; onlyB: Record<string, number[]> }
}
