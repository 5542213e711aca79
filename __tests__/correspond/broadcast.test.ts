/**
 * One tensor on one side, a copy of it in every block of a series on the other (diffusers' DiT holds the timestep
 * and class embedders in each block's AdaLayerNormZero), and the last pass's medium proposal for a pair alone in its
 * matrix shape whose names read as different roles (DiT's final modulation, diffusers' `proj_out_1`).
 */
import { describe, expect, it } from '@jest/globals'
import { correspond, type Link, type TensorSpec } from '../../src/correspond/index.js'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { compareCheckpoints, toMappingFile } from '../../src/compare/index.js'
import { swapLink } from '../../src/compare/partial.js'
import { specCheckpoint } from '../../fixtures/specs.js'

const H = 48
const FREQ = 16
const CLASSES = 11
const BLOCKS = 4

interface DitOptions {
  /** Blocks of B that hold the embedder copies (default: all). */
  copiesIn?: number[]
}

/** The original DiT layout: embedders once, at the top. */
function original(): TensorSpec[] {
  const out: TensorSpec[] = []
  const t = (name: string, shape: number[]) => out.push({ name, shape })
  const lin = (p: string, o: number, i: number) => (t(`${p}.weight`, [o, i]), t(`${p}.bias`, [o]))
  t('x_embedder.proj.weight', [H, 4, 2, 2])
  t('x_embedder.proj.bias', [H])
  lin('t_embedder.mlp.0', H, FREQ)
  lin('t_embedder.mlp.2', H, H)
  t('y_embedder.embedding_table.weight', [CLASSES, H])
  for (let i = 0; i < BLOCKS; i++) {
    lin(`blocks.${i}.attn.qkv`, 3 * H, H)
    lin(`blocks.${i}.attn.proj`, H, H)
    lin(`blocks.${i}.mlp.fc1`, 4 * H, H)
    lin(`blocks.${i}.mlp.fc2`, H, 4 * H)
    lin(`blocks.${i}.adaLN_modulation.1`, 6 * H, H)
  }
  lin('final_layer.linear', 16, H)
  lin('final_layer.adaLN_modulation.1', 2 * H, H)
  return out
}

/** diffusers' layout: the embedders copied into each block's norm1.emb. */
function diffusers(o: DitOptions = {}): TensorSpec[] {
  const out: TensorSpec[] = []
  const t = (name: string, shape: number[]) => out.push({ name, shape })
  const lin = (p: string, w: number, i: number) => (t(`${p}.weight`, [w, i]), t(`${p}.bias`, [w]))
  t('pos_embed.proj.weight', [H, 4, 2, 2])
  t('pos_embed.proj.bias', [H])
  const copiesIn = new Set(o.copiesIn ?? [...Array(BLOCKS).keys()])
  for (let i = 0; i < BLOCKS; i++) {
    const p = `transformer_blocks.${i}.`
    if (copiesIn.has(i)) {
      lin(`${p}norm1.emb.timestep_embedder.linear_1`, H, FREQ)
      lin(`${p}norm1.emb.timestep_embedder.linear_2`, H, H)
      t(`${p}norm1.emb.class_embedder.embedding_table.weight`, [CLASSES, H])
    }
    lin(`${p}norm1.linear`, 6 * H, H)
    for (const x of ['to_q', 'to_k', 'to_v', 'to_out.0']) lin(`${p}attn1.${x}`, H, H)
    lin(`${p}ff.net.0.proj`, 4 * H, H)
    lin(`${p}ff.net.2`, H, 4 * H)
  }
  lin('proj_out_1', 2 * H, H)
  lin('proj_out_2', 16, H)
  return out
}

const checkpoint = (ts: TensorSpec[], path: string) =>
  specCheckpoint(
    ts.map((t) => ({ name: t.name, shape: [...t.shape], dtype: 'F32' })),
    path
  )

const linkOf = (links: Link[], key: string): Link | undefined =>
  links.find((l) => l.a.includes(key) || l.b.includes(key))
const copies = (leaf: string, blocks = [...Array(BLOCKS).keys()]): string[] =>
  blocks.map((i) => `transformer_blocks.${i}.norm1.emb.${leaf}`)

describe('one tensor against its copies in every block', () => {
  it('broadcast: the original embedders into every block, copies in block order, high', () => {
    const c = correspond(original(), diffusers())
    const t1 = linkOf(c.links, 't_embedder.mlp.0.weight')
    expect(t1).toMatchObject({
      kind: 'broadcast',
      a: ['t_embedder.mlp.0.weight'],
      b: copies('timestep_embedder.linear_1.weight'),
      confidence: 'high'
    })
    expect(t1!.evidence).toContainEqual({
      kind: 'copied-per-block',
      series: 'transformer_blocks',
      copies: BLOCKS
    })
    expect(linkOf(c.links, 't_embedder.mlp.2.bias')?.b).toEqual(copies('timestep_embedder.linear_2.bias'))
    expect(linkOf(c.links, 'y_embedder.embedding_table.weight')?.b).toEqual(
      copies('class_embedder.embedding_table.weight')
    )
    // every copy accounted for
    expect(c.unmatched.b.filter((k) => k.includes('.emb.'))).toEqual([])
    expect(c.unmatched.a.filter((k) => k.includes('embedder'))).toEqual([])
  })

  it('collapse: the other way, the copies into one tensor, stated as taken equal', () => {
    const c = correspond(diffusers(), original())
    const t2 = linkOf(c.links, 't_embedder.mlp.2.weight')
    expect(t2).toMatchObject({
      kind: 'collapse',
      a: copies('timestep_embedder.linear_2.weight'),
      b: ['t_embedder.mlp.2.weight'],
      confidence: 'high',
      ambiguity: { kind: 'copies-assumed-equal', chunks: [] }
    })
  })

  it('no link when the copies are not in every block of the series', () => {
    const c = correspond(original(), diffusers({ copiesIn: [0, 1, 2] }))
    expect(c.links.filter((l) => l.kind === 'broadcast')).toEqual([])
    expect(c.unmatched.a).toContain('t_embedder.mlp.0.weight')
  })

  it('no link when the names say different things, whatever the shapes (a block projection vs a time MLP)', () => {
    // HunyuanVideo's token refiner leaves one [W, W] projection per block unmatched against Flux, whose
    // time_in.out_layer is the only other one of that shape.
    const W = 40
    const refiner = (n: number): TensorSpec[] => [
      ...[...Array(n).keys()].flatMap((i) => [
        { name: `txt_in.refiner.blocks.${i}.norm1.weight`, shape: [W] },
        { name: `txt_in.refiner.blocks.${i}.self_attn_proj.weight`, shape: [W, W] }
      ])
    ]
    const flux = [
      { name: 'time_in.in_layer.weight', shape: [W, 8] },
      { name: 'time_in.out_layer.weight', shape: [W, W] }
    ]
    const c = correspond(refiner(2), flux)
    expect(c.links.filter((l) => l.kind === 'collapse' || l.kind === 'broadcast')).toEqual([])
    const back = correspond(flux, refiner(2))
    expect(back.links.filter((l) => l.kind === 'collapse' || l.kind === 'broadcast')).toEqual([])
  })

  it('a lone layer inside a block of its own side is no model-wide tensor: not broadcast', () => {
    const block = (p: string): TensorSpec[] => [
      { name: `${p}.attn.qkv.weight`, shape: [3 * H, H] },
      { name: `${p}.mlp.fc1.weight`, shape: [4 * H, H] }
    ]
    // A: the time MLP once, inside a block of another series (refiner.0); B: one in each of its blocks
    const a: TensorSpec[] = [
      ...block('blocks.0'),
      ...block('blocks.1'),
      { name: 'refiner.0.time_mlp.weight', shape: [H, FREQ] },
      { name: 'refiner.0.norm.weight', shape: [H] }
    ]
    const b: TensorSpec[] = [0, 1].flatMap((i) => [
      ...block(`layers.${i}`),
      { name: `layers.${i}.time_mlp.weight`, shape: [H, FREQ] }
    ])
    const c = correspond(a, b)
    expect(c.links.filter((l) => l.kind === 'broadcast')).toEqual([])
    // the same tensor at the top is broadcast
    const top = a.map((t) =>
      t.name.startsWith('refiner.0.') ? { ...t, name: t.name.slice('refiner.0.'.length) } : t
    )
    expect(correspond(top, b).links.find((l) => l.kind === 'broadcast')?.b).toEqual([
      'layers.0.time_mlp.weight',
      'layers.1.time_mlp.weight'
    ])
  })

  it('compare: the broadcast tensors count as mapped, and the conversion names them', () => {
    const cmp = compareCheckpoints(
      checkpoint(original(), 'a.safetensors'),
      checkpoint(diffusers(), 'b.safetensors')
    )
    const m = cmp.mappings.find((x) => x.source[0] === 't_embedder.mlp.0.weight')
    expect(m).toMatchObject({ kind: 'broadcast', confidence: 'high', shapeCompatible: true })
    expect(m!.reason).toContain(`one copy in each of the ${BLOCKS} blocks`)
    // everything of A is mapped at high but the final modulation (proposed at medium, below)
    expect(cmp.overlap.mapped).toBeCloseTo((original().length - 2) / original().length, 6)
    const back = compareCheckpoints(
      checkpoint(diffusers(), 'b.safetensors'),
      checkpoint(original(), 'a.safetensors')
    )
    const c = back.mappings.find((x) => x.target[0] === 't_embedder.mlp.0.weight')
    expect(c).toMatchObject({ kind: 'collapse', shapeCompatible: true })
    expect(c!.ambiguity).toMatch(/copies are taken as equal/)
  })
})

describe('a pair alone in its matrix shape, named as different roles', () => {
  it('is proposed at medium, its evidence saying that the roles differ', () => {
    const c = correspond(original(), diffusers())
    const mod = linkOf(c.links, 'final_layer.adaLN_modulation.1.weight')
    expect(mod).toMatchObject({ kind: 'rename', b: ['proj_out_1.weight'], confidence: 'medium' })
    expect(mod!.evidence).toContainEqual({ kind: 'roles-differ', roles: ['mod', 'head'] })
  })

  it('is left unmatched when another leftover of that shape exists on either side', () => {
    const b = [...diffusers(), { name: 'proj_extra.weight', shape: [2 * H, H] }]
    const c = correspond(original(), b)
    expect(linkOf(c.links, 'final_layer.adaLN_modulation.1.weight')).toBeUndefined()
  })

  it('never pairs vectors by shape alone', () => {
    const c = correspond([{ name: 'final_norm.weight', shape: [H] }], [{ name: 'head.weight', shape: [H] }])
    expect(c.links).toEqual([])
  })
})

describe('read from the other side (swapLink)', () => {
  it('a broadcast becomes a collapse that states its assumption, and the side-bound evidence swaps', () => {
    const c = correspond(original(), diffusers())
    const b = linkOf(c.links, 't_embedder.mlp.0.weight')!
    const s = swapLink(b)
    expect(s).toMatchObject({ kind: 'collapse', a: b.b, b: b.a })
    expect(s.ambiguity).toEqual({ kind: 'copies-assumed-equal', chunks: [] })
    expect(swapLink(s).kind).toBe('broadcast')
    expect(swapLink(s).ambiguity).toBeUndefined()
    const mod = swapLink(linkOf(c.links, 'final_layer.adaLN_modulation.1.weight')!)
    expect(mod.evidence).toContainEqual({ kind: 'roles-differ', roles: ['head', 'mod'] })
    const aligned = swapLink(linkOf(c.links, 'blocks.2.attn.proj.weight')!)
    expect(aligned.evidence[0]).toMatchObject({
      kind: 'block-aligned',
      series: ['transformer.blocks', 'blocks'],
      names: ['transformer_blocks.2', 'blocks.2']
    })
  })
})

describe('mapping file', () => {
  it('broadcasts, collapses and the medium proposal validate against schemas/mapping.schema.json', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/mapping.schema.json', import.meta.url), 'utf8')
    ) as object
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)
    const tool = { name: 'model-compat', version: '0.0.0-test' }
    for (const [a, b] of [
      [original(), diffusers()],
      [diffusers(), original()]
    ] as const) {
      const doc = toMappingFile(
        compareCheckpoints(checkpoint(a, 'a.safetensors'), checkpoint(b, 'b.safetensors')),
        tool
      )
      const kinds = new Set(doc.mappings.map((m) => m.kind))
      expect(kinds.has('broadcast') || kinds.has('collapse')).toBe(true)
      expect(doc.mappings.some((m) => m.confidence === 'medium')).toBe(true)
      validate(JSON.parse(JSON.stringify(doc)))
      expect(validate.errors ?? []).toEqual([])
    }
  })
})
