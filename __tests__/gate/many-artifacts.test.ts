/**
 * A release PR can add many files: the gate must read and report thousands of artifacts without running out of
 * time, memory or summary budget. 1,500 small LoRAs (half fitting, half not) against a Wan-like manifest.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { generateExamples } from '../../scripts/gen-examples.js'
import { SUMMARY_LIMIT_BYTES } from '../../src/report/gate-markdown.js'

const COUNT = 1500
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-many-'))
  generateExamples(dir)
  mkdirSync(join(dir, 'many'))
  for (let i = 0; i < COUNT; i++) {
    const source = i % 2 === 0 ? 'wan-lora-fits.safetensors' : 'wan-lora-other-size.safetensors'
    copyFileSync(
      join(dir, 'artifacts', source),
      join(dir, 'many', `lora-${String(i).padStart(4, '0')}.safetensors`)
    )
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('gates 1,500 artifacts in one run: one row each, the summary cut under its limit', async () => {
  const summary = join(dir, 'summary.md')
  const argv = [
    '--baseline',
    join(dir, 'baseline', 'wan-t2v-like.manifest.json'),
    '--summary',
    summary,
    '--json'
  ]
  const { code, out, err } = await runCli(['gate', ...argv, join(dir, 'many', '*.safetensors')], { cwd: dir })
  expect(code).toBe(1)
  const report = JSON.parse(out)
  expect(report.artifacts).toHaveLength(COUNT)
  expect(report.artifacts.filter((a: { status: string }) => a.status === 'pass')).toHaveLength(COUNT / 2)
  const markdown = readFileSync(summary)
  expect(markdown.length).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
  expect(err).toMatch(/failed for 750 of 1500 artifacts/)
  expect(err).toMatch(/and \d+ more artifacts/)
}, 120_000)
