import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  expectManifestTensors,
  gnuTimeAvailable,
  judge,
  measurePaired,
  median,
  nodeBinaryPath,
  runNode,
  setNodeBinary,
  spread,
  type Measurement
} from '../../bench/lib.js'

const m = (wall: number, rssMB: number): Measurement => ({
  samples: [],
  medianWallMs: wall,
  minWallMs: wall,
  medianRssMB: rssMB,
  maxRssMB: rssMB
})

describe('bench harness', () => {
  it('reports a child process peak RSS through the preload hook', async () => {
    const idle = await runNode(['-e', '0'])
    // Touch 200 MB so the pages are resident, then free them: the high-water mark must still see them.
    const big = await runNode(['-e', 'let b = Buffer.alloc(200e6, 1); b = null; globalThis.gc?.()'])
    expect([idle.code, big.code]).toEqual([0, 0])
    expect(idle.maxRssKB).toBeGreaterThan(5_000)
    expect(idle.maxRssKB).toBeLessThan(120_000)
    expect(big.maxRssKB - idle.maxRssKB).toBeGreaterThan(150_000)
    expect(idle.wallMs).toBeGreaterThan(0)
  })

  it('runs the measured process under the node binary it is given (--node)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-node-'))
    const wrapper = join(dir, 'node')
    // A stand-in binary that marks its output, then runs the real node with the same arguments.
    writeFileSync(wrapper, `#!/bin/sh\necho via-wrapper\nexec "${process.execPath}" "$@"\n`)
    chmodSync(wrapper, 0o755)
    const before = nodeBinaryPath()
    try {
      setNodeBinary(wrapper)
      const r = await runNode(['-e', 'console.log("ran")'])
      expect([r.code, r.stdout]).toEqual([0, 'via-wrapper\nran\n'])
      expect(r.maxRssKB).toBeGreaterThan(0)
    } finally {
      setNodeBinary(before)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('passes the exit code and output through', async () => {
    const r = await runNode(['-e', 'console.log("hi"); process.exitCode = 3'])
    expect([r.code, r.stdout]).toEqual([3, 'hi\n'])
  })

  it('judges against limits', () => {
    const base = m(100, 40)
    expect(judge(m(150, 60), base, { maxWallRatio: 2, maxRssMB: 100 })).toEqual({
      pass: true,
      details: ['wall 1.50x <= 2x', 'RSS 60.0 MB < 100 MB']
    })
    expect(judge(m(201, 60), base, { maxWallRatio: 2 }).pass).toBe(false)
    expect(judge(m(100, 100), base, { maxRssMB: 100 }).pass).toBe(false)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('checks analyze --json output', () => {
    const doc = JSON.stringify({ tensors: { a: {}, b: {} } })
    expect(() => expectManifestTensors(2)(doc)).not.toThrow()
    expect(() => expectManifestTensors(3)(doc)).toThrow('listed 2 tensors; expected 3')
    expect(() => expectManifestTensors(2)('not json')).toThrow()
  })
})

describe('bench harness in a large parent', () => {
  it("reports the child's own peak, not the parent's inherited one", async () => {
    // Grow this process well past a small child's footprint; ru_maxrss of a forked child would inherit it.
    const ballast = Buffer.alloc(250e6, 1)
    const idle = await runNode(['-e', '0'])
    expect(ballast[0]).toBe(1)
    expect(idle.maxRssKB).toBeLessThan(120_000)
  })
})

describe('timed runs', () => {
  it('start as a user starts the command: under GNU time where it is, each with its own peak RSS', async () => {
    const starts: string[] = []
    const ballast = Buffer.alloc(250e6, 1) // a child must not report this parent's peak
    const probe = ['-e', "console.log(process.execArgv.includes('--import'))"]
    const { baseline, measured } = await measurePaired(
      { command: ['sh', '-c', 'exit 0'] },
      probe,
      2,
      (stdout) => void starts.push(stdout.trim())
    )
    const paired = await measurePaired(['-e', '0'], probe, 1, (stdout) => void starts.push(stdout.trim()))
    expect(ballast[0]).toBe(1)
    for (const s of [...measured.samples, ...paired.measured.samples, ...paired.baseline.samples]) {
      expect(s.maxRssKB).toBeGreaterThan(5_000)
      expect(s.maxRssKB).toBeLessThan(120_000)
    }
    if (gnuTimeAvailable()) {
      // no `--import` of the RSS hook, whose start-up a user's run does not pay
      expect(new Set(starts)).toEqual(new Set(['false']))
      for (const s of baseline.samples) expect(s.maxRssKB).toBeLessThan(20_000)
    } else {
      expect(new Set(starts)).toEqual(new Set(['true']))
    }
  })
})

describe('scattered runs', () => {
  const runs = (...walls: number[]): Measurement => ({
    ...m(median(walls), 50),
    samples: walls.map((wallMs) => ({ wallMs, maxRssKB: 50_000 }))
  })

  it('are noted beside the verdict, with both sides when both scattered, and judged by their medians', () => {
    const v = judge(runs(626, 775, 802, 905, 1595), runs(258, 265, 295, 302, 1180), { maxWallRatio: 2 })
    expect(v.pass).toBe(false)
    expect(v.details).toEqual(['wall 2.72x > 2x', 'scattered: runs 626-1,595 ms, baseline 258-1,180 ms'])
  })

  it('are not noted while the slowest run is within 1.5 times the fastest', () => {
    expect(spread(runs(100, 120, 150), 'runs')).toBeUndefined()
    expect(spread(runs(100, 151), 'runs')).toBe('runs 100-151 ms')
    expect(judge(runs(100, 120, 150), runs(80, 90, 100), { maxWallRatio: 2 }).details).toEqual([
      'wall 1.33x <= 2x'
    ])
  })

  it('need two runs to scatter', () => {
    expect(spread(runs(100), 'runs')).toBeUndefined()
    expect(spread(m(100, 50), 'runs')).toBeUndefined()
  })
})
