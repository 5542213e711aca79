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
