/** Console rendering of a `StructureAnalysis` (the structure part of `analyze`). Pure: data in, string out. */
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
import { colors, cutList, formatCount, formatShape, plural, type Colors, printableDeep } from './format.js'
import { fitTable } from './layout.js'

export interface AnalysisRenderOptions {
  color: boolean
  /** How many items of a long list to show before cutting (everything is in --json). Default 20. */
  maxItems?: number
  /** Show the per-block key template of each top-level family (default true). */
  templates?: boolean
  /** Columns to fit the output to (default: unlimited). */
  width?: number
}

export function renderStructureConsole(analysis: StructureAnalysis, opts: AnalysisRenderOptions): string {
  // Tensor names come from the file: control characters in them must not reach the terminal.
  const a = printableDeep(analysis)
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const table = (rows: string[][], o: Omit<Parameters<typeof fitTable>[1], 'width'> = {}) =>
    fitTable(rows, { ...o, width })
  const d = a.dimensions
  let out = `${c.bold('structure')}\n`
  const summary: string[][] = [['family', familyText(a)]]
  if (a.family) {
    // Mismatches with the reference sizes matter most: they come first.
    const mismatch = (e: string) => e.includes('the reference model has')
    const evidence = [...a.family.evidence.filter(mismatch), ...a.family.evidence.filter((e) => !mismatch(e))]
    const { shown, omitted } = cutList(evidence, 8)
    for (const e of shown) summary.push(['', c.dim(e)])
    if (omitted > 0) summary.push(['', c.dim(`... ${omitted} more (see --json)`)])
  }
  summary.push(['hidden dim', dimText(d.hiddenDim)])
  summary.push([
    'ffn',
    d.ffnDim.value !== null && d.ffnKind !== 'unknown'
      ? `${d.ffnDim.value} (${d.ffnKind})`
      : dimText(d.ffnDim)
  ])
  summary.push(['heads', modelHeadsText(d) ?? `unknown: ${d.headDim.evidence}`])
  summary.push([
    'layers',
    d.layers.value !== null ? `${d.layers.value} (${d.layers.evidence})` : 'no repeated blocks'
  ])
  summary.push(['channels', channelsText(a)])
  if (d.contextDim.value !== null) summary.push(['context dim', String(d.contextDim.value)])
  summary.push(['naming', namingText(a)])
  // The parameter total is in the file summary printed above this section; only a rounded one is worth a line.
  if (!a.paramCountExact) summary.push(['parameters', `${formatCount(a.paramCount)} (rounded: passes 2^53)`])
  out += table(summary, { fit: ['fixed', 'wrap'] })

  // Categories with no key say nothing: only the others are listed.
  const types = Object.entries(a.parameterTypes).filter(([, v]) => v.keys > 0)
  if (types.length > 0) {
    out += `\n${c.bold('parameter types')}\n`
    out += table(types.map(([k, v]) => [k, plural(v.keys, 'key'), `${formatCount(v.params)} params`]))
  }
  const roles = Object.entries(a.roles).filter(([, v]) => v.keys > 0)
  if (roles.length > 0) {
    out += `\n${c.bold('naming patterns')}\n`
    out += table(
      roles.map(([k, v]) => [
        k,
        plural(v.keys, 'key'),
        v.blocks > 0 ? `in ${plural(v.blocks, 'block')}` : 'outside blocks'
      ])
    )
  }

  out += renderFamilies(a, c, max, opts.templates ?? true, table)
  out += renderModules(a, c, max, table)

  if (a.notes.length > 0) {
    out += `\n${c.yellow('notes')}\n`
    for (const n of cutList(a.notes, max).shown) out += table([['-', n]], { fit: ['fixed', 'wrap'] })
  }
  return out
}

type Table = (rows: string[][], o?: Omit<Parameters<typeof fitTable>[1], 'width'>) => string

function renderFamilies(
  a: StructureAnalysis,
  c: Colors,
  max: number,
  templates: boolean,
  table: Table
): string {
  if (a.blockFamilies.length === 0) return `\n${c.bold('block families')}: none (no repeated blocks)\n`
  let out = `\n${c.bold('block families')} (${a.topLevelKeys} keys outside blocks)\n`
  const rows = [['pattern', 'blocks', 'keys/block', 'uniform', 'indices']]
  const { shown, omitted } = cutList(a.blockFamilies, max)
  for (const f of shown) {
    rows.push([
      f.parent ? `  ${f.pattern}` : f.pattern,
      String(f.count),
      String(f.keysPerBlock),
      f.uniform ? 'yes' : f.uniformKeys ? 'keys only' : c.yellow(`no (${f.variants.length} variants)`),
      formatIndexRanges(f.indices) +
        (f.contiguous ? '' : c.yellow(` (missing ${cutList(f.missing, 8).shown.join(', ')})`))
    ])
  }
  out += table(rows, { header: true, fit: ['shorten', 'fixed', 'fixed', 'fixed', 'wrap'] })
  if (omitted > 0) out += c.dim(`  ... ${omitted} more families (see --json)\n`)
  for (const f of shown) {
    for (const v of cutList(f.variants, 3).shown) out += variantLine(f, v, c)
  }
  if (templates) {
    for (const f of shown.filter((x) => x.parent === null)) out += templateBlock(f, c, max, table)
  }
  return out
}

function variantLine(f: BlockFamily, v: BlockFamily['variants'][number], c: Colors): string {
  const parts: string[] = []
  if (v.missing.length)
    parts.push(`lacks ${v.missing.slice(0, 3).join(', ')}${v.missing.length > 3 ? ', ...' : ''}`)
  if (v.extra.length) parts.push(`adds ${v.extra.slice(0, 3).join(', ')}${v.extra.length > 3 ? ', ...' : ''}`)
  if (v.shapeDifferences.length) {
    const s = v.shapeDifferences[0]
    parts.push(
      `${s.key} ${formatShape(s.shape)} vs ${formatShape(s.templateShape)}${v.shapeDifferences.length > 1 ? ', ...' : ''}`
    )
  }
  const blocks = cutList(v.blocks, 6)
  const which = blocks.shown.join(', ') + (blocks.omitted ? `, +${blocks.omitted}` : '')
  return c.dim(`  ${f.pattern} [${which}]: ${parts.join('; ')}\n`)
}

function templateBlock(f: BlockFamily, c: Colors, max: number, table: Table): string {
  const { shown, omitted } = cutList(f.template, max)
  let out = `\n${c.bold(`${f.pattern}.N`)} template (${plural(f.keysPerBlock, 'key')})\n`
  out += table(
    shown.map((e) => [e.key, formatShape(e.shape), e.dtype]),
    { fit: ['shorten', 'fixed', 'fixed'] }
  )
  if (omitted > 0) out += c.dim(`  ... ${omitted} more keys (see --json)\n`)
  return out
}

function renderModules(a: StructureAnalysis, c: Colors, max: number, table: Table): string {
  let out = ''
  if (a.attention.length > 0) {
    out += `\n${c.bold('attention')}\n`
    const rows = [['module', 'blocks', 'layout', 'kind', 'hidden', 'context', 'q/k norm', 'heads']]
    const { shown, omitted } = cutList(a.attention, max)
    for (const m of shown) {
      rows.push([
        modulePath(m),
        String(m.blocks),
        layoutText(m),
        m.kind,
        m.hiddenDim === null ? '?' : String(m.hiddenDim),
        m.contextDim === null ? '-' : String(m.contextDim),
        qkNormText(m),
        moduleHeads(m, a.dimensions)
      ])
    }
    out += table(rows, {
      header: true,
      fit: ['shorten', 'fixed', 'wrap', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed']
    })
    if (omitted > 0) out += c.dim(`  ... ${omitted} more attention modules (see --json)\n`)
  } else out += `\n${c.bold('attention')}: none found\n`
  if (a.ffn.length > 0) {
    out += `\n${c.bold('feed-forward')}\n`
    const { shown, omitted } = cutList(a.ffn, max)
    out += table(
      shown.map((f) => [modulePath(f), String(f.blocks), ffnText(f)]),
      { fit: ['shorten', 'fixed', 'wrap'] }
    )
    if (omitted > 0) out += c.dim(`  ... ${omitted} more feed-forward modules (see --json)\n`)
  }
  return out
}
