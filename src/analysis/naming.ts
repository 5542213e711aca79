/** Naming conventions of a key set: separators, case, wrapper prefixes, top-level modules and leaf names. */
import { isAnotherLeafOf, isIndexSegment } from './keys.js'
import { stripKnownPrefixes } from '../names/index.js'
import type { CaseStyle, NamingConventions, PrefixInfo, SeparatorStyle } from './types.js'

const MAX_TOP_LEVEL = 30
const MAX_LEAVES = 20
const MAX_CASED = 20
/** A block index joined with underscores (`lora_unet_blocks_0_self_attn`) marks the kohya-style form. */
const UNDERSCORE_INDEX = /_\d+(_|$)/
const UPPER = /[A-Z]/

const SEG_INDEX = 1
const SEG_UNDERSCORE = 2
const SEG_UPPER = 4
/** Only read for a key's first segment (the kohya-style test). */
const SEG_UNDERSCORE_INDEX = 8
/** Bounds the per-call segment memo (hostile files may have a million distinct segments). */
const MAX_SEGMENT_MEMO = 10000

function classifySegment(seg: string): number {
  if (isIndexSegment(seg)) return SEG_INDEX
  if (!seg.includes('_')) return UPPER.test(seg) ? SEG_UPPER : 0
  return (
    SEG_UNDERSCORE |
    (UPPER.test(seg) ? SEG_UPPER : 0) |
    (UNDERSCORE_INDEX.test(seg) ? SEG_UNDERSCORE_INDEX : 0)
  )
}

function countsToList(counts: Map<string, number>, limit: number): PrefixInfo[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([prefix, keys]) => ({ prefix, keys }))
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

export function namingConventions(names: readonly string[]): NamingConventions {
  let dotted = 0
  let underscored = 0
  const cased = new Set<string>()
  let lettered = 0
  let withUnderscore = 0
  const tally = new PrefixTally()
  const topLevel = new Map<string, number>()
  const leaves = new Map<string, number>()
  let shared: string | null = null
  let casedSegmentCount = 0
  // Segments repeat across blocks (`blocks`, `self_attn`, `weight`): each distinct one is classified once.
  const segmentFlags = new Map<string, number>()
  const flagsOf = (seg: string): number => {
    let flags = segmentFlags.get(seg)
    if (flags === undefined) {
      flags = classifySegment(seg)
      if (segmentFlags.size < MAX_SEGMENT_MEMO) segmentFlags.set(seg, flags)
    }
    return flags
  }

  // The previous key's module part (`...to_q` of `...to_q.bias`) and what its segments counted: a module's keys
  // (bias, weight) are adjacent in a sorted checkpoint and differ only in the leaf, so the next key of the same
  // module counts its leaf alone. Both leaves must be non-empty: a known prefix is then never decided by the leaf.
  let previousModule = ''
  let previousPrefix = ''
  let previousFirst = ''
  let previousFirstFlags = 0
  let previousSegments = 0
  let moduleLettered = 0
  let moduleUnderscore = 0
  let moduleCased = 0
  // An index loop: in a cold process each for-of step allocates an iterator result, once per key here.
  for (let n = 0; n < names.length; n++) {
    const name = names[n]
    const dot = name.lastIndexOf('.')
    if (previousSegments > 1 && isAnotherLeafOf(name, dot, previousModule)) {
      tally.addKnown(previousPrefix)
      const leaf = name.slice(dot + 1)
      if (previousFirstFlags & SEG_UNDERSCORE_INDEX) underscored++
      else dotted++
      bump(topLevel, previousFirst)
      bump(leaves, leaf)
      lettered += moduleLettered
      withUnderscore += moduleUnderscore
      casedSegmentCount += moduleCased
      const flags = flagsOf(leaf)
      if (!(flags & SEG_INDEX)) {
        lettered++
        if (flags & SEG_UNDERSCORE) withUnderscore++
        if (flags & SEG_UPPER) {
          casedSegmentCount++
          if (cased.size < 1000) cased.add(leaf)
        }
      }
    } else {
      const prefix = tally.add(name)
      const segs = name.slice(prefix.length).split('.')
      const firstFlags = flagsOf(segs[0])
      if (firstFlags & SEG_UNDERSCORE_INDEX || (segs.length === 1 && firstFlags & SEG_UNDERSCORE))
        underscored++
      else if (segs.length > 1) dotted++
      bump(topLevel, segs[0])
      bump(leaves, segs[segs.length - 1])
      moduleLettered = 0
      moduleUnderscore = 0
      moduleCased = 0
      for (let k = 0; k < segs.length; k++) {
        const seg = segs[k]
        const flags = k === 0 ? firstFlags : flagsOf(seg)
        if (flags & SEG_INDEX) continue
        const inModule = k < segs.length - 1
        lettered++
        if (inModule) moduleLettered++
        if (flags & SEG_UNDERSCORE) {
          withUnderscore++
          if (inModule) moduleUnderscore++
        }
        if (flags & SEG_UPPER) {
          casedSegmentCount++
          if (inModule) moduleCased++
          if (cased.size < 1000) cased.add(seg)
        }
      }
      previousModule = dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : ''
      previousPrefix = prefix
      previousFirst = segs[0]
      previousFirstFlags = firstFlags
      previousSegments = segs.length
    }
    // The longest dotted prefix shared by every key, never including a key's leaf.
    const moduleEnd = name.lastIndexOf('.') + 1
    if (shared === null) shared = name.slice(0, moduleEnd)
    else if (!name.startsWith(shared) || moduleEnd < shared.length) {
      let i = 0
      const limit = Math.min(shared.length, moduleEnd)
      while (i < limit && shared.charCodeAt(i) === name.charCodeAt(i)) i++
      shared = i === 0 ? '' : shared.slice(0, shared.lastIndexOf('.', i - 1) + 1)
    }
  }

  let separator: SeparatorStyle = 'none'
  if (dotted > 0 && underscored > 0) separator = 'mixed'
  else if (dotted > 0) separator = 'dot'
  else if (underscored > 0) separator = 'underscore'

  let caseStyle: CaseStyle
  if (casedSegmentCount === 0) caseStyle = withUnderscore > 0 ? 'snake_case' : 'lower'
  else caseStyle = casedSegmentCount * 2 > lettered && withUnderscore === 0 ? 'camelCase' : 'mixed'

  return {
    separator,
    case: caseStyle,
    casedSegments: [...cased].sort().slice(0, MAX_CASED),
    ...tally.prefixes(names.length),
    sharedPrefix: shared ?? '',
    knownPrefixes: tally.knownPrefixes(MAX_TOP_LEVEL),
    topLevelModules: countsToList(topLevel, MAX_TOP_LEVEL),
    leafNames: countsToList(leaves, MAX_LEAVES)
  }
}

/**
 * The wrapper prefixes of a key set as the names are read: how many keys carry each known prefix, and the one all
 * of them share. `namingConventions` and `analysisPrefixOf` both tally through it.
 */
class PrefixTally {
  private readonly counts = new Map<string, number>()
  private common: string | null = null

  /** Adds one name; returns its known prefix ('' when it has none). */
  add(name: string): string {
    // The prefix is the head that stripKnownPrefixes removes: no result object per key.
    const restLength = stripKnownPrefixes(name).length
    const prefix = restLength === name.length ? '' : name.slice(0, name.length - restLength)
    this.addKnown(prefix)
    return prefix
  }

  /** Adds one name whose known prefix the caller already has ('' when it has none). */
  addKnown(prefix: string): void {
    if (prefix) bump(this.counts, prefix)
    this.common = this.common === null ? prefix : this.common === prefix ? prefix : ''
  }

  prefixes(total: number): { commonPrefix: string; analysisPrefix: string } {
    const common = this.common ?? ''
    return { commonPrefix: common, analysisPrefix: dominantPrefix(common, this.counts, total) }
  }

  knownPrefixes(limit: number): PrefixInfo[] {
    return countsToList(this.counts, limit)
  }
}

/**
 * `commonPrefix` and `analysisPrefix` of `namingConventions` alone, for the structure a comparison reads (the
 * rest of the naming summary is the analysis report's).
 */
export function analysisPrefixOf(names: readonly string[]): { commonPrefix: string; analysisPrefix: string } {
  const tally = new PrefixTally()
  // A module's adjacent keys (bias, weight) have its prefix: a known prefix ends in a dot, so with a non-empty leaf
  // it never depends on the leaf (see namingConventions).
  let previousModule = ''
  let previousPrefix = ''
  for (let n = 0; n < names.length; n++) {
    const name = names[n]
    const dot = name.lastIndexOf('.')
    if (isAnotherLeafOf(name, dot, previousModule)) {
      tally.addKnown(previousPrefix)
    } else {
      previousPrefix = tally.add(name)
      previousModule = dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : ''
    }
  }
  return tally.prefixes(names.length)
}

/** The common known prefix, else a known prefix carried by more than half of the keys, else ''. */
function dominantPrefix(common: string, counts: ReadonlyMap<string, number>, total: number): string {
  if (common) return common
  for (const [prefix, keys] of counts) if (keys * 2 > total) return prefix
  return ''
}
