import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MAX_TRIES,
  disturbedNote,
  reportedKiB,
  undisturbedRun,
  type DisturbedRuns
} from '../../bench/host-reporting.js'
import { judge, type Measurement } from '../../bench/lib.js'

/** A counter that moves by `moves[i]` during try i (0: the host took nothing back during that run). */
function counter(moves: number[]): { read: () => bigint; run: () => Promise<number> } {
  let value = 1000n
  let tries = 0
  return {
    read: () => value,
    run: async () => {
      value += BigInt(moves[tries] ?? 0)
      return tries++
    }
  }
}

describe('runs disturbed by the VM host', () => {
  it('are made again until one is not, and counted', async () => {
    const c = counter([512, 2048, 0, 0])
    const tally: DisturbedRuns = { discarded: 0, kept: 0 }
    expect(await undisturbedRun(c.run, tally, c.read)).toBe(2)
    expect(tally).toEqual({ discarded: 2, kept: 0 })
    expect(await undisturbedRun(c.run, tally, c.read)).toBe(3) // a quiet first try is kept at once
    expect(tally).toEqual({ discarded: 2, kept: 0 })
  })

  it(`are kept after ${MAX_TRIES} tries, so a busy host cannot stall the bench`, async () => {
    const c = counter(Array<number>(10).fill(64))
    const tally: DisturbedRuns = { discarded: 0, kept: 0 }
    expect(await undisturbedRun(c.run, tally, c.read)).toBe(MAX_TRIES - 1)
    expect(tally).toEqual({ discarded: MAX_TRIES - 1, kept: 1 })
  })

  it('are not looked for where the kernel has no count', async () => {
    let runs = 0
    const tally: DisturbedRuns = { discarded: 0, kept: 0 }
    await undisturbedRun(
      async () => runs++,
      tally,
      () => undefined
    )
    expect([runs, tally]).toEqual([1, { discarded: 0, kept: 0 }])
  })

  it('reads the count from the kernel file, and nothing from a missing or odd one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-reported-'))
    try {
      const file = join(dir, 'reported_kib')
      writeFileSync(file, '469427840\n')
      expect(reportedKiB(file)).toBe(469427840n)
      writeFileSync(file, 'N\n')
      expect(reportedKiB(file)).toBeUndefined()
      expect(reportedKiB(join(dir, 'absent'))).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('are noted beside the verdict, per side, and not when none was', () => {
    const m = (wall: number, disturbed?: DisturbedRuns): Measurement => ({
      samples: [],
      medianWallMs: wall,
      minWallMs: wall,
      medianRssMB: 50,
      maxRssMB: 50,
      ...(disturbed && { disturbed })
    })
    const v = judge(m(200, { discarded: 3, kept: 1 }), m(100, { discarded: 1, kept: 0 }), {
      maxWallRatio: 2.5
    })
    expect(v.details).toContain(
      `host-disturbed: runs: 3 runs set aside, 1 kept after ${MAX_TRIES} tries, baseline: 1 run set aside`
    )
    expect(judge(m(200, { discarded: 0, kept: 0 }), m(100), { maxWallRatio: 2.5 }).details).toEqual([
      'wall 2.00x <= 2.5x'
    ])
    expect(disturbedNote('runs', undefined)).toBeUndefined()
  })
})
