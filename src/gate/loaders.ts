/**
 * A LoRA gated per runtime (the `loader` input): each listed loader's result, and the reason a failing one gives.
 * The views come from the engines (engines.ts `resolveLora` with a loader profile).
 */
import { LOADER_LABELS } from '../lora/loaders/verdict.js'
import { cutText, thresholdReason } from './format.js'
import type { LoaderResult, LoraView } from './types.js'

export function loaderResult(view: LoraView, threshold: number): LoaderResult {
  const loader = view.loader ?? 'any'
  const loaded = view.modules.filter((m) => m.status === 'loadable').length
  const out: LoaderResult = {
    loader,
    loadable: view.loadable,
    modules: view.checkedCount,
    loaded,
    brokenLoads: view.brokenLoads ?? 0,
    passed: view.fileError === undefined && view.loadable >= threshold
  }
  if (view.fileError !== undefined) out.fileError = view.fileError
  // The cause names its runtime already (`ComfyUI: lora key not loaded ...`); the loader column says it too.
  const cause = view.cause?.replace(new RegExp(`^${LOADER_LABELS[loader]}: `), '')
  const why = view.fileError !== undefined ? `the whole file fails: ${view.fileError}` : cause
  if (why !== undefined && loaded < view.checkedCount) out.why = cutText(why, 300)
  return out
}

/** `ComfyUI: loadable 0% is under the 80% threshold (the whole file fails: KeyError: ...)`. */
export function loaderReason(l: LoaderResult, threshold: number): string {
  const head = `${LOADER_LABELS[l.loader]}: ${thresholdReason('loadable', l.loadable, threshold)}`
  return l.why ? `${head} (${l.why})` : head
}
