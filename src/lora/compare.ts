/**
 * LoRA vs LoRA: conventions, target modules in common and apart, rank/alpha differences, coverage (layer kinds and
 * blocks) and base family. Two modules target the same base layer when the correspondence links the tensors they
 * imply (the same seam LoRA resolution uses, in both directions since either file's naming may be the one the
 * name maps start from), so a kohya file and a ComfyUI or diffusers file of the same training compare equal.
 */
import { correspondImplied, type TensorSpec } from './correspondence.js'
import { spaceFromSpecs } from './base-index.js'
import { impliedTensors } from './implied.js'
import { kohyaForm } from '../names/adapters.js'
import type { ConventionName, LoraAnalysis, LoraComparison, LoraModule } from './types.js'

/** The name a module is listed under: its component, then its path with dots and underscores unified. */
export function canonicalTarget(m: LoraModule): string {
  const part = m.component === 'text-encoder' ? `te${m.textEncoder}:` : ''
  return part + kohyaForm(m.path)
}

const MAX_LISTED = 200

function componentOf(m: LoraModule): string {
  return m.component === 'text-encoder' ? `te${m.textEncoder}` : 'denoiser'
}

/** Implied weight name -> module, per component. */
function impliedByComponent(a: LoraAnalysis): Map<string, Map<string, { spec: TensorSpec; m: LoraModule }>> {
  const out = new Map<string, Map<string, { spec: TensorSpec; m: LoraModule }>>()
  for (const m of a.modules) {
    const w = impliedTensors(m).weight
    if (!w) continue
    const c = componentOf(m)
    const map = out.get(c) ?? new Map()
    if (!map.has(w.name)) map.set(w.name, { spec: w, m })
    out.set(c, map)
  }
  return out
}

/** Pairs of modules (A, B) whose implied weights the correspondence links one to one. */
function pairModules(a: LoraAnalysis, b: LoraAnalysis): Map<LoraModule, LoraModule> {
  const pairs = new Map<LoraModule, LoraModule>()
  const taken = new Set<LoraModule>()
  const ia = impliedByComponent(a)
  const ib = impliedByComponent(b)
  for (const [component, ma] of ia) {
    const mb = ib.get(component)
    if (!mb) continue
    const specsA = [...ma.values()].map((x) => x.spec)
    const specsB = [...mb.values()].map((x) => x.spec)
    const oneToOne = (from: typeof mb, to: typeof ma, aIsFrom: boolean): void => {
      const r = correspondImplied(
        [...from.values()].map((x) => x.spec),
        [...to.values()].map((x) => x.spec),
        spaceFromSpecs(aIsFrom ? specsB : specsA)
      )
      for (const link of r.links) {
        if (link.a.length !== 1 || link.b.length !== 1 || link.kind === 'split' || link.kind === 'fuse')
          continue
        const x = from.get(link.a[0]!)?.m
        const y = to.get(link.b[0]!)?.m
        if (!x || !y) continue
        const [ma2, mb2] = aIsFrom ? [x, y] : [y, x]
        if (pairs.has(ma2) || taken.has(mb2)) continue
        pairs.set(ma2, mb2)
        taken.add(mb2)
      }
    }
    oneToOne(mb, ma, false)
    oneToOne(ma, mb, true)
  }
  return pairs
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
  const pairs = pairModules(a, b)
  const paired = new Set(pairs.values())
  const onlyA: string[] = []
  const onlyB: string[] = []
  const rankDiff: LoraComparison['rank']['differing'] = []
  const alphaDiff: LoraComparison['alpha']['differing'] = []
  let common = 0
  let alphaCompared = 0
  let unreadA = 0
  let unreadB = 0
  for (const ma of a.modules) {
    const key = canonicalTarget(ma)
    const mb = pairs.get(ma)
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
  for (const mb of b.modules) if (!paired.has(mb)) onlyB.push(canonicalTarget(mb))
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
