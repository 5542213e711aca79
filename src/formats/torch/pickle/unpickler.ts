/**
 * A non-executing pickle interpreter for protocols 0 to 5. It runs the opcode stream on an emulated stack and
 * memo and builds a symbolic object graph (values.ts): imports become `PyGlobal` nodes, calls become inert
 * `PyObject` nodes, and only the fixed set in emulation.ts (torch rebuild functions, OrderedDict, ...) is
 * interpreted. Every imported global and every call site is recorded as it happens (scan.ts), so the record is
 * complete up to any error. Every length, count and depth is bounded; every failure is a `PickleError` naming
 * the pickle and the opcode offset.
 *
 * The machine is layered: machine.ts holds the state and its bounded stack, memo and reads; calls.ts imports and
 * calls; text-ops.ts the protocol 0/1 text opcodes; binary-ops.ts the binary opcodes, one per `step`; this file
 * the opcode loop, with its inline fast path for the commonest binary opcodes.
 */
import { BinaryOpsMachine, smallInt } from './binary-ops.js'
import { COST, NeedMoreInput, type UnpickleOptions, type UnpickleResult } from './machine.js'
import { Op } from './opcodes.js'
import { decodeUtf8 } from './text-args.js'
import { pyTuple } from './values.js'

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
 * For tests only. The fast path in `run` is a second copy of what `step` does for its opcodes (the same checks,
 * the same effects); with `fastPath` false every opcode goes through `step`, so the differential test
 * (__tests__/formats/pickle-fast-path.test.ts) can run both on the same inputs and require the same result or
 * the same error. Nothing outside that test changes it.
 */
export const unpicklerTesting = { fastPath: true }

class Machine extends BinaryOpsMachine {
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
    const fast = unpicklerTesting.fastPath
    let opcodes = 0
    // The position lives in a local while the loop runs the opcodes below; `this.pos`, `opStart` and
    // `scan.opcodes` are brought up to date before anything else can look at them (step, a call, an error).
    let pos = this.pos
    for (;;) {
      if (pos >= end || opcodes >= maxOpcodes) {
        this.opStart = pos
        this.pos = pos
        scan.opcodes = opcodes
        if (pos >= end) {
          if (!this.complete) throw new NeedMoreInput()
          this.fail('Truncated', 'input ends before STOP')
        }
        this.fail('PickleLimitExceeded', `more than ${maxOpcodes} opcodes`)
      }
      opcodes++
      const op = bytes[pos]!
      // The opcodes a state dict is mostly made of (a thousand-tensor data.pkl is ~25k opcodes, run interpreted),
      // done here without the method calls `step` makes for each. Every check `step` would make comes first; when
      // one does not pass, nothing has changed yet and `step` runs the opcode, failing with its own message.
      // This is a second copy of these opcodes: pickle-fast-path.test.ts checks it against `step` alone.
      if (fast)
        switch (op) {
          case /* BINGET */ 0x68:
            if (pos + 1 < end && stack.length < maxStack) {
              const v = memo.get(bytes[pos + 1]!)
              if (v !== undefined) {
                stack.push(v)
                pos += 2
                continue
              }
            }
            break
          case /* BININT1 */ 0x4b:
            if (pos + 1 < end && stack.length < maxStack) {
              stack.push(smallInt(bytes[pos + 1]!))
              pos += 2
              continue
            }
            break
          case /* BININT2 */ 0x4d:
            if (pos + 2 < end && stack.length < maxStack) {
              stack.push(smallInt(bytes[pos + 1]! | (bytes[pos + 2]! << 8)))
              pos += 3
              continue
            }
            break
          case /* BININT */ 0x4a:
            if (pos + 4 < end && stack.length < maxStack) {
              stack.push(smallInt(this.view.getInt32(pos + 1, true)))
              pos += 5
              continue
            }
            break
          case /* MARK */ 0x28:
            if (marks.length < maxMarkDepth) {
              marks.push(stack.length)
              pos++
              continue
            }
            break
          case /* NEWFALSE */ 0x89:
            if (stack.length < maxStack) {
              stack.push(false)
              pos++
              continue
            }
            break
          case /* EMPTY_TUPLE */ 0x29:
            if (stack.length < maxStack && this.held + COST.container <= maxHeld) {
              this.held += COST.container
              stack.push(pyTuple([]))
              pos++
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
              pos++
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
                pos++
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
              this.opStart = pos
              scan.opcodes = opcodes
              stack.push(this.call(callee, args.items, 'REDUCE'))
              pos++
              continue
            }
            break
          }
          case /* BINPERSID */ 0x51: {
            const floor = marks.length > 0 ? marks[marks.length - 1]! : 0
            if (stack.length > floor) {
              this.opStart = pos
              scan.opcodes = opcodes
              stack.push(this.persistent(stack.pop()!))
              pos++
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
                  pos = from + n
                  continue
                }
              }
            }
            break
        }
      this.opStart = pos
      this.pos = pos + 1
      scan.opcodes = opcodes
      if (op === Op.STOP) return this.stop()
      this.step(op, opcodes)
      pos = this.pos
    }
  }
}
