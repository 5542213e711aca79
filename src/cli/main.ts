/** The CLI dispatcher: picks the command, parses its arguments, maps errors to exit codes. */
import { formatHelp, parseArgs, UsageError } from './args.js'
import { EXIT_BAD_INPUT, EXIT_OK, type CliIO, type Command } from './io.js'
import { isCheckpointError } from '../formats/errors.js'
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
    'Exit status: 0 ok, 1 the gate failed, 2 bad input or usage.',
    ''
  ].join('\n')
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined
    io.stdout(target ? formatHelp((await target.load()).spec) : topHelp())
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${TOOL.version}\n`)
    return EXIT_OK
  }
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    const names = COMMANDS.map((c) => c.name)
    io.stderr(
      `model-compat: unknown command '${name}'.${didYouMean(name, names)} Commands: ${names.join(', ')}\n`
    )
    return EXIT_BAD_INPUT
  }
  const command = await entry.load()
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
    const problem = fileSystemError(e)
    if (problem) {
      // Outputs (--export, --mapping, --summary, --mapping-dir, -o) that cannot be written are bad usage, not a bug.
      io.stderr(`model-compat ${name}: ${problem}\n`)
      return EXIT_BAD_INPUT
    }
    // Anything else is a bug in this tool, not bad input: say so, with the stack for the report.
    io.stderr(
      `model-compat ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    )
    return 70
  }
}

const FS_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'already exists and is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'file name too long'
})

/** A Node file-system error (it carries `code` and `path`) as "PATH: what is wrong", or undefined. */
function fileSystemError(e: unknown): string | undefined {
  const { code, path } = (e ?? {}) as { code?: unknown; path?: unknown }
  if (typeof code !== 'string' || typeof path !== 'string' || !Object.hasOwn(FS_ERRORS, code))
    return undefined
  return `cannot write ${path}: ${FS_ERRORS[code]} (${code})`
}
