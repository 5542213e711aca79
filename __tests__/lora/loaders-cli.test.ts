import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { corpusBase, loaderCases } from '../../fixtures/loaders/cases.js'
import { writeLoraFile } from '../../fixtures/lora.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { parseArgs, UsageError } from '../../src/cli/args.js'
import { fakeIO } from '../../__fixtures__/cli-io.js'
import { loraSpec, runLora } from '../../src/cli/commands/lora.js'

const schema = JSON.parse(readFileSync(new URL('../../schemas/lora.schema.json', import.meta.url), 'utf8'))
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

function expectValid(doc: unknown): void {
  if (!validate(doc)) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2))
}

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const io = fakeIO()
  const code = await runLora(parseArgs(loraSpec, argv), io)
  return { code, out: io.out }
}

let dir: string
const file = (id: string) => join(dir, `${id}.safetensors`)
const base = (name: string) => join(dir, `base-${name}.safetensors`)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'model-compat-loaders-'))
  const ids = ['wan-diffusers-names', 'broken-missing-down', 'broken-transposed-ff']
  for (const c of loaderCases()) if (ids.includes(c.id)) writeLoraFile(file(c.id), c.lora)
  for (const b of ['wan', 'flux'] as const)
    writeSafetensorsSync(base(b), corpusBase(b).tensors, { data: 'sparse' })
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('lora --base: one line per runtime profile', () => {
  it('a Wan LoRA in diffusers names: loads under any naming, in diffusers, not in ComfyUI', async () => {
    const { code, out } = await run([file('wan-diffusers-names'), '--base', base('wan'), '--wide'])
    expect(code).toBe(0)
    expect(out).toContain('loads in: ComfyUI 0/20, diffusers 20/20')
  })

  it("a file a runtime refuses whole says so in that runtime's figure", async () => {
    const { out } = await run([file('broken-missing-down'), '--base', base('wan'), '--wide'])
    expect(out).toMatch(
      /ComfyUI 0\/20 \(the whole file fails: KeyError: 'lora_unet_blocks_0_self_attn_k\.lora_down\.weight'\)/
    )
  })

  it('--json carries every profile in brief, schema-valid', async () => {
    const { out } = await run([file('broken-transposed-ff'), '--base', base('flux'), '--json'])
    const doc = JSON.parse(out)
    expectValid(doc)
    expect(doc.loras[0].resolution.loader).toBeUndefined()
    const comfy = doc.loras[0].loaders.find((l: { loader: string }) => l.loader === 'comfyui')
    expect(comfy).toMatchObject({ loader: 'comfyui', modules: 35, loadable: 34, brokenLoads: 1 })
  })
})

describe('lora --loader', () => {
  it('comfyui: the resolution follows ComfyUI, with its reasons, schema-valid', async () => {
    const { out } = await run([
      file('wan-diffusers-names'),
      '--base',
      base('wan'),
      '--loader',
      'comfyui',
      '--json'
    ])
    const doc = JSON.parse(out)
    expectValid(doc)
    const r = doc.loras[0].resolution
    expect(r.loader).toBe('comfyui')
    expect(r.loadable).toBe(0)
    expect(r.results[0].reason).toMatch(
      /^ComfyUI: lora key not loaded: transformer\.blocks\.0\.attn1\.to_q\.lora_A\.weight/
    )
  })

  it('the console answer names the runtime and its whole-file error', async () => {
    const { out } = await run([
      file('broken-missing-down'),
      '--base',
      base('wan'),
      '--loader',
      'comfyui',
      '--wide'
    ])
    expect(out).toMatch(
      /ComfyUI refuses the whole file on .*: KeyError: 'lora_unet_blocks_0_self_attn_k\.lora_down\.weight'/
    )
  })

  it('diffusers: a whole-file error in --json', async () => {
    const { out } = await run([
      file('broken-transposed-ff'),
      '--base',
      base('flux'),
      '--loader',
      'diffusers',
      '--json'
    ])
    const doc = JSON.parse(out)
    expectValid(doc)
    expect(doc.loras[0].resolution.fileError).toMatch(
      /^RuntimeError: Error\(s\) in loading state_dict: size mismatch/
    )
  })

  it('rejects an unknown loader and a loader without a base', async () => {
    await expect(
      run([file('wan-diffusers-names'), '--base', base('wan'), '--loader', 'a1111'])
    ).rejects.toThrow(UsageError)
    await expect(run([file('wan-diffusers-names'), '--loader', 'comfyui'])).rejects.toThrow(
      /--loader needs --base/
    )
  })
})
