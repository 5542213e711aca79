/**
 * The I/O around the pure gate, shared by the action and the CLI `gate` command: read every artifact (a failure
 * becomes that artifact's error row, not a crash), and write the report folder. Every file is written to a
 * temporary name and renamed, so a reader never sees half a report. No @actions/* imports: the CLI uses this.
 */
import { mkdir, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { toJson, writeFileAtomic } from '../cli/files.js'
import { globalsOfFailure, isCheckpointError } from '../formats/errors.js'
import { readCheckpoint } from '../formats/index.js'
import type { GateEvaluation } from '../gate/evaluate.js'
import type { GateInput } from '../gate/types.js'
import type { Checkpoint } from '../formats/types.js'

/** Reads one location (a path, or a URL through a RemoteContext); the local reader by default. */
export type LocationReader = (location: string) => Promise<Checkpoint>
import { isUrl } from './glob.js'

export const REPORT_FILE = 'gate-report.json'
export const SUMMARY_FILE = 'summary.md'
/** Artifacts are read a few at a time: header reads are small, but thousands of open files are not. */
const READ_CONCURRENCY = 4

export interface ReadOptions {
  /**
   * Refuse artifacts whose real path (after symlinks) is outside this folder. In the action this is the workspace:
   * a PR could add a symlink to a runner file, and error messages quote a file's first bytes into a public comment.
   */
  confineTo?: string
  /** How to read a location: local paths by default; the action and CLI pass one that also reads URLs. */
  read?: LocationReader
}

export async function readArtifacts(paths: readonly string[], opts: ReadOptions = {}): Promise<GateInput[]> {
  const out: GateInput[] = new Array(paths.length)
  const read = opts.read ?? ((location: string) => readCheckpoint(location))
  let next = 0
  const root =
    opts.confineTo !== undefined
      ? await realpath(opts.confineTo).catch(() => resolve(opts.confineTo!))
      : undefined
  const worker = async () => {
    while (next < paths.length) {
      const i = next++
      const outside = root !== undefined && !isUrl(paths[i]) ? await escapesRoot(paths[i], root) : undefined
      out[i] = outside ? { path: paths[i], error: outside } : await readOne(paths[i], read)
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker))
  return out
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
  const rel = relative(root, real)
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return undefined
  return {
    code: 'OutsideWorkspace',
    message: `${path}: a symbolic link to a file outside the workspace; not read`
  }
}

async function readOne(path: string, read: LocationReader): Promise<GateInput> {
  try {
    return { path, checkpoint: await read(path) }
  } catch (e) {
    if (isCheckpointError(e))
      return { path, error: { code: e.code, message: e.message, globals: globalsOfFailure(e) } }
    return {
      path,
      error: { code: 'IoError', message: `${path}: ${e instanceof Error ? e.message : String(e)}` }
    }
  }
}

export interface WrittenReport {
  dir: string
  reportPath: string
  summaryPath: string
  documents: string[]
}

/** Write documents first and the report last, so a report on disk always has its documents next to it. */
export async function writeReportFolder(
  dir: string,
  evaluation: GateEvaluation,
  markdown: string
): Promise<WrittenReport> {
  const root = resolve(dir)
  await mkdir(root, { recursive: true })
  const documents: string[] = []
  for (const d of evaluation.documents) {
    const p = join(root, d.name)
    await writeFileAtomic(p, toJson(d.content))
    documents.push(p)
  }
  const summaryPath = join(root, SUMMARY_FILE)
  await writeFileAtomic(summaryPath, markdown)
  const reportPath = join(root, REPORT_FILE)
  await writeFileAtomic(reportPath, toJson(evaluation.report))
  return { dir: root, reportPath, summaryPath, documents }
}
