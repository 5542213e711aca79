/**
 * `layerKind` caches labels under a key with the block index written as 9 (src/lora/layers.ts). The label must be
 * the one the rules give for the path itself, for every naming family and every block index.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { knownModelTensorNames } from '../../fixtures/family-keys.js'
import { boundaryForm, layerKind, layerKindOf } from '../../src/lora/layers.js'

function modulePaths(): string[] {
  return knownModelTensorNames().map((n) => n.replace(/\.(weight|bias)$/, ''))
}

describe('layerKind cache', () => {
  const paths = modulePaths()

  it('gives the uncached label for every module path of the known models, dotted and underscored', () => {
    expect(paths.length).toBeGreaterThan(1000)
    const forms = paths.flatMap((p) => [p, p.replace(/\./g, '_')])
    // One comparison of two lists: a per-path expect() would cost seconds.
    const cached = forms.map((f) => `${f}: ${layerKind(f)} | ${layerKind(f, true)}`)
    const uncached = forms.map((f) => {
      const label = layerKindOf(boundaryForm(f))
      return `${f}: ${label} | text-encoder ${label}`
    })
    expect(cached).toEqual(uncached)
  })

  it('gives the uncached label whatever the block indices', () => {
    const templates = [...new Set(paths.map((p) => p.replace(/\.\d+(?=\.|$)/g, '.#')))]
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.array(
          fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 })),
          {
            minLength: 4,
            maxLength: 4
          }
        ),
        fc.boolean(),
        (template, indices, underscored) => {
          let i = 0
          let path = template.replace(/#/g, () => String(indices[i++ % indices.length]))
          if (underscored) path = path.replace(/\./g, '_')
          expect(layerKind(path)).toBe(layerKindOf(boundaryForm(path)))
        }
      ),
      { numRuns: 3000 }
    )
  })
})
