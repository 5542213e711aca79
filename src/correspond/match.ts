/**
 * Layer matching inside a pair of aligned units (or the two pools of layers outside any aligned unit). Shapes
 * first; equal shapes are decided by the layers' roles, streams and places (never by word overlap); the same
 * relative name with the same shape wins outright. Whatever names cannot separate is paired by order at medium
 * confidence at most, or left unmatched.
 */
import type { Evidence, LinkConfidence } from './types.js'
import type { Layer } from './model.js'
import { conflict, parentOf, push, streamOf } from './layer-roles.js'
import { streamNumber } from './numbered-streams.js'
import { pairBySection, pairBySeries, pairLoneSections } from './network-order.js'

export interface LayerLink {
  a: Layer
  b: Layer
  confidence: LinkConfidence
  evidence: Evidence[]
  ambiguity?: { kind: string; chunks: string[] }
}

const SUBLAYER_ORDER: Record<string, number> = { attn: 0, cross: 1, ffn: 2 }

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
    const l: LayerLink = { a, b, confidence, evidence: base.length === 0 ? ev : base.concat(ev) }
    if (ambiguity) l.ambiguity = ambiguity
    links.push(l)
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
    if (left.size === 0 || right.size === 0) return
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
      const numbered = streamNumber(a) ?? streamNumber(b)
      link(a, b, 'high', [
        { kind: 'same-role', role: a.role.role, stream: streamOf(a), position: a.position },
        ...(numbered === undefined
          ? []
          : [{ kind: 'numbered-stream' as const, number: numbered, stream: streamOf(a) }]),
        { kind: 'unique-shape', shape }
      ])
      left.delete(a)
      right.delete(b)
    }
  }
  // Every pass below pairs a layer of each side: with one side used up, none has anything to do.
  if (left.size === 0 || right.size === 0) return
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
  if (left.size === 0 || right.size === 0) return
  // a3. Layers of no known role (or embeddings), by their own name (the path's last segment), the only one so named
  // on each side: `cls_token` and `embeddings.cls_token` among a model's top-level vectors. Not layers with another
  // role: a norm's or a projection's name can mean another place in another convention (CogVideoX's SAT
  // `final_layer.norm_final` is diffusers' `norm_out.norm`, its `final_layernorm` diffusers' `norm_final`); their
  // roles and places decide.
  pairByOwnName(left, right, shape, link)
  if (left.size === 0 || right.size === 0) return
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
  if (left.size === 0 || right.size === 0) return
  // b2. Network order: the same number of candidates in each section (down / mid / up) on both sides, every one
  // placed by its path (`input_blocks.9.0.op` and `down_blocks.2.downsamplers.0.conv` are the down path's
  // third resampler): the k-th of a section pairs with the k-th.
  pairBySection(left, right, shape, link)
  pairLoneSections(left, right, shape, link)
  // b3. One numbered series on each side holding all of them (`zero_convs.N` vs `controlnet_down_blocks.N`),
  // as many on both sides: the k-th of one is the k-th of the other, in index order.
  pairBySeries(left, right, shape, link)
  // b4. As many of this shape on both sides, every other one placed by its name or place: the last two are each
  // other's by elimination.
  if (as.length >= 2 && as.length === bs.length && left.size === 1 && right.size === 1) {
    const [a] = left
    const [b] = right
    if (!conflict(a!, b!)) {
      link(a!, b!, 'high', [{ kind: 'last-of-shape', shape, of: as.length }])
      left.clear()
      right.clear()
    }
  }
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

/** A layer's own name: the last segment of its name as stored, lower-cased. */
function ownName(l: Layer): string {
  const at = l.relName.lastIndexOf('.')
  return (at < 0 ? l.relName : l.relName.slice(at + 1)).toLowerCase()
}

/**
 * Pairs the layers of no known role (or embeddings) whose own name is on exactly one of them on each side
 * (matchEqualShapes, a3).
 */
function pairByOwnName(
  left: Set<Layer>,
  right: Set<Layer>,
  shape: number[],
  link: (a: Layer, b: Layer, c: LinkConfidence, ev: Evidence[]) => void
): void {
  const named = (l: Layer): boolean => l.role.role === 'other' || l.role.role === 'embed'
  // Most classes hold projections and norms only: no maps to build (this runs per shape class of every block pair).
  let any = false
  for (const l of left) if ((any = named(l))) break
  if (!any) return
  const byName = (pool: Set<Layer>): Map<string, Layer[]> => {
    const m = new Map<string, Layer[]>()
    for (const l of pool) if (named(l)) push(m, ownName(l), l)
    return m
  }
  const na = byName(left)
  const nb = byName(right)
  for (const [name, la] of na) {
    const lb = nb.get(name)
    // A bare index (`0` of a Sequential) names nothing.
    if (!lb || la.length !== 1 || lb.length !== 1 || /^\d+$/.test(name) || conflict(la[0]!, lb[0]!)) continue
    link(la[0]!, lb[0]!, 'high', [
      { kind: 'same-layer-name', name },
      { kind: 'unique-shape', shape }
    ])
    left.delete(la[0]!)
    right.delete(lb[0]!)
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

/** Same role (a known one) or the same parent module: the only grounds for an order-only guess. */
function related(a: Layer, b: Layer): boolean {
  if (a.role.role !== 'other' && familyOf(a) === familyOf(b)) return true
  const pa = parentOf(a.rel)
  return pa !== '' && pa === parentOf(b.rel)
}
