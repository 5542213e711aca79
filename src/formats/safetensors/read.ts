/**
 * safetensors reader: reads only the 8-byte length and the N-byte JSON header, then applies the reference crate's
 * validation (`SafeTensors::read_metadata`, docs/reference/formats.md §1.4) in the same order and with the same error names, so
 * a file we accept is a file the reference loads and vice versa. Deliberate differences, each stricter or more
 * precise than the reference and each named in the error detail:
 * - duplicate keys are `InvalidHeaderDeserialization` ("duplicate key"); serde keeps the last one and the first
 *   range then surfaces as a misleading `InvalidOffset` (safetensors issue #401);
 * - a dimension past 2^53-1 that survives validation (possible only next to a 0 dimension) is rejected, because a
 *   `TensorInfo.shape` holds safe JS numbers; byte ranges are BigInts and need no such rule.
 * Validation (validate.ts) computes with JS numbers while every value is below 2^53, which is exact, and with
 * BigInts otherwise: the same results, without a BigInt per value for the files real writers emit.
 */
import { Buffer } from 'node:buffer'
import { isSafetensorsDtype } from '../dtypes.js'
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
import { BITS, MAX_SAFE, validate, type ExactValues, type Parsed } from './validate.js'

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
  const parsed = deserialize(text, name, headerLength, budget)
  const { tensors, dataBytes } = validate(parsed, name)
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
  if (parsed.needsExact)
    for (const t of tensors) {
      if (t.shape.some((d) => !Number.isSafeInteger(d))) {
        throw new CheckpointError(
          'InvalidHeaderDeserialization',
          name,
          `tensor ${JSON.stringify(t.name)} has a dimension above 2^53-1, which this reader cannot represent`
        )
      }
    }
  return { headerLength, tensors, metadata: parsed.metadata, dataBytes }
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

/** Decimal integers of at most this many digits are below 2^53 (10^15 < 2^53 < 10^16): `Number` is exact. */
const SAFE_DIGITS = 15

const MAX_SAFE_BIG = BigInt(MAX_SAFE)

function deserialize(text: string, name: string, headerLength: number, budget?: FileBudget): Parsed {
  const bad = (detail: string, cause?: unknown): CheckpointError =>
    new CheckpointError('InvalidHeaderDeserialization', name, `invalid JSON in header: ${detail}`, { cause })
  const metadata = Object.create(null) as Record<string, string>
  const tensors: TensorInfo[] = []
  const begins: number[] = []
  const ends: number[] = []
  const exact = new Map<number, ExactValues>()
  const dataStart = 8 + headerLength
  const dataStartBig = BigInt(dataStart)
  // offsets up to this give absolute offsets below 2^53 as numbers
  const safeOffset = MAX_SAFE - dataStart
  let needsExact = false
  // Shapes repeat (a LoRA has a few dozen distinct ones for thousands of tensors): each distinct shape text is
  // split and converted once, and each tensor gets its own copy of the dims.
  const shapes = new Map<string, number[]>()
  // the last end taken by the fast path, as text, number and absolute BigInt (one value, kept consistent)
  let prevEndText = ''
  let prevEnd = -1
  let prevEndBig = 0n
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
  /** A member read with exact values (the strict path, or a fast-path value of more than SAFE_DIGITS digits). */
  const addExact = (key: string, dtype: string, v: ExactValues): void => {
    if (v.begin > MAX_SAFE_BIG || v.end > MAX_SAFE_BIG || v.dims.some((d) => d > MAX_SAFE_BIG)) {
      exact.set(tensors.length, v)
      needsExact = true
    }
    const begin = Number(v.begin)
    const end = Number(v.end)
    if (begin > safeOffset || end > safeOffset) needsExact = true
    // Unsafe dims are rejected after validation (see the module comment); Number() here is only storage.
    tensors.push({
      name: key,
      shape: v.dims.map((d) => Number(d)),
      dtype,
      byteRange: { file: name, start: dataStartBig + v.begin, end: dataStartBig + v.end }
    })
    begins.push(begin)
    ends.push(end)
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
    addExact(key, t.dtype, t)
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
        if (key === '__metadata__' || BITS[dtype] === undefined) return taken
        const b = m[4] as string
        const e = m[5] as string
        const shape = m[3]
        let dims: number[]
        let long = b.length > SAFE_DIGITS || e.length > SAFE_DIGITS
        if (shape === undefined) dims = []
        else {
          const known = shapes.get(shape)
          if (known !== undefined) dims = known.slice()
          else {
            const parts = shape.split(',')
            dims = new Array<number>(parts.length)
            for (let i = 0; i < parts.length; i++) dims[i] = +(parts[i] as string)
            if (shape.length > SAFE_DIGITS && parts.some((d) => d.length > SAFE_DIGITS)) long = true
            else shapes.set(shape, dims.slice())
          }
        }
        // charged before the duplicate check: a member taken here is charged as soon as it is read
        if (++counted > room) overBudget()
        if (seen.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, at)
        seen.add(key)
        const begin = b === prevEndText ? prevEnd : +b
        const end = +e
        if (long || begin > safeOffset || end > safeOffset) {
          // the regular expression bounds every value to 19 digits, below 2^64
          const dimsBig = shape === undefined ? [] : shape.split(',').map(BigInt)
          addExact(key, dtype, { dims: dimsBig, begin: BigInt(b), end: BigInt(e) })
        } else {
          // Writers put each tensor right after the previous one: its start is the previous end, the same
          // BigInt (a BigInt from a number costs a runtime call, more than the rest of a member together).
          const start = begin === prevEnd ? prevEndBig : BigInt(dataStart + begin)
          prevEndText = e
          prevEnd = end
          prevEndBig = BigInt(dataStart + end)
          tensors.push({ name: key, shape: dims, dtype, byteRange: { file: name, start, end: prevEndBig } })
          begins.push(begin)
          ends.push(end)
        }
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
  return { tensors, begins, ends, exact, needsExact, metadata }
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

function tensorEntry(
  key: string,
  value: JsonValue,
  bad: (detail: string) => CheckpointError
): ExactValues & { dtype: string } {
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
  return { dtype, dims, begin: b, end: e }
}
