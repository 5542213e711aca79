/**
 * A projection held as a bare parameter (CLIP's `x @ P`, stored [in, out]) against a Linear's weight ([out, in]):
 * the same matrix transposed. A rename would carry it over untransposed, wrong for a square matrix although its
 * shape fits; a non-square one only pairs at all through the transpose.
 */
import { describe, expect, it } from '@jest/globals'
import { correspond, type Link, type TensorSpec } from '../../src/correspond/index.js'

const W = 32
const E = 24

/** A small CLIP-like text tower: two layers, then a projection named `proj` on one side. */
function tower(naming: 'open_clip' | 'hf', projection: TensorSpec[]): TensorSpec[] {
  const out: TensorSpec[] = []
  const t = (name: string, shape: number[]) => out.push({ name, shape })
  for (let i = 0; i < 2; i++) {
    const p = naming === 'open_clip' ? `transformer.resblocks.${i}.` : `text_model.encoder.layers.${i}.`
    if (naming === 'open_clip') {
      t(`${p}attn.in_proj_weight`, [3 * W, W])
      t(`${p}attn.out_proj.weight`, [W, W])
      t(`${p}mlp.c_fc.weight`, [4 * W, W])
      t(`${p}mlp.c_proj.weight`, [W, 4 * W])
    } else {
      for (const x of ['q_proj', 'k_proj', 'v_proj', 'out_proj']) t(`${p}self_attn.${x}.weight`, [W, W])
      t(`${p}mlp.fc1.weight`, [4 * W, W])
      t(`${p}mlp.fc2.weight`, [W, 4 * W])
    }
  }
  if (naming === 'open_clip') t('positional_embedding', [77, W])
  else t('text_model.embeddings.position_embedding.weight', [77, W])
  return [...out, ...projection]
}

const linkOf = (links: Link[], a: string): Link | undefined => links.find((l) => l.a.includes(a))

describe('a projection parameter against a Linear weight', () => {
  it('square: a transpose, the convention stated as the assumption', () => {
    const c = correspond(
      tower('open_clip', [{ name: 'text_projection', shape: [W, W] }]),
      tower('hf', [{ name: 'text_projection.weight', shape: [W, W] }])
    )
    expect(linkOf(c.links, 'text_projection')).toMatchObject({
      kind: 'transpose',
      b: ['text_projection.weight'],
      ambiguity: { kind: 'transpose-convention' }
    })
    expect(linkOf(c.links, 'text_projection')!.evidence).toContainEqual({
      kind: 'projection-transpose',
      square: true
    })
    // an embedding table is [rows, dim] as a parameter and as nn.Embedding's weight: no transpose
    expect(linkOf(c.links, 'positional_embedding')).toMatchObject({
      kind: 'rename',
      b: ['text_model.embeddings.position_embedding.weight']
    })
  })

  it('non-square: paired through the swapped shape, which proves the transpose', () => {
    const c = correspond(
      tower('open_clip', [{ name: 'head', shape: [W, E] }]),
      tower('hf', [{ name: 'visual_projection.weight', shape: [E, W] }])
    )
    expect(c.unmatched).toEqual({ a: [], b: [] })
    const l = linkOf(c.links, 'head')!
    expect(l).toMatchObject({ kind: 'transpose', b: ['visual_projection.weight'], confidence: 'high' })
    expect(l.ambiguity).toBeUndefined()
    // the other way round as well
    const back = correspond(
      tower('hf', [{ name: 'visual_projection.weight', shape: [E, W] }]),
      tower('open_clip', [{ name: 'head', shape: [W, E] }])
    )
    expect(linkOf(back.links, 'visual_projection.weight')).toMatchObject({ kind: 'transpose', b: ['head'] })
  })

  it('non-square with equal shapes: stored as a Linear stores it, a rename', () => {
    const c = correspond(
      tower('open_clip', [{ name: 'text_projection', shape: [E, W] }]),
      tower('hf', [{ name: 'text_projection.weight', shape: [E, W] }])
    )
    expect(linkOf(c.links, 'text_projection')).toMatchObject({ kind: 'rename' })
  })

  it('a swapped shape alone, with no projection name on the Linear side, is medium', () => {
    const c = correspond(
      tower('open_clip', [{ name: 'head', shape: [W, E] }]),
      tower('hf', [{ name: 'final.weight', shape: [E, W] }])
    )
    expect(linkOf(c.links, 'head')).toMatchObject({ kind: 'transpose', confidence: 'medium' })
  })

  it('two candidates of the swapped shape: no guess', () => {
    const c = correspond(
      tower('open_clip', [{ name: 'head', shape: [W, E] }]),
      tower('hf', [
        { name: 'visual_projection.weight', shape: [E, W] },
        { name: 'text_projection.weight', shape: [E, W] }
      ])
    )
    expect(linkOf(c.links, 'head')).toBeUndefined()
    expect(c.unmatched.a).toContain('head')
  })
})
