/**
 * The baseline's cache key hashes the bytes the readers depend on. A folder baseline comes from the repository, so
 * it may hold anything: a FIFO must be skipped, never opened (an open would block the job forever).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { fingerprintBaseline } from '../../src/node/fingerprint.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-fingerprint-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const tensors = (dim: number) => [{ name: 'blocks.0.attn.qkv.weight', shape: [3 * dim, dim], dtype: 'BF16' }]

describe('fingerprintBaseline', () => {
  it('of a safetensors file depends on its header, not its data or its name', async () => {
    const a = join(dir, 'a.safetensors')
    const b = join(dir, 'b.safetensors')
    writeSafetensorsSync(a, tensors(64), {
      data: (name) => new Uint8Array(3 * 64 * 64 * 2).fill(name.length)
    })
    writeSafetensorsSync(b, tensors(64), { data: 'sparse' })
    expect(await fingerprintBaseline(a)).toBe(await fingerprintBaseline(b))
    writeSafetensorsSync(b, tensors(128), { data: 'sparse' })
    expect(await fingerprintBaseline(a)).not.toBe(await fingerprintBaseline(b))
  })

  it('of a folder skips a FIFO instead of blocking on it', async () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    writeSafetensorsSync(join(folder, 'model-00001-of-00001.safetensors'), tensors(64))
    writeFileSync(join(folder, 'model.safetensors.index.json'), '{"weight_map": {}}')
    const before = await fingerprintBaseline(folder)
    execFileSync('mkfifo', [join(folder, 'pipe.safetensors')])
    expect(await fingerprintBaseline(folder)).toBe(before)
    expect(await fingerprintBaseline(join(folder, 'model.safetensors.index.json'))).toMatch(/^[0-9a-f]{64}$/)
    // Named directly, a FIFO is not opened either (the reader, which checks the type first, then refuses it).
    expect(await fingerprintBaseline(join(folder, 'pipe.safetensors'))).toMatch(/^[0-9a-f]{64}$/)
  }, 10_000)
})
