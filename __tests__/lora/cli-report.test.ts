import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { dottedLora, kohyaLora, loraCheckpoint, targetsOf, writeLoraFile } from '../../fixtures/lora.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { parseArgs, UsageError } from '../../src/cli/args.js'
import { fakeIO } from '../../__fixtures__/cli-io.js'
import { loraSpec, runLora } from '../../src/cli/commands/lora.js'
import { analyzeLora, compareLoras, resolveLora as resolveLoraTyped } from '../../src/lora/index.js'
import { wordResolution } from '../../src/report/lora-reasons.js'

/** The resolution with its reasons worded, as the CLI and the gate give it. */
const resolveLora = (...args: Parameters<typeof resolveLoraTyped>) =>
  wordResolution(resolveLoraTyped(...args))
import { buildLoraReport, summarizeAnalysis } from '../../src/lora/report.js'
import { renderLoraAnalysis, renderLoraResolution, resolutionAnswer } from '../../src/report/lora-console.js'
import { renderLoraComparison } from '../../src/report/lora-compare-console.js'
import { colors } from '../../src/report/format.js'
import {
  loraAnalysisMarkdown,
  loraComparisonMarkdown,
  loraResolutionMarkdown
} from '../../src/report/lora-markdown.js'
import { TOOL } from '../../src/version.js'

const schema = JSON.parse(readFileSync(new URL('../../schemas/lora.schema.json', import.meta.url), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile(schema)

const ESC = String.fromCharCode(27)

function expectValid(doc: unknown): void {
  const ok = validate(doc)
  if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2))
}

const wan13 = expandModel('wan2.1-t2v-1.3b')
const wan14 = expandModel('wan2.1-t2v-14b')
const LINEARS = /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const io = fakeIO()
  const code = await runLora(parseArgs(loraSpec, argv), io)
  return { code, out: io.out }
}

let dir: string
let kohya13: string
let comfy13: string
let kohya14: string
let base13: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'model-compat-lora-'))
  kohya13 = join(dir, 'wan13-kohya.safetensors')
  comfy13 = join(dir, 'wan13-comfy.safetensors')
  kohya14 = join(dir, 'wan14-kohya.safetensors')
  base13 = join(dir, 'wan13-base.safetensors')
  const fx = kohyaLora(targetsOf(wan13, LINEARS), { rank: 8, alpha: 4 })
  fx.metadata = { ss_network_dim: '8', ss_network_alpha: '4', ss_base_model_version: 'wan21_t2v_1.3b' }
  writeLoraFile(kohya13, fx)
  writeLoraFile(
    comfy13,
    dottedLora(targetsOf(wan13, /^blocks\.\d+\.self_attn\.[qkvo]$/), { prefix: 'diffusion_model.', rank: 16 })
  )
  writeLoraFile(kohya14, kohyaLora(targetsOf(wan14, LINEARS), { rank: 8, alpha: 8 }))
  writeSafetensorsSync(base13, wan13)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('model-compat lora (command body)', () => {
  it('--json --base --read-alpha: a schema-valid report with alpha values read from the file', async () => {
    const { code, out } = await run([
      kohya13,
      '--base',
      base13,
      '--json',
      '--read-alpha',
      '--names',
      'My LoRA'
    ])
    expect(code).toBe(0)
    const doc = JSON.parse(out)
    expectValid(doc)
    expect(doc.loras[0].name).toBe('My LoRA')
    expect(doc.loras[0].analysis.statistics.scale).toMatchObject({ min: 0.5, max: 0.5 })
    expect(doc.loras[0].analysis.modules[0].scaleSource).toBe('alpha-tensor')
    expect(doc.loras[0].resolution).toMatchObject({ loadablePercent: 100, modules: 300 })
  })

  it('without --read-alpha only headers are read: alpha from metadata', async () => {
    const doc = JSON.parse((await run([kohya13, '--json'])).out)
    expectValid(doc)
    expect(doc.loras[0].analysis.modules[0].scaleSource).toBe('metadata')
    expect(doc.loras[0].analysis.metadata.summary['base model']).toBe('wan21_t2v_1.3b')
  })

  it('console: the 14B LoRA on the 1.3B base names the cause and the failing modules', async () => {
    const { out } = await run([kohya14, '--base', base13, '--wide'])
    expect(out).toMatch(/conventions\s+kohya \(1200 keys\)/)
    expect(out.split('\n')[0]).toBe(
      `✗ ${kohya14}: 0 / 400 modules load (0.0%) on ${base13}: 300 shape mismatch, 100 unresolved`
    )
    expect(out).toContain('300  Wan 14B LoRA on Wan 1.3B base: in-dim 5120 vs 1536')
    expect(out).toContain(
      'shape mismatch  lora_unet_blocks_0_self_attn_q    -> blocks.0.self_attn.q.weight [1536, 1536]: in-dim 5120 vs 1536'
    )
    expect(out).not.toContain(`${ESC}[`)
  })

  it('--compare: conventions, common targets and rank differences; --export writes every key', async () => {
    const exportPath = join(dir, 'keys.txt')
    const { out } = await run([kohya13, comfy13, '--compare', '--export', exportPath])
    expect(out.split('\n')[0]).toBe(
      '✓ SAME MODEL: both for Wan 1.3B; 120 common target modules, 180 only in A, 0 only in B'
    )
    expect(out).toMatch(/^ {2}targets +180 only here +0 only here +120 in both$/m)
    const doc = JSON.parse((await run([kohya13, comfy13, '--compare', '--json'])).out)
    expectValid(doc)
    expect(doc.comparison.rank.differing).toHaveLength(120)
    expect(doc.comparison.conventions).toMatchObject({ a: ['kohya'], b: ['comfyui'], same: false })
    expect(doc.comparison.family.same).toBe(true)
    const lines = readFileSync(exportPath, 'utf8').split('\n')
    expect(lines[0]).toBe(`# ${kohya13}`)
    expect(lines[1]).toBe(
      'lora_unet_blocks_0_self_attn_q.lora_down.weight\tblocks_0_self_attn_q\tdown\t[8,1536]\tBF16\t'
    )
  })

  it('--markdown prints tables; usage errors are UsageError', async () => {
    const { out } = await run([kohya14, '--base', base13, '--markdown'])
    expect(out).toContain('| Modules | Likely cause |')
    expect(out).toContain('### ❌ 0 / 400 modules load (0.0%) on `')
    await expect(run([kohya13, '--compare'])).rejects.toThrow(UsageError)
    await expect(run([kohya13, '--json', '--markdown'])).rejects.toThrow(UsageError)
  })
})

describe('report documents and renderers', () => {
  const fx = dottedLora(targetsOf(wan14, /^blocks\.[0-1]\.cross_attn\.[qk]$/), { prefix: 'diffusion_model.' })
  const a = analyzeLora(loraCheckpoint(fx, 'a.safetensors'))
  const r = resolveLora(a, specCheckpoint(wan13, 'base13'))

  it('the gate’s lora-resolution document and an empty LoRA validate', () => {
    expectValid({
      schemaVersion: 3,
      tool: { ...TOOL },
      kind: 'lora-resolution',
      analysis: summarizeAnalysis(a, false),
      resolution: r
    })
    const empty = analyzeLora(specCheckpoint([{ name: 'x.weight', shape: [2], dtype: 'F32' }], 'plain'))
    expectValid(buildLoraReport({ tool: TOOL, analyses: [empty] }))
    expect(empty.warnings).toContain('no LoRA modules found: this does not look like a LoRA file')
  })

  it('the schema rejects drift (an unknown status, a missing target on ok)', () => {
    const doc = buildLoraReport({ tool: TOOL, analyses: [a], resolutions: [r] })
    expectValid(doc)
    const bad = JSON.parse(JSON.stringify(doc))
    bad.loras[0].resolution.results[0].status = 'maybe'
    expect(validate(bad)).toBe(false)
    const ok = resolveLora(a, specCheckpoint(wan14, 'base14'))
    const noTarget = JSON.parse(
      JSON.stringify(buildLoraReport({ tool: TOOL, analyses: [a], resolutions: [ok] }))
    )
    delete noTarget.loras[0].resolution.results[0].target
    expect(validate(noTarget)).toBe(false)
  })

  it('console renderers colour only when asked; Markdown escapes and summarises', () => {
    const plain = renderLoraAnalysis(a, { color: false }) + renderLoraResolution(r, { color: false })
    expect(plain).not.toContain(`${ESC}[`)
    expect(resolutionAnswer(r, 'a', colors(true))).toContain(`${ESC}[31m${ESC}[1m0 / 4 modules`)
    expect(resolutionAnswer(r, 'a', colors(false))).not.toContain(`${ESC}[`)
    const cmp = compareLoras(a, a)
    expect(renderLoraComparison(cmp, { color: false })).toMatch(
      /^ {2}targets +0 only here +0 only here +4 in both$/m
    )
    expect(loraAnalysisMarkdown(a)).toContain('| Conventions | comfyui (8 keys) |')
    expect(loraResolutionMarkdown(r)).toContain('Wan 14B LoRA on Wan 1.3B base: in-dim 5120 vs 1536')
    expect(loraComparisonMarkdown(cmp)).toMatch(/^## ✅ SAME MODEL: both for Wan 14B/)
  })
})
