/**
 * How a LoRA fares under each runtime loader profile, in one line for the console and Markdown:
 * `loads in: ComfyUI 20/20, diffusers 0/20 (fails: ValueError ...)`. Pure.
 */
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import type { LoraResolution } from '../lora/types.js'

/** One profile's figure: `ComfyUI 20/20`, `diffusers fails (KeyError: ...)`, with modules it merges broken. */
export function loaderFigure(r: LoraResolution, maxError = 80): string {
  const label = LOADER_LABELS[r.loader ?? 'any']
  if (r.fileError !== undefined) {
    const e = r.fileError.length > maxError ? `${r.fileError.slice(0, maxError - 3)}...` : r.fileError
    return `${label} 0/${r.modules} (the whole file fails: ${e})`
  }
  const broken = r.results.filter((m) => m.status !== 'ok' && m.runtimeLoads === true).length
  return `${label} ${r.loadable}/${r.modules}${broken > 0 ? ` (+${broken} merged with the wrong layout)` : ''}`
}

/** The line the console shows under the answer when no single loader was asked for. */
export function loadsInLine(profiles: readonly LoraResolution[]): string {
  return `loads in: ${profiles.map((p) => loaderFigure(p)).join(', ')}`
}

/** Why a runtime does not load a LoRA fully: its file error, else its most frequent cause. */
export function loaderWhy(r: LoraResolution): string | null {
  if (r.fileError !== undefined) return `the whole file fails: ${r.fileError}`
  if (r.loadable === r.modules) return null
  const top = r.causes[0]
  return top ? `${top.modules} ${top.modules === 1 ? 'module' : 'modules'}: ${top.cause}` : null
}
