/** What the matching passes ask of a layer's role: its stream, contradictions, parent module. */
import type { Layer } from './model.js'

export function streamOf(l: Layer): string {
  return l.role.stream ?? 'main'
}

/** Roles that contradict each other: q vs k, a norm vs a projection, main vs context stream. */
export function conflict(x: Layer, y: Layer): boolean {
  const rx = x.role.role
  const ry = y.role.role
  // Streams contradict only when both names mark one: a name without a qualifier says nothing about it.
  if (x.role.stream !== undefined && y.role.stream !== undefined && x.role.stream !== y.role.stream)
    return true
  // Projections of different sublayers (self vs cross attention, attention vs FFN) are different layers.
  const sx = x.role.sublayer
  const sy = y.role.sublayer
  if (rx !== 'norm' && ry !== 'norm' && sx !== undefined && sy !== undefined && sx !== sy) return true
  if (rx === 'other' || ry === 'other') return false
  if (rx === ry) return false
  const ffn = (r: string): boolean => r.startsWith('ffn-')
  if (ffn(rx) && ffn(ry)) return false
  // `embed` is a weak word (an embedder holds linears, norms, ...); it contradicts only another role's strong word.
  if (rx === 'embed' || ry === 'embed') return false
  return true
}

export function parentOf(rel: string): string {
  const i = rel.lastIndexOf('.')
  return i < 0 ? '' : rel.slice(0, i)
}

export function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}
