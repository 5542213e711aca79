/**
 * `analyzeStructure`: one model's structure from its tensor names and shapes (never its data). Pure, and linear
 * in the number of keys (each key is split once; block templates and modules are analysed once per family).
 */
import { quantizationCompanions } from '../names/quantization.js'
import type { Checkpoint } from '../formats/types.js'
import { findAttentionModules, type ModuleEntry } from './attention.js'
import { findBlockFamilies, type FoundFamily, type NamedTensor } from './blocks.js'
import { applyGgufMetadata, computeDimensions } from './dimensions.js'
import { identifyFamilies, type FamilyLayer } from '../names/families.js'
import { findFfnModules } from './ffn.js'
import { isAdapterKey } from './keys.js'
import { categoryStats, keyRoleMasks, ROLE_BIT, ROLE_ORDER, roleStats } from './key-stats.js'
import { analysisPrefixOf, namingConventions } from './naming.js'
import {
  STRUCTURE_SCHEMA_VERSION,
  type AttentionModule,
  type FfnModule,
  type StructureAnalysis
} from './types.js'

/*
 * Hot loops over every key use index loops, not for-of: analysis runs once per process, mostly in V8's
 * interpreter, where each for-of step allocates an iterator result (about 40 bytes per key and step), and that
 * garbage brings young-generation collections forward, which copy the whole freshly read checkpoint.
 */

/**
 * Element count as a double; the caller marks the total inexact once a count passes 2^53. Absurd shapes (hostile
 * files) are capped at 2^73 per tensor so that every sum stays finite and the result stays valid JSON.
 */
const MAX_NUMEL = 2 ** 73
function numel(shape: readonly number[]): number {
  let n = 1
  for (let i = 0; i < shape.length; i++) n *= shape[i]
  return Number.isFinite(n) && n <= MAX_NUMEL ? n : MAX_NUMEL
}

/**
 * In a diffusers pipeline folder every component's keys carry `<component>.`; the denoiser (the transformer or
 * UNet) is the model to analyse, whatever its share of the keys. Returns its prefix, or null.
 */
function denoiserComponent(ckpt: Checkpoint): string | null {
  if (ckpt.format !== 'diffusers' || !ckpt.components) return null
  const main = ckpt.components.find((c) => c.className && /transformer|unet|dit/i.test(c.className[1]))
  return main ? `${main.name}.` : null
}

/**
 * What a comparison reads of a model's structure: the attention modules (their layouts), the dimensions (the
 * hidden dim) and the identified family. `structureEssentials` computes these exactly as `analyzeStructure`
 * does, through the same code, without the per-key role, category and dtype statistics and the naming summary
 * that only the analysis report shows (a fifth of the analysis of an SDXL UNet).
 */
export type StructureEssentials = Pick<StructureAnalysis, 'attention' | 'dimensions' | 'family'>

export function analyzeStructure(ckpt: Checkpoint): StructureAnalysis {
  return analyse(ckpt, true)
}

export function structureEssentials(ckpt: Checkpoint): StructureEssentials {
  return analyse(ckpt, false)
}

function analyse(ckpt: Checkpoint, full: true): StructureAnalysis
function analyse(ckpt: Checkpoint, full: false): StructureEssentials
function analyse(ckpt: Checkpoint, full: boolean): StructureAnalysis | StructureEssentials {
  const notes: string[] = []
  const names = ckpt.tensors.map((t) => t.name)
  const naming = full ? namingConventions(names) : undefined
  const prefixes = naming ?? analysisPrefixOf(names)
  const denoiser = denoiserComponent(ckpt)
  let prefix = prefixes.analysisPrefix
  if (denoiser && !prefixes.commonPrefix) {
    prefix = denoiser
    if (naming) naming.analysisPrefix = denoiser
  }
  let exact = true
  let paramCount = 0
  const tensors: NamedTensor[] = new Array<NamedTensor>(ckpt.tensors.length)
  // Names seen, to count duplicates; each name's first occurrence, in key order, is a layer the family rules read.
  const seen = new Set<string>()
  const layers: FamilyLayer[] = []
  let duplicates = 0
  // Adapter tensors (LoRA down/up, alpha, ...) do not have base shapes: module analysis skips them.
  const adapter = new Uint8Array(tensors.length)
  let adapterCount = 0
  // One pass over the keys for element counts, prefix removal, duplicates and adapter keys.
  for (let i = 0; i < tensors.length; i++) {
    const t = ckpt.tensors[i]
    const n = numel(t.shape)
    if (!Number.isSafeInteger(n)) exact = false
    paramCount += n
    const name = prefix && t.name.startsWith(prefix) ? t.name.slice(prefix.length) : t.name
    tensors[i] = { name, shape: t.shape, dtype: t.dtype, numel: n }
    if (seen.has(name)) duplicates++
    else {
      seen.add(name)
      layers.push({ path: name, shape: t.shape })
    }
    if (isAdapterKey(name)) {
      adapter[i] = 1
      adapterCount++
    }
  }
  if (!Number.isSafeInteger(paramCount)) exact = false
  if (!exact) notes.push('the parameter count passes 2^53 and is rounded')
  if (full) {
    const q = quantizationCompanions(ckpt.tensors)
    if (q.names.size > 0)
      notes.push(
        `${q.weights} weights are stored ${q.scheme ? `as ${q.scheme}` : 'quantized'}: their ${q.names.size} scale ` +
          'tensors are storage, not layers (compare sets them aside)'
      )
  }
  if (duplicates) notes.push(`${duplicates} duplicate tensor names`)
  if (adapterCount) {
    notes.push(
      `${adapterCount} of ${tensors.length} keys are adapter tensors (LoRA / LyCORIS / deltas); attention, ` +
        'feed-forward and dimensions are read from the other keys only (see the LoRA analysis for adapters)'
    )
  }

  const {
    families,
    innermost,
    outermost,
    notes: blockNotes
  } = findBlockFamilies(tensors, full, duplicates === 0)
  notes.push(...blockNotes)

  // Roles, per key: the analysis reports them; the essentials need them only where a block-less model's top-level
  // MLPs are told from its embedders (below).
  const roles = full || families.length === 0 ? keyRoleMasks(tensors, families, outermost) : undefined
  // Modules per family (keys owned by a nested family are analysed there), then outside every family.
  const attention: AttentionModule[] = []
  const ffn: FfnModule[] = []
  families.forEach((f, fi) => {
    const entries: ModuleEntry[] = f.unionEntries.filter(
      (e) => innermost[e.tensor] === fi && !adapter[e.tensor]
    )
    attention.push(...findAttentionModules(entries, f.family.pattern, f.blocksHaving, notes))
    ffn.push(...findFfnModules(entries, f.family.pattern, f.blocksHaving))
    if (!full || !roles) return
    let mask = 0
    for (const e of f.unionEntries) mask |= roles.mask[e.tensor]
    f.family.roles = ROLE_ORDER.filter((r) => mask & ROLE_BIT[r])
  })
  const topEntries: ModuleEntry[] = []
  const topNonEmbedding: ModuleEntry[] = []
  let topLevelKeys = 0
  for (let i = 0; i < tensors.length; i++) {
    if (outermost[i] >= 0) continue
    topLevelKeys++
    if (adapter[i]) continue
    const t = tensors[i]
    topEntries.push({ key: t.name, shape: t.shape })
    if (roles && !(roles.mask[i] & ROLE_BIT.embedding)) topNonEmbedding.push({ key: t.name, shape: t.shape })
  }
  attention.push(...findAttentionModules(topEntries, null, () => 1, notes))
  // Top-level MLPs of a model with blocks are embedders (time, text); only a block-less model's are its FFN.
  if (families.length === 0) ffn.push(...findFfnModules(topNonEmbedding, null, () => 1))
  for (const a of attention) {
    if (a.layout !== 'fused-qkv-mlp' || a.fusedMlpDim === null) continue
    const linear = a.projections.find((p) => p.role === 'fused_qkv_mlp')
    const out = a.projections.find((p) => p.role === 'out')
    ffn.push({
      family: a.family,
      path: a.path,
      blocks: a.blocks,
      kind: 'fused-with-attention',
      hiddenDim: a.hiddenDim,
      intermediateDim: a.fusedMlpDim,
      projections: [
        ...(linear ? [{ role: 'up' as const, key: linear.key, shape: linear.shape }] : []),
        ...(out ? [{ role: 'down' as const, key: out.key, shape: out.shape }] : [])
      ],
      evidence: `${linear?.key} [${linear?.shape.join(', ')}] = 3 x ${a.hiddenDim} (q, k, v) + ${a.fusedMlpDim} (MLP in)`
    })
  }

  // A blank name matches no dimension rule, which hides adapter tensors without shifting tensor indices.
  const baseTensors = adapterCount ? tensors.map((t, i) => (adapter[i] ? { ...t, name: '' } : t)) : tensors
  const dimensions = computeDimensions({ tensors: baseTensors, outermost, families, attention, ffn })
  if (ckpt.format === 'gguf') applyGgufMetadata(dimensions, ckpt.metadata, notes)
  const candidates = identifyFamilies(layers)
  const best = candidates[0]
  // Only a confident match lends its head dim: a scaled or unusual variant may use another one.
  if (
    best?.headDim &&
    best.match.confidence === 'high' &&
    dimensions.headDim.value === null &&
    dimensions.hiddenDim.value !== null
  ) {
    const hd = best.headDim
    const hidden = dimensions.hiddenDim.value
    if (hidden % hd === 0) {
      const why = `${best.match.name} uses head dim ${hd} (reference notes); ${dimensions.headDim.evidence}`
      dimensions.headDim = { value: hd, evidence: why, source: 'family' }
      dimensions.heads = {
        value: hidden / hd,
        evidence: `hidden ${hidden} / head dim ${hd} (family rule)`,
        source: 'family'
      }
    }
  }

  const family = best?.match ?? null
  if (!full || !naming || !roles) return { attention, dimensions, family }
  const { parameterTypes, dtypes } = categoryStats(tensors, roles.mask)
  return {
    schemaVersion: STRUCTURE_SCHEMA_VERSION,
    tensorCount: tensors.length,
    paramCount,
    paramCountExact: exact,
    dtypes,
    parameterTypes,
    roles: roleStats(families, roles.mask, roles.keys),
    naming,
    blockFamilies: families.map((f: FoundFamily) => f.family),
    topLevelKeys,
    attention,
    ffn,
    dimensions,
    family,
    familyCandidates: candidates.map((c) => c.match),
    notes
  }
}
