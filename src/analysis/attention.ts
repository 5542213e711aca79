/**
 * Attention modules from names and shapes: which projections a module has (fused qkv, separate q/k/v, q plus fused
 * kv, or the unequal fused linear of Flux-style single blocks), self vs cross vs joint attention, q/k norms and
 * whether they are per head. Works on a block template (keys relative to the block) or on top-level keys.
 */
import {
  attentionPart,
  CROSS_ATTENTION_NAMES,
  IMAGE_WORDS,
  SELF_ATTENTION_NAMES,
  STREAM_ATTENTION_NAMES,
  STREAM_BLOCK_NAMES
} from '../names/roles.js'
import { splitLeaf } from './keys.js'
import type {
  AttentionKind,
  AttentionLayout,
  AttentionModule,
  AttentionProjection,
  ProjectionRole
} from './types.js'

export interface ModuleEntry {
  key: string
  shape: readonly number[]
}

type NormRole = 'q_norm' | 'k_norm' | 'added_q_norm' | 'added_k_norm' | 'k_img_norm'

/**
 * The projection or q/k norm a layer name stands for, read with the shared role words (src/names/roles.ts): the
 * added (context) stream of joint attention gives `added_*`, an image branch of cross attention `k_img` / `v_img`.
 */
type Part = { role: ProjectionRole } | { norm: NormRole } | null

/**
 * partOf per layer name: the same few names (`to_q`, `norm1`, `proj_in`) recur in every family and model, and the
 * word reading behind them is the costliest step of the attention search. Bounded for hostile files' names.
 */
const PARTS = new Map<string, Part>()
const MAX_PARTS = 4096

function partOf(name: string): Part {
  const known = PARTS.get(name)
  if (known !== undefined) return known
  const part = readPart(name)
  if (PARTS.size < MAX_PARTS) PARTS.set(name, part)
  return part
}

function readPart(name: string): Part {
  const p = attentionPart(name)
  if (!p) return null
  const added = p.stream === 'context'
  // `k_img`: the image branch of a cross attention (the one-letter `x` of MMDiT streams is no image branch).
  const image = p.stream === 'main' && p.words.some((w) => IMAGE_WORDS.has(w))
  switch (p.part) {
    case 'q-norm':
      return added ? { norm: 'added_q_norm' } : { norm: 'q_norm' }
    case 'k-norm':
      return added ? { norm: 'added_k_norm' } : image ? { norm: 'k_img_norm' } : { norm: 'k_norm' }
    case 'o':
      return { role: added ? 'added_out' : 'out' }
    case 'q':
    case 'qkv':
      return { role: added ? (`added_${p.part}` as const) : p.part }
    case 'k':
    case 'v':
      return { role: added ? (`added_${p.part}` as const) : image ? (`${p.part}_img` as const) : p.part }
    case 'kv':
      return added || image ? null : { role: 'kv' }
  }
}

const UNDERSCORE_ATTN = /^(.*attn)_(.+)$/

interface Container {
  path: string
  order: number
  projections: Map<ProjectionRole, ModuleEntry>
  norms: Map<NormRole, ModuleEntry>
}

type Classified = { container: string; role: ProjectionRole } | { container: string; norm: NormRole }

function joinPath(parts: readonly string[]): string {
  return parts.join('.')
}

/** Places one weight-like key in an attention container, or returns null. */
function classify(key: string): Classified | null {
  const { module, leaf } = splitLeaf(key)
  if (leaf === 'in_proj_weight') return { container: module, role: 'qkv' }
  if (leaf !== 'weight' && leaf !== 'scale' && leaf !== 'weight_int8') return null
  const segs = module.split('.')
  let last = segs[segs.length - 1]
  let parent = segs.slice(0, -1)
  if (/^\d+$/.test(last) && parent.length > 0 && parent[parent.length - 1] === 'to_out') {
    // diffusers `to_out.0` (Linear inside a ModuleList with a Dropout).
    last = 'to_out'
    parent = parent.slice(0, -1)
  }
  const lower = last.toLowerCase()
  const underscore = UNDERSCORE_ATTN.exec(lower)
  const fromName = (name: string, containerParts: string[]): Classified | null => {
    const part = partOf(name)
    if (!part) return null
    if ('role' in part) return { container: joinPath(containerParts), role: part.role }
    {
      const norm = part.norm
      // Flux keeps its q/k norms under a QKNorm module: img_attn.norm.query_norm.scale.
      const parts =
        containerParts[containerParts.length - 1] === 'norm' ? containerParts.slice(0, -1) : containerParts
      return { container: joinPath(parts), norm }
    }
    return null
  }
  if (underscore) {
    // HunyuanVideo / GGUF style: img_attn_qkv, img_attn_q_norm, attn_q, attn_output.
    const sub = underscore[2]
    const containerParts = [...parent, last.slice(0, underscore[1].length)]
    return fromName(sub, containerParts)
  }
  return fromName(lower, parent)
}

/** Finds the attention modules among `entries` (keys relative to a block, or top-level keys). */
export function findAttentionModules(
  entries: readonly ModuleEntry[],
  family: string | null,
  blocksHaving: (key: string) => number,
  notes: string[]
): AttentionModule[] {
  const byKey = new Map(entries.map((e) => [e.key, e]))
  const containers = new Map<string, Container>()
  // Per container, a second projection of a role already taken: a numbered stream's (numberedStreams).
  const repeats = new Map<Container, Map<ProjectionRole, ModuleEntry>>()
  entries.forEach((e) => {
    const c = classify(e.key)
    if (!c) return
    let container = containers.get(c.container)
    if (!container) {
      container = { path: c.container, order: containers.size, projections: new Map(), norms: new Map() }
      containers.set(c.container, container)
    }
    if ('role' in c) {
      if (!container.projections.has(c.role)) container.projections.set(c.role, e)
      else {
        let r = repeats.get(container)
        if (!r) repeats.set(container, (r = new Map()))
        if (!r.has(c.role)) r.set(c.role, e)
      }
    } else if (!container.norms.has(c.norm)) container.norms.set(c.norm, e)
  })
  for (const [container, second] of repeats) numberedStreams(container, second)

  const modules: AttentionModule[] = []
  for (const c of [...containers.values()].sort((a, b) => a.order - b.order)) {
    const p = c.projections
    const hasQkvSide = ['q', 'k', 'v', 'qkv', 'kv', 'added_q', 'added_qkv'].some((r) =>
      p.has(r as ProjectionRole)
    )
    if (!hasQkvSide) {
      if (c.norms.has('q_norm') || c.norms.has('k_norm')) {
        const fused = findFusedQkvMlp(entries, c.path)
        if (fused) p.set('fused_qkv_mlp', fused.linear)
        if (fused?.out) p.set('out', fused.out)
      }
      if (!p.has('fused_qkv_mlp')) continue
    }
    modules.push(describe(c, family, byKey, blocksHaving, notes))
  }
  secondSelfAttention(modules)
  return modules
}

/**
 * A block whose joint attention already takes the context stream (its added projections) has no context left for
 * a cross attention: another attention there that reads as cross by its name alone (`attn2`), with k/v of the
 * hidden width, is a second self attention over the main stream (SD3.5's MMDiT-X blocks, whose diffusers `attn2`
 * is the UNets' cross-attention name). One of another k/v width stays cross (the dims say so).
 */
function secondSelfAttention(modules: AttentionModule[]): void {
  if (!modules.some((m) => m.kind === 'joint' && m.hasAddedStream)) return
  for (const m of modules) {
    if (m.kind !== 'cross' || m.contextDim !== null || !m.kindEvidence.startsWith('name ')) continue
    m.kind = 'self'
    m.kindEvidence = `${m.kindEvidence} reads as cross, but the block's joint attention takes the context stream and this one's k/v have the hidden width: a second self attention`
  }
}

/** The roles a stream's projection set takes, and the added (context) stream's role for each. */
const ADDED_ROLE: ReadonlyMap<ProjectionRole, ProjectionRole> = new Map<ProjectionRole, ProjectionRole>([
  ['q', 'added_q'],
  ['k', 'added_k'],
  ['v', 'added_v'],
  ['qkv', 'added_qkv'],
  ['out', 'added_out']
])

/**
 * Two complete projection sets in one attention told apart by a number only (AuraFlow's `w1q` ... `w1o` beside
 * `w2q` ... `w2o`): the two streams of a joint attention. Joint attention concatenates the conditioning tokens
 * first in the MMDiT line (SD3, Flux, AuraFlow), so the lower number is read as the added (context) stream, as
 * the correspondence engine reads it (src/correspond/numbered-streams.ts). Anything less than two complete sets,
 * each pair of names differing in that one number, is left as it is (the first of each role kept).
 */
function numberedStreams(c: Container, second: ReadonlyMap<ProjectionRole, ModuleEntry>): void {
  const p = c.projections
  const roles = [...p.keys()]
  if (roles.length !== second.size || roles.some((r) => !ADDED_ROLE.has(r) || !second.has(r))) return
  if (!(p.has('qkv') || (p.has('q') && p.has('k') && p.has('v')))) return
  let numbers: [number, number] | undefined
  for (const r of roles) {
    const pair = numberPair(splitLeaf(p.get(r)!.key).module, splitLeaf(second.get(r)!.key).module)
    if (!pair || (numbers && (numbers[0] !== pair[0] || numbers[1] !== pair[1]))) return
    numbers = pair
  }
  if (!numbers || numbers[0] === numbers[1]) return
  const firstIsContext = numbers[0] < numbers[1]
  for (const r of roles) {
    const [context, main] = firstIsContext ? [p.get(r)!, second.get(r)!] : [second.get(r)!, p.get(r)!]
    p.set(r, main)
    p.set(ADDED_ROLE.get(r)!, context)
  }
}

/** The numbers of two names equal but for one number (`attn.w1q`, `attn.w2q`: 1 and 2), else undefined. */
function numberPair(a: string, b: string): [number, number] | undefined {
  const da = /\d+/g
  const partsA = a.split(da)
  const partsB = b.split(da)
  const numsA = a.match(da) ?? []
  const numsB = b.match(da) ?? []
  if (partsA.join('#') !== partsB.join('#') || numsA.length !== numsB.length) return undefined
  let at = -1
  for (let i = 0; i < numsA.length; i++) {
    if (numsA[i] === numsB[i]) continue
    if (at >= 0) return undefined
    at = i
  }
  return at < 0 ? undefined : [Number(numsA[at]), Number(numsB[at])]
}

/** Flux/Hunyuan single blocks: one linear [3d + m, d] feeding q, k, v and the MLP, and one [d, d + m] after it. */
function findFusedQkvMlp(
  entries: readonly ModuleEntry[],
  container: string
): { linear: ModuleEntry; out?: ModuleEntry } | null {
  const direct = entries.filter((e) => {
    const { module, leaf } = splitLeaf(e.key)
    return leaf === 'weight' && e.shape.length === 2 && splitLeaf(module).module === container
  })
  const linear = direct.find((e) => e.shape[0] > 3 * e.shape[1])
  if (!linear) return null
  const d = linear.shape[1]
  const m = linear.shape[0] - 3 * d
  const out = direct.find((e) => e !== linear && e.shape[0] === d && e.shape[1] === d + m)
  return { linear, out }
}

function inDim(e: ModuleEntry | undefined): number | null {
  return e && e.shape.length >= 2 ? e.shape[1] : null
}
function outDim(e: ModuleEntry | undefined): number | null {
  return e && e.shape.length >= 1 ? e.shape[0] : null
}

function describe(
  c: Container,
  family: string | null,
  byKey: ReadonlyMap<string, ModuleEntry>,
  blocksHaving: (key: string) => number,
  notes: string[]
): AttentionModule {
  const p = c.projections
  const where = family ? `${family}.*.${c.path || '(block)'}` : c.path || '(root)'
  let layout: AttentionLayout
  if (p.has('fused_qkv_mlp')) layout = 'fused-qkv-mlp'
  else if (p.has('qkv')) layout = 'fused-qkv'
  else if (p.has('q') && p.has('kv')) layout = 'q-fused-kv'
  else if (p.has('q') && p.has('k') && p.has('v')) layout = 'separate'
  else layout = 'partial'

  const query = p.get('qkv') ?? p.get('fused_qkv_mlp') ?? p.get('q') ?? p.get('added_q')
  const hiddenDim = inDim(query)
  const qkv = p.get('qkv')
  if (qkv && hiddenDim !== null && outDim(qkv) !== 3 * hiddenDim) {
    notes.push(`${where}: fused qkv ${JSON.stringify(qkv.shape)} is not [3 x ${hiddenDim}, ${hiddenDim}]`)
  }
  const kv = p.get('kv')
  if (kv && outDim(kv) !== 2 * (outDim(p.get('q')) ?? -1)) {
    notes.push(`${where}: fused kv ${JSON.stringify(kv.shape)} is not twice the q projection's out dim`)
  }
  const keySide = p.get('k') ?? kv
  const keyIn = inDim(keySide)
  const contextDim = keyIn !== null && hiddenDim !== null && keyIn !== hiddenDim ? keyIn : null
  const hasAddedStream = p.has('added_q') || p.has('added_qkv')

  const { kind, kindEvidence } = attentionKind(c.path, layout, contextDim, hasAddedStream)

  const qNorm = c.norms.get('q_norm') ?? c.norms.get('k_norm')
  const size = qNorm && qNorm.shape.length === 1 ? qNorm.shape[0] : null
  let perHead: boolean | null = null
  let headDim: number | null = null
  let heads: number | null = null
  if (size !== null && hiddenDim !== null) {
    if (size === hiddenDim) perHead = false
    else if (size < hiddenDim && size > 0 && hiddenDim % size === 0) {
      perHead = true
      headDim = size
      heads = hiddenDim / size
    }
  }
  const fused = p.get('fused_qkv_mlp')
  const projections: AttentionProjection[] = [...p.entries()].map(([role, e]) => ({
    role,
    key: e.key,
    shape: [...e.shape],
    bias:
      byKey.has(`${splitLeaf(e.key).module}.bias`) ||
      (role === 'qkv' && byKey.has(e.key.replace(/weight$/, 'bias')))
  }))
  return {
    family,
    path: c.path,
    blocks: family ? blocksHaving(query?.key ?? [...p.values()][0].key) : 1,
    layout,
    kind,
    kindEvidence,
    projections,
    qkNorm: {
      present: c.norms.size > 0,
      keys: [...c.norms.values()].map((e) => e.key),
      size,
      perHead
    },
    hiddenDim,
    contextDim,
    headDim,
    heads,
    fusedMlpDim: fused && hiddenDim !== null ? fused.shape[0] - 3 * hiddenDim : null,
    hasAddedStream
  }
}

function attentionKind(
  path: string,
  layout: AttentionLayout,
  contextDim: number | null,
  hasAddedStream: boolean
): { kind: AttentionKind; kindEvidence: string } {
  const segs = path.split('.')
  const name = segs[segs.length - 1].toLowerCase()
  const parentName = (segs[segs.length - 2] ?? '').toLowerCase()
  if (hasAddedStream) {
    return {
      kind: 'joint',
      kindEvidence: 'add_q/add_k/add_v projections: a second (context) stream joins the attention'
    }
  }
  if (STREAM_ATTENTION_NAMES.has(name) || (name === 'attn' && STREAM_BLOCK_NAMES.has(parentName))) {
    return {
      kind: 'joint',
      kindEvidence: `name '${segs.slice(-2).join('.')}': one stream of a dual-stream joint attention`
    }
  }
  if (layout === 'fused-qkv' || layout === 'fused-qkv-mlp') {
    return { kind: 'self', kindEvidence: 'q, k and v come from one fused projection of the same input' }
  }
  if (contextDim !== null) {
    return {
      kind: 'cross',
      kindEvidence: `k/v input dim ${contextDim} differs from the hidden dim (context of another width)`
    }
  }
  if (CROSS_ATTENTION_NAMES.has(name)) return { kind: 'cross', kindEvidence: `name '${name}'` }
  if (SELF_ATTENTION_NAMES.has(name)) return { kind: 'self', kindEvidence: `name '${name}'` }
  if (layout === 'q-fused-kv') {
    return {
      kind: 'cross',
      kindEvidence: 'k and v share a projection separate from q (the usual cross-attention form); inferred'
    }
  }
  if (name === 'attn' || name === 'attention') {
    return {
      kind: 'self',
      kindEvidence: `name '${name}' with no cross-attention marker and equal dims; inferred`
    }
  }
  return { kind: 'unknown', kindEvidence: 'no name or shape tells self from cross attention' }
}

/**
 * The attention modules among any list of keys and shapes (e.g. one block's keys, or a LoRA's target modules with
 * their base shapes), without a block family: a convenience for compare and LoRA code.
 */
export function attentionModulesOf(entries: readonly ModuleEntry[]): AttentionModule[] {
  return findAttentionModules(entries, null, () => 1, [])
}
