/**
 * The words of LoRA resolution reasons and causes (src/lora/reasons.ts): the one place each kind is said. The
 * console and Markdown renderers call these; `wordResolution` fills the `reason` / `cause` strings of the JSON
 * documents (schemas/lora.schema.json) from the typed fields.
 */
import { familyDisplayName } from '../lora/layers.js'
import type { ResolutionCause, ResolutionReason } from '../lora/reasons.js'
import type { LoraResolution, ModuleResolution } from '../lora/types.js'

/** The blocks a base has: `blocks 0-29`, or `only block 0` for a one-block base. */
export function baseDepth(series: string, max: number): string {
  if (max > 0) return `${series} 0-${max}`
  return `only ${series === 'blocks' ? 'block' : series} 0`
}

function rowRanges(rows: { start: number; end: number }[]): string {
  return rows.map((r) => `rows ${r.start}-${r.end - 1}`).join(', ')
}

export function reasonText(why: ResolutionReason): string {
  switch (why.kind) {
    case 'no-text-encoder':
      return why.present.length === 0
        ? `text-encoder module (${why.prefix || 'text encoder'}); the base has no text encoder (transformer-only)`
        : `text-encoder ${why.textEncoder} module; the base has text encoder(s) ${why.present.join(', ')} but no such key`
    case 'no-denoiser':
      return 'the base has no denoiser keys'
    case 'other-component': {
      const mine =
        why.module === 'denoiser'
          ? 'denoiser module'
          : `text-encoder module (${why.prefix || `text encoder ${why.textEncoder}`})`
      const base =
        why.base === 'denoiser'
          ? 'the base is the denoiser alone (transformer-only)'
          : why.module === 'text-encoder'
            ? `the base is one text encoder alone, read as text encoder ${why.baseTextEncoder} (the one the LoRA's modules fit)`
            : 'the base is a text encoder alone'
      return `${mine}; ${base}: not checked`
    }
    case 'other-architecture':
      return `LoRA for ${familyDisplayName(why.lora)} on a ${familyDisplayName(why.base)} base: no key of that name`
    case 'image-branch':
      return 'I2V-only module (CLIP image branch: k_img/v_img/img_emb); the base has no image branch (a T2V or Wan2.2 model)'
    case 'no-modulation':
      return 'modulation (adaLN) module; the base has no modulation layers at all (as Chroma, whose guidance network computes them)'
    case 'beyond-depth':
      return `block ${why.series}.${why.index} does not exist: the base has ${baseDepth(why.series, why.max)}`
    case 'no-base-key':
      return `no base key named ${why.path}${why.underscore ? ' (underscore form)' : ''}`
    case 'no-bias':
      return `the base module ${why.module} has no bias for this bias-only delta`
    case 'partial-split':
      return `fused ${why.path}: ${rowRanges(why.missing)} have no counterpart in the base, so a split would lose them`
    case 'shape-mismatch': {
      const rows = why.slice ? ` rows ${why.slice.offset}+${why.slice.size}` : ''
      return `shape mismatch against ${why.key} ${JSON.stringify(why.shape)}${rows}`
    }
    case 'unsupported-adapter':
      return 'no adapter tensors a loader recognises'
    case 'shapes-unchecked':
      return `${why.algorithm}: resolved, shapes not checked`
    case 'ia3-not-in-comfyui':
      return 'IA3: ComfyUI has no IA3 adapter and reports these keys as not loaded'
    case 'shape-note':
      return why.note
  }
}

const CONTEXT_LABELS: Record<number, string> = { 768: 'SD1.x', 1024: 'SD2.x', 2048: 'SDXL' }

export function causeText(c: ResolutionCause): string {
  switch (c.kind) {
    case 'text-context': {
      const label = (w: number) => CONTEXT_LABELS[w] ?? `context ${w}`
      return `${label(c.lora)} LoRA on ${label(c.base)} base: text context ${c.lora} vs ${c.base}`
    }
    case 'other-size':
      return `${c.lora} LoRA on ${c.base} base: in-dim ${c.loraWidth} vs ${c.baseWidth}`
    case 'in-dim':
      return 'in-dim differs from the base'
    case 'shape':
      return 'shape differs from the base'
    case 'text-encoder':
      return 'text-encoder modules; the base has no such text encoder'
    case 'other-component':
      return 'modules of a component the base does not hold (another file): no base weights to convert them onto'
    case 'image-branch':
      return 'I2V-only modules (k_img/v_img/img_emb) on a base without the image branch'
    case 'no-modulation':
      return 'modulation modules on a base without modulation layers (a Flux LoRA on Chroma, for one)'
    case 'beyond-depth':
      return `blocks beyond the base's depth (base has ${baseDepth(c.series, c.max)})`
    case 'other-architecture':
      return `LoRA for ${c.lora} on a ${c.base} base`
    case 'names-not-found':
      return 'names not found in the base'
    case 'no-bias':
      return 'bias-only deltas on base modules without a bias'
    case 'partial-split':
      return 'fused modules only part of whose rows the base has'
    case 'unsupported-adapter':
      return 'no adapter tensors a loader recognises'
  }
}

/** A module's reason as text, or undefined when it has none. */
export function moduleReason(r: ModuleResolution): string | undefined {
  return r.why ? reasonText(r.why) : r.reason
}

/** A file-level cause as text: its words from its kind, else the words it came with. */
export function causeWords(c: { why?: ResolutionCause; cause?: string }): string {
  return c.why ? causeText(c.why) : (c.cause ?? '')
}

/** Fill the `reason` and `cause` strings of a resolution from its typed fields (in place); returns it. */
export function wordResolution(r: LoraResolution): LoraResolution {
  for (const x of r.results) {
    if (x.why) x.reason = reasonText(x.why)
    if (x.causeWhy) x.cause = causeText(x.causeWhy)
  }
  for (const c of r.causes) c.cause = causeWords(c)
  return r
}
