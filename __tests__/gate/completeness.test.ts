/**
 * A sharded checkpoint with shards missing or misplaced still reads; the gate must say so for the artifact, and
 * for every artifact when it is the baseline (its figures are then against part of the model).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCheckpoint } from '../../src/formats/index.js'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { renderGateConsole } from '../../src/report/gate-console.js'
import { writeShardedCheckpoint } from '../../fixtures/safetensors.js'
import { compareView, fakeEngines, TOOL } from './helpers.js'

describe('incomplete sharded checkpoints in the gate', () => {
  it('warns on an artifact with a misplaced tensor and on every artifact when the baseline lacks a shard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-gate-shards-'))
    const baseline = await readCheckpoint(
      writeShardedCheckpoint(join(dir, 'base'), { shards: 3, drop: [2] }).dir
    )
    const misplaced = await readCheckpoint(
      writeShardedCheckpoint(join(dir, 'art'), { shards: 3, misplace: ['blocks.0.self_attn.q.weight'] }).dir
    )
    const whole = await readCheckpoint(writeShardedCheckpoint(join(dir, 'whole'), { shards: 2 }).dir)
    const report = evaluateGate({
      baseline,
      inputs: [
        { path: 'art', checkpoint: misplaced },
        { path: 'whole', checkpoint: whole }
      ],
      policy: makePolicy(),
      engines: fakeEngines({}, { [misplaced.path]: compareView(95), [whole.path]: compareView(95) }),
      tool: TOOL
    }).report
    const [art, ok] = report.artifacts
    expect(art.flags.find((f) => f.id === 'incomplete-checkpoint')).toMatchObject({
      severity: 'warning',
      failsGate: false
    })
    expect(art.flags.find((f) => f.id === 'incomplete-checkpoint')?.evidence).toMatch(
      /^ShardMismatch: 1 tensors are not where weight_map says: blocks\.0\.self_attn\.q\.weight/
    )
    expect(ok.flags.some((f) => f.id === 'incomplete-checkpoint')).toBe(false)
    for (const a of report.artifacts) {
      const flag = a.flags.find((f) => f.id === 'baseline-incomplete')
      expect(flag?.severity).toBe('warning')
      expect(flag?.evidence).toMatch(
        /^MissingShard: 1 of 3 shards missing: model-00002-of-00003\.safetensors/
      )
    }
    expect(report.passed).toBe(true)
    const out = renderGateConsole(report, { color: false })
    expect(out).toMatch(/^ {2}✓ PASS +whole .* 1 warning, 1 green /m)
    expect(out).toMatch(/^ {2}✓ PASS +art .* 2 warnings, 1 green /m)
    // shards are safetensors: no code, as for a single file
    expect(ok.flags.find((f) => f.id === 'no-code')?.evidence).toMatch(/safetensors shards/)
  })
})
