/**
 * A glance at a local safetensors file's tensor names, before (and apart from) the real read. For guesses whose
 * only cost when wrong is time, taken while the real read has not happened yet: `convert` starts its kernel copy
 * or its output prefill from the two files' names, and the full, validated read (read.ts) then runs beside that
 * work instead of ahead of it. Nothing here is validated beyond what the glance needs, so nothing read here may
 * decide a result: the caller acts on the validated checkpoint, and a file the glance misreads or the reader
 * refuses only makes the guess wrong.
 *
 * What it reads: the 8-byte length and the JSON header, and from the header the key of every member whose value
 * is an object. In a safetensors header those are the tensors and `__metadata__` (left out): a tensor's own
 * fields and the metadata's values are strings and arrays, never objects. A key written with escapes is decoded
 * as JSON decodes it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** The largest header glanced at: real headers are a few MB at most; past this the real read alone decides. */
export const PEEK_MAX_HEADER_BYTES = 16 << 20

/** A member's key followed by an object value (whitespace allowed around the colon, as JSON allows). */
const OBJECT_MEMBER = /"((?:[^"\\]|\\.)*)"[ \t\r\n]*:[ \t\r\n]*\{/g

/**
 * The tensor names of the safetensors file at `path`, or undefined when it is not a regular file that reads as one
 * (too short, a header past PEEK_MAX_HEADER_BYTES or the file's end, not an object, a key that does not decode,
 * unreadable).
 */
export function peekSafetensorsNames(path: string): string[] | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) return undefined
    const prefix = new Uint8Array(8)
    if (readSync(fd, prefix, 0, 8, 0) !== 8) return undefined
    const n = new DataView(prefix.buffer).getBigUint64(0, true)
    if (n < 2n || n > BigInt(Math.min(PEEK_MAX_HEADER_BYTES, st.size - 8))) return undefined
    const header = Buffer.allocUnsafe(Number(n))
    let got = 0
    for (let r; got < header.length && (r = readSync(fd, header, got, header.length - got, 8 + got)) > 0;)
      got += r
    if (got !== header.length) return undefined
    return objectKeys(header.toString('utf8'))
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/** The keys of the members whose value is an object, `__metadata__` left out; undefined when the text is no object. */
export function objectKeys(text: string): string[] | undefined {
  if (text.trimStart()[0] !== '{') return undefined
  const names: string[] = []
  for (const m of text.matchAll(OBJECT_MEMBER)) {
    let name = m[1]!
    if (name.includes('\\')) {
      try {
        name = JSON.parse(`"${name}"`) as string
      } catch {
        return undefined
      }
    }
    if (name !== '__metadata__') names.push(name)
  }
  return names
}
