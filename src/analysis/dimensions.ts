/**
 * Model-wide dimensions read from shapes: hidden dim, FFN width and kind, head dim and count (only where a per-head
 * q/k norm shows them), input/output channels and patch size, layers and context width; and, for GGUF files, what
 * the metadata states where the shapes cannot tell. Each value carries its evidence; a value nothing tells is
 * `null` with the reason, never a silent guess.
 */
import type { FoundFamily, NamedTensor } from './blocks.js'
import { splitLeaf } from './keys.js'
import type { AttentionModule, DimensionValue, Dimensions, FfnModule } from './types.js'
import {
  OUTPUT_PROJECTIONS,
  isContextEmbedding,
  isInputLayer,
  isPatchEmbedding
} from '../names/model-parts.js'

function known(
  value: number,
  evidence: string,
  source: 'shape' | 'family' | 'metadata' = 'shape'
): DimensionValue {
  return { value, evidence, source }
}
function unknown(evidence: string): DimensionValue {
  return { value: null, evidence, source: 'unknown' }
}
function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}

export interface DimensionInputs {
  tensors: readonly NamedTensor[]
  /** Outermost family index per tensor (-1 = top level). */
  outermost: Int32Array
  families: readonly FoundFamily[]
  attention: readonly AttentionModule[]
  ffn: readonly FfnModule[]
}

/** The family the dimensions come from: the one with the most keys among families with attention, else overall. */
export function mainFamily(
  families: readonly FoundFamily[],
  attention: readonly AttentionModule[]
): FoundFamily | null {
  const withAttention = new Set(attention.map((a) => a.family))
  let best: FoundFamily | null = null
  for (const f of families) {
    if (!withAttention.has(f.family.pattern)) continue
    if (!best || f.family.keys > best.family.keys) best = f
  }
  if (best) return best
  for (const f of families)
    if (f.family.parent === null && (!best || f.family.keys > best.family.keys)) best = f
  return best
}

function where(m: { family: string | null }, key: string): string {
  return m.family ? `${m.family}.*.${key}` : key
}

export function computeDimensions(input: DimensionInputs): Dimensions {
  const { tensors, outermost, families, attention, ffn } = input
  const main = mainFamily(families, attention)
  const mainPattern = main?.family.pattern ?? null
  const ranked = [...attention].sort(
    (a, b) => Number(b.family === mainPattern) - Number(a.family === mainPattern)
  )

  // Patch embedding / input channels.
  let patchSize: number[] | null = null
  let inChannels = unknown('no patch embedding or input convolution found')
  let patchTensor: NamedTensor | undefined
  let firstConv: NamedTensor | undefined
  // One pass (one split per name) finds the patch embedding, the first conv and the top-level weights by module.
  const byModule = new Map<string, NamedTensor>()
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]
    if (t.shape.length < 2) continue
    const { module, leaf } = splitLeaf(t.name)
    if (leaf !== 'weight') continue
    if (!firstConv && t.shape.length >= 4) firstConv = t
    if (outermost[i] >= 0) continue
    if (!patchTensor && (isPatchEmbedding(module) || isInputLayer(module))) patchTensor = t
    byModule.set(module, t)
  }
  if (patchTensor) {
    const { module } = splitLeaf(patchTensor.name)
    if (patchTensor.shape.length >= 3) {
      inChannels = known(
        patchTensor.shape[1],
        `${patchTensor.name} ${fmt(patchTensor.shape)}: conv in-channels`
      )
      if (isPatchEmbedding(module)) patchSize = patchTensor.shape.slice(2)
    } else {
      inChannels = known(
        patchTensor.shape[1],
        `${patchTensor.name} ${fmt(patchTensor.shape)}: Linear in-features (latent channels x patch area when latents are packed)`
      )
    }
  } else if (firstConv) {
    inChannels = known(
      firstConv.shape[1],
      `${firstConv.name} ${fmt(firstConv.shape)}: first convolution's in-channels`
    )
  }

  // Output projection.
  let outFeatures = unknown(
    'no output projection found (head.head, final_layer.linear, proj_out, conv_out, out.2)'
  )
  let outChannels = unknown('output projection not found')
  const outModule = OUTPUT_PROJECTIONS.find((m) => byModule.has(m))
  if (outModule) {
    const t = byModule.get(outModule) as NamedTensor
    const n = t.shape[0]
    outFeatures = known(n, `${t.name} ${fmt(t.shape)}`)
    const patchArea = patchSize ? patchSize.reduce((a, b) => a * b, 1) : null
    if (t.shape.length >= 4) outChannels = known(n, `${t.name} ${fmt(t.shape)}: conv out-channels`)
    else if (patchArea && n % patchArea === 0) {
      outChannels = known(
        n / patchArea,
        `${t.name} out ${n} / patch ${fmt(patchSize as number[])} = ${n / patchArea}`
      )
    } else {
      outChannels = unknown(
        `${t.name} has ${n} out-features; the patch size is not known, so channels are not split out`
      )
    }
  }

  // Hidden dim.
  let hiddenDim = unknown('no attention projection, patch embedding or block template shows it')
  const withHidden = ranked.find((a) => a.hiddenDim !== null)
  if (withHidden) {
    const q =
      withHidden.projections.find((p) => ['qkv', 'fused_qkv_mlp', 'q', 'added_q'].includes(p.role)) ??
      withHidden.projections[0]
    hiddenDim = known(
      withHidden.hiddenDim as number,
      `${where(withHidden, q.key)} ${fmt(q.shape)} in-features`
    )
  } else if (patchTensor) {
    hiddenDim = known(patchTensor.shape[0], `${patchTensor.name} ${fmt(patchTensor.shape)} out-features`)
  }

  // Heads: only from a per-head q/k norm.
  let headDim: DimensionValue
  let heads: DimensionValue
  const perHead = ranked.find((a) => a.qkNorm.perHead === true)
  if (perHead) {
    const key = perHead.qkNorm.keys[0]
    headDim = known(
      perHead.headDim as number,
      `${where(perHead, key)} [${perHead.headDim}]: per-head q/k norm`
    )
    heads = known(perHead.heads as number, `hidden ${perHead.hiddenDim} / head dim ${perHead.headDim}`)
  } else {
    const full = ranked.find((a) => a.qkNorm.perHead === false)
    const why = full
      ? `q/k norms span the full dim (${full.qkNorm.size}), so the shapes do not tell the head count`
      : attention.length
        ? 'no per-head q/k norm, so the shapes do not tell the head count'
        : 'no attention found'
    headDim = unknown(why)
    heads = unknown(why)
  }

  // FFN.
  const rankedFfn = [...ffn]
    .filter((f) => f.kind !== 'unknown')
    .sort((a, b) => Number(b.family === mainPattern) - Number(a.family === mainPattern))
  const mainFfn = rankedFfn[0]
  const ffnDim = mainFfn?.intermediateDim
    ? known(
        mainFfn.intermediateDim,
        `${mainFfn.family ? `${mainFfn.family}.*.` : ''}${mainFfn.path}: ${mainFfn.evidence}`
      )
    : unknown(
        ffn.length ? 'feed-forward projections do not form a known pattern' : 'no feed-forward module found'
      )

  // Layers.
  const top = families.filter((f) => f.family.parent === null)
  const largest = top.reduce<FoundFamily | null>(
    (b, f) => (!b || f.family.keys > b.family.keys ? f : b),
    null
  )
  const layers = largest
    ? known(largest.family.count, top.map((f) => `${f.family.pattern}: ${f.family.count}`).join(', '))
    : unknown('no repeated blocks')

  // Context width.
  let contextDim = unknown('no cross-attention k/v or text embedding shows it')
  const cross = ranked.find((a) => a.contextDim !== null)
  if (cross) {
    const k = cross.projections.find((p) => p.role === 'k' || p.role === 'kv') ?? cross.projections[0]
    contextDim = known(cross.contextDim as number, `${where(cross, k.key)} ${fmt(k.shape)} in-features`)
  } else {
    // The cheap tests first: most keys are in blocks, and need no split.
    const text = tensors.find((t, i) => {
      if (outermost[i] >= 0 || t.shape.length !== 2) return false
      const { module, leaf } = splitLeaf(t.name)
      // An embedding table (DiT's class labels, `y_embedder.embedding_table` [classes, hidden]) takes no context.
      return leaf === 'weight' && isContextEmbedding(module) && !EMBEDDING_TABLE.test(module)
    })
    if (text)
      contextDim = known(text.shape[1], `${text.name} ${fmt(text.shape)} in-features (text embedding)`)
  }

  return {
    hiddenDim,
    ffnDim,
    ffnKind: mainFfn?.kind ?? 'unknown',
    headDim,
    heads,
    inChannels,
    outFeatures,
    outChannels,
    patchSize,
    layers,
    contextDim
  }
}

/** A lookup table's module (nn.Embedding): its weight is [entries, width], no projection of a context. */
const EMBEDDING_TABLE = /(?:^|\.)(?:embedding_table|embedding)$/

/** Largest dimension taken from metadata: a hostile file may state anything. */
const MAX_METADATA_DIM = 1 << 24

/** A positive whole number from metadata (GGUF integers arrive as numbers; per-layer arrays when all equal). */
function metadataCount(v: unknown): number | null {
  if (Array.isArray(v)) {
    const first = metadataCount(v[0])
    return first !== null && v.length > 0 && v.every((x) => metadataCount(x) === first) ? first : null
  }
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_METADATA_DIM ? v : null
}

/**
 * Dimensions a GGUF file states in its metadata, used where the shapes cannot tell (llama.cpp's keys:
 * `general.architecture` = ARCH, then `ARCH.embedding_length`, `ARCH.attention.head_count`,
 * `ARCH.attention.key_length`, `ARCH.block_count`, `ARCH.feed_forward_length`). A value read from the shapes is
 * kept; where metadata disagrees with it, a note says so. Metadata replaces a family rule's guess (it is the file's
 * own statement). Values are bounded and must agree with each other (hidden = heads x head dim).
 */
export function applyGgufMetadata(
  d: Dimensions,
  metadata: Readonly<Record<string, unknown>>,
  notes: string[]
): void {
  const arch = metadata['general.architecture']
  if (typeof arch !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(arch)) return
  const read = (key: string): { value: number; key: string } | null => {
    const full = `${arch}.${key}`
    const value = Object.hasOwn(metadata, full) ? metadataCount(metadata[full]) : null
    return value === null ? null : { value, key: full }
  }
  const stated = (m: { value: number; key: string }) => `${m.key} = ${m.value} (file metadata)`
  const fill = (
    name: string,
    current: DimensionValue,
    m: { value: number; key: string } | null,
    set: (v: DimensionValue) => void
  ) => {
    if (m === null) return
    if (current.value === null || current.source === 'family') set(known(m.value, stated(m), 'metadata'))
    else if (current.value !== m.value)
      notes.push(`${name}: the shapes show ${current.value}, the metadata states ${m.value} (${m.key})`)
  }

  fill('hidden dim', d.hiddenDim, read('embedding_length'), (v) => (d.hiddenDim = v))
  fill('layers', d.layers, read('block_count'), (v) => (d.layers = v))
  fill('ffn dim', d.ffnDim, read('feed_forward_length'), (v) => (d.ffnDim = v))

  const heads = read('attention.head_count')
  if (heads === null) return
  const hidden = d.hiddenDim.value
  const keyLength = read('attention.key_length')
  const headDim =
    keyLength?.value ?? (hidden !== null && hidden % heads.value === 0 ? hidden / heads.value : null)
  if (headDim === null) return
  const evidence = keyLength
    ? `${stated(heads)}; ${stated(keyLength)}`
    : `${stated(heads)}; hidden ${hidden} / ${heads.value}`
  fill('heads', d.heads, { value: heads.value, key: heads.key }, () => {
    d.heads = known(heads.value, evidence, 'metadata')
    d.headDim = known(headDim, evidence, 'metadata')
  })
}
