/**
 * Byte sources: the one way readers get bytes. A reader asks for exact ranges and never for "the whole file", so
 * header-only reading is enforced in one place, and a remote (HTTP range) source can stand in for a local file
 * without any reader changing.
 */
// node:fs with callbacks, not node:fs/promises: importing the latter loads Node's stream and readline modules,
// a few ms on every CLI run (whole-process time is what the performance targets measure).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { CheckpointError } from './errors.js'

export interface ByteSource {
  /** What to call the source in messages: a path, or a URL with any credentials removed. */
  readonly name: string
  /** Total size in bytes. */
  readonly size: number
  /**
   * Exactly `length` bytes from `offset`. A range past the end throws `Truncated`, naming the range: callers
   * bound `length` before asking, so a hostile length field cannot make us allocate.
   */
  read(offset: number, length: number): Promise<Uint8Array>
  /**
   * Optional batch of small reads (e.g. one local zip header per storage record), with the same checks and
   * results as `read` per range, in order. A source implements it when it can serve many ranges cheaper than
   * one `read` each; callers use `readRanges`, which falls back to bounded-parallel `read`s.
   */
  readMany?(ranges: ReadonlyArray<ByteRange>): Promise<Uint8Array[]>
  close(): Promise<void>
}

export interface ByteRange {
  offset: number
  length: number
}

/** Bytes a source has handed out so far; benchmarks and tests use it to prove reads stay header-sized. */
export interface CountingSource extends ByteSource {
  readonly bytesRead: number
  readonly reads: number
}

/** Bytes of a file's start that the local fast path reads with the open: the whole header of most files. */
export const HEAD_BYTES = 64 * 1024

/**
 * A local file. Reads are synchronous preads: for header-sized reads of a local file an async round trip through
 * the thread pool costs far more than the read itself (torch's own reader is synchronous too), and a reader's
 * reads follow one another anyway. Ranges inside `head` (bytes read with the open, if any) come from memory.
 */
export class LocalFileSource implements CountingSource {
  bytesRead = 0
  reads = 0
  /** The file's first bytes, read with the open (empty when none were). */
  head: Uint8Array = new Uint8Array(0)
  constructor(
    readonly name: string,
    readonly size: number,
    private readonly fd: number
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    checkReadRange(this.name, this.size, offset, length)
    if (offset + length <= this.head.length) return this.head.slice(offset, offset + length)
    const buf = new Uint8Array(length)
    // a range that starts in the head (a header longer than the first read) reads only what follows it
    const known = Math.max(0, this.head.length - offset)
    if (known > 0) buf.set(this.head.subarray(offset), 0)
    this.fill(buf.subarray(known), offset + known)
    return buf
  }

  /** Many small ranges, each read into its own part of one shared buffer. */
  async readMany(ranges: ReadonlyArray<ByteRange>): Promise<Uint8Array[]> {
    // One allocation for the whole batch, each range a view of its own part: a small typed array per range
    // costs more than its read (these are header-sized ranges, so the total stays small; past a bound, one each).
    let total = 0
    for (let i = 0; i < ranges.length; i++) total += ranges[i]!.length
    const batch =
      Number.isSafeInteger(total) && total <= BATCH_BUFFER_BYTES ? new ArrayBuffer(total) : undefined
    let next = 0
    return ranges.map(({ offset, length }) => {
      checkReadRange(this.name, this.size, offset, length)
      const buf = batch === undefined ? new Uint8Array(length) : new Uint8Array(batch, next, length)
      next += length
      this.fill(buf, offset)
      return buf
    })
  }

  /** Fills `buf` from byte `offset` of the file (a checked range) and counts the read. */
  fill(buf: Uint8Array, offset: number): void {
    const length = buf.length
    let done = 0
    while (done < length) {
      let n: number
      try {
        n = readSync(this.fd, buf, done, length - done, offset + done)
      } catch (e) {
        throw fsError(this.name, e)
      }
      if (n === 0) {
        throw new CheckpointError('Truncated', this.name, `file ended at byte ${offset + done} during a read`)
      }
      done += n
    }
    this.bytesRead += length
    this.reads++
  }

  async close(): Promise<void> {
    try {
      closeSync(this.fd)
    } catch (e) {
      throw fsError(this.name, e)
    }
  }
}

/** Largest batch `readMany` reads into one shared buffer. */
const BATCH_BUFFER_BYTES = 1024 * 1024

/** Reads kept in flight at once by `readRanges` on a source without `readMany` (an HTTP client allows 8). */
export const PARALLEL_READS = 8

/**
 * Many ranges of one source, each settled on its own (a bad range fails only its own slot), in order: one
 * `readMany` batch when the source has it, else `PARALLEL_READS` lanes of consecutive ranges read in parallel,
 * one after another within a lane, so a source's read-ahead still catches the next range of its lane.
 */
export async function readRanges(
  source: ByteSource,
  ranges: ReadonlyArray<ByteRange>
): Promise<PromiseSettledResult<Uint8Array>[]> {
  if (ranges.length === 0) return []
  if (source.readMany !== undefined) {
    try {
      const all = await source.readMany(ranges)
      return all.map((value) => ({ status: 'fulfilled', value }))
    } catch {
      // one range failed the batch: read them one by one so each gets its own result
    }
  }
  const results: PromiseSettledResult<Uint8Array>[] = new Array(ranges.length)
  const lanes = Math.min(PARALLEL_READS, ranges.length)
  const perLane = Math.ceil(ranges.length / lanes)
  const lane = async (from: number): Promise<void> => {
    for (let i = from; i < Math.min(from + perLane, ranges.length); i++) {
      const { offset, length } = ranges[i]!
      try {
        results[i] = { status: 'fulfilled', value: await source.read(offset, length) }
      } catch (reason) {
        results[i] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k * perLane)))
  return results
}

/**
 * Open a local regular file. Missing files, folders, FIFOs, sockets, devices and unreadable files get typed errors
 * naming the path. `name` is what messages call it (default `path`: a confined reader opens the resolved path but
 * names the one it was given).
 */
export async function openLocalFile(path: string, name = path): Promise<CountingSource> {
  const opened = openLocalEntry(path, 0, name)
  if (opened === 'dir') throw new CheckpointError('NotAFile', name, 'is a directory')
  return opened
}

/**
 * Read-only and, where the platform has it, non-blocking: opening a FIFO (a special file a pull request can add)
 * for reading would otherwise wait for a writer forever. It changes nothing for regular files.
 */
const OPEN_FLAGS = constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK

/**
 * The local fast path: opens `path` and reads its first `headBytes` bytes in one go, synchronously (one open, one
 * fstat, one pread: no thread-pool round trips). A folder is 'dir'; a missing or unreadable path, or one that is
 * neither a file nor a folder, gets a typed error naming it. `into`: a buffer to read the head into (a caller
 * that reads many files reuses one: a fresh 64 KiB array per file costs more than its read), which `head` then
 * views.
 */
export function openLocalEntry(
  path: string,
  headBytes: number,
  name = path,
  into?: Uint8Array
): LocalFileSource | 'dir' {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (e) {
    if ((e as { code?: string }).code === 'EISDIR') return 'dir'
    throw fsError(name, e)
  }
  try {
    const st = fstatSync(fd)
    if (st.isDirectory()) {
      closeSync(fd)
      return 'dir'
    }
    if (!st.isFile()) throw new CheckpointError('NotAFile', name, 'is not a regular file')
    const source = new LocalFileSource(name, st.size, fd)
    if (headBytes > 0 && st.size > 0) {
      const n = Math.min(headBytes, st.size)
      const head = into !== undefined && into.length >= n ? into.subarray(0, n) : new Uint8Array(n)
      source.fill(head, 0)
      source.head = head
    }
    return source
  } catch (e) {
    try {
      closeSync(fd)
    } catch {
      // the error on its way says more
    }
    throw e instanceof CheckpointError ? e : fsError(name, e)
  }
}

/** Read a whole small file (an index, a manifest), refusing anything larger than `maxBytes`. */
export async function readSmall(source: ByteSource, maxBytes: number, what: string): Promise<Uint8Array> {
  if (source.size > maxBytes) {
    throw new CheckpointError(
      'HeaderTooLarge',
      source.name,
      `${what} is ${source.size} bytes; the limit is ${maxBytes} bytes`
    )
  }
  return source.read(0, source.size)
}

/** Run `fn` with an opened source and always close it. */
export async function withSource<T>(
  opener: Promise<ByteSource>,
  fn: (s: ByteSource) => Promise<T>
): Promise<T> {
  const source = await opener
  try {
    return await fn(source)
  } finally {
    await source.close().catch(() => undefined)
  }
}

export function fsError(path: string, e: unknown): CheckpointError {
  const code = (e as { code?: string }).code
  // ENOTDIR: a folder on the way is a file, so there is no such file either
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new CheckpointError('FileNotFound', path, 'no such file or directory', { cause: e })
  if (code === 'EISDIR') return new CheckpointError('NotAFile', path, 'is a directory', { cause: e })
  if (code === 'EACCES' || code === 'EPERM')
    return new CheckpointError('IoError', path, 'permission denied', { cause: e })
  if (code === 'ENXIO')
    return new CheckpointError('NotAFile', path, 'is not a regular file (a socket or a device)', { cause: e })
  if (code === 'ELOOP')
    return new CheckpointError('IoError', path, 'too many levels of symbolic links', { cause: e })
  return new CheckpointError('IoError', path, e instanceof Error ? e.message : String(e), { cause: e })
}

/**
 * The one range check every ByteSource applies before reading: offsets and lengths are safe non-negative
 * integers, and the range ends inside the source. A range past the end is `Truncated`, naming the range.
 */
export function checkReadRange(name: string, size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new CheckpointError('IoError', name, `invalid read range offset=${offset} length=${length}`)
  }
  if (offset + length > size) {
    throw new CheckpointError(
      'Truncated',
      name,
      `needs bytes ${offset}..${offset + length} but the file has ${size} bytes`
    )
  }
}
