/**
 * `readCheckpoint(location)`: the one entry point from a location to a `Checkpoint`. It detects the format by
 * content and hands a byte source to the right reader. Folders are diffusers pipelines, sharded checkpoints or
 * folders of shards; JSON files are sharded indexes, diffusers `model_index.json` files or our own manifests.
 * Every file-system call goes through a `FileAccess`, so the same dispatch reads local paths and HTTP(S)/Hub
 * locations (src/formats/http/remote-file-access.ts).
 */
import { CheckpointError, isCheckpointError } from './errors.js'
import { detectKind, DETECT_BYTES } from './detect.js'
import { localFileAccess, type FileAccess } from './file-access.js'
import { HEAD_BYTES, openLocalEntry, type ByteSource, type LocalFileSource } from './source.js'
import type { Checkpoint } from './types.js'
import { readSafetensors } from './safetensors/read.js'
import { readManifest } from './json/manifest.js'
import { readShardedIndex, readShardFolder } from './folders/sharded.js'
import { readDiffusersFolder } from './folders/diffusers.js'
import { isJsonObject, parseStrictJson, type JsonValue } from './json/strict.js'
import { JSON_LIMITS } from './limits.js'

export type { Checkpoint, TensorInfo, PickleGlobal, FormatName } from './types.js'
export { CheckpointError, isCheckpointError } from './errors.js'

/** JSON files we inspect to tell an index from a manifest are bounded like every other header. */
const MAX_JSON_BYTES = JSON_LIMITS.maxBytes

export interface ReadOptions {
  /** Where files come from: the local disk by default, or a remote FileAccess for URLs. */
  fs?: FileAccess
}

export async function readCheckpoint(location: string, opts: ReadOptions = {}): Promise<Checkpoint> {
  const fs = opts.fs ?? localFileAccess
  let source: ByteSource
  if (opts.fs === undefined) {
    // Local: one synchronous open + fstat + read of the first HEAD_BYTES, which detection and most headers use.
    let opened: LocalFileSource | 'dir'
    try {
      opened = openLocalEntry(location, HEAD_BYTES)
    } catch (e) {
      throw isCheckpointError(e) && e.code === 'FileNotFound' ? notFound(location, true) : e
    }
    if (opened === 'dir') return readFolder(location, fs)
    source = opened
  } else {
    const kind = await fs.kind(location)
    if (kind === undefined) throw notFound(location, false)
    if (kind === 'dir') return readFolder(location, fs)
    source = await fs.open(location)
  }
  let handedOver = false
  try {
    if (source.size > 0) {
      const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
      if (detectKind(head, source.size) === 'json') {
        // The folder readers open the index themselves; give them this already-open source to save a request.
        const reuse = reuseOnce(fs, location, source)
        const result = await readJsonLocation(source, location, reuse.fs)
        handedOver = reuse.taken()
        return result
      }
    }
    return await readSource(source, location, fs)
  } finally {
    if (!handedOver) await source.close().catch(() => undefined)
  }
}

/**
 * A missing local path that is really a URL (`s3://bucket/x`, `ftp://...`, or an `https://` location given to a
 * command that read it as a path) would otherwise read "no such file or directory": say what it looks like.
 */
function notFound(location: string, local: boolean): CheckpointError {
  const scheme = local ? /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1] : undefined
  if (scheme === undefined) return new CheckpointError('FileNotFound', location, 'no such file or directory')
  if (/^(https?|hf)$/i.test(scheme))
    return new CheckpointError(
      'FileNotFound',
      location,
      `no such file or directory: this ${scheme}:// location was read as a local path`
    )
  return new CheckpointError(
    'InvalidUrl',
    location,
    `unsupported scheme ${scheme}://: locations are local paths, https:// URLs or hf://ORG/REPO[@REVISION]/PATH`
  )
}

/** Read an opened source of a single-file format (or a JSON index / manifest at `location`). */
export async function readSource(
  source: ByteSource,
  location: string,
  fs: FileAccess = localFileAccess
): Promise<Checkpoint> {
  if (source.size === 0) throw new CheckpointError('EmptyFile', source.name, 'the file is empty')
  const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
  switch (detectKind(head, source.size)) {
    case 'safetensors':
      return readSafetensors(source)
    // the other readers load on demand, so reading safetensors never compiles the pickle machinery
    case 'gguf':
      return (await import('./gguf/read.js')).readGguf(source)
    case 'zip':
      return (await import('./torch/zip-checkpoint.js')).readTorchZip(source)
    case 'torch-legacy':
      return (await import('./torch/legacy.js')).readTorchLegacy(source)
    case 'pickle':
      return (await import('./torch/plain-pickle.js')).readPickleFile(source)
    case 'json':
      return readJsonLocation(source, location, fs)
    case 'tar':
      throw new CheckpointError(
        'UnknownFormat',
        source.name,
        'a tar archive (the PyTorch 0.1.1 format, or not a checkpoint at all): not supported; re-save it with a ' +
          'current torch.save or convert it to safetensors'
      )
    case 'unknown':
      if (source.size < 8) {
        throw new CheckpointError(
          'HeaderTooSmall',
          source.name,
          `only ${source.size} bytes: too short for any checkpoint format`
        )
      }
      throw new CheckpointError(
        'UnknownFormat',
        source.name,
        'not a safetensors, PyTorch (zip or legacy pickle), GGUF, sharded index, model_index.json or manifest ' +
          `file (first bytes: ${hexPreview(head)})`
      )
  }
}

async function readJsonLocation(source: ByteSource, location: string, fs: FileAccess): Promise<Checkpoint> {
  if (source.size > MAX_JSON_BYTES) {
    throw new CheckpointError(
      'HeaderTooLarge',
      source.name,
      `JSON file of ${source.size} bytes; the limit is ${MAX_JSON_BYTES}`
    )
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await source.read(0, source.size))
  let value: JsonValue
  try {
    value = parseStrictJson(text)
  } catch (e) {
    throw new CheckpointError(
      'UnknownFormat',
      source.name,
      `a JSON file that does not parse: ${(e as Error).message}`
    )
  }
  const keys = isJsonObject(value) ? new Set(value.keys()) : new Set<string>()
  const options = shardOptions(fs)
  if (keys.has('weight_map')) return readShardedIndex(location, options)
  if (keys.has('schemaVersion') && keys.has('tensors')) return readManifest(source)
  if (keys.has('_class_name') && fs.basename(location) === 'model_index.json') {
    return readDiffusersFolder(fs.dirname(location), options)
  }
  throw new CheckpointError(
    'UnknownFormat',
    source.name,
    'a JSON file that is neither a sharded index (weight_map), a diffusers model_index.json, nor a model-compat ' +
      'manifest'
  )
}

/** Shards are detected by content too: a `pytorch_model.bin.index.json` points at torch zip shards. */
function shardOptions(fs: FileAccess) {
  return { fs, readShard: (s: ByteSource) => readSource(s, s.name, fs) }
}

async function readFolder(dir: string, fs: FileAccess): Promise<Checkpoint> {
  const names = await fs.list(dir)
  const options = shardOptions(fs)
  if (names.includes('model_index.json')) return readDiffusersFolder(dir, options)
  const indexes = names.filter((n) => n.endsWith('.safetensors.index.json')).sort()
  if (indexes.length === 1) return readShardedIndex(fs.join(dir, indexes[0]), options)
  if (indexes.length > 1) {
    throw new CheckpointError(
      'InvalidIndex',
      dir,
      `the folder holds ${indexes.length} sharded indexes (${indexes.join(', ')}); name the one to read`
    )
  }
  if (names.some((n) => n.endsWith('.safetensors'))) return readShardFolder(dir, options)
  throw new CheckpointError(
    'UnknownFormat',
    dir,
    'the folder has no model_index.json, no *.safetensors.index.json and no *.safetensors files'
  )
}

/** `fs` whose first `open(path)` returns the already-open `source`. */
function reuseOnce(
  fs: FileAccess,
  path: string,
  source: ByteSource
): { fs: FileAccess; taken: () => boolean } {
  let pending: ByteSource | undefined = source
  return {
    fs: {
      ...fs,
      open: async (p) => {
        if (p === path && pending !== undefined) {
          const s = pending
          pending = undefined
          return s
        }
        return fs.open(p)
      }
    },
    taken: () => pending === undefined
  }
}

function hexPreview(head: Uint8Array): string {
  return [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')
}
