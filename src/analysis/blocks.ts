/**
 * Finds every family of repeated blocks from key names alone, generically: a numbered child `X.N.` is a block
 * when its children are named sub-modules (not a Sequential of bare layers such as `ffn.0.weight`) and either
 * siblings repeat the same key template or X is a known block container (`blocks`, `layers`, ...). Nested
 * families (`input_blocks.N.M.transformer_blocks.T`) are found too, with their parent. One pass over the keys.
 */
import { collectCandidates, instanceLabel, type Candidate, type Instance } from './block-keys.js'
import { BLOCK_CONTAINER_NAMES, isIndexSegment } from './keys.js'
import type { BlockFamily, BlockVariant, ShapeDifference, TemplateEntry } from './types.js'
import { sameShape } from '../util/shape.js'

export interface NamedTensor {
  name: string
  shape: readonly number[]
  dtype: string
  /** Element count as a double (exact below 2^53). */
  numel: number
}

/** A family found by `findBlockFamilies`, with the internal data the rest of the analysis needs. */
export interface FoundFamily {
  family: BlockFamily
  /** Every instance's tensor indices (for role counts per block). */
  instances: { label: string; members: number[]; rests: string[] }[]
  /** How many blocks have a relative key (over every variant). */
  blocksHaving: (key: string) => number
  /** Representative entries for module analysis: the template, then keys only found in other variants. */
  unionEntries: { key: string; shape: readonly number[]; tensor: number }[]
}

const MAX_VARIANTS = 20
/** Groups of one family compared block by block before a signature map takes over (see groupInstances). */
const SCANNED_GROUPS = 8
const MAX_DIFF_ITEMS = 50
const MAX_MISSING = 1000

/**
 * `details`: false when only the families' members, key counts and module entries are read (the comparison's
 * structure essentials, which report no block family): each family's template and variants are then left empty
 * and `uniformKeys` false, without the template copies, per-variant diffs and sorted name signatures that only the
 * analysis report shows. `uniqueNames`: the caller knows no two tensors share a name (see `unionOf`).
 */
export function findBlockFamilies(
  tensors: readonly NamedTensor[],
  details = true,
  uniqueNames = false
): {
  families: FoundFamily[]
  /** For each tensor, the index in `families` of the innermost family holding it, or -1. */
  innermost: Int32Array
  /** For each tensor, the index of the outermost family holding it, or -1. */
  outermost: Int32Array
  notes: string[]
} {
  const candidates = collectCandidates(tensors)
  const qualified = [...candidates.values()].filter(qualifies).sort((a, b) => a.firstSeen - b.firstSeen)
  const patterns = new Set(qualified.map((c) => c.pattern))
  const notes: string[] = []
  const built = qualified.map((c) => buildFamily(c, tensors, parentOf(c.pattern, patterns), notes, details))
  // Outer families come first so that consumers can read the list top-down.
  built.sort((a, b) => depth(a.family.pattern) - depth(b.family.pattern))
  const innermost = new Int32Array(tensors.length).fill(-1)
  const outermost = new Int32Array(tensors.length).fill(-1)
  // The families holding one key are nested, each strictly deeper than the one before (their patterns are
  // prefixes of each other), and are visited in that order: the last to hold a key is its innermost. Its outermost
  // is the one without a parent (a family's parent holds every key the family holds). An instance's members are
  // tensor indices in increasing order, and in a sorted checkpoint one run (`input_blocks.4.` keys are adjacent):
  // such a run is filled at once instead of visited key by key (a nested UNet's tensors sit in two or three
  // families each).
  for (let fi = 0; fi < built.length; fi++) {
    const instances = built[fi].instances
    const root = built[fi].family.parent === null
    for (let i = 0; i < instances.length; i++) {
      const members = instances[i].members
      const n = members.length
      if (n === 0) continue
      const first = members[0]
      if (members[n - 1] - first === n - 1) {
        innermost.fill(fi, first, first + n)
        if (root) outermost.fill(fi, first, first + n)
        continue
      }
      // Index loops over keys: see collectCandidates.
      for (let k = 0; k < n; k++) {
        const t = members[k]
        innermost[t] = fi
        if (root) outermost[t] = fi
      }
    }
  }
  // Without details, a family's module entries are only read where the family is the innermost one.
  const families: FoundFamily[] = built.map((b, fi) => ({
    family: b.family,
    instances: b.instances,
    ...unionOf(b.ordered, tensors, uniqueNames, details ? null : innermost, fi)
  }))
  return { families, innermost, outermost, notes }
}

function depth(pattern: string): number {
  let n = 0
  for (let i = pattern.indexOf('.'); i >= 0; i = pattern.indexOf('.', i + 1)) n++
  return n
}

function nameSignature(inst: Instance): string {
  if (inst.nameSignature === undefined) inst.nameSignature = [...inst.rests].sort().join('\n')
  return inst.nameSignature
}

function qualifies(c: Candidate): boolean {
  if (!c.hasInterior) return false
  if (BLOCK_CONTAINER_NAMES.has(c.name)) return true
  for (const byIndex of c.containers.values()) {
    if (byIndex.size < 2) continue
    const seen = new Set<string>()
    for (const inst of byIndex.values()) {
      const sig = nameSignature(inst)
      if (seen.has(sig)) return true
      seen.add(sig)
    }
  }
  return false
}

/** The nearest enclosing qualified pattern: `a.{}.b.{}.c` may sit in `a.{}.b` or `a`. At most 6 lookups. */
function parentOf(pattern: string, patterns: ReadonlySet<string>): string | null {
  let end = pattern.lastIndexOf('.{}.')
  while (end > 0) {
    const candidate = pattern.slice(0, end)
    if (patterns.has(candidate)) return candidate
    end = pattern.lastIndexOf('.{}.', end - 1)
  }
  return null
}

function buildFamily(
  c: Candidate,
  tensors: readonly NamedTensor[],
  parent: string | null,
  notes: string[],
  details: boolean
): BuiltFamily {
  const instances: Instance[] = []
  const missing: string[] = []
  let missingTotal = 0
  let contiguous = true
  const indexSet = new Set<number>()
  for (const [containerPath, byIndex] of c.containers) {
    const sorted = [...byIndex.keys()].sort((a, b) => a - b)
    const labelPrefix = labelOfContainer(containerPath)
    let expected = 0
    for (const idx of sorted) {
      if (idx > expected) {
        contiguous = false
        missingTotal += idx - expected
        for (let m = expected; m < idx && missing.length < MAX_MISSING; m++)
          missing.push(labelPrefix + String(m))
      }
      expected = idx + 1
      indexSet.add(idx)
      instances.push(byIndex.get(idx) as Instance)
    }
  }
  if (missingTotal > missing.length) {
    notes.push(`${c.pattern}: ${missingTotal} block indices missing; the first ${missing.length} are listed`)
  }

  // Group instances by exact template (names and shapes); the biggest group is the template.
  const groups = groupInstances(instances, tensors)
  const ordered = [...groups].sort((a, b) => b.length - a.length)
  const templateInst = ordered[0][0]
  const variants: BlockVariant[] = []
  let template: TemplateEntry[] = []
  if (details) {
    template = templateInst.rests.map((key, i) => {
      const t = tensors[templateInst.members[i]]
      return { key, shape: [...t.shape], dtype: t.dtype }
    })
    const templateShapes = new Map(template.map((e) => [e.key, e.shape]))
    for (let g = 1; g < ordered.length && variants.length < MAX_VARIANTS; g++) {
      variants.push(diffVariant(ordered[g], tensors, templateShapes))
    }
  }
  if (ordered.length - 1 > MAX_VARIANTS) {
    notes.push(`${c.pattern}: ${ordered.length - 1} block variants; the first ${MAX_VARIANTS} are detailed`)
  }

  let keys = 0
  let params = 0
  for (const inst of instances) {
    keys += inst.members.length
    for (let k = 0; k < inst.members.length; k++) params += tensors[inst.members[k]].numel
  }
  // Blocks with the same keys in the same order need no sorted name signatures to be called uniform.
  const uniformKeys =
    details &&
    (instances.every((inst) => sameRestsInOrder(inst, instances[0])) ||
      new Set(instances.map(nameSignature)).size === 1)
  return {
    family: {
      pattern: c.pattern,
      name: c.name,
      parent,
      count: instances.length,
      indices: [...indexSet].sort((a, b) => a - b),
      missing,
      contiguous,
      template,
      keysPerBlock: templateInst.rests.length,
      keys,
      params,
      uniformKeys,
      uniform: groups.length === 1,
      variants,
      roles: []
    },
    instances: instances.map((i) => ({ label: instanceLabel(i), members: i.members, rests: i.rests })),
    ordered
  }
}

/** A family before its module entries: `ordered` its instance groups, largest first. */
type BuiltFamily = Omit<FoundFamily, 'unionEntries' | 'blocksHaving'> & { ordered: Instance[][] }

/**
 * Instances grouped by exact template (the same multiset of relative keys and shapes), groups in order of first
 * appearance. Consecutive blocks are nearly always identical key for key, in the same order: such a block joins
 * the previous block's group with a comparison in order. Another block is compared with the groups of its key
 * count, in order first, and through sorted signatures (built only then) last: the groups are those a Map keyed
 * by every instance's sorted signature gives, without building, sorting and hashing a signature per block.
 */
function groupInstances(instances: readonly Instance[], tensors: readonly NamedTensor[]): Instance[][] {
  const groups: Instance[][] = []
  let lastGroup: Instance[] | null = null
  // Past a few groups, a block is placed through its sorted signature in a map instead of being compared with
  // every group: where most blocks differ (a merged or pruned model), comparing each block with all the groups
  // before it grows with the square of the blocks (compareCheckpoints of 40k keys in distinct blocks: 0.76 ->
  // 2.3 s). Each signature has one group (a block equal in order has the same signature), so the map finds the
  // group the scan would.
  let bySignature: Map<string, Instance[]> | null = null
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i]
    if (lastGroup === null || !sameEntriesInOrder(inst, lastGroup[0], tensors)) {
      if (bySignature === null && groups.length >= SCANNED_GROUPS) {
        bySignature = new Map()
        for (let g = 0; g < groups.length; g++)
          bySignature.set(fullSignature(groups[g][0], tensors), groups[g])
      }
      lastGroup =
        bySignature === null
          ? sameTemplateGroup(inst, groups, tensors)
          : (bySignature.get(fullSignature(inst, tensors)) ?? null)
      if (lastGroup === null) {
        lastGroup = []
        groups.push(lastGroup)
        if (bySignature !== null) bySignature.set(fullSignature(inst, tensors), lastGroup)
      }
    }
    lastGroup.push(inst)
  }
  return groups
}

function sameTemplateGroup(
  inst: Instance,
  groups: readonly Instance[][],
  tensors: readonly NamedTensor[]
): Instance[] | null {
  const n = inst.members.length
  let sameCount = false
  for (let g = 0; g < groups.length; g++) {
    const rep = groups[g][0]
    if (rep.members.length !== n) continue
    if (sameEntriesInOrder(inst, rep, tensors)) return groups[g]
    sameCount = true
  }
  if (!sameCount) return null
  const sig = fullSignature(inst, tensors)
  for (let g = 0; g < groups.length; g++) {
    const rep = groups[g][0]
    if (rep.members.length === n && fullSignature(rep, tensors) === sig) return groups[g]
  }
  return null
}

function fullSignature(inst: Instance, tensors: readonly NamedTensor[]): string {
  if (inst.fullSignature === undefined) {
    inst.fullSignature = inst.rests
      .map((r, i) => `${r}:${tensors[inst.members[i]].shape.join('x')}`)
      .sort()
      .join('\n')
  }
  return inst.fullSignature
}

/**
 * The representative entries of a family's groups (largest group first): each relative key once, from the first
 * group that has it, and how many blocks have a key. With `innermost`, only the keys whose tensors have family
 * `fi` as their innermost one: whether a deeper family holds a key depends on its relative key alone (the deeper
 * patterns continue this one's), so this keeps exactly the entries a filter of the whole union would, without
 * hashing the keys of the nested families (most of an SDXL `input_blocks`). A single group of keys known to be
 * distinct (no duplicate names in the model) is its own union: its keys are neither hashed nor counted one by one,
 * and a key's block count is the group's size when the key is one of them.
 */
function unionOf(
  ordered: readonly Instance[][],
  tensors: readonly NamedTensor[],
  uniqueNames: boolean,
  innermost: Int32Array | null,
  fi: number
): Pick<FoundFamily, 'unionEntries' | 'blocksHaving'> {
  const unionEntries: FoundFamily['unionEntries'] = []
  if (ordered.length === 1 && uniqueNames) {
    const rep = ordered[0][0]
    const blocks = ordered[0].length
    for (let i = 0; i < rep.rests.length; i++) {
      const tensor = rep.members[i]
      if (innermost !== null && innermost[tensor] !== fi) continue
      unionEntries.push({ key: rep.rests[i], shape: tensors[tensor].shape, tensor })
    }
    return { unionEntries, blocksHaving: (key) => (rep.rests.includes(key) ? blocks : 0) }
  }
  const keyBlockCounts = new Map<string, number>()
  for (let g = 0; g < ordered.length; g++) {
    const group = ordered[g]
    const rep = group[0]
    for (let i = 0; i < rep.rests.length; i++) {
      if (innermost !== null && innermost[rep.members[i]] !== fi) continue
      const key = rep.rests[i]
      const before = keyBlockCounts.get(key)
      if (before === undefined)
        unionEntries.push({ key, shape: tensors[rep.members[i]].shape, tensor: rep.members[i] })
      keyBlockCounts.set(key, (before ?? 0) + group.length)
    }
  }
  return { unionEntries, blocksHaving: (key) => keyBlockCounts.get(key) ?? 0 }
}

function sameRestsInOrder(a: Instance, b: Instance): boolean {
  const x = a.rests
  const y = b.rests
  const n = x.length
  if (n !== y.length) return false
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false
  return true
}

function sameEntriesInOrder(a: Instance, b: Instance, tensors: readonly NamedTensor[]): boolean {
  if (!sameRestsInOrder(a, b)) return false
  const x = a.members
  const y = b.members
  for (let i = 0; i < x.length; i++) if (!sameShape(tensors[x[i]].shape, tensors[y[i]].shape)) return false
  return true
}

/** `input_blocks.4.1.transformer_blocks` -> `4.1.`; a top-level container -> ''. */
function labelOfContainer(containerPath: string): string {
  const nums = containerPath.split('.').filter(isIndexSegment)
  return nums.length ? `${nums.join('.')}.` : ''
}

function diffVariant(
  group: Instance[],
  tensors: readonly NamedTensor[],
  templateShapes: ReadonlyMap<string, number[]>
): BlockVariant {
  const rep = group[0]
  const own = new Map<string, readonly number[]>()
  rep.rests.forEach((r, i) => own.set(r, tensors[rep.members[i]].shape))
  const missing: string[] = []
  const extra: string[] = []
  const shapeDifferences: ShapeDifference[] = []
  for (const [key, shape] of templateShapes) {
    const mine = own.get(key)
    if (mine === undefined) {
      if (missing.length < MAX_DIFF_ITEMS) missing.push(key)
    } else if (!sameShape(mine, shape) && shapeDifferences.length < MAX_DIFF_ITEMS) {
      shapeDifferences.push({ key, shape: [...mine], templateShape: [...shape] })
    }
  }
  for (const key of own.keys()) {
    if (!templateShapes.has(key) && extra.length < MAX_DIFF_ITEMS) extra.push(key)
  }
  return { blocks: group.map(instanceLabel), keyCount: rep.rests.length, missing, extra, shapeDifferences }
}
