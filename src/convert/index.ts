/** LoRA conversion: plan (pure) and streaming writer. */
export { planConversion, type PlanOptions } from './plan.js'
export {
  writeConversion,
  conversionRecord,
  CONVERSION_METADATA_KEY,
  type WriteOptions,
  type WriteResult,
  type ConversionRecord
} from './write.js'
export { convertCauseOf, type Refusal, type ConvertCause } from './reasons.js'
export { CONVERT_TARGETS } from './types.js'
export type * from './types.js'
