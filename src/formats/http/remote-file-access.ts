/**
 * `FileAccess` (src/formats/file-access.ts) over remote locations, so the sharded and diffusers readers work on
 * `hf://` and `https://` paths unchanged. Local paths fall through to the local implementation.
 *
 * Requests are kept to the minimum: `kind(file)` is answered by opening the file (the opening request is the one
 * the reader needs anyway) and the opened source is handed to the `open` that follows, so checking then reading a
 * shard costs one request, not two. Folders exist only on the Hub, where its tree API lists them.
 */
import { CheckpointError } from '../errors.js'
import { localFileAccess, type EntryKind, type FileAccess } from '../file-access.js'
import type { ByteSource } from '../source.js'
import type { RemoteContext } from './open-location.js'
import { isRemoteLocation, parseHfUrl, redactUrl, type HfLocation } from './url.js'
import { REMOTE_LIMITS } from '../limits.js'

/** A Hub folder listing is small; more pages than this is a hostile or broken answer. */
const MAX_LISTING_BYTES = REMOTE_LIMITS.maxListingBytes
const MAX_LISTING_PAGES = REMOTE_LIMITS.maxListingPages
/** Probed sources waiting for their `open`; beyond this the oldest is dropped (it holds no handle). */
const MAX_PROBES = REMOTE_LIMITS.maxPendingProbes

export function remoteFileAccess(ctx: RemoteContext, local: FileAccess = localFileAccess): FileAccess {
  const probes = new Map<string, ByteSource>()
  const listings = new Map<string, Promise<Map<string, EntryKind>>>()

  const listHf = (dir: string): Promise<Map<string, EntryKind>> => {
    let p = listings.get(dir)
    if (!p) {
      p = hubListing(ctx, dir)
      listings.set(dir, p)
      p.catch(() => listings.delete(dir))
    }
    return p
  }

  return {
    async open(path) {
      if (!isRemoteLocation(path)) return local.open(path)
      const probed = probes.get(path)
      if (probed) {
        probes.delete(path)
        return probed
      }
      return ctx.open(path)
    },
    async list(dir) {
      if (!isRemoteLocation(dir)) return local.list(dir)
      if (!/^hf:\/\//i.test(dir)) {
        throw new CheckpointError(
          'IoError',
          redactUrl(dir),
          'cannot list a folder over plain HTTP; give the URL of the file, the *.safetensors.index.json or the ' +
            'model_index.json (or use an hf:// location)'
        )
      }
      return [...(await listHf(dir)).keys()]
    },
    async kind(path) {
      if (!isRemoteLocation(path)) return local.kind(path)
      if (/^hf:\/\//i.test(path) && hfPathOf(path) === '') return 'dir'
      try {
        const source = await ctx.open(path)
        if (probes.size >= MAX_PROBES) probes.delete(probes.keys().next().value as string)
        probes.set(path, source)
        return 'file'
      } catch (e) {
        if (!(e instanceof CheckpointError) || e.code !== 'FileNotFound') throw e
      }
      if (!/^hf:\/\//i.test(path)) return undefined
      const entries = await listHf(remoteDirname(path))
      return entries.get(remoteBasename(path))
    },
    join: (dir, name) =>
      isRemoteLocation(dir)
        ? `${dir.replace(/\/+$/, '')}/${encodeURIComponent(name)}`
        : local.join(dir, name),
    dirname: (path) => (isRemoteLocation(path) ? remoteDirname(path) : local.dirname(path)),
    basename: (path) => (isRemoteLocation(path) ? remoteBasename(path) : local.basename(path))
  }
}

/** `hf://org/repo@rev/a/b` -> `hf://org/repo@rev/a`; `https://h/a/b?q` -> `https://h/a`. */
export function remoteDirname(path: string): string {
  const noQuery = path.replace(/[?#].*$/, '')
  const slash = noQuery.lastIndexOf('/')
  const root = rootLength(noQuery)
  return slash <= root ? noQuery.slice(0, root) : noQuery.slice(0, slash)
}

export function remoteBasename(path: string): string {
  const noQuery = path.replace(/[?#].*$/, '')
  const last = noQuery.slice(Math.max(rootLength(noQuery), noQuery.lastIndexOf('/') + 1))
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** Length of the part a dirname never removes: `https://host` or `hf://[datasets/]org/repo[@rev]`. */
function rootLength(path: string): number {
  const m = /^(hf:\/\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+|https?:\/\/[^/]+)/i.exec(path)
  return m ? m[1].length : 0
}

/** The in-repository path of an hf:// location ('' for the repository root). */
function hfPathOf(location: string): string {
  const root = rootLength(location)
  return location.slice(root).replace(/^\/+|\/+$/g, '')
}

/** List an hf:// folder with the Hub tree API (`/api/models/ORG/REPO/tree/REV/PATH`), following pagination. */
async function hubListing(ctx: RemoteContext, dir: string): Promise<Map<string, EntryKind>> {
  const inRepo = hfPathOf(dir)
  // parseHfUrl needs a file path: parse a placeholder child to get repo, type and revision.
  const loc: HfLocation = parseHfUrl(`${dir.replace(/\/+$/, '')}/x`)
  const type = loc.repoType === '' ? 'models' : loc.repoType
  const pathPart =
    inRepo === ''
      ? ''
      : `/${inRepo
          .split('/')
          .map((p) => encodeURIComponent(decodeURIComponent(p)))
          .join('/')}`
  let url: string | undefined =
    `${ctx.endpoint}/api/${type}/${loc.repo}/tree/${encodeURIComponent(loc.revision)}${pathPart}`
  const out = new Map<string, EntryKind>()
  const name = redactUrl(dir)
  for (let page = 0; url !== undefined; page++) {
    if (page >= MAX_LISTING_PAGES) {
      throw new CheckpointError('IoError', name, `the Hub listing has more than ${MAX_LISTING_PAGES} pages`)
    }
    const { bytes, link } = await ctx.client.getDocument(url, MAX_LISTING_BYTES, name)
    let entries: unknown
    try {
      entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    } catch (e) {
      throw new CheckpointError('IoError', name, 'the Hub folder listing is not valid JSON', { cause: e })
    }
    if (!Array.isArray(entries))
      throw new CheckpointError('IoError', name, 'the Hub folder listing is not an array')
    for (const entry of entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue
      const { type: kind, path } = entry as { type?: unknown; path?: unknown }
      if (typeof path !== 'string') continue
      const base = path.slice(path.lastIndexOf('/') + 1)
      if (kind === 'file') out.set(base, 'file')
      else if (kind === 'directory') out.set(base, 'dir')
    }
    const next = link === undefined ? undefined : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1]
    url = next === undefined ? undefined : new URL(next, url).href
  }
  return out
}
