/** Figures every `analyze` prints for a file, derived from the Checkpoint alone. */
import type { Checkpoint, GlobalTier, PickleGlobal } from './types.js'
import { numel } from '../util/numel.js'

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
    const elements = numel(t.shape)
    const bytes = t.byteRange ? Number(t.byteRange.end - t.byteRange.start) : 0
    parameterCount += elements
    dataBytes += bytes
    const d = (dtypes[t.dtype] ??= { tensors: 0, parameters: 0, bytes: 0 })
    d.tensors++
    d.parameters += elements
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
