/**
 * Builds the CLI bundle `dist/cli/` with @vercel/ncc, as CommonJS.
 *
 * Why not `ncc build` like the action: the ncc command line always emits an ES module for an ESM package, and a
 * command-line tool pays for that on every run (Node starts its ESM loader, ~5 ms, and loads each command chunk
 * through it). A CommonJS bundle loads its chunks with plain `require`, and lets `src/cli/compile-cache.ts` keep
 * V8's compiled code between runs on Node 20 (Node 22.1+ has `module.enableCompileCache` for that).
 *
 * Writes, next to the bundle:
 * - `package.json` `{"type": "commonjs"}`, because the repository's own package.json says "module";
 * - `chunks.json`: a SHA-256 per chunk file, the key of its compiled-code cache entry (a changed chunk never
 *   reuses stale code, whatever its size or mtime).
 */
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
// an output folder as argument (scripts/measure-hostile.ts bundles to a temporary one); dist/cli by default
const OUT = process.argv[2] ?? join(ROOT, 'dist', 'cli')
const ncc = createRequire(import.meta.url)('@vercel/ncc')

const { code, assets } = await ncc(join(ROOT, 'src', 'cli', 'index.ts'), {
  esm: false,
  filename: 'index.js',
  license: 'licenses.txt',
  quiet: true
})

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const entry = join(OUT, 'index.js')
writeFileSync(entry, code)
chmodSync(entry, 0o755)

const chunks = {}
for (const name of Object.keys(assets).sort()) {
  const source = assets[name].source
  const file = join(OUT, name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, source)
  if (/^\d+\.index\.js$/.test(name)) chunks[name] = createHash('sha256').update(source).digest('hex')
}
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
writeFileSync(join(OUT, 'chunks.json'), `${JSON.stringify(chunks, null, 2)}\n`)
console.log(`dist/cli: index.js and ${Object.keys(chunks).length} chunks (CommonJS)`)
