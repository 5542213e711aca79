/**
 * The few callables the unpickler interprets, symbolically: containers (OrderedDict, set, bytearray), torch
 * rebuild functions (which turn a storage reference plus offset/size/stride into a `TorchTensor`) and the
 * `_codecs.encode` protocol-2 bytes idiom. Every other call stays an inert `PyObject` node. Nothing here calls
 * anything the pickle names: a callee is only ever compared with fixed strings.
 */
import type { ErrorCode } from '../../errors.js'
import { TORCHSCRIPT_TAGGERS } from './global-lists.js'
import { storageClassDtype, torchDtype } from './torch-dtypes.js'
import {
  describeValue,
  dictSet,
  pyDict,
  pyTuple,
  type PyGlobal,
  type PyValue,
  type TorchStorage,
  type TorchTensor
} from './values.js'

export interface EmulationContext {
  fail(code: ErrorCode, message: string): never
  /** Count bytes an emulated call builds against the pickle memory budget (see machine.ts COST). */
  charge(bytes: number): void
}

/** Estimated bytes of a tensor node with `dims` dims (two BigInt arrays). */
const tensorCost = (dims: number): number => 256 + 48 * dims

/** Interprets one callable: `name` is its effective `module.name`; undefined leaves the call an inert node. */
export type Emulator = (args: PyValue[], ctx: EmulationContext, name: string) => PyValue | undefined

function asItems(v: PyValue | undefined): PyValue[] | undefined {
  if (v !== null && typeof v === 'object' && (v.kind === 'tuple' || v.kind === 'list')) return v.items
  return undefined
}

function intArg(v: PyValue | undefined, what: string, fn: string, ctx: EmulationContext): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  return ctx.fail('InvalidTorchFile', `${fn}: ${what} must be an int, got ${describeValue(v)}`)
}

function dimsArg(v: PyValue | undefined, what: string, fn: string, ctx: EmulationContext): bigint[] {
  // torch.Size is a tuple subclass; older files pickle it as `torch.Size((...))`, emulated to a tuple below
  const items = asItems(v)
  if (items === undefined)
    return ctx.fail('InvalidTorchFile', `${fn}: ${what} must be a tuple, got ${describeValue(v)}`)
  // a plain loop, and the dimension's name only when it is not an int: this runs for every size and stride
  const dims = new Array<bigint>(items.length)
  for (let i = 0; i < items.length; i++) {
    const d = items[i]
    dims[i] = typeof d === 'bigint' ? d : intArg(d, `${what}[${i}]`, fn, ctx)
  }
  return dims
}

function isStorage(v: PyValue | undefined): v is TorchStorage {
  return v !== null && typeof v === 'object' && v.kind === 'storage'
}

function isTensor(v: PyValue | undefined): v is TorchTensor {
  return v !== null && typeof v === 'object' && v.kind === 'tensor'
}

function dtypeArg(
  v: PyValue | undefined,
  fn: string,
  ctx: EmulationContext
): { dtype: string; itemsize: number } {
  const info =
    v !== null && typeof v === 'object' && v.kind === 'global' ? torchDtype(v.module, v.name) : undefined
  return info ?? ctx.fail('InvalidTorchFile', `${fn}: dtype must be a torch dtype, got ${describeValue(v)}`)
}

function checkLayout(
  shape: bigint[],
  stride: bigint[],
  offset: bigint,
  fn: string,
  ctx: EmulationContext
): void {
  if (shape.length !== stride.length) {
    ctx.fail('InvalidTorchFile', `${fn}: size has ${shape.length} dims but stride has ${stride.length}`)
  }
  if (offset < 0n) ctx.fail('InvalidTorchFile', `${fn}: negative storage offset ${offset}`)
  for (let i = 0; i < shape.length; i++) {
    if (shape[i]! < 0n) ctx.fail('InvalidTorchFile', `${fn}: negative size ${shape[i]} in dim ${i}`)
    if (stride[i]! < 0n) ctx.fail('InvalidTorchFile', `${fn}: negative stride ${stride[i]} in dim ${i}`)
  }
}

/** `_rebuild_tensor(storage, storage_offset, size, stride, ...)`; v3 passes the dtype explicitly. */
function rebuildTensor(args: PyValue[], ctx: EmulationContext, fn: string, v3: boolean): TorchTensor {
  const minArgs = fn.endsWith('_rebuild_tensor') ? 4 : v3 ? 7 : 6
  if (args.length < minArgs)
    ctx.fail('InvalidTorchFile', `${fn}: expected ${minArgs} arguments, got ${args.length}`)
  const storageArg = args[0]
  const storageOffset = intArg(args[1], 'storage_offset', fn, ctx)
  const shape = dimsArg(args[2], 'size', fn, ctx)
  const stride = dimsArg(args[3], 'stride', fn, ctx)
  checkLayout(shape, stride, storageOffset, fn, ctx)
  ctx.charge(tensorCost(shape.length))
  const storage = isStorage(storageArg) ? storageArg : undefined
  let dtype = storage?.dtype ?? 'UNKNOWN'
  let itemsize = storage?.itemsize ?? 1
  if (v3) ({ dtype, itemsize } = dtypeArg(args[6], fn, ctx))
  const tensor: TorchTensor = {
    kind: 'tensor',
    dtype,
    itemsize,
    storageOffset,
    shape,
    stride,
    requiresGrad: args[4] === true,
    parameter: false,
    rebuiltBy: fn
  }
  if (storage !== undefined) tensor.storage = storage
  return tensor
}

function rebuildParameter(args: PyValue[], ctx: EmulationContext, fn: string): PyValue {
  const data = args[0]
  if (!isTensor(data))
    return ctx.fail('InvalidTorchFile', `${fn}: data must be a tensor, got ${describeValue(data)}`)
  ctx.charge(tensorCost(0))
  return { ...data, parameter: true, requiresGrad: args[1] === true }
}

function metaTensor(args: PyValue[], ctx: EmulationContext, fn: string): TorchTensor {
  const { dtype, itemsize } = dtypeArg(args[0], fn, ctx)
  const shape = dimsArg(args[1], 'size', fn, ctx)
  const stride = dimsArg(args[2], 'stride', fn, ctx)
  checkLayout(shape, stride, 0n, fn, ctx)
  ctx.charge(tensorCost(shape.length))
  return {
    kind: 'tensor',
    dtype,
    itemsize,
    storageOffset: 0n,
    shape,
    stride,
    requiresGrad: args[3] === true,
    parameter: false,
    rebuiltBy: fn
  }
}

function orderedDict(args: PyValue[], ctx: EmulationContext, fn: string): PyValue {
  const d = pyDict(fn)
  const init = args[0]
  const pairs = asItems(init)
  // a copy of every entry: a memoized big dict passed again and again must be paid for each time
  const entries =
    pairs?.length ??
    (init !== null && typeof init === 'object' && init.kind === 'dict' ? init.entries.length : 0)
  ctx.charge(48 + 64 * entries)
  if (pairs !== undefined) {
    for (const p of pairs) {
      const kv = asItems(p)
      if (kv !== undefined && kv.length === 2) dictSet(d, kv[0]!, kv[1]!)
    }
  } else if (init !== null && typeof init === 'object' && init.kind === 'dict') {
    for (const entry of init.entries) dictSet(d, entry[0], entry[1])
  }
  return d
}

function makeSet(frozen: boolean): Emulator {
  return (args, ctx) => {
    const items = asItems(args[0]) ?? []
    ctx.charge(48 + 8 * items.length)
    return { kind: 'set', items: [...items], frozen }
  }
}

/** `_codecs.encode(text, 'latin1')` is how protocol 2 spells a bytes literal. */
function codecsEncode(args: PyValue[], ctx: EmulationContext, fn: string): PyValue {
  const [text, encoding] = args
  if (typeof text !== 'string')
    return ctx.fail('InvalidPickle', `${fn}: expected a str, got ${describeValue(text)}`)
  const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/[-_]/g, '') : 'utf8'
  // a new bytes object per call, up to three bytes a character
  ctx.charge(48 + 3 * text.length)
  if (enc === 'latin1' || enc === 'iso88591') {
    const data = new Uint8Array(text.length)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c > 0xff) return ctx.fail('InvalidPickle', `${fn}: character U+${c.toString(16)} is not latin-1`)
      data[i] = c
    }
    return { kind: 'bytes', data, mutable: false }
  }
  return { kind: 'bytes', data: new TextEncoder().encode(text), mutable: false }
}

function bytearray(args: PyValue[]): PyValue {
  const a = args[0]
  if (a !== null && typeof a === 'object' && a.kind === 'bytes')
    return { kind: 'bytes', data: a.data, mutable: true }
  return { kind: 'bytes', data: new Uint8Array(0), mutable: true }
}

function torchSize(args: PyValue[], ctx: EmulationContext): PyValue {
  const items = asItems(args[0]) ?? []
  ctx.charge(48 + 8 * items.length)
  return pyTuple([...items])
}

/** `torch._tensor._rebuild_from_type_v2(func, new_type, args, state)`: a tensor subclass, rebuilt by `func(*args)`. */
function rebuildFromType(args: PyValue[], ctx: EmulationContext): PyValue | undefined {
  const inner = args[0]
  const innerArgs = asItems(args[2])
  if (inner !== null && typeof inner === 'object' && inner.kind === 'global' && innerArgs !== undefined) {
    return emulateCall(inner, innerArgs, ctx)
  }
  return undefined
}

const EMULATORS: ReadonlyMap<string, Emulator> = new Map<string, Emulator>([
  ['collections.OrderedDict', orderedDict],
  ['collections.Counter', orderedDict],
  ['builtins.set', makeSet(false)],
  ['builtins.frozenset', makeSet(true)],
  ['builtins.bytearray', bytearray],
  ['_codecs.encode', codecsEncode],
  ['torch.Size', torchSize],
  ['torch._utils._rebuild_tensor', (a, c, f) => rebuildTensor(a, c, f, false)],
  ['torch._utils._rebuild_tensor_v2', (a, c, f) => rebuildTensor(a, c, f, false)],
  ['torch._utils._rebuild_tensor_v3', (a, c, f) => rebuildTensor(a, c, f, true)],
  ['torch._utils._rebuild_parameter', rebuildParameter],
  ['torch._utils._rebuild_parameter_with_state', rebuildParameter],
  ['torch.nn.parameter.Parameter', rebuildParameter],
  ['torch._utils._rebuild_meta_tensor_no_storage', metaTensor],
  ['torch._tensor._rebuild_from_type_v2', rebuildFromType],
  ...TORCHSCRIPT_TAGGERS.map((f): [string, Emulator] => [`torch.jit._pickle.${f}`, (args) => args[0] ?? null])
])

/**
 * The emulator of a callable named by its effective (Python 3) `module.name`, or undefined when calls of it
 * stay inert. The unpickler looks it up once per imported global and keeps it for every call.
 */
export function emulatorFor(fn: string): Emulator | undefined {
  return EMULATORS.get(fn)
}

/**
 * The symbolic result of calling `callee(*args)`, or undefined when the callee is not emulated (the caller then
 * builds an inert `PyObject`). `module` and `name` must be the effective (Python 3) names.
 */
function emulateCall(callee: PyGlobal, args: PyValue[], ctx: EmulationContext): PyValue | undefined {
  const fn = `${callee.module}.${callee.name}`
  const emulator = EMULATORS.get(fn)
  return emulator === undefined ? undefined : emulator(args, ctx, fn)
}

/**
 * A storage object for a persistent id `('storage', storage_class, key, location, numel[, view_metadata])`,
 * or a message saying why the id is not one. Shared by the zip and legacy loaders.
 */
export function parseStoragePid(
  pid: PyValue
): { storage: TorchStorage; viewKey?: string } | { error: string; notStorage?: boolean } {
  const items = asItems(pid)
  if (items === undefined || (pid as { kind: string }).kind !== 'tuple') {
    return { error: `persistent id is a ${describeValue(pid)}, not a tuple`, notStorage: true }
  }
  if (items[0] !== 'storage') {
    return {
      error: `persistent id type ${JSON.stringify(describeValue(items[0]))} is not 'storage'`,
      notStorage: true
    }
  }
  if (items.length !== 5 && items.length !== 6)
    return { error: `storage id has ${items.length} fields, not 5 or 6` }
  // indexed rather than destructured: array destructuring runs the iterator protocol, per storage, in cold code
  const cls = items[1]
  const key = items[2]
  const location = items[3]
  const numel = items[4]
  const view = items[5]
  if (cls === null || typeof cls !== 'object' || cls.kind !== 'global') {
    return { error: `storage class is a ${describeValue(cls)}` }
  }
  const info = storageClassDtype(cls.module, cls.name)
  if (info === undefined) return { error: `unknown storage class ${cls.module}.${cls.name}` }
  if (typeof key !== 'string') return { error: `storage key is a ${describeValue(key)}, not a str` }
  if (typeof location !== 'string')
    return { error: `storage location is a ${describeValue(location)}, not a str` }
  if (typeof numel !== 'bigint' || numel < 0n)
    return { error: `storage size is ${describeValue(numel)}, not an int >= 0` }
  const storage: TorchStorage = {
    kind: 'storage',
    key,
    dtype: info.dtype,
    itemsize: info.itemsize,
    numel,
    location,
    className: `${cls.module}.${cls.name}`
  }
  if (view === undefined || view === null) return { storage }
  // legacy view_metadata = (view_key, offset, size), offset and size in elements of the root storage
  const v = asItems(view)
  if (v === undefined || v.length !== 3 || typeof v[0] !== 'string' || typeof v[1] !== 'bigint') {
    return { error: 'storage view metadata is not (str, int, int)' }
  }
  const size = v[2]
  if (typeof size !== 'bigint' || v[1] < 0n || size < 0n || v[1] + size > numel) {
    return { error: `storage view ${v[0]} lies outside its root storage ${key}` }
  }
  return { storage: { ...storage, viewOffset: v[1], numel: size }, viewKey: v[0] }
}
