"use strict";
exports.id = 597;
exports.ids = [597];
exports.modules = {

/***/ 1597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xt: () => (/* reexport */ compareCheckpoints),
  cx: () => (/* reexport */ toMappingFile)
});

// UNUSED EXPORTS: COMPATIBLE_ABOVE, KNOWN_PREFIXES, MAPPING_SCHEMA_VERSION, PARTIAL_FROM, normalizeKey, tierOf, verdictOf

// EXTERNAL MODULE: ./src/lookup.ts
var lookup = __webpack_require__(9493);
;// CONCATENATED MODULE: ./src/compare/normalize.ts
/**
 * Key normalisation: the prefixes and wrappers that tools put in front of the same state dict
 * (key-formats.md §0 and §6). Stripping them is what turns "0% exact overlap" into "same model, other packaging".
 */
/**
 * Known prefixes, longest first so `model.diffusion_model.` wins over `model.`. Wrappers (`module.` from
 * DataParallel, `_orig_mod.` from torch.compile) can stack, so stripping repeats.
 */
const KNOWN_PREFIXES = [
    'model.diffusion_model.',
    'base_model.model.',
    'diffusion_model.',
    'transformer_2.',
    'transformer.',
    'pipe.dit.',
    'unet.',
    'module.',
    '_orig_mod.',
    'model.'
];
/** Rounds of stripping: enough for every real stack we know (`module._orig_mod.model.diffusion_model.`). */
const MAX_ROUNDS = 6;
function normalizeKey(key) {
    const rest = stripKnownPrefixes(key);
    return { key: rest, stripped: key.slice(0, key.length - rest.length) };
}
/** The key without its known prefixes (what `normalizeKey(key).key` is, without the extra object). */
function stripKnownPrefixes(key) {
    let rest = key;
    for (let round = 0; round < MAX_ROUNDS; round++) {
        let prefix;
        for (const p of KNOWN_PREFIXES) {
            if (rest.length > p.length && rest.startsWith(p)) {
                prefix = p;
                break;
            }
        }
        if (prefix === undefined)
            break;
        rest = rest.slice(prefix.length);
    }
    return rest;
}

;// CONCATENATED MODULE: ./src/compare/model.ts
/**
 * The shape of one model as the mapper sees it: tensors grouped into modules (a Linear's weight and bias travel
 * together), modules grouped into scopes (one scope per block of a repeated-block family, plus the top level).
 * Built in one linear pass over the keys.
 */


/** Parameter leaves and their canonical names (RMSNorm `scale` and LayerNorm `gamma` are weights). */
const LEAVES = (0,lookup/* lookupTable */.z)({
    weight: 'weight',
    bias: 'bias',
    scale: 'weight',
    gamma: 'weight',
    beta: 'bias',
    running_mean: 'running_mean',
    running_var: 'running_var',
    num_batches_tracked: 'num_batches_tracked',
    weight_int8: 'weight_int8',
    weight_scale: 'weight_scale'
});
/** nn.MultiheadAttention stores its fused projection as leaves of the attention module itself. */
const FUSED_LEAVES = (0,lookup/* lookupTable */.z)({
    in_proj_weight: ['in_proj', 'weight'],
    in_proj_bias: ['in_proj', 'bias']
});
/**
 * A family needs this many tensors per block on average: `ffn.0`/`ffn.2` (one Linear each: weight and bias) is
 * not a family of blocks, `blocks.N` (27 tensors each in Wan) is.
 */
const MIN_TENSORS_PER_BLOCK = 3;
function splitLeaf(segments) {
    const last = segments[segments.length - 1];
    const fused = FUSED_LEAVES[last];
    if (fused)
        return { path: [...segments.slice(0, -1), fused[0]].join('.'), leaf: fused[1] };
    const leaf = LEAVES[last];
    if (leaf !== undefined)
        return { path: segments.slice(0, -1).join('.'), leaf };
    return { path: segments.join('.'), leaf: '' };
}
function firstNumeric(segments) {
    for (let i = 1; i < segments.length; i++)
        if (/^\d{1,9}$/.test(segments[i]))
            return i;
    return -1;
}
function numel(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    return n;
}
function leafSig(leaf, t) {
    return `${leaf}=${t.shape.join('x')}`;
}
function finishModule(m) {
    // Most modules have one or two leaves (weight, bias): skip the general sort-map-join for the one-leaf case.
    if (m.leaves.size === 1) {
        const [[leaf, t]] = m.leaves;
        return { ...m, sig: leafSig(leaf, t), numelSig: `${leaf}=${numel(t.shape)}` };
    }
    const names = [...m.leaves.keys()].sort();
    const sig = names.map((l) => leafSig(l, m.leaves.get(l))).join(',');
    const numelSig = names.map((l) => `${l}=${numel(m.leaves.get(l).shape)}`).join(',');
    return { ...m, sig, numelSig };
}
class ScopeBuilder {
    id;
    family;
    index;
    modules = new Map();
    constructor(id, family, index) {
        this.id = id;
        this.family = family;
        this.index = index;
    }
    add(path, leaf, t) {
        let m = this.modules.get(path);
        if (!m) {
            m = { path, leaves: new Map(), position: this.modules.size };
            this.modules.set(path, m);
        }
        if (m.leaves.has(leaf))
            return false;
        m.leaves.set(leaf, t);
        return true;
    }
    build() {
        const modules = [...this.modules.values()].map(finishModule);
        const pathTemplate = modules.map((m) => m.path).join('\n');
        const template = `${pathTemplate}\u0000${modules.map((m) => m.sig).join('\n')}`;
        return { id: this.id, family: this.family, index: this.index, modules, template, pathTemplate };
    }
}
/** Groups a checkpoint's tensors into scopes and modules. Linear in the number of keys. */
function parseModel(ckpt) {
    const tensors = [];
    const byNormKey = new Map();
    const collisions = [];
    const unique = [];
    for (const t of ckpt.tensors) {
        const ref = { key: t.name, normKey: stripKnownPrefixes(t.name), shape: t.shape };
        tensors.push(ref);
        if (byNormKey.has(ref.normKey))
            collisions.push(ref.key);
        else {
            byNormKey.set(ref.normKey, ref);
            unique.push(ref);
        }
    }
    // Pass 1: which numbered prefixes are block families (several blocks, several modules per block). Counting
    // tensors per block stands in for counting modules: a Linear's weight and bias are 2 tensors, one module.
    const segmentsOf = new Array(unique.length);
    const numericAt = new Array(unique.length);
    const prefixOf = new Array(unique.length);
    const candidates = new Map();
    for (let n = 0; n < unique.length; n++) {
        const segments = unique[n].normKey.split('.');
        segmentsOf[n] = segments;
        const p = firstNumeric(segments);
        numericAt[n] = p;
        if (p < 0 || p === segments.length - 1)
            continue;
        const prefix = segments.slice(0, p).join('.');
        prefixOf[n] = prefix;
        let c = candidates.get(prefix);
        if (!c)
            candidates.set(prefix, (c = { indices: new Set(), tensors: 0 }));
        c.indices.add(Number(segments[p]));
        c.tensors++;
    }
    const familyPrefixes = new Set();
    for (const [prefix, c] of candidates) {
        if (c.indices.size >= 2 && c.tensors >= MIN_TENSORS_PER_BLOCK * c.indices.size)
            familyPrefixes.add(prefix);
    }
    // Pass 2: place every tensor in its scope and module.
    const top = new ScopeBuilder('', '', 0);
    const familyScopes = new Map();
    for (let n = 0; n < unique.length; n++) {
        const ref = unique[n];
        const segments = segmentsOf[n];
        const p = numericAt[n];
        let scope = top;
        let rest = segments;
        if (p >= 0 && p < segments.length - 1) {
            const prefix = prefixOf[n];
            if (familyPrefixes.has(prefix)) {
                const index = Number(segments[p]);
                let scopes = familyScopes.get(prefix);
                if (!scopes)
                    familyScopes.set(prefix, (scopes = new Map()));
                let s = scopes.get(index);
                if (!s)
                    scopes.set(index, (s = new ScopeBuilder(`${prefix}.${index}`, prefix, index)));
                scope = s;
                rest = segments.slice(p + 1);
            }
        }
        const { path, leaf } = splitLeaf(rest);
        if (!scope.add(path, leaf, ref))
            collisions.push(ref.key);
    }
    const families = [...familyScopes.entries()].map(([prefix, scopes]) => ({
        prefix,
        scopes: [...scopes.values()].sort((x, y) => x.index - y.index).map((s) => s.build())
    }));
    return { top: top.build(), families, tensors, byNormKey, collisions };
}

;// CONCATENATED MODULE: ./src/compare/tokens.ts
/**
 * Name tokens for key mapping. A module path such as `attn1.to_q` or `self_attn.q` becomes a small set of
 * canonical tokens ({attn, self, q}) through a GENERIC vocabulary of the words the common naming conventions use
 * for the same role (q/to_q/q_proj/query, attn1/self_attn, ffn/ff/mlp, ...). There is deliberately no per-model
 * rename table here: the mapper must work on model pairs it has never seen.
 */

/** Ordinal tokens look like `#1`: the position of a module among numbered siblings (ffn.0 / ffn.2 -> #1 / #2). */
const ORDINAL_PREFIX = '#';
/** Whole-segment synonyms: a segment that means several tokens at once. */
const SEGMENT_SYNONYMS = (0,lookup/* lookupTable */.z)({
    attn1: ['attn', 'self'],
    attn2: ['attn', 'cross'],
    self_attn: ['attn', 'self'],
    self_attention: ['attn', 'self'],
    cross_attn: ['attn', 'cross'],
    cross_attention: ['attn', 'cross'],
    query_key_value: ['qkv'],
    in_proj: ['qkv'],
    scale_shift_table: ['mod'],
    feed_forward: ['ffn'],
    proj_out: ['out'],
    final_layer: ['out'],
    norm_out: ['out', 'norm'],
    conv_out: ['out', 'conv'],
    conv_in: ['patch', 'conv'],
    proj_in: ['patch']
});
/** Single-word synonyms (after splitting a segment on `_`). */
const WORD_SYNONYMS = (0,lookup/* lookupTable */.z)({
    query: 'q',
    wq: 'q',
    key: 'k',
    wk: 'k',
    value: 'v',
    wv: 'v',
    o: 'out',
    wo: 'out',
    head: 'out',
    final: 'out',
    output: 'out',
    wqkv: 'qkv',
    ff: 'ffn',
    mlp: 'ffn',
    feedforward: 'ffn',
    ln: 'norm',
    layernorm: 'norm',
    rmsnorm: 'norm',
    groupnorm: 'norm',
    attention: 'attn',
    embedding: 'emb',
    embeddings: 'emb',
    embedder: 'emb',
    embed: 'emb',
    modulation: 'mod',
    adaln: 'mod',
    timestep: 'time',
    projection: 'proj',
    temb: 'time',
    t: 'time',
    txt: 'text',
    caption: 'text',
    context: 'text',
    y: 'text',
    x: 'patch',
    patchify: 'patch',
    image: 'img',
    crs: 'cross',
    added: 'add'
});
/** Words that carry little meaning on their own (a Linear is a Linear): kept only as a weak tie-breaker. */
const FILLER = new Set([
    'to',
    'proj',
    'linear',
    'lin',
    'net',
    'layer',
    'layers',
    'module',
    'fc',
    'w',
    'dense',
    'condition',
    'cond',
    'pre',
    'blocks',
    'block',
    'op'
]);
/** Words naming an attention module: a `proj` directly under one is the attention output projection. */
const ATTENTION_CONTEXT = 'attn';
/** The fused-projection words and the parts they stand for, in the row order every known converter uses. */
const FUSED_PARTS = (0,lookup/* lookupTable */.z)({ qkv: ['q', 'k', 'v'], kv: ['k', 'v'] });
/** The role words: what a projection or norm is for. Two modules with different roles never pair on names. */
const ROLE_TOKENS = new Set(['q', 'k', 'v', 'out', 'qkv', 'kv', 'mod', 'norm', 'emb', 'ffn', 'patch']);
function splitWord(word) {
    if (/^\d+$/.test(word))
        return [ORDINAL_PREFIX + String(Number(word))];
    // Trailing digits become an ordinal: fc1 -> fc #1, linear_1 -> linear #1, norm3 -> norm #3, w2 -> w #2.
    const m = /^([a-z]+?)(\d+)$/.exec(word);
    if (m && !SEGMENT_SYNONYMS[word])
        return [m[1], ORDINAL_PREFIX + String(Number(m[2]))];
    return [word];
}
/**
 * Canonical tokens for a module path inside a block (or at top level). `ordinalOf` turns a numeric segment into its
 * rank among numbered siblings (1-based), or undefined when the number should be dropped (an only child such as
 * `to_out.0` or `adaLN_modulation.1`).
 */
function moduleTokens(path, ordinalOf) {
    const core = new Set();
    const filler = new Set();
    const segments = path === '' ? [] : path.split('.');
    let parent = '';
    let previousWasAttention = false;
    for (const rawSegment of segments) {
        const segment = rawSegment.toLowerCase();
        const here = parent;
        parent = parent === '' ? rawSegment : `${parent}.${rawSegment}`;
        if (/^\d+$/.test(segment)) {
            const ordinal = ordinalOf(here, Number(segment));
            if (ordinal !== undefined)
                core.add(ORDINAL_PREFIX + String(ordinal));
            previousWasAttention = false;
            continue;
        }
        const whole = SEGMENT_SYNONYMS[segment];
        if (whole) {
            for (const t of whole)
                core.add(t);
            previousWasAttention = whole.includes(ATTENTION_CONTEXT);
            continue;
        }
        let segmentIsAttention = false;
        const words = segment.split('_').filter((w) => w !== '');
        const expanded = [];
        for (const word of words)
            expanded.push(...splitWord(word));
        // query_key_value-like spellings inside one segment ("q_k_v", "to_qkv") are caught by the q+k+v rule below.
        for (const word of expanded) {
            if (word.startsWith(ORDINAL_PREFIX)) {
                core.add(word);
                continue;
            }
            const synonym = WORD_SYNONYMS[word] ?? word;
            if (synonym === 'proj' && previousWasAttention && words.length === 1) {
                core.add('out');
            }
            else if (FILLER.has(synonym)) {
                filler.add(synonym);
            }
            else {
                core.add(synonym);
            }
            if (synonym === ATTENTION_CONTEXT)
                segmentIsAttention = true;
        }
        previousWasAttention = segmentIsAttention;
    }
    if (core.has('q') && core.has('k') && core.has('v')) {
        core.delete('q');
        core.delete('k');
        core.delete('v');
        core.add('qkv');
    }
    const coreList = [...core].sort();
    return { core: coreList, filler: [...filler].sort(), canon: coreList.join(' ') };
}
/** Weighted Jaccard similarity of two token sets: core tokens weigh 1, fillers 0.25. In [0, 1]. */
function tokenSimilarity(a, b) {
    let inter = 0;
    let union = 0;
    const coreB = new Set(b.core);
    for (const t of a.core) {
        if (coreB.has(t))
            inter += 1;
        union += 1;
    }
    for (const t of b.core)
        if (!a.core.includes(t))
            union += 1;
    const fillerB = new Set(b.filler);
    for (const t of a.filler) {
        if (fillerB.has(t))
            inter += 0.25;
        union += 0.25;
    }
    for (const t of b.filler)
        if (!a.filler.includes(t))
            union += 0.25;
    return union === 0 ? 1 : inter / union;
}
/** True when every core token of `small` is in `big` (one name refines the other: attn.q_norm vs self_attn.q_norm). */
function isCoreSubset(small, big) {
    if (small.core.length === 0)
        return false;
    const set = new Set(big.core);
    return small.core.every((t) => set.has(t));
}
/** True when the two token sets share a role word (both are norms, both are `q`, ...). */
function sharesRole(a, b) {
    const set = new Set(b.core);
    return a.core.some((t) => ROLE_TOKENS.has(t) && set.has(t));
}
/** True when the two token sets name different roles (q vs k, norm vs out): such a pair is never a rename. */
function rolesConflict(a, b) {
    const ra = a.core.filter((t) => ROLE_TOKENS.has(t) && t !== 'ffn' && t !== 'emb');
    const rb = b.core.filter((t) => ROLE_TOKENS.has(t) && t !== 'ffn' && t !== 'emb');
    if (ra.length === 0 || rb.length === 0)
        return false;
    const qkvA = ra.filter((t) => t === 'q' || t === 'k' || t === 'v' || t === 'qkv' || t === 'kv');
    const qkvB = rb.filter((t) => t === 'q' || t === 'k' || t === 'v' || t === 'qkv' || t === 'kv');
    if (qkvA.length > 0 && qkvB.length > 0 && !qkvA.some((t) => qkvB.includes(t)))
        return true;
    return false;
}
/** The fused word of a module (qkv or kv) and its parts, if its name says it is fused. */
function fusedParts(tokens) {
    for (const word of ['qkv', 'kv']) {
        const parts = FUSED_PARTS[word];
        if (parts && tokens.core.includes(word))
            return { word, parts };
    }
    return undefined;
}
/**
 * Core tokens as words for a mapping reason: `emb text (1st numbered)` rather than the set `{#1, emb, text}`.
 * Ordinals are positions among numbered siblings (ffn.0 / ffn.2 are the 1st / 2nd numbered).
 */
function describeTokens(t) {
    const words = t.core.filter((w) => !w.startsWith(ORDINAL_PREFIX));
    const ordinals = t.core.filter((w) => w.startsWith(ORDINAL_PREFIX)).map((w) => ordinal(w.slice(1)));
    const text = words.length > 0 ? words.join(' ') : '(no role words)';
    return ordinals.length > 0 ? `${text} (${ordinals.join(', ')} numbered)` : text;
}
function ordinal(n) {
    const tens = Number(n) % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][Number(n) % 10] ?? 'th');
    return `${n}${suffix}`;
}

;// CONCATENATED MODULE: ./src/compare/split.ts

/** More candidates than this and the subset search is skipped (2^12 subsets at most). */
const MAX_CANDIDATES = 12;
const MIN_PARTS = 2;
const MAX_PARTS = 5;
/** Row order of the parts: attention projections in q, k, v order first, then the rest by position. */
const ROLE_ORDER = ['q', 'k', 'v'];
/** True when every leaf of `whole` is the row-concatenation of the same leaf of each part. */
function partsFit(whole, parts) {
    for (const [leaf, t] of whole.leaves) {
        if (t.shape.length === 0)
            return false;
        let rows = 0;
        for (const p of parts) {
            const s = p.leaves.get(leaf)?.shape;
            if (!s || s.length !== t.shape.length)
                return false;
            for (let d = 1; d < s.length; d++)
                if (s[d] !== t.shape[d])
                    return false;
            rows += s[0];
        }
        if (rows !== t.shape[0])
            return false;
    }
    for (const p of parts)
        if (p.leaves.size !== whole.leaves.size)
            return false;
    return true;
}
function roleRank(t) {
    for (let r = 0; r < ROLE_ORDER.length; r++)
        if (t.core.includes(ROLE_ORDER[r]))
            return r;
    return ROLE_ORDER.length;
}
function weightShape(m) {
    return (m.leaves.get('weight') ?? [...m.leaves.values()][0])?.shape;
}
/**
 * Indices into `to.modules` (from `free`) whose rows add up to `whole`, in row order; undefined unless exactly one
 * combination fits.
 */
function findShapeSplit(whole, _wholeTokens, to, free) {
    const ws = weightShape(whole);
    if (!ws || ws.length === 0)
        return undefined;
    const candidates = free.filter((j) => {
        const m = to.modules[j];
        const s = weightShape(m);
        if (!s || s.length !== ws.length || s[0] >= ws[0] || m.leaves.size !== whole.leaves.size)
            return false;
        for (let d = 1; d < s.length; d++)
            if (s[d] !== ws[d])
                return false;
        for (const leaf of whole.leaves.keys())
            if (!m.leaves.has(leaf))
                return false;
        return true;
    });
    if (candidates.length < MIN_PARTS || candidates.length > MAX_CANDIDATES)
        return undefined;
    let found;
    let count = 0;
    const n = candidates.length;
    for (let mask = 1; mask < 1 << n; mask++) {
        const bits = popcount(mask);
        if (bits < MIN_PARTS || bits > MAX_PARTS)
            continue;
        let rows = 0;
        const chosen = [];
        for (let k = 0; k < n; k++) {
            if (mask & (1 << k)) {
                chosen.push(candidates[k]);
                rows += weightShape(to.modules[candidates[k]])[0];
            }
        }
        if (rows !== ws[0])
            continue;
        if (!partsFit(whole, chosen.map((j) => to.modules[j])))
            continue;
        count++;
        if (count > 1)
            return undefined;
        found = chosen;
    }
    if (!found)
        return undefined;
    return found.sort((x, y) => roleRank(to.tokens[x]) - roleRank(to.tokens[y]) || to.modules[x].position - to.modules[y].position);
}
function popcount(x) {
    let c = 0;
    while (x) {
        x &= x - 1;
        c++;
    }
    return c;
}
function leadingDim(m) {
    const t = m.leaves.get('weight') ?? [...m.leaves.values()][0];
    return t.shape.length > 0 ? t.shape[0] : 1;
}
/** Groups of `to` modules, one per part role, under one parent, whose rows add up to module `i` of `from`. */
function namedPartGroups(from, i, parts, to, usedTo, requireFit = true) {
    const fusedModule = from.modules[i];
    const byParent = new Map();
    to.modules.forEach((_, j) => {
        if (usedTo[j])
            return;
        const p = to.parents[j];
        let list = byParent.get(p);
        if (!list)
            byParent.set(p, (list = []));
        list.push(j);
    });
    const out = [];
    for (const members of byParent.values()) {
        const chosen = [];
        for (const part of parts) {
            const hits = members.filter((j) => {
                const core = to.tokens[j].core;
                return core.includes(part) && !core.includes('qkv') && !core.includes('kv') && !core.includes('norm');
            });
            if (hits.length !== 1)
                break;
            chosen.push(hits[0]);
        }
        if (chosen.length !== parts.length)
            continue;
        if (requireFit &&
            !partsFit(fusedModule, chosen.map((j) => to.modules[j])))
            continue;
        out.push({ parts: chosen, score: tokenSimilarity(from.parentTokens[i], to.parentTokens[chosen[0]]) });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/compare/scope-info.ts

/** Tokens of every module of a scope, with ordinals computed among numbered siblings of this scope. */
function scopeInfo(scope, cache) {
    // The count keeps "no module" apart from "one module with an empty path" (a bare `weight` key).
    const cacheKey = `${scope.modules.length}\u0000${scope.pathTemplate}`;
    const known = cache?.get(cacheKey);
    if (known)
        return { modules: scope.modules, ...known };
    const info = computeScopeInfo(scope);
    cache?.set(cacheKey, { tokens: info.tokens, parentTokens: info.parentTokens, parents: info.parents });
    return info;
}
function computeScopeInfo(scope) {
    const children = new Map();
    for (const m of scope.modules) {
        const segs = m.path.split('.');
        for (let i = 0; i < segs.length; i++) {
            if (!/^\d+$/.test(segs[i]))
                continue;
            const parent = segs.slice(0, i).join('.');
            let set = children.get(parent);
            if (!set)
                children.set(parent, (set = new Set()));
            set.add(Number(segs[i]));
        }
    }
    const ranks = new Map();
    for (const [parent, set] of children) {
        if (set.size < 2)
            continue;
        const sorted = [...set].sort((x, y) => x - y);
        ranks.set(parent, new Map(sorted.map((n, i) => [n, i + 1])));
    }
    const ordinalOf = (parent, n) => ranks.get(parent)?.get(n);
    const parents = scope.modules.map((m) => {
        const i = m.path.lastIndexOf('.');
        return i < 0 ? '' : m.path.slice(0, i);
    });
    return {
        modules: scope.modules,
        tokens: scope.modules.map((m) => moduleTokens(m.path, ordinalOf)),
        parentTokens: parents.map((p) => moduleTokens(p, ordinalOf)),
        parents
    };
}

;// CONCATENATED MODULE: ./src/compare/match-state.ts
const MODULATION_AMBIGUITY = 'modulation chunks (shift/scale/gate) have equal sizes: their order cannot be verified from headers';
function isModulation(t) {
    return t.core.includes('mod');
}
function pairAmbiguity(a, b, ta, tb) {
    if (a.path !== b.path && (isModulation(ta) || isModulation(tb)))
        return MODULATION_AMBIGUITY;
    return undefined;
}
class MatchState {
    A;
    B;
    usedA;
    usedB;
    out = [];
    constructor(A, B) {
        this.A = A;
        this.B = B;
        this.usedA = A.modules.map(() => false);
        this.usedB = B.modules.map(() => false);
    }
    residual(side) {
        const used = side === 'a' ? this.usedA : this.usedB;
        const out = [];
        used.forEach((u, i) => {
            if (!u)
                out.push(i);
        });
        return out;
    }
    /** A -> B (a fused module in A split into parts of B), then B -> A (parts of A fused in B). */
    directions() {
        const { A, B, usedA, usedB } = this;
        return [
            { fromSide: 'a', toSide: 'b', from: A, to: B, usedFrom: usedA, usedTo: usedB },
            { fromSide: 'b', toSide: 'a', from: B, to: A, usedFrom: usedB, usedTo: usedA }
        ];
    }
    /** Module `i` on the `from` side matches `parts` on the other: a split read from A, a fuse read from B. */
    splitMatch(d, i, parts, confidence, reason, ambiguity) {
        d.usedFrom[i] = true;
        for (const j of parts)
            d.usedTo[j] = true;
        const fromA = d.fromSide === 'a';
        this.out.push({
            kind: fromA ? 'split' : 'fuse',
            a: fromA ? [i] : parts,
            b: fromA ? parts : [i],
            confidence,
            reason,
            ...(ambiguity !== undefined && { ambiguity })
        });
    }
    residualPairs() {
        return this.usedA.filter((u) => !u).length * this.usedB.filter((u) => !u).length;
    }
    pair(i, j, confidence, reason, ambiguity) {
        this.usedA[i] = true;
        this.usedB[j] = true;
        const amb = ambiguity ?? pairAmbiguity(this.A.modules[i], this.B.modules[j], this.A.tokens[i], this.B.tokens[j]);
        this.out.push({ kind: 'pair', a: [i], b: [j], confidence, reason, ...(amb ? { ambiguity: amb } : {}) });
    }
    /** Groups residual modules of one side by a key; only keys present on both sides matter. */
    buckets(keyA, keyB) {
        const map = new Map();
        for (const i of this.residual('a')) {
            const k = keyA(i);
            let e = map.get(k);
            if (!e)
                map.set(k, (e = { a: [], b: [] }));
            e.a.push(i);
        }
        for (const j of this.residual('b')) {
            const e = map.get(keyB(j));
            if (e)
                e.b.push(j);
        }
        return map;
    }
}

;// CONCATENATED MODULE: ./src/compare/match-scope.ts




/** Largest bucket product scored pairwise; bigger buckets fall back to hash-only rules (stages 0-4). */
const MAX_BUCKET_PAIRS = 4096;
/**
 * Split and fuse searches compare every residual module with every other: they run only while residual A x
 * residual B stays under this. Real scopes (a block, a model's top level) hold tens of modules; a flat file with
 * thousands of top-level modules still gets the hash-based stages, in linear time.
 */
const MAX_SPLIT_PAIRS = 40_000;
/** Stage 6 thresholds: minimum score, and the margins over the runner-up for high / medium confidence. */
const MIN_SCORE = 0.34;
/** Largest group of equal-shaped look-alikes paired by position (stage 6b). */
const MAX_POSITIONAL_GROUP = 4;
const HIGH_SCORE = 0.5;
const HIGH_MARGIN = 0.2;
const TIE_MARGIN = 0.05;
class Matcher extends MatchState {
    stage0SamePath() {
        const byPath = new Map();
        this.B.modules.forEach((m, j) => byPath.set(m.path, j));
        this.A.modules.forEach((m, i) => {
            const j = byPath.get(m.path);
            if (j === undefined || this.usedB[j])
                return;
            this.pair(i, j, 'high', 'same key after stripping prefixes');
        });
    }
    stage1Canonical() {
        const A = this.A;
        const B = this.B;
        const key = (t, m) => `${t.canon}\u0000${m.numelSig}`;
        for (const e of this.buckets((i) => key(A.tokens[i], A.modules[i]), (j) => key(B.tokens[j], B.modules[j])).values()) {
            if (e.a.length !== 1 || e.b.length !== 1 || A.tokens[e.a[0]].core.length === 0)
                continue;
            this.pair(e.a[0], e.b[0], 'high', `same role after synonym normalisation: ${describeTokens(A.tokens[e.a[0]])}`);
        }
    }
    /**
     * With `requireFit` the parts' rows must add up to the fused module (a real split); without it (stage 7) the
     * names alone pair them, at low confidence, as evidence of fused vs separate attention across architectures.
     */
    stage2NamedSplits(requireFit = true) {
        for (const d of this.directions()) {
            const { from, to } = d;
            for (const i of this.residual(d.fromSide)) {
                const fused = fusedParts(from.tokens[i]);
                if (!fused)
                    continue;
                const candidates = namedPartGroups(from, i, fused.parts, to, d.usedTo, requireFit);
                if (candidates.length === 0)
                    continue;
                candidates.sort((x, y) => y.score - x.score);
                const best = candidates[0];
                const unique = candidates.length === 1 || best.score - candidates[1].score > TIE_MARGIN;
                if (!unique)
                    continue;
                const dims = best.parts.map((j) => leadingDim(to.modules[j]));
                const equal = dims.every((x) => x === dims[0]);
                const partNames = best.parts.map((j) => to.modules[j].path);
                this.splitMatch(d, i, best.parts, requireFit ? 'high' : 'low', requireFit
                    ? `fused ${fused.word} ${from.modules[i].path} = ${partNames.join(' + ')} (rows ${dims.join(' + ')})`
                    : `fused ${fused.word} ${from.modules[i].path} corresponds to ${partNames.join(' + ')} by name, but the rows do not add up`, equal && requireFit
                    ? `equal-sized parts: row order ${fused.parts.join(', ')} assumed (as every known converter)`
                    : undefined);
            }
        }
    }
    stage3Refinement(key) {
        const A = this.A;
        const B = this.B;
        for (const e of this.buckets((i) => A.modules[i][key], (j) => B.modules[j][key]).values()) {
            if (e.a.length * e.b.length > MAX_BUCKET_PAIRS)
                continue;
            const rel = (i, j) => !rolesConflict(A.tokens[i], B.tokens[j]) &&
                (isCoreSubset(A.tokens[i], B.tokens[j]) || isCoreSubset(B.tokens[j], A.tokens[i]));
            for (const i of e.a) {
                const hits = e.b.filter((j) => !this.usedB[j] && rel(i, j));
                if (hits.length !== 1)
                    continue;
                const j = hits[0];
                const back = e.a.filter((k) => !this.usedA[k] && rel(k, j));
                if (back.length !== 1)
                    continue;
                this.pair(i, j, 'high', `one name refines the other: ${describeTokens(A.tokens[i])} / ${describeTokens(B.tokens[j])}`);
            }
        }
    }
    stage4Singletons(key) {
        const A = this.A;
        const B = this.B;
        for (const e of this.buckets((i) => A.modules[i][key], (j) => B.modules[j][key]).values()) {
            if (e.a.length !== 1 || e.b.length !== 1)
                continue;
            const [i, j] = [e.a[0], e.b[0]];
            if (rolesConflict(A.tokens[i], B.tokens[j]))
                continue;
            const shared = sharesRole(A.tokens[i], B.tokens[j]);
            this.pair(i, j, shared ? 'high' : 'medium', shared
                ? 'the only module left with this signature on each side, same role'
                : 'the only module left with this signature on each side (names share no role word)');
        }
    }
    stage5ShapeSplits() {
        for (const d of this.directions()) {
            const { from, to } = d;
            const free = this.residual(d.toSide);
            for (const i of this.residual(d.fromSide)) {
                const parts = findShapeSplit(from.modules[i], from.tokens[i], to, free.filter((j) => !d.usedTo[j]));
                if (!parts)
                    continue;
                const dims = parts.map((j) => leadingDim(to.modules[j]));
                this.splitMatch(d, i, parts, 'medium', `dims sum exactly: ${from.modules[i].path} rows ${leadingDim(from.modules[i])} = ${dims.join(' + ')} (${parts.map((j) => to.modules[j].path).join(', ')}); order from names/positions`);
            }
        }
    }
    stage6Scored(key) {
        const A = this.A;
        const B = this.B;
        const nA = A.modules.length || 1;
        const nB = B.modules.length || 1;
        for (const e of this.buckets((i) => A.modules[i][key], (j) => B.modules[j][key]).values()) {
            if (e.b.length === 0 || e.a.length * e.b.length > MAX_BUCKET_PAIRS)
                continue;
            const score = (i, j) => {
                if (rolesConflict(A.tokens[i], B.tokens[j]))
                    return 0;
                const position = 1 - Math.abs(A.modules[i].position / nA - B.modules[j].position / nB);
                return tokenSimilarity(A.tokens[i], B.tokens[j]) + 0.05 * position;
            };
            const table = e.a.map((i) => e.b.map((j) => score(i, j)));
            const pairs = [];
            table.forEach((row, x) => row.forEach((s, y) => pairs.push([s, x, y])));
            pairs.sort((p, q) => q[0] - p[0]);
            const takenA = new Set();
            const takenB = new Set();
            for (const [s, x, y] of pairs) {
                if (s < MIN_SCORE || takenA.has(x) || takenB.has(y))
                    continue;
                takenA.add(x);
                takenB.add(y);
                // Margins against every alternative, taken or not: the second half of a swappable pair is as
                // ambiguous as the first, even though its rival is already used.
                const rowAlt = Math.max(0, ...table[x].filter((_, yy) => yy !== y));
                const colAlt = Math.max(0, ...table.filter((_, xx) => xx !== x).map((r) => r[y]));
                const margin = s - Math.max(rowAlt, colAlt);
                const i = e.a[x];
                const j = e.b[y];
                if (margin < TIE_MARGIN) {
                    const rivalY = table[x].findIndex((v, yy) => yy !== y && v === rowAlt);
                    const rival = rivalY >= 0 ? B.modules[e.b[rivalY]].path : 'another module';
                    this.pair(i, j, 'low', `names about as similar to ${rival}`, `equal-shaped candidates could be swapped: ${B.modules[j].path} or ${rival}`);
                }
                else {
                    const high = s >= HIGH_SCORE && margin >= HIGH_MARGIN;
                    this.pair(i, j, high ? 'high' : 'medium', `most similar name with the same signature (score ${s.toFixed(2)}, margin ${margin.toFixed(2)})`);
                }
            }
        }
    }
    /**
     * Equal-shaped modules left in equal numbers on both sides with a common role (SwiGLU w1/w3 vs gate_proj/up_proj):
     * paired in template order at low confidence, saying they could be swapped, rather than left silently unmatched.
     */
    stage6bPositional() {
        const A = this.A;
        const B = this.B;
        for (const e of this.buckets((i) => A.modules[i].sig, (j) => B.modules[j].sig).values()) {
            if (e.a.length < 2 || e.a.length !== e.b.length || e.a.length > MAX_POSITIONAL_GROUP)
                continue;
            const all = e.a.every((i) => e.b.every((j) => sharesRole(A.tokens[i], B.tokens[j]) && !rolesConflict(A.tokens[i], B.tokens[j])));
            if (!all)
                continue;
            const names = e.b.map((j) => B.modules[j].path);
            const paths = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
            e.a.forEach((i, k) => this.pair(i, e.b[k], 'low', 'equal-shaped modules with a common role, paired in template order', `equal-shaped candidates could be swapped: ${paths}`));
        }
    }
    stage7Incompatible() {
        const A = this.A;
        const B = this.B;
        for (const e of this.buckets((i) => A.tokens[i].canon, (j) => B.tokens[j].canon).values()) {
            if (e.a.length !== 1 || e.b.length !== 1 || A.tokens[e.a[0]].core.length === 0)
                continue;
            this.pair(e.a[0], e.b[0], 'low', 'names correspond but the module shapes differ');
        }
        if (this.residualPairs() > MAX_SPLIT_PAIRS)
            return;
        this.stage2NamedSplits(false);
        for (const i of this.residual('a')) {
            const rel = (x, j) => !rolesConflict(A.tokens[x], B.tokens[j]) &&
                (isCoreSubset(A.tokens[x], B.tokens[j]) || isCoreSubset(B.tokens[j], A.tokens[x]));
            const hits = this.residual('b').filter((j) => rel(i, j));
            if (hits.length !== 1)
                continue;
            if (this.residual('a').filter((x) => rel(x, hits[0])).length !== 1)
                continue;
            this.pair(i, hits[0], 'low', 'one name refines the other, but the module shapes differ');
        }
    }
}
/** Matches two scopes' modules. Pure; the caller caches results by the scopes' templates. */
function matchScopes(a, b, tokens) {
    const m = new Matcher(scopeInfo(a, tokens), scopeInfo(b, tokens));
    m.stage0SamePath();
    m.stage1Canonical();
    if (m.residualPairs() <= MAX_SPLIT_PAIRS)
        m.stage2NamedSplits();
    m.stage3Refinement('sig');
    m.stage3Refinement('numelSig');
    m.stage4Singletons('sig');
    m.stage4Singletons('numelSig');
    if (m.residualPairs() <= MAX_SPLIT_PAIRS)
        m.stage5ShapeSplits();
    m.stage6Scored('sig');
    m.stage6Scored('numelSig');
    m.stage6bPositional();
    m.stage7Incompatible();
    return m.out;
}

;// CONCATENATED MODULE: ./src/compare/mapper.ts



/** Families beyond this many per side are paired by exact prefix only (pairing is quadratic in families). */
const MAX_FAMILIES_SCORED = 200;
/** A family pair needs at least this score (equal counts give 1, names and templates add up to 1 each). */
const MIN_FAMILY_SCORE = 1;
function templateSimilarity(a, b) {
    const counts = new Map();
    for (const m of b.modules)
        counts.set(m.numelSig, (counts.get(m.numelSig) ?? 0) + 1);
    let hit = 0;
    for (const m of a.modules) {
        const c = counts.get(m.numelSig) ?? 0;
        if (c > 0) {
            hit++;
            counts.set(m.numelSig, c - 1);
        }
    }
    return a.modules.length === 0 ? 0 : hit / Math.max(a.modules.length, b.modules.length);
}
/** Pairs A's block families with B's: equal prefixes first, then by count, name and template similarity. */
function pairFamilies(a, b) {
    const out = [];
    const usedB = new Set();
    const restA = [];
    const byPrefix = new Map(b.map((f) => [f.prefix, f]));
    for (const f of a) {
        const g = byPrefix.get(f.prefix);
        if (g) {
            out.push([f, g]);
            usedB.add(g);
        }
        else
            restA.push(f);
    }
    const restB = b.filter((g) => !usedB.has(g));
    if (restA.length === 0 || restB.length === 0)
        return out;
    if (restA.length > MAX_FAMILIES_SCORED || restB.length > MAX_FAMILIES_SCORED)
        return out;
    const noOrdinal = () => undefined;
    const scored = [];
    for (const f of restA) {
        const tf = moduleTokens(f.prefix, noOrdinal);
        for (const g of restB) {
            const score = (f.scopes.length === g.scopes.length ? 1 : 0) +
                tokenSimilarity(tf, moduleTokens(g.prefix, noOrdinal)) +
                templateSimilarity(f.scopes[0], g.scopes[0]);
            if (score >= MIN_FAMILY_SCORE)
                scored.push([score, f, g]);
        }
    }
    scored.sort((x, y) => y[0] - x[0]);
    const takenA = new Set();
    for (const [, f, g] of scored) {
        if (takenA.has(f) || usedB.has(g))
            continue;
        takenA.add(f);
        usedB.add(g);
        out.push([f, g]);
    }
    return out;
}
function shapeCompatible(a, b) {
    return numel(a) === numel(b);
}
function sameShape(a, b) {
    return a.length === b.length && a.every((d, i) => d === b[i]);
}
/** True when `parts` stacked along dim 0 make `whole` (equal trailing dims, leading dims summing up). */
function rowsAddUp(whole, parts) {
    if (whole.length === 0)
        return false;
    let rows = 0;
    for (const p of parts) {
        if (p.length !== whole.length)
            return false;
        for (let d = 1; d < p.length; d++)
            if (p[d] !== whole[d])
                return false;
        rows += p[0];
    }
    return rows === whole[0];
}
/** Decides kind, confidence and compatibility per leaf. Leaves present on one side only stay unmatched. */
function planMatch(match, a, b) {
    const srcModules = match.a.map((i) => a[i]);
    const dstModules = match.b.map((j) => b[j]);
    const leafNames = [...srcModules[0].leaves.keys()].filter((l) => srcModules.every((m) => m.leaves.has(l)) && dstModules.every((m) => m.leaves.has(l)));
    const leaves = leafNames.map((leaf) => {
        const src = srcModules.map((m) => m.leaves.get(leaf).shape);
        const dst = dstModules.map((m) => m.leaves.get(leaf).shape);
        let kind;
        let compatible;
        if (match.kind === 'pair') {
            compatible = shapeCompatible(src[0], dst[0]);
            kind = compatible && !sameShape(src[0], dst[0]) ? 'reshape' : 'rename';
        }
        else {
            kind = match.kind;
            compatible = match.kind === 'split' ? rowsAddUp(src[0], dst) : rowsAddUp(dst[0], src);
        }
        const downgrade = !compatible && match.confidence !== 'low';
        return {
            leaf,
            kind,
            compatible,
            confidence: downgrade ? 'low' : match.confidence,
            reason: downgrade ? `${match.reason}; shapes differ` : match.reason
        };
    });
    return { match, leaves };
}
/** Emits the key mappings of one planned match for one pair of scopes. */
function instantiate(plan, a, b, out) {
    const { match } = plan;
    for (const p of plan.leaves) {
        const source = [];
        const target = [];
        // Shapes are shared with the checkpoint's TensorInfo (never mutated): copies would only feed the GC.
        const sourceShapes = [];
        const targetShapes = [];
        for (const i of match.a) {
            const t = a[i].leaves.get(p.leaf);
            source.push(t.key);
            sourceShapes.push(t.shape);
        }
        for (const j of match.b) {
            const t = b[j].leaves.get(p.leaf);
            target.push(t.key);
            targetShapes.push(t.shape);
        }
        const mapping = {
            source,
            target,
            kind: p.kind,
            confidence: p.confidence,
            reason: p.reason,
            shapes: { source: sourceShapes, target: targetShapes },
            shapeCompatible: p.compatible
        };
        if (match.ambiguity)
            mapping.ambiguity = match.ambiguity;
        out.push(mapping);
    }
}
/** Proposes mappings from A's keys onto B's. Near-linear in the number of keys. */
function mapModels(a, b) {
    const mappings = [];
    const cache = new Map();
    const tokens = new Map();
    const runPair = (sa, sb) => {
        const cacheKey = `${sa.template}\u0001${sb.template}`;
        let plans = cache.get(cacheKey);
        if (!plans) {
            plans = matchScopes(sa, sb, tokens).map((m) => planMatch(m, sa.modules, sb.modules));
            cache.set(cacheKey, plans);
        }
        for (const p of plans)
            instantiate(p, sa.modules, sb.modules, mappings);
    };
    runPair(a.top, b.top);
    const familyPairs = [];
    for (const [fa, fb] of pairFamilies(a.families, b.families)) {
        familyPairs.push({ a: fa.prefix, b: fb.prefix, countA: fa.scopes.length, countB: fb.scopes.length });
        const n = Math.min(fa.scopes.length, fb.scopes.length);
        for (let i = 0; i < n; i++)
            runPair(fa.scopes[i], fb.scopes[i]);
    }
    return { mappings, familyPairs };
}

;// CONCATENATED MODULE: ./src/compare/structure.ts
/** Attention layouts as `<kind> <layout>` (`self fused-qkv`, `cross q-fused-kv`), sorted and unique. */
function attentionLayouts(analysis) {
    const set = new Set();
    for (const m of analysis.attention)
        set.add(`${m.kind} ${m.layout}`);
    return [...set].sort();
}
function structureFacts(model, analysis) {
    const hidden = analysis.dimensions.hiddenDim;
    return {
        families: model.families.map((f) => ({ prefix: f.prefix, count: f.scopes.length })),
        attentionLayouts: attentionLayouts(analysis),
        ...(hidden.value !== null ? { hiddenDim: hidden.value, hiddenDimEvidence: hidden.evidence } : {}),
        ...(analysis.family ? { family: { id: analysis.family.id, name: analysis.family.name } } : {})
    };
}

// EXTERNAL MODULE: ./src/analysis/index.ts + 10 modules
var analysis = __webpack_require__(971);
// EXTERNAL MODULE: ./src/compare/verdict.ts
var verdict = __webpack_require__(7682);
;// CONCATENATED MODULE: ./src/compare/compare.ts





function baseName(path) {
    const parts = path.split(/[\\/]/).filter((p) => p !== '');
    return parts[parts.length - 1] ?? path;
}
function compare_sameShape(a, b) {
    return a.length === b.length && a.every((d, i) => d === b[i]);
}
function ratio(n, d) {
    return d === 0 ? 0 : n / d;
}
function strippedPrefixes(tensors) {
    const counts = new Map();
    for (const t of tensors) {
        if (t.key.length === t.normKey.length)
            continue;
        const s = t.key.slice(0, t.key.length - t.normKey.length);
        counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([p]) => p);
}
/**
 * Per-checkpoint results, memoised: the gate compares many artifacts against one baseline, whose parse and
 * structure analysis need computing once. Checkpoints are immutable data once read, so the caches cannot go stale.
 */
const parsed = new WeakMap();
const analysed = new WeakMap();
function parsedModel(c) {
    let p = parsed.get(c);
    if (!p)
        parsed.set(c, (p = parseModel(c)));
    return p;
}
function structureAnalysis(c) {
    let s = analysed.get(c);
    if (!s)
        analysed.set(c, (s = (0,analysis/* analyzeStructure */.KM)(c)));
    return s;
}
function isIdentity(m) {
    return m.kind === 'rename' && m.source.length === 1 && m.target.length === 1 && m.source[0] === m.target[0];
}
function compareCheckpoints(a, b, opts = {}) {
    const refA = { name: opts.names?.[0] ?? baseName(a.path), path: a.path, format: a.format };
    const refB = { name: opts.names?.[1] ?? baseName(b.path), path: b.path, format: b.format };
    // Exact keys.
    const shapesB = new Map();
    for (const t of b.tensors)
        if (!shapesB.has(t.name))
            shapesB.set(t.name, t.shape);
    const keysA = new Set();
    let common = 0;
    let exactCompatible = 0;
    let shapeMatching = 0;
    const differing = [];
    for (const t of a.tensors) {
        if (keysA.has(t.name))
            continue;
        keysA.add(t.name);
        const sb = shapesB.get(t.name);
        if (!sb)
            continue;
        common++;
        if (compare_sameShape(t.shape, sb))
            shapeMatching++;
        else
            differing.push({ key: t.name, shapeA: [...t.shape], shapeB: [...sb] });
        if (numel(t.shape) === numel(sb))
            exactCompatible++;
    }
    const totalA = keysA.size;
    const totalB = shapesB.size;
    // Normalised keys.
    const pa = parsedModel(a);
    const pb = parsedModel(b);
    let normalized = 0;
    let normalizedCompatible = 0;
    let normalizedShapeMatches = 0;
    const normalizedDifferences = [];
    for (const ref of pa.byNormKey.values()) {
        const other = pb.byNormKey.get(ref.normKey);
        if (!other)
            continue;
        normalized++;
        if (numel(ref.shape) === numel(other.shape))
            normalizedCompatible++;
        if (compare_sameShape(ref.shape, other.shape))
            normalizedShapeMatches++;
        else
            normalizedDifferences.push({ key: ref.key, shapeA: [...ref.shape], shapeB: [...other.shape] });
    }
    // Mapping.
    const { mappings: all, familyPairs } = mapModels(pa, pb);
    const coveredA = new Set();
    const mentionedA = new Set();
    const mentionedB = new Set();
    for (const m of all) {
        for (const k of m.source)
            mentionedA.add(k);
        for (const k of m.target)
            mentionedB.add(k);
        if (m.confidence === 'high' && m.shapeCompatible)
            for (const k of m.source)
                coveredA.add(k);
    }
    // An exact key with a compatible shape is mapped whatever the mapper did with its scope.
    for (const t of a.tensors) {
        const sb = shapesB.get(t.name);
        if (sb && numel(sb) === numel(t.shape)) {
            coveredA.add(t.name);
            mentionedA.add(t.name);
            mentionedB.add(t.name);
        }
    }
    const mappings = all.filter((m) => !isIdentity(m));
    const mappingCounts = { high: 0, medium: 0, low: 0 };
    for (const m of mappings)
        mappingCounts[m.confidence]++;
    const overlap = {
        exact: ratio(common, totalA),
        exactCompatible: ratio(exactCompatible, totalA),
        normalized: ratio(normalized, totalA),
        normalizedCompatible: ratio(normalizedCompatible, totalA),
        mapped: ratio(coveredA.size, totalA)
    };
    const structure = {
        a: structureFacts(pa, opts.analyses?.a ?? structureAnalysis(a)),
        b: structureFacts(pb, opts.analyses?.b ?? structureAnalysis(b))
    };
    const flags = (0,verdict/* computeFlags */.Lx)({
        a: structure.a,
        b: structure.b,
        familyPairs,
        overlap,
        shapeDifferences: normalizedDifferences,
        shapeMatches: normalizedShapeMatches,
        mappings,
        nameCoverage: ratio(mentionedA.size, totalA),
        strippedA: strippedPrefixes(pa.tensors),
        strippedB: strippedPrefixes(pb.tensors),
        adapters: {
            a: (0,verdict/* adapterTensorCount */.Os)(a.tensors.map((t) => t.name)),
            totalA: a.tensors.length,
            b: (0,verdict/* adapterTensorCount */.Os)(b.tensors.map((t) => t.name)),
            totalB: b.tensors.length
        }
    });
    const unmatchedA = [...keysA].filter((k) => !mentionedA.has(k));
    const unmatchedB = [...shapesB.keys()].filter((k) => !mentionedB.has(k));
    return {
        models: { a: refA, b: refB },
        keys: { totalA, totalB, common, onlyA: totalA - common, onlyB: totalB - common },
        overlap,
        shapes: { matching: shapeMatching, differing },
        structure,
        familyPairs,
        mappings,
        mappingCounts,
        unmatched: { a: unmatchedA, b: unmatchedB },
        flags,
        verdict: (0,verdict/* verdictOf */.Vj)(overlap, flags)
    };
}

;// CONCATENATED MODULE: ./src/compare/mapping-file.ts
const MAPPING_SCHEMA_VERSION = 1;
function toMappingFile(c, tool) {
    return {
        schemaVersion: MAPPING_SCHEMA_VERSION,
        tool: { name: tool.name, version: tool.version },
        models: { a: { ...c.models.a }, b: { ...c.models.b } },
        summary: {
            keysA: c.keys.totalA,
            keysB: c.keys.totalB,
            commonKeys: c.keys.common,
            onlyA: c.keys.onlyA,
            onlyB: c.keys.onlyB,
            overlap: { ...c.overlap },
            shapesMatching: c.shapes.matching,
            shapesDiffering: c.shapes.differing.length,
            mappings: { ...c.mappingCounts },
            unmatchedA: c.unmatched.a.length,
            unmatchedB: c.unmatched.b.length
        },
        flags: c.flags,
        verdict: c.verdict,
        mappings: c.mappings,
        unmatched: { a: [...c.unmatched.a], b: [...c.unmatched.b] }
    };
}

;// CONCATENATED MODULE: ./src/compare/index.ts
/** Public API of model-vs-model comparison. */






/***/ }),

/***/ 7682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lx: () => (/* binding */ computeFlags),
/* harmony export */   Os: () => (/* binding */ adapterTensorCount),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   kx: () => (/* binding */ tierOf)
/* harmony export */ });
/* unused harmony exports COMPATIBLE_ABOVE, PARTIAL_FROM */
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/** Red and green flags with their evidence, and the verdict tier. Pure functions over computed figures. */

/** Tier thresholds on the verdict's overlap figure (a share of A's tensors). */
const COMPATIBLE_ABOVE = 0.8;
const PARTIAL_FROM = 0.3;
/** Under this share a compatible verdict says which part of A is left out. */
const PART_OF_A = 0.995;
const SUMMARIES = {
    compatible: {
        exact: 'LoRAs should work directly: the keys and shapes match.',
        normalized: 'LoRAs should work once the key prefix is adjusted: same keys after stripping prefixes.',
        mapped: 'Same network under another naming: LoRAs work after key conversion (see the mapping).'
    },
    partial: {
        exact: 'Conversion needed: part of the model matches (see the mapping and the unmatched keys).',
        normalized: 'Conversion needed: part of the model matches after stripping prefixes (see the mapping).',
        mapped: 'Conversion needed: part of the model can be mapped (see the mapping and the unmatched keys).'
    },
    incompatible: {
        exact: 'Different architectures: train for the target model, or use its native LoRAs.',
        normalized: 'Different architectures: train for the target model, or use its native LoRAs.',
        mapped: 'Different architectures: train for the target model, or use its native LoRAs.'
    }
};
function tierOf(overlap) {
    if (overlap > COMPATIBLE_ABOVE)
        return 'compatible';
    if (overlap >= PARTIAL_FROM)
        return 'partial';
    return 'incompatible';
}
/**
 * The verdict uses the best shape-aware figure: max(exactCompatible, normalizedCompatible, mapped). On a tie the
 * simplest basis wins (exact, then normalized, then mapped). Red family or block-count flags cap it at partial.
 */
function verdictOf(overlap, flags = []) {
    const options = [
        ['exact', overlap.exactCompatible],
        ['normalized', overlap.normalizedCompatible],
        ['mapped', overlap.mapped]
    ];
    let [basis, value] = options[0];
    for (const [b, v] of options) {
        if (v > value) {
            basis = b;
            value = v;
        }
    }
    const tier = tierOf(value);
    // Names and shapes can line up across two different networks (HunyuanVideo and Flux share the double/single
    // stream design and the width: 90% of HunyuanVideo maps onto Flux by block index). Different model families or
    // block counts are not "the same network under another naming": at most partial, and the summary says why.
    const apart = flags.filter((f) => f.kind === 'red' && (f.code === 'model-family' || f.code === 'block-count'));
    if (tier === 'compatible' && apart.length > 0) {
        const why = apart.map((f) => f.message).join('; ');
        return {
            tier: 'partial',
            basis,
            overlap: value,
            summary: `${pct(value)} of A lines up with B by name and shape, but they are different models (${why}): ` +
                'a conversion is at best partial; check the mapping and the unmatched keys.'
        };
    }
    return { tier, basis, overlap: value, summary: summaryOf(tier, basis, value, flags) };
}
/**
 * "Different architectures" is wrong for two sizes of one family (Wan 1.3B vs 14B): the keys are the same, the
 * dims are not. Said as such, with the dims and block counts that differ.
 */
function summaryOf(tier, basis, overlap, flags) {
    const lora = flags.find((f) => f.code === 'lora-file');
    if (lora) {
        const [side, other] = lora.message.startsWith('A ') ? ['A', 'B'] : ['B', 'A'];
        return (`${side} is a LoRA: a model comparison does not apply; ` +
            `\`model-compat lora ${side} --base ${other}\` tells whether it loads on ${other}.`);
    }
    const sameFamily = flags.some((f) => f.code === 'model-family' && f.kind === 'green');
    const sizes = flags.filter((f) => f.kind === 'red' && (f.code === 'hidden-dim' || f.code === 'block-count'));
    // "Compatible" at 84% (Wan I2V against T2V: the image branch has no counterpart) is not "everything matches".
    if (tier === 'compatible' && overlap < PART_OF_A) {
        const rest = `the other ${pct(1 - overlap)} of A has no compatible counterpart in B (see the unmatched keys and shape differences).`;
        if (basis === 'exact')
            return `LoRAs should work directly on what both share: keys and shapes match for ${pct(overlap)} of A; ${rest}`;
        return `${SUMMARIES[tier][basis]} But ${rest}`;
    }
    if (tier !== 'incompatible' || !sameFamily || sizes.length === 0)
        return SUMMARIES[tier][basis];
    return (`Same model family at another size (${sizes.map((f) => f.message).join('; ')}): ` +
        'weights and LoRAs do not transfer; use ones made for the target model.');
}
/** LoRA / LyCORIS tensor suffixes: down/up (A/B, any adapter name), alpha, LoHa, LoKr, full diffs, DoRA. */
const ADAPTER_KEY = /(?:\.lora_(?:down|up|A|B)(?:\.[^.]+)?\.weight|\.lora_up\.blocks\.\d+\.weight|\.alpha(?:_scale)?|\.hada_w[12]_[ab]|\.lokr_w[12](?:_[ab])?|\.diff(?:_b)?|\.dora_scale|\.lora_magnitude_vector)$/;
/** How many of the keys are adapter tensors: a file that is mostly these is a LoRA, not a model. */
function adapterTensorCount(names) {
    let n = 0;
    for (const name of names)
        if (ADAPTER_KEY.test(name))
            n++;
    return n;
}
function isMostlyAdapters(count, total) {
    return total > 0 && count * 2 >= total;
}
/** One rounding for every figure (rounded down), as every renderer prints it. */
const pct = _util_figures_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShare */ .T;
function computeFlags(x) {
    const flags = [];
    if (x.adapters) {
        const { a, totalA, b, totalB } = x.adapters;
        for (const [side, count, total] of [
            ['A', a, totalA],
            ['B', b, totalB]
        ]) {
            if (!isMostlyAdapters(count, total))
                continue;
            flags.push({
                kind: 'red',
                code: 'lora-file',
                message: `${side} is a LoRA, not a model: ${count} of its ${total} keys are adapter tensors`,
                evidence: { adapterTensors: count, tensors: total }
            });
        }
    }
    for (const p of x.familyPairs) {
        const evidence = { familyA: p.a, familyB: p.b, blocksA: p.countA, blocksB: p.countB };
        if (p.countA === p.countB) {
            flags.push({
                kind: 'green',
                code: 'block-count',
                message: `same block count: ${p.a} ${p.countA} = ${p.b} ${p.countB}`,
                evidence
            });
        }
        else {
            flags.push({
                kind: 'red',
                code: 'block-count',
                message: `different block counts: ${p.a} ${p.countA} vs ${p.b} ${p.countB}`,
                evidence
            });
        }
    }
    const pairedA = new Set(x.familyPairs.map((p) => p.a));
    const pairedB = new Set(x.familyPairs.map((p) => p.b));
    for (const f of x.a.families.filter((f) => !pairedA.has(f.prefix))) {
        flags.push({
            kind: 'red',
            code: 'block-family',
            message: `A's ${f.prefix} (${f.count} blocks) has no counterpart in B`,
            evidence: { side: 'a', family: f.prefix, blocks: f.count }
        });
    }
    for (const f of x.b.families.filter((f) => !pairedB.has(f.prefix))) {
        flags.push({
            kind: 'red',
            code: 'block-family',
            message: `B's ${f.prefix} (${f.count} blocks) has no counterpart in A`,
            evidence: { side: 'b', family: f.prefix, blocks: f.count }
        });
    }
    const dimA = x.a.hiddenDim;
    const dimB = x.b.hiddenDim;
    if (dimA !== undefined && dimB !== undefined) {
        const evidence = {
            hiddenDimA: dimA,
            hiddenDimB: dimB,
            evidenceA: x.a.hiddenDimEvidence,
            evidenceB: x.b.hiddenDimEvidence
        };
        if (dimA === dimB)
            flags.push({ kind: 'green', code: 'hidden-dim', message: `same hidden dim ${dimA}`, evidence });
        else
            flags.push({
                kind: 'red',
                code: 'hidden-dim',
                message: `different hidden dims: ${dimA} vs ${dimB}`,
                evidence
            });
    }
    const la = x.a.attentionLayouts;
    const lb = x.b.attentionLayouts;
    if (la.length > 0 && lb.length > 0) {
        const evidence = { layoutsA: la, layoutsB: lb };
        if (la.join(',') === lb.join(',')) {
            flags.push({
                kind: 'green',
                code: 'attention-layout',
                message: `same attention architecture (${la.join(', ')})`,
                evidence
            });
        }
        else {
            flags.push({
                kind: 'red',
                code: 'attention-layout',
                message: `different attention layouts: ${la.join(', ')} vs ${lb.join(', ')}`,
                evidence
            });
        }
    }
    const fa = x.a.family;
    const fb = x.b.family;
    if (fa && fb) {
        const evidence = { familyA: fa.name, familyB: fb.name };
        if (fa.id === fb.id)
            flags.push({
                kind: 'green',
                code: 'model-family',
                message: `same model family (${fa.name === fb.name ? fa.name : `${fa.name} / ${fb.name}`})`,
                evidence
            });
        else
            flags.push({
                kind: 'red',
                code: 'model-family',
                message: `different model families: ${fa.name} vs ${fb.name}`,
                evidence
            });
    }
    const o = x.overlap;
    if (o.normalized > o.exact + 0.05) {
        flags.push({
            kind: 'green',
            code: 'naming',
            message: `same key structure under different prefixes (${pct(o.exact)} exact, ${pct(o.normalized)} after stripping)`,
            evidence: { exact: o.exact, normalized: o.normalized, strippedA: x.strippedA, strippedB: x.strippedB }
        });
    }
    const named = x.mappings.filter((m) => m.confidence !== 'low' && m.source.join() !== m.target.join()).length;
    if (o.normalized < 0.1 && o.mapped >= 0.5) {
        flags.push({
            kind: 'green',
            code: 'naming',
            message: `different naming conventions with a consistent mapping (${pct(o.mapped)} of A mapped with high confidence)`,
            evidence: { normalized: o.normalized, mapped: o.mapped, renames: named }
        });
    }
    else if (o.normalized < 0.1 && x.nameCoverage < 0.2) {
        flags.push({
            kind: 'red',
            code: 'naming',
            message: `naming schemes share no pattern: ${pct(x.nameCoverage)} of A's keys correspond to B at any confidence`,
            evidence: { normalized: o.normalized, mapped: o.mapped, anyConfidence: x.nameCoverage }
        });
    }
    const total = x.shapeMatches + x.shapeDifferences.length;
    if (total > 0) {
        const examples = x.shapeDifferences.slice(0, 3);
        if (x.shapeDifferences.length === 0) {
            flags.push({
                kind: 'green',
                code: 'shapes',
                message: `matching shapes on all ${total} common keys`,
                evidence: { matching: total, differing: 0 }
            });
        }
        else {
            flags.push({
                kind: 'red',
                code: 'shapes',
                message: `${x.shapeDifferences.length} of ${total} common keys have different shapes`,
                evidence: { matching: x.shapeMatches, differing: x.shapeDifferences.length, examples }
            });
        }
    }
    return flags;
}


/***/ })

};
;