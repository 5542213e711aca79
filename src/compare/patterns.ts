/**
 * Collapsing per-block repetition for display: `blocks.0.self_attn.q.weight -> blocks.0.attn1.to_q.weight` and
 * its 39 siblings become one row `blocks.{i}.self_attn.q.weight -> blocks.{i}.attn1.to_q.weight x40`. Grouping
 * is by text pattern only; the JSON keeps every mapping.
 */
import type { Confidence, KeyMapping, MappingKind, StructureFacts } from './types.js'
import { escapeRegExp } from '../util/text.js'

export interface MappingGroup {
  source: string[]
  target: string[]
  kind: MappingKind
  confidence: Confidence
  reason: string
  ambiguity?: string
  /** How many mappings the pattern stands for. */
  count: number
  /** The block indices `{i}` stands for, ascending (empty when the pattern has no `{i}`). */
  indices: number[]
  shapeCompatible: boolean
}

/**
 * Finds the block index of a key: the number after the first block-family prefix (`blocks.3.`, possibly behind a
 * wrapper prefix such as `model.diffusion_model.`). Sequential indices (`ffn.0`) are not block indices.
 */
export class BlockPatterns {
  private readonly regex: RegExp | undefined
  constructor(families: readonly string[]) {
    const alternatives = [...new Set(families)]
      .filter((f) => f !== '')
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
    this.regex =
      alternatives.length > 0
        ? new RegExp(`(^|\\.)(${alternatives.join('|')})\\.(\\d{1,9})(?=\\.|$)`)
        : undefined
  }

  /** `{ index, pattern }` for a key inside a block, undefined otherwise. */
  split(key: string): { index: string; pattern: string } | undefined {
    const m = this.regex?.exec(key)
    if (!m) return undefined
    const start = m.index + m[1].length + m[2].length + 1
    return { index: m[3], pattern: `${key.slice(0, start)}{i}${key.slice(start + m[3].length)}` }
  }

  /** Replaces the block index with `{i}` when every key of the mapping sits in a block with the same index. */
  mapping(m: Pick<KeyMapping, 'source' | 'target'>): { source: string[]; target: string[]; index?: string } {
    const parts = [...m.source, ...m.target].map((k) => this.split(k))
    const index = parts[0]?.index
    if (index === undefined || !parts.every((p) => p?.index === index))
      return { source: m.source, target: m.target }
    const patterns = parts.map((p) => p!.pattern)
    return { source: patterns.slice(0, m.source.length), target: patterns.slice(m.source.length), index }
  }

  key(key: string): string {
    return this.split(key)?.pattern ?? key
  }
}

/** The block-family prefixes of both sides of a comparison. */
export function comparisonFamilies(c: { structure: { a: StructureFacts; b: StructureFacts } }): string[] {
  // The largest families only: each one is an alternative in the pattern regex, tried on every displayed key.
  return [...c.structure.a.families, ...c.structure.b.families]
    .sort((x, y) => y.count - x.count)
    .slice(0, MAX_PATTERN_FAMILIES)
    .map((f) => f.prefix)
}

/** Block families used for display patterns (a real model has a handful). */
const MAX_PATTERN_FAMILIES = 64

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2 }

/** Groups mappings by pattern, kind and confidence, in first-seen order within each confidence level. */
export function groupMappings(mappings: readonly KeyMapping[], families: readonly string[]): MappingGroup[] {
  const patterns = new BlockPatterns(families)
  const groups = new Map<string, MappingGroup>()
  for (const m of mappings) {
    const p = patterns.mapping(m)
    const id = `${m.confidence}\u0000${m.kind}\u0000${p.source.join('\u0001')}\u0000${p.target.join('\u0001')}`
    const g = groups.get(id)
    if (g) {
      g.count++
      if (p.index !== undefined) g.indices.push(Number(p.index))
      g.shapeCompatible = g.shapeCompatible && m.shapeCompatible
      continue
    }
    groups.set(id, {
      source: p.source,
      target: p.target,
      kind: m.kind,
      confidence: m.confidence,
      reason: m.reason,
      ...(m.ambiguity ? { ambiguity: m.ambiguity } : {}),
      count: 1,
      indices: p.index !== undefined ? [Number(p.index)] : [],
      shapeCompatible: m.shapeCompatible
    })
  }
  for (const g of groups.values()) g.indices = ascendingUnique(g.indices)
  return [...groups.values()].sort((x, y) => CONFIDENCE_ORDER[x.confidence] - CONFIDENCE_ORDER[y.confidence])
}

function ascendingUnique(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b)
}

/** Groups plain keys by pattern: `blocks.{i}.ffn.w1.weight x48`, with the block indices `{i}` stands for. */
export function groupKeys(
  keys: readonly string[],
  families: readonly string[]
): { pattern: string; count: number; indices: number[] }[] {
  const patterns = new BlockPatterns(families)
  const groups = new Map<string, { pattern: string; count: number; indices: number[] }>()
  for (const k of keys) {
    const split = patterns.split(k)
    const pattern = split?.pattern ?? k
    let g = groups.get(pattern)
    if (!g) groups.set(pattern, (g = { pattern, count: 0, indices: [] }))
    g.count++
    if (split) g.indices.push(Number(split.index))
  }
  const out = [...groups.values()]
  for (const g of out) g.indices = ascendingUnique(g.indices)
  return out
}
