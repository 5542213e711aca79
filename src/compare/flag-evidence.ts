/**
 * Why a red family or size flag stands: the facts it rests on as printable lines (`evidence.because`), which every
 * renderer prints under the flag and the JSON carries. A red "different model families" claim is read from names by
 * the detector; it is shown with the rule each side matched (keys, shapes, block counts it read) and the size
 * difference (block counts, widths, block shapes) or the poor correspondence that backs it.
 */
import { formatShare } from '../util/figures.js'
import type { Flag, StructureFacts } from './types.js'

type Family = NonNullable<StructureFacts['family']>

/** Detector evidence lines shown per side: the first ones name the keys and block counts the rule read. */
export const MAX_RULE_EVIDENCE = 6
/** Printed lines per flag, and characters per line: a hostile file's names must not flood the report. */
const MAX_LINES = 12
const MAX_LINE = 300

/** Red flags that say the two models differ in size (block counts, widths, block tensor shapes). */
const SIZE_CODES: ReadonlySet<string> = new Set(['block-count', 'hidden-dim', 'block-shapes', 'block-family'])

function line(text: string): string {
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text
}

/** `A read as Flux.1 [dev] (high confidence, flux rule): double_blocks: 19 blocks, ...`. */
function ruleLine(side: 'A' | 'B', family: Family): string {
  const shown = family.evidence.slice(0, MAX_RULE_EVIDENCE)
  const more = family.evidence.length - shown.length
  const read = shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? `; ${more} more` : ''}` : ''
  return line(`${side} read as ${family.name} (${family.confidence} confidence, ${family.id} rule)${read}`)
}

/**
 * The size difference behind a red family flag: the red size flags' own sentences, or, when the sizes agree, how
 * little of the networks corresponds (the reason the family flag was kept red).
 */
export function sizeLines(flags: readonly Flag[], parameters: number): string[] {
  const sizes = flags.filter((f) => f.kind === 'red' && SIZE_CODES.has(f.code)).map((f) => line(f.message))
  if (sizes.length > 0) return sizes.slice(0, MAX_LINES - 2)
  return [`only ${formatShare(parameters)} of the parameters correspond by name and shape`]
}

/** The evidence of a red model-family flag: each side's matched rule, then the size lines. */
export function familyBecause(a: Family, b: Family, sizes: readonly string[]): string[] {
  return [ruleLine('A', a), ruleLine('B', b), ...sizes].slice(0, MAX_LINES)
}

/** The width each side's hidden dim was read from (the tensors and shapes). */
export function widthBecause(a: StructureFacts, b: StructureFacts): string[] {
  return [
    line(`A: ${a.hiddenDim ?? 'unknown'} from ${a.hiddenDimEvidence ?? 'no tensor'}`),
    line(`B: ${b.hiddenDim ?? 'unknown'} from ${b.hiddenDimEvidence ?? 'no tensor'}`)
  ]
}

/**
 * A red family flag carries what backs it: each side's matched detector rule and the size difference (or the poor
 * correspondence) that kept it red. Run last, when every size flag is known.
 */
export function explainRedFamily(
  flags: Flag[],
  a: StructureFacts,
  b: StructureFacts,
  parameters: number
): void {
  const at = flags.findIndex((f) => f.code === 'model-family' && f.kind === 'red')
  if (at < 0 || !a.family || !b.family) return
  const f = flags[at]!
  const sizes = sizeLines(flags, parameters)
  flags[at] = { ...f, evidence: { ...f.evidence, sizes, because: familyBecause(a.family, b.family, sizes) } }
}

export function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The printable evidence lines of a flag (`evidence.because`), or none. */
export function flagBecause(f: Flag): string[] {
  return stringsOf(f.evidence.because).slice(0, MAX_LINES)
}
