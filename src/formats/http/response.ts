/**
 * Response plumbing for the range client: reading bodies exactly (or up to a bound) with a deadline, and parsing
 * the headers that decide whether a range answer can be trusted. Failures are `AttemptError`s, which the client's
 * retry loop classifies and turns into `CheckpointError`s.
 */
import type http from 'node:http'
import type { ErrorCode } from '../errors.js'

export interface Response {
  status: number
  statusText: string
  headers: http.IncomingHttpHeaders
  body: http.IncomingMessage
  /** The URL that answered (after redirects). */
  url: URL
  /** True when `url` was reached through at least one redirect. */
  redirected: boolean
}

/** An attempt failure, classified for the retry loop. */
export class AttemptError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number
  ) {
    super(message)
  }
}

/**
 * The scaffold both body readers share: the promise settles once, a deadline timer bounds the whole read, and a
 * failure destroys the socket so an unwanted body stops flowing. `attach` wires the body's events to `finish`;
 * `result` gives the value on success.
 */
function readBody<T>(
  res: Response,
  where: string,
  deadline: number,
  result: () => T,
  attach: (body: http.IncomingMessage, finish: (err?: Error) => void, settled: () => boolean) => void
): Promise<T> {
  const body = res.body
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const finish = (err?: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) {
        body.destroy()
        reject(err)
      } else resolve(result())
    }
    const timer = setTimeout(
      () => finish(new AttemptError('HttpError', `${where}: timed out reading the body`, true)),
      Math.max(0, deadline - Date.now())
    )
    attach(body, finish, () => settled)
  })
}

/** A body without Content-Length (chunked): read to its end, refusing more than `maxBytes`. */
export function readToEnd(
  res: Response,
  maxBytes: number,
  where: string,
  deadline: number,
  onBytes: (n: number) => void
): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let got = 0
  return readBody(
    res,
    where,
    deadline,
    () => new Uint8Array(Buffer.concat(chunks)),
    (body, finish) => {
      body.on('data', (chunk: Buffer) => {
        onBytes(chunk.length)
        got += chunk.length
        if (got > maxBytes) {
          finish(
            new AttemptError(
              'HeaderTooLarge',
              `${where}: the document is over the ${maxBytes}-byte limit`,
              false
            )
          )
        } else chunks.push(chunk)
      })
      body.on('end', () => finish())
      body.on('error', (e) =>
        finish(new AttemptError('HttpError', `${where}: connection failed: ${errorText(e)}`, true))
      )
      body.on('close', () => {
        if (!body.complete) finish(new AttemptError('HttpError', `${where}: truncated response`, true))
        else finish()
      })
    }
  )
}

/**
 * Read exactly `length` body bytes. With `whole`, the body must end there; otherwise the rest is abandoned
 * (the socket is destroyed, so a 30 GB body stops flowing).
 */
export function readExactly(
  res: Response,
  length: number,
  whole: boolean,
  where: string,
  deadline: number,
  onBytes: (n: number) => void
): Promise<Uint8Array> {
  const out = new Uint8Array(length)
  let got = 0
  const truncated = () =>
    new AttemptError(
      'HttpError',
      `${where}: truncated response, body ended after ${got} of ${length} bytes`,
      true
    )
  return readBody(
    res,
    where,
    deadline,
    () => out,
    (body, finish, settled) => {
      body.on('data', (chunk: Buffer) => {
        if (settled()) return
        onBytes(chunk.length)
        const take = Math.min(chunk.length, length - got)
        out.set(chunk.subarray(0, take), got)
        got += take
        if (take < chunk.length && whole) {
          finish(
            new AttemptError(
              'HttpError',
              `${where}: the body is longer than the ${length} bytes announced`,
              false
            )
          )
        } else if (got === length && !whole) {
          body.destroy()
          finish()
        }
      })
      body.on('end', () => finish(got === length ? undefined : truncated()))
      body.on('error', (e) =>
        finish(
          new AttemptError(
            'HttpError',
            `${where}: connection failed after ${got} of ${length} body bytes: ${errorText(e)}`,
            true
          )
        )
      )
      body.on('close', () => finish(got === length ? undefined : truncated()))
      if (length === 0 && !whole) finish()
    }
  )
}

export function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name]
  if (Array.isArray(v)) return v[0]
  return v === undefined ? undefined : v.trim()
}

/** `bytes a-b/N`, `bytes a-b/*` or `bytes *\/N`. */
export function parseContentRange(
  value: string | undefined
):
  | { first: number; last: number; size?: number }
  | { first?: undefined; last?: undefined; size: number }
  | undefined {
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

export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: string }).code
    return code !== undefined && !e.message.includes(code) ? `${code} ${e.message}` : e.message
  }
  return String(e)
}

/**
 * Why a final (non-2xx, non-redirect) status failed: auth problems get a message about the token, a refusal from
 * a download host reached by redirect (no token goes there) is about its signed link, 404/410 are FileNotFound,
 * 429 and 5xx are retryable (with the server's Retry-After).
 */
export function classifyStatus(
  res: Response,
  status: string,
  tokenSent: boolean,
  tokenOrigin: boolean
): { code: ErrorCode; why: string; retryable: boolean; retryAfterMs?: number } {
  if (res.status === 401 || res.status === 403) {
    const why =
      res.redirected && !tokenOrigin
        ? `${status} from the download host after a redirect; the signed download link was refused (it may ` +
          `have expired): retry, and check that the token can read this repository`
        : tokenSent
          ? `${status}: the server refused the token; check that it is valid and has read access to this ` +
            `repository (gated models also need their terms accepted on the Hub)`
          : `${status}: authentication required; set HF_TOKEN or pass --hf-token with a token that can read this file`
    return { code: 'RemoteAuth', why, retryable: false }
  }
  if (res.status === 404 || res.status === 410) return { code: 'FileNotFound', why: status, retryable: false }
  if (res.status === 429 || res.status >= 500) {
    return {
      code: 'HttpError',
      why: status,
      retryable: true,
      retryAfterMs: parseRetryAfter(header(res.headers, 'retry-after'))
    }
  }
  return { code: 'HttpError', why: `unexpected ${status}`, retryable: false }
}
