/**
 * Resolution of a LoRA against a base model: for every module, the base key it patches (found among the base's own
 * names, their underscored forms, or the aliases of another naming family) and a shape check; for every module
 * that would not load, why. O(modules + base keys): each lookup is a map hit.
 */
import type { Checkpoint } from '../formats/types.js'
import {
  buildBaseIndex,
  type AliasTarget,
  type BaseEntry,
  type BaseIndex,
  type BaseSpace
} from './base-index.js'
import { blockOf, familyDisplayName, mode, sizeLabel } from './layers.js'
import type { FallbackTarget } from './compare-fallback.js'
import { nearestKeys } from './nearest.js'
import { checkModuleShapes, type ShapeVerdict } from './shapes.js'
import type {
  LoraAnalysis,
  LoraModule,
  LoraResolution,
  ModuleResolution,
  ResolutionStatus,
  ResolutionTarget
} from './types.js'
import { byCodeUnit } from './order.js'

interface Candidate {
  entry: BaseEntry
  slice?: AliasTarget['slice']
  via: string
}

/**
 * An alias table's label read from the LoRA's side. The tables turn base names into the names of another naming
 * family (`name map wan original->diffusers` on an original base), so a LoRA that hits one uses the second naming
 * on a base with the first: `name map wan diffusers->original`.
 */
export function loraToBaseLabel(label: string): string {
  return label.replace(/^(.*?)(\S+)->(\S+)(.*)$/, '$1$3->$2$4')
}

/** Every base entry a module's name lands on, own names first, then aliases. */
function candidates(m: LoraModule, space: BaseSpace): Candidate[] {
  const u = m.path.replace(/\./g, '_')
  if (m.pathForm === 'dotted') {
    const own = space.dotted.get(m.path)
    if (own) return [{ entry: own, via: 'exact' }]
  }
  const under = space.underscore.get(u)
  if (under)
    return under.map((entry) => ({ entry, via: m.pathForm === 'dotted' ? 'underscore form' : 'underscore' }))
  for (const alias of space.aliases) {
    const hits = m.pathForm === 'dotted' ? alias.dotted.get(m.path) : alias.underscore.get(u)
    if (hits) {
      const via = loraToBaseLabel(alias.label)
      return hits.map((h) => ({ entry: h.entry, ...(h.slice ? { slice: h.slice } : {}), via }))
    }
  }
  return []
}

/** The tensor a module patches: a bias-only delta patches the bias; everything else the weight (or parameter). */
function targetOf(m: LoraModule, c: Candidate): ResolutionTarget | null {
  const biasOnly = m.tensors.every((t) => t.role === 'diff-bias')
  if (biasOnly) {
    if (!c.entry.bias) return null
    return { key: c.entry.bias.key, shape: c.entry.bias.shape, via: c.via }
  }
  const t: ResolutionTarget = { key: c.entry.key, shape: c.entry.shape, via: c.via }
  if (c.slice) t.slice = c.slice
  return t
}

function shapesOf(m: LoraModule): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const t of m.tensors) {
    if (t.role === 'alpha' || t.role === 'alpha-scale' || t.role === 'ia3-on-input') continue
    out[t.index !== undefined ? `${t.role}.${t.index}` : t.role] = t.tensor.shape
  }
  return out
}

// Wan2.1 I2V's CLIP branch, in original and diffusers names (`attn2.add_k_proj`; Flux's `attn.add_k_proj` is text).
const IMAGE_BRANCH =
  /(?:^|[._])(?:k_img|v_img|norm_k_img|img_emb|attn2[._]add_[kv]_proj|attn2[._]norm_added_k|image_embedder)(?:[._]|$)/

/** Naming variants of one architecture (original vs diffusers names) share an architecture. */
function architectureOf(family: string): string {
  if (family === 'sd-diffusers-unet') return 'sdxl'
  return family.replace(/-diffusers$/, '')
}

function unresolvedReason(
  m: LoraModule,
  space: BaseSpace | undefined,
  base: BaseIndex,
  loraFamily: string | null
): string {
  if (m.component === 'text-encoder') {
    return base.textEncoders.size === 0
      ? `text-encoder module (${m.prefix || 'text encoder'}); the base has no text encoder (transformer-only)`
      : `text-encoder ${m.textEncoder} module; the base has text encoder(s) ${[...base.textEncoders.keys()].join(', ')} but no such key`
  }
  if (!space) return 'the base has no denoiser keys'
  if (loraFamily && base.family && architectureOf(loraFamily) !== architectureOf(base.family)) {
    return `LoRA for ${familyDisplayName(loraFamily)} on a ${familyDisplayName(base.family)} base: no key of that name`
  }
  if (IMAGE_BRANCH.test(m.path) && !base.hasImageBranch) {
    return 'I2V-only module (CLIP image branch: k_img/v_img/img_emb); the base has no image branch (a T2V or Wan2.2 model)'
  }
  const block = blockOf(m.path)
  if (block) {
    const max = space.blockMax.get(block.series)
    if (max !== undefined && block.index > max) {
      return `block ${block.series}.${block.index} does not exist: the base has ${baseDepth(block.series, max)}`
    }
  }
  return `no base key named ${m.path}${m.pathForm === 'underscore' ? ' (underscore form)' : ''}`
}

/** The blocks a base has: `blocks 0-29`, or `only block 0` for a one-block base. */
export function baseDepth(series: string, max: number): string {
  if (max > 0) return `${series} 0-${max}`
  return `only ${series === 'blocks' ? 'block' : series} 0`
}

/** A cause without per-module numbers, so equal causes group. */
const CONTEXT_LABELS: Record<number, string> = { 768: 'SD1.x', 1024: 'SD2.x', 2048: 'SDXL' }

/**
 * The text-context width of a UNet's cross-attention (attn2.to_k in-dim): what tells SD1.x (768), SD2.x (1024) and
 * SDXL (2048) apart, where the hidden width says nothing (every UNet has 320/640/1280 levels).
 */
function contextWidths(analysis: LoraAnalysis, base: BaseIndex): { lora: number; base: number } | null {
  const unet = (f: string | null) => f === 'sdxl' || f === 'sd-diffusers-unet'
  if (!unet(analysis.family) || !unet(base.family)) return null
  const loraIn = mode(
    analysis.modules
      .filter((m) => /attn2[._]to_k$/.test(m.path))
      .map((m) => m.tensors.find((t) => t.role === 'down')?.tensor.shape[1] ?? 0)
  )
  const baseIn = mode(
    base.denoiser.entries.filter((e) => /attn2\.to_k$/.test(e.path)).map((e) => e.shape[1] ?? 0)
  )
  return loraIn && baseIn && loraIn !== baseIn ? { lora: loraIn, base: baseIn } : null
}

function causeOf(
  r: ModuleResolution,
  v: ShapeVerdict | null,
  analysis: LoraAnalysis,
  base: BaseIndex,
  context: { lora: number; base: number } | null
): string {
  if (r.status === 'shape-mismatch') {
    if (context) {
      const label = (w: number) => CONTEXT_LABELS[w] ?? `context ${w}`
      return `${label(context.lora)} LoRA on ${label(context.base)} base: text context ${context.lora} vs ${context.base}`
    }
    if (analysis.width !== null && base.width !== null && analysis.width !== base.width) {
      const lora = sizeLabel(analysis.family ?? base.family, analysis.width)
      const baseLabel = sizeLabel(base.family, base.width)
      return `${lora} LoRA on ${baseLabel} base: in-dim ${analysis.width} vs ${base.width}`
    }
    if (v?.loraIn !== undefined && v.baseIn !== undefined && v.loraIn !== v.baseIn)
      return 'in-dim differs from the base'
    return 'shape differs from the base'
  }
  if (r.status === 'unsupported') return r.reason ?? 'unsupported adapter'
  const reason = r.reason ?? ''
  if (reason.startsWith('text-encoder')) return 'text-encoder modules; the base has no such text encoder'
  if (reason.startsWith('I2V-only'))
    return 'I2V-only modules (k_img/v_img/img_emb) on a base without the image branch'
  if (reason.startsWith('block ')) {
    const m = /the base has (.+)$/.exec(reason)
    return m ? `blocks beyond the base's depth (base has ${m[1]})` : 'blocks beyond the base depth'
  }
  if (reason.startsWith('LoRA for'))
    return `LoRA for ${familyDisplayName(analysis.family ?? '?')} on a ${familyDisplayName(base.family ?? '?')} base`
  return 'names not found in the base'
}

export interface ResolveOptions {
  /** Cap on modules listed with nearest keys (each costs O(base patterns)); the rest still get a reason. */
  maxNearest?: number
  /** Ask the model-vs-model mapper about dotted names no table knows (default true; needs the base Checkpoint). */
  compareFallback?: boolean
}

const MAX_FALLBACK_MODULES = 2000

type Outcome = { r: ModuleResolution; v: ShapeVerdict | null }

/** Choose among the candidates (the one whose shapes fit, else the first) and set status, target and reason. */
function settle(m: LoraModule, r: ModuleResolution, found: Candidate[]): Outcome {
  let chosen = found[0]!
  let verdict: ShapeVerdict | null = null
  const targets: { c: Candidate; t: ResolutionTarget }[] = []
  for (const c of found) {
    const t = targetOf(m, c)
    if (!t) continue
    targets.push({ c, t })
    const v = checkModuleShapes(m, c.entry, c.slice)
    if (verdict === null || (v.ok && !verdict.ok)) {
      verdict = v
      chosen = c
    }
  }
  if (found.length > 1) r.ambiguous = found.filter((c) => c !== chosen).map((c) => c.entry.key)
  const target = targets.find((x) => x.c === chosen)?.t
  if (!target || !verdict) {
    r.reason = `the base module ${chosen.entry.path} has no bias for this bias-only delta`
    return { r, v: null }
  }
  r.target = target
  delete r.reason
  if (m.algorithm === 'unknown' || m.algorithm === 'glora' || m.algorithm === 'oft') {
    r.status = m.algorithm === 'unknown' ? 'unsupported' : 'ok'
    r.reason =
      m.algorithm === 'unknown'
        ? 'no adapter tensors a loader recognises'
        : `${m.algorithm}: resolved, shapes not checked`
    return { r, v: verdict }
  }
  if (verdict.ok) {
    r.status = 'ok'
    if (m.algorithm === 'ia3')
      r.reason = 'IA3: ComfyUI has no IA3 adapter and reports these keys as not loaded'
    if (verdict.note) r.reason = verdict.note
  } else {
    r.status = 'shape-mismatch'
    r.expected = verdict.expected ?? 'shapes differ'
    const rows = target.slice ? ` rows ${target.slice.offset}+${target.slice.size}` : ''
    r.reason = `shape mismatch against ${target.key} ${JSON.stringify(target.shape)}${rows}`
  }
  return { r, v: verdict }
}

function spaceOf(m: LoraModule, base: BaseIndex): BaseSpace | undefined {
  const space = m.component === 'text-encoder' ? base.textEncoders.get(m.textEncoder) : base.denoiser
  return space && space.entries.length > 0 ? space : undefined
}

function resolveModule(m: LoraModule, base: BaseIndex, analysis: LoraAnalysis): Outcome {
  const r: ModuleResolution = { stem: m.stem, path: m.path, status: 'unresolved', shapes: shapesOf(m) }
  const space = spaceOf(m, base)
  const found = space ? candidates(m, space) : []
  if (found.length === 0) {
    r.reason = unresolvedReason(m, space, base, analysis.family)
    return { r, v: null }
  }
  return settle(m, r, found)
}

/** Unresolved dotted denoiser modules whose name alone is the problem: worth asking the compare mapper. */
function wantsFallback(m: LoraModule, r: ModuleResolution): boolean {
  return (
    r.status === 'unresolved' &&
    m.component === 'denoiser' &&
    m.pathForm === 'dotted' &&
    r.reason?.startsWith('no base key named') === true
  )
}

/**
 * The first phase of a resolution: every module against the base's own names and the alias tables. What is left
 * for the compare-mapper fallback is in `fallbackModules` (empty when the fallback is off, impossible or not
 * worth it); `finish` settles those with what the fallback found and builds the result. Split so a caller can
 * load the mapper (src/compare, a large module) only when a file needs it.
 */
export interface PendingResolution {
  index: BaseIndex
  fallbackModules: LoraModule[]
  finish(found?: ReadonlyMap<string, FallbackTarget>): LoraResolution
}

export function startResolution(
  analysis: LoraAnalysis,
  base: Checkpoint | BaseIndex,
  opts: ResolveOptions = {}
): PendingResolution {
  const index = 'tensors' in base ? buildBaseIndex(base) : base
  const outcomes = analysis.modules.map((m) => resolveModule(m, index, analysis))
  let fallbackModules: LoraModule[] = []
  if (index.checkpoint && opts.compareFallback !== false) {
    fallbackModules = analysis.modules.filter((m, i) => wantsFallback(m, outcomes[i]!.r))
    // The mapper compares whole models; past a few thousand unknown names it is not worth its time.
    if (fallbackModules.length > MAX_FALLBACK_MODULES) fallbackModules = []
  }
  return {
    index,
    fallbackModules,
    finish: (found) => {
      if (found !== undefined && found.size > 0) {
        analysis.modules.forEach((m, i) => {
          const hit = found.get(m.stem)
          if (!hit || !wantsFallback(m, outcomes[i]!.r)) return
          outcomes[i] = settle(m, outcomes[i]!.r, [
            { entry: hit.entry, via: hit.via, ...(hit.slice ? { slice: hit.slice } : {}) }
          ])
        })
      }
      return finishResolution(analysis, index, outcomes, opts)
    }
  }
}

/**
 * `resolveLora` with the compare mapper loaded only when some module needs it (the CLI's path: a LoRA whose
 * names all resolve never loads src/compare).
 */
export async function resolveLoraLazily(
  analysis: LoraAnalysis,
  base: Checkpoint | BaseIndex,
  opts: ResolveOptions = {}
): Promise<LoraResolution> {
  const pending = startResolution(analysis, base, opts)
  const checkpoint = pending.index.checkpoint
  if (pending.fallbackModules.length === 0 || checkpoint === undefined) return pending.finish()
  const { compareFallback } = await import('./compare-fallback.js')
  return pending.finish(compareFallback(pending.fallbackModules, pending.index.denoiser, checkpoint))
}

function finishResolution(
  analysis: LoraAnalysis,
  index: BaseIndex,
  outcomes: Outcome[],
  opts: ResolveOptions
): LoraResolution {
  const maxNearest = opts.maxNearest ?? 200
  const context = contextWidths(analysis, index)
  const counts: Record<ResolutionStatus, number> = {
    ok: 0,
    unresolved: 0,
    'shape-mismatch': 0,
    unsupported: 0
  }
  const causes = new Map<string, number>()
  const results: ModuleResolution[] = []
  let nearestGiven = 0
  analysis.modules.forEach((m, i) => {
    const { r, v } = outcomes[i]!
    counts[r.status]++
    if (r.status !== 'ok') {
      const cause = causeOf(r, v, analysis, index, context)
      r.cause = cause
      causes.set(cause, (causes.get(cause) ?? 0) + 1)
      const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser
      if (r.status === 'unresolved' && space && space.entries.length > 0 && nearestGiven < maxNearest) {
        r.nearest = nearestKeys(m, space)
        nearestGiven++
      }
    }
    results.push(r)
  })
  const modules = analysis.modules.length
  return {
    lora: analysis.path,
    base: index.path,
    baseFamily: index.family,
    baseWidth: index.width,
    modules,
    loadable: counts.ok,
    loadablePercent: modules === 0 ? 0 : Math.round((counts.ok / modules) * 10000) / 100,
    counts,
    causes: [...causes.entries()]
      .map(([cause, n]) => ({ cause, modules: n }))
      .sort((a, b) => b.modules - a.modules || byCodeUnit(a.cause, b.cause)),
    results
  }
}
