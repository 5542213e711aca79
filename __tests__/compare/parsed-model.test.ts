/**
 * parseModel's scopes: one tensor per module and canonical leaf. Most models have no two keys that name one module
 * and leaf, and their keys skip the module split; these pin the keys that can (an alias leaf such as `scale` or
 * `in_proj_weight`, a block index with a leading zero) to the split's answer: the later key is a collision.
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint } from '../../fixtures/specs.js'
import { parseModel } from '../../src/compare/model.js'

function scopesOf(names: string[]): { scopes: [string, string[]][]; collisions: string[] } {
  const model = parseModel(specCheckpoint(names.map((name) => ({ name, shape: [4, 4], dtype: 'F32' }))))
  return {
    scopes: model.families.flatMap((f) =>
      f.scopes.map((s): [string, string[]] => [s.id, s.keys.map((t) => t.key)])
    ),
    collisions: model.collisions
  }
}

/** Block 1, three modules: with block 0 it makes `blocks` a family. */
const BLOCK_1 = ['blocks.1.x.weight', 'blocks.1.a.weight', 'blocks.1.b.weight']

describe('parseModel scopes', () => {
  it('keeps every key of a model whose keys cannot name one module and leaf twice', () => {
    const r = scopesOf([
      'blocks.0.a.weight',
      'blocks.0.a.bias',
      'blocks.0.c.weight',
      'top.weight',
      ...BLOCK_1
    ])
    expect(r.scopes).toEqual([
      ['blocks.0', ['blocks.0.a.weight', 'blocks.0.a.bias', 'blocks.0.c.weight']],
      ['blocks.1', BLOCK_1]
    ])
    expect(r.collisions).toEqual([])
  })

  it('leaves out a norm scale beside the same norm weight', () => {
    const r = scopesOf(['blocks.0.norm.weight', 'blocks.0.norm.scale', 'blocks.0.a.weight', ...BLOCK_1])
    expect(r.scopes[0]).toEqual(['blocks.0', ['blocks.0.norm.weight', 'blocks.0.a.weight']])
    expect(r.collisions).toEqual(['blocks.0.norm.scale'])
  })

  it('leaves out a fused in_proj weight spelled both ways', () => {
    const r = scopesOf([
      'blocks.0.attn.in_proj_weight',
      'blocks.0.attn.in_proj.weight',
      'blocks.0.a.weight',
      ...BLOCK_1
    ])
    expect(r.scopes[0]).toEqual(['blocks.0', ['blocks.0.attn.in_proj_weight', 'blocks.0.a.weight']])
    expect(r.collisions).toEqual(['blocks.0.attn.in_proj.weight'])
  })

  it('reads blocks.03 and blocks.3 as one block', () => {
    const r = scopesOf(['blocks.03.a.weight', 'blocks.3.a.weight', 'blocks.3.b.weight', ...BLOCK_1])
    expect(r.scopes).toEqual([
      ['blocks.1', BLOCK_1],
      ['blocks.3', ['blocks.03.a.weight', 'blocks.3.b.weight']]
    ])
    expect(r.collisions).toEqual(['blocks.3.a.weight'])
  })
})
