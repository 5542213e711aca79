/**
 * Shape checks of one LoRA module against the base tensor it targets, per algorithm: what a loader would reject
 * with "shape '[out, in]' is invalid for input of size N" or a size-mismatch error, said before loading.
 * Notation: base weight W [out, in, ...kernel]; LoRA down/A [r, in(, kh, kw)], up/B [out, r(, 1, 1)].
 */
import { numel, rowNumel } from '../util/numel.js'
import { SUFFIX } from '../names/adapters.js'
import type { BaseEntry } from './base-index.js'
import type { LoraModule, RowSlice, TensorRole } from './types.js'

export interface ShapeVerdict {
  ok: boolean
  /** What does not fit, e.g. `in-dim 5120 vs 1536`. */
  expected?: string
  /** The LoRA's own in/out dims, when it has them (for cause inference). */
  loraIn?: number
  loraOut?: number
  baseIn?: number
  baseOut?: number
  /** A remark on a fitting module (a shape the check could not fully verify). */
  note?: string
}

function get(m: LoraModule, role: TensorRole): readonly number[] | undefined {
  return m.tensors.find((t) => t.role === role)?.tensor.shape
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}

/** An adapter tensor's name in a message: its suffix without the dot (`.diff_b` -> `diff_b`). */
function leaf(suffix: string): string {
  return suffix.slice(1)
}

/** Compare expected and actual dims; collect the differences. */
function verdict(
  loraIn: number,
  loraOut: number,
  baseIn: number,
  baseOut: number,
  extra: string[] = []
): ShapeVerdict {
  if (loraIn === baseIn && loraOut === baseOut && extra.length === 0)
    return { ok: true, loraIn, loraOut, baseIn, baseOut }
  const problems: string[] = []
  if (loraIn !== baseIn) problems.push(`in-dim ${loraIn} vs ${baseIn}`)
  if (loraOut !== baseOut) problems.push(`out-dim ${loraOut} vs ${baseOut}`)
  problems.push(...extra)
  return problems.length === 0
    ? { ok: true, loraIn, loraOut, baseIn, baseOut }
    : { ok: false, expected: problems.join('; '), loraIn, loraOut, baseIn, baseOut }
}

function checkLora(m: LoraModule, out: number, inFlat: number, W: readonly number[]): ShapeVerdict {
  // One pass over the module's tensors (a plain LoRA has two or three): the first tensor of each role, as `get`
  // finds it, and the up blocks' rows. Runs once per module, mostly interpreted: no closure or array per role.
  let down: readonly number[] | undefined
  let up: readonly number[] | undefined
  let mid: readonly number[] | undefined
  let bias: readonly number[] | undefined
  let dora: readonly number[] | undefined
  let mag: readonly number[] | undefined
  let diffB: readonly number[] | undefined
  let blocks = 0
  let blockRows = 0
  const tensors = m.tensors
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    const shape = t.tensor.shape
    switch (t.role) {
      case 'down':
        down ??= shape
        break
      case 'up':
        up ??= shape
        break
      case 'up-block':
        blocks++
        blockRows += shape[0] ?? 0
        break
      case 'mid':
        mid ??= shape
        break
      case 'up-bias':
        bias ??= shape
        break
      case 'dora-scale':
        dora ??= shape
        break
      case 'magnitude':
        mag ??= shape
        break
      case 'diff-bias':
        diffB ??= shape
        break
    }
  }
  if (!down || (!up && blocks === 0)) return { ok: false, expected: 'incomplete module (down or up missing)' }
  // With a Tucker mid, down is [r, in, 1, 1] and the kernel lives in mid; otherwise down carries in * kernel.
  const loraIn = mid ? (down[1] ?? 0) : rowNumel(down)
  const baseIn = mid ? (W[1] ?? 0) : inFlat
  const loraOut = blocks > 0 ? blockRows : (up![0] ?? 0)
  const extra: string[] = []
  if (bias && bias[0] !== out) extra.push(`${leaf(SUFFIX.peftBBias)} ${fmt(bias)} vs out ${out}`)
  if (dora && !(dora[0] === out || (dora[0] === 1 && dora[1] === W[1]))) {
    extra.push(`${leaf(SUFFIX.doraScale)} ${fmt(dora)} fits neither [${out}, 1] nor [1, ${W[1]}]`)
  }
  if (mag && mag[0] !== out) extra.push(`${leaf(SUFFIX.magnitude)} ${fmt(mag)} vs out ${out}`)
  if (diffB && diffB[0] !== out) extra.push(`${leaf(SUFFIX.diffBias)} ${fmt(diffB)} vs out ${out}`)
  return verdict(loraIn, loraOut, baseIn, out, extra)
}

function checkLoha(m: LoraModule, out: number, inFlat: number, W: readonly number[]): ShapeVerdict {
  const w1a = get(m, 'hada_w1_a')
  const w1b = get(m, 'hada_w1_b')
  const w2a = get(m, 'hada_w2_a')
  const w2b = get(m, 'hada_w2_b')
  if (!w1a || !w1b || !w2a || !w2b) return { ok: false, expected: 'incomplete LoHa module (hada_w1/w2 a/b)' }
  const tucker = get(m, 'hada_t1') !== undefined
  // LyCORIS LoHa: without Tucker w*_a is [out, r] and w*_b [r, in*k]; with Tucker w*_a is [r, out], w*_b [r, in].
  const loraOut = tucker ? (w1a[1] ?? 0) : (w1a[0] ?? 0)
  const loraIn = tucker ? (w1b[1] ?? 0) : rowNumel(w1b)
  const out2 = tucker ? (w2a[1] ?? 0) : (w2a[0] ?? 0)
  const in2 = tucker ? (w2b[1] ?? 0) : rowNumel(w2b)
  const extra = out2 !== loraOut || in2 !== loraIn ? [`hada_w2 [${out2}, ${in2}] differs from hada_w1`] : []
  return verdict(loraIn, loraOut, tucker ? (W[1] ?? 0) : inFlat, out, extra)
}

/**
 * A LoKr module's Kronecker factor sizes: the delta is kron(w1 [a, c], w2 [b, d]), so it is [a*b, c*d] with the
 * kernel folded into d. Each factor is whole (`lokr_w1`) or low-rank (`_a`, `_b`); w2 may be Tucker (w2_a [r, b],
 * w2_b [r, d], t2 [r, r, kh, kw]). Undefined when a factor is missing.
 */
export function lokrFactorDims(m: LoraModule): { a: number; b: number; c: number; d: number } | undefined {
  const w1 = get(m, 'lokr_w1')
  const w1a = get(m, 'lokr_w1_a')
  const w1b = get(m, 'lokr_w1_b')
  const w2 = get(m, 'lokr_w2')
  const w2a = get(m, 'lokr_w2_a')
  const w2b = get(m, 'lokr_w2_b')
  const t2 = get(m, 'lokr_t2')
  const a = w1 ? w1[0] : w1a?.[0]
  const c = w1 ? w1[1] : w1b?.[1]
  let b: number | undefined
  let d: number | undefined
  if (w2) {
    b = w2[0]
    d = rowNumel(w2)
  } else if (t2 && w2a && w2b) {
    b = w2a[1]
    d = (w2b[1] ?? 0) * numel(t2.slice(2))
  } else if (w2a && w2b) {
    b = w2a[0]
    d = rowNumel(w2b)
  }
  if (a === undefined || b === undefined || c === undefined || d === undefined) return undefined
  return { a, b, c, d }
}

function checkLokr(m: LoraModule, out: number, inFlat: number): ShapeVerdict {
  const dims = lokrFactorDims(m)
  if (!dims) return { ok: false, expected: 'incomplete LoKr module (lokr_w1 / lokr_w2 factors)' }
  return verdict(dims.c * dims.d, dims.a * dims.b, inFlat, out)
}

/**
 * The base bias rows a module's `.diff_b` lands on, as the resolution found them: their count (a bias split over
 * q/k/v biases, or the rows of a fused bias, sums the parts), or null when the resolution found no base bias.
 */
export type BiasRows = { rows: number } | null

function checkFull(m: LoraModule, entry: BaseEntry, slice?: RowSlice, bias?: BiasRows): ShapeVerdict {
  const problems: string[] = []
  // The rows the module patches: a slice of a fused base weight, or the whole weight.
  const expected = slice ? [slice.size, ...entry.shape.slice(1)] : entry.shape
  const diff = get(m, 'diff') ?? get(m, 'diff-modulation') ?? get(m, 'set-weight')
  if (diff && fmt(diff) !== fmt(expected))
    problems.push(
      slice
        ? `diff ${fmt(diff)} vs rows ${slice.offset}-${slice.offset + slice.size - 1} of base ${fmt(entry.shape)}`
        : `diff ${fmt(diff)} vs base ${fmt(entry.shape)}`
    )
  const diffB = get(m, 'diff-bias')
  if (diffB) {
    // Without the resolution's word, the entry's own bias (its slice's rows of it).
    const rows =
      bias !== undefined
        ? (bias?.rows ?? undefined)
        : entry.bias
          ? slice
            ? slice.size
            : numel(entry.bias.shape)
          : undefined
    if (rows === undefined) problems.push(`${leaf(SUFFIX.diffBias)} but the base module has no bias`)
    else if (diffB.length !== 1 || diffB[0] !== rows)
      problems.push(`${leaf(SUFFIX.diffBias)} ${fmt(diffB)} vs base bias [${rows}]`)
  }
  return problems.length === 0 ? { ok: true } : { ok: false, expected: problems.join('; ') }
}

/** A bare parameter's name that says it is a weight matrix (`attn.in_proj_weight`). */
const BARE_MATRIX = /(?:^|[._])(?:\w+_)?weight$/

/**
 * Check a module's tensor shapes against the base tensor (or the rows `slice` of it) it targets. `bias`: the base
 * bias rows the resolution found for a `.diff_b` (when absent, the entry's own bias).
 */
export function checkModuleShapes(
  m: LoraModule,
  entry: BaseEntry,
  slice?: RowSlice,
  bias?: BiasRows
): ShapeVerdict {
  const W = entry.shape
  const out = slice ? slice.size : (W[0] ?? 0)
  const inFlat = rowNumel(W)
  // A matrix stored as a bare parameter named `..._weight` (open_clip's `attn.in_proj_weight`) is a weight all the
  // same (the name is read only for a bare parameter).
  if (entry.isParam && m.algorithm !== 'full' && !(W.length >= 2 && BARE_MATRIX.test(entry.path))) {
    return {
      ok: false,
      expected: `${m.algorithm} module on a bare parameter ${fmt(W)}; only a full delta can patch it`
    }
  }
  switch (m.algorithm) {
    case 'lora':
      return checkLora(m, out, inFlat, W)
    case 'loha':
      return checkLoha(m, out, inFlat, W)
    case 'lokr':
      return checkLokr(m, out, inFlat)
    case 'full':
      return checkFull(m, entry, slice, bias)
    case 'ia3': {
      const w = get(m, 'ia3-weight')
      if (!w) return { ok: false, expected: 'IA3 module without its weight vector' }
      const fits = w[0] === out || w[0] === W[1]
      return fits
        ? { ok: true }
        : { ok: false, expected: `IA3 vector ${fmt(w)} fits neither out ${out} nor in ${W[1]}` }
    }
    case 'norm': {
      const w = get(m, 'norm-weight')
      return !w || fmt(w) === fmt(W) ? { ok: true } : { ok: false, expected: `w_norm ${fmt(w)} vs ${fmt(W)}` }
    }
    default:
      return { ok: true, note: `${m.algorithm} shapes not checked` }
  }
}
