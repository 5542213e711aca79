/**
 * The diffusers profile: a LoRA through `load_lora_weights` of the pipeline its base belongs to (the rules in
 * diffusers.ts). The file first goes through the converter `lora_state_dict` selects (a converter that meets a
 * key it cannot rename fails the whole file); what is left must carry the pipeline's prefix and name a module of
 * the diffusers model, where PEFT loads it. PEFT refuses the whole file on any size mismatch.
 */
import { SUFFIX } from '../../names/adapters.js'
import type { ModuleResolution } from '../types.js'
import {
  PEFT_EXTRAS,
  PEFT_PAIRS,
  PIPELINES,
  TEXT_ENCODER_PREFIXES,
  type Converter,
  type FileFacts
} from './diffusers.js'
import type { Landing } from './landing.js'
import type { ModuleFacts, RuntimeArch } from './subject.js'
import type { ModuleVerdict } from './verdict.js'

const RUNTIME = 'diffusers'

export interface DiffusersInput {
  arch: RuntimeArch
  facts: readonly ModuleFacts[]
  /** Where each module lands on the base, and whether it lands there under its diffusers name. */
  landings: readonly (Landing | null)[]
  file: FileFacts
  /** Keys the analysis could not read as adapter tensors. */
  unknownKeys: readonly string[]
  /**
   * Per module: it patches a component the base does not hold (a text encoder beside a transformer-only base). The
   * pipeline hands those to that component's own adapter, so they take no part in the denoiser's.
   */
  elsewhere?: readonly boolean[]
}

export interface DiffusersResult {
  verdicts: ModuleVerdict[]
  fileError?: string
  notes: string[]
}

function base(f: ModuleFacts): ModuleResolution {
  return { stem: f.module.stem, path: f.module.path, status: 'unresolved', shapes: {} }
}

function dropped(f: ModuleFacts, why: string, cause: string): ModuleVerdict {
  const r = base(f)
  r.reason = `${RUNTIME}: not loaded: ${why}`
  r.runtimeLoads = false
  return { r, cause: `${RUNTIME}: ${cause}` }
}

function pairOf(f: ModuleFacts): boolean {
  return PEFT_PAIRS.some((p) => f.suffixes.has(p.down) && f.suffixes.has(p.up))
}

/** A module that reached PEFT: loads when it lands on a module of that name with fitting shapes. */
function peft(f: ModuleFacts, landing: Landing | null, viaConverter: Converter | null): ModuleVerdict {
  const r = base(f)
  const how = viaConverter ? ` (renamed by ${viaConverter.source.split(' ').pop()})` : ''
  if (!landing) {
    r.reason = `${RUNTIME}: not loaded: no module ${f.module.path} in the diffusers model${how}; PEFT reports it as an unexpected key`
    r.runtimeLoads = false
    return { r, cause: `${RUNTIME}: names no module of the model` }
  }
  r.target = landing.target
  if (!landing.fits) {
    r.status = 'shape-mismatch'
    r.expected = landing.expected ?? 'shapes differ'
    const error = `RuntimeError: Error(s) in loading state_dict: size mismatch for ${f.module.path} (${r.expected})`
    r.reason = `${RUNTIME}: the whole file fails to load: ${error}`
    r.runtimeLoads = false
    return { r, cause: `${RUNTIME}: size mismatch`, fileError: error }
  }
  r.status = 'ok'
  r.runtimeLoads = true
  const ignored = f.suffixes.has(SUFFIX.doraScale)
    ? 'dora_scale is filtered out: loads as a plain LoRA'
    : null
  if (ignored) r.reason = `loads; ${ignored}`
  if (how) r.reason = `loads${how}${ignored ? `; ${ignored}` : ''}`
  return { r, ...(ignored ? { note: `${RUNTIME} drops dora_scale keys (DoRA not applied)` } : {}) }
}

export function diffusersProfile(input: DiffusersInput): DiffusersResult {
  const pipeline = PIPELINES[input.arch]
  const { facts, landings, file } = input
  const notes: string[] = []
  const converter = pipeline.converters.find((c) => c.selects(file.keys)) ?? null
  let fileError: string | undefined
  if (pipeline.loraSubstring === 'all') {
    // `load_lora_weights` checks every key after the converter; a converter consumes alphas and renames. These
    // are diffusers' substring tests on whole keys (`"lora" in k`, its DoRA filter), not suffixes.
    const offending = converter
      ? []
      : file.keys.filter((k) => !k.includes('lora') && !k.includes('dora_scale'))
    if (offending.length > 0)
      fileError = `ValueError: Invalid LoRA checkpoint. (${offending.length} keys without "lora", e.g. ${offending[0]})`
  } else if (!converter && file.keys.length > 0 && !file.keys.some((k) => k.includes('lora'))) {
    // Flux: at least one key must say "lora" (or be a control LoRA's norm key).
    fileError =
      "ValueError: Invalid LoRA checkpoint. Make sure all LoRA param names contain `'lora'` substring."
  }
  if (converter?.check) {
    const e = converter.check(facts, file)
    if (e) fileError ??= e
  }
  const prefix = `${pipeline.prefix}.`
  const leftovers: string[] = []
  const verdicts = facts.map((f, i): ModuleVerdict => {
    const m = f.module
    const landing = landings[i] ?? null
    if (converter) {
      const drop = converter.drops?.(f)
      if (drop) return dropped(f, `${converter.source.split(' ').pop()}: ${drop}`, `${drop}`)
      if (converter.converts(f, file)) {
        const takes = converter.takes
        const left = takes ? f.keys.filter((k) => !takes.includes(k.slice(f.module.stem.length))) : []
        if (left.length > 0 && converter.rest.kind === 'error') {
          leftovers.push(...left)
          const name = converter.source.split(' ').pop()
          return dropped(f, `${name} leaves ${left.join(', ')}`, 'keys the converter cannot rename')
        }
        const lands = converter.lands?.(f, file) ?? true
        return peft(f, lands ? landing : null, converter)
      }
      if (converter.rest.kind === 'error') {
        leftovers.push(...f.keys)
        const v = dropped(
          f,
          `${converter.source.split(' ').pop()} cannot rename it`,
          'keys the converter cannot rename'
        )
        return v
      }
      return dropped(f, converter.rest.log, 'dropped by the converter')
    }
    const wanted = m.component === 'text-encoder' ? TEXT_ENCODER_PREFIXES : [prefix]
    if (!wanted.some((p) => m.stem.startsWith(p)))
      return dropped(
        f,
        `load_lora_adapter keeps only keys prefixed ${wanted.map((p) => `\`${p}\``).join(' or ')}`,
        `keys without the \`${prefix}\` prefix are ignored`
      )
    if (!pairOf(f) && !PEFT_EXTRAS.some((s) => f.suffixes.has(s)))
      return dropped(
        f,
        `no LoRA A/B pair PEFT reads (${[...f.suffixes].join(', ')})`,
        'adapter tensors PEFT does not read'
      )
    if (landing && !landing.diffusersName)
      return dropped(
        f,
        `${m.path} is not a diffusers module name (the model's modules use diffusers names)`,
        'names no module of the model'
      )
    return peft(f, landing, null)
  })
  if (converter && leftovers.length > 0 && converter.rest.kind === 'error')
    fileError ??= converter.rest.error(leftovers.slice(0, 3).concat(leftovers.length > 3 ? ['...'] : []))
  if (converter && input.unknownKeys.length > 0) {
    if (converter.name === 'XLabs')
      notes.push(
        `${RUNTIME} converts ${input.unknownKeys.length} XLabs double-block keys (processor.*_lora1/2) that ` +
          'model-compat does not count as modules'
      )
    else if (converter.rest.kind === 'error')
      fileError ??= converter.rest.error(input.unknownKeys.slice(0, 3))
  }
  if (converter) notes.unshift(`${RUNTIME} converts the file with ${converter.source.split(' ').pop()}`)
  if (!converter && input.unknownKeys.length > 0 && pipeline.loraSubstring === 'all') {
    const k = input.unknownKeys.find((x) => !x.includes('lora'))
    if (k) fileError ??= `ValueError: Invalid LoRA checkpoint. (key without "lora": ${k})`
  }
  // PEFT with not one target module found in the model refuses the adapter.
  const reached = verdicts.filter(
    (v, i) => !input.elsewhere?.[i] && (v.r.target || v.r.reason?.includes('unexpected key'))
  )
  if (!fileError && reached.length > 0 && reached.every((v) => !v.r.target))
    fileError = 'ValueError: Target modules not found in the base model'
  const out: DiffusersResult = { verdicts, notes }
  if (fileError) out.fileError = fileError
  return out
}
