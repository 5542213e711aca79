import { describe, expect, it } from '@jest/globals'
import { expandModel, scaledModel } from '../../fixtures/specs.js'
import { correspond, type Link } from '../../src/correspond/index.js'

const find = (links: Link[], a: string): Link | undefined => links.find((l) => l.a.includes(a))

describe('correspond: a partial A (the layers a LoRA patches)', () => {
  const wan = expandModel('wan2.1-t2v-14b')
  const subset = wan.filter((t) => /^blocks\.[012]\.self_attn\.[qkvo]\.weight$/.test(t.name))

  it('keeps block indices when the names agree (dotted and kohya spellings alike)', () => {
    const kohya = subset.map((t) => ({ ...t, name: t.name.replace(/\.(?=.*\.weight$)/g, '_') }))
    for (const a of [subset, kohya]) {
      const c = correspond(a, wan, { partial: 'a' })
      expect(c.unmatched.a).toEqual([])
      expect(c.links).toHaveLength(subset.length)
      c.links.forEach((l) => {
        expect(l.confidence).toBe('high')
        expect(subset.map((t) => t.name)).toContain(l.b[0])
        expect(l.b[0]!.split('.')[1]).toBe(l.a[0]!.split(/[._]/)[1])
        expect(l.b[0]!.slice(-8)).toBe(l.a[0]!.slice(-8))
      })
    }
  })

  it("blocks past the base's last block (a LoRA of a deeper tower on one saved to its penultimate layer) stay unpaired; the rest pair by index", () => {
    const block = (p: string) => [
      { name: `${p}.attn.q_proj.weight`, shape: [16, 16] },
      { name: `${p}.mlp.fc1.weight`, shape: [64, 16] }
    ]
    const lora = [0, 1, 2, 3].flatMap((i) => block(`transformer.resblocks.${i}`))
    const base = [0, 1, 2].flatMap((i) => block(`encoder.layers.${i}`))
    const c = correspond(lora, base, { partial: 'a' })
    for (const i of [0, 1, 2])
      expect(find(c.links, `transformer.resblocks.${i}.attn.q_proj.weight`)).toMatchObject({
        b: [`encoder.layers.${i}.attn.q_proj.weight`],
        confidence: 'high'
      })
    expect(c.unmatched.a).toEqual(block('transformer.resblocks.3').map((t) => t.name))
    // A block missing inside the base's range is not a dropped tail: the series stay unpaired by index.
    const holed = [0, 2, 3].flatMap((i) => block(`encoder.layers.${i}`))
    const d = correspond(lora, holed, { partial: 'a' })
    expect(d.links.filter((l) => l.confidence === 'high' && /resblocks\.[0-3]\./.test(l.a[0]!))).toEqual([])
  })

  it('separate q, k, v onto a fused qkv of the same (self) attention: a fuse with row ranges', () => {
    const longcat = scaledModel('longcat-video', {
      hidden_size: 64,
      num_heads: 2,
      head_dim: 32,
      depth: 2,
      ffn_hidden: 160
    })
    const a = [0, 1].flatMap((i) =>
      ['q', 'k', 'v'].map((x) => ({ name: `blocks.${i}.attn1.to_${x}.weight`, shape: [64, 64] }))
    )
    const c = correspond(a, longcat, { partial: 'a' })
    expect(c.unmatched.a).toEqual([])
    expect(find(c.links, 'blocks.1.attn1.to_q.weight')).toMatchObject({
      kind: 'fuse',
      confidence: 'high',
      a: ['blocks.1.attn1.to_q.weight', 'blocks.1.attn1.to_k.weight', 'blocks.1.attn1.to_v.weight'],
      b: ['blocks.1.attn.qkv.weight'],
      rows: [
        { start: 0, end: 64 },
        { start: 64, end: 128 },
        { start: 128, end: 192 }
      ]
    })
  })

  it('some parts of a fused qkv (q and v only): each onto its own equal share of the rows', () => {
    const longcat = scaledModel('longcat-video', {
      hidden_size: 64,
      num_heads: 2,
      head_dim: 32,
      depth: 2,
      ffn_hidden: 160
    })
    const a = [0, 1].flatMap((i) =>
      ['q', 'v'].map((x) => ({ name: `blocks.${i}.self_attn.${x}.weight`, shape: [64, 64] }))
    )
    for (const options of [{ partial: 'a' as const }, {}]) {
      const c = correspond(a, longcat, options)
      expect(c.unmatched.a).toEqual([])
      expect(find(c.links, 'blocks.1.self_attn.v.weight')).toMatchObject({
        kind: 'fuse',
        confidence: 'high',
        a: ['blocks.1.self_attn.q.weight', 'blocks.1.self_attn.v.weight'],
        b: ['blocks.1.attn.qkv.weight'],
        rows: [
          { start: 0, end: 64 },
          { start: 128, end: 192 }
        ]
      })
    }
  })

  describe('a grouped-query fused qkv (Lumina-Image-2.0 layout, scaled: 4 q heads, 1 kv head, head_dim 16)', () => {
    const DIM = 64
    const HEAD = 16
    const KV = HEAD
    const ROWS = DIM + 2 * KV
    // The fused base: q (n_heads * head_dim rows) then k and v (n_kv_heads * head_dim rows each).
    const base = [0, 1].flatMap((i) => [
      { name: `layers.${i}.attention.qkv.weight`, shape: [ROWS, DIM] },
      { name: `layers.${i}.attention.out.weight`, shape: [DIM, DIM] },
      { name: `layers.${i}.attention.q_norm.weight`, shape: [HEAD] },
      { name: `layers.${i}.attention.k_norm.weight`, shape: [HEAD] },
      { name: `layers.${i}.attention_norm1.weight`, shape: [DIM] },
      { name: `layers.${i}.feed_forward.w1.weight`, shape: [160, DIM] },
      { name: `layers.${i}.feed_forward.w2.weight`, shape: [DIM, 160] },
      { name: `layers.${i}.feed_forward.w3.weight`, shape: [160, DIM] },
      { name: `layers.${i}.ffn_norm1.weight`, shape: [DIM] }
    ])
    const sizes: Record<string, number> = { q: DIM, k: KV, v: KV }
    // Both layers, as a LoRA trains them: a whole side's blocks align exactly with the base's.
    const parts = (roles: string[], rows: Record<string, number> = sizes) =>
      [0, 1].flatMap((i) =>
        roles.map((r) => ({ name: `layers.${i}.attn.to_${r}.weight`, shape: [rows[r]!, DIM] }))
      )
    // Where each slot starts in the fused rows: the conventional q | k | v order.
    const start: Record<string, number> = { q: 0, k: DIM, v: DIM + KV }
    const fuses = (a: { name: string; shape: number[] }[]) =>
      correspond(a, base, { partial: 'a' }).links.filter((l) => l.kind === 'fuse')

    it('separate q, k, v: the whole fused rows, summed (the full reading)', () => {
      const link = fuses(parts(['q', 'k', 'v'])).find((l) => l.b[0] === 'layers.1.attention.qkv.weight')
      expect(link).toMatchObject({
        confidence: 'high',
        b: ['layers.1.attention.qkv.weight'],
        rows: ['q', 'k', 'v'].map((r) => ({ start: start[r], end: start[r]! + sizes[r]! }))
      })
      expect(link!.evidence).toContainEqual({ kind: 'rows-sum', parts: ['q', 'k', 'v'], rows: ROWS })
    })

    for (const roles of [['q', 'v'], ['k'], ['q'], ['v'], ['k', 'v'], ['q', 'k']]) {
      it(`${roles.join(' and ')} only: each on its own slot, the slot sizes from the present parts`, () => {
        const a = parts(roles)
        for (const options of [{ partial: 'a' as const }, {}]) {
          const c = correspond(a, base, options)
          expect(c.unmatched.a).toEqual([])
          const link = c.links.find((l) => l.kind === 'fuse' && l.b[0] === 'layers.1.attention.qkv.weight')
          expect(link).toMatchObject({
            confidence: 'high',
            a: a.filter((t) => t.name.startsWith('layers.1.')).map((t) => t.name),
            b: ['layers.1.attention.qkv.weight'],
            rows: roles.map((r) => ({ start: start[r], end: start[r]! + sizes[r]! }))
          })
          expect(link!.ambiguity).toBeUndefined()
          expect(link!.evidence).toContainEqual({
            kind: 'rows-share',
            parts: roles,
            of: ['q', 'k', 'v'],
            rows: ROWS,
            sizes: [DIM, KV, KV]
          })
        }
      })
    }

    it('refused where the sizes do not fit: q + 2 kv != rows, q not a whole multiple of kv, k and v unequal', () => {
      const cases: [string[], Record<string, number>][] = [
        [['q', 'v'], { q: DIM, v: KV + 4 }], // 64 + 2 * 20 = 104 rows, not 96
        [['q', 'k'], { q: 32, k: KV }], // 32 + 2 * 16 = 64 rows
        [['q', 'v'], { q: 60, v: 18 }], // 60 + 36 = 96, but 60 is no multiple of 18
        [['q'], { q: 40 }], // kv 28: 40 is no multiple of it
        [['q'], { q: 95 }], // kv 0.5
        [['k'], { k: 50 }], // q = 96 - 100 < 0
        [['k'], { k: 48 }], // q = 0
        [['k', 'v'], { k: KV, v: 2 * KV }] // k and v hold the same heads
      ]
      for (const [roles, rows] of cases)
        expect({ roles, rows, fuses: fuses(parts(roles, rows)) }).toEqual({ roles, rows, fuses: [] })
    })

    it('a fused k|v (two parts) stays equal-only', () => {
      const kv = [
        { name: 'blocks.0.cross_attn.kv_linear.weight', shape: [48, DIM] },
        { name: 'blocks.0.cross_attn.q_linear.weight', shape: [DIM, DIM] }
      ]
      for (const [name, rows] of [
        ['blocks.0.cross_attn.k.weight', 16],
        ['blocks.0.cross_attn.v.weight', 32]
      ] as const) {
        const c = correspond([{ name, shape: [rows, DIM] }], kv, { partial: 'a' })
        expect(c.links.filter((l) => l.kind === 'fuse')).toEqual([])
      }
    })
  })

  it('one part alone (q, k or v of a qkv; k or v of a kv): its own equal share; a lone layer of no q/k/v role none', () => {
    const longcat = scaledModel('longcat-video', {
      hidden_size: 64,
      num_heads: 2,
      head_dim: 32,
      depth: 2,
      ffn_hidden: 160
    })
    const cases: [string, string, number][] = [
      ['self_attn.q', 'blocks.1.attn.qkv.weight', 0],
      ['self_attn.k', 'blocks.1.attn.qkv.weight', 64],
      ['self_attn.v', 'blocks.1.attn.qkv.weight', 128],
      ['cross_attn.k', 'blocks.1.cross_attn.kv_linear.weight', 0],
      ['cross_attn.v', 'blocks.1.cross_attn.kv_linear.weight', 64]
    ]
    for (const [part, key, start] of cases) {
      const name = `blocks.1.${part}.weight`
      const c = correspond([{ name, shape: [64, 64] }], longcat, { partial: 'a' })
      expect({ part, link: find(c.links, name) }).toMatchObject({
        part,
        link: { kind: 'fuse', confidence: 'high', b: [key], rows: [{ start, end: start + 64 }] }
      })
    }
    for (const name of ['blocks.1.self_attn.gate.weight', 'blocks.1.attn.extra.weight']) {
      const c = correspond([{ name, shape: [64, 64] }], longcat, { partial: 'a' })
      expect({ name, fused: c.links.filter((l) => l.kind === 'fuse') }).toEqual({ name, fused: [] })
    }
  })

  it('a fused qkv and a fused kv onto separate projections: splits within their own attention', () => {
    const w = scaledModel('wan2.1-t2v-1.3b', { dim: 64, ffn_dim: 128, num_heads: 2, num_layers: 2 })
    const c = correspond(
      [
        { name: 'blocks_0_attn_qkv.weight', shape: [192, 64] },
        { name: 'blocks_0_cross_attn_kv_linear.weight', shape: [128, 64] }
      ],
      w,
      { partial: 'a' }
    )
    expect(find(c.links, 'blocks_0_cross_attn_kv_linear.weight')).toMatchObject({
      kind: 'split',
      confidence: 'high',
      b: ['blocks.0.cross_attn.k.weight', 'blocks.0.cross_attn.v.weight'],
      rows: [
        { start: 0, end: 64 },
        { start: 64, end: 128 }
      ]
    })
    expect(find(c.links, 'blocks_0_attn_qkv.weight')?.b).toEqual([
      'blocks.0.self_attn.q.weight',
      'blocks.0.self_attn.k.weight',
      'blocks.0.self_attn.v.weight'
    ])
  })
})

describe('correspond: whole networks', () => {
  it('pre and post norms by place, not by words (Meta vs Hugging Face Llama names)', () => {
    const meta = [0, 1].flatMap((i) => [
      { name: `layers.${i}.attention_norm.weight`, shape: [32] },
      { name: `layers.${i}.ffn_norm.weight`, shape: [32] },
      { name: `layers.${i}.attention.wq.weight`, shape: [32, 32] },
      { name: `layers.${i}.attention.wo.weight`, shape: [32, 32] }
    ])
    const hf = [0, 1].flatMap((i) => [
      { name: `model.layers.${i}.input_layernorm.weight`, shape: [32] },
      { name: `model.layers.${i}.post_attention_layernorm.weight`, shape: [32] },
      { name: `model.layers.${i}.self_attn.q_proj.weight`, shape: [32, 32] },
      { name: `model.layers.${i}.self_attn.o_proj.weight`, shape: [32, 32] }
    ])
    const c = correspond(meta, hf)
    expect(find(c.links, 'layers.1.attention_norm.weight')?.b).toEqual([
      'model.layers.1.input_layernorm.weight'
    ])
    expect(find(c.links, 'layers.1.ffn_norm.weight')?.b).toEqual([
      'model.layers.1.post_attention_layernorm.weight'
    ])
    expect(find(c.links, 'layers.0.attention.wo.weight')).toMatchObject({
      b: ['model.layers.0.self_attn.o_proj.weight'],
      confidence: 'high'
    })
  })

  it('different block counts (HunyuanVideo vs Flux) give no high link inside the blocks', () => {
    const c = correspond(expandModel('hunyuanvideo-t2v'), expandModel('flux.1-dev'))
    expect(c.links.filter((l) => l.confidence === 'high' && /blocks\.\d+\./.test(l.a[0]!))).toEqual([])
  })

  it('a network saved without its last block pairs the blocks it keeps (a text encoder cut at its penultimate layer)', () => {
    const block = (p: string, fused: boolean) => [
      { name: `${p}.ln_1.weight`, shape: [16] },
      ...(fused
        ? [{ name: `${p}.attn.in_proj_weight`, shape: [48, 16] }]
        : ['q', 'k', 'v'].map((x) => ({ name: `${p}.self_attn.${x}_proj.weight`, shape: [16, 16] }))),
      { name: `${p}.mlp.c_fc.weight`, shape: [64, 16] },
      { name: `${p}.mlp.c_proj.weight`, shape: [16, 64] }
    ]
    const a = [0, 1, 2, 3].flatMap((i) => block(`transformer.resblocks.${i}`, true))
    const b = [0, 1, 2].flatMap((i) => block(`encoder.layers.${i}`, false))
    for (const [x, y] of [
      [a, b],
      [b, a]
    ]) {
      const c = correspond(x, y)
      const high = c.links.filter((l) => l.confidence === 'high')
      expect(high).toHaveLength(3 * 4)
      const blockOf = (k: string) => /\.(\d+)\./.exec(k)![1]
      for (const l of high) expect(new Set([...l.a, ...l.b].map(blockOf)).size).toBe(1)
    }
    expect(correspond(a, b).unmatched.a).toEqual(block('transformer.resblocks.3', true).map((t) => t.name))
    // Two series of other depths are two networks: no block link is high.
    const c = [0, 1, 2].flatMap((i) => [
      ...block(`encoder.layers.${i}`, false),
      ...block(`single.${i}`, false)
    ])
    const d = [0, 1].flatMap((i) => [...block(`resblocks.${i}`, true), ...block(`single_blocks.${i}`, true)])
    expect(correspond(c, d).links.filter((l) => l.confidence === 'high')).toEqual([])
  })

  it("equal-shaped sibling layers of no known role pair in their names' order (in/out vs 1/2) inside aligned blocks", () => {
    const a = [0, 1].flatMap((i) => [
      { name: `guidance.layers.${i}.in_layer.weight`, shape: [32, 32] },
      { name: `guidance.layers.${i}.out_layer.weight`, shape: [32, 32] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `guidance.layers.${i}.linear_2.weight`, shape: [32, 32] },
      { name: `guidance.layers.${i}.linear_1.weight`, shape: [32, 32] }
    ])
    const c = correspond(a, b)
    expect(find(c.links, 'guidance.layers.1.in_layer.weight')).toMatchObject({
      b: ['guidance.layers.1.linear_1.weight'],
      confidence: 'high'
    })
    expect(find(c.links, 'guidance.layers.1.out_layer.weight')).toMatchObject({
      b: ['guidance.layers.1.linear_2.weight'],
      confidence: 'high'
    })
    // Not siblings of one module: the names' numbers say nothing about which is which.
    const d = [0, 1].flatMap((i) => [
      { name: `guidance.layers.${i}.left.linear_1.weight`, shape: [32, 32] },
      { name: `guidance.layers.${i}.right.linear_2.weight`, shape: [32, 32] }
    ])
    expect(correspond(a, d).links.filter((l) => l.confidence === 'high')).toEqual([])
  })

  it('a lone middle layer beside a numbered series: the middle pairs by its section word, the series in order', () => {
    const conv = (name: string) => [
      { name: `${name}.weight`, shape: [16, 16, 1, 1] },
      { name: `${name}.bias`, shape: [16] }
    ]
    const a = [
      ...[0, 1, 2].flatMap((i) => conv(`control_model.zero_convs.${i}.0`)),
      ...conv('control_model.middle_block_out.0')
    ]
    const b = [
      ...conv('controlnet_mid_block'),
      ...[0, 1, 2].flatMap((i) => conv(`controlnet_down_blocks.${i}`))
    ]
    const c = correspond(a, b)
    expect(find(c.links, 'control_model.middle_block_out.0.weight')).toMatchObject({
      b: ['controlnet_mid_block.weight'],
      confidence: 'high'
    })
    for (const i of [0, 1, 2])
      expect(find(c.links, `control_model.zero_convs.${i}.0.weight`)).toMatchObject({
        b: [`controlnet_down_blocks.${i}.weight`],
        confidence: 'high'
      })
  })

  it("the last pair of a shape, once the others are placed by their names, is each other's", () => {
    const a = [
      { name: 'time_in.in_layer.weight', shape: [32, 8] },
      { name: 'guidance_in.in_layer.weight', shape: [32, 8] }
    ]
    const b = [
      { name: 'time_text_embed.guidance_embedder.linear_1.weight', shape: [32, 8] },
      { name: 'time_text_embed.timestep_embedder.linear_1.weight', shape: [32, 8] }
    ]
    const c = correspond(a, b)
    expect(find(c.links, 'guidance_in.in_layer.weight')).toMatchObject({
      b: ['time_text_embed.guidance_embedder.linear_1.weight'],
      confidence: 'high',
      evidence: [{ kind: 'last-of-shape', shape: [32, 8], of: 2 }]
    })
  })

  it('modules joined by a high link hold the same layers: the only one of a shape left in each pairs', () => {
    const a = [
      { name: 'vector_in.in_layer.weight', shape: [32, 12] },
      { name: 'vector_in.out_layer.weight', shape: [32, 32] },
      { name: 'other_in.out_layer.weight', shape: [32, 32] },
      { name: 'other_in.in_layer.weight', shape: [32, 20] }
    ]
    const b = [
      { name: 'embed.text_embedder.linear_1.weight', shape: [32, 12] },
      { name: 'embed.text_embedder.linear_2.weight', shape: [32, 32] },
      { name: 'embed.extra_embedder.linear_2.weight', shape: [32, 32] },
      { name: 'embed.extra_embedder.linear_1.weight', shape: [32, 20] }
    ]
    const c = correspond(a, b)
    expect(find(c.links, 'vector_in.out_layer.weight')).toMatchObject({
      b: ['embed.text_embedder.linear_2.weight'],
      confidence: 'high'
    })
    expect(find(c.links, 'other_in.out_layer.weight')).toMatchObject({
      b: ['embed.extra_embedder.linear_2.weight'],
      confidence: 'high'
    })
  })

  it('a modulation table under another name in the same convention is a plain rename', () => {
    const a = [0, 1].flatMap((i) => [
      { name: `blocks.${i}.modulation`, shape: [1, 6, 8] },
      { name: `blocks.${i}.q.weight`, shape: [8, 8] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `blocks.${i}.scale_shift_table`, shape: [1, 6, 8] },
      { name: `blocks.${i}.to_q.weight`, shape: [8, 8] }
    ])
    const l = find(correspond(a, b).links, 'blocks.1.modulation')
    expect(l).toMatchObject({ kind: 'rename', b: ['blocks.1.scale_shift_table'], confidence: 'high' })
    expect(l?.ambiguity).toBeUndefined()
  })

  it('AdaLayerNormContinuous (scale, shift) against an adaLN modulation (shift, scale) is a reorder, both ways', () => {
    const orig = [
      { name: 'final_layer.adaLN_modulation.1.weight', shape: [16, 8] },
      { name: 'final_layer.adaLN_modulation.1.bias', shape: [16] },
      { name: 'final_layer.linear.weight', shape: [4, 8] }
    ]
    const diff = [
      { name: 'norm_out.linear.weight', shape: [16, 8] },
      { name: 'norm_out.linear.bias', shape: [16] },
      { name: 'proj_out.weight', shape: [4, 8] }
    ]
    for (const [a, b] of [
      [orig, diff],
      [diff, orig]
    ] as const) {
      const links = correspond(a, b).links
      for (const leaf of ['weight', 'bias']) {
        const l = find(links, a[0]!.name.replace(/weight$/, leaf))
        expect(l).toMatchObject({
          kind: 'reorder',
          b: [b[0]!.name.replace(/weight$/, leaf)],
          confidence: 'high'
        })
        expect(l?.ambiguity).toBeUndefined()
        expect(l?.evidence).toContainEqual({
          kind: 'chunk-order',
          chunks: a === orig ? ['shift', 'scale'] : ['scale', 'shift'],
          order: [1, 0]
        })
      }
    }
  })

  it('a norm-linear modulation with 6 chunks (AdaLayerNormZero) keeps the original order: a rename', () => {
    const a = [0, 1].flatMap((i) => [
      { name: `double_blocks.${i}.img_mod.lin.weight`, shape: [48, 8] },
      { name: `double_blocks.${i}.img_attn.proj.weight`, shape: [8, 8] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `transformer_blocks.${i}.norm1.linear.weight`, shape: [48, 8] },
      { name: `transformer_blocks.${i}.attn.to_out.0.weight`, shape: [8, 8] }
    ])
    const l = find(correspond(a, b).links, 'double_blocks.1.img_mod.lin.weight')
    expect(l).toMatchObject({ kind: 'rename', b: ['transformer_blocks.1.norm1.linear.weight'] })
    expect(l?.ambiguity).toBeUndefined()
  })

  it("an RMSNorm modulation's four chunks (scale, gate per sublayer) keep their order: Mochi's mod_x is norm1.linear", () => {
    const a = [0, 1].flatMap((i) => [
      { name: `blocks.${i}.mod_x.weight`, shape: [32, 8] },
      { name: `blocks.${i}.attn.proj_x.weight`, shape: [8, 8] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `transformer_blocks.${i}.norm1.linear.weight`, shape: [32, 8] },
      { name: `transformer_blocks.${i}.attn.to_out.0.weight`, shape: [8, 8] }
    ])
    const l = find(correspond(a, b).links, 'blocks.1.mod_x.weight')
    expect(l).toMatchObject({ kind: 'rename', b: ['transformer_blocks.1.norm1.linear.weight'] })
    expect(l?.ambiguity).toBeUndefined()
  })

  it("a modulation's convention is read from the names as stored: kohya's one-segment AuraFlow modC keeps its mod", () => {
    // lower-cased, `modC_1` would read `modc`, no word of a modulation
    const a = [0, 1].flatMap((i) => [
      { name: `double_layers_${i}_modC_1.weight`, shape: [48, 8] },
      { name: `double_layers_${i}_attn_w1o.weight`, shape: [8, 8] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `joint_transformer_blocks.${i}.norm1_context.linear.weight`, shape: [48, 8] },
      { name: `joint_transformer_blocks.${i}.attn.to_add_out.weight`, shape: [8, 8] }
    ])
    const l = find(correspond(a, b).links, 'double_layers_1_modC_1.weight')
    expect(l).toMatchObject({ kind: 'rename', b: ['joint_transformer_blocks.1.norm1_context.linear.weight'] })
    expect(l?.ambiguity).toBeUndefined()
  })

  it('a modulation whose naming tells no convention says its chunk order is assumed', () => {
    const a = [0, 1].flatMap((i) => [
      { name: `blocks.${i}.adaLN_modulation.1.weight`, shape: [48, 8] },
      { name: `blocks.${i}.attn.q.weight`, shape: [8, 8] }
    ])
    const b = [0, 1].flatMap((i) => [
      { name: `blocks.${i}.norm1.emb.weight`, shape: [48, 8] },
      { name: `blocks.${i}.attn.to_q.weight`, shape: [8, 8] }
    ])
    const l = find(correspond(a, b).links, 'blocks.1.adaLN_modulation.1.weight')
    expect(l).toMatchObject({ kind: 'rename', b: ['blocks.1.norm1.emb.weight'] })
    expect(l?.ambiguity?.kind).toBe('modulation-chunks')
  })
})

describe('correspond: a bare parameter against a module weight', () => {
  it("links an nn.Parameter (`pos_embedding` [1, n, d]) to an Embedding's lone weight ([n, d]) as a reshape", () => {
    const block = (p: string) => [
      { name: `${p}.attn.q.weight`, shape: [16, 16] },
      { name: `${p}.mlp.fc1.weight`, shape: [64, 16] }
    ]
    const a = [
      { name: 'visual.pos_embedding', shape: [1, 50, 16] },
      { name: 'visual.cls_embedding', shape: [1, 1, 16] },
      ...[0, 1].flatMap((i) => block(`visual.transformer.${i}`))
    ]
    const b = [
      { name: 'vision_model.embeddings.position_embedding.weight', shape: [50, 16] },
      { name: 'vision_model.embeddings.class_embedding', shape: [16] },
      ...[0, 1].flatMap((i) => block(`vision_model.encoder.layers.${i}`))
    ]
    const c = correspond(a, b)
    expect(find(c.links, 'visual.pos_embedding')).toMatchObject({
      kind: 'reshape',
      b: ['vision_model.embeddings.position_embedding.weight'],
      confidence: 'high'
    })
    expect(find(c.links, 'visual.cls_embedding')).toMatchObject({
      b: ['vision_model.embeddings.class_embedding']
    })
    expect(c.unmatched).toEqual({ a: [], b: [] })
  })
})

describe('correspond: order words', () => {
  it("before / after order two same-shaped linears as in / out do (Wan VACE's before_proj / after_proj)", () => {
    const block = (p: string, names: [string, string]) => [
      { name: `${p}.attn.q.weight`, shape: [16, 16] },
      { name: `${p}.ffn.0.weight`, shape: [64, 16] },
      { name: `${p}.${names[0]}.weight`, shape: [16, 16] },
      { name: `${p}.${names[1]}.weight`, shape: [16, 16] }
    ]
    const a = [0, 1].flatMap((i) => block(`vace_blocks.${i}`, ['before_proj', 'after_proj']))
    const b = [0, 1].flatMap((i) => block(`vace_blocks.${i}`, ['proj_in', 'proj_out']))
    const c = correspond(a, b)
    for (const i of [0, 1]) {
      expect(find(c.links, `vace_blocks.${i}.before_proj.weight`)).toMatchObject({
        b: [`vace_blocks.${i}.proj_in.weight`],
        confidence: 'high'
      })
      expect(find(c.links, `vace_blocks.${i}.after_proj.weight`)).toMatchObject({
        b: [`vace_blocks.${i}.proj_out.weight`],
        confidence: 'high'
      })
    }
  })
})

describe('correspond: equal-shaped layers of no role, by their own names', () => {
  /** A DINOv2-like ViT: the original (torch hub) names and transformers' (Dinov2Model). */
  const D = 32
  const vit = (hf: boolean) => {
    const t: { name: string; shape: number[] }[] = hf
      ? [
          { name: 'embeddings.cls_token', shape: [1, 1, D] },
          { name: 'embeddings.mask_token', shape: [1, D] },
          { name: 'layernorm.weight', shape: [D] }
        ]
      : [
          { name: 'cls_token', shape: [1, 1, D] },
          { name: 'mask_token', shape: [1, D] },
          { name: 'norm.weight', shape: [D] }
        ]
    for (const i of [0, 1]) {
      const p = hf ? `encoder.layer.${i}.` : `blocks.${i}.`
      t.push(
        { name: `${p}norm1.weight`, shape: [D] },
        { name: `${p}${hf ? 'attention.output.dense' : 'attn.proj'}.weight`, shape: [D, D] },
        { name: `${p}${hf ? 'layer_scale1.lambda1' : 'ls1.gamma'}`, shape: [D] },
        { name: `${p}norm2.weight`, shape: [D] },
        { name: `${p}mlp.fc1.weight`, shape: [4 * D, D] },
        { name: `${p}mlp.fc2.weight`, shape: [D, 4 * D] },
        { name: `${p}${hf ? 'layer_scale2.lambda1' : 'ls2.gamma'}`, shape: [D] }
      )
    }
    return t
  }

  it("links cls_token / mask_token by name, and LayerScale's gamma to transformers' lambda1 in order", () => {
    for (const [a, b] of [
      [vit(false), vit(true)],
      [vit(true), vit(false)]
    ]) {
      const c = correspond(a!, b!)
      expect(c.unmatched).toEqual({ a: [], b: [] })
      expect(c.links.every((l) => l.confidence === 'high')).toBe(true)
    }
    const c = correspond(vit(false), vit(true))
    expect(find(c.links, 'cls_token')).toMatchObject({ b: ['embeddings.cls_token'] })
    expect(find(c.links, 'mask_token')).toMatchObject({ b: ['embeddings.mask_token'] })
    expect(find(c.links, 'blocks.1.ls1.gamma')).toMatchObject({ b: ['encoder.layer.1.layer_scale1.lambda1'] })
    expect(find(c.links, 'blocks.1.ls2.gamma')).toMatchObject({ b: ['encoder.layer.1.layer_scale2.lambda1'] })
  })

  it('a name two conventions give different places does not decide for layers with a role (norms)', () => {
    // SAT CogVideoX: final_layer.norm_final is diffusers' norm_out.norm; final_layernorm is diffusers' norm_final.
    const a = [
      { name: 'final_layer.norm_final.weight', shape: [D] },
      { name: 'final_layer.linear.weight', shape: [16, D] },
      { name: 'final_layernorm.weight', shape: [D] }
    ]
    const b = [
      { name: 'norm_out.norm.weight', shape: [D] },
      { name: 'proj_out.weight', shape: [16, D] },
      { name: 'norm_final.weight', shape: [D] }
    ]
    const c = correspond(a, b)
    expect(
      find(
        c.links.filter((l) => l.confidence === 'high'),
        'final_layer.norm_final.weight'
      )?.b
    ).not.toEqual(['norm_final.weight'])
  })
})
