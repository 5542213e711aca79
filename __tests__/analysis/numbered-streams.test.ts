/**
 * Joint attention whose two streams are told apart by a number only (AuraFlow's `attn.w1q` ... `attn.w1o` beside
 * `attn.w2q` ... `attn.w2o`): the analysis reads two complete numbered projection sets as the two streams of a
 * joint attention, the lower number as the added (context) stream; anything less stays as the names read.
 */
import { describe, expect, it } from '@jest/globals'
import { analyzeStructure, attentionModulesOf } from '../../src/analysis/index.js'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'

const entries = (names: string[], h = 64) => names.map((key) => ({ key, shape: [h, h] }))
const set = (n: number, roles = ['q', 'k', 'v', 'o']) => roles.map((r) => `attn.w${n}${r}.weight`)
const roleKeys = (m: { projections: { role: string; key: string }[] }) =>
  Object.fromEntries(m.projections.map((p) => [p.role, p.key]))

describe('numbered projection sets in one attention', () => {
  it('two complete sets are the two streams of a joint attention, the lower number the context', () => {
    // key order must not matter: the second set listed first
    const [m] = attentionModulesOf(entries([...set(2), ...set(1)]))
    expect(m).toMatchObject({ path: 'attn', kind: 'joint', layout: 'separate', hasAddedStream: true })
    expect(roleKeys(m!)).toEqual({
      q: 'attn.w2q.weight',
      k: 'attn.w2k.weight',
      v: 'attn.w2v.weight',
      out: 'attn.w2o.weight',
      added_q: 'attn.w1q.weight',
      added_k: 'attn.w1k.weight',
      added_v: 'attn.w1v.weight',
      added_out: 'attn.w1o.weight'
    })
  })

  it('fused sets count as well (qkv and out per stream)', () => {
    const [m] = attentionModulesOf([
      { key: 'attn.qkv1.weight', shape: [192, 64] },
      { key: 'attn.qkv2.weight', shape: [192, 64] },
      { key: 'attn.proj1.weight', shape: [64, 64] },
      { key: 'attn.proj2.weight', shape: [64, 64] }
    ])
    expect(m).toMatchObject({ kind: 'joint', layout: 'fused-qkv', hasAddedStream: true })
    expect(roleKeys(m!)).toMatchObject({ qkv: 'attn.qkv2.weight', added_qkv: 'attn.qkv1.weight' })
  })

  it.each([
    ['a second set without its v', [...set(1), ...set(2, ['q', 'k', 'o'])]],
    ['two output projections only beside one q/k/v', [...set(1), 'attn.w2o.weight']],
    ['sets numbered differently per role', [...set(1), ...set(2, ['q', 'k', 'v']), 'attn.w3o.weight']]
  ])('%s stays as the names read it (one stream)', (_, names) => {
    const mods = attentionModulesOf(entries(names))
    const attn = mods.find((m) => m.path === 'attn')!
    expect(attn.hasAddedStream).toBe(false)
    expect(attn.kind).not.toBe('joint')
    expect(roleKeys(attn)).toMatchObject({ q: 'attn.w1q.weight' })
  })

  it('in a block family: AuraFlow-shaped double layers read as joint, single layers as self', () => {
    const tensors: SpecTensor[] = []
    const t = (name: string, shape: number[]) => tensors.push({ name, shape, dtype: 'BF16' })
    for (let i = 0; i < 2; i++) {
      for (const n of [1, 2])
        for (const r of ['q', 'k', 'v', 'o']) t(`double_layers.${i}.attn.w${n}${r}.weight`, [64, 64])
      for (const s of ['C', 'X']) {
        t(`double_layers.${i}.mod${s}.1.weight`, [384, 64])
        t(`double_layers.${i}.mlp${s}.c_fc1.weight`, [172, 64])
        t(`double_layers.${i}.mlp${s}.c_proj.weight`, [64, 172])
      }
    }
    for (let i = 0; i < 3; i++) {
      for (const r of ['q', 'k', 'v', 'o']) t(`single_layers.${i}.attn.w1${r}.weight`, [64, 64])
      t(`single_layers.${i}.modCX.1.weight`, [384, 64])
      t(`single_layers.${i}.mlp.c_fc1.weight`, [172, 64])
      t(`single_layers.${i}.mlp.c_proj.weight`, [64, 172])
    }
    const s = analyzeStructure(specCheckpoint(tensors, 'auraflow-like'))
    expect(s.attention.map((m) => [m.family, m.kind, m.layout])).toEqual([
      ['double_layers', 'joint', 'separate'],
      ['single_layers', 'self', 'separate']
    ])
  })
})
