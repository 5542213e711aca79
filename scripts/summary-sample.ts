/**
 * The gate run the README's summary picture shows: `model-compat gate` on examples/. The picture
 * (docs/images/gate-summary.png) and the Markdown it was rendered from (docs/images/gate-summary.md) are written
 * by scripts/render-summary-image.ts; a test renders the same run and fails when the committed Markdown no longer
 * matches the renderer, so the picture cannot silently go stale.
 */

export const SAMPLE_BASELINE = 'examples/baseline/wan-t2v-like.manifest.json'
export const SAMPLE_ARTIFACTS = [
  'examples/artifacts/longcat-like.safetensors',
  'examples/artifacts/wan-lora-diffusers-naming.safetensors',
  'examples/artifacts/wan-lora-fits.safetensors',
  'examples/artifacts/wan-lora-other-size.safetensors'
]
/** The Markdown the picture shows, committed beside it (repository-relative). */
export const SAMPLE_MARKDOWN = 'docs/images/gate-summary.md'
export const SAMPLE_IMAGE = 'docs/images/gate-summary.png'

/** The arguments of that run after `model-compat`, writing the summary to `summaryPath`. */
export function sampleGateArgs(summaryPath: string): string[] {
  return ['gate', '--baseline', SAMPLE_BASELINE, '--summary', summaryPath, ...SAMPLE_ARTIFACTS]
}
