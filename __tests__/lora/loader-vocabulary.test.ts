/**
 * The loader profiles take their adapter suffixes and prefixes from the one vocabulary (src/names/adapters.ts,
 * src/names/prefixes.ts), but what each runtime accepts is a fact of that runtime: these pin the lists, spelled
 * out as ComfyUI and diffusers spell them, so moving the spellings into the vocabulary changed none of them.
 */
import { describe, expect, it } from '@jest/globals'
import {
  ADAPTERS,
  KEY_FORMS,
  LORA_PAIRS,
  SHARED_SUFFIXES,
  clipStems,
  convertedStem
} from '../../src/lora/loaders/comfyui.js'
import { PEFT_EXTRAS, PEFT_PAIRS, TEXT_ENCODER_PREFIXES } from '../../src/lora/loaders/diffusers.js'
import { FLUX_ORIGINAL_LAYERS, isFluxOriginalLayer } from '../../src/lora/loaders/runtime-names.js'
import {
  LORA_PAIR,
  PREFIX,
  SUFFIX,
  adapterPrefix,
  fromProcessorPath,
  kohyaForm,
  parseSuffix,
  processorPath
} from '../../src/names/adapters.js'
import { ADAPTER_PREFIXES } from '../../src/names/prefixes.js'

describe('ComfyUI reads what it read', () => {
  it('LoRA pairs, in the order of LoRAAdapter.load', () => {
    expect(LORA_PAIRS.map((p) => [p.up, p.down, p.mid ?? null])).toEqual([
      ['.lora_up.weight', '.lora_down.weight', '.lora_mid.weight'],
      ['_lora.up.weight', '_lora.down.weight', null],
      ['.lora_B.weight', '.lora_A.weight', null],
      ['.lora.up.weight', '.lora.down.weight', null],
      ['.lora_B', '.lora_A', null],
      ['.lora_linear_layer.up.weight', '.lora_linear_layer.down.weight', null],
      ['.lora_B.default.weight', '.lora_A.default.weight', null]
    ])
    expect(SHARED_SUFFIXES).toEqual(['.alpha', '.dora_scale', '.reshape_weight'])
  })

  it('the other adapters', () => {
    expect(ADAPTERS).toEqual([
      {
        name: 'loha',
        trigger: ['.hada_w1_a'],
        required: ['.hada_w1_b', '.hada_w2_a', '.hada_w2_b'],
        optional: ['.hada_t1', '.hada_t2'],
        merge: 'reshape'
      },
      {
        name: 'lokr',
        trigger: ['.lokr_w1', '.lokr_w2', '.lokr_w1_a', '.lokr_w2_a'],
        required: [],
        optional: [
          '.lokr_w1',
          '.lokr_w2',
          '.lokr_w1_a',
          '.lokr_w1_b',
          '.lokr_w2_a',
          '.lokr_w2_b',
          '.lokr_t2'
        ],
        merge: 'reshape'
      },
      {
        name: 'glora',
        trigger: ['.a1.weight'],
        required: ['.a2.weight', '.b1.weight', '.b2.weight'],
        optional: [],
        merge: 'unchecked'
      },
      { name: 'oft', trigger: ['.oft_blocks'], required: [], optional: ['.rescale'], merge: 'unchecked' },
      { name: 'norm', trigger: ['.w_norm'], required: [], optional: ['.b_norm'], merge: 'exact' },
      { name: 'diff', trigger: ['.diff'], required: [], optional: [], merge: 'exact' },
      { name: 'diff_b', trigger: ['.diff_b'], required: [], optional: [], merge: 'exact', bias: true },
      { name: 'set', trigger: ['.set_weight'], required: [], optional: [], merge: 'exact' }
    ])
  })

  it('key-map stems per model class', () => {
    const stems = (arch: keyof typeof KEY_FORMS, path: string) =>
      KEY_FORMS[arch].map((f) => `${f.names}:${f.stem(path)}`)
    expect(stems('wan', 'blocks.0.self_attn.q')).toEqual([
      'original:lora_unet_blocks_0_self_attn_q',
      'original:diffusion_model.blocks.0.self_attn.q'
    ])
    expect(stems('flux', 'transformer_blocks.0.attn.to_q')).toEqual([
      'original:lora_unet_transformer_blocks_0_attn_to_q',
      'original:diffusion_model.transformer_blocks.0.attn.to_q',
      'diffusers:transformer.transformer_blocks.0.attn.to_q',
      'diffusers:lycoris_transformer_blocks_0_attn_to_q',
      'diffusers:lora_transformer_transformer_blocks_0_attn_to_q',
      'diffusers:transformer_blocks.0.attn.to_q'
    ])
    expect(stems('unet', 'down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0')).toEqual([
      'original:lora_unet_down_blocks_1_attentions_0_transformer_blocks_0_attn1_to_out_0',
      'original:diffusion_model.down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0',
      'diffusers:lora_unet_down_blocks_1_attentions_0_transformer_blocks_0_attn1_to_out_0',
      'diffusers:lycoris_down_blocks_1_attentions_0_transformer_blocks_0_attn1_to_out_0',
      'diffusers:down_blocks.1.attentions.0.transformer_blocks.0.attn1.processor.to_out',
      'diffusers:unet.down_blocks.1.attentions.0.transformer_blocks.0.attn1.processor.to_out'
    ])
    const clip = 'text_model.encoder.layers.3.self_attn.q_proj'
    expect(clipStems(clip, 1)).toEqual([
      'lora_te_text_model_encoder_layers_3_self_attn_q_proj',
      'lora_te1_text_model_encoder_layers_3_self_attn_q_proj',
      `text_encoder.${clip}`
    ])
    expect(clipStems(clip, 2)).toEqual([
      'lora_te2_text_model_encoder_layers_3_self_attn_q_proj',
      `text_encoder_2.${clip}`
    ])
  })

  it("folds Wan Fun's double underscore only for a Wan Fun file", () => {
    const fun = new Set(['lora_unet__blocks_0_cross_attn_k.lora_down.weight'])
    expect(convertedStem('lora_unet__blocks_3_ffn_0', fun)).toBe('lora_unet_blocks_3_ffn_0')
    expect(convertedStem('lora_unet__blocks_3_ffn_0', new Set())).toBe('lora_unet__blocks_3_ffn_0')
  })
})

describe('diffusers reads what it read', () => {
  it('PEFT pairs, extras and text-encoder prefixes', () => {
    expect(PEFT_PAIRS.map((p) => [p.down, p.up])).toEqual([
      ['.lora_A.weight', '.lora_B.weight'],
      ['.lora_down.weight', '.lora_up.weight'],
      ['.lora.down.weight', '.lora.up.weight'],
      ['_lora.down.weight', '_lora.up.weight'],
      ['.lora_linear_layer.down.weight', '.lora_linear_layer.up.weight']
    ])
    expect(PEFT_EXTRAS).toEqual(['.lora_magnitude_vector', '.lora_B.bias'])
    expect(TEXT_ENCODER_PREFIXES).toEqual(['text_encoder.', 'text_encoder_2.'])
  })

  it('the Flux converters take the Flux original layers, as their key lists have them', () => {
    // The converters' own coverage, as the pattern the profile held before it read ComfyUI's table.
    const converters =
      /^(?:double_blocks_\d+_(?:img|txt)_(?:attn_(?:qkv|proj)|mlp_[02]|mod_lin)|single_blocks_\d+_(?:linear[12]|modulation_lin)|img_in|txt_in|(?:time|vector|guidance)_in_(?:in|out)_layer|final_layer_(?:linear|adaLN_modulation_1))$/
    const u = (p: string) => p.replace(/\./g, '_')
    const paths = [
      ...FLUX_ORIGINAL_LAYERS.double.flatMap((l) => [`double_blocks.0.${l}`, `double_blocks.18.${l}`]),
      ...FLUX_ORIGINAL_LAYERS.single.flatMap((l) => [`single_blocks.0.${l}`, `single_blocks.37.${l}`]),
      ...FLUX_ORIGINAL_LAYERS.top,
      // Near misses: other layers, other series, a second index, a prefix or suffix.
      'double_blocks.0.img_attn.norm.query_norm',
      'double_blocks.0.img_mlp.1',
      'double_blocks.0.1.img_attn.qkv',
      'single_blocks.0.norm.key_norm',
      'single_blocks.x.linear1',
      'blocks.0.linear1',
      'img_in.extra',
      'final_layer.adaLN_modulation.0',
      'transformer_blocks.0.attn.to_q',
      'linear1'
    ]
    expect(FLUX_ORIGINAL_LAYERS.double).toHaveLength(10)
    expect(FLUX_ORIGINAL_LAYERS.top).toHaveLength(10)
    for (const p of paths) expect([p, isFluxOriginalLayer(u(p))]).toEqual([p, converters.test(u(p))])
  })
})

describe('the vocabulary itself', () => {
  it('every adapter tensor suffix is one the reader parses, with that suffix as its marker', () => {
    // Not tensors of their own: ComfyUI's reshape target, and the LongCat up-block infix (read with its index).
    const notTensors = new Set<string>([SUFFIX.reshapeWeight, SUFFIX.loraUpBlocks])
    for (const s of Object.values(SUFFIX)) {
      if (notTensors.has(s)) continue
      const parsed = parseSuffix(`blocks.0.attn.qkv${s}`)
      expect([s, parsed?.stem]).toEqual([s, 'blocks.0.attn.qkv'])
      // GLoRA's four factors share one rule; PEFT's adapter-infix forms report the plain PEFT marker.
      if (!/^\.[ab][12]\.weight$/.test(s) && !s.includes('.default.')) expect(parsed?.marker).toBe(s)
    }
    for (const p of Object.values(LORA_PAIR)) {
      expect(parseSuffix(`m${p.down}`)?.role).toBe('down')
      expect(parseSuffix(`m${p.up}`)?.role).toBe('up')
    }
  })

  it('adapter prefixes come from the one list; an unknown one is refused', () => {
    for (const p of ADAPTER_PREFIXES) expect(adapterPrefix(p.prefix)).toBe(p.prefix)
    const known = new Set(ADAPTER_PREFIXES.map((p) => p.prefix))
    for (const p of Object.values(PREFIX)) expect([p, known.has(p)]).toEqual([p, true])
    expect(() => adapterPrefix('lora_te4_')).toThrow(/not a known adapter prefix/)
  })

  it('module path spellings: kohya underscores, and the attention-processor form both ways', () => {
    expect(kohyaForm('blocks.0.self_attn.q')).toBe('blocks_0_self_attn_q')
    for (const path of [
      'down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_q',
      'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_v',
      'mid_block.attentions.0.transformer_blocks.0.attn1.to_out.0'
    ])
      expect(fromProcessorPath(processorPath(path))).toBe(path)
    expect(processorPath('up_blocks.0.attentions.1.transformer_blocks.0.attn1.to_out.0')).toBe(
      'up_blocks.0.attentions.1.transformer_blocks.0.attn1.processor.to_out'
    )
  })
})
