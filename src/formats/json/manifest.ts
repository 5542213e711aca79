/**
 * The manifest: our own `analyze --json` output, and a checkpoint format in its own right, so a baseline can be
 * a small committed JSON file instead of a 30 GB download. schemas/manifest.schema.json describes it; the reader
 * below enforces the same rules by hand (with the strict JSON parser, so duplicate keys and rounded integers are
 * refused) because a manifest from a pull request is as untrusted as any checkpoint.
 *
 * Tensor order is part of the format (file order). A JS object enumerates integer-like keys ("0", "12") first
 * whatever the insertion order, so `toManifest` records the order under a symbol and `manifestToJson` writes the
 * JSON text itself; JSON.stringify of a manifest is still valid, only such keys may move.
 */
import { CheckpointError } from '../errors.js'
import {
  describeJsonType,
  isJsonNumber,
  isJsonObject,
  parseSafeNonNegativeInt,
  toPlain,
  type JsonObject,
  type JsonValue
} from './strict.js'
import { parseJsonFile } from '../folders/sharded.js'
import type { ByteSource } from '../source.js'
import type { Checkpoint, ComponentInfo, FormatName, GlobalTier, PickleGlobal, TensorInfo } from '../types.js'
import { JSON_LIMITS, MANIFEST_LIMITS } from '../limits.js'

export const MANIFEST_SCHEMA_VERSION = 1
export const MAX_MANIFEST_BYTES = JSON_LIMITS.maxBytes
export const MAX_MANIFEST_DIMS = MANIFEST_LIMITS.maxDims
/** Metadata keys `readManifest` adds; `toManifest` of such a checkpoint restores the original source from them. */
export const MANIFEST_META = {
  sourceFormat: 'manifest.sourceFormat',
  sourcePath: 'manifest.sourcePath',
  tool: 'manifest.tool'
} as const

export const FORMAT_NAMES: readonly FormatName[] = [
  'safetensors',
  'safetensors-sharded',
  'diffusers',
  'pytorch-zip',
  'pytorch-legacy',
  'pickle',
  'gguf',
  'manifest'
]
const TIERS: readonly GlobalTier[] = ['allowed', 'unknown', 'dangerous']

export interface ManifestTensor {
  shape: number[]
  dtype: string
}

export interface Manifest {
  schemaVersion: 1
  tool: { name: string; version: string }
  source: { path: string; format: FormatName; bytes: number }
  metadata: Record<string, unknown>
  /** Null-prototype object, in file order (see `manifestToJson`). */
  tensors: Record<string, ManifestTensor>
  globals: PickleGlobal[]
  warnings?: string[]
  stateDictPath?: string[]
  components?: ComponentInfo[]
  /**
   * The structure analysis `analyze --json` adds (src/analysis). Derived from the tensors, so a reader ignores it
   * (after checking it is an object) and analyses the tensors afresh.
   */
  structure?: unknown
}

const TENSOR_ORDER = Symbol('tensorOrder')

/** Describe a checkpoint as a manifest. A checkpoint read from a manifest gives back that manifest's source. */
export function toManifest(ckpt: Checkpoint, tool: { name: string; version: string }): Manifest {
  const tensors = Object.create(null) as Record<string, ManifestTensor>
  const order: string[] = []
  // Index loop, one lookup per key, slice() for the copy: this runs once per tensor in every `analyze --json`,
  // mostly in V8's interpreter (where for-of and spread step through the iterator protocol). A present entry is
  // never undefined, so `=== undefined` is the own-property test on this prototype-less object.
  const list = ckpt.tensors
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!
    if (tensors[t.name] === undefined) order.push(t.name)
    tensors[t.name] = { shape: t.shape.slice(), dtype: t.dtype }
  }
  Object.defineProperty(tensors, TENSOR_ORDER, { value: order, enumerable: false })
  const metadata = Object.create(null) as Record<string, unknown>
  let source: Manifest['source'] = { path: ckpt.path, format: ckpt.format, bytes: ckpt.bytes }
  const restored = new Set<string>()
  if (ckpt.format === 'manifest') {
    const fmt = ckpt.metadata[MANIFEST_META.sourceFormat]
    const path = ckpt.metadata[MANIFEST_META.sourcePath]
    if (typeof fmt === 'string' && (FORMAT_NAMES as readonly string[]).includes(fmt)) {
      source = {
        path: typeof path === 'string' ? path : ckpt.path,
        format: fmt as FormatName,
        bytes: ckpt.bytes
      }
      for (const k of Object.values(MANIFEST_META)) restored.add(k)
    }
  }
  for (const [k, v] of Object.entries(ckpt.metadata)) {
    if (restored.has(k)) continue
    const safe = jsonSafe(v, 0)
    if (safe !== undefined) metadata[k] = safe
  }
  const m: Manifest = {
    schemaVersion: 1,
    tool: { name: tool.name, version: tool.version },
    source,
    metadata,
    tensors,
    globals: ckpt.globals.map((g) => ({ ...g }))
  }
  if (ckpt.warnings.length > 0) m.warnings = [...ckpt.warnings]
  if (ckpt.stateDictPath !== undefined) m.stateDictPath = [...ckpt.stateDictPath]
  if (ckpt.components !== undefined) {
    m.components = ckpt.components.map((c) => ({
      ...c,
      ...(c.className ? { className: [...c.className] } : {})
    }))
  }
  return m
}

/** Metadata must be JSON: BigInt becomes a decimal string, non-finite numbers strings, functions are dropped. */
function jsonSafe(v: unknown, depth: number): unknown {
  if (depth > 64) return '[too deep]'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x, depth + 1) ?? null)
  if (typeof v === 'object') {
    const out = Object.create(null) as Record<string, unknown>
    for (const [k, x] of Object.entries(v as object)) {
      const s = jsonSafe(x, depth + 1)
      if (s !== undefined) out[k] = s
    }
    return out
  }
  return undefined
}

/** Several manifests (`analyze --json` of several files) as one JSON array, each written by `manifestToJson`. */
export function manifestsToJson(ms: readonly Manifest[], indent = 2): string {
  if (ms.length === 0) return '[]\n'
  const pad = ' '.repeat(indent)
  const items = ms.map((m) => pad + manifestToJson(m, indent).trimEnd().replace(/\n/g, `\n${pad}`))
  return `[\n${items.join(',\n')}\n]\n`
}

/**
 * The manifest as JSON text: tensors in file order, one tensor per line (baselines are committed, and one line
 * per tensor keeps their diffs readable); every other part pretty-printed with `indent`.
 */
export function manifestToJson(m: Manifest, indent = 2): string {
  const pad = ' '.repeat(indent)
  const s = (v: unknown): string => JSON.stringify(v, null, indent).replace(/\n/g, `\n${pad}`)
  const order =
    (m.tensors as unknown as Record<symbol, string[] | undefined>)[TENSOR_ORDER] ?? Object.keys(m.tensors)
  const lines: string[] = []
  const field = (k: string, v: string): void => void lines.push(`${pad}${JSON.stringify(k)}: ${v}`)
  field('schemaVersion', String(m.schemaVersion))
  field('tool', s(m.tool))
  field('source', s(m.source))
  field('metadata', s(m.metadata))
  const tensorLines = order.map((name) => {
    const t = m.tensors[name] as ManifestTensor
    return `${pad}${pad}${JSON.stringify(name)}: {"shape": [${t.shape.join(', ')}], "dtype": ${JSON.stringify(t.dtype)}}`
  })
  field('tensors', tensorLines.length === 0 ? '{}' : `{\n${tensorLines.join(',\n')}\n${pad}}`)
  field('globals', s(m.globals))
  if (m.warnings !== undefined) field('warnings', s(m.warnings))
  if (m.stateDictPath !== undefined) field('stateDictPath', s(m.stateDictPath))
  if (m.components !== undefined) field('components', s(m.components))
  if (m.structure !== undefined) field('structure', s(m.structure))
  return `{\n${lines.join(',\n')}\n}\n`
}

/** Read a manifest file as a checkpoint (format `manifest`, tensors without byte ranges). */
export async function readManifest(source: ByteSource): Promise<Checkpoint> {
  const file = source.name
  if (source.size > MAX_MANIFEST_BYTES) {
    throw new CheckpointError(
      'InvalidManifest',
      file,
      `${source.size} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes`
    )
  }
  const root = parseJsonFile(await source.read(0, source.size), file, 'InvalidManifest')
  const m = validateManifest(root, file)
  const metadata = Object.create(null) as Record<string, unknown>
  Object.assign(metadata, m.metadata)
  metadata[MANIFEST_META.sourceFormat] = m.source.format
  metadata[MANIFEST_META.sourcePath] = m.source.path
  metadata[MANIFEST_META.tool] = `${m.tool.name} ${m.tool.version}`
  const ckpt: Checkpoint = {
    path: file,
    format: 'manifest',
    bytes: m.source.bytes,
    tensors: m.tensorList,
    metadata,
    globals: m.globals,
    warnings: m.warnings ?? []
  }
  if (m.stateDictPath !== undefined) ckpt.stateDictPath = m.stateDictPath
  if (m.components !== undefined) ckpt.components = m.components
  return ckpt
}

type Validated = Omit<Manifest, 'tensors'> & { tensorList: TensorInfo[] }

const TOP_KEYS = [
  'schemaVersion',
  'tool',
  'source',
  'metadata',
  'tensors',
  'globals',
  'warnings',
  'stateDictPath',
  'components',
  'structure'
]

/** The schema's rules, checked on the strict parse tree. Every violation names its JSON path. */
export function validateManifest(root: JsonValue, file: string): Validated {
  const fail = (path: string, detail: string): never => {
    throw new CheckpointError('InvalidManifest', file, `${path}: ${detail}`)
  }
  const obj = (
    v: JsonValue | undefined,
    path: string,
    keys: readonly string[],
    required: readonly string[]
  ): JsonObject => {
    if (!isJsonObject(v)) return fail(path, `expected an object, found ${describeJsonType(v)}`)
    for (const k of v.keys()) if (!keys.includes(k)) fail(path, `unexpected property ${JSON.stringify(k)}`)
    for (const k of required) if (!v.has(k)) fail(path, `missing property ${JSON.stringify(k)}`)
    return v
  }
  const str = (v: JsonValue | undefined, path: string): string =>
    typeof v === 'string' ? v : fail(path, `expected a string, found ${describeJsonType(v)}`)
  const int = (v: JsonValue | undefined, path: string): number => {
    const n = isJsonNumber(v) ? parseSafeNonNegativeInt(v) : undefined
    return n !== undefined
      ? n
      : fail(path, `expected a non-negative integer up to 2^53-1, found ${String(v)}`)
  }
  const arr = (v: JsonValue | undefined, path: string): JsonValue[] =>
    Array.isArray(v) ? v : fail(path, `expected an array, found ${describeJsonType(v)}`)
  const strings = (v: JsonValue | undefined, path: string): string[] =>
    arr(v, path).map((x, i) => str(x, `${path}[${i}]`))
  const format = (v: JsonValue | undefined, path: string): FormatName => {
    const f = str(v, path)
    return (FORMAT_NAMES as readonly string[]).includes(f)
      ? (f as FormatName)
      : fail(path, `unknown format ${JSON.stringify(f)}`)
  }

  const top = obj(root, '$', TOP_KEYS, ['schemaVersion', 'tool', 'source', 'metadata', 'tensors', 'globals'])
  const version = top.get('schemaVersion')
  if (!isJsonNumber(version) || version.raw !== String(MANIFEST_SCHEMA_VERSION)) {
    fail('$.schemaVersion', `expected ${MANIFEST_SCHEMA_VERSION}, found ${String(version)}`)
  }
  const toolObj = obj(top.get('tool'), '$.tool', ['name', 'version'], ['name', 'version'])
  const tool = {
    name: str(toolObj.get('name'), '$.tool.name'),
    version: str(toolObj.get('version'), '$.tool.version')
  }
  const srcObj = obj(top.get('source'), '$.source', ['path', 'format', 'bytes'], ['path', 'format', 'bytes'])
  const source = {
    path: str(srcObj.get('path'), '$.source.path'),
    format: format(srcObj.get('format'), '$.source.format'),
    bytes: int(srcObj.get('bytes'), '$.source.bytes')
  }
  const metaValue = top.get('metadata')
  if (!isJsonObject(metaValue)) fail('$.metadata', `expected an object, found ${describeJsonType(metaValue)}`)
  const metadata = toPlain(metaValue as JsonObject) as Record<string, unknown>

  const tensorsValue = top.get('tensors')
  if (!isJsonObject(tensorsValue))
    fail('$.tensors', `expected an object, found ${describeJsonType(tensorsValue)}`)
  const tensorList: TensorInfo[] = []
  for (const [name, t] of tensorsValue as JsonObject) {
    const path = `$.tensors[${JSON.stringify(name)}]`
    const to = obj(t, path, ['shape', 'dtype'], ['shape', 'dtype'])
    const dims = arr(to.get('shape'), `${path}.shape`)
    if (dims.length > MAX_MANIFEST_DIMS) fail(`${path}.shape`, `more than ${MAX_MANIFEST_DIMS} dimensions`)
    const shape = dims.map((d, i) => int(d, `${path}.shape[${i}]`))
    const dtype = str(to.get('dtype'), `${path}.dtype`)
    if (dtype.length === 0 || dtype.length > 64) fail(`${path}.dtype`, 'expected 1 to 64 characters')
    tensorList.push({ name, shape, dtype })
  }

  const globals = arr(top.get('globals'), '$.globals').map((g, i): PickleGlobal => {
    const path = `$.globals[${i}]`
    const go = obj(
      g,
      path,
      ['module', 'name', 'tier', 'where', 'count'],
      ['module', 'name', 'tier', 'where', 'count']
    )
    const tier = str(go.get('tier'), `${path}.tier`)
    if (!(TIERS as readonly string[]).includes(tier))
      fail(`${path}.tier`, `unknown tier ${JSON.stringify(tier)}`)
    return {
      module: str(go.get('module'), `${path}.module`),
      name: str(go.get('name'), `${path}.name`),
      tier: tier as GlobalTier,
      where: str(go.get('where'), `${path}.where`),
      count: int(go.get('count'), `${path}.count`)
    }
  })
  const out: Validated = { schemaVersion: 1, tool, source, metadata, tensorList, globals }
  if (top.has('structure') && !isJsonObject(top.get('structure') as JsonValue)) {
    fail('$.structure', 'must be an object')
  }
  if (top.has('warnings')) out.warnings = strings(top.get('warnings'), '$.warnings')
  if (top.has('stateDictPath')) out.stateDictPath = strings(top.get('stateDictPath'), '$.stateDictPath')
  if (top.has('components')) {
    out.components = arr(top.get('components'), '$.components').map((c, i): ComponentInfo => {
      const path = `$.components[${i}]`
      const co = obj(
        c,
        path,
        ['name', 'className', 'path', 'format', 'tensorCount'],
        ['name', 'path', 'format', 'tensorCount']
      )
      const info: ComponentInfo = {
        name: str(co.get('name'), `${path}.name`),
        path: str(co.get('path'), `${path}.path`),
        format: format(co.get('format'), `${path}.format`),
        tensorCount: int(co.get('tensorCount'), `${path}.tensorCount`)
      }
      if (co.has('className')) {
        const cn = strings(co.get('className'), `${path}.className`)
        if (cn.length !== 2) fail(`${path}.className`, 'expected [library, class]')
        info.className = [cn[0] as string, cn[1] as string]
      }
      return info
    })
  }
  return out
}
