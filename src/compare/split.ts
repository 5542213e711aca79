/**
 * Splits found from dims alone: one module whose rows are exactly the sum of several modules on the other side,
 * with equal trailing dims (Flux single-block `linear1` [3h + 4h, h] = to_q, to_k, to_v, proj_mlp). A fused
 * module with no fused word in its name can only be recognised this way; the search is bounded (few candidates,
 * few parts) and accepted only when exactly one combination fits.
 */
import type { ModuleEntry } from './model.js'
import type { SideInfo } from './scope-info.js'
import { tokenSimilarity, type ModuleTokens } from './tokens.js'

/** More candidates than this and the subset search is skipped (2^12 subsets at most). */
const MAX_CANDIDATES = 12
const MIN_PARTS = 2
const MAX_PARTS = 5
/** Row order of the parts: attention projections in q, k, v order first, then the rest by position. */
const ROLE_ORDER = ['q', 'k', 'v']

/** True when every leaf of `whole` is the row-concatenation of the same leaf of each part. */
export function partsFit(whole: ModuleEntry, parts: ModuleEntry[]): boolean {
  for (const [leaf, t] of whole.leaves) {
    if (t.shape.length === 0) return false
    let rows = 0
    for (const p of parts) {
      const s = p.leaves.get(leaf)?.shape
      if (!s || s.length !== t.shape.length) return false
      for (let d = 1; d < s.length; d++) if (s[d] !== t.shape[d]) return false
      rows += s[0]
    }
    if (rows !== t.shape[0]) return false
  }
  for (const p of parts) if (p.leaves.size !== whole.leaves.size) return false
  return true
}

function roleRank(t: ModuleTokens): number {
  for (let r = 0; r < ROLE_ORDER.length; r++) if (t.core.includes(ROLE_ORDER[r])) return r
  return ROLE_ORDER.length
}

function weightShape(m: ModuleEntry): number[] | undefined {
  return (m.leaves.get('weight') ?? [...m.leaves.values()][0])?.shape
}

/**
 * Indices into `to.modules` (from `free`) whose rows add up to `whole`, in row order; undefined unless exactly one
 * combination fits.
 */
export function findShapeSplit(
  whole: ModuleEntry,
  _wholeTokens: ModuleTokens,
  to: SideInfo,
  free: number[]
): number[] | undefined {
  const ws = weightShape(whole)
  if (!ws || ws.length === 0) return undefined
  const candidates = free.filter((j) => {
    const m = to.modules[j]
    const s = weightShape(m)
    if (!s || s.length !== ws.length || s[0] >= ws[0] || m.leaves.size !== whole.leaves.size) return false
    for (let d = 1; d < s.length; d++) if (s[d] !== ws[d]) return false
    for (const leaf of whole.leaves.keys()) if (!m.leaves.has(leaf)) return false
    return true
  })
  if (candidates.length < MIN_PARTS || candidates.length > MAX_CANDIDATES) return undefined
  let found: number[] | undefined
  let count = 0
  const n = candidates.length
  for (let mask = 1; mask < 1 << n; mask++) {
    const bits = popcount(mask)
    if (bits < MIN_PARTS || bits > MAX_PARTS) continue
    let rows = 0
    const chosen: number[] = []
    for (let k = 0; k < n; k++) {
      if (mask & (1 << k)) {
        chosen.push(candidates[k])
        rows += weightShape(to.modules[candidates[k]])![0]
      }
    }
    if (rows !== ws[0]) continue
    if (
      !partsFit(
        whole,
        chosen.map((j) => to.modules[j])
      )
    )
      continue
    count++
    if (count > 1) return undefined
    found = chosen
  }
  if (!found) return undefined
  return found.sort(
    (x, y) =>
      roleRank(to.tokens[x]) - roleRank(to.tokens[y]) || to.modules[x].position - to.modules[y].position
  )
}

function popcount(x: number): number {
  let c = 0
  while (x) {
    x &= x - 1
    c++
  }
  return c
}

export function leadingDim(m: ModuleEntry): number {
  const t = m.leaves.get('weight') ?? [...m.leaves.values()][0]
  return t.shape.length > 0 ? t.shape[0] : 1
}

/** Groups of `to` modules, one per part role, under one parent, whose rows add up to module `i` of `from`. */
export function namedPartGroups(
  from: SideInfo,
  i: number,
  parts: string[],
  to: SideInfo,
  usedTo: boolean[],
  requireFit = true
): { parts: number[]; score: number }[] {
  const fusedModule = from.modules[i]
  const byParent = new Map<string, number[]>()
  to.modules.forEach((_, j) => {
    if (usedTo[j]) return
    const p = to.parents[j]
    let list = byParent.get(p)
    if (!list) byParent.set(p, (list = []))
    list.push(j)
  })
  const out: { parts: number[]; score: number }[] = []
  for (const members of byParent.values()) {
    const chosen: number[] = []
    for (const part of parts) {
      const hits = members.filter((j) => {
        const core = to.tokens[j].core
        return core.includes(part) && !core.includes('qkv') && !core.includes('kv') && !core.includes('norm')
      })
      if (hits.length !== 1) break
      chosen.push(hits[0])
    }
    if (chosen.length !== parts.length) continue
    if (
      requireFit &&
      !partsFit(
        fusedModule,
        chosen.map((j) => to.modules[j])
      )
    )
      continue
    out.push({ parts: chosen, score: tokenSimilarity(from.parentTokens[i], to.parentTokens[chosen[0]]) })
  }
  return out
}
