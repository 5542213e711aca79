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

/**
 * `toJson({ ...head, [key]: value })` in two steps: the head is rendered now, the last member once its value is
 * known. A conversion renders its plan (1.4 MB of the bench's 1.5 MB report for 1,500 modules, about 10 ms) while
 * the output is being written, when the main thread waits on the kernel, instead of after the write, where it
 * added to the command's time. `key` must not be a member of `head`, nor a number: an object lists its integer
 * keys first, so such a member would not come last.
 */
export function toJsonLater(head: Record<string, unknown>, key: string): (value: unknown) => string {
  if (Object.hasOwn(head, key)) throw new Error(`toJsonLater: ${key} is already a member`)
  if (/^(?:0|[1-9][0-9]*)$/.test(key)) throw new Error(`toJsonLater: ${key} would not be the last member`)
  const text = toJson(head)
  // '{\n  ...members\n}\n' without its closing line, or '{' for a head without members ('{}\n')
  const open = text === '{}\n' ? '{' : `${text.slice(0, -'\n}\n'.length)},`
  return (value) => {
    // JSON.stringify leaves out a member whose value is undefined
    if (value === undefined) return text
    // a value one level down is its own rendering with every line after the first indented once more (a JSON
    // string never holds a raw line break)
    const member = toJson(value).slice(0, -1).replaceAll('\n', '\n  ')
    return `${open}\n  ${JSON.stringify(key)}: ${member}\n}\n`
  }
}
