/**
 * The legacy torch file signature, kept apart from the legacy reader so format detection can test for it
 * without loading the pickle machinery.
 */

/** The pickled magic number after PROTO: LONG1, 10 bytes, 0x1950a86a20f9469cfc6c little-endian. */
const MAGIC_LONG1 = [0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]

/**
 * Whether a file's first bytes are a legacy torch file: PROTO 2..5, then the magic LONG1, either directly
 * (protocol 2/3) or after a FRAME header (protocol 4/5 frame it: `80 04 95 <u64> 8a 0a ...`). Needs 23 bytes.
 */
export function looksLikeTorchLegacy(head: Uint8Array): boolean {
  if (head.length < 2 + MAGIC_LONG1.length || head[0] !== 0x80 || head[1]! < 2 || head[1]! > 5) return false
  const at = head[2] === 0x95 ? 11 : 2
  return head.length >= at + MAGIC_LONG1.length && MAGIC_LONG1.every((b, i) => head[at + i] === b)
}
