import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { evaluateGate, MAX_MESSAGE_ARTIFACTS, MAX_MESSAGE_LINE, tierOf } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import type { GateReport } from '../../src/gate/types.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from './helpers.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/gate-report.schema.json', import.meta.url), 'utf8')
)
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

function expectValid(report: GateReport): void {
  const ok = validate(JSON.parse(JSON.stringify(report)))
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2))
}

const baseline = ckpt('base.safetensors')

describe('evaluateGate', () => {
  it('passes a fully loadable LoRA with metric auto = loadable', () => {
    const { report, documents } = evaluateGate({
      baseline,
      inputs: [{ path: 'loras/fit.safetensors', checkpoint: ckpt('loras/fit.safetensors') }],
      policy: makePolicy(),
      engines: fakeEngines({ 'loras/fit.safetensors': loraView(16, 0) }),
      tool: TOOL
    })
    expectValid(report)
    expect(report.passed).toBe(true)
    expect(report.verdict).toBe('compatible')
    expect(report.overlap).toBe(100)
    const a = report.artifacts[0]
    expect(a).toMatchObject({ status: 'pass', kind: 'lora', metric: 'loadable', figure: 100 })
    expect(a.flags.map((f) => f.id)).toContain('all-loadable')
    expect(documents).toEqual([{ name: 'fit.safetensors.lora.json', content: { kind: 'lora', total: 16 } }])
    expect(a.document).toBe('fit.safetensors.lora.json')
    expect(report.message).toBe('')
  })

  it('fails a LoRA under the threshold and names the artifact, figure, threshold and a reason', () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [
        { path: 'ok.safetensors', checkpoint: ckpt('ok.safetensors') },
        { path: 'small.safetensors', checkpoint: ckpt('small.safetensors') }
      ],
      policy: makePolicy({ threshold: 80 }),
      engines: fakeEngines({ 'ok.safetensors': loraView(10, 0), 'small.safetensors': loraView(10, 7) }),
      tool: TOOL
    })
    expectValid(report)
    expect(report.passed).toBe(false)
    expect(report.overlap).toBeCloseTo(30)
    expect(report.verdict).toBe('partial')
    const bad = report.artifacts[1]
    expect(bad.status).toBe('fail')
    expect(bad.reasons[0]).toBe('loadable 30.0% is under the 80% threshold')
    expect(bad.lora?.shapeMismatch).toBe(7)
    expect(bad.lora?.failures[0].detail).toContain('[1536, 1536]')
    expect(report.message).toContain('small.safetensors: loadable 30.0% < threshold 80% · Shape mismatch')
    expect(report.message).not.toContain('ok.safetensors')
  })

  it('keeps the failure message compact: one short line per failing artifact, the top reasons, then a count', () => {
    const long = (i: number) => `cause number ${i} `.repeat(20).trim()
    const flags = [0, 1, 2].map((i) => ({
      id: `red-${i}`,
      severity: 'red' as const,
      title: 'Likely cause',
      evidence: long(i)
    }))
    const loras: Record<string, ReturnType<typeof loraView>> = {}
    const inputs = []
    for (let i = 0; i < 8; i++) {
      const path = `loras/a-rather-long-folder-name/lora_${i}.safetensors`
      loras[path] = { ...loraView(10, 7), flags }
      inputs.push({ path, checkpoint: ckpt(path) })
    }
    const ok = 'loras/fine.safetensors'
    loras[ok] = loraView(10, 0)
    inputs.push({ path: ok, checkpoint: ckpt(ok) })
    const { report } = evaluateGate({
      baseline,
      inputs,
      policy: makePolicy(),
      engines: fakeEngines(loras),
      tool: TOOL
    })
    const lines = report.message.split('\n')
    expect(lines[0]).toBe('Compatibility gate failed for 8 of 9 artifacts:')
    expect(lines).toHaveLength(1 + MAX_MESSAGE_ARTIFACTS + 1)
    expect(lines.at(-1)).toBe(`  and ${8 - MAX_MESSAGE_ARTIFACTS} more artifacts`)
    for (const line of lines.slice(1, -1)) {
      expect(line.length).toBeLessThanOrEqual(MAX_MESSAGE_LINE)
      expect(line).toMatch(
        /^ {2}loras\/a-rather-long-folder-name\/lora_\d\.safetensors: loadable 30\.0% < threshold 80% · Likely cause: cause number 0 /
      )
      // At most two reasons after the figure; the third flag is only in the report.
      expect(line.split(' · ').length).toBeLessThanOrEqual(3)
      expect(line).not.toContain('cause number 2')
    }
    expect(report.message).not.toContain('fine.safetensors')
    // The full reasons stay in the report (and so in the summary's per-artifact sections).
    expect(report.artifacts[0].reasons).toContain(`Likely cause: ${long(2)}`)
  })

  it('gives the message its figure, a flag title that states the facts instead of long evidence, errors as they are', () => {
    const view = compareView(10, {
      flags: [
        {
          id: 'hidden-dim',
          severity: 'red',
          title: 'Different hidden dims: 64 vs 128',
          evidence: `artifact: ${'x'.repeat(150)}; baseline: y`
        }
      ]
    })
    const { report } = evaluateGate({
      baseline,
      inputs: [
        { path: 'c.safetensors', checkpoint: ckpt('c.safetensors') },
        { path: 'gone.safetensors', error: { code: 'FileNotFound', message: 'no such file' } }
      ],
      policy: makePolicy({ threshold: 72.5 }),
      engines: fakeEngines({}, { 'c.safetensors': view }),
      tool: TOOL
    })
    expect(report.message.split('\n')).toEqual([
      'Compatibility gate failed for 2 of 2 artifacts:',
      '  c.safetensors: mapped 10.0% < threshold 72.5% · Different hidden dims: 64 vs 128',
      '  gone.safetensors: no such file'
    ])
  })

  it('never shows a figure just under the threshold as equal to it', () => {
    const v = loraView(10000, 1)
    const { report } = evaluateGate({
      baseline,
      inputs: [{ path: 'a', checkpoint: ckpt('a') }],
      policy: makePolicy({ threshold: 100 }),
      engines: fakeEngines({ a: v }),
      tool: TOOL
    })
    expect(report.artifacts[0].reasons[0]).toBe('loadable 99.9% is under the 100% threshold')
  })

  it('gates checkpoints on mapped by default and on the chosen metric otherwise', () => {
    const run = (metric: 'auto' | 'exact') =>
      evaluateGate({
        baseline,
        inputs: [{ path: 'c', checkpoint: ckpt('c') }],
        policy: makePolicy({ metric, threshold: 75 }),
        engines: fakeEngines({}, { c: compareView(90) }),
        tool: TOOL
      }).report
    const auto = run('auto')
    expect(auto.artifacts[0]).toMatchObject({ metric: 'mapped', figure: 90, status: 'pass' })
    const exact = run('exact')
    expect(exact.artifacts[0]).toMatchObject({ metric: 'exact', figure: 70, status: 'fail' })
    expectValid(exact)
  })

  it('falls back with a note when the metric does not apply to the kind', () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [{ path: 'l', checkpoint: ckpt('l') }],
      policy: makePolicy({ metric: 'mapped' }),
      engines: fakeEngines({ l: loraView(4, 0) }),
      tool: TOOL
    })
    expect(report.artifacts[0].metric).toBe('loadable')
    expect(report.artifacts[0].metricNote).toMatch(/'mapped' does not apply to a LoRA/)
  })

  it('fails on dangerous pickle globals at 100% overlap, whatever fail-on lists (the security floor)', () => {
    const evil = ckpt('evil.pt', {
      format: 'pytorch-zip',
      globals: [{ module: 'os', name: 'system', tier: 'dangerous', where: 'archive/data.pkl', count: 1 }]
    })
    const run = (failOn: ReturnType<typeof makePolicy>['failOn']) =>
      evaluateGate({
        baseline,
        inputs: [{ path: 'evil.pt', checkpoint: evil }],
        policy: makePolicy({ failOn }),
        engines: fakeEngines({}, { 'evil.pt': compareView(100) }),
        tool: TOOL
      }).report
    const strict = run(['dangerous-globals'])
    expect(strict.passed).toBe(false)
    const flag = strict.artifacts[0].flags.find((f) => f.id === 'dangerous-globals')
    expect(flag).toMatchObject({ severity: 'red', failsGate: true })
    expect(flag?.evidence).toContain('os.system in archive/data.pkl')
    expect(flag?.evidence).toContain('nothing was executed')
    expect(strict.message).toContain('Dangerous pickle globals')
    // `fail-on: none` or a list without the security flags cannot let the pickle through
    expect(run([]).passed).toBe(false)
    expect(run(['shape-mismatch']).passed).toBe(false)
  })

  it('fail-on shape-mismatch fails a checkpoint with one mismatched tensor; any-red fails on engine red flags', () => {
    const view = compareView(95, {
      shapes: {
        matching: 9,
        mismatched: 1,
        examples: [{ key: 'head.weight', artifact: [16, 5120], baseline: [16, 1536] }]
      },
      flags: [{ id: 'hidden-dim', severity: 'red', title: 'Different hidden dim', evidence: '5120 vs 1536' }]
    })
    const run = (failOn: ReturnType<typeof makePolicy>['failOn']) =>
      evaluateGate({
        baseline,
        inputs: [{ path: 'c', checkpoint: ckpt('c') }],
        policy: makePolicy({ failOn }),
        engines: fakeEngines({}, { c: view }),
        tool: TOOL
      }).report
    expect(run([]).passed).toBe(true)
    const shape = run(['shape-mismatch'])
    expect(shape.passed).toBe(false)
    expect(shape.artifacts[0].reasons[0]).toContain('head.weight: [16, 5120] vs baseline [16, 1536]')
    const red = run(['any-red'])
    expect(
      red.artifacts[0].flags
        .filter((f) => f.failsGate)
        .map((f) => f.id)
        .sort()
    ).toEqual(['hidden-dim', 'shape-mismatch'])
    expectValid(red)
  })

  it('reports an unreadable artifact as an error row and fails, keeping the other rows', () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [
        {
          path: 'bad.safetensors',
          error: { code: 'Truncated', message: 'bad.safetensors: Truncated: file ended' }
        },
        { path: 'ok', checkpoint: ckpt('ok') }
      ],
      policy: makePolicy(),
      engines: fakeEngines({ ok: loraView(3, 0) }),
      tool: TOOL
    })
    expectValid(report)
    expect(report.passed).toBe(false)
    expect(report.verdict).toBe('error')
    expect(report.artifacts[0].status).toBe('error')
    expect(report.artifacts[1].status).toBe('pass')
    expect(report.overlap).toBe(100)
    expect(report.message).toContain('bad.safetensors: Truncated')
  })

  it("turns an engine exception into that artifact's error", () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [{ path: 'c', checkpoint: ckpt('c') }],
      policy: makePolicy(),
      engines: fakeEngines({}, {}),
      tool: TOOL
    })
    expect(report.artifacts[0]).toMatchObject({ status: 'error', error: { code: 'EngineError' } })
  })

  it('gives documents unique file names for same-named artifacts', () => {
    const { documents, report } = evaluateGate({
      baseline,
      inputs: [
        { path: 'a/x.safetensors', checkpoint: ckpt('a/x.safetensors') },
        { path: 'b/x.safetensors', checkpoint: ckpt('b/x.safetensors') }
      ],
      policy: makePolicy(),
      engines: fakeEngines({ 'a/x.safetensors': loraView(2, 0), 'b/x.safetensors': loraView(2, 0) }),
      tool: TOOL
    })
    expect(documents.map((d) => d.name)).toEqual(['x.safetensors.lora.json', 'x.safetensors-2.lora.json'])
    expect(report.artifacts.map((a) => a.document)).toEqual(documents.map((d) => d.name))
  })

  it('fails an empty run', () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [],
      policy: makePolicy(),
      engines: fakeEngines({}),
      tool: TOOL
    })
    expect(report.passed).toBe(false)
    expect(report.overlap).toBeNull()
  })

  it('draws the LoRA coverage picture per layer kind and block', () => {
    const { report } = evaluateGate({
      baseline,
      inputs: [{ path: 'l', checkpoint: ckpt('l') }],
      policy: makePolicy(),
      engines: fakeEngines({ l: loraView(8, 1, 8) }),
      tool: TOOL
    })
    const cov = report.artifacts[0].lora?.coverage
    expect(cov?.blocks).toBe(8)
    // modules 0,2,4,6 are self-attn in blocks 0,2,4,6 (module 0 fails); 1,3,5,7 are ffn in blocks 1,3,5,7
    expect(cov?.rows).toEqual([
      { layerKind: 'self-attn', cells: 'x.#.#.#.', modules: 4, failing: 1 },
      { layerKind: 'ffn', cells: '.#.#.#.#', modules: 4, failing: 0 }
    ])
  })

  it('uses the comparison tiers for LoRA figures', () => {
    expect(tierOf(80.1)).toBe('compatible')
    expect(tierOf(80)).toBe('partial')
    expect(tierOf(30)).toBe('partial')
    expect(tierOf(29.9)).toBe('incompatible')
  })
})
