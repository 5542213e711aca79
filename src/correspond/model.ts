/**
 * One side of a correspondence as the engine sees it: tensors grouped into layers (a Linear's weight and bias
 * travel together) and layers into units (the layers under their deepest indexed ancestor that holds several
 * layers: `blocks.3`, `down_blocks.1.resnets.0`, `input_blocks.4.0`). Built in one linear pass, bounded.
 */
import { layerRole, sectionRank, splitLeaf, stripModelPrefixes, type LayerRole } from '../names/index.js'
import type { TensorSpec } from './types.js'
import { ORDER_SEPARATOR, attachParallelSeries, finishUnit, newUnit, storedWords } from './units.js'
import { numel } from '../util/numel.js'
import { ShapeFactsMemo } from './shape-facts.js'
import { dropWords, pathOf } from './layer-names.js'
import { subUnitOf } from './sub-units.js'

export interface Tensor {
  /** The key as stored. */
  name: string
  shape: readonly number[]
  numel: number
  leaf: string
}

export interface Layer {
  /** Token path of the layer (lower-case words joined by `.`), without wrappers. */
  path: string
  /** Token path relative to its unit. */
  rel: string
  /** The relative name as stored (case and separators kept), for messages. */
  relName: string
  tensors: Map<string, Tensor>
  /** The main tensor: the weight, or the bare parameter, or the first leaf. */
  main: Tensor
  /** Main tensor's shape without trailing 1s (a 1x1 conv and a linear read the same). */
  sig: string
  /** Main tensor's trailing dims (shape[1:] without trailing 1s): rows of a fused tensor share them. */
  cols: string
  role: LayerRole
  unit: Unit
  /** Order inside the unit (by relative path). */
  order: number
  /** For norms: place in the block (0 = before the first sublayer), when the name tells it. */
  position?: number
  /** Place in the network from the whole path: section ranks (down < mid < up) and indices. */
  net: number[]
}

export interface Unit {
  /** Token path, `` for the top. */
  path: string
  /** The path as stored (`transformer_blocks.0`, where `path` is `transformer.blocks.0`), for messages. */
  name: string
  /** Words before the first index (`down.blocks`), and the indices, for evidence. */
  series: string
  /** `series` as stored (`down_blocks`), for messages. */
  seriesName: string
  index: string
  layers: Layer[]
  /** Parameter count and trailing dims of its tensors: invariant under rename, split, fuse and reshape. */
  sig: string
  /** Place in the network: section ranks and indices, compared lexicographically. */
  order: number[]
  /**
   * Holds layers moved in from a parallel side list (units.ts attachParallelSeries), whose paths are not the unit's
   * path and their relative one; every other layer's path is (`blocks.3` + `.` + `attn.qkv`).
   */
  guests?: true
}

export interface Side {
  tensors: Tensor[]
  layers: Layer[]
  units: Unit[]
  top: Unit
}

// Index loops in these per-tensor helpers: they run once per key in a short-lived process, mostly in V8's
// interpreter, where each for-of step allocates an iterator result.

/** Depth of indices looked at per key: deeper nesting than this is not a block structure we need. */
const MAX_INDEX_DEPTH = 8
/** The longest digit run of a key read as an index (src/names/tokens.ts keyWords). */
const MAX_INDEX_DIGITS = 9

interface RawLayer {
  /** The layer's name as stored (after wrappers), original case and separators. */
  name: string
  path: string
  /** Place in the network (see orderOf), read from the words as the path is built. */
  net: number[]
  tensors: Map<string, Tensor>
  /** Prefix token paths of strict indexed ancestors, shallow to deep. */
  ancestors: string[]
}

/**
 * One token path prefix (`output.blocks.2`) and what its words tell, read once per distinct prefix: the layers of
 * a side share most of their words with their siblings (SDXL UNet: about 11,000 words per side, 1,900 distinct
 * prefixes), and each word costs a slice, a digit test and a section lookup, interpreted. The arrays are shared
 * with the prefix's parent while the last word adds nothing, and never written once made.
 */
interface PathNode {
  path: string
  parent: PathNode | undefined
  /** The prefixes one word longer, by that word. */
  children: Map<string, PathNode> | undefined
  /** Paths of the indexed prefixes up to this one, this one included when its last word is an index. */
  indexed: string[]
  sections: number[]
  indices: number[]
  /** The layer at exactly this path, once one is seen. */
  raw: RawLayer | undefined
}

/**
 * A copy of `xs` with `x` appended, allocated at its final length: a push onto a slice grows its store by half
 * plus 16 slots (0.8 MB of the bench's stacking conversion's prefixes), and concat with a non-array argument
 * takes V8's slow path.
 */
function plus<T>(xs: readonly T[], x: T): T[] {
  const n = xs.length
  const out = new Array<T>(n + 1)
  for (let i = 0; i < n; i++) out[i] = xs[i]!
  out[n] = x
  return out
}

/** A layer's place in the network: its section ranks, the separator, its indices (one array of its final length). */
function orderKey(sections: readonly number[], indices: readonly number[]): number[] {
  const n = sections.length
  const out = new Array<number>(n + 1 + indices.length)
  for (let i = 0; i < n; i++) out[i] = sections[i]!
  out[n] = ORDER_SEPARATOR
  for (let i = 0; i < indices.length; i++) out[n + 1 + i] = indices[i]!
  return out
}

/** The prefix one word longer than `base`: `word` is its last word, `path` its whole path. */
function childNode(base: PathNode, word: string, path: string): PathNode {
  let indexed = base.indexed
  let sections = base.sections
  let indices = base.indices
  // Digits only, not past 9 of them (keyWords' index), is an index; longer digit runs name no section.
  if (word.charCodeAt(0) <= 57 && word.length <= MAX_INDEX_DIGITS && /^\d+$/.test(word)) {
    indices = plus(indices, Number(word))
    if (indexed.length < MAX_INDEX_DEPTH) indexed = plus(indexed, path)
  } else {
    const r = sectionRank(word)
    if (r !== undefined) sections = plus(sections, r)
  }
  const node: PathNode = {
    path,
    parent: base,
    children: undefined,
    indexed,
    sections,
    indices,
    raw: undefined
  }
  if (base.children === undefined) base.children = new Map()
  base.children.set(word, node)
  return node
}

/**
 * The node of a (non-empty) token path, made with any of its prefixes not seen before. `previous`: the previous
 * layer's node. Layers come in key order, so the two paths share their leading words: the walk goes up from the
 * previous node to the deepest prefix of this path, then down word by word through the children, with no lookup
 * of a whole path (a slice hashed for a map, interpreted, per layer).
 */
function nodeOf(path: string, previous: PathNode, root: PathNode): PathNode {
  let base = previous
  while (base !== root) {
    const n = base.path.length
    if (n <= path.length && path.startsWith(base.path) && (n === path.length || path.charCodeAt(n) === 46))
      break
    base = base.parent!
  }
  let start = base === root ? 0 : base.path.length + 1
  while (start <= path.length) {
    let end = path.indexOf('.', start)
    if (end < 0) end = path.length
    const word = path.slice(start, end)
    base = base.children?.get(word) ?? childNode(base, word, end === path.length ? path : path.slice(0, end))
    start = end + 1
  }
  return base
}

/** What a unit's layers need of its path, read once per unit (see buildSide). */
interface UnitFacts {
  unit: Unit
  words: number
  context: string
  /** Relative name -> its roles, by the flags (vector, top); shared by the units of one role context. */
  roles: Map<string, LayerRole[]>
}

/**
 * `partial`: the specs are part of a network (a LoRA's layers), where a block may hold one layer because its
 * siblings were not trained: every layer under a named, indexed container belongs to that container's unit.
 * `merge`: patterns of numbered sub-units read as parts of their block (sub-units.ts).
 */
export function buildSide(specs: readonly TensorSpec[], partial = false, merge?: ReadonlySet<string>): Side {
  const names = stripModelPrefixes(specs.map((t) => t.name))
  const shapes = new ShapeFactsMemo()
  // Token path prefixes (layers and their ancestors) -> what their words tell; '' is the root.
  const root: PathNode = {
    path: '',
    parent: undefined,
    children: undefined,
    indexed: [],
    sections: [],
    indices: [],
    raw: undefined
  }
  let previous = root
  // The previous tensor's layer: a layer's tensors (weight, bias) come together, found again without a lookup. A
  // name seen before but not just before (rare in a header's order) is found again through the path trie, which
  // holds each layer at its path: no map by stored name beside it (a miss and an insert per layer for a hit almost
  // never taken; 0-8 M instructions of correspond on the calibration pairs and the bench's stacking conversion).
  let previousName: string | undefined
  let previousRaw: RawLayer | undefined
  // The layers in first-seen order, walked with index loops below.
  const raws: RawLayer[] = []
  const tensors: Tensor[] = []
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!
    const { layer, leaf } = splitLeaf(names[i]!)
    const t: Tensor = { name: spec.name, shape: spec.shape, numel: numel(spec.shape), leaf }
    tensors.push(t)
    let raw = layer === previousName ? previousRaw : undefined
    if (!raw) {
      const path = pathOf(layer.toLowerCase())
      const node = path === '' ? root : nodeOf(path, previous, root)
      previous = node
      raw = node.raw
      if (!raw) {
        // An index word is an ancestor only when a word follows it: the parent's indexed prefixes, not the node's.
        const net = orderKey(node.sections, node.indices)
        raw = { name: layer, path: node.path, net, tensors: new Map(), ancestors: node.parent?.indexed ?? [] }
        node.raw = raw
        raws.push(raw)
      }
    }
    previousName = layer
    previousRaw = raw
    // A second tensor under the same layer and leaf (two wrappers giving one name) stays out: it is unmatched.
    if (!raw.tensors.has(leaf)) raw.tensors.set(leaf, t)
  }

  const under = new Map<string, number>()
  for (let r = 0; r < raws.length; r++) {
    const ancestors = raws[r]!.ancestors
    for (let k = 0; k < ancestors.length; k++) under.set(ancestors[k]!, (under.get(ancestors[k]!) ?? 0) + 1)
  }
  const seriesIndices = indicesPerSeries(under.keys())
  // A partial side's layer paths, for trainedBlockOf (a copy's layer under a sibling block).
  const paths = partial ? new Set(raws.map((r) => r.path)) : undefined

  // Blocks repeat the same relative names: each distinct name is read once per role context. The memo is keyed
  // by context (one lookup per unit, with the unit's facts), then by the name, then by the two flags: no key
  // string is built per layer.
  const rolesByContext = new Map<string, Map<string, LayerRole[]>>()
  const rolesFor = (context: string): Map<string, LayerRole[]> => {
    let m = rolesByContext.get(context)
    if (!m) rolesByContext.set(context, (m = new Map()))
    return m
  }
  const top: Unit = {
    path: '',
    name: '',
    series: '',
    seriesName: '',
    index: '',
    layers: [],
    sig: '',
    order: []
  }
  const units = new Map<string, Unit>()
  // The units in first-seen order (the map's order), for index loops.
  const unitList: Unit[] = []
  // Per unit, what its layers need of its path: the word count and the role context (once per unit, not per layer).
  const unitFacts = new Map<string, UnitFacts>()
  unitFacts.set('', { unit: top, words: 0, context: '', roles: rolesFor('') })
  const layers: Layer[] = []
  let sharedAncestors: string[] | undefined
  let sharedFacts: UnitFacts | undefined
  let sharedUnit = ''
  for (let r = 0; r < raws.length; r++) {
    const raw = raws[r]!
    // Sibling layers share their ancestors' array (the trie's): the unit their shared ancestor gives, and its
    // facts, are the previous layer's (a unit read from the ancestors alone: unitOf's fallback reads the path too).
    let unitPath = sharedUnit
    let facts = sharedFacts
    // On a partial side each layer is placed on its own (trainedBlockOf reads its path, not only its ancestors).
    if (paths !== undefined || raw.ancestors !== sharedAncestors || facts === undefined) {
      let shared = sharedUnitOf(raw.ancestors, under)
      // A partial side: a block below the shared one that holds this layer alone because its siblings were not
      // trained (read per layer: siblings under one ancestor may differ).
      const trained = paths === undefined ? undefined : trainedBlockOf(raw, shared, paths)
      if (trained !== undefined) shared = undefined
      unitPath = trained ?? shared ?? unitOf(raw, seriesIndices, partial)
      if (merge !== undefined) {
        // a block's numbered sub-units the other side names as one unit (sub-units.ts)
        const sub = subUnitOf(unitPath)
        if (sub !== undefined && merge.has(sub.pattern)) unitPath = sub.parent
      }
      facts = unitFacts.get(unitPath)
      if (!facts) {
        const unit = newUnit(unitPath, storedWords(raw.name, unitPath.split('.').length))
        units.set(unitPath, unit)
        unitList.push(unit)
        const context = roleContext(unitPath)
        facts = { unit, words: unitPath.split('.').length, context, roles: rolesFor(context) }
        unitFacts.set(unitPath, facts)
      }
      sharedAncestors = raw.ancestors
      sharedUnit = unitPath
      sharedFacts = shared !== undefined ? facts : undefined
    }
    const unit = facts.unit
    const main = raw.tensors.get('weight') ?? raw.tensors.get('') ?? raw.tensors.values().next().value!
    const shape = shapes.of(main.shape)
    const rel = unitPath === '' ? raw.path : raw.path.slice(unitPath.length + 1)
    const relRaw = dropWords(raw.name, facts.words)
    const layer: Layer = {
      path: raw.path,
      rel,
      relName: relRaw,
      tensors: raw.tensors,
      main,
      sig: shape.sig,
      cols: shape.cols,
      role: roleOf(facts, relRaw, shape.vector, unitPath === ''),
      unit,
      order: 0,
      net: raw.net
    }
    unit.layers.push(layer)
    layers.push(layer)
  }
  attachParallelSeries(top, units)
  finishUnit(top, partial, shapes)
  for (let u = 0; u < unitList.length; u++) finishUnit(unitList[u]!, partial, shapes)
  return { tensors, layers, units: unitList, top }
}

/** The role of a relative name in a unit of this context, read once per name, context and flags (see buildSide). */
function roleOf(facts: UnitFacts, rel: string, vector: boolean, top: boolean): LayerRole {
  let slots = facts.roles.get(rel)
  if (!slots) facts.roles.set(rel, (slots = []))
  const k = (vector ? 2 : 0) + (top ? 1 : 0)
  let role = slots[k]
  if (!role) slots[k] = role = layerRole(rel, vector, top, facts.context)
  return role
}

/** Series of an indexed path (the path without its last index) -> how many distinct indices it has. */
function indicesPerSeries(paths: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>()
  for (const p of paths) {
    const at = p.lastIndexOf('.')
    const s = at < 0 ? '' : p.slice(0, at)
    out.set(s, (out.get(s) ?? 0) + 1)
  }
  return out
}

/**
 * The unit a layer belongs to: its deepest indexed ancestor holding several layers. A block holding one layer
 * (the weights a LoRA implies: one fused `attn.qkv` per block) is a unit as well when it is one of several
 * blocks of a series and the layer has a name of its own under it (`blocks.3.attn.qkv`, not the index-only
 * `adaLN_modulations.3.1` of a per-block side list): the other side's block holds the same layer, renamed,
 * split or fused. Otherwise the layer is top-level.
 */
function sharedUnitOf(ancestors: readonly string[], under: Map<string, number>): string | undefined {
  for (let k = ancestors.length - 1; k >= 0; k--) {
    const p = ancestors[k]!
    if ((under.get(p) ?? 0) >= 2) return p
  }
  return undefined
}

/**
 * On a partial side (a LoRA's layers), the block a layer belongs to when it is deeper than the ancestor holding
 * several layers: that ancestor may hold this block's one trained layer beside another block's. The LoRA trains
 * `time_emb_proj` alone in diffusers' `down_blocks.2.resnets.0`, so the level `down_blocks.2` holds both resnets'
 * and both attentions' layers; read as one unit, the resnets' layers were aligned with an LDM attention block and
 * linked to its proj_in / proj_out. A block is such a unit (deepest first) when the layer has a name of its own
 * under it and either
 * - it is one of a series of copies: the next or previous block of its series holds the same layer
 *   (`resnets.1.time_emb_proj`); a sequence's items (`ff.net.0.proj` beside the layer `ff.net.2`) are not, or
 * - it is an index right after an index, LDM's numbering of a level's modules (`input_blocks.7.0`, a resnet,
 *   beside `input_blocks.7.1`, a transformer), which every naming keeps apart.
 */
/** A word that is not an index (`.time`, `.to_q`), in a path after a block. */
const NAMED_WORD = /\.(?!\d+(?:\.|$))[^.]/

function trainedBlockOf(
  raw: RawLayer,
  shared: string | undefined,
  paths: ReadonlySet<string>
): string | undefined {
  const stop = shared === undefined ? -1 : raw.ancestors.indexOf(shared)
  for (let k = raw.ancestors.length - 1; k > stop; k--) {
    const p = raw.ancestors[k]!
    const at = p.lastIndexOf('.')
    if (at < 0) continue
    const rest = raw.path.slice(p.length)
    if (!NAMED_WORD.test(rest)) continue
    const series = p.slice(0, at)
    const index = Number(p.slice(at + 1))
    const before = series.lastIndexOf('.')
    if (before >= 0 && /^\d+$/.test(series.slice(before + 1))) return p
    if (
      paths.has(`${series}.${index + 1}${rest}`) ||
      (index > 0 && paths.has(`${series}.${index - 1}${rest}`))
    )
      return p
  }
  return undefined
}

/** unitOf's answer for a layer none of whose indexed ancestors holds several layers (see sharedUnitOf). */
function unitOf(raw: RawLayer, seriesIndices: Map<string, number>, partial: boolean): string {
  for (let k = raw.ancestors.length - 1; k >= 0; k--) {
    const p = raw.ancestors[k]!
    const at = p.lastIndexOf('.')
    if (at < 0 || (!partial && (seriesIndices.get(p.slice(0, at)) ?? 0) < 2)) continue
    const rest = raw.path.slice(p.length + 1).split('.')
    if (rest.some((w) => !/^\d+$/.test(w))) return p
  }
  return ''
}

/**
 * The unit words a layer's role may depend on (an attention unit's layers are attention's): the last two words of
 * the unit's path without its indices, so the role of a relative name is read once per kind of unit, not once per
 * block (`blocks.3` and `blocks.4` give the same context).
 */
function roleContext(unitPath: string): string {
  if (unitPath === '') return ''
  return unitPath
    .split('.')
    .slice(-2)
    .filter((w) => !/^\d+$/.test(w))
    .join('.')
}
