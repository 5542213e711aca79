/**
 * What each binary opcode of protocols 2 to 5 does (the opcodes a torch checkpoint is written in), one opcode per
 * `step`, every argument read and every push bounded by machine.ts. The loop that drives it, and its inline fast
 * path for the commonest of these opcodes, are in unpickler.ts; protocol 0/1 text opcodes are in text-ops.ts.
 */
import { NON_STRING_MODULE } from './globals-policy.js'
import { COST, type UnpickleResult } from './machine.js'
import { HIGHEST_PROTOCOL, Op, opName } from './opcodes.js'
import { decodeLongLE } from './text-args.js'
import { TextOpsMachine } from './text-ops.js'
import { describeValue, pyDict, pyTuple, type PyValue } from './values.js'

/**
 * Small ints as shared BigInts: a state dict pickle is mostly sizes, strides and offsets, and a BigInt is
 * immutable, so one value per number saves an allocation per integer opcode.
 */
const SMALL_INTS = new Array<bigint | undefined>(4096)
export function smallInt(n: number): bigint {
  if (n < 0 || n >= 4096) return BigInt(n)
  return (SMALL_INTS[n] ??= BigInt(n))
}

export class BinaryOpsMachine extends TextOpsMachine {
  protected stop(): UnpickleResult {
    const value = this.pop()
    if (this.stack.length > 0 || this.marks.length > 0) this.rec.anomaly('stack not empty after STOP')
    return { value, end: this.pos, scan: this.rec.scan, held: this.held }
  }

  protected step(op: number, opcodes: number): void {
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
      case /* BINFLOAT */ 0x47:
        this.need(8, 'BINFLOAT')
        this.charge(COST.number)
        this.push(this.view.getFloat64(this.pos, false))
        this.pos += 8
        return
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
      case /* BINPUT */ 0x71:
        return this.memoPut(this.u8('BINPUT'), this.top())
      case /* LONG_BINPUT */ 0x72:
        return this.memoPut(this.u32(), this.top())
      case /* MEMOIZE */ 0x94:
        return this.memoPut(this.memo.size, this.top())
      case /* BINGET */ 0x68:
        return this.push(this.memoGet(this.u8('BINGET')))
      case /* LONG_BINGET */ 0x6a:
        return this.push(this.memoGet(this.u32()))
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
      case /* EXT1 */ 0x82:
      case /* EXT2 */ 0x83:
      case /* EXT4 */ 0x84:
        this.rec.anomaly(`${opName(op)} (copyreg extension registry)`)
        return this.fail('UnsupportedPickle', `${opName(op)} (extension registry) is not supported`)
      case /* NEXT_BUFFER */ 0x97:
      case /* READONLY_BUFFER */ 0x98:
        return this.fail('UnsupportedPickle', `${opName(op)} (out-of-band buffers) is not supported`)
      default:
        return this.textOp(op)
    }
  }

  private pushBytes(data: Uint8Array, mutable: boolean): void {
    // a view, not a copy: memory stays bounded by the input, which the caller already bounded
    this.charge(COST.container)
    this.push({ kind: 'bytes', data, mutable })
  }
}
