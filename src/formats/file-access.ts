/**
 * The few file-system operations the folder readers (sharded checkpoints, diffusers folders) need, behind an
 * interface so an HTTP source (issue 6) can stand in for the local disk: a Hub repository can open files as
 * range-read sources, list a folder through its tree API and answer "does this exist".
 * Paths are opaque strings to the readers: they are only built with `join` and split with `dirname`/`basename`.
 */
import { readdir, stat, type Stats } from 'node:fs' // callbacks: see source.ts on node:fs/promises
import { basename, dirname, join } from 'node:path'
import { CheckpointError } from './errors.js'
import { fsError, openLocalFile, type ByteSource } from './source.js'

export type EntryKind = 'file' | 'dir'

export interface FileAccess {
  open(path: string): Promise<ByteSource>
  /** Entry names (not paths) of a folder. */
  list(dir: string): Promise<string[]>
  /** What `path` is, or undefined when it does not exist. */
  kind(path: string): Promise<EntryKind | undefined>
  join(dir: string, name: string): string
  dirname(path: string): string
  basename(path: string): string
}

export const localFileAccess: FileAccess = {
  open: (path) => openLocalFile(path),
  async list(dir) {
    try {
      return await new Promise<string[]>((resolve, reject) =>
        readdir(dir, (e, names) => (e ? reject(e) : resolve(names)))
      )
    } catch (e) {
      throw fsError(dir, e)
    }
  },
  async kind(path) {
    try {
      const st = await new Promise<Stats>((resolve, reject) =>
        stat(path, (e, stats) => (e ? reject(e) : resolve(stats)))
      )
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
      throw fsError(path, e)
    }
  },
  join,
  dirname,
  basename
}

/** Read a whole small JSON-ish file through `fs`, refusing anything above `maxBytes` with `code`. */
export async function readSmallFile(
  fs: FileAccess,
  path: string,
  maxBytes: number,
  code: 'InvalidIndex' | 'InvalidModelIndex' | 'InvalidManifest'
): Promise<{ bytes: Uint8Array; size: number }> {
  const source = await fs.open(path)
  try {
    if (source.size > maxBytes) {
      throw new CheckpointError(code, source.name, `${source.size} bytes; the limit is ${maxBytes} bytes`)
    }
    return { bytes: await source.read(0, source.size), size: source.size }
  } finally {
    await source.close().catch(() => undefined)
  }
}

/**
 * A weight_map or model_index entry must name a plain file or folder in the same directory: no separators, no
 * `..`, no URL. A hostile index could otherwise make us open `/etc/passwd` or a remote URL.
 */
export function isPlainName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    !name.includes('://') &&
    !/^[A-Za-z]:/.test(name)
  )
}
