/**
 * The one way this tool writes a file: to a temporary name next to the target, then renamed over it, so a reader
 * (a later run, the artifact upload, a user's `jq`) never sees half a file. Reports, mappings, key exports, the
 * baseline manifest cache and the remote header cache all go through it.
 */
import { dirname, resolve } from 'node:path'
import { OutputError } from './errors.js'

/**
 * Write `data` to `path` atomically, creating missing folders. The temporary file is created exclusively
 * (`wx`: it fails rather than follow a symbolic link planted under that name). A failure is an `OutputError`
 * naming the path and the reason, and leaves no temporary file behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Loaded here, not at the top: node:fs/promises brings Node's stream modules with it, a cost every CLI run
  // would pay while only some commands write files.
  const { mkdir, rename, rm, writeFile } = await import('node:fs/promises')
  const target = resolve(path)
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(temp, data, { flag: 'wx' })
    await rename(temp, target)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw outputError(path, e)
  }
}

const FS_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'already exists and is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'file name too long'
})

/** A Node file-system error met while writing `path`, as an `OutputError` saying what is wrong. */
export function outputError(path: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e
  const code = (e as { code?: unknown } | null)?.code
  const known = typeof code === 'string' && Object.hasOwn(FS_ERRORS, code)
  const detail = known ? `${FS_ERRORS[code]} (${code})` : e instanceof Error ? e.message : String(e)
  return new OutputError(path, detail, { cause: e })
}
