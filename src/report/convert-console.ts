/**
 * Console rendering of a LoRA conversion plan (`model-compat convert --dry-run`, and before a real write): the
 * answer first (converted exactly, planned, or refused and why), then what was refused or dropped, then the plan
 * and its modules. Pure: data in, string out.
 */
import { convertCauseText, refusalText, wordPlan } from './convert-reasons.js'
import type { ConversionPlan, ModuleSource, PlannedModule } from '../convert/types.js'
import {
  colors,
  cutList,
  formatBytes,
  groupThousands,
  mark,
  plural,
  printable,
  type Colors
} from './format.js'
import { fitTable, paragraph } from './layout.js'

export interface ConvertRenderOptions {
  color: boolean
  /** Output modules listed (the refused and dropped lists are always complete). */
  maxItems?: number
  /** Columns to fit the output to (default: unlimited). */
  width?: number
  /** The file written, when the conversion was carried out. */
  written?: {
    path: string
    tensors: number
    bytes: number
    sourceHeaderSha256: string
    sourceSha256?: string
  }
}

/**
 * `✓ converted exactly: 80 modules to comfyui names, written out.safetensors` / `✓ exact conversion planned ...
 * nothing written (--dry-run)` / `✗ refused: 3 modules cannot be converted exactly; nothing written`.
 */
export function conversionAnswer(
  plan: ConversionPlan,
  c: Colors,
  written?: ConvertRenderOptions['written']
): string {
  const kept = plural(plan.modules.length, 'module')
  if (plan.modules.length === 0 && plan.refused.length + plan.dropped.length + plan.unknownKeys.length === 0)
    return `${mark('bad', c)} ${c.red(c.bold('nothing to convert'))}: no LoRA module found in ${printable(plan.lora)}`
  if (!plan.ok) {
    const refused = plan.refused.length + plan.unknownKeys.length
    const what = plan.dropUnmatched
      ? `every module was dropped (${plan.dropped.length}); nothing written`
      : `${refused} of ${plural(plan.modules.length + refused, 'module')} cannot be converted exactly; nothing written` +
        (plan.modules.length > 0 ? ` (--drop-unmatched writes the other ${plan.modules.length})` : '')
    return `${mark('bad', c)} ${c.red(c.bold('refused'))}: ${what}`
  }
  const dropped = plan.dropped.length > 0 ? `, ${plural(plan.dropped.length, 'module')} dropped` : ''
  if (written)
    return `${mark('good', c)} ${c.green(c.bold('converted exactly'))}: ${kept} to ${plan.to} names${dropped}, written to ${printable(written.path)}`
  return `${mark('good', c)} ${c.green(c.bold('exact conversion planned'))}: ${kept} to ${plan.to} names${dropped}; nothing written (--dry-run)`
}

function sourceText(s: ModuleSource): string {
  const rows = s.rows ? ` rows ${s.rows.start}-${s.rows.end - 1}` : ''
  const at = s.at ? ` -> rows ${s.at.start}-${s.at.end - 1}` : ''
  return `${printable(s.stem)}${rows}${at}`
}

function moduleRows(modules: readonly PlannedModule[]): string[][] {
  const rows: string[][] = [['transform', 'output module', 'rank', 'alpha', 'from']]
  for (const m of modules) {
    rows.push([
      m.transform,
      printable(m.stem),
      String(m.rank),
      m.alpha === null ? '-' : String(Number(m.alpha.toPrecision(7))),
      m.sources.map(sourceText).join(' + ')
    ])
  }
  return rows
}

function moduleSummary(plan: ConversionPlan): string {
  const kinds = Object.entries(plan.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  let text = `${plural(plan.modules.length, 'output module')}${kinds ? ` (${kinds})` : ''}`
  if (plan.refused.length > 0) text += `; ${plan.refused.length} refused`
  if (plan.dropped.length > 0) text += `; ${plan.dropped.length} dropped`
  return text
}

export function renderConversionPlan(plan: ConversionPlan, opts: ConvertRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 30
  const width = opts.width ?? Number.POSITIVE_INFINITY
  let out = paragraph(conversionAnswer(plan, c, opts.written), width, '', '  ')
  if (plan.causes.length > 0) {
    out += `\n${c.bold('Why modules cannot be converted exactly')}\n`
    out += fitTable(
      plan.causes.map((x) => [plural(x.modules, 'module'), printable(convertCauseText(x.why))]),
      { width, fit: ['fixed', 'wrap'] }
    )
  }
  if (plan.refused.length > 0) {
    out += `\n${c.red(c.bold(`Refused: ${plural(plan.refused.length, 'module')}`))}\n`
    out += fitTable(
      plan.refused.map((r) => [printable(r.stem), printable(refusalText(r.why))]),
      { width, fit: ['shorten', 'wrap'] }
    )
  }
  if (plan.dropped.length > 0) {
    out += `\n${c.yellow(c.bold(`Dropped (--drop-unmatched): ${plural(plan.dropped.length, 'module')}`))}\n`
    out += fitTable(
      plan.dropped.map((r) => [printable(r.stem), printable(refusalText(r.why))]),
      { width, fit: ['shorten', 'wrap'] }
    )
  }
  if (plan.unknownKeys.length > 0) {
    const label = plan.dropUnmatched
      ? 'Dropped keys with no adapter suffix'
      : 'Keys with no adapter suffix (refused)'
    out += `\n${c.yellow(c.bold(`${label}: ${plan.unknownKeys.length}`))}\n`
    out += plan.unknownKeys.map((k) => `  ${printable(k)}\n`).join('')
  }
  out += `\n${c.bold('Plan')}\n`
  const rows = [
    // names and paths come from the files: no control characters reach the terminal
    ['lora', printable(plan.lora)],
    ['base', printable(plan.base)],
    ['to', plan.to],
    ['modules', moduleSummary(plan)],
    ['data', formatBytes(plan.dataBytes)]
  ]
  if (opts.written) {
    const w = opts.written
    rows.push([
      'written',
      `${printable(w.path)}: ${plural(w.tensors, 'tensor')}, ${groupThousands(w.bytes)} bytes`
    ])
    rows.push(['source header sha256', w.sourceHeaderSha256])
    if (w.sourceSha256 !== undefined) rows.push(['source sha256', w.sourceSha256])
  }
  out += fitTable(rows, { width, fit: ['fixed', 'wrap'] })
  // Layout changes first: they are the ones worth reading.
  const ordered = [
    ...plan.modules.filter((m) => m.transform !== 'rename'),
    ...plan.modules.filter((m) => m.transform === 'rename')
  ]
  const { shown, omitted } = cutList(ordered, max)
  if (shown.length > 0) {
    out += `\n${c.bold('Modules')}\n${fitTable(moduleRows(shown), {
      header: true,
      width,
      fit: ['fixed', 'shorten', 'fixed', 'fixed', 'wrap']
    })}`
    if (omitted > 0) out += c.dim(`  ... ${omitted} more (--json lists all)\n`)
  }
  if (plan.notes.length > 0)
    out += `\n${plan.notes.map((n) => paragraph(printable(n), width, 'note: ', '  ')).join('')}`
  if (plan.ok) out += c.dim('\nexact: every module kept has the same weight delta (up x down x alpha/rank)\n')
  return out
}

/** The plan as a JSON document: recipes reduced to their kind (the byte bookkeeping is an internal detail). */
export function conversionPlanJson(plan: ConversionPlan): unknown {
  wordPlan(plan)
  return {
    ...plan,
    modules: plan.modules.map((m) => ({
      ...m,
      tensors: m.tensors.map((t) => ({ key: t.key, dtype: t.dtype, shape: t.shape, recipe: t.recipe.kind }))
    }))
  }
}
