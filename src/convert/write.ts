/**
 * The writer of a conversion plan: output tensors in plan order, each built from byte ranges of the source file
 * (row copies, or block placement into a zero matrix), so no element is ever decoded. A plan that keeps the
 * source's byte layout (a rename) is copied by the kernel (source-layout.ts); any other is written in one pass in
 * output order (output-pass.ts), memory staying at two 1 MiB windows. The file goes to a temporary name in the
 * output's folder and is renamed into place only when complete; the header (fixed length: the hash is a
 * fixed-width field) is written last.
 */
import { closeSync, fstatSync, mkdirSync, openSync, rmSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { SAFETENSORS_DTYPE_BITS } from '../formats/dtypes.js'
import { CheckpointError, ModelCompatError } from '../formats/errors.js'
import { outputError } from '../formats/write-file.js'
import { fsError } from '../formats/source.js'
import { encodeSafetensorsHeader } from '../formats/safetensors/write.js'
import type { Checkpoint, TensorInfo } from '../formats/types.js'
import type { ConversionPlan, OutputTensor, RefusedModule, SourceRows } from './types.js'
import { closeQuietly, writeFully } from './file-io.js'
import { sha256Source, writeOutputPass, type Segment } from './output-pass.js'
export { sha256File } from './output-pass.js'
import {
  headerJson,
  headerJsonLength,
  planSourceLayout,
  sourceHeader,
  writeKeepingLayout
} from './source-layout.js'
import { kernelCopy, moveIntoPlace, tempPathFor, type KernelCopy } from './kernel-copy.js'
import type { Prefill, PrefilledFile } from './prefill.js'

export const CONVERSION_METADATA_KEY = 'model_compat.conversion'
const HASH_PLACEHOLDER = '0'.repeat(64)

export interface WriteOptions {
  tool: { name: string; version: string }
  /**
   * Also hash every byte of the source into the record (`source.sha256`). Off by default: the record identifies
   * its source by size and header hash (README, "convert"), and hashing the data costs more than copying it.
   */
  hashSource?: boolean
  /**
   * The kernel's copy of the source to the output's folder, when the caller started it before planning
   * (kernel-copy.ts). The writer takes it over: it becomes the output when the plan keeps the source's layout, and
   * is discarded otherwise, and on any failure.
   */
  copy?: KernelCopy
  /**
   * The user-space pass's output file, prefilled with zeros while the caller planned (prefill.ts). The writer
   * takes it over when the plan changes the layout and discards it otherwise, and on any failure.
   */
  prefill?: Prefill
  /**
   * The source's scalar tensors as read (src/cli/alpha.ts reads a LoRA's alphas). When the output keeps the
   * source's layout, an alpha whose F32 value the plan keeps is left as the kernel copied it instead of written
   * again (the bench's rename wrote 1,500 such 4-byte values after its copy, about 10 ms).
   */
  sourceScalars?: ReadonlyMap<string, number>
}

export interface WriteResult {
  path: string
  bytes: number
  tensors: number
  /** SHA-256 of the source's header (its first 8 + N bytes: every name, dtype, shape, offset and metadata). */
  sourceHeaderSha256: string
  /** SHA-256 of the whole source, with `hashSource`. */
  sourceSha256?: string
  /** How the tensor data was copied: by the kernel (the source's layout kept) or through a user-space pass. */
  copy: 'kernel' | 'user-space'
}

/** The conversion record kept in the output's metadata (JSON under `model_compat.conversion`). */
export interface ConversionRecord {
  tool: string
  version: string
  source: SourceIdentity
  base: string
  to: string
  modules: number
  transforms: ConversionPlan['counts']
  /** Every output module that is not a plain rename: output stem <- source stems. */
  layoutChanges: { stem: string; transform: string; from: string[] }[]
  dropped: RefusedModule[]
}

/**
 * What the record says of its source: its name, size and header hash, which fix every tensor's name, dtype, shape
 * and place and the metadata (a LoRA file's metadata carries its training run's hashes); the hash of every byte
 * only when asked for (`--hash-source`).
 */
export interface SourceIdentity {
  file: string
  bytes: number
  headerSha256: string
  sha256?: string
}

export function conversionRecord(
  plan: ConversionPlan,
  source: SourceIdentity,
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

function sourceOf(byName: Map<string, TensorInfo>, key: string, file: string): TensorInfo {
  const t = byName.get(key)
  if (!t)
    throw new CheckpointError('TensorInvalidInfo', file, `plan names ${key}, which the file does not hold`)
  return t
}

/** Where every output byte comes from, in output order from `start` (segments), and the output's end. */
function segmentsOf(
  tensors: readonly OutputTensor[],
  byName: Map<string, TensorInfo>,
  start: number,
  file: string
): { segments: Segment[]; end: number } {
  const segments: Segment[] = []
  let at = start
  for (const t of tensors) {
    const r = t.recipe
    if (r.kind === 'scalar') {
      const bytes = new Uint8Array(4)
      new DataView(bytes.buffer).setFloat32(0, r.value, true)
      segments.push({ kind: 'bytes', to: at, bytes })
      at += 4
    } else if (r.kind === 'rows') {
      for (const p of r.pieces) {
        const g = rowGeometry(sourceOf(byName, p.key, file), file)
        const length = (p.end - p.start) * g.rowBytes
        if (length === 0) continue
        const from = g.start + p.start * g.rowBytes
        const last = segments[segments.length - 1]
        // pieces that continue each other in the source too (a tensor's consecutive slices) are one read
        if (last?.kind === 'copy' && last.from + last.length === from) last.length += length
        else segments.push({ kind: 'copy', to: at, from, length })
        at += length
      }
    } else {
      const es = elementBytes(t.dtype, file)
      const rows = t.shape[0] ?? 0
      const rowBytes = (t.shape[1] ?? 0) * es
      const blocks = r.blocks.map((b) => {
        const g = rowGeometry(sourceOf(byName, b.key, file), file)
        return {
          from: g.start + b.start * g.rowBytes,
          rows: b.end - b.start,
          rowBytes: g.rowBytes,
          row: b.row,
          colByte: b.col * es
        }
      })
      if (rows * rowBytes > 0) segments.push({ kind: 'blocks', to: at, rows, rowBytes, blocks })
      at += rows * rowBytes
    }
  }
  return { segments, end: at }
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
  const target = resolve(outPath)
  let copy = opts.copy
  let prefill = opts.prefill?.target === target ? opts.prefill : undefined
  if (prefill !== opts.prefill) opts.prefill?.discard()
  let prefilled: PrefilledFile | undefined
  let temp: string | undefined
  let src: number | undefined
  let dst: number | undefined
  try {
    // node:fs, not node:fs/promises: loading that module cost every conversion about 4 ms before it started
    mkdirSync(dirname(target), { recursive: true })
    try {
      src = openSync(file, 'r')
    } catch (e) {
      throw fsError(file, e)
    }
    // A source that shrank or grew since its header was read is refused: the record gives its size, and the
    // pass reads only the parts the output uses.
    const size = fstatSync(src).size
    if (size < source.bytes)
      throw new CheckpointError('Truncated', file, `the source ended at byte ${size} during the copy`)
    if (size > source.bytes) {
      throw new CheckpointError(
        'IoError',
        file,
        `the file is now ${size} bytes; it had ${source.bytes} when its header was read`
      )
    }
    const header = sourceHeader(src, size, file)
    const identity = (sha256?: string): SourceIdentity => ({
      file: basename(file),
      bytes: source.bytes,
      headerSha256: header.sha256,
      // a fixed-width placeholder until the hash is known: the header's length must not change
      ...(opts.hashSource ? { sha256: sha256 ?? HASH_PLACEHOLDER } : {})
    })
    const metadata = (sha256?: string) =>
      metadataOf(source, conversionRecord(plan, identity(sha256), opts.tool))
    const metadataNow = metadata()
    const kept = planSourceLayout(
      tensors,
      byName,
      header.length,
      source.bytes,
      (placed) => headerJsonLength(placed, metadataNow),
      opts.sourceScalars
    )
    if (kept !== undefined) {
      prefill?.discard()
      prefill = undefined
      if (copy === undefined || copy.source !== file || copy.target !== target) {
        void copy?.discard()
        copy = kernelCopy(file, target)
      }
      temp = copy.temp
      const layoutHeader = (sha256?: string): Uint8Array => {
        const json = headerJson(kept.placed, metadata(sha256))
        if (json.length > kept.headerLength) throw new Error('header length changed after hashing')
        const bytes = new Uint8Array(8 + kept.headerLength).fill(0x20)
        new DataView(bytes.buffer).setBigUint64(0, BigInt(kept.headerLength), true)
        bytes.set(json, 8)
        return bytes
      }
      // Built while the kernel copies, unless it must hold the source's hash, known only after.
      const ready = opts.hashSource ? undefined : layoutHeader()
      const written = await writeKeepingLayout(kept, {
        file,
        src,
        copy,
        bytes: source.bytes,
        header,
        hash: opts.hashSource
      })
      dst = written.fd
      writeFully(dst, ready ?? layoutHeader(written.sha256), 0)
      closeSync(dst)
      dst = undefined
      moveIntoPlace(temp, target)
      copy = undefined
      return result(target, kept.size, tensors.length, header.sha256, written.sha256, 'kernel')
    }
    // The kernel's copy is of no use to a layout change: drop it while the user-space pass runs.
    const discarding = copy?.discard()
    copy = undefined
    const draft = encodeSafetensorsHeader(specs, metadata())
    const expected = draft.header.length + Number(draft.dataBytes)
    const layout = segmentsOf(tensors, byName, draft.header.length, file)
    if (layout.end !== expected)
      throw new Error(`the plan lays out ${layout.end} bytes, expected ${expected}`)
    const hashing = opts.hashSource ? sha256Source(src, source.bytes, file) : undefined
    hashing?.catch(() => undefined) // awaited below; a failed pass must not leave it unhandled
    prefilled = prefill?.take(expected)
    prefill = undefined
    if (prefilled !== undefined) {
      temp = prefilled.temp
      dst = prefilled.fd
    } else {
      temp = tempPathFor(target)
      dst = openSync(temp, 'w')
    }
    await writeOutputPass(src, dst, layout.segments, { start: draft.header.length, end: expected }, file, {
      // the worker that prefilled the file writes the pass's windows (prefill.ts)
      ...(prefilled ? { sink: prefilled.windows } : {})
    })
    prefilled?.release()
    const sha256 = await hashing
    // Without the source's hash the header is the draft's; encoding it again (every output tensor's entry) would
    // only delay the rename.
    const final = sha256 === undefined ? draft : encodeSafetensorsHeader(specs, metadata(sha256))
    if (final.header.length !== draft.header.length) throw new Error('header length changed after hashing')
    writeFully(dst, final.header, 0)
    closeSync(dst)
    dst = undefined
    moveIntoPlace(temp, target)
    await discarding
    return result(target, expected, tensors.length, header.sha256, sha256, 'user-space')
  } catch (e) {
    prefilled?.release()
    if (dst !== undefined) closeQuietly(dst)
    if (temp !== undefined) {
      try {
        rmSync(temp, { force: true })
      } catch {
        // a temporary file that cannot be removed: the conversion's own error is the one to report
      }
    }
    prefill?.discard()
    await copy?.discard()
    // What failed with an errno here is the output's (the source's reads and opening say so themselves): a full
    // disk, a folder that cannot be made, a file in the way.
    throw isErrno(e) ? outputError(outPath, e) : e
  } finally {
    if (src !== undefined) closeQuietly(src)
  }
}

function result(
  path: string,
  bytes: number,
  tensors: number,
  sourceHeaderSha256: string,
  sourceSha256: string | undefined,
  copy: WriteResult['copy']
): WriteResult {
  return { path, bytes, tensors, sourceHeaderSha256, ...(sourceSha256 ? { sourceSha256 } : {}), copy }
}

/** A system call's failure (ENOSPC, EEXIST, EIO...), not a bug's (Node's own ERR_* codes) nor a typed error. */
function isErrno(e: unknown): boolean {
  if (e instanceof ModelCompatError) return false
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)
}
