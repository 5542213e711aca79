/**
 * The comparison's flag evidence (src/compare/verdict.ts: `{ hiddenDimA, evidenceA, layoutsA, ... }`) as sentences
 * for people. The comparison calls its two models A and B; the gate compares an artifact (A) against the baseline
 * (B), so the sides are named that way. Values the flag's title already states are left out: a title that reads
 * "different hidden dims: 64 vs 128" needs only the tensors the dims were read from.
 */
import { cutText, formatShape } from './format.js'
import { formatShare } from '../util/figures.js'

const MAX_EVIDENCE = 400
const MAX_VALUE = 120

/** One fact of the evidence: the keys it reads, and how it reads when the title does not already say it. */
interface EvidenceRule {
  keys: readonly string[]
  /** The key that must be present for the rule to apply (default: any of `keys`). */
  requires?: string
  render(values: readonly unknown[]): string | undefined
}

const sides = (label: string) => (v: readonly unknown[]) =>
  `${label}artifact ${show(v[0])}, baseline ${show(v[1])}`

/** Keys of src/compare/verdict.ts, in the order they read best. Pairs (xA, xB) become one fact. */
const RULES: readonly EvidenceRule[] = [
  // The printable lines a red family or hidden-dim flag carries for the comparison's renderers (`because`, `sizes`)
  // and the detector's confidences: the gate lists the size flags as reasons of their own, and its report carries
  // the comparison document with the rest; repeated here they would only lengthen every reason line.
  { keys: ['because', 'sizes', 'confidenceA', 'confidenceB'], render: () => undefined },
  // hidden-dim: the tensors (and shapes) each side's dim was read from.
  {
    keys: ['evidenceA', 'evidenceB'],
    render: (v) => `artifact: ${readFrom(v[0])}; baseline: ${readFrom(v[1])}`
  },
  { keys: ['hiddenDimA', 'hiddenDimB'], render: sides('hidden dim: ') },
  { keys: ['layoutsA', 'layoutsB'], render: sides('attention: ') },
  // block-count (block family prefixes) and model-family (family names).
  { keys: ['familyA', 'familyB'], render: (v) => `artifact: ${show(v[0])}; baseline: ${show(v[1])}` },
  { keys: ['blocksA', 'blocksB'], render: sides('blocks: ') },
  // block-family: one side's family with no counterpart.
  {
    keys: ['side', 'family', 'blocks'],
    requires: 'side',
    render: (v) =>
      `${v[0] === 'a' ? 'the artifact' : v[0] === 'b' ? 'the baseline' : show(v[0])} has ${show(v[1])}` +
      (v[2] !== undefined ? ` (${show(v[2])} blocks)` : '')
  },
  // naming: overlap shares in [0, 1].
  { keys: ['exact'], render: (v) => `exact overlap ${share(v[0])}` },
  { keys: ['normalized'], render: (v) => `overlap after stripping prefixes ${share(v[0])}` },
  { keys: ['mapped'], render: (v) => `mapped overlap ${share(v[0])}` },
  {
    keys: ['strippedA', 'strippedB'],
    render: (v) => `prefixes stripped: artifact ${prefixes(v[0])}, baseline ${prefixes(v[1])}`
  },
  { keys: ['renames'], render: (v) => `${show(v[0])} renames at medium or high confidence` },
  {
    keys: ['mediumOrHighMappings'],
    render: (v) => `${show(v[0])} mappings proposed at medium or high confidence`
  },
  // shapes.
  {
    keys: ['matching'],
    render: (v) => `${show(v[0])} common ${v[0] === 1 ? 'key' : 'keys'} with matching shapes`
  },
  { keys: ['differing'], render: (v) => (v[0] === 0 ? undefined : `${show(v[0])} with different shapes`) },
  { keys: ['examples'], render: (v) => shapeExamples(v[0]) }
]

/**
 * The evidence as text: known keys with their labels, unknown keys in a generic readable form ("some count:
 * artifact 3, baseline 4"), leaving out what the flag's title (`message`) already states.
 */
export function evidenceText(evidence: Record<string, unknown>, message = ''): string {
  const stated = statedIn(message)
  const used = new Set<string>()
  const parts: string[] = []
  for (const rule of RULES) {
    if (rule.requires ? !(rule.requires in evidence) : !rule.keys.some((k) => k in evidence)) continue
    const values = rule.keys.map((k) => evidence[k])
    rule.keys.forEach((k) => used.add(k))
    if (values.every((v) => v === undefined || stated(v))) continue
    const text = rule.render(values)
    if (text) parts.push(text)
  }
  parts.push(...genericParts(evidence, used, stated))
  return cutText(parts.join('; '), MAX_EVIDENCE)
}

/**
 * Whether the title already states a value: strings as written, numbers as whole words ("64", not the 6 of
 * "0.6%"), shares in [0, 1] as the comparison prints them ("12.5%"), lists when every item is stated.
 */
function statedIn(message: string): (v: unknown) => boolean {
  const words = new Set(message.split(/[^A-Za-z0-9_.+\-[\]]+/).filter((w) => w !== ''))
  const stated = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.length > 0 && v.every(stated)
    if (typeof v === 'string') return v !== '' && message.includes(v)
    if (typeof v === 'number') {
      return words.has(String(v)) || (v >= 0 && v <= 1 && message.includes(share(v)))
    }
    return false
  }
  return stated
}

/**
 * Keys no rule knows: `someCountA` and `someCountB` pair up (`some count: artifact 3, baseline 4`), a lone one
 * says its side (`some count (baseline): 4`), the rest read `some count: value`.
 */
function genericParts(
  evidence: Record<string, unknown>,
  used: Set<string>,
  stated: (v: unknown) => boolean
): string[] {
  const parts: string[] = []
  for (const [key, value] of Object.entries(evidence)) {
    if (used.has(key) || value === undefined) continue
    used.add(key)
    const side = /^([a-z][A-Za-z0-9]*?)([AB])$/.exec(key)
    if (side) {
      const [a, b] = [`${side[1]}A`, `${side[1]}B`]
      if (a in evidence && b in evidence) {
        used.add(a).add(b)
        if ([evidence[a], evidence[b]].every((v) => v === undefined || stated(v))) continue
        parts.push(`${words(side[1])}: artifact ${show(evidence[a])}, baseline ${show(evidence[b])}`)
        continue
      }
      if (!stated(value))
        parts.push(`${words(side[1])} (${side[2] === 'A' ? 'artifact' : 'baseline'}): ${show(value)}`)
      continue
    }
    if (!stated(value)) parts.push(`${words(key)}: ${show(value)}`)
  }
  return parts
}

/** `mediumOrHighMappings` -> `medium or high mappings`; `strippedA` -> `stripped a`. */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim()
}

function share(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatShare(v) : show(v)
}

/** `blocks.*.attn.qkv.weight [192, 64] in-features` -> `... [192, 64] (in-features)`: the shape, then which dim. */
function readFrom(v: unknown): string {
  return show(v).replace(/\] in-features$/, '] (in-features)')
}

function prefixes(v: unknown): string {
  return Array.isArray(v) && v.length > 0 ? v.map(show).join(', ') : 'none'
}

/** `[{ key, shapeA, shapeB }]` (ShapeDifference) -> `e.g. head.weight [2, 3] vs baseline [2, 4]`. */
function shapeExamples(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined
  const items = v.slice(0, 2).map((d: unknown) => {
    const x = d as { key?: unknown; shapeA?: unknown; shapeB?: unknown }
    return isShape(x.shapeA) && isShape(x.shapeB)
      ? `${show(x.key)} ${formatShape(x.shapeA)} vs baseline ${formatShape(x.shapeB)}`
      : show(d)
  })
  return `e.g. ${items.join(', ')}`
}

function isShape(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((n) => typeof n === 'number')
}

/** A value as text: lists joined with commas, objects as compact JSON, everything bounded. */
function show(v: unknown): string {
  let text: string
  if (typeof v === 'string') text = v
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') text = String(v)
  else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) text = v.join(', ')
  else if (v === null || v === undefined) text = 'none'
  else {
    try {
      text = JSON.stringify(v) ?? String(v)
    } catch {
      text = String(v)
    }
  }
  return cutText(text, MAX_VALUE)
}

/**
 * The comparison's flag titles speak of "A" and "B" in a few places ("A's blocks (4 blocks) has no counterpart in
 * B", "60.0% of A mapped"); in the gate, A is the artifact and B the baseline. The first letter is capitalised so
 * the comparison's titles read like the gate's own ("Shape mismatch", "Likely cause").
 */
export function flagTitle(message: string): string {
  const text = message
    .replace(/\bA's\b/g, "the artifact's")
    .replace(/\bB's\b/g, "the baseline's")
    .replace(/\b(in|of|from|to|than) A\b/g, '$1 the artifact')
    .replace(/\b(in|of|from|to|than) B\b/g, '$1 the baseline')
    .replace(/^A is\b/, 'the artifact is')
    .replace(/^B is\b/, 'the baseline is')
    // a sentence whose subject is a side, before its verb (`A stores 300 weights as ...`)
    .replace(/^A (?=[a-z]+s\b)/, 'the artifact ')
    .replace(/^B (?=[a-z]+s\b)/, 'the baseline ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
