/**
 * Sort orders that do not depend on the machine. `localeCompare` loads ICU's collator (several ms in a cold
 * process, for a tie-break) and its order changes with the locale, so reports sorted with it would differ
 * between a laptop and a runner.
 */

/** Ascending order of two strings (by UTF-16 code unit), numbers or BigInts: -1, 0 or 1. */
export function ascending<T extends string | number | bigint>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Plain code-unit order of strings: the tie-break of every sorted list in a report. */
export const byCodeUnit: (a: string, b: string) => number = ascending
