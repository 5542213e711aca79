/**
 * A layer's stored name read as the engine's paths: its token path (lower-case words joined by `.`) and the name
 * with its unit's leading words dropped (what messages show). Used by model.ts, once per layer.
 */

/** Word separators of a key (src/names/tokens.ts keyWords). */
const WORD_SEPARATORS = /[._]/

/** A stored name's separators that give empty words (leading, trailing, doubled): the rare slow path of pathOf. */
const EMPTY_WORD = /^[._]|[._]$|[._][._]/

/** A lower-cased layer name's token path: its words (split on `.` and `_`, empty ones dropped) joined by `.`. */
export function pathOf(lower: string): string {
  if (!EMPTY_WORD.test(lower)) return lower.replaceAll('_', '.')
  const words = lower.split(WORD_SEPARATORS)
  const kept: string[] = []
  for (let w = 0; w < words.length; w++) if (words[w] !== '') kept.push(words[w]!)
  return kept.join('.')
}

/** Per word count, the (sticky) pattern of that many leading words and the separators after them. */
const LEADING_WORDS = new Map<number, RegExp>()

/** The name without its first `n` words (words are separated by `.` or `_`), separators kept. */
export function dropWords(name: string, n: number): string {
  if (n <= 0) return name.replace(/^[._]+/, '')
  // One native match, not a per-character loop: the CLI runs this code interpreted (no optimizing compiler), once
  // per layer. A word may be empty here, as the name may run out before `n` words (then nothing is left). The
  // pattern always matches; a sticky test leaves its end in lastIndex without building a match array per layer.
  let re = LEADING_WORDS.get(n)
  if (!re) LEADING_WORDS.set(n, (re = new RegExp(`^(?:[._]*[^._]*){${n}}[._]*`, 'y')))
  re.lastIndex = 0
  re.test(name)
  return name.slice(re.lastIndex)
}
