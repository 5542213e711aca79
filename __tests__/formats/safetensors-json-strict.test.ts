import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  JsonNumber,
  JsonSyntaxError,
  parseSafeNonNegativeInt,
  parseStrictJson,
  parseStrictJsonMembers,
  parseU64,
  toPlain
} from '../../src/formats/json/strict.js'

const num = (raw: string) => new JsonNumber(raw)

describe('parseStrictJson', () => {
  it('agrees with JSON.parse on valid JSON without duplicate keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v)
        // toPlain keeps integers past 2^53 as their decimal text instead of rounding them.
        const expected = JSON.parse(text, (_k, x: unknown) =>
          typeof x === 'number' && Number.isInteger(x) && !Number.isSafeInteger(x) && !/e/.test(String(x))
            ? String(x)
            : x
        )
        expect(toPlain(parseStrictJson(text))).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('rejects what JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        let ok = true
        try {
          JSON.parse(s)
        } catch {
          ok = false
        }
        if (!ok) expect(() => parseStrictJson(s)).toThrow(JsonSyntaxError)
      }),
      { numRuns: 500 }
    )
  })

  it('rejects duplicate keys at any depth, including __proto__', () => {
    expect(() => parseStrictJson('{"a":1,"a":1}')).toThrow(/duplicate key "a"/)
    expect(() => parseStrictJson('{"x":{"b":1,"c":[{"d":1,"d":2}]}}')).toThrow(/duplicate key "d"/)
    expect(() => parseStrictJson('{"__proto__":1,"__proto__":2}')).toThrow(/duplicate/)
    // Escaped and raw spellings of one key are the same key.
    expect(() => parseStrictJson('{"a":1,"\\u0061":2}')).toThrow(/duplicate/)
  })

  it('keeps number text exactly and keeps keys in file order', () => {
    const v = parseStrictJson('{"z":9007199254740993,"0":1.50,"a":-0}') as Map<string, unknown>
    expect([...v.keys()]).toEqual(['z', '0', 'a'])
    expect((v.get('z') as JsonNumber).raw).toBe('9007199254740993')
    expect((v.get('0') as JsonNumber).raw).toBe('1.50')
    expect(toPlain(v.get('z') as JsonNumber)).toBe('9007199254740993')
  })

  it('bounds nesting depth without overflowing the stack', () => {
    expect(() => parseStrictJson('['.repeat(100_000))).toThrow(/nesting deeper than 128/)
    expect(() => parseStrictJson(`${'['.repeat(128)}${']'.repeat(128)}`)).not.toThrow()
    expect(() => parseStrictJson(`${'['.repeat(4)}${']'.repeat(4)}`, { maxDepth: 3 })).toThrow(/nesting/)
  })

  it('accepts JSON whitespace around the value but not a BOM or other spaces', () => {
    expect(toPlain(parseStrictJson(' \t\r\n{} \n'))).toEqual({})
    expect(() => parseStrictJson('\ufeff{}')).toThrow(JsonSyntaxError)
    expect(() => parseStrictJson('\u00a0{}')).toThrow(JsonSyntaxError)
    expect(() => parseStrictJson('{}\0')).toThrow(/trailing/)
  })

  it('rejects lone surrogates and bad escapes', () => {
    expect(() => parseStrictJson('"\\ud800"')).toThrow(/surrogate/)
    expect(() => parseStrictJson('"\\udc00"')).toThrow(/surrogate/)
    expect(() => parseStrictJson('"\\ud800\\u0041"')).toThrow(/surrogate/)
    expect(() => parseStrictJson('"\\x41"')).toThrow(/escape/)
    expect(parseStrictJson('"\\ud83d\\ude00"')).toBe('\u{1F600}')
  })

  it('makes objects that cannot pollute prototypes', () => {
    const plain = toPlain(
      parseStrictJson('{"__proto__":{"polluted":true},"constructor":{"prototype":1}}')
    ) as Record<string, unknown>
    expect(Object.getPrototypeOf(plain)).toBeNull()
    expect(Object.keys(plain)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('parseStrictJsonMembers', () => {
  it('streams top-level members in order with the same checks as parseStrictJson', () => {
    const seen: Array<[string, unknown]> = []
    parseStrictJsonMembers(' {"b":[1],"a":{"x":"y"}} ', (k, v) => seen.push([k, toPlain(v)]))
    expect(seen).toEqual([
      ['b', [1]],
      ['a', { x: 'y' }]
    ])
    const noop = () => undefined
    expect(() => parseStrictJsonMembers('{"a":1,"a":2}', noop)).toThrow(/duplicate key "a"/)
    expect(() => parseStrictJsonMembers('[1]', noop)).toThrow(/expected an object, found array/)
    expect(() => parseStrictJsonMembers('[1', noop)).toThrow(/expected ','/)
    expect(() => parseStrictJsonMembers('{} {}', noop)).toThrow(/trailing/)
    expect(() => parseStrictJsonMembers(`{"a":${'['.repeat(200)}}`, noop)).toThrow(/nesting/)
  })
})

describe('integer rules', () => {
  it('parseU64 accepts plain non-negative integers up to 2^64-1 only', () => {
    expect(parseU64(num('0'))).toBe(0n)
    expect(parseU64(num('18446744073709551615'))).toBe(18446744073709551615n)
    for (const bad of ['18446744073709551616', '-1', '-0', '1.0', '1e3', '01', '9'.repeat(1000)]) {
      expect(parseU64(num(bad))).toBeUndefined()
    }
  })

  it('parseSafeNonNegativeInt stops at 2^53-1', () => {
    expect(parseSafeNonNegativeInt(num('9007199254740991'))).toBe(9007199254740991)
    expect(parseSafeNonNegativeInt(num('9007199254740992'))).toBeUndefined()
  })
})
