/**
 * Explaining one LoRA file from its Checkpoint: the conventions it uses (with the keys that show them), its modules
 * and their statistics, and its training metadata. Pure: no I/O.
 */
import type { Checkpoint } from '../formats/types.js'
import type { FamilyLayer } from '../names/families.js'
import { SUFFIX } from '../names/adapters.js'
import { impliedWeightShape } from './implied.js'
import { guessFamily, mode } from './layers.js'
import { defaultAlphaRule, groupModules, tensorBytes, numel, type ModuleOptions } from './modules.js'
import type {
  ConventionEvidence,
  ConventionName,
  LoraAnalysis,
  LoraModule,
  LoraStatistics,
  NamingConvention,
  TrainingMetadata
} from './types.js'
import { byCodeUnit } from './order.js'

export interface AnalyzeOptions {
  /** Values of scalar alpha / alpha_scale tensors by key, when the caller read them (see cli/commands/lora.ts). */
  scalars?: ReadonlyMap<string, number>
}

const MAX_EXAMPLES = 3
const MAX_METADATA_VALUE = 200

/** A module as the family detector reads it: its path and, when the factors give it, the weight shape. */
function familyLayer(m: LoraModule): FamilyLayer {
  const shape = impliedWeightShape(m)
  return shape.length > 0 ? { path: m.path, shape } : { path: m.path }
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// Loops, not Math.min(...xs): a spread of 100k+ values overflows the call stack.
function minOf(xs: number[]): number {
  let m = Infinity
  for (const x of xs) if (x < m) m = x
  return m
}

function maxOf(xs: number[]): number {
  let m = -Infinity
  for (const x of xs) if (x > m) m = x
  return m
}

function bump(rec: Record<string, number>, key: string, by = 1): void {
  rec[key] = (rec[key] ?? 0) + by
}

/** Convention markers that quote an adapter suffix. */
const MARKER = {
  diff: `full delta ${SUFFIX.diff} beside a LoRA`,
  diffBias: `full delta ${SUFFIX.diffBias} beside a LoRA`,
  doraScale: `suffix ${SUFFIX.doraScale} (LyCORIS DoRA)`,
  magnitude: `suffix ${SUFFIX.magnitude} (PEFT DoRA)`
}

function conventionsOf(
  evidence: ReturnType<typeof groupModules>['evidence'],
  modules: LoraModule[]
): ConventionEvidence[] {
  const byName = new Map<ConventionName, { keys: number; markers: Set<string>; examples: string[] }>()
  const add = (name: ConventionName, key: string, markers: string[]): void => {
    let e = byName.get(name)
    if (!e) byName.set(name, (e = { keys: 0, markers: new Set(), examples: [] }))
    e.keys++
    for (const m of markers) if (m) e.markers.add(m)
    if (e.examples.length < MAX_EXAMPLES) e.examples.push(key)
  }
  for (const [naming, e] of evidence)
    byName.set(naming, { keys: e.keys, markers: new Set(e.markers), examples: [...e.examples] })
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i]!
    for (let j = 0; j < m.tensors.length; j++) {
      const t = m.tensors[j]!
      if (m.algorithm !== 'lora' && m.algorithm !== 'unknown' && m.naming !== 'lycoris') {
        add('lycoris', t.tensor.name, [`${m.algorithm} module`])
      }
      if (m.algorithm === 'lora' && (t.role === 'diff' || t.role === 'diff-bias')) {
        add('lycoris', t.tensor.name, [t.role === 'diff' ? MARKER.diff : MARKER.diffBias])
      }
      if (t.role === 'dora-scale') add('dora', t.tensor.name, [MARKER.doraScale])
      if (t.role === 'magnitude') add('dora', t.tensor.name, [MARKER.magnitude])
    }
  }
  return [...byName.entries()]
    .map(([convention, e]) => ({
      convention,
      keyCount: e.keys,
      markers: [...e.markers].sort(),
      examples: e.examples
    }))
    .sort((a, b) => b.keyCount - a.keyCount || byCodeUnit(a.convention, b.convention))
}

function rankNotes(modules: LoraModule[], modalRank: number | null): string[] {
  const notes = new Map<string, number>()
  for (const m of modules) {
    if (m.storedRank === null) continue
    if (m.splitCount > 1 && m.rank !== null) {
      const note = `stored rank ${m.storedRank} = ${m.splitCount} x trained rank ${m.rank} (LongCat lora_up.blocks split into ${m.splitCount})`
      notes.set(note, (notes.get(note) ?? 0) + 1)
    } else if (
      modalRank &&
      m.storedRank !== modalRank &&
      m.storedRank % modalRank === 0 &&
      /qkv|kv|fused/.test(m.layerKind) &&
      m.storedRank / modalRank <= 4
    ) {
      const k = m.storedRank / modalRank
      const note = `stored rank ${m.storedRank} = ${k} x ${modalRank} on a fused target: likely a split_qkv merge; loaders that take rank from the down shape scale by alpha/${m.storedRank}`
      notes.set(note, (notes.get(note) ?? 0) + 1)
    }
  }
  return [...notes.entries()].map(([note, n]) => `${n} module${n === 1 ? '' : 's'}: ${note}`)
}

export function loraStatistics(
  ckpt: Checkpoint,
  modules: LoraModule[],
  primary: NamingConvention | null
): LoraStatistics {
  // Null-prototype records: keys come from files (dtypes), and a key such as `__proto__` must stay a plain key.
  const dtypes: Record<string, number> = Object.create(null)
  let params = 0
  let bytes = 0
  // Index loops here: once per tensor and per module, interpreted (a for-of step allocates an iterator result).
  const tensors = ckpt.tensors
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    bump(dtypes, t.dtype)
    params += numel(t.shape)
    bytes += tensorBytes(t)
  }
  const algorithms: Record<string, number> = Object.create(null)
  const layerKinds: Record<string, number> = Object.create(null)
  const blocks: Record<string, Set<number>> = Object.create(null)
  const alphaValues: Record<string, number> = Object.create(null)
  const scaleValues: Record<string, number> = Object.create(null)
  let unread = 0
  let missing = 0
  const ranks: number[] = []
  const scales: number[] = []
  let te = 0
  // A file's modules share a few alpha and scale values: each value's key is written once per run of equal values.
  let lastAlpha: number | null = null
  let alphaKey = ''
  let lastScale: number | null = null
  let scaleKey = ''
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i]!
    bump(algorithms, m.algorithm)
    bump(layerKinds, m.layerKind)
    if (m.block) (blocks[m.block.series] ??= new Set()).add(m.block.index)
    if (m.component === 'text-encoder') te++
    if (m.rank !== null) ranks.push(m.rank)
    if (m.scaleSource === 'alpha-unread') unread++
    if (m.scaleSource === 'default-no-alpha') missing++
    if (m.alpha !== null && m.hasAlpha) {
      if (m.alpha !== lastAlpha) alphaKey = String((lastAlpha = m.alpha))
      bump(alphaValues, alphaKey)
    }
    if (m.scale !== null) {
      scales.push(m.scale)
      if (m.scale !== lastScale) scaleKey = String(Number((lastScale = m.scale).toPrecision(6)))
      bump(scaleValues, scaleKey)
    }
  }
  ranks.sort((a, b) => a - b)
  const histogram = new Map<number, number>()
  for (const r of ranks) histogram.set(r, (histogram.get(r) ?? 0) + 1)
  const storedRanks: number[] = []
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i]!
    if (m.splitCount === 1 && m.storedRank !== null) storedRanks.push(m.storedRank)
  }
  const modal = mode(storedRanks)
  return {
    modules: modules.length,
    tensors: ckpt.tensors.length,
    params,
    bytes,
    dtypes,
    algorithms,
    rank:
      ranks.length === 0
        ? null
        : {
            min: ranks[0]!,
            median: median(ranks),
            max: ranks[ranks.length - 1]!,
            histogram: [...histogram.entries()].map(([rank, n]) => ({ rank, modules: n }))
          },
    rankNotes: rankNotes(modules, modal),
    alpha: { values: alphaValues, unread, missing, defaultRule: defaultAlphaRule(primary) },
    scale: scales.length === 0 ? null : { min: minOf(scales), max: maxOf(scales), values: scaleValues },
    layerKinds,
    blocks: Object.fromEntries(
      Object.entries(blocks).map(([series, set]) => [series, [...set].sort((a, b) => a - b)])
    ),
    components: { denoiser: modules.length - te, textEncoder: te }
  }
}

const SUMMARY_KEYS: [string, string][] = [
  ['ss_base_model_version', 'base model'],
  ['modelspec.architecture', 'architecture'],
  ['ss_sd_model_name', 'trained on'],
  ['ss_network_module', 'network module'],
  ['ss_network_dim', 'network dim'],
  ['ss_network_alpha', 'network alpha'],
  ['ss_network_args', 'network args'],
  ['modelspec.title', 'title'],
  ['modelspec.implementation', 'implementation'],
  ['ss_num_epochs', 'epochs'],
  ['ss_max_train_steps', 'max steps'],
  ['ss_learning_rate', 'learning rate'],
  ['ss_training_comment', 'comment']
]

function clip(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return s.length > MAX_METADATA_VALUE ? `${s.slice(0, MAX_METADATA_VALUE)}... (${s.length} chars)` : s
}

export function trainingMetadata(metadata: Record<string, unknown>): TrainingMetadata {
  const kohya: Record<string, string> = {}
  const modelspec: Record<string, string> = {}
  for (const [k, v] of Object.entries(metadata)) {
    if (k.startsWith('ss_')) kohya[k] = clip(v)
    else if (k.startsWith('modelspec.')) modelspec[k] = clip(v)
  }
  const summary: Record<string, string> = {}
  for (const [key, label] of SUMMARY_KEYS) {
    const v = kohya[key] ?? modelspec[key]
    if (v !== undefined && v !== '' && v !== 'None') summary[label] = v
  }
  return { kohya, modelspec, summary }
}

function metadataAlpha(metadata: Record<string, unknown>): number | null {
  const raw = metadata['ss_network_alpha']
  const v = typeof raw === 'string' ? Number(raw) : typeof raw === 'number' ? raw : NaN
  return Number.isFinite(v) && v > 0 ? v : null
}

/**
 * Modules whose stored alpha (as read, `--read-alpha`) makes their delta vanish in the runtimes that scale by it
 * (docs/reference/key-formats.md, "Alpha 0"): ComfyUI patches `W += strength · alpha / rank · up @ down` and
 * diffusers hands alpha to PEFT, whose scale is `lora_alpha / r`, so a module with alpha 0 changes nothing there;
 * kohya's sd-scripts and LyCORIS read an alpha of 0 as alpha = rank, so the same file trains and previews in
 * those and does nothing in the others. sd-scripts itself never writes a 0 (it stores the rank instead): such
 * files come from other writers and converters. LongCat's loader multiplies by `alpha_scale`, so a 0 there is no
 * effect in every runtime.
 */
function zeroScaleWarnings(modules: readonly LoraModule[]): string[] {
  const zeroAlpha = modules.filter((m) => m.scaleSource === 'alpha-tensor' && m.alpha === 0)
  const zeroScale = modules.filter((m) => m.scaleSource === 'alpha-scale-tensor' && m.scale === 0)
  const out: string[] = []
  if (zeroAlpha.length > 0)
    out.push(
      `${zeroAlpha.length} of ${modules.length} module(s) store alpha 0, e.g. ${zeroAlpha[0]!.stem}: ComfyUI and ` +
        'diffusers scale a module by alpha / rank, so these change nothing there, while kohya sd-scripts and ' +
        'LyCORIS read alpha 0 as alpha = rank (scale 1)'
    )
  if (zeroScale.length > 0)
    out.push(
      `${zeroScale.length} of ${modules.length} module(s) store alpha_scale 0, e.g. ${zeroScale[0]!.stem}: ` +
        'the loader multiplies each delta by it, so these change nothing'
    )
  return out
}

/** Explain a LoRA file: conventions, modules, statistics, metadata. */
export function analyzeLora(ckpt: Checkpoint, opts: AnalyzeOptions = {}): LoraAnalysis {
  const moduleOpts: ModuleOptions = { metadataAlpha: metadataAlpha(ckpt.metadata) }
  if (opts.scalars) moduleOpts.scalars = opts.scalars
  const grouped = groupModules(ckpt.tensors, moduleOpts)
  const modules = grouped.modules
  const namingCounts = new Map<NamingConvention, number>()
  for (const m of modules) namingCounts.set(m.naming, (namingCounts.get(m.naming) ?? 0) + 1)
  let primary: NamingConvention | null = null
  for (const [n, c] of namingCounts) if (primary === null || c > namingCounts.get(primary)!) primary = n
  const denoiser = modules.filter((m) => m.component === 'denoiser')
  const widths: number[] = []
  for (const m of denoiser) {
    const down = m.tensors.find((t) => t.role === 'down' || t.role === 'hada_w1_b')?.tensor
    if (down && down.shape.length === 2) widths.push(down.shape[1]!)
  }
  const warnings: string[] = []
  if (grouped.unknownKeys.length > 0) {
    warnings.push(
      `${grouped.unknownKeys.length} key(s) match no known adapter suffix, e.g. ${grouped.unknownKeys[0]}`
    )
  }
  if (modules.length === 0) warnings.push('no LoRA modules found: this does not look like a LoRA file')
  const withIssues = modules.filter((m) => m.issues.length > 0)
  if (withIssues.length > 0) {
    warnings.push(
      `${withIssues.length} module(s) are inconsistent, e.g. ${withIssues[0]!.stem}: ${withIssues[0]!.issues[0]}`
    )
  }
  warnings.push(...zeroScaleWarnings(modules))
  return {
    path: ckpt.path,
    format: ckpt.format,
    conventions: conventionsOf(grouped.evidence, modules),
    primary,
    mixed: namingCounts.size > 1,
    family: guessFamily(denoiser.map((m) => familyLayer(m))),
    width: mode(widths),
    statistics: loraStatistics(ckpt, modules, primary),
    metadata: trainingMetadata(ckpt.metadata),
    modules,
    unknownKeys: grouped.unknownKeys,
    warnings
  }
}
