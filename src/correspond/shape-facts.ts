/**
 * What the engine reads of a shape (its squeezed form as a signature, its trailing dims), read once per distinct
 * shape of a side rather than once per layer: a network holds a few dozen shapes over thousands of layers (the
 * bench's fused-qkv base: 14 over 2,444 layers), and each reading built a squeezed array, a slice and two joined
 * strings per layer. Shapes are looked up dim by dim through maps keyed by the dims (numbers: no key string).
 */
import { squeeze } from '../util/shape.js'

export interface ShapeFacts {
  /** The shape without its size-1 dims, joined by `x` (`640x320` for `[640, 320, 1, 1]`). */
  sig: string
  /** The squeezed shape's trailing dims (after the first), joined by `x`; '' when it squeezes to under 2 dims. */
  cols: string
  /** The squeezed shape has one dim (a vector: a bias, a norm's weight). */
  vector: boolean
}

interface Node {
  /** The facts of the shape ending at this node, once read. */
  facts: ShapeFacts | undefined
  /** Longer shapes, by their next dim. */
  next: Map<number, Node> | undefined
}

/** One side's shapes: `of(shape)` reads a shape's facts the first time it is seen and returns them after. */
export class ShapeFactsMemo {
  private readonly root: Node = { facts: undefined, next: undefined }

  of(shape: readonly number[]): ShapeFacts {
    let node = this.root
    for (let i = 0; i < shape.length; i++) {
      const d = shape[i]!
      let child = node.next?.get(d)
      if (child === undefined) {
        child = { facts: undefined, next: undefined }
        if (node.next === undefined) node.next = new Map()
        node.next.set(d, child)
      }
      node = child
    }
    return (node.facts ??= readShape(shape))
  }
}

function readShape(shape: readonly number[]): ShapeFacts {
  const sq = squeeze(shape)
  return { sig: sq.join('x'), cols: sq.length > 1 ? sq.slice(1).join('x') : '', vector: sq.length === 1 }
}
