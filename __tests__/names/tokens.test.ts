import { describe, expect, it } from '@jest/globals'
import { keyWords, tokenKey } from '../../src/names/tokens.js'
import { stripModelPrefixes } from '../../src/names/prefixes.js'

describe('keyWords', () => {
  it('splits on dots and underscores alike, skipping empty pieces', () => {
    expect(keyWords('lora_unet_down_blocks_0').map((w) => w.text)).toEqual([
      'lora',
      'unet',
      'down',
      'blocks',
      '0'
    ])
    expect(keyWords('down_blocks.0..attn__1.').map((w) => w.text)).toEqual([
      'down',
      'blocks',
      '0',
      'attn',
      '1'
    ])
    expect(keyWords('')).toEqual([])
  })

  it('reads digit-only words as indices, up to 9 digits', () => {
    expect(keyWords('blocks.12.attn1')).toEqual([
      { text: 'blocks' },
      { text: '12', index: 12 },
      { text: 'attn1' }
    ])
    expect(keyWords('x.123456789.1234567890')).toEqual([
      { text: 'x' },
      { text: '123456789', index: 123456789 },
      { text: '1234567890' }
    ])
    expect(keyWords('a.1e3.-1')).toEqual([{ text: 'a' }, { text: '1e3' }, { text: '-1' }])
  })

  it('gives kohya and dotted spellings the same token key', () => {
    expect(tokenKey('lora_unet_Down_blocks_0')).toBe('lora.unet.down.blocks.0')
    expect(tokenKey('lora.unet.down_blocks.0')).toBe('lora.unet.down.blocks.0')
  })
})

describe('stripModelPrefixes', () => {
  it('strips known wrappers and keeps keys whose first segment starts none', () => {
    expect(stripModelPrefixes(['model.diffusion_model.input_blocks.0.0.weight', 'modelx.a.weight'])).toEqual([
      'input_blocks.0.0.weight',
      'modelx.a.weight'
    ])
  })
})
