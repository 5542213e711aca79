/**
 * A fingerprint of a baseline: a hash of the bytes the readers depend on, the key of its cached analysis. A 30 GB
 * baseline costs one header read per change, never a read of its weights.
 *
 * - A safetensors file (recognised, and its 8-byte prefix checked, by the reader's own code): the prefix and the
 *   JSON header.
 * - Any other file: its size, the first and the last MiB (a zip's central directory, with each entry's CRC, is at
 *   the end; pickles and GGUF metadata are at the start).
 * - A folder (or an index, which is only as stable as the shards next to it): every regular file's name and
 *   fingerprint, a bounded number of them, a bounded depth down. Special files are skipped, never opened: a
 *   FIFO would block the read forever.
 */
import { createHash, type Hash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { detectKind, DETECT_BYTES } from '../formats/detect.js'
import { CheckpointError } from '../formats/errors.js'
import { checkSafetensorsPrefix } from '../formats/safetensors/read.js'
import { openLocalFile, type ByteSource } from '../formats/source.js'
import { byCodeUnit } from '../util/order.js'

/** Bytes hashed at each end of a file that is not safetensors. */
const END_BYTES = 1024 * 1024
/** Files of a folder fingerprinted before it is refused (a folder baseline has a few shards or components). */
const MAX_FOLDER_FILES = 10_000
/** Folder depth: a diffusers pipeline is two levels deep. */
const MAX_FOLDER_DEPTH = 3

export async function fingerprintBaseline(path: string): Promise<string> {
  const hash = createHash('sha256')
  const st = await stat(path)
  if (st.isDirectory()) {
    await hashFolder(path, '', hash, { files: 0 }, 0)
  } else {
    const name = basename(path)
    if (name === 'model_index.json' || name.endsWith('.index.json')) {
      await hashFolder(dirname(path), '', hash, { files: 0 }, 0)
    }
    // The file's own name is left out: readers detect formats by content, so a rename changes nothing.
    if (st.isFile()) await hashFile(path, hash)
  }
  return hash.digest('hex')
}

async function hashFolder(
  root: string,
  rel: string,
  hash: Hash,
  count: { files: number },
  depth: number
): Promise<void> {
  if (depth > MAX_FOLDER_DEPTH) return
  const dir = rel ? join(root, rel) : root
  const names = (await readdir(dir)).sort(byCodeUnit)
  for (const name of names) {
    if (++count.files > MAX_FOLDER_FILES)
      throw new CheckpointError('InvalidIndex', root, `the folder holds more than ${MAX_FOLDER_FILES} files`)
    // Links are followed (a Hugging Face cache snapshot is a folder of links to blobs), but only regular files
    // are opened.
    const st = await stat(join(dir, name)).catch(() => undefined)
    const relName = rel ? `${rel}/${name}` : name
    if (st?.isDirectory()) {
      hash.update(`dir:${relName}\n`)
      await hashFolder(root, relName, hash, count, depth + 1)
    } else if (st?.isFile()) {
      hash.update(`file:${relName}\n`)
      await hashFile(join(dir, name), hash)
    }
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  const source = await openLocalFile(path)
  try {
    hash.update(`size:${source.size}\n`)
    if (!(await hashSafetensorsHeader(source, hash))) {
      hash.update(await source.read(0, Math.min(source.size, END_BYTES)))
      if (source.size > END_BYTES) {
        const start = Math.max(END_BYTES, source.size - END_BYTES)
        hash.update(await source.read(start, source.size - start))
      }
    }
  } finally {
    await source.close().catch(() => undefined)
  }
}

/** Hash the prefix and JSON header of a safetensors file; false when the file is not one. */
async function hashSafetensorsHeader(source: ByteSource, hash: Hash): Promise<boolean> {
  const head = await source.read(0, Math.min(DETECT_BYTES, source.size))
  if (detectKind(head, source.size) !== 'safetensors') return false
  let length: number
  try {
    length = checkSafetensorsPrefix(head.subarray(0, 8), source.size, source.name)
  } catch {
    return false
  }
  hash.update(head.subarray(0, 8)).update(await source.read(8, length))
  return true
}
