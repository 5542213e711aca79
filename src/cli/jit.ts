import { createRequire } from 'node:module'

/**
 * Commands whose work, once their headers are read, is one pass of name work over a few thousand keys (analysis,
 * correspondence, resolution): V8's optimizing compilers (TurboFan; Maglev on Node 22+) compile those per-key
 * loops for code that then runs a few milliseconds, and the compiling costs more than it saves. Measured (Node 20,
 * dist/cli, medians of 9): compare of the SDXL UNet calibration pair 328 -> 239-260 ms; gate of 1,500 LoRAs 445 ->
 * 290 ms.
 */
const NAME_WORK_COMMANDS: ReadonlySet<string> = new Set(['compare', 'lora', 'gate'])

/**
 * `analyze` keeps the optimizing compilers for code that runs long (the unpickler's opcode loop is 1.6x slower
 * without TurboFan on `__fixtures__/bad/legacy-nested-100k.pt`, 196 -> 317 ms), but V8's default threshold also
 * sends the readers' and the analysis's per-tensor loops to TurboFan after a millisecond or two, for code that
 * finishes a few milliseconds later: on Node 20 those compiles were 35 M instructions of a safetensors `analyze`
 * (7% of `node -e 0`) and 100 M of a torch zip (20%). A 16x budget (64x on Node 20, below) leaves a run over a
 * thousand-tensor header interpreted and still optimizes a loop that runs for tens of milliseconds. Only on the V8
 * versions whose flags were measured (an unknown flag makes V8 print an error): Node 20 counts bytecode executed
 * (`--interrupt-budget`, default 66 KB), Node 24 counts invocations (`--invocation-count-for-*`).
 */
// `convert` too: its planning is name work (resolution over thousands of keys), which the 16x budget leaves to the
// interpreter as name-work mode would (convert --dry-run of the bench's 1,500-module rename, Node 20 instructions:
// default 2,420-2,438 M, name-work 1,883 M, reader 1,896-1,916 M), while a torch base's unpickler stays optimized.
const READER_COMMANDS: ReadonlySet<string> = new Set(['analyze', 'convert'])
const READER_FLAGS: Readonly<Record<string, readonly string[]>> = {
  // Node 20: 64x the default 66 KB budget. Against 16x (Node 20 instructions, cachegrind): torch zip analyze of
  // 1,095 tensors 939 -> 906 M warm and 1,076 -> 1,051 M cold; safetensors and convert within noise;
  // legacy-nested-100k.pt still 0.14-0.15 s (its opcode loop runs long enough to be optimized either way).
  '11': ['--interrupt-budget=4325376'],
  '13': [
    '--invocation-count-for-maglev=6400',
    '--invocation-count-for-turbofan=48000',
    '--invocation-count-for-maglev-osr=1600',
    '--invocation-count-for-osr=8000'
  ]
}

/**
 * Which compilers a run uses: V8's defaults, the interpreter and baseline compiler only (`name-work`), or
 * optimization for long-running code only (`reader`).
 */
export type CompilerMode = 'default' | 'name-work' | 'reader'

/**
 * Called first thing in the CLI process with the command name, before any code has run hot: setting V8 flags once
 * functions are already tiering has little effect (measured: set after compare's reads, 328 -> 304-314 ms only).
 * Returns the mode, which also keys the compiled-code cache (compile-cache.ts): V8 rejects cached code made under
 * other flags, so the modes must not share entries.
 *
 * Nothing is loaded when no flags are set; when they are, `flagSetter` avoids `node:v8` where it can.
 */
export function tuneCompilersFor(command: string | undefined): CompilerMode {
  if (command === undefined) return 'default'
  if (NAME_WORK_COMMANDS.has(command)) {
    setV8Flags(['--no-turbofan', '--no-maglev'])
    return 'name-work'
  }
  const readerFlags = READER_FLAGS[process.versions.v8.split('.')[0] ?? '']
  if (READER_COMMANDS.has(command) && readerFlags !== undefined) {
    setV8Flags(readerFlags)
    return 'reader'
  }
  return 'default'
}

function setV8Flags(flags: readonly string[]): void {
  const set = flagSetter()
  for (const flag of flags) set(flag)
}

type FlagSetter = (flag: string) => void

/**
 * V8's flag setter. On Node 20 it comes from the `v8` binding itself: `node:v8` loads Node's whole stream stack
 * with it (for heap snapshots), ~10 M instructions of every run that sets flags (cachegrind, Node 20, cold
 * analyze --json of the bench's 1,095-tensor torch zip: 932 -> 922 M). `process.binding` is deprecated (DEP0111)
 * and warns for `v8`, so warnings are held off for the one call; anything else (Node 24 has no such binding, a
 * permission model may refuse it, a future Node may drop it) falls back to `node:v8`.
 */
function flagSetter(): FlagSetter {
  const binding = (process as { binding?: (name: string) => { setFlagsFromString?: unknown } }).binding
  if (typeof binding === 'function') {
    const quiet = process.noDeprecation
    try {
      process.noDeprecation = true
      const set = binding('v8').setFlagsFromString
      if (typeof set === 'function') return set as FlagSetter
    } catch {
      // no such binding here: node:v8 below
    } finally {
      process.noDeprecation = quiet
    }
  }
  const v8 =
    (process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined) ??
    (createRequire(import.meta.url)('node:v8') as typeof import('node:v8'))
  return (flag) => v8.setFlagsFromString(flag)
}
