/**
 * Key normalisation: the prefixes and wrappers that tools put in front of the same state dict
 * (key-formats.md §0 and §6). Stripping them is what turns "0% exact overlap" into "same model, other packaging".
 */

/**
 * Known prefixes, longest first so `model.diffusion_model.` wins over `model.`. Wrappers (`module.` from
 * DataParallel, `_orig_mod.` from torch.compile) can stack, so stripping repeats.
 */
export const KNOWN_PREFIXES: readonly string[] = [
  'model.diffusion_model.',
  'base_model.model.',
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
