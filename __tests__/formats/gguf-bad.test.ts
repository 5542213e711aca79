import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ErrorCode } from '../../src/formats/errors.js'
import { readGguf } from '../../src/formats/gguf/read.js'
import { openLocalFile } from '../../src/formats/source.js'
import {
  buildGguf,
  comfyWanGgufSpec,
  everyValueTypeKv,
  GgufBytes,
  gv,
  kv,
  writeGguf,
  type GgufArraySpec,
  type GgufSpec
} from '../../fixtures/gguf.js'
import { errorOf, memorySource } from './gguf-helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'gguf-bad-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const NAME = 'bad.gguf'
const one = (extra: Partial<GgufSpec> = {}): GgufSpec => ({
  kv: [kv('general.architecture', gv.str('llama'))],
  tensors: [{ name: 'w', shape: [4, 32], type: 'F32' }],
  ...extra
})

/** Reads a built spec from memory with its full apparent size (so only the header matters). */
async function codeOf(spec: GgufSpec, size?: number): Promise<[ErrorCode, string]> {
  const built = buildGguf(spec)
  const e = await errorOf(
    readGguf(memorySource(built.header, NAME, size ?? Math.max(built.size, built.header.length)))
  )
  expect(e.file).toBe(NAME)
  expect(e.message).toContain(NAME)
  return [e.code, e.detail]
}

/** A hand-made header: magic, version 3, counts, then `body`. */
async function codeOfRaw(
  tensorCount: bigint,
  kvCount: bigint,
  body: (b: GgufBytes) => void,
  size?: number
): Promise<ErrorCode> {
  const b = new GgufBytes().u32(0x46554747).u32(3).u64(tensorCount).u64(kvCount)
  body(b)
  const bytes = b.toBytes()
  return (await errorOf(readGguf(memorySource(bytes, NAME, size ?? bytes.length)))).code
}

function nested(depth: number): GgufArraySpec {
  return depth === 1 ? gv.arr('UINT8', [1]) : gv.arr('ARRAY', [nested(depth - 1)])
}

describe('readGguf rejects bad files with precise codes', () => {
  it('header: magic and version', async () => {
    expect(await codeOf(one({ magic: 0x46554746 }))).toEqual([
      'InvalidGguf',
      expect.stringContaining('invalid magic')
    ])
    expect((await codeOf(one({ version: 0 })))[0]).toBe('InvalidGguf')
    expect(await codeOf(one({ version: 1 }))).toEqual(['UnsupportedGguf', expect.stringContaining('v1')])
    expect((await codeOf(one({ version: 4 })))[0]).toBe('UnsupportedGguf')
    expect(await codeOf(one({ version: 0x03000000 }))).toEqual([
      'UnsupportedGguf',
      expect.stringContaining('big-endian')
    ])
    expect((await errorOf(readGguf(memorySource(new Uint8Array(0), NAME)))).code).toBe('Truncated')
    expect(
      (await errorOf(readGguf(memorySource(new Uint8Array([0x47, 0x47, 0x55, 0x46, 3]), NAME)))).code
    ).toBe('Truncated')
  })

  it('absurd counts', async () => {
    expect(await codeOf(one({ tensorCount: 1n << 40n }))).toEqual([
      'GgufLimitExceeded',
      expect.stringContaining('tensor count')
    ])
    expect(await codeOf(one({ kvCount: 1n << 63n }))).toEqual([
      'GgufLimitExceeded',
      expect.stringContaining('kv count')
    ])
    expect(await codeOf(one({ kvCount: 0xffffffffffffffffn }))).toEqual([
      'GgufLimitExceeded',
      expect.anything()
    ])
    // Below the caps, but more than the file could hold: caught before reading any entry.
    expect(await codeOf(one({ kvCount: 900_000n }))).toEqual([
      'Truncated',
      expect.stringContaining('at least')
    ])
    expect(await codeOf(one({ tensorCount: 100_000n }))).toEqual([
      'Truncated',
      expect.stringContaining('at least')
    ])
  })

  it('strings: huge lengths, truncation, empty and duplicate keys, invalid UTF-8 names', async () => {
    expect(await codeOfRaw(0n, 1n, (b) => b.u64(1n << 62n).zeros(20))).toBe('GgufLimitExceeded')
    expect(
      await codeOfRaw(0n, 1n, (b) => b.u64(100).raw(new TextEncoder().encode('general.name')).zeros(2))
    ).toBe('Truncated')
    expect(
      await codeOfRaw(0n, 1n, (b) =>
        b
          .str('k')
          .u32(8)
          .u64(1n << 62n)
          .zeros(20)
      )
    ).toBe('GgufLimitExceeded')
    expect(
      await codeOfRaw(0n, 1n, (b) => b.str('k').u32(8).u64(50).raw(new TextEncoder().encode('short')))
    ).toBe('Truncated')
    // A 200 MB string in a sparse 1 GB file: inside the file but past the header cap.
    expect(await codeOfRaw(0n, 1n, (b) => b.str('k').u32(8).u64(200_000_000), 1e9)).toBe('GgufLimitExceeded')
    expect(await codeOf(one({ kv: [kv('', gv.u8(1))] }))).toEqual([
      'InvalidGguf',
      expect.stringContaining('empty key')
    ])
    expect(await codeOf(one({ kv: [kv('a', gv.u8(1)), kv('a', gv.u8(2))] }))).toEqual([
      'InvalidGguf',
      expect.stringContaining('duplicate metadata key "a"')
    ])
    expect((await codeOf(one({ kv: [kv(new Uint8Array([0xc3, 0x28]), gv.u8(1))] })))[0]).toBe('InvalidGguf')
    expect(
      (await codeOf(one({ tensors: [{ name: new Uint8Array([0xff]), shape: [1], type: 'F32' }] })))[0]
    ).toBe('InvalidGguf')
    expect((await codeOf(one({ tensors: [{ name: 'x'.repeat(70_000), shape: [1], type: 'F32' }] })))[0]).toBe(
      'GgufLimitExceeded'
    )
  })

  it('values: bad types, bools, arrays, nesting', async () => {
    expect(await codeOf(one({ kv: [kv('k', { type: 13, value: 0 })] }))).toEqual([
      'InvalidGguf',
      expect.stringContaining('value type of "k" is 13')
    ])
    expect((await codeOf(one({ kv: [kv('k', gv.arr(99, [1]))] })))[0]).toBe('InvalidGguf')
    expect((await codeOf(one({ kv: [kv('k', gv.bool(2))] })))[0]).toBe('InvalidGguf')
    // BOOL bytes past the kept head are checked too.
    const bools = Array.from({ length: 100 }, (_, i) => (i === 90 ? 7 : 1))
    expect((await codeOf(one({ kv: [kv('k', gv.arr('BOOL', bools))] })))[0]).toBe('InvalidGguf')
    expect((await codeOf(one({ kv: [kv('k', { ...gv.arr('UINT32', []), count: 1n << 40n })] })))[0]).toBe(
      'GgufLimitExceeded'
    )
    expect((await codeOf(one({ kv: [kv('k', { ...gv.arr('UINT32', []), count: 1_000_000n })] })))[0]).toBe(
      'Truncated'
    )
    expect((await codeOf(one({ kv: [kv('k', { ...gv.arr('STRING', []), count: 1_000_000n })] })))[0]).toBe(
      'Truncated'
    )
    expect(
      await readGguf(memorySource(buildGguf({ kv: [kv('k', nested(8))], tensors: [] }).header))
    ).toBeTruthy()
    expect(await codeOf(one({ kv: [kv('k', nested(9))] }))).toEqual([
      'GgufLimitExceeded',
      expect.stringContaining('deeper than 8')
    ])
  })

  it('general.alignment must be a UINT32 non-zero power of two', async () => {
    expect((await codeOf(one({ kv: [kv('general.alignment', gv.i32(32))] })))[0]).toBe('InvalidGguf')
    expect((await codeOf(one({ kv: [kv('general.alignment', gv.u32(0))] })))[0]).toBe('InvalidGguf')
    expect((await codeOf(one({ kv: [kv('general.alignment', gv.u32(24))] })))[0]).toBe('InvalidGguf')
  })

  it('tensor infos: dims, types, block sizes, names', async () => {
    const t = (o: object): Partial<GgufSpec> => ({ tensors: [{ name: 'w', type: 'F32', shape: [4], ...o }] })
    expect(await codeOf(one(t({ nDims: 1000 })))).toEqual([
      'GgufLimitExceeded',
      expect.stringContaining('1000 dims')
    ])
    expect((await codeOf(one(t({ nDims: 0xffffffff }))))[0]).toBe('GgufLimitExceeded')
    expect((await codeOf(one(t({ dims: [-1n] }))))[0]).toBe('InvalidGguf')
    expect((await codeOf(one(t({ dims: [1n << 60n] }))))[0]).toBe('GgufLimitExceeded')
    expect(await codeOf(one(t({ dims: [1n << 40n, 1n << 40n] })))).toEqual([
      'InvalidGguf',
      expect.stringContaining('overflows int64')
    ])
    expect(await codeOf(one(t({ type: 99 })))).toEqual([
      'InvalidGguf',
      expect.stringContaining('unknown ggml type 99')
    ])
    expect(await codeOf(one(t({ type: 4 })))).toEqual(['InvalidGguf', expect.stringContaining('Q4_2')])
    expect(await codeOf(one(t({ type: 'Q4_0', shape: [2, 33] })))).toEqual([
      'InvalidGguf',
      expect.stringContaining('block size 32')
    ])
    const dup: Partial<GgufSpec> = {
      tensors: [
        { name: 'w', type: 'F32', shape: [4] },
        { name: 'w', type: 'F32', shape: [4] }
      ]
    }
    expect(await codeOf(one(dup))).toEqual(['InvalidGguf', expect.stringContaining('duplicate tensor name')])
    // Names in messages are escaped and cut: a hostile name cannot drive the terminal or flood the output.
    const hostile = `\u001b[31m${'x'.repeat(5000)}`
    const [code, detail] = await codeOf(
      one({ tensors: [{ name: hostile, type: 'F32', shape: [4], offset: 3n }] })
    )
    expect(code).toBe('InvalidGguf')
    expect(detail).not.toContain('\u001b')
    expect(detail).toContain('\\u001b[31m')
    expect(detail.length).toBeLessThan(400)
  })

  it('offsets: misaligned, overlapping, past the end', async () => {
    const two = (a: bigint, b: bigint): Partial<GgufSpec> => ({
      tensors: [
        { name: 'a', type: 'F32', shape: [64], offset: a },
        { name: 'b', type: 'F32', shape: [64], offset: b }
      ]
    })
    expect(await codeOf(one(two(0n, 12n)))).toEqual([
      'InvalidGguf',
      expect.stringContaining('not a multiple')
    ])
    expect(await codeOf(one(two(0n, 128n)))).toEqual(['InvalidGguf', expect.stringContaining('overlaps')])
    expect(await codeOf(one(two(128n, 0n)))).toEqual(['InvalidGguf', expect.stringContaining('overlaps')])
    const built = buildGguf(one(two(0n, 256n)))
    expect(await codeOf(one(two(0n, 256n)), built.size - 1)).toEqual([
      'Truncated',
      expect.stringContaining('"b"')
    ])
    expect((await codeOf(one(two(0n, 1n << 60n)), built.size))[0]).toBe('Truncated')
    // The header ends exactly before the alignment padding.
    const noPad = buildGguf(one())
    expect(await codeOf(one(), noPad.dataStart - 1)).toEqual([
      'Truncated',
      expect.stringContaining('data section')
    ])
  })

  it('every truncation of a valid file is Truncated', async () => {
    const built = buildGguf({ kv: everyValueTypeKv(100), tensors: comfyWanGgufSpec().tensors })
    const full = new Uint8Array(built.size)
    full.set(built.header)
    expect(await readGguf(memorySource(full, NAME))).toBeTruthy()
    // Every byte of the header and padding, then the last byte of each tensor.
    const cuts = Array.from({ length: built.dataStart + 1 }, (_, i) => i)
    for (const t of built.tensors) cuts.push(built.dataStart + Number(t.offset + t.nbytes) - 1)
    const codes = new Set<string>()
    for (const cut of cuts) {
      codes.add((await errorOf(readGguf(memorySource(full.subarray(0, cut), NAME)))).code)
    }
    expect([...codes]).toEqual(['Truncated'])
  })

  it('a past-EOF tensor in a real file names the file', async () => {
    const path = join(dir, 'header-only.gguf')
    writeGguf(path, one(), { data: 'none' })
    const src = await openLocalFile(path)
    const e = await errorOf(readGguf(src).finally(() => src.close()))
    expect([e.code, e.file]).toEqual(['Truncated', path])
  })
})
