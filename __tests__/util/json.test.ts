import { describe, expect, it } from '@jest/globals'
import { toJson } from '../../src/util/json.js'

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
