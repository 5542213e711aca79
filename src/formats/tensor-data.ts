/**
 * Tensor *data*, read only where a figure cannot be known otherwise: the scalar alpha of each LoRA module (the
 * metadata's network_alpha is a default that per-module scalars override). Bounded: a few bytes per tensor, a
 * bounded number of tensors. The bytes come through the same `open` the checkpoint was read with (a local file,
 * an HTTP range source), so a remote checkpoint's scalars are read over HTTP like its header.
 */
import { CheckpointError } from './errors.js'
import { TENSOR_DATA_LIMITS } from './limits.js'
import { readRanges, type ByteSource } from './source.js'
import type { TensorInfo } from './types.js'

/** Opens a file named by a tensor's `byteRange.file`. */
export type FileOpener = (file: string) => Promise<ByteSource>

/** Bytes per element of the dtypes a scalar can be read in. */
export const SCALAR_DTYPE_BYTES: Readonly<Record<string, number>> = Object.freeze({
  F32: 4,
  F16: 2,
  BF16: 2,
  F64: 8
})

/** True for a one-element tensor of a float dtype whose byte range is exactly that element. */
export function isReadableScalar(t: TensorInfo): boolean {
  const size = Object.hasOwn(SCALAR_DTYPE_BYTES, t.dtype) ? SCALAR_DTYPE_BYTES[t.dtype] : undefined
  return (
    size !== undefined &&
    t.byteRange !== undefined &&
    t.shape.every((d) => d === 1) &&
    t.byteRange.end - t.byteRange.start === BigInt(size)
  )
}

/**
 * The bytes of each tensor, by name, each file opened once. Every tensor must have a byte range of at most
 * `maxTensorBytes`, and there may be at most `maxTensors`: past either, a `CheckpointError` and nothing is read.
 */
export async function readTensorBytes(
  tensors: readonly TensorInfo[],
  open: FileOpener,
  limits: { maxTensors: number; maxTensorBytes: number } = TENSOR_DATA_LIMITS
): Promise<Map<string, Uint8Array>> {
  const byFile = new Map<string, TensorInfo[]>()
  if (tensors.length > limits.maxTensors) {
    const file = tensors[0]?.byteRange?.file ?? ''
    throw new CheckpointError(
      'TensorInvalidInfo',
      file,
      `${tensors.length} tensors to read; at most ${limits.maxTensors} are read`
    )
  }
  for (const t of tensors) {
    const r = t.byteRange
    if (r === undefined || r.end < r.start || r.end - r.start > BigInt(limits.maxTensorBytes)) {
      throw new CheckpointError(
        'TensorInvalidInfo',
        r?.file ?? '',
        `tensor ${JSON.stringify(t.name)}: no byte range of at most ${limits.maxTensorBytes} bytes to read`
      )
    }
    const list = byFile.get(r.file)
    if (list) list.push(t)
    else byFile.set(r.file, [t])
  }
  const out = new Map<string, Uint8Array>()
  for (const [file, list] of byFile) {
    const source = await open(file)
    try {
      const ranges = list.map((t) => ({
        offset: Number(t.byteRange!.start),
        length: Number(t.byteRange!.end - t.byteRange!.start)
      }))
      const results = await readRanges(source, ranges)
      results.forEach((r, i) => {
        if (r.status === 'rejected') throw r.reason
        out.set(list[i]!.name, r.value)
      })
    } finally {
      await source.close().catch(() => undefined)
    }
  }
  return out
}

/** The value of a little-endian scalar of a float dtype (F32, F64, F16, BF16). */
export function decodeScalar(bytes: Uint8Array, dtype: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  switch (dtype) {
    case 'F32':
      return view.getFloat32(0, true)
    case 'F64':
      return view.getFloat64(0, true)
    case 'BF16':
      // The high half of an F32.
      return new DataView(new Uint8Array([0, 0, bytes[0]!, bytes[1]!]).buffer).getFloat32(0, true)
    case 'F16': {
      // sign, 5-bit exponent, 10-bit fraction
      const h = view.getUint16(0, true)
      const sign = h & 0x8000 ? -1 : 1
      const exp = (h >> 10) & 0x1f
      const frac = h & 0x3ff
      if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
      if (exp === 31) return frac ? NaN : sign * Infinity
      return sign * 2 ** (exp - 15) * (1 + frac / 1024)
    }
    default:
      throw new CheckpointError('TensorInvalidInfo', '', `dtype ${dtype} is not a float scalar dtype`)
  }
}

/** Finite values of scalar tensors (see `isReadableScalar`), by name; others are left out. */
export async function readScalars(
  tensors: readonly TensorInfo[],
  open: FileOpener
): Promise<Map<string, number>> {
  const scalars = tensors.filter(isReadableScalar)
  const bytes = await readTensorBytes(scalars, open)
  const values = new Map<string, number>()
  for (const t of scalars) {
    const v = decodeScalar(bytes.get(t.name)!, t.dtype)
    if (Number.isFinite(v)) values.set(t.name, v)
  }
  return values
}
