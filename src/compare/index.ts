/** Public API of model-vs-model comparison. */
export { compareCheckpoints } from './compare.js'
export { toMappingFile, MAPPING_SCHEMA_VERSION, type MappingFile } from './mapping-file.js'
export { normalizeKey, KNOWN_PREFIXES } from '../names/index.js'
export { verdictOf, tierOf, COMPATIBLE_ABOVE, PARTIAL_FROM } from './verdict.js'
export type * from './types.js'
