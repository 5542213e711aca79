/**
 * Explaining a module that does not resolve: the base keys closest to its name and why they do not fit. Base paths
 * are grouped by pattern (block indices replaced by `#`), so one lookup costs O(distinct patterns), not O(keys).
 */
import type { BaseEntry, BaseSpace } from './base-index.js'
import type { LoraModule, NearestKey } from './types.js'
import { byCodeUnit } from './order.js'
import { blockIndex } from './layers.js'
import { SERIES_LAST_WORDS } from '../names/series.js'

const MAX_NEAREST = 3

function tokens(path: string): string[] {
  return path.split(/[._]/).filter((t) => t.length > 0)
}

/** A block index after a container named with a series word (`double_blocks.3`, T5 `block_3`), dotted or kohya. */
const SERIES_INDEX = new RegExp(`((?:^|[._])(?:${SERIES_LAST_WORDS.join('|')})[._])\\d+(?=[._]|$)`, 'g')

/** The path with its block index replaced by `#` (other numbers, like `ffn.2`, name the layer and stay). */
function pattern(path: string): string {
  return path.replace(SERIES_INDEX, '$1#')
}

interface PatternGroup {
  pattern: string
  tokens: Set<string>
  /** The last distinct token (the projection name), kept so scoring does not rebuild it per module pattern. */
  last: string
  entries: BaseEntry[]
  /** The first entry of each block index, built on first use (a failing module of block N shows block N's key). */
  byBlock?: Map<string, BaseEntry>
}

/** The entry of a pattern in the given block, else its first entry; one pass over the entries per pattern. */
function entryInBlock(p: PatternGroup, block: string | null): BaseEntry {
  if (block === null) return p.entries[0]!
  if (!p.byBlock) {
    p.byBlock = new Map()
    for (const e of p.entries) {
      const b = blockIndexOf(e.path)
      if (b !== null && !p.byBlock.has(b)) p.byBlock.set(b, e)
    }
  }
  return p.byBlock.get(block) ?? p.entries[0]!
}

export interface PatternIndex {
  /** Per pattern: its tokens and its entries. */
  patterns: PatternGroup[]
  /** Best patterns per module pattern: the 40 `blocks.N.cross_attn.k_img` of a file are scored once. */
  scored: Map<string, PatternGroup[]>
}

const cache = new WeakMap<BaseSpace, PatternIndex>()

export function patternIndex(space: BaseSpace): PatternIndex {
  const hit = cache.get(space)
  if (hit) return hit
  const byPattern = new Map<string, BaseEntry[]>()
  for (const e of space.entries) {
    const p = pattern(e.path)
    const list = byPattern.get(p)
    if (list) list.push(e)
    else byPattern.set(p, [e])
  }
  const index: PatternIndex = {
    patterns: [...byPattern.entries()].map(([p, entries]) => {
      const set = new Set(tokens(p).filter((t) => t !== '#'))
      const distinct = [...set]
      return { pattern: p, tokens: set, last: distinct[distinct.length - 1] ?? '', entries }
    }),
    scored: new Map()
  }
  cache.set(space, index)
  return index
}

/** Dice similarity of token sets, with a bonus for the same last token (the projection name). */
function similarity(a: Set<string>, aLast: string, b: Set<string>, bLast: string): number {
  let common = 0
  for (const t of a) if (b.has(t)) common++
  const dice = (2 * common) / (a.size + b.size || 1)
  return dice + (aLast === bLast ? 0.25 : 0)
}

/** The block index of a path: the one reading of block series (src/names/series.ts via layers.ts). */
const blockIndexOf = blockIndex

/** Up to three base keys closest to a module's path, each with why it is not the target. */
export function nearestKeys(m: LoraModule, space: BaseSpace): NearestKey[] {
  const index = patternIndex(space)
  const ownPattern = pattern(m.path)
  const own = tokens(ownPattern).filter((t) => t !== '#')
  const ownSet = new Set(own)
  let best = index.scored.get(ownPattern)
  if (!best) {
    const ownLast = own[own.length - 1] ?? ''
    best = index.patterns
      .map((p) => ({ p, score: similarity(ownSet, ownLast, p.tokens, p.last) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || byCodeUnit(a.p.pattern, b.p.pattern))
      .slice(0, MAX_NEAREST)
      .map((s) => s.p)
    index.scored.set(ownPattern, best)
  }
  const block = blockIndexOf(m.path)
  return best.map((p) => {
    const entry = entryInBlock(p, block)
    const onlyLora = own.filter((t) => !p.tokens.has(t))
    const onlyBase = [...p.tokens].filter((t) => !ownSet.has(t))
    const blockMissing = block !== null && blockIndexOf(entry.path) !== block
    let why: string
    if (onlyLora.length === 0 && onlyBase.length === 0) {
      why = blockMissing
        ? `same layer, but block ${block} is not in the base`
        : 'same name with different separators or order'
    } else {
      why = nameDifference(m.path, entry.path, block, blockMissing)
    }
    return { key: entry.key, shape: entry.shape, why }
  })
}

interface Span {
  text: string
  start: number
  end: number
}

/** The tokens of a path with where each sits, so the parts that differ can be quoted with their separators. */
function spans(path: string): Span[] {
  const out: Span[] = []
  for (const m of path.matchAll(/[^._]+/g))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/**
 * Why a base key whose name differs is still the closest, as a sentence: what the two names share (the block, the
 * layer) and what the LoRA targets that the base lacks, e.g. `same block and layer, but the LoRA targets k_img,
 * which this base does not have`. Block indices compare as patterns, so block 35 vs block 0 is not a name difference.
 */
function nameDifference(
  loraPath: string,
  basePath: string,
  block: string | null,
  blockMissing: boolean
): string {
  const lora = spans(loraPath)
  const base = spans(basePath)
  const blockAt = lora.findIndex((s, i) => i > 0 && /^\d+$/.test(s.text) && s.text === block)
  const same = (i: number): boolean =>
    i === blockAt ? /^\d+$/.test(base[i]?.text ?? '') : lora[i]!.text === base[i]?.text
  let k = 0
  while (k < lora.length && k < base.length && same(k)) k++
  // Keep the last shared token with the differing part when one name extends the other (`k` vs `k_img`).
  if ((k === lora.length || k === base.length) && k > 0) k--
  // A part shared up to the middle of one of the base's module names is not a shared layer: `img_mod.lin` and
  // `img_attn.proj` share the word `img`, not a module. Back up to the start of that name.
  while (k > 0 && basePath[base[k - 1]!.end] === '_') k--
  const loraPart = k < lora.length ? loraPath.slice(lora[k]!.start) : loraPath
  let scope: string
  if (blockMissing) scope = `block ${block} is not in the base, and`
  else if (blockAt >= 0 && k > blockAt + 1) scope = 'same block and layer, but'
  else if (blockAt >= 0 && k > blockAt) scope = 'same block, but'
  else if (k > 0) scope = `both under ${loraPath.slice(0, lora[k - 1]!.end)}, but`
  else scope = 'no common name part:'
  return `${scope} the LoRA targets ${loraPart}, which this base does not have`
}
