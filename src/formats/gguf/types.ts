/**
 * GGUF constants: metadata value types, the ggml tensor type table and the reader's limits (docs/reference/formats.md §4.2, §4.3,
 * §4.5). Kept apart from the parser so the fixture writer and the analysis code can share the tables.
 */

/** Metadata value type ids (gguf.h `enum gguf_type`). */
export const GGUF_VALUE_TYPES = [
  'UINT8',
  'INT8',
  'UINT16',
  'INT16',
  'UINT32',
  'INT32',
  'FLOAT32',
  'BOOL',
  'STRING',
  'ARRAY',
  'UINT64',
  'INT64',
  'FLOAT64'
] as const

export type GgufValueTypeName = (typeof GGUF_VALUE_TYPES)[number]

/** Byte size of each fixed-size value type; STRING and ARRAY are variable (their minimum size is in the reader). */
export const GGUF_VALUE_SIZE: Readonly<Partial<Record<GgufValueTypeName, number>>> = Object.freeze({
  UINT8: 1,
  INT8: 1,
  UINT16: 2,
  INT16: 2,
  UINT32: 4,
  INT32: 4,
  FLOAT32: 4,
  BOOL: 1,
  UINT64: 8,
  INT64: 8,
  FLOAT64: 8
})

export function ggufValueTypeId(name: GgufValueTypeName): number {
  return GGUF_VALUE_TYPES.indexOf(name)
}

export interface GgmlTypeInfo {
  id: number
  /** The ggml name, which is also our dtype name (it coincides with safetensors for F32, F16, BF16, F64, I8..I64). */
  name: string
  /** Elements per block (1 for plain types). */
  blockSize: number
  /** Bytes per block. */
  typeSize: number
  quantized: boolean
}

/** [id, name, block size, bytes per block]; ids 4, 5, 31-33 and 36-38 were removed from ggml and stay unsupported. */
const GGML_TYPE_ROWS: ReadonlyArray<readonly [number, string, number, number]> = [
  [0, 'F32', 1, 4],
  [1, 'F16', 1, 2],
  [2, 'Q4_0', 32, 18],
  [3, 'Q4_1', 32, 20],
  [6, 'Q5_0', 32, 22],
  [7, 'Q5_1', 32, 24],
  [8, 'Q8_0', 32, 34],
  [9, 'Q8_1', 32, 40],
  [10, 'Q2_K', 256, 84],
  [11, 'Q3_K', 256, 110],
  [12, 'Q4_K', 256, 144],
  [13, 'Q5_K', 256, 176],
  [14, 'Q6_K', 256, 210],
  [15, 'Q8_K', 256, 292],
  [16, 'IQ2_XXS', 256, 66],
  [17, 'IQ2_XS', 256, 74],
  [18, 'IQ3_XXS', 256, 98],
  [19, 'IQ1_S', 256, 50],
  [20, 'IQ4_NL', 32, 18],
  [21, 'IQ3_S', 256, 110],
  [22, 'IQ2_S', 256, 82],
  [23, 'IQ4_XS', 256, 136],
  [24, 'I8', 1, 1],
  [25, 'I16', 1, 2],
  [26, 'I32', 1, 4],
  [27, 'I64', 1, 8],
  [28, 'F64', 1, 8],
  [29, 'IQ1_M', 256, 56],
  [30, 'BF16', 1, 2],
  [34, 'TQ1_0', 256, 54],
  [35, 'TQ2_0', 256, 66],
  [39, 'MXFP4', 32, 17],
  [40, 'NVFP4', 64, 36],
  [41, 'Q1_0', 128, 18],
  [42, 'Q2_0', 64, 18]
]

/** `GGML_TYPE_COUNT` at the time of writing: ids at or above it are unknown. */
export const GGML_TYPE_COUNT = 43

const REMOVED_GGML_TYPES: Readonly<Record<number, string>> = Object.freeze({
  4: 'Q4_2',
  5: 'Q4_3',
  31: 'Q4_0_4_4',
  32: 'Q4_0_4_8',
  33: 'Q4_0_8_8',
  36: 'IQ4_NL_4_4',
  37: 'IQ4_NL_4_8',
  38: 'IQ4_NL_8_8'
})

const PLAIN_TYPES = new Set(['F32', 'F16', 'BF16', 'F64', 'I8', 'I16', 'I32', 'I64'])

const BY_ID = new Map<number, GgmlTypeInfo>()
const BY_NAME = new Map<string, GgmlTypeInfo>()
for (const [id, name, blockSize, typeSize] of GGML_TYPE_ROWS) {
  const info: GgmlTypeInfo = Object.freeze({
    id,
    name,
    blockSize,
    typeSize,
    quantized: !PLAIN_TYPES.has(name)
  })
  BY_ID.set(id, info)
  BY_NAME.set(name, info)
}

/** Every ggml type we can size, in id order. */
export const GGML_TYPES: readonly GgmlTypeInfo[] = Object.freeze([...BY_ID.values()])

export function ggmlTypeById(id: number): GgmlTypeInfo | undefined {
  return BY_ID.get(id)
}

export function ggmlTypeByName(name: string): GgmlTypeInfo | undefined {
  return BY_NAME.get(name)
}

/** The historical name of a removed type id, for the error message. */
export function removedGgmlTypeName(id: number): string | undefined {
  return REMOVED_GGML_TYPES[id]
}

/** Whether a dtype name is a quantized ggml type (Q4_K, IQ2_XS, ...), i.e. not an element-wise dtype. */
export function isGgmlQuantized(dtype: string): boolean {
  return BY_NAME.get(dtype)?.quantized ?? false
}

/**
 * Byte size of a tensor of ggml type `info` with `numel` elements whose fastest dim is `ne0`, or undefined when
 * `ne0` is not a whole number of blocks (ggml rejects such tensors).
 */
export function ggmlTensorBytes(info: GgmlTypeInfo, ne0: bigint, numel: bigint): bigint | undefined {
  const block = BigInt(info.blockSize)
  if (ne0 % block !== 0n) return undefined
  return (numel / block) * BigInt(info.typeSize)
}

export const GGUF_MAGIC = 0x46554747 // "GGUF" read as a little-endian u32
export const GGUF_DEFAULT_ALIGNMENT = 32

/** Reader limits, with the other readers' in limits.ts. */
export { GGUF_LIMITS } from '../limits.js'

/** How much of a metadata value we keep in `Checkpoint.metadata` (the rest is summarised). */
export const GGUF_METADATA_KEEP = Object.freeze({
  /** Arrays up to this length are kept whole; longer ones keep `head` items plus their length. */
  arrayItems: 64,
  arrayHead: 8,
  /** Strings up to this many bytes are kept whole; longer ones keep a prefix and their length. */
  stringBytes: 1 << 20,
  stringHead: 4096
})
