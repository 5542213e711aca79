/** Text pieces shared by the console and Markdown renderings of a `StructureAnalysis`. */
import type {
  AttentionModule,
  DimensionValue,
  Dimensions,
  FfnModule,
  StructureAnalysis
} from '../analysis/types.js'
import { formatShape } from './format.js'

/** [0, 1, 2, 5, 7, 8] -> "0-2, 5, 7-8". Lists longer than `maxRuns` runs are cut with a count. */
export function formatIndexRanges(indices: readonly number[], maxRuns = 12): string {
  const runs: string[] = []
  let omitted = 0
  for (let i = 0; i < indices.length;) {
    let j = i
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++
    if (runs.length < maxRuns) runs.push(i === j ? String(indices[i]) : `${indices[i]}-${indices[j]}`)
    else omitted++
    i = j + 1
  }
  return omitted > 0 ? `${runs.join(', ')}, ... (${omitted} more runs)` : runs.join(', ')
}

export function dimText(d: DimensionValue): string {
  if (d.value === null) return 'unknown'
  if (d.source === 'family') return `${d.value} (family rule)`
  return d.source === 'metadata' ? `${d.value} (file metadata)` : String(d.value)
}

export function modulePath(m: { family: string | null; path: string }): string {
  if (!m.family) return m.path || '(root)'
  return m.path ? `${m.family}.*.${m.path}` : `${m.family}.* (block root)`
}

const LAYOUT_TEXT: Record<AttentionModule['layout'], string> = {
  'fused-qkv': 'fused QKV',
  separate: 'separate Q/K/V',
  'q-fused-kv': 'Q + fused KV',
  'fused-qkv-mlp': 'QKV+MLP fused linear',
  partial: 'partial'
}

/**
 * An attention layout in words (`Q + fused KV`), the one wording for every command: flags and gate reasons that
 * name layouts should say them through this, not as their identifiers (`q-fused-kv`).
 */
export function layoutName(layout: AttentionModule['layout']): string {
  return LAYOUT_TEXT[layout]
}

export function layoutText(m: AttentionModule): string {
  const shapes = m.projections
    .filter((p) => p.role === 'qkv' || p.role === 'kv' || p.role === 'fused_qkv_mlp')
    .map((p) => `${p.role} ${formatShape(p.shape)}`)
  return shapes.length ? `${LAYOUT_TEXT[m.layout]} (${shapes.join(', ')})` : LAYOUT_TEXT[m.layout]
}

export function qkNormText(m: AttentionModule): string {
  if (!m.qkNorm.present) return 'none'
  if (m.qkNorm.perHead === true) return `per head [${m.qkNorm.size}]`
  if (m.qkNorm.perHead === false) return `full dim [${m.qkNorm.size}]`
  return m.qkNorm.size === null ? 'present' : `[${m.qkNorm.size}]`
}

export function headsText(m: AttentionModule): string {
  return m.heads !== null && m.headDim !== null ? `${m.heads} x ${m.headDim}` : '?'
}

export function ffnText(f: FfnModule): string {
  const kind =
    f.kind === 'gated'
      ? 'gated (SwiGLU-style)'
      : f.kind === 'gated-fused'
        ? 'gated, fused gate/up (GEGLU-style)'
        : f.kind === 'fused-with-attention'
          ? 'MLP fused with attention'
          : f.kind
  return f.intermediateDim !== null ? `${kind}, ${f.intermediateDim}` : kind
}

export function familyText(a: StructureAnalysis): string {
  if (!a.family) return 'unknown (no family rule matched; the structure below is generic)'
  return `${a.family.name} (${a.family.confidence} confidence; ${a.family.naming} naming)`
}

export function namingText(a: StructureAnalysis): string {
  const n = a.naming
  const sep = n.separator === 'dot' ? 'dots' : n.separator === 'underscore' ? 'underscores' : n.separator
  const parts = [sep, n.case === 'mixed' ? 'snake_case with cased names' : n.case]
  if (n.commonPrefix) parts.push(`prefix ${n.commonPrefix}`)
  else if (n.knownPrefixes.length)
    parts.push(`mixed prefixes: ${n.knownPrefixes.map((p) => `${p.prefix} (${p.keys})`).join(', ')}`)
  if (n.casedSegments.length) parts.push(`e.g. ${n.casedSegments.slice(0, 5).join(', ')}`)
  return parts.join('; ')
}

export function channelsText(a: StructureAnalysis): string {
  const d = a.dimensions
  const parts = [`in ${dimText(d.inChannels)}`]
  parts.push(
    d.outChannels.value !== null ? `out ${dimText(d.outChannels)}` : `out features ${dimText(d.outFeatures)}`
  )
  if (d.patchSize) parts.push(`patch ${formatShape(d.patchSize)}`)
  return parts.join(', ')
}

/** `40 x 128`, with where it comes from when the shapes do not show it; undefined when unknown. */
export function modelHeadsText(d: Dimensions): string | undefined {
  if (d.heads.value === null || d.headDim.value === null) return undefined
  const source =
    d.headDim.source === 'family'
      ? ' (family rule, not in the shapes)'
      : d.headDim.source === 'metadata'
        ? ' (file metadata)'
        : ''
  return `${d.heads.value} x ${d.headDim.value}${source}`
}

/**
 * A module's heads: its own when its shapes show them, else the model's (family rule or metadata) when the module
 * works at the model's hidden dim, so the table never says `?` beside a model-wide `40 x 128`.
 */
export function moduleHeads(m: AttentionModule, d: Dimensions): string {
  const own = headsText(m)
  if (own !== '?' || d.heads.value === null || d.headDim.value === null) return own
  if (m.hiddenDim !== d.hiddenDim.value) return own
  return `${d.heads.value} x ${d.headDim.value} (${d.headDim.source === 'metadata' ? 'metadata' : 'family rule'})`
}
