/**
 * Tokenization of tensor keys. A key splits on `.` AND `_` into words, so kohya's underscore names
 * (`lora_unet_down_blocks_0_attentions_0`) and dotted names (`down_blocks.0.attentions.0`) give the same words;
 * a word made of digits only is an index. Words split further into subwords at camel-case and letter/digit
 * boundaries (`attn1` -> attn 1, `mlpC` -> mlp c, `w1q` -> w 1 q) for role reading.
 */
import { lookupTable } from '../lookup.js'

/** Parameter leaves and their canonical names (RMSNorm `scale` and LayerNorm `gamma` are weights). */
export const LEAF_NAMES = lookupTable<string>({
  weight: 'weight',
  bias: 'bias',
  scale: 'weight',
  gamma: 'weight',
  // transformers' LayerScale parameter (Dinov2LayerScale.lambda1), timm's `gamma`
  lambda1: 'weight',
  beta: 'bias',
  running_mean: 'running_mean',
  running_var: 'running_var',
  num_batches_tracked: 'num_batches_tracked',
  weight_int8: 'weight_int8',
  weight_scale: 'weight_scale'
})

/**
 * Leaves of a layer's weight and bias, for counting parameters by kind. Besides `weight` / `bias`: the fused
 * leaves below, int8 `weight_int8`, GPTQ `qweight`, Flax `kernel`. A norm's `scale` / `gamma` / `beta` are not
 * among them: norms are counted as norms.
 */
export const WEIGHT_LEAVES: ReadonlySet<string> = new Set([
  'weight',
  'in_proj_weight',
  'weight_int8',
  'qweight',
  'kernel'
])
export const BIAS_LEAVES: ReadonlySet<string> = new Set(['bias', 'in_proj_bias'])

/** nn.MultiheadAttention stores its fused projection as leaves of the attention module itself. */
const FUSED_LEAVES = lookupTable<[string, string]>({
  in_proj_weight: ['in_proj', 'weight'],
  in_proj_bias: ['in_proj', 'bias']
})

export interface LeafSplit {
  /** The layer (module path) the tensor belongs to; for a bare parameter (`scale_shift_table`) the key itself. */
  layer: string
  /** Canonical leaf (`weight`, `bias`, ...), or `` for a bare parameter. */
  leaf: string
}

/** Splits a (dotted) key into its layer and leaf. */
export function splitLeaf(key: string): LeafSplit {
  const dot = key.lastIndexOf('.')
  const last = dot < 0 ? key : key.slice(dot + 1)
  const head = dot < 0 ? '' : key.slice(0, dot)
  const fused = FUSED_LEAVES[last]
  if (fused) return { layer: head === '' ? fused[0] : `${head}.${fused[0]}`, leaf: fused[1] }
  const leaf = LEAF_NAMES[last]
  if (leaf !== undefined && head !== '') return { layer: head, leaf }
  return { layer: key, leaf: '' }
}

/** One word of a key: a piece between `.` and `_`. Digits-only words are indices. */
export interface Word {
  text: string
  index?: number
}

/** Longest digit run read as an index; longer runs stay text (a hostile key cannot make huge numbers). */
const MAX_INDEX_DIGITS = 9

export function keyWords(path: string): Word[] {
  const out: Word[] = []
  // An index loop over native splits: this runs for every key of both sides, interpreted (the CLI runs without
  // V8's optimizing compilers), where a for-of step allocates an iterator result and a character loop costs more.
  const pieces = path.split(/[._]/)
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    if (piece === '') continue
    if (piece.length <= MAX_INDEX_DIGITS && /^\d+$/.test(piece))
      out.push({ text: piece, index: Number(piece) })
    else out.push({ text: piece })
  }
  return out
}

/**
 * The string itself, flattened: a name built by concatenation (`${path}.weight`) is a rope, and every Map or Set
 * that takes it as a key hashes it; V8 hashes a rope far more slowly than it flattens one, and reading a character
 * flattens it (see kohyaForm). Names made once and looked up many times go through this.
 */
export function flat(s: string): string {
  s.charCodeAt(0)
  return s
}

/** Subwords of one word, lower-cased: camel-case and letter/digit boundaries (`adaLN` -> ada ln, `w1q` -> w 1 q). */
export function subwords(word: string): string[] {
  const parts = word
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
  return parts.filter((p) => p !== '')
}

/** The words of a path as one lower-cased string joined by `.`: kohya and dotted spellings give the same text. */
export function tokenKey(path: string): string {
  return keyWords(path)
    .map((w) => w.text.toLowerCase())
    .join('.')
}
