/**
 * A file where we meet a pickle but that is not a loadable checkpoint still has its globals reported: the CLI
 * exits 2 with them listed, and the gate's error row carries the dangerous/unknown globals flags.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { CliIO } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'

const DIR = '__fixtures__/hostile'

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    color: false,
    env: { HOME: tmpdir() },
    cwd: process.cwd()
  }
  const code = await main(argv, io)
  return { code, out, err }
}

describe('globals of files that are not checkpoints', () => {
  it.each([
    ['zip-top-level-pickle.zip', 'builtins.exec'],
    ['tar-legacy-pickle-member.tar', 'os.system'],
    ['npz-object-array.npz', 'ssl.get_server_certificate'],
    ['zip-duplicate-data-pkl-after-decoys.pt', 'os.system']
  ])('analyze %s exits 2 naming %s', async (file, global) => {
    const r = await cli('analyze', join(DIR, file))
    expect(r.code).toBe(2)
    expect(r.err).toContain(global)
    expect(r.err).toMatch(/dangerous globals \(nothing was executed\)/)
  })

  it('gate: the error row of such a file fails with the dangerous-globals flag, and exits 2', async () => {
    const baseline = join('__fixtures__', 'torch', 'zip_state_dict.pt')
    const r = await cli('gate', '--baseline', baseline, '--json', join(DIR, 'zip-top-level-pickle.zip'))
    expect(r.code).toBe(2)
    const report = JSON.parse(r.out) as {
      artifacts: Array<{ status: string; flags: Array<{ id: string; failsGate: boolean; evidence: string }> }>
    }
    const row = report.artifacts[0]!
    expect(row.status).toBe('error')
    const flag = row.flags.find((f) => f.id === 'dangerous-globals')
    expect(flag?.failsGate).toBe(true)
    expect(flag?.evidence).toMatch(/builtins\.exec in data\.pkl/)
  })

  it('gate: an unknown global fails by default and passes with --allow-globals', async () => {
    const baseline = join(DIR, 'unknown-user-class.pt')
    const artifact = join(DIR, 'unknown-user-class.pt')
    const failed = await cli('gate', '--baseline', baseline, '--threshold', '0', artifact)
    expect(failed.code).toBe(1)
    expect(failed.out + failed.err).toMatch(/Unknown pickle globals/)
    const allowed = await cli(
      'gate',
      '--baseline',
      baseline,
      '--threshold',
      '0',
      '--allow-globals',
      'mytrainer.*',
      artifact
    )
    expect(allowed.code).toBe(0)
    const refused = await cli('gate', '--baseline', baseline, '--allow-globals', '*', artifact)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/--allow-globals/)
  })
})
