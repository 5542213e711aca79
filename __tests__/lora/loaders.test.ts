import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { buildLoraReport } from '../../src/lora/report.js'
import { TOOL } from '../../src/version.js'
import { corpusBase, loaderCases, type LoaderCase } from '../../fixtures/loaders/cases.js'
import {
  kohyaLora,
  LONGCAT_CFG_STEP,
  longcatLora,
  loraCheckpoint,
  targetsOf,
  type LoraFixture
} from '../../fixtures/lora.js'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { analyzeLora, buildBaseIndex, resolveLora, type LoraResolution } from '../../src/lora/index.js'
import { applyLoader, buildKeyMap } from '../../src/lora/loaders/index.js'
import type { BaseName } from '../../fixtures/loaders/bases.js'
import type { LoaderName } from '../../src/lora/types.js'

const CASES = new Map(loaderCases().map((c) => [c.id, c]))
const indexes = new Map<BaseName, ReturnType<typeof buildBaseIndex>>()

function indexOf(base: BaseName) {
  let idx = indexes.get(base)
  if (!idx)
    indexes.set(
      base,
      (idx = buildBaseIndex(specCheckpoint(corpusBase(base).tensors, `base-${base}.safetensors`)))
    )
  return idx
}

function under(loader: LoaderName, c: LoaderCase | { base: BaseName; lora: LoraFixture }): LoraResolution {
  const idx = indexOf(c.base)
  const a = analyzeLora(loraCheckpoint(c.lora), { scalars: c.lora.scalars })
  return applyLoader(loader, a, resolveLora(a, idx), idx)
}

function corpusCase(id: string): LoaderCase {
  const c = CASES.get(id)
  if (!c) throw new Error(`no corpus case ${id}`)
  return c
}

describe('comfyui profile: names ComfyUI does not map, where the resolver finds every module', () => {
  for (const id of ['wan-diffusers-names', 'wan-bare', 'wan-peft', 'wan-lycoris-prefix', 'wan-diffsynth']) {
    it(`${id}: any loads every module, ComfyUI none ("lora key not loaded")`, () => {
      const c = corpusCase(id)
      const any = under('any', c)
      const comfy = under('comfyui', c)
      expect(any.loadable).toBe(any.modules)
      expect(comfy.loadable).toBe(0)
      expect(comfy.loader).toBe('comfyui')
      for (const r of comfy.results) {
        expect(r.status).toBe('unresolved')
        expect(r.runtimeLoads).toBe(false)
        expect(r.reason).toMatch(/^ComfyUI: lora key not loaded: /)
      }
    })
  }
})

describe('comfyui profile: what ComfyUI converts on load', () => {
  it('kohya Flux names on a diffusers-named Flux base: ComfyUI fuses to_q/to_k/to_v back into qkv and loads all', () => {
    const c = corpusCase('flux-kohya-on-diffusers-base')
    // The resolver links the BFL names to the diffusers ones as well (fused qkv split onto to_q/to_k/to_v).
    expect(under('any', c).loadable).toBe(under('any', c).modules)
    const comfy = under('comfyui', c)
    expect(comfy.loadable).toBe(comfy.modules)
    const qkv = comfy.results.find((r) => r.stem === 'lora_unet_double_blocks_0_img_attn_qkv')!
    expect(qkv.target?.key).toBe('diffusion_model.double_blocks.0.img_attn.qkv.weight')
    expect(qkv.target?.shape).toEqual([192, 64])
    expect(qkv.target?.via).toMatch(/fused on load from .*attn\.to_q\.weight.*to_k.*to_v/)
  })

  it('sgm-named SDXL kohya LoRA on a diffusers-named UNet: every module lands', () => {
    const comfy = under('comfyui', corpusCase('sdxl-kohya-sgm-on-diffusers-base'))
    expect(comfy.loadable).toBe(comfy.modules)
    const attn = comfy.results.find(
      (r) => r.stem === 'lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q'
    )!
    expect(attn.target?.key).toBe('down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_q.weight')
  })

  it('SDXL kohya text-encoder modules: CLIP-G stored as open_clip (fused in_proj) is split on load', () => {
    const c = corpusCase('sdxl-kohya-with-text-encoders')
    const comfy = under('comfyui', c)
    expect(comfy.loadable).toBe(comfy.modules)
    const k = comfy.results.find((r) => r.stem === 'lora_te2_text_model_encoder_layers_1_self_attn_k_proj')!
    expect(k.target).toMatchObject({
      key: 'conditioner.embedders.1.model.transformer.resblocks.1.attn.in_proj_weight',
      slice: { offset: 1280, size: 1280 }
    })
    const fc1 = comfy.results.find((r) => r.stem === 'lora_te2_text_model_encoder_layers_0_mlp_fc1')!
    expect(fc1.target?.key).toBe('conditioner.embedders.1.model.transformer.resblocks.0.mlp.c_fc.weight')
    expect(under('diffusers', c).loadable).toBe(comfy.modules)
  })

  it('Flux linear1_qkv lands on the first 3 * hidden rows of linear1', () => {
    const comfy = under('comfyui', corpusCase('flux-linear1-qkv'))
    expect(comfy.loadable).toBe(3)
    for (const r of comfy.results) {
      expect(r.target?.key).toMatch(/^single_blocks\.\d\.linear1\.weight$/)
      expect(r.target?.slice).toEqual({ offset: 0, size: 192 })
    }
  })

  it('diffusers names on a Flux base land on row slices of the fused weights', () => {
    const comfy = under('comfyui', corpusCase('flux-diffusers-names'))
    expect(comfy.loadable).toBe(comfy.modules)
    const k = comfy.results.find((r) => r.stem === 'transformer.single_transformer_blocks.1.attn.to_k')!
    expect(k.target).toMatchObject({ key: 'single_blocks.1.linear1.weight', slice: { offset: 64, size: 64 } })
  })

  it('Wan Fun lora_unet__ names are folded to lora_unet_ (convert_lora_wan_fun)', () => {
    expect(under('comfyui', corpusCase('wan-fun-double-underscore')).loadable).toBe(20)
  })
})

describe('comfyui profile: SD attention-processor layouts', () => {
  it('old `.lora.down` diffusers LoRA: only the non-attention modules load', () => {
    const comfy = under('comfyui', corpusCase('sd15-dot-lora'))
    const loaded = comfy.results.filter((r) => r.status === 'ok').map((r) => r.path)
    expect(loaded.length).toBe(5)
    for (const p of loaded) expect(p).not.toMatch(/attn[12]\.to_/)
    // No name table: the attention units are placed by structure, the resnet by the step it shares with them.
    expect(under('any', corpusCase('sd15-dot-lora')).loadable).toBe(19)
  })

  it('unet. + lora_A/B: attention projections need processor names, the rest loads', () => {
    const comfy = under('comfyui', corpusCase('sdxl-unet-peft'))
    for (const r of comfy.results) expect(r.status === 'ok').toBe(!/attn[12]\.to_/.test(r.path))
  })

  it('processor-named legacy LoRA loads fully; the key map has the processor forms', () => {
    expect(under('comfyui', corpusCase('sdxl-legacy-processor')).counts.unresolved).toBe(0)
    const km = buildKeyMap(indexOf('sd15'))
    expect(
      km.stems.get('unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.processor.to_out')?.weight.path
    ).toBe('input_blocks.1.1.transformer_blocks.0.attn1.to_out.0')
    expect(km.stems.get('lora_te_text_model_encoder_layers_1_mlp_fc2')?.component).toBe('text-encoder')
  })
})

describe('comfyui profile: broken files', () => {
  it('a lora_up without its lora_down fails the whole file with the KeyError ComfyUI raises', () => {
    const c = corpusCase('broken-missing-down')
    expect(under('any', c).loadable).toBe(19)
    const comfy = under('comfyui', c)
    expect(comfy.fileError).toBe("KeyError: 'lora_unet_blocks_0_self_attn_k.lora_down.weight'")
    expect(comfy.loadable).toBe(0)
    expect(comfy.causes).toEqual([{ cause: 'ComfyUI: the whole file fails to load', modules: 20 }])
  })

  it('a lora_down without its lora_up: that module is not loaded, the rest is', () => {
    const comfy = under('comfyui', corpusCase('broken-missing-up'))
    expect(comfy.fileError).toBeUndefined()
    expect(comfy.loadable).toBe(19)
    const lone = comfy.results.find((r) => r.stem === 'lora_unet_blocks_1_ffn_2')!
    expect(lone.reason).toMatch(/lora key not loaded.*reads no \.lora_down\.weight/)
  })

  it('a transposed ff delta with the right element count: ComfyUI merges it, reported as loaded and broken', () => {
    const comfy = under('comfyui', corpusCase('broken-transposed-ff'))
    const ff = comfy.results.find((r) => r.path === 'transformer_blocks.0.ff.net.0.proj')!
    expect(ff.status).toBe('shape-mismatch')
    expect(ff.runtimeLoads).toBe(true)
    expect(ff.reason).toMatch(/it loads, and it is broken/)
    expect(comfy.loadable).toBe(comfy.modules - 1)
  })

  it('a weight named twice: the stem later in the key map wins, the other is silently replaced', () => {
    const comfy = under('comfyui', corpusCase('broken-named-twice'))
    const replaced = comfy.results.filter((r) => r.status !== 'ok')
    expect(replaced.map((r) => r.stem).sort()).toEqual([
      'lora_unet_blocks_0_self_attn_k',
      'lora_unet_blocks_0_self_attn_q'
    ])
    expect(replaced[0]!.reason).toMatch(
      /silently replaced: diffusion_model\.blocks\.0\.self_attn\.[qk] patches the same weight/
    )
  })

  it("a wider model's LoRA: the keys are read, the delta does not fit and is not merged", () => {
    const comfy = under('comfyui', corpusCase('wan-14b-on-1.3b'))
    expect(comfy.counts['shape-mismatch']).toBe(comfy.modules)
    for (const r of comfy.results) {
      expect(r.runtimeLoads).toBe(false)
      expect(r.reason).toMatch(
        /^ComfyUI: ERROR lora .* is invalid for the delta \(in-dim (?:128 vs 64|256 vs 128)/
      )
    }
  })

  it('PEFT DoRA magnitudes: the LoRA pair loads, the magnitude keys are "not loaded"', () => {
    const comfy = under('comfyui', corpusCase('wan-peft-dora'))
    expect(comfy.loadable).toBe(comfy.modules)
    expect(comfy.results[0]!.reason).toMatch(/ignores its \.lora_magnitude_vector/)
    expect(comfy.loaderNotes?.[0]).toMatch(/ComfyUI ignores \.lora_magnitude_vector keys \(20 modules\)/)
  })
})

describe('diffusers profile', () => {
  it('musubi Wan LoRA: converted (_convert_musubi_wan_lora_to_diffusers) and loaded', () => {
    const d = under('diffusers', corpusCase('wan-kohya'))
    expect(d.fileError).toBeUndefined()
    expect(d.loadable).toBe(d.modules)
    expect(d.loaderNotes?.[0]).toMatch(/_convert_musubi_wan_lora_to_diffusers/)
  })

  it('musubi converter indexes every block module: a partial LoRA is a KeyError', () => {
    const wan = targetsOf(corpusBase('wan').tensors, /^blocks\.\d+\.self_attn\.[qkvo]$/)
    const d = under('diffusers', { base: 'wan', lora: kohyaLora(wan, { alpha: 4 }) })
    expect(d.fileError).toBe("KeyError: 'blocks_0_cross_attn_q.lora_down.weight'")
    expect(d.loadable).toBe(0)
  })

  it('diffusers names load, ComfyUI names are converted, keys without transformer. are ignored', () => {
    expect(under('diffusers', corpusCase('wan-diffusers-names')).loadable).toBe(20)
    expect(under('diffusers', corpusCase('wan-comfy-ab')).loadable).toBe(20)
    const bare = under('diffusers', corpusCase('wan-bare'))
    expect(bare.loadable).toBe(0)
    expect(bare.results[0]!.reason).toMatch(/keeps only keys prefixed `transformer\.`/)
  })

  it('LyCORIS LoHa on a Wan pipeline: "Invalid LoRA checkpoint" for keys without "lora"', () => {
    expect(under('diffusers', corpusCase('wan-lycoris-prefix')).fileError).toMatch(
      /^ValueError: Invalid LoRA checkpoint/
    )
  })

  it('SD: unet. PEFT attention modules load (PEFT names, not processor names); sgm kohya names on SD 1.x do not', () => {
    expect(under('diffusers', corpusCase('sdxl-unet-peft')).loadable).toBe(20)
    expect(under('diffusers', corpusCase('sdxl-kohya-sgm')).loadable).toBe(20)
    expect(under('diffusers', corpusCase('sd15-kohya-sgm')).fileError).toMatch(/Target modules not found/)
    expect(under('diffusers', corpusCase('sd15-text-encoder-peft')).loadable).toBe(12)
  })

  it('a size mismatch fails the whole file (PEFT load_state_dict)', () => {
    const d = under('diffusers', corpusCase('broken-transposed-ff'))
    expect(d.fileError).toMatch(
      /^RuntimeError: Error\(s\) in loading state_dict: size mismatch for transformer_blocks\.0\.ff\.net\.0\.proj/
    )
  })

  it('XLabs Flux LoRA: ComfyUI loads none of it, diffusers converts it (single blocks land on linear1 rows)', () => {
    const fx: LoraFixture = {
      tensors: [
        { name: 'double_blocks.0.processor.qkv_lora1.down.weight', shape: [4, 64], dtype: 'BF16' },
        { name: 'double_blocks.0.processor.qkv_lora1.up.weight', shape: [192, 4], dtype: 'BF16' },
        { name: 'single_blocks.0.processor.qkv_lora.down.weight', shape: [4, 64], dtype: 'BF16' },
        { name: 'single_blocks.0.processor.qkv_lora.up.weight', shape: [192, 4], dtype: 'BF16' }
      ],
      scalars: new Map(),
      metadata: {}
    }
    const comfy = under('comfyui', { base: 'flux', lora: fx })
    expect(comfy.loadable).toBe(0)
    expect(comfy.loaderNotes?.[0]).toMatch(
      /^ComfyUI: lora key not loaded: double_blocks\.0\.processor\.qkv_lora1/
    )
    const d = under('diffusers', { base: 'flux', lora: fx })
    expect(d.fileError).toBeUndefined()
    expect(d.results[0]).toMatchObject({
      status: 'ok',
      target: { key: 'single_blocks.0.linear1.weight', slice: { offset: 0, size: 192 } }
    })
    expect(d.loaderNotes).toContain(
      'diffusers converts 2 XLabs double-block keys (processor.*_lora1/2) that model-compat does not count as modules'
    )
  })

  it("Flux kohya: converted on full-size Flux.1 in either naming; other sizes trip the converter's fixed split", () => {
    for (const id of ['flux-kohya-full-size', 'flux-kohya-full-size-on-diffusers-base']) {
      const d = under('diffusers', corpusCase(id))
      expect(d.fileError).toBeUndefined()
      expect(d.loadable).toBe(d.modules)
    }
    expect(under('diffusers', corpusCase('flux-kohya')).fileError).toBe(
      'AssertionError: sum(dims) == up_weight.shape[0]'
    )
  })

  it('Wan DoRA files: the converters leave dora_scale / magnitude keys over (dora_scale is dropped only after)', () => {
    expect(under('diffusers', corpusCase('wan-dora')).fileError).toMatch(
      /^ValueError: `state_dict` should be empty/
    )
    expect(under('diffusers', corpusCase('wan-peft-dora')).fileError).toMatch(/lora_magnitude_vector/)
  })

  it('Flux raw PEFT (base_model.model.) selects the fal Kontext converter, which expects full Flux.1', () => {
    expect(under('diffusers', corpusCase('flux-peft')).fileError).toBe(
      "KeyError: 'base_model.model.double_blocks.0.img_mod.lin.lora_A.weight'"
    )
  })
})

describe('bases a runtime has no model for', () => {
  it('LongCat-Video: neither ComfyUI core nor diffusers loads it, whatever the LoRA', () => {
    const base = expandModel('longcat-video')
    const fx = longcatLora(targetsOf(base, LONGCAT_CFG_STEP).slice(0, 6))
    const idx = buildBaseIndex(specCheckpoint(base))
    const a = analyzeLora(loraCheckpoint(fx), { scalars: fx.scalars })
    const any = resolveLora(a, idx)
    expect(any.loadable).toBe(6)
    expect(applyLoader('comfyui', a, any, idx).fileError).toMatch(/^ComfyUI core has no LongCat-Video model/)
    const d = applyLoader('diffusers', a, any, idx)
    expect(d.fileError).toBe('diffusers has no LongCat-Video pipeline')
    expect(d.loadable).toBe(0)
  })
})

describe('profiles on the whole corpus', () => {
  it('every resolution keeps the schema invariants: counts add up, ok modules load, failures have a cause, not-checked ones none', () => {
    for (const c of CASES.values()) {
      for (const loader of ['comfyui', 'diffusers'] as const) {
        const r = under(loader, c)
        const total =
          r.counts.ok +
          r.counts.unresolved +
          r.counts['shape-mismatch'] +
          r.counts.unsupported +
          r.counts['not-checked']
        expect(total).toBe(r.modules)
        expect(r.checked).toBe(r.modules - r.counts['not-checked'])
        expect(r.loadable).toBe(r.counts.ok)
        for (const m of r.results) {
          if (m.status === 'ok') {
            expect(m.runtimeLoads).toBe(true)
            expect(m.target).toBeDefined()
            expect(m.cause).toBeUndefined()
          } else if (m.status === 'not-checked') {
            expect(m.cause).toBeUndefined()
            expect(m.runtimeLoads).toBeUndefined()
            expect(m.reason).toMatch(/not checked$/)
          } else {
            expect(m.cause).toBeDefined()
            expect(m.reason).toBeDefined()
          }
        }
        if (r.fileError) expect(r.loadable).toBe(0)
      }
    }
  })

  it('every resolution of every corpus case is a valid lora-report (schemas/lora.schema.json)', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/lora.schema.json', import.meta.url), 'utf8')
    )
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    for (const c of CASES.values()) {
      const idx = indexOf(c.base)
      const a = analyzeLora(loraCheckpoint(c.lora), { scalars: c.lora.scalars })
      const any = resolveLora(a, idx)
      const resolutions = [applyLoader('comfyui', a, any, idx), applyLoader('diffusers', a, any, idx)]
      for (const r of resolutions) {
        const doc = buildLoraReport({ tool: TOOL, analyses: [a], resolutions: [r] })
        if (!validate(doc))
          throw new Error(`${c.id} ${r.loader}: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
      }
    }
  })

  it('the any loader is the resolver itself', () => {
    const c = corpusCase('wan-kohya')
    const idx = indexOf(c.base)
    const a = analyzeLora(loraCheckpoint(c.lora), { scalars: c.lora.scalars })
    const r = resolveLora(a, idx)
    expect(applyLoader('any', a, r, idx)).toBe(r)
  })
})
