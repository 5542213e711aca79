import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { PickleError, globalsOfError } from '../../src/formats/torch/pickle/scan.js'
import { openLocalFile } from '../../src/formats/source.js'
import { readTorchZip, readTorchZipDetailed } from '../../src/formats/torch/zip-checkpoint.js'
import { P, PickleWriter, torchStateDictPickle, type PickledTensor } from '../../fixtures/pickle.js'
import {
  tensorsWithOwnStorages,
  torchZipBytes,
  torchZipRecords,
  writeTorchZip,
  type TorchZipSpec
} from '../../fixtures/torch-files.js'
import { zipBytes, type ZipRecordSpec, type ZipWriteOptions } from '../../fixtures/zip-writer.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'torch-zip-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
async function readBytes(bytes: Uint8Array) {
  const path = join(dir, `f${n++}.pt`)
  writeFileSync(path, bytes)
  const source = await openLocalFile(path)
  try {
    return await readTorchZipDetailed(source)
  } finally {
    await source.close()
  }
}

async function failure(bytes: Uint8Array): Promise<CheckpointError> {
  try {
    await readBytes(bytes)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

const SIMPLE = tensorsWithOwnStorages([
  { name: 'blocks.0.attn.q.weight', shape: [4, 4] },
  { name: 'blocks.0.attn.q.bias', shape: [4], storageClass: 'HalfStorage' }
])

function spec(extra: Partial<TorchZipSpec> = {}): TorchZipSpec {
  return { prefix: 'archive', tensors: SIMPLE, ...extra }
}

function records(extra: Partial<TorchZipSpec> = {}): ZipRecordSpec[] {
  return torchZipRecords(spec(extra))
}

describe('readTorchZip on generated archives', () => {
  it('reads a torch-layout archive with 64-byte aligned records and exact offsets', async () => {
    const path = join(dir, 'simple.pt')
    const layout = writeTorchZip(path, spec())
    const source = await openLocalFile(path)
    const cp = await readTorchZip(source)
    await source.close()
    expect(cp.format).toBe('pytorch-zip')
    expect(cp.tensors).toEqual([
      {
        name: 'blocks.0.attn.q.weight',
        shape: [4, 4],
        dtype: 'F32',
        byteRange: { file: path, start: layout.dataOffsets[2], end: layout.dataOffsets[2]! + 64n }
      },
      {
        name: 'blocks.0.attn.q.bias',
        shape: [4],
        dtype: 'F16',
        byteRange: { file: path, start: layout.dataOffsets[3], end: layout.dataOffsets[3]! + 8n }
      }
    ])
    expect(layout.dataOffsets.every((o) => o % 64n === 0n)).toBe(true)
    expect(cp.metadata).toMatchObject({ byteorder: 'little', version: 3, archivePrefix: 'archive' })
    expect(cp.warnings).toEqual([])
    expect(cp.stateDictPath).toEqual([])
  })

  it('places shared storages, views and transposed tensors inside their storage', async () => {
    const shared: PickledTensor[] = [
      { name: 'base', storageClass: 'FloatStorage', key: '0', numel: 16, shape: [16] },
      { name: 'view', storageClass: 'FloatStorage', key: '0', numel: 16, shape: [4], storageOffset: 4 },
      {
        name: 'grid',
        storageClass: 'FloatStorage',
        key: '0',
        numel: 16,
        shape: [2, 2],
        stride: [4, 1],
        storageOffset: 5
      },
      { name: 'transposed', storageClass: 'DoubleStorage', key: '1', numel: 6, shape: [3, 2], stride: [1, 3] }
    ]
    const { checkpoint } = await readBytes(torchZipBytes(spec({ tensors: shared })))
    const r = Object.fromEntries(checkpoint.tensors.map((t) => [t.name, t.byteRange!]))
    const base = r.base!.start
    expect(r.base!.end - base).toBe(64n)
    expect([r.view!.start - base, r.view!.end - base]).toEqual([16n, 32n])
    // rows 1..2, cols 1..2 of a 4x4 grid: first element 5, last element 10 -> 6 elements covered
    expect([r.grid!.start - base, r.grid!.end - base]).toEqual([20n, 44n])
    expect(r.transposed!.end - r.transposed!.start).toBe(48n)
  })

  it('rejects a tensor that addresses bytes past its storage', async () => {
    const t: PickledTensor[] = [
      { name: 'x', storageClass: 'FloatStorage', key: '0', numel: 4, shape: [4], storageOffset: 1 }
    ]
    const e = await failure(torchZipBytes(spec({ tensors: t })))
    expect(e.code).toBe('InvalidTorchFile')
    expect(e.detail).toMatch(/addresses bytes 4..20 of storage 0, which has 16 bytes/)
  })

  it('unwraps {"model": sd} and reports the path', async () => {
    const w = new PickleWriter().proto(2).op(P.EMPTY_DICT).str('epoch').int(3).op(P.SETITEM).str('model')
    const inner = torchStateDictPickle(SIMPLE)
    // splice the state dict pickle (without PROTO and STOP) as the value of "model"
    w.raw(...inner.subarray(2, inner.length - 1))
      .op(P.SETITEM)
      .stop()
    const { checkpoint } = await readBytes(torchZipBytes(spec({ dataPkl: w.bytes() })))
    expect(checkpoint.stateDictPath).toEqual(['model'])
    expect(checkpoint.tensors.map((t) => t.name)).toEqual(['blocks.0.attn.q.weight', 'blocks.0.attn.q.bias'])
  })

  it('reports globals and the dangerous call of a hostile data.pkl, without running it', async () => {
    const w = new PickleWriter()
      .proto(2)
      .global('os', 'system')
      .str('touch /tmp/pwned')
      .tuple(1)
      .op(P.REDUCE)
      .op(P.POP)
    const sd = torchStateDictPickle(SIMPLE)
    w.raw(...sd.subarray(2))
    const { checkpoint, scans } = await readBytes(torchZipBytes(spec({ dataPkl: w.bytes() })))
    expect(checkpoint.tensors).toHaveLength(2)
    expect(checkpoint.globals).toContainEqual({
      module: 'os',
      name: 'system',
      tier: 'dangerous',
      where: 'archive/data.pkl',
      count: 1
    })
    expect(checkpoint.warnings.join('\n')).toMatch(/dangerous global os\.system \(reported, never executed\)/)
    expect(scans[0]!.calls).toContainEqual(expect.objectContaining({ callee: 'os.system', opcode: 'REDUCE' }))
  })

  it('notes bytes after STOP in data.pkl', async () => {
    const pkl = torchStateDictPickle(SIMPLE)
    const { checkpoint } = await readBytes(
      torchZipBytes(spec({ dataPkl: new Uint8Array([...pkl, 0x80, 2, 0x4e, 0x2e]) }))
    )
    expect(checkpoint.warnings).toContain('pickle archive/data.pkl: 4 bytes after STOP')
  })

  it('NoStateDict still carries the globals', async () => {
    const w = new PickleWriter().proto(2).global('builtins', 'exec').str('x').tuple(1).op(P.REDUCE).stop()
    const e = await failure(torchZipBytes(spec({ dataPkl: w.bytes() })))
    expect(e.code).toBe('NoStateDict')
    expect(globalsOfError(e)).toEqual([
      { module: 'builtins', name: 'exec', tier: 'dangerous', where: 'archive/data.pkl', count: 1 }
    ])
  })

  it('a broken data.pkl is InvalidPickle with the globals seen before the break', async () => {
    const w = new PickleWriter().proto(2).global('subprocess', 'Popen').raw(0xfe)
    const e = await failure(torchZipBytes(spec({ dataPkl: w.bytes() })))
    expect(e).toBeInstanceOf(PickleError)
    expect(e.code).toBe('InvalidPickle')
    expect(e.message).toMatch(/archive\/data\.pkl at \+0x\d+: unknown opcode 0xfe/)
    expect(globalsOfError(e).map((g) => `${g.module}.${g.name}`)).toEqual(['subprocess.Popen'])
  })

  it('scans other pickles that torch would not load', async () => {
    const evil = new PickleWriter().proto(2).global('os', 'system').stop().bytes()
    const recs = records()
    recs.splice(1, 0, { name: 'archive/extra.pkl', data: evil }, { name: 'archive/notes', data: evil })
    const { checkpoint } = await readBytes(zipBytes(recs))
    expect(checkpoint.tensors).toHaveLength(2)
    const where = checkpoint.globals.filter((g) => g.tier === 'dangerous').map((g) => g.where)
    expect(where).toEqual(['archive/extra.pkl', 'archive/notes'])
  })

  it('a second data.pkl fails the file, with the globals of every copy', async () => {
    const evil = new PickleWriter().proto(2).global('os', 'system').stop().bytes()
    const recs = records()
    recs.splice(1, 0, { name: 'archive/data.pkl', data: evil })
    const e = await failure(zipBytes(recs))
    expect([e.code, e.detail]).toEqual([
      'InvalidZip',
      expect.stringMatching(/"archive\/data\.pkl" appears more/)
    ])
    expect(
      globalsOfError(e)
        .filter((g) => g.tier === 'dangerous')
        .map((g) => g.where)
    ).toEqual(['archive/data.pkl#1'])
  })

  it('flags non-storage persistent ids', async () => {
    const w = new PickleWriter()
      .proto(2)
      .op(P.EMPTY_DICT)
      .str('m')
      .str('module')
      .tuple(1)
      .op(P.BINPERSID)
      .op(P.SETITEM)
    const sd = torchStateDictPickle(SIMPLE)
    const outer = new PickleWriter()
      .proto(2)
      .op(P.EMPTY_DICT)
      .str('other')
      .raw(...w.bytes().subarray(2))
      .op(P.SETITEM)
    outer
      .str('state_dict')
      .raw(...sd.subarray(2, sd.length - 1))
      .op(P.SETITEM)
      .stop()
    const { checkpoint } = await readBytes(torchZipBytes(spec({ dataPkl: outer.bytes() })))
    expect(checkpoint.warnings).toContain('1 persistent ids are not storages (torch.load refuses them)')
    expect(checkpoint.stateDictPath).toEqual(['state_dict'])
  })
})

describe('readTorchZip: torch 2.x and rarer rebuild functions', () => {
  /** `<rebuild>((storage id), offset, size, stride, False, OrderedDict()[, dtype])` on the stack. */
  function tensorCall(
    w: PickleWriter,
    fn: string,
    cls: string,
    key: string,
    numel: number,
    offset: number,
    shape: number[],
    stride: number[],
    dtype?: string
  ): void {
    w.global('torch._utils', fn).op(P.MARK)
    w.op(P.MARK)
      .str('storage')
      .global(cls === 'UntypedStorage' ? 'torch.storage' : 'torch', cls)
      .str(key)
      .str('cpu')
      .int(numel)
      .op(P.TUPLE)
      .op(P.BINPERSID)
    w.int(offset).op(P.MARK)
    for (const d of shape) w.int(d)
    w.op(P.TUPLE).op(P.MARK)
    for (const d of stride) w.int(d)
    w.op(P.TUPLE).op(P.NEWFALSE).global('collections', 'OrderedDict').tuple(0).op(P.REDUCE)
    if (dtype !== undefined) w.global('torch', dtype)
    w.op(P.TUPLE).op(P.REDUCE)
  }

  it('rebuilds v3 tensors on untyped storages, tensor subclasses and parameters with state', async () => {
    const w = new PickleWriter().proto(2).op(P.EMPTY_DICT).op(P.MARK)
    w.str('f8')
    tensorCall(w, '_rebuild_tensor_v3', 'UntypedStorage', '0', 12, 2, [2, 5], [5, 1], 'float8_e4m3fn')
    w.str('bf')
    tensorCall(w, '_rebuild_tensor_v3', 'UntypedStorage', '1', 16, 1, [3], [1], 'bfloat16')
    // _rebuild_from_type_v2(func, type, args, state): the tensor comes from func(*args)
    w.str('sub')
      .global('torch._tensor', '_rebuild_from_type_v2')
      .op(P.MARK)
      .global('torch._utils', '_rebuild_tensor_v2')
      .global('torch', 'Tensor')
    w.op(P.MARK)
      .op(P.MARK)
      .str('storage')
      .global('torch', 'FloatStorage')
      .str('2')
      .str('cpu')
      .int(4)
      .op(P.TUPLE)
      .op(P.BINPERSID)
    w.int(0)
      .int(4)
      .tuple(1)
      .int(1)
      .tuple(1)
      .op(P.NEWFALSE)
      .global('collections', 'OrderedDict')
      .tuple(0)
      .op(P.REDUCE)
      .op(P.TUPLE)
    w.op(P.EMPTY_DICT).op(P.TUPLE).op(P.REDUCE)
    w.str('p').global('torch._utils', '_rebuild_parameter_with_state').op(P.MARK)
    tensorCall(w, '_rebuild_tensor_v2', 'HalfStorage', '3', 6, 0, [2, 3], [3, 1])
    w.op(P.NEWTRUE)
      .global('collections', 'OrderedDict')
      .tuple(0)
      .op(P.REDUCE)
      .op(P.EMPTY_DICT)
      .op(P.TUPLE)
      .op(P.REDUCE)
    w.op(P.SETITEMS).stop()
    const storages: PickledTensor[] = [
      { name: '', storageClass: 'UntypedStorage', key: '0', numel: 12, shape: [] },
      { name: '', storageClass: 'UntypedStorage', key: '1', numel: 16, shape: [] },
      { name: '', storageClass: 'FloatStorage', key: '2', numel: 4, shape: [] },
      { name: '', storageClass: 'HalfStorage', key: '3', numel: 6, shape: [] }
    ]
    const path = join(dir, 'v3.pt')
    const layout = writeTorchZip(path, spec({ tensors: storages, dataPkl: w.bytes() }))
    const source = await openLocalFile(path)
    const cp = await readTorchZip(source)
    await source.close()
    const at = (i: number, from: bigint, to: bigint) => ({
      file: path,
      start: layout.dataOffsets[i]! + from,
      end: layout.dataOffsets[i]! + to
    })
    expect(cp.tensors).toEqual([
      { name: 'f8', shape: [2, 5], dtype: 'F8_E4M3', byteRange: at(2, 2n, 12n) },
      { name: 'bf', shape: [3], dtype: 'BF16', byteRange: at(3, 2n, 8n) },
      { name: 'sub', shape: [4], dtype: 'F32', byteRange: at(4, 0n, 16n) },
      { name: 'p', shape: [2, 3], dtype: 'F16', byteRange: at(5, 0n, 12n) }
    ])
    const tiers = new Set(cp.globals.map((g) => g.tier))
    expect([...tiers]).toEqual(['allowed'])
  })

  it('rejects a v3 tensor whose dtype is not a torch dtype', async () => {
    const w = new PickleWriter().proto(2).op(P.EMPTY_DICT).str('x')
    tensorCall(w, '_rebuild_tensor_v3', 'UntypedStorage', '0', 12, 0, [2], [1], 'nonsense')
    w.op(P.SETITEM).stop()
    const storages: PickledTensor[] = [
      { name: '', storageClass: 'UntypedStorage', key: '0', numel: 12, shape: [] }
    ]
    const e = await failure(torchZipBytes(spec({ tensors: storages, dataPkl: w.bytes() })))
    expect([e.code, e.detail]).toEqual([
      'InvalidTorchFile',
      expect.stringMatching(/dtype must be a torch dtype, got global torch\.nonsense/)
    ])
  })
})

describe('readTorchZip zip-level problems', () => {
  const cases: Array<[string, () => Uint8Array, string, RegExp]> = [
    [
      'no data.pkl',
      () => zipBytes(records().filter((r) => !r.name.endsWith('data.pkl'))),
      'InvalidTorchFile',
      /no archive\/data\.pkl/
    ],
    [
      'no version',
      () => zipBytes(records().filter((r) => !r.name.endsWith('/version'))),
      'InvalidTorchFile',
      /no archive\/version/
    ],
    [
      'version not a number',
      () => torchZipBytes(spec({ version: 'abc' })),
      'InvalidTorchFile',
      /not a number/
    ],
    [
      'missing storage record',
      () => zipBytes(records().filter((r) => r.name !== 'archive/data/1')),
      'InvalidTorchFile',
      /data\/1 is missing/
    ],
    [
      'storage record too small',
      () => zipBytes(records().map((r) => (r.name === 'archive/data/0' ? { ...r, zeros: 10n } : r))),
      'InvalidTorchFile',
      /has 10 bytes but its storage needs 64/
    ],
    [
      'entry not in a folder',
      () => zipBytes([{ name: 'data.pkl', data: torchStateDictPickle([]) }]),
      'InvalidTorchFile',
      /not in a subdirectory: data\.pkl/
    ],
    ['empty archive', () => zipBytes([]), 'InvalidTorchFile', /empty/],
    [
      'encrypted data.pkl',
      () => zipBytes(records().map((r, i) => (i === 0 ? { ...r, flags: 0x801 } : r))),
      'UnsupportedZip',
      /encrypted/
    ],
    [
      'truncated archive',
      () => torchZipBytes(spec()).subarray(0, 300),
      'InvalidZip',
      /end-of-central-directory/
    ],
    ['not a zip at all', () => new Uint8Array(100), 'InvalidZip', /end-of-central-directory/]
  ]
  for (const [what, make, code, detail] of cases) {
    it(`${what} -> ${code}`, async () => {
      const e = await failure(make())
      expect([e.code, e.detail]).toEqual([code, expect.stringMatching(detail)])
    })
  }

  it('reads deflated small records and marks compressed storages as having no byte range', async () => {
    const recs = records().map((r) =>
      r.name.endsWith('data.pkl') || r.name.endsWith('data/1')
        ? { ...r, method: 8 as const, data: r.data ?? new Uint8Array(Number(r.zeros)) }
        : r
    )
    const { checkpoint } = await readBytes(zipBytes(recs, { align: 0 }))
    expect(checkpoint.tensors[0]!.byteRange).toBeDefined()
    expect(checkpoint.tensors[1]!.byteRange).toBeUndefined()
    expect(checkpoint.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2 compressed entries/),
        'storage record archive/data/1 is compressed: its tensors have no byte range'
      ])
    )
  })

  it('flags a local/central name mismatch, junk before the first header and entries outside the folder', async () => {
    const recs = records().map((r) => (r.name.endsWith('data/0') ? { ...r, localName: 'archive/dAta/0' } : r))
    recs.push({ name: 'other/readme.txt', data: new Uint8Array(3) })
    const options: ZipWriteOptions = { leadingJunk: new Uint8Array(16).fill(7) }
    const { checkpoint } = await readBytes(zipBytes(recs, options))
    expect(checkpoint.tensors).toHaveLength(2)
    expect(checkpoint.warnings).toEqual(
      expect.arrayContaining([
        'zip: local header name "archive/dAta/0" differs from central name "archive/data/0"',
        'zip: 16 bytes before the first local header',
        'zip: 1 entries outside the top folder archive/ (e.g. "other/readme.txt")'
      ])
    )
  })

  it('refuses a zip bomb: a deflated data.pkl declaring more than the limit', async () => {
    const path = join(dir, 'bomb.pt')
    writeFileSync(
      path,
      zipBytes(
        records().map((r, i) => (i === 0 ? { ...r, method: 8 as const, data: new Uint8Array(2_000_000) } : r))
      )
    )
    const source = await openLocalFile(path)
    await expect(readTorchZip(source, { maxPickleBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'HeaderTooLarge'
    })
    await source.close()
  })

  it('reads a sparse 5 GiB archive through zip64 sizes and offsets', async () => {
    const big: PickledTensor[] = [
      {
        name: 'huge',
        storageClass: 'ByteStorage',
        key: '0',
        numel: 5n * 2n ** 30n,
        shape: [5, 1024, 1024, 1024]
      },
      { name: 'after', storageClass: 'FloatStorage', key: '1', numel: 4, shape: [4] }
    ]
    const path = join(dir, 'big.pt')
    const layout = writeTorchZip(path, spec({ tensors: big }))
    const source = await openLocalFile(path)
    const cp = await readTorchZip(source)
    expect(source.bytesRead).toBeLessThan(4096)
    await source.close()
    expect(cp.tensors[0]!.byteRange).toEqual({
      file: path,
      start: layout.dataOffsets[2],
      end: layout.dataOffsets[2]! + 5n * 2n ** 30n
    })
    expect(cp.tensors[1]!.byteRange!.start).toBe(layout.dataOffsets[3])
    expect(layout.dataOffsets[3]!).toBeGreaterThan(2n ** 32n)
  })
})

/** python3 with torch, if this machine has one (Debian's python3-torch lives in /usr/bin/python3). */
function pythonWithTorch(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 })
      return py
    } catch {
      // not this one
    }
  }
  return undefined
}

const python = process.env.MODEL_COMPAT_SKIP_TORCH ? undefined : pythonWithTorch()
;(python === undefined ? it.skip : it)(
  'torch.load accepts the archives the benchmark generator writes (needs python3-torch)',
  async () => {
    const path = join(dir, 'check.pt')
    writeTorchZip(
      path,
      spec({
        tensors: tensorsWithOwnStorages([
          { name: 'a.weight', shape: [3, 5] },
          { name: 'b', shape: [7], storageClass: 'BFloat16Storage' }
        ])
      })
    )
    const out = execFileSync(
      python!,
      [join(import.meta.dirname, '../../scripts/make-torch-fixtures.py'), '--check-zip', path],
      { timeout: 120_000 }
    )
    const loaded = JSON.parse(out.toString()) as Record<
      string,
      { shape: number[]; dtype: string; sum: number }
    >
    const source = await openLocalFile(path)
    const ours = await readTorchZip(source)
    await source.close()
    expect(
      Object.fromEntries(ours.tensors.map((t) => [t.name, { shape: t.shape, dtype: t.dtype, sum: 0 }]))
    ).toEqual(loaded)
  }
)
