/** Whole reads and writes at a position on open files, for the conversion writers. */
import { readSync, writeSync } from 'node:fs'
import { CheckpointError } from '../formats/errors.js'

/** Fills `buf` from `position` of the source `fd` (`file` names it in the error when it ends first). */
export function readFully(fd: number, buf: Uint8Array, position: number, file: string): void {
  for (let done = 0; done < buf.length;) {
    const n = readSync(fd, buf, done, buf.length - done, position + done)
    if (n === 0) throw new CheckpointError('Truncated', file, `the source ended at byte ${position + done}`)
    done += n
  }
}

export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done)
}
