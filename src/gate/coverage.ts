/**
 * The compact picture of which blocks and layer kinds a LoRA touches and whether those modules load: one row per
 * layer kind, one character per block. It answers "does this LoRA cover the model the way I think it does" at a
 * glance (e.g. only blocks 0-19 of 40, or every cross-attention failing).
 */
import type { CoverageRow, LoraModuleView } from './types.js'
import { byCodeUnit } from '../util/order.js'

/** Wider block families are cut (the rest is counted in `outsideBlocks`): the picture must stay one line a row. */
export const MAX_COVERAGE_COLUMNS = 64

const KIND_ORDER = ['self-attn', 'cross-attn', 'attn', 'ffn', 'modulation', 'norm', 'embedding', 'other']

export const CELL_LOADS = '#'
export const CELL_FAILS = 'x'
export const CELL_UNTOUCHED = '.'

export function buildCoverage(
  modules: readonly LoraModuleView[],
  baselineBlocks: number | undefined
): { blocks: number; rows: CoverageRow[]; outsideBlocks: number } | undefined {
  const inBlocks = modules.filter(
    (m) => m.block !== undefined && Number.isSafeInteger(m.block) && m.block >= 0
  )
  if (inBlocks.length === 0) return undefined
  const maxBlock = inBlocks.reduce((acc, m) => Math.max(acc, m.block as number), 0)
  const wanted = Math.max(
    maxBlock + 1,
    baselineBlocks !== undefined && baselineBlocks > 0 ? baselineBlocks : 0
  )
  const blocks = Math.min(wanted, MAX_COVERAGE_COLUMNS)

  const byKind = new Map<
    string,
    { loads: Set<number>; fails: Set<number>; modules: number; failing: number }
  >()
  let outsideBlocks = 0
  for (const m of inBlocks) {
    if (m.status === 'not-checked') continue
    const kind = m.layerKind && m.layerKind.trim() !== '' ? m.layerKind : 'other'
    let row = byKind.get(kind)
    if (!row) byKind.set(kind, (row = { loads: new Set(), fails: new Set(), modules: 0, failing: 0 }))
    row.modules++
    const failing = m.status !== 'loadable'
    if (failing) row.failing++
    const b = m.block as number
    if (b >= blocks) {
      outsideBlocks++
      continue
    }
    ;(failing ? row.fails : row.loads).add(b)
  }
  const kinds = [...byKind.keys()].sort((a, b) => kindRank(a) - kindRank(b) || byCodeUnit(a, b))
  const rows = kinds.map((kind): CoverageRow => {
    const r = byKind.get(kind)!
    let cells = ''
    for (let b = 0; b < blocks; b++)
      cells += r.fails.has(b) ? CELL_FAILS : r.loads.has(b) ? CELL_LOADS : CELL_UNTOUCHED
    return { layerKind: kind, cells, modules: r.modules, failing: r.failing }
  })
  return { blocks, rows, outsideBlocks }
}

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind)
  return i < 0 ? KIND_ORDER.length : i
}
