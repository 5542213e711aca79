/**
 * From the symbolic object graph of a torch pickle to a state dict: find the tensors, choose the dict that is
 * the model's state dict (top level, or nested under `state_dict`, `model`, `module`, `ema`, ...), and name each
 * tensor by its dotted path inside it. The graph is hostile: cycles are legal, nesting can be deep and memo
 * references can fan out, so the walk is iterative, visits each container once and is bounded.
 */
import type { FileBudget } from '../budget.js'
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

/**
 * Where a container's children come from: a dict's entries (named by key), a list's items (named by index), or
 * values that add no name (an object's constructor args and state).
 */
type ChildSource =
  | { kind: 'entries'; entries: Array<[PyValue, PyValue]> }
  | { kind: 'items'; items: PyValue[]; named: boolean }

/** A container being walked: its path, its children's sources and the position in them. */
interface Frame {
  path: string[]
  sources: ChildSource[]
  source: number
  index: number
}

function isTensor(v: PyValue | undefined): v is TorchTensor {
  return v !== null && typeof v === 'object' && v.kind === 'tensor'
}

function isDict(v: PyValue | undefined): v is PyDict {
  return v !== null && typeof v === 'object' && v.kind === 'dict'
}

/** The sources of a container's children (an empty list for leaves). */
function childSources(value: Exclude<PyValue, null | boolean | bigint | number | string>): ChildSource[] {
  switch (value.kind) {
    case 'dict':
      return [{ kind: 'entries', entries: value.entries }]
    case 'list':
    case 'tuple':
      return [{ kind: 'items', items: value.items, named: true }]
    case 'object': {
      // an object's tensors live in its constructor args, its state (`__dict__`, possibly (dict, slots)) and,
      // for dict/list subclasses, in the items set on it
      const sources: ChildSource[] = [{ kind: 'items', items: value.args, named: false }]
      const state = value.state
      if (isDict(state)) sources.push({ kind: 'entries', entries: state.entries })
      else if (state !== null && typeof state === 'object' && state.kind === 'tuple') {
        sources.push({ kind: 'items', items: state.items, named: false })
      } else if (state !== undefined) sources.push({ kind: 'items', items: [state], named: false })
      if (value.dictItems !== undefined) sources.push({ kind: 'entries', entries: value.dictItems.entries })
      if (value.listItems !== undefined) sources.push({ kind: 'items', items: value.listItems, named: true })
      return sources
    }
    default:
      return []
  }
}

/**
 * Every tensor reachable from `root`, depth first in pickle order. A tensor reached by two paths (tied weights)
 * is listed under both; a container reached twice (a memo reference, a cycle) is walked once. The walk keeps
 * one frame per open container and makes a path only for what it keeps (a tensor, a container it enters), so a
 * list of millions of references costs nothing beyond the list itself.
 */
export function collectTensors(
  root: PyValue,
  file: string,
  limits: Partial<WalkLimits> = {},
  stopAfter = Infinity,
  budget?: FileBudget
): FoundTensor[] {
  // a tensor reached by many paths (a memo reference repeated) is listed once per path: the file's tensor
  // budget bounds that list, and so the names made from it
  const maxFound = budget?.limits.maxTensorsPerFile ?? Infinity
  const lim = { ...DEFAULT_WALK_LIMITS, ...limits }
  const found: FoundTensor[] = []
  const visited = new Set<object>()
  const stack: Frame[] = []
  let nodes = 0
  /** Take one child at `path`: keep a tensor, enter a container not seen before, skip anything else. */
  const visit = (value: PyValue, path: string[]): void => {
    if (value === null || typeof value !== 'object') return
    if (isTensor(value)) {
      if (found.length >= maxFound) {
        throw budget!.exceeded(
          `the pickled object reaches more than ${maxFound} tensors; the budget is ${maxFound} tensors per file`
        )
      }
      found.push({ path, tensor: value })
      return
    }
    if (visited.has(value)) return
    visited.add(value)
    if (++nodes > lim.maxNodes) {
      throw new CheckpointError(
        'PickleLimitExceeded',
        file,
        `the pickled object has more than ${lim.maxNodes} containers`
      )
    }
    if (path.length > lim.maxDepth || stack.length > lim.maxDepth) {
      throw new CheckpointError(
        'PickleLimitExceeded',
        file,
        `the pickled object nests deeper than ${lim.maxDepth} levels`
      )
    }
    const sources = childSources(value)
    if (sources.length > 0) stack.push({ path, sources, source: 0, index: 0 })
  }
  visit(root, [])
  while (stack.length > 0 && found.length < stopAfter) {
    const frame = stack[stack.length - 1]!
    const src = frame.sources[frame.source]
    if (src === undefined) {
      stack.pop()
      continue
    }
    const i = frame.index++
    if (src.kind === 'entries') {
      if (i >= src.entries.length) {
        frame.source++
        frame.index = 0
        continue
      }
      const [key, value] = src.entries[i]!
      if (value === null || typeof value !== 'object') continue
      const seg = keySegment(key)
      if (seg === undefined) continue
      visit(value, MODULE_SEGMENTS.has(seg) ? frame.path : extendPath(frame.path, seg))
    } else {
      if (i >= src.items.length) {
        frame.source++
        frame.index = 0
        continue
      }
      const value = src.items[i]!
      if (value === null || typeof value !== 'object') continue
      visit(value, src.named ? extendPath(frame.path, String(i)) : frame.path)
    }
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
  required = true,
  budget?: FileBudget
): StateDictSelection {
  const all = collectTensors(root, file, limits, Infinity, budget)
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
  warnings: string[],
  budget?: FileBudget
): TensorInfo[] {
  const out: TensorInfo[] = []
  const seen = new Set<string>()
  // one tensor per iteration, thousands of them, once per run: plain loops, no per-tensor closures or constants
  for (let i = 0; i < found.length; i++) {
    const path = found[i]!.path
    const t = found[i]!.tensor
    const name = path.join('.')
    // a name is a new string (its segments joined): counted like the strings the pickle built
    budget?.chargePickle(64 + 2 * name.length, `tensor names`)
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
