/**
 * Tools of the unpickler's differential test (pickle-fast-path.test.ts): an opcode walker that finds where each
 * opcode and its length field are (to corrupt a pickle where it matters), and the outcome of one unpickle (the
 * result graph, or the error's code, offset, message and scan) with a comparison of two that sees sharing, so
 * a run with the fast path and one without can be compared exactly.
 */
import { PickleError } from '../../src/formats/torch/pickle/scan.js'
import { StorageRegistry } from '../../src/formats/torch/pickle/storages.js'
import {
  NeedMoreInput,
  unpickle,
  unpicklerTesting,
  type UnpickleLimits
} from '../../src/formats/torch/pickle/unpickler.js'
import { opName } from '../../src/formats/torch/pickle/opcodes.js'
import { seededRandom } from '../../fixtures/random.js'

/** How an opcode's argument is laid out (CPython pickletools). Opcodes not listed take no argument. */
type ArgShape = number | 'line' | 'line2' | 'len1' | 'len4' | 'len8'
const ARGS: ReadonlyMap<number, ArgShape> = new Map<number, ArgShape>([
  [0x4b, 1], // BININT1
  [0x68, 1], // BINGET
  [0x71, 1], // BINPUT
  [0x80, 1], // PROTO
  [0x82, 1], // EXT1
  [0x4d, 2], // BININT2
  [0x83, 2], // EXT2
  [0x4a, 4], // BININT
  [0x6a, 4], // LONG_BINGET
  [0x72, 4], // LONG_BINPUT
  [0x84, 4], // EXT4
  [0x47, 8], // BINFLOAT
  [0x95, 8], // FRAME
  [0x55, 'len1'], // SHORT_BINSTRING
  [0x43, 'len1'], // SHORT_BINBYTES
  [0x8c, 'len1'], // SHORT_BINUNICODE
  [0x8a, 'len1'], // LONG1
  [0x54, 'len4'], // BINSTRING
  [0x42, 'len4'], // BINBYTES
  [0x58, 'len4'], // BINUNICODE
  [0x8b, 'len4'], // LONG4
  [0x8d, 'len8'], // BINUNICODE8
  [0x8e, 'len8'], // BINBYTES8
  [0x96, 'len8'], // BYTEARRAY8
  [0x49, 'line'], // INT
  [0x4c, 'line'], // LONG
  [0x46, 'line'], // FLOAT
  [0x53, 'line'], // STRING
  [0x56, 'line'], // UNICODE
  [0x67, 'line'], // GET
  [0x70, 'line'], // PUT
  [0x50, 'line'], // PERSID
  [0x63, 'line2'], // GLOBAL
  [0x69, 'line2'] // INST
])

export interface WalkedOp {
  at: number
  op: number
  /** Where the argument ends (the next opcode). */
  end: number
  /** The length field of a length-prefixed argument, and its size in bytes. */
  lengthAt?: number
  lengthSize?: 1 | 4 | 8
}

/**
 * The opcodes of the pickle at `start`, up to its STOP, the first byte that is not an opcode, or the end of the
 * input. Lengths are taken as written: this only says where things are, the unpickler judges them.
 */
export function walkPickle(bytes: Uint8Array, start: number, maxOps = 1_000_000): WalkedOp[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ops: WalkedOp[] = []
  let pos = start
  while (pos < bytes.length && ops.length < maxOps) {
    const op = bytes[pos]!
    if (opName(op).startsWith('0x')) break
    const shape = ARGS.get(op) ?? 0
    const w: WalkedOp = { at: pos, op, end: pos + 1 }
    if (typeof shape === 'number') w.end += shape
    else if (shape === 'line' || shape === 'line2') {
      let nl = bytes.indexOf(0x0a, pos + 1)
      if (shape === 'line2' && nl >= 0) nl = bytes.indexOf(0x0a, nl + 1)
      w.end = nl < 0 ? bytes.length : nl + 1
    } else {
      const size = shape === 'len1' ? 1 : shape === 'len4' ? 4 : 8
      w.lengthAt = pos + 1
      w.lengthSize = size
      let n = Number.MAX_SAFE_INTEGER
      if (pos + 1 + size <= bytes.length) {
        n =
          size === 1
            ? bytes[pos + 1]!
            : size === 4
              ? view.getUint32(pos + 1, true)
              : Number(view.getBigUint64(pos + 1, true))
      }
      w.end = Math.min(bytes.length, pos + 1 + size + n)
    }
    ops.push(w)
    if (op === 0x2e) break
    pos = Math.min(w.end, bytes.length)
  }
  return ops
}

/**
 * Where two value graphs differ, or undefined when they are the same: same shapes and values, and the same
 * sharing (an object met twice in one graph is met at the same places in the other). Iterative: hostile
 * pickles nest 100k deep. Key order counts (outputs depend on it); functions (the storage loader) are equal.
 */
export function graphDifference(a: unknown, b: unknown): string | undefined {
  const ab = new Map<object, object>()
  const ba = new Map<object, object>()
  const xs: unknown[] = [a]
  const ys: unknown[] = [b]
  const paths: string[] = ['$']
  while (xs.length > 0) {
    const x = xs.pop()
    const y = ys.pop()
    const path = paths.pop()!
    if (Object.is(x, y) || (typeof x === 'function' && typeof y === 'function')) continue
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') {
      return `${path}: ${String(x)} vs ${String(y)}`
    }
    const xMate = ab.get(x)
    const yMate = ba.get(y)
    if (xMate !== undefined || yMate !== undefined) {
      if (xMate !== y || yMate !== x) return `${path}: shared differently`
      continue
    }
    ab.set(x, y)
    ba.set(y, x)
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: different types`
    if (x instanceof Uint8Array) {
      if (Buffer.compare(x, y as Uint8Array) !== 0) return `${path}: different bytes`
      continue
    }
    let keys: string[]
    let xv: unknown[]
    let yv: unknown[]
    if (Array.isArray(x) || x instanceof Map || x instanceof Set) {
      xv = [...(x as Iterable<unknown>)]
      yv = [...(y as Iterable<unknown>)]
      keys = xv.map((_, i) => `[${i}]`)
    } else {
      keys = Object.keys(x)
      const yKeys = Object.keys(y)
      if (keys.join() !== yKeys.join()) return `${path}: keys ${keys.join()} vs ${yKeys.join()}`
      xv = Object.values(x)
      yv = Object.values(y)
    }
    if (xv.length !== yv.length) return `${path}: ${xv.length} items vs ${yv.length}`
    for (let i = xv.length - 1; i >= 0; i--) {
      xs.push(xv[i])
      ys.push(yv[i])
      paths.push(`${path}.${keys[i]}`)
    }
  }
  return undefined
}

export interface Run {
  bytes: Uint8Array
  start: number
  complete?: boolean
  limits?: Partial<UnpickleLimits>
}

/**
 * What one unpickle ends in: for a result, `ok` and the graph of its value, end, held bytes and scan, and what
 * the torch storage loader saw; for a pickle error, its code, offset and message, and the graph of its scan and
 * globals; NeedMoreInput; or any other exception's name and message. `fastPath` false runs every opcode through
 * `step`.
 */
export function outcome(run: Run, fastPath: boolean): { text: string; graph?: unknown } {
  unpicklerTesting.fastPath = fastPath
  const storages = new StorageRegistry()
  try {
    const r = unpickle(run.bytes, {
      file: 'f.pt',
      where: 'data.pkl',
      start: run.start,
      complete: run.complete ?? true,
      limits: run.limits,
      persistentLoad: storages.load
    })
    return { text: 'ok', graph: [r.value, r.end, r.held, r.scan, storages] }
  } catch (e) {
    if (e instanceof PickleError)
      return { text: `${e.code} @${e.offset} ${e.message}`, graph: [e.scan, e.globals] }
    if (e instanceof NeedMoreInput) return { text: 'NeedMoreInput' }
    return { text: `${(e as Error).name}: ${(e as Error).message}` }
  } finally {
    unpicklerTesting.fastPath = true
  }
}

/** How the outcomes of one run with and without the fast path differ, or undefined when they do not. */
export function outcomeDifference(run: Run): string | undefined {
  const fast = outcome(run, true)
  const slow = outcome(run, false)
  if (fast.text !== slow.text) return `fast path: ${fast.text}\n  step only: ${slow.text}`
  const where = graphDifference(fast.graph, slow.graph)
  return where === undefined ? undefined : `${fast.text}, but the graphs differ at ${where}`
}

/** Deterministic generator: the corruptions are the same on every run. */
export const rng = seededRandom
