import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { globalsOfError } from '../../src/formats/torch/pickle/scan.js'
import { openLocalFile } from '../../src/formats/source.js'
import { looksLikeTorchLegacy, readTorchLegacyDetailed } from '../../src/formats/torch/legacy.js'
import {
  P,
  PickleWriter,
  concatBytes,
  legacyHeader,
  torchLegacyBytes,
  torchStateDictPickle,
  type PickledTensor
} from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages } from '../../fixtures/torch-files.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'torch-legacy-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
async function read(bytes: Uint8Array) {
  const path = join(dir, `f${n++}.pt`)
  writeFileSync(path, bytes)
  const source = await openLocalFile(path)
  try {
    const result = await readTorchLegacyDetailed(source)
    return { ...result, path, bytesRead: source.bytesRead }
  } finally {
    await source.close()
  }
}

async function failure(bytes: Uint8Array): Promise<CheckpointError> {
  try {
    await read(bytes)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

const TENSORS: PickledTensor[] = [
  { name: 'w', storageClass: 'FloatStorage', key: '140001', numel: 6, shape: [2, 3] },
  { name: 'w_view', storageClass: 'FloatStorage', key: '140001', numel: 6, shape: [2], storageOffset: 3 },
  { name: 'ids', storageClass: 'LongStorage', key: '139999', numel: 4, shape: [4] }
]

describe('readTorchLegacy on generated files', () => {
  it('walks the storage headers in key order to place every tensor', async () => {
    const bytes = torchLegacyBytes(TENSORS)
    const { checkpoint, path, scans } = await read(bytes)
    // keys sorted as strings: 139999 (8 + 32 bytes) comes before 140001 (8 + 24 bytes)
    const dataEnd = BigInt(bytes.length)
    const floatStart = dataEnd - 24n
    const longStart = dataEnd - 24n - 8n - 32n
    expect(checkpoint.tensors).toEqual([
      {
        name: 'w',
        shape: [2, 3],
        dtype: 'F32',
        byteRange: { file: path, start: floatStart, end: floatStart + 24n }
      },
      {
        name: 'w_view',
        shape: [2],
        dtype: 'F32',
        byteRange: { file: path, start: floatStart + 12n, end: floatStart + 20n }
      },
      {
        name: 'ids',
        shape: [4],
        dtype: 'I64',
        byteRange: { file: path, start: longStart, end: longStart + 32n }
      }
    ])
    expect(checkpoint.format).toBe('pytorch-legacy')
    expect(checkpoint.warnings).toEqual([])
    expect(scans.map((s) => s.where)).toEqual(['legacy:0', 'legacy:1', 'legacy:2', 'legacy:3', 'legacy:4'])
    expect(checkpoint.globals.every((g) => g.where === 'legacy:3' && g.tier === 'allowed')).toBe(true)
  })

  it('reads the storage counts in bounded batches: small storages share a read, large ones are never read', async () => {
    // keys sort as strings, so the four 1 MiB storages ("0".."3") sit among the 300 tiny ones
    const tensors = tensorsWithOwnStorages([
      ...Array.from({ length: 4 }, (_, i) => ({ name: `big.${i}`, shape: [256, 1024] })),
      ...Array.from({ length: 300 }, (_, i) => ({ name: `small.${i}`, shape: [4] }))
    ])
    const bytes = torchLegacyBytes(tensors)
    const path = join(dir, `f${n++}.pt`)
    writeFileSync(path, bytes)
    const source = await openLocalFile(path)
    const ranges: Array<[number, number]> = []
    const readMany = source.readMany!.bind(source)
    source.readMany = (rs) => {
      for (const r of rs) ranges.push([r.offset, r.offset + r.length])
      return readMany(rs)
    }
    try {
      const { checkpoint } = await readTorchLegacyDetailed(source)
      expect(checkpoint.tensors).toHaveLength(304)
      // one read per run of small storages between the big ones, not one per storage
      expect(ranges.length).toBeGreaterThan(0)
      expect(ranges.length).toBeLessThanOrEqual(5)
      for (const t of checkpoint.tensors.filter((x) => x.name.startsWith('big.'))) {
        const { start, end } = t.byteRange!
        for (const [a, b] of ranges) expect(b <= Number(start) || a >= Number(end)).toBe(true)
      }
      for (const [a, b] of ranges) expect(b - a).toBeLessThanOrEqual(64 * 1024)
    } finally {
      await source.close()
    }
  })

  it('grows its read window for header pickles larger than the first window, and reads no storage data', async () => {
    const many = tensorsWithOwnStorages(
      Array.from({ length: 2000 }, (_, i) => ({ name: `blocks.${i}.weight`, shape: [64, 64] }))
    )
    const bytes = torchLegacyBytes(many)
    const { checkpoint, bytesRead } = await read(bytes)
    expect(checkpoint.tensors).toHaveLength(2000)
    const pickleEnd = Number(checkpoint.tensors[0]!.byteRange!.start) // data starts right after the key list + 8
    // window reads (grown x4 from 16 KiB) plus 8 bytes per storage; far less than the 32 MB of data
    expect(bytesRead).toBeLessThan(4 * pickleEnd + 2000 * 8 + 64 * 1024)
    expect(bytes.length).toBeGreaterThan(30_000_000)
  })

  it('reports trailing bytes after the last storage', async () => {
    const { checkpoint } = await read(torchLegacyBytes(TENSORS, { trailing: new Uint8Array(5) }))
    expect(checkpoint.warnings).toContain('5 bytes after the last storage (a polyglot file?)')
  })
})

describe('readTorchLegacy bad files', () => {
  it('a magic number computed by eval is refused and the eval is reported (GHSA-97f8-7cmv-76j2)', async () => {
    const magic = new PickleWriter()
      .proto(2)
      .global('builtins', 'eval')
      .str('0x1950a86a20f9469cfc6c')
      .tuple(1)
      .op(P.REDUCE)
      .stop()
    const e = await failure(torchLegacyBytes(TENSORS, { magic: magic.bytes() }))
    expect(e.code).toBe('InvalidTorchFile')
    expect(e.detail).toMatch(/not an integer literal/)
    expect(globalsOfError(e)).toEqual([
      { module: 'builtins', name: 'eval', tier: 'dangerous', where: 'legacy:0', count: 1 }
    ])
  })

  it.each([
    [
      'wrong magic',
      'InvalidTorchFile',
      () => torchLegacyBytes(TENSORS, { magic: new PickleWriter().proto(2).int(42).stop().bytes() }),
      /magic number 0x2a/
    ],
    [
      'protocol version 1000',
      'InvalidTorchFile',
      () => torchLegacyBytes(TENSORS, { protocol: 1000 }),
      /is not 1001/
    ],
    [
      'unknown storage key',
      'InvalidTorchFile',
      () => torchLegacyBytes(TENSORS, { keys: ['139999', 'nope'] }),
      /"nope" is not used/
    ],
    [
      'key listed twice',
      'InvalidTorchFile',
      () => torchLegacyBytes(TENSORS, { keys: ['139999', '139999'] }),
      /listed twice/
    ],
    [
      'numel header disagrees with the pickle',
      'InvalidTorchFile',
      () => torchLegacyBytes(TENSORS, { numelOverride: new Map([['139999', 5n]]) }),
      /has 5 elements in the file but 4 in the pickle/
    ],
    [
      'storages cut short',
      'Truncated',
      () => torchLegacyBytes(TENSORS).subarray(0, -10),
      /past the end of the file/
    ],
    [
      'cut inside the pickles',
      'Truncated',
      () => torchLegacyBytes(TENSORS).subarray(0, 300),
      /pickle legacy:3 at/
    ],
    [
      'object without tensors',
      'NoStateDict',
      () =>
        concatBytes([
          legacyHeader.magic(),
          legacyHeader.protocol(),
          legacyHeader.sysInfo(),
          new PickleWriter().proto(2).int(1).stop().bytes(),
          legacyHeader.keys([])
        ]),
      /no tensors/
    ],
    [
      'unknown storage class',
      'InvalidTorchFile',
      () =>
        concatBytes([
          legacyHeader.magic(),
          legacyHeader.protocol(),
          legacyHeader.sysInfo(),
          torchStateDictPickle([{ ...TENSORS[0]!, storageClass: 'EvilStorage' }], { legacy: true }),
          legacyHeader.keys([])
        ]),
      /unknown storage class torch\.EvilStorage/
    ]
  ])('%s -> %s', async (_what, code, make, detail) => {
    const e = await failure(make())
    expect([e.code, e.detail]).toEqual([code, expect.stringMatching(detail)])
  })
})

describe('looksLikeTorchLegacy', () => {
  it('matches the protocol 2 and the framed protocol 4 magic, nothing else', () => {
    const p2 = torchLegacyBytes(TENSORS)
    expect(looksLikeTorchLegacy(p2.subarray(0, 64))).toBe(true)
    const p4 = readFileSync(join(import.meta.dirname, '../../__fixtures__/torch/legacy_proto4.pt'))
    expect([...p4.subarray(0, 3)]).toEqual([0x80, 4, 0x95])
    expect(looksLikeTorchLegacy(p4.subarray(0, 64))).toBe(true)
    expect(looksLikeTorchLegacy(p2.subarray(0, 10))).toBe(false)
    expect(looksLikeTorchLegacy(new PickleWriter().proto(2).int(42).stop().bytes())).toBe(false)
    expect(looksLikeTorchLegacy(torchStateDictPickle(TENSORS))).toBe(false)
  })
})
