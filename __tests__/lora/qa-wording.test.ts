/**
 * What the `lora` renderers say, checked against the QA findings: true totals (not the 200-item sample), unknown
 * alpha never counted as a difference, display names, one status wording, names in comparisons, no raw control
 * characters. Fixtures are header-only Checkpoints of the generators in fixtures/lora.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { expandModel, scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import {
  dottedLora,
  fullDiffLora,
  ia3Lora,
  kohyaLora,
  lokrLora,
  longcatLora,
  loraCheckpoint,
  targetsOf,
  type LoraFixture
} from '../../fixtures/lora.js'
import {
  analyzeLora,
  compareLoras,
  resolveLora as resolveLoraTyped,
  sizeLabel
} from '../../src/lora/index.js'
import { wordResolution } from '../../src/report/lora-reasons.js'

/** The resolution with its reasons worded, as the CLI and the gate give it. */
const resolveLora = (...args: Parameters<typeof resolveLoraTyped>) =>
  wordResolution(resolveLoraTyped(...args))
import type { LoraAnalysis } from '../../src/lora/types.js'
import {
  loraAnswer,
  renderLoraAnalysis,
  renderLoraResolution,
  resolutionAnswer
} from '../../src/report/lora-console.js'
import { renderLoraComparison } from '../../src/report/lora-compare-console.js'
import { colors } from '../../src/report/format.js'
import {
  loraAnalysisMarkdown,
  loraComparisonMarkdown,
  loraResolutionMarkdown
} from '../../src/report/lora-markdown.js'

const wan14 = expandModel('wan2.1-t2v-14b')
const wan13 = expandModel('wan2.1-t2v-1.3b')
const wanI2v = expandModel('wan2.1-i2v-14b')
const wan13Diffusers = expandModel('wan2.1-t2v-1.3b-diffusers')
const LINEARS = /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

function analyze(fx: LoraFixture, path = 'lora.safetensors', read = false): LoraAnalysis {
  return analyzeLora(loraCheckpoint(fx, path), read ? { scalars: fx.scalars } : {})
}

describe('LoRA vs LoRA counts', () => {
  // 400 modules on both sides, ranks 8 vs 16: every common module differs in rank.
  const k14 = kohyaLora(targetsOf(wan14, LINEARS), { rank: 8, alpha: 8 })
  const d14 = dottedLora(targetsOf(wan14, LINEARS), { prefix: 'diffusion_model.', rank: 16, alpha: 4 })
  d14.metadata = { ss_network_alpha: '4' }

  it('keeps the true total of rank differences beside the 200-item sample', () => {
    const x = compareLoras(analyze(k14, 'k14'), analyze(d14, 'd14'))
    expect(x.targets.common).toBe(400)
    expect(x.rank.differing).toHaveLength(200)
    expect(x.rank.differingCount).toBe(400)
    expect(renderLoraComparison(x, { color: false })).toMatch(
      /^ {2}rank +8\.\.8 .*400 common modules differ$/m
    )
    expect(loraComparisonMarkdown(x)).toContain('400 common modules differ')
  })

  it('an alpha not read is unknown, not a difference; read values do compare', () => {
    const unread = compareLoras(analyze(k14, 'k14'), analyze(d14, 'd14'))
    expect(unread.alpha).toMatchObject({ compared: 0, differingCount: 0, unread: { a: 400, b: 0 } })
    const row = renderLoraComparison(unread, { color: false })
    expect(row).toContain('  alpha: not read in A (400 modules); use --read-alpha\n')
    expect(row).not.toMatch(/alpha: \d+ of/)
    const read = compareLoras(analyze(k14, 'k14', true), analyze(d14, 'd14', true))
    expect(read.alpha).toMatchObject({ compared: 400, differingCount: 400, unread: { a: 0, b: 0 } })
    expect(read.alpha.differing).toHaveLength(200)
    expect(read.alpha.differing[0]).toMatchObject({ a: 8, b: 4 })
  })

  it('the analysis points at --read-alpha when alpha tensors were not read', () => {
    expect(renderLoraAnalysis(analyze(k14), { color: false })).toContain(
      '400 alpha tensors stored, values not read (use --read-alpha to read them)'
    )
  })

  it('renderers take display names for A and B', () => {
    const x = compareLoras(analyze(k14, '/x/k14.safetensors'), analyze(d14, '/x/d14.safetensors'))
    const out = renderLoraComparison(x, { color: false, names: ['Kohya run', 'Comfy run'] })
    expect(out).toContain('  A  Kohya run (/x/k14.safetensors)\n  B  Comfy run (/x/d14.safetensors)\n')
    expect(renderLoraComparison(x, { color: false })).toContain('  A  /x/k14.safetensors\n')
    expect(loraComparisonMarkdown(x, { names: ['Kohya run', 'Comfy run'] })).toContain(
      'A: `Kohya run` (`/x/k14.safetensors`), B: `Comfy run` (`/x/d14.safetensors`)'
    )
  })
})

describe('family labels', () => {
  const targets = targetsOf(wan13, LINEARS)

  it('is said once, with display names, for every adapter kind', () => {
    for (const fx of [lokrLora(targets), ia3Lora(targets), fullDiffLora(targets)]) {
      const out = renderLoraAnalysis(analyze(fx), { color: false })
      expect(out).toMatch(/targets\s+Wan\n/)
      expect(loraAnalysisMarkdown(analyze(fx))).toContain('| Targets | Wan |')
    }
    expect(renderLoraAnalysis(analyze(kohyaLora(targets)), { color: false })).toMatch(/targets\s+Wan 1\.3B\n/)
    expect(sizeLabel('sdxl', 1280)).toBe('SDXL (width 1280)')
    const sdxl = expandModel('sdxl-base-1.0')
    const unet = targetsOf(sdxl, /attn[12]\.to_[qkv]$/, { stripPrefix: 'model.diffusion_model.' })
    const out = renderLoraAnalysis(analyze(kohyaLora(unet)), { color: false })
    expect(out).toMatch(/targets\s+SDXL \(width \d+\)\n/)
    expect(out).not.toMatch(/sdxl \(/)
  })

  it('a LoRA for another architecture names both with display names', () => {
    const longcat = targetsOf(expandModel('longcat-video'), /^blocks\.[01]\.ffn\.w1$/)
    const r = resolveLora(analyze(longcatLora(longcat)), specCheckpoint(wan13, 'base13'))
    expect(r.causes).toMatchObject([{ cause: 'LoRA for LongCat-Video on a Wan base', modules: 2 }])
    // A 4096-wide fused qkv has no counterpart on a 1536-wide base (no rows of its width to split onto).
    const qkv = targetsOf(expandModel('longcat-video'), /^blocks\.[01]\.attn\.qkv$/)
    const split = resolveLora(analyze(longcatLora(qkv)), specCheckpoint(wan13, 'base13'))
    expect(split.causes).toMatchObject([{ cause: 'LoRA for LongCat-Video on a Wan base', modules: 2 }])
    expect(renderLoraResolution(r, { color: false })).toContain('resolution against base13 (Wan 1.3B)\n')
  })
})

describe('resolution wording', () => {
  it('a resolution under other names says how it was found', () => {
    const diff = targetsOf(wan13Diffusers, /^blocks\.\d+\.attn[12]\.to_[qkv]$/)
    const r = resolveLora(analyze(dottedLora(diff, { prefix: 'transformer.' })), specCheckpoint(wan13, 'b'))
    expect(r.loadable).toBe(diff.length)
    expect(renderLoraResolution(r, { color: false })).toContain(
      `${diff.length} modules resolved by the correspondence engine (structure, roles and shapes) onto other names`
    )
  })

  it('the closest base key is explained as a sentence', () => {
    const i2v = targetsOf(wanI2v, /^blocks\.0\.cross_attn\.k(?:_img)?$/)
    const r = resolveLora(
      analyze(dottedLora(i2v, { prefix: 'diffusion_model.' })),
      specCheckpoint(wan14, 'b')
    )
    const kImg = r.results.find((x) => x.path === 'blocks.0.cross_attn.k_img')!
    expect(kImg.nearest![0]).toEqual({
      key: 'blocks.0.cross_attn.k.weight',
      shape: [5120, 5120],
      why: 'same block and layer, but the LoRA targets k_img, which this base does not have'
    })
    expect(renderLoraResolution(r, { color: false })).toContain(
      'closest base key blocks.0.cross_attn.k.weight [5120, 5120]: same block and layer, but the LoRA targets k_img, which this base does not have'
    )
  })

  it('a name shared up to the middle of a module name is no shared layer (Flux img_mod against img_attn)', () => {
    const flux = expandModel('flux.1-dev')
    const noModulation = flux.filter((t) => !/_mod\.|\.modulation\./.test(t.name))
    const r = resolveLora(
      analyze(kohyaLora(targetsOf(flux, /^double_blocks\.0\.img_mod\.lin$/))),
      specCheckpoint(noModulation, 'b')
    )
    const near = r.results[0]!.nearest![0]!
    expect(near.why).toMatch(/^same block, but the LoRA targets img_mod_lin, which this base does not have$/)
  })

  it('a one-block base has "only block 0"', () => {
    const r = resolveLora(
      analyze(kohyaLora(targetsOf(wan13, /^blocks\.[01]\.self_attn\.q$/))),
      specCheckpoint(scaledModel('wan2.1-t2v-1.3b', { num_layers: 1 }), 'b')
    )
    const deep = r.results.find((x) => x.path === 'blocks_1_self_attn_q')!
    expect(deep.reason).toBe('block blocks.1 does not exist: the base has only block 0')
    expect(r.causes.map((c) => c.cause)).toContain("blocks beyond the base's depth (base has only block 0)")
  })

  it('failing modules: status column aligned, one wording in console and Markdown, "Blocks" capitalised', () => {
    // 14B LoRA on a one-block 1.3B base: block 0 mismatches in shape, block 1 has no base key.
    const a = analyze(kohyaLora(targetsOf(wan14, /^blocks\.[01]\.self_attn\.q$/)))
    const r = resolveLora(a, specCheckpoint(scaledModel('wan2.1-t2v-1.3b', { num_layers: 1 }), 'b'))
    const out = renderLoraResolution(r, { color: false })
    expect(resolutionAnswer(r, 'q.safetensors', colors(false))).toBe(
      '✗ q.safetensors: 0 / 2 modules load (0.0%) on b: 1 shape mismatch, 1 unresolved'
    )
    expect(out).not.toContain('not loaded')
    const lines = out.split('\n').filter((l) => /^ {2}(?:unresolved|shape mismatch) /.test(l))
    expect(lines).toHaveLength(2)
    const column = (l: string) => /^ {2}(?:unresolved|shape mismatch) +/.exec(l)![0].length
    expect(column(lines[0]!)).toBe(column(lines[1]!))
    const md = loraResolutionMarkdown(r)
    expect(md).toContain('Not loading: shape mismatch 1, unresolved 1.')
    expect(md).toContain('| `lora_unet_blocks_1_self_attn_q` | unresolved |')
    expect(md).toContain('| `lora_unet_blocks_0_self_attn_q` | shape mismatch |')
    expect(md).not.toContain('not loaded')
    expect(loraAnalysisMarkdown(a)).toContain('| Blocks | 0-1 (2) |')
  })
})

describe('control characters from the file', () => {
  it('never reach the output of the console or Markdown renderers', () => {
    const bad = 'blocks.0.self_attn.q\u001b[2J\rX'
    const fx = dottedLora([{ path: bad, shape: [1536, 1536] }], { prefix: 'diffusion_model.' })
    fx.metadata = { ss_training_comment: 'hi\u001b[31m\u0007there' }
    const ckpt = loraCheckpoint(fx, 'evil\u001b]0;title\u0007.safetensors')
    ckpt.tensors.push({ name: 'weird\u001bkey', shape: [1], dtype: 'F\u001b32' })
    const a = analyzeLora(ckpt)
    const r = resolveLora(a, specCheckpoint(wan13, 'base\rX'))
    const b = analyzeLora(loraCheckpoint(kohyaLora(targetsOf(wan13, /^blocks\.0\.self_attn\.k$/)), 'b'))
    const x = compareLoras(a, b)
    const outputs = [
      loraAnswer(a, a.path, colors(false)),
      renderLoraAnalysis(a, { color: false }),
      resolutionAnswer(r, 'T\u001bitle', colors(false)),
      renderLoraResolution(r, { color: false }),
      renderLoraComparison(x, { color: false, names: ['n\u001bA', 'nB'] }),
      loraAnalysisMarkdown(a),
      loraResolutionMarkdown(r),
      loraComparisonMarkdown(x)
    ]
    for (const out of outputs) expect(out).not.toMatch(CONTROL)
    expect(outputs[0]).toContain('evil?]0;title?.safetensors')
  })
})
