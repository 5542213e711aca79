import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeaderCache } from '../../src/formats/header-cache.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { kohyaLora, targetsOf, writeLoraFile } from '../../fixtures/lora.js'
import { expandModel } from '../../fixtures/specs.js'
import { buildGguf, gv, kv } from '../../fixtures/gguf.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'header-cache-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const base = expandModel('wan2.1-t2v-1.3b', { dtype: 'BF16' })

function lora(name: string, rank: number, blocks = /^blocks\.[0-3]\.self_attn\.[qkvo]$/): string {
  const path = join(dir, name)
  writeLoraFile(path, kohyaLora(targetsOf(base, blocks), { rank, alpha: rank }))
  return path
}

async function errorOf(p: Promise<unknown>): Promise<CheckpointError> {
  try {
    await p
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

describe('HeaderCache', () => {
  it('parses identical files once and shares their checkpoint; a different header gets its own', async () => {
    const a = lora('a.safetensors', 16)
    const b = join(dir, 'b.safetensors')
    copyFileSync(a, b)
    const c = lora('c.safetensors', 32)
    const cache = new HeaderCache()
    const ra = await cache.read(a)
    const rb = await cache.read(b)
    const rc = await cache.read(c)
    expect(ra.shared).toBe(false)
    expect(rb).toEqual({ value: ra.value, key: ra.key, shared: true })
    expect(rb.value).toBe(ra.value)
    expect(rc.shared).toBe(false)
    expect(rc.key).not.toBe(ra.key)
    expect([cache.size, cache.hits]).toEqual([2, 1])
    // the same result as the ordinary reader
    const plain = await readCheckpoint(a)
    expect(ra.value).toEqual(plain)
  })

  it('keys on the size too: a truncated copy is read and refused, never served the cached header', async () => {
    const a = lora('whole.safetensors', 8, /^blocks\.[0-9]\.ffn\.[02]$/)
    const cut = join(dir, 'cut.safetensors')
    copyFileSync(a, cut)
    truncateSync(cut, readFileSync(a).length - 1)
    const cache = new HeaderCache()
    await cache.read(a)
    expect((await errorOf(cache.read(cut))).code).toBe('MetadataIncompleteBuffer')
    // a trailing byte changes the size as well: same header, other key
    const longer = join(dir, 'longer.safetensors')
    copyFileSync(a, longer)
    appendFileSync(longer, new Uint8Array(1))
    const r = await errorOf(cache.read(longer))
    expect(r.file).toBe(longer)
    expect(cache.hits).toBe(0)
  })

  it('keys headers larger than the first read, and other formats, by every range read', async () => {
    // 2,000 tensor entries make a header of about 130 KB, past the first 64 KiB read
    const big = join(dir, 'many.safetensors')
    const many = Array.from({ length: 2000 }, (_, i) => ({
      name: `blocks.${i}.weight`,
      shape: [2],
      dtype: 'F32'
    }))
    await writeSafetensors(big, many)
    expect(readFileSync(big).length).toBeGreaterThan(100_000)
    const bigCopy = join(dir, 'many-copy.safetensors')
    copyFileSync(big, bigCopy)
    const gguf = buildGguf({
      kv: [kv('general.architecture', gv.str('wan'))],
      tensors: [{ name: 'blocks.0.w', shape: [64, 32], type: 'F32' }]
    })
    const g1 = join(dir, 'a.gguf')
    const g2 = join(dir, 'b.gguf')
    for (const g of [g1, g2]) {
      writeFileSync(g, gguf.header)
      truncateSync(g, gguf.size)
    }
    const cache = new HeaderCache()
    const r1 = await cache.read(big)
    const r2 = await cache.read(bigCopy)
    expect(r1.value.tensors).toHaveLength(2000)
    expect(r2.value).toBe(r1.value)
    const q1 = await cache.read(g1)
    const q2 = await cache.read(g2)
    expect(q1.value.format).toBe('gguf')
    expect(q2.value).toBe(q1.value)
    expect(new Set([r1.key, q1.key]).size).toBe(2)
  })

  it('reads folders and JSON locations the ordinary way, without a key, and types a missing path', async () => {
    const shards = join(dir, 'shards')
    mkdirSync(shards)
    await writeSafetensors(join(shards, 'model-00001-of-00001.safetensors'), base.slice(0, 4))
    const cache = new HeaderCache()
    const folder = await cache.read(shards)
    expect([folder.key, folder.shared, folder.value.tensors.length]).toEqual([undefined, false, 4])
    const missing = await errorOf(cache.read(join(dir, 'nope.safetensors')))
    expect([missing.code, missing.file]).toEqual(['FileNotFound', join(dir, 'nope.safetensors')])
    const empty = join(dir, 'empty.safetensors')
    writeFileSync(empty, '')
    expect((await errorOf(cache.read(empty))).code).toBe('EmptyFile')
  })
})
