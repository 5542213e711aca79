/**
 * ComfyUI's LoRA loading rules, as data. ComfyUI builds a key map forward from the loaded model's own weights
 * (comfy/lora.py `model_lora_keys_unet`, `model_lora_keys_clip`): every LoRA stem it accepts, and the weight (with
 * an optional row offset) it patches. `load_lora` then reads, for each key-map stem, the adapter tensors its
 * weight adapters know (comfy/weight_adapter/*.py `load`); every other key is logged "lora key not loaded".
 * Facts from ComfyUI's public sources; docs/reference/loaders.md lists them with their functions.
 */
import type { RowSlice } from '../types.js'
import type { RuntimeArch } from './subject.js'

/** Which base name a key form is built from: the original name, or its diffusers name (with a row slice). */
export type NameSpace = 'original' | 'diffusers'

export interface KeyForm {
  names: NameSpace
  /** The LoRA stem for one module path in that naming. */
  stem(path: string): string
  /** Where in ComfyUI this form comes from, for reasons and the reference. */
  source: string
}

const underscore = (p: string) => p.replace(/\./g, '_')

/**
 * diffusers UNet attention names as the old attention-processor LoRAs spell them: `.to_q` -> `.processor.to_q`,
 * and `.to_out.0` -> `.processor.to_out` (comfy/lora.py `model_lora_keys_unet`, `diffusers_lora_key`).
 */
function processorForm(p: string): string {
  const q = p.split('.to_').join('.processor.to_')
  return q.endsWith('.to_out.0') ? q.slice(0, -2) : q
}

/** Forms every model gets, in ComfyUI's order: kohya underscores of the original names, then the generic names. */
const GENERIC: KeyForm[] = [
  { names: 'original', stem: (p) => `lora_unet_${underscore(p)}`, source: 'kohya names' },
  { names: 'original', stem: (p) => `diffusion_model.${p}`, source: 'generic format' }
]

/** Per model class, the forms `model_lora_keys_unet` adds from the diffusers names of each weight. */
export const KEY_FORMS: Readonly<Record<RuntimeArch, readonly KeyForm[]>> = {
  unet: [
    ...GENERIC,
    {
      names: 'diffusers',
      stem: (p) => `lora_unet_${underscore(p)}`,
      source: 'kohya names of diffusers names'
    },
    { names: 'diffusers', stem: (p) => `lycoris_${underscore(p)}`, source: 'SimpleTuner lycoris' },
    { names: 'diffusers', stem: (p) => processorForm(p), source: 'diffusers attention-processor names' },
    {
      names: 'diffusers',
      stem: (p) => `unet.${processorForm(p)}`,
      source: 'diffusers attention-processor names'
    }
  ],
  flux: [
    ...GENERIC,
    { names: 'diffusers', stem: (p) => `transformer.${p}`, source: 'diffusers / SimpleTuner' },
    { names: 'diffusers', stem: (p) => `lycoris_${underscore(p)}`, source: 'SimpleTuner lycoris' },
    { names: 'diffusers', stem: (p) => `lora_transformer_${underscore(p)}`, source: 'OneTrainer' },
    { names: 'diffusers', stem: (p) => p, source: 'DiffSynth' }
  ],
  wan: GENERIC,
  hunyuanvideo: GENERIC,
  generic: GENERIC
}

/**
 * Flux single blocks also answer as `linear1_qkv`, patching linear1's first 3 * hidden rows (the q/k/v part of
 * the fused linear1; comfy/lora.py `model_lora_keys_unet`, Flux branch).
 */
export function fluxLinear1Qkv(path: string, hidden: number): { stem: string; slice: RowSlice } | null {
  const m = /^(single_blocks\.\d+)\.linear1$/.exec(path)
  if (!m || hidden <= 0) return null
  return { stem: `diffusion_model.${m[1]}.linear1_qkv`, slice: { offset: 0, size: 3 * hidden } }
}

/** The six CLIP linear layers the text-encoder key map covers (comfy/lora.py `LORA_CLIP_MAP`). */
export const CLIP_LAYERS = [
  'mlp.fc1',
  'mlp.fc2',
  'self_attn.k_proj',
  'self_attn.q_proj',
  'self_attn.v_proj',
  'self_attn.out_proj'
]

/**
 * Text-encoder stems for one CLIP layer path `text_model.encoder.layers.{b}.{layer}` of text encoder `te` (1: CLIP-L,
 * 2: CLIP-G next to a CLIP-L), from `model_lora_keys_clip`.
 */
export function clipStems(path: string, te: number): string[] {
  const m = /^text_model\.encoder\.layers\.(\d+)\.(.+)$/.exec(path)
  if (!m || !CLIP_LAYERS.includes(m[2]!)) return []
  const kohya = `text_model_encoder_layers_${m[1]}_${underscore(m[2]!)}`
  if (te === 2) return [`lora_te2_${kohya}`, `text_encoder_2.${path}`]
  return [`lora_te_${kohya}`, `lora_te1_${kohya}`, `text_encoder.${path}`]
}

/** One LoRA pair form: `load` looks for `up` first, in this order, and then reads `down` unconditionally. */
export interface PairForm {
  up: string
  down: string
  mid?: string
}

// comfy/weight_adapter/lora.py `LoRAAdapter.load`: the elif chain, in order.
export const LORA_PAIRS: readonly PairForm[] = [
  { up: '.lora_up.weight', down: '.lora_down.weight', mid: '.lora_mid.weight' },
  { up: '_lora.up.weight', down: '_lora.down.weight' },
  { up: '.lora_B.weight', down: '.lora_A.weight' },
  { up: '.lora.up.weight', down: '.lora.down.weight' },
  { up: '.lora_B', down: '.lora_A' },
  { up: '.lora_linear_layer.up.weight', down: '.lora_linear_layer.down.weight' },
  { up: '.lora_B.default.weight', down: '.lora_A.default.weight' }
]

/** Read for every key-map stem before any adapter (comfy/lora.py `load_lora`, `LoRAAdapter.load`). */
export const SHARED_SUFFIXES = ['.alpha', '.dora_scale', '.reshape_weight']

/**
 * The other adapters: a trigger suffix, the suffixes `load` then indexes unconditionally (a missing one raises
 * KeyError and fails the file), and those it reads when present.
 */
export interface AdapterForm {
  name: string
  trigger: string[]
  required: string[]
  optional: string[]
  /** The delta is reshaped to the weight (element count must match) or added as is (exact shape). */
  merge: 'reshape' | 'exact' | 'unchecked'
  /** Patches the bias rather than the weight. */
  bias?: boolean
}

export const ADAPTERS: readonly AdapterForm[] = [
  // comfy/weight_adapter/loha.py `LoHaAdapter.load`
  {
    name: 'loha',
    trigger: ['.hada_w1_a'],
    required: ['.hada_w1_b', '.hada_w2_a', '.hada_w2_b'],
    optional: ['.hada_t1', '.hada_t2'],
    merge: 'reshape'
  },
  // comfy/weight_adapter/lokr.py `LoKrAdapter.load`: any of the four factors makes an adapter.
  {
    name: 'lokr',
    trigger: ['.lokr_w1', '.lokr_w2', '.lokr_w1_a', '.lokr_w2_a'],
    required: [],
    optional: ['.lokr_w1', '.lokr_w2', '.lokr_w1_a', '.lokr_w1_b', '.lokr_w2_a', '.lokr_w2_b', '.lokr_t2'],
    merge: 'reshape'
  },
  // comfy/weight_adapter/glora.py `GLoRAAdapter.load`
  {
    name: 'glora',
    trigger: ['.a1.weight'],
    required: ['.a2.weight', '.b1.weight', '.b2.weight'],
    optional: [],
    merge: 'unchecked'
  },
  // comfy/weight_adapter/oft.py, boft.py
  { name: 'oft', trigger: ['.oft_blocks'], required: [], optional: ['.rescale'], merge: 'unchecked' },
  // comfy/lora.py `load_lora`: norm deltas, full deltas, set weights.
  { name: 'norm', trigger: ['.w_norm'], required: [], optional: ['.b_norm'], merge: 'exact' },
  { name: 'diff', trigger: ['.diff'], required: [], optional: [], merge: 'exact' },
  { name: 'diff_b', trigger: ['.diff_b'], required: [], optional: [], merge: 'exact', bias: true },
  { name: 'set', trigger: ['.set_weight'], required: [], optional: [], merge: 'exact' }
]

/**
 * File-level conversions `comfy/lora_convert.py` `convert_lora` applies before the key map is consulted: Wan Fun
 * LoRAs written with `lora_unet__` get the double underscore folded.
 */
export function convertedStem(stem: string, keys: ReadonlySet<string>): string {
  if (stem.startsWith('lora_unet__') && keys.has('lora_unet__blocks_0_cross_attn_k.lora_down.weight'))
    return 'lora_unet_' + stem.slice('lora_unet__'.length)
  return stem
}
