/** The LoRA core: analysis of one file, resolution against a base, LoRA vs LoRA. Pure: no I/O. */
export { analyzeLora, loraStatistics, trainingMetadata, type AnalyzeOptions } from './analyze.js'
export { resolveLora, resolveLoraLazily, type ResolveOptions } from './resolve.js'
export { buildBaseIndex, type BaseIndex, type BaseEntry, type BaseSpace } from './base-index.js'
export { compareLoras, canonicalTarget } from './compare.js'
export { parseSuffix, parseStem } from './keys.js'
export { layerKind, blockOf, guessFamily, sizeLabel, familyLabel, familyDisplayName } from './layers.js'
export { checkModuleShapes, type ShapeVerdict } from './shapes.js'
export {
  buildLoraReport,
  summarizeAnalysis,
  summarizeModule,
  type LoraReportDocument,
  type AnalysisSummary,
  type ModuleSummary
} from './report.js'
export type * from './types.js'
