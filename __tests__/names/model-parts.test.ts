/** The one list of each model-level part (src/names/model-parts.ts), in dotted and kohya-underscored paths. */
import { describe, expect, it } from '@jest/globals'
import {
  OUTPUT_PROJECTIONS,
  isContextEmbedding,
  isImageBranchPath,
  isImageEmbedderUnderscored,
  isInputLayer,
  isOutputHeadUnderscored,
  isPatchEmbedding,
  isUnetConvolutionUnderscored
} from '../../src/names/model-parts.js'

const u = (path: string) => `_${path.replace(/\./g, '_')}_`

describe('model-level parts', () => {
  it('every output projection the dimensions read sits in an output head the layer kinds know', () => {
    for (const p of OUTPUT_PROJECTIONS) expect([p, isOutputHeadUnderscored(u(p))]).toEqual([p, true])
    expect(isOutputHeadUnderscored(u('blocks.3.proj_out'))).toBe(false)
  })

  it('patch embeddings, input layers and context embeddings by whole segments', () => {
    expect(isPatchEmbedding('patch_embedding')).toBe(true)
    expect(isPatchEmbedding('pos_embed.proj')).toBe(true)
    expect(isPatchEmbedding('x_embedder_extra')).toBe(false)
    expect(isInputLayer('conv_in')).toBe(true)
    expect(isInputLayer('blocks.0.proj_in')).toBe(false)
    expect(isContextEmbedding('text_embedding.0')).toBe(true)
    expect(isContextEmbedding('time_embedding.0')).toBe(false)
  })

  it('the CLIP image branch in original, diffusers and kohya names; Flux text k/v is not it', () => {
    expect(isImageBranchPath('blocks.0.cross_attn.k_img')).toBe(true)
    expect(isImageBranchPath('blocks_0_cross_attn_k_img')).toBe(true)
    expect(isImageBranchPath('blocks.0.attn2.add_k_proj')).toBe(true)
    expect(isImageBranchPath('condition_embedder.image_embedder.ff.net.0.proj')).toBe(true)
    expect(isImageBranchPath('transformer_blocks.0.attn.add_k_proj')).toBe(false)
    expect(isImageEmbedderUnderscored(u('img_emb.proj.1'))).toBe(true)
  })

  it('UNet convolutions in LDM and diffusers names', () => {
    expect(isUnetConvolutionUnderscored(u('input_blocks.1.0.in_layers.2'))).toBe(true)
    expect(isUnetConvolutionUnderscored(u('down_blocks.0.resnets.1.conv1'))).toBe(true)
    expect(isUnetConvolutionUnderscored(u('down_blocks.0.attentions.0.proj_in'))).toBe(false)
  })
})
