/**
 * Alpha values of a LoRA: the one place the CLI reads tensor *data*, and only when asked (`--read-alpha`, and
 * `convert`, which must keep alpha/rank exact). Each value is a scalar of a few bytes; their count is bounded.
 */
import type { Checkpoint } from '../formats/types.js'
import { openLocalFile } from '../formats/source.js'

/** Scalar alpha tensors larger than this many are not read (a hostile file could list millions). */
const MAX_SCALARS = 100_000
const SCALAR_DTYPES: Readonly<Record<string, number>> = { F32: 4, F16: 2, BF16: 2, F64: 8 }

function decodeScalar(bytes: Uint8Array, dtype: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  switch (dtype) {
    case 'F32':
      return view.getFloat32(0, true)
    case 'F64':
      return view.getFloat64(0, true)
    case 'BF16':
      return new DataView(new Uint8Array([0, 0, bytes[0]!, bytes[1]!]).buffer).getFloat32(0, true)
    default: {
      // F16: sign, 5-bit exponent, 10-bit fraction.
      const h = view.getUint16(0, true)
      const sign = h & 0x8000 ? -1 : 1
      const exp = (h >> 10) & 0x1f
      const frac = h & 0x3ff
      if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
      if (exp === 31) return frac ? NaN : sign * Infinity
      return sign * 2 ** (exp - 15) * (1 + frac / 1024)
    }
  }
}

/** Values of the scalar alpha / alpha_scale tensors of a single safetensors LoRA (bounded, a few bytes each). */
export async function readAlphaScalars(ckpt: Checkpoint): Promise<Map<string, number>> {
  const values = new Map<string, number>()
  if (ckpt.format !== 'safetensors') return values
  const wanted = ckpt.tensors.filter(
    (t) =>
      /\.alpha(?:_scale)?$/.test(t.name) &&
      t.byteRange !== undefined &&
      t.shape.reduce((a, b) => a * b, 1) === 1 &&
      Object.hasOwn(SCALAR_DTYPES, t.dtype) &&
      t.byteRange.end - t.byteRange.start === BigInt(SCALAR_DTYPES[t.dtype]!)
  )
  if (wanted.length === 0 || wanted.length > MAX_SCALARS) return values
  const source = await openLocalFile(ckpt.path)
  try {
    for (const t of wanted) {
      const bytes = await source.read(Number(t.byteRange!.start), SCALAR_DTYPES[t.dtype]!)
      const v = decodeScalar(bytes, t.dtype)
      if (Number.isFinite(v)) values.set(t.name, v)
    }
  } finally {
    await source.close().catch(() => undefined)
  }
  return values
}
