/**
 * Blocks one naming numbers inside. HF's T5 keeps a block's attention and feed-forward in a numbered list
 * (`encoder.block.3.layer.0.SelfAttention.q`, `encoder.block.3.layer.1.DenseReluDense.wi_0`), where Wan's T5 or a
 * GGUF names them straight under the block (`blocks.3.attn.q`, `enc.blk.3.ffn_gate`). Units are the layers under
 * their deepest indexed ancestor, so the first side has two units a block and the other one: no signature of the
 * one equals a signature of the other, and no block pairs.
 *
 * The list's items are read as parts of their block where that is what the other side says: for each pattern of
 * such sub-units (the unit path with its indices as `#`: `encoder.block.#.layer.#`), the sub-units of each block
 * taken together have a signature (parameter count and trailing dims, summed and joined), and the pattern is
 * merged into its blocks when more of the other side's unit signatures are then met than before, and when the
 * sub-units of a block are different sublayers (a list of copies, `resnets.0` / `resnets.1`, is a series, whatever
 * the other side groups). A numbering that means separate units on both sides (LDM's `input_blocks.4.0` resnet and
 * `input_blocks.4.1` transformer, against diffusers' `resnets.0` and `attentions.0`) meets more signatures as it
 * is, and stays. Where one side is a LoRA's layers (partial), the layers' shapes decide (subUnitsToMergeBeside).
 */
import type { Side, Unit } from './model.js'

const INDEX = /^\d+$/

/** `encoder.block.3.layer.0` -> its pattern and its block (`encoder.block.3`); undefined for other paths. */
export function subUnitOf(path: string): { pattern: string; parent: string } | undefined {
  const words = path.split('.')
  const last = words.length - 1
  if (last < 1 || !INDEX.test(words[last]!)) return undefined
  let parentEnd = -1
  for (let i = last - 1; i >= 0; i--) {
    if (INDEX.test(words[i]!)) {
      parentEnd = i
      break
    }
  }
  // The list has a name of its own (`layer`): an index right after an index (`input_blocks.4.0`) is LDM's
  // numbering of a level's modules, which diffusers names as units too.
  if (parentEnd < 0 || parentEnd === last - 1) return undefined
  return {
    pattern: words.map((w) => (INDEX.test(w) ? '#' : w)).join('.'),
    parent: words.slice(0, parentEnd + 1).join('.')
  }
}

/** A multiset of signatures. */
function countOf(sigs: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>()
  for (const s of sigs) out.set(s, (out.get(s) ?? 0) + 1)
  return out
}

/** The signature of units taken together (units.ts finishUnit: `total|sorted trailing dims`). */
function joinedSig(units: readonly Unit[]): string {
  let total = 0
  const cols = new Set<string>()
  for (const u of units) {
    const bar = u.sig.indexOf('|')
    total += Number(u.sig.slice(0, bar))
    const rest = u.sig.slice(bar + 1)
    if (rest !== '') for (const c of rest.split(',')) cols.add(c)
  }
  return `${total}|${[...cols].sort().join(',')}`
}

/** How many of `sigs` find a partner in `other` (a multiset intersection, consuming `other`). */
function met(sigs: readonly string[], other: Map<string, number>): number {
  let n = 0
  for (const s of sigs) {
    const left = other.get(s) ?? 0
    if (left > 0) {
      other.set(s, left - 1)
      n++
    }
  }
  return n
}

/** The sub-units of `side` under each pattern, by block; only patterns in `keep` when given. */
function patternsOf(side: Side, keep?: ReadonlySet<string>): Map<string, Map<string, Unit[]>> {
  const byPattern = new Map<string, Map<string, Unit[]>>()
  for (let i = 0; i < side.units.length; i++) {
    const u = side.units[i]!
    if (!u.index.includes('.')) continue
    const sub = subUnitOf(u.path)
    if (sub === undefined || (keep !== undefined && !keep.has(sub.pattern))) continue
    let blocks = byPattern.get(sub.pattern)
    if (!blocks) byPattern.set(sub.pattern, (blocks = new Map()))
    let members = blocks.get(sub.parent)
    if (!members) blocks.set(sub.parent, (members = []))
    members.push(u)
  }
  return byPattern
}

/**
 * Whether a block's sub-units are different sublayers (T5's attention `layer.0` and feed-forward `layer.1` share
 * at most their norm's name) rather than copies in a series (`resnets.0` / `resnets.1`, `attentions.0` /
 * `attentions.1`: the same names, a shortcut conv more or less): no two share half of the smaller one's layer
 * names.
 */
function distinctSublayers(members: readonly Unit[]): boolean {
  const names = members.map((u) => new Set(u.layers.map((l) => l.rel)))
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      let shared = 0
      for (const n of names[i]!) if (names[j]!.has(n)) shared++
      if (2 * shared >= Math.min(names[i]!.size, names[j]!.size)) return false
    }
  return true
}

/** Most of the pattern's blocks with several sub-units hold distinct sublayers (distinctSublayers). */
function sublayerPattern(blocks: ReadonlyMap<string, Unit[]>): boolean {
  let yes = 0
  let no = 0
  blocks.forEach((members) => {
    if (members.length < 2) return
    if (distinctSublayers(members)) yes++
    else no++
  })
  return yes > no
}

/**
 * The sub-unit patterns of `side` to merge into their blocks, judged against `other`'s units; empty when none
 * gains. Both sides whole (compare): each pattern is judged on its own units, by how many of the other side's
 * unit signatures they meet as they are and how many their blocks meet merged (one pass over the units; SDXL's
 * UNet has a dozen such patterns). One side partial (a LoRA's layers, whose units hold what it trains and meet
 * no whole signature): by the layers' shapes (subUnitsToMergeBeside).
 */
export function subUnitsToMerge(side: Side, other: Side, partial?: 'side' | 'other'): Set<string> {
  if (partial !== undefined) return subUnitsToMergeBeside(side, other, partial)
  const merge = new Set<string>()
  const otherSigs = countOf(other.units.map((u) => u.sig))
  // Only patterns with a unit no signature of the other side meets can gain (most pairs have none: SDXL's UNet
  // names its levels' resnets and attentions as units on both sides).
  const open = new Set<string>()
  for (let i = 0; i < side.units.length; i++) {
    const u = side.units[i]!
    if (!u.index.includes('.') || otherSigs.has(u.sig)) continue
    const sub = subUnitOf(u.path)
    if (sub !== undefined) open.add(sub.pattern)
  }
  if (open.size === 0) return merge
  patternsOf(side, open).forEach((blocks, pattern) => {
    const asIs: string[] = []
    const merged: string[] = []
    let several = false
    blocks.forEach((members) => {
      for (const u of members) asIs.push(u.sig)
      merged.push(joinedSig(members))
      several ||= members.length >= 2
    })
    // Only blocks with several sub-units change anything, and only sublayers of one block are merged.
    if (several && met(merged, new Map(otherSigs)) > met(asIs, new Map(otherSigs)) && sublayerPattern(blocks))
      merge.add(pattern)
  })
  return merge
}

/** A unit's layers by shape (the main tensor's, trailing 1s dropped): shape -> count. */
function shapesOf(units: readonly Unit[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const u of units) for (const l of u.layers) out.set(l.sig, (out.get(l.sig) ?? 0) + 1)
  return out
}

/** Every shape of `small` is in `big`, as many times. */
function within(small: ReadonlyMap<string, number>, big: ReadonlyMap<string, number>): boolean {
  for (const [sig, n] of small) if ((big.get(sig) ?? 0) < n) return false
  return true
}

/** Unit pairs subUnitsToMergeBeside may fit, at most. */
export const MAX_FIT_PAIRS = 4_000_000

/** The fewest layers of a unit of `units` that holds every shape of `shapes` (Infinity when none does). */
function tightestFit(
  shapes: ReadonlyMap<string, number>,
  units: readonly Unit[],
  unitShapes: readonly ReadonlyMap<string, number>[]
): number {
  let best = Infinity
  for (let i = 0; i < units.length; i++) {
    const n = units[i]!.layers.length
    if (n < best && within(shapes, unitShapes[i]!)) best = n
  }
  return best
}

/**
 * With one side partial (a LoRA's layers), whole signatures say nothing; the layers' shapes say where the
 * LoRA's units fit.
 * - `partial: 'other'` (the whole side numbers the sub-units, the LoRA names its blocks whole): a pattern is merged
 *   when more of the LoRA's units fit a block's sub-units together, and none of them alone, than fit one of them
 *   (a LoRA of attention and feed-forward against T5's `layer.0` / `layer.1`).
 * - `partial: 'side'` (the LoRA numbers them): when, for most blocks, the trained sub-units fit one unit of the
 *   whole side together and no smaller unit apart. Two diffusers attentions' proj_in / proj_out fit an LDM
 *   transformer block together by their shapes alone, but each fits its own, smaller, LDM unit; Wan's VAE decoder
 *   holds one diffusers resnet a unit, so three together fit none.
 * A LoRA that trains one sublayer of every block alone (T5 attention only) fits a sub-unit as well as the block, so
 * nothing is merged and, across such namings, its modules stay unmatched: never linked to the wrong layer.
 */
function subUnitsToMergeBeside(side: Side, other: Side, partial: 'side' | 'other'): Set<string> {
  const merge = new Set<string>()
  // Each unit of one side is fitted against each of the other's (a real network's are alike and the fit stops
  // early: 2,500 x 5,000 T5-like units take 82 ms). Bounded, so that a hostile key set built to defeat that costs
  // at most a few hundred ms (T5: 48 x 24 pairs; an SDXL UNet about 700 x 300). Past the bound nothing is merged,
  // which is what a pair of unknown layout gets anyway.
  if (side.units.length * other.units.length > MAX_FIT_PAIRS) return merge
  const byPattern = patternsOf(side)
  if (byPattern.size === 0) return merge
  const otherShapes = other.units.map((u) => shapesOf([u]))
  byPattern.forEach((blocks, pattern) => {
    let gain = 0
    let loss = 0
    if (partial === 'other') {
      const subs: Map<string, number>[] = []
      const wholes: Map<string, number>[] = []
      blocks.forEach((members) => {
        for (const u of members) subs.push(shapesOf([u]))
        if (members.length >= 2) wholes.push(shapesOf(members))
      })
      for (const o of otherShapes) {
        if (subs.some((x) => within(o, x))) loss++
        else if (wholes.some((x) => within(o, x))) gain++
      }
    } else {
      blocks.forEach((members) => {
        if (members.length < 2) return
        const together = tightestFit(shapesOf(members), other.units, otherShapes)
        const apart = (u: Unit) => tightestFit(shapesOf([u]), other.units, otherShapes)
        if (together !== Infinity && members.every((u) => apart(u) >= together)) gain++
        else loss++
      })
    }
    if (gain > loss && sublayerPattern(blocks)) merge.add(pattern)
  })
  return merge
}
