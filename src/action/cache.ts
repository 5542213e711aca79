/**
 * The baseline, read once: its manifest is cached with @actions/cache under a key made of the tool version and a
 * hash of the baseline's header bytes (what the readers depend on), so a 30 GB baseline costs one header read per
 * change and later runs read a small JSON. Without the cache service (local runs, GHES without it) the baseline
 * is read directly; a cache failure never fails the gate.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { tmpdir } from 'node:os'
import { readCheckpoint as readLocal } from '../formats/index.js'
import { manifestToJson, toManifest } from '../formats/json/manifest.js'
import type { Checkpoint } from '../formats/types.js'
import { writeFileAtomic } from '../formats/write-file.js'
import type { LocationReader } from '../node/artifacts.js'
import { fingerprintBaseline } from '../node/fingerprint.js'
import { isUrl } from '../node/glob.js'
import { printable } from '../util/text.js'
import { TOOL } from '../version.js'

type CacheModule = typeof import('@actions/cache')
let cacheModule: Promise<CacheModule> | undefined
/** @actions/cache (and the Azure SDK under it) is large: loaded only when a cache is really consulted. */
const loadCache = (): Promise<CacheModule> => (cacheModule ??= import('@actions/cache'))

/** Baselines smaller than this are read directly: caching them saves nothing. */
export const MIN_CACHED_BYTES = 1024 * 1024
const MANIFEST_NAME = 'baseline.manifest.json'

export interface LoadedBaseline {
  checkpoint: Checkpoint
  fromCache: boolean
  /** The cache key used, when the cache was consulted. */
  key?: string
}

export function cacheKey(fingerprint: string): string {
  return `model-compat-baseline-v1-${TOOL.version}-${fingerprint}`
}

function cacheDir(fingerprint: string): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'model-compat-cache', fingerprint.slice(0, 32))
}

/** Read the baseline, through the cache when `useCache` and the service is there. */
export async function loadBaseline(
  path: string,
  useCache: boolean,
  readCheckpoint: LocationReader = readLocal
): Promise<LoadedBaseline> {
  // Remote baselines are read header-only over HTTP with their own ETag cache; nothing to fingerprint here.
  if (!useCache || isUrl(path)) return { checkpoint: await readCheckpoint(path), fromCache: false }
  let st
  try {
    st = await stat(path)
  } catch {
    return { checkpoint: await readCheckpoint(path), fromCache: false } // readCheckpoint names the problem
  }
  if (st.isFile() && st.size < MIN_CACHED_BYTES && !basename(path).endsWith('.json')) {
    core.info(printable(`Baseline ${path} is small (${st.size} bytes); read directly, not cached.`))
    return { checkpoint: await readCheckpoint(path), fromCache: false }
  }
  if (st.isFile() && basename(path).endsWith('.json') && !isIndexName(basename(path))) {
    // A manifest is already what the cache would hold.
    return { checkpoint: await readCheckpoint(path), fromCache: false }
  }
  if (!(await cacheAvailable())) {
    core.info('The cache service is not available; the baseline is read directly.')
    return { checkpoint: await readCheckpoint(path), fromCache: false }
  }

  const fingerprint = await fingerprintBaseline(path)
  const key = cacheKey(fingerprint)
  const dir = cacheDir(fingerprint)
  const manifestPath = join(dir, MANIFEST_NAME)
  try {
    const hit = await (await loadCache()).restoreCache([dir], key)
    if (hit) {
      const cached = await readLocal(manifestPath)
      core.info(`Baseline analysis restored from the cache (${key}).`)
      // Report the baseline as the user named it, with its original format (the manifest records it).
      const format = toManifest(cached, TOOL).source.format
      return { checkpoint: { ...cached, path, format }, fromCache: true, key }
    }
  } catch (e) {
    core.warning(`Could not restore the baseline from the cache: ${message(e)}; reading it directly.`)
  }

  const checkpoint = await readCheckpoint(path)
  try {
    await mkdir(dir, { recursive: true })
    await writeFileAtomic(manifestPath, manifestToJson(toManifest(checkpoint, TOOL)))
    const id = await (await loadCache()).saveCache([dir], key)
    if (id !== -1) core.info(`Baseline analysis saved to the cache (${key}).`)
  } catch (e) {
    core.warning(`Could not save the baseline analysis to the cache: ${message(e)}`)
  }
  return { checkpoint, fromCache: false, key }
}

function isIndexName(name: string): boolean {
  return name === 'model_index.json' || name.endsWith('.index.json')
}

async function cacheAvailable(): Promise<boolean> {
  try {
    const cache = await loadCache()
    return typeof cache.isFeatureAvailable === 'function' && cache.isFeatureAvailable()
  } catch {
    return false
  }
}

/** An error's message for the log: printable, since it may quote a path or a name from a file. */
function message(e: unknown): string {
  return printable(e instanceof Error ? e.message : String(e))
}

/**
 * Remote headers are cached by URL and ETag in a folder; on a runner that folder is carried between runs
 * with @actions/cache. Cache entries cannot be overwritten, so each run saves under a key with its run id and
 * restores the newest entry for the same locations by prefix; ETag validation means a stale entry is never used.
 */
export function remoteHeaderCacheDir(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'model-compat-headers')
}

function remoteHeaderKeyPrefix(locations: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...locations].sort().join('\n'))
    .digest('hex')
    .slice(0, 32)
  return `model-compat-headers-v1-${TOOL.version}-${digest}-`
}

export async function restoreRemoteHeaders(locations: readonly string[]): Promise<void> {
  if (locations.length === 0 || !(await cacheAvailable())) return
  const prefix = remoteHeaderKeyPrefix(locations)
  try {
    const cache = await loadCache()
    const hit = await cache.restoreCache([remoteHeaderCacheDir()], `${prefix}${runId()}`, [prefix])
    if (hit) core.info(`Remote headers restored from the cache (${hit}).`)
  } catch (e) {
    core.warning(`Could not restore the remote header cache: ${message(e)}`)
  }
}

export async function saveRemoteHeaders(locations: readonly string[]): Promise<void> {
  if (locations.length === 0 || !(await cacheAvailable())) return
  try {
    await mkdir(remoteHeaderCacheDir(), { recursive: true })
    await (
      await loadCache()
    ).saveCache([remoteHeaderCacheDir()], `${remoteHeaderKeyPrefix(locations)}${runId()}`)
  } catch (e) {
    core.warning(`Could not save the remote header cache: ${message(e)}`)
  }
}

function runId(): string {
  return `${process.env.GITHUB_RUN_ID || 'local'}-${process.env.GITHUB_RUN_ATTEMPT || '1'}`
}
