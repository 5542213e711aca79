/**
 * The report folder (`mapping-dir`, `--mapping-dir`): gate-report.json, summary.md and one mapping or resolution
 * document per artifact, which the action uploads as a workflow artifact.
 *
 * The folder's path comes from the workflow, but its content can come from the pull request: a committed
 * symbolic link `model-compat-report -> .git` would make us write into `.git` and upload `.git/config` (with the
 * checkout token). So before anything is written the folder is checked:
 * - it must not be a symbolic link, nor lie (after every link on its path is resolved) outside `confineTo` (the
 *   workspace, in the action);
 * - if it exists, it may hold only files we wrote. "We wrote" means: named in `.model-compat-files.json`, the list
 *   each run leaves in the folder, and a regular file (never a link or a folder). Anything else is refused, so
 *   we never overwrite, or upload, a file someone else put there.
 * The upload takes the files this run wrote, by name, never a listing of the folder.
 */
import { lstat, mkdir, readdir, readFile, realpath, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { OutputError } from '../formats/errors.js'
import { outputError, writeFileAtomic } from '../formats/write-file.js'
import type { GateEvaluation } from '../gate/evaluate.js'
import { toJson } from '../util/json.js'
import { isInside, realRoot } from './artifacts.js'

export const REPORT_FILE = 'gate-report.json'
export const SUMMARY_FILE = 'summary.md'
/** The names of the files the last run wrote into the folder. A dot file: document names never start with one. */
export const WRITTEN_LIST_FILE = '.model-compat-files.json'
/** A written list is a few KB; a larger one is not ours. */
const MAX_WRITTEN_LIST_BYTES = 1024 * 1024
/** Names listed in a refusal before "and N more". */
const LISTED = 5

/** A report folder that passed the checks, with the files the previous run wrote into it. */
export interface ReportFolder {
  /** Absolute path. */
  dir: string
  /** Names the previous run wrote (and that are still there as regular files). */
  previous: string[]
}

export interface ReportFolderOptions {
  /** Refuse a folder outside this one (after symbolic links are resolved). */
  confineTo?: string
  /** The input or flag the folder came from (`mapping-dir`, `--mapping-dir`), named in refusals. */
  input?: string
  /** The folder as the user wrote it, for refusals (default: `dir`). */
  shownAs?: string
}

/**
 * Check `dir` before a run writes into it. A refusal is an OutputError (`cannot write DIR (input): why`, exit 2),
 * raised before anything is read or written.
 */
export async function openReportFolder(dir: string, opts: ReportFolderOptions = {}): Promise<ReportFolder> {
  const abs = resolve(dir)
  const shown = opts.shownAs ?? dir
  const named = opts.input === undefined ? shown : `${shown} (${opts.input})`
  const refuse = (detail: string) => new OutputError(named, detail)
  const st = await lstat(abs).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined
    throw refuse(`cannot be examined (${e.code ?? e.message})`)
  })
  if (st?.isSymbolicLink()) throw refuse('the report folder is a symbolic link; refusing to write through it')
  if (st !== undefined && !st.isDirectory()) throw refuse('exists and is not a folder')
  if (opts.confineTo !== undefined) {
    const root = await realRoot(opts.confineTo)
    if (!isInside(await realPathOf(abs), root))
      throw refuse(
        `the report folder lies outside the workspace (${opts.confineTo}); refusing to write there`
      )
  }
  if (st === undefined) return { dir: abs, previous: [] }

  const previous = await writtenList(abs)
  const entries = await readdir(abs, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw refuse(`cannot be listed (${e.code ?? e.message})`)
  })
  const foreign: string[] = []
  for (const e of entries) {
    if (e.name === WRITTEN_LIST_FILE) continue
    if (!e.isFile()) foreign.push(`${e.name} (${e.isSymbolicLink() ? 'a symbolic link' : 'not a file'})`)
    else if (!previous.includes(e.name) && !isOurTemp(e.name)) foreign.push(e.name)
  }
  if (foreign.length > 0) {
    const shown = foreign.slice(0, LISTED).join(', ')
    const more = foreign.length > LISTED ? `, and ${foreign.length - LISTED} more` : ''
    throw refuse(
      `the report folder holds files model-compat did not write (${shown}${more}); ` +
        'give an empty or new folder, or remove them'
    )
  }
  return { dir: abs, previous: previous.filter((n) => entries.some((e) => e.name === n)) }
}

export interface WrittenReport {
  dir: string
  reportPath: string
  summaryPath: string
  /** The mapping / resolution documents. */
  documents: string[]
  /** Every file this run wrote, documents first, the report last: what the action uploads. */
  files: string[]
}

/**
 * Write the documents, then summary.md, then gate-report.json last, so a report on disk always has its documents
 * next to it. Files the previous run wrote and this one does not are removed first, so the folder (and the
 * uploaded artifact) describes this run only.
 */
export async function writeReportFolder(
  folder: ReportFolder,
  evaluation: GateEvaluation,
  markdown: string
): Promise<WrittenReport> {
  const names = [...evaluation.documents.map((d) => d.name), SUMMARY_FILE, REPORT_FILE]
  try {
    await mkdir(folder.dir, { recursive: true })
    for (const stale of folder.previous) {
      if (!names.includes(stale)) await rm(join(folder.dir, stale), { force: true })
    }
    for (const name of await readdir(folder.dir)) {
      if (isOurTemp(name)) await rm(join(folder.dir, name), { force: true })
    }
  } catch (e) {
    throw outputError(folder.dir, e)
  }
  // The list first: a run killed half-way leaves files the next run still recognises as ours.
  await writeFileAtomic(join(folder.dir, WRITTEN_LIST_FILE), toJson(names))
  const documents: string[] = []
  // artifacts with one header share their document: serialised once
  const texts = new Map<unknown, string>()
  for (const d of evaluation.documents) {
    const path = join(folder.dir, d.name)
    let text = texts.get(d.content)
    if (text === undefined) texts.set(d.content, (text = toJson(d.content)))
    // the shared document names the file first read with that header: this copy names this file (whole
    // JSON string values only: the quotes are part of what is replaced)
    if (d.retarget !== undefined)
      text = text.split(JSON.stringify(d.retarget.from)).join(JSON.stringify(d.retarget.to))
    await writeFileAtomic(path, text)
    documents.push(path)
  }
  const summaryPath = join(folder.dir, SUMMARY_FILE)
  await writeFileAtomic(summaryPath, markdown)
  const reportPath = join(folder.dir, REPORT_FILE)
  await writeFileAtomic(reportPath, toJson(evaluation.report))
  return {
    dir: folder.dir,
    reportPath,
    summaryPath,
    documents,
    files: [...documents, summaryPath, reportPath]
  }
}

/** The names in the folder's written list; none when it is missing, not a regular file, too big or malformed. */
async function writtenList(dir: string): Promise<string[]> {
  const path = join(dir, WRITTEN_LIST_FILE)
  const st = await lstat(path).catch(() => undefined)
  if (st === undefined || !st.isFile() || st.size > MAX_WRITTEN_LIST_BYTES) return []
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (!Array.isArray(value)) return []
    return value.filter((n): n is string => typeof n === 'string' && n === basename(n) && !n.startsWith('.'))
  } catch {
    return []
  }
}

/** A temporary file of writeFileAtomic (`NAME.PID.TIME.tmp`) left by a killed run. */
function isOurTemp(name: string): boolean {
  return /^[^/\\]+\.\d+\.\d+\.tmp$/.test(name)
}

/**
 * The real path `abs` has or would have: the real path of its nearest existing ancestor, then the rest as given
 * (a folder that does not exist yet is created below that ancestor, so that is where it lands).
 */
async function realPathOf(abs: string): Promise<string> {
  const missing: string[] = []
  let at = abs
  for (;;) {
    try {
      return join(await realpath(at), ...missing)
    } catch {
      const parent = dirname(at)
      if (parent === at) return abs
      missing.unshift(basename(at))
      at = parent
    }
  }
}
