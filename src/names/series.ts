/**
 * Block series vocabulary: where a series sits in the network. Encoders / down / input paths run before the
 * middle, which runs before decoders / up / output paths (UNet and VAE layouts, LDM and diffusers alike), so a
 * flat `input_blocks.N` and a nested `down_blocks.i.resnets.j` order the same way.
 */
import { lookupTable } from '../lookup.js'

const SECTION = lookupTable<number>({
  encoder: 0,
  enc: 0,
  down: 0,
  input: 0,
  mid: 1,
  middle: 1,
  decoder: 2,
  dec: 2,
  up: 2,
  output: 2
})

/** Words already ranked (the same few words recur in every key); `null` for a word that names no section. */
const RANKED = new Map<string, number | null>()
/** Bound on the memo: a hostile file's distinct words beyond it are ranked each time, never kept. */
const MAX_RANKED = 4096

/** Rank of a section word (0 before, 1 middle, 2 after), or undefined for a word that names no section. */
export function sectionRank(word: string): number | undefined {
  const known = RANKED.get(word)
  if (known !== undefined) return known ?? undefined
  const r = rankOf(word)
  if (RANKED.size < MAX_RANKED) RANKED.set(word, r ?? null)
  return r
}

function rankOf(word: string): number | undefined {
  const w = word.toLowerCase()
  const r = SECTION[w]
  if (r !== undefined) return r
  // Resampling stages name their direction: `downsamples` / `downsamplers` run on the way down, `upsamples` up.
  const m = /^(down|up)sampl(?:e|es|er|ers|ing)$/.exec(w)
  return m ? (m[1] === 'down' ? 0 : 2) : undefined
}

/**
 * Containers whose numbered children are the blocks of a network, in every naming the project reads: DiT / video
 * (`blocks`, `double_blocks`, `single_transformer_blocks`, `joint_blocks`, ...), UNet LDM (`input_blocks`,
 * `middle_block`, `output_blocks`) and diffusers (`down_blocks`, `up_blocks`), CLIP (`resblocks`), LLMs (`layers`).
 * Longest names first, so an alternation built from the list prefers `single_transformer_blocks` to `blocks`.
 */
export const BLOCK_SERIES: readonly string[] = [
  'single_transformer_blocks',
  'transformer_blocks',
  'double_blocks',
  'single_blocks',
  'joint_blocks',
  'input_blocks',
  'output_blocks',
  'middle_block',
  'down_blocks',
  'vace_blocks',
  'up_blocks',
  'resblocks',
  'blocks',
  'layers'
]

/**
 * The last word of each series name (`blocks`, `block`, `resblocks`, `layers`): the loose reading of a series,
 * where any container named with one of them (`noise_refiner_blocks`, T5's `block`) counts, for grouping the
 * paths of a model the list above does not name.
 */
export const SERIES_LAST_WORDS: readonly string[] = [
  ...new Set(BLOCK_SERIES.map((s) => s.slice(s.lastIndexOf('_') + 1)))
]

/**
 * Containers whose numbered children are blocks even when only one is present: the series above and the nested
 * ones (diffusers `resnets` / `attentions`, GGUF `blk`, GPT-2 `h`, BERT `layer`).
 */
export const BLOCK_CONTAINER_NAMES: ReadonlySet<string> = new Set([
  ...BLOCK_SERIES,
  'resnets',
  'attentions',
  'blk',
  'h',
  'layer'
])

/** A container that no list above names but whose name ends like a series (`controlnet_down_blocks`). */
const SERIES_NAME_END = /(?:^|_)(?:blocks|layers)$/

/**
 * True for the name of a numbered container of blocks: a known one, or one whose name ends in `blocks` / `layers`
 * (`controlnet_down_blocks`, `transformer_layers`). Its index says nothing of the layer inside.
 */
export function isBlockContainerName(name: string): boolean {
  return BLOCK_CONTAINER_NAMES.has(name) || SERIES_NAME_END.test(name)
}

const SERIES_ALTERNATION = BLOCK_SERIES.join('|')

/**
 * A known series and its index in an underscored path with `_` at both ends (`_blocks_3_self_attn_q_`): the
 * first, outermost one. Group 1 is the series, group 2 the index.
 */
export const SERIES_IN_UNDERSCORED = new RegExp(`_(${SERIES_ALTERNATION})_(\\d{1,6})_`)

/**
 * A known series with a nonzero index, in the underscored form: the index a per-path cache may fold away (every
 * block of a series reads the same).
 */
export const NONZERO_SERIES_INDEX = new RegExp(`_(${SERIES_ALTERNATION})_[1-9]\\d*(?=_)`, 'g')

/**
 * A known series at the start of a kohya key's first segment, or after an underscore
 * (`lora_unet_blocks_0_self_attn_q`): group 1 series, group 2 index, group 3 the rest.
 */
export const SERIES_IN_KOHYA_SEGMENT = new RegExp(`(?:^|_)(${SERIES_ALTERNATION})_(\\d{1,9})_(.+)$`)

/**
 * The first `_N_` of an underscored path splits it into series, index and the path inside the block: the outermost
 * numbered container (`double_blocks_3_img_attn_qkv` -> `double_blocks`, 3, `img_attn_qkv`), whatever its name;
 * family rules ask for the series they know by name.
 */
export const FIRST_INDEX = /^(.+?)_(\d{1,9})_(.+)$/

/**
 * SERIES_IN_UNDERSCORED read on a path as it is: `.` and `_` both separate words, and the path's ends stand for the
 * underscores the underscored form puts around it. Same first match, without building the underscored form (this
 * runs for every module path of a LoRA and every entry of a base).
 */
const SERIES_IN_PATH = new RegExp(
  `(?:^|[._])(${BLOCK_SERIES.map((s) => s.replaceAll('_', '[._]')).join('|')})[._](\\d{1,6})(?:[._]|$)`
)

/** The block a module path sits in (first, outermost known series), dotted or kohya: `{series:'blocks', index:3}`. */
export function blockOf(path: string): { series: string; index: number } | undefined {
  const m = SERIES_IN_PATH.exec(path)
  if (!m) return undefined
  const series = m[1]!
  return { series: series.includes('.') ? series.replaceAll('.', '_') : series, index: Number(m[2]) }
}
