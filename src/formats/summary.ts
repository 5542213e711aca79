/** Figures every `analyze` prints for a file, derived from the Checkpoint alone. */
import type { Checkpoint, GlobalTier, PickleGlobal } from './types.js'

export interface DtypeFigures {
  tensors: number
  parameters: number
  bytes: number
}

export interface CheckpointSummary {
  format: string
  tensorCount: number
  /** Exact up to 2^53 (9e15 parameters: no model comes near). */
  parameterCount: number
  /** Bytes of tensor data as the byte ranges say (0 for manifests, which carry no ranges). */
  dataBytes: number
  fileBytes: number
  dtypes: Record<string, DtypeFigures>
  metadataKeys: number
  globals: Record<GlobalTier, PickleGlobal[]>
}

export function summarizeCheckpoint(ckpt: Checkpoint): CheckpointSummary {
  const dtypes: Record<string, DtypeFigures> = Object.create(null)
  let parameterCount = 0
  let dataBytes = 0
  for (const t of ckpt.tensors) {
    const numel = t.shape.reduce((a, b) => a * b, 1)
    const bytes = t.byteRange ? Number(t.byteRange.end - t.byteRange.start) : 0
    parameterCount += numel
    dataBytes += bytes
    const d = (dtypes[t.dtype] ??= { tensors: 0, parameters: 0, bytes: 0 })
    d.tensors++
    d.parameters += numel
    d.bytes += bytes
  }
  const globals: Record<GlobalTier, PickleGlobal[]> = { allowed: [], unknown: [], dangerous: [] }
  for (const g of ckpt.globals) globals[g.tier].push(g)
  return {
    format: ckpt.format,
    tensorCount: ckpt.tensors.length,
    parameterCount,
    dataBytes,
    fileBytes: ckpt.bytes,
    dtypes,
    metadataKeys: Object.keys(ckpt.metadata).length,
    globals
  }
}
