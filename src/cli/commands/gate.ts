/**
 * `model-compat gate --baseline B [--threshold 80] [--metric auto] [--fail-on FLAG,...] [--summary out.md]
 * [--mapping-dir dir] [--json | --markdown] ARTIFACT...`: the action's gate for local use and other CI systems.
 * Same engine, same report; a concise console view by default, the action's Markdown with --markdown or
 * --summary, the JSON report with --json. The pipeline is the action's (src/node/run-gate.ts); exit 0 when every
 * artifact passes, else the status of the outcome's class: 1 when the gate fails, 2 on bad input (including an
 * artifact that cannot be read).
 */
import { flag, str, type CommandSpec, type ParsedArgs } from '../args.js'
import { EXIT, UsageError } from '../../formats/errors.js'
import type { CliIO, Command } from '../io.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import {
  parseAllowGlobals,
  parseFailOn,
  parseLoaders,
  parseMetric,
  parseThreshold
} from '../../gate/policy.js'
import { renderGateConsole } from '../../report/gate-console.js'
import { gateOutcome, runGate } from '../../node/run-gate.js'
import { toJson } from '../../util/json.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'

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
      help: 'comma-separated flags that fail the gate (default dangerous-globals,unknown-globals; none for none)',
      value: 'FLAG,...'
    },
    'allow-globals': {
      kind: 'string',
      help: 'pickle globals you trust: module.Name or module.* (never allows a known-dangerous global)',
      value: 'NAME,...'
    },
    loader: {
      kind: 'string',
      help: "gate LoRAs by these runtimes' loading rules: any (default), comfyui, diffusers, or a list (comfyui,diffusers)",
      value: 'LOADER,...'
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

/** The same parsers as the action's inputs, so both accept and refuse the same values; errors name the flag. */
function policyOf(args: ParsedArgs) {
  return {
    threshold: parseThreshold(str(args, 'threshold') ?? '', '--threshold'),
    metric: parseMetric(str(args, 'metric') ?? '', '--metric'),
    failOn: parseFailOn(str(args, 'fail-on') ?? '', '--fail-on'),
    allowGlobals: parseAllowGlobals(str(args, 'allow-globals') ?? '', '--allow-globals'),
    loaders: parseLoaders(str(args, 'loader') ?? '', '--loader')
  }
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const baseline = str(args, 'baseline')
  if (baseline === undefined) throw new UsageError('--baseline is required')
  if (flag(args, 'json') && flag(args, 'markdown'))
    throw new UsageError('--json and --markdown exclude each other')
  const mappingDir = str(args, 'mapping-dir')
  // Cut lists point to the files of --mapping-dir; without it, nothing names a file that was never written.
  const hints = mappingDir
    ? { fullReportHint: `in the folder ${mappingDir}` }
    : { noReportHint: 'run with --mapping-dir DIR or --json' }
  const gate = await runGate({
    artifacts: args.positionals,
    baseline,
    policy: policyOf(args),
    cwd: io.cwd,
    read: checkpointReader(args, io).read,
    ...(mappingDir !== undefined ? { reportDir: mappingDir } : {}),
    ...(str(args, 'summary') !== undefined ? { summaryFile: str(args, 'summary') } : {}),
    names: { baseline: '--baseline', reportDir: '--mapping-dir' },
    ...hints
  })

  if (flag(args, 'json')) io.stdout(toJson(gate.report))
  else if (flag(args, 'markdown')) io.stdout(gate.summary)
  else io.stdout(renderGateConsole(gate.report, { color: io.color, width: outputWidth(args, io), ...hints }))
  const outcome = gateOutcome(gate.report)
  if (outcome === undefined) return EXIT.ok
  // The console view already says what failed, first line first: stderr does not say it again. After JSON or
  // Markdown on stdout, stderr carries the failure for a person.
  if (flag(args, 'json') || flag(args, 'markdown')) throw outcome
  return outcome.exitCode
}

export const gateCommand: Command = { spec, run }
