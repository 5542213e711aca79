import { main } from './main.js'
import { processIO } from './io.js'

/** Runs the command line of this process and sets its exit status (the body of the `model-compat` binary). */
export function start(): Promise<void> {
  const io = processIO()
  return main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
      // The command is done (its reads, writes and workers are awaited inside it), but an idle Node process still
      // runs the garbage collector's idle-time work before it exits: a scavenge that pushes the old generation to
      // its limit, then incremental marking and a full mark-compact of a heap about to be dropped. Measured
      // (cachegrind, Node 20, compare --json of the SDXL UNet calibration pair): about 40 M instructions, 3% of
      // the run. Exiting now skips it; the 'exit' handlers (the compiled-code cache) still run. Only when every
      // byte went out with writeSync: a stream (a terminal, a pipe that filled up) may still hold queued output,
      // which exiting would drop.
      if (io.outputWritten()) process.exit(code)
    },
    (e: unknown) => {
      process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = 70
    }
  )
}
