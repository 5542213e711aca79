import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { toJson, toJsonLater } from '../../src/util/json.js'

describe('toJson', () => {
  it('writes two-space indented JSON with a trailing newline', () => {
    expect(toJson({ a: [1, 'x'], b: null })).toBe('{\n  "a": [\n    1,\n    "x"\n  ],\n  "b": null\n}\n')
  })

  it('writes a BigInt anywhere in the document as its decimal string', () => {
    const big = 2n ** 64n + 1n
    expect(toJson({ n: big, list: [1, big] })).toBe(
      `{\n  "n": "${big.toString()}",\n  "list": [\n    1,\n    "${big.toString()}"\n  ]\n}\n`
    )
  })

  it('still refuses a circular document', () => {
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(() => toJson(loop)).toThrow(TypeError)
  })
})

describe('toJsonLater', () => {
  it('renders what toJson renders for the head with the last member added', () => {
    const key = fc.string()
    const value = fc.oneof(fc.jsonValue(), fc.bigInt(), fc.constant(undefined))
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.bigInt())),
        key,
        value,
        (head, k, v) => {
          fc.pre(!Object.hasOwn(head, k) && !/^(?:0|[1-9][0-9]*)$/.test(k))
          expect(toJsonLater(head, k)(v)).toBe(toJson({ ...head, [k]: v }))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('renders a conversion report as one toJson call does', () => {
    const head = {
      kind: 'lora-conversion',
      tool: { name: 'model-compat', version: '1' },
      plan: { modules: [{ a: [1, 2] }] }
    }
    const written = { tensors: 3, bytes: 2n ** 60n, copy: 'kernel', note: 'a\nb "c"' }
    expect(toJsonLater(head, 'written')(written)).toBe(toJson({ ...head, written }))
    expect(toJsonLater({}, 'written')(written)).toBe(toJson({ written }))
  })

  it('refuses a key the head already has, or one that would not come last', () => {
    expect(() => toJsonLater({ written: 1 }, 'written')).toThrow(/already a member/)
    // integer keys come first in an object, whatever the order they were added in
    expect(() => toJsonLater({ a: 1 }, '7')).toThrow(/would not be the last member/)
  })
})
