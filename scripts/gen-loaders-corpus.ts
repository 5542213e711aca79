/**
 * Writes the loader-profile corpus (fixtures/loaders/cases.ts) to a folder: one LoRA file per case, one base file
 * per base (sparse safetensors: headers are real, data is zeros), and manifest.json with every case's keys and
 * shapes and what ComfyUI holds after loading each base (its model class, unet config and original-layout
 * weights; the diffusers-named twin a diffusers pipeline would hold). Oracles running ComfyUI's key-map code and
 * diffusers' converters read the manifest; scripts/loaders-agreement.ts compares their answers with the profiles.
 * Deterministic.
 *
 *   npx tsx scripts/gen-loaders-corpus.ts OUT_DIR [--no-files]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { corpusBase, loaderCases } from '../fixtures/loaders/cases.js'
import type { BaseName } from '../fixtures/loaders/bases.js'
import { writeLoraFile } from '../fixtures/lora.js'
import { writeSafetensorsSync } from '../src/formats/safetensors/write.js'

const out = process.argv[2]
if (!out) {
  console.error('usage: gen-loaders-corpus.ts OUT_DIR [--no-files]')
  process.exit(2)
}
const files = !process.argv.includes('--no-files')
mkdirSync(out, { recursive: true })
const cases = loaderCases()
const baseNames = [...new Set(cases.map((c) => c.base))]
// The same model in diffusers names, where the corpus has it: what a diffusers pipeline holds after loading.
const DIFFUSERS_TWIN: Partial<Record<BaseName, BaseName>> = {
  wan: 'wan-diffusers',
  'wan-diffusers': 'wan-diffusers',
  flux: 'flux-diffusers',
  'flux-diffusers': 'flux-diffusers',
  'flux-full': 'flux-full-diffusers',
  'flux-full-diffusers': 'flux-full-diffusers',
  sdxl: 'sdxl-diffusers',
  'sdxl-with-text-encoders': 'sdxl-diffusers',
  'sdxl-diffusers': 'sdxl-diffusers'
}
const bases: Record<string, unknown> = {}
for (const name of baseNames) {
  const b = corpusBase(name)
  const twin = DIFFUSERS_TWIN[name]
  bases[name] = {
    file: `base-${name}.safetensors`,
    keys: b.tensors.map((t) => ({ name: t.name, shape: t.shape })),
    ...(twin
      ? { diffusersTwin: corpusBase(twin).tensors.map((t) => ({ name: t.name, shape: t.shape })) }
      : {}),
    comfy: {
      modelClass: b.comfy.modelClass,
      unetConfig: b.comfy.unetConfig,
      original: b.comfy.original.map((t) => ({ name: t.name, shape: t.shape })),
      clip: b.comfy.clip.map((t) => ({ name: t.name, shape: t.shape }))
    }
  }
  if (files) writeSafetensorsSync(join(out, `base-${name}.safetensors`), b.tensors, { data: 'sparse' })
}
const manifest = {
  cases: cases.map((c) => ({
    id: c.id,
    base: c.base satisfies BaseName,
    about: c.about,
    file: `${c.id}.safetensors`,
    keys: c.lora.tensors.map((t) => ({ name: t.name, shape: t.shape, dtype: t.dtype }))
  })),
  bases
}
for (const c of cases) if (files) writeLoraFile(join(out, `${c.id}.safetensors`), c.lora)
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest)}\n`)
console.log(`${cases.length} cases on ${baseNames.length} bases in ${out}`)
