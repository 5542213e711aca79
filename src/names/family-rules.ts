/**
 * The full-model family rules: reference knowledge (docs/reference/key-formats.md §1.5, §2, §4 and the model
 * shapes there) as rules over key names and shapes. Each match names its evidence; a match whose sizes differ from
 * the known configs is kept at a lower confidence ("LongCat-like"), so unknown sizes of a known architecture still
 * show. The UNet rule reads structure only, so it also settles partial key sets (a LoRA's targets).
 */
import { expectSize, result, type FamilyProbe, type LayerIndex } from './family-probe.js'
import {
  auraFlow,
  classDit,
  cogview4,
  hunyuanVideo15,
  mochi,
  nextDit,
  patchEmbedding,
  pixartOrSana
} from './family-rules-dit.js'
import { clipText, hasClipTokenTable, t5Encoder } from './family-rules-text.js'
import type { FamilyConfidence, FamilyRuleResult } from './families.js'
import { UNET_CROSS_K, unetRule } from './family-unet.js'

function wanVariant(
  p: FamilyProbe,
  dim: number,
  inDim: number | undefined,
  image: boolean,
  flf: boolean,
  vace: boolean
): { name: string; variant: string | null; layers?: number; ffn?: number } {
  if (vace) {
    const size = dim === 1536 ? '1.3B' : dim === 5120 ? '14B' : `dim ${dim}`
    return {
      name: `Wan2.1 VACE-${size}`,
      variant: dim === 1536 ? 'vace-1.3b' : dim === 5120 ? 'vace-14b' : null
    }
  }
  if (flf) return { name: 'Wan2.1 FLF2V-14B', variant: 'flf2v-14b', layers: 40, ffn: 13824 }
  if (image) return { name: 'Wan2.1 I2V-14B', variant: 'i2v-14b', layers: 40, ffn: 13824 }
  if (dim === 3072 && inDim === 48)
    return { name: 'Wan2.2 TI2V-5B', variant: 'ti2v-5b', layers: 30, ffn: 14336 }
  if (dim === 5120 && inDim === 36) {
    p.evidence.push('in_dim 36 without a CLIP image branch (img_emb / k_img): the Wan2.2 I2V layout')
    return { name: 'Wan2.2 I2V-A14B expert', variant: 'i2v-a14b', layers: 40, ffn: 13824 }
  }
  if (dim === 5120) {
    return {
      name: 'Wan2.1 T2V-14B (or a Wan2.2 T2V-A14B expert: same keys and shapes)',
      variant: 't2v-14b',
      layers: 40,
      ffn: 13824
    }
  }
  if (dim === 1536) return { name: 'Wan2.1 T2V-1.3B', variant: 't2v-1.3b', layers: 30, ffn: 8960 }
  return { name: `Wan-architecture model (dim ${dim})`, variant: null }
}

function wanOriginal(p: FamilyProbe): FamilyRuleResult | null {
  const mod = p.key('head.modulation')
  const patch = p.key('patch_embedding.weight')
  if (!mod || !patch || !p.blockHas('blocks', 'self_attn.q.weight')) return null
  const dim = mod[mod.length - 1]
  const inDim = patch[1]
  const image =
    p.key('img_emb.proj.0.bias') !== undefined || p.block('blocks', 'cross_attn.k_img.weight') !== undefined
  const flf = p.key('img_emb.emb_pos') !== undefined
  const vace = p.key('vace_patch_embedding.weight') !== undefined
  if (!image) p.evidence.push('no img_emb.* or cross_attn.k_img: no CLIP image branch')
  const v = wanVariant(p, dim, inDim, image, flf, vace)
  const layers = p.blocks('blocks')
  const state = { confidence: 'high' as FamilyConfidence }
  if (v.layers !== undefined) expectSize(p, 'block count', layers, v.layers, state)
  if (v.ffn !== undefined) expectSize(p, 'ffn dim', p.block('blocks', 'ffn.0.weight')?.[0], v.ffn, state)
  if (v.variant === null) state.confidence = 'medium'
  return result(p, 'wan', v.name, v.variant, 'original (Wan repo / ComfyUI)', state.confidence, 128)
}

function wanDiffusers(p: FamilyProbe): FamilyRuleResult | null {
  const sst = p.key('scale_shift_table')
  const time = p.key('condition_embedder.time_embedder.linear_1.weight')
  if (!sst || !time || !p.blockHas('blocks', 'attn1.to_q.weight')) return null
  const dim = sst[sst.length - 1]
  const inDim = p.key('patch_embedding.weight')?.[1]
  const image =
    p.key('condition_embedder.image_embedder.norm1.weight') !== undefined ||
    p.block('blocks', 'attn2.add_k_proj.weight') !== undefined
  const flf = p.key('condition_embedder.image_embedder.pos_embed') !== undefined
  if (!image)
    p.evidence.push('no condition_embedder.image_embedder or attn2.add_k_proj: no CLIP image branch')
  const vace = p.key('vace_patch_embedding.weight') !== undefined
  const v = wanVariant(p, dim, inDim, image, flf, vace)
  const layers = p.blocks('blocks')
  const state = { confidence: 'high' as FamilyConfidence }
  if (v.layers !== undefined) expectSize(p, 'block count', layers, v.layers, state)
  if (v.ffn !== undefined)
    expectSize(p, 'ffn dim', p.block('blocks', 'ffn.net.0.proj.weight')?.[0], v.ffn, state)
  if (v.variant === null) state.confidence = 'medium'
  return result(p, 'wan', v.name, v.variant, 'diffusers (WanTransformer3DModel)', state.confidence, 128)
}

function longcat(p: FamilyProbe): FamilyRuleResult | null {
  const qkv = p.block('blocks', 'attn.qkv.weight')
  const kv = p.block('blocks', 'cross_attn.kv_linear.weight')
  if (!qkv || !kv || !p.key('x_embedder.proj.weight') || !p.key('y_embedder.y_proj.0.weight')) return null
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'hidden size', qkv[1], 4096, state)
  expectSize(p, 'block count', p.blocks('blocks'), 48, state)
  expectSize(p, 'ffn dim', p.block('blocks', 'ffn.w1.weight')?.[0], 11008, state)
  const exact = state.confidence === 'high'
  return result(
    p,
    'longcat-video',
    exact ? 'LongCat-Video' : 'LongCat-Video-like architecture',
    null,
    'original',
    state.confidence,
    128
  )
}

function fluxOrHunyuan(p: FamilyProbe): FamilyRuleResult | null {
  const refiner =
    p.has('txt_in.individual_token_refiner.blocks.0.norm1.weight') ||
    p.count('txt_in.individual_token_refiner.blocks') > 0
  // The underscored index reads `img_attn.qkv` and `img_attn_qkv` alike: the dotted paths tell BFL from Hunyuan.
  const underscoredQkv = p.index.someDotted(/^double_blocks\.\d+\.img_attn_qkv$/)
  const bflQkv = underscoredQkv ? undefined : p.block('double_blocks', 'img_attn.qkv.weight')
  const hyQkv = underscoredQkv ? p.block('double_blocks', 'img_attn_qkv.weight') : undefined
  const linear1 = p.block('single_blocks', 'linear1.weight')
  if (!(bflQkv || hyQkv) || !linear1) return null
  const state = { confidence: 'high' as FamilyConfidence }
  const double = p.blocks('double_blocks')
  const single = p.blocks('single_blocks')
  if (refiner || hyQkv) {
    if (refiner) p.evidence.push('txt_in.individual_token_refiner: the HunyuanVideo text refiner')
    expectSize(p, 'hidden size', linear1[1], 3072, state)
    expectSize(p, 'double blocks', double, 20, state)
    expectSize(p, 'single blocks', single, 40, state)
    const naming = hyQkv ? 'original (HunyuanVideo repo)' : 'ComfyUI (Flux-style names)'
    return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128)
  }
  const hidden = p.key('img_in.weight')?.[0]
  expectSize(p, 'hidden size', hidden, 3072, state)
  expectSize(p, 'double blocks', double, 19, state)
  expectSize(p, 'single blocks', single, 38, state)
  if (chroma(p)) return result(p, 'flux', CHROMA, 'chroma', 'original (BFL / ComfyUI)', state.confidence, 128)
  const guidance = p.key('guidance_in.in_layer.weight') !== undefined
  if (!guidance) p.evidence.push('no guidance_in: not guidance-distilled (schnell)')
  const variant = guidance ? 'dev' : 'schnell'
  return result(p, 'flux', `Flux.1-${variant}`, variant, 'original (BFL / ComfyUI)', state.confidence, 128)
}

const TOKEN_REFINER = /(?:^|_)token_refiner_/

/**
 * Chroma keeps Flux.1-schnell's blocks but drops every modulation layer for one small network that computes them
 * (`distilled_guidance_layer`): the same family for LoRAs (its block names are Flux's), another model by name.
 */
const CHROMA = 'Chroma (Flux-derived)'

function chroma(p: FamilyProbe): boolean {
  if (p.key('distilled_guidance_layer.in_proj.weight') === undefined) return false
  p.evidence.push('distilled_guidance_layer and no modulation layers: Chroma')
  return true
}

function fluxDiffusers(p: FamilyProbe): FamilyRuleResult | null {
  const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight')
  const mlp = p.block('single_transformer_blocks', 'proj_mlp.weight')
  if (!addQ || !mlp) return null
  const state = { confidence: 'high' as FamilyConfidence }
  // HunyuanVideo in diffusers names has the same double / single layout: a 3-D patch convolution (video) or its
  // text token refiner tells it apart.
  const patch = p.key('x_embedder.proj.weight')
  const refiner = p.index.some(TOKEN_REFINER)
  if ((patch && patch.length === 5) || refiner) {
    if (patch?.length === 5) p.evidence.push('x_embedder.proj is a 3-D convolution: a video model')
    if (refiner) p.evidence.push('context_embedder.token_refiner: the HunyuanVideo text refiner')
    expectSize(p, 'hidden size', addQ[1], 3072, state)
    expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 20, state)
    expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 40, state)
    const naming = 'diffusers (HunyuanVideoTransformer3DModel)'
    return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128)
  }
  expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 19, state)
  expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 38, state)
  if (chroma(p))
    return result(p, 'flux', CHROMA, 'chroma', 'diffusers (ChromaTransformer2DModel)', state.confidence, 128)
  const guidance = p.key('time_text_embed.guidance_embedder.linear_1.weight') !== undefined
  const variant = guidance ? 'dev' : 'schnell'
  return result(
    p,
    'flux',
    `Flux.1-${variant}`,
    variant,
    'diffusers (FluxTransformer2DModel)',
    state.confidence,
    128
  )
}

function qwenImage(p: FamilyProbe): FamilyRuleResult | null {
  const mod = p.block('transformer_blocks', 'img_mod.1.weight')
  const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight')
  const txtNorm = p.key('txt_norm.weight')
  if (!mod || !addQ || !txtNorm) return null
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'hidden size', addQ[1], 3072, state)
  expectSize(p, 'block count', p.blocks('transformer_blocks'), 60, state)
  return result(p, 'qwen-image', 'Qwen-Image', null, 'diffusers / ComfyUI', state.confidence, 128)
}

function sd3(p: FamilyProbe): FamilyRuleResult | null {
  const qkv = p.block('joint_blocks', 'x_block.attn.qkv.weight')
  if (!qkv) return null
  const depth = p.blocks('joint_blocks')
  const lnQ = p.block('joint_blocks', 'x_block.attn.ln_q.weight') !== undefined
  const attn2 = p.block('joint_blocks', 'x_block.attn2.qkv.weight') !== undefined
  const state = { confidence: 'medium' as FamilyConfidence }
  p.evidence.push(
    `hidden ${qkv[1]} = 64 x depth ${depth}: ${qkv[1] === 64 * depth ? 'yes' : 'no'} (sizes unverified)`
  )
  const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3'
  return result(
    p,
    'sd3',
    `${name} (MMDiT)`,
    attn2 ? '3.5-medium' : lnQ ? '3.5' : '3',
    'original (SAI / ComfyUI)',
    state.confidence,
    64
  )
}

/**
 * SD3 / SD3.5 in diffusers names (SD3Transformer2DModel): joint blocks with an added (context) stream, a 2-D patch
 * convolution and no single blocks (Flux's single blocks, AuraFlow's linear patch embedding tell those apart).
 */
function sd3Diffusers(p: FamilyProbe): FamilyRuleResult | null {
  const addQ = p.blockShape('transformer_blocks', 'attn.add_q_proj.weight')
  const patch = p.key('pos_embed.proj.weight')
  if (!addQ || !patch || patch.length !== 4 || p.count('single_transformer_blocks') > 0) return null
  if (!p.key('context_embedder.weight')) return null
  p.block('transformer_blocks', 'attn.add_q_proj.weight')
  p.evidence.push(
    'pos_embed.proj is a 2-D patch convolution and there are no single blocks: the SD3 MMDiT layout'
  )
  const depth = p.blocks('transformer_blocks')
  const hidden = patch[0]!
  const lnQ = p.blockHas('transformer_blocks', 'attn.norm_q.weight')
  const attn2 = p.blockHas('transformer_blocks', 'attn2.to_q.weight')
  p.evidence.push(
    `hidden ${hidden} = 64 x depth ${depth}: ${hidden === 64 * depth ? 'yes' : 'no'} (sizes unverified)`
  )
  const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3'
  const variant = attn2 ? '3.5-medium' : lnQ ? '3.5' : '3'
  return result(p, 'sd3', `${name} (MMDiT)`, variant, 'diffusers (SD3Transformer2DModel)', 'medium', 64)
}

function ltx(p: FamilyProbe): FamilyRuleResult | null {
  const q = p.block('transformer_blocks', 'attn1.to_q.weight')
  const sst = p.block('transformer_blocks', 'scale_shift_table')
  if (!q || !sst) return null
  // A video latent enters through a linear patch embedding (`patchify_proj`, diffusers `proj_in`); PixArt, with
  // the same blocks, has a 2-D patch convolution (`pos_embed.proj`).
  const original = p.key('patchify_proj.weight')?.length === 2
  const diffusers =
    p.key('proj_in.weight')?.length === 2 && p.key('caption_projection.linear_1.weight') !== undefined
  if (!original && !diffusers) return null
  const layers = p.blocks('transformer_blocks')
  const hidden = q[1]
  const variant = hidden === 2048 && layers === 28 ? '2b' : hidden === 4096 && layers === 48 ? '13b' : null
  const headDim = variant === '2b' ? 64 : variant === '13b' ? 128 : undefined
  return result(
    p,
    'ltx-video',
    variant ? `LTX-Video ${variant.toUpperCase()}` : 'LTX-Video-like architecture',
    variant,
    original ? 'original (LTX / ComfyUI)' : 'diffusers',
    variant ? 'high' : 'medium',
    headDim
  )
}

function cogvideox(p: FamilyProbe): FamilyRuleResult | null {
  // A linear patch embedding is an image model of the same code base (CogView4: family-rules-dit.ts).
  if (patchEmbedding(p)?.shape.length === 2) return null
  const sat = p.block('layers', 'attention.query_key_value.weight')
  const diffusers =
    p.blockShape('transformer_blocks', 'norm1.linear.weight') &&
    p.blockShape('transformer_blocks', 'norm1.norm.weight') &&
    p.block('transformer_blocks', 'attn1.to_q.weight')
  if (!sat && !diffusers) return null
  if (diffusers) p.block('transformer_blocks', 'norm1.linear.weight')
  const pattern = sat ? 'layers' : 'transformer_blocks'
  const layers = p.blocks(pattern)
  const hidden = (sat ?? diffusers ?? [0, 0])[1]
  const variant = hidden === 1920 && layers === 30 ? '2b' : hidden === 3072 && layers === 42 ? '5b' : null
  return result(
    p,
    'cogvideox',
    variant ? `CogVideoX-${variant.toUpperCase()}` : 'CogVideoX-like architecture',
    variant,
    sat ? 'original (SAT)' : 'diffusers',
    variant ? 'high' : 'medium',
    64
  )
}

/**
 * Each rule behind a key its match requires (any one of `keys` at the top level or `blockKeys` in a series, or its
 * own `gate`); the rule itself returns null without it.
 */
export interface FamilyRule {
  rule: (p: FamilyProbe) => FamilyRuleResult | null
  keys?: readonly string[]
  blockKeys?: readonly (readonly [series: string, rest: string])[]
  gate?: (index: LayerIndex) => boolean
}

export const RULES: readonly FamilyRule[] = [
  { rule: wanOriginal, keys: ['head.modulation'] },
  { rule: wanDiffusers, keys: ['scale_shift_table'] },
  { rule: longcat, blockKeys: [['blocks', 'attn.qkv.weight']] },
  { rule: fluxOrHunyuan, blockKeys: [['single_blocks', 'linear1.weight']] },
  { rule: fluxDiffusers, blockKeys: [['single_transformer_blocks', 'proj_mlp.weight']] },
  { rule: (p) => unetRule(p), gate: (index) => index.some(UNET_CROSS_K) },
  { rule: qwenImage, keys: ['txt_norm.weight'] },
  { rule: sd3, blockKeys: [['joint_blocks', 'x_block.attn.qkv.weight']] },
  { rule: sd3Diffusers, keys: ['pos_embed.proj.weight'] },
  { rule: ltx, blockKeys: [['transformer_blocks', 'scale_shift_table']] },
  { rule: nextDit, blockKeys: [['noise_refiner', 'ffn_norm1.weight']] },
  {
    rule: t5Encoder,
    keys: ['shared.weight', 'encoder.embed_tokens.weight', 'token_embedding.weight', 'token_embd.weight']
  },
  { rule: clipText, gate: hasClipTokenTable },
  {
    rule: pixartOrSana,
    blockKeys: [
      ['blocks', 'cross_attn.q_linear.weight'],
      ['transformer_blocks', 'attn2.to_q.weight']
    ]
  },
  { rule: auraFlow, keys: ['register_tokens'] },
  {
    rule: classDit,
    keys: ['y_embedder.embedding_table.weight'],
    blockKeys: [['transformer_blocks', 'norm1.emb.class_embedder.embedding_table.weight']]
  },
  {
    rule: mochi,
    blockKeys: [
      ['blocks', 'attn.qkv_y.weight'],
      ['transformer_blocks', 'attn1.add_k_proj.weight']
    ]
  },
  {
    rule: hunyuanVideo15,
    keys: [
      'cond_type_embedding.weight',
      'cond_type_embed.weight',
      'byt5_in.fc1.weight',
      'context_embedder_2.linear_1.weight'
    ]
  },
  {
    rule: cogview4,
    blockKeys: [
      ['layers', 'attention.query_key_value.weight'],
      ['transformer.layers', 'attention.query_key_value.weight'],
      ['transformer_blocks', 'attn1.to_q.weight']
    ]
  },
  {
    rule: cogvideox,
    blockKeys: [
      ['layers', 'attention.query_key_value.weight'],
      ['transformer_blocks', 'attn1.to_q.weight']
    ]
  }
]
