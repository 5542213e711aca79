/**
 * Remote header cache: the byte ranges a run fetched from a remote file, keyed by URL and validated by ETag, so
 * the next run sends one conditional request per file (If-None-Match; 304 means every cached byte is current).
 *
 * The interface is two calls so the GitHub Action can persist the same folder with @actions/cache (restore the
 * folder before the run, save it after); the CLI uses a folder under the user's cache directory.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../write-file.js'
import { REMOTE_LIMITS } from '../limits.js'

export interface CachedSegment {
  start: number
  bytes: Uint8Array
}

export interface CachedHeaders {
  /** The http(s) URL the bytes came from (the one requested, before redirects; never carries a token). */
  url: string
  etag: string
  size: number
  /** Sorted, non-overlapping. */
  segments: CachedSegment[]
}

export interface RemoteHeaderCache {
  get(url: string): Promise<CachedHeaders | undefined>
  put(entry: CachedHeaders): Promise<void>
}

/** `$XDG_CACHE_HOME/model-compat`, else `~/.cache/model-compat`. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  const xdg = env.XDG_CACHE_HOME
  if (xdg !== undefined && xdg !== '') return join(xdg, 'model-compat')
  return join(homedir(), '.cache', 'model-compat')
}

/** For tests and one process reading the same URL twice. */
export class MemoryHeaderCache implements RemoteHeaderCache {
  readonly entries = new Map<string, CachedHeaders>()
  async get(url: string): Promise<CachedHeaders | undefined> {
    return this.entries.get(url)
  }
  async put(entry: CachedHeaders): Promise<void> {
    this.entries.set(entry.url, entry)
  }
}

const MAGIC = 'model-compat header cache 1\n'
const MAX_META_BYTES = REMOTE_LIMITS.maxCacheMetaBytes
const MAX_SEGMENTS = REMOTE_LIMITS.maxCacheSegments

interface StoredMeta {
  url: string
  etag: string
  size: number
  segments: { start: number; length: number }[]
}

/**
 * One file per URL (`<sha256(url)>.mchc`): a magic line, a 4-byte little-endian JSON length, the JSON description
 * and the segment bytes. Cache files are treated as untrusted: anything inconsistent is a miss, never an error,
 * and writes are atomic (temp file + rename) so a killed run leaves no half entry.
 */
export class DirectoryHeaderCache implements RemoteHeaderCache {
  constructor(
    readonly dir: string,
    private readonly maxEntryBytes = 256 * 1024 * 1024
  ) {}

  private fileFor(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.mchc`)
  }

  async get(url: string): Promise<CachedHeaders | undefined> {
    let raw: Buffer
    try {
      raw = await readFile(this.fileFor(url))
    } catch {
      return undefined
    }
    return decodeEntry(raw, url, this.maxEntryBytes)
  }

  async put(entry: CachedHeaders): Promise<void> {
    const total = entry.segments.reduce((n, s) => n + s.bytes.length, 0)
    if (total > this.maxEntryBytes) return
    const meta: StoredMeta = {
      url: entry.url,
      etag: entry.etag,
      size: entry.size,
      segments: entry.segments.map((s) => ({ start: s.start, length: s.bytes.length }))
    }
    const json = Buffer.from(JSON.stringify(meta), 'utf8')
    const len = Buffer.alloc(4)
    len.writeUInt32LE(json.length)
    const body = Buffer.concat([
      Buffer.from(MAGIC, 'latin1'),
      len,
      json,
      ...entry.segments.map((s) => s.bytes)
    ])
    await writeFileAtomic(this.fileFor(entry.url), body)
  }
}

function decodeEntry(raw: Buffer, url: string, maxEntryBytes: number): CachedHeaders | undefined {
  const magicLength = MAGIC.length
  if (raw.length < magicLength + 4 || raw.toString('latin1', 0, magicLength) !== MAGIC) return undefined
  const jsonLength = raw.readUInt32LE(magicLength)
  const dataStart = magicLength + 4 + jsonLength
  if (jsonLength > MAX_META_BYTES || dataStart > raw.length) return undefined
  let meta: StoredMeta
  try {
    meta = JSON.parse(raw.toString('utf8', magicLength + 4, dataStart)) as StoredMeta
  } catch {
    return undefined
  }
  if (typeof meta !== 'object' || meta === null || meta.url !== url || typeof meta.etag !== 'string')
    return undefined
  if (!Number.isSafeInteger(meta.size) || meta.size < 0 || !Array.isArray(meta.segments)) return undefined
  if (meta.segments.length > MAX_SEGMENTS || raw.length - dataStart > maxEntryBytes) return undefined
  const segments: CachedSegment[] = []
  let pos = dataStart
  let prevEnd = 0
  for (const s of meta.segments) {
    if (typeof s !== 'object' || s === null) return undefined
    const { start, length } = s
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < prevEnd || length <= 0)
      return undefined
    if (start + length > meta.size || pos + length > raw.length) return undefined
    segments.push({ start, bytes: new Uint8Array(raw.subarray(pos, pos + length)) })
    pos += length
    prevEnd = start + length
  }
  if (pos !== raw.length) return undefined
  return { url, etag: meta.etag, size: meta.size, segments }
}
