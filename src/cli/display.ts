/**
 * How wide the CLI's console output may be: `--wide` for no limit, else COLUMNS, else the terminal's width, else
 * 100 columns (a pipe, a file, a CI log). The renderers fit their output to it (src/report/layout.ts).
 */
import { flag, type OptionSpec, type ParsedArgs } from './args.js'
import type { CliIO } from './io.js'
import { DEFAULT_WIDTH, MIN_WIDTH } from '../report/layout.js'

export const DISPLAY_OPTIONS: Record<string, OptionSpec> = {
  wide: {
    kind: 'boolean',
    help: 'do not fit the output to the terminal width (whole names, full tables)'
  }
}

/** COLUMNS when it is a positive whole number, else the terminal's columns, else DEFAULT_WIDTH. */
export function terminalWidth(env: Record<string, string | undefined>, columns?: number): number {
  const fromEnv = /^\d{1,5}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0
  const width = fromEnv > 0 ? fromEnv : columns !== undefined && columns > 0 ? columns : DEFAULT_WIDTH
  return Math.max(MIN_WIDTH, width)
}

/** The width a command renders for: unlimited with --wide. */
export function outputWidth(args: ParsedArgs, io: CliIO): number {
  return flag(args, 'wide') ? Number.POSITIVE_INFINITY : terminalWidth(io.env, io.columns)
}
