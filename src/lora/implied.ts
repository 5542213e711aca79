/**
 * The base tensors a LoRA module implies, as tensor specs in the LoRA's own naming: `<path>.weight` with the shape
 * [out, in(, kh, kw)] its factors multiply to (up rows x down columns for LoRA), `<path>.bias` when it carries a bias
 * delta, the bare parameter for a modulation delta. These are what the correspondence engine matches against the
 * base: the resolver never looks a name up itself.
 */
import { flat } from '../names/tokens.js'
import { rowNumel } from '../util/numel.js'
import type { TensorSpec } from './correspondence.js'
import { lokrFactorDims } from './shapes.js'
import type { LoraModule, TensorRole } from './types.js'

// Index loops in this file: each function runs once or twice per module (analysis, resolution), mostly
// interpreted, where a closure or a for-of step allocates.
function shapeOf(m: LoraModule, role: TensorRole): readonly number[] | undefined {
  const tensors = m.tensors
  for (let i = 0; i < tensors.length; i++) if (tensors[i]!.role === role) return tensors[i]!.tensor.shape
  return undefined
}

/** The weight shape a module's factors give, or [] when they do not say (IA3 vectors, OFT, unknown tensors). */
export function impliedWeightShape(m: LoraModule): number[] {
  switch (m.algorithm) {
    case 'lora': {
      const down = shapeOf(m, 'down')
      if (!down || down.length < 2) return []
      // The up blocks' rows summed, else up's rows.
      let blocks = 0
      let blockRows = 0
      for (let i = 0; i < m.tensors.length; i++) {
        const t = m.tensors[i]!
        if (t.role !== 'up-block') continue
        blocks++
        blockRows += t.tensor.shape[0] ?? 0
      }
      const out = blocks > 0 ? blockRows : shapeOf(m, 'up')?.[0]
      if (out === undefined) return []
      // With a Tucker mid the kernel lives in mid ([r, r, kh, kw]); down is [r, in, 1, 1].
      const mid = shapeOf(m, 'mid')
      if (mid) return [out, down[1]!, ...mid.slice(2)]
      return down.length === 2 ? [out, down[1]!] : [out, ...down.slice(1)]
    }
    case 'loha': {
      const w1a = shapeOf(m, 'hada_w1_a')
      const w1b = shapeOf(m, 'hada_w1_b')
      if (!w1a || !w1b) return []
      return shapeOf(m, 'hada_t1') ? [w1a[1] ?? 0, w1b[1] ?? 0] : [w1a[0] ?? 0, rowNumel(w1b)]
    }
    case 'lokr': {
      const dims = lokrFactorDims(m)
      return dims ? [dims.a * dims.b, dims.c * dims.d] : []
    }
    case 'full': {
      const diff = shapeOf(m, 'diff') ?? shapeOf(m, 'diff-modulation') ?? shapeOf(m, 'set-weight')
      return diff ? [...diff] : []
    }
    case 'norm': {
      const w = shapeOf(m, 'norm-weight')
      return w ? [...w] : []
    }
    default:
      return []
  }
}

/** True when the module patches only a bias (a lone `.diff_b`). */
export function biasOnly(m: LoraModule): boolean {
  for (let i = 0; i < m.tensors.length; i++) if (m.tensors[i]!.role !== 'diff-bias') return false
  return m.tensors.length > 0
}

/** True when the module patches a bare parameter (`blocks.N.modulation` from a lightx2v `diff_m`). */
export function patchesParameter(m: LoraModule): boolean {
  return shapeOf(m, 'diff-modulation') !== undefined
}

export interface ImpliedTensors {
  /** The weight (or bare parameter) the module patches; absent for a bias-only delta. */
  weight?: TensorSpec
  /** The bias a `.diff_b` patches. */
  bias?: TensorSpec
}

/** The tensors one module implies, named in the LoRA's naming (its path, kohya underscores kept). */
export function impliedTensors(m: LoraModule): ImpliedTensors {
  const out: ImpliedTensors = {}
  if (!biasOnly(m)) {
    out.weight = {
      // Flat: the name is a Map key of the resolution and the engine (see flat).
      name: patchesParameter(m) ? m.path : flat(`${m.path}.weight`),
      shape: impliedWeightShape(m)
    }
  }
  const diffB = shapeOf(m, 'diff-bias')
  if (diffB) out.bias = { name: flat(`${m.path}.bias`), shape: [...diffB] }
  // The module's block is its path's (groupModules reads it; a module without one has none).
  if (m.block !== undefined) {
    if (out.weight) out.weight.block = m.block
    if (out.bias) out.bias.block = m.block
  }
  return out
}
