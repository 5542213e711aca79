/**
 * Element counts of tensor shapes. Shapes come from hostile files: `numel` is for shapes a reader has already
 * bounded (every dim a safe integer, the product checked against the byte range), `numelBig` for the checks
 * themselves, where the product can pass 2^53.
 */

/**
 * Elements of a tensor of this shape (1 for a scalar `[]`). An index loop: this runs once per key or link in a
 * short-lived process, mostly in V8's interpreter, where each for-of step allocates an iterator result.
 */
export function numel(shape: readonly number[]): number {
  let n = 1
  for (let i = 0; i < shape.length; i++) n *= shape[i]!
  return n
}

/** Elements of one row of a tensor: its dims after the first multiplied (`numel(shape.slice(1))` without the copy). */
export function rowNumel(shape: readonly number[]): number {
  let n = 1
  for (let i = 1; i < shape.length; i++) n *= shape[i]!
  return n
}

/** The same as a BigInt: exact for any shape. */
export function numelBig(shape: readonly (number | bigint)[]): bigint {
  let n = 1n
  for (const d of shape) n *= BigInt(d)
  return n
}
