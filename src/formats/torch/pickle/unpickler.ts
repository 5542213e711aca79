/**
 * A non-executing pickle interpreter for protocols 0 to 5. It runs the opcode stream on an emulated stack and
 * memo and builds a symbolic object graph (values.ts): imports become `PyGlobal` nodes, calls become inert
 * `PyObject` nodes, and only the fixed set in emulation.ts (torch rebuild functions, OrderedDict, ...) is
 * interpreted. Every imported global and every call site is recorded as it happens (scan.ts), so the record is
 * complete up to any error. Every length, count and depth is bounded; every failure is a `PickleError` naming
 * the pickle and the opcode offset.
 */
import { emulatorFor, type EmulationContext, type Emulator } from './emulation.js'
import type { GlobalTier } from '../../types.js'
import { NON_STRING_MODULE } from './globals-policy.js'
import { COST, MachineState, NeedMoreInput, type UnpickleOptions, type UnpickleResult } from './machine.js'
import { HIGHEST_PROTOCOL, Op, opName } from './opcodes.js'
import {
  decodeLongLE,
  decodePy2Str,
  decodeRawUnicodeEscape,
  decodeUtf8,
  parseFloatLine,
  parseIntLine,
  parseStringRepr
} from './text-args.js'
import type { PickleCallSite } from './scan.js'
import { describeValue, pyDict, pyTuple, type PyObject, type PyValue } from './values.js'

export {
  DEFAULT_UNPICKLE_LIMITS,
  NeedMoreInput,
  type UnpickleLimits,
  type UnpickleOptions,
  type UnpickleResult
} from './machine.js'

/** Run one pickle from `options.start` to its STOP opcode. */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions): UnpickleResult {
  return new Machine(bytes, options).run()
}

/**
 * Small ints as shared BigInts: a state dict pickle is mostly sizes, strides and offsets, and a BigInt is
 * immutable, so one value per number saves an allocation per integer opcode.
 */
const SMALL_INTS = new Array<bigint | undefined>(4096)
function smallInt(n: number): bigint {
  if (n < 0 || n >= 4096) return BigInt(n)
  return (SMALL_INTS[n] ??= BigInt(n))
}

interface CalleeInfo {
  /** Effective `module.name`. */
  name: string
  tier: GlobalTier
  emulator: Emulator | undefined
  sites: Partial<Record<PyObject['via'], PickleCallSite>>
}

class Machine extends MachineState {
  // ---- globals and calls ----

  /**
   * The protocol `find_class` sees: the argument of the last PROTO so far (0 before any). A stream may switch
   * protocols between imports, and Python's renames depend on it.
   */
  private proto = 0

  private global(module: string, name: string): PyValue {
    const verdict = this.rec.recordImport(module, name, this.opStart - this.start, this.proto)
    this.charge(COST.container)
    if (this.rec.scan.imports.length > this.limits.maxGlobals) {
      this.fail('PickleLimitExceeded', `more than ${this.limits.maxGlobals} distinct globals`)
    }
    const reached = verdict.tier === 'allowed' ? verdict.resolvesTo : undefined
    if (reached !== undefined) {
      const dot = reached.lastIndexOf('.')
      return { kind: 'global', module: reached.slice(0, dot), name: reached.slice(dot + 1), tier: 'allowed' }
    }
    return { kind: 'global', module: verdict.module, name: verdict.name, tier: verdict.tier }
  }

  /**
   * Per imported global (memoized globals come back as the same object): its name, tier, emulator and call-site
   * records by opcode, so a call of a global seen before builds no strings and does no keyed lookups.
   */
  private readonly callees = new WeakMap<object, CalleeInfo>()

  /** The one context object emulators get (not one per call). */
  private readonly emulation: EmulationContext = { fail: this.failBound, charge: this.chargeBound }

  private call(callee: PyValue, args: PyValue[], via: PyObject['via'], kwargs?: PyValue): PyValue {
    const at = this.opStart - this.start
    if (callee !== null && typeof callee === 'object' && callee.kind === 'global') {
      let info = this.callees.get(callee)
      if (info === undefined) {
        const name = `${callee.module}.${callee.name}`
        info = {
          name,
          tier: callee.tier,
          // only what the allowlist admits is interpreted; anything else stays an inert node
          emulator: callee.tier === 'allowed' ? emulatorFor(name) : undefined,
          sites: {}
        }
        this.callees.set(callee, info)
      }
      const emulator = kwargs === undefined ? info.emulator : undefined
      // the record is shared by every global of this name (callSite finds it by name); cached here per opcode
      const site = (info.sites[via] ??= this.rec.callSite(
        info.name,
        info.tier,
        via,
        at,
        emulator !== undefined
      ))
      site.count++
      if (emulator !== undefined) {
        const v = emulator(args, this.emulation, info.name)
        if (v !== undefined) return v
      }
    } else {
      // calling something that is not an imported name: a call result, a memo trick; always worth a look
      this.rec.recordCall('<computed>', 'unknown', via, at, false)
      this.rec.anomaly(`${via} on a ${describeValue(callee)} rather than an imported global`)
    }
    this.charge(COST.container)
    const obj: PyObject = { kind: 'object', callee, args, via }
    if (kwargs !== undefined) obj.kwargs = kwargs
    return obj
  }

  private tupleArgs(v: PyValue, what: string): PyValue[] {
    if (v !== null && typeof v === 'object' && v.kind === 'tuple') return v.items
    return this.fail('InvalidPickle', `${what} arguments must be a tuple, got ${describeValue(v)}`)
  }

  // ---- main loop ----

  run(): UnpickleResult {
    // loop invariants in locals: this loop runs once per opcode, mostly interpreted
    const bytes = this.bytes
    const end = this.end
    const scan = this.rec.scan
    const maxOpcodes = this.limits.maxOpcodes
    const stack = this.stack
    const marks = this.marks
    const memo = this.memo
    const maxStack = this.maxStack
    const maxMarkDepth = this.limits.maxMarkDepth
    const maxStringBytes = this.limits.maxStringBytes
    const maxHeld = this.maxHeld
    let opcodes = 0
    for (;;) {
      const pos = this.pos
      this.opStart = pos
      if (pos >= end) {
        if (!this.complete) throw new NeedMoreInput()
        this.fail('Truncated', 'input ends before STOP')
      }
      if (++opcodes > maxOpcodes) {
        this.fail('PickleLimitExceeded', `more than ${maxOpcodes} opcodes`)
      }
      scan.opcodes = opcodes
      const op = bytes[pos]!
      this.pos = pos + 1
      // The opcodes a state dict is mostly made of (a thousand-tensor data.pkl is ~25k opcodes, run interpreted),
      // done here without the method calls `step` makes for each. Every check `step` would make comes first; when
      // one does not pass, nothing has changed yet and `step` runs the opcode, failing with its own message.
      switch (op) {
        case /* BINGET */ 0x68:
          if (pos + 1 < end && stack.length < maxStack) {
            const v = memo.get(bytes[pos + 1]!)
            if (v !== undefined) {
              stack.push(v)
              this.pos = pos + 2
              continue
            }
          }
          break
        case /* BININT1 */ 0x4b:
          if (pos + 1 < end && stack.length < maxStack) {
            stack.push(smallInt(bytes[pos + 1]!))
            this.pos = pos + 2
            continue
          }
          break
        case /* BININT2 */ 0x4d:
          if (pos + 2 < end && stack.length < maxStack) {
            stack.push(smallInt(bytes[pos + 1]! | (bytes[pos + 2]! << 8)))
            this.pos = pos + 3
            continue
          }
          break
        case /* BININT */ 0x4a:
          if (pos + 4 < end && stack.length < maxStack) {
            stack.push(smallInt(this.view.getInt32(pos + 1, true)))
            this.pos = pos + 5
            continue
          }
          break
        case /* MARK */ 0x28:
          if (marks.length < maxMarkDepth) {
            marks.push(stack.length)
            continue
          }
          break
        case /* NEWFALSE */ 0x89:
          if (stack.length < maxStack) {
            stack.push(false)
            continue
          }
          break
        case /* EMPTY_TUPLE */ 0x29:
          if (stack.length < maxStack && this.held + COST.container <= maxHeld) {
            this.held += COST.container
            stack.push(pyTuple([]))
            continue
          }
          break
        case /* TUPLE1 */ 0x85:
        case /* TUPLE2 */ 0x86:
        case /* TUPLE3 */ 0x87: {
          const n = op - 0x84
          const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
          const cost = COST.container + COST.item * n
          // n >= 1 items leave, one enters: the stack cannot overflow
          if (stack.length - n >= floor && this.held + cost <= maxHeld) {
            this.held += cost
            stack.push(pyTuple(stack.splice(stack.length - n)))
            continue
          }
          break
        }
        case /* TUPLE */ 0x74:
          if (marks.length > 0) {
            const mark = marks[marks.length - 1]!
            const cost = COST.container + COST.item * (stack.length - mark)
            if (mark < maxStack && this.held + cost <= maxHeld) {
              marks.pop()
              this.held += cost
              stack.push(pyTuple(stack.splice(mark)))
              continue
            }
          }
          break
        case /* REDUCE */ 0x52: {
          const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
          const args = stack[stack.length - 1]
          if (
            stack.length - 2 >= floor &&
            args !== null &&
            typeof args === 'object' &&
            args.kind === 'tuple'
          ) {
            const callee = stack[stack.length - 2]!
            stack.length -= 2
            stack.push(this.call(callee, args.items, 'REDUCE'))
            continue
          }
          break
        }
        case /* BINPERSID */ 0x51: {
          const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
          if (stack.length > floor) {
            stack.push(this.persistent(stack.pop()!))
            continue
          }
          break
        }
        case /* BINUNICODE */ 0x58:
          if (pos + 4 < end && stack.length < maxStack) {
            const n = this.view.getUint32(pos + 1, true)
            const from = pos + 5
            if (n <= maxStringBytes && n <= end - from) {
              const s = decodeUtf8(bytes.subarray(from, from + n))
              if (s !== undefined && this.held + COST.stringBase + 2 * s.length <= maxHeld) {
                this.held += COST.stringBase + 2 * s.length
                stack.push(s)
                this.pos = from + n
                continue
              }
            }
          }
          break
      }
      if (op === Op.STOP) return this.stop()
      this.step(op, opcodes)
    }
  }

  private stop(): UnpickleResult {
    const value = this.pop()
    if (this.stack.length > 0 || this.marks.length > 0) this.rec.anomaly('stack not empty after STOP')
    return { value, end: this.pos, scan: this.rec.scan, held: this.held }
  }

  private step(op: number, opcodes: number): void {
    // Literal cases, not `Op.X`: V8 turns a switch over small integer literals into a jump table, where
    // property cases cost a load and a compare each, for every opcode, in code that mostly runs once, cold.
    switch (op) {
      case /* PROTO */ 0x80: {
        const p = this.u8('PROTO')
        if (p > HIGHEST_PROTOCOL) this.fail('UnsupportedPickle', `unsupported pickle protocol ${p}`)
        if (this.rec.scan.protocol !== undefined) this.rec.anomaly('duplicate PROTO')
        else if (opcodes !== 1) this.rec.anomaly('PROTO is not the first opcode')
        this.rec.scan.protocol ??= p
        this.proto = p
        return
      }
      case /* FRAME */ 0x95: {
        const n = this.u64()
        if (this.complete && n > BigInt(this.bytes.length - this.pos)) {
          this.fail('Truncated', `FRAME of ${n} bytes runs past the end of the input`)
        }
        return
      }
      case /* MARK */ 0x28:
        if (this.marks.length >= this.limits.maxMarkDepth) {
          this.fail('PickleLimitExceeded', `MARK nesting exceeds ${this.limits.maxMarkDepth}`)
        }
        this.marks.push(this.stack.length)
        return
      case /* POP */ 0x30:
        if (this.marks.length > 0 && this.stack.length === this.marks[this.marks.length - 1]) {
          this.marks.pop() // CPython: POP of a bare MARK discards the mark
        } else {
          this.pop()
        }
        return
      case /* POP_MARK */ 0x31:
        this.popMark()
        return
      case /* DUP */ 0x32:
        this.push(this.top())
        return
      case /* NONE */ 0x4e:
        return this.push(null)
      case /* NEWTRUE */ 0x88:
        return this.push(true)
      case /* NEWFALSE */ 0x89:
        return this.push(false)
      case /* BININT */ 0x4a:
        this.need(4, 'BININT')
        this.push(smallInt(this.view.getInt32(this.pos, true)))
        this.pos += 4
        return
      case /* BININT1 */ 0x4b:
        return this.push(smallInt(this.u8('BININT1')))
      case /* BININT2 */ 0x4d:
        return this.push(smallInt(this.u16()))
      case /* LONG1 */ 0x8a:
      case /* LONG4 */ 0x8b: {
        const n =
          op === Op.LONG1 ? this.u8('LONG1') : this.view.getInt32((this.need(4, 'LONG4'), this.pos), true)
        if (op === Op.LONG4) this.pos += 4
        if (n < 0) this.fail('InvalidPickle', `LONG4 has negative length ${n}`)
        if (n > this.limits.maxLongBytes) {
          this.fail('PickleLimitExceeded', `integer of ${n} bytes exceeds ${this.limits.maxLongBytes}`)
        }
        this.charge(COST.number + n)
        return this.push(decodeLongLE(this.take(n, opName(op))))
      }
      case /* INT */ 0x49: {
        const text = this.textLine('INT')
        if (text === '00') return this.push(false)
        if (text === '01') return this.push(true)
        const v = parseIntLine(text, false)
        this.charge(COST.number + text.length)
        return this.push(v ?? this.fail('InvalidPickle', 'INT argument is not an integer'))
      }
      case /* LONG */ 0x4c: {
        const text = this.textLine('LONG')
        this.charge(COST.number + text.length)
        const v = parseIntLine(text, true)
        return this.push(v ?? this.fail('InvalidPickle', 'LONG argument is not an integer'))
      }
      case /* BINFLOAT */ 0x47:
        this.need(8, 'BINFLOAT')
        this.charge(COST.number)
        this.push(this.view.getFloat64(this.pos, false))
        this.pos += 8
        return
      case /* FLOAT */ 0x46: {
        this.charge(COST.number)
        const v = parseFloatLine(this.textLine('FLOAT'))
        return this.push(v ?? this.fail('InvalidPickle', 'FLOAT argument is not a number'))
      }
      case /* BINUNICODE */ 0x58:
        return this.push(
          this.utf8(this.take(this.length(this.u32(), 'BINUNICODE'), 'BINUNICODE'), 'BINUNICODE')
        )
      case /* SHORT_BINUNICODE */ 0x8c:
        return this.push(
          this.utf8(this.take(this.u8('SHORT_BINUNICODE'), 'SHORT_BINUNICODE'), 'SHORT_BINUNICODE')
        )
      case /* BINUNICODE8 */ 0x8d:
        return this.push(
          this.utf8(this.take(this.length(this.u64(), 'BINUNICODE8'), 'BINUNICODE8'), 'BINUNICODE8')
        )
      case /* UNICODE */ 0x56: {
        const v = decodeRawUnicodeEscape(this.line('UNICODE'))
        return this.push(this.str(v ?? this.fail('InvalidPickle', 'UNICODE argument has a bad escape')))
      }
      case /* STRING */ 0x53: {
        const v = parseStringRepr(this.line('STRING'))
        return this.push(
          this.str(
            v === undefined ? this.fail('InvalidPickle', 'STRING argument is not quoted') : decodePy2Str(v)
          )
        )
      }
      case /* BINSTRING */ 0x54: {
        this.need(4, 'BINSTRING')
        const n = this.view.getInt32(this.pos, true)
        this.pos += 4
        return this.push(this.str(decodePy2Str(this.take(this.length(n, 'BINSTRING'), 'BINSTRING'))))
      }
      case /* SHORT_BINSTRING */ 0x55:
        return this.push(this.str(decodePy2Str(this.take(this.u8('SHORT_BINSTRING'), 'SHORT_BINSTRING'))))
      case /* BINBYTES */ 0x42:
        return this.pushBytes(this.take(this.length(this.u32(), 'BINBYTES'), 'BINBYTES'), false)
      case /* SHORT_BINBYTES */ 0x43:
        return this.pushBytes(this.take(this.u8('SHORT_BINBYTES'), 'SHORT_BINBYTES'), false)
      case /* BINBYTES8 */ 0x8e:
        return this.pushBytes(this.take(this.length(this.u64(), 'BINBYTES8'), 'BINBYTES8'), false)
      case /* BYTEARRAY8 */ 0x96:
        return this.pushBytes(this.take(this.length(this.u64(), 'BYTEARRAY8'), 'BYTEARRAY8'), true)
      case /* EMPTY_TUPLE */ 0x29:
        this.charge(COST.container)
        return this.push(pyTuple([]))
      case /* TUPLE */ 0x74: {
        const items = this.popMark()
        this.charge(COST.container + COST.item * items.length)
        return this.push(pyTuple(items))
      }
      case /* TUPLE1 */ 0x85:
      case /* TUPLE2 */ 0x86:
      case /* TUPLE3 */ 0x87: {
        const n = op - Op.TUPLE1 + 1
        const items: PyValue[] = new Array<PyValue>(n)
        for (let i = n - 1; i >= 0; i--) items[i] = this.pop()
        this.charge(COST.container + COST.item * n)
        return this.push(pyTuple(items))
      }
      case /* EMPTY_LIST */ 0x5d:
        this.charge(COST.container)
        return this.push({ kind: 'list', items: [] })
      case /* LIST */ 0x6c: {
        const items = this.popMark()
        this.charge(COST.container + COST.item * items.length)
        return this.push({ kind: 'list', items })
      }
      case /* EMPTY_DICT */ 0x7d:
        this.charge(COST.container)
        return this.push(pyDict())
      case /* DICT */ 0x64: {
        this.charge(COST.container)
        const d = pyDict()
        this.setItems(d, this.popMark())
        return this.push(d)
      }
      case /* EMPTY_SET */ 0x8f:
        this.charge(COST.container)
        return this.push({ kind: 'set', items: [], frozen: false })
      case /* FROZENSET */ 0x91: {
        const items = this.popMark()
        this.charge(COST.container + COST.item * items.length)
        return this.push({ kind: 'set', items, frozen: true })
      }
      case /* APPEND */ 0x61: {
        const v = this.pop()
        return this.appendTo(this.top(), [v])
      }
      case /* SETITEM */ 0x73: {
        const v = this.pop()
        const k = this.pop()
        return this.setItems(this.top(), [k, v])
      }
      case /* APPENDS */ 0x65:
      case /* SETITEMS */ 0x75:
      case /* ADDITEMS */ 0x90: {
        const items = this.popMark()
        const target = this.top()
        if (op === Op.APPENDS) this.appendTo(target, items)
        else if (op === Op.SETITEMS) this.setItems(target, items)
        else this.addItems(target, items)
        return
      }
      case /* PUT */ 0x70:
        return this.memoPut(
          parseIntLine(this.textLine('PUT'), false) ?? this.fail('InvalidPickle', 'bad PUT index'),
          this.top()
        )
      case /* BINPUT */ 0x71:
        return this.memoPut(this.u8('BINPUT'), this.top())
      case /* LONG_BINPUT */ 0x72:
        return this.memoPut(this.u32(), this.top())
      case /* MEMOIZE */ 0x94:
        return this.memoPut(this.memo.size, this.top())
      case /* GET */ 0x67:
        return this.push(
          this.memoGet(
            parseIntLine(this.textLine('GET'), false) ?? this.fail('InvalidPickle', 'bad GET index')
          )
        )
      case /* BINGET */ 0x68:
        return this.push(this.memoGet(this.u8('BINGET')))
      case /* LONG_BINGET */ 0x6a:
        return this.push(this.memoGet(this.u32()))
      case /* GLOBAL */ 0x63: {
        const module = this.textLine('GLOBAL module')
        const name = this.textLine('GLOBAL name')
        return this.push(this.global(module, name))
      }
      case /* STACK_GLOBAL */ 0x93: {
        const name = this.pop()
        const module = this.pop()
        if (typeof module !== 'string' || typeof name !== 'string') {
          this.rec.recordImport(
            NON_STRING_MODULE,
            `${describeValue(module)}.${describeValue(name)}`,
            this.opStart - this.start
          )
          this.fail(
            'InvalidPickle',
            `STACK_GLOBAL expects 2 strings, got ${describeValue(module)} and ${describeValue(name)}`
          )
        }
        return this.push(this.global(module, name))
      }
      case /* REDUCE */ 0x52: {
        const args = this.pop()
        const callee = this.pop()
        return this.push(this.call(callee, this.tupleArgs(args, 'REDUCE'), 'REDUCE'))
      }
      case /* NEWOBJ */ 0x81: {
        const args = this.pop()
        const cls = this.pop()
        return this.push(this.call(cls, this.tupleArgs(args, 'NEWOBJ'), 'NEWOBJ'))
      }
      case /* NEWOBJ_EX */ 0x92: {
        const kwargs = this.pop()
        const args = this.pop()
        const cls = this.pop()
        return this.push(this.call(cls, this.tupleArgs(args, 'NEWOBJ_EX'), 'NEWOBJ_EX', kwargs))
      }
      case /* INST */ 0x69: {
        const module = this.textLine('INST module')
        const name = this.textLine('INST name')
        const cls = this.global(module, name)
        return this.push(this.call(cls, this.popMark(), 'INST'))
      }
      case /* OBJ */ 0x6f: {
        const items = this.popMark()
        if (items.length === 0) this.fail('InvalidPickle', 'OBJ without a class')
        return this.push(this.call(items[0]!, items.slice(1), 'OBJ'))
      }
      case /* BUILD */ 0x62: {
        const state = this.pop()
        return this.build(this.top(), state)
      }
      case /* BINPERSID */ 0x51:
        return this.push(this.persistent(this.pop()))
      case /* PERSID */ 0x50:
        return this.push(this.persistent(this.textLine('PERSID')))
      case /* EXT1 */ 0x82:
      case /* EXT2 */ 0x83:
      case /* EXT4 */ 0x84:
        this.rec.anomaly(`${opName(op)} (copyreg extension registry)`)
        return this.fail('UnsupportedPickle', `${opName(op)} (extension registry) is not supported`)
      case /* NEXT_BUFFER */ 0x97:
      case /* READONLY_BUFFER */ 0x98:
        return this.fail('UnsupportedPickle', `${opName(op)} (out-of-band buffers) is not supported`)
      default:
        return this.fail('InvalidPickle', `unknown opcode ${opName(op)}`)
    }
  }

  private pushBytes(data: Uint8Array, mutable: boolean): void {
    // a view, not a copy: memory stays bounded by the input, which the caller already bounded
    this.charge(COST.container)
    this.push({ kind: 'bytes', data, mutable })
  }

  private persistent(pid: PyValue): PyValue {
    this.charge(COST.tensor)
    const load = this.options.persistentLoad
    return load === undefined ? { kind: 'persistent', pid } : load(pid, this.failBound)
  }
}
