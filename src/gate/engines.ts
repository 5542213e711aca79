/**
 * The adapter from the real engines (src/compare, src/lora) to the narrow views the gate needs (types.ts): figures
 * become percentages, flags get string evidence, module results get their block and layer kind. The baseline's
 * LoRA index and block counts are built once per baseline, however many LoRAs are gated against it.
 */
import {
  compareCheckpoints,
  toMappingFile,
  type Comparison,
  type Flag,
  type KeyMapping
} from '../compare/index.js'
import type { Checkpoint } from '../formats/types.js'
import {
  analyzeLora,
  buildBaseIndex,
  resolveLora,
  type BaseIndex,
  type LoraAnalysis,
  type LoraResolution,
  type ModuleResolution
} from '../lora/index.js'
import { LORA_SCHEMA_VERSION, summarizeAnalysis, summarizeLoader } from '../lora/report.js'
import { applyLoader } from '../lora/loaders/index.js'
import { notCheckedParts } from '../lora/components.js'
import type { LoaderName } from '../lora/types.js'
import { TOOL } from '../version.js'
import { evidenceText, flagTitle } from './evidence.js'
import { percent } from './format.js'
import type { CompareView, EngineFlag, GateEngines, LoraModuleView, LoraView } from './types.js'

const MAX_LISTED_KEYS = 200
const MAX_SAMPLE_MAPPINGS = 20

/**
 * How resolution reasons become words: the report layer's `wordResolution` (src/report/lora-reasons.ts), passed
 * in by the pipeline, which sits above both. Without it the typed kinds are shown as they are.
 */
export type ResolutionWords = (r: LoraResolution) => LoraResolution

function kindsOnly(r: LoraResolution): LoraResolution {
  for (const x of r.results) {
    if (x.why) x.reason = x.why.kind
    if (x.causeWhy) x.cause = x.causeWhy.kind
  }
  for (const c of r.causes) c.cause ??= c.why?.kind
  return r
}

export function defaultEngines(words: ResolutionWords = kindsOnly): GateEngines {
  const indexes = new WeakMap<Checkpoint, BaseIndex>()
  const analyses = new WeakMap<Checkpoint, LoraAnalysis>()
  const analysisOf = (c: Checkpoint) => {
    let a = analyses.get(c)
    if (!a) analyses.set(c, (a = analyzeLora(c)))
    return a
  }
  const indexOf = (c: Checkpoint) => {
    let i = indexes.get(c)
    if (!i) indexes.set(c, (i = buildBaseIndex(c)))
    return i
  }
  // The resolver's answer per LoRA, kept for the other loaders of the same gate run (a profile starts from it).
  const resolved = new WeakMap<Checkpoint, { baseline: Checkpoint; resolution: LoraResolution }>()
  const resolutionOf = (lora: Checkpoint, baseline: Checkpoint) => {
    const hit = resolved.get(lora)
    if (hit && hit.baseline === baseline) return hit.resolution
    const resolution = words(resolveLora(analysisOf(lora), indexOf(baseline)))
    resolved.set(lora, { baseline, resolution })
    return resolution
  }
  return {
    isLora: (c) => isLoraAnalysis(analysisOf(c), c),
    compare: (artifact, baseline) => compareView(compareCheckpoints(artifact, baseline)),
    resolveLora: (lora, baseline, loader: LoaderName = 'any') => {
      const analysis = analysisOf(lora)
      const any = resolutionOf(lora, baseline)
      const resolution = applyLoader(loader, analysis, any, indexOf(baseline))
      return loraView(analysis, resolution, baseline)
    }
  }
}

/**
 * A LoRA is a file whose keys are mostly adapter tensors (down/up, LoHa/LoKr factors, diffs, alphas). A full
 * checkpoint yields no modules at all; a checkpoint with a few stray adapter keys stays a checkpoint.
 */
export function isLoraAnalysis(a: LoraAnalysis, ckpt: Checkpoint): boolean {
  if (a.modules.length === 0) return false
  const adapterTensors = a.modules.reduce((n, m) => n + m.tensors.length, 0)
  return adapterTensors * 2 >= ckpt.tensors.length
}

// ---------------------------------------------------------------------------------------------------------------
// Checkpoints

export function compareView(c: Comparison): CompareView {
  return {
    figures: {
      exact: 100 * c.overlap.exact,
      normalized: 100 * c.overlap.normalized,
      mapped: 100 * c.overlap.mapped
    },
    tier: c.verdict.tier,
    shapes: {
      matching: c.shapes.matching,
      mismatched: c.shapes.differing.length,
      examples: c.shapes.differing
        .slice(0, MAX_LISTED_KEYS)
        .map((d) => ({ key: d.key, artifact: d.shapeA, baseline: d.shapeB }))
    },
    flags: c.flags.map(engineFlag),
    unmatched: {
      artifact: c.unmatched.a.slice(0, MAX_LISTED_KEYS),
      baseline: c.unmatched.b.slice(0, MAX_LISTED_KEYS),
      artifactTotal: c.unmatched.a.length,
      baselineTotal: c.unmatched.b.length
    },
    sampleMappings: sampleMappings(c.mappings),
    document: toMappingFile(c, TOOL)
  }
}

/** A comparison flag in the gate's words: the artifact and the baseline rather than A and B, readable evidence. */
export function engineFlag(f: Flag): EngineFlag {
  return {
    // The artifact is side A of the comparison: a quantized baseline says so under its own id, so that
    // `fail-on: quantized-storage` judges what the pull request brings, not what it is compared with.
    id: f.code === 'quantized-storage' && f.evidence.side === 'b' ? 'baseline-quantized-storage' : f.code,
    severity: f.kind,
    title: flagTitle(f.message),
    evidence: evidenceText(f.evidence, f.message)
  }
}

/** High-confidence structural mappings first (splits and fuses are the interesting ones), then the rest. */
function sampleMappings(mappings: readonly KeyMapping[]): CompareView['sampleMappings'] {
  const rank = (m: KeyMapping) =>
    (m.confidence === 'high' ? 0 : m.confidence === 'medium' ? 2 : 4) + (m.kind === 'rename' ? 1 : 0)
  return [...mappings]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_SAMPLE_MAPPINGS)
    .map((m) => ({ source: [...m.source], target: [...m.target], kind: m.kind, confidence: m.confidence }))
}

// ---------------------------------------------------------------------------------------------------------------
// LoRAs

export function loraView(analysis: LoraAnalysis, resolution: LoraResolution, baseline: Checkpoint): LoraView {
  const series = mainSeries(analysis)
  const modules: LoraModuleView[] = resolution.results.map((r, i) => {
    const m = analysis.modules[i]
    const view: LoraModuleView = { name: r.stem, status: statusOf(r) }
    if (r.target) view.target = r.target.key
    if (m?.stem === r.stem) {
      if (m.block && m.block.series === series) view.block = m.block.index
      view.layerKind = coarseKind(m.layerKind)
    }
    if (view.status !== 'loadable') view.detail = detailOf(r)
    return view
  })
  const ok = resolution.counts.ok
  const view: LoraView = {
    convention: analysis.mixed
      ? `mixed (${analysis.conventions.map((c) => c.convention).join(', ')})`
      : (analysis.primary ?? 'unknown'),
    moduleCount: resolution.modules,
    checkedCount: resolution.checked,
    // From the counts, not the rounded loadablePercent: 99.996% must not pass a 100% threshold.
    loadable: percent(ok, resolution.checked),
    modules,
    flags: loraFlags(analysis, resolution),
    // The resolution document of schemas/lora.schema.json (kind lora-resolution): the per-module results are in
    // `resolution`, so the analysis goes without its module list.
    document: {
      schemaVersion: LORA_SCHEMA_VERSION,
      tool: { ...TOOL },
      kind: 'lora-resolution',
      analysis: summarizeAnalysis(analysis, false),
      resolution
    }
  }
  if (series) {
    const blocks = blockCount(baseline, series)
    if (blocks > 0) view.baselineBlocks = blocks
  }
  if (resolution.loader !== undefined && resolution.loader !== 'any') {
    const brief = summarizeLoader(resolution)
    view.loader = resolution.loader
    view.brokenLoads = brief.brokenLoads
    if (brief.fileError !== undefined) view.fileError = brief.fileError
    if (brief.cause !== undefined) view.cause = brief.cause
  }
  return view
}

function statusOf(r: ModuleResolution): LoraModuleView['status'] {
  if (r.status === 'ok') return 'loadable'
  if (r.status === 'not-checked') return 'not-checked'
  return r.status === 'shape-mismatch' ? 'shape-mismatch' : 'unresolved'
}

function detailOf(r: ModuleResolution): string {
  const parts: string[] = []
  if (r.expected) parts.push(r.expected)
  if (r.reason) parts.push(r.reason)
  if (r.status === 'unresolved' && r.nearest && r.nearest.length > 0)
    parts.push(`nearest: ${r.nearest[0].key} (${r.nearest[0].why})`)
  return parts.join('; ') || (r.status === 'unresolved' ? 'no matching baseline key' : r.status)
}

/** `self-attn q` -> `self-attn`; `text-encoder self-attn q` -> `text-encoder`. */
function coarseKind(label: string): string {
  return label.split(' ')[0] || 'other'
}

/** The block series most modules sit in (`blocks` for Wan, `double_blocks` or `single_blocks` for Flux). */
function mainSeries(a: LoraAnalysis): string | undefined {
  const counts = new Map<string, number>()
  for (const m of a.modules) if (m.block) counts.set(m.block.series, (counts.get(m.block.series) ?? 0) + 1)
  let best: string | undefined
  for (const [s, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = s
  return best
}

const blockCounts = new WeakMap<Checkpoint, Map<string, number>>()

/** Blocks of `series` in the baseline (`blocks.N.` anywhere in a key, after any prefix). */
function blockCount(baseline: Checkpoint, series: string): number {
  let cache = blockCounts.get(baseline)
  if (!cache) blockCounts.set(baseline, (cache = new Map()))
  const known = cache.get(series)
  if (known !== undefined) return known
  const needle = `${series}.`
  let max = -1
  for (const t of baseline.tensors) {
    const at = t.name.indexOf(needle)
    if (at < 0 || (at > 0 && t.name[at - 1] !== '.')) continue
    const rest = t.name.slice(at + needle.length)
    const dot = rest.indexOf('.')
    const n = Number(dot < 0 ? rest : rest.slice(0, dot))
    if (Number.isSafeInteger(n) && n > max) max = n
  }
  cache.set(series, max + 1)
  return max + 1
}

function loraFlags(a: LoraAnalysis, r: LoraResolution): EngineFlag[] {
  const flags: EngineFlag[] = []
  const notChecked = r.counts['not-checked']
  if (notChecked > 0) {
    const teAlone = notCheckedParts(r).baseIsTextEncoder
    flags.push({
      id: 'not-checked',
      severity: 'warning',
      title: 'Modules not checked',
      evidence: `${notChecked} of ${r.modules} modules patch ${
        teAlone
          ? 'a component the baseline is not (it is one text encoder alone)'
          : 'a text encoder, and the baseline holds none (a transformer or UNet file alone)'
      }: the loadable figure is of the other ${r.checked}; a baseline with those components checks them`
    })
  }
  if (r.causes.length > 0) {
    flags.push({
      id: 'likely-cause',
      severity: 'red',
      title: 'Likely cause',
      evidence: r.causes
        .slice(0, 3)
        .map((c) => `${c.cause} (${c.modules} module${c.modules === 1 ? '' : 's'})`)
        .join('; ')
    })
  }
  if (a.width !== null && r.baseWidth !== null && a.width !== r.baseWidth) {
    flags.push({
      id: 'hidden-dim',
      severity: 'red',
      title: 'Different hidden dim',
      evidence: `the LoRA's modules take ${a.width} inputs; the baseline's width is ${r.baseWidth}`
    })
  }
  const root = (f: string) => f.split('-')[0]
  if (a.family && r.baseFamily && a.family !== r.baseFamily && root(a.family) === root(r.baseFamily)) {
    // wan vs wan-diffusers: one network, two naming schemes; the resolver maps between them.
    flags.push({
      id: 'same-family',
      severity: 'green',
      title: 'Same model family, other naming',
      evidence: `module names are ${a.family}; the baseline is ${r.baseFamily}`
    })
  } else if (a.family && r.baseFamily && a.family !== r.baseFamily) {
    flags.push({
      id: 'family',
      severity: r.counts.ok === r.checked ? 'warning' : 'red',
      title: 'Different model family',
      evidence: `module names point at ${a.family}; the baseline is ${r.baseFamily}`
    })
  } else if (a.family && r.baseFamily) {
    flags.push({ id: 'same-family', severity: 'green', title: 'Same model family', evidence: a.family })
  }
  if (a.mixed) {
    flags.push({
      id: 'mixed-conventions',
      severity: 'warning',
      title: 'Mixed naming conventions',
      evidence: a.conventions.map((c) => `${c.convention} (${c.keyCount} keys)`).join(', ')
    })
  }
  if (a.unknownKeys.length > 0) {
    flags.push({
      id: 'unknown-keys',
      severity: 'warning',
      title: 'Keys that are not adapter tensors',
      evidence: `${a.unknownKeys.length} key(s), e.g. ${a.unknownKeys.slice(0, 3).join(', ')}`
    })
  }
  return flags
}
