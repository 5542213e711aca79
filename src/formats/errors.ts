/**
 * One error class for every bad input, with one precise code per failure (as the safetensors crate does), so a
 * caller can tell a truncated file from a hostile one and the CLI can exit 2 with a message naming the file.
 */

import type { PickleGlobal } from './types.js'

export type ErrorCode =
  // generic
  | 'FileNotFound'
  | 'NotAFile'
  | 'EmptyFile'
  | 'IoError'
  | 'UnknownFormat'
  | 'Truncated'
  // a resource budget of the read (tensors, inflated bytes, pickle memory, a remote file's deadline; budget.ts)
  | 'BudgetExceeded'
  // a folder reader reached a file whose real path is outside the folder (or the workspace): a symbolic link
  | 'OutsideRoot'
  // safetensors (names from the reference crate, formats.md §1.4)
  | 'HeaderTooSmall'
  | 'HeaderTooLarge'
  | 'InvalidHeaderLength'
  | 'InvalidHeader'
  | 'InvalidHeaderDeserialization'
  | 'InvalidOffset'
  | 'TensorInvalidInfo'
  | 'ValidationOverflow'
  | 'MisalignedSlice'
  | 'MetadataIncompleteBuffer'
  // sharded / folders
  | 'InvalidIndex'
  | 'MissingShard'
  | 'ShardMismatch'
  | 'InvalidModelIndex'
  // zip
  | 'InvalidZip'
  | 'ZipTooManyEntries'
  | 'UnsupportedZip'
  // pickle / torch
  | 'InvalidPickle'
  | 'PickleLimitExceeded'
  | 'UnsupportedPickle'
  | 'NoStateDict'
  | 'InvalidTorchFile'
  // gguf
  | 'InvalidGguf'
  | 'GgufLimitExceeded'
  // manifest
  | 'InvalidManifest'
  // remote (HTTP range) sources
  | 'InvalidUrl'
  | 'HttpError'
  | 'RemoteAuth'
  | 'RangeNotSupported'
  // gguf: a well-formed file in a variant we do not read (v1, big-endian, a future version)
  | 'UnsupportedGguf'

export class CheckpointError extends Error {
  readonly code: ErrorCode
  /** The file (or URL) the problem is in. */
  readonly file: string
  /** What is wrong, without the file name. */
  readonly detail: string

  constructor(code: ErrorCode, file: string, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${code}: ${detail}`, options)
    this.name = 'CheckpointError'
    this.code = code
    this.file = file
    this.detail = detail
  }
}

export function isCheckpointError(e: unknown): e is CheckpointError {
  return e instanceof CheckpointError
}

/**
 * The pickle globals a failed read had found before it failed (a `PickleError` carries them: a file refused as a
 * checkpoint still reports what its pickles import), else an empty list.
 */
export function globalsOfFailure(e: unknown): PickleGlobal[] {
  const globals = e instanceof CheckpointError ? (e as { globals?: unknown }).globals : undefined
  return Array.isArray(globals) ? (globals as PickleGlobal[]) : []
}
