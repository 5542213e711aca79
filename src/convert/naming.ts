/**
 * Output key names per target convention (docs/reference/key-formats.md §3.1). Module paths always come from the base the LoRA
 * was resolved against, so `--to diffusers` against an original-named Wan base keeps Wan's original module names
 * under diffusers' `transformer.` prefix; to get diffusers module names, convert against a diffusers base.
 */
import type { BaseSpace } from '../lora/base-index.js'
import { LORA_PAIR, PREFIX, SUFFIX, kohyaForm } from '../names/adapters.js'
import { isUnetFamily } from '../names/families.js'
import { DIFFUSERS_DENOISER_PREFIX } from '../names/prefixes.js'
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
    // Each convention's prefix from the one list the readers use, so what convert writes reads back as written.
    case 'kohya':
      return PREFIX.kohyaUnet
    case 'comfyui':
      return PREFIX.comfyDenoiser
    case 'peft':
      return PREFIX.peft
    case 'diffusers': {
      // A diffusers component folder the base was read from keeps its name (`transformer_2.` of Wan2.2 A14B).
      if (DIFFUSERS_DENOISER_PREFIX.test(space.prefix)) return space.prefix
      return isUnetFamily(family) ? PREFIX.diffusersUnet : PREFIX.diffusersTransformer
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
    // The conventions' numbered patterns (`lora_te{n}_`, `text_encoder_{n}.`), not the list: a base can have more
    // text encoders than ADAPTER_PREFIXES names (it stops at 3).
    if (to === 'kohya') {
      const n = opts.textEncoders > 1 ? String(space.textEncoder) : ''
      stem = `lora_te${n}_${kohyaForm(path)}`
    } else stem = `${space.textEncoder > 1 ? `text_encoder_${space.textEncoder}` : 'text_encoder'}.${path}`
  } else {
    const prefix = denoiserPrefix(to, space, opts.family)
    stem = to === 'kohya' ? prefix + kohyaForm(path) : prefix + path
  }
  const pair = to === 'peft' || to === 'diffusers' || to === 'base' ? LORA_PAIR.peft : LORA_PAIR.kohya
  return {
    stem,
    down: stem + pair.down,
    up: stem + pair.up,
    alpha: stem + SUFFIX.alpha,
    alphaRequired: to !== 'peft' && to !== 'diffusers'
  }
}
