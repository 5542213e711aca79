/** `correspond(a, b)`: the engine's entry point. */
import { stripModelPrefixes, tokenKey } from '../names/index.js'
import type { Correspondence, CorrespondOptions, Link, TensorSpec } from './types.js'

function numel(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i])
}

export function correspond(
  a: readonly TensorSpec[],
  b: readonly TensorSpec[],
  _options: CorrespondOptions = {}
): Correspondence {
  const normA = stripModelPrefixes(a.map((t) => t.name))
  const normB = stripModelPrefixes(b.map((t) => t.name))
  const byTokens = new Map<string, number>()
  normB.forEach((k, i) => {
    const t = tokenKey(k)
    if (!byTokens.has(t)) byTokens.set(t, i)
  })
  const links: Link[] = []
  const usedB = new Set<number>()
  const unmatchedA: string[] = []
  a.forEach((t, i) => {
    const j = byTokens.get(tokenKey(normA[i]!))
    const u = j === undefined ? undefined : b[j]
    if (j === undefined || !u || usedB.has(j) || numel(u.shape) !== numel(t.shape)) {
      unmatchedA.push(t.name)
      return
    }
    usedB.add(j)
    const same = sameShape(t.shape, u.shape)
    links.push({
      kind: same ? 'rename' : 'reshape',
      a: [t.name],
      b: [u.name],
      confidence: 'high',
      evidence: [normA[i] === normB[j] ? { kind: 'same-name' } : { kind: 'same-tokens' }]
    })
  })
  const unmatchedB = b.filter((_, j) => !usedB.has(j)).map((t) => t.name)
  return { links, unmatched: { a: unmatchedA, b: unmatchedB } }
}
