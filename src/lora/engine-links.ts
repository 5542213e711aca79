/**
 * The correspondence engine's part in LoRA resolution: what the base's own names do not hold is asked of
 * src/correspond, with A partial and B limited to the blocks A sits in; only high links that keep the block index
 * and do not pair siblings whose names differ by a stream qualifier (`v_img` beside `v`) are taken.
 */
import { correspond } from '../correspond/index.js'
import { FUSED_ROLE_PARTS, isStreamWord, layerRole, type Role } from '../names/index.js'
import type { Link, TensorSpec } from './correspondence.js'
import { blockOf } from './layers.js'

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
  // The extension must qualify a stream (`_img`, `_txt`, `_context`): `q_linear` beside `q` only spells the same
  // projection another way.
  const [short, long] = x.leaf.length < y.leaf.length ? [x.leaf, y.leaf] : [y.leaf, x.leaf]
  if (!long.startsWith(`${short}_`)) return false
  return long
    .slice(short.length + 1)
    .split('_')
    .some((w) => isStreamWord(w.toLowerCase()))
}

/** Bound on the names handed to the engine per call (the rest stays unmatched, with its reason). */
const MAX_ENGINE_NAMES = 20000

/**
 * What the base's own names do not hold, asked of the correspondence engine (src/correspond) with A partial. Only its high links
 * are taken, and only those that keep the block index: a LoRA module patches the block of the same number in every
 * naming of one network, and a wrong target is worse than none.
 */
export function viaEngine(a: readonly TensorSpec[], all: readonly TensorSpec[]): Link[] {
  // Where A's blocks are named as the base's (`blocks.N` on both), only the base tensors of the blocks A sits in can
  // be taken: the engine sees those (and the top level when A has names outside blocks), which keeps the call small
  // and its alignment to the blocks A has. A series the base names otherwise (`down_blocks` against
  // `input_blocks`, `double_blocks` against `transformer_blocks`) is the engine's to align, from structure.
  // Each name's block is read once per call (the filters below ask for it up to five times per name).
  // Nothing to ask: no name is read (the base's own names held every one).
  if (a.length === 0) return []
  const blocks = new Map<string, NameBlock>()
  const blockKeys = new BlockKeys()
  const blockOfName = (name: string): NameBlock => {
    let b = blocks.get(name)
    if (b === undefined) blocks.set(name, (b = blockKeys.of(nameBlockOf(name))))
    return b
  }
  // A spec that carries its block (the base index and the LoRA's grouping read them) is not read again.
  const blockOfSpec = (t: TensorSpec): NameBlock => {
    let b = blocks.get(t.name)
    if (b === undefined)
      blocks.set(t.name, (b = blockKeys.of(t.block === undefined ? nameBlockOf(t.name) : t.block)))
    return b
  }
  // Loops over the specs (thousands, mostly interpreted), and one NameBlock per block: sets of objects, not of
  // series-and-index strings built per name.
  const seriesA = new Set<string | null>()
  const inA = new Set<NameBlock>()
  for (let i = 0; i < a.length; i++) {
    const k = blockOfSpec(a[i]!)
    seriesA.add(k.series)
    inA.add(k)
  }
  const b: TensorSpec[] = []
  const seriesB = new Set<string | null>()
  const inB = new Set<NameBlock>()
  for (let i = 0; i < all.length; i++) {
    const k = blockOfSpec(all[i]!)
    if (k.series === null ? inA.has(k) : !seriesA.has(k.series) || inA.has(k)) {
      b.push(all[i]!)
      seriesB.add(k.series)
      inB.add(k)
    }
  }
  const mine: TensorSpec[] = []
  for (let i = 0; i < a.length; i++) {
    const k = blockOfSpec(a[i]!)
    if (k.series === null ? inB.has(k) : !seriesB.has(k.series) || inB.has(k)) mine.push(a[i]!)
  }
  if (mine.length === 0 || mine.length + b.length > MAX_ENGINE_NAMES) return []
  // A role is read once per inner path with its indices folded (`blocks.3.self.attn.q` and `blocks.4.self.attn.q`
  // read alike: see foldedInnerPath), so each block's copy of a layer costs a lookup, not a reading.
  const roles = new Map<string, Role>()
  // By name first: a fused base layer is the target of each of its parts' links. Then by the name with its index
  // words folded (one replace), which every block's copy of a layer shares: the inner path is made (a split and
  // joins, ~2 MB of strings and arrays over the bench's 1,500-module LoRA) once per layer, not once per name.
  const byName = new Map<string, Role>()
  const byFolded = new Map<string, Role>()
  const roleOfName = (name: string): Role => {
    let r = byName.get(name)
    if (r !== undefined) return r
    const folded = foldIndexWords(name)
    r = byFolded.get(folded)
    if (r === undefined) {
      const inner = foldedInnerPath(folded.replace(/\.(?:weight|bias)$/, ''))
      r = roles.get(inner)
      if (r === undefined) roles.set(inner, (r = layerRole(inner).role))
      byFolded.set(folded, r)
    }
    byName.set(name, r)
    return r
  }
  const out: Link[] = []
  for (const l of correspond(mine, b, { partial: 'a' }).links) {
    if (l.confidence !== 'high') continue
    // A LoRA patches module weights, which a projection parameter's transpose is not: that base tensor is no
    // place for the module (transpose.ts).
    if (l.kind === 'transpose') continue
    // A tensor copied into every block (broadcast.ts) is not one module's weight: the engine never links those for
    // a partial A, and a LoRA module is not placed by them.
    if (l.kind === 'broadcast' || l.kind === 'collapse') continue
    if (!keepsBlock(l.a, l.b, blockOfName) || !sameNesting(l.a, l.b)) continue
    if (l.a.length === 1 && l.b.length === 1 && qualifiedApart(l.a[0]!, l.b[0]!)) continue
    if (l.a.length === 1 && l.b.length === 1 && !oneToOneRoles(l.kind, l.a[0]!, l.b[0]!, roleOfName)) continue
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

/** A tensor name's role (`layerRole` of its inner path, through a memo). */
type RoleOf = (name: string) => Role

/**
 * A one-to-one link names one layer on both sides: where both names tell a role (an attention output against a
 * time embedding's linear), they must tell the same one (the FFN's in / gate / up / out count as one family).
 */
function sameRole(a: string, b: string, role: RoleOf): boolean {
  const family = (r: Role): string => (r.startsWith('ffn-') ? 'ffn' : r)
  const ra = family(role(a))
  const rb = family(role(b))
  return ra === rb || ra === 'other' || rb === 'other'
}

/**
 * One part of a fused projection on its share of the rows (a LoRA that trains only q of a fused qkv): the names
 * must say so on both sides, the fused layer a qkv / kv and the part one of its roles. A layer whose name says
 * nothing of q, k or v is never squeezed into a share, whatever its shape.
 */
function partOfFused(part: string, fused: string, role: RoleOf): boolean {
  return FUSED_ROLE_PARTS[role(fused)]?.includes(role(part)) === true
}

function oneToOneRoles(kind: string, a: string, b: string, role: RoleOf): boolean {
  if (kind === 'fuse') return partOfFused(a, b, role)
  if (kind === 'split') return partOfFused(b, a, role)
  return sameRole(a, b, role)
}

/**
 * The layer's path from its innermost container on (`transformer_blocks.0.attn1.to_out.0`, `attentions.0.proj_out`):
 * the words that say its role, without the outer levels' (`down_blocks` is no FFN's `down`).
 */
export function innerPath(path: string): string {
  const words = path.split(/[._]/)
  let at = -1
  for (let i = 0; i < words.length - 1; i++)
    if (/^\d+$/.test(words[i]!) && !/^\d+$/.test(words[i + 1]!)) at = i
  if (at < 0) return words.join('.')
  let start = at
  while (start > 0 && /^\d+$/.test(words[start]!)) start--
  return words.slice(start).join('.')
}

/**
 * `innerPath` with its index words folded to `0` (`2` kept): the role `layerRole` gives is the same, and each
 * block's copy of a layer reads one path. No rule of a role reads an index's value but `2` after an attention word
 * (`attn.2` is cross attention); the role sets hold no digits, the stream marks are letters, and the word count
 * is kept.
 */
export function foldedInnerPath(path: string): string {
  const words = innerPath(path).split('.')
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w !== '2' && /^\d+$/.test(w)) words[i] = '0'
  }
  return words.join('.')
}

/** An index word other than `2` (words are split at `.` and `_`). */
const INDEX_WORD = /(?<=^|[._])(?!2(?:[._]|$))\d+(?=[._]|$)/g

/**
 * The name with every index word but `2` written `0`: `foldedInnerPath` gives the same path for both (it reads
 * only which words are indices, and folds the same words), so the name's role is the folded name's.
 */
export function foldIndexWords(name: string): string {
  return name.replace(INDEX_WORD, '0')
}

/** An index word with a word after it: `.0.` / `_0_` / `.0_` (or at the start). */
const INNER_INDEX = /(?:^|[._])\d+[._]/

/** The layer sits inside an indexed container (`mid_block.attentions.0.proj_out`), not at the model's top. */
export function nested(name: string): boolean {
  // Some index word, not the last word, of the name without its `.weight` / `.bias`.
  const cut = name.endsWith('.weight') ? 7 : name.endsWith('.bias') ? 5 : 0
  return INNER_INDEX.test(cut === 0 ? name : name.slice(0, name.length - cut))
}

/**
 * Both sides at the top, or both inside containers: a LoRA layer of a block that the engine could not align must
 * not take a top-level base layer of the same shape (`mid_block.attentions.0.proj_out` is not `time_embed.2`).
 */
function sameNesting(a: readonly string[], b: readonly string[]): boolean {
  const first = a[0] ?? b[0]
  if (first === undefined) return false
  const n = nested(first)
  for (const x of a) if (nested(x) !== n) return false
  for (const x of b) if (nested(x) !== n) return false
  return true
}

/** The block series a tensor name sits in (null at the top level) and its index there (-1 at the top level). */
interface NameBlock {
  series: string | null
  index: number
}

const TOP_LEVEL: NameBlock = Object.freeze({ series: null, index: -1 })

/** The block of a tensor name (its path without `.weight` / `.bias`), or null at the top level. */
function nameBlockOf(name: string): { series: string; index: number } | null {
  return blockOf(name.replace(/\.(?:weight|bias)$/, '')) ?? null
}

/**
 * One NameBlock per series and index (the top level is one too): a block is then its object, compared and hashed
 * by identity, where a key string per name (`blocks|3`) cost an allocation each for thousands of names.
 */
class BlockKeys {
  private readonly bySeries = new Map<string, Map<number, NameBlock>>()

  of(block: { series: string; index: number } | null): NameBlock {
    if (block === null) return TOP_LEVEL
    let byIndex = this.bySeries.get(block.series)
    if (byIndex === undefined) this.bySeries.set(block.series, (byIndex = new Map()))
    let key = byIndex.get(block.index)
    if (key === undefined) byIndex.set(block.index, (key = { series: block.series, index: block.index }))
    return key
  }
}

/**
 * A link between blocks of one series name keeps the block index: a LoRA module patches the block of the same
 * number in every naming that numbers them alike. Across series names (another layout), the engine's alignment
 * decides.
 */
function keepsBlock(a: readonly string[], b: readonly string[], block: (name: string) => NameBlock): boolean {
  if (a.length + b.length === 0) return false
  // Within one series (or all at the top level), the same block is the same NameBlock (one per block).
  const first = block(a[0] ?? b[0]!)
  let sameKey = true
  for (const names of [a, b])
    for (const n of names) {
      const k = block(n)
      if (k.series !== first.series) return true
      if (k !== first) sameKey = false
    }
  return sameKey
}
