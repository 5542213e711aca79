/**
 * A server that sends one byte at a time resets every idle timer; the overall deadline of a remote file (every
 * request, retry and backoff for it together) is what stops it. Issue 14: one read held for 10 minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CheckpointError } from '../../src/formats/errors.js'
import { HttpClient } from '../../src/formats/http/client.js'
import { HttpSource } from '../../src/formats/http/http-source.js'

let server: http.Server
let base = ''
const open = new Set<http.ServerResponse>()

beforeAll(async () => {
  // every response: 206 with a large Content-Length, then one byte every 20 ms, never finishing
  server = http.createServer((req, res) => {
    const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '')
    const first = Number(m?.[1] ?? 0)
    const last = Number(m?.[2] ?? 65535)
    res.writeHead(206, {
      'content-range': `bytes ${first}-${last}/1000000`,
      'content-length': String(last - first + 1)
    })
    open.add(res)
    const timer = setInterval(() => res.write(Buffer.of(0x7b)), 20)
    res.on('close', () => {
      clearInterval(timer)
      open.delete(res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const res of open) res.destroy()
  await new Promise((resolve) => server.close(resolve))
})

describe('the overall deadline of a remote file', () => {
  it('stops a trickling server at the deadline, however the idle and attempt timers stand', async () => {
    // the defaults that let it run for minutes: a 30 s idle timer (reset by each byte), 120 s per attempt, retries
    const client = new HttpClient({ retryBaseDelayMs: 1 })
    const started = Date.now()
    const e = await HttpSource.open(`${base}/model.safetensors`, { client, deadlineMs: 1500 }).catch(
      (x: unknown) => x
    )
    const took = Date.now() - started
    expect(e).toBeInstanceOf(CheckpointError)
    expect(e).toMatchObject({ code: 'BudgetExceeded' })
    expect((e as CheckpointError).detail).toMatch(/not read within its deadline of 2 s/)
    expect(took).toBeGreaterThanOrEqual(1400)
    expect(took).toBeLessThan(10_000)
  })

  it('counts retries and waits against the deadline too', async () => {
    let waited = 0
    const client = new HttpClient({
      retries: 50,
      attemptTimeoutMs: 200,
      sleep: async (ms) => {
        waited += ms
        await new Promise((resolve) => setTimeout(resolve, ms))
      },
      retryBaseDelayMs: 100
    })
    const started = Date.now()
    const e = await HttpSource.open(`${base}/x.safetensors`, { client, deadlineMs: 1200 }).catch(
      (x: unknown) => x
    )
    expect(e).toMatchObject({ code: 'BudgetExceeded' })
    expect(Date.now() - started).toBeLessThan(8000)
    expect(waited).toBeLessThan(1200)
  })
})
