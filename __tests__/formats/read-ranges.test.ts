import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { openLocalFile, PARALLEL_READS, readRanges, type ByteSource } from '../../src/formats/source.js'
import { readZipDirectory, type ZipEntry } from '../../src/formats/torch/zip.js'
import { readLocalHeader, readLocalHeaders } from '../../src/formats/torch/zip-records.js'
import { zipBytes, type ZipRecordSpec } from '../../fixtures/zip-writer.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-ranges-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
function writeTemp(bytes: Uint8Array): string {
  const path = join(dir, `f${n++}.bin`)
  writeFileSync(path, bytes)
  return path
}

/** A source with only `read` (like a wrapper or a remote source), recording the most reads in flight at once. */
function plainSource(inner: ByteSource): ByteSource & { maxInFlight: number } {
  let inFlight = 0
  const s = {
    name: inner.name,
    size: inner.size,
    maxInFlight: 0,
    async read(offset: number, length: number) {
      inFlight++
      s.maxInFlight = Math.max(s.maxInFlight, inFlight)
      try {
        await new Promise((r) => setImmediate(r))
        return await inner.read(offset, length)
      } finally {
        inFlight--
      }
    },
    close: () => inner.close()
  }
  return s
}

function records(count: number): ZipRecordSpec[] {
  const recs: ZipRecordSpec[] = [{ name: 'archive/data.pkl', data: new Uint8Array([0x80, 2, 0x2e]) }]
  for (let i = 0; i < count; i++) {
    const rec: ZipRecordSpec = { name: `archive/data/${i}`, data: new Uint8Array(10 + i) }
    // a local name longer than the central one needs the second read; a different one is an anomaly
    if (i === 3) rec.localName = `archive/data/${i}-with-a-much-longer-local-name`
    if (i === 5) rec.localName = 'archive/dAta/5'
    recs.push(rec)
  }
  return recs
}

function settledValues<T>(results: PromiseSettledResult<T>[]): Array<T | string> {
  return results.map((r) =>
    r.status === 'fulfilled'
      ? r.value
      : `${(r.reason as CheckpointError).code}: ${(r.reason as Error).message}`
  )
}

describe('readRanges', () => {
  it('returns each range in order, from readMany or from bounded-parallel reads, with the same bytes', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 251)
    const local = await openLocalFile(writeTemp(bytes))
    try {
      const ranges = Array.from({ length: 50 }, (_, i) => ({
        offset: (i * 331) % 4000,
        length: 1 + (i % 90)
      }))
      const expected = ranges.map((r) => bytes.slice(r.offset, r.offset + r.length))
      expect(settledValues(await readRanges(local, ranges))).toEqual(expected)
      const plain = plainSource(local)
      expect(settledValues(await readRanges(plain, ranges))).toEqual(expected)
      expect(plain.maxInFlight).toBeGreaterThan(1)
      expect(plain.maxInFlight).toBeLessThanOrEqual(PARALLEL_READS)
    } finally {
      await local.close()
    }
  })

  it('fails only the slot of a range past the end, from either path', async () => {
    const local = await openLocalFile(writeTemp(new Uint8Array(100).fill(9)))
    try {
      const ranges = [
        { offset: 0, length: 4 },
        { offset: 98, length: 4 },
        { offset: 50, length: 2 }
      ]
      for (const source of [local, plainSource(local)]) {
        const out = await readRanges(source, ranges)
        expect(out.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
        const reason = (out[1] as PromiseRejectedResult).reason as CheckpointError
        expect(reason).toBeInstanceOf(CheckpointError)
        expect(reason.code).toBe('Truncated')
      }
      await expect(local.readMany!([{ offset: 0, length: 101 }])).rejects.toMatchObject({ code: 'Truncated' })
    } finally {
      await local.close()
    }
  })
})

describe('readLocalHeaders', () => {
  async function compareWithOneByOne(bytes: Uint8Array): Promise<Array<unknown>> {
    const local = await openLocalFile(writeTemp(bytes))
    try {
      const zip = await readZipDirectory(local)
      const entries: ZipEntry[] = zip.entries
      const oneByOne = await Promise.allSettled(entries.map((e) => readLocalHeader(local, e)))
      const batched = await readLocalHeaders(local, entries)
      const parallel = await readLocalHeaders(plainSource(local), entries)
      expect(settledValues(batched)).toEqual(settledValues(oneByOne))
      expect(settledValues(parallel)).toEqual(settledValues(oneByOne))
      return settledValues(batched)
    } finally {
      await local.close()
    }
  }

  it('gives what readLocalHeader gives for every entry, long and mismatched local names included', async () => {
    const out = await compareWithOneByOne(zipBytes(records(40), { align: 64 }))
    expect(out).toHaveLength(41)
    const names = out.map((h) => (h as { localName: string }).localName)
    expect(names[4]).toBe('archive/data/3-with-a-much-longer-local-name')
    expect(names[6]).toBe('archive/dAta/5')
    expect(names[10]).toBe('archive/data/9')
  })

  it('fails only the entry whose local header is broken', async () => {
    const bytes = zipBytes(records(12), { align: 64 })
    const local = await openLocalFile(writeTemp(bytes))
    const zip = await readZipDirectory(local)
    await local.close()
    const broken = zip.entries[7]!
    bytes[Number(broken.localHeaderOffset)] = 0x51 // not the local header signature any more
    const out = await compareWithOneByOne(bytes)
    const failed = out.map((r, i) => (typeof r === 'string' ? i : -1)).filter((i) => i >= 0)
    expect(failed).toEqual([7])
    expect(out[7]).toMatch(/^InvalidZip: .*no local header at offset/)
  })
})
