/**
 * The user-space writer's one pass over its output: the data section is built in order, a window (1 MiB) at a
 * time, and each window is handed to a sink (window-sink.ts) that writes it while the next is built. A window's
 * bytes come straight from the source: copied ranges are read into their place in the window (no intermediate
 * buffer), the zeros of block-placed tensors are filled in the window and their blocks' rows read with one read
 * per block and window, then moved to their columns. The source is read only where the output uses it, each byte
 * once per use.
 *
 * Why in output order and not in source order: the output is larger than what it takes from the source (a
 * block-diagonal up matrix is mostly zeros, interleaved with its rows, so no part of it can be left as a hole),
 * and writing it in large sequential writes is what costs least; the source's reads are the smaller part. Why a
 * sink that writes beside the building: the writes (the kernel copying into the page cache) are most of the pass,
 * and they run on another thread, beside the reads and row placement on the main thread, on the other core when
 * there is one.
 *
 * Node exposes `copy_file_range` only inside `fs.copyFile` (whole file to whole file), and the output's header
 * differs in length from the source's, so no output byte sits at its source offset: the copy goes through user
 * space. The source's SHA-256 (`--hash-source`) is computed by a worker reading the file beside the pass.
 */
import { openSync } from 'node:fs'
import { closeQuietly, readFully } from './file-io.js'
import { poolSink, SCRATCH_SLACK, type WindowSink } from './window-sink.js'
import { crypto, workerThreads } from '../formats/builtins.js'

/** One part of the output's data section, in output order (`to`: its absolute output offset). */
export type Segment =
  /** `length` source bytes from absolute source offset `from`. */
  | { kind: 'copy'; to: number; from: number; length: number }
  /** Bytes computed in memory (an alpha scalar). */
  | { kind: 'bytes'; to: number; bytes: Uint8Array }
  /** A zero matrix of `rows` rows of `rowBytes` bytes, with source blocks placed in it. */
  | { kind: 'blocks'; to: number; rows: number; rowBytes: number; blocks: readonly Block[] }

/** `rows` source rows of `rowBytes` bytes each from absolute source offset `from`, placed at (row, colByte). */
export interface Block {
  from: number
  rows: number
  rowBytes: number
  row: number
  colByte: number
}

/**
 * Bytes built per window. Small, so the two windows stay in the CPU's cache between the reads that fill them and
 * the write that copies them to the page cache. Measured on the bench's stacking case (sync before each run, 3
 * runs each, this session's load): 8 MiB windows 5.8 s median wall, 2.4 s system time; 2 MiB 2.6 s, 1.0 s;
 * 1 MiB 1.1-1.9 s, 0.4-0.6 s; 256 KiB about the same as 1 MiB with four times the writes.
 */
export const WINDOW = 1 << 20

const segmentEnd = (s: Segment): number =>
  s.to + (s.kind === 'copy' ? s.length : s.kind === 'bytes' ? s.bytes.length : s.rows * s.rowBytes)

export interface PassOptions {
  /** Bytes built per window (tests use small ones to cross boundaries); at least one row of every tensor. */
  window?: number
  /** The sink for windows of `size` bytes; undefined (or none given): two windows written through the pool. */
  sink?: (size: number) => WindowSink | undefined
}

/**
 * Writes `segments` (in output order, back to back from `start` to `end`) to `dstFd`, reading `srcFd` (`file`
 * names it in errors).
 */
export async function writeOutputPass(
  srcFd: number,
  dstFd: number,
  segments: readonly Segment[],
  range: { start: number; end: number },
  file: string,
  opts: PassOptions = {}
): Promise<void> {
  let at = range.start
  for (const s of segments) {
    if (s.to !== at) throw new Error(`output segment at ${s.to}, expected ${at}`)
    at = segmentEnd(s)
  }
  if (at !== range.end) throw new Error(`the output segments end at ${at}, expected ${range.end}`)
  // A window holds at least one row of every block-placed tensor: windows end only between rows.
  let size = opts.window ?? WINDOW
  for (const s of segments) if (s.kind === 'blocks' && s.rowBytes > size) size = s.rowBytes
  const sink = opts.sink?.(size) ?? poolSink(dstFd, size)
  // The sink's windows, then its scratch area for a block's rows before they are moved to their columns
  // (copyWithin needs the rows and their places in one array).
  const rows: RowScratch = {
    memory: sink.memory,
    at: sink.slots * size,
    zeros: sink.memory.buffer instanceof SharedArrayBuffer ? sharedZeros(size) : undefined
  }
  let next = 0 // first segment not wholly before the window
  try {
    for (let w0 = range.start, slot = 0; w0 < range.end; slot = (slot + 1) % sink.slots) {
      const free = sink.acquire(slot)
      if (free) await free
      const base = slot * size
      let w1 = Math.min(w0 + size, range.end)
      while (next < segments.length && segmentEnd(segments[next]!) <= w0) next++
      for (let i = next; i < segments.length && segments[i]!.to < w1; i++) {
        const s = segments[i]!
        if (s.kind === 'blocks' && segmentEnd(s) > w1) {
          // end the window at a row boundary of this tensor (the window holds at least one of its rows)
          const cut = s.to + Math.floor((w1 - s.to) / s.rowBytes) * s.rowBytes
          if (cut > w0) w1 = cut
        }
        fillWindow(s, rows, base, w0, w1, srcFd, file)
      }
      const sent = sink.submit(slot, w0, w1 - w0)
      if (sent) await sent
      w0 = w1
    }
    await sink.finish()
  } catch (e) {
    await sink.abort()
    throw e
  } finally {
    if (rows.zeros?.device !== undefined) closeQuietly(rows.zeros.device)
  }
}

/** The pass's memory (the sink's windows, then a scratch area of a window's size and SCRATCH_SLACK from `at`). */
interface RowScratch {
  memory: Uint8Array
  at: number
  /** Where the memory is shared (the worker sink's): how zeros are put in it (see SharedZeros). */
  zeros: SharedZeros | undefined
}

/**
 * Zeros for shared memory. V8 fills a shared array byte by byte with relaxed atomic stores (632 ms per GB on this
 * VM, against 6 ms for a fill of unshared memory), and copies into one (`set`, `copyWithin`) a machine word at a time
 * where source and destination sit at the same offset modulo 8, a byte at a time elsewhere (81 against 400 ms per
 * GB). The kernel writes zeros into it at memset speed: a read of /dev/zero, 45 ms per GB. So zeros are read from
 * /dev/zero where it can be opened, else copied from an unshared array of zeros at their place's offset modulo 8;
 * and a block's rows are read into the scratch area at their first place's offset modulo 8 (a row's places differ
 * by its stride). On the bench's stacking conversion (valgrind --tool=cachegrind, the whole process, the same
 * output): 4.39 G instructions with zeros and rows copied at any offset, 4.05 G with aligned copies, 3.39 G with
 * zeros from /dev/zero.
 */
export interface SharedZeros {
  /** /dev/zero, open for reading; undefined where it cannot be (no such device) or once a read of it failed. */
  device: number | undefined
  /** A window's length of zeros and SCRATCH_SLACK more. */
  bytes: Uint8Array
}

export function sharedZeros(size: number): SharedZeros {
  let device: number | undefined
  try {
    device = openSync('/dev/zero', 'r')
  } catch {
    device = undefined
  }
  return { device, bytes: new Uint8Array(size + SCRATCH_SLACK) }
}

/** Writes `length` zeros into shared `memory` from `at`. */
export function zeroShared(memory: Uint8Array, at: number, length: number, zeros: SharedZeros): void {
  if (zeros.device !== undefined) {
    try {
      readFully(zeros.device, memory.subarray(at, at + length), 0, '/dev/zero')
      return
    } catch {
      closeQuietly(zeros.device)
      zeros.device = undefined
    }
  }
  memory.set(zeros.bytes.subarray(at & 7, (at & 7) + length), at)
}

/** Puts the part of `s` inside [w0, w1) into the window at `base` of `m.memory` (which holds output bytes from w0). */
function fillWindow(
  s: Segment,
  m: RowScratch,
  base: number,
  w0: number,
  w1: number,
  srcFd: number,
  file: string
): void {
  const a = Math.max(s.to, w0)
  const b = Math.min(segmentEnd(s), w1)
  if (a >= b) return
  const { memory } = m
  if (s.kind === 'copy') {
    readFully(srcFd, memory.subarray(base + a - w0, base + b - w0), s.from + (a - s.to), file)
  } else if (s.kind === 'bytes') {
    memory.set(s.bytes.subarray(a - s.to, b - s.to), base + a - w0)
  } else {
    // [a, b) holds whole rows r0..r1 of the tensor (the window ends between rows)
    const at = base + a - w0
    if (m.zeros === undefined) memory.fill(0, at, at + (b - a))
    else zeroShared(memory, at, b - a, m.zeros)
    const r0 = (a - s.to) / s.rowBytes
    const r1 = (b - s.to) / s.rowBytes
    for (const block of s.blocks) {
      const first = Math.max(block.row, r0)
      const last = Math.min(block.row + block.rows, r1)
      if (first >= last) continue
      const d = at + (first - r0) * s.rowBytes + block.colByte
      placeRows(srcFd, m, d, s.rowBytes, block, first, last, file)
    }
  }
}

/**
 * Puts a block's source rows `first..last` (contiguous in the source) into `m.memory` from `d`, one row every
 * `stride` bytes: one read of them all into the scratch area, then a move of each row to its column. The rows of a
 * window fit the scratch area: a window holds at least as many bytes of the output's rows, each wider than the
 * block's. Reading each row straight to its place with vectored reads (one iovec per row, 256-byte rows on the
 * bench's stacking case) cost the kernel more per row than this copy does: the pass's reads and row placement on the
 * main thread measured 448-527 ms with vectored reads and 253-264 ms this way (performance.now around fillWindow,
 * 3 runs each), the output byte-identical.
 */
function placeRows(
  fd: number,
  m: RowScratch,
  d: number,
  stride: number,
  block: Block,
  first: number,
  last: number,
  file: string
): void {
  const rowBytes = block.rowBytes
  const n = last - first
  const { memory } = m
  const at = m.at + ((d - m.at) & 7) // the rows' first place's offset modulo 8 (SharedZeros)
  readFully(fd, memory.subarray(at, at + n * rowBytes), block.from + (first - block.row) * rowBytes, file)
  for (let i = 0, from = at; i < n; i++, d += stride, from += rowBytes)
    memory.copyWithin(d, from, from + rowBytes)
}

// Hashing runs in a worker thread: on the main thread its CPU time (about 1 s per GB) would stall the copy loop.
// One buffer, reused: a stream's fresh buffer per chunk costs a page fault per page it touches (measured on the
// bench's 1.18 GB source with --hash-source: 2.4-3.3 s of system time with a 1 MiB stream, against 0.7-1.0 s).
const FILE_HASH_WORKER = `
const { createHash } = require('node:crypto')
const { closeSync, openSync, readSync } = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
try {
  const hash = createHash('sha256')
  const buf = new Uint8Array(1 << 20)
  const fd = openSync(workerData, 'r')
  try {
    for (let pos = 0, n; (n = readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) hash.update(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  parentPort.postMessage({ sha256: hash.digest('hex') })
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message ? e.message : e) })
}
`

/** The sha256 of a file, read sequentially in a worker thread. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const worker = new (workerThreads().Worker)(FILE_HASH_WORKER, { eval: true, workerData: path })
    let settled = false
    worker.once('message', (m: { sha256?: string; error?: string }) => {
      settled = true
      if (m.sha256) resolvePromise(m.sha256)
      else reject(new Error(`hashing ${path}: ${m.error}`))
      void worker.terminate()
    })
    worker.once('error', (e) => {
      if (!settled) reject(e)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`hashing ${path}: worker exited with ${code}`))
    })
  })
}

/** Below this size a file is hashed inline: a worker costs tens of milliseconds to start. */
export const WORKER_HASH_BYTES = 64 << 20

/**
 * The sha256 of `size` bytes of the open file `fd` (`file`: its path): read on the main thread when small, else by
 * a worker beside the caller's work (the worker opens the file by its path).
 */
export function sha256Source(fd: number, size: number, file: string): Promise<string> {
  if (size >= WORKER_HASH_BYTES) return sha256File(file)
  try {
    const hash = crypto().createHash('sha256')
    const buf = new Uint8Array(Math.min(size, 1 << 20))
    for (let pos = 0; pos < size;) {
      const chunk = buf.subarray(0, Math.min(buf.length, size - pos))
      readFully(fd, chunk, pos, file)
      hash.update(chunk)
      pos += chunk.length
    }
    return Promise.resolve(hash.digest('hex'))
  } catch (e) {
    return Promise.reject(e)
  }
}
