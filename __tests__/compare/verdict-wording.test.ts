/**
 * The verdict line names its figure as the overlap table does, and two sizes of one family are not called
 * "different architectures".
 */
import { describe, expect, it } from '@jest/globals'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { renderComparisonConsole } from '../../src/report/compare-console.js'
import { renderComparisonMarkdown } from '../../src/report/compare-markdown.js'

const small = specCheckpoint(expandModel('wan2.1-t2v-1.3b'), 'wan-1.3b.safetensors')
const big = specCheckpoint(expandModel('wan2.1-t2v-14b'), 'wan-14b.safetensors')
const longcat = specCheckpoint(expandModel('longcat-video'), 'longcat.safetensors')

describe('verdict wording', () => {
  it('Wan 1.3B vs 14B: same keys, other shapes; the figure is the shape-compatible one and says so', () => {
    const c = compareCheckpoints(small, big)
    expect(c.verdict.tier).toBe('incompatible')
    expect(c.overlap.exact).toBe(1)
    const text = renderComparisonConsole(c, { color: false })
    expect(text.split('\n')[0]).toBe('✗ INCOMPATIBLE: 0.0% exact overlap with compatible shapes')
    // The summary follows the answer line, before the models.
    const summary = text.slice(text.indexOf('\n'), text.indexOf('\n  A  '))
    expect(summary).toContain('Same model family at another size')
    expect(summary).toContain('different hidden dims: 1536 vs 5120')
    expect(summary).not.toContain('Different architectures')
    expect(renderComparisonMarkdown(c)).toMatch(
      /^### ❌ Incompatible: 0\.0% exact overlap with compatible shapes\n/
    )
  })

  it('Wan vs LongCat stays "different architectures"', () => {
    const c = compareCheckpoints(big, longcat)
    expect(c.verdict.summary).toMatch(/^Different architectures/)
  })

  it('a prefix-only difference names the normalized figure', () => {
    const prefixed = specCheckpoint(
      expandModel('wan2.1-t2v-1.3b', { prefix: 'model.diffusion_model.' }),
      'prefixed.safetensors'
    )
    const first = renderComparisonConsole(compareCheckpoints(prefixed, small), { color: false }).split(
      '\n'
    )[0]
    expect(first).toBe('✓ COMPATIBLE: 100.0% overlap after stripping prefixes, with compatible shapes')
  })
})

describe('a LoRA given to compare', () => {
  const lora = specCheckpoint(
    [0, 1].flatMap((i) => [
      { name: `lora_unet_blocks_${i}_self_attn_q.lora_down.weight`, shape: [4, 1536], dtype: 'BF16' },
      { name: `lora_unet_blocks_${i}_self_attn_q.lora_up.weight`, shape: [1536, 4], dtype: 'BF16' },
      { name: `lora_unet_blocks_${i}_self_attn_q.alpha`, shape: [], dtype: 'F32' }
    ]),
    'lora.safetensors'
  )

  it('is flagged, and the verdict points to `model-compat lora`', () => {
    const c = compareCheckpoints(lora, small)
    expect(c.flags[0]).toMatchObject({
      kind: 'red',
      code: 'lora-file',
      message: 'A is a LoRA, not a model: 6 of its 6 keys are adapter tensors'
    })
    expect(c.verdict.summary).toBe(
      'A is a LoRA: a model comparison does not apply; `model-compat lora A --base B` tells whether it loads on B.'
    )
    expect(compareCheckpoints(small, lora).verdict.summary).toContain('`model-compat lora B --base A`')
  })

  it('two models are not flagged', () => {
    expect(compareCheckpoints(small, big).flags.some((f) => f.code === 'lora-file')).toBe(false)
  })
})

describe('a compatible verdict on part of A', () => {
  it('Wan I2V against T2V says which share matches and that the rest has no counterpart', () => {
    const i2v = specCheckpoint(expandModel('wan2.1-i2v-14b'), 'i2v.safetensors')
    const c = compareCheckpoints(i2v, big)
    expect(c.verdict.tier).toBe('compatible')
    expect(c.verdict.summary).toBe(
      // Every figure is rounded down, as the gate rounds it; the share is of both models' parameters.
      'LoRAs should work directly on what both share: keys and shapes match for 93.1% of the parameters; the other ' +
        '6.8% of the parameters has no compatible counterpart (see the unmatched keys and shape differences).'
    )
  })

  it('a whole match keeps the plain summary', () => {
    expect(compareCheckpoints(big, big).verdict.summary).toBe(
      'LoRAs should work directly: the keys and shapes match.'
    )
  })
})

describe('names and shapes that line up across different models', () => {
  it('HunyuanVideo against Flux: blocks line up by index only (20+40 vs 19+38), so nothing is high and it is not compatible', () => {
    const hunyuan = specCheckpoint(expandModel('hunyuanvideo-t2v'), 'hunyuan.safetensors')
    const flux = specCheckpoint(expandModel('flux.1-dev'), 'flux.safetensors')
    for (const c of [compareCheckpoints(hunyuan, flux), compareCheckpoints(flux, hunyuan)]) {
      expect(c.verdict.tier).not.toBe('compatible')
      expect(c.overlap.parameters).toBeLessThan(0.3)
      expect(c.flags.find((f) => f.code === 'model-family')?.kind).toBe('red')
    }
  })

  it('the same network under another naming stays compatible', () => {
    const diffusers = specCheckpoint(expandModel('wan2.1-t2v-14b-diffusers'), 'd.safetensors')
    expect(compareCheckpoints(big, diffusers).verdict.tier).toBe('compatible')
  })
})

describe('mapping reasons read as words', () => {
  it('words the engine evidence: blocks, roles, rows; no braces or token sets', async () => {
    const { describeLink } = await import('../../src/compare/links.js')
    expect(
      describeLink({
        evidence: [
          { kind: 'block-aligned', series: ['blocks', 'transformer_blocks'], index: ['3', '3'] },
          { kind: 'rows-sum', parts: ['q', 'k', 'v'], rows: 12 }
        ]
      })
    ).toBe('aligned blocks blocks.3 ~ transformer_blocks.3; rows q | k | v sum exactly (12)')
  })

  it('a share of a fused qkv states the slot sizes where they are unequal (grouped-query), as before where equal', async () => {
    const { toKeyMapping } = await import('../../src/compare/links.js')
    const shapes: Record<string, number[]> = {
      'layers.0.attn.to_q.weight': [64, 64],
      'layers.0.attn.to_v.weight': [16, 64],
      'layers.0.attention.qkv.weight': [96, 64]
    }
    const mapping = (sizes?: number[]) =>
      toKeyMapping(
        {
          kind: 'fuse',
          a: ['layers.0.attn.to_q.weight', 'layers.0.attn.to_v.weight'],
          b: ['layers.0.attention.qkv.weight'],
          rows: [
            { start: 0, end: 64 },
            { start: 80, end: 96 }
          ],
          confidence: 'high',
          evidence: [
            sizes
              ? { kind: 'rows-share', parts: ['q', 'v'], of: ['q', 'k', 'v'], rows: 96, sizes }
              : { kind: 'rows-share', parts: ['q', 'v'], of: ['q', 'k', 'v'], rows: 96 }
          ]
        },
        (_side, key) => shapes[key]!
      )
    const gqa = mapping([64, 16, 16])
    expect(gqa.reason).toBe(
      'q, v are 2 of 3 parts q | k | v of 96 rows sized 64 | 16 | 16 (grouped-query attention: k and v equal, q a whole multiple of them; the others have no counterpart)'
    )
    expect(gqa.ambiguity).toBe(
      'unequal parts: row order q, k, v (the fused-projection convention; headers cannot verify it)'
    )
    const equal = mapping()
    expect(equal.reason).toBe(
      'q, v are 2 of 3 equal parts q | k | v of 96 rows (the others have no counterpart)'
    )
    expect(equal.ambiguity).toBe(
      'equal-sized parts: row order q, k, v (the fused-projection convention; headers cannot verify it)'
    )
  })

  it('no reason of a Wan original -> diffusers comparison shows braces or # tokens', () => {
    const a = specCheckpoint(expandModel('wan2.1-t2v-1.3b'), 'wan.safetensors')
    const b = specCheckpoint(expandModel('wan2.1-t2v-1.3b-diffusers'), 'wan-diffusers.safetensors')
    const c = compareCheckpoints(a, b)
    expect(c.mappings.length).toBeGreaterThan(10)
    for (const m of c.mappings) expect(m.reason).not.toMatch(/[{}#]/)
  })
})
