/**
 * Name-level helpers shared by the analysis and its consumers (compare, LoRA): wrapper prefixes, block splitting,
 * key roles and parameter categories. They look at names only; shapes are the caller's business.
 */
import {
  isEmbeddingName,
  KNOWN_PREFIXES,
  layerRole,
  normalizeKey,
  splitLeaf as splitLayer,
  ATTENTION_ROLES,
  FFN_ROLES,
  NORM_ROLES
} from '../names/index.js'
import { BIAS_LEAVES, WEIGHT_LEAVES } from '../names/tokens.js'
import { BLOCK_CONTAINER_NAMES, isBlockContainerName, SERIES_IN_KOHYA_SEGMENT } from '../names/series.js'
import type { KeyRole } from './types.js'

/** Block containers and wrapper prefixes: the one list of each, in src/names. */
export { BLOCK_CONTAINER_NAMES, KNOWN_PREFIXES }

/** The longest index a segment may have to count as a number (longer digit runs are names, and stay bounded). */
const MAX_INDEX_DIGITS = 9

export function isIndexSegment(segment: string): boolean {
  const n = segment.length
  if (n === 0 || n > MAX_INDEX_DIGITS) return false
  // ModuleList indices never have leading zeros; `01` is a name (and would collide with `1`).
  if (n > 1 && segment.charCodeAt(0) === 48) return false
  for (let i = 0; i < n; i++) {
    const c = segment.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/**
 * Strips known wrapper prefixes, repeatedly (`module._orig_mod.blocks.0...` -> `blocks.0...`), through the one
 * prefix reader (src/names/prefixes.ts). Returns the removed prefix ('' if none) and the rest.
 */
export function stripKnownPrefix(name: string): { prefix: string; rest: string } {
  const { key, stripped } = normalizeKey(name)
  return { prefix: stripped, rest: key }
}

export interface BlockKey {
  /** Wrapper prefix removed first (`model.diffusion_model.`), or ''. */
  prefix: string
  /** The block container path without the prefix: `blocks`, `double_blocks`, `txt_in.individual_token_refiner.blocks`. */
  family: string
  index: number
  /** The key inside the block: `self_attn.q.weight` (for SDXL `input_blocks.4.1.transformer_blocks...`: `1.transformer_blocks...`). */
  rest: string
  /** Separator of the key: `.` for dotted names, `_` for kohya-style underscore names. */
  separator: '.' | '_'
}

/**
 * Splits a key at its outermost block index: `diffusion_model.blocks.3.self_attn.q.weight` -> family `blocks`,
 * index 3, rest `self_attn.q.weight`. A numbered child is a block when its container is a known block container
 * (`blocks`, `layers`, `transformer_blocks`, ...) or when the child holds named sub-modules (`foo.2.attn.q.weight`),
 * not when it is a plain Sequential layer (`ffn.0.weight`, `time_embedding.2.bias`). Also understands kohya-style
 * underscore keys (`lora_unet_blocks_0_self_attn_q.lora_down.weight`) for the known container names. Returns null
 * for keys outside any block. Use the families of `analyzeStructure` for the model-wide view (nested families,
 * containers recognised because they repeat).
 */
export function splitBlockKey(name: string): BlockKey | null {
  const { prefix, rest: stripped } = stripKnownPrefix(name)
  const segs = stripped.split('.')
  for (let j = 1; j < segs.length - 1; j++) {
    if (!isIndexSegment(segs[j]) || isIndexSegment(segs[j - 1])) continue
    const tail = segs.slice(j + 1)
    if (BLOCK_CONTAINER_NAMES.has(segs[j - 1]) || hasNamedInterior(tail)) {
      return {
        prefix,
        family: segs.slice(0, j).join('.'),
        index: Number(segs[j]),
        rest: tail.join('.'),
        separator: '.'
      }
    }
  }
  const head = segs[0]
  const m = SERIES_IN_KOHYA_SEGMENT.exec(head)
  if (m) {
    const start = m.index + (m[0].startsWith('_') ? 1 : 0)
    return {
      prefix: prefix + head.slice(0, start),
      family: m[1],
      index: Number(m[2]),
      rest: [m[3], ...segs.slice(1)].join('.'),
      separator: '_'
    }
  }
  return null
}

/**
 * True when a path below an index (`segs` from `from` on) has a named (non-numeric) module before its leaf:
 * `attn.q.weight`, `proj.weight`.
 */
export function hasNamedInterior(segs: readonly string[], from = 0): boolean {
  for (let i = from; i < segs.length - 1; i++) if (!isIndexSegment(segs[i])) return true
  return false
}

/** Splits a name into lower-case word tokens at dots and underscores: `adaLN_modulation.1` -> adaln, modulation, 1. */
export function nameTokens(name: string): string[] {
  return name.toLowerCase().split(/[._]/)
}

/**
 * Roles a key carries from its name. `insideBlock` matters for embeddings: `txt_in.*` or `*_embedder.*` at the top
 * level are embeddings, a block's `proj_in` is not.
 */
export function keyRoles(name: string, insideBlock: boolean): KeyRole[] {
  // Roles never depend on index values, so blocks share one cached answer per template key.
  const cacheKey = (insideBlock ? 'b:' : 't:') + name.replace(INDEX_SEGMENTS, '.#')
  const cached = roleCache.get(cacheKey)
  if (cached) return cached
  const roles = computeKeyRoles(name, insideBlock)
  if (roleCache.size >= ROLE_CACHE_LIMIT) roleCache.clear()
  roleCache.set(cacheKey, roles)
  return roles
}

const INDEX_SEGMENTS = /\.\d+(?=\.|$)/g
const ROLE_CACHE_LIMIT = 50000
const roleCache = new Map<string, KeyRole[]>()

/** A module path without its block containers and their indices (`blocks.0.attn.q` -> `attn.q`). */
function withoutContainers(path: string): string {
  const segs = path.split('.')
  const kept: string[] = []
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!
    if (isIndexSegment(seg)) continue
    const numbered = i + 1 < segs.length && isIndexSegment(segs[i + 1]!)
    if (numbered && isBlockContainerName(seg)) continue
    kept.push(seg)
  }
  return kept.join('.')
}

function computeKeyRoles(name: string, insideBlock: boolean): KeyRole[] {
  const roles: KeyRole[] = []
  let embedding = false
  if (!insideBlock) for (const seg of name.split('.')) if (isEmbeddingName(seg)) embedding = true
  // The shared role words (names/roles.ts) over the module path without its block containers: `down_blocks.0` or
  // `attentions.0` says nothing of what the layer inside is.
  const r = layerRole(withoutContainers(splitLayer(name).layer))
  if (r.sublayer === 'attn' || r.sublayer === 'cross' || ATTENTION_ROLES.has(r.role)) roles.push('attention')
  if ((r.sublayer === 'ffn' || FFN_ROLES.has(r.role)) && !embedding) roles.push('feedforward')
  if (NORM_ROLES.has(r.role)) roles.push('normalization')
  if (r.role === 'mod') roles.push('modulation')
  if (embedding) roles.push('embedding')
  return roles
}

/** The module path and leaf name of a key: `blocks.0.self_attn.q.weight` -> `blocks.0.self_attn.q`, `weight`. */
export function splitLeaf(name: string): { module: string; leaf: string } {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? { module: '', leaf: name } : { module: name.slice(0, dot), leaf: name.slice(dot + 1) }
}

/** `splitLeaf(name).module` without the pair object (per-key passes that need one part). */
export function moduleOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(0, dot)
}

/**
 * Whether `name`, whose last dot is at `dot`, is a key of `module` (the previous key's module part) with a
 * non-empty leaf: the adjacent keys of one module (bias, weight) that the per-key passes read once.
 */
export function isAnotherLeafOf(name: string, dot: number, module: string): boolean {
  return dot > 0 && dot < name.length - 1 && dot === module.length && name.startsWith(module)
}

/** `splitLeaf(name).leaf` without the pair object. */
export function leafOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? name : name.slice(dot + 1)
}

export function isWeightLeaf(leaf: string): boolean {
  return WEIGHT_LEAVES.has(leaf)
}
export function isBiasLeaf(leaf: string): boolean {
  return BIAS_LEAVES.has(leaf)
}

/** The one reading of adapter tensor names (src/names/adapters.ts). */
export { isAdapterKey } from '../names/adapters.js'
