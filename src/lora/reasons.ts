/**
 * Why a module does not load (or loads with a remark), and the file-level cause it is counted under, as data. The
 * resolver decides the kind once, from what it found; src/report/lora-reasons.ts words every kind. Nothing reads a
 * sentence back: grouping, counting and the convert plan look at `kind` and the fields.
 */

/** Per module: why it is not `ok`, or a remark on an `ok` module. */
export type ResolutionReason =
  /** A text-encoder module on a base that has no such text encoder (`present`: the ones it has). */
  | { kind: 'no-text-encoder'; textEncoder: number; prefix: string; present: number[] }
  | { kind: 'no-denoiser' }
  /**
   * The module patches a component the base does not hold, the base being another component alone: a text-encoder
   * module on the transformer or UNet file, a denoiser module on a text encoder's file, a module of another text
   * encoder (`textEncoder`) than the one file given (`baseTextEncoder`). Status `not-checked`.
   */
  | {
      kind: 'other-component'
      module: 'denoiser' | 'text-encoder'
      textEncoder: number
      prefix: string
      /** The base's one component: the denoiser, or the text encoder it was read as (0: none). */
      base: 'denoiser' | 'text-encoder'
      baseTextEncoder: number
    }
  /** Module names of another architecture than the base's. */
  | { kind: 'other-architecture'; lora: string; base: string }
  /** Wan2.1 I2V's CLIP image branch on a base without it. */
  | { kind: 'image-branch' }
  /** A modulation (adaLN) module on a base with no modulation layers at all (Chroma). */
  | { kind: 'no-modulation' }
  | { kind: 'beyond-depth'; series: string; index: number; max: number }
  | { kind: 'no-base-key'; path: string; underscore: boolean }
  /** A bias-only delta on a base module without bias. */
  | { kind: 'no-bias'; module: string }
  /** Part of a fused module's rows have no counterpart in the base (a split would lose them). */
  | { kind: 'partial-split'; path: string; missing: { start: number; end: number }[] }
  | {
      kind: 'shape-mismatch'
      key: string
      shape: number[]
      slice?: { offset: number; size: number }
      expected: string
    }
  /** Tensors no loader recognises as an adapter. */
  | { kind: 'unsupported-adapter' }
  /** Remarks on loadable modules. */
  | { kind: 'shapes-unchecked'; algorithm: string }
  | { kind: 'ia3-not-in-comfyui' }
  | { kind: 'shape-note'; note: string }

/** File-level causes: equal causes group, whatever the module. */
export type ResolutionCause =
  | { kind: 'text-context'; lora: number; base: number }
  | { kind: 'other-size'; lora: string; base: string; loraWidth: number; baseWidth: number }
  | { kind: 'in-dim' }
  | { kind: 'shape' }
  | { kind: 'text-encoder' }
  | { kind: 'other-component' }
  | { kind: 'image-branch' }
  | { kind: 'no-modulation' }
  | { kind: 'beyond-depth'; series: string; max: number }
  | { kind: 'other-architecture'; lora: string; base: string }
  | { kind: 'names-not-found' }
  | { kind: 'no-bias' }
  | { kind: 'partial-split' }
  | { kind: 'unsupported-adapter' }

/** A stable key of a cause, for grouping (field order is fixed by the constructors above). */
export function causeKey(c: ResolutionCause): string {
  return JSON.stringify(c)
}
