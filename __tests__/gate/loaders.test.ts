/** The gate's `loader` input: LoRAs gated per listed runtime, the report's per-loader results and columns. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { runCli } from '../../__fixtures__/cli-io.js'
import { corpusBase, loaderCases } from '../../fixtures/loaders/cases.js'
import { writeLoraFile } from '../../fixtures/lora.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { parseLoaders } from '../../src/gate/policy.js'
import { readActionInputs } from '../../src/action/inputs.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/gate-report.schema.json', import.meta.url), 'utf8')
)
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

const dir = mkdtempSync(join(tmpdir(), 'mc-gate-loaders-'))
const ids = ['wan-diffusers-names', 'wan-kohya', 'broken-missing-down']
for (const c of loaderCases()) if (ids.includes(c.id)) writeLoraFile(join(dir, `${c.id}.safetensors`), c.lora)
writeSafetensorsSync(join(dir, 'base-wan.safetensors'), corpusBase('wan').tensors, { data: 'sparse' })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const art = (id: string) => join(dir, `${id}.safetensors`)
const gate = (argv: string[]) =>
  runCli(['gate', '--baseline', join(dir, 'base-wan.safetensors'), ...argv], { cwd: dir })

describe('parseLoaders', () => {
  it('reads a list, defaults to any, refuses unknown runtimes naming the input', () => {
    expect(parseLoaders('')).toEqual(['any'])
    expect(parseLoaders('comfyui, diffusers\ncomfyui')).toEqual(['comfyui', 'diffusers'])
    expect(() => parseLoaders('comfyui a1111')).toThrow(/unknown loader 'a1111'/)
  })

  it('is the action input `loader`', () => {
    const get = (name: string) =>
      ({ artifacts: 'x.safetensors', baseline: 'b.safetensors', loader: 'ComfyUI' })[name] ?? ''
    expect(readActionInputs(get).loaders).toEqual(['comfyui'])
  })
})

describe('gate --loader', () => {
  it('default any: a diffusers-named Wan LoRA passes, no per-loader results', async () => {
    const r = await gate(['--json', art('wan-diffusers-names')])
    const report = JSON.parse(r.out)
    expect(validate(report)).toBe(true)
    expect(report.passed).toBe(true)
    expect(report.policy.loaders).toBeUndefined()
    expect(report.artifacts[0].lora.loaders).toBeUndefined()
  })

  it('comfyui,diffusers: each listed runtime must load it; the reason names the runtime that fails and why', async () => {
    const r = await gate([
      '--json',
      '--loader',
      'comfyui,diffusers',
      art('wan-diffusers-names'),
      art('wan-kohya')
    ])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out)
    expect(validate(report) || validate.errors).toBe(true)
    expect(report.policy.loaders).toEqual(['comfyui', 'diffusers'])
    const byPath = (id: string) =>
      report.artifacts.find((a: { path: string }) => a.path.endsWith(`${id}.safetensors`))
    const failing = byPath('wan-diffusers-names')
    expect(failing.status).toBe('fail')
    expect(failing.figure).toBe(0)
    expect(failing.lora.loaders).toEqual([
      expect.objectContaining({ loader: 'comfyui', loaded: 0, modules: 20, passed: false }),
      expect.objectContaining({ loader: 'diffusers', loaded: 20, modules: 20, passed: true })
    ])
    expect(failing.reasons[0]).toMatch(
      /^ComfyUI: loadable 0\.0% is under the 80% threshold \(lora key not loaded/
    )
    expect(byPath('wan-kohya').status).toBe('pass')
  })

  it('a whole-file refusal fails its runtime even at threshold 0', async () => {
    const r = await gate(['--json', '--loader', 'comfyui', '--threshold', '0', art('broken-missing-down')])
    const report = JSON.parse(r.out)
    expect(report.artifacts[0].status).toBe('fail')
    expect(report.artifacts[0].lora.loaders[0]).toMatchObject({
      loader: 'comfyui',
      passed: false,
      fileError: "KeyError: 'lora_unet_blocks_0_self_attn_k.lora_down.weight'"
    })
  })

  it('the Markdown summary has a column per runtime', async () => {
    const r = await gate(['--markdown', '--loader', 'comfyui, diffusers', art('wan-diffusers-names')])
    expect(r.out).toContain(
      '| | LoRA | Convention | Loadable | Modules that load | ComfyUI | diffusers | Flags |'
    )
    expect(r.out).toMatch(
      /\| ❌ 0 of 20: lora key not loaded \(not in ComfyUI's key map for a wan model\) \| ✅ 20 of 20 \|/
    )
  })

  it('refuses an unknown loader with exit 2', async () => {
    const r = await gate(['--loader', 'forge', art('wan-kohya')])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--loader.*unknown loader 'forge'/)
  })
})
