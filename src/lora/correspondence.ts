/**
 * The one question LoRA resolution asks of a base: which base tensor(s) does each tensor a LoRA implies correspond
 * to. The answer has the shape of the correspondence engine's (`correspond(a, b, { partial: 'a' })`: links of kind
 * rename / reshape / split / fuse / reorder with row ranges, confidence, evidence and ambiguity), so the resolver
 * and convert read links and nothing else. `correspondImplied` is the single seam between LoRA resolution and the
 * engine.
 */
import { viaEngine } from './engine-links.js'
import { fusedByRole } from './fused-roles.js'
import { chunkCount, chunkOrder, layerRole } from '../names/index.js'
import { spaceFromSpecs, type BaseEntry, type BaseSpace } from './base-index.js'
import type { RowSlice } from './types.js'

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
  /** A name map between two naming families, said from the implied (LoRA) naming to the base's. */
  | { kind: 'name-map'; map: string }
  /** The correspondence engine's link (structure, roles and shapes), of this kind. */
  | { kind: 'engine'; link: LinkKind }
  /** Fused vs separate attention projections read from their role words. */
  | { kind: 'role-words' }

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
  slice?: RowSlice
  label?: string
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

/**
 * The name tables turn base names into another family's names (`name map wan original->diffusers` on an original
 * base), so a hit is said from the LoRA's side: `name map wan diffusers->original`.
 */
function fromLoraSide(label: string): string {
  return label.replace(/^(.*?)(\S+)->(\S+)(.*)$/, '$1$3->$2$4')
}

function hitsOf(path: string, space: BaseSpace): Hit[] {
  const dotted = path.includes('.')
  if (dotted) {
    const own = space.dotted.get(path)
    if (own) return [{ entry: own }]
  }
  const u = path.replace(/\./g, '_')
  const under = space.underscore.get(u)
  if (under) return under.map((entry) => ({ entry }))
  for (const alias of space.aliases) {
    const hits = dotted ? alias.dotted.get(path) : alias.underscore.get(u)
    if (hits)
      return hits.map((h) => ({ entry: h.entry, ...(h.slice ? { slice: h.slice } : {}), label: alias.label }))
  }
  return []
}

/**
 * Modulation chunk order between the implied name and the base's (src/names/modulation.ts, the rule the engine
 * uses too): a known different order makes the link a reorder, an unknown one an ambiguity.
 */
function applyChunkOrder(
  link: Link,
  impliedPath: string,
  basePath: string,
  baseShape: readonly number[],
  shape: readonly number[]
): void {
  if (layerRole(impliedPath).role !== 'mod' || layerRole(basePath).role !== 'mod') return
  const n = chunkCount(baseShape.filter((d) => d !== 1))
  if (n < 2 || numel(baseShape) !== numel(shape)) return
  const order = chunkOrder(impliedPath, basePath, n)
  if (order.kind === 'reorder') {
    link.kind = 'reorder'
    link.order = order.order
  } else if (order.kind === 'unknown') link.ambiguity = { kind: 'modulation-chunks', chunks: order.chunks }
}

function numel(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1)
}

/** Among several hits, the one whose shape fits (same shape, else same element count), else the first. */
function choose(hits: Hit[], shape: readonly number[], leaf: string): Hit {
  const shapeOf = (h: Hit) =>
    leaf === 'bias'
      ? (h.entry.bias?.shape ?? [])
      : h.slice
        ? [h.slice.size, ...h.entry.shape.slice(1)]
        : h.entry.shape
  return (
    hits.find((h) => shapeOf(h).join() === shape.join()) ??
    hits.find((h) => numel(shapeOf(h)) === numel(shape)) ??
    hits[0]!
  )
}

// Path segments of the name-mapped families that contain underscores, to rebuild the dotted path the name maps
// read from a kohya name (the maps match dotted paths).
const SEGMENTS = [
  'double_blocks',
  'single_blocks',
  'cross_attn',
  'self_attn',
  'q_linear',
  'kv_linear',
  'adaLN_modulation',
  'final_layer',
  'img_attn',
  'txt_attn',
  'img_mlp',
  'txt_mlp',
  'img_mod',
  'txt_mod',
  'y_embedder',
  'x_embedder',
  't_embedder',
  'y_proj'
]

/** The segments by their first word, longest first. */
const SEGMENTS_BY_FIRST = (() => {
  const map = new Map<string, string[][]>()
  for (const seg of SEGMENTS) {
    const words = seg.split('_')
    const list = map.get(words[0]!) ?? []
    list.push(words)
    map.set(
      words[0]!,
      list.sort((x, y) => y.length - x.length)
    )
  }
  return map
})()

/** `blocks_0_attn_qkv` -> `blocks.0.attn.qkv`, joining the known multi-word segments back. */
function dottedFromUnderscore(path: string): string {
  const words = path.split('_')
  const out: string[] = []
  let i = 0
  while (i < words.length) {
    let taken = 1
    for (const seg of SEGMENTS_BY_FIRST.get(words[i]!) ?? []) {
      if (seg.every((w, j) => words[i + j] === w)) {
        taken = seg.length
        break
      }
    }
    out.push(words.slice(i, i + taken).join('_'))
    i += taken
  }
  return out.join('.')
}

/**
 * Where a fused implied weight's rows land on a base that keeps the parts separate: the name-map families applied
 * to the implied path as if it were a base weight; every slice must land on a base weight of exactly that many rows.
 */
function splitOf(path: string, shape: readonly number[], space: BaseSpace): Link | null {
  const dotted = path.includes('.') ? path : dottedFromUnderscore(path)
  for (const family of space.families) {
    const aliases = family.aliases(dotted, shape)
    if (aliases.length === 0) continue
    // A family may offer several names for the same rows (FastVideo `to_q` and Wan-style `q`): per row range, the
    // first name the base has. An alias without a slice names all rows (a rename).
    const bySlice = new Map<number, { slice: RowSlice; paths: string[] }>()
    for (const x of aliases) {
      const slice = x.slice ?? { offset: 0, size: shape[0] ?? 0 }
      const s = bySlice.get(slice.offset) ?? { slice, paths: [] }
      s.paths.push(x.path)
      bySlice.set(slice.offset, s)
    }
    const b: string[] = []
    const rows: { start: number; end: number }[] = []
    for (const { slice, paths } of [...bySlice.values()].sort((x, y) => x.slice.offset - y.slice.offset)) {
      const entry = paths.map((p) => space.dotted.get(p)).find((e) => e !== undefined)
      if (!entry) continue
      b.push(nameOf(entry, 'weight'))
      rows.push({ start: slice.offset, end: slice.offset + slice.size })
    }
    if (b.length === 0) continue
    const whole = b.length === 1 && rows[0]!.start === 0 && rows[0]!.end === (shape[0] ?? 0)
    const link: Link = {
      kind: whole ? 'rename' : 'split',
      a: [`${path}.weight`],
      b,
      confidence: 'high',
      evidence: [{ kind: 'name-map', map: family.label }]
    }
    if (!whole) link.rows = rows
    return link
  }
  return null
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
  const fused = new Map<string, { a: string; slice: RowSlice; label: string }[]>()
  for (const spec of a) {
    const { path, leaf } = split(spec.name)
    const hits = hitsOf(path, space).filter((h) => (leaf === 'bias' ? h.entry.bias !== undefined : true))
    if (hits.length === 0) {
      const s = leaf === 'weight' ? splitOf(path, spec.shape, space) : null
      if (s) {
        links.push(s)
        for (const k of s.b) used.add(k)
      } else unmatchedA.push(spec.name)
      continue
    }
    const hit = choose(hits, spec.shape, leaf)
    const key = nameOf(hit.entry, leaf)
    if (hit.slice) {
      const list = fused.get(key) ?? []
      list.push({ a: spec.name, slice: hit.slice, label: hit.label ?? '' })
      fused.set(key, list)
      used.add(key)
      continue
    }
    const baseShape = leaf === 'bias' ? hit.entry.bias!.shape : hit.entry.shape
    const reshape = baseShape.join() !== spec.shape.join() && numel(baseShape) === numel(spec.shape)
    const link: Link = {
      kind: reshape && baseShape.length !== spec.shape.length ? 'reshape' : 'rename',
      a: [spec.name],
      b: [key],
      confidence: 'high',
      evidence: hit.label
        ? [{ kind: 'name-map', map: fromLoraSide(hit.label) }]
        : [{ kind: path.includes('.') && space.dotted.has(path) ? 'same-name' : 'same-tokens' }]
    }
    if (hit.label) applyChunkOrder(link, path, hit.entry.path, baseShape, spec.shape)
    const others = hits.filter((h) => h !== hit).map((h) => nameOf(h.entry, leaf))
    if (others.length > 0) link.alternatives = others
    links.push(link)
    used.add(key)
  }
  for (const [key, parts] of fused) {
    parts.sort((x, y) => x.slice.offset - y.slice.offset)
    links.push({
      kind: 'fuse',
      a: parts.map((p) => p.a),
      b: [key],
      rows: parts.map((p) => ({ start: p.slice.offset, end: p.slice.offset + p.slice.size })),
      confidence: 'high',
      evidence: [{ kind: 'name-map', map: fromLoraSide(parts[0]!.label) }]
    })
  }
  const byRole = fusedByRole(unmatchedA, a, space, used)
  links.push(...byRole)
  const linked = new Set(byRole.flatMap((l) => l.a))
  const left = new Set(unmatchedA)
  const engine = viaEngine(
    a.filter((t) => left.has(t.name) && !linked.has(t.name)),
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
