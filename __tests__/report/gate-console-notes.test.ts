/** The console view shows a metric note even for an artifact that passes (the row alone would not explain it). */
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { renderGateConsole } from '../../src/report/gate-console.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from '../gate/helpers.js'

describe('renderGateConsole metric notes', () => {
  it('a passing checkpoint gated on its own figure instead of the requested one says so', () => {
    const report = evaluateGate({
      baseline: ckpt('base.safetensors'),
      inputs: [
        { path: 'fit.safetensors', checkpoint: ckpt('fit.safetensors') },
        { path: 'full.safetensors', checkpoint: ckpt('full.safetensors') }
      ],
      policy: makePolicy({ metric: 'loadable' }),
      engines: fakeEngines({ 'fit.safetensors': loraView(8, 0) }, { 'full.safetensors': compareView(100) }),
      tool: TOOL
    }).report
    expect(report.passed).toBe(true)
    const out = renderGateConsole(report, { color: false })
    expect(out).toContain(
      "full.safetensors: passes\n  metric 'loadable' does not apply to a full checkpoint; gated on 'mapped'\n"
    )
    // the LoRA, gated on what was asked for, gets no section
    expect(out).not.toMatch(/^fit\.safetensors:/m)
  })
})
