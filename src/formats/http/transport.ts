/**
 * One GET on node:http(s), following redirects: the hop rules that keep a token at home (it goes only to the
 * allowed origins, never to a CDN a redirect points at; no https -> http downgrade; bounded hops) and the
 * per-request timers (idle, and the attempt's deadline). Retries, ranges and status handling are the client's
 * (client.ts); this module only sends and follows.
 */
import http from 'node:http'
import https from 'node:https'
import { AttemptError, errorText, header, type Response } from './response.js'
import { redactUrl } from './url.js'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** What a request needs from its client: the token rules, the limits, and a counter for the client's stats. */
export interface Transport {
  readonly token: string | undefined
  readonly tokenOrigins: ReadonlySet<string>
  readonly maxRedirects: number
  readonly idleTimeoutMs: number
  readonly attemptTimeoutMs: number
  readonly countRequest: () => void
}

/** Send a GET and follow redirects; the token goes only to allowed origins, never to a CDN. */
export async function getFollowingRedirects(
  start: URL,
  headers: Record<string, string>,
  deadline: number,
  t: Transport
): Promise<Response> {
  let url = start
  for (let hop = 0; ; hop++) {
    const hopHeaders = { ...headers }
    if (t.token !== undefined && t.tokenOrigins.has(url.origin)) {
      hopHeaders.authorization = `Bearer ${t.token}`
    }
    const res = await send(url, hopHeaders, deadline, t)
    if (!REDIRECTS.has(res.status)) return { ...res, redirected: hop > 0 }
    res.body.resume()
    const where = `GET ${redactUrl(url.href)}`
    const location = header(res.headers, 'location')
    if (location === undefined) {
      throw new AttemptError('HttpError', `${where}: HTTP ${res.status} redirect without a Location`, false)
    }
    if (hop >= t.maxRedirects) {
      throw new AttemptError('HttpError', `${where}: more than ${t.maxRedirects} redirects`, false)
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

function send(url: URL, headers: Record<string, string>, deadline: number, t: Transport): Promise<Response> {
  t.countRequest()
  const lib = url.protocol === 'https:' ? https : http
  return new Promise<Response>((resolve, reject) => {
    const where = `GET ${redactUrl(url.href)}`
    const req = lib.request(url, { method: 'GET', headers, agent: false })
    const total = setTimeout(
      () =>
        req.destroy(
          new AttemptError('HttpError', `${where}: timed out after ${t.attemptTimeoutMs} ms`, true)
        ),
      Math.max(0, deadline - Date.now())
    )
    // While a request is open its socket keeps the process alive; the deadline timer alone must not (a body
    // left unread after the bytes we needed would otherwise hold the process until the deadline).
    total.unref()
    req.setTimeout(t.idleTimeoutMs, () =>
      req.destroy(new AttemptError('HttpError', `${where}: no response for ${t.idleTimeoutMs} ms`, true))
    )
    req.on('error', (e) => {
      clearTimeout(total)
      reject(e instanceof AttemptError ? e : new AttemptError('HttpError', `${where}: ${errorText(e)}`, true))
    })
    req.on('response', (res) => {
      // The attempt timer keeps running while the body is read (readBody has its own deadline too).
      res.on('close', () => clearTimeout(total))
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        body: res,
        url,
        redirected: false
      })
    })
    req.end()
  })
}
