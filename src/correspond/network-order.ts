/**
 * Equal-shaped layers that names cannot separate, placed by where they sit in the network: by section (down /
 * mid / up) and by one numbered series on each side, the k-th of one the k-th of the other.
 */
import type { Evidence, LinkConfidence } from './types.js'
import type { Layer } from './model.js'
import { compareOrder, sectionOf } from './units.js'
import { conflict, push } from './layer-roles.js'

function sectionOfLayer(l: Layer): number | undefined {
  return sectionOf(l.path.split('.'))
}

function compareNet(x: Layer, y: Layer): number {
  return compareOrder(x.net, y.net)
}

export function pairBySection(
  left: Set<Layer>,
  right: Set<Layer>,
  shape: number[],
  link: (a: Layer, b: Layer, c: LinkConfidence, ev: Evidence[]) => void
): void {
  if (left.size === 0 || left.size !== right.size) return
  const group = (pool: Set<Layer>): Map<number, Layer[]> | undefined => {
    const m = new Map<number, Layer[]>()
    for (const l of pool) {
      const s = sectionOfLayer(l)
      if (s === undefined) return undefined
      push(m, s, l)
    }
    return m
  }
  const ga = group(left)
  const gb = group(right)
  if (!ga || !gb || ga.size !== gb.size) return
  for (const [s, la] of ga) if ((gb.get(s)?.length ?? -1) !== la.length) return
  for (const [s, la] of ga) linkInOrder(la, gb.get(s)!, 'section', shape, left, right, link)
}

/**
 * As many candidates on both sides, not every one placed by a section word (a ControlNet's `zero_convs.N` beside
 * its `middle_block_out`): a section that holds exactly one candidate on each side pairs those two (`mid_block`
 * and `middle_block_out` both say the middle), and the rest is left to the series pass.
 */
export function pairLoneSections(
  left: Set<Layer>,
  right: Set<Layer>,
  shape: number[],
  link: (a: Layer, b: Layer, c: LinkConfidence, ev: Evidence[]) => void
): void {
  if (left.size < 2 || left.size !== right.size) return
  const group = (pool: Set<Layer>): Map<number, Layer[]> => {
    const m = new Map<number, Layer[]>()
    for (const l of pool) {
      const s = sectionOfLayer(l)
      if (s !== undefined) push(m, s, l)
    }
    return m
  }
  const ga = group(left)
  const gb = group(right)
  for (const [s, la] of ga) {
    const lb = gb.get(s)
    if (la.length !== 1 || lb?.length !== 1 || conflict(la[0]!, lb[0]!)) continue
    linkInOrder(la, lb, 'section', shape, left, right, link)
  }
}

/**
 * Links the k-th layer of `la` with the k-th of `lb` in network order (both lists the same length), high, with the
 * ordering that justified it as evidence; linked layers leave their pools.
 */
function linkInOrder(
  la: Layer[],
  lb: Layer[],
  role: 'section' | 'series',
  shape: number[],
  left: Set<Layer>,
  right: Set<Layer>,
  link: (a: Layer, b: Layer, c: LinkConfidence, ev: Evidence[]) => void
): void {
  la.sort(compareNet)
  lb.sort(compareNet)
  la.forEach((a, k) => {
    const b = lb[k]!
    if (conflict(a, b)) return
    link(a, b, 'high', [
      { kind: 'role-order', role, rank: k },
      { kind: 'unique-shape', shape }
    ])
    left.delete(a)
    right.delete(b)
  })
}

/** The words before a layer's first index (`control_model.zero_convs`), or undefined without an index. */
function seriesOfLayer(l: Layer): string | undefined {
  const words = l.path.split('.')
  const i = words.findIndex((w) => /^\d+$/.test(w))
  return i <= 0 ? undefined : words.slice(0, i).join('.')
}

export function pairBySeries(
  left: Set<Layer>,
  right: Set<Layer>,
  shape: number[],
  link: (a: Layer, b: Layer, c: LinkConfidence, ev: Evidence[]) => void
): void {
  if (left.size < 2 || left.size !== right.size) return
  const one = (pool: Set<Layer>): boolean => {
    const names = new Set([...pool].map(seriesOfLayer))
    return names.size === 1 && !names.has(undefined)
  }
  if (!one(left) || !one(right)) return
  // Each its own member of the series: layers of one block (same index) are not told apart by it.
  const distinct = (pool: Set<Layer>): boolean => {
    const idx = [...pool].map((l) => l.path.split('.').find((w) => /^\d+$/.test(w)))
    return new Set(idx).size === pool.size
  }
  if (!distinct(left) || !distinct(right)) return
  linkInOrder([...left], [...right], 'series', shape, left, right, link)
}
