import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { expandModel, type SpecTensor } from '../../fixtures/specs.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { analyzeLora, compareLoras, resolveLora as resolveLoraTyped } from '../../src/lora/index.js'
import { wordResolution } from '../../src/report/lora-reasons.js'

/** The resolution with its reasons worded, as the CLI and the gate give it. */
const resolveLora = (...args: Parameters<typeof resolveLoraTyped>) =>
  wordResolution(resolveLoraTyped(...args))
import { buildLoraReport } from '../../src/lora/report.js'
import { renderLoraAnalysis, renderLoraResolution } from '../../src/report/lora-console.js'
import { renderLoraComparison } from '../../src/report/lora-compare-console.js'
import { loraAnalysisMarkdown, loraResolutionMarkdown } from '../../src/report/lora-markdown.js'
import { TOOL } from '../../src/version.js'

const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(new URL('../../schemas/lora.schema.json', import.meta.url), 'utf8'))
)

// Key fragments that real files use, recombined at random: prefixes, paths, separators and adapter suffixes.
const prefixes = [
  '',
  'lora_unet_',
  'lora_unet__',
  'lora_te1_',
  'diffusion_model.',
  'transformer.',
  'base_model.model.',
  'lycoris_',
  'lora___lorahyphen___',
  '__proto__.',
  'constructor'
]
const paths = [
  'blocks.0.self_attn.q',
  'blocks_3_cross_attn_k_img',
  'blocks.99999.ffn.0',
  'double_blocks.0.img_attn.qkv',
  'x',
  '',
  '.',
  '..',
  'blocks.0',
  'a___lorahyphen___b',
  'toString'
]
const suffixes = [
  '.lora_down.weight',
  '.lora_up.weight',
  '.alpha',
  '.lora_A.default.weight',
  '.lora_B.bias',
  '.lora_up.blocks.0.weight',
  '.lora_up.blocks.7.weight',
  '.hada_w1_a',
  '.hada_w2_b',
  '.lokr_w1',
  '.lokr_w2_b',
  '.diff',
  '.diff_b',
  '.diff_m',
  '.on_input',
  '.weight',
  '.dora_scale',
  '.lora_magnitude_vector',
  '.alpha_scale',
  '.processor.to_q_lora.down.weight',
  ''
]
const dims = fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 1536, 5120), fc.integer({ min: 0, max: 1 << 20 }))
const tensor = fc.record({
  name: fc
    .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...paths), fc.constantFrom(...suffixes))
    .map((p) => p.join('')),
  shape: fc.array(dims, { maxLength: 5 }),
  dtype: fc.constantFrom('BF16', 'F32', '__proto__', 'Q4_K')
})

function checkpoint(tensors: SpecTensor[], path: string): Checkpoint {
  return { path, format: 'manifest', bytes: 0, tensors, metadata: {}, globals: [], warnings: [] }
}

describe('hostile LoRA inputs', () => {
  const base = expandModel('wan2.1-t2v-1.3b')
  it('analysis, resolution, comparison and every renderer never throw, and the JSON stays schema-valid', () => {
    fc.assert(
      fc.property(
        fc.array(tensor, { maxLength: 40 }),
        fc.array(tensor, { maxLength: 10 }),
        (ts: SpecTensor[], baseExtra: SpecTensor[]) => {
          const a = analyzeLora(checkpoint(ts, 'lora'))
          const b = checkpoint([...base, ...baseExtra], 'base')
          const r = resolveLora(a, b)
          expect(
            r.counts.ok +
              r.counts.unresolved +
              r.counts['shape-mismatch'] +
              r.counts.unsupported +
              r.counts['not-checked']
          ).toBe(a.modules.length)
          expect(r.checked).toBe(a.modules.length - r.counts['not-checked'])
          expect(r.loadablePercent).toBeGreaterThanOrEqual(0)
          expect(r.loadablePercent).toBeLessThanOrEqual(100)
          const c = compareLoras(a, a)
          renderLoraAnalysis(a, { color: true })
          renderLoraResolution(r, { color: false })
          renderLoraComparison(c, { color: false })
          loraAnalysisMarkdown(a)
          loraResolutionMarkdown(r)
          const doc = JSON.parse(
            JSON.stringify(buildLoraReport({ tool: TOOL, analyses: [a], resolutions: [r], comparison: c }))
          )
          if (!validate(doc)) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)))
        }
      ),
      { numRuns: 150, seed: 4 }
    )
  })
})
