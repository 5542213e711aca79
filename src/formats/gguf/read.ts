/**
 * GGUF reader (v2 and v3): header, metadata key/values and tensor infos, read as a bounded stream; tensor data is
 * never touched. Validation mirrors ggml's `gguf_init_from_file_impl` (docs/reference/formats.md §4.5) and adds what ggml only
 * checks when loading data (tensors inside the file, no overlaps), but accepts what ComfyUI-GGUF writes in the wild:
 * 5-D tensors and names longer than 63 bytes (§4.6).
 */
import type { FileBudget } from '../budget.js'
import { CheckpointError } from '../errors.js'
import { GgufCursor, SHORT, type Short } from './cursor.js'
import { q, readName, ValueReader, valueTypeName } from './values.js'
import {
  GGML_TYPE_COUNT,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_LIMITS,
  GGUF_MAGIC,
  ggmlTensorBytes,
  ggmlTypeById,
  removedGgmlTypeName,
  type GgmlTypeInfo,
  type GgufValueTypeName
} from './types.js'
import type { ByteSource } from '../source.js'
import type { Checkpoint, TensorInfo } from '../types.js'
import { numelBig } from '../../util/numel.js'

export type { GgufArraySummary } from './values.js'

export interface GgufKv {
  key: string
  type: GgufValueTypeName
  /** For arrays: the element type. */
  elementType?: GgufValueTypeName
  /** JSON-safe value (see `readGguf`). */
  value: unknown
}

export interface GgufTensorInfo {
  name: string
  /** ggml order: dims[0] is the fastest-varying dimension. */
  dims: number[]
  /** PyTorch order: reversed dims, or `comfy.gguf.orig_shape.<name>` when present and consistent. */
  shape: number[]
  ggmlType: GgmlTypeInfo
  /** Offset relative to the data section, as stored. */
  offset: bigint
  /** Absolute byte range in the file. */
  start: bigint
  end: bigint
}

export interface GgufHeader {
  version: 2 | 3
  alignment: number
  /** Absolute offset of the tensor data section. */
  dataStart: number
  kv: GgufKv[]
  tensors: GgufTensorInfo[]
  warnings: string[]
}

const ORIG_SHAPE_PREFIX = 'comfy.gguf.orig_shape.'
const INT64_MAX = (1n << 63n) - 1n
/** Smallest possible kv (u64 key length, 1 key byte, u32 type, 1 value byte) and tensor info (empty name, 0 dims). */
const MIN_KV_BYTES = 14
const MIN_TENSOR_INFO_BYTES = 24

/** Reads a GGUF file's header into a `Checkpoint`: tensors in file order, metadata made JSON-safe. */
export async function readGguf(
  source: ByteSource,
  options: { budget?: FileBudget } = {}
): Promise<Checkpoint> {
  const header = await readGgufHeader(source, options.budget)
  options.budget?.addTensors(header.tensors.length)
  const metadata: Record<string, unknown> = {}
  for (const kv of header.kv) {
    // defineProperty: a `__proto__` key becomes an own property instead of replacing the prototype.
    Object.defineProperty(metadata, kv.key, {
      value: kv.value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  const tensors: TensorInfo[] = header.tensors.map((t) => ({
    name: t.name,
    shape: t.shape,
    dtype: t.ggmlType.name,
    byteRange: { file: source.name, start: t.start, end: t.end }
  }))
  return {
    path: source.name,
    format: 'gguf',
    bytes: source.size,
    tensors,
    metadata,
    globals: [],
    warnings: header.warnings
  }
}

/** The GGUF header with ggml-level detail (version, alignment, data start, ggml dims and types). */
export async function readGgufHeader(source: ByteSource, budget?: FileBudget): Promise<GgufHeader> {
  const file = source.name
  const fail = (code: 'InvalidGguf' | 'GgufLimitExceeded' | 'UnsupportedGguf', detail: string): never => {
    throw new CheckpointError(code, file, detail)
  }
  const c = new GgufCursor(source, GGUF_LIMITS.maxHeaderBytes)
  const warnings: string[] = []

  if (!c.has(4)) await c.ensure(4, 'the magic')
  const magic = c.u32()
  if (magic !== GGUF_MAGIC) fail('InvalidGguf', `invalid magic ${hex32(magic)} (expected "GGUF")`)
  if (!c.has(4)) await c.ensure(4, 'the version')
  const version = c.u32()
  if (version === 0) fail('InvalidGguf', 'version 0 is invalid')
  if ((version & 0xffff) === 0) {
    fail(
      'UnsupportedGguf',
      `version field ${hex32(version)} looks byte-swapped: big-endian GGUF is not supported`
    )
  }
  if (version === 1) fail('UnsupportedGguf', 'GGUF v1 (32-bit counts) is no longer supported; convert to v3')
  if (version > 3)
    fail('UnsupportedGguf', `GGUF version ${version} is newer than the supported versions 2 and 3`)

  const tensorCount = await readCount(c, 'tensor count', GGUF_LIMITS.maxTensors, fail)
  budget?.checkTensorCount(tensorCount, 'the GGUF header')
  const kvCount = await readCount(c, 'metadata kv count', GGUF_LIMITS.maxKv, fail)
  const minBytes = kvCount * MIN_KV_BYTES + tensorCount * MIN_TENSOR_INFO_BYTES
  if (minBytes > c.remaining) {
    throw new CheckpointError(
      'Truncated',
      file,
      `${kvCount} key/values and ${tensorCount} tensor infos need at least ${minBytes} bytes after byte ${c.pos}, ` +
        `but only ${c.remaining} remain`
    )
  }

  const values = new ValueReader(c, file, warnings)
  const kv: GgufKv[] = []
  const keys = new Set<string>()
  let alignment = GGUF_DEFAULT_ALIGNMENT
  const origShapes = new Map<string, GgufKv>()
  for (let i = 0; i < kvCount;) {
    // One step: the key and its value type (checked before the type is read, added once both are in).
    const at = c.pos
    const key = readName(c, file, 'key of metadata entry', i)
    if (key === SHORT) {
      await c.refill(at)
      continue
    }
    if (key.length === 0) fail('InvalidGguf', `metadata entry ${i} at byte ${at} has an empty key`)
    if (keys.has(key)) fail('InvalidGguf', `duplicate metadata key ${q(key)}`)
    if (!c.has(4)) {
      c.short(4, `value type of ${q(key)}`)
      await c.refill(at)
      continue
    }
    keys.add(key)
    const type = valueTypeName(c.u32(), `value type of ${q(key)}`, fail)
    values.key = key
    const entry: GgufKv = { key, type, value: undefined }
    if (type === 'ARRAY') {
      const arr = await values.array(1, true)
      entry.elementType = arr.elementType
      entry.value = arr.value
    } else {
      const valueAt = c.pos
      let value = values.scalar(type, true)
      while (value === SHORT) {
        await c.refill(valueAt)
        value = values.scalar(type, true)
      }
      entry.value = value
    }
    if (key === 'general.alignment') {
      const a = entry.value
      if (type !== 'UINT32') fail('InvalidGguf', `general.alignment has type ${type}; it must be UINT32`)
      if (typeof a !== 'number' || a === 0 || (a & (a - 1)) !== 0) {
        fail('InvalidGguf', `general.alignment ${String(a)} is not a non-zero power of two`)
      }
      alignment = a as number
    }
    if (key.startsWith(ORIG_SHAPE_PREFIX)) origShapes.set(key.slice(ORIG_SHAPE_PREFIX.length), entry)
    kv.push(entry)
    i++
  }

  const infos: TensorInfoRecord[] = []
  const names = new Set<string>()
  let overFourDims = 0
  for (let i = 0; i < tensorCount;) {
    const at = c.pos
    const info = readTensorInfo(c, file, i, alignment, names)
    if (info === SHORT) {
      await c.refill(at)
      continue
    }
    names.add(info.name)
    if (info.dims.length > 4) overFourDims++
    infos.push(info)
    i++
  }
  if (overFourDims > 0) {
    warnings.push(
      `${overFourDims} tensor(s) have more than 4 dims (ComfyUI-GGUF style; ggml's C loader rejects them)`
    )
  }

  // ggml pads to the alignment only when there are tensors (it seeks only then).
  const dataStart = tensorCount > 0 ? alignUp(c.pos, alignment) : c.pos
  if (dataStart > source.size) {
    throw new CheckpointError(
      'Truncated',
      file,
      `the data section starts at byte ${dataStart} past the end of the ${source.size}-byte file`
    )
  }

  const size = BigInt(source.size)
  const tensors: GgufTensorInfo[] = infos.map((t) => {
    const start = BigInt(dataStart) + t.offset
    const end = start + t.nbytes
    if (end > size) {
      throw new CheckpointError(
        'Truncated',
        file,
        `tensor ${q(t.name)} needs bytes ${start}..${end} but the file has ${size} bytes`
      )
    }
    const shape = origShape(origShapes.get(t.name), t.dims, warnings) ?? [...t.dims].reverse()
    return { name: t.name, dims: t.dims, shape, ggmlType: t.ggmlType, offset: t.offset, start, end }
  })
  checkLayout(tensors, infos, alignment, file, warnings)
  for (const name of origShapes.keys()) {
    if (!names.has(name)) warnings.push(`${q(ORIG_SHAPE_PREFIX + name)} names no tensor in the file`)
  }
  return { version: version as 2 | 3, alignment, dataStart, kv, tensors, warnings }
}

/** No two non-empty tensors share bytes; offsets that are not the ggml-sequential ones only warn. */
function checkLayout(
  tensors: GgufTensorInfo[],
  infos: ReadonlyArray<{ nbytes: bigint }>,
  alignment: number,
  file: string,
  warnings: string[]
): void {
  const byStart = tensors
    .filter((t) => t.end > t.start)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1] as GgufTensorInfo
    const cur = byStart[i] as GgufTensorInfo
    if (cur.start < prev.end) {
      throw new CheckpointError(
        'InvalidGguf',
        file,
        `tensor ${q(cur.name)} (bytes ${cur.start}..${cur.end}) overlaps tensor ${q(prev.name)} (bytes ${prev.start}..${prev.end})`
      )
    }
  }
  let expected = 0n
  const align = BigInt(alignment)
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i] as GgufTensorInfo
    if (t.offset !== expected) {
      warnings.push(
        `tensor ${q(t.name)} has offset ${t.offset}, ggml expects ${expected} (tensors are not stored in info order)`
      )
      break
    }
    const nbytes = (infos[i] as { nbytes: bigint }).nbytes
    expected += ((nbytes + align - 1n) / align) * align
  }
}

/** The ComfyUI-GGUF original shape, if it is an INT32 array with the tensor's element count. */
function origShape(kv: GgufKv | undefined, dims: number[], warnings: string[]): number[] | undefined {
  if (!kv) return undefined
  const v = kv.value
  if (
    kv.type !== 'ARRAY' ||
    kv.elementType !== 'INT32' ||
    !Array.isArray(v) ||
    v.some((d) => typeof d !== 'number' || d < 0)
  ) {
    warnings.push(`${q(kv.key)} is not an array of non-negative INT32; using the reversed ggml dims`)
    return undefined
  }
  const shape = v as number[]
  if (numelBig(shape) !== numelBig(dims)) {
    warnings.push(
      `${q(kv.key)} [${shape.join(', ')}] does not match the tensor's ${numelBig(dims)} elements; ignored`
    )
    return undefined
  }
  return shape
}

async function readCount(
  c: GgufCursor,
  what: string,
  max: number,
  fail: (code: 'GgufLimitExceeded', detail: string) => never
): Promise<number> {
  if (!c.has(8)) await c.ensure(8, `the ${what}`)
  const n = c.u64Small()
  if (n < 0 || n > max)
    fail('GgufLimitExceeded', `${what} ${c.u64At(c.pos - 8)} is above the limit of ${max}`)
  return n
}

type TensorInfoRecord = Omit<GgufTensorInfo, 'start' | 'end' | 'shape'> & { nbytes: bigint }

/**
 * One tensor info (name, dims, type, offset) as a step over the window: SHORT when its bytes are not all in it.
 * Sizes are computed with numbers while they stay below 2^53 and with BigInt past that.
 */
function readTensorInfo(
  c: GgufCursor,
  file: string,
  i: number,
  alignment: number,
  names: ReadonlySet<string>
): TensorInfoRecord | Short {
  const fail = (code: 'InvalidGguf' | 'GgufLimitExceeded', detail: string): never => {
    throw new CheckpointError(code, file, detail)
  }
  const name = readName(c, file, 'name of tensor', i)
  if (name === SHORT) return SHORT
  if (names.has(name)) fail('InvalidGguf', `duplicate tensor name ${q(name)}`)
  if (!c.has(4)) return c.short(4, `n_dims of tensor ${q(name)}`)
  const nDims = c.u32()
  if (nDims > GGUF_LIMITS.maxDims) {
    fail(
      'GgufLimitExceeded',
      `tensor ${q(name)} has ${nDims} dims; at most ${GGUF_LIMITS.maxDims} are supported`
    )
  }
  const dims: number[] = []
  let numel = 1
  let bigNumel: bigint | undefined // the exact count once it passes 2^53
  for (let d = 0; d < nDims; d++) {
    if (!c.has(8)) return c.short(8, `dim ${d} of tensor ${q(name)}`)
    const ne = c.u64Small()
    if (ne < 0) {
      const v = BigInt.asIntN(64, c.u64At(c.pos - 8))
      if (v < 0n) fail('InvalidGguf', `tensor ${q(name)} has negative dim ${d} (${v})`)
      fail('GgufLimitExceeded', `tensor ${q(name)} dim ${d} (${v}) is above 2^53`)
    }
    if (bigNumel === undefined) {
      const product = numel * ne
      if (Number.isSafeInteger(product)) numel = product
      else bigNumel = BigInt(numel) * BigInt(ne)
    } else bigNumel *= BigInt(ne)
    if (bigNumel !== undefined && bigNumel > INT64_MAX)
      fail('InvalidGguf', `tensor ${q(name)} element count overflows int64`)
    dims.push(ne)
  }
  if (!c.has(4)) return c.short(4, `type of tensor ${q(name)}`)
  const typeId = c.u32()
  const ggmlType = ggmlTypeById(typeId)
  if (!ggmlType) {
    const removed = removedGgmlTypeName(typeId)
    fail(
      'InvalidGguf',
      removed
        ? `tensor ${q(name)} has ggml type ${typeId} (${removed}), which ggml removed`
        : `tensor ${q(name)} has unknown ggml type ${typeId} (known ids are below ${GGML_TYPE_COUNT})`
    )
  }
  const type = ggmlType as GgmlTypeInfo
  const ne0 = dims[0] ?? 1
  if (ne0 % type.blockSize !== 0) {
    fail(
      'InvalidGguf',
      `tensor ${q(name)} row length ${ne0} is not a multiple of ${type.name}'s block size ${type.blockSize}`
    )
  }
  const nbytes =
    bigNumel === undefined && Number.isSafeInteger((numel / type.blockSize) * type.typeSize)
      ? BigInt((numel / type.blockSize) * type.typeSize)
      : (ggmlTensorBytes(type, BigInt(ne0), bigNumel ?? BigInt(numel)) as bigint)
  if (!c.has(8)) return c.short(8, `offset of tensor ${q(name)}`)
  const small = c.u64Small()
  const offset = small >= 0 ? BigInt(small) : c.u64At(c.pos - 8)
  if (small >= 0 ? small % alignment !== 0 : offset % BigInt(alignment) !== 0n) {
    fail('InvalidGguf', `tensor ${q(name)} offset ${offset} is not a multiple of the alignment ${alignment}`)
  }
  return { name, dims, ggmlType: type, offset, nbytes }
}

function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`
}
