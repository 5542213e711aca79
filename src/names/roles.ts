/**
 * Layer roles: what a layer is for, read from the words of its path (docs/reference/key-formats.md). One generic
 * vocabulary of the words naming conventions use for the same role (q/to_q/q_proj/query/wq, attn1/self_attn,
 * ff/mlp/feed_forward, ...). No per-model rename table: the words are general, the reading is structural.
 */
import { lookupTable } from '../lookup.js'
import { keyWords, subwords } from './tokens.js'

export type Role =
  | 'q'
  | 'k'
  | 'v'
  | 'o'
  | 'qkv'
  | 'kv'
  | 'q-norm'
  | 'k-norm'
  | 'norm'
  | 'mod'
  | 'ffn-in'
  | 'ffn-gate'
  | 'ffn-up'
  | 'ffn-out'
  | 'embed'
  | 'other'

/** Rows of a fused projection, in the row order every known converter uses. */
export const FUSED_ROLE_PARTS: Readonly<Partial<Record<Role, Role[]>>> = { qkv: ['q', 'k', 'v'], kv: ['k', 'v'] }

export type Stream = 'main' | 'context'
export type Sublayer = 'attn' | 'cross' | 'ffn'

export interface LayerRole {
  role: Role
  stream?: Stream
  /** The sublayer the layer belongs to or (for a norm) stands before: attn, cross attention, ffn. */
  sublayer?: Sublayer
  /**
   * Order among layers of the same role (norm1 < norm2, fc1 < fc2, in < out, gate < up, Sequential index), or
   * undefined when the name gives none.
   */
  ordinal?: number
  /** For norms: the place in the block (0 = before the first sublayer, 1 = before the second, ...). */
  position?: number
  /** The lower-cased subwords the reading was taken from. */
  words: string[]
}

const Q = new Set(['q', 'query', 'wq', 'xq'])
const K = new Set(['k', 'key', 'wk', 'xk'])
const V = new Set(['v', 'value', 'wv', 'xv'])
const QKV = new Set(['qkv', 'wqkv'])
const KV = new Set(['kv', 'wkv'])
const OUT = new Set(['o', 'wo', 'out', 'dense'])
const NORM = new Set(['norm', 'ln', 'layernorm', 'rmsnorm', 'groupnorm'])
const MOD = new Set(['mod', 'modulation', 'modulations', 'adaln', 'shift', 'modc', 'modx'])
const FFN = new Set(['ff', 'ffn', 'mlp', 'feedforward'])
const EMBED = new Set(['embed', 'embedding', 'embeddings', 'embedder', 'embd', 'emb'])
const ATTN = new Set(['attn', 'attention', 'attentions'])
const CROSS = new Set(['cross'])
const CONTEXT = new Set(['context', 'ctx', 'txt', 'text', 'added', 'add', 'y', 'c', 'encoder', 'caption'])
const MAIN = new Set(['x', 'img', 'image', 'main'])
/** Words that order layers of one role. */
const ORDER_WORDS = lookupTable<number>({ in: 0, input: 0, pre: 0, gate: 0, up: 1, out: 2, output: 2, post: 3 })

/** Role of a fused query_key_value / in_proj / to_qkv spelled over several words. */
function fusedRole(words: readonly string[]): Role | undefined {
  const s = new Set(words)
  if (words.some((w) => QKV.has(w)) || (s.has('in') && s.has('proj') && words.length <= 3)) return 'qkv'
  if ((s.has('query') || s.has('q')) && (s.has('key') || s.has('k')) && (s.has('value') || s.has('v')))
    return 'qkv'
  if (words.some((w) => KV.has(w)) || ((s.has('key') || s.has('k')) && (s.has('value') || s.has('v'))))
    return 'kv'
  return undefined
}

/**
 * Reads the role of a layer from its path inside its block (or from the model's top, for top-level layers).
 * `isVector`: the layer's weight is 1-D (a norm or a bias-only table), which settles `norm` vs `mod` words.
 */
export function layerRole(path: string, isVector = false): LayerRole {
  const raw = keyWords(path)
  const words: string[] = []
  for (const w of raw) {
    if (w.index !== undefined) words.push(w.text)
    else words.push(...subwords(w.text))
  }
  const set = new Set(words)
  const result: LayerRole = { role: 'other', words }

  // Streams: the last stream word wins (`ff_context`, `norm1_context`, `qkv_y`, `add_q_proj`, `mlpC`).
  for (const w of words) {
    if (CONTEXT.has(w)) result.stream = 'context'
    else if (MAIN.has(w)) result.stream = 'main'
  }

  // Sublayers: attn1/attn2, self/cross, ffn.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (ATTN.has(w)) {
      const next = words[i + 1]
      result.sublayer = next === '2' || set.has('cross') ? 'cross' : 'attn'
    } else if (CROSS.has(w)) result.sublayer = 'cross'
    else if (FFN.has(w)) result.sublayer = 'ffn'
  }

  const hasNorm = words.some((w) => NORM.has(w) || w.endsWith('norm') || w.endsWith('layernorm'))
  const qNorm = hasNorm && words.some((w) => Q.has(w))
  const kNorm = hasNorm && words.some((w) => K.has(w))
  const fused = fusedRole(words)
  const hasMod = words.some((w) => MOD.has(w))
  if (qNorm && !kNorm) result.role = 'q-norm'
  else if (kNorm && !qNorm) result.role = 'k-norm'
  else if (hasMod || (hasNorm && !isVector && (set.has('linear') || set.has('lin') || set.has('emb'))))
    result.role = 'mod'
  else if (hasNorm) result.role = 'norm'
  else if (fused) result.role = fused
  else if (words.some((w) => Q.has(w))) result.role = 'q'
  else if (words.some((w) => K.has(w))) result.role = 'k'
  else if (words.some((w) => V.has(w))) result.role = 'v'
  else if (result.sublayer === 'ffn' || set.has('fc') || set.has('gate') || set.has('up') || set.has('down'))
    result.role = ffnRole(words)
  else if (result.sublayer !== undefined && (words.some((w) => OUT.has(w)) || set.has('proj')))
    result.role = 'o'
  else if (words.some((w) => EMBED.has(w))) result.role = 'embed'

  result.ordinal = ordinalOf(words)
  if (result.role === 'norm') result.position = normPosition(words, result.ordinal)
  return result
}

function ffnRole(words: readonly string[]): Role {
  const s = new Set(words)
  if (s.has('gate')) return 'ffn-gate'
  if (s.has('up')) return 'ffn-up'
  if (s.has('down') || s.has('out') || s.has('output') || (s.has('proj') && s.has('c'))) return 'ffn-out'
  if (words.includes('h') && words.includes('4h')) return words.indexOf('h') < words.indexOf('4h') ? 'ffn-in' : 'ffn-out'
  return 'ffn-in'
}

/** The ordering value a name gives: the last number or order word (`norm2` 2, `fc1` 1, `in_layers.0` 0, `out` 2). */
function ordinalOf(words: readonly string[]): number | undefined {
  let value: number | undefined
  for (const w of words) {
    if (/^\d{1,6}$/.test(w)) value = Number(w)
    else {
      const o = ORDER_WORDS[w]
      if (o !== undefined && value === undefined) value = o * 1000
    }
  }
  return value
}

/**
 * Place of a norm relative to the sublayers (0 = before the first): `attention_norm` / `input_layernorm` /
 * `norm1` stand before attention; `ffn_norm` / `post_attention_layernorm` / `norm2` (in a block without cross
 * attention) before the FFN. Named after a sublayer: before it; `post` + sublayer: before the next one.
 */
function normPosition(words: readonly string[], ordinal: number | undefined): number | undefined {
  const s = new Set(words)
  const post = s.has('post')
  if (words.some((w) => ATTN.has(w) || w === 'self')) return post ? 1 : 0
  if (words.some((w) => CROSS.has(w))) return post ? 2 : 1
  if (words.some((w) => FFN.has(w))) return post ? 3 : 2
  if (s.has('input') || s.has('pre')) return 0
  if (ordinal !== undefined && ordinal < 1000) return ordinal
  return undefined
}
