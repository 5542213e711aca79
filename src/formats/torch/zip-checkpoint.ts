/**
 * PyTorch zip checkpoints (`torch.save` since 1.6; formats.md §2.2-2.4). Reads the central directory, the small
 * records (`data.pkl`, `version`, `byteorder`) and one local header per referenced storage; never a `data/`
 * record. Tensors are rebuilt symbolically from data.pkl; a tensor's byte range is its storage record's data
 * offset plus storage_offset × itemsize.
 */
import { CheckpointError, isCheckpointError } from '../errors.js'
import { PickleError, mergeGlobals, scanGlobals, type PickleScan } from './pickle/scan.js'
import { pickleCheckpoint, withPickleGlobals } from './pickle-checkpoint.js'
import { StorageRegistry } from './pickle/storages.js'
import { unpickle, type UnpickleLimits } from './pickle/unpickler.js'
import type { TorchStorage } from './pickle/values.js'
import type { ByteSource } from '../source.js'
import { findStateDict, storageBytes, type WalkLimits } from './state-dict.js'
import type { Checkpoint } from '../types.js'
import { readZipDirectory, type ZipDirectory, type ZipEntry, type ZipLimits } from './zip.js'
import { readLocalHeader, readLocalHeaders, readZipRecord } from './zip-records.js'
import { PICKLE_LIMITS } from '../limits.js'

export interface TorchReadOptions {
  pickleLimits?: Partial<UnpickleLimits>
  walkLimits?: Partial<WalkLimits>
  zipLimits?: Partial<ZipLimits>
  /** Largest pickle read into memory (data.pkl, a legacy header, a plain pickle). */
  maxPickleBytes?: number
  /** Most extra pickle-looking zip entries scanned for globals besides data.pkl. */
  maxExtraPickles?: number
}

export const DEFAULT_MAX_PICKLE_BYTES = PICKLE_LIMITS.maxZipPickleBytes

/** Everything the zip reader learned, for callers (the safety gate) that need more than the `Checkpoint`. */
export interface TorchZipDetails {
  checkpoint: Checkpoint
  zip: ZipDirectory
  /** One scan per pickle read: data.pkl first, then any other pickle-looking entries. */
  scans: PickleScan[]
}

const PICKLE_EXTENSIONS = /\.(pkl|pickle|joblib|dat|data)$/i
const SMALL_RECORD_BYTES = 4096

export async function readTorchZip(source: ByteSource, options: TorchReadOptions = {}): Promise<Checkpoint> {
  return (await readTorchZipDetailed(source, options)).checkpoint
}

export async function readTorchZipDetailed(
  source: ByteSource,
  options: TorchReadOptions = {}
): Promise<TorchZipDetails> {
  const zip = await readZipDirectory(source, options.zipLimits)
  const first = zip.entries[0]
  if (first === undefined)
    throw new CheckpointError('InvalidTorchFile', source.name, 'the zip archive is empty')
  if (zip.topFolder === undefined) {
    throw new CheckpointError(
      'InvalidTorchFile',
      source.name,
      `file in archive is not in a subdirectory: ${first.name}`
    )
  }
  const prefix = zip.topFolder
  const warnings = zip.anomalies.map((a) => `zip: ${a}`)
  const maxPickle = options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES
  const dataPkl = zip.byName.get(`${prefix}/data.pkl`)
  if (dataPkl === undefined) {
    throw new CheckpointError('InvalidTorchFile', source.name, `the archive has no ${prefix}/data.pkl record`)
  }
  const metadata: Record<string, unknown> = { archivePrefix: prefix }
  // small records read whole, kept so the pickle sniffing below does not read their first bytes again
  const smallRecords = new Map<ZipEntry, Uint8Array>()
  metadata.version = await readVersion(source, zip, prefix, warnings, smallRecords)
  const byteorder = await readText(source, zip.byName.get(`${prefix}/byteorder`), smallRecords)
  if (byteorder !== undefined) {
    metadata.byteorder = byteorder
    if (byteorder !== 'little')
      warnings.push(`byteorder is ${JSON.stringify(byteorder)}: storages are not little-endian`)
  }
  if (zip.byName.has(`${prefix}/constants.pkl`)) {
    metadata.torchscript = true
    warnings.push('TorchScript archive: torch.load compiles its code/ (TorchScript, not arbitrary Python)')
  }

  // data.pkl: the object, with storages resolved by persistent id
  const storages = new StorageRegistry()
  const { data: pkl, header: pklHeader } = await readZipRecord(source, dataPkl, maxPickle)
  noteNameMismatch(dataPkl, pklHeader.localName, warnings)
  const main = unpickle(pkl, {
    file: source.name,
    where: dataPkl.name,
    limits: options.pickleLimits ?? {},
    persistentLoad: storages.load
  })
  const scans: PickleScan[] = [main.scan]
  // torch stops at STOP; anything after it is invisible to torch but not to every scanner
  if (main.end < pkl.length)
    warnings.push(`pickle ${dataPkl.name}: ${pkl.length - main.end} bytes after STOP`)
  if (main.scan.protocol !== undefined) metadata.pickleProtocol = main.scan.protocol
  // other pickles (duplicates of data.pkl, extra *.pkl): torch ignores them, other loaders may not
  await scanExtraPickles(source, zip, dataPkl, options, scans, warnings, smallRecords)
  const globals = mergeGlobals(scans.flatMap(scanGlobals))
  return withPickleGlobals(globals, async () => {
    if (storages.nonStorageIds > 0) {
      warnings.push(`${storages.nonStorageIds} persistent ids are not storages (torch.load refuses them)`)
    }
    warnings.push(...storages.problems)
    const selection = findStateDict(main.value, source.name, options.walkLimits)
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
    const checkpoint = pickleCheckpoint({
      source,
      format: 'pytorch-zip',
      selection,
      storageStart: (s) => starts.get(s.key),
      metadata,
      scans,
      globals,
      warnings,
      pathWithoutTensors: true
    })
    return { checkpoint, zip, scans }
  })
}

async function readText(
  source: ByteSource,
  entry: ZipEntry | undefined,
  smallRecords: Map<ZipEntry, Uint8Array>
): Promise<string | undefined> {
  if (entry === undefined) return undefined
  const { data } = await readZipRecord(source, entry, SMALL_RECORD_BYTES)
  if (entry.method === 0) smallRecords.set(entry, data)
  return new TextDecoder('utf-8', { fatal: false }).decode(data).trim()
}

async function readVersion(
  source: ByteSource,
  zip: ZipDirectory,
  prefix: string,
  warnings: string[],
  smallRecords: Map<ZipEntry, Uint8Array>
): Promise<number> {
  const entry = zip.byName.get(`${prefix}/version`) ?? zip.byName.get(`${prefix}/.data/version`)
  const text = await readText(source, entry, smallRecords)
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

async function scanExtraPickles(
  source: ByteSource,
  zip: ZipDirectory,
  dataPkl: ZipEntry,
  options: TorchReadOptions,
  scans: PickleScan[],
  warnings: string[],
  smallRecords: ReadonlyMap<ZipEntry, Uint8Array>
): Promise<void> {
  const prefix = zip.topFolder!
  const max = options.maxExtraPickles ?? 32
  const dataPrefix = `${prefix}/data/`
  const codePrefix = `${prefix}/code/`
  const candidates = zip.entries.filter(
    (e) =>
      e !== dataPkl &&
      (PICKLE_EXTENSIONS.test(e.name) || !(e.name.startsWith(dataPrefix) || e.name.startsWith(codePrefix)))
  )
  let scanned = 0
  for (const entry of candidates) {
    if (scanned >= max) {
      warnings.push(`more than ${max} extra pickle-looking entries; the rest were not scanned`)
      break
    }
    if (entry.uncompressedSize < 2n || (entry.flags & 1) !== 0) continue
    let data: Uint8Array
    try {
      if (!PICKLE_EXTENSIONS.test(entry.name)) {
        // sniff unnamed entries (version, byteorder, renamed pickles) by their first bytes: PROTO 2..5
        if (entry.method !== 0) continue
        // version and byteorder were read whole already: their first bytes are the same bytes
        const head =
          smallRecords.get(entry) ??
          (await source.read(Number((await readLocalHeader(source, entry)).dataOffset), 2))
        if (head[0] !== 0x80 || head[1]! < 2 || head[1]! > 5) continue
      }
      data = (await readZipRecord(source, entry, options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES)).data
    } catch (e) {
      if (!isCheckpointError(e)) throw e
      warnings.push(`zip entry ${entry.name} could not be read for scanning: ${e.detail}`)
      continue
    }
    scanned++
    const where = entry.name === dataPkl.name ? `${entry.name}#${entry.index}` : entry.name
    try {
      scans.push(unpickle(data, { file: source.name, where, limits: options.pickleLimits ?? {} }).scan)
    } catch (e) {
      if (!(e instanceof PickleError)) throw e
      if (e.scan !== undefined) scans.push(e.scan)
      warnings.push(`pickle ${where} does not parse: ${e.detail}`)
    }
  }
}
