/**
 * A text encoder's file alone as the base (ComfyUI keeps `clip_l`, `clip_g` and `t5xxl` files apart from the
 * diffusion model): read as the text encoder the LoRA's modules fit, whichever slot that is; the LoRA's modules for
 * the denoiser or another text encoder patch files this base is not, so they are not checked.
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import {
  clipTextTargets,
  kohyaLora,
  loraCheckpoint,
  mergeFixtures,
  type Target
} from '../../fixtures/lora.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../../src/lora/index.js'
import { wordResolution } from '../../src/report/lora-reasons.js'
import { applyLoader } from '../../src/lora/loaders/index.js'

/** Target tensors as a base's weights (with biases), under `prefix`. */
function weights(targets: Target[], prefix = ''): SpecTensor[] {
  return targets.flatMap((t) => [
    { name: `${prefix}${t.path}.weight`, shape: [...t.shape], dtype: 'BF16' },
    { name: `${prefix}${t.path}.bias`, shape: [t.shape[0]!], dtype: 'BF16' }
  ])
}

/** A CLIP text model file as transformers writes it (`text_model.` keys), `width` wide. */
function clipFile(width: number): SpecTensor[] {
  return [
    { name: 'text_model.embeddings.token_embedding.weight', shape: [49408, width], dtype: 'BF16' },
    { name: 'text_model.embeddings.position_embedding.weight', shape: [77, width], dtype: 'BF16' },
    ...weights(clipTextTargets(2, width)),
    { name: 'text_model.final_layer_norm.weight', shape: [width], dtype: 'BF16' }
  ]
}

const unetTargets: Target[] = [{ path: 'input_blocks.1.1.proj_in', shape: [320, 320] }]
const sdxlLora = mergeFixtures(
  kohyaLora(clipTextTargets(2, 768), { prefix: 'lora_te1_' }),
  kohyaLora(clipTextTargets(2, 1280), { prefix: 'lora_te2_' }),
  kohyaLora(unetTargets)
)
const resolve = (base: SpecTensor[], fx = sdxlLora) =>
  wordResolution(resolveLora(analyzeLora(loraCheckpoint(fx)), specCheckpoint(base, 'te.safetensors')))

describe('a text encoder file alone as the base', () => {
  it('is recognised by its keys alone (transformers CLIP and T5, open_clip), never a denoiser', () => {
    expect(buildBaseIndex(specCheckpoint(clipFile(768))).textEncoderAlone).toBe(true)
    const t5: SpecTensor[] = [
      { name: 'shared.weight', shape: [32128, 64], dtype: 'BF16' },
      { name: 'encoder.block.0.layer.0.SelfAttention.q.weight', shape: [64, 64], dtype: 'BF16' },
      { name: 'encoder.block.0.layer.1.DenseReluDense.wi_0.weight', shape: [128, 64], dtype: 'BF16' },
      { name: 'encoder.final_layer_norm.weight', shape: [64], dtype: 'BF16' }
    ]
    expect(buildBaseIndex(specCheckpoint(t5)).textEncoderAlone).toBe(true)
    const openClip: SpecTensor[] = [
      { name: 'token_embedding.weight', shape: [49408, 64], dtype: 'BF16' },
      { name: 'positional_embedding', shape: [77, 64], dtype: 'BF16' },
      { name: 'transformer.resblocks.0.attn.in_proj_weight', shape: [192, 64], dtype: 'BF16' },
      { name: 'transformer.resblocks.0.attn.in_proj_bias', shape: [192], dtype: 'BF16' },
      { name: 'ln_final.weight', shape: [64], dtype: 'BF16' },
      { name: 'text_projection', shape: [64, 64], dtype: 'BF16' }
    ]
    expect(buildBaseIndex(specCheckpoint(openClip)).textEncoderAlone).toBe(true)
    // whatever family the analysis names a text encoder's file (T5, CLIP), the base has no denoiser family a LoRA's
    // modules could contradict
    for (const te of [clipFile(768), t5, openClip])
      expect(buildBaseIndex(specCheckpoint(te)).family).toBeNull()
    // a UNet, or a CLIP under a checkpoint's component prefix (a text encoder of a pipeline), is not
    expect(buildBaseIndex(specCheckpoint(weights(unetTargets))).textEncoderAlone).toBeUndefined()
    const prefixed = clipFile(768).map((t) => ({
      ...t,
      name: `conditioner.embedders.0.transformer.${t.name}`
    }))
    expect(buildBaseIndex(specCheckpoint(prefixed)).textEncoderAlone).toBeUndefined()
  })

  it('CLIP-L alone: the te1 modules are checked and load; te2 and the UNet modules are not checked', () => {
    const r = resolve(clipFile(768))
    const te1 = clipTextTargets(2, 768).length
    expect(r).toMatchObject({ checked: te1, loadable: te1, loadablePercent: 100 })
    expect(r.counts['not-checked']).toBe(clipTextTargets(2, 1280).length + unetTargets.length)
    expect(r.results.find((x) => x.stem.startsWith('lora_te2_'))!.reason).toBe(
      "text-encoder module (lora_te2_); the base is one text encoder alone, read as text encoder 1 (the one the LoRA's modules fit): not checked"
    )
    expect(r.results.find((x) => x.stem.startsWith('lora_unet_'))!.reason).toBe(
      'denoiser module; the base is a text encoder alone: not checked'
    )
    expect(r.causes).toEqual([])
    // the runtime profiles say where each goes
    const a = analyzeLora(loraCheckpoint(sdxlLora))
    const idx = buildBaseIndex(specCheckpoint(clipFile(768), 'te.safetensors'))
    const comfy = applyLoader('comfyui', a, resolveLora(a, idx), idx)
    expect(comfy.results.find((x) => x.stem.startsWith('lora_unet_'))!.reason).toBe(
      'ComfyUI loads it into the diffusion model, a file the base does not include: not checked'
    )
    expect(comfy.results.find((x) => x.stem.startsWith('lora_te2_'))!.reason).toBe(
      'ComfyUI loads it into its text encoder, a file the base does not include: not checked'
    )
  })

  it('CLIP-G alone: read as the second text encoder, which the te2 modules fit', () => {
    const r = resolve(clipFile(1280))
    expect(r).toMatchObject({ checked: clipTextTargets(2, 1280).length, loadablePercent: 100 })
    expect(r.results.find((x) => x.stem.startsWith('lora_te2_'))!.status).toBe('ok')
    expect(r.results.find((x) => x.stem.startsWith('lora_te1_'))!.status).toBe('not-checked')
  })

  it('T5 alone: a kohya T5 module (Flux trains it as lora_te2_) resolves on transformers names', () => {
    const t5: SpecTensor[] = [
      { name: 'shared.weight', shape: [32128, 64], dtype: 'BF16' },
      ...['q', 'k', 'v', 'o'].map((p) => ({
        name: `encoder.block.0.layer.0.SelfAttention.${p}.weight`,
        shape: [64, 64],
        dtype: 'BF16'
      })),
      { name: 'encoder.final_layer_norm.weight', shape: [64], dtype: 'BF16' }
    ]
    const fx = kohyaLora(
      ['q', 'k', 'v', 'o'].map((p) => ({
        path: `encoder.block.0.layer.0.SelfAttention.${p}`,
        shape: [64, 64]
      })),
      { prefix: 'lora_te2_' }
    )
    const r = resolve(t5, fx)
    expect(r).toMatchObject({ modules: 4, checked: 4, loadable: 4 })
    expect(r.results[0]!.target!.key).toMatch(/^encoder\.block\.0\.layer\.0\.SelfAttention\.[qkvo]\.weight$/)
  })

  it('a text-encoder LoRA of another width fails on it as a shape mismatch, not as missing', () => {
    const r = resolve(clipFile(1024), kohyaLora(clipTextTargets(2, 768), { prefix: 'lora_te1_' }))
    expect(r.counts['shape-mismatch']).toBe(r.modules)
    expect(r.checked).toBe(r.modules)
  })
})
