"use strict";
exports.id = 865;
exports.ids = [865];
exports.modules = {

/***/ 971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KM: () => (/* reexport */ analyzeStructure)
});

// UNUSED EXPORTS: BLOCK_CONTAINER_NAMES, KNOWN_PREFIXES, STRUCTURE_SCHEMA_VERSION, attentionModulesOf, findAttentionModules, findFfnModules, identifyFamilies, isAdapterKey, isIndexSegment, keyRoles, locateInBlocks, nameTokens, splitBlockKey, splitLeaf, stripKnownPrefix

// EXTERNAL MODULE: ./src/names/index.ts + 4 modules
var names = __webpack_require__(6237);
;// CONCATENATED MODULE: ./src/analysis/keys.ts
/**
 * Name-level helpers shared by the analysis and its consumers (compare, LoRA): wrapper prefixes, block splitting,
 * key roles and parameter categories. They look at names only; shapes are the caller's business.
 */

/** Wrapper prefixes: the one list of the project (src/names). */

/** Containers whose numbered children are blocks even when only one is present. */
const BLOCK_CONTAINER_NAMES = new Set([
    'blocks',
    'layers',
    'double_blocks',
    'single_blocks',
    'transformer_blocks',
    'single_transformer_blocks',
    'joint_blocks',
    'input_blocks',
    'output_blocks',
    'middle_block',
    'down_blocks',
    'up_blocks',
    'resnets',
    'attentions',
    'vace_blocks',
    'blk',
    'h',
    'layer'
]);
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
 * Strips known wrapper prefixes, repeatedly (`module._orig_mod.blocks.0...` -> `blocks.0...`). A prefix is only
 * stripped when something follows it. Returns the removed prefix ('' if none) and the rest.
 */
function keys_stripKnownPrefix(name) {
    let rest = name;
    let prefix = '';
    for (let round = 0; round < 4; round++) {
        // Every known prefix starts with a whole first segment: a name whose first segment starts none of them (most
        // names) is settled with one indexOf and one Set lookup instead of nine startsWith calls.
        const dot = rest.indexOf('.');
        if (dot < 0 || !PREFIX_HEADS.has(rest.slice(0, dot)))
            break;
        // A plain index loop, not find() with a closure nor for-of (whose every step allocates an iterator result
        // in the interpreter): this runs for every key of every model, in code too short-lived for the JIT.
        let p;
        for (let c = 0; c < names/* KNOWN_PREFIXES */.Nk.length; c++) {
            const candidate = names/* KNOWN_PREFIXES */.Nk[c];
            if (rest.length > candidate.length && rest.startsWith(candidate)) {
                p = candidate;
                break;
            }
        }
        if (p === undefined)
            break;
        prefix += p;
        rest = rest.slice(p.length);
    }
    return { prefix, rest };
}
/** The first segment of each known prefix (`model`, `base_model`, `diffusion_model`, ...). */
const PREFIX_HEADS = new Set(names/* KNOWN_PREFIXES */.Nk.map((p) => p.slice(0, p.indexOf('.'))));
const UNDERSCORE_BLOCK_RE = /(?:^|_)(single_transformer_blocks|transformer_blocks|double_blocks|single_blocks|joint_blocks|input_blocks|output_blocks|down_blocks|up_blocks|vace_blocks|blocks|layers)_(\d{1,9})_(.+)$/;
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
    const m = UNDERSCORE_BLOCK_RE.exec(head);
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
const ATTENTION_TOKENS = new Set([
    'attn',
    'attn1',
    'attn2',
    'attention',
    'qkv',
    'kv',
    'query',
    'key',
    'value'
]);
const ATTENTION_SEGMENTS = new Set([
    'q',
    'k',
    'v',
    'o',
    'to_q',
    'to_k',
    'to_v',
    'to_out',
    'to_qkv',
    'to_kv',
    'q_proj',
    'k_proj',
    'v_proj',
    'o_proj',
    'out_proj',
    'q_linear',
    'k_linear',
    'v_linear',
    'kv_linear',
    'add_q_proj',
    'add_k_proj',
    'add_v_proj',
    'to_add_out',
    'k_img',
    'v_img',
    'wq',
    'wk',
    'wv',
    'wo',
    'in_proj_weight',
    'in_proj_bias',
    'query_key_value',
    'q_norm',
    'k_norm',
    'norm_q',
    'norm_k',
    'query_norm',
    'key_norm',
    'norm_added_q',
    'norm_added_k',
    'norm_k_img'
]);
const FFN_TOKENS = new Set(['ffn', 'ff', 'mlp', 'fc1', 'fc2', 'feedforward']);
const FFN_SEGMENTS = new Set([
    'w1',
    'w2',
    'w3',
    'gate_proj',
    'up_proj',
    'down_proj',
    'proj_mlp',
    'feed_forward'
]);
const NORM_TOKEN_RE = /^(norm\d*|ln\d*|layernorm|rmsnorm|groupnorm|batchnorm)$|norm$/;
const MODULATION_TOKENS = new Set(['modulation', 'modulations', 'mod', 'adaln', 'modulate']);
const MODULATION_LINEARS = new Set(['linear', 'lin', 'linear_1', 'linear_2', 'emb']);
const EMBEDDING_SEGMENTS = new Set([
    'img_in',
    'txt_in',
    'time_in',
    'vector_in',
    'guidance_in',
    'patchify_proj',
    'conv_in',
    'proj_in',
    'caption_projection',
    'wte',
    'wpe',
    'token_embd'
]);
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
function computeKeyRoles(name, insideBlock) {
    const segs = name.split('.');
    const roles = [];
    let attention = false;
    let ffn = false;
    let norm = false;
    let modulation = false;
    let embedding = false;
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        const lower = seg.toLowerCase();
        if (ATTENTION_SEGMENTS.has(lower))
            attention = true;
        if (FFN_SEGMENTS.has(lower))
            ffn = true;
        if (lower === 'scale_shift_table')
            modulation = true;
        if (!insideBlock && (EMBEDDING_SEGMENTS.has(lower) || lower.includes('emb')))
            embedding = true;
        const tokens = lower.split('_');
        for (let t = 0; t < tokens.length; t++) {
            const token = tokens[t];
            if (ATTENTION_TOKENS.has(token))
                attention = true;
            else if (FFN_TOKENS.has(token))
                ffn = true;
            else if (MODULATION_TOKENS.has(token))
                modulation = true;
            else if (NORM_TOKEN_RE.test(token)) {
                // diffusers' AdaLayerNorm keeps its modulation linear under the norm's name: norm1.linear, norm_out.linear.
                const next = segs[i + 1]?.toLowerCase();
                if (next !== undefined && MODULATION_LINEARS.has(next) && i + 2 < segs.length)
                    modulation = true;
                else
                    norm = true;
            }
        }
    }
    if (attention)
        roles.push('attention');
    if (ffn && !embedding)
        roles.push('feedforward');
    if (norm)
        roles.push('normalization');
    if (modulation)
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
const WEIGHT_LEAVES = new Set(['weight', 'in_proj_weight', 'weight_int8', 'qweight', 'kernel']);
const BIAS_LEAVES = new Set(['bias', 'in_proj_bias']);
function isWeightLeaf(leaf) {
    return WEIGHT_LEAVES.has(leaf);
}
function isBiasLeaf(leaf) {
    return BIAS_LEAVES.has(leaf);
}
const ADAPTER_KEY = /(^|\.)(lora_down|lora_up|lora_A|lora_B|lora_mid|lora_linear_layer|lora|\w*_lora\d*|lora_te\w*|lora_unet\w*|lycoris_\w*)(\.|$)|\.(alpha|alpha_scale|dora_scale|lora_magnitude_vector|diff|diff_b|diff_m|oft_blocks|rescale)$|\.(hada|lokr)_\w+$|^lora___lorahyphen___/;
/**
 * True for a LoRA / LyCORIS / full-delta adapter tensor (`...q.lora_down.weight`, `...lora_A.default.weight`,
 * `...alpha`, `...hada_w1_a`, `...diff_b`, LongCat `lora___lorahyphen___...`): its shape is not a base weight's.
 */
function isAdapterKey(name) {
    // Every alternative of ADAPTER_KEY needs one of these substrings or an adapter leaf; base keys (nearly all keys
    // of a model) are settled by a few substring searches, which cost less than the regex in a cold process.
    if (!name.includes('lora') &&
        !name.includes('lycoris') &&
        !name.includes('hada_') &&
        !name.includes('lokr_')) {
        const dot = name.lastIndexOf('.');
        if (dot < 0 || !ADAPTER_LEAVES.has(name.slice(dot + 1)))
            return false;
    }
    return ADAPTER_KEY.test(name);
}
/** The leaves of the `\.(alpha|...)$` alternative that do not contain `lora`. */
const ADAPTER_LEAVES = new Set([
    'alpha',
    'alpha_scale',
    'dora_scale',
    'diff',
    'diff_b',
    'diff_m',
    'oft_blocks',
    'rescale'
]);

;// CONCATENATED MODULE: ./src/analysis/attention.ts
/**
 * Attention modules from names and shapes: which projections a module has (fused qkv, separate q/k/v, q plus fused
 * kv, or the unequal fused linear of Flux-style single blocks), self vs cross vs joint attention, q/k norms and
 * whether they are per head. Works on a block template (keys relative to the block) or on top-level keys.
 */

const PROJECTION_NAMES = new Map();
for (const [role, names] of Object.entries({
    q: ['q', 'to_q', 'q_proj', 'query', 'q_linear', 'wq'],
    k: ['k', 'to_k', 'k_proj', 'key', 'k_linear', 'wk'],
    v: ['v', 'to_v', 'v_proj', 'value', 'v_linear', 'wv'],
    qkv: ['qkv', 'to_qkv', 'qkv_proj', 'query_key_value', 'c_attn', 'wqkv', 'qkv_linear'],
    kv: ['kv', 'to_kv', 'kv_proj', 'kv_linear', 'wkv'],
    out: ['o', 'to_out', 'out_proj', 'proj', 'wo', 'c_proj', 'o_proj', 'out', 'output'],
    added_q: ['add_q_proj'],
    added_k: ['add_k_proj'],
    added_v: ['add_v_proj'],
    added_qkv: ['add_qkv_proj'],
    added_out: ['to_add_out'],
    k_img: ['k_img'],
    v_img: ['v_img']
})) {
    for (const n of names)
        PROJECTION_NAMES.set(n, role);
}
const NORM_NAMES = new Map([
    ['norm_q', 'q_norm'],
    ['q_norm', 'q_norm'],
    ['query_norm', 'q_norm'],
    ['ln_q', 'q_norm'],
    ['norm_k', 'k_norm'],
    ['k_norm', 'k_norm'],
    ['key_norm', 'k_norm'],
    ['ln_k', 'k_norm'],
    ['norm_added_q', 'added_q_norm'],
    ['norm_added_k', 'added_k_norm'],
    ['norm_k_img', 'k_img_norm']
]);
const SELF_NAMES = /^(self_attn|self_attention|selfattn|attn1)$/;
const CROSS_NAMES = /^(cross_attn|cross_attention|crossattn|attn2|encoder_attn)$/;
const STREAM_NAMES = /^(img_attn|txt_attn)$/;
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
        const role = PROJECTION_NAMES.get(name);
        if (role)
            return { container: joinPath(containerParts), role };
        const norm = NORM_NAMES.get(name);
        if (norm) {
            // Flux keeps its q/k norms under a QKNorm module: img_attn.norm.query_norm.scale.
            const parts = containerParts[containerParts.length - 1] === 'norm' ? containerParts.slice(0, -1) : containerParts;
            return { container: joinPath(parts), norm };
        }
        return null;
    };
    if (PROJECTION_NAMES.has(lower) || NORM_NAMES.has(lower))
        return fromName(lower, parent);
    if (underscore) {
        // HunyuanVideo / GGUF style: img_attn_qkv, img_attn_q_norm, attn_q, attn_output.
        const sub = underscore[2];
        const containerParts = [...parent, last.slice(0, underscore[1].length)];
        return fromName(sub, containerParts);
    }
    return null;
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
    if (STREAM_NAMES.test(name) || (name === 'attn' && /^(x_block|context_block)$/.test(parentName))) {
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
    if (CROSS_NAMES.test(name))
        return { kind: 'cross', kindEvidence: `name '${name}'` };
    if (SELF_NAMES.test(name))
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
function findBlockFamilies(tensors) {
    const candidates = collectCandidates(tensors);
    const qualified = [...candidates.values()].filter(qualifies).sort((a, b) => a.firstSeen - b.firstSeen);
    const patterns = new Set(qualified.map((c) => c.pattern));
    const notes = [];
    const families = qualified.map((c) => buildFamily(c, tensors, parentOf(c.pattern, patterns), notes));
    // Outer families come first so that consumers can read the list top-down.
    families.sort((a, b) => depth(a.family.pattern) - depth(b.family.pattern));
    const innermost = new Int32Array(tensors.length).fill(-1);
    const outermost = new Int32Array(tensors.length).fill(-1);
    families.forEach((f, fi) => {
        for (const inst of f.instances) {
            // Index loops over keys: see collectCandidates.
            for (let k = 0; k < inst.members.length; k++) {
                const t = inst.members[k];
                if (outermost[t] < 0)
                    outermost[t] = fi;
                const current = innermost[t];
                if (current < 0 || depth(families[current].family.pattern) < depth(f.family.pattern))
                    innermost[t] = fi;
            }
        }
    });
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
    const positions = [];
    for (let ti = 0; ti < tensors.length; ti++) {
        const name = tensors[ti].name;
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
            inst.members.push(ti);
            inst.rests.push(name.slice(start + segs[j].length + 1));
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
    if (BLOCK_CONTAINER_NAMES.has(c.name))
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
function buildFamily(c, tensors, parent, notes) {
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
    for (const group of ordered.slice(1)) {
        if (variants.length >= MAX_VARIANTS)
            break;
        variants.push(diffVariant(group, tensors, templateShapes));
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
    const uniformKeys = instances.every((inst) => sameRestsInOrder(inst, instances[0])) ||
        new Set(instances.map(nameSignature)).size === 1;
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
        if (!sameShape(tensors[a.members[i]].shape, tensors[b.members[i]].shape))
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
        else if (!sameShape(mine, shape) && shapeDifferences.length < MAX_DIFF_ITEMS) {
            shapeDifferences.push({ key, shape: [...mine], templateShape: [...shape] });
        }
    }
    for (const key of own.keys()) {
        if (!templateShapes.has(key) && extra.length < MAX_DIFF_ITEMS)
            extra.push(key);
    }
    return { blocks: group.map((i) => i.label), keyCount: rep.rests.length, missing, extra, shapeDifferences };
}
function sameShape(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/analysis/dimensions.ts

const PATCH_MODULE = /(^|\.)(patch_embedding|patch_embed|x_embedder|img_in|patchify_proj|pos_embed)(\.|$)/;
const INPUT_MODULE = /^(conv_in|proj_in|input_proj)$/;
const OUTPUT_MODULES = [
    'head.head',
    'final_layer.linear',
    'final_layer.proj',
    'proj_out',
    'conv_out',
    'out.2',
    'head'
];
const CONTEXT_MODULE = /(^|\.)(text_embedding|txt_in|y_embedder|context_embedder|caption_projection|text_embedder|encoder_hid_proj|cap_embedder)(\.|$)/;
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
        if (!patchTensor && (PATCH_MODULE.test(module) || INPUT_MODULE.test(module)))
            patchTensor = t;
        byModule.set(module, t);
    }
    if (patchTensor) {
        const { module } = splitLeaf(patchTensor.name);
        if (patchTensor.shape.length >= 3) {
            inChannels = known(patchTensor.shape[1], `${patchTensor.name} ${fmt(patchTensor.shape)}: conv in-channels`);
            if (PATCH_MODULE.test(module))
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
    const outModule = OUTPUT_MODULES.find((m) => byModule.has(m));
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
            return leaf === 'weight' && CONTEXT_MODULE.test(module);
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

;// CONCATENATED MODULE: ./src/analysis/families.ts
class Probe {
    ctx;
    evidence = [];
    byPattern;
    constructor(ctx) {
        this.ctx = ctx;
        this.byPattern = new Map(ctx.families.map((f) => [f.family.pattern, f]));
    }
    shape(name) {
        return this.ctx.shapes.get(name);
    }
    has(name) {
        return this.ctx.shapes.has(name);
    }
    /** The shape of `rest` in the blocks of `pattern` (any block), or undefined. */
    blockShape(pattern, rest) {
        return this.byPattern.get(pattern)?.unionEntries.find((e) => e.key === rest)?.shape;
    }
    blockHas(pattern, rest) {
        return this.byPattern.get(pattern)?.keyBlockCounts.has(rest) ?? false;
    }
    count(pattern) {
        return this.byPattern.get(pattern)?.family.count ?? 0;
    }
    /** Records `name [shape]` as evidence and returns the shape. */
    note(name, shape) {
        if (shape)
            this.evidence.push(`${name} [${shape.join(', ')}]`);
        return shape;
    }
    key(name) {
        return this.note(name, this.shape(name));
    }
    block(pattern, rest) {
        return this.note(`${pattern}.*.${rest}`, this.blockShape(pattern, rest));
    }
    blocks(pattern) {
        const n = this.count(pattern);
        this.evidence.push(`${pattern}: ${n} blocks`);
        return n;
    }
}
function result(p, id, name, variant, naming, confidence, headDim) {
    return { match: { id, name, variant, naming, confidence, evidence: p.evidence }, headDim };
}
/** Lowers confidence to medium with a note when an observed size differs from the reference one. */
function expectSize(p, what, seen, wanted, state) {
    if (seen !== wanted) {
        p.evidence.push(`${what} is ${seen ?? 'absent'}, the reference model has ${wanted}`);
        state.confidence = 'medium';
    }
}
function wanVariant(p, dim, inDim, image, flf, vace) {
    if (vace) {
        const size = dim === 1536 ? '1.3B' : dim === 5120 ? '14B' : `dim ${dim}`;
        return {
            name: `Wan2.1 VACE-${size}`,
            variant: dim === 1536 ? 'vace-1.3b' : dim === 5120 ? 'vace-14b' : null
        };
    }
    if (flf)
        return { name: 'Wan2.1 FLF2V-14B', variant: 'flf2v-14b', layers: 40, ffn: 13824 };
    if (image)
        return { name: 'Wan2.1 I2V-14B', variant: 'i2v-14b', layers: 40, ffn: 13824 };
    if (dim === 3072 && inDim === 48)
        return { name: 'Wan2.2 TI2V-5B', variant: 'ti2v-5b', layers: 30, ffn: 14336 };
    if (dim === 5120 && inDim === 36) {
        p.evidence.push('in_dim 36 without a CLIP image branch (img_emb / k_img): the Wan2.2 I2V layout');
        return { name: 'Wan2.2 I2V-A14B expert', variant: 'i2v-a14b', layers: 40, ffn: 13824 };
    }
    if (dim === 5120) {
        return {
            name: 'Wan2.1 T2V-14B (or a Wan2.2 T2V-A14B expert: same keys and shapes)',
            variant: 't2v-14b',
            layers: 40,
            ffn: 13824
        };
    }
    if (dim === 1536)
        return { name: 'Wan2.1 T2V-1.3B', variant: 't2v-1.3b', layers: 30, ffn: 8960 };
    return { name: `Wan-architecture model (dim ${dim})`, variant: null };
}
function wanOriginal(p) {
    const mod = p.key('head.modulation');
    const patch = p.key('patch_embedding.weight');
    if (!mod || !patch || !p.blockHas('blocks', 'self_attn.q.weight'))
        return null;
    const dim = mod[mod.length - 1];
    const inDim = patch[1];
    const image = p.key('img_emb.proj.0.bias') !== undefined || p.block('blocks', 'cross_attn.k_img.weight') !== undefined;
    const flf = p.key('img_emb.emb_pos') !== undefined;
    const vace = p.key('vace_patch_embedding.weight') !== undefined;
    if (!image)
        p.evidence.push('no img_emb.* or cross_attn.k_img: no CLIP image branch');
    const v = wanVariant(p, dim, inDim, image, flf, vace);
    const layers = p.blocks('blocks');
    const state = { confidence: 'high' };
    if (v.layers !== undefined)
        expectSize(p, 'block count', layers, v.layers, state);
    if (v.ffn !== undefined)
        expectSize(p, 'ffn dim', p.block('blocks', 'ffn.0.weight')?.[0], v.ffn, state);
    if (v.variant === null)
        state.confidence = 'medium';
    return result(p, 'wan', v.name, v.variant, 'original (Wan repo / ComfyUI)', state.confidence, 128);
}
function wanDiffusers(p) {
    const sst = p.key('scale_shift_table');
    const time = p.key('condition_embedder.time_embedder.linear_1.weight');
    if (!sst || !time || !p.blockHas('blocks', 'attn1.to_q.weight'))
        return null;
    const dim = sst[sst.length - 1];
    const inDim = p.key('patch_embedding.weight')?.[1];
    const image = p.key('condition_embedder.image_embedder.norm1.weight') !== undefined ||
        p.block('blocks', 'attn2.add_k_proj.weight') !== undefined;
    const flf = p.key('condition_embedder.image_embedder.pos_embed') !== undefined;
    if (!image)
        p.evidence.push('no condition_embedder.image_embedder or attn2.add_k_proj: no CLIP image branch');
    const v = wanVariant(p, dim, inDim, image, flf, false);
    const layers = p.blocks('blocks');
    const state = { confidence: 'high' };
    if (v.layers !== undefined)
        expectSize(p, 'block count', layers, v.layers, state);
    if (v.ffn !== undefined)
        expectSize(p, 'ffn dim', p.block('blocks', 'ffn.net.0.proj.weight')?.[0], v.ffn, state);
    if (v.variant === null)
        state.confidence = 'medium';
    return result(p, 'wan', v.name, v.variant, 'diffusers (WanTransformer3DModel)', state.confidence, 128);
}
function longcat(p) {
    const qkv = p.block('blocks', 'attn.qkv.weight');
    const kv = p.block('blocks', 'cross_attn.kv_linear.weight');
    if (!qkv || !kv || !p.key('x_embedder.proj.weight') || !p.key('y_embedder.y_proj.0.weight'))
        return null;
    const state = { confidence: 'high' };
    expectSize(p, 'hidden size', qkv[1], 4096, state);
    expectSize(p, 'block count', p.blocks('blocks'), 48, state);
    expectSize(p, 'ffn dim', p.block('blocks', 'ffn.w1.weight')?.[0], 11008, state);
    const exact = state.confidence === 'high';
    return result(p, 'longcat-video', exact ? 'LongCat-Video' : 'LongCat-Video-like architecture', null, 'original', state.confidence, 128);
}
function fluxOrHunyuan(p) {
    const refiner = p.has('txt_in.individual_token_refiner.blocks.0.norm1.weight') ||
        p.count('txt_in.individual_token_refiner.blocks') > 0;
    const bflQkv = p.block('double_blocks', 'img_attn.qkv.weight');
    const hyQkv = p.block('double_blocks', 'img_attn_qkv.weight');
    const linear1 = p.block('single_blocks', 'linear1.weight');
    if (!(bflQkv || hyQkv) || !linear1)
        return null;
    const state = { confidence: 'high' };
    const double = p.blocks('double_blocks');
    const single = p.blocks('single_blocks');
    if (refiner || hyQkv) {
        if (refiner)
            p.evidence.push('txt_in.individual_token_refiner: the HunyuanVideo text refiner');
        expectSize(p, 'hidden size', linear1[1], 3072, state);
        expectSize(p, 'double blocks', double, 20, state);
        expectSize(p, 'single blocks', single, 40, state);
        const naming = hyQkv ? 'original (HunyuanVideo repo)' : 'ComfyUI (Flux-style names)';
        return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128);
    }
    const hidden = p.key('img_in.weight')?.[0];
    expectSize(p, 'hidden size', hidden, 3072, state);
    expectSize(p, 'double blocks', double, 19, state);
    expectSize(p, 'single blocks', single, 38, state);
    const guidance = p.key('guidance_in.in_layer.weight') !== undefined;
    if (!guidance)
        p.evidence.push('no guidance_in: not guidance-distilled (schnell)');
    const variant = guidance ? 'dev' : 'schnell';
    return result(p, 'flux', `Flux.1-${variant}`, variant, 'original (BFL / ComfyUI)', state.confidence, 128);
}
function fluxDiffusers(p) {
    const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight');
    const mlp = p.block('single_transformer_blocks', 'proj_mlp.weight');
    if (!addQ || !mlp)
        return null;
    const state = { confidence: 'high' };
    expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 19, state);
    expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 38, state);
    const guidance = p.key('time_text_embed.guidance_embedder.linear_1.weight') !== undefined;
    const variant = guidance ? 'dev' : 'schnell';
    return result(p, 'flux', `Flux.1-${variant}`, variant, 'diffusers (FluxTransformer2DModel)', state.confidence, 128);
}
function stableDiffusionUnet(p) {
    const keys = [
        [
            'input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight',
            'input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight',
            'original (LDM / sgm)'
        ],
        [
            'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight',
            'down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight',
            'diffusers (UNet2DConditionModel)'
        ]
    ];
    for (const [sdxlKey, sd1Key, naming] of keys) {
        const xl = p.shape(sdxlKey);
        if (xl && xl[0] === 640 && xl[1] === 2048) {
            p.key(sdxlKey);
            return result(p, 'sdxl', 'SDXL (UNet)', null, naming, 'high', 64);
        }
        const sd = p.shape(sd1Key);
        if (sd && sd[0] === 320 && sd[1] === 768) {
            p.key(sd1Key);
            return result(p, 'sd1', 'Stable Diffusion 1.x (UNet)', null, naming, 'high');
        }
        if (sd && sd[0] === 320 && sd[1] === 1024) {
            p.key(sd1Key);
            return result(p, 'sd2', 'Stable Diffusion 2.x (UNet)', null, naming, 'high', 64);
        }
    }
    return null;
}
function qwenImage(p) {
    const mod = p.block('transformer_blocks', 'img_mod.1.weight');
    const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight');
    const txtNorm = p.key('txt_norm.weight');
    if (!mod || !addQ || !txtNorm)
        return null;
    const state = { confidence: 'high' };
    expectSize(p, 'hidden size', addQ[1], 3072, state);
    expectSize(p, 'block count', p.blocks('transformer_blocks'), 60, state);
    return result(p, 'qwen-image', 'Qwen-Image', null, 'diffusers / ComfyUI', state.confidence, 128);
}
function sd3(p) {
    const qkv = p.block('joint_blocks', 'x_block.attn.qkv.weight');
    if (!qkv)
        return null;
    const depth = p.blocks('joint_blocks');
    const lnQ = p.block('joint_blocks', 'x_block.attn.ln_q.weight') !== undefined;
    const attn2 = p.block('joint_blocks', 'x_block.attn2.qkv.weight') !== undefined;
    const state = { confidence: 'medium' };
    p.evidence.push(`hidden ${qkv[1]} = 64 x depth ${depth}: ${qkv[1] === 64 * depth ? 'yes' : 'no'} (sizes unverified)`);
    const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3';
    return result(p, 'sd3', `${name} (MMDiT)`, attn2 ? '3.5-medium' : lnQ ? '3.5' : '3', 'original (SAI / ComfyUI)', state.confidence, 64);
}
function ltx(p) {
    const q = p.block('transformer_blocks', 'attn1.to_q.weight');
    const sst = p.block('transformer_blocks', 'scale_shift_table');
    if (!q || !sst)
        return null;
    const original = p.key('patchify_proj.weight') !== undefined || p.key('adaln_single.linear.weight') !== undefined;
    const diffusers = p.key('proj_in.weight') !== undefined && p.key('caption_projection.linear_1.weight') !== undefined;
    if (!original && !diffusers)
        return null;
    const layers = p.blocks('transformer_blocks');
    const hidden = q[1];
    const variant = hidden === 2048 && layers === 28 ? '2b' : hidden === 4096 && layers === 48 ? '13b' : null;
    const headDim = variant === '2b' ? 64 : variant === '13b' ? 128 : undefined;
    return result(p, 'ltx-video', variant ? `LTX-Video ${variant.toUpperCase()}` : 'LTX-Video-like architecture', variant, original ? 'original (LTX / ComfyUI)' : 'diffusers', variant ? 'high' : 'medium', headDim);
}
function cogvideox(p) {
    const sat = p.block('layers', 'attention.query_key_value.weight');
    const diffusers = p.blockShape('transformer_blocks', 'norm1.linear.weight') &&
        p.blockShape('transformer_blocks', 'norm1.norm.weight') &&
        p.block('transformer_blocks', 'attn1.to_q.weight');
    if (!sat && !diffusers)
        return null;
    if (diffusers)
        p.block('transformer_blocks', 'norm1.linear.weight');
    const pattern = sat ? 'layers' : 'transformer_blocks';
    const layers = p.blocks(pattern);
    const hidden = (sat ?? diffusers ?? [0, 0])[1];
    const variant = hidden === 1920 && layers === 30 ? '2b' : hidden === 3072 && layers === 42 ? '5b' : null;
    return result(p, 'cogvideox', variant ? `CogVideoX-${variant.toUpperCase()}` : 'CogVideoX-like architecture', variant, sat ? 'original (SAT)' : 'diffusers', variant ? 'high' : 'medium', 64);
}
const RULES = [
    { rule: wanOriginal, keys: ['head.modulation'] },
    { rule: wanDiffusers, keys: ['scale_shift_table'] },
    { rule: longcat, blockKeys: [['blocks', 'attn.qkv.weight']] },
    { rule: fluxOrHunyuan, blockKeys: [['single_blocks', 'linear1.weight']] },
    { rule: fluxDiffusers, blockKeys: [['single_transformer_blocks', 'proj_mlp.weight']] },
    {
        rule: stableDiffusionUnet,
        keys: [
            'input_blocks.4.1.transformer_blocks.0.attn2.to_k.weight',
            'input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight',
            'down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight',
            'down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight'
        ]
    },
    { rule: qwenImage, keys: ['txt_norm.weight'] },
    { rule: sd3, blockKeys: [['joint_blocks', 'x_block.attn.qkv.weight']] },
    { rule: ltx, blockKeys: [['transformer_blocks', 'scale_shift_table']] },
    {
        rule: cogvideox,
        blockKeys: [
            ['layers', 'attention.query_key_value.weight'],
            ['transformer_blocks', 'attn1.to_q.weight']
        ]
    }
];
const RANK = { high: 0, medium: 1, low: 2 };
function mayMatch(g, ctx) {
    if (g.keys)
        for (const k of g.keys)
            if (ctx.shapes.has(k))
                return true;
    if (g.blockKeys) {
        for (const [pattern, rest] of g.blockKeys) {
            for (const f of ctx.families)
                if (f.family.pattern === pattern && f.keyBlockCounts.has(rest))
                    return true;
        }
    }
    return false;
}
/** Every matching family rule, best first. */
function identifyFamilies(ctx) {
    const out = [];
    for (const g of RULES) {
        if (!mayMatch(g, ctx))
            continue;
        const r = g.rule(new Probe(ctx));
        if (r)
            out.push(r);
    }
    return out.sort((a, b) => RANK[a.match.confidence] - RANK[b.match.confidence]);
}

;// CONCATENATED MODULE: ./src/analysis/ffn.ts

const ffn_FFN_TOKENS = new Set(['ffn', 'ff', 'mlp', 'feedforward']);
const GATE_NAMES = /^(w1|gate|gate_proj|ffn_gate|wi_0)$/;
const UP_NAMES = /^(w3|up|up_proj|ffn_up|wi_1)$/;
/** The FFN container of a module path: the path up to its first FFN-named segment (`ffn`, `img_mlp`, `ff_context`). */
function ffnContainer(module) {
    const segs = module.split('.');
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i].toLowerCase();
        if (seg === 'feed_forward')
            return segs.slice(0, i + 1).join('.');
        const tokens = seg.split('_');
        if (!tokens.some((t) => ffn_FFN_TOKENS.has(t)))
            continue;
        // GGUF style `ffn_gate` / `ffn_up` / `ffn_down` as the last segment: the container is the shared `ffn` part.
        if (i === segs.length - 1 && tokens.length === 2 && ffn_FFN_TOKENS.has(tokens[0]) && i > 0) {
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
            const gateIndex = UP_NAMES.test(lastName(ups[0].key)) || GATE_NAMES.test(lastName(ups[1].key)) ? 1 : 0;
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
    const knownPrefixes = new Map();
    const topLevel = new Map();
    const leaves = new Map();
    let commonKnown = null;
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
        const { prefix, rest } = keys_stripKnownPrefix(name);
        const segs = rest.split('.');
        const firstFlags = flagsOf(segs[0]);
        if (firstFlags & SEG_UNDERSCORE_INDEX || (segs.length === 1 && firstFlags & SEG_UNDERSCORE))
            underscored++;
        else if (segs.length > 1)
            dotted++;
        if (prefix)
            bump(knownPrefixes, prefix);
        commonKnown = commonKnown === null ? prefix : commonKnown === prefix ? prefix : '';
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
        commonPrefix: commonKnown ?? '',
        analysisPrefix: dominantPrefix(commonKnown ?? '', knownPrefixes, names.length),
        sharedPrefix: shared ?? '',
        knownPrefixes: countsToList(knownPrefixes, MAX_TOP_LEVEL),
        topLevelModules: countsToList(topLevel, MAX_TOP_LEVEL),
        leafNames: countsToList(leaves, MAX_LEAVES)
    };
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
/**
 * The result of analysing one model's structure from its tensor names and shapes (`analyzeStructure`). Every field
 * is plain JSON (numbers, strings, arrays, objects): the `analyze --json` manifest embeds it as `structure`, and
 * compare / LoRA / gate code consumes it. Fields are only ever added, never renamed (see `STRUCTURE_SCHEMA_VERSION`).
 */
const STRUCTURE_SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/analysis/structure.ts








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
    const notes = [];
    const naming = namingConventions(ckpt.tensors.map((t) => t.name));
    const denoiser = denoiserComponent(ckpt);
    if (denoiser && !naming.commonPrefix)
        naming.analysisPrefix = denoiser;
    const prefix = naming.analysisPrefix;
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
        if (isAdapterKey(name)) {
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
    const { families, innermost, outermost, notes: blockNotes } = findBlockFamilies(tensors);
    notes.push(...blockNotes);
    // Roles and categories, per key.
    const roleMask = new Uint8Array(tensors.length);
    const roleKeys = {
        attention: 0,
        feedforward: 0,
        normalization: 0,
        modulation: 0,
        embedding: 0
    };
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
        const t = tensors[i];
        const roles = blockRoles[i] ?? keyRoles(t.name, outermost[i] >= 0);
        let mask = 0;
        for (let r = 0; r < roles.length; r++) {
            mask |= ROLE_BIT[roles[r]];
            roleKeys[roles[r]]++;
        }
        roleMask[i] = mask;
        const module = modules[i];
        const leaf = leaves[i];
        let category;
        const normLike = mask & ROLE_BIT.normalization || normModules.has(module);
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
    const roles = Object.fromEntries(ROLE_ORDER.map((r) => [r, { keys: roleKeys[r], blocks: roleBlocks[r] }]));
    // Modules per family (keys owned by a nested family are analysed there), then outside every family.
    const attention = [];
    const ffn = [];
    families.forEach((f, fi) => {
        const entries = f.unionEntries.filter((e) => innermost[e.tensor] === fi && !adapter[e.tensor]);
        const blocksHaving = (key) => f.keyBlockCounts.get(key) ?? 0;
        attention.push(...findAttentionModules(entries, f.family.pattern, blocksHaving, notes));
        ffn.push(...findFfnModules(entries, f.family.pattern, blocksHaving));
        let mask = 0;
        for (const e of f.unionEntries)
            mask |= roleMask[e.tensor];
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
        if (!(roleMask[i] & ROLE_BIT.embedding))
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
    const candidates = identifyFamilies({ shapes, families });
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
    return {
        schemaVersion: STRUCTURE_SCHEMA_VERSION,
        tensorCount: tensors.length,
        paramCount,
        paramCountExact: exact,
        dtypes: [...dtypeMap.values()].sort((a, b) => b.params - a.params || b.keys - a.keys),
        parameterTypes,
        roles,
        naming,
        blockFamilies: families.map((f) => f.family),
        topLevelKeys,
        attention,
        ffn,
        dimensions,
        family: best?.match ?? null,
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


/***/ }),

/***/ 8732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ formatThreshold),
/* harmony export */   BB: () => (/* binding */ formatShape),
/* harmony export */   Ev: () => (/* binding */ thresholdReason),
/* harmony export */   IN: () => (/* binding */ cutText),
/* harmony export */   KN: () => (/* binding */ percent)
/* harmony export */ });
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/** Number formatting shared by the gate's messages and the Markdown report. */

// One rounding for every figure, in the gate's messages and in every renderer.

/** A threshold as the user wrote it: 80 -> "80%", 72.5 -> "72.5%". */
function formatThreshold(value) {
    return `${Number.isInteger(value) ? value : value.toString()}%`;
}
function formatShape(shape) {
    return `[${shape.join(', ')}]`;
}
/** Percent of `part` over `whole`, 0 when `whole` is 0 (an empty LoRA loads nothing). */
function percent(part, whole) {
    return whole > 0 ? (100 * part) / whole : 0;
}
/**
 * Cut between words, marking the cut with an ellipsis: a reason never ends in half a word. Only text with no space
 * at all in reach (one long key) is cut inside it.
 */
function cutText(text, max) {
    if (text.length <= max)
        return text;
    const head = text.slice(0, max - 1);
    const space = head.lastIndexOf(' ');
    return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s;,:·—-]+$/, '')}…`;
}
/** `loadable 62.5% is under the 80% threshold`. */
function thresholdReason(metric, figure, threshold) {
    return `${metric} ${(0,_util_figures_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l)(figure)} is under the ${formatThreshold(threshold)} threshold`;
}


/***/ })

};
;