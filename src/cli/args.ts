/**
 * A small argument parser for the CLI. node:util parseArgs cannot take several values after one flag
 * (`--names "Wan2.1" "LongCat"`), which is the habit of the analysis scripts our users come from (argparse
 * nargs='+'), so flags here may be greedy: they take every following word up to the next flag.
 */
import { UsageError } from '../formats/errors.js'

/** Bad usage: exit 2 with the message and a pointer to `--help` (the class is the error family's). */
export { UsageError }
import { didYouMean } from './suggest.js'

export type OptionKind =
  /** `--json` */
  | 'boolean'
  /** `--mapping out.json` or `--mapping=out.json` */
  | 'string'
  /** `--threshold 80` */
  | 'number'
  /** `--names A B ...`: every following word up to the next flag (at least one). Repeatable. */
  | 'list'

export interface OptionSpec {
  kind: OptionKind
  /** One-letter alias, without the dash. */
  short?: string
  /** What the help text says after the flag. */
  help: string
  /** Placeholder for the value in the help text. */
  value?: string
}

export interface CommandSpec {
  name: string
  summary: string
  /** Usage line after `model-compat NAME`. */
  usage: string
  options: Record<string, OptionSpec>
  /** Minimum number of positional arguments. */
  minPositionals?: number
  maxPositionals?: number
}

export interface ParsedArgs {
  positionals: string[]
  /** Values by long option name: boolean, string, number or string[] for lists. */
  options: Record<string, boolean | string | number | string[] | undefined>
}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: ParsedArgs['options'] = Object.create(null)
  const positionals: string[] = []
  const byShort = new Map<string, string>()
  for (const [name, o] of Object.entries(spec.options)) if (o.short) byShort.set(o.short, name)

  let i = 0
  let onlyPositionals = false
  /** The last list option that took words greedily, and those words: the usual reason files go missing. */
  let greedy: { name: string; words: string[] } | undefined
  while (i < argv.length) {
    const word = argv[i++]
    if (onlyPositionals || word === '-' || !word.startsWith('-')) {
      positionals.push(word)
      continue
    }
    if (word === '--') {
      onlyPositionals = true
      continue
    }
    let name: string
    let inline: string | undefined
    if (word.startsWith('--')) {
      const eq = word.indexOf('=')
      name = eq >= 0 ? word.slice(2, eq) : word.slice(2)
      inline = eq >= 0 ? word.slice(eq + 1) : undefined
    } else {
      const long = byShort.get(word.slice(1))
      if (!long)
        throw new UsageError(`unknown option ${word} for '${spec.name}'.${suggestOption(word, spec)}`)
      name = long
    }
    const opt = Object.prototype.hasOwnProperty.call(spec.options, name) ? spec.options[name] : undefined
    if (!opt)
      throw new UsageError(`unknown option --${name} for '${spec.name}'.${suggestOption(`--${name}`, spec)}`)

    const takeValue = (): string => {
      if (inline !== undefined) return inline
      if (i >= argv.length || isFlag(argv[i])) throw new UsageError(`--${name} needs a value`)
      return argv[i++]
    }
    switch (opt.kind) {
      case 'boolean':
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`)
        options[name] = true
        break
      case 'string':
        options[name] = takeValue()
        break
      case 'number': {
        const text = takeValue()
        const n = Number(text)
        if (text.trim() === '' || !Number.isFinite(n))
          throw new UsageError(`--${name} needs a number, got '${text}'`)
        options[name] = n
        break
      }
      case 'list': {
        const values = (options[name] as string[] | undefined) ?? []
        if (inline !== undefined) values.push(inline)
        else {
          const from = i
          while (i < argv.length && !isFlag(argv[i])) values.push(argv[i++])
          if (values.length === 0) throw new UsageError(`--${name} needs at least one value`)
          greedy = { name, words: argv.slice(from, i) }
        }
        options[name] = values
        break
      }
    }
  }
  if (spec.minPositionals !== undefined && positionals.length < spec.minPositionals) {
    const hint =
      greedy === undefined
        ? ''
        : ` (--${greedy.name} took every word after it: ${greedy.words.join(' ')}; put the files before --${greedy.name}, or end its values with --)`
    throw new UsageError(`'${spec.name}' needs ${describeCount(spec.minPositionals)}${hint}: ${spec.usage}`)
  }
  if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
    throw new UsageError(`'${spec.name}' takes at most ${describeCount(spec.maxPositionals)}: ${spec.usage}`)
  }
  return { positionals, options }
}

/** ` Did you mean --export?` for `--expot`, from the command's own options. */
function suggestOption(word: string, spec: CommandSpec): string {
  const known = Object.entries(spec.options).flatMap(([name, o]) => [
    `--${name}`,
    ...(o.short ? [`-${o.short}`] : [])
  ])
  return didYouMean(word, known, (s) => s)
}

function isFlag(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !/^-\d/.test(word)
}

function describeCount(n: number): string {
  return n === 1 ? 'one file' : `${n} files`
}

export function formatHelp(spec: CommandSpec): string {
  const lines = [`Usage: model-compat ${spec.name} ${spec.usage}`, '', spec.summary, '', 'Options:']
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`
    return [flag, o.help]
  })
  const width = Math.max(...rows.map((r) => r[0].length))
  for (const [flag, help] of rows) lines.push(`  ${flag.padEnd(width)}  ${help}`)
  return lines.join('\n') + '\n'
}

/** Typed accessors: the parser already checked kinds, these only narrow. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true
}
export function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name]
  return typeof v === 'string' ? v : undefined
}
export function num(args: ParsedArgs, name: string): number | undefined {
  const v = args.options[name]
  return typeof v === 'number' ? v : undefined
}
export function list(args: ParsedArgs, name: string): string[] | undefined {
  const v = args.options[name]
  return Array.isArray(v) ? v : undefined
}
