/**
 * Full-model family rules for text encoders kept as files of their own (ComfyUI's `clip_l`, `clip_g`, `t5xxl`,
 * `umt5_xxl`): the T5 family and CLIP's text tower (docs/reference/key-formats.md §4.8, §4.12). Each needs the
 * token table beside the blocks, which a LoRA's targets never have, so a LoRA is never read as one of these.
 */
import { expectSize, result, type FamilyProbe, type LayerIndex } from './family-probe.js'
import type { FamilyConfidence, FamilyRuleResult } from './families.js'

/** A relative-position table: transformers' `relative_attention_bias`, Wan's `pos_embedding`, GGUF's `attn_rel_b`. */
const RELATIVE_TABLE = /(?:_relative_attention_bias|_pos_embedding_embedding|_attn_rel_b)$/i

/**
 * A T5-family encoder in transformers' names (`encoder.block.N.layer.0.SelfAttention`), Wan's (`blocks.N.attn`,
 * `ffn.gate.0`) or llama.cpp's GGUF ones (`enc.blk.N.attn_q`). T5 v1.1 and UMT5 share the design and, at XXL, the
 * sizes (4096 wide, 24 blocks): UMT5 reads 256,384 tokens where T5 v1.1 reads 32,128, and keeps a relative-position
 * table in every block where T5 has one in block 0.
 */
export function t5Encoder(p: FamilyProbe): FamilyRuleResult | null {
  const naming = p.blockHas('encoder.block', 'layer.0.SelfAttention.q.weight')
    ? { series: 'encoder.block', q: 'layer.0.SelfAttention.q.weight', label: 'transformers' }
    : p.blockHas('blocks', 'ffn.gate.0.weight')
      ? { series: 'blocks', q: 'attn.q.weight', label: "Wan's T5 (wan/modules/t5.py)" }
      : p.blockHas('enc.blk', 'attn_q.weight')
        ? { series: 'enc.blk', q: 'attn_q.weight', label: 'GGUF (llama.cpp t5encoder)' }
        : undefined
  if (!naming) return null
  const q = p.block(naming.series, naming.q)
  const table =
    p.key('shared.weight') ??
    p.key('encoder.embed_tokens.weight') ??
    p.key('token_embedding.weight') ??
    p.key('token_embd.weight')
  if (!q || !table || table.length !== 2) return null
  const tokens = Math.max(table[0]!, table[1]!)
  const blocks = p.blocks(naming.series)
  const tables = p.index.shapesMatching(RELATIVE_TABLE).length
  p.evidence.push(`${tables} relative-position table(s) over ${blocks} blocks`)
  const umt5 = tokens === 256384 || (blocks > 1 && tables === blocks)
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'vocabulary', tokens, umt5 ? 256384 : 32128, state)
  const xxl = q[1] === 4096 && blocks === 24
  const model = umt5 ? 'UMT5' : 'T5 v1.1'
  const name = xxl
    ? `${umt5 ? 'UMT5-XXL' : 'T5 v1.1 XXL'} encoder`
    : `${model} encoder (width ${q[1]}, ${blocks} blocks)`
  if (!xxl) state.confidence = 'medium'
  return result(p, umt5 ? 'umt5' : 't5', name, xxl ? 'xxl' : null, naming.label, state.confidence, 64)
}

/** CLIP text towers by width and depth: OpenAI's ViT-L/14 (SD 1.x, Flux, SD3), OpenCLIP ViT-H/14 (SD 2.x), bigG (SDXL). */
const CLIP_TEXT_SIZES: readonly {
  width: number
  layers: readonly number[]
  name: string
  variant: string
}[] = [
  { width: 768, layers: [12], name: 'CLIP ViT-L/14 text encoder', variant: 'clip-l' },
  // SD 2.x's single-file checkpoints keep all 24 resblocks; its diffusers text encoder drops the last (23)
  { width: 1024, layers: [24, 23], name: 'OpenCLIP ViT-H/14 text encoder', variant: 'clip-h' },
  { width: 1280, layers: [32], name: 'OpenCLIP ViT-bigG/14 text encoder', variant: 'clip-g' }
]

/** open_clip's text tower: a resblock's fused input projection, and the token table (underscored paths). */
const OPEN_CLIP_IN_PROJ = /(?:^|_)transformer_resblocks_\d+_attn_in_proj_weight$/
const OPEN_CLIP_TOKENS = /(?:^|_)token_embedding$/

/** The clipText rule's gate: a CLIP token table under any wrapper (transformers' path ends the same way). */
export function hasClipTokenTable(index: LayerIndex): boolean {
  return index.some(OPEN_CLIP_TOKENS)
}

/**
 * CLIP's text tower in transformers' names (`text_model.encoder.layers.N.self_attn.q_proj`) or open_clip's
 * (`transformer.resblocks.N.attn.in_proj_weight`, with `token_embedding` and `positional_embedding` at the top),
 * named by its width and depth.
 */
export function clipText(p: FamilyProbe): FamilyRuleResult | null {
  const hf = p.blockHas('text_model.encoder.layers', 'self_attn.q_proj.weight')
  let width: number | undefined
  let layers: number
  if (hf) {
    width = p.block('text_model.encoder.layers', 'self_attn.q_proj.weight')?.[1]
    if (!p.key('text_model.embeddings.token_embedding.weight')) return null
    layers = p.blocks('text_model.encoder.layers')
  } else {
    // open_clip's tower sits under whatever wrapper held it (`conditioner.embedders.1.model.`, `cond_stage_model.model.`)
    const inProj = p.index.shapesMatching(OPEN_CLIP_IN_PROJ)
    const table = p.index.shapesMatching(OPEN_CLIP_TOKENS)[0]
    if (inProj.length === 0 || !table) return null
    p.note(table.path, table.shape)
    p.note(inProj[0]!.path, inProj[0]!.shape)
    width = inProj[0]!.shape[1]
    layers = inProj.length
    p.evidence.push(`${layers} resblocks`)
  }
  if (width === undefined) return null
  const known = CLIP_TEXT_SIZES.find((s) => s.width === width && s.layers.includes(layers))
  if (!known)
    p.evidence.push(`width ${width} and ${layers} layers: no CLIP text tower the diffusion models use`)
  return result(
    p,
    'clip-text',
    known?.name ?? `CLIP text encoder (width ${width}, ${layers} layers)`,
    known?.variant ?? null,
    hf ? 'transformers (CLIPTextModel)' : 'open_clip',
    known ? 'high' : 'medium',
    64
  )
}
