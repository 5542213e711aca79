/**
 * Full-model family rules for DiTs whose block names say little on their own: the NextDiT family (Lumina-Image 2.0,
 * Z-Image), HunyuanVideo 1.5, CogView4, PixArt and Sana, AuraFlow, Mochi and the class-conditional DiT
 * (docs/reference/key-formats.md §4.10, §4.11).
 * Each needs a structure that only its family has (two refiner series beside the main layers; a text side with its
 * own ByT5 and image inputs; a linear patch embedding in CogVideoX's SAT layout; PixArt's adaLN-single with a
 * cross attention per block; AuraFlow's register tokens; Mochi's asymmetric text stream) and names the sizes of the
 * released models.
 */
import { expectSize, result, type FamilyProbe } from './family-probe.js'
import type { FamilyConfidence, FamilyRuleResult } from './families.js'

/**
 * NextDiT: a noise refiner and a context refiner series of the main layer's design before the `layers` (Lumina-Next,
 * Lumina-Image 2.0, Z-Image). Z-Image adds learned pad tokens (`x_pad_token`, `cap_pad_token`); the sizes tell the
 * released models apart: Lumina-Image 2.0 is 2304 wide with 26 layers, Z-Image 3840 wide with 30.
 */
export function nextDit(p: FamilyProbe): FamilyRuleResult | null {
  if (p.count('noise_refiner') === 0 || p.count('context_refiner') === 0) return null
  const width = p.block('layers', 'ffn_norm1.weight')?.[0]
  if (width === undefined) return null
  const layers = p.blocks('layers')
  p.blocks('noise_refiner')
  p.blocks('context_refiner')
  const original = p.blockHas('layers', 'attention.qkv.weight')
  const headDim = (p.block('layers', 'attention.q_norm.weight') ??
    p.block('layers', 'attention.norm_q.weight') ??
    p.block('layers', 'attn.norm_q.weight'))?.[0]
  const state = { confidence: 'high' as FamilyConfidence }
  const padTokens = p.key('x_pad_token') !== undefined || p.key('cap_pad_token') !== undefined
  const naming = original ? 'original' : 'diffusers'
  if (padTokens) {
    p.evidence.push('x_pad_token / cap_pad_token: Z-Image')
    expectSize(p, 'hidden size', width, 3840, state)
    expectSize(p, 'layers', layers, 30, state)
    const name = state.confidence === 'high' ? 'Z-Image (6B)' : 'Z-Image-like architecture'
    return result(p, 'z-image', name, null, naming, state.confidence, headDim)
  }
  if (width === 2304 && layers === 26)
    return result(p, 'lumina2', 'Lumina-Image 2.0', null, naming, 'high', headDim)
  p.evidence.push(`width ${width} and ${layers} layers: no released NextDiT model has these sizes`)
  return result(p, 'nextdit', 'NextDiT (Lumina-like) architecture', null, naming, 'medium', headDim)
}

/**
 * HunyuanVideo 1.5: HunyuanVideo's double-stream blocks with separate q/k/v (`img_attn_q`, diffusers `attn.to_q`),
 * no single-stream blocks, and conditioning inputs of its own: a condition-type embedding, a ByT5 glyph encoder
 * input (`byt5_in`, diffusers `context_embedder_2`) and an image input (`vision_in`, diffusers `image_embedder`).
 * The released model is 2048 wide with 54 blocks.
 */
export function hunyuanVideo15(p: FamilyProbe): FamilyRuleResult | null {
  const original = p.block('double_blocks', 'img_attn_q.weight')
  const diffusers = original ? undefined : p.block('transformer_blocks', 'norm1_context.linear.weight')
  if (!original && !diffusers) return null
  const own =
    p.key('cond_type_embedding.weight') ??
    p.key('cond_type_embed.weight') ??
    p.key('byt5_in.fc1.weight') ??
    p.key('context_embedder_2.linear_1.weight')
  if (!own) return null
  const state = { confidence: 'high' as FamilyConfidence }
  const blocks = p.blocks(original ? 'double_blocks' : 'transformer_blocks')
  const width = original ? original[1] : diffusers![1]
  expectSize(p, 'hidden size', width, 2048, state)
  expectSize(p, 'double blocks', blocks, 54, state)
  const name = state.confidence === 'high' ? 'HunyuanVideo 1.5' : 'HunyuanVideo 1.5-like architecture'
  const naming = original
    ? 'original (HunyuanVideo-1.5 repo)'
    : 'diffusers (HunyuanVideo15Transformer3DModel)'
  return result(p, 'hunyuan-video-1.5', name, null, naming, state.confidence, 128)
}

/**
 * CogView4: CogVideoX's code base (SAT `layers.N.attention.query_key_value`, diffusers `transformer_blocks.N.attn1`)
 * for images, whose patch embedding is a Linear over flattened patches (CogVideoX's is a convolution) and whose
 * diffusers form embeds the timestep with the size and crop condition (`time_condition_embed`). CogView4-6B is
 * 4096 wide with 28 layers.
 */
export function cogview4(p: FamilyProbe): FamilyRuleResult | null {
  const found = patchEmbedding(p)
  if (found?.shape.length !== 2) return null
  const patch = found.shape
  // SAT's layers sit under `transformer.`, which the analysis strips with the model prefix and a key list may keep
  const satSeries = p.blockHas('layers', 'attention.query_key_value.weight') ? 'layers' : 'transformer.layers'
  const sat = p.block(satSeries, 'attention.query_key_value.weight')
  const diffusers = sat
    ? undefined
    : p.key('time_condition_embed.condition_embedder.linear_1.weight') &&
      p.block('transformer_blocks', 'attn1.to_q.weight')
  if (!sat && !diffusers) return null
  p.note(found.path, patch)
  p.evidence.push(
    'a linear patch embedding: an image model (CogVideoX embeds video patches with a convolution)'
  )
  const state = { confidence: 'high' as FamilyConfidence }
  const width = (sat ?? diffusers)![1]
  expectSize(p, 'hidden size', width, 4096, state)
  expectSize(p, 'layers', p.blocks(sat ? satSeries : 'transformer_blocks'), 28, state)
  const name = state.confidence === 'high' ? 'CogView4-6B' : 'CogView4-like architecture'
  return result(p, 'cogview4', name, null, sat ? 'original (SAT)' : 'diffusers', state.confidence, 128)
}

/** CogVideoX's and CogView4's patch embedding (SAT `mixins.patch_embed.proj`, diffusers `patch_embed.proj`). */
const PATCH_EMBED = /(?:^|_)patch_embed_proj$/

/**
 * The patch embedding of a CogVideoX-style model, wherever the analysis' prefix left it (a SAT file's keys sit under
 * `model.diffusion_model.transformer.` and `model.diffusion_model.mixins.`: the common prefix of most keys is the
 * former).
 */
export function patchEmbedding(p: FamilyProbe): { path: string; shape: readonly number[] } | undefined {
  return p.index.shapesMatching(PATCH_EMBED)[0]
}

/**
 * PixArt and Sana: one adaLN-single for the model (`t_block`, diffusers `adaln_single` / `time_embed`), a
 * `scale_shift_table` in every block, self attention and a cross attention to the caption per block (original
 * `attn.qkv`, `cross_attn.q_linear` / `kv_linear`; diffusers `attn1`, `attn2`). Sana's feed-forward is
 * convolutional (`mlp.inverted_conv`, diffusers `ff.conv_inverted`): PixArt-α and PixArt-Σ (XL/2) are 1152 wide
 * with 28 blocks, Sana 1600M 2240 with 20, Sana 600M 1152 with 28. LongCat-Video shares the original attention
 * names, with a video patch embedding and its own caption projection (`y_proj.0`): not claimed here.
 */
export function pixartOrSana(p: FamilyProbe): FamilyRuleResult | null {
  const original = p.block('blocks', 'cross_attn.q_linear.weight')
  const diffusers = original ? undefined : p.block('transformer_blocks', 'attn2.to_q.weight')
  if (!original && !diffusers) return null
  const single = original
    ? p.key('t_block.1.weight')
    : (p.key('adaln_single.linear.weight') ?? p.key('time_embed.linear.weight'))
  if (!single || !p.blockHas(original ? 'blocks' : 'transformer_blocks', 'scale_shift_table')) return null
  if (original && p.key('y_embedder.y_proj.fc1.weight') === undefined) return null
  const series = original ? 'blocks' : 'transformer_blocks'
  const blocks = p.blocks(series)
  const width = (original ?? diffusers)![1]!
  const sana =
    p.blockHas(series, 'mlp.inverted_conv.conv.weight') || p.blockHas(series, 'ff.conv_inverted.weight')
  const naming = original
    ? 'original'
    : sana
      ? 'diffusers (SanaTransformer2DModel)'
      : 'diffusers (PixArtTransformer2DModel)'
  if (sana) {
    p.evidence.push('a convolutional feed-forward (inverted conv): Sana')
    const name =
      width === 2240 && blocks === 20
        ? 'Sana 1600M'
        : width === 1152 && blocks === 28
          ? 'Sana 600M'
          : undefined
    return result(p, 'sana', name ?? 'Sana-like architecture', null, naming, name ? 'high' : 'medium')
  }
  const known = width === 1152 && blocks === 28
  if (!known) p.evidence.push(`width ${width} and ${blocks} blocks: not PixArt-α / PixArt-Σ XL/2 (1152, 28)`)
  const name = known ? 'PixArt-α / PixArt-Σ (XL/2)' : 'PixArt-like architecture'
  return result(p, 'pixart', name, null, naming, known ? 'high' : 'medium', 72)
}

/**
 * AuraFlow: MMDiT joint blocks then single blocks (original `double_layers` / `single_layers`, diffusers
 * `joint_transformer_blocks` / `single_transformer_blocks`) with learned register tokens and no biases; v0.x is 3072
 * wide with 4 joint and 32 single blocks.
 */
export function auraFlow(p: FamilyProbe): FamilyRuleResult | null {
  if (p.key('register_tokens') === undefined) return null
  const original = p.count('double_layers') > 0
  const joint = original ? 'double_layers' : 'joint_transformer_blocks'
  const single = original ? 'single_layers' : 'single_transformer_blocks'
  const q = p.block(joint, original ? 'attn.w2q.weight' : 'attn.to_q.weight')
  if (!q) return null
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'hidden size', q[1], 3072, state)
  expectSize(p, 'joint blocks', p.blocks(joint), 4, state)
  expectSize(p, 'single blocks', p.blocks(single), 32, state)
  const name = state.confidence === 'high' ? 'AuraFlow' : 'AuraFlow-like architecture'
  return result(
    p,
    'auraflow',
    name,
    null,
    original ? 'original' : 'diffusers (AuraFlowTransformer2DModel)',
    state.confidence,
    256
  )
}

/**
 * Mochi 1: asymmetric joint blocks, a 3072-wide visual stream and a 1536-wide text stream (original `mod_x` /
 * `mod_y`, `attn.qkv_x` / `qkv_y`; diffusers `norm1` / `norm1_context`, `attn1.add_k_proj` taking 1536), 48 of them,
 * with a T5 attention pooler (`t5_y_embedder`, diffusers `time_embed.pooler`).
 */
export function mochi(p: FamilyProbe): FamilyRuleResult | null {
  const original = p.block('blocks', 'attn.qkv_y.weight')
  const diffusers = original ? undefined : p.block('transformer_blocks', 'attn1.add_k_proj.weight')
  if (!original && !diffusers) return null
  const pooler = p.key('t5_y_embedder.to_kv.weight') ?? p.key('time_embed.pooler.to_kv.weight')
  if (!pooler) return null
  const state = { confidence: 'high' as FamilyConfidence }
  expectSize(p, 'text stream width', (original ?? diffusers)![1], 1536, state)
  expectSize(p, 'blocks', p.blocks(original ? 'blocks' : 'transformer_blocks'), 48, state)
  const name = state.confidence === 'high' ? 'Mochi 1' : 'Mochi-like architecture'
  return result(
    p,
    'mochi',
    name,
    null,
    original ? 'original (genmo)' : 'diffusers (MochiTransformer3DModel)',
    state.confidence,
    128
  )
}

/** The released class-conditional DiTs by width and depth (facebookresearch/DiT models.py). */
const DIT_SIZES: readonly { width: number; depth: number; size: string }[] = [
  { width: 1152, depth: 28, size: 'XL' },
  { width: 1024, depth: 24, size: 'L' },
  { width: 768, depth: 12, size: 'B' },
  { width: 384, depth: 12, size: 'S' }
]

/**
 * The class-conditional DiT: a class-label table (`y_embedder.embedding_table`, diffusers copies it into every
 * block's `norm1.emb.class_embedder`), adaLN-Zero per block, self attention only. Named DiT-<size>/<patch> by width,
 * depth and patch size.
 */
export function classDit(p: FamilyProbe): FamilyRuleResult | null {
  const original = p.key('y_embedder.embedding_table.weight')
  const diffusers = original
    ? undefined
    : p.block('transformer_blocks', 'norm1.emb.class_embedder.embedding_table.weight')
  if (!original && !diffusers) return null
  const series = original ? 'blocks' : 'transformer_blocks'
  const q = original ? p.block(series, 'attn.qkv.weight') : p.block(series, 'attn1.to_q.weight')
  if (!q) return null
  const cross = original
    ? p.blockHas(series, 'cross_attn.q_linear.weight')
    : p.blockHas(series, 'attn2.to_q.weight')
  if (cross) return null
  const width = q[1]!
  const depth = p.blocks(series)
  const patch = (p.key('x_embedder.proj.weight') ?? p.key('pos_embed.proj.weight'))?.[2]
  const known = DIT_SIZES.find((d) => d.width === width && d.depth === depth)
  const name = known && patch ? `DiT-${known.size}/${patch}` : 'DiT-like architecture (class-conditional)'
  if (!known) p.evidence.push(`width ${width} and ${depth} blocks: no released DiT size`)
  const naming = original ? 'original (facebookresearch/DiT)' : 'diffusers (Transformer2DModel)'
  return result(p, 'dit', name, null, naming, known ? 'high' : 'medium', 72)
}
