/**
 * Reading one LoRA tensor key: which module it belongs to (its stem, prefix and naming convention). Which adapter
 * tensor it is (its suffix) is read by src/names/adapters.ts, the one reading of adapter tensor names.
 * Facts from docs/reference/key-formats.md §2.5 and §3; nothing here looks at shapes.
 */
import { ADAPTER_PREFIXES } from '../names/prefixes.js'
import {
  fromProcessorPath,
  LONGCAT_HYPHEN,
  LONGCAT_PREFIX,
  type ParsedSuffix,
  type TensorRole
} from '../names/adapters.js'
import type { ComponentKind, NamingConvention } from './types.js'

export { LONGCAT_HYPHEN, LONGCAT_PREFIX, parseSuffix, type ParsedSuffix } from '../names/adapters.js'

export interface ParsedStem {
  naming: NamingConvention
  component: ComponentKind
  textEncoder: number
  prefix: string
  path: string
  pathForm: 'dotted' | 'underscore'
}

/** The naming convention, component and module path of a stem. */
export function parseStem(stem: string, suffix: Pick<ParsedSuffix, 'legacy' | 'adapterName'>): ParsedStem {
  if (stem.startsWith(LONGCAT_PREFIX)) {
    const path = stem.slice(LONGCAT_PREFIX.length).split(LONGCAT_HYPHEN).join('.')
    return {
      naming: 'longcat',
      component: 'denoiser',
      textEncoder: 0,
      prefix: LONGCAT_PREFIX,
      path,
      pathForm: 'dotted'
    }
  }
  // An index loop: this runs once per stem over the rules (dozens), mostly interpreted, where a for-of step
  // allocates an iterator result.
  for (let i = 0; i < ADAPTER_PREFIXES.length; i++) {
    const rule = ADAPTER_PREFIXES[i]!
    if (!stem.startsWith(rule.prefix) || stem.length === rule.prefix.length) continue
    let path = stem.slice(rule.prefix.length)
    let naming: NamingConvention = rule.naming
    if (suffix.legacy) {
      naming = 'diffusers-legacy'
      path = fromProcessorPath(path)
    }
    return {
      naming,
      component: rule.component,
      textEncoder: rule.textEncoder ?? 0,
      prefix: rule.prefix,
      path,
      pathForm: rule.form
    }
  }
  // No known prefix: dotted module names. A PEFT adapter infix (DiffSynth-Studio saves `.lora_A.default.weight`)
  // makes it PEFT; legacy suffixes make it old diffusers.
  const naming: NamingConvention = suffix.legacy ? 'diffusers-legacy' : suffix.adapterName ? 'peft' : 'bare'
  return {
    naming,
    component: 'denoiser',
    textEncoder: 0,
    prefix: '',
    path: suffix.legacy ? fromProcessorPath(stem) : stem,
    pathForm: 'dotted'
  }
}

/** Roles that belong to LyCORIS algorithms other than plain LoRA. */
export function algorithmOfRole(role: TensorRole): string | null {
  if (role.startsWith('hada_')) return 'loha'
  if (role.startsWith('lokr_')) return 'lokr'
  if (role === 'ia3-weight' || role === 'ia3-on-input') return 'ia3'
  if (role === 'diff' || role === 'diff-bias' || role === 'diff-modulation' || role === 'set-weight')
    return 'full'
  if (role === 'glora') return 'glora'
  if (role === 'oft' || role === 'oft-rescale') return 'oft'
  if (role === 'norm-weight' || role === 'norm-bias') return 'norm'
  return null
}
