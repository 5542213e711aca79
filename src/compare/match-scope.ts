/**
 * Matching the modules of two aligned scopes (block i of A with block i of B, or top level with top level).
 * Stages run from the strongest evidence to the weakest and each removes what it matched, so a later, weaker
 * rule only ever chooses among what is left:
 *   0 same path; 1 same canonical name; 2 splits/fuses named by a fused word (qkv, kv); 3 one name refines the
 *   other; 4 the only remaining module with that signature; 5 splits/fuses found from dims alone; 6 best name
 *   score; 7 same canonical name with incompatible shapes (kept as low-confidence evidence).
 * Comparisons happen only inside signature buckets, with capped bucket sizes, so a scope costs near-linear time.
 */
import type { ModuleEntry, Scope } from './model.js'
import {
  describeTokens,
  fusedParts,
  isCoreSubset,
  rolesConflict,
  sharesRole,
  tokenSimilarity,
  type ModuleTokens
} from './tokens.js'
import { findShapeSplit, leadingDim, namedPartGroups } from './split.js'
import { scopeInfo, type TokenCache } from './scope-info.js'
import { MatchState, type ModuleMatch } from './match-state.js'

/** Bucket by exact signature (shapes) first, then by element counts (reshapes, and transposed look-alikes). */
type SigKey = 'sig' | 'numelSig'

export type { ModuleMatch, ModuleMatchKind } from './match-state.js'

/** Largest bucket product scored pairwise; bigger buckets fall back to hash-only rules (stages 0-4). */
const MAX_BUCKET_PAIRS = 4096
/**
 * Split and fuse searches compare every residual module with every other: they run only while residual A x
 * residual B stays under this. Real scopes (a block, a model's top level) hold tens of modules; a flat file with
 * thousands of top-level modules still gets the hash-based stages, in linear time.
 */
const MAX_SPLIT_PAIRS = 40_000
/** Stage 6 thresholds: minimum score, and the margins over the runner-up for high / medium confidence. */
const MIN_SCORE = 0.34
/** Largest group of equal-shaped look-alikes paired by position (stage 6b). */
const MAX_POSITIONAL_GROUP = 4
const HIGH_SCORE = 0.5
const HIGH_MARGIN = 0.2
const TIE_MARGIN = 0.05

class Matcher extends MatchState {
  stage0SamePath(): void {
    const byPath = new Map<string, number>()
    this.B.modules.forEach((m, j) => byPath.set(m.path, j))
    this.A.modules.forEach((m, i) => {
      const j = byPath.get(m.path)
      if (j === undefined || this.usedB[j]) return
      this.pair(i, j, 'high', 'same key after stripping prefixes')
    })
  }

  stage1Canonical(): void {
    const A = this.A
    const B = this.B
    const key = (t: ModuleTokens, m: ModuleEntry): string => `${t.canon}\u0000${m.numelSig}`
    for (const e of this.buckets(
      (i) => key(A.tokens[i], A.modules[i]),
      (j) => key(B.tokens[j], B.modules[j])
    ).values()) {
      if (e.a.length !== 1 || e.b.length !== 1 || A.tokens[e.a[0]].core.length === 0) continue
      this.pair(
        e.a[0],
        e.b[0],
        'high',
        `same role after synonym normalisation: ${describeTokens(A.tokens[e.a[0]])}`
      )
    }
  }

  /**
   * With `requireFit` the parts' rows must add up to the fused module (a real split); without it (stage 7) the
   * names alone pair them, at low confidence, as evidence of fused vs separate attention across architectures.
   */
  stage2NamedSplits(requireFit = true): void {
    for (const d of this.directions()) {
      const { from, to } = d
      for (const i of this.residual(d.fromSide)) {
        const fused = fusedParts(from.tokens[i])
        if (!fused) continue
        const candidates = namedPartGroups(from, i, fused.parts, to, d.usedTo, requireFit)
        if (candidates.length === 0) continue
        candidates.sort((x, y) => y.score - x.score)
        const best = candidates[0]
        const unique = candidates.length === 1 || best.score - candidates[1].score > TIE_MARGIN
        if (!unique) continue
        const dims = best.parts.map((j) => leadingDim(to.modules[j]))
        const equal = dims.every((x) => x === dims[0])
        const partNames = best.parts.map((j) => to.modules[j].path)
        this.splitMatch(
          d,
          i,
          best.parts,
          requireFit ? 'high' : 'low',
          requireFit
            ? `fused ${fused.word} ${from.modules[i].path} = ${partNames.join(' + ')} (rows ${dims.join(' + ')})`
            : `fused ${fused.word} ${from.modules[i].path} corresponds to ${partNames.join(' + ')} by name, but the rows do not add up`,
          equal && requireFit
            ? `equal-sized parts: row order ${fused.parts.join(', ')} assumed (as every known converter)`
            : undefined
        )
      }
    }
  }

  stage3Refinement(key: SigKey): void {
    const A = this.A
    const B = this.B
    for (const e of this.buckets(
      (i) => A.modules[i][key],
      (j) => B.modules[j][key]
    ).values()) {
      if (e.a.length * e.b.length > MAX_BUCKET_PAIRS) continue
      const rel = (i: number, j: number): boolean =>
        !rolesConflict(A.tokens[i], B.tokens[j]) &&
        (isCoreSubset(A.tokens[i], B.tokens[j]) || isCoreSubset(B.tokens[j], A.tokens[i]))
      for (const i of e.a) {
        const hits = e.b.filter((j) => !this.usedB[j] && rel(i, j))
        if (hits.length !== 1) continue
        const j = hits[0]
        const back = e.a.filter((k) => !this.usedA[k] && rel(k, j))
        if (back.length !== 1) continue
        this.pair(
          i,
          j,
          'high',
          `one name refines the other: ${describeTokens(A.tokens[i])} / ${describeTokens(B.tokens[j])}`
        )
      }
    }
  }

  stage4Singletons(key: SigKey): void {
    const A = this.A
    const B = this.B
    for (const e of this.buckets(
      (i) => A.modules[i][key],
      (j) => B.modules[j][key]
    ).values()) {
      if (e.a.length !== 1 || e.b.length !== 1) continue
      const [i, j] = [e.a[0], e.b[0]]
      if (rolesConflict(A.tokens[i], B.tokens[j])) continue
      const shared = sharesRole(A.tokens[i], B.tokens[j])
      this.pair(
        i,
        j,
        shared ? 'high' : 'medium',
        shared
          ? 'the only module left with this signature on each side, same role'
          : 'the only module left with this signature on each side (names share no role word)'
      )
    }
  }

  stage5ShapeSplits(): void {
    for (const d of this.directions()) {
      const { from, to } = d
      const free = this.residual(d.toSide)
      for (const i of this.residual(d.fromSide)) {
        const parts = findShapeSplit(
          from.modules[i],
          from.tokens[i],
          to,
          free.filter((j) => !d.usedTo[j])
        )
        if (!parts) continue
        const dims = parts.map((j) => leadingDim(to.modules[j]))
        this.splitMatch(
          d,
          i,
          parts,
          'medium',
          `dims sum exactly: ${from.modules[i].path} rows ${leadingDim(from.modules[i])} = ${dims.join(' + ')} (${parts.map((j) => to.modules[j].path).join(', ')}); order from names/positions`
        )
      }
    }
  }

  stage6Scored(key: SigKey): void {
    const A = this.A
    const B = this.B
    const nA = A.modules.length || 1
    const nB = B.modules.length || 1
    for (const e of this.buckets(
      (i) => A.modules[i][key],
      (j) => B.modules[j][key]
    ).values()) {
      if (e.b.length === 0 || e.a.length * e.b.length > MAX_BUCKET_PAIRS) continue
      const score = (i: number, j: number): number => {
        if (rolesConflict(A.tokens[i], B.tokens[j])) return 0
        const position = 1 - Math.abs(A.modules[i].position / nA - B.modules[j].position / nB)
        return tokenSimilarity(A.tokens[i], B.tokens[j]) + 0.05 * position
      }
      const table = e.a.map((i) => e.b.map((j) => score(i, j)))
      const pairs: [number, number, number][] = []
      table.forEach((row, x) => row.forEach((s, y) => pairs.push([s, x, y])))
      pairs.sort((p, q) => q[0] - p[0])
      const takenA = new Set<number>()
      const takenB = new Set<number>()
      for (const [s, x, y] of pairs) {
        if (s < MIN_SCORE || takenA.has(x) || takenB.has(y)) continue
        takenA.add(x)
        takenB.add(y)
        // Margins against every alternative, taken or not: the second half of a swappable pair is as
        // ambiguous as the first, even though its rival is already used.
        const rowAlt = Math.max(0, ...table[x].filter((_, yy) => yy !== y))
        const colAlt = Math.max(0, ...table.filter((_, xx) => xx !== x).map((r) => r[y]))
        const margin = s - Math.max(rowAlt, colAlt)
        const i = e.a[x]
        const j = e.b[y]
        if (margin < TIE_MARGIN) {
          const rivalY = table[x].findIndex((v, yy) => yy !== y && v === rowAlt)
          const rival = rivalY >= 0 ? B.modules[e.b[rivalY]].path : 'another module'
          this.pair(
            i,
            j,
            'low',
            `names about as similar to ${rival}`,
            `equal-shaped candidates could be swapped: ${B.modules[j].path} or ${rival}`
          )
        } else {
          const high = s >= HIGH_SCORE && margin >= HIGH_MARGIN
          this.pair(
            i,
            j,
            high ? 'high' : 'medium',
            `most similar name with the same signature (score ${s.toFixed(2)}, margin ${margin.toFixed(2)})`
          )
        }
      }
    }
  }

  /**
   * Equal-shaped modules left in equal numbers on both sides with a common role (SwiGLU w1/w3 vs gate_proj/up_proj):
   * paired in template order at low confidence, saying they could be swapped, rather than left silently unmatched.
   */
  stage6bPositional(): void {
    const A = this.A
    const B = this.B
    for (const e of this.buckets(
      (i) => A.modules[i].sig,
      (j) => B.modules[j].sig
    ).values()) {
      if (e.a.length < 2 || e.a.length !== e.b.length || e.a.length > MAX_POSITIONAL_GROUP) continue
      const all = e.a.every((i) =>
        e.b.every((j) => sharesRole(A.tokens[i], B.tokens[j]) && !rolesConflict(A.tokens[i], B.tokens[j]))
      )
      if (!all) continue
      const names = e.b.map((j) => B.modules[j].path)
      const paths = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
      e.a.forEach((i, k) =>
        this.pair(
          i,
          e.b[k],
          'low',
          'equal-shaped modules with a common role, paired in template order',
          `equal-shaped candidates could be swapped: ${paths}`
        )
      )
    }
  }

  stage7Incompatible(): void {
    const A = this.A
    const B = this.B
    for (const e of this.buckets(
      (i) => A.tokens[i].canon,
      (j) => B.tokens[j].canon
    ).values()) {
      if (e.a.length !== 1 || e.b.length !== 1 || A.tokens[e.a[0]].core.length === 0) continue
      this.pair(e.a[0], e.b[0], 'low', 'names correspond but the module shapes differ')
    }
    if (this.residualPairs() > MAX_SPLIT_PAIRS) return
    this.stage2NamedSplits(false)
    for (const i of this.residual('a')) {
      const rel = (x: number, j: number): boolean =>
        !rolesConflict(A.tokens[x], B.tokens[j]) &&
        (isCoreSubset(A.tokens[x], B.tokens[j]) || isCoreSubset(B.tokens[j], A.tokens[x]))
      const hits = this.residual('b').filter((j) => rel(i, j))
      if (hits.length !== 1) continue
      if (this.residual('a').filter((x) => rel(x, hits[0])).length !== 1) continue
      this.pair(i, hits[0], 'low', 'one name refines the other, but the module shapes differ')
    }
  }
}

/** Matches two scopes' modules. Pure; the caller caches results by the scopes' templates. */
export function matchScopes(a: Scope, b: Scope, tokens?: TokenCache): ModuleMatch[] {
  const m = new Matcher(scopeInfo(a, tokens), scopeInfo(b, tokens))
  m.stage0SamePath()
  m.stage1Canonical()
  if (m.residualPairs() <= MAX_SPLIT_PAIRS) m.stage2NamedSplits()
  m.stage3Refinement('sig')
  m.stage3Refinement('numelSig')
  m.stage4Singletons('sig')
  m.stage4Singletons('numelSig')
  if (m.residualPairs() <= MAX_SPLIT_PAIRS) m.stage5ShapeSplits()
  m.stage6Scored('sig')
  m.stage6Scored('numelSig')
  m.stage6bPositional()
  m.stage7Incompatible()
  return m.out
}
