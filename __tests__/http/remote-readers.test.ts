/**
 * End to end: the real readers over HTTP give the same Checkpoint as over local files (paths aside), with the
 * request budget of issue 6.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { comfyWanGgufSpec, everyValueTypeKv, writeGguf } from '../../fixtures/gguf.js'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { writeDiffusersFolder, writeShardedCheckpoint } from '../../fixtures/safetensors.js'
import { expandModel } from '../../fixtures/specs.js'
import { readDiffusersFolder } from '../../src/formats/folders/diffusers.js'
import { readGguf } from '../../src/formats/gguf/read.js'
import { RemoteContext } from '../../src/formats/http/open-location.js'
import { remoteFileAccess } from '../../src/formats/http/remote-file-access.js'
import { readShardedIndex } from '../../src/formats/folders/sharded.js'
import { openLocalFile, withSource } from '../../src/formats/source.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { caught, tempDir, withoutNames } from './helpers.js'

const KiB = 1024
let server: TestHttpServer
let tmp: ReturnType<typeof tempDir>
let ctx: RemoteContext
let shardedDir: string
let diffusersDir: string
let ggufPath: string

function context(): RemoteContext {
  return new RemoteContext({ endpoint: server.origin, http: { retryBaseDelayMs: 1, idleTimeoutMs: 2000 } })
}

/** A checkpoint with local and remote locations both replaced, for comparing the two reads. */
function normalised(ckpt: Checkpoint, base: string): unknown {
  const json = JSON.stringify(ckpt, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
  return JSON.parse(json.split(base).join('<base>'))
}

beforeAll(async () => {
  tmp = tempDir()
  server = await TestHttpServer.start()
  const repo = join(tmp.dir, 'repo')
  shardedDir = join(repo, 'sharded')
  writeShardedCheckpoint(shardedDir, { shards: 6, tensors: expandModel('wan2.1-t2v-14b', { dtype: 'BF16' }) })
  diffusersDir = join(repo, 'pipeline')
  writeDiffusersFolder(diffusersDir)
  ggufPath = join(repo, 'wan-q4.gguf')
  writeGguf(ggufPath, comfyWanGgufSpec(), { data: 'sparse' })
  server.serveRepo('org/repo', repo)
})

afterAll(async () => {
  await server.close()
  tmp.cleanup()
})

beforeEach(() => {
  server.clearFaults()
  server.resetLog()
  ctx = context()
})

describe('sharded checkpoints over HTTP', () => {
  test('6-shard Wan 14B index via hf://: same as local, one request per shard', async () => {
    const local = await readShardedIndex(join(shardedDir, 'model.safetensors.index.json'))
    const remote = await readShardedIndex('hf://org/repo/sharded/model.safetensors.index.json', {
      fs: remoteFileAccess(ctx)
    })
    expect(normalised(remote, 'hf://org/repo/sharded')).toEqual(normalised(local, shardedDir))
    expect(remote.tensors.length).toBe(expandModel('wan2.1-t2v-14b').length)
    // the index (over 64 KiB: 2 requests) and one request per shard (each header fits the first 64 KiB read)
    const paths = server.log.map((l) => l.path)
    const count = (suffix: string): number => paths.filter((p) => p.endsWith(suffix)).length
    expect(paths.filter((p) => p.startsWith('/api/'))).toEqual([])
    expect(count('/model.safetensors.index.json')).toBe(2)
    for (let i = 1; i <= 6; i++) expect(count(`/model-0000${i}-of-00006.safetensors`)).toBe(1)
    expect(server.requests).toBe(8)
    const { statSync } = await import('node:fs')
    const indexSize = statSync(join(shardedDir, 'model.safetensors.index.json')).size
    expect(server.bytesSent).toBeLessThanOrEqual(indexSize + 64 * KiB + 6 * 64 * KiB)
  })

  test('a missing shard is a MissingShard warning, as locally', async () => {
    const copy = join(tmp.dir, 'repo2')
    writeShardedCheckpoint(copy, { shards: 6, drop: [3] })
    server.serveRepo('org/repo2', copy)
    const remote = await readShardedIndex('hf://org/repo2/model.safetensors.index.json', {
      fs: remoteFileAccess(ctx)
    })
    expect(
      remote.warnings.some((w) => w.startsWith('MissingShard:') && w.includes('model-00003-of-00006'))
    ).toBe(true)
  })

  test('an auth failure on a shard names the shard and the token problem', async () => {
    const secured = await TestHttpServer.start({ requireToken: 'hf_rightrightrightrightright12' })
    try {
      secured.serveRepo('org/gated', shardedDir)
      const gated = new RemoteContext({ endpoint: secured.origin, token: 'hf_wrongwrongwrongwrongwrong12' })
      const e = await caught(
        readShardedIndex('hf://org/gated/model.safetensors.index.json', { fs: remoteFileAccess(gated) })
      )
      expect(e.code).toBe('RemoteAuth')
      expect(e.file).toBe('hf://org/gated/model.safetensors.index.json')
      expect(e.message).not.toContain('wrongwrong')
    } finally {
      await secured.close()
    }
  })
})

describe('diffusers folders over HTTP', () => {
  test('hf:// pipeline folder listed with the tree API: same as local', async () => {
    const local = await readDiffusersFolder(diffusersDir)
    const remote = await readDiffusersFolder('hf://org/repo/pipeline', { fs: remoteFileAccess(ctx) })
    expect(normalised(remote, 'hf://org/repo/pipeline')).toEqual(normalised(local, diffusersDir))
    expect(server.log.some((l) => l.path.startsWith('/api/models/org/repo/tree/main/pipeline'))).toBe(true)
  })

  test('a plain https folder cannot be listed, with a message saying what to give instead', async () => {
    const e = await caught(
      readDiffusersFolder(`${server.origin}/org/repo/resolve/main/pipeline`, { fs: remoteFileAccess(ctx) })
    )
    expect(e.message).toMatch(/cannot list a folder over plain HTTP|model_index/)
  })
})

describe('GGUF over HTTP', () => {
  test('same Checkpoint as the local file', async () => {
    const local = await withSource(openLocalFile(ggufPath), readGguf)
    const remote = await withSource(ctx.open('hf://org/repo/wan-q4.gguf'), readGguf)
    expect(withoutNames(remote)).toEqual(withoutNames(local))
    expect(server.requests).toBeLessThanOrEqual(2)
  })

  test('a GGUF with a 60k-token vocabulary (~1 MB of metadata): read-ahead grows, few requests', async () => {
    const path = join(tmp.dir, 'vocab.gguf')
    const built = writeGguf(path, { ...comfyWanGgufSpec(), kv: everyValueTypeKv(60_000) }, { data: 'sparse' })
    server.serve('/vocab.gguf', path)
    const local = await withSource(openLocalFile(path), readGguf)
    const remote = await withSource(ctx.open(`${server.origin}/vocab.gguf`), readGguf)
    expect(withoutNames(remote)).toEqual(withoutNames(local))
    expect(built.dataStart).toBeGreaterThan(800_000)
    // 64 KiB, then 64 KiB doubling per sequential miss: logarithmic in the header size
    expect(server.requests).toBeLessThanOrEqual(8)
    expect(server.bytesSent).toBeLessThanOrEqual(2 * built.dataStart + 64 * KiB)
  })
})
