/**
 * The state of the pickle machine (input cursor, stack, MARK stack, memo, scan record) and the bounded primitive
 * operations on it; unpickler.ts adds the opcode semantics. Split out so each file stays readable.
 */
import type { ErrorCode } from '../../errors.js'
import type { PickleGlobal } from '../../types.js'
import type { PickleScan } from './scan.js'
import { opName } from './opcodes.js'
import { PickleError, ScanRecorder, scanGlobals } from './scan.js'
import { decodeUtf8 } from './text-args.js'
import { classifyGlobal } from './globals-policy.js'
import { describeValue, dictSet, pyDict, type PyDict, type PyValue } from './values.js'
import { PICKLE_LIMITS } from '../../limits.js'

export interface UnpickleLimits {
  maxOpcodes: number
  maxMemo: number
  /** Values on the stack, all MARK levels together. */
  maxStack: number
  maxMarkDepth: number
  /** Length of one str/bytes argument. */
  maxStringBytes: number
  /** Byte length of a LONG1/LONG4 argument (BigInt parsing of huge ones is a DoS). */
  maxLongBytes: number
  /** Items of one list, dict or set. */
  maxContainerItems: number
  /** Distinct globals one pickle may import (each is kept in the scan record). */
  maxGlobals: number
}

export const DEFAULT_UNPICKLE_LIMITS: Readonly<UnpickleLimits> = PICKLE_LIMITS

export interface UnpickleOptions {
  /** The file, for error messages (`CheckpointError.file`). */
  file: string
  /** The pickle's name in reports and messages (`archive/data.pkl`, `legacy:3`, the file name). */
  where: string
  /** Where the pickle starts in `bytes` (default 0). Offsets in messages are relative to it. */
  start?: number
  /**
   * False when `bytes` is only the first part of a longer input: running out then throws `NeedMoreInput`
   * (the caller reads more and retries) instead of `Truncated`.
   */
  complete?: boolean
  limits?: Partial<UnpickleLimits>
  /** Resolves BINPERSID/PERSID ids (torch storages). Without it, ids become `PyPersistent` nodes. */
  persistentLoad?: (pid: PyValue, fail: (code: ErrorCode, message: string) => never) => PyValue
  /** Globals of pickles read before this one; attached to any error so a failure still reports them. */
  priorGlobals?: PickleGlobal[]
}

export interface UnpickleResult {
  value: PyValue
  /** Offset in `bytes` just after STOP. */
  end: number
  scan: PickleScan
}

/** The input ended before the pickle did, and `complete` was false: read more bytes and run again. */
export class NeedMoreInput extends Error {
  constructor() {
    super('pickle continues past the bytes read so far')
    this.name = 'NeedMoreInput'
  }
}

export class MachineState {
  protected readonly limits: UnpickleLimits
  protected readonly rec: ScanRecorder
  protected readonly start: number
  protected readonly complete: boolean
  protected pos: number
  protected opStart = 0
  protected stack: PyValue[] = []
  protected readonly marks: number[] = []
  protected readonly memo = new Map<number, PyValue>()
  protected readonly view: DataView
  /**
   * `bytes.length` as a plain field: a typed array's length is a getter, and the bounds checks read it for
   * nearly every opcode.
   */
  protected readonly end: number
  /** `limits.maxStack`, read by every push. */
  protected readonly maxStack: number

  constructor(
    protected readonly bytes: Uint8Array,
    protected readonly options: UnpickleOptions
  ) {
    this.limits = { ...DEFAULT_UNPICKLE_LIMITS, ...options.limits }
    this.maxStack = this.limits.maxStack
    this.rec = new ScanRecorder(options.where)
    this.start = options.start ?? 0
    this.pos = this.start
    this.complete = options.complete ?? true
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.end = bytes.length
  }

  fail(code: ErrorCode, message: string, at = this.opStart): never {
    const rel = at - this.start
    throw new PickleError(
      code,
      this.options.file,
      `pickle ${this.options.where} at +0x${rel.toString(16)}: ${message}`,
      {
        globals: [...(this.options.priorGlobals ?? []), ...scanGlobals(this.rec.scan)],
        scan: this.rec.scan,
        offset: rel
      }
    )
  }

  protected readonly failBound = (code: ErrorCode, message: string): never => this.fail(code, message)

  // ---- input ----

  protected need(n: number, what: string): void {
    if (n > this.end - this.pos) {
      if (!this.complete) throw new NeedMoreInput()
      this.fail('Truncated', `input ends inside ${what} (needs ${n} bytes, ${this.end - this.pos} left)`)
    }
  }

  // The bounds check is inline and `need` (which builds the message) is called only when it fails: these run
  // for most opcodes, and a call per opcode is a real cost in code that runs once, mostly interpreted.
  protected u8(what: string): number {
    if (this.pos >= this.end) this.need(1, what)
    return this.bytes[this.pos++]!
  }

  protected take(n: number, what: string): Uint8Array {
    if (n > this.end - this.pos) this.need(n, what)
    const out = this.bytes.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  protected u16(): number {
    // the opcode's name only on failure (u16/u32/u64 run for most opcodes of a large pickle)
    if (this.end - this.pos < 2) this.need(2, opName(this.bytes[this.opStart]!))
    const v = this.view.getUint16(this.pos, true)
    this.pos += 2
    return v
  }

  protected u32(): number {
    if (this.end - this.pos < 4) this.need(4, opName(this.bytes[this.opStart]!))
    const v = this.view.getUint32(this.pos, true)
    this.pos += 4
    return v
  }

  protected u64(): bigint {
    if (this.end - this.pos < 8) this.need(8, opName(this.bytes[this.opStart]!))
    const v = this.view.getBigUint64(this.pos, true)
    this.pos += 8
    return v
  }

  /** A length argument, checked against the string limit and the remaining input before anything is sliced. */
  protected length(n: number | bigint, what: string): number {
    if (typeof n === 'bigint') {
      if (n > BigInt(Number.MAX_SAFE_INTEGER))
        this.fail('PickleLimitExceeded', `${what} length ${n} is too large`)
      n = Number(n)
    }
    if (n < 0) this.fail('InvalidPickle', `${what} has negative length ${n}`)
    if (n > this.limits.maxStringBytes) {
      this.fail(
        'PickleLimitExceeded',
        `${what} length ${n} exceeds the limit of ${this.limits.maxStringBytes} bytes`
      )
    }
    return n
  }

  protected line(what: string): Uint8Array {
    const max = Math.min(this.bytes.length, this.pos + this.limits.maxStringBytes + 1)
    const nl = this.bytes.indexOf(0x0a, this.pos)
    if (nl < 0 || nl >= max) {
      if (nl < 0 && !this.complete) throw new NeedMoreInput()
      this.fail(nl < 0 ? 'Truncated' : 'PickleLimitExceeded', `${what}: no end of line`)
    }
    const out = this.bytes.subarray(this.pos, nl)
    this.pos = nl + 1
    return out
  }

  protected textLine(what: string): string {
    return decodeUtf8(this.line(what)) ?? this.fail('InvalidPickle', `${what}: argument is not UTF-8`)
  }

  protected utf8(bytes: Uint8Array, what: string): string {
    return decodeUtf8(bytes) ?? this.fail('InvalidPickle', `${what}: string is not valid UTF-8`)
  }

  // ---- stack ----

  // push/pop/top run for nearly every opcode, mostly in the interpreter, where each property load is an IC
  // call: the stack, marks and limit are read once into locals.
  protected push(v: PyValue): void {
    const stack = this.stack
    if (stack.length >= this.maxStack) {
      this.fail('PickleLimitExceeded', `stack depth exceeds ${this.maxStack}`)
    }
    stack.push(v)
  }

  protected pop(): PyValue {
    const stack = this.stack
    const marks = this.marks
    const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
    if (stack.length <= floor)
      this.fail('InvalidPickle', `${opName(this.bytes[this.opStart]!)} on an empty stack`)
    return stack.pop()!
  }

  protected top(): PyValue {
    const stack = this.stack
    const marks = this.marks
    const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
    if (stack.length <= floor)
      this.fail('InvalidPickle', `${opName(this.bytes[this.opStart]!)} on an empty stack`)
    return stack[stack.length - 1]!
  }

  /** Items pushed since the last MARK (removed from the stack, MARK popped). */
  protected popMark(): PyValue[] {
    const mark = this.marks.pop()
    if (mark === undefined) this.fail('InvalidPickle', `${opName(this.bytes[this.opStart]!)} without a MARK`)
    return this.stack.splice(mark)
  }

  // ---- memo ----

  protected memoPut(index: number | bigint, v: PyValue): void {
    const i = typeof index === 'number' ? index : Number(index)
    if (!Number.isSafeInteger(i) || i < 0) this.fail('InvalidPickle', `memo index ${index} is invalid`)
    if (this.memo.size >= this.limits.maxMemo && !this.memo.has(i)) {
      this.fail('PickleLimitExceeded', `memo exceeds ${this.limits.maxMemo} entries`)
    }
    this.memo.set(i, v)
  }

  protected memoGet(index: number | bigint): PyValue {
    const v = this.memo.get(typeof index === 'number' ? index : Number(index))
    if (v === undefined) this.fail('InvalidPickle', `memo index ${index} was never stored`)
    return v
  }

  // ---- containers ----

  protected grow(length: number, adding: number): void {
    if (length + adding > this.limits.maxContainerItems) {
      this.fail('PickleLimitExceeded', `a container exceeds ${this.limits.maxContainerItems} items`)
    }
  }

  protected appendTo(target: PyValue, items: PyValue[]): void {
    if (target !== null && typeof target === 'object') {
      if (target.kind === 'list') {
        this.grow(target.items.length, items.length)
        for (const it of items) target.items.push(it)
        return
      }
      if (target.kind === 'object') {
        const list = (target.listItems ??= [])
        this.grow(list.length, items.length)
        for (const it of items) list.push(it)
        return
      }
    }
    this.fail('InvalidPickle', `cannot append to a ${describeValue(target)}`)
  }

  protected setItems(target: PyValue, flat: PyValue[]): void {
    if (flat.length % 2 !== 0) this.fail('InvalidPickle', 'SETITEMS with an odd number of items')
    let dict: PyDict | undefined
    if (target !== null && typeof target === 'object') {
      if (target.kind === 'dict') dict = target
      else if (target.kind === 'object') dict = target.dictItems ??= pyDict()
    }
    if (dict === undefined)
      return this.fail('InvalidPickle', `cannot set items on a ${describeValue(target)}`)
    this.grow(dict.entries.length, flat.length / 2)
    for (let i = 0; i < flat.length; i += 2) dictSet(dict, flat[i]!, flat[i + 1]!)
  }

  protected addItems(target: PyValue, items: PyValue[]): void {
    if (target !== null && typeof target === 'object' && target.kind === 'set' && !target.frozen) {
      this.grow(target.items.length, items.length)
      for (const it of items) target.items.push(it)
      return
    }
    if (target !== null && typeof target === 'object' && target.kind === 'object')
      return this.appendTo(target, items)
    this.fail('InvalidPickle', `cannot add items to a ${describeValue(target)}`)
  }

  protected build(target: PyValue, state: PyValue): void {
    if (target === null || typeof target !== 'object') {
      this.rec.anomaly(`BUILD on a ${describeValue(target)}`)
      return
    }
    if (target.kind === 'object') {
      const callee = target.callee
      const isGlobal = callee !== null && typeof callee === 'object' && callee.kind === 'global'
      const name = isGlobal ? `${callee.module}.${callee.name}` : '<computed>'
      const tier = isGlobal ? classifyGlobal(callee.module, callee.name) : 'unknown'
      // BUILD runs __setstate__ in Python: a call site unless the class is allowed
      if (tier !== 'allowed') this.rec.recordCall(name, tier, 'BUILD', this.opStart - this.start, false)
      target.state = state
    } else if (target.kind === 'dict') {
      target.state = state
    } else if (target.kind !== 'tensor') {
      this.rec.anomaly(`BUILD on a ${describeValue(target)}`)
    }
  }
}
