/** Which side of a comparison is only part of a network (the weights a LoRA patches), read from its keys alone. */
import { describe, expect, it } from '@jest/globals'
import { expandModel, listModels, scaledModel } from '../../fixtures/specs.js'
import { layersOnly, partialCandidate } from '../../src/compare/partial.js'

const t = (name: string, shape: number[]) => ({ name, shape })

describe('layersOnly', () => {
  it('layer weights, with or without their biases, are layers only', () => {
    expect(layersOnly([t('blocks.0.attn.q.weight', [8, 8]), t('blocks.0.attn.q.bias', [8])])).toBe(true)
    expect(layersOnly([t('blocks.0.attn.qkv.weight', [24, 8])])).toBe(true)
    expect(layersOnly([t('r.0.attn.in_proj_weight', [24, 8]), t('r.0.attn.in_proj_bias', [24])])).toBe(true)
  })

  it('a norm scale, a bare vector or a bias without its weight is a network part no LoRA implies', () => {
    expect(layersOnly([t('blocks.0.attn.q.weight', [8, 8]), t('blocks.0.norm.weight', [8])])).toBe(false)
    expect(layersOnly([t('blocks.0.attn.q.weight', [8, 8]), t('blocks.0.modulation', [6])])).toBe(false)
    expect(layersOnly([t('blocks.0.attn.k.bias', [8])])).toBe(false)
    expect(layersOnly([])).toBe(false)
  })

  it('no fixture model reads as layers only', () => {
    for (const id of listModels())
      expect({ id, layersOnly: layersOnly(expandModel(id)) }).toEqual({ id, layersOnly: false })
  })
})

describe('partialCandidate', () => {
  const lora = [t('blocks.0.self_attn.q.weight', [64, 64])]
  const base = scaledModel('wan2.1-t2v-14b', { dim: 64, ffn_dim: 128, num_layers: 2 })
  it('the layers-only side, whichever argument it is; none when both or neither are', () => {
    expect(partialCandidate(lora, base)).toBe('a')
    expect(partialCandidate(base, lora)).toBe('b')
    expect(partialCandidate(base, base)).toBeUndefined()
    expect(partialCandidate(lora, lora)).toBeUndefined()
  })
})
