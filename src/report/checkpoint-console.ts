/** Console rendering of one file's summary (the first part of `analyze`). */
import type { Checkpoint } from '../formats/types.js'
import type { CheckpointSummary } from '../formats/summary.js'
import { colors, cutList, formatBytes, formatCount, groupThousands, printable, table } from './format.js'

export interface RenderOptions {
  color: boolean
  /** How many items of a long list to show before cutting (everything is in --json and --export). */
  maxItems?: number
}

export function renderCheckpointSummary(ckpt: Checkpoint, s: CheckpointSummary, opts: RenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  let out = `${c.bold(printable(ckpt.path))}\n`
  const rows: string[][] = [
    ['format', ckpt.format],
    ['tensors', String(s.tensorCount)],
    ['parameters', `${formatCount(s.parameterCount)} (${groupThousands(s.parameterCount)})`],
    // A manifest carries its source file's size, not its own: say whose size it is.
    [
      ckpt.format === 'manifest' ? 'source size' : 'file size',
      `${formatBytes(s.fileBytes)} (${groupThousands(s.fileBytes)} bytes)`
    ]
  ]
  if (s.dataBytes > 0) rows.push(['tensor data', formatBytes(s.dataBytes)])
  if (ckpt.stateDictPath && ckpt.stateDictPath.length > 0)
    rows.push(['state dict at', printable(ckpt.stateDictPath.join('.'))])
  if (ckpt.components && ckpt.components.length > 0) {
    rows.push([
      'components',
      printable(ckpt.components.map((p) => `${p.name} (${p.tensorCount})`).join(', '))
    ])
  }
  out += table(rows)

  const dtypeRows = Object.entries(s.dtypes)
    .sort((a, b) => b[1].parameters - a[1].parameters)
    .map(([d, f]) => [
      printable(d),
      `${f.tensors} ${f.tensors === 1 ? 'tensor' : 'tensors'}`,
      `${formatCount(f.parameters)} params`,
      // manifests have no byte ranges: no empty last column (it would leave trailing blanks)
      ...(f.bytes ? [formatBytes(f.bytes)] : [])
    ])
  if (dtypeRows.length > 0) out += `\n${c.bold('dtypes')}\n${table(dtypeRows)}`

  const metaEntries = Object.entries(ckpt.metadata)
  if (metaEntries.length > 0) {
    const { shown, omitted } = cutList(metaEntries, max)
    out += `\n${c.bold('metadata')} (${metaEntries.length} ${metaEntries.length === 1 ? 'key' : 'keys'})\n`
    out += table(shown.map(([k, v]) => [printable(k), printable(previewValue(v))]))
    if (omitted > 0) out += c.dim(`  ... ${omitted} more keys (see --json)\n`)
  }

  if (ckpt.globals.length > 0) {
    const { dangerous, unknown, allowed } = s.globals
    out += `\n${c.bold('pickle globals')} (nothing was executed)\n`
    const tier = (t: string) => (t === 'dangerous' ? c.red(t) : t === 'unknown' ? c.yellow(t) : c.green(t))
    const all = [...dangerous, ...unknown, ...allowed]
    const { shown, omitted } = cutList(all, max)
    out += table(
      shown.map((g) => [tier(g.tier), printable(`${g.module}.${g.name}`), `x${g.count}`, printable(g.where)])
    )
    if (omitted > 0) out += c.dim(`  ... ${omitted} more globals (see --json)\n`)
  }
  if (ckpt.warnings.length > 0) {
    out += `\n${c.yellow('warnings')}\n`
    for (const w of ckpt.warnings) out += `  - ${printable(w)}\n`
  }
  return out
}

function previewValue(v: unknown): string {
  const text =
    typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))
  const oneLine = (text ?? '').replace(/\s+/g, ' ')
  return oneLine.length > 100 ? `${oneLine.slice(0, 97)}...` : oneLine
}

/** The `--export` text: one tensor a line, a heading per file. */
export function renderKeyExport(files: readonly Checkpoint[]): string {
  let out = ''
  for (const ckpt of files) {
    out += `# ${ckpt.path} (${ckpt.format}, ${ckpt.tensors.length} tensors)\n`
    for (const t of ckpt.tensors) out += `${t.name}\t[${t.shape.join(', ')}]\t${t.dtype}\n`
    out += '\n'
  }
  return out
}
