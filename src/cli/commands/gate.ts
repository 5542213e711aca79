/**
 * `model-compat gate --baseline B [--threshold 80] [--metric auto] [--fail-on FLAG,...] [--summary out.md]
 * [--mapping-dir dir] [--json | --markdown] ARTIFACT...`: the action's gate for local use and other CI systems.
 * Same engine, same report; a concise console view by default, the action's Markdown with --markdown or
 * --summary, the JSON report with --json. Exit 0 when every artifact passes, 1 when the gate fails, 2 on bad input
 * (including an artifact that cannot be read).
 */
import { flag, str, UsageError, type CommandSpec, type ParsedArgs } from '../args.js'
import { EXIT_BAD_INPUT, EXIT_GATE_FAILED, EXIT_OK, type CliIO, type Command } from '../io.js'
import { toJson, writeFileAtomic } from '../files.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import { defaultEngines } from '../../gate/engines.js'
import { evaluateGate } from '../../gate/evaluate.js'
import { GateInputError, parseFailOn, parseMetric, parseThreshold } from '../../gate/policy.js'
import { renderGateConsole } from '../../report/gate-console.js'
import { renderGateMarkdown, SUMMARY_LIMIT_BYTES } from '../../report/gate-markdown.js'
import { expandPatterns, isUrl, PatternError } from '../../action/glob.js'
import { readArtifacts, writeReportFolder } from '../../action/pipeline.js'
import { TOOL } from '../../version.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'
import { isAbsolute, resolve } from 'node:path'

const spec: CommandSpec = {
  name: 'gate',
  summary: 'Gate checkpoints or LoRAs against a baseline: overlap or loadable %, flags, pass or fail.',
  usage:
    '--baseline B [--threshold 80] [--metric auto|exact|normalized|mapped|loadable] [--fail-on FLAG,...] ' +
    '[--summary out.md] [--mapping-dir DIR] [--json | --markdown] ARTIFACT...',
  minPositionals: 1,
  options: {
    baseline: {
      kind: 'string',
      short: 'b',
      help: 'the model to gate against (file, folder, index or manifest)',
      value: 'B'
    },
    threshold: { kind: 'string', help: 'minimum gated figure in percent (default 80)', value: 'PCT' },
    metric: { kind: 'string', help: 'figure the threshold applies to (default auto)', value: 'METRIC' },
    'fail-on': {
      kind: 'string',
      help: 'comma-separated flags that fail the gate (default dangerous-globals; none for none)',
      value: 'FLAG,...'
    },
    summary: {
      kind: 'string',
      help: 'also write the Markdown summary (job summary / PR comment) to this file',
      value: 'FILE'
    },
    'mapping-dir': {
      kind: 'string',
      help: 'write gate-report.json, summary.md and the mappings here',
      value: 'DIR'
    },
    json: { kind: 'boolean', help: 'print the JSON report (schemas/gate-report.schema.json) to stdout' },
    markdown: { kind: 'boolean', help: 'print the Markdown summary to stdout instead of the console view' },
    ...REMOTE_OPTIONS,
    ...DISPLAY_OPTIONS
  }
}

/** The policy from the arguments; a bad value is a UsageError naming the flag (exit 2). */
function policyOf(args: ParsedArgs) {
  try {
    // The same parser as the action's `threshold` input, so both accept and refuse the same values.
    return {
      threshold: parseThreshold(str(args, 'threshold') ?? '', '--threshold'),
      metric: parseMetric(str(args, 'metric') ?? '', '--metric'),
      failOn: parseFailOn(str(args, 'fail-on') ?? '', '--fail-on')
    }
  } catch (e) {
    if (e instanceof GateInputError) throw new UsageError(e.message)
    throw e
  }
}

export async function runGate(args: ParsedArgs, io: CliIO): Promise<number> {
  const baselinePath = str(args, 'baseline')
  if (baselinePath === undefined) throw new UsageError('--baseline is required')
  const policy = policyOf(args)
  if (flag(args, 'json') && flag(args, 'markdown'))
    throw new UsageError('--json and --markdown exclude each other')
  let paths: string[]
  try {
    paths = await expandPatterns(args.positionals, io.cwd)
  } catch (e) {
    if (e instanceof PatternError) throw new UsageError(e.message)
    throw e
  }
  const at = (p: string) =>
    isAbsolute(p) || isUrl(p) || resolve(io.cwd) === process.cwd() ? p : resolve(io.cwd, p)
  const reader = checkpointReader(args, io)
  const baseline = await reader.read(at(baselinePath)) // a CheckpointError here exits 2, naming the file
  const inputs = (await readArtifacts(paths.map(at), { read: reader.read })).map((g, i) => ({
    ...g,
    path: paths[i]
  }))
  const evaluation = evaluateGate({
    baseline: { ...baseline, path: baselinePath },
    inputs,
    policy,
    engines: defaultEngines(),
    tool: TOOL
  })
  const mappingDir = str(args, 'mapping-dir')
  // Cut lists point to the files of --mapping-dir; without it, nothing names a file that was never written.
  const hints = mappingDir
    ? { fullReportHint: `in the folder ${mappingDir}` }
    : { noReportHint: 'run with --mapping-dir DIR or --json' }
  const markdown = renderGateMarkdown(evaluation.report, {
    limit: SUMMARY_LIMIT_BYTES,
    unit: 'bytes',
    ...hints
  })
  if (mappingDir !== undefined) await writeReportFolder(at(mappingDir), evaluation, markdown)
  const summaryPath = str(args, 'summary')
  if (summaryPath !== undefined) await writeFileAtomic(at(summaryPath), markdown)

  if (flag(args, 'json')) io.stdout(toJson(evaluation.report))
  else if (flag(args, 'markdown')) io.stdout(markdown)
  else
    io.stdout(
      renderGateConsole(evaluation.report, { color: io.color, width: outputWidth(args, io), ...hints })
    )

  const report = evaluation.report
  if (report.passed) return EXIT_OK
  // The console view already says what failed; after JSON or Markdown on stdout, stderr says it for a person.
  if (flag(args, 'json') || flag(args, 'markdown')) io.stderr(`model-compat gate: ${report.message}\n`)
  return report.artifacts.some((a) => a.status === 'error') ? EXIT_BAD_INPUT : EXIT_GATE_FAILED
}

export const gateCommand: Command = { spec, run: runGate }
