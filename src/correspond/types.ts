/** The correspondence between two key sets: which tensors of A are which tensors of B, and how to convert. */

export interface TensorSpec {
  name: string
  shape: readonly number[]
  dtype?: string
}

export interface CorrespondOptions {
  /**
   * 'a': A is only part of a network (e.g. the weights a LoRA patches: some layers, no biases or norms), so B keys
   * without counterpart are expected and block alignment tolerates missing units on A's side.
   */
  partial?: 'none' | 'a'
}

/**
 * `broadcast`: one A tensor copied into several B tensors (one per block of a series); `collapse`: the reverse,
 * several equal copies in A taken as B's one tensor (broadcast.ts).
 */
export type LinkKind =
  'rename' | 'reshape' | 'split' | 'fuse' | 'reorder' | 'transpose' | 'broadcast' | 'collapse'
export type LinkConfidence = 'high' | 'medium' | 'low'

/** A dim-0 row range, end exclusive. */
export interface RowRange {
  start: number
  end: number
}

/** Why the engine links two keys: structured, worded by the renderers. */
export type Evidence =
  /** Same key (after known wrapper prefixes) and shape on both sides. */
  | { kind: 'same-name' }
  /** The same words after tokenization (kohya underscores vs dots, letter case). */
  | { kind: 'same-tokens' }
  /**
   * Both sit in blocks the engine aligned: `series` on each side, block `index` on each side; `names`: the two
   * blocks as stored (`blocks.3`, `transformer_blocks.3`).
   */
  | { kind: 'block-aligned'; series: [string, string]; index: [string, string]; names?: [string, string] }
  /**
   * Among equal-shaped candidates, the only one on each side whose own name (the path's last segment) is `name`
   * (`cls_token` and `embeddings.cls_token`).
   */
  | { kind: 'same-layer-name'; name: string }
  /** The only tensor(s) of this shape among the aligned block's unmatched ones. */
  | { kind: 'unique-shape'; shape: number[] }
  /** The names read as the same role (`role` e.g. `q`, `norm`, `ffn-in`), stream and place in the block. */
  | { kind: 'same-role'; role: string; stream?: string; position?: number }
  /**
   * The stream of a joint attention's numbered projection set (`w1q`: number 1) read by the joint-attention
   * convention: the first stream is the context (see correspond/numbered-streams.ts). A convention, not a name.
   */
  | { kind: 'numbered-stream'; number: number; stream: string }
  /** Equal-shaped tensors of one role taken in the order their names give (ordinals, in/out, gate before up). */
  | { kind: 'role-order'; role: string; rank: number }
  /** Rows of a fused tensor: its parts' rows sum exactly (`parts` the role names in row order). */
  | { kind: 'rows-sum'; parts: string[]; rows: number }
  /**
   * Rows of a fused tensor of `of` parts (role names in row order), of which only `parts` have a separate
   * counterpart (the layers a LoRA trains): the link does not cover the whole fused tensor. The parts are equal
   * unless `sizes` gives each one's rows in row order (a grouped-query q|k|v: k and v equal, q a multiple).
   */
  | { kind: 'rows-share'; parts: string[]; of: string[]; rows: number; sizes?: number[] }
  /** The last pair of this shape once the other `of - 1` pairs are placed by their names or places. */
  | { kind: 'last-of-shape'; shape: number[]; of: number }
  /** In modules other high links join one to one (`modules` on each side), the only layers of this shape left. */
  | { kind: 'same-module'; modules: [string, string] }
  /** Same element count under another shape (1x1 conv vs linear). */
  | { kind: 'same-numel'; shapes: [number[], number[]] }
  /** The names say the chunks are stored in another order (`order[i]` = chunk of A that B's chunk i is). */
  | { kind: 'chunk-order'; chunks: string[]; order: number[] }
  /**
   * A projection held as a bare parameter (`x @ P`, stored [in, out]) against a Linear's weight ([out, in]): the
   * transpose (transpose.ts). `square`: the shapes cannot show it; the convention says so.
   */
  | { kind: 'projection-transpose'; square: boolean }
  /** One layer at the same place of each of the `copies` blocks of `series` on one side (broadcast.ts). */
  | { kind: 'copied-per-block'; series: string; copies: number }
  /** The names read as different roles (`roles` on A and B): proposed by shape alone, for a person to verify. */
  | { kind: 'roles-differ'; roles: [string, string] }
  /** Paired by position among candidates that the names could not separate (medium at most). */
  | { kind: 'position-only' }

export interface Link {
  kind: LinkKind
  /** A keys (raw, as stored). fuse: several, in row order. */
  a: string[]
  /** B keys (raw). split: several, in row order. */
  b: string[]
  /** split: the dim-0 row range of a[0] each b[i] takes; fuse: the row range of b[0] each a[i] fills. */
  rows?: RowRange[]
  confidence: LinkConfidence
  evidence: Evidence[]
  /** Equal-sized chunks whose order headers cannot verify (q/k/v order, shift/scale vs scale/shift, gate/up). */
  ambiguity?: { kind: string; chunks: string[] }
}

export interface Correspondence {
  links: Link[]
  unmatched: { a: string[]; b: string[] }
}
