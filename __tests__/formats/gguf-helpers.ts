/** Test helpers for the GGUF reader: an in-memory byte source (optionally with a larger, zero-filled apparent size). */
import { CheckpointError } from '../../src/formats/errors.js'
import type { CountingSource } from '../../src/formats/source.js'

export function memorySource(
  bytes: Uint8Array,
  name = 'mem.gguf',
  apparentSize = bytes.length
): CountingSource {
  const src = {
    name,
    size: apparentSize,
    bytesRead: 0,
    reads: 0,
    async read(offset: number, length: number): Promise<Uint8Array> {
      if (offset + length > apparentSize) {
        throw new CheckpointError(
          'Truncated',
          name,
          `read ${offset}..${offset + length} past ${apparentSize}`
        )
      }
      const out = new Uint8Array(length)
      if (offset < bytes.length) out.set(bytes.subarray(offset, Math.min(bytes.length, offset + length)))
      src.bytesRead += length
      src.reads++
      return out
    },
    async close(): Promise<void> {}
  }
  return src
}

/** The error a promise rejects with, or a failure naming what it resolved to. */
export async function errorOf(p: Promise<unknown>): Promise<CheckpointError> {
  try {
    await p
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw new Error(`expected a CheckpointError, got ${String(e)}`, { cause: e })
  }
  throw new Error('expected the read to fail, but it succeeded')
}
