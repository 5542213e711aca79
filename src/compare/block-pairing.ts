/**
 * Block-series pairing (not model-family detection, which is src/names/families.ts): which block family of A
 * corresponds to which of B, for the block-count flags. Families with the same prefix pair first (two sizes of one
 * model keep their names); the others pair by where the engine's high-confidence links go. A pair's block counts are comparable only when its blocks map one to one: LDM `input_blocks` (12)
 * and diffusers `down_blocks` (4) hold the same layers nested differently, and that is no size difference.
 */
import type { Link } from '../correspond/index.js'
import type { FamilyPairing, MappedFamily } from './types.js'
import type { ParsedModel, Scope } from './model.js'

/** Each key of a block family -> its scope (the block: family prefix and index), shared by the block's keys. */
function familyIndex(model: ParsedModel): Map<string, Scope> {
  const out = new Map<string, Scope>()
  for (const f of model.families) {
    for (const s of f.scopes) {
      for (const t of s.keys) out.set(t.key, s)
    }
  }
  return out
}

export function pairFamilies(a: ParsedModel, b: ParsedModel, links: readonly Link[]): FamilyPairing[] {
  const out: FamilyPairing[] = []
  const countA = new Map(a.families.map((f) => [f.prefix, f.scopes.length]))
  const countB = new Map(b.families.map((f) => [f.prefix, f.scopes.length]))
  const usedA = new Set<string>()
  const usedB = new Set<string>()
  for (const [prefix, n] of countA) {
    const m = countB.get(prefix)
    if (m === undefined) continue
    out.push({ a: prefix, b: prefix, countA: n, countB: m })
    usedA.add(prefix)
    usedB.add(prefix)
  }
  const ia = familyIndex(a)
  const ib = familyIndex(b)
  // (family A, family B) -> the block index pairs the links join.
  type Join = { fa: string; fb: string; pairs: Set<string>; links: number }
  const joins = new Map<string, Join>()
  // The links of one block pair come together: while the blocks are the last link's, only the count changes (no
  // key strings built per link, interpreted). The used families do not change in this loop.
  let lastX: Scope | undefined
  let lastY: Scope | undefined
  let lastJoin: Join | undefined
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!
    if (l.confidence !== 'high') continue
    const x = ia.get(l.a[0] ?? '')
    const y = ib.get(l.b[0] ?? '')
    if (!x || !y) continue
    if (x === lastX && y === lastY && lastJoin !== undefined) {
      lastJoin.links++
      continue
    }
    if (usedA.has(x.family) || usedB.has(y.family)) continue
    const key = `${x.family}\u0000${y.family}`
    let j = joins.get(key)
    if (!j) joins.set(key, (j = { fa: x.family, fb: y.family, pairs: new Set(), links: 0 }))
    j.pairs.add(`${x.index}:${y.index}`)
    j.links++
    lastX = x
    lastY = y
    lastJoin = j
  }
  for (const j of [...joins.values()].sort((p, q) => q.links - p.links)) {
    if (usedA.has(j.fa) || usedB.has(j.fb)) continue
    usedA.add(j.fa)
    usedB.add(j.fb)
    const left = new Set<string>()
    const right = new Set<string>()
    for (const p of j.pairs) {
      const [x, y] = p.split(':')
      left.add(x!)
      right.add(y!)
    }
    // Blocks one to one: the counts say something about size. Otherwise the nesting differs: no count claim.
    // One to one over every block of both families; a family whose blocks also went elsewhere (LDM
    // `middle_block` 0 and 2 to `mid_block.resnets`, 1 to `mid_block.attentions`) is restructured too.
    const na = countA.get(j.fa) ?? 0
    const nb = countB.get(j.fb) ?? 0
    const oneToOne = left.size === j.pairs.size && right.size === j.pairs.size
    const restructured = !oneToOne || left.size !== na || right.size !== nb
    const tail = oneToOne ? droppedTail(j.pairs, na, nb) : undefined
    out.push({
      a: j.fa,
      b: j.fb,
      countA: na,
      countB: nb,
      ...(tail ? { missingTail: tail } : restructured ? { restructured: true } : {})
    })
  }
  return out
}

/**
 * One network saved without its last blocks (a text encoder kept to its penultimate layer): the links join block i
 * to block i, every block of the shorter family and the first ones of the longer, so the longer side's last blocks
 * are what the other lacks. Not a nesting difference, and not another depth of the design: the kept blocks are
 * the same blocks.
 */
function droppedTail(
  pairs: ReadonlySet<string>,
  countA: number,
  countB: number
): FamilyPairing['missingTail'] | undefined {
  if (countA === countB || pairs.size !== Math.min(countA, countB)) return undefined
  for (const p of pairs) {
    const [x, y] = p.split(':')
    if (x !== y || !(Number(x) < pairs.size)) return undefined
  }
  const from = pairs.size
  const to = Math.max(countA, countB)
  return { side: countA < countB ? 'a' : 'b', blocks: Array.from({ length: to - from }, (_, i) => from + i) }
}

/** Share of an unpaired family's keys that high-confidence links must cover for it to count as mapped. */
const MAPPED_SHARE = 0.9

/**
 * Block families with no family counterpart whose keys the mapping links anyway (at high confidence, 90% of them
 * or more): their layers sit outside any numbered series on the other side (LDM's `mid.block_1` / `block_2`
 * against diffusers' `mid_block.resnets.0` / `.1`), or in a series the other side nests under a component prefix.
 * The network is the same there; only the grouping differs.
 */
export function familiesMappedElsewhere(
  a: ParsedModel,
  b: ParsedModel,
  links: readonly Link[],
  pairs: readonly FamilyPairing[]
): MappedFamily[] {
  const out: MappedFamily[] = []
  const pairedA = new Set(pairs.map((p) => p.a))
  const pairedB = new Set(pairs.map((p) => p.b))
  // Most comparisons pair every family: nothing to count, and no set of every linked key to build.
  if (a.families.every((f) => pairedA.has(f.prefix)) && b.families.every((f) => pairedB.has(f.prefix)))
    return out
  const linkedA = new Set<string>()
  const linkedB = new Set<string>()
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!
    if (l.confidence !== 'high') continue
    for (const k of l.a) linkedA.add(k)
    for (const k of l.b) linkedB.add(k)
  }
  for (const [side, model, linked] of [
    ['a', a, linkedA],
    ['b', b, linkedB]
  ] as const) {
    const paired = side === 'a' ? pairedA : pairedB
    for (const f of model.families) {
      if (paired.has(f.prefix)) continue
      let keys = 0
      let hit = 0
      for (const s of f.scopes)
        for (const t of s.keys) {
          keys++
          if (linked.has(t.key)) hit++
        }
      if (keys > 0 && hit >= MAPPED_SHARE * keys) out.push({ side, prefix: f.prefix, keys, linked: hit })
    }
  }
  return out
}
