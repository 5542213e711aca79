/**
 * Commands are loaded on demand (src/cli/main.ts), so the top-level help lists names and summaries kept in the
 * registry: they must be those of the commands' own specs.
 */
import { describe, expect, it } from '@jest/globals'
import { COMMANDS, main } from '../../src/cli/main.js'
import { fakeIO as captureIO } from '../../__fixtures__/cli-io.js'

describe('command registry', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: name and summary match its spec',
    async (_n, entry) => {
      const command = await entry.load()
      expect(command.spec.name).toBe(entry.name)
      expect(command.spec.summary).toBe(entry.summary)
    }
  )

  it('lists every command in the top-level help, and loads a command for its own help', async () => {
    const io = captureIO()
    expect(await main(['--help'], io)).toBe(0)
    for (const c of COMMANDS) expect(io.out).toContain(`  ${c.name}`)
    const help = captureIO()
    expect(await main(['help', 'lora'], help)).toBe(0)
    expect(help.out).toContain('Usage: model-compat lora')
  })
})
