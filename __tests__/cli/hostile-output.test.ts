/**
 * File names, tensor names and global names come from strangers. Printed raw, a line feed followed by `::error::`
 * or `::add-mask::` becomes a GitHub Actions workflow command when the CLI runs in a workflow step, and an ESC
 * clears or recolours the terminal. Every line the CLI prints about a file is printable: no control character,
 * no line of a file's making.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, type CliRun } from '../../__fixtures__/cli-io.js'
import { generateExamples } from '../../scripts/gen-examples.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/
const INJECTED = '\n::error title=pwned::owned\n::add-mask::x\u001b[2J\u001b]0;title\u0007\r'

let dir: string
let hostileDir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-hostile-out-'))
  generateExamples(dir)
  hostileDir = join(dir, `evil${INJECTED}`)
  mkdirSync(hostileDir)
  // Unreadable files whose names carry the payload: every error message quotes the name.
  writeFileSync(join(hostileDir, `empty${INJECTED}.safetensors`), '')
  writeFileSync(join(hostileDir, `junk${INJECTED}.safetensors`), 'not a checkpoint at all, just text')
  // A readable file whose tensor names carry it.
  writeSafetensorsSync(join(dir, 'names.safetensors'), [
    { name: `blocks.0${INJECTED}.weight`, shape: [4, 4], dtype: 'F16' },
    { name: `::error::${INJECTED}`, shape: [2], dtype: 'F16' }
  ])
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** No control character but the line feeds between lines, and no line that a runner reads as a command. */
function expectInert(r: CliRun): void {
  for (const text of [r.out, r.err]) {
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(CONTROL)
      expect(line.trimStart()).not.toMatch(/^::/)
    }
  }
}

describe('file-derived text on stdout and stderr', () => {
  it('analyze: an unreadable file named with a payload gets a one-line error', async () => {
    const r = await runCli(['analyze', join(hostileDir, `junk${INJECTED}.safetensors`)], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.err.split('\n').filter((l) => l !== '')).toHaveLength(1)
    expect(r.err).toContain('UnknownFormat')
    expectInert(r)
  })

  it('analyze and lora: tensor names with the payload', async () => {
    for (const argv of [
      ['analyze', join(dir, 'names.safetensors')],
      ['analyze', join(dir, 'names.safetensors'), '--json'],
      ['lora', join(dir, 'names.safetensors')]
    ]) {
      const r = await runCli(argv, { cwd: dir })
      expect(r.code).toBe(0)
      if (argv.includes('--json')) {
        // JSON escapes them: the document is data, and still one value.
        expect(JSON.stringify(JSON.parse(r.out))).toContain(JSON.stringify(`::error::${INJECTED}`))
      }
      expectInert(r)
    }
  })

  it('gate: the failure message keeps one line per artifact whatever the names hold', async () => {
    const argv = [
      'gate',
      '--baseline',
      'baseline/wan-t2v-like.manifest.json',
      'evil*/*.safetensors',
      'artifacts/wan-lora-other-size.safetensors'
    ]
    // The console view says what failed on stdout (and not again on stderr): inert too.
    const view = await runCli(argv, { cwd: dir })
    expect(view.code).toBe(2)
    expect(view.err).toBe('')
    expectInert(view)
    // After JSON on stdout, stderr carries the failure message.
    const r = await runCli([...argv, '--json'], { cwd: dir })
    expect(r.code).toBe(2)
    const lines = r.err.trimEnd().split('\n')
    expect(lines[0]).toBe('model-compat gate: Compatibility gate failed for 3 of 3 artifacts:')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain('EmptyFile')
    expectInert(r)
  })

  it('a pattern or unknown command with the payload', async () => {
    expectInert(await runCli(['gate', '--baseline', 'x', `nothing${INJECTED}*.safetensors`], { cwd: dir }))
    expectInert(await runCli([`analyse${INJECTED}`], { cwd: dir }))
  })
})
