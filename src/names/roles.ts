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
  | 'head'
  | 'other'

/** Rows of a fused projection, in the row order every known converter uses. */
export const FUSED_ROLE_PARTS: Readonly<Partial<Record<Role, Role[]>>> = {
  qkv: ['q', 'k', 'v'],
  kv: ['k', 'v']
}

export type Stream = 'main' | 'context' | 'time'

export interface NormPlace {
  before?: Sublayer
  after?: Sublayer
  first?: boolean
  nth?: number
}
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
  /**
   * For norms, the place the name gives: before a sublayer (`attention_norm`, `ffn_norm`), after one
   * (`post_attention_layernorm`), first (`input_layernorm`), or the n-th (1-based, `norm2`). The number it
   * stands for depends on which sublayers the block has (see `normPosition`).
   */
  place?: NormPlace
  /** The lower-cased subwords the reading was taken from. */
  words: string[]
}

const Q = new Set(['q', 'query', 'wq', 'xq'])
const K = new Set(['k', 'key', 'wk', 'xk'])
const V = new Set(['v', 'value', 'wv', 'xv'])
const QKV = new Set(['qkv', 'wqkv'])
const KV = new Set(['kv', 'wkv'])
const OUT = new Set(['o', 'wo', 'out', 'output', 'dense'])
const NORM = new Set(['norm', 'ln', 'layernorm', 'rmsnorm', 'groupnorm'])
const MOD = new Set(['mod', 'modulation', 'modulations', 'adaln', 'shift', 'modc', 'modx'])
// `DenseReluDense`: HF T5's feed-forward module, whatever its activation (T5, mT5, UMT5, Flan-T5), as one word
// where a path was lower-cased whole (else three: denseReluDenseAt).
const FFN = new Set(['ff', 'ffn', 'mlp', 'feedforward', 'densereludense'])
const EMBED = new Set(['embed', 'embedding', 'embeddings', 'embedder', 'embd', 'emb'])
const ATTN = new Set(['attn', 'attention', 'attentions', 'selfattention'])
// `EncDecAttention`: HF T5's decoder attending to the encoder.
const CROSS = new Set(['cross', 'encdecattention'])
const CONTEXT = new Set([
  'context',
  'ctx',
  'txt',
  'text',
  'added',
  'add',
  'y',
  'c',
  'encoder',
  'caption',
  'cond'
])
const MAIN = new Set(['x', 'img', 'image', 'main'])
/** The timestep conditioning path: a qualifier of top-level embedders (`t_embedder`, `time_embedding`). */
const TIME = new Set(['t', 'time', 'timestep', 'timesteps', 'temb'])
/**
 * Stream words that mark an attention's extra k/v input beside its own (Wan I2V's image branch `k_img`, diffusers'
 * added context `add_k_proj`): one of each stream above, which the LoRA reports label `k_img` / `v_img` alike.
 */
export const EXTRA_KV_STREAM: ReadonlySet<string> = new Set(['img', 'add'])
/** Main-stream words that name an image input (`k_img`, `image_embedder`), unlike MMDiT's one-letter `x`. */
export const IMAGE_WORDS: ReadonlySet<string> = new Set(['img', 'image'])
/** True for a word that marks a stream (`img`, `txt`, `context`, `added`, one-letter `x` / `y` / `c`). */
export function isStreamWord(w: string): boolean {
  return CONTEXT.has(w) || MAIN.has(w)
}

/** True for a word that names a feed-forward unit (`ffn`, `ff`, `mlp`, `feedforward`). */
export function isFfnWord(w: string): boolean {
  return FFN.has(w)
}

/** Words that order layers of one role. */
const ORDER_WORDS = lookupTable<number>({
  in: 0,
  input: 0,
  pre: 0,
  // Wan VACE's `before_proj` / `after_proj` (diffusers: `proj_in` / `proj_out`)
  before: 0,
  gate: 0,
  up: 1,
  out: 2,
  output: 2,
  post: 3,
  after: 3
})

/** Role of a fused query_key_value / in_proj / to_qkv spelled over several words. */
function fusedRole(words: readonly string[]): Role | undefined {
  const s = new Set(words)
  // `in_proj` (nn.MultiheadAttention, alone or under its attention) is the fused input projection; `proj_in` (a
  // transformer's input linear) and `img_in.proj` (an input embedding) are not.
  const n = words.length
  const inProj =
    n >= 2 &&
    words[n - 2] === 'in' &&
    words[n - 1] === 'proj' &&
    (n === 2 || (n === 3 && ATTN.has(words[0]!)))
  if (words.some((w) => QKV.has(w)) || inProj) return 'qkv'
  if ((s.has('query') || s.has('q')) && (s.has('key') || s.has('k')) && (s.has('value') || s.has('v')))
    return 'qkv'
  if (words.some((w) => KV.has(w)) || ((s.has('key') || s.has('k')) && (s.has('value') || s.has('v'))))
    return 'kv'
  return undefined
}

/**
 * Reads the role of a layer from its path inside its block (or from the model's top, for top-level layers).
 * `isVector`: the layer's weight is 1-D (a norm or a bias-only table), which settles `norm` vs `mod` words.
 * `top`: the layer sits at the model's top level, outside any block.
 */
export function layerRole(path: string, isVector = false, top = false, context = ''): LayerRole {
  const words: string[] = []
  let stream: Stream | undefined
  const segments = path.split('.')
  // At the top the module chain is long (`adaln_single.emb.timestep_embedder.linear_1`): the role is read
  // from the last two named segments, the qualifiers (streams, time) from all of them.
  const named = segments.map((x, i) => (/^\d+$/.test(x) ? -1 : i)).filter((i) => i >= 0)
  const roleFrom = top && named.length > 2 ? named[named.length - 2]! : 0
  const roleWords: string[] = []
  for (const [si, segment] of segments.entries()) {
    const segWords: string[] = []
    // Where a word's subwords end a camel-case word (`mlpC` -> mlp c): the mark ends its word there as it would
    // end a dotted segment, which kohya's underscored names (`mlpC_c_fc1`, one segment) are not split into.
    const endsCamel = new Set<number>()
    for (const w of keyWords(segment)) {
      if (w.index !== undefined) segWords.push(w.text)
      else {
        const parts = subwords(w.text)
        segWords.push(...parts)
        if (parts.length >= 2) endsCamel.add(segWords.length - 1)
      }
    }
    segWords.forEach((w, i) => {
      // A one-letter stream mark (`qkv_y`, `mlpC`, `mod_x`) counts only at the end of its segment or of its
      // camel-case word: `c_fc1` uses the letter for something else. At the top, DiT embedders put it first
      // (`x_embedder`, `y_embedder`, `t_embedder`).
      const last = i === segWords.length - 1 || /^\d+$/.test(segWords[i + 1]!) || endsCamel.has(i)
      if (w.length === 1 && !last && !(top && i === 0)) return
      if (CONTEXT.has(w)) stream = 'context'
      else if (MAIN.has(w)) stream = 'main'
      else if (top && TIME.has(w)) stream = 'time'
    })
    words.push(...segWords)
    if (si >= roleFrom) roleWords.push(...segWords)
  }
  const result: LayerRole = { role: 'other', words }
  if (stream !== undefined) result.stream = stream
  return readRole(result, roleWords, isVector, top, context)
}

function readRole(
  result: LayerRole,
  words: string[],
  isVector: boolean,
  top: boolean,
  context: string
): LayerRole {
  const set = new Set(words)

  // Sublayers: attn1/attn2, self/cross, ffn.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (ATTN.has(w)) {
      const next = words[i + 1]
      // T5's `EncDecAttention` (read as enc, dec, attention): the decoder attending to the encoder
      const encDec = words[i - 1] === 'dec' && words[i - 2] === 'enc'
      result.sublayer = next === '2' || set.has('cross') || encDec ? 'cross' : 'attn'
    } else if (CROSS.has(w)) result.sublayer = 'cross'
    else if (FFN.has(w) || (w === 'feed' && words[i + 1] === 'forward') || denseReluDenseAt(words, i))
      result.sublayer = 'ffn'
  }
  // Inside an attention unit (`mid.attn_1`, `attentions.0`) the layers belong to attention unless they say
  // otherwise.
  if (result.sublayer === undefined && context !== '') {
    const ctx = context.split('.').flatMap((w) => subwords(w))
    if (ctx.some((w) => ATTN.has(w))) result.sublayer = 'attn'
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
  // An input projection (`proj_in`) is no output projection, whatever unit it sits in.
  else if (
    result.sublayer !== undefined &&
    !set.has('in') &&
    (words.some((w) => OUT.has(w)) || set.has('proj'))
  )
    result.role = 'o'
  else if (words.some((w) => EMBED.has(w))) result.role = 'embed'
  else if (set.has('head') || (words.length === 1 && (set.has('output') || set.has('out'))))
    result.role = 'head'
  // At the model's top, a projection named final / out is the output head (`proj_out`, `final_linear`,
  // `final_layer.linear`); inside a block the same words name the block's own output projection.
  else if (top && (set.has('final') || set.has('out')) && (set.has('proj') || set.has('linear')))
    result.role = 'head'

  result.ordinal = ordinalOf(words)
  if (result.role === 'norm') result.place = placeOf(words)
  return result
}

/** HF T5's `DenseReluDense` read as words (`dense`, `relu`, `dense`) from `i`. */
function denseReluDenseAt(words: readonly string[], i: number): boolean {
  return words[i] === 'dense' && words[i + 1] === 'relu' && words[i + 2] === 'dense'
}

function ffnRole(words: readonly string[]): Role {
  const s = new Set(words)
  // T5's `wi` / `wo` (weight in / out); a gated one numbers its two inputs, `wi_0` the one through the activation
  // (the gate: Wan's `gate`, GGUF's `ffn_gate`) and `wi_1` the linear one (`fc1`, `ffn_up`).
  const wi = words.indexOf('wi')
  if (wi >= 0) return words[wi + 1] === '0' ? 'ffn-gate' : words[wi + 1] === '1' ? 'ffn-up' : 'ffn-in'
  if (s.has('wo')) return 'ffn-out'
  if (s.has('gate')) return 'ffn-gate'
  if (s.has('up')) return 'ffn-up'
  if (s.has('down') || s.has('out') || s.has('output') || (s.has('proj') && s.has('c'))) return 'ffn-out'
  if (words.includes('h') && words.includes('4h'))
    return words.indexOf('h') < words.indexOf('4h') ? 'ffn-in' : 'ffn-out'
  return 'ffn-in'
}

/**
 * The ordering value a name gives: order word (in < out, gate < up) then the last number (`norm2` 2, `fc1` 1,
 * `in_layers.0` 0, `out_layers.0` 2000).
 */
function ordinalOf(words: readonly string[]): number | undefined {
  let word: number | undefined
  let num: number | undefined
  for (const w of words) {
    if (/^\d{1,6}$/.test(w)) num = Number(w)
    else {
      const o = ORDER_WORDS[w]
      if (o !== undefined && word === undefined) word = o
    }
  }
  if (word === undefined && num === undefined) return undefined
  return (word ?? 0) * 1000 + (num ?? 0)
}

function placeOf(words: readonly string[]): NormPlace | undefined {
  const s = new Set(words)
  const post = s.has('post')
  const sub: Sublayer | undefined = words.some((w) => CROSS.has(w))
    ? 'cross'
    : words.some((w) => ATTN.has(w) || w === 'self')
      ? 'attn'
      : words.some((w, i) => FFN.has(w) || (w === 'feed' && words[i + 1] === 'forward'))
        ? 'ffn'
        : undefined
  // Sandwich norms name both sides of one sublayer: `attention_norm1` before attention, `attention_norm2` after.
  const normAt0 = words.findIndex((w) => NORM.has(w) || w.endsWith('norm'))
  const sandwich = normAt0 >= 0 && words[normAt0 + 1] === '2' && !post
  if (sub !== undefined) return post || sandwich ? { after: sub } : { before: sub }
  if (s.has('input') || s.has('pre')) return { first: true }
  // `norm2`: a number written into the norm's own word, 1-based.
  const nums = words.filter((w) => /^\d{1,3}$/.test(w))
  const normAt = words.findIndex((w) => NORM.has(w) || w.endsWith('norm'))
  if (nums.length === 1 && normAt >= 0 && words[normAt + 1] === nums[0] && Number(nums[0]) >= 1)
    return { nth: Number(nums[0]) }
  return undefined
}

/** What an attention module's own projections and q/k norms are, from the name of the layer alone. */
export type AttentionPart = 'q' | 'k' | 'v' | 'o' | 'qkv' | 'kv' | 'q-norm' | 'k-norm'
/** Roles of an attention module's own layers: projections and q/k norms. */
export const ATTENTION_ROLES: ReadonlySet<Role> = new Set<Role>([
  'q',
  'k',
  'v',
  'o',
  'qkv',
  'kv',
  'q-norm',
  'k-norm'
])
/**
 * Attention module names that say which attention they are by name alone: self (`self_attn`, `attn1`, T5's
 * `SelfAttention`), cross (`cross_attn`, `attn2`, `encoder_attn` and T5's `EncDecAttention`: a decoder attending to
 * its encoder) and one stream of a dual-stream joint attention (`img_attn`, `txt_attn`). Whole names: the same
 * words inside longer names say less.
 */
export const SELF_ATTENTION_NAMES: ReadonlySet<string> = new Set([
  'self_attn',
  'self_attention',
  'selfattn',
  'selfattention',
  'attn1'
])
export const CROSS_ATTENTION_NAMES: ReadonlySet<string> = new Set([
  'cross_attn',
  'cross_attention',
  'crossattn',
  'attn2',
  'encoder_attn',
  'encdecattention'
])
export const STREAM_ATTENTION_NAMES: ReadonlySet<string> = new Set(['img_attn', 'txt_attn'])
/** The per-stream halves of a joint block (SD3 MMDiT `x_block`, `context_block`): their `attn` is one stream. */
export const STREAM_BLOCK_NAMES: ReadonlySet<string> = new Set(['x_block', 'context_block'])

/** Roles of a feed-forward unit's linears. */
export const FFN_ROLES: ReadonlySet<Role> = new Set<Role>(['ffn-in', 'ffn-gate', 'ffn-up', 'ffn-out'])
/** Roles of normalization layers (q/k norms included). */
export const NORM_ROLES: ReadonlySet<Role> = new Set<Role>(['norm', 'q-norm', 'k-norm'])

/**
 * The part of an attention module one layer name (the last segment of its path: `to_q`, `add_k_proj`, `k_img`,
 * `norm_added_q`, `query_key_value`) stands for, read with the shared words as if inside an attention module, with
 * its stream: `context` for the added (text) stream of joint attention, `main` for an image branch (`k_img`).
 * A layer named after the attention itself (GPT-2 `c_attn`) is its fused input projection.
 */
export function attentionPart(name: string): AttentionPartOf | undefined {
  const r = layerRole(name, false, false, 'attn')
  if (ATTENTION_ROLES.has(r.role)) {
    const out: AttentionPartOf = { part: r.role as AttentionPart, words: r.words }
    if (r.stream !== undefined) out.stream = r.stream
    return out
  }
  const named = r.words.filter((w) => w.length > 1)
  if (named.length === 1 && ATTN.has(named[0]!) && r.words.length === 2)
    return { part: 'qkv', words: r.words }
  return undefined
}

export interface AttentionPartOf {
  part: AttentionPart
  stream?: Stream
  /** The lower-cased subwords of the name. */
  words: string[]
}

/** Input layers named by what they are rather than by an `emb` word: GPT-2 token / position tables, patchify. */
const INPUT_LAYERS: ReadonlySet<string> = new Set(['wte', 'wpe', 'patchify_proj', 'caption_projection'])
/** `img_in`, `txt_in`, `conv_in`, `proj_in`: a module whose name ends in `in` takes the model's input. */
const INPUT_SUFFIX = /(?:^|_)in$/

/**
 * True for the name of a model-level module that embeds an input: an `emb` word (`patch_embedding`, `t_embedder`,
 * `label_emb`, `token_embd`), an input layer (`img_in`, `conv_in`, `proj_in`), a token / position table or a
 * patchify / caption projection. Meant for top-level modules; inside a block the same words name other things.
 */
export function isEmbeddingName(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.includes('emb') || INPUT_SUFFIX.test(lower) || INPUT_LAYERS.has(lower)
}
