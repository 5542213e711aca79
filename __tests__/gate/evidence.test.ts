/** Flag evidence and titles in the gate's words: artifact and baseline, not A/B or the comparison's field names. */
import { engineFlag } from '../../src/gate/engines.js'
import { evidenceText, flagTitle } from '../../src/gate/evidence.js'

describe('evidenceText', () => {
  it('names the sides by the artifact and the baseline and leaves out the dims the title states', () => {
    const text = evidenceText(
      {
        hiddenDimA: 64,
        hiddenDimB: 128,
        evidenceA: 'blocks.*.attn.qkv.weight [192, 64] in-features',
        evidenceB: 'blocks.*.self_attn.q.weight [128, 128] in-features'
      },
      'different hidden dims: 64 vs 128'
    )
    expect(text).toBe(
      'artifact: blocks.*.attn.qkv.weight [192, 64] (in-features); ' +
        'baseline: blocks.*.self_attn.q.weight [128, 128] (in-features)'
    )
  })

  it('shows the dims when the title does not state them', () => {
    expect(evidenceText({ hiddenDimA: 64, hiddenDimB: 128 }, 'hidden dims differ')).toBe(
      'hidden dim: artifact 64, baseline 128'
    )
  })

  it('is empty when the title states every value (layouts, families, block counts)', () => {
    expect(
      evidenceText(
        {
          layoutsA: ['cross q-fused-kv', 'self fused-qkv'],
          layoutsB: ['cross separate', 'self separate']
        },
        'different attention layouts: cross q-fused-kv, self fused-qkv vs cross separate, self separate'
      )
    ).toBe('')
    expect(
      evidenceText(
        { familyA: 'LongCat-Video-like architecture', familyB: 'Wan-architecture model (dim 128)' },
        'different model families: LongCat-Video-like architecture vs Wan-architecture model (dim 128)'
      )
    ).toBe('')
    expect(
      evidenceText(
        { familyA: 'blocks', familyB: 'blocks', blocksA: 4, blocksB: 8 },
        'different block counts: blocks 4 vs blocks 8'
      )
    ).toBe('')
  })

  it('reads overlap shares as percentages and counts as sentences', () => {
    const title = 'naming schemes share no usable pattern (0.0% normalized overlap, 0.0% mapped)'
    expect(evidenceText({ normalized: 0, mapped: 0, mediumOrHighMappings: 6 }, title)).toBe(
      '6 mappings proposed at medium or high confidence'
    )
    expect(
      evidenceText(
        { exact: 0.25, normalized: 0.9, strippedA: ['model.diffusion_model.'], strippedB: [] },
        'same key structure under different prefixes (25.0% exact, 90.0% after stripping)'
      )
    ).toBe('prefixes stripped: artifact model.diffusion_model., baseline none')
    // 0.6 is not "stated" by a "6" in the title, nor 6 by "0.6%".
    expect(evidenceText({ mapped: 0.006, renames: 6 }, 'mapped 0.6%, 6 renames')).toBe('')
    expect(evidenceText({ mapped: 0.6 }, 'only 6 keys')).toBe('mapped overlap 60.0%')
  })

  it('gives shape differences as examples against the baseline', () => {
    expect(
      evidenceText(
        {
          matching: 9,
          differing: 2,
          examples: [
            { key: 'head.weight', shapeA: [2, 3], shapeB: [2, 4] },
            { key: 'head.bias', shapeA: [3], shapeB: [4] },
            { key: 'third', shapeA: [1], shapeB: [2] }
          ]
        },
        '2 of 11 common keys have different shapes'
      )
    ).toBe(
      '9 common keys with matching shapes; e.g. head.weight [2, 3] vs baseline [2, 4], head.bias [3] vs baseline [4]'
    )
  })

  it('renders unknown keys in a readable generic form, pairing A/B keys by side', () => {
    expect(
      evidenceText({ headCountA: 12, headCountB: 16, someList: [1, 2], nested: { x: 1 }, onlyB: 3 }, 'heads')
    ).toBe('head count: artifact 12, baseline 16; some list: 1, 2; nested: {"x":1}; only (baseline): 3')
    expect(evidenceText({ ratioA: 2 }, '')).toBe('ratio (artifact): 2')
  })

  it('bounds long values and the whole text', () => {
    const pair = evidenceText({
      keysA: Array.from({ length: 500 }, (_, i) => `k${i}`),
      keysB: 'x'.repeat(1000)
    })
    expect(pair).toMatch(/^keys: artifact k0, k1, .{80,}…, baseline x{100,}…$/)
    const many = evidenceText(
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key${i}`, 'y'.repeat(200)]))
    )
    expect(many.length).toBeLessThanOrEqual(400)
    expect(many.length).toBeGreaterThan(300)
    // Cut between words: the value that does not fit is left out whole, not cut inside.
    expect(many).toMatch(/; key\d…$/)
  })
})

describe('flag titles', () => {
  it('speak of the artifact and the baseline, capitalised', () => {
    expect(flagTitle("A's double_blocks (19 blocks) has no counterpart in B")).toBe(
      "The artifact's double_blocks (19 blocks) has no counterpart in the baseline"
    )
    expect(
      flagTitle(
        'different naming conventions with a consistent mapping (90.0% of A mapped with high confidence)'
      )
    ).toBe(
      'Different naming conventions with a consistent mapping (90.0% of the artifact mapped with high confidence)'
    )
    // Letters inside names are left alone.
    expect(flagTitle('same model family (Wan-A / B-side)')).toBe('Same model family (Wan-A / B-side)')
  })

  it('engineFlag adapts a comparison flag', () => {
    expect(
      engineFlag({
        kind: 'red',
        code: 'block-family',
        message: "B's single_blocks (38 blocks) has no counterpart in A",
        evidence: { side: 'b', family: 'single_blocks', blocks: 38 }
      })
    ).toEqual({
      id: 'block-family',
      severity: 'red',
      title: "The baseline's single_blocks (38 blocks) has no counterpart in the artifact",
      evidence: ''
    })
    expect(
      engineFlag({
        kind: 'red',
        code: 'block-family',
        message: 'a block family is missing',
        evidence: { side: 'a', family: 'double_blocks', blocks: 19 }
      }).evidence
    ).toBe('the artifact has double_blocks (19 blocks)')
  })
})
