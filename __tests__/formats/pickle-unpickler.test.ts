import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isCheckpointError } from '../../src/formats/errors.js'
import { PickleError } from '../../src/formats/torch/pickle/scan.js'
import { unpickle, type UnpickleOptions } from '../../src/formats/torch/pickle/unpickler.js'
import { dictGet, type PyValue } from '../../src/formats/torch/pickle/values.js'
import { collectTensors } from '../../src/formats/torch/state-dict.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'

const FIXTURES = join(import.meta.dirname, '../../__fixtures__/torch')

function run(bytes: Uint8Array, options: Partial<UnpickleOptions> = {}) {
  return unpickle(bytes, { file: 'test.pkl', where: 'test.pkl', ...options })
}

/** The error a pickle raises (fails the test when it does not raise a PickleError). */
function errorOf(bytes: Uint8Array, options: Partial<UnpickleOptions> = {}): PickleError {
  try {
    run(bytes, options)
  } catch (e) {
    if (e instanceof PickleError) return e
    throw e
  }
  throw new Error('expected the pickle to fail')
}

/** Symbolic value -> plain JS for comparisons (tuples as {tuple: [...]}, sets sorted, bytes as hex). */
function plain(v: PyValue): unknown {
  if (v === null || typeof v !== 'object') return v
  switch (v.kind) {
    case 'list':
      return v.items.map(plain)
    case 'tuple':
      return { tuple: v.items.map(plain) }
    case 'dict':
      return Object.fromEntries(v.entries.map(([k, x]) => [String(k), plain(x)]))
    case 'set':
      return { [v.frozen ? 'frozenset' : 'set']: v.items.map(plain) }
    case 'bytes':
      return { bytes: Buffer.from(v.data).toString('hex') }
    default:
      return { kind: v.kind }
  }
}

describe('unpickler: CPython pickles of every protocol', () => {
  const expected = {
    name: 'plain',
    values: [1n, -2n, 2.5, null, true, false, 2n ** 70n, -(2n ** 40n), 'café', { bytes: '00ff' }],
    nested: { k: { tuple: [1n, 'two'] }, empty: [], set: { set: [3n] }, fs: { frozenset: [4n] } }
  }
  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    it(`decodes the protocol ${protocol} file written by Python`, () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, `plain_protocol${protocol}.pkl`)))
      const result = run(bytes)
      expect(plain(result.value)).toEqual(expected)
      expect(result.end).toBe(bytes.length)
      expect(result.scan.protocol).toBe(protocol >= 2 ? protocol : undefined)
      expect(result.scan.anomalies).toEqual([])
    })
  }

  it('reports the globals protocol 0-2 need for bytes and sets, classified', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'plain_protocol2.pkl')))
    const names = run(bytes).scan.imports.map((g) => `${g.module}.${g.name}:${g.tier}`)
    expect(names).toEqual(
      expect.arrayContaining(['_codecs.encode:allowed', 'builtins.set:allowed', 'builtins.frozenset:allowed'])
    )
  })
})

describe('unpickler: globals are resolved symbolically', () => {
  it('resolves STACK_GLOBAL operands from memoized strings', () => {
    // the picklescan bypass family: module and name are pushed long before, memoized, and fetched with GET
    const w = new PickleWriter()
      .proto(4)
      .shortStr('os')
      .op(P.MEMOIZE)
      .shortStr('system')
      .op(P.MEMOIZE)
      .op(P.POP)
      .op(P.POP)
    w.raw(P.BINGET, 0).raw(P.BINGET, 1).op(P.STACK_GLOBAL).shortStr('id').tuple(1).op(P.REDUCE).stop()
    const { scan } = run(w.bytes())
    expect(scan.imports).toEqual([
      expect.objectContaining({ module: 'os', name: 'system', tier: 'dangerous', count: 1 })
    ])
    expect(scan.calls).toEqual([
      expect.objectContaining({ callee: 'os.system', opcode: 'REDUCE', tier: 'dangerous', emulated: false })
    ])
  })

  it('records a call whose result is discarded (POP after REDUCE)', () => {
    const w = new PickleWriter()
      .proto(2)
      .global('builtins', 'eval')
      .str('1+1')
      .tuple(1)
      .op(P.REDUCE)
      .op(P.POP)
    w.op(P.NONE).stop()
    const result = run(w.bytes())
    expect(result.value).toBeNull()
    expect(result.scan.calls).toEqual([
      expect.objectContaining({ callee: 'builtins.eval', tier: 'dangerous', count: 1 })
    ])
  })

  it('maps Python 2 names and classifies both spellings', () => {
    const w = new PickleWriter()
      .proto(2)
      .global('__builtin__', 'eval')
      .op(P.POP)
      .global('__builtin__', 'set')
      .stop()
    const { scan, value } = run(w.bytes())
    expect(scan.imports.map((g) => [g.module, g.name, g.tier])).toEqual([
      ['builtins', 'eval', 'dangerous'],
      ['builtins', 'set', 'allowed']
    ])
    expect(value).toEqual({ kind: 'global', module: 'builtins', name: 'set', tier: 'allowed' })
  })

  it('records INST and OBJ imports and calls without running them', () => {
    const inst = new PickleWriter()
      .op(P.MARK)
      .str('ls')
      .raw(P.INST, ...new TextEncoder().encode('subprocess\ncall\n'))
      .stop()
    const a = run(inst.bytes())
    expect(a.scan.imports[0]).toMatchObject({ module: 'subprocess', name: 'call', tier: 'dangerous' })
    expect(a.scan.calls[0]).toMatchObject({ callee: 'subprocess.call', opcode: 'INST' })
    expect(a.value).toMatchObject({ kind: 'object', via: 'INST', args: ['ls'] })
    const obj = new PickleWriter().op(P.MARK).global('posix', 'system').str('id').raw(0x6f).stop()
    expect(run(obj.bytes()).scan.calls[0]).toMatchObject({
      callee: 'posix.system',
      opcode: 'OBJ',
      tier: 'dangerous'
    })
  })

  it('counts BUILD on a non-allowed object as a call site', () => {
    const w = new PickleWriter()
      .proto(2)
      .global('argparse', 'Namespace')
      .tuple(0)
      .op(P.NEWOBJ)
      .op(P.EMPTY_DICT)
      .op(P.BUILD)
      .stop()
    const { scan, value } = run(w.bytes())
    expect(scan.calls.map((c) => `${c.callee}/${c.opcode}/${c.tier}`)).toEqual([
      'argparse.Namespace/NEWOBJ/unknown',
      'argparse.Namespace/BUILD/unknown'
    ])
    expect(value).toMatchObject({ kind: 'object', state: { kind: 'dict' } })
  })

  it('rejects STACK_GLOBAL on non-strings and still reports it as dangerous', () => {
    const w = new PickleWriter().proto(4).int(1).shortStr('system').op(P.STACK_GLOBAL).stop()
    const e = errorOf(w.bytes())
    expect(e.code).toBe('InvalidPickle')
    expect(e.detail).toMatch(/STACK_GLOBAL expects 2 strings/)
    expect(e.offset).toBe(12) // PROTO 2 (2 bytes), BININT1 (2), SHORT_BINUNICODE 'system' (8)
    expect(e.globals).toEqual([expect.objectContaining({ module: '<non-string>', tier: 'dangerous' })])
  })

  it('reports globals imported before a parse error (broken pickle)', () => {
    const w = new PickleWriter()
      .proto(2)
      .global('os', 'system')
      .str('id')
      .tuple(1)
      .op(P.REDUCE)
      .raw(0xff, 0xfe)
    const e = errorOf(w.bytes())
    expect(e.code).toBe('InvalidPickle')
    expect(e.detail).toMatch(/unknown opcode 0xff/)
    expect(e.globals).toEqual([
      { module: 'os', name: 'system', tier: 'dangerous', where: 'test.pkl', count: 1 }
    ])
    expect(e.scan?.calls[0]).toMatchObject({ callee: 'os.system' })
  })
})

describe('unpickler: hostile structure', () => {
  it('keeps __proto__ keys as data and pollutes nothing', () => {
    const w = new PickleWriter()
      .proto(2)
      .op(P.EMPTY_DICT)
      .str('__proto__')
      .op(P.EMPTY_DICT)
      .str('polluted')
      .int(1)
    w.op(P.SETITEM).op(P.SETITEM).stop()
    const { value } = run(w.bytes())
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    if (value === null || typeof value !== 'object' || value.kind !== 'dict') throw new Error('not a dict')
    expect(value.entries.map(([k]) => k)).toEqual(['__proto__'])
    expect(plain(dictGet(value, '__proto__')!)).toEqual({ polluted: 1n })
  })

  it('handles a self-referencing list (cycle) and walks it once', () => {
    const w = new PickleWriter().proto(2).op(P.EMPTY_LIST).put(0).get(0).op(P.APPEND).stop()
    const { value } = run(w.bytes())
    if (value === null || typeof value !== 'object' || value.kind !== 'list') throw new Error('not a list')
    expect(value.items[0]).toBe(value)
    expect(collectTensors(value, 'test.pkl')).toEqual([])
  })

  it('shares memo references instead of copying (fan-out)', () => {
    const w = new PickleWriter().proto(2).op(P.EMPTY_LIST).op(P.MARK)
    for (let i = 0; i < 1000; i++) w.int(i)
    w.op(P.APPENDS).put(0).op(P.POP).op(P.EMPTY_LIST).op(P.MARK)
    for (let i = 0; i < 50_000; i++) w.get(0)
    w.op(P.APPENDS).stop()
    const { value } = run(w.bytes())
    if (value === null || typeof value !== 'object' || value.kind !== 'list') throw new Error('not a list')
    expect(value.items).toHaveLength(50_000)
    expect(value.items[0]).toBe(value.items[49_999])
  })

  it('builds 100k nested lists without recursion; the tensor walk refuses the depth', () => {
    const w = new PickleWriter().proto(2)
    for (let i = 0; i < 100_000; i++) w.op(P.EMPTY_LIST)
    for (let i = 0; i < 99_999; i++) w.op(P.APPEND)
    w.stop()
    const { value } = run(w.bytes())
    expect(value).toMatchObject({ kind: 'list' })
    expect(() => collectTensors(value, 'deep.pkl')).toThrow(
      expect.objectContaining({ code: 'PickleLimitExceeded' })
    )
  })

  it('notes PROTO out of place, a second PROTO and a non-empty stack at STOP', () => {
    const w = new PickleWriter().op(P.NONE).proto(2).proto(2).op(P.NONE).stop()
    expect(run(w.bytes()).scan.anomalies).toEqual([
      'PROTO is not the first opcode',
      'duplicate PROTO',
      'stack not empty after STOP'
    ])
  })
})

describe('unpickler: every bad input is a typed error', () => {
  const cases: Array<[string, Uint8Array, string, RegExp]> = [
    ['empty input', new Uint8Array(0), 'Truncated', /before STOP/],
    ['no STOP', new PickleWriter().proto(2).op(P.NONE).bytes(), 'Truncated', /before STOP/],
    ['truncated argument', new PickleWriter().proto(2).raw(P.BININT, 1, 2).bytes(), 'Truncated', /BININT/],
    ['unknown opcode', Uint8Array.from([0x80, 2, 0xff]), 'InvalidPickle', /unknown opcode 0xff/],
    ['protocol 6', Uint8Array.from([0x80, 6, 0x4e, 0x2e]), 'UnsupportedPickle', /protocol 6/],
    // pickleparser hangs on this one (BINBYTES with a length of -5 as u32)
    [
      'BINBYTES length 2^32-5',
      Uint8Array.from([0x80, 3, 0x42, 0xfb, 0xff, 0xff, 0xff, 0x2e]),
      'PickleLimitExceeded',
      /length 4294967291/
    ],
    [
      'BINUNICODE past the end',
      Uint8Array.from([0x80, 2, 0x58, 10, 0, 0, 0, 0x61, 0x2e]),
      'Truncated',
      /BINUNICODE/
    ],
    [
      'negative BINSTRING length',
      Uint8Array.from([0x54, 0xfb, 0xff, 0xff, 0xff, 0x2e]),
      'InvalidPickle',
      /negative length/
    ],
    ['invalid UTF-8', Uint8Array.from([0x80, 4, 0x8c, 2, 0xc3, 0x28, 0x2e]), 'InvalidPickle', /UTF-8/],
    [
      'GET of an unset memo index',
      Uint8Array.from([0x80, 2, 0x68, 7, 0x2e]),
      'InvalidPickle',
      /memo index 7/
    ],
    ['POP on an empty stack', Uint8Array.from([0x80, 2, 0x30, 0x2e]), 'InvalidPickle', /empty stack/],
    ['TUPLE without MARK', Uint8Array.from([0x80, 2, 0x4e, 0x74, 0x2e]), 'InvalidPickle', /without a MARK/],
    ['STOP on an empty stack', Uint8Array.from([0x80, 2, 0x2e]), 'InvalidPickle', /empty stack/],
    ['APPEND to an int', Uint8Array.from([0x80, 2, 0x4b, 1, 0x4b, 2, 0x61, 0x2e]), 'InvalidPickle', /append/],
    ['SETITEMS with an odd count', Uint8Array.from([0x7d, 0x28, 0x4e, 0x75, 0x2e]), 'InvalidPickle', /odd/],
    [
      'REDUCE with non-tuple args',
      Uint8Array.from([0x4e, 0x4e, 0x52, 0x2e]),
      'InvalidPickle',
      /must be a tuple/
    ],
    ['EXT1', Uint8Array.from([0x80, 2, 0x82, 1, 0x2e]), 'UnsupportedPickle', /EXT1/],
    ['NEXT_BUFFER', Uint8Array.from([0x80, 5, 0x97, 0x2e]), 'UnsupportedPickle', /out-of-band/],
    [
      'LONG4 of 2000 bytes',
      Uint8Array.from([0x8b, 0xd0, 0x07, 0, 0, 0x2e]),
      'PickleLimitExceeded',
      /2000 bytes/
    ],
    [
      'FRAME past the end',
      Uint8Array.from([0x80, 4, 0x95, 0xff, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e]),
      'Truncated',
      /FRAME/
    ],
    ['INT line that is not a number', new TextEncoder().encode('Ixyz\n.'), 'InvalidPickle', /INT/],
    ['STRING without quotes', new TextEncoder().encode('Sabc\n.'), 'InvalidPickle', /quoted/]
  ]
  for (const [what, bytes, code, detail] of cases) {
    it(`${what} -> ${code}`, () => {
      const e = errorOf(bytes)
      expect(isCheckpointError(e)).toBe(true)
      expect(e.code).toBe(code)
      expect(e.detail).toMatch(detail)
      expect(e.file).toBe('test.pkl')
    })
  }

  it('bounds opcodes, memo, stack, MARK depth, strings and containers', () => {
    const nones = new PickleWriter().proto(2)
    for (let i = 0; i < 100; i++) nones.op(P.NONE).op(P.POP)
    nones.op(P.NONE).stop()
    expect(errorOf(nones.bytes(), { limits: { maxOpcodes: 50 } }).code).toBe('PickleLimitExceeded')
    expect(run(nones.bytes(), { limits: { maxOpcodes: 300 } }).value).toBeNull()

    const memo = new PickleWriter().proto(2).op(P.NONE)
    for (let i = 0; i < 20; i++) memo.put(i)
    expect(errorOf(memo.stop().bytes(), { limits: { maxMemo: 10 } }).detail).toMatch(/memo exceeds 10/)

    const stack = new PickleWriter().proto(2)
    for (let i = 0; i < 20; i++) stack.op(P.NONE)
    expect(errorOf(stack.stop().bytes(), { limits: { maxStack: 10 } }).detail).toMatch(
      /stack depth exceeds 10/
    )

    const marks = new PickleWriter().proto(2)
    for (let i = 0; i < 20; i++) marks.op(P.MARK)
    expect(errorOf(marks.stop().bytes(), { limits: { maxMarkDepth: 10 } }).detail).toMatch(/MARK nesting/)

    const str = new PickleWriter().proto(2).str('x'.repeat(100)).stop()
    expect(errorOf(str.bytes(), { limits: { maxStringBytes: 99 } }).code).toBe('PickleLimitExceeded')

    const globals = new PickleWriter().proto(2)
    for (let i = 0; i < 20; i++) globals.global('m', `n${i}`).op(P.POP)
    expect(errorOf(globals.op(P.NONE).stop().bytes(), { limits: { maxGlobals: 10 } }).detail).toMatch(
      /more than 10 distinct globals/
    )

    const list = new PickleWriter().proto(2).op(P.EMPTY_LIST)
    for (let i = 0; i < 3; i++) list.op(P.MARK).op(P.NONE).op(P.NONE).op(P.NONE).op(P.APPENDS)
    expect(errorOf(list.stop().bytes(), { limits: { maxContainerItems: 8 } }).detail).toMatch(
      /exceeds 8 items/
    )
  })

  it('asks for more input instead of failing when the input is incomplete', () => {
    const w = new PickleWriter().proto(2).str('abcdef').stop().bytes()
    expect(() => run(w.subarray(0, 5), { complete: false })).toThrow(
      expect.objectContaining({ name: 'NeedMoreInput' })
    )
    expect(errorOf(w.subarray(0, 5)).code).toBe('Truncated')
  })

  it('reads a pickle that starts inside a larger buffer and reports relative offsets', () => {
    const one = new PickleWriter().proto(2).int(5).stop().bytes()
    const two = new PickleWriter().proto(2).raw(0xff).bytes()
    const buf = new Uint8Array([...one, ...two])
    expect(run(buf).end).toBe(one.length)
    const e = errorOf(buf, { start: one.length })
    expect(e.offset).toBe(2)
    expect(e.detail).toMatch(/\+0x2/)
  })
})
