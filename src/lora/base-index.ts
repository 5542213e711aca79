/**
 * An index of a base model's own keys for LoRA resolution: module paths split from their checkpoint/component
 * prefix and `.weight`, the same paths underscored (kohya names are looked up here, never parsed back into dots),
 * and the aliases of other naming families. Built once per base in O(keys).
 */
import type { Checkpoint } from '../formats/types.js'
import { ALIAS_FAMILIES, type AliasFamily } from './aliases.js'
import { blockOf, guessFamily, mode } from './layers.js'
import type { ComponentKind, RowSlice } from './types.js'

export interface BaseEntry {
  /** The stored key of the patched tensor (`...weight`, or the parameter itself, e.g. `blocks.0.modulation`). */
  key: string
  /** Module path within its component, without `.weight`. */
  path: string
  shape: number[]
  bias?: { key: string; shape: number[] }
  /** The entry is a bare parameter (no `.weight`): only full deltas patch it. */
  isParam: boolean
}

export interface AliasTarget {
  entry: BaseEntry
  slice?: RowSlice
}

export interface AliasIndex {
  label: string
  dotted: Map<string, AliasTarget[]>
  underscore: Map<string, AliasTarget[]>
}

/** One component of the base (the denoiser, or one text encoder). */
export interface BaseSpace {
  kind: ComponentKind
  textEncoder: number
  /** The key prefix of this component (`model.diffusion_model.`, `conditioner.embedders.0.transformer.`, ...). */
  prefix: string
  dotted: Map<string, BaseEntry>
  underscore: Map<string, BaseEntry[]>
  aliases: AliasIndex[]
  /** The name-map families this index was built with (all, before choosing those of the base's family). */
  families: readonly AliasFamily[]
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
  width: number | null
  /** Any CLIP-image branch (Wan2.1 I2V: k_img / v_img / img_emb). */
  hasImageBranch: boolean
}

interface PrefixRule {
  prefix: string
  kind: ComponentKind | 'skip'
  textEncoder: number
}

const BASE_PREFIXES: PrefixRule[] = [
  { prefix: 'model.diffusion_model.', kind: 'denoiser', textEncoder: 0 },
  { prefix: 'diffusion_model.', kind: 'denoiser', textEncoder: 0 },
  { prefix: 'conditioner.embedders.0.transformer.', kind: 'text-encoder', textEncoder: 1 },
  { prefix: 'conditioner.embedders.1.model.', kind: 'text-encoder', textEncoder: 2 },
  { prefix: 'cond_stage_model.transformer.', kind: 'text-encoder', textEncoder: 1 },
  { prefix: 'cond_stage_model.model.', kind: 'text-encoder', textEncoder: 1 },
  { prefix: 'text_encoders.', kind: 'text-encoder', textEncoder: 1 },
  { prefix: 'first_stage_model.', kind: 'skip', textEncoder: 0 },
  { prefix: 'model_ema.', kind: 'skip', textEncoder: 0 }
]

function componentRule(name: string): PrefixRule {
  const te = /^text_encoder(?:_(\d+))?$/.exec(name)
  if (te) return { prefix: `${name}.`, kind: 'text-encoder', textEncoder: te[1] ? Number(te[1]) : 1 }
  if (/^(?:transformer(?:_\d+)?|unet|prior|dit)$/.test(name))
    return { prefix: `${name}.`, kind: 'denoiser', textEncoder: 0 }
  return { prefix: `${name}.`, kind: 'skip', textEncoder: 0 }
}

function newSpace(kind: ComponentKind, textEncoder: number, prefix: string): BaseSpace {
  return {
    kind,
    textEncoder,
    prefix,
    dotted: new Map(),
    underscore: new Map(),
    aliases: [],
    families: [],
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
  const entry: BaseEntry = { key, path, shape, isParam: !isWeight }
  space.dotted.set(path, entry)
  space.entries.push(entry)
  // The same reading of blocks as the LoRA side's (`blockOf`), so a module's series finds the base's depth.
  const b = blockOf(path)
  if (b) space.blockMax.set(b.series, Math.max(space.blockMax.get(b.series) ?? -1, b.index))
}

function finish(
  space: BaseSpace,
  biases: PendingBias[],
  families: readonly AliasFamily[],
  all: readonly AliasFamily[]
): void {
  space.families = all
  for (const b of biases) {
    const entry = space.dotted.get(b.path)
    if (entry && !entry.isParam) entry.bias = { key: b.key, shape: b.shape }
  }
  for (const entry of space.entries) push(space.underscore, entry.path.replace(/\./g, '_'), entry)
  for (const family of families) {
    const index: AliasIndex = { label: family.label, dotted: new Map(), underscore: new Map() }
    for (const entry of space.entries) {
      for (const alias of family.aliases(entry.path, entry.shape)) {
        if (space.dotted.has(alias.path)) continue // the base's own name wins
        const target: AliasTarget = alias.slice ? { entry, slice: alias.slice } : { entry }
        push(index.dotted, alias.path, target)
        push(index.underscore, alias.path.replace(/\./g, '_'), target)
      }
    }
    if (index.dotted.size > 0) space.aliases.push(index)
  }
}

/**
 * One space built from bare tensor specs (names relative to the component, no prefix), with the alias families of
 * the family its names point at.
 */
export function spaceFromSpecs(
  specs: readonly { name: string; shape: readonly number[] }[],
  families: readonly AliasFamily[] = ALIAS_FAMILIES
): BaseSpace {
  const space = newSpace('denoiser', 0, '')
  const biases: PendingBias[] = []
  for (const s of specs) addEntry(space, s.name, s.name, [...s.shape], biases)
  const family = guessFamily(space.entries)
  finish(
    space,
    biases,
    families.filter((f) => family !== null && f.bases.includes(family)),
    families
  )
  return space
}

/** Index a base checkpoint's keys by component. */
export function buildBaseIndex(
  base: Checkpoint,
  families: readonly AliasFamily[] = ALIAS_FAMILIES
): BaseIndex {
  const denoiser = newSpace('denoiser', 0, '')
  const textEncoders = new Map<number, BaseSpace>()
  const biases = new Map<BaseSpace, PendingBias[]>([[denoiser, []]])
  const rules = [...BASE_PREFIXES]
  if (base.format === 'diffusers' && base.components) {
    for (const c of base.components) rules.push(componentRule(c.name))
  }
  rules.sort((a, b) => b.prefix.length - a.prefix.length)
  for (const t of base.tensors) {
    const rule = rules.find((r) => t.name.startsWith(r.prefix))
    if (rule?.kind === 'skip') continue
    const rest = rule ? t.name.slice(rule.prefix.length) : t.name
    if (rule?.kind === 'text-encoder') {
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
  const family = guessFamily(denoiser.entries)
  finish(
    denoiser,
    biases.get(denoiser)!,
    families.filter((f) => family !== null && f.bases.includes(family)),
    families
  )
  for (const space of textEncoders.values()) finish(space, biases.get(space)!, [], [])
  const widths: number[] = []
  for (const e of denoiser.entries) if (!e.isParam && e.shape.length === 2) widths.push(e.shape[1]!)
  return {
    path: base.path,
    checkpoint: base,
    denoiser,
    textEncoders,
    family,
    width: mode(widths),
    hasImageBranch: denoiser.entries.some((e) =>
      /(?:^|\.)(?:k_img|v_img|img_emb|attn2\.add_k_proj|image_embedder)(?:\.|$)/.test(e.path)
    )
  }
}
