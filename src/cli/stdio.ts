/**
 * stdout and stderr for the CLI. When the output is a pipe or a file (scripts, CI, `| jq`), text is written with
 * `fs.writeSync` on the file descriptor instead of through `process.stdout`: creating `process.stdout` for a pipe
 * loads Node's net and stream modules, about 3 ms of a run whose own work is a few tens of ms. A terminal, Windows,
 * and a non-blocking pipe that fills up (EAGAIN) use the stream, which knows how to wait.
 */
import { fstatSync, writeSync } from 'node:fs'

export interface OutputChannel {
  write(text: string): void
  readonly isTTY: boolean
  /** A terminal's width in columns; undefined for a pipe or a file. */
  readonly columns?: number
  /**
   * True while every byte so far went out with `writeSync` (nothing can be left in flight); false once a stream
   * took over, whose writes may still be queued.
   */
  written(): boolean
}

/**
 * `stream` is called only when the stream is needed (`() => process.stdout`); `onBrokenPipe` runs when the
 * reader went away (`model-compat ... | head`), and must not return.
 */
export function outputChannel(
  fd: number,
  stream: () => NodeJS.WriteStream,
  onBrokenPipe: () => never
): OutputChannel {
  if (process.platform === 'win32' || !isPipeOrFile(fd)) {
    const s = stream()
    return {
      write: (text) => void s.write(text),
      isTTY: Boolean(s.isTTY),
      columns: s.columns,
      written: () => false
    }
  }
  let fallback: NodeJS.WriteStream | undefined
  return {
    isTTY: false,
    written: () => fallback === undefined,
    write(text) {
      if (fallback !== undefined) {
        fallback.write(text)
        return
      }
      const bytes = Buffer.from(text, 'utf8')
      let offset = 0
      while (offset < bytes.length) {
        try {
          offset += writeSync(fd, bytes, offset, bytes.length - offset)
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code
          if (code === 'EPIPE') onBrokenPipe()
          if (code !== 'EAGAIN') throw e
          fallback = stream()
          fallback.write(bytes.subarray(offset))
          return
        }
      }
    }
  }
}

/** A pipe, socket or regular file: never a terminal (a character device, like /dev/null, takes the stream). */
function isPipeOrFile(fd: number): boolean {
  try {
    const st = fstatSync(fd)
    return st.isFIFO() || st.isSocket() || st.isFile()
  } catch {
    return false
  }
}
