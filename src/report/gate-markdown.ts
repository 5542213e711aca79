/**
 * The gate's Markdown: the job summary, the PR comment and the CLI's `--summary`. Verdict first, one table row per
 * artifact, the flags with their evidence, a block x layer-kind picture per LoRA, then collapsible details.
 *
 * GitHub drops a job summary over 1 MiB entirely and rejects a comment over 65,536 characters, so the document is
 * assembled section by section under a budget: what does not fit is left out with a note pointing to the full
 * JSON report, never cut mid-table.
 */
import { flagText } from '../gate/evaluate.js'
import { formatPercent, formatShape, formatThreshold } from '../gate/format.js'
import type { ArtifactReport, GateFlag, GateMetric, GateReport } from '../gate/types.js'
import { inertReferences, printable } from './format.js'

/** The runner refuses summaries over 1 MiB (1,048,576 bytes); keep a margin for other steps' summaries. */
export const SUMMARY_LIMIT_BYTES = 1_000_000
/** Comment bodies over 65,536 characters are rejected (422); keep room for the hidden marker. */
export const COMMENT_LIMIT_CHARS = 65_000

export interface GateMarkdownOptions {
  /** Size budget; `bytes` counts UTF-8 bytes (summary), `chars` counts UTF-16 units (comment, conservative). */
  limit: number
  unit: 'bytes' | 'chars'
  /**
   * Where the report folder (gate-report.json and one mapping or resolution document per artifact) was written,
   * as a place starting with "in": "in the artifact 'model-compat-report' of this run", "in the folder out".
   * Notes on cut lists and left-out sections point there. Absent when no folder was written.
   */
  fullReportHint?: string
  /**
   * When no report folder was written: how to get the full lists, e.g. "run with --mapping-dir DIR or --json".
   * Without either hint the notes only say that the list was cut.
   */
  noReportHint?: string
  /** Details rows per table before a "N more" line. */
  maxDetailRows?: number
}

const METRICS: GateMetric[] = ['exact', 'normalized', 'mapped', 'loadable']
const DEFAULT_DETAIL_ROWS = 50

export function renderGateMarkdown(report: GateReport, options: GateMarkdownOptions): string {
  const measure =
    options.unit === 'bytes' ? (s: string) => Buffer.byteLength(s, 'utf8') : (s: string) => s.length
  const rows = options.maxDetailRows ?? DEFAULT_DETAIL_ROWS
  const where = fullListHint(options)
  const note = (omitted: number) =>
    `\n> [!NOTE]\n> ${omitted} section(s) were left out to fit GitHub's size limit. ` +
    `${where('gate-report.json', 'report')}\n`
  const reserve = measure(note(99999))

  const head = headerSection(report)
  const table = tableSections(report)
  const optional = [
    ...report.artifacts.map(flagSection),
    ...report.artifacts.map(coverageSection),
    ...report.artifacts.map((a) => detailsSection(a, rows, where))
  ].filter((s) => s !== '')

  let out = head
  let used = measure(out)
  let omitted = 0
  // The table is essential, but thousands of artifacts could still overflow it: cut rows, never mid-row.
  for (const row of table) {
    if (used + measure(row) + reserve > options.limit) {
      omitted++
      continue
    }
    out += row
    used += measure(row)
  }
  for (const section of optional) {
    if (used + measure(section) + reserve > options.limit) {
      omitted++
      continue
    }
    out += section
    used += measure(section)
  }
  if (omitted > 0) out += note(omitted)
  return out
}

function headerSection(r: GateReport): string {
  const icon = r.passed ? '✅' : '❌'
  const lines = [`## ${icon} Compatibility gate ${r.passed ? 'passed' : 'failed'}`, '']
  const figure = r.overlap === null ? 'n/a' : formatPercent(r.overlap)
  lines.push(
    `**Verdict: ${r.verdict}** · lowest gated figure **${figure}** · threshold ${formatThreshold(r.policy.threshold)} ` +
      `on \`${r.policy.metric}\` · fail-on: ${r.policy.failOn.length > 0 ? r.policy.failOn.map((f) => `\`${f}\``).join(', ') : 'none'}`
  )
  lines.push('')
  lines.push(
    `Baseline ${inlineCode(r.baseline.path)} (${r.baseline.format}, ${r.baseline.tensors} tensors` +
      `${r.baseline.fromCache ? ', analysis from cache' : ''}) · ${r.artifacts.length} artifact(s) · ` +
      `${r.tool.name} ${escapeText(r.tool.version)}`
  )
  if (!r.passed && r.message) {
    // The message is a head line and one line per failing artifact: a list keeps them apart when rendered.
    const [first, ...rest] = r.message.split('\n')
    lines.push('', `> ${escapeText(first)}`)
    if (rest.length > 0) lines.push('>', ...rest.map((l) => `> - ${messageLine(l.trim(), r)}`))
  }
  return lines.join('\n') + '\n\n'
}

/** A line of the failure message, its artifact's path (when it starts with one) as code like everywhere else. */
function messageLine(line: string, r: GateReport): string {
  const a = r.artifacts.find((x) => line.startsWith(`${x.path}: `))
  return a ? `${inlineCode(a.path)}: ${escapeText(line.slice(a.path.length + 2))}` : escapeText(line)
}

function tableSections(r: GateReport): string[] {
  const header =
    '| | Artifact | Kind | Gated | Exact | Normalized | Mapped | Loadable | Shapes | Flags |\n' +
    '|---|---|---|---|---|---|---|---|---|---|\n'
  return [header, ...r.artifacts.map(tableRow), '\n']
}

function tableRow(a: ArtifactReport): string {
  const icon = a.status === 'pass' ? '✅' : a.status === 'fail' ? '❌' : '⚠️'
  if (a.status === 'error') {
    return `| ${icon} | ${code(a.path)} | error | ${escapeText(a.error?.code ?? 'error')} | | | | | | ${escapeText(a.error?.message ?? '')} |\n`
  }
  const kind =
    a.kind === 'lora'
      ? `LoRA (${escapeText(a.lora?.convention ?? '?')})`
      : `checkpoint (${escapeText(a.format ?? '?')})`
  const gated = a.metric && a.figure !== undefined ? `**${a.metric} ${formatPercent(a.figure)}**` : 'n/a'
  const cells = METRICS.map((m) => (a.figures[m] !== undefined ? formatPercent(a.figures[m] as number) : '–'))
  let shapes = '–'
  if (a.lora)
    shapes = `${a.lora.modules - a.lora.shapeMismatch - a.lora.unresolved}/${a.lora.modules} modules`
  else if (a.checkpoint) {
    const s = a.checkpoint.shapes
    // No common keys at all: "0/0 match" would read like a result; the overlap columns already say it.
    if (s.matching + s.mismatched > 0) shapes = `${s.matching}/${s.matching + s.mismatched} match`
  }
  const count = (sev: GateFlag['severity'], glyph: string) => {
    const n = a.flags.filter((f) => f.severity === sev).length
    return n > 0 ? `${glyph} ${n}` : ''
  }
  const flags =
    [count('red', '🔴'), count('warning', '🟡'), count('green', '🟢')].filter((x) => x).join(' ') || '–'
  return `| ${icon} | ${code(a.path)} | ${kind} | ${gated} | ${cells.join(' | ')} | ${shapes} | ${flags} |\n`
}

function flagSection(a: ArtifactReport): string {
  if (a.flags.length === 0 && a.reasons.length === 0 && !a.metricNote) return ''
  const lines = [
    `#### ${a.status === 'pass' ? '✅' : a.status === 'fail' ? '❌' : '⚠️'} ${inlineCode(a.path)}`,
    ''
  ]
  if (a.status === 'fail' && a.reasons.length > 0) {
    lines.push('Why it failed:', ...a.reasons.map((r) => `1. ${escapeText(r)}`), '')
  }
  if (a.status === 'error' && a.error) lines.push(`Could not be read: ${escapeText(a.error.message)}`, '')
  if (a.metricNote) lines.push(`_${escapeText(a.metricNote)}_`, '')
  if (a.status === 'pass' && a.flags.every((f) => f.severity === 'green')) {
    // A passing artifact with only green flags gets one line: twenty clean LoRAs should not bury the one that failed.
    if (a.flags.length > 0) lines.push(`🟢 ${a.flags.map((f) => escapeText(f.title)).join(' · ')}`)
    return lines.join('\n') + '\n\n'
  }
  const order = { red: 0, warning: 1, green: 2 }
  // Flags already given as reasons are not repeated.
  const stated = new Set(a.status === 'fail' ? a.reasons : [])
  const sorted = [...a.flags]
    .filter((f) => !stated.has(flagText(f)))
    .sort((x, y) => order[x.severity] - order[y.severity])
  for (const f of sorted) {
    const glyph = f.severity === 'red' ? '🔴' : f.severity === 'warning' ? '🟡' : '🟢'
    const fails = f.failsGate ? ' (fails the gate)' : ''
    lines.push(
      `- ${glyph} **${escapeText(f.title)}**${fails}${f.evidence ? `: ${escapeText(f.evidence)}` : ''}`
    )
  }
  return lines.join('\n') + '\n\n'
}

function coverageSection(a: ArtifactReport): string {
  const cov = a.lora?.coverage
  if (!cov || cov.rows.length === 0) return ''
  const width = Math.max(...cov.rows.map((r) => safeKind(r.layerKind).length), 5)
  const tens = Array.from({ length: cov.blocks }, (_, b) =>
    b % 10 === 0 ? String(Math.floor(b / 10) % 10) : ' '
  )
  const ones = Array.from({ length: cov.blocks }, (_, b) => String(b % 10))
  const lines = [
    `${'block'.padEnd(width)}  ${tens.join('')}`,
    `${''.padEnd(width)}  ${ones.join('')}`,
    ...cov.rows.map(
      (r) => `${safeKind(r.layerKind).padEnd(width)}  ${r.cells}  ${r.modules - r.failing}/${r.modules}`
    )
  ]
  const extra =
    cov.outsideBlocks > 0
      ? ` ${cov.outsideBlocks} module(s) in blocks past ${cov.blocks - 1} are not drawn.`
      : ''
  return (
    `<details${a.status === 'pass' ? '' : ' open'}><summary>Block coverage of <code>${escapeHtml(a.path)}</code> ` +
    `(${a.lora?.modules ?? 0} modules)</summary>\n\n` +
    '```text\n' +
    lines.join('\n') +
    '\n```\n\n' +
    `\`#\` every module loads, \`x\` some do not, \`.\` not touched.${extra}\n\n</details>\n\n`
  )
}

/**
 * "Where is the full list (or report)?" as a whole sentence: the named file of the report folder when one was
 * written, otherwise how to get one; empty when the caller gave neither hint.
 */
type FullListHint = (file: string | undefined, what: 'list' | 'report') => string

function fullListHint(options: GateMarkdownOptions): FullListHint {
  return (file, what) => {
    if (options.fullReportHint) {
      const name = file ? inlineCode(file) : 'the report folder'
      return `The full ${what} is in ${name}, ${escapeText(options.fullReportHint)}.`
    }
    if (options.noReportHint) return `For the full ${what}, ${escapeText(options.noReportHint)}.`
    return ''
  }
}

function moreLine(more: number, hint: string): string {
  return `…and ${more} more.${hint ? ` ${hint}` : ''}`
}

function detailsSection(a: ArtifactReport, maxRows: number, where: FullListHint): string {
  const parts: string[] = []
  if (a.lora && a.lora.failures.length > 0) {
    const rows = a.lora.failures.slice(0, maxRows)
    const table = [
      '| Module | Problem | Detail |',
      '|---|---|---|',
      ...rows.map((f) => `| ${code(f.module)} | ${f.status} | ${escapeText(f.detail)} |`)
    ]
    const more = a.lora.failuresTotal - rows.length
    if (more > 0) table.push('', moreLine(more, where(a.document, 'list')))
    parts.push(
      details(`${a.lora.failuresTotal} module(s) of ${escapeHtml(a.path)} do not load`, table.join('\n'))
    )
  }
  const c = a.checkpoint
  if (c) {
    if (c.shapes.examples.length > 0) {
      const table = [
        '| Tensor | Artifact | Baseline |',
        '|---|---|---|',
        ...c.shapes.examples
          .slice(0, maxRows)
          .map((e) => `| ${code(e.key)} | ${formatShape(e.artifact)} | ${formatShape(e.baseline)} |`)
      ]
      parts.push(
        details(`${c.shapes.mismatched} shape mismatch(es) in ${escapeHtml(a.path)}`, table.join('\n'))
      )
    }
    const u = c.unmatched
    if (u.artifactTotal > 0 || u.baselineTotal > 0) {
      const list = (keys: string[], total: number) =>
        keys
          .slice(0, maxRows)
          .map((k) => `- ${inlineCode(k)}`)
          .concat(
            total > Math.min(keys.length, maxRows)
              ? [`- ${moreLine(total - Math.min(keys.length, maxRows), where(a.document, 'list'))}`]
              : []
          )
          .join('\n')
      const body =
        `Only in the artifact (${u.artifactTotal}):\n\n${list(u.artifact, u.artifactTotal) || '- none'}\n\n` +
        `Only in the baseline (${u.baselineTotal}):\n\n${list(u.baseline, u.baselineTotal) || '- none'}`
      parts.push(details(`Unmatched keys of ${escapeHtml(a.path)}`, body))
    }
    if (c.sampleMappings.length > 0) {
      const table = [
        '| Artifact keys | Baseline keys | Kind | Confidence |',
        '|---|---|---|---|',
        ...c.sampleMappings
          .slice(0, maxRows)
          .map(
            (m) =>
              `| ${m.source.map(code).join('<br>')} | ${m.target.map(code).join('<br>')} | ${escapeText(m.kind)} | ${escapeText(m.confidence)} |`
          )
      ]
      parts.push(details(`Sample mappings for ${escapeHtml(a.path)}`, table.join('\n')))
    }
  }
  return parts.join('')
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`
}

/** Inline code safe inside a table cell: no backtick can close it, no pipe can split the cell. */
export function code(text: string): string {
  return inlineCode(text.replace(/\|/g, '\\|'))
}

/**
 * Inline code outside tables. No `\|` here: backslash escapes do not work in code spans, only GFM tables undo
 * that one, so elsewhere the backslash would show.
 */
export function inlineCode(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'")}\``
}

/**
 * Text from files (tensor names, evidence) is hostile: no HTML, no table breaks, no @mentions or #refs pinging
 * people from a PR comment.
 */
export function escapeText(text: string): string {
  return escapeHtml(oneLine(text))
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]])/g, '\\$1')
}

export function escapeHtml(text: string): string {
  return inertReferences(
    oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  )
}

/** One line, and no other control character either: `--markdown` prints this to a terminal too (an ESC there
 * could clear the screen or recolour the verdict). */
function oneLine(text: string): string {
  return printable(text.replace(/[\r\n\t]+/g, ' '))
}

function safeKind(kind: string): string {
  return kind.replace(/[^A-Za-z0-9_.-]/g, '?').slice(0, 24)
}
