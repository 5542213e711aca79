/** Console rendering of `model-compat lora A B --compare`: whether two LoRAs are for the same model, and how they differ. */
import type { LoraComparison } from '../lora/types.js'
import { familyDisplayName, familyLabel } from '../lora/layers.js'
import { colors, cutList, mark, plural, printable, type Colors } from './format.js'
import { paragraph } from './layout.js'
import { compressRanges, tableAt, type LoraRenderOptions } from './lora-console.js'

/** `My LoRA (path)` when a display name was given, else the path. */
export function sideName(path: string, name: string | undefined): string {
  return printable(name !== undefined && name !== path ? `${name} (${path})` : path)
}

function familyName(family: string | null): string {
  return family === null ? '?' : familyDisplayName(family)
}

/**
 * The alpha row of a comparison: differences only among modules whose alpha is known on both sides, and a note
 * per side whose alpha tensors were not read (unknown is not a difference).
 */
export function alphaComparison(x: LoraComparison): string {
  const parts: string[] = []
  if (x.alpha.compared > 0)
    parts.push(
      `${x.alpha.differingCount} of ${plural(x.alpha.compared, 'common module')} with known alpha differ`
    )
  const unread = (['a', 'b'] as const).filter((side) => x.alpha.unread[side] > 0)
  if (unread.length > 0)
    parts.push(
      `not read in ${unread.map((side) => `${side.toUpperCase()} (${plural(x.alpha.unread[side], 'module')})`).join(' and ')}; use --read-alpha`
    )
  return parts.join('; ') || 'not known on either side'
}

/**
 * Whether two LoRAs are for the same model: the answer of `lora A B --compare`. Different families or widths
 * (model sizes) mean a LoRA of one does not load on the other's base.
 */
export function loraComparisonAnswer(x: LoraComparison, c: Colors): string {
  const fa = x.family.a
  const fb = x.family.b
  const wa = x.width.a
  const wb = x.width.b
  const a = familyLabel(fa, wa)
  const b = familyLabel(fb, wb)
  const targets = `${x.targets.common} common target modules, ${x.targets.onlyACount} only in A, ${x.targets.onlyBCount} only in B`
  if (fa !== null && fb !== null && !x.family.same)
    return `${mark('bad', c)} ${c.red(c.bold('DIFFERENT MODELS'))}: A is for ${a}, B for ${b}`
  if (wa !== null && wb !== null && wa !== wb) {
    const widths = a.includes('width') ? '' : ` (width ${wa} vs ${wb})`
    return `${mark('bad', c)} ${c.red(c.bold('DIFFERENT MODEL SIZES'))}: A is for ${a}, B for ${b}${widths}`
  }
  if (fa === null || fb === null || wa === null || wb === null)
    return `${mark('warn', c)} ${c.yellow(c.bold('BASE NOT KNOWN'))}: A is for ${a}, B for ${b}; ${targets}`
  return `${mark('good', c)} ${c.green(c.bold('SAME MODEL'))}: both for ${a}; ${targets}`
}

export function renderLoraComparison(x: LoraComparison, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const table = tableAt(width)
  let out = paragraph(loraComparisonAnswer(x, c), width, '', '  ')
  out += table(
    [
      ['A', sideName(x.a, opts.names?.[0])],
      ['B', sideName(x.b, opts.names?.[1])]
    ],
    ['fixed', 'shorten']
  )
  const rank = (r: LoraComparison['rank']['a']) => (r ? `${r.min}..${r.max} (median ${r.median})` : '-')
  const same = (yes: boolean) => (yes ? `${mark('good', c)} same` : `${mark('bad', c)} differ`)
  const widthSame = x.width.a !== null && x.width.b !== null ? x.width.a === x.width.b : null
  const familySame =
    x.family.a === null || x.family.b === null
      ? `${mark('warn', c)} not known`
      : !x.family.same
        ? same(false)
        : widthSame === false
          ? `${mark('warn', c)} same family, another size`
          : same(true)
  out +=
    '\n' +
    table(
      [
        ['', 'A', 'B', ''],
        ['family', familyName(x.family.a), familyName(x.family.b), familySame],
        [
          'width',
          String(x.width.a ?? '?'),
          String(x.width.b ?? '?'),
          widthSame === null ? `${mark('warn', c)} not known` : same(widthSame)
        ],
        [
          'conventions',
          x.conventions.a.join(', ') || '-',
          x.conventions.b.join(', ') || '-',
          same(x.conventions.same)
        ],
        [
          'rank',
          rank(x.rank.a),
          rank(x.rank.b),
          x.rank.differingCount > 0 ? `${plural(x.rank.differingCount, 'common module')} differ` : ''
        ],
        [
          'targets',
          `${x.targets.onlyACount} only here`,
          `${x.targets.onlyBCount} only here`,
          `${x.targets.common} in both`
        ]
      ],
      ['fixed', 'shorten', 'shorten', 'wrap'],
      true
    )
  out += paragraph(`alpha: ${alphaComparison(x)}`, width, '  ', '    ')
  const kinds = Object.entries(x.layerKinds.counts).map(([k, [a, b]]) => [printable(k), String(a), String(b)])
  if (kinds.length > 0) out += `\n${c.bold('layer kinds')} (modules in A, B)\n${table(kinds)}`
  for (const [label, blocks] of [
    ['blocks only in A', x.blocks.onlyA],
    ['blocks only in B', x.blocks.onlyB]
  ] as const) {
    for (const [series, idx] of Object.entries(blocks))
      out += `  ${label}: ${printable(series)} ${compressRanges(idx)}\n`
  }
  for (const [label, list, total] of [
    ['only in A', x.targets.onlyA, x.targets.onlyACount],
    ['only in B', x.targets.onlyB, x.targets.onlyBCount]
  ] as const) {
    if (list.length === 0) continue
    const { shown } = cutList(list, max)
    out += `\n${c.bold(`targets ${label}`)}\n${table(
      shown.map((p) => [printable(p)]),
      ['shorten']
    )}`
    if (total > shown.length) out += c.dim(`  ... ${total - shown.length} more\n`)
  }
  return out
}
