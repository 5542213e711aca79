/**
 * The gate's verdict of one artifact: for a checkpoint, everything in its row that depends on its header alone
 * (figures, flags, reasons, pass or fail) and its mapping or resolution document; for a file that could not be
 * read, its error row. Pure: a checkpoint and engine results in, a row out; `evaluateGate` (evaluate.ts) places
 * the rows under their paths and adds the run's verdict and message.
 */
import { tierOf as tierOfOverlap } from '../compare/verdict.js'
import type { VerdictTier } from '../compare/types.js'
import type { Checkpoint } from '../formats/types.js'
import { buildCoverage } from './coverage.js'
import { formatShape, thresholdReason } from './format.js'
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import type { LoaderName } from '../lora/types.js'
import { loaderReason, loaderResult } from './loaders.js'
import { chooseMetric, gatesRuntimes, SECURITY_FLOOR } from './policy.js'
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
  JudgedArtifact,
  LoraReport,
  LoraView
} from './types.js'

/** How many module failures the report keeps per LoRA (the resolution document has them all). */
export const MAX_FAILURES_IN_REPORT = 200
const MAX_REASONS = 5

/** What judging a checkpoint depends on besides the checkpoint: the same for every artifact of a run. */
export interface GateContext {
  baseline: Checkpoint
  policy: GatePolicy
  engines: GateEngines
}

/** An artifact that could not be read: its error row. */
export function unreadableRow(input: GateInput, policy: GatePolicy): { report: ArtifactReport } {
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

/**
 * A judged checkpoint as the report row of the file at `path`. The row's parts are shared with every other file of
 * the same header (nothing downstream changes them); an engine error's message gets the path in front.
 */
export function placeJudged(j: JudgedArtifact, path: string): { report: ArtifactReport; document?: unknown } {
  const report: ArtifactReport = { ...j.report, path }
  if (report.error !== undefined) {
    const message = `${path}: ${report.error.message}`
    report.error = { ...report.error, message }
    report.reasons = [message]
  }
  return j.document === undefined ? { report } : { report, document: j.document }
}

/**
 * The gate's verdict of one checkpoint: everything in an artifact's row that depends on its header alone (all
 * but its path), and its mapping or resolution document. The same header always gets the same verdict, so a run
 * judges each distinct header once (`evaluateGate` per checkpoint object, the CLI per header hash).
 */
export function judgeCheckpoint(ckpt: Checkpoint, ctx: GateContext): JudgedArtifact {
  const { policy, engines, baseline } = ctx
  const kind = engines.isLora(ckpt) ? 'lora' : 'checkpoint'
  const flags: GateFlag[] = [...securityFlags(ckpt, policy.allowGlobals), ...baselineFlags(baseline)].map(
    (f) => withFailsGate(f, policy)
  )
  const report: ArtifactReport = {
    path: '',
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
      // The first listed loader gives the figures, failures and document; every listed loader is gated.
      const loaders: LoaderName[] = policy.loaders && policy.loaders.length > 0 ? policy.loaders : ['any']
      const loaderViews = loaders.map((l) => engines.resolveLora(ckpt, baseline, l))
      const view = loaderViews[0]!
      document = view.document
      report.figures = loraFigures(view)
      report.lora = loraReport(view)
      if (gatesRuntimes(policy))
        report.lora.loaders = loaderViews.map((v) => loaderResult(v, policy.threshold))
      report.tier = tierOf(view.loadable)
      flags.push(...loraFlags(view).map((f) => withFailsGate(f, policy)))
      detailReasons = report.lora.failures.slice(0, 3).map((f) => `${f.module}: ${f.detail}`)
      // Nothing the baseline can judge (every module patches a component it does not hold): the figure is 0 of 0.
      if (view.checkedCount === 0 && view.moduleCount > 0)
        detailReasons.unshift(
          `no module can be checked against this baseline: all ${view.moduleCount} patch a component it does not hold (see the warning)`
        )
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
    // An engine failing on one artifact must not hide the others' results: report it as that artifact's error
    // (its message gets the path when the row is placed).
    const message = e instanceof Error ? e.message : String(e)
    const error = { code: 'EngineError', message }
    return { report: { ...report, status: 'error', reasons: [message], error }, path: ckpt.path }
  }

  const { metric, note } = chooseMetric(policy.metric, kind, report.figures)
  report.metric = metric
  if (note) report.metricNote = note
  // Gated per runtime: the loadable figure is the lowest over the listed loaders.
  const perLoader = metric === 'loadable' ? (report.lora?.loaders ?? []) : []
  const figure =
    perLoader.length > 0 ? Math.min(...perLoader.map((l) => l.loadable)) : (report.figures[metric] ?? 0)
  report.figure = figure

  const reasons: string[] = []
  // A runtime that refuses the whole file fails its loader whatever the threshold.
  const underThreshold = figure < policy.threshold || perLoader.some((l) => !l.passed)
  // Flags that fail the gate by themselves come first: a dangerous pickle global matters more than any figure.
  const failing = flags.filter((f) => f.failsGate)
  for (const f of failing) reasons.push(flagText(f))
  if (underThreshold && perLoader.length > 0) {
    for (const l of perLoader) if (!l.passed) reasons.push(loaderReason(l, policy.threshold))
  } else if (underThreshold) {
    reasons.push(thresholdReason(metric, figure, policy.threshold))
  }
  if (underThreshold || failing.length > 0) {
    report.status = 'fail'
    const redEvidence = flags.filter((f) => f.severity === 'red' && !f.failsGate).map(flagText)
    reasons.push(...redEvidence, ...detailReasons)
  }
  report.reasons = dedupe(reasons).slice(0, MAX_REASONS)
  return { report, document, path: ckpt.path }
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
  const listed = SECURITY_FLOOR.some((id) => id === f.id) || policy.failOn.some((id) => id === f.id)
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
  const failing = view.modules.filter((m) => m.status !== 'loadable' && m.status !== 'not-checked')
  const notChecked = view.moduleCount - view.checkedCount
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
    ...(notChecked > 0 ? { notChecked } : {}),
    ...(coverage ? { coverage } : {})
  }
}

function loraFlags(view: LoraView): EngineFlag[] {
  const flags = [...view.flags]
  const has = (id: string) => flags.some((f) => f.id === id)
  const mismatched = view.modules.filter((m) => m.status === 'shape-mismatch')
  const unresolved = view.modules.filter((m) => m.status === 'unresolved')
  // The modules the baseline can judge (text-encoder ones on a baseline without one are not).
  const checked = view.checkedCount
  if (mismatched.length > 0 && !has('shape-mismatch')) {
    flags.push({
      id: 'shape-mismatch',
      severity: 'red',
      title: 'Shape mismatch',
      evidence:
        `${mismatched.length} of ${checked} modules do not fit the baseline's shapes` +
        (mismatched[0].detail ? ` (e.g. ${mismatched[0].name}: ${mismatched[0].detail})` : '')
    })
  }
  if (unresolved.length > 0 && !has('unresolved-modules')) {
    flags.push({
      id: 'unresolved-modules',
      severity: 'red',
      title: 'Unresolved modules',
      evidence:
        view.loader !== undefined && view.loader !== 'any'
          ? `${unresolved.length} of ${checked} modules do not load in ${LOADER_LABELS[view.loader]} (e.g. ${unresolved[0].name})`
          : `${unresolved.length} of ${checked} modules target no baseline key (e.g. ${unresolved[0].name})`
    })
  }
  if (checked > 0 && mismatched.length === 0 && unresolved.length === 0 && !has('all-loadable')) {
    flags.push({
      id: 'all-loadable',
      severity: 'green',
      title: checked === view.moduleCount ? 'Every module loads' : 'Every module checked loads',
      evidence: `${checked} modules resolve to baseline keys with matching shapes`
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

/**
 * Reasons without repeats: a reason already quoted inside an earlier one (a module's detail that a flag's "e.g."
 * already gives) is left out too.
 */
export function dedupe(items: string[]): string[] {
  const out: string[] = []
  for (const item of items) if (!out.some((kept) => kept.includes(item))) out.push(item)
  return out
}
