/**
 * The tab-separated key lists `--export` writes: for LoRAs every key with its module, role, shape, dtype and base
 * target; for a comparison both key lists, then every mapping and every unmatched key. Meant for grep and diff,
 * so names are written as stored (the file is data, never printed to a terminal by us).
 */
import type { Comparison } from '../compare/types.js'
import type { LoraAnalysis, LoraResolution } from '../lora/types.js'
import { moduleReason } from './lora-reasons.js'

/** Tab-separated: key, module path, role, shape, dtype, and the base target (or why it has none). */
export function renderLoraKeyExport(
  analyses: readonly LoraAnalysis[],
  resolutions: readonly (LoraResolution | undefined)[]
): string {
  let out = ''
  analyses.forEach((a, i) => {
    out += `# ${a.path}\n`
    const byStem = new Map(resolutions[i]?.results.map((r) => [r.stem, r]) ?? [])
    for (const m of a.modules) {
      const r = byStem.get(m.stem)
      const target = r
        ? r.status === 'ok'
          ? r.target!.key
          : `${r.status}: ${r.expected ?? moduleReason(r) ?? ''}`
        : ''
      for (const t of m.tensors) {
        const role = t.index !== undefined ? `${t.role}.${t.index}` : t.role
        out +=
          [t.tensor.name, m.path, role, JSON.stringify(t.tensor.shape), t.tensor.dtype, target].join('\t') +
          '\n'
      }
    }
    for (const k of a.unknownKeys) out += `${k}\t\tunknown\t\t\t\n`
  })
  return out
}

/** Both key lists (key, shape, dtype), then every mapping and unmatched key, one per line. */
export function renderCompareExport(c: Comparison, keyLists: string): string {
  const lines: string[] = [keyLists.trimEnd(), '', `# mappings ${c.models.a.name} -> ${c.models.b.name}`]
  for (const m of c.mappings) {
    const amb = m.ambiguity ? `\tambiguous: ${m.ambiguity}` : ''
    lines.push(
      `${m.source.join(' + ')}\t->\t${m.target.join(' + ')}\t${m.kind}\t${m.confidence}\t${m.reason}${amb}`
    )
  }
  for (const side of ['a', 'b'] as const) {
    lines.push('', `# unmatched in ${side.toUpperCase()} (${c.unmatched[side].length})`)
    for (const k of c.unmatched[side]) lines.push(k)
  }
  return lines.join('\n') + '\n'
}
