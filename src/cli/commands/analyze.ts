/** `model-compat analyze FILE... [--names N...] [--export keys.txt] [--json] [--compare --mapping out.json]` */
import { list, flag, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { CheckpointError, EXIT, globalsOfFailure, InputError, UsageError } from '../../formats/errors.js'
import { isRemoteLocation } from '../../formats/http/url.js'
import { readCheckpoint, type ReadBudget } from '../../formats/index.js'
import { manifestsToJson, manifestToJson, toManifest } from '../../formats/json/manifest.js'
import { analyzeStructure, type StructureAnalysis } from '../../analysis/index.js'
import type { Checkpoint } from '../../formats/types.js'
import { DISPLAY_OPTIONS } from '../display.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import { TOOL } from '../../version.js'
import { writeFileAtomic } from '../../formats/write-file.js'
import { printable } from '../../util/text.js'

const spec: CommandSpec = {
  name: 'analyze',
  summary:
    'Read checkpoints header-only and explain them: format, tensors, dtypes, metadata, pickle globals.',
  usage: 'FILE... [--names NAME...] [--export keys.txt] [--json] [--compare [--mapping out.json]]',
  minPositionals: 1,
  options: {
    names: { kind: 'list', help: 'display names for the files, in order', value: 'NAME...' },
    export: {
      kind: 'string',
      help: 'write every key with its shape and dtype to a text file',
      value: 'FILE'
    },
    json: { kind: 'boolean', help: 'print the manifest JSON (one object per file; an array for several)' },
    compare: { kind: 'boolean', help: 'compare the two files (same as `model-compat compare A B`)' },
    mapping: { kind: 'string', help: 'with --compare: write the key mapping JSON here', value: 'FILE' },
    'no-structure': {
      kind: 'boolean',
      help: 'skip the structure analysis (blocks, attention, dims, family)'
    },
    ...REMOTE_OPTIONS,
    ...DISPLAY_OPTIONS
  }
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const compare = flag(args, 'compare')
  if (compare && args.positionals.length !== 2) throw new UsageError('--compare needs exactly two files')
  if (!compare && str(args, 'mapping') !== undefined)
    throw new UsageError('--mapping needs --compare (or use `model-compat compare`)')
  const names = list(args, 'names')
  if (compare && names && names.length !== 2)
    throw new UsageError(`--names needs two names (A and B), got ${names.length}`)
  if (names && names.length > args.positionals.length) {
    throw new UsageError(`--names has ${names.length} names for ${args.positionals.length} files`)
  }
  const reader = checkpointReader(args, io)
  const json = flag(args, 'json')
  // One file, or the two of --compare: its error is the command's. Several: each is reported, the others are
  // still read, and the exit status is the worst (2 when one could not be read).
  const entries: Entry[] = []
  if (args.positionals.length === 1 || compare) {
    for (const path of args.positionals) entries.push({ path, checkpoint: await reader.read(path) })
  } else {
    const read = await severalReader(reader.read)
    for (const path of args.positionals) entries.push(await readEntry(path, read))
  }
  const failed = entries.filter((e): e is Unreadable => 'error' in e)
  if (failed.length > 0) return reportSeveral(entries, failed, names, args, io)
  const checkpoints = entries.map((e) => (e as Readable).checkpoint)
  const withStructure = !flag(args, 'no-structure')
  // --compare --json prints the comparison document alone (one JSON value on stdout)
  const structures = checkpoints.map((c) =>
    withStructure && !(compare && json) ? structureOf(c) : undefined
  )

  if (compare) {
    // The old scripts' form: the comparison (the same as `compare A B`, its verdict first), then each file
    // explained, as the details behind it.
    // Loaded here, not at the top: a plain analyze never pays for the comparison code.
    const { runCompare } = await import('./compare.js')
    const status = await runCompare(args, io, [checkpoints[0]!, checkpoints[1]!])
    if (!json) {
      io.stdout('\n')
      const view = await import('./analyze-console.js')
      view.printSummaries(checkpoints, structures, names, args, io, { answers: false })
    }
    return status
  }

  const exportPath = str(args, 'export')
  if (exportPath !== undefined) await writeFileAtomic(exportPath, await keyExport(checkpoints))

  if (json) {
    const manifests = checkpoints.map((c, i) => {
      const m = toManifest(c, TOOL)
      if (structures[i] !== undefined) m.structure = structures[i]
      return m
    })
    io.stdout(manifests.length === 1 ? manifestToJson(manifests[0]) : manifestsToJson(manifests))
    return EXIT.ok
  }
  // The console renderers load only for the console view: `--json` (scripts, CI) never compiles them.
  const view = await import('./analyze-console.js')
  view.printSummaries(checkpoints, structures, names, args, io, { answers: true })
  if (exportPath !== undefined) io.stdout(`\nkeys written to ${printable(exportPath)}\n`)
  return EXIT.ok
}

interface Readable {
  path: string
  checkpoint: Checkpoint
}

interface Unreadable {
  path: string
  error: InputError
}

type Entry = Readable | Unreadable

/**
 * How several files are read: local files through a header cache (src/formats/header-cache.ts), so a file whose
 * size and header equal an earlier one's (copies under other names) is not parsed again; it gets that file's
 * checkpoint under its own path. Folders, indexes and URLs are read the ordinary way.
 */
async function severalReader(
  read: (path: string) => Promise<Checkpoint>
): Promise<(path: string) => Promise<Checkpoint>> {
  // loaded here: a run of one file (the common case) never uses it
  const { HeaderCache } = await import('../../formats/header-cache.js')
  const cache = new HeaderCache()
  const readOther = (path: string, budget: ReadBudget) => readCheckpoint(path, { budget })
  return async (path) => {
    if (isRemoteLocation(path)) return read(path)
    const { value } = await cache.read(path, { readOther })
    return value.path === path ? value : { ...value, path }
  }
}

/**
 * The structure analysis of a checkpoint, once per distinct header: copies read through the header cache share
 * their tensor list, and the analysis depends on the tensors and metadata, never on the file's name.
 */
function structureOf(c: Checkpoint): StructureAnalysis {
  let s = structures.get(c.tensors)
  if (s === undefined) structures.set(c.tensors, (s = analyzeStructure(c)))
  return s
}

const structures = new WeakMap<readonly unknown[], StructureAnalysis>()

/** Reads one of several files: a bad input becomes that file's entry, anything else (a bug) is thrown. */
async function readEntry(path: string, read: (path: string) => Promise<Checkpoint>): Promise<Entry> {
  try {
    return { path, checkpoint: await read(path) }
  } catch (e) {
    if (e instanceof InputError) return { path, error: e }
    throw e
  }
}

/** The JSON entry of a file that could not be read: its path and its error, in place of its manifest. */
function errorEntry(entry: Unreadable): Record<string, unknown> {
  const e = entry.error
  const globals = globalsOfFailure(e)
  return {
    schemaVersion: 1,
    tool: { ...TOOL },
    source: { path: entry.path },
    error: {
      code: e instanceof CheckpointError ? e.code : e.name,
      message: e.message,
      ...(globals.length > 0 ? { globals } : {})
    }
  }
}

/**
 * Several files, some of which could not be read: every file is reported in order (a manifest or an error entry
 * in the JSON array; an answer line and a section each in the console), the keys of the readable ones exported,
 * and the command ends with the status of a bad input, naming the files that could not be read.
 */
async function reportSeveral(
  entries: readonly Entry[],
  failed: readonly Unreadable[],
  names: readonly string[] | undefined,
  args: ParsedArgs,
  io: CliIO
): Promise<number> {
  const withStructure = !flag(args, 'no-structure')
  const exportPath = str(args, 'export')
  const readable = entries.filter((e): e is Readable => 'checkpoint' in e).map((e) => e.checkpoint)
  if (exportPath !== undefined) await writeFileAtomic(exportPath, await keyExport(readable))
  const outcome = new InputError([
    `${failed.length} of ${entries.length} files could not be read:`,
    ...failed.map((f) => `  ${f.error.message}`)
  ])
  if (flag(args, 'json')) {
    const items = entries.map((e) => {
      if ('error' in e) return JSON.stringify(errorEntry(e), null, 2) + '\n'
      const m = toManifest(e.checkpoint, TOOL)
      if (withStructure) m.structure = structureOf(e.checkpoint)
      return manifestToJson(m)
    })
    io.stdout(jsonArray(items))
    throw outcome
  }
  const view = await import('./analyze-console.js')
  view.printSeveral(entries, names, args, io, withStructure ? structureOf : undefined)
  if (exportPath !== undefined) io.stdout(`\nkeys written to ${printable(exportPath)}\n`)
  // The console view already says which files could not be read, first lines first: stderr does not repeat it.
  return outcome.exitCode
}

/** Items already rendered as JSON text, in an array indented like `manifestsToJson`'s. */
function jsonArray(items: readonly string[]): string {
  return `[\n${items.map((t) => '  ' + t.trimEnd().replace(/\n/g, '\n  ')).join(',\n')}\n]\n`
}

/** The `--export` text (src/report/checkpoint-console.ts), loaded only when asked for. */
async function keyExport(checkpoints: readonly Checkpoint[]): Promise<string> {
  return (await import('../../report/checkpoint-console.js')).renderKeyExport(checkpoints)
}

export const analyzeCommand: Command = { spec, run }
