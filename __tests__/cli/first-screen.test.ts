/**
 * Every command's first screen, as a person reads it: the first line is the answer (verdict with its figure,
 * loadable share, dangerous globals, gate result, conversion result); the output fits 80 and 100 columns
 * (COLUMNS) without the terminal breaking a line; without colour every flag still carries a symbol or a word, and
 * colour changes nothing but the colour.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import type { CliIO } from '../../src/cli/io.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { displayWidth } from '../../src/report/layout.js'
import { wanOriginalToDiffusersKey } from '../../fixtures/compare-pairs.js'
import { scaledModel } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf, writeLoraFile } from '../../fixtures/lora.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages, writeTorchZip } from '../../fixtures/torch-files.js'
import { comfyWanGgufSpec, gv, kv, writeGguf } from '../../fixtures/gguf.js'
import { generateExamples } from '../../scripts/gen-examples.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

interface Run {
  code: number
  out: string
  err: string
}

async function cli(
  argv: string[],
  opts: { columns?: number; color?: boolean; cwd?: string } = {}
): Promise<Run> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    color: opts.color ?? false,
    env: opts.columns === undefined ? {} : { COLUMNS: String(opts.columns) },
    cwd: opts.cwd ?? dir
  }
  const code = await main(argv, io)
  return { code, out, err }
}

let dir: string
const LINEARS = /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-first-screen-'))
  generateExamples(join(dir, 'examples'))
  const wan = scaledModel(
    'wan2.1-t2v-1.3b',
    { dim: 128, ffn_dim: 256, num_heads: 4, num_layers: 8 },
    { dtype: 'BF16' }
  )
  writeSafetensorsSync(join(dir, 'wan.safetensors'), wan)
  writeSafetensorsSync(
    join(dir, 'wan-diffusers.safetensors'),
    wan.map((t) => ({ ...t, name: wanOriginalToDiffusersKey(t.name) }))
  )
  mkdirSync(join(dir, 'a'))
  mkdirSync(join(dir, 'b'))
  writeSafetensorsSync(join(dir, 'a', 'A.safetensors'), wan)
  writeSafetensorsSync(
    join(dir, 'b', 'A.safetensors'),
    wan.filter((t) => !/^blocks\.[4-7]\./.test(t.name))
  )
  const big = scaledModel('wan2.1-t2v-1.3b', { dim: 192, ffn_dim: 384, num_heads: 6, num_layers: 12 })
  writeLoraFile(join(dir, 'small.safetensors'), kohyaLora(targetsOf(wan, LINEARS), { rank: 2, alpha: 2 }))
  writeLoraFile(join(dir, 'big.safetensors'), kohyaLora(targetsOf(big, LINEARS), { rank: 4, alpha: 4 }))
  const evil = new PickleWriter()
    .proto(2)
    .global('posix', 'system')
    .str('echo pwned')
    .tuple(1)
    .op(P.REDUCE)
    .stop()
    .bytes()
  writeTorchZip(join(dir, 'evil.pt'), {
    tensors: tensorsWithOwnStorages([{ name: 'blocks.0.self_attn.q.weight', shape: [8, 8] }]),
    extraRecords: [{ name: 'archive/extra.pkl', data: evil }]
  })
  const gguf = comfyWanGgufSpec()
  writeGguf(join(dir, 'wan.gguf'), { ...gguf, kv: [...gguf.kv, kv('wan.attention.head_count', gv.u32(4))] })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Paths under the test's folder; the gate also takes them relative to its working folder (io.cwd).
const at = (p: string) => join(dir, p)
/**
 * Lines wider than `columns`, except a line that is one word too long to break (a path in a command to copy,
 * which is never cut: `word` or `word \`).
 */
function overflowing(text: string, columns: number): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > columns && !/^ *\S+( \\)?$/.test(l))
}

const BASELINE = 'examples/baseline/wan-t2v-like.manifest.json'
const ART = 'examples/artifacts'

/** Each command with the shape its first line must have. */
const COMMANDS: Array<{ name: string; argv: () => string[]; first: RegExp; code?: number }> = [
  {
    name: 'analyze FILE',
    argv: () => ['analyze', at('wan.safetensors')],
    first:
      /^\S*\/wan\.safetensors: Wan-architecture model \(dim 128\), \w+ confidence, safetensors, 231 tensors, [\d.]+[KM]? parameters, BF16$/
  },
  {
    name: 'analyze PICKLE with a dangerous global',
    argv: () => ['analyze', at('evil.pt')],
    first: /^✗ \S*\/evil\.pt: 1 dangerous pickle global \(posix\.system\); nothing was executed\./
  },
  {
    name: 'analyze A B --compare',
    argv: () => ['analyze', at('wan.safetensors'), at('wan-diffusers.safetensors'), '--compare'],
    first: /^✓ COMPATIBLE: 100\.0% mapped overlap$/
  },
  {
    name: 'compare A B',
    argv: () => ['compare', at('wan.safetensors'), at('wan-diffusers.safetensors')],
    first: /^✓ COMPATIBLE: 100\.0% mapped overlap$/
  },
  {
    name: 'lora FILE',
    argv: () => ['lora', at('small.safetensors')],
    first: /^\S*\/small\.safetensors: kohya LoRA for Wan \(width 128\), 80 modules, rank 2$/
  },
  {
    name: 'lora FILE --base',
    argv: () => ['lora', at('big.safetensors'), '--base', at(BASELINE)],
    first: /^✗ \S*\/big\.safetensors: 0 \/ 120 modules load \(0\.0%\) on /
  },
  {
    name: 'lora A B --compare',
    argv: () => ['lora', at('small.safetensors'), at('big.safetensors'), '--compare'],
    first: /^✗ DIFFERENT MODEL SIZES: A is for Wan \(width 128\), B for Wan \(width 192\)$/
  },
  {
    name: 'gate',
    argv: () => ['gate', '--baseline', BASELINE, `${ART}/*.safetensors`, 'evil.pt'],
    first: /^✗ FAILED: 3 of 5 artifacts do not pass; 1 imports dangerous pickle globals/,
    code: 1
  },
  {
    name: 'convert --dry-run',
    argv: () => [
      'convert',
      at(`${ART}/wan-lora-diffusers-naming.safetensors`),
      '--base',
      at(BASELINE),
      '--dry-run'
    ],
    first: /^✓ exact conversion planned: 64 modules to comfyui names; nothing written \(--dry-run\)$/
  }
]

describe.each(COMMANDS)('$name', ({ argv, first, code }) => {
  it('starts with the answer', async () => {
    const r = await cli(argv(), { columns: 200 })
    expect(r.code).toBe(code ?? 0)
    expect(r.out.split('\n')[0]).toMatch(first)
    // The console view is the whole answer: stderr does not say it again.
    expect(r.err).toBe('')
  })

  it.each([80, 100])('fits %i columns', async (columns) => {
    const r = await cli(argv(), { columns })
    expect(overflowing(r.out, columns)).toEqual([])
  })

  it('carries symbols without colour, and colour changes nothing else', async () => {
    const plain = await cli(argv(), { columns: 100 })
    expect(plain.out).not.toMatch(ANSI)
    const coloured = await cli(argv(), { columns: 100, color: true })
    expect(coloured.out).toMatch(ANSI)
    expect(coloured.out.replace(ANSI, '')).toBe(plain.out)
  })
})

describe('without COLUMNS and not on a terminal', () => {
  it('fits 100 columns; --wide leaves lines whole', async () => {
    const argv = ['gate', '--baseline', BASELINE, `${ART}/*.safetensors`]
    const r = await cli(argv)
    expect(Math.max(...r.out.split('\n').map(displayWidth))).toBeLessThanOrEqual(100)
    const wide = await cli([...argv, '--wide'], { columns: 80 })
    expect(Math.max(...wide.out.split('\n').map(displayWidth))).toBeGreaterThan(100)
  })
})

describe('issue 18 regressions', () => {
  it('names same-named files by the shortest distinguishing path', async () => {
    const r = await cli(['compare', at('a/A.safetensors'), at('b/A.safetensors')], { columns: 100 })
    expect(r.out).toMatch(/^ {2}A {2}a\/A\.safetensors /m)
    expect(r.out).toMatch(/^ {2}B {2}b\/A\.safetensors /m)
  })

  it('says which blocks are unmatched instead of {i}, and prints no empty section', async () => {
    const r = await cli(['compare', at('a/A.safetensors'), at('b/A.safetensors')], { columns: 100 })
    expect(r.out).toContain('  blocks.{4-7}.self_attn.q.weight\n')
    expect(r.out).not.toContain('{i}')
    expect(r.out).not.toMatch(/Unmatched in B|Mappings: 0|: 0 matching/)
    const same = await cli(['compare', at('wan.safetensors'), at('wan-diffusers.safetensors')], {
      columns: 100
    })
    expect(same.out).not.toMatch(/Unmatched in [AB]|high 0|medium 0|low 0/)
  })

  it('counts say what they count: mapping entries reconcile with the mapped tensors', async () => {
    const r = await cli(['compare', at('wan.safetensors'), at('wan-diffusers.safetensors')], { columns: 100 })
    expect(r.out).toMatch(/mapped \(high confidence\) +100\.0% +231 \/ 231/)
    expect(r.out).toContain('Mappings: 229 entries, all high confidence (one per conversion: rename, split,')
    expect(r.out).toMatch(/in both 2, only in A 229/)
  })

  it('numbers the next steps and names the command, convert where it applies', async () => {
    const r = await cli(['compare', at('wan.safetensors'), at('wan-diffusers.safetensors')], { columns: 100 })
    const steps = r.out.slice(r.out.indexOf('Next steps\n'))
    expect(steps).toMatch(
      /^ {2}1\. Review the proposed mapping:\n {7}model-compat compare \S*\/wan\.safetensors/m
    )
    expect(steps).toMatch(
      /^ {2}2\. .*\n {7}model-compat convert LORA\.safetensors --base \\\n {9}\S*\/wan-diffusers\.safetensors --to base --dry-run$/m
    )
  })

  it('the gate lists dangerous globals before the figure, failures first, once', async () => {
    const r = await cli(['gate', '--baseline', BASELINE, `${ART}/wan-lora-fits.safetensors`, 'evil.pt'], {
      columns: 100
    })
    const section = r.out.slice(r.out.indexOf('evil.pt: ✗ fails'))
    expect(section.split('\n')[1]).toMatch(/^ {2}- Dangerous pickle globals: posix\.system/)
    expect(r.out.match(/^ {2}[✓✗] (PASS|FAIL) .*$/gm)!.map((l) => l.trim().slice(2, 6))).toEqual([
      'FAIL',
      'PASS'
    ])
    expect(r.err).toBe('')
  })

  it('GGUF heads come from the metadata, the same in the summary and the table', async () => {
    const r = await cli(['analyze', at('wan.gguf')], { columns: 120 })
    expect(r.out).toMatch(/^ {2}heads +4 x 64 \(file metadata\)$/m)
    expect(r.out).not.toMatch(/self_attn .* \?$/m)
  })

  it('suggests the command or flag meant', async () => {
    const cmd = await cli(['analyse', 'x'])
    expect(cmd.code).toBe(2)
    expect(cmd.err).toContain("unknown command 'analyse'. Did you mean 'analyze'?")
    const opt = await cli(['analyze', at('wan.safetensors'), '--expot', 'k.txt'])
    expect(opt.code).toBe(2)
    expect(opt.err).toContain("unknown option --expot for 'analyze'. Did you mean --export?")
    const far = await cli(['analyze', at('wan.safetensors'), '--zzzzzz'])
    expect(far.err).not.toContain('Did you mean')
  })
})
