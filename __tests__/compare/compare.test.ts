import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { expandModel, scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import { compareCheckpoints, normalizeKey, tierOf, verdictOf } from '../../src/compare/index.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { fluxSingleBlocks } from './flux-single-blocks.js'

function ckpt(path: string, tensors: [string, number[]][]): Checkpoint {
  return specCheckpoint(
    tensors.map(([name, shape]) => ({ name, shape, dtype: 'BF16' })),
    path
  )
}

describe('key statistics and overlap figures', () => {
  const a = ckpt('a.safetensors', [
    ['blocks.0.attn.q.weight', [8, 8]],
    ['blocks.0.attn.k.weight', [8, 8]],
    ['blocks.1.attn.q.weight', [8, 8]],
    ['blocks.1.attn.k.weight', [8, 8]],
    ['head.weight', [4, 8]]
  ])
  const b = ckpt('b.safetensors', [
    ['blocks.0.attn.q.weight', [8, 8]],
    ['blocks.0.attn.k.weight', [8, 16]],
    ['blocks.1.attn.q.weight', [8, 8]],
    ['extra.weight', [2]]
  ])
  const c = compareCheckpoints(a, b)

  it('counts exact keys on both sides and the exact overlap as common / keys of A', () => {
    expect(c.keys).toEqual({ totalA: 5, totalB: 4, common: 3, onlyA: 2, onlyB: 1 })
    expect(c.overlap.exact).toBeCloseTo(3 / 5)
    expect(c.overlap.exactCompatible).toBeCloseTo(2 / 5)
  })

  it('lists common keys whose shapes differ, with both shapes', () => {
    expect(c.shapes.matching).toBe(2)
    expect(c.shapes.differing).toEqual([{ key: 'blocks.0.attn.k.weight', shapeA: [8, 8], shapeB: [8, 16] }])
    const red = c.flags.find((f) => f.code === 'shapes')
    expect(red?.kind).toBe('red')
  })

  it('names the models by file name unless names are given', () => {
    expect(c.models.a).toEqual({ name: 'a.safetensors', path: 'a.safetensors', format: 'manifest' })
    expect(compareCheckpoints(a, b, { names: ['Wan', 'Cat'] }).models.b.name).toBe('Cat')
  })

  it('reports the unmatched keys of each side', () => {
    expect(c.unmatched.a).toContain('blocks.1.attn.k.weight')
    expect(c.unmatched.b).toContain('extra.weight')
    expect(c.unmatched.a).not.toContain('blocks.0.attn.q.weight')
  })

  it('handles empty checkpoints without dividing by zero', () => {
    const empty = ckpt('e', [])
    const r = compareCheckpoints(empty, empty)
    expect(r.overlap).toEqual({
      exact: 0,
      exactCompatible: 0,
      normalized: 0,
      normalizedCompatible: 0,
      mapped: 0,
      parameters: 0
    })
    expect(r.verdict.tier).toBe('incompatible')
  })
})

describe('normalisation', () => {
  it('strips known prefixes and stacked wrappers', () => {
    expect(normalizeKey('model.diffusion_model.blocks.0.x')).toEqual({
      key: 'blocks.0.x',
      stripped: 'model.diffusion_model.'
    })
    expect(normalizeKey('module._orig_mod.transformer.blocks.0.x').key).toBe('blocks.0.x')
    expect(normalizeKey('base_model.model.blocks.0.x').key).toBe('blocks.0.x')
    expect(normalizeKey('blocks.0.x')).toEqual({ key: 'blocks.0.x', stripped: '' })
    // A key that is nothing but a prefix stays whole.
    expect(normalizeKey('model.').key).toBe('model.')
  })

  it('same model under different prefixes: 0% exact, 100% normalized, compatible on the normalized basis', () => {
    const tensors = scaledModel('wan2.1-t2v-1.3b', { dim: 32, ffn_dim: 64, num_heads: 2, num_layers: 3 })
    const a = specCheckpoint(
      tensors.map((t) => ({ ...t, name: `model.diffusion_model.${t.name}` })),
      'a'
    )
    const b = specCheckpoint(
      tensors.map((t) => ({ ...t, name: `transformer.${t.name}` })),
      'b'
    )
    const c = compareCheckpoints(a, b)
    expect(c.overlap.exact).toBe(0)
    expect(c.overlap.normalized).toBe(1)
    expect(c.overlap.mapped).toBe(1)
    expect(c.verdict).toMatchObject({ tier: 'compatible', basis: 'normalized', overlap: 1 })
    const naming = c.flags.find((f) => f.code === 'naming' && f.kind === 'green')
    expect(naming?.evidence).toMatchObject({
      strippedA: ['model.diffusion_model.'],
      strippedB: ['transformer.']
    })
    expect(c.mappings.every((m) => m.kind === 'rename' && m.confidence === 'high')).toBe(true)
  })
})

describe('verdict tiers', () => {
  it('uses >80% compatible, 30-80% partial, <30% incompatible', () => {
    expect(tierOf(0.81)).toBe('compatible')
    expect(tierOf(0.8)).toBe('partial')
    expect(tierOf(0.3)).toBe('partial')
    expect(tierOf(0.2999)).toBe('incompatible')
  })

  it('takes the parameter-weighted figure; the basis says which conversion the covered part needs', () => {
    const base = { exact: 0.9, normalized: 0.9, exactCompatible: 0.5, normalizedCompatible: 0.5, mapped: 0.5 }
    expect(verdictOf({ ...base, parameters: 0.5 }).basis).toBe('exact')
    expect(verdictOf({ ...base, parameters: 0.95 }, [], ['rename', 'split'])).toMatchObject({
      basis: 'mapped',
      tier: 'compatible',
      overlap: 0.95,
      summary: expect.stringMatching(/^Compatible after conversion: rename, split\./)
    })
    // The raw exact figure ignores shapes and never decides the tier.
    expect(
      verdictOf({
        exact: 1,
        normalized: 1,
        exactCompatible: 0,
        normalizedCompatible: 0,
        mapped: 0,
        parameters: 0
      }).tier
    ).toBe('incompatible')
  })

  it('identical models: exact basis, no listed mappings (identities are implied), green flags only', () => {
    const t = specCheckpoint(expandModel('wan2.1-t2v-1.3b'), 'wan.safetensors')
    const c = compareCheckpoints(t, t)
    expect(c.verdict).toMatchObject({ tier: 'compatible', basis: 'exact', overlap: 1 })
    expect(c.mappings).toEqual([])
    expect(c.unmatched).toEqual({ a: [], b: [] })
    expect(c.flags.map((f) => f.kind)).not.toContain('red')
    expect(c.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['block-count', 'hidden-dim', 'attention-layout', 'shapes'])
    )
  })

  it('Wan 1.3B vs 14B: every key in common, shapes differ, so the verdict is incompatible with red flags', () => {
    const small = specCheckpoint(expandModel('wan2.1-t2v-1.3b'), '1.3b')
    const big = specCheckpoint(expandModel('wan2.1-t2v-14b'), '14b')
    const c = compareCheckpoints(small, big)
    expect(c.overlap.exact).toBe(1)
    expect(c.verdict.tier).toBe('incompatible')
    const red = Object.fromEntries(c.flags.filter((f) => f.kind === 'red').map((f) => [f.code, f.evidence]))
    expect(red['block-count']).toMatchObject({ blocksA: 30, blocksB: 40 })
    expect(red['hidden-dim']).toMatchObject({ hiddenDimA: 1536, hiddenDimB: 5120 })
    expect(c.shapes.differing.find((d) => d.key === 'blocks.0.ffn.0.weight')).toEqual({
      key: 'blocks.0.ffn.0.weight',
      shapeA: [8960, 1536],
      shapeB: [13824, 5120]
    })
  })
})

describe('mapping kinds', () => {
  it('proposes a reshape for the same element count in another shape', () => {
    const a = ckpt('a', [
      ['blocks.0.modulation', [1, 6, 8]],
      ['blocks.0.q.weight', [8, 8]],
      ['blocks.1.modulation', [1, 6, 8]],
      ['blocks.1.q.weight', [8, 8]]
    ])
    const b = ckpt('b', [
      ['blocks.0.scale_shift_table', [6, 8]],
      ['blocks.0.to_q.weight', [8, 8]],
      ['blocks.1.scale_shift_table', [6, 8]],
      ['blocks.1.to_q.weight', [8, 8]]
    ])
    const c = compareCheckpoints(a, b)
    const m = c.mappings.find((x) => x.source[0] === 'blocks.1.modulation')
    expect(m).toMatchObject({
      kind: 'reshape',
      target: ['blocks.1.scale_shift_table'],
      shapeCompatible: true
    })
    expect(m?.shapes).toEqual({ source: [[1, 6, 8]], target: [[6, 8]] })
    expect(c.overlap.mapped).toBe(1)
  })

  it('finds an unequal split (Flux single-block linear1 = q, k, v + MLP in): rows sum exactly to the attention q, k, v and the one other projection, high', () => {
    const h = 32
    const { a, b } = fluxSingleBlocks(h)
    const c = compareCheckpoints(specCheckpoint(a, 'flux'), specCheckpoint(b, 'flux-diffusers'))
    const split = c.mappings.find((m) => m.source[0] === 'single_blocks.2.linear1.weight')
    expect(split).toMatchObject({
      kind: 'split',
      confidence: 'high',
      rows: [
        { start: 0, end: h },
        { start: h, end: 2 * h },
        { start: 2 * h, end: 3 * h },
        { start: 3 * h, end: 7 * h }
      ],
      target: [
        'single_transformer_blocks.2.attn.to_q.weight',
        'single_transformer_blocks.2.attn.to_k.weight',
        'single_transformer_blocks.2.attn.to_v.weight',
        'single_transformer_blocks.2.proj_mlp.weight'
      ],
      shapes: {
        source: [[7 * h, h]],
        target: [
          [h, h],
          [h, h],
          [h, h],
          [4 * h, h]
        ]
      }
    })
    expect(c.mappings.find((m) => m.source[0] === 'single_blocks.0.linear2.weight')?.target).toEqual([
      'single_transformer_blocks.0.proj_out.weight'
    ])
    expect(c.mappings.find((m) => m.source[0] === 'single_blocks.0.norm.query_norm.scale')).toMatchObject({
      target: ['single_transformer_blocks.0.attn.norm_q.weight'],
      confidence: 'high'
    })
    expect(c.familyPairs).toEqual([
      { a: 'single_blocks', b: 'single_transformer_blocks', countA: 3, countB: 3 }
    ])
    expect(c.verdict.tier).toBe('compatible')
  })

  it('does not guess between equal-shaped modules whose names say nothing: flagged ambiguous, never high', () => {
    const block = (p: string, names: string[]): [string, number[]][] =>
      names.map((n) => [`${p}.${n}.weight`, [8, 8]])
    const a = ckpt('a', [
      ...block('layers.0', ['mix.left', 'mix.right', 'q']),
      ...block('layers.1', ['mix.left', 'mix.right', 'q'])
    ])
    const b = ckpt('b', [
      ...block('layers.0', ['mix.one', 'mix.two', 'to_q']),
      ...block('layers.1', ['mix.one', 'mix.two', 'to_q'])
    ])
    const c = compareCheckpoints(a, b)
    expect(c.mappings.find((m) => m.source[0] === 'layers.0.q.weight')).toMatchObject({
      confidence: 'high',
      target: ['layers.0.to_q.weight']
    })
    const guesses = c.mappings.filter((m) => m.source[0].includes('.mix.'))
    expect(guesses).toHaveLength(4)
    for (const g of guesses) {
      expect(g.confidence).toBe('low')
      expect(g.ambiguity).toMatch(/could be swapped: mix\.(one|two) or mix\.(one|two)/)
    }
    expect(c.overlap.mapped).toBeCloseTo(2 / 6)
  })

  it('SwiGLU gate/up (w1/w3 vs gate_proj/up_proj) are equal-shaped: the gate-before-up order decides', () => {
    const block = (i: number, names: [string, number[]][]): [string, number[]][] =>
      names.map(([n, shape]) => [`layers.${i}.${n}.weight`, shape])
    const a = ckpt(
      'a',
      [0, 1].flatMap((i) =>
        block(i, [
          ['ffn.w1', [16, 8]],
          ['ffn.w2', [8, 16]],
          ['ffn.w3', [16, 8]]
        ])
      )
    )
    const b = ckpt(
      'b',
      [0, 1].flatMap((i) =>
        block(i, [
          ['mlp.gate_proj', [16, 8]],
          ['mlp.down_proj', [8, 16]],
          ['mlp.up_proj', [16, 8]]
        ])
      )
    )
    const c = compareCheckpoints(a, b)
    expect(c.mappings.find((m) => m.source[0] === 'layers.0.ffn.w2.weight')).toMatchObject({
      target: ['layers.0.mlp.down_proj.weight'],
      confidence: 'high'
    })
    // SwiGLU's gate is w1 in Meta's naming and gate_proj in Hugging Face's (the Llama converters): gate before up.
    expect(c.mappings.find((x) => x.source[0] === 'layers.0.ffn.w1.weight')).toMatchObject({
      target: ['layers.0.mlp.gate_proj.weight'],
      confidence: 'high'
    })
    expect(c.mappings.find((x) => x.source[0] === 'layers.0.ffn.w3.weight')).toMatchObject({
      target: ['layers.0.mlp.up_proj.weight'],
      confidence: 'high'
    })
  })

  it('leaves modules with unrelated names and no unique shape unmatched', () => {
    const block = (p: string, names: string[]): [string, number[]][] =>
      names.map((n) => [`${p}.${n}.weight`, [8, 8]])
    const a = ckpt('a', [
      ...block('layers.0', ['alpha', 'beta', 'eta']),
      ...block('layers.1', ['alpha', 'beta', 'eta'])
    ])
    const b = ckpt('b', [
      ...block('layers.0', ['gamma', 'delta', 'iota']),
      ...block('layers.1', ['gamma', 'delta', 'iota'])
    ])
    const c = compareCheckpoints(a, b)
    expect(c.mappings).toEqual([])
    expect(c.unmatched.a).toHaveLength(6)
  })
})

describe('naming flags', () => {
  it('red when the names share no pattern at all, with the figures as evidence', () => {
    const a = ckpt(
      'a',
      [0, 1, 2].flatMap(
        (i) =>
          [
            [`stem.${i}.foo.weight`, [4, 4]],
            [`stem.${i}.bar.weight`, [4]],
            [`stem.${i}.baz.weight`, [2]]
          ] as [string, number[]][]
      )
    )
    const b = ckpt(
      'b',
      [0, 1, 2].flatMap(
        (i) =>
          [
            [`trunk.${i}.qux.weight`, [8, 8]],
            [`trunk.${i}.quux.weight`, [8]],
            [`trunk.${i}.corge.weight`, [3]]
          ] as [string, number[]][]
      )
    )
    const c = compareCheckpoints(a, b)
    const red = c.flags.find((f) => f.code === 'naming')
    expect(red?.kind).toBe('red')
    expect(red?.evidence).toEqual({ normalized: 0, mapped: 0, anyConfidence: 0 })
  })

  it('no naming red flag when names correspond and only the dims differ (the dims flags say why)', () => {
    const small = scaledModel('wan2.1-t2v-1.3b', { dim: 32, ffn_dim: 64, num_heads: 2, num_layers: 3 })
    const big = scaledModel('wan2.1-t2v-1.3b', { dim: 64, ffn_dim: 128, num_heads: 2, num_layers: 3 })
    const c = compareCheckpoints(
      specCheckpoint(small, 'a'),
      specCheckpoint(
        big.map((t) => ({ ...t, name: `x.${t.name}` })),
        'b'
      )
    )
    expect(c.flags.find((f) => f.code === 'naming' && f.kind === 'red')).toBeUndefined()
    expect(c.flags.find((f) => f.code === 'hidden-dim')?.kind).toBe('red')
  })
})

describe('robustness', () => {
  const segment = fc.constantFrom(
    'blocks',
    'attn',
    'q',
    'k',
    'v',
    'qkv',
    'to_out',
    'ffn',
    'w1',
    'norm',
    'proj',
    '0',
    '1',
    '2',
    'weight',
    'bias',
    'model',
    'transformer',
    'scale'
  )
  const key = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('.'))
  const shape = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 0, maxLength: 3 })
  const model = fc.array(fc.tuple(key, shape), { maxLength: 40 })

  it('any two key sets: figures in [0, 1], each key of A in at most one mapping, keys real, no throw', () => {
    fc.assert(
      fc.property(model, model, (ta, tb) => {
        const a = ckpt('a', ta)
        const b = ckpt('b', tb)
        const c = compareCheckpoints(a, b)
        for (const v of Object.values(c.overlap)) expect(v >= 0 && v <= 1).toBe(true)
        const keysA = new Set(ta.map(([k]) => k))
        const keysB = new Set(tb.map(([k]) => k))
        const seen = new Set<string>()
        for (const m of c.mappings) {
          for (const s of m.source) {
            expect(keysA.has(s)).toBe(true)
            expect(seen.has(s)).toBe(false)
            seen.add(s)
          }
          for (const t of m.target) expect(keysB.has(t)).toBe(true)
          if (m.confidence === 'high') expect(typeof m.shapeCompatible).toBe('boolean')
        }
        for (const u of c.unmatched.a) expect(seen.has(u)).toBe(false)
      }),
      { numRuns: 300 }
    )
  })
})

describe('hostile key names', () => {
  it('treats Object.prototype member names as ordinary segments', () => {
    const mk = (names: string[]) => ({
      path: 'x',
      format: 'manifest' as const,
      bytes: 0,
      metadata: {},
      globals: [],
      warnings: [],
      tensors: names.map((name) => ({ name, shape: [4, 4], dtype: 'F32' }))
    })
    const a = mk([
      'blocks.0.__proto__.weight',
      'blocks.1.constructor.weight',
      'toString.hasOwnProperty.weight'
    ])
    const b = mk(['blocks.0.q.weight', 'blocks.1.valueOf.weight', 'x.__defineGetter__.weight'])
    const c = compareCheckpoints(a, b)
    expect(c.keys.totalA).toBe(3)
    expect(c.unmatched.a.length + c.mappings.reduce((n, m) => n + m.source.length, 0)).toBeGreaterThanOrEqual(
      3
    )
  })
})
