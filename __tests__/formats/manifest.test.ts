import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { GOOD_SAFETENSORS_CASES, writeDiffusersFolder } from '../../fixtures/safetensors.js'
import { readDiffusersFolder } from '../../src/formats/folders/diffusers.js'
import { CheckpointError } from '../../src/formats/errors.js'
import {
  manifestToJson,
  manifestsToJson,
  readManifest,
  toManifest,
  type Manifest
} from '../../src/formats/json/manifest.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { openLocalFile, withSource } from '../../src/formats/source.js'
import type { Checkpoint } from '../../src/formats/types.js'

const TOOL = { name: 'model-compat', version: '0.0.0-test' }
const schema = JSON.parse(
  readFileSync(new URL('../../schemas/manifest.schema.json', import.meta.url), 'utf8')
) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

let dir: string
let n = 0
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-manifest-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeManifest(text: string): string {
  const path = join(dir, `m${n++}.json`)
  writeFileSync(path, text)
  return path
}
const readPath = (path: string) => withSource(openLocalFile(path), readManifest)

async function readSafetensorsCase(name: string): Promise<Checkpoint> {
  const c = GOOD_SAFETENSORS_CASES.find((x) => x.name === name)!
  const path = join(dir, `${name}.safetensors`)
  writeSafetensorsSync(path, c.tensors, { metadata: c.metadata })
  return withSource(openLocalFile(path), readSafetensors)
}

const pickleCheckpoint: Checkpoint = {
  path: 'model.ckpt',
  format: 'pytorch-zip',
  bytes: 1234,
  tensors: [{ name: 'w', shape: [2, 3], dtype: 'F16' }],
  metadata: { byteorder: 'little', version: '3', big: 2n ** 60n, nested: { a: [1, 2] } },
  globals: [
    {
      module: 'torch._utils',
      name: '_rebuild_tensor_v2',
      tier: 'allowed',
      where: 'archive/data.pkl',
      count: 1
    }
  ],
  stateDictPath: ['state_dict'],
  warnings: ['zip entry compressed']
}

describe('toManifest', () => {
  it.each(GOOD_SAFETENSORS_CASES.map((c) => c.name))('%s validates against the schema', async (name) => {
    const m = toManifest(await readSafetensorsCase(name), TOOL)
    const parsed: unknown = JSON.parse(manifestToJson(m))
    expect(validate(parsed)).toBe(true)
    expect(validate.errors ?? null).toBeNull()
    // JSON.stringify gives the same document (order aside).
    expect(JSON.parse(JSON.stringify(m))).toEqual(parsed)
  })

  it('keeps file order, integer-like names and __proto__ in the JSON text', async () => {
    const ckpt = await readSafetensorsCase('hostile-names')
    const text = manifestToJson(toManifest(ckpt, TOOL))
    const names = [...text.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): \{"shape"/gm)].map(
      (m) => JSON.parse(m[1]!) as string
    )
    expect(names).toEqual(ckpt.tensors.map((t) => t.name))
    expect(Object.prototype).not.toHaveProperty('shape')
  })

  it('writes several manifests as one array that parses back to the same documents', async () => {
    const ms = [
      toManifest(pickleCheckpoint, TOOL),
      toManifest(await readSafetensorsCase('tiny-transformer'), TOOL)
    ]
    const parsed = JSON.parse(manifestsToJson(ms)) as unknown[]
    expect(parsed).toEqual(ms.map((m) => JSON.parse(manifestToJson(m)) as unknown))
    expect(parsed.every((p) => validate(p))).toBe(true)
    expect(JSON.parse(manifestsToJson([]))).toEqual([])
  })

  it('makes metadata JSON-safe and copies globals, warnings, stateDictPath', () => {
    const m = toManifest(pickleCheckpoint, TOOL)
    expect(m.metadata.big).toBe((2n ** 60n).toString())
    expect(validate(JSON.parse(manifestToJson(m)))).toBe(true)
    expect(m.globals).toEqual(pickleCheckpoint.globals)
    expect(m.stateDictPath).toEqual(['state_dict'])
    expect(m.warnings).toEqual(['zip entry compressed'])
    expect(m.source).toEqual({ path: 'model.ckpt', format: 'pytorch-zip', bytes: 1234 })
  })

  it('describes a diffusers folder with components', async () => {
    const { dir: d } = writeDiffusersFolder(join(dir, 'pipe'))
    const m = toManifest(await readDiffusersFolder(d), TOOL)
    expect(validate(JSON.parse(manifestToJson(m)))).toBe(true)
    expect(m.components?.[0]).toMatchObject({
      name: 'transformer',
      className: ['diffusers', 'WanTransformer3DModel']
    })
  })
})

describe('readManifest', () => {
  it('round-trips a checkpoint: same tensors, metadata, source, and an identical manifest', async () => {
    const original = await readSafetensorsCase('bf16-transformer')
    const m1 = toManifest(original, TOOL)
    const path = writeManifest(manifestToJson(m1))
    const back = await readPath(path)
    expect(back.format).toBe('manifest')
    expect(back.path).toBe(path)
    expect(back.bytes).toBe(original.bytes)
    expect(back.tensors).toEqual(original.tensors.map(({ name, shape, dtype }) => ({ name, shape, dtype })))
    expect(back.metadata['manifest.sourceFormat']).toBe('safetensors')
    expect(back.metadata['manifest.sourcePath']).toBe(original.path)
    expect(manifestToJson(toManifest(back, TOOL))).toBe(manifestToJson(m1))
  })

  it('round-trips globals, components, warnings and stateDictPath', async () => {
    const { dir: d } = writeDiffusersFolder(join(dir, 'pipe2'))
    for (const ckpt of [pickleCheckpoint, await readDiffusersFolder(d)]) {
      const m = toManifest(ckpt, TOOL)
      const back = await readPath(writeManifest(manifestToJson(m)))
      expect(toManifest(back, TOOL)).toEqual(m)
    }
  })

  it('reads __proto__ tensor names without polluting anything', async () => {
    const text = `{"schemaVersion":1,"tool":{"name":"x","version":"1"},"source":{"path":"p","format":"gguf","bytes":1},
      "metadata":{"__proto__":{"polluted":true}},"tensors":{"__proto__":{"shape":[1],"dtype":"Q4_K"}},"globals":[]}`
    const ckpt = await readPath(writeManifest(text))
    expect(ckpt.tensors).toEqual([{ name: '__proto__', shape: [1], dtype: 'Q4_K' }])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(ckpt.metadata)).toBeNull()
  })

  const good = (): Record<string, unknown> =>
    JSON.parse(manifestToJson(toManifest(pickleCheckpoint, TOOL))) as Record<string, unknown>
  const mutations: Array<[string, (m: Record<string, unknown>) => unknown]> = [
    ['schemaVersion 2', (m) => (m.schemaVersion = 2)],
    ['schemaVersion "1"', (m) => (m.schemaVersion = '1')],
    ['missing tensors', (m) => delete m.tensors],
    ['extra top-level key', (m) => (m.extra = 1)],
    ['unknown format', (m) => ((m.source as Manifest['source']).format = 'onnx' as never)],
    ['negative bytes', (m) => ((m.source as Record<string, unknown>).bytes = -1)],
    ['float dim', (m) => (m.tensors = { w: { shape: [1.5], dtype: 'F16' } })],
    ['unsafe dim', (m) => (m.tensors = { w: { shape: [2 ** 60], dtype: 'F16' } })],
    ['empty dtype', (m) => (m.tensors = { w: { shape: [1], dtype: '' } })],
    ['extra tensor field', (m) => (m.tensors = { w: { shape: [1], dtype: 'F16', offset: 0 } })],
    ['bad tier', (m) => ((m.globals as Array<Record<string, unknown>>)[0]!.tier = 'fine')],
    ['metadata array', (m) => (m.metadata = [])],
    ['warnings not strings', (m) => (m.warnings = [1])],
    [
      'className of 3',
      (m) =>
        (m.components = [
          { name: 'a', path: 'a', format: 'safetensors', tensorCount: 1, className: ['a', 'b', 'c'] }
        ])
    ]
  ]

  it.each(mutations)('rejects %s, as the schema does', async (_what, mutate) => {
    const m = good()
    mutate(m)
    expect(validate(m)).toBe(false)
    const err = await readPath(writeManifest(JSON.stringify(m))).catch((e: CheckpointError) => e)
    expect(err).toBeInstanceOf(CheckpointError)
    expect((err as CheckpointError).code).toBe('InvalidManifest')
  })

  it.each([
    [
      'duplicate tensor names',
      manifestToJson(toManifest(pickleCheckpoint, TOOL)).replace(
        '"tensors": {',
        '"tensors": {"w": {"shape": [1], "dtype": "F16"},'
      )
    ],
    ['invalid JSON', '{"schemaVersion": 1'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1')],
    [
      'a rounded integer',
      manifestToJson(toManifest(pickleCheckpoint, TOOL)).replace('"bytes": 1234', '"bytes": 9007199254740993')
    ]
  ])('rejects %s', async (_what, text) => {
    const path = join(dir, `bad${n++}.json`)
    writeFileSync(path, text, _what === 'invalid UTF-8' ? 'latin1' : 'utf8')
    expect((await readPath(path).catch((e: CheckpointError) => e)) as CheckpointError).toMatchObject({
      code: 'InvalidManifest'
    })
  })

  it('refuses an oversized manifest before reading it', async () => {
    const path = join(dir, 'huge.json')
    writeFileSync(path, '')
    ;(await import('node:fs')).truncateSync(path, 64 * 1024 * 1024 + 1)
    const src = await openLocalFile(path)
    try {
      await expect(readManifest(src)).rejects.toThrow(/InvalidManifest/)
      expect(src.bytesRead).toBe(0)
    } finally {
      await src.close()
    }
  })
})
