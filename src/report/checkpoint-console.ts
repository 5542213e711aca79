/**
 * Console rendering of one file's summary (the first part of `analyze`): the answer line (what the file is, and
 * any dangerous or unknown pickle global first of all), then the pickle globals and warnings, then sizes, dtypes
 * and metadata. Pure: data in, string out.
 */
import type { Checkpoint } from '../formats/types.js'
import type { CheckpointSummary } from '../formats/summary.js'
import type { StructureAnalysis } from '../analysis/types.js'
import {
  colors,
  cutList,
  formatBytes,
  formatCount,
  groupThousands,
  mark,
  plural,
  printable
} from './format.js'
import { fitTable, paragraph } from './layout.js'
import { cutText } from '../gate/format.js'

export interface RenderOptions {
  color: boolean
  /** How many items of a long list to show before cutting (everything is in --json and --export). */
  maxItems?: number
  /** Columns to fit the output to (default: unlimited). */
  width?: number
}

/** The globals of a tier as `posix.system, builtins.eval` (at most a few, then "and N more"). */
function globalNames(globals: CheckpointSummary['globals']['dangerous']): string {
  const { shown, omitted } = cutList(globals, 3)
  const names = shown.map((g) => `${g.module}.${g.name}`).join(', ')
  return printable(omitted > 0 ? `${names} and ${omitted} more` : names)
}

/**
 * The answer line of a file `analyze` could not read: what is wrong with it (`what`: the error, without the file's
 * name when it is about the file itself; a pickle refused after its globals were scanned already names the
 * dangerous ones it imports).
 */
export function unreadableAnswer(name: string, what: string, color: boolean): string {
  const c = colors(color)
  return `${mark('bad', c)} ${c.bold(printable(name))}: ${c.red('not read')}: ${printable(what)}`
}

/**
 * The answer line of `analyze` for one file: `✗ evil.pt: 1 dangerous pickle global (posix.system); nothing was
 * executed` for a hostile pickle, else what the file is: `wan.safetensors: Wan2.1 T2V-1.3B (high confidence),
 * safetensors, 231 tensors, 1.42M parameters, BF16`. `name` is the file's label (a display name or its path).
 */
export function checkpointAnswer(
  name: string,
  ckpt: Checkpoint,
  s: CheckpointSummary,
  structure: StructureAnalysis | undefined,
  color: boolean
): string {
  const c = colors(color)
  const label = c.bold(printable(name))
  const { dangerous, unknown } = s.globals
  if (dangerous.length > 0) {
    return (
      `${mark('bad', c)} ${label}: ${c.red(plural(dangerous.length, 'dangerous pickle global'))} ` +
      `(${globalNames(dangerous)}); nothing was executed. Do not load this file with torch.load.`
    )
  }
  const what: string[] = []
  if (structure?.family) what.push(`${structure.family.name}, ${structure.family.confidence} confidence`)
  else if (isAdapterFile(structure)) what.push('LoRA or adapter tensors (see `model-compat lora`)')
  what.push(ckpt.format, plural(s.tensorCount, 'tensor'), `${formatCount(s.parameterCount)} parameters`)
  const dtypes = Object.entries(s.dtypes).sort((a, b) => b[1].parameters - a[1].parameters)
  if (dtypes.length > 0) what.push(dtypes.length === 1 ? dtypes[0][0] : `mostly ${dtypes[0][0]}`)
  const head = `${label}: ${printable(what.join(', '))}`
  if (unknown.length > 0)
    return `${mark('warn', c)} ${head}; ${c.yellow(plural(unknown.length, 'unknown pickle global'))} (${globalNames(unknown)})`
  return head
}

/** Every key is an adapter tensor: the file is a LoRA (or LyCORIS, DoRA...), explained by `model-compat lora`. */
function isAdapterFile(structure: StructureAnalysis | undefined): boolean {
  return (
    structure !== undefined &&
    structure.tensorCount > 0 &&
    structure.notes.some((n) =>
      n.startsWith(`${structure.tensorCount} of ${structure.tensorCount} keys are adapter`)
    )
  )
}

export function renderCheckpointSummary(ckpt: Checkpoint, s: CheckpointSummary, opts: RenderOptions): string {
  const c = colors(opts.color)
  const max = opts.maxItems ?? 20
  const width = opts.width ?? Number.POSITIVE_INFINITY
  let out = ''

  // Security first: what the pickle imports, then what the reader found odd.
  if (ckpt.globals.length > 0) {
    const { dangerous, unknown, allowed } = s.globals
    out += `${c.bold('pickle globals')} (read, never executed)\n`
    const tier = (t: string) =>
      t === 'dangerous'
        ? `${mark('bad', c)} ${c.red(t)}`
        : t === 'unknown'
          ? `${mark('warn', c)} ${c.yellow(t)}`
          : `${mark('good', c)} ${c.green(t)}`
    const all = [...dangerous, ...unknown, ...allowed]
    const { shown, omitted } = cutList(all, max)
    out += fitTable(
      shown.map((g) => [
        tier(g.tier),
        printable(`${g.module}.${g.name}`),
        `x${g.count}`,
        printable(pickleName(g.where))
      ]),
      { width, fit: ['fixed', 'shorten', 'fixed', 'shorten'] }
    )
    if (omitted > 0) out += c.dim(`  ... ${omitted} more globals (see --json)\n`)
  }
  // A warning that a listed global is dangerous or unknown says again what the table says.
  const listed = ckpt.globals.filter((g) => g.tier !== 'allowed').map((g) => `global ${g.module}.${g.name}`)
  const warnings = ckpt.warnings.filter((w) => !listed.some((g) => w.includes(g)))
  if (warnings.length > 0) {
    out += `${out ? '\n' : ''}${c.yellow('warnings')}\n`
    for (const w of warnings) out += paragraph(printable(w), width, '  - ')
  }

  const rows: string[][] = []
  const exact = groupThousands(s.parameterCount)
  // The answer line gives the short count; the exact one only when it says more.
  if (formatCount(s.parameterCount) !== exact) rows.push(['parameters', exact])
  // A manifest carries its source file's size, not its own: say whose size it is.
  rows.push([
    ckpt.format === 'manifest' ? 'source size' : 'file size',
    `${formatBytes(s.fileBytes)} (${groupThousands(s.fileBytes)} bytes)`
  ])
  if (s.dataBytes > 0) rows.push(['tensor data', formatBytes(s.dataBytes)])
  if (ckpt.stateDictPath && ckpt.stateDictPath.length > 0)
    rows.push(['state dict at', printable(ckpt.stateDictPath.join('.'))])
  if (ckpt.components && ckpt.components.length > 0) {
    rows.push([
      'components',
      printable(ckpt.components.map((p) => `${p.name} (${p.tensorCount})`).join(', '))
    ])
  }
  out += `${out ? '\n' : ''}${c.bold('file')}\n` + fitTable(rows, { width, fit: ['fixed', 'wrap'] })

  const dtypeRows = Object.entries(s.dtypes)
    .sort((a, b) => b[1].parameters - a[1].parameters)
    .map(([d, f]) => [
      printable(d),
      plural(f.tensors, 'tensor'),
      `${formatCount(f.parameters)} params`,
      // manifests have no byte ranges: no empty last column (it would leave trailing blanks)
      ...(f.bytes ? [formatBytes(f.bytes)] : [])
    ])
  if (dtypeRows.length > 1) out += `\n${c.bold('dtypes')}\n${fitTable(dtypeRows, { width })}`

  const metaEntries = Object.entries(ckpt.metadata)
  if (metaEntries.length > 0) {
    const { shown, omitted } = cutList(metaEntries, max)
    out += `\n${c.bold('metadata')} (${plural(metaEntries.length, 'key')})\n`
    const torch = ckpt.format.startsWith('pytorch')
    out += fitTable(
      shown.map(([k, v]) => [printable(torch ? (TORCH_METADATA[k] ?? k) : k), printable(previewValue(v))]),
      { width, fit: ['shorten', 'wrap'] }
    )
    if (omitted > 0) out += c.dim(`  ... ${omitted} more keys (see --json)\n`)
  }
  return out
}

/** The PyTorch readers' own metadata keys, in words (a file's own metadata keys are shown as stored). */
const TORCH_METADATA: Readonly<Record<string, string>> = Object.freeze({
  archivePrefix: 'archive prefix',
  pickleProtocol: 'pickle protocol',
  protocolVersion: 'legacy protocol version',
  typeSizes: 'type sizes',
  otherTensors: 'tensors outside the state dict',
  byteorder: 'byte order',
  version: 'archive version'
})

/** The five pickles of a legacy torch file, by position. */
const LEGACY_PICKLES = ['magic number', 'protocol version', 'system info', 'the object', 'storage keys']

/** Where a global was found: `legacy:3` -> `legacy pickle 3 (the object)`; zip entries as they are. */
function pickleName(where: string): string {
  const legacy = /^legacy:(\d)$/.exec(where)
  if (!legacy) return where
  const n = Number(legacy[1])
  return `legacy pickle ${n}${LEGACY_PICKLES[n] ? ` (${LEGACY_PICKLES[n]})` : ''}`
}

function previewValue(v: unknown): string {
  const text =
    typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))
  // Cut between words, never inside one; the whole value is in --json.
  return cutText((text ?? '').replace(/\s+/g, ' '), 100)
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
