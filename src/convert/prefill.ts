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
 * The same worker then writes the pass's windows (the worker sink): the main thread builds windows into a ring in
 * shared memory and the worker writes each in turn, the two handing them over through atomics. A pool write per
 * window, one in flight, left the writing thread idle between windows: the write's end reaches the main thread
 * through the event loop, and the next write reaches a pool thread through another wake-up, tens of microseconds
 * each on this VM against 65-170 us for the write itself. With a ring the worker finds the next window ready.
 *
 * The output's size is not known until the plan is: the LoRA's size bounds the prefill (an output that
 * restacks the LoRA's layers is larger, one that drops modules smaller, and is truncated to its size), and so
 * does a tenth of the available memory (below).
 */
import { closeSync, ftruncateSync, fstatSync, openSync, rmSync } from 'node:fs'
import { freemem } from 'node:os'
import type { MessagePort } from 'node:worker_threads'
import { tempPathFor } from './kernel-copy.js'
import { SCRATCH_SLACK, type WindowSink } from './window-sink.js'
import { workerThreads } from '../formats/builtins.js'

/** Below this many bytes no prefill starts: a worker costs milliseconds to start, more than it saves there. */
export const PREFILL_MIN_BYTES = 64 << 20

/** The most the pass waits for the worker to stop prefilling (it stops within one 1 MiB write). */
const STOP_WAIT_MS = 10_000

/** Windows in the worker sink's ring: the main thread builds up to three while the worker writes one. */
const RING_SLOTS = 4

// The control words shared with the worker (an Int32Array over a SharedArrayBuffer).
const PREFILL = 0 // the prefill's state:
const IDLE = 0 //   the worker has not started writing
const RUNNING = 1
const STOPPING = 2 //   asked to stop: the worker finishes its current write
const STOPPED = 3 //   it writes no zeros any more (or never will)
const PHASE = 1 // what the worker does after the prefill:
const WAITING = 0 //   nothing yet
const RING = 1 //   writes the ring's windows (sent on the port: memory, slots, size)
const QUIT = 2 //   ends
const READY = 2 // 1: the worker is waiting for its phase, with the file open
const FAILED = 3 // 1: a window's write failed (the error is on the port)
const SLOT = 4 // slot i's state at SLOT + i:
const EMPTY = 0 //   the main thread may build it
const FULL = 1 //   built: the worker writes it, at the position and length in `places`
const CLOSED = 2 //   the ring is closed: the worker ends
const CONTROL_WORDS = SLOT + RING_SLOTS

// The worker. It opens the file itself (by its path), so its descriptor is its own: the main thread can close
// its descriptor at any time without a write of the worker's ever reaching another file under a reused number.
const OUTPUT_WORKER = `
const { closeSync, openSync, writeSync } = require('node:fs')
const { receiveMessageOnPort, workerData: d } = require('node:worker_threads')
const c = new Int32Array(d.control)
const places = new Float64Array(d.places)
function prefill(fd) {
  if (Atomics.compareExchange(c, ${PREFILL}, ${IDLE}, ${RUNNING}) !== ${IDLE}) return
  try {
    const zeros = new Uint8Array(1 << 20)
    for (let at = 0; at < d.limit && Atomics.load(c, ${PREFILL}) === ${RUNNING};)
      at += writeSync(fd, zeros, 0, Math.min(zeros.length, d.limit - at), at)
  } catch {
    // stop here: what was written is used, the rest is written by the pass
  }
}
function ring(fd) {
  const { memory, slots, size } = receiveMessageOnPort(d.port).message
  const bytes = new Uint8Array(memory)
  for (let s = 0;; s = (s + 1) % slots) {
    let state
    while ((state = Atomics.load(c, ${SLOT} + s)) === ${EMPTY}) Atomics.wait(c, ${SLOT} + s, ${EMPTY})
    if (state !== ${FULL}) return
    const at = places[2 * s]
    const length = places[2 * s + 1]
    try {
      for (let done = 0; done < length;) done += writeSync(fd, bytes, s * size + done, length - done, at + done)
    } catch (e) {
      d.port.postMessage({ message: String(e && e.message ? e.message : e), code: e && e.code })
      Atomics.store(c, ${FAILED}, 1)
      for (let i = 0; i < slots; i++) {
        Atomics.store(c, ${SLOT} + i, ${CLOSED})
        Atomics.notify(c, ${SLOT} + i)
      }
      return
    }
    Atomics.compareExchange(c, ${SLOT} + s, ${FULL}, ${EMPTY})
    Atomics.notify(c, ${SLOT} + s)
  }
}
let fd = -1
try {
  fd = openSync(d.temp, 'r+')
  prefill(fd)
  Atomics.store(c, ${READY}, 1)
} catch {
  // no file of its own: no prefill and no ring (the main thread sees READY unset)
}
Atomics.store(c, ${PREFILL}, ${STOPPED})
Atomics.notify(c, ${PREFILL})
if (fd >= 0) {
  try {
    while (Atomics.load(c, ${PHASE}) === ${WAITING}) Atomics.wait(c, ${PHASE}, ${WAITING})
    if (Atomics.load(c, ${PHASE}) === ${RING}) ring(fd)
  } finally {
    closeSync(fd)
  }
}
`

/** The pass's output file, opened and partly written with zeros. */
export interface PrefilledFile {
  fd: number
  temp: string
  /** Bytes of zeros at its start (at most the size asked for). */
  prefilled: number
  /**
   * The worker sink for windows of `size` bytes (at most one per file), or undefined when the worker is not
   * there to write them. Either way, `release` ends the worker once the pass is over.
   */
  windows(size: number): WindowSink | undefined
  /** Ends the worker (after the pass, or instead of it); idempotent. */
  release(): void
}

export interface Prefill {
  /** The output it is for (an absolute path); its temporary file sits beside it. */
  readonly target: string
  /**
   * Stops the prefill and hands the file over, cut to at most `size` bytes; the caller then owns (closes or
   * removes) it and releases the worker. Undefined when the worker did not stop in time or the file cannot be
   * cut: the file is then removed, and the pass opens its own.
   */
  take(size: number): PrefilledFile | undefined
  /** Ends the worker and removes the file; a no-op after `take`. */
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
  const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS))
  const places = new Float64Array(new SharedArrayBuffer(8 * 2 * RING_SLOTS))
  const { MessageChannel, Worker } = workerThreads()
  const { port1, port2 } = new MessageChannel()
  try {
    const worker = new Worker(OUTPUT_WORKER, {
      eval: true,
      workerData: { temp, limit, control: control.buffer, places: places.buffer, port: port2 },
      transferList: [port2]
    })
    worker.unref()
    worker.on('error', () => undefined) // the control words say what it did
  } catch {
    // no worker: nothing is prefilled, the pass still takes the file
  }
  port1.unref()
  let owned = true
  /** Makes sure no zeros are written any more; false when the worker did not stop in time. */
  const stop = (): boolean => {
    // a worker that has not started yet never will; a running one is asked to stop and waited for
    if (Atomics.compareExchange(control, PREFILL, IDLE, STOPPED) === IDLE) return true
    Atomics.compareExchange(control, PREFILL, RUNNING, STOPPING)
    const deadline = Date.now() + STOP_WAIT_MS
    for (let now = Date.now(); Atomics.load(control, PREFILL) !== STOPPED && now < deadline; now = Date.now())
      Atomics.wait(control, PREFILL, STOPPING, deadline - now)
    return Atomics.load(control, PREFILL) === STOPPED
  }
  const release = (): void => closeRing(control)
  const remove = (): void => {
    owned = false
    release()
    try {
      closeSync(fd)
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
        remove()
        return undefined
      }
      try {
        let prefilled = fstatSync(fd).size
        if (prefilled > size) {
          ftruncateSync(fd, size)
          prefilled = size
        }
        owned = false
        let used = false
        const ready = Atomics.load(control, READY) === 1
        return {
          fd,
          temp,
          prefilled,
          windows(windowSize) {
            if (!ready || used || Atomics.load(control, PHASE) !== WAITING) return undefined
            used = true
            return ringSink(control, places, port1, windowSize)
          },
          release
        }
      } catch {
        remove()
        return undefined
      }
    },
    discard() {
      if (owned) {
        stop()
        remove()
      }
    }
  }
}

/** Tells the worker to end: whatever it waits for (its phase, a window), it stops waiting and ends. */
function closeRing(control: Int32Array): void {
  Atomics.store(control, PHASE, QUIT)
  Atomics.notify(control, PHASE)
  for (let i = 0; i < RING_SLOTS; i++) {
    Atomics.store(control, SLOT + i, CLOSED)
    Atomics.notify(control, SLOT + i)
  }
}

/** The main thread's side of the ring: windows built here, written by the worker in slot order. */
function ringSink(control: Int32Array, places: Float64Array, port: MessagePort, size: number): WindowSink {
  const memory = new SharedArrayBuffer((RING_SLOTS + 1) * size + SCRATCH_SLACK)
  port.postMessage({ memory, slots: RING_SLOTS, size })
  Atomics.store(control, PHASE, RING)
  Atomics.notify(control, PHASE)
  const failure = (): Error => {
    const m = workerThreads().receiveMessageOnPort(port)?.message as
      { message?: string; code?: unknown } | undefined
    return Object.assign(new Error(m?.message ?? 'the output writer stopped'), { code: m?.code })
  }
  /** Waits until slot `i` is not being written; throws the worker's error if a write failed. */
  const settled = (i: number): void => {
    for (;;) {
      const state = Atomics.load(control, SLOT + i)
      if (Atomics.load(control, FAILED) === 1) throw failure()
      if (state !== FULL) return
      Atomics.wait(control, SLOT + i, FULL)
    }
  }
  return {
    memory: new Uint8Array(memory),
    slots: RING_SLOTS,
    size,
    acquire(slot) {
      settled(slot)
      return undefined
    },
    submit(slot, position, length) {
      places[2 * slot] = position
      places[2 * slot + 1] = length
      Atomics.store(control, SLOT + slot, FULL)
      Atomics.notify(control, SLOT + slot)
      return undefined
    },
    finish() {
      try {
        for (let i = 0; i < RING_SLOTS; i++) settled(i)
        return Promise.resolve()
      } catch (e) {
        return Promise.reject(e)
      } finally {
        closeRing(control)
      }
    },
    abort() {
      closeRing(control)
      return Promise.resolve()
    }
  }
}
