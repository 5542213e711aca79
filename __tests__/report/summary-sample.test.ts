/**
 * The README's summary picture is rendered from docs/images/gate-summary.md, the Markdown of a real gate run on
 * examples/. This test renders the same run with today's code: when it differs from the committed Markdown, the
 * picture is stale; run `npx tsx scripts/render-summary-image.ts` to write both again. The README's console
 * excerpt is held to today's output the same way.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gateCommand } from '../../src/cli/commands/gate.js'
import { parseArgs } from '../../src/cli/args.js'
import type { CliIO } from '../../src/cli/io.js'
import {
  SAMPLE_ARTIFACTS,
  SAMPLE_BASELINE,
  SAMPLE_MARKDOWN,
  sampleGateArgs
} from '../../scripts/summary-sample.js'

describe('the README', () => {
  it("shows the gate's console view as it is today, at 100 columns", async () => {
    let out = ''
    const io: CliIO = {
      stdout: (t) => void (out += t),
      stderr: () => {},
      color: false,
      env: { COLUMNS: '100' },
      cwd: process.cwd()
    }
    const args = ['--baseline', SAMPLE_BASELINE, ...SAMPLE_ARTIFACTS]
    expect(await gateCommand.run(parseArgs(gateCommand.spec, args), io)).toBe(1)
    const start = out.split('\n').slice(0, 12).join('\n')
    expect(readFileSync('README.md', 'utf8')).toContain('```text\n' + start + '\n```')
  })
})

describe('the committed summary sample', () => {
  it('is what the renderer writes for the same run (else run scripts/render-summary-image.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-summary-sample-'))
    try {
      const summary = join(dir, 'summary.md')
      const io: CliIO = { stdout: () => {}, stderr: () => {}, color: false, env: {}, cwd: process.cwd() }
      const [, ...args] = sampleGateArgs(summary)
      expect(await gateCommand.run(parseArgs(gateCommand.spec, args), io)).toBe(1)
      expect(readFileSync(summary, 'utf8')).toBe(readFileSync(SAMPLE_MARKDOWN, 'utf8'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
