/** Layers outside aligned units placed through the modules other links already join. */
import type { LayerLink } from './match.js'
import type { Layer } from './model.js'
import { conflict, parentOf } from './layer-roles.js'

/** The module a layer sits in, by its name as stored (`vector_in` for `vector_in.out_layer`); '' at the top. */
function moduleOf(l: Layer): string {
  return parentOf(l.relName)
}

/**
 * Outside aligned units: modules that high links already join one to one (`vector_in` ~
 * `time_text_embed.text_embedder`, through their only [H, 768] layers) hold the same layers, so a layer left in
 * one whose shape is the only one of its kind left in the other is that one (`out_layer` ~ `linear_2`).
 */
export function matchWithinModules(
  links: readonly LayerLink[],
  restA: readonly Layer[],
  restB: readonly Layer[]
): { links: LayerLink[]; restA: Layer[]; restB: Layer[] } {
  const toB = new Map<string, Set<string>>()
  const toA = new Map<string, Set<string>>()
  for (const l of links) {
    if (l.confidence !== 'high') continue
    const ma = moduleOf(l.a)
    const mb = moduleOf(l.b)
    if (ma === '' || mb === '') continue
    let sb = toB.get(ma)
    if (!sb) toB.set(ma, (sb = new Set()))
    sb.add(mb)
    let sa = toA.get(mb)
    if (!sa) toA.set(mb, (sa = new Set()))
    sa.add(ma)
  }
  const partner = new Map<string, string>()
  for (const [ma, sb] of toB) {
    if (sb.size !== 1) continue
    const [mb] = sb
    if (toA.get(mb!)?.size === 1) partner.set(ma, mb!)
  }
  if (partner.size === 0) return { links: [], restA: [...restA], restB: [...restB] }
  // Per module pair and shape, the layers left on each side.
  const cells = new Map<string, { a: Layer[]; b: Layer[] }>()
  const wanted = new Set(partner.values())
  for (const l of restA) {
    const mb = partner.get(moduleOf(l))
    if (mb === undefined) continue
    const key = `${moduleOf(l)}\u0000${mb}\u0000${l.sig}`
    let c = cells.get(key)
    if (!c) cells.set(key, (c = { a: [], b: [] }))
    c.a.push(l)
  }
  const owner = new Map<string, string>()
  for (const [ma, mb] of partner) owner.set(mb, ma)
  for (const l of restB) {
    const mb = moduleOf(l)
    if (!wanted.has(mb)) continue
    const c = cells.get(`${owner.get(mb)!}\u0000${mb}\u0000${l.sig}`)
    if (c) c.b.push(l)
  }
  const out: LayerLink[] = []
  const used = new Set<Layer>()
  for (const c of cells.values()) {
    if (c.a.length !== 1 || c.b.length !== 1 || conflict(c.a[0]!, c.b[0]!)) continue
    const [a, b] = [c.a[0]!, c.b[0]!]
    const shape = a.sig.split('x').map(Number)
    out.push({
      a,
      b,
      confidence: 'high',
      evidence: [
        { kind: 'same-module', modules: [moduleOf(a), moduleOf(b)] },
        { kind: 'unique-shape', shape }
      ]
    })
    used.add(a)
    used.add(b)
  }
  return { links: out, restA: restA.filter((l) => !used.has(l)), restB: restB.filter((l) => !used.has(l)) }
}
