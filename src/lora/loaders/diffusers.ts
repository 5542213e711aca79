/**
 * diffusers' LoRA loading rules, as data: per pipeline family, the converters `lora_state_dict` runs (each with
 * the file-level test that selects it, the modules it converts, and what it does with the rest), the key prefix
 * `load_lora_adapter` keeps, and the checks `load_lora_weights` makes. Facts from diffusers'
 * src/diffusers/loaders/lora_pipeline.py, lora_conversion_utils.py and peft.py (function names cited per rule);
 * docs/reference/loaders.md has the full list.
 */
import { LORA_PAIR, PREFIX, SUFFIX, kohyaForm, type LoraPairSuffixes } from '../../names/adapters.js'
import { UNET_LDM_SERIES } from '../../names/families.js'
import { isFluxOriginalLayer } from './runtime-names.js'
import type { ModuleFacts, RuntimeArch } from './subject.js'

export interface Converter {
  name: string
  /** The diffusers function, for reasons and the reference. */
  source: string
  /** Whether `lora_state_dict` picks this converter for a file with these keys. */
  selects(keys: readonly string[]): boolean
  /** Whether it converts this module to a diffusers PEFT module. */
  converts(f: ModuleFacts, file: FileFacts): boolean
  /** Modules it does not convert: dropped (with the log line) or a whole-file error. */
  rest: { kind: 'drop'; log: string } | { kind: 'error'; error: (keys: string[]) => string }
  /** Drops these modules silently even though they are in its namespace (`.diff` weights, norm deltas). */
  drops?(f: ModuleFacts): string | null
  /** A whole-file error from a converter that indexes modules it expects (KeyError), or null. */
  check?(facts: readonly ModuleFacts[], file: FileFacts): string | null
  /**
   * Suffixes of a converted module it renames; any other key of that module is left over (a whole-file error
   * for an `error` converter). Absent: it takes every key of a module it converts.
   */
  takes?: readonly string[]
  /** Whether the names it produces for this module exist in the diffusers model (default: they do). */
  lands?(f: ModuleFacts, file: FileFacts): boolean
}

export interface FileFacts {
  keys: readonly string[]
  /** Wan I2V LoRA: has both `k_img` and `v_img` modules. */
  i2v: boolean
  /** The base is SDXL (the pipeline passes its unet_config, so sgm block names are mapped). */
  sdxl: boolean
}

export interface Pipeline {
  arch: RuntimeArch
  /** The LoraLoaderMixin class. */
  mixin: string
  /** The prefix `load_lora_adapter` keeps for the denoiser; keys without it never reach the model. */
  prefix: 'unet' | 'transformer'
  /** `load_lora_weights` requires "lora" in every key (`all`) or in some key (`any`). */
  loraSubstring: 'all' | 'any'
  converters: Converter[]
}

const hasPair = (f: ModuleFacts, p: { down: string; up: string }) =>
  f.suffixes.has(p.down) && f.suffixes.has(p.up)
const kohyaPair = (f: ModuleFacts) => hasPair(f, LORA_PAIR.kohya)
const abPair = (f: ModuleFacts) => hasPair(f, LORA_PAIR.peft)

/** A module in an sgm / LDM UNet block (`input_blocks_4_1_...`). */
const SGM_BLOCK = new RegExp(`^(?:${UNET_LDM_SERIES.join('|')})_`)
/** The prefixes the SD kohya converter requires of every key. */
const SD_KOHYA = [PREFIX.kohyaUnet, PREFIX.kohyaTe, PREFIX.kohyaTe1, PREFIX.kohyaTe2]

// lora_conversion_utils.py `_convert_non_diffusers_lora_to_diffusers`: kohya LoRA pairs of the UNet and CLIP.
const sdKohya: Converter = {
  name: 'kohya',
  source: 'lora_conversion_utils.py _convert_non_diffusers_lora_to_diffusers',
  selects: (keys) => keys.every((k) => SD_KOHYA.some((p) => k.startsWith(p))),
  converts: (f) => kohyaPair(f),
  // sgm block names are renamed to diffusers blocks only when the pipeline passes its unet_config
  // (`_maybe_map_sgm_blocks_to_diffusers`; StableDiffusionXLLoraLoaderMixin does, the SD 1.x mixin does not):
  // on SD 1.x `_convert_unet_lora_key` turns them into names no module has.
  lands: (f, file) => f.module.component === 'text-encoder' || !SGM_BLOCK.test(f.module.path) || file.sdxl,
  rest: {
    kind: 'error',
    error: (keys) => `ValueError: The following keys have not been correctly renamed: ${keys.join(', ')}`
  }
}

const WAN_ORIGINAL =
  /^(?:blocks_\d+_(?:(?:self_attn|cross_attn)_[qkvo]|ffn_[02])|time_projection_1|head_head|(?:text|time)_embedding_[02]|img_emb_proj_[13])$/
const WAN_IMAGE = /^blocks_\d+_cross_attn_[kv]_img$/

// `_convert_non_diffusers_wan_lora_to_diffusers`: original Wan names with a `diffusion_model.` prefix.
const wanOriginal: Converter = {
  name: 'Wan original names',
  source: 'lora_conversion_utils.py _convert_non_diffusers_wan_lora_to_diffusers',
  selects: (keys) => keys.some((k) => k.startsWith(PREFIX.comfyDenoiser)),
  converts: (f, file) => {
    const m = f.module
    if (m.prefix !== PREFIX.comfyDenoiser) return false
    const p = kohyaForm(m.path)
    if (!WAN_ORIGINAL.test(p) && !(file.i2v && WAN_IMAGE.test(p))) return false
    return kohyaPair(f) || abPair(f)
  },
  // It pops the pair, the alpha and `diff_b`; a DoRA magnitude or dora_scale is left over (the Wan mixin drops
  // dora_scale only after converting).
  takes: [
    LORA_PAIR.peft.down,
    LORA_PAIR.peft.up,
    LORA_PAIR.kohya.down,
    LORA_PAIR.kohya.up,
    SUFFIX.alpha,
    SUFFIX.diffBias
  ],
  drops: (f) => {
    const onlyDiff = [...f.suffixes].every((s) => s === SUFFIX.diff || s === SUFFIX.diffBias)
    if (!onlyDiff) return null
    if (f.module.path.includes('norm')) return 'norm-layer deltas are removed (unsupported)'
    // `.diff` weights are left out with a log line; a `.diff_b` becomes a lora_B.bias with no LoRA pair to carry it.
    return 'full `.diff` / `.diff_b` deltas are not applied'
  },
  rest: {
    kind: 'error',
    error: (keys) => `ValueError: \`state_dict\` should be empty at this point but has ${keys.join(', ')}`
  }
}

// `_convert_musubi_wan_lora_to_diffusers`: every block's q/k/v/o and ffn pairs with their alpha, indexed
// unconditionally (a missing one raises KeyError).
const WAN_MUSUBI_PARTS = [
  'self_attn_q',
  'self_attn_k',
  'self_attn_v',
  'self_attn_o',
  'cross_attn_q',
  'cross_attn_k',
  'cross_attn_v',
  'cross_attn_o',
  'ffn_0',
  'ffn_2'
]
const MUSUBI_TAKES = [LORA_PAIR.kohya.down, LORA_PAIR.kohya.up, SUFFIX.alpha]
const wanMusubi: Converter = {
  name: 'musubi-tuner',
  source: 'lora_conversion_utils.py _convert_musubi_wan_lora_to_diffusers',
  selects: (keys) => keys.some((k) => k.startsWith(PREFIX.kohyaUnet)),
  converts: (f, file) => {
    const p = f.module.path
    const known = /^blocks_\d+_(.+)$/.exec(p)
    if (f.module.prefix !== PREFIX.kohyaUnet || !known) return false
    return WAN_MUSUBI_PARTS.includes(known[1]!) || (file.i2v && /^cross_attn_[kv]_img$/.test(known[1]!))
  },
  check: (_facts, file) => {
    // It cuts `lora_unet_` off every key (whatever it starts with), counts blocks from the text after
    // `blocks_` (a key without one is an IndexError), then indexes each block's modules and alphas.
    const names = new Set(file.keys.map((k) => k.slice(PREFIX.kohyaUnet.length)))
    const blocks = new Set<string>()
    for (const k of names) {
      const at = k.indexOf('blocks_')
      if (at < 0) return 'IndexError: list index out of range'
      blocks.add(k.slice(at + 'blocks_'.length).split('_')[0]!)
    }
    const parts = file.i2v ? [...WAN_MUSUBI_PARTS, 'cross_attn_k_img', 'cross_attn_v_img'] : WAN_MUSUBI_PARTS
    for (let i = 0; i < blocks.size; i++) {
      for (const part of parts) {
        for (const s of MUSUBI_TAKES) {
          const key = `blocks_${i}_${part}${s}`
          if (!names.has(key)) return `KeyError: '${key}'`
        }
      }
    }
    return null
  },
  takes: MUSUBI_TAKES,
  rest: {
    kind: 'error',
    error: (keys) => `ValueError: \`state_dict\` should be empty at this point but has ${keys.join(', ')}`
  }
}

export const XLABS_STEM = /^(double|single)_blocks\.(\d+)\.processor\.(qkv|proj)(?:_lora(\d?))?$/

// `_convert_kohya_flux_lora_to_diffusers`, picked by any `.lora_down.weight` key: with `transformer.` keys it keeps
// only those; otherwise it renames `diffusion_model.` to `lora_unet_` and converts the sd-scripts names.
const fluxKohya: Converter = {
  name: 'kohya (Flux)',
  source: 'lora_conversion_utils.py _convert_kohya_flux_lora_to_diffusers',
  selects: (keys) => keys.some((k) => k.includes(LORA_PAIR.kohya.down)),
  converts: (f, file) => {
    const m = f.module
    if (file.keys.some((k) => k.startsWith(PREFIX.diffusersTransformer)))
      return m.prefix === PREFIX.diffusersTransformer && (kohyaPair(f) || abPair(f))
    if (m.component === 'text-encoder') return kohyaPair(f)
    return (
      (m.prefix === PREFIX.kohyaUnet || m.prefix === PREFIX.comfyDenoiser) &&
      kohyaPair(f) &&
      isFluxOriginalLayer(kohyaForm(m.path))
    )
  },
  drops: (f) =>
    f.suffixes.has(SUFFIX.diffBias) && f.suffixes.size === 1 ? '`diff_b` keys are filtered out' : null,
  check: (facts, file) => {
    if (file.keys.some((k) => k.startsWith(PREFIX.diffusersTransformer))) return null
    // `_convert_sd_scripts_to_ai_toolkit` splits linear1 with Flux.1's own sizes (3 x 3072 + 12288 rows).
    for (const f of facts) {
      if (!/^single_blocks_\d+_linear1$/.test(kohyaForm(f.module.path)) || !kohyaPair(f)) continue
      const up = f.module.tensors.find((t) => t.role === 'up')?.tensor.shape[0]
      if (up !== undefined && up !== 3 * 3072 + 12288)
        return 'AssertionError: sum(dims) == up_weight.shape[0]'
    }
    return null
  },
  rest: {
    kind: 'error',
    error: (keys) => `ValueError: Incompatible keys detected: ${keys.join(', ')}`
  }
}

// `_convert_fal_kontext_lora_to_diffusers`, picked by any key containing "base_model": it pops every module of
// Flux.1's 19 double and 38 single blocks in BFL names under `base_model.model.`; a missing one is a KeyError.
const fluxFalKontext: Converter = {
  name: 'fal Kontext',
  source: 'lora_conversion_utils.py _convert_fal_kontext_lora_to_diffusers',
  selects: (keys) => keys.some((k) => k.includes('base_model')),
  converts: (f) =>
    f.module.prefix === PREFIX.peft && isFluxOriginalLayer(kohyaForm(f.module.path)) && abPair(f),
  check: (_facts, file) => {
    const first = `${PREFIX.peft}double_blocks.0.img_mod.lin${LORA_PAIR.peft.down}`
    return file.keys.includes(first) ? null : `KeyError: '${first}'`
  },
  rest: {
    kind: 'error',
    error: (keys) =>
      `ValueError: \`original_state_dict\` should be empty at this point but has ${keys.join(', ')}`
  }
}

// `_convert_xlabs_flux_lora_to_diffusers`, picked by any key containing "processor": XLabs' attention-processor
// LoRAs (`double_blocks.N.processor.qkv_lora1.down.weight`, `single_blocks.N.processor.proj_lora.up.weight`).
// The double-block keys (`_lora1`/`_lora2`) do not parse as modules here and are counted at file level; the
// single-block ones parse with the `_lora` dropped from the stem.
const fluxXlabs: Converter = {
  name: 'XLabs',
  source: 'lora_conversion_utils.py _convert_xlabs_flux_lora_to_diffusers',
  selects: (keys) => keys.some((k) => k.includes('processor')),
  converts: (f) => XLABS_STEM.test(f.module.stem),
  rest: {
    kind: 'error',
    error: (keys) => `ValueError: \`old_state_dict\` should be at this point but has: ${keys.join(', ')}`
  }
}

export const PIPELINES: Readonly<Record<RuntimeArch, Pipeline>> = {
  unet: {
    arch: 'unet',
    mixin: 'StableDiffusion(XL)LoraLoaderMixin',
    prefix: 'unet',
    loraSubstring: 'all',
    converters: [sdKohya]
  },
  flux: {
    arch: 'flux',
    mixin: 'FluxLoraLoaderMixin',
    prefix: 'transformer',
    loraSubstring: 'any',
    converters: [fluxKohya, fluxXlabs, fluxFalKontext]
  },
  wan: {
    arch: 'wan',
    mixin: 'WanLoraLoaderMixin',
    prefix: 'transformer',
    loraSubstring: 'all',
    converters: [wanOriginal, wanMusubi]
  },
  hunyuanvideo: {
    arch: 'hunyuanvideo',
    mixin: 'HunyuanVideoLoraLoaderMixin',
    prefix: 'transformer',
    loraSubstring: 'all',
    converters: []
  },
  generic: {
    arch: 'generic',
    mixin: 'the pipeline LoraLoaderMixin',
    prefix: 'transformer',
    loraSubstring: 'all',
    converters: []
  }
}

/**
 * Suffix forms `load_lora_adapter` accepts: PEFT's own, or (when the first key is not PEFT) what
 * `convert_unet_state_dict_to_peft` renames; DoRA magnitudes and `lora_B.bias` are PEFT parameters too.
 */
export const PEFT_PAIRS: readonly LoraPairSuffixes[] = [
  LORA_PAIR.peft,
  LORA_PAIR.kohya,
  LORA_PAIR.dotLora,
  LORA_PAIR.processor,
  LORA_PAIR.linearLayer
]
export const PEFT_EXTRAS = [SUFFIX.magnitude, SUFFIX.peftBBias]

/** Text-encoder prefixes `load_lora_into_text_encoder` keeps. */
export const TEXT_ENCODER_PREFIXES = [PREFIX.diffusersTe, PREFIX.diffusersTe2]
