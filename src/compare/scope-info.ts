/**
 * Name tokens of a scope's modules, with ordinals computed among numbered siblings of that scope (ffn.0 / ffn.2 ->
 * #1 / #2). Tokens depend on the module paths only, so scopes with the same paths share them through a cache.
 */
import type { ModuleEntry, Scope } from './model.js'
import { moduleTokens, type ModuleTokens } from './tokens.js'

export interface SideInfo {
  modules: ModuleEntry[]
  tokens: ModuleTokens[]
  parentTokens: ModuleTokens[]
  parents: string[]
}

/** Name tokens of a scope's modules; they depend on the module paths only, so scopes can share them. */
export type TokenCache = Map<string, Omit<SideInfo, 'modules'>>

/** Tokens of every module of a scope, with ordinals computed among numbered siblings of this scope. */
export function scopeInfo(scope: Scope, cache?: TokenCache): SideInfo {
  // The count keeps "no module" apart from "one module with an empty path" (a bare `weight` key).
  const cacheKey = `${scope.modules.length}\u0000${scope.pathTemplate}`
  const known = cache?.get(cacheKey)
  if (known) return { modules: scope.modules, ...known }
  const info = computeScopeInfo(scope)
  cache?.set(cacheKey, { tokens: info.tokens, parentTokens: info.parentTokens, parents: info.parents })
  return info
}

function computeScopeInfo(scope: Scope): SideInfo {
  const children = new Map<string, Set<number>>()
  for (const m of scope.modules) {
    const segs = m.path.split('.')
    for (let i = 0; i < segs.length; i++) {
      if (!/^\d+$/.test(segs[i])) continue
      const parent = segs.slice(0, i).join('.')
      let set = children.get(parent)
      if (!set) children.set(parent, (set = new Set()))
      set.add(Number(segs[i]))
    }
  }
  const ranks = new Map<string, Map<number, number>>()
  for (const [parent, set] of children) {
    if (set.size < 2) continue
    const sorted = [...set].sort((x, y) => x - y)
    ranks.set(parent, new Map(sorted.map((n, i) => [n, i + 1])))
  }
  const ordinalOf = (parent: string, n: number): number | undefined => ranks.get(parent)?.get(n)
  const parents = scope.modules.map((m) => {
    const i = m.path.lastIndexOf('.')
    return i < 0 ? '' : m.path.slice(0, i)
  })
  return {
    modules: scope.modules,
    tokens: scope.modules.map((m) => moduleTokens(m.path, ordinalOf)),
    parentTokens: parents.map((p) => moduleTokens(p, ordinalOf)),
    parents
  }
}
