/**
 * Blocks one naming numbers inside (src/correspond/sub-units.ts): HF T5's `encoder.block.N.layer.0` (attention) and
 * `layer.1` (feed-forward) against a naming with both straight under the block. Small T5-shaped sides here; the
 * full-size pairs (Wan's UMT5 against transformers, transformers T5 against GGUF names) are calibration pairs
 * (fixtures/mapping-pairs/calib_t5.py).
 */
import { describe, expect, it } from '@jest/globals'
import { correspond, type Link, type TensorSpec } from '../../src/correspond/index.js'
import { buildSide } from '../../src/correspond/model.js'
import { MAX_FIT_PAIRS, subUnitOf, subUnitsToMerge } from '../../src/correspond/sub-units.js'
import { layerRole, SELF_ATTENTION_NAMES, CROSS_ATTENTION_NAMES } from '../../src/names/roles.js'

const D = 64
const FF = 160
const LAYERS = 3

/** A gated T5 encoder under one of three namings; the relative-position table in every block (UMT5). */
function t5(naming: 'hf' | 'wan' | 'gguf'): { specs: TensorSpec[]; key: Map<string, string> } {
  const specs: TensorSpec[] = []
  // role -> name, to read the truth by role across namings
  const key = new Map<string, string>()
  const add = (role: string, names: Record<typeof naming, string>, shape: number[]) => {
    specs.push({ name: names[naming], shape })
    key.set(role, names[naming])
  }
  add('embed', { hf: 'shared.weight', wan: 'token_embedding.weight', gguf: 'token_embd.weight' }, [500, D])
  for (let i = 0; i < LAYERS; i++) {
    const [h, w, g] = [`encoder.block.${i}.`, `blocks.${i}.`, `enc.blk.${i}.`]
    for (const x of ['q', 'k', 'v', 'o'])
      add(
        `${i}.${x}`,
        {
          hf: `${h}layer.0.SelfAttention.${x}.weight`,
          wan: `${w}attn.${x}.weight`,
          gguf: `${g}attn_${x}.weight`
        },
        [D, D]
      )
    add(
      `${i}.rel`,
      {
        hf: `${h}layer.0.SelfAttention.relative_attention_bias.weight`,
        wan: `${w}pos_embedding.embedding.weight`,
        gguf: `${g}attn_rel_b.weight`
      },
      [32, 4]
    )
    add(
      `${i}.norm-attn`,
      { hf: `${h}layer.0.layer_norm.weight`, wan: `${w}norm1.weight`, gguf: `${g}attn_norm.weight` },
      [D]
    )
    add(
      `${i}.gate`,
      {
        hf: `${h}layer.1.DenseReluDense.wi_0.weight`,
        wan: `${w}ffn.gate.0.weight`,
        gguf: `${g}ffn_gate.weight`
      },
      [FF, D]
    )
    add(
      `${i}.up`,
      { hf: `${h}layer.1.DenseReluDense.wi_1.weight`, wan: `${w}ffn.fc1.weight`, gguf: `${g}ffn_up.weight` },
      [FF, D]
    )
    add(
      `${i}.down`,
      { hf: `${h}layer.1.DenseReluDense.wo.weight`, wan: `${w}ffn.fc2.weight`, gguf: `${g}ffn_down.weight` },
      [D, FF]
    )
    add(
      `${i}.norm-ffn`,
      { hf: `${h}layer.1.layer_norm.weight`, wan: `${w}norm2.weight`, gguf: `${g}ffn_norm.weight` },
      [D]
    )
  }
  add(
    'norm-final',
    { hf: 'encoder.final_layer_norm.weight', wan: 'norm.weight', gguf: 'enc.output_norm.weight' },
    [D]
  )
  return { specs, key }
}

/** Every tensor of `a` linked at high confidence to the tensor of `b` with its role, as one rename each. */
function expectExact(links: Link[], a: ReturnType<typeof t5>, b: ReturnType<typeof t5>): void {
  const got = new Map(links.filter((l) => l.confidence === 'high').map((l) => [l.a.join(), l.b.join()]))
  const wrong: string[] = []
  for (const [role, name] of a.key)
    if (got.get(name) !== b.key.get(role)) wrong.push(`${role}: ${name} -> ${got.get(name)}`)
  expect(wrong).toEqual([])
  expect(links.every((l) => l.kind === 'rename')).toBe(true)
}

describe('subUnitOf: a numbered list inside a numbered block', () => {
  it('names the pattern and the block; an index right after an index (LDM) or a single index is no sub-unit', () => {
    expect(subUnitOf('encoder.block.3.layer.1')).toEqual({
      pattern: 'encoder.block.#.layer.#',
      parent: 'encoder.block.3'
    })
    expect(subUnitOf('down_blocks.1.attentions.0')).toEqual({
      pattern: 'down_blocks.#.attentions.#',
      parent: 'down_blocks.1'
    })
    expect(subUnitOf('input_blocks.4.1')).toBeUndefined()
    expect(subUnitOf('blocks.3')).toBeUndefined()
    expect(subUnitOf('encoder.block.3.layer')).toBeUndefined()
    expect(subUnitOf('')).toBeUndefined()
  })
})

describe('subUnitsToMerge: what the other side says', () => {
  it("merges HF T5's layer.0 / layer.1 against a side that names one unit a block, and only that side", () => {
    const hf = buildSide(t5('hf').specs)
    const wan = buildSide(t5('wan').specs)
    expect(hf.units.map((u) => u.path)).toContain('encoder.block.0.layer.1')
    expect(subUnitsToMerge(hf, wan)).toEqual(new Set(['encoder.block.#.layer.#']))
    expect(subUnitsToMerge(wan, hf)).toEqual(new Set())
    // against its own naming nothing gains: the sub-units already meet their twins
    expect(subUnitsToMerge(hf, buildSide(t5('hf').specs))).toEqual(new Set())
    const merged = buildSide(t5('hf').specs, false, subUnitsToMerge(hf, wan))
    expect(merged.units.map((u) => u.path)).toEqual(['encoder.block.0', 'encoder.block.1', 'encoder.block.2'])
    expect(merged.units[0]!.sig).toBe(wan.units[0]!.sig)
    expect(merged.units[0]!.layers.map((l) => l.rel)).toContain('layer.1.densereludense.wi.0')
  })

  it('keeps sub-units that are units on the other side too (diffusers resnets and attentions of a level)', () => {
    const level = (p: string) => [
      { name: `${p}.resnets.0.conv1.weight`, shape: [8, 8, 3, 3] },
      { name: `${p}.resnets.0.conv2.weight`, shape: [8, 8, 3, 3] },
      { name: `${p}.attentions.0.proj_in.weight`, shape: [8, 8] },
      { name: `${p}.attentions.0.proj_out.weight`, shape: [8, 8] }
    ]
    const ldm = (i: number) => [
      { name: `input_blocks.${i}.0.in_layers.2.weight`, shape: [8, 8, 3, 3] },
      { name: `input_blocks.${i}.0.out_layers.3.weight`, shape: [8, 8, 3, 3] },
      { name: `input_blocks.${i}.1.proj_in.weight`, shape: [8, 8] },
      { name: `input_blocks.${i}.1.proj_out.weight`, shape: [8, 8] }
    ]
    const diffusers = buildSide([0, 1].flatMap((i) => level(`down_blocks.${i}`)))
    const original = buildSide([1, 2].flatMap(ldm))
    expect(subUnitsToMerge(diffusers, original)).toEqual(new Set())
    expect(subUnitsToMerge(original, diffusers)).toEqual(new Set())
  })
})

describe('correspond on T5 encoders under three namings', () => {
  it.each([
    ['hf', 'wan'],
    ['wan', 'hf'],
    ['hf', 'gguf'],
    ['gguf', 'hf'],
    ['wan', 'gguf']
  ] as const)('%s -> %s: every tensor to its counterpart, high, block by block', (x, y) => {
    const a = t5(x)
    const b = t5(y)
    const c = correspond(a.specs, b.specs)
    expect(c.unmatched).toEqual({ a: [], b: [] })
    expectExact(c.links, a, b)
  })
})

describe("T5's words", () => {
  it('DenseReluDense is a feed-forward whose wi_0 is the gate, wi_1 the up and wo the output; wi alone is its input', () => {
    const role = (p: string) => layerRole(p).role
    expect(role('layer.1.DenseReluDense.wi_0')).toBe('ffn-gate')
    expect(role('layer.1.DenseReluDense.wi_1')).toBe('ffn-up')
    expect(role('layer.1.DenseReluDense.wo')).toBe('ffn-out')
    expect(role('layer.1.DenseReluDense.wi')).toBe('ffn-in')
    expect(role('layer.1.densereludense.wo')).toBe('ffn-out')
    expect(layerRole('layer.1.DenseReluDense.wi_0').sublayer).toBe('ffn')
    // `wo` outside a feed-forward is still an attention output (Llama's wo)
    expect(role('attention.wo')).toBe('o')
    expect(layerRole('layer.0.SelfAttention.q').sublayer).toBe('attn')
  })

  it('SelfAttention names a self-attention, EncDecAttention a cross-attention', () => {
    expect(SELF_ATTENTION_NAMES.has('selfattention')).toBe(true)
    expect(CROSS_ATTENTION_NAMES.has('encdecattention')).toBe(true)
    expect(layerRole('layer.1.EncDecAttention.q').sublayer).toBe('cross')
  })
})

describe('a LoRA of a T5 (partial A) against a whole T5 of another naming', () => {
  const matrices = (x: ReturnType<typeof t5>, keep: RegExp) => ({
    specs: x.specs.filter((s) => s.shape.length === 2 && keep.test(s.name)),
    key: new Map(
      [...x.key].filter(([, n]) => x.specs.some((s) => s.name === n && s.shape.length === 2 && keep.test(n)))
    )
  })
  it.each([
    ['wan', 'hf', /./],
    ['gguf', 'hf', /./],
    ['hf', 'wan', /./],
    ['hf', 'gguf', /./]
  ] as const)('%s LoRA on a %s base (%s): every trained layer on its own block and layer', (x, y, keep) => {
    const lora = matrices(t5(x), keep)
    const base = t5(y)
    const c = correspond(lora.specs, base.specs, { partial: 'a' })
    expect(c.unmatched.a).toEqual([])
    expectExact(c.links, lora, base)
  })
})

it('a LoRA of one sublayer alone across these namings is never linked to the wrong layer (it may stay unmatched: sub-units.ts)', () => {
  for (const [x, y] of [
    ['wan', 'hf'],
    ['hf', 'wan']
  ] as const) {
    const base = t5(y)
    const lora = t5(x).specs.filter((s) => s.shape.length === 2 && /attn|SelfAttention/.test(s.name))
    const c = correspond(lora, base.specs, { partial: 'a' })
    const roleOf = new Map([...t5(x).key].map(([role, name]) => [name, role]))
    for (const l of c.links.filter((l) => l.confidence === 'high'))
      expect(base.key.get(roleOf.get(l.a[0]!)!)).toBe(l.b[0])
  }
})

it('fits units pairwise only up to a bound: a hostile key set of numbered sub-units costs nothing past it', () => {
  // 2,000 blocks of two numbered sub-units (two layers each) against 2,000 flat blocks: over MAX_FIT_PAIRS pairs
  const lora: TensorSpec[] = []
  const base: TensorSpec[] = []
  for (let i = 0; i < 2000; i++) {
    for (const x of ['q', 'k']) lora.push({ name: `enc.block.${i}.layer.0.${x}.weight`, shape: [8, 8] })
    lora.push({ name: `enc.block.${i}.layer.1.wi.weight`, shape: [16, 8] })
    lora.push({ name: `enc.block.${i}.layer.1.wo.weight`, shape: [8, 16] })
    for (const x of ['q', 'k']) base.push({ name: `blocks.${i}.attn.${x}.weight`, shape: [8, 8] })
    base.push(
      { name: `blocks.${i}.ffn.0.weight`, shape: [16, 8] },
      { name: `blocks.${i}.ffn.2.weight`, shape: [8, 16] }
    )
  }
  const a = buildSide(lora, true)
  const b = buildSide(base)
  expect(a.units.length * b.units.length).toBeGreaterThan(MAX_FIT_PAIRS)
  expect(subUnitsToMerge(a, b, 'side')).toEqual(new Set())
  // the same kind of key set under the bound is merged: the rule itself applies
  const small = buildSide(lora.slice(0, 400), true)
  const smallBase = buildSide(base.slice(0, 400))
  expect(subUnitsToMerge(small, smallBase, 'side')).toEqual(new Set(['enc.block.#.layer.#']))
})
