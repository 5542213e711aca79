/**
 * Layer matching inside a pair of aligned units (or the two pools of layers outside any aligned unit). Shapes
 * first; equal shapes are decided by the layers' roles, streams and places (never by word overlap); the same
 * relative name with the same shape wins outright. Whatever names cannot separate is paired by order at medium
 * confidence at most, or left unmatched.
 */
import type { Evidence, LinkConfidence } from './types.js'
import { sectionOf, type Layer } from './model.js'

export interface LayerLink {
  a: Layer
  b: Layer
  confidence: LinkConfidence
  evidence: Evidence[]
  ambiguity?: { kind: string; chunks: string[] }
}

const SUBLAYER_ORDER: Record<string, number> = { attn: 0, cross: 1, ffn: 2 }

function streamOf(l: Layer): string {
  return l.role.stream ?? 'main'
}

/** Roles that contradict each other: q vs k, a norm vs a projection, main vs context stream. */
function conflict(x: Layer, y: Layer): boolean {
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

/** What identifies a layer inside its unit beyond its shape: role, stream, sublayer and place. */
function descriptor(l: Layer, coarse = false): string | undefined {
  const r = l.role
  if (r.role === 'other') return undefined
  if (r.role === 'norm') {
    if (l.position === undefined) return undefined
    return `norm|${streamOf(l)}|${l.position}`
  }
  if (r.role === 'ffn-in' || r.role === 'ffn-gate' || r.role === 'ffn-up') return undefined
  return coarse ? `${r.role}|${streamOf(l)}` : `${r.role}|${streamOf(l)}|${r.sublayer ?? ''}`
}

/** Sort value for ordering layers of one role: sublayer, then ordinal. Undefined when the name gives none. */
function rankValue(l: Layer): number | undefined {
  const r = l.role
  const sub = r.sublayer === undefined ? 0 : (SUBLAYER_ORDER[r.sublayer] ?? 0)
  if (r.role === 'norm') return l.position ?? (r.ordinal === undefined ? undefined : 1e3 + r.ordinal)
  if (r.role === 'ffn-gate') return sub * 1e6 + 0
  if (r.role === 'ffn-up') return sub * 1e6 + 1
  if (r.ordinal === undefined)
    return r.role.startsWith('ffn-') || r.sublayer !== undefined ? undefined : undefined
  return sub * 1e6 + r.ordinal
}

function familyOf(l: Layer): string {
  const r = l.role.role
  // The FFN's gate and up projections are one family: their order is what tells them apart.
  if (r === 'ffn-gate' || r === 'ffn-up' || r === 'ffn-in') return `ffn-in|${streamOf(l)}`
  return `${r}|${streamOf(l)}`
}

/**
 * Matches two pools of layers. `strict`: the pools are not aligned units (top-level leftovers), so a unique
 * shape alone is not enough when the role words are silent on one side.
 */
export function matchLayers(
  poolA: readonly Layer[],
  poolB: readonly Layer[],
  strict: boolean,
  base: Evidence[]
): { links: LayerLink[]; restA: Layer[]; restB: Layer[] } {
  const links: LayerLink[] = []
  const usedA = new Set<Layer>()
  const usedB = new Set<Layer>()
  const link = (
    a: Layer,
    b: Layer,
    confidence: LinkConfidence,
    ev: Evidence[],
    ambiguity?: { kind: string; chunks: string[] }
  ): void => {
    usedA.add(a)
    usedB.add(b)
    links.push({ a, b, confidence, evidence: [...base, ...ev], ...(ambiguity ? { ambiguity } : {}) })
  }

  // 1. The same relative name and shape. Outside aligned units the whole path: the layers of blocks nobody
  // aligned share their relative names (`ln_1` of every block) and say nothing about which block is which.
  const nameOf = (l: Layer): string => (strict ? l.path : l.rel)
  const byRel = new Map<string, Layer>()
  for (const l of poolB) byRel.set(nameOf(l), l)
  for (const a of poolA) {
    const b = byRel.get(nameOf(a))
    if (b && b.sig === a.sig && !usedB.has(b)) link(a, b, 'high', [{ kind: 'same-name' }])
  }

  // 2. Shape classes.
  const classes = new Map<string, { a: Layer[]; b: Layer[] }>()
  for (const a of poolA) {
    if (usedA.has(a)) continue
    let c = classes.get(a.sig)
    if (!c) classes.set(a.sig, (c = { a: [], b: [] }))
    c.a.push(a)
  }
  for (const b of poolB) {
    if (usedB.has(b)) continue
    const c = classes.get(b.sig)
    if (c) c.b.push(b)
  }
  for (const [sig, c] of classes) {
    if (c.b.length === 0) continue
    const shape = sig.split('x').map(Number)
    if (c.a.length === 1 && c.b.length === 1) {
      const [a, b] = [c.a[0]!, c.b[0]!]
      const silent = a.role.role === 'other' || b.role.role === 'other'
      // Outside aligned blocks a unique matrix shape is strong evidence; a unique vector (a norm, a bias-only
      // table) is not, unless the names agree.
      const matrix = shape.filter((d) => d > 1).length >= 2
      // Contradicting roles: better unmatched (a fused layer of the other side may hold it) than wrong.
      if (conflict(a, b)) continue
      const ok = !(strict && silent && !matrix && !sameTail(a, b))
      link(a, b, ok ? 'high' : 'medium', [{ kind: 'unique-shape', shape }])
      continue
    }
    matchEqualShapes(c.a, c.b, shape, link, strict)
  }
  return {
    links,
    restA: poolA.filter((l) => !usedA.has(l)),
    restB: poolB.filter((l) => !usedB.has(l))
  }
}

/** Last word of both relative paths equal (`proj` and `proj`): a weak but real name agreement. */
function sameTail(a: Layer, b: Layer): boolean {
  const wa = a.role.words
  const wb = b.role.words
  return wa.length > 0 && wa[wa.length - 1] === wb[wb.length - 1]
}

function matchEqualShapes(
  as: Layer[],
  bs: Layer[],
  shape: number[],
  link: (
    a: Layer,
    b: Layer,
    c: LinkConfidence,
    ev: Evidence[],
    ambiguity?: { kind: string; chunks: string[] }
  ) => void,
  strict = false
): void {
  const left = new Set(as)
  const right = new Set(bs)
  // a. Equal descriptors, unique on both sides: first with the sublayer, then without it where one side's
  // name does not say the sublayer (`norm.query_norm` vs `attn.norm_q`).
  for (const coarse of [false, true]) {
    const da = new Map<string, Layer[]>()
    const db = new Map<string, Layer[]>()
    for (const a of left) {
      const d = descriptor(a, coarse)
      if (d !== undefined) push(da, d, a)
    }
    for (const b of right) {
      const d = descriptor(b, coarse)
      if (d !== undefined) push(db, d, b)
    }
    for (const [d, la] of da) {
      const lb = db.get(d)
      if (!lb || la.length !== 1 || lb.length !== 1) continue
      const [a, b] = [la[0]!, lb[0]!]
      if (coarse && conflict(a, b)) continue
      link(a, b, 'high', [
        { kind: 'same-role', role: a.role.role, stream: streamOf(a), position: a.position },
        { kind: 'unique-shape', shape }
      ])
      left.delete(a)
      right.delete(b)
    }
  }
  // a2. The qualifier alone tells them apart: one candidate per stream (main, context, time) on each side.
  const byStream = (pool: Set<Layer>): Map<string, Layer[]> => {
    const m = new Map<string, Layer[]>()
    for (const l of pool) push(m, streamOf(l), l)
    return m
  }
  const sa = byStream(left)
  const sb = byStream(right)
  if (sa.size > 1 || sb.size > 1) {
    for (const [st, la] of sa) {
      const lb = sb.get(st)
      if (!lb || la.length !== 1 || lb.length !== 1 || conflict(la[0]!, lb[0]!)) continue
      link(la[0]!, lb[0]!, 'high', [
        { kind: 'same-role', role: la[0]!.role.role, stream: st },
        { kind: 'unique-shape', shape }
      ])
      left.delete(la[0]!)
      right.delete(lb[0]!)
    }
  }
  // b. One role family, same count on both sides, every member ordered by its name: pair in that order. Layers of
  // no known role qualify inside aligned units when each side's are siblings of one module, each ordered by its
  // name (`in_layer` / `out_layer` vs `linear_1` / `linear_2`): a sequence of one module, read in order.
  const fa = new Map<string, Layer[]>()
  const fb = new Map<string, Layer[]>()
  for (const a of left) push(fa, familyOf(a), a)
  for (const b of right) push(fb, familyOf(b), b)
  for (const [f, la] of fa) {
    const lb = fb.get(f)
    if (!lb || la.length !== lb.length) continue
    if (f.startsWith('other|') && (strict || !siblings(la) || !siblings(lb))) continue
    const ra = la.map(rankValue)
    const rb = lb.map(rankValue)
    const ordered = (r: (number | undefined)[]): boolean =>
      r.every((v) => v !== undefined) && new Set(r).size === r.length
    if (!ordered(ra) || !ordered(rb)) continue
    const sa = la.map((l, i) => [l, ra[i]!] as const).sort((x, y) => x[1] - y[1])
    const sb = lb.map((l, i) => [l, rb[i]!] as const).sort((x, y) => x[1] - y[1])
    sa.forEach(([a], k) => {
      const b = sb[k]![0]
      link(a, b, 'high', [{ kind: 'role-order', role: a.role.role, rank: k }])
      left.delete(a)
      right.delete(b)
    })
  }
  // b2. Network order: the same number of candidates in each section (down / mid / up) on both sides, every one
  // placed by its path (`input_blocks.9.0.op` and `down_blocks.2.downsamplers.0.conv` are the down path's
  // third resampler): the k-th of a section pairs with the k-th.
  pairBySection(left, right, shape, link)
  // b3. One numbered series on each side holding all of them (`zero_convs.N` vs `controlnet_down_blocks.N`),
  // as many on both sides: the k-th of one is the k-th of the other, in index order.
  pairBySeries(left, right, shape, link)
  // c. What names cannot separate: paired by order at low confidence with the candidates named, only within one
  // role or one parent module (`mix.left` / `mix.right` vs `mix.one` / `mix.two`), never across contradicting
  // roles. Unrelated names stay unmatched.
  const ra = [...left].sort((x, y) => x.order - y.order)
  const rb = [...right].sort((x, y) => x.order - y.order)
  for (const a of ra) {
    const b = rb.find((x) => right.has(x) && !conflict(a, x) && related(a, x))
    if (!b) continue
    const rivals = rb.filter((x) => !conflict(a, x) && related(a, x)).map((x) => x.relName)
    right.delete(b)
    link(a, b, 'low', [{ kind: 'position-only' }, { kind: 'unique-shape', shape }], {
      kind: 'equal-shapes',
      chunks: rivals.length > 1 ? rivals : [b.relName]
    })
  }
}

/**
 * Two or more layers under one parent module (the unit itself counts as one), by the names as stored: `in_layer`
 * and `out_layer` are siblings, `linear_1` and `linear_2` too.
 */
function siblings(ls: readonly Layer[]): boolean {
  if (ls.length < 2) return false
  const p = parentOf(ls[0]!.relName)
  return ls.every((l) => l.unit === ls[0]!.unit && parentOf(l.relName) === p)
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('.')
  return i < 0 ? '' : rel.slice(0, i)
}

/** Same role (a known one) or the same parent module: the only grounds for an order-only guess. */
function related(a: Layer, b: Layer): boolean {
  if (a.role.role !== 'other' && familyOf(a) === familyOf(b)) return true
  const pa = parentOf(a.rel)
  return pa !== '' && pa === parentOf(b.rel)
}

function sectionOfLayer(l: Layer): number | undefined {
  return sectionOf(l.path.split('.'))
}

function compareNet(x: Layer, y: Layer): number {
  const n = Math.min(x.net.length, y.net.length)
  for (let i = 0; i < n; i++) if (x.net[i] !== y.net[i]) return x.net[i]! - y.net[i]!
  return x.net.length - y.net.length
}

function pairBySection(
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

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

/** The words before a layer's first index (`control_model.zero_convs`), or undefined without an index. */
function seriesOfLayer(l: Layer): string | undefined {
  const words = l.path.split('.')
  const i = words.findIndex((w) => /^\d+$/.test(w))
  return i <= 0 ? undefined : words.slice(0, i).join('.')
}

function pairBySeries(
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
