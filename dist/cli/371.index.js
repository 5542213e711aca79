"use strict";
exports.id = 371;
exports.ids = [371];
exports.modules = {

/***/ 8360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hm: () => (/* reexport */ LOADERS),
  e_: () => (/* reexport */ applyLoader),
  X4: () => (/* reexport */ applyRuntimeLoaders),
  lG: () => (/* reexport */ isLoaderName)
});

// UNUSED EXPORTS: LOADER_LABELS, RUNTIME_LOADERS, buildKeyMap

// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/lora/loaders/comfyui.ts
/**
 * ComfyUI's LoRA loading rules, as data. ComfyUI builds a key map forward from the loaded model's own weights
 * (comfy/lora.py `model_lora_keys_unet`, `model_lora_keys_clip`): every LoRA stem it accepts, and the weight (with
 * an optional row offset) it patches. `load_lora` then reads, for each key-map stem, the adapter tensors its
 * weight adapters know (comfy/weight_adapter/*.py `load`); every other key is logged "lora key not loaded".
 * Facts from ComfyUI's public sources; docs/reference/loaders.md lists them with their functions.
 */

/** Forms every model gets, in ComfyUI's order: kohya underscores of the original names, then the generic names. */
const GENERIC = [
    { names: 'original', stem: (p) => adapters/* PREFIX */.H3.kohyaUnet + (0,adapters/* kohyaForm */.PP)(p), source: 'kohya names' },
    { names: 'original', stem: (p) => adapters/* PREFIX */.H3.comfyDenoiser + p, source: 'generic format' }
];
/** Per model class, the forms `model_lora_keys_unet` adds from the diffusers names of each weight. */
const KEY_FORMS = {
    unet: [
        ...GENERIC,
        {
            names: 'diffusers',
            stem: (p) => adapters/* PREFIX */.H3.kohyaUnet + (0,adapters/* kohyaForm */.PP)(p),
            source: 'kohya names of diffusers names'
        },
        { names: 'diffusers', stem: (p) => adapters/* PREFIX */.H3.lycoris + (0,adapters/* kohyaForm */.PP)(p), source: 'SimpleTuner lycoris' },
        // The old attention-processor LoRA names (comfy/lora.py `model_lora_keys_unet`, `diffusers_lora_key`).
        { names: 'diffusers', stem: (p) => (0,adapters/* processorPath */._I)(p), source: 'diffusers attention-processor names' },
        {
            names: 'diffusers',
            stem: (p) => adapters/* PREFIX */.H3.diffusersUnet + (0,adapters/* processorPath */._I)(p),
            source: 'diffusers attention-processor names'
        }
    ],
    flux: [
        ...GENERIC,
        { names: 'diffusers', stem: (p) => adapters/* PREFIX */.H3.diffusersTransformer + p, source: 'diffusers / SimpleTuner' },
        { names: 'diffusers', stem: (p) => adapters/* PREFIX */.H3.lycoris + (0,adapters/* kohyaForm */.PP)(p), source: 'SimpleTuner lycoris' },
        { names: 'diffusers', stem: (p) => adapters/* PREFIX */.H3.kohyaTransformer + (0,adapters/* kohyaForm */.PP)(p), source: 'OneTrainer' },
        { names: 'diffusers', stem: (p) => p, source: 'DiffSynth' }
    ],
    wan: GENERIC,
    hunyuanvideo: GENERIC,
    generic: GENERIC
};
/**
 * Flux single blocks also answer as `linear1_qkv`, patching linear1's first 3 * hidden rows (the q/k/v part of
 * the fused linear1; comfy/lora.py `model_lora_keys_unet`, Flux branch).
 */
function fluxLinear1Qkv(path, hidden) {
    const m = /^(single_blocks\.\d+)\.linear1$/.exec(path);
    if (!m || hidden <= 0)
        return null;
    return { stem: `${adapters/* PREFIX */.H3.comfyDenoiser}${m[1]}.linear1_qkv`, slice: { offset: 0, size: 3 * hidden } };
}
/** The six CLIP linear layers the text-encoder key map covers (comfy/lora.py `LORA_CLIP_MAP`). */
const CLIP_LAYERS = [
    'mlp.fc1',
    'mlp.fc2',
    'self_attn.k_proj',
    'self_attn.q_proj',
    'self_attn.v_proj',
    'self_attn.out_proj'
];
/**
 * Text-encoder stems for one CLIP layer path `text_model.encoder.layers.{b}.{layer}` of text encoder `te` (1: CLIP-L,
 * 2: CLIP-G next to a CLIP-L), from `model_lora_keys_clip`.
 */
function clipStems(path, te) {
    const m = /^text_model\.encoder\.layers\.(\d+)\.(.+)$/.exec(path);
    if (!m || !CLIP_LAYERS.includes(m[2]))
        return [];
    const kohya = `text_model_encoder_layers_${m[1]}_${(0,adapters/* kohyaForm */.PP)(m[2])}`;
    if (te === 2)
        return [adapters/* PREFIX */.H3.kohyaTe2 + kohya, adapters/* PREFIX */.H3.diffusersTe2 + path];
    return [adapters/* PREFIX */.H3.kohyaTe + kohya, adapters/* PREFIX */.H3.kohyaTe1 + kohya, adapters/* PREFIX */.H3.diffusersTe + path];
}
// comfy/weight_adapter/lora.py `LoRAAdapter.load`: the elif chain, in order.
const LORA_PAIRS = [
    adapters/* LORA_PAIR */.GD.kohya,
    adapters/* LORA_PAIR */.GD.processor,
    adapters/* LORA_PAIR */.GD.peft,
    adapters/* LORA_PAIR */.GD.dotLora,
    adapters/* LORA_PAIR */.GD.peftBare,
    adapters/* LORA_PAIR */.GD.linearLayer,
    adapters/* LORA_PAIR */.GD.peftDefault
];
/** Read for every key-map stem before any adapter (comfy/lora.py `load_lora`, `LoRAAdapter.load`). */
const SHARED_SUFFIXES = [adapters/* SUFFIX */.Er.alpha, adapters/* SUFFIX */.Er.doraScale, adapters/* SUFFIX */.Er.reshapeWeight];
const ADAPTERS = [
    // comfy/weight_adapter/loha.py `LoHaAdapter.load`
    {
        name: 'loha',
        trigger: [adapters/* SUFFIX */.Er.hadaW1A],
        required: [adapters/* SUFFIX */.Er.hadaW1B, ...adapters/* LOHA_FACTORS */.K2.w2],
        optional: [...adapters/* LOHA_FACTORS */.K2.tucker],
        merge: 'reshape'
    },
    // comfy/weight_adapter/lokr.py `LoKrAdapter.load`: any of the four factors makes an adapter.
    {
        name: 'lokr',
        trigger: [...adapters/* LOKR_FACTORS */.Gp.whole, adapters/* SUFFIX */.Er.lokrW1A, adapters/* SUFFIX */.Er.lokrW2A],
        required: [],
        // No `lokr_t1`: ComfyUI's LoKr reads only w2's Tucker core.
        optional: [...adapters/* LOKR_FACTORS */.Gp.whole, ...adapters/* LOKR_FACTORS */.Gp.w1, ...adapters/* LOKR_FACTORS */.Gp.w2, adapters/* SUFFIX */.Er.lokrT2],
        merge: 'reshape'
    },
    // comfy/weight_adapter/glora.py `GLoRAAdapter.load`
    {
        name: 'glora',
        trigger: [adapters/* SUFFIX */.Er.gloraA1],
        required: adapters/* GLORA_FACTORS */.LV.slice(1),
        optional: [],
        merge: 'unchecked'
    },
    // comfy/weight_adapter/oft.py, boft.py
    {
        name: 'oft',
        trigger: [adapters/* SUFFIX */.Er.oftBlocks],
        required: [],
        optional: [adapters/* SUFFIX */.Er.oftRescale],
        merge: 'unchecked'
    },
    // comfy/lora.py `load_lora`: norm deltas, full deltas, set weights.
    {
        name: 'norm',
        trigger: [adapters/* SUFFIX */.Er.normWeight],
        required: [],
        optional: [adapters/* SUFFIX */.Er.normBias],
        merge: 'exact'
    },
    { name: 'diff', trigger: [adapters/* SUFFIX */.Er.diff], required: [], optional: [], merge: 'exact' },
    { name: 'diff_b', trigger: [adapters/* SUFFIX */.Er.diffBias], required: [], optional: [], merge: 'exact', bias: true },
    { name: 'set', trigger: [adapters/* SUFFIX */.Er.setWeight], required: [], optional: [], merge: 'exact' }
];
/**
 * File-level conversions `comfy/lora_convert.py` `convert_lora` applies before the key map is consulted: Wan Fun
 * LoRAs written with `lora_unet__` get the double underscore folded.
 */
function convertedStem(stem, keys) {
    if (stem.startsWith(adapters/* PREFIX */.H3.kohyaUnetDouble) &&
        keys.has(`${adapters/* PREFIX */.H3.kohyaUnetDouble}blocks_0_cross_attn_k${adapters/* LORA_PAIR */.GD.kohya.down}`))
        return adapters/* PREFIX */.H3.kohyaUnet + stem.slice(adapters/* PREFIX */.H3.kohyaUnetDouble.length);
    return stem;
}

// EXTERNAL MODULE: ./src/lora/shapes.ts
var shapes = __webpack_require__(7648);
// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
;// CONCATENATED MODULE: ./src/lora/loaders/comfyui-profile.ts
/**
 * The ComfyUI profile: each module of a LoRA through ComfyUI's key map and weight adapters (the rules in
 * comfyui.ts), landing on the weight the key map names and checked with the resolver's own shape check. A module
 * ComfyUI would not read is "lora key not loaded"; a pair whose up has no down fails the whole file with the
 * KeyError ComfyUI raises; a delta ComfyUI reshapes into a weight of the same element count but another layout
 * loads, and is reported as broken.
 */




const RUNTIME = 'ComfyUI';
function read(stem, suffixes) {
    const r = { consumed: new Set(), patches: [] };
    for (const s of SHARED_SUFFIXES)
        if (suffixes.has(s))
            r.consumed.add(s);
    const pair = LORA_PAIRS.find((p) => suffixes.has(p.up));
    if (pair) {
        r.consumed.add(pair.up);
        if (!suffixes.has(pair.down)) {
            r.keyError = `KeyError: '${stem}${pair.down}'`;
            return r;
        }
        r.consumed.add(pair.down);
        if (pair.mid && suffixes.has(pair.mid))
            r.consumed.add(pair.mid);
        r.patches.push({ name: 'lora', merge: 'reshape' });
    }
    for (const a of ADAPTERS) {
        if (!a.trigger.some((t) => suffixes.has(t)))
            continue;
        const missing = a.required.find((s) => !suffixes.has(s));
        if (missing !== undefined) {
            r.keyError = `KeyError: '${stem}${missing}'`;
            return r;
        }
        for (const s of [...a.trigger, ...a.required, ...a.optional])
            if (suffixes.has(s))
                r.consumed.add(s);
        r.patches.push({ name: a.name, merge: a.merge, ...(a.bias ? { bias: true } : {}) });
    }
    return r;
}
/** The delta's element count for a reshape-merging adapter, or null when the shapes do not say. */
function deltaElements(m) {
    const shape = (role) => m.tensors.find((t) => t.role === role)?.tensor.shape;
    if (m.algorithm === 'lora') {
        const up = shape('up');
        const down = shape('down');
        if (!up || !down || shape('mid'))
            return null;
        return (up[0] ?? 0) * (0,numel/* numel */.u)(down.slice(1));
    }
    if (m.algorithm === 'loha') {
        const a = shape('hada_w1_a');
        const b = shape('hada_w1_b');
        return a && b ? (a[0] ?? 0) * (0,numel/* numel */.u)(b.slice(1)) : null;
    }
    return null;
}
function targetOf(t, converted, biasOnly) {
    const w = t.weight;
    if (biasOnly) {
        const bias = w.entry.bias;
        return bias ? { key: bias.key, shape: bias.shape, via: `ComfyUI ${t.source}` } : null;
    }
    const fusedFrom = w.baseKeys.length > 1 ? ` (fused on load from ${w.baseKeys.join(', ')})` : '';
    const via = converted && t.component === 'denoiser'
        ? `ComfyUI ${t.source}, on the base converted to ComfyUI's names on load${fusedFrom}`
        : `ComfyUI ${t.source}`;
    const target = {
        key: w.baseKeys.length > 1 ? `${adapters/* PREFIX */.H3.comfyDenoiser}${w.path}.weight` : w.entry.key,
        shape: w.entry.shape,
        via
    };
    if (t.slice)
        target.slice = t.slice;
    return target;
}
function comfyModule(f, keyMap, fileKeys) {
    const m = f.module;
    const r = { stem: m.stem, path: m.path, status: 'unresolved', shapes: {} };
    const stem = convertedStem(m.stem, fileKeys);
    const hit = keyMap.stems.get(stem);
    const notLoaded = (why) => {
        r.reason = `${RUNTIME}: lora key not loaded: ${f.keys[0] ?? m.stem} (${why})`;
        r.runtimeLoads = false;
        return { r, cause: `${RUNTIME}: lora key not loaded (${why.replace(/ [^ ]*\d[^ ]*$/, '')})` };
    };
    if (!hit) {
        const arch = keyMap.view.arch === 'generic' ? 'this' : `a ${keyMap.view.arch}`;
        return notLoaded(`not in ComfyUI's key map for ${arch} model`);
    }
    const reading = read(stem, f.suffixes);
    if (reading.keyError) {
        r.reason = `${RUNTIME}: the whole file fails to load: ${reading.keyError}`;
        r.runtimeLoads = false;
        return { r, cause: `${RUNTIME}: file fails to load`, fileError: reading.keyError };
    }
    if (reading.patches.length === 0) {
        const kinds = [...f.suffixes].filter((s) => !reading.consumed.has(s));
        return notLoaded(`ComfyUI reads no ${kinds.join(' / ') || 'adapter'} tensors`);
    }
    const ignored = [...f.suffixes].filter((s) => !reading.consumed.has(s));
    const biasOnly = reading.patches.every((p) => p.bias);
    const target = targetOf(hit, keyMap.view.converted, biasOnly);
    if (!target) {
        return notLoaded(`the weight ${hit.weight.path} has no bias for this bias delta`);
    }
    r.target = target;
    const verdict = (0,shapes/* checkModuleShapes */.B)(m, hit.weight.entry, hit.slice);
    const ignoredNote = ignored.length > 0 ? `; ${RUNTIME} ignores its ${ignored.join(', ')} (lora key not loaded)` : '';
    if (verdict.ok || m.algorithm === 'glora' || m.algorithm === 'oft') {
        r.status = 'ok';
        r.runtimeLoads = true;
        if (ignoredNote)
            r.reason = `loads${ignoredNote}`;
        return { r, ...(ignored.length > 0 ? { note: `${RUNTIME} ignores ${ignored.join(', ')} keys` } : {}) };
    }
    r.status = 'shape-mismatch';
    r.expected = verdict.expected ?? 'shapes differ';
    const merge = reading.patches.find((p) => !p.bias)?.merge ?? 'exact';
    const rows = hit.slice ? hit.slice.size : (hit.weight.entry.shape[0] ?? 0);
    const weightElements = rows * (0,numel/* numel */.u)(hit.weight.entry.shape.slice(1));
    const delta = deltaElements(m);
    if (merge === 'reshape' && delta !== null && delta === weightElements) {
        r.runtimeLoads = true;
        r.reason =
            `${RUNTIME} merges it (it reshapes the delta to the weight, and the element count matches), but ` +
                `${r.expected}: it loads, and it is broken`;
        return { r, cause: `${RUNTIME} merges a delta of the wrong layout (loads, broken)` };
    }
    r.runtimeLoads = false;
    r.reason =
        merge === 'exact'
            ? `${RUNTIME}: WARNING SHAPE MISMATCH ${target.key} WEIGHT NOT MERGED (${r.expected})`
            : `${RUNTIME}: ERROR lora ${target.key}: shape '[${target.shape.join(', ')}]' is invalid for the delta (${r.expected})`;
    return { r, cause: `${RUNTIME}: delta does not fit the weight (not merged)` };
}

// EXTERNAL MODULE: ./src/names/families.ts + 3 modules
var families = __webpack_require__(9444);
// EXTERNAL MODULE: ./src/lookup.ts
var lookup = __webpack_require__(9493);
;// CONCATENATED MODULE: ./src/lora/loaders/runtime-names.ts
/**
 * The runtimes' own name maps, as documented facts about what they do when they load a checkpoint (docs/reference/
 * loaders.md §1.1): ComfyUI holds every model in its original layout and converts a diffusers-named file on load
 * (comfy/utils.py `flux_to_diffusers`, `unet_to_diffusers`), and builds its LoRA key map from the same tables; a
 * Wan diffusers file is held in the release's names (the pairs of diffusers' scripts/convert_wan_to_diffusers.py,
 * read backwards). Only the loader model (src/lora/loaders/) reads these: LoRA resolution works from structure,
 * names and shapes through the correspondence engine, never from a table.
 */


// Wan original <-> diffusers module names (convert_wan_to_diffusers.py, at module level).
const WAN_BLOCK_PAIRS = [
    ['self_attn.q', 'attn1.to_q'],
    ['self_attn.k', 'attn1.to_k'],
    ['self_attn.v', 'attn1.to_v'],
    ['self_attn.o', 'attn1.to_out.0'],
    ['self_attn.norm_q', 'attn1.norm_q'],
    ['self_attn.norm_k', 'attn1.norm_k'],
    ['cross_attn.q', 'attn2.to_q'],
    ['cross_attn.k', 'attn2.to_k'],
    ['cross_attn.v', 'attn2.to_v'],
    ['cross_attn.o', 'attn2.to_out.0'],
    ['cross_attn.norm_q', 'attn2.norm_q'],
    ['cross_attn.norm_k', 'attn2.norm_k'],
    ['cross_attn.k_img', 'attn2.add_k_proj'],
    ['cross_attn.v_img', 'attn2.add_v_proj'],
    ['cross_attn.norm_k_img', 'attn2.norm_added_k'],
    ['ffn.0', 'ffn.net.0.proj'],
    ['ffn.2', 'ffn.net.2'],
    ['modulation', 'scale_shift_table'],
    ['norm3', 'norm2']
];
const WAN_TOP_PAIRS = [
    ['patch_embedding', 'patch_embedding'],
    ['time_embedding.0', 'condition_embedder.time_embedder.linear_1'],
    ['time_embedding.2', 'condition_embedder.time_embedder.linear_2'],
    ['text_embedding.0', 'condition_embedder.text_embedder.linear_1'],
    ['text_embedding.2', 'condition_embedder.text_embedder.linear_2'],
    ['time_projection.1', 'condition_embedder.time_proj'],
    ['head.modulation', 'scale_shift_table'],
    ['head.head', 'proj_out'],
    ['img_emb.proj.0', 'condition_embedder.image_embedder.norm1'],
    ['img_emb.proj.1', 'condition_embedder.image_embedder.ff.net.0.proj'],
    ['img_emb.proj.3', 'condition_embedder.image_embedder.ff.net.2'],
    ['img_emb.proj.4', 'condition_embedder.image_embedder.norm2'],
    ['img_emb.emb_pos', 'condition_embedder.image_embedder.pos_embed']
];
const BLOCK_PATH = /^((?:vace_)?blocks\.\d+)\.(.+)$/;
function pairMap(pairs, reverse) {
    return new Map(pairs.map(([a, b]) => (reverse ? [b, a] : [a, b])));
}
function wanMap(reverse) {
    const block = pairMap(WAN_BLOCK_PAIRS, reverse);
    const top = pairMap(WAN_TOP_PAIRS, reverse);
    return {
        label: reverse ? 'wan diffusers->original' : 'wan original->diffusers',
        names(path) {
            const m = BLOCK_PATH.exec(path);
            if (m) {
                const mapped = block.get(m[2]);
                return mapped ? [{ path: `${m[1]}.${mapped}` }] : [];
            }
            const mapped = top.get(path);
            return mapped && mapped !== path ? [{ path: mapped }] : [];
        }
    };
}
/** Split a fused weight's rows into equal parts named `names`. */
function equalSlices(prefix, names, rows) {
    if (rows % names.length !== 0)
        return [];
    const size = rows / names.length;
    return names.map((n, j) => ({ path: `${prefix}.${n}`, slice: { offset: j * size, size } }));
}
/** Flux double-block layers renamed one to one (ComfyUI flux_to_diffusers); the two qkv are split by rows. */
const FLUX_DOUBLE_RENAMES = (0,lookup/* lookupTable */.z)({
    'img_attn.proj': 'attn.to_out.0',
    'txt_attn.proj': 'attn.to_add_out',
    'img_mlp.0': 'ff.net.0.proj',
    'img_mlp.2': 'ff.net.2',
    'txt_mlp.0': 'ff_context.net.0.proj',
    'txt_mlp.2': 'ff_context.net.2',
    'img_mod.lin': 'norm1.linear',
    'txt_mod.lin': 'norm1_context.linear'
});
const FLUX_DOUBLE_QKV = (0,lookup/* lookupTable */.z)({
    'img_attn.qkv': ['to_q', 'to_k', 'to_v'],
    'txt_attn.qkv': ['add_q_proj', 'add_k_proj', 'add_v_proj']
});
/** Flux top-level layers (ComfyUI flux_to_diffusers). */
const FLUX_TOP_RENAMES = (0,lookup/* lookupTable */.z)({
    img_in: 'x_embedder',
    txt_in: 'context_embedder',
    'time_in.in_layer': 'time_text_embed.timestep_embedder.linear_1',
    'time_in.out_layer': 'time_text_embed.timestep_embedder.linear_2',
    'vector_in.in_layer': 'time_text_embed.text_embedder.linear_1',
    'vector_in.out_layer': 'time_text_embed.text_embedder.linear_2',
    'guidance_in.in_layer': 'time_text_embed.guidance_embedder.linear_1',
    'guidance_in.out_layer': 'time_text_embed.guidance_embedder.linear_2',
    'final_layer.linear': 'proj_out',
    'final_layer.adaLN_modulation.1': 'norm_out.linear'
});
/**
 * The Flux original layers the table covers, in its order: per double block, per single block, at the top. What
 * ComfyUI builds back from a diffusers-named Flux file (subject.ts) is these and no more.
 */
const FLUX_ORIGINAL_LAYERS = {
    double: [...Object.keys(FLUX_DOUBLE_QKV), ...Object.keys(FLUX_DOUBLE_RENAMES)],
    single: ['linear1', 'linear2', 'modulation.lin'],
    top: Object.keys(FLUX_TOP_RENAMES)
};
const FLUX_LAYERS_KOHYA = {
    double: new Set(FLUX_ORIGINAL_LAYERS.double.map(adapters/* kohyaForm */.PP)),
    single: new Set(FLUX_ORIGINAL_LAYERS.single.map(adapters/* kohyaForm */.PP)),
    top: new Set(FLUX_ORIGINAL_LAYERS.top.map(adapters/* kohyaForm */.PP))
};
/** Whether a module path in kohya form (`double_blocks_3_img_attn_qkv`) is one of the Flux original layers. */
function isFluxOriginalLayer(underscored) {
    const double = /^double_blocks_\d+_(.+)$/.exec(underscored);
    if (double)
        return FLUX_LAYERS_KOHYA.double.has(double[1]);
    const single = /^single_blocks_\d+_(.+)$/.exec(underscored);
    if (single)
        return FLUX_LAYERS_KOHYA.single.has(single[1]);
    return FLUX_LAYERS_KOHYA.top.has(underscored);
}
/** Flux BFL names -> diffusers FluxTransformer2DModel names (ComfyUI flux_to_diffusers, with qkv slices). */
const FLUX_TO_DIFFUSERS = {
    label: 'flux original->diffusers',
    names(path, shape) {
        const rows = shape[0] ?? 0;
        const hidden = shape[1] ?? 0;
        let m = /^double_blocks\.(\d+)\.(.+)$/.exec(path);
        if (m) {
            const b = `transformer_blocks.${m[1]}`;
            const rest = m[2];
            const qkv = FLUX_DOUBLE_QKV[rest];
            if (qkv)
                return equalSlices(`${b}.attn`, [...qkv], rows);
            const renamed = FLUX_DOUBLE_RENAMES[rest];
            return renamed ? [{ path: `${b}.${renamed}` }] : [];
        }
        m = /^single_blocks\.(\d+)\.(.+)$/.exec(path);
        if (m) {
            const b = `single_transformer_blocks.${m[1]}`;
            if (m[2] === 'linear1' && rows > 3 * hidden) {
                return [
                    { path: `${b}.attn.to_q`, slice: { offset: 0, size: hidden } },
                    { path: `${b}.attn.to_k`, slice: { offset: hidden, size: hidden } },
                    { path: `${b}.attn.to_v`, slice: { offset: 2 * hidden, size: hidden } },
                    { path: `${b}.proj_mlp`, slice: { offset: 3 * hidden, size: rows - 3 * hidden } }
                ];
            }
            if (m[2] === 'linear2')
                return [{ path: `${b}.proj_out` }];
            if (m[2] === 'modulation.lin')
                return [{ path: `${b}.norm.linear` }];
            return [];
        }
        const mapped = FLUX_TOP_RENAMES[path];
        return mapped ? [{ path: mapped }] : [];
    }
};
/** LDM resnet layers -> diffusers resnet layers (ComfyUI unet_to_diffusers). */
const SGM_RESNET_PARTS = (0,lookup/* lookupTable */.z)({
    'in_layers.0': 'norm1',
    'in_layers.2': 'conv1',
    'emb_layers.1': 'time_emb_proj',
    'out_layers.0': 'norm2',
    'out_layers.3': 'conv2',
    skip_connection: 'conv_shortcut'
});
/** A resnet sub-path in diffusers names, or null when the part is not a resnet layer. */
function resnet(prefix, rest) {
    const part = SGM_RESNET_PARTS[rest];
    return part ? [{ path: `${prefix}.${part}` }] : [];
}
/** LDM UNet top-level layers -> diffusers names (ComfyUI unet_to_diffusers). */
const SGM_TOP_RENAMES = (0,lookup/* lookupTable */.z)({
    'time_embed.0': 'time_embedding.linear_1',
    'time_embed.2': 'time_embedding.linear_2',
    'label_emb.0.0': 'add_embedding.linear_1',
    'label_emb.0.2': 'add_embedding.linear_2',
    'input_blocks.0.0': 'conv_in',
    'out.0': 'conv_norm_out',
    'out.2': 'conv_out'
});
/**
 * SDXL / SD LDM (sgm) UNet names -> diffusers UNet2DConditionModel names (ComfyUI unet_to_diffusers, for two res
 * blocks per level): `input_blocks.n` is level (n-1)/3, resnet or attention by sub-index, the third of each level
 * its downsampler; `output_blocks.n` is level n/3 with three resnets, attentions where the level has them, and an
 * upsampler as the last sub-module.
 */
const SGM_TO_DIFFUSERS = {
    label: 'sgm->diffusers',
    names(path) {
        const top = SGM_TOP_RENAMES[path];
        if (top)
            return [{ path: top }];
        let m = /^input_blocks\.(\d+)\.([01])\.(.+)$/.exec(path);
        if (m) {
            const n = Number(m[1]);
            if (n < 1)
                return [];
            const level = Math.floor((n - 1) / 3);
            const within = (n - 1) % 3;
            if (within === 2)
                return m[2] === '0' && m[3] === 'op' ? [{ path: `down_blocks.${level}.downsamplers.0.conv` }] : [];
            if (m[2] === '0')
                return resnet(`down_blocks.${level}.resnets.${within}`, m[3]);
            return [{ path: `down_blocks.${level}.attentions.${within}.${m[3]}` }];
        }
        m = /^middle_block\.([012])\.(.+)$/.exec(path);
        if (m) {
            if (m[1] === '1')
                return [{ path: `mid_block.attentions.0.${m[2]}` }];
            return resnet(`mid_block.resnets.${m[1] === '0' ? 0 : 1}`, m[2]);
        }
        m = /^output_blocks\.(\d+)\.([012])\.(.+)$/.exec(path);
        if (m) {
            const level = Math.floor(Number(m[1]) / 3);
            const idx = Number(m[1]) % 3;
            if (m[2] === '0')
                return resnet(`up_blocks.${level}.resnets.${idx}`, m[3]);
            if (m[3] === 'conv')
                return [{ path: `up_blocks.${level}.upsamplers.0.conv` }];
            return [{ path: `up_blocks.${level}.attentions.${idx}.${m[3]}` }];
        }
        return [];
    }
};
const WAN_TO_DIFFUSERS = wanMap(false);
const WAN_FROM_DIFFUSERS = wanMap(true);
/**
 * The diffusers names the runtimes give one weight of the original layout (with the rows each covers), for the
 * model classes whose maps are known; empty otherwise.
 */
function diffusersNamesOf(arch, path, shape) {
    if (arch === 'unet')
        return SGM_TO_DIFFUSERS.names(path, shape);
    if (arch === 'flux')
        return FLUX_TO_DIFFUSERS.names(path, shape);
    if (arch === 'wan')
        return WAN_TO_DIFFUSERS.names(path, shape);
    return [];
}

;// CONCATENATED MODULE: ./src/lora/loaders/diffusers.ts
/**
 * diffusers' LoRA loading rules, as data: per pipeline family, the converters `lora_state_dict` runs (each with
 * the file-level test that selects it, the modules it converts, and what it does with the rest), the key prefix
 * `load_lora_adapter` keeps, and the checks `load_lora_weights` makes. Facts from diffusers'
 * src/diffusers/loaders/lora_pipeline.py, lora_conversion_utils.py and peft.py (function names cited per rule);
 * docs/reference/loaders.md has the full list.
 */



const hasPair = (f, p) => f.suffixes.has(p.down) && f.suffixes.has(p.up);
const kohyaPair = (f) => hasPair(f, adapters/* LORA_PAIR */.GD.kohya);
const abPair = (f) => hasPair(f, adapters/* LORA_PAIR */.GD.peft);
/** A module in an sgm / LDM UNet block (`input_blocks_4_1_...`). */
const SGM_BLOCK = new RegExp(`^(?:${families/* UNET_LDM_SERIES */.Bm.join('|')})_`);
/** The prefixes the SD kohya converter requires of every key. */
const SD_KOHYA = [adapters/* PREFIX */.H3.kohyaUnet, adapters/* PREFIX */.H3.kohyaTe, adapters/* PREFIX */.H3.kohyaTe1, adapters/* PREFIX */.H3.kohyaTe2];
// lora_conversion_utils.py `_convert_non_diffusers_lora_to_diffusers`: kohya LoRA pairs of the UNet and CLIP.
const sdKohya = {
    name: 'kohya',
    source: 'lora_conversion_utils.py _convert_non_diffusers_lora_to_diffusers',
    selects: (keys) => keys.every((k) => SD_KOHYA.some((p) => k.startsWith(p))),
    converts: (f) => kohyaPair(f),
    // sgm block names are renamed to diffusers blocks only when the pipeline passes its unet_config
    // (`_maybe_map_sgm_blocks_to_diffusers`; StableDiffusionXLLoraLoaderMixin does, the SD 1.x mixin does not):
    // on SD 1.x `_convert_unet_lora_key` turns them into names no module has.
    lands: (f, file) => f.module.component === 'text-encoder' || !SGM_BLOCK.test(f.module.path) || file.sdxl,
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: The following keys have not been correctly renamed: ${keys.join(', ')}`
    }
};
const WAN_ORIGINAL = /^(?:blocks_\d+_(?:(?:self_attn|cross_attn)_[qkvo]|ffn_[02])|time_projection_1|head_head|(?:text|time)_embedding_[02]|img_emb_proj_[13])$/;
const WAN_IMAGE = /^blocks_\d+_cross_attn_[kv]_img$/;
// `_convert_non_diffusers_wan_lora_to_diffusers`: original Wan names with a `diffusion_model.` prefix.
const wanOriginal = {
    name: 'Wan original names',
    source: 'lora_conversion_utils.py _convert_non_diffusers_wan_lora_to_diffusers',
    selects: (keys) => keys.some((k) => k.startsWith(adapters/* PREFIX */.H3.comfyDenoiser)),
    converts: (f, file) => {
        const m = f.module;
        if (m.prefix !== adapters/* PREFIX */.H3.comfyDenoiser)
            return false;
        const p = (0,adapters/* kohyaForm */.PP)(m.path);
        if (!WAN_ORIGINAL.test(p) && !(file.i2v && WAN_IMAGE.test(p)))
            return false;
        return kohyaPair(f) || abPair(f);
    },
    // It pops the pair, the alpha and `diff_b`; a DoRA magnitude or dora_scale is left over (the Wan mixin drops
    // dora_scale only after converting).
    takes: [
        adapters/* LORA_PAIR */.GD.peft.down,
        adapters/* LORA_PAIR */.GD.peft.up,
        adapters/* LORA_PAIR */.GD.kohya.down,
        adapters/* LORA_PAIR */.GD.kohya.up,
        adapters/* SUFFIX */.Er.alpha,
        adapters/* SUFFIX */.Er.diffBias
    ],
    drops: (f) => {
        const onlyDiff = [...f.suffixes].every((s) => s === adapters/* SUFFIX */.Er.diff || s === adapters/* SUFFIX */.Er.diffBias);
        if (!onlyDiff)
            return null;
        if (f.module.path.includes('norm'))
            return 'norm-layer deltas are removed (unsupported)';
        // `.diff` weights are left out with a log line; a `.diff_b` becomes a lora_B.bias with no LoRA pair to carry it.
        return 'full `.diff` / `.diff_b` deltas are not applied';
    },
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: \`state_dict\` should be empty at this point but has ${keys.join(', ')}`
    }
};
// `_convert_musubi_wan_lora_to_diffusers`: every block's q/k/v/o and ffn pairs with their alpha, indexed
// unconditionally (a missing one raises KeyError).
const WAN_MUSUBI_PARTS = [
    'self_attn_q',
    'self_attn_k',
    'self_attn_v',
    'self_attn_o',
    'cross_attn_q',
    'cross_attn_k',
    'cross_attn_v',
    'cross_attn_o',
    'ffn_0',
    'ffn_2'
];
const MUSUBI_TAKES = [adapters/* LORA_PAIR */.GD.kohya.down, adapters/* LORA_PAIR */.GD.kohya.up, adapters/* SUFFIX */.Er.alpha];
const wanMusubi = {
    name: 'musubi-tuner',
    source: 'lora_conversion_utils.py _convert_musubi_wan_lora_to_diffusers',
    selects: (keys) => keys.some((k) => k.startsWith(adapters/* PREFIX */.H3.kohyaUnet)),
    converts: (f, file) => {
        const p = f.module.path;
        const known = /^blocks_\d+_(.+)$/.exec(p);
        if (f.module.prefix !== adapters/* PREFIX */.H3.kohyaUnet || !known)
            return false;
        return WAN_MUSUBI_PARTS.includes(known[1]) || (file.i2v && /^cross_attn_[kv]_img$/.test(known[1]));
    },
    check: (_facts, file) => {
        // It cuts `lora_unet_` off every key (whatever it starts with), counts blocks from the text after
        // `blocks_` (a key without one is an IndexError), then indexes each block's modules and alphas.
        const names = new Set(file.keys.map((k) => k.slice(adapters/* PREFIX */.H3.kohyaUnet.length)));
        const blocks = new Set();
        for (const k of names) {
            const at = k.indexOf('blocks_');
            if (at < 0)
                return 'IndexError: list index out of range';
            blocks.add(k.slice(at + 'blocks_'.length).split('_')[0]);
        }
        const parts = file.i2v ? [...WAN_MUSUBI_PARTS, 'cross_attn_k_img', 'cross_attn_v_img'] : WAN_MUSUBI_PARTS;
        for (let i = 0; i < blocks.size; i++) {
            for (const part of parts) {
                for (const s of MUSUBI_TAKES) {
                    const key = `blocks_${i}_${part}${s}`;
                    if (!names.has(key))
                        return `KeyError: '${key}'`;
                }
            }
        }
        return null;
    },
    takes: MUSUBI_TAKES,
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: \`state_dict\` should be empty at this point but has ${keys.join(', ')}`
    }
};
const XLABS_STEM = /^(double|single)_blocks\.(\d+)\.processor\.(qkv|proj)(?:_lora(\d?))?$/;
// `_convert_kohya_flux_lora_to_diffusers`, picked by any `.lora_down.weight` key: with `transformer.` keys it keeps
// only those; otherwise it renames `diffusion_model.` to `lora_unet_` and converts the sd-scripts names.
const fluxKohya = {
    name: 'kohya (Flux)',
    source: 'lora_conversion_utils.py _convert_kohya_flux_lora_to_diffusers',
    selects: (keys) => keys.some((k) => k.includes(adapters/* LORA_PAIR */.GD.kohya.down)),
    converts: (f, file) => {
        const m = f.module;
        if (file.keys.some((k) => k.startsWith(adapters/* PREFIX */.H3.diffusersTransformer)))
            return m.prefix === adapters/* PREFIX */.H3.diffusersTransformer && (kohyaPair(f) || abPair(f));
        if (m.component === 'text-encoder')
            return kohyaPair(f);
        return ((m.prefix === adapters/* PREFIX */.H3.kohyaUnet || m.prefix === adapters/* PREFIX */.H3.comfyDenoiser) &&
            kohyaPair(f) &&
            isFluxOriginalLayer((0,adapters/* kohyaForm */.PP)(m.path)));
    },
    drops: (f) => f.suffixes.has(adapters/* SUFFIX */.Er.diffBias) && f.suffixes.size === 1 ? '`diff_b` keys are filtered out' : null,
    check: (facts, file) => {
        if (file.keys.some((k) => k.startsWith(adapters/* PREFIX */.H3.diffusersTransformer)))
            return null;
        // `_convert_sd_scripts_to_ai_toolkit` splits linear1 with Flux.1's own sizes (3 x 3072 + 12288 rows).
        for (const f of facts) {
            if (!/^single_blocks_\d+_linear1$/.test((0,adapters/* kohyaForm */.PP)(f.module.path)) || !kohyaPair(f))
                continue;
            const up = f.module.tensors.find((t) => t.role === 'up')?.tensor.shape[0];
            if (up !== undefined && up !== 3 * 3072 + 12288)
                return 'AssertionError: sum(dims) == up_weight.shape[0]';
        }
        return null;
    },
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: Incompatible keys detected: ${keys.join(', ')}`
    }
};
// `_convert_fal_kontext_lora_to_diffusers`, picked by any key containing "base_model": it pops every module of
// Flux.1's 19 double and 38 single blocks in BFL names under `base_model.model.`; a missing one is a KeyError.
const fluxFalKontext = {
    name: 'fal Kontext',
    source: 'lora_conversion_utils.py _convert_fal_kontext_lora_to_diffusers',
    selects: (keys) => keys.some((k) => k.includes('base_model')),
    converts: (f) => f.module.prefix === adapters/* PREFIX */.H3.peft && isFluxOriginalLayer((0,adapters/* kohyaForm */.PP)(f.module.path)) && abPair(f),
    check: (_facts, file) => {
        const first = `${adapters/* PREFIX */.H3.peft}double_blocks.0.img_mod.lin${adapters/* LORA_PAIR */.GD.peft.down}`;
        return file.keys.includes(first) ? null : `KeyError: '${first}'`;
    },
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: \`original_state_dict\` should be empty at this point but has ${keys.join(', ')}`
    }
};
// `_convert_xlabs_flux_lora_to_diffusers`, picked by any key containing "processor": XLabs' attention-processor
// LoRAs (`double_blocks.N.processor.qkv_lora1.down.weight`, `single_blocks.N.processor.proj_lora.up.weight`).
// The double-block keys (`_lora1`/`_lora2`) do not parse as modules here and are counted at file level; the
// single-block ones parse with the `_lora` dropped from the stem.
const fluxXlabs = {
    name: 'XLabs',
    source: 'lora_conversion_utils.py _convert_xlabs_flux_lora_to_diffusers',
    selects: (keys) => keys.some((k) => k.includes('processor')),
    converts: (f) => XLABS_STEM.test(f.module.stem),
    rest: {
        kind: 'error',
        error: (keys) => `ValueError: \`old_state_dict\` should be at this point but has: ${keys.join(', ')}`
    }
};
const PIPELINES = {
    unet: {
        arch: 'unet',
        mixin: 'StableDiffusion(XL)LoraLoaderMixin',
        prefix: 'unet',
        loraSubstring: 'all',
        converters: [sdKohya]
    },
    flux: {
        arch: 'flux',
        mixin: 'FluxLoraLoaderMixin',
        prefix: 'transformer',
        loraSubstring: 'any',
        converters: [fluxKohya, fluxXlabs, fluxFalKontext]
    },
    wan: {
        arch: 'wan',
        mixin: 'WanLoraLoaderMixin',
        prefix: 'transformer',
        loraSubstring: 'all',
        converters: [wanOriginal, wanMusubi]
    },
    hunyuanvideo: {
        arch: 'hunyuanvideo',
        mixin: 'HunyuanVideoLoraLoaderMixin',
        prefix: 'transformer',
        loraSubstring: 'all',
        converters: []
    },
    generic: {
        arch: 'generic',
        mixin: 'the pipeline LoraLoaderMixin',
        prefix: 'transformer',
        loraSubstring: 'all',
        converters: []
    }
};
/**
 * Suffix forms `load_lora_adapter` accepts: PEFT's own, or (when the first key is not PEFT) what
 * `convert_unet_state_dict_to_peft` renames; DoRA magnitudes and `lora_B.bias` are PEFT parameters too.
 */
const PEFT_PAIRS = [
    adapters/* LORA_PAIR */.GD.peft,
    adapters/* LORA_PAIR */.GD.kohya,
    adapters/* LORA_PAIR */.GD.dotLora,
    adapters/* LORA_PAIR */.GD.processor,
    adapters/* LORA_PAIR */.GD.linearLayer
];
const PEFT_EXTRAS = [adapters/* SUFFIX */.Er.magnitude, adapters/* SUFFIX */.Er.peftBBias];
/** Text-encoder prefixes `load_lora_into_text_encoder` keeps. */
const TEXT_ENCODER_PREFIXES = [adapters/* PREFIX */.H3.diffusersTe, adapters/* PREFIX */.H3.diffusersTe2];

;// CONCATENATED MODULE: ./src/lora/loaders/diffusers-profile.ts
/**
 * The diffusers profile: a LoRA through `load_lora_weights` of the pipeline its base belongs to (the rules in
 * diffusers.ts). The file first goes through the converter `lora_state_dict` selects (a converter that meets a
 * key it cannot rename fails the whole file); what is left must carry the pipeline's prefix and name a module of
 * the diffusers model, where PEFT loads it. PEFT refuses the whole file on any size mismatch.
 */


const diffusers_profile_RUNTIME = 'diffusers';
function base(f) {
    return { stem: f.module.stem, path: f.module.path, status: 'unresolved', shapes: {} };
}
function dropped(f, why, cause) {
    const r = base(f);
    r.reason = `${diffusers_profile_RUNTIME}: not loaded: ${why}`;
    r.runtimeLoads = false;
    return { r, cause: `${diffusers_profile_RUNTIME}: ${cause}` };
}
function pairOf(f) {
    return PEFT_PAIRS.some((p) => f.suffixes.has(p.down) && f.suffixes.has(p.up));
}
/** A module that reached PEFT: loads when it lands on a module of that name with fitting shapes. */
function peft(f, landing, viaConverter) {
    const r = base(f);
    const how = viaConverter ? ` (renamed by ${viaConverter.source.split(' ').pop()})` : '';
    if (!landing) {
        r.reason = `${diffusers_profile_RUNTIME}: not loaded: no module ${f.module.path} in the diffusers model${how}; PEFT reports it as an unexpected key`;
        r.runtimeLoads = false;
        return { r, cause: `${diffusers_profile_RUNTIME}: names no module of the model` };
    }
    r.target = landing.target;
    if (!landing.fits) {
        r.status = 'shape-mismatch';
        r.expected = landing.expected ?? 'shapes differ';
        const error = `RuntimeError: Error(s) in loading state_dict: size mismatch for ${f.module.path} (${r.expected})`;
        r.reason = `${diffusers_profile_RUNTIME}: the whole file fails to load: ${error}`;
        r.runtimeLoads = false;
        return { r, cause: `${diffusers_profile_RUNTIME}: size mismatch`, fileError: error };
    }
    r.status = 'ok';
    r.runtimeLoads = true;
    const ignored = f.suffixes.has(adapters/* SUFFIX */.Er.doraScale)
        ? 'dora_scale is filtered out: loads as a plain LoRA'
        : null;
    if (ignored)
        r.reason = `loads; ${ignored}`;
    if (how)
        r.reason = `loads${how}${ignored ? `; ${ignored}` : ''}`;
    return { r, ...(ignored ? { note: `${diffusers_profile_RUNTIME} drops dora_scale keys (DoRA not applied)` } : {}) };
}
function diffusersProfile(input) {
    const pipeline = PIPELINES[input.arch];
    const { facts, landings, file } = input;
    const notes = [];
    const converter = pipeline.converters.find((c) => c.selects(file.keys)) ?? null;
    let fileError;
    if (pipeline.loraSubstring === 'all') {
        // `load_lora_weights` checks every key after the converter; a converter consumes alphas and renames. These
        // are diffusers' substring tests on whole keys (`"lora" in k`, its DoRA filter), not suffixes.
        const offending = converter
            ? []
            : file.keys.filter((k) => !k.includes('lora') && !k.includes('dora_scale'));
        if (offending.length > 0)
            fileError = `ValueError: Invalid LoRA checkpoint. (${offending.length} keys without "lora", e.g. ${offending[0]})`;
    }
    else if (!converter && file.keys.length > 0 && !file.keys.some((k) => k.includes('lora'))) {
        // Flux: at least one key must say "lora" (or be a control LoRA's norm key).
        fileError =
            "ValueError: Invalid LoRA checkpoint. Make sure all LoRA param names contain `'lora'` substring.";
    }
    if (converter?.check) {
        const e = converter.check(facts, file);
        if (e)
            fileError ??= e;
    }
    const prefix = `${pipeline.prefix}.`;
    const leftovers = [];
    const verdicts = facts.map((f, i) => {
        const m = f.module;
        const landing = landings[i] ?? null;
        if (converter) {
            const drop = converter.drops?.(f);
            if (drop)
                return dropped(f, `${converter.source.split(' ').pop()}: ${drop}`, `${drop}`);
            if (converter.converts(f, file)) {
                const takes = converter.takes;
                const left = takes ? f.keys.filter((k) => !takes.includes(k.slice(f.module.stem.length))) : [];
                if (left.length > 0 && converter.rest.kind === 'error') {
                    leftovers.push(...left);
                    const name = converter.source.split(' ').pop();
                    return dropped(f, `${name} leaves ${left.join(', ')}`, 'keys the converter cannot rename');
                }
                const lands = converter.lands?.(f, file) ?? true;
                return peft(f, lands ? landing : null, converter);
            }
            if (converter.rest.kind === 'error') {
                leftovers.push(...f.keys);
                const v = dropped(f, `${converter.source.split(' ').pop()} cannot rename it`, 'keys the converter cannot rename');
                return v;
            }
            return dropped(f, converter.rest.log, 'dropped by the converter');
        }
        const wanted = m.component === 'text-encoder' ? TEXT_ENCODER_PREFIXES : [prefix];
        if (!wanted.some((p) => m.stem.startsWith(p)))
            return dropped(f, `load_lora_adapter keeps only keys prefixed ${wanted.map((p) => `\`${p}\``).join(' or ')}`, `keys without the \`${prefix}\` prefix are ignored`);
        if (!pairOf(f) && !PEFT_EXTRAS.some((s) => f.suffixes.has(s)))
            return dropped(f, `no LoRA A/B pair PEFT reads (${[...f.suffixes].join(', ')})`, 'adapter tensors PEFT does not read');
        if (landing && !landing.diffusersName)
            return dropped(f, `${m.path} is not a diffusers module name (the model's modules use diffusers names)`, 'names no module of the model');
        return peft(f, landing, null);
    });
    if (converter && leftovers.length > 0 && converter.rest.kind === 'error')
        fileError ??= converter.rest.error(leftovers.slice(0, 3).concat(leftovers.length > 3 ? ['...'] : []));
    if (converter && input.unknownKeys.length > 0) {
        if (converter.name === 'XLabs')
            notes.push(`${diffusers_profile_RUNTIME} converts ${input.unknownKeys.length} XLabs double-block keys (processor.*_lora1/2) that ` +
                'model-compat does not count as modules');
        else if (converter.rest.kind === 'error')
            fileError ??= converter.rest.error(input.unknownKeys.slice(0, 3));
    }
    if (converter)
        notes.unshift(`${diffusers_profile_RUNTIME} converts the file with ${converter.source.split(' ').pop()}`);
    if (!converter && input.unknownKeys.length > 0 && pipeline.loraSubstring === 'all') {
        const k = input.unknownKeys.find((x) => !x.includes('lora'));
        if (k)
            fileError ??= `ValueError: Invalid LoRA checkpoint. (key without "lora": ${k})`;
    }
    // PEFT with not one target module found in the model refuses the adapter.
    const reached = verdicts.filter((v) => v.r.target || v.r.reason?.includes('unexpected key'));
    if (!fileError && reached.length > 0 && reached.every((v) => !v.r.target))
        fileError = 'ValueError: Target modules not found in the base model';
    const out = { verdicts, notes };
    if (fileError)
        out.fileError = fileError;
    return out;
}

;// CONCATENATED MODULE: ./src/lora/loaders/subject.ts
/**
 * The facts a loader profile looks at: per LoRA module, the exact key suffixes it stores (a runtime matches
 * `{stem}.lora_up.weight`, never a parsed role); per base, the architecture a runtime would load it as and the
 * base in the runtime's own module names. ComfyUI and diffusers both convert a checkpoint to their own naming
 * when they load it (ComfyUI: comfy/utils.py `flux_to_diffusers` / `unet_to_diffusers` read backwards by its
 * checkpoint loaders; diffusers: `from_single_file` converters), so a LoRA is matched against that naming, not
 * against the names in the base file. See docs/reference/loaders.md.
 */



function moduleFacts(m) {
    const keys = m.tensors.map((t) => t.tensor.name);
    const suffixes = new Set();
    for (const k of keys)
        if (k.startsWith(m.stem))
            suffixes.add(k.slice(m.stem.length));
    return { module: m, keys, suffixes };
}
function archOf(family) {
    if ((0,families/* isUnetFamily */.JT)(family))
        return 'unet';
    switch (family) {
        case 'flux':
        case 'flux-diffusers':
            return 'flux';
        case 'wan':
        case 'wan-diffusers':
            return 'wan';
        case 'hunyuan-video':
            return 'hunyuanvideo';
        default:
            return 'generic';
    }
}
function own(space) {
    const out = new Map();
    for (const e of space.entries)
        out.set(e.path, { path: e.path, entry: e, baseKeys: [e.key] });
    return out;
}
/** Wan diffusers -> original, one to one, as the runtime holds a diffusers-named Wan file. */
function wanFromDiffusers(space) {
    const out = new Map();
    for (const e of space.entries) {
        const names = WAN_FROM_DIFFUSERS.names(e.path, e.shape);
        const n = names[0];
        if (names.length !== 1 || !n || n.slice)
            continue;
        // The base's own name wins (a path both layouts share, `patch_embedding`).
        if (n.path !== e.path && space.dotted.has(n.path))
            continue;
        if (!out.has(n.path))
            out.set(n.path, { path: n.path, entry: e, baseKeys: [e.key] });
    }
    return out;
}
// Flux original module names per block: the layers ComfyUI's table (comfy/utils.py `flux_to_diffusers`) covers;
// the diffusers parts come from the same table, given the fused shape.
const { double: FLUX_DOUBLE, single: FLUX_SINGLE, top: FLUX_TOP } = FLUX_ORIGINAL_LAYERS;
/** A fused original weight from its diffusers parts (rows stacked in alias-slice order). */
function fused(path, parts, slices) {
    if (parts.length === 1 && !slices[0])
        return { path, entry: parts[0], baseKeys: [parts[0].key] };
    let rows = 0;
    for (let i = 0; i < parts.length; i++) {
        const s = slices[i];
        if (!s || s.offset !== rows || parts[i].shape[0] !== s.size)
            return null;
        rows += s.size;
    }
    const inDims = parts[0].shape.slice(1);
    const entry = { key: `${path}.weight`, path, shape: [rows, ...inDims], isParam: false };
    return { path, entry, baseKeys: parts.map((p) => p.key) };
}
/** Flux diffusers -> original, fusing to_q/to_k/to_v (and proj_mlp into linear1) as ComfyUI's loader does. */
function fluxFromDiffusers(space) {
    const out = new Map();
    const hidden = space.dotted.get('transformer_blocks.0.attn.to_q')?.shape[1] ?? 0;
    const mlp = space.dotted.get('single_transformer_blocks.0.proj_mlp')?.shape[0] ?? 0;
    const paths = [];
    const double = space.blockMax.get('transformer_blocks') ?? -1;
    const single = space.blockMax.get('single_transformer_blocks') ?? -1;
    for (let i = 0; i <= double; i++)
        for (const p of FLUX_DOUBLE)
            paths.push({ path: `double_blocks.${i}.${p}`, shape: [3 * hidden, hidden] });
    for (let i = 0; i <= single; i++)
        for (const p of FLUX_SINGLE)
            paths.push({ path: `single_blocks.${i}.${p}`, shape: [3 * hidden + mlp, hidden] });
    for (const p of FLUX_TOP)
        paths.push({ path: p, shape: [hidden, hidden] });
    for (const { path, shape } of paths) {
        const names = FLUX_TO_DIFFUSERS.names(path, shape);
        if (names.length === 0)
            continue;
        const parts = [];
        for (const a of names) {
            const e = space.dotted.get(a.path);
            if (e)
                parts.push(e);
        }
        if (parts.length !== names.length)
            continue;
        const w = fused(path, parts, names.map((a) => a.slice));
        if (w)
            out.set(path, w);
    }
    return { weights: out, hidden };
}
/** A name table read backwards (the tables are one to one). */
function inverted(table) {
    const out = {};
    for (const [k, v] of Object.entries(table))
        if (v !== undefined)
            out[v] = k;
    return (0,lookup/* lookupTable */.z)(out);
}
const RESNET = inverted(SGM_RESNET_PARTS);
const TOP = inverted(SGM_TOP_RENAMES);
/**
 * A diffusers UNet path in LDM (sgm) names: the inverse of ComfyUI's sgm->diffusers table, checked by mapping the
 * answer forward again (so a guess the table would not produce is dropped).
 */
function sgmPathOf(d, upHasAttention) {
    const guesses = [];
    if (Object.hasOwn(TOP, d))
        guesses.push(TOP[d]);
    let m = /^down_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d);
    if (m) {
        const n = 3 * Number(m[1]) + Number(m[3]) + 1;
        if (m[2] === 'attentions')
            guesses.push(`input_blocks.${n}.1.${m[4]}`);
        else if (Object.hasOwn(RESNET, m[4]))
            guesses.push(`input_blocks.${n}.0.${RESNET[m[4]]}`);
    }
    m = /^down_blocks\.(\d+)\.downsamplers\.0\.conv$/.exec(d);
    if (m)
        guesses.push(`input_blocks.${3 * Number(m[1]) + 3}.0.op`);
    m = /^mid_block\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d);
    if (m) {
        if (m[1] === 'attentions')
            guesses.push(`middle_block.1.${m[3]}`);
        else if (Object.hasOwn(RESNET, m[3]))
            guesses.push(`middle_block.${m[2] === '0' ? 0 : 2}.${RESNET[m[3]]}`);
    }
    m = /^up_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)$/.exec(d);
    if (m) {
        const n = 3 * Number(m[1]) + Number(m[3]);
        if (m[2] === 'attentions')
            guesses.push(`output_blocks.${n}.1.${m[4]}`);
        else if (Object.hasOwn(RESNET, m[4]))
            guesses.push(`output_blocks.${n}.0.${RESNET[m[4]]}`);
    }
    m = /^up_blocks\.(\d+)\.upsamplers\.0\.conv$/.exec(d);
    if (m) {
        const level = Number(m[1]);
        guesses.push(`output_blocks.${3 * level + 2}.${upHasAttention(level) ? 2 : 1}.conv`);
    }
    for (const g of guesses)
        if (SGM_TO_DIFFUSERS.names(g, []).some((a) => a.path === d))
            return g;
    return null;
}
function sgmFromDiffusers(space) {
    const out = new Map();
    const attentionLevels = new Set();
    for (const e of space.entries) {
        const m = /^up_blocks\.(\d+)\.attentions\./.exec(e.path);
        if (m)
            attentionLevels.add(Number(m[1]));
    }
    for (const e of space.entries) {
        const p = sgmPathOf(e.path, (level) => attentionLevels.has(level));
        if (p)
            out.set(p, { path: p, entry: e, baseKeys: [e.key] });
    }
    return out;
}
/** The base in original names, converted from diffusers names where the runtime would convert them. */
function originalView(base) {
    const arch = archOf(base.family);
    const space = base.denoiser;
    switch (base.family) {
        case 'wan-diffusers':
            return { arch, converted: true, weights: wanFromDiffusers(space), hidden: 0 };
        case 'flux-diffusers': {
            const { weights, hidden } = fluxFromDiffusers(space);
            return { arch, converted: true, weights, hidden };
        }
        default: {
            if ((0,families/* isUnetFamily */.JT)(base.family) && base.family.endsWith('-diffusers'))
                return { arch, converted: true, weights: sgmFromDiffusers(space), hidden: 0 };
            const hidden = arch === 'flux' ? (space.dotted.get('double_blocks.0.img_attn.qkv')?.shape[1] ?? 0) : 0;
            return { arch, converted: false, weights: own(space), hidden };
        }
    }
}

;// CONCATENATED MODULE: ./src/lora/loaders/keymap.ts




/** The diffusers names of one original weight, with the rows they cover (ComfyUI's `*_to_diffusers` tables). */
function diffusersNames(view, w) {
    if (view.arch === 'unet' || view.arch === 'flux')
        return diffusersNamesOf(view.arch, w.path, w.entry.shape);
    return [];
}
/**
 * A text encoder's linear layers in transformers CLIP names, as ComfyUI holds them: open_clip names (SDXL's
 * CLIP-G in LDM checkpoints) converted as `comfy/utils.py` `transformers_convert` does, the fused `in_proj_weight`
 * split into q/k/v (rows of the base tensor), the rest renamed.
 */
function clipWeights(space) {
    const out = [];
    const RENAME = {
        'mlp.c_fc': 'mlp.fc1',
        'mlp.c_proj': 'mlp.fc2',
        'attn.out_proj': 'self_attn.out_proj'
    };
    for (const e of space.entries) {
        const m = /^transformer\.resblocks\.(\d+)\.(.+)$/.exec(e.path);
        if (!m) {
            if (!e.isParam)
                out.push({ path: e.path, w: { path: e.path, entry: e, baseKeys: [e.key] } });
            continue;
        }
        const layer = `text_model.encoder.layers.${m[1]}`;
        if (m[2] === 'attn.in_proj_weight') {
            const rows = (e.shape[0] ?? 0) / 3;
            if (!Number.isInteger(rows) || rows <= 0)
                continue;
            ['q_proj', 'k_proj', 'v_proj'].forEach((p, j) => {
                const path = `${layer}.self_attn.${p}`;
                const entry = { ...e, isParam: false };
                out.push({ path, w: { path, entry, baseKeys: [e.key] }, slice: { offset: j * rows, size: rows } });
            });
            continue;
        }
        const renamed = RENAME[m[2]];
        if (renamed && !e.isParam) {
            const path = `${layer}.${renamed}`;
            out.push({ path, w: { path, entry: e, baseKeys: [e.key] } });
        }
    }
    return out;
}
function buildKeyMap(base) {
    const view = originalView(base);
    const stems = new Map();
    const forms = KEY_FORMS[view.arch];
    // Pass 1: the forms of original names (the generic loop over the model's state dict comes first in ComfyUI).
    for (const w of view.weights.values()) {
        if (w.entry.isParam) {
            // Parameters without `.weight` answer only under their own full name (`key_map[k] = k`).
            stems.set(adapters/* PREFIX */.H3.comfyDenoiser + w.path, { weight: w, source: 'generic format', component: 'denoiser' });
            continue;
        }
        for (const f of forms) {
            if (f.names !== 'original')
                continue;
            stems.set(f.stem(w.path), { weight: w, source: f.source, component: 'denoiser' });
        }
    }
    // Pass 2: the forms of diffusers names, each with the rows of the original weight it stands for.
    for (const w of view.weights.values()) {
        if (w.entry.isParam)
            continue;
        const names = diffusersNames(view, w);
        for (const d of names) {
            for (const f of forms) {
                if (f.names !== 'diffusers')
                    continue;
                const t = { weight: w, source: f.source, component: 'denoiser' };
                if (d.slice)
                    t.slice = d.slice;
                stems.set(f.stem(d.path), t);
            }
        }
    }
    const diffusers = new Map();
    for (const w of view.weights.values()) {
        if (w.entry.isParam)
            continue;
        for (const d of diffusersNamesOf(view.arch, w.path, w.entry.shape))
            diffusers.set((0,adapters/* kohyaForm */.PP)(d.path), d.slice ? { weight: w, slice: d.slice } : { weight: w });
    }
    if (view.arch === 'flux') {
        for (const w of view.weights.values()) {
            const qkv = fluxLinear1Qkv(w.path, view.hidden);
            if (qkv)
                stems.set(qkv.stem, {
                    weight: w,
                    slice: qkv.slice,
                    source: 'Flux linear1_qkv',
                    component: 'denoiser'
                });
        }
    }
    // Text encoders: the CLIP-L forms for the first, CLIP-G forms for the second when a first exists.
    for (const [te, space] of base.textEncoders) {
        const clip = te === 1 ? 'clip_l' : te === 2 ? 'clip_g' : `te${te}`;
        for (const { path, w, slice } of clipWeights(space)) {
            const at = slice ? { slice } : {};
            stems.set(`${adapters/* PREFIX */.H3.comfyTextEncoders}${clip}.transformer.${path}`, {
                weight: w,
                ...at,
                source: 'generic text-encoder format',
                component: 'text-encoder',
                clip
            });
            const effective = te === 2 && !base.textEncoders.has(1) ? 1 : te;
            for (const s of clipStems(path, effective))
                stems.set(s, { weight: w, ...at, source: 'CLIP key map', component: 'text-encoder', clip });
        }
    }
    return { view, stems, diffusers };
}

;// CONCATENATED MODULE: ./src/lora/loaders/landing.ts
/**
 * Where a module lands on the base, for a profile that needs the resolver's answer: the resolver's target when it
 * found one, else ComfyUI's key map (which also knows bases the runtimes convert on load), with the resolver's
 * shape check either way. Whether the LoRA named that module by its diffusers name matters to diffusers, whose
 * models only have diffusers names.
 */





function baseUsesDiffusersNames(base) {
    return base.family !== null && base.family.endsWith('-diffusers');
}
/**
 * Whether the LoRA names its module by the runtime's diffusers name of the weight it lands on. On a diffusers-named
 * base a module found under the base's own names is; on an original-named base, when the name is one of the
 * diffusers names the runtimes give that weight (runtime-names.ts).
 */
function namedByDiffusers(m, target, base) {
    const own = target.via === 'exact' || target.via === 'underscore' || target.via === 'underscore form';
    if (baseUsesDiffusersNames(base))
        return own;
    if (own)
        return false;
    const prefix = base.denoiser.prefix;
    const key = target.key.startsWith(prefix) ? target.key.slice(prefix.length) : target.key;
    const path = key.replace(/\.weight$/, '');
    const names = diffusersNamesOf(archOf(base.family), path, target.shape);
    const mine = m.pathForm === 'underscore' ? m.path : (0,adapters/* kohyaForm */.PP)(m.path);
    return names.some((n) => (0,adapters/* kohyaForm */.PP)(n.path) === mine);
}
/**
 * XLabs attention-processor stems in original Flux names, the renames ComfyUI's `convert_uso_lora` and diffusers'
 * `_convert_xlabs_flux_lora_to_diffusers` both apply: `qkv_lora1`/`qkv_lora2` are the image/text qkv,
 * `proj_lora1`/`proj_lora2` the projections, and a single block's `qkv_lora`/`proj_lora` linear1's q/k/v rows
 * and linear2.
 */
function xlabsStem(stem) {
    const m = XLABS_STEM.exec(stem);
    if (!m)
        return null;
    const [, kind, n, part, which] = m;
    if (kind === 'single')
        return `${adapters/* PREFIX */.H3.comfyDenoiser}single_blocks.${n}.${part === 'qkv' ? 'linear1_qkv' : 'linear2'}`;
    const side = which === '2' ? 'txt' : 'img';
    return `${adapters/* PREFIX */.H3.comfyDenoiser}double_blocks.${n}.${side}_attn.${part}`;
}
function landingOf(f, resolved, base, keyMap) {
    if (resolved?.target && (resolved.status === 'ok' || resolved.status === 'shape-mismatch')) {
        const out = {
            target: resolved.target,
            fits: resolved.status === 'ok',
            // Text encoders keep their transformers names in both worlds.
            diffusersName: f.module.component === 'text-encoder' || namedByDiffusers(f.module, resolved.target, base)
        };
        if (resolved.expected)
            out.expected = resolved.expected;
        return out;
    }
    const m = f.module;
    // diffusers converts an original-layout base to its own names on load: a module under one of those lands there.
    const converted = m.component === 'denoiser' && !baseUsesDiffusersNames(base)
        ? keyMap.diffusers.get(m.pathForm === 'underscore' ? m.path : (0,adapters/* kohyaForm */.PP)(m.path))
        : undefined;
    if (converted) {
        const v = (0,shapes/* checkModuleShapes */.B)(m, converted.weight.entry, converted.slice);
        const target = {
            key: converted.weight.entry.key,
            shape: converted.weight.entry.shape,
            via: 'base converted on load (diffusers names)'
        };
        if (converted.slice)
            target.slice = converted.slice;
        const out = { target, fits: v.ok, diffusersName: true };
        if (v.expected)
            out.expected = v.expected;
        return out;
    }
    const xlabs = xlabsStem(m.stem);
    // Text encoders: both runtimes hold transformers CLIP names, and ComfyUI's key map has every kohya and diffusers
    // stem for them (open_clip bases converted).
    const tries = xlabs
        ? [xlabs]
        : m.component === 'text-encoder'
            ? [m.stem]
            : m.pathForm === 'underscore'
                ? [adapters/* PREFIX */.H3.kohyaUnet + m.path]
                : [
                    adapters/* PREFIX */.H3.comfyDenoiser + m.path,
                    adapters/* PREFIX */.H3.diffusersTransformer + m.path,
                    adapters/* PREFIX */.H3.diffusersUnet + m.path,
                    m.path
                ];
    for (const stem of tries) {
        const hit = keyMap.stems.get(stem);
        if (!hit || hit.component !== m.component)
            continue;
        const v = (0,shapes/* checkModuleShapes */.B)(m, hit.weight.entry, hit.slice);
        const target = {
            key: hit.weight.baseKeys.length > 1 ? `${hit.weight.path}.weight` : hit.weight.entry.key,
            shape: hit.weight.entry.shape,
            via: `base converted on load (${hit.source})`
        };
        if (hit.slice)
            target.slice = hit.slice;
        const out = {
            target,
            fits: v.ok,
            diffusersName: hit.source !== 'generic format' && hit.source !== 'kohya names'
        };
        if (v.expected)
            out.expected = v.expected;
        return out;
    }
    return null;
}

// EXTERNAL MODULE: ./src/lora/loaders/verdict.ts
var verdict = __webpack_require__(470);
;// CONCATENATED MODULE: ./src/lora/loaders/interpret.ts







const LOADERS = ['any', 'comfyui', 'diffusers'];
/** The runtime profiles (every loader but `any`), in display order. */
const RUNTIME_LOADERS = ['comfyui', 'diffusers'];
function isLoaderName(s) {
    return LOADERS.includes(s);
}
/**
 * Base families a runtime has no model for (docs/reference/loaders.md §4): ComfyUI core and diffusers have no
 * LongCat-Video model; it runs through custom loaders (Kijai's WanVideoWrapper, its own repository).
 */
const NO_MODEL = {
    comfyui: {
        'longcat-video': 'ComfyUI core has no LongCat-Video model (custom nodes such as WanVideoWrapper load it)'
    },
    diffusers: { 'longcat-video': 'diffusers has no LongCat-Video pipeline' }
};
const keyMaps = new WeakMap();
function keyMapOf(base) {
    let km = keyMaps.get(base);
    if (!km)
        keyMaps.set(base, (km = buildKeyMap(base)));
    return km;
}
/**
 * Two modules that patch the same rows of the same weight: ComfyUI's `load_lora` stores one patch per weight, so
 * the module whose stem comes later in the key map replaces the other without a word.
 */
function overwritten(verdicts, keyMap, keys) {
    const position = new Map();
    let i = 0;
    for (const stem of keyMap.stems.keys())
        position.set(stem, i++);
    const byWeight = new Map();
    for (const v of verdicts) {
        const t = v.r.target;
        if (!v.r.runtimeLoads || !t)
            continue;
        const id = `${t.key}#${t.slice ? `${t.slice.offset}+${t.slice.size}` : ''}`;
        const list = byWeight.get(id);
        if (list)
            list.push(v);
        else
            byWeight.set(id, [v]);
    }
    for (const list of byWeight.values()) {
        if (list.length < 2)
            continue;
        const rank = (v) => position.get(convertedStem(v.r.stem, keys)) ?? -1;
        const winner = list.reduce((a, b) => (rank(b) > rank(a) ? b : a));
        for (const v of list) {
            if (v === winner)
                continue;
            v.r.status = 'unresolved';
            v.r.runtimeLoads = false;
            delete v.r.expected;
            v.r.reason = `ComfyUI: read, then silently replaced: ${winner.r.stem} patches the same weight and comes later in ComfyUI's key map`;
            v.cause = 'ComfyUI: replaced by another module patching the same weight';
        }
    }
}
function listKeys(keys, max = 3) {
    const shown = keys.slice(0, max).join(', ');
    return keys.length > max ? `${shown} and ${keys.length - max} more` : shown;
}
function allKeys(analysis) {
    const keys = [];
    for (const m of analysis.modules)
        for (const t of m.tensors)
            keys.push(t.tensor.name);
    keys.push(...analysis.unknownKeys);
    return keys;
}
/**
 * The resolution of a LoRA under one loader. `resolution` is the resolver's answer for the same LoRA and base
 * (the `any` loader); the runtime profiles reuse its shapes and landings.
 */
function applyLoader(loader, analysis, resolution, base) {
    if (loader === 'any')
        return resolution;
    return applyRuntimeLoader(loader, analysis, resolution, base, fileFacts(analysis));
}
function fileFacts(analysis) {
    const keys = allKeys(analysis);
    return { facts: analysis.modules.map(moduleFacts), keys };
}
// The profiles only read the facts, so both share one set (1,500 modules: two passes over every key saved).
function applyRuntimeLoader(loader, analysis, resolution, base, file) {
    const head = {
        lora: resolution.lora,
        base: resolution.base,
        baseFamily: resolution.baseFamily,
        baseWidth: resolution.baseWidth
    };
    const keyMap = keyMapOf(base);
    const { facts, keys } = file;
    const label = verdict/* LOADER_LABELS */.s[loader];
    const missing = base.family !== null ? NO_MODEL[loader][base.family] : undefined;
    if (missing !== undefined) {
        // The runtime cannot load the base at all: no module of any LoRA loads.
        const verdicts = facts.map((f, i) => ({
            r: {
                stem: f.module.stem,
                path: f.module.path,
                status: 'unresolved',
                shapes: resolution.results[i]?.shapes ?? {}
            }
        }));
        return (0,verdict/* assemble */.f)(loader, head, verdicts, { fileError: missing });
    }
    if (loader === 'comfyui') {
        const keySet = (file.keySet ??= new Set(keys));
        const verdicts = facts.map((f, i) => {
            const v = comfyModule(f, keyMap, keySet);
            v.r.shapes = resolution.results[i]?.shapes ?? {};
            return v;
        });
        overwritten(verdicts, keyMap, keySet);
        const notes = analysis.unknownKeys.length > 0
            ? [`${label}: lora key not loaded: ${listKeys(analysis.unknownKeys)}`]
            : [];
        return (0,verdict/* assemble */.f)(loader, head, verdicts, { notes });
    }
    const landings = facts.map((f, i) => landingOf(f, resolution.results[i], base, keyMap));
    const i2v = analysis.modules.some((m) => /k_img$/.test(m.path)) && analysis.modules.some((m) => /v_img$/.test(m.path));
    const sdxl = base.denoiser.entries.some((e) => /^(?:label_emb|add_embedding)\./.test(e.path));
    const out = diffusersProfile({
        arch: keyMap.view.arch,
        facts,
        landings,
        file: { keys, i2v, sdxl },
        unknownKeys: analysis.unknownKeys
    });
    out.verdicts.forEach((v, i) => (v.r.shapes = resolution.results[i]?.shapes ?? {}));
    return (0,verdict/* assemble */.f)(loader, head, out.verdicts, {
        ...(out.fileError ? { fileError: out.fileError } : {}),
        notes: out.notes
    });
}
/** Every runtime profile's resolution, in display order. */
function applyRuntimeLoaders(analysis, resolution, base) {
    const file = fileFacts(analysis);
    return RUNTIME_LOADERS.map((l) => applyRuntimeLoader(l, analysis, resolution, base, file));
}

;// CONCATENATED MODULE: ./src/lora/loaders/index.ts
/** Runtime loader profiles: will a LoRA load in ComfyUI, in diffusers, under any naming model-compat knows. */





/***/ }),

/***/ 470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ assemble),
/* harmony export */   s: () => (/* binding */ LOADER_LABELS)
/* harmony export */ });
/* harmony import */ var _order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1204);
/**
 * A loader profile's verdict per module, and the resolution document built from them: the same schema as the
 * resolver's (src/lora/types.ts `LoraResolution`), with the loader named, the file-level error when the runtime
 * refuses the whole file, and what it does silently.
 */

const LOADER_LABELS = {
    any: 'any',
    comfyui: 'ComfyUI',
    diffusers: 'diffusers'
};
/** Assemble a resolution from per-module verdicts; a file error makes every module not load. */
function assemble(loader, base, verdicts, extra = {}) {
    const label = LOADER_LABELS[loader];
    const fileError = extra.fileError ?? verdicts.find((v) => v.fileError)?.fileError;
    const counts = {
        ok: 0,
        unresolved: 0,
        'shape-mismatch': 0,
        unsupported: 0
    };
    const causes = new Map();
    const notes = new Map();
    for (const n of extra.notes ?? [])
        notes.set(n, 0);
    const results = [];
    for (const v of verdicts) {
        const r = v.r;
        if (fileError !== undefined && !v.fileError) {
            r.status = 'unresolved';
            r.runtimeLoads = false;
            delete r.expected;
            r.reason = `${label}: the whole file fails to load (${fileError})`;
        }
        if (fileError !== undefined)
            r.cause = `${label}: the whole file fails to load`;
        else if (r.status !== 'ok')
            r.cause = v.cause ?? `${label}: not loaded`;
        else
            delete r.cause;
        if (v.note !== undefined && fileError === undefined)
            notes.set(v.note, (notes.get(v.note) ?? 0) + 1);
        counts[r.status]++;
        if (r.cause !== undefined)
            causes.set(r.cause, (causes.get(r.cause) ?? 0) + 1);
        results.push(r);
    }
    const modules = results.length;
    const out = {
        ...base,
        modules,
        loadable: counts.ok,
        loadablePercent: modules === 0 ? 0 : Math.round((counts.ok / modules) * 10000) / 100,
        counts,
        causes: [...causes.entries()]
            .map(([cause, n]) => ({ cause, modules: n }))
            .sort((a, b) => b.modules - a.modules || (0,_order_js__WEBPACK_IMPORTED_MODULE_0__/* .byCodeUnit */ .X)(a.cause, b.cause)),
        results,
        loader
    };
    if (fileError !== undefined)
        out.fileError = fileError;
    const noteList = [...notes.entries()].map(([n, c]) => (c > 1 ? `${n} (${c} modules)` : n));
    if (noteList.length > 0)
        out.loaderNotes = noteList;
    return out;
}


/***/ }),

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ summarizeAnalysis),
/* harmony export */   R2: () => (/* binding */ summarizeLoader),
/* harmony export */   zJ: () => (/* binding */ buildLoraReport)
/* harmony export */ });
/* unused harmony export summarizeModule */
function summarizeModule(m) {
    const s = {
        stem: m.stem,
        path: m.path,
        naming: m.naming,
        algorithm: m.algorithm,
        component: m.component,
        textEncoder: m.textEncoder,
        layerKind: m.layerKind,
        rank: m.rank,
        storedRank: m.storedRank,
        splitCount: m.splitCount,
        hasAlpha: m.hasAlpha,
        alpha: m.alpha,
        scale: m.scale,
        scaleSource: m.scaleSource,
        params: m.params,
        bytes: m.bytes,
        shapes: Object.fromEntries(m.tensors.map((t) => [t.index !== undefined ? `${t.role}.${t.index}` : t.role, [...t.tensor.shape]])),
        dtype: [...new Set(m.tensors.map((t) => t.tensor.dtype))].sort().join('+'),
        issues: [...m.issues]
    };
    if (m.block)
        s.block = { ...m.block };
    if (m.adapterName)
        s.adapterName = m.adapterName;
    return s;
}
/** The analysis as JSON data; `withModules` adds every module (about 500 bytes each). */
function summarizeAnalysis(a, withModules = true) {
    const { modules, ...rest } = a;
    return withModules ? { ...rest, modules: modules.map(summarizeModule) } : rest;
}
function summarizeLoader(r) {
    const s = {
        loader: r.loader ?? 'any',
        modules: r.modules,
        loadable: r.loadable,
        brokenLoads: r.results.filter((m) => m.status !== 'ok' && m.runtimeLoads === true).length
    };
    if (r.fileError !== undefined)
        s.fileError = r.fileError;
    const cause = r.causes[0]?.cause;
    if (cause !== undefined)
        s.cause = cause;
    return s;
}
function buildLoraReport(input) {
    const doc = {
        schemaVersion: 2,
        tool: { ...input.tool },
        kind: 'lora-report',
        loras: input.analyses.map((a, i) => {
            const entry = {
                name: input.names?.[i] ?? a.path,
                analysis: summarizeAnalysis(a, input.withModules ?? true)
            };
            const r = input.resolutions?.[i];
            if (r)
                entry.resolution = r;
            const profiles = input.loaders?.[i];
            if (profiles)
                entry.loaders = profiles.map(summarizeLoader);
            return entry;
        })
    };
    if (input.base !== undefined)
        doc.base = input.base;
    if (input.comparison)
        doc.comparison = input.comparison;
    return doc;
}


/***/ }),

/***/ 4063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _v: () => (/* binding */ runtimeColumns),
/* harmony export */   dn: () => (/* binding */ loadsInLine)
/* harmony export */ });
/* unused harmony exports loaderFigure, loaderWhy, loaderCell */
/* harmony import */ var _lora_loaders_verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(470);
/* harmony import */ var _gate_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8732);
/* harmony import */ var _markdown_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7141);
/**
 * How a LoRA fares under each runtime loader profile, in one line for the console and Markdown:
 * `loads in: ComfyUI 20/20, diffusers 0/20 (fails: ValueError ...)`. Pure.
 */



/** One profile's figure: `ComfyUI 20/20`, `diffusers fails (KeyError: ...)`, with modules it merges broken. */
function loaderFigure(r, maxError = 80) {
    const label = _lora_loaders_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .LOADER_LABELS */ .s[r.loader ?? 'any'];
    if (r.fileError !== undefined) {
        const e = r.fileError.length > maxError ? `${r.fileError.slice(0, maxError - 3)}...` : r.fileError;
        return `${label} 0/${r.modules} (the whole file fails: ${e})`;
    }
    const broken = r.results.filter((m) => m.status !== 'ok' && m.runtimeLoads === true).length;
    return `${label} ${r.loadable}/${r.modules}${broken > 0 ? ` (+${broken} merged with the wrong layout)` : ''}`;
}
/** The line the console shows under the answer when no single loader was asked for. */
function loadsInLine(profiles) {
    return `loads in: ${profiles.map((p) => loaderFigure(p)).join(', ')}`;
}
/** Why a runtime does not load a LoRA fully: its file error, else its most frequent cause. */
function loaderWhy(r) {
    if (r.fileError !== undefined)
        return `the whole file fails: ${r.fileError}`;
    if (r.loadable === r.modules)
        return null;
    const top = r.causes[0];
    return top ? `${top.modules} ${top.modules === 1 ? 'module' : 'modules'}: ${top.cause}` : null;
}
/** One runtime's Markdown cell in the gate summary: `✅ 20 of 20`, `❌ 3 of 20: <why>`, `❌ file refused: KeyError ...`. */
function loaderCell(l, icons) {
    if (!l)
        return '–';
    const icon = l.passed ? icons.pass : icons.fail;
    if (l.fileError !== undefined)
        return `${icon} file refused: ${(0,_markdown_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_gate_format_js__WEBPACK_IMPORTED_MODULE_2__/* .cutText */ .IN)(l.fileError, 80))}`;
    const broken = l.brokenLoads > 0 ? ` (+${l.brokenLoads} broken)` : '';
    const why = !l.passed && l.why ? `: ${(0,_markdown_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_gate_format_js__WEBPACK_IMPORTED_MODULE_2__/* .cutText */ .IN)(l.why, 80))}` : '';
    return `${icon} ${l.loaded} of ${l.modules}${broken}${why}`;
}
/**
 * The summary's LoRA table gets a column per gated runtime (the `loader` input), when it names any: the header and
 * rule cells to splice in, and each artifact's cells.
 */
function runtimeColumns(loras, icons) {
    const runtimes = [];
    for (const a of loras)
        for (const l of a.lora?.loaders ?? [])
            if (!runtimes.includes(l.loader))
                runtimes.push(l.loader);
    return {
        head: runtimes.map((r) => ` ${_lora_loaders_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .LOADER_LABELS */ .s[r]} |`).join(''),
        rule: runtimes.map(() => '---|').join(''),
        cells: (a) => runtimes
            .map((r) => ` ${loaderCell(a.lora?.loaders?.find((x) => x.loader === r), icons)} |`)
            .join('')
    };
}


/***/ }),

/***/ 7141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/**
 * File-derived text in the gate's Markdown (job summary, PR comment): code spans that no backtick can close and no
 * pipe can split, and text with no HTML, no table break, no emphasis, no live @mention or issue link, and no control
 * character (`--markdown` prints to a terminal too).
 */

/** Inline code safe inside a table cell: no backtick can close it, no pipe can split the cell. */
function code(text) {
    return inlineCode(text.replace(/\|/g, '\\|'));
}
/**
 * Inline code outside tables. No `\|` here: backslash escapes do not work in code spans, only GFM tables undo
 * that one, so elsewhere the backslash would show.
 */
function inlineCode(text) {
    return `\`${oneLine(text).replace(/`/g, "'")}\``;
}
/**
 * Text from files (tensor names, evidence) is hostile: no HTML, no table breaks, no @mentions or #refs pinging
 * people from a PR comment.
 */
function escapeText(text) {
    return escapeHtml(oneLine(text))
        .replace(/\|/g, '\\|')
        .replace(/([*_`[\]])/g, '\\$1');
}
function escapeHtml(text) {
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .inertReferences */ .xe)(oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}
/** One line, and no other control character either: `--markdown` prints this to a terminal too (an ESC there
 * could clear the screen or recolour the verdict). */
function oneLine(text) {
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(text.replace(/[\r\n\t]+/g, ' '));
}


/***/ })

};
;