/**
 * The import-layer check (`npm run lint` runs it; CI runs lint). Data flows one way, and so do imports: a module
 * may import from its own folder and from lower layers, never from a higher layer nor from a peer folder of its
 * own layer. So the two front ends never import each other, node/ (their shared Node-only helpers) serves only
 * them, and the pure core cannot reach the file system.
 *
 *   0  util, lookup.ts, version.ts          small helpers, no domain dependency
 *   0.5 names                                the naming vocabulary (prefixes, tokens, roles, series)
 *   1  formats                               readers, byte sources, the error family, limits
 *   2  analysis                              structure of one model
 *   2.5 correspond                           the correspondence engine (two key sets -> links)
 *   3  compare                               model vs model
 *   4  lora                                  LoRA analysis and resolution
 *   5  gate, convert                         policy and verdict; LoRA conversion (peers: no arrow between them)
 *   6  report                                renderers
 *   7  node                                  the gate pipeline and Node-only helpers of the front ends
 *   8  cli, action, index.ts                 the front ends (peers: no arrow between them)
 *
 * Also: the pure layers (util, names, analysis, compare, lora, gate, report) import no Node built-in, and only
 * the action imports @actions/* (the CLI must never print a workflow command). A folder missing from the table
 * fails the check, so a new folder gets a layer on purpose.
 *
 * Usage: `tsx scripts/check-layers.ts [SRC_DIR]`; exits 1 and lists every violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Layer of each top-level folder (or root file) of src/. */
export const LAYERS: Readonly<Record<string, number>> = Object.freeze({
  util: 0,
  names: 0.5,
  'lookup.ts': 0,
  'version.ts': 0,
  formats: 1,
  analysis: 2,
  correspond: 2.5,
  compare: 3,
  lora: 4,
  gate: 5,
  convert: 5,
  report: 6,
  node: 7,
  cli: 8,
  action: 8,
  'index.ts': 8
})

/** Units whose modules do no I/O: data in, data out. */
const PURE = new Set(['util', 'names', 'analysis', 'correspond', 'compare', 'lora', 'gate', 'report'])

/** Root files that belong to a folder's unit: the action's entry point is the action. */
const UNIT_OF_ROOT_FILE: Readonly<Record<string, string>> = Object.freeze({ 'index.ts': 'action' })

export interface Violation {
  file: string
  imports: string
  rule: string
}

/** Every import specifier of a TypeScript source: static, type-only, re-exports and dynamic `import()`. */
export function importsOf(source: string): string[] {
  const out: string[] = []
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!)
  return out
}

function unitOf(srcDir: string, file: string): string {
  const first = relative(srcDir, file).split(sep)[0]!
  return UNIT_OF_ROOT_FILE[first] ?? first
}

function layerOf(unit: string): number | undefined {
  return Object.hasOwn(LAYERS, unit) ? LAYERS[unit] : undefined
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

export function checkLayers(srcDir: string): Violation[] {
  const root = resolve(srcDir)
  const violations: Violation[] = []
  for (const file of sourceFiles(root)) {
    const rel = relative(root, file)
    const unit = unitOf(root, file)
    const layer = layerOf(unit)
    const top = rel.split(sep)[0]!
    if (layer === undefined && layerOf(top) === undefined) {
      violations.push({ file: rel, imports: '', rule: `'${top}' has no layer: add it to LAYERS` })
      continue
    }
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        const targetRel = relative(root, target)
        if (targetRel.startsWith('..')) {
          violations.push({ file: rel, imports: spec, rule: 'imports from outside src/' })
          continue
        }
        const targetUnit = unitOf(root, target.replace(/\.js$/, '.ts'))
        if (targetUnit === unit) continue
        const targetLayer = layerOf(targetUnit)
        if (targetLayer === undefined) {
          violations.push({ file: rel, imports: spec, rule: `'${targetUnit}' has no layer` })
        } else if (targetLayer > layer!) {
          violations.push({
            file: rel,
            imports: spec,
            rule: `${unit} (layer ${layer}) may not depend on ${targetUnit} (layer ${targetLayer}), a higher layer`
          })
        } else if (targetLayer === layer) {
          violations.push({
            file: rel,
            imports: spec,
            rule: `${unit} and ${targetUnit} are peers (layer ${layer}): neither may import the other`
          })
        }
      } else if (spec.startsWith('node:') && PURE.has(unit)) {
        violations.push({ file: rel, imports: spec, rule: `${unit} is pure: no Node built-ins` })
      } else if (spec.startsWith('@actions/') && unit !== 'action') {
        violations.push({ file: rel, imports: spec, rule: 'only the action imports @actions/*' })
      }
    }
  }
  return violations
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src')
  const violations = checkLayers(srcDir)
  for (const v of violations) console.error(`${v.file}${v.imports ? ` -> ${v.imports}` : ''}: ${v.rule}`)
  if (violations.length > 0) {
    console.error(`${violations.length} import(s) against the layers (scripts/check-layers.ts)`)
    process.exit(1)
  }
  console.log('import layers: ok')
}
