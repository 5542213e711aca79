/**
 * Markdown rendering of a model comparison, for the gate summary and PR comments: verdict, figures, flags, and
 * the mapping patterns in a collapsed section. Pure: data in, string out.
 */
import type { Comparison } from '../compare/types.js'
import { comparisonFamilies, groupKeys, groupMappings } from '../compare/patterns.js'
import { cutList, mdEscape } from './format.js'
import { basisLabel } from './compare-console.js'

export interface CompareMarkdownOptions {
  /** Rows per table before cutting (default 30). */
  maxRows?: number
  /** Heading level of the title (default 3). */
  headingLevel?: number
}

const DEFAULT_ROWS = 30
const ICON = { compatible: '✅', partial: '⚠️', incompatible: '❌' } as const

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

function code(s: string): string {
  return `\`${mdEscape(s).replace(/`/g, "'")}\``
}

export function renderComparisonMarkdown(c: Comparison, opts: CompareMarkdownOptions = {}): string {
  const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS)
  const h = '#'.repeat(Math.min(6, Math.max(1, opts.headingLevel ?? 3)))
  const v = c.verdict
  const lines: string[] = []
  lines.push(`${h} ${ICON[v.tier]} ${mdEscape(c.models.a.name)} vs ${mdEscape(c.models.b.name)}: ${v.tier}`)
  lines.push('')
  lines.push(`**Verdict: ${v.tier}** (${pct(v.overlap)} ${basisLabel(v.basis)}). ${mdEscape(v.summary)}`)
  lines.push('')
  lines.push('| Figure (share of A) | Value |')
  lines.push('|---|---:|')
  lines.push(`| Exact keys (${c.keys.common} of ${c.keys.totalA}) | ${pct(c.overlap.exact)} |`)
  lines.push(`| Exact keys, compatible shape | ${pct(c.overlap.exactCompatible)} |`)
  lines.push(`| After stripping prefixes | ${pct(c.overlap.normalized)} |`)
  lines.push(`| After stripping prefixes, compatible shape | ${pct(c.overlap.normalizedCompatible)} |`)
  lines.push(`| Mapped with high confidence | ${pct(c.overlap.mapped)} |`)
  lines.push('')
  lines.push(
    `Keys: A ${c.keys.totalA}, B ${c.keys.totalB}; only in A ${c.keys.onlyA}, only in B ${c.keys.onlyB}. ` +
      `Shapes on common keys: ${c.shapes.matching} matching, ${c.shapes.differing.length} differing.`
  )
  if (c.flags.length > 0) {
    lines.push('')
    const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1))
    for (const f of sorted)
      lines.push(`- ${f.kind === 'red' ? '🔴' : '🟢'} **${mdEscape(f.code)}**: ${mdEscape(f.message)}`)
  }

  const groups = groupMappings(c.mappings, comparisonFamilies(c))
  if (groups.length > 0) {
    const counts = c.mappingCounts
    lines.push('')
    lines.push(
      `<details><summary>Mappings: ${c.mappings.length} (high ${counts.high}, medium ${counts.medium}, low ${counts.low})</summary>`
    )
    lines.push('')
    lines.push('| Confidence | Kind | A | B | Count | Reason |')
    lines.push('|---|---|---|---|---:|---|')
    const cut = cutList(groups, max)
    for (const g of cut.shown) {
      const reason = g.ambiguity ? `${g.reason}; ambiguous: ${g.ambiguity}` : g.reason
      lines.push(
        `| ${g.confidence} | ${g.kind} | ${g.source.map(code).join(' + ')} | ${g.target.map(code).join(' + ')} | ${g.count} | ${mdEscape(reason)} |`
      )
    }
    if (cut.omitted > 0) lines.push('', `… ${cut.omitted} more mapping patterns in the mapping file.`)
    lines.push('', '</details>')
  }
  for (const side of ['a', 'b'] as const) {
    const keys = c.unmatched[side]
    if (keys.length === 0) continue
    const cut = cutList(groupKeys(keys, comparisonFamilies(c)), max)
    lines.push('')
    lines.push(`<details><summary>Unmatched in ${side.toUpperCase()}: ${keys.length}</summary>`)
    lines.push('')
    for (const g of cut.shown) lines.push(`- ${code(g.pattern)} ×${g.count}`)
    if (cut.omitted > 0) lines.push(`- … ${cut.omitted} more patterns`)
    lines.push('', '</details>')
  }
  return lines.join('\n') + '\n'
}
