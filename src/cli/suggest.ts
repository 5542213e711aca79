/** "Did you mean ...?" for a mistyped command or flag: the closest known word, when it is close enough. */

/** Edits (insert, delete, substitute, swap two neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * The known word closest to `word`: within a third of its length in edits (at least one, at most three), or a
 * known word it starts (`--map` for `--mapping`) when only one does. Undefined when nothing is close: a wild
 * guess is worse than none.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  // Bound the work: a hostile or pasted argument can be long, and no known word is.
  if (word.length === 0 || word.length > 64) return undefined
  const lower = word.toLowerCase()
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const k of known) {
    const dist = editDistance(lower, k.toLowerCase())
    if (dist < bestDistance) {
      best = k
      bestDistance = dist
    }
  }
  if (best !== undefined && bestDistance <= limit) return best
  const starts = known.filter((k) => lower.length >= 3 && k.toLowerCase().startsWith(lower))
  return starts.length === 1 ? starts[0] : undefined
}

/** ` Did you mean 'analyze'?` (with a leading space), or '' when nothing is close. */
export function didYouMean(word: string, known: readonly string[], quote = (s: string) => `'${s}'`): string {
  const guess = closest(word, known)
  return guess === undefined ? '' : ` Did you mean ${quote(guess)}?`
}
