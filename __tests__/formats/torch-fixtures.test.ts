/**
 * The committed files written by PyTorch 1.13 (scripts/make-torch-fixtures.py) against what torch itself said
 * about them (expected.json): names, shapes, dtypes, state dict location and byte ranges.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLocalFile, type ByteSource } from '../../src/formats/source.js'
import { readTorchLegacy } from '../../src/formats/torch/legacy.js'
import { readPickleFile } from '../../src/formats/torch/plain-pickle.js'
import { readTorchZip } from '../../src/formats/torch/zip-checkpoint.js'
import type { Checkpoint } from '../../src/formats/types.js'

const DIR = join(import.meta.dirname, '../../__fixtures__/torch')

interface ExpectedTensor {
  shape: number[]
  dtype: string
  stride: number[]
  storageOffset: number
  contiguous: boolean
  start: number
  end: number
}
interface ExpectedFile {
  format: 'zip' | 'legacy'
  stateDictPath: string[]
  bytes: number
  tensors: Record<string, ExpectedTensor>
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, ExpectedFile>
}

/** A source that remembers every range read. */
async function recording(path: string): Promise<{ source: ByteSource; reads: Array<[number, number]> }> {
  const inner = await openLocalFile(path)
  const reads: Array<[number, number]> = []
  const source: ByteSource = {
    name: inner.name,
    size: inner.size,
    read: (offset, length) => {
      reads.push([offset, offset + length])
      return inner.read(offset, length)
    },
    close: () => inner.close()
  }
  return { source, reads }
}

async function read(name: string): Promise<{ checkpoint: Checkpoint; reads: Array<[number, number]> }> {
  const { source, reads } = await recording(join(DIR, name))
  try {
    const fmt = expected.files[name]?.format
    const checkpoint =
      fmt === 'zip'
        ? await readTorchZip(source)
        : fmt === 'legacy'
          ? await readTorchLegacy(source)
          : await readPickleFile(source)
    return { checkpoint, reads }
  } finally {
    await source.close()
  }
}

describe('PyTorch-written fixtures match what torch reports', () => {
  for (const [name, want] of Object.entries(expected.files)) {
    it(name, async () => {
      const { checkpoint, reads } = await read(name)
      expect(checkpoint.format).toBe(want.format === 'zip' ? 'pytorch-zip' : 'pytorch-legacy')
      expect(checkpoint.bytes).toBe(want.bytes)
      expect(checkpoint.stateDictPath).toEqual(want.stateDictPath)
      expect(checkpoint.tensors.map((t) => t.name)).toEqual(Object.keys(want.tensors))
      for (const t of checkpoint.tensors) {
        const w = want.tensors[t.name]!
        expect({ name: t.name, shape: t.shape, dtype: t.dtype }).toEqual({
          name: t.name,
          shape: w.shape,
          dtype: w.dtype
        })
        expect(t.byteRange).toEqual({ file: join(DIR, name), start: BigInt(w.start), end: BigInt(w.end) })
      }
      if (want.format === 'zip') {
        // header-only: no read touches a byte of tensor data
        for (const t of checkpoint.tensors) {
          const { start, end } = t.byteRange!
          for (const [a, b] of reads) expect(b <= Number(start) || a >= Number(end)).toBe(true)
        }
      } else {
        // legacy: one window over the pickles at the start, then the 8-byte storage headers, in bounded batches
        // (a batch crosses only the data of small storages: see torch-legacy.test.ts)
        expect(reads[0]![0]).toBe(0)
        for (const [a, b] of reads.slice(1)) expect(a > 0 && b - a >= 8 && b - a <= 64 * 1024).toBe(true)
      }
      // torch's own vocabulary only; nothing dangerous
      expect(checkpoint.globals.filter((g) => g.tier === 'dangerous')).toEqual([])
    })
  }

  it('covers views, shared storages, non-contiguous tensors, 0-d and empty tensors', () => {
    const t = expected.files['zip_dtypes_views.pt']!.tensors
    expect(t['view.b']!.storageOffset).toBe(4)
    expect(t['view.transposed']!.contiguous).toBe(false)
    expect(t['scalar']!.shape).toEqual([])
    expect(t['empty']!.shape).toEqual([0, 3])
    expect(new Set(Object.values(t).map((x) => x.dtype))).toEqual(
      new Set(['F32', 'F16', 'BF16', 'F64', 'I64', 'I32', 'I16', 'I8', 'U8', 'BOOL', 'C64'])
    )
  })

  it('reads version and byte order metadata and the pickle protocol', async () => {
    const { checkpoint } = await read('zip_proto4.pt')
    expect(checkpoint.metadata).toMatchObject({ version: 3, pickleProtocol: 4, archivePrefix: 'zip_proto4' })
    const legacy = (await read('legacy_state_dict.pt')).checkpoint
    expect(legacy.metadata).toMatchObject({ protocolVersion: 1001, byteorder: 'little' })
  })

  it('a Lightning checkpoint: the state dict under state_dict, optimizer tensors counted apart', async () => {
    const { checkpoint } = await read('zip_lightning_like.ckpt')
    expect(checkpoint.stateDictPath).toEqual(['state_dict'])
    expect(checkpoint.metadata.otherTensors).toBe(3)
    expect(checkpoint.tensors.every((t) => t.name.startsWith('model.'))).toBe(true)
  })

  it('a whole pickled nn.Module: module globals are unknown, names drop _modules/_parameters', async () => {
    const { checkpoint } = await read('zip_full_module.pt')
    expect(checkpoint.tensors.map((t) => t.name)).toEqual([
      'fc.weight',
      'fc.bias',
      'norm.weight',
      'norm.bias'
    ])
    const tiers = Object.fromEntries(checkpoint.globals.map((g) => [`${g.module}.${g.name}`, g.tier]))
    expect(tiers).toMatchObject({
      '__main__.Tiny': 'unknown',
      'torch.nn.modules.linear.Linear': 'unknown',
      'builtins.set': 'allowed',
      'torch._utils._rebuild_parameter': 'allowed'
    })
    expect(checkpoint.globals[0]!.where).toBe('zip_full_module/data.pkl')
    expect(checkpoint.warnings.join('\n')).toMatch(/3 unknown globals/)
  })

  it('a TorchScript archive: tensors from data.pkl, flagged as TorchScript, constants.pkl scanned', async () => {
    const { checkpoint } = await read('torchscript_linear.pt')
    expect(checkpoint.metadata.torchscript).toBe(true)
    expect(checkpoint.globals).toContainEqual(
      expect.objectContaining({
        module: '__torch__.torch.nn.modules.linear',
        name: 'Linear',
        tier: 'unknown'
      })
    )
    expect(checkpoint.warnings.join('\n')).toMatch(/TorchScript archive/)
  })

  it('a plain pickle gives globals and no tensors', async () => {
    const { source } = await recording(join(DIR, 'plain_protocol2.pkl'))
    const checkpoint = await readPickleFile(source)
    await source.close()
    expect(checkpoint.format).toBe('pickle')
    expect(checkpoint.tensors).toEqual([])
    expect(checkpoint.globals.map((g) => `${g.module}.${g.name}`).sort()).toEqual([
      '_codecs.encode',
      'builtins.frozenset',
      'builtins.set'
    ])
    expect(checkpoint.metadata).toMatchObject({ pickleProtocol: 2 })
  })
})
