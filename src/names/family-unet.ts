/**
 * Stable Diffusion UNets (SD 1.x, 2.x, SDXL): one architecture, told apart by shapes and layout only, so the rule
 * settles a whole checkpoint and a LoRA's targets alike.
 */
import type { FamilyConfidence, FamilyRuleResult } from './families.js'
import { result, type FamilyProbe } from './family-probe.js'

/** The LDM / sgm UNet series and the diffusers UNet2DConditionModel ones (`mid_block` is not numbered). */
export const UNET_LDM_SERIES = ['input_blocks', 'middle_block', 'output_blocks'] as const
const UNET_DIFFUSERS_SERIES = ['down_blocks', 'up_blocks', 'mid_block'] as const
/** The LDM ControlNet's own prefix (ControlLDM keeps it under `control_model.`): read like the UNet's series. */
const CONTROL = '(?:control_model_)?'
const UNET_LDM = new RegExp(`^${CONTROL}(?:${UNET_LDM_SERIES.join('|')})_\\d+_`)
const UNET_DIFFUSERS =
  /^(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets|downsamplers|upsamplers)_/
/** Attention at the first (320-wide) level or a fourth level: SD 1.x / 2.x (SDXL has neither). */
const SD12_LAYOUT =
  /^(?:control_model_)?(?:input_blocks_(?:[12]_1|9|10|11)|output_blocks_(?:9|10|11)_1|down_blocks_(?:0_attentions|3)|up_blocks_3)_/
/**
 * Attention at the deepest level of the up path (LDM `output_blocks` 0-2, diffusers `up_blocks.0`) or transformer
 * depth above one: SDXL (SD 1.x / 2.x keep one transformer block per attention and none at their fourth level).
 */
const SDXL_LAYOUT =
  /^(?:output_blocks_[0-2]_1_transformer_blocks|up_blocks_0_attentions)_|_transformer_blocks_[1-9]\d*_/
/**
 * A UNet cross-attention's key projection (`attn2.to_k`, dotted or underscored): its in-dim is the text context
 * width (768 / 1024 / 2048), what tells the UNet versions apart.
 */
export const CROSS_K = /(?:^|[._])attn2[._]to_k$/
/** The same inside a UNet series (underscored): a checkpoint the UNet rule may read. */
export const UNET_CROSS_K = new RegExp(
  `^${CONTROL}(?:${[...UNET_LDM_SERIES, ...UNET_DIFFUSERS_SERIES].join('|')})_.*${CROSS_K.source}`
)
const PROJ_IN = /_proj_in$/
/** A ControlNet's own parts (diffusers `controlnet_cond_embedding`, `controlnet_down_blocks`; LDM `input_hint_block`, `zero_convs`). */
const CONTROLNET =
  /^(?:control_model_)?(?:controlnet_cond_embedding|controlnet_down_blocks|input_hint_block|zero_convs)_/
/** A UNet's decoder half, which a ControlNet does not have. */
const DECODER = /^(?:output_blocks|up_blocks)_/

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
  // A ControlNet is the UNet's encoder half with a hint encoder and zero convolutions: the UNet's version, not a UNet.
  const control = index.some(CONTROLNET) && !index.some(DECODER)
  if (control) p.evidence.push('a hint encoder and zero convolutions: a ControlNet')
  const name = control
    ? UNET_NAMES[id]!.replace('(UNet)', 'ControlNet').replace('UNet (', 'ControlNet (')
    : UNET_NAMES[id]!
  const controlNaming = naming.startsWith('diffusers')
    ? 'diffusers (ControlNetModel)'
    : 'original (LDM ControlNet)'
  return result(p, id, name, null, control ? controlNaming : naming, confidence, headDim)
}
