/**
 * Family identification: reference knowledge (docs/reference/key-formats.md §1.5, §2, §4, the model shapes in docs/reference/key-formats.md) as
 * rules over key names and shapes. Each match names its evidence; a match whose sizes differ from the known
 * configs is kept at a lower confidence ("LongCat-like"), so unknown sizes of a known architecture still show.
 */
import type { FoundFamily } from './blocks.js'
import type { Confidence, FamilyMatch } from './types.js'

export interface FamilyContext {
  /** Prefix-stripped name -> shape. */
  shapes: ReadonlyMap<string, readonly number[]>
  families: readonly FoundFamily[]
}

export interface FamilyRuleResult {
  match: FamilyMatch
  /** Head dim the family is known to use, when the shapes alone do not show it. */
  headDim?: number
}

class Probe {
  readonly evidence: string[] = []
  private readonly byPattern: Map<string, FoundFamily>
  constructor(private readonly ctx: FamilyContext) {
    this.byPattern = new Map(ctx.families.map((f) => [f.family.pattern, f]))
  }
  shape(name: string): readonly number[] | undefined {
    return this.ctx.shapes.get(name)
  }
  has(name: string): boolean {
    return this.ctx.shapes.has(name)
  }
  /** The shape of `rest` in the blocks of `pattern` (any block), or undefined. */
  blockShape(pattern: string, rest: string): readonly number[] | undefined {
    return this.byPattern.get(pattern)?.unionEntries.find((e) => e.key === rest)?.shape
  }
  blockHas(pattern: string, rest: string): boolean {
    return this.byPattern.get(pattern)?.keyBlockCounts.has(rest) ?? false
  }
  count(pattern: string): number {
    return this.byPattern.get(pattern)?.family.count ?? 0
  }
  /** Records `name [shape]` as evidence and returns the shape. */
  note(name: string, shape: readonly number[] | undefined): readonly number[] | undefined {
    if (shape) this.evidence.push(`${name} [${shape.join(', ')}]`)
    return shape
  }
  key(name: string): readonly number[] | undefined {
    return this.note(name, this.shape(name))
  }
  block(pattern: string, rest: string): readonly number[] | undefined {
    return this.note(`${pattern}.*.${rest}`, this.blockShape(pattern, rest))
  }
  blocks(pattern: string): number {
    const n = this.count(pattern)
    this.evidence.push(`${pattern}: ${n} blocks`)
    return n
  }
}

function result(
  p: Probe,
  id: string,
  name: string,
  variant: string | null,
  naming: string,
  confidence: Confidence,
  headDim?: number
): FamilyRuleResult {
  return { match: { id, name, variant, naming, confidence, evidence: p.evidence }, headDim }
}

/** Lowers confidence to medium with a note when an observed size differs from the reference one. */
function expectSize(
  p: Probe,
  what: string,
  seen: number | undefined,
  wanted: number,
  state: { confidence: Confidence }
) {
  if (seen !== wanted) {
    p.evidence.push(`${what} is ${seen ?? 'absent'}, the reference model has ${wanted}`)
    state.confidence = 'medium'
  }
}

function wanVariant(
  p: Probe,
  dim: number,
  inDim: number | undefined,
  image: boolean,
  flf: boolean,
  vace: boolean
): { name: string; variant: string | null; layers?: number; ffn?: number } {
  if (vace) {
    const size = dim === 1536 ? '1.3B' : dim === 5120 ? '14B' : `dim ${dim}`
    return {
      name: `Wan2.1 VACE-${size}`,
      variant: dim === 1536 ? 'vace-1.3b' : dim === 5120 ? 'vace-14b' : null
    }
  }
  if (flf) return { name: 'Wan2.1 FLF2V-14B', variant: 'flf2v-14b', layers: 40, ffn: 13824 }
  if (image) return { name: 'Wan2.1 I2V-14B', variant: 'i2v-14b', layers: 40, ffn: 13824 }
  if (dim === 3072 && inDim === 48)
    return { name: 'Wan2.2 TI2V-5B', variant: 'ti2v-5b', layers: 30, ffn: 14336 }
  if (dim === 5120 && inDim === 36) {
    p.evidence.push('in_dim 36 without a CLIP image branch (img_emb / k_img): the Wan2.2 I2V layout')
    return { name: 'Wan2.2 I2V-A14B expert', variant: 'i2v-a14b', layers: 40, ffn: 13824 }
  }
  if (dim === 5120) {
    return {
      name: 'Wan2.1 T2V-14B (or a Wan2.2 T2V-A14B expert: same keys and shapes)',
      variant: 't2v-14b',
      layers: 40,
      ffn: 13824
    }
  }
  if (dim === 1536) return { name: 'Wan2.1 T2V-1.3B', variant: 't2v-1.3b', layers: 30, ffn: 8960 }
  return { name: `Wan-architecture model (dim ${dim})`, variant: null }
}

function wanOriginal(p: Probe): FamilyRuleResult | null {
  const mod = p.key('head.modulation')
  const patch = p.key('patch_embedding.weight')
  if (!mod || !patch || !p.blockHas('blocks', 'self_attn.q.weight')) return null
  const dim = mod[mod.length - 1]
  const inDim = patch[1]
  const image =
    p.key('img_emb.proj.0.bias') !== undefined || p.block('blocks', 'cross_attn.k_img.weight') !== undefined
  const flf = p.key('img_emb.emb_pos') !== undefined
  const vace = p.key('vace_patch_embedding.weight') !== undefined
  if (!image) p.evidence.push('no img_emb.* or cross_attn.k_img: no CLIP image branch')
  const v = wanVariant(p, dim, inDim, image, flf, vace)
  const layers = p.blocks('blocks')
  const state = { confidence: 'high' as Confidence }
  if (v.layers !== undefined) expectSize(p, 'block count', layers, v.layers, state)
  if (v.ffn !== undefined) expectSize(p, 'ffn dim', p.block('blocks', 'ffn.0.weight')?.[0], v.ffn, state)
  if (v.variant === null) state.confidence = 'medium'
  return result(p, 'wan', v.name, v.variant, 'original (Wan repo / ComfyUI)', state.confidence, 128)
}

function wanDiffusers(p: Probe): FamilyRuleResult | null {
  const sst = p.key('scale_shift_table')
  const time = p.key('condition_embedder.time_embedder.linear_1.weight')
  if (!sst || !time || !p.blockHas('blocks', 'attn1.to_q.weight')) return null
  const dim = sst[sst.length - 1]
  const inDim = p.key('patch_embedding.weight')?.[1]
  const image =
    p.key('condition_embedder.image_embedder.norm1.weight') !== undefined ||
    p.block('blocks', 'attn2.add_k_proj.weight') !== undefined
  const flf = p.key('condition_embedder.image_embedder.pos_embed') !== undefined
  if (!image)
    p.evidence.push('no condition_embedder.image_embedder or attn2.add_k_proj: no CLIP image branch')
  const v = wanVariant(p, dim, inDim, image, flf, false)
  const layers = p.blocks('blocks')
  const state = { confidence: 'high' as Confidence }
  if (v.layers !== undefined) expectSize(p, 'block count', layers, v.layers, state)
  if (v.ffn !== undefined)
    expectSize(p, 'ffn dim', p.block('blocks', 'ffn.net.0.proj.weight')?.[0], v.ffn, state)
  if (v.variant === null) state.confidence = 'medium'
  return result(p, 'wan', v.name, v.variant, 'diffusers (WanTransformer3DModel)', state.confidence, 128)
}

function longcat(p: Probe): FamilyRuleResult | null {
  const qkv = p.block('blocks', 'attn.qkv.weight')
  const kv = p.block('blocks', 'cross_attn.kv_linear.weight')
  if (!qkv || !kv || !p.key('x_embedder.proj.weight') || !p.key('y_embedder.y_proj.0.weight')) return null
  const state = { confidence: 'high' as Confidence }
  expectSize(p, 'hidden size', qkv[1], 4096, state)
  expectSize(p, 'block count', p.blocks('blocks'), 48, state)
  expectSize(p, 'ffn dim', p.block('blocks', 'ffn.w1.weight')?.[0], 11008, state)
  const exact = state.confidence === 'high'
  return result(
    p,
    'longcat-video',
    exact ? 'LongCat-Video' : 'LongCat-Video-like architecture',
    null,
    'original',
    state.confidence,
    128
  )
}

function fluxOrHunyuan(p: Probe): FamilyRuleResult | null {
  const refiner =
    p.has('txt_in.individual_token_refiner.blocks.0.norm1.weight') ||
    p.count('txt_in.individual_token_refiner.blocks') > 0
  const bflQkv = p.block('double_blocks', 'img_attn.qkv.weight')
  const hyQkv = p.block('double_blocks', 'img_attn_qkv.weight')
  const linear1 = p.block('single_blocks', 'linear1.weight')
  if (!(bflQkv || hyQkv) || !linear1) return null
  const state = { confidence: 'high' as Confidence }
  const double = p.blocks('double_blocks')
  const single = p.blocks('single_blocks')
  if (refiner || hyQkv) {
    if (refiner) p.evidence.push('txt_in.individual_token_refiner: the HunyuanVideo text refiner')
    expectSize(p, 'hidden size', linear1[1], 3072, state)
    expectSize(p, 'double blocks', double, 20, state)
    expectSize(p, 'single blocks', single, 40, state)
    const naming = hyQkv ? 'original (HunyuanVideo repo)' : 'ComfyUI (Flux-style names)'
    return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128)
  }
  const hidden = p.key('img_in.weight')?.[0]
  expectSize(p, 'hidden size', hidden, 3072, state)
  expectSize(p, 'double blocks', double, 19, state)
  expectSize(p, 'single blocks', single, 38, state)
  const guidance = p.key('guidance_in.in_layer.weight') !== undefined
  if (!guidance) p.evidence.push('no guidance_in: not guidance-distilled (schnell)')
  const variant = guidance ? 'dev' : 'schnell'
  return result(p, 'flux', `Flux.1-${variant}`, variant, 'original (BFL / ComfyUI)', state.confidence, 128)
}

function fluxDiffusers(p: Probe): FamilyRuleResult | null {
  const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight')
  const mlp = p.block('single_transformer_blocks', 'proj_mlp.weight')
  if (!addQ || !mlp) return null
  const state = { confidence: 'high' as Confidence }
  expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 19, state)
  expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 38, state)
  const guidance = p.key('time_text_embed.guidance_embedder.linear_1.weight') !== undefined
  const variant = guidance ? 'dev' : 'schnell'
  return result(
    p,
    'flux',
    `Flux.1-${variant}`,
    variant,
    'diffusers (FluxTransformer2DModel)',
    state.confidence,
    128
  )
}

function stableDiffusionUnet(p: Probe): FamilyRuleResult | null {
  const keys: [string, string, string][] = [
    [
      'input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight',
      'input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight',
      'original (LDM / sgm)'
    ],
    [
      'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight',
      'down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight',
      'diffusers (UNet2DConditionModel)'
    ]
  ]
  for (const [sdxlKey, sd1Key, naming] of keys) {
    const xl = p.shape(sdxlKey)
    if (xl && xl[0] === 640 && xl[1] === 2048) {
      p.key(sdxlKey)
      return result(p, 'sdxl', 'SDXL (UNet)', null, naming, 'high', 64)
    }
    const sd = p.shape(sd1Key)
    if (sd && sd[0] === 320 && sd[1] === 768) {
      p.key(sd1Key)
      return result(p, 'sd1', 'Stable Diffusion 1.x (UNet)', null, naming, 'high')
    }
    if (sd && sd[0] === 320 && sd[1] === 1024) {
      p.key(sd1Key)
      return result(p, 'sd2', 'Stable Diffusion 2.x (UNet)', null, naming, 'high', 64)
    }
  }
  return null
}

function qwenImage(p: Probe): FamilyRuleResult | null {
  const mod = p.block('transformer_blocks', 'img_mod.1.weight')
  const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight')
  const txtNorm = p.key('txt_norm.weight')
  if (!mod || !addQ || !txtNorm) return null
  const state = { confidence: 'high' as Confidence }
  expectSize(p, 'hidden size', addQ[1], 3072, state)
  expectSize(p, 'block count', p.blocks('transformer_blocks'), 60, state)
  return result(p, 'qwen-image', 'Qwen-Image', null, 'diffusers / ComfyUI', state.confidence, 128)
}

function sd3(p: Probe): FamilyRuleResult | null {
  const qkv = p.block('joint_blocks', 'x_block.attn.qkv.weight')
  if (!qkv) return null
  const depth = p.blocks('joint_blocks')
  const lnQ = p.block('joint_blocks', 'x_block.attn.ln_q.weight') !== undefined
  const attn2 = p.block('joint_blocks', 'x_block.attn2.qkv.weight') !== undefined
  const state = { confidence: 'medium' as Confidence }
  p.evidence.push(
    `hidden ${qkv[1]} = 64 x depth ${depth}: ${qkv[1] === 64 * depth ? 'yes' : 'no'} (sizes unverified)`
  )
  const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3'
  return result(
    p,
    'sd3',
    `${name} (MMDiT)`,
    attn2 ? '3.5-medium' : lnQ ? '3.5' : '3',
    'original (SAI / ComfyUI)',
    state.confidence,
    64
  )
}

function ltx(p: Probe): FamilyRuleResult | null {
  const q = p.block('transformer_blocks', 'attn1.to_q.weight')
  const sst = p.block('transformer_blocks', 'scale_shift_table')
  if (!q || !sst) return null
  const original =
    p.key('patchify_proj.weight') !== undefined || p.key('adaln_single.linear.weight') !== undefined
  const diffusers =
    p.key('proj_in.weight') !== undefined && p.key('caption_projection.linear_1.weight') !== undefined
  if (!original && !diffusers) return null
  const layers = p.blocks('transformer_blocks')
  const hidden = q[1]
  const variant = hidden === 2048 && layers === 28 ? '2b' : hidden === 4096 && layers === 48 ? '13b' : null
  const headDim = variant === '2b' ? 64 : variant === '13b' ? 128 : undefined
  return result(
    p,
    'ltx-video',
    variant ? `LTX-Video ${variant.toUpperCase()}` : 'LTX-Video-like architecture',
    variant,
    original ? 'original (LTX / ComfyUI)' : 'diffusers',
    variant ? 'high' : 'medium',
    headDim
  )
}

function cogvideox(p: Probe): FamilyRuleResult | null {
  const sat = p.block('layers', 'attention.query_key_value.weight')
  const diffusers =
    p.blockShape('transformer_blocks', 'norm1.linear.weight') &&
    p.blockShape('transformer_blocks', 'norm1.norm.weight') &&
    p.block('transformer_blocks', 'attn1.to_q.weight')
  if (!sat && !diffusers) return null
  if (diffusers) p.block('transformer_blocks', 'norm1.linear.weight')
  const pattern = sat ? 'layers' : 'transformer_blocks'
  const layers = p.blocks(pattern)
  const hidden = (sat ?? diffusers ?? [0, 0])[1]
  const variant = hidden === 1920 && layers === 30 ? '2b' : hidden === 3072 && layers === 42 ? '5b' : null
  return result(
    p,
    'cogvideox',
    variant ? `CogVideoX-${variant.toUpperCase()}` : 'CogVideoX-like architecture',
    variant,
    sat ? 'original (SAT)' : 'diffusers',
    variant ? 'high' : 'medium',
    64
  )
}

/**
 * Each rule behind a key its match requires (any one of `keys` at the top level or `blockKeys` in a family's
 * blocks; the rule itself returns null without it). Checking that key first means a process only compiles and
 * runs the rules that can match: analysis runs once per process, where compiling a function costs more than
 * running it.
 */
interface GatedRule {
  rule: (p: Probe) => FamilyRuleResult | null
  keys?: readonly string[]
  blockKeys?: readonly (readonly [pattern: string, rest: string])[]
}

const RULES: readonly GatedRule[] = [
  { rule: wanOriginal, keys: ['head.modulation'] },
  { rule: wanDiffusers, keys: ['scale_shift_table'] },
  { rule: longcat, blockKeys: [['blocks', 'attn.qkv.weight']] },
  { rule: fluxOrHunyuan, blockKeys: [['single_blocks', 'linear1.weight']] },
  { rule: fluxDiffusers, blockKeys: [['single_transformer_blocks', 'proj_mlp.weight']] },
  {
    rule: stableDiffusionUnet,
    keys: [
      'input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight',
      'input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight',
      'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight',
      'down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight'
    ]
  },
  { rule: qwenImage, keys: ['txt_norm.weight'] },
  { rule: sd3, blockKeys: [['joint_blocks', 'x_block.attn.qkv.weight']] },
  { rule: ltx, blockKeys: [['transformer_blocks', 'scale_shift_table']] },
  {
    rule: cogvideox,
    blockKeys: [
      ['layers', 'attention.query_key_value.weight'],
      ['transformer_blocks', 'attn1.to_q.weight']
    ]
  }
]

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 }

function mayMatch(g: GatedRule, ctx: FamilyContext): boolean {
  if (g.keys) for (const k of g.keys) if (ctx.shapes.has(k)) return true
  if (g.blockKeys) {
    for (const [pattern, rest] of g.blockKeys) {
      for (const f of ctx.families)
        if (f.family.pattern === pattern && f.keyBlockCounts.has(rest)) return true
    }
  }
  return false
}

/** Every matching family rule, best first. */
export function identifyFamilies(ctx: FamilyContext): FamilyRuleResult[] {
  const out: FamilyRuleResult[] = []
  for (const g of RULES) {
    if (!mayMatch(g, ctx)) continue
    const r = g.rule(new Probe(ctx))
    if (r) out.push(r)
  }
  return out.sort((a, b) => RANK[a.match.confidence] - RANK[b.match.confidence])
}
