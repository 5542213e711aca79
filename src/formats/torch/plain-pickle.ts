/**
 * Plain pickle files (`.pkl`, protocol 2-5): the report is mostly about safety (which globals the pickle
 * imports), plus any tensors found. A file may hold several pickles back to back (pickle streams, joblib); each
 * is scanned. Tensors in a plain pickle have no storage records, so they get no byte range. A legacy torch file
 * (which is also a stack of pickles) is recognised by its magic number and read as one.
 */
import { CheckpointError } from '../errors.js'
import { PickleError, mergeGlobals, scanGlobals, type PickleScan } from './pickle/scan.js'
import { pickleCheckpoint, withPickleGlobals } from './pickle-checkpoint.js'
import { StorageRegistry } from './pickle/storages.js'
import { unpickle, type UnpickleLimits } from './pickle/unpickler.js'
import type { PyValue } from './pickle/values.js'
import type { ByteSource } from '../source.js'
import { looksLikeTorchLegacy, readTorchLegacyDetailed } from './legacy.js'
import { findStateDict, type WalkLimits } from './state-dict.js'
import type { Checkpoint } from '../types.js'
import { PICKLE_LIMITS } from '../limits.js'

export interface PickleFileOptions {
  pickleLimits?: Partial<UnpickleLimits>
  walkLimits?: Partial<WalkLimits>
  /** Largest file read (a plain pickle is read whole). Default 256 MiB. */
  maxPickleBytes?: number
  /** Most pickles scanned in one file. Default 16. */
  maxPickles?: number
}

export const DEFAULT_MAX_PLAIN_PICKLE_BYTES = PICKLE_LIMITS.maxPlainPickleBytes

export interface PickleFileDetails {
  checkpoint: Checkpoint
  scans: PickleScan[]
}

export async function readPickleFile(
  source: ByteSource,
  options: PickleFileOptions = {}
): Promise<Checkpoint> {
  return (await readPickleFileDetailed(source, options)).checkpoint
}

export async function readPickleFileDetailed(
  source: ByteSource,
  options: PickleFileOptions = {}
): Promise<PickleFileDetails> {
  if (source.size === 0) throw new CheckpointError('EmptyFile', source.name, 'the file is empty')
  // a legacy torch file is a stack of pickles too: read it as one (its storages can be gigabytes)
  if (looksLikeTorchLegacy(await source.read(0, Math.min(source.size, 32)))) {
    const { pickleLimits, walkLimits } = options
    return readTorchLegacyDetailed(source, {
      ...(pickleLimits && { pickleLimits }),
      ...(walkLimits && { walkLimits })
    })
  }
  const max = options.maxPickleBytes ?? DEFAULT_MAX_PLAIN_PICKLE_BYTES
  if (source.size > max) {
    throw new CheckpointError(
      'HeaderTooLarge',
      source.name,
      `a plain pickle of ${source.size} bytes; the limit is ${max} bytes`
    )
  }
  const bytes = await source.read(0, source.size)
  const scans: PickleScan[] = []
  const warnings: string[] = []
  const maxPickles = options.maxPickles ?? 16
  const storages = new StorageRegistry()
  let value: PyValue | undefined
  let pos = 0
  for (let n = 0; pos < bytes.length; n++) {
    if (n > 0 && bytes[pos] !== 0x80) {
      warnings.push(`${bytes.length - pos} bytes after the last pickle's STOP`)
      break
    }
    if (n >= maxPickles) {
      warnings.push(`more than ${maxPickles} pickles in one file; the rest were not scanned`)
      break
    }
    const where = n === 0 ? source.name : `${source.name}#${n + 1}`
    try {
      const result = unpickle(bytes, {
        file: source.name,
        where,
        start: pos,
        limits: options.pickleLimits ?? {},
        // storage ids give tensors their dtype; the data is not in this file, so there are no byte ranges
        persistentLoad: storages.load,
        priorGlobals: mergeGlobals(scans.flatMap(scanGlobals))
      })
      scans.push(result.scan)
      if (n === 0) value = result.value
      pos = result.end
    } catch (e) {
      // a later pickle in the stream that does not parse does not hide what the first one is
      if (n === 0 || !(e instanceof PickleError)) throw e
      if (e.scan !== undefined) scans.push(e.scan)
      warnings.push(`pickle ${where} does not parse: ${e.detail}`)
      break
    }
  }
  const globals = mergeGlobals(scans.flatMap(scanGlobals))
  return withPickleGlobals(globals, () => {
    const selection = findStateDict(value ?? null, source.name, options.walkLimits, false)
    const metadata: Record<string, unknown> = {}
    if (scans[0]?.protocol !== undefined) metadata.pickleProtocol = scans[0].protocol
    if (scans.length > 1) metadata.pickles = scans.length
    // tensors in a plain pickle have no storage records, so no byte ranges
    const checkpoint = pickleCheckpoint({
      source,
      format: 'pickle',
      selection,
      storageStart: () => undefined,
      metadata,
      scans,
      globals,
      warnings,
      pathWithoutTensors: false
    })
    return { checkpoint, scans }
  })
}
