#!/usr/bin/env node
import module from 'node:module'
import { main } from './main.js'
import { processIO } from './io.js'

// V8's on-disk compile cache (Node 22.1+; Node 20 has no such function): the command chunks loaded by `main` are
// then compiled once per version, not on every run. NODE_DISABLE_COMPILE_CACHE=1 turns it off. Best effort.
try {
  ;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
} catch {
  // A read-only or missing temp folder only costs the speed-up.
}

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 70
  }
)
