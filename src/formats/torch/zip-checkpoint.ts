/**
 * PyTorch zip checkpoints (`torch.save` since 1.6; docs/reference/formats.md §2.2-2.4). Reads the central directory, the small
 * records (`data.pkl`, `version`, `byteorder`) and one local header per referenced storage; never a `data/`
 * record. Tensors are rebuilt symbolically from data.pkl; a tensor's byte range is its storage record's data
 * offset plus storage_offset × itemsize.
 */
import { fileBudget, type FileBudget, type ReadBudget } from '../budget.js'
import { CheckpointError, isCheckpointError, type ErrorCode } from '../errors.js'
import { looksLikeNpy, NPY_HEAD_BYTES, parseNpyHeader } from '../numpy/npy.js'
import { PickleError, mergeGlobals, scanGlobals, type PickleScan } from './pickle/scan.js'
import { torchCheckpoint, withPickleGlobals } from './pickle-checkpoint.js'
import { importsPythonNames, sourceLooksLikePickle } from './pickle/sniff.js'
import { StorageRegistry } from './pickle/storages.js'
import { unpickle, type UnpickleLimits, type UnpickleResult } from './pickle/unpickler.js'
import type { TorchStorage } from './pickle/values.js'
import type { ByteSource } from '../source.js'
import { findStateDict, storageBytes, type WalkLimits } from './state-dict.js'
import type { Checkpoint } from '../types.js'
import { FLAG_ENCRYPTED, readZipDirectory, type ZipDirectory, type ZipEntry, type ZipLimits } from './zip.js'
import { readLocalHeaders, readRecordHead, readZipRecord } from './zip-records.js'
import { PICKLE_LIMITS } from '../limits.js'

export interface TorchReadOptions {
  pickleLimits?: Partial<UnpickleLimits>
  walkLimits?: Partial<WalkLimits>
  zipLimits?: Partial<ZipLimits>
  /** Largest pickle read into memory (data.pkl, a legacy header, a plain pickle). */
  maxPickleBytes?: number
  /** The file's budget (tensors, inflated bytes, pickle memory); a fresh default one when absent. */
  budget?: FileBudget | ReadBudget
}

export const DEFAULT_MAX_PICKLE_BYTES = PICKLE_LIMITS.maxZipPickleBytes

/** Everything the zip reader learned, for callers (the safety gate) that need more than the `Checkpoint`. */
export interface TorchZipDetails {
  checkpoint: Checkpoint
  zip: ZipDirectory
  /** One scan per pickle read: data.pkl first, then every other member that holds a pickle. */
  scans: PickleScan[]
}

/** Member names loaders unpickle (torch's data.pkl and constants.pkl, TorchScript debug info, plain pickles). */
const PICKLE_NAMES = /(\.(pkl|pickle|joblib|dat|data|debug_pkl)$)|(^|\/)(data|constants)\.pkl$/i
const SMALL_RECORD_BYTES = 4096

export async function readTorchZip(source: ByteSource, options: TorchReadOptions = {}): Promise<Checkpoint> {
  return (await readTorchZipDetailed(source, options)).checkpoint
}

/**
 * Read a zip that should be a torch archive. Every pickle in it is scanned before anything is refused: data.pkl,
 * duplicates of it, and every other member that holds a pickle (by name, or by a trial run of its first bytes),
 * so a file that is not a loadable checkpoint (no top folder, no data.pkl, a duplicated name, an .npz of object
 * arrays) still fails with the globals its pickles import.
 */
export async function readTorchZipDetailed(
  source: ByteSource,
  options: TorchReadOptions = {}
): Promise<TorchZipDetails> {
  const zip = await readZipDirectory(source, options.zipLimits)
  const budget = fileBudget(source.name, options.budget)
  const first = zip.entries[0]
  const prefix = zip.topFolder
  const warnings = zip.anomalies.map((a) => `zip: ${a}`)
  const dataPkl = prefix === undefined ? undefined : zip.byName.get(`${prefix}/data.pkl`)
  const metadata: Record<string, unknown> = {}
  if (prefix !== undefined) metadata.archivePrefix = prefix

  // data.pkl: the object, with storages resolved by persistent id
  const storages = new StorageRegistry()
  const scans: PickleScan[] = []
  let main: UnpickleResult | undefined
  let mainError: CheckpointError | undefined
  if (dataPkl !== undefined) {
    try {
      const { data: pkl, header } = await readZipRecord(source, dataPkl, maxPickleBytes(options), {
        budget,
        ignoreEncryption: true
      })
      noteNameMismatch(dataPkl, header.localName, warnings)
      budget.chargePickle(pkl.length, dataPkl.name)
      main = unpickle(pkl, {
        file: source.name,
        where: dataPkl.name,
        limits: pickleLimits(options, budget),
        persistentLoad: storages.load
      })
      budget.chargePickle(main.held, dataPkl.name)
      scans.push(main.scan)
      // torch stops at STOP; anything after it is invisible to torch but not to every scanner
      if (main.end < pkl.length)
        warnings.push(`pickle ${dataPkl.name}: ${pkl.length - main.end} bytes after STOP`)
      if (main.scan.protocol !== undefined) metadata.pickleProtocol = main.scan.protocol
    } catch (e) {
      if (!isCheckpointError(e)) throw e
      mainError = e
      if (e instanceof PickleError && e.scan !== undefined) scans.push(e.scan)
    }
  }
  // every other member that holds a pickle: torch ignores them, other loaders (and other torch versions) may not
  const referenced = main === undefined ? undefined : storages
  try {
    await scanMembers(source, zip, dataPkl, referenced, options, budget, scans, warnings)
  } catch (e) {
    throw isCheckpointError(e) ? PickleError.withGlobals(e, mergeGlobals(scans.flatMap(scanGlobals))) : e
  }
  const globals = mergeGlobals(scans.flatMap(scanGlobals))
  const refuse = (code: ErrorCode, detail: string): PickleError =>
    new PickleError(code, source.name, detail, { globals })
  if (first === undefined) throw refuse('InvalidTorchFile', 'the zip archive is empty')
  if (prefix === undefined) {
    throw refuse('InvalidTorchFile', `file in archive is not in a subdirectory: ${first.name}`)
  }
  if (dataPkl === undefined) throw refuse('InvalidTorchFile', `the archive has no ${prefix}/data.pkl record`)
  if (mainError !== undefined) throw PickleError.withGlobals(mainError, globals)
  if ((dataPkl.flags & FLAG_ENCRYPTED) !== 0) {
    throw refuse('UnsupportedZip', `entry ${JSON.stringify(dataPkl.name)} is encrypted`)
  }
  const duplicate = zip.entries.find((e) => zip.byName.get(e.name) !== e)
  if (duplicate !== undefined) {
    throw refuse(
      'InvalidZip',
      `entry name ${JSON.stringify(duplicate.name)} appears more than once: torch versions differ in which copy ` +
        'they load, so the archive is not one checkpoint'
    )
  }
  const loaded = main!
  return withPickleGlobals(globals, async () => {
    metadata.version = await readVersion(source, zip, prefix, warnings)
    const byteorder = await readText(source, zip.byName.get(`${prefix}/byteorder`))
    if (byteorder !== undefined) {
      metadata.byteorder = byteorder
      if (byteorder !== 'little')
        warnings.push(`byteorder is ${JSON.stringify(byteorder)}: storages are not little-endian`)
    }
    if (zip.byName.has(`${prefix}/constants.pkl`)) {
      metadata.torchscript = true
      warnings.push('TorchScript archive: torch.load compiles its code/ (TorchScript, not arbitrary Python)')
    }
    if (storages.nonStorageIds > 0) {
      warnings.push(`${storages.nonStorageIds} persistent ids are not storages (torch.load refuses them)`)
    }
    warnings.push(...storages.problems)
    const selection = findStateDict(loaded.value, source.name, options.walkLimits, true, budget)
    const starts = await storageStarts(
      source,
      zip,
      prefix,
      selection.tensors.map((t) => t.tensor.storage),
      warnings
    )
    const dataPrefix = `${prefix}/data/`
    const unreferenced = zip.entries.filter(
      (e) => e.name.startsWith(dataPrefix) && !storages.roots.has(e.name.slice(dataPrefix.length))
    )
    if (unreferenced.length > 0)
      warnings.push(`${unreferenced.length} storage records are not referenced by data.pkl`)
    const parts = { source, selection, metadata, scans, globals, warnings, budget }
    const checkpoint = torchCheckpoint('pytorch-zip', starts, parts)
    return { checkpoint, zip, scans }
  })
}

function maxPickleBytes(options: TorchReadOptions): number {
  return options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES
}

/** The unpickler's limits for the next pickle of a file: what is left of its pickle memory budget. */
export function pickleLimits(
  options: { pickleLimits?: Partial<UnpickleLimits> },
  budget: FileBudget
): Partial<UnpickleLimits> {
  const left = budget.pickleBytesLeft()
  const own = options.pickleLimits?.maxHeldBytes
  return { ...options.pickleLimits, maxHeldBytes: own === undefined ? left : Math.min(own, left) }
}

async function readText(source: ByteSource, entry: ZipEntry | undefined): Promise<string | undefined> {
  if (entry === undefined) return undefined
  const { data } = await readZipRecord(source, entry, SMALL_RECORD_BYTES)
  return new TextDecoder('utf-8', { fatal: false }).decode(data).trim()
}

async function readVersion(
  source: ByteSource,
  zip: ZipDirectory,
  prefix: string,
  warnings: string[]
): Promise<number> {
  const entry = zip.byName.get(`${prefix}/version`) ?? zip.byName.get(`${prefix}/.data/version`)
  const text = await readText(source, entry)
  if (text === undefined) {
    throw new CheckpointError('InvalidTorchFile', source.name, `the archive has no ${prefix}/version record`)
  }
  if (!/^\d{1,6}$/.test(text)) {
    throw new CheckpointError(
      'InvalidTorchFile',
      source.name,
      `version record ${JSON.stringify(text.slice(0, 40))} is not a number`
    )
  }
  const version = Number(text)
  if (version < 1)
    throw new CheckpointError('InvalidTorchFile', source.name, `unsupported archive version ${version}`)
  if (version > 10) warnings.push(`archive version ${version} is newer than torch 1.13 reads (10)`)
  return version
}

function noteNameMismatch(entry: ZipEntry, localName: string, warnings: string[]): void {
  if (localName !== entry.name) {
    warnings.push(
      `zip: local header name ${JSON.stringify(localName)} differs from central name ${JSON.stringify(entry.name)}`
    )
  }
}

/**
 * Absolute data offset of each storage record the tensors use. Checks each record exists, is large enough for
 * its storage, and is stored uncompressed (a compressed record's offset is meaningless, so it gets none). The
 * local headers (one per record: its extra field can differ from the central one) are read as one batch, then
 * checked in storage order, so warnings and the first error are the same as reading them one by one. There is
 * one record per tensor, so the bookkeeping is parallel arrays rather than an object per record.
 */
async function storageStarts(
  source: ByteSource,
  zip: ZipDirectory,
  prefix: string,
  used: Array<TorchStorage | undefined>,
  warnings: string[]
): Promise<Map<string, bigint>> {
  const dataPrefix = `${prefix}/data/`
  const keys: string[] = []
  const records: ZipEntry[] = []
  const needs: bigint[] = []
  const stored: ZipEntry[] = []
  let failure: CheckpointError | undefined
  const done = new Set<string>()
  for (let i = 0; i < used.length; i++) {
    const s = used[i]
    if (s === undefined || done.has(s.key)) continue
    done.add(s.key)
    const entry = zip.byName.get(dataPrefix + s.key)
    if (entry === undefined) {
      failure = new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `storage record ${prefix}/data/${s.key} is missing`
      )
      break
    }
    const need = storageBytes(s)
    if (entry.uncompressedSize < need) {
      failure = new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `storage record ${entry.name} has ${entry.uncompressedSize} bytes but its storage needs ${need}`
      )
      break
    }
    keys.push(s.key)
    records.push(entry)
    needs.push(need)
    if (entry.method === 0) stored.push(entry)
  }
  const headers = await readLocalHeaders(source, stored)
  const starts = new Map<string, bigint>()
  let h = 0
  for (let i = 0; i < records.length; i++) {
    const entry = records[i]!
    if (entry.uncompressedSize > needs[i]!)
      warnings.push(
        `storage record ${entry.name} is larger than its storage (${entry.uncompressedSize} > ${needs[i]} bytes)`
      )
    if (entry.method !== 0) {
      warnings.push(`storage record ${entry.name} is compressed: its tensors have no byte range`)
      continue
    }
    const header = headers[h++]!
    if (header.status === 'rejected') throw header.reason
    noteNameMismatch(entry, header.value.localName, warnings)
    starts.set(keys[i]!, header.value.dataOffset)
  }
  if (failure !== undefined) throw failure
  return starts
}

/**
 * Scan every member other than data.pkl (and the storage records data.pkl references) that holds a pickle: by
 * name (`*.pkl`, `constants.pkl`, ...), by PROTO at its start, by a trial run of its first bytes for protocol 0/1
 * pickles, and the pickled data of numpy object arrays (`.npy` members of an `.npz`). Unreferenced data records
 * are sniffed strictly (float bytes can look like anything). There is no count cap: the file's budgets bound
 * the work, and going past one fails the file rather than leaving a member unread.
 */
async function scanMembers(
  source: ByteSource,
  zip: ZipDirectory,
  dataPkl: ZipEntry | undefined,
  storages: StorageRegistry | undefined,
  options: TorchReadOptions,
  budget: FileBudget,
  scans: PickleScan[],
  warnings: string[]
): Promise<void> {
  const dataPrefix = zip.topFolder === undefined ? undefined : `${zip.topFolder}/data/`
  for (const entry of zip.entries) {
    if (entry === dataPkl || entry.uncompressedSize === 0n) continue
    const isData = dataPrefix !== undefined && entry.name.startsWith(dataPrefix)
    // a storage data.pkl uses: tensor bytes, never read
    if (isData && storages?.roots.has(entry.name.slice(dataPrefix.length)) === true) continue
    const named = PICKLE_NAMES.test(entry.name)
    let start = 0
    if (!named) {
      const head = await readRecordHead(source, entry, NPY_HEAD_BYTES).catch((e: unknown) => {
        if (isCheckpointError(e)) return new Uint8Array(0)
        throw e
      })
      if (looksLikeNpy(head)) {
        const npy = parseNpyHeader(head)
        if ('error' in npy || !npy.objects) continue
        start = npy.dataStart
      } else {
        const size = Number(entry.uncompressedSize)
        const first = (n: number) =>
          n <= head.length ? Promise.resolve(head.subarray(0, n)) : readRecordHead(source, entry, n)
        const max = Math.min(size, budget.pickleBytesLeft())
        if (!(await sourceLooksLikePickle(first, size, max, isData))) continue
      }
    }
    const where = entry.name === dataPkl?.name ? `${entry.name}#${entry.index}` : entry.name
    let data: Uint8Array
    try {
      const record = await readZipRecord(source, entry, maxPickleBytes(options), {
        budget,
        ignoreEncryption: true
      })
      data = record.data
    } catch (e) {
      if (!isCheckpointError(e) || e.code === 'BudgetExceeded') throw e
      warnings.push(`zip entry ${entry.name} could not be read for scanning: ${e.detail}`)
      continue
    }
    budget.chargePickle(data.length, entry.name)
    if (named && looksLikeNpy(data)) {
      // a numpy array under a pickle name: its pickle, if any, follows its header
      const npy = parseNpyHeader(data.subarray(0, NPY_HEAD_BYTES))
      if ('error' in npy || !npy.objects) continue
      start = npy.dataStart
    }
    try {
      const result = unpickle(data, {
        file: source.name,
        where,
        start,
        limits: pickleLimits(options, budget)
      })
      budget.chargePickle(result.held, entry.name)
      scans.push(result.scan)
    } catch (e) {
      if (!(e instanceof PickleError) || e.code === 'BudgetExceeded') throw e
      // a sniffed member that does not parse and imports nothing was not a pickle after all
      if (!named && start === 0 && !importsPythonNames(e.scan) && !looksFramed(data)) continue
      if (e.scan !== undefined) scans.push(e.scan)
      warnings.push(`pickle ${where} does not parse: ${e.detail}`)
    }
  }
}

function looksFramed(data: Uint8Array): boolean {
  return data[0] === 0x80 && data[1] !== undefined && data[1] >= 2 && data[1] <= 5
}
