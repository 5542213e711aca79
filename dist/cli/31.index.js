"use strict";
exports.id = 31;
exports.ids = [31];
exports.modules = {

/***/ 9493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ lookupTable)
/* harmony export */ });
/**
 * Lookup tables indexed by names from files. A plain object literal answers `table['constructor']` or
 * `table['__proto__']` with Object.prototype's members, so a hostile key name would be taken for a table entry;
 * a null-prototype table answers undefined for every name it does not hold.
 */
function lookupTable(entries) {
    return Object.freeze(Object.assign(Object.create(null), entries));
}


/***/ }),

/***/ 5044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ ALIAS_FAMILIES)
/* harmony export */ });
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9493);
/**
 * Other names a base module answers to, generated forward from the base's own keys (as ComfyUI builds its key map:
 * never by parsing LoRA names). Each alias family turns one base module path into the paths a LoRA of another
 * naming family would use, with a row slice when that name covers part of a fused weight (key-formats.md §1.4,
 * §2.4, §4.1, §5.1c).
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
function wanFamily(reverse) {
    const block = pairMap(WAN_BLOCK_PAIRS, reverse);
    const top = pairMap(WAN_TOP_PAIRS, reverse);
    return {
        label: reverse ? 'name map wan diffusers->original' : 'name map wan original->diffusers',
        bases: reverse ? ['wan-diffusers'] : ['wan'],
        aliases(path) {
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
/**
 * LongCat-Video original names -> FastVideo names (longcat_to_fastvideo.py) and the Wan-style split names Kijai's
 * wrapper uses; fused `attn.qkv` / `cross_attn.kv_linear` answer as row slices.
 */
const longcatFamily = {
    label: 'name map longcat original->split (FastVideo/Wan-style)',
    bases: ['longcat'],
    aliases(path, shape) {
        const m = /^(blocks\.\d+)\.(.+)$/.exec(path);
        const rows = shape[0] ?? 0;
        if (m) {
            const b = m[1];
            switch (m[2]) {
                case 'attn.qkv':
                    return [
                        ...equalSlices(`${b}.self_attn`, ['to_q', 'to_k', 'to_v'], rows),
                        ...equalSlices(`${b}.self_attn`, ['q', 'k', 'v'], rows)
                    ];
                case 'cross_attn.kv_linear':
                    return [
                        ...equalSlices(`${b}.cross_attn`, ['to_k', 'to_v'], rows),
                        ...equalSlices(`${b}.cross_attn`, ['k', 'v'], rows)
                    ];
                case 'attn.proj':
                    return [{ path: `${b}.self_attn.to_out` }, { path: `${b}.self_attn.o` }];
                case 'cross_attn.q_linear':
                    return [{ path: `${b}.cross_attn.to_q` }, { path: `${b}.cross_attn.q` }];
                case 'cross_attn.proj':
                    return [{ path: `${b}.cross_attn.to_out` }, { path: `${b}.cross_attn.o` }];
                case 'adaLN_modulation.1':
                    return [{ path: `${b}.adaln_linear_1` }];
                default:
                    return [];
            }
        }
        const top = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
            'x_embedder.proj': 'patch_embed.proj',
            't_embedder.mlp.0': 'time_embedder.linear_1',
            't_embedder.mlp.2': 'time_embedder.linear_2',
            'y_embedder.y_proj.0': 'caption_embedder.linear_1',
            'y_embedder.y_proj.2': 'caption_embedder.linear_2',
            'final_layer.adaLN_modulation.1': 'final_layer.adaln_linear',
            'final_layer.linear': 'final_layer.proj'
        });
        const mapped = top[path];
        return mapped ? [{ path: mapped }] : [];
    }
};
/** Flux BFL names -> diffusers FluxTransformer2DModel names (ComfyUI flux_to_diffusers, with qkv slices). */
const fluxFamily = {
    label: 'name map flux original->diffusers',
    bases: ['flux'],
    aliases(path, shape) {
        const rows = shape[0] ?? 0;
        const hidden = shape[1] ?? 0;
        let m = /^double_blocks\.(\d+)\.(.+)$/.exec(path);
        if (m) {
            const b = `transformer_blocks.${m[1]}`;
            const rest = m[2];
            const map = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
                'img_attn.proj': 'attn.to_out.0',
                'txt_attn.proj': 'attn.to_add_out',
                'img_mlp.0': 'ff.net.0.proj',
                'img_mlp.2': 'ff.net.2',
                'txt_mlp.0': 'ff_context.net.0.proj',
                'txt_mlp.2': 'ff_context.net.2',
                'img_mod.lin': 'norm1.linear',
                'txt_mod.lin': 'norm1_context.linear'
            });
            if (rest === 'img_attn.qkv')
                return equalSlices(`${b}.attn`, ['to_q', 'to_k', 'to_v'], rows);
            if (rest === 'txt_attn.qkv')
                return equalSlices(`${b}.attn`, ['add_q_proj', 'add_k_proj', 'add_v_proj'], rows);
            return map[rest] ? [{ path: `${b}.${map[rest]}` }] : [];
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
        const top = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
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
        const mapped = top[path];
        return mapped ? [{ path: mapped }] : [];
    }
};
const RESNET_PARTS = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
    'in_layers.0': 'norm1',
    'in_layers.2': 'conv1',
    'emb_layers.1': 'time_emb_proj',
    'out_layers.0': 'norm2',
    'out_layers.3': 'conv2',
    skip_connection: 'conv_shortcut'
});
/** A resnet sub-path in diffusers names, or null when the part is not a resnet layer. */
function resnet(prefix, rest) {
    const part = RESNET_PARTS[rest];
    return part ? [{ path: `${prefix}.${part}` }] : [];
}
/**
 * SDXL / SD LDM (sgm) UNet names -> diffusers UNet2DConditionModel names (ComfyUI unet_to_diffusers, for two res
 * blocks per level): `input_blocks.n` is level (n-1)/3, resnet or attention by sub-index, the third of each level
 * its downsampler; `output_blocks.n` is level n/3 with three resnets, attentions where the level has them, and an
 * upsampler as the last sub-module.
 */
const sdxlFamily = {
    label: 'name map sdxl sgm->diffusers',
    bases: ['sdxl'],
    aliases(path) {
        const top = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
            'time_embed.0': 'time_embedding.linear_1',
            'time_embed.2': 'time_embedding.linear_2',
            'label_emb.0.0': 'add_embedding.linear_1',
            'label_emb.0.2': 'add_embedding.linear_2',
            'input_blocks.0.0': 'conv_in',
            'out.0': 'conv_norm_out',
            'out.2': 'conv_out'
        });
        if (top[path])
            return [{ path: top[path] }];
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
/** Every alias family the resolver tries, in order, after the base's own names. */
const ALIAS_FAMILIES = [
    wanFamily(false),
    wanFamily(true),
    longcatFamily,
    fluxFamily,
    sdxlFamily
];


/***/ }),

/***/ 4322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hL: () => (/* binding */ analyzeLora)
});

// UNUSED EXPORTS: loraStatistics, trainingMetadata

// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
// EXTERNAL MODULE: ./src/formats/dtypes.ts
var dtypes = __webpack_require__(3627);
// EXTERNAL MODULE: ./src/lora/keys.ts
var keys = __webpack_require__(6414);
;// CONCATENATED MODULE: ./src/lora/modules.ts
/**
 * Grouping a LoRA file's tensors into modules (one per stem) and reading each module's algorithm, rank, alpha and
 * size from shapes alone. Alpha *values* live in tensor data: callers that read them pass them in `scalars`;
 * otherwise the value comes from kohya metadata or stays unknown ("alpha stored, value not read").
 */



/**
 * Elements of a tensor as a number. Products of safe integers stay exact while below 2^53; past that (a hostile
 * shape) the count saturates rather than throwing, checked exactly with BigInt only then.
 */
function numel(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    if (Number.isSafeInteger(n))
        return n;
    const big = (0,dtypes/* numelBig */.yQ)(shape);
    return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}
function tensorBytes(t) {
    if (t.byteRange)
        return Number(t.byteRange.end - t.byteRange.start);
    // Own keys only: a dtype named `__proto__` or `constructor` must not find Object.prototype.
    const bits = (0,dtypes/* isSafetensorsDtype */.AK)(t.dtype) ? dtypes/* SAFETENSORS_DTYPE_BITS */.Iu[t.dtype] : 0;
    return bits ? Math.ceil((numel(t.shape) * bits) / 8) : 0;
}
/** The default alpha rule of a convention, said the way its loaders apply it. */
function defaultAlphaRule(naming) {
    switch (naming) {
        case 'kohya':
        case 'lycoris':
            return 'no .alpha: alpha = rank, scale 1 (sd-scripts create_network_from_weights, ComfyUI)';
        case 'longcat':
            return 'alpha_scale is required: LongCat load_state_dict(strict=True) fails without it';
        case 'peft':
            return 'no alpha in the file: lora_alpha lives in adapter_config.json; without it lora_alpha = r, scale 1';
        default:
            return 'no alpha: scale 1 (diffusers lora_alpha = r; ComfyUI alpha defaults to scale 1.0)';
    }
}
function find(m, role) {
    return m.tensors.find((t) => t.role === role)?.tensor;
}
function algorithmOf(tensors) {
    const roles = new Set(tensors.map((t) => t.role));
    if (roles.has('down') || roles.has('up') || roles.has('up-block'))
        return 'lora';
    for (const t of tensors) {
        const a = (0,keys/* algorithmOfRole */.tp)(t.role);
        if (a && a !== 'full')
            return a;
    }
    for (const t of tensors)
        if ((0,keys/* algorithmOfRole */.tp)(t.role) === 'full')
            return 'full';
    return 'unknown';
}
/** Stored and trained rank plus consistency issues, from shapes. */
function rankOf(m) {
    const issues = m.issues;
    if (m.algorithm === 'lora') {
        const down = find(m, 'down');
        const up = find(m, 'up');
        const blocks = m.tensors
            .filter((t) => t.role === 'up-block')
            .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        if (!down)
            issues.push('no down/A tensor');
        if (!up && blocks.length === 0)
            issues.push('no up/B tensor');
        if (down)
            m.storedRank = down.shape[0] ?? null;
        if (blocks.length > 0) {
            m.splitCount = blocks.length;
            if (blocks.some((b, i) => b.index !== i))
                issues.push('lora_up.blocks indices are not 0..n-1');
            if (m.storedRank !== null) {
                if (m.storedRank % blocks.length !== 0) {
                    issues.push(`down rows ${m.storedRank} not divisible by ${blocks.length} up blocks`);
                }
                else {
                    m.rank = m.storedRank / blocks.length;
                    for (const b of blocks) {
                        if (b.tensor.shape[1] !== m.rank) {
                            issues.push(`up block ${b.index} has rank ${b.tensor.shape[1]}, expected ${m.rank}`);
                        }
                    }
                }
            }
        }
        else {
            m.rank = m.storedRank;
            if (down && up && up.shape[1] !== down.shape[0]) {
                issues.push(`up/B rank ${up.shape[1]} differs from down/A rank ${down.shape[0]}`);
            }
        }
    }
    else if (m.algorithm === 'loha') {
        const b = find(m, 'hada_w1_b') ?? find(m, 'hada_w2_b');
        m.storedRank = b?.shape[0] ?? null;
        m.rank = m.storedRank;
    }
    else if (m.algorithm === 'lokr') {
        const a = find(m, 'lokr_w2_a') ?? find(m, 'lokr_w1_a');
        m.storedRank = a?.shape[1] ?? null;
        m.rank = m.storedRank;
    }
}
function alphaOf(m, opts) {
    const alphaScale = find(m, 'alpha-scale');
    const alpha = find(m, 'alpha');
    const scaledRank = m.storedRank;
    let source;
    if (m.algorithm !== 'lora' && m.algorithm !== 'loha' && m.algorithm !== 'lokr') {
        source = 'not-applicable';
    }
    else if (alphaScale) {
        m.hasAlpha = true;
        const v = opts.scalars?.get(alphaScale.name);
        if (v !== undefined) {
            m.scale = v;
            m.alpha = m.rank !== null ? v * m.rank : null;
            source = 'alpha-scale-tensor';
        }
        else
            source = 'alpha-unread';
    }
    else if (alpha) {
        m.hasAlpha = true;
        const v = opts.scalars?.get(alpha.name);
        const value = v ?? opts.metadataAlpha ?? null;
        if (value !== null && scaledRank) {
            m.alpha = value;
            m.scale = value / scaledRank;
            source = v !== undefined ? 'alpha-tensor' : 'metadata';
        }
        else
            source = 'alpha-unread';
    }
    else {
        source = 'default-no-alpha';
        if (m.naming === 'longcat')
            m.issues.push('no alpha_scale: LongCat strict load reports a missing key');
        else if (m.storedRank !== null) {
            m.alpha = m.storedRank;
            m.scale = 1;
        }
    }
    m.scaleSource = source;
}
/** Group tensors by stem into modules. */
function groupModules(tensors, opts = {}) {
    const byStem = new Map();
    const unmatched = [];
    for (const t of tensors) {
        const parsed = (0,keys/* parseSuffix */.nF)(t.name);
        if (!parsed) {
            unmatched.push(t);
            continue;
        }
        let list = byStem.get(parsed.stem);
        if (!list)
            byStem.set(parsed.stem, (list = []));
        list.push({ parsed, tensor: t });
    }
    // IA3 stores its vector as plain `<stem>.weight` next to `<stem>.on_input`.
    const unknownKeys = [];
    for (const t of unmatched) {
        const stem = t.name.endsWith('.weight') ? t.name.slice(0, -'.weight'.length) : null;
        const list = stem !== null ? byStem.get(stem) : undefined;
        if (stem !== null && list?.some((e) => e.parsed.role === 'ia3-on-input')) {
            list.push({ parsed: { stem, role: 'ia3-weight', marker: '.weight (IA3)' }, tensor: t });
        }
        else
            unknownKeys.push(t.name);
    }
    const modules = [];
    const evidence = new Map();
    for (const [stem, entries] of byStem) {
        const first = entries.find((e) => e.parsed.role === 'down' || e.parsed.role === 'up') ?? entries[0];
        const info = (0,keys/* parseStem */.r1)(stem, {
            legacy: entries.some((e) => e.parsed.legacy),
            adapterName: entries.find((e) => e.parsed.adapterName)?.parsed.adapterName ?? first.parsed.adapterName
        });
        const moduleTensors = entries.map((e) => {
            const mt = { role: e.parsed.role, tensor: e.tensor };
            if (e.parsed.index !== undefined)
                mt.index = e.parsed.index;
            return mt;
        });
        // lightx2v `blocks.N.diff_m` is the delta of the block's `modulation` parameter.
        let path = info.path;
        if (entries.every((e) => e.parsed.role === 'diff-modulation')) {
            path = info.pathForm === 'dotted' ? `${path}.modulation` : `${path}_modulation`;
        }
        const te = info.component === 'text-encoder';
        const m = {
            stem,
            naming: info.naming,
            algorithm: algorithmOf(moduleTensors),
            component: info.component,
            textEncoder: info.textEncoder,
            prefix: info.prefix,
            path,
            pathForm: info.pathForm,
            tensors: moduleTensors,
            storedRank: null,
            rank: null,
            splitCount: 1,
            hasAlpha: false,
            alpha: null,
            scale: null,
            scaleSource: 'not-applicable',
            params: 0,
            bytes: 0,
            layerKind: (0,lora_layers/* layerKind */.G0)(path, te),
            issues: []
        };
        const adapterName = entries.find((e) => e.parsed.adapterName)?.parsed.adapterName;
        if (adapterName)
            m.adapterName = adapterName;
        const block = (0,lora_layers/* blockOf */.VN)(path);
        if (block)
            m.block = block;
        let ev = evidence.get(info.naming);
        if (!ev)
            evidence.set(info.naming, (ev = { keys: 0, markers: new Set(), examples: [] }));
        if (info.prefix)
            ev.markers.add(`prefix ${info.prefix}`);
        for (const e of entries) {
            m.params += numel(e.tensor.shape);
            m.bytes += tensorBytes(e.tensor);
            ev.keys++;
            ev.markers.add(`suffix ${e.parsed.marker}`);
            if (ev.examples.length < 3)
                ev.examples.push(e.tensor.name);
        }
        rankOf(m);
        alphaOf(m, opts);
        modules.push(m);
    }
    return { modules, unknownKeys, evidence };
}

// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/lora/analyze.ts



const MAX_EXAMPLES = 3;
const MAX_METADATA_VALUE = 200;
function median(sorted) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
// Loops, not Math.min(...xs): a spread of 100k+ values overflows the call stack.
function minOf(xs) {
    let m = Infinity;
    for (const x of xs)
        if (x < m)
            m = x;
    return m;
}
function maxOf(xs) {
    let m = -Infinity;
    for (const x of xs)
        if (x > m)
            m = x;
    return m;
}
function bump(rec, key, by = 1) {
    rec[key] = (rec[key] ?? 0) + by;
}
function conventionsOf(evidence, modules) {
    const byName = new Map();
    const add = (name, key, markers) => {
        let e = byName.get(name);
        if (!e)
            byName.set(name, (e = { keys: 0, markers: new Set(), examples: [] }));
        e.keys++;
        for (const m of markers)
            if (m)
                e.markers.add(m);
        if (e.examples.length < MAX_EXAMPLES)
            e.examples.push(key);
    };
    for (const [naming, e] of evidence)
        byName.set(naming, { keys: e.keys, markers: new Set(e.markers), examples: [...e.examples] });
    for (const m of modules) {
        for (const t of m.tensors) {
            if (m.algorithm !== 'lora' && m.algorithm !== 'unknown' && m.naming !== 'lycoris') {
                add('lycoris', t.tensor.name, [`${m.algorithm} module`]);
            }
            if (m.algorithm === 'lora' && (t.role === 'diff' || t.role === 'diff-bias')) {
                add('lycoris', t.tensor.name, [`full delta ${t.role === 'diff' ? '.diff' : '.diff_b'} beside a LoRA`]);
            }
            if (t.role === 'dora-scale')
                add('dora', t.tensor.name, ['suffix .dora_scale (LyCORIS DoRA)']);
            if (t.role === 'magnitude')
                add('dora', t.tensor.name, ['suffix .lora_magnitude_vector (PEFT DoRA)']);
        }
    }
    return [...byName.entries()]
        .map(([convention, e]) => ({
        convention,
        keyCount: e.keys,
        markers: [...e.markers].sort(),
        examples: e.examples
    }))
        .sort((a, b) => b.keyCount - a.keyCount || (0,order/* byCodeUnit */.X)(a.convention, b.convention));
}
function rankNotes(modules, modalRank) {
    const notes = new Map();
    for (const m of modules) {
        if (m.storedRank === null)
            continue;
        if (m.splitCount > 1 && m.rank !== null) {
            const note = `stored rank ${m.storedRank} = ${m.splitCount} x trained rank ${m.rank} (LongCat lora_up.blocks split into ${m.splitCount})`;
            notes.set(note, (notes.get(note) ?? 0) + 1);
        }
        else if (modalRank &&
            m.storedRank !== modalRank &&
            m.storedRank % modalRank === 0 &&
            /qkv|kv|fused/.test(m.layerKind) &&
            m.storedRank / modalRank <= 4) {
            const k = m.storedRank / modalRank;
            const note = `stored rank ${m.storedRank} = ${k} x ${modalRank} on a fused target: likely a split_qkv merge; loaders that take rank from the down shape scale by alpha/${m.storedRank}`;
            notes.set(note, (notes.get(note) ?? 0) + 1);
        }
    }
    return [...notes.entries()].map(([note, n]) => `${n} module${n === 1 ? '' : 's'}: ${note}`);
}
function loraStatistics(ckpt, modules, primary) {
    // Null-prototype records: keys come from files (dtypes), and a key such as `__proto__` must stay a plain key.
    const dtypes = Object.create(null);
    let params = 0;
    let bytes = 0;
    for (const t of ckpt.tensors) {
        bump(dtypes, t.dtype);
        params += numel(t.shape);
        bytes += tensorBytes(t);
    }
    const algorithms = Object.create(null);
    const layerKinds = Object.create(null);
    const blocks = Object.create(null);
    const alphaValues = Object.create(null);
    const scaleValues = Object.create(null);
    let unread = 0;
    let missing = 0;
    const ranks = [];
    const scales = [];
    let te = 0;
    for (const m of modules) {
        bump(algorithms, m.algorithm);
        bump(layerKinds, m.layerKind);
        if (m.block)
            (blocks[m.block.series] ??= new Set()).add(m.block.index);
        if (m.component === 'text-encoder')
            te++;
        if (m.rank !== null)
            ranks.push(m.rank);
        if (m.scaleSource === 'alpha-unread')
            unread++;
        if (m.scaleSource === 'default-no-alpha')
            missing++;
        if (m.alpha !== null && m.hasAlpha)
            bump(alphaValues, String(m.alpha));
        if (m.scale !== null) {
            scales.push(m.scale);
            bump(scaleValues, String(Number(m.scale.toPrecision(6))));
        }
    }
    ranks.sort((a, b) => a - b);
    const histogram = new Map();
    for (const r of ranks)
        histogram.set(r, (histogram.get(r) ?? 0) + 1);
    const modal = (0,lora_layers/* mode */.Mq)(modules.filter((m) => m.splitCount === 1 && m.storedRank !== null).map((m) => m.storedRank));
    return {
        modules: modules.length,
        tensors: ckpt.tensors.length,
        params,
        bytes,
        dtypes,
        algorithms,
        rank: ranks.length === 0
            ? null
            : {
                min: ranks[0],
                median: median(ranks),
                max: ranks[ranks.length - 1],
                histogram: [...histogram.entries()].map(([rank, n]) => ({ rank, modules: n }))
            },
        rankNotes: rankNotes(modules, modal),
        alpha: { values: alphaValues, unread, missing, defaultRule: defaultAlphaRule(primary) },
        scale: scales.length === 0 ? null : { min: minOf(scales), max: maxOf(scales), values: scaleValues },
        layerKinds,
        blocks: Object.fromEntries(Object.entries(blocks).map(([series, set]) => [series, [...set].sort((a, b) => a - b)])),
        components: { denoiser: modules.length - te, textEncoder: te }
    };
}
const SUMMARY_KEYS = [
    ['ss_base_model_version', 'base model'],
    ['modelspec.architecture', 'architecture'],
    ['ss_sd_model_name', 'trained on'],
    ['ss_network_module', 'network module'],
    ['ss_network_dim', 'network dim'],
    ['ss_network_alpha', 'network alpha'],
    ['ss_network_args', 'network args'],
    ['modelspec.title', 'title'],
    ['modelspec.implementation', 'implementation'],
    ['ss_num_epochs', 'epochs'],
    ['ss_max_train_steps', 'max steps'],
    ['ss_learning_rate', 'learning rate'],
    ['ss_training_comment', 'comment']
];
function clip(value) {
    const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return s.length > MAX_METADATA_VALUE ? `${s.slice(0, MAX_METADATA_VALUE)}... (${s.length} chars)` : s;
}
function trainingMetadata(metadata) {
    const kohya = {};
    const modelspec = {};
    for (const [k, v] of Object.entries(metadata)) {
        if (k.startsWith('ss_'))
            kohya[k] = clip(v);
        else if (k.startsWith('modelspec.'))
            modelspec[k] = clip(v);
    }
    const summary = {};
    for (const [key, label] of SUMMARY_KEYS) {
        const v = kohya[key] ?? modelspec[key];
        if (v !== undefined && v !== '' && v !== 'None')
            summary[label] = v;
    }
    return { kohya, modelspec, summary };
}
function metadataAlpha(metadata) {
    const raw = metadata['ss_network_alpha'];
    const v = typeof raw === 'string' ? Number(raw) : typeof raw === 'number' ? raw : NaN;
    return Number.isFinite(v) && v > 0 ? v : null;
}
/** Explain a LoRA file: conventions, modules, statistics, metadata. */
function analyzeLora(ckpt, opts = {}) {
    const moduleOpts = { metadataAlpha: metadataAlpha(ckpt.metadata) };
    if (opts.scalars)
        moduleOpts.scalars = opts.scalars;
    const grouped = groupModules(ckpt.tensors, moduleOpts);
    const modules = grouped.modules;
    const namingCounts = new Map();
    for (const m of modules)
        namingCounts.set(m.naming, (namingCounts.get(m.naming) ?? 0) + 1);
    let primary = null;
    for (const [n, c] of namingCounts)
        if (primary === null || c > namingCounts.get(primary))
            primary = n;
    const denoiser = modules.filter((m) => m.component === 'denoiser');
    const widths = [];
    for (const m of denoiser) {
        const down = m.tensors.find((t) => t.role === 'down' || t.role === 'hada_w1_b')?.tensor;
        if (down && down.shape.length === 2)
            widths.push(down.shape[1]);
    }
    const warnings = [];
    if (grouped.unknownKeys.length > 0) {
        warnings.push(`${grouped.unknownKeys.length} key(s) match no known adapter suffix, e.g. ${grouped.unknownKeys[0]}`);
    }
    if (modules.length === 0)
        warnings.push('no LoRA modules found: this does not look like a LoRA file');
    const withIssues = modules.filter((m) => m.issues.length > 0);
    if (withIssues.length > 0) {
        warnings.push(`${withIssues.length} module(s) are inconsistent, e.g. ${withIssues[0].stem}: ${withIssues[0].issues[0]}`);
    }
    return {
        path: ckpt.path,
        format: ckpt.format,
        conventions: conventionsOf(grouped.evidence, modules),
        primary,
        mixed: namingCounts.size > 1,
        family: (0,lora_layers/* guessFamily */.oU)(denoiser.map((m) => m.path)),
        width: (0,lora_layers/* mode */.Mq)(widths),
        statistics: loraStatistics(ckpt, modules, primary),
        metadata: trainingMetadata(ckpt.metadata),
        modules,
        unknownKeys: grouped.unknownKeys,
        warnings
    };
}


/***/ }),

/***/ 7122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ buildBaseIndex)
/* harmony export */ });
/* harmony import */ var _aliases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5044);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4264);


const BASE_PREFIXES = [
    { prefix: 'model.diffusion_model.', kind: 'denoiser', textEncoder: 0 },
    { prefix: 'diffusion_model.', kind: 'denoiser', textEncoder: 0 },
    { prefix: 'conditioner.embedders.0.transformer.', kind: 'text-encoder', textEncoder: 1 },
    { prefix: 'conditioner.embedders.1.model.', kind: 'text-encoder', textEncoder: 2 },
    { prefix: 'cond_stage_model.transformer.', kind: 'text-encoder', textEncoder: 1 },
    { prefix: 'cond_stage_model.model.', kind: 'text-encoder', textEncoder: 1 },
    { prefix: 'text_encoders.', kind: 'text-encoder', textEncoder: 1 },
    { prefix: 'first_stage_model.', kind: 'skip', textEncoder: 0 },
    { prefix: 'model_ema.', kind: 'skip', textEncoder: 0 }
];
function componentRule(name) {
    const te = /^text_encoder(?:_(\d+))?$/.exec(name);
    if (te)
        return { prefix: `${name}.`, kind: 'text-encoder', textEncoder: te[1] ? Number(te[1]) : 1 };
    if (/^(?:transformer(?:_\d+)?|unet|prior|dit)$/.test(name))
        return { prefix: `${name}.`, kind: 'denoiser', textEncoder: 0 };
    return { prefix: `${name}.`, kind: 'skip', textEncoder: 0 };
}
function newSpace(kind, textEncoder, prefix) {
    return {
        kind,
        textEncoder,
        prefix,
        dotted: new Map(),
        underscore: new Map(),
        aliases: [],
        blockMax: new Map(),
        entries: []
    };
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const BLOCK_SERIES = /(?:^|\.)((?:double_|single_|single_transformer_|transformer_|vace_|input_|output_|down_|up_)?blocks|layers|resblocks)\.(\d{1,6})(?:\.|$)/;
function addEntry(space, key, rest, shape, biases) {
    if (rest.endsWith('.bias')) {
        // Attached to its weight in `finish`, whichever comes first in the file.
        biases.push({ path: rest.slice(0, -'.bias'.length), key, shape });
        return;
    }
    const isWeight = rest.endsWith('.weight');
    const path = isWeight ? rest.slice(0, -'.weight'.length) : rest;
    if (space.dotted.has(path))
        return;
    const entry = { key, path, shape, isParam: !isWeight };
    space.dotted.set(path, entry);
    space.entries.push(entry);
    const b = BLOCK_SERIES.exec(path);
    if (b)
        space.blockMax.set(b[1], Math.max(space.blockMax.get(b[1]) ?? -1, Number(b[2])));
}
function finish(space, biases, families) {
    for (const b of biases) {
        const entry = space.dotted.get(b.path);
        if (entry && !entry.isParam)
            entry.bias = { key: b.key, shape: b.shape };
    }
    for (const entry of space.entries)
        push(space.underscore, entry.path.replace(/\./g, '_'), entry);
    for (const family of families) {
        const index = { label: family.label, dotted: new Map(), underscore: new Map() };
        for (const entry of space.entries) {
            for (const alias of family.aliases(entry.path, entry.shape)) {
                if (space.dotted.has(alias.path))
                    continue; // the base's own name wins
                const target = alias.slice ? { entry, slice: alias.slice } : { entry };
                push(index.dotted, alias.path, target);
                push(index.underscore, alias.path.replace(/\./g, '_'), target);
            }
        }
        if (index.dotted.size > 0)
            space.aliases.push(index);
    }
}
/** Index a base checkpoint's keys by component. */
function buildBaseIndex(base, families = _aliases_js__WEBPACK_IMPORTED_MODULE_0__/* .ALIAS_FAMILIES */ .E) {
    const denoiser = newSpace('denoiser', 0, '');
    const textEncoders = new Map();
    const biases = new Map([[denoiser, []]]);
    const rules = [...BASE_PREFIXES];
    if (base.format === 'diffusers' && base.components) {
        for (const c of base.components)
            rules.push(componentRule(c.name));
    }
    rules.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const t of base.tensors) {
        const rule = rules.find((r) => t.name.startsWith(r.prefix));
        if (rule?.kind === 'skip')
            continue;
        const rest = rule ? t.name.slice(rule.prefix.length) : t.name;
        if (rule?.kind === 'text-encoder') {
            let space = textEncoders.get(rule.textEncoder);
            if (!space) {
                textEncoders.set(rule.textEncoder, (space = newSpace('text-encoder', rule.textEncoder, rule.prefix)));
                biases.set(space, []);
            }
            addEntry(space, t.name, rest, t.shape, biases.get(space));
        }
        else {
            if (rule && denoiser.entries.length === 0)
                denoiser.prefix = rule.prefix;
            addEntry(denoiser, t.name, rest, t.shape, biases.get(denoiser));
        }
    }
    const family = (0,_layers_js__WEBPACK_IMPORTED_MODULE_1__/* .guessFamily */ .oU)(denoiser.entries.map((e) => e.path));
    finish(denoiser, biases.get(denoiser), families.filter((f) => family !== null && f.bases.includes(family)));
    for (const space of textEncoders.values())
        finish(space, biases.get(space), []);
    const widths = [];
    for (const e of denoiser.entries)
        if (!e.isParam && e.shape.length === 2)
            widths.push(e.shape[1]);
    return {
        path: base.path,
        checkpoint: base,
        denoiser,
        textEncoders,
        family,
        width: (0,_layers_js__WEBPACK_IMPORTED_MODULE_1__/* .mode */ .Mq)(widths),
        hasImageBranch: denoiser.entries.some((e) => /(?:^|\.)(?:k_img|v_img|img_emb|attn2\.add_k_proj|image_embedder)(?:\.|$)/.test(e.path))
    };
}


/***/ }),

/***/ 9855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ compareLoras)
/* harmony export */ });
/* unused harmony export canonicalTarget */
/* harmony import */ var _aliases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5044);
/**
 * LoRA vs LoRA: conventions, target modules in common and apart, rank/alpha differences, coverage (layer kinds and
 * blocks) and base family. Targets are compared by a canonical name: prefix and adapter infix dropped, dots and
 * underscores unified, and Wan diffusers names mapped to the original ones, so a kohya file and a ComfyUI file of
 * the same training compare equal.
 */

// The table generated from diffusers-named bases: it maps a diffusers path to the original one.
const wanDiffusersToOriginal = _aliases_js__WEBPACK_IMPORTED_MODULE_0__/* .ALIAS_FAMILIES */ .E.find((f) => f.bases.includes('wan-diffusers'));
/** The canonical target name of a module, comparable across conventions. */
function canonicalTarget(m, family) {
    let path = m.path;
    if (family === 'wan-diffusers' && m.pathForm === 'dotted') {
        path = wanDiffusersToOriginal.aliases(path, [])[0]?.path ?? path;
    }
    const part = m.component === 'text-encoder' ? `te${m.textEncoder}:` : '';
    return part + path.replace(/\./g, '_');
}
const MAX_LISTED = 200;
function byTarget(a) {
    const map = new Map();
    for (const m of a.modules)
        map.set(canonicalTarget(m, a.family), m);
    return map;
}
function conventionNames(a) {
    return a.conventions.map((c) => c.convention).sort();
}
function blocksOnly(x, y) {
    const out = {};
    for (const [series, list] of Object.entries(x)) {
        const other = new Set(y[series] ?? []);
        const only = list.filter((i) => !other.has(i));
        if (only.length > 0)
            out[series] = only;
    }
    return out;
}
/** Compare two analysed LoRAs. */
function compareLoras(a, b) {
    const ta = byTarget(a);
    const tb = byTarget(b);
    const onlyA = [];
    const onlyB = [];
    const rankDiff = [];
    const alphaDiff = [];
    let common = 0;
    let alphaCompared = 0;
    let unreadA = 0;
    let unreadB = 0;
    for (const [key, ma] of ta) {
        const mb = tb.get(key);
        if (!mb) {
            onlyA.push(key);
            continue;
        }
        common++;
        if (ma.rank !== null && mb.rank !== null && ma.rank !== mb.rank)
            rankDiff.push({ path: key, a: ma.rank, b: mb.rank });
        if (ma.scaleSource === 'alpha-unread')
            unreadA++;
        if (mb.scaleSource === 'alpha-unread')
            unreadB++;
        if (ma.alpha !== null && mb.alpha !== null) {
            alphaCompared++;
            if (ma.alpha !== mb.alpha)
                alphaDiff.push({ path: key, a: ma.alpha, b: mb.alpha });
        }
    }
    for (const key of tb.keys())
        if (!ta.has(key))
            onlyB.push(key);
    const kinds = new Set([...Object.keys(a.statistics.layerKinds), ...Object.keys(b.statistics.layerKinds)]);
    const counts = {};
    for (const k of [...kinds].sort())
        counts[k] = [a.statistics.layerKinds[k] ?? 0, b.statistics.layerKinds[k] ?? 0];
    const ca = conventionNames(a);
    const cb = conventionNames(b);
    const norm = (f) => f?.replace(/-diffusers$/, '') ?? null;
    return {
        a: a.path,
        b: b.path,
        conventions: { a: ca, b: cb, same: ca.join() === cb.join() },
        family: { a: a.family, b: b.family, same: norm(a.family) === norm(b.family) && a.family !== null },
        width: { a: a.width, b: b.width },
        targets: {
            common,
            onlyACount: onlyA.length,
            onlyBCount: onlyB.length,
            onlyA: onlyA.sort().slice(0, MAX_LISTED),
            onlyB: onlyB.sort().slice(0, MAX_LISTED)
        },
        rank: {
            a: a.statistics.rank,
            b: b.statistics.rank,
            differing: rankDiff.slice(0, MAX_LISTED),
            differingCount: rankDiff.length
        },
        alpha: {
            compared: alphaCompared,
            differing: alphaDiff.slice(0, MAX_LISTED),
            differingCount: alphaDiff.length,
            unread: { a: unreadA, b: unreadB }
        },
        layerKinds: {
            onlyA: [...kinds].filter((k) => !b.statistics.layerKinds[k]).sort(),
            onlyB: [...kinds].filter((k) => !a.statistics.layerKinds[k]).sort(),
            counts
        },
        blocks: {
            onlyA: blocksOnly(a.statistics.blocks, b.statistics.blocks),
            onlyB: blocksOnly(b.statistics.blocks, a.statistics.blocks)
        }
    };
}


/***/ }),

/***/ 6414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nF: () => (/* binding */ parseSuffix),
/* harmony export */   r1: () => (/* binding */ parseStem),
/* harmony export */   tp: () => (/* binding */ algorithmOfRole)
/* harmony export */ });
/* unused harmony exports LONGCAT_PREFIX, LONGCAT_HYPHEN */
// Ordered: the most specific first. `(?:\.(\w+))?` is the optional PEFT adapter infix.
const SUFFIX_RULES = [
    {
        re: /\.lora_up\.blocks\.(\d{1,4})\.weight$/,
        needs: '.lora_up.blocks.',
        role: 'up-block',
        marker: '.lora_up.blocks.j.weight',
        indexed: true
    },
    { suffix: '.lora_down.weight', role: 'down', marker: '.lora_down.weight' },
    { suffix: '.lora_up.weight', role: 'up', marker: '.lora_up.weight' },
    { suffix: '.lora_mid.weight', role: 'mid', marker: '.lora_mid.weight' },
    { re: /\.lora_A(?:\.(\w+))?\.weight$/, needs: '.lora_A', role: 'down', marker: '.lora_A.weight' },
    { re: /\.lora_B(?:\.(\w+))?\.weight$/, needs: '.lora_B', role: 'up', marker: '.lora_B.weight' },
    { re: /\.lora_B(?:\.(\w+))?\.bias$/, needs: '.lora_B', role: 'up-bias', marker: '.lora_B.bias' },
    { suffix: '.lora_A', role: 'down', marker: '.lora_A' },
    { suffix: '.lora_B', role: 'up', marker: '.lora_B' },
    {
        re: /\.lora_magnitude_vector(?:\.(\w+))?(?:\.weight)?$/,
        needs: '.lora_magnitude_vector',
        role: 'magnitude',
        marker: '.lora_magnitude_vector'
    },
    { suffix: '_lora.down.weight', role: 'down', marker: '_lora.down.weight', legacy: true },
    { suffix: '_lora.up.weight', role: 'up', marker: '_lora.up.weight', legacy: true },
    { suffix: '.lora.down.weight', role: 'down', marker: '.lora.down.weight', legacy: true },
    { suffix: '.lora.up.weight', role: 'up', marker: '.lora.up.weight', legacy: true },
    {
        re: /\.lora_linear_layer\.down\.weight$/,
        needs: '.lora_linear_layer.down.weight',
        role: 'down',
        marker: '.lora_linear_layer.down.weight',
        legacy: true
    },
    {
        re: /\.lora_linear_layer\.up\.weight$/,
        needs: '.lora_linear_layer.up.weight',
        role: 'up',
        marker: '.lora_linear_layer.up.weight',
        legacy: true
    },
    { suffix: '.alpha_scale', role: 'alpha-scale', marker: '.alpha_scale' },
    { suffix: '.alpha', role: 'alpha', marker: '.alpha' },
    { suffix: '.dora_scale', role: 'dora-scale', marker: '.dora_scale' },
    { suffix: '.hada_w1_a', role: 'hada_w1_a', marker: '.hada_w1_a' },
    { suffix: '.hada_w1_b', role: 'hada_w1_b', marker: '.hada_w1_b' },
    { suffix: '.hada_w2_a', role: 'hada_w2_a', marker: '.hada_w2_a' },
    { suffix: '.hada_w2_b', role: 'hada_w2_b', marker: '.hada_w2_b' },
    { suffix: '.hada_t1', role: 'hada_t1', marker: '.hada_t1' },
    { suffix: '.hada_t2', role: 'hada_t2', marker: '.hada_t2' },
    { suffix: '.lokr_w1', role: 'lokr_w1', marker: '.lokr_w1' },
    { suffix: '.lokr_w1_a', role: 'lokr_w1_a', marker: '.lokr_w1_a' },
    { suffix: '.lokr_w1_b', role: 'lokr_w1_b', marker: '.lokr_w1_b' },
    { suffix: '.lokr_w2', role: 'lokr_w2', marker: '.lokr_w2' },
    { suffix: '.lokr_w2_a', role: 'lokr_w2_a', marker: '.lokr_w2_a' },
    { suffix: '.lokr_w2_b', role: 'lokr_w2_b', marker: '.lokr_w2_b' },
    { suffix: '.lokr_t1', role: 'lokr_t1', marker: '.lokr_t1' },
    { suffix: '.lokr_t2', role: 'lokr_t2', marker: '.lokr_t2' },
    { suffix: '.on_input', role: 'ia3-on-input', marker: '.on_input' },
    { suffix: '.diff_b', role: 'diff-bias', marker: '.diff_b' },
    { suffix: '.diff_m', role: 'diff-modulation', marker: '.diff_m' },
    { suffix: '.diff', role: 'diff', marker: '.diff' },
    { re: /\.(?:a1|a2|b1|b2|bm)\.weight$/, needs: '.weight', role: 'glora', marker: '.a1/.a2/.b1/.b2.weight' },
    { suffix: '.oft_blocks', role: 'oft', marker: '.oft_blocks' },
    { suffix: '.w_norm', role: 'norm-weight', marker: '.w_norm' },
    { suffix: '.b_norm', role: 'norm-bias', marker: '.b_norm' },
    { suffix: '.set_weight', role: 'set-weight', marker: '.set_weight' }
];
// The suffixes nearly every key of nearly every file uses, checked with endsWith before any regex.
// (An indexed loop over plain objects: this runs once per key, in code too short-lived for the JIT to optimise
// a destructuring for-of.)
const FAST_SUFFIXES = [
    { suffix: '.lora_down.weight', role: 'down' },
    { suffix: '.lora_up.weight', role: 'up' },
    { suffix: '.alpha', role: 'alpha' },
    { suffix: '.lora_A.weight', role: 'down' },
    { suffix: '.lora_B.weight', role: 'up' }
];
/** The adapter suffix of a key, or null when it is not an adapter tensor we know. */
function parseSuffix(key) {
    for (let i = 0; i < FAST_SUFFIXES.length; i++) {
        const { suffix, role } = FAST_SUFFIXES[i];
        if (key.length > suffix.length && key.endsWith(suffix)) {
            return { stem: key.slice(0, key.length - suffix.length), role, marker: suffix };
        }
    }
    for (const rule of SUFFIX_RULES) {
        if (rule.suffix !== undefined) {
            if (!key.endsWith(rule.suffix))
                continue;
            const stem = key.slice(0, key.length - rule.suffix.length);
            if (stem.length === 0)
                return null;
            const out = { stem, role: rule.role, marker: rule.marker };
            if (rule.legacy)
                out.legacy = true;
            return out;
        }
        if (!key.includes(rule.needs))
            continue;
        const m = rule.re.exec(key);
        if (!m)
            continue;
        const stem = key.slice(0, m.index);
        if (stem.length === 0)
            return null;
        const out = { stem, role: rule.role, marker: rule.marker };
        if (rule.indexed)
            out.index = Number(m[1]);
        else if (m[1] !== undefined)
            out.adapterName = m[1];
        if (rule.legacy)
            out.legacy = true;
        return out;
    }
    return null;
}
const LONGCAT_PREFIX = 'lora___lorahyphen___';
const LONGCAT_HYPHEN = '___lorahyphen___';
// Ordered: longer prefixes before their own prefixes (`lora_unet__` before `lora_unet_`).
const PREFIX_RULES = [
    { prefix: 'lora_unet__', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_transformer_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_prior_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_te1_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'lora_te2_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 2 },
    { prefix: 'lora_te3_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 3 },
    { prefix: 'lora_te_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'lycoris_', naming: 'lycoris', form: 'underscore', component: 'denoiser' },
    { prefix: 'base_model.model.', naming: 'peft', form: 'dotted', component: 'denoiser' },
    // ai-toolkit Wan2.2 A14B combined files: one expert per prefix (transformer_1 high noise, transformer_2 low noise).
    { prefix: 'diffusion_model.transformer_1.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'diffusion_model.transformer_2.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'model.diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'transformer_2.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'transformer.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'unet.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'text_encoder.', naming: 'diffusers', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
    {
        prefix: 'text_encoder_2.',
        naming: 'diffusers',
        form: 'dotted',
        component: 'text-encoder',
        textEncoder: 2
    },
    {
        prefix: 'text_encoder_3.',
        naming: 'diffusers',
        form: 'dotted',
        component: 'text-encoder',
        textEncoder: 3
    },
    { prefix: 'text_encoders.', naming: 'comfyui', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'pipe.dit.', naming: 'bare', form: 'dotted', component: 'denoiser' }
];
/** Legacy attention-processor names point at the attention's own projections. */
function legacyPath(path) {
    return path
        .replace(/\.processor\.to_out$/, '.to_out.0')
        .replace(/\.processor\.(to_[qkv])$/, '.$1')
        .replace(/\.processor$/, '');
}
/** The naming convention, component and module path of a stem. */
function parseStem(stem, suffix) {
    if (stem.startsWith(LONGCAT_PREFIX)) {
        const path = stem.slice(LONGCAT_PREFIX.length).split(LONGCAT_HYPHEN).join('.');
        return {
            naming: 'longcat',
            component: 'denoiser',
            textEncoder: 0,
            prefix: LONGCAT_PREFIX,
            path,
            pathForm: 'dotted'
        };
    }
    for (const rule of PREFIX_RULES) {
        if (!stem.startsWith(rule.prefix) || stem.length === rule.prefix.length)
            continue;
        let path = stem.slice(rule.prefix.length);
        let naming = rule.naming;
        if (suffix.legacy) {
            naming = 'diffusers-legacy';
            path = legacyPath(path);
        }
        return {
            naming,
            component: rule.component,
            textEncoder: rule.textEncoder ?? 0,
            prefix: rule.prefix,
            path,
            pathForm: rule.form
        };
    }
    // No known prefix: dotted module names. A PEFT adapter infix (DiffSynth-Studio saves `.lora_A.default.weight`)
    // makes it PEFT; legacy suffixes make it old diffusers.
    const naming = suffix.legacy ? 'diffusers-legacy' : suffix.adapterName ? 'peft' : 'bare';
    return {
        naming,
        component: 'denoiser',
        textEncoder: 0,
        prefix: '',
        path: suffix.legacy ? legacyPath(stem) : stem,
        pathForm: 'dotted'
    };
}
/** Roles that belong to LyCORIS algorithms other than plain LoRA. */
function algorithmOfRole(role) {
    if (role.startsWith('hada_'))
        return 'loha';
    if (role.startsWith('lokr_'))
        return 'lokr';
    if (role === 'ia3-weight' || role === 'ia3-on-input')
        return 'ia3';
    if (role === 'diff' || role === 'diff-bias' || role === 'diff-modulation' || role === 'set-weight')
        return 'full';
    if (role === 'glora')
        return 'glora';
    if (role === 'oft')
        return 'oft';
    if (role === 'norm-weight' || role === 'norm-bias')
        return 'norm';
    return null;
}


/***/ }),

/***/ 4264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ familyLabel),
/* harmony export */   G0: () => (/* binding */ layerKind),
/* harmony export */   Mq: () => (/* binding */ mode),
/* harmony export */   Qw: () => (/* binding */ sizeLabel),
/* harmony export */   VN: () => (/* binding */ blockOf),
/* harmony export */   gK: () => (/* binding */ familyDisplayName),
/* harmony export */   oU: () => (/* binding */ guessFamily)
/* harmony export */ });
/* unused harmony exports boundaryForm, layerKindOf, familyOfPath */
/**
 * What a module path names: its layer kind (self-attention q, cross-attention kv, FFN, modulation, ...), its block,
 * and the architecture a set of paths points at. Works on dotted and kohya underscore paths alike by matching on
 * the underscored form with `_` boundaries, so `self_attn` and `blocks_3` read the same in both.
 */
/** `blocks.3.self_attn.q` -> `_blocks_3_self_attn_q_`: one form for dotted and underscore paths. */
function boundaryForm(path) {
    return '_' + path.replace(/\./g, '_') + '_';
}
const PROJECTIONS = [
    [/_(?:k_img|add_k_proj)_$/, 'k_img'],
    [/_(?:v_img|add_v_proj)_$/, 'v_img'],
    [/_(?:qkv|to_qkv|query_key_value|in_proj|qkv_proj)_$/, 'qkv'],
    [/_(?:kv_linear|to_kv|kv)_$/, 'kv'],
    [/_(?:to_q|q_proj|q_linear|wq|q|query|add_q_proj)_$/, 'q'],
    [/_(?:to_k|k_proj|wk|k|key)_$/, 'k'],
    [/_(?:to_v|v_proj|wv|v|value)_$/, 'v'],
    [/_(?:to_out_0|to_out|out_proj|proj|o|wo|to_add_out)_$/, 'o'],
    [/_norm\w*_$/, 'norm']
];
function projection(u) {
    for (const [re, name] of PROJECTIONS)
        if (re.test(u))
            return name;
    return null;
}
const KIND_RULES = [
    { re: /_(?:cross_attn|attn2|audio_cross_attn)_/, kind: 'cross-attn', withProjection: true },
    { re: /_single_blocks_\d+_linear1_$/, kind: 'fused qkv+mlp' },
    { re: /_single_blocks_\d+_linear2_$/, kind: 'attn-out+mlp' },
    {
        re: /_(?:self_attn|attn1|attn|img_attn|txt_attn|self_attention|attention)_/,
        kind: 'self-attn',
        withProjection: true
    },
    { re: /_(?:img_attn|txt_attn)_(?:qkv|proj)_$/, kind: 'self-attn', withProjection: true },
    { re: /_(?:ffn|ff|mlp|img_mlp|txt_mlp|ff_context|feed_forward|proj_mlp)_/, kind: 'ffn' },
    { re: /_proj_mlp_$/, kind: 'ffn' },
    {
        re: /_(?:modulation|adaLN_modulation|img_mod|txt_mod|norm1_linear|norm1_context_linear|norm_linear|scale_shift_table|norm_out_linear|time_projection|time_proj|adaln\w*|diff_m)_/,
        kind: 'modulation'
    },
    { re: /_(?:img_emb|image_embedder)_/, kind: 'embedding (image)' },
    {
        re: /^_(?:patch_embedding|x_embedder|img_in|txt_in|text_embedding|time_embedding|t_embedder|y_embedder|time_in|vector_in|guidance_in|condition_embedder|time_embed|label_emb|context_embedder|patchify_proj|caption_projection|conv_in|input_blocks_0_0|embeddings|token_embedding|position_embedding)_/,
        kind: 'embedding'
    },
    { re: /_\d+_proj_(?:in|out)_$/, kind: 'transformer proj' },
    { re: /^_(?:head|final_layer|proj_out|norm_out|out_2|conv_out)_/, kind: 'output' },
    {
        re: /_(?:in_layers|out_layers|emb_layers|skip_connection|resnets|conv1|conv2|conv_shortcut|time_emb_proj|op|downsamplers|upsamplers|conv)_/,
        kind: 'resnet/conv'
    },
    { re: /_norm\w*_/, kind: 'norm' }
];
/**
 * Block indices (other than 0) of the usual containers, in the underscored form. The rules above read such an index
 * only through `\d+`, or as a literal 0 (`input_blocks_0_0`); no rule has a literal 9. So writing every nonzero
 * index as 9 leaves every rule's answer, hence the label, unchanged, and the 40 blocks of a model share one cache
 * entry (tested against the uncached rules).
 */
const BLOCK_INDEX = /_(blocks|double_blocks|single_blocks|transformer_blocks|single_transformer_blocks|layers|vace_blocks|resblocks)_[1-9]\d*(?=_)/g;
const KIND_CACHE_LIMIT = 50000;
const kindCache = new Map();
/** Layer kind label of a module path, e.g. `self-attn q`, `cross-attn k_img`, `ffn`, `modulation`. */
function layerKind(path, textEncoder = false) {
    const key = boundaryForm(path).replace(BLOCK_INDEX, '_$1_9');
    let label = kindCache.get(key);
    if (label === undefined) {
        label = layerKindOf(key);
        if (kindCache.size >= KIND_CACHE_LIMIT)
            kindCache.clear();
        kindCache.set(key, label);
    }
    return textEncoder ? `text-encoder ${label}` : label;
}
/** The label of an underscored path (`_blocks_3_self_attn_q_`), without the cache; exported for its test. */
function layerKindOf(u) {
    let label = 'other';
    for (const rule of KIND_RULES) {
        if (!rule.re.test(u))
            continue;
        label = rule.kind;
        if (rule.withProjection) {
            const p = projection(u);
            if (p)
                label += ` ${p}`;
        }
        break;
    }
    return label;
}
const BLOCK_RE = /_(double_blocks|single_transformer_blocks|single_blocks|transformer_blocks|vace_blocks|blocks|input_blocks|output_blocks|middle_block|down_blocks|up_blocks|layers|resblocks)_(\d{1,6})_/;
/** The block a path sits in (first, outermost block series), e.g. `{series:'blocks', index:3}`. */
function blockOf(path) {
    const m = BLOCK_RE.exec(boundaryForm(path));
    if (!m)
        return undefined;
    return { series: m[1], index: Number(m[2]) };
}
// Tested against the underscored form; dotted-only tells (HunyuanVideo `img_attn_qkv` vs Flux `img_attn.qkv`) use
// the raw dotted path.
const FAMILY_RULES = [
    {
        family: 'longcat',
        re: /^_blocks_\d+_(?:attn_qkv|cross_attn_kv_linear|cross_attn_q_linear|ffn_w[123]|adaLN_modulation_1)_/
    },
    { family: 'wan', re: /^_(?:vace_)?blocks_\d+_(?:self_attn|cross_attn|ffn_[02]|modulation|norm3)_/ },
    {
        family: 'wan',
        re: /^_(?:patch_embedding|text_embedding_[02]|time_embedding_[02]|time_projection_1|head_head|img_emb)_/
    },
    { family: 'wan-diffusers', re: /^_blocks_\d+_(?:attn[12]|ffn_net_[02]|scale_shift_table)_/ },
    { family: 'wan-diffusers', re: /^_condition_embedder_/ },
    {
        family: 'flux',
        re: /^_(?:double_blocks_\d+_(?:img|txt)_(?:attn|mlp|mod)|single_blocks_\d+_(?:linear[12]|modulation))_/
    },
    {
        family: 'flux-diffusers',
        re: /^_(?:single_transformer_blocks|transformer_blocks_\d+_(?:attn_(?:to_|add_)|ff_context|norm1_context))_/
    },
    { family: 'sdxl', re: /^_(?:input_blocks|output_blocks|middle_block)_\d+_/ },
    {
        family: 'sd-diffusers-unet',
        re: /^_(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets)_/
    },
    { family: 'clip-text', re: /^_text_model_encoder_layers_\d+_/ }
];
/** The family one path belongs to, or null. */
function familyOfPath(path) {
    if (/\.img_attn_qkv$|\.img_mod\.linear$|\.txt_attn_qkv$/.test(path))
        return 'hunyuanvideo';
    const u = boundaryForm(path);
    for (const rule of FAMILY_RULES)
        if (rule.re.test(u))
            return rule.family;
    return null;
}
/** The family most paths point at (text-encoder paths are ignored by callers), or null. */
function guessFamily(paths) {
    const votes = new Map();
    for (const p of paths) {
        const f = familyOfPath(p);
        if (f && f !== 'clip-text')
            votes.set(f, (votes.get(f) ?? 0) + 1);
    }
    let best = null;
    let bestCount = 0;
    for (const [f, n] of votes) {
        if (n > bestCount) {
            best = f;
            bestCount = n;
        }
    }
    return best;
}
/** The most frequent value, ties to the larger; null for none. */
function mode(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    let best = null;
    let bestCount = 0;
    for (const [v, n] of counts) {
        if (n > bestCount || (n === bestCount && best !== null && v > best)) {
            best = v;
            bestCount = n;
        }
    }
    return best;
}
const SIZE_LABELS = {
    wan: { 1536: 'Wan 1.3B', 3072: 'Wan2.2 5B', 5120: 'Wan 14B', 4096: 'LongCat-Video (Wan-like)' },
    longcat: { 4096: 'LongCat-Video' },
    flux: { 3072: 'Flux' },
    sdxl: { 320: 'SDXL' },
    hunyuanvideo: { 3072: 'HunyuanVideo' }
};
/** How users name each family (`guessFamily` ids are internal). */
const DISPLAY_NAMES = {
    wan: 'Wan',
    longcat: 'LongCat-Video',
    flux: 'Flux',
    sdxl: 'SDXL',
    'sd-diffusers-unet': 'SD UNet',
    hunyuanvideo: 'HunyuanVideo',
    'clip-text': 'CLIP text encoder'
};
/** The architecture a family id names, for messages: `wan` and `wan-diffusers` -> `Wan`; unknown ids as given. */
function familyDisplayName(family) {
    const base = family.replace(/-diffusers$/, '');
    return Object.hasOwn(DISPLAY_NAMES, base) ? DISPLAY_NAMES[base] : base;
}
/** A human label for a family at a width: `Wan 14B`, `Wan 1.3B`, or `Wan (width 2048)`. */
function sizeLabel(family, width) {
    const base = family?.replace(/-diffusers$/, '') ?? null;
    if (base && width !== null) {
        const label = SIZE_LABELS[base]?.[width];
        if (label)
            return label;
        return `${familyDisplayName(base)} (width ${width})`;
    }
    if (base)
        return familyDisplayName(base);
    return width !== null ? `width ${width}` : 'unknown model';
}
/**
 * The one-line label of what a file targets: the size label, plus the naming when it is the diffusers one
 * (`Wan 14B, diffusers names`); `unknown architecture` when neither family nor width is known.
 */
function familyLabel(family, width) {
    if (family === null && width === null)
        return 'unknown architecture';
    const label = sizeLabel(family, width);
    return family?.endsWith('-diffusers') ? `${label}, diffusers names` : label;
}


/***/ }),

/***/ 1708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GB: () => (/* binding */ resolveLoraLazily),
  $l: () => (/* binding */ startResolution)
});

// UNUSED EXPORTS: baseDepth, loraToBaseLabel

// EXTERNAL MODULE: ./src/lora/base-index.ts
var base_index = __webpack_require__(7122);
// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/lora/nearest.ts

const MAX_NEAREST = 3;
function tokens(path) {
    return path.split(/[._]/).filter((t) => t.length > 0);
}
/** The path with its block index replaced by `#` (other numbers, like `ffn.2`, name the layer and stay). */
function pattern(path) {
    return path.replace(/((?:^|[._])(?:blocks|block|layers|resblocks)[._])\d+(?=[._]|$)/g, '$1#');
}
/** The entry of a pattern in the given block, else its first entry; one pass over the entries per pattern. */
function entryInBlock(p, block) {
    if (block === null)
        return p.entries[0];
    if (!p.byBlock) {
        p.byBlock = new Map();
        for (const e of p.entries) {
            const b = blockIndexOf(e.path);
            if (b !== null && !p.byBlock.has(b))
                p.byBlock.set(b, e);
        }
    }
    return p.byBlock.get(block) ?? p.entries[0];
}
const cache = new WeakMap();
function patternIndex(space) {
    const hit = cache.get(space);
    if (hit)
        return hit;
    const byPattern = new Map();
    for (const e of space.entries) {
        const p = pattern(e.path);
        const list = byPattern.get(p);
        if (list)
            list.push(e);
        else
            byPattern.set(p, [e]);
    }
    const index = {
        patterns: [...byPattern.entries()].map(([p, entries]) => {
            const set = new Set(tokens(p).filter((t) => t !== '#'));
            const distinct = [...set];
            return { pattern: p, tokens: set, last: distinct[distinct.length - 1] ?? '', entries };
        }),
        scored: new Map()
    };
    cache.set(space, index);
    return index;
}
/** Dice similarity of token sets, with a bonus for the same last token (the projection name). */
function similarity(a, aLast, b, bLast) {
    let common = 0;
    for (const t of a)
        if (b.has(t))
            common++;
    const dice = (2 * common) / (a.size + b.size || 1);
    return dice + (aLast === bLast ? 0.25 : 0);
}
function blockIndexOf(path) {
    const m = /(?:^|[._])(?:blocks|block|layers|resblocks)[._](\d+)(?=[._]|$)/.exec(path);
    return m ? m[1] : null;
}
/** Up to three base keys closest to a module's path, each with why it is not the target. */
function nearestKeys(m, space) {
    const index = patternIndex(space);
    const ownPattern = pattern(m.path);
    const own = tokens(ownPattern).filter((t) => t !== '#');
    const ownSet = new Set(own);
    let best = index.scored.get(ownPattern);
    if (!best) {
        const ownLast = own[own.length - 1] ?? '';
        best = index.patterns
            .map((p) => ({ p, score: similarity(ownSet, ownLast, p.tokens, p.last) }))
            .filter((s) => s.score > 0)
            .sort((a, b) => b.score - a.score || (0,order/* byCodeUnit */.X)(a.p.pattern, b.p.pattern))
            .slice(0, MAX_NEAREST)
            .map((s) => s.p);
        index.scored.set(ownPattern, best);
    }
    const block = blockIndexOf(m.path);
    return best.map((p) => {
        const entry = entryInBlock(p, block);
        const onlyLora = own.filter((t) => !p.tokens.has(t));
        const onlyBase = [...p.tokens].filter((t) => !ownSet.has(t));
        const blockMissing = block !== null && blockIndexOf(entry.path) !== block;
        let why;
        if (onlyLora.length === 0 && onlyBase.length === 0) {
            why = blockMissing
                ? `same layer, but block ${block} is not in the base`
                : 'same name with different separators or order';
        }
        else {
            why = nameDifference(m.path, entry.path, block, blockMissing);
        }
        return { key: entry.key, shape: entry.shape, why };
    });
}
/** The tokens of a path with where each sits, so the parts that differ can be quoted with their separators. */
function spans(path) {
    const out = [];
    for (const m of path.matchAll(/[^._]+/g))
        out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
}
/**
 * Why a base key whose name differs is still the closest, as a sentence: what the two names share (the block, the
 * layer) and what the LoRA targets that the base lacks, e.g. `same block and layer, but the LoRA targets k_img,
 * which this base does not have`. Block indices compare as patterns, so block 35 vs block 0 is not a name difference.
 */
function nameDifference(loraPath, basePath, block, blockMissing) {
    const lora = spans(loraPath);
    const base = spans(basePath);
    const blockAt = lora.findIndex((s, i) => i > 0 && /^\d+$/.test(s.text) && s.text === block);
    const same = (i) => i === blockAt ? /^\d+$/.test(base[i]?.text ?? '') : lora[i].text === base[i]?.text;
    let k = 0;
    while (k < lora.length && k < base.length && same(k))
        k++;
    // Keep the last shared token with the differing part when one name extends the other (`k` vs `k_img`).
    if ((k === lora.length || k === base.length) && k > 0)
        k--;
    const loraPart = k < lora.length ? loraPath.slice(lora[k].start) : loraPath;
    let scope;
    if (blockMissing)
        scope = `block ${block} is not in the base, and`;
    else if (blockAt >= 0 && k > blockAt + 1)
        scope = 'same block and layer, but';
    else if (blockAt >= 0 && k > blockAt)
        scope = 'same block, but';
    else if (k > 0)
        scope = `both under ${loraPath.slice(0, lora[k - 1].end)}, but`;
    else
        scope = 'no common name part:';
    return `${scope} the LoRA targets ${loraPart}, which this base does not have`;
}

// EXTERNAL MODULE: ./src/lora/shapes.ts
var shapes = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/lora/resolve.ts





/**
 * An alias table's label read from the LoRA's side. The tables turn base names into the names of another naming
 * family (`name map wan original->diffusers` on an original base), so a LoRA that hits one uses the second naming
 * on a base with the first: `name map wan diffusers->original`.
 */
function loraToBaseLabel(label) {
    return label.replace(/^(.*?)(\S+)->(\S+)(.*)$/, '$1$3->$2$4');
}
/** Every base entry a module's name lands on, own names first, then aliases. */
function candidates(m, space) {
    const u = m.path.replace(/\./g, '_');
    if (m.pathForm === 'dotted') {
        const own = space.dotted.get(m.path);
        if (own)
            return [{ entry: own, via: 'exact' }];
    }
    const under = space.underscore.get(u);
    if (under)
        return under.map((entry) => ({ entry, via: m.pathForm === 'dotted' ? 'underscore form' : 'underscore' }));
    for (const alias of space.aliases) {
        const hits = m.pathForm === 'dotted' ? alias.dotted.get(m.path) : alias.underscore.get(u);
        if (hits) {
            const via = loraToBaseLabel(alias.label);
            return hits.map((h) => ({ entry: h.entry, ...(h.slice ? { slice: h.slice } : {}), via }));
        }
    }
    return [];
}
/** The tensor a module patches: a bias-only delta patches the bias; everything else the weight (or parameter). */
function targetOf(m, c) {
    const biasOnly = m.tensors.every((t) => t.role === 'diff-bias');
    if (biasOnly) {
        if (!c.entry.bias)
            return null;
        return { key: c.entry.bias.key, shape: c.entry.bias.shape, via: c.via };
    }
    const t = { key: c.entry.key, shape: c.entry.shape, via: c.via };
    if (c.slice)
        t.slice = c.slice;
    return t;
}
function shapesOf(m) {
    const out = {};
    for (const t of m.tensors) {
        if (t.role === 'alpha' || t.role === 'alpha-scale' || t.role === 'ia3-on-input')
            continue;
        out[t.index !== undefined ? `${t.role}.${t.index}` : t.role] = t.tensor.shape;
    }
    return out;
}
// Wan2.1 I2V's CLIP branch, in original and diffusers names (`attn2.add_k_proj`; Flux's `attn.add_k_proj` is text).
const IMAGE_BRANCH = /(?:^|[._])(?:k_img|v_img|norm_k_img|img_emb|attn2[._]add_[kv]_proj|attn2[._]norm_added_k|image_embedder)(?:[._]|$)/;
/** Naming variants of one architecture (original vs diffusers names) share an architecture. */
function architectureOf(family) {
    if (family === 'sd-diffusers-unet')
        return 'sdxl';
    return family.replace(/-diffusers$/, '');
}
function unresolvedReason(m, space, base, loraFamily) {
    if (m.component === 'text-encoder') {
        return base.textEncoders.size === 0
            ? `text-encoder module (${m.prefix || 'text encoder'}); the base has no text encoder (transformer-only)`
            : `text-encoder ${m.textEncoder} module; the base has text encoder(s) ${[...base.textEncoders.keys()].join(', ')} but no such key`;
    }
    if (!space)
        return 'the base has no denoiser keys';
    if (loraFamily && base.family && architectureOf(loraFamily) !== architectureOf(base.family)) {
        return `LoRA for ${(0,lora_layers/* familyDisplayName */.gK)(loraFamily)} on a ${(0,lora_layers/* familyDisplayName */.gK)(base.family)} base: no key of that name`;
    }
    if (IMAGE_BRANCH.test(m.path) && !base.hasImageBranch) {
        return 'I2V-only module (CLIP image branch: k_img/v_img/img_emb); the base has no image branch (a T2V or Wan2.2 model)';
    }
    const block = (0,lora_layers/* blockOf */.VN)(m.path);
    if (block) {
        const max = space.blockMax.get(block.series);
        if (max !== undefined && block.index > max) {
            return `block ${block.series}.${block.index} does not exist: the base has ${baseDepth(block.series, max)}`;
        }
    }
    return `no base key named ${m.path}${m.pathForm === 'underscore' ? ' (underscore form)' : ''}`;
}
/** The blocks a base has: `blocks 0-29`, or `only block 0` for a one-block base. */
function baseDepth(series, max) {
    if (max > 0)
        return `${series} 0-${max}`;
    return `only ${series === 'blocks' ? 'block' : series} 0`;
}
/** A cause without per-module numbers, so equal causes group. */
const CONTEXT_LABELS = { 768: 'SD1.x', 1024: 'SD2.x', 2048: 'SDXL' };
/**
 * The text-context width of a UNet's cross-attention (attn2.to_k in-dim): what tells SD1.x (768), SD2.x (1024) and
 * SDXL (2048) apart, where the hidden width says nothing (every UNet has 320/640/1280 levels).
 */
function contextWidths(analysis, base) {
    const unet = (f) => f === 'sdxl' || f === 'sd-diffusers-unet';
    if (!unet(analysis.family) || !unet(base.family))
        return null;
    const loraIn = (0,lora_layers/* mode */.Mq)(analysis.modules
        .filter((m) => /attn2[._]to_k$/.test(m.path))
        .map((m) => m.tensors.find((t) => t.role === 'down')?.tensor.shape[1] ?? 0));
    const baseIn = (0,lora_layers/* mode */.Mq)(base.denoiser.entries.filter((e) => /attn2\.to_k$/.test(e.path)).map((e) => e.shape[1] ?? 0));
    return loraIn && baseIn && loraIn !== baseIn ? { lora: loraIn, base: baseIn } : null;
}
function causeOf(r, v, analysis, base, context) {
    if (r.status === 'shape-mismatch') {
        if (context) {
            const label = (w) => CONTEXT_LABELS[w] ?? `context ${w}`;
            return `${label(context.lora)} LoRA on ${label(context.base)} base: text context ${context.lora} vs ${context.base}`;
        }
        if (analysis.width !== null && base.width !== null && analysis.width !== base.width) {
            const lora = (0,lora_layers/* sizeLabel */.Qw)(analysis.family ?? base.family, analysis.width);
            const baseLabel = (0,lora_layers/* sizeLabel */.Qw)(base.family, base.width);
            return `${lora} LoRA on ${baseLabel} base: in-dim ${analysis.width} vs ${base.width}`;
        }
        if (v?.loraIn !== undefined && v.baseIn !== undefined && v.loraIn !== v.baseIn)
            return 'in-dim differs from the base';
        return 'shape differs from the base';
    }
    if (r.status === 'unsupported')
        return r.reason ?? 'unsupported adapter';
    const reason = r.reason ?? '';
    if (reason.startsWith('text-encoder'))
        return 'text-encoder modules; the base has no such text encoder';
    if (reason.startsWith('I2V-only'))
        return 'I2V-only modules (k_img/v_img/img_emb) on a base without the image branch';
    if (reason.startsWith('block ')) {
        const m = /the base has (.+)$/.exec(reason);
        return m ? `blocks beyond the base's depth (base has ${m[1]})` : 'blocks beyond the base depth';
    }
    if (reason.startsWith('LoRA for'))
        return `LoRA for ${(0,lora_layers/* familyDisplayName */.gK)(analysis.family ?? '?')} on a ${(0,lora_layers/* familyDisplayName */.gK)(base.family ?? '?')} base`;
    return 'names not found in the base';
}
const MAX_FALLBACK_MODULES = 2000;
/** Choose among the candidates (the one whose shapes fit, else the first) and set status, target and reason. */
function settle(m, r, found) {
    let chosen = found[0];
    let verdict = null;
    const targets = [];
    for (const c of found) {
        const t = targetOf(m, c);
        if (!t)
            continue;
        targets.push({ c, t });
        const v = (0,shapes/* checkModuleShapes */.B)(m, c.entry, c.slice);
        if (verdict === null || (v.ok && !verdict.ok)) {
            verdict = v;
            chosen = c;
        }
    }
    if (found.length > 1)
        r.ambiguous = found.filter((c) => c !== chosen).map((c) => c.entry.key);
    const target = targets.find((x) => x.c === chosen)?.t;
    if (!target || !verdict) {
        r.reason = `the base module ${chosen.entry.path} has no bias for this bias-only delta`;
        return { r, v: null };
    }
    r.target = target;
    delete r.reason;
    if (m.algorithm === 'unknown' || m.algorithm === 'glora' || m.algorithm === 'oft') {
        r.status = m.algorithm === 'unknown' ? 'unsupported' : 'ok';
        r.reason =
            m.algorithm === 'unknown'
                ? 'no adapter tensors a loader recognises'
                : `${m.algorithm}: resolved, shapes not checked`;
        return { r, v: verdict };
    }
    if (verdict.ok) {
        r.status = 'ok';
        if (m.algorithm === 'ia3')
            r.reason = 'IA3: ComfyUI has no IA3 adapter and reports these keys as not loaded';
        if (verdict.note)
            r.reason = verdict.note;
    }
    else {
        r.status = 'shape-mismatch';
        r.expected = verdict.expected ?? 'shapes differ';
        const rows = target.slice ? ` rows ${target.slice.offset}+${target.slice.size}` : '';
        r.reason = `shape mismatch against ${target.key} ${JSON.stringify(target.shape)}${rows}`;
    }
    return { r, v: verdict };
}
function spaceOf(m, base) {
    const space = m.component === 'text-encoder' ? base.textEncoders.get(m.textEncoder) : base.denoiser;
    return space && space.entries.length > 0 ? space : undefined;
}
function resolveModule(m, base, analysis) {
    const r = { stem: m.stem, path: m.path, status: 'unresolved', shapes: shapesOf(m) };
    const space = spaceOf(m, base);
    const found = space ? candidates(m, space) : [];
    if (found.length === 0) {
        r.reason = unresolvedReason(m, space, base, analysis.family);
        return { r, v: null };
    }
    return settle(m, r, found);
}
/** Unresolved dotted denoiser modules whose name alone is the problem: worth asking the compare mapper. */
function wantsFallback(m, r) {
    return (r.status === 'unresolved' &&
        m.component === 'denoiser' &&
        m.pathForm === 'dotted' &&
        r.reason?.startsWith('no base key named') === true);
}
function startResolution(analysis, base, opts = {}) {
    const index = 'tensors' in base ? (0,base_index/* buildBaseIndex */.u)(base) : base;
    const outcomes = analysis.modules.map((m) => resolveModule(m, index, analysis));
    let fallbackModules = [];
    if (index.checkpoint && opts.compareFallback !== false) {
        fallbackModules = analysis.modules.filter((m, i) => wantsFallback(m, outcomes[i].r));
        // The mapper compares whole models; past a few thousand unknown names it is not worth its time.
        if (fallbackModules.length > MAX_FALLBACK_MODULES)
            fallbackModules = [];
    }
    return {
        index,
        fallbackModules,
        finish: (found) => {
            if (found !== undefined && found.size > 0) {
                analysis.modules.forEach((m, i) => {
                    const hit = found.get(m.stem);
                    if (!hit || !wantsFallback(m, outcomes[i].r))
                        return;
                    outcomes[i] = settle(m, outcomes[i].r, [
                        { entry: hit.entry, via: hit.via, ...(hit.slice ? { slice: hit.slice } : {}) }
                    ]);
                });
            }
            return finishResolution(analysis, index, outcomes, opts);
        }
    };
}
/**
 * `resolveLora` with the compare mapper loaded only when some module needs it (the CLI's path: a LoRA whose
 * names all resolve never loads src/compare).
 */
async function resolveLoraLazily(analysis, base, opts = {}) {
    const pending = startResolution(analysis, base, opts);
    const checkpoint = pending.index.checkpoint;
    if (pending.fallbackModules.length === 0 || checkpoint === undefined)
        return pending.finish();
    const { compareFallback } = await Promise.all(/* import() */[__webpack_require__.e(971), __webpack_require__.e(597), __webpack_require__.e(230)]).then(__webpack_require__.bind(__webpack_require__, 6230));
    return pending.finish(compareFallback(pending.fallbackModules, pending.index.denoiser, checkpoint));
}
function finishResolution(analysis, index, outcomes, opts) {
    const maxNearest = opts.maxNearest ?? 200;
    const context = contextWidths(analysis, index);
    const counts = {
        ok: 0,
        unresolved: 0,
        'shape-mismatch': 0,
        unsupported: 0
    };
    const causes = new Map();
    const results = [];
    let nearestGiven = 0;
    analysis.modules.forEach((m, i) => {
        const { r, v } = outcomes[i];
        counts[r.status]++;
        if (r.status !== 'ok') {
            const cause = causeOf(r, v, analysis, index, context);
            r.cause = cause;
            causes.set(cause, (causes.get(cause) ?? 0) + 1);
            const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser;
            if (r.status === 'unresolved' && space && space.entries.length > 0 && nearestGiven < maxNearest) {
                r.nearest = nearestKeys(m, space);
                nearestGiven++;
            }
        }
        results.push(r);
    });
    const modules = analysis.modules.length;
    return {
        lora: analysis.path,
        base: index.path,
        baseFamily: index.family,
        baseWidth: index.width,
        modules,
        loadable: counts.ok,
        loadablePercent: modules === 0 ? 0 : Math.round((counts.ok / modules) * 10000) / 100,
        counts,
        causes: [...causes.entries()]
            .map(([cause, n]) => ({ cause, modules: n }))
            .sort((a, b) => b.modules - a.modules || (0,order/* byCodeUnit */.X)(a.cause, b.cause)),
        results
    };
}


/***/ }),

/***/ 7648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ checkModuleShapes)
/* harmony export */ });
function prod(dims) {
    let n = 1;
    for (const d of dims)
        n *= d;
    return n;
}
function get(m, role) {
    return m.tensors.find((t) => t.role === role)?.tensor.shape;
}
function fmt(shape) {
    return `[${shape.join(', ')}]`;
}
/** Compare expected and actual dims; collect the differences. */
function verdict(loraIn, loraOut, baseIn, baseOut, extra = []) {
    const problems = [];
    if (loraIn !== baseIn)
        problems.push(`in-dim ${loraIn} vs ${baseIn}`);
    if (loraOut !== baseOut)
        problems.push(`out-dim ${loraOut} vs ${baseOut}`);
    problems.push(...extra);
    return problems.length === 0
        ? { ok: true, loraIn, loraOut, baseIn, baseOut }
        : { ok: false, expected: problems.join('; '), loraIn, loraOut, baseIn, baseOut };
}
function checkLora(m, out, inFlat, W) {
    const down = get(m, 'down');
    const up = get(m, 'up');
    const blocks = m.tensors.filter((t) => t.role === 'up-block').map((t) => t.tensor.shape);
    if (!down || (!up && blocks.length === 0))
        return { ok: false, expected: 'incomplete module (down or up missing)' };
    const mid = get(m, 'mid');
    // With a Tucker mid, down is [r, in, 1, 1] and the kernel lives in mid; otherwise down carries in * kernel.
    const loraIn = mid ? (down[1] ?? 0) : prod(down.slice(1));
    const baseIn = mid ? (W[1] ?? 0) : inFlat;
    const loraOut = blocks.length > 0 ? blocks.reduce((s, b) => s + (b[0] ?? 0), 0) : (up[0] ?? 0);
    const extra = [];
    const bias = get(m, 'up-bias');
    if (bias && bias[0] !== out)
        extra.push(`lora_B.bias ${fmt(bias)} vs out ${out}`);
    const dora = get(m, 'dora-scale');
    if (dora && !(dora[0] === out || (dora[0] === 1 && dora[1] === W[1]))) {
        extra.push(`dora_scale ${fmt(dora)} fits neither [${out}, 1] nor [1, ${W[1]}]`);
    }
    const mag = get(m, 'magnitude');
    if (mag && mag[0] !== out)
        extra.push(`lora_magnitude_vector ${fmt(mag)} vs out ${out}`);
    const diffB = get(m, 'diff-bias');
    if (diffB && diffB[0] !== out)
        extra.push(`diff_b ${fmt(diffB)} vs out ${out}`);
    return verdict(loraIn, loraOut, baseIn, out, extra);
}
function checkLoha(m, out, inFlat, W) {
    const w1a = get(m, 'hada_w1_a');
    const w1b = get(m, 'hada_w1_b');
    const w2a = get(m, 'hada_w2_a');
    const w2b = get(m, 'hada_w2_b');
    if (!w1a || !w1b || !w2a || !w2b)
        return { ok: false, expected: 'incomplete LoHa module (hada_w1/w2 a/b)' };
    const tucker = get(m, 'hada_t1') !== undefined;
    // LyCORIS LoHa: without Tucker w*_a is [out, r] and w*_b [r, in*k]; with Tucker w*_a is [r, out], w*_b [r, in].
    const loraOut = tucker ? (w1a[1] ?? 0) : (w1a[0] ?? 0);
    const loraIn = tucker ? (w1b[1] ?? 0) : prod(w1b.slice(1));
    const out2 = tucker ? (w2a[1] ?? 0) : (w2a[0] ?? 0);
    const in2 = tucker ? (w2b[1] ?? 0) : prod(w2b.slice(1));
    const extra = out2 !== loraOut || in2 !== loraIn ? [`hada_w2 [${out2}, ${in2}] differs from hada_w1`] : [];
    return verdict(loraIn, loraOut, tucker ? (W[1] ?? 0) : inFlat, out, extra);
}
function checkLokr(m, out, inFlat) {
    const w1 = get(m, 'lokr_w1');
    const w1a = get(m, 'lokr_w1_a');
    const w1b = get(m, 'lokr_w1_b');
    const w2 = get(m, 'lokr_w2');
    const w2a = get(m, 'lokr_w2_a');
    const w2b = get(m, 'lokr_w2_b');
    const t2 = get(m, 'lokr_t2');
    const a = w1 ? w1[0] : w1a?.[0];
    const c = w1 ? w1[1] : w1b?.[1];
    let b;
    let d;
    if (w2) {
        b = w2[0];
        d = prod(w2.slice(1));
    }
    else if (t2 && w2a && w2b) {
        // Tucker: w2_a [r, b], w2_b [r, d], t2 [r, r, kh, kw].
        b = w2a[1];
        d = (w2b[1] ?? 0) * prod(t2.slice(2));
    }
    else if (w2a && w2b) {
        b = w2a[0];
        d = prod(w2b.slice(1));
    }
    if (a === undefined || b === undefined || c === undefined || d === undefined) {
        return { ok: false, expected: 'incomplete LoKr module (lokr_w1 / lokr_w2 factors)' };
    }
    return verdict(c * d, a * b, inFlat, out);
}
function checkFull(m, entry) {
    const problems = [];
    const diff = get(m, 'diff') ?? get(m, 'diff-modulation') ?? get(m, 'set-weight');
    if (diff && fmt(diff) !== fmt(entry.shape))
        problems.push(`diff ${fmt(diff)} vs base ${fmt(entry.shape)}`);
    const diffB = get(m, 'diff-bias');
    if (diffB) {
        if (!entry.bias)
            problems.push('diff_b but the base module has no bias');
        else if (fmt(diffB) !== fmt(entry.bias.shape))
            problems.push(`diff_b ${fmt(diffB)} vs base bias ${fmt(entry.bias.shape)}`);
    }
    return problems.length === 0 ? { ok: true } : { ok: false, expected: problems.join('; ') };
}
/** Check a module's tensor shapes against the base tensor (or the rows `slice` of it) it targets. */
function checkModuleShapes(m, entry, slice) {
    const W = entry.shape;
    const out = slice ? slice.size : (W[0] ?? 0);
    const inFlat = prod(W.slice(1));
    if (entry.isParam && m.algorithm !== 'full') {
        return {
            ok: false,
            expected: `${m.algorithm} module on a bare parameter ${fmt(W)}; only a full delta can patch it`
        };
    }
    switch (m.algorithm) {
        case 'lora':
            return checkLora(m, out, inFlat, W);
        case 'loha':
            return checkLoha(m, out, inFlat, W);
        case 'lokr':
            return checkLokr(m, out, inFlat);
        case 'full':
            return checkFull(m, entry);
        case 'ia3': {
            const w = get(m, 'ia3-weight');
            if (!w)
                return { ok: false, expected: 'IA3 module without its weight vector' };
            const fits = w[0] === out || w[0] === W[1];
            return fits
                ? { ok: true }
                : { ok: false, expected: `IA3 vector ${fmt(w)} fits neither out ${out} nor in ${W[1]}` };
        }
        case 'norm': {
            const w = get(m, 'norm-weight');
            return !w || fmt(w) === fmt(W) ? { ok: true } : { ok: false, expected: `w_norm ${fmt(w)} vs ${fmt(W)}` };
        }
        default:
            return { ok: true, note: `${m.algorithm} shapes not checked` };
    }
}


/***/ })

};
;