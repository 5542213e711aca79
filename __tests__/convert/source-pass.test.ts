import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomFillSync } from 'node:crypto'
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copyAndHash, mergeCopies, type CopyOp } from '../../src/convert/source-pass.js'
import { CheckpointError } from '../../src/formats/errors.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-pass-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** 20 MB of random bytes: more than two of the pass's 8 MiB chunks. */
const SOURCE = randomFillSync(new Uint8Array(20_000_000))

/** Copies in an order unlike the source's, one crossing both chunk boundaries, two reading the same bytes. */
const COPIES: CopyOp[] = [
  { from: 15_000_000, to: 0, length: 3_000_000 },
  { from: 100, to: 3_000_000, length: 17_000_000 }, // crosses 8 MiB and 16 MiB
  { from: 15_000_000, to: 20_000_000, length: 10 }, // the same bytes as the first, again
  { from: 19_999_990, to: 20_000_010, length: 10 } // the last bytes
]

function expected(): Uint8Array {
  const out = new Uint8Array(20_000_020)
  for (const c of COPIES) out.set(SOURCE.subarray(c.from, c.from + c.length), c.to)
  return out
}

async function run(workerHashBytes: number, source = SOURCE) {
  const src = join(dir, 'src.bin')
  const dst = join(dir, `dst-${workerHashBytes}.bin`)
  writeFileSync(src, source)
  const s = openSync(src, 'r')
  const d = openSync(dst, 'w')
  try {
    ftruncateSync(d, 20_000_020)
    const sha = await copyAndHash(s, d, SOURCE.length, mergeCopies(COPIES), src, { workerHashBytes })
    return { sha, out: readFileSync(dst) }
  } finally {
    closeSync(s)
    closeSync(d)
  }
}

describe('copyAndHash', () => {
  const sha = createHash('sha256').update(SOURCE).digest('hex')

  it('hashes the whole source and writes every copy, hashing inline', async () => {
    const r = await run(Number.MAX_SAFE_INTEGER)
    expect(r.sha).toBe(sha)
    expect(Buffer.compare(r.out, expected())).toBe(0)
  })

  it('gives the same bytes and hash with the hashing worker', async () => {
    const r = await run(0)
    expect(r.sha).toBe(sha)
    expect(Buffer.compare(r.out, expected())).toBe(0)
  })

  it('fails with Truncated when the source is shorter than its size said', async () => {
    for (const workerFrom of [0, Number.MAX_SAFE_INTEGER]) {
      const e = await run(workerFrom, SOURCE.subarray(0, 12_000_000)).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(CheckpointError)
      expect((e as CheckpointError).code).toBe('Truncated')
    }
  })
})

describe('mergeCopies', () => {
  it('sorts by source offset and merges copies that continue each other on both sides', () => {
    expect(
      mergeCopies([
        { from: 10, to: 110, length: 5 },
        { from: 0, to: 100, length: 10 },
        { from: 15, to: 200, length: 5 },
        { from: 20, to: 0, length: 0 }
      ])
    ).toEqual([
      { from: 0, to: 100, length: 15 },
      { from: 15, to: 200, length: 5 }
    ])
  })
})
