/**
 * The one family detector (src/names/families.ts) on whole checkpoints and on LoRAs (a partial key set with the
 * implied weight shapes). SD 1.x, 2.x and SDXL share names and widths: only shapes tell them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  auraFlowDiffusersKeys,
  fluxDiffusersKeys,
  sd3Keys,
  sdxlDiffusersUnetKeys
} from '../../fixtures/family-keys.js'
import { sd15UnetKeys } from '../../fixtures/loaders/bases.js'
import { dottedLora, kohyaLora, loraCheckpoint, targetsOf, type Target } from '../../fixtures/lora.js'
import { expandModel, type SpecTensor } from '../../fixtures/specs.js'
import { analyzeLora } from '../../src/lora/index.js'
import { SGM_TO_DIFFUSERS } from '../../src/lora/loaders/runtime-names.js'
import { detectFamily, identifyFamilies } from '../../src/names/families.js'
import { stripModelPrefixes } from '../../src/names/prefixes.js'

const layers = (ts: readonly SpecTensor[], strip = '') =>
  ts.map((t) => ({ path: t.name.startsWith(strip) ? t.name.slice(strip.length) : t.name, shape: t.shape }))
const whole = (ts: readonly SpecTensor[], strip = '') => identifyFamilies(layers(ts, strip))[0]?.match
const loraFamily = (targets: Target[], dotted = false) =>
  analyzeLora(loraCheckpoint(dotted ? dottedLora(targets, { prefix: 'unet.' }) : kohyaLora(targets))).family

/** diffusers names of an LDM UNet, through ComfyUI's sgm -> diffusers table (the loader model's). */
function diffusersNames(ts: readonly SpecTensor[]): SpecTensor[] {
  const out: SpecTensor[] = []
  for (const t of ts) {
    if (!t.name.endsWith('.weight')) continue
    const path = t.name.slice(0, -'.weight'.length)
    const alias = SGM_TO_DIFFUSERS.names(path, t.shape)[0]
    if (alias) out.push({ ...t, name: `${alias.path}.weight` })
  }
  return out
}

const ATTN = /transformer_blocks\.\d+\.attn[12]\.to_[qkv]$/
const sd15 = sd15UnetKeys()
const sd2 = sd15UnetKeys({ sd2: true })
const sdxl = expandModel('sdxl-base-1.0', { prefix: 'model.diffusion_model.' })

describe('Stable Diffusion UNets by shape', () => {
  it.each([
    ['SD 1.5', sd15, 'sd1'],
    ['SD 2.x', sd2, 'sd2'],
    ['SDXL', sdxl, 'sdxl']
  ] as const)('%s checkpoint in LDM names', (_, tensors, id) => {
    const m = whole(tensors, 'model.diffusion_model.')
    expect(m).toMatchObject({ id, confidence: 'high', naming: expect.stringMatching(/LDM/) })
    expect(m?.evidence.join('\n')).toMatch(/attn2\.to_k in-dim (768|1024|2048)/)
  })

  it('diffusers names: SD 1.5 and SDXL', () => {
    expect(whole(diffusersNames(sd15))).toMatchObject({
      id: 'sd1',
      naming: expect.stringMatching(/diffusers/)
    })
    expect(whole(sdxlDiffusersUnetKeys({ depth: [0, 2, 3], midDepth: 2 }))).toMatchObject({ id: 'sdxl' })
  })

  it('an SD1.5 LoRA is not reported as SDXL (kohya and diffusers names), an SDXL LoRA is', () => {
    expect(loraFamily(targetsOf(sd15, ATTN))).toBe('sd1')
    expect(loraFamily(targetsOf(diffusersNames(sd15), ATTN), true)).toBe('sd1-diffusers')
    expect(loraFamily(targetsOf(sd2, ATTN))).toBe('sd2')
    expect(loraFamily(targetsOf(sdxl, ATTN, { stripPrefix: 'model.diffusion_model.' }))).toBe('sdxl')
  })

  it('without the cross-attention shapes the layout decides: attention at the first level is SD 1.x / 2.x', () => {
    const selfOnly = /transformer_blocks\.\d+\.attn1\.to_[qkv]$/
    const sd = detectFamily(
      layers(targetsOf(sd15, selfOnly).map((t) => ({ name: t.path, shape: t.shape, dtype: 'F16' })))
    )
    expect(sd?.match).toMatchObject({ id: 'sd1', confidence: 'low' })
    const xl = targetsOf(sdxl, selfOnly, { stripPrefix: 'model.diffusion_model.' })
    expect(detectFamily(xl.map((t) => ({ path: t.path, shape: t.shape })))?.match).toMatchObject({
      id: 'sdxl'
    })
    // A 768 context on the SDXL layout: the shapes disagree, the confidence says so.
    const odd = detectFamily([
      ...xl.map((t) => ({ path: t.path, shape: t.shape })),
      { path: 'output_blocks.0.1.transformer_blocks.0.attn2.to_k', shape: [1280, 768] }
    ])
    expect(odd?.match).toMatchObject({ id: 'sd1', confidence: 'medium' })
    expect(odd?.match.evidence.join('\n')).toMatch(/layout says sdxl/)
  })
})

describe('DiT and video families', () => {
  it.each([
    ['flux.1-dev', 'flux', 'dev'],
    ['wan2.1-t2v-1.3b', 'wan', 't2v-1.3b'],
    ['longcat-video', 'longcat-video', null],
    ['hunyuanvideo-t2v (HYVideo-T/2-cfgdistill, original naming)', 'hunyuan-video', null]
  ] as const)('%s checkpoint', (model, id, variant) => {
    expect(whole(expandModel(model))).toMatchObject({ id, variant, confidence: 'high' })
  })

  it('SD3 and Flux in diffusers names', () => {
    expect(whole(sd3Keys({ depth: 4 }))).toMatchObject({ id: 'sd3' })
    const flux = identifyFamilies(layers(fluxDiffusersKeys({ hidden: 256, double: 19, single: 38 })))[0]
    expect(flux).toMatchObject({ match: { id: 'flux' }, diffusers: true })
  })

  it('LoRAs: the block-name signature with the naming', () => {
    const flux = targetsOf(expandModel('flux.1-dev'), /^double_blocks\.\d+\.img_attn\.qkv$/)
    expect(loraFamily(flux)).toBe('flux')
    const wan = targetsOf(expandModel('wan2.1-t2v-1.3b'), /^blocks\.\d+\.self_attn\.[qkv]$/)
    expect(loraFamily(wan)).toBe('wan')
    const wanD = targetsOf(expandModel('wan2.1-t2v-1.3b-diffusers'), /^blocks\.\d+\.attn1\.to_[qkv]$/)
    expect(loraFamily(wanD)).toBe('wan-diffusers')
    const longcat = targetsOf(expandModel('longcat-video'), /^blocks\.\d+\.attn\.qkv$/)
    expect(loraFamily(longcat)).toBe('longcat-video')
  })

  it('different networks are different families', () => {
    const ids = [
      whole(expandModel('flux.1-dev'))?.id,
      whole(sd3Keys({ depth: 4 }))?.id,
      whole(expandModel('wan2.1-t2v-1.3b'))?.id,
      whole(expandModel('longcat-video'))?.id,
      whole(expandModel('hunyuanvideo-t2v (HYVideo-T/2-cfgdistill, original naming)'))?.id,
      whole(sd15)?.id,
      whole(sdxl, 'model.diffusion_model.')?.id
    ]
    expect(new Set(ids).size).toBe(ids.length)
  })
})

/** The family the detector reads from a calibration pair's side (its keys.json, model prefixes stripped). */
function pairFamily(dir: string, pair: string, side: 'A' | 'B') {
  const keys = JSON.parse(readFileSync(join(dir, pair, `${side}.keys.json`), 'utf8')) as Record<
    string,
    { shape: number[] }
  >
  const names = Object.keys(keys)
  const stripped = stripModelPrefixes(names)
  return detectFamily(names.map((k, i) => ({ path: stripped[i]!, shape: keys[k]!.shape })))?.match
}

describe('both namings of one network are one family (the calibration pairs)', () => {
  const root = join(process.cwd(), 'fixtures', 'mapping-pairs', 'pairs')
  const familyOf = (pair: string, side: 'A' | 'B') => pairFamily(root, pair, side)?.id ?? null

  it.each([
    ['flux_dev', 'flux'],
    ['hunyuan_video', 'hunyuan-video'],
    ['ltx_video', 'ltx-video'],
    ['sd15_unet', 'sd1'],
    ['sd21_unet', 'sd2'],
    ['sdxl_unet', 'sdxl'],
    ['sd3_medium', 'sd3'],
    ['sd35_medium', 'sd3'],
    ['wan21_1_3b', 'wan'],
    ['wan21_i2v_14b', 'wan'],
    ['wan21_vace_1_3b', 'wan'],
    ['chroma', 'flux'],
    ['z_image_turbo', 'z-image'],
    ['lumina2', 'lumina2'],
    ['hunyuan_video15', 'hunyuan-video-1.5'],
    ['cogview4', 'cogview4'],
    ['sana_1600m', 'sana'],
    ['umt5_xxl_wan', 'umt5'],
    ['t5xxl_hf_gguf', 't5'],
    ['sdxl_clip_g', 'clip-text'],
    ['sd21_openclip_h', 'clip-text'],
    ['dit_xl2', 'dit'],
    ['sd15_controlnet', 'sd1']
  ])('%s: %s in both namings', (pair, id) => {
    expect([familyOf(pair, 'A'), familyOf(pair, 'B')]).toEqual([id, id])
  })

  it('HunyuanVideo 1.5 (54 double blocks, 2048 wide) is not called Flux by its block names', () => {
    expect([familyOf('hunyuan_video15', 'A'), familyOf('hunyuan_video15', 'B')]).not.toContain('flux')
  })

  it('names the model, not only the family: Chroma is not Flux.1-schnell, VACE not T2V, in either naming', () => {
    const nameOf = (pair: string, side: 'A' | 'B') => {
      const m = pairFamily(root, pair, side)
      return `${m?.name} (${m?.confidence})`
    }
    for (const side of ['A', 'B'] as const) {
      expect(nameOf('chroma', side)).toBe('Chroma (Flux-derived) (high)')
      expect(nameOf('wan21_vace_1_3b', side)).toBe('Wan2.1 VACE-1.3B (high)')
      expect(nameOf('z_image_turbo', side)).toBe('Z-Image (6B) (high)')
      expect(nameOf('lumina2', side)).toBe('Lumina-Image 2.0 (high)')
      expect(nameOf('hunyuan_video15', side)).toBe('HunyuanVideo 1.5 (high)')
      expect(nameOf('cogview4', side)).toBe('CogView4-6B (high)')
      // text encoders by their own names and sizes
      expect(nameOf('umt5_xxl_wan', side)).toBe('UMT5-XXL encoder (high)')
      expect(nameOf('t5xxl_hf_gguf', side)).toBe('T5 v1.1 XXL encoder (high)')
      expect(nameOf('sdxl_clip_g', side)).toBe('OpenCLIP ViT-bigG/14 text encoder (high)')
      expect(nameOf('sd21_openclip_h', side)).toBe('OpenCLIP ViT-H/14 text encoder (high)')
      expect(nameOf('dit_xl2', side)).toBe('DiT-XL/2 (high)')
    }
    // a ControlNet is named as one, with its UNet's version
    expect(nameOf('sd15_controlnet', 'B')).toBe('Stable Diffusion 1.x ControlNet (high)')
    // the LDM ControlNet under its own `control_model.` prefix too
    expect(nameOf('sd15_controlnet', 'A')).toBe('Stable Diffusion 1.x ControlNet (high)')
    // a UNet with a ControlNet beside it (a ControlLDM checkpoint) has the decoder half: the UNet
    const unet = JSON.parse(readFileSync(join(root, 'sd15_unet', 'A.keys.json'), 'utf8')) as Record<
      string,
      { shape: number[] }
    >
    const layers = Object.entries(unet).map(([k, v]) => ({
      path: k.replace(/^model\.diffusion_model\./, ''),
      shape: v.shape
    }))
    layers.push({ path: 'control_model.input_hint_block.0.weight', shape: [16, 3, 3, 3] })
    expect(detectFamily(layers)?.match.name).toBe('Stable Diffusion 1.x (UNet)')
    expect(nameOf('sd15_unet', 'B')).toBe('Stable Diffusion 1.x (UNet) (high)')
  })

  it('no pair is split across two families', () => {
    for (const pair of readdirSync(root)) {
      if (!existsSync(join(root, pair, 'A.keys.json'))) continue
      const a = familyOf(pair, 'A')
      const b = familyOf(pair, 'B')
      if (a !== null && b !== null) expect(`${pair}: ${a}`).toBe(`${pair}: ${b}`)
    }
  })
})

describe('MMDiT joint blocks in diffusers names', () => {
  const onlyJoint = (ts: readonly { name: string; shape: number[] }[]) =>
    ts
      .filter((t) => /^transformer_blocks\.\d+\.attn\.(?:to_[qkv]|add_[qkv]_proj)\.weight$/.test(t.name))
      .map((t) => ({ path: t.name.slice(0, -'.weight'.length), shape: t.shape }))

  it('a Flux-wide partial set is Flux; an SD3 one (1536 wide, no single blocks) is not claimed for Flux', () => {
    expect(detectFamily(onlyJoint(fluxDiffusersKeys({ double: 2, single: 1 })))?.match.id).toBe('flux')
    const root = join(process.cwd(), 'fixtures', 'mapping-pairs', 'pairs', 'sd3_medium', 'B.keys.json')
    const sd3 = JSON.parse(readFileSync(root, 'utf8')) as Record<string, { shape: number[] }>
    const joint = onlyJoint(Object.entries(sd3).map(([name, v]) => ({ name, shape: v.shape })))
    expect(joint.length).toBeGreaterThan(0)
    expect(detectFamily(joint)).toBeNull()
  })

  it('AuraFlow in diffusers names (sequential single blocks) is not claimed for Flux; Flux single blocks are', () => {
    const aura = auraFlowDiffusersKeys()
      .filter((t) => t.name.endsWith('.weight'))
      .map((t) => ({ path: t.name.slice(0, -'.weight'.length), shape: t.shape }))
    expect(detectFamily(aura)).toBeNull()
    // A LoRA on AuraFlow's single-block feed-forward alone says the same.
    expect(detectFamily(aura.filter((l) => /^single_transformer_blocks\.\d+\.ff\./.test(l.path)))).toBeNull()
    // Flux's single blocks (parallel: proj_mlp beside the attention, one proj_out) stay Flux, alone or whole.
    const flux = fluxDiffusersKeys({ double: 2, single: 2 }).map((t) => ({
      path: t.name.replace(/\.(?:weight|bias)$/, ''),
      shape: t.shape
    }))
    expect(detectFamily(flux.filter((l) => l.path.startsWith('single_transformer_blocks.')))?.match.id).toBe(
      'flux'
    )
    expect(detectFamily(flux)?.match.id).toBe('flux')
  })

  it('PixArt-style attention names (Sana 1600M, 2240 wide) are not claimed for LongCat-Video', () => {
    const root = join(process.cwd(), 'fixtures', 'mapping-pairs', 'pairs', 'sana_1600m', 'A.keys.json')
    const keys = JSON.parse(readFileSync(root, 'utf8')) as Record<string, { shape: number[] }>
    const attn = Object.entries(keys)
      .filter(([k]) => /^blocks\.\d+\.(?:attn\.qkv|cross_attn\.(?:q|kv)_linear)\.weight$/.test(k))
      .map(([k, v]) => ({ path: k.slice(0, -'.weight'.length), shape: v.shape }))
    expect(attn.length).toBeGreaterThan(0)
    expect(detectFamily(attn)).toBeNull()
  })
})

describe('families of one code base told apart by structure', () => {
  const sat = (patch: number[], width: number, layers: number) => [
    { path: 'mixins.patch_embed.proj.weight', shape: patch },
    ...Array.from({ length: layers }, (_, i) => ({
      path: `layers.${i}.attention.query_key_value.weight`,
      shape: [3 * width, width]
    }))
  ]

  it('a convolutional patch embedding is CogVideoX, a linear one CogView4', () => {
    expect(detectFamily(sat([3072, 16, 2, 2], 3072, 42))?.match).toMatchObject({
      id: 'cogvideox',
      name: 'CogVideoX-5B'
    })
    expect(detectFamily(sat([4096, 64], 4096, 28))?.match).toMatchObject({
      id: 'cogview4',
      name: 'CogView4-6B'
    })
    expect(detectFamily(sat([2048, 64], 2048, 12))?.match).toMatchObject({
      id: 'cogview4',
      name: 'CogView4-like architecture',
      confidence: 'medium'
    })
  })

  it('NextDiT at sizes no released model has is the NextDiT family at medium confidence', () => {
    const block = (series: string, i: number, w: number) => [
      { path: `${series}.${i}.attention.qkv.weight`, shape: [3 * w, w] },
      { path: `${series}.${i}.ffn_norm1.weight`, shape: [w] }
    ]
    const keys = [
      ...block('noise_refiner', 0, 512),
      ...block('context_refiner', 0, 512),
      ...[0, 1, 2].flatMap((i) => block('layers', i, 512))
    ]
    expect(detectFamily(keys)?.match).toMatchObject({ id: 'nextdit', confidence: 'medium' })
    // without the refiners it is no NextDiT
    expect(detectFamily(keys.filter((k) => k.path.startsWith('layers.')))?.match.id).not.toBe('nextdit')
  })
})

describe('the shared pairs (gen_pairs.py): PixArt-Σ, AuraFlow, Mochi in both namings', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mc-families-'))
    const gen = join(process.cwd(), 'fixtures', 'mapping-pairs', 'gen_pairs.py')
    const r = spawnSync(
      'python3',
      [gen, '--pairs', 'pixart_sigma,auraflow,mochi_1', '--json-dir', dir, '--no-safetensors'],
      {
        encoding: 'utf8'
      }
    )
    if (r.status !== 0) throw new Error(r.stderr)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    ['pixart_sigma', 'pixart', 'PixArt-α / PixArt-Σ (XL/2)'],
    ['auraflow', 'auraflow', 'AuraFlow'],
    ['mochi_1', 'mochi', 'Mochi 1']
  ])('%s: %s', (pair, id, name) => {
    for (const side of ['A', 'B'] as const) {
      const m = pairFamily(dir, pair, side)
      expect(m).toMatchObject({ id, name, confidence: 'high' })
    }
  })

  it("PixArt's cross attention names are not Wan's: a LoRA on them is of no known family", () => {
    const keys = JSON.parse(readFileSync(join(dir, 'pixart_sigma', 'A.keys.json'), 'utf8')) as Record<
      string,
      { shape: number[] }
    >
    const lora = Object.entries(keys)
      .filter(([k]) => /^blocks\.\d+\.(?:attn\.proj|cross_attn\.proj|mlp\.fc[12])\.weight$/.test(k))
      .map(([k, v]) => ({ path: k.slice(0, -'.weight'.length), shape: v.shape }))
    expect(lora.length).toBeGreaterThan(0)
    expect(detectFamily(lora)).toBeNull()
  })
})
