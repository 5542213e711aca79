/**
 * The bookkeeping of matching two aligned scopes (match-scope.ts holds the stages): which modules each side has
 * used, what is left, and how a pair, a split or a fuse is recorded.
 */
import type { Confidence } from './types.js'
import type { ModuleEntry } from './model.js'
import type { ModuleTokens } from './tokens.js'
import type { SideInfo } from './scope-info.js'

export type ModuleMatchKind = 'pair' | 'split' | 'fuse'

/** A match between modules, by index into each scope's `modules`. Leaves are paired later. */
export interface ModuleMatch {
  kind: ModuleMatchKind
  a: number[]
  b: number[]
  confidence: Confidence
  reason: string
  ambiguity?: string
}

const MODULATION_AMBIGUITY =
  'modulation chunks (shift/scale/gate) have equal sizes: their order cannot be verified from headers'

function isModulation(t: ModuleTokens): boolean {
  return t.core.includes('mod')
}

function pairAmbiguity(
  a: ModuleEntry,
  b: ModuleEntry,
  ta: ModuleTokens,
  tb: ModuleTokens
): string | undefined {
  if (a.path !== b.path && (isModulation(ta) || isModulation(tb))) return MODULATION_AMBIGUITY
  return undefined
}

/** One way of looking for splits: a module on side `from` against several on side `to`. */
export interface Direction {
  fromSide: 'a' | 'b'
  toSide: 'a' | 'b'
  from: SideInfo
  to: SideInfo
  usedFrom: boolean[]
  usedTo: boolean[]
}

export class MatchState {
  readonly usedA: boolean[]
  readonly usedB: boolean[]
  readonly out: ModuleMatch[] = []
  constructor(
    readonly A: SideInfo,
    readonly B: SideInfo
  ) {
    this.usedA = A.modules.map(() => false)
    this.usedB = B.modules.map(() => false)
  }

  residual(side: 'a' | 'b'): number[] {
    const used = side === 'a' ? this.usedA : this.usedB
    const out: number[] = []
    used.forEach((u, i) => {
      if (!u) out.push(i)
    })
    return out
  }

  /** A -> B (a fused module in A split into parts of B), then B -> A (parts of A fused in B). */
  directions(): Direction[] {
    const { A, B, usedA, usedB } = this
    return [
      { fromSide: 'a', toSide: 'b', from: A, to: B, usedFrom: usedA, usedTo: usedB },
      { fromSide: 'b', toSide: 'a', from: B, to: A, usedFrom: usedB, usedTo: usedA }
    ]
  }

  /** Module `i` on the `from` side matches `parts` on the other: a split read from A, a fuse read from B. */
  splitMatch(
    d: Direction,
    i: number,
    parts: number[],
    confidence: Confidence,
    reason: string,
    ambiguity?: string
  ): void {
    d.usedFrom[i] = true
    for (const j of parts) d.usedTo[j] = true
    const fromA = d.fromSide === 'a'
    this.out.push({
      kind: fromA ? 'split' : 'fuse',
      a: fromA ? [i] : parts,
      b: fromA ? parts : [i],
      confidence,
      reason,
      ...(ambiguity !== undefined && { ambiguity })
    })
  }

  residualPairs(): number {
    return this.usedA.filter((u) => !u).length * this.usedB.filter((u) => !u).length
  }

  pair(i: number, j: number, confidence: Confidence, reason: string, ambiguity?: string): void {
    this.usedA[i] = true
    this.usedB[j] = true
    const amb =
      ambiguity ?? pairAmbiguity(this.A.modules[i], this.B.modules[j], this.A.tokens[i], this.B.tokens[j])
    this.out.push({ kind: 'pair', a: [i], b: [j], confidence, reason, ...(amb ? { ambiguity: amb } : {}) })
  }

  /** Groups residual modules of one side by a key; only keys present on both sides matter. */
  buckets(
    keyA: (i: number) => string,
    keyB: (j: number) => string
  ): Map<string, { a: number[]; b: number[] }> {
    const map = new Map<string, { a: number[]; b: number[] }>()
    for (const i of this.residual('a')) {
      const k = keyA(i)
      let e = map.get(k)
      if (!e) map.set(k, (e = { a: [], b: [] }))
      e.a.push(i)
    }
    for (const j of this.residual('b')) {
      const e = map.get(keyB(j))
      if (e) e.b.push(j)
    }
    return map
  }
}
