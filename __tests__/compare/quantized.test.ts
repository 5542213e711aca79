/**
 * Quantized checkpoints: a weight's scale tensors (ComfyUI's scaled FP8, FP8 with weight_scale, bitsandbytes state)
 * are its storage, not layers. They are set aside before counting and matching, and the comparison says so.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { expandModel, specCheckpoint, type SpecTensor } from '../../fixtures/specs.js'
import { compareCheckpoints, toMappingFile } from '../../src/compare/index.js'
import { quantizationCompanions } from '../../src/names/quantization.js'
import { renderComparisonConsole } from '../../src/report/compare-console.js'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy, parseFailOn } from '../../src/gate/policy.js'
import type { FailOnFlag } from '../../src/gate/types.js'
import { defaultEngines } from '../../src/gate/engines.js'
import { wordResolution } from '../../src/report/lora-reasons.js'
import { TOOL } from '../gate/helpers.js'

const wan = expandModel('wan2.1-t2v-1.3b')

/** The base with its blocks' matrices stored as FP8 and scale tensors beside them, as each scheme writes them. */
function quantized(base: SpecTensor[], scheme: 'comfy' | 'weight_scale' | 'bnb4'): SpecTensor[] {
  const out: SpecTensor[] = []
  for (const t of base) {
    const q = t.name.startsWith('blocks.') && t.name.endsWith('.weight') && t.shape.length === 2
    if (!q) {
      out.push(t)
      continue
    }
    const layer = t.name.slice(0, -'.weight'.length)
    if (scheme === 'bnb4') {
      out.push({ name: t.name, shape: [(t.shape[0]! * t.shape[1]!) / 2, 1], dtype: 'U8' })
      out.push({ name: `${t.name}.absmax`, shape: [(t.shape[0]! * t.shape[1]!) / 64], dtype: 'F32' })
      out.push({ name: `${t.name}.quant_map`, shape: [16], dtype: 'F32' })
      out.push({ name: `${t.name}.quant_state.bitsandbytes__nf4`, shape: [100], dtype: 'U8' })
      continue
    }
    out.push({ ...t, dtype: 'F8_E4M3' })
    if (scheme === 'comfy') out.push({ name: `${layer}.scale_weight`, shape: [], dtype: 'F32' })
    else {
      out.push({ name: `${layer}.weight_scale`, shape: [], dtype: 'F32' })
      out.push({ name: `${layer}.input_scale`, shape: [], dtype: 'F32' })
    }
  }
  if (scheme === 'comfy') out.push({ name: 'scaled_fp8', shape: [0], dtype: 'F8_E4M3' })
  return out
}

const matrices = wan.filter(
  (t) => t.name.startsWith('blocks.') && t.name.endsWith('.weight') && t.shape.length === 2
)

describe('quantization companions', () => {
  it("reads ComfyUI's scaled FP8, FP8 with weight_scale / input_scale, and bitsandbytes 4-bit state", () => {
    const comfy = quantizationCompanions(quantized(wan, 'comfy'))
    expect(comfy).toMatchObject({ weights: matrices.length, leaves: ['scale_weight'] })
    expect(comfy.names.size).toBe(matrices.length + 1) // the scaled_fp8 marker too
    expect(comfy.scheme).toMatch(/^ComfyUI scaled FP8/)
    const ws = quantizationCompanions(quantized(wan, 'weight_scale'))
    expect(ws).toMatchObject({ weights: matrices.length, leaves: ['input_scale', 'weight_scale'] })
    expect(ws.names.size).toBe(2 * matrices.length)
    const bnb = quantizationCompanions(quantized(wan, 'bnb4'))
    expect(bnb.names.size).toBe(3 * matrices.length)
    expect(bnb.scheme).toMatch(/^bitsandbytes 4-bit/)
  })

  it('is nothing beside a weight of 16 bits or more, without its weight, or a marker alone', () => {
    const bf16 = wan.flatMap((t) =>
      t.name.endsWith('.weight') && t.shape.length === 2
        ? [t, { name: t.name.replace(/\.weight$/, '.scale_weight'), shape: [], dtype: 'F32' }]
        : [t]
    )
    expect(quantizationCompanions(bf16).names.size).toBe(0)
    const orphan: SpecTensor[] = [
      { name: 'blocks.0.ffn.0.weight', shape: [8, 8], dtype: 'F8_E4M3' },
      { name: 'blocks.0.ffn.2.input_scale', shape: [], dtype: 'F32' },
      { name: 'scaled_fp8', shape: [0], dtype: 'F8_E4M3' }
    ]
    expect(quantizationCompanions(orphan).names.size).toBe(0)
  })
})

describe('comparing a quantized checkpoint with its full-precision one', () => {
  it.each(['comfy', 'weight_scale'] as const)(
    '%s: the same network, every key mapped, the scales set aside and said so, either way round',
    (scheme) => {
      const q = specCheckpoint(quantized(wan, scheme), 'wan-q.safetensors')
      const full = specCheckpoint(wan, 'wan.safetensors')
      for (const [a, b, side] of [
        [q, full, 'a'],
        [full, q, 'b']
      ] as const) {
        const c = compareCheckpoints(a, b)
        expect(c.keys).toMatchObject({ totalA: wan.length, totalB: wan.length })
        expect(c.verdict.tier).toBe('compatible')
        expect(c.quantization?.[side]?.weights).toBe(matrices.length)
        expect(c.flags.filter((f) => f.code === 'quantized-storage')).toMatchObject([
          { kind: 'green', evidence: { side, weights: matrices.length } }
        ])
        expect(renderComparisonConsole(c, { color: false })).toContain(
          `${side.toUpperCase()}: ${matrices.length} weights stored as`
        )
        expect(c.overlap.mapped).toBe(1)
      }
    }
  )

  it('the mapping file carries what was set aside and validates', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/mapping.schema.json', import.meta.url), 'utf8')
    )
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)
    const c = compareCheckpoints(specCheckpoint(quantized(wan, 'comfy'), 'q'), specCheckpoint(wan, 'w'))
    const doc = JSON.parse(JSON.stringify(toMappingFile(c, TOOL)))
    expect(validate(doc)).toBe(true)
    expect(doc.quantization.a).toMatchObject({ weights: matrices.length, tensors: matrices.length + 1 })
  })

  it('the gate passes a scaled FP8 release of the baseline at the default threshold (it read 73% of keys before)', () => {
    const { report } = evaluateGate({
      baseline: specCheckpoint(wan, 'wan.safetensors'),
      inputs: [
        {
          path: 'wan-fp8.safetensors',
          checkpoint: specCheckpoint(quantized(wan, 'comfy'), 'wan-fp8.safetensors')
        }
      ],
      policy: makePolicy(),
      engines: defaultEngines(wordResolution),
      tool: TOOL
    })
    expect(report.artifacts[0]).toMatchObject({ status: 'pass', figure: 100 })
  })

  it('fails it under `fail-on: quantized-storage`, which judges the artifact, not a quantized baseline', () => {
    const gate = (artifact: SpecTensor[], baseline: SpecTensor[], failOn: FailOnFlag[]) =>
      evaluateGate({
        baseline: specCheckpoint(baseline, 'baseline.safetensors'),
        inputs: [
          { path: 'artifact.safetensors', checkpoint: specCheckpoint(artifact, 'artifact.safetensors') }
        ],
        policy: makePolicy({ failOn }),
        engines: defaultEngines(wordResolution),
        tool: TOOL
      }).report.artifacts[0]!
    const fp8 = quantized(wan, 'comfy')
    const strict = gate(fp8, wan, parseFailOn('quantized-storage'))
    expect(strict.status).toBe('fail')
    expect(strict.figure).toBe(100) // the figure passes; the flag fails it
    expect(strict.flags.find((f) => f.id === 'quantized-storage')).toMatchObject({
      severity: 'green',
      failsGate: true
    })
    expect(strict.reasons[0]).toMatch(/^The artifact stores \d+ weights as ComfyUI scaled FP8/)
    expect(gate(fp8, wan, parseFailOn('')).status).toBe('pass')
    // a full-precision artifact against a quantized baseline: the baseline's flag has its own id and fails nothing
    const onQuantizedBase = gate(wan, fp8, parseFailOn('quantized-storage'))
    expect(onQuantizedBase.status).toBe('pass')
    expect(onQuantizedBase.flags.map((f) => f.id)).toContain('baseline-quantized-storage')
  })
})

describe('analysing a quantized checkpoint', () => {
  it('notes how its weights are stored and that their scales are no layers', async () => {
    const { analyzeStructure } = await import('../../src/analysis/index.js')
    const a = analyzeStructure(specCheckpoint(quantized(wan, 'comfy'), 'wan-fp8.safetensors'))
    expect(a.notes).toContain(
      `${matrices.length} weights are stored as ComfyUI scaled FP8 with a per-tensor scale_weight: their ` +
        `${matrices.length + 1} scale tensors are storage, not layers (compare sets them aside)`
    )
    expect(analyzeStructure(specCheckpoint(wan, 'wan.safetensors')).notes.join()).not.toMatch(
      /quantized|scale tensors/
    )
  })
})
