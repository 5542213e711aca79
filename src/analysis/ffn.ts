/**
 * Feed-forward modules from names and shapes: plain MLP (up [f, d], down [d, f]), gated with separate gate/up
 * projections (SwiGLU `w1/w3` + `w2`), or gated with both fused in one [2f, d] linear (GEGLU `ff.net.0.proj`).
 */
import type { ModuleEntry } from './attention.js'
import { isFfnWord, layerRole } from '../names/roles.js'
import { splitLeaf } from './keys.js'
import type { FfnKind, FfnModule } from './types.js'

/**
 * Which of two input projections of a gated FFN is the gate, from the shared role words (names/roles.ts): a name
 * that says gate or up settles it (`gate_proj` / `up_proj`, GGUF `ffn_gate`); otherwise the lower-numbered one
 * (`w1` before `w3`, T5 `wi_0` before `wi_1`), as the SwiGLU / GEGLU reference code orders them.
 */
function gateOf(a: string, b: string): 0 | 1 {
  const ra = layerRole(a)
  const rb = layerRole(b)
  if (ra.role === 'ffn-gate' || rb.role === 'ffn-up') return 0
  if (rb.role === 'ffn-gate' || ra.role === 'ffn-up') return 1
  return (rb.ordinal ?? Infinity) < (ra.ordinal ?? Infinity) ? 1 : 0
}

/** The FFN container of a module path: the path up to its first FFN-named segment (`ffn`, `img_mlp`, `ff_context`). */
function ffnContainer(module: string): string | null {
  const segs = module.split('.')
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i].toLowerCase()
    if (seg === 'feed_forward') return segs.slice(0, i + 1).join('.')
    const tokens = seg.split('_')
    if (!tokens.some(isFfnWord)) continue
    // GGUF style `ffn_gate` / `ffn_up` / `ffn_down` as the last segment: the container is the shared `ffn` part.
    if (i === segs.length - 1 && tokens.length === 2 && isFfnWord(tokens[0]) && i > 0) {
      return [...segs.slice(0, i), tokens[0]].join('.')
    }
    return segs.slice(0, i + 1).join('.')
  }
  return null
}

/** A weight as [out, in]: 2-D linears and 1x1 convolutions. */
function asMatrix(e: ModuleEntry): [number, number] | null {
  if (e.shape.length === 2) return [e.shape[0], e.shape[1]]
  if (e.shape.length > 2 && e.shape.slice(2).every((d) => d === 1)) return [e.shape[0], e.shape[1]]
  return null
}

export function findFfnModules(
  entries: readonly ModuleEntry[],
  family: string | null,
  blocksHaving: (key: string) => number
): FfnModule[] {
  const containers = new Map<string, { key: string; shape: readonly number[]; m: [number, number] }[]>()
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    const { module, leaf } = splitLeaf(e.key)
    if (leaf !== 'weight') continue
    const m = asMatrix(e)
    if (!m) continue
    const c = ffnContainer(module)
    if (c === null) continue
    const list = containers.get(c)
    if (list) list.push({ key: e.key, shape: e.shape, m })
    else containers.set(c, [{ key: e.key, shape: e.shape, m }])
  }
  const out: FfnModule[] = []
  for (const [path, weights] of containers) {
    const d = weights[0].m[1]
    const ups = weights.filter((w) => w.m[1] === d && w.m[0] !== d)
    const downs = weights.filter((w) => w.m[0] === d && w.m[1] !== d)
    const square = weights.filter((w) => w.m[0] === d && w.m[1] === d)
    let kind: FfnKind = 'unknown'
    let f: number | null = null
    let evidence: string
    const projections: FfnModule['projections'] = []
    const lastName = (key: string) => splitLeaf(splitLeaf(key).module).leaf.toLowerCase()
    const shapes = weights.map((w) => `${w.key} ${JSON.stringify(w.shape)}`).join(', ')
    if (
      ups.length === 2 &&
      downs.length === 1 &&
      ups[0].m[0] === ups[1].m[0] &&
      ups[0].m[0] === downs[0].m[1]
    ) {
      kind = 'gated'
      f = downs[0].m[1]
      // Name the gate when the names tell it (w1 / gate_proj); otherwise the first projection is called the gate.
      const gateIndex = gateOf(lastName(ups[0].key), lastName(ups[1].key))
      projections.push({ role: 'gate', key: ups[gateIndex].key, shape: [...ups[gateIndex].shape] })
      projections.push({ role: 'up', key: ups[1 - gateIndex].key, shape: [...ups[1 - gateIndex].shape] })
      projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] })
      evidence = `two input projections [${f}, ${d}] and one output projection [${d}, ${f}]: ${shapes}`
    } else if (ups.length === 1 && downs.length === 1 && ups[0].m[0] === downs[0].m[1]) {
      kind = 'mlp'
      f = downs[0].m[1]
      projections.push({ role: 'up', key: ups[0].key, shape: [...ups[0].shape] })
      projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] })
      evidence = `up [${f}, ${d}] and down [${d}, ${f}]: ${shapes}`
    } else if (ups.length === 1 && downs.length === 1 && ups[0].m[0] === 2 * downs[0].m[1]) {
      kind = 'gated-fused'
      f = downs[0].m[1]
      projections.push({ role: 'gate_up', key: ups[0].key, shape: [...ups[0].shape] })
      projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] })
      evidence = `input projection [2 x ${f}, ${d}] (gate and up fused) and down [${d}, ${f}]: ${shapes}`
    } else if (ups.length === 1 && downs.length === 0 && square.length === 0) {
      kind = 'mlp'
      f = ups[0].m[0]
      projections.push({ role: 'up', key: ups[0].key, shape: [...ups[0].shape] })
      evidence = `up [${f}, ${d}] with no separate down projection (fused into another output): ${shapes}`
    } else if (weights.length === 2 && square.length === 2) {
      kind = 'mlp'
      f = d
      projections.push({ role: 'up', key: weights[0].key, shape: [...weights[0].shape] })
      projections.push({ role: 'down', key: weights[1].key, shape: [...weights[1].shape] })
      evidence = `two square projections [${d}, ${d}]: ${shapes}`
    } else {
      evidence = `projections do not form a known FFN pattern: ${shapes}`
    }
    out.push({
      family,
      path,
      blocks: family ? blocksHaving(weights[0].key) : 1,
      kind,
      hiddenDim: kind === 'unknown' ? null : d,
      intermediateDim: f,
      projections,
      evidence
    })
  }
  return out
}
