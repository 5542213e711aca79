/**
 * The key walk of the block-family search (blocks.ts): every key's numbered containers, their block instances and
 * the key relative to each, in one pass over the keys. Which candidates are block families is decided there.
 */
import type { NamedTensor } from './blocks.js'
import { hasNamedInterior, isAnotherLeafOf, isIndexSegment } from './keys.js'

/** One block instance: the tensors under `<container>.<index>.` */
export interface Instance {
  /** Read through `instanceLabel`, which sets it: only the families' instances are ever labelled. */
  label?: string
  /** The instance's path (`input_blocks.4.1.transformer_blocks.0`), and whether an index comes before its own. */
  path: string
  nested: boolean
  index: number
  /** Tensor indices (into the analysed list) in file order, with their key relative to the block. */
  members: number[]
  rests: string[]
  nameSignature?: string
  fullSignature?: string
  /** The candidate family whose container holds the instance. */
  candidate: Candidate
}

export interface Candidate {
  pattern: string
  name: string
  firstSeen: number
  /** Container instance path (actual indices) -> index -> instance. */
  containers: Map<string, Map<number, Instance>>
  hasInterior: boolean
}

/** Deeper segments are not searched for block indices (keeps hostile names from costing depth^2 each). */
const MAX_SEGMENTS = 32
/** Index positions per key considered as block containers (real keys have at most 4 or 5). */
const MAX_INDEX_POSITIONS = 6

/*
 * This runs for every key in a short-lived process, mostly in V8's interpreter: loops over keys are index loops
 * (each for-of step there allocates an iterator result), and paths are slices of the name (char offsets kept
 * while walking), not re-joined segment arrays.
 */
export function collectCandidates(tensors: readonly NamedTensor[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>()
  // Container path (actual indices) -> its candidate and instances. The pattern, candidate and name of a
  // container follow from its path, so they are worked out once per container, not once per key.
  const containers = new Map<string, { cand: Candidate; byIndex: Map<number, Instance> }>()
  // The previous key's module path (the key without its last segment) and the instances its keys belong to, with
  // where their rest starts. A module's keys (weight, bias) differ only in the last segment, which is never a
  // container or an index here, and sit next to each other in a checkpoint's (sorted) key order: the key is split
  // and its segments tested once per module, and the module's next keys reuse that. A module whose keys are not
  // adjacent is split again, to the same places (this only saves work). A string comparison, not a Map of module
  // paths: hashing every module path cost more than the comparisons.
  let previousModule = ''
  let previousPlaces: Place[] = []
  // Per index position, the previous module's instance and its path up to the index (`input_blocks.4`): the keys
  // of one block are adjacent too, so a key under the same instance path finds its instance without slicing its
  // container path, hashing it and looking up its index.
  const instancePaths: string[] = []
  const instanceAt: Instance[] = []
  for (let ti = 0; ti < tensors.length; ti++) {
    const name = tensors[ti].name
    const dot = name.lastIndexOf('.')
    if (isAnotherLeafOf(name, dot, previousModule)) {
      for (let p = 0; p < previousPlaces.length; p++) {
        const { inst, restStart } = previousPlaces[p]
        inst.members.push(ti)
        inst.rests.push(name.slice(restStart))
      }
      continue
    }
    const places: Place[] = []
    previousModule = dot < 0 ? '' : name.slice(0, dot)
    previousPlaces = places
    const segs = name.split('.')
    const last = Math.min(segs.length - 1, MAX_SEGMENTS)
    // One pass over the segments: each is tested for an index once, and a position (an index after a name) is
    // placed where it is found; whether an index came before it tells a nested container.
    let indexBefore = isIndexSegment(segs[0])
    let previousIsIndex = indexBefore
    let start = segs[0].length + 1 // char offset of segs[j]
    let p = 0
    for (let j = 1; j < last && p < MAX_INDEX_POSITIONS; j++) {
      const seg = segs[j]
      // Most segments are names, which their first character settles without a call.
      const c = seg.charCodeAt(0)
      const index = c >= 48 && c <= 57 && isIndexSegment(seg)
      if (index && !previousIsIndex) {
        const restStart = start + seg.length + 1
        let inst: Instance
        const known = instancePaths[p]
        if (known !== undefined && known.length === restStart - 1 && name.startsWith(known)) {
          inst = instanceAt[p]
        } else {
          const path = name.slice(0, restStart - 1)
          inst = placeInstance(name, path, segs, j, start, indexBefore, ti, candidates, containers)
          instancePaths[p] = path
          instanceAt[p] = inst
        }
        inst.members.push(ti)
        inst.rests.push(name.slice(restStart))
        places.push({ inst, restStart })
        const cand = inst.candidate
        if (!cand.hasInterior && hasNamedInterior(segs, j + 1)) cand.hasInterior = true
        p++
      }
      if (index) indexBefore = true
      previousIsIndex = index
      start += seg.length + 1
    }
  }
  return candidates
}

/** A key's instance of one module path, and the rest of the key's offset in it. */
interface Place {
  inst: Instance
  restStart: number
}

/** The instance of the container at `segs[j - 1]` (char offset `start` of `segs[j]`), created when new. */
function placeInstance(
  name: string,
  path: string,
  segs: readonly string[],
  j: number,
  start: number,
  indexBefore: boolean,
  ti: number,
  candidates: Map<string, Candidate>,
  containers: Map<string, { cand: Candidate; byIndex: Map<number, Instance> }>
): Instance {
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
    inst = {
      path,
      nested: indexBefore,
      index,
      members: [],
      rests: [],
      candidate: cand
    }
    byIndex.set(index, inst)
  }
  return inst
}

function patternSegment(seg: string): string {
  return isIndexSegment(seg) ? '{}' : seg
}

/**
 * The numeric segments of the instance path, joined: `input_blocks.4.1.transformer_blocks.0` -> `4.1.0`; a
 * top-level container's instance is its index. Worked out when first read: most instances the key walk creates
 * (`to_out.0`, `ff.net.2`) belong to no family and are never labelled.
 */
export function instanceLabel(inst: Instance): string {
  if (inst.label === undefined) {
    // An index segment has no leading zero: String(index) spells it as the key does.
    inst.label = inst.nested ? inst.path.split('.').filter(isIndexSegment).join('.') : String(inst.index)
  }
  return inst.label
}
