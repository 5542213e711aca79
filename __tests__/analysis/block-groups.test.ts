/**
 * Grouping a family's blocks by template (src/analysis/blocks.ts groupInstances): past a few groups a block is
 * placed through a signature map instead of a scan of every group; both must put a block with the group of its
 * template wherever that group first appeared.
 */
import { describe, expect, it } from '@jest/globals'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { analyzeStructure } from '../../src/analysis/index.js'

/** `blocks` blocks; block i has the shared attention key and one extra key chosen by i % kinds. */
function model(blocks: number, kinds: number): SpecTensor[] {
  const out: SpecTensor[] = []
  for (let i = 0; i < blocks; i++) {
    out.push({ name: `blocks.${i}.attn.qkv.weight`, shape: [96, 32], dtype: 'BF16' })
    out.push({ name: `blocks.${i}.extra${i % kinds}.weight`, shape: [32, 32], dtype: 'BF16' })
  }
  return out
}

describe('block templates', () => {
  for (const kinds of [3, 12, 40]) {
    it(`groups non-adjacent blocks of one template together (${kinds} templates)`, () => {
      const blocks = kinds * 3
      const family = analyzeStructure(specCheckpoint(model(blocks, kinds))).blockFamilies.find(
        (f) => f.pattern === 'blocks'
      )
      expect(family?.count).toBe(blocks)
      // the template is one group's (3 blocks); every other template is one variant of 3 blocks, i % kinds alike
      expect(family?.uniform).toBe(false)
      const detailed = family!.variants
      expect(detailed.length).toBe(Math.min(kinds - 1, 20))
      for (const v of detailed) {
        expect(v.blocks).toHaveLength(3)
        const kind = Number(v.blocks[0]) % kinds
        expect(v.blocks.map((b) => Number(b) % kinds)).toEqual([kind, kind, kind])
        expect(v.extra).toEqual([`extra${kind}.weight`])
      }
    })
  }
})
