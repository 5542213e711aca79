/**
 * ComfyUI's key map for one base: every LoRA stem it accepts and the weight it patches, built forward from the
 * base's weights in ComfyUI's own (original) names, form by form, as `model_lora_keys_unet` and
 * `model_lora_keys_clip` build it (comfy/lora.py). Later forms overwrite earlier ones, as dict assignment does.
 */
import type { BaseEntry, BaseIndex, BaseSpace } from '../base-index.js'
import type { RowSlice } from '../types.js'
import { PREFIX, kohyaForm } from '../../names/adapters.js'
import { KEY_FORMS, clipStems, fluxLinear1Qkv } from './comfyui.js'
import { diffusersNamesOf } from './runtime-names.js'
import { originalView, type OriginalView, type OriginalWeight } from './subject.js'

export interface KeyMapTarget {
  weight: OriginalWeight
  slice?: RowSlice
  /** The key-map form that produced the stem. */
  source: string
  component: 'denoiser' | 'text-encoder'
  /** The text encoder as ComfyUI names it (`clip_l`, `clip_g`). */
  clip?: string
}

export interface KeyMap {
  view: OriginalView
  stems: Map<string, KeyMapTarget>
  /**
   * The denoiser's weights under the diffusers names the runtimes give them (module path with `.` -> `_`, so kohya
   * and dotted spellings look up alike): what diffusers' own model holds after converting an original-layout file.
   */
  diffusers: Map<string, { weight: OriginalWeight; slice?: RowSlice }>
}

/** The diffusers names of one original weight, with the rows they cover (ComfyUI's `*_to_diffusers` tables). */
function diffusersNames(view: OriginalView, w: OriginalWeight): { path: string; slice?: RowSlice }[] {
  if (view.arch === 'unet' || view.arch === 'flux') return diffusersNamesOf(view.arch, w.path, w.entry.shape)
  return []
}

/**
 * A text encoder's linear layers in transformers CLIP names, as ComfyUI holds them: open_clip names (SDXL's
 * CLIP-G in LDM checkpoints) converted as `comfy/utils.py` `transformers_convert` does, the fused `in_proj_weight`
 * split into q/k/v (rows of the base tensor), the rest renamed.
 */
function clipWeights(space: BaseSpace): { path: string; w: OriginalWeight; slice?: RowSlice }[] {
  const out: { path: string; w: OriginalWeight; slice?: RowSlice }[] = []
  const RENAME: Record<string, string> = {
    'mlp.c_fc': 'mlp.fc1',
    'mlp.c_proj': 'mlp.fc2',
    'attn.out_proj': 'self_attn.out_proj'
  }
  for (const e of space.entries) {
    const m = /^transformer\.resblocks\.(\d+)\.(.+)$/.exec(e.path)
    if (!m) {
      if (!e.isParam) out.push({ path: e.path, w: { path: e.path, entry: e, baseKeys: [e.key] } })
      continue
    }
    const layer = `text_model.encoder.layers.${m[1]}`
    if (m[2] === 'attn.in_proj_weight') {
      const rows = (e.shape[0] ?? 0) / 3
      if (!Number.isInteger(rows) || rows <= 0) continue
      ;['q_proj', 'k_proj', 'v_proj'].forEach((p, j) => {
        const path = `${layer}.self_attn.${p}`
        const entry: BaseEntry = { ...e, isParam: false }
        out.push({ path, w: { path, entry, baseKeys: [e.key] }, slice: { offset: j * rows, size: rows } })
      })
      continue
    }
    const renamed = RENAME[m[2]!]
    if (renamed && !e.isParam) {
      const path = `${layer}.${renamed}`
      out.push({ path, w: { path, entry: e, baseKeys: [e.key] } })
    }
  }
  return out
}

export function buildKeyMap(base: BaseIndex): KeyMap {
  const view = originalView(base)
  const stems = new Map<string, KeyMapTarget>()
  const forms = KEY_FORMS[view.arch]
  // Pass 1: the forms of original names (the generic loop over the model's state dict comes first in ComfyUI).
  for (const w of view.weights.values()) {
    if (w.entry.isParam) {
      // Parameters without `.weight` answer only under their own full name (`key_map[k] = k`).
      stems.set(PREFIX.comfyDenoiser + w.path, { weight: w, source: 'generic format', component: 'denoiser' })
      continue
    }
    for (const f of forms) {
      if (f.names !== 'original') continue
      stems.set(f.stem(w.path), { weight: w, source: f.source, component: 'denoiser' })
    }
  }
  // Pass 2: the forms of diffusers names, each with the rows of the original weight it stands for.
  for (const w of view.weights.values()) {
    if (w.entry.isParam) continue
    const names = diffusersNames(view, w)
    for (const d of names) {
      for (const f of forms) {
        if (f.names !== 'diffusers') continue
        const t: KeyMapTarget = { weight: w, source: f.source, component: 'denoiser' }
        if (d.slice) t.slice = d.slice
        stems.set(f.stem(d.path), t)
      }
    }
  }
  const diffusers = new Map<string, { weight: OriginalWeight; slice?: RowSlice }>()
  for (const w of view.weights.values()) {
    if (w.entry.isParam) continue
    for (const d of diffusersNamesOf(view.arch, w.path, w.entry.shape))
      diffusers.set(kohyaForm(d.path), d.slice ? { weight: w, slice: d.slice } : { weight: w })
  }
  if (view.arch === 'flux') {
    for (const w of view.weights.values()) {
      const qkv = fluxLinear1Qkv(w.path, view.hidden)
      if (qkv)
        stems.set(qkv.stem, {
          weight: w,
          slice: qkv.slice,
          source: 'Flux linear1_qkv',
          component: 'denoiser'
        })
    }
  }
  // Text encoders: the CLIP-L forms for the first, CLIP-G forms for the second when a first exists.
  for (const [te, space] of base.textEncoders) {
    const clip = te === 1 ? 'clip_l' : te === 2 ? 'clip_g' : `te${te}`
    for (const { path, w, slice } of clipWeights(space)) {
      const at = slice ? { slice } : {}
      stems.set(`${PREFIX.comfyTextEncoders}${clip}.transformer.${path}`, {
        weight: w,
        ...at,
        source: 'generic text-encoder format',
        component: 'text-encoder',
        clip
      })
      const effective = te === 2 && !base.textEncoders.has(1) ? 1 : te
      for (const s of clipStems(path, effective))
        stems.set(s, { weight: w, ...at, source: 'CLIP key map', component: 'text-encoder', clip })
    }
  }
  return { view, stems, diffusers }
}
