/**
 * Per-key statistics of the structure analysis: the roles each key's name carries (attention, feed-forward,
 * norm, modulation, embedding), and the parameter categories and dtypes the analysis report counts.
 */
import type { FoundFamily, NamedTensor } from './blocks.js'
import { isBiasLeaf, isWeightLeaf, keyRoles, splitLeaf } from './keys.js'
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

/** Each key's roles as a bit mask (ROLE_BIT), and how many keys carry each role. */
export function keyRoleMasks(
  tensors: readonly NamedTensor[],
  families: readonly FoundFamily[],
  outermost: Int32Array
): { mask: Uint8Array; keys: Record<KeyRole, number> } {
  const mask = new Uint8Array(tensors.length)
  const keys: Record<KeyRole, number> = {
    attention: 0,
    feedforward: 0,
    normalization: 0,
    modulation: 0,
    embedding: 0
  }
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
    const roles = blockRoles[i] ?? keyRoles(tensors[i].name, outermost[i] >= 0)
    let m = 0
    for (let r = 0; r < roles.length; r++) {
      m |= ROLE_BIT[roles[r]]
      keys[roles[r]]++
    }
    mask[i] = m
  }
  return { mask, keys }
}

/** Parameter categories (each key in exactly one) and dtypes, from the keys' leaves, shapes and role masks. */
export function categoryStats(
  tensors: readonly NamedTensor[],
  roleMask: Uint8Array
): { parameterTypes: Record<ParamCategory, CountAndParams>; dtypes: DtypeStats[] } {
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
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    const mask = roleMask[i]
    const leaf = leaves[i]
    let category: ParamCategory
    const normLike = mask & ROLE_BIT.normalization || normModules.has(modules[i])
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
