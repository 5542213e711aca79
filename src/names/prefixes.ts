/**
 * Wrapper prefixes: what tools put in front of the same state dict (docs/reference/key-formats.md §0 and §6).
 * Stripping them turns "0% exact overlap" into "same model, other packaging". The one list of the project.
 */
import { escapeRegExp } from '../util/text.js'

/**
 * Known prefixes, longest first so `model.diffusion_model.` wins over `model.`. Wrappers (`module.` from
 * DataParallel, `_orig_mod.` from torch.compile) can stack, so stripping repeats.
 */
export const KNOWN_PREFIXES: readonly string[] = [
  'model.diffusion_model.',
  'base_model.model.',
  'first_stage_model.',
  'diffusion_model.',
  'transformer_2.',
  'transformer.',
  'pipe.dit.',
  'unet.',
  'module.',
  '_orig_mod.',
  'model.'
]

/** Rounds of stripping: enough for every real stack we know (`module._orig_mod.model.diffusion_model.`). */
const MAX_ROUNDS = 6

export interface NormalizedKey {
  key: string
  /** What was removed, e.g. `model.diffusion_model.` (empty when nothing was). */
  stripped: string
}

export function normalizeKey(key: string): NormalizedKey {
  const rest = stripKnownPrefixes(key)
  return { key: rest, stripped: key.slice(0, key.length - rest.length) }
}

/** The key without its known prefixes (what `normalizeKey(key).key` is, without the extra object). */
export function stripKnownPrefixes(key: string): string {
  let rest = key
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // One native match settles a key: most keys start with no known prefix, and a search costs more, interpreted,
    // than the match (this runs for every key of every model, in code too short-lived for the JIT).
    const m = KNOWN_PREFIX.exec(rest)
    if (m === null) break
    rest = rest.slice(m[0].length)
  }
  return rest
}

/** The first known prefix the key starts with (and is longer than), if any. */
function knownPrefixOf(key: string): string | undefined {
  const m = KNOWN_PREFIX.exec(key)
  return m === null ? undefined : m[0]
}

/**
 * The known prefixes as one anchored pattern, in list order (the first that fits wins, as `model.diffusion_model.`
 * over `model.`), each only when something follows it: a key is never stripped to nothing.
 */
const KNOWN_PREFIX = new RegExp(`^(?:${KNOWN_PREFIXES.map(escapeRegExp).join('|')})(?=[\\s\\S])`)

/**
 * Prefixes that are also common module names (`transformer.` is a SAT model's own top module; Hugging Face
 * `LlamaForCausalLM` keeps `lm_head` beside `model.`): stripped only when nearly every key of the model carries
 * them, so a model's own top-level module keeps its name.
 */
const AMBIGUOUS = new Set(['transformer.', 'transformer_2.', 'model.'])
/** Share of a model's keys that must carry an ambiguous prefix for it to count as a wrapper. */
const WRAPPER_SHARE = 0.9

/**
 * The keys of one model without their wrappers, decided for the whole model: unambiguous wrappers go from every
 * key, ambiguous ones only when (nearly) every key has them at that depth. Linear in the keys.
 */
export function stripModelPrefixes(keys: readonly string[]): string[] {
  const out = [...keys]
  const active = out.map(() => true)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found: (string | undefined)[] = out.map((k, i) => (active[i] ? knownPrefixOf(k) : undefined))
    const counts = new Map<string, number>()
    for (const p of found) if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1)
    let changed = false
    for (let i = 0; i < out.length; i++) {
      const p = found[i]
      if (p === undefined) {
        active[i] = false
        continue
      }
      if (AMBIGUOUS.has(p) && (counts.get(p) ?? 0) < WRAPPER_SHARE * out.length) {
        active[i] = false
        continue
      }
      out[i] = out[i]!.slice(p.length)
      changed = true
    }
    if (!changed) break
  }
  return out
}

/**
 * Adapter (LoRA / LyCORIS) file prefixes: what a training tool puts before a module path, and what it tells about
 * the file's naming convention, the component the module patches and how the path is spelled. Ordered: longer
 * prefixes before their own prefixes (`lora_unet__` before `lora_unet_`).
 */
export interface AdapterPrefix {
  prefix: string
  naming: 'kohya' | 'lycoris' | 'peft' | 'comfyui' | 'diffusers' | 'bare'
  form: 'dotted' | 'underscore'
  component: 'denoiser' | 'text-encoder'
  textEncoder?: number
}

export const ADAPTER_PREFIXES: readonly AdapterPrefix[] = [
  { prefix: 'lora_unet__', naming: 'kohya', form: 'underscore', component: 'denoiser' },
  { prefix: 'lora_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
  { prefix: 'lora_transformer_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
  { prefix: 'lora_prior_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
  { prefix: 'lora_te1_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'lora_te2_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 2 },
  { prefix: 'lora_te3_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 3 },
  { prefix: 'lora_te_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'lycoris_', naming: 'lycoris', form: 'underscore', component: 'denoiser' },
  { prefix: 'base_model.model.', naming: 'peft', form: 'dotted', component: 'denoiser' },
  // ai-toolkit Wan2.2 A14B combined files: one expert per prefix (transformer_1 high noise, transformer_2 low noise).
  { prefix: 'diffusion_model.transformer_1.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
  { prefix: 'diffusion_model.transformer_2.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
  { prefix: 'model.diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
  { prefix: 'diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
  { prefix: 'transformer_2.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
  { prefix: 'transformer.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
  { prefix: 'unet.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
  { prefix: 'text_encoder.', naming: 'diffusers', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
  {
    prefix: 'text_encoder_2.',
    naming: 'diffusers',
    form: 'dotted',
    component: 'text-encoder',
    textEncoder: 2
  },
  {
    prefix: 'text_encoder_3.',
    naming: 'diffusers',
    form: 'dotted',
    component: 'text-encoder',
    textEncoder: 3
  },
  { prefix: 'text_encoders.', naming: 'comfyui', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'pipe.dit.', naming: 'bare', form: 'dotted', component: 'denoiser' }
]

/** The component of a checkpoint a key prefix introduces. */
export interface ComponentPrefix {
  prefix: string
  /** `skip`: a component LoRA resolution never targets (the VAE, an EMA copy). */
  component: 'denoiser' | 'text-encoder' | 'skip'
  /** 1-based text encoder number (0 for the denoiser and skipped parts). */
  textEncoder: number
}

/**
 * Component prefixes of single-file checkpoints (LDM / sgm layouts, ComfyUI's `text_encoders.`): which part of the
 * model the keys under them belong to. Diffusers folders add one prefix per component folder (`componentPrefix`).
 */
export const COMPONENT_PREFIXES: readonly ComponentPrefix[] = [
  { prefix: 'model.diffusion_model.', component: 'denoiser', textEncoder: 0 },
  { prefix: 'diffusion_model.', component: 'denoiser', textEncoder: 0 },
  { prefix: 'conditioner.embedders.0.transformer.', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'conditioner.embedders.1.model.', component: 'text-encoder', textEncoder: 2 },
  { prefix: 'cond_stage_model.transformer.', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'cond_stage_model.model.', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'text_encoders.', component: 'text-encoder', textEncoder: 1 },
  { prefix: 'first_stage_model.', component: 'skip', textEncoder: 0 },
  { prefix: 'model_ema.', component: 'skip', textEncoder: 0 }
]

/** Denoiser folders of diffusers pipelines (`transformer`, Wan2.2 A14B's `transformer_2`, `unet`, `prior`). */
const DIFFUSERS_DENOISER_FOLDERS = 'transformer(?:_\\d+)?|unet|prior'
/** A base's component prefix that is a diffusers denoiser folder: what a diffusers LoRA of it is prefixed with. */
export const DIFFUSERS_DENOISER_PREFIX = new RegExp(`^(?:${DIFFUSERS_DENOISER_FOLDERS})\\.$`)
/** Folders read as the denoiser: the diffusers ones and `dit` (not written back as a diffusers prefix). */
const DENOISER_FOLDER = new RegExp(`^(?:${DIFFUSERS_DENOISER_FOLDERS}|dit)$`)

/** The prefix of one diffusers component folder (`text_encoder_2`, `transformer`, `unet`, `vae`). */
export function componentPrefix(name: string): ComponentPrefix {
  const te = /^text_encoder(?:_(\d+))?$/.exec(name)
  if (te) return { prefix: `${name}.`, component: 'text-encoder', textEncoder: te[1] ? Number(te[1]) : 1 }
  if (DENOISER_FOLDER.test(name)) return { prefix: `${name}.`, component: 'denoiser', textEncoder: 0 }
  return { prefix: `${name}.`, component: 'skip', textEncoder: 0 }
}
