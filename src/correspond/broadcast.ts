/**
 * One tensor on one side, a copy of it in every block of a series on the other. diffusers' DiT keeps the timestep
 * and class embedders inside each block's AdaLayerNormZero (`transformer_blocks.N.norm1.emb.*`), where the original
 * release holds them once (`t_embedder.*`, `y_embedder.*`); its converter copies each into all 28 blocks. No
 * one-to-one link can say that: the lone tensor has 28 equal-shaped candidates and none is better than another.
 *
 * Read here as a group: the layers left unmatched at the same place of every block of one series (same relative
 * path, same shape and tensors, one per block, the series' every block) are one layer copied per block. Such a
 * group stands in the leftover pools as one layer (its first block's), so the ordinary matching decides whether a
 * lone layer of the other side is that layer, by its shape and role, under the same rules as any leftover. A link
 * found so is a `broadcast` (A's one tensor into B's copies) or a `collapse` (A's copies into B's one tensor; the
 * copies are taken as equal, which no header shows: a converter keeps the first).
 */
import { layerRole } from '../names/index.js'
import { squeeze } from '../util/shape.js'
import { matchLayers, type LayerLink } from './match.js'
import type { Layer, Unit } from './model.js'
import { compareOrder } from './units.js'

/** A layer found at the same place of every block of a series, its copies in block order. */
export interface CopyGroup {
  series: string
  copies: Layer[]
}

/** A lone layer linked with a group of copies on the other side (`lone` on side A for a broadcast). */
export interface CopyLink {
  link: LayerLink
  group: CopyGroup
  /** 'broadcast': A's lone layer into B's copies; 'collapse': A's copies into B's lone layer. */
  kind: 'broadcast' | 'collapse'
}

/**
 * A group's first copy as the lone layer it stands for: its role read from its path in the block as a top-level
 * path is read (from the last two named segments, qualifiers from all), since it is a module that sits at the top
 * on the other side. Inside a block the whole chain counts: `norm1.emb.timestep_embedder.linear_1` reads as the
 * norm's modulation there, where it is the timestep embedder's linear.
 */
function asLone(l: Layer): Layer {
  return { ...l, role: layerRole(l.rel, squeeze(l.main.shape).length <= 1, true) }
}

/**
 * Whether the two names say the same thing: the same known role, or the same stream marked on both (`t_embedder` and
 * `timestep_embedder`: the time path). One tensor into every block is a strong claim, and a shape alone is not
 * enough for it: HunyuanVideo's two token-refiner blocks each leave a [3072, 3072] projection unmatched against
 * Flux, whose `time_in.out_layer` is the only other one of that shape.
 */
function namesAgree(x: Layer, y: Layer): boolean {
  if (x.role.role !== 'other' && x.role.role === y.role.role) return true
  return x.role.stream !== undefined && x.role.stream === y.role.stream
}

/** Blocks per series over the whole side: a group must have a copy in each. */
function blocksPerSeries(units: readonly Unit[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const u of units) if (u.index !== '') out.set(u.series, (out.get(u.series) ?? 0) + 1)
  return out
}

/** The leftover layers of one side read as copy groups (at least two copies), and the rest. */
export function copyGroups(
  rest: readonly Layer[],
  units: readonly Unit[]
): { groups: CopyGroup[]; others: Layer[] } {
  const blocks = blocksPerSeries(units)
  const byPlace = new Map<string, Layer[]>()
  for (const l of rest) {
    if (l.unit.index === '') continue
    const key = `${l.unit.series}\n${l.rel}\n${l.sig}\n${[...l.tensors.keys()].sort().join(',')}`
    const list = byPlace.get(key)
    if (list) list.push(l)
    else byPlace.set(key, [l])
  }
  const grouped = new Set<Layer>()
  const groups: CopyGroup[] = []
  for (const list of byPlace.values()) {
    const series = list[0]!.unit.series
    if (list.length < 2 || list.length !== blocks.get(series)) continue
    if (new Set(list.map((l) => l.unit)).size !== list.length) continue
    const copies = [...list].sort((x, y) => compareOrder(x.unit.order, y.unit.order))
    groups.push({ series, copies })
    for (const l of list) grouped.add(l)
  }
  return { groups, others: rest.filter((l) => !grouped.has(l)) }
}

/**
 * Links between lone leftover layers and copy groups of the other side, both ways. `unitsA`/`unitsB`: each side's
 * units (a group must cover every block of its series). Each group competes with the other side's every other
 * leftover in one matching, so a lone layer whose name points at a layer outside the groups goes there (that link
 * is left to the later passes, not kept here): only a lone layer the matching gives to a group's copy is linked.
 */
export function matchCopies(
  restA: readonly Layer[],
  restB: readonly Layer[],
  unitsA: readonly Unit[],
  unitsB: readonly Unit[]
): { links: CopyLink[]; restA: Layer[]; restB: Layer[] } {
  const ga = copyGroups(restA, unitsA)
  const gb = copyGroups(restB, unitsB)
  if (ga.groups.length === 0 && gb.groups.length === 0)
    return { links: [], restA: [...restA], restB: [...restB] }
  const links: CopyLink[] = []
  const used = new Set<Layer>()
  const take = (
    lone: readonly Layer[],
    groups: readonly CopyGroup[],
    others: readonly Layer[],
    loneIsA: boolean
  ): void => {
    if (groups.length === 0) return
    const bySample = new Map(groups.map((g) => [asLone(g.copies[0]!), g]))
    // A lone layer is a model-wide one: not inside a block of its own side.
    const pool = lone.filter((l) => !used.has(l) && l.unit.index === '')
    if (pool.length === 0) return
    const candidates = [...bySample.keys(), ...others.filter((l) => !used.has(l))]
    const found = loneIsA ? matchLayers(pool, candidates, true, []) : matchLayers(candidates, pool, true, [])
    for (const link of found.links) {
      const group = bySample.get(loneIsA ? link.b : link.a)
      if (!group || !namesAgree(link.a, link.b)) continue
      links.push({ link, group, kind: loneIsA ? 'broadcast' : 'collapse' })
      used.add(loneIsA ? link.a : link.b)
      for (const c of group.copies) used.add(c)
    }
  }
  take(ga.others, gb.groups, gb.others, true)
  take(gb.others, ga.groups, ga.others, false)
  return {
    links,
    restA: restA.filter((l) => !used.has(l)),
    restB: restB.filter((l) => !used.has(l))
  }
}
