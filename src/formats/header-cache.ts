/**
 * Many local files, each read once and each distinct header parsed once: the gate's loop over hundreds of LoRAs,
 * many of them byte-identical copies (one release under several names, re-uploads, per-epoch copies).
 *
 * A file is read through the local fast path (one synchronous open + read of its first 64 KiB) and given a header
 * key. For safetensors (the header's length is in its first 8 bytes) the key is known before parsing, so a header
 * seen before is not parsed again: a file of the same size whose header bytes equal a kept header's (compared
 * byte for byte) gets that header's key; past what is kept (MAX_KEPT_BYTES, MAX_KEPT_PER_SIZE), the key is a
 * SHA-256 over the size and the header bytes. Comparing bytes is exact and costs a fiftieth of hashing them (a
 * 136 KB header: 2 us against 100 us), which is most of the cost of a repeated file. For every other format the
 * key is a SHA-256 over every range the reader read (a reader's result depends on nothing else), so identical
 * files still share one result. SHA-256 rather than a fast hash: a hostile file must not be able to pass for
 * another one.
 *
 * Sharing is the point: anything derived from a checkpoint (the gate's verdict of an artifact: its LoRA analysis
 * and resolution) is then computed once per distinct header. A shared checkpoint's `path` and byte ranges name
 * the first file read with that header; callers report each file under their own path.
 */
import type { Hash } from 'node:crypto'
import { crypto } from './builtins.js'
import { ReadBudget } from './budget.js'
import { detectKind } from './detect.js'
import { localFileAccess } from './file-access.js'
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

export interface HeaderRead<T = Checkpoint> {
  /** The file's checkpoint, or what `derive` made of it (an earlier file's, when `shared`). */
  value: T
  /** The header key (equal for equal headers), or undefined for a folder or a JSON location (index, manifest). */
  key: string | undefined
  /** True when an earlier file had the same key: `value` is that file's (a checkpoint's `path` names that file). */
  shared: boolean
}

export interface HeaderCacheOptions<T> {
  /** Distinct headers kept (default DEFAULT_HEADER_CACHE_ENTRIES); past it, new headers are read but not kept. */
  maxEntries?: number
  /**
   * What to keep of a checkpoint instead of the checkpoint itself (the gate keeps an artifact's verdict). Called
   * once per distinct header; the checkpoint is not held afterwards, so the tensors it described are given back
   * to the run's budget.
   */
  derive?: (checkpoint: Checkpoint) => T
}

export interface HeaderReadOptions {
  /** The run's budget: a parsed header's tensors are charged to it while the cache holds them. */
  budget?: ReadBudget
  /**
   * How to read a folder or a JSON location (an index or manifest opens other files, which may have to stay
   * inside allowed folders): `readCheckpoint` by default, given a budget scope to charge.
   */
  readOther?: (path: string, budget: ReadBudget) => Promise<Checkpoint>
}

/** Distinct headers kept by default: far more than a gate run reads, and each entry is one parsed header. */
export const DEFAULT_HEADER_CACHE_ENTRIES = 4096

export class HeaderCache<T = Checkpoint> {
  private readonly byKey = new Map<string, T>()
  /** Headers being parsed: a file with the same header read meanwhile waits for that parse instead of its own. */
  private readonly pending = new Map<string, Promise<T>>()
  /** Safetensors headers kept, by file size and header length: their bytes and the key each was given. */
  private readonly kept = new Map<string, Array<{ header: Uint8Array; key: string }>>()
  private keptBytes = 0
  private readonly maxEntries: number
  private readonly derive: ((checkpoint: Checkpoint) => T) | undefined
  /** Files whose header had been read before (their value was shared, and not parsed again if possible). */
  hits = 0

  constructor(opts: HeaderCacheOptions<T> = {}) {
    this.maxEntries = opts.maxEntries ?? DEFAULT_HEADER_CACHE_ENTRIES
    this.derive = opts.derive
  }

  /** Distinct headers held. */
  get size(): number {
    return this.byKey.size
  }

  /** Reads a local file or folder (see the module comment); errors are the readers' typed errors. */
  async read(path: string, opts: HeaderReadOptions = {}): Promise<HeaderRead<T>> {
    // one scope per file: given back when the file fails, when its header was a repeat, or when only what
    // `derive` made of it is kept
    const budget = (opts.budget ?? new ReadBudget()).scope()
    try {
      const read = await this.readScoped(path, budget, opts.readOther)
      if (read.shared || this.derive !== undefined) budget.release()
      return read
    } catch (e) {
      budget.release()
      throw e
    }
  }

  private async readScoped(
    path: string,
    budget: ReadBudget,
    readOther: HeaderReadOptions['readOther']
  ): Promise<HeaderRead<T>> {
    const other = async (): Promise<HeaderRead<T>> => {
      const checkpoint = await (readOther ?? ((p, b) => readCheckpoint(p, { budget: b })))(path, budget)
      return { value: this.valueOf(checkpoint), key: undefined, shared: false }
    }
    const source = openLocalEntry(path, HEAD_BYTES, path, headScratch)
    if (source === 'dir') return other()
    try {
      const kind = source.size > 0 ? detectKind(source.head.subarray(0, 512), source.size) : 'unknown'
      // an index or manifest opens other files: read it the ordinary way, without a key
      if (kind === 'json') return await other()
      const header = kind === 'safetensors' ? safetensorsHeader(source) : undefined
      const early =
        header === undefined ? undefined : { header, key: this.safetensorsKey(source.size, header) }
      if (early !== undefined) {
        const known = this.byKey.get(early.key)
        if (known !== undefined) return this.hit(known, early.key)
        // The header bytes are in reused buffers: the reader gets a copy. It is made before any await, and the
        // check for a read of this header under way and the `pending` entry below happen in one turn.
        const copy = early.header.slice()
        const waiting = this.pending.get(early.key)
        if (waiting !== undefined) {
          const value = await waiting.catch(() => undefined)
          if (value !== undefined) return this.hit(value, early.key)
        }
        // the reader takes the header from memory
        source.head = copy
        const parsing = readSource(source, path, localFileAccess, budget).then((c) => this.keep(early.key, c))
        const value = parsing.then((r) => r.value)
        value.catch(() => undefined) // a failed parse is its reader's error; a waiting file reads for itself
        this.pending.set(early.key, value)
        try {
          return await parsing
        } finally {
          this.pending.delete(early.key)
        }
      }
      source.head = source.head.slice()
      const hash = sha256().update(`reads:${source.size}:`)
      const checkpoint = await readSource(new HashingSource(source, hash), path, localFileAccess, budget)
      const key = hash.digest('hex')
      const known = this.byKey.get(key)
      return known !== undefined ? this.hit(known, key) : this.keep(key, checkpoint)
    } finally {
      await source.close().catch(() => undefined)
    }
  }

  /**
   * The key of a safetensors header (`header`: the file's first 8 + N bytes, in a reused buffer). A header kept
   * before, byte for byte, keeps its key; a new one is kept while there is room, else keyed by its SHA-256. A header
   * not kept when first seen is never kept later (both limits only fill), so its copies all get the hash key.
   */
  private safetensorsKey(size: number, header: Uint8Array): string {
    const bucket = `${size}:${header.length}`
    let list = this.kept.get(bucket)
    if (list !== undefined) for (const k of list) if (Buffer.compare(k.header, header) === 0) return k.key
    if ((list?.length ?? 0) < MAX_KEPT_PER_SIZE && this.keptBytes + header.length <= MAX_KEPT_BYTES) {
      if (list === undefined) this.kept.set(bucket, (list = []))
      const key = `safetensors:${bucket}:${list.length}`
      list.push({ header: header.slice(), key })
      this.keptBytes += header.length
      return key
    }
    return sha256().update(`safetensors:${size}:`).update(header).digest('hex')
  }

  private valueOf(checkpoint: Checkpoint): T {
    return this.derive ? this.derive(checkpoint) : (checkpoint as unknown as T)
  }

  private hit(value: T, key: string): HeaderRead<T> {
    this.hits++
    return { value, key, shared: true }
  }

  private keep(key: string, checkpoint: Checkpoint): HeaderRead<T> {
    const value = this.valueOf(checkpoint)
    if (this.byKey.size < this.maxEntries) this.byKey.set(key, value)
    return { value, key, shared: false }
  }
}

/** Where each file's first bytes are read (reused: most headers are repeats, never parsed). */
const headScratch = new Uint8Array(HEAD_BYTES)
/** Where headers longer than the first read are read to be hashed (reused: most are never parsed). */
let scratch = new Uint8Array(0)
const MAX_SCRATCH = 16 << 20

/** Header bytes kept for comparison (a 136 KB LoRA header: 490 of them). */
const MAX_KEPT_BYTES = 64 << 20
/** Different headers kept per file size and header length (each costs a comparison for the next such file). */
const MAX_KEPT_PER_SIZE = 8

/**
 * A safetensors file's first 8 + N bytes, in a reused buffer; undefined when the prefix is bad (the reader then
 * reports it). A header longer than the first read is read whole here, once.
 */
function safetensorsHeader(source: LocalFileSource): Uint8Array | undefined {
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
    // the first bytes are in memory already: read only the rest
    header.set(source.head, 0)
    source.fill(header.subarray(source.head.length), source.head.length)
  }
  return header
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

/**
 * A SHA-256 hash, with node:crypto loaded on first use: `analyze` of one file (this module's most common importer)
 * never hashes, and loading node:crypto costs a quarter of `node -e 0` on Node 24 (measured with valgrind: +25 M
 * instructions over 89 M).
 */
function sha256(): Hash {
  return crypto().createHash('sha256')
}
