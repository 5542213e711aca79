#!/usr/bin/env node
// `npm run demo`: the gate on the bundled examples (examples/README.md says what each is), with the bundled CLI.
// The gate itself exits 1 because two examples are meant to fail; the demo checks that each artifact got the
// result the examples promise and exits 0 when they all did, 1 when one did not.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const expected = {
  'wan-lora-fits.safetensors': 'pass',
  'wan-lora-diffusers-naming.safetensors': 'pass',
  'wan-lora-other-size.safetensors': 'fail',
  'longcat-like.safetensors': 'fail'
}
const artifacts = readdirSync('examples/artifacts')
  .sort()
  .map((f) => join('examples/artifacts', f))
const args = ['gate', '--baseline', 'examples/baseline/wan-t2v-like.manifest.json', ...artifacts]
console.log(`$ model-compat ${args.join(' ')}\n`)
const shown = spawnSync(process.execPath, ['dist/cli/index.js', ...args], { stdio: 'inherit' })
console.log(
  `\n(model-compat exited ${shown.status}: 0 = every artifact passed, 1 = the gate failed, 2 = bad input)`
)

const json = spawnSync(process.execPath, ['dist/cli/index.js', ...args, '--json'], { encoding: 'utf8' })
let report
try {
  report = JSON.parse(json.stdout)
} catch {
  console.error(`demo: the gate did not print a JSON report (exit ${json.status}): ${json.stderr}`)
  process.exit(1)
}
let ok = true
for (const a of report.artifacts) {
  const name = a.path.split(/[\\/]/).pop()
  const want = expected[name]
  const got = a.status === 'pass' ? 'pass' : 'fail'
  const same = want === undefined || want === got
  ok &&= same
  console.log(
    `demo: ${name}: ${got}${want === undefined ? '' : same ? ' (as expected)' : ` (expected ${want})`}`
  )
}
process.exit(ok ? 0 : 1)
