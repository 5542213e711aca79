/**
 * Console rendering of a model comparison: the verdict first, then the overlap figures, flags, shape
 * differences, mappings (per-block repetition collapsed) and unmatched keys. Long lists are cut with a count of
 * what was left out; everything is in the JSON and the mapping file. Pure: data in, string out.
 */
import type { Comparison, Flag } from '../compare/types.js'
import { comparisonFamilies, groupKeys, groupMappings } from '../compare/patterns.js'
import { colors, cutList, formatShape, printable, table, type Colors } from './format.js'

export interface CompareConsoleOptions {
  /** ANSI colour; the CLI decides (TTY and NO_COLOR). */
  color: boolean
  /** Rows shown per list before cutting (default 20). */
  maxRows?: number
}

const DEFAULT_ROWS = 20

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

function verdictLine(c: Comparison, k: Colors): string {
  const v = c.verdict
  const paint = v.tier === 'compatible' ? k.green : v.tier === 'partial' ? k.yellow : k.red
  return `${k.bold('Verdict:')} ${paint(k.bold(v.tier.toUpperCase()))} (${pct(v.overlap)} ${basisLabel(v.basis)}). ${printable(v.summary)}\n`
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

function flagLine(f: Flag, k: Colors): string[] {
  return [
    f.kind === 'green' ? k.green('+') : k.red('-'),
    f.kind === 'green' ? k.green(f.code) : k.red(f.code),
    printable(f.message)
  ]
}

function omitted(n: number, what: string, k: Colors): string {
  return n > 0 ? k.dim(`  ... ${n} more ${what} (all are in --json and the mapping file)\n`) : ''
}

export function renderComparisonConsole(c: Comparison, opts: CompareConsoleOptions): string {
  const k = colors(opts.color)
  const max = Math.max(1, opts.maxRows ?? DEFAULT_ROWS)
  const out: string[] = []
  out.push(verdictLine(c, k))
  out.push(
    table([
      ['A', printable(c.models.a.name), printable(`${c.models.a.path} (${c.models.a.format})`)],
      ['B', printable(c.models.b.name), printable(`${c.models.b.path} (${c.models.b.format})`)]
    ])
  )

  const n = c.keys.totalA
  const of = (x: number): string => `${Math.round(x * n)} / ${n}`
  out.push(`\n${k.bold('Overlap')} (share of A's ${n} tensors)\n`)
  out.push(
    table(
      [
        ['figure', 'share', 'tensors'],
        ['exact keys', pct(c.overlap.exact), of(c.overlap.exact)],
        ['exact keys, compatible shape', pct(c.overlap.exactCompatible), of(c.overlap.exactCompatible)],
        ['after stripping prefixes', pct(c.overlap.normalized), of(c.overlap.normalized)],
        ['  ... compatible shape', pct(c.overlap.normalizedCompatible), of(c.overlap.normalizedCompatible)],
        ['mapped (high confidence)', pct(c.overlap.mapped), of(c.overlap.mapped)]
      ],
      { header: true }
    )
  )
  out.push(
    `  keys: A ${c.keys.totalA}, B ${c.keys.totalB}, common ${c.keys.common}, only in A ${c.keys.onlyA}, only in B ${c.keys.onlyB}\n`
  )

  if (c.flags.length > 0) {
    out.push(`\n${k.bold('Flags')}\n`)
    const sorted = [...c.flags].sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'red' ? -1 : 1))
    out.push(table(sorted.map((f) => flagLine(f, k))))
  }

  out.push(
    `\n${k.bold('Shapes')} on common keys: ${c.shapes.matching} matching, ${c.shapes.differing.length} differing\n`
  )
  if (c.shapes.differing.length > 0) {
    const cut = cutList(c.shapes.differing, max)
    out.push(
      table(
        [
          ['key', 'A', 'B'],
          ...cut.shown.map((d) => [printable(d.key), formatShape(d.shapeA), formatShape(d.shapeB)])
        ],
        {
          header: true
        }
      )
    )
    out.push(omitted(cut.omitted, 'differing keys', k))
  }

  const counts = c.mappingCounts
  out.push(
    `\n${k.bold('Mappings')}: ${c.mappings.length} (high ${counts.high}, medium ${counts.medium}, low ${counts.low})\n`
  )
  const groups = groupMappings(c.mappings, comparisonFamilies(c))
  // Ordering assumptions are long sentences shared by many rows: numbered in the table and spelled out once
  // below it, so the table stays as wide as a terminal.
  const notes = new Map<string, { n: number; mappings: number }>()
  for (const m of c.mappings) {
    if (!m.ambiguity) continue
    const note = notes.get(m.ambiguity) ?? { n: notes.size + 1, mappings: 0 }
    note.mappings++
    notes.set(m.ambiguity, note)
  }
  if (groups.length > 0) {
    const cut = cutList(groups, max)
    const paint = (conf: string): string =>
      conf === 'high' ? k.green(conf) : conf === 'medium' ? k.yellow(conf) : k.red(conf)
    out.push(
      table(
        [
          ['confidence', 'kind', 'A', 'B', 'count', 'reason'],
          ...cut.shown.map((g) => [
            paint(g.confidence),
            g.kind,
            printable(g.source.join(' + ')),
            printable(g.target.join(' + ')),
            `x${g.count}`,
            printable(g.ambiguity ? `${g.reason} [ambiguous ${notes.get(g.ambiguity)?.n ?? '?'}]` : g.reason)
          ])
        ],
        { header: true }
      )
    )
    out.push(omitted(cut.omitted, 'mapping patterns', k))
  }
  if (notes.size > 0) {
    const total = [...notes.values()].reduce((sum, x) => sum + x.mappings, 0)
    out.push(k.yellow(`  ${total} mappings carry an ordering assumption the headers cannot verify:\n`))
    for (const [text, x] of notes)
      out.push(`  [ambiguous ${x.n}] ${printable(text)} (${x.mappings} mappings)\n`)
  }

  for (const side of ['a', 'b'] as const) {
    const keys = c.unmatched[side]
    out.push(`\n${k.bold(`Unmatched in ${side.toUpperCase()}`)}: ${keys.length}\n`)
    if (keys.length === 0) continue
    const cut = cutList(groupKeys(keys, comparisonFamilies(c)), max)
    out.push(table(cut.shown.map((g) => [printable(g.pattern), `x${g.count}`])))
    out.push(omitted(cut.omitted, 'key patterns', k))
  }
  return out.join('')
}
