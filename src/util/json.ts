/** JSON documents as we write them: two-space indented, BigInt as decimal strings, a trailing newline. */
export function toJson(value: unknown): string {
  // Without a replacer JSON.stringify stays in V8's native serializer; a replacer is a JS call per value (a
  // mapping document has tens of thousands), so it is used only for a document that holds a BigInt, which the
  // native serializer refuses with a TypeError.
  try {
    return JSON.stringify(value, null, 2) + '\n'
  } catch (e) {
    if (!(e instanceof TypeError)) throw e
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n'
  }
}
