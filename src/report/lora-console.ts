/**
 * Console rendering of `model-compat lora`: one LoRA's analysis and its resolution against a base (LoRA vs LoRA is
 * lora-compare-console.ts).
 */
import type { LoraAnalysis, LoraResolution, ModuleResolution } from '../lora/types.js'
import { familyLabel } from '../lora/layers.js'
import { notCheckedParts } from '../lora/components.js'
import { byCodeUnit } from '../lora/order.js'
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import {
  colors,
  cutList,
  formatBytes,
  formatCount,
  formatPercent,
  formatShape,
  mark,
  plural,
  printable,
  type Colors
} from './format.js'
import { fitTable, paragraph, type TableOptions } from './layout.js'
import { loraSteps, renderSteps } from './next-steps.js'
import { causeWords, moduleReason } from './lora-reasons.js'
import { causeKey } from '../lora/reasons.js'

export interface LoraRenderOptions {
  color: boolean
  /** How many items of a long list to show (everything is in --json). */
  maxItems?: number
  /** A display name (`--names`) shown above the path. */
  title?: string
  /** Display names (`--names`) of the two files of a comparison, shown as A and B beside their paths. */
  names?: [string, string]
  /** Columns to fit the output to (default: unlimited). */
  width?: number
}

export type Table = (rows: string[][], fit?: TableOptions['fit'], header?: boolean) => string

/** A table fitted to `width`. */
export function tableAt(width: number): Table {
  return (rows, fit, header) =>
    fitTable(rows, { width, ...(fit ? { fit } : {}), ...(header ? { header } : {}) })
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
    parts.push(
      `${plural(s.alpha.unread, 'alpha tensor')} stored, values not read (use --read-alpha to read them)`
    )
  if (s.alpha.missing > 0)
    parts.push(`${plural(s.alpha.missing, 'module')} without alpha: ${s.alpha.defaultRule}`)
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

/**
 * What a LoRA is, in one line: `wan.safetensors: kohya LoRA for Wan 1.3B, 80 modules, rank 2`. The answer of
 * `model-compat lora FILE` without a base.
 */
export function loraAnswer(a: LoraAnalysis, name: string, c: Colors): string {
  const s = a.statistics
  const conventions = a.conventions.map((x) => x.convention)
  const kind = a.mixed
    ? `LoRA mixing ${conventions.join(', ')} names`
    : `${conventions[0] ?? 'unrecognised'} LoRA`
  const rank = s.rank
    ? s.rank.min === s.rank.max
      ? `rank ${s.rank.min}`
      : `rank ${s.rank.min}-${s.rank.max}`
    : ''
  const parts = [`${kind} for ${familyLabel(a.family, a.width)}`, plural(s.modules, 'module'), rank].filter(
    (p) => p
  )
  const head = `${c.bold(printable(name))}: ${printable(parts.join(', '))}`
  if (s.modules === 0) return `${mark('warn', c)} ${head}; no LoRA module found`
  return a.mixed ? `${mark('warn', c)} ${head}` : head
}

export function renderLoraAnalysis(a: LoraAnalysis, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const table = tableAt(width)
  const s = a.statistics
  let out = ''
  if (a.warnings.length > 0) {
    out += `${c.yellow('warnings')}\n`
    const { shown, omitted } = cutList(a.warnings, max)
    for (const w of shown) out += paragraph(printable(w), width, '  - ')
    if (omitted > 0) out += c.dim(`  ... ${omitted} more\n`)
    out += '\n'
  }
  const rows: string[][] = [
    ['conventions', a.mixed ? c.yellow(conventionLine(a)) : conventionLine(a)],
    ['targets', familyLabel(a.family, a.width)],
    [
      'modules',
      s.components.textEncoder > 0
        ? `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`
        : `${s.modules}, all in the denoiser`
    ],
    ['algorithms', countList(s.algorithms) || '-'],
    ['parameters', `${formatCount(s.params)} in ${plural(s.tensors, 'tensor')}, ${formatBytes(s.bytes)}`],
    ['dtypes', countList(s.dtypes)],
    [
      'rank',
      s.rank
        ? s.rank.min === s.rank.max
          ? `${s.rank.min} (every module)`
          : `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max} (${s.rank.histogram.map((h) => `r${h.rank} x${h.modules}`).join(', ')})`
        : '-'
    ],
    ['alpha', alphaLine(a)]
  ]
  for (const [series, idx] of Object.entries(s.blocks))
    rows.push([`${series}`, `${compressRanges(idx)} (${idx.length} touched)`])
  out += `${c.bold('LoRA')}\n` + table(rows, ['fixed', 'wrap'])
  for (const e of a.conventions) {
    out += c.dim(
      paragraph(
        `${e.convention}: ${printable(e.markers.join(', '))}; e.g. ${printable(e.examples[0] ?? '')}`,
        width,
        '  ',
        '    '
      )
    )
  }
  const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1] || byCodeUnit(x[0], y[0]))
  if (kinds.length > 0)
    out += `\n${c.bold('layer kinds')} (modules)\n${table(kinds.map(([k, n]) => [printable(k), String(n)]))}`
  if (s.rankNotes.length > 0)
    out += `\n${c.bold('rank notes')}\n${s.rankNotes.map((n) => paragraph(printable(n), width, '  - ')).join('')}`
  const meta = Object.entries(a.metadata.summary)
  if (meta.length > 0)
    out += `\n${c.bold('training metadata')}\n${table(
      meta.map(([k, v]) => [printable(k), printable(v)]),
      ['fixed', 'wrap']
    )}`
  return out
}

/** One wording per status in every renderer: `unresolved` means no base key; `shape mismatch` a key that does not fit. */
export const STATUS_LABELS: Record<ModuleResolution['status'], string> = {
  ok: 'ok',
  'shape-mismatch': 'shape mismatch',
  unresolved: 'unresolved',
  unsupported: 'unsupported',
  'not-checked': 'not checked'
}

function statusText(status: ModuleResolution['status'], c: Colors): string {
  const label = STATUS_LABELS[status]
  if (status === 'ok') return c.green(label)
  return status === 'unsupported' ? c.yellow(label) : c.red(label)
}

/** How modules found under another name than the LoRA's were found: one engine links every other naming. */
const ALIAS_NOTE = 'resolved by the correspondence engine (structure, roles and shapes) onto other names'

/**
 * Why one module fails, without its name: `-> blocks.0.q.weight [1536, 1536]: in-dim 5120 vs 1536` for a shape
 * mismatch, else the reason and the closest base key (file names made printable).
 */
export function moduleProblem(r: ModuleResolution): string {
  if (r.status === 'shape-mismatch' && r.target) {
    const slice = r.target.slice ? ` rows ${r.target.slice.offset}+${r.target.slice.size}` : ''
    return printable(`-> ${r.target.key} ${formatShape(r.target.shape)}${slice}: ${r.expected ?? ''}`)
  }
  let line = moduleReason(r) ?? STATUS_LABELS[r.status]
  const near = r.nearest?.[0]
  if (near) line += `; closest base key ${near.key} ${formatShape(near.shape)}: ${near.why}`
  return printable(line)
}

/** One failing module as text: its name, then why (`moduleProblem`). */
export function moduleLine(r: ModuleResolution): string {
  const problem = moduleProblem(r)
  return `${printable(r.stem)}${problem.startsWith('->') ? ' ' : ': '}${problem}`
}

/** Failing modules, interleaved across causes so a short list shows an example of every cause first. */
export function failingByCause(r: LoraResolution): ModuleResolution[] {
  const groups = new Map<string, ModuleResolution[]>()
  for (const x of r.results) {
    // Not checked is not failing: those are said apart (notCheckedWords).
    if (x.status === 'ok' || x.status === 'not-checked') continue
    const key = x.causeWhy ? causeKey(x.causeWhy) : (x.cause ?? x.status)
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

/** Modules found under another name than the LoRA's (by the engine or by roles): they load through the mapping. */
function aliasedModules(r: LoraResolution): ModuleResolution[] {
  return r.results.filter(
    (x) =>
      x.status === 'ok' &&
      x.target !== undefined &&
      x.link?.evidence.some((e) => e.kind === 'engine') === true
  )
}

/**
 * The answer of `lora FILE --base BASE`: `✓ 80 / 80 modules load (100.0%) on BASE` or `✗ 0 / 120 modules load
 * (0.0%) on BASE: 80 shape mismatch, 40 unresolved`.
 */
export function resolutionAnswer(r: LoraResolution, name: string, c: Colors): string {
  const all = r.loadable === r.checked && r.checked > 0
  const none = r.loadable === 0
  const figure = `${r.loadable} / ${plural(r.checked, 'module')} load (${formatPercent(r.loadablePercent)})`
  const paint = all ? c.green : none ? c.red : c.yellow
  const failing = (['shape-mismatch', 'unresolved', 'unsupported'] as const)
    .filter((k) => r.counts[k] > 0)
    .map((k) => `${r.counts[k]} ${STATUS_LABELS[k]}`)
  const runtime = r.loader && r.loader !== 'any' ? ` in ${LOADER_LABELS[r.loader]}` : ''
  if (r.fileError !== undefined) {
    return (
      `${mark('bad', c)} ${c.bold(printable(name))}: ${c.red(c.bold(`${LOADER_LABELS[r.loader ?? 'any']} refuses the whole file`))} ` +
      `on ${printable(r.base)}: ${printable(r.fileError)}`
    )
  }
  const unchecked = r.counts['not-checked'] > 0 ? `; ${notCheckedWords(r)}` : ''
  if (r.checked === 0 && r.modules > 0)
    return `${mark('warn', c)} ${c.bold(printable(name))}: ${c.yellow(c.bold(`no module checked${runtime}`))} on ${printable(r.base)}${unchecked}`
  return (
    `${mark(all ? 'good' : none ? 'bad' : 'warn', c)} ${c.bold(printable(name))}: ${paint(c.bold(figure + runtime))} ` +
    `on ${printable(r.base)}${failing.length > 0 ? `: ${failing.join(', ')}` : ''}${unchecked}`
  )
}

/**
 * The modules a resolution does not judge, in words, by what they patch: `96 text-encoder modules not checked (the
 * base holds no text encoder: give a checkpoint with it to check them)`. Every renderer says it the same way.
 */
export function notCheckedWords(r: LoraResolution): string {
  const { denoiser, textEncoder: te, baseIsTextEncoder: teAlone } = notCheckedParts(r)
  const parts: string[] = []
  if (denoiser > 0) parts.push(`${plural(denoiser, 'denoiser module')}`)
  if (te > 0)
    parts.push(teAlone ? `${plural(te, "other text encoder's module")}` : plural(te, 'text-encoder module'))
  const why = teAlone
    ? 'the base is one text encoder alone: give the files they patch to check them'
    : 'the base holds no text encoder: give a checkpoint with it to check them'
  return `${parts.join(' and ')} not checked (${why})`
}

/**
 * The evidence behind `resolutionAnswer` (which the caller prints first): the base, the likely causes, the modules
 * that would not load and how the others resolved. The next steps are `resolutionSteps`.
 */
export function renderLoraResolution(r: LoraResolution, opts: LoraRenderOptions): string {
  const c = colors(opts.color)
  // Each failing module takes a few lines once fitted: ten show every cause (they are interleaved by cause).
  const max = opts.maxItems ?? 10
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const table = tableAt(width)
  let out = paragraph(
    `${c.bold('resolution against')} ${printable(r.base)} (${familyLabel(r.baseFamily, r.baseWidth, r.baseModel)})` +
      (r.loader !== undefined && r.loader !== 'any' ? `, by ${LOADER_LABELS[r.loader]}'s loading rules` : ''),
    width,
    '',
    '  '
  )
  if (r.loaderNotes && r.loaderNotes.length > 0) {
    out += `\n${c.bold(`what ${LOADER_LABELS[r.loader ?? 'any']} does silently`)}\n`
    out += r.loaderNotes.map((n) => paragraph(`- ${printable(n)}`, width, '', '    ')).join('')
  }
  if (r.causes.length > 0) {
    out += `\n${c.bold('likely causes')} (modules)\n${table(
      r.causes.map((x) => [String(x.modules), printable(causeWords(x))]),
      ['fixed', 'wrap']
    )}`
  }
  const failing = failingByCause(r)
  if (failing.length > 0) {
    const { shown, omitted } = cutList(failing, max)
    out += `\n${c.bold('modules that would not load')}\n`
    out += table(
      shown.map((f) => [statusText(f.status, c), printable(f.stem), moduleProblem(f)]),
      ['fixed', 'shorten', 'wrap']
    )
    if (omitted > 0) out += c.dim(`  ... ${omitted} more (see --json)\n`)
  }
  const sliced = r.results.filter((x) => x.status === 'ok' && x.target?.slice).length
  const aliased = aliasedModules(r)
  if (sliced > 0) out += c.dim(`  ${plural(sliced, 'module')} patch row slices of fused weights\n`)
  if (aliased.length > 0)
    out += c.dim(paragraph(`${plural(aliased.length, 'module')} ${ALIAS_NOTE}`, width, '  '))
  return out
}

/** The next steps after resolving `lora` against `base` (the paths as the user typed them). */
export function resolutionSteps(r: LoraResolution, lora: string, base: string, width: number): string {
  return renderSteps(
    loraSteps({
      lora,
      base,
      modules: r.checked,
      loadable: r.loadable,
      aliased: aliasedModules(r).length,
      shapeMismatch: r.counts['shape-mismatch'],
      unresolved: r.counts.unresolved + r.counts.unsupported
    }),
    width
  )
}
