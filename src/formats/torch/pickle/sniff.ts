/**
 * Is this a pickle? Protocols 2 to 5 open with PROTO; protocols 0 and 1 have no marker at all, and a scanner that
 * waits for one lets them through. So a candidate's first bytes get a trial run of the machine (non-executing,
 * bounded): a pickle either reaches STOP, runs out of input in the middle of well-formed opcodes, or imports
 * something. Text that happens to start with an opcode letter fails within a few opcodes, and its "imports"
 * are not Python names (`lass Foo(Module):` is not a module), so it is not taken for one.
 */
import { CheckpointError } from '../../errors.js'
import { PickleError, type PickleScan } from './scan.js'
import { unpickle } from './unpickler.js'
import { SCAN_LIMITS } from '../../limits.js'
import { isDottedPythonName } from '../../../util/text.js'

/** Bytes of a candidate the trial run looks at first. */
export const SNIFF_BYTES = SCAN_LIMITS.sniffBytes

const MIN_PLAIN_OPCODES = SCAN_LIMITS.minPlainOpcodes

/** A module or qualified name Python could import (`a.b.c` of identifiers), or one of our hostile markers. */
export function isPythonName(dotted: string): boolean {
  if (dotted.startsWith('<')) return true
  return isDottedPythonName(dotted)
}

/** Whether a scan imported at least one global that Python could resolve. */
export function importsPythonNames(scan: PickleScan | undefined): boolean {
  return scan !== undefined && scan.imports.some((g) => isPythonName(g.module) && isPythonName(g.name))
}

export interface SniffOptions {
  /** `head` is the whole candidate (running out of input then means a truncated pickle, not more to read). */
  whole: boolean
  /**
   * Only an import of a Python name or a STOP counts (tensor data records: float bytes can open with any
   * opcode, and reading a record whole to be sure is what header-only reading forbids).
   */
  strict?: boolean
}

/** Whether `head` (the first bytes of a file or zip record) is the start of a pickle. */
export function looksLikePickle(head: Uint8Array, options: SniffOptions): boolean {
  return trial(head, options) === 'yes'
}

/**
 * The trial run: `more` when the bytes so far are well-formed but prove nothing yet (a first string or line
 * longer than the window: an attacker can open a protocol 0 pickle with a 5 KB string).
 */
function trial(head: Uint8Array, options: SniffOptions): 'yes' | 'no' | 'more' {
  if (head.length === 0) return 'no'
  // PROTO 2..5 is as much of a signature as pickles have: such a record is scanned, and a failure reported
  const framed = head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5
  if (framed && options.strict !== true) return 'yes'
  try {
    unpickle(head, {
      file: '',
      where: 'sniff',
      limits: { maxOpcodes: SNIFF_BYTES, maxHeldBytes: 64 * 1024 * 1024 }
    })
    return 'yes'
  } catch (e) {
    if (!(e instanceof CheckpointError)) throw e
    if (!(e instanceof PickleError) || e.scan === undefined) return 'no'
    const scan: PickleScan = e.scan
    if (importsPythonNames(scan)) return 'yes'
    // tensor data records: only an import or a STOP is evidence, and they are never read further
    if (options.strict === true) return 'no'
    // ran out of input (or past the trial's opcode bound) partway: well-formed so far
    const partway = (e.code === 'Truncated' && !options.whole) || e.code === 'PickleLimitExceeded'
    if (!partway) return 'no'
    if (scan.opcodes >= MIN_PLAIN_OPCODES) return 'yes'
    return options.whole ? 'no' : 'more'
  }
}

/**
 * `looksLikePickle` on a source read through `read(length)`, growing the window (x16) while the trial needs more
 * bytes, up to `max` (the caller's budget for a candidate it would then read whole anyway).
 */
export async function sourceLooksLikePickle(
  read: (length: number) => Promise<Uint8Array>,
  size: number,
  max: number,
  strict = false
): Promise<boolean> {
  let window = Math.min(size, SNIFF_BYTES)
  for (;;) {
    const head = await read(window)
    const whole = head.length >= size
    const verdict = trial(head, { whole, strict })
    if (verdict !== 'more') return verdict === 'yes'
    if (whole || window >= max) return false
    window = Math.min(size, max, window * 16)
  }
}
