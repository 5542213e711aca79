/**
 * Legacy PyTorch files (before 1.6, or `_use_new_zipfile_serialization=False`; docs/reference/formats.md §2.5): five pickles
 * back to back (magic number, protocol version, sys_info, the object, the storage key list), then each storage
 * as an 8-byte element count and its raw bytes, in key-list order. Offsets come from walking those 8-byte
 * headers with seeks: storage data is never read.
 */
import { fileBudget, type FileBudget } from '../budget.js'
import { CheckpointError } from '../errors.js'
import { PickleError, mergeGlobals, scanGlobals, type PickleScan } from './pickle/scan.js'
import { torchCheckpoint, withPickleGlobals } from './pickle-checkpoint.js'
import { StorageRegistry } from './pickle/storages.js'
import { NeedMoreInput, unpickle, type UnpickleResult } from './pickle/unpickler.js'
import { describeValue, dictGet, type PyValue, type TorchStorage } from './pickle/values.js'
import { readRanges, type ByteRange, type ByteSource } from '../source.js'
import { findStateDict, storageBytes } from './state-dict.js'
import { DEFAULT_MAX_PICKLE_BYTES, pickleLimits, type TorchReadOptions } from './zip-checkpoint.js'
import type { Checkpoint } from '../types.js'
import { looksLikeTorchLegacy } from './pickle/legacy-magic.js'

export const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn
export const LEGACY_PROTOCOL_VERSION = 1001n

const FIRST_WINDOW = 256 * 1024

export { looksLikeTorchLegacy }

export interface TorchLegacyDetails {
  checkpoint: Checkpoint
  /** legacy:0 (magic) to legacy:4 (storage keys). */
  scans: PickleScan[]
}

export async function readTorchLegacy(
  source: ByteSource,
  options: TorchReadOptions = {}
): Promise<Checkpoint> {
  return (await readTorchLegacyDetailed(source, options)).checkpoint
}

interface Pickles {
  results: UnpickleResult[]
  storages: StorageRegistry
}

/**
 * Parse the five pickles from a window at the file's start, growing the window (x4) whenever a pickle runs
 * past it. Pickles are small next to the storages, so this reads a few KB to MB, bounded by maxPickleBytes.
 */
async function readPickles(
  source: ByteSource,
  options: TorchReadOptions,
  budget: FileBudget
): Promise<Pickles> {
  const cap = Math.min(source.size, options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES)
  let window = Math.min(source.size, FIRST_WINDOW)
  let charged = 0
  for (;;) {
    // the window is pickle input: what it grows by is charged to the pickle memory budget
    budget.chargePickle(window - charged, 'the legacy header pickles')
    charged = window
    const bytes = await source.read(0, window)
    try {
      return parseAll(source, bytes, window === source.size, options, budget)
    } catch (e) {
      if (!(e instanceof NeedMoreInput)) throw e
      if (window >= cap) {
        throw new CheckpointError(
          'PickleLimitExceeded',
          source.name,
          `the legacy header pickles exceed ${cap} bytes`
        )
      }
      window = Math.min(cap, window * 4)
    }
  }
}

function parseAll(
  source: ByteSource,
  bytes: Uint8Array,
  complete: boolean,
  options: TorchReadOptions,
  budget: FileBudget
): Pickles {
  // a retry with a larger window rebuilds everything: only the last run's objects are held
  let held = 0
  const storages = new StorageRegistry()
  const results: UnpickleResult[] = []
  let pos = 0
  for (let n = 0; n < 5; n++) {
    const r = unpickle(bytes, {
      file: source.name,
      where: `legacy:${n}`,
      start: pos,
      complete,
      limits: { ...pickleLimits(options, budget), maxHeldBytes: budget.pickleBytesLeft() - held },
      priorGlobals: mergeGlobals(results.flatMap((x) => scanGlobals(x.scan))),
      ...(n === 3 ? { persistentLoad: storages.load } : {})
    })
    results.push(r)
    held += r.held
    pos = r.end
    if (n === 0) checkMagic(source, r)
  }
  budget.chargePickle(held, 'the legacy header pickles')
  return { results, storages }
}

function checkMagic(source: ByteSource, r: UnpickleResult): void {
  if (r.value === LEGACY_MAGIC) return
  // GHSA-97f8-7cmv-76j2: a "magic" built by a call (eval) passes a naive check once executed; ours is a literal
  const detail =
    typeof r.value === 'bigint'
      ? `magic number 0x${r.value.toString(16)} is not the torch legacy magic`
      : `magic number is a ${describeValue(r.value)}, not an integer literal`
  throw new PickleError('InvalidTorchFile', source.name, detail, {
    globals: scanGlobals(r.scan),
    scan: r.scan
  })
}

export async function readTorchLegacyDetailed(
  source: ByteSource,
  options: TorchReadOptions = {}
): Promise<TorchLegacyDetails> {
  const budget = fileBudget(source.name, options.budget)
  const { results, storages } = await readPickles(source, options, budget)
  const scans = results.map((r) => r.scan)
  const globals = mergeGlobals(scans.flatMap(scanGlobals))
  return withPickleGlobals(globals, async () => {
    const [, protocol, sysInfo, main, keys] = results as [
      UnpickleResult,
      UnpickleResult,
      UnpickleResult,
      UnpickleResult,
      UnpickleResult
    ]
    if (protocol.value !== LEGACY_PROTOCOL_VERSION) {
      throw new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `protocol version ${describeValue(protocol.value)} ${String(protocol.value)} is not 1001`
      )
    }
    const warnings: string[] = []
    const metadata: Record<string, unknown> = {
      protocolVersion: 1001,
      ...sysInfoMetadata(sysInfo.value, warnings)
    }
    if (storages.nonStorageIds > 0)
      warnings.push(
        `${storages.nonStorageIds} persistent ids are not storages (e.g. whole-module source ids)`
      )
    warnings.push(...storages.problems)
    const starts = await walkStorages(source, keys, storages, warnings)
    const selection = findStateDict(main.value, source.name, options.walkLimits, true, budget)
    const parts = { source, selection, metadata, scans, globals, warnings, budget }
    const checkpoint = torchCheckpoint('pytorch-legacy', starts, parts)
    return { checkpoint, scans }
  })
}

function sysInfoMetadata(v: PyValue, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (v === null || typeof v !== 'object' || v.kind !== 'dict') {
    warnings.push(`sys_info is a ${describeValue(v)}, not a dict`)
    return out
  }
  const little = dictGet(v, 'little_endian')
  if (typeof little === 'boolean') {
    out.byteorder = little ? 'little' : 'big'
    if (!little) warnings.push('sys_info says big-endian: storages are not little-endian')
  }
  const sizes = dictGet(v, 'type_sizes')
  if (sizes !== undefined && sizes !== null && typeof sizes === 'object' && sizes.kind === 'dict') {
    const ts: Record<string, number> = Object.create(null) as Record<string, number>
    for (const [k, n] of sizes.entries)
      if (typeof k === 'string' && typeof n === 'bigint' && n < 64n) ts[k] = Number(n)
    out.typeSizes = ts
  }
  return out
}

/**
 * Walk the storage blocks in key-list order: each is a u64 element count (which must match the persistent id)
 * followed by the data. Returns each root storage's data offset.
 *
 * Every block's position follows from the pickle alone (each block is 8 bytes plus the storage's size), so the
 * positions are computed first and the 8-byte counts are then fetched in one batch (`readRanges`), counts of small
 * storages sharing one bounded read. The checks keep the order of a walk that reads block by block: a
 * count that does not match is reported before a problem with a later key.
 */
async function walkStorages(
  source: ByteSource,
  keysResult: UnpickleResult,
  storages: StorageRegistry,
  warnings: string[]
): Promise<Map<string, bigint>> {
  const list = keysResult.value
  if (list === null || typeof list !== 'object' || list.kind !== 'list') {
    throw new CheckpointError(
      'InvalidTorchFile',
      source.name,
      `the storage key list is a ${describeValue(list)}, not a list`
    )
  }
  const starts = new Map<string, bigint>()
  const size = BigInt(source.size)
  let pos = BigInt(keysResult.end)
  /** Blocks in key order: the storage and the position of its 8-byte count. */
  const blocks: Array<{ key: string; storage: TorchStorage; at: number }> = []
  /** The first problem the walk meets, raised once the counts before it are checked. */
  let problem: CheckpointError | undefined
  for (const key of list.items) {
    if (typeof key !== 'string') {
      problem = new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `a storage key is a ${describeValue(key)}, not a str`
      )
      break
    }
    const storage = storages.roots.get(key)
    if (storage === undefined) {
      problem = new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `storage key ${JSON.stringify(key)} is not used by the object`
      )
      break
    }
    if (starts.has(key)) {
      problem = new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `storage key ${JSON.stringify(key)} is listed twice`
      )
      break
    }
    if (pos + 8n > size) {
      problem = new CheckpointError(
        'Truncated',
        source.name,
        `the file ends before storage ${key}'s header at byte ${pos}`
      )
      break
    }
    blocks.push({ key, storage, at: Number(pos) })
    starts.set(key, pos + 8n)
    pos += 8n + storageBytes(storage)
    if (pos > size) {
      problem = new CheckpointError(
        'Truncated',
        source.name,
        `storage ${key} runs to byte ${pos}, past the end of the file (${size})`
      )
      break
    }
  }
  await checkCounts(source, blocks)
  if (problem !== undefined) throw problem
  const missing = [...storages.roots.keys()].filter((k) => !starts.has(k))
  if (missing.length > 0)
    warnings.push(`${missing.length} storages have no data block (e.g. ${JSON.stringify(missing[0])})`)
  if (pos < size) warnings.push(`${size - pos} bytes after the last storage (a polyglot file?)`)
  return starts
}

/**
 * Counts share one read when the storage data between them is at most COUNT_GAP bytes (a page: reading it costs
 * less than another read call), and a shared read spans at most COUNT_SPAN bytes. So at most 4 KiB of tensor data
 * per storage is ever read, and only of small storages.
 */
export const COUNT_GAP = 4096
export const COUNT_SPAN = 64 * 1024

/** Reads every block's 8-byte element count and checks it against the pickle's, in block order. */
async function checkCounts(
  source: ByteSource,
  blocks: ReadonlyArray<{ key: string; storage: TorchStorage; at: number }>
): Promise<void> {
  // blocks are in increasing file order
  const ranges: ByteRange[] = []
  const rangeOf: number[] = new Array(blocks.length)
  for (let i = 0; i < blocks.length; i++) {
    const at = blocks[i]!.at
    const last = ranges[ranges.length - 1]
    if (
      last !== undefined &&
      at - (last.offset + last.length) <= COUNT_GAP &&
      at + 8 - last.offset <= COUNT_SPAN
    )
      last.length = at + 8 - last.offset
    else ranges.push({ offset: at, length: 8 })
    rangeOf[i] = ranges.length - 1
  }
  const results = await readRanges(source, ranges)
  for (let i = 0; i < blocks.length; i++) {
    const { key, storage, at } = blocks[i]!
    const r = results[rangeOf[i]!]!
    if (r.status === 'rejected') throw r.reason
    const range = ranges[rangeOf[i]!]!
    const view = new DataView(r.value.buffer, r.value.byteOffset, r.value.byteLength)
    const numel = view.getBigInt64(at - range.offset, true)
    if (numel !== storage.numel) {
      throw new CheckpointError(
        'InvalidTorchFile',
        source.name,
        `storage ${key} has ${numel} elements in the file but ${storage.numel} in the pickle`
      )
    }
  }
}
