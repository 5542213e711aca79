/**
 * Every command reads remote locations the same way (issue 6), and an output path that cannot be written is bad
 * usage (exit 2 naming the path), not an internal error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { generateExamples } from '../../scripts/gen-examples.js'
import { TestHttpServer } from '../../fixtures/http-server.js'

const cli = (cwd: string, ...argv: string[]) => runCli(argv, { cwd, env: { HOME: cwd } })

// Made at load time: the it.each tables below are built before any hook runs.
const dir = mkdtempSync(join(tmpdir(), 'mc-cli-out-'))
let server: TestHttpServer
const ex = (p: string) => join(dir, p)

beforeAll(async () => {
  generateExamples(dir)
  server = await TestHttpServer.start()
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('outputs that cannot be written', () => {
  it.each([
    ['analyze --export DIR', ['analyze', ex('artifacts/wan-lora-fits.safetensors'), '--export', dir]],
    [
      'compare --mapping DIR',
      [
        'compare',
        ex('artifacts/longcat-like.safetensors'),
        ex('baseline/wan-t2v-like.manifest.json'),
        '--mapping',
        dir
      ]
    ],
    [
      'gate --summary DIR',
      [
        'gate',
        '--baseline',
        'baseline/wan-t2v-like.manifest.json',
        '--summary',
        '.',
        'artifacts/wan-lora-fits.safetensors'
      ]
    ],
    [
      'gate --mapping-dir FILE',
      [
        'gate',
        '--baseline',
        'baseline/wan-t2v-like.manifest.json',
        '--mapping-dir',
        'README.md',
        'artifacts/wan-lora-fits.safetensors'
      ]
    ]
  ])('%s exits 2 naming the path', async (_what, argv: string[]) => {
    writeFileSync(ex('README.md'), 'x')
    const r = await cli(dir, ...argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/cannot write .*: /)
    expect(r.err).not.toContain('internal error')
  })
})

describe('gate --threshold', () => {
  it('parses like the action input: a percent sign is fine, hex and exponents are not', async () => {
    const base = [
      'gate',
      '--baseline',
      'baseline/wan-t2v-like.manifest.json',
      'artifacts/wan-lora-fits.safetensors'
    ]
    expect((await cli(dir, ...base, '--threshold', '80%')).code).toBe(0)
    for (const bad of ['0x50', '1e2', '120', 'abc']) {
      const r = await cli(dir, ...base, '--threshold', bad)
      expect(r.code).toBe(2)
      expect(r.err).toContain('--threshold')
    }
  })
})

describe('remote locations in every command', () => {
  it('compare, lora --base and gate --baseline read http:// locations header-only', async () => {
    const baseUrl = server.serve('/base.manifest.json', ex('baseline/wan-t2v-like.manifest.json'))
    const loraUrl = server.serve('/fits.safetensors', ex('artifacts/wan-lora-fits.safetensors'))
    const opts = ['--no-cache']
    const compare = await cli(dir, 'compare', ex('artifacts/longcat-like.safetensors'), baseUrl, ...opts)
    expect(compare.err).toBe('')
    expect(compare.code).toBe(0)
    const lora = await cli(dir, 'lora', loraUrl, '--base', baseUrl, '--json', ...opts)
    expect(lora.code).toBe(0)
    const resolution = JSON.parse(lora.out).loras[0].resolution
    expect(resolution).toMatchObject({ lora: loraUrl, base: baseUrl, loadablePercent: 100 })
    expect(resolution.counts).toEqual({
      ok: 80,
      unresolved: 0,
      'shape-mismatch': 0,
      unsupported: 0,
      'not-checked': 0
    })
    const gate = await cli(dir, 'gate', '--baseline', baseUrl, loraUrl, '--json', ...opts)
    expect(gate.code).toBe(0)
    expect(JSON.parse(gate.out).passed).toBe(true)
    expect(server.log.length).toBeGreaterThan(0)
  })
})
