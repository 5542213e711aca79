/** The `gate` CLI command body on generated files: exit codes, stdout, the summary and report files. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { generateExamples } from '../../scripts/gen-examples.js'

const dir = mkdtempSync(join(tmpdir(), 'mc-cli-gate-'))
generateExamples(dir)
const baseline = join(dir, 'baseline', 'wan-t2v-like.manifest.json')
const art = (name: string) => join(dir, 'artifacts', name)

const gate = (argv: string[]) => runCli(['gate', ...argv], { cwd: dir })

/** A usage or input error: exit 2, stderr naming the problem, nothing on stdout. */
async function refused(argv: string[], message: string | RegExp): Promise<void> {
  const r = await gate(argv)
  expect(r.code).toBe(2)
  expect(r.out).toBe('')
  if (typeof message === 'string') expect(r.err).toContain(message)
  else expect(r.err).toMatch(message)
}

describe('model-compat gate', () => {
  it('exits 0 and prints the console view when every artifact passes; the Markdown with --markdown', async () => {
    const args = [
      '--baseline',
      baseline,
      art('wan-lora-fits.safetensors'),
      art('wan-lora-diffusers-naming.safetensors')
    ]
    const r = await gate(args)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^✓ PASSED: all 2 artifacts pass \(lowest gated figure 100\.0%, threshold 80%\)\n/)
    expect(r.out).not.toContain('##')
    expect(r.err).toBe('')
    const md = await gate(['--markdown', ...args])
    expect(md.out).toMatch(/^## ✅ Compatibility gate passed/)
    await refused(['--markdown', '--json', ...args], '--json and --markdown exclude each other')
  })

  it('keeps the default view short and names no file it did not write', async () => {
    const summary = join(dir, 'no-dir.md')
    const r = await gate(['-b', baseline, '--summary', summary, 'artifacts/*.safetensors'])
    expect(r.code).toBe(1)
    // The Markdown of the same run is several times longer (per-module tables, coverage, key lists).
    const md = readFileSync(summary, 'utf8')
    expect(r.out.split('\n').length).toBeLessThan(60)
    expect(md.split('\n').length).toBeGreaterThan(3 * r.out.split('\n').length)
    for (const text of [r.out, md]) {
      expect(text).not.toContain('.lora.json')
      expect(text).not.toContain('.mapping.json')
      expect(text).toContain('run with --mapping-dir DIR or --json')
    }
    expect(md).not.toContain('0/0 match')
    expect(md).not.toMatch(/evidence[AB]|layouts[AB]|family[AB]|mediumOrHigh/)
  })

  it('exits 1 on a gate failure, writes the summary and the report folder, prints one row per artifact', async () => {
    const out = join(dir, 'out')
    const r = await gate([
      '-b',
      baseline,
      '--summary',
      join(out, 's.md'),
      '--mapping-dir',
      out,
      '--wide',
      'artifacts/*.safetensors'
    ])
    expect(r.code).toBe(1)
    expect(r.out.split('\n')[0]).toBe(
      '✗ FAILED: 2 of 4 artifacts do not pass (lowest gated figure 0.0%, threshold 80%)'
    )
    // Failures first, then the passes, each in the order given.
    expect(
      r.out
        .split('\n')
        .filter((l) => /^ {2}[✓✗] (PASS|FAIL) /.test(l))
        .map((l) => l.slice(4).split(/ {2,}/).slice(0, 4))
    ).toEqual([
      ['FAIL', 'longcat-like.safetensors', 'checkpoint (safetensors)', 'mapped 0.0%'],
      ['FAIL', 'wan-lora-other-size.safetensors', 'LoRA (kohya)', 'loadable 0.0%'],
      ['PASS', 'wan-lora-diffusers-naming.safetensors', 'LoRA (diffusers)', 'loadable 100.0%'],
      ['PASS', 'wan-lora-fits.safetensors', 'LoRA (kohya)', 'loadable 100.0%']
    ])
    // The folder they share is said once, above the rows.
    expect(r.out.split('\n')[1]).toMatch(/ · artifacts in artifacts\/$/)
    // The console view says what failed: stderr does not say it again.
    expect(r.err).toBe('')
    // After JSON on stdout, stderr carries the failure message: a head line and a line per failing artifact.
    const json = await gate(['-b', baseline, '--json', 'artifacts/*.safetensors'])
    const err = json.err.trimEnd().split('\n')
    expect(err[0]).toBe('model-compat gate: Compatibility gate failed for 2 of 4 artifacts:')
    expect(err[2]).toMatch(
      /^ {2}artifacts\/wan-lora-other-size\.safetensors: loadable 0\.0% < threshold 80% · /
    )
    expect(err).toHaveLength(3)
    const md = readFileSync(join(out, 's.md'), 'utf8')
    expect(md).toMatch(/^## ❌ Compatibility gate failed/)
    // Cut lists name the documents that --mapping-dir wrote.
    expect(md).toContain(
      `The full list is in \`wan-lora-other-size.safetensors.lora.json\`, in the folder ${out}.`
    )
    expect(r.out).toContain(`all are in wan-lora-other-size.safetensors.lora.json, in the folder ${out}`)
    const report = JSON.parse(readFileSync(join(out, 'gate-report.json'), 'utf8'))
    expect(report.passed).toBe(false)
    for (const a of report.artifacts) expect(existsSync(join(out, a.document))).toBe(true)
  })

  it('prints the JSON report with --json and honours threshold, metric and fail-on', async () => {
    const r = await gate([
      '--baseline',
      baseline,
      '--json',
      '--threshold',
      '0',
      '--metric',
      'exact',
      '--fail-on',
      'none',
      art('longcat-like.safetensors')
    ])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    // `--fail-on none` keeps the security floor
    expect(report.policy).toEqual({
      threshold: 0,
      metric: 'exact',
      failOn: ['dangerous-globals', 'unknown-globals']
    })
    expect(report.artifacts[0]).toMatchObject({ metric: 'exact', status: 'pass' })
    const strict = await gate([
      '--baseline',
      baseline,
      '--json',
      '--threshold',
      '0',
      '--fail-on',
      'block-count',
      art('longcat-like.safetensors')
    ])
    expect(strict.code).toBe(1)
    expect(
      JSON.parse(strict.out).artifacts[0].flags.find((f: { id: string }) => f.id === 'block-count').failsGate
    ).toBe(true)
  })

  it('exits 2 when an artifact cannot be read, still reporting the rest', async () => {
    writeFileSync(join(dir, 'empty.safetensors'), '')
    const r = await gate([
      '--baseline',
      baseline,
      '--json',
      join(dir, 'empty.safetensors'),
      art('wan-lora-fits.safetensors')
    ])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.out).artifacts.map((a: { status: string }) => a.status)).toEqual(['error', 'pass'])
    expect(r.err).toContain('EmptyFile')
  })

  it('rejects bad usage with errors naming the flag', async () => {
    await refused([art('wan-lora-fits.safetensors')], 'model-compat gate: --baseline is required\n')
    await refused(['--baseline', baseline, '--metric', 'best', art('x')], "Invalid input '--metric'")
    await refused(['--baseline', baseline, '--threshold', '101', art('x')], "Invalid input '--threshold'")
    await refused(['--baseline', baseline, '--fail-on', 'all', art('x')], "Invalid input '--fail-on'")
    await refused(
      ['--baseline', baseline, 'nothing/*.safetensors'],
      "pattern 'nothing/*.safetensors' matched no files"
    )
    await refused(
      ['--baseline', join(dir, 'missing.json'), art('wan-lora-fits.safetensors')],
      /The baseline could not be read \(--baseline\): .*missing\.json: FileNotFound/
    )
  })
})
