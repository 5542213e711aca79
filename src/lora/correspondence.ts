/**
 * The one question LoRA resolution asks of a base: which base tensor(s) does each tensor a LoRA implies correspond
 * to. The answer has the shape of the correspondence engine's (`correspond(a, b, { partial: 'a' })`: links of kind
 * rename / reshape / split / fuse / reorder with row ranges, confidence, evidence and ambiguity), so the resolver
 * and convert read links and nothing else. `correspondImplied` is the single seam between LoRA resolution and the
 * engine.
 */
import { viaEngine } from './engine-links.js'
import { spaceFromSpecs, type BaseEntry, type BaseSpace } from './base-index.js'
import { numel } from '../util/numel.js'
import { sameShape } from '../util/shape.js'
import { kohyaForm } from '../names/adapters.js'

export interface TensorSpec {
  name: string
  shape: readonly number[]
  dtype?: string
  /**
   * The block the name sits in, `blockOf` of its path (the name without `.weight` / `.bias`), where the caller
   * has read it already (null: none); absent, it is read from the name.
   */
  block?: { series: string; index: number } | null
}

export type LinkKind = 'rename' | 'reshape' | 'split' | 'fuse' | 'reorder'

/** Evidence of a link, as data (worded in src/report). */
export type LinkEvidence =
  | { kind: 'same-name' }
  | { kind: 'same-tokens' }
  /** The correspondence engine's link (structure, roles and shapes), of this kind. */
  | { kind: 'engine'; link: LinkKind }

export interface Link {
  kind: LinkKind
  /** Implied keys; a fuse lists several in row order. */
  a: string[]
  /** Base keys; a split lists several in row order. */
  b: string[]
  /** split: the rows of a[0] each b[i] takes; fuse: the rows of b[0] each a[i] fills. */
  rows?: { start: number; end: number }[]
  confidence: 'high' | 'medium' | 'low'
  evidence: LinkEvidence[]
  /** Equal-sized chunks whose order the headers cannot verify. */
  ambiguity?: { kind: string; chunks: string[] }
  /** reorder: for each chunk of b[0] in order, the chunk of a[0] it takes (equal chunks). */
  order?: number[]
  /** Other base keys the name also fits (an underscore name that reads two ways). */
  alternatives?: string[]
}

export interface Correspondence {
  links: Link[]
  unmatched: { a: string[]; b: string[] }
}

// One evidence item per kind, shared by every name link (read-only: frozen).
const SAME_NAME: LinkEvidence = Object.freeze({ kind: 'same-name' })
const SAME_TOKENS: LinkEvidence = Object.freeze({ kind: 'same-tokens' })

/** The spec name of a base entry's weight (or bare parameter) or bias, relative to its component. */
function nameOf(entry: BaseEntry, leaf: 'weight' | 'bias' | 'param'): string {
  if (leaf === 'bias') return `${entry.path}.bias`
  return entry.isParam ? entry.path : `${entry.path}.weight`
}

/** `x.weight` / `x.bias` -> the path and leaf; anything else is a bare parameter. */
function split(name: string): { path: string; leaf: 'weight' | 'bias' | 'param' } {
  if (name.endsWith('.weight')) return { path: name.slice(0, -'.weight'.length), leaf: 'weight' }
  if (name.endsWith('.bias')) return { path: name.slice(0, -'.bias'.length), leaf: 'bias' }
  return { path: name, leaf: 'param' }
}

/**
 * The base entries a path names: its own dotted name, else every entry of its underscore form. For a bias, only
 * entries that have one.
 */
function hitsOf(path: string, dotted: boolean, space: BaseSpace, bias: boolean): readonly BaseEntry[] {
  if (dotted) {
    const own = space.dotted.get(path)
    if (own) return bias && own.bias === undefined ? [] : [own]
  }
  const under = space.underscore.get(kohyaForm(path))
  if (!under) return []
  return bias ? under.filter((e) => e.bias !== undefined) : under
}

/** Among several hits, the one whose shape fits (same shape, else same element count), else the first. */
function choose(hits: readonly BaseEntry[], shape: readonly number[], bias: boolean): BaseEntry {
  if (hits.length === 1) return hits[0]!
  const shapeOf = (e: BaseEntry) => (bias ? (e.bias?.shape ?? []) : e.shape)
  return (
    hits.find((e) => sameShape(shapeOf(e), shape)) ??
    hits.find((e) => numel(shapeOf(e)) === numel(shape)) ??
    hits[0]!
  )
}

/**
 * Correspond the tensors a LoRA implies (names in the LoRA's naming after its prefix and adapter suffix, shapes
 * from its factors) with one component of a base (names without the component prefix). A is partial: base tensors
 * without counterpart are expected.
 */
export function correspondImplied(
  a: readonly TensorSpec[],
  b: readonly TensorSpec[],
  prebuilt?: BaseSpace
): Correspondence {
  const space = prebuilt ?? spaceFromSpecs(b)
  const links: Link[] = []
  const unmatchedA: string[] = []
  const used = new Set<string>()
  // Per implied tensor (a few thousand): no closures or wrapper objects on the one-hit path.
  for (const spec of a) {
    const { path, leaf } = split(spec.name)
    const dotted = path.includes('.')
    const bias = leaf === 'bias'
    const hits = hitsOf(path, dotted, space, bias)
    if (hits.length === 0) {
      unmatchedA.push(spec.name)
      continue
    }
    const hit = choose(hits, spec.shape, bias)
    const key = nameOf(hit, leaf)
    const baseShape = bias ? hit.bias!.shape : hit.shape
    const reshape = !sameShape(baseShape, spec.shape) && numel(baseShape) === numel(spec.shape)
    const link: Link = {
      kind: reshape && baseShape.length !== spec.shape.length ? 'reshape' : 'rename',
      a: [spec.name],
      b: [key],
      confidence: 'high',
      evidence: [dotted && space.dotted.has(path) ? SAME_NAME : SAME_TOKENS]
    }
    if (hits.length > 1) {
      const others: string[] = []
      for (const h of hits) if (h !== hit) others.push(nameOf(h, leaf))
      if (others.length > 0) link.alternatives = others
    }
    links.push(link)
    used.add(key)
  }
  // Everything else is the engine's (structure, roles, shapes: other series names, whole fused groups, and the
  // parts of a fused projection a LoRA trains only in part, each on its own slot of the rows: equal shares, or
  // a grouped-query q|k|v's).
  // Nothing is asked when the names held every implied tensor; the lists are passed whole when the names held
  // none (a LoRA in another naming: every spec, thousands, would be copied one by one).
  const engine = unmatchedA.length === 0 ? [] : viaEngine(leftOf(a, unmatchedA), unusedOf(b, used))
  const linked = new Set<string>()
  for (const l of engine) {
    links.push(l)
    for (const k of l.a) linked.add(k)
    for (const k of l.b) used.add(k)
  }
  const restA: string[] = []
  for (const n of unmatchedA) if (!linked.has(n)) restA.push(n)
  const restB: string[] = []
  for (let i = 0; i < b.length; i++) if (!used.has(b[i]!.name)) restB.push(b[i]!.name)
  return { links, unmatched: { a: restA, b: restB } }
}

/** The specs of `a` whose names are in `names` (`a` itself when there is one name per spec: unmatched are all). */
function leftOf(a: readonly TensorSpec[], names: readonly string[]): readonly TensorSpec[] {
  if (names.length === a.length) return a
  const left = new Set(names)
  const out: TensorSpec[] = []
  for (let i = 0; i < a.length; i++) if (left.has(a[i]!.name)) out.push(a[i]!)
  return out
}

/** The specs of `b` whose names are not in `used` (the whole list when none is). */
function unusedOf(b: readonly TensorSpec[], used: ReadonlySet<string>): readonly TensorSpec[] {
  if (used.size === 0) return b
  const out: TensorSpec[] = []
  for (let i = 0; i < b.length; i++) if (!used.has(b[i]!.name)) out.push(b[i]!)
  return out
}
