/**
 * numpy `.npy` arrays (and the members of `.npz` archives): a magic string, a version, a header length and a
 * Python dict literal (`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`), then the data. An array
 * of Python objects (`descr` 'O', or a structured dtype with an 'O' field) stores its data as a pickle, which
 * `numpy.load(..., allow_pickle=True)` runs: that pickle is scanned like any other. Numeric arrays are not
 * checkpoints and their data is never read.
 */
import { NPY_LIMITS } from '../limits.js'

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY

export const MAX_NPY_HEADER_BYTES = NPY_LIMITS.maxHeaderBytes

/** Bytes to read to see the whole header of any .npy we accept. */
export const NPY_HEAD_BYTES = 12 + MAX_NPY_HEADER_BYTES

export function looksLikeNpy(head: Uint8Array): boolean {
  return head.length >= MAGIC.length && MAGIC.every((b, i) => head[i] === b)
}

export interface NpyHeader {
  /** Offset of the data (the pickle, for object arrays). */
  dataStart: number
  /** The header's dtype holds Python objects: the data is a pickle. */
  objects: boolean
  /** The header text, for messages (cut). */
  header: string
}

/** The header of a .npy whose first bytes are `head`, or a reason it is not one we read. */
export function parseNpyHeader(head: Uint8Array): NpyHeader | { error: string } {
  if (!looksLikeNpy(head) || head.length < 10) return { error: 'not a .npy header' }
  const major = head[6]!
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  let length: number
  let start: number
  if (major === 1) {
    length = view.getUint16(8, true)
    start = 10
  } else if (major === 2 || major === 3) {
    if (head.length < 12) return { error: 'the .npy header is truncated' }
    length = view.getUint32(8, true)
    start = 12
  } else {
    return { error: `unknown .npy format version ${major}.${head[7]}` }
  }
  if (length > MAX_NPY_HEADER_BYTES) {
    return { error: `a .npy header of ${length} bytes (numpy reads at most 10000 by default)` }
  }
  if (start + length > head.length) return { error: 'the .npy header is truncated' }
  const header = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(start, start + length))
  // 'O' as a dtype string, alone or as a field of a structured dtype, with an optional byte-order mark
  const objects = /['"][|<>=]?O\d*['"]/.test(header)
  return { dataStart: start + length, objects, header: header.trim().slice(0, 200) }
}
