/**
 * Parsing and defaults of the gate policy. The action and the CLI both parse the same words; every error names
 * the input (`fail-on`, `--fail-on`, ...) so the user knows which line of the workflow to fix.
 */
import { UsageError } from '../formats/errors.js'
import { isDottedPythonName } from '../util/text.js'
import type { LoaderName } from '../lora/types.js'
import type { ArtifactKind, FailOnFlag, GateMetric, GatePolicy, MetricChoice } from './types.js'

export const METRIC_CHOICES: readonly MetricChoice[] = ['auto', 'exact', 'normalized', 'mapped', 'loadable']

export const FAIL_ON_FLAGS: readonly FailOnFlag[] = [
  'dangerous-globals',
  'unknown-globals',
  'zip-anomaly',
  'shape-mismatch',
  'unresolved-modules',
  'block-count',
  'attention-layout',
  'hidden-dim',
  'naming',
  'quantized-storage',
  'any-red'
]

/**
 * Pickle globals fail by default, dangerous and unknown alike: the findings that are a security problem, not a
 * compat one. The allowlist (torch's weights_only set) is the only sound base, so a global nobody vetted fails
 * until the user allows it by name (`allow-globals`); a known gadget fails whatever the user allows.
 */
export const DEFAULT_FAIL_ON: readonly FailOnFlag[] = ['dangerous-globals', 'unknown-globals']

/**
 * The flags no `fail-on` value can drop. A workflow that lists its own flags (`fail-on: shape-mismatch`) means
 * "also fail on a shape mismatch", not "let code-running pickles through": a list that replaced the security
 * flags would turn a compat setting into a hole. Unknown globals are relaxed only by name, with `allow-globals`,
 * so every exception is written down; dangerous globals are never relaxed.
 */
export const SECURITY_FLOOR: readonly FailOnFlag[] = ['dangerous-globals', 'unknown-globals']

/** `flags` with the security floor in front (once each). */
export function withSecurityFloor(flags: readonly FailOnFlag[]): FailOnFlag[] {
  return [...SECURITY_FLOOR, ...flags.filter((f) => !SECURITY_FLOOR.includes(f))]
}
export const DEFAULT_THRESHOLD = 80

/** A bad value of the input or flag `input` (the name the user wrote it under): `Invalid input 'x': detail`. */
export function invalidInput(input: string, detail: string): UsageError {
  return new UsageError(detail, { input })
}

export function parseThreshold(text: string, input = 'threshold'): number {
  const trimmed = text.trim().replace(/%$/, '')
  if (trimmed === '') return DEFAULT_THRESHOLD
  const n = Number(trimmed)
  if (!Number.isFinite(n) || !/^[+]?\d*\.?\d+$/.test(trimmed)) {
    throw invalidInput(input, `expected a percentage between 0 and 100, got '${text}'`)
  }
  if (n < 0 || n > 100) throw invalidInput(input, `expected a percentage between 0 and 100, got ${n}`)
  return n
}

export function parseMetric(text: string, input = 'metric'): MetricChoice {
  const word = text.trim().toLowerCase()
  if (word === '') return 'auto'
  const found = METRIC_CHOICES.find((m) => m === word)
  if (!found) throw invalidInput(input, `expected one of ${METRIC_CHOICES.join(', ')}, got '${text}'`)
  return found
}

/**
 * Words separated by commas, spaces or newlines, added to the security floor; `none` alone means no compat flag
 * fails the gate (the floor still does).
 */
export function parseFailOn(text: string, input = 'fail-on'): FailOnFlag[] {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '')
  if (words.length === 0) return [...DEFAULT_FAIL_ON]
  if (words.includes('none')) {
    if (words.length > 1) throw invalidInput(input, `'none' cannot be combined with other flags`)
    return withSecurityFloor([])
  }
  const flags: FailOnFlag[] = []
  for (const w of words) {
    const found = FAIL_ON_FLAGS.find((f) => f === w)
    if (!found) {
      throw invalidInput(input, `unknown flag '${w}'; expected none or any of ${FAIL_ON_FLAGS.join(', ')}`)
    }
    if (!flags.includes(found)) flags.push(found)
  }
  return withSecurityFloor(flags)
}

export const LOADER_CHOICES: readonly LoaderName[] = ['any', 'comfyui', 'diffusers']

/**
 * The `loader` input: the runtimes a LoRA must load in, separated by commas, spaces or newlines (`comfyui,
 * diffusers`). Empty means `any` (every naming model-compat understands).
 */
export function parseLoaders(text: string, input = 'loader'): LoaderName[] {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '')
  if (words.length === 0) return ['any']
  const out: LoaderName[] = []
  for (const w of words) {
    const found = LOADER_CHOICES.find((l) => l === w)
    if (!found)
      throw invalidInput(input, `unknown loader '${w}'; expected one or more of ${LOADER_CHOICES.join(', ')}`)
    if (!out.includes(found)) out.push(found)
  }
  return out
}

/** Whether a policy gates under anything but the default `any` loader. */
export function gatesRuntimes(policy: Pick<GatePolicy, 'loaders'>): boolean {
  const l = policy.loaders
  return l !== undefined && !(l.length === 1 && l[0] === 'any')
}

export function makePolicy(p: Partial<GatePolicy> = {}): GatePolicy {
  const policy: GatePolicy = {
    threshold: p.threshold ?? DEFAULT_THRESHOLD,
    metric: p.metric ?? 'auto',
    failOn: withSecurityFloor(p.failOn ?? DEFAULT_FAIL_ON)
  }
  if (p.allowGlobals !== undefined && p.allowGlobals.length > 0) policy.allowGlobals = [...p.allowGlobals]
  if (gatesRuntimes(p)) policy.loaders = [...p.loaders!]
  return policy
}

/**
 * The `allow-globals` input: pickle globals the user trusts, separated by commas, spaces or newlines. Each is a
 * full name (`mymodule.MyClass`, `mymodule.sub.fn`) or a module and everything in it and its submodules
 * (`mymodule.*`). `*` alone, or a wildcard anywhere else, is refused: allowing everything is what the gate
 * exists to prevent. A dangerous global (a known gadget) is never allowed, whatever this says.
 */
export function parseAllowGlobals(text: string, input = 'allow-globals'): string[] {
  const out: string[] = []
  for (const word of text.split(/[\s,]+/).filter((w) => w !== '')) {
    const base = word.endsWith('.*') ? word.slice(0, -2) : word
    if (!isDottedPythonName(base)) {
      throw invalidInput(
        input,
        `'${word}' is not a global name (module.Name) or a module pattern (module.*); ` +
          'a wildcard may only end a module name, and * alone would allow every global'
      )
    }
    if (!word.endsWith('.*') && !base.includes('.')) {
      throw invalidInput(input, `'${word}' names no global: write module.Name, or ${word}.* for the module`)
    }
    if (!out.includes(word)) out.push(word)
  }
  return out
}

/** Whether `module.name` is allowed by one of the patterns of `parseAllowGlobals`. */
export function allowedByUser(module: string, name: string, patterns: readonly string[]): boolean {
  const full = `${module}.${name}`
  return patterns.some((p) =>
    p.endsWith('.*') ? module === p.slice(0, -2) || full.startsWith(p.slice(0, -1)) : full === p
  )
}

/**
 * The metric the threshold applies to for one artifact. A LoRA has no key-overlap figures of its own unless the
 * resolver provides them, and a checkpoint has no loadable figure, so an inapplicable choice falls back to that
 * kind's natural figure with a note rather than failing a mixed release.
 */
export function chooseMetric(
  choice: MetricChoice,
  kind: ArtifactKind,
  available: Partial<Record<GateMetric, number>>
): { metric: GateMetric; note?: string } {
  const natural: GateMetric = kind === 'lora' ? 'loadable' : 'mapped'
  if (choice === 'auto') {
    if (available[natural] !== undefined) return { metric: natural }
    const best = bestAvailable(available)
    return best ? { metric: best } : { metric: natural }
  }
  if (available[choice] !== undefined) return { metric: choice }
  return {
    metric: natural,
    note: `metric '${choice}' does not apply to a ${kind === 'lora' ? 'LoRA' : 'full checkpoint'}; gated on '${natural}'`
  }
}

function bestAvailable(available: Partial<Record<GateMetric, number>>): GateMetric | undefined {
  let best: GateMetric | undefined
  for (const m of ['exact', 'normalized', 'mapped', 'loadable'] as const) {
    const v = available[m]
    if (v !== undefined && (best === undefined || v > (available[best] ?? -1))) best = m
  }
  return best
}
