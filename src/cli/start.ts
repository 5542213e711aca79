import { main } from './main.js'
import { processIO } from './io.js'

/** Runs the command line of this process and sets its exit status (the body of the `model-compat` binary). */
export function start(): Promise<void> {
  return main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = 70
    }
  )
}
