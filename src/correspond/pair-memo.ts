/**
 * Matching an aligned unit pair once per kind of pair. The blocks of a series are alike up to their index (the
 * bench's stacking conversion: 188 pairs of a LoRA block of 8 layers against a base block of 13), and the layer
 * matching (matchLayers, then matchFused on what it leaves) reads nothing of a layer that the index changes: the
 * first pair of a kind is matched, its outcome kept in layer positions, and a later pair equal to it in everything
 * the matchers read (see `samePair`) takes that outcome with its own layers. Links are still emitted per pair from
 * its own tensors (their names and shapes), so only the decisions are shared.
 */
import type { Evidence, LinkConfidence } from './types.js'
import { matchFused, type FusedMatch } from './fused.js'
import { matchLayers, type LayerLink } from './match.js'
import type { Layer, Unit } from './model.js'
import { streamNumber } from './numbered-streams.js'
import { ORDER_SEPARATOR } from './units.js'

/** What the matchers decided for a pair, with each layer given by its position in its unit's layers. */
interface Outcome {
  links: {
    a: number
    b: number
    confidence: LinkConfidence
    /** Without the pair's own block-aligned evidence, which is prepended per pair. */
    evidence: Evidence[]
    ambiguity?: { kind: string; chunks: string[] }
  }[]
  restA: number[]
  restB: number[]
  fused: (Omit<FusedMatch, 'fused' | 'parts'> & { fused: number; parts: number[] })[]
}

/** One pair's matching, in its own layers. `fused` is empty when nothing was left unmatched. */
export interface PairMatch {
  links: LayerLink[]
  restA: Layer[]
  restB: Layer[]
  fused: FusedMatch[]
}

/** Kinds of pair kept per pair of unit signatures: a few in a real network, bounded against a hostile one. */
const MAX_KINDS_PER_SIGNATURE = 8

export class PairMemo {
  private readonly kinds = new Map<string, { a: Unit; b: Unit; outcome: Outcome }[]>()

  /** The matching of an aligned pair; `base` is its block-aligned evidence, first in each layer link's. */
  match(a: Unit, b: Unit, base: Evidence[]): PairMatch {
    const memoable = inUnit(a) && inUnit(b)
    // Unit signatures (parameter count and trailing dims) narrow the kinds a pair is compared with.
    const key = memoable ? `${a.sig}\u0000${b.sig}` : ''
    const kinds = memoable ? this.kinds.get(key) : undefined
    if (kinds !== undefined)
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k]!
        if (sameSections(kind.a, kind.b, a, b) && sameLayers(kind.a, a) && sameLayers(kind.b, b))
          return replay(kind.outcome, a.layers, b.layers, base)
      }
    const outcome = positions(matchPair(a.layers, b.layers))
    if (memoable) {
      if (kinds === undefined) this.kinds.set(key, [{ a, b, outcome }])
      else if (kinds.length < MAX_KINDS_PER_SIGNATURE) kinds.push({ a, b, outcome })
    }
    return replay(outcome, a.layers, b.layers, base)
  }
}

/** matchLayers on the pair, then matchFused on what it leaves (when it leaves anything on both sides' reading). */
function matchPair(as: readonly Layer[], bs: readonly Layer[]): PairMatch {
  const r = matchLayers(as, bs, false, [])
  const fused = r.restA.length === 0 && r.restB.length === 0 ? [] : matchFused(r.restA, r.restB)
  return { links: r.links, restA: r.restA, restB: r.restB, fused }
}

/** A layer's position in its unit's layers is its `order` (finishUnit numbers the sorted layers). */
function pos(l: Layer): number {
  return l.order
}

function positions(m: PairMatch): Outcome {
  return {
    links: m.links.map((l) => {
      const out: Outcome['links'][number] = {
        a: pos(l.a),
        b: pos(l.b),
        confidence: l.confidence,
        evidence: l.evidence
      }
      if (l.ambiguity) out.ambiguity = l.ambiguity
      return out
    }),
    restA: m.restA.map(pos),
    restB: m.restB.map(pos),
    fused: m.fused.map((f) => ({ ...f, fused: pos(f.fused), parts: f.parts.map(pos) }))
  }
}

/** An outcome in a pair's own layers, its block-aligned evidence first in each layer link's evidence. */
function replay(o: Outcome, as: readonly Layer[], bs: readonly Layer[], base: Evidence[]): PairMatch {
  const links: LayerLink[] = []
  for (let i = 0; i < o.links.length; i++) {
    const l = o.links[i]!
    const link: LayerLink = {
      a: as[l.a]!,
      b: bs[l.b]!,
      confidence: l.confidence,
      evidence: base.concat(l.evidence)
    }
    if (l.ambiguity) link.ambiguity = l.ambiguity
    links.push(link)
  }
  const restA: Layer[] = []
  for (let i = 0; i < o.restA.length; i++) restA.push(as[o.restA[i]!]!)
  const restB: Layer[] = []
  for (let i = 0; i < o.restB.length; i++) restB.push(bs[o.restB[i]!]!)
  const fused: FusedMatch[] = []
  for (let i = 0; i < o.fused.length; i++) {
    const f = o.fused[i]!
    const [fusedPool, partPool] = f.fusedSide === 'a' ? [as, bs] : [bs, as]
    fused.push({ ...f, fused: fusedPool[f.fused]!, parts: f.parts.map((p) => partPool[p]!) })
  }
  return { links, restA, restB, fused }
}

/**
 * Every layer of the unit sits under the unit's path (`path` = unit path + `.` + `rel`): then what the matchers read
 * of its full path (its section word, its place in network order among the unit's layers, its series) follows from
 * the unit's section and its relative path. A layer moved in from a parallel side list (units.ts) does not, and
 * its pair is matched on its own.
 */
function inUnit(u: Unit): boolean {
  return u.guests !== true && u.path !== ''
}

/** The section rank a unit's path starts in (its order key's first entry), or -1 when it names none. */
function sectionOfUnit(u: Unit): number {
  const first = u.order[0]
  return first === undefined || first === ORDER_SEPARATOR ? -1 : first
}

/**
 * The pairs' units place their layers in sections alike. A layer's section word (down / mid / up, which
 * network-order.ts pairs by) is its unit's when the unit path names one: then only whether the two units' sections
 * are the same one matters, not which (`input_blocks.4.1` against `down_blocks.1.attentions.0` pairs its layers as
 * `output_blocks.3.1` against `up_blocks.1.attentions.0` does); a unit naming none leaves it to the relative paths,
 * and the other side's section is then compared as it is.
 */
function sameSections(xa: Unit, xb: Unit, ya: Unit, yb: Unit): boolean {
  const sxa = sectionOfUnit(xa)
  const sxb = sectionOfUnit(xb)
  const sya = sectionOfUnit(ya)
  const syb = sectionOfUnit(yb)
  if (sxa >= 0 && sxb >= 0 && sya >= 0 && syb >= 0) return (sxa === sxb) === (sya === syb)
  return sxa === sya && sxb === syb
}

/**
 * Two units (each all `inUnit`) whose layers read the same to the matchers, position by position: what
 * matchLayers and matchFused look at (relative path and stored name, shape, trailing dims, rows, role, stream,
 * sublayer, ordinal, last role word, norm place, stream number).
 */
function sameLayers(x: Unit, y: Unit): boolean {
  const lx = x.layers
  const ly = y.layers
  if (lx.length !== ly.length) return false
  // One loop, no call per layer (this runs for every layer of every aligned pair, interpreted).
  for (let i = 0; i < lx.length; i++) {
    const p = lx[i]!
    const q = ly[i]!
    // The trailing dims (`cols`) are the shape's after its first dim: the same shape, the same cols.
    if (p.rel !== q.rel || p.relName !== q.relName || p.sig !== q.sig || p.position !== q.position)
      return false
    const sp = p.main.shape
    const sq = q.main.shape
    if (sp.length !== sq.length || sp[0] !== sq[0] || streamNumber(p) !== streamNumber(q)) return false
    const rp = p.role
    const rq = q.role
    if (rp === rq) continue
    if (
      rp.role !== rq.role ||
      rp.stream !== rq.stream ||
      rp.sublayer !== rq.sublayer ||
      rp.ordinal !== rq.ordinal
    )
      return false
    if (rp.words[rp.words.length - 1] !== rq.words[rq.words.length - 1]) return false
  }
  return true
}
