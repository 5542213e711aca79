/**
 * safetensors reader: reads only the 8-byte length and the N-byte JSON header, then applies the reference crate's
 * validation (`SafeTensors::read_metadata`, docs/reference/formats.md §1.4) in the same order and with the same error names, so
 * a file we accept is a file the reference loads and vice versa. Deliberate differences, each stricter or more
 * precise than the reference and each named in the error detail:
 * - duplicate keys are `InvalidHeaderDeserialization` ("duplicate key"); serde keeps the last one and the first
 *   range then surfaces as a misleading `InvalidOffset` (safetensors issue #401);
 * - a dimension past 2^53-1 that survives validation (possible only next to a 0 dimension) is rejected, because a
 *   `TensorInfo.shape` holds safe JS numbers; offsets are BigInt throughout and need no such rule.
 */
import { Buffer } from 'node:buffer'
import { SAFETENSORS_DTYPE_BITS, isSafetensorsDtype } from '../dtypes.js'
import { fileBudget, type FileBudget, type ReadBudget } from '../budget.js'
import { CheckpointError } from '../errors.js'
import {
  JsonSyntaxError,
  describeJsonType,
  isJsonObject,
  isJsonNumber,
  parseStrictJsonMembers,
  parseU64,
  type JsonObject,
  type MemberFastPath,
  type JsonValue
} from '../json/strict.js'
import type { ByteSource } from '../source.js'
import type { Checkpoint, TensorInfo } from '../types.js'
import { SAFETENSORS_LIMITS } from '../limits.js'
import { ascending } from '../../util/order.js'

export const MAX_SAFETENSORS_HEADER = SAFETENSORS_LIMITS.maxHeaderBytes

export interface SafetensorsHeader {
  /** N, the JSON header length; data starts at byte 8 + N. */
  headerLength: number
  /** Tensors sorted by data offsets (file order), byte ranges absolute in the file. */
  tensors: TensorInfo[]
  /** `__metadata__` (string to string), null-prototype; empty when absent. */
  metadata: Record<string, string>
  /** Size of the data buffer (the last END). */
  dataBytes: bigint
}

const U64_MAX = (1n << 64n) - 1n

/**
 * Steps 1–5 of §1.4 on the first 8 bytes (fewer if the file is shorter): returns N. `fileSize` is the whole file.
 */
export function checkSafetensorsPrefix(prefix: Uint8Array, fileSize: number, name: string): number {
  if (fileSize < 8 || prefix.length < 8) {
    throw new CheckpointError(
      'HeaderTooSmall',
      name,
      `header too small: the file has ${fileSize} bytes, needs 8`
    )
  }
  const n = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true)
  if (n > BigInt(MAX_SAFETENSORS_HEADER)) {
    throw new CheckpointError(
      'HeaderTooLarge',
      name,
      `header too large: declared header length ${n} exceeds the limit of ${MAX_SAFETENSORS_HEADER} bytes`
    )
  }
  const len = Number(n)
  if (len + 8 > fileSize) {
    throw new CheckpointError(
      'InvalidHeaderLength',
      name,
      `invalid header length: declared ${len} header bytes but the file has only ${fileSize - 8} after the prefix`
    )
  }
  return len
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Steps 6–9 of §1.4 on the N header bytes (`header` excludes the 8-byte prefix). `fileSize` is the size of the
 * whole file; `name` names it in errors and in each tensor's byte range.
 */
export function parseSafetensorsHeader(
  header: Uint8Array,
  fileSize: number,
  name: string,
  budget?: FileBudget
): SafetensorsHeader {
  const headerLength = header.length
  let text: string
  try {
    text = utf8.decode(header)
  } catch (e) {
    throw new CheckpointError('InvalidHeader', name, `invalid UTF-8 in header`, { cause: e })
  }
  const raw = deserialize(text, name, budget)
  const { tensors, dataBytes, exact } = validate(raw.tensors, name, headerLength, raw.lastEnd)
  const total = 8n + BigInt(headerLength) + dataBytes
  if (total !== BigInt(fileSize)) {
    throw new CheckpointError(
      'MetadataIncompleteBuffer',
      name,
      `incomplete metadata, file not fully covered: header and tensors account for ${total} bytes ` +
        `but the file has ${fileSize}` +
        (total < BigInt(fileSize) ? ' (trailing data)' : ' (tensor data past the end of the file)')
    )
  }
  // only an exact (BigInt) validation can have let a dimension past 2^53-1 through
  if (exact) for (const t of tensors) {
    if (t.shape.some((d) => !Number.isSafeInteger(d))) {
      throw new CheckpointError(
        'InvalidHeaderDeserialization',
        name,
        `tensor ${JSON.stringify(t.name)} has a dimension above 2^53-1, which this reader cannot represent`
      )
    }
  }
  return { headerLength, tensors, metadata: raw.metadata, dataBytes }
}

export interface SafetensorsReadOptions {
  /** The file's budget (tensors per file and per run); a fresh default one when absent. */
  budget?: FileBudget | ReadBudget
}

/** Read a safetensors checkpoint's header (exactly 8 + N bytes) and describe it. */
export async function readSafetensors(
  source: ByteSource,
  options: SafetensorsReadOptions = {}
): Promise<Checkpoint> {
  const name = source.name
  const budget = fileBudget(name, options.budget)
  const prefix = source.size >= 8 ? await source.read(0, 8) : new Uint8Array(0)
  const n = checkSafetensorsPrefix(prefix, source.size, name)
  if (n > COUNT_FIRST_BYTES) await countTensorEntries(source, n, budget)
  const header = await source.read(8, n)
  const parsed = parseSafetensorsHeader(header, source.size, name, budget)
  return {
    path: name,
    format: 'safetensors',
    bytes: source.size,
    tensors: parsed.tensors,
    metadata: parsed.metadata,
    globals: [],
    warnings: []
  }
}

/** Headers above this are counted in chunks before being read and parsed whole. */
const COUNT_FIRST_BYTES = 4 * 1024 * 1024
const COUNT_CHUNK_BYTES = 4 * 1024 * 1024
const OFFSETS_KEY = new TextEncoder().encode('"data_offsets"')

/**
 * Every tensor entry has a `data_offsets` member: count them in chunks, without decoding, so a header of
 * millions of tensors fails the tensor budget after a few MB instead of costing gigabytes to parse. (A key or a
 * metadata value can also hold the text; that only counts more.)
 */
async function countTensorEntries(source: ByteSource, n: number, budget: FileBudget): Promise<void> {
  const limit = budget.limits.maxTensorsPerFile
  let count = 0
  const overlap = OFFSETS_KEY.length - 1
  for (let at = 0; at < n; at += COUNT_CHUNK_BYTES) {
    const from = Math.max(0, at - overlap)
    const chunk = await source.read(8 + from, Math.min(n, at + COUNT_CHUNK_BYTES) - from)
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    // the window reaches back by one byte less than the key: an occurrence across the chunk boundary is whole
    // in this window and in no earlier one
    for (let i = buf.indexOf(OFFSETS_KEY); i >= 0; i = buf.indexOf(OFFSETS_KEY, i + 1)) count++
    if (count > limit) budget.checkTensorCount(count, 'the header')
  }
}

/**
 * One tensor entry as parsed. Values are JS numbers when every one of the entry is at most 2^53-1 (always, in files
 * real writers emit): the per-tensor work then needs no BigInt, which in the interpreter a short CLI run stays in
 * costs an allocation per value. An entry with a larger value also keeps the exact u64 values in `big`, and the
 * whole header is then validated with BigInts as the reference does (`validateExact`), with the same results.
 */
interface RawTensor {
  name: string
  dtype: string
  dims: number[]
  begin: number
  end: number
  big: ExactValues | undefined
}

/** The exact values of an entry: the reference's ValidationOverflow needs the u64 values. */
interface ExactValues {
  dims: bigint[]
  begin: bigint
  end: bigint
}

/** Bits per element by dtype, without a prototype: `BITS[x] === undefined` is exactly "not a dtype". */
const BITS: Record<string, number | undefined> = Object.assign(Object.create(null), SAFETENSORS_DTYPE_BITS)

/** Decimal integers of at most this many digits are below 2^53 (10^15 < 2^53 < 10^16): `Number` is exact. */
const SAFE_DIGITS = 15

function deserialize(
  text: string,
  name: string,
  budget?: FileBudget
): { tensors: RawTensor[]; metadata: Record<string, string>; lastEnd: number } {
  const bad = (detail: string, cause?: unknown): CheckpointError =>
    new CheckpointError('InvalidHeaderDeserialization', name, `invalid JSON in header: ${detail}`, { cause })
  const metadata = Object.create(null) as Record<string, string>
  const tensors: RawTensor[] = []
  let lastEnd = 0
  // Tensors are charged to the budget in one call at the end, not one call per tensor: `room` is what the budget
  // allows now (nothing else runs during this synchronous parse), and the tensor that goes past it is charged
  // alone, so the error and what stays charged are those of one `addTensors(1)` per tensor.
  const room =
    budget === undefined
      ? Infinity
      : Math.min(
          budget.limits.maxTensorsPerFile - budget.tensors,
          budget.limits.maxTensorsPerRun - budget.run.tensors
        )
  let counted = 0
  let charged = 0
  const overBudget = (): void => {
    const b = budget as FileBudget
    b.addTensors(counted - 1 - charged)
    charged = counted
    b.addTensors(1)
  }
  const onMember = (key: string, value: JsonValue): void => {
    if (key === '__metadata__') {
      if (value === null) return
      if (!isJsonObject(value)) throw bad(`__metadata__ must be an object, found ${describeJsonType(value)}`)
      for (const [mk, mv] of value) {
        if (typeof mv !== 'string') {
          throw bad(
            `__metadata__ value for ${JSON.stringify(mk)} must be a string, found ${describeJsonType(mv)}`
          )
        }
        metadata[mk] = mv
      }
      return
    }
    const t = tensorEntry(key, value, bad)
    if (++counted > room) overBudget()
    tensors.push(t)
    if (t.end > lastEnd) lastEnd = t.end
  }
  const fastPath: MemberFastPath = {
    depth: 2,
    take(json, at, seen) {
      let taken = -1
      for (;;) {
        TENSOR_MEMBER.lastIndex = at
        const m = TENSOR_MEMBER.exec(json)
        if (m === null) return taken
        const key = m[1] as string
        const dtype = m[2] as string
        const b = m[4] as string
        const e = m[5] as string
        if (key === '__metadata__' || BITS[dtype] === undefined) return taken
        const shape = m[3]
        let dims: number[]
        let long = b.length > SAFE_DIGITS || e.length > SAFE_DIGITS
        if (shape === undefined) dims = []
        else {
          const parts = shape.split(',')
          dims = new Array<number>(parts.length)
          for (let i = 0; i < parts.length; i++) dims[i] = +(parts[i] as string)
          if (shape.length > SAFE_DIGITS && !long) long = parts.some((d) => d.length > SAFE_DIGITS)
        }
        // charged before the duplicate check: a member taken here is charged as soon as it is read
        if (++counted > room) overBudget()
        if (seen.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, at)
        seen.add(key)
        const end = +e
        tensors.push({
          name: key,
          dtype,
          dims,
          begin: +b,
          end,
          // the regular expression bounds every value to 19 digits, below 2^64
          big: long ? exactValues(shape, b, e) : undefined
        })
        if (end > lastEnd) lastEnd = end
        taken = TENSOR_MEMBER.lastIndex
        if (json.charCodeAt(taken) !== 0x2c || json.charCodeAt(taken + 1) !== 0x22) return taken
        at = taken + 1
      }
    }
  }
  try {
    parseStrictJsonMembers(text, onMember, { fastPath })
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw bad(e.message, e)
    throw e
  } finally {
    // what was read before an error stays charged, as with one charge per tensor
    if (counted > charged) budget?.addTensors(counted - charged)
  }
  return { tensors, metadata, lastEnd }
}

/** The exact values of a fast-path member with a value of more than SAFE_DIGITS digits. */
function exactValues(shape: string | undefined, begin: string, end: string): ExactValues | undefined {
  const dims = shape === undefined ? [] : shape.split(',').map(BigInt)
  const max = BigInt(Number.MAX_SAFE_INTEGER)
  const b = BigInt(begin)
  const e = BigInt(end)
  return b > max || e > max || dims.some((d) => d > max) ? { dims, begin: b, end: e } : undefined
}

/**
 * One tensor member exactly as writers emit it (compact, keys in the reference order), for the fast path of
 * `deserialize`: a key without escapes or control characters, a dtype, dims and offsets as plain non-negative
 * integers of at most 19 digits (so below 2^64 without a check; a 20-digit value takes the strict path). Whatever
 * else (whitespace, other key orders, extra fields, escapes) is read by the strict parser, with the same result.
 */
// The control characters are the point: a JSON string may not hold them unescaped, so such a key is left to the
// strict parser and its error.
const TENSOR_MEMBER =
  // eslint-disable-next-line no-control-regex
  /"([^"\\\x00-\x1f]*)":\{"dtype":"([A-Z0-9_]{1,16})","shape":\[((?:0|[1-9][0-9]{0,18})(?:,(?:0|[1-9][0-9]{0,18}))*)?\],"data_offsets":\[(0|[1-9][0-9]{0,18}),(0|[1-9][0-9]{0,18})\]\}/y

function tensorEntry(key: string, value: JsonValue, bad: (detail: string) => CheckpointError): RawTensor {
  const what = `tensor ${JSON.stringify(key)}`
  if (!isJsonObject(value)) throw bad(`${what} must be an object, found ${describeJsonType(value)}`)
  const entry: JsonObject = value
  // serde ignores unknown fields of TensorInfo; so do we (their values were still parsed strictly).
  const dtype = entry.get('dtype')
  if (typeof dtype !== 'string')
    throw bad(`${what}: dtype must be a string, found ${describeJsonType(dtype)}`)
  if (!isSafetensorsDtype(dtype)) throw bad(`${what}: unknown dtype ${JSON.stringify(dtype)}`)
  const shape = entry.get('shape')
  if (!Array.isArray(shape)) throw bad(`${what}: shape must be an array, found ${describeJsonType(shape)}`)
  const dims: bigint[] = []
  for (const d of shape) {
    const v = isJsonNumber(d) ? parseU64(d) : undefined
    if (v === undefined) {
      const found = isJsonNumber(d) ? d.raw : describeJsonType(d)
      throw bad(`${what}: shape entries must be non-negative integers below 2^64, found ${found}`)
    }
    dims.push(v)
  }
  const offsets = entry.get('data_offsets')
  if (!Array.isArray(offsets) || offsets.length !== 2) {
    throw bad(`${what}: data_offsets must be an array of 2 integers`)
  }
  const [b, e] = offsets.map((o) => (isJsonNumber(o) ? parseU64(o) : undefined))
  if (b === undefined || e === undefined) {
    throw bad(
      `${what}: data_offsets must be non-negative integers below 2^64, found [${offsets.map((o) => (isJsonNumber(o) ? o.raw : describeJsonType(o)))}]`
    )
  }
  const max = BigInt(Number.MAX_SAFE_INTEGER)
  const exact = b > max || e > max || dims.some((d) => d > max)
  return {
    name: key,
    dtype,
    dims: dims.map((d) => Number(d)),
    begin: Number(b),
    end: Number(e),
    big: exact ? { dims, begin: b, end: e } : undefined
  }
}

/** What step 8 gives: the tensors in file order, and the size of the data buffer (the last end). */
interface Validated {
  tensors: TensorInfo[]
  dataBytes: bigint
  /** Validated with BigInts: a dimension may be past 2^53-1 (see `parseSafetensorsHeader`). */
  exact: boolean
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER

/**
 * Step 8 of §1.4: contiguous offsets from 0 in (begin, end) order, exact sizes. With numbers when every value and
 * every absolute offset is below 2^53 (comparisons and sums then exact); a product that passes 2^53 is redone
 * with BigInts for that tensor. Anything larger takes `validateExact`, the reference's u64 arithmetic throughout.
 */
function validate(raw: RawTensor[], name: string, headerLength: number, lastEnd: number): Validated {
  const dataStart = 8 + headerLength
  if (dataStart + lastEnd > MAX_SAFE || raw.some((t) => t.big !== undefined)) {
    return validateExact(raw, name, BigInt(dataStart))
  }
  // Writers emit offset order, so check before paying for a sort. The sort is stable, so zero-sized tensors
  // sharing an offset keep header order.
  let sorted = raw
  for (let i = 1; i < raw.length; i++) {
    const a = raw[i - 1] as RawTensor
    const b = raw[i] as RawTensor
    if (a.begin > b.begin || (a.begin === b.begin && a.end > b.end)) {
      sorted = sortByOffsets(raw)
      break
    }
  }
  let start = 0
  const out: TensorInfo[] = new Array<TensorInfo>(sorted.length)
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i] as RawTensor
    if (t.begin !== start || t.end < t.begin) throw invalidOffset(name, t, start)
    start = t.end
    const dims = t.dims
    let numel = 1
    for (let j = 0; j < dims.length && numel <= MAX_SAFE; j++) numel *= dims[j] as number
    const nbits = numel * (BITS[t.dtype] as number)
    if (nbits > MAX_SAFE) checkSize(name, t.name, t.dtype, dims.map(BigInt), BigInt(t.begin), BigInt(t.end))
    else if (nbits % 8 !== 0) throw misaligned(name, t.name, t.dtype, numel)
    else if (t.end - t.begin !== nbits / 8) throw invalidInfo(name, t.name, t.dtype, dims, nbits / 8, t.end - t.begin)
    out[i] = {
      name: t.name,
      shape: dims,
      dtype: t.dtype,
      byteRange: { file: name, start: BigInt(dataStart + t.begin), end: BigInt(dataStart + t.end) }
    }
  }
  return { tensors: out, dataBytes: BigInt(start), exact: false }
}

function sortByOffsets<T extends { begin: number | bigint; end: number | bigint }>(raw: T[]): T[] {
  return raw
    .map((t, j) => ({ t, j }))
    .sort((x, y) => ascending(x.t.begin, y.t.begin) || ascending(x.t.end, y.t.end) || x.j - y.j)
    .map((x) => x.t)
}

/** `validate` with the exact u64 values, for a header holding a value past 2^53-1. */
function validateExact(raw: RawTensor[], name: string, dataStart: bigint): Validated {
  const exact = raw.map((t) => ({
    name: t.name,
    dtype: t.dtype,
    dims: t.big?.dims ?? t.dims.map(BigInt),
    begin: t.big?.begin ?? BigInt(t.begin),
    end: t.big?.end ?? BigInt(t.end)
  }))
  let sorted = exact
  for (let i = 1; i < exact.length; i++) {
    const a = exact[i - 1] as (typeof exact)[number]
    const b = exact[i] as (typeof exact)[number]
    if (a.begin > b.begin || (a.begin === b.begin && a.end > b.end)) {
      sorted = sortByOffsets(exact)
      break
    }
  }
  let start = 0n
  const out: TensorInfo[] = []
  for (const t of sorted) {
    if (t.begin !== start || t.end < t.begin) throw invalidOffset(name, t, start)
    start = t.end
    checkSize(name, t.name, t.dtype, t.dims, t.begin, t.end)
    out.push({
      name: t.name,
      // Unsafe dims are rejected after the buffer check (see the module comment); Number() here is only storage.
      shape: t.dims.map((d) => Number(d)),
      dtype: t.dtype,
      byteRange: { file: name, start: dataStart + t.begin, end: dataStart + t.end }
    })
  }
  return { tensors: out, dataBytes: start, exact: true }
}

/** The size rules of step 8 for one tensor, in u64 arithmetic as the reference computes them. */
function checkSize(name: string, tensor: string, dtype: string, dims: bigint[], begin: bigint, end: bigint): void {
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
  t: { name: string; begin: number | bigint; end: number | bigint },
  start: number | bigint
): CheckpointError {
  return new CheckpointError(
    'InvalidOffset',
    name,
    `invalid offset for tensor ${JSON.stringify(t.name)}: data_offsets [${t.begin}, ${t.end}] ` +
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
