/** Places a key in the block families of an analysis (innermost family first), for compare and LoRA code. */
import { isIndexSegment, stripKnownPrefix } from './keys.js'
import type { StructureAnalysis } from './types.js'

export interface BlockLocation {
  /** The family pattern (`blocks`, `input_blocks.{}.{}.transformer_blocks`). */
  family: string
  /** The block's label: its indices joined (`12`, or `4.1.0` for a nested family), as in `BlockFamily.variants`. */
  label: string
  /** The block's own index (the last index of the label). */
  index: number
  /** The key inside the block (`self_attn.q.weight`), comparable with `BlockFamily.template` keys. */
  rest: string
}

/**
 * Finds the innermost block family of `analysis` holding `name` (with or without the analysed wrapper prefix, or
 * any known prefix). Returns null for keys outside every family.
 */
export function locateInBlocks(
  name: string,
  analysis: Pick<StructureAnalysis, 'blockFamilies' | 'naming'>
): BlockLocation | null {
  const prefix = analysis.naming.analysisPrefix
  const stripped = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : stripKnownPrefix(name).rest
  const segs = stripped.split('.')
  let best: BlockLocation | null = null
  let bestDepth = -1
  for (const f of analysis.blockFamilies) {
    const pattern = f.pattern.split('.')
    if (pattern.length <= bestDepth || segs.length < pattern.length + 2) continue
    let ok = true
    const nums: string[] = []
    for (let i = 0; i < pattern.length && ok; i++) {
      if (pattern[i] === '{}') {
        ok = isIndexSegment(segs[i])
        nums.push(segs[i])
      } else ok = pattern[i] === segs[i]
    }
    const idx = segs[pattern.length]
    if (!ok || !isIndexSegment(idx)) continue
    nums.push(idx)
    best = {
      family: f.pattern,
      label: nums.join('.'),
      index: Number(idx),
      rest: segs.slice(pattern.length + 1).join('.')
    }
    bestDepth = pattern.length
  }
  return best
}
