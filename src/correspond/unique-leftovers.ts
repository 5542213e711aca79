/**
 * The last pass over what every other pass left: a matrix shape held by exactly one leftover layer on each side,
 * whose names read as different roles. The shape passes leave such a pair out, since contradicting roles are better
 * unmatched than wrong while a fused layer or a copy group of the other side may still take either. Once those
 * passes are done, the pair is proposed at medium confidence, its evidence saying that the roles differ: diffusers'
 * DiT names its final modulation `proj_out_1` (read as the output head) where the original has
 * `final_layer.adaLN_modulation.1`. Medium links are shown for a person to verify; they count in no overlap.
 */
import type { LayerLink } from './match.js'
import type { Layer } from './model.js'

function bySig(layers: readonly Layer[]): Map<string, Layer[]> {
  const out = new Map<string, Layer[]>()
  for (const l of layers) {
    const list = out.get(l.sig)
    if (list) list.push(l)
    else out.set(l.sig, [l])
  }
  return out
}

export function matchUniqueLeftovers(restA: readonly Layer[], restB: readonly Layer[]): LayerLink[] {
  if (restA.length === 0 || restB.length === 0) return []
  const sigsB = bySig(restB)
  const links: LayerLink[] = []
  for (const [sig, la] of bySig(restA)) {
    const lb = sigsB.get(sig)
    if (la.length !== 1 || lb?.length !== 1) continue
    const a = la[0]!
    const b = lb[0]!
    const shape = [...a.main.shape]
    if (shape.filter((d) => d > 1).length < 2) continue
    if (a.role.role === 'other' || b.role.role === 'other') continue
    links.push({
      a,
      b,
      confidence: 'medium',
      evidence: [
        { kind: 'unique-shape', shape },
        { kind: 'roles-differ', roles: [a.role.role, b.role.role] }
      ]
    })
  }
  return links
}
