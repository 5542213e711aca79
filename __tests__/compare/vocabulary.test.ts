/**
 * A text model's token vocabulary: two encoders of one design and width, fed by different tokenizers (T5 v1.1 XXL's
 * 32,128 tokens against UMT5 XXL's 256,384), are different networks however well their blocks line up.
 */
import { describe, expect, it } from '@jest/globals'
import { compareCheckpoints } from '../../src/compare/index.js'
import { tokenVocabulary } from '../../src/compare/vocabulary.js'
import { specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'

const D = 64

/** A small T5-like encoder in transformers' names: `shared` and `encoder.embed_tokens` both hold the table. */
function t5(vocab: number, blocks = 8, tablesInEveryBlock = false): SpecTensor[] {
  const out: SpecTensor[] = []
  const t = (name: string, shape: number[]) => out.push({ name, shape, dtype: 'BF16' })
  t('shared.weight', [vocab, D])
  t('encoder.embed_tokens.weight', [vocab, D])
  for (let i = 0; i < blocks; i++) {
    const p = `encoder.block.${i}.layer.`
    for (const x of ['q', 'k', 'v', 'o']) t(`${p}0.SelfAttention.${x}.weight`, [D, D])
    // T5 keeps its relative-position table in block 0, UMT5 in every block
    if (i === 0 || tablesInEveryBlock) t(`${p}0.SelfAttention.relative_attention_bias.weight`, [32, 4])
    t(`${p}0.layer_norm.weight`, [D])
    t(`${p}1.DenseReluDense.wi_0.weight`, [4 * D, D])
    t(`${p}1.DenseReluDense.wi_1.weight`, [4 * D, D])
    t(`${p}1.DenseReluDense.wo.weight`, [D, 4 * D])
    t(`${p}1.layer_norm.weight`, [D])
  }
  t('encoder.final_layer_norm.weight', [D])
  return out
}

const ref = (key: string, shape: number[]) => ({ key, normKey: key, shape })

describe('token vocabulary', () => {
  it('reads the token table under every naming it knows, the larger dim as the token count', () => {
    const cases: [string, number[], number][] = [
      ['shared.weight', [32128, 4096], 32128],
      ['token_embedding.weight', [256384, 4096], 256384],
      ['text_model.embeddings.token_embedding.weight', [49408, 768], 49408],
      ['model.embed_tokens.weight', [128256, 4096], 128256],
      ['tok_embeddings.weight', [128256, 4096], 128256],
      // GGUF lists the dims the other way round
      ['token_embd.weight', [4096, 32128], 32128],
      ['embeddings.word_embeddings.weight', [30522, 768], 30522],
      ['wte.weight', [50257, 768], 50257]
    ]
    for (const [key, shape, tokens] of cases)
      expect(tokenVocabulary([ref(key, shape)])).toEqual({ key, tokens })
  })

  it('none for a model without a token table (a denoiser, a position table, a vector)', () => {
    expect(
      tokenVocabulary([
        ref('blocks.0.attn.qkv.weight', [192, 64]),
        ref('pos_embed', [1, 256, 64]),
        ref('text_model.embeddings.position_embedding.weight', [77, 768]),
        ref('shared_norm.weight', [64])
      ])
    ).toBeUndefined()
  })

  it('compare: another vocabulary is a red flag and caps the verdict at partial', () => {
    const c = compareCheckpoints(
      specCheckpoint(t5(500), 'umt5.safetensors'),
      specCheckpoint(t5(400), 't5.safetensors')
    )
    const flag = c.flags.find((f) => f.code === 'vocabulary')
    expect(flag).toMatchObject({ kind: 'red', evidence: { tokensA: 500, tokensB: 400 } })
    expect(flag!.message).toContain('500 tokens (shared.weight) vs 400 (shared.weight)')
    // the blocks line up: compatible by the figure alone, partial for the vocabulary
    expect(c.verdict.overlap).toBeGreaterThan(0.8)
    expect(c.verdict.tier).toBe('partial')
    expect(c.verdict.summary).toContain('different token vocabularies')
  })

  it('compare: the same vocabulary raises no flag, and the same network stays compatible', () => {
    const c = compareCheckpoints(
      specCheckpoint(t5(320), 'a.safetensors'),
      specCheckpoint(t5(320), 'b.safetensors')
    )
    expect(c.flags.find((f) => f.code === 'vocabulary')).toBeUndefined()
    expect(c.verdict.tier).toBe('compatible')
  })

  it('compare: the family flag the vocabulary backs stays red (T5 against UMT5 in the same names)', () => {
    const c = compareCheckpoints(
      specCheckpoint(t5(500, 8, true), 'umt5.safetensors'),
      specCheckpoint(t5(400), 't5.safetensors')
    )
    expect(c.structure.a.family?.id).toBe('umt5')
    expect(c.structure.b.family?.id).toBe('t5')
    expect(c.flags.find((f) => f.code === 'model-family')).toMatchObject({ kind: 'red' })
    expect(c.verdict.tier).toBe('partial')
  })
})
