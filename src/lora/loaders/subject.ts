/**
 * The facts a loader profile looks at: per LoRA module, the exact key suffixes it stores (a runtime matches
 * `{stem}.lora_up.weight`, never a parsed role); per base, the architecture a runtime would load it as and the
 * base in the runtime's own module names. ComfyUI and diffusers both convert a checkpoint to their own naming
 * when they load it (ComfyUI: comfy/utils.py `flux_to_diffusers` / `unet_to_diffusers` read backwards by its
 * checkpoint loaders; diffusers: `from_single_file` converters), so a LoRA is matched against that naming, not
 * against the names in the base file. See docs/reference/loaders.md.
 */
import { lookupTable } from '../../lookup.js'
import { isUnetFamily } from '../../names/families.js'
import type { BaseEntry, BaseIndex, BaseSpace } from '../base-index.js'
import type { LoraModule, RowSlice } from '../types.js'
import {
  FLUX_ORIGINAL_LAYERS,
  FLUX_TO_DIFFUSERS,
  SGM_RESNET_PARTS,
  SGM_TOP_RENAMES,
  SGM_TO_DIFFUSERS,
  WAN_FROM_DIFFUSERS
} from './runtime-names.js'

export interface ModuleFacts {
  module: LoraModule
  /** The stored keys of the module. */
  keys: string[]
  /** Each key with the stem removed (`.lora_up.weight`, `_lora.down.weight`, `.lora_B.default.weight`, ...). */
  suffixes: Set<string>
}

export function moduleFacts(m: LoraModule): ModuleFacts {
  const keys = m.tensors.map((t) => t.tensor.name)
  const suffixes = new Set<string>()
  for (const k of keys) if (k.startsWith(m.stem)) suffixes.add(k.slice(m.stem.length))
  return { module: m, keys, suffixes }
}

/** The model class a runtime loads a base as; the key maps differ per class. */
export type RuntimeArch = 'unet' | 'flux' | 'wan' | 'hunyuanvideo' | 'generic'

export function archOf(family: string | null): RuntimeArch {
  if (isUnetFamily(family)) return 'unet'
  switch (family) {
    case 'flux':
    case 'flux-diffusers':
      return 'flux'
    case 'wan':
    case 'wan-diffusers':
      return 'wan'
    case 'hunyuan-video':
      return 'hunyuanvideo'
    default:
      return 'generic'
  }
}

/** One weight of the base in original (BFL / LDM / Wan release) names: what ComfyUI holds after loading. */
export interface OriginalWeight {
  /** Module path in original names, no `diffusion_model.` prefix, no `.weight`. */
  path: string
  /** The base entry for shape checks: the base's own entry, or a fused stand-in built from its parts. */
  entry: BaseEntry
  /** The base keys this weight is made of (one, or the q/k/v parts of a fused weight). */
  baseKeys: string[]
}

export interface OriginalView {
  arch: RuntimeArch
  /** True when the base file uses other names and the runtime converts them on load. */
  converted: boolean
  weights: Map<string, OriginalWeight>
  /** Flux hidden size (linear1's q/k/v rows end at 3 * hidden). */
  hidden: number
}

function own(space: BaseSpace): Map<string, OriginalWeight> {
  const out = new Map<string, OriginalWeight>()
  for (const e of space.entries) out.set(e.path, { path: e.path, entry: e, baseKeys: [e.key] })
  return out
}

/** Wan diffusers -> original, one to one, as the runtime holds a diffusers-named Wan file. */
function wanFromDiffusers(space: BaseSpace): Map<string, OriginalWeight> {
  const out = new Map<string, OriginalWeight>()
  for (const e of space.entries) {
    const names = WAN_FROM_DIFFUSERS.names(e.path, e.shape)
    const n = names[0]
    if (names.length !== 1 || !n || n.slice) continue
    // The base's own name wins (a path both layouts share, `patch_embedding`).
    if (n.path !== e.path && space.dotted.has(n.path)) continue
    if (!out.has(n.path)) out.set(n.path, { path: n.path, entry: e, baseKeys: [e.key] })
  }
  return out
}

// Flux original module names per block: the layers ComfyUI's table (comfy/utils.py `flux_to_diffusers`) covers;
// the diffusers parts come from the same table, given the fused shape.
const { double: FLUX_DOUBLE, single: FLUX_SINGLE, top: FLUX_TOP } = FLUX_ORIGINAL_LAYERS

/** A fused original weight from its diffusers parts (rows stacked in alias-slice order). */
function fused(path: string, parts: BaseEntry[], slices: (RowSlice | undefined)[]): OriginalWeight | null {
  if (parts.length === 1 && !slices[0]) return { path, entry: parts[0]!, baseKeys: [parts[0]!.key] }
  let rows = 0
  for (let i = 0; i < parts.length; i++) {
    const s = slices[i]
    if (!s || s.offset !== rows || parts[i]!.shape[0] !== s.size) return null
    rows += s.size
  }
  const inDims = parts[0]!.shape.slice(1)
  const entry: BaseEntry = { key: `${path}.weight`, path, shape: [rows, ...inDims], isParam: false }
  return { path, entry, baseKeys: parts.map((p) => p.key) }
}

/** Flux diffusers -> original, fusing to_q/to_k/to_v (and proj_mlp into linear1) as ComfyUI's loader does. */
function fluxFromDiffusers(space: BaseSpace): { weights: Map<string, OriginalWeight>; hidden: number } {
  const out = new Map<string, OriginalWeight>()
  const hidden = space.dotted.get('transformer_blocks.0.attn.to_q')?.shape[1] ?? 0
  const mlp = space.dotted.get('single_transformer_blocks.0.proj_mlp')?.shape[0] ?? 0
  const paths: { path: string; shape: number[] }[] = []
  const double = space.blockMax.get('transformer_blocks') ?? -1
  const single = space.blockMax.get('single_transformer_blocks') ?? -1
  for (let i = 0; i <= double; i++)
    for (const p of FLUX_DOUBLE) paths.push({ path: `double_blocks.${i}.${p}`, shape: [3 * hidden, hidden] })
  for (let i = 0; i <= single; i++)
    for (const p of FLUX_SINGLE)
      paths.push({ path: `single_blocks.${i}.${p}`, shape: [3 * hidden + mlp, hidden] })
  for (const p of FLUX_TOP) paths.push({ path: p, shape: [hidden, hidden] })
  for (const { path, shape } of paths) {
    const names = FLUX_TO_DIFFUSERS.names(path, shape)
    if (names.length === 0) continue
    const parts: BaseEntry[] = []
    for (const a of names) {
      const e = space.dotted.get(a.path)
      if (e) parts.push(e)
    }
    if (parts.length !== names.length) continue
    const w = fused(
      path,
      parts,
      names.map((a) => a.slice)
    )
    if (w) out.set(path, w)
  }
  return { weights: out, hidden }
}

/** A name table read backwards (the tables are one to one). */
function inverted(
  table: Readonly<Record<string, string | undefined>>
): Readonly<Record<string, string | undefined>> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(table)) if (v !== undefined) out[v] = k
  return lookupTable(out)
}
const RESNET = inverted(SGM_RESNET_PARTS)
const TOP = inverted(SGM_TOP_RENAMES)

/**
 * A diffusers UNet path in LDM (sgm) names: the inverse of ComfyUI's sgm->diffusers table, checked by mapping the
 * answer forward again (so a guess the table would not produce is dropped).
 */
function sgmPathOf(d: string, upHasAttention: (level: number) => boolean): string | null {
  const guesses: string[] = []
  if (Object.hasOwn(TOP, d)) guesses.push(TOP[d]!)
  let m = /^down_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d)
  if (m) {
    const n = 3 * Number(m[1]) + Number(m[3]) + 1
    if (m[2] === 'attentions') guesses.push(`input_blocks.${n}.1.${m[4]}`)
    else if (Object.hasOwn(RESNET, m[4]!)) guesses.push(`input_blocks.${n}.0.${RESNET[m[4]!]}`)
  }
  m = /^down_blocks\.(\d+)\.downsamplers\.0\.conv$/.exec(d)
  if (m) guesses.push(`input_blocks.${3 * Number(m[1]) + 3}.0.op`)
  m = /^mid_block\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d)
  if (m) {
    if (m[1] === 'attentions') guesses.push(`middle_block.1.${m[3]}`)
    else if (Object.hasOwn(RESNET, m[3]!))
      guesses.push(`middle_block.${m[2] === '0' ? 0 : 2}.${RESNET[m[3]!]}`)
  }
  m = /^up_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d)
  if (m) {
    const n = 3 * Number(m[1]) + Number(m[3])
    if (m[2] === 'attentions') guesses.push(`output_blocks.${n}.1.${m[4]}`)
    else if (Object.hasOwn(RESNET, m[4]!)) guesses.push(`output_blocks.${n}.0.${RESNET[m[4]!]}`)
  }
  m = /^up_blocks\.(\d+)\.upsamplers\.0\.conv$/.exec(d)
  if (m) {
    const level = Number(m[1])
    guesses.push(`output_blocks.${3 * level + 2}.${upHasAttention(level) ? 2 : 1}.conv`)
  }
  for (const g of guesses) if (SGM_TO_DIFFUSERS.names(g, []).some((a) => a.path === d)) return g
  return null
}

function sgmFromDiffusers(space: BaseSpace): Map<string, OriginalWeight> {
  const out = new Map<string, OriginalWeight>()
  const attentionLevels = new Set<number>()
  for (const e of space.entries) {
    const m = /^up_blocks\.(\d+)\.attentions\./.exec(e.path)
    if (m) attentionLevels.add(Number(m[1]))
  }
  for (const e of space.entries) {
    const p = sgmPathOf(e.path, (level) => attentionLevels.has(level))
    if (p) out.set(p, { path: p, entry: e, baseKeys: [e.key] })
  }
  return out
}

/** The base in original names, converted from diffusers names where the runtime would convert them. */
export function originalView(base: BaseIndex): OriginalView {
  const arch = archOf(base.family)
  const space = base.denoiser
  switch (base.family) {
    case 'wan-diffusers':
      return { arch, converted: true, weights: wanFromDiffusers(space), hidden: 0 }
    case 'flux-diffusers': {
      const { weights, hidden } = fluxFromDiffusers(space)
      return { arch, converted: true, weights, hidden }
    }
    default: {
      if (isUnetFamily(base.family) && base.family!.endsWith('-diffusers'))
        return { arch, converted: true, weights: sgmFromDiffusers(space), hidden: 0 }
      const hidden = arch === 'flux' ? (space.dotted.get('double_blocks.0.img_attn.qkv')?.shape[1] ?? 0) : 0
      return { arch, converted: false, weights: own(space), hidden }
    }
  }
}
