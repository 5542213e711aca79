/**
 * The data model every reader produces. A `Checkpoint` describes a file (or a folder of files) from its headers
 * only: no tensor data is ever read, so the description costs the same for a 10 MB and a 30 GB file.
 */

/** The container formats we can read. Detection is by content (see detect.ts), never by file extension. */
export type FormatName =
  | 'safetensors'
  | 'safetensors-sharded'
  | 'diffusers'
  | 'pytorch-zip'
  | 'pytorch-legacy'
  | 'gguf'
  | 'manifest'
  /** A plain pickle (`.pkl`): globals report, tensors only when it holds torch rebuild calls. */
  | 'pickle'

/** Where a tensor's bytes sit. Offsets are absolute within `file` (BigInt: 64-bit fields are never rounded). */
export interface ByteRange {
  /** The file holding the bytes: the checkpoint itself, a shard, or a zip record name inside a torch archive. */
  file: string
  start: bigint
  end: bigint
}

export interface TensorInfo {
  /** The full key, exactly as stored (after any diffusers component prefix, see `Checkpoint.components`). */
  name: string
  /** PyTorch order (GGUF dims are reversed on read). Each dim is a safe integer. */
  shape: number[]
  /**
   * safetensors dtype names for every format (F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL, F8_E4M3, F8_E5M2,
   * C64, ...); GGUF quantized types keep their ggml names (Q4_K, Q8_0, ...).
   */
  dtype: string
  /** Absent when the format does not place tensors at known offsets (a manifest). */
  byteRange?: ByteRange
}

export type GlobalTier = 'allowed' | 'unknown' | 'dangerous'

/** A global (module + qualified name) that a pickle imports. Nothing is ever executed; this is a report. */
export interface PickleGlobal {
  module: string
  name: string
  tier: GlobalTier
  /** The pickle it appeared in: a zip entry name (`archive/data.pkl`), `legacy:<n>`, or the file name. */
  where: string
  /** How many times the pickle imports it. */
  count: number
  /**
   * The object the name reaches when that is not `module.name`: a dotted name walked from its module
   * (`torch` + `os.system` reaches `os.system`), or a re-export (`torch.load` is `torch.serialization.load`).
   */
  resolvesTo?: string
}

/** One component of a diffusers folder (`model_index.json`), or one shard of a sharded checkpoint. */
export interface ComponentInfo {
  name: string
  /** Library and class from model_index.json, e.g. ["diffusers", "WanTransformer3DModel"]; absent for shards. */
  className?: [string, string]
  path: string
  format: FormatName
  tensorCount: number
}

export interface Checkpoint {
  /** The path the user gave (file, folder, index.json or manifest). */
  path: string
  format: FormatName
  /** Total size in bytes of every file read (apparent size; sparse files count in full). */
  bytes: number
  /** Every tensor, in file order (shards in index order). */
  tensors: TensorInfo[]
  /**
   * Free-form metadata: safetensors `__metadata__` (string to string), GGUF key/values (values made JSON-safe:
   * BigInt beyond 2^53 as decimal strings, long arrays summarised), torch `byteorder`/`version`, ...
   */
  metadata: Record<string, unknown>
  /** Globals imported by every pickle in the file, with their tier. Empty for formats without pickles. */
  globals: PickleGlobal[]
  /** For torch files: where the state dict was found in the pickled object, e.g. ["state_dict"] or []. */
  stateDictPath?: string[]
  /** Shards of a sharded checkpoint or components of a diffusers folder. */
  components?: ComponentInfo[]
  /** Problems that do not stop the read (a missing shard, a zip anomaly, an unknown global, ...). */
  warnings: string[]
}
