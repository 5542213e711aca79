/**
 * A safetensors writer for fixtures, tests and examples. It writes the layout of docs/reference/formats.md §1.1: an 8-byte
 * little-endian header length, the JSON header padded with spaces to a multiple of 8 (as the reference writer
 * does), then the data buffer. By default the data is left sparse (the file is extended with `truncate`), so a
 * 28.6 GB Wan-shaped checkpoint costs a few KB of disk while every reader sees its full apparent size.
 *
 * Tensors are written in the order given (the reference writer sorts by dtype then name; we keep the caller's
 * order so fixtures are predictable). Everything here is for *valid* files: it throws on inputs the reader would
 * reject. Bad files are built byte by byte in fixtures/safetensors.ts.
 */
import { closeSync, openSync, writeSync, ftruncateSync } from 'node:fs'
import { fsPromises } from '../builtins.js'
import { SAFETENSORS_DTYPE_BITS, isSafetensorsDtype } from '../dtypes.js'

export interface TensorSpec {
  name: string
  shape: readonly number[]
  dtype: string
}

export interface EncodedSafetensorsHeader {
  /** The 8-byte length prefix followed by the padded JSON header: the first `header.length` bytes of the file. */
  header: Uint8Array
  /** Header JSON length N (a multiple of 8); data starts at byte 8 + N. */
  headerLength: number
  /** Relative data offsets [begin, end) per tensor, in the order given. */
  offsets: Array<{ name: string; begin: bigint; end: bigint }>
  /** Size of the data buffer: the file is `header.length + dataBytes` bytes long. */
  dataBytes: bigint
}

/** Bytes a tensor occupies (BigInt: shapes of big models pass 2^32 elements, and sums pass 2^53 bits). */
export function tensorByteSize(spec: TensorSpec): bigint {
  if (!isSafetensorsDtype(spec.dtype))
    throw new Error(`unknown safetensors dtype ${spec.dtype} for ${spec.name}`)
  let numel = 1n
  for (const d of spec.shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new Error(`bad dimension ${d} in ${spec.name}`)
    numel *= BigInt(d)
  }
  const bits = numel * BigInt(SAFETENSORS_DTYPE_BITS[spec.dtype] as number)
  if (bits % 8n !== 0n)
    throw new Error(`${spec.name}: ${numel} elements of ${spec.dtype} are not whole bytes`)
  return bits / 8n
}

/**
 * Build the header for `tensors` (names must be unique; `__metadata__` is reserved). The JSON is built by hand so
 * that key order is exactly the tensor order and a key like `__proto__` is written like any other.
 */
export function encodeSafetensorsHeader(
  tensors: readonly TensorSpec[],
  metadata?: Readonly<Record<string, string>>
): EncodedSafetensorsHeader {
  const parts: string[] = []
  if (metadata !== undefined) {
    const entries = Object.keys(metadata).map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`)
    parts.push(`"__metadata__":{${entries.join(',')}}`)
  }
  const seen = new Set<string>()
  const offsets: EncodedSafetensorsHeader['offsets'] = []
  let cursor = 0n
  for (const t of tensors) {
    if (t.name === '__metadata__') throw new Error('__metadata__ is not a valid tensor name')
    if (seen.has(t.name)) throw new Error(`duplicate tensor name ${t.name}`)
    seen.add(t.name)
    const size = tensorByteSize(t)
    const begin = cursor
    cursor += size
    offsets.push({ name: t.name, begin, end: cursor })
    parts.push(
      `${JSON.stringify(t.name)}:{"dtype":${JSON.stringify(t.dtype)},"shape":[${t.shape.join(',')}],` +
        `"data_offsets":[${begin},${cursor}]}`
    )
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`)
  const headerLength = Math.ceil(json.length / 8) * 8
  const header = new Uint8Array(8 + headerLength).fill(0x20, 8 + json.length)
  new DataView(header.buffer).setBigUint64(0, BigInt(headerLength), true)
  header.set(json, 8)
  return { header, headerLength, offsets, dataBytes: cursor }
}

export type SafetensorsData = 'sparse' | 'zeros' | ((name: string) => Uint8Array)

export interface WriteSafetensorsOptions {
  metadata?: Readonly<Record<string, string>>
  /**
   * 'sparse' (default): write the header and extend the file to its full size with truncate (holes read as zeros).
   * 'zeros': write real zero bytes (small files only). A function: the bytes of each tensor, exactly its size.
   */
  data?: SafetensorsData
}

export interface WrittenSafetensors extends EncodedSafetensorsHeader {
  path: string
  /** Apparent size of the written file. */
  fileSize: number
}

const ZERO_CHUNK = 1 << 20

function fileSizeOf(enc: EncodedSafetensorsHeader): number {
  const total = BigInt(enc.header.length) + enc.dataBytes
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('file too large')
  return Number(total)
}

function tensorBytes(
  data: Exclude<SafetensorsData, 'sparse' | 'zeros'>,
  o: { name: string; begin: bigint; end: bigint }
): Uint8Array {
  const bytes = data(o.name)
  if (BigInt(bytes.length) !== o.end - o.begin) {
    throw new Error(`data for ${o.name} is ${bytes.length} bytes; the tensor needs ${o.end - o.begin}`)
  }
  return bytes
}

/** Write a valid safetensors file (sparse by default). Overwrites `path`. */
export async function writeSafetensors(
  path: string,
  tensors: readonly TensorSpec[],
  opts: WriteSafetensorsOptions = {}
): Promise<WrittenSafetensors> {
  const enc = encodeSafetensorsHeader(tensors, opts.metadata)
  const fileSize = fileSizeOf(enc)
  const data = opts.data ?? 'sparse'
  // loaded here: `convert` imports this module for the header encoder and never writes through this function
  const fh = await fsPromises().open(path, 'w')
  try {
    await fh.write(enc.header, 0, enc.header.length, 0)
    let pos = enc.header.length
    if (data === 'zeros') {
      const zeros = new Uint8Array(Math.min(ZERO_CHUNK, Math.max(1, fileSize - pos)))
      while (pos < fileSize) {
        const n = Math.min(zeros.length, fileSize - pos)
        await fh.write(zeros, 0, n, pos)
        pos += n
      }
    } else if (typeof data === 'function') {
      for (const o of enc.offsets) {
        const bytes = tensorBytes(data, o)
        if (bytes.length > 0) await fh.write(bytes, 0, bytes.length, pos)
        pos += bytes.length
      }
    }
    await fh.truncate(fileSize)
  } finally {
    await fh.close()
  }
  return { ...enc, path, fileSize }
}

/** Synchronous twin of `writeSafetensors`, for fixture generators that run outside async code. */
export function writeSafetensorsSync(
  path: string,
  tensors: readonly TensorSpec[],
  opts: WriteSafetensorsOptions = {}
): WrittenSafetensors {
  const enc = encodeSafetensorsHeader(tensors, opts.metadata)
  const fileSize = fileSizeOf(enc)
  const data = opts.data ?? 'sparse'
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, enc.header, 0, enc.header.length, 0)
    let pos = enc.header.length
    if (data === 'zeros') {
      const zeros = new Uint8Array(Math.min(ZERO_CHUNK, Math.max(1, fileSize - pos)))
      while (pos < fileSize) {
        const n = Math.min(zeros.length, fileSize - pos)
        writeSync(fd, zeros, 0, n, pos)
        pos += n
      }
    } else if (typeof data === 'function') {
      for (const o of enc.offsets) {
        const bytes = tensorBytes(data, o)
        if (bytes.length > 0) writeSync(fd, bytes, 0, bytes.length, pos)
        pos += bytes.length
      }
    }
    ftruncateSync(fd, fileSize)
  } finally {
    closeSync(fd)
  }
  return { ...enc, path, fileSize }
}
