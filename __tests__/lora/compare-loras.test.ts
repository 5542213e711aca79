import { describe, expect, it } from '@jest/globals'
import { dottedLora, kohyaLora, loraCheckpoint, targetsOf, type Target } from '../../fixtures/lora.js'
import { expandModel } from '../../fixtures/specs.js'
import { analyzeLora, compareLoras } from '../../src/lora/index.js'

const wan = expandModel('wan2.1-t2v-14b')
const wanDiffusers = expandModel('wan2.1-t2v-14b-diffusers')
const analyze = (fx: ReturnType<typeof kohyaLora>) => analyzeLora(loraCheckpoint(fx))

describe('LoRA vs LoRA pairs modules through the correspondence, whatever the naming', () => {
  const original = targetsOf(wan, /^blocks\.[0-3]\.(?:self_attn|cross_attn)\.[qkvo]$/)
  const diffusers = targetsOf(wanDiffusers, /^blocks\.[0-3]\.attn[12]\.(?:to_[qkv]|to_out\.0)$/)

  it('kohya vs ComfyUI of the same targets: all in common', () => {
    const c = compareLoras(
      analyze(kohyaLora(original)),
      analyze(dottedLora(original, { prefix: 'diffusion_model.' }))
    )
    expect(c.targets).toMatchObject({ common: original.length, onlyACount: 0, onlyBCount: 0 })
  })

  it('kohya original names vs diffusers names, in both orders', () => {
    const k = analyze(kohyaLora(original, { rank: 8 }))
    const d = analyze(dottedLora(diffusers, { prefix: 'transformer.' }))
    for (const [a, b] of [
      [k, d],
      [d, k]
    ] as const) {
      const c = compareLoras(a, b)
      expect(c.targets).toMatchObject({ common: original.length, onlyACount: 0, onlyBCount: 0 })
      expect(c.rank.differingCount).toBe(original.length)
    }
  })

  it('targets apart are listed on their side', () => {
    const more: Target[] = [...original, { path: 'blocks.9.ffn.0', shape: [13824, 5120] }]
    const c = compareLoras(analyze(kohyaLora(more)), analyze(kohyaLora(original)))
    expect(c.targets).toMatchObject({ common: original.length, onlyACount: 1, onlyA: ['blocks_9_ffn_0'] })
  })
})
