import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpClient, type HttpClientOptions } from '../../src/formats/http/client.js'
import { CheckpointError } from '../../src/formats/errors.js'

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'model-compat-http-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Deterministic non-zero bytes, so a misplaced range shows up as different content. */
export function patternBytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

/** A file with `content` at the start and a sparse tail up to `size` bytes. */
export function writeFile(path: string, content: Uint8Array, size = content.length): string {
  writeFileSync(path, content)
  if (size > content.length) truncateSync(path, size)
  return path
}

/** A client with tiny retry delays that records every wait instead of sleeping long. */
export function testClient(opts: HttpClientOptions = {}): { client: HttpClient; waits: number[] } {
  const waits: number[] = []
  const client = new HttpClient({
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 50,
    idleTimeoutMs: 2000,
    sleep: async (ms) => {
      waits.push(ms)
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)))
    },
    ...opts
  })
  return { client, waits }
}

export async function caught(p: Promise<unknown>): Promise<CheckpointError> {
  try {
    await p
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw new Error(`expected a CheckpointError, got ${String(e)}`, { cause: e })
  }
  throw new Error('expected a CheckpointError, got success')
}

/** A checkpoint with every occurrence of its own path replaced, so local and remote reads compare equal. */
export function withoutNames<T extends { path: string }>(ckpt: T, ...names: string[]): unknown {
  const json = JSON.stringify(ckpt, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
  let out = json
  for (const n of [ckpt.path, ...names]) out = out.split(JSON.stringify(n).slice(1, -1)).join('<file>')
  return JSON.parse(out)
}
