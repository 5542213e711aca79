/**
 * One local HTTP server on 127.0.0.1 standing in for everything the action talks to: the GitHub API (issue
 * comments, the token's identity), the artifact service (Twirp + block-blob PUTs) and the cache service v2 (Twirp + blob PUT/GET).
 * It is stateful across runs of the action, so "comment created then updated" and "cache hit on the second run"
 * are observed, not assumed.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
}

export interface RecordedRequest {
  method: string
  path: string
  auth?: string
}

export interface FakeServices {
  url: string
  comments: FakeComment[]
  requests: RecordedRequest[]
  /** Uploaded artifacts by name: the committed blob bytes. */
  artifacts: Map<string, Buffer>
  /** Cache entries by `key|version`. */
  cacheEntries: Map<string, Buffer>
  /** HTTP status for comment writes (403 simulates a read-only token), 0 for normal behaviour. */
  /** forbidWrites: answer writes with this status; comments: 'ok', 'hang' (never answer) or an error status. */
  options: { forbidWrites: number; comments: 'ok' | 'hang' | number }
  close(): Promise<void>
}

const ARTIFACT_TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
const CACHE_TWIRP = '/twirp/github.actions.results.api.v1.CacheService/'

/** `unref`: do not keep the process alive (a benchmark harness that never closes it). */
export async function startFakeServices(opts: { unref?: boolean } = {}): Promise<FakeServices> {
  const comments: FakeComment[] = []
  const requests: RecordedRequest[] = []
  const artifacts = new Map<string, Buffer>()
  const cacheEntries = new Map<string, Buffer>()
  const pendingCache = new Map<string, string>() // blob id -> key|version
  const blocks = new Map<string, Buffer>()
  const options: FakeServices['options'] = { forbidWrites: 0, comments: 'ok' }
  let nextId = 1000
  let base = ''

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const u = new URL(req.url ?? '/', 'http://x')
      requests.push({ method: req.method ?? '', path: u.pathname, auth: req.headers.authorization })
      const json = () => (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {})
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      const blobOk = (status: number) => {
        res.writeHead(status, {
          'x-ms-request-id': String(nextId++),
          'x-ms-version': '2023-11-03',
          etag: '"0x1"',
          'last-modified': new Date().toUTCString(),
          'content-length': '0'
        })
        res.end()
      }
      let m: RegExpMatchArray | null

      // ---- GitHub API: who the token is (GraphQL viewer answers; GET /user is refused, as for GITHUB_TOKEN)
      if (u.pathname === '/graphql' && req.method === 'POST') {
        if (!/viewer\s*\{\s*login/.test(String(json().query)))
          return send(400, { message: 'unexpected query' })
        return send(200, { data: { viewer: { login: 'github-actions[bot]' } } })
      }
      if (u.pathname === '/user') return send(403, { message: 'Resource not accessible by integration' })

      // ---- GitHub REST API: issue comments
      if ((m = u.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
        if (options.comments === 'hang') return // the request is left open: a GitHub API that never answers
        if (options.comments !== 'ok') return send(options.comments, { message: 'Server Error' })
        if (req.method === 'GET') return send(200, comments)
        if (options.forbidWrites) {
          return send(options.forbidWrites, {
            message: 'Resource not accessible by integration',
            status: String(options.forbidWrites)
          })
        }
        const c = {
          id: nextId++,
          body: json().body as string,
          user: { login: 'github-actions[bot]', type: 'Bot' }
        }
        comments.push(c)
        return send(201, c)
      }
      if (
        (m = u.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/)) &&
        req.method === 'PATCH'
      ) {
        if (options.forbidWrites)
          return send(options.forbidWrites, { message: 'Resource not accessible by integration' })
        const c = comments.find((x) => x.id === Number(m![1]))
        if (!c) return send(404, { message: 'Not Found' })
        c.body = json().body as string
        return send(200, c)
      }

      // ---- Artifact service
      if (u.pathname.startsWith(ARTIFACT_TWIRP)) {
        const method = u.pathname.slice(ARTIFACT_TWIRP.length)
        const body = json()
        if (method === 'CreateArtifact') {
          return send(200, {
            ok: true,
            signedUploadUrl: `${base}/artifact-blob/${encodeURIComponent(body.name)}?sig=x`
          })
        }
        if (method === 'FinalizeArtifact') return send(200, { ok: true, artifactId: '4242' })
        return send(404, { code: 'not_found', msg: method })
      }
      if ((m = u.pathname.match(/^\/artifact-blob\/([^/]+)$/)) && req.method === 'PUT') {
        const name = decodeURIComponent(m[1])
        const comp = u.searchParams.get('comp')
        if (comp === 'block') {
          blocks.set(`${name}/${u.searchParams.get('blockid')}`, raw)
          return blobOk(201)
        }
        if (comp === 'blocklist') {
          const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
            (x) => x[1]
          )
          artifacts.set(name, Buffer.concat(ids.map((id) => blocks.get(`${name}/${id}`) ?? Buffer.alloc(0))))
          return blobOk(201)
        }
        artifacts.set(name, raw)
        return blobOk(201)
      }

      // ---- Cache service v2
      if (u.pathname.startsWith(CACHE_TWIRP)) {
        const method = u.pathname.slice(CACHE_TWIRP.length)
        const body = json()
        if (method === 'GetCacheEntryDownloadURL') {
          const keys: string[] = [body.key, ...(body.restoreKeys ?? [])]
          for (const k of keys) {
            const hit = [...cacheEntries.keys()].find((e) => e === `${k}|${body.version}`)
            if (hit) {
              return send(200, {
                ok: true,
                signedDownloadUrl: `${base}/cache-blob/${encodeURIComponent(hit)}`,
                matchedKey: k
              })
            }
          }
          return send(200, { ok: false, signedDownloadUrl: '', matchedKey: '' })
        }
        if (method === 'CreateCacheEntry') {
          const id = `${body.key}|${body.version}`
          if (cacheEntries.has(id)) return send(409, { code: 'already_exists', msg: 'cache entry exists' })
          const blob = String(nextId++)
          pendingCache.set(blob, id)
          return send(200, { ok: true, signedUploadUrl: `${base}/cache-upload/${blob}?sig=x` })
        }
        if (method === 'FinalizeCacheEntryUpload') return send(200, { ok: true, entryId: '77' })
        return send(404, { code: 'not_found', msg: method })
      }
      if ((m = u.pathname.match(/^\/cache-upload\/(\d+)$/)) && req.method === 'PUT') {
        const id = pendingCache.get(m[1])
        if (!id) return send(404, {})
        const comp = u.searchParams.get('comp')
        if (comp === 'block') {
          blocks.set(`cache/${m[1]}/${u.searchParams.get('blockid')}`, raw)
          return blobOk(201)
        }
        if (comp === 'blocklist') {
          const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
            (x) => x[1]
          )
          cacheEntries.set(
            id,
            Buffer.concat(ids.map((b) => blocks.get(`cache/${m![1]}/${b}`) ?? Buffer.alloc(0)))
          )
          return blobOk(201)
        }
        cacheEntries.set(id, raw)
        return blobOk(201)
      }
      if ((m = u.pathname.match(/^\/cache-blob\/(.+)$/)) && req.method === 'GET') {
        const data = cacheEntries.get(decodeURIComponent(m[1]))
        if (!data) return send(404, {})
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(data.length)
        })
        return res.end(data)
      }
      send(404, { message: `no route ${req.method} ${u.pathname}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  if (opts.unref) server.unref()
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    comments,
    requests,
    artifacts,
    cacheEntries,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
