/**
 * One side of a correspondence as the engine sees it: tensors grouped into layers (a Linear's weight and bias
 * travel together) and layers into units (the layers under their deepest indexed ancestor that holds several
 * layers: `blocks.3`, `down_blocks.1.resnets.0`, `input_blocks.4.0`). Built in one linear pass, bounded.
 */
import { keyWords, layerRole, sectionRank, splitLeaf, stripModelPrefixes, type LayerRole } from '../names/index.js'
import type { TensorSpec } from './types.js'

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
}

export interface Unit {
  /** Token path, `` for the top. */
  path: string
  /** Words before the first index (`down_blocks`), and the indices, for evidence. */
  series: string
  index: string
  layers: Layer[]
  /** Parameter count and trailing dims of its tensors: invariant under rename, split, fuse and reshape. */
  sig: string
  /** Place in the network: section ranks and indices, compared lexicographically. */
  order: number[]
}

export interface Side {
  tensors: Tensor[]
  layers: Layer[]
  units: Unit[]
  top: Unit
}

export function numel(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

export function squeeze(shape: readonly number[]): number[] {
  let end = shape.length
  while (end > 1 && shape[end - 1] === 1) end--
  return shape.slice(0, end)
}

/** Depth of indices looked at per key: deeper nesting than this is not a block structure we need. */
const MAX_INDEX_DEPTH = 8

interface RawLayer {
  path: string
  words: { text: string; index?: number }[]
  tensors: Map<string, Tensor>
  /** Prefix token paths of strict indexed ancestors, shallow to deep. */
  ancestors: string[]
}

export function buildSide(specs: readonly TensorSpec[]): Side {
  const names = stripModelPrefixes(specs.map((t) => t.name))
  const byPath = new Map<string, RawLayer>()
  const tensors: Tensor[] = []
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!
    const { layer, leaf } = splitLeaf(names[i]!)
    const t: Tensor = { name: spec.name, shape: spec.shape, numel: numel(spec.shape), leaf }
    tensors.push(t)
    const words = keyWords(layer)
    const path = words.map((w) => w.text.toLowerCase()).join('.')
    let raw = byPath.get(path)
    if (!raw) {
      const ancestors: string[] = []
      for (let w = 0; w < words.length - 1 && ancestors.length < MAX_INDEX_DEPTH; w++) {
        if (words[w]!.index !== undefined) ancestors.push(words.slice(0, w + 1).map((x) => x.text.toLowerCase()).join('.'))
      }
      raw = { path, words, tensors: new Map(), ancestors }
      byPath.set(path, raw)
    }
    // A second tensor under the same layer and leaf (two wrappers giving one name) stays out: it is unmatched.
    if (!raw.tensors.has(leaf)) raw.tensors.set(leaf, t)
  }

  const under = new Map<string, number>()
  for (const raw of byPath.values()) for (const p of raw.ancestors) under.set(p, (under.get(p) ?? 0) + 1)

  const top: Unit = { path: '', series: '', index: '', layers: [], sig: '', order: [] }
  const units = new Map<string, Unit>()
  const layers: Layer[] = []
  for (const raw of byPath.values()) {
    let unitPath = ''
    for (let k = raw.ancestors.length - 1; k >= 0; k--) {
      const p = raw.ancestors[k]!
      if ((under.get(p) ?? 0) >= 2) {
        unitPath = p
        break
      }
    }
    let unit = unitPath === '' ? top : units.get(unitPath)
    if (!unit) {
      unit = newUnit(unitPath)
      units.set(unitPath, unit)
    }
    const main = raw.tensors.get('weight') ?? raw.tensors.get('') ?? [...raw.tensors.values()][0]!
    const sq = squeeze(main.shape)
    const rel = unitPath === '' ? raw.path : raw.path.slice(unitPath.length + 1)
    const layer: Layer = {
      path: raw.path,
      rel,
      tensors: raw.tensors,
      main,
      sig: sq.join('x'),
      cols: sq.slice(1).join('x'),
      role: layerRole(rel, sq.length === 1),
      unit,
      order: 0
    }
    unit.layers.push(layer)
    layers.push(layer)
  }
  for (const u of [top, ...units.values()]) finishUnit(u)
  return { tensors, layers, units: [...units.values()], top }
}

function newUnit(path: string): Unit {
  const words = path.split('.')
  const first = words.findIndex((w) => /^\d+$/.test(w))
  const series = first < 0 ? path : words.slice(0, first).join('.')
  const index = first < 0 ? '' : words.filter((w) => /^\d+$/.test(w)).join('.')
  const order: number[] = []
  for (const w of words) {
    if (/^\d+$/.test(w)) order.push(Number(w))
    else {
      const r = sectionRank(w)
      if (r !== undefined) order.push(r)
    }
  }
  return { path, series, index, layers: [], sig: '', order }
}

function finishUnit(u: Unit): void {
  u.layers.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0))
  u.layers.forEach((l, i) => (l.order = i))
  let total = 0
  const cols = new Set<string>()
  for (const l of u.layers) {
    for (const t of l.tensors.values()) {
      total += t.numel
      const sq = squeeze(t.shape)
      if (sq.length >= 2) cols.add(sq.slice(1).join('x'))
    }
  }
  u.sig = `${total}|${[...cols].sort().join(',')}`
}
