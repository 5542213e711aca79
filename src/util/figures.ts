/**
 * How every figure is printed: one function, one rounding, so the gate, the comparison and every renderer say the
 * same percentage for the same figure.
 */

/**
 * A percentage (0 to 100) with one decimal, rounded down: 79.96 reads 79.9, never "80.0% is under the 80%
 * threshold", and a figure reads the same wherever it is printed.
 */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  const floored = Math.floor(value * 10 + 1e-9) / 10
  return `${floored.toFixed(1)}%`
}

/** A share in [0, 1] as a percentage, rounded as `formatPercent`. */
export function formatShare(fraction: number): string {
  return formatPercent(fraction * 100)
}
