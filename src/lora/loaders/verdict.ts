/**
 * A loader profile's verdict per module, and the resolution document built from them: the same schema as the
 * resolver's (src/lora/types.ts `LoraResolution`), with the loader named, the file-level error when the runtime
 * refuses the whole file, and what it does silently.
 */
import { byCodeUnit } from '../order.js'
import type { LoaderName, LoraResolution, ModuleResolution } from '../types.js'
import { emptyCounts, loadableFigures } from '../counts.js'

export interface ModuleVerdict {
  r: ModuleResolution
  /** The file-level cause it counts under (a failing module). */
  cause?: string
  /** The runtime refuses the whole file because of this module, with this error. */
  fileError?: string
  /** Something the runtime does silently with this module (counted once per kind in `loaderNotes`). */
  note?: string
}

export const LOADER_LABELS: Readonly<Record<LoaderName, string>> = {
  any: 'any',
  comfyui: 'ComfyUI',
  diffusers: 'diffusers'
}

/** Assemble a resolution from per-module verdicts; a file error makes every module not load. */
export function assemble(
  loader: LoaderName,
  base: Pick<LoraResolution, 'lora' | 'base' | 'baseFamily' | 'baseWidth'>,
  verdicts: ModuleVerdict[],
  extra: { fileError?: string; notes?: string[] } = {}
): LoraResolution {
  const label = LOADER_LABELS[loader]
  const fileError = extra.fileError ?? verdicts.find((v) => v.fileError)?.fileError
  const counts = emptyCounts()
  const causes = new Map<string, number>()
  const notes = new Map<string, number>()
  for (const n of extra.notes ?? []) notes.set(n, 0)
  const results: ModuleResolution[] = []
  for (const v of verdicts) {
    const r = v.r
    if (fileError !== undefined && !v.fileError) {
      r.status = 'unresolved'
      r.runtimeLoads = false
      delete r.expected
      r.reason = `${label}: the whole file fails to load (${fileError})`
    }
    if (fileError !== undefined) r.cause = `${label}: the whole file fails to load`
    else if (r.status === 'not-checked') delete r.cause
    else if (r.status !== 'ok') r.cause = v.cause ?? `${label}: not loaded`
    else delete r.cause
    if (v.note !== undefined && fileError === undefined) notes.set(v.note, (notes.get(v.note) ?? 0) + 1)
    counts[r.status]++
    if (r.cause !== undefined) causes.set(r.cause, (causes.get(r.cause) ?? 0) + 1)
    results.push(r)
  }
  const modules = results.length
  const out: LoraResolution = {
    ...base,
    ...loadableFigures(modules, counts),
    counts,
    causes: [...causes.entries()]
      .map(([cause, n]) => ({ cause, modules: n }))
      .sort((a, b) => b.modules - a.modules || byCodeUnit(a.cause, b.cause)),
    results,
    loader
  }
  if (fileError !== undefined) out.fileError = fileError
  const noteList = [...notes.entries()].map(([n, c]) => (c > 1 ? `${n} (${c} modules)` : n))
  if (noteList.length > 0) out.loaderNotes = noteList
  return out
}
