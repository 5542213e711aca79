/** The `gate` CLI command body on generated files: exit codes, stdout, the summary and report files. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, UsageError } from '../../src/cli/args.js'
import type { CliIO } from '../../src/cli/io.js'
import { gateCommand } from '../../src/cli/commands/gate.js'
import { generateExamples } from '../../scripts/gen-examples.js'

const dir = mkdtempSync(join(tmpdir(), 'mc-cli-gate-'))
generateExamples(dir)
const baseline = join(dir, 'baseline', 'wan-t2v-like.manifest.json')
const art = (name: string) => join(dir, 'artifacts', name)

async function gate(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    color: false,
    env: {},
    cwd: dir
  }
  const code = await gateCommand.run(parseArgs(gateCommand.spec, argv), io)
  return { code, out, err }
}

describe('model-compat gate', () => {
  it('exits 0 and prints the Markdown when every artifact passes', async () => {
    const r = await gate([
      '--baseline',
      baseline,
      art('wan-lora-fits.safetensors'),
      art('wan-lora-diffusers-naming.safetensors')
    ])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^## ✅ Compatibility gate passed/)
    expect(r.err).toBe('')
  })

  it('exits 1 on a gate failure, writes the summary and the report folder, prints one line per artifact', async () => {
    const out = join(dir, 'out')
    const r = await gate([
      '-b',
      baseline,
      '--summary',
      join(out, 's.md'),
      '--mapping-dir',
      out,
      'artifacts/*.safetensors'
    ])
    expect(r.code).toBe(1)
    expect(r.out.split('\n').filter((l) => /^(PASS|FAIL) /.test(l))).toEqual([
      'FAIL  artifacts/longcat-like.safetensors  mapped 0.0%',
      'PASS  artifacts/wan-lora-diffusers-naming.safetensors  loadable 100.0%',
      'PASS  artifacts/wan-lora-fits.safetensors  loadable 100.0%',
      'FAIL  artifacts/wan-lora-other-size.safetensors  loadable 0.0%'
    ])
    expect(r.err).toContain(
      'artifacts/wan-lora-other-size.safetensors: loadable 0.0% is under the 80% threshold'
    )
    expect(readFileSync(join(out, 's.md'), 'utf8')).toMatch(/^## ❌ Compatibility gate failed/)
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
    expect(report.policy).toEqual({ threshold: 0, metric: 'exact', failOn: [] })
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
    await expect(gate([art('wan-lora-fits.safetensors')])).rejects.toThrow(
      new UsageError('--baseline is required')
    )
    await expect(gate(['--baseline', baseline, '--metric', 'best', art('x')])).rejects.toThrow(
      "Invalid input '--metric'"
    )
    await expect(gate(['--baseline', baseline, '--threshold', '101', art('x')])).rejects.toThrow(
      "Invalid input '--threshold'"
    )
    await expect(gate(['--baseline', baseline, '--fail-on', 'all', art('x')])).rejects.toThrow(
      "Invalid input '--fail-on'"
    )
    await expect(gate(['--baseline', baseline, 'nothing/*.safetensors'])).rejects.toThrow(
      "pattern 'nothing/*.safetensors' matched no files"
    )
    await expect(
      gate(['--baseline', join(dir, 'missing.json'), art('wan-lora-fits.safetensors')])
    ).rejects.toThrow(/missing\.json: FileNotFound/)
  })
})
