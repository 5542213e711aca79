import { createRequire } from 'node:module'

/**
 * Commands whose work, once their headers are read, is one pass of name work over a few thousand keys (analysis,
 * correspondence, resolution): V8's optimizing compilers (TurboFan; Maglev on Node 22+) compile those per-key
 * loops for code that then runs a few milliseconds, and the compiling costs more than it saves. Measured (Node 20,
 * dist/cli, medians of 9): compare of the SDXL UNet calibration pair 328 -> 239-260 ms; gate of 1,500 LoRAs 445 ->
 * 290 ms. `analyze` and `convert` keep them: their time is in the readers, and the unpickler's opcode loop is 1.6x
 * slower without TurboFan (`analyze __fixtures__/bad/legacy-nested-100k.pt`: 196 -> 317 ms; GGUF analyze +10%).
 */
const NAME_WORK_COMMANDS: ReadonlySet<string> = new Set(['compare', 'lora', 'gate'])

/** Which compilers a run uses: V8's defaults, or the interpreter and baseline compiler only (`name-work`). */
export type CompilerMode = 'default' | 'name-work'

/**
 * Called first thing in the CLI process with the command name, before any code has run hot: setting V8 flags once
 * functions are already tiering has little effect (measured: set after compare's reads, 328 -> 304-314 ms only).
 * Returns the mode, which also keys the compiled-code cache (compile-cache.ts): V8 rejects cached code made under
 * other flags, so the two modes must not share entries.
 *
 * `node:v8` is loaded only when flags are set: it loads Node's whole stream stack with it (for heap snapshots),
 * about 12 M instructions, 2.4% of `node -e 0`, which `analyze` and `convert` would pay for nothing.
 */
export function tuneCompilersFor(command: string | undefined): CompilerMode {
  if (command === undefined || !NAME_WORK_COMMANDS.has(command)) return 'default'
  const v8 =
    (process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined) ??
    (createRequire(import.meta.url)('node:v8') as typeof import('node:v8'))
  v8.setFlagsFromString('--no-turbofan')
  v8.setFlagsFromString('--no-maglev')
  return 'name-work'
}
