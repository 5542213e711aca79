/**
 * The user-space writer's pass (src/convert/output-pass.ts): every output byte from its segment, whatever the
 * window size, with copies crossing window boundaries, block-placed tensors cut between rows, rows wider than a
 * window, and a source shorter than the plan reads. The expected bytes are built in memory, segment by segment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomFillSync } from 'node:crypto'
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sharedZeros, writeOutputPass, zeroShared, type Segment } from '../../src/convert/output-pass.js'
import { startPrefill } from '../../src/convert/prefill.js'
import { CheckpointError } from '../../src/formats/errors.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'output-pass-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SOURCE = randomFillSync(new Uint8Array(200_000))
const START = 37 // the header's place: the data section starts at an odd offset

/** A layout with every kind of segment: copies (one re-reading bytes another copies), scalars, two placed tensors. */
function segments(): Segment[] {
  const out: Segment[] = []
  let at = START
  const push = (s: Segment, length: number): void => {
    out.push(s)
    at += length
  }
  push({ kind: 'copy', to: at, from: 150_000, length: 30_000 }, 30_000)
  push({ kind: 'bytes', to: at, bytes: new Uint8Array([1, 2, 3, 4]) }, 4)
  // block-diagonal: 3 blocks of 40 rows x 24 bytes in a 120 x 72-byte matrix
  const blocks = [0, 1, 2].map((i) => ({
    from: 1_000 + i * 5_000,
    rows: 40,
    rowBytes: 24,
    row: 40 * i,
    colByte: 24 * i
  }))
  push({ kind: 'blocks', to: at, rows: 120, rowBytes: 72, blocks }, 120 * 72)
  push({ kind: 'copy', to: at, from: 10, length: 100_000 }, 100_000)
  push({ kind: 'copy', to: at, from: 150_000, length: 10 }, 10) // the same bytes as the first copy, again
  // rows wider than the small windows below, one block not starting at row 0
  const wide = [{ from: 120_000, rows: 3, rowBytes: 3_000, row: 2, colByte: 1_000 }]
  push({ kind: 'blocks', to: at, rows: 6, rowBytes: 5_000, blocks: wide }, 30_000)
  push({ kind: 'copy', to: at, from: 199_990, length: 10 }, 10) // the source's last bytes
  return out
}

function expected(segs: readonly Segment[]): Uint8Array {
  const last = segs[segs.length - 1]!
  const out = new Uint8Array(last.to + (last.kind === 'copy' ? last.length : 0))
  for (const s of segs) {
    if (s.kind === 'copy') out.set(SOURCE.subarray(s.from, s.from + s.length), s.to)
    else if (s.kind === 'bytes') out.set(s.bytes, s.to)
    else
      for (const b of s.blocks)
        for (let r = 0; r < b.rows; r++)
          out.set(
            SOURCE.subarray(b.from + r * b.rowBytes, b.from + (r + 1) * b.rowBytes),
            s.to + (b.row + r) * s.rowBytes + b.colByte
          )
  }
  return out
}

/** The pass through the worker sink: the output is a prefilled file whose worker writes the windows. */
async function runRing(segs: Segment[], window: number): Promise<Uint8Array> {
  const src = join(dir, 'src.bin')
  writeFileSync(src, SOURCE)
  const end = expected(segs).length
  const name = `ring-${window}.bin`
  const prefill = startPrefill(join(dir, name), 3 * end, 0)!
  // the worker is there to write windows once it has prefilled (it starts in milliseconds)
  for (
    const deadline = Date.now() + 10_000;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 2))
  ) {
    const temp = readdirSync(dir).find((f) => f.startsWith(name))
    if (temp !== undefined && statSync(join(dir, temp)).size === 3 * end) break
  }
  const taken = prefill.take(end)!
  const s = openSync(src, 'r')
  let used = false
  try {
    const sink = (size: number) => {
      const made = taken.windows(size)
      used = made !== undefined
      return made
    }
    await writeOutputPass(s, taken.fd, segs, { start: START, end }, src, { window, sink })
    taken.release()
    expect(used).toBe(true)
    return readFileSync(taken.temp).subarray(START)
  } finally {
    closeSync(s)
    closeSync(taken.fd)
    rmSync(taken.temp)
  }
}

async function run(segs: Segment[], window: number, source: Uint8Array = SOURCE): Promise<Uint8Array> {
  const src = join(dir, 'src.bin')
  const dst = join(dir, `dst-${window}.bin`)
  writeFileSync(src, source)
  const end = expected(segs).length
  // the output file starts as junk: the pass must write every data byte, zeros included
  writeFileSync(dst, new Uint8Array(end).fill(0xee))
  const s = openSync(src, 'r')
  const d = openSync(dst, 'r+')
  try {
    await writeOutputPass(s, d, segs, { start: START, end }, src, { window })
    return readFileSync(dst).subarray(START)
  } finally {
    closeSync(s)
    closeSync(d)
  }
}

describe('writeOutputPass', () => {
  it('writes every segment in place, for windows from smaller than a row to larger than the output', async () => {
    const segs = segments()
    const want = expected(segs).subarray(START)
    for (const window of [1_000, 4_096, 7_777, 65_536, 1 << 20]) {
      const got = await run(segs, window)
      expect(Buffer.compare(Buffer.from(got), Buffer.from(want))).toBe(0)
    }
  })

  it('writes the same bytes through the worker sink (a ring of windows written by the prefill worker)', async () => {
    const segs = segments()
    const want = expected(segs).subarray(START)
    for (const window of [1_000, 7_777, 1 << 20]) {
      const got = await runRing(segs, window)
      expect(Buffer.compare(Buffer.from(got), Buffer.from(want))).toBe(0)
    }
  })

  it('through the worker sink, rows that fill a window exactly, whatever their place modulo 8', async () => {
    // 12-byte rows, windows of 101 rows (1,212 bytes: the ring's slots sit at every offset modulo 8 in turn), one
    // block as wide as the matrix: a window's rows fill the scratch area, read at their place's offset modulo 8
    const blocks = [{ from: 7, rows: 1_000, rowBytes: 12, row: 0, colByte: 0 }]
    const segs: Segment[] = [
      { kind: 'blocks', to: START, rows: 1_000, rowBytes: 12, blocks },
      { kind: 'copy', to: START + 12_000, from: 199_990, length: 10 }
    ]
    const want = expected(segs).subarray(START)
    const got = await runRing(segs, 1_212)
    expect(Buffer.compare(Buffer.from(got), Buffer.from(want))).toBe(0)
  })

  it('fails with Truncated when the source is shorter than a copy reads', async () => {
    const e = await run(segments(), 4_096, SOURCE.subarray(0, 160_000)).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CheckpointError)
    expect((e as CheckpointError).code).toBe('Truncated')
  })

  it('places blocks of more rows than one vectored read takes (1,024), narrow rows included', async () => {
    // 2,500 rows of 4 bytes at column byte 4 of 12-byte rows, then 1,500 rows of 1 byte: three and two reads
    const blocks = [{ from: 3, rows: 2_500, rowBytes: 4, row: 0, colByte: 4 }]
    const narrow = [{ from: 50_001, rows: 1_500, rowBytes: 1, row: 0, colByte: 2 }]
    const segs: Segment[] = [
      { kind: 'blocks', to: START, rows: 2_500, rowBytes: 12, blocks },
      { kind: 'blocks', to: START + 30_000, rows: 1_500, rowBytes: 3, blocks: narrow },
      { kind: 'copy', to: START + 34_500, from: 199_990, length: 10 }
    ]
    const want = expected(segs).subarray(START)
    for (const window of [4_096, 1 << 20]) {
      const got = await run(segs, window)
      expect(Buffer.compare(Buffer.from(got), Buffer.from(want))).toBe(0)
    }
  })

  it('fails with Truncated when the source ends inside the rows of a block', async () => {
    const blocks = [{ from: 100_000, rows: 2_000, rowBytes: 50, row: 0, colByte: 0 }]
    const segs: Segment[] = [
      { kind: 'blocks', to: START, rows: 2_000, rowBytes: 100, blocks },
      { kind: 'copy', to: START + 200_000, from: 0, length: 10 }
    ]
    const e = await run(segs, 1 << 20, SOURCE.subarray(0, 160_123)).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CheckpointError)
    expect((e as CheckpointError).code).toBe('Truncated')
    expect(String(e)).toMatch(/160123/)
  })

  it('refuses segments that do not cover the output back to back', async () => {
    const segs = segments()
    segs.splice(1, 1) // a 4-byte gap after the first copy
    const e = await run(segs, 4_096).catch((x: unknown) => x)
    expect(String(e)).toMatch(/output segment at/)
  })
})

describe('zeros in shared memory', () => {
  it('are read from /dev/zero where there is one, at any offset', () => {
    const zeros = sharedZeros(64)
    if (process.platform === 'linux') expect(zeros.device).toBeDefined()
    const memory = new Uint8Array(new SharedArrayBuffer(80)).fill(9)
    zeroShared(memory, 3, 61, zeros)
    if (process.platform === 'linux') expect(zeros.device).toBeDefined() // read, not the fallback's copy
    expect([...memory.subarray(0, 3)]).toEqual([9, 9, 9])
    expect(memory.subarray(3, 64).every((b) => b === 0)).toBe(true)
    expect(memory.subarray(64).every((b) => b === 9)).toBe(true)
    if (zeros.device !== undefined) closeSync(zeros.device)
  })

  it('are copied in when the device cannot be read, which is then no longer used', () => {
    const path = join(dir, 'not-readable.bin')
    writeFileSync(path, new Uint8Array([1, 2, 3]))
    const device = openSync(path, 'w') // reading it fails (EBADF)
    const zeros = { device, bytes: new Uint8Array(64 + 8) }
    const memory = new Uint8Array(new SharedArrayBuffer(80)).fill(9)
    zeroShared(memory, 5, 64, zeros)
    expect(zeros.device).toBeUndefined()
    expect([...memory.subarray(0, 5)]).toEqual([9, 9, 9, 9, 9])
    expect(memory.subarray(5, 69).every((b) => b === 0)).toBe(true)
    expect(memory.subarray(69).every((b) => b === 9)).toBe(true)
  })
})
