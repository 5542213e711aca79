/**
 * Tensors that store a quantized weight's scale or state beside it, not a layer of the network: ComfyUI's scaled
 * FP8 checkpoints (`<layer>.scale_weight`, and a `scaled_fp8` marker tensor; the newer form `<layer>.weight_scale`,
 * `<layer>.input_scale`, `<layer>.comfy_quant`), block-wise FP8 (`<layer>.weight_scale_inv`), bitsandbytes
 * (`<layer>.weight.absmax`, `.quant_map`, `.quant_state.bitsandbytes__nf4`, int8's `<layer>.SCB`). A Wan2.1 file in
 * ComfyUI's scaled FP8 holds 300 such scales beside its 825 tensors: counted as keys, they made the same network a
 * 73% key overlap, under the gate's default threshold.
 *
 * bitsandbytes 4-bit weights are stored packed (`[out * in / 2, 1]`, U8): their state is set aside, their packed
 * shapes are not unpacked (the original shape is in the state's data, which headers-only reading does not read).
 *
 * A tensor is a companion only beside its weight: `<layer>.weight` is in the same file and stored in an 8-bit or
 * smaller type (FP8, FP6, FP4, I8, U8). The marker `scaled_fp8` (an empty FP8 tensor) counts only beside such
 * scales. Nothing here is read by name alone.
 */

/** Leaves that hold a quantized weight's scales beside it (`<layer>.<leaf>`). */
const SCALE_LEAVES: ReadonlySet<string> = new Set([
  'scale_weight',
  'scale_input',
  'weight_scale',
  'weight_scale_2',
  'weight_scale_inv',
  'input_scale',
  'comfy_quant',
  'SCB'
])

/** bitsandbytes' state stored under the weight itself (`<layer>.weight.<state>`). */
const WEIGHT_STATE =
  /^(?:absmax|quant_map|nested_absmax|nested_quant_map|quant_state\.bitsandbytes__(?:nf4|fp4))$/

/** Storage types of 8 bits or fewer: a weight stored so has its scale beside it. */
const LOW_PRECISION = /^(?:F8_|F6_|F4$|I8$|U8$|I4$|U4$)/

/** The top-level marker of ComfyUI's scaled FP8 checkpoints (its dtype says which FP8). */
const SCALED_FP8_MARKER = /(?:^|\.)scaled_fp8$/

export interface QuantizationCompanions {
  /** The companion tensors' names. */
  names: Set<string>
  /** Weights that have companions. */
  weights: number
  /** The companion leaves met, most frequent first (`scale_weight`, `weight_scale`, `absmax`, ...). */
  leaves: string[]
  /** The scheme in words (`ComfyUI scaled FP8 with a per-tensor scale_weight`), or undefined when there is none. */
  scheme?: string
}

/** The quantization companions among a checkpoint's tensors (none for most files). */
export function quantizationCompanions(
  tensors: readonly { name: string; dtype: string; shape: readonly number[] }[]
): QuantizationCompanions {
  const lowWeights = new Set<string>()
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    if (t.name.endsWith('.weight') && LOW_PRECISION.test(t.dtype)) lowWeights.add(t.name)
  }
  const names = new Set<string>()
  const weights = new Set<string>()
  const leafCounts = new Map<string, number>()
  if (lowWeights.size === 0) return { names, weights: 0, leaves: [] }
  const markers: string[] = []
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    const name = t.name
    if (SCALED_FP8_MARKER.test(name)) {
      if (t.dtype.startsWith('F8_') && t.shape.reduce((a, b) => a * b, 1) <= 1) markers.push(name)
      continue
    }
    let weight: string | undefined
    let leaf: string | undefined
    const at = name.lastIndexOf('.')
    if (at > 0 && SCALE_LEAVES.has(name.slice(at + 1))) {
      weight = `${name.slice(0, at)}.weight`
      leaf = name.slice(at + 1)
    } else {
      const w = name.indexOf('.weight.')
      if (w > 0 && WEIGHT_STATE.test(name.slice(w + '.weight.'.length))) {
        weight = name.slice(0, w + '.weight'.length)
        leaf = name.slice(w + '.weight.'.length).replace(/\..*$/, '')
      }
    }
    if (weight === undefined || leaf === undefined || !lowWeights.has(weight)) continue
    names.add(name)
    weights.add(weight)
    leafCounts.set(leaf, (leafCounts.get(leaf) ?? 0) + 1)
  }
  if (names.size > 0) for (const m of markers) names.add(m)
  const leaves = [...leafCounts.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([l]) => l)
  const out: QuantizationCompanions = { names, weights: weights.size, leaves }
  const scheme = schemeOf(leafCounts, markers.length > 0)
  if (scheme !== undefined) out.scheme = scheme
  return out
}

function schemeOf(leaves: ReadonlyMap<string, number>, marker: boolean): string | undefined {
  if (leaves.size === 0) return undefined
  if (marker || leaves.has('scale_weight')) return 'ComfyUI scaled FP8 with a per-tensor scale_weight'
  if (leaves.has('comfy_quant') || leaves.has('weight_scale')) return 'FP8 with a per-tensor weight_scale'
  if (leaves.has('weight_scale_inv')) return 'block-wise FP8 with weight_scale_inv'
  if (leaves.has('SCB')) return 'bitsandbytes int8 with SCB'
  if (leaves.has('absmax') || leaves.has('quant_state'))
    return 'bitsandbytes 4-bit with absmax and quant_state'
  return undefined
}
