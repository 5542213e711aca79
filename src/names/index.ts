/** The shared naming vocabulary: wrapper prefixes, tokenization, layer roles, block series, family detection. */
export {
  COMPONENT_PREFIXES,
  ADAPTER_PREFIXES,
  type AdapterPrefix,
  KNOWN_PREFIXES,
  componentPrefix,
  type ComponentPrefix,
  normalizeKey,
  stripKnownPrefixes,
  stripModelPrefixes,
  type NormalizedKey
} from './prefixes.js'
export {
  LEAF_NAMES,
  WEIGHT_LEAVES,
  BIAS_LEAVES,
  splitLeaf,
  flat,
  keyWords,
  subwords,
  tokenKey,
  type LeafSplit,
  type Word
} from './tokens.js'
export {
  ATTENTION_ROLES,
  FFN_ROLES,
  NORM_ROLES,
  attentionPart,
  isEmbeddingName,
  isFfnWord,
  layerRole,
  isStreamWord,
  EXTRA_KV_STREAM,
  IMAGE_WORDS,
  SELF_ATTENTION_NAMES,
  CROSS_ATTENTION_NAMES,
  STREAM_ATTENTION_NAMES,
  STREAM_BLOCK_NAMES,
  FUSED_ROLE_PARTS,
  type AttentionPart,
  type AttentionPartOf,
  type LayerRole,
  type NormPlace,
  type Role,
  type Stream,
  type Sublayer
} from './roles.js'
export {
  BLOCK_CONTAINER_NAMES,
  BLOCK_SERIES,
  SERIES_LAST_WORDS,
  blockOf,
  isBlockContainerName,
  sectionRank
} from './series.js'
export {
  detectFamily,
  familyArchitecture,
  identifyFamilies,
  isUnetFamily,
  signatureOfPath,
  type FamilyConfidence,
  type FamilyLayer,
  type FamilyMatch,
  type FamilyRuleResult
} from './families.js'
export {
  OUTPUT_PROJECTIONS,
  isContextEmbedding,
  isImageBranchPath,
  isInputLayer,
  isPatchEmbedding
} from './model-parts.js'
export {
  isAdapterKey,
  parseSuffix,
  SUFFIX,
  LORA_PAIR,
  PREFIX,
  kohyaForm,
  processorPath,
  fromProcessorPath,
  type ParsedSuffix,
  type TensorRole
} from './adapters.js'
export { chunkCount, chunkOrder, modulationChunks, type Chunk, type ChunkOrder } from './modulation.js'
export { normPositions } from './norm-places.js'
