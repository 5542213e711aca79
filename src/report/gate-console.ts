/**
 * The gate's report for a terminal (`model-compat gate` without --json or --markdown): the gate result first (how
 * many artifacts fail, and any dangerous pickle global), one row per artifact with failures first (status, gated
 * figure, flag counts, top reason), then a short section per artifact that did not pass or passed with red or
 * warning flags or a metric note (its reasons, its other red and warning flags, a few of the modules or keys at
 * fault). Lists are cut with a count of what was left out; the Markdown and the JSON report have everything.
 * Fitted to `width`: paths are shortened in the middle, reasons wrap. Pure: data in, string out; colour only when
 * asked for, and every flag carries a word or symbol besides its colour.
 */
import { flagText } from '../gate/evaluate.js'
import { cutText, formatPercent, formatShape, formatThreshold } from '../gate/format.js'
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import type { ArtifactReport, GateFlag, GateReport } from '../gate/types.js'
import { colors, commonFolder, cutList, mark, plural, printable, type Colors } from './format.js'
import { fitTable, paragraph } from './layout.js'

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
  /** Columns to fit the output to (default: unlimited). */
  width?: number
}

const DEFAULT_ROWS = 5
const DEFAULT_SECTIONS = 10
/** Long evidence (a flag's quoted keys and shapes) is cut here, between words; the JSON report has it whole. */
const MAX_LINE = 200

/**
 * Failures first: a flag that fails the gate by itself (a dangerous pickle global), then unreadable artifacts,
 * then the other failures, then passes with warnings, then clean passes; each group in the order given.
 */
export function failuresFirst<T extends Pick<ArtifactReport, 'status' | 'flags'>>(items: readonly T[]): T[] {
  const rank = (a: T) =>
    a.status === 'fail' && a.flags.some((f) => f.failsGate)
      ? 0
      : a.status === 'error'
        ? 1
        : a.status === 'fail'
          ? 2
          : a.flags.some((f) => f.severity !== 'green')
            ? 3
            : 4
  return items
    .map((a, i) => ({ a, i, r: rank(a) }))
    .sort((x, y) => x.r - y.r || x.i - y.i)
    .map((x) => x.a)
}

export function renderGateConsole(report: GateReport, options: GateConsoleOptions): string {
  const k = colors(options.color)
  const maxRows = Math.max(1, options.maxRows ?? DEFAULT_ROWS)
  const maxSections = Math.max(0, options.maxSections ?? DEFAULT_SECTIONS)
  const width = options.width ?? Number.POSITIVE_INFINITY
  const where = (file?: string) =>
    options.fullReportHint
      ? `all are in ${file ? clean(file) : 'the report folder'}, ${clean(options.fullReportHint)}`
      : (options.noReportHint && clean(options.noReportHint)) || 'all are in the JSON report'

  const artifacts = failuresFirst(report.artifacts)
  // The folder every artifact shares is said once, in the head; the rows show the rest of each path.
  const folder = commonFolder(artifacts.map((a) => a.path))
  let out = verdictLines(report, k, width, folder)
  if (artifacts.length > 0) {
    out +=
      '\n' +
      fitTable(
        artifacts.map((a) => artifactRow(a, k, folder)),
        { width, fit: ['fixed', 'shorten', 'fixed', 'fixed', 'fixed', 'wrap'] }
      )
  }

  // A passing artifact gets a section for its red flags (an 83% loadable LoRA passes a threshold of 80 with 80
  // modules that do not load: the row alone would hide them), its warnings, or a note on the metric (gated on
  // another figure than the one asked for).
  const noted = artifacts.filter(
    (a) => a.status !== 'pass' || a.metricNote || a.flags.some((f) => f.severity !== 'green')
  )
  const { shown, omitted } = cutList(noted, maxSections)
  for (const a of shown) out += '\n' + artifactSection(a, k, maxRows, where, width)
  if (omitted > 0) {
    out +=
      '\n' +
      k.dim(
        `... ${plural(omitted, 'more artifact', 'more artifacts')} with failures or warnings (--markdown or --json)`
      ) +
      '\n'
  }
  return out
}

/** Artifacts that import a dangerous pickle global: said in the answer line, whatever else failed. */
function dangerousCount(r: GateReport): number {
  return r.artifacts.filter((a) => a.flags.some((f) => f.id === 'dangerous-globals')).length
}

/**
 * `✗ FAILED: 2 of 4 artifacts do not pass; 1 imports dangerous pickle globals (threshold 80% on auto)`, then the
 * policy and the baseline on an indented line.
 */
function verdictLines(r: GateReport, k: Colors, width: number, folder: string): string {
  const bad = r.artifacts.filter((a) => a.status !== 'pass').length
  const total = r.artifacts.length
  const head = r.passed
    ? `${mark('good', k)} ${k.green(k.bold('PASSED'))}`
    : `${mark('bad', k)} ${k.red(k.bold('FAILED'))}`
  const what = r.passed
    ? total === 1
      ? 'the artifact passes'
      : `all ${plural(total, 'artifact')} pass`
    : `${bad} of ${plural(total, 'artifact')} ${bad === 1 ? 'does' : 'do'} not pass`
  const danger = dangerousCount(r)
  const dangerText =
    danger > 0
      ? `; ${k.red(`${danger} ${danger === 1 ? 'imports' : 'import'} dangerous pickle globals`)}`
      : ''
  const figure = r.overlap === null ? 'n/a' : formatPercent(r.overlap)
  const failOn = r.policy.failOn.length > 0 ? r.policy.failOn.join(', ') : 'none'
  return (
    paragraph(
      `${head}: ${what}${dangerText} (lowest gated figure ${figure}, threshold ${formatThreshold(r.policy.threshold)})`,
      width,
      '',
      '  '
    ) +
    k.dim(
      paragraph(
        `verdict ${r.verdict} · metric ${r.policy.metric} · fail-on ${failOn} · ` +
          `baseline ${clean(r.baseline.path)} (${r.baseline.format}, ${plural(r.baseline.tensors, 'tensor')})` +
          (folder ? ` · artifacts in ${clean(folder)}` : ''),
        width,
        '  '
      )
    )
  )
}

function artifactRow(a: ArtifactReport, k: Colors, folder: string): string[] {
  const path = clean(folder && a.path.startsWith(folder) ? a.path.slice(folder.length) : a.path)
  const status =
    a.status === 'pass'
      ? `${mark('good', k)} ${k.green('PASS')}`
      : a.status === 'fail'
        ? `${mark('bad', k)} ${k.red('FAIL')}`
        : `${mark('warn', k)} ${k.yellow('ERROR')}`
  if (a.status === 'error') {
    return [status, path, 'unreadable', a.error?.code ?? 'error', '', cut(a.error?.message ?? '')]
  }
  const kind =
    a.kind === 'lora' ? `LoRA (${clean(a.lora?.convention ?? '?')})` : `checkpoint (${a.format ?? '?'})`
  const figure = a.metric && a.figure !== undefined ? `${a.metric} ${formatPercent(a.figure)}` : 'n/a'
  return [status, path, kind, figure, flagCounts(a.flags, k), cut(topReason(a))]
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
      .map(([n, label, paint]) => paint(label === 'warning' ? plural(n, 'warning') : `${n} ${label}`))
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
  where: (file?: string) => string,
  width: number
): string {
  const warned = a.flags.some((f) => f.severity !== 'green')
  const label =
    a.status === 'pass'
      ? warned
        ? `${mark('warn', k)} ${k.yellow('passes, with warnings')}`
        : `${mark('good', k)} ${k.dim('passes')}`
      : a.status === 'fail'
        ? `${mark('bad', k)} ${k.red('fails')}`
        : `${mark('warn', k)} ${k.yellow('error')}`
  const line = (text: string, first = '  ', indent = '    ') => paragraph(text, width, first, indent)
  let out = `${k.bold(clean(a.path))}: ${label}\n`
  if (a.status === 'error') return out + line(cut(a.error?.message ?? 'could not be read'))
  if (a.metricNote) out += k.dim(line(cut(a.metricNote)))
  // The report keeps at most a handful of reasons, most important first: all of them are shown.
  if (a.status === 'fail') for (const r of a.reasons) out += line(cut(r), '  - ')
  if (a.lora?.loaders) {
    const figures = a.lora.loaders.map((l) => {
      const text = `${LOADER_LABELS[l.loader]} ${l.loaded}/${l.modules}${l.fileError !== undefined ? ' (file refused)' : ''}`
      return l.passed ? k.green(text) : k.red(text)
    })
    out += line(`loads in: ${figures.join(', ')}`)
  }

  // Flags already given as reasons are not repeated; green ones are for the Markdown.
  const others = a.flags.filter((f) => f.severity !== 'green' && !a.reasons.includes(flagText(f)))
  const flags = cutList(others, maxRows)
  for (const f of flags.shown) {
    const tag =
      f.severity === 'red' ? `${mark('bad', k)} ${k.red('red')}` : `${mark('warn', k)} ${k.yellow('warning')}`
    out += line(`${cut(flagText(f))}${f.failsGate ? ' (fails the gate)' : ''}`, `  ${tag} `)
  }
  if (flags.omitted > 0) out += k.dim(`  ... ${plural(flags.omitted, 'more flag', 'more flags')}`) + '\n'

  if (a.lora && a.lora.failuresTotal > 0) {
    const l = a.lora
    out += line(
      `${l.failuresTotal} of ${plural(l.modules - (l.notChecked ?? 0), 'module')} do not load (${l.shapeMismatch} shape mismatch, ${l.unresolved} unresolved):`
    )
    const picked = interleaveByStatus(l.failures).slice(0, maxRows)
    out += fitTable(
      picked.map((f) => [
        clean(f.module),
        f.status === 'shape-mismatch' ? 'shape mismatch' : f.status,
        cut(f.detail)
      ]),
      { indent: '    ', width, fit: ['shorten', 'fixed', 'wrap'] }
    )
    const more = l.failuresTotal - picked.length
    if (more > 0) out += k.dim(line(`... ${more} more; ${where(a.document)}`, '    ', '      '))
  }
  const c = a.checkpoint
  if (c) {
    if (c.shapes.mismatched > 0) {
      out += line(`${plural(c.shapes.mismatched, 'common tensor')} with other shapes (artifact vs baseline):`)
      const examples = c.shapes.examples.slice(0, maxRows)
      out += fitTable(
        examples.map((e) => [clean(e.key), formatShape(e.artifact), formatShape(e.baseline)]),
        { indent: '    ', width, fit: ['shorten', 'fixed', 'fixed'] }
      )
      const more = c.shapes.mismatched - examples.length
      if (more > 0) out += k.dim(line(`... ${more} more; ${where(a.document)}`, '    ', '      '))
    }
    const u = c.unmatched
    if (u.artifactTotal > 0 || u.baselineTotal > 0) {
      const sample = u.artifact.slice(0, 3).map(clean)
      out += line(
        `${plural(u.artifactTotal, 'key')} only in the artifact, ${u.baselineTotal} only in the baseline` +
          (sample.length > 0 ? ` (e.g. ${sample.join(', ')})` : '')
      )
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

function cut(text: string, max = MAX_LINE): string {
  return cutText(clean(text), max)
}

/**
 * Names and evidence come from hostile files: control characters (an ESC starting a terminal sequence, a CR
 * rewriting the line) are shown as `?`.
 */
const clean = printable
