/**
 * The CLI dispatcher: picks the command, parses its arguments, runs it, and ends every error the one way the
 * error family says (src/formats/errors.ts): its message on stderr, made printable, and its class's exit status.
 */
import { formatHelp, parseArgs } from './args.js'
import type { CliIO, Command } from './io.js'
import { EXIT, toModelCompatError, UsageError, type ModelCompatError } from '../formats/errors.js'
import { printable } from '../util/text.js'
import { TOOL } from '../version.js'
import { didYouMean } from './suggest.js'

/**
 * A command's name and summary (for the top-level help), and how to load it. Commands are loaded on demand, each
 * with only the code it needs (the bundle splits them into chunks): a run of `analyze` does not compile or
 * evaluate the gate, the comparison or the HTTP client. Whole-process time is what the performance targets
 * measure, and module loading is a large part of it. The summaries must match the specs (tested).
 */
export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Command>
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'analyze',
    summary:
      'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
    load: async () => (await import('./commands/analyze.js')).analyzeCommand
  },
  {
    name: 'compare',
    summary: 'Compare two models: key overlap, shapes, flags, a verdict, and a proposed key mapping.',
    load: async () => (await import('./commands/compare.js')).compareCommand
  },
  {
    name: 'lora',
    summary:
      'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
    load: async () => (await import('./commands/lora.js')).loraCommand
  },
  {
    name: 'gate',
    summary: 'Gate checkpoints or LoRAs against a baseline: overlap or loadable %, flags, pass or fail.',
    load: async () => (await import('./commands/gate.js')).gateCommand
  },
  {
    name: 'convert',
    summary:
      'Rewrite a LoRA for a base: another key convention, or fused/separate attention layouts, exactly.',
    load: async () => (await import('./commands/convert.js')).convertCommand
  }
]

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `${TOOL.name} ${TOOL.version}: header-only compatibility checks for model checkpoints and LoRAs`,
    '',
    'Usage: model-compat <command> [options] FILE...',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'model-compat <command> --help' for a command's options.",
    'Exit status: 0 ok, 1 the gate failed, 2 bad input or usage, 70 an internal error (a bug: please report it).',
    ''
  ].join('\n')
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined
    io.stdout(target ? formatHelp((await target.load()).spec) : topHelp())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${TOOL.version}\n`)
    return EXIT.ok
  }
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    const names = COMMANDS.map((c) => c.name)
    io.stderr(
      `model-compat: unknown command '${printable(name)}'.${didYouMean(name, names)} Commands: ${names.join(', ')}
`
    )
    return EXIT.usage
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(formatHelp(command.spec))
    return EXIT.ok
  }
  try {
    return await command.run(parseArgs(command.spec, rest), io)
  } catch (e) {
    const error = toModelCompatError(e)
    io.stderr(errorText(name, error))
    return error.exitCode
  }
}

/**
 * What stderr says about an error: `model-compat NAME: message`, each line printable (a name from a file never
 * writes a control character, nor starts a line a CI log would obey); a pointer to --help for usage errors, and
 * the stack for internal errors, which are bugs of this tool, not bad input.
 */
export function errorText(name: string, error: ModelCompatError): string {
  const lines = error.lines.map(printable)
  let text = `model-compat ${name}: ${error.exitCode === EXIT.internal ? 'internal error: ' : ''}${lines.join('\n')}\n`
  if (error instanceof UsageError) text += `Run 'model-compat ${name} --help' for usage.\n`
  if (error.exitCode === EXIT.internal) {
    const cause = (error as { cause?: unknown }).cause
    const stack = cause instanceof Error ? cause.stack : error.stack
    // The frames only: the first line of a stack is the message, already printed.
    if (stack !== undefined) text += stack.split('\n').slice(1).map(printable).join('\n') + '\n'
  }
  return text
}
