/**
 * Keeps V8's compiled code for the CLI's chunk files between runs, so a command does not recompile its ~300 KB
 * of JavaScript on every run (about 15 ms of a 120 ms `analyze`, measured in BENCHMARKS.md).
 *
 * It compiles each chunk of the CommonJS bundle (scripts/bundle-cli.mjs) through `vm.Script` with the cached data,
 * and at exit stores the code V8 compiled during the run (including functions compiled lazily, which is most of
 * it) for chunks that had no usable cache. Node 22.1+ has a built-in cache (`module.enableCompileCache`), but it
 * stores a chunk's code right after its first compile, before the lazily compiled functions exist, and by default
 * in the shared temp folder: measured on Node 24.21 (BENCHMARKS.md), a torch `analyze` took 98 ms with it and 67 ms
 * with this one. So this one is used on every Node version.
 *
 * Safety, because cached code is code:
 * - an entry is keyed by the chunk's SHA-256 written at build time (`chunks.json`), the bundle's folder, the Node
 *   version and the architecture; V8 itself also rejects data made by another V8 or with other flags (then we
 *   recompile);
 * - the cache lives in the user's own cache folder (`$XDG_CACHE_HOME/model-compat/v8/...`, else `$HOME/.cache/...`),
 *   never a shared temp folder, and is used only when that folder is owned by us and writable by nobody else;
 * - entries are written to a temporary name and renamed, so a concurrent run never reads half a file;
 * - each compiler mode (jit.ts) has its own entries: V8 rejects code cached under other flags, so with one entry
 *   per chunk, alternating `analyze` and `compare` (or two users of one home folder) rewrote the shared chunks'
 *   entries on every run and compiled them from source each time.
 * Any failure (read-only home, no home, odd platform) only costs the speed-up. NODE_DISABLE_COMPILE_CACHE=1
 * turns it off, as it does Node's own.
 */
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { Script } from 'node:vm'
import type { CompilerMode } from './jit.js'

/** The parts of Node's CommonJS loader we wrap; not in @types/node's public `Module` type. */
interface CjsModule {
  exports: unknown
  _compile(content: string, filename: string): unknown
}
interface CjsModuleClass {
  prototype: CjsModule
  wrap(source: string): string
}

export type CompileCacheMode = 'bundle' | 'off'

/**
 * Turns the cache on for this process; returns which one is in use. `entry` is the path the CLI was started
 * with (`process.argv[1]`): the chunk hashes are read from `chunks.json` next to it, so running from sources
 * (tsx, tests) finds none and changes nothing.
 */
export function enableCompileCache(
  entry: string | undefined,
  env: NodeJS.ProcessEnv,
  compilers: CompilerMode = 'default'
): CompileCacheMode {
  const loader = Module as unknown as CjsModuleClass
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '') return 'off'
  try {
    if (entry === undefined || typeof loader.wrap !== 'function') return 'off'
    const bundleDir = dirname(realpathSync(entry))
    const hashes = readChunkHashes(join(bundleDir, 'chunks.json'))
    if (hashes === undefined) return 'off'
    const cacheDir = privateCacheDir(env)
    if (cacheDir === undefined) return 'off'
    installHook(loader, bundleDir, hashes, cacheDir, compilers === 'default' ? '' : `-${compilers}`)
    return 'bundle'
  } catch {
    return 'off'
  }
}

function readChunkHashes(file: string): Map<string, string> | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const parsed: unknown = JSON.parse(text)
  if (parsed === null || typeof parsed !== 'object') return undefined
  const hashes = new Map<string, string>()
  for (const [name, hash] of Object.entries(parsed)) {
    if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) hashes.set(name, hash)
  }
  return hashes
}

/** `<user cache>/model-compat/v8/<node version>-<arch>`, created private; undefined when it is not ours alone. */
function privateCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  // From the environment rather than os.homedir(): node:os is not otherwise loaded by a CLI run.
  const base = isAbsolute(env.XDG_CACHE_HOME ?? '')
    ? env.XDG_CACHE_HOME!
    : isAbsolute(env.HOME ?? '')
      ? join(env.HOME!, '.cache')
      : isAbsolute(env.LOCALAPPDATA ?? '')
        ? env.LOCALAPPDATA!
        : undefined
  if (base === undefined) return undefined
  const dir = join(base, 'model-compat', 'v8', `${process.version}-${process.arch}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const uid = process.getuid?.()
  const st = lstatSync(dir)
  if (!st.isDirectory()) return undefined
  // On POSIX: ours, and nobody else may write there (where the uid is unknown, as on Windows, the profile
  // folder's own ACLs apply).
  if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined
  return dir
}

/**
 * A short tag of the bundle's folder, part of each entry's name. V8 keeps the file name a script was compiled with
 * in its cached code, so a chunk whose entry another copy of the bundle wrote (the same chunk installed twice, the
 * action's checkout and a global install) named that copy's files in its stack traces; seen in an internal error's
 * trace, which named a folder the running bundle had never been in. FNV-1a, 32 bits: it tells folders apart, and
 * a collision only shares an entry, as before.
 */
function folderTag(dir: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < dir.length; i++) h = Math.imul(h ^ dir.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}

function installHook(
  loader: CjsModuleClass,
  bundleDir: string,
  hashes: Map<string, string>,
  cacheDir: string,
  suffix: string
): void {
  const original = loader.prototype._compile
  const toStore: Array<{ script: Script; file: string }> = []
  const place = folderTag(bundleDir)

  loader.prototype._compile = function compileWithCache(this: CjsModule, content: string, filename: string) {
    const hash = dirname(filename) === bundleDir ? hashes.get(basename(filename)) : undefined
    if (hash === undefined) return original.call(this, content, filename)
    const file = join(cacheDir, `${hash}.${place}${suffix}.bin`)
    let cachedData: Buffer | undefined
    try {
      cachedData = readFileSync(file)
    } catch {
      cachedData = undefined
    }
    const script = new Script(loader.wrap(content), { filename, cachedData })
    if (cachedData === undefined || script.cachedDataRejected === true) toStore.push({ script, file })
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown
    const requireFromChunk = createRequire(filename)
    return wrapper.call(this.exports, this.exports, requireFromChunk, this, filename, dirname(filename))
  }

  process.once('exit', () => {
    for (const { script, file } of toStore) {
      try {
        const temp = `${file}.${process.pid}.tmp`
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 })
        renameSync(temp, file)
      } catch {
        // a full disk or a read-only cache only costs the next run's speed-up
      }
    }
  })
}
