/**
 * Unit alignment. LDM `input_blocks.N.M` and diffusers `down_blocks.i.{resnets,attentions,downsamplers}.j`
 * interleave differently, so there is no one global sequence to align: units are grouped by signature class
 * (parameter count and trailing dims, which renames, splits and reshapes keep) and the k-th unit of a class on A
 * pairs with the k-th on B in network order. A series whose blocks are numbered the other way round (a decoder's
 * levels counted from the bottom on one side, from the top on the other) is detected from the sequence of its
 * blocks' signatures and read in reverse.
 */
import { alignPartialClasses, pairPartialSeries, reversePartialSeries, shapeScore } from './align-partial.js'
import type { Side, Unit } from './model.js'
import { ORDER_SEPARATOR, compareOrder } from './units.js'

export interface UnitPair {
  a: Unit
  b: Unit
  /** False when the class had different counts on both sides: the pairing is by order alone. */
  exact: boolean
}

interface SeriesInfo {
  /** Block index -> the sorted signatures of the units under that block. */
  groups: Map<number, string[]>
}

/** Series (words before the first index) -> its blocks' unit signatures, per first index. */
function seriesOf(side: Side): Map<string, SeriesInfo> {
  const out = new Map<string, SeriesInfo>()
  for (const u of side.units) {
    const words = u.path.split('.')
    const first = words.findIndex((w) => /^\d+$/.test(w))
    if (first < 0) continue
    let s = out.get(u.series)
    if (!s) out.set(u.series, (s = { groups: new Map() }))
    const i = Number(words[first])
    let g = s.groups.get(i)
    if (!g) s.groups.set(i, (g = []))
    g.push(u.sig)
  }
  return out
}

function sequence(s: SeriesInfo): string[] {
  return [...s.groups.entries()].sort((x, y) => x[0] - y[0]).map(([, sigs]) => [...sigs].sort().join(';'))
}

/**
 * Series of A to read in reverse block order: its block sequence equals a series of B's only when reversed.
 * The units' order keys of such a series get their first index mirrored.
 */
function reverseSeries(a: Side, b: Side): void {
  const sa = seriesOf(a)
  const sb = seriesOf(b)
  const seqB = [...sb.values()].map(sequence).filter((s) => s.length >= 2)
  const forward = new Set(seqB.map((s) => s.join('|')))
  for (const [name, info] of sa) {
    const seq = sequence(info)
    if (seq.length < 2) continue
    const fwd = seq.join('|')
    const rev = [...seq].reverse().join('|')
    if (fwd === rev || forward.has(fwd) || !forward.has(rev)) continue
    const indices = [...info.groups.keys()].sort((x, y) => x - y)
    const mirror = new Map<number, number>()
    indices.forEach((v, k) => mirror.set(v, indices[indices.length - 1 - k]!))
    for (const u of a.units) {
      if (u.series !== name) continue
      const words = u.path.split('.')
      const first = words.findIndex((w) => /^\d+$/.test(w))
      // The first index sits right after the section ranks and their separator.
      const at = u.order.indexOf(ORDER_SEPARATOR) + 1
      const v = Number(words[first])
      u.order = [...u.order]
      u.order[at] = mirror.get(v) ?? v
    }
  }
}

export function alignUnits(a: Side, b: Side, partial = false): UnitPair[] {
  const pairs: UnitPair[] = []
  const pairedA = new Set<Unit>()
  const pairedB = new Set<Unit>()
  if (!partial) {
    reverseSeries(a, b)
    const classes = new Map<string, { a: Unit[]; b: Unit[] }>()
    for (const u of a.units) {
      let c = classes.get(u.sig)
      if (!c) classes.set(u.sig, (c = { a: [], b: [] }))
      c.a.push(u)
    }
    for (const u of b.units) {
      const c = classes.get(u.sig)
      if (c) c.b.push(u)
    }
    const byOrder = (x: Unit, y: Unit): number => compareOrder(x.order, y.order) || (x.path < y.path ? -1 : 1)
    for (const c of classes.values()) {
      // Unequal counts: the order cannot tell which units correspond; the series pass below may.
      if (c.b.length === 0 || c.a.length !== c.b.length) continue
      c.a.sort(byOrder)
      c.b.sort(byOrder)
      for (let k = 0; k < c.a.length; k++) {
        pairs.push({ a: c.a[k]!, b: c.b[k]!, exact: true })
        pairedA.add(c.a[k]!)
        pairedB.add(c.b[k]!)
      }
    }
  }
  if (partial) {
    reversePartialSeries(a, b)
    pairs.push(...alignPartialClasses(a, b, pairedA, pairedB))
  }
  const bySeries = alignBySeries(a, b, pairedA, pairedB, partial)
  if (!partial) acceptTruncation(a, b, pairs, bySeries)
  pairs.push(...bySeries)
  return pairs
}

/**
 * One network saved without its last blocks (a text encoder kept to its penultimate layer): when the only blocks
 * left unpaired are the trailing ones of one series, that series' blocks pair index by index with the same
 * signature each, and every other unit of both sides has its counterpart, the pairs are as sure as exact ones.
 * Two networks of other depths differ in more than one tail (HunyuanVideo vs Flux: both block series), or in
 * width (no equal signatures), and stay by index only. The missing tail stays unmatched: its keys are listed as
 * having no counterpart, and the parameter-weighted headline leaves them out.
 */
function acceptTruncation(a: Side, b: Side, exact: readonly UnitPair[], bySeries: UnitPair[]): void {
  const loose = bySeries.filter((p) => !p.exact)
  if (loose.length === 0) return
  const seriesA = loose[0]!.a.series
  const seriesB = loose[0]!.b.series
  if (loose.some((p) => p.a.series !== seriesA || p.b.series !== seriesB || p.a.sig !== p.b.sig)) return
  if (loose.some((p) => p.a.index.includes('.') || p.a.index !== p.b.index)) return
  const paired = new Set<Unit>()
  for (const p of [...exact, ...bySeries]) {
    paired.add(p.a)
    paired.add(p.b)
  }
  const shared = loose.length
  // The unpaired units: only the other side's blocks of that series past the shared ones, on one side alone.
  const tail = (side: Side, series: string): boolean | undefined => {
    const rest = side.units.filter((u) => !paired.has(u))
    if (rest.length === 0) return false
    const all = side.units.filter((u) => u.series === series).map((u) => Number(u.index))
    const ok =
      rest.every((u) => u.series === series && !u.index.includes('.') && Number(u.index) >= shared) &&
      new Set(all).size === all.length &&
      all.every((i) => Number.isInteger(i) && i >= 0 && i < all.length)
    return ok ? true : undefined
  }
  const ta = tail(a, seriesA)
  const tb = tail(b, seriesB)
  if (ta === undefined || tb === undefined || ta === tb) return
  const shorter = ta ? b : a
  const shortSeries = ta ? seriesB : seriesA
  const indices = shorter.units.filter((u) => u.series === shortSeries).map((u) => Number(u.index))
  if (indices.length !== shared || !indices.every((i) => Number.isInteger(i) && i >= 0 && i < shared)) return
  for (let k = 0; k < bySeries.length; k++)
    if (!bySeries[k]!.exact) bySeries[k] = { ...bySeries[k]!, exact: true }
}

function indexKey(u: Unit): string {
  return u.index
}

/**
 * Units the signature classes left: a series of A pairs with the series of B of the same name (kohya and dotted
 * spellings give the same words), or else with the series whose blocks hold the most of its layer shapes; then
 * blocks pair by equal indices. Extra layers on either side (an image branch, a LoRA's subset) stay unmatched.
 */
function alignBySeries(
  a: Side,
  b: Side,
  pairedA: Set<Unit>,
  pairedB: Set<Unit>,
  partial: boolean
): UnitPair[] {
  const group = (side: Side, used: Set<Unit>): Map<string, Map<string, Unit>> => {
    const out = new Map<string, Map<string, Unit>>()
    for (const u of side.units) {
      if (used.has(u)) continue
      const key = `${u.series}|${u.index.split('.').length}`
      let g = out.get(key)
      if (!g) out.set(key, (g = new Map()))
      g.set(indexKey(u), u)
    }
    return out
  }
  const ga = group(a, pairedA)
  const gb = group(b, pairedB)
  const out: UnitPair[] = []
  const usedB = new Set<string>()
  // A whole network against another whose series has other blocks (20 vs 19 double blocks) is not the same
  // network: such pairs are by index only and never reach high confidence. A partial A (a LoRA's layers) is
  // expected to miss blocks.
  const pairSeries = (sa: Map<string, Unit>, sb: Map<string, Unit>): void => {
    const same = partial || (sa.size === sb.size && [...sa.keys()].every((i) => sb.has(i)))
    for (const [idx, ua] of sa) {
      const ub = sb.get(idx)
      if (ub) out.push({ a: ua, b: ub, exact: same })
    }
  }
  for (const [key, sa] of ga) {
    const sb = gb.get(key)
    if (!sb) continue
    usedB.add(key)
    pairSeries(sa, sb)
  }
  if (partial) {
    out.push(...pairPartialSeries(ga, gb, usedB, pairSeries))
    return out
  }
  for (const [key, sa] of ga) {
    if (gb.has(key)) continue
    let best: string | undefined
    let bestScore = 0
    let tie = false
    for (const [kb, sb] of gb) {
      if (usedB.has(kb) || kb.split('|')[1] !== key.split('|')[1]) continue
      // One series' blocks within the other's (a truncated text encoder, a LoRA's subset).
      const within =
        [...sa.keys()].every((i) => sb.has(i)) || (!partial && [...sb.keys()].every((i) => sa.has(i)))
      if (!within) continue
      const score = shapeScore(sa, sb)
      if (score > bestScore) {
        best = kb
        bestScore = score
        tie = false
      } else if (score === bestScore && score > 0) tie = true
    }
    if (best === undefined || tie) continue
    usedB.add(best)
    pairSeries(sa, gb.get(best)!)
  }
  return out
}
