/**
 * The gate: each artifact's row (judge.ts: the figure the threshold applies to, the red/warning/green flags with
 * their evidence, pass or fail) under its path, the run's verdict, and a failure explained in a short message (a
 * line per failing artifact). Pure: checkpoints or their verdicts in, GateReport and the documents to write out.
 */
import type { Checkpoint } from '../formats/types.js'
import { printable } from '../util/text.js'
import { cutText, formatPercent, formatThreshold, thresholdReason } from './format.js'
import { gatesRuntimes } from './policy.js'
import { flagText, judgeCheckpoint, placeJudged, unreadableRow, type GateContext } from './judge.js'
import type { ArtifactReport, GateFlag, GateInput, GateReport, GateVerdict, JudgedArtifact } from './types.js'

export {
  flagText,
  judgeCheckpoint,
  MAX_FAILURES_IN_REPORT,
  placeJudged,
  tierOf,
  type GateContext
} from './judge.js'

export interface GateRun extends GateContext {
  baselineFromCache?: boolean
  inputs: readonly GateInput[]
  tool: { name: string; version: string }
}

export interface GateDocument {
  /** A file name (no folders) unique within the run. */
  name: string
  /** Shared by the artifacts of one header. */
  content: unknown
  /**
   * The content names another file of the same header (`from`): written, every string value equal to `from` is
   * `to`, this artifact's location.
   */
  retarget?: { from: string; to: string }
}

export interface GateEvaluation {
  report: GateReport
  /** The mapping / resolution documents, one per artifact read; the report refers to them by name. */
  documents: GateDocument[]
}

export function evaluateGate(run: GateRun): GateEvaluation {
  const documents: GateDocument[] = []
  const usedNames = new Set<string>(['gate-report.json'])
  // inputs that share a checkpoint object (identical headers, src/formats/header-cache.ts) are judged once
  const judged = new WeakMap<Checkpoint, JudgedArtifact>()
  const judge = (ckpt: Checkpoint) => {
    let j = judged.get(ckpt)
    if (j === undefined) judged.set(ckpt, (j = judgeCheckpoint(ckpt, run)))
    return j
  }
  const artifacts = run.inputs.map((input) => {
    const j = input.judged ?? (input.checkpoint !== undefined ? judge(input.checkpoint) : undefined)
    if (j === undefined) return unreadableRow(input, run.policy).report
    const { report, document } = placeJudged(j, input.path)
    if (document !== undefined && report.kind) {
      const name = uniqueName(input.path, report.kind === 'lora' ? '.lora.json' : '.mapping.json', usedNames)
      const at = input.location ?? input.path
      documents.push({
        name,
        content: document,
        ...(at !== j.path ? { retarget: { from: j.path, to: at } } : {})
      })
      report.document = name
    }
    return report
  })

  const figures = artifacts.map((a) => a.figure).filter((f): f is number => f !== undefined)
  const passed = artifacts.length > 0 && artifacts.every((a) => a.status === 'pass')
  const report: GateReport = {
    schemaVersion: 1,
    tool: { ...run.tool },
    passed,
    verdict: verdictOf(artifacts),
    overlap: figures.length > 0 ? Math.min(...figures) : null,
    policy: {
      threshold: run.policy.threshold,
      metric: run.policy.metric,
      failOn: [...run.policy.failOn],
      ...(run.policy.allowGlobals?.length ? { allowGlobals: [...run.policy.allowGlobals] } : {}),
      ...(gatesRuntimes(run.policy) ? { loaders: [...run.policy.loaders!] } : {})
    },
    baseline: {
      path: run.baseline.path,
      format: run.baseline.format,
      tensors: run.baseline.tensors.length,
      ...(run.baselineFromCache !== undefined ? { fromCache: run.baselineFromCache } : {})
    },
    artifacts,
    message: ''
  }
  report.message = failureMessage(report)
  return { report, documents }
}

const TIER_ORDER: GateVerdict[] = ['compatible', 'partial', 'incompatible', 'error']

function verdictOf(artifacts: readonly ArtifactReport[]): GateVerdict {
  let worst: GateVerdict = 'compatible'
  for (const a of artifacts) {
    const v: GateVerdict = a.status === 'error' ? 'error' : (a.tier ?? 'incompatible')
    if (TIER_ORDER.indexOf(v) > TIER_ORDER.indexOf(worst)) worst = v
  }
  return artifacts.length === 0 ? 'error' : worst
}

/** Failing artifacts the message lists before "and N more"; the report and the summary list them all. */
export const MAX_MESSAGE_ARTIFACTS = 5
/** A message line stays readable in a log, an annotation and a terminal. */
export const MAX_MESSAGE_LINE = 240
const MAX_MESSAGE_REASON = 110
const MESSAGE_REASONS = 2

/**
 * The failure message (core.setFailed, the CLI's stderr, the top of the summary): a head line, then one line per
 * failing artifact with its gated figure against the threshold and its top reasons, cut to a readable length.
 * The full reasons are in the report and in each artifact's section of the summary.
 */
function failureMessage(report: GateReport): string {
  if (report.passed) return ''
  if (report.artifacts.length === 0) return 'No artifacts to gate.'
  const bad = report.artifacts.filter((a) => a.status !== 'pass')
  const total = report.artifacts.length
  const lines = [`Compatibility gate failed for ${bad.length} of ${total} artifact${total === 1 ? '' : 's'}:`]
  // Each line printable: a path or name from a file must not break the message into lines of its own (in a CI
  // log a line that starts `::error::` is a workflow command) nor put an ESC on a terminal.
  for (const a of bad.slice(0, MAX_MESSAGE_ARTIFACTS))
    lines.push(printable(failureLine(a, report.policy.threshold)))
  const more = bad.length - MAX_MESSAGE_ARTIFACTS
  if (more > 0) lines.push(`  and ${more} more artifact${more === 1 ? '' : 's'}`)
  return lines.join('\n')
}

function failureLine(a: ArtifactReport, threshold: number): string {
  if (a.status === 'error') {
    const message = a.error?.message ?? 'could not be read'
    return cutText(`  ${message.includes(a.path) ? message : `${a.path}: ${message}`}`, MAX_MESSAGE_LINE)
  }
  const parts: string[] = []
  // The figure against the threshold in its short form, in its place among the reasons.
  const long =
    a.metric && a.figure !== undefined && a.figure < threshold
      ? thresholdReason(a.metric, a.figure, threshold)
      : undefined
  const short = (r: string) =>
    r === long
      ? `${a.metric} ${formatPercent(a.figure!)} < threshold ${formatThreshold(threshold)}`
      : shortReason(r, a.flags)
  // The first reason always (cut if need be), the next only when it fits whole.
  for (const [i, r] of a.reasons.slice(0, MESSAGE_REASONS + (long ? 1 : 0)).entries()) {
    const next = [...parts, short(r)]
    if (i > 0 && lineOf(a.path, next).length > MAX_MESSAGE_LINE) break
    parts.splice(0, parts.length, ...next)
  }
  return cutText(lineOf(a.path, parts), MAX_MESSAGE_LINE)
}

function lineOf(path: string, parts: readonly string[]): string {
  return `  ${path}: ${parts.join(' · ')}`
}

/**
 * A reason short enough for the message. A flag whose title states the facts ("Different hidden dims: 64 vs 128")
 * goes without its evidence; one whose title is only a label ("Likely cause") keeps the evidence, cut.
 */
function shortReason(reason: string, flags: readonly GateFlag[]): string {
  if (reason.length <= MAX_MESSAGE_REASON) return reason
  const flag = flags.find((f) => flagText(f) === reason)
  if (flag && /[\d:(]/.test(flag.title)) return cutText(flag.title, MAX_MESSAGE_REASON)
  return cutText(reason, MAX_MESSAGE_REASON)
}

/** `dir/My LoRA.safetensors` -> `My_LoRA.safetensors.lora.json`, suffixed -2, -3 ... when taken. */
function uniqueName(path: string, suffix: string, used: Set<string>): string {
  const base = (
    path
      .split(/[\\/]/)
      .filter((p) => p !== '')
      .pop() ?? 'artifact'
  ).replace(/[^A-Za-z0-9._-]+/g, '_')
  const stem = base.replace(/^\.+/, '').slice(0, 120) || 'artifact'
  let name = `${stem}${suffix}`
  for (let i = 2; used.has(name); i++) name = `${stem}-${i}${suffix}`
  used.add(name)
  return name
}
