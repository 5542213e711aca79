/**
 * `analyzeStructure`: one model's structure from its tensor names and shapes (never its data). Pure, and linear
 * in the number of keys (each key is split once; block templates and modules are analysed once per family).
 */
import type { Checkpoint } from '../formats/types.js'
import { findAttentionModules, type ModuleEntry } from './attention.js'
import { findBlockFamilies, type FoundFamily, type NamedTensor } from './blocks.js'
import { applyGgufMetadata, computeDimensions } from './dimensions.js'
import { identifyFamilies } from '../names/families.js'
import { findFfnModules } from './ffn.js'
import { isAdapterKey, isBiasLeaf, isWeightLeaf, keyRoles, splitLeaf } from './keys.js'
import { namingConventions } from './naming.js'
import {
  STRUCTURE_SCHEMA_VERSION,
  type AttentionModule,
  type CountAndParams,
  type DtypeStats,
  type FfnModule,
  type KeyRole,
  type ParamCategory,
  type RoleStats,
  type StructureAnalysis
} from './types.js'

const ROLE_ORDER: readonly KeyRole[] = [
  'attention',
  'feedforward',
  'normalization',
  'modulation',
  'embedding'
]
const ROLE_BIT: Record<KeyRole, number> = {
  attention: 1,
  feedforward: 2,
  normalization: 4,
  modulation: 8,
  embedding: 16
}

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

export function analyzeStructure(ckpt: Checkpoint): StructureAnalysis {
  const notes: string[] = []
  const naming = namingConventions(ckpt.tensors.map((t) => t.name))
  const denoiser = denoiserComponent(ckpt)
  if (denoiser && !naming.commonPrefix) naming.analysisPrefix = denoiser
  const prefix = naming.analysisPrefix
  let exact = true
  let paramCount = 0
  const tensors: NamedTensor[] = new Array<NamedTensor>(ckpt.tensors.length)
  // Name -> shape of its first occurrence: counts duplicates here, and is the name lookup of the family rules.
  const shapes = new Map<string, readonly number[]>()
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
    if (shapes.has(name)) duplicates++
    else shapes.set(name, t.shape)
    if (isAdapterKey(name)) {
      adapter[i] = 1
      adapterCount++
    }
  }
  if (!Number.isSafeInteger(paramCount)) exact = false
  if (!exact) notes.push('the parameter count passes 2^53 and is rounded')
  if (duplicates) notes.push(`${duplicates} duplicate tensor names`)
  if (adapterCount) {
    notes.push(
      `${adapterCount} of ${tensors.length} keys are adapter tensors (LoRA / LyCORIS / deltas); attention, ` +
        'feed-forward and dimensions are read from the other keys only (see the LoRA analysis for adapters)'
    )
  }

  const { families, innermost, outermost, notes: blockNotes } = findBlockFamilies(tensors)
  notes.push(...blockNotes)

  // Roles and categories, per key.
  const roleMask = new Uint8Array(tensors.length)
  const roleKeys: Record<KeyRole, number> = {
    attention: 0,
    feedforward: 0,
    normalization: 0,
    modulation: 0,
    embedding: 0
  }
  const normModules = new Set<string>()
  // Each name is split into module and leaf once, for both passes below.
  const modules: string[] = new Array<string>(tensors.length)
  const leaves: string[] = new Array<string>(tensors.length)
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    const { module, leaf } = splitLeaf(t.name)
    modules[i] = module
    leaves[i] = leaf
    // A 1-D weight belongs to a norm even when the name does not say so (GroupNorm `in_layers.0`, `img_emb.proj.4`).
    if ((leaf === 'weight' || leaf === 'scale') && t.shape.length === 1) normModules.add(module)
  }
  const parameterTypes: Record<ParamCategory, CountAndParams> = {
    weight: { keys: 0, params: 0 },
    bias: { keys: 0, params: 0 },
    normalization: { keys: 0, params: 0 },
    embedding: { keys: 0, params: 0 },
    other: { keys: 0, params: 0 }
  }
  const dtypeMap = new Map<string, DtypeStats>()
  // Roles depend on a name's non-index segments only, so inside a family the key relative to the block decides
  // them: each distinct relative key is classified once per family instead of once per block.
  const blockRoles: (readonly KeyRole[] | undefined)[] = new Array<readonly KeyRole[] | undefined>(
    tensors.length
  )
  for (const f of families) {
    const byRest = new Map<string, readonly KeyRole[]>()
    for (const inst of f.instances) {
      for (let k = 0; k < inst.members.length; k++) {
        const t = inst.members[k]
        if (blockRoles[t] !== undefined) continue
        let roles = byRest.get(inst.rests[k])
        if (roles === undefined) {
          roles = keyRoles(tensors[t].name, true)
          byRest.set(inst.rests[k], roles)
        }
        blockRoles[t] = roles
      }
    }
  }
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    const roles = blockRoles[i] ?? keyRoles(t.name, outermost[i] >= 0)
    let mask = 0
    for (let r = 0; r < roles.length; r++) {
      mask |= ROLE_BIT[roles[r]]
      roleKeys[roles[r]]++
    }
    roleMask[i] = mask
    const module = modules[i]
    const leaf = leaves[i]
    let category: ParamCategory
    const normLike = mask & ROLE_BIT.normalization || normModules.has(module)
    if (normLike && !(mask & ROLE_BIT.modulation) && t.shape.length <= 1) category = 'normalization'
    else if (mask & ROLE_BIT.embedding) category = 'embedding'
    else if (isWeightLeaf(leaf)) category = 'weight'
    else if (isBiasLeaf(leaf)) category = 'bias'
    else category = 'other'
    parameterTypes[category].keys++
    parameterTypes[category].params += t.numel
    const d = dtypeMap.get(t.dtype)
    if (d) {
      d.keys++
      d.params += t.numel
    } else dtypeMap.set(t.dtype, { dtype: t.dtype, keys: 1, params: t.numel })
  }

  const roleBlocks: Record<KeyRole, number> = {
    attention: 0,
    feedforward: 0,
    normalization: 0,
    modulation: 0,
    embedding: 0
  }
  for (const f of families) {
    if (f.family.parent !== null) continue
    for (const inst of f.instances) {
      let mask = 0
      for (let k = 0; k < inst.members.length; k++) mask |= roleMask[inst.members[k]]
      for (const r of ROLE_ORDER) if (mask & ROLE_BIT[r]) roleBlocks[r]++
    }
  }
  const roles = Object.fromEntries(
    ROLE_ORDER.map((r) => [r, { keys: roleKeys[r], blocks: roleBlocks[r] } satisfies RoleStats])
  ) as Record<KeyRole, RoleStats>

  // Modules per family (keys owned by a nested family are analysed there), then outside every family.
  const attention: AttentionModule[] = []
  const ffn: FfnModule[] = []
  families.forEach((f, fi) => {
    const entries: ModuleEntry[] = f.unionEntries.filter(
      (e) => innermost[e.tensor] === fi && !adapter[e.tensor]
    )
    const blocksHaving = (key: string) => f.keyBlockCounts.get(key) ?? 0
    attention.push(...findAttentionModules(entries, f.family.pattern, blocksHaving, notes))
    ffn.push(...findFfnModules(entries, f.family.pattern, blocksHaving))
    let mask = 0
    for (const e of f.unionEntries) mask |= roleMask[e.tensor]
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
    if (!(roleMask[i] & ROLE_BIT.embedding)) topNonEmbedding.push({ key: t.name, shape: t.shape })
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
  const candidates = identifyFamilies([...shapes].map(([path, shape]) => ({ path, shape })))
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

  return {
    schemaVersion: STRUCTURE_SCHEMA_VERSION,
    tensorCount: tensors.length,
    paramCount,
    paramCountExact: exact,
    dtypes: [...dtypeMap.values()].sort((a, b) => b.params - a.params || b.keys - a.keys),
    parameterTypes,
    roles,
    naming,
    blockFamilies: families.map((f: FoundFamily) => f.family),
    topLevelKeys,
    attention,
    ffn,
    dimensions,
    family: best?.match ?? null,
    familyCandidates: candidates.map((c) => c.match),
    notes
  }
}
