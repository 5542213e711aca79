/**
 * How far the mapping links the two sides' attention projections to each other. The attention kinds of a side
 * are read from its names (diffusers' `attn2` is a cross attention in a UNet, a second self attention in SD3.5's
 * MMDiT-X blocks; AuraFlow's numbered `w1q` / `w2q` sets are the two streams of a joint attention), so two namings
 * of one network can read different kinds. When the mapping links nearly every attention projection of each side
 * to attention projections of the other at high confidence, the attention is the same under other names; the
 * flag (flags.ts) says so instead of calling the layouts different.
 */
import type { AttentionModule } from '../analysis/index.js'
import { escapeRegExp } from '../util/text.js'
import type { KeyMapping } from './types.js'

/** One side's attention projection weights and how many of them the mapping links to the other's. */
export interface AttentionLinkShare {
  /** Attention projection weights of the side (q, k, v, fused, out; every block's). */
  keys: number
  /** Of those, the ones in a high-confidence, shape-compatible mapping whose other side is attention too. */
  linked: number
}

/** The share of attention projections linked to the other side's attention that reads as one attention. */
export const SAME_ATTENTION_SHARE = 0.9

/**
 * The stored keys of a side's attention projections: each module's projection keys, relative to its block
 * family's pattern (`joint_blocks` + `x_block.attn.qkv.weight`; `{}` for an outer index), matched against the
 * side's keys, with any wrapper before them (the analysis reads keys without the file's model prefix).
 */
export function attentionProjectionKeys(
  modules: readonly AttentionModule[],
  keys: readonly string[]
): Set<string> {
  const alternatives: string[] = []
  for (const m of modules) {
    const block = m.family === null ? '' : `${escapeRegExp(m.family).replace(/\\\{\\\}/g, '\\d+')}\\.\\d+\\.`
    for (const p of m.projections) alternatives.push(block + escapeRegExp(p.key))
  }
  const out = new Set<string>()
  if (alternatives.length === 0) return out
  const re = new RegExp(`(?:^|\\.)(?:${alternatives.join('|')})$`)
  for (let i = 0; i < keys.length; i++) if (re.test(keys[i]!)) out.add(keys[i]!)
  return out
}

/**
 * Per side, how many of its attention projections the mapping links, at high confidence and with fitting
 * shapes, to attention projections of the other side (a fused q|k|v split into q, k and v counts; a q linked to a
 * feed-forward layer does not).
 */
export function attentionLinkShares(
  mappings: readonly KeyMapping[],
  attentionA: ReadonlySet<string>,
  attentionB: ReadonlySet<string>
): { a: AttentionLinkShare; b: AttentionLinkShare } {
  const linkedA = new Set<string>()
  const linkedB = new Set<string>()
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i]!
    if (m.confidence !== 'high' || !m.shapeCompatible) continue
    const sourceIn = m.source.filter((k) => attentionA.has(k))
    const targetIn = m.target.filter((k) => attentionB.has(k))
    if (sourceIn.length === 0 && targetIn.length === 0) continue
    // Attention at both ends: a q linked to a feed-forward layer is not the same attention. A fused q|k|v|mlp
    // input (Flux's single blocks) split into q, k, v and the MLP's input counts, for its attention rows.
    if (sourceIn.length === 0 || targetIn.length === 0) continue
    for (const k of sourceIn) linkedA.add(k)
    for (const k of targetIn) linkedB.add(k)
  }
  return {
    a: { keys: attentionA.size, linked: linkedA.size },
    b: { keys: attentionB.size, linked: linkedB.size }
  }
}

/** Both sides have attention projections and the mapping links nearly all of them to each other's. */
export function sameAttentionLinked(shares: { a: AttentionLinkShare; b: AttentionLinkShare }): boolean {
  const { a, b } = shares
  return (
    a.keys > 0 &&
    b.keys > 0 &&
    a.linked >= SAME_ATTENTION_SHARE * a.keys &&
    b.linked >= SAME_ATTENTION_SHARE * b.keys
  )
}
