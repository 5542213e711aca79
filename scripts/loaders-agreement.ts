/**
 * Agreement of the `comfyui` loader profile with ComfyUI itself, module by module, on the loader corpus. The
 * oracle's answers come from running ComfyUI's own key-map and LoRA-reading code on the corpus manifest (see
 * docs/reference/loaders.md, "Checking the ComfyUI profile"); this script runs the profile on the same cases and
 * counts where they agree: the whole-file error, and per module whether ComfyUI reads it into a patch and which
 * weight (and rows) that patch lands on.
 *
 *   npx tsx scripts/gen-loaders-corpus.ts DIR --no-files
 *   python3 oracle.py DIR/manifest.json > oracle.json      (the ComfyUI harness, outside this repository)
 *   python3 doracle.py DIR/manifest.json DIFFUSERS_SRC > doracle.json   (the diffusers harness, likewise)
 *   npx tsx scripts/loaders-agreement.ts oracle.json [doracle.json] [--verbose]
 *
 * The diffusers harness runs diffusers' own converters on shape-only tensors, then the pipeline dispatch and the
 * PEFT load restated from lora_pipeline.py / peft.py; agreement there is per file error and per module (loads or
 * not).
 */
import { readFileSync } from 'node:fs'
import { corpusBase, loaderCases } from '../fixtures/loaders/cases.js'
import { loraCheckpoint } from '../fixtures/lora.js'
import { specCheckpoint } from '../fixtures/specs.js'
import { analyzeLora, buildBaseIndex, resolveLora } from '../src/lora/index.js'
import { applyLoader, buildKeyMap } from '../src/lora/loaders/index.js'
import { convertedStem } from '../src/lora/loaders/comfyui.js'

interface OracleCase {
  id: string
  error?: string | null
  harnessError?: string
  patches?: Record<string, { target: string; offset: number[] | null }>
  notLoaded?: string[]
}

const oraclePath = process.argv[2]
if (!oraclePath) {
  console.error('usage: loaders-agreement.ts oracle.json [--verbose]')
  process.exit(2)
}
const verbose = process.argv.includes('--verbose')
const dOraclePath = process.argv.slice(3).find((a) => !a.startsWith('--'))
const oracle = JSON.parse(readFileSync(oraclePath, 'utf8')) as { cases: OracleCase[] }
const byId = new Map(oracle.cases.map((c) => [c.id, c]))

let keysTotal = 0
let keysAgree = 0
let modules = 0
let modulesAgree = 0
let cases = 0
let casesAgree = 0
const disagreements: string[] = []
for (const c of loaderCases()) {
  const o = byId.get(c.id)
  if (!o || o.harnessError) {
    disagreements.push(`${c.id}: no oracle answer (${o?.harnessError ?? 'missing'})`)
    continue
  }
  const base = corpusBase(c.base)
  const index = buildBaseIndex(specCheckpoint(base.tensors, `base-${c.base}.safetensors`))
  const analysis = analyzeLora(loraCheckpoint(c.lora, `${c.id}.safetensors`), { scalars: c.lora.scalars })
  const resolution = applyLoader('comfyui', analysis, resolveLora(analysis, index), index)
  const keyMap = buildKeyMap(index)
  const keys = new Set(c.lora.tensors.map((t) => t.name))
  cases++
  let caseOk = Boolean(o.error) === Boolean(resolution.fileError)
  if (!caseOk)
    disagreements.push(
      `${c.id}: file error ComfyUI ${o.error ?? 'none'}, profile ${resolution.fileError ?? 'none'}`
    )
  // Patches by the module whose tensor started them.
  const patchOf = new Map<string, { target: string; offset: number[] | null }>()
  for (const [tensor, p] of Object.entries(o.patches ?? {})) {
    const m = analysis.modules.find((x) => x.tensors.some((t) => t.tensor.name === tensor))
    if (m && !patchOf.has(m.stem)) patchOf.set(m.stem, p)
  }
  resolution.results.forEach((r, i) => {
    modules++
    const m = analysis.modules[i]!
    const theirs = o.error ? undefined : patchOf.get(m.stem)
    // Read into a patch: loaded, or loaded and then not merged (a shape that does not fit); a module replaced by
    // another on the same weight is read and then dropped, so ComfyUI's patches do not show it.
    const read = !resolution.fileError && r.target !== undefined && r.status !== 'unresolved'
    let ok = read === (theirs !== undefined)
    if (ok && read && theirs) {
      const hit = keyMap.stems.get(convertedStem(m.stem, keys))
      const w = hit?.weight
      const clip = hit?.component === 'text-encoder'
      const internal = w
        ? clip
          ? `${hit.clip ?? 'clip_l'}.transformer.${w.path}.weight`
          : m.tensors.every((t) => t.role === 'diff-bias')
            ? `diffusion_model.${w.path}.bias`
            : `diffusion_model.${w.path}${w.entry.isParam ? '' : '.weight'}`
        : '?'
      // ComfyUI holds a text encoder's q/k/v as weights of their own (split from in_proj when it loads).
      const rows = hit?.slice && !clip ? ` rows ${hit.slice.offset}+${hit.slice.size}` : ''
      const ours = `${internal}${rows}`
      const off = theirs.offset
      const theirsText = `${theirs.target}${off ? ` rows ${off[1]}+${off[2]}` : ''}`
      ok = ours === theirsText
      if (!ok) disagreements.push(`${c.id} ${m.stem}: lands on ${ours}, ComfyUI ${theirsText}`)
    } else if (!ok) {
      disagreements.push(
        `${c.id} ${m.stem}: profile ${read ? 'reads it' : 'does not read it'} (${r.reason ?? r.status}), ComfyUI ${theirs ? 'does' : 'does not'}`
      )
    }
    if (ok) modulesAgree++
    else caseOk = false
  })
  // Keys ComfyUI logs as "lora key not loaded" (only when the file loads at all).
  if (!o.error && !resolution.fileError) {
    const ours = new Set<string>(analysis.unknownKeys)
    resolution.results.forEach((r, i) => {
      const m = analysis.modules[i]!
      if (r.status === 'unresolved' && !/silently replaced/.test(r.reason ?? '')) {
        for (const t of m.tensors) ours.add(t.tensor.name)
        return
      }
      const ignored = /ignores its (.+?) \(lora key not loaded\)/.exec(r.reason ?? '')
      if (ignored) for (const s of ignored[1]!.split(', ')) ours.add(m.stem + s)
    })
    const theirs = new Set(o.notLoaded ?? [])
    for (const k of keys) {
      keysTotal++
      if (ours.has(k) === theirs.has(k)) keysAgree++
      else {
        caseOk = false
        disagreements.push(
          `${c.id} ${k}: profile ${ours.has(k) ? 'does not load' : 'loads'} it, ComfyUI ${theirs.has(k) ? 'logs it not loaded' : 'loads it'}`
        )
      }
    }
  }
  if (caseOk) casesAgree++
  else if (verbose) console.log(`case ${c.id} disagrees`)
}
if (dOraclePath) diffusersAgreement(dOraclePath)

console.log(`cases: ${casesAgree}/${cases} agree with ComfyUI entirely`)
console.log(`modules: ${modulesAgree}/${modules} agree (read or not, landing weight and rows)`)
console.log(`keys: ${keysAgree}/${keysTotal} agree on "lora key not loaded" (files that load)`)
for (const d of disagreements.slice(0, verbose ? 1000 : 30)) console.log(`  ${d}`)

interface DOracleCase {
  id: string
  error?: string | null
  harnessError?: string
  loaded?: Record<string, string>
}

function diffusersAgreement(path: string): void {
  const d = JSON.parse(readFileSync(path, 'utf8')) as { cases: DOracleCase[] }
  const byCase = new Map(d.cases.map((c) => [c.id, c]))
  let n = 0
  let agree = 0
  let mods = 0
  let modsAgree = 0
  const notes: string[] = []
  for (const c of loaderCases()) {
    const o = byCase.get(c.id)
    if (!o || o.harnessError) {
      notes.push(`${c.id}: no diffusers answer (${o?.harnessError ?? 'missing'})`)
      continue
    }
    const base = corpusBase(c.base)
    const index = buildBaseIndex(specCheckpoint(base.tensors, `base-${c.base}.safetensors`))
    const analysis = analyzeLora(loraCheckpoint(c.lora, `${c.id}.safetensors`), { scalars: c.lora.scalars })
    const r = applyLoader('diffusers', analysis, resolveLora(analysis, index), index)
    n++
    let ok = Boolean(o.error) === Boolean(r.fileError)
    if (!ok)
      notes.push(`${c.id}: file error diffusers ${o.error ?? 'none'}, profile ${r.fileError ?? 'none'}`)
    const loaded = new Set(Object.keys(o.loaded ?? {}))
    r.results.forEach((m, i) => {
      mods++
      const theirs = !o.error && analysis.modules[i]!.tensors.some((t) => loaded.has(t.tensor.name))
      const ours = m.status === 'ok'
      if (theirs === ours) modsAgree++
      else {
        ok = false
        notes.push(
          `${c.id} ${m.stem}: profile ${ours ? 'loads' : 'does not load'} it (${m.reason ?? ''}), diffusers ${theirs ? 'does' : 'does not'}`
        )
      }
    })
    if (ok) agree++
  }
  console.log(`diffusers cases: ${agree}/${n} agree (file error, and every module loads or not)`)
  console.log(`diffusers modules: ${modsAgree}/${mods} agree`)
  for (const x of notes.slice(0, verbose ? 1000 : 30)) console.log(`  ${x}`)
}
