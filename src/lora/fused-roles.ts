/**
 * Fused vs separate attention projections read from their role words (src/names): a LoRA's separate q/k/v (or
 * k/v) onto the base's fused qkv (kv) of the same block index, sublayer and stream, and a fused projection onto
 * separate ones, where the rows sum exactly.
 */
import { FUSED_ROLE_PARTS, layerRole, type LayerRole, type Role } from '../names/index.js'
import type { BaseSpace } from './base-index.js'
import type { Link, LinkEvidence, TensorSpec } from './correspondence.js'
import { blockIndex as firstIndex } from './layers.js'

interface Part {
  name: string
  rows: number
  cols: number
  role: LayerRole
  /** The index of the block the path sits in (names/series.ts via layers.ts), or null outside blocks. */
  block: string | null
}

function partOf(name: string, shape: readonly number[]): Part | null {
  if (shape.length !== 2) return null
  const path = name.replace(/\.weight$/, '')
  const role = layerRole(path)
  return { name, rows: shape[0]!, cols: shape[1]!, role, block: firstIndex(path) }
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
export function fusedByRole(
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
  return [...links, ...biasLinks(links, shapes, space, used)]
}

/**
 * The biases of the layers just linked, on the same rows (a full diff's `.diff_b` beside its `.diff`): a bias link
 * only where the LoRA implies every bias of its side of the link with the weight's rows and the base has every
 * bias of its side, so a resolution names each base tensor the module patches.
 */
function biasLinks(
  weights: readonly Link[],
  shapes: ReadonlyMap<string, readonly number[]>,
  space: BaseSpace,
  used: Set<string>
): Link[] {
  const baseBias = new Map<string, readonly number[]>()
  for (const e of space.entries) if (e.bias && !e.isParam) baseBias.set(`${e.path}.weight`, e.bias.shape)
  const biasOf = (weight: string) => weight.replace(/\.weight$/, '.bias')
  const out: Link[] = []
  for (const l of weights) {
    const rowsOf = (shape: readonly number[] | undefined) => (shape?.length === 1 ? shape[0] : undefined)
    const mineFit = l.a.every((w) => rowsOf(shapes.get(biasOf(w))) === shapes.get(w)?.[0])
    const baseFit = l.b.every((w) => {
      const weight = space.dotted.get(w.replace(/\.weight$/, ''))
      return rowsOf(baseBias.get(w)) === weight?.shape[0]
    })
    if (!mineFit || !baseFit || l.b.some((w) => used.has(biasOf(w)))) continue
    for (const w of l.b) used.add(biasOf(w))
    out.push({ ...l, a: l.a.map(biasOf), b: l.b.map(biasOf), rows: l.rows?.map((r) => ({ ...r })) })
  }
  return out
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
