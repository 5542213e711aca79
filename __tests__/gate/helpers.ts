/** Hand-made checkpoints and engine results for the gate's unit tests (the real engines are tested elsewhere). */
import type { Checkpoint, PickleGlobal } from '../../src/formats/types.js'
import type { CompareView, GateEngines, LoraModuleView, LoraView } from '../../src/gate/types.js'

export function ckpt(
  path: string,
  opts: {
    names?: string[]
    globals?: PickleGlobal[]
    warnings?: string[]
    format?: Checkpoint['format']
  } = {}
): Checkpoint {
  const names = opts.names ?? ['blocks.0.self_attn.q.weight']
  return {
    path,
    format: opts.format ?? 'safetensors',
    bytes: 1000,
    tensors: names.map((name) => ({ name, shape: [4, 4], dtype: 'BF16' })),
    metadata: {},
    globals: opts.globals ?? [],
    warnings: opts.warnings ?? []
  }
}

/** A LoRA view where `failing` of `total` modules (spread over blocks) do not load. */
export function loraView(total: number, failing: number, blocks = 8): LoraView {
  const modules: LoraModuleView[] = []
  for (let i = 0; i < total; i++) {
    const bad = i < failing
    modules.push({
      name: `blocks.${i % blocks}.self_attn.q${i}`,
      status: bad ? 'shape-mismatch' : 'loadable',
      block: i % blocks,
      layerKind: i % 2 === 0 ? 'self-attn' : 'ffn',
      ...(bad
        ? { detail: 'lora [16, 5120] vs base [1536, 1536]' }
        : { target: `blocks.${i % blocks}.q.weight` })
    })
  }
  const loadable = total === 0 ? 0 : (100 * (total - failing)) / total
  return {
    convention: 'kohya',
    moduleCount: total,
    checkedCount: total,
    loadable,
    modules,
    baselineBlocks: blocks,
    flags: [],
    document: { kind: 'lora', total }
  }
}

export function compareView(mapped: number, opts: Partial<CompareView> = {}): CompareView {
  return {
    figures: { exact: Math.max(0, mapped - 20), normalized: Math.max(0, mapped - 5), mapped },
    tier: mapped > 80 ? 'compatible' : mapped >= 30 ? 'partial' : 'incompatible',
    shapes: { matching: 10, mismatched: 0, examples: [] },
    flags: [],
    unmatched: { artifact: [], baseline: [], artifactTotal: 0, baselineTotal: 0 },
    sampleMappings: [],
    document: { kind: 'mapping', mapped },
    ...opts
  }
}

/** Engines keyed by artifact path: a path in `loras` is a LoRA with that view, otherwise a checkpoint. */
export function fakeEngines(
  loras: Record<string, LoraView>,
  compares: Record<string, CompareView> = {}
): GateEngines {
  return {
    isLora: (c) => c.path in loras,
    resolveLora: (c) => loras[c.path],
    compare: (c) => {
      const v = compares[c.path]
      if (!v) throw new Error(`no compare view for ${c.path}`)
      return v
    }
  }
}

export const TOOL = { name: 'model-compat', version: '0.0.0-test' }
