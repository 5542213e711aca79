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

/** Rank of a section word (0 before, 1 middle, 2 after), or undefined for a word that names no section. */
export function sectionRank(word: string): number | undefined {
  const w = word.toLowerCase()
  const r = SECTION[w]
  if (r !== undefined) return r
  // Resampling stages name their direction: `downsamples` / `downsamplers` run on the way down, `upsamples` up.
  const m = /^(down|up)sampl(?:e|es|er|ers|ing)$/.exec(w)
  return m ? (m[1] === 'down' ? 0 : 2) : undefined
}
