/**
 * Read one file and gate it with itself as the baseline, so only its security findings and read errors decide
 * (a readable checkpoint matches itself 100%). Shared by scripts/scan-corpus.ts and the hostile-file tests.
 */
import { globalsOfFailure, isCheckpointError } from '../src/formats/errors.js'
import { readCheckpoint, ReadBudget } from '../src/formats/index.js'
import type { Checkpoint } from '../src/formats/types.js'
import { defaultEngines } from '../src/gate/engines.js'
import { wordResolution } from '../src/report/lora-reasons.js'
import { evaluateGate } from '../src/gate/evaluate.js'
import { makePolicy } from '../src/gate/policy.js'
import type { ArtifactReport, GateInput, GatePolicy, GateReport } from '../src/gate/types.js'

const EMPTY: Checkpoint = {
  path: '-',
  format: 'manifest',
  bytes: 0,
  tensors: [],
  metadata: {},
  globals: [],
  warnings: []
}

export interface GatedAlone {
  input: GateInput
  report: GateReport
  artifact: ArtifactReport
}

/** `policy`: the default policy with threshold 0 unless overridden (`allowGlobals`, `failOn`). */
export async function gateAlone(path: string, policy: Partial<GatePolicy> = {}): Promise<GatedAlone> {
  let input: GateInput
  let baseline = EMPTY
  try {
    const checkpoint = await readCheckpoint(path, { budget: new ReadBudget() })
    input = { path, checkpoint }
    baseline = checkpoint
  } catch (e) {
    if (!isCheckpointError(e)) throw e
    input = { path, error: { code: e.code, message: e.message, globals: globalsOfFailure(e) } }
  }
  const { report } = evaluateGate({
    baseline,
    inputs: [input],
    policy: makePolicy({ threshold: 0, ...policy }),
    engines: defaultEngines(wordResolution),
    tool: { name: 'gate-alone', version: '0' }
  })
  return { input, report, artifact: report.artifacts[0]! }
}
