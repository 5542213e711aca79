/** The CLI's fd writer (src/cli/stdio.ts): pipes and files get fs.writeSync, a full non-blocking pipe the stream. */
import { execFileSync } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outputChannel } from '../../src/cli/stdio.js'

let dir: string
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mc-stdio-'))))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A stand-in for process.stdout that records what it was given. */
function recordingStream(): { stream: () => NodeJS.WriteStream; got: Buffer[]; created: () => number } {
  const got: Buffer[] = []
  let created = 0
  const fake = { isTTY: false, write: (b: string | Uint8Array) => got.push(Buffer.from(b)) }
  return {
    stream: () => {
      created++
      return fake as unknown as NodeJS.WriteStream
    },
    got,
    created: () => created
  }
}

const never = (): never => {
  throw new Error('no broken pipe expected')
}

describe('outputChannel', () => {
  it('writes to a regular file directly, without creating the stream', () => {
    const file = join(dir, 'out.txt')
    const fd = openSync(file, 'w')
    const rec = recordingStream()
    const out = outputChannel(fd, rec.stream, never)
    out.write('héllo ')
    out.write('wörld\n')
    closeSync(fd)
    expect(readFileSync(file, 'utf8')).toBe('héllo wörld\n')
    expect(out.isTTY).toBe(false)
    expect(rec.created()).toBe(0)
    // everything went out synchronously: the CLI may exit at once (start.ts)
    expect(out.written()).toBe(true)
  })

  it("never counts a stream's output as written (a terminal, /dev/null: queued writes may remain)", () => {
    const fd = openSync('/dev/null', 'w')
    try {
      const rec = recordingStream()
      const out = outputChannel(fd, rec.stream, never)
      out.write('x')
      expect(rec.created()).toBe(1)
      expect(out.written()).toBe(false)
    } finally {
      closeSync(fd)
    }
  })

  const linux = process.platform === 'linux' ? it : it.skip
  linux(
    'hands the rest to the stream when a non-blocking pipe is full (EAGAIN), losing and repeating nothing',
    () => {
      const fifo = join(dir, 'fifo')
      execFileSync('mkfifo', [fifo])
      // read-write so opening does not wait for a reader; non-blocking like a pipe Node itself set up
      const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK)
      try {
        const rec = recordingStream()
        const out = outputChannel(fd, rec.stream, never)
        const text = 'x'.repeat(100_000) + 'y'.repeat(200_000)
        out.write(text)
        out.write('tail')
        expect(rec.created()).toBe(1)
        // the stream holds the rest, maybe still queued: exiting now would drop it
        expect(out.written()).toBe(false)
        const inPipe = Buffer.alloc(400_000)
        const n = readSync(fd, inPipe, 0, inPipe.length, null)
        expect(n).toBeGreaterThan(0)
        const all = Buffer.concat([inPipe.subarray(0, n), ...rec.got]).toString()
        expect(all).toBe(text + 'tail')
      } finally {
        closeSync(fd)
      }
    }
  )

  linux('reports a pipe whose reader is gone (EPIPE) to onBrokenPipe', () => {
    const fifo = join(dir, 'fifo-epipe')
    execFileSync('mkfifo', [fifo])
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK)
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
    closeSync(reader)
    try {
      const out = outputChannel(writer, recordingStream().stream, () => {
        throw new Error('broken pipe')
      })
      expect(() => out.write('data')).toThrow('broken pipe')
    } finally {
      closeSync(writer)
    }
  })
})
