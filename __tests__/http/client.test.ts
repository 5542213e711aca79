import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { parseContentRange, parseRetryAfter, type RangeBytes } from '../../src/formats/http/client.js'
import { caught, patternBytes, tempDir, testClient, writeFile } from './helpers.js'

const TOKEN = 'hf_testtokenABCDEFGHIJKLMNOP1234'
const content = patternBytes(300_000)
let hub: TestHttpServer
let cdn: TestHttpServer
let tmp: ReturnType<typeof tempDir>
let url: string
let bigUrl: string

beforeAll(async () => {
  tmp = tempDir()
  hub = await TestHttpServer.start()
  cdn = await TestHttpServer.start()
  const file = writeFile(join(tmp.dir, 'a.bin'), content)
  const big = writeFile(join(tmp.dir, 'big.bin'), content, 28_600_000_000)
  for (const s of [hub, cdn]) {
    s.serve('/org/repo/resolve/main/a.bin', file)
    s.serve('/org/repo/resolve/main/big.bin', big)
  }
  url = `${hub.origin}/org/repo/resolve/main/a.bin`
  bigUrl = `${hub.origin}/org/repo/resolve/main/big.bin`
})

afterAll(async () => {
  await hub.close()
  await cdn.close()
  tmp.cleanup()
})

beforeEach(() => {
  hub.clearFaults()
  cdn.clearFaults()
  hub.resetLog()
  cdn.resetLog()
})

async function bytesOf(p: Promise<unknown>): Promise<RangeBytes> {
  const r = (await p) as RangeBytes
  expect(r.kind).toBe('bytes')
  return r
}

describe('range reads', () => {
  test('206 with exact bytes, size and ETag; one request', async () => {
    const { client } = testClient()
    const r = await bytesOf(client.getRange(url, 1000, 1100, 'a.bin'))
    expect(Buffer.from(r.bytes).equals(Buffer.from(content.subarray(1000, 1100)))).toBe(true)
    expect(r.size).toBe(content.length)
    expect(r.etag).toMatch(/^".+"$/)
    expect(r.rangeSupported).toBe(true)
    expect(hub.log.map((l) => l.range)).toEqual(['bytes=1000-1099'])
    expect(client.stats).toEqual({ requests: 1, bytesReceived: 100, retries: 0 })
  })

  test('a range past the end is clipped to the file; one starting past the end returns the size', async () => {
    const { client } = testClient()
    const r = await bytesOf(client.getRange(url, content.length - 10, content.length + 500, 'a.bin'))
    expect(r.bytes.length).toBe(10)
    const past = await bytesOf(client.getRange(url, content.length + 5, content.length + 10, 'a.bin'))
    expect(past.bytes.length).toBe(0)
    expect(past.size).toBe(content.length)
  })

  test('If-None-Match with the current ETag gives not-modified', async () => {
    const { client } = testClient()
    const first = await bytesOf(client.getRange(url, 0, 10, 'a.bin'))
    const second = await client.getRange(url, 0, 10, 'a.bin', first.etag)
    expect(second.kind).toBe('not-modified')
    expect(hub.log[1].ifNoneMatch).toBe(first.etag)
  })

  test('Content-Range parsing and Retry-After parsing', () => {
    expect(parseContentRange('bytes 0-9/100')).toEqual({ first: 0, last: 9, size: 100 })
    expect(parseContentRange('bytes */100')).toEqual({ size: 100 })
    expect(parseContentRange('bytes 9-0/100')).toBeUndefined()
    expect(parseContentRange('items 0-9/100')).toBeUndefined()
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('redirects and the token', () => {
  test('the token goes to the Hub origin but never to the CDN it redirects to', async () => {
    hub.inject({ fault: { kind: 'redirect', toOrigin: cdn.origin, query: 'X-Amz-Signature=s3cr3t' } })
    const { client } = testClient({ token: TOKEN, tokenOrigins: [hub.origin] })
    const r = await bytesOf(client.getRange(url, 5, 25, 'hf://org/repo/a.bin'))
    expect(Buffer.from(r.bytes).equals(Buffer.from(content.subarray(5, 25)))).toBe(true)
    expect(hub.log[0].authorization).toBe(`Bearer ${TOKEN}`)
    expect(cdn.log).toHaveLength(1)
    expect(cdn.log[0].authorization).toBeUndefined()
    expect(cdn.log[0].range).toBe('bytes=5-24')
    expect(client.stats.requests).toBe(2)
  })

  test('a token is not sent to origins outside tokenOrigins', async () => {
    const { client } = testClient({ token: TOKEN, tokenOrigins: ['https://huggingface.co'] })
    await client.getRange(url, 0, 4, 'a.bin')
    expect(hub.log[0].authorization).toBeUndefined()
  })

  test('redirect loops end with an error naming the URL', async () => {
    hub.inject({ fault: { kind: 'redirect', toOrigin: hub.origin } })
    const { client } = testClient({ maxRedirects: 3 })
    const e = await caught(client.getRange(url, 0, 4, 'a.bin'))
    expect(e.code).toBe('HttpError')
    expect(e.message).toContain('more than 3 redirects')
    expect(e.message).toContain('/org/repo/resolve/main/a.bin')
    expect(hub.requests).toBe(4)
  })
})

describe('retries', () => {
  test('429 with Retry-After is honoured (bounded) and the read then succeeds', async () => {
    hub.inject({ times: 1, fault: { kind: 'status', status: 429, retryAfter: '3600' } })
    hub.inject({ times: 1, fault: { kind: 'status', status: 503, retryAfter: '0' } })
    const { client, waits } = testClient({ maxRetryDelayMs: 40 })
    const r = await bytesOf(client.getRange(url, 0, 8, 'a.bin'))
    expect(r.bytes.length).toBe(8)
    expect(waits).toEqual([40, 0])
    expect(hub.log.map((l) => l.status)).toEqual([429, 503, 206])
    expect(client.stats.retries).toBe(2)
  })

  test('persistent 503 fails after the retry budget, naming URL and status', async () => {
    hub.inject({ fault: { kind: 'status', status: 503 } })
    const { client, waits } = testClient({ retries: 3 })
    const e = await caught(client.getRange(url, 0, 8, 'hf://org/repo/a.bin'))
    expect(e.code).toBe('HttpError')
    expect(e.file).toBe('hf://org/repo/a.bin')
    expect(e.message).toContain('HTTP 503')
    expect(e.message).toContain(`${hub.origin}/org/repo/resolve/main/a.bin`)
    expect(e.message).toContain('after 4 attempts')
    expect(hub.requests).toBe(4)
    // exponential backoff: each wait at least half of base * 2^n
    expect(waits.map((w, i) => w >= 2 ** i / 2 && w <= 2 ** i)).toEqual([true, true, true])
  })

  test('other 4xx are not retried; 404 is FileNotFound', async () => {
    const { client } = testClient()
    const e = await caught(client.getRange(`${hub.origin}/nope.bin`, 0, 8, 'nope'))
    expect(e.code).toBe('FileNotFound')
    expect(e.message).toContain('HTTP 404')
    expect(hub.requests).toBe(1)
  })

  test('a slow server times out and is retried', async () => {
    hub.inject({ times: 1, fault: { kind: 'delay', ms: 400 } })
    const { client } = testClient({ idleTimeoutMs: 100 })
    const r = await bytesOf(client.getRange(url, 0, 8, 'a.bin'))
    expect(r.bytes.length).toBe(8)
    expect(client.stats.retries).toBe(1)
  })

  test('a body that stalls fails with a timeout naming the URL', async () => {
    hub.inject({ fault: { kind: 'stall', afterBytes: 100 } })
    const { client } = testClient({ idleTimeoutMs: 100, retries: 1 })
    const e = await caught(client.getRange(url, 0, 1000, 'a.bin'))
    expect(e.code).toBe('HttpError')
    expect(e.message).toMatch(/no response for 100 ms|timed out|connection failed/)
    expect(e.message).toContain('/org/repo/resolve/main/a.bin')
  })
})

describe('broken responses', () => {
  test('a truncated body is retried, and fails when it persists', async () => {
    hub.inject({ times: 1, fault: { kind: 'truncate', sendBytes: 10 } })
    const { client } = testClient({ retries: 1 })
    const ok = await bytesOf(client.getRange(url, 0, 1000, 'a.bin'))
    expect(Buffer.from(ok.bytes).equals(Buffer.from(content.subarray(0, 1000)))).toBe(true)

    hub.inject({ fault: { kind: 'truncate', sendBytes: 10 } })
    const e = await caught(client.getRange(url, 0, 1000, 'a.bin'))
    expect(e.code).toBe('HttpError')
    expect(e.message).toMatch(/truncated response|connection failed after 10 of 1000/)
  })

  test('a wrong Content-Range is an error, not retried', async () => {
    hub.inject({ fault: { kind: 'wrong-content-range', shift: 16 } })
    const { client } = testClient()
    const e = await caught(client.getRange(url, 0, 100, 'a.bin'))
    expect(e.code).toBe('HttpError')
    expect(e.message).toContain('Content-Range bytes 16-115/300000 for a request of bytes 0-99')
    expect(hub.requests).toBe(1)
  })

  test('a server ignoring Range: only the needed prefix is read from a 28.6 GB body', async () => {
    hub.inject({ fault: { kind: 'ignore-range' } })
    const { client } = testClient()
    const r = await bytesOf(client.getRange(bigUrl, 100, 5000, 'big.bin'))
    expect(r.rangeSupported).toBe(false)
    expect(r.size).toBe(28_600_000_000)
    expect(Buffer.from(r.bytes).equals(Buffer.from(content.subarray(100, 5000)))).toBe(true)
    expect(client.stats.bytesReceived).toBeLessThan(2_000_000)
    // the server stopped streaming: far less than the file went out
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(hub.bytesSent).toBeLessThan(50_000_000)
  })

  test('a server ignoring Range cannot serve bytes far into the file', async () => {
    hub.inject({ fault: { kind: 'ignore-range' } })
    const { client } = testClient()
    const e = await caught(client.getRange(bigUrl, 28_000_000_000, 28_000_000_100, 'big.bin'))
    expect(e.code).toBe('RangeNotSupported')
    expect(e.message).toContain('ignores Range')
    expect(hub.requests).toBe(1)
  })
})

describe('authentication', () => {
  let secured: TestHttpServer
  beforeAll(async () => {
    secured = await TestHttpServer.start({ requireToken: TOKEN })
    secured.serve('/org/gated/resolve/main/a.bin', join(tmp.dir, 'a.bin'))
  })
  afterAll(() => secured.close())

  test('401 without a token says how to pass one', async () => {
    const { client } = testClient()
    const e = await caught(
      client.getRange(`${secured.origin}/org/gated/resolve/main/a.bin`, 0, 8, 'hf://org/gated/a.bin')
    )
    expect(e.code).toBe('RemoteAuth')
    expect(e.message).toContain('HTTP 401')
    expect(e.message).toContain('HF_TOKEN')
    expect(secured.requests).toBe(1)
  })

  test('403 with a wrong token says the token was refused, and never prints it', async () => {
    const wrong = 'hf_wrongtokenZZZZZZZZZZZZZZZZZZZ'
    const { client } = testClient({ token: wrong, tokenOrigins: [secured.origin] })
    const e = await caught(client.getRange(`${secured.origin}/org/gated/resolve/main/a.bin`, 0, 8, 'a.bin'))
    expect(e.code).toBe('RemoteAuth')
    expect(e.message).toContain('HTTP 403')
    expect(e.message).toContain('refused the token')
    expect(e.message).not.toContain(wrong)
    expect(JSON.stringify(e)).not.toContain(wrong)
  })

  test('the right token is accepted', async () => {
    const { client } = testClient({ token: TOKEN, tokenOrigins: [secured.origin] })
    const r = await bytesOf(client.getRange(`${secured.origin}/org/gated/resolve/main/a.bin`, 0, 8, 'a.bin'))
    expect(r.bytes.length).toBe(8)
  })
})

describe('auth failures after a redirect', () => {
  test('a 403 from the CDN is about the signed link, not a missing token', async () => {
    const cdnSecured = await TestHttpServer.start({ requireToken: 'never-sent' })
    try {
      cdnSecured.serve('/org/repo/resolve/main/a.bin', join(tmp.dir, 'a.bin'))
      hub.inject({ fault: { kind: 'redirect', toOrigin: cdnSecured.origin } })
      const { client } = testClient({ token: TOKEN, tokenOrigins: [hub.origin] })
      const e = await caught(client.getRange(url, 0, 8, 'hf://org/repo/a.bin'))
      expect(e.code).toBe('RemoteAuth')
      expect(e.message).toContain('signed download link was refused')
      expect(e.message).toContain(cdnSecured.origin)
      expect(cdnSecured.log[0].authorization).toBeUndefined()
    } finally {
      await cdnSecured.close()
    }
  })
})
