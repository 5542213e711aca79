/**
 * Per-key statistics of the structure analysis: the roles each key's name carries (attention, feed-forward,
 * norm, modulation, embedding), and the parameter categories and dtypes the analysis report counts.
 */
import type { FoundFamily, NamedTensor } from './blocks.js'
import { isBiasLeaf, isWeightLeaf, keyRoles, leafOf, moduleOf } from './keys.js'
import type { CountAndParams, DtypeStats, KeyRole, ParamCategory, RoleStats } from './types.js'

export const ROLE_ORDER: readonly KeyRole[] = [
  'attention',
  'feedforward',
  'normalization',
  'modulation',
  'embedding'
]
export const ROLE_BIT: Record<KeyRole, number> = {
  attention: 1,
  feedforward: 2,
  normalization: 4,
  modulation: 8,
  embedding: 16
}

/*
 * Index loops over every key, not for-of: analysis runs once per process, mostly in V8's interpreter, where each
 * for-of step allocates an iterator result.
 */

/** A role list as a bit mask (ROLE_BIT). */
function roleMaskOf(roles: readonly KeyRole[]): number {
  let m = 0
  for (let r = 0; r < roles.length; r++) m |= ROLE_BIT[roles[r]]
  return m
}

/** Each key's roles as a bit mask (ROLE_BIT), and how many keys carry each role. */
export function keyRoleMasks(
  tensors: readonly NamedTensor[],
  families: readonly FoundFamily[],
  outermost: Int32Array
): { mask: Uint8Array; keys: Record<KeyRole, number> } {
  const mask = new Uint8Array(tensors.length)
  // Roles depend on a name's non-index segments only, so inside a family the key relative to the block decides
  // them: each distinct relative key is classified once per family instead of once per block, and its mask kept
  // (not its role list, which every key would walk again).
  const done = new Uint8Array(tensors.length)
  for (const f of families) {
    const byRest = new Map<string, number>()
    // The blocks of a family list the same relative keys in the same order: the rest last seen at a position and
    // its mask settle most keys by a string comparison, without hashing the key's rest.
    const restAt: string[] = []
    const maskAt: number[] = []
    for (const inst of f.instances) {
      for (let k = 0; k < inst.members.length; k++) {
        const t = inst.members[k]
        if (done[t]) continue
        const rest = inst.rests[k]
        let m: number | undefined
        if (restAt[k] === rest) m = maskAt[k]
        else {
          m = byRest.get(rest)
          if (m === undefined) {
            m = roleMaskOf(keyRoles(tensors[t].name, true))
            byRest.set(rest, m)
          }
          restAt[k] = rest
          maskAt[k] = m
        }
        mask[t] = m
        done[t] = 1
      }
    }
  }
  let attention = 0
  let feedforward = 0
  let normalization = 0
  let modulation = 0
  let embedding = 0
  for (let i = 0; i < tensors.length; i++) {
    const m = done[i] ? mask[i] : (mask[i] = roleMaskOf(keyRoles(tensors[i].name, outermost[i] >= 0)))
    if (m === 0) continue
    if (m & ROLE_BIT.attention) attention++
    if (m & ROLE_BIT.feedforward) feedforward++
    if (m & ROLE_BIT.normalization) normalization++
    if (m & ROLE_BIT.modulation) modulation++
    if (m & ROLE_BIT.embedding) embedding++
  }
  const keys: Record<KeyRole, number> = { attention, feedforward, normalization, modulation, embedding }
  return { mask, keys }
}

/** Parameter categories (each key in exactly one) and dtypes, from the keys' leaves, shapes and role masks. */
export function categoryStats(
  tensors: readonly NamedTensor[],
  roleMask: Uint8Array
): { parameterTypes: Record<ParamCategory, CountAndParams>; dtypes: DtypeStats[] } {
  // The modules of 1-D weights: a 1-D weight belongs to a norm even when the name does not say so (GroupNorm
  // `in_layers.0`, `img_emb.proj.4`). Only 1-D keys are sliced here, and below a key's module is sliced only where
  // the set decides its category (a 1-D key the role mask does not settle): no module string per key.
  const normModules = new Set<string>()
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    if (t.shape.length !== 1) continue
    const name = t.name
    // The leaf (after the last dot) is `weight` or `scale`: the whole name, or a dotted tail.
    if (name === 'weight' || name === 'scale' || name.endsWith('.weight') || name.endsWith('.scale'))
      normModules.add(moduleOf(name))
  }
  const parameterTypes: Record<ParamCategory, CountAndParams> = {
    weight: { keys: 0, params: 0 },
    bias: { keys: 0, params: 0 },
    normalization: { keys: 0, params: 0 },
    embedding: { keys: 0, params: 0 },
    other: { keys: 0, params: 0 }
  }
  const dtypeMap = new Map<string, DtypeStats>()
  // The previous key's dtype entry: most checkpoints have one or two dtypes, in runs.
  let lastDtype: DtypeStats | undefined
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    const mask = roleMask[i]
    let category: ParamCategory
    // A norm's parameter (by role, or by its module's 1-D weight) that is not a modulation and at most 1-D.
    if (
      !(mask & ROLE_BIT.modulation) &&
      t.shape.length <= 1 &&
      (mask & ROLE_BIT.normalization || (normModules.size > 0 && normModules.has(moduleOf(t.name))))
    )
      category = 'normalization'
    else if (mask & ROLE_BIT.embedding) category = 'embedding'
    else {
      const leaf = leafOf(t.name)
      if (isWeightLeaf(leaf)) category = 'weight'
      else if (isBiasLeaf(leaf)) category = 'bias'
      else category = 'other'
    }
    parameterTypes[category].keys++
    parameterTypes[category].params += t.numel
    const d = lastDtype !== undefined && lastDtype.dtype === t.dtype ? lastDtype : dtypeMap.get(t.dtype)
    if (d) {
      d.keys++
      d.params += t.numel
      lastDtype = d
    } else {
      lastDtype = { dtype: t.dtype, keys: 1, params: t.numel }
      dtypeMap.set(t.dtype, lastDtype)
    }
  }
  const dtypes = [...dtypeMap.values()].sort((a, b) => b.params - a.params || b.keys - a.keys)
  return { parameterTypes, dtypes }
}

/** Per role: the keys carrying it, and the blocks (of top-level families) holding at least one such key. */
export function roleStats(
  families: readonly FoundFamily[],
  roleMask: Uint8Array,
  roleKeys: Record<KeyRole, number>
): Record<KeyRole, RoleStats> {
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
  return Object.fromEntries(
    ROLE_ORDER.map((r) => [r, { keys: roleKeys[r], blocks: roleBlocks[r] } satisfies RoleStats])
  ) as Record<KeyRole, RoleStats>
}
