/**
 * Tensor names, metadata and paths come from strangers' files: an ESC or CR in them must not reach the terminal
 * (clear the screen, recolour or rewrite a verdict line) from the analyze summary or the comparison.
 */
import { compareCheckpoints } from '../../src/compare/index.js'
import { summarizeCheckpoint } from '../../src/formats/summary.js'
import type { Checkpoint } from '../../src/formats/types.js'
import { renderCheckpointSummary } from '../../src/report/checkpoint-console.js'
import { renderComparisonConsole } from '../../src/report/compare-console.js'
import { renderConversionPlan } from '../../src/report/convert-console.js'
import { printable } from '../../src/report/format.js'
import { renderGateMarkdown } from '../../src/report/gate-markdown.js'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { ckpt, fakeEngines, loraView, TOOL } from '../gate/helpers.js'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

const EVIL = 'blocks.0.\u001b[2J\u001b[31mEVIL\u001b[0m\rOK.weight'

function hostile(): Checkpoint {
  const c = specCheckpoint(
    [
      { name: EVIL, shape: [4, 4], dtype: 'F16' },
      { name: 'blocks.1.attn\u009b31m.weight', shape: [4, 4], dtype: 'F16' }
    ],
    'evil\u001b[31m.safetensors'
  )
  c.metadata = { 'key\u001b[8m': 'value\r\u001b[2K' }
  c.warnings = ['warning \u001b]0;title\u0007']
  c.globals = [{ module: 'os\u001b[1m', name: 'system', tier: 'dangerous', where: 'data\r.pkl', count: 1 }]
  return c
}

describe('control characters from files', () => {
  it('printable replaces each one with ?', () => {
    expect(printable('a\u001b[31mb\rc\u009bd\n')).toBe('a?[31mb?c?d?')
  })

  it('the analyze summary prints none, with or without colour', () => {
    const c = hostile()
    for (const color of [false, true]) {
      const out = renderCheckpointSummary(c, summarizeCheckpoint(c), { color })
      // eslint-disable-next-line no-control-regex
      const withoutOwnColours = out.replace(/\u001b\[(?:1|2|22|31|32|33|39)m/g, '')
      expect(withoutOwnColours).not.toMatch(CONTROL)
      expect(out).toContain('key?[8m')
    }
  })

  it('the comparison prints none', () => {
    const base = specCheckpoint(
      expandModel('wan2.1-t2v-1.3b', { config: { dim: 64, ffn_dim: 128, num_layers: 2 } })
    )
    const c = compareCheckpoints(hostile(), base, { names: ['A\u001b[2J', 'B\r'] })
    const out = renderComparisonConsole(c, { color: false, maxRows: 1000 })
    expect(out).not.toMatch(CONTROL)
    expect(out).toContain('?[2J?[31mEVIL?[0m?OK')
  })

  it('the conversion plan prints none', () => {
    const bad = 'lora_unet_x\u001b[2J\r'
    const out = renderConversionPlan(
      {
        lora: 'l\u001b[31m.safetensors',
        base: 'b\r.safetensors',
        to: 'comfyui',
        ok: false,
        dropUnmatched: false,
        modules: [
          {
            stem: `diffusion_model.${bad}`,
            baseKey: 'x.weight',
            transform: 'rename',
            sources: [{ stem: bad }],
            rank: 4,
            scale: 1,
            alpha: 4,
            tensors: []
          }
        ],
        refused: [
          {
            stem: bad,
            why: {
              kind: 'not-loadable',
              status: 'unresolved',
              why: { kind: 'no-base-key', path: bad, underscore: false }
            }
          }
        ],
        dropped: [],
        causes: [
          {
            why: { kind: 'refusal', refusal: { kind: 'not-a-base-weight', key: `cause ${bad}` } },
            modules: 1
          }
        ],
        unknownKeys: [bad],
        counts: { rename: 1, stack: 0, split: 0, 'split+stack': 0, reorder: 0 },
        dataBytes: 0,
        notes: [`note ${bad}`]
      },
      { color: false }
    )
    expect(out).not.toMatch(CONTROL)
    expect(out).toContain('lora_unet_x?[2J?')
  })

  it('the gate Markdown (printed by --markdown) prints none', () => {
    const view = loraView(4, 2)
    view.modules[0].name = `blocks.0.\u001b[2Jq`
    view.modules[0].detail = 'no base key \u001b[31mq\u0007'
    const path = 'loras/evil\u001b[8m.safetensors'
    const report = evaluateGate({
      baseline: ckpt('base\u001b[2J.safetensors'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines({ [path]: view }),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(report, { limit: 1 << 20, unit: 'bytes' })
    expect(md).not.toMatch(CONTROL)
    expect(md).toContain('evil?[8m')
  })
})
