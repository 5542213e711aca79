/**
 * How a LoRA fares under each runtime loader profile, in one line for the console and Markdown:
 * `loads in: ComfyUI 20/20, diffusers 0/20 (fails: ValueError ...)`. Pure.
 */
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import { cutText } from '../gate/format.js'
import type { ArtifactReport, LoaderResult } from '../gate/types.js'
import type { LoaderName, LoraResolution } from '../lora/types.js'
import { escapeText } from './markdown-text.js'

/** One profile's figure: `ComfyUI 20/20`, `diffusers fails (KeyError: ...)`, with modules it merges broken. */
export function loaderFigure(r: LoraResolution, maxError = 80): string {
  const label = LOADER_LABELS[r.loader ?? 'any']
  if (r.fileError !== undefined) {
    const e = r.fileError.length > maxError ? `${r.fileError.slice(0, maxError - 3)}...` : r.fileError
    return `${label} 0/${r.modules} (the whole file fails: ${e})`
  }
  const broken = r.results.filter((m) => m.status !== 'ok' && m.runtimeLoads === true).length
  return `${label} ${r.loadable}/${r.checked}${broken > 0 ? ` (+${broken} merged with the wrong layout)` : ''}`
}

/** The line the console shows under the answer when no single loader was asked for. */
export function loadsInLine(profiles: readonly LoraResolution[]): string {
  return `loads in: ${profiles.map((p) => loaderFigure(p)).join(', ')}`
}

/** Why a runtime does not load a LoRA fully: its file error, else its most frequent cause. */
export function loaderWhy(r: LoraResolution): string | null {
  if (r.fileError !== undefined) return `the whole file fails: ${r.fileError}`
  if (r.loadable === r.checked) return null
  const top = r.causes[0]
  return top ? `${top.modules} ${top.modules === 1 ? 'module' : 'modules'}: ${top.cause}` : null
}

/** One runtime's Markdown cell in the gate summary: `✅ 20 of 20`, `❌ 3 of 20: <why>`, `❌ file refused: KeyError ...`. */
export function loaderCell(l: LoaderResult | undefined, icons: { pass: string; fail: string }): string {
  if (!l) return '–'
  const icon = l.passed ? icons.pass : icons.fail
  if (l.fileError !== undefined) return `${icon} file refused: ${escapeText(cutText(l.fileError, 80))}`
  const broken = l.brokenLoads > 0 ? ` (+${l.brokenLoads} broken)` : ''
  const why = !l.passed && l.why ? `: ${escapeText(cutText(l.why, 80))}` : ''
  return `${icon} ${l.loaded} of ${l.modules}${broken}${why}`
}

/**
 * The summary's LoRA table gets a column per gated runtime (the `loader` input), when it names any: the header and
 * rule cells to splice in, and each artifact's cells.
 */
export function runtimeColumns(
  loras: readonly ArtifactReport[],
  icons: { pass: string; fail: string }
): { head: string; rule: string; cells(a: ArtifactReport): string } {
  const runtimes: LoaderName[] = []
  for (const a of loras)
    for (const l of a.lora?.loaders ?? []) if (!runtimes.includes(l.loader)) runtimes.push(l.loader)
  return {
    head: runtimes.map((r) => ` ${LOADER_LABELS[r]} |`).join(''),
    rule: runtimes.map(() => '---|').join(''),
    cells: (a) =>
      runtimes
        .map(
          (r) =>
            ` ${loaderCell(
              a.lora?.loaders?.find((x) => x.loader === r),
              icons
            )} |`
        )
        .join('')
  }
}
