/**
 * Sharded checkpoints: a `*.safetensors.index.json` (`{"metadata": {...}, "weight_map": {tensor: shard}}`) or a
 * folder of `prefix-0000k-of-0000n.safetensors` shards, read as one `Checkpoint` (format `safetensors-sharded`,
 * tensors in shard order, one `components` entry per shard). Each shard is read header-only like a single file.
 *
 * Missing shards: if no shard can be found the read fails (`MissingShard`); if some are found, the read succeeds
 * with a `MissingShard:` warning that names the absent shards and how many tensors they held. A partial
 * description is still useful (a compare shows exactly which tensors are absent) and the warning says why;
 * refusing outright would hide everything the present shards can tell. Inconsistencies between the index and
 * the shards (a tensor in a different shard than `weight_map` says, in no shard, in two shards, or in a shard but
 * not in the map) are `ShardMismatch:` warnings: loaders tolerate most of them, and the user should hear of each.
 */
import { CheckpointError } from '../errors.js'
import { isPlainName, localFileAccess, readSmallFile, type FileAccess } from '../file-access.js'
import {
  JsonSyntaxError,
  describeJsonType,
  isJsonNumber,
  isJsonObject,
  parseStrictJson,
  parseU64,
  toPlain,
  type JsonValue
} from '../json/strict.js'
import { readSafetensors } from '../safetensors/read.js'
import type { ByteSource } from '../source.js'
import type { Checkpoint, ComponentInfo, TensorInfo } from '../types.js'
import { FOLDER_LIMITS, JSON_LIMITS } from '../limits.js'
import { byCodeUnit } from '../../util/order.js'

export const MAX_INDEX_BYTES = JSON_LIMITS.maxBytes
export const MAX_SHARDS = FOLDER_LIMITS.maxShards
/** Names listed per warning before "and N more". */
const LIST_LIMIT = 10

export interface ShardReadOptions {
  /** File-system access; local disk by default. */
  fs?: FileAccess
  /** Reader for one shard; `readSafetensors` by default (a dispatcher may pass one for `.bin` shards). */
  readShard?: (source: ByteSource) => Promise<Checkpoint>
}

export interface ShardFilename {
  /** Everything before the shard number, separator included (`model-`). */
  prefix: string
  shard: number
  total: number
  /** Digits used for the numbers (5 or 6), to rebuild the names of missing shards. */
  width: number
  totalText: string
}

/** The Hub's shard naming (huggingface.js `parseSafetensorsShardFilename`, docs/reference/formats.md §1.6). */
export function parseShardFilename(name: string): ShardFilename | undefined {
  const m = /^(.*?[_-])(\d{5,6})-of-(\d{5,6})\.safetensors$/.exec(name)
  if (!m) return undefined
  return {
    prefix: m[1] as string,
    shard: Number(m[2]),
    total: Number(m[3]),
    width: (m[2] as string).length,
    totalText: m[3] as string
  }
}

/** Read `*.safetensors.index.json` and every shard it names. */
export async function readShardedIndex(indexPath: string, opts: ShardReadOptions = {}): Promise<Checkpoint> {
  const fs = opts.fs ?? localFileAccess
  const { bytes, size } = await readSmallFile(fs, indexPath, MAX_INDEX_BYTES, 'InvalidIndex')
  const root = parseJsonFile(bytes, indexPath, 'InvalidIndex')
  const bad = (detail: string): CheckpointError => new CheckpointError('InvalidIndex', indexPath, detail)
  if (!isJsonObject(root)) throw bad(`expected a JSON object, found ${describeJsonType(root)}`)
  const weightMapValue = root.get('weight_map')
  if (!isJsonObject(weightMapValue))
    throw bad(`weight_map must be an object, found ${describeJsonType(weightMapValue)}`)
  const weightMap = new Map<string, string>()
  const shardNames = new Set<string>()
  for (const [tensor, shard] of weightMapValue) {
    if (typeof shard !== 'string') throw bad(`weight_map[${JSON.stringify(tensor)}] must be a string`)
    if (!isPlainName(shard)) {
      throw bad(
        `weight_map[${JSON.stringify(tensor)}] = ${JSON.stringify(shard)} is not a file in the index's folder`
      )
    }
    weightMap.set(tensor, shard)
    shardNames.add(shard)
    if (shardNames.size > MAX_SHARDS) throw bad(`more than ${MAX_SHARDS} shards`)
  }
  if (weightMap.size === 0) throw bad('weight_map is empty')
  const indexMeta = root.get('metadata')
  if (indexMeta !== undefined && indexMeta !== null && !isJsonObject(indexMeta)) {
    throw bad(`metadata must be an object, found ${describeJsonType(indexMeta)}`)
  }
  const dir = fs.dirname(indexPath)
  const shards = [...shardNames].sort(byShardOrder).map((name) => ({ name, path: fs.join(dir, name) }))
  const ckpt = await assembleShards(indexPath, shards, fs, opts, weightMap)
  ckpt.bytes += size
  const meta = Object.create(null) as Record<string, unknown>
  if (isJsonObject(indexMeta)) for (const [k, v] of indexMeta) meta[`index.${k}`] = toPlain(v)
  ckpt.metadata = Object.assign(meta, ckpt.metadata)
  const totalSize = isJsonObject(indexMeta) ? indexMeta.get('total_size') : undefined
  const declared = isJsonNumber(totalSize) ? parseU64(totalSize) : undefined
  if (declared !== undefined && !ckpt.warnings.some((w) => w.startsWith('MissingShard:'))) {
    const actual = ckpt.tensors.reduce(
      (s, t) => s + (t.byteRange ? t.byteRange.end - t.byteRange.start : 0n),
      0n
    )
    if (actual !== declared) {
      ckpt.warnings.push(
        `ShardMismatch: metadata.total_size is ${declared} but the shards' tensors hold ${actual} bytes`
      )
    }
  }
  return ckpt
}

/**
 * Read a folder of shards. It must hold one set of `prefix-0000k-of-0000n.safetensors` files (gaps are missing
 * shards), or else exactly one `*.safetensors` file; several unrelated files are refused rather than merged.
 */
export async function readShardFolder(dir: string, opts: ShardReadOptions = {}): Promise<Checkpoint> {
  const fs = opts.fs ?? localFileAccess
  const names = (await fs.list(dir)).filter((n) => n.endsWith('.safetensors'))
  const sets = new Map<string, Array<{ name: string; parsed: ShardFilename }>>()
  for (const name of names) {
    const parsed = parseShardFilename(name)
    if (!parsed) continue
    const key = `${parsed.prefix}*-of-${parsed.totalText}`
    const list = sets.get(key) ?? []
    list.push({ name, parsed })
    sets.set(key, list)
  }
  if (sets.size > 1) {
    throw new CheckpointError(
      'InvalidIndex',
      dir,
      `the folder holds ${sets.size} shard sets (${[...sets.keys()].join(', ')}); name the index or a file to read`
    )
  }
  const [set] = [...sets.values()]
  if (set === undefined) {
    if (names.length === 1) {
      return assembleShards(
        dir,
        [{ name: names[0] as string, path: fs.join(dir, names[0] as string) }],
        fs,
        opts
      )
    }
    throw new CheckpointError(
      'UnknownFormat',
      dir,
      names.length === 0
        ? 'the folder has no *.safetensors files'
        : `the folder has ${names.length} *.safetensors files that are not named as shards of one checkpoint ` +
            '(prefix-00001-of-0000N.safetensors); name the file to read'
    )
  }
  if (set.length > MAX_SHARDS)
    throw new CheckpointError('InvalidIndex', dir, `more than ${MAX_SHARDS} shards`)
  set.sort((a, b) => a.parsed.shard - b.parsed.shard)
  const { prefix, total, width, totalText } = (set[0] as { parsed: ShardFilename }).parsed
  const shards = set.map((s) => ({ name: s.name, path: fs.join(dir, s.name) }))
  const present = new Set(set.map((s) => s.parsed.shard))
  // Rebuild the names of absent shards so the missing-shard warning names them; the total bounds this loop.
  const absent: string[] = []
  for (let i = 1; i <= Math.min(total, MAX_SHARDS); i++) {
    if (!present.has(i)) absent.push(`${prefix}${String(i).padStart(width, '0')}-of-${totalText}.safetensors`)
  }
  const ckpt = await assembleShards(dir, shards, fs, opts, undefined, absent)
  const beyond = set.filter((s) => s.parsed.shard < 1 || s.parsed.shard > total).map((s) => s.name)
  if (beyond.length > 0)
    ckpt.warnings.push(`ShardMismatch: shard numbers outside 1..${total}: ${listNames(beyond)}`)
  return ckpt
}

interface ShardRef {
  name: string
  path: string
}

/** Read each shard and merge; `weightMap` enables the index cross-checks, `knownAbsent` adds missing shards. */
async function assembleShards(
  location: string,
  shards: ShardRef[],
  fs: FileAccess,
  opts: ShardReadOptions,
  weightMap?: Map<string, string>,
  knownAbsent: string[] = []
): Promise<Checkpoint> {
  const readShard = opts.readShard ?? readSafetensors
  const missing = [...knownAbsent]
  const read: Array<{ shard: ShardRef; ckpt: Checkpoint }> = []
  for (const shard of shards) {
    if ((await fs.kind(shard.path)) !== 'file') {
      missing.push(shard.name)
      continue
    }
    const source = await fs.open(shard.path)
    try {
      read.push({ shard, ckpt: await readShard(source) })
    } finally {
      await source.close().catch(() => undefined)
    }
  }
  const missingSet = new Set(missing)
  const lostTensors = weightMap ? [...weightMap.values()].filter((s) => missingSet.has(s)).length : undefined
  const missingText =
    `${missing.length} of ${shards.length + knownAbsent.length} shards missing: ${listNames(missing)}` +
    (lostTensors !== undefined ? ` (${lostTensors} tensors listed in weight_map)` : '')
  if (read.length === 0) throw new CheckpointError('MissingShard', location, missingText)

  // Where each tensor is kept: the shard weight_map names if it holds it, else the first shard holding it.
  const holders = new Map<string, string[]>()
  for (const { shard, ckpt } of read) {
    for (const t of ckpt.tensors) {
      const list = holders.get(t.name)
      if (list) list.push(shard.name)
      else holders.set(t.name, [shard.name])
    }
  }
  const keepIn = new Map<string, string>()
  const duplicates: string[] = []
  for (const [name, list] of holders) {
    const mapped = weightMap?.get(name)
    keepIn.set(name, mapped !== undefined && list.includes(mapped) ? mapped : (list[0] as string))
    if (list.length > 1) duplicates.push(`${name} (${list.join(', ')})`)
  }

  const tensors: TensorInfo[] = []
  const components: ComponentInfo[] = []
  const metadata = Object.create(null) as Record<string, unknown>
  const warnings: string[] = []
  const misplaced: string[] = []
  const unlisted: string[] = []
  let bytes = 0
  for (const { shard, ckpt } of read) {
    bytes += ckpt.bytes
    components.push({
      name: shard.name,
      path: shard.path,
      format: ckpt.format,
      tensorCount: ckpt.tensors.length
    })
    for (const [k, v] of Object.entries(ckpt.metadata)) if (!(k in metadata)) metadata[k] = v
    for (const w of ckpt.warnings) warnings.push(`${shard.name}: ${w}`)
    for (const t of ckpt.tensors) {
      if (keepIn.get(t.name) !== shard.name) continue
      tensors.push(t)
      if (!weightMap) continue
      const mapped = weightMap.get(t.name)
      if (mapped === undefined) unlisted.push(t.name)
      else if (mapped !== shard.name)
        misplaced.push(`${t.name} (in ${shard.name}, weight_map says ${mapped})`)
    }
  }
  if (missing.length > 0) warnings.push(`MissingShard: ${missingText}`)
  if (misplaced.length > 0) {
    warnings.push(
      `ShardMismatch: ${misplaced.length} tensors are not where weight_map says: ${listNames(misplaced)}`
    )
  }
  if (unlisted.length > 0) {
    warnings.push(
      `ShardMismatch: ${unlisted.length} tensors are in shards but not in weight_map: ${listNames(unlisted)}`
    )
  }
  if (duplicates.length > 0) {
    warnings.push(
      `ShardMismatch: ${duplicates.length} tensors appear in more than one shard: ${listNames(duplicates)}`
    )
  }
  if (weightMap) {
    const absent = [...weightMap].filter(([name, shard]) => !holders.has(name) && !missingSet.has(shard))
    if (absent.length > 0) {
      warnings.push(
        `ShardMismatch: ${absent.length} tensors listed in weight_map are in no shard: ` +
          listNames(absent.map(([name, shard]) => `${name} (${shard})`))
      )
    }
  }
  return {
    path: location,
    format: 'safetensors-sharded',
    bytes,
    tensors,
    metadata,
    globals: read.flatMap((r) => r.ckpt.globals),
    components,
    warnings
  }
}

/** Parse a small UTF-8 JSON file strictly, mapping every failure to `code`. */
export function parseJsonFile(
  bytes: Uint8Array,
  file: string,
  code: 'InvalidIndex' | 'InvalidModelIndex' | 'InvalidManifest'
): JsonValue {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (e) {
    throw new CheckpointError(code, file, 'invalid UTF-8', { cause: e })
  }
  try {
    return parseStrictJson(text)
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new CheckpointError(code, file, `invalid JSON: ${e.message}`, { cause: e })
    throw e
  }
}

function byShardOrder(a: string, b: string): number {
  const pa = parseShardFilename(a)
  const pb = parseShardFilename(b)
  if (pa && pb && pa.shard !== pb.shard) return pa.shard - pb.shard
  return byCodeUnit(a, b)
}

export function listNames(names: string[]): string {
  const shown = names.slice(0, LIST_LIMIT).join(', ')
  return names.length > LIST_LIMIT ? `${shown}, and ${names.length - LIST_LIMIT} more` : shown
}
