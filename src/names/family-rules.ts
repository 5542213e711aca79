/**
 * The full-model family rules: reference knowledge (docs/reference/key-formats.md §1.5, §2, §4 and the model
 * shapes there) as rules over key names and shapes. Each match names its evidence; a match whose sizes differ from
 * the known configs is kept at a lower confidence ("LongCat-like"), so unknown sizes of a known architecture still
 * show. The UNet rule reads structure only, so it also settles partial key sets (a LoRA's targets).
 */
import type { FamilyProbe, LayerIndex } from './family-probe.js'
import type { FamilyConfidence, FamilyRuleResult } from './families.js'

function result(
  p: FamilyProbe,
  id: string,
  name: string,
  variant: string | null,
  naming: string,
  confidence: FamilyConfidence,
  headDim?: number
): FamilyRuleResult {
  const diffusers = naming === 'diffusers' || naming.startsWith('diffusers (')
  const out: FamilyRuleResult = {
    match: { id, name, variant, naming, confidence, evidence: p.evidence },
    diffusers
  }
  if (headDim !== undefined) out.headDim = headDim
  return out
}

/** Lowers confidence to medium with a note when an observed size differs from the reference one. */
function expectSize(
  p: FamilyProbe,
  what: string,
  seen: number | undefined,
  wanted: number,
  state: { confidence: FamilyConfidence }
) {
  if (seen !== wanted) {
    p.evidence.push(`${what} is ${seen ?? 'absent'}, the reference model has ${wanted}`)
    state.confidence = 'medium'
  }
}

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
  const v = wanVariant(p, dim, inDim, image, flf, false)
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
  const guidance = p.key('guidance_in.in_layer.weight') !== undefined
  if (!guidance) p.evidence.push('no guidance_in: not guidance-distilled (schnell)')
  const variant = guidance ? 'dev' : 'schnell'
  return result(p, 'flux', `Flux.1-${variant}`, variant, 'original (BFL / ComfyUI)', state.confidence, 128)
}

function fluxDiffusers(p: FamilyProbe): FamilyRuleResult | null {
  const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight')
  const mlp = p.block('single_transformer_blocks', 'proj_mlp.weight')
  if (!addQ || !mlp) return null
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 19, state)
  expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 38, state)
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

function ltx(p: FamilyProbe): FamilyRuleResult | null {
  const q = p.block('transformer_blocks', 'attn1.to_q.weight')
  const sst = p.block('transformer_blocks', 'scale_shift_table')
  if (!q || !sst) return null
  const original =
    p.key('patchify_proj.weight') !== undefined || p.key('adaln_single.linear.weight') !== undefined
  const diffusers =
    p.key('proj_in.weight') !== undefined && p.key('caption_projection.linear_1.weight') !== undefined
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

/** The diffusers UNet2DConditionModel and LDM / sgm UNet series. */
const UNET_LDM = /^(?:input_blocks|middle_block|output_blocks)_\d+_/
const UNET_DIFFUSERS =
  /^(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets|downsamplers|upsamplers)_/
/** Attention at the first (320-wide) level or a fourth level: SD 1.x / 2.x (SDXL has neither). */
const SD12_LAYOUT =
  /^(?:input_blocks_(?:[12]_1|9|10|11)|output_blocks_(?:9|10|11)_1|down_blocks_(?:0_attentions|3)|up_blocks_3)_/
/**
 * Attention at the deepest level of the up path (LDM `output_blocks` 0-2, diffusers `up_blocks.0`) or transformer
 * depth above one: SDXL (SD 1.x / 2.x keep one transformer block per attention and none at their fourth level).
 */
const SDXL_LAYOUT =
  /^(?:output_blocks_[0-2]_1_transformer_blocks|up_blocks_0_attentions)_|_transformer_blocks_[1-9]\d*_/
const CROSS_K = /_attn2_to_k$/
const PROJ_IN = /_proj_in$/

const CONTEXT_VERSION: Readonly<Record<number, 'sd1' | 'sd2' | 'sdxl'>> = {
  768: 'sd1',
  1024: 'sd2',
  2048: 'sdxl'
}
const UNET_NAMES: Readonly<Record<string, string>> = {
  sd1: 'Stable Diffusion 1.x (UNet)',
  sd2: 'Stable Diffusion 2.x (UNet)',
  sdxl: 'SDXL (UNet)',
  'sd-unet': 'Stable Diffusion UNet (version unknown)'
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>()
  let best: number | undefined
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (best === undefined || n > counts.get(best)!) best = v
  }
  return best
}

/**
 * Stable Diffusion UNets (SD 1.x, 2.x, SDXL: one architecture at 320/640/1280 widths) told apart by shapes: the
 * cross-attention text context (attn2.to_k in-dim: 768 CLIP-L, 1024 OpenCLIP-H, 2048 CLIP-L + bigG), then the
 * layout (where attention sits, transformer depth) and, between 1.x and 2.x, the transformer's proj_in (a 1x1 conv
 * in 1.x, a linear in 2.x). `diffusersHint`: the naming the caller saw, when the paths do not show it.
 */
export function unetRule(p: FamilyProbe, diffusersHint?: boolean): FamilyRuleResult | null {
  const index = p.index
  const ldm = index.some(UNET_LDM)
  const diffusers = index.some(UNET_DIFFUSERS)
  if (!ldm && !diffusers && diffusersHint === undefined) return null
  const naming =
    (diffusers && !ldm) || (!ldm && diffusersHint)
      ? 'diffusers (UNet2DConditionModel)'
      : 'original (LDM / sgm)'
  const contexts = index.shapesMatching(CROSS_K).filter((s) => s.shape.length >= 2)
  const context = mostCommon(contexts.map((s) => s.shape[1]!))
  const byContext = context === undefined ? undefined : CONTEXT_VERSION[context]
  if (context !== undefined) {
    const first = contexts.find((s) => s.shape[1] === context)!
    p.evidence.push(`${first.path} in-dim ${context}: the text context width`)
  }
  const xl = index.some(SDXL_LAYOUT)
  const sd12 = index.some(SD12_LAYOUT)
  let byLayout: 'sd1' | 'sd2' | 'sdxl' | 'sd12' | undefined
  if (xl && !sd12) {
    byLayout = 'sdxl'
    p.evidence.push('attention at the deepest up level or transformer depth > 1: the SDXL layout')
  } else if (sd12 && !xl) {
    p.evidence.push('attention at the first level or a fourth level: the SD 1.x / 2.x layout')
    const proj = index.shapesMatching(PROJ_IN)[0]
    if (proj) {
      byLayout = proj.shape.length === 4 ? 'sd1' : 'sd2'
      p.evidence.push(
        `${proj.path} [${proj.shape.join(', ')}]: a ${proj.shape.length === 4 ? '1x1 conv (1.x)' : 'linear (2.x)'}`
      )
    } else byLayout = 'sd12'
  }
  let id: string
  let confidence: FamilyConfidence
  const layoutAgrees =
    byLayout === undefined || byLayout === byContext || (byLayout === 'sd12' && byContext !== 'sdxl')
  if (byContext) {
    id = byContext
    confidence = layoutAgrees ? (byLayout === undefined ? 'medium' : 'high') : 'medium'
    if (!layoutAgrees) p.evidence.push(`the layout says ${byLayout}, the text context says ${byContext}`)
  } else if (byLayout) {
    id = byLayout === 'sd12' ? 'sd1' : byLayout
    confidence = byLayout === 'sd12' ? 'low' : 'medium'
    if (context !== undefined) p.evidence.push(`text context ${context} is none of 768 / 1024 / 2048`)
  } else {
    id = 'sd-unet'
    confidence = 'low'
  }
  const headDim = id === 'sdxl' || id === 'sd2' ? 64 : undefined
  return result(p, id, UNET_NAMES[id]!, null, naming, confidence, headDim)
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

const UNET_CROSS_K =
  /^(?:input_blocks|output_blocks|middle_block|down_blocks|up_blocks|mid_block)_.*_attn2_to_k$/

export const RULES: readonly FamilyRule[] = [
  { rule: wanOriginal, keys: ['head.modulation'] },
  { rule: wanDiffusers, keys: ['scale_shift_table'] },
  { rule: longcat, blockKeys: [['blocks', 'attn.qkv.weight']] },
  { rule: fluxOrHunyuan, blockKeys: [['single_blocks', 'linear1.weight']] },
  { rule: fluxDiffusers, blockKeys: [['single_transformer_blocks', 'proj_mlp.weight']] },
  { rule: (p) => unetRule(p), gate: (index) => index.some(UNET_CROSS_K) },
  { rule: qwenImage, keys: ['txt_norm.weight'] },
  { rule: sd3, blockKeys: [['joint_blocks', 'x_block.attn.qkv.weight']] },
  { rule: ltx, blockKeys: [['transformer_blocks', 'scale_shift_table']] },
  {
    rule: cogvideox,
    blockKeys: [
      ['layers', 'attention.query_key_value.weight'],
      ['transformer_blocks', 'attn1.to_q.weight']
    ]
  }
]
