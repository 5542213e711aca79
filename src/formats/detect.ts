/**
 * Format detection by content, never by extension: a `.bin` may be a torch zip, a legacy pickle or safetensors,
 * and a renamed file must still be read correctly. An unknown file gets a clear error rather than a guess.
 */

import { looksLikeTorchLegacy } from './torch/pickle/legacy-magic.js'

export type DetectedKind =
  'safetensors' | 'tar' | 'zip' | 'torch-legacy' | 'pickle' | 'gguf' | 'json' | 'npy' | 'unknown'

/** Bytes of the file's start that `detectKind` needs to decide. */
export const DETECT_BYTES = 512

const isJsonSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  if (head.length < bytes.length) return false
  return bytes.every((b, i) => head[i] === b)
}

function firstNonSpace(head: Uint8Array, from: number): number | undefined {
  for (let i = from; i < head.length; i++) if (!isJsonSpace(head[i])) return head[i]
  return undefined
}

/**
 * Decide the kind from the first bytes of a file. `head` holds up to DETECT_BYTES bytes, `size` the whole size.
 */
export function detectKind(head: Uint8Array, size: number): DetectedKind {
  if (startsWith(head, [0x47, 0x47, 0x55, 0x46])) return 'gguf' // "GGUF"
  // Local file header, or the end-of-central-directory record of an empty archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  // The legacy torch format opens with a pickled magic number (protocol 2, or framed at protocol 4/5).
  if (looksLikeTorchLegacy(head)) return 'torch-legacy'
  // safetensors: an 8-byte little-endian header size, then a JSON object (leading whitespace is allowed, §1.5).
  // Checked before plain JSON because the size's low byte can itself be '{'.
  if (head.length >= 9 && firstNonSpace(head, 8) === 0x7b) return 'safetensors'
  // A header padded with more whitespace than we looked at (the reference crate's tests pad with thousands of
  // spaces) is still safetensors when the declared size fits the file: the reader then validates it in full.
  if (head.length >= 9 && firstNonSpace(head, 8) === undefined && size > head.length) {
    const declared = new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true)
    if (declared > BigInt(head.length - 8) && declared <= BigInt(size - 8)) return 'safetensors'
  }
  if (firstNonSpace(head, 0) === 0x7b) return 'json'
  // A pickle of protocol 2 to 5 opens with PROTO n. Protocols 0 and 1 have no marker: an 'unknown' file gets a
  // trial run of the pickle machine before it is called unknown (index.ts), which this pure check cannot do.
  if (head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) return 'pickle'
  // numpy arrays: an object array's data is a pickle
  if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'npy'
  // PyTorch 0.1.1 wrote tar archives ("ustar" at offset 257): named so the error can say what it is.
  if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar') return 'tar'
  void size
  return 'unknown'
}
