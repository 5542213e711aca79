/**
 * The interpreter: a loader profile applied to one LoRA on one base. It reads the module facts (subject.ts),
 * runs the profile's rules (comfyui.ts, diffusers.ts) and assembles a resolution in the resolver's schema. The
 * landing of a module is the resolver's (src/lora/resolve.ts); a profile only decides which names and adapter
 * tensors its runtime reads, and what it does with the rest.
 */
import type { BaseIndex } from '../base-index.js'
import { indexOfResolution } from '../components.js'
import type { LoaderName, LoraAnalysis, LoraResolution } from '../types.js'
import { convertedStem } from './comfyui.js'
import { comfyModule } from './comfyui-profile.js'
import { diffusersProfile } from './diffusers-profile.js'
import { buildKeyMap, type KeyMap } from './keymap.js'
import { landingOf } from './landing.js'
import { moduleFacts, type ModuleFacts } from './subject.js'
import { assemble, LOADER_LABELS, type ModuleVerdict } from './verdict.js'

export const LOADERS: readonly LoaderName[] = ['any', 'comfyui', 'diffusers']
/** The runtime profiles (every loader but `any`), in display order. */
export const RUNTIME_LOADERS: readonly Exclude<LoaderName, 'any'>[] = ['comfyui', 'diffusers']

export function isLoaderName(s: string): s is LoaderName {
  return (LOADERS as readonly string[]).includes(s)
}

/**
 * Base families a runtime has no model for (docs/reference/loaders.md §4): ComfyUI core and diffusers have no
 * LongCat-Video model; it runs through custom loaders (Kijai's WanVideoWrapper, its own repository).
 */
const NO_MODEL: Readonly<Record<Exclude<LoaderName, 'any'>, Readonly<Record<string, string>>>> = {
  comfyui: {
    'longcat-video': 'ComfyUI core has no LongCat-Video model (custom nodes such as WanVideoWrapper load it)'
  },
  diffusers: { 'longcat-video': 'diffusers has no LongCat-Video pipeline' }
}

const keyMaps = new WeakMap<BaseIndex, KeyMap>()

function keyMapOf(base: BaseIndex): KeyMap {
  let km = keyMaps.get(base)
  if (!km) keyMaps.set(base, (km = buildKeyMap(base)))
  return km
}

/**
 * Two modules that patch the same rows of the same weight: ComfyUI's `load_lora` stores one patch per weight, so
 * the module whose stem comes later in the key map replaces the other without a word.
 */
function overwritten(verdicts: ModuleVerdict[], keyMap: KeyMap, keys: ReadonlySet<string>): void {
  const position = new Map<string, number>()
  let i = 0
  for (const stem of keyMap.stems.keys()) position.set(stem, i++)
  const byWeight = new Map<string, ModuleVerdict[]>()
  for (const v of verdicts) {
    const t = v.r.target
    if (!v.r.runtimeLoads || !t) continue
    const id = `${t.key}#${t.slice ? `${t.slice.offset}+${t.slice.size}` : ''}`
    const list = byWeight.get(id)
    if (list) list.push(v)
    else byWeight.set(id, [v])
  }
  for (const list of byWeight.values()) {
    if (list.length < 2) continue
    const rank = (v: ModuleVerdict) => position.get(convertedStem(v.r.stem, keys)) ?? -1
    const winner = list.reduce((a, b) => (rank(b) > rank(a) ? b : a))
    for (const v of list) {
      if (v === winner) continue
      v.r.status = 'unresolved'
      v.r.runtimeLoads = false
      delete v.r.expected
      v.r.reason = `ComfyUI: read, then silently replaced: ${winner.r.stem} patches the same weight and comes later in ComfyUI's key map`
      v.cause = 'ComfyUI: replaced by another module patching the same weight'
    }
  }
}

function listKeys(keys: readonly string[], max = 3): string {
  const shown = keys.slice(0, max).join(', ')
  return keys.length > max ? `${shown} and ${keys.length - max} more` : shown
}

function allKeys(analysis: LoraAnalysis): string[] {
  const keys: string[] = []
  for (const m of analysis.modules) for (const t of m.tensors) keys.push(t.tensor.name)
  keys.push(...analysis.unknownKeys)
  return keys
}

/**
 * The resolution of a LoRA under one loader. `resolution` is the resolver's answer for the same LoRA and base
 * (the `any` loader); the runtime profiles reuse its shapes and landings.
 */
export function applyLoader(
  loader: LoaderName,
  analysis: LoraAnalysis,
  resolution: LoraResolution,
  base: BaseIndex
): LoraResolution {
  if (loader === 'any') return resolution
  return applyRuntimeLoader(
    loader,
    analysis,
    resolution,
    indexOfResolution(analysis, resolution, base),
    fileFacts(analysis)
  )
}

/** What every runtime profile reads of the LoRA file itself: per module its keys and suffixes, all its keys. */
interface FileFacts {
  facts: ModuleFacts[]
  keys: string[]
  /** The keys as a set, built when ComfyUI's profile first asks. */
  keySet?: ReadonlySet<string>
}

function fileFacts(analysis: LoraAnalysis): FileFacts {
  const keys = allKeys(analysis)
  return { facts: analysis.modules.map(moduleFacts), keys }
}

// The profiles only read the facts, so both share one set (1,500 modules: two passes over every key saved).
function applyRuntimeLoader(
  loader: Exclude<LoaderName, 'any'>,
  analysis: LoraAnalysis,
  resolution: LoraResolution,
  base: BaseIndex,
  file: FileFacts
): LoraResolution {
  const head = {
    lora: resolution.lora,
    base: resolution.base,
    baseFamily: resolution.baseFamily,
    ...(resolution.baseModel !== undefined && { baseModel: resolution.baseModel }),
    baseWidth: resolution.baseWidth
  }
  const keyMap = keyMapOf(base)
  const { facts, keys } = file
  const label = LOADER_LABELS[loader]
  const missing = base.family !== null ? NO_MODEL[loader][base.family] : undefined
  if (missing !== undefined) {
    // The runtime cannot load the base at all: no module of any LoRA loads.
    const verdicts = facts.map((f, i) => ({
      r: {
        stem: f.module.stem,
        path: f.module.path,
        status: 'unresolved' as const,
        shapes: resolution.results[i]?.shapes ?? {}
      }
    }))
    return assemble(loader, head, verdicts, { fileError: missing })
  }
  if (loader === 'comfyui') {
    const keySet = (file.keySet ??= new Set(keys))
    const verdicts = facts.map((f, i) => {
      const v = comfyModule(f, keyMap, keySet)
      v.r.shapes = resolution.results[i]?.shapes ?? {}
      return v
    })
    overwritten(verdicts, keyMap, keySet)
    notChecked(verdicts, resolution, label)
    const notes =
      analysis.unknownKeys.length > 0
        ? [`${label}: lora key not loaded: ${listKeys(analysis.unknownKeys)}`]
        : []
    return assemble(loader, head, verdicts, { notes })
  }
  const landings = facts.map((f, i) => landingOf(f, resolution.results[i], base, keyMap))
  const i2v =
    analysis.modules.some((m) => /k_img$/.test(m.path)) && analysis.modules.some((m) => /v_img$/.test(m.path))
  const sdxl = base.denoiser.entries.some((e) => /^(?:label_emb|add_embedding)\./.test(e.path))
  const out = diffusersProfile({
    arch: keyMap.view.arch,
    facts,
    landings,
    file: { keys, i2v, sdxl },
    unknownKeys: analysis.unknownKeys,
    elsewhere: resolution.results.map((r) => r.status === 'not-checked')
  })
  out.verdicts.forEach((v, i) => (v.r.shapes = resolution.results[i]?.shapes ?? {}))
  notChecked(out.verdicts, resolution, label)
  return assemble(loader, head, out.verdicts, {
    ...(out.fileError ? { fileError: out.fileError } : {}),
    notes: out.notes
  })
}

/**
 * The modules the resolver could not judge against this base (a component the base does not hold): the runtime
 * loads them into a model this resolution does not see (ComfyUI's CLIP or diffusion model, the pipeline's other
 * components), so its profile does not judge them either. A file-level error still applies to them (assemble).
 */
function notChecked(verdicts: ModuleVerdict[], resolution: LoraResolution, label: string): void {
  verdicts.forEach((v, i) => {
    const any = resolution.results[i]
    if (any?.status !== 'not-checked') return
    v.r.status = 'not-checked'
    if (any.why) v.r.why = any.why
    const into =
      any.why?.kind === 'other-component' && any.why.module === 'denoiser'
        ? 'the diffusion model'
        : 'its text encoder'
    v.r.reason = `${label} loads it into ${into}, a file the base does not include: not checked`
    delete v.r.runtimeLoads
    delete v.r.expected
    delete v.r.target
    delete v.cause
    delete v.note
    delete v.fileError
  })
}

/** Every runtime profile's resolution, in display order. */
export function applyRuntimeLoaders(
  analysis: LoraAnalysis,
  resolution: LoraResolution,
  base: BaseIndex
): LoraResolution[] {
  const file = fileFacts(analysis)
  const index = indexOfResolution(analysis, resolution, base)
  return RUNTIME_LOADERS.map((l) => applyRuntimeLoader(l, analysis, resolution, index, file))
}
