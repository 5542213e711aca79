/**
 * The JSON document of `model-compat lora --json` (schemas/lora.schema.json): each LoRA's analysis with compact
 * modules (tensor byte ranges dropped), its resolution against the base when one was given, and the LoRA vs LoRA
 * comparison with --compare. Pure: plain data in, plain data out.
 */
import type { LoaderName, LoraAnalysis, LoraComparison, LoraModule, LoraResolution } from './types.js'

export interface ModuleSummary {
  stem: string
  path: string
  naming: LoraModule['naming']
  algorithm: LoraModule['algorithm']
  component: LoraModule['component']
  textEncoder: number
  layerKind: string
  block?: { series: string; index: number }
  adapterName?: string
  rank: number | null
  storedRank: number | null
  splitCount: number
  hasAlpha: boolean
  alpha: number | null
  scale: number | null
  scaleSource: LoraModule['scaleSource']
  params: number
  bytes: number
  /** Adapter tensor shapes by role (`down`, `up`, `up-block.0`, `alpha`, ...); full key names are in --export. */
  shapes: Record<string, number[]>
  /** Dtypes of the module's tensors, e.g. `BF16` or `BF16+F32`. */
  dtype: string
  issues: string[]
}

export type AnalysisSummary = Omit<LoraAnalysis, 'modules'> & { modules?: ModuleSummary[] }

/** How one runtime loader profile fares, in brief (the full resolution is `--loader NAME`). */
export interface LoaderSummary {
  loader: LoaderName
  modules: number
  loadable: number
  /** Modules the runtime merges although their layout is wrong (they load, and they are broken). */
  brokenLoads: number
  fileError?: string
  /** The most frequent cause of modules that do not load. */
  cause?: string
}

export interface LoraReportEntry {
  /** Display name (`--names`) or the path. */
  name: string
  analysis: AnalysisSummary
  resolution?: LoraResolution
  /** With a base and no `--loader`: every runtime profile in brief. */
  loaders?: LoaderSummary[]
}

/**
 * The lora documents' schema version (schemas/lora.schema.json). 3: a resolution counts `not-checked` modules (a
 * text encoder the base does not hold) and its loadable share is of the `checked` ones.
 */
export const LORA_SCHEMA_VERSION = 3

export interface LoraReportDocument {
  schemaVersion: typeof LORA_SCHEMA_VERSION
  tool: { name: string; version: string }
  kind: 'lora-report'
  base?: string
  loras: LoraReportEntry[]
  comparison?: LoraComparison
}

export function summarizeModule(m: LoraModule): ModuleSummary {
  const s: ModuleSummary = {
    stem: m.stem,
    path: m.path,
    naming: m.naming,
    algorithm: m.algorithm,
    component: m.component,
    textEncoder: m.textEncoder,
    layerKind: m.layerKind,
    rank: m.rank,
    storedRank: m.storedRank,
    splitCount: m.splitCount,
    hasAlpha: m.hasAlpha,
    alpha: m.alpha,
    scale: m.scale,
    scaleSource: m.scaleSource,
    params: m.params,
    bytes: m.bytes,
    shapes: Object.fromEntries(
      m.tensors.map((t) => [t.index !== undefined ? `${t.role}.${t.index}` : t.role, [...t.tensor.shape]])
    ),
    dtype: [...new Set(m.tensors.map((t) => t.tensor.dtype))].sort().join('+'),
    issues: [...m.issues]
  }
  if (m.block) s.block = { ...m.block }
  if (m.adapterName) s.adapterName = m.adapterName
  return s
}

/** The analysis as JSON data; `withModules` adds every module (about 500 bytes each). */
export function summarizeAnalysis(a: LoraAnalysis, withModules = true): AnalysisSummary {
  const { modules, ...rest } = a
  return withModules ? { ...rest, modules: modules.map(summarizeModule) } : rest
}

export function summarizeLoader(r: LoraResolution): LoaderSummary {
  const s: LoaderSummary = {
    loader: r.loader ?? 'any',
    // the modules the base can judge: `loadable` of these (not-checked text-encoder ones apart)
    modules: r.checked,
    loadable: r.loadable,
    brokenLoads: r.results.filter((m) => m.status !== 'ok' && m.runtimeLoads === true).length
  }
  if (r.fileError !== undefined) s.fileError = r.fileError
  const cause = r.causes[0]?.cause
  if (cause !== undefined) s.cause = cause
  return s
}

export interface BuildReportInput {
  tool: { name: string; version: string }
  analyses: LoraAnalysis[]
  names?: string[]
  base?: string
  resolutions?: (LoraResolution | undefined)[]
  /** Per LoRA, every runtime profile's resolution (summarised in the report). */
  loaders?: (LoraResolution[] | undefined)[]
  comparison?: LoraComparison
  withModules?: boolean
}

export function buildLoraReport(input: BuildReportInput): LoraReportDocument {
  const doc: LoraReportDocument = {
    schemaVersion: LORA_SCHEMA_VERSION,
    tool: { ...input.tool },
    kind: 'lora-report',
    loras: input.analyses.map((a, i) => {
      const entry: LoraReportEntry = {
        name: input.names?.[i] ?? a.path,
        analysis: summarizeAnalysis(a, input.withModules ?? true)
      }
      const r = input.resolutions?.[i]
      if (r) entry.resolution = r
      const profiles = input.loaders?.[i]
      if (profiles) entry.loaders = profiles.map(summarizeLoader)
      return entry
    })
  }
  if (input.base !== undefined) doc.base = input.base
  if (input.comparison) doc.comparison = input.comparison
  return doc
}
