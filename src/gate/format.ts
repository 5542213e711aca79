/** Number formatting shared by the gate's messages and the Markdown report. */

import { formatPercent } from '../util/figures.js'
import type { GateMetric } from './types.js'

// One rounding for every figure, in the gate's messages and in every renderer.
export { formatPercent }

/** A threshold as the user wrote it: 80 -> "80%", 72.5 -> "72.5%". */
export function formatThreshold(value: number): string {
  return `${Number.isInteger(value) ? value : value.toString()}%`
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}

/** Percent of `part` over `whole`, 0 when `whole` is 0 (an empty LoRA loads nothing). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0
}

/**
 * Cut between words, marking the cut with an ellipsis: a reason never ends in half a word. Only text with no space
 * at all in reach (one long key) is cut inside it.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max - 1)
  const space = head.lastIndexOf(' ')
  return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s;,:·—-]+$/, '')}…`
}

/** `loadable 62.5% is under the 80% threshold`. */
export function thresholdReason(metric: GateMetric, figure: number, threshold: number): string {
  return `${metric} ${formatPercent(figure)} is under the ${formatThreshold(threshold)} threshold`
}
