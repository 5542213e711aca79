/**
 * Finds every family of repeated blocks from key names alone, generically: a numbered child `X.N.` is a block
 * when its children are named sub-modules (not a Sequential of bare layers such as `ffn.0.weight`) and either
 * siblings repeat the same key template or X is a known block container (`blocks`, `layers`, ...). Nested
 * families (`input_blocks.N.M.transformer_blocks.T`) are found too, with their parent. One pass over the keys.
 */
import { BLOCK_CONTAINER_NAMES, hasNamedInterior, isIndexSegment } from './keys.js'
import type { BlockFamily, BlockVariant, ShapeDifference, TemplateEntry } from './types.js'
import { sameShape } from '../util/shape.js'

export interface NamedTensor {
  name: string
  shape: readonly number[]
  dtype: string
  /** Element count as a double (exact below 2^53). */
  numel: number
}

/** One block instance: the tensors under `<container>.<index>.` */
interface Instance {
  label: string
  index: number
  /** Tensor indices (into the analysed list) in file order, with their key relative to the block. */
  members: number[]
  rests: string[]
  nameSignature?: string
  fullSignature?: string
}

interface Candidate {
  pattern: string
  name: string
  firstSeen: number
  /** Container instance path (actual indices) -> index -> instance. */
  containers: Map<string, Map<number, Instance>>
  hasInterior: boolean
}

/** A family found by `findBlockFamilies`, with the internal data the rest of the analysis needs. */
export interface FoundFamily {
  family: BlockFamily
  /** Every instance's tensor indices (for role counts per block). */
  instances: { label: string; members: number[]; rests: string[] }[]
  /** Relative key -> how many blocks have it (over every variant). */
  keyBlockCounts: Map<string, number>
  /** Representative entries for module analysis: the template, then keys only found in other variants. */
  unionEntries: { key: string; shape: readonly number[]; tensor: number }[]
}

const MAX_VARIANTS = 20
const MAX_DIFF_ITEMS = 50
const MAX_MISSING = 1000
/** Deeper segments are not searched for block indices (keeps hostile names from costing depth^2 each). */
const MAX_SEGMENTS = 32
/** Index positions per key considered as block containers (real keys have at most 4 or 5). */
const MAX_INDEX_POSITIONS = 6

/**
 * `details`: false when only the families' members, key counts and module entries are read (the comparison's
 * structure essentials, which report no block family): each family's variants are then left empty and
 * `uniformKeys` false, without the per-variant diffs and sorted name signatures that only the analysis report shows.
 */
export function findBlockFamilies(
  tensors: readonly NamedTensor[],
  details = true
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
  const families = qualified.map((c) =>
    buildFamily(c, tensors, parentOf(c.pattern, patterns), notes, details)
  )
  // Outer families come first so that consumers can read the list top-down.
  families.sort((a, b) => depth(a.family.pattern) - depth(b.family.pattern))
  const innermost = new Int32Array(tensors.length).fill(-1)
  const outermost = new Int32Array(tensors.length).fill(-1)
  // Each family's depth once: the loop below visits every member of every family (a nested UNet's tensors sit in
  // two or three families each).
  const depths = families.map((f) => depth(f.family.pattern))
  for (let fi = 0; fi < families.length; fi++) {
    const instances = families[fi].instances
    const d = depths[fi]
    for (let i = 0; i < instances.length; i++) {
      const members = instances[i].members
      // Index loops over keys: see collectCandidates.
      for (let k = 0; k < members.length; k++) {
        const t = members[k]
        if (outermost[t] < 0) outermost[t] = fi
        const current = innermost[t]
        if (current < 0 || depths[current] < d) innermost[t] = fi
      }
    }
  }
  return { families, innermost, outermost, notes }
}

function depth(pattern: string): number {
  let n = 0
  for (let i = pattern.indexOf('.'); i >= 0; i = pattern.indexOf('.', i + 1)) n++
  return n
}

/*
 * This runs for every key in a short-lived process, mostly in V8's interpreter: loops over keys are index loops
 * (each for-of step there allocates an iterator result), and paths are slices of the name (char offsets kept
 * while walking), not re-joined segment arrays.
 */
function collectCandidates(tensors: readonly NamedTensor[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>()
  // Container path (actual indices) -> its candidate and instances. The pattern, candidate and name of a
  // container follow from its path, so they are worked out once per container, not once per key.
  const containers = new Map<string, { cand: Candidate; byIndex: Map<number, Instance> }>()
  // Module path (the key without its last segment) -> the instances its keys belong to and where their rest
  // starts. A module's keys (weight, bias) differ only in the last segment, which is never a container or an
  // index here: the key is split and its segments tested once per module, and its other keys reuse that.
  const placed = new Map<string, { inst: Instance; restStart: number }[]>()
  const positions: number[] = []
  for (let ti = 0; ti < tensors.length; ti++) {
    const name = tensors[ti].name
    const dot = name.lastIndexOf('.')
    const module = dot < 0 ? undefined : name.slice(0, dot)
    const known = module === undefined ? undefined : placed.get(module)
    if (known !== undefined) {
      for (let p = 0; p < known.length; p++) {
        const { inst, restStart } = known[p]
        inst.members.push(ti)
        inst.rests.push(name.slice(restStart))
      }
      continue
    }
    const places: { inst: Instance; restStart: number }[] = []
    if (module !== undefined) placed.set(module, places)
    const segs = name.split('.')
    const last = Math.min(segs.length - 1, MAX_SEGMENTS)
    positions.length = 0
    // Each segment is tested for an index once: this pass also notes the first index segment, which tells for
    // every position whether an index comes before it (a nested container).
    let firstIndex = isIndexSegment(segs[0]) ? 0 : -1
    let previousIsIndex = firstIndex === 0
    for (let j = 1; j < last && positions.length < MAX_INDEX_POSITIONS; j++) {
      const index = isIndexSegment(segs[j])
      if (index) {
        if (firstIndex < 0) firstIndex = j
        if (!previousIsIndex) positions.push(j)
      }
      previousIsIndex = index
    }
    let start = 0 // char offset of segs[k]
    let k = 0
    for (let p = 0; p < positions.length; p++) {
      const j = positions[p]
      while (k < j) start += segs[k++].length + 1
      const indexBefore = firstIndex < j
      const containerPath = name.slice(0, start - 1)
      let container = containers.get(containerPath)
      if (!container) {
        const pattern = indexBefore ? segs.slice(0, j).map(patternSegment).join('.') : containerPath
        let cand = candidates.get(pattern)
        if (!cand) {
          cand = { pattern, name: segs[j - 1], firstSeen: ti, containers: new Map(), hasInterior: false }
          candidates.set(pattern, cand)
        }
        container = { cand, byIndex: new Map() }
        cand.containers.set(containerPath, container.byIndex)
        containers.set(containerPath, container)
      }
      const { cand, byIndex } = container
      const index = Number(segs[j])
      let inst = byIndex.get(index)
      if (!inst) {
        inst = { label: indexBefore ? instanceLabel(segs, j) : segs[j], index, members: [], rests: [] }
        byIndex.set(index, inst)
      }
      const restStart = start + segs[j].length + 1
      inst.members.push(ti)
      inst.rests.push(name.slice(restStart))
      places.push({ inst, restStart })
      if (!cand.hasInterior && hasNamedInterior(segs, j + 1)) cand.hasInterior = true
    }
  }
  return candidates
}

function patternSegment(seg: string): string {
  return isIndexSegment(seg) ? '{}' : seg
}

/** The numeric segments of the instance path, joined: `input_blocks.4.1.transformer_blocks.0` -> `4.1.0`. */
function instanceLabel(segs: readonly string[], j: number): string {
  const nums: string[] = []
  for (let i = 0; i <= j; i++) if (isIndexSegment(segs[i])) nums.push(segs[i])
  return nums.join('.')
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
): FoundFamily {
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
  // Consecutive blocks are nearly always identical key for key, in the same order: such a block joins the
  // previous block's group without building and sorting its signature (same group the signature would give).
  const groups = new Map<string, Instance[]>()
  let lastGroup: Instance[] | null = null
  for (const inst of instances) {
    if (lastGroup !== null && sameEntriesInOrder(inst, lastGroup[0], tensors)) {
      inst.fullSignature = lastGroup[0].fullSignature
      lastGroup.push(inst)
      continue
    }
    inst.fullSignature = inst.rests
      .map((r, i) => `${r}:${tensors[inst.members[i]].shape.join('x')}`)
      .sort()
      .join('\n')
    let g = groups.get(inst.fullSignature)
    if (g) g.push(inst)
    else {
      g = [inst]
      groups.set(inst.fullSignature, g)
    }
    lastGroup = g
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length)
  const templateInst = ordered[0][0]
  const template: TemplateEntry[] = templateInst.rests.map((key, i) => {
    const t = tensors[templateInst.members[i]]
    return { key, shape: [...t.shape], dtype: t.dtype }
  })
  const templateShapes = new Map(template.map((e) => [e.key, e.shape]))

  const variants: BlockVariant[] = []
  for (let g = 1; details && g < ordered.length; g++) {
    if (variants.length >= MAX_VARIANTS) break
    variants.push(diffVariant(ordered[g], tensors, templateShapes))
  }
  if (ordered.length - 1 > MAX_VARIANTS) {
    notes.push(`${c.pattern}: ${ordered.length - 1} block variants; the first ${MAX_VARIANTS} are detailed`)
  }

  const keyBlockCounts = new Map<string, number>()
  const unionEntries: FoundFamily['unionEntries'] = []
  for (const group of ordered) {
    const rep = group[0]
    rep.rests.forEach((key, i) => {
      const before = keyBlockCounts.get(key)
      if (before === undefined)
        unionEntries.push({ key, shape: tensors[rep.members[i]].shape, tensor: rep.members[i] })
      keyBlockCounts.set(key, (before ?? 0) + group.length)
    })
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
      keysPerBlock: template.length,
      keys,
      params,
      uniformKeys,
      uniform: groups.size === 1,
      variants,
      roles: []
    },
    instances: instances.map((i) => ({ label: i.label, members: i.members, rests: i.rests })),
    keyBlockCounts,
    unionEntries
  }
}

function sameRestsInOrder(a: Instance, b: Instance): boolean {
  if (a.rests.length !== b.rests.length) return false
  for (let i = 0; i < a.rests.length; i++) if (a.rests[i] !== b.rests[i]) return false
  return true
}

function sameEntriesInOrder(a: Instance, b: Instance, tensors: readonly NamedTensor[]): boolean {
  if (!sameRestsInOrder(a, b)) return false
  for (let i = 0; i < a.members.length; i++)
    if (!sameShape(tensors[a.members[i]].shape, tensors[b.members[i]].shape)) return false
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
  return { blocks: group.map((i) => i.label), keyCount: rep.rests.length, missing, extra, shapeDifferences }
}
