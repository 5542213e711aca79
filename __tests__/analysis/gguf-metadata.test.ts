/**
 * GGUF metadata fills the dimensions the shapes cannot tell (a file without per-head q/k norms says nothing of its
 * heads in its shapes), and never overrides what the shapes show: a disagreement becomes a note.
 */
import { describe, expect, it } from '@jest/globals'
import { buildGguf, comfyWanGgufSpec, gv, kv, type GgufSpec } from '../../fixtures/gguf.js'
import { readGguf } from '../../src/formats/gguf/read.js'
import { analyzeStructure } from '../../src/analysis/index.js'
import { renderStructureConsole } from '../../src/report/analysis-console.js'
import { renderStructureMarkdown } from '../../src/report/analysis-markdown.js'
import { memorySource } from '../formats/gguf-helpers.js'

async function analyze(spec: GgufSpec) {
  const built = buildGguf(spec)
  // The header only: the data section reads as zeros, up to the file's apparent size.
  return analyzeStructure(await readGguf(memorySource(built.header, 'wan.gguf', built.size)))
}

/** The ComfyUI-GGUF Wan fixture (hidden 256, no q/k norm) with llama.cpp-style dimension keys added. */
function withMetadata(extra: ReturnType<typeof kv>[]): GgufSpec {
  const spec = comfyWanGgufSpec()
  return { ...spec, kv: [...spec.kv, ...extra] }
}

describe('GGUF metadata in the structure analysis', () => {
  it('without metadata the heads stay unknown, with the reason', async () => {
    const a = await analyze(comfyWanGgufSpec())
    expect(a.dimensions.heads).toMatchObject({ value: null, source: 'unknown' })
    expect(renderStructureConsole(a, { color: false })).toMatch(/heads\s+unknown: no per-head q\/k norm/)
  })

  it('head_count gives heads and head dim (hidden / heads), said to come from the metadata', async () => {
    const a = await analyze(withMetadata([kv('wan.attention.head_count', gv.u32(4))]))
    expect(a.dimensions.heads).toMatchObject({ value: 4, source: 'metadata' })
    expect(a.dimensions.headDim).toMatchObject({ value: 64, source: 'metadata' })
    expect(a.dimensions.heads.evidence).toContain('wan.attention.head_count = 4 (file metadata)')
    const text = renderStructureConsole(a, { color: false })
    expect(text).toMatch(/^ {2}heads +4 x 64 \(file metadata\)$/m)
    // The attention table agrees with the summary: no `?` beside a model-wide 4 x 64.
    expect(text).toMatch(/blocks\.\*\.self_attn .* 4 x 64 \(metadata\)$/m)
    expect(renderStructureMarkdown(a)).toContain('| Heads | 4 x 64 (file metadata) |')
  })

  it('key_length wins over hidden / heads; block count and FFN fill what the shapes lack', async () => {
    const a = await analyze(
      withMetadata([
        kv('wan.attention.head_count', gv.u32(2)),
        kv('wan.attention.key_length', gv.u32(128)),
        kv('wan.block_count', gv.u64(1)),
        kv('wan.feed_forward_length', gv.u32(1024))
      ])
    )
    expect(a.dimensions.headDim).toMatchObject({ value: 128, source: 'metadata' })
    // The shapes show one block and an FFN of 1024: kept as read from the shapes, no note (they agree).
    expect(a.dimensions.layers).toMatchObject({ value: 1, source: 'shape' })
    expect(a.dimensions.ffnDim).toMatchObject({ value: 1024, source: 'shape' })
    expect(a.notes.filter((n) => n.includes('metadata'))).toEqual([])
  })

  it('a disagreement with the shapes keeps the shapes and says so', async () => {
    const a = await analyze(
      withMetadata([kv('wan.embedding_length', gv.u32(5120)), kv('wan.block_count', gv.u32(40))])
    )
    expect(a.dimensions.hiddenDim).toMatchObject({ value: 256, source: 'shape' })
    expect(a.notes).toContain(
      'hidden dim: the shapes show 256, the metadata states 5120 (wan.embedding_length)'
    )
    expect(a.notes).toContain('layers: the shapes show 1, the metadata states 40 (wan.block_count)')
  })

  it('ignores hostile values: zero, negative, huge, non-integer, and an unsafe architecture name', async () => {
    for (const value of [gv.u32(0), gv.i32(-4), gv.u64(2n ** 40n), gv.f32(2.5), gv.str('4')]) {
      const a = await analyze(withMetadata([kv('wan.attention.head_count', value)]))
      expect(a.dimensions.heads.value).toBeNull()
    }
    const base = comfyWanGgufSpec()
    const spec = {
      ...base,
      kv: [
        ...base.kv.map((e) =>
          e.key === 'general.architecture' ? kv('general.architecture', gv.str('wan/../x')) : e
        ),
        kv('wan/../x.attention.head_count', gv.u32(4))
      ]
    }
    expect((await analyze(spec)).dimensions.heads.value).toBeNull()
  })
})
