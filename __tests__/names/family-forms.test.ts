/**
 * The family detector's underscored forms: the name signatures read the index's per-layer forms instead of making
 * them again, and must answer as if every form were made from the path.
 */
import { describe, expect, it } from '@jest/globals'
import { detectFamily, signatureOfPath, type FamilyLayer } from '../../src/names/families.js'
import { LayerIndex } from '../../src/names/family-probe.js'

const WAN_PATHS = ['blocks.0.self_attn.q', 'blocks.0.self_attn.k', 'blocks.1.cross_attn.o', 'blocks.1.ffn.0']

describe('underscored forms of the layer index', () => {
  it('keeps one form per layer, in order, repeats included (the signatures vote per layer)', () => {
    const index = new LayerIndex(['a.b', 'a.b', 'c.d.weight'].map((path) => ({ path })))
    expect(index.forms).toEqual(['a_b', 'a_b', 'c_d'])
    expect(index.paths).toEqual(['a_b', 'c_d'])
  })

  it('votes by each path, `.weight` leaf included, as signatureOfPath reads it', () => {
    const withLeaf = WAN_PATHS.map((p) => ({ path: `${p}.weight` }))
    for (const l of withLeaf) expect(signatureOfPath(l.path)?.id).toBe('wan')
    expect(detectFamily(withLeaf)?.match.id).toBe('wan')
  })

  it('counts every layer of a mixed set once, by its own path', () => {
    // Two Flux-original layers outvote one Wan layer; a vote read from another layer's form would not.
    const layers: FamilyLayer[] = [
      { path: 'blocks.0.self_attn.q' },
      { path: 'double_blocks.0.img_attn.qkv', shape: [9216, 3072] },
      { path: 'double_blocks.1.txt_mlp.0', shape: [12288, 3072] }
    ]
    expect(detectFamily(layers)?.match.id).toBe('flux')
    expect(detectFamily([layers[0]!, layers[0]!, layers[1]!])?.match.id).toBe('wan')
  })
})
