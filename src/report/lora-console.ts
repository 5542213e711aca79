/** Console rendering of `model-compat lora`: one LoRA's analysis, its resolution against a base, LoRA vs LoRA. */
import type { LoraAnalysis, LoraComparison, LoraResolution, ModuleResolution } from '../lora/types.js'
import { sizeLabel } from '../lora/layers.js'
import { colors, cutList, formatBytes, formatCount, formatShape, table, type Colors } from './format.js'

export interface LoraRenderOptions {
  color: boolean
  /** How many items of a long list to show (everything is in --json). */
  maxItems?: number
  /** A display name (`--names`) shown above the path. */
  title?: string
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
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} x${n}`)
    .join(sep)
}

export function alphaLine(a: LoraAnalysis): string {
  const s = a.statistics
  const parts: string[] = []
  if (Object.keys(s.alpha.values).length > 0) parts.push(`alpha ${countList(s.alpha.values)}`)
  if (s.alpha.unread > 0) parts.push(`${s.alpha.unread} alpha tensor(s) stored, values not read`)
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
  let out = opts.title ? `${c.bold(`== ${opts.title} ==`)}\n` : ''
  out += `${c.bold(a.path)}\n`
  const rows: string[][] = [
    ['conventions', a.mixed ? c.yellow(conventionLine(a)) : conventionLine(a)],
    [
      'targets',
      a.family
        ? `${a.family} (${sizeLabel(a.family, a.width)})`
        : a.width
          ? `width ${a.width}`
          : 'unknown architecture'
    ],
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
    out += c.dim(`  ${e.convention}: ${e.markers.join(', ')}; e.g. ${e.examples[0] ?? ''}\n`)
  }
  const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
  if (kinds.length > 0) out += `\n${c.bold('layer kinds')}\n${table(kinds.map(([k, n]) => [k, String(n)]))}`
  if (s.rankNotes.length > 0)
    out += `\n${c.bold('rank notes')}\n${s.rankNotes.map((n) => `  - ${n}\n`).join('')}`
  const meta = Object.entries(a.metadata.summary)
  if (meta.length > 0) out += `\n${c.bold('training metadata')}\n${table(meta)}`
  if (a.warnings.length > 0) {
    out += `\n${c.yellow('warnings')}\n`
    const { shown, omitted } = cutList(a.warnings, max)
    for (const w of shown) out += `  - ${w}\n`
    if (omitted > 0) out += c.dim(`  ... ${omitted} more\n`)
  }
  return out
}

function statusText(status: ModuleResolution['status'], c: Colors): string {
  if (status === 'ok') return c.green('ok')
  if (status === 'shape-mismatch') return c.red('shape mismatch')
  if (status === 'unresolved') return c.red('not loaded')
  return c.yellow('unsupported')
}

export function moduleLine(r: ModuleResolution): string {
  if (r.status === 'shape-mismatch' && r.target) {
    const slice = r.target.slice ? ` rows ${r.target.slice.offset}+${r.target.slice.size}` : ''
    return `${r.stem} -> ${r.target.key} ${formatShape(r.target.shape)}${slice}: ${r.expected ?? ''}`
  }
  let line = `${r.stem}: ${r.reason ?? r.status}`
  const near = r.nearest?.[0]
  if (near) line += `; nearest ${near.key} ${formatShape(near.shape)} (${near.why})`
  return line
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
  const base = r.baseFamily
    ? `${r.baseFamily}, ${sizeLabel(r.baseFamily, r.baseWidth)}`
    : `width ${r.baseWidth ?? '?'}`
  let out = `${c.bold('resolution against')} ${r.base} (${base})\n`
  const pct = `${r.loadablePercent.toFixed(1)}%`
  const paint = r.loadable === r.modules ? c.green : r.loadable === 0 ? c.red : c.yellow
  out += table([
    ['loadable', paint(`${r.loadable} / ${r.modules} modules (${pct})`)],
    [
      'by status',
      `ok ${r.counts.ok}, shape mismatch ${r.counts['shape-mismatch']}, not loaded ${r.counts.unresolved}, unsupported ${r.counts.unsupported}`
    ]
  ])
  if (r.causes.length > 0) {
    out += `\n${c.bold('likely causes')}\n${table(r.causes.map((x) => [String(x.modules), x.cause]))}`
  }
  const failing = failingByCause(r)
  if (failing.length > 0) {
    const { shown, omitted } = cutList(failing, max)
    out += `\n${c.bold('modules that would not load')}\n`
    for (const f of shown) out += `  ${statusText(f.status, c)}  ${moduleLine(f)}\n`
    if (omitted > 0) out += c.dim(`  ... ${omitted} more (see --json)\n`)
  }
  const sliced = r.results.filter((x) => x.status === 'ok' && x.target?.slice).length
  const aliased = r.results.filter(
    (x) => x.status === 'ok' && x.target && !['exact', 'underscore', 'underscore form'].includes(x.target.via)
  )
  if (sliced > 0) out += c.dim(`  ${sliced} module(s) patch row slices of fused weights\n`)
  if (aliased.length > 0)
    out += c.dim(`  ${aliased.length} module(s) resolved through ${aliased[0]!.target!.via}\n`)
  return out
}

export function renderLoraComparison(x: LoraComparison, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  let out = `${c.bold('LoRA vs LoRA')}\n  A: ${x.a}\n  B: ${x.b}\n`
  const rank = (r: LoraComparison['rank']['a']) => (r ? `${r.min}..${r.max} (median ${r.median})` : '-')
  out += table([
    [
      'conventions',
      `${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')}${x.conventions.same ? '' : c.yellow(' (differ)')}`
    ],
    [
      'family',
      `${x.family.a ?? '?'} | ${x.family.b ?? '?'}${x.family.same ? c.green(' (same)') : c.red(' (differ)')}`
    ],
    ['width', `${x.width.a ?? '?'} | ${x.width.b ?? '?'}`],
    [
      'targets',
      `${x.targets.common} common, ${x.targets.onlyACount} only in A, ${x.targets.onlyBCount} only in B`
    ],
    ['rank', `${rank(x.rank.a)} | ${rank(x.rank.b)}; ${x.rank.differing.length} common module(s) differ`],
    ['alpha', `${x.alpha.differing.length} common module(s) differ`]
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
    out += `\n${c.bold(`targets ${label}`)}\n${shown.map((p) => `  ${p}\n`).join('')}`
    if (total > shown.length) out += c.dim(`  ... ${total - shown.length} more\n`)
  }
  return out
}
