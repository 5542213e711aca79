import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { openLocalFile } from '../../src/formats/source.js'
import { readZipDirectory, type ZipLimits } from '../../src/formats/torch/zip.js'
import { readZipRecord } from '../../src/formats/torch/zip-records.js'
import { zipBytes, type ZipRecordSpec } from '../../fixtures/zip-writer.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zip-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
async function withFile<T>(
  bytes: Uint8Array,
  fn: (s: Awaited<ReturnType<typeof openLocalFile>>) => Promise<T>
): Promise<T> {
  const path = join(dir, `z${n++}.zip`)
  writeFileSync(path, bytes)
  const source = await openLocalFile(path)
  try {
    return await fn(source)
  } finally {
    await source.close()
  }
}

const dirOf = (bytes: Uint8Array, limits?: Partial<ZipLimits>) =>
  withFile(bytes, (s) => readZipDirectory(s, limits))

async function failure(bytes: Uint8Array, limits?: Partial<ZipLimits>): Promise<CheckpointError> {
  try {
    await dirOf(bytes, limits)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

const text = (s: string) => new TextEncoder().encode(s)
const RECORDS: ZipRecordSpec[] = [
  { name: 'archive/data.pkl', data: text('pickle') },
  { name: 'archive/data/0', zeros: 100n },
  { name: 'archive/version', data: text('3\n') }
]

function patch(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const out = bytes.slice()
  out.set(values, at < 0 ? out.length + at : at)
  return out
}

const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]

describe('zip central directory', () => {
  it('lists entries with sizes, methods and the top folder, with no anomalies for a torch-like archive', async () => {
    const d = await dirOf(zipBytes(RECORDS))
    expect(d.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['archive/data.pkl', 0, 6n],
      ['archive/data/0', 0, 100n],
      ['archive/version', 0, 2n]
    ])
    expect(d.topFolder).toBe('archive')
    expect(d.zip64).toBe(true)
    expect(d.anomalies).toEqual([])
  })

  it('reads an archive without zip64 records, and one with a comment after the end record', async () => {
    const plain = zipBytes(RECORDS, { zip64: false })
    expect((await dirOf(plain)).zip64).toBe(false)
    // a 5-byte comment: set the comment length and append it
    const commented = new Uint8Array([...patch(plain, -2, [5, 0]), ...text('hello')])
    expect((await dirOf(commented)).entries).toHaveLength(3)
  })

  it('flags bytes after the end record and a second end signature', async () => {
    const bytes = zipBytes(RECORDS, { zip64: false })
    const eocd = bytes.slice(-22)
    const d = await dirOf(new Uint8Array([...bytes, ...text('junk')]))
    expect(d.anomalies).toContain('4 bytes after the end-of-central-directory record')
    // a second end record inside the comment: readers that search from the end disagree with ones that don't
    const twice = new Uint8Array([...patch(bytes, -2, [30, 0]), ...eocd, ...text('12345678')])
    const t = await dirOf(twice)
    expect(t.entries).toHaveLength(3)
    expect(t.anomalies).toContain('more than one end-of-central-directory signature')
  })

  it('counts every entry outside the folder, compressed or flagged, and reports them in a fixed order', async () => {
    const records: ZipRecordSpec[] = [
      { name: 'a/x', data: text('x') },
      { name: 'b/one', data: text('1'), flags: 0x0800 | 0x40 },
      { name: 'a/y', data: text('y'.repeat(50)), method: 8 },
      { name: 'c/two', data: text('2'), method: 8 },
      { name: 'a/x', data: text('again') }
    ]
    const d = await dirOf(zipBytes(records))
    expect(d.anomalies).toEqual([
      'duplicate entry name "a/x" (torch loads the first)',
      '2 entries outside the top folder a/ (e.g. "b/one")',
      '2 compressed entries (e.g. "a/y", method 8)',
      'entry "b/one" has unusual flags 0x840'
    ])
    expect(d.byName.get('a/x')).toBe(d.entries[0])
  })

  it('reads a record and inflates a deflated one with a size cap', async () => {
    const records: ZipRecordSpec[] = [
      { name: 'a/x.pkl', data: text('x'.repeat(1000)), method: 8 },
      { name: 'a/y', data: text('yy') }
    ]
    await withFile(zipBytes(records), async (s) => {
      const d = await readZipDirectory(s)
      expect(Buffer.from((await readZipRecord(s, d.entries[0]!, 2000)).data).toString()).toBe(
        'x'.repeat(1000)
      )
      await expect(readZipRecord(s, d.entries[0]!, 999)).rejects.toMatchObject({ code: 'HeaderTooLarge' })
      expect(d.anomalies).toContain('1 compressed entries (e.g. "a/x.pkl", method 8)')
    })
  })

  it('rejects a deflated record whose data does not inflate to the declared size', async () => {
    const bytes = zipBytes([{ name: 'a/x.pkl', data: text('x'.repeat(1000)), method: 8 }])
    // central directory uncompressed size: entry at cdOffset, field at +24; shrink the declared size to 10
    const cdOffset = Number(new DataView(bytes.buffer).getBigUint64(bytes.length - 22 - 20 - 56 + 48, true))
    const lying = patch(bytes, cdOffset + 24, u32(10))
    await withFile(lying, async (s) => {
      const d = await readZipDirectory(s)
      await expect(readZipRecord(s, d.entries[0]!, 2000)).rejects.toMatchObject({ code: 'InvalidZip' })
    })
  })

  it('bounds the entry count before reading the directory', async () => {
    const e = await failure(zipBytes(RECORDS), { maxEntries: 2 })
    expect([e.code, e.detail]).toEqual(['ZipTooManyEntries', '3 entries; the limit is 2'])
  })

  const cases: Array<[string, () => Uint8Array, string, RegExp]> = [
    ['too short', () => new Uint8Array(10), 'InvalidZip', /too short/],
    ['no end record', () => zipBytes(RECORDS).subarray(0, -30), 'InvalidZip', /no end-of-central-directory/],
    // zip64 end record: entries at +32 (u64), cd size at +40, cd offset at +48; it sits 56+20+22 bytes from the end
    [
      'entry count larger than the directory can hold',
      () => patch(zipBytes(RECORDS), -98 + 32, [0xff, 0xff, 0, 0]),
      'InvalidZip',
      /cannot fit/
    ],
    [
      'directory past the end records',
      () => patch(zipBytes(RECORDS), -98 + 48, u32(0xfffff)),
      'InvalidZip',
      /runs past the end records/
    ],
    [
      'zip64 locator pointing nowhere',
      () => patch(zipBytes(RECORDS), -42 + 8, u32(0x7fffffff)),
      'InvalidZip',
      /zip64 end record offset/
    ],
    [
      'zip64 values without a locator',
      () => patch(zipBytes(RECORDS, { zip64: false }), -22 + 16, u32(0xffffffff)),
      'InvalidZip',
      /no zip64 locator/
    ],
    [
      'multi-disk archive',
      () => patch(zipBytes(RECORDS, { zip64: false }), -22 + 4, [1, 0]),
      'UnsupportedZip',
      /multi-disk/
    ]
  ]
  for (const [what, make, code, detail] of cases) {
    it(`${what} -> ${code}`, async () => {
      const e = await failure(make())
      expect([e.code, e.detail]).toEqual([code, expect.stringMatching(detail)])
    })
  }

  it('rejects a central entry with a bad signature or a local offset past the end', async () => {
    const bytes = zipBytes(RECORDS, { zip64: false })
    const cdOffset = new DataView(bytes.buffer).getUint32(bytes.length - 22 + 16, true)
    expect((await failure(patch(bytes, cdOffset, [0, 0, 0, 0]))).detail).toMatch(
      /entry 0 is missing or has a bad signature/
    )
    expect((await failure(patch(bytes, cdOffset + 42, u32(0x7ffffff0)))).detail).toMatch(
      /runs past the end of the file/
    )
  })

  it('rejects a name marked UTF-8 that is not', async () => {
    const bytes = zipBytes([{ name: 'a/\u00e9', data: text('x') }], { zip64: false })
    const cdOffset = new DataView(bytes.buffer).getUint32(bytes.length - 22 + 16, true)
    const e = await failure(patch(bytes, cdOffset + 46 + 2, [0xff]))
    expect(e.detail).toMatch(/marked UTF-8/)
  })
})
