import type { CommandSpec, ParsedArgs } from './args.js'
import { outputChannel } from './stdio.js'

/** What a command may touch of the outside world; tests pass a fake. */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  /** Colour is used only when stdout is a TTY and NO_COLOR is unset (https://no-color.org). */
  color: boolean
  /** The terminal's width when stdout is one (display.ts decides the width with COLUMNS and --wide). */
  columns?: number
  env: Record<string, string | undefined>
  cwd: string
}

/** The real process's IO, and whether all its output is out (see `start`). */
export interface ProcessIO extends CliIO {
  /** True when everything written to stdout and stderr went out synchronously: nothing is left in flight. */
  outputWritten(): boolean
}

export function processIO(): ProcessIO {
  const env = process.env
  // A reader that stops early (`model-compat ... | head`) closes the pipe: stop quietly, as other command-line
  // tools do, instead of dying on an unhandled EPIPE with a stack trace.
  const brokenPipe = (): never => process.exit(process.exitCode ?? 0)
  const stdout = outputChannel(1, () => quietOnBrokenPipe(process.stdout, brokenPipe), brokenPipe)
  const stderr = outputChannel(2, () => process.stderr, brokenPipe)
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== ''
  return {
    stdout: (t) => stdout.write(t),
    stderr: (t) => stderr.write(t),
    color: stdout.isTTY && !noColor && env.TERM !== 'dumb',
    ...(stdout.columns ? { columns: stdout.columns } : {}),
    env,
    cwd: process.cwd(),
    outputWritten: () => stdout.written() && stderr.written()
  }
}

function quietOnBrokenPipe(stream: NodeJS.WriteStream, brokenPipe: () => never): NodeJS.WriteStream {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
    brokenPipe()
  })
  return stream
}

/**
 * A CLI command: its spec (options, help) and its body. Bodies parse, call the core, print, and return 0; every
 * other ending is an error of the family in formats/errors.ts, whose class carries the exit status.
 */
export interface Command {
  spec: CommandSpec
  run(args: ParsedArgs, io: CliIO): Promise<number>
}
