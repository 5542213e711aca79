/**
 * The runtimes' own name maps, as documented facts about what they do when they load a checkpoint (docs/reference/
 * loaders.md §1.1): ComfyUI holds every model in its original layout and converts a diffusers-named file on load
 * (comfy/utils.py `flux_to_diffusers`, `unet_to_diffusers`), and builds its LoRA key map from the same tables; a
 * Wan diffusers file is held in the release's names (the pairs of diffusers' scripts/convert_wan_to_diffusers.py,
 * read backwards). Only the loader model (src/lora/loaders/) reads these: LoRA resolution works from structure,
 * names and shapes through the correspondence engine, never from a table.
 */
import { lookupTable } from '../../lookup.js'
import { kohyaForm } from '../../names/adapters.js'
import type { RowSlice } from '../types.js'

/** One name a runtime gives a module, with the rows of a fused weight it covers. */
export interface RuntimeName {
  path: string
  slice?: RowSlice
}

export interface RuntimeNameMap {
  /** Shown in reasons, e.g. `flux original->diffusers`. */
  label: string
  /** The other-layout names of one module path (without `.weight`), given its shape; empty when not covered. */
  names(path: string, shape: readonly number[]): RuntimeName[]
}

// Wan original <-> diffusers module names (convert_wan_to_diffusers.py, at module level).
const WAN_BLOCK_PAIRS: [string, string][] = [
  ['self_attn.q', 'attn1.to_q'],
  ['self_attn.k', 'attn1.to_k'],
  ['self_attn.v', 'attn1.to_v'],
  ['self_attn.o', 'attn1.to_out.0'],
  ['self_attn.norm_q', 'attn1.norm_q'],
  ['self_attn.norm_k', 'attn1.norm_k'],
  ['cross_attn.q', 'attn2.to_q'],
  ['cross_attn.k', 'attn2.to_k'],
  ['cross_attn.v', 'attn2.to_v'],
  ['cross_attn.o', 'attn2.to_out.0'],
  ['cross_attn.norm_q', 'attn2.norm_q'],
  ['cross_attn.norm_k', 'attn2.norm_k'],
  ['cross_attn.k_img', 'attn2.add_k_proj'],
  ['cross_attn.v_img', 'attn2.add_v_proj'],
  ['cross_attn.norm_k_img', 'attn2.norm_added_k'],
  ['ffn.0', 'ffn.net.0.proj'],
  ['ffn.2', 'ffn.net.2'],
  ['modulation', 'scale_shift_table'],
  ['norm3', 'norm2']
]

const WAN_TOP_PAIRS: [string, string][] = [
  ['patch_embedding', 'patch_embedding'],
  ['time_embedding.0', 'condition_embedder.time_embedder.linear_1'],
  ['time_embedding.2', 'condition_embedder.time_embedder.linear_2'],
  ['text_embedding.0', 'condition_embedder.text_embedder.linear_1'],
  ['text_embedding.2', 'condition_embedder.text_embedder.linear_2'],
  ['time_projection.1', 'condition_embedder.time_proj'],
  ['head.modulation', 'scale_shift_table'],
  ['head.head', 'proj_out'],
  ['img_emb.proj.0', 'condition_embedder.image_embedder.norm1'],
  ['img_emb.proj.1', 'condition_embedder.image_embedder.ff.net.0.proj'],
  ['img_emb.proj.3', 'condition_embedder.image_embedder.ff.net.2'],
  ['img_emb.proj.4', 'condition_embedder.image_embedder.norm2'],
  ['img_emb.emb_pos', 'condition_embedder.image_embedder.pos_embed']
]

const BLOCK_PATH = /^((?:vace_)?blocks\.\d+)\.(.+)$/

function pairMap(pairs: [string, string][], reverse: boolean): Map<string, string> {
  return new Map(pairs.map(([a, b]) => (reverse ? [b, a] : [a, b])))
}

function wanMap(reverse: boolean): RuntimeNameMap {
  const block = pairMap(WAN_BLOCK_PAIRS, reverse)
  const top = pairMap(WAN_TOP_PAIRS, reverse)
  return {
    label: reverse ? 'wan diffusers->original' : 'wan original->diffusers',
    names(path) {
      const m = BLOCK_PATH.exec(path)
      if (m) {
        const mapped = block.get(m[2]!)
        return mapped ? [{ path: `${m[1]}.${mapped}` }] : []
      }
      const mapped = top.get(path)
      return mapped && mapped !== path ? [{ path: mapped }] : []
    }
  }
}

/** Split a fused weight's rows into equal parts named `names`. */
function equalSlices(prefix: string, names: string[], rows: number): RuntimeName[] {
  if (rows % names.length !== 0) return []
  const size = rows / names.length
  return names.map((n, j) => ({ path: `${prefix}.${n}`, slice: { offset: j * size, size } }))
}

/** Flux double-block layers renamed one to one (ComfyUI flux_to_diffusers); the two qkv are split by rows. */
const FLUX_DOUBLE_RENAMES = lookupTable<string>({
  'img_attn.proj': 'attn.to_out.0',
  'txt_attn.proj': 'attn.to_add_out',
  'img_mlp.0': 'ff.net.0.proj',
  'img_mlp.2': 'ff.net.2',
  'txt_mlp.0': 'ff_context.net.0.proj',
  'txt_mlp.2': 'ff_context.net.2',
  'img_mod.lin': 'norm1.linear',
  'txt_mod.lin': 'norm1_context.linear'
})
const FLUX_DOUBLE_QKV = lookupTable<readonly string[]>({
  'img_attn.qkv': ['to_q', 'to_k', 'to_v'],
  'txt_attn.qkv': ['add_q_proj', 'add_k_proj', 'add_v_proj']
})
/** Flux top-level layers (ComfyUI flux_to_diffusers). */
const FLUX_TOP_RENAMES = lookupTable<string>({
  img_in: 'x_embedder',
  txt_in: 'context_embedder',
  'time_in.in_layer': 'time_text_embed.timestep_embedder.linear_1',
  'time_in.out_layer': 'time_text_embed.timestep_embedder.linear_2',
  'vector_in.in_layer': 'time_text_embed.text_embedder.linear_1',
  'vector_in.out_layer': 'time_text_embed.text_embedder.linear_2',
  'guidance_in.in_layer': 'time_text_embed.guidance_embedder.linear_1',
  'guidance_in.out_layer': 'time_text_embed.guidance_embedder.linear_2',
  'final_layer.linear': 'proj_out',
  'final_layer.adaLN_modulation.1': 'norm_out.linear'
})

/**
 * The Flux original layers the table covers, in its order: per double block, per single block, at the top. What
 * ComfyUI builds back from a diffusers-named Flux file (subject.ts) is these and no more.
 */
export const FLUX_ORIGINAL_LAYERS = {
  double: [...Object.keys(FLUX_DOUBLE_QKV), ...Object.keys(FLUX_DOUBLE_RENAMES)],
  single: ['linear1', 'linear2', 'modulation.lin'],
  top: Object.keys(FLUX_TOP_RENAMES)
} as const

const FLUX_LAYERS_KOHYA = {
  double: new Set(FLUX_ORIGINAL_LAYERS.double.map(kohyaForm)),
  single: new Set(FLUX_ORIGINAL_LAYERS.single.map(kohyaForm)),
  top: new Set(FLUX_ORIGINAL_LAYERS.top.map(kohyaForm))
}

/** Whether a module path in kohya form (`double_blocks_3_img_attn_qkv`) is one of the Flux original layers. */
export function isFluxOriginalLayer(underscored: string): boolean {
  const double = /^double_blocks_\d+_(.+)$/.exec(underscored)
  if (double) return FLUX_LAYERS_KOHYA.double.has(double[1]!)
  const single = /^single_blocks_\d+_(.+)$/.exec(underscored)
  if (single) return FLUX_LAYERS_KOHYA.single.has(single[1]!)
  return FLUX_LAYERS_KOHYA.top.has(underscored)
}

/** Flux BFL names -> diffusers FluxTransformer2DModel names (ComfyUI flux_to_diffusers, with qkv slices). */
export const FLUX_TO_DIFFUSERS: RuntimeNameMap = {
  label: 'flux original->diffusers',
  names(path, shape) {
    const rows = shape[0] ?? 0
    const hidden = shape[1] ?? 0
    let m = /^double_blocks\.(\d+)\.(.+)$/.exec(path)
    if (m) {
      const b = `transformer_blocks.${m[1]}`
      const rest = m[2]!
      const qkv = FLUX_DOUBLE_QKV[rest]
      if (qkv) return equalSlices(`${b}.attn`, [...qkv], rows)
      const renamed = FLUX_DOUBLE_RENAMES[rest]
      return renamed ? [{ path: `${b}.${renamed}` }] : []
    }
    m = /^single_blocks\.(\d+)\.(.+)$/.exec(path)
    if (m) {
      const b = `single_transformer_blocks.${m[1]}`
      if (m[2] === 'linear1' && rows > 3 * hidden) {
        return [
          { path: `${b}.attn.to_q`, slice: { offset: 0, size: hidden } },
          { path: `${b}.attn.to_k`, slice: { offset: hidden, size: hidden } },
          { path: `${b}.attn.to_v`, slice: { offset: 2 * hidden, size: hidden } },
          { path: `${b}.proj_mlp`, slice: { offset: 3 * hidden, size: rows - 3 * hidden } }
        ]
      }
      if (m[2] === 'linear2') return [{ path: `${b}.proj_out` }]
      if (m[2] === 'modulation.lin') return [{ path: `${b}.norm.linear` }]
      return []
    }
    const mapped = FLUX_TOP_RENAMES[path]
    return mapped ? [{ path: mapped }] : []
  }
}

/** LDM resnet layers -> diffusers resnet layers (ComfyUI unet_to_diffusers). */
export const SGM_RESNET_PARTS = lookupTable<string>({
  'in_layers.0': 'norm1',
  'in_layers.2': 'conv1',
  'emb_layers.1': 'time_emb_proj',
  'out_layers.0': 'norm2',
  'out_layers.3': 'conv2',
  skip_connection: 'conv_shortcut'
})

/** A resnet sub-path in diffusers names, or null when the part is not a resnet layer. */
function resnet(prefix: string, rest: string): RuntimeName[] {
  const part = SGM_RESNET_PARTS[rest]
  return part ? [{ path: `${prefix}.${part}` }] : []
}

/** LDM UNet top-level layers -> diffusers names (ComfyUI unet_to_diffusers). */
export const SGM_TOP_RENAMES = lookupTable<string>({
  'time_embed.0': 'time_embedding.linear_1',
  'time_embed.2': 'time_embedding.linear_2',
  'label_emb.0.0': 'add_embedding.linear_1',
  'label_emb.0.2': 'add_embedding.linear_2',
  'input_blocks.0.0': 'conv_in',
  'out.0': 'conv_norm_out',
  'out.2': 'conv_out'
})

/**
 * SDXL / SD LDM (sgm) UNet names -> diffusers UNet2DConditionModel names (ComfyUI unet_to_diffusers, for two res
 * blocks per level): `input_blocks.n` is level (n-1)/3, resnet or attention by sub-index, the third of each level
 * its downsampler; `output_blocks.n` is level n/3 with three resnets, attentions where the level has them, and an
 * upsampler as the last sub-module.
 */
export const SGM_TO_DIFFUSERS: RuntimeNameMap = {
  label: 'sgm->diffusers',
  names(path) {
    const top = SGM_TOP_RENAMES[path]
    if (top) return [{ path: top }]
    let m = /^input_blocks\.(\d+)\.([01])\.(.+)$/.exec(path)
    if (m) {
      const n = Number(m[1])
      if (n < 1) return []
      const level = Math.floor((n - 1) / 3)
      const within = (n - 1) % 3
      if (within === 2)
        return m[2] === '0' && m[3] === 'op' ? [{ path: `down_blocks.${level}.downsamplers.0.conv` }] : []
      if (m[2] === '0') return resnet(`down_blocks.${level}.resnets.${within}`, m[3]!)
      return [{ path: `down_blocks.${level}.attentions.${within}.${m[3]}` }]
    }
    m = /^middle_block\.([012])\.(.+)$/.exec(path)
    if (m) {
      if (m[1] === '1') return [{ path: `mid_block.attentions.0.${m[2]}` }]
      return resnet(`mid_block.resnets.${m[1] === '0' ? 0 : 1}`, m[2]!)
    }
    m = /^output_blocks\.(\d+)\.([012])\.(.+)$/.exec(path)
    if (m) {
      const level = Math.floor(Number(m[1]) / 3)
      const idx = Number(m[1]) % 3
      if (m[2] === '0') return resnet(`up_blocks.${level}.resnets.${idx}`, m[3]!)
      if (m[3] === 'conv') return [{ path: `up_blocks.${level}.upsamplers.0.conv` }]
      return [{ path: `up_blocks.${level}.attentions.${idx}.${m[3]}` }]
    }
    return []
  }
}

export const WAN_TO_DIFFUSERS = wanMap(false)
export const WAN_FROM_DIFFUSERS = wanMap(true)

/**
 * The diffusers names the runtimes give one weight of the original layout (with the rows each covers), for the
 * model classes whose maps are known; empty otherwise.
 */
export function diffusersNamesOf(
  arch: 'unet' | 'flux' | 'wan' | 'hunyuanvideo' | 'generic',
  path: string,
  shape: readonly number[]
): RuntimeName[] {
  if (arch === 'unet') return SGM_TO_DIFFUSERS.names(path, shape)
  if (arch === 'flux') return FLUX_TO_DIFFUSERS.names(path, shape)
  if (arch === 'wan') return WAN_TO_DIFFUSERS.names(path, shape)
  return []
}
