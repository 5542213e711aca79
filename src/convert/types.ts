/**
 * Types of a LoRA conversion: the plan (which modules become which, by which transform, and what is refused or
 * dropped, with why) and the recipes of every output tensor, which say where each output byte comes from so the
 * writer can copy raw bytes without ever decoding a float (the one exception is the alpha scalar).
 */
import type { ConvertCause, Refusal } from './reasons.js'

/** Key conventions a LoRA can be rewritten to (module paths always follow the base). */
export type ConvertTarget = 'kohya' | 'peft' | 'diffusers' | 'comfyui' | 'base'

export const CONVERT_TARGETS: readonly ConvertTarget[] = ['kohya', 'peft', 'diffusers', 'comfyui', 'base']

/**
 * rename: one module to one module, tensors copied. stack: several modules (or row slices of a fused module) onto
 * one fused base weight: down matrices stacked along the rank, up matrices placed block-diagonally. split: one
 * fused module onto several base weights: down copied (or its own rank chunk), up split by rows. reorder: one
 * module onto one weight whose equal row chunks come in another order (up rows permuted, down copied).
 */
export type TransformKind = 'rename' | 'stack' | 'split' | 'split+stack' | 'reorder'

/** Rows [start, end) of a source tensor (row = first dimension; the rest of the shape is one row). */
export interface SourceRows {
  key: string
  start: number
  end: number
}

/** A block of an up matrix: source rows placed at (row, col) of a zero matrix. Its width is the source's columns. */
export interface PlacedBlock extends SourceRows {
  row: number
  col: number
}

export type TensorRecipe =
  /** The output is the row-concatenation of source row ranges: pure byte copies. */
  | { kind: 'rows'; pieces: SourceRows[] }
  /** A zero matrix with source blocks placed in it (block-diagonal up matrices): byte placement, no arithmetic. */
  | { kind: 'blocks'; blocks: PlacedBlock[] }
  /** A scalar written as F32 (alpha); the only value computed. */
  | { kind: 'scalar'; value: number }

export interface OutputTensor {
  key: string
  dtype: string
  shape: number[]
  recipe: TensorRecipe
}

export interface ModuleSource {
  /** Stem of the LoRA module, as stored. */
  stem: string
  /** Rows of that module's output this target takes (a split), when not all of them. */
  rows?: { start: number; end: number }
  /** Rows of the target base weight it lands on (a stack), when not all of them. */
  at?: { start: number; end: number }
}

export interface PlannedModule {
  /** The output stem (in the target convention). */
  stem: string
  /** The base weight it patches. */
  baseKey: string
  transform: TransformKind
  sources: ModuleSource[]
  /** Rank of the written module (rows of down). */
  rank: number
  /** alpha / rank of the written module: equal to every source's own scale. */
  scale: number
  /** The alpha written (scale x rank), or null when the convention's default (scale 1) says it. */
  alpha: number | null
  tensors: OutputTensor[]
}

export interface RefusedModule {
  stem: string
  /** Why, as data (worded by src/report/convert-reasons.ts). */
  why: Refusal
  /** `why` worded (filled by the report layer for the JSON document). */
  reason?: string
}

export interface ConversionPlan {
  lora: string
  base: string
  to: ConvertTarget
  /** True when the conversion is exact for every module kept (nothing refused, or refusals dropped). */
  ok: boolean
  dropUnmatched: boolean
  modules: PlannedModule[]
  /** Modules that cannot be converted exactly; they stop the conversion unless dropped. */
  refused: RefusedModule[]
  /** With --drop-unmatched: every module left out, with why (equal to `refused`, listed as dropped). */
  dropped: RefusedModule[]
  /** Refusal causes with module counts, most frequent first (`blocks beyond the base's depth (base has blocks 0-29)`). */
  causes: { why: ConvertCause; modules: number; cause?: string }[]
  /** Keys that belong to no module (no adapter suffix): refused or dropped like modules. */
  unknownKeys: string[]
  counts: Record<TransformKind, number>
  /** Output size in bytes of the tensor data. */
  dataBytes: number
  notes: string[]
}
