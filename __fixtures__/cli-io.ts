/**
 * The CLI's outside world for tests: a `CliIO` that keeps what a command prints, and `runCli`, which runs the
 * real dispatcher (src/cli/main.ts: argument parsing, the command, the error family's exit statuses and stderr
 * wording) in-process.
 */
import type { CliIO } from '../src/cli/io.js'
import { main } from '../src/cli/main.js'

export interface CapturedIO extends CliIO {
  /** Everything written to stdout / stderr so far. */
  out: string
  err: string
}

export interface FakeIOOptions {
  color?: boolean
  /** Environment the command sees; nothing from the test process leaks in (no HF_TOKEN, no XDG_CACHE_HOME). */
  env?: Record<string, string | undefined>
  cwd?: string
}

export function fakeIO(opts: FakeIOOptions = {}): CapturedIO {
  const io: CapturedIO = {
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    color: opts.color ?? false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd()
  }
  return io
}

export interface CliRun {
  code: number
  out: string
  err: string
}

/** `model-compat ...argv` in-process: exit status, stdout and stderr. */
export async function runCli(argv: readonly string[], opts: FakeIOOptions = {}): Promise<CliRun> {
  const io = fakeIO(opts)
  const code = await main(argv, io)
  return { code, out: io.out, err: io.err }
}
