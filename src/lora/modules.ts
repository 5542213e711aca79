/**
 * Grouping a LoRA file's tensors into modules (one per stem) and reading each module's algorithm, rank, alpha and
 * size from shapes alone. Alpha *values* live in tensor data: callers that read them pass them in `scalars`;
 * otherwise the value comes from kohya metadata or stays unknown ("alpha stored, value not read").
 */
import { SAFETENSORS_DTYPE_BITS, isSafetensorsDtype, numelBig } from '../formats/dtypes.js'
import type { TensorInfo } from '../formats/types.js'
import { algorithmOfRole, parseStem, parseSuffix, type ParsedSuffix } from './keys.js'
import { blockOf, layerKind } from './layers.js'
import type { AdapterAlgorithm, LoraModule, ModuleTensor, NamingConvention, ScaleSource } from './types.js'

export interface ModuleOptions {
  /** Values of scalar tensors (alpha, alpha_scale) by tensor key, when the caller read them. */
  scalars?: ReadonlyMap<string, number>
  /** Network alpha from metadata (`ss_network_alpha`), used when an alpha tensor's value was not read. */
  metadataAlpha?: number | null
}

export interface GroupedModules {
  modules: LoraModule[]
  unknownKeys: string[]
  /** Per naming convention: keys, markers seen (prefixes, suffixes) and the first keys, for convention evidence. */
  evidence: Map<NamingConvention, NamingEvidence>
}

export interface NamingEvidence {
  keys: number
  markers: Set<string>
  examples: string[]
}

/**
 * Elements of a tensor as a number. Products of safe integers stay exact while below 2^53; past that (a hostile
 * shape) the count saturates rather than throwing, checked exactly with BigInt only then.
 */
export function numel(shape: readonly number[]): number {
  let n = 1
  // An index loop: a for-of step allocates an iterator result where this runs, interpreted, once per tensor.
  for (let i = 0; i < shape.length; i++) n *= shape[i]!
  if (Number.isSafeInteger(n)) return n
  const big = numelBig(shape)
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big)
}

export function tensorBytes(t: TensorInfo): number {
  const range = t.byteRange
  if (range) {
    // The offsets are 64-bit file fields (BigInt); below 2^53 their Numbers subtract exactly, without a BigInt
    // difference allocated per tensor.
    const end = Number(range.end)
    return end <= Number.MAX_SAFE_INTEGER ? end - Number(range.start) : Number(range.end - range.start)
  }
  // Own keys only: a dtype named `__proto__` or `constructor` must not find Object.prototype.
  const bits = isSafetensorsDtype(t.dtype) ? SAFETENSORS_DTYPE_BITS[t.dtype]! : 0
  return bits ? Math.ceil((numel(t.shape) * bits) / 8) : 0
}

/** The default alpha rule of a convention, said the way its loaders apply it. */
export function defaultAlphaRule(naming: NamingConvention | null): string {
  switch (naming) {
    case 'kohya':
    case 'lycoris':
      return 'no .alpha: alpha = rank, scale 1 (sd-scripts create_network_from_weights, ComfyUI)'
    case 'longcat':
      return 'alpha_scale is required: LongCat load_state_dict(strict=True) fails without it'
    case 'peft':
      return 'no alpha in the file: lora_alpha lives in adapter_config.json; without it lora_alpha = r, scale 1'
    default:
      return 'no alpha: scale 1 (diffusers lora_alpha = r; ComfyUI alpha defaults to scale 1.0)'
  }
}

function find(m: { tensors: ModuleTensor[] }, role: ModuleTensor['role']): TensorInfo | undefined {
  const tensors = m.tensors
  for (let i = 0; i < tensors.length; i++) if (tensors[i]!.role === role) return tensors[i]!.tensor
  return undefined
}

function algorithmOf(tensors: ModuleTensor[]): AdapterAlgorithm {
  for (let i = 0; i < tensors.length; i++) {
    const role = tensors[i]!.role
    if (role === 'down' || role === 'up' || role === 'up-block') return 'lora'
  }
  let full = false
  for (let i = 0; i < tensors.length; i++) {
    const a = algorithmOfRole(tensors[i]!.role)
    if (a === 'full') full = true
    else if (a) return a as AdapterAlgorithm
  }
  return full ? 'full' : 'unknown'
}

/** Stored and trained rank plus consistency issues, from shapes. */
function rankOf(m: LoraModule): void {
  const issues = m.issues
  if (m.algorithm === 'lora') {
    const down = find(m, 'down')
    const up = find(m, 'up')
    // A loop, and no sort for a module without up blocks (most of them).
    const blocks: ModuleTensor[] = []
    for (let i = 0; i < m.tensors.length; i++)
      if (m.tensors[i]!.role === 'up-block') blocks.push(m.tensors[i]!)
    if (blocks.length > 1) blocks.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    if (!down) issues.push('no down/A tensor')
    if (!up && blocks.length === 0) issues.push('no up/B tensor')
    if (down) m.storedRank = down.shape[0] ?? null
    if (blocks.length > 0) {
      m.splitCount = blocks.length
      if (blocks.some((b, i) => b.index !== i)) issues.push('lora_up.blocks indices are not 0..n-1')
      if (m.storedRank !== null) {
        if (m.storedRank % blocks.length !== 0) {
          issues.push(`down rows ${m.storedRank} not divisible by ${blocks.length} up blocks`)
        } else {
          m.rank = m.storedRank / blocks.length
          for (const b of blocks) {
            if (b.tensor.shape[1] !== m.rank) {
              issues.push(`up block ${b.index} has rank ${b.tensor.shape[1]}, expected ${m.rank}`)
            }
          }
        }
      }
    } else {
      m.rank = m.storedRank
      if (down && up && up.shape[1] !== down.shape[0]) {
        issues.push(`up/B rank ${up.shape[1]} differs from down/A rank ${down.shape[0]}`)
      }
    }
  } else if (m.algorithm === 'loha') {
    const b = find(m, 'hada_w1_b') ?? find(m, 'hada_w2_b')
    m.storedRank = b?.shape[0] ?? null
    m.rank = m.storedRank
  } else if (m.algorithm === 'lokr') {
    const a = find(m, 'lokr_w2_a') ?? find(m, 'lokr_w1_a')
    m.storedRank = a?.shape[1] ?? null
    m.rank = m.storedRank
  }
}

function alphaOf(m: LoraModule, opts: ModuleOptions): void {
  const alphaScale = find(m, 'alpha-scale')
  const alpha = find(m, 'alpha')
  const scaledRank = m.storedRank
  let source: ScaleSource
  if (m.algorithm !== 'lora' && m.algorithm !== 'loha' && m.algorithm !== 'lokr') {
    source = 'not-applicable'
  } else if (alphaScale) {
    m.hasAlpha = true
    const v = opts.scalars?.get(alphaScale.name)
    if (v !== undefined) {
      m.scale = v
      m.alpha = m.rank !== null ? v * m.rank : null
      source = 'alpha-scale-tensor'
    } else source = 'alpha-unread'
  } else if (alpha) {
    m.hasAlpha = true
    const v = opts.scalars?.get(alpha.name)
    const value = v ?? opts.metadataAlpha ?? null
    if (value !== null && scaledRank) {
      m.alpha = value
      m.scale = value / scaledRank
      source = v !== undefined ? 'alpha-tensor' : 'metadata'
    } else source = 'alpha-unread'
  } else {
    source = 'default-no-alpha'
    if (m.naming === 'longcat') m.issues.push('no alpha_scale: LongCat strict load reports a missing key')
    else if (m.storedRank !== null) {
      m.alpha = m.storedRank
      m.scale = 1
    }
  }
  m.scaleSource = source
}

/**
 * `suffix <marker>` / `prefix <prefix>` for the evidence, each built once per distinct value (a file has a
 * handful of both over thousands of tensors). Bounded: prefixes come from the file.
 */
const suffixMarkers = new Map<string, string>()
const prefixMarkers = new Map<string, string>()
function evidenceMarker(cache: Map<string, string>, word: 'suffix' | 'prefix', value: string): string {
  let s = cache.get(value)
  if (s === undefined) {
    s = `${word} ${value}`
    if (cache.size < 1024) cache.set(value, s)
  }
  return s
}

/** A module path's layer kind and block, read once per distinct path of a file (conventions repeat paths). */
interface PathFacts {
  kind: string
  block: ReturnType<typeof blockOf>
}

/** Group tensors by stem into modules. */
export function groupModules(tensors: readonly TensorInfo[], opts: ModuleOptions = {}): GroupedModules {
  const byStem = new Map<string, { parsed: ParsedSuffix; tensor: TensorInfo }[]>()
  const unmatched: TensorInfo[] = []
  for (const t of tensors) {
    const parsed = parseSuffix(t.name)
    if (!parsed) {
      unmatched.push(t)
      continue
    }
    let list = byStem.get(parsed.stem)
    if (!list) byStem.set(parsed.stem, (list = []))
    list.push({ parsed, tensor: t })
  }
  // IA3 stores its vector as plain `<stem>.weight` next to `<stem>.on_input`.
  const unknownKeys: string[] = []
  for (const t of unmatched) {
    const stem = t.name.endsWith('.weight') ? t.name.slice(0, -'.weight'.length) : null
    const list = stem !== null ? byStem.get(stem) : undefined
    if (stem !== null && list?.some((e) => e.parsed.role === 'ia3-on-input')) {
      list.push({ parsed: { stem, role: 'ia3-weight', marker: '.weight (IA3)' }, tensor: t })
    } else unknownKeys.push(t.name)
  }

  const modules: LoraModule[] = []
  const evidence: GroupedModules['evidence'] = new Map()
  // Per component kind: a text-encoder path reads as another kind than the same denoiser path.
  const pathFacts = { denoiser: new Map<string, PathFacts>(), te: new Map<string, PathFacts>() }
  for (const [stem, entries] of byStem) {
    // One pass over the stem's tensors (two or three for a LoRA; this runs per module, mostly interpreted): its
    // module tensors, whether any is a legacy form, the first adapter name given, whether all are `diff_m`.
    let legacy = false
    let adapterName: string | undefined
    let onlyModulation = true
    const moduleTensors: ModuleTensor[] = []
    for (let i = 0; i < entries.length; i++) {
      const parsed = entries[i]!.parsed
      if (parsed.legacy) legacy = true
      if (adapterName === undefined && parsed.adapterName) adapterName = parsed.adapterName
      if (parsed.role !== 'diff-modulation') onlyModulation = false
      const mt: ModuleTensor = { role: parsed.role, tensor: entries[i]!.tensor }
      if (parsed.index !== undefined) mt.index = parsed.index
      moduleTensors.push(mt)
    }
    // (parseStem reads the adapter name as a flag: the first one given, or none, says what any would.)
    const info = parseStem(stem, adapterName === undefined ? { legacy } : { legacy, adapterName })
    // lightx2v `blocks.N.diff_m` is the delta of the block's `modulation` parameter.
    let path = info.path
    if (onlyModulation) {
      path = info.pathForm === 'dotted' ? `${path}.modulation` : `${path}_modulation`
    }
    const te = info.component === 'text-encoder'
    const known = te ? pathFacts.te : pathFacts.denoiser
    let facts = known.get(path)
    if (facts === undefined) known.set(path, (facts = { kind: layerKind(path, te), block: blockOf(path) }))
    const m: LoraModule = {
      stem,
      naming: info.naming,
      algorithm: algorithmOf(moduleTensors),
      component: info.component,
      textEncoder: info.textEncoder,
      prefix: info.prefix,
      path,
      pathForm: info.pathForm,
      tensors: moduleTensors,
      storedRank: null,
      rank: null,
      splitCount: 1,
      hasAlpha: false,
      alpha: null,
      scale: null,
      scaleSource: 'not-applicable',
      params: 0,
      bytes: 0,
      layerKind: facts.kind,
      issues: []
    }
    if (adapterName) m.adapterName = adapterName
    // Shared by the modules of one path: nothing writes a module's block (report.ts copies it out).
    if (facts.block) m.block = facts.block
    let ev = evidence.get(info.naming)
    if (!ev) evidence.set(info.naming, (ev = { keys: 0, markers: new Set(), examples: [] }))
    if (info.prefix) ev.markers.add(evidenceMarker(prefixMarkers, 'prefix', info.prefix))
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!
      m.params += numel(e.tensor.shape)
      m.bytes += tensorBytes(e.tensor)
      ev.keys++
      ev.markers.add(evidenceMarker(suffixMarkers, 'suffix', e.parsed.marker))
      if (ev.examples.length < 3) ev.examples.push(e.tensor.name)
    }
    rankOf(m)
    alphaOf(m, opts)
    modules.push(m)
  }
  return { modules, unknownKeys, evidence }
}
