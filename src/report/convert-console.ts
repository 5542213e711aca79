/** Console rendering of a LoRA conversion plan (`model-compat convert --dry-run`, and before a real write). */
import type { ConversionPlan, ModuleSource, PlannedModule } from '../convert/types.js'
import { colors, cutList, formatBytes, printable, table } from './format.js'

export interface ConvertRenderOptions {
  color: boolean
  /** Output modules listed (the refused and dropped lists are always complete). */
  maxItems?: number
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
  let text = `${plan.modules.length} output module(s)${kinds ? ` (${kinds})` : ''}`
  if (plan.refused.length > 0) text += `; ${plan.refused.length} refused`
  if (plan.dropped.length > 0) text += `; ${plan.dropped.length} dropped`
  return text
}

export function renderConversionPlan(plan: ConversionPlan, opts: ConvertRenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 30
  let out = `${c.bold('LoRA conversion plan')}\n`
  out += table([
    // names and paths come from the files: no control characters reach the terminal
    ['lora', printable(plan.lora)],
    ['base', printable(plan.base)],
    ['to', plan.to],
    ['modules', moduleSummary(plan)],
    ['data', formatBytes(plan.dataBytes)]
  ])
  // Layout changes first: they are the ones worth reading.
  const ordered = [
    ...plan.modules.filter((m) => m.transform !== 'rename'),
    ...plan.modules.filter((m) => m.transform === 'rename')
  ]
  const { shown, omitted } = cutList(ordered, max)
  if (shown.length > 0) {
    out += `\n${c.bold('Modules')}\n${table(moduleRows(shown), { header: true })}`
    if (omitted > 0) out += c.dim(`  ... ${omitted} more (--json lists all)\n`)
  }
  if (plan.causes.length > 0) {
    out += `\n${c.bold('Why modules cannot be converted exactly')}\n`
    out += table(plan.causes.map((x) => [`${x.modules} module(s)`, printable(x.cause)]))
  }
  if (plan.refused.length > 0) {
    out += `\n${c.red(c.bold(`Refused: ${plan.refused.length} module(s) cannot be converted exactly`))}\n`
    out += table(plan.refused.map((r) => [printable(r.stem), printable(r.reason)]))
  }
  if (plan.dropped.length > 0) {
    out += `\n${c.yellow(c.bold(`Dropped (--drop-unmatched): ${plan.dropped.length} module(s)`))}\n`
    out += table(plan.dropped.map((r) => [printable(r.stem), printable(r.reason)]))
  }
  if (plan.unknownKeys.length > 0) {
    const label = plan.dropUnmatched
      ? 'Dropped keys with no adapter suffix'
      : 'Keys with no adapter suffix (refused)'
    out += `\n${c.yellow(c.bold(`${label}: ${plan.unknownKeys.length}`))}\n`
    out += plan.unknownKeys.map((k) => `  ${printable(k)}\n`).join('')
  }
  if (plan.notes.length > 0) out += `\n${plan.notes.map((n) => `note: ${printable(n)}`).join('\n')}\n`
  out += '\n'
  if (plan.ok)
    out += c.green('exact conversion: every module kept has the same weight delta (up x down x alpha/rank)\n')
  else if (plan.modules.length === 0) out += c.red('nothing to convert\n')
  else out += c.red('refused: use --drop-unmatched to write the other modules and leave these out\n')
  return out
}

/** The plan as a JSON document: recipes reduced to their kind (the byte bookkeeping is an internal detail). */
export function conversionPlanJson(plan: ConversionPlan): unknown {
  return {
    ...plan,
    modules: plan.modules.map((m) => ({
      ...m,
      tensors: m.tensors.map((t) => ({ key: t.key, dtype: t.dtype, shape: t.shape, recipe: t.recipe.kind }))
    }))
  }
}
