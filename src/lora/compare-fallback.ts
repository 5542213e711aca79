/**
 * Last resort for dotted module names no link covers: ask the model-vs-model mapper (src/compare) to map the
 * weights the LoRA implies (`<path>.weight` with shape [out, in]) onto the base, and keep its high- and
 * medium-confidence renames and fuses, as links. One compare call for all such modules of a file.
 */
import { compareCheckpoints, type KeyMapping } from '../compare/index.js'
import type { Checkpoint, TensorInfo } from '../formats/types.js'
import type { BaseSpace } from './base-index.js'
import type { Link } from './correspondence.js'
import { impliedTensors } from './implied.js'
import type { LoraModule } from './types.js'

function accept(mapping: KeyMapping): boolean {
  return (
    (mapping.confidence === 'high' || mapping.confidence === 'medium') &&
    mapping.target.length === 1 &&
    (mapping.kind === 'rename' || mapping.kind === 'fuse' || mapping.kind === 'reshape')
  )
}

/** Links found by the compare mapper, named like the resolver's (implied names, base names without prefix). */
export function compareFallback(modules: LoraModule[], space: BaseSpace, base: Checkpoint): Link[] {
  const implied: TensorInfo[] = []
  const seen = new Set<string>()
  for (const m of modules) {
    const w = impliedTensors(m).weight
    if (!w || w.shape.length < 2 || m.pathForm !== 'dotted' || seen.has(w.name)) continue
    seen.add(w.name)
    implied.push({ name: w.name, shape: [...w.shape], dtype: 'F16' })
  }
  if (implied.length === 0) return []
  const entries = new Map(space.entries.map((e) => [e.key, e]))
  const lora: Checkpoint = {
    path: 'lora-implied',
    format: 'manifest',
    bytes: 0,
    tensors: implied,
    metadata: {},
    globals: [],
    warnings: []
  }
  const denoiserOnly: Checkpoint = { ...base, tensors: base.tensors.filter((t) => entries.has(t.name)) }
  let mappings: KeyMapping[]
  try {
    mappings = compareCheckpoints(lora, denoiserOnly).mappings
  } catch {
    // The fallback is an extra chance, never a reason to fail: the modules stay unresolved with their reason.
    return []
  }
  const links: Link[] = []
  for (const mapping of mappings) {
    if (!accept(mapping)) continue
    const entry = entries.get(mapping.target[0]!)
    if (!entry) continue
    const b = entry.isParam ? entry.path : `${entry.path}.weight`
    const detail = `compare mapping (${mapping.kind}, ${mapping.confidence}: ${mapping.reason})`
    const link: Link = {
      kind: mapping.kind === 'fuse' ? 'fuse' : 'rename',
      a: [...mapping.source],
      b: [b],
      confidence: mapping.confidence === 'high' ? 'high' : 'medium',
      evidence: [{ kind: 'structure', detail }]
    }
    if (mapping.kind === 'fuse') {
      let offset = 0
      link.rows = mapping.source.map((_, i) => {
        const rows = mapping.shapes.source[i]?.[0] ?? 0
        const r = { start: offset, end: offset + rows }
        offset += rows
        return r
      })
    }
    links.push(link)
  }
  return links
}
