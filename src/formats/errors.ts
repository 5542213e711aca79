/**
 * The tool's error family. Every failure a user can cause or meet is one of these classes, and the class carries
 * the exit status, so the two front ends translate nothing by hand: the CLI prints the message and exits with
 * `exitCode`, the action fails the step with the message.
 *
 * | class             | exit | meaning                                                                   |
 * |-------------------|------|---------------------------------------------------------------------------|
 * | `UsageError`      | 2    | a flag or action input is missing, malformed, or names nothing            |
 * | `InputError`      | 2    | a file cannot be used (`CheckpointError`: one precise code per failure,   |
 * |                   |      | as the safetensors crate does; `OutputError`: an output cannot be written) |
 * | `GateFailedError` | 1    | the gate ran and an artifact failed it (`UnreadableArtifactError`, an     |
 * |                   |      | InputError: exit 2, when the reason is an artifact that could not be read) |
 * | `InternalError`   | 70   | a bug in this tool (EX_SOFTWARE); anything not in this family is one too   |
 *
 * Lives with the readers because it is the lowest layer that needs it: every other layer may import it.
 */

/** Exit statuses of the CLI (README "Exit status"). Usage and bad input share 2, as most Unix tools do. */
export const EXIT = Object.freeze({ ok: 0, gateFailed: 1, usage: 2, badInput: 2, internal: 70 })
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The base of the family: a message meant for the user, and the exit status it ends a CLI run with. */
export abstract class ModelCompatError extends Error {
  abstract readonly exitCode: ExitCode
  /**
   * The message as lines to print. One line for every error but the gate's verdicts, whose lines are built by
   * the gate (one per failing artifact); a line break inside a name from a file is never a line of its own.
   */
  readonly lines: readonly string[]

  /** `message`: one line, or the lines of a gate verdict. */
  constructor(message: string | readonly string[], options?: { cause?: unknown }) {
    const lines = typeof message === 'string' ? [message] : [...message]
    super(lines.join('\n'), options)
    this.lines = lines
  }
}

/**
 * A flag or action input is wrong. `input` names it as the user wrote it (`--threshold`, `threshold`, `artifacts`)
 * so the message points at the line to fix; without one the message stands alone.
 */
export class UsageError extends ModelCompatError {
  readonly exitCode = EXIT.usage
  readonly input?: string
  readonly detail: string

  constructor(detail: string, options: { input?: string; cause?: unknown } = {}) {
    super(options.input === undefined ? detail : `Invalid input '${options.input}': ${detail}`, options)
    this.name = 'UsageError'
    this.detail = detail
    if (options.input !== undefined) this.input = options.input
  }
}

/** Something the user gave cannot be used: a file that cannot be read or written, an artifact that failed to load. */
export class InputError extends ModelCompatError {
  readonly exitCode = EXIT.badInput

  constructor(message: string | readonly string[], options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InputError'
  }
}

/** An output (`--export`, `--mapping`, `--summary`, `--mapping-dir`, `-o`, the report folder) cannot be written. */
export class OutputError extends InputError {
  readonly path: string

  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(`cannot write ${path}: ${detail}`, options)
    this.name = 'OutputError'
    this.path = path
  }
}

/**
 * An artifact could not be read, so the gate could not judge it (the gate still ran for the others and wrote its
 * report). `lines` are the gate's failure message, a line per failing artifact.
 */
export class UnreadableArtifactError extends InputError {
  constructor(lines: readonly string[]) {
    super(lines)
    this.name = 'UnreadableArtifactError'
  }
}

/** The gate ran to the end and at least one artifact failed it; `lines` say which and why. */
export class GateFailedError extends ModelCompatError {
  readonly exitCode = EXIT.gateFailed

  constructor(lines: readonly string[]) {
    super(lines)
    this.name = 'GateFailedError'
  }
}

/** A bug in this tool: a broken invariant, never a property of the input. */
export class InternalError extends ModelCompatError {
  readonly exitCode = EXIT.internal

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InternalError'
  }
}

/** `e` as a member of the family: ours as they are, anything else an `InternalError` with `e` as its cause. */
export function toModelCompatError(e: unknown): ModelCompatError {
  if (e instanceof ModelCompatError) return e
  return new InternalError(e instanceof Error ? e.message : String(e), { cause: e })
}

export type ErrorCode =
  // generic
  | 'FileNotFound'
  | 'NotAFile'
  | 'EmptyFile'
  | 'IoError'
  | 'UnknownFormat'
  | 'Truncated'
  // safetensors (names from the reference crate, docs/reference/formats.md §1.4)
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

/**
 * A file (or URL) that cannot be read as a checkpoint, with one precise code per failure, so a caller can tell a
 * truncated file from a hostile one. Every bad input a reader meets ends in one of these, never in another exception.
 */
export class CheckpointError extends InputError {
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
