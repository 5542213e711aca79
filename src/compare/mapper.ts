/**
 * Key mapping between two models: align block families (blocks.i with blocks.i), match each aligned pair of
 * scopes module by module (match-scope.ts), then turn module matches into per-tensor mappings. Scopes with the
 * same templates share one matching result, so 40 identical blocks cost one match plus a linear instantiation.
 */
import type { Confidence, FamilyPairing, KeyMapping, MappingKind } from './types.js'
import { numel, type Family, type ModuleEntry, type ParsedModel, type Scope } from './model.js'
import { matchScopes, type ModuleMatch } from './match-scope.js'
import type { TokenCache } from './scope-info.js'
import { moduleTokens, tokenSimilarity } from './tokens.js'

export interface MappingResult {
  /** Every mapping, identities included (callers filter them for display). */
  mappings: KeyMapping[]
  familyPairs: FamilyPairing[]
}

/** Families beyond this many per side are paired by exact prefix only (pairing is quadratic in families). */
const MAX_FAMILIES_SCORED = 200
/** A family pair needs at least this score (equal counts give 1, names and templates add up to 1 each). */
const MIN_FAMILY_SCORE = 1

function templateSimilarity(a: Scope, b: Scope): number {
  const counts = new Map<string, number>()
  for (const m of b.modules) counts.set(m.numelSig, (counts.get(m.numelSig) ?? 0) + 1)
  let hit = 0
  for (const m of a.modules) {
    const c = counts.get(m.numelSig) ?? 0
    if (c > 0) {
      hit++
      counts.set(m.numelSig, c - 1)
    }
  }
  return a.modules.length === 0 ? 0 : hit / Math.max(a.modules.length, b.modules.length)
}

/** Pairs A's block families with B's: equal prefixes first, then by count, name and template similarity. */
export function pairFamilies(a: Family[], b: Family[]): [Family, Family][] {
  const out: [Family, Family][] = []
  const usedB = new Set<Family>()
  const restA: Family[] = []
  const byPrefix = new Map(b.map((f) => [f.prefix, f]))
  for (const f of a) {
    const g = byPrefix.get(f.prefix)
    if (g) {
      out.push([f, g])
      usedB.add(g)
    } else restA.push(f)
  }
  const restB = b.filter((g) => !usedB.has(g))
  if (restA.length === 0 || restB.length === 0) return out
  if (restA.length > MAX_FAMILIES_SCORED || restB.length > MAX_FAMILIES_SCORED) return out
  const noOrdinal = (): undefined => undefined
  const scored: [number, Family, Family][] = []
  for (const f of restA) {
    const tf = moduleTokens(f.prefix, noOrdinal)
    for (const g of restB) {
      const score =
        (f.scopes.length === g.scopes.length ? 1 : 0) +
        tokenSimilarity(tf, moduleTokens(g.prefix, noOrdinal)) +
        templateSimilarity(f.scopes[0], g.scopes[0])
      if (score >= MIN_FAMILY_SCORE) scored.push([score, f, g])
    }
  }
  scored.sort((x, y) => y[0] - x[0])
  const takenA = new Set<Family>()
  for (const [, f, g] of scored) {
    if (takenA.has(f) || usedB.has(g)) continue
    takenA.add(f)
    usedB.add(g)
    out.push([f, g])
  }
  return out
}

function shapeCompatible(a: number[], b: number[]): boolean {
  return numel(a) === numel(b)
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i])
}

/** True when `parts` stacked along dim 0 make `whole` (equal trailing dims, leading dims summing up). */
function rowsAddUp(whole: number[], parts: number[][]): boolean {
  if (whole.length === 0) return false
  let rows = 0
  for (const p of parts) {
    if (p.length !== whole.length) return false
    for (let d = 1; d < p.length; d++) if (p[d] !== whole[d]) return false
    rows += p[0]
  }
  return rows === whole[0]
}

/** What a module match means for each shared leaf: it depends on the two templates only, so it is cached too. */
interface LeafPlan {
  leaf: string
  kind: MappingKind
  confidence: Confidence
  reason: string
  compatible: boolean
}

interface MatchPlan {
  match: ModuleMatch
  leaves: LeafPlan[]
}

/** Decides kind, confidence and compatibility per leaf. Leaves present on one side only stay unmatched. */
function planMatch(match: ModuleMatch, a: ModuleEntry[], b: ModuleEntry[]): MatchPlan {
  const srcModules = match.a.map((i) => a[i])
  const dstModules = match.b.map((j) => b[j])
  const leafNames = [...srcModules[0].leaves.keys()].filter(
    (l) => srcModules.every((m) => m.leaves.has(l)) && dstModules.every((m) => m.leaves.has(l))
  )
  const leaves = leafNames.map((leaf): LeafPlan => {
    const src = srcModules.map((m) => m.leaves.get(leaf)!.shape)
    const dst = dstModules.map((m) => m.leaves.get(leaf)!.shape)
    let kind: MappingKind
    let compatible: boolean
    if (match.kind === 'pair') {
      compatible = shapeCompatible(src[0], dst[0])
      kind = compatible && !sameShape(src[0], dst[0]) ? 'reshape' : 'rename'
    } else {
      kind = match.kind
      compatible = match.kind === 'split' ? rowsAddUp(src[0], dst) : rowsAddUp(dst[0], src)
    }
    const downgrade = !compatible && match.confidence !== 'low'
    return {
      leaf,
      kind,
      compatible,
      confidence: downgrade ? 'low' : match.confidence,
      reason: downgrade ? `${match.reason}; shapes differ` : match.reason
    }
  })
  return { match, leaves }
}

/** Emits the key mappings of one planned match for one pair of scopes. */
function instantiate(plan: MatchPlan, a: ModuleEntry[], b: ModuleEntry[], out: KeyMapping[]): void {
  const { match } = plan
  for (const p of plan.leaves) {
    const source: string[] = []
    const target: string[] = []
    // Shapes are shared with the checkpoint's TensorInfo (never mutated): copies would only feed the GC.
    const sourceShapes: number[][] = []
    const targetShapes: number[][] = []
    for (const i of match.a) {
      const t = a[i].leaves.get(p.leaf)!
      source.push(t.key)
      sourceShapes.push(t.shape)
    }
    for (const j of match.b) {
      const t = b[j].leaves.get(p.leaf)!
      target.push(t.key)
      targetShapes.push(t.shape)
    }
    const mapping: KeyMapping = {
      source,
      target,
      kind: p.kind,
      confidence: p.confidence,
      reason: p.reason,
      shapes: { source: sourceShapes, target: targetShapes },
      shapeCompatible: p.compatible
    }
    if (match.ambiguity) mapping.ambiguity = match.ambiguity
    out.push(mapping)
  }
}

/** Proposes mappings from A's keys onto B's. Near-linear in the number of keys. */
export function mapModels(a: ParsedModel, b: ParsedModel): MappingResult {
  const mappings: KeyMapping[] = []
  const cache = new Map<string, MatchPlan[]>()
  const tokens: TokenCache = new Map()
  const runPair = (sa: Scope, sb: Scope): void => {
    const cacheKey = `${sa.template}\u0001${sb.template}`
    let plans = cache.get(cacheKey)
    if (!plans) {
      plans = matchScopes(sa, sb, tokens).map((m) => planMatch(m, sa.modules, sb.modules))
      cache.set(cacheKey, plans)
    }
    for (const p of plans) instantiate(p, sa.modules, sb.modules, mappings)
  }
  runPair(a.top, b.top)
  const familyPairs: FamilyPairing[] = []
  for (const [fa, fb] of pairFamilies(a.families, b.families)) {
    familyPairs.push({ a: fa.prefix, b: fb.prefix, countA: fa.scopes.length, countB: fb.scopes.length })
    const n = Math.min(fa.scopes.length, fb.scopes.length)
    for (let i = 0; i < n; i++) runPair(fa.scopes[i], fb.scopes[i])
  }
  return { mappings, familyPairs }
}
