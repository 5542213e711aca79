/**
 * A text model's token vocabulary, read from its token embedding table: the rows of `shared` (T5, UMT5),
 * `token_embedding` (CLIP, open_clip, Wan's T5), `embed_tokens` (transformers' decoders), `tok_embeddings` (Meta's
 * Llama), `token_embd` (GGUF), `word_embeddings` (BERT, ChatGLM), `wte` (GPT-2). Two networks of one design and
 * width with different vocabularies (T5 v1.1 XXL's 32,128 tokens against UMT5 XXL's 256,384) are different
 * networks: another tokenizer feeds them, and every block was trained for it. Their blocks line up by name and
 * shape, which is why the comparison needs this fact.
 */
import type { TensorRef } from './model.js'

const TOKEN_TABLE =
  /(?:^|\.)(?:shared|token_embedding|embed_tokens|tok_embeddings|token_embd|word_embeddings|wte)$/i

export interface TokenVocabulary {
  /** The table's key as stored. */
  key: string
  /** Its token count. */
  tokens: number
}

/**
 * The first token embedding table among the tensors (a 2-D `weight`, or a bare parameter, named as one above), and
 * its token count: the larger of its two dims, since a vocabulary outnumbers the width and GGUF lists dims the other
 * way round. Undefined when the model has none (an image or video denoiser).
 */
export function tokenVocabulary(tensors: readonly TensorRef[]): TokenVocabulary | undefined {
  for (const t of tensors) {
    if (t.shape.length !== 2) continue
    const path = t.normKey.endsWith('.weight') ? t.normKey.slice(0, -'.weight'.length) : t.normKey
    if (!TOKEN_TABLE.test(path)) continue
    return { key: t.key, tokens: Math.max(t.shape[0]!, t.shape[1]!) }
  }
  return undefined
}
