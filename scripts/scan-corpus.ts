/**
 * Run every file under a folder through the reader and the gate's security policy, as the gate would, and say for
 * each whether it fails as dangerous, fails otherwise (unknown globals, not a checkpoint), or passes. It fetches
 * nothing: point it at a folder of test files, e.g. the test data of the picklescan and modelscan repositories
 * (their data files only, never their code), assembled like this:
 *
 *   git -C picklescan archive HEAD tests/data tests/data2 | tar -x -C corpus/picklescan
 *   git -C modelscan archive HEAD tests/data | tar -x -C corpus/modelscan
 *   npx tsx scripts/scan-corpus.ts corpus --expect scripts/corpus-expectations.json
 *
 * With `--expect FILE` (a JSON map from a path relative to the folder to `malicious`, `benign` or `other`) it
 * checks that every malicious file is reported dangerous and fails the gate, every benign file passes, and no
 * `other` file (not a checkpoint: an image, a numeric array, an encrypted archive) is called dangerous; it exits 1
 * on any miss. Each file is judged on its own, with itself as the baseline, so only the security findings and
 * read errors decide (a readable checkpoint matches itself 100%).
 *
 *   npx tsx scripts/scan-corpus.ts DIR [--expect FILE] [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { PickleGlobal } from '../src/formats/types.js'
import { gateAlone } from './gate-alone.js'

type Expectation = 'malicious' | 'benign' | 'other'
type Outcome = 'dangerous' | 'fails' | 'passes'

interface FileResult {
  file: string
  outcome: Outcome
  /** Error code when the file could not be read as a checkpoint. */
  code?: string
  globals: string[]
  detail: string
}

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    const st = statSync(path)
    if (st.isDirectory()) out.push(...filesUnder(path))
    else if (st.isFile()) out.push(path)
  }
  return out
}

async function judge(path: string, root: string): Promise<FileResult> {
  const { input, report, artifact } = await gateAlone(path)
  const globals: PickleGlobal[] = input.checkpoint?.globals ?? input.error?.globals ?? []
  const dangerous = artifact.flags.some((f) => f.id === 'dangerous-globals' && f.failsGate)
  return {
    file: relative(root, path),
    outcome: dangerous ? 'dangerous' : report.passed ? 'passes' : 'fails',
    ...(input.error ? { code: input.error.code } : {}),
    globals: globals.filter((g) => g.tier !== 'allowed').map((g) => `${g.module}.${g.name}:${g.tier}`),
    detail: artifact.reasons[0] ?? ''
  }
}

function meets(expect: Expectation, outcome: Outcome): boolean {
  if (expect === 'malicious') return outcome === 'dangerous'
  if (expect === 'benign') return outcome === 'passes'
  return outcome !== 'dangerous'
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--expect')
  if (root === undefined) {
    console.error('usage: scan-corpus DIR [--expect FILE] [--json]')
    return 2
  }
  const expectAt = args.indexOf('--expect')
  const expected: Record<string, Expectation> =
    expectAt >= 0
      ? (JSON.parse(readFileSync(args[expectAt + 1]!, 'utf8')) as Record<string, Expectation>)
      : {}
  const results: FileResult[] = []
  for (const path of filesUnder(root)) results.push(await judge(path, root))
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 2))
  } else {
    for (const r of results) {
      const want = expected[r.file]
      const mark = want === undefined ? ' ' : meets(want, r.outcome) ? 'ok' : 'MISS'
      console.log(
        `${mark.padEnd(4)} ${r.outcome.padEnd(9)} ${r.file}${r.code ? ` [${r.code}]` : ''}` +
          `${r.globals.length > 0 ? `  ${r.globals.slice(0, 4).join(', ')}` : ''}`
      )
    }
  }
  let misses = 0
  const counts = new Map<Expectation, { met: number; total: number }>()
  for (const r of results) {
    const want = expected[r.file]
    if (want === undefined) continue
    const c = counts.get(want) ?? { met: 0, total: 0 }
    c.total++
    if (meets(want, r.outcome)) c.met++
    else misses++
    counts.set(want, c)
  }
  const missingFiles = Object.keys(expected).filter((f) => !results.some((r) => r.file === f))
  const line = (k: Expectation, what: string) => {
    const c = counts.get(k) ?? { met: 0, total: 0 }
    return `${c.met}/${c.total} ${what}`
  }
  console.error(
    `${results.length} files: ${line('malicious', 'malicious reported dangerous and failing')}; ` +
      `${line('benign', 'benign passing')}; ${line('other', 'non-checkpoints not called dangerous')}` +
      (missingFiles.length > 0 ? `; ${missingFiles.length} expected files not found` : '')
  )
  return misses > 0 ? 1 : 0
}

process.exitCode = await main()
