import { jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import * as cache from '../../__fixtures__/cache.js'
import { writeSafetensors, type TensorSpec } from '../../src/formats/safetensors/write.js'

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/cache', () => cache)
const { loadBaseline, cacheKey } = await import('../../src/action/cache.js')
const { fingerprintBaseline } = await import('../../src/node/fingerprint.js')

function wanLike(dim: number): TensorSpec[] {
  const t: TensorSpec[] = []
  for (let b = 0; b < 4; b++) {
    for (const p of ['q', 'k', 'v', 'o'])
      t.push({ name: `blocks.${b}.self_attn.${p}.weight`, shape: [dim, dim], dtype: 'BF16' })
  }
  return t
}

describe('loadBaseline', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mc-cache-'))
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'mc-runner-'))
    cache.resetCache()
    jest.clearAllMocks()
  })

  it('misses and saves, then restores the same checkpoint from the cache', async () => {
    const path = join(dir, 'base.safetensors')
    await writeSafetensors(path, wanLike(1536)) // sparse, ~75 MB apparent
    const first = await loadBaseline(path, true)
    expect(first.fromCache).toBe(false)
    expect(cache.state.calls).toEqual([`restore:${first.key}`, `save:${first.key}`])
    const second = await loadBaseline(path, true)
    expect(second.fromCache).toBe(true)
    expect(second.key).toBe(first.key)
    expect(second.checkpoint.path).toBe(path)
    expect(second.checkpoint.format).toBe('safetensors')
    expect(second.checkpoint.tensors.map((t) => [t.name, t.shape, t.dtype])).toEqual(
      first.checkpoint.tensors.map((t) => [t.name, t.shape, t.dtype])
    )
  })

  it('keys on the header bytes and the tool version', async () => {
    const a = join(dir, 'a.safetensors')
    const b = join(dir, 'b.safetensors')
    await writeSafetensors(a, wanLike(1536))
    await writeSafetensors(b, wanLike(1536))
    expect(await fingerprintBaseline(a)).toBe(await fingerprintBaseline(b))
    await writeSafetensors(b, wanLike(5120))
    expect(await fingerprintBaseline(a)).not.toBe(await fingerprintBaseline(b))
    expect(cacheKey('abc')).toMatch(/^model-compat-baseline-v1-\d+\.\d+\.\d+.*-abc$/)
  })

  it('reads directly when the service is unavailable or caching is off, without touching the cache', async () => {
    const path = join(dir, 'base.safetensors')
    await writeSafetensors(path, wanLike(1536))
    cache.state.available = false
    expect((await loadBaseline(path, true)).fromCache).toBe(false)
    cache.state.available = true
    expect((await loadBaseline(path, false)).fromCache).toBe(false)
    expect(cache.state.calls).toEqual([])
  })

  it('carries on when the cache throws', async () => {
    const path = join(dir, 'base.safetensors')
    await writeSafetensors(path, wanLike(1536))
    cache.restoreCache.mockRejectedValueOnce(new Error('service down'))
    const r = await loadBaseline(path, true)
    expect(r.checkpoint.tensors).toHaveLength(16)
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('service down'))
  })

  it('lets a bad baseline fail with the reader error naming the file', async () => {
    await expect(loadBaseline(join(dir, 'missing.safetensors'), true)).rejects.toThrow(
      /missing\.safetensors: FileNotFound/
    )
  })
})
