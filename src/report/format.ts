/** Small formatting helpers shared by the console and Markdown renderers. */
import { formatPercent, formatShare } from '../util/figures.js'
import { printable } from '../util/text.js'

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let v = n
  let u = 0
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`
}

/** 14288491584 -> "14.29B"; counts under 10,000 stay exact ("3,672"). */
export function formatCount(n: number): string {
  const abs = Math.abs(n)
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}K`
  return groupThousands(n)
}

/**
 * 14288491584 -> "14,288,491,584". Written out because `toLocaleString('en-US')` loads ICU's number formatter,
 * which costs a cold CLI process over 10 ms, for a few commas.
 */
export function groupThousands(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n) // toFixed switches to exponents there
  const sign = n < 0 ? '-' : ''
  const [whole = '', fraction] = Math.abs(n)
    .toFixed(Number.isInteger(n) ? 0 : 3)
    .split('.')
  let out = ''
  for (let end = whole.length; end > 0; end -= 3)
    out = whole.slice(Math.max(0, end - 3), end) + (out === '' ? '' : `,${out}`)
  const frac = fraction?.replace(/0+$/, '')
  return `${sign}${out}${frac ? `.${frac}` : ''}`
}

// One rounding for every figure (src/util/figures.ts), re-exported for the renderers.
export { formatPercent, formatShare }

/** `1 key`, `3 keys`, `1,200 modules`: a count with the noun it counts, in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}

/** Align rows into columns; the first row is the header when `header` is set. */
export function table(
  rows: readonly (readonly string[])[],
  opts: { header?: boolean; indent?: string } = {}
): string {
  if (rows.length === 0) return ''
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))))
  const indent = opts.indent ?? '  '
  const lines = rows.map(
    (r) =>
      indent +
      r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - visibleLength(c)))).join('  ')
  )
  if (opts.header && lines.length > 1) {
    lines.splice(1, 0, indent + widths.map((w) => '-'.repeat(w)).join('  '))
  }
  return lines.join('\n') + '\n'
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g
function visibleLength(s: string): number {
  return s.replace(ANSI, '').length
}

export interface Colors {
  bold(s: string): string
  dim(s: string): string
  red(s: string): string
  green(s: string): string
  yellow(s: string): string
}

/**
 * The symbol of a good, bad or doubtful finding. Symbols, not colour alone, so a log without colour (CI, a pipe,
 * NO_COLOR) still tells a red flag from a green one.
 */
export const MARKS = { good: '✓', bad: '✗', warn: '!' } as const
export type MarkKind = keyof typeof MARKS

export function mark(kind: MarkKind, c: Colors): string {
  const paint = kind === 'good' ? c.green : kind === 'bad' ? c.red : c.yellow
  return paint(MARKS[kind])
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`
export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s
    return { bold: id, dim: id, red: id, green: id, yellow: id }
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) }
}

/**
 * Text from a file (tensor names, metadata, paths, flag messages quoting them) made safe for a terminal: control
 * characters become `?` (src/util/text.ts says why). Renderers apply it to file data, never to their own colour
 * codes.
 */
export { printable }

/**
 * A copy of a JSON-shaped report with every string made printable, for renderers that print many names from a
 * file: one pass here instead of a `printable()` at every place a name is shown.
 */
export function printableDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' ? printable(v) : v
  ) as T
}

/** Cut a list to `max` items and say how many were left out. */
export function cutList<T>(items: readonly T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) }
}

/** Escape text for a Markdown table cell or inline code. */
export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Labels for files shown side by side: each path's shortest tail of folders that no other path shares, so
 * `a/A.safetensors` and `b/A.safetensors` read as such, not as "A.safetensors" twice. Distinct file names stay
 * bare file names; URLs and `hf://` locations split on `/` like paths.
 */
export function distinguishingLabels(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split(/[\\/]+/).filter((s) => s !== ''))
  return parts.map((mine, i) => {
    for (let n = 1; n <= mine.length; n++) {
      const tail = mine.slice(-n).join('/')
      const clash = parts.some((other, j) => j !== i && other.slice(-n).join('/') === tail)
      if (!clash) return tail
    }
    return paths[i]
  })
}

/**
 * The folder every path starts with (ending in `/`), or '' when they do not share one: a table of artifacts can
 * name it once above the rows and show the rest of each path.
 */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return ''
  const split = paths.map((p) => p.split('/'))
  const first = split[0]
  let n = 0
  // Folders only: the last part of every path (its file name) is never taken.
  while (n < first.length - 1 && split.every((s) => n < s.length - 1 && s[n] === first[n])) n++
  return n === 0 ? '' : `${first.slice(0, n).join('/')}/`
}

/**
 * GitHub turns `@name` into a mention (a notification to that user or team) and `#12`, `GH-12`, `org/repo#12`
 * into links, in PR comments and job summaries alike. Text from a file must do neither: a zero-width space after
 * the `@`, the `#` or the `GH-` breaks the pattern and reads the same. Code spans need none of this (GitHub does
 * not look for references inside them, and a zero-width space there would be copied with the key); every other
 * piece of file-derived text in a comment or summary goes through here.
 */
export function inertReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
}
