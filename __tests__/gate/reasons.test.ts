/** The reasons and flags of a failing artifact say each finding once. */
import { evaluateGate } from '../../src/gate/evaluate.js'
import { evidenceText } from '../../src/gate/evidence.js'
import { makePolicy } from '../../src/gate/policy.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from './helpers.js'

const baseline = ckpt('base.safetensors')

describe('gate reasons', () => {
  it("a checkpoint's shape differences are one red flag (shape-mismatch), not the comparison's and the gate's", () => {
    const view = compareView(10, {
      shapes: {
        matching: 1,
        mismatched: 68,
        examples: [{ key: 'patch_embedding.weight', artifact: [64, 16], baseline: [5120, 16] }]
      },
      flags: [
        {
          id: 'shapes',
          severity: 'red',
          title: '68 of 69 common keys have different shapes',
          evidence: 'e.g. patch_embedding.weight [64, 16] vs baseline [5120, 16]'
        },
        { id: 'attention-layout', severity: 'green', title: 'Same attention architecture', evidence: '' }
      ]
    })
    const run = (failOn: ReturnType<typeof makePolicy>['failOn']) =>
      evaluateGate({
        baseline,
        inputs: [{ path: 'small.pt', checkpoint: ckpt('small.pt') }],
        policy: makePolicy({ failOn }),
        engines: fakeEngines({}, { 'small.pt': view }),
        tool: TOOL
      }).report.artifacts[0]
    const a = run([])
    const red = a.flags.filter((f) => f.severity === 'red')
    expect(red.map((f) => f.id)).toEqual(['shape-mismatch'])
    expect(red[0].evidence).toMatch(/^68 of 69 common tensors have different shapes \(e\.g\. patch_embedding/)
    expect(a.reasons.filter((r) => /different shapes/.test(r))).toHaveLength(1)
    // fail-on shape-mismatch still sees it
    expect(run(['shape-mismatch']).flags.find((f) => f.id === 'shape-mismatch')?.failsGate).toBe(true)
  })

  it("a module's detail quoted by a flag's example is not repeated as a reason of its own", () => {
    const view = loraView(8, 8)
    const { report } = evaluateGate({
      baseline,
      inputs: [{ path: 'l.safetensors', checkpoint: ckpt('l.safetensors') }],
      policy: makePolicy(),
      engines: fakeEngines({ 'l.safetensors': view }),
      tool: TOOL
    })
    const reasons = report.artifacts[0].reasons
    const first = `${view.modules[0].name}: ${view.modules[0].detail}`
    expect(reasons.some((r) => r.startsWith('Shape mismatch') && r.includes(first))).toBe(true)
    expect(reasons.filter((r) => r.includes(first))).toHaveLength(1)
    // the next module's detail still fills the list
    expect(reasons).toContain(`${view.modules[1].name}: ${view.modules[1].detail}`)
  })

  it('evidence counts agree in number', () => {
    expect(evidenceText({ matching: 1, differing: 3 }, '3 of 4 common keys have different shapes')).toBe(
      '1 common key with matching shapes'
    )
    expect(evidenceText({ matching: 2 }, 'x')).toBe('2 common keys with matching shapes')
  })
})

describe('comparison titles in gate words', () => {
  it('"A is" / "B is" read as the artifact / the baseline', async () => {
    const { flagTitle } = await import('../../src/gate/evidence.js')
    expect(flagTitle('B is a LoRA, not a model: 6 of its 6 keys are adapter tensors')).toBe(
      'The baseline is a LoRA, not a model: 6 of its 6 keys are adapter tensors'
    )
    expect(flagTitle('A is a LoRA, not a model')).toBe('The artifact is a LoRA, not a model')
  })
})
