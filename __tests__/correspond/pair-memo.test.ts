import { describe, expect, it } from '@jest/globals'
import { correspond, type Link, type TensorSpec } from '../../src/correspond/index.js'

/** The B names each A key links to, one entry per A key (undefined when unmatched). */
function targets(links: Link[], a: readonly TensorSpec[]): Record<string, string[] | undefined> {
  const out: Record<string, string[] | undefined> = {}
  for (const t of a) out[t.name] = links.find((l) => l.a.includes(t.name))?.b
  return out
}

// correspond matches the first of each kind of aligned block pair and replays its outcome for the blocks alike up
// to their index (src/correspond/pair-memo.ts): a block that differs in one layer must be matched on its own.
describe('correspond: aligned blocks alike up to their index share one matching, and only those', () => {
  it('a block whose layers trade shapes (same parameter count and trailing dims) is matched on its own', () => {
    // Layers of no known role: each pairs with the only layer of its shape in the aligned block.
    const block = (i: number, first: number[], second: number[]): TensorSpec[] => [
      { name: `blocks.${i}.lin_p.weight`, shape: first },
      { name: `blocks.${i}.lin_q.weight`, shape: second }
    ]
    const a = [
      ...block(0, [4, 8], [4, 2]),
      ...block(1, [4, 8], [4, 2]),
      // The two layers swapped shapes: the block's signature (40 parameters, trailing dims 2 and 8) is unchanged.
      ...block(2, [4, 2], [4, 8])
    ]
    const b = [0, 1, 2].flatMap((i) => [
      { name: `layers.${i}.wide.weight`, shape: [4, 8] },
      { name: `layers.${i}.narrow.weight`, shape: [4, 2] }
    ])
    const c = correspond(a, b)
    expect(targets(c.links, a)).toEqual({
      'blocks.0.lin_p.weight': ['layers.0.wide.weight'],
      'blocks.0.lin_q.weight': ['layers.0.narrow.weight'],
      'blocks.1.lin_p.weight': ['layers.1.wide.weight'],
      'blocks.1.lin_q.weight': ['layers.1.narrow.weight'],
      'blocks.2.lin_p.weight': ['layers.2.narrow.weight'],
      'blocks.2.lin_q.weight': ['layers.2.wide.weight']
    })
    expect(c.unmatched).toEqual({ a: [], b: [] })
  })

  it('a block with one layer under another name (same role, shape and place) is matched on its own', () => {
    const a = [0, 1, 2].flatMap((i) => [
      // Block 2's key projection is named otherwise: the same role and last word, sorted to the same place.
      { name: `blocks.${i}.attn.${i === 2 ? 'base_k' : 'k'}.weight`, shape: [8, 8] },
      { name: `blocks.${i}.attn.q.weight`, shape: [8, 8] }
    ])
    const b = [0, 1, 2].flatMap((i) => [
      { name: `blocks.${i}.attn.k.weight`, shape: [8, 8] },
      { name: `blocks.${i}.attn.q.weight`, shape: [8, 8] }
    ])
    const c = correspond(a, b, { partial: 'a' })
    const evidence = (name: string) => c.links.find((l) => l.a.includes(name))?.evidence.map((e) => e.kind)
    for (const i of [0, 1])
      expect(evidence(`blocks.${i}.attn.k.weight`)).toEqual(['block-aligned', 'same-name'])
    // Not the same name: placed by its role, the only one of its kind and shape left.
    expect(targets(c.links, a)['blocks.2.attn.base_k.weight']).toEqual(['blocks.2.attn.k.weight'])
    expect(evidence('blocks.2.attn.base_k.weight')).toEqual(['block-aligned', 'unique-shape'])
  })

  it('a pair whose blocks sit in different sections is matched on its own', () => {
    // Equal-shaped layers of no known role are placed by their section (down / up) when both blocks' are the same.
    const block = (path: string, names: string[]): TensorSpec[] =>
      names.map((n) => ({ name: `${path}.${n}.weight`, shape: [4, 4] }))
    const a = [...block('down_blocks.0', ['p', 'q']), ...block('down_blocks.1', ['p', 'q'])]
    const b = [...block('down_blocks.0', ['x', 'y']), ...block('up_blocks.0', ['x', 'y'])]
    const c = correspond(a, b)
    const high = (name: string) => c.links.find((l) => l.a.includes(name) && l.confidence === 'high')
    expect(high('down_blocks.0.p.weight')).toMatchObject({
      b: ['down_blocks.0.x.weight'],
      evidence: [
        { kind: 'block-aligned' },
        { kind: 'role-order', role: 'section', rank: 0 },
        { kind: 'unique-shape' }
      ]
    })
    // A down block against an up block: its section says nothing of which layer is which.
    expect(high('down_blocks.1.p.weight')).toBeUndefined()
    expect(high('down_blocks.1.q.weight')).toBeUndefined()
  })

  it('blocks alike up to their index get the same links with their own names and block evidence', () => {
    const a = [0, 1, 2].flatMap((i) =>
      ['q', 'k', 'v'].map((x) => ({ name: `blocks.${i}.attn.${x}.weight`, shape: [8, 8] }))
    )
    const b = [0, 1, 2].flatMap((i) => [{ name: `blocks.${i}.attn.qkv.weight`, shape: [24, 8] }])
    const c = correspond(a, b, { partial: 'a' })
    for (const i of [0, 1, 2])
      expect(c.links.find((l) => l.b[0] === `blocks.${i}.attn.qkv.weight`)).toMatchObject({
        kind: 'fuse',
        a: ['q', 'k', 'v'].map((x) => `blocks.${i}.attn.${x}.weight`),
        rows: [
          { start: 0, end: 8 },
          { start: 8, end: 16 },
          { start: 16, end: 24 }
        ],
        evidence: [
          { kind: 'block-aligned', index: [`${i}`, `${i}`] },
          { kind: 'rows-sum', rows: 24 }
        ]
      })
    expect(c.unmatched).toEqual({ a: [], b: [] })
  })
})
