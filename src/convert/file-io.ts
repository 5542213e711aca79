/** Whole reads and writes at a position on open files, for the conversion writers. */
import { closeSync, readSync, writeSync } from 'node:fs'
import { CheckpointError } from '../formats/errors.js'

/** Fills `buf` from `position` of the source `fd` (`file` names it in the error when it ends first). */
export function readFully(fd: number, buf: Uint8Array, position: number, file: string): void {
  for (let done = 0; done < buf.length;) {
    let n: number
    try {
      n = readSync(fd, buf, done, buf.length - done, position + done)
    } catch (e) {
      // the source's failure, named as such (an error from the output is the writer's to name)
      throw new CheckpointError('IoError', file, `cannot read at byte ${position + done}: ${messageOf(e)}`, {
        cause: e
      })
    }
    if (n === 0) throw new CheckpointError('Truncated', file, `the source ended at byte ${position + done}`)
    done += n
  }
}

export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done)
}

/** Closes `fd`, ignoring a failure: for cleanup, where the error on its way (or the result) says more. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // nothing to add to what the caller reports
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
