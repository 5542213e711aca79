/**
 * One entry point for "give me bytes for this location": local paths open as files, `http(s)://` and `hf://`
 * locations open as `HttpSource`s sharing one client (one concurrency limit, one set of counters, one token) and
 * one header cache. The CLI and the action build a `RemoteContext` from their options; readers never see it.
 */
import { dirname, join } from 'node:path'
import { openLocalFile, type ByteSource } from '../source.js'
import { HttpClient, type HttpClientOptions, type HttpStats } from './client.js'
import { HttpSource, type HttpSourceOptions } from './http-source.js'
import { DirectoryHeaderCache, defaultCacheDir, type RemoteHeaderCache } from './remote-cache.js'
import {
  isRemoteLocation,
  normaliseEndpoint,
  redactText,
  redactUrl,
  resolveRemoteRelative,
  toHttpUrl
} from './url.js'

export interface RemoteOptions {
  /** Bearer token for the Hugging Face endpoint (`--hf-token`, else `HF_TOKEN`). */
  token?: string
  /** Hugging Face endpoint (`HF_ENDPOINT`); default https://huggingface.co. */
  endpoint?: string
  /**
   * Header cache. A folder path uses `DirectoryHeaderCache`; `false` disables caching; undefined means no cache
   * (callers that want the default folder pass `defaultCacheDir()`).
   */
  cache?: string | false | RemoteHeaderCache
  /** Client tuning (timeouts, retries, concurrency); token and endpoint come from the fields above. */
  http?: Omit<HttpClientOptions, 'token'>
  /** Source tuning (speculative first read, read-ahead). */
  source?: Omit<HttpSourceOptions, 'client' | 'cache' | 'name'>
}

/** Command-line (or action input) settings for remote locations; anything unset falls back to the environment. */
export interface RemoteFlags {
  /** `--hf-token`; else `HF_TOKEN`, else the legacy `HUGGING_FACE_HUB_TOKEN`. */
  hfToken?: string
  /** `--hf-endpoint` if the CLI offers one; else `HF_ENDPOINT`. */
  endpoint?: string
  /** `--cache-dir`; `false` for `--no-cache`; default `defaultCacheDir(env)`. */
  cacheDir?: string | false
}

/** Resolve flags against the environment: flags win, then HF_TOKEN / HF_ENDPOINT / XDG_CACHE_HOME. */
export function remoteOptions(
  flags: RemoteFlags = {},
  env: Record<string, string | undefined> = process.env
): RemoteOptions {
  const token = nonEmpty(flags.hfToken) ?? nonEmpty(env.HF_TOKEN) ?? nonEmpty(env.HUGGING_FACE_HUB_TOKEN)
  const endpoint = nonEmpty(flags.endpoint) ?? nonEmpty(env.HF_ENDPOINT)
  const cache = flags.cacheDir === false ? false : (nonEmpty(flags.cacheDir) ?? defaultCacheDir(env))
  return { token, endpoint, cache }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim()
}

/** Shared state for every remote file of one run. */
export class RemoteContext {
  readonly client: HttpClient
  readonly endpoint: string
  readonly cache?: RemoteHeaderCache
  private readonly token?: string
  private readonly sourceOptions: RemoteOptions['source']

  constructor(opts: RemoteOptions = {}) {
    this.endpoint = normaliseEndpoint(opts.endpoint)
    this.token = opts.token
    this.client = new HttpClient({ tokenOrigins: [this.endpoint], ...opts.http, token: opts.token })
    if (typeof opts.cache === 'string') this.cache = new DirectoryHeaderCache(opts.cache)
    else if (opts.cache !== false && opts.cache !== undefined) this.cache = opts.cache
    this.sourceOptions = opts.source
  }

  /** Counters over every remote request made through this context. */
  get stats(): HttpStats {
    return this.client.stats
  }

  /** Open a local path or a remote location. The source's name is the location as given, secrets removed. */
  async open(location: string): Promise<ByteSource> {
    if (!isRemoteLocation(location)) return openLocalFile(location)
    const url = toHttpUrl(location, this.endpoint)
    return HttpSource.open(url, {
      ...this.sourceOptions,
      client: this.client,
      cache: this.cache,
      name: redactUrl(location)
    })
  }

  /** A file next to `base` (a shard named in an index): same scheme, same revision. */
  resolve(base: string, relative: string): string {
    return isRemoteLocation(base) ? resolveRemoteRelative(base, relative) : join(dirname(base), relative)
  }

  /** Scrub this run's token (and any other credential pattern) from a message before printing it. */
  redact(text: string): string {
    return redactText(text, [this.token])
  }
}

/** Open one location with its own context (convenience for single files; runs with many files share a context). */
export async function openLocation(location: string, opts: RemoteOptions = {}): Promise<ByteSource> {
  return new RemoteContext(opts).open(location)
}

export { defaultCacheDir, isRemoteLocation }
