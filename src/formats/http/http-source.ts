/**
 * A `ByteSource` over HTTP range requests. Readers make many small exact reads; this source turns them into few
 * requests:
 * - opening fetches the first `initialBytes` (64 KiB) speculatively, which also tells us the size, so a
 *   safetensors header under 64 KiB costs one request and a longer one exactly two;
 * - fetched ranges are kept (merged) and every later read is served from them when it can;
 * - a miss fetches at least `readAheadBytes`; consecutive sequential misses (GGUF metadata, a big pickle) double
 *   that up to `maxReadAheadBytes`, so "growing the range as needed" takes a logarithmic number of requests;
 * - a miss near the end of the file extends backwards instead (a zip's directory sits just before its end).
 * With a `RemoteHeaderCache`, the opening request carries If-None-Match; a 304 serves every cached range.
 */
import { CheckpointError } from '../errors.js'
import { checkReadRange, type CountingSource } from '../source.js'
import type { Deadline, HttpClient, RangeBytes } from './client.js'
import type { CachedSegment, RemoteHeaderCache } from './remote-cache.js'
import { redactUrl } from './url.js'
import { REMOTE_LIMITS } from '../limits.js'

export interface HttpSourceOptions {
  client: HttpClient
  /** Name used in messages and as `ByteSource.name`; default: the URL, redacted. */
  name?: string
  /** First request size. Default 64 KiB. */
  initialBytes?: number
  /** Smallest fetch on a miss. Default 64 KiB. */
  readAheadBytes?: number
  /** Largest speculative fetch for sequential misses. Default 4 MiB. */
  maxReadAheadBytes?: number
  /** Bytes kept in memory per source before old ranges are dropped. Default 256 MiB. */
  maxHeldBytes?: number
  /**
   * Overall deadline for the file, from opening it: every request, retry and backoff for it together. A server
   * sending one byte a second resets every idle timer; this one it cannot. Default 120 s.
   */
  deadlineMs?: number
  cache?: RemoteHeaderCache
}

/** The default overall deadline of one remote file. */
export const DEFAULT_REMOTE_DEADLINE_MS = REMOTE_LIMITS.deadlineMs

export interface HttpSourceStats {
  /** Range requests this source made (before redirects and retries, which the client counts). */
  requests: number
  /** Bytes this source received over the network. */
  bytesFetched: number
  /** True when the opening request was answered 304 and cached ranges were used. */
  fromCache: boolean
  /** False once a server answered a Range request with the whole body. */
  rangeSupported: boolean
}

interface Segment extends CachedSegment {
  lastUsed: number
}

const KiB = 1024

export class HttpSource implements CountingSource {
  bytesRead = 0
  reads = 0
  readonly stats: HttpSourceStats
  private segments: Segment[]
  private readAhead: number
  private lastMissEnd = -1
  private clock = 0
  private dirty: boolean
  private closed = false

  private constructor(
    readonly name: string,
    readonly url: string,
    readonly size: number,
    readonly etag: string | undefined,
    segments: CachedSegment[],
    private readonly opts: Required<Omit<HttpSourceOptions, 'cache' | 'name'>> & {
      cache?: RemoteHeaderCache
    },
    private readonly deadline: Deadline,
    fromCache: boolean,
    rangeSupported: boolean,
    bytesFetched: number
  ) {
    this.segments = segments.map((s) => ({ ...s, lastUsed: 0 }))
    this.readAhead = opts.readAheadBytes
    this.lastMissEnd = segments.length > 0 ? segments[0].start + segments[0].bytes.length : -1
    this.dirty = !fromCache
    this.stats = { requests: 1, bytesFetched, fromCache, rangeSupported }
  }

  /** Open `url`: one request (conditional when a cached copy exists) that fetches the first bytes and the size. */
  static async open(url: string, options: HttpSourceOptions): Promise<HttpSource> {
    const opts = {
      client: options.client,
      initialBytes: positive(options.initialBytes, 64 * KiB),
      readAheadBytes: positive(options.readAheadBytes, 64 * KiB),
      maxReadAheadBytes: positive(options.maxReadAheadBytes, 4096 * KiB),
      maxHeldBytes: positive(options.maxHeldBytes, 256 * 1024 * KiB),
      deadlineMs: positive(options.deadlineMs, DEFAULT_REMOTE_DEADLINE_MS),
      cache: options.cache
    }
    const deadline: Deadline = { at: Date.now() + opts.deadlineMs, ms: opts.deadlineMs }
    const name = options.name ?? redactUrl(url)
    const cached = await opts.cache?.get(url).catch(() => undefined)
    const first = await opts.client.getRange(url, 0, opts.initialBytes, name, cached?.etag, deadline)
    if (first.kind === 'not-modified') {
      if (cached === undefined) throw new CheckpointError('HttpError', name, 'HTTP 304 without a cached copy')
      return new HttpSource(
        name,
        url,
        cached.size,
        cached.etag,
        cached.segments,
        opts,
        deadline,
        true,
        true,
        0
      )
    }
    const segments = first.bytes.length > 0 ? [{ start: 0, bytes: first.bytes }] : []
    return new HttpSource(
      name,
      url,
      first.size,
      first.etag,
      segments,
      opts,
      deadline,
      false,
      first.rangeSupported,
      first.bytes.length
    )
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    checkReadRange(this.name, this.size, offset, length)
    if (this.closed) throw new CheckpointError('IoError', this.name, 'read after close')
    const end = offset + length
    const gaps = this.gaps(offset, end)
    if (gaps.length > 0) await this.fetch(gaps[0][0], gaps[gaps.length - 1][1])
    const out = this.assemble(offset, end)
    this.bytesRead += length
    this.reads++
    return out
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.opts.cache !== undefined && this.etag !== undefined && this.dirty) {
      const segments = this.segments.map(({ start, bytes }) => ({ start, bytes }))
      // The cache only saves requests; failing to write it must not fail the analysis.
      await this.opts.cache
        .put({ url: this.url, etag: this.etag, size: this.size, segments })
        .catch(() => undefined)
    }
    this.segments = []
  }

  /** The parts of [start, end) no held segment covers. */
  private gaps(start: number, end: number): [number, number][] {
    const out: [number, number][] = []
    let pos = start
    for (const s of this.segments) {
      const sEnd = s.start + s.bytes.length
      if (sEnd <= pos) continue
      if (s.start >= end) break
      if (s.start > pos) out.push([pos, s.start])
      pos = Math.max(pos, sEnd)
      if (pos >= end) break
    }
    if (pos < end) out.push([pos, end])
    return out
  }

  /** Fetch at least [start, end), widened by read-ahead without re-fetching held neighbours. */
  private async fetch(start: number, end: number): Promise<void> {
    // Sequential misses (a reader walking a long header) double the read-ahead. A scattered miss (a zip's local
    // headers spread over a 28 GB file) goes back to the base size: on a CDN a request costs far more than 64 KiB,
    // and the base often catches the next small record too.
    const sequential = start === this.lastMissEnd
    const ahead = sequential ? this.readAhead : this.opts.readAheadBytes
    const want = Math.max(end - start, ahead)
    this.readAhead = sequential ? Math.min(ahead * 2, this.opts.maxReadAheadBytes) : this.opts.readAheadBytes
    let from = start
    let to = Math.min(this.size, start + want)
    if (to - from < want) from = Math.max(0, this.size - want)
    const next = this.segments.find((s) => s.start >= end)
    if (next !== undefined) to = Math.min(to, next.start)
    const prev = [...this.segments].reverse().find((s) => s.start + s.bytes.length <= start)
    if (prev !== undefined) from = Math.max(from, prev.start + prev.bytes.length)
    from = Math.min(from, start)
    to = Math.max(to, end)

    const result = await this.opts.client.getRange(this.url, from, to, this.name, undefined, this.deadline)
    this.stats.requests++
    if (result.kind !== 'bytes') {
      throw new CheckpointError('HttpError', this.name, 'HTTP 304 to an unconditional request')
    }
    this.checkSameFile(result)
    this.stats.bytesFetched += result.bytes.length
    if (!result.rangeSupported) this.stats.rangeSupported = false
    if (result.bytes.length !== to - from) {
      throw new CheckpointError(
        'HttpError',
        this.name,
        `asked for ${to - from} bytes, got ${result.bytes.length}`
      )
    }
    this.lastMissEnd = to
    this.insert({ start: from, bytes: result.bytes, lastUsed: ++this.clock })
    this.dirty = true
  }

  private checkSameFile(r: RangeBytes): void {
    const changedEtag = this.etag !== undefined && r.etag !== undefined && r.etag !== this.etag
    if (changedEtag || r.size !== this.size) {
      throw new CheckpointError(
        'HttpError',
        this.name,
        `the file changed on the server while it was being read (size ${this.size} -> ${r.size}` +
          `${changedEtag ? `, ETag ${this.etag} -> ${r.etag}` : ''})`
      )
    }
  }

  /** Add a segment, merging it with any it touches, then drop least-recently-used ones past the memory bound. */
  private insert(seg: Segment): void {
    let start = seg.start
    let end = seg.start + seg.bytes.length
    const touching: Segment[] = []
    const kept: Segment[] = []
    for (const s of this.segments) {
      const sEnd = s.start + s.bytes.length
      if (sEnd < start || s.start > end) kept.push(s)
      else touching.push(s)
    }
    let merged = seg
    if (touching.length > 0) {
      for (const s of touching) {
        start = Math.min(start, s.start)
        end = Math.max(end, s.start + s.bytes.length)
      }
      const bytes = new Uint8Array(end - start)
      for (const s of touching) bytes.set(s.bytes, s.start - start)
      bytes.set(seg.bytes, seg.start - start)
      merged = { start, bytes, lastUsed: seg.lastUsed }
    }
    kept.push(merged)
    kept.sort((a, b) => a.start - b.start)
    let held = kept.reduce((n, s) => n + s.bytes.length, 0)
    for (const victim of [...kept].sort((a, b) => a.lastUsed - b.lastUsed)) {
      if (held <= this.opts.maxHeldBytes || victim === merged) continue
      kept.splice(kept.indexOf(victim), 1)
      held -= victim.bytes.length
    }
    this.segments = kept
  }

  private assemble(start: number, end: number): Uint8Array {
    const out = new Uint8Array(end - start)
    const stamp = ++this.clock
    for (const s of this.segments) {
      const sEnd = s.start + s.bytes.length
      if (sEnd <= start || s.start >= end) continue
      const from = Math.max(start, s.start)
      const to = Math.min(end, sEnd)
      out.set(s.bytes.subarray(from - s.start, to - s.start), from - start)
      s.lastUsed = stamp
    }
    return out
  }
}

function positive(v: number | undefined, fallback: number): number {
  return v !== undefined && Number.isSafeInteger(v) && v > 0 ? v : fallback
}
