/**
 * Modulation chunk order: the one rule compare, LoRA resolution and convert share. An adaLN modulation is one
 * linear (or table) whose rows are equal chunks (shift, scale[, gate] per sublayer); the order is a convention of
 * the code that reads it, which no header shows. Two conventions are known and can be told from the names:
 *
 * - Modulations named as such (`adaLN_modulation`, `img_mod.lin`, `modulation`, `scale_shift_table`, `modF`), as
 *   the original releases (DiT, PixArt, SD3, Flux, Wan, HunyuanVideo, AuraFlow) name them: shift first
 *   (`shift, scale[, gate] = mod(c).chunk(n)`; PixArt / Wan `scale_shift_table` too, despite the words).
 * - A norm's own linear (`norm1.linear`, `norm.linear`, `norm_out.linear`, diffusers' AdaLayerNorm* modules):
 *   AdaLayerNormZero / AdaLayerNormZeroSingle (3 or 6 chunks) keep shift first, while AdaLayerNormContinuous (2
 *   chunks, diffusers normalization.py) splits `scale, shift` — which is why diffusers' converters swap the rows of
 *   `norm_out.linear` (`swap_scale_shift` in convert_flux / sd3 / aura_flow to diffusers).
 *
 * - Four chunks, under either naming: the RMSNorm modulations (scale and gate per sublayer, no shift), in the same
 *   order in the original releases and in diffusers.
 *
 * Any other naming of a modulation (a bare `t_block.1`, an unnamed Sequential) has no known order.
 */
import { keyWords, subwords } from './tokens.js'

export type Chunk = 'shift' | 'scale' | 'gate'

/** Words that name a modulation as such (not as a norm's linear); whole words and their subwords are read. */
const MODULATION_WORDS = new Set(['mod', 'modulation', 'modulations', 'adaln', 'modf', 'shift'])
const NORM_WORDS = new Set(['norm', 'ln', 'layernorm'])
const LINEAR_WORDS = new Set(['linear', 'lin'])

function wordsOf(path: string): string[] {
  const out: string[] = []
  for (const w of keyWords(path)) {
    if (w.index !== undefined) out.push(w.text)
    else out.push(w.text, ...subwords(w.text))
  }
  return out.map((w) => w.toLowerCase())
}

/**
 * Chunks of `n` in the order every known original release uses: shift first for LayerNorm modulations; four chunks
 * are the RMSNorm ones, which have no shift (`scale_msa, gate_msa, scale_mlp, gate_mlp`: Mochi's `mod_x`,
 * Lumina-Image 2.0's and NextDiT's `adaLN_modulation`, and diffusers' MochiRMSNormZero / LuminaRMSNormZero
 * `norm1.linear`, which their converters copy row for row).
 */
function shiftFirst(n: number): Chunk[] | undefined {
  if (n === 2) return ['shift', 'scale']
  if (n === 4) return ['scale', 'gate', 'scale', 'gate']
  if (n > 0 && n % 3 === 0 && n <= 18) {
    const out: Chunk[] = []
    for (let i = 0; i < n; i += 3) out.push('shift', 'scale', 'gate')
    return out
  }
  return undefined
}

/**
 * The chunks a modulation stores, in row order, from its path (layer path, without `.weight`) and its chunk count;
 * undefined when the naming is not one of the known conventions.
 */
export function modulationChunks(path: string, n: number): Chunk[] | undefined {
  const words = wordsOf(path)
  if (words.some((w) => MODULATION_WORDS.has(w))) return shiftFirst(n)
  const norm = words.some((w) => NORM_WORDS.has(w) || w.endsWith('norm'))
  if (norm && words.some((w) => LINEAR_WORDS.has(w))) {
    // AdaLayerNormContinuous: (scale, shift); AdaLayerNormZero / ZeroSingle: the original order.
    return n === 2 ? ['scale', 'shift'] : shiftFirst(n)
  }
  return undefined
}

/**
 * How many equal chunks a modulation's rows hold, from its shape without size-1 dims: a linear [n * D, D] holds n,
 * a table [n, D] holds n. 0 when the shape says nothing.
 */
export function chunkCount(squeezed: readonly number[]): number {
  if (squeezed.length !== 2) return 0
  const [rows, cols] = [squeezed[0]!, squeezed[1]!]
  if (rows >= cols && cols > 0 && rows % cols === 0) return rows / cols
  return rows <= 18 ? rows : 0
}

export type ChunkOrder =
  /** Same order on both sides: a plain rename. */
  | { kind: 'same'; chunks: Chunk[] }
  /** Known, different orders: `order[i]` is the chunk of A that B's chunk i holds. */
  | { kind: 'reorder'; chunks: Chunk[]; order: number[] }
  /** One side's order is not known: the rows cannot be called exact. */
  | { kind: 'unknown'; chunks: string[] }

/** The chunk order between two modulations of `n` chunks each (A's path, B's path). */
export function chunkOrder(aPath: string, bPath: string, n: number): ChunkOrder {
  const a = modulationChunks(aPath, n)
  const b = modulationChunks(bPath, n)
  if (!a || !b) return { kind: 'unknown', chunks: shiftFirst(n) ?? ['shift', 'scale', 'gate'] }
  if (a.join() === b.join()) return { kind: 'same', chunks: a }
  // Chunk names repeat per sublayer (shift, scale, gate, shift, ...): take each of B's from the same group in A.
  const used = new Set<number>()
  const order: number[] = []
  for (const c of b) {
    const i = a.findIndex((x, k) => x === c && !used.has(k))
    if (i < 0) return { kind: 'unknown', chunks: a }
    used.add(i)
    order.push(i)
  }
  return { kind: 'reorder', chunks: a, order }
}
