/**
 * Output key names per target convention (docs/reference/key-formats.md §3.1). Module paths always come from the base the LoRA
 * was resolved against, so `--to diffusers` against an original-named Wan base keeps Wan's original module names
 * under diffusers' `transformer.` prefix; to get diffusers module names, convert against a diffusers base.
 */
import type { BaseSpace } from '../lora/base-index.js'
import { isUnetFamily } from '../names/families.js'
import type { Refusal } from './reasons.js'
import type { ConvertTarget } from './types.js'

export interface TargetNames {
  stem: string
  down: string
  up: string
  /** The alpha key; the convention decides whether it is written (`alphaRequired`). */
  alpha: string
  /** False when the convention's loaders default to scale 1 without an alpha (PEFT, diffusers). */
  alphaRequired: boolean
}

/** Why a module of this component cannot be named in the convention, or null. */
export function namingProblem(to: ConvertTarget, space: BaseSpace): Refusal | null {
  if (space.kind === 'denoiser') return null
  if (to === 'kohya' || to === 'diffusers') return null
  return { kind: 'no-naming', to }
}

function denoiserPrefix(to: ConvertTarget, space: BaseSpace, family: string | null): string {
  switch (to) {
    case 'kohya':
      return 'lora_unet_'
    case 'comfyui':
      return 'diffusion_model.'
    case 'peft':
      return 'base_model.model.'
    case 'diffusers': {
      const component = /^(unet|transformer(?:_\d+)?|prior)\.$/.exec(space.prefix)
      if (component) return space.prefix
      return isUnetFamily(family) ? 'unet.' : 'transformer.'
    }
    case 'base':
      return space.prefix
  }
}

/** Names of one output module for base module `path` in `space`. */
export function targetNames(
  to: ConvertTarget,
  space: BaseSpace,
  path: string,
  opts: { family: string | null; textEncoders: number }
): TargetNames {
  let stem: string
  if (space.kind === 'text-encoder') {
    if (to === 'kohya') {
      const n = opts.textEncoders > 1 ? String(space.textEncoder) : ''
      stem = `lora_te${n}_${path.replace(/\./g, '_')}`
    } else stem = `${space.textEncoder > 1 ? `text_encoder_${space.textEncoder}` : 'text_encoder'}.${path}`
  } else {
    const prefix = denoiserPrefix(to, space, opts.family)
    stem = to === 'kohya' ? prefix + path.replace(/\./g, '_') : prefix + path
  }
  const ab = to === 'peft' || to === 'diffusers' || to === 'base'
  return {
    stem,
    down: `${stem}.${ab ? 'lora_A.weight' : 'lora_down.weight'}`,
    up: `${stem}.${ab ? 'lora_B.weight' : 'lora_up.weight'}`,
    alpha: `${stem}.alpha`,
    alphaRequired: to !== 'peft' && to !== 'diffusers'
  }
}
