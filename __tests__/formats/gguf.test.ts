import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readGguf, readGgufHeader } from '../../src/formats/gguf/read.js'
import { openLocalFile } from '../../src/formats/source.js'
import {
  buildGguf,
  comfyWanGgufSpec,
  everyValueTypeKv,
  gv,
  kv,
  writeGguf,
  type GgufSpec,
  type GgufTensorSpec
} from '../../fixtures/gguf.js'
import { memorySource } from './gguf-helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'gguf-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Bytes per element-block, written out here (not taken from gguf-types.ts) so a table typo fails a test. */
const EXPECTED_BYTES: Record<string, (numel: number) => number> = {
  F32: (n) => n * 4,
  F16: (n) => n * 2,
  BF16: (n) => n * 2,
  F64: (n) => n * 8,
  I8: (n) => n,
  I32: (n) => n * 4,
  Q4_0: (n) => (n / 32) * 18,
  Q8_0: (n) => (n / 32) * 34,
  Q4_K: (n) => (n / 256) * 144,
  Q5_K: (n) => (n / 256) * 176,
  Q6_K: (n) => (n / 256) * 210,
  IQ2_XS: (n) => (n / 256) * 74,
  TQ1_0: (n) => (n / 256) * 54,
  MXFP4: (n) => (n / 32) * 17
}

const mixedTensors: GgufTensorSpec[] = [
  { name: 'tok.weight', shape: [100, 64], type: 'F32' },
  { name: 'a.f16', shape: [3, 5, 7], type: 'F16' },
  { name: 'a.bf16', shape: [64, 32], type: 'BF16' },
  { name: 'a.f64', shape: [2], type: 'F64' },
  { name: 'a.i8', shape: [9], type: 'I8' },
  { name: 'a.i32', shape: [4, 1], type: 'I32' },
  { name: 'q.q4_0', shape: [8, 64], type: 'Q4_0' },
  { name: 'q.q8_0', shape: [3, 32], type: 'Q8_0' },
  { name: 'q.q4_k', shape: [64, 512], type: 'Q4_K' },
  { name: 'q.q6_k', shape: [2, 256], type: 'Q6_K' },
  { name: 'q.iq2_xs', shape: [256], type: 'IQ2_XS' },
  { name: 'q.tq1_0', shape: [1, 256], type: 'TQ1_0' },
  { name: 'q.mxfp4', shape: [32], type: 'MXFP4' },
  { name: 'scalar', shape: [], type: 'F32' }
]

describe('readGguf round trips', () => {
  for (const version of [2, 3]) {
    it(`reads every metadata value type and tensor type (v${version})`, async () => {
      const path = join(dir, `mixed-v${version}.gguf`)
      const built = writeGguf(
        path,
        { version, kv: everyValueTypeKv(1000), tensors: mixedTensors },
        { data: 'zeros' }
      )
      const src = await openLocalFile(path)
      const ck = await readGguf(src).finally(() => src.close())
      expect(ck.format).toBe('gguf')
      expect(ck.path).toBe(path)
      expect(ck.bytes).toBe(statSync(path).size)
      expect(ck.globals).toEqual([])
      expect(ck.warnings).toEqual([])
      expect(ck.metadata).toEqual({
        'general.architecture': 'llama',
        't.u8': 200,
        't.i8': -100,
        't.u16': 60000,
        't.i16': -30000,
        't.u32': 4_000_000_000,
        't.i32': -2_000_000_000,
        't.f32': 0.5,
        't.f64': -1.25e300,
        't.f32_nan': 'NaN',
        't.bool': true,
        't.u64_small': 1234567890123,
        't.u64_big': '18446744073709551615',
        't.i64_neg': '-9007199254740993',
        't.str': 'héllo wörld ✓',
        't.empty_str': '',
        't.arr_i32': [1, -2, 3],
        't.arr_bool': [true, false],
        't.arr_u64': [0, '1152921504606846976'],
        't.arr_str': ['a', 'bb', ''],
        't.arr_nested': [[1, 2], ['x'], [[]]],
        't.arr_empty': [],
        'tokenizer.ggml.tokens': {
          type: 'array',
          elementType: 'STRING',
          length: 1000,
          head: ['tok0', 'tok1', 'tok2', 'tok3', 'tok4', 'tok5', 'tok6', 'tok7']
        },
        'tokenizer.ggml.scores': {
          type: 'array',
          elementType: 'FLOAT32',
          length: 1000,
          head: [0.5, -0.5, -1.5, -2.5, -3.5, -4.5, -5.5, -6.5]
        }
      })
      expect(JSON.parse(JSON.stringify(ck.metadata))).toEqual(ck.metadata)

      expect(ck.tensors.map((t) => t.name)).toEqual(mixedTensors.map((t) => t.name))
      let prevEnd = BigInt(built.dataStart)
      for (const [i, t] of ck.tensors.entries()) {
        const spec = mixedTensors[i] as GgufTensorSpec
        expect(t.shape).toEqual(spec.shape)
        expect(t.dtype).toBe(spec.type)
        const numel = (spec.shape ?? []).reduce((n, d) => n * d, 1)
        const range = t.byteRange!
        expect(range.file).toBe(path)
        expect(range.end - range.start).toBe(
          BigInt((EXPECTED_BYTES[t.dtype] as (n: number) => number)(numel))
        )
        // Packed in order, each at the next multiple of the default alignment 32.
        expect(range.start).toBe(((prevEnd + 31n) / 32n) * 32n)
        prevEnd = range.end
      }
      expect(BigInt(ck.bytes)).toBeGreaterThanOrEqual(prevEnd)

      const header = await readGgufHeader(
        memorySource(buildGguf({ version, kv: [], tensors: mixedTensors }).header, 'h', built.size)
      )
      expect(header.version).toBe(version)
      expect(header.alignment).toBe(32)
      expect(header.tensors.find((t) => t.name === 'a.f16')?.dims).toEqual([7, 5, 3])
    })
  }

  it('reads a ComfyUI-GGUF style Wan file: 5-D tensor, long names, orig_shape', async () => {
    const path = join(dir, 'wan.gguf')
    writeGguf(path, comfyWanGgufSpec(), { data: 'zeros' })
    const src = await openLocalFile(path)
    const ck = await readGguf(src).finally(() => src.close())
    expect(ck.metadata['general.architecture']).toBe('wan')
    const byName = new Map(ck.tensors.map((t) => [t.name, t]))
    expect(byName.get('patch_embedding.weight')).toMatchObject({ shape: [256, 16, 1, 2, 2], dtype: 'F32' })
    expect(byName.get('blocks.0.self_attn.q.weight')).toMatchObject({ shape: [256, 256], dtype: 'Q8_0' })
    expect(byName.get('blocks.0.self_attn.k.weight')?.dtype).toBe('Q4_K')
    expect(byName.get('blocks.0.ffn.0.weight')).toMatchObject({ shape: [1024, 256], dtype: 'BF16' })
    const longName = 'blocks.0.cross_attn.norm_k_img.a_deliberately_long_name_past_ggml_max_name.weight'
    expect(longName.length).toBeGreaterThan(63)
    expect(byName.get(longName)?.shape).toEqual([256])
    // Stored as (6144, 256) for quantization; the orig_shape entry gives the torch shape back.
    expect(byName.get('time_projection.1.weight')).toMatchObject({ shape: [1536, 1024], dtype: 'Q5_K' })
    expect(ck.warnings).toEqual([expect.stringContaining('more than 4 dims')])
  })

  it('honours general.alignment for offsets and the data start', async () => {
    const spec: GgufSpec = {
      kv: [kv('general.alignment', gv.u32(256))],
      tensors: [
        { name: 'a', shape: [3], type: 'F32' },
        { name: 'b', shape: [5], type: 'F16' }
      ]
    }
    const built = buildGguf(spec)
    const h = await readGgufHeader(memorySource(built.header, 'x.gguf', built.size))
    expect(h.alignment).toBe(256)
    expect(h.dataStart % 256).toBe(0)
    expect(h.tensors.map((t) => [t.offset, t.start - BigInt(h.dataStart)])).toEqual([
      [0n, 0n],
      [256n, 256n]
    ])
  })

  it('reads a metadata-only file (no tensors, no padding)', async () => {
    const built = buildGguf({ kv: [kv('general.name', gv.str('x'))], tensors: [] })
    const h = await readGgufHeader(memorySource(built.header))
    expect(h.dataStart).toBe(built.header.length)
    expect(h.tensors).toEqual([])
  })

  it('reads only the header of a sparse multi-GB file', async () => {
    const path = join(dir, 'big.gguf')
    const tensors: GgufTensorSpec[] = Array.from({ length: 40 }, (_, i) => ({
      name: `blocks.${i}.ffn.0.weight`,
      shape: [13824, 5120],
      type: 'BF16'
    }))
    const built = writeGguf(path, { kv: everyValueTypeKv(5000), tensors }, { data: 'sparse' })
    expect(built.size).toBeGreaterThan(5e9)
    const src = await openLocalFile(path)
    const ck = await readGguf(src).finally(() => src.close())
    expect(ck.tensors).toHaveLength(40)
    expect(ck.bytes).toBe(built.size)
    // The header (~97 KB here) plus at most one read-ahead window.
    expect(built.dataStart).toBeGreaterThan(90_000)
    expect(src.bytesRead).toBeLessThan(2 * built.dataStart + 64 * 1024)
  })

  it('summarises long strings without reading them whole', async () => {
    const long = 'x'.repeat(3 << 20)
    const built = buildGguf({ kv: [kv('big', gv.str(long)), kv('after', gv.u8(7))], tensors: [] })
    const src = memorySource(built.header)
    const ck = await readGguf(src)
    expect(ck.metadata.after).toBe(7)
    expect(ck.metadata.big).toBe(`${'x'.repeat(4096)}… [${3 << 20} bytes]`)
    expect(src.bytesRead).toBeLessThan(1 << 20)
  })

  it('keeps a __proto__ key as plain data', async () => {
    const built = buildGguf({
      kv: [kv('__proto__', gv.str('polluted')), kv('constructor', gv.u8(1))],
      tensors: []
    })
    const ck = await readGguf(memorySource(built.header))
    expect(Object.getPrototypeOf(ck.metadata)).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(ck.metadata, '__proto__')).toBe(true)
    expect(JSON.parse(JSON.stringify(ck.metadata))).toEqual(
      JSON.parse('{"__proto__":"polluted","constructor":1}')
    )
  })

  it('warns on invalid UTF-8 in a value, out-of-order offsets and a mismatched orig_shape', async () => {
    const spec: GgufSpec = {
      kv: [
        kv('bad.utf8', gv.str(new Uint8Array([0x61, 0xff, 0x62]))),
        kv('comfy.gguf.orig_shape.b', gv.arr('INT32', [7, 7])),
        kv('comfy.gguf.orig_shape.missing', gv.arr('INT32', [1]))
      ],
      tensors: [
        { name: 'a', shape: [8], type: 'F32', offset: 32n },
        { name: 'b', shape: [2, 4], type: 'F32', offset: 0n }
      ]
    }
    const built = buildGguf(spec)
    const ck = await readGguf(memorySource(built.header, 'w.gguf', built.size))
    expect(ck.metadata['bad.utf8']).toBe('a\uFFFDb')
    expect(ck.tensors.find((t) => t.name === 'b')?.shape).toEqual([2, 4])
    expect(ck.warnings).toEqual([
      expect.stringContaining('invalid UTF-8'),
      expect.stringContaining('does not match'),
      expect.stringContaining('offset 32, ggml expects 0'),
      expect.stringContaining('orig_shape.missing" names no tensor')
    ])
  })

  it('round-trips random tensor lists', async () => {
    const types = Object.keys(EXPECTED_BYTES)
    const tensorArb = fc.record({
      type: fc.constantFrom(...types),
      outer: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
      rowBlocks: fc.integer({ min: 1, max: 3 })
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(tensorArb, { maxLength: 12 }),
        fc.constantFrom(8, 32, 64),
        async (ts, align) => {
          const tensors: GgufTensorSpec[] = ts.map((t, i) => {
            const block = /^(F|I|BF)\d/.test(t.type)
              ? 1
              : t.type.endsWith('_K') || /^(IQ|TQ)/.test(t.type)
                ? 256
                : 32
            return { name: `t${i}`, type: t.type, shape: [...t.outer, t.rowBlocks * block] }
          })
          const built = buildGguf({ kv: [kv('general.alignment', gv.u32(align))], tensors })
          const ck = await readGguf(memorySource(built.header, 'r.gguf', built.size))
          expect(ck.tensors.map((t) => [t.name, t.dtype, t.shape])).toEqual(
            tensors.map((t) => [t.name, t.type, t.shape])
          )
          for (const t of ck.tensors) {
            const numel = t.shape.reduce((n, d) => n * d, 1)
            expect(t.byteRange!.start % BigInt(align)).toBe(0n)
            expect(t.byteRange!.end - t.byteRange!.start).toBe(
              BigInt((EXPECTED_BYTES[t.dtype] as (n: number) => number)(numel))
            )
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})
