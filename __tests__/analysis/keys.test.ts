import { describe, expect, it } from '@jest/globals'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import {
  analyzeStructure,
  attentionModulesOf,
  isAdapterKey,
  keyRoles,
  locateInBlocks,
  splitBlockKey,
  stripKnownPrefix
} from '../../src/analysis/index.js'

describe('stripKnownPrefix', () => {
  it.each([
    ['model.diffusion_model.blocks.0.ffn.0.weight', 'model.diffusion_model.', 'blocks.0.ffn.0.weight'],
    ['diffusion_model.blocks.0.self_attn.q.weight', 'diffusion_model.', 'blocks.0.self_attn.q.weight'],
    [
      'base_model.model.blocks.0.cross_attn.k.lora_A.weight',
      'base_model.model.',
      'blocks.0.cross_attn.k.lora_A.weight'
    ],
    ['module._orig_mod.blocks.1.attn.qkv.weight', 'module._orig_mod.', 'blocks.1.attn.qkv.weight'],
    ['transformer.blocks.0.attn1.to_q.lora_A.weight', 'transformer.', 'blocks.0.attn1.to_q.lora_A.weight'],
    ['transformer_blocks.0.attn.to_q.weight', '', 'transformer_blocks.0.attn.to_q.weight'],
    ['model.', '', 'model.'],
    ['blocks.0.q', '', 'blocks.0.q']
  ])('%s', (name, prefix, rest) => {
    expect(stripKnownPrefix(name)).toEqual({ prefix, rest })
  })
})

describe('splitBlockKey', () => {
  it('splits at the outermost block index', () => {
    expect(splitBlockKey('model.diffusion_model.blocks.12.self_attn.q.weight')).toEqual({
      prefix: 'model.diffusion_model.',
      family: 'blocks',
      index: 12,
      rest: 'self_attn.q.weight',
      separator: '.'
    })
    expect(splitBlockKey('blocks.3.modulation')).toMatchObject({
      family: 'blocks',
      index: 3,
      rest: 'modulation'
    })
    expect(splitBlockKey('input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight')).toMatchObject({
      family: 'input_blocks',
      index: 4,
      rest: '1.transformer_blocks.0.attn2.to_k.weight'
    })
    expect(splitBlockKey('txt_in.individual_token_refiner.blocks.1.mlp.fc1.weight')).toMatchObject({
      family: 'txt_in.individual_token_refiner.blocks',
      index: 1
    })
    expect(splitBlockKey('stages.2.mixer.in_proj.weight')).toMatchObject({
      family: 'stages',
      index: 2,
      rest: 'mixer.in_proj.weight'
    })
  })

  it('does not take Sequential layers for blocks', () => {
    for (const k of [
      'ffn.0.weight',
      'time_embedding.2.bias',
      'img_emb.proj.4.weight',
      'label_emb.0.0.weight',
      'head.head.weight'
    ]) {
      expect(splitBlockKey(k)).toBeNull()
    }
  })

  it('understands kohya-style underscore keys', () => {
    expect(splitBlockKey('lora_unet_blocks_7_cross_attn_k.lora_down.weight')).toEqual({
      prefix: 'lora_unet_',
      family: 'blocks',
      index: 7,
      rest: 'cross_attn_k.lora_down.weight',
      separator: '_'
    })
    expect(splitBlockKey('lora_unet_double_blocks_0_img_attn_qkv.alpha')).toMatchObject({
      family: 'double_blocks',
      index: 0,
      rest: 'img_attn_qkv.alpha'
    })
    expect(splitBlockKey('lora_unet__blocks_0_ffn_0.lora_up.weight')).toMatchObject({
      prefix: 'lora_unet__',
      index: 0
    })
  })
})

describe('keyRoles', () => {
  it.each([
    ['self_attn.q.weight', true, ['attention']],
    ['self_attn.norm_q.weight', true, ['attention', 'normalization']],
    ['ffn.w1.weight', true, ['feedforward']],
    ['adaLN_modulation.1.weight', true, ['modulation']],
    ['norm1.linear.weight', true, ['modulation']],
    ['norm3.weight', true, ['normalization']],
    ['scale_shift_table', true, ['modulation']],
    ['img_attn.norm.query_norm.scale', true, ['attention', 'normalization']],
    ['t_embedder.mlp.0.weight', false, ['embedding']],
    ['patch_embedding.weight', false, ['embedding']],
    ['proj_in.weight', true, []],
    ['proj_in.weight', false, ['embedding']]
  ])('%s (in block: %s) -> %j', (name, inBlock, roles) => {
    expect(keyRoles(name, inBlock)).toEqual(roles)
  })
})

describe('locateInBlocks and attentionModulesOf', () => {
  it('places keys in the innermost family, with or without the prefix', () => {
    const sdxl = analyzeStructure(
      specCheckpoint(expandModel('sdxl-base-1.0', { prefix: 'model.diffusion_model.' }))
    )
    expect(
      locateInBlocks('model.diffusion_model.output_blocks.3.1.transformer_blocks.1.attn2.to_k.weight', sdxl)
    ).toEqual({
      family: 'output_blocks.{}.{}.transformer_blocks',
      label: '3.1.1',
      index: 1,
      rest: 'attn2.to_k.weight'
    })
    expect(locateInBlocks('output_blocks.3.0.skip_connection.weight', sdxl)).toEqual({
      family: 'output_blocks',
      label: '3',
      index: 3,
      rest: '0.skip_connection.weight'
    })
    expect(locateInBlocks('model.diffusion_model.time_embed.0.weight', sdxl)).toBeNull()
    const wan = analyzeStructure(specCheckpoint(expandModel('wan2.1-t2v-1.3b')))
    expect(locateInBlocks('diffusion_model.blocks.29.ffn.2.bias', wan)).toMatchObject({
      family: 'blocks',
      index: 29,
      rest: 'ffn.2.bias'
    })
  })

  it('detects attention in a bare key list', () => {
    const mods = attentionModulesOf([
      { key: 'attn.qkv.weight', shape: [192, 64] },
      { key: 'attn.q_norm.weight', shape: [32] },
      { key: 'cross.q_linear.weight', shape: [64, 64] },
      { key: 'cross.kv_linear.weight', shape: [128, 64] }
    ])
    expect(mods.map((m) => [m.path, m.layout, m.kind, m.heads])).toEqual([
      ['attn', 'fused-qkv', 'self', 2],
      ['cross', 'q-fused-kv', 'cross', null]
    ])
  })
})

describe('isAdapterKey', () => {
  it.each([
    ['diffusion_model.blocks.0.self_attn.q.lora_down.weight', true],
    ['transformer.blocks.0.attn1.to_q.lora_A.default.weight', true],
    ['lora_unet_blocks_0_self_attn_q.alpha', true],
    ['double_blocks.0.processor.qkv_lora1.down.weight', true],
    ['unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.processor.to_q_lora.down.weight', true],
    ['lycoris_blocks_0_attn_q.lokr_w1', true],
    ['blocks.0.cross_attn.norm_k_img.diff', true],
    ['lora___lorahyphen___blocks___lorahyphen___0___lorahyphen___attn___lorahyphen___qkv.alpha_scale', true],
    ['blocks.0.self_attn.q.weight', false],
    ['blocks.0.modulation', false],
    ['final_layer.adaLN_modulation.1.bias', false],
    ['explorer.weight', false]
  ])('%s -> %s', (name, expected) => {
    expect(isAdapterKey(name)).toBe(expected)
  })
})
