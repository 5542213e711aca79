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
      "full.safetensors: ✓ passes\n  metric 'loadable' does not apply to a full checkpoint; gated on 'mapped'\n"
    )
    // the LoRA, gated on what was asked for, gets no section
    expect(out).not.toMatch(/^fit\.safetensors:/m)
  })

  it('a LoRA that passes with modules that do not load gets a section listing them', () => {
    const report = evaluateGate({
      baseline: ckpt('base.safetensors'),
      inputs: [{ path: 'most.safetensors', checkpoint: ckpt('most.safetensors') }],
      policy: makePolicy({ threshold: 80 }),
      engines: fakeEngines({ 'most.safetensors': loraView(10, 1) }),
      tool: TOOL
    }).report
    expect(report.passed).toBe(true)
    const out = renderGateConsole(report, { color: false })
    expect(out).toContain('most.safetensors: ! passes, with warnings\n')
    expect(out).toContain('1 of 10 modules do not load (1 shape mismatch, 0 unresolved):')
  })
})
