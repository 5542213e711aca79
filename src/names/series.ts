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
  return SECTION[word.toLowerCase()]
}
