/**
 * Types of the gate: the policy it applies, the narrow view it needs of the comparison and LoRA-resolution engines,
 * and the GateReport it produces (schemas/gate-report.schema.json). The gate depends on the engines only through
 * `GateEngines`, so the policy can be tested with hand-made results and the engines can change shape behind one
 * adapter (engines.ts).
 */
import type { VerdictTier } from '../compare/types.js'
import type { Checkpoint, PickleGlobal } from '../formats/types.js'
import type { LoaderName } from '../lora/types.js'

/** The overlap figures a threshold can apply to. All figures are percentages, 0 to 100. */
export type GateMetric = 'exact' | 'normalized' | 'mapped' | 'loadable'
/** `auto`: loadable for LoRAs, mapped for full checkpoints. */
export type MetricChoice = GateMetric | 'auto'

/** Flags that can fail the gate regardless of the overlap (`fail-on`). */
export type FailOnFlag =
  /** A pickle imports a dangerous global (os.system, builtins.eval, ...). The default. */
  | 'dangerous-globals'
  /** A pickle imports a global that is neither known-safe nor known-dangerous. */
  | 'unknown-globals'
  /** The zip container of a torch file has anomalies (duplicate names, encryption, ...). */
  | 'zip-anomaly'
  /** Tensors whose shapes differ from the baseline (checkpoints), or LoRA modules with shape mismatches. */
  | 'shape-mismatch'
  /** LoRA modules that target no baseline key. */
  | 'unresolved-modules'
  /** A different number of blocks than the baseline. */
  | 'block-count'
  /** A different attention layout (fused vs separate). */
  | 'attention-layout'
  /** A different hidden dimension. */
  | 'hidden-dim'
  /** A naming scheme with no recognisable pattern relative to the baseline. */
  | 'naming'
  /**
   * The artifact stores quantized weights (FP8 with scale tensors, bitsandbytes state; src/names/quantization.ts),
   * which the comparison otherwise reads as the network they store (a green flag): for teams that release
   * full-precision files only. A quantized baseline is `baseline-quantized-storage`, which no policy fails on.
   */
  | 'quantized-storage'
  /** Any red flag at all. */
  | 'any-red'

export interface GatePolicy {
  /** Minimum gated figure, percent (0 to 100). */
  threshold: number
  metric: MetricChoice
  /** Flags that fail the gate. Empty = overlap only (`fail-on: none`). */
  failOn: FailOnFlag[]
  /**
   * Pickle globals the user allows (`allow-globals`): full names or `module.*` patterns (policy.ts
   * `parseAllowGlobals`). They move unknown globals to allowed; a dangerous global stays dangerous.
   */
  allowGlobals?: string[]
  /**
   * The runtimes whose loading rules a LoRA is gated under (`loader`: `any`, `comfyui`, `diffusers`, or a list);
   * absent means `any`. Each listed loader must reach the threshold.
   */
  loaders?: LoaderName[]
}

export type ArtifactKind = 'lora' | 'checkpoint'
export type FlagSeverity = 'red' | 'warning' | 'green'

/** A flag as the comparison engine reports it, with the evidence that supports it. */
export interface EngineFlag {
  /** Stable identifier, e.g. `block-count`, `attention-layout`, `hidden-dim`, `naming`, `same-blocks`. */
  id: string
  severity: FlagSeverity
  title: string
  evidence: string
}

/** What the gate needs from comparing a full checkpoint against the baseline. */
export interface CompareView {
  figures: { exact: number; normalized: number; mapped: number }
  tier: VerdictTier
  shapes: {
    matching: number
    mismatched: number
    /** A few mismatches with both shapes (artifact first). */
    examples: Array<{ key: string; artifact: number[]; baseline: number[] }>
  }
  flags: EngineFlag[]
  /** Keys of the artifact with no counterpart in the baseline, and the reverse (may be truncated lists). */
  unmatched: { artifact: string[]; baseline: string[]; artifactTotal: number; baselineTotal: number }
  /** A few proposed mappings for the details section. */
  sampleMappings: Array<{ source: string[]; target: string[]; kind: string; confidence: string }>
  /** The full mapping document (schemas/mapping.schema.json), written to mapping-dir. */
  document: unknown
}

/** `not-checked`: a text-encoder module on a baseline that holds no text encoder (neither loading nor failing). */
export type LoraModuleStatus = 'loadable' | 'unresolved' | 'shape-mismatch' | 'not-checked'

export interface LoraModuleView {
  /** The module name as stored in the LoRA (without the down/up suffixes). */
  name: string
  status: LoraModuleStatus
  /** The baseline key it resolves to, when it resolves. */
  target?: string
  /** Index in the main repeated block family, when the module sits in one. */
  block?: number
  /** Layer kind, e.g. `self-attn`, `cross-attn`, `ffn`, `modulation`, `embedding`, `other`. */
  layerKind?: string
  /** Why it does not load (both shapes, nearest keys, likely cause). */
  detail?: string
}

/** What the gate needs from resolving a LoRA against the baseline. */
export interface LoraView {
  convention: string
  moduleCount: number
  /**
   * Modules the baseline can judge: the others patch a component the baseline does not hold (status
   * `not-checked`).
   */
  checkedCount: number
  /** Loadable modules over the modules the baseline can judge, percent. */
  loadable: number
  /** Modules whose base key matched by name without any mapping, percent (the LoRA's `exact` figure), if known. */
  exact?: number
  /** Modules that matched after prefix/separator normalisation, percent, if known. */
  normalized?: number
  modules: LoraModuleView[]
  /** Blocks in the baseline's main block family (for the coverage picture), if known. */
  baselineBlocks?: number
  flags: EngineFlag[]
  /** The full resolution document (schemas/lora.schema.json), written to mapping-dir. */
  document: unknown
  /** The loader profile the view follows (absent: any). */
  loader?: LoaderName
  /** The runtime refuses the whole file, with this error. */
  fileError?: string
  /** Modules the runtime merges with the wrong layout (they load, and they are broken). */
  brokenLoads?: number
  /** The most frequent cause of modules that do not load. */
  cause?: string
}

/** The engines the gate calls; engines.ts adapts the real compare and lora modules to these. */
export interface GateEngines {
  isLora(ckpt: Checkpoint): boolean
  compare(artifact: Checkpoint, baseline: Checkpoint): CompareView
  /** Under `loader`'s rules (default `any`). */
  resolveLora(lora: Checkpoint, baseline: Checkpoint, loader?: LoaderName): LoraView
}

/**
 * A checkpoint judged by the gate (`judgeCheckpoint`): its report row without a path (`path` is empty; an engine
 * error's message is without the path too), and its mapping or resolution document.
 */
export interface JudgedArtifact {
  report: ArtifactReport
  document?: unknown
  /** The path of the checkpoint judged, which the document names (each file's copy names the file itself). */
  path: string
}

/** One artifact to gate: its checkpoint (or its verdict, judged as it was read), or the error that stopped it. */
export interface GateInput {
  path: string
  checkpoint?: Checkpoint
  /** The artifact's verdict, when it was judged as it was read (the checkpoint then need not be held). */
  judged?: JudgedArtifact
  /** Where it was read, when not at `path` (its document names this location, as a checkpoint's path does). */
  location?: string
  /**
   * Why it could not be read. `globals`: what its pickles import, when the reader got that far (a file that is
   * not a loadable checkpoint still reports a dangerous import; formats `globalsOfError`).
   */
  error?: { code: string; message: string; globals?: PickleGlobal[] }
}

// ---------------------------------------------------------------------------------------------------------------
// The report (schemas/gate-report.schema.json)

export interface GateFlag {
  id: string
  severity: FlagSeverity
  title: string
  evidence: string
  /** True when this flag is listed in `fail-on` and so fails the gate by itself. */
  failsGate: boolean
}

export interface CoverageRow {
  layerKind: string
  /** One character per block: `#` every module loads, `x` some do not, `.` not touched. */
  cells: string
  modules: number
  failing: number
}

export interface LoraReport {
  convention: string
  modules: number
  loadable: number
  unresolved: number
  shapeMismatch: number
  /** Modules that do not load, worst first, cut to a limit (`failuresTotal` says how many there are). */
  failures: Array<{
    module: string
    status: Exclude<LoraModuleStatus, 'loadable' | 'not-checked'>
    detail: string
  }>
  failuresTotal: number
  /** Text-encoder modules not judged: the baseline holds no text encoder (absent when none). */
  notChecked?: number
  /** Block x layer-kind picture; `blocks` is the number of columns. Absent when no module sits in a block. */
  coverage?: { blocks: number; rows: CoverageRow[]; outsideBlocks: number }
  /** Per gated loader (when `loader` names a runtime or several): how the LoRA fares under its rules. */
  loaders?: LoaderResult[]
}

export interface LoaderResult {
  loader: LoaderName
  /** Loadable modules under this runtime's rules, percent. */
  loadable: number
  modules: number
  loaded: number
  /** Modules the runtime merges with the wrong layout (they load, and they are broken). */
  brokenLoads: number
  /** The runtime refuses the whole file, with this error. */
  fileError?: string
  passed: boolean
  /** Why it fails or falls short: the file error or the most frequent cause. */
  why?: string
}

export interface CheckpointReport {
  shapes: { matching: number; mismatched: number; examples: CompareView['shapes']['examples'] }
  unmatched: CompareView['unmatched']
  sampleMappings: CompareView['sampleMappings']
}

export type ArtifactStatus = 'pass' | 'fail' | 'error'

export interface ArtifactReport {
  path: string
  format?: string
  kind?: ArtifactKind
  status: ArtifactStatus
  /** The metric the threshold applied to (after `auto` and fallbacks). */
  metric?: GateMetric
  /** Set when the requested metric did not apply to this kind and another was used instead. */
  metricNote?: string
  /** The gated figure, percent. */
  figure?: number
  figures: Partial<Record<GateMetric, number>>
  tier?: VerdictTier
  /** Why it failed (figure under threshold, failing flags, top module failures), most important first. */
  reasons: string[]
  flags: GateFlag[]
  lora?: LoraReport
  checkpoint?: CheckpointReport
  /** File name (inside mapping-dir) of the mapping or resolution document. */
  document?: string
  error?: { code: string; message: string }
}

/** Worst compatibility tier over the artifacts, or `error` when one could not be read. */
export type GateVerdict = VerdictTier | 'error'

export interface GateReport {
  schemaVersion: 1
  tool: { name: string; version: string }
  passed: boolean
  verdict: GateVerdict
  /** The lowest gated figure over the artifacts that were read; null when none was. */
  overlap: number | null
  policy: {
    threshold: number
    metric: MetricChoice
    failOn: FailOnFlag[]
    allowGlobals?: string[]
    loaders?: LoaderName[]
  }
  baseline: { path: string; format: string; tensors: number; fromCache?: boolean }
  artifacts: ArtifactReport[]
  /**
   * What failed and why, compact (empty when the gate passed): a head line, then one line per failing artifact
   * (`path: <metric> X% < threshold T% · top reasons`, at most MAX_MESSAGE_ARTIFACTS, then "and N more artifacts").
   */
  message: string
}
