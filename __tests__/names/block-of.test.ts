/**
 * `blockOf` reads the series on the path as it is (src/names/series.ts SERIES_IN_PATH): its answer must be the one
 * SERIES_IN_UNDERSCORED gives on the underscored form with an underscore at each end, for the known models' paths,
 * dotted and underscored, and for paths made of series words, indices and separators at random.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { knownModelTensorNames } from '../../fixtures/family-keys.js'
import { kohyaForm } from '../../src/names/adapters.js'
import { SERIES_IN_UNDERSCORED, blockOf } from '../../src/names/series.js'

function underscored(path: string): { series: string; index: number } | undefined {
  const m = SERIES_IN_UNDERSCORED.exec('_' + kohyaForm(path) + '_')
  return m ? { series: m[1]!, index: Number(m[2]) } : undefined
}

describe('blockOf', () => {
  it('gives the underscored reading for every module path of the known models', () => {
    const forms = knownModelTensorNames().flatMap((n) => [
      n,
      n.replace(/\.(weight|bias)$/, ''),
      n.replace(/\./g, '_')
    ])
    expect(forms.length).toBeGreaterThan(1000)
    // One comparison of two lists: a per-path expect() would cost seconds.
    expect(forms.map((f) => [f, blockOf(f)])).toEqual(forms.map((f) => [f, underscored(f)]))
  })

  it('gives the underscored reading for paths of series words, indices and separators', () => {
    const word = fc.constantFrom(
      'blocks',
      'double',
      'single',
      'transformer',
      'layers',
      'middle',
      'block',
      'input',
      'output',
      'down',
      'up',
      'vace',
      'joint',
      'resblocks',
      'x',
      '',
      '0',
      '3',
      '12',
      '03',
      '1234567',
      'attn'
    )
    const path = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 7 }),
        fc.array(fc.constantFrom('.', '_'), { minLength: 7, maxLength: 7 })
      )
      .map(([ws, seps]) => ws.map((w, i) => (i === 0 ? w : seps[i]! + w)).join(''))
    fc.assert(
      fc.property(path, (p) => JSON.stringify(blockOf(p)) === JSON.stringify(underscored(p))),
      {
        numRuns: 20000
      }
    )
    expect(blockOf('double.blocks.3.img_attn')).toEqual({ series: 'double_blocks', index: 3 })
    expect(blockOf('lora_unet_down_blocks_1_attentions_0')).toEqual({ series: 'down_blocks', index: 1 })
  })
})
