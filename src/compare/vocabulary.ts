/**
 * A text model's token vocabulary, read from its token embedding table: the rows of `shared` (T5, UMT5),
 * `token_embedding` (CLIP, open_clip, Wan's T5), `embed_tokens` (transformers' decoders), `tok_embeddings` (Meta's
 * Llama), `token_embd` (GGUF), `word_embeddings` (BERT, ChatGLM), `wte` (GPT-2). Two networks of one design and
 * width with different vocabularies (T5 v1.1 XXL's 32,128 tokens against UMT5 XXL's 256,384) are different
 * networks: another tokenizer feeds them, and every block was trained for it. Their blocks line up by name and
 * shape, which is why the comparison needs this fact.
 */
import type { TensorRef } from './model.js'

/** A token table's own name (the key's last segment before `.weight`), lower-cased. */
const TOKEN_TABLES: ReadonlySet<string> = new Set([
  'shared',
  'token_embedding',
  'embed_tokens',
  'tok_embeddings',
  'token_embd',
  'word_embeddings',
  'wte'
])

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
  // Index loop, one slice per 2-D key: this runs over every key of both models, interpreted.
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i]!
    if (t.shape.length !== 2) continue
    const key = t.normKey
    const end = key.endsWith('.weight') ? key.length - '.weight'.length : key.length
    const own = key.slice(key.lastIndexOf('.', end - 1) + 1, end)
    if (!TOKEN_TABLES.has(own) && !TOKEN_TABLES.has(own.toLowerCase())) continue
    return { key: t.key, tokens: Math.max(t.shape[0]!, t.shape[1]!) }
  }
  return undefined
}
