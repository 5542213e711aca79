/**
 * The exact algebra of LoRA layout changes, on *descriptions* of matrices rather than their values. A module's
 * delta is scale * U * D with D [R, in] (down) and U [out, R] (up). D is held as a row-concatenation of source row
 * ranges and U as a zero matrix with source blocks placed in it, so stacking (D vertically, U block-diagonally),
 * splitting by output rows and re-ranking are all index bookkeeping: the writer later copies raw element bytes.
 *
 * - Row slice of U (a split): the blocks that meet the rows; when they only use columns [c0, c1), those columns
 *   of U and rows of D are all that matter (U * D = U[:, c0:c1] * D[c0:c1]), which turns a LongCat up-block back
 *   into a plain module of rank r, and leaves a dense fused up as "down copied, up rows split".
 * - Stack: D = [D_1; D_2; ...], U = blockdiag placed at each part's row offset in the fused weight.
 */
import type { TensorInfo } from '../formats/types.js'
import type { LoraModule, ModuleTensor } from '../lora/types.js'
import type { Refusal } from './reasons.js'
import type { PlacedBlock, SourceRows, TensorRecipe } from './types.js'

export interface Factor {
  /** Rows of U (output features). */
  out: number
  /** Down's trailing shape (one row of D), e.g. [in] or [in, kh, kw]. */
  inShape: number[]
  /** Rows of D = columns of U. */
  rank: number
  /** Up's shape after [out, rank]: [] for linear, [1, 1] for a conv LoRA's 1x1 up. */
  upTrail: number[]
  down: SourceRows[]
  up: PlacedBlock[]
  /** Columns of each source up tensor, by key (a block's width). */
  upWidth: Map<string, number>
  downDtype: string
  upDtype: string
  scale: number
}

/** Why a module cannot become a Factor, or null. */
export function factorProblem(m: LoraModule): Refusal | null {
  if (m.algorithm !== 'lora') return { kind: 'not-lora', algorithm: m.algorithm }
  // Loops here: this runs once per module, interpreted; the list of extra roles is built only when there is one.
  let extra: string[] | undefined
  for (let i = 0; i < m.tensors.length; i++) {
    const r = m.tensors[i]!.role
    if (r === 'down' || r === 'up' || r === 'up-block' || r === 'alpha' || r === 'alpha-scale') continue
    if (extra === undefined) extra = [r]
    else if (!extra.includes(r)) extra.push(r)
  }
  if (extra !== undefined) return { kind: 'extra-tensors', roles: extra }
  if (m.issues.length > 0) return { kind: 'inconsistent', issues: [...m.issues] }
  if (m.scale === null || !Number.isFinite(m.scale))
    return m.scaleSource === 'alpha-unread' ? { kind: 'alpha-unread' } : { kind: 'no-scale' }
  const down = tensorOf(m, 'down')
  if (!down?.byteRange) return { kind: 'no-byte-range', tensor: down?.name ?? 'down' }
  for (let i = 0; i < m.tensors.length; i++) {
    const t = m.tensors[i]!.tensor
    if (!t.byteRange) return { kind: 'no-byte-range', tensor: t.name }
  }
  return null
}

/** The module's first tensor of a role. */
function tensorOf(m: LoraModule, role: ModuleTensor['role']): TensorInfo | undefined {
  for (let i = 0; i < m.tensors.length; i++) if (m.tensors[i]!.role === role) return m.tensors[i]!.tensor
  return undefined
}

/** The factor of a module (call `factorProblem` first). */
export function moduleFactor(m: LoraModule): Factor {
  const down = tensorOf(m, 'down')!
  const up = tensorOf(m, 'up')
  // LongCat's up blocks in index order, read only where there is no plain up (most modules have one).
  const blocks = up ? NO_BLOCKS : upBlocksOf(m)
  const rank = down.shape[0]!
  const upWidth = new Map<string, number>()
  const placed: PlacedBlock[] = []
  let out = 0
  if (up) {
    out = up.shape[0]!
    upWidth.set(up.name, rank)
    placed.push({ key: up.name, start: 0, end: out, row: 0, col: 0 })
  } else {
    // LongCat LoRAUPParallel: block j maps rank chunk j to output chunk j (block-diagonal).
    const r = rank / blocks.length
    blocks.forEach((b, j) => {
      const rows = b.shape[0]!
      upWidth.set(b.name, r)
      placed.push({ key: b.name, start: 0, end: rows, row: out, col: j * r })
      out += rows
    })
  }
  return {
    out,
    inShape: down.shape.slice(1),
    rank,
    upTrail: (up ?? blocks[0]!).shape.slice(2),
    down: [{ key: down.name, start: 0, end: rank }],
    up: placed,
    upWidth,
    downDtype: down.dtype,
    upDtype: (up ?? blocks[0]!).dtype,
    scale: m.scale!
  }
}

const NO_BLOCKS: readonly TensorInfo[] = Object.freeze([])

/** A module's `lora_up.blocks.j` tensors in index order. */
function upBlocksOf(m: LoraModule): TensorInfo[] {
  const blocks: ModuleTensor[] = []
  for (let i = 0; i < m.tensors.length; i++) if (m.tensors[i]!.role === 'up-block') blocks.push(m.tensors[i]!)
  blocks.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
  return blocks.map((t) => t.tensor)
}

/** Rows [a, b) of a row-concatenation of pieces. */
function sliceRows(pieces: SourceRows[], a: number, b: number): SourceRows[] {
  const out: SourceRows[] = []
  let at = 0
  for (const p of pieces) {
    const n = p.end - p.start
    const lo = Math.max(a, at)
    const hi = Math.min(b, at + n)
    if (lo < hi) out.push({ key: p.key, start: p.start + (lo - at), end: p.start + (hi - at) })
    at += n
  }
  return out
}

/** Output rows [a, b) of the module, with the rank reduced to the columns those rows use. */
export function rowSlice(f: Factor, a: number, b: number): Factor {
  const up: PlacedBlock[] = []
  for (const blk of f.up) {
    const rows = blk.end - blk.start
    const lo = Math.max(a, blk.row)
    const hi = Math.min(b, blk.row + rows)
    if (lo >= hi) continue
    up.push({
      key: blk.key,
      start: blk.start + (lo - blk.row),
      end: blk.start + (hi - blk.row),
      row: lo - a,
      col: blk.col
    })
  }
  // Columns the kept blocks use; when they form one interval, the other columns of U are zero for these rows.
  let c0 = f.rank
  let c1 = 0
  for (const blk of up) {
    c0 = Math.min(c0, blk.col)
    c1 = Math.max(c1, blk.col + f.upWidth.get(blk.key)!)
  }
  const spans = up
    .map((blk) => [blk.col, blk.col + f.upWidth.get(blk.key)!] as const)
    .sort((x, y) => x[0] - y[0])
  let contiguous = true
  let reach = c0
  for (const [s, e] of spans) {
    if (s > reach) contiguous = false
    reach = Math.max(reach, e)
  }
  if (up.length === 0 || !contiguous) {
    c0 = 0
    c1 = f.rank
  }
  return {
    ...f,
    out: b - a,
    rank: c1 - c0,
    down: sliceRows(f.down, c0, c1),
    up: up.map((blk) => ({ ...blk, col: blk.col - c0 }))
  }
}

/**
 * The same rows in another chunk order: chunk i of the result is chunk `order[i]` of `f` (equal chunks). Only the
 * placement of U's blocks changes; D is untouched.
 */
export function reorderRows(f: Factor, order: readonly number[]): Factor {
  const size = f.out / order.length
  const up: PlacedBlock[] = []
  order.forEach((from, i) => {
    for (const blk of f.up) {
      const lo = Math.max(from * size, blk.row)
      const hi = Math.min((from + 1) * size, blk.row + (blk.end - blk.start))
      if (lo >= hi) continue
      up.push({
        key: blk.key,
        start: blk.start + (lo - blk.row),
        end: blk.start + (hi - blk.row),
        row: i * size + (lo - from * size),
        col: blk.col
      })
    }
  })
  return { ...f, up }
}

/** Parts placed at row offsets of a fused weight with `out` rows: D stacked, U block-diagonal. */
export function stackFactors(parts: { factor: Factor; row: number }[], out: number): Factor {
  const first = parts[0]!.factor
  const down: SourceRows[] = []
  const up: PlacedBlock[] = []
  const upWidth = new Map<string, number>()
  let col = 0
  for (const { factor, row } of parts) {
    down.push(...factor.down)
    for (const blk of factor.up) up.push({ ...blk, row: blk.row + row, col: blk.col + col })
    for (const [k, w] of factor.upWidth) upWidth.set(k, w)
    col += factor.rank
  }
  return { ...first, out, rank: col, down, up, upWidth }
}

/** The recipe of U: plain row copies when every block spans all columns and the blocks tile the rows in order. */
export function upRecipe(f: Factor): TensorRecipe {
  const sorted = [...f.up].sort((x, y) => x.row - y.row)
  let row = 0
  let dense = true
  for (const blk of sorted) {
    if (blk.row !== row || blk.col !== 0 || f.upWidth.get(blk.key) !== f.rank) dense = false
    row += blk.end - blk.start
  }
  if (dense && row === f.out) {
    return { kind: 'rows', pieces: sorted.map((b) => ({ key: b.key, start: b.start, end: b.end })) }
  }
  return { kind: 'blocks', blocks: sorted }
}

export function downRecipe(f: Factor): TensorRecipe {
  return { kind: 'rows', pieces: f.down.map((p) => ({ ...p })) }
}
