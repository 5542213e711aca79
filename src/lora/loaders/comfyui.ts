/**
 * ComfyUI's LoRA loading rules, as data. ComfyUI builds a key map forward from the loaded model's own weights
 * (comfy/lora.py `model_lora_keys_unet`, `model_lora_keys_clip`): every LoRA stem it accepts, and the weight (with
 * an optional row offset) it patches. `load_lora` then reads, for each key-map stem, the adapter tensors its
 * weight adapters know (comfy/weight_adapter/*.py `load`); every other key is logged "lora key not loaded".
 * Facts from ComfyUI's public sources; docs/reference/loaders.md lists them with their functions.
 */
import {
  GLORA_FACTORS,
  LOHA_FACTORS,
  LOKR_FACTORS,
  LORA_PAIR,
  PREFIX,
  SUFFIX,
  kohyaForm,
  processorPath,
  type LoraPairSuffixes
} from '../../names/adapters.js'
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

/** Forms every model gets, in ComfyUI's order: kohya underscores of the original names, then the generic names. */
const GENERIC: KeyForm[] = [
  { names: 'original', stem: (p) => PREFIX.kohyaUnet + kohyaForm(p), source: 'kohya names' },
  { names: 'original', stem: (p) => PREFIX.comfyDenoiser + p, source: 'generic format' }
]

/** Per model class, the forms `model_lora_keys_unet` adds from the diffusers names of each weight. */
export const KEY_FORMS: Readonly<Record<RuntimeArch, readonly KeyForm[]>> = {
  unet: [
    ...GENERIC,
    {
      names: 'diffusers',
      stem: (p) => PREFIX.kohyaUnet + kohyaForm(p),
      source: 'kohya names of diffusers names'
    },
    { names: 'diffusers', stem: (p) => PREFIX.lycoris + kohyaForm(p), source: 'SimpleTuner lycoris' },
    // The old attention-processor LoRA names (comfy/lora.py `model_lora_keys_unet`, `diffusers_lora_key`).
    { names: 'diffusers', stem: (p) => processorPath(p), source: 'diffusers attention-processor names' },
    {
      names: 'diffusers',
      stem: (p) => PREFIX.diffusersUnet + processorPath(p),
      source: 'diffusers attention-processor names'
    }
  ],
  flux: [
    ...GENERIC,
    { names: 'diffusers', stem: (p) => PREFIX.diffusersTransformer + p, source: 'diffusers / SimpleTuner' },
    { names: 'diffusers', stem: (p) => PREFIX.lycoris + kohyaForm(p), source: 'SimpleTuner lycoris' },
    { names: 'diffusers', stem: (p) => PREFIX.kohyaTransformer + kohyaForm(p), source: 'OneTrainer' },
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
  return { stem: `${PREFIX.comfyDenoiser}${m[1]}.linear1_qkv`, slice: { offset: 0, size: 3 * hidden } }
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
  const kohya = `text_model_encoder_layers_${m[1]}_${kohyaForm(m[2]!)}`
  if (te === 2) return [PREFIX.kohyaTe2 + kohya, PREFIX.diffusersTe2 + path]
  return [PREFIX.kohyaTe + kohya, PREFIX.kohyaTe1 + kohya, PREFIX.diffusersTe + path]
}

/**
 * One LoRA pair form: `load` looks for `up` first, in this order, and then reads `down` unconditionally; only the
 * kohya form has a `mid` it reads.
 */
export type PairForm = LoraPairSuffixes

// comfy/weight_adapter/lora.py `LoRAAdapter.load`: the elif chain, in order.
export const LORA_PAIRS: readonly PairForm[] = [
  LORA_PAIR.kohya,
  LORA_PAIR.processor,
  LORA_PAIR.peft,
  LORA_PAIR.dotLora,
  LORA_PAIR.peftBare,
  LORA_PAIR.linearLayer,
  LORA_PAIR.peftDefault
]

/** Read for every key-map stem before any adapter (comfy/lora.py `load_lora`, `LoRAAdapter.load`). */
export const SHARED_SUFFIXES = [SUFFIX.alpha, SUFFIX.doraScale, SUFFIX.reshapeWeight]

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
    trigger: [SUFFIX.hadaW1A],
    required: [SUFFIX.hadaW1B, ...LOHA_FACTORS.w2],
    optional: [...LOHA_FACTORS.tucker],
    merge: 'reshape'
  },
  // comfy/weight_adapter/lokr.py `LoKrAdapter.load`: any of the four factors makes an adapter.
  {
    name: 'lokr',
    trigger: [...LOKR_FACTORS.whole, SUFFIX.lokrW1A, SUFFIX.lokrW2A],
    required: [],
    // No `lokr_t1`: ComfyUI's LoKr reads only w2's Tucker core.
    optional: [...LOKR_FACTORS.whole, ...LOKR_FACTORS.w1, ...LOKR_FACTORS.w2, SUFFIX.lokrT2],
    merge: 'reshape'
  },
  // comfy/weight_adapter/glora.py `GLoRAAdapter.load`
  {
    name: 'glora',
    trigger: [SUFFIX.gloraA1],
    required: GLORA_FACTORS.slice(1),
    optional: [],
    merge: 'unchecked'
  },
  // comfy/weight_adapter/oft.py, boft.py
  {
    name: 'oft',
    trigger: [SUFFIX.oftBlocks],
    required: [],
    optional: [SUFFIX.oftRescale],
    merge: 'unchecked'
  },
  // comfy/lora.py `load_lora`: norm deltas, full deltas, set weights.
  {
    name: 'norm',
    trigger: [SUFFIX.normWeight],
    required: [],
    optional: [SUFFIX.normBias],
    merge: 'exact'
  },
  { name: 'diff', trigger: [SUFFIX.diff], required: [], optional: [], merge: 'exact' },
  { name: 'diff_b', trigger: [SUFFIX.diffBias], required: [], optional: [], merge: 'exact', bias: true },
  { name: 'set', trigger: [SUFFIX.setWeight], required: [], optional: [], merge: 'exact' }
]

/**
 * File-level conversions `comfy/lora_convert.py` `convert_lora` applies before the key map is consulted: Wan Fun
 * LoRAs written with `lora_unet__` get the double underscore folded.
 */
export function convertedStem(stem: string, keys: ReadonlySet<string>): string {
  if (
    stem.startsWith(PREFIX.kohyaUnetDouble) &&
    keys.has(`${PREFIX.kohyaUnetDouble}blocks_0_cross_attn_k${LORA_PAIR.kohya.down}`)
  )
    return PREFIX.kohyaUnet + stem.slice(PREFIX.kohyaUnetDouble.length)
  return stem
}
