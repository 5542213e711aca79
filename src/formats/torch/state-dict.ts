/**
 * From the symbolic object graph of a torch pickle to a state dict: find the tensors, choose the dict that is
 * the model's state dict (top level, or nested under `state_dict`, `model`, `module`, `ema`, ...), and name each
 * tensor by its dotted path inside it. The graph is hostile: cycles are legal, nesting can be deep and memo
 * references can fan out, so the walk is iterative, visits each container once and is bounded.
 */
import { CheckpointError } from '../errors.js'
import { dictGet, type PyDict, type PyValue, type TorchStorage, type TorchTensor } from './pickle/values.js'
import type { ByteRange, TensorInfo } from '../types.js'
import { STATE_DICT_LIMITS } from '../limits.js'

export interface FoundTensor {
  /** Path segments from the walk's root (dict keys, list indices; module `_modules`/`_parameters`/`_buffers` dropped). */
  path: string[]
  tensor: TorchTensor
}

export interface StateDictSelection {
  /** Where the state dict sits in the pickled object (`[]`, `['state_dict']`, `['ema', 'module']`, ...). */
  path: string[]
  /** Its tensors, in pickle order, with paths relative to the state dict. */
  tensors: FoundTensor[]
  /** Tensors elsewhere in the object (optimizer state, EMA copies, ...), not part of the state dict. */
  otherTensors: number
}

export interface WalkLimits {
  maxDepth: number
  maxNodes: number
}

export const DEFAULT_WALK_LIMITS: Readonly<WalkLimits> = STATE_DICT_LIMITS

/** Wrapper keys that hold a state dict, in the order they are preferred when a wrapper has several. */
export const STATE_DICT_KEYS: readonly string[] = [
  'state_dict',
  'model_state_dict',
  'model',
  'module',
  'ema',
  'model_ema',
  'state_dict_ema',
  'ema_state_dict',
  'params_ema',
  'params',
  'net',
  'network',
  'generator',
  'weights'
]

/** Segments of a whole pickled nn.Module that are not part of the state dict key (`fc._parameters.weight`). */
const MODULE_SEGMENTS = new Set(['_modules', '_parameters', '_buffers'])

function keySegment(key: PyValue): string | undefined {
  if (typeof key === 'string') return key
  if (typeof key === 'bigint') return key.toString()
  if (typeof key === 'number' || typeof key === 'boolean') return String(key)
  return undefined
}

/** `path` plus one segment, copied by index (an array spread runs the iterator protocol, per tensor). */
function extendPath(path: string[], seg: string): string[] {
  const out = new Array<string>(path.length + 1)
  for (let i = 0; i < path.length; i++) out[i] = path[i]!
  out[path.length] = seg
  return out
}

type WalkItem = { value: PyValue; path: string[] }

/** A dict's values as walk items, named by their keys (module bookkeeping segments add no name). */
function addDictChildren(d: PyDict, path: string[], children: WalkItem[]): void {
  const entries = d.entries
  for (let i = 0; i < entries.length; i++) {
    const seg = keySegment(entries[i]![0])
    if (seg === undefined) continue
    children.push({ value: entries[i]![1], path: MODULE_SEGMENTS.has(seg) ? path : extendPath(path, seg) })
  }
}

/** Items of a list, tuple or list subclass as walk items, named by their indices. */
function addListChildren(items: PyValue[], path: string[], children: WalkItem[]): void {
  for (let i = 0; i < items.length; i++)
    children.push({ value: items[i]!, path: extendPath(path, String(i)) })
}

function isTensor(v: PyValue | undefined): v is TorchTensor {
  return v !== null && typeof v === 'object' && v.kind === 'tensor'
}

function isDict(v: PyValue | undefined): v is PyDict {
  return v !== null && typeof v === 'object' && v.kind === 'dict'
}

/**
 * Every tensor reachable from `root`, depth first in pickle order. A tensor reached by two paths (tied weights)
 * is listed under both; a container reached twice (a memo reference, a cycle) is walked once.
 */
export function collectTensors(
  root: PyValue,
  file: string,
  limits: Partial<WalkLimits> = {},
  stopAfter = Infinity
): FoundTensor[] {
  const lim = { ...DEFAULT_WALK_LIMITS, ...limits }
  const found: FoundTensor[] = []
  const visited = new Set<object>()
  const todo: WalkItem[] = [{ value: root, path: [] }]
  let nodes = 0
  while (todo.length > 0 && found.length < stopAfter) {
    const { value, path } = todo.pop()!
    if (value === null || typeof value !== 'object') continue
    if (isTensor(value)) {
      found.push({ path, tensor: value })
      continue
    }
    if (visited.has(value)) continue
    visited.add(value)
    if (++nodes > lim.maxNodes) {
      throw new CheckpointError(
        'PickleLimitExceeded',
        file,
        `the pickled object has more than ${lim.maxNodes} containers`
      )
    }
    if (path.length > lim.maxDepth) {
      throw new CheckpointError(
        'PickleLimitExceeded',
        file,
        `the pickled object nests deeper than ${lim.maxDepth} levels`
      )
    }
    const children: WalkItem[] = []
    switch (value.kind) {
      case 'dict':
        addDictChildren(value, path, children)
        break
      case 'list':
      case 'tuple':
        addListChildren(value.items, path, children)
        break
      case 'object': {
        // an object's tensors live in its constructor args, its state (`__dict__`, possibly (dict, slots)) and,
        // for dict/list subclasses, in the items set on it
        for (const a of value.args) children.push({ value: a, path })
        const state = value.state
        if (isDict(state)) addDictChildren(state, path, children)
        else if (state !== null && typeof state === 'object' && state.kind === 'tuple') {
          for (const s of state.items) children.push({ value: s, path })
        } else if (state !== undefined) children.push({ value: state, path })
        if (value.dictItems !== undefined) addDictChildren(value.dictItems, path, children)
        if (value.listItems !== undefined) addListChildren(value.listItems, path, children)
        break
      }
      default:
        break
    }
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]!)
  }
  return found
}

function directTensorCount(d: PyDict): number {
  let n = 0
  for (let i = 0; i < d.entries.length; i++) if (isTensor(d.entries[i]![1])) n++
  return n
}

/**
 * Choose the state dict: starting at the root, step into a known wrapper key (STATE_DICT_KEYS) while the
 * current dict is a wrapper rather than a state dict (its own tensors are fewer than the wrapped one's).
 * Throws `NoStateDict` when nothing tensor-like is reachable and `required` is true.
 */
export function findStateDict(
  root: PyValue,
  file: string,
  limits: Partial<WalkLimits> = {},
  required = true
): StateDictSelection {
  const all = collectTensors(root, file, limits)
  if (all.length === 0) {
    if (!required) return { path: [], tensors: [], otherTensors: 0 }
    throw new CheckpointError(
      'NoStateDict',
      file,
      'the pickled object holds no tensors (no state dict found)'
    )
  }
  let node = root
  const path: string[] = []
  for (let depth = 0; depth < 8 && isDict(node); depth++) {
    const here = directTensorCount(node)
    let next: { key: string; value: PyValue } | undefined
    for (const key of STATE_DICT_KEYS) {
      const v = dictGet(node, key)
      if (v === undefined) continue
      const inner = collectTensors(v, file, limits, here + 1).length
      if (inner > here) {
        next = { key, value: v }
        break
      }
    }
    if (next === undefined) break
    path.push(next.key)
    node = next.value
  }
  const tensors = path.length === 0 ? all : collectTensors(node, file, limits)
  return { path, tensors, otherTensors: all.length - tensors.length }
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER)

/** Tensor extent in elements from its first element: 1 + Σ (size-1)·stride, or 0 when any size is 0. */
export function spanElements(t: TorchTensor): bigint {
  for (let i = 0; i < t.shape.length; i++) if (t.shape[i] === 0n) return 0n
  let span = 1n
  for (let i = 0; i < t.shape.length; i++) span += (t.shape[i]! - 1n) * t.stride[i]!
  return span
}

/** C-order strides of the shape (the layout torch calls contiguous). */
export function isContiguous(t: TorchTensor): boolean {
  let expected = 1n
  for (let i = t.shape.length - 1; i >= 0; i--) {
    if (t.shape[i] !== 1n && t.stride[i] !== expected) return false
    expected *= t.shape[i]!
  }
  return true
}

/** Bytes of a storage (for a legacy view: of the view). */
export function storageBytes(s: TorchStorage): bigint {
  return s.numel * BigInt(s.itemsize)
}

/**
 * `TensorInfo` records for the selected tensors. `storageStart` gives the absolute offset of a storage's data
 * (the root storage's, for legacy views) or undefined when the bytes have no meaningful offset (compressed).
 * The byte range covers every element the tensor can address: for a non-contiguous view it is the covering
 * range from its first element to its last.
 */
export function toTensorInfos(
  found: FoundTensor[],
  file: string,
  storageStart: (s: TorchStorage) => bigint | undefined,
  warnings: string[]
): TensorInfo[] {
  const out: TensorInfo[] = []
  const seen = new Set<string>()
  // one tensor per iteration, thousands of them, once per run: plain loops, no per-tensor closures or constants
  for (let i = 0; i < found.length; i++) {
    const path = found[i]!.path
    const t = found[i]!.tensor
    const name = path.join('.')
    if (seen.has(name)) {
      warnings.push(`two tensors are named ${JSON.stringify(name)}; the first is reported`)
      continue
    }
    seen.add(name)
    const shape = new Array<number>(t.shape.length)
    for (let j = 0; j < t.shape.length; j++) {
      const d = t.shape[j]!
      if (d > MAX_SAFE_BIG) {
        throw new CheckpointError(
          'InvalidTorchFile',
          file,
          `tensor ${JSON.stringify(name)} has a dimension of ${d}`
        )
      }
      shape[j] = Number(d)
    }
    const info: TensorInfo = { name, shape, dtype: t.dtype }
    const s = t.storage
    if (s !== undefined) {
      const itemsize = BigInt(t.itemsize)
      // a legacy view starts inside its root storage; every other storage starts at its record's first byte
      const viewStart = s.viewOffset === undefined ? 0n : s.viewOffset * BigInt(s.itemsize)
      const firstByte = viewStart + t.storageOffset * itemsize
      const spanBytes = spanElements(t) * itemsize
      const limit = viewStart + storageBytes(s)
      if (spanBytes > 0n && firstByte + spanBytes > limit) {
        throw new CheckpointError(
          'InvalidTorchFile',
          file,
          `tensor ${JSON.stringify(name)} addresses bytes ${firstByte}..${firstByte + spanBytes} of storage ${s.key}, which has ${storageBytes(s)} bytes`
        )
      }
      const start = storageStart(s)
      if (start !== undefined) {
        const range: ByteRange = { file, start: start + firstByte, end: start + firstByte + spanBytes }
        info.byteRange = range
      }
    }
    out.push(info)
  }
  return out
}
