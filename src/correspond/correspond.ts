/**
 * `correspond(a, b)`: align units by signature class and network order, match layers inside each aligned pair
 * (names, roles, shapes), then fused vs separate projections, then whatever is left outside aligned units.
 * Emits one link per tensor (a layer's weight and bias are separate links) so every key is accounted for.
 */
import { alignUnits } from './align.js'
import { matchFused } from './fused.js'
import { matchLayers, type LayerLink } from './match.js'
import { matchWithinModules } from './modules.js'
import { buildSide, type Layer } from './model.js'
import { PairMemo } from './pair-memo.js'
import { subUnitsToMerge } from './sub-units.js'
import { isProjectionTranspose, matchTransposed } from './transpose.js'
import { matchCopies, type CopyLink } from './broadcast.js'
import { matchUniqueLeftovers } from './unique-leftovers.js'
import { sameShape, sameSqueezed, squeeze } from '../util/shape.js'
import { chunkCount, chunkOrder, type ChunkOrder } from '../names/index.js'
import type {
  Correspondence,
  CorrespondOptions,
  Evidence,
  Link,
  LinkConfidence,
  TensorSpec
} from './types.js'

export function correspond(
  a: readonly TensorSpec[],
  b: readonly TensorSpec[],
  options: CorrespondOptions = {}
): Correspondence {
  let sa = buildSide(a, options.partial === 'a')
  let sb = buildSide(b)
  // A block one side numbers inside (sub-units.ts): that side built again with those sub-units merged. A partial
  // A (a LoRA's layers) is judged by its layers' shapes, not by whole signatures.
  const partialA = options.partial === 'a'
  const mergeA = subUnitsToMerge(sa, sb, partialA ? 'side' : undefined)
  const mergeB = subUnitsToMerge(sb, sa, partialA ? 'other' : undefined)
  if (mergeA.size > 0) sa = buildSide(a, partialA, mergeA)
  if (mergeB.size > 0) sb = buildSide(b, false, mergeB)
  // Fused links come first in the answer, then the layer links (aligned units in order, then the rest).
  const links: Link[] = []
  const layerOut: Link[] = []
  const linkedA = new Set<string>()
  const linkedB = new Set<string>()
  // Index loops: no iterator result per key, interpreted.
  const note = (l: Link): void => {
    for (let i = 0; i < l.a.length; i++) linkedA.add(l.a[i]!)
    for (let i = 0; i < l.b.length; i++) linkedB.add(l.b[i]!)
  }
  const push = (l: Link): void => {
    links.push(l)
    note(l)
  }
  const pushLayer = (l: Link): void => {
    layerOut.push(l)
    note(l)
  }

  const restA: Layer[] = [...sa.top.layers]
  const restB: Layer[] = [...sb.top.layers]
  const paired = new Set<object>()
  const partial = options.partial === 'a'
  // Pairs alike up to their block index are matched once (pair-memo.ts).
  const pairs = new PairMemo()
  for (const p of alignUnits(sa, sb, partial)) {
    paired.add(p.a)
    paired.add(p.b)
    const base: Evidence[] = [
      {
        kind: 'block-aligned',
        series: [p.a.series, p.b.series],
        index: [p.a.index, p.b.index],
        names: [p.a.name, p.b.name]
      }
    ]
    const r = pairs.match(p.a, p.b, base)
    // Emitted now, not collected: the layer links of a block die young instead of surviving every scavenge of
    // the run (at 40k keys the held links made the collector copy and promote them, memory growing with the keys).
    for (let i = 0; i < r.links.length; i++) {
      const l = r.links[i]!
      emitLayerLink(l, pushLayer, p.exact ? l.confidence : cap(l.confidence))
    }
    // Most aligned pairs leave nothing unmatched: no fused pass and no leftovers to carry (this runs once per block).
    if (r.restA.length === 0 && r.restB.length === 0) continue
    for (const f of r.fused) pushFused(f, p.exact ? 'high' : 'medium', base, push)
    const used = fusedLayers(r.fused)
    // A partial A (a LoRA's layers) keeps to its aligned blocks: a layer left there is unmatched, never sent to
    // look for a counterpart elsewhere in the network.
    if (partial) continue
    for (const l of r.restA) if (!used.has(l)) restA.push(l)
    for (const l of r.restB) if (!used.has(l)) restB.push(l)
  }
  if (!partial) {
    for (const u of sa.units) if (!paired.has(u)) restA.push(...u.layers)
    for (const u of sb.units) if (!paired.has(u)) restB.push(...u.layers)
  }

  // A lone tensor against its copies in every block of a series (broadcast.ts), before the one-to-one passes
  // below could give one of the copies to it. Not for a partial A: its layers keep to their aligned blocks.
  let poolA = restA
  let poolB = restB
  if (!partial) {
    const copies = matchCopies(restA, restB, sa.units, sb.units)
    for (const c of copies.links) emitCopyLink(c, pushLayer)
    poolA = copies.restA
    poolB = copies.restB
  }
  // Everything outside aligned units: one pool per side, strict (names must agree for high).
  const strict = matchLayers(poolA, poolB, true, [])
  const left = matchWithinModules(strict.links, strict.restA, strict.restB)
  const fusedLeft = matchFused(left.restA, left.restB)
  for (const f of fusedLeft) pushFused(f, 'medium', [], push)
  for (const l of strict.links) emitLayerLink(l, pushLayer, l.confidence)
  for (const l of left.links) emitLayerLink(l, pushLayer, l.confidence)
  // Last, what only a transpose relates (a bare projection parameter against a Linear's weight of the swapped shape).
  const inFused = fusedLayers(fusedLeft)
  const transposed = matchTransposed(
    left.restA.filter((l) => !inFused.has(l)),
    left.restB.filter((l) => !inFused.has(l))
  )
  for (const l of transposed.links) emitLayerLink(l, pushLayer, l.confidence)
  // Last, a pair alone in its matrix shape whose roles read differently: proposed, medium (unique-leftovers.ts).
  if (!partial) {
    for (const l of matchUniqueLeftovers(transposed.restA, transposed.restB))
      emitLayerLink(l, pushLayer, l.confidence)
  }
  for (let i = 0; i < layerOut.length; i++) links.push(layerOut[i]!)
  const unmatchedA = a.map((t) => t.name).filter((k) => !linkedA.has(k))
  const unmatchedB = b.map((t) => t.name).filter((k) => !linkedB.has(k))
  return { links, unmatched: { a: unmatchedA, b: unmatchedB } }
}

/** Every layer a set of fused links takes (the fused layer and its parts): no other pass looks at them again. */
function fusedLayers(fused: readonly ReturnType<typeof matchFused>[number][]): Set<Layer> {
  const out = new Set<Layer>()
  for (const f of fused) {
    out.add(f.fused)
    for (const q of f.parts) out.add(q)
  }
  return out
}

function cap(c: LinkConfidence): LinkConfidence {
  return c === 'high' ? 'medium' : c
}

/**
 * Modulation tables under other names: the chunk order (shift, scale, gate) is a convention of each codebase that
 * no header shows; src/names/modulation.ts reads it from the names where a known convention tells it. Same order:
 * a plain rename; known different orders: a reorder with the permutation as evidence; otherwise the link says the
 * order is assumed.
 */
function modulationOrder(l: LayerLink): ChunkOrder | undefined {
  if (l.a.role.role !== 'mod' || l.b.role.role !== 'mod' || l.a.rel === l.b.rel) return undefined
  const n = chunkCount(squeeze(l.a.main.shape))
  if (n < 2 || chunkCount(squeeze(l.b.main.shape)) !== n) return undefined
  // The names as stored: the token path is lower-cased, which loses the camel-case words the convention is read
  // from (AuraFlow's `modC` is `mod` + the context mark; `modc` is no word).
  const stored = (x: LayerLink['a']): string => x.main.name.replace(/\.(?:weight|bias)$/, '')
  return chunkOrder(stored(l.a), stored(l.b), n)
}

/**
 * One link per tensor of a layer link. `confidence`: the layer link's, or what its block pair allows (a block pair
 * that is not exact caps it), passed in rather than read from a copy of the link made per layer.
 */
function emitLayerLink(l: LayerLink, push: (l: Link) => void, confidence: LinkConfidence): void {
  const order = modulationOrder(l)
  const modulation =
    l.ambiguity ??
    (order?.kind === 'unknown' ? { kind: 'modulation-chunks', chunks: [...order.chunks] } : undefined)
  // A bare parameter on one side and a module's lone weight on the other (`pos_embedding` as an nn.Parameter,
  // `position_embedding.weight` of an nn.Embedding) are the layer's one tensor on both.
  const lone =
    l.a.tensors.size === 1 && l.b.tensors.size === 1 && (l.a.tensors.has('') || l.b.tensors.has(''))
  // A projection parameter against a Linear's weight: the same matrix transposed (transpose.ts).
  const transpose = lone ? isProjectionTranspose(l) : undefined
  if (transpose) {
    const link: Link = {
      kind: 'transpose',
      a: [l.a.main.name],
      b: [l.b.main.name],
      confidence,
      evidence: [...l.evidence, { kind: 'projection-transpose', square: transpose.square }]
    }
    if (transpose.square) link.ambiguity = { kind: 'transpose-convention', chunks: [] }
    push(link)
    return
  }
  // forEach, not for-of over entries: no entry array and iterator result per tensor, interpreted.
  l.a.tensors.forEach((ta, leaf) => {
    const tb = lone ? l.b.main : l.b.tensors.get(leaf)
    if (!tb || tb.numel !== ta.numel) return
    const same = sameShape(ta.shape, tb.shape)
    const squeezedSame = same || sameSqueezed(ta.shape, tb.shape)
    const reorder = order?.kind === 'reorder' && squeezedSame
    // A plain rename carries the layer link's evidence as it is (read-only from here on, shared by the layer's
    // weight and bias links): one array per layer link, not one copy per tensor.
    const evidence: Evidence[] =
      same && !reorder
        ? l.evidence
        : same
          ? [...l.evidence]
          : [
              ...l.evidence,
              { kind: 'same-numel' as const, shapes: [[...ta.shape], [...tb.shape]] as [number[], number[]] }
            ]
    if (reorder) evidence.push({ kind: 'chunk-order', chunks: [...order.chunks], order: [...order.order] })
    const link: Link = {
      kind: reorder ? 'reorder' : same ? 'rename' : 'reshape',
      a: [ta.name],
      b: [tb.name],
      confidence: squeezedSame ? confidence : cap(confidence),
      evidence
    }
    if (modulation) link.ambiguity = modulation
    push(link)
  })
}

/**
 * One link per tensor of a lone layer and its copies: A's tensor into every copy (broadcast) or every copy into B's
 * tensor (collapse), the copies in block order. A collapse states that it takes the copies as equal.
 */
function emitCopyLink(c: CopyLink, push: (l: Link) => void): void {
  const lone = c.kind === 'broadcast' ? c.link.a : c.link.b
  const evidence: Evidence[] = [
    ...c.link.evidence,
    { kind: 'copied-per-block', series: c.group.copies[0]!.unit.seriesName, copies: c.group.copies.length }
  ]
  lone.tensors.forEach((t, leaf) => {
    const copies = c.group.copies.map((l) => l.tensors.get(leaf))
    if (copies.some((x) => x === undefined || !sameShape(x.shape, t.shape))) return
    const names = copies.map((x) => x!.name)
    const link: Link =
      c.kind === 'broadcast'
        ? { kind: 'broadcast', a: [t.name], b: names, confidence: c.link.confidence, evidence }
        : { kind: 'collapse', a: names, b: [t.name], confidence: c.link.confidence, evidence }
    if (c.kind === 'collapse') link.ambiguity = { kind: 'copies-assumed-equal', chunks: [] }
    push(link)
  })
}

/** A share's evidence; the slot sizes are stated only where they differ (equal slots read as before). */
function shareEvidence(parts: string[], of: string[], sizes: readonly number[], rows: number): Evidence {
  const e: Extract<Evidence, { kind: 'rows-share' }> = { kind: 'rows-share', parts, of, rows }
  if (sizes.some((n) => n !== sizes[0])) e.sizes = [...sizes]
  return e
}

function pushFused(
  f: ReturnType<typeof matchFused>[number],
  confidence: LinkConfidence,
  base: Evidence[],
  push: (l: Link) => void
): void {
  for (const [leaf, tf] of f.fused.tensors) {
    const parts = f.parts.map((p) => p.tensors.get(leaf))
    if (parts.some((p) => p === undefined)) continue
    const rows: { start: number; end: number }[] = []
    let start = 0
    const total = tf.shape[0] ?? 0
    if (f.share) {
      // Some parts: each fills its own slot of the fused rows, the slots' sizes in row order (equal, or GQA).
      const { sizes, slots } = f.share
      if (sizes.reduce((n, x) => n + x, 0) !== total) continue
      if (parts.some((p, i) => (p!.shape[0] ?? 0) !== sizes[slots[i]!])) continue
      for (const slot of slots) {
        const at = sizes.slice(0, slot).reduce((n, x) => n + x, 0)
        rows.push({ start: at, end: at + sizes[slot]! })
      }
    } else {
      for (const p of parts) {
        const n = p!.shape[0] ?? 0
        rows.push({ start, end: start + n })
        start += n
      }
      if (start !== total) continue
    }
    const evidence: Evidence[] = [
      ...base,
      f.share
        ? shareEvidence(f.roles, f.share.of, f.share.sizes, total)
        : { kind: 'rows-sum', parts: f.roles, rows: total }
    ]
    const names = parts.map((p) => p!.name)
    if (f.chunked && !f.share) {
      // The parts' rows are chunks interleaved in an order no header shows: the keys correspond, the row
      // ranges are unknown, and a converter must not guess them.
      const link: Link =
        f.fusedSide === 'a'
          ? { kind: 'split', a: [tf.name], b: names, confidence, evidence }
          : { kind: 'fuse', a: names, b: [tf.name], confidence, evidence }
      link.ambiguity = { kind: 'chunk-layout', chunks: names }
      push(link)
      continue
    }
    const equal = rows.every((r) => r.end - r.start === rows[0]!.end - rows[0]!.start)
    const ambiguity = equal && rows.length > 1 ? { kind: 'row-order', chunks: f.roles } : undefined
    const link: Link =
      f.fusedSide === 'a'
        ? { kind: 'split', a: [tf.name], b: names, rows, confidence, evidence }
        : { kind: 'fuse', a: names, b: [tf.name], rows, confidence, evidence }
    // A share of a fused q|k|v or k|v sits where the full set's conventional order puts it.
    const order = (f.share?.of ?? f.roles).join()
    if (ambiguity && order !== 'q,k,v' && order !== 'k,v') link.ambiguity = ambiguity
    push(link)
  }
}
