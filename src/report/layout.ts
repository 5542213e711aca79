/**
 * Fitting console output to a terminal's width: long names shortened in the middle (both ends of a path or a key
 * say the most), text wrapped between words, and tables that wrap by row (a row may take several lines, its cells
 * stay in their columns) or, when even that does not fit, stack each row's cells under its first one. Nothing is
 * ever cut mid-word by the terminal. Pure: text in, text out; `width: Infinity` (`--wide`) leaves lines whole.
 */

/** Width assumed when the output is not a terminal and COLUMNS is unset: a CI log or a pipe. */
export const DEFAULT_WIDTH = 100
/** Narrower than this, fitting does more harm than good (every name becomes "…"). */
export const MIN_WIDTH = 40

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

/** Columns a string takes on a terminal: ANSI colour codes take none, every code point one. */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text
  // Without surrogates, code points are UTF-16 units: a long table measures every cell several times.
  if (!SURROGATE.test(plain)) return plain.length
  let n = 0
  for (const _ of plain) n++
  return n
}

const SURROGATE = /[\uD800-\uDFFF]/

/**
 * `blocks.0.cross_attn.norm_k_img.weight` at 24 -> `blocks.0.…_k_img.weight`: the start and the end are kept
 * (the end a little longer: leaf keys are there); a path keeps its whole file name when it can
 * (`exam…/wan-lora-fits.safetensors`). Text with colour codes is returned whole (cutting through a code would
 * leak it).
 */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max || text.includes('\x1b[')) return text
  if (max <= 1) return '…'.slice(0, Math.max(0, max))
  const keep = max - 1
  // A path keeps as much of its file name as fits, then its start: the file name is what tells files apart.
  const slash = text.lastIndexOf('/')
  const file = slash >= 0 ? chars.length - [...text.slice(0, slash)].length : 0
  const head = file > 0 ? Math.max(0, keep - file) : Math.floor(keep * 0.4)
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`
}

/**
 * Words of `text` in lines of at most `width` columns (`rest` for the lines after the first, default the same).
 * Lines break only between words; a single word longer than its line (a key, a path) is shortened in the middle
 * rather than broken.
 */
export function wrapWords(text: string, width: number, rest = width): string[] {
  if (!Number.isFinite(width) || displayWidth(text) <= width) return [text]
  const lines: string[] = []
  let line = ''
  const limit = () => (lines.length === 0 ? width : rest)
  for (const raw of text.split(/ +/)) {
    if (raw === '') continue
    const word = displayWidth(raw) > limit() ? shortenMiddle(raw, Math.max(1, limit())) : raw
    if (line === '') line = word
    else if (displayWidth(line) + 1 + displayWidth(word) <= limit()) line += ` ${word}`
    else {
      lines.push(line)
      line = displayWidth(word) > limit() ? shortenMiddle(word, Math.max(1, limit())) : word
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

/**
 * A paragraph: `first` before the first line, continuation lines indented by `indent` (default: as wide as
 * `first`), every line within `width`. Returns the lines with a final newline.
 */
export function paragraph(text: string, width: number, first = '', indent?: string): string {
  const hang = indent ?? ' '.repeat(displayWidth(first))
  const lines = wrapWords(
    text,
    Math.max(10, width - displayWidth(first)),
    Math.max(10, width - displayWidth(hang))
  )
  return [first + lines[0], ...lines.slice(1).map((l) => hang + l)].join('\n') + '\n'
}

/** How a column may give up width when the table is too wide: names are shortened, prose is wrapped. */
export type ColumnFit = 'fixed' | 'shorten' | 'wrap'

export interface TableOptions {
  /** The first row is a header (a dashed rule is drawn under it). */
  header?: boolean
  indent?: string
  /** Total width available, indent included. Infinity (the default): columns as wide as their widest cell. */
  width?: number
  /** Per column; columns not listed are fixed. */
  fit?: readonly ColumnFit[]
}

const GAP = '  '
/** Narrowest a shortened name may get before the layout changes: below this a name no longer says which. */
const MIN_SHORTENED = 16
/** Narrowest a wrapped column may get in place: narrower, a sentence becomes a column of single words. */
const MIN_WRAPPED = 30

type Rows = readonly (readonly string[])[]

/**
 * Rows aligned into columns, within `width`. A table that is too wide wraps by row, never by character, in the
 * first of these layouts that keeps every column readable:
 * 1. in place: the `shorten` and `wrap` columns share what the fixed columns leave (each gets what it needs, up
 *    to an equal share of the rest); names are shortened in the middle, `wrap` cells take several lines in their
 *    column;
 * 2. prose below: the fixed and `shorten` columns on the row's line, each `wrap` cell on indented lines under it;
 * 3. stacked: every cell on a line of its own under the row's first cells.
 * No line has trailing blanks.
 */
export function fitTable(rows: Rows, opts: TableOptions = {}): string {
  if (rows.length === 0) return ''
  const indent = opts.indent ?? '  '
  const width = opts.width ?? Number.POSITIVE_INFINITY
  const header = opts.header === true && rows.length > 1
  const columns = Math.max(...rows.map((r) => r.length))
  const natural = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? '')))
  )
  const fit = Array.from({ length: columns }, (_, i) => opts.fit?.[i] ?? 'fixed')
  const all = natural.map((_, i) => i)
  const lineWidth = (cols: readonly number[], ws: readonly number[]) =>
    displayWidth(indent) + cols.reduce((a, i) => a + ws[i], 0) + GAP.length * (cols.length - 1)
  if (lineWidth(all, natural) <= width)
    return render(rows, fit, { cols: all, widths: natural, below: [] }, indent, width, header)

  const readable = (cols: readonly number[], ws: readonly number[]) =>
    cols.every(
      (i) =>
        fit[i] === 'fixed' || ws[i] >= Math.min(natural[i], fit[i] === 'wrap' ? MIN_WRAPPED : MIN_SHORTENED)
    )
  // 1. Every column on the row's line.
  const inPlace = share(
    all,
    fit,
    natural,
    width -
      lineWidth(
        all,
        natural.map((w, i) => (fit[i] === 'fixed' ? w : 0))
      )
  )
  if (readable(all, inPlace))
    return render(rows, fit, { cols: all, widths: inPlace, below: [] }, indent, width, header)
  // 2. Prose on the lines below.
  const onLine = all.filter((i) => fit[i] !== 'wrap')
  const below = all.filter((i) => fit[i] === 'wrap')
  const lineWidths = share(
    onLine,
    fit,
    natural,
    width -
      lineWidth(
        onLine,
        natural.map((w, i) => (fit[i] === 'fixed' ? w : 0))
      )
  )
  if (onLine.length > 0 && readable(onLine, lineWidths) && lineWidth(onLine, lineWidths) <= width)
    return render(rows, fit, { cols: onLine, widths: lineWidths, below }, indent, width, header)
  // 3. Stacked.
  return stacked(rows, fit, indent, width, header)
}

/** Max-min fair shares of `budget` among the flexible columns of `cols`; fixed columns keep their width. */
function share(
  cols: readonly number[],
  fit: readonly ColumnFit[],
  natural: readonly number[],
  budget: number
): number[] {
  const widths = [...natural]
  const flexible = cols.filter((i) => fit[i] !== 'fixed').sort((a, b) => natural[a] - natural[b])
  let left = budget
  flexible.forEach((i, k) => {
    const fair = Math.floor(left / (flexible.length - k))
    widths[i] = Math.max(0, Math.min(natural[i], fair))
    left -= widths[i]
  })
  return widths
}

/** Columns `cols` aligned at `widths` (cells fitted to them), then the `below` cells indented under each row. */
function render(
  rows: Rows,
  fit: readonly ColumnFit[],
  layout: { cols: readonly number[]; widths: readonly number[]; below: readonly number[] },
  indent: string,
  width: number,
  header: boolean
): string {
  const { cols, widths, below } = layout
  const out: string[] = []
  rows.forEach((row, r) => {
    const cells = cols.map((i) => {
      const cell = row[i] ?? ''
      if (displayWidth(cell) <= widths[i]) return [cell]
      return fit[i] === 'wrap' ? wrapWords(cell, widths[i]) : [shortenMiddle(cell, widths[i])]
    })
    const height = Math.max(...cells.map((c) => c.length))
    for (let line = 0; line < height; line++) {
      out.push(
        joinCells(
          cells.map((c) => c[line] ?? ''),
          cols.map((i) => widths[i]),
          indent
        )
      )
    }
    if (r === 0 && header) {
      out.push(indent + cols.map((i) => '-'.repeat(widths[i])).join(GAP))
      return
    }
    for (const i of below) {
      const cell = row[i] ?? ''
      if (cell === '') continue
      const label = below.length > 1 && header ? `${rows[0][i]}: ` : ''
      out.push(paragraph(cell, width, `${indent}    ${label}`, `${indent}    `).replace(/\n$/, ''))
    }
  })
  return out.join('\n') + '\n'
}

function joinCells(cells: readonly string[], widths: readonly number[], indent: string): string {
  const line = cells
    .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i] - displayWidth(c)))))
    .join(GAP)
  return (indent + line).replace(/ +$/, '')
}

/**
 * Each row as a short record: the cells up to its first name on one line (the name shortened to fit), the other
 * short cells on the next line, each prose cell on lines of its own; all indented under the first.
 */
function stacked(
  rows: Rows,
  fit: readonly ColumnFit[],
  indent: string,
  width: number,
  header: boolean
): string {
  const head = header ? rows[0] : undefined
  const body = header ? rows.slice(1) : rows
  const lead = Math.max(
    0,
    fit.findIndex((f) => f !== 'fixed')
  )
  const wraps = fit.filter((f) => f === 'wrap').length
  const deeper = `${indent}    `
  const out: string[] = []
  for (const row of body) {
    const before = row.slice(0, lead).filter((c) => c !== '')
    const prefix = indent + before.map((c) => c + GAP).join('')
    out.push(prefix + shortenMiddle(row[lead] ?? '', Math.max(MIN_SHORTENED, width - displayWidth(prefix))))
    const short = row.filter((c, i) => i > lead && fit[i] !== 'wrap' && c !== '').join(GAP)
    if (short !== '') out.push(deeper + shortenMiddle(short, Math.max(MIN_SHORTENED, width - deeper.length)))
    row.forEach((cell, i) => {
      if (i <= lead || fit[i] !== 'wrap' || cell === '') return
      const label = wraps > 1 && head?.[i] ? `${head[i]}: ` : ''
      out.push(paragraph(cell, width, `${deeper}${label}`, deeper).replace(/\n$/, ''))
    })
  }
  return out.join('\n') + '\n'
}

/**
 * `== label (path) ==`, the heading of one file's details when several are shown: the path (when it differs from
 * the label) is shortened in the middle to keep the heading on one line.
 */
export function fileHeading(label: string, path: string, width: number): string {
  const frame = (inner: string) => `== ${inner} ==`
  if (label === path) return frame(shortenMiddle(label, Math.max(MIN_SHORTENED, width - 6))) + '\n'
  const room = width - displayWidth(frame(`${label} ()`))
  const where = room >= MIN_SHORTENED ? shortenMiddle(path, room) : ''
  return (
    frame(where ? `${label} (${where})` : shortenMiddle(label, Math.max(MIN_SHORTENED, width - 6))) + '\n'
  )
}
