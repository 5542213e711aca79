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
 *
 * Every JavaScript file is minified (esbuild: whitespace, comments, syntax), because a user's first run has no
 * compiled-code cache and V8 then scans every byte of each chunk it loads, the module bodies twice (once when the
 * chunk is compiled, again when a function runs): `analyze --json` of a 1,095-tensor torch zip with
 * NODE_DISABLE_COMPILE_CACHE=1 went from 1,044 to 1,019 M instructions, a safetensors one from 775 to 757 M
 * (`node -e 0`: 501 M). Identifiers are not renamed: an internal error's stack (printed for bug reports) keeps its
 * function names, and a renamed bundle saved only another 10 M. ncc's own `minify` covers the entry file only.
 */
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
// an output folder as argument (scripts/measure-hostile.ts bundles to a temporary one); dist/cli by default
const OUT = process.argv[2] ?? join(ROOT, 'dist', 'cli')
const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')
const esbuild = require('esbuild')
const ts = require('typescript')

/**
 * webpack's module map with each module factory a `function` rather than an arrow function. V8 parses an arrow
 * function's body, and every function in it, in full when it compiles the chunk (a `function` expression is only
 * pre-parsed then), and again when the factory runs; so with arrow factories every function of every module of a
 * loaded chunk was parsed in full at least once, used or not, and the ones that run twice (--log-function-events).
 * A factory never uses `this` or `arguments` (webpack rewrites a module's top-level `this`), so the two are the
 * same code. Only the values of an object literal whose keys are all numbers (webpack's module ids) change.
 */
function functionFactories(code, name) {
  const sf = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  // webpack writes each factory in parentheses, `((module, exports, require) => {...})`; they go too (a
  // parenthesized `function` would be compiled eagerly, used or not)
  const factory = (value) => {
    let e = value
    while (ts.isParenthesizedExpression(e)) e = e.expression
    return ts.isArrowFunction(e) && ts.isBlock(e.body) && e.modifiers === undefined ? e : undefined
  }
  const edits = []
  const visit = (node) => {
    if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.length > 0 &&
      node.properties.every(
        (p) =>
          ts.isPropertyAssignment(p) && ts.isNumericLiteral(p.name) && factory(p.initializer) !== undefined
      )
    ) {
      for (const p of node.properties) {
        const value = p.initializer
        const f = factory(value)
        const params = f.parameters.map((q) => q.getText(sf)).join(',')
        edits.push({ start: value.getStart(sf), end: f.body.getStart(sf), text: `function(${params})` })
        edits.push({ start: f.body.end, end: value.end, text: '' })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  let out = code
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** The minified form of one CommonJS file of the bundle; a leading `#!` line is kept. */
function minify(source, name) {
  const text = String(source)
  const shebang = text.startsWith('#!') ? text.slice(0, text.indexOf('\n') + 1) : ''
  const { code } = esbuild.transformSync(text.slice(shebang.length), {
    loader: 'js',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    sourcefile: name
  })
  return shebang + functionFactories(code, name)
}

const { code, assets } = await ncc(join(ROOT, 'src', 'cli', 'index.ts'), {
  esm: false,
  filename: 'index.js',
  license: 'licenses.txt',
  quiet: true
})

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const entry = join(OUT, 'index.js')
writeFileSync(entry, minify(code, 'index.js'))
chmodSync(entry, 0o755)

const chunks = {}
for (const name of Object.keys(assets).sort()) {
  const source = name.endsWith('.js') ? minify(assets[name].source, name) : assets[name].source
  const file = join(OUT, name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, source)
  if (/^\d+\.index\.js$/.test(name)) chunks[name] = createHash('sha256').update(source).digest('hex')
}
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
writeFileSync(join(OUT, 'chunks.json'), `${JSON.stringify(chunks, null, 2)}\n`)
console.log(`dist/cli: index.js and ${Object.keys(chunks).length} chunks (CommonJS)`)
