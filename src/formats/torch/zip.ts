/**
 * A zip central-directory reader for torch archives, following what PyTorch's reader (miniz, docs/reference/formats.md §2.2)
 * does: the central directory is the truth, the first entry of a duplicated name wins, sizes come from the
 * central directory (torch writes zeros in local headers), and a record's data starts after the *local* header's
 * name and extra fields. Record data is never read here except for the small records a caller asks for.
 *
 * Anything a scanner and a loader could disagree about is reported as an anomaly rather than silently resolved:
 * duplicate names, local/central name mismatch, entries outside the top folder, encryption and other unusual
 * flags, bytes before the first local header or after the end record, compressed records.
 */
import { CheckpointError } from '../errors.js'
import type { ByteSource } from '../source.js'
import { ZIP_LIMITS } from '../limits.js'

export interface ZipEntry {
  name: string
  /** Position in the central directory. */
  index: number
  /** 0 = stored, 8 = deflate. */
  method: number
  flags: number
  crc32: number
  compressedSize: bigint
  uncompressedSize: bigint
  localHeaderOffset: bigint
}

export interface ZipDirectory {
  entries: ZipEntry[]
  /** The first entry of each name, as miniz (and so torch.load) resolves names. */
  byName: Map<string, ZipEntry>
  /** The top folder of the first entry (`archive`), or undefined when the first entry has no folder. */
  topFolder?: string
  zip64: boolean
  anomalies: string[]
}

export interface ZipLimits {
  maxEntries: number
  maxCentralDirectoryBytes: number
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = ZIP_LIMITS

const EOCD_SIZE = 22
const EOCD_SEARCH = EOCD_SIZE + 0xffff
const CENTRAL_HEADER_SIZE = 46
export const LOCAL_HEADER_SIZE = 30
const ZIP64_LOCATOR_SIZE = 20
const ZIP64_EOCD_SIZE = 56
const U32_MAX = 0xffffffff

export const FLAG_ENCRYPTED = 0x1
const FLAG_UTF8 = 0x800
/** Bits that mean strong encryption, patched data or masked headers: torch never sets them. */
const FLAGS_UNUSUAL = 0x1 | 0x20 | 0x40 | 0x2000

const U32_MAX_BIG = BigInt(U32_MAX)
const LOCAL_HEADER_SIZE_BIG = BigInt(LOCAL_HEADER_SIZE)

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** An entry name as UTF-8, or undefined when it is not UTF-8 (see `latin1Name`). */
export function decodeName(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** How a name that is not UTF-8 is shown: one character per byte. */
export function latin1Name(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

function findSignature(buf: Uint8Array, sig: number, from: number): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  for (let i = from; i >= 0; i--) if (view.getUint32(i, true) === sig) return i
  return -1
}

/** The error for a broken archive. */
export function zipError(source: ByteSource, detail: string): CheckpointError {
  return new CheckpointError('InvalidZip', source.name, detail)
}

interface EndRecord {
  entries: bigint
  cdSize: bigint
  cdOffset: bigint
  /** Where the end records start: the central directory must end at or before it. */
  endStart: bigint
  zip64: boolean
}

/**
 * The end record is in the last 22 bytes unless the archive has a comment (torch writes none), so look in a
 * small tail first and only widen to the 64 KiB a comment allows when needed: a big tail read would cover the
 * end of the last data record.
 */
async function findEndRecord(
  source: ByteSource
): Promise<{ tail: Uint8Array; tailStart: number; at: number }> {
  for (const span of [EOCD_SIZE + ZIP64_LOCATOR_SIZE, EOCD_SEARCH]) {
    const tailStart = Math.max(0, source.size - span)
    const tail = await source.read(tailStart, source.size - tailStart)
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
    // the last signature whose comment fits in the file is the end record
    for (
      let i = findSignature(tail, 0x06054b50, tail.length - EOCD_SIZE);
      i >= 0;
      i = findSignature(tail, 0x06054b50, i - 1)
    ) {
      if (i + EOCD_SIZE + view.getUint16(i + 20, true) > tail.length) continue
      // an end record that is not flush with the file's end (a comment, trailing bytes) gets the wide search,
      // so a second end signature in the comment area is seen
      if (i + EOCD_SIZE === tail.length || span === EOCD_SEARCH || tailStart === 0)
        return { tail, tailStart, at: i }
      break
    }
    if (tailStart === 0) break
  }
  throw zipError(source, 'no end-of-central-directory record (not a zip archive, or truncated)')
}

async function readEndRecord(source: ByteSource, anomalies: string[]): Promise<EndRecord> {
  if (source.size < EOCD_SIZE)
    throw zipError(source, `only ${source.size} bytes: too short for a zip end record`)
  const { tail, tailStart, at } = await findEndRecord(source)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  if (findSignature(tail, 0x06054b50, at - 1) >= 0)
    anomalies.push('more than one end-of-central-directory signature')
  const commentEnd = at + EOCD_SIZE + view.getUint16(at + 20, true)
  if (commentEnd < tail.length)
    anomalies.push(`${tail.length - commentEnd} bytes after the end-of-central-directory record`)
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
    throw new CheckpointError('UnsupportedZip', source.name, 'multi-disk zip archives are not supported')
  }
  const eocdOffset = BigInt(tailStart + at)
  const end: EndRecord = {
    entries: BigInt(view.getUint16(at + 10, true)),
    cdSize: BigInt(view.getUint32(at + 12, true)),
    cdOffset: BigInt(view.getUint32(at + 16, true)),
    endStart: eocdOffset,
    zip64: false
  }
  // ZIP64: a locator just before the end record points at the zip64 end record (torch always writes one)
  if (at >= ZIP64_LOCATOR_SIZE && view.getUint32(at - ZIP64_LOCATOR_SIZE, true) === 0x07064b50) {
    const recordOffset = view.getBigUint64(at - ZIP64_LOCATOR_SIZE + 8, true)
    const locatorStart = eocdOffset - BigInt(ZIP64_LOCATOR_SIZE)
    if (recordOffset + BigInt(ZIP64_EOCD_SIZE) > locatorStart) {
      throw zipError(source, `zip64 end record offset ${recordOffset} lies past the zip64 locator`)
    }
    const rec = await source.read(Number(recordOffset), ZIP64_EOCD_SIZE)
    const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength)
    if (rv.getUint32(0, true) !== 0x06064b50)
      throw zipError(source, `no zip64 end record at offset ${recordOffset}`)
    if (rv.getUint32(16, true) !== 0 || rv.getUint32(20, true) !== 0) {
      throw new CheckpointError('UnsupportedZip', source.name, 'multi-disk zip archives are not supported')
    }
    end.entries = rv.getBigUint64(32, true)
    end.cdSize = rv.getBigUint64(40, true)
    end.cdOffset = rv.getBigUint64(48, true)
    end.endStart = recordOffset
    end.zip64 = true
  } else if (end.entries === 0xffffn || end.cdSize === U32_MAX_BIG || end.cdOffset === U32_MAX_BIG) {
    throw zipError(source, 'the end record needs zip64 values but there is no zip64 locator')
  }
  return end
}

/** Read and check the central directory. Reads only the end records and the directory itself. */
export async function readZipDirectory(
  source: ByteSource,
  limits: Partial<ZipLimits> = {}
): Promise<ZipDirectory> {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const anomalies: string[] = []
  const end = await readEndRecord(source, anomalies)
  if (end.cdOffset + end.cdSize > end.endStart) {
    throw zipError(
      source,
      `central directory (offset ${end.cdOffset}, ${end.cdSize} bytes) runs past the end records at ${end.endStart}`
    )
  }
  if (end.entries > BigInt(lim.maxEntries)) {
    throw new CheckpointError(
      'ZipTooManyEntries',
      source.name,
      `${end.entries} entries; the limit is ${lim.maxEntries}`
    )
  }
  if (end.entries * BigInt(CENTRAL_HEADER_SIZE) > end.cdSize) {
    throw zipError(source, `${end.entries} entries cannot fit in a central directory of ${end.cdSize} bytes`)
  }
  if (end.cdSize > BigInt(lim.maxCentralDirectoryBytes)) {
    throw new CheckpointError(
      'ZipTooManyEntries',
      source.name,
      `central directory of ${end.cdSize} bytes; the limit is ${lim.maxCentralDirectoryBytes}`
    )
  }
  const cd = await source.read(Number(end.cdOffset), Number(end.cdSize))
  const entries = parseCentralDirectory(source, cd, Number(end.entries))
  if (end.cdOffset + end.cdSize < end.endStart) {
    anomalies.push(
      `${end.endStart - end.cdOffset - end.cdSize} bytes between the central directory and the end record`
    )
  }
  const first = entries[0]
  const slash = first?.name.indexOf('/') ?? -1
  const topFolder = first !== undefined && slash > 0 ? first.name.slice(0, slash) : undefined
  const folder = topFolder === undefined ? undefined : `${topFolder}/`
  // One pass over the entries (thousands, once per run) for the name index and every per-entry anomaly; the
  // anomalies are reported below in the same order as before.
  const byName = new Map<string, ZipEntry>()
  const duplicates = new Set<string>()
  let outside = 0
  let firstOutside: ZipEntry | undefined
  let compressed = 0
  let firstCompressed: ZipEntry | undefined
  const flagged: ZipEntry[] = []
  let firstLocal: bigint | undefined
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    if (byName.has(e.name)) duplicates.add(e.name)
    else byName.set(e.name, e)
    if (folder === undefined || !e.name.startsWith(folder)) {
      if (outside++ === 0) firstOutside = e
    }
    if (e.method !== 0) {
      if (compressed++ === 0) firstCompressed = e
    }
    if ((e.flags & FLAGS_UNUSUAL) !== 0 && flagged.length < 20) flagged.push(e)
    if (firstLocal === undefined || e.localHeaderOffset < firstLocal) firstLocal = e.localHeaderOffset
  }
  for (const d of [...duplicates].slice(0, 20))
    anomalies.push(`duplicate entry name ${JSON.stringify(d)} (torch loads the first)`)
  if (outside > 0 && first !== undefined) {
    anomalies.push(
      topFolder === undefined
        ? `entry ${JSON.stringify(first.name)} is not in a folder`
        : `${outside} entries outside the top folder ${topFolder}/ (e.g. ${JSON.stringify(firstOutside!.name)})`
    )
  }
  if (compressed > 0) {
    anomalies.push(
      `${compressed} compressed entries (e.g. ${JSON.stringify(firstCompressed!.name)}, method ${firstCompressed!.method})`
    )
  }
  for (const e of flagged) {
    anomalies.push(
      (e.flags & FLAG_ENCRYPTED) !== 0
        ? `entry ${JSON.stringify(e.name)} has the encryption flag`
        : `entry ${JSON.stringify(e.name)} has unusual flags 0x${e.flags.toString(16)}`
    )
  }
  if (firstLocal !== undefined && firstLocal > 0n)
    anomalies.push(`${firstLocal} bytes before the first local header`)
  const dir: ZipDirectory = { entries, byName, zip64: end.zip64, anomalies }
  if (topFolder !== undefined) dir.topFolder = topFolder
  return dir
}

/**
 * One pass over the directory. It runs once per entry (thousands in a big checkpoint) in cold code, so it reads
 * the 32-bit fields as numbers and makes BigInts only for the stored fields; the zip64 extra field is parsed only
 * when a field says 0xFFFFFFFF.
 */
function parseCentralDirectory(source: ByteSource, cd: Uint8Array, count: number): ZipEntry[] {
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength)
  const entries: ZipEntry[] = new Array<ZipEntry>(count)
  const fileSize = BigInt(source.size)
  let p = 0
  for (let index = 0; index < count; index++) {
    if (p + CENTRAL_HEADER_SIZE > cd.length || view.getUint32(p, true) !== 0x02014b50) {
      throw zipError(source, `central directory entry ${index} is missing or has a bad signature`)
    }
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen
    if (next > cd.length) throw zipError(source, `central directory entry ${index} runs past the directory`)
    const flags = view.getUint16(p + 8, true)
    const nameEnd = p + CENTRAL_HEADER_SIZE + nameLen
    const nameBytes = cd.subarray(p + CENTRAL_HEADER_SIZE, nameEnd)
    let name = decodeName(nameBytes)
    if (name === undefined) {
      if ((flags & FLAG_UTF8) !== 0) throw zipError(source, `entry ${index} name is marked UTF-8 but is not`)
      name = latin1Name(nameBytes)
    }
    const compressed = view.getUint32(p + 20, true)
    const uncompressed = view.getUint32(p + 24, true)
    const localOffset = view.getUint32(p + 42, true)
    const compressedSize = BigInt(compressed)
    const entry: ZipEntry = {
      name,
      index,
      method: view.getUint16(p + 10, true),
      flags,
      crc32: view.getUint32(p + 16, true),
      compressedSize,
      // stored records (all of torch's) have equal sizes: share the one BigInt
      uncompressedSize: uncompressed === compressed ? compressedSize : BigInt(uncompressed),
      localHeaderOffset: BigInt(localOffset)
    }
    let pastEnd: boolean
    const needU = uncompressed === U32_MAX
    const needC = compressed === U32_MAX
    const needL = localOffset === U32_MAX
    if (needU || needC || needL) {
      applyZip64Extra(source, entry, view, nameEnd, nameEnd + extraLen, needU, needC, needL)
      pastEnd = entry.localHeaderOffset + LOCAL_HEADER_SIZE_BIG + entry.compressedSize > fileSize
    } else {
      // three 32-bit values: the sum is exact as a number
      pastEnd = localOffset + LOCAL_HEADER_SIZE + compressed > source.size
    }
    if (pastEnd) {
      throw zipError(
        source,
        `entry ${JSON.stringify(name)} (offset ${entry.localHeaderOffset}, ${entry.compressedSize} bytes) runs past the end of the file`
      )
    }
    entries[index] = entry
    p = next
  }
  return entries
}

/**
 * Replace the 0xFFFFFFFF sizes and offset (`needU`, `needC`, `needL`) with their zip64 extra-field values
 * (APPNOTE 4.5.3 order). The extra field is bytes `from` to `to` of the directory `view`: read in place, as it
 * runs once per entry of a checkpoint over 4 GB.
 */
function applyZip64Extra(
  source: ByteSource,
  entry: ZipEntry,
  view: DataView,
  from: number,
  to: number,
  needU: boolean,
  needC: boolean,
  needL: boolean
): void {
  for (let p = from; p + 4 <= to;) {
    const id = view.getUint16(p, true)
    const len = view.getUint16(p + 2, true)
    const stop = p + 4 + len
    if (stop > to) break
    if (id === 0x0001) {
      const values = (needU ? 1 : 0) + (needC ? 1 : 0) + (needL ? 1 : 0)
      if (p + 4 + 8 * values > stop)
        throw zipError(source, `entry ${JSON.stringify(entry.name)} has a short zip64 extra field`)
      let q = p + 4
      if (needU) {
        entry.uncompressedSize = view.getBigUint64(q, true)
        q += 8
      }
      if (needC) {
        entry.compressedSize = view.getBigUint64(q, true)
        q += 8
      }
      if (needL) entry.localHeaderOffset = view.getBigUint64(q, true)
      return
    }
    p = stop
  }
  throw zipError(
    source,
    `entry ${JSON.stringify(entry.name)} needs zip64 values but has no zip64 extra field`
  )
}
