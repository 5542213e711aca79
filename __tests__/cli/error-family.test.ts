/** One error family: the class carries the exit status, and the CLI words every member one way. */
import { describe, expect, it } from '@jest/globals'
import {
  CheckpointError,
  EXIT,
  GateFailedError,
  InputError,
  InternalError,
  OutputError,
  toModelCompatError,
  UnreadableArtifactError,
  UsageError
} from '../../src/formats/errors.js'
import { errorText } from '../../src/cli/main.js'

describe('the error family', () => {
  it('carries the exit status in the class: usage 2, bad input 2, gate failed 1, internal 70', () => {
    expect(new UsageError('x').exitCode).toBe(2)
    expect(new InputError('x').exitCode).toBe(2)
    expect(new CheckpointError('Truncated', 'f', 'x').exitCode).toBe(2)
    expect(new OutputError('out.json', 'permission denied (EACCES)').exitCode).toBe(2)
    expect(new UnreadableArtifactError(['a', 'b']).exitCode).toBe(2)
    expect(new GateFailedError(['a']).exitCode).toBe(1)
    expect(new InternalError('x').exitCode).toBe(70)
    expect(EXIT).toEqual({ ok: 0, gateFailed: 1, usage: 2, badInput: 2, internal: 70 })
  })

  it('names the input of a usage error, the path of an output error', () => {
    expect(new UsageError("expected a number, got 'x'", { input: 'threshold' }).message).toBe(
      "Invalid input 'threshold': expected a number, got 'x'"
    )
    expect(new OutputError('out.json', 'is a directory (EISDIR)').message).toBe(
      'cannot write out.json: is a directory (EISDIR)'
    )
  })

  it('anything outside the family is an internal error, with the original as its cause', () => {
    const bug = new TypeError('x is undefined')
    const e = toModelCompatError(bug)
    expect(e).toBeInstanceOf(InternalError)
    expect(e.cause).toBe(bug)
    const ours = new UsageError('y')
    expect(toModelCompatError(ours)).toBe(ours)
  })

  it('is printed as one line per line of its message, printable, with --help for usage and the stack for bugs', () => {
    expect(errorText('gate', new UsageError('--baseline is required'))).toBe(
      "model-compat gate: --baseline is required\nRun 'model-compat gate --help' for usage.\n"
    )
    expect(errorText('analyze', new CheckpointError('Truncated', 'a\n::error::b\u001b[2J', 'short'))).toBe(
      'model-compat analyze: a?::error::b?[2J: Truncated: short\n'
    )
    expect(errorText('gate', new GateFailedError(['failed for 1 of 1:', '  a.safetensors: low']))).toBe(
      'model-compat gate: failed for 1 of 1:\n  a.safetensors: low\n'
    )
    const internal = errorText('lora', toModelCompatError(new Error('boom')))
    expect(internal).toMatch(/^model-compat lora: internal error: boom\n {4}at /)
  })
})
