/**
 * Pickles inside files we do not read as checkpoints. torch.load still loads a tar archive (the PyTorch 0.1.1
 * format: its `pickle` member is unpickled), and an archive we cannot open (7z) may store a pickle as plain
 * bytes. Before such a file is refused, its pickles are found and scanned, so the refusal names what they
 * import: tar members are walked header by header (member data is skipped, never read, unless it looks like a
 * pickle), and any other unknown file has its first bytes searched for PROTO markers, each tried as a pickle.
 */
import type { FileBudget } from '../budget.js'
import { CheckpointError, isCheckpointError } from '../errors.js'
import type { ByteSource } from '../source.js'
import type { PickleGlobal } from '../types.js'
import { mergeGlobals, PickleError, scanGlobals, type PickleScan } from './pickle/scan.js'
import { importsPythonNames, sourceLooksLikePickle } from './pickle/sniff.js'
import { unpickle } from './pickle/unpickler.js'
import { pickleLimits } from './zip-checkpoint.js'
import { SCAN_LIMITS } from '../limits.js'

const CARVE_BYTES = SCAN_LIMITS.carveBytes
const MAX_CARVE_TRIALS = SCAN_LIMITS.maxCarveTrials
const MAX_TAR_MEMBERS = SCAN_LIMITS.maxTarMembers
const TAR_BLOCK = 512

/** The error `refusal` with the globals of every pickle found in `source` attached. */
export async function refuseWithEmbeddedPickles(
  source: ByteSource,
  kind: 'tar' | 'unknown',
  budget: FileBudget,
  refusal: CheckpointError
): Promise<CheckpointError> {
  const scans: PickleScan[] = []
  try {
    if (kind === 'tar') await scanTarMembers(source, budget, scans)
    else await carvePickles(source, budget, scans)
  } catch (e) {
    if (!isCheckpointError(e)) throw e
    return PickleError.withGlobals(e, mergeGlobals(scans.flatMap(scanGlobals)))
  }
  const globals: PickleGlobal[] = mergeGlobals(scans.flatMap(scanGlobals))
  if (globals.length === 0) return refusal
  const where = [...new Set(scans.map((s) => s.where))].slice(0, 3).join(', ')
  return new PickleError(refusal.code, refusal.file, `${refusal.detail}; it holds pickles (${where})`, {
    globals
  })
}

/** Scan one candidate pickle at `start` of `bytes`; keep its scan when it is a pickle. Returns its end. */
function scanCandidate(
  bytes: Uint8Array,
  start: number,
  where: string,
  source: ByteSource,
  budget: FileBudget,
  scans: PickleScan[]
): number | undefined {
  try {
    const result = unpickle(bytes, { file: source.name, where, start, limits: pickleLimits({}, budget) })
    budget.chargePickle(result.held, where)
    scans.push(result.scan)
    return result.end
  } catch (e) {
    if (!(e instanceof PickleError) || e.code === 'BudgetExceeded') throw e
    if (importsPythonNames(e.scan)) scans.push(e.scan!)
    return undefined
  }
}

async function carvePickles(source: ByteSource, budget: FileBudget, scans: PickleScan[]): Promise<void> {
  const length = Math.min(source.size, CARVE_BYTES)
  budget.chargePickle(length, 'the searched bytes')
  const bytes = await source.read(0, length)
  let trials = 0
  for (let at = bytes.indexOf(0x80); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(0x80, at + 1)) {
    const p = bytes[at + 1]!
    if (p < 2 || p > 5) continue
    if (++trials > MAX_CARVE_TRIALS) break
    const before = scans.length
    const end = scanCandidate(bytes, at, `${source.name}@+0x${at.toString(16)}`, source, budget, scans)
    // a trial that imports nothing Python could resolve is not a pickle
    if (scans.length > before && !importsPythonNames(scans[scans.length - 1])) scans.pop()
    else if (end !== undefined) at = end - 1
  }
}

/** Walk a tar archive's member headers; scan members named like pickles or that look like one. */
async function scanTarMembers(source: ByteSource, budget: FileBudget, scans: PickleScan[]): Promise<void> {
  let pos = 0
  for (let n = 0; n < MAX_TAR_MEMBERS && pos + TAR_BLOCK <= source.size; n++) {
    const header = await source.read(pos, TAR_BLOCK)
    if (header.every((b) => b === 0)) return
    const name = cString(header.subarray(0, 100))
    const size = parseOctal(header.subarray(124, 136))
    const type = String.fromCharCode(header[156]!)
    if (size === undefined) return
    const dataAt = pos + TAR_BLOCK
    const regular = type === '0' || type === '\0'
    if (regular && size > 0 && dataAt + size <= source.size) {
      const named = /(^|\/)pickle$|\.(pkl|pickle)$/i.test(name)
      const first = (length: number) => source.read(dataAt, Math.min(size, length))
      if (named || (await sourceLooksLikePickle(first, size, Math.min(size, budget.pickleBytesLeft())))) {
        budget.chargePickle(size, `tar member ${name}`)
        const bytes = await source.read(dataAt, size)
        scanCandidate(bytes, 0, `${source.name}:${name}`, source, budget, scans)
      }
    }
    pos = dataAt + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK
  }
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0)
  return new TextDecoder('utf-8', { fatal: false }).decode(end < 0 ? bytes : bytes.subarray(0, end))
}

/** A tar size field: octal digits, NUL- or space-terminated. */
function parseOctal(field: Uint8Array): number | undefined {
  const text = String.fromCharCode(...field)
    .replace(/[\0 ]+$/g, '')
    .trim()
  if (!/^[0-7]{1,11}$/.test(text)) return undefined
  return parseInt(text, 8)
}
