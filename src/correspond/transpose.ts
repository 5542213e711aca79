/**
 * A projection matrix held as a bare parameter against a Linear's weight. CLIP's projections are parameters
 * multiplied on the right (`x @ text_projection`, `x @ visual.proj`, Wan's `head`), stored [in, out]; a Linear
 * stores its weight [out, in] and computes `x @ W.T`. The same projection is then the transpose on the other
 * side: same values, axes swapped. A rename would carry the values over untransposed, silently wrong for a square
 * matrix (its shape does not show it).
 *
 * - Non-square: the shapes prove the transpose ([a, b] against [b, a]); equal non-square shapes prove there is none
 *   (that parameter is stored as a Linear stores it).
 * - Square: only the convention tells, so the link states it as its assumption (ambiguity `transpose-convention`).
 */
import { sameShape } from '../util/shape.js'
import type { LayerLink } from './match.js'
import type { Layer, Tensor } from './model.js'
import type { Evidence } from './types.js'

/** Words that name a projection (`text_projection`, `proj`, Wan's CLIP `head`). */
const PROJECTION_WORDS: ReadonlySet<string> = new Set(['proj', 'projection', 'head'])

/** A bare 2-D parameter named as a projection, not an embedding table (those are [rows, dim] on both sides). */
function isBareProjection(l: Layer): boolean {
  if (l.tensors.size !== 1 || !l.tensors.has('')) return false
  if (l.main.shape.length !== 2 || l.role.role === 'embed') return false
  return l.role.words.some((w) => PROJECTION_WORDS.has(w))
}

/** A layer holding one 2-D `weight` (a Linear without bias; a bias makes no difference to the weight's axes). */
function linearWeight(l: Layer): Tensor | undefined {
  const w = l.tensors.get('weight')
  return w !== undefined && w.shape.length === 2 && l.tensors.size <= 2 ? w : undefined
}

function transposed(a: readonly number[], b: readonly number[]): boolean {
  return a.length === 2 && b.length === 2 && a[0] === b[1] && a[1] === b[0]
}

/**
 * Whether a lone-tensor layer link is a transpose: one side a bare projection parameter, the other a Linear's
 * weight, and the shapes [a, b] against [b, a] (square included, by the convention above).
 */
export function isProjectionTranspose(l: LayerLink): { square: boolean } | undefined {
  const [bare, linear] = isBareProjection(l.a) ? [l.a, l.b] : isBareProjection(l.b) ? [l.b, l.a] : []
  if (!bare || !linear) return undefined
  const w = linearWeight(linear)
  if (!w || !transposed(bare.main.shape, w.shape)) return undefined
  return { square: w.shape[0] === w.shape[1] }
}

/**
 * Links between leftover layers that only a transpose relates: a bare projection on one side, a Linear's weight of
 * the transposed (non-square) shape on the other, each the only one of its shape among the leftovers on both
 * sides. Square ones have equal shapes and are found by the shape passes; `isProjectionTranspose` makes them
 * transposes there.
 */
export function matchTransposed(
  restA: readonly Layer[],
  restB: readonly Layer[]
): { links: LayerLink[]; restA: Layer[]; restB: Layer[] } {
  const links: LayerLink[] = []
  const used = new Set<Layer>()
  for (const [bareSide, linearSide, bareIsA] of [
    [restA, restB, true],
    [restB, restA, false]
  ] as const) {
    for (const bare of bareSide) {
      if (used.has(bare) || !isBareProjection(bare)) continue
      const shape = bare.main.shape
      if (shape[0] === shape[1]) continue
      const fits = linearSide.filter((l) => !used.has(l) && transposed(shape, linearWeight(l)?.shape ?? []))
      if (fits.length !== 1) continue
      // the only one of its shape on its own side too
      if (bareSide.some((o) => o !== bare && !used.has(o) && sameShape(o.main.shape, shape))) continue
      const linear = fits[0]!
      used.add(bare)
      used.add(linear)
      const evidence: Evidence[] = [{ kind: 'unique-shape', shape: [...linear.main.shape] }]
      // High when the Linear is named as a projection too (`visual_projection` for `head`); the shapes alone: medium.
      const named = linear.role.words.some((w) => PROJECTION_WORDS.has(w))
      const confidence = named ? 'high' : 'medium'
      links.push(
        bareIsA ? { a: bare, b: linear, confidence, evidence } : { a: linear, b: bare, confidence, evidence }
      )
    }
  }
  return {
    links,
    restA: restA.filter((l) => !used.has(l)),
    restB: restB.filter((l) => !used.has(l))
  }
}
