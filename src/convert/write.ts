/**
 * The streaming writer of a conversion plan: output tensors in plan order, each built from byte ranges of the
 * source file (row copies, or block placement into a zero matrix), so memory stays near one tensor plus an 8 MB
 * copy buffer and no element is ever decoded. The file goes to a temporary name in the output's folder and is
 * renamed into place only when complete. The source file's sha256 is computed by a parallel sequential read, and
 * the header (fixed length: the hash is a fixed-width field) is written last.
 */
import { Worker } from 'node:worker_threads'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { SAFETENSORS_DTYPE_BITS } from '../formats/dtypes.js'
import { CheckpointError } from '../formats/errors.js'
import { encodeSafetensorsHeader } from '../formats/safetensors/write.js'
import type { Checkpoint, TensorInfo } from '../formats/types.js'
import type { ConversionPlan, OutputTensor, SourceRows } from './types.js'

export const CONVERSION_METADATA_KEY = 'model_compat.conversion'
const COPY_CHUNK = 8 << 20
const HASH_PLACEHOLDER = '0'.repeat(64)

export interface WriteOptions {
  tool: { name: string; version: string }
}

export interface WriteResult {
  path: string
  bytes: number
  tensors: number
  sourceSha256: string
}

/** The conversion record kept in the output's metadata (JSON under `model_compat.conversion`). */
export interface ConversionRecord {
  tool: string
  version: string
  source: { file: string; sha256: string; bytes: number }
  base: string
  to: string
  modules: number
  transforms: ConversionPlan['counts']
  /** Every output module that is not a plain rename: output stem <- source stems. */
  layoutChanges: { stem: string; transform: string; from: string[] }[]
  dropped: { stem: string; reason: string }[]
}

export function conversionRecord(
  plan: ConversionPlan,
  source: { file: string; sha256: string; bytes: number },
  tool: WriteOptions['tool']
): ConversionRecord {
  return {
    tool: tool.name,
    version: tool.version,
    source,
    base: basename(plan.base),
    to: plan.to,
    modules: plan.modules.length,
    transforms: plan.counts,
    layoutChanges: plan.modules
      .filter((m) => m.transform !== 'rename')
      .map((m) => ({ stem: m.stem, transform: m.transform, from: m.sources.map((s) => s.stem) })),
    dropped: plan.dropped
  }
}

function elementBytes(dtype: string, where: string): number {
  const bits = SAFETENSORS_DTYPE_BITS[dtype]
  if (!bits || bits % 8 !== 0)
    throw new CheckpointError('TensorInvalidInfo', where, `dtype ${dtype} is not byte-sized`)
  return bits / 8
}

/** Bytes per row of a source tensor and its start offset. */
function rowGeometry(t: TensorInfo, file: string): { start: number; rowBytes: number } {
  if (!t.byteRange) throw new CheckpointError('TensorInvalidInfo', file, `${t.name} has no byte range`)
  const rows = t.shape[0] ?? 1
  const bytes = Number(t.byteRange.end - t.byteRange.start)
  return { start: Number(t.byteRange.start), rowBytes: rows === 0 ? 0 : bytes / rows }
}

/**
 * Gathers the output in 8 MB buffers: source ranges are read straight into the buffer (several reads in flight),
 * small computed tensors are copied in, and a full buffer is written while the next one fills. Two buffers, so
 * memory stays at 16 MB plus the largest computed tensor.
 */
class OutputStream {
  private readonly buffers = [new Uint8Array(COPY_CHUNK), new Uint8Array(COPY_CHUNK)]
  private current = 0
  private fill = 0
  private reads: Promise<void>[] = []
  private writing: Promise<void> = Promise.resolve()
  constructor(
    private readonly src: FileHandle,
    private readonly dst: FileHandle,
    /** File position of the current buffer's first byte. */
    public position: number
  ) {}

  /** Bytes written or queued so far, as a file position. */
  get end(): number {
    return this.position + this.fill
  }

  async copy(from: number, length: number): Promise<void> {
    while (length > 0) {
      const n = Math.min(length, COPY_CHUNK - this.fill)
      this.reads.push(readExactly(this.src, this.buffers[this.current]!, this.fill, n, from))
      this.fill += n
      from += n
      length -= n
      if (this.fill === COPY_CHUNK) await this.swap()
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > COPY_CHUNK - this.fill) {
      await this.swap()
      if (bytes.length > COPY_CHUNK) {
        await this.writing
        await writeAll(this.dst, bytes, this.position)
        this.position += bytes.length
        return
      }
    }
    this.buffers[this.current]!.set(bytes, this.fill)
    this.fill += bytes.length
  }

  /** Write the current buffer (once its reads are in) and switch to the other one. */
  private async swap(): Promise<void> {
    await Promise.all(this.reads)
    this.reads = []
    // The other buffer is reused next: its write must be done.
    await this.writing
    if (this.fill === 0) return
    this.writing = writeAll(this.dst, this.buffers[this.current]!.subarray(0, this.fill), this.position)
    this.writing.catch(() => undefined)
    this.position += this.fill
    this.fill = 0
    this.current = 1 - this.current
  }

  async finish(): Promise<void> {
    await this.swap()
    await this.writing
  }
}

async function readExactly(
  fh: FileHandle,
  buf: Uint8Array,
  offset: number,
  length: number,
  position: number
): Promise<void> {
  let done = 0
  while (done < length) {
    const { bytesRead } = await fh.read(buf, offset + done, length - done, position + done)
    if (bytesRead === 0) throw new Error(`source ended at byte ${position + done}`)
    done += bytesRead
  }
}

async function writeAll(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done)
    done += bytesWritten
  }
}

function sourceOf(byName: Map<string, TensorInfo>, key: string, file: string): TensorInfo {
  const t = byName.get(key)
  if (!t)
    throw new CheckpointError('TensorInvalidInfo', file, `plan names ${key}, which the file does not hold`)
  return t
}

async function writeTensor(
  t: OutputTensor,
  byName: Map<string, TensorInfo>,
  src: FileHandle,
  copier: OutputStream,
  file: string
): Promise<void> {
  const r = t.recipe
  if (r.kind === 'scalar') {
    const bytes = new Uint8Array(4)
    new DataView(bytes.buffer).setFloat32(0, r.value, true)
    await copier.write(bytes)
    return
  }
  if (r.kind === 'rows') {
    for (const p of r.pieces) {
      const g = rowGeometry(sourceOf(byName, p.key, file), file)
      await copier.copy(g.start + p.start * g.rowBytes, (p.end - p.start) * g.rowBytes)
    }
    return
  }
  // Block placement: a zero matrix [rows, cols] with each block's rows copied to its (row, col).
  const es = elementBytes(t.dtype, file)
  const cols = t.shape[1] ?? 0
  const out = new Uint8Array((t.shape[0] ?? 0) * cols * es)
  for (const b of r.blocks) {
    const info = sourceOf(byName, b.key, file)
    const g = rowGeometry(info, file)
    const rows = b.end - b.start
    const block = new Uint8Array(rows * g.rowBytes)
    await readExactly(src, block, 0, block.length, g.start + b.start * g.rowBytes)
    for (let i = 0; i < rows; i++) {
      out.set(block.subarray(i * g.rowBytes, (i + 1) * g.rowBytes), ((b.row + i) * cols + b.col) * es)
    }
  }
  await copier.write(out)
}

// Hashing runs in a worker thread: on the main thread its CPU time (about 1 s per GB) would stall the copy loop.
const HASH_WORKER = `
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
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: path })
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

function metadataOf(source: Checkpoint, record: ConversionRecord): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(source.metadata)) if (typeof v === 'string') out[k] = v
  out[CONVERSION_METADATA_KEY] = JSON.stringify(record)
  return out
}

/** Check a plan's pieces against the source before writing anything (dtype and row bounds). */
function checkPlan(plan: ConversionPlan, byName: Map<string, TensorInfo>, file: string): void {
  const check = (t: OutputTensor, p: SourceRows): void => {
    const s = sourceOf(byName, p.key, file)
    if (s.dtype !== t.dtype) throw new Error(`${t.key}: piece ${p.key} is ${s.dtype}, output is ${t.dtype}`)
    if (p.start < 0 || p.end > (s.shape[0] ?? 1) || p.start > p.end)
      throw new Error(`${t.key}: rows ${p.start}-${p.end} outside ${p.key}`)
  }
  for (const m of plan.modules) {
    for (const t of m.tensors) {
      if (t.recipe.kind === 'rows') for (const p of t.recipe.pieces) check(t, p)
      if (t.recipe.kind === 'blocks') for (const b of t.recipe.blocks) check(t, b)
    }
  }
}

/** Write the plan's output to `outPath` (atomically). The plan must be `ok`. */
export async function writeConversion(
  plan: ConversionPlan,
  source: Checkpoint,
  outPath: string,
  opts: WriteOptions
): Promise<WriteResult> {
  if (!plan.ok) throw new Error('the conversion plan has refused modules; nothing is written')
  if (source.format !== 'safetensors')
    throw new CheckpointError(
      'UnknownFormat',
      source.path,
      `convert reads single safetensors files, not ${source.format}`
    )
  const file = source.path
  const byName = new Map(source.tensors.map((t) => [t.name, t]))
  checkPlan(plan, byName, file)
  const tensors = plan.modules.flatMap((m) => m.tensors)
  const specs = tensors.map((t) => ({ name: t.key, shape: t.shape, dtype: t.dtype }))
  const record = (sha256: string): ConversionRecord =>
    conversionRecord(plan, { file: basename(file), sha256, bytes: source.bytes }, opts.tool)
  const draft = encodeSafetensorsHeader(specs, metadataOf(source, record(HASH_PLACEHOLDER)))

  const target = resolve(outPath)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`
  const hashing = sha256File(file)
  // Never left unhandled while the tensors are written; awaited below.
  hashing.catch(() => undefined)
  let src: FileHandle | undefined
  let dst: FileHandle | undefined
  try {
    src = await open(file, 'r')
    dst = await open(temp, 'w')
    const copier = new OutputStream(src, dst, draft.header.length)
    for (const t of tensors) await writeTensor(t, byName, src, copier, file)
    await copier.finish()
    const expected = draft.header.length + Number(draft.dataBytes)
    if (copier.position !== expected) throw new Error(`wrote ${copier.position} bytes, expected ${expected}`)
    const sha256 = await hashing
    const final = encodeSafetensorsHeader(specs, metadataOf(source, record(sha256)))
    if (final.header.length !== draft.header.length) throw new Error('header length changed after hashing')
    await writeAll(dst, final.header, 0)
    await dst.close()
    dst = undefined
    await rename(temp, target)
    return { path: target, bytes: expected, tensors: tensors.length, sourceSha256: sha256 }
  } catch (e) {
    await dst?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw e
  } finally {
    await src?.close().catch(() => undefined)
  }
}
