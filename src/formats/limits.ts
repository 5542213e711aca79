/**
 * Every limit the readers apply, once, each with the reason for its value. A limit is far above anything a real
 * file needs and far below what would exhaust time or memory; going past one is a typed `CheckpointError` for that
 * file (SECURITY.md lists them for users). Readers import their group from here and may take overrides in their
 * options (tests and the fuzzer use small ones); nothing else defines a limit of its own.
 */

/** JSON files read whole: sharded indexes, diffusers `model_index.json`, manifests, any JSON a location is. */
export const JSON_LIMITS = Object.freeze({
  /**
   * Bytes of one JSON file. The largest real index (a weight_map of thousands of keys over hundreds of shards) is
   * a few MB and a manifest of a 1,500-tensor model about 300 KB; 64 MiB keeps the text and its parse bounded.
   */
  maxBytes: 64 * 1024 * 1024,
  /** Nesting depth. Real documents nest under 10 deep; the parser recurses per level, so depth is a stack risk. */
  maxDepth: 128
})

export const SAFETENSORS_LIMITS = Object.freeze({
  /** JSON header bytes: the reference implementation's own `MAX_HEADER_SIZE`, so we refuse what it refuses. */
  maxHeaderBytes: 100_000_000
})

/** Sharded checkpoints and diffusers folders. */
export const FOLDER_LIMITS = Object.freeze({
  /** Shards of one checkpoint. Published models have up to a few hundred; each shard costs an open and a read. */
  maxShards: 10_000,
  /** Components of one `model_index.json`. Pipelines have under 10. */
  maxComponents: 1000
})

export const MANIFEST_LIMITS = Object.freeze({
  /** Dimensions of one tensor in a manifest. Real tensors have at most 5; shapes are copied into every report. */
  maxDims: 64
})

/** GGUF headers (everything before the data section). */
export const GGUF_LIMITS = Object.freeze({
  /** Header, metadata and tensor infos together; the same cap as a safetensors header. */
  maxHeaderBytes: 100_000_000,
  /** Tensors of one file. Large LLM GGUFs hold a few thousand. */
  maxTensors: 1_000_000,
  /** Metadata key/value pairs. Real files hold tens, tokenizer arrays count as one. */
  maxKv: 1_000_000,
  /** Keys and tensor names (the spec caps keys at 65535 bytes; ComfyUI-GGUF names exceed ggml's 64). */
  maxNameBytes: 65_535,
  /** Elements of one metadata array: ggml's own `GGUF_MAX_ARRAY_ELEMENTS`. */
  maxArrayElements: 1 << 30,
  /** Arrays of arrays. ggml writes none nested; 8 leaves room and bounds the recursion. */
  maxArrayDepth: 8,
  /** ggml allows 4; ComfyUI-GGUF writes 5-D patch embeddings, @huggingface/gguf allows 8. */
  maxDims: 8
})

/** The zip container of a PyTorch file. */
export const ZIP_LIMITS = Object.freeze({
  /** Entries of one archive. A torch file has one per storage: tens of thousands for the largest models. */
  maxEntries: 1_000_000,
  /** Central directory bytes, read whole: about 100 bytes an entry, so this fits the entry cap. */
  maxCentralDirectoryBytes: 128 * 1024 * 1024
})

/** Pickles: read into memory whole, then run on a machine that never executes anything. */
export const PICKLE_LIMITS = Object.freeze({
  /** `data.pkl` of a zip file and the header pickles of a legacy file. A 14B model's `data.pkl` is a few MB. */
  maxZipPickleBytes: 1024 * 1024 * 1024,
  /** A plain pickle file (`.pkl`, a pickled `.bin`), which may hold its tensors' data inline. */
  maxPlainPickleBytes: 256 * 1024 * 1024,
  /** Opcodes of one pickle: a state dict costs about 20 per tensor. */
  maxOpcodes: 5_000_000,
  /** Memo entries (each holds a value alive). */
  maxMemo: 2_000_000,
  /** Values on the stack, all MARK levels together. */
  maxStack: 1_000_000,
  maxMarkDepth: 100_000,
  /** Length of one str/bytes argument. */
  maxStringBytes: 256 * 1024 * 1024,
  /** Byte length of a LONG1/LONG4 argument: parsing a huge one as a BigInt is quadratic. */
  maxLongBytes: 1024,
  /** Items of one list, dict or set. */
  maxContainerItems: 10_000_000,
  /**
   * Distinct globals one pickle may import. Each is kept in the scan record and judged once (a dotted name is
   * walked part by part); whole-module pickles import a few hundred.
   */
  maxGlobals: 10_000,
  /**
   * Estimated bytes of the objects one pickle builds when no file budget is given (a reader passes what is left
   * of the file's pickle memory budget, budget.ts).
   */
  maxHeldBytes: 256 * 1024 * 1024
})

/** Finding pickles where nothing says there is one (protocol 0/1 pickles have no marker; archives hide them). */
export const SCAN_LIMITS = Object.freeze({
  /** First bytes of a candidate given a trial run of the machine; grown x16 while its first argument is longer. */
  sniffBytes: 4096,
  /** Opcodes a protocol 0/1 trial must get through when it imports nothing: text rarely parses this far. */
  minPlainOpcodes: 8,
  /** How far a trial may read into an unknown file: as far as a plain pickle may be. */
  maxSniffBytes: 256 * 1024 * 1024,
  /** Bytes of an unknown file (a 7z archive) searched for PROTO markers: archives store small members first. */
  carveBytes: 1024 * 1024,
  /** PROTO markers tried in those bytes, each one bounded trial. */
  maxCarveTrials: 4096,
  /** Members of a tar archive walked (one 512-byte header read each). */
  maxTarMembers: 100_000,
  /** Parts of a dotted global walked; a longer name reaches no real object and is dangerous as it is. */
  maxDottedParts: 32
})

/** numpy `.npy` arrays (and `.npz` members): only an object array's pickle is ever read. */
export const NPY_LIMITS = Object.freeze({
  /** Header bytes; numpy itself refuses more than 10,000 by default. */
  maxHeaderBytes: 65_536,
  /** An object array's pickle, read whole like a plain pickle. */
  maxPickleBytes: 256 * 1024 * 1024
})

const MiB = 1024 * 1024

/**
 * Resource budgets (budget.ts): what one file, and all the files of a gate run, may cost. SECURITY.md gives the
 * measurements behind each value.
 */
export const BUDGET_LIMITS = Object.freeze({
  /**
   * Tensors one file may describe. The gate holds every artifact's description and analysis until its report
   * (about 3 KB a tensor, measured), and parsing a header of millions of entries takes seconds. The checkpoints
   * this tool is for hold a few thousand (SDXL 2.5k, Flux 1.5k, Wan 14B 1.1k; with optimizer state about 3x).
   */
  maxTensorsPerFile: 50_000,
  /**
   * Tensors the files of a run may hold at once: the gate holds its baseline for the whole run and each artifact
   * until it is judged (it keeps verdicts, not checkpoints), a few artifacts read at a time; `analyze FILE...` holds
   * every file until its output. Measured when the gate held every artifact to the end: 1,500 LoRAs of 300 tensors
   * (450,000) took 560 MB; checkpoint tensors cost more (about 1.5 GB at this value).
   */
  maxTensorsPerRun: 500_000,
  /**
   * Bytes inflated from compressed zip records of one file. torch.save stores records uncompressed; a deflated
   * pickle comes from re-zipping, and 1 MB can declare a GiB.
   */
  maxInflatedBytesPerFile: 64 * MiB,
  /** Bytes inflated over a run. */
  maxInflatedBytesPerRun: 512 * MiB,
  /**
   * Bytes the pickle machine may hold for one file: the pickle bytes read, the strings and containers it builds
   * (estimated from their sizes, strings included) and the tensor names made from them.
   */
  maxPickleBytesPerFile: 96 * MiB
})

/** The walk through an unpickled object looking for its state dict. */
export const STATE_DICT_LIMITS = Object.freeze({
  /** Nesting of the object (wrappers, `_modules` trees). The walk recurses per level. */
  maxDepth: 1000,
  /** Objects visited in all. */
  maxNodes: 20_000_000
})

/** Remote (HTTP, Hub) locations. */
export const REMOTE_LIMITS = Object.freeze({
  /** Bytes of one page of a Hub folder listing; a listing is small, more is a hostile or broken answer. */
  maxListingBytes: 16 * 1024 * 1024,
  /** Pages of one listing. */
  maxListingPages: 20,
  /** Probed sources waiting for their `open`; beyond this the oldest is dropped (it holds no handle). */
  maxPendingProbes: 256,
  /** The JSON part of one header-cache entry; cache files are untrusted, a bigger one is a miss. */
  maxCacheMetaBytes: 1 << 20,
  /** Byte ranges kept in one header-cache entry. */
  maxCacheSegments: 10_000,
  /**
   * Overall deadline of one remote file, from opening it: every request, retry and backoff together. A server
   * sending a byte a second resets every idle timer; this one it cannot.
   */
  deadlineMs: 120_000
})

/** Tensor data: read only for scalars (LoRA alphas), never for weights. */
export const TENSOR_DATA_LIMITS = Object.freeze({
  /** Tensors read in one call. A LoRA has one alpha per module: a few thousand at most. */
  maxTensors: 100_000,
  /** Bytes of one tensor read this way: a scalar is at most 8 bytes. */
  maxTensorBytes: 8
})
