/**
 * The GitHub Action: read the inputs, expand the artifact globs, load the baseline (through the cache), gate every
 * artifact, write the report folder, upload it as an artifact, write the job summary and upsert the PR comment
 * (both linking the artifact), set the outputs, and fail the job when the gate fails. Problems other than the gate's verdict (bad inputs, a glob that
 * matches nothing, a baseline that cannot be read) fail too, with a message naming the input or the file.
 */
import * as core from '@actions/core'
import { isAbsolute, relative } from 'node:path'
import { toModelCompatError } from '../formats/errors.js'
import type { GateReport } from '../gate/types.js'
import { openLocations } from '../node/locations.js'
import { isUrl } from '../node/glob.js'
import { gateOutcome, runGate } from '../node/run-gate.js'
import { COMMENT_LIMIT_CHARS, renderGateMarkdown, SUMMARY_LIMIT_BYTES } from '../report/gate-markdown.js'
import { printable } from '../util/text.js'
import { loadBaseline, remoteHeaderCacheDir, restoreRemoteHeaders, saveRemoteHeaders } from './cache.js'
import { upsertPrComment } from './comment.js'
import { readActionInputs } from './inputs.js'

export async function run(): Promise<void> {
  try {
    await gate()
  } catch (e) {
    core.setFailed(failureText(e))
  }
}

async function gate(): Promise<void> {
  const inputs = readActionInputs((name) => core.getInput(name))
  const hfToken = inputs.hfToken || process.env.HF_TOKEN || ''
  if (hfToken) core.setSecret(hfToken) // masked in every log line from here on
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()

  // URLs (https://, hf://) are read header-only over HTTP ranges; their headers are cached by URL and ETag, and
  // the cache folder is carried between runs with @actions/cache. Globs never match a URL: these are all of them.
  const remote = [inputs.baseline, ...inputs.artifacts].filter(isUrl)
  const locations = openLocations({
    hfToken: hfToken || undefined,
    cacheDir: inputs.cache ? remoteHeaderCacheDir() : false
  })
  if (inputs.cache) await restoreRemoteHeaders(remote)

  const hint = inputs.uploadArtifact
    ? `in the artifact '${inputs.artifactName}' of this run`
    : `in ${inputs.mappingDir}`
  const result = await runGate({
    artifacts: inputs.artifacts,
    baseline: inputs.baseline,
    policy: {
      threshold: inputs.threshold,
      metric: inputs.metric,
      failOn: inputs.failOn,
      allowGlobals: inputs.allowGlobals,
      loaders: inputs.loaders
    },
    cwd: workspace,
    read: locations.read,
    loadBaseline: (location, options) =>
      loadBaseline(location, inputs.cache, (l) => locations.read(l, options)),
    // A pull request chooses the files in the workspace: nothing outside it is read, or written to.
    confineTo: workspace,
    reportDir: inputs.mappingDir,
    names: { artifacts: 'artifacts', baseline: 'baseline', reportDir: 'mapping-dir' },
    fullReportHint: hint
  })
  if (inputs.cache) await saveRemoteHeaders(remote)
  const report = result.report
  const written = result.written!
  core.info(printable(`Gated ${result.paths.length} artifact(s) against ${inputs.baseline}.`))

  // Uploaded before the job summary and the comment are written, so both can link the artifact itself instead of
  // naming it (summary.md inside the artifact keeps the plain hint: it cannot link to itself).
  let reportLink: { name: string; url: string } | undefined
  if (inputs.uploadArtifact) {
    // @actions/artifact is large; load it only when an upload is asked for.
    const { uploadReportFolder } = await import('./artifact.js')
    const uploaded = await uploadReportFolder(inputs.artifactName, written.dir, written.files)
    const url = artifactUrl(process.env, uploaded?.id)
    if (url) reportLink = { name: inputs.artifactName, url }
  }
  const where = reportLink ? { reportLink } : { fullReportHint: hint }
  await writeJobSummary(
    reportLink
      ? renderGateMarkdown(report, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes', ...where })
      : result.summary,
    written.summaryPath
  )

  const commentMd = renderGateMarkdown(report, {
    limit: COMMENT_LIMIT_CHARS,
    unit: 'chars',
    ...where
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
  const outcome = gateOutcome(report)
  if (outcome !== undefined) {
    annotateFailures(report)
    core.setFailed(failureText(outcome))
  }
}

/**
 * The download page of an uploaded artifact: `${server}/${repo}/actions/runs/${run_id}/artifacts/${id}`, from the
 * runner's environment; undefined when the upload gave no id or a variable is missing or malformed.
 */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number | undefined): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  if (id === undefined || !Number.isSafeInteger(id) || id < 0 || !server || !repo || !run) return undefined
  if (!/^https?:\/\/[^\s/]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^\d+$/.test(run))
    return undefined
  return `${server}/${repo}/actions/runs/${run}/artifacts/${id}`
}

/**
 * The step's failure message: the error's lines, each printable (a name from a file cannot end a line and start
 * a workflow command, nor put an ESC in the log). @actions/core escapes the line breaks between them.
 */
function failureText(e: unknown): string {
  return toModelCompatError(e).lines.map(printable).join('\n')
}

/** GitHub shows 10 warning annotations per step and drops the rest silently: show 9 and say how many more. */
export const MAX_WARNING_ANNOTATIONS = 10

function annotateWarnings(report: GateReport): void {
  const warnings = report.artifacts.flatMap((a) =>
    a.flags
      .filter((f) => f.severity === 'warning' && !f.failsGate)
      .map((f) => ({ file: printable(a.path), text: printable(`${a.path}: ${f.title}: ${f.evidence}`) }))
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
    const props = isAbsolute(a.path) || isUrl(a.path) ? {} : { file: printable(a.path) }
    core.error(printable(a.reasons.join('; ') || a.status), {
      ...props,
      title: printable(`model-compat: ${a.path} fails the gate`)
    })
  }
}

/** The job summary is a view of summary.md; without a runner (local runs) or when it fails, the file remains. */
async function writeJobSummary(markdown: string, file: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(printable(`No GITHUB_STEP_SUMMARY (not on a runner); the summary is in ${file}.`))
    return
  }
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (e) {
    core.warning(
      printable(
        `Could not write the job summary: ${e instanceof Error ? e.message : String(e)}; it is in ${file}.`
      )
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
