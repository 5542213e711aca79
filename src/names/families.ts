/**
 * Family detection: the one detector of the project. analysis (a whole checkpoint), lora (the modules a LoRA
 * targets, with their implied weight shapes) and the LoRA base index all ask it. It reads structure first (block
 * counts, widths, context widths, where attention sits) and names second:
 * - the full-model rules (src/names/family-rules.ts) need the keys a whole checkpoint has and check sizes against
 *   the reference configs (docs/reference/key-formats.md);
 * - a partial key set (a LoRA's targets) falls back to the signature of its block names, and the UNet versions are
 *   then told apart by shapes (`unetVersion`), never by names alone.
 * Paths may be dotted or kohya-underscored: both are read in one underscored form.
 */
import { RULES, type FamilyRule } from './family-rules.js'
import { unetRule } from './family-unet.js'
import { FamilyProbe, LayerIndex, type FamilyLayer } from './family-probe.js'
import { kohyaForm } from './adapters.js'

export type { FamilyLayer } from './family-probe.js'
/** The UNet facts other modules read (importing family-unet.ts itself would split the family modules' bundle). */
export { CROSS_K, UNET_LDM_SERIES } from './family-unet.js'

export type FamilyConfidence = 'high' | 'medium' | 'low'

export interface FamilyMatch {
  /** Stable id: `wan`, `longcat-video`, `flux`, `sdxl`, `sd1`, `sd2`, `sd3`, `hunyuan-video`, `hunyuan-video-1.5`, `qwen-image`, `ltx-video`, `cogvideox`, `cogview4`, `lumina2`, `z-image`, `nextdit`, `pixart`, `sana`, `auraflow`, `mochi`, `t5`, `umt5`, `clip-text`, `dit`. */
  id: string
  /** Human-readable name including the variant, e.g. `Wan2.1 T2V-14B (or a Wan2.2 T2V-A14B expert)`. */
  name: string
  /** The variant alone (`t2v-14b`, `i2v-14b`, `dev`, ...) or null. */
  variant: string | null
  /** The naming convention the keys follow: `original`, `diffusers`, `comfyui`, ... */
  naming: string
  confidence: FamilyConfidence
  /** The keys and shapes that matched, and any mismatches that lowered the confidence. */
  evidence: string[]
}

export interface FamilyRuleResult {
  match: FamilyMatch
  /** Head dim the family is known to use, when the shapes alone do not show it. */
  headDim?: number
  /** The keys follow the diffusers names of the family (rather than the original release's). */
  diffusers: boolean
}

const RANK: Record<FamilyConfidence, number> = { high: 0, medium: 1, low: 2 }

function mayMatch(rule: FamilyRule, index: LayerIndex): boolean {
  if (rule.keys) for (const k of rule.keys) if (index.has(k)) return true
  if (rule.blockKeys)
    for (const [series, rest] of rule.blockKeys) if (index.blockHas(series, rest)) return true
  return rule.gate?.(index) ?? false
}

/**
 * Every full-model family rule that matches a whole checkpoint's layers, best first. A rule runs only when a key
 * it requires is present: analysis runs once per process, where compiling a function costs more than running it.
 */
export function identifyFamilies(layers: Iterable<FamilyLayer>): FamilyRuleResult[] {
  return identifyIn(new LayerIndex(layers))
}

function identifyIn(index: LayerIndex): FamilyRuleResult[] {
  const out: FamilyRuleResult[] = []
  for (const rule of RULES) {
    if (!mayMatch(rule, index)) continue
    const r = rule.rule(new FamilyProbe(index))
    if (r) out.push(r)
  }
  return out.sort((a, b) => RANK[a.match.confidence] - RANK[b.match.confidence])
}

/** One block-name signature of a family: what a partial key set (a LoRA's targets) shows of it. */
interface Signature {
  id: string
  diffusers: boolean
  /** Tested against the underscored path with `_` at both ends. */
  re: RegExp
}

const SIGNATURES: readonly Signature[] = [
  {
    id: 'longcat-video',
    diffusers: false,
    re: /^_blocks_\d+_(?:attn_qkv|cross_attn_kv_linear|cross_attn_q_linear|ffn_w[123]|adaLN_modulation_1)_/
  },
  {
    id: 'wan',
    diffusers: false,
    // Wan's own attention projections: PixArt, Sana and LongCat name a cross attention `cross_attn` too
    // (`cross_attn.q_linear`), which is not Wan's.
    re: /^_(?:vace_)?blocks_\d+_(?:(?:self_attn|cross_attn)_(?:[qkvo]|norm_[qk]|[kv]_img|norm_k_img)|ffn_[02]|modulation|norm3)_/
  },
  {
    id: 'wan',
    diffusers: false,
    re: /^_(?:patch_embedding|text_embedding_[02]|time_embedding_[02]|time_projection_1|head_head|img_emb)_/
  },
  { id: 'wan', diffusers: true, re: /^_blocks_\d+_(?:attn[12]|ffn_net_[02]|scale_shift_table)_/ },
  { id: 'wan', diffusers: true, re: /^_condition_embedder_/ },
  {
    id: 'flux',
    diffusers: false,
    re: /^_(?:double_blocks_\d+_(?:img|txt)_(?:attn|mlp|mod)|single_blocks_\d+_(?:linear[12]|modulation))_/
  },
  {
    id: 'flux',
    diffusers: true,
    re: /^_(?:single_transformer_blocks|transformer_blocks_\d+_(?:attn_(?:to|add)|ff_context|norm1_context))_/
  },
  { id: 'unet', diffusers: false, re: /^_(?:input_blocks|output_blocks|middle_block)_\d+_/ },
  {
    id: 'unet',
    diffusers: true,
    re: /^_(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets)_/
  },
  { id: 'sd3', diffusers: false, re: /^_joint_blocks_\d+_(?:x_block|context_block)_/ },
  { id: 'clip-text', diffusers: false, re: /^_text_model_encoder_layers_\d+_/ }
]

/** HunyuanVideo's original names fuse with `_` where Flux uses `.`: only the dotted path tells them apart. */
const HUNYUAN_DOTTED = /\.img_attn_qkv$|\.img_mod\.linear$|\.txt_attn_qkv$/

/** The family signature one path shows (`clip-text` for a CLIP text encoder layer), or null. */
export function signatureOfPath(path: string): { id: string; diffusers: boolean } | null {
  return signatureOf(path, kohyaForm(path))
}

/** `signatureOfPath` of a path whose underscored form is known. */
function signatureOf(path: string, underscored: string): { id: string; diffusers: boolean } | null {
  if (HUNYUAN_DOTTED.test(path)) return HUNYUAN_SIGNATURE
  const u = '_' + underscored + '_'
  for (let i = 0; i < SIGNATURES.length; i++) if (SIGNATURES[i]!.re.test(u)) return SIGNATURES[i]!
  return null
}

const HUNYUAN_SIGNATURE: { id: string; diffusers: boolean } = Object.freeze({
  id: 'hunyuan-video',
  diffusers: false
})

/**
 * The family of any set of layers, whole model or partial (a LoRA's targets, a base's denoiser): the best
 * full-model rule when one matches, else the signature most paths show, with UNet versions told apart by shapes.
 * Text-encoder layers are ignored. Null when nothing points at a known family.
 */
export function detectFamily(layers: Iterable<FamilyLayer>): FamilyRuleResult | null {
  const list = [...layers]
  const index = new LayerIndex(list)
  const full = identifyIn(index)[0]
  if (full) return full
  const votes = new Map<string, { id: string; diffusers: boolean; n: number }>()
  for (let i = 0; i < list.length; i++) {
    const path = list[i]!.path
    // The index's underscored form is the path's own unless the path ends in `.weight` (the index drops it).
    const s = signatureOf(path, path.endsWith('.weight') ? kohyaForm(path) : index.forms[i]!)
    if (!s || s.id === 'clip-text') continue
    const key = `${s.id}/${s.diffusers}`
    const v = votes.get(key)
    if (v) v.n++
    else votes.set(key, { ...s, n: 1 })
  }
  // The signature most names follow, unless the structure rules it out: then the family is unknown (the runner-up
  // signature is no better evidence: PixArt-style names also vote for Wan's cross_attn).
  let best: { id: string; diffusers: boolean; n: number } | undefined
  for (const v of votes.values()) if (!best || v.n > best.n) best = v
  const probe = new FamilyProbe(index)
  if (!best || !plausible(best, probe)) return null
  if (best.id === 'unet') return unetRule(new FamilyProbe(index), best.diffusers)
  probe.evidence.push(`${best.n} layer name(s) follow the ${best.id} block names`)
  return {
    match: {
      id: best.id,
      name: best.id,
      variant: null,
      naming: best.diffusers ? 'diffusers' : 'original',
      confidence: 'low',
      evidence: probe.evidence
    },
    diffusers: best.diffusers
  }
}

/** Whether the structure of a set allows the family its names vote for. */
function plausible(v: { id: string; diffusers: boolean }, p: FamilyProbe): boolean {
  if (v.id === 'flux') return v.diffusers ? mayBeFlux(p) : mayBeFluxOriginal(p)
  if (v.id === 'longcat-video') return mayBeLongcat(p)
  return true
}

const DOUBLE_WIDTH = /^double_blocks_\d+_img_(?:attn_qkv|attn_q|mod_lin(?:ear)?)$/

/** BFL / HunyuanVideo-style double blocks: Flux has 19 of them, 3072 wide (HunyuanVideo 1.5: 54, 2048 wide). */
function mayBeFluxOriginal(p: FamilyProbe): boolean {
  if (p.count('double_blocks') > FLUX_DOUBLE_BLOCKS) return false
  const widths = p.index.shapesMatching(DOUBLE_WIDTH).map((s) => s.shape[1])
  return widths.length === 0 || widths.every((w) => w === FLUX_WIDTH)
}

/** Flux's hidden width: every released Flux (dev, schnell and their fine-tunes) is 3072 wide. */
const FLUX_WIDTH = 3072
const JOINT_Q = /^transformer_blocks_\d+_attn_to_q$/
/** A single block's sequential feed-forward or own attention output (underscored path). */
const SEQUENTIAL_SINGLE_BLOCK =
  /^single_transformer_blocks_\d+_(?:ff|ff_context|mlp|feed_forward|attn_to_out)_/

/** Flux's double (joint) blocks. */
const FLUX_DOUBLE_BLOCKS = 19

/**
 * Flux's joint blocks in diffusers names are those of every MMDiT in diffusers (SD3, AuraFlow, Mochi, HunyuanVideo,
 * Qwen-Image): a partial set with more joint blocks than Flux has, with single blocks that are not parallel, or with
 * no single blocks and an attention width other than Flux's, is not claimed for Flux. True when the set may be Flux.
 */
function mayBeFlux(p: FamilyProbe): boolean {
  if (p.count('transformer_blocks') > FLUX_DOUBLE_BLOCKS) return false
  // Flux's single blocks are parallel: the attention and `proj_mlp` read the same input and one `proj_out` follows
  // both. A single block with a sequential feed-forward or an attention output of its own (AuraFlow's `ff.linear_1`,
  // `attn.to_out`) is another MMDiT's, whatever the series is called.
  if (p.index.some(SEQUENTIAL_SINGLE_BLOCK)) return false
  if (p.index.some(/^single_transformer_blocks_/)) return true
  const widths = p.index.shapesMatching(JOINT_Q).map((s) => s.shape[1])
  if (widths.length === 0 || widths.every((w) => w === FLUX_WIDTH)) return true
  return false
}

/** LongCat-Video's width and blocks; its SwiGLU FFN and adaLN modulation are its own in PixArt-style names. */
const LONGCAT_WIDTH = 4096
const LONGCAT_ONLY = /^blocks_\d+_(?:ffn_w[123]|adaLN_modulation_1)$/
const SELF_QKV = /^blocks_\d+_attn_qkv/

/**
 * LongCat-Video keeps PixArt's attention names (`attn.qkv`, `cross_attn.q_linear` / `kv_linear`, shared with PixArt
 * and Sana): a set showing only those is LongCat when its FFN or modulation names say so, or its width is
 * LongCat's; a narrower one is not claimed. True when the set may be LongCat.
 */
function mayBeLongcat(p: FamilyProbe): boolean {
  if (p.index.some(LONGCAT_ONLY)) return true
  const widths = p.index.shapesMatching(SELF_QKV).map((s) => s.shape[1])
  return widths.length === 0 || widths.some((w) => w === LONGCAT_WIDTH)
}

/** The Stable Diffusion UNet generations (and the UNet whose generation is unknown): one architecture. */
const UNET_FAMILIES: ReadonlySet<string> = new Set(['sd1', 'sd2', 'sdxl', 'sd-unet'])

/** True for a Stable Diffusion UNet family id in either naming (`sd1`, `sdxl-diffusers`, ...). */
export function isUnetFamily(id: string | null): boolean {
  return id !== null && UNET_FAMILIES.has(id.replace(/-diffusers$/, ''))
}

/**
 * The architecture a family id names, naming aside: `wan-diffusers` -> `wan`; every UNet generation -> `sd-unet`
 * (SD 1.x on an SDXL base is the same network with another text context, a size question, not an architecture).
 */
export function familyArchitecture(id: string): string {
  return isUnetFamily(id) ? 'sd-unet' : id.replace(/-diffusers$/, '')
}
