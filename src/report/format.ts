/** Small formatting helpers shared by the console and Markdown renderers. */
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

/** 14288491584 -> "14.29B"; small counts stay exact. */
export function formatCount(n: number): string {
  const abs = Math.abs(n)
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}K`
  return String(n)
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

export function formatPercent(x: number, digits = 1): string {
  return `${x.toFixed(digits)}%`
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
