import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { HttpSource } from '../../src/formats/http/http-source.js'
import { openLocation, remoteOptions, RemoteContext } from '../../src/formats/http/open-location.js'
import { DirectoryHeaderCache } from '../../src/formats/http/remote-cache.js'
import { remoteBasename, remoteDirname } from '../../src/formats/http/remote-file-access.js'
import { caught, patternBytes, tempDir, writeFile } from './helpers.js'

const TOKEN = 'hf_contexttokenAAAAAAAAAAAAAAAAAAAA'
let server: TestHttpServer
let tmp: ReturnType<typeof tempDir>
let file: string
const content = patternBytes(1000)

beforeAll(async () => {
  tmp = tempDir()
  server = await TestHttpServer.start({ requireToken: TOKEN })
  file = writeFile(join(tmp.dir, 'x.bin'), content)
  server.serve('/org/repo/resolve/main/dir/x.bin', file)
})

afterAll(async () => {
  await server.close()
  tmp.cleanup()
})

describe('remoteOptions', () => {
  test('flags win over the environment; defaults come from XDG_CACHE_HOME', () => {
    const env = { HF_TOKEN: 'hf_env', HF_ENDPOINT: 'https://mirror.example', XDG_CACHE_HOME: '/xdg' }
    expect(remoteOptions({}, env)).toEqual({
      token: 'hf_env',
      endpoint: 'https://mirror.example',
      cache: '/xdg/model-compat'
    })
    expect(
      remoteOptions({ hfToken: 'hf_flag', cacheDir: false, endpoint: 'http://127.0.0.1:1' }, env)
    ).toEqual({
      token: 'hf_flag',
      endpoint: 'http://127.0.0.1:1',
      cache: false
    })
    expect(remoteOptions({}, { HUGGING_FACE_HUB_TOKEN: 'hf_legacy', HF_TOKEN: ' ' }).token).toBe('hf_legacy')
    expect(remoteOptions({}, { HOME: '/home/u' }).cache).toMatch(/\.cache[/\\]model-compat$/)
  })
})

describe('RemoteContext', () => {
  test('local paths open as local files; hf:// opens over HTTP with the token and a redacted name', async () => {
    const ctx = new RemoteContext({ endpoint: server.origin, token: TOKEN, cache: join(tmp.dir, 'cache') })
    expect(ctx.cache).toBeInstanceOf(DirectoryHeaderCache)
    const local = await ctx.open(file)
    expect(local.name).toBe(file)
    expect(local.size).toBe(1000)
    await local.close()
    const remote = await ctx.open('hf://org/repo/dir/x.bin')
    expect(remote).toBeInstanceOf(HttpSource)
    expect(remote.name).toBe('hf://org/repo/dir/x.bin')
    expect(Buffer.from(await remote.read(10, 20)).equals(Buffer.from(content.subarray(10, 30)))).toBe(true)
    await remote.close()
    expect(server.log.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`)
    expect(ctx.stats.requests).toBe(1)
    expect(ctx.redact(`oops ${TOKEN}`)).not.toContain(TOKEN)
  })

  test('without a token the error says how to give one', async () => {
    const e = await caught(openLocation('hf://org/repo/dir/x.bin', { endpoint: server.origin }))
    expect(e.code).toBe('RemoteAuth')
    expect(e.file).toBe('hf://org/repo/dir/x.bin')
    expect(e.message).toContain('HF_TOKEN')
  })

  test('shard names resolve next to their index, local or remote', () => {
    const ctx = new RemoteContext()
    expect(ctx.resolve('hf://o/r@v1/a/index.json', 's.safetensors')).toBe('hf://o/r@v1/a/s.safetensors')
    expect(ctx.resolve(join('/m', 'index.json'), 's.safetensors')).toBe(join('/m', 's.safetensors'))
  })

  test('remote dirname and basename keep the repository root', () => {
    expect(remoteDirname('hf://o/r@v1/a/b.json')).toBe('hf://o/r@v1/a')
    expect(remoteDirname('hf://o/r/b.json')).toBe('hf://o/r')
    expect(remoteDirname('hf://o/r')).toBe('hf://o/r')
    expect(remoteDirname('https://h.example/a/b.json?sig=1')).toBe('https://h.example/a')
    expect(remoteBasename('https://h.example/a/m%201.safetensors?x')).toBe('m 1.safetensors')
    expect(remoteBasename('hf://datasets/o/r/x.gguf')).toBe('x.gguf')
  })
})
