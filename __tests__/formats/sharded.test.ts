import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tinyTransformer, writeShardedCheckpoint } from '../../fixtures/safetensors.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { localFileAccess, type FileAccess } from '../../src/formats/file-access.js'
import { parseShardFilename, readShardFolder, readShardedIndex } from '../../src/formats/folders/sharded.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

let root: string
let n = 0
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mc-sharded-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))
const fresh = () => join(root, `case${n++}`)

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError)
    return (e as CheckpointError).code
  }
  throw new Error('expected a failure')
}

describe('readShardedIndex', () => {
  it('reads every shard header and merges them in shard order', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 3 })
    const ckpt = await readShardedIndex(f.indexPath)
    expect(ckpt.format).toBe('safetensors-sharded')
    expect(ckpt.path).toBe(f.indexPath)
    expect(ckpt.warnings).toEqual([])
    expect(ckpt.tensors.map((t) => [t.name, t.shape, t.dtype])).toEqual(
      f.tensors.map((t) => [t.name, [...t.shape], t.dtype])
    )
    expect(ckpt.components?.map((c) => [c.name, c.format, c.tensorCount])).toEqual(
      f.shardNames.map((s, i) => [s, 'safetensors', f.written[i]!.offsets.length])
    )
    // Byte ranges point into each shard.
    const first = ckpt.tensors[0]!
    expect(first.byteRange?.file).toBe(join(f.dir, f.shardNames[0]!))
    const last = ckpt.tensors.at(-1)!
    expect(last.byteRange?.file).toBe(join(f.dir, f.shardNames[2]!))
    expect(ckpt.metadata['index.total_size']).toBe(Number(f.written.reduce((s, w) => s + w.dataBytes, 0n)))
    expect(ckpt.metadata['format']).toBe('pt')
    const sizes = f.written.reduce((s, w) => s + w.fileSize, 0)
    expect(ckpt.bytes).toBeGreaterThan(sizes)
  })

  it('warns about a missing shard and keeps the others', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 3, drop: [2] })
    const ckpt = await readShardedIndex(f.indexPath)
    const lost = Object.values(f.weightMap).filter((s) => s === f.shardNames[1]).length
    expect(ckpt.warnings).toEqual([
      `MissingShard: 1 of 3 shards missing: ${f.shardNames[1]} (${lost} tensors listed in weight_map)`
    ])
    expect(ckpt.tensors.length).toBe(f.tensors.length - lost)
    expect(ckpt.components).toHaveLength(2)
  })

  it('fails with MissingShard when no shard exists', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 2, drop: [1, 2] })
    expect(await codeOf(readShardedIndex(f.indexPath))).toBe('MissingShard')
  })

  it('reports tensors that are not where weight_map says, unlisted, phantom and duplicated', async () => {
    const tensors = tinyTransformer({ blocks: 2 })
    const f = writeShardedCheckpoint(fresh(), {
      shards: 2,
      tensors,
      misplace: [tensors[1]!.name],
      unlisted: [tensors[3]!.name],
      phantom: ['ghost.weight'],
      duplicateFirst: true
    })
    const ckpt = await readShardedIndex(f.indexPath)
    const w = ckpt.warnings.join('\n')
    expect(w).toContain(
      `ShardMismatch: 1 tensors are not where weight_map says: ${tensors[1]!.name} (in ${f.shardNames[0]}, weight_map says ${f.shardNames[1]})`
    )
    expect(w).toContain(`ShardMismatch: 1 tensors are in shards but not in weight_map: ${tensors[3]!.name}`)
    expect(w).toContain('ShardMismatch: 1 tensors listed in weight_map are in no shard: ghost.weight')
    expect(w).toContain(`appear in more than one shard: ${tensors[0]!.name}`)
    // The duplicated tensor appears once, taken from the shard weight_map names.
    const copies = ckpt.tensors.filter((t) => t.name === tensors[0]!.name)
    expect(copies).toHaveLength(1)
    expect(copies[0]!.byteRange?.file).toBe(join(f.dir, f.shardNames[0]!))
    expect(ckpt.tensors).toHaveLength(tensors.length)
  })

  it('warns when total_size disagrees with the shards', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 2 })
    const text = (await import('node:fs'))
      .readFileSync(f.indexPath, 'utf8')
      .replace(/"total_size": \d+/, '"total_size": 12')
    writeFileSync(f.indexPath, text)
    const ckpt = await readShardedIndex(f.indexPath)
    expect(ckpt.warnings.join()).toMatch(/total_size is 12 but the shards' tensors hold \d+ bytes/)
  })

  it.each([
    ['not JSON', '{"weight_map": {'],
    ['duplicate key', '{"weight_map": {"a": "s.safetensors", "a": "s.safetensors"}}'],
    ['array', '[]'],
    ['no weight_map', '{"metadata": {}}'],
    ['empty weight_map', '{"weight_map": {}}'],
    ['non-string shard', '{"weight_map": {"a": 1}}'],
    ['path traversal', '{"weight_map": {"a": "../../etc/passwd"}}'],
    ['absolute path', '{"weight_map": {"a": "/etc/passwd"}}'],
    ['url', '{"weight_map": {"a": "https://evil.example/x.safetensors"}}'],
    ['windows drive', '{"weight_map": {"a": "C:x.safetensors"}}'],
    ['bad metadata', '{"metadata": 3, "weight_map": {"a": "s.safetensors"}}']
  ])('rejects an index with %s as InvalidIndex', async (_what, text) => {
    const dir = fresh()
    mkdirSync(dir)
    const path = join(dir, 'model.safetensors.index.json')
    writeFileSync(path, text)
    expect(await codeOf(readShardedIndex(path))).toBe('InvalidIndex')
  })

  it('bounds the index size and the shard count', async () => {
    const dir = fresh()
    mkdirSync(dir)
    const big = join(dir, 'big.safetensors.index.json')
    writeFileSync(big, '')
    ;(await import('node:fs')).truncateSync(big, 64 * 1024 * 1024 + 1)
    expect(await codeOf(readShardedIndex(big))).toBe('InvalidIndex')
    const many = join(dir, 'many.safetensors.index.json')
    const entries = Array.from({ length: 10_001 }, (_, i) => `"t${i}":"s${i}.safetensors"`)
    writeFileSync(many, `{"weight_map":{${entries.join(',')}}}`)
    await expect(readShardedIndex(many)).rejects.toThrow(/more than 10000 shards/)
  })

  it('propagates a corrupt shard as that shard’s error', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 2 })
    writeFileSync(join(f.dir, f.shardNames[1]!), Uint8Array.from([1, 2, 3]))
    const err = await readShardedIndex(f.indexPath).catch((e: CheckpointError) => e)
    expect(err).toBeInstanceOf(CheckpointError)
    expect((err as CheckpointError).code).toBe('HeaderTooSmall')
    expect((err as CheckpointError).file).toBe(join(f.dir, f.shardNames[1]!))
  })

  it('goes through the injected FileAccess only', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 2 })
    const calls: string[] = []
    const spy: FileAccess = {
      ...localFileAccess,
      open: (p) => (calls.push(`open ${p}`), localFileAccess.open(p)),
      list: (p) => (calls.push(`list ${p}`), localFileAccess.list(p)),
      kind: (p) => (calls.push(`kind ${p}`), localFileAccess.kind(p))
    }
    const ckpt = await readShardedIndex(f.indexPath, { fs: spy })
    expect(ckpt.tensors).toHaveLength(f.tensors.length)
    expect(calls.filter((c) => c.startsWith('open'))).toEqual([
      `open ${f.indexPath}`,
      ...f.shardNames.map((s) => `open ${join(f.dir, s)}`)
    ])
  })
})

describe('readShardFolder', () => {
  it('orders shards by number, whatever the listing order', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 3, index: false })
    const reversed: FileAccess = {
      ...localFileAccess,
      list: async (d) => (await localFileAccess.list(d)).reverse()
    }
    const ckpt = await readShardFolder(f.dir, { fs: reversed })
    expect(ckpt.format).toBe('safetensors-sharded')
    expect(ckpt.path).toBe(f.dir)
    expect(ckpt.components?.map((c) => c.name)).toEqual(f.shardNames)
    expect(ckpt.tensors.map((t) => t.name)).toEqual(f.tensors.map((t) => t.name))
    expect(ckpt.warnings).toEqual([])
  })

  it('names a gap in the numbering as a missing shard', async () => {
    const f = writeShardedCheckpoint(fresh(), { shards: 3, index: false, drop: [2] })
    const ckpt = await readShardFolder(f.dir)
    expect(ckpt.warnings).toEqual([`MissingShard: 1 of 3 shards missing: ${f.shardNames[1]}`])
  })

  it('reads a folder holding a single safetensors file', async () => {
    const dir = fresh()
    mkdirSync(dir)
    writeSafetensorsSync(join(dir, 'model.safetensors'), tinyTransformer({ blocks: 1 }))
    const ckpt = await readShardFolder(dir)
    expect(ckpt.components).toHaveLength(1)
    expect(ckpt.tensors).toHaveLength(tinyTransformer({ blocks: 1 }).length)
  })

  it('refuses unrelated files, several shard sets, and empty folders', async () => {
    const a = fresh()
    mkdirSync(a)
    writeSafetensorsSync(join(a, 'lora_a.safetensors'), tinyTransformer({ blocks: 1 }))
    writeSafetensorsSync(join(a, 'lora_b.safetensors'), tinyTransformer({ blocks: 1 }))
    expect(await codeOf(readShardFolder(a))).toBe('UnknownFormat')
    const b = fresh()
    writeShardedCheckpoint(b, { shards: 2, index: false, prefix: 'model' })
    writeShardedCheckpoint(b, { shards: 2, index: false, prefix: 'other' })
    expect(await codeOf(readShardFolder(b))).toBe('InvalidIndex')
    const c = fresh()
    mkdirSync(c)
    expect(await codeOf(readShardFolder(c))).toBe('UnknownFormat')
    expect(await codeOf(readShardFolder(join(root, 'does-not-exist')))).toBe('FileNotFound')
  })
})

describe('parseShardFilename', () => {
  it('follows the Hub naming', () => {
    expect(parseShardFilename('model-00001-of-00002.safetensors')).toMatchObject({
      prefix: 'model-',
      shard: 1,
      total: 2
    })
    expect(parseShardFilename('diffusion_pytorch_model-000003-of-000010.safetensors')).toMatchObject({
      prefix: 'diffusion_pytorch_model-',
      shard: 3,
      total: 10,
      width: 6
    })
    expect(parseShardFilename('model.safetensors')).toBeUndefined()
    expect(parseShardFilename('model-1-of-2.safetensors')).toBeUndefined()
  })
})
