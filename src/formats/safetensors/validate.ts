/**
 * Step 8 of the safetensors rules (docs/reference/formats.md §1.4) on a parsed header: offsets contiguous from 0
 * in (begin, end) order, sizes exact in u64 arithmetic, with the reference crate's error names. Split from
 * read.ts, which parses; see there for the deliberate differences from the reference.
 */
import { SAFETENSORS_DTYPE_BITS } from '../dtypes.js'
import { CheckpointError } from '../errors.js'
import type { TensorInfo } from '../types.js'
import { ascending } from '../../util/order.js'

const U64_MAX = (1n << 64n) - 1n
export const MAX_SAFE = Number.MAX_SAFE_INTEGER

/**
 * The tensors of a header as parsed, in header order. Each `TensorInfo` is built as its member is read (shape,
 * dtype and absolute byte range are final; validation only checks and reorders), and the offsets are kept beside
 * them as JS numbers: when every value is at most 2^53-1 (always, in files real writers emit) validation needs no
 * BigInt, which in the interpreter a short CLI run stays in costs an allocation per value. An entry with a larger
 * value keeps its exact u64 values in `exact`, and the header is then validated with BigInts as the reference
 * does (`validateExact`), with the same results.
 */
export interface Parsed {
  tensors: TensorInfo[]
  begins: number[]
  ends: number[]
  /** By index: the exact values of an entry holding a value past 2^53-1. */
  exact: Map<number, ExactValues>
  /** Some absolute offset is past 2^53-1 (or some value is): validate with BigInts. */
  needsExact: boolean
  metadata: Record<string, string>
}

/** The exact values of an entry: the reference's ValidationOverflow needs the u64 values. */
export interface ExactValues {
  dims: bigint[]
  begin: bigint
  end: bigint
}

/** Bits per element by dtype, without a prototype: `BITS[x] === undefined` is exactly "not a dtype". */
export const BITS: Record<string, number | undefined> = Object.assign(
  Object.create(null),
  SAFETENSORS_DTYPE_BITS
)

/** What step 8 gives: the tensors in file order, and the size of the data buffer (the last end). */
export interface Validated {
  tensors: TensorInfo[]
  dataBytes: bigint
}

/**
 * Step 8 of §1.4: contiguous offsets from 0 in (begin, end) order, exact sizes. With numbers when every value and
 * every absolute offset is below 2^53 (comparisons and sums then exact); a product that passes 2^53 is redone
 * with BigInts for that tensor. Otherwise `validateExact`, the reference's u64 arithmetic throughout.
 */
export function validate(p: Parsed, name: string): Validated {
  if (p.needsExact) return validateExact(p, name)
  const { tensors, begins, ends } = p
  const order = fileOrder(begins, ends)
  let start = 0
  const out = order === undefined ? tensors : new Array<TensorInfo>(tensors.length)
  for (let k = 0; k < tensors.length; k++) {
    const i = order === undefined ? k : (order[k] as number)
    const t = tensors[i] as TensorInfo
    const begin = begins[i] as number
    const end = ends[i] as number
    if (begin !== start || end < begin) throw invalidOffset(name, t.name, begin, end, start)
    start = end
    const dims = t.shape
    let numel = 1
    for (let j = 0; j < dims.length && numel <= MAX_SAFE; j++) numel *= dims[j] as number
    const nbits = numel * (BITS[t.dtype] as number)
    if (nbits > MAX_SAFE) checkSize(name, t.name, t.dtype, dims.map(BigInt), BigInt(begin), BigInt(end))
    else if (nbits % 8 !== 0) throw misaligned(name, t.name, t.dtype, numel)
    else if (end - begin !== nbits / 8) throw invalidInfo(name, t.name, t.dtype, dims, nbits / 8, end - begin)
    if (order !== undefined) out[k] = t
  }
  return { tensors: out, dataBytes: BigInt(start) }
}

/**
 * The indices in (begin, end) order, or undefined when the header is in that order already: writers emit offset
 * order, so check before paying for a sort. Ties keep header order (zero-sized tensors sharing an offset).
 */
function fileOrder<T extends number | bigint>(
  begins: readonly T[],
  ends: readonly T[]
): number[] | undefined {
  for (let i = 1; i < begins.length; i++) {
    const a = begins[i - 1] as T
    const b = begins[i] as T
    if (a > b || (a === b && (ends[i - 1] as T) > (ends[i] as T))) {
      return begins
        .map((_, j) => j)
        .sort(
          (x, y) =>
            ascending(begins[x] as T, begins[y] as T) || ascending(ends[x] as T, ends[y] as T) || x - y
        )
    }
  }
  return undefined
}

/** `validate` with the exact u64 values, for a header holding a value or an absolute offset past 2^53-1. */
function validateExact(p: Parsed, name: string): Validated {
  const values = p.tensors.map(
    (t, i): ExactValues =>
      p.exact.get(i) ?? {
        dims: t.shape.map(BigInt),
        begin: BigInt(p.begins[i] as number),
        end: BigInt(p.ends[i] as number)
      }
  )
  const order = fileOrder(
    values.map((v) => v.begin),
    values.map((v) => v.end)
  )
  let start = 0n
  const out: TensorInfo[] = []
  for (let k = 0; k < values.length; k++) {
    const i = order === undefined ? k : (order[k] as number)
    const t = p.tensors[i] as TensorInfo
    const v = values[i] as ExactValues
    if (v.begin !== start || v.end < v.begin) throw invalidOffset(name, t.name, v.begin, v.end, start)
    start = v.end
    checkSize(name, t.name, t.dtype, v.dims, v.begin, v.end)
    out.push(t)
  }
  return { tensors: out, dataBytes: start }
}

/** The size rules of step 8 for one tensor, in u64 arithmetic as the reference computes them. */
export function checkSize(
  name: string,
  tensor: string,
  dtype: string,
  dims: bigint[],
  begin: bigint,
  end: bigint
): void {
  let numel = 1n
  for (const d of dims) {
    numel *= d
    if (numel > U64_MAX) throw overflow(name, tensor, dtype, dims)
  }
  const nbits = numel * BigInt(BITS[dtype] as number)
  if (nbits > U64_MAX) throw overflow(name, tensor, dtype, dims)
  if (nbits % 8n !== 0n) throw misaligned(name, tensor, dtype, numel)
  if (end - begin !== nbits / 8n) throw invalidInfo(name, tensor, dtype, dims, nbits / 8n, end - begin)
}

// The messages below take numbers or BigInts: both print the same digits.

function invalidOffset(
  name: string,
  tensor: string,
  begin: number | bigint,
  end: number | bigint,
  start: number | bigint
): CheckpointError {
  return new CheckpointError(
    'InvalidOffset',
    name,
    `invalid offset for tensor ${JSON.stringify(tensor)}: data_offsets [${begin}, ${end}] ` +
      `but the previous tensor ended at ${start} (overlap, hole or begin > end)`
  )
}

function misaligned(name: string, tensor: string, dtype: string, numel: number | bigint): CheckpointError {
  return new CheckpointError(
    'MisalignedSlice',
    name,
    `tensor ${JSON.stringify(tensor)}: ${numel} elements of ${dtype} do not fill whole bytes`
  )
}

function invalidInfo(
  name: string,
  tensor: string,
  dtype: string,
  dims: readonly (number | bigint)[],
  needs: number | bigint,
  span: number | bigint
): CheckpointError {
  return new CheckpointError(
    'TensorInvalidInfo',
    name,
    `invalid shape, data type, or offset for tensor ${JSON.stringify(tensor)}: shape [${dims.join(',')}] of ` +
      `${dtype} needs ${needs} bytes but data_offsets span ${span}`
  )
}

function overflow(name: string, tensor: string, dtype: string, dims: readonly bigint[]): CheckpointError {
  return new CheckpointError(
    'ValidationOverflow',
    name,
    `overflow computing buffer size from shape and/or element type for tensor ${JSON.stringify(tensor)}: ` +
      `shape [${dims.join(',')}] of ${dtype}`
  )
}
