/**
 * `model-compat lora FILE... [--base BASE] [--loader comfyui|diffusers|any] [--compare] [--names N...] [--json]
 * [--markdown] [--export keys.txt] [--read-alpha]`: explain LoRA files, resolve them against a base (under one
 * runtime's loading rules with --loader), compare two.
 */
import { flag, list, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { EXIT, UsageError } from '../../formats/errors.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import { readAlphaScalars } from '../alpha.js'
import { analyzeLora } from '../../lora/analyze.js'
import { buildBaseIndex } from '../../lora/base-index.js'
import { compareLoras } from '../../lora/compare.js'
import { resolveLora } from '../../lora/resolve.js'
import { buildLoraReport } from '../../lora/report.js'
import { wordResolution } from '../../report/lora-reasons.js'
import { applyLoader, applyRuntimeLoaders, isLoaderName, LOADERS } from '../../lora/loaders/index.js'
import type { LoaderName, LoraAnalysis, LoraResolution } from '../../lora/types.js'
import { loadsInLine } from '../../report/loader-text.js'
import {
  loraAnswer,
  renderLoraAnalysis,
  renderLoraResolution,
  resolutionAnswer,
  resolutionSteps
} from '../../report/lora-console.js'
import { renderLoraComparison } from '../../report/lora-compare-console.js'
import { colors, distinguishingLabels } from '../../report/format.js'
import { fileHeading, paragraph } from '../../report/layout.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'
import {
  loraAnalysisMarkdown,
  loraComparisonMarkdown,
  loraResolutionMarkdown
} from '../../report/lora-markdown.js'
import { TOOL } from '../../version.js'
import { writeFileAtomic } from '../../formats/write-file.js'
import { renderLoraKeyExport } from '../../report/key-exports.js'
import { printable } from '../../util/text.js'

export const loraSpec: CommandSpec = {
  name: 'lora',
  summary:
    'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
  usage:
    'FILE... [--base BASE] [--loader comfyui|diffusers|any] [--compare] [--names NAME...] [--json | --markdown] ' +
    '[--export keys.txt] [--read-alpha]',
  minPositionals: 1,
  options: {
    base: {
      kind: 'string',
      help: 'resolve every module against this base (checkpoint, folder or manifest)',
      value: 'BASE'
    },
    loader: {
      kind: 'string',
      help:
        "resolve by one runtime's loading rules: comfyui, diffusers, or any (every naming model-compat knows; " +
        'the default). Without it the answer lists every runtime',
      value: 'LOADER'
    },
    compare: { kind: 'boolean', help: 'compare the two LoRA files' },
    names: { kind: 'list', help: 'display names for the files, in order', value: 'NAME...' },
    json: { kind: 'boolean', help: 'print the JSON report (schemas/lora.schema.json)' },
    markdown: { kind: 'boolean', help: 'print the report as Markdown' },
    export: {
      kind: 'string',
      help: 'write every LoRA key with its module, role, shape and base target',
      value: 'FILE'
    },
    'read-alpha': {
      kind: 'boolean',
      help: 'read the scalar alpha / alpha_scale values (a few bytes each; otherwise only headers are read)'
    },
    ...REMOTE_OPTIONS,
    ...DISPLAY_OPTIONS
  }
}

export async function runLora(args: ParsedArgs, io: CliIO): Promise<number> {
  const files = args.positionals
  const names = list(args, 'names')
  if (names && names.length > files.length)
    throw new UsageError(`--names has ${names.length} names for ${files.length} files`)
  const compare = flag(args, 'compare')
  if (compare && files.length !== 2) throw new UsageError('--compare needs exactly two LoRA files')
  if (flag(args, 'json') && flag(args, 'markdown'))
    throw new UsageError('--json and --markdown are exclusive')

  const loaderArg = str(args, 'loader')
  if (loaderArg !== undefined && !isLoaderName(loaderArg))
    throw new UsageError(`--loader ${loaderArg}: expected one of ${LOADERS.join(', ')}`)
  const loader: LoaderName | undefined = loaderArg
  if (loader !== undefined && str(args, 'base') === undefined) throw new UsageError('--loader needs --base')

  const reader = checkpointReader(args, io)
  const analyses: LoraAnalysis[] = []
  for (const path of files) {
    const ckpt = await reader.read(path)
    // Through the reader that read the LoRA: a URL's alphas are read over HTTP, a path's from the disk.
    const open = (file: string) => reader.open(file === ckpt.path ? path : file)
    const scalars = flag(args, 'read-alpha') ? await readAlphaScalars(ckpt, open) : undefined
    analyses.push(analyzeLora(ckpt, scalars ? { scalars } : {}))
  }
  const basePath = str(args, 'base')
  const resolutions: (LoraResolution | undefined)[] = []
  // Without --loader: every runtime profile, for the one-line `loads in:` summary.
  const profiles: LoraResolution[][] = []
  if (basePath !== undefined) {
    const index = buildBaseIndex(await reader.read(basePath))
    for (const a of analyses) {
      const any = wordResolution(resolveLora(a, index))
      if (loader !== undefined) resolutions.push(applyLoader(loader, a, any, index))
      else {
        resolutions.push(any)
        profiles.push(applyRuntimeLoaders(a, any, index))
      }
    }
  }
  const comparison = compare ? compareLoras(analyses[0]!, analyses[1]!) : undefined
  const pairNames: { names?: [string, string] } =
    names && names.length === 2 ? { names: [names[0]!, names[1]!] } : {}

  const exportPath = str(args, 'export')
  if (exportPath !== undefined) await writeFileAtomic(exportPath, renderLoraKeyExport(analyses, resolutions))

  if (flag(args, 'json')) {
    const input: Parameters<typeof buildLoraReport>[0] = { tool: TOOL, analyses, resolutions }
    if (profiles.length > 0) input.loaders = profiles
    if (names) input.names = names
    if (basePath !== undefined) input.base = basePath
    if (comparison) input.comparison = comparison
    // No BigInt in this document (byte ranges are left out), so the plain serialiser, which is several times
    // faster on a 1,500-module report than a replacer.
    io.stdout(JSON.stringify(buildLoraReport(input), null, 2) + '\n')
    return EXIT.ok
  }
  const markdown = flag(args, 'markdown')
  if (markdown) {
    if (comparison) io.stdout(loraComparisonMarkdown(comparison, pairNames))
    analyses.forEach((a, i) => {
      const title = names?.[i]
      // What loads on the base first (the answer), then what the LoRA is.
      const r = resolutions[i]
      if (r) io.stdout(loraResolutionMarkdown(r))
      const p = profiles[i]
      if (p) io.stdout(`${loadsInLine(p)}\n\n`)
      io.stdout(loraAnalysisMarkdown(a, title ? { title } : {}))
    })
    return EXIT.ok
  }
  const width = outputWidth(args, io)
  const c = colors(io.color)
  // One file is named by its path as given; several by what tells them apart (their paths head their details).
  const labels = names
    ? files.map((f, i) => names[i] ?? f)
    : files.length === 1
      ? [...files]
      : distinguishingLabels(files)
  // The answers first: LoRA vs LoRA, else what loads on the base, else what each LoRA is.
  const answers = analyses.map((a, i) => {
    const r = resolutions[i]
    const p = profiles[i]
    const answer = paragraph(
      r ? resolutionAnswer(r, labels[i], c) : loraAnswer(a, labels[i], c),
      width,
      '',
      '  '
    )
    return p ? answer + paragraph(loadsInLine(p), width, '  ', '    ') : answer
  })
  if (comparison) {
    io.stdout(renderLoraComparison(comparison, { color: io.color, width, ...pairNames }))
  } else io.stdout(answers.join(''))
  const several = analyses.length > 1
  analyses.forEach((a, i) => {
    io.stdout('\n')
    if (several || comparison) io.stdout(fileHeading(printable(labels[i]), printable(files[i]!), width))
    if (comparison) io.stdout(answers[i])
    const r = resolutions[i]
    if (r) io.stdout(renderLoraResolution(r, { color: io.color, width }) + '\n')
    io.stdout(renderLoraAnalysis(a, { color: io.color, width }))
    if (r && basePath !== undefined) {
      const steps = resolutionSteps(r, files[i]!, basePath, width)
      if (steps) io.stdout('\n' + steps)
    }
  })
  if (exportPath !== undefined) io.stdout(`\nkeys written to ${printable(exportPath)}\n`)
  return EXIT.ok
}

export const loraCommand: Command = { spec: loraSpec, run: runLora }
