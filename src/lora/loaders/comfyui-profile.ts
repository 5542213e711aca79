/**
 * The ComfyUI profile: each module of a LoRA through ComfyUI's key map and weight adapters (the rules in
 * comfyui.ts), landing on the weight the key map names and checked with the resolver's own shape check. A module
 * ComfyUI would not read is "lora key not loaded"; a pair whose up has no down fails the whole file with the
 * KeyError ComfyUI raises; a delta ComfyUI reshapes into a weight of the same element count but another layout
 * loads, and is reported as broken.
 */
import { checkModuleShapes } from '../shapes.js'
import type { LoraModule, ModuleResolution, ResolutionTarget } from '../types.js'
import { PREFIX } from '../../names/adapters.js'
import { ADAPTERS, LORA_PAIRS, SHARED_SUFFIXES, convertedStem } from './comfyui.js'
import type { KeyMap, KeyMapTarget } from './keymap.js'
import type { ModuleFacts } from './subject.js'
import type { ModuleVerdict } from './verdict.js'
import { rowNumel } from '../../util/numel.js'

const RUNTIME = 'ComfyUI'

/** What `load_lora` reads of one module: the keys it consumes, whether it makes a patch, or the KeyError. */
interface Reading {
  consumed: Set<string>
  patches: { name: string; merge: 'reshape' | 'exact' | 'unchecked'; bias?: boolean }[]
  keyError?: string
}

function read(stem: string, suffixes: ReadonlySet<string>): Reading {
  const r: Reading = { consumed: new Set(), patches: [] }
  for (const s of SHARED_SUFFIXES) if (suffixes.has(s)) r.consumed.add(s)
  const pair = LORA_PAIRS.find((p) => suffixes.has(p.up))
  if (pair) {
    r.consumed.add(pair.up)
    if (!suffixes.has(pair.down)) {
      r.keyError = `KeyError: '${stem}${pair.down}'`
      return r
    }
    r.consumed.add(pair.down)
    if (pair.mid && suffixes.has(pair.mid)) r.consumed.add(pair.mid)
    r.patches.push({ name: 'lora', merge: 'reshape' })
  }
  for (const a of ADAPTERS) {
    if (!a.trigger.some((t) => suffixes.has(t))) continue
    const missing = a.required.find((s) => !suffixes.has(s))
    if (missing !== undefined) {
      r.keyError = `KeyError: '${stem}${missing}'`
      return r
    }
    for (const s of [...a.trigger, ...a.required, ...a.optional]) if (suffixes.has(s)) r.consumed.add(s)
    r.patches.push({ name: a.name, merge: a.merge, ...(a.bias ? { bias: true } : {}) })
  }
  return r
}

/** The delta's element count for a reshape-merging adapter, or null when the shapes do not say. */
function deltaElements(m: LoraModule): number | null {
  const shape = (role: string) => m.tensors.find((t) => t.role === role)?.tensor.shape
  if (m.algorithm === 'lora') {
    const up = shape('up')
    const down = shape('down')
    if (!up || !down || shape('mid')) return null
    return (up[0] ?? 0) * rowNumel(down)
  }
  if (m.algorithm === 'loha') {
    const a = shape('hada_w1_a')
    const b = shape('hada_w1_b')
    return a && b ? (a[0] ?? 0) * rowNumel(b) : null
  }
  return null
}

function targetOf(t: KeyMapTarget, converted: boolean, biasOnly: boolean): ResolutionTarget | null {
  const w = t.weight
  if (biasOnly) {
    const bias = w.entry.bias
    return bias ? { key: bias.key, shape: bias.shape, via: `ComfyUI ${t.source}` } : null
  }
  const fusedFrom = w.baseKeys.length > 1 ? ` (fused on load from ${w.baseKeys.join(', ')})` : ''
  const via =
    converted && t.component === 'denoiser'
      ? `ComfyUI ${t.source}, on the base converted to ComfyUI's names on load${fusedFrom}`
      : `ComfyUI ${t.source}`
  const target: ResolutionTarget = {
    key: w.baseKeys.length > 1 ? `${PREFIX.comfyDenoiser}${w.path}.weight` : w.entry.key,
    shape: w.entry.shape,
    via
  }
  if (t.slice) target.slice = t.slice
  return target
}

export function comfyModule(f: ModuleFacts, keyMap: KeyMap, fileKeys: ReadonlySet<string>): ModuleVerdict {
  const m = f.module
  const r: ModuleResolution = { stem: m.stem, path: m.path, status: 'unresolved', shapes: {} }
  const stem = convertedStem(m.stem, fileKeys)
  const hit = keyMap.stems.get(stem)
  const notLoaded = (why: string): ModuleVerdict => {
    r.reason = `${RUNTIME}: lora key not loaded: ${f.keys[0] ?? m.stem} (${why})`
    r.runtimeLoads = false
    return { r, cause: `${RUNTIME}: lora key not loaded (${why.replace(/ [^ ]*\d[^ ]*$/, '')})` }
  }
  if (!hit) {
    const arch = keyMap.view.arch === 'generic' ? 'this' : `a ${keyMap.view.arch}`
    return notLoaded(`not in ComfyUI's key map for ${arch} model`)
  }
  const reading = read(stem, f.suffixes)
  if (reading.keyError) {
    r.reason = `${RUNTIME}: the whole file fails to load: ${reading.keyError}`
    r.runtimeLoads = false
    return { r, cause: `${RUNTIME}: file fails to load`, fileError: reading.keyError }
  }
  if (reading.patches.length === 0) {
    const kinds = [...f.suffixes].filter((s) => !reading.consumed.has(s))
    return notLoaded(`ComfyUI reads no ${kinds.join(' / ') || 'adapter'} tensors`)
  }
  const ignored = [...f.suffixes].filter((s) => !reading.consumed.has(s))
  const biasOnly = reading.patches.every((p) => p.bias)
  const target = targetOf(hit, keyMap.view.converted, biasOnly)
  if (!target) {
    return notLoaded(`the weight ${hit.weight.path} has no bias for this bias delta`)
  }
  r.target = target
  const verdict = checkModuleShapes(m, hit.weight.entry, hit.slice)
  const ignoredNote =
    ignored.length > 0 ? `; ${RUNTIME} ignores its ${ignored.join(', ')} (lora key not loaded)` : ''
  if (verdict.ok || m.algorithm === 'glora' || m.algorithm === 'oft') {
    r.status = 'ok'
    r.runtimeLoads = true
    if (ignoredNote) r.reason = `loads${ignoredNote}`
    return { r, ...(ignored.length > 0 ? { note: `${RUNTIME} ignores ${ignored.join(', ')} keys` } : {}) }
  }
  r.status = 'shape-mismatch'
  r.expected = verdict.expected ?? 'shapes differ'
  const merge = reading.patches.find((p) => !p.bias)?.merge ?? 'exact'
  const rows = hit.slice ? hit.slice.size : (hit.weight.entry.shape[0] ?? 0)
  const weightElements = rows * rowNumel(hit.weight.entry.shape)
  const delta = deltaElements(m)
  if (merge === 'reshape' && delta !== null && delta === weightElements) {
    r.runtimeLoads = true
    r.reason =
      `${RUNTIME} merges it (it reshapes the delta to the weight, and the element count matches), but ` +
      `${r.expected}: it loads, and it is broken`
    return { r, cause: `${RUNTIME} merges a delta of the wrong layout (loads, broken)` }
  }
  r.runtimeLoads = false
  r.reason =
    merge === 'exact'
      ? `${RUNTIME}: WARNING SHAPE MISMATCH ${target.key} WEIGHT NOT MERGED (${r.expected})`
      : `${RUNTIME}: ERROR lora ${target.key}: shape '[${target.shape.join(', ')}]' is invalid for the delta (${r.expected})`
  return { r, cause: `${RUNTIME}: delta does not fit the weight (not merged)` }
}
