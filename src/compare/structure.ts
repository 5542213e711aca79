/**
 * The structural facts the comparison's flags need, taken from the structure analysis (src/analysis: attention
 * layouts, hidden dim, identified family) plus the block families as the mapper aligned them and a text model's token
 * vocabulary.
 */
import type { StructureEssentials } from '../analysis/index.js'
import type { StructureFacts } from './types.js'
import type { ParsedModel } from './model.js'
import { tokenVocabulary } from './vocabulary.js'

/** Attention layouts as `<kind> <layout>` (`self fused-qkv`, `cross q-fused-kv`), sorted and unique. */
function attentionLayouts(analysis: StructureEssentials): string[] {
  const set = new Set<string>()
  for (const m of analysis.attention) set.add(`${m.kind} ${m.layout}`)
  return [...set].sort()
}

export function structureFacts(model: ParsedModel, analysis: StructureEssentials): StructureFacts {
  const hidden = analysis.dimensions.hiddenDim
  const vocabulary = tokenVocabulary(model.tensors)
  return {
    ...(vocabulary ? { vocabulary } : {}),
    families: model.families.map((f) => ({ prefix: f.prefix, count: f.scopes.length })),
    attentionLayouts: attentionLayouts(analysis),
    ...(hidden.value !== null ? { hiddenDim: hidden.value, hiddenDimEvidence: hidden.evidence } : {}),
    ...(analysis.family
      ? {
          family: {
            id: analysis.family.id,
            name: analysis.family.name,
            confidence: analysis.family.confidence,
            evidence: analysis.family.evidence
          }
        }
      : {})
  }
}
