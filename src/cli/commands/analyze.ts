/** `model-compat analyze FILE... [--names N...] [--export keys.txt] [--json] [--compare --mapping out.json]` */
import { list, flag, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { EXIT, UsageError } from '../../formats/errors.js'
import { summarizeCheckpoint } from '../../formats/summary.js'
import { manifestsToJson, manifestToJson, toManifest } from '../../formats/json/manifest.js'
import { analyzeStructure, type StructureAnalysis } from '../../analysis/index.js'
import type { Checkpoint } from '../../formats/types.js'
import {
  checkpointAnswer,
  renderCheckpointSummary,
  renderKeyExport
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
  const checkpoints = []
  for (const path of args.positionals) checkpoints.push(await reader.read(path))
  const withStructure = !flag(args, 'no-structure')
  const json = flag(args, 'json')
  // --compare --json prints the comparison document alone (one JSON value on stdout)
  const structures = checkpoints.map((c) =>
    withStructure && !(compare && json) ? analyzeStructure(c) : undefined
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
