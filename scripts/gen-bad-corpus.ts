/**
 * Writes the crafted bad-file corpus (fixtures/fuzz/bad-corpus.ts) to __fixtures__/bad/, with expected.json
 * mapping each file to the exact error code `readCheckpoint` must give. Deterministic: running it again gives the
 * same bytes, and the corpus test fails when the committed files differ from what this writes.
 *
 *   npx tsx scripts/gen-bad-corpus.ts [outDir]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BAD_CORPUS, expectedCodes } from '../fixtures/fuzz/bad-corpus.js'

const out = process.argv[2] ?? fileURLToPath(new URL('../__fixtures__/bad/', import.meta.url))
mkdirSync(out, { recursive: true })
const expected = expectedCodes()
// files of an earlier corpus that this one no longer has
for (const f of readdirSync(out)) if (f !== 'expected.json' && !(f in expected)) rmSync(join(out, f))
let bytes = 0
for (const c of BAD_CORPUS) {
  if (c.generated) continue
  const b = c.bytes()
  bytes += b.length
  writeFileSync(join(out, c.file), b)
}
writeFileSync(join(out, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`)
console.log(`${Object.keys(expected).length} files, ${bytes} bytes, in ${out}`)
