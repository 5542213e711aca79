/** Markdown rendering of a LoRA report (for job summaries and PR comments). Pure: data in, string out. */
import { sizeLabel } from '../lora/layers.js'
import type { LoraAnalysis, LoraComparison, LoraResolution } from '../lora/types.js'
import { cutList, formatBytes, formatCount, formatShape, mdEscape } from './format.js'
import { alphaLine, compressRanges, conventionLine, failingByCause } from './lora-console.js'

export interface LoraMarkdownOptions {
  maxItems?: number
  /** Heading level of each section (2 = `##`). */
  level?: number
  title?: string
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${text}\n\n`
}

export function loraAnalysisMarkdown(a: LoraAnalysis, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  const s = a.statistics
  let out = heading(level, `LoRA ${code(opts.title ?? a.path)}`)
  const rows: [string, string][] = [
    ['Conventions', mdEscape(conventionLine(a))],
    ['Targets', a.family ? `${a.family} (${sizeLabel(a.family, a.width)})` : 'unknown architecture'],
    ['Modules', `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`],
    ['Parameters', `${formatCount(s.params)} in ${s.tensors} tensors, ${formatBytes(s.bytes)}`],
    ['Rank', s.rank ? `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max}` : '-'],
    ['Alpha', mdEscape(alphaLine(a))]
  ]
  for (const [series, idx] of Object.entries(s.blocks))
    rows.push([mdEscape(series), `${compressRanges(idx)} (${idx.length})`])
  const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1])
  if (kinds.length > 0) rows.push(['Layer kinds', kinds.map(([k, n]) => `${mdEscape(k)} ${n}`).join(', ')])
  out += '| | |\n|---|---|\n' + rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n\n'
  if (s.rankNotes.length > 0) out += s.rankNotes.map((n) => `- ${mdEscape(n)}`).join('\n') + '\n\n'
  const meta = Object.entries(a.metadata.summary)
  if (meta.length > 0) out += `Training metadata: ${meta.map(([k, v]) => `${k} ${code(v)}`).join(', ')}\n\n`
  if (a.warnings.length > 0) out += a.warnings.map((w) => `> ⚠️ ${mdEscape(w)}`).join('\n') + '\n\n'
  return out
}

export function loraResolutionMarkdown(r: LoraResolution, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  const max = opts.maxItems ?? 20
  const icon = r.loadable === r.modules ? '✅' : r.loadable === 0 ? '❌' : '⚠️'
  let out = heading(level + 1, `Resolution against ${code(r.base)}`)
  out += `${icon} **${r.loadable} / ${r.modules} modules loadable (${r.loadablePercent.toFixed(1)}%)**: `
  out += `shape mismatch ${r.counts['shape-mismatch']}, not loaded ${r.counts.unresolved}, unsupported ${r.counts.unsupported}. `
  out += `Base: ${r.baseFamily ?? 'unknown'} (${sizeLabel(r.baseFamily, r.baseWidth)}).\n\n`
  if (r.causes.length > 0) {
    out += '| Modules | Likely cause |\n|---:|---|\n'
    out += r.causes.map((x) => `| ${x.modules} | ${mdEscape(x.cause)} |`).join('\n') + '\n\n'
  }
  const failing = failingByCause(r)
  if (failing.length > 0) {
    const { shown, omitted } = cutList(failing, max)
    out += '<details><summary>Modules that would not load</summary>\n\n'
    out += '| Module | Status | Base key | Why |\n|---|---|---|---|\n'
    for (const f of shown) {
      const key = f.target
        ? `${code(f.target.key)} ${formatShape(f.target.shape)}`
        : f.nearest?.[0]
          ? `nearest ${code(f.nearest[0].key)}`
          : ''
      const why = [f.expected, f.reason].filter(Boolean).join('; ')
      out += `| ${code(f.stem)} | ${f.status} | ${key} | ${mdEscape(why)} |\n`
    }
    if (omitted > 0) out += `\n… ${omitted} more in the JSON report.\n`
    out += '\n</details>\n\n'
  }
  return out
}

export function loraComparisonMarkdown(x: LoraComparison, opts: LoraMarkdownOptions = {}): string {
  const level = opts.level ?? 2
  let out = heading(level, `LoRA vs LoRA: ${code(x.a)} vs ${code(x.b)}`)
  const rank = (r: LoraComparison['rank']['a']) => (r ? `${r.min}..${r.max}` : '-')
  out += '| | A | B |\n|---|---|---|\n'
  out += `| Conventions | ${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')} |\n`
  out += `| Family | ${x.family.a ?? '?'} | ${x.family.b ?? '?'} |\n`
  out += `| Width | ${x.width.a ?? '?'} | ${x.width.b ?? '?'} |\n`
  out += `| Rank | ${rank(x.rank.a)} | ${rank(x.rank.b)} |\n`
  out += `| Targets only here | ${x.targets.onlyACount} | ${x.targets.onlyBCount} |\n`
  for (const [k, [a, b]] of Object.entries(x.layerKinds.counts)) out += `| ${mdEscape(k)} | ${a} | ${b} |\n`
  out += `\n${x.targets.common} common target modules; ${x.rank.differing.length} differ in rank, ${x.alpha.differing.length} in alpha. `
  out += x.family.same ? 'Same base family.\n' : '**Different base families.**\n'
  return out + '\n'
}
