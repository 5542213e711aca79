/**
 * End to end: the bundled CLI (dist/cli/index.js, or MC_CLI_BUNDLE) as users run it, in a child process. What only
 * the bundle does is tested here: output through pipes and files (written with fs.writeSync, src/cli/stdio.ts),
 * a reader that stops early, and the compiled-code cache (src/cli/compile-cache.ts) keyed by dist/cli/chunks.json.
 * Build the bundle first (`npm run bundle`).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  cpSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { scaledModel, type SpecTensor } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf } from '../../fixtures/lora.js'

const BUNDLE = resolve(process.env.MC_CLI_BUNDLE ?? 'dist/cli/index.js')
const BUNDLE_DIR = dirname(BUNDLE)

let dir: string
let big: string
const TENSORS = 3000

/** Many tensors, so `analyze --json` prints far more than a pipe holds (64 KiB on Linux). */
function manyTensors(): SpecTensor[] {
  const out: SpecTensor[] = []
  for (let i = 0; i < TENSORS; i++)
    out.push({ name: `blocks.${i}.attn.to_q.weight`, shape: [8, 8], dtype: 'F16' })
  return out
}

function run(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BUNDLE, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000
  })
}

function cacheFolder(home: string): string {
  return join(home, 'model-compat', 'v8', `${process.version}-${process.arch}`)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-cli-bundle-'))
  big = join(dir, 'many.safetensors')
  writeSafetensorsSync(big, manyTensors(), { data: 'sparse' })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the CLI bundle writes its output whole', () => {
  it('through a pipe: several hundred KB of JSON arrive complete', () => {
    const r = run(['analyze', big, '--json'], { NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout.length).toBeGreaterThan(4 * 65536)
    const manifest = JSON.parse(r.stdout) as { tensors: Record<string, unknown> }
    expect(Object.keys(manifest.tensors)).toHaveLength(TENSORS)
  })

  it('into a regular file, the same bytes as through a pipe', () => {
    const file = join(dir, 'out.json')
    const fd = openSync(file, 'w')
    try {
      const r = spawnSync(process.execPath, [BUNDLE, 'analyze', big, '--json'], {
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '', NODE_DISABLE_COMPILE_CACHE: '1' },
        timeout: 60_000
      })
      expect(r.status).toBe(0)
    } finally {
      closeSync(fd)
    }
    const piped = run(['analyze', big, '--json'], { NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout)
  })

  it('stops quietly, exit 0 and nothing on stderr, when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [BUNDLE, 'analyze', big, '--json'], {
      env: { ...process.env, NODE_OPTIONS: '', NODE_DISABLE_COMPILE_CACHE: '1' }
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // like `| head -c 100`: take the first chunk, then close our end while the CLI still has most to write
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('the compiled-code cache', () => {
  const chunkHashes = (): Record<string, string> =>
    JSON.parse(readFileSync(join(BUNDLE_DIR, 'chunks.json'), 'utf8')) as Record<string, string>

  it('chunks.json names every chunk of the bundle with its SHA-256', () => {
    const chunks = readdirSync(BUNDLE_DIR).filter((n) => /^\d+\.index\.js$/.test(n))
    expect(chunks.length).toBeGreaterThan(3)
    const expected = Object.fromEntries(
      chunks.map((n) => [
        n,
        createHash('sha256')
          .update(readFileSync(join(BUNDLE_DIR, n)))
          .digest('hex')
      ])
    )
    expect(chunkHashes()).toEqual(expected)
  })

  it('is written on the first run, used on the next, and replaced when it is damaged', () => {
    const home = mkdtempSync(join(dir, 'cache-'))
    const first = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home })
    expect(first.status).toBe(0)
    const folder = cacheFolder(home)
    const entries = readdirSync(folder).sort()
    // one entry per chunk the analyze command loaded, named by that chunk's hash
    // `HASH.FOLDER.bin`, or `HASH.FOLDER-MODE.bin` when the command runs with its own V8 flags (src/cli/jit.ts:
    // analyze has the `reader` mode on the Node versions whose flags were measured)
    const known = new Set(Object.values(chunkHashes()))
    expect(entries.length).toBeGreaterThanOrEqual(3)
    for (const e of entries)
      expect(known.has(/^([0-9a-f]{64})\.[0-9a-f]{8}(?:-reader)?\.bin$/.exec(e)?.[1] ?? '')).toBe(true)
    expect(statSync(folder).mode & 0o777).toBe(0o700)

    const sizes = entries.map((e) => statSync(join(folder, e)).size)
    const second = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home })
    expect(second.stdout).toBe(first.stdout)
    // a run that used the cache does not rewrite it
    expect(entries.map((e) => statSync(join(folder, e)).size)).toEqual(sizes)

    // garbage in an entry: V8 rejects it, the chunk is compiled from source and the entry is written again
    writeFileSync(join(folder, entries[0]!), 'not a code cache')
    const third = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home })
    expect(third.status).toBe(0)
    expect(third.stdout).toBe(first.stdout)
    // rewritten with a real cache (its size varies by a few bytes with what V8 compiled lazily), which the
    // next run accepts and so leaves alone
    const rewritten = statSync(join(folder, entries[0]!))
    expect(rewritten.size).toBeGreaterThan(sizes[0]! / 2)
    const fourth = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home })
    expect(fourth.stdout).toBe(first.stdout)
    expect(statSync(join(folder, entries[0]!)).mtimeMs).toBe(rewritten.mtimeMs)
  })

  it("keeps its own entries per compiler mode, so compare and analyze do not replace each other's", () => {
    // compare runs without V8's optimizing compilers (src/cli/jit.ts), and V8 rejects code cached under other
    // flags: with shared entries, each command would rewrite the chunks both load, on every run
    const home = mkdtempSync(join(dir, 'modes-'))
    const folder = cacheFolder(home)
    const mtimes = (): Record<string, number> =>
      Object.fromEntries(readdirSync(folder).map((e) => [e, statSync(join(folder, e)).mtimeMs]))
    expect(run(['analyze', big, '--json'], { XDG_CACHE_HOME: home }).status).toBe(0)
    const analyzeEntries = mtimes()
    expect(run(['compare', big, big, '--json'], { XDG_CACHE_HOME: home }).status).toBe(0)
    const both = mtimes()
    const compareEntries = Object.keys(both).filter((e) => !(e in analyzeEntries))
    expect(compareEntries.length).toBeGreaterThan(0)
    for (const e of compareEntries) expect(e).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{8}-name-work\.bin$/)
    for (const [e, t] of Object.entries(analyzeEntries)) expect(both[e]).toBe(t)
    // each command's next run uses its own entries and rewrites nothing
    expect(run(['analyze', big, '--json'], { XDG_CACHE_HOME: home }).status).toBe(0)
    expect(run(['compare', big, big, '--json'], { XDG_CACHE_HOME: home }).status).toBe(0)
    expect(mtimes()).toEqual(both)
  })

  it("keeps each copy of the bundle's entries apart (V8 keeps a cached script's file name for its stack traces)", () => {
    const home = mkdtempSync(join(dir, 'copies-'))
    const copy = join(dir, 'another-install')
    cpSync(BUNDLE_DIR, copy, { recursive: true })
    const folder = cacheFolder(home)
    expect(run(['analyze', big, '--json'], { XDG_CACHE_HOME: home }).status).toBe(0)
    const first = readdirSync(folder).sort()
    const other = spawnSync(process.execPath, [join(copy, 'index.js'), 'analyze', big, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', XDG_CACHE_HOME: home }
    })
    expect(other.status).toBe(0)
    const both = readdirSync(folder).sort()
    const added = both.filter((e) => !first.includes(e))
    // the same chunks (same hashes), each with an entry of its own
    const hashes = (list: string[]) => list.map((e) => e.slice(0, 64)).sort()
    expect(added.length).toBe(first.length)
    expect(hashes(added)).toEqual(hashes(first))
  })

  it('is not used in a folder that others may write to', () => {
    const home = mkdtempSync(join(dir, 'shared-'))
    const folder = cacheFolder(home)
    mkdirSync(folder, { recursive: true })
    chmodSync(folder, 0o777)
    const r = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home })
    expect(r.status).toBe(0)
    expect(readdirSync(folder)).toEqual([])
  })

  it('is off with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const home = mkdtempSync(join(dir, 'off-'))
    const r = run(['analyze', big, '--json'], { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(r.status).toBe(0)
    expect(existsSync(join(home, 'model-compat'))).toBe(false)
  })
})

describe('built-in modules a run does not use are not loaded', () => {
  // Loading node:crypto, node:fs/promises or node:worker_threads costs 2-11 ms each, paid before a command's own
  // work starts when a chunk imports them at its top (src/formats/builtins.ts).
  const LAZY = ['crypto', 'fs/promises', 'worker_threads']

  /**
   * Runs the bundle with a preload of `setup` (JavaScript, run first) that records process.moduleLoadList at
   * exit; returns the lazily loaded built-ins that the run loaded, and its output.
   */
  function loadedBy(args: string[], setup = ''): { lazy: string[]; stdout: string } {
    const list = join(dir, 'loaded.json')
    const preload = join(dir, 'record-loads.cjs')
    writeFileSync(
      preload,
      `${setup}\nprocess.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)))\n`
    )
    rmSync(list, { force: true })
    const r = spawnSync(process.execPath, ['--require', preload, BUNDLE, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[]
    return { lazy: LAZY.filter((m) => loaded.includes(`NativeModule ${m}`)), stdout: r.stdout }
  }

  /** A small kohya LoRA on a two-block Wan base's self-attention: `convert --to comfyui` renames it. */
  let lora: string
  let basePath: string
  beforeAll(() => {
    const base = scaledModel('wan2.1-t2v-1.3b', { num_layers: 2 })
    basePath = join(dir, 'convert-base.safetensors')
    writeSafetensorsSync(basePath, base, { data: 'sparse' })
    lora = join(dir, 'convert-lora.safetensors')
    const fx = kohyaLora(targetsOf(base, /self_attn\.[qkvo]$/), { rank: 4, alpha: 4 })
    writeSafetensorsSync(lora, fx.tensors, { data: 'zeros' })
  })
  const rename = (out: string): string[] => [
    'convert',
    lora,
    '--base',
    basePath,
    '--to',
    'comfyui',
    '-o',
    out,
    '--json'
  ]

  it('analyze and compare load none of them', () => {
    expect(loadedBy(['analyze', big, '--json']).lazy).toEqual([])
    expect(loadedBy(['compare', big, big, '--json']).lazy).toEqual([])
  })

  it('a conversion loads node:crypto only to hash what it writes, and no worker for a small rename', () => {
    expect(loadedBy(['convert', lora, '--base', basePath, '--dry-run', '--json']).lazy).toEqual([])
    const written = loadedBy(rename(join(dir, 'converted.safetensors')))
    expect(written.lazy).toEqual(['crypto'])
    const report = JSON.parse(written.stdout) as { written: { copy: string; sourceHeaderSha256: string } }
    expect(report.written.copy).toBe('kernel')
    expect(report.written.sourceHeaderSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('are loaded without process.getBuiltinModule too (Node 20 before 20.16)', () => {
    const r = loadedBy(rename(join(dir, 'fallback-out.safetensors')), 'delete process.getBuiltinModule')
    const report = JSON.parse(r.stdout) as { written: { sourceHeaderSha256: string } }
    expect(report.written.sourceHeaderSha256).toMatch(/^[0-9a-f]{64}$/)
  })
})
