/**
 * The model-level parts outside the repeated blocks, named the ways the conventions name them: the latent (patch)
 * embedding and input convolution, the text / context embedding, the CLIP image branch, the output head and the
 * UNet's convolution layers. The one list of each: the structure analysis reads dimensions from them (in / out
 * channels, patch size, context width), the LoRA reader labels layer kinds with them.
 * Paths are dotted; the `...Underscored` tests take the `_a_b_c_` boundary form (kohya paths lose their dots).
 */

/** Modules that embed the latent patches (conv or linear): their in-features are the latent channels. */
const PATCH_EMBEDDINGS = [
  'patch_embedding',
  'patch_embed',
  'x_embedder',
  'img_in',
  'patchify_proj',
  'pos_embed'
]
/** A model's first layer when it has no patch embedding (UNet `conv_in`, a transformer's `proj_in`). */
const INPUT_LAYERS = ['conv_in', 'proj_in', 'input_proj']
/** Modules that embed the text context: their in-features are the context width. */
const CONTEXT_EMBEDDINGS = [
  'text_embedding',
  'txt_in',
  'y_embedder',
  'context_embedder',
  'caption_projection',
  'text_embedder',
  'encoder_hid_proj',
  'cap_embedder'
]
/** The image embedder of a CLIP image branch (Wan2.1 I2V `img_emb`, diffusers `image_embedder`). */
const IMAGE_EMBEDDERS = ['img_emb', 'image_embedder']
/**
 * The attention projections of a CLIP image branch: Wan2.1 I2V's extra k/v in original and diffusers names
 * (`attn2.add_k_proj`; Flux's `attn.add_k_proj` is the text stream, hence the `attn2` qualifier).
 */
const IMAGE_BRANCH_PROJECTIONS = [
  'k_img',
  'v_img',
  'norm_k_img',
  'attn2.add_k_proj',
  'attn2.add_v_proj',
  'attn2.norm_added_k'
]
/** Top-level modules of the output head (the final norm / modulation and the projection). */
const OUTPUT_HEADS = ['head', 'final_layer', 'proj_out', 'norm_out', 'out.2', 'conv_out']
/** The output projection inside the head, most specific first: its out-features are the output channels. */
export const OUTPUT_PROJECTIONS: readonly string[] = [
  'head.head',
  'final_layer.linear',
  'final_layer.proj',
  'proj_out',
  'conv_out',
  'out.2',
  'head'
]
/** The UNet's resnet and sampler layers (LDM and diffusers names). */
const UNET_CONVOLUTIONS = [
  'in_layers',
  'out_layers',
  'emb_layers',
  'skip_connection',
  'resnets',
  'conv1',
  'conv2',
  'conv_shortcut',
  'time_emb_proj',
  'op',
  'downsamplers',
  'upsamplers',
  'conv'
]

const alternatives = (names: readonly string[], sep: string) =>
  names.map((n) => n.replace(/\./g, sep === '.' ? '\\.' : sep)).join('|')
/** A dotted path with one of `names` as a whole segment run. */
const segmentRe = (names: readonly string[]) =>
  new RegExp(`(?:^|\\.)(?:${alternatives(names, '.')})(?:\\.|$)`)
/** An underscored path (`_a_b_`) containing one of `names`; `top`: starting with it. */
const underscoredRe = (names: readonly string[], top = false) =>
  new RegExp(`${top ? '^' : ''}_(?:${alternatives(names, '_')})_`)

const PATCH_MODULE = segmentRe(PATCH_EMBEDDINGS)
const INPUT_MODULE = new RegExp(`^(?:${alternatives(INPUT_LAYERS, '.')})$`)
const CONTEXT_MODULE = segmentRe(CONTEXT_EMBEDDINGS)
const IMAGE_BRANCH = new RegExp(
  `(?:^|[._])(?:${[...IMAGE_EMBEDDERS, ...IMAGE_BRANCH_PROJECTIONS].map((n) => n.replace(/\./g, '[._]')).join('|')})(?:[._]|$)`
)
const IMAGE_EMBEDDER_U = underscoredRe(IMAGE_EMBEDDERS)
const OUTPUT_HEAD_U = underscoredRe(OUTPUT_HEADS, true)
const UNET_CONVOLUTION_U = underscoredRe(UNET_CONVOLUTIONS)

/** A module (dotted, without the leaf) that embeds the latent patches. */
export function isPatchEmbedding(module: string): boolean {
  return PATCH_MODULE.test(module)
}

/** A top-level module that is a model's first layer when no patch embedding is named (`conv_in`, `proj_in`). */
export function isInputLayer(module: string): boolean {
  return INPUT_MODULE.test(module)
}

/** A module (dotted) that embeds the text context. */
export function isContextEmbedding(module: string): boolean {
  return CONTEXT_MODULE.test(module)
}

/** A path (dotted or kohya-underscored) in a CLIP image branch: its embedder or its extra k/v projections. */
export function isImageBranchPath(path: string): boolean {
  return IMAGE_BRANCH.test(path)
}

/**
 * A modulation layer (adaLN): BFL's `img_mod.lin` / `txt_mod.lin` / `modulation.lin`, Wan's and DiT's `modulation` /
 * `adaLN_modulation`, diffusers' `norm1.linear` / `norm1_context.linear` / `norm.linear` / `norm_out.linear`;
 * dotted or kohya-underscored. Chroma keeps Flux's blocks without any of these.
 */
const MODULATION =
  /(?:^|[._])(?:mod|img_mod|txt_mod|modulation|adaln_modulation|adaLN_modulation)(?:[._]|$)|(?:^|[._])norm\w*?[._]linear(?:[._]|$)/

/** Whether a module path (dotted or underscored) is a modulation layer. */
export function isModulationPath(path: string): boolean {
  return MODULATION.test(path)
}

/** An underscored path inside the CLIP image embedder. */
export function isImageEmbedderUnderscored(u: string): boolean {
  return IMAGE_EMBEDDER_U.test(u)
}

/** An underscored path inside the output head (top-level). */
export function isOutputHeadUnderscored(u: string): boolean {
  return OUTPUT_HEAD_U.test(u)
}

/** An underscored path in a UNet resnet, sampler or convolution layer. */
export function isUnetConvolutionUnderscored(u: string): boolean {
  return UNET_CONVOLUTION_U.test(u)
}
