/**
 * A LoRA of q and v only (PEFT's default targets) onto a base that stores attention as one grouped-query fused
 * q|k|v (Lumina-Image-2.0's `layers.N.attention.qkv`, scaled: 4 q heads, 1 kv head, head_dim 16): q fills rows
 * 0..63, k 64..79, v 80..95. The converted file is read back byte for byte: ups in their rows, zeros for k, downs
 * stacked.
 */
import { describe, expect, test, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { dottedLora, type Target } from '../../fixtures/lora.js'
import { luminaGqaKeys } from '../../fixtures/family-keys.js'
import { readCheckpoint } from '../../src/formats/index.js'
import type { TensorInfo } from '../../src/formats/types.js'
import { analyzeLora, resolveLora } from '../../src/lora/index.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { convertFile, decode, loadablePercent, planFor, writeRandomLora } from './helpers.js'

const DIM = 64
const KV = 16
const ROWS = DIM + 2 * KV
const RANK = 4

const luminaBase = (): SpecTensor[] => luminaGqaKeys({ dim: DIM, kv: KV })

/** q and v of both layers in diffusers names (`layers.N.attn.to_q`), as PEFT trains them. */
function qvTargets(): Target[] {
  return [0, 1].flatMap((i) => [
    { path: `layers.${i}.attn.to_q`, shape: [DIM, DIM] },
    { path: `layers.${i}.attn.to_v`, shape: [KV, DIM] }
  ])
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convert-gqa-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A tensor's values as a [rows, cols] matrix. */
function matrix(file: Buffer, t: TensorInfo): number[][] {
  const r = t.byteRange!
  const v = decode(new Uint8Array(file.subarray(Number(r.start), Number(r.end))), t.dtype)
  const cols = t.shape[1]!
  return Array.from({ length: t.shape[0]! }, (_, i) => Array.from(v.subarray(i * cols, (i + 1) * cols)))
}

describe('q/v-only LoRA onto a GQA fused qkv base (Lumina2-like)', () => {
  test('lora --base: every module loads, on the rows of its own slot', async () => {
    const src = join(dir, 'qv.safetensors')
    await writeRandomLora(
      src,
      dottedLora(qvTargets(), { rank: RANK, alpha: RANK, dtype: 'F32', prefix: 'transformer.' }),
      7
    )
    const base = specCheckpoint(luminaBase())
    expect(await loadablePercent(src, base)).toBe(100)
    const analysis = analyzeLora(await readCheckpoint(src))
    const r = resolveLora(analysis, base)
    const slices = analysis.modules.map((m, i) => [
      m.stem,
      r.results[i]!.target?.key,
      r.results[i]!.target?.slice
    ])
    expect(slices).toEqual(
      [0, 1].flatMap((i) => [
        [`transformer.layers.${i}.attn.to_q`, `layers.${i}.attention.qkv.weight`, { offset: 0, size: DIM }],
        [
          `transformer.layers.${i}.attn.to_v`,
          `layers.${i}.attention.qkv.weight`,
          { offset: DIM + KV, size: KV }
        ]
      ])
    )
  })

  test('compare of the weights such a LoRA implies: q and v map onto their rows of the fused qkv, sizes stated', () => {
    const implied = specCheckpoint(
      qvTargets().map((t) => ({ name: `${t.path}.weight`, shape: t.shape, dtype: 'F32' })),
      'implied.safetensors'
    )
    const c = compareCheckpoints(implied, specCheckpoint(luminaBase(), 'base.safetensors'))
    const high = c.mappings.filter((m) => m.confidence === 'high')
    expect(
      high
        .map((m) => [m.kind, m.source, m.target, m.rows])
        .sort((x, y) => String(x[2]).localeCompare(String(y[2])))
    ).toEqual(
      [0, 1].map((i) => [
        'fuse',
        [`layers.${i}.attn.to_q.weight`, `layers.${i}.attn.to_v.weight`],
        [`layers.${i}.attention.qkv.weight`],
        [
          { start: 0, end: DIM },
          { start: DIM + KV, end: ROWS }
        ]
      ])
    )
    for (const m of high) expect(m.reason).toContain(`of ${ROWS} rows sized ${DIM} | ${KV} | ${KV}`)
    // The fused-layout flag names every part of the fused tensor, the ones the LoRA leaves out included.
    expect(c.flags.find((f) => f.code === 'fused-layout')?.evidence).toMatchObject({
      fusedIn: 'b',
      parts: ['q', 'k', 'v'],
      fuses: 2
    })
  })

  test('convert: ups in q rows 0..63 and v rows 80..95, zeros for k, downs stacked', async () => {
    const src = join(dir, 'qv-convert.safetensors')
    const out = join(dir, 'qv-convert.out.safetensors')
    await writeRandomLora(
      src,
      dottedLora(qvTargets(), { rank: RANK, alpha: RANK, dtype: 'F32', prefix: 'transformer.' }),
      8
    )
    const base = specCheckpoint(luminaBase())
    const { plan } = await planFor(src, base, 'kohya')
    expect(plan.ok).toBe(true)
    expect(plan.counts).toEqual({ rename: 0, stack: 2, split: 0, 'split+stack': 0, reorder: 0 })
    await convertFile(src, base, out, 'kohya')

    const srcFile = readFileSync(src)
    const outFile = readFileSync(out)
    const srcCk = await readCheckpoint(src)
    const outCk = await readCheckpoint(out)
    const srcT = (name: string) =>
      matrix(
        srcFile,
        srcCk.tensors.find((t) => t.name === name)!
      )
    const outT = (name: string) => {
      const t = outCk.tensors.find((x) => x.name === name)
      if (!t) throw new Error(`no ${name} in ${outCk.tensors.map((x) => x.name).join(', ')}`)
      return matrix(outFile, t)
    }
    for (const i of [0, 1]) {
      const stem = `lora_unet_layers_${i}_attention_qkv`
      const up = outT(`${stem}.lora_up.weight`)
      const down = outT(`${stem}.lora_down.weight`)
      expect([up.length, up[0]!.length, down.length, down[0]!.length]).toEqual([
        ROWS,
        2 * RANK,
        2 * RANK,
        DIM
      ])
      const qUp = srcT(`transformer.layers.${i}.attn.to_q.lora_B.weight`)
      const vUp = srcT(`transformer.layers.${i}.attn.to_v.lora_B.weight`)
      const qDown = srcT(`transformer.layers.${i}.attn.to_q.lora_A.weight`)
      const vDown = srcT(`transformer.layers.${i}.attn.to_v.lora_A.weight`)
      const zeros = (n: number) => Array.from({ length: n }, () => 0)
      // U block-diagonal: q's up in rows 0..63 columns 0..3, v's up in rows 80..95 columns 4..7, k's rows zero.
      const expectedUp = [
        ...qUp.map((row) => [...row, ...zeros(RANK)]),
        ...Array.from({ length: KV }, () => zeros(2 * RANK)),
        ...vUp.map((row) => [...zeros(RANK), ...row])
      ]
      expect(up).toEqual(expectedUp)
      expect(down).toEqual([...qDown, ...vDown])
    }
    expect(await loadablePercent(out, base)).toBe(100)
  })
})
