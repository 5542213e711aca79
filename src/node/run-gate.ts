/**
 * The gate pipeline, once, for both front ends: expand the artifact patterns, read the baseline and every
 * artifact, evaluate, render the summary, write the report folder and the summary file. The CLI's `gate` and the
 * action parse their inputs into `RunGateOptions`, call `runGate`, and print; what only the action does (the job
 * summary, the PR comment, the upload, outputs and annotations) it does with the result.
 *
 * Errors are worded here, once: a bad pattern or report folder is a UsageError naming the input, a baseline that
 * cannot be read an InputError naming the input, and an artifact that cannot be read an error row of the report
 * (the others are still gated) whose message quotes the path as the user wrote it.
 */
import { isAbsolute, resolve } from 'node:path'
import { ReadBudget } from '../formats/budget.js'
import { InputError, ModelCompatError, GateFailedError, UnreadableArtifactError } from '../formats/errors.js'
import type { AllowedRoot } from '../formats/file-access.js'
import type { ReadOptions } from '../formats/index.js'
import type { Checkpoint } from '../formats/types.js'
import { writeFileAtomic } from '../formats/write-file.js'
import { HeaderCache } from '../formats/header-cache.js'
import { isRemoteLocation } from '../formats/http/url.js'
import { defaultEngines } from '../gate/engines.js'
import { wordResolution } from '../report/lora-reasons.js'
import { evaluateGate, judgeCheckpoint, type GateContext, type GateEvaluation } from '../gate/evaluate.js'
import type { GateEngines, GateInput, GatePolicy, GateReport, JudgedArtifact } from '../gate/types.js'
import { renderGateMarkdown, SUMMARY_LIMIT_BYTES } from '../report/gate-markdown.js'
import { TOOL } from '../version.js'
import { readArtifacts, type LocationReader } from './artifacts.js'
import { expandPatterns, isUrl } from './glob.js'
import { openReportFolder, writeReportFolder, type WrittenReport } from './report-folder.js'

/** The names the user gave the inputs under: `artifacts` / `baseline` in the action, `--baseline` in the CLI. */
export interface InputNames {
  /** Where the artifact patterns came from; the CLI's positionals have no name. */
  artifacts?: string
  baseline: string
  reportDir: string
}

export interface LoadedBaseline {
  checkpoint: Checkpoint
  fromCache: boolean
}

export interface RunGateOptions {
  /** Paths, globs and URLs, as the user wrote them (`!pattern` excludes). */
  artifacts: readonly string[]
  baseline: string
  policy: GatePolicy
  /** Relative paths are resolved against this folder (the CLI's working folder, the action's workspace). */
  cwd: string
  /** How a location is read (local paths, URLs). */
  read: LocationReader
  /** How the baseline is read, when not by `read` (the action goes through its cache); pass `options` on. */
  loadBaseline?: (location: string, options: Omit<ReadOptions, 'fs'>) => Promise<LoadedBaseline>
  /** Refuse artifacts and a report folder outside this folder (the action's workspace). */
  confineTo?: string
  /** Write gate-report.json, summary.md and the documents here. */
  reportDir?: string
  /** Also write the summary Markdown to this file. */
  summaryFile?: string
  names: InputNames
  /**
   * Where the full report can be found, for the lists the summary cuts (`in the artifact ...`); without one the
   * summary says `noReportHint` instead of naming a file that was never written.
   */
  fullReportHint?: string
  noReportHint?: string
  /** The comparison and LoRA engines (tests pass fakes). */
  engines?: GateEngines
  /** The run's read budget (default limits when absent; tests pass smaller ones). */
  budget?: ReadBudget
}

export interface GateRun {
  /** The expanded artifact paths, as the user would write them (relative to `cwd` when the pattern was). */
  paths: string[]
  evaluation: GateEvaluation
  report: GateReport
  /** The summary Markdown (summary.md; the action's job summary). */
  summary: string
  written?: WrittenReport
}

export async function runGate(opts: RunGateOptions): Promise<GateRun> {
  const paths = await expandPatterns(opts.artifacts, opts.cwd, { input: opts.names.artifacts })
  const folder =
    opts.reportDir === undefined
      ? undefined
      : await openReportFolder(at(opts, opts.reportDir), {
          confineTo: opts.confineTo,
          input: opts.names.reportDir,
          shownAs: opts.reportDir
        })

  // one budget for the run: tensors and inflated bytes over the baseline and every artifact (formats/budget.ts)
  const budget = opts.budget ?? new ReadBudget()
  const baseline = await loadBaseline(opts, budget)
  const ctx: GateContext = {
    baseline: { ...baseline.checkpoint, path: opts.baseline },
    policy: opts.policy,
    engines: opts.engines ?? defaultEngines(wordResolution)
  }
  // artifacts stay inside the confining folder, and a folder artifact's files inside the folder, after links
  const roots = opts.confineTo === undefined ? [] : [{ path: opts.confineTo, what: 'the workspace' }]
  const inputs = (
    await readArtifacts(
      paths.map((p) => at(opts, p)),
      { confineTo: opts.confineTo, readJudged: artifactJudge(opts, ctx, budget, roots, folder !== undefined) }
    )
  ).map((input, i) => asWritten(input, paths[i]!, at(opts, paths[i]!)))
  const evaluation = evaluateGate({
    ...ctx,
    baselineFromCache: baseline.fromCache,
    inputs,
    tool: TOOL
  })
  // rendered when something reads it: the CLI's console and JSON views never do
  let summary: string | undefined
  const summaryText = () =>
    (summary ??= renderGateMarkdown(evaluation.report, {
      limit: SUMMARY_LIMIT_BYTES,
      unit: 'bytes',
      ...(opts.fullReportHint !== undefined ? { fullReportHint: opts.fullReportHint } : {}),
      ...(opts.noReportHint !== undefined ? { noReportHint: opts.noReportHint } : {})
    }))
  const written =
    folder === undefined ? undefined : await writeReportFolder(folder, evaluation, summaryText())
  if (opts.summaryFile !== undefined) await writeFileAtomic(at(opts, opts.summaryFile), summaryText())
  return {
    paths,
    evaluation,
    report: evaluation.report,
    get summary() {
      return summaryText()
    },
    ...(written ? { written } : {})
  }
}

/**
 * Each artifact is judged as it is read, and only its verdict is kept: its checkpoint, analysis and module views
 * are dropped (and its tensors given back to the run's budget), so memory follows the distinct headers' verdicts,
 * not the artifacts' tensors. Local files go through a header cache: a file whose header (and size) was seen
 * before is neither parsed nor judged again (copies of one release under several names, per-epoch copies).
 * Documents are kept only when a report folder will be written.
 */
function artifactJudge(
  opts: RunGateOptions,
  ctx: GateContext,
  budget: ReadBudget,
  roots: AllowedRoot[],
  keepDocuments: boolean
): (location: string) => Promise<JudgedArtifact> {
  const judge = (checkpoint: Checkpoint): JudgedArtifact => {
    const judged = judgeCheckpoint(checkpoint, ctx)
    return keepDocuments ? judged : { report: judged.report, path: judged.path }
  }
  const cache = new HeaderCache({ derive: judge })
  const readOther = (location: string, scope: ReadBudget) => opts.read(location, { budget: scope, roots })
  return async (location) => {
    if (!isRemoteLocation(location)) return (await cache.read(location, { budget, readOther })).value
    const scope = budget.scope()
    try {
      return judge(await opts.read(location, { budget: scope, roots }))
    } finally {
      scope.release()
    }
  }
}

/**
 * How a finished run ends: nothing when the gate passed, else the error whose class carries the exit status
 * (1 when an artifact failed the gate, 2 when one could not be read) and whose lines are the gate's message.
 */
export function gateOutcome(report: GateReport): ModelCompatError | undefined {
  if (report.passed) return undefined
  const lines = report.message.split('\n')
  return report.artifacts.some((a) => a.status === 'error')
    ? new UnreadableArtifactError(lines)
    : new GateFailedError(lines)
}

/**
 * Where to read a path: relative paths stay as written when `cwd` is the process's working folder (so messages
 * quote the user's paths), and are resolved against `cwd` otherwise. URLs are passed through.
 */
function at(opts: RunGateOptions, path: string): string {
  if (isAbsolute(path) || isUrl(path) || resolve(opts.cwd) === process.cwd()) return path
  return resolve(opts.cwd, path)
}

async function loadBaseline(opts: RunGateOptions, budget: ReadBudget): Promise<LoadedBaseline> {
  const location = at(opts, opts.baseline)
  // a baseline may be a cache snapshot whose files link outside its folder (a Hugging Face cache links to blobs)
  const options = { budget, followLinksOutside: true }
  try {
    if (opts.loadBaseline) return await opts.loadBaseline(location, options)
    return { checkpoint: await opts.read(location, options), fromCache: false }
  } catch (e) {
    if (!(e instanceof ModelCompatError)) throw e
    const name = opts.names.baseline
    const input = name.startsWith('-') ? name : `input '${name}'`
    const message = e.message.split(location).join(opts.baseline)
    throw new InputError(`The baseline could not be read (${input}): ${message}`, { cause: e })
  }
}

/** An artifact under the path the user wrote; its error message too, when it quotes the path as read. */
function asWritten(input: GateInput, path: string, readAs: string): GateInput {
  if (input.error === undefined || path === readAs) return { ...input, path }
  return { ...input, path, error: { ...input.error, message: input.error.message.split(readAs).join(path) } }
}
