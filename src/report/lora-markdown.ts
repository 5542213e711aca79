/** Markdown rendering of a LoRA report (for job summaries and PR comments). Pure: data in, string out. */
import { familyDisplayName, familyLabel } from '../lora/layers.js'
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import type { LoraAnalysis, LoraComparison, LoraResolution } from '../lora/types.js'
import {
  colors,
  cutList,
  formatBytes,
  formatCount,
  formatPercent,
  formatShape,
  MARKS,
  mdEscape,
  plural,
  printable
} from './format.js'
import {
  alphaLine,
  compressRanges,
  conventionLine,
  failingByCause,
  notCheckedWords,
  STATUS_LABELS
} from './lora-console.js'
import { alphaComparison, loraComparisonAnswer } from './lora-compare-console.js'
import { causeWords, moduleReason } from './lora-reasons.js'

export interface LoraMarkdownOptions {
  maxItems?: number
  /** Heading level of each section (2 = `##`). */
  level?: number
  title?: string
  /** Display names (`--names`) of the two files of a comparison. */
  names?: [string, string]
}

/** File text as inline code: control characters made visible, backticks replaced so the span cannot end early. */
function code(s: string): string {
  return `\`${printable(s).replace(/`/g, "'")}\``
}

/** File text in a table cell or sentence. */
function text(s: string): string {
  return mdEscape(printable(s))
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${text}\n\n`
}

export function loraAnalysisMarkdown(a: LoraAnalysis, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  const s = a.statistics
  let out = heading(level, `LoRA ${code(opts.title ?? a.path)}`)
  const rows: [string, string][] = [
    ['Conventions', mdEscape(conventionLine(a))],
    ['Targets', familyLabel(a.family, a.width)],
    ['Modules', `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`],
    ['Parameters', `${formatCount(s.params)} in ${s.tensors} tensors, ${formatBytes(s.bytes)}`],
    ['Rank', s.rank ? `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max}` : '-'],
    ['Alpha', mdEscape(alphaLine(a))]
  ]
  for (const [series, idx] of Object.entries(s.blocks))
    rows.push([
      series === 'blocks' ? 'Blocks' : `Blocks (${text(series)})`,
      `${compressRanges(idx)} (${idx.length})`
    ])
  const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1])
  if (kinds.length > 0) rows.push(['Layer kinds', kinds.map(([k, n]) => `${text(k)} ${n}`).join(', ')])
  out += '| | |\n|---|---|\n' + rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n\n'
  if (s.rankNotes.length > 0) out += s.rankNotes.map((n) => `- ${text(n)}`).join('\n') + '\n\n'
  const meta = Object.entries(a.metadata.summary)
  if (meta.length > 0)
    out += `Training metadata: ${meta.map(([k, v]) => `${text(k)} ${code(v)}`).join(', ')}\n\n`
  if (a.warnings.length > 0) out += a.warnings.map((w) => `> ⚠️ ${text(w)}`).join('\n') + '\n\n'
  return out
}

export function loraResolutionMarkdown(r: LoraResolution, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  const max = opts.maxItems ?? 20
  const icon = r.loadable === r.checked && r.checked > 0 ? '✅' : r.loadable === 0 ? '❌' : '⚠️'
  // The heading is the answer: how much of the LoRA loads on the base.
  const runtime = r.loader !== undefined && r.loader !== 'any' ? LOADER_LABELS[r.loader] : undefined
  let out = heading(
    level + 1,
    r.fileError !== undefined
      ? `❌ ${runtime ?? 'The runtime'} refuses the whole file on ${code(r.base)}`
      : `${icon} ${r.loadable} / ${plural(r.checked, 'module')} load (${formatPercent(r.loadablePercent)})${runtime ? ` in ${runtime}` : ''} on ${code(r.base)}`
  )
  if (r.fileError === undefined && r.counts['not-checked'] > 0) out += `${text(notCheckedWords(r))}.\n\n`
  if (r.fileError !== undefined) out += `${text(r.fileError)}\n\n`
  if (r.loaderNotes && r.loaderNotes.length > 0)
    out += `${runtime ?? 'The runtime'} does silently: ${r.loaderNotes.map((n) => text(n)).join('; ')}.\n\n`
  const failing = (['shape-mismatch', 'unresolved', 'unsupported'] as const).filter((k) => r.counts[k] > 0)
  if (failing.length > 0)
    out += `Not loading: ${failing.map((k) => `${STATUS_LABELS[k]} ${r.counts[k]}`).join(', ')}. `
  out += `Base: ${familyLabel(r.baseFamily, r.baseWidth, r.baseModel)}.\n\n`
  if (r.causes.length > 0) {
    out += '| Modules | Likely cause |\n|---:|---|\n'
    out += r.causes.map((x) => `| ${x.modules} | ${text(causeWords(x))} |`).join('\n') + '\n\n'
  }
  const failingModules = failingByCause(r)
  if (failingModules.length > 0) {
    const { shown, omitted } = cutList(failingModules, max)
    out += `<details><summary>${plural(failingModules.length, 'module')} that would not load</summary>\n\n`
    out += '| Module | Status | Base key | Why |\n|---|---|---|---|\n'
    for (const f of shown) {
      const key = f.target
        ? `${code(f.target.key)} ${formatShape(f.target.shape)}`
        : f.nearest?.[0]
          ? `closest: ${code(f.nearest[0].key)}`
          : ''
      const near = !f.target && f.nearest?.[0] ? `closest base key: ${f.nearest[0].why}` : undefined
      const why = [f.expected, moduleReason(f), near].filter(Boolean).join('; ')
      out += `| ${code(f.stem)} | ${STATUS_LABELS[f.status]} | ${key} | ${text(why)} |\n`
    }
    if (omitted > 0) out += `\n… ${omitted} more in the JSON report.\n`
    out += '\n</details>\n\n'
  }
  return out
}

export function loraComparisonMarkdown(x: LoraComparison, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  // The heading is the answer, worded as in the console (symbols become the Markdown's icons).
  const answer = loraComparisonAnswer(x, colors(false))
  const icon = answer.startsWith(MARKS.good) ? '✅' : answer.startsWith(MARKS.bad) ? '❌' : '⚠️'
  let out = heading(level, `${icon} ${text(answer.slice(2))}`)
  out += `A: ${code(opts.names?.[0] ?? x.a)}${opts.names ? ` (${code(x.a)})` : ''}, `
  out += `B: ${code(opts.names?.[1] ?? x.b)}${opts.names ? ` (${code(x.b)})` : ''}\n\n`
  const rank = (r: LoraComparison['rank']['a']) => (r ? `${r.min}..${r.max}` : '-')
  const family = (f: string | null) => (f === null ? '?' : familyDisplayName(f))
  const sameWidth = x.width.a !== null && x.width.b !== null ? x.width.a === x.width.b : null
  const mark = (same: boolean | null) => (same === null ? '?' : same ? '🟢 same' : '🔴 differ')
  out += '| | A | B | |\n|---|---|---|---|\n'
  out += `| Family | ${family(x.family.a)} | ${family(x.family.b)} | ${mark(x.family.a === null || x.family.b === null ? null : x.family.same)} |\n`
  out += `| Width | ${x.width.a ?? '?'} | ${x.width.b ?? '?'} | ${mark(sameWidth)} |\n`
  out += `| Conventions | ${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')} | ${mark(x.conventions.same)} |\n`
  out += `| Rank | ${rank(x.rank.a)} | ${rank(x.rank.b)} | ${x.rank.differingCount > 0 ? `${plural(x.rank.differingCount, 'common module')} differ` : ''} |\n`
  out += `| Targets only here | ${x.targets.onlyACount} | ${x.targets.onlyBCount} | ${x.targets.common} in both |\n`
  for (const [k, [a, b]] of Object.entries(x.layerKinds.counts)) out += `| ${text(k)} | ${a} | ${b} | |\n`
  out += `\nAlpha: ${text(alphaComparison(x))}.\n`
  return out + '\n'
}
