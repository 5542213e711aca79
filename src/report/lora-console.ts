/** Console rendering of `model-compat lora`: one LoRA's analysis, its resolution against a base, LoRA vs LoRA. */
import type { LoraAnalysis, LoraComparison, LoraResolution, ModuleResolution } from '../lora/types.js'
import { familyDisplayName, familyLabel } from '../lora/layers.js'
import { byCodeUnit } from '../lora/order.js'
import {
  colors,
  cutList,
  formatBytes,
  formatCount,
  formatShape,
  printable,
  table,
  type Colors
} from './format.js'

export interface LoraRenderOptions {
  color: boolean
  /** How many items of a long list to show (everything is in --json). */
  maxItems?: number
  /** A display name (`--names`) shown above the path. */
  title?: string
  /** Display names (`--names`) of the two files of a comparison, shown as A and B beside their paths. */
  names?: [string, string]
}

/** `[0,1,2,3,7,8]` -> `0-3, 7-8`. */
export function compressRanges(indices: readonly number[]): string {
  const parts: string[] = []
  let i = 0
  while (i < indices.length) {
    let j = i
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++
    parts.push(j === i ? String(indices[i]) : `${indices[i]}-${indices[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}

function countList(rec: Record<string, number>, sep = ', '): string {
  return Object.entries(rec)
    .sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))
    .map(([k, n]) => `${printable(k)} x${n}`)
    .join(sep)
}

export function alphaLine(a: LoraAnalysis): string {
  const s = a.statistics
  const parts: string[] = []
  if (Object.keys(s.alpha.values).length > 0) parts.push(`alpha ${countList(s.alpha.values)}`)
  if (s.alpha.unread > 0)
    parts.push(`${s.alpha.unread} alpha tensor(s) stored, values not read (use --read-alpha to read them)`)
  if (s.alpha.missing > 0) parts.push(`${s.alpha.missing} module(s) without alpha: ${s.alpha.defaultRule}`)
  if (s.scale) {
    const range = s.scale.min === s.scale.max ? `${s.scale.min}` : `${s.scale.min} .. ${s.scale.max}`
    parts.push(`effective scale (alpha/rank) ${range}`)
  }
  return parts.join('; ') || 'not applicable'
}

export function conventionLine(a: LoraAnalysis): string {
  const names = a.conventions.map((c) => `${c.convention} (${c.keyCount} keys)`).join(', ')
  return a.mixed ? `MIXED: ${names}` : names || 'none recognised'
}

export function renderLoraAnalysis(a: LoraAnalysis, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  const s = a.statistics
  let out = opts.title ? `${c.bold(`== ${printable(opts.title)} ==`)}\n` : ''
  out += `${c.bold(printable(a.path))}\n`
  const rows: string[][] = [
    ['conventions', a.mixed ? c.yellow(conventionLine(a)) : conventionLine(a)],
    ['targets', familyLabel(a.family, a.width)],
    ['modules', `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`],
    ['algorithms', countList(s.algorithms) || '-'],
    ['parameters', `${formatCount(s.params)} in ${s.tensors} tensors, ${formatBytes(s.bytes)}`],
    ['dtypes', countList(s.dtypes)],
    [
      'rank',
      s.rank
        ? `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max} (${s.rank.histogram.map((h) => `r${h.rank} x${h.modules}`).join(', ')})`
        : '-'
    ],
    ['alpha', alphaLine(a)]
  ]
  for (const [series, idx] of Object.entries(s.blocks))
    rows.push([`${series}`, `${compressRanges(idx)} (${idx.length} touched)`])
  out += table(rows)
  for (const e of a.conventions) {
    out += c.dim(
      `  ${e.convention}: ${printable(e.markers.join(', '))}; e.g. ${printable(e.examples[0] ?? '')}\n`
    )
  }
  const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1] || byCodeUnit(x[0], y[0]))
  if (kinds.length > 0)
    out += `\n${c.bold('layer kinds')}\n${table(kinds.map(([k, n]) => [printable(k), String(n)]))}`
  if (s.rankNotes.length > 0)
    out += `\n${c.bold('rank notes')}\n${s.rankNotes.map((n) => `  - ${printable(n)}\n`).join('')}`
  const meta = Object.entries(a.metadata.summary)
  if (meta.length > 0)
    out += `\n${c.bold('training metadata')}\n${table(meta.map(([k, v]) => [printable(k), printable(v)]))}`
  if (a.warnings.length > 0) {
    out += `\n${c.yellow('warnings')}\n`
    const { shown, omitted } = cutList(a.warnings, max)
    for (const w of shown) out += `  - ${printable(w)}\n`
    if (omitted > 0) out += c.dim(`  ... ${omitted} more\n`)
  }
  return out
}

/** One wording per status in every renderer: `unresolved` means no base key; `shape mismatch` a key that does not fit. */
export const STATUS_LABELS: Record<ModuleResolution['status'], string> = {
  ok: 'ok',
  'shape-mismatch': 'shape mismatch',
  unresolved: 'unresolved',
  unsupported: 'unsupported'
}

function statusText(status: ModuleResolution['status'], c: Colors): string {
  const label = STATUS_LABELS[status]
  if (status === 'ok') return c.green(label)
  return status === 'unsupported' ? c.yellow(label) : c.red(label)
}

/** The reason an alias resolution is shown: the table label, read from the LoRA's naming to the base's. */
function aliasNote(via: string): string {
  return `resolved through ${printable(via)} (LoRA names -> base names)`
}

/** One failing module as text (file names made printable). */
export function moduleLine(r: ModuleResolution): string {
  if (r.status === 'shape-mismatch' && r.target) {
    const slice = r.target.slice ? ` rows ${r.target.slice.offset}+${r.target.slice.size}` : ''
    return printable(
      `${r.stem} -> ${r.target.key} ${formatShape(r.target.shape)}${slice}: ${r.expected ?? ''}`
    )
  }
  let line = `${r.stem}: ${r.reason ?? STATUS_LABELS[r.status]}`
  const near = r.nearest?.[0]
  if (near) line += `; closest base key ${near.key} ${formatShape(near.shape)}: ${near.why}`
  return printable(line)
}

/** Failing modules, interleaved across causes so a short list shows an example of every cause first. */
export function failingByCause(r: LoraResolution): ModuleResolution[] {
  const groups = new Map<string, ModuleResolution[]>()
  for (const x of r.results) {
    if (x.status === 'ok') continue
    const key = x.cause ?? x.status
    const g = groups.get(key)
    if (g) g.push(x)
    else groups.set(key, [x])
  }
  const ordered = [...groups.values()]
  const out: ModuleResolution[] = []
  for (let i = 0; out.length < r.results.length; i++) {
    let added = false
    for (const g of ordered) {
      if (i < g.length) {
        out.push(g[i]!)
        added = true
      }
    }
    if (!added) break
  }
  return out
}

export function renderLoraResolution(r: LoraResolution, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  let out = `${c.bold('resolution against')} ${printable(r.base)} (${familyLabel(r.baseFamily, r.baseWidth)})\n`
  const pct = `${r.loadablePercent.toFixed(1)}%`
  const paint = r.loadable === r.modules ? c.green : r.loadable === 0 ? c.red : c.yellow
  out += table([
    ['loadable', paint(`${r.loadable} / ${r.modules} modules (${pct})`)],
    [
      'by status',
      (['ok', 'shape-mismatch', 'unresolved', 'unsupported'] as const)
        .map((k) => `${STATUS_LABELS[k]} ${r.counts[k]}`)
        .join(', ')
    ]
  ])
  if (r.causes.length > 0) {
    out += `\n${c.bold('likely causes')}\n${table(r.causes.map((x) => [String(x.modules), printable(x.cause)]))}`
  }
  const failing = failingByCause(r)
  if (failing.length > 0) {
    const { shown, omitted } = cutList(failing, max)
    out += `\n${c.bold('modules that would not load')}\n`
    out += table(shown.map((f) => [statusText(f.status, c), moduleLine(f)]))
    if (omitted > 0) out += c.dim(`  ... ${omitted} more (see --json)\n`)
  }
  const sliced = r.results.filter((x) => x.status === 'ok' && x.target?.slice).length
  const aliased = r.results.filter(
    (x) => x.status === 'ok' && x.target && !['exact', 'underscore', 'underscore form'].includes(x.target.via)
  )
  if (sliced > 0) out += c.dim(`  ${sliced} module(s) patch row slices of fused weights\n`)
  if (aliased.length > 0)
    out += c.dim(`  ${aliased.length} module(s) ${aliasNote(aliased[0]!.target!.via)}\n`)
  return out
}

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
    parts.push(`${x.alpha.differingCount} of ${x.alpha.compared} common module(s) with known alpha differ`)
  for (const side of ['a', 'b'] as const) {
    const n = x.alpha.unread[side]
    if (n > 0) parts.push(`alpha not read in ${side.toUpperCase()} (${n} module(s); use --read-alpha)`)
  }
  return parts.join('; ') || 'not known on either side'
}

export function renderLoraComparison(x: LoraComparison, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  let out = `${c.bold('LoRA vs LoRA')}\n  A: ${sideName(x.a, opts.names?.[0])}\n  B: ${sideName(x.b, opts.names?.[1])}\n`
  const rank = (r: LoraComparison['rank']['a']) => (r ? `${r.min}..${r.max} (median ${r.median})` : '-')
  out += table([
    [
      'conventions',
      `${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')}${x.conventions.same ? '' : c.yellow(' (differ)')}`
    ],
    [
      'family',
      `${familyName(x.family.a)} | ${familyName(x.family.b)}${x.family.same ? c.green(' (same)') : c.red(' (differ)')}`
    ],
    ['width', `${x.width.a ?? '?'} | ${x.width.b ?? '?'}`],
    [
      'targets',
      `${x.targets.common} common, ${x.targets.onlyACount} only in A, ${x.targets.onlyBCount} only in B`
    ],
    ['rank', `${rank(x.rank.a)} | ${rank(x.rank.b)}; ${x.rank.differingCount} common module(s) differ`],
    ['alpha', alphaComparison(x)]
  ])
  const kinds = Object.entries(x.layerKinds.counts).map(([k, [a, b]]) => [k, String(a), String(b)])
  if (kinds.length > 0) out += `\n${c.bold('layer kinds')} (A, B)\n${table(kinds)}`
  for (const [label, blocks] of [
    ['blocks only in A', x.blocks.onlyA],
    ['blocks only in B', x.blocks.onlyB]
  ] as const) {
    for (const [series, idx] of Object.entries(blocks))
      out += `  ${label}: ${series} ${compressRanges(idx)}\n`
  }
  for (const [label, list, total] of [
    ['only in A', x.targets.onlyA, x.targets.onlyACount],
    ['only in B', x.targets.onlyB, x.targets.onlyBCount]
  ] as const) {
    if (list.length === 0) continue
    const { shown } = cutList(list, max)
    out += `\n${c.bold(`targets ${label}`)}\n${shown.map((p) => `  ${printable(p)}\n`).join('')}`
    if (total > shown.length) out += c.dim(`  ... ${total - shown.length} more\n`)
  }
  return out
}
