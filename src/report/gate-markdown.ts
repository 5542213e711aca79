/**
 * The gate's Markdown: the job summary, the PR comment and the CLI's `--summary`. The heading is the answer (passed
 * or failed, how many artifacts fail, any dangerous pickle global); then a compact table per artifact kind with
 * the columns that apply to it (LoRAs: loadable share and modules; checkpoints: the overlap figures and shapes),
 * failures first; then each artifact's reasons and flags, failures first; a block x layer-kind picture per LoRA;
 * then collapsible details. The report folder is linked (the uploaded artifact) where one was uploaded.
 *
 * GitHub drops a job summary over 1 MiB entirely and rejects a comment over 65,536 characters, so the document is
 * assembled section by section under a budget: what does not fit is left out with a note pointing to the full
 * JSON report, never cut mid-table.
 */
import { flagText } from '../gate/evaluate.js'
import { formatPercent, formatShape, formatThreshold } from '../gate/format.js'
import type { ArtifactReport, GateFlag, GateReport } from '../gate/types.js'
import { runtimeColumns } from './loader-text.js'
import { commonFolder, plural } from './format.js'
import { code, escapeHtml, escapeText, inlineCode } from './markdown-text.js'
import { failuresFirst } from './gate-console.js'

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
  /**
   * The uploaded report folder (the action's artifact): its name and download URL
   * (`${server}/${repo}/actions/runs/${run_id}/artifacts/${id}`). Linked at the top and from every cut list,
   * instead of a command a PR reader cannot run.
   */
  reportLink?: { name: string; url: string }
  /** Details rows per table before a "N more" line. */
  maxDetailRows?: number
}

const DEFAULT_DETAIL_ROWS = 50

export function renderGateMarkdown(report: GateReport, options: GateMarkdownOptions): string {
  const measure =
    options.unit === 'bytes' ? (s: string) => Buffer.byteLength(s, 'utf8') : (s: string) => s.length
  const rows = options.maxDetailRows ?? DEFAULT_DETAIL_ROWS
  const where = fullListHint(options)
  const note = (omitted: number) =>
    `\n> [!NOTE]\n> ${plural(omitted, 'section')} ${omitted === 1 ? 'was' : 'were'} left out to fit GitHub's size limit. ` +
    `${where('gate-report.json', 'report')}\n`
  const reserve = measure(note(99999))

  // Failures first everywhere: in the tables, in the sections, in the details.
  const artifacts = failuresFirst(report.artifacts)
  const folder = commonFolder(artifacts.map((a) => a.path))
  const head = headerSection(report, folder, options)
  const table = tableSections(artifacts, folder)
  const optional = [
    ...artifacts.map(flagSection),
    ...artifacts.map(coverageSection),
    ...artifacts.map((a) => detailsSection(a, rows, where))
  ].filter((s) => s !== '')

  let out = head
  let used = measure(out)
  let omitted = 0
  // The tables are essential, but thousands of artifacts could still overflow them: cut rows, never mid-row.
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

/** `2 of 4 artifacts do not pass; 1 imports dangerous pickle globals`, or `all 4 artifacts pass`. */
function outcome(r: GateReport): string {
  const total = r.artifacts.length
  const bad = r.artifacts.filter((a) => a.status !== 'pass').length
  const danger = r.artifacts.filter((a) => a.flags.some((f) => f.id === 'dangerous-globals')).length
  const what = r.passed
    ? total === 1
      ? 'the artifact passes'
      : `all ${plural(total, 'artifact')} pass`
    : `${bad} of ${plural(total, 'artifact')} ${bad === 1 ? 'does' : 'do'} not pass`
  return danger > 0
    ? `${what}; ${danger} ${danger === 1 ? 'imports' : 'import'} dangerous pickle globals`
    : what
}

function headerSection(r: GateReport, folder: string, options: GateMarkdownOptions): string {
  const icon = r.passed ? '✅' : '❌'
  const lines = [`## ${icon} Compatibility gate ${r.passed ? 'passed' : 'failed'}: ${outcome(r)}`, '']
  const figure = r.overlap === null ? 'n/a' : formatPercent(r.overlap)
  lines.push(
    `**Verdict: ${r.verdict}** · lowest gated figure **${figure}** · threshold ${formatThreshold(r.policy.threshold)} ` +
      `on \`${r.policy.metric}\` · fail-on: ${r.policy.failOn.length > 0 ? r.policy.failOn.map((f) => `\`${f}\``).join(', ') : 'none'}`
  )
  lines.push('')
  lines.push(
    `Baseline ${inlineCode(r.baseline.path)} (${r.baseline.format}, ${plural(r.baseline.tensors, 'tensor')}` +
      `${r.baseline.fromCache ? ', analysis from cache' : ''}) · ` +
      `${folder ? `artifacts in ${inlineCode(folder)} · ` : ''}${r.tool.name} ${escapeText(r.tool.version)}`
  )
  if (options.reportLink) {
    lines.push(
      '',
      `📦 ${link(options.reportLink)}: \`gate-report.json\` and a mapping or resolution document per artifact.`
    )
  }
  return lines.join('\n') + '\n\n'
}

/** `[model-compat-report](url)`, the name escaped for link text. */
function link(l: { name: string; url: string }): string {
  return `[${escapeText(l.name)}](${encodeURI(l.url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`
}

const ICON = { pass: '✅', fail: '❌', error: '⚠️' } as const

/** The artifact's path as shown in the tables: below the folder every artifact shares (named in the header). */
function shortPath(path: string, folder: string): string {
  return folder && path.startsWith(folder) ? path.slice(folder.length) : path
}

/**
 * A compact table per artifact kind, with the columns that apply to it: LoRAs (loadable share, modules that load),
 * checkpoints (the three overlap figures, the gated one in bold, shapes), and the artifacts that could not be read.
 */
function tableSections(artifacts: readonly ArtifactReport[], folder: string): string[] {
  const loras = artifacts.filter((a) => a.status !== 'error' && a.kind === 'lora')
  const checkpoints = artifacts.filter((a) => a.status !== 'error' && a.kind !== 'lora')
  const errors = artifacts.filter((a) => a.status === 'error')
  const tables: Array<{ members: ArtifactReport[]; rows: string[] }> = []
  if (errors.length > 0) {
    tables.push({
      members: errors,
      rows: [
        '**Could not be read**\n\n',
        '| | Artifact | Problem |\n|---|---|---|\n',
        ...errors.map(
          (a) => `| ${ICON.error} | ${code(shortPath(a.path, folder))} | ${escapeText(errorText(a))} |\n`
        )
      ]
    })
  }
  if (loras.length > 0) {
    const runtime = runtimeColumns(loras, ICON)
    tables.push({
      members: loras,
      rows: [
        '**LoRAs**\n\n',
        `| | LoRA | Convention | Loadable | Modules that load |${runtime.head} Flags |\n|---|---|---|---:|---:|${runtime.rule}---|\n`,
        ...loras.map((a) => {
          const l = a.lora
          const checked = l ? l.modules - (l.notChecked ?? 0) : 0
          const loads = l
            ? `${checked - l.shapeMismatch - l.unresolved} of ${checked}${l.notChecked ? ` (${l.notChecked} not checked: see the flag)` : ''}`
            : '–'
          const figure = a.figure !== undefined ? formatPercent(a.figure) : '–'
          const gated = a.metric === 'loadable' ? `**${figure}**` : figure
          const cells = runtime.cells(a)
          return `| ${ICON[a.status]} | ${code(shortPath(a.path, folder))} | ${escapeText(l?.convention ?? '?')} | ${gated} | ${loads} |${cells} ${flagCells(a)} |\n`
        })
      ]
    })
  }
  if (checkpoints.length > 0) {
    tables.push({
      members: checkpoints,
      rows: [
        '**Checkpoints**\n\n',
        '| | Checkpoint | Format | Exact | Normalized | Mapped | Same shape | Flags |\n|---|---|---|---:|---:|---:|---:|---|\n',
        ...checkpoints.map((a) => {
          const cells = (['exact', 'normalized', 'mapped'] as const).map((m) => {
            const v = a.figures[m]
            if (v === undefined) return '–'
            return m === a.metric ? `**${formatPercent(v)}**` : formatPercent(v)
          })
          const s = a.checkpoint?.shapes
          // No common keys at all: "0 of 0" would read like a result; the overlap columns already say it.
          const shapes =
            s && s.matching + s.mismatched > 0 ? `${s.matching} of ${s.matching + s.mismatched}` : '–'
          return `| ${ICON[a.status]} | ${code(shortPath(a.path, folder))} | ${escapeText(a.format ?? '?')} | ${cells.join(' | ')} | ${shapes} | ${flagCells(a)} |\n`
        })
      ]
    })
  }
  // Failures first here too: the table holding the first artifact to read (the worst) comes first. A single
  // table needs no title.
  tables.sort((x, y) => artifacts.indexOf(x.members[0]) - artifacts.indexOf(y.members[0]))
  return tables.flatMap((t) => [...(tables.length > 1 ? t.rows : t.rows.slice(1)), '\n'])
}

/** `🔴 4 🟢 2`: flag counts by severity; `–` when there are none. */
function flagCells(a: ArtifactReport): string {
  const count = (sev: GateFlag['severity'], glyph: string) => {
    const n = a.flags.filter((f) => f.severity === sev).length
    return n > 0 ? `${glyph} ${n}` : ''
  }
  return [count('red', '🔴'), count('warning', '🟡'), count('green', '🟢')].filter((x) => x).join(' ') || '–'
}

/** `OutsideWorkspace: lora.safetensors: a symbolic link ...`: the error's code, then its message. */
function errorText(a: ArtifactReport): string {
  const message = a.error?.message ?? 'could not be read'
  const errorCode = a.error?.code
  return errorCode && !message.includes(errorCode) ? `${errorCode}: ${message}` : message
}

function flagSection(a: ArtifactReport): string {
  // An unreadable artifact is said in full in its table row: a section would repeat it.
  if (a.status === 'error') return ''
  if (a.flags.length === 0 && a.reasons.length === 0 && !a.metricNote) return ''
  const lines = [`#### ${ICON[a.status]} ${inlineCode(a.path)}`, '']
  if (a.status === 'fail' && a.reasons.length > 0) {
    lines.push('Why it failed:', '', ...a.reasons.map((r, i) => `${i + 1}. ${escapeText(r)}`), '')
  }
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
  const green = sorted.filter((f) => f.severity === 'green')
  for (const f of sorted.filter((x) => x.severity !== 'green')) {
    const glyph = f.severity === 'red' ? '🔴' : '🟡'
    const fails = f.failsGate ? ' (fails the gate)' : ''
    lines.push(
      `- ${glyph} **${escapeText(f.title)}**${fails}${f.evidence ? `: ${escapeText(f.evidence)}` : ''}`
    )
  }
  // Green flags are the good news: one line, their titles only.
  if (green.length > 0) {
    if (lines.at(-1)?.startsWith('- ')) lines.push('')
    lines.push(`🟢 ${green.map((f) => escapeText(f.title)).join(' · ')}`)
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
type FullListHint = (file: string | undefined, what: 'list' | 'report' | 'mapping') => string

function fullListHint(options: GateMarkdownOptions): FullListHint {
  return (file, what) => {
    if (options.reportLink) {
      const name = file ? `${inlineCode(file)} in ` : ''
      return `The full ${what} is in ${name}the ${link(options.reportLink)} artifact.`
    }
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
      ...rows.map(
        (f) =>
          `| ${code(f.module)} | ${f.status === 'shape-mismatch' ? 'shape mismatch' : f.status} | ${escapeText(f.detail)} |`
      )
    ]
    const more = a.lora.failuresTotal - rows.length
    if (more > 0) table.push('', moreLine(more, where(a.document, 'list')))
    parts.push(
      details(
        `${a.lora.failuresTotal} of ${plural(a.lora.modules - (a.lora.notChecked ?? 0), 'module')} of ${escapeHtml(a.path)} do not load`,
        table.join('\n')
      )
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
        details(
          `${plural(c.shapes.mismatched, 'tensor')} of ${escapeHtml(a.path)} with another shape than the baseline's`,
          table.join('\n')
        )
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
    // Only high-confidence mappings are findings; medium and low ones are guesses, kept in the mapping document.
    const sure = c.sampleMappings.filter((m) => m.confidence === 'high')
    if (sure.length > 0) {
      const table = [
        '| Artifact keys | Baseline keys | Kind |',
        '|---|---|---|',
        ...sure
          .slice(0, maxRows)
          .map(
            (m) =>
              `| ${m.source.map(code).join('<br>')} | ${m.target.map(code).join('<br>')} | ${escapeText(m.kind)} |`
          )
      ]
      const rest = where(a.document, 'mapping')
      if (rest) table.push('', `Medium- and low-confidence proposals are not shown. ${rest}`)
      parts.push(details(`High-confidence mappings for ${escapeHtml(a.path)}`, table.join('\n')))
    }
  }
  return parts.join('')
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`
}

function safeKind(kind: string): string {
  return kind.replace(/[^A-Za-z0-9_.-]/g, '?').slice(0, 24)
}
