/**
 * The symbolic object model the unpickler builds. Nothing here is ever a live Python object: a call of an
 * unknown callable is a `PyObject` node that remembers what would have been called, with which arguments, so the
 * graph can be inspected and reported but never acts.
 *
 * Python ints are `bigint` (so sizes past 2^53 are exact and ints never mix with floats), floats are `number`,
 * str is `string`, None is `null`. Containers are objects tagged with `kind`; memo references are shared, never
 * copied, so a hostile memo fan-out costs no memory.
 */
import type { GlobalTier } from '../../types.js'

export type PyValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyBytes
  | PyTuple
  | PyList
  | PyDict
  | PySet
  | PyGlobal
  | PyObject
  | PyPersistent
  | TorchStorage
  | TorchTensor

export interface PyBytes {
  kind: 'bytes'
  data: Uint8Array
  /** bytearray (BYTEARRAY8, builtins.bytearray) rather than bytes. */
  mutable: boolean
}

export interface PyTuple {
  kind: 'tuple'
  items: PyValue[]
}

export interface PyList {
  kind: 'list'
  items: PyValue[]
}

/**
 * A dict (or OrderedDict). Keys are kept in insertion order in `entries`; `index` finds an existing key so a
 * repeated key overwrites, as in Python. Only str/int/bool/None/float keys are indexed by value; other keys
 * (tuples, objects) are indexed by identity, which is enough for reporting.
 */
export interface PyDict {
  kind: 'dict'
  entries: Array<[PyValue, PyValue]>
  /** Created with the first key: most dicts in a state dict pickle are tensors' empty backward-hook dicts. */
  index: Map<unknown, number> | undefined
  /** `collections.OrderedDict` (or another dict type) rather than a plain dict. */
  className?: string
  /** State set by BUILD on the dict (OrderedDict `_metadata` in torch state dicts). */
  state?: PyValue
}

export interface PySet {
  kind: 'set'
  items: PyValue[]
  frozen: boolean
}

/** A class or function imported by GLOBAL, STACK_GLOBAL or INST. Never resolved to anything real. */
export interface PyGlobal {
  kind: 'global'
  /** The module and name it loads (an allowlist entry's own spelling when a dotted name reaches one). */
  module: string
  name: string
  tier: GlobalTier
}

/**
 * The result of a call or instantiation that is not emulated: REDUCE, NEWOBJ, NEWOBJ_EX, INST or OBJ of
 * `callee` with `args`. BUILD stores its state here; APPEND(S)/SETITEM(S) on such an object (a list or dict
 * subclass) collect into `listItems` / `dictItems`.
 */
export interface PyObject {
  kind: 'object'
  callee: PyValue
  args: PyValue[]
  kwargs?: PyValue
  via: 'REDUCE' | 'NEWOBJ' | 'NEWOBJ_EX' | 'INST' | 'OBJ'
  state?: PyValue
  listItems?: PyValue[]
  dictItems?: PyDict
}

/** A persistent id the loader did not resolve (plain pickles, or an id that is not a storage). */
export interface PyPersistent {
  kind: 'persistent'
  pid: PyValue
}

/** A torch storage referenced by persistent id: the bytes live elsewhere (a zip record or a legacy block). */
export interface TorchStorage {
  kind: 'storage'
  /** The storage key (`data/<key>` in a zip, the legacy key string). */
  key: string
  /** safetensors dtype name of the storage class (`U8` for UntypedStorage). */
  dtype: string
  itemsize: number
  /** Elements of `dtype` (bytes for UntypedStorage). */
  numel: bigint
  location: string
  /** The storage class, e.g. `torch.FloatStorage`. */
  className: string
  /** Legacy view storages: element offset of this view into the root storage `key`. */
  viewOffset?: bigint
}

/** A tensor rebuilt symbolically by one of the torch `_rebuild_*` functions. */
export interface TorchTensor {
  kind: 'tensor'
  /** Absent for meta tensors (no data). */
  storage?: TorchStorage
  dtype: string
  itemsize: number
  /** In elements of the tensor's dtype. */
  storageOffset: bigint
  shape: bigint[]
  stride: bigint[]
  requiresGrad: boolean
  /** Rebuilt through `_rebuild_parameter*` (an nn.Parameter). */
  parameter: boolean
  /** The rebuild function, e.g. `torch._utils._rebuild_tensor_v2`. */
  rebuiltBy: string
}

export function pyTuple(items: PyValue[]): PyTuple {
  return { kind: 'tuple', items }
}

export function pyDict(className?: string): PyDict {
  const d: PyDict = { kind: 'dict', entries: [], index: undefined }
  if (className !== undefined) d.className = className
  return d
}

/** The identity used to find a key again: primitives by value, everything else by reference. */
function keyIdentity(key: PyValue): unknown {
  // A JS number key 1 and bigint 1n would be distinct Map keys; Python treats 1.0 == 1, so fold integral floats.
  if (typeof key === 'number' && Number.isInteger(key)) return BigInt(key)
  if (typeof key === 'boolean') return key ? 1n : 0n
  return key
}

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const id = keyIdentity(key)
  const index = (d.index ??= new Map())
  const at = index.get(id)
  if (at === undefined) {
    index.set(id, d.entries.length)
    d.entries.push([key, value])
  } else {
    d.entries[at] = [d.entries[at]![0], value]
  }
}

export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  const at = d.index?.get(keyIdentity(key))
  return at === undefined ? undefined : d.entries[at]![1]
}

/** A short description of a value's type for error messages (never its contents: they may be huge). */
export function describeValue(v: PyValue | undefined): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'None'
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float'
    case 'string':
      return 'str'
  }
  switch (v.kind) {
    case 'global':
      return `global ${v.module}.${v.name}`
    case 'object':
      return v.callee !== null && typeof v.callee === 'object' && v.callee.kind === 'global'
        ? `${v.callee.module}.${v.callee.name}(...)`
        : 'object'
    default:
      return v.kind
  }
}
