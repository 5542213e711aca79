import { describe, expect, it } from '@jest/globals'
import { expandModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import {
  LONGCAT_CFG_STEP,
  LONGCAT_REFINEMENT,
  clipTextTargets,
  dottedLora,
  fluxDiffusersTargets,
  fullDiffLora,
  ia3Lora,
  kohyaLora,
  legacyDiffusersLora,
  lohaLora,
  lokrLora,
  longcatLora,
  loraCheckpoint,
  mergeFixtures,
  targetTensors,
  targetsOf,
  type LoraFixture,
  type Target
} from '../../fixtures/lora.js'
import {
  analyzeLora,
  buildBaseIndex,
  resolveLora as resolveLoraTyped,
  type LoraResolution
} from '../../src/lora/index.js'
import { wordResolution } from '../../src/report/lora-reasons.js'
import { renderLoraResolution } from '../../src/report/lora-console.js'
import { SGM_TO_DIFFUSERS } from '../../src/lora/loaders/runtime-names.js'
import { applyLoader } from '../../src/lora/loaders/index.js'

/** The resolution with its reasons worded, as the CLI and the gate give it. */
const resolveLora = (...args: Parameters<typeof resolveLoraTyped>) =>
  wordResolution(resolveLoraTyped(...args))

const wan14 = expandModel('wan2.1-t2v-14b')
const wan13 = expandModel('wan2.1-t2v-1.3b')
const wanI2v = expandModel('wan2.1-i2v-14b')
const wan22I2v = expandModel('wan2.2-i2v-a14b')
const wan14Diffusers = expandModel('wan2.1-t2v-14b-diffusers')
const wanI2vDiffusers = expandModel('wan2.1-i2v-14b-diffusers')
const longcat = expandModel('longcat-video')
const flux = expandModel('flux.1-dev')
const sdxl = expandModel('sdxl-base-1.0')

const WAN_LINEARS =
  /^blocks\.\d+\.(?:self_attn|cross_attn)\.(?:q|k|v|o|k_img|v_img)$|^blocks\.\d+\.ffn\.[02]$/

function resolve(fx: LoraFixture, base: SpecTensor[], basePath = 'base.safetensors'): LoraResolution {
  return resolveLora(analyzeLora(loraCheckpoint(fx), { scalars: fx.scalars }), specCheckpoint(base, basePath))
}

/** Every module resolves, and lands on exactly the expected base key (`expected(path)` from the fixture target). */
function expectAllLand(r: LoraResolution, targets: Target[], expected: (t: Target) => string): void {
  expect(r.counts).toEqual({
    ok: targets.length,
    unresolved: 0,
    'shape-mismatch': 0,
    unsupported: 0,
    'not-checked': 0
  })
  expect(r.loadablePercent).toBe(100)
  const byKey = new Map(r.results.map((x) => [x.target!.key, x]))
  for (const t of targets) {
    const hit = byKey.get(expected(t))
    expect(hit).toBeDefined()
    expect(hit!.target!.shape).toEqual(t.shape)
  }
}

describe('resolution lands every module on the right base key (Wan2.1)', () => {
  const targets = targetsOf(wan14, WAN_LINEARS)

  it('kohya underscore names against the real dotted names, with and without base prefix', () => {
    expectAllLand(resolve(kohyaLora(targets, { alpha: 4 }), wan14), targets, (t) => `${t.path}.weight`)
    const prefixed = expandModel('wan2.1-t2v-14b', { prefix: 'model.diffusion_model.' })
    const r = resolve(kohyaLora(targets), prefixed)
    expectAllLand(r, targets, (t) => `model.diffusion_model.${t.path}.weight`)
    expect(r.results[0]!.target!.via).toBe('underscore')
  })

  it('VideoX-Fun double underscore, ComfyUI/musubi dotted, PEFT and DiffSynth .default. forms', () => {
    const key = (t: Target) => `${t.path}.weight`
    expectAllLand(resolve(kohyaLora(targets, { prefix: 'lora_unet__' }), wan14), targets, key)
    expectAllLand(resolve(dottedLora(targets, { prefix: 'diffusion_model.' }), wan14), targets, key)
    expectAllLand(
      resolve(dottedLora(targets, { prefix: 'diffusion_model.', style: 'down-up', alpha: 4 }), wan14),
      targets,
      key
    )
    expectAllLand(resolve(dottedLora(targets, { prefix: 'base_model.model.' }), wan14), targets, key)
    expectAllLand(resolve(dottedLora(targets, { adapter: 'default' }), wan14), targets, key)
    // ai-toolkit Wan2.2 A14B combined file: both experts land on the one expert base given.
    const experts = mergeFixtures(
      dottedLora(targets.slice(0, 5), { prefix: 'diffusion_model.transformer_1.' }),
      dottedLora(targets.slice(0, 5), { prefix: 'diffusion_model.transformer_2.' })
    )
    const both = resolve(experts, expandModel('wan2.2-t2v-a14b'))
    expect(both.counts.ok).toBe(10)
    expect(both.results[5]!.target!.key).toBe(`${targets[0]!.path}.weight`)
  })

  it('diffusers-named LoRA on the original-named base, and original-named LoRA on a diffusers base', () => {
    // The correspondence of key-formats.md §1.4, written out independently of the resolver's alias table.
    const toOriginal: Record<string, string> = {
      'attn1.to_q': 'self_attn.q',
      'attn1.to_k': 'self_attn.k',
      'attn1.to_v': 'self_attn.v',
      'attn1.to_out.0': 'self_attn.o',
      'attn2.to_q': 'cross_attn.q',
      'attn2.to_k': 'cross_attn.k',
      'attn2.to_v': 'cross_attn.v',
      'attn2.to_out.0': 'cross_attn.o',
      'attn2.add_k_proj': 'cross_attn.k_img',
      'attn2.add_v_proj': 'cross_attn.v_img',
      'ffn.net.0.proj': 'ffn.0',
      'ffn.net.2': 'ffn.2'
    }
    const original = (p: string) =>
      p.replace(/^(blocks\.\d+)\.(.+)$/, (_m, b: string, rest: string) => `${b}.${toOriginal[rest]}`)
    const diffTargets = targetsOf(
      wanI2vDiffusers,
      /^blocks\.\d+\.(?:attn[12]\.(?:to_[qkv]|to_out\.0|add_[kv]_proj)|ffn\.net\.(?:0\.proj|2))$/
    )
    expect(diffTargets.length).toBe(40 * 12)
    const r = resolve(dottedLora(diffTargets, { prefix: 'transformer.' }), wanI2v)
    expectAllLand(r, diffTargets, (t) => `${original(t.path)}.weight`)
    // No name table: the correspondence engine links the names (structure, roles and shapes).
    expect(r.results[0]!.target!.via).toBe('correspondence engine (rename)')

    const back = resolve(dottedLora(targets, { prefix: 'diffusion_model.' }), wan14Diffusers)
    const toDiffusers = Object.fromEntries(Object.entries(toOriginal).map(([d, o]) => [o, d]))
    expectAllLand(back, targets, (t) =>
      t.path.replace(
        /^(blocks\.\d+)\.(.+)$/,
        (_m, b: string, rest: string) => `${b}.${toDiffusers[rest]}.weight`
      )
    )
  })

  // Without name maps, only the correspondence engine can link diffusers names to the original ones.
  const engineOnly = (): { r: LoraResolution; diff: Target[] } => {
    const diff = targetsOf(
      wan14Diffusers,
      /^blocks\.[0-3]\.(?:attn[12]\.(?:to_[qkv]|to_out\.0)|ffn\.net\.(?:0\.proj|2))$/
    )
    const a = analyzeLora(loraCheckpoint(dottedLora(diff, { prefix: 'transformer.' })))
    return { r: resolveLora(a, buildBaseIndex(specCheckpoint(wan14))), diff }
  }
  const toOriginal: Record<string, string> = {
    'attn1.to_q': 'self_attn.q',
    'attn1.to_k': 'self_attn.k',
    'attn1.to_v': 'self_attn.v',
    'attn1.to_out.0': 'self_attn.o',
    'attn2.to_q': 'cross_attn.q',
    'attn2.to_k': 'cross_attn.k',
    'attn2.to_v': 'cross_attn.v',
    'attn2.to_out.0': 'cross_attn.o',
    'ffn.net.0.proj': 'ffn.0',
    'ffn.net.2': 'ffn.2'
  }

  it('without name maps, what the engine links is right; the rest stays unresolved with nearest keys', () => {
    const { r } = engineOnly()
    for (const x of r.results) {
      const [, b, rest] = /^(blocks\.\d+)\.(.+)$/.exec(x.path)!
      if (x.target)
        expect({ path: x.path, key: x.target.key }).toEqual({
          path: x.path,
          key: `${b}.${toOriginal[rest!]}.weight`
        })
      else expect(x.nearest!.length).toBeGreaterThan(0)
    }
  })

  it('without name maps, the engine resolves every diffusers name on the original base', () => {
    const { r, diff } = engineOnly()
    expect(r.counts.ok).toBe(diff.length)
  })

  it('LyCORIS LoHa / LoKr / IA3, full diffs with bias deltas, DoRA scales', () => {
    const key = (t: Target) => `${t.path}.weight`
    const some = targets.slice(0, 20)
    expectAllLand(resolve(lohaLora(some, { rank: 8 }), wan14), some, key)
    expectAllLand(resolve(lokrLora(some), wan14), some, key)
    expectAllLand(resolve(ia3Lora(some), wan14), some, key)
    expectAllLand(resolve(fullDiffLora(some), wan14), some, key)
    expectAllLand(resolve(kohyaLora(some, { dora: true }), wan14), some, key)
    expectAllLand(
      resolve(dottedLora(some, { prefix: 'diffusion_model.', magnitude: true, bias: true }), wan14),
      some,
      key
    )
    // A DoRA magnitude of the wrong width is caught even when down/up fit.
    const bad = dottedLora(some.slice(0, 1), { prefix: 'diffusion_model.', magnitude: true })
    bad.tensors[2]!.shape = [1536]
    expect(resolve(bad, wan14).results[0]!.expected).toBe('lora_magnitude_vector [1536] vs out 5120')
  })

  it('lightx2v modulation deltas land on the bare block parameter', () => {
    const fx: LoraFixture = {
      tensors: [
        { name: 'diffusion_model.blocks.0.diff_m', shape: [1, 6, 5120], dtype: 'BF16' },
        { name: 'diffusion_model.blocks.1.self_attn.q.diff_b', shape: [5120], dtype: 'BF16' }
      ],
      scalars: new Map(),
      metadata: {}
    }
    const r = resolve(fx, wan14)
    expect(r.counts.ok).toBe(2)
    expect(r.results.map((x) => x.target!.key).sort()).toEqual([
      'blocks.0.modulation',
      'blocks.1.self_attn.q.bias'
    ])
    const wrong = resolve(
      { ...fx, tensors: [{ name: 'diffusion_model.blocks.0.diff_m', shape: [1, 6, 1536], dtype: 'BF16' }] },
      wan14
    )
    expect(wrong.counts['shape-mismatch']).toBe(1)
    expect(wrong.results[0]!.expected).toBe('diff [1, 6, 1536] vs base [1, 6, 5120]')
  })
})

describe('fused and split targets', () => {
  it('LongCat own format: split up blocks against fused qkv / kv_linear / adaLN (cfg_step and refinement)', () => {
    for (const re of [LONGCAT_CFG_STEP, LONGCAT_REFINEMENT]) {
      const targets = targetsOf(longcat, re)
      const r = resolve(longcatLora(targets, { rank: 128 }), longcat)
      expectAllLand(r, targets, (t) => `${t.path}.weight`)
    }
  })

  it('LongCat split layout with the wrong chunk count is a shape mismatch', () => {
    const targets = targetsOf(longcat, /^blocks\.0\.attn\.qkv$/)
    const r = resolve(longcatLora(targets, { split: () => 2 }), longcat)
    // 2 blocks of 12288/2 rows each still sum to 12288 rows: the layout is valid for the fused weight.
    expect(r.counts.ok).toBe(1)
    const wrongDim = resolve(longcatLora([{ path: 'blocks.0.attn.qkv', shape: [3 * 5120, 5120] }]), longcat)
    expect(wrongDim.results[0]).toMatchObject({
      status: 'shape-mismatch',
      expected: 'in-dim 5120 vs 4096; out-dim 15360 vs 12288'
    })
  })

  it('separate q/k/v LoRAs (diffusers-style and Wan-style names) on a fused LongCat qkv / kv_linear land as row slices', () => {
    for (const [q, k, v] of [
      ['to_q', 'to_k', 'to_v'],
      ['q', 'k', 'v']
    ] as const) {
      const split: Target[] = [
        `self_attn.${q}`,
        `self_attn.${k}`,
        `self_attn.${v}`,
        `cross_attn.${k}`,
        `cross_attn.${v}`
      ].flatMap((p) => [3, 4].map((b) => ({ path: `blocks.${b}.${p}`, shape: [4096, 4096] })))
      const r = resolve(dottedLora(split, { prefix: 'diffusion_model.' }), longcat)
      expect(r.counts.ok).toBe(split.length)
      const byPath = new Map(r.results.map((x) => [x.path, x.target!]))
      expect(byPath.get(`blocks.3.self_attn.${q}`)).toMatchObject({
        key: 'blocks.3.attn.qkv.weight',
        slice: { offset: 0, size: 4096 }
      })
      expect(byPath.get(`blocks.3.self_attn.${v}`)).toMatchObject({
        key: 'blocks.3.attn.qkv.weight',
        slice: { offset: 8192, size: 4096 }
      })
      expect(byPath.get(`blocks.4.cross_attn.${v}`)).toMatchObject({
        key: 'blocks.4.cross_attn.kv_linear.weight',
        slice: { offset: 4096, size: 4096 }
      })
    }
  })

  it('one part of a fused projection alone (a LoRA that trains only q) lands on its own equal share of the rows', () => {
    const cases: [string, string, number][] = [
      ['self_attn.q', 'blocks.3.attn.qkv.weight', 0],
      ['self_attn.k', 'blocks.3.attn.qkv.weight', 4096],
      ['self_attn.v', 'blocks.3.attn.qkv.weight', 8192],
      ['cross_attn.k', 'blocks.3.cross_attn.kv_linear.weight', 0],
      ['cross_attn.v', 'blocks.3.cross_attn.kv_linear.weight', 4096]
    ]
    for (const [part, key, offset] of cases)
      for (const make of [
        (t: Target[]) => kohyaLora(t),
        (t: Target[]) => dottedLora(t, { prefix: 'diffusion_model.' })
      ]) {
        const r = resolve(make([{ path: `blocks.3.${part}`, shape: [4096, 4096] }]), longcat)
        expect({ part, counts: r.counts }).toMatchObject({ part, counts: { ok: 1 } })
        expect({ part, target: r.results[0]!.target }).toMatchObject({
          part,
          target: { key, slice: { offset, size: 4096 } }
        })
      }
    // The cross attention's lone q beside the self attention's fused qkv in the same block is its own q_linear.
    const r = resolve(dottedLora([{ path: 'blocks.3.cross_attn.q', shape: [4096, 4096] }]), longcat)
    expect(r.results[0]!.targets?.map((t) => [t.key, t.slice ?? null])).toEqual([
      ['blocks.3.cross_attn.q_linear.weight', null]
    ])
  })

  it('a lone layer whose name says no q / k / v is never squeezed into a share of a fused qkv', () => {
    for (const path of ['blocks.3.self_attn.gate', 'blocks.3.attn.extra', 'blocks.3.self_attn.out']) {
      const r = resolve(dottedLora([{ path, shape: [4096, 4096] }], { prefix: 'diffusion_model.' }), longcat)
      const keys = r.results.flatMap((x) => (x.targets ?? []).map((t) => t.key))
      expect({ path, keys: keys.filter((k) => /qkv|kv_linear/.test(k)) }).toEqual({ path, keys: [] })
    }
    // q alone of an unequal fused linear (Flux's linear1 = q|k|v|mlp): no equal share tells its rows.
    const r = resolve(
      dottedLora([{ path: 'single_transformer_blocks.5.attn.to_q', shape: [3072, 3072] }], {
        prefix: 'transformer.'
      }),
      flux
    )
    expect(r.results[0]!.status).not.toBe('ok')
  })

  it('Flux: kohya on the fused BFL names; diffusers q/k/v and proj_mlp as slices of qkv / linear1', () => {
    const bfl = targetsOf(
      flux,
      /^(?:double_blocks\.\d+\.(?:img|txt)_(?:attn\.(?:qkv|proj)|mlp\.[02]|mod\.lin)|single_blocks\.\d+\.(?:linear[12]|modulation\.lin))$/
    )
    expectAllLand(resolve(kohyaLora(bfl, { alpha: 4 }), flux), bfl, (t) => `${t.path}.weight`)

    const diff = fluxDiffusersTargets(19, 38)
    const r = resolve(dottedLora(diff, { prefix: 'transformer.' }), flux)
    expect(r.counts).toMatchObject({ ok: diff.length, unresolved: 0 })
    const byPath = new Map(r.results.map((x) => [x.path, x.target!]))
    expect(byPath.get('transformer_blocks.0.attn.add_k_proj')).toMatchObject({
      key: 'double_blocks.0.txt_attn.qkv.weight',
      shape: [9216, 3072],
      slice: { offset: 3072, size: 3072 }
    })
    expect(byPath.get('single_transformer_blocks.5.proj_mlp')).toMatchObject({
      key: 'single_blocks.5.linear1.weight',
      slice: { offset: 9216, size: 12288 }
    })
    expect(byPath.get('single_transformer_blocks.5.proj_out')).toMatchObject({
      key: 'single_blocks.5.linear2.weight',
      shape: [3072, 15360]
    })
  })
})

describe('SDXL UNet and text encoders', () => {
  const unet = expandModel('sdxl-base-1.0', { prefix: 'model.diffusion_model.' })
  const attn = targetsOf(sdxl, /transformer_blocks\.\d+\.attn[12]\.to_[qkv]$/)
  const convs = targetsOf(sdxl, /^(?:input|output)_blocks\.\d+\.0\.(?:in|out)_layers\.[23]$/, { conv: true })

  it('kohya sgm names and LoCon conv LoRAs land on the UNet (conv [out, in, 3, 3])', () => {
    expect(convs.length).toBeGreaterThan(10)
    expect(convs[0]!.shape).toHaveLength(4)
    const all = [...attn, ...convs]
    expectAllLand(
      resolve(kohyaLora(all, { alpha: 1 }), unet),
      all,
      (t) => `model.diffusion_model.${t.path}.weight`
    )
    const k = attn.find((t) => t.path.endsWith('attn2.to_k'))!
    expect(k.shape).toEqual([640, 2048])
  })

  it('text-encoder modules: not checked on a UNet-only base, resolved when the checkpoint carries CLIP-L', () => {
    const te = clipTextTargets(2)
    const fx = mergeFixtures(kohyaLora(te, { prefix: 'lora_te1_' }), kohyaLora(attn.slice(0, 6)))
    // The UNet file alone (as ComfyUI loads the diffusion model and the text encoders from separate files): the
    // text-encoder modules land in a file this base is not, so they neither load nor fail here.
    const unetOnly = resolve(fx, unet)
    expect(unetOnly.counts).toMatchObject({ ok: 6, unresolved: 0, 'not-checked': te.length })
    expect(unetOnly).toMatchObject({ modules: 6 + te.length, checked: 6, loadable: 6, loadablePercent: 100 })
    expect(unetOnly.causes).toEqual([])
    const teResult = unetOnly.results.find((x) => x.stem.startsWith('lora_te1_'))!
    expect(teResult.status).toBe('not-checked')
    expect(teResult.reason).toBe(
      'text-encoder module (lora_te1_); the base is the denoiser alone (transformer-only): not checked'
    )
    for (const loader of ['comfyui', 'diffusers'] as const) {
      const p = applyLoader(
        loader,
        analyzeLora(loraCheckpoint(fx)),
        unetOnly,
        buildBaseIndex(specCheckpoint(unet))
      )
      expect(p).toMatchObject({ checked: 6, loadable: 6, counts: { 'not-checked': te.length } })
      expect(p.results.find((x) => x.stem.startsWith('lora_te1_'))!.reason).toMatch(/not checked$/)
    }
    // The text encoder's modules alone: diffusers hands them to the text encoder's adapter, so the denoiser's PEFT
    // call has no target to miss (no "Target modules not found" for the file).
    const teAnalysis = analyzeLora(loraCheckpoint(kohyaLora(te, { prefix: 'lora_te1_' })))
    const teAny = resolveLoraTyped(teAnalysis, specCheckpoint(unet))
    const d = applyLoader('diffusers', teAnalysis, teAny, buildBaseIndex(specCheckpoint(unet)))
    expect(d.fileError).toBeUndefined()
    expect(d).toMatchObject({ modules: te.length, checked: 0, loadable: 0 })

    const full = [...unet, ...targetTensors(te, 'conditioner.embedders.0.transformer.')]
    const r = resolve(fx, full)
    expect(r.loadablePercent).toBe(100)
    // A base that holds a text encoder, but not the one a module patches: no counterpart there, a failure.
    const te2 = mergeFixtures(kohyaLora(te, { prefix: 'lora_te2_' }), kohyaLora(attn.slice(0, 6)))
    expect(resolve(te2, full).counts).toMatchObject({ ok: 6, unresolved: te.length, 'not-checked': 0 })
    expect(r.results.find((x) => x.path === 'text_model_encoder_layers_1_mlp_fc2')!.target!.key).toBe(
      'conditioner.embedders.0.transformer.text_model.encoder.layers.1.mlp.fc2.weight'
    )
  })

  /** SDXL UNet layers in diffusers names, with the sgm key each is (ComfyUI's unet_to_diffusers: the truth only). */
  function diffusersUnet(re: RegExp): { targets: Target[]; sgm: Map<string, string> } {
    const targets: Target[] = []
    const sgm = new Map<string, string>()
    for (const t of targetsOf(sdxl, re, { conv: true })) {
      const d = SGM_TO_DIFFUSERS.names(t.path, t.shape)[0]
      if (!d) continue
      targets.push({ path: d.path, shape: t.shape })
      sgm.set(d.path, t.path)
    }
    return { targets, sgm }
  }

  it('a diffusers-named SDXL LoRA (kohya and PEFT) lands on the sgm base with no name table', () => {
    // Every attention projection, FFN, proj_in/out, resnet conv, time projection and sampler: what a LoCon trains.
    const { targets, sgm } = diffusersUnet(
      /(?:in_layers\.2|out_layers\.3|emb_layers\.1|skip_connection|\.op|\.conv|transformer_blocks\.\d+\.(?:attn[12]\.(?:to_[qkv]|to_out\.0)|ff\.net\.(?:0\.proj|2))|\.1\.proj_(?:in|out))$/
    )
    expect(targets.length).toBeGreaterThan(700)
    for (const fx of [kohyaLora(targets), dottedLora(targets, { prefix: 'unet.' })]) {
      expectAllLand(resolve(fx, unet), targets, (t) => `model.diffusion_model.${sgm.get(t.path)}.weight`)
    }
  })

  it('a LoRA that trains some attention units: the levels both layouts name alike and their containers place it', () => {
    const { targets, sgm } = diffusersUnet(
      /^input_blocks\.[45]\.1\.(?:proj_in|transformer_blocks\.0\.(?:attn[12]\.to_[qkv]|attn1\.to_out\.0|ff\.net\.2))$/
    )
    expect(targets.length).toBe(18)
    expectAllLand(
      resolve(kohyaLora(targets), unet),
      targets,
      (t) => `model.diffusion_model.${sgm.get(t.path)}.weight`
    )
  })

  it('scattered single modules the structure cannot place stay unresolved, never land on a wrong key', () => {
    const { targets } = diffusersUnet(
      /^(?:input_blocks\.5\.1\.transformer_blocks\.1\.attn2\.to_k|input_blocks\.4\.0\.skip_connection|middle_block\.2\.emb_layers\.1|output_blocks\.8\.0\.in_layers\.2)$/
    )
    expect(targets.length).toBe(4)
    const r = resolve(kohyaLora(targets), unet)
    expect(r.counts.ok).toBe(0)
    for (const x of r.results) expect(x.target).toBeUndefined()
  })

  it('an SD1.x LoRA on an SDXL base does not load', () => {
    // SD1.5: cross-attention context 768, and attention at level 0, which SDXL does not have.
    const sd15: Target[] = [
      { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k', shape: [640, 768] },
      { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_v', shape: [640, 768] },
      { path: 'down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q', shape: [320, 320] }
    ]
    const r = resolve(kohyaLora(sd15), unet)
    // Its 768-wide cross attention has no counterpart among SDXL's layers: nothing lands, and the cause says why.
    expect(r.counts).toMatchObject({ ok: 0, unresolved: 3 })
    for (const x of r.results) expect(x.target).toBeUndefined()
    expect(r.causes[0]).toMatchObject({
      cause: 'SD1.x LoRA on SDXL base: text context 768 vs 2048',
      modules: 3
    })
  })

  it('legacy diffusers attention-processor LoRA against diffusers UNet names', () => {
    const targets: Target[] = [
      { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_q', shape: [640, 640] },
      { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k', shape: [640, 2048] },
      { path: 'down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_out.0', shape: [640, 640] }
    ]
    // A diffusers folder: every key carries its component prefix (`unet.`).
    const base = specCheckpoint(targetTensors(targets, 'unet.'), 'sdxl-diffusers')
    base.format = 'diffusers'
    base.components = [
      {
        name: 'unet',
        className: ['diffusers', 'UNet2DConditionModel'],
        path: 'unet',
        format: 'safetensors',
        tensorCount: 3
      }
    ]
    const fx = legacyDiffusersLora(targets)
    const r = resolveLora(analyzeLora(loraCheckpoint(fx)), base)
    expectAllLand(r, targets, (t) => `unet.${t.path}.weight`)
  })
})

describe('realistic failures', () => {
  it('a 14B LoRA on the 1.3B base: shape mismatches with the size named, extra blocks unresolved', () => {
    const targets = targetsOf(wan14, WAN_LINEARS)
    const r = resolve(kohyaLora(targets), wan13)
    expect(r.loadable).toBe(0)
    // 10 linears per block (self q/k/v/o, cross q/k/v/o, ffn.0/2): 30 blocks exist in 1.3B, 10 more do not.
    expect(r.counts).toEqual({
      ok: 0,
      unresolved: 10 * 10,
      'shape-mismatch': 30 * 10,
      unsupported: 0,
      'not-checked': 0
    })
    expect(r.causes[0]).toMatchObject({
      cause: 'Wan 14B LoRA on Wan 1.3B base: in-dim 5120 vs 1536',
      modules: 300
    })
    expect(r.causes[1]!.cause).toBe("blocks beyond the base's depth (base has blocks 0-29)")
    const ffn = r.results.find((x) => x.path === 'blocks_10_ffn_0')!
    expect(ffn).toMatchObject({
      status: 'shape-mismatch',
      expected: 'in-dim 5120 vs 1536; out-dim 13824 vs 8960'
    })
    expect(ffn.target!.shape).toEqual([8960, 1536])
    const deep = r.results.find((x) => x.path === 'blocks_35_self_attn_q')!
    expect(deep.reason).toBe('block blocks.35 does not exist: the base has blocks 0-29')
    expect(deep.nearest![0]).toMatchObject({
      key: 'blocks.0.self_attn.q.weight',
      why: 'same layer, but block 35 is not in the base'
    })
  })

  it('Wan2.1 I2V LoRA (k_img / v_img / img_emb) on T2V and on Wan2.2 I2V', () => {
    const targets = targetsOf(wanI2v, /^blocks\.[0-1]\.cross_attn\.(?:k|k_img|v_img)$|^img_emb\.proj\.[13]$/)
    for (const base of [wan14, wan22I2v]) {
      const r = resolve(dottedLora(targets, { prefix: 'diffusion_model.', style: 'down-up', alpha: 4 }), base)
      expect(r.counts).toMatchObject({ ok: 2, unresolved: targets.length - 2 })
      const kImg = r.results.find((x) => x.path === 'blocks.0.cross_attn.k_img')!
      expect(kImg.reason).toMatch(/^I2V-only module/)
      expect(kImg.nearest!.map((n) => n.key)).toContain('blocks.0.cross_attn.k.weight')
      expect(r.causes[0]!.cause).toBe(
        'I2V-only modules (k_img/v_img/img_emb) on a base without the image branch'
      )
    }
    const ok = resolve(dottedLora(targets, { prefix: 'diffusion_model.' }), wanI2v)
    expect(ok.loadablePercent).toBe(100)
  })

  it("a Flux LoRA's modulation modules on Chroma (Flux's blocks without modulation layers)", () => {
    // Chroma: Flux's blocks, every modulation layer replaced by one network that computes them
    const chroma: SpecTensor[] = [
      ...flux.filter(
        (t) =>
          !/(?:^|\.)(?:img_mod|txt_mod|modulation|adaLN_modulation)\.|^(?:time_in|vector_in|guidance_in)\./.test(
            t.name
          )
      ),
      { name: 'distilled_guidance_layer.in_proj.weight', shape: [5120, 64], dtype: 'BF16' }
    ]
    const targets = targetsOf(
      flux,
      /^double_blocks\.[01]\.(?:img_attn\.qkv|img_mod\.lin|txt_mod\.lin)$|^single_blocks\.0\.modulation\.lin$/
    )
    const r = resolve(kohyaLora(targets), chroma)
    // the base is named as the model it is (its family id stays Flux's, so the LoRA's family is no other)
    expect([r.baseFamily, r.baseModel]).toEqual(['flux', 'Chroma'])
    expect(renderLoraResolution(r, { color: false })).toContain('(Chroma, Flux-derived)')
    expect(resolve(kohyaLora(targets), flux).baseModel).toBeUndefined()
    expect(r.counts).toMatchObject({ ok: 2, unresolved: targets.length - 2 })
    const mod = r.results.find((x) => x.path === 'double_blocks_0_img_mod_lin')!
    expect(mod.why).toEqual({ kind: 'no-modulation' })
    expect(mod.reason).toMatch(/^modulation \(adaLN\) module; the base has no modulation layers at all/)
    expect(r.causes).toMatchObject([{ why: { kind: 'no-modulation' }, modules: targets.length - 2 }])
    // on Flux itself they load; on a base with modulation layers a missing one is an ordinary missing name
    expect(resolve(kohyaLora(targets), flux).loadablePercent).toBe(100)
    const noSingleMod = flux.filter((t) => !t.name.startsWith('single_blocks.0.modulation.'))
    const missing = resolve(kohyaLora(targets), noSingleMod).results.find(
      (x) => x.path === 'single_blocks_0_modulation_lin'
    )!
    expect(missing.why?.kind).toBe('no-base-key')
  })

  it('a LoRA for another architecture (Flux LoRA on a Wan base)', () => {
    const targets = targetsOf(flux, /^double_blocks\.[01]\.img_attn\.(?:qkv|proj)$/)
    const r = resolve(kohyaLora(targets), wan14)
    expect(r.loadable).toBe(0)
    expect(r.baseFamily).toBe('wan')
    expect(r.results[0]!.reason).toBe('LoRA for Flux on a Wan base: no key of that name')
    expect(r.causes).toMatchObject([{ cause: 'LoRA for Flux on a Wan base', modules: targets.length }])
  })

  it('an ambiguous underscore name picks the base key whose shapes fit and lists the other', () => {
    const base: SpecTensor[] = [
      { name: 'a.b_c.weight', shape: [8, 8], dtype: 'F16' },
      { name: 'a_b.c.weight', shape: [16, 16], dtype: 'F16' }
    ]
    const r = resolve(kohyaLora([{ path: 'a_b.c', shape: [16, 16] }]), base)
    expect(r.results[0]).toMatchObject({
      status: 'ok',
      target: { key: 'a_b.c.weight' },
      ambiguous: ['a.b_c.weight']
    })
  })

  it('builds the base index once and resolves against it', () => {
    const index = buildBaseIndex(specCheckpoint(wan14))
    expect(index.family).toBe('wan')
    expect(index.width).toBe(5120)
    expect(index.hasImageBranch).toBe(false)
    const fx = kohyaLora(targetsOf(wan14, /^blocks\.0\.self_attn\.q$/))
    expect(resolveLora(analyzeLora(loraCheckpoint(fx)), index).loadable).toBe(1)
  })
})
