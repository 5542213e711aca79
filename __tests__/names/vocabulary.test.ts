/**
 * The vocabulary facts that analysis, lora and convert used to spell on their own, now stated once in src/names:
 * what each reads, and how the named subsets relate to the main lists they sit next to.
 */
import { describe, expect, it } from '@jest/globals'
import {
  BIAS_LEAVES,
  BLOCK_CONTAINER_NAMES,
  BLOCK_SERIES,
  CROSS_ATTENTION_NAMES,
  EXTRA_KV_STREAM,
  IMAGE_WORDS,
  LEAF_NAMES,
  SELF_ATTENTION_NAMES,
  SERIES_LAST_WORDS,
  STREAM_ATTENTION_NAMES,
  WEIGHT_LEAVES,
  fromProcessorPath,
  isBlockContainerName,
  isStreamWord,
  kohyaForm,
  layerRole,
  processorPath
} from '../../src/names/index.js'
import { CROSS_K, UNET_CROSS_K, UNET_LDM_SERIES } from '../../src/names/family-unet.js'
import { DIFFUSERS_DENOISER_PREFIX, componentPrefix } from '../../src/names/prefixes.js'

describe('adapter name forms', () => {
  it('kohyaForm underscores every dot', () => {
    expect(kohyaForm('blocks.0.self_attn.q')).toBe('blocks_0_self_attn_q')
    expect(kohyaForm('down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k')).toBe(
      'down_blocks_1_attentions_0_transformer_blocks_0_attn2_to_k'
    )
  })

  it('a legacy processor path reads back as the projection it names', () => {
    for (const p of [
      'mid_block.attentions.0.transformer_blocks.0.attn1.to_q',
      'x.attn2.to_out.0',
      'x.attn1.to_v'
    ])
      expect(fromProcessorPath(processorPath(p))).toBe(p)
    expect(fromProcessorPath('x.attn1.processor')).toBe('x.attn1')
  })
})

describe('block series', () => {
  it('the loose series words are the last words of the series names', () => {
    expect([...SERIES_LAST_WORDS].sort()).toEqual(['block', 'blocks', 'layers', 'resblocks'])
    for (const s of BLOCK_SERIES)
      expect(SERIES_LAST_WORDS.some((w) => s === w || s.endsWith(`_${w}`))).toBe(true)
  })

  it('a block container is a known one or named like a series', () => {
    for (const n of BLOCK_CONTAINER_NAMES) expect(isBlockContainerName(n)).toBe(true)
    for (const n of ['controlnet_down_blocks', 'transformer_layers', 'noise_refiner_blocks'])
      expect(isBlockContainerName(n)).toBe(true)
    for (const n of ['block', 'x_block', 'attn', 'to_out', 'blockers', 'layers2'])
      expect(isBlockContainerName(n)).toBe(false)
  })
})

describe('UNet cross-attention key projection', () => {
  it('reads attn2.to_k in dotted and underscored paths, nothing else', () => {
    for (const p of [
      'input_blocks.1.1.transformer_blocks.0.attn2.to_k',
      'down_blocks_1_attentions_0_transformer_blocks_0_attn2_to_k',
      'attn2.to_k'
    ])
      expect(CROSS_K.test(p)).toBe(true)
    for (const p of ['x.attn2.to_q', 'x.attn1.to_k', 'x.xattn2.to_k', 'x.attn2.to_k.weight'])
      expect(CROSS_K.test(p)).toBe(false)
  })

  it('the UNet gate wants it inside a UNet series (underscored)', () => {
    expect(UNET_LDM_SERIES).toEqual(['input_blocks', 'middle_block', 'output_blocks'])
    expect(UNET_CROSS_K.test('input_blocks_1_1_transformer_blocks_0_attn2_to_k')).toBe(true)
    expect(UNET_CROSS_K.test('mid_block_attentions_0_transformer_blocks_0_attn2_to_k')).toBe(true)
    expect(UNET_CROSS_K.test('up_blocks_1_attentions_2_transformer_blocks_0_attn2_to_k')).toBe(true)
    expect(UNET_CROSS_K.test('blocks_0_attn2_to_k')).toBe(false)
    expect(UNET_CROSS_K.test('transformer_blocks_0_attn2_to_k')).toBe(false)
  })
})

describe('stream and attention names', () => {
  it('the extra k/v stream words and image words are stream words', () => {
    for (const w of [...EXTRA_KV_STREAM, ...IMAGE_WORDS]) expect(isStreamWord(w)).toBe(true)
    // One of each stream: the image branch (main) and the added context.
    expect(layerRole('k_img', false, false, 'attn').stream).toBe('main')
    expect(layerRole('add_k_proj', false, false, 'attn').stream).toBe('context')
  })

  it('a one-letter mark ending a camel-case word names its stream in dotted and in kohya names alike', () => {
    // AuraFlow's mlpC / mlpX: dotted, `mlpC` ends its segment; kohya's underscored path is one segment
    for (const path of ['mlpC.c_fc1', 'mlpC_c_fc1']) expect(layerRole(path).stream).toBe('context')
    for (const path of ['mlpX.c_fc1', 'mlpX_c_fc1']) expect(layerRole(path).stream).toBe('main')
    // a letter word of its own inside a segment is no mark (`c_fc1`: the c of c_fc)
    expect(layerRole('c_fc1').stream).toBeUndefined()
  })

  it('attention names by kind are disjoint; a stream attention names its stream', () => {
    const all = [...SELF_ATTENTION_NAMES, ...CROSS_ATTENTION_NAMES, ...STREAM_ATTENTION_NAMES]
    expect(new Set(all).size).toBe(all.length)
    for (const n of STREAM_ATTENTION_NAMES) expect(layerRole(`${n}.qkv`).stream).toBeDefined()
  })
})

describe('parameter leaves', () => {
  it('weight and bias leaves read as weight / bias where the leaf table has them; norm leaves are not counted', () => {
    for (const l of WEIGHT_LEAVES) if (LEAF_NAMES[l] !== undefined) expect(LEAF_NAMES[l]).toMatch(/^weight/)
    for (const l of BIAS_LEAVES) if (LEAF_NAMES[l] !== undefined) expect(LEAF_NAMES[l]).toBe('bias')
    for (const l of ['scale', 'gamma', 'beta']) {
      expect(WEIGHT_LEAVES.has(l)).toBe(false)
      expect(BIAS_LEAVES.has(l)).toBe(false)
    }
  })
})

describe('diffusers denoiser folders', () => {
  it('a diffusers denoiser prefix is one componentPrefix reads as the denoiser', () => {
    for (const f of ['transformer', 'transformer_2', 'unet', 'prior']) {
      expect(DIFFUSERS_DENOISER_PREFIX.test(`${f}.`)).toBe(true)
      expect(componentPrefix(f).component).toBe('denoiser')
    }
    // `dit` is read as the denoiser but is no diffusers prefix to write.
    expect(componentPrefix('dit').component).toBe('denoiser')
    expect(DIFFUSERS_DENOISER_PREFIX.test('dit.')).toBe(false)
    expect(DIFFUSERS_DENOISER_PREFIX.test('text_encoder.')).toBe(false)
  })
})
