/**
 * Reading records of a torch archive (zip.ts reads the central directory): the local header that says where an
 * entry's data starts (torch's getRecordOffset), and the contents of the small records a reader needs (data.pkl,
 * version, byteorder). Tensor data records are never read: only their local headers.
 */
import { Buffer } from 'node:buffer'
import type { FileBudget } from '../budget.js'
import { CheckpointError } from '../errors.js'
import { readRanges, type ByteRange, type ByteSource } from '../source.js'
import { FLAG_ENCRYPTED, LOCAL_HEADER_SIZE, decodeName, latin1Name, zipError, type ZipEntry } from './zip.js'

/**
 * zlib is loaded only when a deflated record is actually read: torch.save stores every record, and loading the
 * module costs every run a few milliseconds. `process.getBuiltinModule` (Node 20.16+) loads it synchronously
 * and works in the CommonJS bundle; the dynamic import is the fallback for older Nodes.
 */
async function loadZlib(): Promise<typeof import('node:zlib')> {
  return process.getBuiltinModule?.('node:zlib') ?? (await import('node:zlib'))
}

export interface LocalHeader {
  /** Absolute offset of the record's first data byte. */
  dataOffset: bigint
  /** The name written in the local header (may differ from the central one: an anomaly). */
  localName: string
}

/** Read an entry's local header (30 bytes + name) to find where its data starts (torch's getRecordOffset). */
export async function readLocalHeader(source: ByteSource, entry: ZipEntry): Promise<LocalHeader> {
  const range = localHeaderRange(source, entry)
  const head = await source.read(range.offset, range.length)
  return parseLocalHeader(source, entry, head) ?? (await readLongLocalName(source, entry, head))
}

/**
 * The local headers of many entries, in order, each settled on its own exactly as `readLocalHeader` would settle
 * it; the reads go out as one batch (or bounded-parallel), not one round trip after another. There is one header
 * per tensor storage, so the loop stays synchronous (no await per header) unless a local name needs a second read.
 */
export async function readLocalHeaders(
  source: ByteSource,
  entries: ReadonlyArray<ZipEntry>
): Promise<PromiseSettledResult<LocalHeader>[]> {
  const ranges = new Array<ByteRange>(entries.length)
  for (let i = 0; i < entries.length; i++) ranges[i] = localHeaderRange(source, entries[i]!)
  const heads = await readRanges(source, ranges)
  const out = new Array<PromiseSettledResult<LocalHeader>>(entries.length)
  for (let i = 0; i < entries.length; i++) {
    const head = heads[i]!
    if (head.status === 'rejected') {
      out[i] = head
      continue
    }
    const entry = entries[i]!
    try {
      const value =
        parseLocalHeader(source, entry, head.value) ?? (await readLongLocalName(source, entry, head.value))
      out[i] = { status: 'fulfilled', value }
    } catch (reason) {
      out[i] = { status: 'rejected', reason }
    }
  }
  return out
}

/** One read for the fixed part and the name, sized by the central name (the local one is normally the same). */
function localHeaderRange(source: ByteSource, entry: ZipEntry): ByteRange {
  const at = Number(entry.localHeaderOffset)
  const guess = Math.min(LOCAL_HEADER_SIZE + Buffer.byteLength(entry.name, 'utf8'), source.size - at)
  return { offset: at, length: Math.max(LOCAL_HEADER_SIZE, guess) }
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8)
}

/**
 * Check the fixed part of a local header (`head` holds at least its 30 bytes) and return where the record's data
 * starts. Plain numbers are exact here: `head` was read at the header's offset, so that offset is a safe integer
 * inside the file, and the name and extra lengths are 16-bit. A declared size past 2^53 rounds, but it is past
 * any file's size either way, so the comparison gives the same answer as with BigInts.
 */
function localDataOffset(source: ByteSource, entry: ZipEntry, head: Uint8Array): number {
  const at = Number(entry.localHeaderOffset)
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
    throw zipError(source, `no local header at offset ${at} for entry ${JSON.stringify(entry.name)}`)
  }
  const dataStart = at + LOCAL_HEADER_SIZE + u16(head, 26) + u16(head, 28)
  if (dataStart + Number(entry.compressedSize) > source.size) {
    throw zipError(source, `data of entry ${JSON.stringify(entry.name)} runs past the end of the file`)
  }
  return dataStart
}

/** The checked header, or undefined when its name runs past `head` (then `readLongLocalName` reads it). */
function parseLocalHeader(source: ByteSource, entry: ZipEntry, head: Uint8Array): LocalHeader | undefined {
  const dataOffset = localDataOffset(source, entry, head)
  const nameLen = u16(head, 26)
  if (head.length < LOCAL_HEADER_SIZE + nameLen) return undefined
  return { dataOffset: BigInt(dataOffset), localName: localNameOf(head, nameLen) }
}

/** A local name longer than the central one (an anomaly): checked as usual, then the whole name read. */
async function readLongLocalName(
  source: ByteSource,
  entry: ZipEntry,
  head: Uint8Array
): Promise<LocalHeader> {
  const dataOffset = localDataOffset(source, entry, head)
  const nameLen = u16(head, 26)
  const full = await source.read(Number(entry.localHeaderOffset), LOCAL_HEADER_SIZE + nameLen)
  return { dataOffset: BigInt(dataOffset), localName: localNameOf(full, nameLen) }
}

/** The name in a local header (normally the central name again; compared by the caller). */
function localNameOf(head: Uint8Array, nameLen: number): string {
  const bytes = head.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLen)
  return decodeName(bytes) ?? latin1Name(bytes)
}

export interface RecordReadOptions {
  /** Inflated output is reserved here (its declared size) before a deflated record is inflated. */
  budget?: FileBudget
  /**
   * Read a record whose encryption flag is set as if it were not: the flag alone (picklescan's 0x1/0x20/0x40
   * cases) hides nothing from a loader that ignores it, so a scanner must look. Really encrypted data then
   * simply does not parse.
   */
  ignoreEncryption?: boolean
}

/**
 * The contents of a small record (data.pkl, version, byteorder), refusing anything over `maxBytes`. Deflated
 * records are inflated with an output cap equal to the declared size (reserved from the budget first), so a
 * zip bomb cannot expand.
 */
export async function readZipRecord(
  source: ByteSource,
  entry: ZipEntry,
  maxBytes: number,
  options: RecordReadOptions = {}
): Promise<{ data: Uint8Array; header: LocalHeader }> {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0 && options.ignoreEncryption !== true) {
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
  if (entry.method === 8)
    options.budget?.reserveInflate(entry.uncompressedSize, `entry ${JSON.stringify(entry.name)}`)
  const header = await readLocalHeader(source, entry)
  const raw = await source.read(Number(header.dataOffset), Number(entry.compressedSize))
  const size = Number(entry.uncompressedSize)
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw zipError(
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
  const { inflateRawSync } = await loadZlib()
  let data: Buffer
  try {
    data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) })
  } catch (e) {
    throw zipError(
      source,
      `entry ${JSON.stringify(entry.name)} does not inflate to its declared ${size} bytes: ${(e as Error).message}`
    )
  }
  if (data.length !== size) {
    throw zipError(
      source,
      `entry ${JSON.stringify(entry.name)} inflates to ${data.length} bytes, not the declared ${size}`
    )
  }
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), header }
}

/**
 * The first bytes of a record (at most `length`), to tell what it holds without reading it: stored records are
 * read directly; deflated ones are inflated as a stream that stops once `length` bytes are out, so a zip bomb
 * member costs `length` bytes here, never its declared size.
 */
export async function readRecordHead(
  source: ByteSource,
  entry: ZipEntry,
  length: number
): Promise<Uint8Array> {
  const header = await readLocalHeader(source, entry)
  const at = Number(header.dataOffset)
  if (entry.method === 0) return source.read(at, Math.min(length, Number(entry.compressedSize)))
  if (entry.method !== 8) return new Uint8Array(0)
  // deflate turns at most ~1032 output bytes out of one input byte; a little more input than output covers
  // stored (incompressible) blocks too
  const raw = await source.read(at, Math.min(Number(entry.compressedSize), length + 1024))
  const { createInflateRaw, constants } = await loadZlib()
  return new Promise<Uint8Array>((resolve) => {
    const out = new Uint8Array(length)
    let got = 0
    const inflate = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH })
    const done = (): void => {
      inflate.removeAllListeners('data')
      inflate.destroy()
      resolve(out.subarray(0, got))
    }
    inflate.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, length - got)
      out.set(chunk.subarray(0, take), got)
      got += take
      if (got >= length) done()
    })
    inflate.on('end', done)
    inflate.on('error', done)
    inflate.end(raw)
  })
}
