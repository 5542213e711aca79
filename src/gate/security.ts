/**
 * Flags that come from the file itself rather than from the comparison: globals a pickle imports and anomalies of
 * the zip container. Nothing was executed to find them; the evidence says so, because "dangerous global" alone
 * reads like "this ran".
 */
import type { Checkpoint, PickleGlobal } from '../formats/types.js'
import type { EngineFlag } from './types.js'

const MAX_LISTED = 5

export function securityFlags(ckpt: Checkpoint): EngineFlag[] {
  const flags: EngineFlag[] = []
  const dangerous = ckpt.globals.filter((g) => g.tier === 'dangerous')
  const unknown = ckpt.globals.filter((g) => g.tier === 'unknown')
  if (dangerous.length > 0) {
    flags.push({
      id: 'dangerous-globals',
      severity: 'red',
      title: 'Dangerous pickle globals',
      evidence: `${listGlobals(dangerous)} (found by reading the pickle; nothing was executed)`
    })
  }
  if (unknown.length > 0) {
    flags.push({
      id: 'unknown-globals',
      severity: 'warning',
      title: 'Unknown pickle globals',
      evidence: `${listGlobals(unknown)} (neither known-safe nor known-dangerous; nothing was executed)`
    })
  }
  const anomalies = ckpt.warnings.filter(isZipAnomaly)
  if (anomalies.length > 0) {
    flags.push({
      id: 'zip-anomaly',
      severity: 'warning',
      title: 'Zip container anomalies',
      evidence: listText(anomalies)
    })
  }
  if (ckpt.globals.length === 0 && ckpt.format === 'safetensors') {
    flags.push({
      id: 'no-code',
      severity: 'green',
      title: 'No executable content',
      evidence: 'safetensors holds tensors and a JSON header only'
    })
  }
  return flags
}

/** Reader warnings about the zip container: the torch-zip reader prefixes each zip anomaly with `zip: `. */
export function isZipAnomaly(warning: string): boolean {
  return warning.startsWith('zip: ')
}

function listGlobals(globals: readonly PickleGlobal[]): string {
  const items = globals.map(
    (g) => `${g.module}.${g.name} in ${g.where}${g.count > 1 ? ` (x${g.count})` : ''}`
  )
  return listText(items)
}

function listText(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ')
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown
}
