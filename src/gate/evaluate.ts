/**
 * The gate: for each artifact, pick the figure the threshold applies to, collect the red/warning/green flags with
 * their evidence, decide pass or fail, and explain a failure in a short message (a line per failing artifact).
 * Pure: checkpoints and engine results in, GateReport and the documents to write out.
 */
import { tierOf as tierOfOverlap } from '../compare/verdict.js'
import type { VerdictTier } from '../compare/types.js'
import type { Checkpoint } from '../formats/types.js'
import { printable } from '../util/text.js'
import { buildCoverage } from './coverage.js'
import { cutText, formatPercent, formatShape, formatThreshold } from './format.js'
import { chooseMetric, withSecurityFloor } from './policy.js'
import { baselineFlags, globalFlags, securityFlags } from './security.js'
import type {
  ArtifactReport,
  CompareView,
  EngineFlag,
  GateEngines,
  GateFlag,
  GateInput,
  GateMetric,
  GatePolicy,
  GateReport,
  GateVerdict,
  LoraReport,
  LoraView
} from './types.js'

/** How many module failures the report keeps per LoRA (the resolution document has them all). */
export const MAX_FAILURES_IN_REPORT = 200
const MAX_REASONS = 5

export interface GateRun {
  baseline: Checkpoint
  baselineFromCache?: boolean
  inputs: readonly GateInput[]
  policy: GatePolicy
  engines: GateEngines
  tool: { name: string; version: string }
}

export interface GateDocument {
  /** A file name (no folders) unique within the run. */
  name: string
  content: unknown
}

export interface GateEvaluation {
  report: GateReport
  /** The mapping / resolution documents, one per artifact read; the report refers to them by name. */
  documents: GateDocument[]
}

export function evaluateGate(run: GateRun): GateEvaluation {
  const documents: GateDocument[] = []
  const usedNames = new Set<string>(['gate-report.json'])
  const artifacts = run.inputs.map((input) => {
    const { report, document } = evaluateArtifact(input, run)
    if (document !== undefined && report.kind) {
      const name = uniqueName(input.path, report.kind === 'lora' ? '.lora.json' : '.mapping.json', usedNames)
      documents.push({ name, content: document })
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
      ...(run.policy.allowGlobals?.length ? { allowGlobals: [...run.policy.allowGlobals] } : {})
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

function evaluateArtifact(input: GateInput, run: GateRun): { report: ArtifactReport; document?: unknown } {
  const { policy, engines, baseline } = run
  if (!input.checkpoint) {
    const {
      code,
      message,
      globals = []
    } = input.error ?? {
      code: 'Unreadable',
      message: `${input.path}: could not be read`
    }
    // a file that is not a loadable checkpoint still shows what its pickles import
    const flags = globalFlags(globals, policy.allowGlobals).map((f) => withFailsGate(f, policy))
    const reasons = dedupe([message, ...flags.filter((f) => f.failsGate).map(flagText)]).slice(0, MAX_REASONS)
    return {
      report: { path: input.path, status: 'error', figures: {}, reasons, flags, error: { code, message } }
    }
  }
  const ckpt = input.checkpoint
  const kind = engines.isLora(ckpt) ? 'lora' : 'checkpoint'
  const flags: GateFlag[] = [...securityFlags(ckpt, policy.allowGlobals), ...baselineFlags(baseline)].map(
    (f) => withFailsGate(f, policy)
  )
  const report: ArtifactReport = {
    path: input.path,
    format: ckpt.format,
    kind,
    status: 'pass',
    figures: {},
    reasons: [],
    flags
  }
  let document: unknown
  let detailReasons: string[]
  try {
    if (kind === 'lora') {
      const view = engines.resolveLora(ckpt, baseline)
      document = view.document
      report.figures = loraFigures(view)
      report.lora = loraReport(view)
      report.tier = tierOf(view.loadable)
      flags.push(...loraFlags(view).map((f) => withFailsGate(f, policy)))
      detailReasons = report.lora.failures.slice(0, 3).map((f) => `${f.module}: ${f.detail}`)
    } else {
      const view = engines.compare(ckpt, baseline)
      document = view.document
      report.figures = { ...view.figures }
      report.tier = view.tier
      report.checkpoint = {
        shapes: view.shapes,
        unmatched: view.unmatched,
        sampleMappings: view.sampleMappings
      }
      flags.push(...checkpointFlags(view).map((f) => withFailsGate(f, policy)))
      detailReasons = view.shapes.examples
        .slice(0, 2)
        .map((e) => `${e.key}: ${formatShape(e.artifact)} vs baseline ${formatShape(e.baseline)}`)
    }
  } catch (e) {
    // An engine failing on one artifact must not hide the others' results: report it as that artifact's error.
    const message = e instanceof Error ? e.message : String(e)
    const error = { code: 'EngineError', message: `${input.path}: ${message}` }
    return { report: { ...report, status: 'error', reasons: [error.message], error } }
  }

  const { metric, note } = chooseMetric(policy.metric, kind, report.figures)
  report.metric = metric
  if (note) report.metricNote = note
  const figure = report.figures[metric] ?? 0
  report.figure = figure

  const reasons: string[] = []
  const underThreshold = figure < policy.threshold
  // Flags that fail the gate by themselves come first: a dangerous pickle global matters more than any figure.
  const failing = flags.filter((f) => f.failsGate)
  for (const f of failing) reasons.push(flagText(f))
  if (underThreshold) {
    reasons.push(thresholdReason(metric, figure, policy.threshold))
  }
  if (underThreshold || failing.length > 0) {
    report.status = 'fail'
    const redEvidence = flags.filter((f) => f.severity === 'red' && !f.failsGate).map(flagText)
    reasons.push(...redEvidence, ...detailReasons)
  }
  report.reasons = dedupe(reasons).slice(0, MAX_REASONS)
  return { report, document }
}

function thresholdReason(metric: GateMetric, figure: number, threshold: number): string {
  return `${metric} ${formatPercent(figure)} is under the ${formatThreshold(threshold)} threshold`
}

/**
 * A flag as a reason: `Shape mismatch: 7 of 10 modules ...`; a title that has its own colon ("Different hidden
 * dims: 64 vs 128") takes its evidence after a dash, so the two colons do not read as one list.
 */
export function flagText(f: EngineFlag): string {
  if (!f.evidence) return f.title
  return `${f.title}${f.title.includes(': ') ? ' — ' : ': '}${f.evidence}`
}

function withFailsGate(f: EngineFlag, policy: GatePolicy): GateFlag {
  // The floor holds even for a policy built by hand (library callers): see SECURITY_FLOOR.
  const listed = withSecurityFloor(policy.failOn).some((id) => id === f.id)
  const anyRed = policy.failOn.includes('any-red') && f.severity === 'red'
  return { ...f, failsGate: listed || anyRed }
}

function loraFigures(view: LoraView): Partial<Record<GateMetric, number>> {
  const figures: Partial<Record<GateMetric, number>> = { loadable: view.loadable }
  if (view.exact !== undefined) figures.exact = view.exact
  if (view.normalized !== undefined) figures.normalized = view.normalized
  return figures
}

function loraReport(view: LoraView): LoraReport {
  const failing = view.modules.filter((m) => m.status !== 'loadable')
  // Shape mismatches first: they are the "right model family, wrong size" case users most need to see.
  failing.sort((a, b) => (a.status === b.status ? 0 : a.status === 'shape-mismatch' ? -1 : 1))
  const coverage = buildCoverage(view.modules, view.baselineBlocks)
  return {
    convention: view.convention,
    modules: view.moduleCount,
    loadable: view.loadable,
    unresolved: failing.filter((m) => m.status === 'unresolved').length,
    shapeMismatch: failing.filter((m) => m.status === 'shape-mismatch').length,
    failures: failing.slice(0, MAX_FAILURES_IN_REPORT).map((m) => ({
      module: m.name,
      status: m.status as 'unresolved' | 'shape-mismatch',
      detail: m.detail ?? (m.status === 'unresolved' ? 'no matching baseline key' : 'shape mismatch')
    })),
    failuresTotal: failing.length,
    ...(coverage ? { coverage } : {})
  }
}

function loraFlags(view: LoraView): EngineFlag[] {
  const flags = [...view.flags]
  const has = (id: string) => flags.some((f) => f.id === id)
  const mismatched = view.modules.filter((m) => m.status === 'shape-mismatch')
  const unresolved = view.modules.filter((m) => m.status === 'unresolved')
  if (mismatched.length > 0 && !has('shape-mismatch')) {
    flags.push({
      id: 'shape-mismatch',
      severity: 'red',
      title: 'Shape mismatch',
      evidence:
        `${mismatched.length} of ${view.moduleCount} modules do not fit the baseline's shapes` +
        (mismatched[0].detail ? ` (e.g. ${mismatched[0].name}: ${mismatched[0].detail})` : '')
    })
  }
  if (unresolved.length > 0 && !has('unresolved-modules')) {
    flags.push({
      id: 'unresolved-modules',
      severity: 'red',
      title: 'Unresolved modules',
      evidence: `${unresolved.length} of ${view.moduleCount} modules target no baseline key (e.g. ${unresolved[0].name})`
    })
  }
  if (view.moduleCount > 0 && mismatched.length === 0 && unresolved.length === 0 && !has('all-loadable')) {
    flags.push({
      id: 'all-loadable',
      severity: 'green',
      title: 'Every module loads',
      evidence: `${view.moduleCount} modules resolve to baseline keys with matching shapes`
    })
  }
  return flags
}

function checkpointFlags(view: CompareView): EngineFlag[] {
  // The comparison's red `shapes` flag says what the gate's `shape-mismatch` says: keep one (the one `fail-on`
  // names), so the reasons and the red count do not show the same finding twice.
  const flags = view.flags.filter((f) => !(f.id === 'shapes' && f.severity === 'red'))
  if (view.shapes.mismatched > 0 && !flags.some((f) => f.id === 'shape-mismatch')) {
    const e = view.shapes.examples[0]
    const common = view.shapes.matching + view.shapes.mismatched
    flags.push({
      id: 'shape-mismatch',
      severity: 'red',
      title: 'Shape mismatch',
      evidence:
        `${view.shapes.mismatched} of ${common} common tensors have different shapes` +
        (e ? ` (e.g. ${e.key}: ${formatShape(e.artifact)} vs baseline ${formatShape(e.baseline)})` : '')
    })
  }
  return flags
}

/** The tiers of the comparison, applied to a LoRA's loadable share (a percentage here, a fraction there). */
export function tierOf(figure: number): VerdictTier {
  return tierOfOverlap(figure / 100)
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

/**
 * Reasons without repeats: a reason already quoted inside an earlier one (a module's detail that a flag's "e.g."
 * already gives) is left out too.
 */
function dedupe(items: string[]): string[] {
  const out: string[] = []
  for (const item of items) if (!out.some((kept) => kept.includes(item))) out.push(item)
  return out
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
