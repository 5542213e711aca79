/**
 * `resolveLora`: the synchronous resolution, compare-mapper fallback included. Kept apart from resolve.ts
 * because it imports the mapper (src/compare) statically; the CLI uses `resolveLoraLazily` instead.
 */
import type { Checkpoint } from '../formats/types.js'
import type { BaseIndex } from './base-index.js'
import { compareFallback } from './compare-fallback.js'
import { startResolution, type ResolveOptions } from './resolve.js'
import type { LoraAnalysis, LoraResolution } from './types.js'

/** Resolve every module of an analysed LoRA against a base checkpoint (or a prebuilt index of one). */
export function resolveLora(
  analysis: LoraAnalysis,
  base: Checkpoint | BaseIndex,
  opts: ResolveOptions = {}
): LoraResolution {
  const pending = startResolution(analysis, base, opts)
  const checkpoint = pending.index.checkpoint
  if (pending.fallbackModules.length === 0 || checkpoint === undefined) return pending.finish()
  return pending.finish(compareFallback(pending.fallbackModules, pending.index.denoiser, checkpoint))
}
