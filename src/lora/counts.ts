/** A resolution's counts and the loadable share, one reading for the resolver and every loader profile. */
import type { LoraResolution, ResolutionStatus } from './types.js'

export function emptyCounts(): Record<ResolutionStatus, number> {
  return { ok: 0, unresolved: 0, 'shape-mismatch': 0, unsupported: 0, 'not-checked': 0 }
}

/**
 * The module figures of a resolution: `loadable` is a share of the modules the base can judge (`checked`); a
 * module for a component the base does not hold is neither loading nor failing. Rounded to 0.01%.
 */
export function loadableFigures(
  modules: number,
  counts: Readonly<Record<ResolutionStatus, number>>
): Pick<LoraResolution, 'modules' | 'checked' | 'loadable' | 'loadablePercent'> {
  const checked = modules - counts['not-checked']
  return {
    modules,
    checked,
    loadable: counts.ok,
    loadablePercent: checked === 0 ? 0 : Math.round((counts.ok / checked) * 10000) / 100
  }
}
