/**
 * From a LoRA resolved against a base to a conversion plan: for every base weight the LoRA touches, one output
 * module in the target convention, built from the LoRA modules (or row slices of fused modules) that land on it.
 * A module that cannot be converted exactly (no counterpart, other block count, other dims, an adapter type or
 * layout we cannot rewrite without arithmetic) is refused with the reason; `dropUnmatched` leaves those out and
 * lists them. Pure: no I/O.
 */
import type { BaseEntry, BaseIndex, BaseSpace } from '../lora/base-index.js'
import type {
  LoraAnalysis,
  LoraModule,
  LoraResolution,
  ModuleResolution,
  ResolutionTarget
} from '../lora/types.js'
import { causeKey } from '../lora/reasons.js'
import {
  downRecipe,
  factorProblem,
  moduleFactor,
  reorderRows,
  rowSlice,
  stackFactors,
  upRecipe,
  type Factor
} from './factor.js'
import { namingProblem, targetNames } from './naming.js'
import { convertCauseOf, type ConvertCause, type Refusal } from './reasons.js'
import { byCodeUnit } from '../lora/order.js'
import type {
  ConversionPlan,
  ConvertTarget,
  ModuleSource,
  OutputTensor,
  PlannedModule,
  RefusedModule,
  TransformKind
} from './types.js'
import { SAFETENSORS_DTYPE_BITS } from '../formats/dtypes.js'
import { numel } from '../util/numel.js'

/** Largest block-diagonal up matrix built in memory (1 GiB; a real fused qkv up at rank 3 x 128 is ~10 MB). */
export const MAX_BLOCK_MATRIX_BYTES = 1 << 30

export interface PlanOptions {
  to: ConvertTarget
  dropUnmatched?: boolean
}

/** One LoRA module's (part of a) delta landing on rows [row, row + factor.out) of a base weight. */
interface Contribution {
  stem: string
  /** The base weight it lands on. */
  baseKey: string
  factor: Factor
  row: number
  fromSplit: boolean
  rows?: { start: number; end: number }
  /** The module's up rows were permuted into the base's chunk order. */
  reordered?: boolean
}

interface Located {
  entry: BaseEntry
  space: BaseSpace
}

function locate(index: BaseIndex): Map<string, Located> {
  const byKey = new Map<string, Located>()
  for (const space of [index.denoiser, ...index.textEncoders.values()]) {
    for (const entry of space.entries) byKey.set(entry.key, { entry, space })
  }
  return byKey
}

function refusalOf(r: ModuleResolution | undefined): Refusal {
  if (!r) return { kind: 'not-loadable', status: 'unresolved' }
  const out: Refusal = { kind: 'not-loadable', status: r.status }
  if (r.why) out.why = r.why
  if (r.expected) out.expected = r.expected
  if (r.causeWhy) out.cause = r.causeWhy
  return out
}

function bytesOf(t: OutputTensor): number {
  return (numel(t.shape) * (SAFETENSORS_DTYPE_BITS[t.dtype] ?? 0)) / 8
}

/**
 * Contributions of one module, or why it has none: exactly the resolution's targets (a rename, a fuse into rows of
 * a fused base weight, a split of the module's rows onto several weights, a reorder of its chunks). A module the
 * resolution does not call `ok` is refused with the resolution's own reason.
 */
function contributionsOf(
  m: LoraModule,
  r: ModuleResolution | undefined,
  byKey: Map<string, Located>,
  to: ConvertTarget
): Contribution[] | Refusal {
  if (r?.status !== 'ok' || !r.target) return refusalOf(r)
  const problem = factorProblem(m)
  if (problem) return problem
  const factor = moduleFactor(m)
  // The weight targets (a loop: this runs once per module, interpreted).
  const targets = r.targets ?? [r.target]
  const weights: ResolutionTarget[] = []
  for (let i = 0; i < targets.length; i++) if (targets[i]!.tensor !== 'bias') weights.push(targets[i]!)
  if (r.link?.ambiguity) return { kind: 'order-unknown', key: r.target.key, ambiguity: r.link.ambiguity }
  const out: Contribution[] = []
  for (let i = 0; i < weights.length; i++) {
    const t = weights[i]!
    const located = byKey.get(t.key)
    if (!located) return { kind: 'not-a-base-weight', key: t.key }
    const naming = namingProblem(to, located.space)
    if (naming) return naming
  }
  if (weights.length === 1 && !weights[0]!.rows) {
    const t = weights[0]!
    let f = factor
    if (r.link?.kind === 'reorder' && r.link.order) {
      if (factor.inShape.length !== 1 || factor.upTrail.length > 0)
        return { kind: 'reorder-conv', key: t.key }
      f = reorderRows(factor, r.link.order)
    }
    const c: Contribution = {
      stem: m.stem,
      baseKey: t.key,
      factor: f,
      row: t.slice?.offset ?? 0,
      fromSplit: false
    }
    if (f !== factor) c.reordered = true
    out.push(c)
    return out
  }
  if (factor.inShape.length !== 1) return { kind: 'split-conv' }
  for (const t of weights) {
    const rows = t.rows ?? { start: 0, end: factor.out }
    out.push({
      stem: m.stem,
      baseKey: t.key,
      factor: rowSlice(factor, rows.start, rows.end),
      row: t.slice?.offset ?? 0,
      fromSplit: true,
      rows: { start: rows.start, end: rows.end }
    })
  }
  return out
}

function transformOf(parts: Contribution[], entry: BaseEntry): TransformKind {
  const split = parts.some((p) => p.fromSplit)
  const whole = parts.length === 1 && parts[0]!.row === 0 && parts[0]!.factor.out === entry.shape[0]
  if (whole) return split ? 'split' : parts[0]!.reordered ? 'reorder' : 'rename'
  return split ? 'split+stack' : 'stack'
}

/** Why the parts landing on one base weight cannot be written as one module, or null. */
function groupProblem(parts: Contribution[], entry: BaseEntry): Refusal | null {
  if (parts.length === 1 && parts[0]!.row === 0 && parts[0]!.factor.out === entry.shape[0]) return null
  const f0 = parts[0]!.factor
  for (const p of parts) {
    if (p.factor.inShape.length !== 1 || p.factor.upTrail.length > 0)
      return { kind: 'stack-conv', key: entry.key }
    if (p.factor.scale !== f0.scale)
      return { kind: 'scales-differ', key: entry.key, scales: [...new Set(parts.map((q) => q.factor.scale))] }
    if (p.factor.downDtype !== f0.downDtype || p.factor.upDtype !== f0.upDtype)
      return { kind: 'dtypes-differ', key: entry.key }
  }
  const rank = parts.reduce((n, p) => n + p.factor.rank, 0)
  const upBytes = entry.shape[0]! * rank * ((SAFETENSORS_DTYPE_BITS[f0.upDtype] ?? 0) / 8)
  // The block-diagonal up is built in memory: bound it (a hostile base header can claim any row count).
  if (upBytes > MAX_BLOCK_MATRIX_BYTES)
    return { kind: 'too-large', key: entry.key, bytes: upBytes, limit: MAX_BLOCK_MATRIX_BYTES }
  for (const p of parts) {
    if (p.row + p.factor.out > entry.shape[0]!)
      return {
        kind: 'rows-outside',
        key: entry.key,
        shape: [...entry.shape],
        start: p.row,
        end: p.row + p.factor.out
      }
  }
  return null
}

/**
 * True when two parts (sorted by row) patch some of the same rows: each keeps its own rank columns, so their
 * deltas add.
 */
function overlapping(sorted: readonly Contribution[]): boolean {
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!
    if (sorted[i]!.row < prev.row + prev.factor.out) return true
  }
  return false
}

function emptyCounts(): Record<TransformKind, number> {
  return { rename: 0, stack: 0, split: 0, 'split+stack': 0, reorder: 0 }
}

/** Plan the conversion of an analysed, resolved LoRA onto `index` (the base it was resolved against). */
export function planConversion(
  analysis: LoraAnalysis,
  resolution: LoraResolution,
  index: BaseIndex,
  opts: PlanOptions
): ConversionPlan {
  const byKey = locate(index)
  // Index loops over modules, groups and parts (thousands, interpreted: a for-of step allocates).
  const results = new Map<string, ModuleResolution>()
  for (let i = 0; i < resolution.results.length; i++) {
    const r = resolution.results[i]!
    results.set(r.stem, r)
  }
  const refusals = new Map<string, Refusal>()
  const groups = new Map<string, Contribution[]>()
  for (let i = 0; i < analysis.modules.length; i++) {
    const m = analysis.modules[i]!
    const c = contributionsOf(m, results.get(m.stem), byKey, opts.to)
    if (!Array.isArray(c)) {
      refusals.set(m.stem, c)
      continue
    }
    for (let j = 0; j < c.length; j++) {
      const part = c[j]!
      const list = groups.get(part.baseKey)
      if (list) list.push(part)
      else groups.set(part.baseKey, [part])
    }
  }
  // A refused group refuses every module in it, and a refused module leaves every group it had a part in (a split
  // kept in part would be inexact): repeat until nothing changes.
  // Map.forEach over the groups (a for-of step over a Map allocates an entry and an iterator result, per group).
  let changed = true
  while (changed) {
    changed = false
    groups.forEach((parts, key) => {
      const live = refusals.size === 0 ? parts : parts.filter((p) => !refusals.has(p.stem))
      if (live.length === 0) {
        groups.delete(key)
        return
      }
      if (live.length !== parts.length) {
        groups.set(key, live)
        changed = true
      }
      const problem = groupProblem(live, byKey.get(key)!.entry)
      if (problem) {
        for (const p of live) if (!refusals.has(p.stem)) refusals.set(p.stem, problem)
        groups.delete(key)
        changed = true
      }
    })
  }

  const modules: PlannedModule[] = []
  let summed = 0
  const counts = emptyCounts()
  let dataBytes = 0
  const textEncoders = index.textEncoders.size
  groups.forEach((parts, key) => {
    const { entry, space } = byKey.get(key)!
    const transform = transformOf(parts, entry)
    const sorted = parts.length === 1 ? parts : [...parts].sort((a, b) => a.row - b.row)
    if (overlapping(sorted)) summed++
    // A Contribution is a { factor, row } part itself.
    const factor =
      transform === 'rename' || transform === 'split' || transform === 'reorder'
        ? sorted[0]!.factor
        : stackFactors(sorted, entry.shape[0]!)
    const names = targetNames(opts.to, space, entry.path, { family: index.family, textEncoders })
    const alpha = names.alphaRequired || factor.scale !== 1 ? factor.scale * factor.rank : null
    const tensors: OutputTensor[] = [
      {
        key: names.down,
        dtype: factor.downDtype,
        shape: [factor.rank, ...factor.inShape],
        recipe: downRecipe(factor)
      },
      {
        key: names.up,
        dtype: factor.upDtype,
        shape: [factor.out, factor.rank, ...factor.upTrail],
        recipe: upRecipe(factor)
      }
    ]
    if (alpha !== null)
      tensors.push({ key: names.alpha, dtype: 'F32', shape: [], recipe: { kind: 'scalar', value: alpha } })
    for (const t of tensors) dataBytes += bytesOf(t)
    const sources: ModuleSource[] = sorted.map((p) => {
      const s: ModuleSource = { stem: p.stem }
      if (p.rows) s.rows = p.rows
      if (transform === 'stack' || transform === 'split+stack')
        s.at = { start: p.row, end: p.row + p.factor.out }
      return s
    })
    counts[transform]++
    modules.push({
      stem: names.stem,
      baseKey: key,
      transform,
      sources,
      rank: factor.rank,
      scale: factor.scale,
      alpha,
      tensors
    })
  })

  const refused: RefusedModule[] = analysis.modules
    .filter((m) => refusals.has(m.stem))
    .map((m) => ({ stem: m.stem, why: refusals.get(m.stem)! }))
  const drop = opts.dropUnmatched === true
  // The resolution's file-level cause where it has one (block counts, widths), else the refusal itself.
  const causeCounts = new Map<string, { why: ConvertCause; modules: number }>()
  for (const r of refused) {
    const why = convertCauseOf(r.why)
    const key = why.kind === 'resolution' ? causeKey(why.cause) : JSON.stringify(why.refusal)
    const c = causeCounts.get(key)
    if (c) c.modules++
    else causeCounts.set(key, { why, modules: 1 })
  }
  const causes = [...causeCounts.entries()]
    .sort((a, b) => b[1].modules - a[1].modules || byCodeUnit(a[0], b[0]))
    .map(([, c]) => ({ why: c.why, modules: c.modules }))
  const notes: string[] = []
  if ((opts.to === 'peft' || opts.to === 'diffusers') && modules.some((m) => m.alpha !== null)) {
    notes.push(
      `${opts.to} files carry no alpha by convention (scale 1): modules whose scale is not 1 keep it in a .alpha tensor, which ComfyUI and kohya-style loaders read and PEFT ignores`
    )
  }
  if (summed > 0)
    notes.push(
      `${summed} output module(s) merge LoRA modules that patch the same rows (e.g. one module in two conventions): their deltas add, as loaders that apply both do`
    )
  if (modules.some((m) => m.transform !== 'rename'))
    notes.push(
      'layout changes change ranks: each module is written with alpha = its scale x its written rank, so alpha / rank is unchanged'
    )
  return {
    lora: analysis.path,
    base: index.path,
    to: opts.to,
    ok:
      refused.length === 0 && analysis.unknownKeys.length === 0
        ? modules.length > 0
        : drop && modules.length > 0,
    dropUnmatched: drop,
    modules,
    refused: drop ? [] : refused,
    dropped: drop ? refused : [],
    causes,
    unknownKeys: [...analysis.unknownKeys],
    counts,
    dataBytes,
    notes
  }
}
