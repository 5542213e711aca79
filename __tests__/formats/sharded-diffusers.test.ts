import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_DIFFUSERS_COMPONENTS,
  tinyTransformer,
  writeDiffusersFolder,
  type DiffusersComponentSpec
} from '../../fixtures/safetensors.js'
import { findWeights, readDiffusersFolder } from '../../src/formats/folders/diffusers.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

let root: string
let n = 0
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mc-diffusers-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))
const fresh = () => join(root, `case${n++}`)

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError)
    return (e as CheckpointError).code
  }
  throw new Error('expected a failure')
}

describe('readDiffusersFolder', () => {
  it('reads each weight-bearing component, prefixing its tensors', async () => {
    const { dir } = writeDiffusersFolder(fresh())
    const ckpt = await readDiffusersFolder(dir)
    expect(ckpt.format).toBe('diffusers')
    expect(ckpt.path).toBe(dir)
    expect(ckpt.warnings).toEqual([])
    const weighted = DEFAULT_DIFFUSERS_COMPONENTS.filter((c) => c.tensors)
    expect(ckpt.components?.map((c) => [c.name, c.className, c.format, c.tensorCount])).toEqual(
      weighted.map((c) => [
        c.name,
        c.className,
        c.layout === 'index' ? 'safetensors-sharded' : 'safetensors',
        c.tensors!.length
      ])
    )
    expect(ckpt.tensors.map((t) => t.name)).toEqual(
      weighted.flatMap((c) => c.tensors!.map((t) => `${c.name}.${t.name}`))
    )
    expect(ckpt.components?.[1]?.path).toBe(join(dir, 'vae', 'diffusion_pytorch_model.safetensors'))
    expect(ckpt.components?.[2]?.path).toBe(join(dir, 'text_encoder', 'model.safetensors'))
    expect(ckpt.metadata['model_index._class_name']).toBe('WanPipeline')
    expect(ckpt.metadata['model_index.boundary_ratio']).toBe(0.875)
    expect(ckpt.metadata['transformer.index.total_size']).toBeGreaterThan(0)
  })

  it('reads a component stored as bare shards and warns about a missing component folder', async () => {
    const comps: DiffusersComponentSpec[] = [
      {
        name: 'transformer',
        className: ['diffusers', 'FluxTransformer2DModel'],
        layout: 'shards',
        tensors: tinyTransformer()
      },
      { name: 'transformer_2', className: ['diffusers', 'FluxTransformer2DModel'], layout: 'absent' },
      { name: 'safety_checker', className: [null, null], layout: 'absent' }
    ]
    const { dir } = writeDiffusersFolder(fresh(), comps)
    const ckpt = await readDiffusersFolder(dir)
    expect(ckpt.components?.map((c) => [c.name, c.path, c.format])).toEqual([
      ['transformer', join(dir, 'transformer'), 'safetensors-sharded']
    ])
    // [null, null] is an optional component left out: no warning for it.
    expect(ckpt.warnings).toEqual([
      'MissingShard: component transformer_2 (diffusers.FluxTransformer2DModel) has no folder'
    ])
  })

  it('prefers the requested variant and falls back to a lone variant with a warning', async () => {
    const dir = fresh()
    writeDiffusersFolder(dir, [
      { name: 'unet', className: ['diffusers', 'UNet2DConditionModel'], layout: 'none' }
    ])
    const fp16 = [{ name: 'conv_in.weight', shape: [4, 4], dtype: 'F16' }]
    const fp32 = [{ name: 'conv_in.weight', shape: [4, 4], dtype: 'F32' }]
    writeSafetensorsSync(join(dir, 'unet', 'diffusion_pytorch_model.fp16.safetensors'), fp16)
    const lone = await readDiffusersFolder(dir)
    expect(lone.tensors[0]?.dtype).toBe('F16')
    expect(lone.warnings).toEqual([
      'component unet: only variant weights found; read diffusion_pytorch_model.fp16.safetensors'
    ])
    writeSafetensorsSync(join(dir, 'unet', 'diffusion_pytorch_model.safetensors'), fp32)
    expect((await readDiffusersFolder(dir)).tensors[0]?.dtype).toBe('F32')
    const chosen = await readDiffusersFolder(dir, { variant: 'fp16' })
    expect(chosen.tensors[0]?.dtype).toBe('F16')
    expect(chosen.warnings).toEqual([])
  })

  it('warns about pickle-only components and fails when nothing has safetensors weights', async () => {
    const unet: DiffusersComponentSpec = {
      name: 'unet',
      className: ['diffusers', 'UNet2DConditionModel'],
      layout: 'none'
    }
    const vae = DEFAULT_DIFFUSERS_COMPONENTS.find((c) => c.name === 'vae')!
    const mixed = fresh()
    writeDiffusersFolder(mixed, [unet, vae])
    writeFileSync(join(mixed, 'unet', 'diffusion_pytorch_model.bin'), 'x')
    const ckpt = await readDiffusersFolder(mixed)
    expect(ckpt.components?.map((c) => c.name)).toEqual(['vae'])
    expect(ckpt.warnings).toEqual([
      'component unet has only PyTorch pickle weights (diffusion_pytorch_model.bin); not read'
    ])

    const only = fresh()
    writeDiffusersFolder(only, [unet])
    writeFileSync(join(only, 'unet', 'diffusion_pytorch_model.bin'), 'x')
    const err = await readDiffusersFolder(only).catch((e: CheckpointError) => e)
    expect((err as CheckpointError).code).toBe('InvalidModelIndex')
    expect((err as CheckpointError).detail).toMatch(/none of the 1 components/)
  })

  it.each([
    ['invalid JSON', '{'],
    ['an array', '[]'],
    ['a traversal component', '{"../x": ["diffusers", "X"]}'],
    ['a hidden component', '{".git": ["diffusers", "X"]}'],
    ['no components', '{"_class_name": "P"}']
  ])('rejects a model_index.json with %s', async (_what, text) => {
    const dir = fresh()
    mkdirSync(dir)
    writeFileSync(join(dir, 'model_index.json'), text)
    expect(await codeOf(readDiffusersFolder(dir))).toBe('InvalidModelIndex')
  })

  it('fails with FileNotFound when model_index.json is absent', async () => {
    const dir = fresh()
    mkdirSync(dir)
    expect(await codeOf(readDiffusersFolder(dir))).toBe('FileNotFound')
  })

  it('propagates a corrupt component file', async () => {
    const { dir } = writeDiffusersFolder(fresh())
    writeFileSync(
      join(dir, 'vae', 'diffusion_pytorch_model.safetensors'),
      Uint8Array.from([9, 0, 0, 0, 0, 0, 0, 0, 0x7b])
    )
    expect(await codeOf(readDiffusersFolder(dir))).toBe('InvalidHeaderLength')
  })
})

describe('findWeights', () => {
  it('prefers an index, then a single file, then shards', () => {
    expect(
      findWeights(['diffusion_pytorch_model.safetensors', 'diffusion_pytorch_model.safetensors.index.json'])
    ).toEqual({
      kind: 'index',
      file: 'diffusion_pytorch_model.safetensors.index.json',
      variant: undefined
    })
    expect(findWeights(['config.json', 'model.safetensors'])).toMatchObject({
      kind: 'single',
      file: 'model.safetensors'
    })
    expect(findWeights(['model-00001-of-00002.safetensors'])).toEqual({ kind: 'shards' })
    expect(findWeights(['diffusion_pytorch_model.safetensors.index.fp16.json'])).toMatchObject({
      kind: 'index',
      variant: 'fp16'
    })
    expect(findWeights(['config.json', 'scheduler_config.json'])).toBeUndefined()
  })
})
