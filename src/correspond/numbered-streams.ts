/**
 * Joint attention whose two streams are told apart by a number only (AuraFlow's `attn.w1q` ... `attn.w1o` beside
 * `attn.w2q` ... `attn.w2o`, where the block's other layers name their streams: `modC` / `modX`, `mlpC` / `mlpX`).
 *
 * The names alone cannot say which number is which stream, and the shapes are equal. Joint attention runs one
 * attention over the two token sequences concatenated, and the MMDiT line of models concatenates the conditioning
 * (text) tokens first: SD3's reference `block_mixing` (context, then x), Flux (`txt`, then `img`), AuraFlow
 * (`c`, then `x`, with the first projection set for `c`), CogVideoX (encoder states, then hidden states). Where a
 * model numbers its streams, the first is therefore read as the context stream and the second as the main one.
 * The reading applies only where the block itself proves it has two streams (layers named for each, or, in a
 * LoRA's partial side, two output projections under one attention) and the numbered layers form two complete,
 * parallel projection sets; anything less is left to the matching passes.
 */
import type { Layer } from './model.js'
import { parentOf, push } from './layer-roles.js'

/** The number each layer's stream was read from, for the links' evidence. */
const STREAM_NUMBER = new WeakMap<Layer, number>()

/** The stream number a layer's stream was read from (`1` of `w1q`), when it was. */
export function streamNumber(l: Layer): number | undefined {
  return STREAM_NUMBER.get(l)
}

const PROJECTIONS: ReadonlySet<string> = new Set(['q', 'k', 'v', 'o', 'qkv', 'kv'])
const NUMBER = /^\d{1,3}$/

/**
 * Gives each layer of a numbered projection set its stream, in place, when the unit qualifies. `partial`: the
 * layers are part of a network (a LoRA's), where the block's other layers may be missing because they were not
 * trained: there two complete sets with their own output projections, under one attention module, are the proof
 * of two streams (one attention projects one output per token stream).
 */
export function readNumberedStreams(layers: Layer[], partial = false): void {
  let context = false
  let main = false
  for (let i = 0; i < layers.length; i++) {
    const s = layers[i]!.role.stream
    if (s === 'context') context = true
    else if (s === 'main') main = true
  }
  const namedStreams = context && main
  if (!namedStreams && !partial) return
  // Projection layers without a stream word, grouped by their words with the one number left out.
  const groups = new Map<string, { n: number; layer: Layer }[]>()
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i]!
    const r = l.role
    if (r.stream !== undefined || !PROJECTIONS.has(r.role)) continue
    let at = -1
    for (let j = 0; j < r.words.length; j++) {
      if (!NUMBER.test(r.words[j]!)) continue
      if (at >= 0) {
        at = -2
        break
      }
      at = j
    }
    if (at < 0) continue
    const rest = r.words.slice(0, at).concat(r.words.slice(at + 1))
    push(groups, `${r.role}|${r.sublayer ?? ''}|${rest.join('.')}`, { n: Number(r.words[at]), layer: l })
  }
  if (groups.size === 0) return
  // Two complete sets: every group is one layer of each of the same two numbers.
  let pair: [number, number] | undefined
  const roles = new Set<string>()
  for (const members of groups.values()) {
    if (members.length !== 2) return
    const lo = Math.min(members[0]!.n, members[1]!.n)
    const hi = Math.max(members[0]!.n, members[1]!.n)
    if (lo === hi) return
    if (pair === undefined) pair = [lo, hi]
    else if (pair[0] !== lo || pair[1] !== hi) return
    roles.add(members[0]!.layer.role.role)
  }
  // A projection set is q, k, v (or a fused qkv / q + kv): one output projection alone is no stream.
  const complete =
    roles.has('qkv') || (roles.has('q') && (roles.has('kv') || (roles.has('k') && roles.has('v'))))
  if (!complete || pair === undefined) return
  if (!namedStreams && !(roles.has('o') && oneParent(groups))) return
  for (const members of groups.values())
    for (const { n, layer } of members) {
      layer.role = { ...layer.role, stream: n === pair[0] ? 'context' : 'main' }
      STREAM_NUMBER.set(layer, n)
    }
}

/** All the numbered layers sit under one module (`attn`): one attention, not two numbered attentions. */
function oneParent(groups: Map<string, { n: number; layer: Layer }[]>): boolean {
  let parent: string | undefined
  for (const members of groups.values())
    for (const { layer } of members) {
      const p = parentOf(layer.rel)
      if (parent === undefined) parent = p
      else if (p !== parent) return false
    }
  return parent !== undefined && parent !== ''
}
