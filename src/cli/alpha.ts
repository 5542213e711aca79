/**
 * Alpha values of a LoRA: the one place the CLI reads tensor *data*, and only when asked (`--read-alpha`, and
 * `convert`, which must keep alpha/rank exact). Which tensors are alphas is decided here; the bytes are read by
 * formats/tensor-data.ts through the `open` the LoRA itself was read with, so a LoRA given by URL has its alphas
 * read over HTTP too.
 */
import { TENSOR_DATA_LIMITS } from '../formats/limits.js'
import { isReadableScalar, readScalars, type FileOpener } from '../formats/tensor-data.js'
import type { Checkpoint } from '../formats/types.js'
import { SUFFIX } from '../names/adapters.js'

/** An alpha or alpha_scale tensor (the adapter suffixes of src/names). */
function isAlpha(name: string): boolean {
  return name.endsWith(SUFFIX.alpha) || name.endsWith(SUFFIX.alphaScale)
}

/**
 * Values of the scalar alpha / alpha_scale tensors of a safetensors LoRA. `open` opens a tensor's file. A file
 * with more alpha tensors than the limit (a hostile one could list millions) gets none read: the analysis then
 * falls back to the metadata's network_alpha, as without `--read-alpha`.
 */
export async function readAlphaScalars(ckpt: Checkpoint, open: FileOpener): Promise<Map<string, number>> {
  if (!dataInOwnFiles(ckpt)) return new Map()
  const wanted = ckpt.tensors.filter((t) => isAlpha(t.name) && isReadableScalar(t))
  if (wanted.length === 0 || wanted.length > TENSOR_DATA_LIMITS.maxTensors) return new Map()
  return readScalars(wanted, open)
}

/** safetensors, alone or in shards: a tensor's `byteRange.file` is a file to open (in a torch zip it is a record). */
function dataInOwnFiles(ckpt: Checkpoint): boolean {
  if (ckpt.format === 'safetensors') return true
  return (
    ckpt.format === 'safetensors-sharded' && (ckpt.components ?? []).every((c) => c.format === 'safetensors')
  )
}
