/**
 * The GitHub Action: read the inputs, expand the artifact globs, load the baseline (through the cache), gate every
 * artifact, write the report folder and the job summary, upsert the PR comment, upload the artifact, set the
 * outputs, and fail the job when the gate fails. Problems other than the gate's verdict (bad inputs, a glob that
 * matches nothing, a baseline that cannot be read) fail too, with a message naming the input or the file.
 */
import * as core from '@actions/core'
import { isAbsolute, relative, resolve } from 'node:path'
import { isCheckpointError } from '../formats/errors.js'
import { defaultEngines } from '../gate/engines.js'
import { evaluateGate } from '../gate/evaluate.js'
import { GateInputError } from '../gate/policy.js'
import type { GateReport } from '../gate/types.js'
import { COMMENT_LIMIT_CHARS, renderGateMarkdown, SUMMARY_LIMIT_BYTES } from '../report/gate-markdown.js'
import { TOOL } from '../version.js'
import { loadBaseline, remoteHeaderCacheDir, restoreRemoteHeaders, saveRemoteHeaders } from './cache.js'
import { RemoteContext, remoteOptions } from '../formats/http/open-location.js'
import { readLocation } from '../formats/http/read-location.js'
import { upsertPrComment } from './comment.js'
import { expandPatterns, isUrl, PatternError } from './glob.js'
import { readActionInputs } from './inputs.js'
import { readArtifacts, writeReportFolder } from './pipeline.js'

export async function run(): Promise<void> {
  try {
    await gate()
  } catch (e) {
    core.setFailed(describeError(e))
  }
}

async function gate(): Promise<void> {
  const inputs = readActionInputs((name) => core.getInput(name))
  const hfToken = inputs.hfToken || process.env.HF_TOKEN || ''
  if (hfToken) core.setSecret(hfToken) // masked in every log line from here on
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()

  let paths: string[]
  try {
    paths = await expandPatterns(inputs.artifacts, workspace)
  } catch (e) {
    if (e instanceof PatternError) throw new GateInputError('artifacts', e.message)
    throw e
  }
  // Relative paths stay as written when the workspace is the working folder, so messages quote the user's paths.
  const sameDir = resolve(workspace) === process.cwd()
  const absolute = (p: string) => (isAbsolute(p) || isUrl(p) || sameDir ? p : resolve(workspace, p))
  core.info(`Gating ${paths.length} artifact(s) against ${inputs.baseline}.`)

  // URLs (https://, hf://) are read header-only over HTTP ranges; their headers are cached by URL and ETag.
  const remote = [inputs.baseline, ...paths].filter(isUrl)
  const context = new RemoteContext(
    remoteOptions({ hfToken: hfToken || undefined, cacheDir: inputs.cache ? remoteHeaderCacheDir() : false })
  )
  const read = (location: string) => readLocation(location, context)
  if (inputs.cache) await restoreRemoteHeaders(remote)

  let baseline
  try {
    baseline = await loadBaseline(absolute(inputs.baseline), inputs.cache, read)
  } catch (e) {
    throw new Error(`The baseline could not be read (input 'baseline'): ${describeError(e)}`, { cause: e })
  }
  const gateInputs = (await readArtifacts(paths.map(absolute), { confineTo: workspace, read })).map(
    (g, i) => ({
      ...g,
      path: paths[i],
      ...(g.error
        ? { error: { ...g.error, message: g.error.message.split(absolute(paths[i])).join(paths[i]) } }
        : {})
    })
  )
  baseline.checkpoint = { ...baseline.checkpoint, path: inputs.baseline }
  if (inputs.cache) await saveRemoteHeaders(remote)

  const evaluation = evaluateGate({
    baseline: baseline.checkpoint,
    baselineFromCache: baseline.fromCache,
    inputs: gateInputs,
    policy: { threshold: inputs.threshold, metric: inputs.metric, failOn: inputs.failOn },
    engines: defaultEngines(),
    tool: TOOL
  })
  const report = evaluation.report
  const hint = inputs.uploadArtifact
    ? `in the artifact '${inputs.artifactName}' of this run`
    : `in ${inputs.mappingDir}`
  const summaryMd = renderGateMarkdown(report, {
    limit: SUMMARY_LIMIT_BYTES,
    unit: 'bytes',
    fullReportHint: hint
  })

  const mappingDir = absolute(inputs.mappingDir)
  const written = await writeReportFolder(mappingDir, evaluation, summaryMd)

  // Uploaded before the job summary and the comment are written, so both can link the artifact itself.
  let reportLink: { name: string; url: string } | undefined
  if (inputs.uploadArtifact) {
    // @actions/artifact is large; load it only when an upload is asked for.
    const { uploadReportFolder } = await import('./artifact.js')
    const uploaded = await uploadReportFolder(inputs.artifactName, mappingDir)
    const url = artifactUrl(process.env, uploaded?.id)
    if (url) reportLink = { name: inputs.artifactName, url }
  }
  const linked = reportLink ? { reportLink } : { fullReportHint: hint }
  await writeJobSummary(
    reportLink
      ? renderGateMarkdown(report, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes', ...linked })
      : summaryMd,
    written.summaryPath
  )

  const commentMd = renderGateMarkdown(report, {
    limit: COMMENT_LIMIT_CHARS,
    unit: 'chars',
    ...linked
  })
  const comment = await upsertPrComment({
    token: inputs.githubToken,
    body: commentMd,
    mode: inputs.comment,
    passed: report.passed
  })
  core.info(`PR comment: ${comment}.`)

  setOutputs(report, {
    report: displayPath(written.reportPath, workspace),
    mappingDir: displayPath(written.dir, workspace),
    summary: displayPath(written.summaryPath, workspace)
  })
  annotateWarnings(report)
  if (!report.passed) {
    annotateFailures(report)
    core.setFailed(report.message)
  }
}

/**
 * The download page of an uploaded artifact: `${server}/${repo}/actions/runs/${run_id}/artifacts/${id}`, from the
 * runner's environment; undefined when the upload gave no id or a variable is missing.
 */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number | undefined): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  if (id === undefined || !Number.isSafeInteger(id) || id < 0 || !server || !repo || !run) return undefined
  if (!/^https?:\/\/[^\s/]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^\d+$/.test(run))
    return undefined
  return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`
}

/** GitHub shows 10 warning annotations per step and drops the rest silently: show 9 and say how many more. */
export const MAX_WARNING_ANNOTATIONS = 10

function annotateWarnings(report: GateReport): void {
  const warnings = report.artifacts.flatMap((a) =>
    a.flags
      .filter((f) => f.severity === 'warning' && !f.failsGate)
      .map((f) => ({ file: a.path, text: `${a.path}: ${f.title}: ${f.evidence}` }))
  )
  const shown =
    warnings.length > MAX_WARNING_ANNOTATIONS ? warnings.slice(0, MAX_WARNING_ANNOTATIONS - 1) : warnings
  for (const w of shown) core.warning(w.text, { file: w.file, title: 'model-compat' })
  if (shown.length < warnings.length) {
    core.warning(`${warnings.length - shown.length} more warning(s) in the job summary.`, {
      title: 'model-compat'
    })
  }
}

/**
 * One error annotation per failing artifact, on the file itself (it shows in the PR's changed files), within
 * GitHub's 10 errors per step: the 10th is setFailed's overall message.
 */
function annotateFailures(report: GateReport): void {
  const bad = report.artifacts.filter((a) => a.status !== 'pass')
  for (const a of bad.slice(0, MAX_WARNING_ANNOTATIONS - 1)) {
    const props = isAbsolute(a.path) || isUrl(a.path) ? {} : { file: a.path }
    core.error(a.reasons.join('; ') || a.status, {
      ...props,
      title: `model-compat: ${a.path} fails the gate`
    })
  }
}

/** The job summary is a view of summary.md; without a runner (local runs) or when it fails, the file remains. */
async function writeJobSummary(markdown: string, file: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(`No GITHUB_STEP_SUMMARY (not on a runner); the summary is in ${file}.`)
    return
  }
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (e) {
    core.warning(
      `Could not write the job summary: ${e instanceof Error ? e.message : String(e)}; it is in ${file}.`
    )
  }
}

function setOutputs(
  report: GateReport,
  paths: { report: string; mappingDir: string; summary: string }
): void {
  core.setOutput('passed', String(report.passed))
  core.setOutput('verdict', report.verdict)
  core.setOutput('overlap', report.overlap === null ? '' : String(Math.floor(report.overlap * 100) / 100))
  core.setOutput('report', paths.report)
  core.setOutput('mapping-dir', paths.mappingDir)
  core.setOutput('summary', paths.summary)
}

/** Paths inside the workspace are shown relative to it, as the workflow author wrote them. */
function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

function describeError(e: unknown): string {
  if (e instanceof GateInputError || isCheckpointError(e)) return e.message
  return e instanceof Error ? e.message : String(e)
}
