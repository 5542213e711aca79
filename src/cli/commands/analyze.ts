/** `model-compat analyze FILE... [--names N...] [--export keys.txt] [--json] [--compare --mapping out.json]` */
import { list, flag, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { CheckpointError, EXIT, globalsOfFailure, InputError, UsageError } from '../../formats/errors.js'
import { summarizeCheckpoint } from '../../formats/summary.js'
import { HeaderCache } from '../../formats/header-cache.js'
import { isRemoteLocation } from '../../formats/http/url.js'
import { readCheckpoint, type ReadBudget } from '../../formats/index.js'
import { manifestsToJson, manifestToJson, toManifest } from '../../formats/json/manifest.js'
import { analyzeStructure, type StructureAnalysis } from '../../analysis/index.js'
import type { Checkpoint } from '../../formats/types.js'
import {
  checkpointAnswer,
  renderCheckpointSummary,
  renderKeyExport,
  unreadableAnswer
} from '../../report/checkpoint-console.js'
import { distinguishingLabels } from '../../report/format.js'
import { fileHeading, paragraph } from '../../report/layout.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'
import { renderStructureConsole } from '../../report/analysis-console.js'
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
    const read = severalReader(reader.read)
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
      printSummaries(checkpoints, structures, names, args, io, { answers: false })
    }
    return status
  }

  const exportPath = str(args, 'export')
  if (exportPath !== undefined) await writeFileAtomic(exportPath, renderKeyExport(checkpoints))

  if (json) {
    const manifests = checkpoints.map((c, i) => {
      const m = toManifest(c, TOOL)
      if (structures[i] !== undefined) m.structure = structures[i]
      return m
    })
    io.stdout(manifests.length === 1 ? manifestToJson(manifests[0]) : manifestsToJson(manifests))
    return EXIT.ok
  }
  printSummaries(checkpoints, structures, names, args, io, { answers: true })
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
function severalReader(read: (path: string) => Promise<Checkpoint>): (path: string) => Promise<Checkpoint> {
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

/** An error as said after its file's name: without the name when the error is about that file. */
function errorWhat(entry: Unreadable): string {
  const e = entry.error
  return e instanceof CheckpointError && e.file === entry.path ? `${e.code}: ${e.detail}` : e.message
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
  if (exportPath !== undefined) await writeFileAtomic(exportPath, renderKeyExport(readable))
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
  const width = outputWidth(args, io)
  const labels = names
    ? entries.map((e, i) => names[i] ?? e.path)
    : distinguishingLabels(entries.map((e) => e.path))
  const parts = entries.map((e, i) => {
    if ('error' in e) {
      const answer = unreadableAnswer(labels[i]!, errorWhat(e), io.color)
      return { answer: paragraph(answer, width, '', '  '), details: '' }
    }
    const summary = summarizeCheckpoint(e.checkpoint)
    const structure = withStructure ? structureOf(e.checkpoint) : undefined
    const answer = paragraph(
      checkpointAnswer(labels[i]!, e.checkpoint, summary, structure, io.color),
      width,
      '',
      '  '
    )
    let details = renderCheckpointSummary(e.checkpoint, summary, { color: io.color, width })
    if (structure !== undefined)
      details += '\n' + renderStructureConsole(structure, { color: io.color, width })
    return { answer, details }
  })
  io.stdout(parts.map((p) => p.answer).join(''))
  entries.forEach((e, i) => {
    io.stdout('\n' + fileHeading(printable(labels[i]!), printable(e.path), width))
    io.stdout(parts[i]!.details || parts[i]!.answer)
  })
  if (exportPath !== undefined) io.stdout(`\nkeys written to ${printable(exportPath)}\n`)
  // The console view already says which files could not be read, first lines first: stderr does not repeat it.
  return outcome.exitCode
}

/** Items already rendered as JSON text, in an array indented like `manifestsToJson`'s. */
function jsonArray(items: readonly string[]): string {
  return `[\n${items.map((t) => '  ' + t.trimEnd().replace(/\n/g, '\n  ')).join(',\n')}\n]\n`
}

/**
 * Each file explained. With `answers`, the output starts with every file's answer line (what it is, or the
 * dangerous globals it imports), so the first lines answer for all files; each file's details follow under its
 * name.
 */
function printSummaries(
  checkpoints: readonly Checkpoint[],
  structures: ReadonlyArray<StructureAnalysis | undefined>,
  names: readonly string[] | undefined,
  args: ParsedArgs,
  io: CliIO,
  opts: { answers: boolean }
): void {
  const width = outputWidth(args, io)
  // One file is named by its path as given; several by what tells them apart (their paths head their details).
  const labels = names
    ? checkpoints.map((c, i) => names[i] ?? c.path)
    : checkpoints.length === 1
      ? [checkpoints[0].path]
      : distinguishingLabels(checkpoints.map((c) => c.path))
  const summaries = checkpoints.map((c) => summarizeCheckpoint(c))
  const answers = checkpoints.map((c, i) =>
    paragraph(checkpointAnswer(labels[i], c, summaries[i], structures[i], io.color), width, '', '  ')
  )
  const several = checkpoints.length > 1 || !opts.answers
  if (opts.answers) io.stdout(answers.join(''))
  checkpoints.forEach((ckpt, i) => {
    if (i > 0 || (several && opts.answers)) io.stdout('\n')
    // With one file the answer line heads its details; with several, each file's details get its name.
    if (several) io.stdout(fileHeading(printable(labels[i]), printable(ckpt.path), width))
    if (several && !opts.answers) io.stdout(answers[i])
    io.stdout(renderCheckpointSummary(ckpt, summaries[i], { color: io.color, width }))
    const structure = structures[i]
    if (structure !== undefined)
      io.stdout('\n' + renderStructureConsole(structure, { color: io.color, width }))
  })
}

export const analyzeCommand: Command = { spec, run }
