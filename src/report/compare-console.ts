/**
 * Console rendering of a model comparison. The first line is the answer (the tier and the figure it was taken
 * from); then the evidence by importance (the models, the red and green flags, the overlap figures, keys whose
 * shapes differ); then the details (the mapping patterns, per-block repetition collapsed into index ranges, and the
 * unmatched keys); last, the next steps as commands. Sections with nothing to say are left out. Long lists are cut
 * with a count of what was left out; everything is in the JSON and the mapping file. Fitted to `width`. Pure.
 */
import type { Comparison, Flag } from '../compare/types.js'
import { comparisonFamilies, groupKeys, groupMappings } from '../compare/patterns.js'
import { flagBecause } from '../compare/flag-evidence.js'
import {
  colors,
  cutList,
  formatShape,
  formatShare,
  groupThousands,
  mark,
  plural,
  printable,
  type Colors
} from './format.js'
import { fitTable, paragraph } from './layout.js'
import { compareSteps, renderSteps } from './next-steps.js'
import { formatIndexRanges } from './analysis-text.js'

export interface CompareConsoleOptions {
  /** ANSI colour; the CLI decides (TTY and NO_COLOR). */
  color: boolean
  /** Rows shown per list before cutting (default 20). */
  maxRows?: number
  /** Columns to fit the output to (default: unlimited). */
  width?: number
  /** Leave out the next steps (a caller that prints its own). */
  steps?: boolean
}

const DEFAULT_ROWS = 20

/** The tier's words and mark: the same in the console and the Markdown. */
export const TIER_MARK = { compatible: 'good', partial: 'warn', incompatible: 'bad' } as const

/** `✓ COMPATIBLE: 100.0% mapped overlap`: the answer line (without its newline). */
export function verdictHead(c: Comparison, k: Colors): string {
  const v = c.verdict
  const paint = v.tier === 'compatible' ? k.green : v.tier === 'partial' ? k.yellow : k.red
  return `${mark(TIER_MARK[v.tier], k)} ${paint(k.bold(v.tier.toUpperCase()))}: ${formatShare(v.overlap)} ${basisLabel(v.basis)}`
}

/**
 * The verdict's figure named as the overlap table names it: the exact and normalized bases count only keys whose
 * shapes are compatible, and "0.1% exact overlap" next to an "exact keys 100.0%" row would read as a contradiction.
 */
export function basisLabel(basis: Comparison['verdict']['basis']): string {
  if (basis === 'exact') return 'exact overlap with compatible shapes'
  if (basis === 'normalized') return 'overlap after stripping prefixes, with compatible shapes'
  return 'mapped overlap'
}

function flagRow(f: Flag, k: Colors): string[] {
  const good = f.kind === 'green'
  return [mark(good ? 'good' : 'bad', k), good ? k.green(f.code) : k.red(f.code), printable(f.message)]
}

function omitted(n: number, what: string, k: Colors): string {
  return n > 0 ? k.dim(`  ... ${n} more ${what} (all are in --json and the mapping file)\n`) : ''
}

/** `blocks.{i}.attn.q` with the indices it stands for: `blocks.{0-3, 8}.attn.q`. */
export function withIndices(pattern: string, indices: readonly number[]): string {
  return indices.length > 0 ? pattern.split('{i}').join(`{${formatIndexRanges(indices, 4)}}`) : pattern
}

/**
 * Ambiguity notes, one per assumption: the same assumption can be worded with its parts in another order
 * (`k, v` and `v, k`), which is one note, not two.
 */
function ambiguityNotes(c: Comparison): Map<string, { n: number; text: string; mappings: number }> {
  const notes = new Map<string, { n: number; text: string; mappings: number }>()
  for (const m of c.mappings) {
    if (!m.ambiguity) continue
    const key = noteKey(m.ambiguity)
    const note = notes.get(key) ?? { n: notes.size + 1, text: m.ambiguity, mappings: 0 }
    note.mappings++
    notes.set(key, note)
  }
  return notes
}

export function noteKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[\s,;:()]+/)
    .filter((w) => w !== '')
    .sort()
    .join(' ')
}

/** `48 entries: 34 high, 10 medium, 4 low confidence` / `229 entries, all high confidence`. */
export function mappingCountText(c: Comparison): string {
  const counts = c.mappingCounts
  const levels = (['high', 'medium', 'low'] as const).filter((l) => counts[l] > 0)
  const total = c.mappings.length
  if (levels.length === 1) return `${plural(total, 'entry', 'entries')}, all ${levels[0]} confidence`
  return `${plural(total, 'entry', 'entries')}: ${levels.map((l) => `${counts[l]} ${l}`).join(', ')} confidence`
}

export function renderComparisonConsole(c: Comparison, opts: CompareConsoleOptions): string {
  const k = colors(opts.color)
  const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS)
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const out: string[] = []
  out.push(paragraph(verdictHead(c, k), width, '', '  '))
  out.push(paragraph(printable(c.verdict.summary), width, '  '))
  out.push(
    fitTable(
      (['a', 'b'] as const).map((side) => {
        const m = c.models[side]
        const where = m.path === m.name ? '' : m.path
        return [side.toUpperCase(), printable(m.name), printable(`${where}${where ? ' ' : ''}(${m.format})`)]
      }),
      { width, fit: ['fixed', 'shorten', 'shorten'] }
    )
  )

  if (c.flags.length > 0) {
    out.push(`\n${k.bold('Flags')}\n`)
    const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1))
    out.push(
      fitTable(
        sorted.flatMap((f) => [
          flagRow(f, k),
          ...flagBecause(f).map((l) => ['', '', k.dim(`· ${printable(l)}`)])
        ]),
        { width, fit: ['fixed', 'fixed', 'wrap'] }
      )
    )
  }

  const n = c.keys.totalA
  const of = (x: number): string => `${groupThousands(Math.round(x * n))} / ${groupThousands(n)}`
  out.push(`\n${k.bold('Overlap')} (share of A's ${plural(n, 'tensor')})\n`)
  const o = c.overlap
  const rows = [
    ['figure', 'share', 'tensors'],
    ['exact keys', formatShare(o.exact), of(o.exact)],
    ['exact keys, compatible shape', formatShare(o.exactCompatible), of(o.exactCompatible)],
    ['after stripping prefixes', formatShare(o.normalized), of(o.normalized)],
    ['  ... compatible shape', formatShare(o.normalizedCompatible), of(o.normalizedCompatible)],
    ['mapped (high confidence)', formatShare(o.mapped), of(o.mapped)]
  ]
  out.push(fitTable(rows, { header: true, width }))
  const s = c.keys
  out.push(
    paragraph(
      `keys: A ${s.totalA}, B ${s.totalB}; in both ${s.common}, only in A ${s.onlyA}, only in B ${s.onlyB}`,
      width,
      '  '
    )
  )
  for (const line of quantizationLines(c)) out.push(paragraph(line, width, '  '))

  if (c.shapes.differing.length > 0) {
    const cut = cutList(c.shapes.differing, max)
    out.push(`\n${k.bold('Different shapes')} (${plural(c.shapes.differing.length, 'key')} in both models)\n`)
    out.push(
      fitTable(
        [
          ['key', 'A', 'B'],
          ...cut.shown.map((d) => [printable(d.key), formatShape(d.shapeA), formatShape(d.shapeB)])
        ],
        { header: true, width, fit: ['shorten', 'fixed', 'fixed'] }
      )
    )
    out.push(omitted(cut.omitted, 'keys', k))
  }

  out.push(renderMappings(c, k, max, width))
  out.push(renderUnmatched(c, k, max, width))
  if (opts.steps !== false) {
    const steps = compareSteps({
      tier: c.verdict.tier,
      basis: c.verdict.basis,
      a: c.models.a.path,
      b: c.models.b.path,
      unmatched: c.unmatched.a.length + c.unmatched.b.length
    })
    out.push('\n' + renderSteps(steps, width))
  }
  return out.join('')
}

function renderMappings(c: Comparison, k: Colors, max: number, width: number): string {
  if (c.mappings.length === 0) return ''
  let out =
    '\n' +
    paragraph(
      `${k.bold('Mappings')}: ${mappingCountText(c)} (one per conversion: rename, split, fuse, reshape, reorder, transpose, broadcast or collapse; keys equal in both are not listed)`,
      width,
      '',
      '  '
    )
  const groups = groupMappings(c.mappings, comparisonFamilies(c))
  // Ordering assumptions are long sentences shared by many rows: numbered in the table and spelled out once
  // below it, so the table stays as wide as a terminal.
  const notes = ambiguityNotes(c)
  const cut = cutList(groups, max)
  const paint = (conf: string): string =>
    conf === 'high' ? k.green(conf) : conf === 'medium' ? k.yellow(conf) : k.red(conf)
  out += fitTable(
    [
      ['confidence', 'kind', 'A', 'B', 'reason'],
      ...cut.shown.map((g) => [
        paint(g.confidence),
        g.kind,
        printable(g.source.map((p) => withIndices(p, g.indices)).join(' + ')),
        printable(g.target.map((p) => withIndices(p, g.indices)).join(' + ')),
        printable(
          g.ambiguity ? `${g.reason} [assumption ${notes.get(noteKey(g.ambiguity))?.n ?? '?'}]` : g.reason
        )
      ])
    ],
    { header: true, width, fit: ['fixed', 'fixed', 'shorten', 'shorten', 'wrap'] }
  )
  out += omitted(cut.omitted, 'mapping patterns', k)
  if (notes.size > 0) {
    const total = [...notes.values()].reduce((sum, x) => sum + x.mappings, 0)
    out += k.yellow(
      paragraph(`${plural(total, 'mapping')} rest on an assumption the headers cannot verify:`, width, '  ')
    )
    for (const x of notes.values())
      out += paragraph(
        `${printable(x.text)} (${plural(x.mappings, 'mapping')})`,
        width,
        `  [assumption ${x.n}] `,
        '    '
      )
  }
  return out
}

function renderUnmatched(c: Comparison, k: Colors, max: number, width: number): string {
  let out = ''
  for (const side of ['a', 'b'] as const) {
    const keys = c.unmatched[side]
    if (keys.length === 0) continue
    out += `\n${k.bold(`Unmatched in ${side.toUpperCase()}`)}: ${plural(keys.length, 'key')} with no counterpart\n`
    const cut = cutList(groupKeys(keys, comparisonFamilies(c)), max)
    out += fitTable(
      cut.shown.map((g) => [printable(withIndices(g.pattern, g.indices))]),
      { width, fit: ['shorten'] }
    )
    out += omitted(cut.omitted, 'key patterns', k)
  }
  return out
}

/**
 * A line per side whose quantized weights' scales were set aside (compare.ts): `A: 300 weights stored as ComfyUI
 * scaled FP8 with a per-tensor scale_weight; their 301 scale tensors are set aside, not counted as keys`.
 */
export function quantizationLines(c: Comparison): string[] {
  const out: string[] = []
  for (const side of ['a', 'b'] as const) {
    const q = c.quantization?.[side]
    if (!q) continue
    const how = q.scheme ?? `quantized with ${q.leaves.join(', ')}`
    out.push(
      `${side.toUpperCase()}: ${plural(q.weights, 'weight')} stored as ${how}; their ${plural(q.tensors, 'scale tensor')} are set aside, not counted as keys`
    )
  }
  return out
}
