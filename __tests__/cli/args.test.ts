import { formatHelp, parseArgs, UsageError, type CommandSpec } from '../../src/cli/args.js'

const spec: CommandSpec = {
  name: 'analyze',
  summary: 'test',
  usage: 'FILE...',
  minPositionals: 1,
  options: {
    names: { kind: 'list', help: 'names' },
    json: { kind: 'boolean', help: 'json', short: 'j' },
    mapping: { kind: 'string', help: 'mapping' },
    threshold: { kind: 'number', help: 'threshold' }
  }
}

describe('parseArgs', () => {
  it('takes several values after a list flag, as argparse nargs=+ does', () => {
    const a = parseArgs(spec, ['a.safetensors', 'b.pt', '--names', 'Wan2.1', 'LongCat', '--json'])
    expect(a.positionals).toEqual(['a.safetensors', 'b.pt'])
    expect(a.options.names).toEqual(['Wan2.1', 'LongCat'])
    expect(a.options.json).toBe(true)
  })

  it('accepts --opt=value, short aliases, numbers and -- for positionals', () => {
    const a = parseArgs(spec, ['--mapping=out.json', '-j', '--threshold', '75.5', '--', '--weird-file'])
    expect(a.options.mapping).toBe('out.json')
    expect(a.options.json).toBe(true)
    expect(a.options.threshold).toBe(75.5)
    expect(a.positionals).toEqual(['--weird-file'])
  })

  it('treats a negative number as a value, not a flag', () => {
    expect(parseArgs(spec, ['f', '--threshold', '-5']).options.threshold).toBe(-5)
  })

  it.each([
    [['f', '--nope'], /unknown option --nope/],
    [['f', '-x'], /unknown option -x/],
    [['f', '--mapping'], /--mapping needs a value/],
    [['f', '--threshold', 'abc'], /needs a number/],
    [['f', '--names'], /at least one value/],
    [['f', '--json=1'], /takes no value/],
    [[], /needs one file/]
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(spec, argv)).toThrow(UsageError)
    expect(() => parseArgs(spec, argv)).toThrow(message)
  })

  it('says so when a list flag took the files, and -- ends its values', () => {
    expect(() => parseArgs(spec, ['--names', 'Wan', 'LongCat', 'a.pt'])).toThrow(
      /needs one file \(--names took every word after it: Wan LongCat a\.pt; put the files before --names, or end its values with --\)/
    )
    const a = parseArgs(spec, ['--names', 'Wan', '--', 'a.pt'])
    expect(a.options.names).toEqual(['Wan'])
    expect(a.positionals).toEqual(['a.pt'])
  })

  it('does not let option names reach the prototype', () => {
    expect(() => parseArgs(spec, ['f', '--__proto__', 'x'])).toThrow(/unknown option/)
    expect(() => parseArgs(spec, ['f', '--toString'])).toThrow(/unknown option/)
  })

  it('lists every option in the help text', () => {
    const help = formatHelp(spec)
    for (const name of Object.keys(spec.options)) expect(help).toContain(`--${name}`)
    expect(help).toContain('-j, --json')
  })
})
