/** Structure analysis of one model: the public surface for the CLI, compare, LoRA and gate code. */
export { analyzeStructure, structureEssentials, type StructureEssentials } from './structure.js'
export { attentionModulesOf, findAttentionModules, type ModuleEntry } from './attention.js'
export { locateInBlocks, type BlockLocation } from './locate.js'
export { findFfnModules } from './ffn.js'
export { identifyFamilies } from '../names/families.js'
export {
  BLOCK_CONTAINER_NAMES,
  KNOWN_PREFIXES,
  isAdapterKey,
  isIndexSegment,
  keyRoles,
  nameTokens,
  splitBlockKey,
  splitLeaf,
  stripKnownPrefix,
  type BlockKey
} from './keys.js'
export * from './types.js'
