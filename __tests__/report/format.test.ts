/** Number formatting shared by the renderers: digit grouping must read exactly as `toLocaleString('en-US')`. */
import fc from 'fast-check'
import { groupThousands } from '../../src/report/format.js'

describe('groupThousands', () => {
  it('groups by three with commas', () => {
    expect(groupThousands(0)).toBe('0')
    expect(groupThousands(999)).toBe('999')
    expect(groupThousands(1000)).toBe('1,000')
    expect(groupThousands(123456)).toBe('123,456')
    expect(groupThousands(14288491584)).toBe('14,288,491,584')
    expect(groupThousands(-1234567)).toBe('-1,234,567')
    expect(groupThousands(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991')
  })

  it('keeps up to three decimals like the en-US formatter', () => {
    expect(groupThousands(1234.5)).toBe('1,234.5')
    expect(groupThousands(0.1234)).toBe('0.123')
  })

  it('passes non-finite values through', () => {
    expect(groupThousands(Number.NaN)).toBe('NaN')
    expect(groupThousands(Number.POSITIVE_INFINITY)).toBe('Infinity')
  })

  it('matches toLocaleString("en-US") for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-US'))
      }),
      { numRuns: 2000 }
    )
  })
})
