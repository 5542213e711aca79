/**
 * Byte sources: the one way readers get bytes. A reader asks for exact ranges and never for "the whole file", so
 * header-only reading is enforced in one place, and a remote (HTTP range) source can stand in for a local file
 * without any reader changing.
 */
import { open, type FileHandle } from 'node:fs/promises'
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
  close(): Promise<void>
}

/** Bytes a source has handed out so far; benchmarks and tests use it to prove reads stay header-sized. */
export interface CountingSource extends ByteSource {
  readonly bytesRead: number
  readonly reads: number
}

class LocalFileSource implements CountingSource {
  bytesRead = 0
  reads = 0
  constructor(
    readonly name: string,
    readonly size: number,
    private readonly handle: FileHandle
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
      throw new CheckpointError('IoError', this.name, `invalid read range offset=${offset} length=${length}`)
    }
    if (offset + length > this.size) {
      throw new CheckpointError(
        'Truncated',
        this.name,
        `needs bytes ${offset}..${offset + length} but the file has ${this.size} bytes`
      )
    }
    const buf = new Uint8Array(length)
    let done = 0
    while (done < length) {
      const { bytesRead } = await this.handle.read(buf, done, length - done, offset + done)
      if (bytesRead === 0) {
        throw new CheckpointError('Truncated', this.name, `file ended at byte ${offset + done} during a read`)
      }
      done += bytesRead
    }
    this.bytesRead += length
    this.reads++
    return buf
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}

/** Open a local regular file. Missing files, folders and unreadable files get typed errors naming the path. */
export async function openLocalFile(path: string): Promise<CountingSource> {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (e) {
    throw fsError(path, e)
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) {
      throw new CheckpointError(
        'NotAFile',
        path,
        st.isDirectory() ? 'is a directory' : 'is not a regular file'
      )
    }
    return new LocalFileSource(path, st.size, handle)
  } catch (e) {
    await handle.close().catch(() => undefined)
    throw e instanceof CheckpointError ? e : fsError(path, e)
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
  if (code === 'ENOENT')
    return new CheckpointError('FileNotFound', path, 'no such file or directory', { cause: e })
  if (code === 'EISDIR') return new CheckpointError('NotAFile', path, 'is a directory', { cause: e })
  if (code === 'EACCES' || code === 'EPERM')
    return new CheckpointError('IoError', path, 'permission denied', { cause: e })
  if (code === 'ELOOP')
    return new CheckpointError('IoError', path, 'too many levels of symbolic links', { cause: e })
  return new CheckpointError('IoError', path, e instanceof Error ? e.message : String(e), { cause: e })
}
