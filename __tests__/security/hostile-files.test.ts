/**
 * The hostile files of issue 14 (fixtures/hostile.ts, committed in __fixtures__/hostile/): each is read and gated
 * as the action would gate it, and must end as its class says (dangerous, unknown, passes, or refused with a code
 * and its globals listed). The committed bytes must be what the generators write.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOSTILE_CASES, type HostileExpectation } from '../../fixtures/hostile.js'
import { gateAlone } from '../../scripts/gate-alone.js'

const DIR = '__fixtures__/hostile'
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  HostileExpectation & { class: string }
>

/** Read and gate one file as the action does; the file is its own baseline, so only security decides. */
const gateFile = gateAlone

describe('hostile files of issue 14', () => {
  it('the committed files are what the generators write, and expected.json lists each', () => {
    expect(Object.keys(expected).sort()).toEqual(HOSTILE_CASES.map((c) => c.file).sort())
    for (const c of HOSTILE_CASES) {
      expect(Buffer.from(readFileSync(join(DIR, c.file))).equals(Buffer.from(c.bytes()))).toBe(true)
      expect(expected[c.file]).toEqual({ class: c.class, ...c.expect })
    }
  })

  it.each(HOSTILE_CASES.map((c) => [c.file, c.class] as const))('%s (%s)', async (file) => {
    const want = expected[file]!
    const { input, report, artifact } = await gateFile(join(DIR, file))
    const globals = input.checkpoint?.globals ?? input.error?.globals ?? []
    const ids = artifact.flags.filter((f) => f.failsGate).map((f) => f.id)
    switch (want.outcome) {
      case 'dangerous':
        expect(report.passed).toBe(false)
        expect(ids).toContain('dangerous-globals')
        break
      case 'unknown':
        expect(report.passed).toBe(false)
        expect(ids).toEqual(['unknown-globals'])
        break
      case 'passes':
        expect(input.error).toBeUndefined()
        expect(artifact.flags.filter((f) => f.id.endsWith('-globals'))).toEqual([])
        expect(report.passed).toBe(true)
        break
      case 'error':
        expect(report.passed).toBe(false)
        expect(artifact.status).toBe('error')
        expect(input.error?.code).toBe(want.code)
        break
    }
    const tier = want.outcome === 'unknown' ? 'unknown' : 'dangerous'
    const named = globals.filter((g) => g.tier === tier).map((g) => `${g.module}.${g.name}`)
    for (const g of want.globals ?? []) expect(named).toContain(g)
    if (want.resolvesTo !== undefined) {
      expect(globals.find((g) => `${g.module}.${g.name}` === want.globals![0])?.resolvesTo).toBe(
        want.resolvesTo
      )
    }
    // a refused file lists its dangerous globals in the message it exits with
    if (want.outcome === 'error' && want.globals) {
      for (const g of want.globals) expect(input.error!.message).toContain(g)
    }
  })

  it('an unknown global passes once the user allows its module; a dangerous one never does', async () => {
    const unknown = await gateFile(join(DIR, 'unknown-user-class.pt'), { allowGlobals: ['mytrainer.*'] })
    expect(unknown.report.passed).toBe(true)
    const dangerous = await gateFile(join(DIR, 'gadget-torch-hub-load.pkl'), {
      allowGlobals: ['torch.*', 'torch.hub.load']
    })
    expect(dangerous.report.passed).toBe(false)
    expect(dangerous.artifact.flags.find((f) => f.id === 'dangerous-globals')?.evidence).toMatch(
      /never allows a known-dangerous global/
    )
  })

  const python = ['python3', '/usr/bin/python3'].find((p) => {
    try {
      execFileSync(p, ['-c', 'import pickletools'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  const plain = HOSTILE_CASES.filter((c) => /\.(pkl|bin)$/.test(c.file) && c.file !== 'module-override.pkl')
  ;(python ? it : it.skip)(
    'every plain hostile pickle is a real pickle to Python (disassembled, never run)',
    () => {
      for (const c of plain) {
        // pickletools only decodes opcodes: nothing is imported or called
        const out = execFileSync(python!, [
          '-c',
          'import pickletools, sys, io\n' +
            'data = open(sys.argv[1], "rb").read()\n' +
            'f = io.BytesIO(data)\n' +
            'n = 0\n' +
            'while f.tell() < len(data):\n' +
            '    for op, arg, pos in pickletools.genops(f): pass\n' +
            '    n += 1\n' +
            'print(n)',
          join(DIR, c.file)
        ])
        expect(Number(out.toString().trim())).toBeGreaterThan(0)
      }
    }
  )
})
