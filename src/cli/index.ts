#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
import { enableCompileCache } from './compile-cache.js'
import { main } from './main.js'
import { processIO } from './io.js'

// A command is one pass over a few thousand keys: V8's optimizing compilers (TurboFan; Maglev on Node 22+) compile
// its per-key loops for code that then runs a few milliseconds, and that compiling costs more than it saves.
// Measured (Node 20, 7 runs, medians): compare of the SDXL UNet calibration pair 459 -> 297 ms wall and 2.88 G ->
// 2.19 G instructions (valgrind); 20k x 20k keys 2.18 -> 1.78 s; gate of 1,500 LoRAs 445 -> 290 ms. Ignition and
// Sparkplug keep running the code. Tier-up reads these flags when it decides, so setting them here takes effect.
setFlagsFromString('--no-turbofan')
setFlagsFromString('--no-maglev')

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
