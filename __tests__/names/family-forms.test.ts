/**
 * The family detector's underscored forms: a layer may bring its own (`FamilyLayer.underscored`, the LoRA base
 * index makes it once per entry), and the name signatures read the index's forms instead of making them again.
 * Both must answer as if every form were made from the path.
 */
import { describe, expect, it } from '@jest/globals'
import { buildBaseIndex } from '../../src/lora/index.js'
import { detectFamily, signatureOfPath, type FamilyLayer } from '../../src/names/families.js'
import { indexForm, LayerIndex } from '../../src/names/family-probe.js'
import type { Checkpoint } from '../../src/formats/types.js'

const WAN_PATHS = ['blocks.0.self_attn.q', 'blocks.0.self_attn.k', 'blocks.1.cross_attn.o', 'blocks.1.ffn.0']

describe('underscored forms given by the caller', () => {
  it('the index takes a layer its form gives, not its path', () => {
    // A form that disagrees with its path shows which one the index read.
    const index = new LayerIndex([{ path: 'blocks.0.self_attn.q', underscored: 'blocks_0_other' }])
    expect(index.has('blocks.0.other')).toBe(true)
    expect(index.has('blocks.0.self_attn.q')).toBe(false)
    expect(index.forms).toEqual(['blocks_0_other'])
  })

  it('keeps one form per layer, in order, repeats included (the signatures vote per layer)', () => {
    const index = new LayerIndex(['a.b', 'a.b', 'c.d.weight'].map((path) => ({ path })))
    expect(index.forms).toEqual(['a_b', 'a_b', 'c_d'])
    expect(index.paths).toEqual(['a_b', 'c_d'])
  })

  it('detects the same family with or without the forms given', () => {
    const plain: FamilyLayer[] = WAN_PATHS.map((path) => ({ path, shape: [1536, 1536] }))
    const given = plain.map((l) => ({ ...l, underscored: indexForm(l.path) }))
    expect(detectFamily(given)).toEqual(detectFamily(plain))
    expect(detectFamily(plain)?.match.id).toBe('wan')
  })

  it('votes by each path, `.weight` leaf included, as signatureOfPath reads it', () => {
    const withLeaf = WAN_PATHS.map((p) => ({ path: `${p}.weight` }))
    for (const l of withLeaf) expect(signatureOfPath(l.path)?.id).toBe('wan')
    expect(detectFamily(withLeaf)?.match.id).toBe('wan')
  })

  it('the base index gives each entry its kohya form, the key it is found under', () => {
    const base: Checkpoint = {
      path: 'base.safetensors',
      format: 'safetensors',
      metadata: {},
      tensors: WAN_PATHS.map((p) => ({ name: `${p}.weight`, shape: [4, 4], dtype: 'BF16' }))
    } as unknown as Checkpoint
    const index = buildBaseIndex(base)
    for (const e of index.denoiser.entries) {
      expect(e.underscored).toBe(e.path.replaceAll('.', '_'))
      expect(index.denoiser.underscore.get(e.path.replaceAll('.', '_'))).toEqual([e])
    }
  })
})
