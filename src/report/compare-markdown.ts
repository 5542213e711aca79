/**
 * Markdown rendering of a model comparison, for summaries and PR comments, in the console's order: the heading is
 * the answer (tier and figure), then the evidence (flags, overlap figures, keys whose shapes differ), then the
 * details in collapsed sections (mapping patterns, unmatched keys), then the next steps. Empty sections are left
 * out. Pure: data in, string out.
 */
import type { Comparison } from '../compare/types.js'
import { comparisonFamilies, groupKeys, groupMappings } from '../compare/patterns.js'
import { cutList, formatShape, formatShare, groupThousands, mdEscape, plural } from './format.js'
import { flagBecause } from '../compare/flag-evidence.js'
import { basisLabel, mappingCountText, noteKey, quantizationLines, withIndices } from './compare-console.js'
import { compareSteps, stepsMarkdown } from './next-steps.js'

export interface CompareMarkdownOptions {
  /** Rows per table before cutting (default 30). */
  maxRows?: number
  /** Heading level of the title (default 3). */
  headingLevel?: number
}

const DEFAULT_ROWS = 30
const ICON = { compatible: '✅', partial: '⚠️', incompatible: '❌' } as const

function code(s: string): string {
  return `\`${mdEscape(s).replace(/`/g, "'")}\``
}

export function renderComparisonMarkdown(c: Comparison, opts: CompareMarkdownOptions = {}): string {
  const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS)
  const h = '#'.repeat(Math.min(6, Math.max(1, opts.headingLevel ?? 3)))
  const v = c.verdict
  const tier = v.tier.charAt(0).toUpperCase() + v.tier.slice(1)
  const lines: string[] = []
  lines.push(`${h} ${ICON[v.tier]} ${tier}: ${formatShare(v.overlap)} ${basisLabel(v.basis)}`)
  lines.push('')
  lines.push(`${code(c.models.a.name)} (A) vs ${code(c.models.b.name)} (B). ${mdEscape(v.summary)}`)
  if (c.flags.length > 0) {
    lines.push('')
    const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1))
    for (const f of sorted) {
      lines.push(`- ${f.kind === 'red' ? '🔴' : '🟢'} **${mdEscape(f.code)}**: ${mdEscape(f.message)}`)
      for (const l of flagBecause(f)) lines.push(`  - ${mdEscape(l)}`)
    }
  }
  const n = c.keys.totalA
  const of = (x: number) => `${groupThousands(Math.round(x * n))} of ${groupThousands(n)}`
  const o = c.overlap
  lines.push('')
  lines.push(`| Figure | Share of A's tensors | Tensors |`)
  lines.push('|---|---:|---:|')
  lines.push(`| Exact keys | ${formatShare(o.exact)} | ${of(o.exact)} |`)
  lines.push(
    `| Exact keys, compatible shape | ${formatShare(o.exactCompatible)} | ${of(o.exactCompatible)} |`
  )
  lines.push(`| After stripping prefixes | ${formatShare(o.normalized)} | ${of(o.normalized)} |`)
  lines.push(
    `| After stripping prefixes, compatible shape | ${formatShare(o.normalizedCompatible)} | ${of(o.normalizedCompatible)} |`
  )
  lines.push(`| Mapped with high confidence | ${formatShare(o.mapped)} | ${of(o.mapped)} |`)
  lines.push('')
  const s = c.keys
  lines.push(
    `Keys: A ${s.totalA}, B ${s.totalB}; in both ${s.common}, only in A ${s.onlyA}, only in B ${s.onlyB}.`
  )
  for (const line of quantizationLines(c)) lines.push('', `${line}.`)

  if (c.shapes.differing.length > 0) {
    const cut = cutList(c.shapes.differing, max)
    lines.push(
      '',
      `<details><summary>Different shapes: ${plural(c.shapes.differing.length, 'key')} in both models</summary>`,
      ''
    )
    lines.push('| Key | A | B |', '|---|---|---|')
    for (const d of cut.shown)
      lines.push(`| ${code(d.key)} | ${formatShape(d.shapeA)} | ${formatShape(d.shapeB)} |`)
    if (cut.omitted > 0) lines.push('', `… ${cut.omitted} more in the mapping file.`)
    lines.push('', '</details>')
  }

  const groups = groupMappings(c.mappings, comparisonFamilies(c))
  if (groups.length > 0) {
    lines.push('')
    lines.push(
      `<details><summary>Mappings: ${mappingCountText(c)} (one per conversion: rename, split, fuse, reshape, reorder, transpose, broadcast or collapse; keys equal in both are not listed)</summary>`
    )
    lines.push('')
    lines.push('| Confidence | Kind | A | B | Reason |')
    lines.push('|---|---|---|---|---|')
    const notes = new Map<string, string>()
    const cut = cutList(groups, max)
    for (const g of cut.shown) {
      let reason = g.reason
      if (g.ambiguity) {
        const key = noteKey(g.ambiguity)
        if (!notes.has(key)) notes.set(key, g.ambiguity)
        reason += ` (assumption ${[...notes.keys()].indexOf(key) + 1})`
      }
      const side = (keys: string[]) => keys.map((k) => code(withIndices(k, g.indices))).join(' + ')
      lines.push(
        `| ${g.confidence} | ${g.kind} | ${side(g.source)} | ${side(g.target)} | ${mdEscape(reason)} |`
      )
    }
    if (cut.omitted > 0) lines.push('', `… ${cut.omitted} more mapping patterns in the mapping file.`)
    if (notes.size > 0) {
      lines.push('', 'Assumptions the headers cannot verify:', '')
      ;[...notes.values()].forEach((text, i) => lines.push(`${i + 1}. ${mdEscape(text)}`))
    }
    lines.push('', '</details>')
  }
  for (const side of ['a', 'b'] as const) {
    const keys = c.unmatched[side]
    if (keys.length === 0) continue
    const cut = cutList(groupKeys(keys, comparisonFamilies(c)), max)
    lines.push('')
    lines.push(
      `<details><summary>Unmatched in ${side.toUpperCase()}: ${plural(keys.length, 'key')} with no counterpart</summary>`
    )
    lines.push('')
    for (const g of cut.shown) lines.push(`- ${code(withIndices(g.pattern, g.indices))}`)
    if (cut.omitted > 0) lines.push(`- … ${cut.omitted} more patterns`)
    lines.push('', '</details>')
  }
  const steps = compareSteps({
    tier: v.tier,
    basis: v.basis,
    a: c.models.a.path,
    b: c.models.b.path,
    unmatched: c.unmatched.a.length + c.unmatched.b.length
  })
  if (steps.length > 0) lines.push('', '**Next steps**', '', stepsMarkdown(steps))
  return lines.join('\n') + '\n'
}
