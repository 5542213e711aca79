/**
 * A small HTTP client for byte ranges, on node:http(s) only (no dependency, same behaviour on Node 20 and 24).
 * It owns everything that makes remote reads robust: redirects (the token never leaves its origin), idle and
 * total timeouts, bounded retries with backoff that honour Retry-After, servers that ignore Range, truncated
 * bodies and lying Content-Range headers. Every failure is a `CheckpointError` naming the location and status,
 * with secrets scrubbed.
 */
import http from 'node:http'
import https from 'node:https'
import { CheckpointError, type ErrorCode } from '../errors.js'
import { normaliseEndpoint, redactText, redactUrl } from './url.js'

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

interface Response {
  status: number
  statusText: string
  headers: http.IncomingHttpHeaders
  body: http.IncomingMessage
  url: URL
}

/** An attempt failure, classified for the retry loop. */
class AttemptError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number
  ) {
    super(message)
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, bytesReceived: 0, retries: 0 }
  private readonly token?: string
  private readonly tokenOrigins: Set<string>
  private readonly idleTimeoutMs: number
  private readonly attemptTimeoutMs: number
  private readonly retries: number
  private readonly retryBaseDelayMs: number
  private readonly maxRetryDelayMs: number
  private readonly maxRedirects: number
  readonly maxIgnoredRangePrefix: number
  private readonly userAgent: string
  private readonly sleep: (ms: number) => Promise<void>
  private readonly maxConcurrent: number
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(opts: HttpClientOptions = {}) {
    this.token = opts.token === undefined || opts.token === '' ? undefined : opts.token
    this.tokenOrigins = new Set(
      (opts.tokenOrigins ?? [normaliseEndpoint(undefined)]).map((o) => new URL(normaliseEndpoint(o)).origin)
    )
    this.idleTimeoutMs = opts.idleTimeoutMs ?? 30_000
    this.attemptTimeoutMs = opts.attemptTimeoutMs ?? 120_000
    this.retries = Math.max(0, opts.retries ?? 4)
    this.retryBaseDelayMs = opts.retryBaseDelayMs ?? 500
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000
    this.maxRedirects = opts.maxRedirects ?? 10
    this.maxConcurrent = Math.max(1, opts.maxConcurrent ?? 8)
    this.maxIgnoredRangePrefix = opts.maxIgnoredRangePrefix ?? 64 * 1024 * 1024
    this.userAgent = opts.userAgent ?? 'model-compat (header-only reader)'
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
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
    ifNoneMatch?: string
  ): Promise<RangeResult> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
      throw new CheckpointError('IoError', label, `invalid byte range ${start}..${end}`)
    }
    let attempt = 0
    while (true) {
      try {
        await this.acquire()
        try {
          return await this.attemptRange(new URL(url), start, end, ifNoneMatch)
        } finally {
          this.release()
        }
      } catch (e) {
        const err =
          e instanceof AttemptError
            ? e
            : new AttemptError('HttpError', `GET ${redactUrl(url)}: ${errorText(e)}`, true)
        if (!err.retryable || attempt >= this.retries) {
          const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''
          throw new CheckpointError(err.code, label, this.scrub(err.message + tries), { cause: e })
        }
        const backoff = this.retryBaseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2)
        await this.sleep(Math.min(this.maxRetryDelayMs, err.retryAfterMs ?? backoff))
        attempt++
        this.stats.retries++
      }
    }
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

  private async attemptRange(url: URL, start: number, end: number, ifNoneMatch?: string): Promise<RangeResult> {
    const deadline = Date.now() + this.attemptTimeoutMs
    const headers: Record<string, string> = {
      range: `bytes=${start}-${end - 1}`,
      'accept-encoding': 'identity',
      'user-agent': this.userAgent
    }
    if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch
    const res = await this.follow(url, headers, deadline)
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
        fail('HttpError', `${status} with an invalid Content-Range "${header(res.headers, 'content-range') ?? ''}"`)
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
      const bytes = await this.readBody(res, length, true, where, deadline)
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
    if (res.status === 401 || res.status === 403) {
      const sent = this.tokenOrigins.has(res.url.origin) && this.token !== undefined
      fail(
        'RemoteAuth',
        sent
          ? `${status}: the server refused the token; check that it is valid and has read access to this repository ` +
              `(gated models also need their terms accepted on the Hub)`
          : `${status}: authentication required; set HF_TOKEN or pass --hf-token with a token that can read this file`
      )
    }
    if (res.status === 404 || res.status === 410) fail('FileNotFound', status)
    if (res.status === 429 || res.status >= 500) {
      fail('HttpError', status, true, parseRetryAfter(header(res.headers, 'retry-after')))
    }
    return fail('HttpError', `unexpected ${status}`)
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
    const prefix = await this.readBody(res, need, need === size, where, deadline)
    return { kind: 'bytes', bytes: prefix.subarray(Math.min(start, need)), size, etag, rangeSupported: false }
  }

  /**
   * Read exactly `length` body bytes. With `whole`, the body must end there; otherwise the rest is abandoned
   * (the socket is destroyed, so a 30 GB body stops flowing).
   */
  private readBody(
    res: Response,
    length: number,
    whole: boolean,
    where: string,
    deadline: number
  ): Promise<Uint8Array> {
    const body = res.body
    return new Promise<Uint8Array>((resolve, reject) => {
      const out = new Uint8Array(length)
      let got = 0
      let settled = false
      const timer = setTimeout(
        () => finish(new AttemptError('HttpError', `${where}: timed out reading the body`, true)),
        Math.max(0, deadline - Date.now())
      )
      const finish = (err?: Error): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (err) {
          body.destroy()
          reject(err)
        } else resolve(out)
      }
      body.on('data', (chunk: Buffer) => {
        if (settled) return
        this.stats.bytesReceived += chunk.length
        const take = Math.min(chunk.length, length - got)
        out.set(chunk.subarray(0, take), got)
        got += take
        if (take < chunk.length && whole) {
          finish(new AttemptError('HttpError', `${where}: the body is longer than the ${length} bytes announced`, false))
        } else if (got === length && !whole) {
          body.destroy()
          finish()
        }
      })
      body.on('end', () => {
        if (got === length) finish()
        else
          finish(
            new AttemptError('HttpError', `${where}: truncated response, body ended after ${got} of ${length} bytes`, true)
          )
      })
      body.on('error', (e) =>
        finish(
          new AttemptError(
            'HttpError',
            `${where}: connection failed after ${got} of ${length} body bytes: ${errorText(e)}`,
            true
          )
        )
      )
      body.on('close', () => {
        if (got === length) finish()
        else
          finish(
            new AttemptError('HttpError', `${where}: truncated response, body ended after ${got} of ${length} bytes`, true)
          )
      })
      if (length === 0 && !whole) finish()
    })
  }

  /** Send a GET and follow redirects; the token goes only to allowed origins, never to a CDN. */
  private async follow(start: URL, headers: Record<string, string>, deadline: number): Promise<Response> {
    let url = start
    for (let hop = 0; ; hop++) {
      const hopHeaders = { ...headers }
      if (this.token !== undefined && this.tokenOrigins.has(url.origin)) {
        hopHeaders.authorization = `Bearer ${this.token}`
      }
      const res = await this.send(url, hopHeaders, deadline)
      if (!REDIRECTS.has(res.status)) return res
      res.body.resume()
      const where = `GET ${redactUrl(url.href)}`
      const location = header(res.headers, 'location')
      if (location === undefined) {
        throw new AttemptError('HttpError', `${where}: HTTP ${res.status} redirect without a Location`, false)
      }
      if (hop >= this.maxRedirects) {
        throw new AttemptError('HttpError', `${where}: more than ${this.maxRedirects} redirects`, false)
      }
      let next: URL
      try {
        next = new URL(location, url)
      } catch {
        throw new AttemptError('HttpError', `${where}: HTTP ${res.status} to an invalid Location`, false)
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new AttemptError('HttpError', `${where}: redirect to unsupported scheme ${next.protocol}`, false)
      }
      if (url.protocol === 'https:' && next.protocol === 'http:') {
        throw new AttemptError('HttpError', `${where}: refusing a redirect from https to plain http`, false)
      }
      url = next
    }
  }

  private send(url: URL, headers: Record<string, string>, deadline: number): Promise<Response> {
    this.stats.requests++
    const lib = url.protocol === 'https:' ? https : http
    return new Promise<Response>((resolve, reject) => {
      const where = `GET ${redactUrl(url.href)}`
      const req = lib.request(url, { method: 'GET', headers, agent: false })
      const total = setTimeout(
        () => req.destroy(new AttemptError('HttpError', `${where}: timed out after ${this.attemptTimeoutMs} ms`, true)),
        Math.max(0, deadline - Date.now())
      )
      req.setTimeout(this.idleTimeoutMs, () =>
        req.destroy(new AttemptError('HttpError', `${where}: no response for ${this.idleTimeoutMs} ms`, true))
      )
      req.on('error', (e) => {
        clearTimeout(total)
        reject(
          e instanceof AttemptError ? e : new AttemptError('HttpError', `${where}: ${errorText(e)}`, true)
        )
      })
      req.on('response', (res) => {
        // The attempt timer keeps running while the body is read (readBody has its own deadline too).
        res.on('close', () => clearTimeout(total))
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: res,
          url
        })
      })
      req.end()
    })
  }
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name]
  if (Array.isArray(v)) return v[0]
  return v === undefined ? undefined : v.trim()
}

/** `bytes a-b/N`, `bytes a-b/*` or `bytes *\/N`. */
export function parseContentRange(
  value: string | undefined
): { first: number; last: number; size?: number } | { first?: undefined; last?: undefined; size: number } | undefined {
  if (value === undefined) return undefined
  const full = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value.trim())
  if (full) {
    const first = Number(full[1])
    const last = Number(full[2])
    const size = full[3] === '*' ? undefined : Number(full[3])
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first) return undefined
    if (size !== undefined && !Number.isSafeInteger(size)) return undefined
    return { first, last, size }
  }
  const unsatisfied = /^bytes\s+\*\/(\d+)$/i.exec(value.trim())
  if (unsatisfied && Number.isSafeInteger(Number(unsatisfied[1]))) return { size: Number(unsatisfied[1]) }
  return undefined
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: string }).code
    return code !== undefined && !e.message.includes(code) ? `${code} ${e.message}` : e.message
  }
  return String(e)
}
