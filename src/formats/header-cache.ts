/**
 * Many local files, each read once and each distinct header parsed once: the gate's loop over hundreds of LoRAs,
 * many of them byte-identical copies (one release under several names, re-uploads, per-epoch copies).
 *
 * A file is read through the local fast path (one synchronous open + read of its first 64 KiB). Its header key is
 * a SHA-256 over the file size and the header bytes: for safetensors (the header's length is in its first 8
 * bytes) the key is known before parsing, so a header seen before is not parsed again; for every other format the
 * key covers every range the reader read (a reader's result depends on nothing else), so identical files still
 * share one `Checkpoint`. SHA-256 rather than a fast hash: a hostile file must not be able to pass for another one.
 *
 * Sharing the `Checkpoint` object is the point: anything memoised per checkpoint (the gate's LoRA analysis and
 * resolution) is then computed once per distinct header. Its `path` and byte ranges name the first file read with
 * that header; callers report each file under their own path.
 */
import { createHash, type Hash } from 'node:crypto'
import { detectKind } from './detect.js'
import { readCheckpoint, readSource } from './index.js'
import { checkSafetensorsPrefix } from './safetensors/read.js'
import {
  HEAD_BYTES,
  openLocalEntry,
  type ByteRange,
  type ByteSource,
  type LocalFileSource
} from './source.js'
import type { Checkpoint } from './types.js'

export interface HeaderRead {
  checkpoint: Checkpoint
  /** The header key (hex SHA-256), or undefined for a folder or a JSON location (index, manifest). */
  key: string | undefined
  /** True when an earlier file had the same key: `checkpoint` is that file's (its `path` names that file). */
  shared: boolean
}

/** Distinct headers kept by default: far more than a gate run reads, and each entry is one parsed header. */
export const DEFAULT_HEADER_CACHE_ENTRIES = 4096

export class HeaderCache {
  private readonly byKey = new Map<string, Checkpoint>()
  /** Files whose header had been read before (their checkpoint was shared, and not parsed again if possible). */
  hits = 0

  constructor(private readonly maxEntries = DEFAULT_HEADER_CACHE_ENTRIES) {}

  /** Distinct headers held. */
  get size(): number {
    return this.byKey.size
  }

  /** Reads a local file or folder (see the module comment); errors are the readers' typed errors. */
  async read(path: string): Promise<HeaderRead> {
    const source = openLocalEntry(path, HEAD_BYTES)
    if (source === 'dir') return { checkpoint: await readCheckpoint(path), key: undefined, shared: false }
    try {
      const kind = source.size > 0 ? detectKind(source.head.subarray(0, 512), source.size) : 'unknown'
      if (kind === 'json') {
        // an index or manifest opens other files: read it the ordinary way, without a key
        return { checkpoint: await readCheckpoint(path), key: undefined, shared: false }
      }
      const early = kind === 'safetensors' ? safetensorsKey(source) : undefined
      if (early !== undefined) {
        const known = this.byKey.get(early.key)
        if (known !== undefined) return this.hit(known, early.key)
        // the reader takes the header from memory
        if (early.header.length > source.head.length) source.head = early.header.slice()
        return this.keep(early.key, await readSource(source, path))
      }
      const hash = createHash('sha256').update(`reads:${source.size}:`)
      const checkpoint = await readSource(new HashingSource(source, hash), path)
      const key = hash.digest('hex')
      const known = this.byKey.get(key)
      return known !== undefined ? this.hit(known, key) : this.keep(key, checkpoint)
    } finally {
      await source.close().catch(() => undefined)
    }
  }

  private hit(checkpoint: Checkpoint, key: string): HeaderRead {
    this.hits++
    return { checkpoint, key, shared: true }
  }

  private keep(key: string, checkpoint: Checkpoint): HeaderRead {
    if (this.byKey.size < this.maxEntries) this.byKey.set(key, checkpoint)
    return { checkpoint, key, shared: false }
  }
}

/** Where headers longer than the first read are read to be hashed (reused: most are never parsed). */
let scratch = new Uint8Array(0)
const MAX_SCRATCH = 16 << 20

/**
 * The key of a safetensors file, from its prefix and header bytes, before parsing them; undefined when the prefix
 * is bad (the reader then reports it). A header longer than the first read is read whole here, once.
 */
function safetensorsKey(source: LocalFileSource): { key: string; header: Uint8Array } | undefined {
  if (source.head.length < 8) return undefined
  let n: number
  try {
    n = checkSafetensorsPrefix(source.head.subarray(0, 8), source.size, source.name)
  } catch {
    return undefined
  }
  let header = source.head.subarray(0, 8 + n)
  if (8 + n > source.head.length) {
    if (8 + n > MAX_SCRATCH) header = new Uint8Array(8 + n)
    else {
      if (scratch.length < 8 + n) scratch = new Uint8Array(Math.max(8 + n, 2 * scratch.length))
      header = scratch.subarray(0, 8 + n)
    }
    source.fill(header, 0)
  }
  const key = createHash('sha256').update(`safetensors:${source.size}:`).update(header).digest('hex')
  return { key, header }
}

/** A source that feeds every range it hands out (offset, length, bytes) into a hash. */
class HashingSource implements ByteSource {
  readonly readMany?: (ranges: ReadonlyArray<ByteRange>) => Promise<Uint8Array[]>

  constructor(
    private readonly inner: ByteSource,
    private readonly hash: Hash
  ) {
    const many = inner.readMany?.bind(inner)
    if (many !== undefined) {
      this.readMany = async (ranges) => {
        const all = await many(ranges)
        for (let i = 0; i < all.length; i++) this.note(ranges[i]!.offset, all[i]!)
        return all
      }
    }
  }

  get name(): string {
    return this.inner.name
  }

  get size(): number {
    return this.inner.size
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length)
    this.note(offset, bytes)
    return bytes
  }

  close(): Promise<void> {
    return this.inner.close()
  }

  private note(offset: number, bytes: Uint8Array): void {
    this.hash.update(`${offset}+${bytes.length}:`).update(bytes)
  }
}
