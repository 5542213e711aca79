/**
 * Wrapper prefixes: what tools put in front of the same state dict (docs/reference/key-formats.md §0 and §6).
 * Stripping them turns "0% exact overlap" into "same model, other packaging". The one list of the project.
 */

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
    let prefix: string | undefined
    for (const p of KNOWN_PREFIXES) {
      if (rest.length > p.length && rest.startsWith(p)) {
        prefix = p
        break
      }
    }
    if (prefix === undefined) break
    rest = rest.slice(prefix.length)
  }
  return rest
}

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
    const found: (string | undefined)[] = out.map((k, i) =>
      active[i] ? KNOWN_PREFIXES.find((p) => k.length > p.length && k.startsWith(p)) : undefined
    )
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

/** The prefix of one diffusers component folder (`text_encoder_2`, `transformer`, `unet`, `vae`). */
export function componentPrefix(name: string): ComponentPrefix {
  const te = /^text_encoder(?:_(\d+))?$/.exec(name)
  if (te) return { prefix: `${name}.`, component: 'text-encoder', textEncoder: te[1] ? Number(te[1]) : 1 }
  if (/^(?:transformer(?:_\d+)?|unet|prior|dit)$/.test(name))
    return { prefix: `${name}.`, component: 'denoiser', textEncoder: 0 }
  return { prefix: `${name}.`, component: 'skip', textEncoder: 0 }
}
