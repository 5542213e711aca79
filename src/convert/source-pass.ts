/**
 * A conversion's one pass over its source file: every byte is read once, in file order, goes into the source's
 * SHA-256, and the parts the output keeps unchanged are written to their output positions straight from the read
 * buffer. The output is written with positional writes, so the copies can follow the source's order whatever the
 * output's order is.
 *
 * Why not `copy_file_range`: Node exposes it only inside `fs.copyFile` (whole file to whole file, offset 0 to 0),
 * and the output's header differs in length from the source's, so no output byte sits at its source offset. The
 * pass does what a user-space copy must (read, write), once, and hashes on a worker thread for big files so the
 * hash (about as slow as the copy) runs beside it on the other core.
 */
import { createHash } from 'node:crypto'
import { readSync, writeSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { CheckpointError } from '../formats/errors.js'

/** `length` bytes from source offset `from` to output offset `to`. */
export interface CopyOp {
  from: number
  to: number
  length: number
}

const CHUNK = 8 << 20
/** Buffers in flight between the copy and the hashing worker. */
const BUFFERS = 4
/** Below this size the hash runs inline: a worker costs tens of milliseconds to start. */
export const WORKER_HASH_BYTES = 64 << 20

/** Sorted by source offset, with copies that continue each other on both sides merged into one. */
export function mergeCopies(ops: readonly CopyOp[]): CopyOp[] {
  const sorted = ops.filter((o) => o.length > 0).sort((a, b) => a.from - b.from || a.to - b.to)
  const out: CopyOp[] = []
  for (const op of sorted) {
    const last = out[out.length - 1]
    if (last !== undefined && last.from + last.length === op.from && last.to + last.length === op.to)
      last.length += op.length
    else out.push({ ...op })
  }
  return out
}

/**
 * Reads the source (`size` bytes of `srcFd`) once, writes every copy (sorted, as from `mergeCopies`) to `dstFd`,
 * and returns the source's SHA-256 (hex), hashed on a worker from `workerHashBytes` (undefined with `hash: false`). `file` names the source in
 * errors.
 */
export async function copyAndHash(
  srcFd: number,
  dstFd: number,
  size: number,
  copies: readonly CopyOp[],
  file: string,
  opts: { hash?: boolean; workerHashBytes?: number } = {}
): Promise<string | undefined> {
  const hasher =
    opts.hash === false
      ? new NoHasher()
      : size >= (opts.workerHashBytes ?? WORKER_HASH_BYTES)
        ? new WorkerHasher()
        : new InlineHasher()
  try {
    let next = 0
    let open: CopyOp[] = []
    for (let pos = 0; pos < size;) {
      const n = Math.min(CHUNK, size - pos)
      const buf = (await hasher.buffer()).subarray(0, n)
      readFully(srcFd, buf, pos, file)
      const end = pos + n
      while (next < copies.length && copies[next]!.from < end) open.push(copies[next++]!)
      for (const op of open) {
        const a = Math.max(op.from, pos)
        const b = Math.min(op.from + op.length, end)
        if (a < b) writeFully(dstFd, buf.subarray(a - pos, b - pos), op.to + (a - op.from))
      }
      open = open.filter((op) => op.from + op.length > end)
      hasher.update(buf)
      pos = end
    }
    if (next < copies.length || open.length > 0) {
      throw new CheckpointError('Truncated', file, 'the plan copies bytes past the end of the source')
    }
    return await hasher.digest()
  } finally {
    hasher.close()
  }
}

function readFully(fd: number, buf: Uint8Array, position: number, file: string): void {
  let done = 0
  while (done < buf.length) {
    const n = readSync(fd, buf, done, buf.length - done, position + done)
    if (n === 0) {
      throw new CheckpointError(
        'Truncated',
        file,
        `the source ended at byte ${position + done} during the copy`
      )
    }
    done += n
  }
}

export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done)
}

interface Hasher {
  /** A free CHUNK-sized buffer (waits for one the worker has finished with). */
  buffer(): Promise<Uint8Array>
  /** Hands `bytes` (a view of a buffer from `buffer()`) to the hash; the buffer is not touched again. */
  update(bytes: Uint8Array): void
  digest(): Promise<string | undefined>
  close(): void
}

/** The copy alone (the record does not hash the source's data unless asked to). */
class NoHasher implements Hasher {
  private buf: Uint8Array | undefined
  buffer(): Promise<Uint8Array> {
    this.buf ??= new Uint8Array(CHUNK)
    return Promise.resolve(this.buf)
  }
  update(): void {}
  digest(): Promise<undefined> {
    return Promise.resolve(undefined)
  }
  close(): void {}
}

class InlineHasher implements Hasher {
  private readonly hash = createHash('sha256')
  private buf: Uint8Array | undefined
  buffer(): Promise<Uint8Array> {
    this.buf ??= new Uint8Array(CHUNK)
    return Promise.resolve(this.buf)
  }
  update(bytes: Uint8Array): void {
    this.hash.update(bytes)
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest('hex'))
  }
  close(): void {}
}

// The worker hashes each buffer it is sent and sends it back for reuse (both ways transferred, never copied).
const HASH_WORKER = `
const { createHash } = require('node:crypto')
const { parentPort } = require('node:worker_threads')
const hash = createHash('sha256')
parentPort.on('message', (m) => {
  if (m.bytes === undefined) return parentPort.postMessage({ sha256: hash.digest('hex') })
  hash.update(new Uint8Array(m.bytes, 0, m.length))
  parentPort.postMessage({ bytes: m.bytes }, [m.bytes])
})
`

class WorkerHasher implements Hasher {
  private readonly worker = new Worker(HASH_WORKER, { eval: true })
  private readonly free: ArrayBuffer[] = []
  private created = 0
  private waiting: { resolve: (b: ArrayBuffer) => void; reject: (e: unknown) => void } | undefined
  private done: { resolve: (hex: string) => void; reject: (e: unknown) => void } | undefined
  private failure: unknown

  constructor() {
    this.worker.on('message', (m: { bytes?: ArrayBuffer; sha256?: string }) => {
      if (m.sha256 !== undefined) this.done?.resolve(m.sha256)
      else if (m.bytes !== undefined) {
        const w = this.waiting
        this.waiting = undefined
        if (w) w.resolve(m.bytes)
        else this.free.push(m.bytes)
      }
    })
    this.worker.on('error', (e) => this.fail(e))
    this.worker.on('exit', (code) => this.fail(new Error(`the hashing worker exited with code ${code}`)))
  }

  private fail(e: unknown): void {
    this.failure ??= e
    this.done?.reject(e)
    this.waiting?.reject(e)
  }

  async buffer(): Promise<Uint8Array> {
    if (this.failure !== undefined) throw this.failure
    const ready = this.free.pop()
    if (ready !== undefined) return new Uint8Array(ready)
    if (this.created < BUFFERS) {
      this.created++
      return new Uint8Array(CHUNK)
    }
    return new Uint8Array(
      await new Promise<ArrayBuffer>((resolve, reject) => (this.waiting = { resolve, reject }))
    )
  }

  update(bytes: Uint8Array): void {
    const buffer = bytes.buffer as ArrayBuffer
    this.worker.postMessage({ bytes: buffer, length: bytes.length }, [buffer])
  }

  digest(): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.failure !== undefined) return reject(this.failure)
      this.done = { resolve, reject }
      this.worker.postMessage({})
    })
  }

  close(): void {
    this.worker.removeAllListeners('exit')
    void this.worker.terminate()
  }
}

// Hashing runs in a worker thread: on the main thread its CPU time (about 1 s per GB) would stall the copy loop.
const FILE_HASH_WORKER = `
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const hash = createHash('sha256')
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (e) => parentPort.postMessage({ error: String(e && e.message ? e.message : e) }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }))
`

/** The sha256 of a file, read sequentially in a worker thread. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(FILE_HASH_WORKER, { eval: true, workerData: path })
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
