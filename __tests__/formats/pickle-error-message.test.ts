/**
 * A pickle that does not read (no state dict, a broken opcode) is still a security finding when it imports a
 * dangerous global: the error message (all the CLI and the gate show of an unreadable file) must name it.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { PickleError } from '../../src/formats/torch/pickle/scan.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'
import { torchZipBytes } from '../../fixtures/torch-files.js'

const dir = mkdtempSync(join(tmpdir(), 'mc-pickle-error-'))

async function failure(name: string, dataPkl: Uint8Array): Promise<CheckpointError> {
  const path = join(dir, name)
  writeFileSync(path, torchZipBytes({ tensors: [], dataPkl }))
  try {
    await readCheckpoint(path)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

/** `module.name(arg)` called at the top level: the classic payload, which leaves no state dict behind. */
function payload(calls: Array<[string, string]>): Uint8Array {
  const w = new PickleWriter().proto(2)
  for (const [module, name] of calls) w.global(module, name).str('x').tuple(1).op(P.REDUCE).op(P.POP)
  return w.op(P.NONE).stop().bytes()
}

describe('unreadable pickles name their dangerous globals', () => {
  it('NoStateDict: the message says what the pickle imports, and that nothing ran', async () => {
    const e = await failure('evil.pt', payload([['os', 'system']]))
    expect(e.code).toBe('NoStateDict')
    expect(e.message).toBe(
      `${join(dir, 'evil.pt')}: NoStateDict: the pickled object holds no tensors (no state dict found); ` +
        'the pickle imports dangerous globals (nothing was executed): os.system'
    )
  })

  it('a broken pickle names the globals imported before the break', async () => {
    const broken = new PickleWriter().proto(2).global('subprocess', 'Popen').raw(0xfe).bytes()
    const e = await failure('broken.pt', broken)
    expect(e.code).toBe('InvalidPickle')
    expect(e.message).toMatch(
      /unknown opcode 0xfe.*dangerous globals \(nothing was executed\): subprocess\.Popen$/
    )
  })

  it('allowed globals add nothing; many dangerous ones are cut with a count, each named once', async () => {
    const plain = await failure('plain.pt', payload([['collections', 'OrderedDict']]))
    expect(plain.message).not.toMatch(/dangerous/)
    const many = await failure(
      'many.pt',
      payload([
        ['os', 'system'],
        ['os', 'system'],
        ['builtins', 'eval'],
        ['builtins', 'exec'],
        ['subprocess', 'Popen'],
        ['subprocess', 'call'],
        ['posix', 'system'],
        ['nt', 'system']
      ])
    )
    const note = many.message.slice(many.message.indexOf('(nothing was executed): '))
    expect(note.match(/os\.system/g)).toHaveLength(1)
    expect(note).toMatch(/ and \d+ more$/)
  })

  it('re-wrapping an error keeps one note listing every global', () => {
    const g = (module: string, name: string) => ({
      module,
      name,
      tier: 'dangerous' as const,
      where: 'archive/data.pkl',
      count: 1
    })
    const first = new PickleError('InvalidPickle', 'f.pt', 'bad opcode', { globals: [g('os', 'system')] })
    const again = PickleError.withGlobals(first, [g('builtins', 'eval')])
    expect(again.detail).toBe(
      'bad opcode; the pickle imports dangerous globals (nothing was executed): builtins.eval, os.system'
    )
  })
})
