/**
 * The gate's console view: the gate result first, aligned rows with failures first, short sections for what
 * failed, cut lists with counts, symbols beside colours, and output fitted to the width.
 */
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import type { GateInput } from '../../src/gate/types.js'
import { renderGateConsole } from '../../src/report/gate-console.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from '../gate/helpers.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

/** `n` LoRAs of 40 modules; the first `bad` of them have `failing` modules that do not load. */
function loraReport(n: number, bad: number, failing: number) {
  const loras: Record<string, ReturnType<typeof loraView>> = {}
  const inputs: GateInput[] = []
  for (let i = 0; i < n; i++) {
    const path = i === 0 ? 'loras/first.safetensors' : `loras/a-longer-name-${i}.safetensors`
    loras[path] = loraView(40, i < bad ? failing : 0, 8)
    inputs.push({ path, checkpoint: ckpt(path) })
  }
  return evaluateGate({
    baseline: ckpt('base.manifest.json', { format: 'manifest' }),
    inputs,
    policy: makePolicy(),
    engines: fakeEngines(loras),
    tool: TOOL
  }).report
}

describe('renderGateConsole', () => {
  it('puts the gate result first and one aligned row per artifact with status, figure, flags and top reason', () => {
    const out = renderGateConsole(loraReport(3, 1, 30), { color: false })
    const lines = out.split('\n')
    expect(lines[0]).toBe(
      '✗ FAILED: 1 of 3 artifacts does not pass (lowest gated figure 25.0%, threshold 80%)'
    )
    expect(lines[1]).toContain(
      'verdict incompatible · metric auto · fail-on dangerous-globals, unknown-globals · baseline base.manifest.json'
    )
    const rows = lines.filter((l) => /^ {2}[✓✗] (PASS|FAIL) /.test(l))
    expect(rows).toHaveLength(3)
    expect(lines[1]).toMatch(/ · artifacts in loras\/$/)
    expect(rows[0]).toMatch(
      /^ {2}✗ FAIL {2}first\.safetensors +LoRA \(kohya\) {2}loadable 25\.0% +1 red, 1 green {2}Shape mismatch: 30 of 40 modules/
    )
    expect(rows[1]).toMatch(
      /^ {2}✓ PASS {2}a-longer-name-1\.safetensors {2}LoRA \(kohya\) {2}loadable 100\.0% {2}2 green$/
    )
    // Aligned: the figure column starts at the same place in every row.
    expect(new Set(rows.map((r) => r.indexOf('loadable'))).size).toBe(1)
    expect(out).not.toMatch(/ +$/m)
    expect(out).not.toMatch(ANSI)
  })

  it('explains each failure in a short section and cuts the module list with a count and a hint', () => {
    const out = renderGateConsole(loraReport(2, 1, 30), {
      color: false,
      noReportHint: 'run with --mapping-dir DIR or --json'
    })
    const section = out.slice(out.indexOf('loras/first.safetensors: ✗ fails'))
    expect(section).toContain('  - loadable 25.0% is under the 80% threshold\n')
    expect(section).toContain('  30 of 40 modules do not load (30 shape mismatch, 0 unresolved):\n')
    expect(
      section.match(/^ {4}blocks\.\d\.self_attn\.q\d+ +shape mismatch +lora \[16, 5120\] vs base/gm)
    ).toHaveLength(5)
    expect(section).toContain('    ... 25 more; run with --mapping-dir DIR or --json\n')
    // Passing artifacts without warnings get no section.
    expect(out).not.toContain('a-longer-name-1.safetensors: ')
  })

  it('points cut lists to the document when a report folder was written', () => {
    const out = renderGateConsole(loraReport(1, 1, 30), {
      color: false,
      maxRows: 3,
      fullReportHint: 'in the folder out'
    })
    expect(out).toContain('    ... 27 more; all are in first.safetensors.lora.json, in the folder out\n')
  })

  it('caps the sections when many artifacts fail and says how many more', () => {
    const out = renderGateConsole(loraReport(30, 25, 10), { color: false, maxSections: 4 })
    expect(out.match(/: ✗ fails\n/g)).toHaveLength(4)
    expect(out).toContain('... 21 more artifacts with failures or warnings (--markdown or --json)')
    expect(out.match(/^ {2}[✓✗] (PASS|FAIL) /gm)).toHaveLength(30)
    // Failures first: the 25 failing rows come before the 5 passing ones.
    const statuses = out.match(/^ {2}[✓✗] (PASS|FAIL) /gm)!.map((r) => r.trim().slice(2))
    expect(statuses.slice(0, 25).every((s) => s === 'FAIL')).toBe(true)
    expect(statuses.slice(25).every((s) => s === 'PASS')).toBe(true)
  })

  it('colours only when asked, without breaking the alignment', () => {
    const plain = renderGateConsole(loraReport(3, 1, 30), { color: false })
    const coloured = renderGateConsole(loraReport(3, 1, 30), { color: true })
    expect(coloured).toMatch(ANSI)
    expect(coloured).toContain('\x1b[31mFAIL\x1b[39m')
    expect(coloured.replace(ANSI, '')).toBe(plain)
  })

  it('shows checkpoints, unreadable files and hostile names safely', () => {
    const view = compareView(20, {
      shapes: {
        matching: 3,
        mismatched: 2,
        examples: [
          { key: 'head.weight', artifact: [2, 3], baseline: [2, 4] },
          { key: 'head.bias', artifact: [3], baseline: [4] }
        ]
      },
      unmatched: {
        artifact: ['extra.weight'],
        baseline: ['gone.weight', 'gone.bias'],
        artifactTotal: 1,
        baselineTotal: 2
      }
    })
    const evil = 'evil\x1b[2J\r.safetensors'
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs: [
        { path: 'c.safetensors', checkpoint: ckpt('c.safetensors') },
        {
          path: 'gone.safetensors',
          error: { code: 'FileNotFound', message: 'gone.safetensors: FileNotFound: no such file' }
        },
        { path: evil, checkpoint: ckpt(evil) }
      ],
      policy: makePolicy(),
      engines: fakeEngines({ [evil]: loraView(4, 0) }, { 'c.safetensors': view }),
      tool: TOOL
    }).report
    const out = renderGateConsole(r, { color: false })
    expect(out).toMatch(/^ {2}✗ FAIL {3}c\.safetensors +checkpoint \(safetensors\) +mapped 20\.0%/m)
    expect(out).toMatch(
      /^ {2}! ERROR {2}gone\.safetensors +unreadable +FileNotFound +gone\.safetensors: FileNotFound: no such file$/m
    )
    expect(out).toContain(
      '  2 common tensors with other shapes (artifact vs baseline):\n    head.weight  [2, 3]  [2, 4]\n'
    )
    expect(out).toContain('  1 key only in the artifact, 2 only in the baseline (e.g. extra.weight)\n')
    expect(out).toContain('evil?[2J?.safetensors')
    expect(out).not.toContain('\x1b')
    expect(out).not.toContain('\r')
  })
})
