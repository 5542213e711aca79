/**
 * The shape of one model as the mapper sees it: tensors grouped into modules (a Linear's weight and bias travel
 * together), modules grouped into scopes (one scope per block of a repeated-block family, plus the top level).
 * Built in one linear pass over the keys.
 */
import type { Checkpoint } from '../formats/types.js'
import { LEAF_NAMES, splitLeaf, stripKnownPrefixes } from '../names/index.js'

export interface TensorRef {
  /** The key exactly as stored. */
  key: string
  /** The key after stripping known prefixes and wrappers. */
  normKey: string
  shape: number[]
}

export interface ModuleEntry {
  /** Path inside its scope, without the parameter leaf (`self_attn.q`), or the parameter itself (`modulation`). */
  path: string
  /** Canonical leaf name (`weight`, `bias`, `` for a bare parameter) -> tensor. */
  leaves: Map<string, TensorRef>
  /** Order of first appearance in the scope. */
  position: number
}

export interface Scope {
  /** `blocks.3`, or `` for the top level. */
  id: string
  /** The family prefix (`blocks`, `double_blocks`, ...), `` for the top level. */
  family: string
  index: number
  modules: ModuleEntry[]
}

export interface Family {
  prefix: string
  /** Scopes sorted by block index. */
  scopes: Scope[]
}

export interface ParsedModel {
  top: Scope
  families: Family[]
  tensors: TensorRef[]
  /** Normalised key -> tensor (the first one, when two raw keys normalise to the same key). */
  byNormKey: Map<string, TensorRef>
  /** Raw keys that collide with another key after normalisation; they stay unmatched. */
  collisions: string[]
}

/**
 * A family needs this many tensors per block on average: `ffn.0`/`ffn.2` (one Linear each: weight and bias) is
 * not a family of blocks, `blocks.N` (27 tensors each in Wan) is.
 */
const MIN_TENSORS_PER_BLOCK = 3

/**
 * A key's remaining words (`rest`, `words` of them) as layer path and leaf (the shared vocabulary's split; a lone
 * leaf has no path).
 */
function splitRest(rest: string, words: number): { path: string; leaf: string } {
  const lone = words === 1 ? LEAF_NAMES[rest] : undefined
  if (lone !== undefined) return { path: '', leaf: lone }
  const { layer, leaf } = splitLeaf(rest)
  return { path: layer, leaf }
}

function firstNumeric(segments: string[]): number {
  for (let i = 1; i < segments.length; i++) if (/^\d{1,9}$/.test(segments[i])) return i
  return -1
}

/** Where segment `p` of a dotted key starts: the key's text before it is its first `p` segments and their dots. */
function segmentStart(segments: readonly string[], p: number): number {
  let at = 0
  for (let i = 0; i < p; i++) at += segments[i].length + 1
  return at
}

class ScopeBuilder {
  readonly modules = new Map<string, ModuleEntry>()
  constructor(
    readonly id: string,
    readonly family: string,
    readonly index: number
  ) {}
  add(path: string, leaf: string, t: TensorRef): boolean {
    let m = this.modules.get(path)
    if (!m) {
      m = { path, leaves: new Map(), position: this.modules.size }
      this.modules.set(path, m)
    }
    if (m.leaves.has(leaf)) return false
    m.leaves.set(leaf, t)
    return true
  }
  build(): Scope {
    return { id: this.id, family: this.family, index: this.index, modules: [...this.modules.values()] }
  }
}

/** Groups a checkpoint's tensors into scopes and modules. Linear in the number of keys. */
export function parseModel(ckpt: Checkpoint): ParsedModel {
  const tensors: TensorRef[] = []
  const byNormKey = new Map<string, TensorRef>()
  const collisions: string[] = []
  const unique: TensorRef[] = []
  for (const t of ckpt.tensors) {
    const ref: TensorRef = { key: t.name, normKey: stripKnownPrefixes(t.name), shape: t.shape }
    tensors.push(ref)
    if (byNormKey.has(ref.normKey)) collisions.push(ref.key)
    else {
      byNormKey.set(ref.normKey, ref)
      unique.push(ref)
    }
  }

  // Pass 1: which numbered prefixes are block families (several blocks, several modules per block). Counting
  // tensors per block stands in for counting modules: a Linear's weight and bias are 2 tensors, one module.
  // Prefixes and rests are slices of the key (offsets from the segment lengths), not re-joined segment arrays.
  const segmentsOf: string[][] = new Array<string[]>(unique.length)
  const numericAt: number[] = new Array<number>(unique.length)
  const prefixOf: string[] = new Array<string>(unique.length)
  const candidates = new Map<string, { indices: Set<number>; tensors: number }>()
  for (let n = 0; n < unique.length; n++) {
    const key = unique[n].normKey
    const segments = key.split('.')
    segmentsOf[n] = segments
    const p = firstNumeric(segments)
    numericAt[n] = p
    if (p < 0 || p === segments.length - 1) continue
    const prefix = key.slice(0, segmentStart(segments, p) - 1)
    prefixOf[n] = prefix
    let c = candidates.get(prefix)
    if (!c) candidates.set(prefix, (c = { indices: new Set(), tensors: 0 }))
    c.indices.add(Number(segments[p]))
    c.tensors++
  }
  const familyPrefixes = new Set<string>()
  for (const [prefix, c] of candidates) {
    if (c.indices.size >= 2 && c.tensors >= MIN_TENSORS_PER_BLOCK * c.indices.size) familyPrefixes.add(prefix)
  }

  // Pass 2: place every tensor in its scope and module.
  const top = new ScopeBuilder('', '', 0)
  const familyScopes = new Map<string, Map<number, ScopeBuilder>>()
  for (let n = 0; n < unique.length; n++) {
    const ref = unique[n]
    const segments = segmentsOf[n]
    const p = numericAt[n]
    let scope = top
    let rest = ref.normKey
    let restWords = segments.length
    if (p >= 0 && p < segments.length - 1) {
      const prefix = prefixOf[n]
      if (familyPrefixes.has(prefix)) {
        const index = Number(segments[p])
        let scopes = familyScopes.get(prefix)
        if (!scopes) familyScopes.set(prefix, (scopes = new Map()))
        let s = scopes.get(index)
        if (!s) scopes.set(index, (s = new ScopeBuilder(`${prefix}.${index}`, prefix, index)))
        scope = s
        rest = rest.slice(prefix.length + segments[p].length + 2)
        restWords = segments.length - p - 1
      }
    }
    const { path, leaf } = splitRest(rest, restWords)
    if (!scope.add(path, leaf, ref)) collisions.push(ref.key)
  }

  const families: Family[] = [...familyScopes.entries()].map(([prefix, scopes]) => ({
    prefix,
    scopes: [...scopes.values()].sort((x, y) => x.index - y.index).map((s) => s.build())
  }))
  return { top: top.build(), families, tensors, byNormKey, collisions }
}
