/** namingConventions: the summary of a key set does not depend on the order of its keys. */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { analysisPrefixOf, namingConventions } from '../../src/analysis/naming.js'

describe('namingConventions', () => {
  it('reads sorted keys (a module read once for its adjacent keys) as it reads them in any order, and analysisPrefixOf agrees', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'model',
        'diffusion_model',
        'module',
        'blocks',
        'attn',
        'to_q',
        'weight',
        'bias',
        '0',
        '12'
      ),
      fc.constantFrom('Norm', 'xBlock', 'Attn', 'Q', 'lora_unet_blocks_0_q', 'layer_3', ''),
      fc.stringMatching(/^[a-zA-Z0-9_]{0,5}$/)
    )
    // Modules with several leaves each, so that sorted keys put a module's keys next to each other.
    const module = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => s.join('.'))
    const leaves = fc.subarray(['bias', 'weight', 'Scale', 'w_1', '0', ''], { minLength: 1 })
    const keys = fc
      .array(fc.tuple(module, leaves), { maxLength: 15 })
      .map((ms) => ms.flatMap(([m, ls]) => ls.map((l) => (m === '' ? l : `${m}.${l}`))))
    fc.assert(
      fc.property(keys, fc.nat(), (names, seed) => {
        const sorted = [...names].sort()
        const shuffled = [...names].sort(
          (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7)
        )
        const expected = namingConventions(shuffled)
        expect(namingConventions(sorted)).toEqual(expected)
        expect(namingConventions([...sorted].reverse())).toEqual(expected)
        const { commonPrefix, analysisPrefix } = expected
        expect(analysisPrefixOf(sorted)).toEqual({ commonPrefix, analysisPrefix })
      }),
      { numRuns: 300 }
    )
  })

  it('counts each key of a module, its leaf included, when the module is read once', () => {
    const n = namingConventions([
      'model.diffusion_model.blocks.0.attn.bias',
      'model.diffusion_model.blocks.0.attn.weight',
      'model.diffusion_model.blocks.0.attn.Scale'
    ])
    expect(n.commonPrefix).toBe('model.diffusion_model.')
    expect(n.knownPrefixes).toEqual([{ prefix: 'model.diffusion_model.', keys: 3 }])
    expect(n.topLevelModules).toEqual([{ prefix: 'blocks', keys: 3 }])
    expect(n.leafNames.map((l) => l.prefix).sort()).toEqual(['Scale', 'bias', 'weight'])
    expect(n.casedSegments).toEqual(['Scale'])
    expect(n.separator).toBe('dot')
    // Cased module segments count for every key: 4 of 6 lettered segments are cased.
    expect(namingConventions(['Attn.Q.bias', 'Attn.Q.weight']).case).toBe('camelCase')
  })
})
