/**
 * A network saved without its last block(s) (an OpenCLIP text encoder kept to its penultimate layer, against the
 * Hugging Face naming of the whole encoder): the blocks it keeps pair index by index, so the flag says which side
 * lacks which trailing blocks, not that the same layers are "nested differently".
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'

function block(p: string, fused: boolean): SpecTensor[] {
  const t = (name: string, shape: number[]): SpecTensor => ({ name: `${p}.${name}`, shape, dtype: 'F16' })
  return [
    t('ln_1.weight', [16]),
    t('ln_1.bias', [16]),
    ...(fused
      ? [t('attn.in_proj_weight', [48, 16]), t('attn.in_proj_bias', [48])]
      : ['q', 'k', 'v'].flatMap((x) => [
          t(`self_attn.${x}_proj.weight`, [16, 16]),
          t(`self_attn.${x}_proj.bias`, [16])
        ])),
    t('mlp.c_fc.weight', [64, 16]),
    t('mlp.c_proj.weight', [16, 64])
  ]
}

const blocks = (n: number, prefix: string, fused: boolean) =>
  Array.from({ length: n }, (_, i) => block(`${prefix}.${i}`, fused)).flat()

describe('a pair where one side lacks the last blocks of a series', () => {
  it.each([
    [1, 'block 3'],
    [2, 'blocks 2-3']
  ])('dropping %i trailing block(s): the other side lacks %s', (dropped, which) => {
    const whole = specCheckpoint(blocks(4, 'transformer.resblocks', true), 'openclip.safetensors')
    const cut = specCheckpoint(blocks(4 - dropped, 'text_model.encoder.layers', false), 'hf.safetensors')
    for (const [a, b, lacks, has] of [
      [whole, cut, 'B', 'A'],
      [cut, whole, 'A', 'B']
    ] as const) {
      const c = compareCheckpoints(a, b)
      const messages = c.flags.map((f) => f.message)
      expect(messages.filter((m) => m.includes('nested differently'))).toEqual([])
      const tail = c.flags.find((f) => f.code === 'block-tail')
      expect(tail?.message).toMatch(new RegExp(`^${lacks} lacks ${has}'s last ${which} of `))
      expect(tail?.evidence.missingBlocks).toEqual(Array.from({ length: dropped }, (_, i) => 4 - dropped + i))
    }
  })

  it('the same depth on both sides: no block is missing, the counts are the same', () => {
    const a = specCheckpoint(blocks(4, 'transformer.resblocks', true), 'a.safetensors')
    const b = specCheckpoint(blocks(4, 'text_model.encoder.layers', false), 'b.safetensors')
    const c = compareCheckpoints(a, b)
    expect(c.flags.find((f) => f.code === 'block-tail')).toBeUndefined()
    expect(c.flags.find((f) => f.code === 'block-count')?.kind).toBe('green')
  })
})
