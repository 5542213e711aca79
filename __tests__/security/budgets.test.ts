/**
 * Resource bombs of issue 14, scaled down and read against reduced budgets (the same code paths as the default
 * budgets; scripts/measure-hostile.ts measures them at full size): going past a budget is a BudgetExceeded error
 * for that file, found before the expensive work, and a gate over many files still reports every one of them.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BOMBS } from '../../fixtures/hostile-bombs.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'
import { runGate } from '../../src/node/run-gate.js'
import { ReadBudget, type BudgetLimits } from '../../src/formats/budget.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { openLocalFile } from '../../src/formats/source.js'
import { makePolicy } from '../../src/gate/policy.js'

const dir = mkdtempSync(join(tmpdir(), 'mc-budgets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function bomb(name: string, scale: number, file = name): string {
  const path = join(dir, file)
  BOMBS.find((b) => b.name === name)!.write(path, scale)
  return path
}

async function failure(path: string, limits: Partial<BudgetLimits>, budget = new ReadBudget(limits)) {
  try {
    await readCheckpoint(path, { budget })
  } catch (e) {
    if (e instanceof CheckpointError) return { error: e, budget }
    throw e
  }
  throw new Error(`${path} was read`)
}

describe('per-file budgets', () => {
  it('a deflated data.pkl that declares more than the inflate budget is refused before inflating', async () => {
    const path = bomb('zip-bomb-data-pkl.pt', 1 / 64) // declares 16 MiB in ~16 KB
    const { error, budget } = await failure(path, { maxInflatedBytesPerFile: 4 * 1024 * 1024 })
    expect([error.code, error.detail]).toEqual([
      'BudgetExceeded',
      expect.stringMatching(/declares 16777216 inflated bytes; the budget is 4194304/)
    ])
    expect(budget.inflatedBytes).toBe(0)
  })

  it.each([
    ['repeated-strings-codecs.pkl', 0.1],
    ['repeated-set-copies.pkl', 0.2],
    ['repeated-strings-names.pkl', 0.1]
  ])('%s: the pickle memory budget stops the copies', async (name, scale) => {
    const { error } = await failure(bomb(name, scale), { maxPickleBytesPerFile: 8 * 1024 * 1024 })
    expect(error.code).toBe('BudgetExceeded')
    expect(error.detail).toMatch(/pickle memory|tensors per file/)
  })

  it('one tensor reached by thousands of paths stops at the tensor budget, before the names are made', async () => {
    const path = bomb('repeated-strings-names.pkl', 0.02, 'names-small.pkl')
    const { error } = await failure(path, { maxTensorsPerFile: 1000 })
    expect([error.code, error.detail]).toEqual([
      'BudgetExceeded',
      expect.stringMatching(/reaches more than 1000 tensors/)
    ])
  })

  it('a safetensors header of more tensors than the budget is refused after counting, not parsing it', async () => {
    const path = bomb('many-tensors.safetensors', 80_000 / 1_500_000) // a ~5 MB header
    const source = await openLocalFile(path)
    try {
      const budget = new ReadBudget({ maxTensorsPerFile: 1000 })
      const e = await readSafetensors(source, { budget }).catch((x: unknown) => x)
      expect(e).toMatchObject({ code: 'BudgetExceeded' })
      // counted in chunks: the first 4 MiB chunk already holds more than 1000 entries
      expect(source.bytesRead).toBeLessThanOrEqual(8 + 4 * 1024 * 1024)
    } finally {
      await source.close()
    }
  })

  it('a smaller header is parsed and stopped at the budget while parsing', async () => {
    const path = bomb('many-tensors.safetensors', 3000 / 1_500_000, 'st-3000.safetensors')
    const { error } = await failure(path, { maxTensorsPerFile: 1000 })
    expect([error.code, error.detail]).toEqual([
      'BudgetExceeded',
      expect.stringMatching(/more than 1000 tensors/)
    ])
    await expect(
      readCheckpoint(path, { budget: new ReadBudget({ maxTensorsPerFile: 3000 }) })
    ).resolves.toMatchObject({
      format: 'safetensors'
    })
  })

  it('a GGUF that declares more tensors than the budget is refused before its tensor infos are read', async () => {
    const path = bomb('many-tensors.gguf', 2000 / 1_000_000)
    const { error } = await failure(path, { maxTensorsPerFile: 1000 })
    expect([error.code, error.detail]).toEqual([
      'BudgetExceeded',
      expect.stringMatching(/the GGUF header declares 2000 tensors; the budget is 1000/)
    ])
  })
})

describe('per-run budgets', () => {
  it('tensors over a run count what is held: the baseline for the whole run, an artifact until it is judged', async () => {
    const paths = [0, 1, 2].map((i) =>
      bomb('many-tensors.safetensors', 600 / 1_500_000, `run-${i}.safetensors`)
    )
    const gate = (budget: ReadBudget) =>
      runGate({
        artifacts: paths,
        baseline: paths[0]!,
        policy: makePolicy({ threshold: 0 }),
        cwd: dir,
        read: (location, options) => readCheckpoint(location, options),
        budget,
        reportDir: join(dir, 'report'),
        names: { baseline: '--baseline', reportDir: '--mapping-dir' }
      })
    // the baseline's 600 and one artifact's 600 at a time fit in 1,500: every artifact is read and judged, and
    // each one's tensors are given back once it is
    const roomy = new ReadBudget({ maxTensorsPerRun: 1500 })
    const passed = await gate(roomy)
    expect(passed.report.artifacts.map((a) => a.status)).toEqual(['pass', 'pass', 'pass'])
    expect(roomy.tensors).toBe(600)
    // in 1,000, no artifact fits beside the baseline: each is an error row, the report is still written
    const tight = new ReadBudget({ maxTensorsPerRun: 1000 })
    const run = await gate(tight)
    expect(run.report.artifacts.map((a) => a.status)).toEqual(['error', 'error', 'error'])
    const failed = run.report.artifacts[1]!
    expect(failed.error).toMatchObject({ code: 'BudgetExceeded' })
    expect(failed.error!.message).toMatch(/run's budget of 1000 tensors/)
    expect(failed.error!.message).toContain(paths[1]!)
    expect(tight.tensors).toBe(600)
    expect(existsSync(run.written!.reportPath)).toBe(true)
    expect(JSON.parse(readFileSync(run.written!.reportPath, 'utf8')).artifacts).toHaveLength(3)
  })

  it('inflated bytes over a run: each bomb within the per-file budget, the run budget stops the later ones', async () => {
    const paths = [0, 1, 2, 3].map((i) => bomb('zip-bomb-data-pkl.pt', 1 / 1024, `bomb-${i}.pt`)) // 1 MiB each
    const budget = new ReadBudget({ maxInflatedBytesPerRun: 2.5 * 1024 * 1024 })
    const codes: string[] = []
    for (const p of paths) {
      codes.push(
        await readCheckpoint(p, { budget }).then(
          () => 'read',
          (e: CheckpointError) => e.code
        )
      )
    }
    // zeros are not a pickle: the first two inflate and fail to parse, the next ones are never inflated
    expect(codes).toEqual(['InvalidPickle', 'InvalidPickle', 'BudgetExceeded', 'BudgetExceeded'])
    expect(budget.inflatedBytes).toBe(2 * 1024 * 1024)
  })

  it('a pickle stream that would be cheap per pickle but not in total is bounded per file', async () => {
    // 20,000 tiny pickles, each building a 1,000-item list
    const one = new PickleWriter().proto(2).op(P.EMPTY_LIST).op(P.MARK)
    for (let i = 0; i < 1000; i++) one.op(P.NONE)
    const bytes = one.op(P.APPENDS).stop().bytes()
    const stream = new Uint8Array(bytes.length * 20_000)
    for (let i = 0; i < 20_000; i++) stream.set(bytes, i * bytes.length)
    const path = join(dir, 'stream.pkl')
    writeFileSync(path, stream)
    const { error } = await failure(path, { maxPickleBytesPerFile: 32 * 1024 * 1024 })
    expect([error.code, error.detail]).toEqual(['BudgetExceeded', expect.stringMatching(/pickle memory/)])
  })
})
