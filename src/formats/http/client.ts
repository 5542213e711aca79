/**
 * A small HTTP client for byte ranges, on node:http(s) only (no dependency, same behaviour on Node 20 and 24).
 * It owns everything that makes remote reads robust: redirects (the token never leaves its origin), idle and
 * total timeouts, bounded retries with backoff that honour Retry-After, servers that ignore Range, truncated
 * bodies and lying Content-Range headers. Every failure is a `CheckpointError` naming the location and status,
 * with secrets scrubbed.
 */
import { CheckpointError, type ErrorCode } from '../errors.js'
import {
  AttemptError,
  classifyStatus,
  errorText,
  header,
  parseContentRange,
  parseRetryAfter,
  readExactly,
  readToEnd,
  type Response
} from './response.js'
import { getFollowingRedirects, type Transport } from './transport.js'
import { normaliseEndpoint, redactText, redactUrl } from './url.js'

export { parseContentRange, parseRetryAfter }

export interface HttpClientOptions {
  /** Bearer token (Hugging Face). Sent only to `tokenOrigins`, never printed. */
  token?: string
  /** Origins allowed to receive the token; default: the Hugging Face endpoint's origin. */
  tokenOrigins?: string[]
  /** No byte (connect, headers or body) for this long aborts the attempt. Default 30 s. */
  idleTimeoutMs?: number
  /** One attempt (all redirects and the body) may take at most this long. Default 120 s. */
  attemptTimeoutMs?: number
  /** Retries after the first attempt for 429, 5xx, network errors and truncated bodies. Default 4. */
  retries?: number
  /** First backoff delay; doubled each retry. Default 500 ms. */
  retryBaseDelayMs?: number
  /** Upper bound on any wait, including a server's Retry-After. Default 30 s. */
  maxRetryDelayMs?: number
  /** Default 10. */
  maxRedirects?: number
  /** Requests in flight at once (sharded checkpoints open many files). Default 8. */
  maxConcurrent?: number
  /**
   * When a server ignores Range and sends the whole body, we read at most this prefix and then abort; a read
   * needing bytes beyond it fails with RangeNotSupported instead of streaming the whole file. Default 64 MiB.
   */
  maxIgnoredRangePrefix?: number
  userAgent?: string
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>
}

export interface HttpStats {
  /** HTTP requests sent, counting every redirect hop and retry. */
  requests: number
  /** Body bytes received. */
  bytesReceived: number
  retries: number
}

/** A successful range read. `bytes` are exactly [start, min(end, size)). */
export interface RangeBytes {
  kind: 'bytes'
  bytes: Uint8Array
  /** Total size of the remote file. */
  size: number
  etag?: string
  /** False when the server answered 200 with the whole body. */
  rangeSupported: boolean
}

export interface NotModified {
  kind: 'not-modified'
  etag?: string
}

export type RangeResult = RangeBytes | NotModified

/** An overall deadline (absolute `at`, from `Date.now()`) and its length, for messages. */
export interface Deadline {
  at: number
  ms: number
}

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, bytesReceived: 0, retries: 0 }
  private readonly token?: string
  private readonly tokenOrigins: Set<string>
  private readonly attemptTimeoutMs: number
  private readonly retries: number
  private readonly retryBaseDelayMs: number
  private readonly maxRetryDelayMs: number
  readonly maxIgnoredRangePrefix: number
  private readonly userAgent: string
  private readonly sleep: (ms: number) => Promise<void>
  private readonly maxConcurrent: number
  private active = 0
  private readonly waiting: (() => void)[] = []
  private readonly transport: Transport

  constructor(opts: HttpClientOptions = {}) {
    this.token = opts.token === undefined || opts.token === '' ? undefined : opts.token
    this.tokenOrigins = new Set(
      (opts.tokenOrigins ?? [normaliseEndpoint(undefined)]).map((o) => new URL(normaliseEndpoint(o)).origin)
    )
    this.attemptTimeoutMs = opts.attemptTimeoutMs ?? 120_000
    this.retries = Math.max(0, opts.retries ?? 4)
    this.retryBaseDelayMs = opts.retryBaseDelayMs ?? 500
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000
    this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 8)
    this.maxIgnoredRangePrefix = opts.maxIgnoredRangePrefix ?? 64 * 1024 * 1024
    this.userAgent = opts.userAgent ?? 'model-compat (header-only reader)'
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.transport = {
      token: this.token,
      tokenOrigins: this.tokenOrigins,
      maxRedirects: opts.maxRedirects ?? 10,
      idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
      attemptTimeoutMs: this.attemptTimeoutMs,
      countRequest: () => {
        this.stats.requests++
      }
    }
  }

  /** Whether requests to this URL would carry the token (for cache keys and messages; never the token itself). */
  sendsTokenTo(url: string): boolean {
    return this.token !== undefined && this.tokenOrigins.has(new URL(url).origin)
  }

  /**
   * GET bytes [start, end) of `url`. `label` names the file in errors (the location the user gave, redacted).
   * With `ifNoneMatch`, a 304 answer returns `not-modified`. A range starting at or past the end of the file
   * returns the file size and no bytes.
   */
  async getRange(
    url: string,
    start: number,
    end: number,
    label: string,
    ifNoneMatch?: string,
    deadline?: Deadline
  ): Promise<RangeResult> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
      throw new CheckpointError('IoError', label, `invalid byte range ${start}..${end}`)
    }
    return this.withRetries(
      url,
      label,
      (until) => this.attemptRange(new URL(url), start, end, until, ifNoneMatch),
      deadline
    )
  }

  /**
   * GET a whole small document (a Hub API listing) without Range; bodies over `maxBytes` are refused. Returns the
   * body and the Link header (the Hub paginates listings with `rel="next"`).
   */
  async getDocument(
    url: string,
    maxBytes: number,
    label: string
  ): Promise<{ bytes: Uint8Array; link?: string }> {
    return this.withRetries(url, label, (until) => this.attemptDocument(new URL(url), maxBytes, until))
  }

  /**
   * Run `once` with retries. Each attempt gets its own timeout, cut to `deadline` (the remote file's overall
   * deadline, across every request, retry and backoff for it): past that the read fails with `BudgetExceeded`,
   * however slowly the server keeps sending.
   */
  private async withRetries<T>(
    url: string,
    label: string,
    once: (until: number) => Promise<T>,
    deadline?: Deadline
  ): Promise<T> {
    let attempt = 0
    const overdue = (): CheckpointError =>
      new CheckpointError(
        'BudgetExceeded',
        label,
        `the remote file was not read within its deadline of ${Math.round(deadline!.ms / 1000)} s ` +
          '(a slow or stalled server); the deadline covers every request, retry and wait for one file'
      )
    while (true) {
      if (deadline !== undefined && Date.now() >= deadline.at) throw overdue()
      try {
        await this.acquire()
        try {
          const until = Date.now() + this.attemptTimeoutMs
          return await once(deadline === undefined ? until : Math.min(until, deadline.at))
        } finally {
          this.release()
        }
      } catch (e) {
        if (deadline !== undefined && Date.now() >= deadline.at) throw overdue()
        const err =
          e instanceof AttemptError
            ? e
            : new AttemptError('HttpError', `GET ${redactUrl(url)}: ${errorText(e)}`, true)
        if (!err.retryable || attempt >= this.retries) {
          const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''
          throw new CheckpointError(err.code, label, this.scrub(err.message + tries), { cause: e })
        }
        const backoff = this.retryBaseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2)
        const left = deadline === undefined ? Infinity : deadline.at - Date.now()
        await this.sleep(Math.max(0, Math.min(this.maxRetryDelayMs, err.retryAfterMs ?? backoff, left)))
        attempt++
        this.stats.retries++
      }
    }
  }

  private readonly countBytes = (n: number): void => {
    this.stats.bytesReceived += n
  }

  private scrub(text: string): string {
    return redactText(text, [this.token])
  }

  private async acquire(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }

  private async attemptRange(
    url: URL,
    start: number,
    end: number,
    deadline: number,
    ifNoneMatch?: string
  ): Promise<RangeResult> {
    const headers: Record<string, string> = {
      range: `bytes=${start}-${end - 1}`,
      'accept-encoding': 'identity',
      'user-agent': this.userAgent
    }
    if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch
    const res = await getFollowingRedirects(url, headers, deadline, this.transport)
    const where = `GET ${redactUrl(res.url.href)}`
    const status = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`
    const fail = (code: ErrorCode, why: string, retryable = false, retryAfterMs?: number): never => {
      res.body.destroy()
      throw new AttemptError(code, `${where}: ${why}`, retryable, retryAfterMs)
    }
    const encoding = header(res.headers, 'content-encoding')
    const etag = header(res.headers, 'etag')
    if ((res.status === 200 || res.status === 206) && encoding !== undefined && encoding !== 'identity') {
      fail('HttpError', `${status} with Content-Encoding "${encoding}"; a range read needs the raw bytes`)
    }
    if (res.status === 304) {
      res.body.resume()
      if (ifNoneMatch === undefined) fail('HttpError', `${status} to a request without If-None-Match`)
      return { kind: 'not-modified', etag }
    }
    if (res.status === 206) {
      const cr = parseContentRange(header(res.headers, 'content-range'))
      if (!cr || cr.size === undefined) {
        fail(
          'HttpError',
          `${status} with an invalid Content-Range "${header(res.headers, 'content-range') ?? ''}"`
        )
      }
      const { first, last, size } = cr as { first: number; last: number; size: number }
      const wantLast = Math.min(end, size) - 1
      if (first !== start || last !== wantLast || last >= size) {
        fail(
          'HttpError',
          `${status} with Content-Range bytes ${first}-${last}/${size} for a request of bytes ${start}-${end - 1}`
        )
      }
      const length = last - first + 1
      const declared = header(res.headers, 'content-length')
      if (declared !== undefined && Number(declared) !== length) {
        fail('HttpError', `${status} with Content-Length ${declared} but Content-Range of ${length} bytes`)
      }
      const bytes = await readExactly(res, length, true, where, deadline, this.countBytes)
      return { kind: 'bytes', bytes, size, etag, rangeSupported: true }
    }
    if (res.status === 416) {
      const cr = parseContentRange(header(res.headers, 'content-range'))
      if (cr?.size !== undefined && start >= cr.size) {
        res.body.resume()
        return { kind: 'bytes', bytes: new Uint8Array(0), size: cr.size, etag, rangeSupported: true }
      }
      fail('HttpError', `${status} for bytes ${start}-${end - 1}`)
    }
    if (res.status === 200) return this.readIgnoredRange(res, start, end, where, deadline, etag)
    return this.statusError(res, status, fail)
  }

  /** The error for a status that is neither success nor redirect (see `classifyStatus`). */
  private statusError(
    res: Response,
    status: string,
    fail: (code: ErrorCode, why: string, retryable?: boolean, retryAfterMs?: number) => never
  ): never {
    const tokenWanted = this.token !== undefined && this.tokenOrigins.has(res.url.origin)
    const f = classifyStatus(res, status, tokenWanted, this.tokenOrigins.has(res.url.origin))
    return fail(f.code, f.why, f.retryable, f.retryAfterMs)
  }

  private async attemptDocument(
    url: URL,
    maxBytes: number,
    deadline: number
  ): Promise<{ bytes: Uint8Array; link?: string }> {
    const res = await getFollowingRedirects(
      url,
      { accept: 'application/json', 'accept-encoding': 'identity', 'user-agent': this.userAgent },
      deadline,
      this.transport
    )
    const where = `GET ${redactUrl(res.url.href)}`
    const status = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`
    const fail = (code: ErrorCode, why: string, retryable = false, retryAfterMs?: number): never => {
      res.body.destroy()
      throw new AttemptError(code, `${where}: ${why}`, retryable, retryAfterMs)
    }
    if (res.status !== 200) return this.statusError(res, status, fail)
    const encoding = header(res.headers, 'content-encoding')
    if (encoding !== undefined && encoding !== 'identity')
      fail('HttpError', `unexpected Content-Encoding "${encoding}"`)
    const declared = header(res.headers, 'content-length')
    if (declared !== undefined) {
      const length = Number(declared)
      if (!Number.isSafeInteger(length) || length < 0)
        fail('HttpError', `invalid Content-Length "${declared}"`)
      if (length > maxBytes)
        fail('HeaderTooLarge', `the document is ${length} bytes; the limit is ${maxBytes}`)
      return {
        bytes: await readExactly(res, length, true, where, deadline, this.countBytes),
        link: header(res.headers, 'link')
      }
    }
    return {
      bytes: await readToEnd(res, maxBytes, where, deadline, this.countBytes),
      link: header(res.headers, 'link')
    }
  }

  /** A 200 answer to a Range request: read only the prefix we need, then abort instead of streaming the file. */
  private async readIgnoredRange(
    res: Response,
    start: number,
    end: number,
    where: string,
    deadline: number,
    etag: string | undefined
  ): Promise<RangeBytes> {
    const declared = header(res.headers, 'content-length')
    const size = declared === undefined ? NaN : Number(declared)
    if (!Number.isSafeInteger(size) || size < 0) {
      res.body.destroy()
      throw new AttemptError(
        'RangeNotSupported',
        `${where}: the server ignores Range requests and sends no usable Content-Length`,
        false
      )
    }
    const need = Math.min(end, size)
    if (need > this.maxIgnoredRangePrefix) {
      res.body.destroy()
      throw new AttemptError(
        'RangeNotSupported',
        `${where}: the server ignores Range requests; reading bytes ${start}-${end - 1} would mean downloading ` +
          `${need} bytes (limit ${this.maxIgnoredRangePrefix})`,
        false
      )
    }
    const prefix = await readExactly(res, need, need === size, where, deadline, this.countBytes)
    return { kind: 'bytes', bytes: prefix.subarray(Math.min(start, need)), size, etag, rangeSupported: false }
  }
}
