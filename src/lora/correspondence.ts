/**
 * The one question LoRA resolution asks of a base: which base tensor(s) does each tensor a LoRA implies correspond
 * to. The answer has the shape of the correspondence engine's (`correspond(a, b, { partial: 'a' })`: links of kind
 * rename / reshape / split / fuse / reorder with row ranges, confidence, evidence and ambiguity), so the resolver
 * and convert read links and nothing else. `correspondImplied` is the single seam between LoRA resolution and the
 * engine.
 */
import { correspond } from '../correspond/index.js'
import { FUSED_ROLE_PARTS, layerRole, type LayerRole, type Role } from '../names/index.js'
import { blockOf } from './layers.js'
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
 * Chunk order across a name map, where the conventions disagree: diffusers' AdaLayerNormContinuous (`norm_out`)
 * splits its linear into (scale, shift) where the original final layers store (shift, scale) (diffusers
 * normalization.py AdaLayerNormContinuous.forward; original: shift, scale = adaLN_modulation(c).chunk(2)).
 * Returns, per chunk of the base weight, the implied chunk it takes; null when the order is the same.
 */
function chunkOrder(impliedPath: string, basePath: string): number[] | null {
  const diffusersSide = (p: string) => /(?:^|[._])norm_out[._]linear$/.test(p)
  return diffusersSide(impliedPath) !== diffusersSide(basePath) ? [1, 0] : null
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
    const order = hit.label ? chunkOrder(path, hit.entry.path) : null
    if (order && numel(baseShape) === numel(spec.shape) && (baseShape[0] ?? 0) % order.length === 0) {
      link.kind = 'reorder'
      link.order = order
    }
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

/** The index of the block a path sits in (`blocks.3`, `double_blocks.3`, kohya `blocks_3`), or null at the top level. */
function firstIndex(name: string): string | null {
  const block = blockOf(name.replace(/\.(?:weight|bias)$/, ''))
  return block ? String(block.index) : null
}

/**
 * True when the two are siblings in one naming and one's name extends the other's (`cross_attn.v_img` beside
 * `cross_attn.v`): that is another layer (the image branch's value beside the text's), never the same one renamed.
 */
function qualifiedApart(a: string, b: string): boolean {
  const strip = (n: string) => n.replace(/\.(?:weight|bias)$/, '')
  const pa = strip(a)
  const pb = strip(b)
  const cut = (p: string) => {
    const at = p.lastIndexOf('.')
    return { parent: p.slice(0, at + 1), leaf: p.slice(at + 1) }
  }
  const x = cut(pa)
  const y = cut(pb)
  if (x.parent !== y.parent || x.leaf === y.leaf) return false
  return x.leaf.startsWith(`${y.leaf}_`) || y.leaf.startsWith(`${x.leaf}_`)
}

/** Bound on the names handed to the engine per call (the rest stays unmatched, with its reason). */
const MAX_ENGINE_NAMES = 20000

/**
 * What no name map links, asked of the correspondence engine (src/correspond) with A partial. Only its high links
 * are taken, and only those that keep the block index: a LoRA module patches the block of the same number in every
 * naming of one network, and a wrong target is worse than none.
 */
function viaEngine(a: readonly TensorSpec[], all: readonly TensorSpec[]): Link[] {
  // Only the base tensors of the blocks A sits in can be taken: the engine sees those (and the top level when A has
  // names outside blocks), which keeps the call small and its alignment to the blocks A has.
  const inA = new Set(a.map((t) => firstIndex(t.name)))
  const b = all.filter((t) => inA.has(firstIndex(t.name)))
  const inB = new Set(b.map((t) => firstIndex(t.name)))
  const mine = a.filter((t) => inB.has(firstIndex(t.name)))
  if (mine.length === 0 || mine.length + b.length > MAX_ENGINE_NAMES) return []
  const out: Link[] = []
  for (const l of correspond(mine, b, { partial: 'a' }).links) {
    if (l.confidence !== 'high') continue
    if (new Set([...l.a, ...l.b].map(firstIndex)).size !== 1) continue
    if (l.a.length === 1 && l.b.length === 1 && qualifiedApart(l.a[0]!, l.b[0]!)) continue
    const link: Link = {
      kind: l.kind,
      a: [...l.a],
      b: [...l.b],
      confidence: l.confidence,
      evidence: [{ kind: 'engine', link: l.kind }]
    }
    if (l.rows) link.rows = l.rows.map((r) => ({ start: r.start, end: r.end }))
    if (l.ambiguity) link.ambiguity = { kind: l.ambiguity.kind, chunks: [...l.ambiguity.chunks] }
    for (const e of l.evidence) if (e.kind === 'chunk-order') link.order = [...e.order]
    out.push(link)
  }
  return out
}

interface Part {
  name: string
  rows: number
  cols: number
  role: LayerRole
  /** The first index in the path (the block), or null outside blocks. */
  block: string | null
}

function partOf(name: string, shape: readonly number[]): Part | null {
  if (shape.length !== 2) return null
  const path = name.replace(/\.weight$/, '')
  const role = layerRole(path)
  const block = /(?:^|[._])(\d+)(?=[._]|$)/.exec(path)
  return { name, rows: shape[0]!, cols: shape[1]!, role, block: block ? block[1]! : null }
}

/** Same block index, same sublayer (self vs cross attention) and stream (main vs context). */
function sameGroup(x: Part, y: Part): boolean {
  return (
    x.block !== null &&
    x.block === y.block &&
    x.role.sublayer === y.role.sublayer &&
    (x.role.stream ?? 'main') === (y.role.stream ?? 'main') &&
    x.cols === y.cols
  )
}

/**
 * Fused vs separate attention projections by role words (src/names): separate q/k/v (or k/v) of one block's
 * attention onto the base's fused qkv (kv) of the same block index, sublayer and stream whose rows they sum to
 * exactly (a fuse), and a fused projection onto the base's separate ones (a split). Only when exactly one base
 * layer fits; rows in the q, k, v order every known converter uses.
 */
function fusedByRole(
  unmatched: readonly string[],
  a: readonly TensorSpec[],
  space: BaseSpace,
  used: Set<string>
): Link[] {
  // Per block index, the attention projections of both sides; the pairing below is quadratic in a block only.
  const groups = new Map<string, { mine: Part[]; base: Part[] }>()
  const shapes = new Map(a.map((t) => [t.name, t.shape]))
  for (const n of unmatched) {
    const block = firstIndex(n)
    if (block === null) continue
    const p = partOf(n, shapes.get(n) ?? [])
    if (!p || !ATTENTION_ROLES.has(p.role.role)) continue
    const g = groups.get(block) ?? { mine: [], base: [] }
    g.mine.push(p)
    groups.set(block, g)
  }
  if (groups.size === 0) return []
  for (const e of space.entries) {
    if (e.isParam) continue
    const name = `${e.path}.weight`
    const g = groups.get(firstIndex(name) ?? '')
    if (!g || used.has(name)) continue
    const p = partOf(name, e.shape)
    if (p && ATTENTION_ROLES.has(p.role.role)) g.base.push(p)
  }
  const links: Link[] = []
  for (const { mine, base } of groups.values()) {
    if (mine.length > MAX_BLOCK_PARTS || base.length > MAX_BLOCK_PARTS) continue
    links.push(...pairInBlock(mine, base, used))
  }
  return links
}

const ATTENTION_ROLES = new Set<Role>(['q', 'k', 'v', 'qkv', 'kv'])
/** Projections per side and block past which a block is left alone (a real block has a handful). */
const MAX_BLOCK_PARTS = 256

function pairInBlock(mine: Part[], base: Part[], used: Set<string>): Link[] {
  const links: Link[] = []
  const taken = new Set<string>()
  const evidence: LinkEvidence[] = [{ kind: 'role-words' }]
  for (const fused of mine) {
    const wanted = FUSED_ROLE_PARTS[fused.role.role]
    if (!wanted || taken.has(fused.name)) continue
    const parts = wanted.map((r) =>
      base.filter((q) => !used.has(q.name) && q.role.role === r && sameGroup(q, fused))
    )
    if (parts.some((c) => c.length !== 1)) continue
    const chosen = parts.map((c) => c[0]!)
    if (chosen.reduce((n, q) => n + q.rows, 0) !== fused.rows) continue
    let start = 0
    const rows = chosen.map((q) => ({ start, end: (start += q.rows) }))
    taken.add(fused.name)
    for (const q of chosen) used.add(q.name)
    links.push({
      kind: 'split',
      a: [fused.name],
      b: chosen.map((q) => q.name),
      rows,
      confidence: 'high',
      evidence
    })
  }
  for (const target of base) {
    const wanted = FUSED_ROLE_PARTS[target.role.role] as Role[] | undefined
    if (!wanted || used.has(target.name)) continue
    const parts = wanted.map((r) =>
      mine.filter((q) => !taken.has(q.name) && q.role.role === r && sameGroup(q, target))
    )
    // A LoRA may train only some of the parts (q and v): the rows of the others stay untouched.
    if (parts.some((c) => c.length > 1) || parts.every((c) => c.length === 0)) continue
    const rowsEach = target.rows / wanted.length
    const present = parts.flatMap((c, i) => (c.length === 1 ? [{ part: c[0]!, i }] : []))
    if (present.some(({ part }) => part.rows !== rowsEach)) continue
    for (const { part } of present) taken.add(part.name)
    used.add(target.name)
    links.push({
      kind: 'fuse',
      a: present.map(({ part }) => part.name),
      b: [target.name],
      rows: present.map(({ i }) => ({ start: i * rowsEach, end: (i + 1) * rowsEach })),
      confidence: 'high',
      evidence
    })
  }
  return links
}
