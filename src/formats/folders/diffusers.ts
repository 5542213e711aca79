/**
 * Diffusers pipeline folders: `model_index.json` names components (`"transformer": ["diffusers",
 * "WanTransformer3DModel"]`), each a sub-folder holding its weights as an index + shards, a folder of shards, or
 * one `diffusion_pytorch_model.safetensors` / `model.safetensors` (docs/reference/formats.md §1.6). Every component's tensors
 * are prefixed `<component>.`, which is also how diffusers names LoRA keys (`transformer.blocks.0...`), so a
 * pipeline compares directly against a LoRA. Components without weights (scheduler, tokenizer) are skipped.
 */
import { CheckpointError } from '../errors.js'
import { isPlainName, localFileAccess, readSmallFile, type FileAccess } from '../file-access.js'
import { describeJsonType, isJsonObject, toPlain } from '../json/strict.js'
import { readSafetensors } from '../safetensors/read.js'
import {
  listNames,
  parseJsonFile,
  parseShardFilename,
  readShardFolder,
  readShardedIndex,
  type ShardReadOptions
} from './sharded.js'
import type { Checkpoint, ComponentInfo, TensorInfo } from '../types.js'
import { FOLDER_LIMITS, JSON_LIMITS } from '../limits.js'

export const MAX_MODEL_INDEX_BYTES = JSON_LIMITS.maxBytes
export const MAX_COMPONENTS = FOLDER_LIMITS.maxComponents

export interface DiffusersReadOptions extends ShardReadOptions {
  /** Weights variant to prefer (`fp16` reads `diffusion_pytorch_model.fp16.safetensors`). */
  variant?: string
}

const WEIGHT_BASES = ['diffusion_pytorch_model', 'model']

type WeightsLayout =
  | { kind: 'index'; file: string; variant?: string }
  | { kind: 'single'; file: string; variant?: string }
  | { kind: 'shards' }

/** Read a diffusers pipeline folder (the folder holding `model_index.json`). */
export async function readDiffusersFolder(dir: string, opts: DiffusersReadOptions = {}): Promise<Checkpoint> {
  const fs = opts.fs ?? localFileAccess
  const indexPath = fs.join(dir, 'model_index.json')
  const { bytes, size } = await readSmallFile(fs, indexPath, MAX_MODEL_INDEX_BYTES, 'InvalidModelIndex')
  const root = parseJsonFile(bytes, indexPath, 'InvalidModelIndex')
  if (!isJsonObject(root)) {
    throw new CheckpointError(
      'InvalidModelIndex',
      indexPath,
      `expected a JSON object, found ${describeJsonType(root)}`
    )
  }
  const metadata = Object.create(null) as Record<string, unknown>
  const declared: Array<{ name: string; className: [string, string] }> = []
  for (const [key, value] of root) {
    // Components are [library, class] pairs; `_class_name`, `_diffusers_version` and pipeline options
    // (`boundary_ratio`, `requires_safety_checker`, ...) are kept as metadata.
    if (!key.startsWith('_') && Array.isArray(value) && value.length === 2) {
      const [lib, cls] = value
      if (lib === null && cls === null) continue // an optional component left out of this pipeline
      if (typeof lib === 'string' && typeof cls === 'string') {
        if (!isPlainName(key) || key.startsWith('.')) {
          throw new CheckpointError(
            'InvalidModelIndex',
            indexPath,
            `component name ${JSON.stringify(key)} is not a folder name`
          )
        }
        declared.push({ name: key, className: [lib, cls] })
        if (declared.length > MAX_COMPONENTS) {
          throw new CheckpointError('InvalidModelIndex', indexPath, `more than ${MAX_COMPONENTS} components`)
        }
        continue
      }
    }
    metadata[`model_index.${key}`] = toPlain(value)
  }

  const tensors: TensorInfo[] = []
  const components: ComponentInfo[] = []
  const warnings: string[] = []
  const globals: Checkpoint['globals'] = []
  let total = size
  for (const { name, className } of declared) {
    const sub = fs.join(dir, name)
    if ((await fs.kind(sub)) !== 'dir') {
      warnings.push(`MissingShard: component ${name} (${className.join('.')}) has no folder`)
      continue
    }
    const files = await fs.list(sub)
    const layout = findWeights(files, opts.variant)
    if (layout === undefined) {
      const pickles = files.filter((f) => /\.(bin|pt|pth|ckpt)$/.test(f) || f.endsWith('.bin.index.json'))
      if (pickles.length > 0) {
        warnings.push(`component ${name} has only PyTorch pickle weights (${listNames(pickles)}); not read`)
      }
      continue
    }
    if ('variant' in layout && layout.variant !== undefined && layout.variant !== opts.variant) {
      warnings.push(`component ${name}: only variant weights found; read ${layout.file}`)
    }
    const ckpt = await readComponent(sub, layout, fs, opts)
    total += ckpt.bytes
    const path = layout.kind === 'shards' ? sub : fs.join(sub, layout.file)
    components.push({ name, className, path, format: ckpt.format, tensorCount: ckpt.tensors.length })
    for (const t of ckpt.tensors) tensors.push({ ...t, name: `${name}.${t.name}` })
    for (const [k, v] of Object.entries(ckpt.metadata)) metadata[`${name}.${k}`] = v
    for (const w of ckpt.warnings) warnings.push(`${name}: ${w}`)
    globals.push(...ckpt.globals)
  }
  if (components.length === 0) {
    throw new CheckpointError(
      'InvalidModelIndex',
      indexPath,
      declared.length === 0
        ? 'model_index.json declares no components'
        : `none of the ${declared.length} components (${listNames(declared.map((d) => d.name))}) has safetensors weights`
    )
  }
  return { path: dir, format: 'diffusers', bytes: total, tensors, metadata, globals, components, warnings }
}

/** Pick a component's weights: index, then single file, then shards; plain names before variants. */
export function findWeights(files: readonly string[], variant?: string): WeightsLayout | undefined {
  const have = new Set(files)
  const variants = variant !== undefined ? [variant, undefined] : [undefined]
  for (const v of variants) {
    for (const base of WEIGHT_BASES) {
      const file = v === undefined ? `${base}.safetensors.index.json` : `${base}.safetensors.index.${v}.json`
      if (have.has(file)) return { kind: 'index', file, variant: v }
    }
    for (const base of WEIGHT_BASES) {
      const file = v === undefined ? `${base}.safetensors` : `${base}.${v}.safetensors`
      if (have.has(file)) return { kind: 'single', file, variant: v }
    }
  }
  if (files.some((f) => parseShardFilename(f) !== undefined)) return { kind: 'shards' }
  // Only variant files (e.g. a repo that ships fp16 alone): take the first, sorted, and say so.
  for (const base of WEIGHT_BASES) {
    const re = new RegExp(`^${base}\\.safetensors\\.index\\.([A-Za-z0-9_-]+)\\.json$`)
    const idx = files.filter((f) => re.test(f)).sort()[0]
    if (idx !== undefined) return { kind: 'index', file: idx, variant: (re.exec(idx) as RegExpExecArray)[1] }
  }
  for (const base of WEIGHT_BASES) {
    const re = new RegExp(`^${base}\\.([A-Za-z0-9_-]+)\\.safetensors$`)
    const single = files.filter((f) => re.test(f)).sort()[0]
    if (single !== undefined)
      return { kind: 'single', file: single, variant: (re.exec(single) as RegExpExecArray)[1] }
  }
  return undefined
}

async function readComponent(
  sub: string,
  layout: WeightsLayout,
  fs: FileAccess,
  opts: ShardReadOptions
): Promise<Checkpoint> {
  if (layout.kind === 'index') return readShardedIndex(fs.join(sub, layout.file), opts)
  if (layout.kind === 'shards') return readShardFolder(sub, opts)
  const source = await fs.open(fs.join(sub, layout.file))
  try {
    return await (opts.readShard ?? readSafetensors)(source)
  } finally {
    await source.close().catch(() => undefined)
  }
}
