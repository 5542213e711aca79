/**
 * The engine step reads an engine link's roles once per inner path with its index words folded
 * (src/lora/engine-links.ts foldedInnerPath): the role must be the one `layerRole` gives the inner path itself, for
 * every naming family, every block index, and any index value.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { knownModelTensorNames } from '../../fixtures/family-keys.js'
import { layerRole } from '../../src/names/index.js'
import { foldedInnerPath, foldIndexWords, innerPath, nested } from '../../src/lora/engine-links.js'

function modulePaths(): string[] {
  return knownModelTensorNames().map((n) => n.replace(/\.(weight|bias)$/, ''))
}

describe('folded inner path', () => {
  const paths = modulePaths()

  it('gives the role of the inner path itself for every module path of the known models', () => {
    expect(paths.length).toBeGreaterThan(1000)
    // One comparison of two lists: a per-path expect() would cost seconds.
    const forms = paths.flatMap((p) => [p, p.replace(/\./g, '_')])
    const folded = forms.map((f) => `${f}: ${layerRole(foldedInnerPath(f)).role}`)
    const own = forms.map((f) => `${f}: ${layerRole(innerPath(f)).role}`)
    expect(folded).toEqual(own)
  })

  it("folds every block of one layer to one path and keeps an attention word's 2", () => {
    expect(foldedInnerPath('blocks.3.self_attn.q')).toBe(foldedInnerPath('blocks.17.self_attn.q'))
    expect(foldedInnerPath('attentions.2.proj')).not.toBe(foldedInnerPath('attentions.1.proj'))
    expect(
      layerRole(foldedInnerPath('down_blocks.1.attentions.2.transformer_blocks.0.attn2.to_k')).role
    ).toBe(layerRole(innerPath('down_blocks.1.attentions.2.transformer_blocks.0.attn2.to_k')).role)
  })

  it('gives the same role whatever the index values', () => {
    const word = fc.constantFrom(
      'attn',
      'attn1',
      'attn2',
      'attention',
      'attentions',
      'self',
      'cross',
      'ff',
      'net',
      'proj',
      'in',
      'out',
      'to',
      'q',
      'k',
      'v',
      'o',
      'qkv',
      'kv',
      'norm',
      'norm2',
      'mlp',
      'fc1',
      'fc2',
      'mod',
      'linear',
      'img',
      'txt',
      'blocks',
      'layers',
      'gate',
      'up',
      'down',
      'w1',
      'w2',
      'w3',
      'emb',
      'h',
      '4h',
      'dense',
      'y',
      'x'
    )
    const index = fc.oneof(fc.constantFrom('0', '1', '2', '3', '02', '10'), fc.nat(99999).map(String))
    const path = fc.array(fc.oneof(word, index), { minLength: 1, maxLength: 8 }).map((w) => w.join('.'))
    fc.assert(
      fc.property(path, (p) => layerRole(foldedInnerPath(p)).role === layerRole(innerPath(p)).role),
      { numRuns: 3000 }
    )
    // The engine step's memo key: a name with its index words folded reads the same inner path as the name.
    const sep = fc.constantFrom('.', '_')
    const mixed = fc
      .array(fc.tuple(fc.oneof(word, index), sep), { minLength: 1, maxLength: 8 })
      .map((ws) => ws.map(([w, s], i) => (i === 0 ? w : s + w)).join(''))
    fc.assert(
      fc.property(mixed, (p) => foldedInnerPath(foldIndexWords(p)) === foldedInnerPath(p)),
      { numRuns: 3000 }
    )
  })

  it("folds index words into the memo key, but never an attention word's 2", () => {
    expect(foldIndexWords('blocks.17.self_attn.q.weight')).toBe(foldIndexWords('blocks.3.self_attn.q.weight'))
    expect(foldIndexWords('down_blocks_1_attentions_02_proj')).toBe('down_blocks_0_attentions_0_proj')
    // `attn.2` is cross attention: a key blind to the 2 would give `attn.3`'s role to it.
    expect(foldIndexWords('blocks.0.attn.2.to_k')).not.toBe(foldIndexWords('blocks.0.attn.3.to_k'))
    expect(foldIndexWords('blocks.2.attn.20.x2')).toBe('blocks.2.attn.0.x2')
    for (const p of modulePaths()) expect(foldedInnerPath(foldIndexWords(p))).toBe(foldedInnerPath(p))
  })

  it('reads a name as nested exactly when a word before its last is an index', () => {
    const words = (name: string) => name.replace(/\.(?:weight|bias)$/, '').split(/[._]/)
    const byWords = (name: string) =>
      words(name)
        .slice(0, -1)
        .some((w) => /^\d+$/.test(w))
    const part = fc.oneof(
      fc.constantFrom('blocks', 'attn', 'weight', 'bias', 'q', '', '0', '12', 'x1'),
      fc.nat(999).map(String)
    )
    const name = fc
      .tuple(
        fc.array(part, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('.', '_'), { minLength: 6, maxLength: 6 })
      )
      .map(([ws, seps]) => ws.map((w, i) => (i === 0 ? w : seps[i]! + w)).join(''))
    fc.assert(
      fc.property(name, (n) => nested(n) === byWords(n)),
      { numRuns: 5000 }
    )
    for (const n of [
      'blocks.3.weight',
      'blocks.3.attn.q.weight',
      'time_embed.2.bias',
      'x.weight.weight',
      '3.proj'
    ])
      expect(nested(n)).toBe(byWords(n))
  })
})
