import { describe, expect, it } from '@jest/globals'
import { correspond, type Link } from '../../src/correspond/index.js'

const D = 64
const find = (links: Link[], a: string): Link | undefined => links.find((l) => l.a.includes(a))

/** A two-stream (joint) block whose attention numbers its streams: `attn.w1q` ... `attn.w2o`. */
function numberedBlock(p: string, opts: { namedStreams?: boolean; parts?: string[] } = {}) {
  const parts = opts.parts ?? ['q', 'k', 'v', 'o']
  const out = parts.flatMap((x) => [
    { name: `${p}.attn.w1${x}.weight`, shape: [D, D] },
    { name: `${p}.attn.w2${x}.weight`, shape: [D, D] }
  ])
  if (opts.namedStreams !== false)
    out.push(
      { name: `${p}.modC.1.weight`, shape: [6 * D, D] },
      { name: `${p}.modX.1.weight`, shape: [6 * D, D] },
      { name: `${p}.mlpC.c_fc1.weight`, shape: [4 * D, D] },
      { name: `${p}.mlpX.c_fc1.weight`, shape: [4 * D, D] }
    )
  return out
}

/** The same block in diffusers' naming: the main stream plain (`to_q`), the context stream `add_*`. */
function diffusersBlock(p: string, opts: { namedStreams?: boolean; parts?: string[] } = {}) {
  const parts = opts.parts ?? ['q', 'k', 'v', 'o']
  const main: Record<string, string> = { q: 'to_q', k: 'to_k', v: 'to_v', o: 'to_out.0' }
  const ctx: Record<string, string> = { q: 'add_q_proj', k: 'add_k_proj', v: 'add_v_proj', o: 'to_add_out' }
  const out = parts.flatMap((x) => [
    { name: `${p}.attn.${main[x]}.weight`, shape: [D, D] },
    { name: `${p}.attn.${ctx[x]}.weight`, shape: [D, D] }
  ])
  if (opts.namedStreams !== false)
    out.push(
      { name: `${p}.norm1.linear.weight`, shape: [6 * D, D] },
      { name: `${p}.norm1_context.linear.weight`, shape: [6 * D, D] },
      { name: `${p}.ff.linear_1.weight`, shape: [4 * D, D] },
      { name: `${p}.ff_context.linear_1.weight`, shape: [4 * D, D] }
    )
  return out
}

const blocks = (make: typeof numberedBlock, series: string) =>
  [0, 1, 2].flatMap((i) => make(`${series}.${i}`))

describe('correspond: joint attention with numbered streams', () => {
  it('reads stream 1 as the context stream in a block that names its two streams elsewhere, both directions', () => {
    const a = blocks(numberedBlock, 'double_layers')
    const b = blocks(diffusersBlock, 'joint_transformer_blocks')
    for (const [x, y, flip] of [
      [a, b, false],
      [b, a, true]
    ] as const) {
      const c = correspond(x, y)
      const pairs: [string, string][] = [
        ['double_layers.1.attn.w1q.weight', 'joint_transformer_blocks.1.attn.add_q_proj.weight'],
        ['double_layers.1.attn.w1o.weight', 'joint_transformer_blocks.1.attn.to_add_out.weight'],
        ['double_layers.1.attn.w2k.weight', 'joint_transformer_blocks.1.attn.to_k.weight'],
        ['double_layers.2.attn.w2o.weight', 'joint_transformer_blocks.2.attn.to_out.0.weight']
      ]
      for (const [na, nb] of pairs) {
        const [from, to] = flip ? [nb, na] : [na, nb]
        const l = find(c.links, from)
        expect(l).toMatchObject({ b: [to], confidence: 'high' })
        expect(l!.evidence).toContainEqual(expect.objectContaining({ kind: 'numbered-stream' }))
      }
      expect(c.unmatched).toEqual({ a: [], b: [] })
    }
  })

  it('does not guess where the block does not name two streams', () => {
    const a = blocks((p) => numberedBlock(p, { namedStreams: false }), 'double_layers')
    const b = blocks((p) => diffusersBlock(p, { namedStreams: false }), 'joint_transformer_blocks')
    const c = correspond(a, b)
    for (const l of c.links) {
      if (!l.a[0]!.includes('.attn.')) continue
      expect(l.confidence).not.toBe('high')
      expect(l.evidence).not.toContainEqual(expect.objectContaining({ kind: 'numbered-stream' }))
    }
  })

  it('does not read an output projection pair alone (no q/k/v sets) as two streams', () => {
    const a = blocks((p) => numberedBlock(p, { parts: ['o'] }), 'double_layers')
    const b = blocks((p) => diffusersBlock(p, { parts: ['o'] }), 'joint_transformer_blocks')
    const c = correspond(a, b)
    for (const l of c.links)
      expect(l.evidence).not.toContainEqual(expect.objectContaining({ kind: 'numbered-stream' }))
    expect(find(c.links, 'double_layers.0.attn.w1o.weight')?.confidence).not.toBe('high')
  })
})

describe('correspond: numbered streams on a partial side (the layers a LoRA trains)', () => {
  const attention = (p: string, parts: string[]) => numberedBlock(p, { namedStreams: false, parts })
  const base = blocks(diffusersBlock, 'joint_transformer_blocks')

  it('two complete sets with their output projections under one attention are two streams, stream 1 the context', () => {
    const lora = [0, 1, 2].flatMap((i) => attention(`double_layers.${i}`, ['q', 'k', 'v', 'o']))
    const c = correspond(lora, base, { partial: 'a' })
    expect(find(c.links, 'double_layers.2.attn.w1v.weight')).toMatchObject({
      b: ['joint_transformer_blocks.2.attn.add_v_proj.weight'],
      confidence: 'high'
    })
    expect(find(c.links, 'double_layers.0.attn.w2o.weight')).toMatchObject({
      b: ['joint_transformer_blocks.0.attn.to_out.0.weight'],
      confidence: 'high'
    })
    expect(c.unmatched.a).toEqual([])
  })

  it('q/k/v sets without their output projections are not read as streams on a partial side', () => {
    const lora = [0, 1, 2].flatMap((i) => attention(`double_layers.${i}`, ['q', 'k', 'v']))
    const c = correspond(lora, base, { partial: 'a' })
    for (const l of c.links)
      expect(l.evidence).not.toContainEqual(expect.objectContaining({ kind: 'numbered-stream' }))
  })
})
