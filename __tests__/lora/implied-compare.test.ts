/**
 * `lora --base`, `convert` and `compare` answer one question, "which base tensor does this module's weight
 * correspond to". For every fixture LoRA (each convention over each model's linear layers; separate q/k/v, and only
 * some of them, written for a fused base; fused qkv written for a separate base) against every base: a module is
 * `ok` in `lora --base` exactly when `convert` plans it (or refuses it only for the algebra, e.g. a LoHa) and
 * `compare` of the weights the LoRA implies (named as the LoRA names them: kohya underscores, PEFT / diffusers /
 * ComfyUI prefixes) maps its weight at high confidence, all three onto the same base keys. The CLI-level run of the
 * three commands is __tests__/cli/cross-command.test.ts. In-process, so the whole matrix runs in seconds.
 */
import { describe, expect, it } from '@jest/globals'
import {
  dottedLora,
  fluxDiffusersTargets,
  fullDiffLora,
  kohyaLora,
  lohaLora,
  lokrLora,
  longcatLora,
  targetsOf,
  targetTensors,
  type LoraFixture,
  type Target
} from '../../fixtures/lora.js'
import { scaledModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { planConversion } from '../../src/convert/index.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../../src/lora/index.js'
import { impliedTensors } from '../../src/lora/implied.js'

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
const FLUX = scaledModel('flux.1-dev', { hidden_size: H, num_heads: 2, depth: 2, depth_single_blocks: 3 })
const FLUX_DIFFUSERS = targetTensors(fluxDiffusersTargets(2, 3, H))
const WAN_DIFFUSERS = scaledModel('wan2.1-t2v-14b-diffusers', { dim: H, ffn_dim: 128, num_layers: 2 })

const BASES: [string, SpecTensor[]][] = [
  ['wan', WAN],
  ['wan-wider', WAN_WIDER],
  ['longcat', LONGCAT],
  ['flux', FLUX],
  ['flux-diffusers', FLUX_DIFFUSERS],
  ['wan-diffusers', WAN_DIFFUSERS]
]

function perBlock(blocks: number, parts: readonly string[], rows = H): Target[] {
  const out: Target[] = []
  for (let i = 0; i < blocks; i++)
    for (const p of parts) out.push({ path: `blocks.${i}.${p}`, shape: [rows, H] })
  return out
}

const TARGET_SETS: [string, Target[]][] = [
  ['wan linears', targetsOf(WAN, /^blocks\./)],
  ['wan diffusers linears', targetsOf(WAN_DIFFUSERS, /^blocks\./)],
  ['longcat linears', targetsOf(LONGCAT, /./)],
  ['flux linears', targetsOf(FLUX, /./)],
  ['flux diffusers linears', fluxDiffusersTargets(2, 3, H)],
  ['separate self q/k/v', perBlock(2, ['self_attn.q', 'self_attn.k', 'self_attn.v'])],
  ['separate attn1 q/k/v', perBlock(2, ['attn1.to_q', 'attn1.to_k', 'attn1.to_v'])],
  ['separate cross k/v', perBlock(2, ['cross_attn.k', 'cross_attn.v'])],
  ['fused qkv', perBlock(2, ['attn.qkv'], 3 * H)],
  ['separate self q only', perBlock(2, ['self_attn.q'])],
  ['separate self k and v', perBlock(2, ['self_attn.k', 'self_attn.v'])],
  ['separate attn1 q only', perBlock(2, ['attn1.to_q'])]
]

const CONVENTIONS: [string, (t: Target[]) => LoraFixture][] = [
  ['kohya', (t) => kohyaLora(t, { rank: 4, alpha: 2 })],
  ['comfyui', (t) => dottedLora(t, { rank: 4, alpha: 2, style: 'down-up', prefix: 'diffusion_model.' })],
  ['peft', (t) => dottedLora(t, { rank: 4, prefix: 'base_model.model.' })],
  ['diffusers', (t) => dottedLora(t, { rank: 4, prefix: 'transformer.' })],
  ['loha', (t) => lohaLora(t, { rank: 4 })],
  ['lokr', (t) => lokrLora(t, { rank: 4 })],
  // A full delta of each weight and its bias (`.diff` + `.diff_b`): a module patches both base tensors.
  ['full diff', (t) => fullDiffLora(t)]
]

/** A header-only LoRA checkpoint with byte ranges laid end to end (planning never reads the bytes). */
function withByteRanges(ckpt: Checkpoint): Checkpoint {
  let at = 0n
  for (const t of ckpt.tensors) {
    const n = BigInt(t.shape.reduce((p, d) => p * d, 1) * 2)
    t.byteRange = { file: 'lora.safetensors', start: at, end: at + n }
    at += n
  }
  return ckpt
}

interface View {
  stem: string
  /** The base weights an `ok` resolution names (none for any other status). */
  lora: string[]
  /** The base keys compare maps the implied weight onto at high confidence with compatible shapes. */
  compare: string[]
  /** The base keys convert writes the module onto; an `ok` module refused for the algebra (a LoHa) counts as lora's. */
  convert: string[]
}

/** Per module with an implied weight, the three commands' answers. */
function views(fx: LoraFixture, base: SpecTensor[]): View[] {
  const lora = withByteRanges(specCheckpoint(fx.tensors, 'lora.safetensors'))
  const analysis = analyzeLora(lora, { scalars: fx.scalars })
  const index = buildBaseIndex(specCheckpoint(base, 'base'))
  const resolution = resolveLora(analysis, index)
  const plan = planConversion(analysis, resolution, index, { to: 'comfyui' })
  const planned = new Map<string, string[]>()
  for (const m of plan.modules)
    for (const s of m.sources) planned.set(s.stem, [...(planned.get(s.stem) ?? []), m.baseKey])
  const refusedForAlgebra = new Set(
    plan.refused.filter((r) => r.why.kind !== 'not-loadable').map((r) => r.stem)
  )
  const weightOf = new Map<string, string>()
  const biasOf = new Map<string, string>()
  const implied: SpecTensor[] = []
  for (const m of analysis.modules) {
    const { weight: w, bias: b } = impliedTensors(m)
    if (!w || w.shape.length === 0) continue
    weightOf.set(m.stem, w.name)
    implied.push({ name: w.name, shape: [...w.shape], dtype: 'F16' })
    if (b) {
      biasOf.set(m.stem, b.name)
      implied.push({ name: b.name, shape: [...b.shape], dtype: 'F16' })
    }
  }
  const cmp = compareCheckpoints(specCheckpoint(implied, 'implied'), specCheckpoint(base, 'base'))
  // What compare stands behind: high-confidence mappings with compatible shapes, or onto row ranges of a fused
  // tensor that the sources fill exactly (some parts of a qkv). Lower ones are guesses it names as such, and a
  // shape mismatch is not a target a LoRA loads onto.
  const mapped = new Map<string, string[]>()
  const listed = new Set<string>()
  const numel = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1)
  const fillsRows = (m: (typeof cmp.mappings)[number]): boolean =>
    m.kind === 'fuse' &&
    m.rows !== undefined &&
    m.source.length === m.rows.length &&
    m.rows.every((r, i) => {
      const [t, s] = [m.shapes.target[0]!, m.shapes.source[i]!]
      return numel(s) === (r.end - r.start) * numel(t.slice(1))
    })
  for (const m of cmp.mappings) {
    for (const s of m.source) listed.add(s)
    if (m.confidence !== 'high' || !(m.shapeCompatible || fillsRows(m))) continue
    for (const s of m.source) mapped.set(s, [...(mapped.get(s) ?? []), ...m.target])
  }
  const baseShapes = new Map(base.map((t) => [t.name, t.shape.join('x')]))
  const impliedShapes = new Map(implied.map((t) => [t.name, t.shape.join('x')]))
  const out: View[] = []
  for (const r of resolution.results) {
    const weight = weightOf.get(r.stem)
    if (weight === undefined) continue
    const loraKeys =
      r.status === 'ok' ? (r.targets ?? []).filter((t) => t.tensor !== 'bias').map((t) => t.key) : []
    // A key under the same name and shape on both sides is not listed as a mapping.
    const counterparts = (key: string): string[] =>
      !listed.has(key) && baseShapes.get(key) === impliedShapes.get(key) ? [key] : (mapped.get(key) ?? [])
    let compareKeys = counterparts(weight)
    // A module that also patches a bias maps only when its bias does too.
    const bias = biasOf.get(r.stem)
    if (bias !== undefined && counterparts(bias).length === 0) compareKeys = []
    const convertKeys =
      r.status === 'ok' && refusedForAlgebra.has(r.stem) ? loraKeys : (planned.get(r.stem) ?? [])
    out.push({
      stem: `${r.stem} (${r.status})`,
      lora: [...loraKeys].sort(),
      compare: [...new Set(compareKeys)].sort(),
      convert: [...new Set(convertKeys)].sort()
    })
  }
  return out
}

describe('a module is ok in lora --base exactly when convert plans it and compare maps its implied weight, onto the same base keys', () => {
  const cases: [string, string, LoraFixture, SpecTensor[]][] = []
  for (const [set, targets] of TARGET_SETS)
    for (const [conv, make] of CONVENTIONS)
      for (const [baseName, base] of BASES) cases.push([`${conv} ${set}`, baseName, make(targets), base])
  for (const [baseName, base] of BASES)
    cases.push([
      'longcat own format',
      baseName,
      longcatLora(targetsOf(LONGCAT, /^blocks\./), { rank: 4 }),
      base
    ])

  it.each(cases)('%s on %s', (_name, _base, fx, base) => {
    const v = views(fx, base)
    expect(v.length).toBeGreaterThan(0)
    for (const m of v)
      expect({ stem: m.stem, compare: m.compare, convert: m.convert }).toEqual({
        stem: m.stem,
        compare: m.lora,
        convert: m.lora
      })
  })

  it('the fused and separate q/k/v cases map every module, with the split or fuse named in full', () => {
    for (const [conv, make] of CONVENTIONS.slice(0, 4)) {
      const fused = views(make(perBlock(2, ['attn.qkv'], 3 * H)), WAN)
      expect({ conv, fused: fused.map((m) => m.compare.length) }).toEqual({ conv, fused: [3, 3] })
      const separate = views(make(perBlock(2, ['self_attn.q', 'self_attn.k', 'self_attn.v'])), LONGCAT)
      expect({ conv, separate: separate.map((m) => m.compare) }).toEqual({
        conv,
        separate: [0, 0, 0, 1, 1, 1].map((i) => [`blocks.${i}.attn.qkv.weight`])
      })
    }
  })
})

describe('a full diff (.diff + .diff_b) on a base with the other attention layout', () => {
  function resolved(targets: Target[], base: SpecTensor[]) {
    const fx = fullDiffLora(targets)
    const analysis = analyzeLora(withByteRanges(specCheckpoint(fx.tensors, 'lora.safetensors')), {
      scalars: fx.scalars
    })
    return resolveLora(analysis, buildBaseIndex(specCheckpoint(base, 'base')))
  }
  const biases = (r: ReturnType<typeof resolved>['results'][number]) =>
    (r.targets ?? []).filter((t) => t.tensor === 'bias').map((t) => [t.key, t.rows ?? null, t.slice ?? null])

  it('a fused qkv delta onto separate q/k/v: loadable, its bias split over the q, k and v biases', () => {
    const r = resolved(perBlock(2, ['attn.qkv'], 3 * H), WAN)
    expect(r.loadable).toBe(r.modules)
    expect(biases(r.results[0]!)).toEqual(
      ['q', 'k', 'v'].map((p, i) => [
        `blocks.0.self_attn.${p}.bias`,
        { start: i * H, end: (i + 1) * H },
        null
      ])
    )
  })

  it('separate q/k/v deltas, or only some of them, onto a fused qkv: loadable, each on its rows of the fused bias', () => {
    for (const parts of [
      ['self_attn.q', 'self_attn.k', 'self_attn.v'],
      ['self_attn.q'],
      ['self_attn.k', 'self_attn.v']
    ]) {
      const r = resolved(perBlock(2, parts), LONGCAT)
      expect({ parts, loadable: r.loadable }).toEqual({ parts, loadable: r.modules })
      for (const m of r.results) {
        const at = ['q', 'k', 'v'].indexOf(m.path.slice(-1))
        expect(biases(m)).toEqual([
          [`blocks.${m.path.split('.')[1]}.attn.qkv.bias`, null, { offset: at * H, size: H }]
        ])
      }
    }
  })

  it('a delta whose rows do not fit the fused rows is still a shape mismatch', () => {
    const r = resolved(perBlock(2, ['self_attn.q'], H / 2), LONGCAT)
    expect(r.loadable).toBe(0)
  })
})
