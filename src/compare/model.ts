/**
 * The shape of one model as the mapper sees it: tensors grouped into scopes (one scope per block of a
 * repeated-block family, plus the top level), one tensor per module and leaf. Built in one linear pass over the keys.
 */
import type { Checkpoint } from '../formats/types.js'
import {
  BIAS_LEAVES,
  LEAF_NAMES,
  WEIGHT_LEAVES,
  splitLeaf,
  stripKnownPrefixes,
  type LeafSplit
} from '../names/index.js'
import { escapeRegExp } from '../util/text.js'

export interface TensorRef {
  /** The key exactly as stored. */
  key: string
  /** The key after stripping known prefixes and wrappers. */
  normKey: string
  shape: number[]
}

export interface Scope {
  /** `blocks.3`, or `` for the top level. */
  id: string
  /** The family prefix (`blocks`, `double_blocks`, ...), `` for the top level. */
  family: string
  index: number
  /**
   * The scope's tensors: one per module and canonical leaf (a later key naming the same module and leaf, as
   * `norm.scale` beside `norm.weight`, is a collision and stays out).
   */
  keys: TensorRef[]
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

/** A key's remaining words as layer and leaf (the shared vocabulary's split; a lone leaf has no layer path). */
function splitRest(rest: string): LeafSplit {
  const lone = rest.indexOf('.') < 0 ? LEAF_NAMES[rest] : undefined
  if (lone !== undefined) return { layer: '', leaf: lone }
  return splitLeaf(rest)
}

/**
 * The first numeric segment after a key's first segment (1 to 9 digits between dots): one native match, where a
 * split into segment strings costs several times more in the interpreter this runs in (once per key).
 */
const FIRST_NUMERIC = /\.(\d{1,9})(?=\.|$)/

/**
 * Leaf names that stand for another module or leaf (`scale` is a norm's weight, `in_proj_weight` the fused `in_proj`
 * module's weight), read from the shared vocabulary's own split: only a key ending in one of these (or a block index
 * written with a leading zero) can name the same module and leaf as another key of its scope. A model without any
 * (nearly every model) has no such collision, and its keys need no module split at all (a split and a lookup per
 * key, interpreted).
 */
const ALIAS_LEAF: RegExp = (() => {
  const candidates = new Set([...Object.keys(LEAF_NAMES), ...WEIGHT_LEAVES, ...BIAS_LEAVES])
  // A leaf read as itself (`x.weight`) or as part of the module path (`x.kernel`: no leaf) names its own module.
  const aliases = [...candidates].filter((leaf) => {
    const split = splitLeaf(`x.${leaf}`)
    const itself = split.layer === 'x' && split.leaf === leaf
    const noLeaf = split.layer === `x.${leaf}` && split.leaf === ''
    return !itself && !noLeaf
  })
  return new RegExp(`(?:^|\\.)(?:${aliases.map(escapeRegExp).join('|')})$`)
})()

class ScopeBuilder {
  readonly keys: TensorRef[] = []
  /** Module path -> its canonical leaves, kept only where collisions are possible (see ALIAS_LEAF). */
  private modules: Map<string, string[]> | undefined
  constructor(
    readonly id: string,
    readonly family: string,
    readonly index: number
  ) {}
  /** Adds a tensor that cannot collide. */
  add(t: TensorRef): void {
    this.keys.push(t)
  }
  /** Adds a tensor of the module `path` and leaf `leaf`, unless the scope holds that module and leaf already. */
  addChecked(path: string, leaf: string, t: TensorRef): boolean {
    if (this.modules === undefined) this.modules = new Map()
    const leaves = this.modules.get(path)
    if (leaves === undefined) this.modules.set(path, [leaf])
    else if (leaves.includes(leaf)) return false
    else leaves.push(leaf)
    this.keys.push(t)
    return true
  }
  build(): Scope {
    return { id: this.id, family: this.family, index: this.index, keys: this.keys }
  }
}

/** Groups a checkpoint's tensors into scopes and modules. Linear in the number of keys. */
export function parseModel(ckpt: Checkpoint): ParsedModel {
  const tensors: TensorRef[] = []
  const byNormKey = new Map<string, TensorRef>()
  const collisions: string[] = []
  const unique: TensorRef[] = []
  let aliases = false
  for (const t of ckpt.tensors) {
    const ref: TensorRef = { key: t.name, normKey: stripKnownPrefixes(t.name), shape: t.shape }
    tensors.push(ref)
    if (byNormKey.has(ref.normKey)) collisions.push(ref.key)
    else {
      byNormKey.set(ref.normKey, ref)
      unique.push(ref)
      if (!aliases && ALIAS_LEAF.test(ref.normKey)) aliases = true
    }
  }

  // Pass 1: which numbered prefixes are block families (several blocks, several modules per block). Counting
  // tensors per block stands in for counting modules: a Linear's weight and bias are 2 tensors, one module.
  // Prefixes and rests are slices of the key at the numeric segment's offset: the key is not split.
  const numericAt: number[] = new Array<number>(unique.length)
  const digitsOf: string[] = new Array<string>(unique.length)
  const prefixOf: string[] = new Array<string>(unique.length)
  const candidates = new Map<string, { indices: Set<number>; tensors: number }>()
  let lastPrefix = ''
  let lastCandidate: { indices: Set<number>; tensors: number } | undefined
  for (let n = 0; n < unique.length; n++) {
    const key = unique[n].normKey
    const m = FIRST_NUMERIC.exec(key)
    // A numeric last segment (`ffn.0`) numbers no block.
    if (m === null || m.index + m[0].length === key.length) {
      numericAt[n] = -1
      continue
    }
    const digits = m[1]!
    // `blocks.03` and `blocks.3` are one block: their keys may name one module and leaf.
    if (digits.length > 1 && digits.charCodeAt(0) === 48) aliases = true
    numericAt[n] = m.index
    digitsOf[n] = digits
    // Keys of one family come together: the previous key's prefix string is reused (no slice to hash, no lookup).
    let prefix = lastPrefix
    let c = lastCandidate
    if (c === undefined || m.index !== prefix.length || !key.startsWith(prefix)) {
      prefix = key.slice(0, m.index)
      c = candidates.get(prefix)
      if (!c) candidates.set(prefix, (c = { indices: new Set(), tensors: 0 }))
      lastPrefix = prefix
      lastCandidate = c
    }
    prefixOf[n] = prefix
    c.indices.add(Number(digits))
    c.tensors++
  }
  const familyPrefixes = new Set<string>()
  for (const [prefix, c] of candidates) {
    if (c.indices.size >= 2 && c.tensors >= MIN_TENSORS_PER_BLOCK * c.indices.size) familyPrefixes.add(prefix)
  }

  // Pass 2: place every tensor in its scope (and module, where two keys may name one module and leaf).
  const top = new ScopeBuilder('', '', 0)
  const familyScopes = new Map<string, Map<number, ScopeBuilder>>()
  let runPrefix: string | undefined
  let runScopes: Map<number, ScopeBuilder> | undefined
  let runIndex = -1
  let runScope = top
  for (let n = 0; n < unique.length; n++) {
    const ref = unique[n]
    let scope = top
    // Where the key's words start inside its scope.
    let restAt = 0
    if (numericAt[n] >= 0) {
      const prefix = prefixOf[n]
      // A block's keys come together: its family and scope are the previous key's while the prefix string (one
      // object per run of keys, from pass 1) and the index stay.
      if (prefix !== runPrefix) {
        runPrefix = prefix
        runScopes = undefined
        runIndex = -1
        if (familyPrefixes.has(prefix)) {
          runScopes = familyScopes.get(prefix)
          if (!runScopes) familyScopes.set(prefix, (runScopes = new Map()))
        }
      }
      if (runScopes !== undefined) {
        const digits = digitsOf[n]
        const index = Number(digits)
        if (index !== runIndex) {
          let s = runScopes.get(index)
          if (!s) runScopes.set(index, (s = new ScopeBuilder(`${prefix}.${index}`, prefix, index)))
          runIndex = index
          runScope = s
        }
        scope = runScope
        restAt = prefix.length + digits.length + 2
      }
    }
    if (!aliases) {
      scope.add(ref)
      continue
    }
    const split = splitRest(ref.normKey.slice(restAt))
    if (!scope.addChecked(split.layer, split.leaf, ref)) collisions.push(ref.key)
  }

  const families: Family[] = [...familyScopes.entries()].map(([prefix, scopes]) => ({
    prefix,
    scopes: [...scopes.values()].sort((x, y) => x.index - y.index).map((s) => s.build())
  }))
  return { top: top.build(), families, tensors, byNormKey, collisions }
}
