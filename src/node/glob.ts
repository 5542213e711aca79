/**
 * Expanding the `artifacts` input (and the CLI's quoted patterns): newline-separated paths and globs with `*`, `?`,
 * `[...]` and `**`, `!pattern` lines excluding. Written here rather than taken from @actions/glob because the CLI
 * shares it and must not print `::debug::` lines, and because the rules we need are few and must be bounded: a
 * PR can add thousands of files, and a symlink loop must not hang the job.
 */
import type { Dirent } from 'node:fs'
import { lstat, readdir, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { UsageError } from '../formats/errors.js'

/** Paths one expansion may return: each is read, and a release PR has tens of files, not thousands. */
export const MAX_MATCHES = 10_000
/** Folder entries one `**` walk may look at before it gives up (a PR could add a deep tree to slow the job). */
const MAX_VISITED = 200_000
/** Folder depth a `**` walk descends. */
const MAX_DEPTH = 32

export interface ExpandOptions {
  /** The input the patterns came from (`artifacts`), named in errors; the CLI's positionals have none. */
  input?: string
}

/** `https://...`, `hf://...`: remote locations are passed through untouched for the readers to fetch. */
export function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location)
}

export function hasGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern)
}

/**
 * Every path the patterns name, in pattern order then sorted, each once. A literal path must exist; a glob must
 * match something; otherwise a UsageError names the pattern (and the input, when given). Returned paths are as the user would write them:
 * relative to `cwd` when the pattern was relative.
 */
export async function expandPatterns(
  patterns: readonly string[],
  cwd: string,
  opts: ExpandOptions = {}
): Promise<string[]> {
  const fail = (detail: string) => new UsageError(detail, { input: opts.input })
  const includes = patterns
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('!'))
  const excludes = patterns
    .map((p) => p.trim())
    .filter((p) => p.startsWith('!'))
    .map((p) => toRegExp(normalize(p.slice(1).trim())))
  const out: string[] = []
  const seen = new Set<string>()
  const budget = { visited: 0 }
  for (const pattern of includes) {
    const norm = normalize(pattern)
    let matches: string[]
    if (isUrl(pattern)) {
      matches = [pattern]
    } else if (!hasGlob(norm)) {
      const abs = resolve(cwd, norm)
      try {
        await stat(abs)
      } catch {
        throw fail(`'${pattern}' does not exist`)
      }
      matches = [norm]
    } else {
      matches = (await walk(norm, cwd, budget, fail)).sort()
      if (matches.length === 0) throw fail(`pattern '${pattern}' matched no files`)
    }
    for (const m of matches) {
      if (excludes.some((re) => re.test(m))) continue
      const key = resolve(cwd, m)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(m)
      if (out.length > MAX_MATCHES) {
        throw fail(`the patterns match more than ${MAX_MATCHES} paths; narrow them`)
      }
    }
  }
  return out
}

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '') || '/'
}

/** Walk only the directories the pattern can reach: fixed leading segments are joined, globs are listed. */
async function walk(
  pattern: string,
  cwd: string,
  budget: { visited: number },
  fail: (detail: string) => UsageError
): Promise<string[]> {
  const absolute = isAbsolute(pattern)
  const segments = pattern.split('/').filter((s, i) => s !== '' || (i === 0 && absolute))
  let fixed = absolute ? '/' : ''
  let i = 0
  while (i < segments.length && !hasGlob(segments[i])) {
    fixed = fixed === '' ? segments[i] : fixed === '/' ? `/${segments[i]}` : `${fixed}/${segments[i]}`
    i++
  }
  const rest = segments.slice(i)
  const root = resolve(cwd, fixed || '.')
  const regexes = rest.map((s) => (s === '**' ? null : segmentRegExp(s)))
  const found: string[] = []
  const show = (abs: string) =>
    absolute ? abs.split(sep).join('/') : relative(cwd, abs).split(sep).join('/') || '.'

  const visit = async (dir: string, k: number, depth: number): Promise<void> => {
    if (k === regexes.length) {
      found.push(show(dir))
      return
    }
    if (depth > MAX_DEPTH) return
    const re = regexes[k]
    if (re === null) {
      // `**` matches zero or more folders; symlinked folders are not entered, so a loop cannot recurse.
      await visit(dir, k + 1, depth)
    }
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const name = entry.name
      if (++budget.visited > MAX_VISITED) {
        throw fail(`pattern '${pattern}' visits more than ${MAX_VISITED} paths; narrow it`)
      }
      const path = join(dir, name)
      if (re === null) {
        if (name.startsWith('.')) continue
        // `**` does not follow symlinked folders: the entry's own type (lstat's) decides
        const isDir = entry.isSymbolicLink()
          ? false
          : entry.isDirectory() ||
            (isUnknown(entry) && (await lstat(path).catch(() => undefined))?.isDirectory())
        if (isDir) await visit(path, k, depth + 1)
        continue
      }
      if (!re.test(name)) continue
      // The folder listing gives each entry's type: only a symbolic link (or a file system that does not say)
      // needs a stat to know what it leads to, so a folder of thousands of files costs no stat per file.
      const known = !entry.isSymbolicLink() && !isUnknown(entry)
      if (k + 1 === regexes.length) {
        const exists = known || (await stat(path).catch(() => undefined)) !== undefined
        if (exists) found.push(show(path))
      } else {
        const isDir = known ? entry.isDirectory() : (await stat(path).catch(() => undefined))?.isDirectory()
        if (isDir) await visit(path, k + 1, depth + 1)
      }
    }
  }
  await visit(root, 0, 0)
  return [...new Set(found)]
}

/** A folder entry whose type the file system did not report (DT_UNKNOWN): a stat has to tell. */
function isUnknown(entry: Dirent): boolean {
  return (
    !entry.isFile() &&
    !entry.isDirectory() &&
    !entry.isSymbolicLink() &&
    !entry.isFIFO() &&
    !entry.isSocket() &&
    !entry.isCharacterDevice() &&
    !entry.isBlockDevice()
  )
}

/** One path segment: `*` and `?` never cross `/`, and never match a leading dot unless the pattern has one. */
function segmentRegExp(segment: string): RegExp {
  return new RegExp(`^${segmentSource(segment)}$`)
}

function segmentSource(segment: string): string {
  let src = segment.startsWith('.') ? '' : '(?!\\.)'
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]
    if (c === '*') src += '[^/]*'
    else if (c === '?') src += '[^/]'
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end < 0) {
        src += '\\['
        continue
      }
      let body = segment.slice(i + 1, end)
      const negate = body.startsWith('!') || body.startsWith('^')
      if (negate) body = body.slice(1)
      src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
      i = end
    } else src += c.replace(/[.+^${}()|\\/]/g, '\\$&')
  }
  return src
}

/** A whole-path pattern (for `!` exclusions), `**` spanning folders. */
function toRegExp(pattern: string): RegExp {
  const parts = pattern.split('/').map((s) => (s === '**' ? '(?:.*)' : segmentSource(s)))
  return new RegExp(`^${parts.join('/').replace(/\(\?:\.\*\)\//g, '(?:.*/)?')}$`)
}
