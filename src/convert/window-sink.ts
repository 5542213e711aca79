/**
 * Where the user-space pass's windows go (output-pass.ts builds them in order; a sink writes them). Two sinks:
 * - the pool sink: two windows, each written by a positional write on libuv's thread pool while the other is
 *   built, one write in flight;
 * - the worker sink (prefill.ts): a ring of windows in shared memory, written in order by the worker that
 *   prefilled the output, the main thread and the worker handing windows over through atomics.
 * Both write one window at a time, in output order: two writes to one file at once queue on its inode lock, and
 * Linux's waiter spins on the other core while the holder copies (perf on the bench's stacking conversion: 17-20%
 * of all cycles in rwsem_spin_on_owner under down_write).
 */
import { write } from 'node:fs'

/**
 * Bytes of the scratch area past a window's size: output-pass.ts reads a block's rows into it at the offset modulo 8
 * of the rows' place, so that moving them copies words (see its SharedZeros).
 */
export const SCRATCH_SLACK = 8

export interface WindowSink {
  /**
   * `slots` windows of `size` bytes each, then a scratch area of `size` + SCRATCH_SLACK bytes (output-pass.ts's
   * row reads).
   */
  readonly memory: Uint8Array
  readonly slots: number
  readonly size: number
  /** Returns (or resolves) once window `slot` may be built again: what it held before is written. */
  acquire(slot: number): Promise<void> | undefined
  /** Writes `length` bytes of window `slot` at `position` of the output (returns once it is under way). */
  submit(slot: number, position: number, length: number): Promise<void> | undefined
  /** Resolves when every window is written; rejects with the first failed write's error. */
  finish(): Promise<void>
  /** After a failure: no write is started any more (one under way may end after this resolves). */
  abort(): Promise<void>
}

/** Two windows of `size` bytes written to `fd` through libuv's thread pool, one write in flight. */
export function poolSink(fd: number, size: number): WindowSink {
  const memory = new Uint8Array(3 * size + SCRATCH_SLACK)
  let writing: Promise<void> | undefined
  return {
    memory,
    slots: 2,
    size,
    acquire: () => undefined, // a window's write ended before the write after it started
    async submit(slot, position, length) {
      await writing
      writing = writeAt(fd, memory.subarray(slot * size, slot * size + length), position)
      writing.catch(() => undefined) // awaited by the next submit, finish or abort
    },
    async finish() {
      await writing
    },
    async abort() {
      await writing?.catch(() => undefined)
    }
  }
}

function writeAt(fd: number, bytes: Uint8Array, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (done: number): void => {
      if (done === bytes.length) return resolve()
      write(fd, bytes, done, bytes.length - done, position + done, (e, n) => (e ? reject(e) : step(done + n)))
    }
    step(0)
  })
}
