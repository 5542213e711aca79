import { setFlagsFromString } from 'node:v8'

/**
 * Commands whose work, once their headers are read, is one pass of name work over a few thousand keys (analysis,
 * correspondence, resolution): V8's optimizing compilers (TurboFan; Maglev on Node 22+) compile those per-key
 * loops for code that then runs a few milliseconds, and the compiling costs more than it saves. Measured (Node 20,
 * dist/cli, medians of 9): compare of the SDXL UNet calibration pair 328 -> 239-260 ms; gate of 1,500 LoRAs 445 ->
 * 290 ms. `analyze` and `convert` keep them: their time is in the readers, and the unpickler's opcode loop is 1.6x
 * slower without TurboFan (`analyze __fixtures__/bad/legacy-nested-100k.pt`: 196 -> 317 ms; GGUF analyze +10%).
 */
const NAME_WORK_COMMANDS: ReadonlySet<string> = new Set(['compare', 'lora', 'gate'])

/**
 * Called first thing in the CLI process with the command name, before any code has run hot: setting V8 flags once
 * functions are already tiering has little effect (measured: set after compare's reads, 328 -> 304-314 ms only).
 */
export function tuneCompilersFor(command: string | undefined): void {
  if (command === undefined || !NAME_WORK_COMMANDS.has(command)) return
  setFlagsFromString('--no-turbofan')
  setFlagsFromString('--no-maglev')
}
