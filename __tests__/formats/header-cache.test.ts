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
import { ReadBudget, readCheckpoint } from '../../src/formats/index.js'
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

  it('compares kept headers byte for byte: one changed byte of the same length is another header', async () => {
    // ten headers of one size and length, each told apart by one metadata character: the first ones are kept and
    // compared byte for byte, the later ones keyed by their hash; a copy of each still shares its first read
    const tensors = [{ name: 'blocks.0.w', shape: [4, 4], dtype: 'F32' }]
    const files: string[] = []
    for (let i = 0; i < 10; i++) {
      const path = join(dir, `tagged-${i}.safetensors`)
      await writeSafetensors(path, tensors, { metadata: { tag: String(i) } })
      const copy = join(dir, `tagged-${i}-copy.safetensors`)
      copyFileSync(path, copy)
      files.push(path, copy)
    }
    expect(new Set(files.map((f) => readFileSync(f).length)).size).toBe(1)
    const cache = new HeaderCache({ derive: (c) => ({ tag: c.metadata?.tag }) })
    const reads = []
    for (const f of files) reads.push(await cache.read(f))
    for (let i = 0; i < 10; i++) {
      const [first, copy] = [reads[2 * i]!, reads[2 * i + 1]!]
      expect(first.value).toEqual({ tag: String(i) })
      expect([first.shared, copy.shared]).toEqual([false, true])
      expect(copy.value).toBe(first.value)
      expect(copy.key).toBe(first.key)
    }
    expect(new Set(reads.map((r) => r.key)).size).toBe(10)
    expect([cache.size, cache.hits]).toEqual([10, 10])
  })

  it('gives a derived value in place of the checkpoint, and gives the tensors back to the budget', async () => {
    const a = lora('derived-a.safetensors', 8)
    const b = join(dir, 'derived-b.safetensors')
    copyFileSync(a, b)
    const budget = new ReadBudget()
    let derived = 0
    const cache = new HeaderCache({ derive: (c) => (derived++, c.tensors.length) })
    const [ra, rb] = await Promise.all([cache.read(a, { budget }), cache.read(b, { budget })])
    expect(ra.value).toBe((await readCheckpoint(a)).tensors.length)
    // read at once, the copy waits for the first parse instead of its own
    expect([ra.shared, rb.shared, rb.value, derived]).toEqual([false, true, ra.value, 1])
    expect(budget.tensors).toBe(0)
    // without `derive` the checkpoint is the value, held, and its tensors stay charged (once, not per copy)
    const holding = new HeaderCache()
    await holding.read(a, { budget })
    await holding.read(b, { budget })
    expect(budget.tensors).toBe(ra.value)
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
