/**
 * Imports and calls, the part of the unpickler (unpickler.ts) that judges what a pickle would run: each global
 * is resolved and judged as Python would import it (globals-policy.ts) and recorded (scan.ts); each call is
 * recorded by call site, and interpreted only for the allowlisted callables emulation.ts knows (torch's rebuild
 * functions, OrderedDict, ...); every other call stays an inert `PyObject`. Persistent ids go to the reader's
 * loader (torch storages).
 */
import type { GlobalTier } from '../../types.js'
import { emulatorFor, type EmulationContext, type Emulator } from './emulation.js'
import { COST, MachineState } from './machine.js'
import type { PickleCallSite } from './scan.js'
import { describeValue, type PyObject, type PyValue } from './values.js'

interface CalleeInfo {
  /** Effective `module.name`. */
  name: string
  tier: GlobalTier
  emulator: Emulator | undefined
  sites: Partial<Record<PyObject['via'], PickleCallSite>>
}

export class CallMachine extends MachineState {
  /**
   * The protocol `find_class` sees: the argument of the last PROTO so far (0 before any). A stream may switch
   * protocols between imports, and Python's renames depend on it.
   */
  protected proto = 0

  protected global(module: string, name: string): PyValue {
    const verdict = this.rec.recordImport(module, name, this.opStart - this.start, this.proto)
    this.charge(COST.container)
    if (this.rec.scan.imports.length > this.limits.maxGlobals) {
      this.fail('PickleLimitExceeded', `more than ${this.limits.maxGlobals} distinct globals`)
    }
    const reached = verdict.tier === 'allowed' ? verdict.resolvesTo : undefined
    if (reached !== undefined) {
      const dot = reached.lastIndexOf('.')
      return { kind: 'global', module: reached.slice(0, dot), name: reached.slice(dot + 1), tier: 'allowed' }
    }
    return { kind: 'global', module: verdict.module, name: verdict.name, tier: verdict.tier }
  }

  /**
   * Per imported global (memoized globals come back as the same object): its name, tier, emulator and call-site
   * records by opcode, so a call of a global seen before builds no strings and does no keyed lookups.
   */
  private readonly callees = new WeakMap<object, CalleeInfo>()

  /** The one context object emulators get (not one per call). */
  private readonly emulation: EmulationContext = { fail: this.failBound, charge: this.chargeBound }

  protected call(callee: PyValue, args: PyValue[], via: PyObject['via'], kwargs?: PyValue): PyValue {
    const at = this.opStart - this.start
    if (callee !== null && typeof callee === 'object' && callee.kind === 'global') {
      let info = this.callees.get(callee)
      if (info === undefined) {
        const name = `${callee.module}.${callee.name}`
        info = {
          name,
          tier: callee.tier,
          // only what the allowlist admits is interpreted; anything else stays an inert node
          emulator: callee.tier === 'allowed' ? emulatorFor(name) : undefined,
          sites: {}
        }
        this.callees.set(callee, info)
      }
      const emulator = kwargs === undefined ? info.emulator : undefined
      // the record is shared by every global of this name (callSite finds it by name); cached here per opcode
      const site = (info.sites[via] ??= this.rec.callSite(
        info.name,
        info.tier,
        via,
        at,
        emulator !== undefined
      ))
      site.count++
      if (emulator !== undefined) {
        const v = emulator(args, this.emulation, info.name)
        if (v !== undefined) return v
      }
    } else {
      // calling something that is not an imported name: a call result, a memo trick; always worth a look
      this.rec.recordCall('<computed>', 'unknown', via, at, false)
      this.rec.anomaly(`${via} on a ${describeValue(callee)} rather than an imported global`)
    }
    this.charge(COST.container)
    const obj: PyObject = { kind: 'object', callee, args, via }
    if (kwargs !== undefined) obj.kwargs = kwargs
    return obj
  }

  protected tupleArgs(v: PyValue, what: string): PyValue[] {
    if (v !== null && typeof v === 'object' && v.kind === 'tuple') return v.items
    return this.fail('InvalidPickle', `${what} arguments must be a tuple, got ${describeValue(v)}`)
  }

  protected persistent(pid: PyValue): PyValue {
    this.charge(COST.tensor)
    const load = this.options.persistentLoad
    return load === undefined ? { kind: 'persistent', pid } : load(pid, this.failBound)
  }
}
