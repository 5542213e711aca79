/**
 * The same LoRA and base through `lora --base`, `gate`, `convert --dry-run` and `compare` (of the weights the
 * LoRA implies): four commands, one question, "which base tensor does each module correspond to, and does it
 * load". They must agree:
 * - `gate` gates on the figure `lora --base` reports (same module count, same loadable share);
 * - a module has a base target in `lora --base` exactly when `convert` plans it (it refuses the others), and the
 *   target is the base key `convert` writes it onto;
 * - `compare` of the implied weights finds a counterpart for a module's weight exactly when `lora --base` gives
 *   the module a target, and where `compare` proposes a mapping its target is that same key;
 * - a plan `convert` accepts, once written, loads 100% by `lora --base` and passes `gate`.
 * Everything runs through the real CLI (runCli) on files generated here.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { dottedLora, kohyaLora, writeLoraFile, type LoraFixture, type Target } from '../../fixtures/lora.js'
import { scaledModel, type SpecTensor } from '../../fixtures/specs.js'
import { luminaGqaKeys } from '../../fixtures/family-keys.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

const H = 64
const WAN = scaledModel('wan2.1-t2v-14b', { dim: H, ffn_dim: 128, num_layers: 2 })
const WAN_WIDER = scaledModel('wan2.1-t2v-14b', { dim: 2 * H, ffn_dim: 256, num_layers: 2 })
const LONGCAT = scaledModel('longcat-video', {
  hidden_size: H,
  num_heads: 2,
  head_dim: 32,
  depth: 2,
  ffn_hidden: 160
})

/** Targets `blocks.{0..blocks-1}.<part>`, each [H, H]. */
function targets(blocks: number, parts: readonly string[]): Target[] {
  const out: Target[] = []
  for (let i = 0; i < blocks; i++)
    for (const p of parts) out.push({ path: `blocks.${i}.${p}`, shape: [H, H] })
  return out
}

interface Case {
  name: string
  base: SpecTensor[]
  targets: Target[]
  /** The LoRA over those targets, and the stem each target's module gets in it. */
  lora: (t: Target[]) => LoraFixture
  stem: (path: string) => string
  /** Every module loads (so the agreement is not that of commands all refusing). */
  allLoad?: boolean
}

const kohya = (t: Target[]) => kohyaLora(t, { rank: 4, alpha: 2 })
const kohyaStem = (path: string) => `lora_unet_${path.replace(/\./g, '_')}`
const comfy = (t: Target[]) =>
  dottedLora(t, { rank: 4, alpha: 2, style: 'down-up', prefix: 'diffusion_model.' })
const comfyStem = (path: string) => `diffusion_model.${path}`
const peft = (t: Target[]) => dottedLora(t, { rank: 4, alpha: 2, prefix: 'transformer.' })
const peftStem = (path: string) => `transformer.${path}`

const rawPeft = (t: Target[]) => dottedLora(t, { rank: 4, alpha: 2, prefix: 'base_model.model.' })
const rawPeftStem = (path: string) => `base_model.model.${path}`

/** Fused targets `blocks.{0..blocks-1}.<part>`, each [3H, H]. */
function fused(blocks: number, parts: readonly string[]): Target[] {
  return targets(blocks, parts).map((t) => ({ ...t, shape: [3 * H, H] }))
}

const SELF_QKVO = ['self_attn.q', 'self_attn.k', 'self_attn.v', 'self_attn.o']

/**
 * Lumina-Image-2.0-like layers with grouped-query attention stored fused: 4 q heads and 1 kv head of 16, so
 * `attention.qkv` is [64 + 16 + 16, 64] (q rows 0..63, k 64..79, v 80..95).
 */
const KV = H / 4
const LUMINA = luminaGqaKeys({ dim: H, kv: KV, dtype: 'BF16' })

/** Diffusers-named attention projections of the Lumina-like layers (`layers.N.attn.to_q`), sized for GQA. */
function luminaTargets(parts: readonly ('to_q' | 'to_k' | 'to_v')[]): Target[] {
  return [0, 1].flatMap((i) =>
    parts.map((p) => ({ path: `layers.${i}.attn.${p}`, shape: [p === 'to_q' ? H : KV, H] }))
  )
}
const CASES: Case[] = [
  {
    name: 'kohya Wan LoRA on its Wan base',
    base: WAN,
    targets: targets(2, SELF_QKVO),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'kohya Wan LoRA with a block past the base depth',
    base: WAN,
    targets: targets(3, SELF_QKVO),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'kohya Wan LoRA on a wider Wan base (shape mismatch)',
    base: WAN_WIDER,
    targets: targets(2, SELF_QKVO),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'kohya separate q/k/v LoRA on a fused-qkv LongCat base',
    base: LONGCAT,
    targets: targets(2, ['self_attn.q', 'self_attn.k', 'self_attn.v']),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'ComfyUI-named separate q/k/v LoRA on a fused-qkv LongCat base',
    base: LONGCAT,
    targets: targets(2, ['self_attn.q', 'self_attn.k', 'self_attn.v']),
    lora: comfy,
    stem: comfyStem
  },
  {
    name: 'diffusers-named q/k/v LoRA on a fused-qkv LongCat base',
    base: LONGCAT,
    targets: targets(2, ['attn1.to_q', 'attn1.to_k', 'attn1.to_v']),
    lora: peft,
    stem: peftStem
  },
  {
    name: 'PEFT q/k/v LoRA (base_model.model.) on a fused-qkv LongCat base',
    base: LONGCAT,
    targets: targets(2, ['self_attn.q', 'self_attn.k', 'self_attn.v']),
    lora: rawPeft,
    stem: rawPeftStem
  },
  {
    name: 'kohya q and v only LoRA on a fused-qkv LongCat base (rows of two of three parts)',
    base: LONGCAT,
    targets: targets(2, ['self_attn.q', 'self_attn.v']),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'PEFT q and v only LoRA on a grouped-query fused-qkv base (Lumina2-like, unequal parts)',
    base: LUMINA,
    targets: luminaTargets(['to_q', 'to_v']),
    lora: peft,
    stem: peftStem,
    allLoad: true
  },
  {
    name: 'kohya k only LoRA on a grouped-query fused-qkv base (Lumina2-like, unequal parts)',
    base: LUMINA,
    targets: luminaTargets(['to_k']),
    lora: kohya,
    stem: kohyaStem,
    allLoad: true
  },
  {
    name: 'kohya fused-qkv LoRA on a separate q/k/v Wan base',
    base: WAN,
    targets: fused(2, ['attn.qkv']),
    lora: kohya,
    stem: kohyaStem
  },
  {
    name: 'diffusers-named fused-qkv LoRA on a separate q/k/v Wan base',
    base: WAN,
    targets: fused(2, ['attn.qkv']),
    lora: peft,
    stem: peftStem
  },
  {
    name: 'PEFT fused-qkv LoRA on a separate q/k/v Wan base',
    base: WAN,
    targets: fused(2, ['attn.qkv']),
    lora: rawPeft,
    stem: rawPeftStem
  }
]

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-cross-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Views {
  /** `lora --base`: module stem -> base key (undefined: no target) and status; loadable modules. */
  lora: {
    targets: Map<string, string | undefined>
    /** Every base weight a module patches (a split lists several). */
    weights: Map<string, string[]>
    statuses: Map<string, string>
    loadable: number
    modules: number
  }
  gate: { loadable: number; modules: number; passed: boolean }
  /** `convert --dry-run --to base`: module stem -> base key it is written onto; refused stems. */
  convert: { ok: boolean; targets: Map<string, string[]>; refused: Set<string> }
  /** `compare IMPLIED BASE`: weight key -> mapped base key; weight keys with no counterpart. */
  compare: { mapped: Map<string, string>; unmatched: Set<string> }
}

/** The parts of the JSON documents these checks read (schemas/lora.schema.json, gate-report, mapping). */
interface Documents {
  loras: {
    resolution: {
      results: {
        stem: string
        status: string
        target?: { key: string }
        targets?: { key: string; tensor?: string }[]
      }[]
      loadable: number
      modules: number
    }
  }[]
  artifacts: { status: string; lora: { modules: number; unresolved: number; shapeMismatch: number } }[]
  passed: boolean
  plan: {
    ok: boolean
    modules: { stem: string; baseKey: string; sources?: { stem: string }[] }[]
    refused: { stem: string }[]
    dropped: { stem: string }[]
  }
  mappings: { source: string[]; target: string[] }[]
  unmatched: { a: string[] }
}

async function json(argv: string[], codes: number[] = [0]): Promise<Documents> {
  const r = await runCli(argv, { cwd: dir, env: { HOME: dir } })
  if (!codes.includes(r.code)) throw new Error(`${argv.join(' ')}: exit ${r.code}: ${r.err}`)
  return JSON.parse(r.out)
}

async function views(c: Case, tag: string): Promise<{ views: Views; lora: string; base: string }> {
  const base = join(dir, `${tag}.base.safetensors`)
  const lora = join(dir, `${tag}.lora.safetensors`)
  const implied = join(dir, `${tag}.implied.safetensors`)
  writeSafetensorsSync(base, c.base, { data: 'sparse' })
  writeLoraFile(lora, c.lora(c.targets))
  writeSafetensorsSync(
    implied,
    c.targets.map((t) => ({ name: `${t.path}.weight`, shape: t.shape, dtype: 'F32' })),
    { data: 'sparse' }
  )

  const resolution = (await json(['lora', lora, '--base', base, '--json'])).loras[0]!.resolution
  const gate = (await json(['gate', '--baseline', base, lora, '--json', '--threshold', '100'], [0, 1]))
    .artifacts[0]!
  const plan = (await json(['convert', lora, '--base', base, '--to', 'base', '--dry-run', '--json'], [0, 2]))
    .plan
  const mapping = await json(['compare', implied, base, '--json'])

  const convertTargets = new Map<string, string[]>()
  for (const m of plan.modules)
    for (const s of m.sources ?? [{ stem: m.stem }])
      convertTargets.set(s.stem, [...(convertTargets.get(s.stem) ?? []), m.baseKey].sort())
  const compareMapped = new Map<string, string>()
  for (const m of mapping.mappings) for (const s of m.source) compareMapped.set(s, m.target[0])
  return {
    lora,
    base,
    views: {
      lora: {
        targets: new Map(resolution.results.map((r) => [r.stem, r.target?.key])),
        weights: new Map(
          resolution.results.map((r) => [
            r.stem,
            (r.targets ?? [])
              .filter((t) => t.tensor !== 'bias')
              .map((t) => t.key)
              .sort()
          ])
        ),
        statuses: new Map(resolution.results.map((r) => [r.stem, r.status])),
        loadable: resolution.loadable,
        modules: resolution.modules
      },
      gate: {
        loadable: gate.lora.modules - gate.lora.unresolved - gate.lora.shapeMismatch,
        modules: gate.lora.modules,
        passed: gate.status === 'pass'
      },
      convert: {
        ok: plan.ok,
        targets: convertTargets,
        refused: new Set([...plan.refused, ...plan.dropped].map((r) => r.stem))
      },
      compare: { mapped: compareMapped, unmatched: new Set(mapping.unmatched.a) }
    }
  }
}

/** lora, gate and convert agree (and what convert writes loads); with `compare`, compare agrees as well. */
async function expectAgreement(c: Case, tag: string, withCompare = true): Promise<void> {
  const { views: v, base } = await views(c, tag)
  if (c.allLoad) expect(v.lora.loadable).toBe(v.lora.modules)
  // gate gates on lora's figure
  expect(v.gate.modules).toBe(v.lora.modules)
  expect(v.gate.loadable).toBe(v.lora.loadable)
  for (const t of c.targets) {
    const stem = c.stem(t.path)
    const weight = `${t.path}.weight`
    const loraTarget = v.lora.targets.get(stem)
    const where = `${stem} (lora: ${v.lora.statuses.get(stem)} ${loraTarget ?? 'no target'})`
    expect({ where, stem: v.lora.statuses.has(stem) }).toEqual({ where, stem: true })
    // lora and convert: the same target, or neither has one
    const convertTarget = v.convert.targets.get(stem)
    if (v.lora.statuses.get(stem) === 'ok') {
      expect({ where, convert: convertTarget }).toEqual({ where, convert: v.lora.weights.get(stem) })
    } else {
      expect({ where, convertRefuses: v.convert.refused.has(stem) || convertTarget === undefined }).toEqual({
        where,
        convertRefuses: true
      })
    }
    if (!withCompare) continue
    // lora and compare: a counterpart exactly when lora gives a target; a mapping's target is lora's
    expect({ where, compareHasCounterpart: !v.compare.unmatched.has(weight) }).toEqual({
      where,
      compareHasCounterpart: loraTarget !== undefined
    })
    const mapped = v.compare.mapped.get(weight)
    if (mapped !== undefined) expect({ where, compare: mapped }).toEqual({ where, compare: loraTarget })
  }
  // What convert accepts loads, by lora and by gate
  if (v.convert.ok) {
    const out = join(dir, `${tag}.converted.safetensors`)
    const lora = join(dir, `${tag}.lora.safetensors`)
    await json(['convert', lora, '--base', base, '--to', 'base', '-o', out, '--json'])
    const after = (await json(['lora', out, '--base', base, '--json'])).loras[0]!.resolution
    expect(after.loadable).toBe(after.modules)
    const gate = await json(['gate', '--baseline', base, out, '--json', '--threshold', '100'])
    expect(gate.passed).toBe(true)
  }
}

describe('lora --base, gate and convert agree on the same files', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    await expectAgreement(c, `case${i}`, false)
  })
})

describe('compare agrees with them', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    await expectAgreement(c, `compare${i}`)
  })
})
