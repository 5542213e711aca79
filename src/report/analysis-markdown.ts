/** Markdown rendering of a `StructureAnalysis` (job summaries, PR comments, `analyze --markdown`). Pure. */
import type { BlockFamily, StructureAnalysis } from '../analysis/types.js'
import {
  channelsText,
  dimText,
  familyText,
  ffnText,
  formatIndexRanges,
  modelHeadsText,
  moduleHeads,
  layoutText,
  modulePath,
  namingText,
  qkNormText
} from './analysis-text.js'
import { cutList, formatCount, formatShape, mdEscape, plural, printableDeep } from './format.js'

export interface AnalysisMarkdownOptions {
  /** How many rows of a long list to show before cutting. Default 30. */
  maxItems?: number
  /** Heading level of the section title (default 3). */
  headingLevel?: number
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``

function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => mdEscape(c)).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n'
}

export function renderStructureMarkdown(
  analysis: StructureAnalysis,
  opts: AnalysisMarkdownOptions = {}
): string {
  // Tensor names come from the file: control characters in them must not reach the terminal.
  const a = printableDeep(analysis)
  const max = opts.maxItems ?? 30
  const h = '#'.repeat(Math.min(6, Math.max(1, opts.headingLevel ?? 3)))
  const d = a.dimensions
  let out = `${h} Structure\n\n`
  const rows: string[][] = [
    ['Family', familyText(a)],
    ['Hidden dim', dimText(d.hiddenDim)],
    [
      'FFN',
      d.ffnDim.value !== null && d.ffnKind !== 'unknown'
        ? `${d.ffnDim.value} (${d.ffnKind})`
        : dimText(d.ffnDim)
    ],
    ['Heads', modelHeadsText(d) ?? 'unknown'],
    ['Layers', d.layers.value !== null ? d.layers.evidence : 'no repeated blocks'],
    ['Channels', channelsText(a)],
    ['Context dim', dimText(d.contextDim)],
    ['Naming', namingText(a)],
    ['Parameters', `${formatCount(a.paramCount)} in ${a.tensorCount} tensors`]
  ]
  out += mdTable(['', ''], rows)
  if (a.family && a.family.evidence.length) {
    out += `\nEvidence: ${a.family.evidence.map((e) => code(e)).join(', ')}\n`
  }

  out += `\n**Parameter types**\n\n`
  out += mdTable(
    ['Type', 'Keys', 'Parameters'],
    Object.entries(a.parameterTypes).map(([k, v]) => [k, String(v.keys), formatCount(v.params)])
  )
  out += `\n**Naming patterns**\n\n`
  out += mdTable(
    ['Role', 'Keys', 'Blocks'],
    Object.entries(a.roles).map(([k, v]) => [k, String(v.keys), String(v.blocks)])
  )

  if (a.blockFamilies.length) {
    out += `\n**Block families**\n\n`
    const { shown, omitted } = cutList(a.blockFamilies, max)
    out += mdTable(
      ['Pattern', 'Blocks', 'Keys/block', 'Uniform', 'Indices'],
      shown.map((f) => [
        code(f.pattern),
        String(f.count),
        String(f.keysPerBlock),
        f.uniform ? 'yes' : f.uniformKeys ? 'keys only' : `no (${f.variants.length} variants)`,
        formatIndexRanges(f.indices) +
          (f.contiguous ? '' : ` (missing ${cutList(f.missing, 8).shown.join(', ')})`)
      ])
    )
    if (omitted > 0) out += `\n_${omitted} more families in the JSON output._\n`
    for (const f of shown.filter((x) => x.parent === null)) out += templateDetails(f, max)
  } else out += `\n_No repeated blocks._\n`

  if (a.attention.length) {
    out += `\n**Attention**\n\n`
    const { shown, omitted } = cutList(a.attention, max)
    out += mdTable(
      ['Module', 'Blocks', 'Layout', 'Kind', 'Hidden', 'Context', 'Q/K norm', 'Heads'],
      shown.map((m) => [
        code(modulePath(m)),
        String(m.blocks),
        layoutText(m),
        m.kind,
        m.hiddenDim === null ? '?' : String(m.hiddenDim),
        m.contextDim === null ? '-' : String(m.contextDim),
        qkNormText(m),
        moduleHeads(m, a.dimensions)
      ])
    )
    if (omitted > 0) out += `\n_${omitted} more attention modules in the JSON output._\n`
  }
  if (a.ffn.length) {
    out += `\n**Feed-forward**\n\n`
    const { shown } = cutList(a.ffn, max)
    out += mdTable(
      ['Module', 'Blocks', 'Kind'],
      shown.map((f) => [code(modulePath(f)), String(f.blocks), ffnText(f)])
    )
  }
  if (a.notes.length) {
    out += `\n**Notes**\n\n`
    for (const n of cutList(a.notes, max).shown) out += `- ${mdEscape(n)}\n`
  }
  return out
}

function templateDetails(f: BlockFamily, max: number): string {
  const { shown, omitted } = cutList(f.template, max)
  let out = `\n<details><summary>${mdEscape(f.pattern)}.N template (${plural(f.keysPerBlock, 'key')})</summary>\n\n`
  out += mdTable(
    ['Key', 'Shape', 'Dtype'],
    shown.map((e) => [code(e.key), formatShape(e.shape), e.dtype])
  )
  if (omitted > 0) out += `\n_${omitted} more keys in the JSON output._\n`
  return `${out}\n</details>\n`
}
