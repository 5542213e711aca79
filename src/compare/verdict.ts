/**
 * The verdict: its tier, headline figure and summary sentence. Pure functions over computed figures; the flags
 * behind it are flags.ts.
 */
import { formatShare } from '../util/figures.js'
import { stringsOf } from './flag-evidence.js'
import type { Flag, OverlapBasis, OverlapFigures, Verdict, VerdictTier } from './types.js'

/** One rounding for every figure (rounded down), as every renderer prints it. */
const pct = formatShare

/** Tier thresholds on the verdict's overlap figure (a share of A's tensors). */
export const COMPATIBLE_ABOVE = 0.8
export const PARTIAL_FROM = 0.3
/** Under this share a compatible verdict says which part of A is left out. */
export const PART_OF_A = 0.995

const SUMMARIES: Record<VerdictTier, Record<OverlapBasis, string>> = {
  compatible: {
    exact: 'LoRAs should work directly: the keys and shapes match.',
    normalized: 'LoRAs should work once the key prefix is adjusted: same keys after stripping prefixes.',
    mapped: 'Same network under another naming: LoRAs work after key conversion (see the mapping).'
  },
  partial: {
    exact: 'Conversion needed: part of the model matches (see the mapping and the unmatched keys).',
    normalized: 'Conversion needed: part of the model matches after stripping prefixes (see the mapping).',
    mapped: 'Conversion needed: part of the model can be mapped (see the mapping and the unmatched keys).'
  },
  incompatible: {
    exact: 'Different architectures: train for the target model, or use its native LoRAs.',
    normalized: 'Different architectures: train for the target model, or use its native LoRAs.',
    mapped: 'Different architectures: train for the target model, or use its native LoRAs.'
  }
}

export function tierOf(overlap: number): VerdictTier {
  if (overlap > COMPATIBLE_ABOVE) return 'compatible'
  if (overlap >= PARTIAL_FROM) return 'partial'
  return 'incompatible'
}

/**
 * The headline is the parameter-weighted share of both models that high-confidence, parameter-conserving links
 * cover (`overlap.parameters`): the same figure whichever model is A, and a 12M-element matrix counts for more
 * than a bias. The basis says how much conversion the covered part needs: none (exact keys), a prefix
 * (normalized), or the mapping (`conversions` lists its kinds). Red family or block-count flags cap it at partial.
 */
export function verdictOf(
  overlap: OverlapFigures,
  flags: readonly Flag[] = [],
  conversions: readonly string[] = []
): Verdict {
  const value = overlap.parameters
  const basis: OverlapBasis =
    conversions.length === 0
      ? 'exact'
      : overlap.normalizedCompatible > overlap.exactCompatible &&
          overlap.normalizedCompatible >= overlap.mapped &&
          conversions.every((k) => k === 'rename')
        ? 'normalized'
        : 'mapped'
  const tier = tierOf(value)
  // Names and shapes can line up across two different networks (HunyuanVideo and Flux share the double/single
  // stream design and the width: 90% of HunyuanVideo maps onto Flux by block index). Different model families or
  // block counts, or text models fed by other tokenizers, are not "the same network under another naming": at most
  // partial, and the summary says why.
  const apart = flags.filter(
    (f) =>
      f.kind === 'red' &&
      (f.code === 'model-family' ||
        f.code === 'block-count' ||
        f.code === 'block-shapes' ||
        f.code === 'vocabulary')
  )
  if (tier === 'compatible' && apart.length > 0) {
    // The family flag's size lines say what differs (block counts, widths), beside the other flags' sentences.
    const why = [...new Set(apart.flatMap((f) => [f.message, ...stringsOf(f.evidence.sizes)]))].join('; ')
    return {
      tier: 'partial',
      basis,
      overlap: value,
      summary:
        `${pct(value)} of the parameters line up by name and shape, but these are different networks (${why}): ` +
        'a conversion is at best partial; check the mapping and the unmatched keys.'
    }
  }
  return { tier, basis, overlap: value, summary: summaryOf(tier, basis, value, flags, conversions) }
}

/**
 * "Different architectures" is wrong for two sizes of one family (Wan 1.3B vs 14B): the keys are the same, the
 * dims are not. Said as such, with the dims and block counts that differ.
 */
function summaryOf(
  tier: VerdictTier,
  basis: OverlapBasis,
  overlap: number,
  flags: readonly Flag[],
  conversions: readonly string[]
): string {
  const lora = flags.find((f) => f.code === 'lora-file')
  if (lora) {
    const [side, other] = lora.message.startsWith('A ') ? ['A', 'B'] : ['B', 'A']
    return (
      `${side} is a LoRA: a model comparison does not apply; ` +
      `\`model-compat lora ${side} --base ${other}\` tells whether it loads on ${other}.`
    )
  }
  const sameFamily = flags.some((f) => f.code === 'model-family' && f.kind === 'green')
  const sizes = flags.filter((f) => f.kind === 'red' && (f.code === 'hidden-dim' || f.code === 'block-count'))
  // "Compatible" at 84% (Wan I2V against T2V: the image branch has no counterpart) is not "everything matches".
  const after =
    basis === 'mapped' && conversions.length > 0
      ? `Compatible after conversion: ${conversions.join(', ')}. `
      : ''
  if (tier === 'compatible' && overlap < PART_OF_A) {
    const rest = `the other ${pct(1 - overlap)} of the parameters has no compatible counterpart (see the unmatched keys and shape differences).`
    if (basis === 'exact')
      return `LoRAs should work directly on what both share: keys and shapes match for ${pct(overlap)} of the parameters; ${rest}`
    return `${after}${SUMMARIES[tier][basis]} But ${rest}`
  }
  if (tier === 'compatible') return `${after}${SUMMARIES[tier][basis]}`
  if (tier !== 'incompatible' || !sameFamily || sizes.length === 0) return SUMMARIES[tier][basis]
  return (
    `Same model family at another size (${sizes.map((f) => f.message).join('; ')}): ` +
    'weights and LoRAs do not transfer; use ones made for the target model.'
  )
}
