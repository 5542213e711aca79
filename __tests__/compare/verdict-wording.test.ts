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
    const first = renderComparisonConsole(c, { color: false }).split('\n')[0]
    expect(first).toMatch(/^Verdict: INCOMPATIBLE \(0\.1% exact overlap with compatible shapes\)\. /)
    expect(first).toContain('Same model family at another size')
    expect(first).toContain('different hidden dims: 1536 vs 5120')
    expect(first).not.toContain('Different architectures')
    expect(renderComparisonMarkdown(c)).toContain('(0.1% exact overlap with compatible shapes)')
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
    expect(first).toMatch(
      /^Verdict: COMPATIBLE \(100\.0% overlap after stripping prefixes, with compatible shapes\)/
    )
  })
})
