/**
 * The mapping file: a versioned JSON document (schemas/mapping.schema.json) that the action uploads and a
 * conversion step reads. Everything a converter needs is here; the console output is only a view of it.
 */
import type {
  Comparison,
  Confidence,
  Flag,
  KeyMapping,
  ModelRef,
  OverlapFigures,
  QuantizationFacts,
  Verdict
} from './types.js'

/**
 * 3: mappings may be of kind `transpose` (a consumer of version 2 would not know to transpose them). 4: kinds
 * `broadcast` and `collapse` (one tensor to its per-block copies and back).
 */
export const MAPPING_SCHEMA_VERSION = 4

export interface MappingFile {
  schemaVersion: typeof MAPPING_SCHEMA_VERSION
  tool: { name: string; version: string }
  models: { a: ModelRef; b: ModelRef }
  summary: {
    keysA: number
    keysB: number
    commonKeys: number
    onlyA: number
    onlyB: number
    overlap: OverlapFigures
    shapesMatching: number
    shapesDiffering: number
    mappings: Record<Confidence, number>
    unmatchedA: number
    unmatchedB: number
  }
  flags: Flag[]
  verdict: Verdict
  mappings: KeyMapping[]
  unmatched: { a: string[]; b: string[] }
  /** Quantization companions set aside on a side (optional, within version 4). */
  quantization?: { a?: QuantizationFacts; b?: QuantizationFacts }
}

export function toMappingFile(c: Comparison, tool: { name: string; version: string }): MappingFile {
  return {
    schemaVersion: MAPPING_SCHEMA_VERSION,
    tool: { name: tool.name, version: tool.version },
    models: { a: { ...c.models.a }, b: { ...c.models.b } },
    summary: {
      keysA: c.keys.totalA,
      keysB: c.keys.totalB,
      commonKeys: c.keys.common,
      onlyA: c.keys.onlyA,
      onlyB: c.keys.onlyB,
      overlap: { ...c.overlap },
      shapesMatching: c.shapes.matching,
      shapesDiffering: c.shapes.differing.length,
      mappings: { ...c.mappingCounts },
      unmatchedA: c.unmatched.a.length,
      unmatchedB: c.unmatched.b.length
    },
    flags: c.flags,
    verdict: c.verdict,
    mappings: c.mappings,
    unmatched: { a: [...c.unmatched.a], b: [...c.unmatched.b] },
    ...(c.quantization && { quantization: c.quantization })
  }
}
