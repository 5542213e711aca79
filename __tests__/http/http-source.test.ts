import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { expandModel } from '../../fixtures/specs.js'
import { HttpSource } from '../../src/formats/http/http-source.js'
import { DirectoryHeaderCache, MemoryHeaderCache } from '../../src/formats/http/remote-cache.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { openLocalFile } from '../../src/formats/source.js'
import { caught, patternBytes, tempDir, testClient, withoutNames, writeFile } from './helpers.js'

const KiB = 1024
let server: TestHttpServer
let tmp: ReturnType<typeof tempDir>
const content = patternBytes(2 * 1024 * KiB)
let patternUrl: string
let wanUrl: string
let wanPath: string
let wanHeaderBytes: number
let smallUrl: string

beforeAll(async () => {
  tmp = tempDir()
  server = await TestHttpServer.start()
  patternUrl = server.serve('/pattern.bin', writeFile(join(tmp.dir, 'pattern.bin'), content))
  wanPath = join(tmp.dir, 'wan.safetensors')
  const wan = await writeSafetensors(wanPath, expandModel('wan2.1-t2v-14b'), { data: 'sparse' })
  wanHeaderBytes = wan.header.length
  wanUrl = server.serve('/wan.safetensors', wanPath)
  const small = await writeSafetensors(join(tmp.dir, 'small.safetensors'), [
    { name: 'a.weight', shape: [4, 4], dtype: 'F32' },
    { name: 'b.weight', shape: [8], dtype: 'BF16' }
  ])
  smallUrl = server.serve('/small.safetensors', small.path)
})

afterAll(async () => {
  await server.close()
  tmp.cleanup()
})

beforeEach(() => {
  server.clearFaults()
  server.resetLog()
})

describe('HttpSource reads', () => {
  test('Wan2.1-14B-shaped safetensors (28.6 GB apparent): same result as the local file, 2 requests', async () => {
    expect(wanHeaderBytes).toBeGreaterThan(64 * KiB)
    const { client } = testClient()
    const source = await HttpSource.open(wanUrl, { client, name: 'wan.safetensors' })
    expect(source.size).toBeGreaterThan(28_000_000_000)
    const remote = await readSafetensors(source)
    await source.close()
    const local = await openLocalFile(wanPath)
    const expected = await readSafetensors(local)
    await local.close()
    expect(withoutNames(remote)).toEqual(withoutNames(expected))
    expect(remote.tensors.length).toBe(expandModel('wan2.1-t2v-14b').length)
    expect(server.requests).toBe(2)
    expect(source.stats.bytesFetched).toBeLessThanOrEqual(wanHeaderBytes + 64 * KiB)
    expect(server.bytesSent).toBe(source.stats.bytesFetched)
  })

  test('a header under 64 KiB costs one request', async () => {
    const { client } = testClient()
    const source = await HttpSource.open(smallUrl, { client })
    const ckpt = await readSafetensors(source)
    await source.close()
    expect(ckpt.tensors.map((t) => t.name)).toEqual(['a.weight', 'b.weight'])
    expect(server.requests).toBe(1)
    expect(server.log[0].range).toBe('bytes=0-65535')
  })

  test('many small sequential reads grow the read-ahead: few requests, exact bytes', async () => {
    const { client } = testClient()
    const source = await HttpSource.open(patternUrl, {
      client,
      initialBytes: 4 * KiB,
      readAheadBytes: 4 * KiB
    })
    let offset = 0
    for (let i = 0; i < 20_000; i++) {
      const len = 1 + (i % 37)
      const got = await source.read(offset, len)
      if (!Buffer.from(got).equals(Buffer.from(content.subarray(offset, offset + len)))) {
        throw new Error(`wrong bytes at ${offset}`)
      }
      offset += len
    }
    expect(offset).toBeGreaterThan(300 * KiB)
    // 4K, 4K, 8K, 16K, ... doubling: logarithmic, not one request per 4 KiB block
    expect(source.stats.requests).toBeLessThanOrEqual(8)
    expect(source.stats.bytesFetched).toBeLessThan(2 * offset + 8 * KiB)
    await source.close()
  })

  test('reads at the end extend backwards, so a zip-style directory read costs one request', async () => {
    const { client } = testClient()
    const source = await HttpSource.open(patternUrl, { client })
    const size = content.length
    const eocd = await source.read(size - 22, 22)
    const dir = await source.read(size - 30_000, 29_978)
    expect(Buffer.from(eocd).equals(Buffer.from(content.subarray(size - 22)))).toBe(true)
    expect(Buffer.from(dir).equals(Buffer.from(content.subarray(size - 30_000, size - 22)))).toBe(true)
    expect(source.stats.requests).toBe(2)
    // a read straddling held and missing bytes fetches only the gap
    const straddle = await source.read(60 * KiB, 10 * KiB)
    expect(Buffer.from(straddle).equals(Buffer.from(content.subarray(60 * KiB, 70 * KiB)))).toBe(true)
    expect(server.log[2].range).toBe(`bytes=${64 * KiB}-${128 * KiB - 1}`)
    await source.close()
  })

  test('reads past the end are Truncated naming the source; bad ranges are IoError', async () => {
    const { client } = testClient()
    const source = await HttpSource.open(smallUrl, { client, name: 'hf://org/repo/small.safetensors' })
    const e = await caught(source.read(source.size - 4, 8))
    expect(e.code).toBe('Truncated')
    expect(e.file).toBe('hf://org/repo/small.safetensors')
    expect((await caught(source.read(-1, 4))).code).toBe('IoError')
    await source.close()
  })

  test('an empty remote file opens with size 0 (the server answers 416)', async () => {
    const url = server.serve('/empty.bin', writeFile(join(tmp.dir, 'empty.bin'), new Uint8Array(0)))
    const { client } = testClient()
    const source = await HttpSource.open(url, { client })
    expect(source.size).toBe(0)
    expect(server.log[0].status).toBe(416)
    expect((await source.read(0, 0)).length).toBe(0)
    expect((await caught(source.read(0, 1))).code).toBe('Truncated')
    await source.close()
  })

  test('a file replaced on the server mid-read is an error, not mixed bytes', async () => {
    const { client } = testClient()
    const source = await HttpSource.open(patternUrl, { client })
    server.setEtag('/pattern.bin', '"replaced"')
    const e = await caught(source.read(1024 * KiB, 16))
    expect(e.code).toBe('HttpError')
    expect(e.message).toContain('changed on the server')
    await source.close()
    server.setEtag('/pattern.bin', '"v1"')
  })

  test('a server without Range support still serves a header, reading only the prefix', async () => {
    const noRange = await TestHttpServer.start({ rangeSupport: false })
    try {
      const url = noRange.serve('/wan.safetensors', wanPath)
      const { client } = testClient()
      const source = await HttpSource.open(url, { client })
      const ckpt = await readSafetensors(source)
      await source.close()
      expect(ckpt.tensors.length).toBe(expandModel('wan2.1-t2v-14b').length)
      expect(source.stats.rangeSupported).toBe(false)
      expect(client.stats.bytesReceived).toBeLessThan(wanHeaderBytes + 64 * KiB * 4)
    } finally {
      await noRange.close()
    }
  })
})

describe('remote header cache', () => {
  test('second run: one conditional request per file, no data re-sent, same result', async () => {
    const cacheDir = join(tmp.dir, 'cache-1')
    const runOnce = async (): Promise<{ names: string[]; requests: number; fromCache: boolean }> => {
      const { client } = testClient()
      const source = await HttpSource.open(wanUrl, { client, cache: new DirectoryHeaderCache(cacheDir) })
      const ckpt = await readSafetensors(source)
      await source.close()
      return {
        names: ckpt.tensors.map((t) => t.name),
        requests: source.stats.requests,
        fromCache: source.stats.fromCache
      }
    }
    const first = await runOnce()
    expect(first.fromCache).toBe(false)
    const sentFirst = server.bytesSent
    server.resetLog()
    const second = await runOnce()
    expect(second.fromCache).toBe(true)
    expect(second.names).toEqual(first.names)
    expect(server.requests).toBe(1)
    expect(server.log[0].status).toBe(304)
    expect(server.log[0].ifNoneMatch).toMatch(/^".+"$/)
    expect(server.bytesSent).toBe(0)
    expect(sentFirst).toBeGreaterThan(wanHeaderBytes)
  })

  test('a changed ETag invalidates the cached copy', async () => {
    const cache = new MemoryHeaderCache()
    const { client } = testClient()
    const a = await HttpSource.open(smallUrl, { client, cache })
    await readSafetensors(a)
    await a.close()
    expect(cache.entries.size).toBe(1)
    server.setEtag('/small.safetensors', '"new-version"')
    server.resetLog()
    const b = await HttpSource.open(smallUrl, { client, cache })
    expect(b.stats.fromCache).toBe(false)
    expect(server.log[0].status).toBe(206)
    await b.close()
    expect(cache.entries.get(smallUrl)?.etag).toBe('"new-version"')
  })

  test('corrupt or foreign cache files are misses, never errors', async () => {
    const cacheDir = join(tmp.dir, 'cache-2')
    const cache = new DirectoryHeaderCache(cacheDir)
    const { client } = testClient()
    const a = await HttpSource.open(smallUrl, { client, cache })
    await a.read(0, 8)
    await a.close()
    const { readdirSync, readFileSync } = await import('node:fs')
    const [file] = readdirSync(cacheDir)
    const raw = readFileSync(join(cacheDir, file))
    expect(await cache.get(smallUrl)).toBeDefined()
    for (const bad of [
      raw.subarray(0, raw.length - 1),
      Buffer.concat([raw, Buffer.from([0])]),
      Buffer.from('junk')
    ]) {
      writeFileSync(join(cacheDir, file), bad)
      expect(await cache.get(smallUrl)).toBeUndefined()
    }
    expect(await cache.get(`${smallUrl}?other`)).toBeUndefined()
    server.resetLog()
    const b = await HttpSource.open(smallUrl, { client, cache })
    expect(b.stats.fromCache).toBe(false)
    expect(server.log[0].ifNoneMatch).toBeUndefined()
    await b.close()
  })
})
