import { describe, expect, it } from '@jest/globals'
import { firstIndexAt } from '../../src/names/family-probe.js'
import { FIRST_INDEX } from '../../src/names/series.js'

/** What the index reads of FIRST_INDEX: the series name's length, or -1 without a match. */
function byRegex(u: string): number {
  const m = FIRST_INDEX.exec(u)
  return m === null ? -1 : m[1]!.length
}

describe('firstIndexAt', () => {
  it('finds the first numbered series as FIRST_INDEX does', () => {
    const paths = [
      'blocks_0_self_attn_q',
      'double_blocks_12_img_attn_qkv',
      'input_blocks_4_1_transformer_blocks_0_attn1_to_q',
      'lora_unet_down_blocks_0_attentions_1_proj_in',
      'head_head',
      'blocks_0_',
      'blocks_0',
      '_0_x',
      '__0_x',
      'a_0_x',
      'a__0_x',
      'a_123456789_x',
      'a_1234567890_x',
      'a_1234567890_b_2_c',
      'a_x1_b_01_c',
      'a_1_2_3',
      'a_b_c',
      '',
      '_',
      'a_1_\nb',
      'a\n_1_b',
      'a_1_b\u2028',
      'a_1\r_2_b',
      'x_9_y_10_z'
    ]
    for (const p of paths) expect([p, firstIndexAt(p)]).toEqual([p, byRegex(p)])
  })

  it('agrees with FIRST_INDEX on generated paths', () => {
    const alphabet = ['_', '0', '1', '9', 'a', '.', '\n']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let n = 0; n < 4000; n++) {
      let p = ''
      const len = next() % 16
      for (let i = 0; i < len; i++) p += alphabet[next() % alphabet.length]
      expect([p, firstIndexAt(p)]).toEqual([p, byRegex(p)])
    }
  })
})
