/**
 * The gate pipeline over many artifacts (src/node/run-gate.ts): each judged as it is read, a file with a header seen
 * before judged once, an unreadable one reported in its place, and each document naming its own file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCheckpoint } from '../../src/formats/index.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { defaultEngines } from '../../src/gate/engines.js'
import { makePolicy } from '../../src/gate/policy.js'
import type { GateEngines } from '../../src/gate/types.js'
import { runGate } from '../../src/node/run-gate.js'
import { expandModel } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf, writeLoraFile } from '../../fixtures/lora.js'

let dir: string
let baseline: string
const base = expandModel('wan2.1-t2v-1.3b', { dtype: 'BF16' })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'run-gate-'))
  baseline = join(dir, 'base.safetensors')
  await writeSafetensors(baseline, base)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The real engines, counting how often a LoRA is resolved. */
function countingEngines(): { engines: GateEngines; resolved: string[] } {
  const real = defaultEngines()
  const resolved: string[] = []
  return {
    resolved,
    engines: {
      ...real,
      resolveLora: (lora, b) => {
        resolved.push(lora.path)
        return real.resolveLora(lora, b)
      }
    }
  }
}

describe('runGate over many artifacts', () => {
  it('judges one header once, reports every file in order, and each document names its own file', async () => {
    const a = join(dir, 'a.safetensors')
    writeLoraFile(a, kohyaLora(targetsOf(base, /^blocks\.[0-3]\.self_attn\.[qkvo]$/), { rank: 8, alpha: 8 }))
    const copies = [1, 2, 3].map((i) => join(dir, `a-copy-${i}.safetensors`))
    for (const c of copies) copyFileSync(a, c)
    const b = join(dir, 'b.safetensors')
    writeLoraFile(b, kohyaLora(targetsOf(base, /^blocks\.[0-1]\.ffn\.[02]$/), { rank: 4, alpha: 4 }))
    const broken = join(dir, 'broken.safetensors')
    writeFileSync(broken, 'not a checkpoint at all')
    const paths = [a, copies[0]!, broken, b, copies[1]!, copies[2]!]
    const { engines, resolved } = countingEngines()
    const run = await runGate({
      artifacts: paths,
      baseline,
      policy: makePolicy({ threshold: 50 }),
      cwd: dir,
      read: (location, options) => readCheckpoint(location, options),
      engines,
      reportDir: join(dir, 'report'),
      names: { baseline: '--baseline', reportDir: '--mapping-dir' }
    })
    // the two distinct headers were resolved once each
    expect(resolved).toEqual([a, b])
    const rows = run.report.artifacts
    expect(rows.map((r) => r.path)).toEqual(paths)
    expect(rows.map((r) => r.status)).toEqual(['pass', 'pass', 'error', 'pass', 'pass', 'pass'])
    expect(rows[2]!.error?.message).toContain(broken)
    // the copies' rows are the first file's verdict under their own names
    expect(rows[1]).toEqual({ ...rows[0], path: copies[0], document: 'a-copy-1.safetensors.lora.json' })
    // every document names its own file, not the first one read with that header
    for (const [i, p] of paths.entries()) {
      if (i === 2) continue
      const doc = JSON.parse(readFileSync(join(dir, 'report', rows[i]!.document!), 'utf8')) as {
        analysis: { path: string }
        resolution: { lora: string }
      }
      expect([doc.analysis.path, doc.resolution.lora]).toEqual([p, p])
    }
  })

  it('keeps no document without a report folder, and names none in the report', async () => {
    const a = join(dir, 'solo.safetensors')
    writeLoraFile(a, kohyaLora(targetsOf(base, /^blocks\.0\.self_attn\.q$/), { rank: 4, alpha: 4 }))
    const run = await runGate({
      artifacts: [a],
      baseline,
      policy: makePolicy({ threshold: 50 }),
      cwd: dir,
      read: (location, options) => readCheckpoint(location, options),
      names: { baseline: '--baseline', reportDir: '--mapping-dir' }
    })
    expect(run.evaluation.documents).toEqual([])
    expect(run.report.artifacts[0]!.document).toBeUndefined()
    expect(run.report.artifacts[0]!.status).toBe('pass')
  })
})
