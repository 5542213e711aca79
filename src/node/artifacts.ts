/**
 * Reading the artifacts of a gate run: a few at a time, each failure becoming that artifact's error row (the
 * rest of the gate still runs and writes its report), and, in the action, nothing outside the workspace.
 */
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { globalsOfFailure, isCheckpointError } from '../formats/errors.js'
import { readCheckpoint, type ReadOptions } from '../formats/index.js'
import { isRemoteLocation } from '../formats/http/url.js'
import type { Checkpoint } from '../formats/types.js'
import type { GateInput, JudgedArtifact } from '../gate/types.js'

/**
 * Reads one location (a path, or a URL through a RemoteContext). `options`: the run's budget, and the folders the
 * read must stay inside (`ReadOptions`).
 */
export type LocationReader = (location: string, options?: Omit<ReadOptions, 'fs'>) => Promise<Checkpoint>

/** Artifacts are read a few at a time: header reads are small, but thousands of open files are not. */
const READ_CONCURRENCY = 4

export interface ReadArtifactsOptions {
  /**
   * Refuse artifacts whose real path (after symlinks) is outside this folder. In the action this is the workspace:
   * a PR could add a symlink to a runner file, and error messages quote a file's first bytes into a public comment.
   */
  confineTo?: string
  /** How to read a location: local paths by default. */
  read?: LocationReader
  /**
   * Read and judge a location at once, in place of `read`: the artifact's verdict is kept, not its checkpoint
   * (src/node/run-gate.ts).
   */
  readJudged?: (location: string) => Promise<JudgedArtifact>
}

export async function readArtifacts(
  paths: readonly string[],
  opts: ReadArtifactsOptions = {}
): Promise<GateInput[]> {
  const out: GateInput[] = new Array(paths.length)
  const plain = opts.read ?? ((location: string) => readCheckpoint(location))
  const judged = opts.readJudged
  const read = async (location: string): Promise<Omit<GateInput, 'path'>> =>
    judged !== undefined ? { judged: await judged(location) } : { checkpoint: await plain(location) }
  const root = opts.confineTo !== undefined ? await realRoot(opts.confineTo) : undefined
  let next = 0
  const worker = async () => {
    while (next < paths.length) {
      const i = next++
      const path = paths[i]!
      const outside =
        root !== undefined && !isRemoteLocation(path) ? await escapesRoot(path, root) : undefined
      out[i] = outside ? { path, error: outside } : await readOne(path, read)
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker))
  return out
}

/** The real path of a folder (symlinks resolved), or the folder as given when it does not exist yet. */
export async function realRoot(dir: string): Promise<string> {
  return realpath(dir).catch(() => resolve(dir))
}

/** True when `path` is `root` or lies below it (both absolute, both real paths). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

async function escapesRoot(path: string, root: string): Promise<GateInput['error']> {
  let real: string
  try {
    real = await realpath(path)
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOOP')
      return { code: 'IoError', message: `${path}: too many levels of symbolic links` }
    return undefined // missing files are reported by the reader, with its own code
  }
  if (isInside(real, root)) return undefined
  return {
    code: 'OutsideWorkspace',
    message: `${path}: a symbolic link to a file outside the workspace; not read`
  }
}

async function readOne(
  path: string,
  read: (location: string) => Promise<Omit<GateInput, 'path'>>
): Promise<GateInput> {
  try {
    return { path, location: path, ...(await read(path)) }
  } catch (e) {
    if (isCheckpointError(e)) {
      // a file refused as a checkpoint still reports what its pickles import
      return { path, error: { code: e.code, message: e.message, globals: globalsOfFailure(e) } }
    }
    return {
      path,
      error: { code: 'IoError', message: `${path}: ${e instanceof Error ? e.message : String(e)}` }
    }
  }
}
