/**
 * Unit alignment. LDM `input_blocks.N.M` and diffusers `down_blocks.i.{resnets,attentions,downsamplers}.j`
 * interleave differently, so there is no one global sequence to align: units are grouped by signature class
 * (parameter count and trailing dims, which renames, splits and reshapes keep) and the k-th unit of a class on A
 * pairs with the k-th on B in network order. A series whose blocks are numbered the other way round (a decoder's
 * levels counted from the bottom on one side, from the top on the other) is detected from the sequence of its
 * blocks' signatures and read in reverse.
 */
import type { Side, Unit } from './model.js'

export interface UnitPair {
  a: Unit
  b: Unit
  /** False when the class had different counts on both sides: the pairing is by order alone. */
  exact: boolean
}

function compareOrder(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
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
      // The first index's place in the order key: after the section ranks of the words before it.
      let at = 0
      for (let w = 0; w < first; w++) if (u.order.length > at && isSection(words[w]!)) at++
      const v = Number(words[first])
      u.order = [...u.order]
      u.order[at] = mirror.get(v) ?? v
    }
  }
}

const SECTION_WORDS = new Set(['encoder', 'enc', 'down', 'input', 'mid', 'middle', 'decoder', 'dec', 'up', 'output'])
function isSection(w: string): boolean {
  return SECTION_WORDS.has(w)
}

export function alignUnits(a: Side, b: Side): UnitPair[] {
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
  const pairs: UnitPair[] = []
  for (const c of classes.values()) {
    if (c.b.length === 0) continue
    c.a.sort(byOrder)
    c.b.sort(byOrder)
    const exact = c.a.length === c.b.length
    const n = Math.min(c.a.length, c.b.length)
    for (let k = 0; k < n; k++) pairs.push({ a: c.a[k]!, b: c.b[k]!, exact })
  }
  return pairs
}
