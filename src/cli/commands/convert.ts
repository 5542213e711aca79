/**
 * `model-compat convert LORA --base BASE [--to kohya|peft|diffusers|comfyui|base] -o OUT.safetensors [--dry-run]
 * [--drop-unmatched] [--json]`: rewrite a LoRA for another naming convention or attention layout, exactly.
 */
import { resolve } from 'node:path'
import { flag, str, type CommandSpec, type ParsedArgs } from '../args.js'
import type { CliIO, Command } from '../io.js'
import { EXIT, InputError, UsageError } from '../../formats/errors.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../../lora/index.js'
import { CONVERT_TARGETS, planConversion, writeConversion, type ConvertTarget } from '../../convert/index.js'
import {
  likelyKeepsLayout,
  namesKeepLayout,
  startKernelCopy,
  type KernelCopy
} from '../../convert/kernel-copy.js'
import { startPrefill, type Prefill } from '../../convert/prefill.js'
import { peekSafetensorsNames } from '../../formats/safetensors/peek.js'
import type { BaseIndex } from '../../lora/base-index.js'
import type { LoraAnalysis } from '../../lora/types.js'
import type { Checkpoint } from '../../formats/types.js'
import { conversionAnswer, conversionPlanJson, renderConversionPlan } from '../../report/convert-console.js'
import { colors } from '../../report/format.js'
import { wordPlan } from '../../report/convert-reasons.js'
import { DISPLAY_OPTIONS, outputWidth } from '../display.js'
import { checkpointReader, REMOTE_OPTIONS } from '../read.js'
import { TOOL } from '../../version.js'
import { readAlphaScalars } from '../alpha.js'
import { toJson, toJsonLater } from '../../util/json.js'

const spec: CommandSpec = {
  name: 'convert',
  summary: 'Rewrite a LoRA for a base: another key convention, or fused/separate attention layouts, exactly.',
  usage:
    'LORA --base BASE [--to kohya|peft|diffusers|comfyui|base] -o OUT.safetensors [--dry-run] [--drop-unmatched] ' +
    '[--hash-source] [--json]',
  minPositionals: 1,
  maxPositionals: 1,
  options: {
    base: {
      kind: 'string',
      help: 'the base model the LoRA is for (checkpoint, folder or manifest)',
      value: 'BASE'
    },
    to: {
      kind: 'string',
      help: 'key convention of the output (default: kohya for kohya LoRAs, else comfyui)',
      value: CONVERT_TARGETS.join('|')
    },
    out: { kind: 'string', short: 'o', help: 'output safetensors file (written atomically)', value: 'OUT' },
    'dry-run': { kind: 'boolean', help: 'print the plan, write nothing' },
    'drop-unmatched': {
      kind: 'boolean',
      help: 'leave out the modules that cannot be converted exactly (each is listed) instead of refusing'
    },
    'hash-source': {
      kind: 'boolean',
      help: 'also record the SHA-256 of every byte of the LoRA (slower than the copy itself; the header is always hashed)'
    },
    json: { kind: 'boolean', help: 'print the plan (and the written file) as JSON' },
    ...REMOTE_OPTIONS,
    ...DISPLAY_OPTIONS
  }
}

function targetOf(args: ParsedArgs, primary: string | null): ConvertTarget {
  const to = str(args, 'to')
  if (to === undefined) return primary === 'kohya' ? 'kohya' : 'comfyui'
  if (!(CONVERT_TARGETS as readonly string[]).includes(to))
    throw new UsageError(`--to must be one of ${CONVERT_TARGETS.join(', ')}; got '${to}'`)
  return to as ConvertTarget
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const loraPath = args.positionals[0]!
  const basePath = str(args, 'base')
  if (basePath === undefined) throw new UsageError('--base is required: the LoRA is resolved against it')
  const out = str(args, 'out')
  const dryRun = flag(args, 'dry-run')
  if (out === undefined && !dryRun) throw new UsageError('-o OUT.safetensors is required (or --dry-run)')
  if (
    out !== undefined &&
    (resolve(io.cwd, out) === resolve(io.cwd, loraPath) || resolve(io.cwd, out) === resolve(io.cwd, basePath))
  )
    throw new UsageError('the output must not overwrite an input')

  // The LoRA is local: its tensor data is streamed from the file into the output.
  const reader = checkpointReader(args, io)
  const loraFile = resolve(io.cwd, loraPath)
  const target = dryRun || out === undefined ? undefined : resolve(io.cwd, out)
  let prefill: Prefill | undefined
  let copy: KernelCopy | undefined
  try {
    // A rename keeps the LoRA's byte layout, so its output starts as a kernel copy of the file. When the names
    // say the layout will likely stay (no fused projection on either side), the copy starts at once and runs on
    // the thread pool while the LoRA is read, analysed and resolved and the conversion planned; a plan that
    // needs another layout or refuses discards it (src/convert/kernel-copy.ts). The names alone answer most
    // renames; otherwise the analysis' finer guess decides, and when neither says yes the writer copies once it
    // knows. When both files are local safetensors the names come from a glance at their headers
    // (src/formats/safetensors/peek.ts), so the copy starts before the headers are parsed and validated: 17 ms
    // sooner on the bench's 1,500-module rename (a median of 410 against 427 ms, 12 rounds). The validated
    // checkpoints decide everything else, and a file the reader then refuses discards the copy.
    let keepsByNames: boolean | undefined
    if (target !== undefined) {
      const loraNames = peekSafetensorsNames(loraFile)
      const baseNames = loraNames && peekSafetensorsNames(resolve(io.cwd, basePath))
      if (loraNames && baseNames) keepsByNames = namesKeepLayout(loraNames, baseNames)
      if (keepsByNames) copy = startKernelCopy(loraFile, target)
    }
    const lora = await reader.read(loraFile)
    if (lora.format !== 'safetensors')
      throw new UsageError(`convert reads a single local safetensors LoRA; ${loraPath} is ${lora.format}`)
    const base = await reader.read(basePath)
    if (target !== undefined && copy === undefined) {
      keepsByNames ??= namesKeepLayout(
        lora.tensors.map((t) => t.name),
        base.tensors.map((t) => t.name)
      )
      if (keepsByNames) copy = startKernelCopy(loraFile, target)
      // Otherwise the output will likely take a user-space pass: a worker prefills its file meanwhile
      // (src/convert/prefill.ts), dropped if the analysis guesses a rename after all. Not before the headers are
      // read: a worker started and ended for a rename cost the bench's rename 20 ms (448 against 428 ms, 11
      // alternating rounds), while the stacking conversion gained about as much from the earlier start.
      else prefill = startPrefill(target, lora.bytes)
    }
    const scalars = await readAlphaScalars(lora, reader.open)
    const analysis = analyzeLora(lora, { scalars })
    const index = buildBaseIndex(base)
    if (target !== undefined && copy === undefined && likelyKeepsLayout(analysis, index)) {
      prefill?.discard()
      prefill = undefined
      copy = startKernelCopy(loraFile, target)
    }
    return await planAndWrite(args, io, { lora, analysis, scalars, index, out, dryRun, copy, prefill })
  } finally {
    // After a write the copy or the prefilled file is the output (renamed into place) and these remove nothing.
    prefill?.discard()
    await copy?.discard()
  }
}

async function planAndWrite(
  args: ParsedArgs,
  io: CliIO,
  job: {
    lora: Checkpoint
    analysis: LoraAnalysis
    /** The LoRA's alpha values as read (the writer leaves those the plan keeps as they are). */
    scalars: ReadonlyMap<string, number>
    index: BaseIndex
    out: string | undefined
    dryRun: boolean
    copy: KernelCopy | undefined
    prefill: Prefill | undefined
  }
): Promise<number> {
  const { lora, analysis, scalars, index, out, dryRun, copy, prefill } = job
  const resolution = resolveLora(analysis, index)
  const plan = wordPlan(
    planConversion(analysis, resolution, index, {
      to: targetOf(args, analysis.primary),
      dropUnmatched: flag(args, 'drop-unmatched')
    })
  )
  const json = flag(args, 'json')
  const width = outputWidth(args, io)
  // The JSON report: this, and `written` after a write.
  const reportHead = () => ({ kind: 'lora-conversion', tool: TOOL, plan: conversionPlanJson(plan) })
  if (!plan.ok || dryRun || out === undefined) {
    io.stdout(json ? toJson(reportHead()) : renderConversionPlan(plan, { color: io.color, width }))
    if (plan.ok) return EXIT.ok
    // The console view's first line already says why, so stderr does not say it again; after JSON on stdout,
    // stderr says it for a person.
    if (json) throw new InputError(conversionAnswer(plan, colors(false)).slice(2))
    return EXIT.badInput
  }
  // The JSON report's plan, most of the document, is rendered before the write, whose end the main thread waits
  // for anyway (the kernel's copy, or the worker's writes): only `written` is left for after it.
  const report = json ? toJsonLater(reportHead(), 'written') : undefined
  const written = await writeConversion(plan, lora, resolve(io.cwd, out), {
    tool: TOOL,
    hashSource: flag(args, 'hash-source'),
    sourceScalars: scalars,
    ...(copy ? { copy } : {}),
    ...(prefill ? { prefill } : {})
  })
  if (report) io.stdout(report(written))
  else io.stdout(renderConversionPlan(plan, { color: io.color, width, written }))
  return EXIT.ok
}

export const convertCommand: Command = { spec, run }
