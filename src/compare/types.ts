/** Types of a model-vs-model comparison and of the key mapping it proposes. */
import type { StructureAnalysis } from '../analysis/types.js'
import type { FormatName } from '../formats/types.js'
import type { Evidence, RowRange } from '../correspond/index.js'

export type Confidence = 'high' | 'medium' | 'low'

/**
 * rename: one tensor to one tensor of the same shape. reshape: one to one, same element count, other shape.
 * split: one tensor of A to several of B (rows concatenated in target order). fuse: several of A to one of B.
 * reorder: one to one, same shape, row chunks in another order.
 */
/** `transpose`: a projection held as a bare parameter on one side and as a Linear's weight on the other. */
/**
 * `broadcast`: one A tensor copied into several B tensors (one per block); `collapse`: several equal A copies to one
 * B tensor.
 */
export type MappingKind =
  'rename' | 'split' | 'fuse' | 'reshape' | 'reorder' | 'transpose' | 'broadcast' | 'collapse'

export interface KeyMapping {
  /** Keys of model A (raw, as stored). Several for a fuse, in row order. */
  source: string[]
  /** Keys of model B (raw). Several for a split, in row order. */
  target: string[]
  kind: MappingKind
  confidence: Confidence
  /** Why the mapper proposes it, in words (which rule, which tokens or dims). */
  reason: string
  shapes: { source: number[][]; target: number[][] }
  /** True when the shapes fit: equal, equal element count (reshape), or parts that sum exactly (split/fuse). */
  shapeCompatible: boolean
  /**
   * Set when equal-shaped pieces could be swapped without any header showing it (scale/shift halves of a
   * modulation, k/v order in a fused KV, q/k/v order, gate/up of a SwiGLU): the mapping states its assumption here.
   */
  ambiguity?: string
  /** split: the dim-0 rows of the source each target takes; fuse: the rows of the target each source fills. */
  rows?: RowRange[]
  /** The engine's structured evidence (src/correspond), which `reason` words. */
  evidence?: Evidence[]
}

export interface ModelRef {
  name: string
  path: string
  format: FormatName
}

export interface KeyStatistics {
  totalA: number
  totalB: number
  /** Keys present in both, exactly as stored. */
  common: number
  onlyA: number
  onlyB: number
}

/** Overlap figures, each a share of A's tensors in [0, 1]. */
export interface OverlapFigures {
  /** common exact keys / keys of A (what the old analysis scripts report; ignores shapes). */
  exact: number
  /** exact keys that also have a compatible shape / keys of A. */
  exactCompatible: number
  /** keys equal after stripping known prefixes and wrappers / keys of A. */
  normalized: number
  /** normalized keys that also have a compatible shape / keys of A. */
  normalizedCompatible: number
  /**
   * A's tensors covered by a high-confidence, shape-compatible mapping onto B (exact and prefix-only matches
   * included) / keys of A.
   */
  mapped: number
  /**
   * The headline: parameters (elements) of A and B covered by high-confidence links that conserve them (rename,
   * reshape, split, fuse, reorder), over all parameters of A and B. Symmetric: the same whichever side is A.
   */
  parameters: number
}

export interface ShapeDifference {
  key: string
  shapeA: number[]
  shapeB: number[]
}

export interface ShapeComparison {
  /** Common exact keys whose shapes are equal. */
  matching: number
  /** Common exact keys whose shapes differ, with both shapes. */
  differing: ShapeDifference[]
}

export type FlagKind = 'red' | 'green'

export interface Flag {
  kind: FlagKind
  /** Stable identifier, e.g. `block-count`, `hidden-dim`, `attention-layout`, `naming`. */
  code: string
  message: string
  /** The facts behind the flag (both block counts, both layouts, both dims, ...). */
  evidence: Record<string, unknown>
}

export type VerdictTier = 'compatible' | 'partial' | 'incompatible'
export type OverlapBasis = 'exact' | 'normalized' | 'mapped'

export interface Verdict {
  tier: VerdictTier
  /**
   * The figure the tier was taken from: the best of exactCompatible, normalizedCompatible and mapped (all
   * shape-aware). On a tie the simplest wins (exact, then normalized, then mapped), because it needs the least
   * conversion.
   */
  basis: OverlapBasis
  /** The value of that figure, in [0, 1]. */
  overlap: number
  /** One sentence for people: what the tier means for LoRAs. */
  summary: string
}

/** What the comparison knows about one side's structure (for flags and reports). */
export interface StructureFacts {
  /** Repeated-block families as the mapper sees them (prefix-stripped), with their block counts. */
  families: { prefix: string; count: number }[]
  /** Attention modules' kind and layout, e.g. `self separate`, `cross q-fused-kv` (from src/analysis). */
  attentionLayouts: string[]
  /** The hidden dim, when the shapes tell it, and the keys that show it. */
  hiddenDim?: number
  hiddenDimEvidence?: string
  /** The model family the structure analysis identified, if any, with the detector's confidence and evidence. */
  family?: { id: string; name: string; confidence: string; evidence: string[] }
  /** A text model's token vocabulary: its token embedding table's key and token count (vocabulary.ts). */
  vocabulary?: { key: string; tokens: number }
}

/**
 * A block family with no family counterpart whose keys the mapping links anyway (block-pairing.ts
 * familiesMappedElsewhere): `linked` of its `keys` at high confidence.
 */
export interface MappedFamily {
  side: 'a' | 'b'
  prefix: string
  keys: number
  linked: number
}

export interface FamilyPairing {
  a: string
  b: string
  countA: number
  countB: number
  /** The blocks do not map one to one (LDM `input_blocks.N.M` vs diffusers `down_blocks.i.resnets.j`). */
  restructured?: boolean
  /**
   * The blocks pair index by index and one side lacks the other's last ones (a network saved without its tail):
   * `side` is the side that lacks them, `blocks` their indices in the other side's family.
   */
  missingTail?: { side: 'a' | 'b'; blocks: number[] }
}

export interface Comparison {
  models: { a: ModelRef; b: ModelRef }
  keys: KeyStatistics
  overlap: OverlapFigures
  shapes: ShapeComparison
  structure: { a: StructureFacts; b: StructureFacts }
  /** Which block family of A was aligned with which of B (block i with block i). */
  familyPairs: FamilyPairing[]
  /** Every proposed mapping except identities (same key, same shape). */
  mappings: KeyMapping[]
  mappingCounts: Record<Confidence, number>
  /** Keys with no exact match and no mapping of any confidence. */
  unmatched: { a: string[]; b: string[] }
  flags: Flag[]
  verdict: Verdict
  /** A side's quantization companions, set aside before counting and matching (absent when neither has any). */
  quantization?: { a?: QuantizationFacts; b?: QuantizationFacts }
}

/**
 * What a side's quantized weights store beside them (src/names/quantization.ts): set aside, since a scale is a
 * weight's storage, not a layer.
 */
export interface QuantizationFacts {
  /** In words: `ComfyUI scaled FP8 with a per-tensor scale_weight`. */
  scheme?: string
  /** Weights with companions. */
  weights: number
  /** Companion tensors set aside (the `scaled_fp8` marker included). */
  tensors: number
  /** Their leaves, most frequent first. */
  leaves: string[]
}

export interface CompareOptions {
  /** Display names for A and B (default: the file names). */
  names?: [string, string]
  /** Structure analyses already computed by the caller (src/analysis `analyzeStructure`); computed when absent. */
  analyses?: { a?: StructureAnalysis; b?: StructureAnalysis }
}
