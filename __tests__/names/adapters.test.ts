/**
 * One reading of adapter tensor names: the LoRA reader's suffix parse and the analysis' "is this an adapter tensor"
 * agree, and base-model keys are not read as adapters.
 */
import { describe, expect, it } from '@jest/globals'
import { isAdapterKey, parseSuffix } from '../../src/names/index.js'
import { isAdapterKey as analysisIsAdapterKey } from '../../src/analysis/index.js'
import { parseSuffix as loraParseSuffix } from '../../src/lora/index.js'

const ADAPTER_KEYS = [
  'lora_unet_blocks_0_self_attn_q.lora_down.weight',
  'transformer.blocks.0.attn1.to_q.lora_A.weight',
  'base_model.model.blocks.0.attn.qkv.lora_B.default.weight',
  'diffusion_model.blocks.0.ffn.0.diff_b',
  'diffusion_model.blocks.0.diff_m',
  'lycoris_blocks_0_attn_qkv.hada_w1_a',
  'lora_unet_blocks_0_ffn_0.lokr_w2_b',
  'lora_te1_text_model_encoder_layers_0_mlp_fc1.alpha',
  'blocks.0.attn.qkv.dora_scale',
  'lycoris_blocks_0_attn_qkv.oft_blocks',
  'lycoris_blocks_0_attn_qkv.rescale',
  'unet.down_blocks.0.attentions.0.processor.to_q_lora.down.weight',
  'lora___lorahyphen___blocks___lorahyphen___0___lorahyphen___attn___lorahyphen___qkv.lora_up.blocks.0.weight',
  // GLoRA's `.a1.weight` is an adapter under an adapter prefix.
  'lycoris_blocks_0_attn_qkv.a1.weight'
]

const BASE_KEYS = [
  'blocks.0.self_attn.q.weight',
  'model.diffusion_model.input_blocks.1.1.proj_in.bias',
  'double_blocks.0.img_mod.lin.weight',
  'text_model.encoder.layers.0.mlp.fc1.weight',
  // A base layer named like a GLoRA tensor is not an adapter without an adapter prefix.
  'blocks.0.mlp.a1.weight',
  'norm.b2.weight'
]

describe('adapter tensor names', () => {
  it('every adapter key is one, in the analysis and in the LoRA reader alike', () => {
    for (const k of ADAPTER_KEYS) {
      expect([k, isAdapterKey(k)]).toEqual([k, true])
      expect(analysisIsAdapterKey(k)).toBe(true)
    }
    // The LoRA reader parses the same table (the one module).
    expect(loraParseSuffix).toBe(parseSuffix)
    expect(analysisIsAdapterKey).toBe(isAdapterKey)
  })

  it('base keys are not adapters', () => {
    for (const k of BASE_KEYS) expect([k, isAdapterKey(k)]).toEqual([k, false])
  })

  it('the suffix parse names the stem and role', () => {
    expect(parseSuffix('lycoris_blocks_0_attn_qkv.rescale')).toMatchObject({
      stem: 'lycoris_blocks_0_attn_qkv',
      role: 'oft-rescale'
    })
    expect(parseSuffix('x.lora_A.default_0.weight')).toMatchObject({
      stem: 'x',
      role: 'down',
      adapterName: 'default_0'
    })
    expect(parseSuffix('blocks.0.self_attn.q.weight')).toBeNull()
  })
})
