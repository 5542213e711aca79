/**
 * The streaming writer of a conversion plan: output tensors in plan order, each built from byte ranges of the
 * source file (row copies, or block placement into a zero matrix), so memory stays near one tensor plus an 8 MB
 * copy buffer and no element is ever decoded. The file goes to a temporary name in the output's folder and is
 * renamed into place only when complete. The source file's sha256 is computed by a parallel sequential read, and
 * the header (fixed length: the hash is a fixed-width field) is written last.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { SAFETENSORS_DTYPE_BITS } from '../formats/dtypes.js'
import { CheckpointError } from '../formats/errors.js'
import { encodeSafetensorsHeader } from '../formats/safetensors-write.js'
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

/** Copies source byte ranges to the output position by position, merging adjacent ranges into larger reads. */
class Copier {
  private readonly buffer = new Uint8Array(COPY_CHUNK)
  private pending: { from: number; length: number } | null = null
  constructor(
    private readonly src: FileHandle,
    private readonly dst: FileHandle,
    public position: number
  ) {}

  async copy(from: number, length: number): Promise<void> {
    if (length === 0) return
    if (this.pending && this.pending.from + this.pending.length === from) {
      this.pending.length += length
      return
    }
    await this.flush()
    this.pending = { from, length }
  }

  async flush(): Promise<void> {
    const p = this.pending
    this.pending = null
    if (!p) return
    let done = 0
    while (done < p.length) {
      const n = Math.min(COPY_CHUNK, p.length - done)
      await readExactly(this.src, this.buffer, n, p.from + done)
      await writeAll(this.dst, this.buffer.subarray(0, n), this.position)
      this.position += n
      done += n
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.flush()
    await writeAll(this.dst, bytes, this.position)
    this.position += bytes.length
  }
}

async function readExactly(fh: FileHandle, buf: Uint8Array, length: number, position: number): Promise<void> {
  let done = 0
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done)
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
  copier: Copier,
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
    await readExactly(src, block, block.length, g.start + b.start * g.rowBytes)
    for (let i = 0; i < rows; i++) {
      out.set(block.subarray(i * g.rowBytes, (i + 1) * g.rowBytes), ((b.row + i) * cols + b.col) * es)
    }
  }
  await copier.write(out)
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
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
    const copier = new Copier(src, dst, draft.header.length)
    for (const t of tensors) await writeTensor(t, byName, src, copier, file)
    await copier.flush()
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
