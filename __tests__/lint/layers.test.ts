/** The import-layer check that `npm run lint` runs: clean on the tree, and it catches each kind of arrow it forbids. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkLayers, importsOf } from '../../scripts/check-layers.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mc-layers-'))
  dirs.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('import layers', () => {
  it('src/ has no import against the layers', () => {
    expect(checkLayers('src')).toEqual([])
  })

  it('reads static, type-only, multi-line, re-export and dynamic imports', () => {
    const source = [
      "import { a } from './a.js'",
      "import type { B } from '../b.js'",
      'import {\n  c,\n  d\n} from "./cd.js"',
      "export { e } from './e.js'",
      "export type * from './f.js'",
      "import './side-effect.js'",
      "const g = await import('./g.js')",
      " * import { no } from './in-a-comment.js' is not read"
    ].join('\n')
    expect(importsOf(source).sort()).toEqual(
      ['./a.js', '../b.js', './cd.js', './e.js', './f.js', './side-effect.js', './g.js'].sort()
    )
  })

  it('catches each forbidden arrow', () => {
    const root = tree({
      'formats/read.ts': "import { x } from '../analysis/x.js'\n", // up
      'analysis/x.ts': "export const x = 1\nimport { y } from './y.js'\n", // own folder: fine
      'analysis/y.ts': 'export const y = 1\n',
      'gate/g.ts': "import { c } from '../convert/c.js'\nimport { readFile } from 'node:fs'\n", // peer; pure + node
      'convert/c.ts': "import { readFile } from 'node:fs'\nexport const c = 1\n", // convert may do I/O
      'report/r.ts': "import { run } from '../node/run.js'\n", // node/ serves only the front ends
      'node/run.ts': "export const run = 1\nimport { u } from '../util/u.js'\n",
      'util/u.ts': 'export const u = 1\n',
      'cli/main.ts': "const m = await import('../action/main.js')\nimport * as core from '@actions/core'\n",
      'action/main.ts': "import { run } from '../node/run.js'\nimport * as core from '@actions/core'\n",
      'index.ts': "import { main } from './action/main.js'\n", // the action's entry: fine
      'extra/z.ts': 'export const z = 1\n'
    })
    const found = checkLayers(root).map((v) => `${v.file} -> ${v.imports}: ${v.rule}`)
    expect(found.sort()).toEqual(
      [
        'formats/read.ts -> ../analysis/x.js: formats (layer 1) may not depend on analysis (layer 2), a higher layer',
        'gate/g.ts -> ../convert/c.js: gate and convert are peers (layer 5): neither may import the other',
        'gate/g.ts -> node:fs: gate is pure: no Node built-ins',
        'report/r.ts -> ../node/run.js: report (layer 6) may not depend on node (layer 7), a higher layer',
        'cli/main.ts -> ../action/main.js: cli and action are peers (layer 8): neither may import the other',
        'cli/main.ts -> @actions/core: only the action imports @actions/*',
        "extra/z.ts -> : 'extra' has no layer: add it to LAYERS"
      ].sort()
    )
  })
})
