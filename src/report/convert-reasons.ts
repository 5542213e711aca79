/**
 * The words of conversion refusals and causes (src/convert/reasons.ts): the one place each kind is said. A module
 * that does not load on the base is said with the resolution's own words (lora-reasons.ts).
 */
import type { ConversionPlan } from '../convert/types.js'
import type { ConvertCause, Refusal } from '../convert/reasons.js'
import { causeText, reasonText } from './lora-reasons.js'

const STATUS_WORDS: Record<string, string> = {
  ok: 'ok',
  unresolved: 'unresolved',
  'shape-mismatch': 'shape mismatch',
  unsupported: 'unsupported'
}

export function refusalText(r: Refusal): string {
  switch (r.kind) {
    case 'not-loadable': {
      const reason = r.why ? reasonText(r.why) : (STATUS_WORDS[r.status] ?? r.status)
      return r.expected && !reason.includes(r.expected) ? `${reason}: ${r.expected}` : reason
    }
    case 'not-lora':
      return `${r.algorithm} module: convert rewrites plain LoRA (down/up) modules only`
    case 'extra-tensors':
      return `has ${r.roles.join(', ')} tensors, which convert does not rewrite exactly`
    case 'inconsistent':
      return `inconsistent module: ${r.issues.join('; ')}`
    case 'alpha-unread':
      return 'alpha value could not be read (not a F32/F16/BF16/F64 scalar)'
    case 'no-scale':
      return 'no scale known for this module'
    case 'no-byte-range':
      return `${r.tensor} has no byte range`
    case 'no-naming':
      return `text-encoder module: the ${r.to} convention has no text-encoder naming here (use --to kohya or diffusers)`
    case 'not-a-base-weight':
      return `target ${r.key} is not a base weight`
    case 'split-conv':
      return 'split of a conv LoRA module is not supported'
    case 'stack-conv':
      return `stacking conv LoRA modules onto ${r.key} is not supported`
    case 'scales-differ':
      return `parts on ${r.key} have different scales (${r.scales.join(', ')}); one alpha cannot keep them all`
    case 'dtypes-differ':
      return `parts on ${r.key} have different dtypes; stacking raw bytes needs one dtype`
    case 'too-large':
      return `the stacked up matrix for ${r.key} would be ${r.bytes} bytes (limit ${r.limit})`
    case 'rows-outside':
      return `rows ${r.start}-${r.end - 1} fall outside ${r.key} ${JSON.stringify(r.shape)}`
    case 'order-unknown':
      return `the order of ${r.ambiguity.chunks.join(', ')} in ${r.key} cannot be told from the headers (${r.ambiguity.kind}); converting would guess`
    case 'reorder-conv':
      return `reordering the chunks of a conv LoRA module onto ${r.key} is not supported`
  }
}

export function convertCauseText(c: ConvertCause): string {
  return c.kind === 'resolution' ? causeText(c.cause) : refusalText(c.refusal)
}

/** Fill the `reason` and `cause` strings of a plan from its typed fields (in place); returns it. */
export function wordPlan(plan: ConversionPlan): ConversionPlan {
  for (const r of [...plan.refused, ...plan.dropped]) r.reason = refusalText(r.why)
  for (const c of plan.causes) c.cause = convertCauseText(c.why)
  return plan
}
