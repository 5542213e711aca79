"use strict";
exports.id = 907;
exports.ids = [907];
exports.modules = {

/***/ 4322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hL: () => (/* binding */ analyzeLora)
});

// UNUSED EXPORTS: loraStatistics, trainingMetadata

// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
// EXTERNAL MODULE: ./src/lora/implied.ts
var implied = __webpack_require__(1512);
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
/**
 * `suffix <marker>` / `prefix <prefix>` for the evidence, each built once per distinct value (a file has a
 * handful of both over thousands of tensors). Bounded: prefixes come from the file.
 */
const suffixMarkers = new Map();
const prefixMarkers = new Map();
function evidenceMarker(cache, word, value) {
    let s = cache.get(value);
    if (s === undefined) {
        s = `${word} ${value}`;
        if (cache.size < 1024)
            cache.set(value, s);
    }
    return s;
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
    // Per component kind: a text-encoder path reads as another kind than the same denoiser path.
    const pathFacts = { denoiser: new Map(), te: new Map() };
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
        const known = te ? pathFacts.te : pathFacts.denoiser;
        let facts = known.get(path);
        if (facts === undefined)
            known.set(path, (facts = { kind: (0,lora_layers/* layerKind */.G0)(path, te), block: (0,lora_layers/* blockOf */.VN)(path) }));
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
            layerKind: facts.kind,
            issues: []
        };
        const adapterName = entries.find((e) => e.parsed.adapterName)?.parsed.adapterName;
        if (adapterName)
            m.adapterName = adapterName;
        // Shared by the modules of one path: nothing writes a module's block (report.ts copies it out).
        if (facts.block)
            m.block = facts.block;
        let ev = evidence.get(info.naming);
        if (!ev)
            evidence.set(info.naming, (ev = { keys: 0, markers: new Set(), examples: [] }));
        if (info.prefix)
            ev.markers.add(evidenceMarker(prefixMarkers, 'prefix', info.prefix));
        for (const e of entries) {
            m.params += numel(e.tensor.shape);
            m.bytes += tensorBytes(e.tensor);
            ev.keys++;
            ev.markers.add(evidenceMarker(suffixMarkers, 'suffix', e.parsed.marker));
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
/** A module as the family detector reads it: its path and, when the factors give it, the weight shape. */
function familyLayer(m) {
    const shape = (0,implied/* impliedWeightShape */.mU)(m);
    return shape.length > 0 ? { path: m.path, shape } : { path: m.path };
}
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
/** Convention markers that quote an adapter suffix. */
const MARKER = {
    diff: `full delta ${adapters/* SUFFIX */.Er.diff} beside a LoRA`,
    diffBias: `full delta ${adapters/* SUFFIX */.Er.diffBias} beside a LoRA`,
    doraScale: `suffix ${adapters/* SUFFIX */.Er.doraScale} (LyCORIS DoRA)`,
    magnitude: `suffix ${adapters/* SUFFIX */.Er.magnitude} (PEFT DoRA)`
};
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
                add('lycoris', t.tensor.name, [t.role === 'diff' ? MARKER.diff : MARKER.diffBias]);
            }
            if (t.role === 'dora-scale')
                add('dora', t.tensor.name, [MARKER.doraScale]);
            if (t.role === 'magnitude')
                add('dora', t.tensor.name, [MARKER.magnitude]);
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
        family: (0,lora_layers/* guessFamily */.oU)(denoiser.map((m) => familyLayer(m))),
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
/* harmony export */   P: () => (/* binding */ spaceFromSpecs),
/* harmony export */   u: () => (/* binding */ buildBaseIndex)
/* harmony export */ });
/* harmony import */ var _names_model_parts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3154);
/* harmony import */ var _names_adapters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7906);
/* harmony import */ var _names_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1907);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4264);
/**
 * An index of a base model's own keys for LoRA resolution: module paths split from their checkpoint/component
 * prefix (src/names COMPONENT_PREFIXES) and `.weight`, and the same paths underscored (kohya names are looked up
 * here, never parsed back into dots). Other namings are not indexed: they resolve through the correspondence
 * engine. Built once per base in O(keys).
 */




function newSpace(kind, textEncoder, prefix) {
    return {
        kind,
        textEncoder,
        prefix,
        dotted: new Map(),
        underscore: new Map(),
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
    // The same reading of blocks as the LoRA side's (`blockOf`), so a module's series finds the base's depth.
    const b = (0,_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .blockOf */ .VN)(path);
    if (b)
        space.blockMax.set(b.series, Math.max(space.blockMax.get(b.series) ?? -1, b.index));
}
function finish(space, biases) {
    for (const b of biases) {
        const entry = space.dotted.get(b.path);
        if (entry && !entry.isParam)
            entry.bias = { key: b.key, shape: b.shape };
    }
    for (const entry of space.entries)
        push(space.underscore, (0,_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .kohyaForm */ .PP)(entry.path), entry);
}
/** One space built from bare tensor specs (names relative to the component, no prefix). */
function spaceFromSpecs(specs) {
    const space = newSpace('denoiser', 0, '');
    const biases = [];
    for (const s of specs)
        addEntry(space, s.name, s.name, [...s.shape], biases);
    finish(space, biases);
    return space;
}
/** Index a base checkpoint's keys by component. */
function buildBaseIndex(base) {
    const denoiser = newSpace('denoiser', 0, '');
    const textEncoders = new Map();
    const biases = new Map([[denoiser, []]]);
    const rules = [..._names_index_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPONENT_PREFIXES */ .JE];
    if (base.format === 'diffusers' && base.components) {
        for (const c of base.components)
            rules.push((0,_names_index_js__WEBPACK_IMPORTED_MODULE_2__/* .componentPrefix */ .ct)(c.name));
    }
    rules.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const t of base.tensors) {
        const rule = rules.find((r) => t.name.startsWith(r.prefix));
        if (rule?.component === 'skip')
            continue;
        const rest = rule ? t.name.slice(rule.prefix.length) : t.name;
        if (rule?.component === 'text-encoder') {
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
    const family = (0,_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .guessFamily */ .oU)(denoiser.entries);
    finish(denoiser, biases.get(denoiser));
    for (const space of textEncoders.values())
        finish(space, biases.get(space));
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
        width: (0,_layers_js__WEBPACK_IMPORTED_MODULE_3__/* .mode */ .Mq)(widths),
        hasImageBranch: denoiser.entries.some((e) => (0,_names_model_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .isImageBranchPath */ .Fo)(e.path))
    };
}


/***/ }),

/***/ 9855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ compareLoras)
/* harmony export */ });
/* unused harmony export canonicalTarget */
/* harmony import */ var _correspondence_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1238);
/* harmony import */ var _base_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7122);
/* harmony import */ var _implied_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1512);
/* harmony import */ var _names_adapters_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7906);
/**
 * LoRA vs LoRA: conventions, target modules in common and apart, rank/alpha differences, coverage (layer kinds and
 * blocks) and base family. Two modules target the same base layer when the correspondence links the tensors they
 * imply (the same seam LoRA resolution uses, in both directions since either file's naming may be the one the
 * name maps start from), so a kohya file and a ComfyUI or diffusers file of the same training compare equal.
 */




/** The name a module is listed under: its component, then its path with dots and underscores unified. */
function canonicalTarget(m) {
    const part = m.component === 'text-encoder' ? `te${m.textEncoder}:` : '';
    return part + (0,_names_adapters_js__WEBPACK_IMPORTED_MODULE_3__/* .kohyaForm */ .PP)(m.path);
}
const MAX_LISTED = 200;
function componentOf(m) {
    return m.component === 'text-encoder' ? `te${m.textEncoder}` : 'denoiser';
}
/** Implied weight name -> module, per component. */
function impliedByComponent(a) {
    const out = new Map();
    for (const m of a.modules) {
        const w = (0,_implied_js__WEBPACK_IMPORTED_MODULE_2__/* .impliedTensors */ .RT)(m).weight;
        if (!w)
            continue;
        const c = componentOf(m);
        const map = out.get(c) ?? new Map();
        if (!map.has(w.name))
            map.set(w.name, { spec: w, m });
        out.set(c, map);
    }
    return out;
}
/** Pairs of modules (A, B) whose implied weights the correspondence links one to one. */
function pairModules(a, b) {
    const pairs = new Map();
    const taken = new Set();
    const ia = impliedByComponent(a);
    const ib = impliedByComponent(b);
    for (const [component, ma] of ia) {
        const mb = ib.get(component);
        if (!mb)
            continue;
        const specsA = [...ma.values()].map((x) => x.spec);
        const specsB = [...mb.values()].map((x) => x.spec);
        const oneToOne = (from, to, aIsFrom) => {
            const r = (0,_correspondence_js__WEBPACK_IMPORTED_MODULE_0__/* .correspondImplied */ .C)([...from.values()].map((x) => x.spec), [...to.values()].map((x) => x.spec), (0,_base_index_js__WEBPACK_IMPORTED_MODULE_1__/* .spaceFromSpecs */ .P)(aIsFrom ? specsB : specsA));
            for (const link of r.links) {
                if (link.a.length !== 1 || link.b.length !== 1 || link.kind === 'split' || link.kind === 'fuse')
                    continue;
                const x = from.get(link.a[0])?.m;
                const y = to.get(link.b[0])?.m;
                if (!x || !y)
                    continue;
                const [ma2, mb2] = aIsFrom ? [x, y] : [y, x];
                if (pairs.has(ma2) || taken.has(mb2))
                    continue;
                pairs.set(ma2, mb2);
                taken.add(mb2);
            }
        };
        oneToOne(mb, ma, false);
        oneToOne(ma, mb, true);
    }
    return pairs;
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
    const pairs = pairModules(a, b);
    const paired = new Set(pairs.values());
    const onlyA = [];
    const onlyB = [];
    const rankDiff = [];
    const alphaDiff = [];
    let common = 0;
    let alphaCompared = 0;
    let unreadA = 0;
    let unreadB = 0;
    for (const ma of a.modules) {
        const key = canonicalTarget(ma);
        const mb = pairs.get(ma);
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
    for (const mb of b.modules)
        if (!paired.has(mb))
            onlyB.push(canonicalTarget(mb));
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

/***/ 1238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ correspondImplied)
});

// EXTERNAL MODULE: ./src/correspond/index.ts + 9 modules
var correspond = __webpack_require__(4822);
// EXTERNAL MODULE: ./src/names/index.ts + 1 modules
var names = __webpack_require__(1907);
// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
;// CONCATENATED MODULE: ./src/lora/engine-links.ts
/**
 * The correspondence engine's part in LoRA resolution: what the base's own names do not hold is asked of
 * src/correspond, with A partial and B limited to the blocks A sits in; only high links that keep the block index
 * and do not pair siblings whose names differ by a stream qualifier (`v_img` beside `v`) are taken.
 */



/**
 * True when the two are siblings in one naming and one's name extends the other's (`cross_attn.v_img` beside
 * `cross_attn.v`): that is another layer (the image branch's value beside the text's), never the same one renamed.
 */
function qualifiedApart(a, b) {
    const strip = (n) => n.replace(/\.(?:weight|bias)$/, '');
    const pa = strip(a);
    const pb = strip(b);
    const cut = (p) => {
        const at = p.lastIndexOf('.');
        return { parent: p.slice(0, at + 1), leaf: p.slice(at + 1) };
    };
    const x = cut(pa);
    const y = cut(pb);
    if (x.parent !== y.parent || x.leaf === y.leaf)
        return false;
    // The extension must qualify a stream (`_img`, `_txt`, `_context`): `q_linear` beside `q` only spells the same
    // projection another way.
    const [short, long] = x.leaf.length < y.leaf.length ? [x.leaf, y.leaf] : [y.leaf, x.leaf];
    if (!long.startsWith(`${short}_`))
        return false;
    return long
        .slice(short.length + 1)
        .split('_')
        .some((w) => (0,names/* isStreamWord */.Rk)(w.toLowerCase()));
}
/** Bound on the names handed to the engine per call (the rest stays unmatched, with its reason). */
const MAX_ENGINE_NAMES = 20000;
/**
 * What the base's own names do not hold, asked of the correspondence engine (src/correspond) with A partial. Only its high links
 * are taken, and only those that keep the block index: a LoRA module patches the block of the same number in every
 * naming of one network, and a wrong target is worse than none.
 */
function viaEngine(a, all) {
    // Where A's blocks are named as the base's (`blocks.N` on both), only the base tensors of the blocks A sits in can
    // be taken: the engine sees those (and the top level when A has names outside blocks), which keeps the call small
    // and its alignment to the blocks A has. A series the base names otherwise (`down_blocks` against
    // `input_blocks`, `double_blocks` against `transformer_blocks`) is the engine's to align, from structure.
    // Each name's block is read once per call (the filters below ask for it up to five times per name).
    const blocks = new Map();
    const blockOfName = (name) => {
        let b = blocks.get(name);
        if (b === undefined)
            blocks.set(name, (b = nameBlock(name)));
        return b;
    };
    const seriesA = new Set(a.map((t) => blockOfName(t.name).series));
    const inA = new Set(a.map((t) => blockOfName(t.name).key));
    const b = all.filter((t) => {
        const k = blockOfName(t.name);
        return k.series === null ? inA.has(k.key) : !seriesA.has(k.series) || inA.has(k.key);
    });
    const seriesB = new Set(b.map((t) => blockOfName(t.name).series));
    const inB = new Set(b.map((t) => blockOfName(t.name).key));
    const mine = a.filter((t) => {
        const k = blockOfName(t.name);
        return k.series === null ? inB.has(k.key) : !seriesB.has(k.series) || inB.has(k.key);
    });
    if (mine.length === 0 || mine.length + b.length > MAX_ENGINE_NAMES)
        return [];
    const out = [];
    for (const l of (0,correspond/* correspond */.w)(mine, b, { partial: 'a' }).links) {
        if (l.confidence !== 'high')
            continue;
        if (!keepsBlock(l.a, l.b) || !sameNesting(l.a, l.b))
            continue;
        if (l.a.length === 1 && l.b.length === 1 && qualifiedApart(l.a[0], l.b[0]))
            continue;
        if (l.a.length === 1 && l.b.length === 1 && !oneToOneRoles(l.kind, l.a[0], l.b[0]))
            continue;
        const link = {
            kind: l.kind,
            a: [...l.a],
            b: [...l.b],
            confidence: l.confidence,
            evidence: [{ kind: 'engine', link: l.kind }]
        };
        if (l.rows)
            link.rows = l.rows.map((r) => ({ start: r.start, end: r.end }));
        if (l.ambiguity)
            link.ambiguity = { kind: l.ambiguity.kind, chunks: [...l.ambiguity.chunks] };
        for (const e of l.evidence)
            if (e.kind === 'chunk-order')
                link.order = [...e.order];
        out.push(link);
    }
    return out;
}
function roleOf(name) {
    return (0,names/* layerRole */.EY)(innerPath(name.replace(/\.(?:weight|bias)$/, ''))).role;
}
/**
 * A one-to-one link names one layer on both sides: where both names tell a role (an attention output against a
 * time embedding's linear), they must tell the same one (the FFN's in / gate / up / out count as one family).
 */
function sameRole(a, b) {
    const family = (r) => (r.startsWith('ffn-') ? 'ffn' : r);
    const ra = family(roleOf(a));
    const rb = family(roleOf(b));
    return ra === rb || ra === 'other' || rb === 'other';
}
/**
 * One part of a fused projection on its share of the rows (a LoRA that trains only q of a fused qkv): the names
 * must say so on both sides, the fused layer a qkv / kv and the part one of its roles. A layer whose name says
 * nothing of q, k or v is never squeezed into a share, whatever its shape.
 */
function partOfFused(part, fused) {
    return names/* FUSED_ROLE_PARTS */.E5[roleOf(fused)]?.includes(roleOf(part)) === true;
}
function oneToOneRoles(kind, a, b) {
    if (kind === 'fuse')
        return partOfFused(a, b);
    if (kind === 'split')
        return partOfFused(b, a);
    return sameRole(a, b);
}
/**
 * The layer's path from its innermost container on (`transformer_blocks.0.attn1.to_out.0`, `attentions.0.proj_out`):
 * the words that say its role, without the outer levels' (`down_blocks` is no FFN's `down`).
 */
function innerPath(path) {
    const words = path.split(/[._]/);
    let at = -1;
    for (let i = 0; i < words.length - 1; i++)
        if (/^\d+$/.test(words[i]) && !/^\d+$/.test(words[i + 1]))
            at = i;
    if (at < 0)
        return words.join('.');
    let start = at;
    while (start > 0 && /^\d+$/.test(words[start]))
        start--;
    return words.slice(start).join('.');
}
/** The layer sits inside an indexed container (`mid_block.attentions.0.proj_out`), not at the model's top. */
function nested(name) {
    const words = name.replace(/\.(?:weight|bias)$/, '').split(/[._]/);
    return words.slice(0, -1).some((w) => /^\d+$/.test(w));
}
/**
 * Both sides at the top, or both inside containers: a LoRA layer of a block that the engine could not align must
 * not take a top-level base layer of the same shape (`mid_block.attentions.0.proj_out` is not `time_embed.2`).
 */
function sameNesting(a, b) {
    return new Set([...a, ...b].map(nested)).size === 1;
}
function seriesOf(name) {
    return (0,lora_layers/* blockOf */.VN)(name.replace(/\.(?:weight|bias)$/, ''))?.series ?? null;
}
function nameBlock(name) {
    const block = (0,lora_layers/* blockOf */.VN)(name.replace(/\.(?:weight|bias)$/, ''));
    return block ? { series: block.series, key: `${block.series}|${block.index}` } : { series: null, key: '|' };
}
/**
 * A link between blocks of one series name keeps the block index: a LoRA module patches the block of the same
 * number in every naming that numbers them alike. Across series names (another layout), the engine's alignment
 * decides.
 */
function keepsBlock(a, b) {
    const names = [...a, ...b];
    const series = new Set(names.map(seriesOf));
    if (series.size > 1)
        return true;
    return new Set(names.map(lora_layers/* blockIndex */.A0)).size === 1;
}

// EXTERNAL MODULE: ./src/lora/base-index.ts
var base_index = __webpack_require__(7122);
// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
// EXTERNAL MODULE: ./src/util/shape.ts
var util_shape = __webpack_require__(6069);
// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/lora/correspondence.ts
/**
 * The one question LoRA resolution asks of a base: which base tensor(s) does each tensor a LoRA implies correspond
 * to. The answer has the shape of the correspondence engine's (`correspond(a, b, { partial: 'a' })`: links of kind
 * rename / reshape / split / fuse / reorder with row ranges, confidence, evidence and ambiguity), so the resolver
 * and convert read links and nothing else. `correspondImplied` is the single seam between LoRA resolution and the
 * engine.
 */





// One evidence item per kind, shared by every name link (read-only: frozen).
const SAME_NAME = Object.freeze({ kind: 'same-name' });
const SAME_TOKENS = Object.freeze({ kind: 'same-tokens' });
/** The spec name of a base entry's weight (or bare parameter) or bias, relative to its component. */
function nameOf(entry, leaf) {
    if (leaf === 'bias')
        return `${entry.path}.bias`;
    return entry.isParam ? entry.path : `${entry.path}.weight`;
}
/** `x.weight` / `x.bias` -> the path and leaf; anything else is a bare parameter. */
function split(name) {
    if (name.endsWith('.weight'))
        return { path: name.slice(0, -'.weight'.length), leaf: 'weight' };
    if (name.endsWith('.bias'))
        return { path: name.slice(0, -'.bias'.length), leaf: 'bias' };
    return { path: name, leaf: 'param' };
}
/**
 * The base entries a path names: its own dotted name, else every entry of its underscore form. For a bias, only
 * entries that have one.
 */
function hitsOf(path, dotted, space, bias) {
    if (dotted) {
        const own = space.dotted.get(path);
        if (own)
            return bias && own.bias === undefined ? [] : [own];
    }
    const under = space.underscore.get((0,adapters/* kohyaForm */.PP)(path));
    if (!under)
        return [];
    return bias ? under.filter((e) => e.bias !== undefined) : under;
}
/** Among several hits, the one whose shape fits (same shape, else same element count), else the first. */
function choose(hits, shape, bias) {
    if (hits.length === 1)
        return hits[0];
    const shapeOf = (e) => (bias ? (e.bias?.shape ?? []) : e.shape);
    return (hits.find((e) => (0,util_shape/* sameShape */._)(shapeOf(e), shape)) ??
        hits.find((e) => (0,numel/* numel */.u)(shapeOf(e)) === (0,numel/* numel */.u)(shape)) ??
        hits[0]);
}
/**
 * Correspond the tensors a LoRA implies (names in the LoRA's naming after its prefix and adapter suffix, shapes
 * from its factors) with one component of a base (names without the component prefix). A is partial: base tensors
 * without counterpart are expected.
 */
function correspondImplied(a, b, prebuilt) {
    const space = prebuilt ?? (0,base_index/* spaceFromSpecs */.P)(b);
    const links = [];
    const unmatchedA = [];
    const used = new Set();
    // Per implied tensor (a few thousand): no closures or wrapper objects on the one-hit path.
    for (const spec of a) {
        const { path, leaf } = split(spec.name);
        const dotted = path.includes('.');
        const bias = leaf === 'bias';
        const hits = hitsOf(path, dotted, space, bias);
        if (hits.length === 0) {
            unmatchedA.push(spec.name);
            continue;
        }
        const hit = choose(hits, spec.shape, bias);
        const key = nameOf(hit, leaf);
        const baseShape = bias ? hit.bias.shape : hit.shape;
        const reshape = !(0,util_shape/* sameShape */._)(baseShape, spec.shape) && (0,numel/* numel */.u)(baseShape) === (0,numel/* numel */.u)(spec.shape);
        const link = {
            kind: reshape && baseShape.length !== spec.shape.length ? 'reshape' : 'rename',
            a: [spec.name],
            b: [key],
            confidence: 'high',
            evidence: [dotted && space.dotted.has(path) ? SAME_NAME : SAME_TOKENS]
        };
        if (hits.length > 1) {
            const others = [];
            for (const h of hits)
                if (h !== hit)
                    others.push(nameOf(h, leaf));
            if (others.length > 0)
                link.alternatives = others;
        }
        links.push(link);
        used.add(key);
    }
    // Everything else is the engine's (structure, roles, shapes: other series names, whole fused groups, and the
    // parts of a fused projection a LoRA trains only in part, each on its equal share of the rows).
    const linked = new Set();
    const left = new Set(unmatchedA);
    const engine = viaEngine(a.filter((t) => left.has(t.name)), b.filter((t) => !used.has(t.name)));
    for (const l of engine) {
        links.push(l);
        for (const k of l.a)
            linked.add(k);
        for (const k of l.b)
            used.add(k);
    }
    return {
        links,
        unmatched: {
            a: unmatchedA.filter((n) => !linked.has(n)),
            b: b.map((s) => s.name).filter((n) => !used.has(n))
        }
    };
}


/***/ }),

/***/ 1512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ impliedTensors),
/* harmony export */   mU: () => (/* binding */ impliedWeightShape)
/* harmony export */ });
/* unused harmony exports biasOnly, patchesParameter */
/* harmony import */ var _util_numel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2009);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7648);
/**
 * The base tensors a LoRA module implies, as tensor specs in the LoRA's own naming: `<path>.weight` with the shape
 * [out, in(, kh, kw)] its factors multiply to (up rows x down columns for LoRA), `<path>.bias` when it carries a bias
 * delta, the bare parameter for a modulation delta. These are what the correspondence engine matches against the
 * base: the resolver never looks a name up itself.
 */


function shapeOf(m, role) {
    return m.tensors.find((t) => t.role === role)?.tensor.shape;
}
/** The weight shape a module's factors give, or [] when they do not say (IA3 vectors, OFT, unknown tensors). */
function impliedWeightShape(m) {
    switch (m.algorithm) {
        case 'lora': {
            const down = shapeOf(m, 'down');
            const up = shapeOf(m, 'up');
            const blocks = m.tensors.filter((t) => t.role === 'up-block');
            if (!down || down.length < 2)
                return [];
            const out = blocks.length > 0 ? blocks.reduce((s, b) => s + (b.tensor.shape[0] ?? 0), 0) : up?.[0];
            if (out === undefined)
                return [];
            // With a Tucker mid the kernel lives in mid ([r, r, kh, kw]); down is [r, in, 1, 1].
            const mid = shapeOf(m, 'mid');
            return mid ? [out, down[1], ...mid.slice(2)] : [out, ...down.slice(1)];
        }
        case 'loha': {
            const w1a = shapeOf(m, 'hada_w1_a');
            const w1b = shapeOf(m, 'hada_w1_b');
            if (!w1a || !w1b)
                return [];
            return shapeOf(m, 'hada_t1') ? [w1a[1] ?? 0, w1b[1] ?? 0] : [w1a[0] ?? 0, (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(w1b.slice(1))];
        }
        case 'lokr': {
            const dims = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .lokrFactorDims */ .l)(m);
            return dims ? [dims.a * dims.b, dims.c * dims.d] : [];
        }
        case 'full': {
            const diff = shapeOf(m, 'diff') ?? shapeOf(m, 'diff-modulation') ?? shapeOf(m, 'set-weight');
            return diff ? [...diff] : [];
        }
        case 'norm': {
            const w = shapeOf(m, 'norm-weight');
            return w ? [...w] : [];
        }
        default:
            return [];
    }
}
/** True when the module patches only a bias (a lone `.diff_b`). */
function biasOnly(m) {
    return m.tensors.length > 0 && m.tensors.every((t) => t.role === 'diff-bias');
}
/** True when the module patches a bare parameter (`blocks.N.modulation` from a lightx2v `diff_m`). */
function patchesParameter(m) {
    return m.tensors.some((t) => t.role === 'diff-modulation');
}
/** The tensors one module implies, named in the LoRA's naming (its path, kohya underscores kept). */
function impliedTensors(m) {
    const out = {};
    if (!biasOnly(m)) {
        out.weight = {
            name: patchesParameter(m) ? m.path : `${m.path}.weight`,
            shape: impliedWeightShape(m)
        };
    }
    const diffB = shapeOf(m, 'diff-bias');
    if (diffB)
        out.bias = { name: `${m.path}.bias`, shape: [...diffB] };
    return out;
}


/***/ }),

/***/ 6414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nF: () => (/* reexport safe */ _names_adapters_js__WEBPACK_IMPORTED_MODULE_1__.nF),
/* harmony export */   r1: () => (/* binding */ parseStem),
/* harmony export */   tp: () => (/* binding */ algorithmOfRole)
/* harmony export */ });
/* harmony import */ var _names_prefixes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9334);
/* harmony import */ var _names_adapters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7906);
/**
 * Reading one LoRA tensor key: which module it belongs to (its stem, prefix and naming convention). Which adapter
 * tensor it is (its suffix) is read by src/names/adapters.ts, the one reading of adapter tensor names.
 * Facts from docs/reference/key-formats.md §2.5 and §3; nothing here looks at shapes.
 */



/** The naming convention, component and module path of a stem. */
function parseStem(stem, suffix) {
    if (stem.startsWith(_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .LONGCAT_PREFIX */ .Wr)) {
        const path = stem.slice(_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .LONGCAT_PREFIX */ .Wr.length).split(_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .LONGCAT_HYPHEN */ .EE).join('.');
        return {
            naming: 'longcat',
            component: 'denoiser',
            textEncoder: 0,
            prefix: _names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .LONGCAT_PREFIX */ .Wr,
            path,
            pathForm: 'dotted'
        };
    }
    for (const rule of _names_prefixes_js__WEBPACK_IMPORTED_MODULE_0__/* .ADAPTER_PREFIXES */ .de) {
        if (!stem.startsWith(rule.prefix) || stem.length === rule.prefix.length)
            continue;
        let path = stem.slice(rule.prefix.length);
        let naming = rule.naming;
        if (suffix.legacy) {
            naming = 'diffusers-legacy';
            path = (0,_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .fromProcessorPath */ .sD)(path);
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
        path: suffix.legacy ? (0,_names_adapters_js__WEBPACK_IMPORTED_MODULE_1__/* .fromProcessorPath */ .sD)(stem) : stem,
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
    if (role === 'oft' || role === 'oft-rescale')
        return 'oft';
    if (role === 'norm-weight' || role === 'norm-bias')
        return 'norm';
    return null;
}


/***/ }),

/***/ 5121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ causeKey)
/* harmony export */ });
/**
 * Why a module does not load (or loads with a remark), and the file-level cause it is counted under, as data. The
 * resolver decides the kind once, from what it found; src/report/lora-reasons.ts words every kind. Nothing reads a
 * sentence back: grouping, counting and the convert plan look at `kind` and the fields.
 */
/** A stable key of a cause, for grouping (field order is fixed by the constructors above). */
function causeKey(c) {
    return JSON.stringify(c);
}


/***/ }),

/***/ 6924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ resolveLora)
});

// UNUSED EXPORTS: resolveLoraLazily

// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
// EXTERNAL MODULE: ./src/lora/base-index.ts
var base_index = __webpack_require__(7122);
// EXTERNAL MODULE: ./src/lora/correspondence.ts + 1 modules
var correspondence = __webpack_require__(1238);
// EXTERNAL MODULE: ./src/lora/implied.ts
var lora_implied = __webpack_require__(1512);
// EXTERNAL MODULE: ./src/names/families.ts + 3 modules
var families = __webpack_require__(9444);
// EXTERNAL MODULE: ./src/names/model-parts.ts
var model_parts = __webpack_require__(3154);
// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
;// CONCATENATED MODULE: ./src/lora/why.ts
/**
 * Why a module does not load, and the file-level cause it is counted under, decided from what the resolution found
 * (src/lora/reasons.ts types; the words are in src/report/lora-reasons.ts).
 */



/** Naming variants of one architecture (original vs diffusers names) share an architecture. */
function architectureOf(family) {
    return (0,families/* familyArchitecture */.G$)(family);
}
/** Why a module has no link, most specific first. */
function unresolvedWhy(m, space, index, loraFamily) {
    if (m.component === 'text-encoder')
        return {
            kind: 'no-text-encoder',
            textEncoder: m.textEncoder,
            prefix: m.prefix,
            present: [...index.textEncoders.keys()]
        };
    if (!space)
        return { kind: 'no-denoiser' };
    // A block past the base's depth says more than the family does (a LongCat LoRA on a two-block Wan base).
    const block = (0,lora_layers/* blockOf */.VN)(m.path);
    if (block) {
        const max = space.blockMax.get(block.series);
        if (max !== undefined && block.index > max)
            return { kind: 'beyond-depth', series: block.series, index: block.index, max };
    }
    if (loraFamily && index.family && architectureOf(loraFamily) !== architectureOf(index.family))
        return { kind: 'other-architecture', lora: loraFamily, base: index.family };
    if ((0,model_parts/* isImageBranchPath */.Fo)(m.path) && !index.hasImageBranch)
        return { kind: 'image-branch' };
    return { kind: 'no-base-key', path: m.path, underscore: m.pathForm === 'underscore' };
}
/**
 * The text-context width of a UNet's cross-attention (attn2.to_k in-dim): what tells SD1.x (768), SD2.x (1024) and
 * SDXL (2048) apart, where the hidden width says nothing (every UNet has 320/640/1280 levels).
 */
function contextWidths(analysis, base) {
    const unet = families/* isUnetFamily */.JT;
    if (!unet(analysis.family) || !unet(base.family))
        return null;
    const loraIn = (0,lora_layers/* mode */.Mq)(analysis.modules
        .filter((m) => families/* CROSS_K */.lg.test(m.path))
        .map((m) => m.tensors.find((t) => t.role === 'down')?.tensor.shape[1] ?? 0));
    const baseIn = (0,lora_layers/* mode */.Mq)(base.denoiser.entries.filter((e) => families/* CROSS_K */.lg.test(e.path)).map((e) => e.shape[1] ?? 0));
    return loraIn && baseIn && loraIn !== baseIn ? { lora: loraIn, base: baseIn } : null;
}
function causeOf(r, v, analysis, base, context) {
    if (r.status === 'shape-mismatch') {
        if (context)
            return { kind: 'text-context', lora: context.lora, base: context.base };
        if (analysis.width !== null && base.width !== null && analysis.width !== base.width) {
            return {
                kind: 'other-size',
                lora: (0,lora_layers/* sizeLabel */.Qw)(analysis.family ?? base.family, analysis.width),
                base: (0,lora_layers/* sizeLabel */.Qw)(base.family, base.width),
                loraWidth: analysis.width,
                baseWidth: base.width
            };
        }
        if (v?.loraIn !== undefined && v.baseIn !== undefined && v.loraIn !== v.baseIn)
            return { kind: 'in-dim' };
        return { kind: 'shape' };
    }
    // A UNet LoRA of another text context (SD1.x on SDXL) does not correspond to the base's layers at all: that
    // width is why, more than the names.
    if (context && r.status === 'unresolved' && r.why?.kind === 'no-base-key')
        return { kind: 'text-context', lora: context.lora, base: context.base };
    switch (r.why?.kind) {
        case 'unsupported-adapter':
            return { kind: 'unsupported-adapter' };
        case 'no-text-encoder':
            return { kind: 'text-encoder' };
        case 'image-branch':
            return { kind: 'image-branch' };
        case 'beyond-depth':
            return { kind: 'beyond-depth', series: r.why.series, max: r.why.max };
        case 'other-architecture':
            return {
                kind: 'other-architecture',
                lora: (0,lora_layers/* familyDisplayName */.gK)(analysis.family ?? '?'),
                base: (0,lora_layers/* familyDisplayName */.gK)(base.family ?? '?')
            };
        case 'no-bias':
            return { kind: 'no-bias' };
        case 'partial-split':
            return { kind: 'partial-split' };
        default:
            return { kind: 'names-not-found' };
    }
}

// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
// EXTERNAL MODULE: ./src/names/series.ts
var series = __webpack_require__(1203);
;// CONCATENATED MODULE: ./src/lora/nearest.ts



const MAX_NEAREST = 3;
function tokens(path) {
    return path.split(/[._]/).filter((t) => t.length > 0);
}
/** A block index after a container named with a series word (`double_blocks.3`, T5 `block_3`), dotted or kohya. */
const SERIES_INDEX = new RegExp(`((?:^|[._])(?:${series/* SERIES_LAST_WORDS */.j6.join('|')})[._])\\d+(?=[._]|$)`, 'g');
/** The path with its block index replaced by `#` (other numbers, like `ffn.2`, name the layer and stay). */
function pattern(path) {
    return path.replace(SERIES_INDEX, '$1#');
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
/** The block index of a path: the one reading of block series (src/names/series.ts via layers.ts). */
const blockIndexOf = lora_layers/* blockIndex */.A0;
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

// EXTERNAL MODULE: ./src/lora/reasons.ts
var reasons = __webpack_require__(5121);
// EXTERNAL MODULE: ./src/lora/shapes.ts
var shapes = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/lora/resolve.ts









function specsOf(space) {
    const specs = [];
    const base = new Map();
    for (const e of space.entries) {
        const name = e.isParam ? e.path : `${e.path}.weight`;
        specs.push({ name, shape: e.shape });
        base.set(name, { key: e.key, shape: e.shape, entry: e, tensor: 'weight' });
        if (e.bias) {
            specs.push({ name: `${e.path}.bias`, shape: e.bias.shape });
            base.set(`${e.path}.bias`, { key: e.bias.key, shape: e.bias.shape, entry: e, tensor: 'bias' });
        }
    }
    return { specs, base };
}
function spaceOf(m, index) {
    const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser;
    return space && space.entries.length > 0 ? space : undefined;
}
function correspondSpace(space, modules, impliedOf) {
    const { specs, base } = specsOf(space);
    const implied = new Map();
    for (const m of modules) {
        const t = impliedOf(m);
        if (t.weight && !implied.has(t.weight.name))
            implied.set(t.weight.name, t.weight);
        if (t.bias && !implied.has(t.bias.name))
            implied.set(t.bias.name, t.bias);
    }
    const result = (0,correspondence/* correspondImplied */.C)([...implied.values()], specs, space);
    const byImplied = new Map();
    for (const link of result.links)
        for (const a of link.a)
            byImplied.set(a, link);
    return { space, base, byImplied };
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
function linkSummary(link) {
    const s = { kind: link.kind, confidence: link.confidence, evidence: link.evidence };
    if (link.ambiguity)
        s.ambiguity = link.ambiguity;
    if (link.order)
        s.order = [...link.order];
    return s;
}
/** A display label of how a link was found (kept for `target.via`). */
function viaOf(link, m) {
    for (const e of link.evidence) {
        if (e.kind === 'engine')
            return `correspondence engine (${e.link})`;
    }
    if (link.evidence.some((e) => e.kind === 'same-name'))
        return 'exact';
    return m.pathForm === 'underscore' ? 'underscore' : 'underscore form';
}
/** The base targets a module's weight link gives: one (rename, fuse, reorder) or several (split). */
function weightTargets(link, impliedName, links, via) {
    const out = [];
    if (link.kind === 'split') {
        link.b.forEach((b, i) => {
            const base = links.base.get(b);
            const rows = link.rows?.[i];
            if (!base || !rows)
                return;
            out.push({
                target: { key: base.key, shape: base.shape, via, rows: { start: rows.start, end: rows.end } },
                entry: base.entry
            });
        });
        return out;
    }
    const base = links.base.get(link.b[0]);
    if (!base)
        return out;
    const t = { key: base.key, shape: base.shape, via };
    if (link.kind === 'fuse') {
        const at = link.a.indexOf(impliedName);
        const rows = link.rows?.[at];
        if (rows)
            t.slice = { offset: rows.start, size: rows.end - rows.start };
    }
    out.push({ target: t, entry: base.entry });
    return out;
}
function resolveModule(m, implied, links, index, analysis) {
    const r = { stem: m.stem, path: m.path, status: 'unresolved', shapes: shapesOf(m) };
    const space = links?.space;
    const weightLink = implied.weight ? links?.byImplied.get(implied.weight.name) : undefined;
    const biasLink = implied.bias ? links?.byImplied.get(implied.bias.name) : undefined;
    const biasBase = biasLink ? links.base.get(biasLink.b[0]) : undefined;
    // Every base bias a `.diff_b` patches: one, the rows of a fused bias, or the parts of a split.
    const biasFound = biasLink && implied.bias ? weightTargets(biasLink, implied.bias.name, links, viaOf(biasLink, m)) : [];
    if (!implied.weight) {
        // A bias-only delta: the bias its module has, or why not.
        if (biasLink && biasBase) {
            const via = viaOf(biasLink, m);
            r.status = 'ok';
            r.target = { key: biasBase.key, shape: biasBase.shape, via, tensor: 'bias' };
            r.targets = [r.target];
            r.link = linkSummary(biasLink);
            return { r, v: { ok: true } };
        }
        const weight = space?.dotted.get(m.path) ?? space?.underscore.get((0,adapters/* kohyaForm */.PP)(m.path))?.[0];
        r.why = weight
            ? { kind: 'no-bias', module: weight.path }
            : unresolvedWhy(m, space, index, analysis.family);
        return { r, v: null };
    }
    if (!weightLink || !links) {
        r.why = unresolvedWhy(m, space, index, analysis.family);
        return { r, v: null };
    }
    const via = viaOf(weightLink, m);
    const found = weightTargets(weightLink, implied.weight.name, links, via);
    if (found.length === 0) {
        r.why = unresolvedWhy(m, space, index, analysis.family);
        return { r, v: null };
    }
    r.link = linkSummary(weightLink);
    if (weightLink.alternatives && weightLink.alternatives.length > 0)
        r.ambiguous = weightLink.alternatives.map((b) => links.base.get(b)?.key ?? b);
    r.target = found[0].target;
    r.targets = found.map((f) => f.target);
    for (const b of biasFound)
        r.targets.push({ ...b.target, tensor: 'bias' });
    // Rows the split leaves without a counterpart: a loader would miss them, a conversion would lose them.
    if (weightLink.kind === 'split') {
        const out = implied.weight.shape[0] ?? 0;
        const covered = (weightLink.rows ?? []).reduce((n, x) => n + (x.end - x.start), 0);
        if (covered !== out) {
            const missing = [];
            let at = 0;
            for (const x of [...(weightLink.rows ?? [])].sort((p, q) => p.start - q.start)) {
                if (x.start > at)
                    missing.push({ start: at, end: x.start });
                at = Math.max(at, x.end);
            }
            if (at < out)
                missing.push({ start: at, end: out });
            r.why = { kind: 'partial-split', path: m.path, missing };
            return { r, v: null };
        }
    }
    const bias = implied.bias
        ? biasFound.length > 0
            ? { rows: biasFound.reduce((n, b) => n + targetRows(b.target), 0) }
            : null
        : undefined;
    return settle(m, r, found, implied.weight.shape, bias);
}
/** The rows of a base tensor a target patches: its row range, its slice, or the whole tensor. */
function targetRows(t) {
    if (t.rows)
        return t.rows.end - t.rows.start;
    if (t.slice)
        return t.slice.size;
    return t.shape[0] ?? 0;
}
/** Shape checks of every target; the status and the remark or reason. */
function settle(m, r, found, impliedShape, bias) {
    let verdict;
    if (found.length === 1) {
        const { target, entry } = found[0];
        verdict = (0,shapes/* checkModuleShapes */.B)(m, entry, target.slice, bias);
    }
    else {
        // A split: the module's rows are the parts' rows stacked; every part takes the module's input.
        const inDim = impliedShape.slice(1).reduce((p, d) => p * d, 1);
        const problems = [];
        for (const { target, entry } of found) {
            const rows = target.rows;
            const baseIn = entry.shape.slice(1).reduce((p, d) => p * d, 1);
            if (rows.end - rows.start !== entry.shape[0] || baseIn !== inDim)
                problems.push(`rows ${rows.start}-${rows.end - 1} x in ${inDim} vs ${entry.key} ${JSON.stringify(entry.shape)}`);
        }
        const first = found[0];
        const whole = {
            ...first.entry,
            shape: [found.reduce((n, f) => n + (f.target.rows.end - f.target.rows.start), 0), inDim]
        };
        delete whole.bias;
        const own = (0,shapes/* checkModuleShapes */.B)(m, whole, undefined, bias ?? null);
        verdict = problems.length === 0 ? own : { ok: false, expected: problems.join('; ') };
    }
    if (m.algorithm === 'unknown') {
        r.status = 'unsupported';
        r.why = { kind: 'unsupported-adapter' };
        return { r, v: verdict };
    }
    if (m.algorithm === 'glora' || m.algorithm === 'oft') {
        r.status = 'ok';
        r.why = { kind: 'shapes-unchecked', algorithm: m.algorithm };
        return { r, v: verdict };
    }
    if (verdict.ok) {
        r.status = 'ok';
        if (m.algorithm === 'ia3')
            r.why = { kind: 'ia3-not-in-comfyui' };
        if (verdict.note)
            r.why = { kind: 'shape-note', note: verdict.note };
        return { r, v: verdict };
    }
    r.status = 'shape-mismatch';
    r.expected = verdict.expected ?? 'shapes differ';
    const t = r.target;
    r.why = { kind: 'shape-mismatch', key: t.key, shape: t.shape, expected: r.expected };
    if (t.slice)
        r.why.slice = t.slice;
    return { r, v: verdict };
}
/** Resolve every module of an analysed LoRA against a base checkpoint (or a prebuilt index of one). */
function resolveLora(analysis, base, opts = {}) {
    const index = 'tensors' in base ? (0,base_index/* buildBaseIndex */.u)(base) : base;
    const bySpace = new Map();
    for (const m of analysis.modules) {
        const space = spaceOf(m, index);
        if (!space)
            continue;
        const list = bySpace.get(space);
        if (list)
            list.push(m);
        else
            bySpace.set(space, [m]);
    }
    // Each module's implied tensors, worked out once: the correspondence and the module's own resolution read them.
    const implied = new Map();
    const impliedOf = (m) => {
        let t = implied.get(m);
        if (t === undefined)
            implied.set(m, (t = (0,lora_implied/* impliedTensors */.RT)(m)));
        return t;
    };
    const links = new Map();
    for (const [space, modules] of bySpace)
        links.set(space, correspondSpace(space, modules, impliedOf));
    const linksOf = (m) => {
        const s = spaceOf(m, index);
        return s ? links.get(s) : undefined;
    };
    const outcomes = analysis.modules.map((m) => resolveModule(m, impliedOf(m), linksOf(m), index, analysis));
    return finishResolution(analysis, index, outcomes, opts);
}
/** `resolveLora` behind a promise, for callers written against the earlier two-phase API. */
async function resolveLoraLazily(analysis, base, opts = {}) {
    return resolveLora(analysis, base, opts);
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
            const why = causeOf(r, v, analysis, index, context);
            r.causeWhy = why;
            const key = (0,reasons/* causeKey */.r)(why);
            const c = causes.get(key);
            if (c)
                c.modules++;
            else
                causes.set(key, { why, modules: 1 });
            const space = spaceOf(m, index);
            if (r.status === 'unresolved' && space && nearestGiven < maxNearest) {
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
            .sort((a, b) => b[1].modules - a[1].modules || (0,order/* byCodeUnit */.X)(a[0], b[0]))
            .map(([, c]) => ({ why: c.why, modules: c.modules })),
        results
    };
}


/***/ }),

/***/ 7648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ checkModuleShapes),
/* harmony export */   l: () => (/* binding */ lokrFactorDims)
/* harmony export */ });
/* harmony import */ var _util_numel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2009);
/* harmony import */ var _names_adapters_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7906);
/**
 * Shape checks of one LoRA module against the base tensor it targets, per algorithm: what a loader would reject
 * with "shape '[out, in]' is invalid for input of size N" or a size-mismatch error, said before loading.
 * Notation: base weight W [out, in, ...kernel]; LoRA down/A [r, in(, kh, kw)], up/B [out, r(, 1, 1)].
 */


function get(m, role) {
    return m.tensors.find((t) => t.role === role)?.tensor.shape;
}
function fmt(shape) {
    return `[${shape.join(', ')}]`;
}
/** An adapter tensor's name in a message: its suffix without the dot (`.diff_b` -> `diff_b`). */
function leaf(suffix) {
    return suffix.slice(1);
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
    const loraIn = mid ? (down[1] ?? 0) : (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(down.slice(1));
    const baseIn = mid ? (W[1] ?? 0) : inFlat;
    const loraOut = blocks.length > 0 ? blocks.reduce((s, b) => s + (b[0] ?? 0), 0) : (up[0] ?? 0);
    const extra = [];
    const bias = get(m, 'up-bias');
    if (bias && bias[0] !== out)
        extra.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.peftBBias)} ${fmt(bias)} vs out ${out}`);
    const dora = get(m, 'dora-scale');
    if (dora && !(dora[0] === out || (dora[0] === 1 && dora[1] === W[1]))) {
        extra.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.doraScale)} ${fmt(dora)} fits neither [${out}, 1] nor [1, ${W[1]}]`);
    }
    const mag = get(m, 'magnitude');
    if (mag && mag[0] !== out)
        extra.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.magnitude)} ${fmt(mag)} vs out ${out}`);
    const diffB = get(m, 'diff-bias');
    if (diffB && diffB[0] !== out)
        extra.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.diffBias)} ${fmt(diffB)} vs out ${out}`);
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
    const loraIn = tucker ? (w1b[1] ?? 0) : (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(w1b.slice(1));
    const out2 = tucker ? (w2a[1] ?? 0) : (w2a[0] ?? 0);
    const in2 = tucker ? (w2b[1] ?? 0) : (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(w2b.slice(1));
    const extra = out2 !== loraOut || in2 !== loraIn ? [`hada_w2 [${out2}, ${in2}] differs from hada_w1`] : [];
    return verdict(loraIn, loraOut, tucker ? (W[1] ?? 0) : inFlat, out, extra);
}
/**
 * A LoKr module's Kronecker factor sizes: the delta is kron(w1 [a, c], w2 [b, d]), so it is [a*b, c*d] with the
 * kernel folded into d. Each factor is whole (`lokr_w1`) or low-rank (`_a`, `_b`); w2 may be Tucker (w2_a [r, b],
 * w2_b [r, d], t2 [r, r, kh, kw]). Undefined when a factor is missing.
 */
function lokrFactorDims(m) {
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
        d = (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(w2.slice(1));
    }
    else if (t2 && w2a && w2b) {
        b = w2a[1];
        d = (w2b[1] ?? 0) * (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(t2.slice(2));
    }
    else if (w2a && w2b) {
        b = w2a[0];
        d = (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(w2b.slice(1));
    }
    if (a === undefined || b === undefined || c === undefined || d === undefined)
        return undefined;
    return { a, b, c, d };
}
function checkLokr(m, out, inFlat) {
    const dims = lokrFactorDims(m);
    if (!dims)
        return { ok: false, expected: 'incomplete LoKr module (lokr_w1 / lokr_w2 factors)' };
    return verdict(dims.c * dims.d, dims.a * dims.b, inFlat, out);
}
function checkFull(m, entry, slice, bias) {
    const problems = [];
    // The rows the module patches: a slice of a fused base weight, or the whole weight.
    const expected = slice ? [slice.size, ...entry.shape.slice(1)] : entry.shape;
    const diff = get(m, 'diff') ?? get(m, 'diff-modulation') ?? get(m, 'set-weight');
    if (diff && fmt(diff) !== fmt(expected))
        problems.push(slice
            ? `diff ${fmt(diff)} vs rows ${slice.offset}-${slice.offset + slice.size - 1} of base ${fmt(entry.shape)}`
            : `diff ${fmt(diff)} vs base ${fmt(entry.shape)}`);
    const diffB = get(m, 'diff-bias');
    if (diffB) {
        // Without the resolution's word, the entry's own bias (its slice's rows of it).
        const rows = bias !== undefined
            ? (bias?.rows ?? undefined)
            : entry.bias
                ? slice
                    ? slice.size
                    : (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(entry.bias.shape)
                : undefined;
        if (rows === undefined)
            problems.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.diffBias)} but the base module has no bias`);
        else if (diffB.length !== 1 || diffB[0] !== rows)
            problems.push(`${leaf(_names_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .SUFFIX */ .Er.diffBias)} ${fmt(diffB)} vs base bias [${rows}]`);
    }
    return problems.length === 0 ? { ok: true } : { ok: false, expected: problems.join('; ') };
}
/**
 * Check a module's tensor shapes against the base tensor (or the rows `slice` of it) it targets. `bias`: the base
 * bias rows the resolution found for a `.diff_b` (when absent, the entry's own bias).
 */
function checkModuleShapes(m, entry, slice, bias) {
    const W = entry.shape;
    const out = slice ? slice.size : (W[0] ?? 0);
    const inFlat = (0,_util_numel_js__WEBPACK_IMPORTED_MODULE_1__/* .numel */ .u)(W.slice(1));
    // A matrix stored as a bare parameter named `..._weight` (open_clip's `attn.in_proj_weight`) is a weight all the same.
    const matrix = W.length >= 2 && /(?:^|[._])(?:\w+_)?weight$/.test(entry.path);
    if (entry.isParam && !matrix && m.algorithm !== 'full') {
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
            return checkFull(m, entry, slice, bias);
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