/**
 * A zip central-directory reader for torch archives, following what PyTorch's reader (miniz, formats.md §2.2)
 * does: the central directory is the truth, the first entry of a duplicated name wins, sizes come from the
 * central directory (torch writes zeros in local headers), and a record's data starts after the *local* header's
 * name and extra fields. Record data is never read here except for the small records a caller asks for.
 *
 * Anything a scanner and a loader could disagree about is reported as an anomaly rather than silently resolved:
 * duplicate names, local/central name mismatch, entries outside the top folder, encryption and other unusual
 * flags, bytes before the first local header or after the end record, compressed records.
 */
import { Buffer } from 'node:buffer'
import { inflateRawSync } from 'node:zlib'
import { CheckpointError } from './errors.js'
import { readRanges, type ByteSource } from './source.js'

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

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 1_000_000,
  maxCentralDirectoryBytes: 128 * 1024 * 1024
})

const EOCD_SIZE = 22
const EOCD_SEARCH = EOCD_SIZE + 0xffff
const CENTRAL_HEADER_SIZE = 46
const LOCAL_HEADER_SIZE = 30
const ZIP64_LOCATOR_SIZE = 20
const ZIP64_EOCD_SIZE = 56
const U32_MAX = 0xffffffff

const FLAG_ENCRYPTED = 0x1
const FLAG_UTF8 = 0x800
/** Bits that mean strong encryption, patched data or masked headers: torch never sets them. */
const FLAGS_UNUSUAL = 0x1 | 0x20 | 0x40 | 0x2000

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeName(bytes: Uint8Array): { name: string; valid: boolean } {
  try {
    return { name: utf8.decode(bytes), valid: true }
  } catch {
    return { name: String.fromCharCode(...bytes), valid: false }
  }
}

function findSignature(buf: Uint8Array, sig: number, from: number): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  for (let i = from; i >= 0; i--) if (view.getUint32(i, true) === sig) return i
  return -1
}

function bad(source: ByteSource, detail: string): CheckpointError {
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
  throw bad(source, 'no end-of-central-directory record (not a zip archive, or truncated)')
}

async function readEndRecord(source: ByteSource, anomalies: string[]): Promise<EndRecord> {
  if (source.size < EOCD_SIZE) throw bad(source, `only ${source.size} bytes: too short for a zip end record`)
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
      throw bad(source, `zip64 end record offset ${recordOffset} lies past the zip64 locator`)
    }
    const rec = await source.read(Number(recordOffset), ZIP64_EOCD_SIZE)
    const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength)
    if (rv.getUint32(0, true) !== 0x06064b50)
      throw bad(source, `no zip64 end record at offset ${recordOffset}`)
    if (rv.getUint32(16, true) !== 0 || rv.getUint32(20, true) !== 0) {
      throw new CheckpointError('UnsupportedZip', source.name, 'multi-disk zip archives are not supported')
    }
    end.entries = rv.getBigUint64(32, true)
    end.cdSize = rv.getBigUint64(40, true)
    end.cdOffset = rv.getBigUint64(48, true)
    end.endStart = recordOffset
    end.zip64 = true
  } else if (end.entries === 0xffffn || end.cdSize === BigInt(U32_MAX) || end.cdOffset === BigInt(U32_MAX)) {
    throw bad(source, 'the end record needs zip64 values but there is no zip64 locator')
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
    throw bad(
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
    throw bad(source, `${end.entries} entries cannot fit in a central directory of ${end.cdSize} bytes`)
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
  const byName = new Map<string, ZipEntry>()
  const duplicates = new Set<string>()
  for (const e of entries) {
    if (byName.has(e.name)) duplicates.add(e.name)
    else byName.set(e.name, e)
  }
  for (const d of [...duplicates].slice(0, 20))
    anomalies.push(`duplicate entry name ${JSON.stringify(d)} (torch loads the first)`)
  const first = entries[0]
  const slash = first?.name.indexOf('/') ?? -1
  const topFolder = first !== undefined && slash > 0 ? first.name.slice(0, slash) : undefined
  const outside = entries.filter((e) => topFolder === undefined || !e.name.startsWith(`${topFolder}/`))
  if (outside.length > 0 && first !== undefined) {
    anomalies.push(
      topFolder === undefined
        ? `entry ${JSON.stringify(first.name)} is not in a folder`
        : `${outside.length} entries outside the top folder ${topFolder}/ (e.g. ${JSON.stringify(outside[0]!.name)})`
    )
  }
  const compressed = entries.filter((e) => e.method !== 0)
  if (compressed.length > 0) {
    anomalies.push(
      `${compressed.length} compressed entries (e.g. ${JSON.stringify(compressed[0]!.name)}, method ${compressed[0]!.method})`
    )
  }
  for (const e of entries.filter((x) => (x.flags & FLAGS_UNUSUAL) !== 0).slice(0, 20)) {
    anomalies.push(
      (e.flags & FLAG_ENCRYPTED) !== 0
        ? `entry ${JSON.stringify(e.name)} has the encryption flag`
        : `entry ${JSON.stringify(e.name)} has unusual flags 0x${e.flags.toString(16)}`
    )
  }
  const firstLocal = entries.reduce<bigint | undefined>(
    (m, e) => (m === undefined || e.localHeaderOffset < m ? e.localHeaderOffset : m),
    undefined
  )
  if (firstLocal !== undefined && firstLocal > 0n)
    anomalies.push(`${firstLocal} bytes before the first local header`)
  const dir: ZipDirectory = { entries, byName, zip64: end.zip64, anomalies }
  if (topFolder !== undefined) dir.topFolder = topFolder
  return dir
}

function parseCentralDirectory(source: ByteSource, cd: Uint8Array, count: number): ZipEntry[] {
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength)
  const entries: ZipEntry[] = []
  let p = 0
  for (let index = 0; index < count; index++) {
    if (p + CENTRAL_HEADER_SIZE > cd.length || view.getUint32(p, true) !== 0x02014b50) {
      throw bad(source, `central directory entry ${index} is missing or has a bad signature`)
    }
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen
    if (next > cd.length) throw bad(source, `central directory entry ${index} runs past the directory`)
    const flags = view.getUint16(p + 8, true)
    const nameBytes = cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen)
    const { name, valid } = decodeName(nameBytes)
    if (!valid && (flags & FLAG_UTF8) !== 0)
      throw bad(source, `entry ${index} name is marked UTF-8 but is not`)
    const entry: ZipEntry = {
      name,
      index,
      method: view.getUint16(p + 10, true),
      flags,
      crc32: view.getUint32(p + 16, true),
      compressedSize: BigInt(view.getUint32(p + 20, true)),
      uncompressedSize: BigInt(view.getUint32(p + 24, true)),
      localHeaderOffset: BigInt(view.getUint32(p + 42, true))
    }
    applyZip64Extra(
      source,
      entry,
      cd.subarray(p + CENTRAL_HEADER_SIZE + nameLen, p + CENTRAL_HEADER_SIZE + nameLen + extraLen)
    )
    if (entry.localHeaderOffset + BigInt(LOCAL_HEADER_SIZE) + entry.compressedSize > BigInt(source.size)) {
      throw bad(
        source,
        `entry ${JSON.stringify(name)} (offset ${entry.localHeaderOffset}, ${entry.compressedSize} bytes) runs past the end of the file`
      )
    }
    entries.push(entry)
    p = next
  }
  return entries
}

/** Replace 0xFFFFFFFF sizes and offsets with their zip64 extra-field values (APPNOTE 4.5.3 order). */
function applyZip64Extra(source: ByteSource, entry: ZipEntry, extra: Uint8Array): void {
  const needs = [
    entry.uncompressedSize === BigInt(U32_MAX),
    entry.compressedSize === BigInt(U32_MAX),
    entry.localHeaderOffset === BigInt(U32_MAX)
  ]
  if (!needs.some(Boolean)) return
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength)
  for (let p = 0; p + 4 <= extra.length;) {
    const id = view.getUint16(p, true)
    const len = view.getUint16(p + 2, true)
    if (p + 4 + len > extra.length) break
    if (id === 0x0001) {
      let q = p + 4
      const next = (): bigint => {
        if (q + 8 > p + 4 + len)
          throw bad(source, `entry ${JSON.stringify(entry.name)} has a short zip64 extra field`)
        const v = view.getBigUint64(q, true)
        q += 8
        return v
      }
      if (needs[0]) entry.uncompressedSize = next()
      if (needs[1]) entry.compressedSize = next()
      if (needs[2]) entry.localHeaderOffset = next()
      return
    }
    p += 4 + len
  }
  throw bad(source, `entry ${JSON.stringify(entry.name)} needs zip64 values but has no zip64 extra field`)
}

export interface LocalHeader {
  /** Absolute offset of the record's first data byte. */
  dataOffset: bigint
  /** The name written in the local header (may differ from the central one: an anomaly). */
  localName: string
}

/** Read an entry's local header (30 bytes + name) to find where its data starts (torch's getRecordOffset). */
export async function readLocalHeader(source: ByteSource, entry: ZipEntry): Promise<LocalHeader> {
  return parseLocalHeader(source, entry, await source.read(...localHeaderGuess(source, entry)))
}

/**
 * The local headers of many entries, in order, each settled on its own exactly as `readLocalHeader` would settle
 * it; the reads go out as one batch (or bounded-parallel), not one round trip after another.
 */
export async function readLocalHeaders(
  source: ByteSource,
  entries: ReadonlyArray<ZipEntry>
): Promise<PromiseSettledResult<LocalHeader>[]> {
  const ranges = entries.map((e) => {
    const [offset, length] = localHeaderGuess(source, e)
    return { offset, length }
  })
  const heads = await readRanges(source, ranges)
  const out: PromiseSettledResult<LocalHeader>[] = []
  for (let i = 0; i < entries.length; i++) {
    const head = heads[i]!
    if (head.status === 'rejected') {
      out.push(head)
      continue
    }
    try {
      out.push({ status: 'fulfilled', value: await parseLocalHeader(source, entries[i]!, head.value) })
    } catch (reason) {
      out.push({ status: 'rejected', reason })
    }
  }
  return out
}

/** One read for the fixed part and the name, sized by the central name (the local one is normally the same). */
function localHeaderGuess(source: ByteSource, entry: ZipEntry): [offset: number, length: number] {
  const at = Number(entry.localHeaderOffset)
  const guess = Math.min(LOCAL_HEADER_SIZE + Buffer.byteLength(entry.name, 'utf8'), source.size - at)
  return [at, Math.max(LOCAL_HEADER_SIZE, guess)]
}

async function parseLocalHeader(source: ByteSource, entry: ZipEntry, head: Uint8Array): Promise<LocalHeader> {
  const at = Number(entry.localHeaderOffset)
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  if (view.getUint32(0, true) !== 0x04034b50) {
    throw bad(source, `no local header at offset ${at} for entry ${JSON.stringify(entry.name)}`)
  }
  const nameLen = view.getUint16(26, true)
  const extraLen = view.getUint16(28, true)
  const dataOffset = entry.localHeaderOffset + BigInt(LOCAL_HEADER_SIZE + nameLen + extraLen)
  if (dataOffset + entry.compressedSize > BigInt(source.size)) {
    throw bad(source, `data of entry ${JSON.stringify(entry.name)} runs past the end of the file`)
  }
  if (head.length < LOCAL_HEADER_SIZE + nameLen) head = await source.read(at, LOCAL_HEADER_SIZE + nameLen)
  const localName = decodeName(head.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLen)).name
  return { dataOffset, localName }
}

/**
 * The contents of a small record (data.pkl, version, byteorder), refusing anything over `maxBytes`. Deflated
 * records are inflated with an output cap equal to the declared size, so a zip bomb cannot expand.
 */
export async function readZipRecord(
  source: ByteSource,
  entry: ZipEntry,
  maxBytes: number
): Promise<{ data: Uint8Array; header: LocalHeader }> {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) {
    throw new CheckpointError(
      'UnsupportedZip',
      source.name,
      `entry ${JSON.stringify(entry.name)} is encrypted`
    )
  }
  if (entry.uncompressedSize > BigInt(maxBytes) || entry.compressedSize > BigInt(maxBytes)) {
    throw new CheckpointError(
      'HeaderTooLarge',
      source.name,
      `entry ${JSON.stringify(entry.name)} declares ${entry.uncompressedSize} bytes; the limit is ${maxBytes}`
    )
  }
  const header = await readLocalHeader(source, entry)
  const raw = await source.read(Number(header.dataOffset), Number(entry.compressedSize))
  const size = Number(entry.uncompressedSize)
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw bad(
        source,
        `stored entry ${JSON.stringify(entry.name)} has different compressed and uncompressed sizes`
      )
    }
    return { data: raw, header }
  }
  if (entry.method !== 8) {
    throw new CheckpointError(
      'UnsupportedZip',
      source.name,
      `entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}`
    )
  }
  let data: Buffer
  try {
    data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) })
  } catch (e) {
    throw bad(
      source,
      `entry ${JSON.stringify(entry.name)} does not inflate to its declared ${size} bytes: ${(e as Error).message}`
    )
  }
  if (data.length !== size) {
    throw bad(
      source,
      `entry ${JSON.stringify(entry.name)} inflates to ${data.length} bytes, not the declared ${size}`
    )
  }
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), header }
}
