/**
 * A base that is one component of a pipeline alone, as ComfyUI keeps them in separate files: the transformer or UNet
 * file, or one text encoder's file. The resolution judges the modules of that component only; the others patch
 * files it was not given (status `not-checked`).
 */
import type { BaseIndex, BaseSpace } from './base-index.js'
import type { LoraAnalysis, LoraModule, LoraResolution } from './types.js'

/**
 * A module for a component the base does not hold at all: a text-encoder module on a base with no text encoder (a
 * transformer or UNet file alone, the way ComfyUI loads the diffusion model and the text encoders from separate
 * files). A base that holds text encoders but not this one (an SD1.x checkpoint and a `lora_te2_` module) is no
 * such case: there the module has no counterpart.
 */
export function outsideBase(m: LoraModule, index: BaseIndex): boolean {
  if (index.textEncoderAlone) return m.component !== 'text-encoder' || !index.textEncoders.has(m.textEncoder)
  return m.component === 'text-encoder' && index.textEncoders.size === 0
}

/** A text encoder's file alone (`BaseIndex.textEncoderAlone`) as the base's text encoder `slot`, and nothing else. */
export function asTextEncoder(index: BaseIndex, slot: number): BaseIndex {
  const space: BaseSpace = { ...index.denoiser, kind: 'text-encoder', textEncoder: slot }
  const none: BaseSpace = {
    ...index.denoiser,
    dotted: new Map(),
    underscore: new Map(),
    blockMax: new Map(),
    entries: []
  }
  return { ...index, denoiser: none, textEncoders: new Map([[slot, space]]), width: null }
}

/**
 * The index a resolution was made on: a text encoder's file alone is read as the slot the resolution chose (the
 * slot of its checked text-encoder modules), so the runtime profiles read the same base.
 */
export function indexOfResolution(
  analysis: LoraAnalysis,
  resolution: LoraResolution,
  index: BaseIndex
): BaseIndex {
  if (!index.textEncoderAlone || index.textEncoders.size > 0) return index
  const i = resolution.results.findIndex(
    (r, k) => r.status !== 'not-checked' && analysis.modules[k]?.component === 'text-encoder'
  )
  return asTextEncoder(index, i >= 0 ? analysis.modules[i]!.textEncoder : 1)
}

/** The text-encoder slots the LoRA's modules patch (`lora_te1_` 1, `lora_te2_` 2, ...), ascending. */
export function textEncoderSlots(analysis: LoraAnalysis): number[] {
  const slots = new Set<number>()
  for (const m of analysis.modules) if (m.component === 'text-encoder') slots.add(m.textEncoder)
  return [...slots].sort((a, b) => a - b)
}

/** What a resolution's not-checked modules patch, and whether the base was a text encoder's file alone. */
export function notCheckedParts(r: LoraResolution): {
  denoiser: number
  textEncoder: number
  baseIsTextEncoder: boolean
} {
  const out = { denoiser: 0, textEncoder: 0, baseIsTextEncoder: false }
  for (const x of r.results) {
    if (x.status !== 'not-checked') continue
    const why = x.why?.kind === 'other-component' ? x.why : undefined
    if (why?.module === 'denoiser') out.denoiser++
    else out.textEncoder++
    if (why?.base === 'text-encoder') out.baseIsTextEncoder = true
  }
  return out
}
