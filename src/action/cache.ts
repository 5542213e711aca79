/**
 * The baseline, read once: its manifest is cached with @actions/cache under a key made of the tool version and a
 * hash of the baseline's header bytes (what the readers depend on), so a 30 GB baseline costs one header read per
 * change and later runs read a small JSON. Without the cache service (local runs, GHES without it) the baseline
 * is read directly; a cache failure never fails the gate.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { mkdir, open, readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import { writeFileAtomic } from '../cli/files.js'
import { readCheckpoint as readLocal } from '../formats/index.js'
import type { LocationReader } from './pipeline.js'
import { manifestToJson, toManifest } from '../formats/json/manifest.js'
import type { Checkpoint } from '../formats/types.js'
import { TOOL } from '../version.js'
import { isUrl } from './glob.js'

type CacheModule = typeof import('@actions/cache')
let cacheModule: Promise<CacheModule> | undefined
/** @actions/cache (and the Azure SDK under it) is large: loaded only when a cache is really consulted. */
const loadCache = (): Promise<CacheModule> => (cacheModule ??= import('@actions/cache'))

/** Baselines smaller than this are read directly: caching them saves nothing. */
export const MIN_CACHED_BYTES = 1024 * 1024
const TAIL_BYTES = 1024 * 1024
const HEAD_BYTES = 1024 * 1024
const MAX_SAFETENSORS_HEADER = 100_000_000
const MAX_FOLDER_FILES = 10_000
const MAX_FOLDER_DEPTH = 3
const MANIFEST_NAME = 'baseline.manifest.json'

export interface LoadedBaseline {
  checkpoint: Checkpoint
  fromCache: boolean
  /** The cache key used, when the cache was consulted. */
  key?: string
}

/**
 * A hash of the bytes the readers use: for safetensors the 8-byte length plus the JSON header; for other files
 * the size, the first and the last MiB (a zip's central directory, with each entry's CRC, is at the end; pickles,
 * GGUF metadata are at the start); for folders every file's name and fingerprint.
 */
export async function fingerprintBaseline(path: string): Promise<string> {
  const hash = createHash('sha256')
  const st = await stat(path)
  if (st.isDirectory()) {
    await hashFolder(path, '', hash, { files: 0 }, 0)
  } else {
    const name = basename(path)
    if (name === 'model_index.json' || name.endsWith('.index.json')) {
      // An index is only as stable as the shards next to it.
      await hashFolder(dirname(path), '', hash, { files: 0 }, 0)
    }
    // The file's own name is left out: readers detect formats by content, so a rename changes nothing.
    await hashFile(path, st.size, hash)
  }
  return hash.digest('hex')
}

async function hashFolder(
  root: string,
  rel: string,
  hash: ReturnType<typeof createHash>,
  count: { files: number },
  depth: number
): Promise<void> {
  if (depth > MAX_FOLDER_DEPTH) return
  const dir = rel ? join(root, rel) : root
  const names = (await readdir(dir)).sort()
  for (const name of names) {
    if (++count.files > MAX_FOLDER_FILES) throw new Error(`${root}: more than ${MAX_FOLDER_FILES} files`)
    const path = join(dir, name)
    const st = await stat(path).catch(() => undefined)
    if (!st) continue
    const relName = rel ? `${rel}/${name}` : name
    if (st.isDirectory()) {
      hash.update(`dir:${relName}\n`)
      await hashFolder(root, relName, hash, count, depth + 1)
    } else if (st.isFile()) {
      hash.update(`file:${relName}\n`)
      await hashFile(path, st.size, hash)
    }
  }
}

async function hashFile(path: string, size: number, hash: ReturnType<typeof createHash>): Promise<void> {
  hash.update(`size:${size}\n`)
  const fh = await open(path, 'r')
  try {
    const read = async (offset: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(length)
      let done = 0
      while (done < length) {
        const { bytesRead } = await fh.read(buf, done, length - done, offset + done)
        if (bytesRead === 0) break
        done += bytesRead
      }
      return buf.subarray(0, done)
    }
    if (size >= 8) {
      const prefix = await read(0, 8)
      const n = prefix.readBigUInt64LE(0)
      if (n > 1n && n <= BigInt(MAX_SAFETENSORS_HEADER) && 8n + n <= BigInt(size)) {
        const header = await read(8, Number(n))
        if (header[0] === 0x7b /* { */) {
          hash.update(prefix).update(header)
          return
        }
      }
    }
    hash.update(await read(0, Math.min(size, HEAD_BYTES)))
    if (size > HEAD_BYTES) {
      const start = Math.max(HEAD_BYTES, size - TAIL_BYTES)
      hash.update(await read(start, size - start))
    }
  } finally {
    await fh.close()
  }
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
    core.info(`Baseline ${path} is small (${st.size} bytes); read directly, not cached.`)
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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/**
 * Remote headers (issue 6) are cached by URL and ETag in a folder; on a runner that folder is carried between runs
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
