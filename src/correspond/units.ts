/**
 * The units of one side: a unit's place in the network (section ranks, then indices), what its layers' names
 * read as once they are seen together (relative stream qualifiers, numbered streams, norm places), its signature,
 * and per-block tensors kept in parallel side lists joining their blocks.
 */
import { isStreamWord, normPositions, sectionRank, type NormPlace, type Sublayer } from '../names/index.js'
import type { Layer, Tensor, Unit } from './model.js'
import { readNumberedStreams } from './numbered-streams.js'
import type { ShapeFactsMemo } from './shape-facts.js'
import { dropWords } from './layer-names.js'

const SUBLAYERS: readonly Sublayer[] = ['attn', 'cross', 'ffn']

/** Separates the section ranks from the indices in an order key. */
export const ORDER_SEPARATOR = 99

/**
 * Place in the network: the section ranks along the path (encoder 0 / mid 1 / decoder 2, down 0 / up 2), then
 * the indices, so `encoder.middle.0` sorts after every `encoder.downsamples.N` whatever the numbers.
 */
function orderOf(words: readonly string[]): number[] {
  const sections: number[] = []
  const indices: number[] = []
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!
    if (text.charCodeAt(0) <= 57 && /^\d+$/.test(text)) indices.push(Number(text))
    else {
      const r = sectionRank(text)
      if (r !== undefined) sections.push(r)
    }
  }
  sections.push(ORDER_SEPARATOR)
  for (let i = 0; i < indices.length; i++) sections.push(indices[i]!)
  return sections
}

/** Two places in the network (order keys: section ranks, the separator, indices) compared lexicographically. */
export function compareOrder(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

/** The section rank a path starts in (down 0, mid 1, up 2), when its words name one. */
export function sectionOf(words: readonly string[]): number | undefined {
  for (const w of words) {
    const r = sectionRank(w)
    if (r !== undefined) return r
  }
  return undefined
}

/**
 * A unit at token path `path`; `name` is the same path as stored (`transformer_blocks.0` for
 * `transformer.blocks.0`), whose series part (the words before the first index) is its `seriesName`.
 */
export function newUnit(path: string, name = path): Unit {
  const words = path.split('.')
  const first = words.findIndex((w) => /^\d+$/.test(w))
  const series = first < 0 ? path : words.slice(0, first).join('.')
  const index = first < 0 ? '' : words.filter((w) => /^\d+$/.test(w)).join('.')
  const seriesName = first < 0 ? name : storedWords(name, first)
  return { path, name, series, seriesName, index, layers: [], sig: '', order: orderOf(words) }
}

/** The first `n` words of a stored name, its separators kept between them (not after). */
export function storedWords(name: string, n: number): string {
  return name.slice(0, name.length - dropWords(name, n).length).replace(/[._]+$/, '')
}

/** Past this many layers a unit is sorted by Array.prototype.sort rather than by insertion (see sortByRel). */
const INSERTION_SORT_MAX = 32

/**
 * A unit's layers in relative-path order, equal paths kept in their order (what a stable sort by `rel` gives). A
 * block holds a handful of layers: an insertion sort here has no comparator call per comparison and no work array
 * (Array.prototype.sort allocates one per call: 0.5 MB of the bench's stacking conversion's 376 units).
 */
function sortByRel(layers: Layer[]): void {
  if (layers.length > INSERTION_SORT_MAX) {
    layers.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0))
    return
  }
  for (let i = 1; i < layers.length; i++) {
    const l = layers[i]!
    const rel = l.rel
    let j = i - 1
    while (j >= 0 && layers[j]!.rel > rel) {
      layers[j + 1] = layers[j]!
      j--
    }
    layers[j + 1] = l
  }
}

export function finishUnit(u: Unit, partial: boolean, shapes: ShapeFactsMemo): void {
  // Index loops here and below: this runs once per unit, interpreted, where a for-of step allocates.
  const layers = u.layers
  sortByRel(layers)
  for (let i = 0; i < layers.length; i++) layers[i]!.order = i
  // A qualifier is relative: `k_img` beside a plain `k` is the added (secondary) stream, whatever the word, as
  // `add_k_proj` beside `to_k` is.
  let mains = false
  for (let i = 0; i < layers.length && !mains; i++) mains = layers[i]!.role.stream === 'main'
  if (mains) {
    const plain = new Set<string>()
    for (const l of layers) if (l.role.stream === undefined) plain.add(l.role.words.join('.'))
    for (const l of layers) {
      if (l.role.stream !== 'main') continue
      const twin = l.role.words.filter((w) => !isStreamWord(w)).join('.')
      if (plain.has(twin)) l.role = { ...l.role, stream: 'context' }
    }
  }
  readNumberedStreams(layers, partial)
  const present = new Set<Sublayer>()
  const norms: Layer[] = []
  for (let i = 0; i < layers.length; i++) {
    const role = layers[i]!.role
    if (role.role === 'norm') norms.push(layers[i]!)
    else if (role.sublayer) present.add(role.sublayer)
  }
  const sublayers = SUBLAYERS.filter((x) => present.has(x))
  const places: (NormPlace | undefined)[] = []
  for (let i = 0; i < norms.length; i++) places.push(norms[i]!.role.place)
  const positions = normPositions(places, sublayers)
  for (let i = 0; i < norms.length; i++) norms[i]!.position = positions[i]
  let total = 0
  const cols = new Set<string>()
  let layer: Layer
  // One function for the unit, not one per layer; Map.forEach has no iterator result per tensor.
  const add = (t: Tensor): void => {
    total += t.numel
    // A shape of fewer than 2 dims squeezes to fewer than 2: it has no trailing dims to add.
    if (t.shape.length < 2) return
    // The main tensor's trailing dims are the layer's `cols` (empty when it squeezes to fewer than 2 dims).
    if (t === layer.main) {
      if (layer.cols !== '') cols.add(layer.cols)
      return
    }
    const trailing = shapes.of(t.shape).cols
    if (trailing !== '') cols.add(trailing)
  }
  for (let i = 0; i < layers.length; i++) {
    layer = layers[i]!
    layer.tensors.forEach(add)
  }
  u.sig = `${total}|${[...cols].sort().join(',')}`
}

/**
 * Per-block tensors kept in side lists (`mixins.adaln_layer.adaLN_modulations.N`, `query_layernorm_list.N`,
 * parallel to `transformer.layers.N`) belong to block N: a top-level series whose indices are exactly those of
 * one flat block series joins that series' blocks.
 */
export function attachParallelSeries(top: Unit, units: Map<string, Unit>): void {
  const hosts = new Map<string, Map<number, Unit>>()
  for (const u of units.values()) {
    const words = u.path.split('.')
    const idx = words.map((w, i) => (/^\d+$/.test(w) ? i : -1)).filter((i) => i >= 0)
    if (idx.length !== 1 || idx[0] !== words.length - 1) continue
    let h = hosts.get(u.series)
    if (!h) hosts.set(u.series, (h = new Map()))
    h.set(Number(words[idx[0]!]), u)
  }
  const guests = new Map<string, { index: number; layer: Layer; rest: string[] }[]>()
  for (const l of top.layers) {
    const words = l.path.split('.')
    // The index after which only indices follow (`modulations.0.1`: 0; `list.0`: 0).
    let p = words.length - 1
    while (p > 0 && /^\d+$/.test(words[p - 1]!)) p--
    if (!/^\d+$/.test(words[p] ?? '') || p === 0) continue
    const series = words.slice(0, p).join('.')
    let g = guests.get(series)
    if (!g) guests.set(series, (g = []))
    g.push({ index: Number(words[p]), layer: l, rest: words.slice(p + 1) })
  }
  const moved = new Set<Layer>()
  for (const [series, members] of guests) {
    const indices = new Set(members.map((m) => m.index))
    if (indices.size < 2 || indices.size !== members.length) continue
    const matching = [...hosts.values()].filter(
      (h) => h.size === indices.size && [...indices].every((i) => h.has(i))
    )
    if (matching.length !== 1) continue
    const host = matching[0]!
    for (const m of members) {
      const unit = host.get(m.index)!
      m.layer.unit = unit
      m.layer.rel = [series, ...m.rest].join('.')
      m.layer.relName = m.layer.rel
      unit.layers.push(m.layer)
      unit.guests = true
      moved.add(m.layer)
    }
  }
  if (moved.size > 0) top.layers = top.layers.filter((l) => !moved.has(l))
}
