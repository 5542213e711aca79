/**
 * Equality of tensor shapes. An index loop, as in numel.ts: this runs once per key or link in a short-lived
 * process, mostly in V8's interpreter, where `every` costs a closure call per dim.
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The shape without its size-1 dims (a 1x1 conv and a linear, `[1, 6, D]` and `[6, D]`, read the same). */
export function squeeze(shape: readonly number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) out.push(shape[i]!)
  return out.length > 0 ? out : shape.length > 0 ? [1] : []
}

/** Equal shapes once their size-1 dims are dropped (`squeeze` of each, compared), without building either. */
export function sameSqueezed(x: readonly number[], y: readonly number[]): boolean {
  let i = 0
  let j = 0
  let kept = 0
  for (;;) {
    while (i < x.length && x[i] === 1) i++
    while (j < y.length && y[j] === 1) j++
    if (i === x.length || j === y.length) break
    if (x[i] !== y[j]) return false
    i++
    j++
    kept++
  }
  if (i !== x.length || j !== y.length) return false
  // Nothing but 1s on both: squeeze keeps one 1 for a non-empty shape, nothing for a scalar's.
  return kept > 0 || x.length > 0 === y.length > 0
}
