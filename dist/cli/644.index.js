"use strict";
exports.id = 644;
exports.ids = [644];
exports.modules = {

/***/ 9027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KM: () => (/* reexport */ analyzeStructure),
  ph: () => (/* reexport */ adapters/* isAdapterKey */.ph),
  G1: () => (/* reexport */ structureEssentials)
});

// UNUSED EXPORTS: BLOCK_CONTAINER_NAMES, KNOWN_PREFIXES, STRUCTURE_SCHEMA_VERSION, attentionModulesOf, findAttentionModules, findFfnModules, identifyFamilies, isIndexSegment, keyRoles, locateInBlocks, nameTokens, splitBlockKey, splitLeaf, stripKnownPrefix

// EXTERNAL MODULE: ./src/names/roles.ts
var roles = __webpack_require__(2381);
// EXTERNAL MODULE: ./src/names/index.ts + 1 modules
var names = __webpack_require__(1907);
// EXTERNAL MODULE: ./src/names/tokens.ts
var tokens = __webpack_require__(2432);
// EXTERNAL MODULE: ./src/names/series.ts
var series = __webpack_require__(1203);
// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/analysis/keys.ts
/**
 * Name-level helpers shared by the analysis and its consumers (compare, LoRA): wrapper prefixes, block splitting,
 * key roles and parameter categories. They look at names only; shapes are the caller's business.
 */



/** Block containers and wrapper prefixes: the one list of each, in src/names. */

/** The longest index a segment may have to count as a number (longer digit runs are names, and stay bounded). */
const MAX_INDEX_DIGITS = 9;
function keys_isIndexSegment(segment) {
    const n = segment.length;
    if (n === 0 || n > MAX_INDEX_DIGITS)
        return false;
    // ModuleList indices never have leading zeros; `01` is a name (and would collide with `1`).
    if (n > 1 && segment.charCodeAt(0) === 48)
        return false;
    for (let i = 0; i < n; i++) {
        const c = segment.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return true;
}
/**
 * Strips known wrapper prefixes, repeatedly (`module._orig_mod.blocks.0...` -> `blocks.0...`), through the one
 * prefix reader (src/names/prefixes.ts). Returns the removed prefix ('' if none) and the rest.
 */
function keys_stripKnownPrefix(name) {
    const { key, stripped } = normalizeKey(name);
    return { prefix: stripped, rest: key };
}
/**
 * Splits a key at its outermost block index: `diffusion_model.blocks.3.self_attn.q.weight` -> family `blocks`,
 * index 3, rest `self_attn.q.weight`. A numbered child is a block when its container is a known block container
 * (`blocks`, `layers`, `transformer_blocks`, ...) or when the child holds named sub-modules (`foo.2.attn.q.weight`),
 * not when it is a plain Sequential layer (`ffn.0.weight`, `time_embedding.2.bias`). Also understands kohya-style
 * underscore keys (`lora_unet_blocks_0_self_attn_q.lora_down.weight`) for the known container names. Returns null
 * for keys outside any block. Use the families of `analyzeStructure` for the model-wide view (nested families,
 * containers recognised because they repeat).
 */
function splitBlockKey(name) {
    const { prefix, rest: stripped } = keys_stripKnownPrefix(name);
    const segs = stripped.split('.');
    for (let j = 1; j < segs.length - 1; j++) {
        if (!keys_isIndexSegment(segs[j]) || keys_isIndexSegment(segs[j - 1]))
            continue;
        const tail = segs.slice(j + 1);
        if (BLOCK_CONTAINER_NAMES.has(segs[j - 1]) || hasNamedInterior(tail)) {
            return {
                prefix,
                family: segs.slice(0, j).join('.'),
                index: Number(segs[j]),
                rest: tail.join('.'),
                separator: '.'
            };
        }
    }
    const head = segs[0];
    const m = SERIES_IN_KOHYA_SEGMENT.exec(head);
    if (m) {
        const start = m.index + (m[0].startsWith('_') ? 1 : 0);
        return {
            prefix: prefix + head.slice(0, start),
            family: m[1],
            index: Number(m[2]),
            rest: [m[3], ...segs.slice(1)].join('.'),
            separator: '_'
        };
    }
    return null;
}
/**
 * True when a path below an index (`segs` from `from` on) has a named (non-numeric) module before its leaf:
 * `attn.q.weight`, `proj.weight`.
 */
function hasNamedInterior(segs, from = 0) {
    for (let i = from; i < segs.length - 1; i++)
        if (!keys_isIndexSegment(segs[i]))
            return true;
    return false;
}
/** Splits a name into lower-case word tokens at dots and underscores: `adaLN_modulation.1` -> adaln, modulation, 1. */
function nameTokens(name) {
    return name.toLowerCase().split(/[._]/);
}
/**
 * Roles a key carries from its name. `insideBlock` matters for embeddings: `txt_in.*` or `*_embedder.*` at the top
 * level are embeddings, a block's `proj_in` is not.
 */
function keyRoles(name, insideBlock) {
    // Roles never depend on index values, so blocks share one cached answer per template key.
    const cacheKey = (insideBlock ? 'b:' : 't:') + name.replace(INDEX_SEGMENTS, '.#');
    const cached = roleCache.get(cacheKey);
    if (cached)
        return cached;
    const roles = computeKeyRoles(name, insideBlock);
    if (roleCache.size >= ROLE_CACHE_LIMIT)
        roleCache.clear();
    roleCache.set(cacheKey, roles);
    return roles;
}
const INDEX_SEGMENTS = /\.\d+(?=\.|$)/g;
const ROLE_CACHE_LIMIT = 50000;
const roleCache = new Map();
/** A module path without its block containers and their indices (`blocks.0.attn.q` -> `attn.q`). */
function withoutContainers(path) {
    const segs = path.split('.');
    const kept = [];
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        if (keys_isIndexSegment(seg))
            continue;
        const numbered = i + 1 < segs.length && keys_isIndexSegment(segs[i + 1]);
        if (numbered && (0,series/* isBlockContainerName */.wK)(seg))
            continue;
        kept.push(seg);
    }
    return kept.join('.');
}
function computeKeyRoles(name, insideBlock) {
    const roles = [];
    let embedding = false;
    if (!insideBlock)
        for (const seg of name.split('.'))
            if ((0,names/* isEmbeddingName */.tm)(seg))
                embedding = true;
    // The shared role words (names/roles.ts) over the module path without its block containers: `down_blocks.0` or
    // `attentions.0` says nothing of what the layer inside is.
    const r = (0,names/* layerRole */.EY)(withoutContainers((0,names/* splitLeaf */.Hg)(name).layer));
    if (r.sublayer === 'attn' || r.sublayer === 'cross' || names/* ATTENTION_ROLES */.vM.has(r.role))
        roles.push('attention');
    if ((r.sublayer === 'ffn' || names/* FFN_ROLES */.Tc.has(r.role)) && !embedding)
        roles.push('feedforward');
    if (names/* NORM_ROLES */.Vc.has(r.role))
        roles.push('normalization');
    if (r.role === 'mod')
        roles.push('modulation');
    if (embedding)
        roles.push('embedding');
    return roles;
}
/** The module path and leaf name of a key: `blocks.0.self_attn.q.weight` -> `blocks.0.self_attn.q`, `weight`. */
function splitLeaf(name) {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? { module: '', leaf: name } : { module: name.slice(0, dot), leaf: name.slice(dot + 1) };
}
function isWeightLeaf(leaf) {
    return tokens/* WEIGHT_LEAVES */.a3.has(leaf);
}
function isBiasLeaf(leaf) {
    return tokens/* BIAS_LEAVES */.jz.has(leaf);
}
/** The one reading of adapter tensor names (src/names/adapters.ts). */


;// CONCATENATED MODULE: ./src/analysis/attention.ts
/**
 * Attention modules from names and shapes: which projections a module has (fused qkv, separate q/k/v, q plus fused
 * kv, or the unequal fused linear of Flux-style single blocks), self vs cross vs joint attention, q/k norms and
 * whether they are per head. Works on a block template (keys relative to the block) or on top-level keys.
 */


/**
 * The projection or q/k norm a layer name stands for, read with the shared role words (src/names/roles.ts): the
 * added (context) stream of joint attention gives `added_*`, an image branch of cross attention `k_img` / `v_img`.
 */
function partOf(name) {
    const p = (0,roles/* attentionPart */.aW)(name);
    if (!p)
        return null;
    const added = p.stream === 'context';
    // `k_img`: the image branch of a cross attention (the one-letter `x` of MMDiT streams is no image branch).
    const image = p.stream === 'main' && p.words.some((w) => roles/* IMAGE_WORDS */.m2.has(w));
    switch (p.part) {
        case 'q-norm':
            return added ? { norm: 'added_q_norm' } : { norm: 'q_norm' };
        case 'k-norm':
            return added ? { norm: 'added_k_norm' } : image ? { norm: 'k_img_norm' } : { norm: 'k_norm' };
        case 'o':
            return { role: added ? 'added_out' : 'out' };
        case 'q':
        case 'qkv':
            return { role: added ? `added_${p.part}` : p.part };
        case 'k':
        case 'v':
            return { role: added ? `added_${p.part}` : image ? `${p.part}_img` : p.part };
        case 'kv':
            return added || image ? null : { role: 'kv' };
    }
}
const UNDERSCORE_ATTN = /^(.*attn)_(.+)$/;
function joinPath(parts) {
    return parts.join('.');
}
/** Places one weight-like key in an attention container, or returns null. */
function classify(key) {
    const { module, leaf } = splitLeaf(key);
    if (leaf === 'in_proj_weight')
        return { container: module, role: 'qkv' };
    if (leaf !== 'weight' && leaf !== 'scale' && leaf !== 'weight_int8')
        return null;
    const segs = module.split('.');
    let last = segs[segs.length - 1];
    let parent = segs.slice(0, -1);
    if (/^\d+$/.test(last) && parent.length > 0 && parent[parent.length - 1] === 'to_out') {
        // diffusers `to_out.0` (Linear inside a ModuleList with a Dropout).
        last = 'to_out';
        parent = parent.slice(0, -1);
    }
    const lower = last.toLowerCase();
    const underscore = UNDERSCORE_ATTN.exec(lower);
    const fromName = (name, containerParts) => {
        const part = partOf(name);
        if (!part)
            return null;
        if ('role' in part)
            return { container: joinPath(containerParts), role: part.role };
        {
            const norm = part.norm;
            // Flux keeps its q/k norms under a QKNorm module: img_attn.norm.query_norm.scale.
            const parts = containerParts[containerParts.length - 1] === 'norm' ? containerParts.slice(0, -1) : containerParts;
            return { container: joinPath(parts), norm };
        }
        return null;
    };
    if (underscore) {
        // HunyuanVideo / GGUF style: img_attn_qkv, img_attn_q_norm, attn_q, attn_output.
        const sub = underscore[2];
        const containerParts = [...parent, last.slice(0, underscore[1].length)];
        return fromName(sub, containerParts);
    }
    return fromName(lower, parent);
}
/** Finds the attention modules among `entries` (keys relative to a block, or top-level keys). */
function findAttentionModules(entries, family, blocksHaving, notes) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const containers = new Map();
    entries.forEach((e) => {
        const c = classify(e.key);
        if (!c)
            return;
        let container = containers.get(c.container);
        if (!container) {
            container = { path: c.container, order: containers.size, projections: new Map(), norms: new Map() };
            containers.set(c.container, container);
        }
        if ('role' in c) {
            if (!container.projections.has(c.role))
                container.projections.set(c.role, e);
        }
        else if (!container.norms.has(c.norm))
            container.norms.set(c.norm, e);
    });
    const modules = [];
    for (const c of [...containers.values()].sort((a, b) => a.order - b.order)) {
        const p = c.projections;
        const hasQkvSide = ['q', 'k', 'v', 'qkv', 'kv', 'added_q', 'added_qkv'].some((r) => p.has(r));
        if (!hasQkvSide) {
            if (c.norms.has('q_norm') || c.norms.has('k_norm')) {
                const fused = findFusedQkvMlp(entries, c.path);
                if (fused)
                    p.set('fused_qkv_mlp', fused.linear);
                if (fused?.out)
                    p.set('out', fused.out);
            }
            if (!p.has('fused_qkv_mlp'))
                continue;
        }
        modules.push(describe(c, family, byKey, blocksHaving, notes));
    }
    return modules;
}
/** Flux/Hunyuan single blocks: one linear [3d + m, d] feeding q, k, v and the MLP, and one [d, d + m] after it. */
function findFusedQkvMlp(entries, container) {
    const direct = entries.filter((e) => {
        const { module, leaf } = splitLeaf(e.key);
        return leaf === 'weight' && e.shape.length === 2 && splitLeaf(module).module === container;
    });
    const linear = direct.find((e) => e.shape[0] > 3 * e.shape[1]);
    if (!linear)
        return null;
    const d = linear.shape[1];
    const m = linear.shape[0] - 3 * d;
    const out = direct.find((e) => e !== linear && e.shape[0] === d && e.shape[1] === d + m);
    return { linear, out };
}
function inDim(e) {
    return e && e.shape.length >= 2 ? e.shape[1] : null;
}
function outDim(e) {
    return e && e.shape.length >= 1 ? e.shape[0] : null;
}
function describe(c, family, byKey, blocksHaving, notes) {
    const p = c.projections;
    const where = family ? `${family}.*.${c.path || '(block)'}` : c.path || '(root)';
    let layout;
    if (p.has('fused_qkv_mlp'))
        layout = 'fused-qkv-mlp';
    else if (p.has('qkv'))
        layout = 'fused-qkv';
    else if (p.has('q') && p.has('kv'))
        layout = 'q-fused-kv';
    else if (p.has('q') && p.has('k') && p.has('v'))
        layout = 'separate';
    else
        layout = 'partial';
    const query = p.get('qkv') ?? p.get('fused_qkv_mlp') ?? p.get('q') ?? p.get('added_q');
    const hiddenDim = inDim(query);
    const qkv = p.get('qkv');
    if (qkv && hiddenDim !== null && outDim(qkv) !== 3 * hiddenDim) {
        notes.push(`${where}: fused qkv ${JSON.stringify(qkv.shape)} is not [3 x ${hiddenDim}, ${hiddenDim}]`);
    }
    const kv = p.get('kv');
    if (kv && outDim(kv) !== 2 * (outDim(p.get('q')) ?? -1)) {
        notes.push(`${where}: fused kv ${JSON.stringify(kv.shape)} is not twice the q projection's out dim`);
    }
    const keySide = p.get('k') ?? kv;
    const keyIn = inDim(keySide);
    const contextDim = keyIn !== null && hiddenDim !== null && keyIn !== hiddenDim ? keyIn : null;
    const hasAddedStream = p.has('added_q') || p.has('added_qkv');
    const { kind, kindEvidence } = attentionKind(c.path, layout, contextDim, hasAddedStream);
    const qNorm = c.norms.get('q_norm') ?? c.norms.get('k_norm');
    const size = qNorm && qNorm.shape.length === 1 ? qNorm.shape[0] : null;
    let perHead = null;
    let headDim = null;
    let heads = null;
    if (size !== null && hiddenDim !== null) {
        if (size === hiddenDim)
            perHead = false;
        else if (size < hiddenDim && size > 0 && hiddenDim % size === 0) {
            perHead = true;
            headDim = size;
            heads = hiddenDim / size;
        }
    }
    const fused = p.get('fused_qkv_mlp');
    const projections = [...p.entries()].map(([role, e]) => ({
        role,
        key: e.key,
        shape: [...e.shape],
        bias: byKey.has(`${splitLeaf(e.key).module}.bias`) ||
            (role === 'qkv' && byKey.has(e.key.replace(/weight$/, 'bias')))
    }));
    return {
        family,
        path: c.path,
        blocks: family ? blocksHaving(query?.key ?? [...p.values()][0].key) : 1,
        layout,
        kind,
        kindEvidence,
        projections,
        qkNorm: {
            present: c.norms.size > 0,
            keys: [...c.norms.values()].map((e) => e.key),
            size,
            perHead
        },
        hiddenDim,
        contextDim,
        headDim,
        heads,
        fusedMlpDim: fused && hiddenDim !== null ? fused.shape[0] - 3 * hiddenDim : null,
        hasAddedStream
    };
}
function attentionKind(path, layout, contextDim, hasAddedStream) {
    const segs = path.split('.');
    const name = segs[segs.length - 1].toLowerCase();
    const parentName = (segs[segs.length - 2] ?? '').toLowerCase();
    if (hasAddedStream) {
        return {
            kind: 'joint',
            kindEvidence: 'add_q/add_k/add_v projections: a second (context) stream joins the attention'
        };
    }
    if (roles/* STREAM_ATTENTION_NAMES */.dH.has(name) || (name === 'attn' && roles/* STREAM_BLOCK_NAMES */.qM.has(parentName))) {
        return {
            kind: 'joint',
            kindEvidence: `name '${segs.slice(-2).join('.')}': one stream of a dual-stream joint attention`
        };
    }
    if (layout === 'fused-qkv' || layout === 'fused-qkv-mlp') {
        return { kind: 'self', kindEvidence: 'q, k and v come from one fused projection of the same input' };
    }
    if (contextDim !== null) {
        return {
            kind: 'cross',
            kindEvidence: `k/v input dim ${contextDim} differs from the hidden dim (context of another width)`
        };
    }
    if (roles/* CROSS_ATTENTION_NAMES */.vV.has(name))
        return { kind: 'cross', kindEvidence: `name '${name}'` };
    if (roles/* SELF_ATTENTION_NAMES */.zV.has(name))
        return { kind: 'self', kindEvidence: `name '${name}'` };
    if (layout === 'q-fused-kv') {
        return {
            kind: 'cross',
            kindEvidence: 'k and v share a projection separate from q (the usual cross-attention form); inferred'
        };
    }
    if (name === 'attn' || name === 'attention') {
        return {
            kind: 'self',
            kindEvidence: `name '${name}' with no cross-attention marker and equal dims; inferred`
        };
    }
    return { kind: 'unknown', kindEvidence: 'no name or shape tells self from cross attention' };
}
/**
 * The attention modules among any list of keys and shapes (e.g. one block's keys, or a LoRA's target modules with
 * their base shapes), without a block family: a convenience for compare and LoRA code.
 */
function attentionModulesOf(entries) {
    return findAttentionModules(entries, null, () => 1, []);
}

// EXTERNAL MODULE: ./src/util/shape.ts
var util_shape = __webpack_require__(6069);
;// CONCATENATED MODULE: ./src/analysis/blocks.ts
/**
 * Finds every family of repeated blocks from key names alone, generically: a numbered child `X.N.` is a block
 * when its children are named sub-modules (not a Sequential of bare layers such as `ffn.0.weight`) and either
 * siblings repeat the same key template or X is a known block container (`blocks`, `layers`, ...). Nested
 * families (`input_blocks.N.M.transformer_blocks.T`) are found too, with their parent. One pass over the keys.
 */


const MAX_VARIANTS = 20;
const MAX_DIFF_ITEMS = 50;
const MAX_MISSING = 1000;
/** Deeper segments are not searched for block indices (keeps hostile names from costing depth^2 each). */
const MAX_SEGMENTS = 32;
/** Index positions per key considered as block containers (real keys have at most 4 or 5). */
const MAX_INDEX_POSITIONS = 6;
/**
 * `details`: false when only the families' members, key counts and module entries are read (the comparison's
 * structure essentials, which report no block family): each family's variants are then left empty and
 * `uniformKeys` false, without the per-variant diffs and sorted name signatures that only the analysis report shows.
 */
function findBlockFamilies(tensors, details = true) {
    const candidates = collectCandidates(tensors);
    const qualified = [...candidates.values()].filter(qualifies).sort((a, b) => a.firstSeen - b.firstSeen);
    const patterns = new Set(qualified.map((c) => c.pattern));
    const notes = [];
    const families = qualified.map((c) => buildFamily(c, tensors, parentOf(c.pattern, patterns), notes, details));
    // Outer families come first so that consumers can read the list top-down.
    families.sort((a, b) => depth(a.family.pattern) - depth(b.family.pattern));
    const innermost = new Int32Array(tensors.length).fill(-1);
    const outermost = new Int32Array(tensors.length).fill(-1);
    // Each family's depth once: the loop below visits every member of every family (a nested UNet's tensors sit in
    // two or three families each).
    const depths = families.map((f) => depth(f.family.pattern));
    for (let fi = 0; fi < families.length; fi++) {
        const instances = families[fi].instances;
        const d = depths[fi];
        for (let i = 0; i < instances.length; i++) {
            const members = instances[i].members;
            // Index loops over keys: see collectCandidates.
            for (let k = 0; k < members.length; k++) {
                const t = members[k];
                if (outermost[t] < 0)
                    outermost[t] = fi;
                const current = innermost[t];
                if (current < 0 || depths[current] < d)
                    innermost[t] = fi;
            }
        }
    }
    return { families, innermost, outermost, notes };
}
function depth(pattern) {
    let n = 0;
    for (let i = pattern.indexOf('.'); i >= 0; i = pattern.indexOf('.', i + 1))
        n++;
    return n;
}
/*
 * This runs for every key in a short-lived process, mostly in V8's interpreter: loops over keys are index loops
 * (each for-of step there allocates an iterator result), and paths are slices of the name (char offsets kept
 * while walking), not re-joined segment arrays.
 */
function collectCandidates(tensors) {
    const candidates = new Map();
    // Container path (actual indices) -> its candidate and instances. The pattern, candidate and name of a
    // container follow from its path, so they are worked out once per container, not once per key.
    const containers = new Map();
    // Module path (the key without its last segment) -> the instances its keys belong to and where their rest
    // starts. A module's keys (weight, bias) differ only in the last segment, which is never a container or an
    // index here: the key is split and its segments tested once per module, and its other keys reuse that.
    const placed = new Map();
    const positions = [];
    for (let ti = 0; ti < tensors.length; ti++) {
        const name = tensors[ti].name;
        const dot = name.lastIndexOf('.');
        const module = dot < 0 ? undefined : name.slice(0, dot);
        const known = module === undefined ? undefined : placed.get(module);
        if (known !== undefined) {
            for (let p = 0; p < known.length; p++) {
                const { inst, restStart } = known[p];
                inst.members.push(ti);
                inst.rests.push(name.slice(restStart));
            }
            continue;
        }
        const places = [];
        if (module !== undefined)
            placed.set(module, places);
        const segs = name.split('.');
        const last = Math.min(segs.length - 1, MAX_SEGMENTS);
        positions.length = 0;
        // Each segment is tested for an index once: this pass also notes the first index segment, which tells for
        // every position whether an index comes before it (a nested container).
        let firstIndex = keys_isIndexSegment(segs[0]) ? 0 : -1;
        let previousIsIndex = firstIndex === 0;
        for (let j = 1; j < last && positions.length < MAX_INDEX_POSITIONS; j++) {
            const index = keys_isIndexSegment(segs[j]);
            if (index) {
                if (firstIndex < 0)
                    firstIndex = j;
                if (!previousIsIndex)
                    positions.push(j);
            }
            previousIsIndex = index;
        }
        let start = 0; // char offset of segs[k]
        let k = 0;
        for (let p = 0; p < positions.length; p++) {
            const j = positions[p];
            while (k < j)
                start += segs[k++].length + 1;
            const indexBefore = firstIndex < j;
            const containerPath = name.slice(0, start - 1);
            let container = containers.get(containerPath);
            if (!container) {
                const pattern = indexBefore ? segs.slice(0, j).map(patternSegment).join('.') : containerPath;
                let cand = candidates.get(pattern);
                if (!cand) {
                    cand = { pattern, name: segs[j - 1], firstSeen: ti, containers: new Map(), hasInterior: false };
                    candidates.set(pattern, cand);
                }
                container = { cand, byIndex: new Map() };
                cand.containers.set(containerPath, container.byIndex);
                containers.set(containerPath, container);
            }
            const { cand, byIndex } = container;
            const index = Number(segs[j]);
            let inst = byIndex.get(index);
            if (!inst) {
                inst = { label: indexBefore ? instanceLabel(segs, j) : segs[j], index, members: [], rests: [] };
                byIndex.set(index, inst);
            }
            const restStart = start + segs[j].length + 1;
            inst.members.push(ti);
            inst.rests.push(name.slice(restStart));
            places.push({ inst, restStart });
            if (!cand.hasInterior && hasNamedInterior(segs, j + 1))
                cand.hasInterior = true;
        }
    }
    return candidates;
}
function patternSegment(seg) {
    return keys_isIndexSegment(seg) ? '{}' : seg;
}
/** The numeric segments of the instance path, joined: `input_blocks.4.1.transformer_blocks.0` -> `4.1.0`. */
function instanceLabel(segs, j) {
    const nums = [];
    for (let i = 0; i <= j; i++)
        if (keys_isIndexSegment(segs[i]))
            nums.push(segs[i]);
    return nums.join('.');
}
function nameSignature(inst) {
    if (inst.nameSignature === undefined)
        inst.nameSignature = [...inst.rests].sort().join('\n');
    return inst.nameSignature;
}
function qualifies(c) {
    if (!c.hasInterior)
        return false;
    if (series/* BLOCK_CONTAINER_NAMES */.dc.has(c.name))
        return true;
    for (const byIndex of c.containers.values()) {
        if (byIndex.size < 2)
            continue;
        const seen = new Set();
        for (const inst of byIndex.values()) {
            const sig = nameSignature(inst);
            if (seen.has(sig))
                return true;
            seen.add(sig);
        }
    }
    return false;
}
/** The nearest enclosing qualified pattern: `a.{}.b.{}.c` may sit in `a.{}.b` or `a`. At most 6 lookups. */
function parentOf(pattern, patterns) {
    let end = pattern.lastIndexOf('.{}.');
    while (end > 0) {
        const candidate = pattern.slice(0, end);
        if (patterns.has(candidate))
            return candidate;
        end = pattern.lastIndexOf('.{}.', end - 1);
    }
    return null;
}
function buildFamily(c, tensors, parent, notes, details) {
    const instances = [];
    const missing = [];
    let missingTotal = 0;
    let contiguous = true;
    const indexSet = new Set();
    for (const [containerPath, byIndex] of c.containers) {
        const sorted = [...byIndex.keys()].sort((a, b) => a - b);
        const labelPrefix = labelOfContainer(containerPath);
        let expected = 0;
        for (const idx of sorted) {
            if (idx > expected) {
                contiguous = false;
                missingTotal += idx - expected;
                for (let m = expected; m < idx && missing.length < MAX_MISSING; m++)
                    missing.push(labelPrefix + String(m));
            }
            expected = idx + 1;
            indexSet.add(idx);
            instances.push(byIndex.get(idx));
        }
    }
    if (missingTotal > missing.length) {
        notes.push(`${c.pattern}: ${missingTotal} block indices missing; the first ${missing.length} are listed`);
    }
    // Group instances by exact template (names and shapes); the biggest group is the template.
    // Consecutive blocks are nearly always identical key for key, in the same order: such a block joins the
    // previous block's group without building and sorting its signature (same group the signature would give).
    const groups = new Map();
    let lastGroup = null;
    for (const inst of instances) {
        if (lastGroup !== null && sameEntriesInOrder(inst, lastGroup[0], tensors)) {
            inst.fullSignature = lastGroup[0].fullSignature;
            lastGroup.push(inst);
            continue;
        }
        inst.fullSignature = inst.rests
            .map((r, i) => `${r}:${tensors[inst.members[i]].shape.join('x')}`)
            .sort()
            .join('\n');
        let g = groups.get(inst.fullSignature);
        if (g)
            g.push(inst);
        else {
            g = [inst];
            groups.set(inst.fullSignature, g);
        }
        lastGroup = g;
    }
    const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
    const templateInst = ordered[0][0];
    const template = templateInst.rests.map((key, i) => {
        const t = tensors[templateInst.members[i]];
        return { key, shape: [...t.shape], dtype: t.dtype };
    });
    const templateShapes = new Map(template.map((e) => [e.key, e.shape]));
    const variants = [];
    for (let g = 1; details && g < ordered.length; g++) {
        if (variants.length >= MAX_VARIANTS)
            break;
        variants.push(diffVariant(ordered[g], tensors, templateShapes));
    }
    if (ordered.length - 1 > MAX_VARIANTS) {
        notes.push(`${c.pattern}: ${ordered.length - 1} block variants; the first ${MAX_VARIANTS} are detailed`);
    }
    const keyBlockCounts = new Map();
    const unionEntries = [];
    for (const group of ordered) {
        const rep = group[0];
        rep.rests.forEach((key, i) => {
            const before = keyBlockCounts.get(key);
            if (before === undefined)
                unionEntries.push({ key, shape: tensors[rep.members[i]].shape, tensor: rep.members[i] });
            keyBlockCounts.set(key, (before ?? 0) + group.length);
        });
    }
    let keys = 0;
    let params = 0;
    for (const inst of instances) {
        keys += inst.members.length;
        for (let k = 0; k < inst.members.length; k++)
            params += tensors[inst.members[k]].numel;
    }
    // Blocks with the same keys in the same order need no sorted name signatures to be called uniform.
    const uniformKeys = details &&
        (instances.every((inst) => sameRestsInOrder(inst, instances[0])) ||
            new Set(instances.map(nameSignature)).size === 1);
    return {
        family: {
            pattern: c.pattern,
            name: c.name,
            parent,
            count: instances.length,
            indices: [...indexSet].sort((a, b) => a - b),
            missing,
            contiguous,
            template,
            keysPerBlock: template.length,
            keys,
            params,
            uniformKeys,
            uniform: groups.size === 1,
            variants,
            roles: []
        },
        instances: instances.map((i) => ({ label: i.label, members: i.members, rests: i.rests })),
        keyBlockCounts,
        unionEntries
    };
}
function sameRestsInOrder(a, b) {
    if (a.rests.length !== b.rests.length)
        return false;
    for (let i = 0; i < a.rests.length; i++)
        if (a.rests[i] !== b.rests[i])
            return false;
    return true;
}
function sameEntriesInOrder(a, b, tensors) {
    if (!sameRestsInOrder(a, b))
        return false;
    for (let i = 0; i < a.members.length; i++)
        if (!(0,util_shape/* sameShape */._)(tensors[a.members[i]].shape, tensors[b.members[i]].shape))
            return false;
    return true;
}
/** `input_blocks.4.1.transformer_blocks` -> `4.1.`; a top-level container -> ''. */
function labelOfContainer(containerPath) {
    const nums = containerPath.split('.').filter(keys_isIndexSegment);
    return nums.length ? `${nums.join('.')}.` : '';
}
function diffVariant(group, tensors, templateShapes) {
    const rep = group[0];
    const own = new Map();
    rep.rests.forEach((r, i) => own.set(r, tensors[rep.members[i]].shape));
    const missing = [];
    const extra = [];
    const shapeDifferences = [];
    for (const [key, shape] of templateShapes) {
        const mine = own.get(key);
        if (mine === undefined) {
            if (missing.length < MAX_DIFF_ITEMS)
                missing.push(key);
        }
        else if (!(0,util_shape/* sameShape */._)(mine, shape) && shapeDifferences.length < MAX_DIFF_ITEMS) {
            shapeDifferences.push({ key, shape: [...mine], templateShape: [...shape] });
        }
    }
    for (const key of own.keys()) {
        if (!templateShapes.has(key) && extra.length < MAX_DIFF_ITEMS)
            extra.push(key);
    }
    return { blocks: group.map((i) => i.label), keyCount: rep.rests.length, missing, extra, shapeDifferences };
}

// EXTERNAL MODULE: ./src/names/model-parts.ts
var model_parts = __webpack_require__(3154);
;// CONCATENATED MODULE: ./src/analysis/dimensions.ts


function known(value, evidence, source = 'shape') {
    return { value, evidence, source };
}
function unknown(evidence) {
    return { value: null, evidence, source: 'unknown' };
}
function fmt(shape) {
    return `[${shape.join(', ')}]`;
}
/** The family the dimensions come from: the one with the most keys among families with attention, else overall. */
function mainFamily(families, attention) {
    const withAttention = new Set(attention.map((a) => a.family));
    let best = null;
    for (const f of families) {
        if (!withAttention.has(f.family.pattern))
            continue;
        if (!best || f.family.keys > best.family.keys)
            best = f;
    }
    if (best)
        return best;
    for (const f of families)
        if (f.family.parent === null && (!best || f.family.keys > best.family.keys))
            best = f;
    return best;
}
function where(m, key) {
    return m.family ? `${m.family}.*.${key}` : key;
}
function computeDimensions(input) {
    const { tensors, outermost, families, attention, ffn } = input;
    const main = mainFamily(families, attention);
    const mainPattern = main?.family.pattern ?? null;
    const ranked = [...attention].sort((a, b) => Number(b.family === mainPattern) - Number(a.family === mainPattern));
    // Patch embedding / input channels.
    let patchSize = null;
    let inChannels = unknown('no patch embedding or input convolution found');
    let patchTensor;
    let firstConv;
    // One pass (one split per name) finds the patch embedding, the first conv and the top-level weights by module.
    const byModule = new Map();
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        if (t.shape.length < 2)
            continue;
        const { module, leaf } = splitLeaf(t.name);
        if (leaf !== 'weight')
            continue;
        if (!firstConv && t.shape.length >= 4)
            firstConv = t;
        if (outermost[i] >= 0)
            continue;
        if (!patchTensor && ((0,model_parts/* isPatchEmbedding */.oU)(module) || (0,model_parts/* isInputLayer */.E9)(module)))
            patchTensor = t;
        byModule.set(module, t);
    }
    if (patchTensor) {
        const { module } = splitLeaf(patchTensor.name);
        if (patchTensor.shape.length >= 3) {
            inChannels = known(patchTensor.shape[1], `${patchTensor.name} ${fmt(patchTensor.shape)}: conv in-channels`);
            if ((0,model_parts/* isPatchEmbedding */.oU)(module))
                patchSize = patchTensor.shape.slice(2);
        }
        else {
            inChannels = known(patchTensor.shape[1], `${patchTensor.name} ${fmt(patchTensor.shape)}: Linear in-features (latent channels x patch area when latents are packed)`);
        }
    }
    else if (firstConv) {
        inChannels = known(firstConv.shape[1], `${firstConv.name} ${fmt(firstConv.shape)}: first convolution's in-channels`);
    }
    // Output projection.
    let outFeatures = unknown('no output projection found (head.head, final_layer.linear, proj_out, conv_out, out.2)');
    let outChannels = unknown('output projection not found');
    const outModule = model_parts/* OUTPUT_PROJECTIONS */.NK.find((m) => byModule.has(m));
    if (outModule) {
        const t = byModule.get(outModule);
        const n = t.shape[0];
        outFeatures = known(n, `${t.name} ${fmt(t.shape)}`);
        const patchArea = patchSize ? patchSize.reduce((a, b) => a * b, 1) : null;
        if (t.shape.length >= 4)
            outChannels = known(n, `${t.name} ${fmt(t.shape)}: conv out-channels`);
        else if (patchArea && n % patchArea === 0) {
            outChannels = known(n / patchArea, `${t.name} out ${n} / patch ${fmt(patchSize)} = ${n / patchArea}`);
        }
        else {
            outChannels = unknown(`${t.name} has ${n} out-features; the patch size is not known, so channels are not split out`);
        }
    }
    // Hidden dim.
    let hiddenDim = unknown('no attention projection, patch embedding or block template shows it');
    const withHidden = ranked.find((a) => a.hiddenDim !== null);
    if (withHidden) {
        const q = withHidden.projections.find((p) => ['qkv', 'fused_qkv_mlp', 'q', 'added_q'].includes(p.role)) ??
            withHidden.projections[0];
        hiddenDim = known(withHidden.hiddenDim, `${where(withHidden, q.key)} ${fmt(q.shape)} in-features`);
    }
    else if (patchTensor) {
        hiddenDim = known(patchTensor.shape[0], `${patchTensor.name} ${fmt(patchTensor.shape)} out-features`);
    }
    // Heads: only from a per-head q/k norm.
    let headDim;
    let heads;
    const perHead = ranked.find((a) => a.qkNorm.perHead === true);
    if (perHead) {
        const key = perHead.qkNorm.keys[0];
        headDim = known(perHead.headDim, `${where(perHead, key)} [${perHead.headDim}]: per-head q/k norm`);
        heads = known(perHead.heads, `hidden ${perHead.hiddenDim} / head dim ${perHead.headDim}`);
    }
    else {
        const full = ranked.find((a) => a.qkNorm.perHead === false);
        const why = full
            ? `q/k norms span the full dim (${full.qkNorm.size}), so the shapes do not tell the head count`
            : attention.length
                ? 'no per-head q/k norm, so the shapes do not tell the head count'
                : 'no attention found';
        headDim = unknown(why);
        heads = unknown(why);
    }
    // FFN.
    const rankedFfn = [...ffn]
        .filter((f) => f.kind !== 'unknown')
        .sort((a, b) => Number(b.family === mainPattern) - Number(a.family === mainPattern));
    const mainFfn = rankedFfn[0];
    const ffnDim = mainFfn?.intermediateDim
        ? known(mainFfn.intermediateDim, `${mainFfn.family ? `${mainFfn.family}.*.` : ''}${mainFfn.path}: ${mainFfn.evidence}`)
        : unknown(ffn.length ? 'feed-forward projections do not form a known pattern' : 'no feed-forward module found');
    // Layers.
    const top = families.filter((f) => f.family.parent === null);
    const largest = top.reduce((b, f) => (!b || f.family.keys > b.family.keys ? f : b), null);
    const layers = largest
        ? known(largest.family.count, top.map((f) => `${f.family.pattern}: ${f.family.count}`).join(', '))
        : unknown('no repeated blocks');
    // Context width.
    let contextDim = unknown('no cross-attention k/v or text embedding shows it');
    const cross = ranked.find((a) => a.contextDim !== null);
    if (cross) {
        const k = cross.projections.find((p) => p.role === 'k' || p.role === 'kv') ?? cross.projections[0];
        contextDim = known(cross.contextDim, `${where(cross, k.key)} ${fmt(k.shape)} in-features`);
    }
    else {
        // The cheap tests first: most keys are in blocks, and need no split.
        const text = tensors.find((t, i) => {
            if (outermost[i] >= 0 || t.shape.length !== 2)
                return false;
            const { module, leaf } = splitLeaf(t.name);
            return leaf === 'weight' && (0,model_parts/* isContextEmbedding */.Lr)(module);
        });
        if (text)
            contextDim = known(text.shape[1], `${text.name} ${fmt(text.shape)} in-features (text embedding)`);
    }
    return {
        hiddenDim,
        ffnDim,
        ffnKind: mainFfn?.kind ?? 'unknown',
        headDim,
        heads,
        inChannels,
        outFeatures,
        outChannels,
        patchSize,
        layers,
        contextDim
    };
}
/** Largest dimension taken from metadata: a hostile file may state anything. */
const MAX_METADATA_DIM = 1 << 24;
/** A positive whole number from metadata (GGUF integers arrive as numbers; per-layer arrays when all equal). */
function metadataCount(v) {
    if (Array.isArray(v)) {
        const first = metadataCount(v[0]);
        return first !== null && v.length > 0 && v.every((x) => metadataCount(x) === first) ? first : null;
    }
    return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_METADATA_DIM ? v : null;
}
/**
 * Dimensions a GGUF file states in its metadata, used where the shapes cannot tell (llama.cpp's keys:
 * `general.architecture` = ARCH, then `ARCH.embedding_length`, `ARCH.attention.head_count`,
 * `ARCH.attention.key_length`, `ARCH.block_count`, `ARCH.feed_forward_length`). A value read from the shapes is
 * kept; where metadata disagrees with it, a note says so. Metadata replaces a family rule's guess (it is the file's
 * own statement). Values are bounded and must agree with each other (hidden = heads x head dim).
 */
function applyGgufMetadata(d, metadata, notes) {
    const arch = metadata['general.architecture'];
    if (typeof arch !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(arch))
        return;
    const read = (key) => {
        const full = `${arch}.${key}`;
        const value = Object.hasOwn(metadata, full) ? metadataCount(metadata[full]) : null;
        return value === null ? null : { value, key: full };
    };
    const stated = (m) => `${m.key} = ${m.value} (file metadata)`;
    const fill = (name, current, m, set) => {
        if (m === null)
            return;
        if (current.value === null || current.source === 'family')
            set(known(m.value, stated(m), 'metadata'));
        else if (current.value !== m.value)
            notes.push(`${name}: the shapes show ${current.value}, the metadata states ${m.value} (${m.key})`);
    };
    fill('hidden dim', d.hiddenDim, read('embedding_length'), (v) => (d.hiddenDim = v));
    fill('layers', d.layers, read('block_count'), (v) => (d.layers = v));
    fill('ffn dim', d.ffnDim, read('feed_forward_length'), (v) => (d.ffnDim = v));
    const heads = read('attention.head_count');
    if (heads === null)
        return;
    const hidden = d.hiddenDim.value;
    const keyLength = read('attention.key_length');
    const headDim = keyLength?.value ?? (hidden !== null && hidden % heads.value === 0 ? hidden / heads.value : null);
    if (headDim === null)
        return;
    const evidence = keyLength
        ? `${stated(heads)}; ${stated(keyLength)}`
        : `${stated(heads)}; hidden ${hidden} / ${heads.value}`;
    fill('heads', d.heads, { value: heads.value, key: heads.key }, () => {
        d.heads = known(heads.value, evidence, 'metadata');
        d.headDim = known(headDim, evidence, 'metadata');
    });
}

// EXTERNAL MODULE: ./src/names/families.ts + 3 modules
var names_families = __webpack_require__(9444);
;// CONCATENATED MODULE: ./src/analysis/ffn.ts


/**
 * Which of two input projections of a gated FFN is the gate, from the shared role words (names/roles.ts): a name
 * that says gate or up settles it (`gate_proj` / `up_proj`, GGUF `ffn_gate`); otherwise the lower-numbered one
 * (`w1` before `w3`, T5 `wi_0` before `wi_1`), as the SwiGLU / GEGLU reference code orders them.
 */
function gateOf(a, b) {
    const ra = (0,roles/* layerRole */.EY)(a);
    const rb = (0,roles/* layerRole */.EY)(b);
    if (ra.role === 'ffn-gate' || rb.role === 'ffn-up')
        return 0;
    if (rb.role === 'ffn-gate' || ra.role === 'ffn-up')
        return 1;
    return (rb.ordinal ?? Infinity) < (ra.ordinal ?? Infinity) ? 1 : 0;
}
/** The FFN container of a module path: the path up to its first FFN-named segment (`ffn`, `img_mlp`, `ff_context`). */
function ffnContainer(module) {
    const segs = module.split('.');
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i].toLowerCase();
        if (seg === 'feed_forward')
            return segs.slice(0, i + 1).join('.');
        const tokens = seg.split('_');
        if (!tokens.some(roles/* isFfnWord */.J8))
            continue;
        // GGUF style `ffn_gate` / `ffn_up` / `ffn_down` as the last segment: the container is the shared `ffn` part.
        if (i === segs.length - 1 && tokens.length === 2 && (0,roles/* isFfnWord */.J8)(tokens[0]) && i > 0) {
            return [...segs.slice(0, i), tokens[0]].join('.');
        }
        return segs.slice(0, i + 1).join('.');
    }
    return null;
}
/** A weight as [out, in]: 2-D linears and 1x1 convolutions. */
function asMatrix(e) {
    if (e.shape.length === 2)
        return [e.shape[0], e.shape[1]];
    if (e.shape.length > 2 && e.shape.slice(2).every((d) => d === 1))
        return [e.shape[0], e.shape[1]];
    return null;
}
function findFfnModules(entries, family, blocksHaving) {
    const containers = new Map();
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        const { module, leaf } = splitLeaf(e.key);
        if (leaf !== 'weight')
            continue;
        const m = asMatrix(e);
        if (!m)
            continue;
        const c = ffnContainer(module);
        if (c === null)
            continue;
        const list = containers.get(c);
        if (list)
            list.push({ key: e.key, shape: e.shape, m });
        else
            containers.set(c, [{ key: e.key, shape: e.shape, m }]);
    }
    const out = [];
    for (const [path, weights] of containers) {
        const d = weights[0].m[1];
        const ups = weights.filter((w) => w.m[1] === d && w.m[0] !== d);
        const downs = weights.filter((w) => w.m[0] === d && w.m[1] !== d);
        const square = weights.filter((w) => w.m[0] === d && w.m[1] === d);
        let kind = 'unknown';
        let f = null;
        let evidence;
        const projections = [];
        const lastName = (key) => splitLeaf(splitLeaf(key).module).leaf.toLowerCase();
        const shapes = weights.map((w) => `${w.key} ${JSON.stringify(w.shape)}`).join(', ');
        if (ups.length === 2 &&
            downs.length === 1 &&
            ups[0].m[0] === ups[1].m[0] &&
            ups[0].m[0] === downs[0].m[1]) {
            kind = 'gated';
            f = downs[0].m[1];
            // Name the gate when the names tell it (w1 / gate_proj); otherwise the first projection is called the gate.
            const gateIndex = gateOf(lastName(ups[0].key), lastName(ups[1].key));
            projections.push({ role: 'gate', key: ups[gateIndex].key, shape: [...ups[gateIndex].shape] });
            projections.push({ role: 'up', key: ups[1 - gateIndex].key, shape: [...ups[1 - gateIndex].shape] });
            projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] });
            evidence = `two input projections [${f}, ${d}] and one output projection [${d}, ${f}]: ${shapes}`;
        }
        else if (ups.length === 1 && downs.length === 1 && ups[0].m[0] === downs[0].m[1]) {
            kind = 'mlp';
            f = downs[0].m[1];
            projections.push({ role: 'up', key: ups[0].key, shape: [...ups[0].shape] });
            projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] });
            evidence = `up [${f}, ${d}] and down [${d}, ${f}]: ${shapes}`;
        }
        else if (ups.length === 1 && downs.length === 1 && ups[0].m[0] === 2 * downs[0].m[1]) {
            kind = 'gated-fused';
            f = downs[0].m[1];
            projections.push({ role: 'gate_up', key: ups[0].key, shape: [...ups[0].shape] });
            projections.push({ role: 'down', key: downs[0].key, shape: [...downs[0].shape] });
            evidence = `input projection [2 x ${f}, ${d}] (gate and up fused) and down [${d}, ${f}]: ${shapes}`;
        }
        else if (ups.length === 1 && downs.length === 0 && square.length === 0) {
            kind = 'mlp';
            f = ups[0].m[0];
            projections.push({ role: 'up', key: ups[0].key, shape: [...ups[0].shape] });
            evidence = `up [${f}, ${d}] with no separate down projection (fused into another output): ${shapes}`;
        }
        else if (weights.length === 2 && square.length === 2) {
            kind = 'mlp';
            f = d;
            projections.push({ role: 'up', key: weights[0].key, shape: [...weights[0].shape] });
            projections.push({ role: 'down', key: weights[1].key, shape: [...weights[1].shape] });
            evidence = `two square projections [${d}, ${d}]: ${shapes}`;
        }
        else {
            evidence = `projections do not form a known FFN pattern: ${shapes}`;
        }
        out.push({
            family,
            path,
            blocks: family ? blocksHaving(weights[0].key) : 1,
            kind,
            hiddenDim: kind === 'unknown' ? null : d,
            intermediateDim: f,
            projections,
            evidence
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analysis/key-stats.ts

const ROLE_ORDER = [
    'attention',
    'feedforward',
    'normalization',
    'modulation',
    'embedding'
];
const ROLE_BIT = {
    attention: 1,
    feedforward: 2,
    normalization: 4,
    modulation: 8,
    embedding: 16
};
/*
 * Index loops over every key, not for-of: analysis runs once per process, mostly in V8's interpreter, where each
 * for-of step allocates an iterator result.
 */
/** Each key's roles as a bit mask (ROLE_BIT), and how many keys carry each role. */
function keyRoleMasks(tensors, families, outermost) {
    const mask = new Uint8Array(tensors.length);
    const keys = {
        attention: 0,
        feedforward: 0,
        normalization: 0,
        modulation: 0,
        embedding: 0
    };
    // Roles depend on a name's non-index segments only, so inside a family the key relative to the block decides
    // them: each distinct relative key is classified once per family instead of once per block.
    const blockRoles = new Array(tensors.length);
    for (const f of families) {
        const byRest = new Map();
        for (const inst of f.instances) {
            for (let k = 0; k < inst.members.length; k++) {
                const t = inst.members[k];
                if (blockRoles[t] !== undefined)
                    continue;
                let roles = byRest.get(inst.rests[k]);
                if (roles === undefined) {
                    roles = keyRoles(tensors[t].name, true);
                    byRest.set(inst.rests[k], roles);
                }
                blockRoles[t] = roles;
            }
        }
    }
    for (let i = 0; i < tensors.length; i++) {
        const roles = blockRoles[i] ?? keyRoles(tensors[i].name, outermost[i] >= 0);
        let m = 0;
        for (let r = 0; r < roles.length; r++) {
            m |= ROLE_BIT[roles[r]];
            keys[roles[r]]++;
        }
        mask[i] = m;
    }
    return { mask, keys };
}
/** Parameter categories (each key in exactly one) and dtypes, from the keys' leaves, shapes and role masks. */
function categoryStats(tensors, roleMask) {
    const normModules = new Set();
    // Each name is split into module and leaf once, for both passes below.
    const modules = new Array(tensors.length);
    const leaves = new Array(tensors.length);
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        const { module, leaf } = splitLeaf(t.name);
        modules[i] = module;
        leaves[i] = leaf;
        // A 1-D weight belongs to a norm even when the name does not say so (GroupNorm `in_layers.0`, `img_emb.proj.4`).
        if ((leaf === 'weight' || leaf === 'scale') && t.shape.length === 1)
            normModules.add(module);
    }
    const parameterTypes = {
        weight: { keys: 0, params: 0 },
        bias: { keys: 0, params: 0 },
        normalization: { keys: 0, params: 0 },
        embedding: { keys: 0, params: 0 },
        other: { keys: 0, params: 0 }
    };
    const dtypeMap = new Map();
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        const mask = roleMask[i];
        const leaf = leaves[i];
        let category;
        const normLike = mask & ROLE_BIT.normalization || normModules.has(modules[i]);
        if (normLike && !(mask & ROLE_BIT.modulation) && t.shape.length <= 1)
            category = 'normalization';
        else if (mask & ROLE_BIT.embedding)
            category = 'embedding';
        else if (isWeightLeaf(leaf))
            category = 'weight';
        else if (isBiasLeaf(leaf))
            category = 'bias';
        else
            category = 'other';
        parameterTypes[category].keys++;
        parameterTypes[category].params += t.numel;
        const d = dtypeMap.get(t.dtype);
        if (d) {
            d.keys++;
            d.params += t.numel;
        }
        else
            dtypeMap.set(t.dtype, { dtype: t.dtype, keys: 1, params: t.numel });
    }
    const dtypes = [...dtypeMap.values()].sort((a, b) => b.params - a.params || b.keys - a.keys);
    return { parameterTypes, dtypes };
}
/** Per role: the keys carrying it, and the blocks (of top-level families) holding at least one such key. */
function roleStats(families, roleMask, roleKeys) {
    const roleBlocks = {
        attention: 0,
        feedforward: 0,
        normalization: 0,
        modulation: 0,
        embedding: 0
    };
    for (const f of families) {
        if (f.family.parent !== null)
            continue;
        for (const inst of f.instances) {
            let mask = 0;
            for (let k = 0; k < inst.members.length; k++)
                mask |= roleMask[inst.members[k]];
            for (const r of ROLE_ORDER)
                if (mask & ROLE_BIT[r])
                    roleBlocks[r]++;
        }
    }
    return Object.fromEntries(ROLE_ORDER.map((r) => [r, { keys: roleKeys[r], blocks: roleBlocks[r] }]));
}

;// CONCATENATED MODULE: ./src/analysis/naming.ts
/** Naming conventions of a key set: separators, case, wrapper prefixes, top-level modules and leaf names. */


const MAX_TOP_LEVEL = 30;
const MAX_LEAVES = 20;
const MAX_CASED = 20;
/** A block index joined with underscores (`lora_unet_blocks_0_self_attn`) marks the kohya-style form. */
const UNDERSCORE_INDEX = /_\d+(_|$)/;
const UPPER = /[A-Z]/;
const SEG_INDEX = 1;
const SEG_UNDERSCORE = 2;
const SEG_UPPER = 4;
/** Only read for a key's first segment (the kohya-style test). */
const SEG_UNDERSCORE_INDEX = 8;
/** Bounds the per-call segment memo (hostile files may have a million distinct segments). */
const MAX_SEGMENT_MEMO = 10000;
function classifySegment(seg) {
    if (keys_isIndexSegment(seg))
        return SEG_INDEX;
    if (!seg.includes('_'))
        return UPPER.test(seg) ? SEG_UPPER : 0;
    return (SEG_UNDERSCORE |
        (UPPER.test(seg) ? SEG_UPPER : 0) |
        (UNDERSCORE_INDEX.test(seg) ? SEG_UNDERSCORE_INDEX : 0));
}
function countsToList(counts, limit) {
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([prefix, keys]) => ({ prefix, keys }));
}
function bump(counts, key) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}
function namingConventions(names) {
    let dotted = 0;
    let underscored = 0;
    const cased = new Set();
    let lettered = 0;
    let withUnderscore = 0;
    const tally = new PrefixTally();
    const topLevel = new Map();
    const leaves = new Map();
    let shared = null;
    let casedSegmentCount = 0;
    // Segments repeat across blocks (`blocks`, `self_attn`, `weight`): each distinct one is classified once.
    const segmentFlags = new Map();
    const flagsOf = (seg) => {
        let flags = segmentFlags.get(seg);
        if (flags === undefined) {
            flags = classifySegment(seg);
            if (segmentFlags.size < MAX_SEGMENT_MEMO)
                segmentFlags.set(seg, flags);
        }
        return flags;
    };
    // An index loop: in a cold process each for-of step allocates an iterator result, once per key here.
    for (let n = 0; n < names.length; n++) {
        const name = names[n];
        const prefix = tally.add(name);
        const segs = name.slice(prefix.length).split('.');
        const firstFlags = flagsOf(segs[0]);
        if (firstFlags & SEG_UNDERSCORE_INDEX || (segs.length === 1 && firstFlags & SEG_UNDERSCORE))
            underscored++;
        else if (segs.length > 1)
            dotted++;
        bump(topLevel, segs[0]);
        bump(leaves, segs[segs.length - 1]);
        for (let k = 0; k < segs.length; k++) {
            const seg = segs[k];
            const flags = k === 0 ? firstFlags : flagsOf(seg);
            if (flags & SEG_INDEX)
                continue;
            lettered++;
            if (flags & SEG_UNDERSCORE)
                withUnderscore++;
            if (flags & SEG_UPPER) {
                casedSegmentCount++;
                if (cased.size < 1000)
                    cased.add(seg);
            }
        }
        // The longest dotted prefix shared by every key, never including a key's leaf.
        const moduleEnd = name.lastIndexOf('.') + 1;
        if (shared === null)
            shared = name.slice(0, moduleEnd);
        else if (!name.startsWith(shared) || moduleEnd < shared.length) {
            let i = 0;
            const limit = Math.min(shared.length, moduleEnd);
            while (i < limit && shared.charCodeAt(i) === name.charCodeAt(i))
                i++;
            shared = i === 0 ? '' : shared.slice(0, shared.lastIndexOf('.', i - 1) + 1);
        }
    }
    let separator = 'none';
    if (dotted > 0 && underscored > 0)
        separator = 'mixed';
    else if (dotted > 0)
        separator = 'dot';
    else if (underscored > 0)
        separator = 'underscore';
    let caseStyle;
    if (casedSegmentCount === 0)
        caseStyle = withUnderscore > 0 ? 'snake_case' : 'lower';
    else
        caseStyle = casedSegmentCount * 2 > lettered && withUnderscore === 0 ? 'camelCase' : 'mixed';
    return {
        separator,
        case: caseStyle,
        casedSegments: [...cased].sort().slice(0, MAX_CASED),
        ...tally.prefixes(names.length),
        sharedPrefix: shared ?? '',
        knownPrefixes: tally.knownPrefixes(MAX_TOP_LEVEL),
        topLevelModules: countsToList(topLevel, MAX_TOP_LEVEL),
        leafNames: countsToList(leaves, MAX_LEAVES)
    };
}
/**
 * The wrapper prefixes of a key set as the names are read: how many keys carry each known prefix, and the one all
 * of them share. `namingConventions` and `analysisPrefixOf` both tally through it.
 */
class PrefixTally {
    counts = new Map();
    common = null;
    /** Adds one name; returns its known prefix ('' when it has none). */
    add(name) {
        // The prefix is the head that stripKnownPrefixes removes: no result object per key.
        const restLength = (0,names/* stripKnownPrefixes */.Ep)(name).length;
        const prefix = restLength === name.length ? '' : name.slice(0, name.length - restLength);
        if (prefix)
            bump(this.counts, prefix);
        this.common = this.common === null ? prefix : this.common === prefix ? prefix : '';
        return prefix;
    }
    prefixes(total) {
        const common = this.common ?? '';
        return { commonPrefix: common, analysisPrefix: dominantPrefix(common, this.counts, total) };
    }
    knownPrefixes(limit) {
        return countsToList(this.counts, limit);
    }
}
/**
 * `commonPrefix` and `analysisPrefix` of `namingConventions` alone, for the structure a comparison reads (the
 * rest of the naming summary is the analysis report's).
 */
function analysisPrefixOf(names) {
    const tally = new PrefixTally();
    for (let n = 0; n < names.length; n++)
        tally.add(names[n]);
    return tally.prefixes(names.length);
}
/** The common known prefix, else a known prefix carried by more than half of the keys, else ''. */
function dominantPrefix(common, counts, total) {
    if (common)
        return common;
    for (const [prefix, keys] of counts)
        if (keys * 2 > total)
            return prefix;
    return '';
}

;// CONCATENATED MODULE: ./src/analysis/types.ts
const STRUCTURE_SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/analysis/structure.ts









/*
 * Hot loops over every key use index loops, not for-of: analysis runs once per process, mostly in V8's
 * interpreter, where each for-of step allocates an iterator result (about 40 bytes per key and step), and that
 * garbage brings young-generation collections forward, which copy the whole freshly read checkpoint.
 */
/**
 * Element count as a double; the caller marks the total inexact once a count passes 2^53. Absurd shapes (hostile
 * files) are capped at 2^73 per tensor so that every sum stays finite and the result stays valid JSON.
 */
const MAX_NUMEL = 2 ** 73;
function numel(shape) {
    let n = 1;
    for (let i = 0; i < shape.length; i++)
        n *= shape[i];
    return Number.isFinite(n) && n <= MAX_NUMEL ? n : MAX_NUMEL;
}
/**
 * In a diffusers pipeline folder every component's keys carry `<component>.`; the denoiser (the transformer or
 * UNet) is the model to analyse, whatever its share of the keys. Returns its prefix, or null.
 */
function denoiserComponent(ckpt) {
    if (ckpt.format !== 'diffusers' || !ckpt.components)
        return null;
    const main = ckpt.components.find((c) => c.className && /transformer|unet|dit/i.test(c.className[1]));
    return main ? `${main.name}.` : null;
}
function analyzeStructure(ckpt) {
    return analyse(ckpt, true);
}
function structureEssentials(ckpt) {
    return analyse(ckpt, false);
}
function analyse(ckpt, full) {
    const notes = [];
    const names = ckpt.tensors.map((t) => t.name);
    const naming = full ? namingConventions(names) : undefined;
    const prefixes = naming ?? analysisPrefixOf(names);
    const denoiser = denoiserComponent(ckpt);
    let prefix = prefixes.analysisPrefix;
    if (denoiser && !prefixes.commonPrefix) {
        prefix = denoiser;
        if (naming)
            naming.analysisPrefix = denoiser;
    }
    let exact = true;
    let paramCount = 0;
    const tensors = new Array(ckpt.tensors.length);
    // Name -> shape of its first occurrence: counts duplicates here, and is the name lookup of the family rules.
    const shapes = new Map();
    let duplicates = 0;
    // Adapter tensors (LoRA down/up, alpha, ...) do not have base shapes: module analysis skips them.
    const adapter = new Uint8Array(tensors.length);
    let adapterCount = 0;
    // One pass over the keys for element counts, prefix removal, duplicates and adapter keys.
    for (let i = 0; i < tensors.length; i++) {
        const t = ckpt.tensors[i];
        const n = numel(t.shape);
        if (!Number.isSafeInteger(n))
            exact = false;
        paramCount += n;
        const name = prefix && t.name.startsWith(prefix) ? t.name.slice(prefix.length) : t.name;
        tensors[i] = { name, shape: t.shape, dtype: t.dtype, numel: n };
        if (shapes.has(name))
            duplicates++;
        else
            shapes.set(name, t.shape);
        if ((0,adapters/* isAdapterKey */.ph)(name)) {
            adapter[i] = 1;
            adapterCount++;
        }
    }
    if (!Number.isSafeInteger(paramCount))
        exact = false;
    if (!exact)
        notes.push('the parameter count passes 2^53 and is rounded');
    if (duplicates)
        notes.push(`${duplicates} duplicate tensor names`);
    if (adapterCount) {
        notes.push(`${adapterCount} of ${tensors.length} keys are adapter tensors (LoRA / LyCORIS / deltas); attention, ` +
            'feed-forward and dimensions are read from the other keys only (see the LoRA analysis for adapters)');
    }
    const { families, innermost, outermost, notes: blockNotes } = findBlockFamilies(tensors, full);
    notes.push(...blockNotes);
    // Roles, per key: the analysis reports them; the essentials need them only where a block-less model's top-level
    // MLPs are told from its embedders (below).
    const roles = full || families.length === 0 ? keyRoleMasks(tensors, families, outermost) : undefined;
    // Modules per family (keys owned by a nested family are analysed there), then outside every family.
    const attention = [];
    const ffn = [];
    families.forEach((f, fi) => {
        const entries = f.unionEntries.filter((e) => innermost[e.tensor] === fi && !adapter[e.tensor]);
        const blocksHaving = (key) => f.keyBlockCounts.get(key) ?? 0;
        attention.push(...findAttentionModules(entries, f.family.pattern, blocksHaving, notes));
        ffn.push(...findFfnModules(entries, f.family.pattern, blocksHaving));
        if (!full || !roles)
            return;
        let mask = 0;
        for (const e of f.unionEntries)
            mask |= roles.mask[e.tensor];
        f.family.roles = ROLE_ORDER.filter((r) => mask & ROLE_BIT[r]);
    });
    const topEntries = [];
    const topNonEmbedding = [];
    let topLevelKeys = 0;
    for (let i = 0; i < tensors.length; i++) {
        if (outermost[i] >= 0)
            continue;
        topLevelKeys++;
        if (adapter[i])
            continue;
        const t = tensors[i];
        topEntries.push({ key: t.name, shape: t.shape });
        if (roles && !(roles.mask[i] & ROLE_BIT.embedding))
            topNonEmbedding.push({ key: t.name, shape: t.shape });
    }
    attention.push(...findAttentionModules(topEntries, null, () => 1, notes));
    // Top-level MLPs of a model with blocks are embedders (time, text); only a block-less model's are its FFN.
    if (families.length === 0)
        ffn.push(...findFfnModules(topNonEmbedding, null, () => 1));
    for (const a of attention) {
        if (a.layout !== 'fused-qkv-mlp' || a.fusedMlpDim === null)
            continue;
        const linear = a.projections.find((p) => p.role === 'fused_qkv_mlp');
        const out = a.projections.find((p) => p.role === 'out');
        ffn.push({
            family: a.family,
            path: a.path,
            blocks: a.blocks,
            kind: 'fused-with-attention',
            hiddenDim: a.hiddenDim,
            intermediateDim: a.fusedMlpDim,
            projections: [
                ...(linear ? [{ role: 'up', key: linear.key, shape: linear.shape }] : []),
                ...(out ? [{ role: 'down', key: out.key, shape: out.shape }] : [])
            ],
            evidence: `${linear?.key} [${linear?.shape.join(', ')}] = 3 x ${a.hiddenDim} (q, k, v) + ${a.fusedMlpDim} (MLP in)`
        });
    }
    // A blank name matches no dimension rule, which hides adapter tensors without shifting tensor indices.
    const baseTensors = adapterCount ? tensors.map((t, i) => (adapter[i] ? { ...t, name: '' } : t)) : tensors;
    const dimensions = computeDimensions({ tensors: baseTensors, outermost, families, attention, ffn });
    if (ckpt.format === 'gguf')
        applyGgufMetadata(dimensions, ckpt.metadata, notes);
    const candidates = (0,names_families/* identifyFamilies */.Bk)([...shapes].map(([path, shape]) => ({ path, shape })));
    const best = candidates[0];
    // Only a confident match lends its head dim: a scaled or unusual variant may use another one.
    if (best?.headDim &&
        best.match.confidence === 'high' &&
        dimensions.headDim.value === null &&
        dimensions.hiddenDim.value !== null) {
        const hd = best.headDim;
        const hidden = dimensions.hiddenDim.value;
        if (hidden % hd === 0) {
            const why = `${best.match.name} uses head dim ${hd} (reference notes); ${dimensions.headDim.evidence}`;
            dimensions.headDim = { value: hd, evidence: why, source: 'family' };
            dimensions.heads = {
                value: hidden / hd,
                evidence: `hidden ${hidden} / head dim ${hd} (family rule)`,
                source: 'family'
            };
        }
    }
    const family = best?.match ?? null;
    if (!full || !naming || !roles)
        return { attention, dimensions, family };
    const { parameterTypes, dtypes } = categoryStats(tensors, roles.mask);
    return {
        schemaVersion: STRUCTURE_SCHEMA_VERSION,
        tensorCount: tensors.length,
        paramCount,
        paramCountExact: exact,
        dtypes,
        parameterTypes,
        roles: roleStats(families, roles.mask, roles.keys),
        naming,
        blockFamilies: families.map((f) => f.family),
        topLevelKeys,
        attention,
        ffn,
        dimensions,
        family,
        familyCandidates: candidates.map((c) => c.match),
        notes
    };
}

;// CONCATENATED MODULE: ./src/analysis/locate.ts
/** Places a key in the block families of an analysis (innermost family first), for compare and LoRA code. */

/**
 * Finds the innermost block family of `analysis` holding `name` (with or without the analysed wrapper prefix, or
 * any known prefix). Returns null for keys outside every family.
 */
function locateInBlocks(name, analysis) {
    const prefix = analysis.naming.analysisPrefix;
    const stripped = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : stripKnownPrefix(name).rest;
    const segs = stripped.split('.');
    let best = null;
    let bestDepth = -1;
    for (const f of analysis.blockFamilies) {
        const pattern = f.pattern.split('.');
        if (pattern.length <= bestDepth || segs.length < pattern.length + 2)
            continue;
        let ok = true;
        const nums = [];
        for (let i = 0; i < pattern.length && ok; i++) {
            if (pattern[i] === '{}') {
                ok = isIndexSegment(segs[i]);
                nums.push(segs[i]);
            }
            else
                ok = pattern[i] === segs[i];
        }
        const idx = segs[pattern.length];
        if (!ok || !isIndexSegment(idx))
            continue;
        nums.push(idx);
        best = {
            family: f.pattern,
            label: nums.join('.'),
            index: Number(idx),
            rest: segs.slice(pattern.length + 1).join('.')
        };
        bestDepth = pattern.length;
    }
    return best;
}

;// CONCATENATED MODULE: ./src/analysis/index.ts
/** Structure analysis of one model: the public surface for the CLI, compare, LoRA and gate code. */









/***/ }),

/***/ 6662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic),
/* harmony export */   c: () => (/* binding */ outputError)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6289);
/**
 * The one way this tool writes a file: to a temporary name next to the target, then renamed over it, so a reader
 * (a later run, the artifact upload, a user's `jq`) never sees half a file. Reports, mappings, key exports, the
 * baseline manifest cache and the remote header cache all go through it.
 */


/**
 * Write `data` to `path` atomically, creating missing folders. The temporary file is created exclusively
 * (`wx`: it fails rather than follow a symbolic link planted under that name). A failure is an `OutputError`
 * naming the path and the reason, and leaves no temporary file behind.
 */
async function writeFileAtomic(path, data) {
    // Loaded here, not at the top: node:fs/promises brings Node's stream modules with it, a cost every CLI run
    // would pay while only some commands write files.
    const { mkdir, rename, rm, writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
        await mkdir((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(target), { recursive: true });
        await writeFile(temp, data, { flag: 'wx' });
        await rename(temp, target);
    }
    catch (e) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw outputError(path, e);
    }
}
const FS_ERRORS = Object.freeze({
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'already exists and is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'file name too long'
});
/** A Node file-system error met while writing `path`, as an `OutputError` saying what is wrong. */
function outputError(path, e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputError */ .u7)
        return e;
    const code = e?.code;
    const known = typeof code === 'string' && Object.hasOwn(FS_ERRORS, code);
    const detail = known ? `${FS_ERRORS[code]} (${code})` : e instanceof Error ? e.message : String(e);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OutputError */ .u7(path, detail, { cause: e });
}


/***/ })

};
;