/**
 * Lookup tables indexed by names from files. A plain object literal answers `table['constructor']` or
 * `table['__proto__']` with Object.prototype's members, so a hostile key name would be taken for a table entry;
 * a null-prototype table answers undefined for every name it does not hold.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries))
}
