/**
 * The engine's links as the comparison's key mappings: raw keys, shapes, whether the shapes fit, and the reason
 * in words (from the structured evidence, which the mapping keeps too).
 */
import type { Evidence, Link } from '../correspond/index.js'
import type { KeyMapping } from './types.js'
import { numel } from '../util/numel.js'

// Index loops and slice() below: this runs once per link (a thousand in a large pair) in a short-lived process,
// mostly interpreted, where for-of, spread and reduce step through the iterator protocol or a callback per item.
function shapesOf(
  keys: readonly string[],
  side: 'a' | 'b',
  shapeOf: (side: 'a' | 'b', key: string) => readonly number[]
): { shapes: number[][]; numel: number } {
  const shapes: number[][] = new Array<number[]>(keys.length)
  let total = 0
  for (let i = 0; i < keys.length; i++) {
    const shape = shapeOf(side, keys[i]!).slice()
    shapes[i] = shape
    total += numel(shape)
  }
  return { shapes, numel: total }
}

function words(e: Evidence): string {
  switch (e.kind) {
    case 'same-name':
      return 'same name'
    case 'same-tokens':
      return 'same name words'
    case 'block-aligned':
      return e.names
        ? `aligned blocks ${e.names[0]} ~ ${e.names[1]}`
        : `aligned blocks ${e.series[0]}.${e.index[0]} ~ ${e.series[1]}.${e.index[1]}`
    case 'same-layer-name':
      return `same layer name (${e.name})`
    case 'unique-shape':
      return `only pair of shape [${e.shape.join(', ')}]`
    case 'same-role':
      return `same role (${e.role}${e.stream && e.stream !== 'main' ? `, ${e.stream} stream` : ''}${
        e.position !== undefined ? `, place ${e.position}` : ''
      })`
    case 'numbered-stream':
      return `stream number ${e.number} read as the ${e.stream} stream (joint attention lists the context first)`
    case 'role-order':
      return `${e.role} number ${e.rank + 1} in name order`
    case 'rows-sum':
      return `rows ${e.parts.join(' | ')} sum exactly (${e.rows})`
    case 'rows-share': {
      const which = `${e.parts.join(', ')} ${e.parts.length > 1 ? 'are' : 'is'} ${e.parts.length} of ${e.of.length}`
      return e.sizes
        ? `${which} parts ${e.of.join(' | ')} of ${e.rows} rows sized ${e.sizes.join(' | ')} (grouped-query attention: k and v equal, q a whole multiple of them; the others have no counterpart)`
        : `${which} equal parts ${e.of.join(' | ')} of ${e.rows} rows (the others have no counterpart)`
    }
    case 'last-of-shape':
      return `the last of ${e.of} of shape [${e.shape.join(', ')}] once the others are placed`
    case 'same-module':
      return `in modules already linked (${e.modules[0]} ~ ${e.modules[1]})`
    case 'same-numel':
      return `same element count ([${e.shapes[0].join(', ')}] vs [${e.shapes[1].join(', ')}])`
    case 'chunk-order':
      return `chunks ${e.chunks.join('/')} stored in order ${e.order.join(',')}`
    case 'position-only':
      return 'by position only: names do not tell these apart'
    case 'projection-transpose':
      return e.square
        ? 'a projection parameter (x @ P, stored [in, out]) against a Linear weight ([out, in]): transposed'
        : 'a projection parameter (x @ P, stored [in, out]) against a Linear weight ([out, in]): transposed, as the swapped shapes show'
    case 'roles-differ':
      return `the names read as different roles (${e.roles[0]} vs ${e.roles[1]}): verify`
    case 'copied-per-block':
      return `one copy in each of the ${e.copies} blocks of ${e.series}`
  }
}

/**
 * Reasons already worded, by evidence array: the engine gives a layer's weight and bias links one evidence array
 * (read-only once emitted), so their reason is worded once. Weak: a gate run compares many pairs in one process.
 */
const described = new WeakMap<readonly Evidence[], string>()

export function describeLink(l: Pick<Link, 'evidence'>): string {
  let text = described.get(l.evidence)
  if (text === undefined) described.set(l.evidence, (text = l.evidence.map(words).join('; ')))
  return text
}

/**
 * A broadcast's or collapse's shapes agree when every copy holds the lone tensor's elements (their sum is the
 * copies' count times it); undefined for the other kinds, whose two sides hold the same elements in all.
 */
function copiesCompatible(
  kind: Link['kind'],
  source: { shapes: number[][]; numel: number },
  target: { shapes: number[][]; numel: number }
): boolean | undefined {
  if (kind !== 'broadcast' && kind !== 'collapse') return undefined
  const [lone, copies] = kind === 'broadcast' ? [source, target] : [target, source]
  return copies.shapes.every((s) => numel(s) === lone.numel)
}

export function toKeyMapping(
  l: Link,
  shapeOf: (side: 'a' | 'b', key: string) => readonly number[]
): KeyMapping {
  const source = shapesOf(l.a, 'a', shapeOf)
  const target = shapesOf(l.b, 'b', shapeOf)
  const m: KeyMapping = {
    source: l.a.slice(),
    target: l.b.slice(),
    kind: l.kind,
    confidence: l.confidence,
    reason: describeLink(l),
    shapes: { source: source.shapes, target: target.shapes },
    shapeCompatible: copiesCompatible(l.kind, source, target) ?? source.numel === target.numel,
    evidence: l.evidence
  }
  if (l.rows) m.rows = l.rows.map((r) => ({ ...r }))
  const sum = l.evidence.find((e) => e.kind === 'rows-sum' || e.kind === 'rows-share')
  if (sum?.kind === 'rows-share' && l.rows && !l.ambiguity) {
    m.ambiguity = `${sum.sizes ? 'unequal' : 'equal-sized'} parts: row order ${sum.of.join(', ')} (the fused-projection convention; headers cannot verify it)`
  } else if (sum?.kind === 'rows-sum' && l.rows && !l.ambiguity) {
    // The fused row order is the convention every known converter uses; stated, since no header shows it.
    const sizes = l.rows.map((r) => r.end - r.start)
    const equal = sizes.every((n) => n === sizes[0])
    m.ambiguity = `${equal ? 'equal-sized' : 'unequal'} parts: row order ${sum.parts.join(', ')} (the fused-projection convention; headers cannot verify it)`
  }
  if (l.ambiguity) {
    m.ambiguity =
      l.ambiguity.kind === 'chunk-layout'
        ? `rows interleaved in chunks no header shows (${l.ambiguity.chunks.length} parts): the keys correspond, the row layout is unknown`
        : l.ambiguity.kind === 'modulation-chunks'
          ? `modulation chunks (${l.ambiguity.chunks.join('/')}) are assumed in the same order on both sides; headers cannot verify it (diffusers AdaLayerNormContinuous stores scale before shift)`
          : l.ambiguity.kind === 'copies-assumed-equal'
            ? 'the copies are taken as equal (a converter keeps the first): headers cannot show that a fine-tune left them so'
            : l.ambiguity.kind === 'transpose-convention'
              ? 'square matrix: the transpose is the projection convention (CLIP multiplies x @ P), not something the shapes show'
              : l.ambiguity.kind === 'equal-shapes'
                ? `equal shapes, names do not tell them apart; could be swapped: ${l.ambiguity.chunks.join(' or ')}`
                : `equal-sized ${l.ambiguity.chunks.join('/')} chunks (${l.ambiguity.kind}): their order cannot be verified from the headers`
  }
  return m
}
