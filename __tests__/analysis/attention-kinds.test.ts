/**
 * `attn2` names the cross attention in the UNets, and a second self attention in SD3.5's MMDiT-X blocks, whose
 * joint attention already takes the context stream. The block decides: beside a joint attention with added
 * projections, an attention named as cross with k/v of the hidden width is a second self attention.
 */
import { describe, expect, it } from '@jest/globals'
import { attentionModulesOf } from '../../src/analysis/index.js'

const H = 64
const linear = (key: string, out = H, inp = H) => ({ key, shape: [out, inp] })
const joint = ['to_q', 'to_k', 'to_v', 'add_q_proj', 'add_k_proj', 'add_v_proj', 'to_add_out'].map((p) =>
  linear(`attn.${p}.weight`)
)
const kinds = (entries: { key: string; shape: number[] }[]) =>
  attentionModulesOf(entries).map((m) => [m.path, m.kind])

describe('a second attention beside a joint one', () => {
  it('SD3.5 diffusers: attn2 beside the joint attn is self', () => {
    const attn2 = ['to_q', 'to_k', 'to_v', 'to_out.0'].map((p) => linear(`attn2.${p}.weight`))
    expect(kinds([...joint, linear('attn.to_out.0.weight'), ...attn2])).toEqual([
      ['attn', 'joint'],
      ['attn2', 'self']
    ])
    const [, second] = attentionModulesOf([...joint, ...attn2])
    expect(second!.kindEvidence).toMatch(/joint attention takes the context stream/)
  })

  it('stays cross without a joint attention in the block (a UNet transformer block)', () => {
    const attn1 = ['to_q', 'to_k', 'to_v'].map((p) => linear(`attn1.${p}.weight`))
    const attn2 = ['to_q', 'to_k', 'to_v'].map((p) => linear(`attn2.${p}.weight`))
    expect(kinds([...attn1, ...attn2])).toEqual([
      ['attn1', 'self'],
      ['attn2', 'cross']
    ])
  })

  it('stays cross when its k/v take another width (the dims say cross)', () => {
    const attn2 = [
      linear('attn2.to_q.weight'),
      linear('attn2.to_k.weight', H, 32),
      linear('attn2.to_v.weight', H, 32)
    ]
    expect(kinds([...joint, ...attn2])).toEqual([
      ['attn', 'joint'],
      ['attn2', 'cross']
    ])
  })
})
