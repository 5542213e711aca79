/** The gate on the real engines: Wan-like baselines, real LoRA layouts, a LongCat-like full model. */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { defaultEngines } from '../../src/gate/engines.js'
import { wordResolution } from '../../src/report/lora-reasons.js'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { renderGateMarkdown, SUMMARY_LIMIT_BYTES } from '../../src/report/gate-markdown.js'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { dottedLora, kohyaLora, loraCheckpoint, targetsOf } from '../../fixtures/lora.js'
import { TOOL } from './helpers.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/gate-report.schema.json', import.meta.url), 'utf8')
)
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

const ATTN = /^blocks\.\d+\.(self_attn|cross_attn)\.[qkvo]$/
const wan13 = expandModel('wan2.1-t2v-1.3b')
const wan14 = expandModel('wan2.1-t2v-14b')

describe('gate on the real engines', () => {
  const baseline = specCheckpoint(wan13, 'wan-1.3b.manifest.json')
  const inputs = [
    {
      path: 'fits.safetensors',
      checkpoint: loraCheckpoint(kohyaLora(targetsOf(wan13, ATTN), { alpha: 4 }), 'fits.safetensors')
    },
    {
      path: 'for-14b.safetensors',
      checkpoint: loraCheckpoint(kohyaLora(targetsOf(wan14, ATTN), { alpha: 4 }), 'for-14b.safetensors')
    },
    {
      path: 'comfy.safetensors',
      checkpoint: loraCheckpoint(
        dottedLora(targetsOf(wan13, ATTN), { prefix: 'diffusion_model.' }),
        'comfy.safetensors'
      )
    },
    {
      path: 'longcat.safetensors',
      checkpoint: specCheckpoint(expandModel('longcat-video'), 'longcat.safetensors')
    }
  ]
  const { report, documents } = evaluateGate({
    baseline,
    inputs,
    policy: makePolicy(),
    engines: defaultEngines(wordResolution),
    tool: TOOL
  })
  const byPath = Object.fromEntries(report.artifacts.map((a) => [a.path, a]))

  it('validates against the schema', () => {
    if (!validate(JSON.parse(JSON.stringify(report))))
      throw new Error(JSON.stringify(validate.errors, null, 2))
    expect(documents).toHaveLength(4)
    // Checkpoint documents are the comparison's mapping files.
    const mappingSchema = JSON.parse(
      readFileSync(new URL('../../schemas/mapping.schema.json', import.meta.url), 'utf8')
    )
    const validateMapping = new Ajv({ allErrors: true, strict: false }).compile(mappingSchema)
    const mapping = documents.find((d) => d.name === 'longcat.safetensors.mapping.json')
    if (!validateMapping(JSON.parse(JSON.stringify(mapping?.content)))) {
      throw new Error(JSON.stringify(validateMapping.errors, null, 2))
    }
    // LoRA documents are the resolution documents of the LoRA schema.
    const loraSchema = JSON.parse(
      readFileSync(new URL('../../schemas/lora.schema.json', import.meta.url), 'utf8')
    )
    const validateLora = new Ajv({ allErrors: true, strict: false }).compile(loraSchema)
    for (const d of documents.filter((x) => x.name.endsWith('.lora.json'))) {
      if (!validateLora(JSON.parse(JSON.stringify(d.content))))
        throw new Error(JSON.stringify(validateLora.errors, null, 2))
    }
  })

  it('passes a LoRA that fits, in either naming convention', () => {
    expect(byPath['fits.safetensors']).toMatchObject({
      kind: 'lora',
      status: 'pass',
      metric: 'loadable',
      figure: 100
    })
    expect(byPath['comfy.safetensors']).toMatchObject({ kind: 'lora', status: 'pass', figure: 100 })
    expect(byPath['fits.safetensors'].lora?.coverage?.blocks).toBe(30)
    expect(byPath['fits.safetensors'].lora?.coverage?.rows.map((r) => r.cells)).toEqual([
      '#'.repeat(30),
      '#'.repeat(30)
    ])
  })

  it('fails a 14B LoRA on the 1.3B baseline with shape mismatches and the size as the cause', () => {
    const a = byPath['for-14b.safetensors']
    expect(a.status).toBe('fail')
    expect(a.figure).toBe(0)
    // 30 shared blocks mismatch in width; the 14B's blocks 30-39 do not exist in the 1.3B at all.
    expect(a.lora).toMatchObject({ modules: 320, shapeMismatch: 240, unresolved: 80 })
    expect(a.lora?.failures[0].status).toBe('shape-mismatch')
    expect(a.flags.find((f) => f.id === 'hidden-dim')?.evidence).toMatch(/5120.*1536/)
    expect(a.reasons[0]).toBe('loadable 0.0% is under the 80% threshold')
  })

  it('treats a LongCat-like full model as a checkpoint and fails it on the mapped overlap', () => {
    const a = byPath['longcat.safetensors']
    expect(a.kind).toBe('checkpoint')
    expect(a.metric).toBe('mapped')
    expect(a.status).toBe('fail')
    expect(a.flags.some((f) => f.severity === 'red')).toBe(true)
    expect(a.document).toBe('longcat.safetensors.mapping.json')
  })

  it('words flags for people: no comparison field names, no A/B, no values repeated from the title', () => {
    const a = byPath['longcat.safetensors']
    const text = [...a.flags.flatMap((f) => [f.title, f.evidence]), ...a.reasons].join('\n')
    expect(text).not.toMatch(
      /\b(evidence|layouts|family|hiddenDim|blocks|stripped)[AB]\b|mediumOrHigh|\b[AB]'s\b/
    )
    const dims = a.flags.find((f) => f.id === 'hidden-dim')
    expect(dims?.title).toMatch(/^Different hidden dims: \d+ vs \d+$/)
    expect(dims?.evidence).toMatch(
      /^artifact: \S+ \[[\d, ]+\] \(in-features\); baseline: \S+ \[[\d, ]+\] \(in-features\)$/
    )
    for (const f of a.flags) {
      // Evidence adds to the title: none of its values is one the title already gives.
      for (const part of f.evidence.split('; ').filter((p) => p.length > 12))
        expect(f.title).not.toContain(part)
    }
  })

  it('renders', () => {
    const md = renderGateMarkdown(report, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).toContain('## ❌ Compatibility gate failed')
    expect(md).toContain('`for-14b.safetensors`')
  })
})

describe('a LoRA that trains the text encoder, gated against the denoiser file alone', () => {
  // ComfyUI loads the diffusion model and the text encoders from separate files: the baseline here is the UNet or
  // transformer, and the text-encoder modules land in a file it is not.
  const te = [
    ...['q_proj', 'k_proj', 'v_proj', 'out_proj'].map((p) => ({
      path: `text_model.encoder.layers.0.self_attn.${p}`,
      shape: [768, 768]
    }))
  ]
  const fx = kohyaLora(targetsOf(wan13, ATTN), { alpha: 4 })
  const teFx = kohyaLora(te, { prefix: 'lora_te1_', alpha: 4 })
  const lora = loraCheckpoint({ ...fx, tensors: [...fx.tensors, ...teFx.tensors] }, 'with-te.safetensors')
  const run = (loaders?: ('comfyui' | 'diffusers')[]) =>
    evaluateGate({
      baseline: specCheckpoint(wan13, 'wan-1.3b.safetensors'),
      inputs: [{ path: 'with-te.safetensors', checkpoint: lora }],
      policy: makePolicy({ threshold: 100, ...(loaders ? { loaders } : {}) }),
      engines: defaultEngines(wordResolution),
      tool: TOOL
    }).report

  it('passes on the modules the baseline can judge, says the others are not checked, and validates', () => {
    const report = run()
    const [a] = report.artifacts
    expect(a).toMatchObject({ status: 'pass', figure: 100 })
    expect(a!.lora).toMatchObject({ modules: 240 + te.length, unresolved: 0, notChecked: te.length })
    expect(a!.flags.find((f) => f.id === 'not-checked')).toMatchObject({ severity: 'warning' })
    expect(a!.flags.find((f) => f.id === 'all-loadable')?.title).toBe('Every module checked loads')
    if (!validate(JSON.parse(JSON.stringify(report))))
      throw new Error(JSON.stringify(validate.errors, null, 2))
    const md = renderGateMarkdown(report, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).toContain(`240 of 240 (${te.length} not checked: see the flag)`)
  })

  it('a LoRA of the text encoder alone: nothing to check, so it fails, and says why', () => {
    const only = loraCheckpoint(teFx, 'te-only.safetensors')
    const { report } = evaluateGate({
      baseline: specCheckpoint(wan13, 'wan-1.3b.safetensors'),
      inputs: [{ path: 'te-only.safetensors', checkpoint: only }],
      policy: makePolicy(),
      engines: defaultEngines(wordResolution),
      tool: TOOL
    })
    const [a] = report.artifacts
    expect(a).toMatchObject({ status: 'fail', figure: 0 })
    expect(a!.lora).toMatchObject({ modules: te.length, notChecked: te.length, failuresTotal: 0 })
    expect(a!.reasons).toContain(
      `no module can be checked against this baseline: all ${te.length} patch a component it does not hold (see the warning)`
    )
  })

  it('under ComfyUI’s rules too: it loads the 240 it can be judged on', () => {
    const [a] = run(['comfyui']).artifacts
    expect([a!.status, a!.reasons]).toEqual(['pass', []])
    expect(a!.lora?.loaders).toMatchObject([
      { loader: 'comfyui', loadable: 100, modules: 240, loaded: 240, passed: true }
    ])
  })
})
