/** Flux's single blocks under both namings, small: BFL's fused linear1 against diffusers' separate projections. */
import { scaledModel, type SpecTensor } from '../../fixtures/specs.js'

/** Three single blocks of width `h`: A in BFL names (`linear1` = q|k|v|mlp), B in diffusers names. */
export function fluxSingleBlocks(h = 32): { a: SpecTensor[]; b: SpecTensor[] } {
  const a = scaledModel('flux.1-dev', {
    hidden_size: h,
    num_heads: 2,
    depth: 1,
    depth_single_blocks: 3
  }).filter((t) => t.name.startsWith('single_blocks.'))
  const b: SpecTensor[] = []
  const t = (name: string, shape: number[]): void => void b.push({ name, shape, dtype: 'BF16' })
  for (let i = 0; i < 3; i++) {
    const p = `single_transformer_blocks.${i}.`
    for (const x of ['to_q', 'to_k', 'to_v']) {
      t(`${p}attn.${x}.weight`, [h, h])
      t(`${p}attn.${x}.bias`, [h])
    }
    t(`${p}attn.norm_q.weight`, [16])
    t(`${p}attn.norm_k.weight`, [16])
    t(`${p}proj_mlp.weight`, [4 * h, h])
    t(`${p}proj_mlp.bias`, [4 * h])
    t(`${p}proj_out.weight`, [h, 5 * h])
    t(`${p}proj_out.bias`, [h])
    t(`${p}norm.linear.weight`, [3 * h, h])
    t(`${p}norm.linear.bias`, [3 * h])
  }
  return { a, b }
}
