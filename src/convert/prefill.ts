/**
 * Prefilling the user-space pass's output while the conversion is planned. Writing into a new file costs the
 * kernel more than writing over pages the file already has: each new page is allocated, zeroed and charged, and
 * ext4 reserves its block (delayed allocation). On the bench's stacking conversion, writing its 1.77 GB output
 * took about 300 ms into a new file and about 113 ms over the same file's cached pages. So once both headers are
 * read, a worker thread writes zeros to the pass's temporary file, from its start, on the other core, while the
 * main thread analyses the LoRA, indexes the base and plans (about 150 ms there); the pass then takes the file
 * over and writes over pages that exist. The worker stops as soon as the pass takes the file, so it never writes
 * beside the pass, and whatever it wrote past the output's end is cut off.
 *
 * The output's size is not known until the plan is: the LoRA's size bounds the prefill (an output that
 * restacks the LoRA's layers is larger, one that drops modules smaller, and is truncated to its size), and so
 * does a tenth of the available memory (below).
 */
import { closeSync, ftruncateSync, fstatSync, openSync, rmSync } from 'node:fs'
import { freemem } from 'node:os'
import { Worker } from 'node:worker_threads'
import { tempPathFor } from './kernel-copy.js'

/** Below this many bytes no prefill starts: a worker costs milliseconds to start, more than it saves there. */
export const PREFILL_MIN_BYTES = 64 << 20

/** The most the pass waits for the worker to stop (it stops within one 1 MiB write). */
const STOP_WAIT_MS = 10_000

// The state word shared with the worker (Int32Array over a SharedArrayBuffer, index 0).
const IDLE = 0 // the worker has not started writing
const RUNNING = 1
const STOPPING = 2 // asked to stop: the worker finishes its current write
const STOPPED = 3 // it writes no more (or never will)

// The worker: claims IDLE -> RUNNING, writes 1 MiB of zeros at a time while the state stays RUNNING, then says
// STOPPED whatever happened (a full disk ends the prefill early; the pass reports its own failure, if any).
const PREFILL_WORKER = `
const { writeSync } = require('node:fs')
const { workerData } = require('node:worker_threads')
const state = new Int32Array(workerData.state)
if (Atomics.compareExchange(state, 0, ${IDLE}, ${RUNNING}) === ${IDLE}) {
  try {
    const zeros = new Uint8Array(1 << 20)
    for (let at = 0; at < workerData.limit && Atomics.load(state, 0) === ${RUNNING};)
      at += writeSync(workerData.fd, zeros, 0, Math.min(zeros.length, workerData.limit - at), at)
  } catch {
    // stop here: what was written is used, the rest is written by the pass
  }
  Atomics.store(state, 0, ${STOPPED})
  Atomics.notify(state, 0)
}
`

/** The pass's output file, opened and partly written with zeros. */
export interface PrefilledFile {
  fd: number
  temp: string
  /** Bytes of zeros at its start (at most the size asked for). */
  prefilled: number
}

export interface Prefill {
  /** The output it is for (an absolute path); its temporary file sits beside it. */
  readonly target: string
  /**
   * Stops the worker and hands the file over, cut to at most `size` bytes; the caller then owns (closes or
   * removes) it. Undefined when the worker did not stop in time or the file cannot be cut: the file is then
   * removed, and the pass opens its own.
   */
  take(size: number): PrefilledFile | undefined
  /** Stops the worker and removes the file; a no-op after `take`. */
  discard(): void
}

/**
 * Starts prefilling the temporary file for `target` (absolute) up to `limit` bytes (at most a tenth of the
 * available memory), or returns undefined when that is under `minBytes` or no file can be created beside `target`
 * (the writer then creates the folder, opens its own file and reports what fails).
 */
export function startPrefill(
  target: string,
  limit: number,
  minBytes = PREFILL_MIN_BYTES
): Prefill | undefined {
  // Zeros the pass overwrites cost nothing on disk while they stay in the page cache; past Linux's default
  // background writeback threshold (10% of available memory) they would be written to disk and then again.
  limit = Math.min(limit, Math.floor(freemem() / 10))
  if (!(limit >= minBytes)) return undefined
  const temp = tempPathFor(target, '.pass')
  let fd: number
  try {
    fd = openSync(temp, 'wx')
  } catch {
    return undefined
  }
  const state = new Int32Array(new SharedArrayBuffer(4))
  try {
    const worker = new Worker(PREFILL_WORKER, { eval: true, workerData: { fd, limit, state: state.buffer } })
    worker.unref()
    worker.on('error', () => undefined) // the state word says STOPPED or IDLE either way
  } catch {
    // no worker: nothing is prefilled, the pass still takes the file
  }
  let owned = true
  /** Makes sure the worker writes no more; false when it did not stop in time. */
  const stop = (): boolean => {
    // a worker that has not started yet never will; a running one is asked to stop and waited for
    if (Atomics.compareExchange(state, 0, IDLE, STOPPED) === IDLE) return true
    Atomics.compareExchange(state, 0, RUNNING, STOPPING)
    const deadline = Date.now() + STOP_WAIT_MS
    for (let now = Date.now(); Atomics.load(state, 0) !== STOPPED && now < deadline; now = Date.now())
      Atomics.wait(state, 0, STOPPING, deadline - now)
    return Atomics.load(state, 0) === STOPPED
  }
  /** Removes the file; closes it only when the worker writes no more (a closed number can be reused). */
  const remove = (stopped: boolean): void => {
    owned = false
    try {
      if (stopped) closeSync(fd)
    } catch {
      // already closed
    }
    rmSync(temp, { force: true })
  }
  return {
    target,
    take(size) {
      if (!owned) return undefined
      if (!stop()) {
        remove(false)
        return undefined
      }
      try {
        let prefilled = fstatSync(fd).size
        if (prefilled > size) {
          ftruncateSync(fd, size)
          prefilled = size
        }
        owned = false
        return { fd, temp, prefilled }
      } catch {
        remove(true)
        return undefined
      }
    },
    discard() {
      if (owned) remove(stop())
    }
  }
}
