/**
 * A red "different model families" flag is printed with what backs it: the rule each side's family was read by
 * (keys, shapes, block counts) and the size difference or poor correspondence; console, Markdown and JSON alike.
 */
import { describe, expect, it } from '@jest/globals'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { renderComparisonConsole } from '../../src/report/compare-console.js'
import { renderComparisonMarkdown } from '../../src/report/compare-markdown.js'
import { toMappingFile } from '../../src/compare/mapping-file.js'
import { engineFlag } from '../../src/gate/engines.js'
import { verdictOf } from '../../src/compare/verdict.js'

const wan = specCheckpoint(expandModel('wan2.1-t2v-14b'), 'wan.safetensors')
const longcat = specCheckpoint(expandModel('longcat-video'), 'longcat.safetensors')
const hunyuan = specCheckpoint(expandModel('hunyuanvideo-t2v'), 'hunyuan.safetensors')
const flux = specCheckpoint(expandModel('flux.1-dev'), 'flux.safetensors')

describe('a red family flag carries its evidence', () => {
  it('Wan vs LongCat: both matched rules and the width difference', () => {
    const c = compareCheckpoints(wan, longcat)
    const f = c.flags.find((x) => x.code === 'model-family')!
    expect(f.kind).toBe('red')
    const because = f.evidence.because as string[]
    expect(because[0]).toMatch(
      /^A read as Wan2\.1 T2V-14B.*\(high confidence, wan rule\): .*blocks: 40 blocks/
    )
    expect(because[1]).toMatch(/^B read as LongCat-Video.*\(\w+ confidence, longcat-video rule\)/)
    expect(because).toContain('different hidden dims: 5120 vs 4096')
    expect(f.evidence.sizes).toEqual(because.slice(2))

    const text = renderComparisonConsole(c, { color: false })
    expect(text).toContain('different model families')
    expect(text).toContain('A read as Wan2.1 T2V-14B')
    expect(text).toMatch(/different model families[^\n]*\n\s+· A read as/)
    const md = renderComparisonMarkdown(c)
    expect(md).toMatch(/\*\*model-family\*\*: different model families[^\n]*\n {2}- A read as Wan2\.1/)
    const json = JSON.parse(JSON.stringify(toMappingFile(c, { name: 'model-compat', version: '0' })))
    const jf = json.flags.find((x: { code: string }) => x.code === 'model-family')
    expect(jf.evidence.because).toEqual(because)
  })

  it('the hidden-dim flag names the tensors each width was read from', () => {
    const c = compareCheckpoints(wan, longcat)
    const f = c.flags.find((x) => x.code === 'hidden-dim')!
    expect(f.kind).toBe('red')
    expect(f.evidence.because).toEqual([
      `A: 5120 from ${String(f.evidence.evidenceA)}`,
      `B: 4096 from ${String(f.evidence.evidenceB)}`
    ])
  })

  it('HunyuanVideo vs Flux: block counts back the red family claim', () => {
    const c = compareCheckpoints(hunyuan, flux)
    const f = c.flags.find((x) => x.code === 'model-family')!
    expect(f.kind).toBe('red')
    const sizes = f.evidence.sizes as string[]
    expect(sizes.length).toBeGreaterThan(0)
    expect(sizes.some((l) => /block counts|hidden dims|shapes|only \d/.test(l))).toBe(true)
    // The gate lists the size flags as reasons of their own; its family line does not repeat them.
    const g = engineFlag(f)
    expect(g.evidence).not.toMatch(/read as|different block counts/)
    expect(c.flags.filter((x) => x.code === 'block-count' && x.kind === 'red').length).toBeGreaterThan(0)
  })

  it('a verdict capped by a red family flag names the size evidence behind it', () => {
    const c = compareCheckpoints(wan, longcat)
    const family = c.flags.find((x) => x.code === 'model-family')!
    const v = verdictOf({ ...c.overlap, parameters: 0.9 }, [family], ['rename'])
    expect(v.tier).toBe('partial')
    expect(v.summary).toContain('different model families: Wan2.1 T2V-14B')
    expect(v.summary).toContain('different hidden dims: 5120 vs 4096')
  })

  it('a green family flag has no evidence lines to print', () => {
    const c = compareCheckpoints(wan, wan)
    const f = c.flags.find((x) => x.code === 'model-family')!
    expect(f.kind).toBe('green')
    expect(f.evidence.because).toBeUndefined()
  })
})
