/**
 * Where a fused LoRA module lands on a base that keeps the parts separate (LongCat `attn.qkv` on Wan's
 * `self_attn.q/k/v`, Flux `single_blocks.N.linear1` on diffusers' `to_q/to_k/to_v/proj_mlp`). The resolver
 * answers the other direction (separate names onto a fused base) from alias tables generated from the base; here
 * the same tables are applied to the LoRA's own path, as if the LoRA's module were a base weight, and every row
 * slice they produce must land on a base weight of exactly that many rows.
 */
import { ALIAS_FAMILIES } from '../lora/aliases.js'
import type { BaseEntry, BaseSpace } from '../lora/base-index.js'
import type { LoraModule, RowSlice } from '../lora/types.js'

export interface SplitPiece {
  /** Rows of the fused module's output. */
  rows: RowSlice
  entry: BaseEntry
  /** Rows of the base weight, when the piece itself lands on part of a fused base weight. */
  slice?: RowSlice
  via: string
}

export type SplitResult = { pieces: SplitPiece[] } | { problem: string } | null

// Path segments of the fused-layout families that contain underscores, to rebuild dotted paths from kohya names.
const SEGMENTS = [
  'double_blocks',
  'single_blocks',
  'cross_attn',
  'self_attn',
  'q_linear',
  'kv_linear',
  'adaLN_modulation',
  'final_layer',
  'img_attn',
  'txt_attn',
  'img_mlp',
  'txt_mlp',
  'img_mod',
  'txt_mod',
  'y_embedder',
  'x_embedder',
  't_embedder',
  'y_proj'
]

/** `blocks_0_attn_qkv` -> `blocks.0.attn.qkv`, joining the known multi-word segments back. */
export function dottedFromUnderscore(path: string): string {
  const words = path.split('_')
  const out: string[] = []
  let i = 0
  while (i < words.length) {
    let taken = 1
    for (const seg of SEGMENTS) {
      const n = seg.split('_').length
      if (words.slice(i, i + n).join('_') === seg && n > taken) taken = n
    }
    out.push(words.slice(i, i + taken).join('_'))
    i += taken
  }
  return out.join('.')
}

function lookup(space: BaseSpace, path: string): { entry: BaseEntry; slice?: RowSlice; via: string } | null {
  const own = space.dotted.get(path)
  if (own) return { entry: own, via: 'own name' }
  for (const alias of space.aliases) {
    const hits = alias.dotted.get(path)
    if (hits && hits.length === 1) {
      const h = hits[0]!
      return h.slice
        ? { entry: h.entry, slice: h.slice, via: alias.label }
        : { entry: h.entry, via: alias.label }
    }
  }
  return null
}

/**
 * The base weights a module's rows land on (one piece covering every row for a rename, several for a split), or a
 * problem (some rows have no counterpart, or a part's dims differ), or null when no alias table knows the name.
 */
export function findSplit(m: LoraModule, out: number, inDim: number, space: BaseSpace): SplitResult {
  const path = m.pathForm === 'dotted' ? m.path : dottedFromUnderscore(m.path)
  let partial: string | null = null
  for (const family of ALIAS_FAMILIES) {
    const aliases = family.aliases(path, [out, inDim])
    if (aliases.length === 0) continue
    // A family may offer several names for the same rows (FastVideo `to_q` and Wan-style `q`): per row slice, the
    // first name the base knows. An alias without a slice is a plain rename (all rows).
    const bySlice = new Map<number, { slice: RowSlice; paths: string[] }>()
    for (const a of aliases) {
      const slice = a.slice ?? { offset: 0, size: out }
      const s = bySlice.get(slice.offset) ?? { slice, paths: [] }
      s.paths.push(a.path)
      bySlice.set(slice.offset, s)
    }
    const pieces: SplitPiece[] = []
    const missing: string[] = []
    for (const { slice, paths } of [...bySlice.values()].sort((x, y) => x.slice.offset - y.slice.offset)) {
      const hit = paths.map((p) => lookup(space, p)).find((h) => h !== null)
      if (!hit) {
        missing.push(`rows ${slice.offset}-${slice.offset + slice.size - 1} (${paths.join(' / ')})`)
        continue
      }
      const rows = hit.slice ? hit.slice.size : hit.entry.shape[0]
      const baseIn = hit.entry.shape.slice(1).reduce((p, d) => p * d, 1)
      if (rows !== slice.size || baseIn !== inDim) {
        return {
          problem: `${path} onto ${hit.entry.key} ${JSON.stringify(hit.entry.shape)}: part rows ${slice.size} x in ${inDim} vs ${rows} x ${baseIn}`
        }
      }
      const piece: SplitPiece = { rows: slice, entry: hit.entry, via: family.label }
      if (hit.slice) piece.slice = hit.slice
      pieces.push(piece)
    }
    if (missing.length === 0) return { pieces }
    if (pieces.length > 0)
      partial = `fused ${path}: ${missing.join(', ')} have no counterpart in the base, so the split would lose them`
  }
  return partial ? { problem: partial } : null
}
