/**
 * `model-compat compare A B [--names NAME_A NAME_B] [--mapping out.json] [--export keys.txt] [--json]`, also
 * reached as `model-compat analyze A B --compare ...` (the old scripts' form, same options).
 */
import { flag, list, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { EXIT, UsageError } from '../../formats/errors.js'
import { writeFileAtomic } from '../../formats/write-file.js'
import { toJson } from '../../util/json.js'
import { printable } from '../../util/text.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import { compareCheckpoints, toMappingFile } from '../../compare/index.js'
import { renderComparisonConsole } from '../../report/compare-console.js'
import { renderKeyExport } from '../../report/checkpoint-console.js'
import { distinguishingLabels } from '../../report/format.js'
import { renderCompareExport } from '../../report/key-exports.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'
import { TOOL } from '../../version.js'
import type { Checkpoint } from '../../formats/types.js'

const spec: CommandSpec = {
  name: 'compare',
  summary: 'Compare two models: key overlap, shapes, flags, a verdict, and a proposed key mapping.',
  usage: 'A B [--names NAME_A NAME_B] [--mapping out.json] [--export keys.txt] [--json]',
  minPositionals: 2,
  maxPositionals: 2,
  options: {
    names: { kind: 'list', help: 'display names for A and B', value: 'NAME_A NAME_B' },
    mapping: {
      kind: 'string',
      help: 'write the key mapping JSON (schemas/mapping.schema.json) here',
      value: 'FILE'
    },
    export: { kind: 'string', help: 'write both key lists and every mapping to a text file', value: 'FILE' },
    json: { kind: 'boolean', help: 'print the mapping document as JSON instead of the report' },
    ...REMOTE_OPTIONS,
    ...DISPLAY_OPTIONS
  }
}

/** `loaded`: A and B already read (by `analyze --compare`, which printed them first). */
export async function runCompare(
  args: ParsedArgs,
  io: CliIO,
  loaded?: readonly [Checkpoint, Checkpoint]
): Promise<number> {
  if (args.positionals.length !== 2) throw new UsageError(`compare needs exactly two files: ${spec.usage}`)
  const names = list(args, 'names')
  if (names && names.length !== 2)
    throw new UsageError(`--names needs two names (A and B), got ${names.length}`)
  const [pathA, pathB] = args.positionals
  let a: Checkpoint
  let b: Checkpoint
  if (loaded !== undefined) [a, b] = loaded
  else {
    const reader = checkpointReader(args, io)
    a = await reader.read(pathA)
    b = await reader.read(pathB)
  }
  // Without --names, each side is named by the shortest tail of its path that tells the two apart.
  const [labelA, labelB] = names ?? distinguishingLabels([pathA, pathB])
  const comparison = compareCheckpoints(a, b, { names: [labelA, labelB] })
  const document = toMappingFile(comparison, TOOL)

  const mappingPath = str(args, 'mapping')
  if (mappingPath !== undefined) await writeFileAtomic(mappingPath, toJson(document))
  const exportPath = str(args, 'export')
  if (exportPath !== undefined)
    await writeFileAtomic(exportPath, renderCompareExport(comparison, renderKeyExport([a, b])))

  if (flag(args, 'json')) {
    io.stdout(toJson(document))
    return EXIT.ok
  }
  io.stdout(renderComparisonConsole(comparison, { color: io.color, width: outputWidth(args, io) }))
  const written = [
    mappingPath && `mapping written to ${printable(mappingPath)}`,
    exportPath && `keys written to ${printable(exportPath)}`
  ]
  for (const w of written) if (w) io.stdout(`${w}\n`)
  return EXIT.ok
}

export const compareCommand: Command = { spec, run: runCompare }
