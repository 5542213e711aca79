/** `compareCheckpoints`: key statistics, the three overlap figures, shapes, mapping, flags and verdict. */
import type { Checkpoint } from '../formats/types.js'
import type {
  Comparison,
  CompareOptions,
  Confidence,
  KeyMapping,
  ModelRef,
  QuantizationFacts,
  ShapeDifference
} from './types.js'
import { parseModel, type ParsedModel, type TensorRef } from './model.js'
import { numel } from '../util/numel.js'
import { sameShape } from '../util/shape.js'
import { correspond } from '../correspond/index.js'
import { stripModelPrefixes, tokenKey } from '../names/index.js'
import { quantizationCompanions } from '../names/quantization.js'
import { toKeyMapping } from './links.js'
import { familiesMappedElsewhere, pairFamilies } from './block-pairing.js'
import { structureFacts } from './structure.js'
import { structureEssentials, type StructureEssentials } from '../analysis/index.js'
import { adapterTensorCount, computeFlags } from './flags.js'
import { verdictOf } from './verdict.js'
import { attentionLinkShares, attentionProjectionKeys } from './attention-links.js'
import {
  fusedLayoutFlag,
  isStructureFlag,
  partialCandidate,
  partialSide,
  partialSideFlag,
  partialVerdict,
  swapLink
} from './partial.js'

function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '')
  return parts[parts.length - 1] ?? path
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d
}

function strippedPrefixes(tensors: readonly TensorRef[]): string[] {
  const counts = new Map<string, number>()
  for (const t of tensors) {
    if (t.key.length === t.normKey.length) continue
    const s = t.key.slice(0, t.key.length - t.normKey.length)
    counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  return [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([p]) => p)
}

/**
 * Per-checkpoint results, memoised: the gate compares many artifacts against one baseline, whose parse and
 * structure analysis need computing once. Checkpoints are immutable data once read, so the caches cannot go stale.
 */
const parsed = new WeakMap<Checkpoint, ParsedModel>()
const analysed = new WeakMap<Checkpoint, StructureEssentials>()

function parsedModel(c: Checkpoint): ParsedModel {
  let p = parsed.get(c)
  if (!p) parsed.set(c, (p = parseModel(c)))
  return p
}

/** What compare reads of the structure analysis (attention layouts, hidden dim, family), computed alone. */
function structureAnalysis(c: Checkpoint): StructureEssentials {
  let s = analysed.get(c)
  if (!s) analysed.set(c, (s = structureEssentials(c)))
  return s
}

/** The shape differences that sit inside repeated blocks: the blocks themselves differ, not an input layer. */
function inBlocks(model: ParsedModel, diffs: readonly ShapeDifference[]): ShapeDifference[] {
  // Most pairs have no shape difference under a shared name: then no set of every block key is built.
  if (diffs.length === 0) return []
  const keys = new Set<string>()
  for (const f of model.families) for (const s of f.scopes) for (const t of s.keys) keys.add(t.key)
  return diffs.filter((d) => keys.has(d.key))
}

/** Leading words of B tried away when looking a name up (an unknown wrapper such as `x.`). */
const MAX_DROPPED_WORDS = 2

/**
 * Keys the engine left on both sides that carry the same name (after wrappers, tokens) but other shapes: not a
 * conversion, but what a reader wants to see next to the dims flags (Wan 1.3B vs 14B). Low, shape-incompatible.
 */
function sameNameOtherShape(
  restA: readonly string[],
  restB: readonly string[],
  shapeOf: (side: 'a' | 'b', k: string) => number[]
): KeyMapping[] {
  const normA = stripModelPrefixes(restA)
  const normB = stripModelPrefixes(restB)
  const exact = new Map<string, string>()
  const dropped = new Map<string, string | null>()
  normB.forEach((k, i) => {
    const words = tokenKey(k).split('.')
    if (!exact.has(words.join('.'))) exact.set(words.join('.'), restB[i]!)
    for (let d = 1; d <= MAX_DROPPED_WORDS && d < words.length; d++) {
      const t = words.slice(d).join('.')
      dropped.set(t, dropped.has(t) ? null : restB[i]!)
    }
  })
  const index = { get: (t: string): string | null | undefined => exact.get(t) ?? dropped.get(t) }
  const out: KeyMapping[] = []
  const used = new Set<string>()
  normA.forEach((k, i) => {
    const b = index.get(tokenKey(k))
    if (!b || used.has(b)) return
    used.add(b)
    const sa = shapeOf('a', restA[i]!)
    const sb = shapeOf('b', b)
    out.push({
      source: [restA[i]!],
      target: [b],
      kind: 'rename',
      confidence: 'low',
      reason: `same name, shapes differ ([${sa.join(', ')}] vs [${sb.join(', ')}])`,
      shapes: { source: [sa], target: [sb] },
      shapeCompatible: numel(sa) === numel(sb)
    })
  })
  return out
}

/**
 * Elements of A and B in high-confidence, conserving links over all elements of A and B (each key once, with the
 * shape of its first occurrence: the maps of first shapes, in key order).
 */
function parameterShare(
  shapesA: ReadonlyMap<string, readonly number[]>,
  shapesB: ReadonlyMap<string, readonly number[]>,
  coveredA: ReadonlySet<string>,
  coveredB: ReadonlySet<string>
): number {
  let total = 0
  let covered = 0
  for (const [shapes, set] of [
    [shapesA, coveredA],
    [shapesB, coveredB]
  ] as const) {
    for (const [name, shape] of shapes) {
      const n = numel(shape)
      total += n
      if (set.has(name)) covered += n
    }
  }
  return ratio(covered, total)
}

function isIdentity(m: KeyMapping): boolean {
  return (
    m.kind === 'rename' &&
    m.confidence === 'high' &&
    m.source.length === 1 &&
    m.target.length === 1 &&
    m.source[0] === m.target[0]
  )
}

/** The conversions the high-confidence mappings need, in a fixed order (rename, reshape, split, fuse, reorder, transpose, broadcast, collapse). */
function kindsOf(all: readonly KeyMapping[]): string[] {
  const kinds = new Set<string>()
  for (const m of all) {
    if (m.confidence !== 'high' || !m.shapeCompatible) continue
    if (m.kind === 'rename' && m.source[0] === m.target[0]) continue
    kinds.add(m.kind)
  }
  return ['rename', 'reshape', 'split', 'fuse', 'reorder', 'transpose', 'broadcast', 'collapse'].filter((k) =>
    kinds.has(k)
  )
}

export function compareCheckpoints(
  fileA: Checkpoint,
  fileB: Checkpoint,
  opts: CompareOptions = {}
): Comparison {
  const refA: ModelRef = {
    name: opts.names?.[0] ?? baseName(fileA.path),
    path: fileA.path,
    format: fileA.format
  }
  const refB: ModelRef = {
    name: opts.names?.[1] ?? baseName(fileB.path),
    path: fileB.path,
    format: fileB.format
  }
  // A quantized weight's scales (ComfyUI's scaled FP8, bitsandbytes state) are its storage, not layers: they are
  // set aside before anything is counted or matched, and reported (names/quantization.ts).
  const qa = setAside(fileA)
  const qb = setAside(fileB)
  const a = qa.checkpoint
  const b = qb.checkpoint

  // Exact keys.
  const shapesB = new Map<string, number[]>()
  for (let i = 0; i < b.tensors.length; i++) {
    const t = b.tensors[i]!
    if (!shapesB.has(t.name)) shapesB.set(t.name, t.shape)
  }
  // A's first shape per key (its key set too), B's the same.
  const shapesA = new Map<string, number[]>()
  let common = 0
  let exactCompatible = 0
  let shapeMatching = 0
  const differing: ShapeDifference[] = []
  for (let i = 0; i < a.tensors.length; i++) {
    const t = a.tensors[i]!
    if (shapesA.has(t.name)) continue
    shapesA.set(t.name, t.shape)
    const sb = shapesB.get(t.name)
    if (!sb) continue
    common++
    if (sameShape(t.shape, sb)) shapeMatching++
    else differing.push({ key: t.name, shapeA: [...t.shape], shapeB: [...sb] })
    if (numel(t.shape) === numel(sb)) exactCompatible++
  }
  const totalA = shapesA.size
  const totalB = shapesB.size

  // Normalised keys.
  const pa = parsedModel(a)
  const pb = parsedModel(b)
  let normalized = 0
  let normalizedCompatible = 0
  let normalizedShapeMatches = 0
  const normalizedDifferences: ShapeDifference[] = []
  for (const ref of pa.byNormKey.values()) {
    const other = pb.byNormKey.get(ref.normKey)
    if (!other) continue
    normalized++
    if (numel(ref.shape) === numel(other.shape)) normalizedCompatible++
    if (sameShape(ref.shape, other.shape)) normalizedShapeMatches++
    else normalizedDifferences.push({ key: ref.key, shapeA: [...ref.shape], shapeB: [...other.shape] })
  }

  // Mapping: the correspondence engine over both key sets.
  // A side that is only part of a network (a LoRA's implied weights) is matched as such, whichever side it is.
  const partialAt = partialCandidate(a.tensors, b.tensors)
  const corr =
    partialAt === 'b'
      ? (() => {
          const c = correspond(b.tensors, a.tensors, { partial: 'a' })
          return { links: c.links.map(swapLink), unmatched: { a: c.unmatched.b, b: c.unmatched.a } }
        })()
      : correspond(a.tensors, b.tensors, { partial: partialAt === 'a' ? 'a' : 'none' })
  const shapeOf = (side: 'a' | 'b', k: string): number[] => (side === 'a' ? shapesA : shapesB).get(k) ?? []
  const all = [
    ...corr.links.map((l) => toKeyMapping(l, shapeOf)),
    ...sameNameOtherShape(corr.unmatched.a, corr.unmatched.b, shapeOf)
  ]
  const coveredA = new Set<string>()
  const mentionedA = new Set<string>()
  const mentionedB = new Set<string>()
  const coveredB = new Set<string>()
  // Index loops: once per mapping and key, interpreted, where a for-of step allocates an iterator result.
  for (let i = 0; i < all.length; i++) {
    const m = all[i]!
    const covered = m.confidence === 'high' && m.shapeCompatible
    for (let k = 0; k < m.source.length; k++) {
      mentionedA.add(m.source[k]!)
      if (covered) coveredA.add(m.source[k]!)
    }
    for (let k = 0; k < m.target.length; k++) {
      mentionedB.add(m.target[k]!)
      if (covered) coveredB.add(m.target[k]!)
    }
  }
  const familyPairs = pairFamilies(pa, pb, corr.links)
  const mappings = all.filter((m) => !isIdentity(m))
  const mappingCounts: Record<Confidence, number> = { high: 0, medium: 0, low: 0 }
  for (const m of mappings) mappingCounts[m.confidence]++

  const overlap = {
    exact: ratio(common, totalA),
    exactCompatible: ratio(exactCompatible, totalA),
    normalized: ratio(normalized, totalA),
    normalizedCompatible: ratio(normalizedCompatible, totalA),
    mapped: ratio(coveredA.size, totalA),
    parameters: parameterShare(shapesA, shapesB, coveredA, coveredB)
  }
  const analysisA = opts.analyses?.a ?? structureAnalysis(a)
  const analysisB = opts.analyses?.b ?? structureAnalysis(b)
  const structure = { a: structureFacts(pa, analysisA), b: structureFacts(pb, analysisB) }
  // Read only where the layouts' names differ (flags.ts): two attention modules' key sets and one pass over `all`.
  const attentionLinks =
    structure.a.attentionLayouts.join(',') === structure.b.attentionLayouts.join(',')
      ? undefined
      : attentionLinkShares(
          all,
          attentionProjectionKeys(analysisA.attention, [...shapesA.keys()]),
          attentionProjectionKeys(analysisB.attention, [...shapesB.keys()])
        )
  const computed = computeFlags({
    a: structure.a,
    b: structure.b,
    familyPairs,
    mappedFamilies: familiesMappedElsewhere(pa, pb, corr.links, familyPairs),
    overlap,
    mappingKinds: kindsOf(all),
    ...(attentionLinks ? { attentionLinks } : {}),
    shapeDifferences: normalizedDifferences,
    blockShapeDifferences: inBlocks(pa, normalizedDifferences),
    shapeMatches: normalizedShapeMatches,
    mappings,
    nameCoverage: ratio(mentionedA.size, totalA),
    strippedA: strippedPrefixes(pa.tensors),
    strippedB: strippedPrefixes(pb.tensors),
    adapters: {
      a: adapterTensorCount(a.tensors.map((t) => t.name)),
      totalA: a.tensors.length,
      b: adapterTensorCount(b.tensors.map((t) => t.name)),
      totalB: b.tensors.length
    }
  })
  // A side that is only part of a network (a LoRA's implied weights): its structure says nothing about a network,
  // so the structural flags give way to what its correspondence shows, and the verdict measures that side.
  const partial =
    partialAt === undefined
      ? undefined
      : partialAt === 'a'
        ? partialSide('a', a.tensors, all, coveredA)
        : partialSide('b', b.tensors, all, coveredB)
  const flags = partial
    ? [...computed.filter((f) => !isStructureFlag(f)), partialSideFlag(partial)]
    : computed
  const layout = fusedLayoutFlag(all)
  if (layout) flags.push(layout)
  const conversions = kindsOf(all)
  const verdict = verdictOf(overlap, flags, conversions)
  // Said beside the other flags (after the verdict, which it does not change), so a report reader sees it.
  for (const [side, q] of [
    ['A', qa.facts],
    ['B', qb.facts]
  ] as const)
    if (q)
      flags.push({
        kind: 'green',
        code: 'quantized-storage',
        message: `${side} stores ${q.weights} weights as ${q.scheme ?? `quantized (${q.leaves.join(', ')})`}: compared as the network it stores (its ${q.tensors} scale tensors set aside)`,
        evidence: { side: side.toLowerCase(), weights: q.weights, scaleTensors: q.tensors, leaves: q.leaves }
      })
  const unmatchedA = [...shapesA.keys()].filter((k) => !mentionedA.has(k))
  const unmatchedB = [...shapesB.keys()].filter((k) => !mentionedB.has(k))

  return {
    models: { a: refA, b: refB },
    keys: { totalA, totalB, common, onlyA: totalA - common, onlyB: totalB - common },
    overlap,
    shapes: { matching: shapeMatching, differing },
    structure,
    familyPairs,
    mappings,
    mappingCounts,
    unmatched: { a: unmatchedA, b: unmatchedB },
    flags,
    verdict: partial ? partialVerdict(partial, verdict.basis, flags, conversions) : verdict,
    ...((qa.facts || qb.facts) && {
      quantization: { ...(qa.facts && { a: qa.facts }), ...(qb.facts && { b: qb.facts }) }
    })
  }
}

/** The checkpoint without its quantization companions, and what was set aside (undefined when nothing was). */
function setAside(ckpt: Checkpoint): { checkpoint: Checkpoint; facts?: QuantizationFacts } {
  const q = quantizationCompanions(ckpt.tensors)
  if (q.names.size === 0) return { checkpoint: ckpt }
  const facts: QuantizationFacts = { weights: q.weights, tensors: q.names.size, leaves: q.leaves }
  if (q.scheme !== undefined) facts.scheme = q.scheme
  return { checkpoint: { ...ckpt, tensors: ckpt.tensors.filter((t) => !q.names.has(t.name)) }, facts }
}
