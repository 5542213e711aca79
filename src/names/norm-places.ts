/** Where each norm of a block sits, from the places the names give and the sublayers the block has. */
import type { NormPlace, Sublayer } from './roles.js'

/**
 * Places of the norms of one block with the given sublayers in order. A place is a number: X's index for "before
 * X", X's index + 0.5 for "after X" when the block also names the norm before the next sublayer (sandwich norms),
 * else the next index (Llama's `post_attention_layernorm` is the norm before the FFN). Norms named only by a number
 * (`norm1`, `norm2`) take the free "before" places in order, then the free "after" places.
 */
export function normPositions(
  places: readonly (NormPlace | undefined)[],
  sublayers: readonly Sublayer[]
): (number | undefined)[] {
  const explicitBefore = new Set<number>()
  for (const p of places) {
    if (p?.first) explicitBefore.add(0)
    if (p?.before !== undefined && sublayers.includes(p.before))
      explicitBefore.add(sublayers.indexOf(p.before))
  }
  const out = places.map((p): number | undefined => {
    if (!p) return undefined
    if (p.first) return 0
    if (p.nth !== undefined) return undefined
    const x = p.before ?? p.after
    if (x === undefined) return undefined
    const i = sublayers.indexOf(x)
    if (i < 0) return undefined
    if (p.before !== undefined) return i
    return explicitBefore.has(i + 1) ? i + 0.5 : i + 1
  })
  const taken = new Set(out.filter((v): v is number => v !== undefined))
  const free: number[] = []
  for (let i = 0; i < sublayers.length; i++) if (!taken.has(i)) free.push(i)
  for (let i = 0; i < sublayers.length; i++) if (!taken.has(i + 0.5)) free.push(i + 0.5)
  const nth = places
    .map((p, k) => [p?.nth, k] as const)
    .filter((x): x is readonly [number, number] => x[0] !== undefined)
    .sort((x, y) => x[0] - y[0])
  nth.forEach(([, k], r) => {
    out[k] = sublayers.length === 0 ? r : free[r]
  })
  return out
}
