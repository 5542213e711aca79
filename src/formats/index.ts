/**
 * `readCheckpoint(location)`: the one entry point from a path to a `Checkpoint`. It detects the format by content
 * and hands a byte source to the right reader. Folders are diffusers pipelines, sharded checkpoints or folders of
 * shards; JSON files are sharded indexes, diffusers `model_index.json` files or our own manifests.
 */
import { stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { readdir } from 'node:fs/promises'
import { CheckpointError } from './errors.js'
import { detectKind, DETECT_BYTES } from './detect.js'
import { fsError, openLocalFile, type ByteSource } from './source.js'
import type { Checkpoint } from './types.js'
import { readSafetensors } from './safetensors.js'
import { readGguf } from './gguf.js'
import { readTorchZip } from './torch-zip.js'
import { readTorchLegacy } from './torch-legacy.js'
import { readPickleFile } from './torch-pickle.js'
import { readManifest } from './manifest.js'
import { readShardedIndex, readShardFolder } from './sharded.js'
import { readDiffusersFolder } from './diffusers.js'
import { parseStrictJson } from './json-strict.js'

export type { Checkpoint, TensorInfo, PickleGlobal, FormatName } from './types.js'
export { CheckpointError, isCheckpointError } from './errors.js'

/** JSON files we inspect to tell an index from a manifest are bounded like every other header. */
const MAX_JSON_BYTES = 64 * 1024 * 1024

export async function readCheckpoint(location: string): Promise<Checkpoint> {
  let st
  try {
    st = await stat(location)
  } catch (e) {
    throw fsError(location, e)
  }
  if (st.isDirectory()) return readFolder(location)
  if (!st.isFile()) throw new CheckpointError('NotAFile', location, 'is not a regular file or a folder')

  const source = await openLocalFile(location)
  try {
    return await readSource(source, location)
  } finally {
    await source.close().catch(() => undefined)
  }
}

/** Read an opened source; `location` is used to find sibling files (shards) for JSON indexes. */
export async function readSource(source: ByteSource, location: string): Promise<Checkpoint> {
  if (source.size === 0) throw new CheckpointError('EmptyFile', source.name, 'the file is empty')
  const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
  const kind = detectKind(head, source.size)
  switch (kind) {
    case 'safetensors':
      return readSafetensors(source)
    case 'gguf':
      return readGguf(source)
    case 'zip':
      return readTorchZip(source)
    case 'torch-legacy':
      return readTorchLegacy(source)
    case 'pickle':
      return readPickleFile(source)
    case 'json':
      return readJsonLocation(source, location)
    case 'unknown':
      if (source.size < 8) {
        throw new CheckpointError('HeaderTooSmall', source.name, `only ${source.size} bytes: too short for any checkpoint format`)
      }
      throw new CheckpointError(
        'UnknownFormat',
        source.name,
        'not a safetensors, PyTorch (zip or legacy pickle), GGUF, sharded index, model_index.json or manifest file ' +
          `(first bytes: ${hexPreview(head)})`
      )
  }
}

async function readJsonLocation(source: ByteSource, location: string): Promise<Checkpoint> {
  if (source.size > MAX_JSON_BYTES) {
    throw new CheckpointError('HeaderTooLarge', source.name, `JSON file of ${source.size} bytes; the limit is ${MAX_JSON_BYTES}`)
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await source.read(0, source.size))
  let value: unknown
  try {
    value = parseStrictJson(text)
  } catch (e) {
    throw new CheckpointError('UnknownFormat', source.name, `a JSON file that does not parse: ${(e as Error).message}`)
  }
  const keys = jsonKeys(value)
  if (keys.has('weight_map')) return readShardedIndex(location)
  if (keys.has('schemaVersion') && keys.has('tensors')) return readManifest(source)
  if (keys.has('_class_name') && basename(location) === 'model_index.json') return readDiffusersFolder(dirname(location))
  throw new CheckpointError(
    'UnknownFormat',
    source.name,
    'a JSON file that is neither a sharded index (weight_map), a diffusers model_index.json, nor a model-compat manifest'
  )
}

function jsonKeys(value: unknown): Set<string> {
  if (value instanceof Map) return new Set([...value.keys()].map(String))
  if (value && typeof value === 'object' && !Array.isArray(value)) return new Set(Object.keys(value))
  return new Set()
}

async function readFolder(dir: string): Promise<Checkpoint> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (e) {
    throw fsError(dir, e)
  }
  if (names.includes('model_index.json')) return readDiffusersFolder(dir)
  const indexes = names.filter((n) => n.endsWith('.safetensors.index.json')).sort()
  if (indexes.length === 1) return readShardedIndex(join(dir, indexes[0]))
  if (indexes.length > 1) {
    throw new CheckpointError(
      'InvalidIndex',
      dir,
      `the folder holds ${indexes.length} sharded indexes (${indexes.join(', ')}); name the one to read`
    )
  }
  if (names.some((n) => n.endsWith('.safetensors'))) return readShardFolder(dir)
  throw new CheckpointError(
    'UnknownFormat',
    dir,
    'the folder has no model_index.json, no *.safetensors.index.json and no *.safetensors files'
  )
}

function hexPreview(head: Uint8Array): string {
  return [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')
}
