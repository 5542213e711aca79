/**
 * An index of a base model's own keys for LoRA resolution: module paths split from their checkpoint/component
 * prefix (src/names COMPONENT_PREFIXES) and `.weight`, and the same paths underscored (kohya names are looked up
 * here, never parsed back into dots). Other namings are not indexed: they resolve through the correspondence
 * engine. Built once per base in O(keys).
 */
import { isImageBranchPath, isModulationPath } from '../names/model-parts.js'
import { kohyaForm } from '../names/adapters.js'
import type { Checkpoint } from '../formats/types.js'
import { COMPONENT_PREFIXES, componentPrefix, type ComponentPrefix } from '../names/index.js'
import { blockOf, guessFamilyModel, mode } from './layers.js'
import type { ComponentKind } from './types.js'

export interface BaseEntry {
  /** The stored key of the patched tensor (`...weight`, or the parameter itself, e.g. `blocks.0.modulation`). */
  key: string
  /** Module path within its component, without `.weight`. */
  path: string
  shape: number[]
  bias?: { key: string; shape: number[] }
  /** The entry is a bare parameter (no `.weight`): only full deltas patch it. */
  isParam: boolean
  /** `blockOf(path)`, read once here (null: outside any known block series); absent when not read. */
  block?: { series: string; index: number } | null
}

/** One component of the base (the denoiser, or one text encoder). */
export interface BaseSpace {
  kind: ComponentKind
  textEncoder: number
  /** The key prefix of this component (`model.diffusion_model.`, `conditioner.embedders.0.transformer.`, ...). */
  prefix: string
  dotted: Map<string, BaseEntry>
  underscore: Map<string, BaseEntry[]>
  /** Highest block index per series (`blocks` -> 29). */
  blockMax: Map<string, number>
  entries: BaseEntry[]
}

export interface BaseIndex {
  path: string
  /** The base itself, for the compare-mapper fallback. */
  checkpoint?: Checkpoint
  denoiser: BaseSpace
  textEncoders: Map<number, BaseSpace>
  family: string | null
  /** The model of its own the base is on its family's architecture (`Chroma`), when the detector names one. */
  model?: string
  width: number | null
  /** Any CLIP-image branch (Wan2.1 I2V: k_img / v_img / img_emb). */
  hasImageBranch: boolean
  /** Whether the denoiser has modulation layers (adaLN); Chroma has none, its guidance network computes them. */
  hasModulation: boolean
  /**
   * The base is one text encoder's file alone (a CLIP or T5 text model, as ComfyUI keeps `clip_l`, `clip_g` and
   * `t5xxl` files): its keys sit in `denoiser` as read, and the resolution takes them as the text encoder the
   * LoRA's modules fit (resolve.ts).
   */
  textEncoderAlone?: true
}

/**
 * The roots of a text encoder's own keys, unprefixed: transformers' CLIP (`text_model.`, its projection and
 * `logit_scale`), open_clip's text tower (`transformer.resblocks.`, `token_embedding`, `positional_embedding`,
 * `ln_final`), transformers' T5 encoder (`shared`, `encoder.block.`, `encoder.final_layer_norm`).
 */
const TEXT_ENCODER_ROOT =
  /^(?:text_model\.|text_projection$|logit_scale$|transformer\.resblocks\.\d|(?:token_embedding|ln_final|shared|encoder\.final_layer_norm|encoder\.embed_tokens)(?:\.|$)|positional_embedding$|encoder\.block\.\d)/
/** The encoder's layers, one of which must be there. */
const TEXT_ENCODER_LAYER =
  /^(?:text_model\.encoder\.layers\.\d|transformer\.resblocks\.\d|encoder\.block\.\d)/

/** A base read with no component prefix whose module paths (`.weight` and biases apart) are all a text encoder's. */
function isTextEncoderAlone(space: BaseSpace): boolean {
  const entries = space.entries
  if (space.prefix !== '' || entries.length === 0) return false
  let layer = false
  for (let i = 0; i < entries.length; i++) {
    const p = entries[i]!.path
    if (!TEXT_ENCODER_ROOT.test(p)) return false
    if (!layer && TEXT_ENCODER_LAYER.test(p)) layer = true
  }
  return layer
}

function newSpace(kind: ComponentKind, textEncoder: number, prefix: string): BaseSpace {
  return {
    kind,
    textEncoder,
    prefix,
    dotted: new Map(),
    underscore: new Map(),
    blockMax: new Map(),
    entries: []
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

interface PendingBias {
  path: string
  key: string
  shape: number[]
}

function addEntry(space: BaseSpace, key: string, rest: string, shape: number[], biases: PendingBias[]): void {
  if (rest.endsWith('.bias')) {
    // Attached to its weight in `finish`, whichever comes first in the file.
    biases.push({ path: rest.slice(0, -'.bias'.length), key, shape })
    return
  }
  const isWeight = rest.endsWith('.weight')
  const path = isWeight ? rest.slice(0, -'.weight'.length) : rest
  if (space.dotted.has(path)) return
  // The same reading of blocks as the LoRA side's (`blockOf`), so a module's series finds the base's depth; kept
  // on the entry for the resolution's engine step, which asks every base tensor's block again.
  const b = blockOf(path) ?? null
  const entry: BaseEntry = { key, path, shape, isParam: !isWeight, block: b }
  space.dotted.set(path, entry)
  space.entries.push(entry)
  if (b) space.blockMax.set(b.series, Math.max(space.blockMax.get(b.series) ?? -1, b.index))
}

function finish(space: BaseSpace, biases: PendingBias[]): void {
  for (let i = 0; i < biases.length; i++) {
    const b = biases[i]!
    const entry = space.dotted.get(b.path)
    if (entry && !entry.isParam) entry.bias = { key: b.key, shape: b.shape }
  }
  for (let i = 0; i < space.entries.length; i++) {
    const entry = space.entries[i]!
    // The form is made here rather than kept on each entry from addEntry (where the family detector could have
    // read it): one more field per base entry kept the bench's convert run over V8's first old-space limit, and
    // its major GC (~130 M instructions) costs more than the ~3,000 kohya forms (~3 M).
    push(space.underscore, kohyaForm(entry.path), entry)
  }
}

/** One space built from bare tensor specs (names relative to the component, no prefix). */
export function spaceFromSpecs(specs: readonly { name: string; shape: readonly number[] }[]): BaseSpace {
  const space = newSpace('denoiser', 0, '')
  const biases: PendingBias[] = []
  for (const s of specs) addEntry(space, s.name, s.name, [...s.shape], biases)
  finish(space, biases)
  return space
}

/** Index a base checkpoint's keys by component. */
export function buildBaseIndex(base: Checkpoint): BaseIndex {
  const denoiser = newSpace('denoiser', 0, '')
  const textEncoders = new Map<number, BaseSpace>()
  const biases = new Map<BaseSpace, PendingBias[]>([[denoiser, []]])
  const rules: ComponentPrefix[] = [...COMPONENT_PREFIXES]
  if (base.format === 'diffusers' && base.components) {
    for (const c of base.components) rules.push(componentPrefix(c.name))
  }
  rules.sort((a, b) => b.prefix.length - a.prefix.length)
  // Index loops: once per base tensor, over every rule, mostly interpreted (a closure call or a for-of step each).
  for (let i = 0; i < base.tensors.length; i++) {
    const t = base.tensors[i]!
    let rule: ComponentPrefix | undefined
    for (let j = 0; j < rules.length; j++) {
      if (t.name.startsWith(rules[j]!.prefix)) {
        rule = rules[j]
        break
      }
    }
    if (rule?.component === 'skip') continue
    const rest = rule ? t.name.slice(rule.prefix.length) : t.name
    if (rule?.component === 'text-encoder') {
      let space = textEncoders.get(rule.textEncoder)
      if (!space) {
        textEncoders.set(rule.textEncoder, (space = newSpace('text-encoder', rule.textEncoder, rule.prefix)))
        biases.set(space, [])
      }
      addEntry(space, t.name, rest, t.shape, biases.get(space)!)
    } else {
      if (rule && denoiser.entries.length === 0) denoiser.prefix = rule.prefix
      addEntry(denoiser, t.name, rest, t.shape, biases.get(denoiser)!)
    }
  }
  const { family, model } = guessFamilyModel(denoiser.entries)
  finish(denoiser, biases.get(denoiser)!)
  for (const space of textEncoders.values()) finish(space, biases.get(space)!)
  const widths: number[] = []
  for (let i = 0; i < denoiser.entries.length; i++) {
    const e = denoiser.entries[i]!
    if (!e.isParam && e.shape.length === 2) widths.push(e.shape[1]!)
  }
  const out: BaseIndex = {
    path: base.path,
    checkpoint: base,
    denoiser,
    textEncoders,
    family,
    ...(model !== undefined && { model }),
    width: mode(widths),
    hasImageBranch: denoiser.entries.some((e) => isImageBranchPath(e.path)),
    hasModulation: denoiser.entries.some((e) => isModulationPath(e.path))
  }
  if (textEncoders.size === 0 && isTextEncoderAlone(denoiser)) {
    out.textEncoderAlone = true
    // A text encoder's family (T5, CLIP) is no denoiser's: a LoRA's modules name the denoiser they were trained
    // with, and the base's file says nothing against it (components.ts reads the encoder as the LoRA's slot).
    out.family = null
    delete out.model
  }
  return out
}
