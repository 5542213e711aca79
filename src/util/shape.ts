/**
 * Equality of tensor shapes. An index loop, as in numel.ts: this runs once per key or link in a short-lived
 * process, mostly in V8's interpreter, where `every` costs a closure call per dim.
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
