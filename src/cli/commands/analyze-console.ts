/**
 * The console view of `analyze` (answer lines, each file's details, the structure tables), apart from the
 * command so that `analyze --json` never loads or compiles the renderers (src/cli/commands/analyze.ts imports this
 * module only for the console view).
 */
import type { ParsedArgs } from '../args.js'
import type { CliIO } from '../io.js'
import { CheckpointError, type InputError } from '../../formats/errors.js'
import { summarizeCheckpoint } from '../../formats/summary.js'
import type { StructureAnalysis } from '../../analysis/index.js'
import type { Checkpoint } from '../../formats/types.js'
import {
  checkpointAnswer,
  renderCheckpointSummary,
  unreadableAnswer
} from '../../report/checkpoint-console.js'
import { distinguishingLabels } from '../../report/format.js'
import { fileHeading, paragraph } from '../../report/layout.js'
import { outputWidth } from '../display.js'
import { renderStructureConsole } from '../../report/analysis-console.js'
import { printable } from '../../util/text.js'

/** One file of several: its checkpoint, or the error that kept it from being read. */
export type SeveralEntry = { path: string; checkpoint: Checkpoint } | { path: string; error: InputError }

/** An error as said after its file's name: without the name when the error is about that file. */
function errorWhat(entry: { path: string; error: InputError }): string {
  const e = entry.error
  return e instanceof CheckpointError && e.file === entry.path ? `${e.code}: ${e.detail}` : e.message
}

/**
 * Several files, some of which could not be read, in the console: every file's answer line first (an unreadable
 * one says why), then each file's details under its name. `structureOf` is absent with --no-structure.
 */
export function printSeveral(
  entries: readonly SeveralEntry[],
  names: readonly string[] | undefined,
  args: ParsedArgs,
  io: CliIO,
  structureOf: ((c: Checkpoint) => StructureAnalysis) | undefined
): void {
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
    const structure = structureOf?.(e.checkpoint)
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
}

/**
 * Each file explained. With `answers`, the output starts with every file's answer line (what it is, or the
 * dangerous globals it imports), so the first lines answer for all files; each file's details follow under its
 * name.
 */
export function printSummaries(
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
