/**
 * `npm run bundle`: builds the action (`dist/index.js`, ESM, ncc) and the CLI (`dist/cli/`, scripts/bundle-cli.mjs)
 * into a fresh folder beside `dist/`, and only when both builds succeed swaps it in for `dist/`.
 *
 * Why not build in place: the build takes about a minute, and it used to start by deleting `dist/`. A build that was
 * interrupted, or that failed halfway, left the repository without a CLI (`dist/cli` missing), and everything that
 * runs the bundle (the e2e tests, the mapping-pair checks, the action itself) failed with it. Now `dist/` is either
 * the old bundle or the new one; the swap is two renames on the same filesystem.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const DIST = join(ROOT, 'dist')
const WORK = join(ROOT, '.tmp', `bundle-${process.pid}`)
const NEXT = join(WORK, 'dist')
const OLD = join(WORK, 'old')

rmSync(WORK, { recursive: true, force: true })
mkdirSync(WORK, { recursive: true })
try {
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const run = (args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
  run([ncc, 'build', 'src/index.ts', '-o', NEXT, '--source-map', '--license', 'licenses.txt'])
  run([join(ROOT, 'scripts', 'bundle-cli.mjs'), join(NEXT, 'cli')])
  if (existsSync(DIST)) renameSync(DIST, OLD)
  renameSync(NEXT, DIST)
} finally {
  rmSync(WORK, { recursive: true, force: true })
}
