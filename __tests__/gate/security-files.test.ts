/** Pickle safety in the gate, on real files read by the real readers: nothing is executed, and it fails by default. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCheckpoint } from '../../src/formats/index.js'
import { defaultEngines } from '../../src/gate/engines.js'
import { wordResolution } from '../../src/report/lora-reasons.js'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages, writeTorchZip } from '../../fixtures/torch-files.js'
import { specCheckpoint } from '../../fixtures/specs.js'
import { TOOL } from './helpers.js'

const tensors = [
  { name: 'blocks.0.self_attn.q.weight', shape: [8, 8] },
  { name: 'blocks.0.self_attn.k.weight', shape: [8, 8] }
]

describe('dangerous pickle globals', () => {
  it('fail the gate by default with the global, where it is, and that nothing ran; fail-on none cannot let it pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-gate-pickle-'))
    const path = join(dir, 'model.pt')
    const evil = new PickleWriter()
      .proto(2)
      .global('os', 'system')
      .str('echo pwned')
      .tuple(1)
      .op(P.REDUCE)
      .stop()
      .bytes()
    writeTorchZip(path, {
      tensors: tensorsWithOwnStorages(tensors),
      extraRecords: [{ name: 'archive/extra.pkl', data: evil }]
    })
    const artifact = await readCheckpoint(path)
    const baseline = specCheckpoint(
      tensors.map((t) => ({ ...t, dtype: 'F32' })),
      'base.json'
    )
    const run = (failOn: ReturnType<typeof makePolicy>['failOn']) =>
      evaluateGate({
        baseline,
        inputs: [{ path: 'model.pt', checkpoint: artifact }],
        policy: makePolicy({ failOn }),
        engines: defaultEngines(wordResolution),
        tool: TOOL
      }).report
    const strict = run(['dangerous-globals'])
    const a = strict.artifacts[0]
    expect(a).toMatchObject({ kind: 'checkpoint', figure: 100, status: 'fail' })
    const flag = a.flags.find((f) => f.id === 'dangerous-globals')
    expect(flag).toMatchObject({ severity: 'red', failsGate: true })
    expect(flag?.evidence).toMatch(/os\.system in archive\/extra\.pkl.*nothing was executed/)
    expect(strict.message).toContain('model.pt: Dangerous pickle globals: os.system')
    expect(run([]).passed).toBe(false)
  })
})
