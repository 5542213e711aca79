/**
 * Tie-break order for sorted lists in reports: plain code-unit order. `localeCompare` would load ICU's collator
 * (several ms in a cold process, for a tie-break) and its order depends on the machine's locale.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
