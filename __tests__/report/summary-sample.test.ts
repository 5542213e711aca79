/**
 * The README's summary picture is rendered from docs/images/gate-summary.md, the Markdown of a real gate run on
 * examples/. This test renders the same run with today's code: when it differs from the committed Markdown, the
 * picture is stale; run `npx tsx scripts/render-summary-image.ts` to write both again.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gateCommand } from '../../src/cli/commands/gate.js'
import { parseArgs } from '../../src/cli/args.js'
import type { CliIO } from '../../src/cli/io.js'
import { SAMPLE_MARKDOWN, sampleGateArgs } from '../../scripts/summary-sample.js'

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
