#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js'
import { tuneCompilersFor } from './jit.js'

// The V8 compilers a command runs best with (see jit.ts), before any code runs hot.
const compilers = tuneCompilersFor(process.argv[2])

// Before anything else loads: V8's compiled code is kept between runs (see compile-cache.ts). Best effort.
enableCompileCache(process.argv[1], process.env, compilers)

// The dispatcher, the argument parser and the error family are loaded after the cache is on, so that in the
// bundle they come from it too: the entry file itself is compiled from source on every run, so it holds only
// the cache and the module loader.
import('./start.js').then(
  ({ start }) => start(),
  (e: unknown) => {
    process.stderr.write(`model-compat: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 70
  }
)
