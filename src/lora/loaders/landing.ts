/**
 * Where a module lands on the base, for a profile that needs the resolver's answer: the resolver's target when it
 * found one, else ComfyUI's key map (which also knows bases the runtimes convert on load), with the resolver's
 * shape check either way. Whether the LoRA named that module by its diffusers name matters to diffusers, whose
 * models only have diffusers names.
 */
import { PREFIX, kohyaForm } from '../../names/adapters.js'
import type { BaseIndex } from '../base-index.js'
import { checkModuleShapes } from '../shapes.js'
import type { LoraModule, ModuleResolution, ResolutionTarget } from '../types.js'
import { diffusersNamesOf } from './runtime-names.js'
import { archOf } from './subject.js'
import type { KeyMap } from './keymap.js'
import { XLABS_STEM } from './diffusers.js'
import type { ModuleFacts } from './subject.js'

export interface Landing {
  target: ResolutionTarget
  fits: boolean
  expected?: string
  /** The LoRA names this module by its diffusers name. */
  diffusersName: boolean
}

function baseUsesDiffusersNames(base: BaseIndex): boolean {
  return base.family !== null && base.family.endsWith('-diffusers')
}

/**
 * Whether the LoRA names its module by the runtime's diffusers name of the weight it lands on. On a diffusers-named
 * base a module found under the base's own names is; on an original-named base, when the name is one of the
 * diffusers names the runtimes give that weight (runtime-names.ts).
 */
function namedByDiffusers(m: LoraModule, target: ResolutionTarget, base: BaseIndex): boolean {
  const own = target.via === 'exact' || target.via === 'underscore' || target.via === 'underscore form'
  if (baseUsesDiffusersNames(base)) return own
  if (own) return false
  const prefix = base.denoiser.prefix
  const key = target.key.startsWith(prefix) ? target.key.slice(prefix.length) : target.key
  const path = key.replace(/\.weight$/, '')
  const names = diffusersNamesOf(archOf(base.family), path, target.shape)
  const mine = m.pathForm === 'underscore' ? m.path : kohyaForm(m.path)
  return names.some((n) => kohyaForm(n.path) === mine)
}

/**
 * XLabs attention-processor stems in original Flux names, the renames ComfyUI's `convert_uso_lora` and diffusers'
 * `_convert_xlabs_flux_lora_to_diffusers` both apply: `qkv_lora1`/`qkv_lora2` are the image/text qkv,
 * `proj_lora1`/`proj_lora2` the projections, and a single block's `qkv_lora`/`proj_lora` linear1's q/k/v rows
 * and linear2.
 */
function xlabsStem(stem: string): string | null {
  const m = XLABS_STEM.exec(stem)
  if (!m) return null
  const [, kind, n, part, which] = m
  if (kind === 'single')
    return `${PREFIX.comfyDenoiser}single_blocks.${n}.${part === 'qkv' ? 'linear1_qkv' : 'linear2'}`
  const side = which === '2' ? 'txt' : 'img'
  return `${PREFIX.comfyDenoiser}double_blocks.${n}.${side}_attn.${part}`
}

export function landingOf(
  f: ModuleFacts,
  resolved: ModuleResolution | undefined,
  base: BaseIndex,
  keyMap: KeyMap
): Landing | null {
  if (resolved?.target && (resolved.status === 'ok' || resolved.status === 'shape-mismatch')) {
    const out: Landing = {
      target: resolved.target,
      fits: resolved.status === 'ok',
      // Text encoders keep their transformers names in both worlds.
      diffusersName:
        f.module.component === 'text-encoder' || namedByDiffusers(f.module, resolved.target, base)
    }
    if (resolved.expected) out.expected = resolved.expected
    return out
  }
  const m = f.module
  // diffusers converts an original-layout base to its own names on load: a module under one of those lands there.
  const converted =
    m.component === 'denoiser' && !baseUsesDiffusersNames(base)
      ? keyMap.diffusers.get(m.pathForm === 'underscore' ? m.path : kohyaForm(m.path))
      : undefined
  if (converted) {
    const v = checkModuleShapes(m, converted.weight.entry, converted.slice)
    const target: ResolutionTarget = {
      key: converted.weight.entry.key,
      shape: converted.weight.entry.shape,
      via: 'base converted on load (diffusers names)'
    }
    if (converted.slice) target.slice = converted.slice
    const out: Landing = { target, fits: v.ok, diffusersName: true }
    if (v.expected) out.expected = v.expected
    return out
  }
  const xlabs = xlabsStem(m.stem)
  // Text encoders: both runtimes hold transformers CLIP names, and ComfyUI's key map has every kohya and diffusers
  // stem for them (open_clip bases converted).
  const tries = xlabs
    ? [xlabs]
    : m.component === 'text-encoder'
      ? [m.stem]
      : m.pathForm === 'underscore'
        ? [PREFIX.kohyaUnet + m.path]
        : [
            PREFIX.comfyDenoiser + m.path,
            PREFIX.diffusersTransformer + m.path,
            PREFIX.diffusersUnet + m.path,
            m.path
          ]
  for (const stem of tries) {
    const hit = keyMap.stems.get(stem)
    if (!hit || hit.component !== m.component) continue
    const v = checkModuleShapes(m, hit.weight.entry, hit.slice)
    const target: ResolutionTarget = {
      key: hit.weight.baseKeys.length > 1 ? `${hit.weight.path}.weight` : hit.weight.entry.key,
      shape: hit.weight.entry.shape,
      via: `base converted on load (${hit.source})`
    }
    if (hit.slice) target.slice = hit.slice
    const out: Landing = {
      target,
      fits: v.ok,
      diffusersName: hit.source !== 'generic format' && hit.source !== 'kohya names'
    }
    if (v.expected) out.expected = v.expected
    return out
  }
  return null
}
