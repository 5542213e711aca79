/**
 * Fused vs separate projections inside aligned units: a fused qkv / kv (equal or unequal, GQA) against separate
 * q, k, v of the same stream, and an unequal fused linear (q|k|v|mlp rows) against separate q, k, v plus one more
 * projection. Parts are only taken within one role family: attention rows never fuse into a modulation.
 */
import { FUSED_ROLE_PARTS, type Role } from '../names/index.js'
import type { Layer } from './model.js'

/** The rows of a fused qkv, in order (src/names FUSED_ROLE_PARTS). */
const QKV_PARTS: Role[] = FUSED_ROLE_PARTS.qkv!

export interface FusedMatch {
  /** True when the parts' rows are interleaved in chunks the headers cannot show (no contiguous row ranges). */
  chunked?: boolean
  /** The fused layer and the side it is on. */
  fused: Layer
  fusedSide: 'a' | 'b'
  /** The separate layers, in row order. */
  parts: Layer[]
  /** Role names of the parts in row order. */
  roles: string[]
  /**
   * Only some parts present (a LoRA that trains q and v of a fused qkv): the fused rows split in `of.length`
   * parts in row order, `of` their roles and `sizes` their rows (equal, or a grouped-query q|k|v), `slots[i]` the
   * one parts[i] fills.
   */
  share?: { slots: number[]; of: string[]; sizes: number[] }
}

function rowsOf(l: Layer): number {
  return l.main.shape[0] ?? 0
}

function streamOf(l: Layer): string {
  return l.role.stream ?? 'main'
}

/** Bound on the separate layers looked at per fused layer (a hostile unit cannot make this quadratic). */
const MAX_CANDIDATES = 64

function sameStreamMods(cand: readonly Layer[], fused: Layer): Layer[] {
  return cand
    .filter((l) => l.role.role === 'mod' && streamOf(l) === streamOf(fused))
    .sort((x, y) => (x.role.ordinal ?? 0) - (y.role.ordinal ?? 0) || x.order - y.order)
}

/** Only a fused role, a modulation or an unnamed linear can hold other layers' rows. */
function canHoldParts(l: Layer): boolean {
  const role = l.role.role
  return FUSED_ROLE_PARTS[role] !== undefined || role === 'mod' || role === 'other' || role === 'ffn-in'
}

/** A layer's columns and rank: the pool's layers that can be a fused layer's parts share both with it. */
const shapeKey = (l: Layer): string => `${l.cols}:${l.main.shape.length}`

/** `pool`'s layers by `shapeKey`, each list in pool order. */
function byShape(pool: readonly Layer[]): Map<string, Layer[]> {
  const out = new Map<string, Layer[]>()
  for (const l of pool) {
    const k = shapeKey(l)
    const list = out.get(k)
    if (list) list.push(l)
    else out.set(k, [l])
  }
  return out
}

/**
 * The parts of `fused`, a layer that can hold them (`canHoldParts`), among `pool`: the other side's layers of its
 * columns and rank (`byShape`), in pool order.
 */
function findParts(
  fused: Layer,
  pool: readonly Layer[],
  used: Set<Layer>
): Omit<FusedMatch, 'fused' | 'fusedSide'> | undefined {
  const fusedRole = fused.role.role
  const wanted = FUSED_ROLE_PARTS[fusedRole]
  const rows = rowsOf(fused)
  const cand: Layer[] = []
  for (const l of pool) {
    if (!used.has(l)) {
      cand.push(l)
      if (cand.length === MAX_CANDIDATES) break
    }
  }
  // Parts come from the fused layer's own sublayer (self attention's q/k/v never fuse into cross attention's kv);
  // a side whose names do not say the sublayer is taken as it is.
  const sameSub = (l: Layer): boolean =>
    l.role.sublayer === undefined ||
    fused.role.sublayer === undefined ||
    l.role.sublayer === fused.role.sublayer
  const sameStream = cand.filter((l) => streamOf(l) === streamOf(fused) && sameSub(l))
  const pick = (role: Role, from: readonly Layer[]): Layer | undefined => {
    const hits = from.filter((l) => l.role.role === role)
    return hits.length === 1 ? hits[0] : undefined
  }
  if (wanted) {
    const parts = wanted.map((r) => pick(r, sameStream))
    if (parts.every((p) => p !== undefined) && parts.reduce((s, p) => s + rowsOf(p!), 0) === rows)
      return { parts: parts as Layer[], roles: wanted }
    return someParts(wanted, sameStream, rows)
  }
  // One modulation holding several blocks' modulations (per-sublayer adaLN tables cut into norm1/norm2):
  // every other modulation of the same stream and trailing dims, rows summing exactly.
  if (fusedRole === 'mod') {
    const mods = sameStreamMods(cand, fused)
    if (mods.length >= 2 && mods.reduce((s, p) => s + rowsOf(p), 0) === rows)
      return { parts: mods, roles: mods.map(() => 'mod'), chunked: true }
    return undefined
  }
  // An unnamed fused linear: q|k|v of one attention plus one more projection (its MLP input) in row order.
  for (const sub of ['attn', 'cross']) {
    const attn = cand.filter((l) => l.role.sublayer === sub && streamOf(l) === streamOf(fused))
    const qkv = QKV_PARTS.map((r) => pick(r, attn))
    if (qkv.some((p) => p === undefined)) continue
    const sum = qkv.reduce((s, p) => s + rowsOf(p!), 0)
    if (sum === rows) return { parts: qkv as Layer[], roles: QKV_PARTS }
    const extra = cand.filter(
      (l) =>
        !qkv.includes(l) &&
        (l.role.role === 'other' || l.role.role.startsWith('ffn-')) &&
        sum + rowsOf(l) === rows
    )
    if (extra.length === 1) return { parts: [...(qkv as Layer[]), extra[0]!], roles: [...QKV_PARTS, 'mlp'] }
  }
  return undefined
}

/**
 * Some of a fused projection's parts (q and v of a qkv; the weights a LoRA trains), no role twice. A part's rows
 * are its place in the role order (q, k, v), the convention every known converter uses, so the present parts'
 * sizes must fix every slot's: equal slots (each present part a third of a qkv, a half of a kv), or a grouped-query
 * qkv (see `gqaSlots`). Anything else has no reading and stays unmatched.
 */
function someParts(
  wanted: readonly Role[],
  pool: readonly Layer[],
  rows: number
): Omit<FusedMatch, 'fused' | 'fusedSide'> | undefined {
  const parts: Layer[] = []
  const slots: number[] = []
  for (let i = 0; i < wanted.length; i++) {
    const hits = pool.filter((l) => l.role.role === wanted[i])
    if (hits.length > 1) return undefined
    if (hits.length === 0) continue
    parts.push(hits[0]!)
    slots.push(i)
  }
  if (parts.length === 0) return undefined
  const have = parts.map(rowsOf)
  const each = rows / wanted.length
  const sizes = have.every((n) => n === each)
    ? wanted.map(() => each)
    : wanted.join() === QKV_PARTS.join()
      ? gqaSlots(slots, have, rows)
      : undefined
  if (!sizes) return undefined
  return { parts, roles: slots.map((i) => wanted[i]!), share: { slots, of: [...wanted], sizes } }
}

/**
 * The q, k, v slot sizes of a grouped-query fused qkv from some of its parts (`slots[i]` the slot of a part of
 * `have[i]` rows): k and v both hold the kv heads, so they are equal and q = rows - 2 kv; any present part fixes
 * the rest. Taken only when every size is a positive integer, q + 2 kv is exactly the fused rows and q is a whole
 * multiple of kv (the query heads a multiple of the kv heads).
 */
function gqaSlots(slots: readonly number[], have: readonly number[], rows: number): number[] | undefined {
  let q: number | undefined
  let kv: number | undefined
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] === 0) q = have[i]
    else if (kv === undefined) kv = have[i]
    else if (kv !== have[i]) return undefined
  }
  if (q === undefined && kv !== undefined) q = rows - 2 * kv
  if (kv === undefined && q !== undefined) kv = (rows - q) / 2
  if (q === undefined || kv === undefined) return undefined
  if (!Number.isInteger(q) || !Number.isInteger(kv) || q <= 0 || kv <= 0) return undefined
  if (q + 2 * kv !== rows || q % kv !== 0) return undefined
  return [q, kv, kv]
}

/** Fused layers of either side against separate layers of the other, among the unmatched ones of a unit pair. */
export function matchFused(restA: readonly Layer[], restB: readonly Layer[]): FusedMatch[] {
  const out: FusedMatch[] = []
  const usedA = new Set<Layer>()
  const usedB = new Set<Layer>()
  for (const [side, fusedPool, partPool, usedF, usedP] of [
    ['a', restA, restB, usedA, usedB],
    ['b', restB, restA, usedB, usedA]
  ] as const) {
    // Indexed once, when a layer can hold parts: a whole model's leftovers (a compare of unaligned models) have
    // hundreds of such layers, each reading the other side's.
    let parts: Map<string, Layer[]> | undefined
    for (const f of fusedPool) {
      if (usedF.has(f) || f.main.shape.length < 2 || !canHoldParts(f)) continue
      parts ??= byShape(partPool)
      const found = findParts(f, parts.get(shapeKey(f)) ?? [], usedP)
      if (!found) continue
      usedF.add(f)
      for (const p of found.parts) usedP.add(p)
      out.push({ fused: f, fusedSide: side, ...found })
    }
  }
  return out
}
