import { describe, expect, it } from '@jest/globals'
import { ShapeFactsMemo } from '../../src/correspond/shape-facts.js'

describe('ShapeFactsMemo: a shape read once, by all its dims', () => {
  it('reads each shape as squeezing it would, whichever shapes came before', () => {
    const shapes: number[][] = [
      [4, 8],
      [4, 2],
      [4],
      [4, 8, 1],
      [1, 4, 8],
      [8, 4],
      [4, 1],
      [1],
      [],
      [4, 8, 3, 3]
    ]
    const expected = [
      { sig: '4x8', cols: '8', vector: false },
      { sig: '4x2', cols: '2', vector: false },
      { sig: '4', cols: '', vector: true },
      { sig: '4x8', cols: '8', vector: false },
      { sig: '4x8', cols: '8', vector: false },
      { sig: '8x4', cols: '4', vector: false },
      { sig: '4', cols: '', vector: true },
      { sig: '1', cols: '', vector: true },
      { sig: '', cols: '', vector: false },
      { sig: '4x8x3x3', cols: '8x3x3', vector: false }
    ]
    // In this order and reversed: a shape that shares its leading dims with one read before (`[4]` after `[4, 8]`,
    // `[4, 8, 3, 3]` after `[4, 8]`) is its own.
    const memo = new ShapeFactsMemo()
    expect(shapes.map((s) => memo.of(s))).toEqual(expected)
    const reversed = new ShapeFactsMemo()
    expect([...shapes].reverse().map((s) => reversed.of(s))).toEqual([...expected].reverse())
    // Read again: the same answers, the same objects.
    expect(shapes.map((s) => memo.of([...s]))).toEqual(expected)
    expect(memo.of([4, 8])).toBe(memo.of([4, 8]))
  })
})
