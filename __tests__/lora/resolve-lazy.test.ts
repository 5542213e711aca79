import { describe, expect, it } from '@jest/globals'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { dottedLora, kohyaLora, loraCheckpoint, targetsOf } from '../../fixtures/lora.js'
import {
  analyzeLora,
  buildBaseIndex,
  resolveLora,
  resolveLoraLazily,
  startResolution
} from '../../src/lora/index.js'

const wan14 = expandModel('wan2.1-t2v-14b')
const wan14Diffusers = expandModel('wan2.1-t2v-14b-diffusers')

describe('two-phase resolution (the compare mapper loaded only when needed)', () => {
  it('a LoRA whose names all resolve leaves nothing for the fallback', () => {
    const a = analyzeLora(loraCheckpoint(kohyaLora(targetsOf(wan14, /^blocks\.[0-1]\.self_attn\.[qkvo]$/))))
    const pending = startResolution(a, buildBaseIndex(specCheckpoint(wan14), []))
    expect(pending.fallbackModules).toEqual([])
    expect(pending.finish().counts.ok).toBe(a.modules.length)
  })

  it('diffusers names on an original base: the lazy path gives what the synchronous one gives', async () => {
    const diff = targetsOf(
      wan14Diffusers,
      /^blocks\.[0-2]\.(?:attn[12]\.(?:to_[qkv]|to_out\.0)|ffn\.net\.(?:0\.proj|2))$/
    )
    const a = analyzeLora(loraCheckpoint(dottedLora(diff, { prefix: 'transformer.' })))
    const index = buildBaseIndex(specCheckpoint(wan14), [])
    const pending = startResolution(a, index)
    expect(pending.fallbackModules.map((m) => m.path).sort()).toEqual(diff.map((t) => t.path).sort())
    // without what the fallback finds, they stay unresolved
    expect(pending.finish().counts.unresolved).toBe(diff.length)
    const lazy = await resolveLoraLazily(a, index)
    expect(lazy.counts.ok).toBe(diff.length)
    expect(lazy).toEqual(resolveLora(a, index))
    // switched off, neither path asks the mapper
    expect(startResolution(a, index, { compareFallback: false }).fallbackModules).toEqual([])
    expect((await resolveLoraLazily(a, index, { compareFallback: false })).counts.unresolved).toBe(
      diff.length
    )
  })
})
