/**
 * A conversion that keeps the source's byte layout: when every output tensor is a whole source tensor (a rename)
 * or a computed scalar, the output can be the source file copied by the kernel (`fs.copyFile`: a reflink where
 * the file system shares blocks, else `copy_file_range`/`sendfile`, never through user space), with a new header
 * written over the start of it.
 *
 * The new header is usually longer than the source's (other key names, the conversion record), so it runs into
 * the first tensors of the data section: those tensors are moved, written again after the source's last byte,
 * and the header is padded with spaces (JSON whitespace, which the safetensors format uses for its own alignment
 * padding) to end where the first tensor that stays begins. Every tensor from there to the end of the source must
 * be used whole, exactly once: a dropped tensor there would leave a hole in the data section, which the format
 * does not allow. Offsets in the header are relative to the data section, so a tensor that stays keeps its bytes
 * where they are and only its offsets change.
 *
 * Where the layout does not allow it (row slices, block placement, a dropped tensor in the middle, more padding
 * than MAX_PADDING), the writer falls back to its one-pass user-space copy (output-pass.ts). `planSourceLayout`
 * plans, kernel-copy.ts copies, `writeKeepingLayout` writes the moved bytes; write.ts writes the header last.
 */
import { fstatSync, ftruncateSync, openSync } from 'node:fs'
import { CheckpointError } from '../formats/errors.js'
import type { TensorInfo } from '../formats/types.js'
import { closeQuietly, readFully, writeFully } from './file-io.js'
import { sha256Hex } from '../formats/builtins.js'
import { sha256File } from './output-pass.js'
import type { OutputTensor } from './types.js'
import type { KernelCopy } from './kernel-copy.js'

/** Spaces a header may be padded with to reach the first tensor that stays (a LoRA's first tensor is < 1 MiB). */
export const MAX_PADDING = 1 << 20

/** One output tensor placed in the output file. */
export interface PlacedTensor {
  tensor: OutputTensor
  /** Offsets relative to the output's data section. */
  begin: number
  end: number
  /**
   * Where its bytes come from when they must be written (a moved tensor's absolute source offset, a scalar's
   * bytes); absent when they stay where the copy puts them.
   */
  write?: { from: number; length: number } | { bytes: Uint8Array }
}

/** The output header's JSON for `placed` (tensors in plan order, then nothing else) and `metadata`. */
export function headerJson(
  placed: readonly PlacedTensor[],
  metadata: Readonly<Record<string, string>>
): Uint8Array {
  const parts = [metadataJson(metadata)]
  for (const p of placed) parts.push(`${tensorJsonHead(p.tensor)}${p.begin},${p.end}]}`)
  return new TextEncoder().encode(`{${parts.join(',')}}`)
}

/**
 * The byte length of `headerJson(placed, metadata)` without building it: the layout tries a few starts, and only
 * the offsets' digits change between them.
 */
export function headerJsonLength(
  placed: readonly PlacedTensor[],
  metadata: Readonly<Record<string, string>>
): number {
  let n = 2 + utf8Length(metadataJson(metadata)) // braces
  for (const p of placed) {
    let head = headLengths.get(p.tensor)
    if (head === undefined) headLengths.set(p.tensor, (head = utf8Length(tensorJsonHead(p.tensor))))
    n += 1 + head + String(p.begin).length + 1 + String(p.end).length + 2 // comma, offsets, `]}`
  }
  return n
}

function metadataJson(metadata: Readonly<Record<string, string>>): string {
  const entries = Object.keys(metadata).map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`)
  return `"__metadata__":{${entries.join(',')}}`
}

function tensorJsonHead(t: OutputTensor): string {
  return `${JSON.stringify(t.key)}:{"dtype":${JSON.stringify(t.dtype)},"shape":[${t.shape.join(',')}],"data_offsets":[`
}

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8')
/** Each tensor's JSON up to its offsets, measured once for all the starts tried. */
const headLengths = new WeakMap<OutputTensor, number>()

export interface SourceLayoutPlan {
  /** The output's header length (the 8-byte prefix's value): the JSON padded with spaces. */
  headerLength: number
  /** Every output tensor, in plan order, with its offsets. */
  placed: PlacedTensor[]
  /** The output file's size. */
  size: number
}

/**
 * The layout-keeping plan, or undefined when the output cannot keep the source's layout. `sourceHeaderLength`:
 * the source's header length (its data section starts at 8 + that); `sourceSize`: the source file's size;
 * `jsonLength(placed)`: the byte length of the output header JSON for those offsets (their digits count).
 */
export function planSourceLayout(
  tensors: readonly OutputTensor[],
  byName: ReadonlyMap<string, TensorInfo>,
  sourceHeaderLength: number,
  sourceSize: number,
  jsonLength: (placed: readonly PlacedTensor[]) => number,
  sourceScalars?: ReadonlyMap<string, number>
): SourceLayoutPlan | undefined {
  const dataStart = 8 + sourceHeaderLength
  const dataEnd = sourceSize - dataStart
  // Which source tensor each copied output tensor is, whole (offsets relative to the source's data section).
  const uses = new Map<string, Range>()
  for (const t of tensors) {
    const r = t.recipe
    if (r.kind === 'scalar') continue
    if (r.kind !== 'rows' || r.pieces.length !== 1) return undefined
    const piece = r.pieces[0]!
    const s = byName.get(piece.key)
    if (s?.byteRange === undefined || uses.has(piece.key)) return undefined
    if (piece.start !== 0 || piece.end !== (s.shape[0] ?? 1) || s.dtype !== t.dtype) return undefined
    const begin = Number(s.byteRange.start) - dataStart
    const end = Number(s.byteRange.end) - dataStart
    if (begin < 0 || end > dataEnd) return undefined
    uses.set(piece.key, { begin, end })
  }
  const source = [...byName.values()]
    .filter((s) => s.byteRange !== undefined)
    .map((s) => ({
      name: s.name,
      begin: Number(s.byteRange!.start) - dataStart,
      end: Number(s.byteRange!.end) - dataStart
    }))
    .filter((s) => s.end > s.begin)
    .sort((a, b) => a.begin - b.begin)
  // Computed scalars (alphas the plan writes as F32) go into the 4-byte source tensors nothing copies (the
  // source's own alphas, usually), in order: their bytes are written there, and those places leave no hole.
  // A slot that already holds the scalar's F32 bytes (a rename's alphas, which keep their values) is left as the
  // kernel copied it: `unchanged` marks those slots, and nothing is written there.
  const slots = new Map<OutputTensor, Range>()
  const unchanged = new Set<Range>()
  const free = source.filter((s) => !uses.has(s.name) && s.end - s.begin === 4)
  let f = 0
  for (const t of tensors) {
    if (t.recipe.kind !== 'scalar' || f >= free.length) continue
    const slot = free[f++]!
    slots.set(t, slot)
    if (holdsF32(byName.get(slot.name), sourceScalars?.get(slot.name), t.recipe.value)) unchanged.add(slot)
  }
  const filled = new Set([...slots.values()])
  // `keepFrom`: the lowest start such that every source byte from it to the end is used, back to back.
  let keepFrom = dataEnd
  for (let i = source.length - 1; i >= 0; i--) {
    const s = source[i]!
    if ((!uses.has(s.name) && !filled.has(s)) || s.end !== keepFrom) break
    keepFrom = s.begin
  }
  // Try each start (the header grows past the first tensors) until the header fits in front of it.
  const starts = source.map((s) => s.begin).filter((b) => b >= keepFrom)
  starts.push(dataEnd)
  for (const start of starts) {
    const headerLength = sourceHeaderLength + start
    const placed = place(tensors, uses, slots, unchanged, { start, dataStart, dataEnd })
    const json = jsonLength(placed)
    if (json > headerLength) continue
    if (headerLength - json > MAX_PADDING) return undefined
    const last = placed.reduce((m, p) => Math.max(m, p.end), dataEnd - start)
    return { headerLength, placed, size: 8 + headerLength + last }
  }
  return undefined
}

interface Range {
  begin: number
  end: number
}

/**
 * Whether a source scalar's bytes are `value` as F32: the tensor is F32 and was read as exactly that number. A NaN
 * never matches (its bits were not kept when it was read), nor does -0 for 0.
 */
function holdsF32(tensor: TensorInfo | undefined, read: number | undefined, value: number): boolean {
  return (
    tensor?.dtype === 'F32' &&
    read !== undefined &&
    !Number.isNaN(read) &&
    Object.is(Math.fround(value), read)
  )
}

/**
 * Output offsets when the output's data section starts at source offset `start`: tensors before it are moved to
 * the end, a scalar goes into its slot when the slot stays, else to the end too.
 */
function place(
  tensors: readonly OutputTensor[],
  uses: ReadonlyMap<string, Range>,
  slots: ReadonlyMap<OutputTensor, Range>,
  unchanged: ReadonlySet<Range>,
  at: { start: number; dataStart: number; dataEnd: number }
): PlacedTensor[] {
  const { start, dataStart } = at
  let tail = at.dataEnd - start
  const append = (t: OutputTensor, length: number, write: PlacedTensor['write']): PlacedTensor => {
    const p = { tensor: t, begin: tail, end: tail + length, write }
    tail += length
    return p
  }
  return tensors.map((t) => {
    const r = t.recipe
    if (r.kind === 'scalar') {
      const slot = slots.get(t)
      if (slot !== undefined && slot.begin >= start && unchanged.has(slot))
        return { tensor: t, begin: slot.begin - start, end: slot.end - start }
      const bytes = new Uint8Array(4)
      new DataView(bytes.buffer).setFloat32(0, r.value, true)
      if (slot !== undefined && slot.begin >= start)
        return { tensor: t, begin: slot.begin - start, end: slot.end - start, write: { bytes } }
      return append(t, 4, { bytes })
    }
    const use = uses.get((r as { pieces: Array<{ key: string }> }).pieces[0]!.key)!
    if (use.begin >= start) return { tensor: t, begin: use.begin - start, end: use.end - start }
    return append(t, use.end - use.begin, { from: dataStart + use.begin, length: use.end - use.begin })
  })
}

/** The source's header length (the prefix's value, checked against the size) and the SHA-256 of its 8 + N bytes. */
export function sourceHeader(fd: number, size: number, file: string): { length: number; sha256: string } {
  const prefix = new Uint8Array(8)
  readFully(fd, prefix, 0, file)
  const n = new DataView(prefix.buffer).getBigUint64(0, true)
  if (n > BigInt(size - 8))
    throw new CheckpointError('Truncated', file, 'the header runs past the end of the file')
  const bytes = new Uint8Array(8 + Number(n))
  readFully(fd, bytes, 0, file)
  return { length: Number(n), sha256: sha256Hex(bytes) }
}

/**
 * The source copied by the kernel (`copy`, started by the caller, possibly before the plan was made), then the
 * moved tensors and scalars written after its end. The copy's header is checked against the one the plan was made
 * from (a source replaced meanwhile is refused). Returns the open output and, with `hash`, the source's SHA-256
 * (hashed on a worker while the kernel copies).
 */
export async function writeKeepingLayout(
  kept: SourceLayoutPlan,
  io: {
    file: string
    src: number
    copy: KernelCopy
    bytes: number
    header: { length: number; sha256: string }
    hash?: boolean
  }
): Promise<{ fd: number; sha256?: string }> {
  const hashing = io.hash === true ? sha256File(io.file) : undefined
  hashing?.catch(() => undefined) // awaited below; a failed copy must not leave it unhandled
  // What is written over the copy is read before the copy ends (the moved tensors are a few hundred KB).
  const writes: { at: number; bytes: Uint8Array }[] = []
  const dataStart = 8 + kept.headerLength
  for (const p of kept.placed) {
    const w = p.write
    if (w === undefined) continue
    let bytes: Uint8Array
    if ('bytes' in w) bytes = w.bytes
    else {
      bytes = new Uint8Array(w.length)
      readFully(io.src, bytes, w.from, io.file)
    }
    writes.push({ at: dataStart + p.begin, bytes })
  }
  await io.copy.done
  const fd = openSync(io.copy.temp, 'r+')
  try {
    // the copy is the file the plan was made from: its size, and its header byte for byte
    const size = fstatSync(fd).size
    if (size < io.bytes)
      throw new CheckpointError('Truncated', io.file, `the source ended at byte ${size} during the copy`)
    if (size > io.bytes || sourceHeader(fd, size, io.copy.temp).sha256 !== io.header.sha256)
      throw new CheckpointError('IoError', io.file, 'the file changed while it was converted')
    for (const w of writes) writeFully(fd, w.bytes, w.at)
    ftruncateSync(fd, kept.size)
    return { fd, ...(hashing ? { sha256: await hashing } : {}) }
  } catch (e) {
    closeQuietly(fd)
    throw e
  }
}
