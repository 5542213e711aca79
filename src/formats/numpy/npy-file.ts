/**
 * A `.npy` file given as a checkpoint. It is not one (no tensor names), but an object array's data is a pickle
 * that `numpy.load(..., allow_pickle=True)` runs: that pickle is scanned, and the error that refuses the file
 * carries its globals, so a gate reports a dangerous import rather than only "unknown format".
 */
import { fileBudget, type FileBudget, type ReadBudget } from '../budget.js'
import { CheckpointError } from '../errors.js'
import type { ByteSource } from '../source.js'
import { PickleError, scanGlobals } from '../torch/pickle/scan.js'
import { unpickle } from '../torch/pickle/unpickler.js'
import { pickleLimits } from '../torch/zip-checkpoint.js'
import type { Checkpoint } from '../types.js'
import { NPY_HEAD_BYTES, parseNpyHeader } from './npy.js'
import { NPY_LIMITS } from '../limits.js'

const MAX_NPY_PICKLE_BYTES = NPY_LIMITS.maxPickleBytes

export async function readNpyFile(
  source: ByteSource,
  options: { budget?: FileBudget | ReadBudget } = {}
): Promise<Checkpoint> {
  const budget = fileBudget(source.name, options.budget)
  const head = await source.read(0, Math.min(source.size, NPY_HEAD_BYTES))
  const header = parseNpyHeader(head)
  if ('error' in header)
    throw new CheckpointError('UnknownFormat', source.name, `a numpy file: ${header.error}`)
  if (!header.objects) {
    throw new CheckpointError(
      'UnknownFormat',
      source.name,
      `a numpy .npy array (${header.header}), not a checkpoint: it has no tensor names`
    )
  }
  const length = source.size - header.dataStart
  if (length > MAX_NPY_PICKLE_BYTES) {
    throw new CheckpointError(
      'HeaderTooLarge',
      source.name,
      `an object array pickle of ${length} bytes; the limit is ${MAX_NPY_PICKLE_BYTES}`
    )
  }
  budget.chargePickle(length, 'the object array pickle')
  const bytes = await source.read(header.dataStart, length)
  // a pickle that does not parse throws its own error, carrying what it imported up to there
  const result = unpickle(bytes, { file: source.name, where: source.name, limits: pickleLimits({}, budget) })
  const globals = scanGlobals(result.scan)
  throw new PickleError(
    'UnknownFormat',
    source.name,
    'a numpy .npy array of Python objects (its data is a pickle, scanned), not a checkpoint',
    { globals }
  )
}
