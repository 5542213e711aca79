/**
 * The gate's report for a terminal (`model-compat gate` without --json or --markdown): the verdict first, one
 * aligned row per artifact (status, gated figure, flags, top reason), then a short section per artifact that did
 * not pass or passed with red or warning flags or a metric note (its reasons, its other red and warning flags, a
 * few of the modules or keys at fault). Lists
 * are cut with a count of what was left out; the Markdown and the JSON report have everything. Pure: data in,
 * string out; colour only when asked for.
 */
import { flagText } from '../gate/evaluate.js'
import { cutText, formatPercent, formatShape, formatThreshold } from '../gate/format.js'
import type { ArtifactReport, GateFlag, GateReport } from '../gate/types.js'
import { colors, cutList, table, type Colors } from './format.js'

export interface GateConsoleOptions {
  /** ANSI colour; the CLI decides (TTY and NO_COLOR). */
  color: boolean
  /** Items per list (reasons excepted) before cutting (default 5). */
  maxRows?: number
  /** Artifacts that did not pass given a section of their own before "N more" (default 10). */
  maxSections?: number
  /** Where the report folder was written, starting with "in" (as for the Markdown): "in the folder out". */
  fullReportHint?: string
  /** When no report folder was written: how to get the full lists, e.g. "run with --mapping-dir DIR or --json". */
  noReportHint?: string
}

const DEFAULT_ROWS = 5
const DEFAULT_SECTIONS = 10
/** Table cells and list lines are cut here: a terminal line, not a paragraph. */
const MAX_REASON_CELL = 90
const MAX_DETAIL_CELL = 140
const MAX_LINE = 200

export function renderGateConsole(report: GateReport, options: GateConsoleOptions): string {
  const k = colors(options.color)
  const maxRows = Math.max(1, options.maxRows ?? DEFAULT_ROWS)
  const maxSections = Math.max(0, options.maxSections ?? DEFAULT_SECTIONS)
  const where = (file?: string) =>
    options.fullReportHint
      ? `all are in ${file ? clean(file) : 'the report folder'}, ${clean(options.fullReportHint)}`
      : (options.noReportHint && clean(options.noReportHint)) || 'all are in the JSON report'

  let out = verdictLines(report, k)
  if (report.artifacts.length > 0) {
    out += '\n' + rows(report.artifacts.map((a) => artifactRow(a, k)))
  }

  // A passing artifact gets a section for its red flags (an 83% loadable LoRA passes a threshold of 80 with 80
  // modules that do not load: the row alone would hide them), its warnings, or a note on the metric (gated on
  // another figure than the one asked for).
  const noted = report.artifacts.filter(
    (a) => a.status !== 'pass' || a.metricNote || a.flags.some((f) => f.severity !== 'green')
  )
  const { shown, omitted } = cutList(noted, maxSections)
  for (const a of shown) out += '\n' + artifactSection(a, k, maxRows, where)
  if (omitted > 0) {
    out +=
      '\n' + k.dim(`... ${omitted} more artifact(s) with failures or warnings (--markdown or --json)`) + '\n'
  }
  return out
}

function verdictLines(r: GateReport, k: Colors): string {
  const bad = r.artifacts.filter((a) => a.status !== 'pass').length
  const head = r.passed ? k.green(k.bold('PASSED')) : k.red(k.bold('FAILED'))
  const what = r.passed
    ? `all ${r.artifacts.length} artifact(s) pass`
    : `${bad} of ${r.artifacts.length} artifact(s) do not pass`
  const figure = r.overlap === null ? 'n/a' : formatPercent(r.overlap)
  const failOn = r.policy.failOn.length > 0 ? r.policy.failOn.join(', ') : 'none'
  return (
    `${head} compatibility gate: ${what} · verdict ${k.bold(r.verdict)} · lowest gated figure ${figure}\n` +
    k.dim(
      `  threshold ${formatThreshold(r.policy.threshold)} on ${r.policy.metric} · fail-on ${failOn} · ` +
        `baseline ${clean(r.baseline.path)} (${r.baseline.format}, ${r.baseline.tensors} tensors)`
    ) +
    '\n'
  )
}

function artifactRow(a: ArtifactReport, k: Colors): string[] {
  const status =
    a.status === 'pass' ? k.green('PASS') : a.status === 'fail' ? k.red('FAIL') : k.yellow('ERROR')
  if (a.status === 'error') {
    return [status, clean(a.path), 'unreadable', a.error?.code ?? 'error', '', cut(a.error?.message ?? '')]
  }
  const kind =
    a.kind === 'lora' ? `LoRA (${clean(a.lora?.convention ?? '?')})` : `checkpoint (${a.format ?? '?'})`
  const figure = a.metric && a.figure !== undefined ? `${a.metric} ${formatPercent(a.figure)}` : 'n/a'
  return [status, clean(a.path), kind, figure, flagCounts(a.flags, k), cut(topReason(a), MAX_REASON_CELL)]
}

/** `2 red, 1 warning, 3 green`; `-` when there are none. */
function flagCounts(flags: readonly GateFlag[], k: Colors): string {
  const count = (sev: GateFlag['severity']) => flags.filter((f) => f.severity === sev).length
  const parts = [
    [count('red'), 'red', k.red],
    [count('warning'), 'warning', k.yellow],
    [count('green'), 'green', k.green]
  ] as const
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, label, paint]) => paint(`${n} ${label === 'warning' && n !== 1 ? 'warnings' : label}`))
      .join(', ') || '-'
  )
}

/**
 * The row's reason: for a failure the first one beyond the figure (which the row already shows), for a pass the
 * first warning, if any.
 */
function topReason(a: ArtifactReport): string {
  if (a.status === 'fail') {
    const beyond = a.reasons.filter((r) => !/ is under the .* threshold$/.test(r))
    return beyond[0] ?? a.reasons[0] ?? ''
  }
  return a.flags.find((f) => f.severity === 'warning')?.title ?? ''
}

function artifactSection(
  a: ArtifactReport,
  k: Colors,
  maxRows: number,
  where: (file?: string) => string
): string {
  const warned = a.flags.some((f) => f.severity !== 'green')
  const label =
    a.status === 'pass'
      ? warned
        ? k.yellow('passes, with warnings')
        : k.dim('passes')
      : a.status === 'fail'
        ? k.red('fails')
        : k.yellow('error')
  let out = `${k.bold(clean(a.path))}: ${label}\n`
  if (a.status === 'error') return out + `  ${cut(a.error?.message ?? 'could not be read')}\n`
  if (a.metricNote) out += k.dim(`  ${cut(a.metricNote)}`) + '\n'
  // The report keeps at most a handful of reasons, most important first: all of them are shown.
  if (a.status === 'fail') for (const r of a.reasons) out += `  - ${cut(r)}\n`

  // Flags already given as reasons are not repeated; green ones are for the Markdown.
  const others = a.flags.filter((f) => f.severity !== 'green' && !a.reasons.includes(flagText(f)))
  const flags = cutList(others, maxRows)
  for (const f of flags.shown) {
    const tag = f.severity === 'red' ? k.red('red') : k.yellow('warning')
    out += `  ${tag} ${cut(flagText(f))}${f.failsGate ? ' (fails the gate)' : ''}\n`
  }
  if (flags.omitted > 0) out += k.dim(`  ... ${flags.omitted} more flag(s)`) + '\n'

  if (a.lora && a.lora.failuresTotal > 0) {
    out += `  ${a.lora.failuresTotal} of ${a.lora.modules} modules do not load`
    out += ` (${a.lora.shapeMismatch} shape mismatch, ${a.lora.unresolved} unresolved):\n`
    const picked = interleaveByStatus(a.lora.failures).slice(0, maxRows)
    out += rows(
      picked.map((f) => [clean(f.module), f.status, cut(f.detail, MAX_DETAIL_CELL)]),
      '    '
    )
    const more = a.lora.failuresTotal - picked.length
    if (more > 0) out += k.dim(`    ... ${more} more; ${where(a.document)}`) + '\n'
  }
  const c = a.checkpoint
  if (c) {
    if (c.shapes.mismatched > 0) {
      out += `  ${c.shapes.mismatched} common tensor(s) with other shapes (artifact vs baseline):\n`
      const examples = c.shapes.examples.slice(0, maxRows)
      out += rows(
        examples.map((e) => [clean(e.key), formatShape(e.artifact), formatShape(e.baseline)]),
        '    '
      )
      const more = c.shapes.mismatched - examples.length
      if (more > 0) out += k.dim(`    ... ${more} more; ${where(a.document)}`) + '\n'
    }
    const u = c.unmatched
    if (u.artifactTotal > 0 || u.baselineTotal > 0) {
      out += `  ${u.artifactTotal} key(s) only in the artifact, ${u.baselineTotal} only in the baseline`
      const sample = u.artifact.slice(0, 3).map(clean)
      out += sample.length > 0 ? ` (e.g. ${sample.join(', ')})\n` : '\n'
    }
  }
  return out
}

/** Shape mismatches and unresolved modules in turn, so a short list shows both kinds of failure. */
function interleaveByStatus<T extends { status: string }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>()
  for (const x of items) {
    const g = groups.get(x.status)
    if (g) g.push(x)
    else groups.set(x.status, [x])
  }
  const lists = [...groups.values()]
  const out: T[] = []
  for (let i = 0; out.length < items.length; i++) for (const g of lists) if (i < g.length) out.push(g[i])
  return out
}

/** Aligned columns without the padding an empty last cell would leave at the end of the line. */
function rows(cells: readonly (readonly string[])[], indent = '  '): string {
  return table(cells, { indent }).replace(/ +$/gm, '')
}

function cut(text: string, max = MAX_LINE): string {
  return cutText(clean(text), max)
}

/**
 * Names and evidence come from hostile files: control characters (an ESC starting a terminal sequence, a CR
 * rewriting the line) are shown as `?`.
 */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
}
