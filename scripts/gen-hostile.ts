/**
 * Writes the hostile files (fixtures/hostile.ts: one per attack class of SECURITY.md) to __fixtures__/hostile/, with expected.json giving
 * each file's class and what the gate must conclude. Deterministic: the test fails when the committed files
 * differ from what this writes. The resource bombs are not written here (scripts/measure-hostile.ts makes them).
 *
 *   npx tsx scripts/gen-hostile.ts [outDir]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HOSTILE_CASES } from '../fixtures/hostile.js'

const out = process.argv[2] ?? fileURLToPath(new URL('../__fixtures__/hostile/', import.meta.url))
mkdirSync(out, { recursive: true })
const names = new Set(HOSTILE_CASES.map((c) => c.file))
for (const f of readdirSync(out)) if (f !== 'expected.json' && !names.has(f)) rmSync(join(out, f))
const expected: Record<string, unknown> = {}
let bytes = 0
for (const c of HOSTILE_CASES) {
  const b = c.bytes()
  bytes += b.length
  writeFileSync(join(out, c.file), b)
  expected[c.file] = { class: c.class, ...c.expect }
}
writeFileSync(join(out, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`)
console.log(`${HOSTILE_CASES.length} files, ${bytes} bytes, in ${out}`)
