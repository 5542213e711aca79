/**
 * Resolution of a LoRA against a base model. Every module implies base tensors (implied.ts: its weight with the
 * shape its factors give, its bias when it carries a bias delta); one correspondence call per base component
 * (the denoiser, each text encoder) links them to the base's own tensors: a rename, a reshape, a fuse (the module
 * fills rows of a fused base weight), a split (its rows land on several base weights) or a reorder (the same rows
 * in another chunk order). The links give each module its base key(s) and row ranges; a shape check per target
 * gives its status; a module without a link gets a typed reason (reasons.ts) and the nearest base keys.
 */
import { rowNumel } from '../util/numel.js'
import type { Checkpoint } from '../formats/types.js'
import { kohyaForm } from '../names/adapters.js'
import { flat } from '../names/tokens.js'
import { buildBaseIndex, type BaseEntry, type BaseIndex, type BaseSpace } from './base-index.js'
import { correspondImplied, type Link, type LinkKind, type TensorSpec } from './correspondence.js'
import { impliedTensors, type ImpliedTensors } from './implied.js'
import { causeOf, contextWidths, otherComponentWhy, unresolvedWhy } from './why.js'
import { nearestKeys } from './nearest.js'
import { byCodeUnit } from './order.js'
import { emptyCounts, loadableFigures } from './counts.js'
import { asTextEncoder, outsideBase, textEncoderSlots } from './components.js'
import { causeKey, type ResolutionCause } from './reasons.js'
import { checkModuleShapes, type BiasRows, type ShapeVerdict } from './shapes.js'
import type {
  LoraAnalysis,
  LoraModule,
  LoraResolution,
  ModuleResolution,
  ResolutionLink,
  ResolutionTarget
} from './types.js'

export interface ResolveOptions {
  /** Cap on modules listed with nearest keys (each costs O(base patterns)); the rest still get a reason. */
  maxNearest?: number
}

/** The correspondence of one base component, with its base tensors by name (relative to the component). */
interface SpaceLinks {
  space: BaseSpace
  /** Base spec name (relative) -> stored key, shape and the entry it belongs to. */
  base: Map<string, { key: string; shape: number[]; entry: BaseEntry; tensor: 'weight' | 'bias' }>
  /** Implied name -> its link. */
  byImplied: Map<string, Link>
}

function specsOf(space: BaseSpace): { specs: TensorSpec[]; base: SpaceLinks['base'] } {
  const specs: TensorSpec[] = []
  const base: SpaceLinks['base'] = new Map()
  // Index loops in this file's per-entry and per-module paths (interpreted: a for-of step allocates).
  for (let i = 0; i < space.entries.length; i++) {
    const e = space.entries[i]!
    // Flat names: the engine and the lookups below hash each of them several times.
    const name = e.isParam ? e.path : flat(`${e.path}.weight`)
    specs.push({ name, shape: e.shape, block: e.block })
    base.set(name, { key: e.key, shape: e.shape, entry: e, tensor: 'weight' })
    if (e.bias) {
      const biasName = flat(`${e.path}.bias`)
      specs.push({ name: biasName, shape: e.bias.shape, block: e.block })
      base.set(biasName, { key: e.bias.key, shape: e.bias.shape, entry: e, tensor: 'bias' })
    }
  }
  return { specs, base }
}

/**
 * A base that is one text encoder's file alone, as the text encoder of the slot whose modules it fits best (most
 * modules loading; the lowest slot on a tie): nothing in a text encoder's own keys says which slot of a pipeline
 * it fills (SDXL's CLIP-G is `lora_te2_`, Flux's T5 is `lora_te2_`, SD3's is `lora_te3_`), and the LoRA's modules
 * are what the question is about. The others are another file's (not checked).
 */
function asTextEncoderOf(analysis: LoraAnalysis, index: BaseIndex, opts: ResolveOptions): LoraResolution {
  const slots = textEncoderSlots(analysis)
  let best: LoraResolution | undefined
  for (const slot of slots.length > 0 ? slots : [1]) {
    const r = resolveOn(analysis, asTextEncoder(index, slot), opts)
    if (best === undefined || r.loadable > best.loadable) best = r
  }
  return best!
}

function spaceOf(m: LoraModule, index: BaseIndex): BaseSpace | undefined {
  const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser
  return space && space.entries.length > 0 ? space : undefined
}

function correspondSpace(
  space: BaseSpace,
  modules: LoraModule[],
  impliedOf: (m: LoraModule) => ImpliedTensors
): SpaceLinks {
  const { specs, base } = specsOf(space)
  const implied = new Map<string, TensorSpec>()
  for (let i = 0; i < modules.length; i++) {
    const t = impliedOf(modules[i]!)
    if (t.weight && !implied.has(t.weight.name)) implied.set(t.weight.name, t.weight)
    if (t.bias && !implied.has(t.bias.name)) implied.set(t.bias.name, t.bias)
  }
  const result = correspondImplied([...implied.values()], specs, space)
  const byImplied = new Map<string, Link>()
  for (let i = 0; i < result.links.length; i++) {
    const link = result.links[i]!
    for (let j = 0; j < link.a.length; j++) byImplied.set(link.a[j]!, link)
  }
  return { space, base, byImplied }
}

function shapesOf(m: LoraModule): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (let i = 0; i < m.tensors.length; i++) {
    const t = m.tensors[i]!
    if (t.role === 'alpha' || t.role === 'alpha-scale' || t.role === 'ia3-on-input') continue
    out[t.index !== undefined ? `${t.role}.${t.index}` : t.role] = t.tensor.shape
  }
  return out
}

function linkSummary(link: Link): ResolutionLink {
  const s: ResolutionLink = { kind: link.kind, confidence: link.confidence, evidence: link.evidence }
  if (link.ambiguity) s.ambiguity = link.ambiguity
  if (link.order) s.order = [...link.order]
  return s
}

/** The label of each engine link kind, written once (every module's targets carry one). */
const VIA_ENGINE: Readonly<Record<LinkKind, string>> = {
  rename: 'correspondence engine (rename)',
  reshape: 'correspondence engine (reshape)',
  split: 'correspondence engine (split)',
  fuse: 'correspondence engine (fuse)',
  reorder: 'correspondence engine (reorder)'
}

/** A display label of how a link was found (kept for `target.via`). */
function viaOf(link: Link, m: LoraModule): string {
  let sameName = false
  for (let i = 0; i < link.evidence.length; i++) {
    const e = link.evidence[i]!
    if (e.kind === 'engine') return VIA_ENGINE[e.link]
    if (e.kind === 'same-name') sameName = true
  }
  if (sameName) return 'exact'
  return m.pathForm === 'underscore' ? 'underscore' : 'underscore form'
}

interface Outcome {
  r: ModuleResolution
  v: ShapeVerdict | null
}

/** The base targets a module's weight link gives: one (rename, fuse, reorder) or several (split). */
function weightTargets(
  link: Link,
  impliedName: string,
  links: SpaceLinks,
  via: string
): { target: ResolutionTarget; entry: BaseEntry }[] {
  const out: { target: ResolutionTarget; entry: BaseEntry }[] = []
  if (link.kind === 'split') {
    link.b.forEach((b, i) => {
      const base = links.base.get(b)
      const rows = link.rows?.[i]
      if (!base || !rows) return
      out.push({
        target: { key: base.key, shape: base.shape, via, rows: { start: rows.start, end: rows.end } },
        entry: base.entry
      })
    })
    return out
  }
  const base = links.base.get(link.b[0]!)
  if (!base) return out
  const t: ResolutionTarget = { key: base.key, shape: base.shape, via }
  if (link.kind === 'fuse') {
    const at = link.a.indexOf(impliedName)
    const rows = link.rows?.[at]
    if (rows) t.slice = { offset: rows.start, size: rows.end - rows.start }
  }
  out.push({ target: t, entry: base.entry })
  return out
}

function resolveModule(
  m: LoraModule,
  implied: ImpliedTensors,
  links: SpaceLinks | undefined,
  index: BaseIndex,
  analysis: LoraAnalysis
): Outcome {
  const r: ModuleResolution = { stem: m.stem, path: m.path, status: 'unresolved', shapes: shapesOf(m) }
  if (outsideBase(m, index)) {
    // The component it patches is another file (the base is the transformer or UNet alone, or one text encoder).
    r.status = 'not-checked'
    r.why = otherComponentWhy(m, index)
    return { r, v: null }
  }
  const space = links?.space
  const weightLink = implied.weight ? links?.byImplied.get(implied.weight.name) : undefined
  const biasLink = implied.bias ? links?.byImplied.get(implied.bias.name) : undefined
  const biasBase = biasLink ? links!.base.get(biasLink.b[0]!) : undefined
  // Every base bias a `.diff_b` patches: one, the rows of a fused bias, or the parts of a split.
  const biasFound =
    biasLink && implied.bias ? weightTargets(biasLink, implied.bias.name, links!, viaOf(biasLink, m)) : []

  if (!implied.weight) {
    // A bias-only delta: the bias its module has, or why not.
    if (biasLink && biasBase) {
      const via = viaOf(biasLink, m)
      r.status = 'ok'
      r.target = { key: biasBase.key, shape: biasBase.shape, via, tensor: 'bias' }
      r.targets = [r.target]
      r.link = linkSummary(biasLink)
      return { r, v: { ok: true } }
    }
    const weight = space?.dotted.get(m.path) ?? space?.underscore.get(kohyaForm(m.path))?.[0]
    r.why = weight
      ? { kind: 'no-bias', module: weight.path }
      : unresolvedWhy(m, space, index, analysis.family)
    return { r, v: null }
  }
  if (!weightLink || !links) {
    r.why = unresolvedWhy(m, space, index, analysis.family)
    return { r, v: null }
  }
  const via = viaOf(weightLink, m)
  const found = weightTargets(weightLink, implied.weight.name, links, via)
  if (found.length === 0) {
    r.why = unresolvedWhy(m, space, index, analysis.family)
    return { r, v: null }
  }
  r.link = linkSummary(weightLink)
  if (weightLink.alternatives && weightLink.alternatives.length > 0)
    r.ambiguous = weightLink.alternatives.map((b) => links.base.get(b)?.key ?? b)
  r.target = found[0]!.target
  r.targets = found.map((f) => f.target)
  for (const b of biasFound) r.targets.push({ ...b.target, tensor: 'bias' })

  // Rows the split leaves without a counterpart: a loader would miss them, a conversion would lose them.
  if (weightLink.kind === 'split') {
    const out = implied.weight.shape[0] ?? 0
    const covered = (weightLink.rows ?? []).reduce((n, x) => n + (x.end - x.start), 0)
    if (covered !== out) {
      const missing: { start: number; end: number }[] = []
      let at = 0
      for (const x of [...(weightLink.rows ?? [])].sort((p, q) => p.start - q.start)) {
        if (x.start > at) missing.push({ start: at, end: x.start })
        at = Math.max(at, x.end)
      }
      if (at < out) missing.push({ start: at, end: out })
      r.why = { kind: 'partial-split', path: m.path, missing }
      return { r, v: null }
    }
  }
  const bias: BiasRows | undefined = implied.bias
    ? biasFound.length > 0
      ? { rows: biasFound.reduce((n, b) => n + targetRows(b.target), 0) }
      : null
    : undefined
  return settle(m, r, found, implied.weight.shape, bias)
}

/** The rows of a base tensor a target patches: its row range, its slice, or the whole tensor. */
function targetRows(t: ResolutionTarget): number {
  if (t.rows) return t.rows.end - t.rows.start
  if (t.slice) return t.slice.size
  return t.shape[0] ?? 0
}

/** Shape checks of every target; the status and the remark or reason. */
function settle(
  m: LoraModule,
  r: ModuleResolution,
  found: { target: ResolutionTarget; entry: BaseEntry }[],
  impliedShape: readonly number[],
  bias?: BiasRows
): Outcome {
  let verdict: ShapeVerdict
  if (found.length === 1) {
    const { target, entry } = found[0]!
    verdict = checkModuleShapes(m, entry, target.slice, bias)
  } else {
    // A split: the module's rows are the parts' rows stacked; every part takes the module's input.
    const inDim = rowNumel(impliedShape)
    const problems: string[] = []
    for (const { target, entry } of found) {
      const rows = target.rows!
      const baseIn = rowNumel(entry.shape)
      if (rows.end - rows.start !== entry.shape[0] || baseIn !== inDim)
        problems.push(
          `rows ${rows.start}-${rows.end - 1} x in ${inDim} vs ${entry.key} ${JSON.stringify(entry.shape)}`
        )
    }
    const first = found[0]!
    const whole: BaseEntry = {
      ...first.entry,
      shape: [found.reduce((n, f) => n + (f.target.rows!.end - f.target.rows!.start), 0), inDim]
    }
    delete whole.bias
    const own = checkModuleShapes(m, whole, undefined, bias ?? null)
    verdict = problems.length === 0 ? own : { ok: false, expected: problems.join('; ') }
  }
  if (m.algorithm === 'unknown') {
    r.status = 'unsupported'
    r.why = { kind: 'unsupported-adapter' }
    return { r, v: verdict }
  }
  if (m.algorithm === 'glora' || m.algorithm === 'oft') {
    r.status = 'ok'
    r.why = { kind: 'shapes-unchecked', algorithm: m.algorithm }
    return { r, v: verdict }
  }
  if (verdict.ok) {
    r.status = 'ok'
    if (m.algorithm === 'ia3') r.why = { kind: 'ia3-not-in-comfyui' }
    if (verdict.note) r.why = { kind: 'shape-note', note: verdict.note }
    return { r, v: verdict }
  }
  r.status = 'shape-mismatch'
  r.expected = verdict.expected ?? 'shapes differ'
  const t = r.target!
  r.why = { kind: 'shape-mismatch', key: t.key, shape: t.shape, expected: r.expected }
  if (t.slice) r.why.slice = t.slice
  return { r, v: verdict }
}

/** Resolve every module of an analysed LoRA against a base checkpoint (or a prebuilt index of one). */
export function resolveLora(
  analysis: LoraAnalysis,
  base: Checkpoint | BaseIndex,
  opts: ResolveOptions = {}
): LoraResolution {
  const index = 'tensors' in base ? buildBaseIndex(base) : base
  if (index.textEncoderAlone && index.textEncoders.size === 0) return asTextEncoderOf(analysis, index, opts)
  return resolveOn(analysis, index, opts)
}

function resolveOn(analysis: LoraAnalysis, index: BaseIndex, opts: ResolveOptions): LoraResolution {
  const bySpace = new Map<BaseSpace, LoraModule[]>()
  for (const m of analysis.modules) {
    const space = spaceOf(m, index)
    if (!space) continue
    const list = bySpace.get(space)
    if (list) list.push(m)
    else bySpace.set(space, [m])
  }
  // Each module's implied tensors, worked out once: the correspondence and the module's own resolution read them.
  const implied = new Map<LoraModule, ImpliedTensors>()
  const impliedOf = (m: LoraModule): ImpliedTensors => {
    let t = implied.get(m)
    if (t === undefined) implied.set(m, (t = impliedTensors(m)))
    return t
  }
  const links = new Map<BaseSpace, SpaceLinks>()
  for (const [space, modules] of bySpace) links.set(space, correspondSpace(space, modules, impliedOf))
  const linksOf = (m: LoraModule) => {
    const s = spaceOf(m, index)
    return s ? links.get(s) : undefined
  }
  const outcomes = analysis.modules.map((m) => resolveModule(m, impliedOf(m), linksOf(m), index, analysis))
  return finishResolution(analysis, index, outcomes, opts)
}

/** `resolveLora` behind a promise, for callers written against the earlier two-phase API. */
export async function resolveLoraLazily(
  analysis: LoraAnalysis,
  base: Checkpoint | BaseIndex,
  opts: ResolveOptions = {}
): Promise<LoraResolution> {
  return resolveLora(analysis, base, opts)
}

function finishResolution(
  analysis: LoraAnalysis,
  index: BaseIndex,
  outcomes: Outcome[],
  opts: ResolveOptions
): LoraResolution {
  const maxNearest = opts.maxNearest ?? 200
  const context = contextWidths(analysis, index)
  const counts = emptyCounts()
  const causes = new Map<string, { why: ResolutionCause; modules: number }>()
  const results: ModuleResolution[] = []
  let nearestGiven = 0
  analysis.modules.forEach((m, i) => {
    const { r, v } = outcomes[i]!
    counts[r.status]++
    // A module not checked is no failure: not among the causes (its own, for convert's refusal, is kept).
    if (r.status === 'not-checked') r.causeWhy = causeOf(r, v, analysis, index, context)
    else if (r.status !== 'ok') {
      const why = causeOf(r, v, analysis, index, context)
      r.causeWhy = why
      const key = causeKey(why)
      const c = causes.get(key)
      if (c) c.modules++
      else causes.set(key, { why, modules: 1 })
      const space = spaceOf(m, index)
      if (r.status === 'unresolved' && space && nearestGiven < maxNearest) {
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
    ...(index.model !== undefined && { baseModel: index.model }),
    baseWidth: index.width,
    ...loadableFigures(modules, counts),
    counts,
    causes: [...causes.entries()]
      .sort((a, b) => b[1].modules - a[1].modules || byCodeUnit(a[0], b[0]))
      .map(([, c]) => ({ why: c.why, modules: c.modules })),
    results
  }
}
