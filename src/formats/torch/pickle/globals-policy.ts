/**
 * The three tiers of a global a pickle imports, judged on what Python's unpickler would load (docs/reference/formats.md §3.5):
 *
 * 1. Resolve the name as `find_class` does: torch's own module renames, then, while the stream's protocol is
 *    below 3, the Python 2 compatibility tables (python2-names.ts); from protocol 4 a dotted name is walked step
 *    by step from the module (`torch` + `_utils._rebuild_tensor_v2` is `torch._utils._rebuild_tensor_v2`).
 * 2. allowed: the resolved object is on the allowlist (global-lists.ts; torch's `weights_only` set). An
 *    allowlist is the only sound base: a denylist can never name every gadget.
 * 3. dangerous: any way the name could resolve reaches a known gadget: the name as written and as mapped, every
 *    split of a dotted name into module path + attribute path and into an imported module + its attribute
 *    (`torch` + `os.system` reaches `os.system`, which is `posix.system`), re-exports (`torch.load` is
 *    `torch.serialization.load`), dunder attributes (`__globals__`, `__builtins__`) and the denylists.
 * 4. unknown: everything else. It fails the gate by default; a user can allow it by name (`allow-globals`),
 *    never a dangerous one.
 * Nothing is imported or called: this is string matching on the names a file wrote.
 */
import type { GlobalTier } from '../../types.js'
import {
  ALIASES,
  ALLOWED,
  BENIGN_DUNDERS,
  DANGEROUS_METHODS_OF,
  DANGEROUS_MODULES,
  DANGEROUS_NAMES,
  MODULE_ALIASES,
  NUMPY_DATA
} from './global-lists.js'
import { IMPORT_MAPPING, fixImports } from './python2-names.js'
import { SCAN_LIMITS } from '../../limits.js'

export { ALLOWED, DANGEROUS_MODULES, DANGEROUS_NAMES } from './global-lists.js'

/**
 * Module name recorded for a STACK_GLOBAL whose operands are not strings: Python refuses it, but a pickle that
 * tries it is hostile (a module-override trick builds the operands by calls), so it is always dangerous.
 */
export const NON_STRING_MODULE = '<non-string>'
/** Module name recorded for BUILD on an imported class or module: it sets attributes of that module. */
export const SETATTR_MODULE = '<setattr>'

/** Modules torch.load renames before importing (`torch.serialization`'s `load_module_mapping`). */
const TORCH_MODULE_MAPPING: ReadonlyMap<string, string> = new Map([['torch.tensor', 'torch._tensor']])

/** Dotted names longer than this are not walked: no real object sits that deep. */
const MAX_DOTTED_PARTS = SCAN_LIMITS.maxDottedParts

const pairKey = (module: string, name: string): string => `${module}\u0000${name}`

const ALLOWED_SET: ReadonlySet<string> = new Set(ALLOWED.map(([m, n]) => pairKey(m, n)))
/** Allowed entries by their joined `module.name`, for dotted spellings of the same object. */
const ALLOWED_BY_JOINED: ReadonlyMap<string, readonly [string, string]> = new Map(
  ALLOWED.map((e) => [`${e[0]}.${e[1]}`, e])
)

/** Exact `module.name` strings of the allowed tier. */
export const ALLOWED_GLOBALS: ReadonlySet<string> = new Set(ALLOWED.map(([m, n]) => `${m}.${n}`))

const DENIED_MODULES: ReadonlySet<string> = new Set(DANGEROUS_MODULES)
const DENIED_NAMES: ReadonlySet<string> = new Set(DANGEROUS_NAMES.map((e) => e.replace(':', '.')))
const METHODS_DENIED: ReadonlySet<string> = new Set(DANGEROUS_METHODS_OF)
/** Parts of the longest entry any list or alias table holds: a longer run of parts can match nothing. */
const MAX_ENTRY_PARTS = Math.max(
  ...[...DENIED_MODULES, ...DENIED_NAMES, ...METHODS_DENIED, ...ALIASES.keys(), ...MODULE_ALIASES.keys()].map(
    (e) => e.split('.').length
  ),
  ...[...IMPORT_MAPPING.keys()].map((e) => e.split('.').length)
)

export interface GlobalVerdict {
  /** The module Python would import (after torch's and the Python 2 renames that apply at this protocol). */
  module: string
  /** The name Python would look up in it (dotted from protocol 4). */
  name: string
  tier: GlobalTier
  /** The object the name reaches when that differs from `module.name`: an allowlist entry, or a gadget. */
  resolvesTo?: string
}

/** The effective module and name Python 3 would import for a global written as `module name`. */
export function effectiveGlobal(
  module: string,
  name: string,
  protocol = 2
): { module: string; name: string } {
  const mapped = fixImports(module, name, protocol)
  return { module: TORCH_MODULE_MAPPING.get(mapped.module) ?? mapped.module, name: mapped.name }
}

/** Judge a global written as `module name` in a pickle whose current protocol is `protocol`. */
export function judgeGlobal(module: string, name: string, protocol = 2): GlobalVerdict {
  if (module === NON_STRING_MODULE || module === SETATTR_MODULE) return { module, name, tier: 'dangerous' }
  const eff = effectiveGlobal(module, name, protocol)
  const allowed = allowedEntry(eff.module, eff.name, protocol)
  if (allowed !== undefined) {
    const reached = `${allowed[0]}.${allowed[1]}`
    const out: GlobalVerdict = { ...eff, tier: 'allowed' }
    if (allowed[0] !== eff.module) out.resolvesTo = reached
    return out
  }
  const danger = dangerousReach(module, name, eff)
  if (danger !== undefined) {
    const out: GlobalVerdict = { ...eff, tier: 'dangerous' }
    if (danger !== `${eff.module}.${eff.name}`) out.resolvesTo = danger
    return out
  }
  return { ...eff, tier: 'unknown' }
}

/** The tier of a global as written (see `judgeGlobal`). */
export function classifyGlobal(module: string, name: string, protocol = 2): GlobalTier {
  return judgeGlobal(module, name, protocol).tier
}

/** The allowlist entry `module name` loads, if any. */
function allowedEntry(module: string, name: string, protocol: number): readonly [string, string] | undefined {
  if (!name.includes('.')) {
    if (ALLOWED_SET.has(pairKey(module, name))) return [module, name]
    if (module === 'numpy.dtypes' && /^[A-Za-z0-9]+DType$/.test(name)) return [module, name]
    return undefined
  }
  // Only protocol 4+ walks a dotted name; before that `getattr(module, 'a.b')` fails. The walk reaches the entry
  // only through submodules of `module` (`torch` + `_utils.x`), which a package holds as attributes.
  if (protocol < 4) return undefined
  const entry = ALLOWED_BY_JOINED.get(`${module}.${name}`)
  if (entry === undefined) return undefined
  return entry[0] === module || entry[0].startsWith(`${module}.`) ? entry : undefined
}

/**
 * The gadget a global could reach, as `module.qualname`, or undefined. Every reading of the name counts: a
 * scanner must be at least as generous as any loader (a pickle can switch protocols between imports, and
 * Python 2 names are mapped or not depending on that).
 */
function dangerousReach(
  writtenModule: string,
  writtenName: string,
  eff: { module: string; name: string }
): string | undefined {
  const mapped = fixImports(writtenModule, writtenName, 0)
  const readings: Array<readonly [string, string]> = [
    [eff.module, eff.name],
    [writtenModule, writtenName],
    [mapped.module, mapped.name]
  ]
  for (let r = 0; r < readings.length; r++) {
    const [m, n] = readings[r]!
    if (readings.slice(0, r).some(([pm, pn]) => pm === m && pn === n)) continue
    const dunder = dunderIn(m, n)
    if (dunder !== undefined) return dunder
    const nameParts = n.split('.')
    if (nameParts.length > MAX_DOTTED_PARTS) return `${m}.${n}`
    const moduleParts = m.split('.')
    const hit = deniedRange([...moduleParts, ...nameParts], moduleParts.length, true)
    if (hit !== undefined) return hit
  }
  return undefined
}

/** A dunder attribute in the name (`__builtins__`, `f.__globals__`): introspection, never data. */
function dunderIn(module: string, name: string): string | undefined {
  if (BENIGN_DUNDERS.has(`${module}.${name}`)) return undefined
  for (const part of name.split('.')) {
    if (part.length > 4 && part.startsWith('__') && part.endsWith('__')) return `${module}.${name}`
  }
  return undefined
}

/**
 * Walk every reading of `parts` (module parts, then the dotted name) the way attribute access can: from the
 * module (its parents, its submodules reached as package attributes, names in it), and from every part of the
 * name as a module imported inside the module and reached as an attribute (`torch` + `os.system` reaches the
 * `os` module that torch imports). A contiguous run of parts is judged as a denied module (anything under it),
 * a denied name (and anything reached through it), a module whose methods are denied, a re-export of a denied
 * object, or a module that is another module under a second name. Returns the run from its start to the end.
 */
function deniedRange(parts: string[], moduleLength: number, followAliases: boolean): string | undefined {
  // direct entries and re-exports first, so a report names the gadget itself; other module names after
  for (const pass of followAliases ? [1, 2] : [1]) {
    for (let i = 0; i < parts.length; i = i === 0 ? Math.max(1, moduleLength) : i + 1) {
      let run = ''
      for (let j = i; j < parts.length && j - i < MAX_ENTRY_PARTS; j++) {
        run = j === i ? parts[i]! : `${run}.${parts[j]}`
        const after = parts.length - j - 1
        if (pass === 2) {
          const other = after > 0 ? (MODULE_ALIASES.get(run) ?? IMPORT_MAPPING.get(run)) : undefined
          const hit =
            other === undefined
              ? undefined
              : deniedRange([...other.split('.'), ...parts.slice(j + 1)], Infinity, false)
          if (hit !== undefined) return hit
          continue
        }
        const alias = followAliases ? ALIASES.get(run) : undefined
        if (alias !== undefined) {
          const reached = [...alias.split('.'), ...parts.slice(j + 1)]
          if (deniedRange(reached, Infinity, false) !== undefined) return reached.join('.')
        }
        if (DENIED_MODULES.has(run) || DENIED_NAMES.has(run) || (after >= 2 && METHODS_DENIED.has(run))) {
          return parts.slice(i).join('.')
        }
      }
    }
  }
  return undefined
}

/** A short note for globals whose tier needs explaining in a report, else undefined. */
export function globalNote(module: string, name: string): string | undefined {
  if (NUMPY_DATA.includes(`${module}.${name}`) || module === 'numpy.dtypes') {
    return 'numpy data helper: not allowed by torch weights_only; Hugging Face marks it suspicious'
  }
  return undefined
}
