#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js'
import { tuneCompilersFor } from './jit.js'
import { main } from './main.js'
import { processIO } from './io.js'

// The V8 compilers a command runs best with (see jit.ts), before any code runs hot.
tuneCompilersFor(process.argv[2])

// Before any command chunk loads: V8's compiled code is kept between runs (see compile-cache.ts). Best effort.
enableCompileCache(process.argv[1], process.env)

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 70
  }
)
