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
import { kohyaForm } from '../names/adapters.js'

export interface TensorSpec {
  name: string
  shape: readonly number[]
  dtype?: string
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

interface Hit {
  entry: BaseEntry
}

/** The spec name of a base entry's weight (or bare parameter) or bias, relative to its component. */
function nameOf(entry: BaseEntry, leaf: 'weight' | 'bias' | 'param'): string {
  if (leaf === 'bias') return `${entry.path}.bias`
  return entry.isParam ? entry.path : `${entry.path}.weight`
}

const LEAF = /\.(weight|bias)$/

function split(name: string): { path: string; leaf: 'weight' | 'bias' | 'param' } {
  const m = LEAF.exec(name)
  if (!m) return { path: name, leaf: 'param' }
  return { path: name.slice(0, m.index), leaf: m[1] as 'weight' | 'bias' }
}

function hitsOf(path: string, space: BaseSpace): Hit[] {
  const dotted = path.includes('.')
  if (dotted) {
    const own = space.dotted.get(path)
    if (own) return [{ entry: own }]
  }
  const u = kohyaForm(path)
  const under = space.underscore.get(u)
  return under ? under.map((entry) => ({ entry })) : []
}

/** Among several hits, the one whose shape fits (same shape, else same element count), else the first. */
function choose(hits: Hit[], shape: readonly number[], leaf: string): Hit {
  const shapeOf = (h: Hit) => (leaf === 'bias' ? (h.entry.bias?.shape ?? []) : h.entry.shape)
  return (
    hits.find((h) => shapeOf(h).join() === shape.join()) ??
    hits.find((h) => numel(shapeOf(h)) === numel(shape)) ??
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
  for (const spec of a) {
    const { path, leaf } = split(spec.name)
    const hits = hitsOf(path, space).filter((h) => (leaf === 'bias' ? h.entry.bias !== undefined : true))
    if (hits.length === 0) {
      unmatchedA.push(spec.name)
      continue
    }
    const hit = choose(hits, spec.shape, leaf)
    const key = nameOf(hit.entry, leaf)
    const baseShape = leaf === 'bias' ? hit.entry.bias!.shape : hit.entry.shape
    const reshape = baseShape.join() !== spec.shape.join() && numel(baseShape) === numel(spec.shape)
    const link: Link = {
      kind: reshape && baseShape.length !== spec.shape.length ? 'reshape' : 'rename',
      a: [spec.name],
      b: [key],
      confidence: 'high',
      evidence: [{ kind: path.includes('.') && space.dotted.has(path) ? 'same-name' : 'same-tokens' }]
    }
    const others = hits.filter((h) => h !== hit).map((h) => nameOf(h.entry, leaf))
    if (others.length > 0) link.alternatives = others
    links.push(link)
    used.add(key)
  }
  // Everything else is the engine's (structure, roles, shapes: other series names, whole fused groups, and the
  // parts of a fused projection a LoRA trains only in part, each on its equal share of the rows).
  const linked = new Set<string>()
  const left = new Set(unmatchedA)
  const engine = viaEngine(
    a.filter((t) => left.has(t.name)),
    b.filter((t) => !used.has(t.name))
  )
  for (const l of engine) {
    links.push(l)
    for (const k of l.a) linked.add(k)
    for (const k of l.b) used.add(k)
  }
  return {
    links,
    unmatched: {
      a: unmatchedA.filter((n) => !linked.has(n)),
      b: b.map((s) => s.name).filter((n) => !used.has(n))
    }
  }
}
