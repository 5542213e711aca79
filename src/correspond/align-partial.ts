/**
 * Unit alignment when A is partial (a LoRA's layers): its units hold only the matrices the LoRA trains, so they
 * pair with B's by the matrices they hold, by the innermost level both layouts name alike, by their paired
 * children, and series of other names by the words they share. Used by align.ts.
 */
import type { Side, Unit } from './model.js'
import { ORDER_SEPARATOR, compareOrder } from './units.js'
import type { UnitPair } from './align.js'

/**
 * A unit's matrices (layers of 2+ dims after squeezing), counted per shape: what a LoRA patches. Read once per
 * unit (the series reversal, the class pass and the container and step passes all ask for them; a unit's layers
 * no longer change once its side is built) and never written by the callers.
 */
const MATRIX_COUNTS = new WeakMap<Unit, ReadonlyMap<string, number>>()

function matrixCounts(u: Unit): ReadonlyMap<string, number> {
  let m = MATRIX_COUNTS.get(u)
  if (m !== undefined) return m
  const counts = new Map<string, number>()
  const layers = u.layers
  for (let i = 0; i < layers.length; i++) {
    const sig = layers[i]!.sig
    if (sig.includes('x')) counts.set(sig, (counts.get(sig) ?? 0) + 1)
  }
  MATRIX_COUNTS.set(u, (m = counts))
  return m
}

function countsKey(m: ReadonlyMap<string, number>): string {
  return [...m.entries()]
    .map(([s, n]) => `${s}*${n}`)
    .sort()
    .join(';')
}

/** Every matrix shape of `need`, as many times, is in `have`. */
function holds(have: ReadonlyMap<string, number>, need: ReadonlyMap<string, number>): boolean {
  for (const [s, n] of need) if ((have.get(s) ?? 0) < n) return false
  return true
}

/** The section rank a unit's order starts with (down / mid / up), or -1 when its path names none. */
function sectionKey(u: Unit): number {
  return u.order[0] === ORDER_SEPARATOR ? -1 : (u.order[0] ?? -1)
}

/** Bound on the B units a partial class looks at (a hostile base cannot make the pass quadratic). */
const MAX_CLASS_CANDIDATES = 4096
/** Bound on the distinct unit classes (and series) a partial side may bring: a real LoRA has a few dozen. */
const MAX_CLASSES = 512

/**
 * A partial A (a LoRA's layers) in another block layout (diffusers `down_blocks.i.attentions.j` against LDM
 * `input_blocks.N.1`): A's units holding one set of matrices (a class) pair with the B units of the same section
 * that hold at least those matrices, k-th with k-th in network order, when both sides have as many. Larger classes
 * go first and take their units out of the later ones' candidates (a transformer block's units before the single
 * projection of its wrapper). A class whose count differs (a LoRA that skips some units of a kind) is left to the
 * series pairing by index, and a class whose units keep their series names is too (the index says the same).
 */
export function alignPartialClasses(a: Side, b: Side, pairedA: Set<Unit>, pairedB: Set<Unit>): UnitPair[] {
  const classes = new Map<string, { section: number; need: ReadonlyMap<string, number>; units: Unit[] }>()
  for (const u of a.units) {
    if (pairedA.has(u)) continue
    const need = matrixCounts(u)
    if (need.size === 0) continue
    const key = `${sectionKey(u)}|${countsKey(need)}`
    let c = classes.get(key)
    if (!c) classes.set(key, (c = { section: sectionKey(u), need, units: [] }))
    c.units.push(u)
  }
  const size = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0)
  if (classes.size > MAX_CLASSES) return []
  const ordered = [...classes.values()].sort((x, y) => size(y.need) - size(x.need))
  const haveB = new Map<Unit, ReadonlyMap<string, number>>()
  for (const u of b.units.slice(0, MAX_CLASS_CANDIDATES)) haveB.set(u, matrixCounts(u))
  const byOrder = (x: Unit, y: Unit): number => compareOrder(x.order, y.order) || (x.path < y.path ? -1 : 1)
  const out: UnitPair[] = []
  const pairInOrder = (as: Unit[], bs: Unit[]): void => {
    if (as.length !== bs.length || as.length === 0) return
    as.sort(byOrder)
    bs.sort(byOrder)
    if (as.every((u, k) => u.series === bs[k]!.series)) return
    as.forEach((ua, k) => {
      out.push({ a: ua, b: bs[k]!, exact: true })
      pairedA.add(ua)
      pairedB.add(bs[k]!)
    })
  }
  for (const c of ordered) {
    const cand: Unit[] = []
    for (const [u, have] of haveB)
      if (!pairedB.has(u) && sectionKey(u) === c.section && holds(have, c.need)) cand.push(u)
    if (cand.length === c.units.length) {
      pairInOrder(c.units, cand)
      continue
    }
    // More candidates than units by shape alone (SD1.5's 1280-wide resnets train only time_emb_proj, 1280 x 1280,
    // and each LDM attention wrapper's proj_in / proj_out squeeze to that shape too): the candidates that also hold
    // the class's layers under the roles they read, where every unit of the class reads the same ones.
    const roles = classRoles(c.units)
    if (roles !== undefined && cand.length > c.units.length) {
      const roled = cand.filter((u) => holdsRoles(u, roles))
      if (roled.length === c.units.length) {
        pairInOrder(c.units, roled)
        continue
      }
    }
    // A LoRA that skips some units of a kind: the innermost level both layouts name alike (`transformer_blocks.0`
    // under `down_blocks.1.attentions.0` and under `input_blocks.4.1`) narrows the candidates.
    const byTail = new Map<string, { a: Unit[]; b: Unit[] }>()
    for (const u of c.units) {
      const t = tailOf(u.path)
      if (t === undefined) continue
      let g = byTail.get(t)
      if (!g) byTail.set(t, (g = { a: [], b: [] }))
      g.a.push(u)
    }
    for (const u of cand) byTail.get(tailOf(u.path) ?? '')?.b.push(u)
    for (const g of byTail.values()) pairInOrder(g.a, g.b)
  }
  pairContainers(a, b, pairedA, pairedB, out)
  pairSteps(a, b, pairedA, pairedB, out)
  return out
}

/** roledMatrices' answers, read once per unit as matrixCounts' are (a class's candidates are asked again per class). */
const ROLED_MATRICES = new WeakMap<Unit, ReadonlyMap<string, number>>()

/** A unit's matrices that read a role (not 'other'), as `shape:role` counts. */
function roledMatrices(u: Unit): ReadonlyMap<string, number> {
  let m = ROLED_MATRICES.get(u)
  if (m !== undefined) return m
  const out = new Map<string, number>()
  for (const l of u.layers)
    if (l.sig.includes('x') && l.role.role !== 'other') {
      const k = `${l.sig}:${l.role.role}`
      out.set(k, (out.get(k) ?? 0) + 1)
    }
  ROLED_MATRICES.set(u, (m = out))
  return m
}

/** The roled matrices every unit of a class holds alike, or undefined when they differ or there are none. */
function classRoles(units: readonly Unit[]): ReadonlyMap<string, number> | undefined {
  const first = roledMatrices(units[0]!)
  if (first.size === 0) return undefined
  const key = countsKey(first)
  for (let i = 1; i < units.length; i++) if (countsKey(roledMatrices(units[i]!)) !== key) return undefined
  return first
}

function holdsRoles(u: Unit, need: ReadonlyMap<string, number>): boolean {
  return holds(roledMatrices(u), need)
}

/**
 * The innermost named level of a unit path with its index (`transformer.blocks.0`), or undefined when the last
 * index follows another index directly (`input.blocks.4.1`: no name of its own).
 */
function tailOf(path: string): string | undefined {
  const words = path.split('.')
  const end = words.length - 1
  if (!/^\d+$/.test(words[end] ?? '')) return undefined
  let start = end
  while (start > 0 && !/^\d+$/.test(words[start - 1]!)) start--
  if (start === end) return undefined
  return words.slice(start, end + 1).join('.')
}

/**
 * Containers of paired units correspond: an A unit left unpaired whose descendant units all pair with B units
 * under one B unit, at the same depth below it (`down_blocks.1.attentions.0` holds `transformer_blocks.0`, paired
 * with `input_blocks.4.1.transformer_blocks.0`: it is `input_blocks.4.1`), pairs with that B unit.
 */
function pairContainers(a: Side, b: Side, pairedA: Set<Unit>, pairedB: Set<Unit>, out: UnitPair[]): void {
  const unitB = new Map(b.units.map((u) => [u.path, u]))
  const partner = new Map(out.map((p) => [p.a, p.b]))
  const children = new Map<string, Unit[]>()
  for (const u of pairedA) {
    const words = u.path.split('.')
    for (let k = 1; k < words.length; k++) {
      const parent = words.slice(0, k).join('.')
      let list = children.get(parent)
      if (!list) children.set(parent, (list = []))
      list.push(u)
    }
  }
  for (const u of a.units) {
    if (pairedA.has(u)) continue
    const kids = children.get(u.path)
    if (!kids) continue
    const depth = u.path.split('.').length
    const containers = new Set<string>()
    for (const k of kids) {
      const pb = partner.get(k)
      if (!pb) {
        containers.add('')
        continue
      }
      const below = k.path.split('.').length - depth
      const wordsB = pb.path.split('.')
      containers.add(below < wordsB.length ? wordsB.slice(0, wordsB.length - below).join('.') : '')
    }
    if (containers.size !== 1) continue
    const ub = unitB.get([...containers][0]!)
    if (!ub || pairedB.has(ub) || !holds(matrixCounts(ub), matrixCounts(u))) continue
    out.push({ a: u, b: ub, exact: true })
    pairedA.add(u)
    pairedB.add(ub)
  }
}

/**
 * A partial A's series without a same-named one on B (a LoRA in another naming: `single_blocks` vs
 * `single_transformer_blocks`, `double_blocks` vs `transformer_blocks`). Its blocks must lie within the B series';
 * the words the series names share come first (a qualifier such as `single` names the same kind of block), then
 * the layer shapes the blocks hold (fused and separate projections change shapes, so shapes alone would pair a
 * block of separate q/k/v with the other series' blocks). Best pairs are taken first; a tie leaves the series
 * unpaired.
 */
export function pairPartialSeries(
  ga: Map<string, Map<string, Unit>>,
  gb: Map<string, Map<string, Unit>>,
  usedB: Set<string>,
  pairSeries: (sa: Map<string, Unit>, sb: Map<string, Unit>) => void
): UnitPair[] {
  const words = (key: string): Set<string> => new Set(key.split('|')[0]!.split('.'))
  const candidates: { ka: string; kb: string; score: [number, number] }[] = []
  for (const [ka, sa] of ga) {
    if (gb.has(ka)) continue
    const wa = words(ka)
    for (const [kb, sb] of gb) {
      if (usedB.has(kb) || kb.split('|')[1] !== ka.split('|')[1]) continue
      if (!withinOrTail(sa, sb)) continue
      let shared = 0
      for (const w of words(kb)) if (wa.has(w)) shared++
      const score: [number, number] = [shared, shapeScore(sa, sb)]
      if (score.some((x) => x > 0)) candidates.push({ ka, kb, score })
    }
  }
  const better = (x: readonly number[], y: readonly number[]): number => y[0]! - x[0]! || y[1]! - x[1]!
  candidates.sort((x, y) => better(x.score, y.score))
  const doneA = new Set<string>()
  for (const c of candidates) {
    if (doneA.has(c.ka) || usedB.has(c.kb)) continue
    doneA.add(c.ka)
    const tie = candidates.some(
      (o) => o !== c && o.ka === c.ka && !usedB.has(o.kb) && better(o.score, c.score) === 0
    )
    if (tie) continue
    usedB.add(c.kb)
    pairSeries(ga.get(c.ka)!, gb.get(c.kb)!)
  }
  return []
}

/**
 * A's blocks lie within B's, or past B's last block only (a LoRA of a 24-layer text tower on the same tower saved
 * to its penultimate layer): B's indices are 0..n-1 and every A index missing from B is n or more. The blocks past
 * the end stay unpaired; the ones within pair by index.
 */
function withinOrTail(sa: Map<string, Unit>, sb: Map<string, Unit>): boolean {
  let inside = 0
  let past = false
  for (const i of sa.keys()) {
    if (sb.has(i)) inside++
    else if (/^\d+$/.test(i) && Number(i) >= sb.size) past = true
    else return false
  }
  if (inside === 0) return false
  if (!past) return true
  for (const i of sb.keys()) if (!/^\d+$/.test(i) || Number(i) >= sb.size) return false
  return true
}

/**
 * How many of A's layer shapes (first block) the B block of the same index holds, each under a role that does not
 * contradict A's: Flux's fused `img_attn.qkv` is 9216 x 3072, and so is a diffusers single block's modulation
 * `norm.linear`, which is no attention projection (a role read as `other` contradicts none). A LoRA of Flux's
 * double blocks' attention alone was paired with the single blocks by that shape, and its qkv split onto theirs.
 */
export function shapeScore(sa: Map<string, Unit>, sb: Map<string, Unit>): number {
  const [idx, ua] = [...sa.entries()][0]!
  const ub = sb.get(idx)
  if (!ub) return 0
  const bySig = new Map<string, string[]>()
  for (const l of ub.layers) {
    const held = bySig.get(l.sig)
    if (held) held.push(l.role.role)
    else bySig.set(l.sig, [l.role.role])
  }
  let n = 0
  for (const l of ua.layers) {
    const held = bySig.get(l.sig)
    if (!held || held.length === 0) continue
    const role = l.role.role
    const at = held.findIndex((r) => r === role || r === 'other' || role === 'other')
    if (at < 0) continue
    n++
    held.splice(at, 1)
  }
  return n
}

/** Per series, per first index: the matrices its units hold together. */
function blocksOf(side: Side): Map<string, Map<number, Map<string, number>>> {
  const out = new Map<string, Map<number, Map<string, number>>>()
  for (const u of side.units) {
    const words = u.path.split('.')
    const first = words.findIndex((w) => /^\d+$/.test(w))
    if (first < 0) continue
    let series = out.get(u.series)
    if (!series) out.set(u.series, (series = new Map()))
    const i = Number(words[first])
    let m = series.get(i)
    if (!m) series.set(i, (m = new Map()))
    // forEach: no entry array and iterator result per shape, interpreted.
    const block = m
    matrixCounts(u).forEach((n, sig) => block.set(sig, (block.get(sig) ?? 0) + n))
  }
  return out
}

/**
 * A partial A's series numbered the other way round from a B series of as many blocks (a VAE decoder's levels
 * counted from the bottom on one side, from the top on the other): every A block's matrices fit the B block at the
 * mirrored index and not all fit at the same index. The units' order keys of such a series get their first index
 * mirrored, as the whole-network alignment does.
 */
export function reversePartialSeries(a: Side, b: Side): void {
  const sb = [...blocksOf(b).values()].filter((s) => s.size >= 2)
  const sa = blocksOf(a)
  if (sa.size > MAX_CLASSES || sb.length > MAX_CLASSES) return
  for (const [name, blocks] of sa) {
    if (blocks.size < 2) continue
    const indices = [...blocks.keys()].sort((x, y) => x - y)
    const fits = (target: Map<number, Map<string, number>>, mirrored: boolean): boolean =>
      indices.every((v, k) => {
        const have = target.get(mirrored ? indices[indices.length - 1 - k]! : v)
        return have !== undefined && holds(have, blocks.get(v)!)
      })
    const reversed = sb.filter(
      (t) => t.size === blocks.size && indices.every((v) => t.has(v)) && fits(t, true) && !fits(t, false)
    )
    if (reversed.length !== 1) continue
    const mirror = new Map<number, number>()
    indices.forEach((v, k) => mirror.set(v, indices[indices.length - 1 - k]!))
    for (const u of a.units) {
      if (u.series !== name) continue
      const words = u.path.split('.')
      const v = Number(words[words.findIndex((w) => /^\d+$/.test(w))])
      const at = u.order.indexOf(ORDER_SEPARATOR) + 1
      u.order = [...u.order]
      u.order[at] = mirror.get(v) ?? v
    }
  }
}

/**
 * The one step of a level all the unit's layers sit under (`resnets` and `0` for `resnets.0.conv1`, ...), or
 * undefined when a layer sits under none (no index in its relative path, or one at its start) or under another
 * step: the first such layer answers (a unit of a flat block, the common case, is decided by its first layer).
 */
function oneStep(u: Unit): [string, string] | undefined {
  let step: string | undefined
  const layers = u.layers
  for (let i = 0; i < layers.length; i++) {
    const words = layers[i]!.rel.split('.')
    const k = words.findIndex((w) => /^\d+$/.test(w))
    if (k <= 0) return undefined
    const key = `${words.slice(0, k).join('.')}|${words[k]}`
    if (step === undefined) step = key
    else if (key !== step) return undefined
  }
  return step === undefined ? undefined : (step.split('|') as [string, string])
}

/** The path without its last level: a trailing index, and the named words before it unless an index precedes. */
function levelUp(path: string): string {
  const words = path.split('.')
  if (words.length > 0 && /^\d+$/.test(words[words.length - 1]!)) words.pop()
  while (words.length > 0 && !/^\d+$/.test(words[words.length - 1]!)) words.pop()
  return words.join('.')
}

/**
 * Sub-modules of one level with the same index are one step of the network: a nested layout's `resnets.0` and
 * `attentions.0` of a level are its first resnet and attention, which a flat layout keeps side by side
 * (`input_blocks.1.0`, `input_blocks.1.1`). An A unit left unpaired whose own layers all sit under one such
 * sub-module (`resnets.0...` of `down_blocks.0`) takes the one unpaired B unit under the same step as its paired
 * sibling (`attentions.0` with `input_blocks.1.1`) that holds its matrices; none or several, it stays unpaired.
 */
function pairSteps(a: Side, b: Side, pairedA: Set<Unit>, pairedB: Set<Unit>, out: UnitPair[]): void {
  let scans = 0
  // Paired A units by the level above them (`down.blocks.0` for `down.blocks.0.attentions.0`).
  const byLevel = new Map<string, { path: string; b: Unit }[]>()
  for (const p of out) {
    const up = levelUp(p.a.path)
    let list = byLevel.get(up)
    if (!list) byLevel.set(up, (list = []))
    list.push({ path: p.a.path, b: p.b })
  }
  for (const u of a.units) {
    if (pairedA.has(u) || u.path === '') continue
    const step = oneStep(u)
    if (step === undefined) continue
    const [kind, index] = step
    const parents = new Set<string>()
    for (const { path, b: pb } of byLevel.get(u.path) ?? []) {
      const rest = path.slice(u.path.length + 1).split('.')
      if (rest.length < 2 || rest[rest.length - 1] !== index) continue
      const named = rest.slice(0, -1)
      if (named.some((w) => /^\d+$/.test(w)) || named.join('.') === kind) continue
      parents.add(levelUp(pb.path))
    }
    if (parents.size !== 1) continue
    const parent = [...parents][0]!
    // Each scan reads B's units once: bounded, so a hostile side cannot make it quadratic.
    if (parent === '' || ++scans > MAX_CLASSES) continue
    const need = matrixCounts(u)
    const cand = b.units.filter(
      (x) => !pairedB.has(x) && x.path.startsWith(`${parent}.`) && holds(matrixCounts(x), need)
    )
    if (cand.length !== 1) continue
    out.push({ a: u, b: cand[0]!, exact: true })
    pairedA.add(u)
    pairedB.add(cand[0]!)
  }
}
