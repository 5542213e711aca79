import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { sameShape, sameSqueezed, squeeze } from '../../src/util/shape.js'

describe('sameSqueezed', () => {
  it('agrees with comparing the squeezed shapes, for any pair of shapes', () => {
    const shape = fc.array(fc.constantFrom(1, 2, 3, 64), { maxLength: 5 })
    fc.assert(
      fc.property(shape, shape, (x, y) => {
        expect(sameSqueezed(x, y)).toBe(sameShape(squeeze(x), squeeze(y)))
      }),
      { numRuns: 2000 }
    )
  })

  it('reads a 1x1 conv as its linear, and keeps a scalar apart from a one-element vector', () => {
    expect(sameSqueezed([320, 640, 1, 1], [320, 640])).toBe(true)
    expect(sameSqueezed([1, 6, 64], [6, 64])).toBe(true)
    expect(sameSqueezed([], [1])).toBe(false)
    expect(sameSqueezed([64, 1], [1, 64])).toBe(true)
    expect(sameSqueezed([64, 2], [2, 64])).toBe(false)
  })
})
