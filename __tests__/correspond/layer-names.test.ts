import { describe, expect, it } from '@jest/globals'
import { dropWords, pathOf } from '../../src/correspond/layer-names.js'

describe('layer names: token paths and relative stored names', () => {
  it('pathOf joins the words with dots, empty words dropped', () => {
    expect(pathOf('blocks.0.self_attn.q')).toBe('blocks.0.self.attn.q')
    expect(pathOf('_lead..doubled__x_')).toBe('lead.doubled.x')
    expect(pathOf('')).toBe('')
  })

  it('dropWords keeps the stored separators after the first n words, each call on its own name', () => {
    // One pattern per word count, reused: each call must read its own name from the start.
    expect(dropWords('input_blocks.4.1.proj_in', 3)).toBe('1.proj_in')
    expect(dropWords('down_blocks.1.attentions.0.proj_in', 3)).toBe('attentions.0.proj_in')
    expect(dropWords('a.b', 3)).toBe('')
    expect(dropWords('blocks..3._attn.q', 2)).toBe('attn.q')
    expect(dropWords('_blocks.3', 0)).toBe('blocks.3')
    expect(dropWords('input_blocks.4.1.proj_in', 3)).toBe('1.proj_in')
  })
})
