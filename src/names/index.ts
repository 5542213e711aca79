/** The shared naming vocabulary: wrapper prefixes, tokenization, layer roles, block series. */
export {
  COMPONENT_PREFIXES,
  KNOWN_PREFIXES,
  componentPrefix,
  type ComponentPrefix,
  normalizeKey,
  stripKnownPrefixes,
  stripModelPrefixes,
  type NormalizedKey
} from './prefixes.js'
export { LEAF_NAMES, splitLeaf, keyWords, subwords, tokenKey, type LeafSplit, type Word } from './tokens.js'
export {
  layerRole,
  normPositions,
  isStreamWord,
  FUSED_ROLE_PARTS,
  type LayerRole,
  type NormPlace,
  type Role,
  type Stream,
  type Sublayer
} from './roles.js'
export { sectionRank } from './series.js'
export { chunkCount, chunkOrder, modulationChunks, type Chunk, type ChunkOrder } from './modulation.js'
