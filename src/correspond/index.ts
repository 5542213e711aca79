/**
 * The correspondence engine: given two key sets with shapes (and dtypes), which tensors of A are which tensors
 * of B (rename, reshape, split, fuse, reorder), each with a confidence and structured evidence. One engine for
 * compare, LoRA resolution and conversion. Works from structure, name words and shapes: no per-model tables.
 */
export { correspond } from './correspond.js'
export type * from './types.js'
