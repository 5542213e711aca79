/**
 * `readCheckpoint(location)`: the one entry point from a location to a `Checkpoint`. It detects the format by
 * content and hands a byte source to the right reader. Folders are diffusers pipelines, sharded checkpoints or
 * folders of shards; JSON files are sharded indexes, diffusers `model_index.json` files or our own manifests.
 * Every file-system call goes through a `FileAccess`, so the same dispatch reads local paths and HTTP(S)/Hub
 * locations (src/formats/http/remote-file-access.ts).
 */
import { ReadBudget, type FileBudget } from './budget.js'
import { CheckpointError, isCheckpointError } from './errors.js'
import { detectKind, DETECT_BYTES, type DetectedKind } from './detect.js'
import { confinedFileAccess, localFileAccess, type AllowedRoot, type FileAccess } from './file-access.js'
import { HEAD_BYTES, openLocalEntry, type ByteSource, type LocalFileSource } from './source.js'
import type { Checkpoint } from './types.js'
import { readSafetensors } from './safetensors/read.js'
import { readManifest } from './json/manifest.js'
import { readShardedIndex, readShardFolder } from './folders/sharded.js'
import { readDiffusersFolder } from './folders/diffusers.js'
import { isJsonObject, parseStrictJson, type JsonValue } from './json/strict.js'
import { JSON_LIMITS } from './limits.js'
import { SCAN_LIMITS } from './limits.js'

export type { Checkpoint, TensorInfo, PickleGlobal, FormatName } from './types.js'
export { CheckpointError, isCheckpointError } from './errors.js'
export { ReadBudget, DEFAULT_BUDGET_LIMITS, type BudgetLimits } from './budget.js'

/** JSON files we inspect to tell an index from a manifest are bounded like every other header. */
const MAX_JSON_BYTES = JSON_LIMITS.maxBytes

export interface ReadOptions {
  /** Where files come from: the local disk by default, or a remote FileAccess for URLs. */
  fs?: FileAccess
  /**
   * The run's budget (tensors and inflated bytes over every file read with it; per-file limits). A front end
   * passes one object to every read of a run; without it each read gets a fresh one with the default limits.
   */
  budget?: ReadBudget
  /**
   * Folders every local file read must resolve inside, after symbolic links (the action passes the workspace).
   * The location itself is checked too.
   */
  roots?: AllowedRoot[]
  /**
   * Let folder readers follow links out of the folder (a Hugging Face cache snapshot links to ../../blobs). Off
   * by default: a folder artifact's shards, components and `model_index.json` must resolve inside the folder.
   */
  followLinksOutside?: boolean
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i

export async function readCheckpoint(location: string, opts: ReadOptions = {}): Promise<Checkpoint> {
  // the files of one location (a folder reads many) charge the run together, and give back their tensors together
  // when the location fails
  const budget = (opts.budget ?? new ReadBudget()).scope()
  try {
    return await readLocationWith(location, opts, budget)
  } catch (e) {
    budget.release()
    throw e
  }
}

async function readLocationWith(
  location: string,
  opts: ReadOptions,
  budget: ReadBudget
): Promise<Checkpoint> {
  const local = !URL_LIKE.test(location)
  const base = opts.fs ?? localFileAccess
  const fs = local && opts.roots?.length ? await confinedFileAccess(base, opts.roots) : base
  // a folder reader opens files the folder names: each must stay inside the folder
  const folderFs = async (dir: string): Promise<FileAccess> =>
    local && opts.followLinksOutside !== true
      ? confinedFileAccess(fs, [{ path: dir, what: 'the artifact folder' }, ...(opts.roots ?? [])])
      : fs
  let source: ByteSource
  if (opts.fs === undefined) {
    // a location outside the roots (after links) is refused before it is opened
    if (opts.roots?.length) await fs.kind(location)
    // Local: one synchronous open (non-blocking: a FIFO is refused, never waited on) + fstat + read of the first
    // HEAD_BYTES, which detection and most headers use.
    let opened: LocalFileSource | 'dir'
    try {
      opened = openLocalEntry(location, HEAD_BYTES)
    } catch (e) {
      throw isCheckpointError(e) && e.code === 'FileNotFound' ? notFound(location, true) : e
    }
    if (opened === 'dir') return readFolder(location, await folderFs(location), budget)
    source = opened
  } else {
    const kind = await fs.kind(location)
    if (kind === undefined) throw notFound(location, false)
    if (kind === 'other') {
      throw new CheckpointError(
        'NotAFile',
        location,
        'is not a regular file or folder (a FIFO, socket or device)'
      )
    }
    if (kind === 'dir') return readFolder(location, await folderFs(location), budget)
    source = await fs.open(location)
  }
  let handedOver = false
  try {
    if (source.size > 0) {
      const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
      if (detectKind(head, source.size) === 'json') {
        // The folder readers open the index themselves; give them this already-open source to save a request.
        const reuse = reuseOnce(await folderFs(fs.dirname(location)), location, source)
        const result = await readJsonLocation(source, location, reuse.fs, budget)
        handedOver = reuse.taken()
        return result
      }
    }
    return await readSource(source, location, fs, budget)
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

/**
 * Read an opened source of a single-file format (or a JSON index / manifest at `location`). The file's tensors
 * count against `budget` (the run's) as they are read.
 */
export async function readSource(
  source: ByteSource,
  location: string,
  fs: FileAccess = localFileAccess,
  budget: ReadBudget = new ReadBudget()
): Promise<Checkpoint> {
  if (source.size === 0) throw new CheckpointError('EmptyFile', source.name, 'the file is empty')
  const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
  const kind = detectKind(head, source.size)
  if (kind === 'json') return readJsonLocation(source, location, fs, budget)
  return readSingleFile(source, kind, head, budget.forFile(source.name))
}

async function readSingleFile(
  source: ByteSource,
  kind: Exclude<DetectedKind, 'json'>,
  head: Uint8Array,
  budget: FileBudget
): Promise<Checkpoint> {
  switch (kind) {
    case 'safetensors':
      return readSafetensors(source, { budget })
    // the other readers load on demand, so reading safetensors never compiles the pickle machinery
    case 'gguf':
      return (await import('./gguf/read.js')).readGguf(source, { budget })
    case 'zip':
      return (await import('./torch/zip-checkpoint.js')).readTorchZip(source, { budget })
    case 'torch-legacy':
      return (await import('./torch/legacy.js')).readTorchLegacy(source, { budget })
    case 'pickle':
      return (await import('./torch/plain-pickle.js')).readPickleFile(source, { budget })
    case 'npy':
      return (await import('./numpy/npy-file.js')).readNpyFile(source, { budget })
    case 'tar':
      // torch.load still unpickles a tar archive's `pickle` member: its pickles are scanned before it is refused
      throw await embedded(
        source,
        'tar',
        budget,
        new CheckpointError(
          'UnknownFormat',
          source.name,
          'a tar archive (the PyTorch 0.1.1 format, or not a checkpoint at all): not supported; re-save it with ' +
            'a current torch.save or convert it to safetensors'
        )
      )
    case 'unknown': {
      // protocol 0 and 1 pickles carry no marker: a trial run of the (non-executing) machine tells
      const { sourceLooksLikePickle } = await import('./torch/pickle/sniff.js')
      const max = Math.min(SCAN_LIMITS.maxSniffBytes, budget.pickleBytesLeft())
      if (await sourceLooksLikePickle((n) => source.read(0, n), source.size, max)) {
        return (await import('./torch/plain-pickle.js')).readPickleFile(source, { budget })
      }
      if (source.size < 8) {
        throw new CheckpointError(
          'HeaderTooSmall',
          source.name,
          `only ${source.size} bytes: too short for any checkpoint format`
        )
      }
      throw await embedded(
        source,
        'unknown',
        budget,
        new CheckpointError(
          'UnknownFormat',
          source.name,
          `${unknownWhat(head)} (first bytes: ${hexPreview(head)})`
        )
      )
    }
  }
}

/** `refusal`, carrying the globals of any pickle found inside the file (an archive we do not read, a tar). */
async function embedded(
  source: ByteSource,
  kind: 'tar' | 'unknown',
  budget: FileBudget,
  refusal: CheckpointError
): Promise<CheckpointError> {
  const { refuseWithEmbeddedPickles } = await import('./torch/embedded-pickles.js')
  return refuseWithEmbeddedPickles(source, kind, budget, refusal)
}

/** What an unknown file looks like, for its error: archives that could hide a pickle are named. */
function unknownWhat(head: Uint8Array): string {
  if (head[0] === 0x37 && head[1] === 0x7a && head[2] === 0xbc && head[3] === 0xaf) {
    return 'a 7z archive: not a checkpoint format, and its members cannot be scanned (they may hold pickles)'
  }
  return (
    'not a safetensors, PyTorch (zip, legacy or plain pickle), GGUF, sharded index, model_index.json or ' +
    'manifest file'
  )
}

async function readJsonLocation(
  source: ByteSource,
  location: string,
  fs: FileAccess,
  budget: ReadBudget
): Promise<Checkpoint> {
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
  const options = shardOptions(fs, budget)
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
function shardOptions(fs: FileAccess, budget: ReadBudget) {
  return { fs, readShard: (s: ByteSource) => readSource(s, s.name, fs, budget) }
}

async function readFolder(dir: string, fs: FileAccess, budget: ReadBudget): Promise<Checkpoint> {
  const names = await fs.list(dir)
  const options = shardOptions(fs, budget)
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
