/**
 * A short property pass (the long fuzz run belongs to `npm run fuzz`): mutated pickles and torch files end in a
 * result or a CheckpointError, never another exception.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isCheckpointError } from '../../src/formats/errors.js'
import { unpickle } from '../../src/formats/torch/pickle/unpickler.js'
import { openLocalFile } from '../../src/formats/source.js'
import { findStateDict } from '../../src/formats/torch/state-dict.js'
import { readTorchLegacy } from '../../src/formats/torch/legacy.js'
import { readTorchZip } from '../../src/formats/torch/zip-checkpoint.js'
import { torchLegacyBytes, torchStateDictPickle } from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages, torchZipBytes } from '../../fixtures/torch-files.js'

const FIXTURES = join(import.meta.dirname, '../../__fixtures__/torch')
const TENSORS = tensorsWithOwnStorages([
  { name: 'a.weight', shape: [4, 4] },
  { name: 'a.bias', shape: [4], storageClass: 'HalfStorage' },
  { name: 'b', shape: [2, 3], storageClass: 'LongStorage' }
])

/** Bit flips, byte overwrites, truncation and duplicated slices of a valid input. */
function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  const flip = fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 7 })).map(([at, bit]) => {
    const out = seed.slice()
    out[at] = out[at]! ^ (1 << bit)
    return out
  })
  const overwrite = fc
    .tuple(fc.nat(seed.length - 1), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([at, bytes]) => {
      const out = seed.slice()
      out.set(bytes.subarray(0, out.length - at), at)
      return out
    })
  const truncate = fc.nat(seed.length - 1).map((n) => seed.slice(0, n))
  const duplicate = fc.tuple(fc.nat(seed.length - 1), fc.nat(64)).map(([at, len]) => {
    const piece = seed.subarray(at, at + len)
    return new Uint8Array([...seed.subarray(0, at), ...piece, ...seed.subarray(at)])
  })
  return fc.oneof(flip, overwrite, truncate, duplicate)
}

function expectTyped(run: () => unknown): void {
  try {
    run()
  } catch (e) {
    if (!isCheckpointError(e)) throw e
  }
}

describe('property: mutated inputs end in a result or a typed error', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pickle-prop-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('unpickler + state dict walk on mutated torch pickles', () => {
    const seeds = [
      torchStateDictPickle(TENSORS),
      new Uint8Array(readFileSync(join(FIXTURES, 'plain_protocol0.pkl'))),
      new Uint8Array(readFileSync(join(FIXTURES, 'plain_protocol4.pkl')))
    ]
    for (const seed of seeds) {
      fc.assert(
        fc.property(mutated(seed), (bytes) => {
          expectTyped(() => {
            const r = unpickle(bytes, { file: 'm.pkl', where: 'm.pkl', limits: { maxOpcodes: 100_000 } })
            findStateDict(r.value, 'm.pkl', {}, false)
          })
        }),
        { numRuns: 300, seed: 42 }
      )
    }
  })

  it('torch zip and legacy readers on mutated files', async () => {
    let i = 0
    for (const [seed, reader] of [
      [torchZipBytes({ tensors: TENSORS }), readTorchZip],
      [torchLegacyBytes(TENSORS), readTorchLegacy]
    ] as const) {
      await fc.assert(
        fc.asyncProperty(mutated(seed), async (bytes) => {
          const path = join(dir, `m${i++}.pt`)
          writeFileSync(path, bytes)
          const source = await openLocalFile(path)
          try {
            await reader(source)
          } catch (e) {
            expect(isCheckpointError(e)).toBe(true)
          } finally {
            await source.close()
          }
        }),
        { numRuns: 150, seed: 7 }
      )
    }
  })
})
