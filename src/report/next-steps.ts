/**
 * What to do next, as numbered steps that name the command to run: after a comparison (by verdict tier) and after
 * resolving a LoRA against a base (by what failed). Commands use the user's own paths, quoted for a POSIX shell,
 * and are wrapped between arguments with a `\` continuation so a narrow terminal never breaks one mid-word and
 * the lines still paste as one command. Pure: data in, text out.
 */
import type { VerdictTier } from '../compare/types.js'
import { displayWidth, paragraph } from './layout.js'
import { printable } from './format.js'

export interface Step {
  /** What to do and why, in a sentence. */
  text: string
  /** The command to run, as words (unquoted); absent for a step that is not a command. */
  command?: string[]
}

/** A word as a POSIX shell reads it: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  const w = printable(word)
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`
}

/** `NAME.converted.safetensors` next to the input: the output name the steps suggest. */
function convertedName(path: string): string {
  const stem = path.replace(/\.safetensors$/i, '')
  return `${stem}.converted.safetensors`
}

export interface CompareStepInput {
  tier: VerdictTier
  basis: 'exact' | 'normalized' | 'mapped'
  a: string
  b: string
  /** Keys left with no counterpart on either side. */
  unmatched: number
}

/** Steps after `compare A B`: A is the model LoRAs were made for, B the one they should load on. */
export function compareSteps(x: CompareStepInput): Step[] {
  const mc = 'model-compat'
  const lora = 'LORA.safetensors'
  const check: Step = {
    text: `Check a LoRA made for A against B, module by module:`,
    command: [mc, 'lora', lora, '--base', x.b]
  }
  if (x.tier === 'incompatible') {
    return [
      { text: 'Weights and LoRAs do not transfer between these models: use ones made for B.' },
      { ...check, text: 'To confirm for a given LoRA, resolve it against B:' }
    ]
  }
  const review: Step = {
    text:
      x.unmatched > 0
        ? 'Review the proposed mapping and the keys left unmatched:'
        : 'Review the proposed mapping:',
    command: [
      mc,
      'compare',
      x.a,
      x.b,
      '--mapping',
      'mapping.json',
      ...(x.unmatched > 0 ? ['--export', 'keys.txt'] : [])
    ]
  }
  // The conversion to B's names: planned first, then written (a partial match leaves out what cannot convert).
  const convert = (...rest: string[]) => [
    mc,
    'convert',
    lora,
    '--base',
    x.b,
    '--to',
    'base',
    ...rest,
    ...(x.tier === 'partial' ? ['--drop-unmatched'] : [])
  ]
  const dryRun: Step = {
    text:
      x.tier === 'partial'
        ? 'Plan the conversion of a LoRA; what cannot be converted exactly is listed with the reason:'
        : "Plan the conversion of a LoRA to B's key names:",
    command: convert('--dry-run')
  }
  const write: Step = {
    text: 'Write the converted LoRA, then check it loads:',
    command: convert('-o', convertedName(lora))
  }
  if (x.basis === 'exact' && x.tier === 'compatible') {
    return [
      { ...check, text: 'LoRAs made for A should load on B as they are; check one, module by module:' },
      {
        text: 'Gate every LoRA in CI against B:',
        command: [mc, 'gate', '--baseline', x.b, 'loras/*.safetensors']
      }
    ]
  }
  return [review, dryRun, write, check]
}

export interface LoraStepInput {
  lora: string
  base: string
  modules: number
  loadable: number
  /** Modules whose base key was found under another name (they load through the name mapping). */
  aliased: number
  shapeMismatch: number
  unresolved: number
}

/** Steps after `lora LORA --base BASE`, by what failed. */
export function loraSteps(x: LoraStepInput): Step[] {
  const mc = 'model-compat'
  const steps: Step[] = []
  if (x.modules === 0) return steps
  if (x.loadable === x.modules) {
    if (x.aliased > 0) {
      steps.push({
        text: "Loaders that do not know this LoRA's key names need a copy in the base's names; plan it:",
        command: [mc, 'convert', x.lora, '--base', x.base, '--to', 'base', '--dry-run']
      })
    }
    steps.push({
      text: 'Gate it in CI, so a later change cannot break it unnoticed:',
      command: [mc, 'gate', '--baseline', x.base, x.lora]
    })
    return steps
  }
  if (x.unresolved > 0) {
    steps.push({
      text:
        'Plan a conversion: modules in another naming or attention layout are converted exactly, the others are ' +
        'listed with the reason:',
      command: [mc, 'convert', x.lora, '--base', x.base, '--dry-run']
    })
  }
  if (x.shapeMismatch > 0) {
    steps.push({
      text:
        'Modules with other shapes were trained for another model size or variant: no conversion fixes them; ' +
        'use a LoRA trained on this base.'
    })
  }
  steps.push({
    text: 'Every module with its base key and the reason it does not load:',
    command: [mc, 'lora', x.lora, '--base', x.base, '--export', 'modules.tsv']
  })
  return steps
}

/**
 * The steps as console text: `  1. text` wrapped to the width, the command on the lines below, indented, wrapped
 * between arguments with ` \` continuations.
 */
export function renderSteps(steps: readonly Step[], width: number, heading = 'Next steps'): string {
  if (steps.length === 0) return ''
  let out = `${heading}\n`
  steps.forEach((s, i) => {
    const first = `  ${i + 1}. `
    out += paragraph(s.text, width, first)
    if (s.command) out += commandLines(s.command.map(shellQuote), width, ' '.repeat(first.length + 2))
  })
  return out
}

/** Steps as a Markdown ordered list, each command in a code span. */
export function stepsMarkdown(steps: readonly Step[]): string {
  return steps
    .map((s, i) => {
      // A backtick would end the code span early (escapes do not work inside one).
      const command = s.command ? ` \`${s.command.map(shellQuote).join(' ').replace(/`/g, "'")}\`` : ''
      return `${i + 1}. ${s.text}${command}`
    })
    .join('\n')
}

/**
 * A command's words on as few lines as fit, broken between words with a `\` continuation. A word is never cut (the
 * command must paste whole): one too long for its line goes on a continuation line of its own, indented less.
 */
export function commandLines(words: readonly string[], width: number, indent: string): string {
  const lines: string[] = []
  const more = `${indent}  `
  let line = indent
  for (const w of words) {
    const candidate = line === indent ? line + w : `${line} ${w}`
    // Room for the " \" a continued line ends with.
    if (line !== indent && displayWidth(candidate) + 2 > width) {
      lines.push(`${line} \\`)
      line = displayWidth(more + w) + 2 > width ? `  ${w}` : more + w
    } else line = candidate
  }
  lines.push(line)
  return lines.join('\n') + '\n'
}
