import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { globalsOfError } from '../../src/formats/torch/pickle/scan.js'
import { openLocalFile } from '../../src/formats/source.js'
import { readPickleFileDetailed, type PickleFileOptions } from '../../src/formats/torch/plain-pickle.js'
import { P, PickleWriter, concatBytes, torchStateDictPickle } from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages } from '../../fixtures/torch-files.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pickle-file-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
async function read(bytes: Uint8Array, options?: PickleFileOptions) {
  const path = join(dir, `p${n++}.pkl`)
  writeFileSync(path, bytes)
  const source = await openLocalFile(path)
  try {
    return await readPickleFileDetailed(source, options)
  } finally {
    await source.close()
  }
}

const evil = () =>
  new PickleWriter()
    .proto(4)
    .stackGlobal('builtins', 'exec')
    .str('import os')
    .tuple(1)
    .op(P.REDUCE)
    .stop()
    .bytes()

describe('readPickleFile', () => {
  it('reports the dangerous call of a plain pickle and names the file in each global', async () => {
    const { checkpoint, scans } = await read(evil())
    expect(checkpoint.format).toBe('pickle')
    expect(checkpoint.globals).toEqual([
      {
        module: 'builtins',
        name: 'exec',
        tier: 'dangerous',
        where: expect.stringMatching(/p\d+\.pkl$/),
        count: 1
      }
    ])
    expect(scans[0]!.calls[0]).toMatchObject({ callee: 'builtins.exec', opcode: 'REDUCE' })
    expect(checkpoint.warnings.join('\n')).toMatch(/dangerous global builtins\.exec/)
  })

  it('scans every pickle of a stream and reports bytes that are not a pickle', async () => {
    const { checkpoint, scans } = await read(
      concatBytes([new PickleWriter().proto(2).int(1).stop().bytes(), evil(), new Uint8Array([1, 2, 3])])
    )
    expect(scans).toHaveLength(2)
    expect(checkpoint.globals[0]!.where).toMatch(/#2$/)
    expect(checkpoint.warnings).toContain("3 bytes after the last pickle's STOP")
    expect(checkpoint.metadata).toMatchObject({ pickleProtocol: 2, pickles: 2 })
  })

  it('keeps the globals of a later pickle that breaks', async () => {
    const broken = new PickleWriter().proto(2).global('os', 'system').raw(0xff).bytes()
    const { checkpoint } = await read(
      concatBytes([new PickleWriter().proto(2).int(1).stop().bytes(), broken])
    )
    expect(checkpoint.globals.map((g) => `${g.module}.${g.name}`)).toEqual(['os.system'])
    expect(checkpoint.warnings.join('\n')).toMatch(/does not parse: .*unknown opcode 0xff/)
  })

  it('a first pickle that breaks is an error carrying its globals', async () => {
    const broken = new PickleWriter().proto(2).global('os', 'system').raw(0xff).bytes()
    const e = await read(broken).catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'InvalidPickle' })
    expect(globalsOfError(e).map((g) => g.tier)).toEqual(['dangerous'])
  })

  it('lists tensors found in the pickle, without byte ranges', async () => {
    const { checkpoint } = await read(
      torchStateDictPickle(tensorsWithOwnStorages([{ name: 'w', shape: [2, 2] }]))
    )
    expect(checkpoint.tensors).toEqual([{ name: 'w', shape: [2, 2], dtype: 'F32' }])
    expect(checkpoint.stateDictPath).toEqual([])
  })

  it('refuses a file over the size limit and an empty file', async () => {
    await expect(read(new Uint8Array(100).fill(0x4e), { maxPickleBytes: 50 })).rejects.toMatchObject({
      code: 'HeaderTooLarge'
    })
    await expect(read(new Uint8Array(0))).rejects.toMatchObject({ code: 'EmptyFile' })
  })
})
