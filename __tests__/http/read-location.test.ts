/**
 * `readLocation` (the remote readCheckpoint glue): every format through the same dispatch as local files, with
 * hf:// files, indexes and folders.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { comfyWanGgufSpec, writeGguf } from '../../fixtures/gguf.js'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { ditLikeTensors, writeTorchZip } from '../../fixtures/torch-files.js'
import { writeDiffusersFolder, writeShardedCheckpoint } from '../../fixtures/safetensors.js'
import { expandModel } from '../../fixtures/specs.js'
import { RemoteContext } from '../../src/formats/http/open-location.js'
import { readLocation } from '../../src/formats/http/read-location.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { caught, tempDir } from './helpers.js'

const KiB = 1024
const TORCH_DIR = join(process.cwd(), '__fixtures__', 'torch')
let server: TestHttpServer
let tmp: ReturnType<typeof tempDir>
let repo: string
let ctx: RemoteContext
let wanHeaderBytes: number

function normalised(ckpt: Checkpoint, local: string, remote: string): unknown {
  const json = JSON.stringify(ckpt, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
  return JSON.parse(json.split(local).join('<loc>').split(remote).join('<loc>'))
}

/** Read `rel` locally and over hf://: the same Checkpoint, or the same error code. */
async function sameAsLocal(rel: string): Promise<Checkpoint | undefined> {
  let local: Checkpoint
  try {
    local = await readCheckpoint(join(repo, rel))
  } catch (e) {
    const code = (e as { code?: string }).code
    expect((await caught(readLocation(`hf://org/repo/${rel}`, ctx))).code).toBe(code)
    return undefined
  }
  const remote = await readLocation(`hf://org/repo/${rel}`, ctx)
  expect(normalised(remote, repo, 'hf://org/repo')).toEqual(normalised(local, repo, 'hf://org/repo'))
  return remote
}

beforeAll(async () => {
  tmp = tempDir()
  repo = join(tmp.dir, 'repo')
  mkdirSync(join(repo, 'torch'), { recursive: true })
  for (const f of readdirSync(TORCH_DIR).filter((f) => /\.(pt|pth|ckpt|pkl)$/.test(f))) {
    copyFileSync(join(TORCH_DIR, f), join(repo, 'torch', f))
  }
  const wan = await writeSafetensors(
    join(repo, 'wan.safetensors'),
    expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
  )
  wanHeaderBytes = wan.header.length
  writeShardedCheckpoint(join(repo, 'sharded'), { shards: 6 })
  writeTorchZip(join(repo, 'dit.pt'), { tensors: ditLikeTensors(28_600_000_000) })
  writeDiffusersFolder(join(repo, 'pipeline'))
  writeGguf(join(repo, 'q.gguf'), comfyWanGgufSpec(), { data: 'sparse' })
  server = await TestHttpServer.start()
  server.serveRepo('org/repo', repo)
})

afterAll(async () => {
  await server.close()
  tmp.cleanup()
})

beforeEach(() => {
  server.resetLog()
  ctx = new RemoteContext({ endpoint: server.origin, http: { retryBaseDelayMs: 1 } })
})

describe('readLocation over hf://', () => {
  test('Wan2.1-14B safetensors (28.6 GB apparent): 2 requests, header + 64 KiB at most', async () => {
    const ckpt = (await sameAsLocal('wan.safetensors')) as Checkpoint
    expect(ckpt.bytes).toBeGreaterThan(28_000_000_000)
    expect(ckpt.path).toBe('hf://org/repo/wan.safetensors')
    expect(server.requests).toBe(2)
    expect(server.bytesSent).toBeLessThanOrEqual(wanHeaderBytes + 64 * KiB)
  })

  test('every committed PyTorch file (zip and legacy) reads the same as locally', async () => {
    const files = readdirSync(join(repo, 'torch'))
    expect(files.length).toBeGreaterThan(5)
    let read = 0
    for (const f of files) {
      server.resetLog()
      const ckpt = await sameAsLocal(`torch/${f}`)
      if (ckpt) read++
      expect(server.requests).toBeLessThanOrEqual(3)
    }
    expect(read).toBeGreaterThan(5)
  })

  test('a 28.6 GB DiT-like torch zip: same as locally, no tensor data downloaded', async () => {
    const ckpt = await sameAsLocal('dit.pt')
    expect(ckpt?.format).toBe('pytorch-zip')
    expect(ckpt?.bytes).toBeGreaterThan(28_000_000_000)
    // torch-zip reads every storage's local header (842 here, spread over 28.6 GB); the source's 64 KiB
    // read-ahead catches neighbouring small records, and nothing near the tensor data is downloaded.
    const storages = ditLikeTensors(28_600_000_000).length
    expect(server.requests).toBeLessThan(storages / 2 + 10)
    expect(server.bytesSent).toBeLessThan((ckpt?.bytes ?? 0) / 1000)
  })

  test('GGUF reads the same as locally', async () => {
    await sameAsLocal('q.gguf')
    expect(server.requests).toBeLessThanOrEqual(2)
  })

  test('a sharded index: the index is opened once, then one request per shard', async () => {
    const ckpt = await sameAsLocal('sharded/model.safetensors.index.json')
    expect(ckpt?.format).toBe('safetensors-sharded')
    expect(server.requests).toBe(7)
  })

  test('an hf:// folder: sharded set and diffusers pipeline, listed with the tree API', async () => {
    const sharded = await sameAsLocal('sharded')
    expect(sharded?.components?.length).toBe(6)
    const pipeline = await sameAsLocal('pipeline')
    expect(pipeline?.format).toBe('diffusers')
  })

  test('a missing remote file is FileNotFound naming the location', async () => {
    const e = await caught(readLocation('hf://org/repo/nope.safetensors', ctx))
    expect(e.code).toBe('FileNotFound')
    expect(e.file).toBe('hf://org/repo/nope.safetensors')
  })

  test('a second run with the header cache makes one validation request per file', async () => {
    const cacheDir = join(tmp.dir, 'cache')
    const run = (): Promise<Checkpoint> =>
      readLocation(
        'hf://org/repo/sharded/model.safetensors.index.json',
        new RemoteContext({ endpoint: server.origin, cache: cacheDir })
      )
    const first = await run()
    server.resetLog()
    const second = await run()
    expect(second).toEqual(first)
    expect(server.requests).toBe(7)
    expect(server.log.every((l) => l.status === 304)).toBe(true)
    expect(server.bytesSent).toBe(0)
  })
})
