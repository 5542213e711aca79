/**
 * Why a module does not load, and the file-level cause it is counted under, decided from what the resolution found
 * (src/lora/reasons.ts types; the words are in src/report/lora-reasons.ts).
 */
import { CROSS_K, familyArchitecture, isUnetFamily } from '../names/families.js'
import { isImageBranchPath, isModulationPath } from '../names/model-parts.js'
import type { BaseIndex, BaseSpace } from './base-index.js'
import { blockOf, familyDisplayName, mode, sizeLabel } from './layers.js'
import type { ResolutionCause, ResolutionReason } from './reasons.js'
import type { ShapeVerdict } from './shapes.js'
import type { LoraAnalysis, LoraModule, ModuleResolution } from './types.js'

/** Naming variants of one architecture (original vs diffusers names) share an architecture. */
function architectureOf(family: string): string {
  return familyArchitecture(family)
}

/** Why a module is not checked: the component it patches is not the base's one component (`outsideBase`). */
export function otherComponentWhy(m: LoraModule, index: BaseIndex): ResolutionReason {
  const te = [...index.textEncoders.keys()]
  return {
    kind: 'other-component',
    module: m.component === 'text-encoder' ? 'text-encoder' : 'denoiser',
    textEncoder: m.textEncoder,
    prefix: m.prefix,
    base: index.textEncoderAlone ? 'text-encoder' : 'denoiser',
    baseTextEncoder: index.textEncoderAlone ? (te[0] ?? 0) : 0
  }
}

/** Why a module has no link, most specific first. */
export function unresolvedWhy(
  m: LoraModule,
  space: BaseSpace | undefined,
  index: BaseIndex,
  loraFamily: string | null
): ResolutionReason {
  if (m.component === 'text-encoder')
    return {
      kind: 'no-text-encoder',
      textEncoder: m.textEncoder,
      prefix: m.prefix,
      present: [...index.textEncoders.keys()]
    }
  if (!space) return { kind: 'no-denoiser' }
  // A block past the base's depth says more than the family does (a LongCat LoRA on a two-block Wan base).
  const block = blockOf(m.path)
  if (block) {
    const max = space.blockMax.get(block.series)
    if (max !== undefined && block.index > max)
      return { kind: 'beyond-depth', series: block.series, index: block.index, max }
  }
  if (loraFamily && index.family && architectureOf(loraFamily) !== architectureOf(index.family))
    return { kind: 'other-architecture', lora: loraFamily, base: index.family }
  if (isImageBranchPath(m.path) && !index.hasImageBranch) return { kind: 'image-branch' }
  if (isModulationPath(m.path) && !index.hasModulation) return { kind: 'no-modulation' }
  return { kind: 'no-base-key', path: m.path, underscore: m.pathForm === 'underscore' }
}

/**
 * The text-context width of a UNet's cross-attention (attn2.to_k in-dim): what tells SD1.x (768), SD2.x (1024) and
 * SDXL (2048) apart, where the hidden width says nothing (every UNet has 320/640/1280 levels).
 */
export function contextWidths(
  analysis: LoraAnalysis,
  base: BaseIndex
): { lora: number; base: number } | null {
  const unet = isUnetFamily
  if (!unet(analysis.family) || !unet(base.family)) return null
  const loraIn = mode(
    analysis.modules
      .filter((m) => CROSS_K.test(m.path))
      .map((m) => m.tensors.find((t) => t.role === 'down')?.tensor.shape[1] ?? 0)
  )
  const baseIn = mode(base.denoiser.entries.filter((e) => CROSS_K.test(e.path)).map((e) => e.shape[1] ?? 0))
  return loraIn && baseIn && loraIn !== baseIn ? { lora: loraIn, base: baseIn } : null
}

export function causeOf(
  r: ModuleResolution,
  v: ShapeVerdict | null,
  analysis: LoraAnalysis,
  base: BaseIndex,
  context: { lora: number; base: number } | null
): ResolutionCause {
  if (r.status === 'shape-mismatch') {
    if (context) return { kind: 'text-context', lora: context.lora, base: context.base }
    if (analysis.width !== null && base.width !== null && analysis.width !== base.width) {
      return {
        kind: 'other-size',
        lora: sizeLabel(analysis.family ?? base.family, analysis.width),
        base: sizeLabel(base.family, base.width),
        loraWidth: analysis.width,
        baseWidth: base.width
      }
    }
    if (v?.loraIn !== undefined && v.baseIn !== undefined && v.loraIn !== v.baseIn) return { kind: 'in-dim' }
    return { kind: 'shape' }
  }
  // A UNet LoRA of another text context (SD1.x on SDXL) does not correspond to the base's layers at all: that
  // width is why, more than the names.
  if (context && r.status === 'unresolved' && r.why?.kind === 'no-base-key')
    return { kind: 'text-context', lora: context.lora, base: context.base }
  switch (r.why?.kind) {
    case 'unsupported-adapter':
      return { kind: 'unsupported-adapter' }
    case 'no-text-encoder':
      return { kind: 'text-encoder' }
    case 'other-component':
      return { kind: 'other-component' }
    case 'image-branch':
      return { kind: 'image-branch' }
    case 'no-modulation':
      return { kind: 'no-modulation' }
    case 'beyond-depth':
      return { kind: 'beyond-depth', series: r.why.series, max: r.why.max }
    case 'other-architecture':
      return {
        kind: 'other-architecture',
        lora: familyDisplayName(analysis.family ?? '?'),
        base: familyDisplayName(base.family ?? '?')
      }
    case 'no-bias':
      return { kind: 'no-bias' }
    case 'partial-split':
      return { kind: 'partial-split' }
    default:
      return { kind: 'names-not-found' }
  }
}
