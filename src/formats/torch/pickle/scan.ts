/**
 * What a pickle does, recorded while it is (symbolically) run: every imported global with its tier, every call
 * site (including calls whose result is discarded), and structural anomalies. The record survives a parse error
 * (`PickleError.scan` / `.globals`), because a "broken pickle" can run its payload before the part that breaks.
 */
import { CheckpointError, type ErrorCode } from '../../errors.js'
import type { GlobalTier, PickleGlobal } from '../../types.js'
import { globalNote, judgeGlobal, type GlobalVerdict } from './globals-policy.js'

export interface PickleImport {
  /** Effective (Python 3) module and name. */
  module: string
  name: string
  tier: GlobalTier
  count: number
  /** Offset of the first import within the pickle. */
  firstOffset: number
  note?: string
  /** The object the name reaches when that is not `module.name` (a dotted path, a re-export). */
  resolvesTo?: string
}

export interface PickleCallSite {
  /** `module.name` of the callable, or `<computed>` when the callable is not a global (a call on a call result). */
  callee: string
  /** REDUCE, NEWOBJ, NEWOBJ_EX, INST, OBJ or BUILD. */
  opcode: string
  tier: GlobalTier
  count: number
  firstOffset: number
  /** Interpreted symbolically by us (torch rebuild functions, OrderedDict, ...) rather than left as a stub. */
  emulated: boolean
}

export interface PickleScan {
  /** The pickle's name in reports: a zip entry (`archive/data.pkl`), `legacy:<n>`, or a file name. */
  where: string
  protocol?: number
  imports: PickleImport[]
  calls: PickleCallSite[]
  /** Structural oddities that do not stop the read (PROTO not first, stack not empty at STOP, ...). */
  anomalies: string[]
  opcodes: number
}

const MAX_ANOMALIES = 100

export class ScanRecorder {
  readonly scan: PickleScan
  private readonly importIndex = new Map<string, PickleImport>()
  private readonly callIndex = new Map<string, PickleCallSite>()

  constructor(where: string) {
    this.scan = { where, imports: [], calls: [], anomalies: [], opcodes: 0 }
  }

  /** Verdicts by written name and protocol class, so a name imported again costs one lookup. */
  private readonly verdicts = new Map<string, GlobalVerdict>()

  /**
   * Record an import written as `module name` while the stream is at `protocol`; returns the verdict (the
   * effective name, its tier and what it resolves to). Python's renames change only at protocols 3 and 4.
   */
  recordImport(writtenModule: string, writtenName: string, offset: number, protocol = 2): GlobalVerdict {
    const protoClass = protocol >= 4 ? 4 : protocol >= 3 ? 3 : 2
    const vkey = `${protoClass}\u0000${writtenModule}\u0000${writtenName}`
    let verdict = this.verdicts.get(vkey)
    if (verdict === undefined) {
      verdict = judgeGlobal(writtenModule, writtenName, protoClass)
      this.verdicts.set(vkey, verdict)
    }
    const { module, name } = verdict
    const key = `${module}\u0000${name}`
    let entry = this.importIndex.get(key)
    if (entry === undefined) {
      entry = { module, name, tier: verdict.tier, count: 0, firstOffset: offset }
      if (verdict.resolvesTo !== undefined) entry.resolvesTo = verdict.resolvesTo
      const note = globalNote(module, name)
      if (note !== undefined) entry.note = note
      this.importIndex.set(key, entry)
      this.scan.imports.push(entry)
    } else if (worse(verdict.tier, entry.tier)) {
      // a different spelling of the same effective name may classify worse
      entry.tier = verdict.tier
      if (verdict.resolvesTo !== undefined) entry.resolvesTo = verdict.resolvesTo
    }
    entry.count++
    return verdict
  }

  recordCall(callee: string, tier: GlobalTier, opcode: string, offset: number, emulated: boolean): void {
    this.callSite(callee, tier, opcode, offset, emulated).count++
  }

  /**
   * The record of calls of `callee` by `opcode`, created (with count 0) on first use. The unpickler keeps it per
   * imported global and opcode and counts on it directly, rather than building a key string for every call.
   */
  callSite(
    callee: string,
    tier: GlobalTier,
    opcode: string,
    offset: number,
    emulated: boolean
  ): PickleCallSite {
    const key = `${callee}\u0000${opcode}`
    let entry = this.callIndex.get(key)
    if (entry === undefined) {
      entry = { callee, opcode, tier, count: 0, firstOffset: offset, emulated }
      this.callIndex.set(key, entry)
      this.scan.calls.push(entry)
    }
    return entry
  }

  anomaly(message: string): void {
    const list = this.scan.anomalies
    if (list.length < MAX_ANOMALIES && !list.includes(message)) list.push(message)
  }
}

/** The imports of one scan as `Checkpoint.globals` entries. */
export function scanGlobals(scan: PickleScan): PickleGlobal[] {
  return scan.imports.map((g) => {
    const out: PickleGlobal = {
      module: g.module,
      name: g.name,
      tier: g.tier,
      where: scan.where,
      count: g.count
    }
    if (g.resolvesTo !== undefined) out.resolvesTo = g.resolvesTo
    return out
  })
}

const TIER_RANK: Readonly<Record<GlobalTier, number>> = { allowed: 0, unknown: 1, dangerous: 2 }

/** Whether tier `a` is worse than `b` (dangerous > unknown > allowed). */
export function worse(a: GlobalTier, b: GlobalTier): boolean {
  return TIER_RANK[a] > TIER_RANK[b]
}

/**
 * A reader error raised while or after reading pickles. It is a `CheckpointError` (same code, file, detail)
 * that also carries every global imported before the failure, so a gate can still report a dangerous import
 * in a file that does not parse.
 */
export class PickleError extends CheckpointError {
  /** Globals imported by every pickle read before the failure (including the failing one, up to the error). */
  readonly globals: PickleGlobal[]
  /** The failing pickle's scan, when the failure is inside a pickle. */
  readonly scan?: PickleScan
  /** Offset of the failing opcode within that pickle. */
  readonly offset?: number

  constructor(
    code: ErrorCode,
    file: string,
    detail: string,
    extra: { globals: PickleGlobal[]; scan?: PickleScan; offset?: number; cause?: unknown }
  ) {
    // The message is all a user sees of a file that does not read (the CLI's stderr, the gate's error row, the
    // PR comment): it must not hide that the pickle imports something dangerous.
    const shown = withDangerNote(detail, extra.globals)
    super(code, file, shown, extra.cause === undefined ? undefined : { cause: extra.cause })
    this.name = 'PickleError'
    this.globals = extra.globals
    if (extra.scan !== undefined) this.scan = extra.scan
    if (extra.offset !== undefined) this.offset = extra.offset
  }

  /** The same error with more globals in front (globals of pickles read before the failing one). */
  static withGlobals(e: CheckpointError, globals: PickleGlobal[]): PickleError {
    const own = e instanceof PickleError ? e.globals : []
    const all = mergeGlobals([...globals, ...own])
    const extra: { globals: PickleGlobal[]; scan?: PickleScan; offset?: number; cause?: unknown } = {
      globals: all,
      cause: e
    }
    if (e instanceof PickleError) {
      if (e.scan !== undefined) extra.scan = e.scan
      if (e.offset !== undefined) extra.offset = e.offset
    }
    return new PickleError(e.code, e.file, e.detail, extra)
  }
}

const DANGER_NOTE = '; the pickle imports dangerous globals (nothing was executed): '
const UNKNOWN_NOTE = '; globals not on the allowlist: '
const MAX_NOTE_NAMES = 5

/**
 * `detail` with the globals that fail a gate named once at its end: dangerous ones, then unknown ones (replacing
 * an earlier note: the list may have grown). An unreadable file exits 2 with these listed.
 */
function withDangerNote(detail: string, globals: readonly PickleGlobal[]): string {
  const at = [detail.indexOf(DANGER_NOTE), detail.indexOf(UNKNOWN_NOTE)].filter((i) => i >= 0)
  const base = at.length === 0 ? detail : detail.slice(0, Math.min(...at))
  const names = (tier: GlobalTier): string => {
    const all = [...new Set(globals.filter((g) => g.tier === tier).map((g) => `${g.module}.${g.name}`))]
    const more = all.length > MAX_NOTE_NAMES ? ` and ${all.length - MAX_NOTE_NAMES} more` : ''
    return all.length === 0 ? '' : `${all.slice(0, MAX_NOTE_NAMES).join(', ')}${more}`
  }
  const dangerous = names('dangerous')
  const unknown = names('unknown')
  return (
    base + (dangerous === '' ? '' : DANGER_NOTE + dangerous) + (unknown === '' ? '' : UNKNOWN_NOTE + unknown)
  )
}

/** Globals reported by a failed read (empty when the error carries none). */
export function globalsOfError(e: unknown): PickleGlobal[] {
  return e instanceof PickleError ? e.globals : []
}

/** Merge entries with the same module, name and `where`, summing counts (keeps first-seen order). */
export function mergeGlobals(list: PickleGlobal[]): PickleGlobal[] {
  const out = new Map<string, PickleGlobal>()
  for (const g of list) {
    const key = `${g.where}\u0000${g.module}\u0000${g.name}`
    const seen = out.get(key)
    if (seen === undefined) out.set(key, { ...g })
    else seen.count += g.count
  }
  return [...out.values()]
}

/** One warning per dangerous or unknown global (allowed ones are the normal torch vocabulary). */
export function globalWarnings(globals: PickleGlobal[]): string[] {
  const out: string[] = []
  for (const g of globals) {
    if (g.tier === 'dangerous') {
      out.push(`pickle ${g.where} imports dangerous global ${g.module}.${g.name} (reported, never executed)`)
    }
  }
  const unknown = globals.filter((g) => g.tier === 'unknown')
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((g) => `${g.module}.${g.name}`)
    out.push(
      `${unknown.length} unknown globals (${names.join(', ')}${unknown.length > 5 ? ', ...' : ''}): torch.load needs weights_only=False`
    )
  }
  return out
}
