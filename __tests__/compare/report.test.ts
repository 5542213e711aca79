import { describe, expect, it } from '@jest/globals'
import { longcatPair, wanPair } from '../../fixtures/compare-pairs.js'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { compareCheckpoints } from '../../src/compare/index.js'
import { groupKeys, groupMappings } from '../../src/compare/patterns.js'
import { renderComparisonConsole } from '../../src/report/compare-console.js'
import { renderComparisonMarkdown } from '../../src/report/compare-markdown.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/

const wan = wanPair('wan2.1-t2v-1.3b', 'wan2.1-t2v-1.3b-diffusers')
const wanComparison = compareCheckpoints(wan.a, wan.b, { names: ['Wan2.1', 'Wan2.1 diffusers'] })
const cross = compareCheckpoints(
  specCheckpoint(expandModel('wan2.1-t2v-14b'), 'wan.safetensors'),
  specCheckpoint(expandModel('longcat-video'), 'longcat.safetensors'),
  { names: ['Wan2.1', 'LongCat'] }
)

describe('console report', () => {
  it('puts the verdict first and names the figure it used', () => {
    const text = renderComparisonConsole(wanComparison, { color: false })
    expect(text.split('\n').slice(0, 2)).toEqual([
      '✓ COMPATIBLE: 100.0% mapped overlap',
      `  ${wanComparison.verdict.summary}`
    ])
    expect(renderComparisonConsole(cross, { color: false }).split('\n')[0]).toMatch(/^✗ INCOMPATIBLE: 0\.0% /)
  })

  it('uses colour only when asked', () => {
    expect(renderComparisonConsole(cross, { color: false })).not.toMatch(ANSI)
    expect(renderComparisonConsole(cross, { color: true })).toMatch(ANSI)
  })

  it('collapses per-block repetition into patterns that name the blocks', () => {
    const text = renderComparisonConsole(wanComparison, { color: false, maxRows: 100 })
    expect(text).toMatch(/blocks\.\{0-29\}\.self_attn\.q\.weight\s+blocks\.\{0-29\}\.attn1\.to_q\.weight\s/)
    // Sequential indices are not block indices: text_embedding.0 and .2 stay apart.
    expect(text).toMatch(/text_embedding\.0\.weight/)
    expect(text).toMatch(/text_embedding\.2\.weight/)
  })

  it('cuts long lists and says how many rows were left out', () => {
    const text = renderComparisonConsole(wanComparison, { color: false, maxRows: 5 })
    const groups = groupMappings(wanComparison.mappings, ['blocks'])
    expect(text).toContain(`... ${groups.length - 5} more mapping patterns`)
    const unmatchedB = groupKeys(cross.unmatched.b, ['blocks'])
    expect(renderComparisonConsole(cross, { color: false, maxRows: 5 })).toContain(
      `... ${unmatchedB.length - 5} more key patterns`
    )
  })

  it('aligns table columns', () => {
    const text = renderComparisonConsole(cross, { color: false })
    const rows = text.split('\n').filter((l) => /^ {2}(exact keys|after stripping|mapped \(high)/.test(l))
    expect(rows.length).toBe(4)
    const column = rows.map((r) => r.search(/\d+\.\d%/))
    expect(new Set(column).size).toBe(1)
  })

  it('shows red flags with their evidence in words', () => {
    const text = renderComparisonConsole(cross, { color: false })
    expect(text).toMatch(/^ {2}✗ +block-count +different block counts: blocks 40 vs blocks 48/m)
    expect(text).toMatch(/hidden-dim +different hidden dims: 5120 vs 4096/)
  })

  it('marks mappings that carry an ordering assumption', () => {
    const p = longcatPair()
    const text = renderComparisonConsole(compareCheckpoints(p.a, p.b), { color: false, maxRows: 100 })
    const row = /split +blocks\.\{0-47\}\.attn\.qkv\.weight .*\[assumption (\d+)\]$/m.exec(text)
    expect(row).not.toBeNull()
    expect(text).toMatch(
      new RegExp(`^  \\[assumption ${row![1]}\\] equal-sized parts: row order q, k, v`, 'm')
    )
  })
})

describe('markdown report', () => {
  it('renders the verdict, the figures, the flags and collapsed mapping details', () => {
    const md = renderComparisonMarkdown(cross, { maxRows: 3 })
    expect(md.startsWith('### ❌ Incompatible: 0.0% exact overlap with compatible shapes\n')).toBe(true)
    expect(md).toContain('`Wan2.1` (A) vs `LongCat` (B).')
    expect(md).toContain('| Mapped with high confidence | 0.0% | 0 of 1,095 |')
    expect(md).toContain('- 🔴 **hidden-dim**: different hidden dims: 5120 vs 4096')
    // Different networks: no conversion links at all, and every key of A listed as unmatched.
    expect(md).not.toMatch(/<details><summary>Mappings:/)
    expect(md).toMatch(/<details><summary>Unmatched in A: 1,095 keys with no counterpart/)
  })

  it('escapes table metacharacters in keys and names', () => {
    const c = { ...cross, models: { ...cross.models, a: { ...cross.models.a, name: 'a|b<c>' } } }
    const md = renderComparisonMarkdown(c)
    expect(md).toContain('a\\|b&lt;c&gt;')
  })
})
