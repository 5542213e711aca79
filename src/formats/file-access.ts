/**
 * The few file-system operations the folder readers (sharded checkpoints, diffusers folders) need, behind an
 * interface so an HTTP source (src/formats/http) can stand in for the local disk: a Hub repository can open files as
 * range-read sources, list a folder through its tree API and answer "does this exist".
 * Paths are opaque strings to the readers: they are only built with `join` and split with `dirname`/`basename`.
 */
import { readdir, realpath, stat, type Stats } from 'node:fs' // callbacks: see source.ts on node:fs/promises
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { CheckpointError } from './errors.js'
import { fsError, openLocalFile, type ByteSource } from './source.js'

/** `other`: it exists but is neither (a FIFO, socket or device): never opened, so it cannot hang a read. */
export type EntryKind = 'file' | 'dir' | 'other'

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
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other'
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

/** A folder every file a reader opens must resolve inside, and what to call it in messages. */
export interface AllowedRoot {
  path: string
  /** e.g. `the artifact folder`, `the workspace`. */
  what: string
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * `base` with every local path checked after symbolic links: a folder artifact (shards, diffusers components,
 * `model_index.json`) may hold links, and a link to a file elsewhere on the machine would put its tensor names,
 * or its first bytes in an error, into a report. `open`, `list` and `kind` resolve the real path and refuse
 * (`OutsideRoot`) one that is not inside every root; `open` then opens the resolved path, so a link swapped
 * after the check is not followed. URLs pass through untouched (they are not on this machine).
 */
export async function confinedFileAccess(
  base: FileAccess,
  roots: readonly AllowedRoot[]
): Promise<FileAccess> {
  const real = await Promise.all(
    roots.map(async (r) => ({ ...r, real: await realpathOf(r.path).catch(() => r.path) }))
  )
  const check = async (path: string): Promise<string | undefined> => {
    let resolved: string
    try {
      resolved = await realpathOf(path)
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
      throw fsError(path, e)
    }
    for (const root of real) {
      if (!isInside(root.real, resolved)) {
        throw new CheckpointError(
          'OutsideRoot',
          path,
          `resolves outside ${root.what} (a symbolic link to a file elsewhere on this machine); not read`
        )
      }
    }
    return resolved
  }
  return {
    ...base,
    async open(path) {
      if (URL_LIKE.test(path)) return base.open(path)
      const resolved = await check(path)
      return resolved === undefined ? base.open(path) : openLocalFile(resolved, path)
    },
    async list(dir) {
      if (URL_LIKE.test(dir)) return base.list(dir)
      return base.list((await check(dir)) ?? dir)
    },
    async kind(path) {
      if (URL_LIKE.test(path)) return base.kind(path)
      const resolved = await check(path)
      return resolved === undefined ? undefined : base.kind(resolved)
    }
  }
}

function realpathOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => realpath(path, (e, p) => (e ? reject(e) : resolve(p))))
}

/** Whether `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
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
