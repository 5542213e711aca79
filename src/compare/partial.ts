/**
 * A side that is only part of a network: the weights a LoRA patches (its "implied" weights), a few linear layers
 * per block and nothing else. Model-level facts read from such a side (family, block counts, attention layouts,
 * hidden dim) describe the LoRA's choice of layers, not a network, so they are no evidence against the other side;
 * what counts is whether every one of its layers corresponds to one of the other side's. This module tells such a
 * side apart, measures how much of it corresponds, and says how fused and separate projections meet.
 */
import { formatShare } from '../util/figures.js'
import { FUSED_ROLE_PARTS, splitLeaf } from '../names/index.js'
import type { Evidence, Link } from '../correspond/index.js'
import type { Flag, KeyMapping, Verdict } from './types.js'
import { tierOf } from './verdict.js'
import { numel } from '../util/numel.js'

export interface SideTensor {
  name: string
  shape: readonly number[]
}

export interface PartialSide {
  side: 'a' | 'b'
  tensors: number
  /** Its tensors, and their parameters, that a high-confidence link covers (a fused row range included). */
  coveredTensors: number
  /** Share of its parameters covered, in [0, 1]. */
  covered: number
}

/**
 * True when the key set is only layer weights (rank >= 2) and the biases of those layers: no norm, embedding
 * vector or other 1-D parameter of its own, which every whole network has (norm scales, biases of layers not
 * listed). This is the shape of what a LoRA patches; a whole network never looks like it.
 */
export function layersOnly(tensors: readonly SideTensor[]): boolean {
  if (tensors.length === 0) return false
  // A whole network shows a 1-D parameter other than a bias (a norm scale) early: no set of its layers is built.
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    if (t.shape.length < 2 && splitLeaf(t.name).leaf !== 'bias') return false
  }
  // Layers with a weight of rank >= 2 (leaf names read by src/names: `in_proj_weight` is a weight too).
  const layers = new Set<string>()
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    if (t.shape.length < 2) continue
    const { layer, leaf } = splitLeaf(t.name)
    if (leaf === 'weight') layers.add(layer)
  }
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    if (t.shape.length >= 2) continue
    if (!layers.has(splitLeaf(t.name).layer)) return false
  }
  return true
}

/**
 * A high link whose separate parts fill row ranges of a fused tensor exactly (q and v of a q|k|v: the link does not
 * conserve the fused tensor's parameters, yet every part lands on rows of its own).
 */
function fillsRows(m: KeyMapping): boolean {
  if (!m.rows || (m.kind !== 'fuse' && m.kind !== 'split')) return false
  const [fused, parts] =
    m.kind === 'fuse' ? [m.shapes.target[0], m.shapes.source] : [m.shapes.source[0], m.shapes.target]
  if (!fused || parts.length !== m.rows.length) return false
  const perRow = numel(fused.slice(1))
  return m.rows.every((r, i) => numel(parts[i] ?? []) === (r.end - r.start) * perRow)
}

/** The separate-parts side of a high split/fuse link: the keys whose rows it fills. */
function separateKeys(m: KeyMapping, side: 'a' | 'b'): readonly string[] {
  if (m.kind === 'fuse' && side === 'a') return m.source
  if (m.kind === 'split' && side === 'b') return m.target
  return []
}

/**
 * The side that is part of a network, if one is: layers only while the other side is not. Two layer-only sides
 * (two LoRAs' weights, a base kept as its linears) give no sign which is the part: neither is taken as one.
 * Read from the key sets alone, before any correspondence, because the engine matches such a side differently
 * (`correspond(..., { partial: 'a' })`: no counterpart sought outside the blocks it sits in, units missing on its
 * side tolerated).
 */
export function partialCandidate(a: readonly SideTensor[], b: readonly SideTensor[]): 'a' | 'b' | undefined {
  const la = layersOnly(a)
  const lb = layersOnly(b)
  return la === lb ? undefined : la ? 'a' : 'b'
}

/**
 * How much of the partial side corresponds: high, shape-conserving links, and the rows of a fused tensor a part
 * fills (q and v of a q|k|v).
 */
export function partialSide(
  side: 'a' | 'b',
  tensors: readonly SideTensor[],
  mappings: readonly KeyMapping[],
  coveredHigh: ReadonlySet<string>
): PartialSide {
  const covered = new Set(coveredHigh)
  for (const m of mappings)
    if (m.confidence === 'high' && fillsRows(m)) for (const k of separateKeys(m, side)) covered.add(k)
  let total = 0
  let inLinks = 0
  let count = 0
  let coveredCount = 0
  const seen = new Set<string>()
  for (const t of tensors) {
    if (seen.has(t.name)) continue
    seen.add(t.name)
    count++
    const n = numel(t.shape)
    total += n
    if (covered.has(t.name)) {
      inLinks += n
      coveredCount++
    }
  }
  return { side, tensors: count, coveredTensors: coveredCount, covered: total === 0 ? 0 : inLinks / total }
}

/** Kinds that name a direction: read from the other side, each is the other. */
const SWAPPED_KIND: Partial<Record<Link['kind'], Link['kind']>> = {
  split: 'fuse',
  fuse: 'split',
  broadcast: 'collapse',
  collapse: 'broadcast'
}

/**
 * A link of correspond(b, a) read as one of (a, b): sides, split/fuse and broadcast/collapse, and side-bound evidence
 * swapped.
 */
export function swapLink(l: Link): Link {
  const kind = SWAPPED_KIND[l.kind] ?? l.kind
  const evidence = l.evidence.map((e): Evidence => {
    switch (e.kind) {
      case 'block-aligned':
        return {
          ...e,
          series: [e.series[1], e.series[0]],
          index: [e.index[1], e.index[0]],
          ...(e.names ? { names: [e.names[1], e.names[0]] as [string, string] } : {})
        }
      case 'roles-differ':
        return { ...e, roles: [e.roles[1], e.roles[0]] }
      case 'same-module':
        return { ...e, modules: [e.modules[1], e.modules[0]] }
      case 'same-numel':
        return { ...e, shapes: [e.shapes[1], e.shapes[0]] }
      case 'chunk-order': {
        // order[i]: the chunk of A that B's chunk i is; swapped, the inverse permutation.
        const inverse = new Array<number>(e.order.length).fill(0)
        e.order.forEach((from, to) => (inverse[from] = to))
        return { ...e, order: inverse }
      }
      default:
        return e
    }
  })
  const swapped: Link = { ...l, kind, a: l.b, b: l.a, evidence }
  // A collapse takes its copies as equal; a broadcast writes one tensor into them and assumes nothing.
  if (kind === 'collapse') swapped.ambiguity = { kind: 'copies-assumed-equal', chunks: [] }
  else if (kind === 'broadcast') delete swapped.ambiguity
  return swapped
}

/** Flags a partial side's structure makes up: they describe the layers a LoRA chose, not a network. */
const STRUCTURE_CODES = new Set([
  'block-count',
  'block-family',
  'hidden-dim',
  'attention-layout',
  'model-family',
  'naming'
])

export function isStructureFlag(f: Flag): boolean {
  return STRUCTURE_CODES.has(f.code)
}

const ATTENTION_PARTS = new Set<string>(FUSED_ROLE_PARTS.qkv)

/**
 * Fused vs separate projections the high-confidence mapping joins by rows (a q|k|v split into q, k and v, or
 * stacked into one), as one flag: which side stores them fused, the parts, how many layers, and the conversion.
 */
export function fusedLayoutFlag(mappings: readonly KeyMapping[]): Flag | undefined {
  let splits = 0
  let fuses = 0
  const parts = new Set<string>()
  for (const m of mappings) {
    if (m.confidence !== 'high' || !m.rows || (m.kind !== 'split' && m.kind !== 'fuse')) continue
    const rows = m.evidence?.find((e) => e.kind === 'rows-sum' || e.kind === 'rows-share')
    if (!rows || (rows.kind !== 'rows-sum' && rows.kind !== 'rows-share')) continue
    for (const p of rows.kind === 'rows-share' ? rows.of : rows.parts) parts.add(p)
    if (m.kind === 'split') splits++
    else fuses++
  }
  if (splits + fuses === 0) return undefined
  const names = [...parts]
  const what = names.every((p) => ATTENTION_PARTS.has(p)) ? 'attention' : 'projections'
  const fused = names.join('|')
  const said: string[] = []
  if (splits > 0)
    said.push(`A's fused ${fused} splits by rows into B's separate ${names.join(', ')} (${splits} tensors)`)
  if (fuses > 0)
    said.push(`A's separate ${names.join(', ')} are row slices of B's fused ${fused} (${fuses} tensors)`)
  return {
    kind: 'green',
    code: 'fused-layout',
    message: `fused vs separate ${what}, convertible: ${said.join('; ')}`,
    evidence: {
      fusedIn: splits > 0 && fuses > 0 ? 'both' : splits > 0 ? 'a' : 'b',
      parts: names,
      splits,
      fuses
    }
  }
}

/** The flag that says a side is part of a network, and how much of it corresponds. */
export function partialSideFlag(p: PartialSide): Flag {
  const [side, other] = p.side === 'a' ? ['A', 'B'] : ['B', 'A']
  const all = p.coveredTensors === p.tensors
  return {
    kind: all ? 'green' : 'red',
    code: 'partial-side',
    message:
      `${side} is part of a network (${p.tensors} layer tensors, no norms or embeddings, as a LoRA patches): ` +
      (all
        ? `every one corresponds to ${other}`
        : `${p.coveredTensors} of ${p.tensors} correspond to ${other} (${formatShare(p.covered)} of its parameters)`),
    evidence: { side: p.side, tensors: p.tensors, corresponding: p.coveredTensors, parameters: p.covered }
  }
}

/** The conversions, in words, with the fused-vs-separate parts where the layout flag names them. */
function conversionWords(conversions: readonly string[], layout: Flag | undefined): string[] {
  const parts = (layout?.evidence.parts as string[] | undefined) ?? []
  const fused = parts.length > 0 ? `fused ${parts.join('|')}` : 'fused'
  return conversions.map((k) =>
    k === 'split'
      ? `split ${fused} rows`
      : k === 'fuse'
        ? `stack ${parts.length > 0 ? parts.join(', ') : 'separate tensors'} into ${fused} rows`
        : k === 'reorder'
          ? 'reorder chunks'
          : k === 'transpose'
            ? 'transpose projection matrices'
            : k === 'broadcast'
              ? 'copy shared tensors into every block'
              : k === 'collapse'
                ? 'keep one of the per-block copies'
                : k === 'reshape'
                  ? 'reshape'
                  : 'rename keys'
  )
}

/**
 * The verdict on a partial side: the share of ITS parameters that correspond (whichever side it is, so the figure
 * does not depend on argument order). The other side's layers a LoRA did not train are no incompatibility.
 * Same-named layers of other shapes (red `block-shapes`) still cap it at partial: those layers do not load.
 */
export function partialVerdict(
  p: PartialSide,
  basis: Verdict['basis'],
  flags: readonly Flag[],
  conversions: readonly string[]
): Verdict {
  const [side, other] = p.side === 'a' ? ['A', 'B'] : ['B', 'A']
  let tier = tierOf(p.covered)
  const shapes = flags.find((f) => f.kind === 'red' && f.code === 'block-shapes')
  if (tier === 'compatible' && shapes) tier = 'partial'
  const what = `${side} is part of a network (the layers a LoRA patches)`
  const layout = flags.find((f) => f.code === 'fused-layout')
  let summary: string
  if (tier === 'compatible' && p.coveredTensors === p.tensors) {
    const how =
      basis === 'exact' || conversions.length === 0
        ? ''
        : `Compatible after conversion: ${conversionWords(conversions, layout).join(', ')}. `
    summary =
      `${how}${what}, and every one of its layers corresponds to ${other}'s: ` +
      `a LoRA on those layers loads on ${other}${how === '' ? ' as it is' : ' once converted'}.`
  } else {
    summary =
      `${what}: ${formatShare(p.covered)} of its parameters correspond to ${other}; the rest has no counterpart ` +
      `there${shapes ? ` (${shapes.message})` : ''} (see the unmatched keys).`
    if (tier === 'incompatible') summary += ` A LoRA on those layers does not load on ${other}.`
  }
  return { tier, basis, overlap: p.covered, summary }
}
