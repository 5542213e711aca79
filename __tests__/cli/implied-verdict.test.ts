/**
 * `compare IMPLIED BASE` (IMPLIED: the weights a LoRA patches, named as the LoRA names them) on a base that stores
 * attention the other way (separate q/k/v LoRA on a fused-qkv base, fused-qkv LoRA on a separate base), for kohya,
 * diffusers and PEFT naming, in both argument orders: the implied side is a part of a network, every one of its
 * layers corresponds, so the verdict is "compatible after conversion" (saying which), with a flag naming the
 * fused vs separate layout. Model-level detection from so few layers must not call it another architecture.
 * The same LoRAs load 100% by `lora --base` (row slices) there, and `convert` plans every module. Real CLI (runCli)
 * on files generated here.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import {
  dottedLora,
  kohyaLora,
  loraCheckpoint,
  writeLoraFile,
  type LoraFixture,
  type Target
} from '../../fixtures/lora.js'
import { scaledModel, type SpecTensor } from '../../fixtures/specs.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { analyzeLora } from '../../src/lora/index.js'
import { impliedTensors } from '../../src/lora/implied.js'

const H = 64
const WAN = scaledModel('wan2.1-t2v-14b', { dim: H, ffn_dim: 128, num_layers: 2 })
const LONGCAT = scaledModel('longcat-video', {
  hidden_size: H,
  num_heads: 2,
  head_dim: 32,
  depth: 2,
  ffn_hidden: 160
})

function perBlock(parts: readonly string[], rows = H): Target[] {
  const out: Target[] = []
  for (let i = 0; i < 2; i++) for (const p of parts) out.push({ path: `blocks.${i}.${p}`, shape: [rows, H] })
  return out
}

const CONVENTIONS: [string, (t: Target[]) => LoraFixture][] = [
  ['kohya', (t) => kohyaLora(t, { rank: 4, alpha: 2 })],
  ['diffusers', (t) => dottedLora(t, { rank: 4, prefix: 'transformer.' })],
  ['peft', (t) => dottedLora(t, { rank: 4, prefix: 'base_model.model.' })]
]

/** Separate q/k/v onto a fused qkv (the separate side is the LoRA), and a fused qkv onto separate q/k/v. */
const LAYOUTS: [string, Target[], SpecTensor[], 'lora' | 'base'][] = [
  [
    'separate q/k/v on a fused-qkv base',
    perBlock(['self_attn.q', 'self_attn.k', 'self_attn.v']),
    LONGCAT,
    'base'
  ],
  [
    'diffusers to_q/to_k/to_v on a fused-qkv base',
    perBlock(['attn1.to_q', 'attn1.to_k', 'attn1.to_v']),
    LONGCAT,
    'base'
  ],
  ['fused qkv on a separate q/k/v base', perBlock(['attn.qkv'], 3 * H), WAN, 'lora']
]

interface MappingDoc {
  verdict: { tier: string; overlap: number; summary: string }
  flags: { kind: string; code: string; message: string; evidence: Record<string, unknown> }[]
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-implied-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]): Promise<unknown> {
  const r = await runCli(argv, { cwd: dir, env: { HOME: dir } })
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: exit ${r.code}: ${r.err}`)
  return JSON.parse(r.out)
}

/** The LoRA file, its implied weights (named as the LoRA names them) and the base, written under `tag`. */
function files(
  fx: LoraFixture,
  base: SpecTensor[],
  tag: string
): { lora: string; implied: string; base: string } {
  const paths = {
    lora: join(dir, `${tag}.lora.safetensors`),
    implied: join(dir, `${tag}.implied.safetensors`),
    base: join(dir, `${tag}.base.safetensors`)
  }
  writeLoraFile(paths.lora, fx)
  writeSafetensorsSync(paths.base, base, { data: 'sparse' })
  const implied = analyzeLora(loraCheckpoint(fx), { scalars: fx.scalars }).modules.flatMap((m) => {
    const w = impliedTensors(m).weight
    return w ? [{ name: w.name, shape: [...w.shape], dtype: 'F16' }] : []
  })
  writeSafetensorsSync(paths.implied, implied, { data: 'sparse' })
  return paths
}

const cases = LAYOUTS.flatMap(([layout, targets, base, fused]) =>
  CONVENTIONS.map(([conv, make]) => [`${conv} ${layout}`, make(targets), base, fused] as const)
)

describe('compare of a LoRA implied weights on a base with the other attention layout', () => {
  it.each(cases.map((c, i) => [...c, i] as const))('%s', async (_name, fx, base, fusedIn, i) => {
    const p = files(fx, base, `case${i}`)
    const resolution = (
      (await run(['lora', p.lora, '--base', p.base, '--json'])) as {
        loras: { resolution: { loadable: number; modules: number } }[]
      }
    ).loras[0]!.resolution
    expect(resolution.loadable).toBe(resolution.modules)
    const plan = (
      (await run(['convert', p.lora, '--base', p.base, '--to', 'base', '--dry-run', '--json'])) as {
        plan: { ok: boolean; refused: unknown[]; dropped: unknown[] }
      }
    ).plan
    expect({ ok: plan.ok, refused: plan.refused, dropped: plan.dropped }).toEqual({
      ok: true,
      refused: [],
      dropped: []
    })

    for (const [order, a, b] of [
      ['implied first', p.implied, p.base],
      ['base first', p.base, p.implied]
    ] as const) {
      const doc = (await run(['compare', a, b, '--json'])) as MappingDoc
      const codes = doc.flags.map((f) => `${f.kind} ${f.code}`)
      const layout = doc.flags.find((f) => f.code === 'fused-layout')
      // The side that stores q|k|v fused, as A or B of this argument order.
      const fusedSide = (fusedIn === 'lora') === (order === 'implied first') ? 'a' : 'b'
      expect({ order, tier: doc.verdict.tier, overlap: doc.verdict.overlap }).toEqual({
        order,
        tier: 'compatible',
        overlap: 1
      })
      expect(doc.verdict.summary).toMatch(
        /^Compatible after conversion: (split fused q\|k\|v rows|stack q, k, v)/
      )
      expect({ order, codes }).toEqual({
        order,
        codes: expect.arrayContaining(['green partial-side', 'green fused-layout'])
      })
      expect(codes.filter((c) => c.startsWith('red'))).toEqual([])
      expect({ order, fusedIn: layout?.evidence.fusedIn, parts: layout?.evidence.parts }).toEqual({
        order,
        fusedIn: fusedSide,
        parts: ['q', 'k', 'v']
      })
      expect(layout?.message).toMatch(/^fused vs separate attention, convertible/)
      expect(doc.flags.find((f) => f.code === 'partial-side')?.evidence.side).toBe(
        order === 'implied first' ? 'a' : 'b'
      )
    }
  })

  it('a LoRA with a block the base lacks: the implied side is only partly covered, said with the share', async () => {
    const fx = kohyaLora(
      [0, 1, 2].flatMap((i) =>
        ['self_attn.q', 'self_attn.k', 'self_attn.v'].map((p) => ({
          path: `blocks.${i}.${p}`,
          shape: [H, H]
        }))
      ),
      { rank: 4, alpha: 2 }
    )
    const p = files(fx, LONGCAT, 'deeper')
    const doc = (await run(['compare', p.implied, p.base, '--json'])) as MappingDoc
    expect(doc.verdict.tier).toBe('partial')
    expect(doc.verdict.overlap).toBeCloseTo(2 / 3, 5)
    const flag = doc.flags.find((f) => f.code === 'partial-side')
    expect(flag?.kind).toBe('red')
    expect(flag?.message).toMatch(/6 of 9 correspond to B/)
  })

  it('a LoRA made for another network is not compatible with the base', async () => {
    const fx = kohyaLora(perBlock(['attn.qkv'], 3 * H), { rank: 4, alpha: 2 })
    const wider = scaledModel('wan2.1-t2v-14b', { dim: 2 * H, ffn_dim: 256, num_layers: 2 })
    const p = files(fx, wider, 'other')
    for (const [a, b] of [
      [p.implied, p.base],
      [p.base, p.implied]
    ] as const) {
      const doc = (await run(['compare', a, b, '--json'])) as MappingDoc
      expect(doc.verdict.tier).toBe('incompatible')
    }
  })
})
