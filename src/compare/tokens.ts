/**
 * Name tokens for key mapping. A module path such as `attn1.to_q` or `self_attn.q` becomes a small set of
 * canonical tokens ({attn, self, q}) through a GENERIC vocabulary of the words the common naming conventions use
 * for the same role (q/to_q/q_proj/query, attn1/self_attn, ffn/ff/mlp, ...). There is deliberately no per-model
 * rename table here: the mapper must work on model pairs it has never seen.
 */

import { lookupTable } from '../lookup.js'

/** Ordinal tokens look like `#1`: the position of a module among numbered siblings (ffn.0 / ffn.2 -> #1 / #2). */
export const ORDINAL_PREFIX = '#'

/** Whole-segment synonyms: a segment that means several tokens at once. */
const SEGMENT_SYNONYMS = lookupTable<string[]>({
  attn1: ['attn', 'self'],
  attn2: ['attn', 'cross'],
  self_attn: ['attn', 'self'],
  self_attention: ['attn', 'self'],
  cross_attn: ['attn', 'cross'],
  cross_attention: ['attn', 'cross'],
  query_key_value: ['qkv'],
  in_proj: ['qkv'],
  scale_shift_table: ['mod'],
  feed_forward: ['ffn'],
  proj_out: ['out'],
  final_layer: ['out'],
  norm_out: ['out', 'norm'],
  conv_out: ['out', 'conv'],
  conv_in: ['patch', 'conv'],
  proj_in: ['patch']
})

/** Single-word synonyms (after splitting a segment on `_`). */
const WORD_SYNONYMS = lookupTable<string>({
  query: 'q',
  wq: 'q',
  key: 'k',
  wk: 'k',
  value: 'v',
  wv: 'v',
  o: 'out',
  wo: 'out',
  head: 'out',
  final: 'out',
  output: 'out',
  wqkv: 'qkv',
  ff: 'ffn',
  mlp: 'ffn',
  feedforward: 'ffn',
  ln: 'norm',
  layernorm: 'norm',
  rmsnorm: 'norm',
  groupnorm: 'norm',
  attention: 'attn',
  embedding: 'emb',
  embeddings: 'emb',
  embedder: 'emb',
  embed: 'emb',
  modulation: 'mod',
  adaln: 'mod',
  timestep: 'time',
  projection: 'proj',
  temb: 'time',
  t: 'time',
  txt: 'text',
  caption: 'text',
  context: 'text',
  y: 'text',
  x: 'patch',
  patchify: 'patch',
  image: 'img',
  crs: 'cross',
  added: 'add'
})

/** Words that carry little meaning on their own (a Linear is a Linear): kept only as a weak tie-breaker. */
const FILLER = new Set([
  'to',
  'proj',
  'linear',
  'lin',
  'net',
  'layer',
  'layers',
  'module',
  'fc',
  'w',
  'dense',
  'condition',
  'cond',
  'pre',
  'blocks',
  'block',
  'op'
])

/** Words naming an attention module: a `proj` directly under one is the attention output projection. */
const ATTENTION_CONTEXT = 'attn'

/** The fused-projection words and the parts they stand for, in the row order every known converter uses. */
export const FUSED_PARTS = lookupTable<string[]>({ qkv: ['q', 'k', 'v'], kv: ['k', 'v'] })

/** The role words: what a projection or norm is for. Two modules with different roles never pair on names. */
export const ROLE_TOKENS = new Set(['q', 'k', 'v', 'out', 'qkv', 'kv', 'mod', 'norm', 'emb', 'ffn', 'patch'])

export interface ModuleTokens {
  /** Canonical non-filler tokens (set semantics, sorted). */
  core: string[]
  /** Filler tokens, kept for tie-breaking. */
  filler: string[]
  /** `core` joined: equal strings mean "the same role after synonym normalisation". */
  canon: string
}

function splitWord(word: string): string[] {
  if (/^\d+$/.test(word)) return [ORDINAL_PREFIX + String(Number(word))]
  // Trailing digits become an ordinal: fc1 -> fc #1, linear_1 -> linear #1, norm3 -> norm #3, w2 -> w #2.
  const m = /^([a-z]+?)(\d+)$/.exec(word)
  if (m && !SEGMENT_SYNONYMS[word]) return [m[1], ORDINAL_PREFIX + String(Number(m[2]))]
  return [word]
}

/**
 * Canonical tokens for a module path inside a block (or at top level). `ordinalOf` turns a numeric segment into its
 * rank among numbered siblings (1-based), or undefined when the number should be dropped (an only child such as
 * `to_out.0` or `adaLN_modulation.1`).
 */
export function moduleTokens(
  path: string,
  ordinalOf: (parent: string, n: number) => number | undefined
): ModuleTokens {
  const core = new Set<string>()
  const filler = new Set<string>()
  const segments = path === '' ? [] : path.split('.')
  let parent = ''
  let previousWasAttention = false
  for (const rawSegment of segments) {
    const segment = rawSegment.toLowerCase()
    const here = parent
    parent = parent === '' ? rawSegment : `${parent}.${rawSegment}`
    if (/^\d+$/.test(segment)) {
      const ordinal = ordinalOf(here, Number(segment))
      if (ordinal !== undefined) core.add(ORDINAL_PREFIX + String(ordinal))
      previousWasAttention = false
      continue
    }
    const whole = SEGMENT_SYNONYMS[segment]
    if (whole) {
      for (const t of whole) core.add(t)
      previousWasAttention = whole.includes(ATTENTION_CONTEXT)
      continue
    }
    let segmentIsAttention = false
    const words = segment.split('_').filter((w) => w !== '')
    const expanded: string[] = []
    for (const word of words) expanded.push(...splitWord(word))
    // query_key_value-like spellings inside one segment ("q_k_v", "to_qkv") are caught by the q+k+v rule below.
    for (const word of expanded) {
      if (word.startsWith(ORDINAL_PREFIX)) {
        core.add(word)
        continue
      }
      const synonym = WORD_SYNONYMS[word] ?? word
      if (synonym === 'proj' && previousWasAttention && words.length === 1) {
        core.add('out')
      } else if (FILLER.has(synonym)) {
        filler.add(synonym)
      } else {
        core.add(synonym)
      }
      if (synonym === ATTENTION_CONTEXT) segmentIsAttention = true
    }
    previousWasAttention = segmentIsAttention
  }
  if (core.has('q') && core.has('k') && core.has('v')) {
    core.delete('q')
    core.delete('k')
    core.delete('v')
    core.add('qkv')
  }
  const coreList = [...core].sort()
  return { core: coreList, filler: [...filler].sort(), canon: coreList.join(' ') }
}

/** Weighted Jaccard similarity of two token sets: core tokens weigh 1, fillers 0.25. In [0, 1]. */
export function tokenSimilarity(a: ModuleTokens, b: ModuleTokens): number {
  let inter = 0
  let union = 0
  const coreB = new Set(b.core)
  for (const t of a.core) {
    if (coreB.has(t)) inter += 1
    union += 1
  }
  for (const t of b.core) if (!a.core.includes(t)) union += 1
  const fillerB = new Set(b.filler)
  for (const t of a.filler) {
    if (fillerB.has(t)) inter += 0.25
    union += 0.25
  }
  for (const t of b.filler) if (!a.filler.includes(t)) union += 0.25
  return union === 0 ? 1 : inter / union
}

/** True when every core token of `small` is in `big` (one name refines the other: attn.q_norm vs self_attn.q_norm). */
export function isCoreSubset(small: ModuleTokens, big: ModuleTokens): boolean {
  if (small.core.length === 0) return false
  const set = new Set(big.core)
  return small.core.every((t) => set.has(t))
}

/** True when the two token sets share a role word (both are norms, both are `q`, ...). */
export function sharesRole(a: ModuleTokens, b: ModuleTokens): boolean {
  const set = new Set(b.core)
  return a.core.some((t) => ROLE_TOKENS.has(t) && set.has(t))
}

/** True when the two token sets name different roles (q vs k, norm vs out): such a pair is never a rename. */
export function rolesConflict(a: ModuleTokens, b: ModuleTokens): boolean {
  const ra = a.core.filter((t) => ROLE_TOKENS.has(t) && t !== 'ffn' && t !== 'emb')
  const rb = b.core.filter((t) => ROLE_TOKENS.has(t) && t !== 'ffn' && t !== 'emb')
  if (ra.length === 0 || rb.length === 0) return false
  const qkvA = ra.filter((t) => t === 'q' || t === 'k' || t === 'v' || t === 'qkv' || t === 'kv')
  const qkvB = rb.filter((t) => t === 'q' || t === 'k' || t === 'v' || t === 'qkv' || t === 'kv')
  if (qkvA.length > 0 && qkvB.length > 0 && !qkvA.some((t) => qkvB.includes(t))) return true
  return false
}

/** The fused word of a module (qkv or kv) and its parts, if its name says it is fused. */
export function fusedParts(tokens: ModuleTokens): { word: string; parts: string[] } | undefined {
  for (const word of ['qkv', 'kv']) {
    const parts = FUSED_PARTS[word]
    if (parts && tokens.core.includes(word)) return { word, parts }
  }
  return undefined
}

/**
 * Core tokens as words for a mapping reason: `emb text (1st numbered)` rather than the set `{#1, emb, text}`.
 * Ordinals are positions among numbered siblings (ffn.0 / ffn.2 are the 1st / 2nd numbered).
 */
export function describeTokens(t: ModuleTokens): string {
  const words = t.core.filter((w) => !w.startsWith(ORDINAL_PREFIX))
  const ordinals = t.core.filter((w) => w.startsWith(ORDINAL_PREFIX)).map((w) => ordinal(w.slice(1)))
  const text = words.length > 0 ? words.join(' ') : '(no role words)'
  return ordinals.length > 0 ? `${text} (${ordinals.join(', ')} numbered)` : text
}

function ordinal(n: string): string {
  const tens = Number(n) % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][Number(n) % 10] ?? 'th')
  return `${n}${suffix}`
}
