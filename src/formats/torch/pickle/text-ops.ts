/**
 * The opcodes of protocols 0 and 1 that read their argument as text up to a newline (INT, LONG, FLOAT, UNICODE,
 * STRING, GET, PUT, GLOBAL, INST, PERSID), and Python 2's byte strings (BINSTRING, SHORT_BINSTRING). A torch
 * checkpoint uses GLOBAL alone of these (protocol 2 writes imports as text), so they live apart from the binary
 * opcodes the unpickler's loop runs for every tensor.
 */
import { opName } from './opcodes.js'
import { CallMachine } from './calls.js'
import { COST } from './machine.js'
import {
  decodePy2Str,
  decodeRawUnicodeEscape,
  parseFloatLine,
  parseIntLine,
  parseStringRepr
} from './text-args.js'

export class TextOpsMachine extends CallMachine {
  /** Runs one of these opcodes; any other byte is not an opcode. */
  protected textOp(op: number): void {
    switch (op) {
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
      case /* FLOAT */ 0x46: {
        this.charge(COST.number)
        const v = parseFloatLine(this.textLine('FLOAT'))
        return this.push(v ?? this.fail('InvalidPickle', 'FLOAT argument is not a number'))
      }
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
      case /* PUT */ 0x70:
        return this.memoPut(
          parseIntLine(this.textLine('PUT'), false) ?? this.fail('InvalidPickle', 'bad PUT index'),
          this.top()
        )
      case /* GET */ 0x67:
        return this.push(
          this.memoGet(
            parseIntLine(this.textLine('GET'), false) ?? this.fail('InvalidPickle', 'bad GET index')
          )
        )
      case /* GLOBAL */ 0x63: {
        const module = this.textLine('GLOBAL module')
        const name = this.textLine('GLOBAL name')
        return this.push(this.global(module, name))
      }
      case /* INST */ 0x69: {
        const module = this.textLine('INST module')
        const name = this.textLine('INST name')
        const cls = this.global(module, name)
        return this.push(this.call(cls, this.popMark(), 'INST'))
      }
      case /* PERSID */ 0x50:
        return this.push(this.persistent(this.textLine('PERSID')))
      default:
        return this.fail('InvalidPickle', `unknown opcode ${opName(op)}`)
    }
  }
}
