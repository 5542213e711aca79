import { describe, expect, it } from '@jest/globals'
import { expandModel, scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import { analyzeStructure } from '../../src/analysis/index.js'
import { renderStructureConsole } from '../../src/report/analysis-console.js'
import { formatIndexRanges } from '../../src/report/analysis-text.js'
import { renderStructureMarkdown } from '../../src/report/analysis-markdown.js'

describe('structure renderers', () => {
  const longcat = analyzeStructure(specCheckpoint(expandModel('longcat-video')))

  it('console: the family, dims, attention layouts and a cut template, without colour codes', () => {
    const text = renderStructureConsole(longcat, { color: false, maxItems: 5 })
    expect(text).toContain('LongCat-Video (high confidence')
    expect(text).toMatch(/hidden dim\s+4096/)
    expect(text).toMatch(/ffn\s+11008 \(gated\)/)
    expect(text).toMatch(/heads\s+32 x 128/)
    expect(text).toMatch(/blocks\.\*\.attn\s+48\s+fused QKV \(qkv \[12288, 4096\]\)\s+self/)
    expect(text).toMatch(/blocks\.\*\.cross_attn\s+48\s+Q \+ fused KV \(kv \[8192, 4096\]\)\s+cross/)
    expect(text).toContain('... 16 more keys (see --json)')
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\x1b\[/)
    expect(renderStructureConsole(longcat, { color: true })).toContain('\u001b[1mstructure')
  })

  it('console: unknown heads say why; gaps are shown', () => {
    const small = scaledModel('wan2.1-t2v-1.3b', { dim: 64, ffn_dim: 128, num_layers: 4 }).filter(
      (t) => !t.name.startsWith('blocks.2.')
    )
    const a = analyzeStructure(specCheckpoint(small))
    const text = renderStructureConsole(a, { color: false })
    expect(text).toContain('0-1, 3 (missing 2)')
    const noFamily = analyzeStructure(specCheckpoint(small.filter((t) => !t.name.startsWith('head.'))))
    expect(renderStructureConsole(noFamily, { color: false })).toMatch(
      /heads\s+unknown: q\/k norms span the full dim \(64\)/
    )
    expect(renderStructureConsole(analyzeStructure(specCheckpoint([])), { color: false })).toContain(
      'none (no repeated blocks)'
    )
  })

  it('console: mismatches with the reference sizes come first in the family evidence', () => {
    const small = scaledModel('longcat-video', { hidden_size: 64, num_heads: 2, depth: 2, ffn_hidden: 160 })
    const text = renderStructureConsole(analyzeStructure(specCheckpoint(small)), { color: false })
    expect(text).toMatch(
      /LongCat-Video-like architecture \(medium confidence[^\n]*\n\s+hidden size is 64, the reference model has 4096\n/
    )
  })

  it('markdown: tables with escaped cells and a collapsible template', () => {
    const md = renderStructureMarkdown(longcat, { headingLevel: 2 })
    expect(md.startsWith('## Structure\n')).toBe(true)
    expect(md).toContain('| `blocks` | 48 | 21 | yes | 0-47 |')
    expect(md).toContain('<details><summary>blocks.N template (21 keys)</summary>')
    expect(md).toContain('| `blocks.*.cross_attn` | 48 | Q + fused KV (kv [8192, 4096]) | cross |')
    const odd = analyzeStructure(
      specCheckpoint([{ name: 'a|b.attn.to_q.weight', shape: [4, 4], dtype: 'F32' }])
    )
    expect(renderStructureMarkdown(odd)).toContain('a\\|b')
  })

  it('formats index ranges', () => {
    expect(formatIndexRanges([0, 1, 2, 5, 7, 8])).toBe('0-2, 5, 7-8')
    expect(formatIndexRanges([])).toBe('')
    expect(formatIndexRanges([0, 2, 4, 6], 2)).toBe('0, 2, ... (2 more runs)')
  })
})
