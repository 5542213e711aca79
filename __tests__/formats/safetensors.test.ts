import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BAD_SAFETENSORS_CASES,
  GOOD_RAW_SAFETENSORS,
  GOOD_SAFETENSORS_CASES,
  tinyTransformer,
  writeBadSafetensors
} from '../../fixtures/safetensors.js'
import { CheckpointError } from '../../src/formats/errors.js'
import {
  readSafetensors,
  parseSafetensorsHeader,
  checkSafetensorsPrefix
} from '../../src/formats/safetensors/read.js'
import {
  encodeSafetensorsHeader,
  writeSafetensors,
  writeSafetensorsSync,
  type TensorSpec
} from '../../src/formats/safetensors/write.js'
import { openLocalFile, withSource, type ByteSource } from '../../src/formats/source.js'
import { expandModel, modelSpec } from '../../fixtures/specs.js'

let dir: string
let badFiles: Map<string, string>
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-safetensors-'))
  badFiles = new Map(writeBadSafetensors(dir).map((w) => [w.name, w.path]))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const read = (path: string) => withSource(openLocalFile(path), readSafetensors)

async function errorOf(p: Promise<unknown>): Promise<CheckpointError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError)
    return e as CheckpointError
  }
  throw new Error('expected the read to fail')
}

describe('readSafetensors on bad files', () => {
  it.each(BAD_SAFETENSORS_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = badFiles.get(c.name)!
    const err = await errorOf(read(path))
    expect(err.code).toBe(c.expected)
    expect(err.file).toBe(path)
    expect(err.message).toContain(path)
    if (c.detail) expect(err.detail).toMatch(c.detail)
  })

  it('never reads past the declared header, even when validation fails late', async () => {
    const c = BAD_SAFETENSORS_CASES.find((x) => x.name === 'trailing-data')!
    const path = join(dir, 'count-trailing.safetensors')
    const bytes = c.bytes()
    writeFileSync(path, bytes)
    const src = await openLocalFile(path)
    try {
      await expect(readSafetensors(src)).rejects.toThrow(CheckpointError)
      const n = Number(new DataView(bytes.buffer).getBigUint64(0, true))
      expect(src.bytesRead).toBe(8 + n)
    } finally {
      await src.close()
    }
  })

  it('rejects a huge declared header without reading it', async () => {
    const c = BAD_SAFETENSORS_CASES.find((x) => x.name === 'header-size-over-cap')!
    const path = join(dir, 'count-huge.safetensors')
    writeFileSync(path, c.bytes())
    const src = await openLocalFile(path)
    try {
      await expect(readSafetensors(src)).rejects.toThrow(/HeaderTooLarge/)
      expect(src.bytesRead).toBe(8)
    } finally {
      await src.close()
    }
  })
})

describe('readSafetensors on good files', () => {
  it.each(GOOD_SAFETENSORS_CASES.map((c) => [c.name, c] as const))('round-trips %s', async (_name, c) => {
    const path = join(dir, `good-${c.name}.safetensors`)
    const w = writeSafetensorsSync(path, c.tensors, { metadata: c.metadata, data: 'zeros' })
    const ckpt = await read(path)
    expect(ckpt.format).toBe('safetensors')
    expect(ckpt.path).toBe(path)
    expect(ckpt.bytes).toBe(statSync(path).size)
    expect(ckpt.bytes).toBe(w.fileSize)
    expect(ckpt.globals).toEqual([])
    expect(ckpt.warnings).toEqual([])
    // File order is offset order, which is the writer's order.
    expect(ckpt.tensors.map((t) => ({ name: t.name, shape: t.shape, dtype: t.dtype }))).toEqual(
      c.tensors.map((t) => ({ name: t.name, shape: [...t.shape], dtype: t.dtype }))
    )
    const dataStart = BigInt(8 + w.headerLength)
    ckpt.tensors.forEach((t, i) => {
      expect(t.byteRange).toEqual({
        file: path,
        start: dataStart + w.offsets[i]!.begin,
        end: dataStart + w.offsets[i]!.end
      })
    })
    expect(Object.entries(ckpt.metadata)).toEqual(Object.entries(c.metadata ?? {}))
  })

  it('keeps __proto__ and friends as plain keys without touching prototypes', async () => {
    const c = GOOD_SAFETENSORS_CASES.find((x) => x.name === 'hostile-names')!
    const path = join(dir, 'proto.safetensors')
    writeSafetensorsSync(path, c.tensors, { metadata: c.metadata })
    const ckpt = await read(path)
    expect(ckpt.tensors.map((t) => t.name)).toContain('__proto__')
    expect(Object.getPrototypeOf(ckpt.metadata)).toBeNull()
    expect(Object.prototype.hasOwnProperty.call(ckpt.metadata, '__proto__')).toBe(true)
    expect(ckpt.metadata['__proto__']).toBe('polluted?')
    expect(({} as Record<string, unknown>)['polluted?']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted?')
  })

  it.each(GOOD_RAW_SAFETENSORS.map((c) => [c.name, c] as const))('accepts %s', async (_name, c) => {
    const path = join(dir, `raw-${c.name}.safetensors`)
    writeFileSync(path, c.bytes())
    const ckpt = await read(path)
    expect(ckpt.tensors).toHaveLength(c.tensors)
  })

  it('orders tensors by offset, not by key order, and decodes escapes', async () => {
    const order = GOOD_RAW_SAFETENSORS.find((x) => x.name === 'offsets-out-of-key-order')!
    const escaped = GOOD_RAW_SAFETENSORS.find((x) => x.name === 'escaped-names')!
    const p1 = join(dir, 'order.safetensors')
    const p2 = join(dir, 'escaped.safetensors')
    writeFileSync(p1, order.bytes())
    writeFileSync(p2, escaped.bytes())
    expect((await read(p1)).tensors.map((t) => t.name)).toEqual(['a', 'b'])
    expect((await read(p2)).tensors[0]!.name).toBe('a\u00e9\u{1F600}\n')
  })

  it('reads exactly 8 + N bytes of a sparse multi-GB file', async () => {
    // 60 BF16 5120x5120 matrices: about 3.1 GB apparent, a few KB on disk.
    const tensors: TensorSpec[] = Array.from({ length: 60 }, (_, i) => ({
      name: `blocks.${i}.attn.q.weight`,
      shape: [5120, 5120],
      dtype: 'BF16'
    }))
    const path = join(dir, 'sparse-big.safetensors')
    const w = await writeSafetensors(path, tensors, { metadata: { format: 'pt' } })
    expect(w.fileSize).toBeGreaterThan(3e9)
    expect(statSync(path).size).toBe(w.fileSize)
    const src = await openLocalFile(path)
    try {
      const ckpt = await readSafetensors(src)
      expect(ckpt.tensors).toHaveLength(60)
      expect(ckpt.bytes).toBe(w.fileSize)
      expect(src.bytesRead).toBe(8 + w.headerLength)
      expect(src.reads).toBe(2)
      expect(ckpt.tensors[59]!.byteRange!.end).toBe(BigInt(w.fileSize))
    } finally {
      await src.close()
    }
  })
})

describe('a Wan2.1-14B-shaped file', () => {
  it('costs exactly 8 + N bytes of reading for about 28.6 GB of tensors', async () => {
    const tensors = expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
    const path = join(dir, 'wan14b.safetensors')
    const w = await writeSafetensors(path, tensors, { metadata: { format: 'pt' } })
    expect(w.fileSize).toBeGreaterThan(28e9)
    const src = await openLocalFile(path)
    try {
      const ckpt = await readSafetensors(src)
      expect(ckpt.tensors).toHaveLength(modelSpec('wan2.1-t2v-14b').expected_key_count)
      expect(ckpt.tensors.map((t) => t.name)).toEqual(tensors.map((t) => t.name))
      expect(src.bytesRead).toBe(8 + w.headerLength)
      expect(ckpt.bytes).toBe(w.fileSize)
    } finally {
      await src.close()
      rmSync(path)
    }
  })
})

describe('writer', () => {
  it('pads the header to a multiple of 8 with spaces and lays tensors out contiguously', () => {
    const enc = encodeSafetensorsHeader(tinyTransformer({ blocks: 1 }), { a: 'b' })
    expect(enc.headerLength % 8).toBe(0)
    expect(enc.header.length).toBe(8 + enc.headerLength)
    expect(new DataView(enc.header.buffer).getBigUint64(0, true)).toBe(BigInt(enc.headerLength))
    let cursor = 0n
    for (const o of enc.offsets) {
      expect(o.begin).toBe(cursor)
      cursor = o.end
    }
    expect(enc.dataBytes).toBe(cursor)
    const parsed = parseSafetensorsHeader(
      enc.header.subarray(8),
      enc.header.length + Number(enc.dataBytes),
      'x'
    )
    expect(parsed.metadata.a).toBe('b')
    expect(parsed.dataBytes).toBe(enc.dataBytes)
  })

  it('writes caller data at the right offsets', async () => {
    const path = join(dir, 'data.safetensors')
    const tensors: TensorSpec[] = [
      { name: 'a', shape: [3], dtype: 'U8' },
      { name: 'b', shape: [2], dtype: 'I16' }
    ]
    const w = await writeSafetensors(path, tensors, {
      data: (name) => (name === 'a' ? Uint8Array.from([1, 2, 3]) : Uint8Array.from([4, 5, 6, 7]))
    })
    const ckpt = await read(path)
    const src = await openLocalFile(path)
    try {
      const b = ckpt.tensors[1]!.byteRange!
      expect([...(await src.read(Number(b.start), Number(b.end - b.start)))]).toEqual([4, 5, 6, 7])
      expect(w.fileSize).toBe(8 + w.headerLength + 7)
    } finally {
      await src.close()
    }
  })

  it('refuses invalid specs', () => {
    expect(() => encodeSafetensorsHeader([{ name: 'a', shape: [3], dtype: 'F4' }])).toThrow(/whole bytes/)
    expect(() => encodeSafetensorsHeader([{ name: 'a', shape: [1], dtype: 'F128' }])).toThrow(/dtype/)
    expect(() =>
      encodeSafetensorsHeader([
        { name: 'a', shape: [1], dtype: 'U8' },
        { name: 'a', shape: [1], dtype: 'U8' }
      ])
    ).toThrow(/duplicate/)
    expect(() => encodeSafetensorsHeader([{ name: 'a', shape: [-1], dtype: 'U8' }])).toThrow(/dimension/)
  })
})

describe('lower-level header API', () => {
  it('checkSafetensorsPrefix mirrors steps 1-5 on a fake source size', () => {
    const prefix = new Uint8Array(8)
    new DataView(prefix.buffer).setBigUint64(0, 1000n, true)
    expect(checkSafetensorsPrefix(prefix, 1008, 'f')).toBe(1000)
    expect(() => checkSafetensorsPrefix(prefix, 1007, 'f')).toThrow(/InvalidHeaderLength/)
    expect(() => checkSafetensorsPrefix(prefix.subarray(0, 4), 4, 'f')).toThrow(/HeaderTooSmall/)
  })

  it('works on any ByteSource (no file system needed)', async () => {
    const enc = encodeSafetensorsHeader([{ name: 'w', shape: [1024, 1024], dtype: 'F16' }])
    const size = enc.header.length + Number(enc.dataBytes)
    let asked = 0
    const mem: ByteSource = {
      name: 'mem://w',
      size,
      async read(offset, length) {
        asked += length
        if (offset + length > enc.header.length) throw new Error('read into tensor data')
        return enc.header.slice(offset, offset + length)
      },
      async close() {}
    }
    const ckpt = await readSafetensors(mem)
    expect(ckpt.tensors[0]!.byteRange!.file).toBe('mem://w')
    expect(asked).toBe(enc.header.length)
  })
})
