/**
 * Remote locations: which strings are URLs, how `hf://` short forms become Hub `resolve` URLs, and how secrets
 * are kept out of every message. Pure functions (the environment is passed in), so they are trivially testable.
 */
import { CheckpointError } from '../errors.js'

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co'

/** A parsed `hf://[datasets/|spaces/]ORG/REPO[@REVISION]/PATH`. */
export interface HfLocation {
  /** '' for models, 'datasets' or 'spaces'. */
  repoType: '' | 'datasets' | 'spaces'
  repo: string
  revision: string
  /** Path inside the repository, '/'-separated, never empty. */
  path: string
}

/** True for the locations `openLocation` sends over the network. */
export function isRemoteLocation(location: string): boolean {
  return /^(https?|hf):\/\//i.test(location)
}

/** Normalise an endpoint (`HF_ENDPOINT`): an http(s) origin plus optional path prefix, no trailing slash. */
export function normaliseEndpoint(endpoint: string | undefined): string {
  const raw = endpoint === undefined || endpoint.trim() === '' ? DEFAULT_HF_ENDPOINT : endpoint.trim()
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new CheckpointError('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint is not a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CheckpointError(
      'InvalidUrl',
      redactUrl(raw),
      'the Hugging Face endpoint must be an http(s) URL'
    )
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new CheckpointError(
      'InvalidUrl',
      redactUrl(raw),
      'the Hugging Face endpoint must not carry credentials, a query or a fragment'
    )
  }
  return url.href.replace(/\/+$/, '')
}

const REPO_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** Parse `hf://ORG/REPO[@REVISION]/PATH`. A revision with slashes (`refs/pr/1`) is written URL-encoded. */
export function parseHfUrl(location: string): HfLocation {
  const bad = (why: string): CheckpointError =>
    new CheckpointError(
      'InvalidUrl',
      redactUrl(location),
      `${why}; expected hf://ORG/REPO[@REVISION]/PATH (or hf://datasets/ORG/REPO/PATH)`
    )
  const m = /^hf:\/\/(.*)$/i.exec(location)
  if (!m) throw bad('not an hf:// location')
  const parts = m[1].split('/')
  let repoType: HfLocation['repoType'] = ''
  if (parts[0] === 'datasets' || parts[0] === 'spaces') repoType = parts.shift() as 'datasets' | 'spaces'
  if (parts.length < 3) throw bad('missing the organisation, the repository or the file path')
  const org = parts[0]
  let name = parts[1]
  let revision = 'main'
  const at = name.indexOf('@')
  if (at >= 0) {
    revision = decodeComponent(name.slice(at + 1), bad)
    name = name.slice(0, at)
    if (revision === '') throw bad('empty revision after @')
  }
  if (!REPO_PART.test(org) || !REPO_PART.test(name)) throw bad(`invalid repository id "${org}/${name}"`)
  const pathParts = parts.slice(2).map((p) => decodeComponent(p, bad))
  if (pathParts.some((p) => p === '' || p === '.' || p === '..')) {
    throw bad('the file path has an empty, "." or ".." segment')
  }
  return { repoType, repo: `${org}/${name}`, revision, path: pathParts.join('/') }
}

function decodeComponent(s: string, bad: (why: string) => CheckpointError): string {
  try {
    return decodeURIComponent(s)
  } catch {
    throw bad(`invalid percent-encoding in "${s}"`)
  }
}

/** The Hub URL serving a file's bytes: `${endpoint}/[datasets/]ORG/REPO/resolve/REVISION/PATH`. */
export function hfResolveUrl(loc: HfLocation, endpoint: string = DEFAULT_HF_ENDPOINT): string {
  const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`
  const path = loc.path.split('/').map(encodeURIComponent).join('/')
  return `${normaliseEndpoint(endpoint)}/${prefix}${loc.repo}/resolve/${encodeURIComponent(loc.revision)}/${path}`
}

/**
 * The http(s) URL for a location: `hf://` is resolved against the endpoint, and a Hub page URL copied from a
 * browser (`.../blob/REV/PATH`) is turned into its `resolve` form, which serves the raw bytes.
 */
export function toHttpUrl(location: string, endpoint: string = DEFAULT_HF_ENDPOINT): string {
  if (/^hf:\/\//i.test(location)) return hfResolveUrl(parseHfUrl(location), endpoint)
  let url: URL
  try {
    url = new URL(location)
  } catch {
    throw new CheckpointError('InvalidUrl', redactUrl(location), 'not a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CheckpointError('InvalidUrl', redactUrl(location), `unsupported scheme ${url.protocol}`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new CheckpointError(
      'InvalidUrl',
      redactUrl(location),
      'credentials in the URL are not accepted; pass a token with --hf-token or HF_TOKEN'
    )
  }
  const hub = new URL(normaliseEndpoint(endpoint))
  if (url.origin === hub.origin) {
    const base = hub.pathname.replace(/\/+$/, '')
    const rest = url.pathname.slice(base.length)
    const blob = /^(\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+)\/blob\/(.+)$/.exec(rest)
    if (url.pathname.startsWith(base) && blob) url.pathname = `${base}${blob[1]}/resolve/${blob[2]}`
  }
  url.hash = ''
  return url.href
}

/** Join a relative file name (a shard listed in an index) onto a remote location, keeping its scheme. */
export function resolveRemoteRelative(base: string, relative: string): string {
  if (isRemoteLocation(relative)) return relative
  if (/^hf:\/\//i.test(base)) {
    const loc = parseHfUrl(base)
    const dir = loc.path.split('/').slice(0, -1)
    for (const part of relative.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') {
        if (dir.length === 0)
          throw new CheckpointError('InvalidUrl', relative, `escapes the repository of ${base}`)
        dir.pop()
      } else dir.push(part)
    }
    const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`
    const rev = loc.revision === 'main' ? '' : `@${encodeURIComponent(loc.revision)}`
    return `hf://${prefix}${loc.repo}${rev}/${dir.map(encodeURIComponent).join('/')}`
  }
  return new URL(relative.split('/').map(encodeURIComponent).join('/'), base).href
}

/** Query parameters whose values are credentials or signatures (signed CDN URLs carry them). */
const SECRET_PARAM =
  /^(token|access_token|auth|key|api_key|apikey|sig|signature|policy|key-pair-id|x-amz-.*|x-goog-.*|credential|password|secret)$/i

/** A URL safe to print: no user-info, and secret query values replaced by `***`. Non-URLs are scrubbed as text. */
export function redactUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return redactText(raw)
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '***'
    url.password = ''
  }
  for (const key of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) url.searchParams.set(key, '***')
  }
  return url.href.replace(/%2A%2A%2A/g, '***')
}

/**
 * Remove secrets from free text: every given secret verbatim, Hugging Face tokens (`hf_...`), bearer values, and
 * credentials embedded in URLs.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
  for (const s of secrets) {
    if (s !== undefined && s.length >= 4) out = out.split(s).join('***')
  }
  out = out.replace(/\bhf_[A-Za-z0-9]{8,}/g, 'hf_***')
  out = out.replace(/(bearer\s+)[^\s"']+/gi, '$1***')
  out = out.replace(/(https?:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, '$1***@')
  out = out.replace(
    /([?&](?:token|access_token|sig|signature|x-amz-signature|x-amz-credential)=)[^&\s"']+/gi,
    '$1***'
  )
  return out
}
