/**
 * torch storage classes and dtypes, mapped to safetensors dtype names (docs/reference/formats.md §2.3). Storage classes are
 * what zip and legacy files name in persistent ids (`torch.FloatStorage`); dtype globals (`torch.bfloat16`)
 * arrive as arguments of `_rebuild_tensor_v3` and `_rebuild_meta_tensor_no_storage`.
 */

export interface DtypeInfo {
  /** safetensors name where one exists (F32, BF16, ...), else an upper-case torch name (C128, QINT8, ...). */
  dtype: string
  /** Bytes per element. */
  itemsize: number
}

const STORAGE_CLASSES: ReadonlyMap<string, DtypeInfo> = new Map([
  ['DoubleStorage', { dtype: 'F64', itemsize: 8 }],
  ['FloatStorage', { dtype: 'F32', itemsize: 4 }],
  ['HalfStorage', { dtype: 'F16', itemsize: 2 }],
  ['BFloat16Storage', { dtype: 'BF16', itemsize: 2 }],
  ['LongStorage', { dtype: 'I64', itemsize: 8 }],
  ['IntStorage', { dtype: 'I32', itemsize: 4 }],
  ['ShortStorage', { dtype: 'I16', itemsize: 2 }],
  ['CharStorage', { dtype: 'I8', itemsize: 1 }],
  ['ByteStorage', { dtype: 'U8', itemsize: 1 }],
  ['BoolStorage', { dtype: 'BOOL', itemsize: 1 }],
  ['ComplexDoubleStorage', { dtype: 'C128', itemsize: 16 }],
  ['ComplexFloatStorage', { dtype: 'C64', itemsize: 8 }],
  ['QInt8Storage', { dtype: 'QINT8', itemsize: 1 }],
  ['QUInt8Storage', { dtype: 'QUINT8', itemsize: 1 }],
  ['QInt32Storage', { dtype: 'QINT32', itemsize: 4 }],
  ['QUInt4x2Storage', { dtype: 'QUINT4X2', itemsize: 1 }],
  ['QUInt2x4Storage', { dtype: 'QUINT2X4', itemsize: 1 }]
])

/** Untyped storages count bytes; the tensor's dtype comes from `_rebuild_tensor_v3`. */
const UNTYPED: DtypeInfo = { dtype: 'U8', itemsize: 1 }

const TORCH_DTYPES: ReadonlyMap<string, DtypeInfo> = new Map([
  ['float32', { dtype: 'F32', itemsize: 4 }],
  ['float', { dtype: 'F32', itemsize: 4 }],
  ['float64', { dtype: 'F64', itemsize: 8 }],
  ['double', { dtype: 'F64', itemsize: 8 }],
  ['float16', { dtype: 'F16', itemsize: 2 }],
  ['half', { dtype: 'F16', itemsize: 2 }],
  ['bfloat16', { dtype: 'BF16', itemsize: 2 }],
  ['int64', { dtype: 'I64', itemsize: 8 }],
  ['long', { dtype: 'I64', itemsize: 8 }],
  ['int32', { dtype: 'I32', itemsize: 4 }],
  ['int', { dtype: 'I32', itemsize: 4 }],
  ['int16', { dtype: 'I16', itemsize: 2 }],
  ['short', { dtype: 'I16', itemsize: 2 }],
  ['int8', { dtype: 'I8', itemsize: 1 }],
  ['uint8', { dtype: 'U8', itemsize: 1 }],
  ['uint16', { dtype: 'U16', itemsize: 2 }],
  ['uint32', { dtype: 'U32', itemsize: 4 }],
  ['uint64', { dtype: 'U64', itemsize: 8 }],
  ['bool', { dtype: 'BOOL', itemsize: 1 }],
  ['complex32', { dtype: 'C32', itemsize: 4 }],
  ['chalf', { dtype: 'C32', itemsize: 4 }],
  ['complex64', { dtype: 'C64', itemsize: 8 }],
  ['cfloat', { dtype: 'C64', itemsize: 8 }],
  ['complex128', { dtype: 'C128', itemsize: 16 }],
  ['cdouble', { dtype: 'C128', itemsize: 16 }],
  ['float8_e4m3fn', { dtype: 'F8_E4M3', itemsize: 1 }],
  ['float8_e5m2', { dtype: 'F8_E5M2', itemsize: 1 }],
  ['float8_e4m3fnuz', { dtype: 'F8_E4M3FNUZ', itemsize: 1 }],
  ['float8_e5m2fnuz', { dtype: 'F8_E5M2FNUZ', itemsize: 1 }],
  ['float8_e8m0fnu', { dtype: 'F8_E8M0', itemsize: 1 }],
  // two 4-bit values per element: shape counts pairs, so keep torch's name rather than safetensors' F4
  ['float4_e2m1fn_x2', { dtype: 'F4_E2M1FN_X2', itemsize: 1 }],
  ['bits8', { dtype: 'BITS8', itemsize: 1 }],
  ['bits16', { dtype: 'BITS16', itemsize: 2 }],
  ['bits1x8', { dtype: 'BITS1X8', itemsize: 1 }],
  ['bits2x4', { dtype: 'BITS2X4', itemsize: 1 }],
  ['bits4x2', { dtype: 'BITS4X2', itemsize: 1 }],
  ['qint8', { dtype: 'QINT8', itemsize: 1 }],
  ['quint8', { dtype: 'QUINT8', itemsize: 1 }],
  ['qint32', { dtype: 'QINT32', itemsize: 4 }],
  ['quint4x2', { dtype: 'QUINT4X2', itemsize: 1 }],
  ['quint2x4', { dtype: 'QUINT2X4', itemsize: 1 }]
])

/** The dtype of a storage class global (`torch.FloatStorage`, `torch.cuda.HalfStorage`, `torch.UntypedStorage`). */
export function storageClassDtype(module: string, name: string): DtypeInfo | undefined {
  if ((module === 'torch' || module === 'torch.storage') && name === 'UntypedStorage') return UNTYPED
  if (module !== 'torch' && module !== 'torch.cuda') return undefined
  return STORAGE_CLASSES.get(name)
}

/** The dtype named by a `torch.<dtype>` global. */
export function torchDtype(module: string, name: string): DtypeInfo | undefined {
  return module === 'torch' ? TORCH_DTYPES.get(name) : undefined
}
