/** JSON documents as we write them: two-space indented, BigInt as decimal strings, a trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n'
}
