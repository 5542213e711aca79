/**
 * The last step of the three pickle-based readers (torch zip, torch legacy, plain pickle): from the chosen state
 * dict to a `Checkpoint`, with the warnings each of them reports the same way, and the rule that an error on the
 * way still names every global the file's pickles import.
 */
import type { FileBudget } from '../budget.js'
import { isCheckpointError } from '../errors.js'
import { PickleError, globalWarnings, type PickleScan } from './pickle/scan.js'
import type { TorchStorage } from './pickle/values.js'
import type { ByteSource } from '../source.js'
import { toTensorInfos, type StateDictSelection } from './state-dict.js'
import type { Checkpoint, FormatName, PickleGlobal } from '../types.js'

export interface PickleCheckpointParts {
  source: ByteSource
  format: FormatName
  selection: StateDictSelection
  /** Absolute offset of a storage's data, or undefined when its bytes have none (compressed, or not in the file). */
  storageStart: (s: TorchStorage) => bigint | undefined
  /** The reader's own metadata; `otherTensors` is added after its keys. */
  metadata: Record<string, unknown>
  scans: readonly PickleScan[]
  globals: PickleGlobal[]
  /** The reader's warnings so far; the tensor, pickle-anomaly and global warnings follow them, in that order. */
  warnings: string[]
  /** Report the state dict's path even when it holds no tensors (a torch file always has one). */
  pathWithoutTensors: boolean
  /** Charged with the tensors and their names. */
  budget?: FileBudget
}

export function pickleCheckpoint(p: PickleCheckpointParts): Checkpoint {
  const { selection, metadata, warnings } = p
  const tensors = toTensorInfos(selection.tensors, p.source.name, p.storageStart, warnings, p.budget)
  p.budget?.addTensors(tensors.length)
  if (selection.otherTensors > 0) metadata.otherTensors = selection.otherTensors
  for (const s of p.scans) for (const a of s.anomalies) warnings.push(`pickle ${s.where}: ${a}`)
  warnings.push(...globalWarnings(p.globals))
  const checkpoint: Checkpoint = {
    path: p.source.name,
    format: p.format,
    bytes: p.source.size,
    tensors,
    metadata,
    globals: p.globals,
    warnings
  }
  if (p.pathWithoutTensors || tensors.length > 0) checkpoint.stateDictPath = selection.path
  return checkpoint
}

/**
 * The torch readers' (zip and legacy) last step: a storage's data offset is looked up by its key in `starts`,
 * and the state dict's path is reported even without tensors (a torch file always has one).
 */
export function torchCheckpoint(
  format: FormatName,
  starts: ReadonlyMap<string, bigint>,
  parts: Omit<PickleCheckpointParts, 'format' | 'storageStart' | 'pathWithoutTensors'>
): Checkpoint {
  return pickleCheckpoint({
    ...parts,
    format,
    storageStart: (s) => starts.get(s.key),
    pathWithoutTensors: true
  })
}

/**
 * Runs a reader's last steps so that a checkpoint error from them carries every global the file's pickles import:
 * the safety half of the report survives a file whose tensors do not make sense.
 */
export async function withPickleGlobals<T>(globals: PickleGlobal[], body: () => Promise<T> | T): Promise<T> {
  try {
    return await body()
  } catch (e) {
    throw isCheckpointError(e) ? PickleError.withGlobals(e, globals) : e
  }
}
