/** The CLI dispatcher: picks the command, parses its arguments, maps errors to exit codes. */
import { formatHelp, parseArgs, UsageError } from './args.js'
import { EXIT_BAD_INPUT, EXIT_OK, type CliIO, type Command } from './io.js'
import { isCheckpointError } from '../formats/errors.js'
import { TOOL } from '../version.js'
import { analyzeCommand } from './commands/analyze.js'
import { compareCommand } from './commands/compare.js'
import { loraCommand } from './commands/lora.js'
import { gateCommand } from './commands/gate.js'

const COMMANDS: Command[] = [analyzeCommand, compareCommand, loraCommand, gateCommand]

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length))
  return [
    `${TOOL.name} ${TOOL.version}: header-only compatibility checks for model checkpoints and LoRAs`,
    '',
    'Usage: model-compat <command> [options] FILE...',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    "Run 'model-compat <command> --help' for a command's options.",
    'Exit status: 0 ok, 1 the gate failed, 2 bad input or usage.',
    ''
  ].join('\n')
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.spec.name === rest[0]) : undefined
    io.stdout(target ? formatHelp(target.spec) : topHelp())
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${TOOL.version}\n`)
    return EXIT_OK
  }
  const command = COMMANDS.find((c) => c.spec.name === name)
  if (!command) {
    io.stderr(`model-compat: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}\n`)
    return EXIT_BAD_INPUT
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(formatHelp(command.spec))
    return EXIT_OK
  }
  try {
    return await command.run(parseArgs(command.spec, rest), io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`model-compat ${name}: ${e.message}\nRun 'model-compat ${name} --help' for usage.\n`)
      return EXIT_BAD_INPUT
    }
    if (isCheckpointError(e)) {
      io.stderr(`model-compat ${name}: ${e.message}\n`)
      return EXIT_BAD_INPUT
    }
    // Anything else is a bug in this tool, not bad input: say so, with the stack for the report.
    io.stderr(`model-compat ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return 70
  }
}
