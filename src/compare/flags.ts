/**
 * Red and green flags with their evidence: what the two structures, the overlap figures and the mappings say,
 * each claim with the figures behind it. Pure functions over computed figures; the tier is verdict.ts.
 */
import { isAdapterKey } from '../analysis/index.js'
import { formatShare } from '../util/figures.js'
import { explainRedFamily, widthBecause } from './flag-evidence.js'
import type {
  FamilyPairing,
  Flag,
  KeyMapping,
  MappedFamily,
  OverlapFigures,
  ShapeDifference,
  StructureFacts
} from './types.js'
import { COMPATIBLE_ABOVE, PART_OF_A } from './verdict.js'
import { sameAttentionLinked, type AttentionLinkShare } from './attention-links.js'

export interface FlagInputs {
  a: StructureFacts
  b: StructureFacts
  familyPairs: FamilyPairing[]
  overlap: OverlapFigures
  /** Normalised-equal keys with different shapes (exact-key differences included). */
  shapeDifferences: ShapeDifference[]
  /** The part of `shapeDifferences` inside repeated blocks (same-role tensors of the blocks differ). */
  blockShapeDifferences?: ShapeDifference[]
  /** Normalised-equal keys with equal shapes. */
  shapeMatches: number
  mappings: KeyMapping[]
  /** Conversion kinds of the high-confidence mappings (rename, reshape, split, fuse, reorder). */
  mappingKinds?: string[]
  /** Share of A's keys in an exact match or a mapping of any confidence (names that correspond at all). */
  nameCoverage: number
  /** Prefixes stripped on each side, most common first. */
  strippedA: string[]
  strippedB: string[]
  /** Unpaired block families whose keys the mapping links anyway (block-pairing.ts familiesMappedElsewhere). */
  mappedFamilies?: MappedFamily[]
  /** Per side, its attention projections and how many the mapping links to the other's (attention-links.ts). */
  attentionLinks?: { a: AttentionLinkShare; b: AttentionLinkShare }
  /** Adapter (LoRA) tensors and all tensors of each side, when counted (see `adapterTensorCount`). */
  adapters?: { a: number; totalA: number; b: number; totalB: number }
}

/** How many of the keys are adapter tensors: a file that is mostly these is a LoRA, not a model. */
export function adapterTensorCount(names: Iterable<string>): number {
  let n = 0
  // The analysis' one reading of adapter tensors (LoRA / LyCORIS / DoRA / full-delta suffixes and prefixes).
  for (const name of names) if (isAdapterKey(name)) n++
  return n
}

function isMostlyAdapters(count: number, total: number): boolean {
  return total > 0 && count * 2 >= total
}

/** One rounding for every figure (rounded down), as every renderer prints it. */
const pct = formatShare

/** The attention kinds of `<kind> <layout>` strings (`self fused-qkv`: self), sorted and unique. */
function attentionKindsOf(layouts: readonly string[]): string[] {
  return [...new Set(layouts.map((l) => l.split(' ')[0]!))].sort()
}

/**
 * The same attentions, fused on one side and separate on the other (Flux's BFL `qkv` against diffusers' `to_q` /
 * `to_k` / `to_v`): the kinds agree, and the mapping splits or fuses at high confidence. Storage, not architecture;
 * without such links (two networks) the layouts stay a difference.
 */
function sameAttentionStoredOtherwise(
  la: readonly string[],
  lb: readonly string[],
  kinds: readonly string[] | undefined
): boolean {
  if (!kinds || !(kinds.includes('split') || kinds.includes('fuse'))) return false
  return attentionKindsOf(la).join(',') === attentionKindsOf(lb).join(',')
}

export function computeFlags(x: FlagInputs): Flag[] {
  const flags: Flag[] = []
  if (x.adapters) {
    const { a, totalA, b, totalB } = x.adapters
    for (const [side, count, total] of [
      ['A', a, totalA],
      ['B', b, totalB]
    ] as const) {
      if (!isMostlyAdapters(count, total)) continue
      flags.push({
        kind: 'red',
        code: 'lora-file',
        message: `${side} is a LoRA, not a model: ${count} of its ${total} keys are adapter tensors`,
        evidence: { adapterTensors: count, tensors: total }
      })
    }
  }
  for (const p of x.familyPairs) {
    const evidence = { familyA: p.a, familyB: p.b, blocksA: p.countA, blocksB: p.countB }
    if (p.missingTail) {
      const { side, blocks } = p.missingTail
      const [lacks, has, family] = side === 'a' ? ['A', 'B', p.b] : ['B', 'A', p.a]
      const which =
        blocks.length === 1 ? `block ${blocks[0]}` : `blocks ${blocks[0]}-${blocks[blocks.length - 1]}`
      flags.push({
        kind: 'red',
        code: 'block-tail',
        message: `${lacks} lacks ${has}'s last ${which} of ${family} (${p.a} ${p.countA} vs ${p.b} ${p.countB}; the blocks it keeps pair index by index): saved without its tail, those layers have no counterpart`,
        evidence: { ...evidence, lacking: side, missingBlocks: blocks }
      })
    } else if (p.restructured) {
      flags.push({
        kind: 'green',
        code: 'block-structure',
        message: `same layers in blocks nested differently: ${p.a} (${p.countA}) ~ ${p.b} (${p.countB})`,
        evidence: { ...evidence, restructured: true }
      })
    } else if (p.countA === p.countB) {
      flags.push({
        kind: 'green',
        code: 'block-count',
        message: `same block count: ${p.a} ${p.countA} = ${p.b} ${p.countB}`,
        evidence
      })
    } else {
      flags.push({
        kind: 'red',
        code: 'block-count',
        message: `different block counts: ${p.a} ${p.countA} vs ${p.b} ${p.countB}`,
        evidence
      })
    }
  }
  // A's unpaired families, then B's.
  for (const side of ['a', 'b'] as const) {
    const paired = new Set(x.familyPairs.map((p) => p[side]))
    const [self, other] = side === 'a' ? ['A', 'B'] : ['B', 'A']
    for (const f of x[side].families.filter((f) => !paired.has(f.prefix))) {
      const mapped = x.mappedFamilies?.find((m) => m.side === side && m.prefix === f.prefix)
      if (mapped) {
        flags.push({
          kind: 'green',
          code: 'block-structure',
          message: `${self}'s ${f.prefix} (${f.count} blocks) maps onto ${other}'s layers outside a matching block series (${mapped.linked} of ${mapped.keys} keys linked)`,
          evidence: { side, family: f.prefix, blocks: f.count, keys: mapped.keys, linkedKeys: mapped.linked }
        })
        continue
      }
      flags.push({
        kind: 'red',
        code: 'block-family',
        message: `${self}'s ${f.prefix} (${f.count} blocks) has no counterpart in ${other}`,
        evidence: { side, family: f.prefix, blocks: f.count }
      })
    }
  }

  const dimA = x.a.hiddenDim
  const dimB = x.b.hiddenDim
  if (dimA !== undefined && dimB !== undefined) {
    const evidence = {
      hiddenDimA: dimA,
      hiddenDimB: dimB,
      evidenceA: x.a.hiddenDimEvidence,
      evidenceB: x.b.hiddenDimEvidence
    }
    if (dimA === dimB)
      flags.push({ kind: 'green', code: 'hidden-dim', message: `same hidden dim ${dimA}`, evidence })
    else
      flags.push({
        kind: 'red',
        code: 'hidden-dim',
        message: `different hidden dims: ${dimA} vs ${dimB}`,
        evidence: { ...evidence, because: widthBecause(x.a, x.b) }
      })
  }

  const la = x.a.attentionLayouts
  const lb = x.b.attentionLayouts
  if (la.length > 0 && lb.length > 0) {
    const evidence = { layoutsA: la, layoutsB: lb }
    if (la.join(',') === lb.join(',')) {
      flags.push({
        kind: 'green',
        code: 'attention-layout',
        message: `same attention architecture (${la.join(', ')})`,
        evidence
      })
    } else if (sameAttentionStoredOtherwise(la, lb, x.mappingKinds)) {
      flags.push({
        kind: 'green',
        code: 'attention-layout',
        message: `same attention (${attentionKindsOf(la).join(', ')}), stored fused on one side: ${la.join(', ')} vs ${lb.join(', ')}`,
        evidence: { ...evidence, storedOtherwise: true }
      })
    } else if (x.attentionLinks && sameAttentionLinked(x.attentionLinks)) {
      const { a, b } = x.attentionLinks
      flags.push({
        kind: 'green',
        code: 'attention-layout',
        message: `same attention under other names: the mapping links ${a.linked} of A's ${a.keys} attention projections and ${b.linked} of B's ${b.keys} to each other at high confidence (the names read ${la.join(', ')} vs ${lb.join(', ')})`,
        evidence: {
          ...evidence,
          namedOtherwise: true,
          attentionProjectionsA: a.keys,
          linkedA: a.linked,
          attentionProjectionsB: b.keys,
          linkedB: b.linked
        }
      })
    } else {
      flags.push({
        kind: 'red',
        code: 'attention-layout',
        message: `different attention layouts: ${la.join(', ')} vs ${lb.join(', ')}`,
        evidence
      })
    }
  }

  const fa = x.a.family
  const fb = x.b.family
  if (fa && fb) {
    const evidence: Record<string, unknown> = {
      familyA: fa.name,
      familyB: fb.name,
      confidenceA: fa.confidence,
      confidenceB: fb.confidence
    }
    if (fa.id === fb.id)
      flags.push({
        kind: 'green',
        code: 'model-family',
        message: `same model family (${fa.name === fb.name ? fa.name : `${fa.name} / ${fb.name}`})`,
        evidence
      })
    else
      flags.push({
        kind: 'red',
        code: 'model-family',
        message: `different model families: ${fa.name} vs ${fb.name}`,
        evidence
      })
  }

  // The hidden dim is read from names (which layer counts as the width), so two namings of one network can read
  // different layers: with the whole network corresponding and no same-named block tensor of another shape, the
  // two readings are no evidence of another size.
  const dimAt = flags.findIndex((f) => f.code === 'hidden-dim' && f.kind === 'red')
  if (dimAt >= 0 && (x.blockShapeDifferences ?? []).length === 0 && x.overlap.parameters > PART_OF_A) {
    const f = flags[dimAt]!
    flags[dimAt] = {
      kind: 'green',
      code: 'hidden-dim',
      message: `the layers correspond although the hidden dim reads ${String(f.evidence.hiddenDimA)} vs ${String(f.evidence.hiddenDimB)} from differently named layers`,
      evidence: { ...f.evidence, because: undefined, parameters: x.overlap.parameters }
    }
  }
  const va = x.a.vocabulary
  const vb = x.b.vocabulary
  if (va && vb && va.tokens !== vb.tokens) {
    // Another tokenizer, so another network, however well its blocks line up (T5 v1.1 against UMT5): read before
    // the family flag below, which it keeps red.
    flags.push({
      kind: 'red',
      code: 'vocabulary',
      message: `different token vocabularies: ${va.tokens} tokens (${va.key}) vs ${vb.tokens} (${vb.key}), another tokenizer`,
      evidence: { tokensA: va.tokens, tokensB: vb.tokens, keyA: va.key, keyB: vb.key }
    })
  }
  // A family told apart by naming alone (the detector reads names) is no evidence against the same network:
  // a red family flag stands only beside a size difference (block counts, widths, same-named tensors of other
  // shapes, another vocabulary) or a poor correspondence. The shape differences are read from the comparison,
  // not from the shapes flag, which is raised below.
  const sizeEvidence =
    (x.blockShapeDifferences ?? []).length > 0 ||
    x.shapeDifferences.length > 0 ||
    flags.some(
      (f) =>
        f.kind === 'red' && (f.code === 'block-count' || f.code === 'hidden-dim' || f.code === 'vocabulary')
    )
  const familyAt = flags.findIndex((f) => f.code === 'model-family' && f.kind === 'red')
  if (familyAt >= 0 && !sizeEvidence && x.overlap.parameters > COMPATIBLE_ABOVE) {
    const f = flags[familyAt]!
    flags[familyAt] = {
      kind: 'green',
      code: 'model-family',
      message: `the layers correspond although the names read as ${String(f.evidence.familyA)} / ${String(f.evidence.familyB)}`,
      evidence: { ...f.evidence, parameters: x.overlap.parameters }
    }
  }

  const o = x.overlap
  if (o.normalized > o.exact + 0.05) {
    flags.push({
      kind: 'green',
      code: 'naming',
      message: `same key structure under different prefixes (${pct(o.exact)} exact, ${pct(o.normalized)} after stripping)`,
      evidence: { exact: o.exact, normalized: o.normalized, strippedA: x.strippedA, strippedB: x.strippedB }
    })
  }
  const named = x.mappings.filter((m) => m.confidence !== 'low' && m.source.join() !== m.target.join()).length
  if (o.normalized < 0.1 && o.mapped >= 0.5) {
    flags.push({
      kind: 'green',
      code: 'naming',
      message: `different naming conventions with a consistent mapping (${pct(o.mapped)} of A mapped with high confidence)`,
      evidence: { normalized: o.normalized, mapped: o.mapped, renames: named }
    })
  } else if (
    o.normalized < 0.1 &&
    x.nameCoverage < 0.2 &&
    // Different sizes already explain why no name corresponds; the naming flag is for one network under
    // unrelated names.
    !flags.some((f) => f.kind === 'red' && (f.code === 'block-count' || f.code === 'hidden-dim'))
  ) {
    flags.push({
      kind: 'red',
      code: 'naming',
      message: `naming schemes share no pattern: ${pct(x.nameCoverage)} of A's keys correspond to B at any confidence`,
      evidence: { normalized: o.normalized, mapped: o.mapped, anyConfidence: x.nameCoverage }
    })
  }

  const inBlocks = x.blockShapeDifferences ?? []
  if (inBlocks.length > 0) {
    // Same-named tensors of the blocks with other shapes (SD1.5 vs SD2.1 cross-attention k/v, SD3 vs SD3.5
    // modulation): another network of the same design. Weights and LoRAs of those layers do not load.
    flags.push({
      kind: 'red',
      code: 'block-shapes',
      message: `${inBlocks.length} same-named tensors inside the blocks have other shapes (e.g. ${inBlocks[0]!.key}: [${inBlocks[0]!.shapeA.join(', ')}] vs [${inBlocks[0]!.shapeB.join(', ')}])`,
      evidence: { differing: inBlocks.length, examples: inBlocks.slice(0, 3) }
    })
  }
  const total = x.shapeMatches + x.shapeDifferences.length
  if (total > 0) {
    const examples = x.shapeDifferences.slice(0, 3)
    if (x.shapeDifferences.length === 0) {
      flags.push({
        kind: 'green',
        code: 'shapes',
        message: `matching shapes on all ${total} common keys`,
        evidence: { matching: total, differing: 0 }
      })
    } else {
      flags.push({
        kind: 'red',
        code: 'shapes',
        message: `${x.shapeDifferences.length} of ${total} common keys have different shapes`,
        evidence: { matching: x.shapeMatches, differing: x.shapeDifferences.length, examples }
      })
    }
  }
  explainRedFamily(flags, x.a, x.b, x.overlap.parameters)
  return flags
}
