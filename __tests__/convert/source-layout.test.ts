/**
 * Conversions that keep the source's byte layout (src/convert/source-layout.ts): the data copied by the kernel, the
 * header written over the start, the tensors it runs into moved to the end. Every output tensor must hold exactly
 * its source tensor's bytes, and the data section must be covered with no hole or overlap.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCheckpoint } from '../../src/formats/index.js'
import { writeConversion, type ConversionPlan } from '../../src/convert/index.js'
import {
  headerJson,
  headerJsonLength,
  planSourceLayout,
  type PlacedTensor
} from '../../src/convert/source-layout.js'
import type { Checkpoint, TensorInfo } from '../../src/formats/types.js'
import type { OutputTensor } from '../../src/convert/types.js'
import { scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf } from '../../fixtures/lora.js'
import { planFor, writeRandomLora } from './helpers.js'
import { readAlphaScalars } from '../../src/cli/alpha.js'
import { openLocalFile } from '../../src/formats/source.js'
import { TOOL } from '../../src/version.js'

const WAN = scaledModel('wan2.1-t2v-14b', { dim: 64, ffn_dim: 128, num_layers: 2 })

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convert-layout-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Each tensor's bytes by name, read from the file (not through any reader's view of the data). */
function tensorBytes(path: string, ckpt: Checkpoint): Map<string, Buffer> {
  const file = readFileSync(path)
  return new Map(
    ckpt.tensors.map((t) => [t.name, file.subarray(Number(t.byteRange!.start), Number(t.byteRange!.end))])
  )
}

/** The data section as the output's header lays it out: sorted ranges, back to back from 0 to the file's end. */
function expectNoHoles(path: string, ckpt: Checkpoint): void {
  const file = readFileSync(path)
  const dataStart = 8 + Number(file.readBigUInt64LE(0))
  const ranges = ckpt.tensors
    .map((t) => [Number(t.byteRange!.start) - dataStart, Number(t.byteRange!.end) - dataStart])
    .sort((a, b) => a[0]! - b[0]!)
  let at = 0
  for (const [begin, end] of ranges) {
    expect(begin).toBe(at)
    at = end!
  }
  expect(at).toBe(file.length - dataStart)
}

async function convert(lora: string, to: 'comfyui' | 'kohya' | 'peft', dropUnmatched = false) {
  const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(WAN), to, dropUnmatched)
  const out = join(dir, `out-${to}-${Math.random().toString(36).slice(2)}.safetensors`)
  const written = await writeConversion(plan, ckpt, out, { tool: TOOL })
  return { plan, written, out, source: ckpt }
}

function sourceKeyOf(plan: ConversionPlan): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of plan.modules)
    for (const t of m.tensors) if (t.recipe.kind === 'rows') map.set(t.key, t.recipe.pieces[0]!.key)
  return map
}

describe('a rename keeps the source layout', () => {
  test('kohya -> comfyui: copied by the kernel, every tensor its source bytes, no hole, header padded', async () => {
    const lora = join(dir, 'kohya.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.\d+\./), { rank: 4, alpha: 2 }), 21)
    const { plan, written, out, source } = await convert(lora, 'comfyui')
    expect(written.copy).toBe('kernel')
    const output = await readCheckpoint(out)
    expectNoHoles(out, output)
    const from = sourceKeyOf(plan)
    const srcBytes = tensorBytes(lora, source)
    const outBytes = tensorBytes(out, output)
    expect(output.tensors).toHaveLength(plan.modules.flatMap((m) => m.tensors).length)
    for (const t of output.tensors) {
      const key = from.get(t.name)
      if (key !== undefined) expect(outBytes.get(t.name)!.equals(srcBytes.get(key)!)).toBe(true)
    }
    // the header's JSON is followed by spaces only, up to the first tensor that stayed in place
    const file = readFileSync(out)
    const header = file.subarray(8, 8 + Number(file.readBigUInt64LE(0))).toString('utf8')
    expect(header.trimEnd().endsWith('}')).toBe(true)
    expect(JSON.parse(header)).toHaveProperty('__metadata__')
    expect(written.bytes).toBe(file.length)
  })

  test('and back (comfyui -> kohya): the same bytes as the original for every tensor', async () => {
    const lora = join(dir, 'kohya-2.safetensors')
    await writeRandomLora(
      lora,
      kohyaLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\./), { rank: 8, alpha: 8, dtype: 'F16' }),
      22
    )
    const there = await convert(lora, 'comfyui')
    const back = await convert(there.out, 'kohya')
    expect([there.written.copy, back.written.copy]).toEqual(['kernel', 'kernel'])
    const a = tensorBytes(lora, await readCheckpoint(lora))
    const b = tensorBytes(back.out, await readCheckpoint(back.out))
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
    for (const [k, v] of a) expect(b.get(k)!.equals(v)).toBe(true)
  })
})

describe('alphas the plan keeps', () => {
  test('are left as the kernel copied them, and the output is the same file as with every alpha written', async () => {
    const lora = join(dir, 'kohya-alphas.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.\d+\./), { rank: 4, alpha: 3 }), 24)
    const { plan, lora: source } = await planFor(lora, specCheckpoint(WAN), 'comfyui', false)
    const scalars = await readAlphaScalars(source, openLocalFile)
    expect(scalars.size).toBeGreaterThan(0)
    const written = join(dir, 'alphas-written.safetensors')
    const kept = join(dir, 'alphas-kept.safetensors')
    const a = await writeConversion(plan, source, written, { tool: TOOL })
    const b = await writeConversion(plan, source, kept, { tool: TOOL, sourceScalars: scalars })
    expect([a.copy, b.copy]).toEqual(['kernel', 'kernel'])
    expect(readFileSync(kept).equals(readFileSync(written))).toBe(true)
    // and the alphas are the source's values
    const output = await readCheckpoint(kept)
    const outScalars = await readAlphaScalars(output, openLocalFile)
    expect([...outScalars.values()]).toEqual([...scalars.values()])
  })
})

describe('the copied output', () => {
  test("has a new file's permissions, not a read-only source's", async () => {
    const lora = join(dir, 'read-only.safetensors')
    await writeRandomLora(
      lora,
      kohyaLora(targetsOf(WAN, /^blocks\.0\.self_attn\.q$/), { rank: 4, alpha: 4 }),
      23
    )
    chmodSync(lora, 0o444)
    const { written, out } = await convert(lora, 'comfyui')
    expect(written.copy).toBe('kernel')
    const fresh = join(dir, 'fresh-file')
    writeFileSync(fresh, '')
    expect(statSync(out).mode & 0o777).toBe(statSync(fresh).mode & 0o777)
  })
})

describe('planSourceLayout', () => {
  /** A source of `n` tensors of 16 bytes back to back after a 100-byte header, and a rename of each. */
  function setup(n: number) {
    const byName = new Map<string, TensorInfo>()
    const tensors: OutputTensor[] = []
    for (let i = 0; i < n; i++) {
      const name = `t${i}`
      byName.set(name, {
        name,
        dtype: 'F32',
        shape: [4],
        byteRange: { file: 'x', start: BigInt(108 + 16 * i), end: BigInt(108 + 16 * (i + 1)) }
      } as TensorInfo)
      tensors.push({
        key: `renamed.${name}`,
        dtype: 'F32',
        shape: [4],
        recipe: { kind: 'rows', pieces: [{ key: name, start: 0, end: 4 }] }
      })
    }
    return { byName, tensors, size: 108 + 16 * n }
  }

  test('a header 40 bytes longer moves the first three tensors to the end, in plan order', () => {
    const { byName, tensors, size } = setup(6)
    const plan = planSourceLayout(tensors, byName, 100, size, () => 140)!
    // the header runs to source offset 48 (the first tensor that stays): 100 + 48 bytes, 8 of them spaces
    expect(plan.headerLength).toBe(148)
    const at = (p: PlacedTensor) => [
      p.tensor.key,
      p.begin,
      p.end,
      p.write && 'from' in p.write ? p.write.from : null
    ]
    expect(plan.placed.map(at)).toEqual([
      ['renamed.t0', 48, 64, 108],
      ['renamed.t1', 64, 80, 124],
      ['renamed.t2', 80, 96, 140],
      ['renamed.t3', 0, 16, null],
      ['renamed.t4', 16, 32, null],
      ['renamed.t5', 32, 48, null]
    ])
    expect(plan.size).toBe(8 + 148 + 96)
  })

  test('the header length is measured without building it, multi-byte names included', () => {
    const { tensors } = setup(3)
    tensors[1] = { ...tensors[1]!, key: 'blöcke.ü.名前' }
    const metadata = { note: 'ünïcode "quoted"', n: '1' }
    const plan = { placed: tensors.map((tensor, i) => ({ tensor, begin: 16 * i, end: 16 * i + 16 })) }
    expect(headerJsonLength(plan.placed, metadata)).toBe(headerJson(plan.placed, metadata).length)
    expect(JSON.parse(new TextDecoder().decode(headerJson(plan.placed, metadata)))).toHaveProperty([
      'blöcke.ü.名前',
      'data_offsets'
    ])
  })

  test("a computed alpha takes the place of the source's own, which nothing copies", () => {
    const range = (start: number, end: number) => ({
      file: 'x',
      start: BigInt(108 + start),
      end: BigInt(108 + end)
    })
    const byName = new Map<string, TensorInfo>([
      ['down', { name: 'down', dtype: 'F32', shape: [4], byteRange: range(0, 16) } as TensorInfo],
      ['alpha', { name: 'alpha', dtype: 'F32', shape: [], byteRange: range(16, 20) } as TensorInfo],
      ['up', { name: 'up', dtype: 'F32', shape: [4], byteRange: range(20, 36) } as TensorInfo]
    ])
    const copy = (key: string): OutputTensor => ({
      key: `out.${key}`,
      dtype: 'F32',
      shape: [4],
      recipe: { kind: 'rows', pieces: [{ key, start: 0, end: 4 }] }
    })
    const alpha: OutputTensor = {
      key: 'out.alpha',
      dtype: 'F32',
      shape: [],
      recipe: { kind: 'scalar', value: 8 }
    }
    const plan = planSourceLayout([copy('down'), alpha, copy('up')], byName, 100, 144, () => 100)!
    expect(plan.headerLength).toBe(100)
    expect(plan.placed.map((p) => [p.tensor.key, p.begin, p.end])).toEqual([
      ['out.down', 0, 16],
      ['out.alpha', 16, 20],
      ['out.up', 20, 36]
    ])
    expect(plan.placed[1]!.write).toEqual({ bytes: new Uint8Array(new Float32Array([8]).buffer) })
    expect(plan.size).toBe(144)
    // the plan's alpha `value` over a source alpha of `dtype` read as `read`
    const placedAlpha = (value: number, read: number, dtype = 'F32') => {
      const names = new Map(byName)
      names.set('alpha', { ...byName.get('alpha')!, dtype })
      const scalar: OutputTensor = { ...alpha, recipe: { kind: 'scalar', value } }
      return planSourceLayout(
        [copy('down'), scalar, copy('up')],
        names,
        100,
        144,
        () => 100,
        new Map([['alpha', read]])
      )!.placed[1]!
    }
    // the source's alpha read as 8 (F32): the kernel's copy already holds those bytes, nothing is written there
    expect(placedAlpha(8, 8)).toEqual({ tensor: alpha, begin: 16, end: 20 })
    // another value, another dtype's bytes, a NaN (its bits were not kept) or -0 for 0: written
    expect(placedAlpha(8, 4).write).toBeDefined()
    expect(placedAlpha(8, 8, 'I32').write).toBeDefined()
    expect(placedAlpha(8, Number.NaN).write).toBeDefined()
    expect(placedAlpha(Number.NaN, Number.NaN).write).toBeDefined()
    expect(placedAlpha(0, -0).write).toEqual({ bytes: new Uint8Array(4) })
  })

  test('a dropped tensor is covered by the header; refused: a row slice, too much padding', () => {
    const { byName, tensors, size } = setup(6)
    // t4 dropped: its bytes would be a hole in the data section, so the header (padded) covers them and every
    // tensor before it moves to the end
    const dropped = planSourceLayout(
      tensors.filter((t) => t.key !== 'renamed.t4'),
      byName,
      100,
      size,
      () => 100
    )!
    expect(dropped.headerLength).toBe(180)
    expect(dropped.placed.filter((p) => p.write !== undefined)).toHaveLength(4)
    // t0 dropped: it sits where the header goes, so nothing is left behind
    expect(planSourceLayout(tensors.slice(1), byName, 100, size, () => 116)?.headerLength).toBe(116)
    const slice = tensors.map((t, i) =>
      i === 2
        ? { ...t, shape: [2], recipe: { kind: 'rows' as const, pieces: [{ key: 't2', start: 0, end: 2 }] } }
        : t
    )
    expect(planSourceLayout(slice, byName, 100, size, () => 100)).toBe(undefined)
    // a header that fits with more than MAX_PADDING spaces to spare is not padded
    const big = setup(2)
    big.byName.get('t1')!.byteRange = { file: 'x', start: 124n, end: BigInt(124 + (2 << 20)) }
    expect(planSourceLayout(big.tensors, big.byName, 100, 124 + (2 << 20), () => 200)).toBe(undefined)
  })
})
