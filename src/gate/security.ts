/**
 * Flags that come from the file itself rather than from the comparison: globals a pickle imports and anomalies of
 * the zip container. Nothing was executed to find them; the evidence says so, because "dangerous global" alone
 * reads like "this ran".
 */
import type { Checkpoint, PickleGlobal } from '../formats/types.js'
import { allowedByUser } from './policy.js'
import type { EngineFlag } from './types.js'

const MAX_LISTED = 5

/** Formats that cannot carry code, with why (a sharded checkpoint is safetensors shards and a JSON index). */
const NO_CODE: Partial<Record<Checkpoint['format'], string>> = {
  safetensors: 'safetensors holds tensors and a JSON header only',
  'safetensors-sharded': 'safetensors shards and a JSON index hold tensors and JSON headers only',
  gguf: 'GGUF holds tensors and typed metadata only'
}

/**
 * Flags of one artifact. `allowGlobals` (the user's `allow-globals`) moves unknown globals to allowed; a
 * dangerous one stays dangerous, and the evidence says the allowance did not apply.
 */
export function securityFlags(ckpt: Checkpoint, allowGlobals: readonly string[] = []): EngineFlag[] {
  const flags = globalFlags(ckpt.globals, allowGlobals)
  const anomalies = ckpt.warnings.filter(isZipAnomaly)
  if (anomalies.length > 0) {
    flags.push({
      id: 'zip-anomaly',
      severity: 'warning',
      title: 'Zip container anomalies',
      evidence: listText(anomalies)
    })
  }
  const incomplete = completenessWarnings(ckpt)
  if (incomplete.length > 0) {
    flags.push({
      id: 'incomplete-checkpoint',
      severity: 'warning',
      title: 'Checkpoint incomplete or inconsistent',
      evidence: listText(incomplete)
    })
  }
  const noCode = NO_CODE[ckpt.format]
  if (ckpt.globals.length === 0 && noCode) {
    flags.push({ id: 'no-code', severity: 'green', title: 'No executable content', evidence: noCode })
  }
  return flags
}

/**
 * The dangerous- and unknown-globals flags of a list of globals: a checkpoint's, or those an unreadable file's
 * pickles imported before it was refused (the gate shows them on the artifact's error row).
 */
export function globalFlags(
  globals: readonly PickleGlobal[],
  allowGlobals: readonly string[] = []
): EngineFlag[] {
  const flags: EngineFlag[] = []
  const dangerous = globals.filter((g) => g.tier === 'dangerous')
  const unknown = globals.filter(
    (g) => g.tier === 'unknown' && !allowedByUser(g.module, g.name, allowGlobals)
  )
  if (dangerous.length > 0) {
    const tried = dangerous.some((g) => allowedByUser(g.module, g.name, allowGlobals))
    flags.push({
      id: 'dangerous-globals',
      severity: 'red',
      title: 'Dangerous pickle globals',
      evidence:
        `${listGlobals(dangerous)} (found by reading the pickle; nothing was executed)` +
        (tried ? '; allow-globals never allows a known-dangerous global' : '')
    })
  }
  if (unknown.length > 0) {
    flags.push({
      id: 'unknown-globals',
      severity: 'warning',
      title: 'Unknown pickle globals',
      evidence:
        `${listGlobals(unknown)} (not what a state dict needs, and not known to be safe; nothing was executed). ` +
        'If you trust the code that defines them, allow them with allow-globals (CLI: --allow-globals), e.g. ' +
        `${suggestion(unknown)}`
    })
  }
  return flags
}

/** An allow-globals value that would cover these globals: their modules, as patterns. */
function suggestion(globals: readonly PickleGlobal[]): string {
  const modules = [...new Set(globals.map((g) => g.module))]
  const shown = modules.slice(0, 3).map((m) => `${m}.*`)
  return `allow-globals: ${shown.join(', ')}${modules.length > 3 ? ', ...' : ''}`
}

/**
 * A baseline read with shards missing (or not where its index says) still reads, and every figure is then
 * computed against part of the model: a LoRA looks unresolved, a checkpoint's keys look unmatched. Each artifact
 * carries the warning, so no row reads as if the baseline were whole.
 */
export function baselineFlags(baseline: Checkpoint): EngineFlag[] {
  const incomplete = completenessWarnings(baseline)
  if (incomplete.length === 0) return []
  return [
    {
      id: 'baseline-incomplete',
      severity: 'warning',
      title: 'Baseline incomplete or inconsistent',
      evidence: `${listText(incomplete)}; the figures are against the tensors that could be read`
    }
  ]
}

/** Reader warnings that say a sharded checkpoint is not whole (the sharded reader's `MissingShard:`/`ShardMismatch:`). */
function completenessWarnings(ckpt: Checkpoint): string[] {
  return ckpt.warnings.filter((w) => w.startsWith('MissingShard:') || w.startsWith('ShardMismatch:'))
}

/** Reader warnings about the zip container: the torch-zip reader prefixes each zip anomaly with `zip: `. */
export function isZipAnomaly(warning: string): boolean {
  return warning.startsWith('zip: ')
}

function listGlobals(globals: readonly PickleGlobal[]): string {
  const items = globals.map(
    (g) =>
      `${g.module}.${g.name}${g.resolvesTo !== undefined ? ` (resolves to ${g.resolvesTo})` : ''} in ${g.where}` +
      `${g.count > 1 ? ` (x${g.count})` : ''}`
  )
  return listText(items)
}

function listText(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ')
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown
}
