/**
 * Why a module is not converted, as data: the resolution's own reason when the module does not load on the base,
 * else what stops an exact rewrite. Worded once in src/report/convert-reasons.ts; the plan groups and counts by
 * these values, never by their words.
 */
import type { ResolutionCause, ResolutionReason } from '../lora/reasons.js'
import type { ResolutionStatus } from '../lora/types.js'
import type { ConvertTarget } from './types.js'

export type Refusal =
  /** The module does not load on the base (the resolution says why). */
  | {
      kind: 'not-loadable'
      status: ResolutionStatus
      why?: ResolutionReason
      expected?: string
      cause?: ResolutionCause
    }
  | { kind: 'not-lora'; algorithm: string }
  | { kind: 'extra-tensors'; roles: string[] }
  | { kind: 'inconsistent'; issues: string[] }
  | { kind: 'alpha-unread' }
  | { kind: 'no-scale' }
  | { kind: 'no-byte-range'; tensor: string }
  /** A text-encoder module in a convention without text-encoder names. */
  | { kind: 'no-naming'; to: ConvertTarget }
  | { kind: 'not-a-base-weight'; key: string }
  | { kind: 'split-conv' }
  | { kind: 'stack-conv'; key: string }
  | { kind: 'scales-differ'; key: string; scales: number[] }
  | { kind: 'dtypes-differ'; key: string }
  | { kind: 'too-large'; key: string; bytes: number; limit: number }
  | { kind: 'rows-outside'; key: string; shape: number[]; start: number; end: number }
  /** Equal chunks whose order the correspondence cannot tell: writing them in some order would not be exact. */
  | { kind: 'order-unknown'; key: string; ambiguity: { kind: string; chunks: string[] } }
  | { kind: 'reorder-conv'; key: string }

/** The cause a refusal is counted under: the resolution's file-level cause when it has one, else the refusal. */
export type ConvertCause =
  { kind: 'resolution'; cause: ResolutionCause } | { kind: 'refusal'; refusal: Refusal }

export function convertCauseOf(r: Refusal): ConvertCause {
  if (r.kind === 'not-loadable' && r.cause) return { kind: 'resolution', cause: r.cause }
  return { kind: 'refusal', refusal: r }
}
