/**
 * `model-compat compare A B --json` of real checkpoint pairs (one network under two namings) at most 2.5x
 * `node -e 0`. The pairs are every calibration pair the team has: the repository's own
 * (fixtures/mapping-pairs/pairs/<pair>/, including the SDXL UNet's 1,680 x 1,680) and the shared ones
 * (shared/mapping-pairs/pairs/<pair>/), each A.keys.json and B.keys.json (real key lists, shapes and dtypes),
 * written here as sparse safetensors files; a pair whose B side is
 * llama.cpp's naming is written as safetensors too (only the names matter to the mapper). More pairs, e.g. the
 * SDXL UNet's original vs diffusers layout, come from folders named in MC_BENCH_PAIRS (colon-separated), each
 * with A.* and B.* checkpoint files or key lists. Skipped when no pair is found.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeSafetensors } from '../src/formats/safetensors/write.js'
import { REPO_DIR, registerCase } from './lib.js'

const GROUP = 'compare of real pairs'
const LIMITS = { maxWallRatio: 2.5 }

/**
 * Where the calibration pairs are: the repository's fixtures/mapping-pairs/pairs, and MC_MAPPING_PAIRS or the
 * shared/ folder beside the repository (or its parent).
 */
function pairsRoots(): string[] {
  const shared = [
    process.env.MC_MAPPING_PAIRS,
    join(REPO_DIR, '..', 'shared', 'mapping-pairs', 'pairs'),
    join(REPO_DIR, '..', '..', 'shared', 'mapping-pairs', 'pairs')
  ].find((c): c is string => c !== undefined && existsSync(c))
  const own = join(REPO_DIR, 'fixtures', 'mapping-pairs', 'pairs')
  return [own, shared].filter((c): c is string => c !== undefined && existsSync(c))
}

interface PairSource {
  name: string
  dir: string
}

function pairSources(): PairSource[] {
  const out: PairSource[] = []
  const seen = new Set<string>()
  for (const root of pairsRoots()) {
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name)
      // a pair present in both places is measured once (the repository's copy)
      if (!seen.has(name) && existsSync(join(dir, 'A.keys.json'))) {
        seen.add(name)
        out.push({ name, dir })
      }
    }
  }
  for (const dir of (process.env.MC_BENCH_PAIRS ?? '').split(':').filter(Boolean)) {
    out.push({ name: dir.split('/').filter(Boolean).pop() ?? dir, dir })
  }
  return out
}

type KeyList = Record<string, { shape: number[]; dtype: string }>

/** Side A or B of a pair as a file to compare: a checkpoint file as it is, or a key list written as sparse safetensors. */
async function sideFile(
  pair: PairSource,
  side: 'A' | 'B',
  outDir: string
): Promise<{ file: string; tensors: number }> {
  const keys = join(pair.dir, `${side}.keys.json`)
  if (existsSync(keys)) {
    const list = JSON.parse(readFileSync(keys, 'utf8')) as KeyList
    const tensors = Object.entries(list).map(([name, t]) => ({ name, shape: t.shape, dtype: t.dtype }))
    const file = join(outDir, `${pair.name}-${side}.safetensors`)
    await writeSafetensors(file, tensors, { data: 'sparse', metadata: { format: 'pt' } })
    return { file, tensors: tensors.length }
  }
  const file = readdirSync(pair.dir)
    .filter((f) => f.startsWith(`${side}.`))
    .map((f) => join(pair.dir, f))[0]
  if (file === undefined) throw new Error(`${pair.dir} has neither ${side}.keys.json nor an ${side}.* file`)
  return { file, tensors: -1 }
}

const sources = pairSources()
if (sources.length === 0) {
  registerCase({
    name: 'compare real pairs',
    group: GROUP,
    limits: LIMITS,
    setup: async () => ({
      skip: 'no calibration pairs (fixtures/mapping-pairs, shared/mapping-pairs) and no MC_BENCH_PAIRS'
    })
  })
}
for (const pair of sources) {
  registerCase({
    name: `compare real pair ${pair.name}`,
    group: GROUP,
    limits: LIMITS,
    async setup(ctx) {
      const a = await sideFile(pair, 'A', ctx.dir)
      const b = await sideFile(pair, 'B', ctx.dir)
      return {
        nodeArgs: [...ctx.cli, 'compare', a.file, b.file, '--json'],
        inputBytes: statSync(a.file).size + statSync(b.file).size,
        note: a.tensors >= 0 ? `${a.tensors} x ${b.tensors} tensors` : pair.dir,
        check(stdout) {
          const doc = JSON.parse(stdout) as { summary?: { keysA?: number; keysB?: number } }
          if (a.tensors >= 0 && (doc.summary?.keysA !== a.tensors || doc.summary?.keysB !== b.tensors))
            throw new Error(`compare --json reported ${doc.summary?.keysA} x ${doc.summary?.keysB} keys`)
        }
      }
    }
  })
}
