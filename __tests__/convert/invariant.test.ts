/**
 * One resolution, two commands: for every fixture LoRA (each convention over each model's linear layers, plus
 * separate q/k/v LoRAs written for a fused base and fused LoRAs for a separate base) against every base, a
 * module that `lora --base` calls `ok` is exactly one that `convert` plans (or refuses only for what the
 * conversion algebra cannot rewrite, e.g. a LoHa), onto exactly the base tensors the resolution names; a module
 * that is not `ok` is refused with the resolution's own reason. In-process (analysis, resolution, plan) so the
 * whole matrix runs in a few seconds; the CLI-level agreement, compare included, is __tests__/cli/cross-command.
 */
import { describe, expect, it } from '@jest/globals'
import {
  dottedLora,
  fluxDiffusersTargets,
  kohyaLora,
  lohaLora,
  longcatLora,
  targetsOf,
  targetTensors,
  type LoraFixture,
  type Target
} from '../../fixtures/lora.js'
import { scaledModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { planConversion } from '../../src/convert/index.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../../src/lora/index.js'

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

const BASES: [string, SpecTensor[]][] = [
  ['wan', WAN],
  ['wan-wider', WAN_WIDER],
  ['longcat', LONGCAT],
  ['flux', FLUX],
  ['flux-diffusers', FLUX_DIFFUSERS]
]

/** Separate q/k/v targets in several namings, for a fused-qkv base (and the fused ones for a separate base). */
function perBlock(blocks: number, parts: readonly string[], rows = H): Target[] {
  const out: Target[] = []
  for (let i = 0; i < blocks; i++)
    for (const p of parts) out.push({ path: `blocks.${i}.${p}`, shape: [rows, H] })
  return out
}

const TARGET_SETS: [string, Target[]][] = [
  ['wan linears', targetsOf(WAN, /^blocks\./)],
  ['longcat linears', targetsOf(LONGCAT, /./)],
  ['flux linears', targetsOf(FLUX, /./)],
  ['flux diffusers linears', fluxDiffusersTargets(2, 3, H)],
  ['separate self q/k/v', perBlock(3, ['self_attn.q', 'self_attn.k', 'self_attn.v'])],
  ['separate attn1 q/k/v', perBlock(2, ['attn1.to_q', 'attn1.to_k', 'attn1.to_v'])],
  ['separate cross k/v', perBlock(2, ['cross_attn.k', 'cross_attn.v'])],
  ['fused qkv', perBlock(2, ['attn.qkv'], 3 * H)]
]

const CONVENTIONS: [string, (t: Target[]) => LoraFixture][] = [
  ['kohya', (t) => kohyaLora(t, { rank: 4, alpha: 2 })],
  ['comfyui', (t) => dottedLora(t, { rank: 4, alpha: 2, style: 'down-up', prefix: 'diffusion_model.' })],
  ['peft', (t) => dottedLora(t, { rank: 4, prefix: 'base_model.model.' })],
  ['diffusers', (t) => dottedLora(t, { rank: 4, prefix: 'transformer.' })],
  ['loha', (t) => lohaLora(t.slice(0, 6), { rank: 4 })]
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

function check(fx: LoraFixture, base: SpecTensor[]): { ok: number; planned: number; modules: number } {
  const lora = withByteRanges(specCheckpoint(fx.tensors, 'lora.safetensors'))
  const analysis = analyzeLora(lora, { scalars: fx.scalars })
  const index = buildBaseIndex(specCheckpoint(base, 'base'))
  const resolution = resolveLora(analysis, index)
  const plan = planConversion(analysis, resolution, index, { to: 'comfyui' })
  const plannedKeys = new Map<string, Set<string>>()
  for (const m of plan.modules) {
    for (const s of m.sources) {
      const set = plannedKeys.get(s.stem) ?? new Set()
      set.add(m.baseKey)
      plannedKeys.set(s.stem, set)
    }
  }
  const refused = new Map(plan.refused.map((r) => [r.stem, r.why]))
  let ok = 0
  for (const r of resolution.results) {
    const where = `${r.stem} (${r.status})`
    const why = refused.get(r.stem)
    if (r.status === 'ok') {
      ok++
      // Planned onto exactly the weights the resolution names, or refused for the algebra, never for resolution.
      const weights = (r.targets ?? []).filter((t) => t.tensor !== 'bias').map((t) => t.key)
      if (plannedKeys.has(r.stem)) {
        expect({ where, keys: [...plannedKeys.get(r.stem)!].sort() }).toEqual({ where, keys: weights.sort() })
      } else {
        expect({ where, refused: why !== undefined && why.kind !== 'not-loadable' }).toEqual({
          where,
          refused: true
        })
      }
    } else {
      expect({ where, planned: plannedKeys.has(r.stem) }).toEqual({ where, planned: false })
      expect({ where, why: why?.kind === 'not-loadable' ? why.status : why?.kind }).toEqual({
        where,
        why: r.status
      })
    }
  }
  return { ok, planned: plannedKeys.size, modules: resolution.modules }
}

describe('a module is ok in lora --base exactly when convert plans it, onto the same base tensors', () => {
  const cases: [string, LoraFixture, string, SpecTensor[]][] = []
  for (const [set, targets] of TARGET_SETS)
    for (const [conv, make] of CONVENTIONS)
      for (const [baseName, base] of BASES) cases.push([`${conv} ${set}`, make(targets), baseName, base])
  // The LoRA formats tied to one model.
  for (const [baseName, base] of BASES) {
    cases.push([
      'longcat own format',
      longcatLora(targetsOf(LONGCAT, /^blocks\./), { rank: 4 }),
      baseName,
      base
    ])
  }

  it.each(cases)('%s on %s', (_name, fx, _base, base) => {
    const { modules } = check(fx, base)
    expect(modules).toBeGreaterThan(0)
  })

  it('the fused-qkv cases load and plan in full where the layouts correspond', () => {
    // Separate q/k/v (kohya, ComfyUI, PEFT and diffusers names) on the fused LongCat qkv, and LongCat's fused
    // qkv on Wan's q/k/v.
    for (const [conv, make] of CONVENTIONS.slice(0, 4)) {
      const names =
        conv === 'diffusers'
          ? ['attn1.to_q', 'attn1.to_k', 'attn1.to_v']
          : ['self_attn.q', 'self_attn.k', 'self_attn.v']
      const qkv = check(make(perBlock(2, names)), LONGCAT)
      expect({ conv, ...qkv }).toEqual({ conv, ok: 6, planned: 6, modules: 6 })
      const fused = check(make(perBlock(2, ['attn.qkv'], 3 * H)), WAN)
      expect({ conv, ...fused }).toEqual({ conv, ok: 2, planned: 2, modules: 2 })
    }
  })
})
