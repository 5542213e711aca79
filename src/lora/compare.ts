/**
 * LoRA vs LoRA: conventions, target modules in common and apart, rank/alpha differences, coverage (layer kinds and
 * blocks) and base family. Targets are compared by a canonical name: prefix and adapter infix dropped, dots and
 * underscores unified, and Wan diffusers names mapped to the original ones, so a kohya file and a ComfyUI file of
 * the same training compare equal.
 */
import { ALIAS_FAMILIES } from './aliases.js'
import type { ConventionName, LoraAnalysis, LoraComparison, LoraModule } from './types.js'

// The table generated from diffusers-named bases: it maps a diffusers path to the original one.
const wanDiffusersToOriginal = ALIAS_FAMILIES.find((f) => f.bases.includes('wan-diffusers'))!

/** The canonical target name of a module, comparable across conventions. */
export function canonicalTarget(m: LoraModule, family: string | null): string {
  let path = m.path
  if (family === 'wan-diffusers' && m.pathForm === 'dotted') {
    path = wanDiffusersToOriginal.aliases(path, [])[0]?.path ?? path
  }
  const part = m.component === 'text-encoder' ? `te${m.textEncoder}:` : ''
  return part + path.replace(/\./g, '_')
}

const MAX_LISTED = 200

function byTarget(a: LoraAnalysis): Map<string, LoraModule> {
  const map = new Map<string, LoraModule>()
  for (const m of a.modules) map.set(canonicalTarget(m, a.family), m)
  return map
}

function conventionNames(a: LoraAnalysis): ConventionName[] {
  return a.conventions.map((c) => c.convention).sort()
}

function blocksOnly(x: Record<string, number[]>, y: Record<string, number[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const [series, list] of Object.entries(x)) {
    const other = new Set(y[series] ?? [])
    const only = list.filter((i) => !other.has(i))
    if (only.length > 0) out[series] = only
  }
  return out
}

/** Compare two analysed LoRAs. */
export function compareLoras(a: LoraAnalysis, b: LoraAnalysis): LoraComparison {
  const ta = byTarget(a)
  const tb = byTarget(b)
  const onlyA: string[] = []
  const onlyB: string[] = []
  const rankDiff: LoraComparison['rank']['differing'] = []
  const alphaDiff: LoraComparison['alpha']['differing'] = []
  let common = 0
  let alphaCompared = 0
  let unreadA = 0
  let unreadB = 0
  for (const [key, ma] of ta) {
    const mb = tb.get(key)
    if (!mb) {
      onlyA.push(key)
      continue
    }
    common++
    if (ma.rank !== null && mb.rank !== null && ma.rank !== mb.rank)
      rankDiff.push({ path: key, a: ma.rank, b: mb.rank })
    if (ma.scaleSource === 'alpha-unread') unreadA++
    if (mb.scaleSource === 'alpha-unread') unreadB++
    if (ma.alpha !== null && mb.alpha !== null) {
      alphaCompared++
      if (ma.alpha !== mb.alpha) alphaDiff.push({ path: key, a: ma.alpha, b: mb.alpha })
    }
  }
  for (const key of tb.keys()) if (!ta.has(key)) onlyB.push(key)
  const kinds = new Set([...Object.keys(a.statistics.layerKinds), ...Object.keys(b.statistics.layerKinds)])
  const counts: Record<string, [number, number]> = {}
  for (const k of [...kinds].sort())
    counts[k] = [a.statistics.layerKinds[k] ?? 0, b.statistics.layerKinds[k] ?? 0]
  const ca = conventionNames(a)
  const cb = conventionNames(b)
  const norm = (f: string | null): string | null => f?.replace(/-diffusers$/, '') ?? null
  return {
    a: a.path,
    b: b.path,
    conventions: { a: ca, b: cb, same: ca.join() === cb.join() },
    family: { a: a.family, b: b.family, same: norm(a.family) === norm(b.family) && a.family !== null },
    width: { a: a.width, b: b.width },
    targets: {
      common,
      onlyACount: onlyA.length,
      onlyBCount: onlyB.length,
      onlyA: onlyA.sort().slice(0, MAX_LISTED),
      onlyB: onlyB.sort().slice(0, MAX_LISTED)
    },
    rank: {
      a: a.statistics.rank,
      b: b.statistics.rank,
      differing: rankDiff.slice(0, MAX_LISTED),
      differingCount: rankDiff.length
    },
    alpha: {
      compared: alphaCompared,
      differing: alphaDiff.slice(0, MAX_LISTED),
      differingCount: alphaDiff.length,
      unread: { a: unreadA, b: unreadB }
    },
    layerKinds: {
      onlyA: [...kinds].filter((k) => !b.statistics.layerKinds[k]).sort(),
      onlyB: [...kinds].filter((k) => !a.statistics.layerKinds[k]).sort(),
      counts
    },
    blocks: {
      onlyA: blocksOnly(a.statistics.blocks, b.statistics.blocks),
      onlyB: blocksOnly(b.statistics.blocks, a.statistics.blocks)
    }
  }
}
