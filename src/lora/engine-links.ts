/**
 * The correspondence engine's part in LoRA resolution: what no name map links is asked of src/correspond, with A
 * partial and B limited to the blocks A sits in; only high links that keep the block index and do not pair siblings
 * whose names extend each other are taken.
 */
import { correspond } from '../correspond/index.js'
import type { Link, TensorSpec } from './correspondence.js'
import { blockIndex as firstIndex } from './layers.js'

/**
 * True when the two are siblings in one naming and one's name extends the other's (`cross_attn.v_img` beside
 * `cross_attn.v`): that is another layer (the image branch's value beside the text's), never the same one renamed.
 */
function qualifiedApart(a: string, b: string): boolean {
  const strip = (n: string) => n.replace(/\.(?:weight|bias)$/, '')
  const pa = strip(a)
  const pb = strip(b)
  const cut = (p: string) => {
    const at = p.lastIndexOf('.')
    return { parent: p.slice(0, at + 1), leaf: p.slice(at + 1) }
  }
  const x = cut(pa)
  const y = cut(pb)
  if (x.parent !== y.parent || x.leaf === y.leaf) return false
  return x.leaf.startsWith(`${y.leaf}_`) || y.leaf.startsWith(`${x.leaf}_`)
}

/** Bound on the names handed to the engine per call (the rest stays unmatched, with its reason). */
const MAX_ENGINE_NAMES = 20000

/**
 * What no name map links, asked of the correspondence engine (src/correspond) with A partial. Only its high links
 * are taken, and only those that keep the block index: a LoRA module patches the block of the same number in every
 * naming of one network, and a wrong target is worse than none.
 */
export function viaEngine(a: readonly TensorSpec[], all: readonly TensorSpec[]): Link[] {
  // Only the base tensors of the blocks A sits in can be taken: the engine sees those (and the top level when A has
  // names outside blocks), which keeps the call small and its alignment to the blocks A has.
  const inA = new Set(a.map((t) => firstIndex(t.name)))
  const b = all.filter((t) => inA.has(firstIndex(t.name)))
  const inB = new Set(b.map((t) => firstIndex(t.name)))
  const mine = a.filter((t) => inB.has(firstIndex(t.name)))
  if (mine.length === 0 || mine.length + b.length > MAX_ENGINE_NAMES) return []
  const out: Link[] = []
  for (const l of correspond(mine, b, { partial: 'a' }).links) {
    if (l.confidence !== 'high') continue
    if (new Set([...l.a, ...l.b].map(firstIndex)).size !== 1) continue
    if (l.a.length === 1 && l.b.length === 1 && qualifiedApart(l.a[0]!, l.b[0]!)) continue
    const link: Link = {
      kind: l.kind,
      a: [...l.a],
      b: [...l.b],
      confidence: l.confidence,
      evidence: [{ kind: 'engine', link: l.kind }]
    }
    if (l.rows) link.rows = l.rows.map((r) => ({ start: r.start, end: r.end }))
    if (l.ambiguity) link.ambiguity = { kind: l.ambiguity.kind, chunks: [...l.ambiguity.chunks] }
    for (const e of l.evidence) if (e.kind === 'chunk-order') link.order = [...e.order]
    out.push(link)
  }
  return out
}
