"use strict";
exports.id = 929;
exports.ids = [929];
exports.modules = {

/***/ 7984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* reexport */ correspond)
});

// EXTERNAL MODULE: ./src/names/index.ts + 4 modules
var src_names = __webpack_require__(6237);
;// CONCATENATED MODULE: ./src/correspond/model.ts
/**
 * One side of a correspondence as the engine sees it: tensors grouped into layers (a Linear's weight and bias
 * travel together) and layers into units (the layers under their deepest indexed ancestor that holds several
 * layers: `blocks.3`, `down_blocks.1.resnets.0`, `input_blocks.4.0`). Built in one linear pass, bounded.
 */

const SUBLAYERS = ['attn', 'cross', 'ffn'];
function numel(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    return n;
}
/** The shape without its size-1 dims (a 1x1 conv and a linear, `[1, 6, D]` and `[6, D]`, read the same). */
function squeeze(shape) {
    const out = shape.filter((d) => d !== 1);
    return out.length > 0 ? out : shape.length > 0 ? [1] : [];
}
/** Depth of indices looked at per key: deeper nesting than this is not a block structure we need. */
const MAX_INDEX_DEPTH = 8;
function buildSide(specs) {
    const names = (0,src_names/* stripModelPrefixes */.yj)(specs.map((t) => t.name));
    const byPath = new Map();
    const tensors = [];
    for (let i = 0; i < specs.length; i++) {
        const spec = specs[i];
        const { layer, leaf } = (0,src_names/* splitLeaf */.Hg)(names[i]);
        const t = { name: spec.name, shape: spec.shape, numel: numel(spec.shape), leaf };
        tensors.push(t);
        const words = (0,src_names/* keyWords */.Vi)(layer);
        const path = words.map((w) => w.text.toLowerCase()).join('.');
        let raw = byPath.get(path);
        if (!raw) {
            const ancestors = [];
            for (let w = 0; w < words.length - 1 && ancestors.length < MAX_INDEX_DEPTH; w++) {
                if (words[w].index !== undefined)
                    ancestors.push(words
                        .slice(0, w + 1)
                        .map((x) => x.text.toLowerCase())
                        .join('.'));
            }
            raw = { name: layer, path, words, tensors: new Map(), ancestors };
            byPath.set(path, raw);
        }
        // A second tensor under the same layer and leaf (two wrappers giving one name) stays out: it is unmatched.
        if (!raw.tensors.has(leaf))
            raw.tensors.set(leaf, t);
    }
    const under = new Map();
    for (const raw of byPath.values())
        for (const p of raw.ancestors)
            under.set(p, (under.get(p) ?? 0) + 1);
    // Blocks repeat the same relative names: each distinct name is read once.
    const roles = new Map();
    const roleOf = (rel, vector, top, context) => {
        const key = `${rel}\u0000${vector ? 1 : 0}${top ? 1 : 0}\u0000${context}`;
        let r = roles.get(key);
        if (!r)
            roles.set(key, (r = (0,src_names/* layerRole */.EY)(rel, vector, top, context)));
        return r;
    };
    const top = { path: '', series: '', index: '', layers: [], sig: '', order: [] };
    const units = new Map();
    const layers = [];
    for (const raw of byPath.values()) {
        let unitPath = '';
        for (let k = raw.ancestors.length - 1; k >= 0; k--) {
            const p = raw.ancestors[k];
            if ((under.get(p) ?? 0) >= 2) {
                unitPath = p;
                break;
            }
        }
        let unit = unitPath === '' ? top : units.get(unitPath);
        if (!unit) {
            unit = newUnit(unitPath);
            units.set(unitPath, unit);
        }
        const main = raw.tensors.get('weight') ?? raw.tensors.get('') ?? [...raw.tensors.values()][0];
        const sq = squeeze(main.shape);
        const rel = unitPath === '' ? raw.path : raw.path.slice(unitPath.length + 1);
        const relRaw = dropWords(raw.name, unitPath === '' ? 0 : unitPath.split('.').length);
        const layer = {
            path: raw.path,
            rel,
            relName: relRaw,
            tensors: raw.tensors,
            main,
            sig: sq.join('x'),
            cols: sq.slice(1).join('x'),
            role: roleOf(relRaw, sq.length === 1, unitPath === '', roleContext(unitPath)),
            unit,
            order: 0,
            net: orderOf(raw.path.split('.'))
        };
        unit.layers.push(layer);
        layers.push(layer);
    }
    attachParallelSeries(top, units);
    for (const u of [top, ...units.values()])
        finishUnit(u);
    return { tensors, layers, units: [...units.values()], top };
}
/**
 * The unit words a layer's role may depend on (an attention unit's layers are attention's): the last two words of
 * the unit's path without its indices, so the role of a relative name is read once per kind of unit, not once per
 * block (`blocks.3` and `blocks.4` give the same context).
 */
function roleContext(unitPath) {
    if (unitPath === '')
        return '';
    return unitPath
        .split('.')
        .slice(-2)
        .filter((w) => !/^\d+$/.test(w))
        .join('.');
}
/** Separates the section ranks from the indices in an order key. */
const ORDER_SEPARATOR = 99;
/**
 * Place in the network: the section ranks along the path (encoder 0 / mid 1 / decoder 2, down 0 / up 2), then
 * the indices, so `encoder.middle.0` sorts after every `encoder.downsamples.N` whatever the numbers.
 */
function orderOf(words) {
    const sections = [];
    const indices = [];
    for (const w of words) {
        if (/^\d+$/.test(w))
            indices.push(Number(w));
        else {
            const r = (0,src_names/* sectionRank */.Eu)(w);
            if (r !== undefined)
                sections.push(r);
        }
    }
    return [...sections, ORDER_SEPARATOR, ...indices];
}
/** The section rank a path starts in (down 0, mid 1, up 2), when its words name one. */
function sectionOf(words) {
    for (const w of words) {
        const r = (0,src_names/* sectionRank */.Eu)(w);
        if (r !== undefined)
            return r;
    }
    return undefined;
}
function newUnit(path) {
    const words = path.split('.');
    const first = words.findIndex((w) => /^\d+$/.test(w));
    const series = first < 0 ? path : words.slice(0, first).join('.');
    const index = first < 0 ? '' : words.filter((w) => /^\d+$/.test(w)).join('.');
    return { path, series, index, layers: [], sig: '', order: orderOf(words) };
}
function finishUnit(u) {
    u.layers.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0));
    u.layers.forEach((l, i) => (l.order = i));
    // A qualifier is relative: `k_img` beside a plain `k` is the added (secondary) stream, whatever the word, as
    // `add_k_proj` beside `to_k` is.
    const plain = new Set();
    for (const l of u.layers)
        if (l.role.stream === undefined)
            plain.add(l.role.words.join('.'));
    for (const l of u.layers) {
        if (l.role.stream !== 'main')
            continue;
        const twin = l.role.words.filter((w) => !(0,src_names/* isStreamWord */.Rk)(w)).join('.');
        if (plain.has(twin))
            l.role = { ...l.role, stream: 'context' };
    }
    const present = new Set();
    for (const l of u.layers)
        if (l.role.role !== 'norm' && l.role.sublayer)
            present.add(l.role.sublayer);
    const sublayers = SUBLAYERS.filter((x) => present.has(x));
    const norms = u.layers.filter((l) => l.role.role === 'norm');
    const positions = (0,src_names/* normPositions */.rb)(norms.map((l) => l.role.place), sublayers);
    norms.forEach((l, i) => (l.position = positions[i]));
    let total = 0;
    const cols = new Set();
    for (const l of u.layers) {
        for (const t of l.tensors.values()) {
            total += t.numel;
            const sq = squeeze(t.shape);
            if (sq.length >= 2)
                cols.add(sq.slice(1).join('x'));
        }
    }
    u.sig = `${total}|${[...cols].sort().join(',')}`;
}
/** The name without its first `n` words (words are separated by `.` or `_`), separators kept. */
function dropWords(name, n) {
    let i = 0;
    let seen = 0;
    while (i < name.length && seen < n) {
        while (i < name.length && (name[i] === '.' || name[i] === '_'))
            i++;
        while (i < name.length && name[i] !== '.' && name[i] !== '_')
            i++;
        seen++;
    }
    while (i < name.length && (name[i] === '.' || name[i] === '_'))
        i++;
    return name.slice(i);
}
/**
 * Per-block tensors kept in side lists (`mixins.adaln_layer.adaLN_modulations.N`, `query_layernorm_list.N`,
 * parallel to `transformer.layers.N`) belong to block N: a top-level series whose indices are exactly those of
 * one flat block series joins that series' blocks.
 */
function attachParallelSeries(top, units) {
    const hosts = new Map();
    for (const u of units.values()) {
        const words = u.path.split('.');
        const idx = words.map((w, i) => (/^\d+$/.test(w) ? i : -1)).filter((i) => i >= 0);
        if (idx.length !== 1 || idx[0] !== words.length - 1)
            continue;
        let h = hosts.get(u.series);
        if (!h)
            hosts.set(u.series, (h = new Map()));
        h.set(Number(words[idx[0]]), u);
    }
    const guests = new Map();
    for (const l of top.layers) {
        const words = l.path.split('.');
        // The index after which only indices follow (`modulations.0.1`: 0; `list.0`: 0).
        let p = words.length - 1;
        while (p > 0 && /^\d+$/.test(words[p - 1]))
            p--;
        if (!/^\d+$/.test(words[p] ?? '') || p === 0)
            continue;
        const series = words.slice(0, p).join('.');
        let g = guests.get(series);
        if (!g)
            guests.set(series, (g = []));
        g.push({ index: Number(words[p]), layer: l, rest: words.slice(p + 1) });
    }
    const moved = new Set();
    for (const [series, members] of guests) {
        const indices = new Set(members.map((m) => m.index));
        if (indices.size < 2 || indices.size !== members.length)
            continue;
        const matching = [...hosts.values()].filter((h) => h.size === indices.size && [...indices].every((i) => h.has(i)));
        if (matching.length !== 1)
            continue;
        const host = matching[0];
        for (const m of members) {
            const unit = host.get(m.index);
            m.layer.unit = unit;
            m.layer.rel = [series, ...m.rest].join('.');
            m.layer.relName = m.layer.rel;
            unit.layers.push(m.layer);
            moved.add(m.layer);
        }
    }
    if (moved.size > 0)
        top.layers = top.layers.filter((l) => !moved.has(l));
}

;// CONCATENATED MODULE: ./src/correspond/align.ts
/**
 * Unit alignment. LDM `input_blocks.N.M` and diffusers `down_blocks.i.{resnets,attentions,downsamplers}.j`
 * interleave differently, so there is no one global sequence to align: units are grouped by signature class
 * (parameter count and trailing dims, which renames, splits and reshapes keep) and the k-th unit of a class on A
 * pairs with the k-th on B in network order. A series whose blocks are numbered the other way round (a decoder's
 * levels counted from the bottom on one side, from the top on the other) is detected from the sequence of its
 * blocks' signatures and read in reverse.
 */

function compareOrder(x, y) {
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++)
        if (x[i] !== y[i])
            return x[i] - y[i];
    return x.length - y.length;
}
/** Series (words before the first index) -> its blocks' unit signatures, per first index. */
function seriesOf(side) {
    const out = new Map();
    for (const u of side.units) {
        const words = u.path.split('.');
        const first = words.findIndex((w) => /^\d+$/.test(w));
        if (first < 0)
            continue;
        let s = out.get(u.series);
        if (!s)
            out.set(u.series, (s = { groups: new Map() }));
        const i = Number(words[first]);
        let g = s.groups.get(i);
        if (!g)
            s.groups.set(i, (g = []));
        g.push(u.sig);
    }
    return out;
}
function sequence(s) {
    return [...s.groups.entries()].sort((x, y) => x[0] - y[0]).map(([, sigs]) => [...sigs].sort().join(';'));
}
/**
 * Series of A to read in reverse block order: its block sequence equals a series of B's only when reversed.
 * The units' order keys of such a series get their first index mirrored.
 */
function reverseSeries(a, b) {
    const sa = seriesOf(a);
    const sb = seriesOf(b);
    const seqB = [...sb.values()].map(sequence).filter((s) => s.length >= 2);
    const forward = new Set(seqB.map((s) => s.join('|')));
    for (const [name, info] of sa) {
        const seq = sequence(info);
        if (seq.length < 2)
            continue;
        const fwd = seq.join('|');
        const rev = [...seq].reverse().join('|');
        if (fwd === rev || forward.has(fwd) || !forward.has(rev))
            continue;
        const indices = [...info.groups.keys()].sort((x, y) => x - y);
        const mirror = new Map();
        indices.forEach((v, k) => mirror.set(v, indices[indices.length - 1 - k]));
        for (const u of a.units) {
            if (u.series !== name)
                continue;
            const words = u.path.split('.');
            const first = words.findIndex((w) => /^\d+$/.test(w));
            // The first index sits right after the section ranks and their separator.
            const at = u.order.indexOf(ORDER_SEPARATOR) + 1;
            const v = Number(words[first]);
            u.order = [...u.order];
            u.order[at] = mirror.get(v) ?? v;
        }
    }
}
function alignUnits(a, b, partial = false) {
    const pairs = [];
    const pairedA = new Set();
    const pairedB = new Set();
    if (!partial) {
        reverseSeries(a, b);
        const classes = new Map();
        for (const u of a.units) {
            let c = classes.get(u.sig);
            if (!c)
                classes.set(u.sig, (c = { a: [], b: [] }));
            c.a.push(u);
        }
        for (const u of b.units) {
            const c = classes.get(u.sig);
            if (c)
                c.b.push(u);
        }
        const byOrder = (x, y) => compareOrder(x.order, y.order) || (x.path < y.path ? -1 : 1);
        for (const c of classes.values()) {
            // Unequal counts: the order cannot tell which units correspond; the series pass below may.
            if (c.b.length === 0 || c.a.length !== c.b.length)
                continue;
            c.a.sort(byOrder);
            c.b.sort(byOrder);
            for (let k = 0; k < c.a.length; k++) {
                pairs.push({ a: c.a[k], b: c.b[k], exact: true });
                pairedA.add(c.a[k]);
                pairedB.add(c.b[k]);
            }
        }
    }
    pairs.push(...alignBySeries(a, b, pairedA, pairedB, partial));
    return pairs;
}
function indexKey(u) {
    return u.index;
}
/**
 * Units the signature classes left: a series of A pairs with the series of B of the same name (kohya and dotted
 * spellings give the same words), or else with the series whose blocks hold the most of its layer shapes; then
 * blocks pair by equal indices. Extra layers on either side (an image branch, a LoRA's subset) stay unmatched.
 */
function alignBySeries(a, b, pairedA, pairedB, partial) {
    const group = (side, used) => {
        const out = new Map();
        for (const u of side.units) {
            if (used.has(u))
                continue;
            const key = `${u.series}|${u.index.split('.').length}`;
            let g = out.get(key);
            if (!g)
                out.set(key, (g = new Map()));
            g.set(indexKey(u), u);
        }
        return out;
    };
    const ga = group(a, pairedA);
    const gb = group(b, pairedB);
    const out = [];
    const usedB = new Set();
    // A whole network against another whose series has other blocks (20 vs 19 double blocks) is not the same
    // network: such pairs are by index only and never reach high confidence. A partial A (a LoRA's layers) is
    // expected to miss blocks.
    const pairSeries = (sa, sb) => {
        const same = partial || (sa.size === sb.size && [...sa.keys()].every((i) => sb.has(i)));
        for (const [idx, ua] of sa) {
            const ub = sb.get(idx);
            if (ub)
                out.push({ a: ua, b: ub, exact: same });
        }
    };
    for (const [key, sa] of ga) {
        const sb = gb.get(key);
        if (!sb)
            continue;
        usedB.add(key);
        pairSeries(sa, sb);
    }
    for (const [key, sa] of ga) {
        if (gb.has(key))
            continue;
        let best;
        let bestScore = 0;
        let tie = false;
        for (const [kb, sb] of gb) {
            if (usedB.has(kb) || kb.split('|')[1] !== key.split('|')[1])
                continue;
            // One series' blocks within the other's (a truncated text encoder, a LoRA's subset).
            const within = [...sa.keys()].every((i) => sb.has(i)) || (!partial && [...sb.keys()].every((i) => sa.has(i)));
            if (!within)
                continue;
            const score = shapeScore(sa, sb);
            if (score > bestScore) {
                best = kb;
                bestScore = score;
                tie = false;
            }
            else if (score === bestScore && score > 0)
                tie = true;
        }
        if (best === undefined || tie)
            continue;
        usedB.add(best);
        pairSeries(sa, gb.get(best));
    }
    return out;
}
/** How many of A's layer shapes (first block) the B block of the same index holds. */
function shapeScore(sa, sb) {
    const [idx, ua] = [...sa.entries()][0];
    const ub = sb.get(idx);
    if (!ub)
        return 0;
    const shapes = new Map();
    for (const l of ub.layers)
        shapes.set(l.sig, (shapes.get(l.sig) ?? 0) + 1);
    let n = 0;
    for (const l of ua.layers) {
        const c = shapes.get(l.sig) ?? 0;
        if (c > 0) {
            n++;
            shapes.set(l.sig, c - 1);
        }
    }
    return n;
}

;// CONCATENATED MODULE: ./src/correspond/fused.ts
/**
 * Fused vs separate projections inside aligned units: a fused qkv / kv (equal or unequal, GQA) against separate
 * q, k, v of the same stream, and an unequal fused linear (q|k|v|mlp rows) against separate q, k, v plus one more
 * projection. Parts are only taken within one role family: attention rows never fuse into a modulation.
 */

function rowsOf(l) {
    return l.main.shape[0] ?? 0;
}
function streamOf(l) {
    return l.role.stream ?? 'main';
}
/** Bound on the separate layers looked at per fused layer (a hostile unit cannot make this quadratic). */
const MAX_CANDIDATES = 64;
function sameStreamMods(cand, fused) {
    return cand
        .filter((l) => l.role.role === 'mod' && streamOf(l) === streamOf(fused))
        .sort((x, y) => (x.role.ordinal ?? 0) - (y.role.ordinal ?? 0) || x.order - y.order);
}
function findParts(fused, pool, used) {
    const rows = rowsOf(fused);
    const cand = pool
        .filter((l) => !used.has(l) && l.cols === fused.cols && l.main.shape.length === fused.main.shape.length)
        .slice(0, MAX_CANDIDATES);
    // Parts come from the fused layer's own sublayer (self attention's q/k/v never fuse into cross attention's kv);
    // a side whose names do not say the sublayer is taken as it is.
    const sameSub = (l) => l.role.sublayer === undefined ||
        fused.role.sublayer === undefined ||
        l.role.sublayer === fused.role.sublayer;
    const sameStream = cand.filter((l) => streamOf(l) === streamOf(fused) && sameSub(l));
    const pick = (role, from) => {
        const hits = from.filter((l) => l.role.role === role);
        return hits.length === 1 ? hits[0] : undefined;
    };
    const wanted = src_names/* FUSED_ROLE_PARTS */.E5[fused.role.role];
    if (wanted) {
        const parts = wanted.map((r) => pick(r, sameStream));
        if (parts.every((p) => p !== undefined) && parts.reduce((s, p) => s + rowsOf(p), 0) === rows)
            return { parts: parts, roles: wanted };
        return undefined;
    }
    // One modulation holding several blocks' modulations (per-sublayer adaLN tables cut into norm1/norm2):
    // every other modulation of the same stream and trailing dims, rows summing exactly.
    if (fused.role.role === 'mod') {
        const mods = sameStreamMods(cand, fused);
        if (mods.length >= 2 && mods.reduce((s, p) => s + rowsOf(p), 0) === rows)
            return { parts: mods, roles: mods.map(() => 'mod'), chunked: true };
        return undefined;
    }
    // An unnamed fused linear: q|k|v of one attention plus one more projection (its MLP input) in row order.
    if (fused.role.role !== 'other' && fused.role.role !== 'ffn-in')
        return undefined;
    for (const sub of ['attn', 'cross']) {
        const attn = cand.filter((l) => l.role.sublayer === sub && streamOf(l) === streamOf(fused));
        const qkv = ['q', 'k', 'v'].map((r) => pick(r, attn));
        if (qkv.some((p) => p === undefined))
            continue;
        const sum = qkv.reduce((s, p) => s + rowsOf(p), 0);
        if (sum === rows)
            return { parts: qkv, roles: ['q', 'k', 'v'] };
        const extra = cand.filter((l) => !qkv.includes(l) &&
            (l.role.role === 'other' || l.role.role.startsWith('ffn-')) &&
            sum + rowsOf(l) === rows);
        if (extra.length === 1)
            return { parts: [...qkv, extra[0]], roles: ['q', 'k', 'v', 'mlp'] };
    }
    return undefined;
}
/** Fused layers of either side against separate layers of the other, among the unmatched ones of a unit pair. */
function matchFused(restA, restB) {
    const out = [];
    const usedA = new Set();
    const usedB = new Set();
    for (const [side, fusedPool, partPool, usedF, usedP] of [
        ['a', restA, restB, usedA, usedB],
        ['b', restB, restA, usedB, usedA]
    ]) {
        for (const f of fusedPool) {
            if (usedF.has(f) || f.main.shape.length < 2)
                continue;
            const found = findParts(f, partPool, usedP);
            if (!found)
                continue;
            usedF.add(f);
            for (const p of found.parts)
                usedP.add(p);
            out.push({ fused: f, fusedSide: side, parts: found.parts, roles: found.roles, chunked: found.chunked });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/correspond/match.ts

const SUBLAYER_ORDER = { attn: 0, cross: 1, ffn: 2 };
function match_streamOf(l) {
    return l.role.stream ?? 'main';
}
/** Roles that contradict each other: q vs k, a norm vs a projection, main vs context stream. */
function conflict(x, y) {
    const rx = x.role.role;
    const ry = y.role.role;
    // Streams contradict only when both names mark one: a name without a qualifier says nothing about it.
    if (x.role.stream !== undefined && y.role.stream !== undefined && x.role.stream !== y.role.stream)
        return true;
    // Projections of different sublayers (self vs cross attention, attention vs FFN) are different layers.
    const sx = x.role.sublayer;
    const sy = y.role.sublayer;
    if (rx !== 'norm' && ry !== 'norm' && sx !== undefined && sy !== undefined && sx !== sy)
        return true;
    if (rx === 'other' || ry === 'other')
        return false;
    if (rx === ry)
        return false;
    const ffn = (r) => r.startsWith('ffn-');
    if (ffn(rx) && ffn(ry))
        return false;
    // `embed` is a weak word (an embedder holds linears, norms, ...); it contradicts only another role's strong word.
    if (rx === 'embed' || ry === 'embed')
        return false;
    return true;
}
/** What identifies a layer inside its unit beyond its shape: role, stream, sublayer and place. */
function descriptor(l, coarse = false) {
    const r = l.role;
    if (r.role === 'other')
        return undefined;
    if (r.role === 'norm') {
        if (l.position === undefined)
            return undefined;
        return `norm|${match_streamOf(l)}|${l.position}`;
    }
    if (r.role === 'ffn-in' || r.role === 'ffn-gate' || r.role === 'ffn-up')
        return undefined;
    return coarse ? `${r.role}|${match_streamOf(l)}` : `${r.role}|${match_streamOf(l)}|${r.sublayer ?? ''}`;
}
/** Sort value for ordering layers of one role: sublayer, then ordinal. Undefined when the name gives none. */
function rankValue(l) {
    const r = l.role;
    const sub = r.sublayer === undefined ? 0 : (SUBLAYER_ORDER[r.sublayer] ?? 0);
    if (r.role === 'norm')
        return l.position ?? (r.ordinal === undefined ? undefined : 1e3 + r.ordinal);
    if (r.role === 'ffn-gate')
        return sub * 1e6 + 0;
    if (r.role === 'ffn-up')
        return sub * 1e6 + 1;
    if (r.ordinal === undefined)
        return r.role.startsWith('ffn-') || r.sublayer !== undefined ? undefined : undefined;
    return sub * 1e6 + r.ordinal;
}
function familyOf(l) {
    const r = l.role.role;
    // The FFN's gate and up projections are one family: their order is what tells them apart.
    if (r === 'ffn-gate' || r === 'ffn-up' || r === 'ffn-in')
        return `ffn-in|${match_streamOf(l)}`;
    return `${r}|${match_streamOf(l)}`;
}
/**
 * Matches two pools of layers. `strict`: the pools are not aligned units (top-level leftovers), so a unique
 * shape alone is not enough when the role words are silent on one side.
 */
function matchLayers(poolA, poolB, strict, base) {
    const links = [];
    const usedA = new Set();
    const usedB = new Set();
    const link = (a, b, confidence, ev, ambiguity) => {
        usedA.add(a);
        usedB.add(b);
        links.push({ a, b, confidence, evidence: [...base, ...ev], ...(ambiguity ? { ambiguity } : {}) });
    };
    // 1. The same relative name and shape.
    const byRel = new Map();
    for (const l of poolB)
        byRel.set(l.rel, l);
    for (const a of poolA) {
        const b = byRel.get(a.rel);
        if (b && b.sig === a.sig && !usedB.has(b))
            link(a, b, 'high', [{ kind: 'same-name' }]);
    }
    // 2. Shape classes.
    const classes = new Map();
    for (const a of poolA) {
        if (usedA.has(a))
            continue;
        let c = classes.get(a.sig);
        if (!c)
            classes.set(a.sig, (c = { a: [], b: [] }));
        c.a.push(a);
    }
    for (const b of poolB) {
        if (usedB.has(b))
            continue;
        const c = classes.get(b.sig);
        if (c)
            c.b.push(b);
    }
    for (const [sig, c] of classes) {
        if (c.b.length === 0)
            continue;
        const shape = sig.split('x').map(Number);
        if (c.a.length === 1 && c.b.length === 1) {
            const [a, b] = [c.a[0], c.b[0]];
            const silent = a.role.role === 'other' || b.role.role === 'other';
            // Outside aligned blocks a unique matrix shape is strong evidence; a unique vector (a norm, a bias-only
            // table) is not, unless the names agree.
            const matrix = shape.filter((d) => d > 1).length >= 2;
            // Contradicting roles: better unmatched (a fused layer of the other side may hold it) than wrong.
            if (conflict(a, b))
                continue;
            const ok = !(strict && silent && !matrix && !sameTail(a, b));
            link(a, b, ok ? 'high' : 'medium', [{ kind: 'unique-shape', shape }]);
            continue;
        }
        matchEqualShapes(c.a, c.b, shape, link);
    }
    return {
        links,
        restA: poolA.filter((l) => !usedA.has(l)),
        restB: poolB.filter((l) => !usedB.has(l))
    };
}
/** Last word of both relative paths equal (`proj` and `proj`): a weak but real name agreement. */
function sameTail(a, b) {
    const wa = a.role.words;
    const wb = b.role.words;
    return wa.length > 0 && wa[wa.length - 1] === wb[wb.length - 1];
}
function matchEqualShapes(as, bs, shape, link) {
    const left = new Set(as);
    const right = new Set(bs);
    // a. Equal descriptors, unique on both sides: first with the sublayer, then without it where one side's
    // name does not say the sublayer (`norm.query_norm` vs `attn.norm_q`).
    for (const coarse of [false, true]) {
        const da = new Map();
        const db = new Map();
        for (const a of left) {
            const d = descriptor(a, coarse);
            if (d !== undefined)
                push(da, d, a);
        }
        for (const b of right) {
            const d = descriptor(b, coarse);
            if (d !== undefined)
                push(db, d, b);
        }
        for (const [d, la] of da) {
            const lb = db.get(d);
            if (!lb || la.length !== 1 || lb.length !== 1)
                continue;
            const [a, b] = [la[0], lb[0]];
            if (coarse && conflict(a, b))
                continue;
            link(a, b, 'high', [
                { kind: 'same-role', role: a.role.role, stream: match_streamOf(a), position: a.position },
                { kind: 'unique-shape', shape }
            ]);
            left.delete(a);
            right.delete(b);
        }
    }
    // a2. The qualifier alone tells them apart: one candidate per stream (main, context, time) on each side.
    const byStream = (pool) => {
        const m = new Map();
        for (const l of pool)
            push(m, match_streamOf(l), l);
        return m;
    };
    const sa = byStream(left);
    const sb = byStream(right);
    if (sa.size > 1 || sb.size > 1) {
        for (const [st, la] of sa) {
            const lb = sb.get(st);
            if (!lb || la.length !== 1 || lb.length !== 1 || conflict(la[0], lb[0]))
                continue;
            link(la[0], lb[0], 'high', [
                { kind: 'same-role', role: la[0].role.role, stream: st },
                { kind: 'unique-shape', shape }
            ]);
            left.delete(la[0]);
            right.delete(lb[0]);
        }
    }
    // b. One role family, same count on both sides, every member ordered by its name: pair in that order.
    const fa = new Map();
    const fb = new Map();
    for (const a of left)
        push(fa, familyOf(a), a);
    for (const b of right)
        push(fb, familyOf(b), b);
    for (const [f, la] of fa) {
        const lb = fb.get(f);
        if (!lb || la.length !== lb.length || f.startsWith('other|'))
            continue;
        const ra = la.map(rankValue);
        const rb = lb.map(rankValue);
        const ordered = (r) => r.every((v) => v !== undefined) && new Set(r).size === r.length;
        if (!ordered(ra) || !ordered(rb))
            continue;
        const sa = la.map((l, i) => [l, ra[i]]).sort((x, y) => x[1] - y[1]);
        const sb = lb.map((l, i) => [l, rb[i]]).sort((x, y) => x[1] - y[1]);
        sa.forEach(([a], k) => {
            const b = sb[k][0];
            link(a, b, 'high', [{ kind: 'role-order', role: a.role.role, rank: k }]);
            left.delete(a);
            right.delete(b);
        });
    }
    // b2. Network order: the same number of candidates in each section (down / mid / up) on both sides, every one
    // placed by its path (`input_blocks.9.0.op` and `down_blocks.2.downsamplers.0.conv` are the down path's
    // third resampler): the k-th of a section pairs with the k-th.
    pairBySection(left, right, shape, link);
    // b3. One numbered series on each side holding all of them (`zero_convs.N` vs `controlnet_down_blocks.N`),
    // as many on both sides: the k-th of one is the k-th of the other, in index order.
    pairBySeries(left, right, shape, link);
    // c. What names cannot separate: paired by order at low confidence with the candidates named, only within one
    // role or one parent module (`mix.left` / `mix.right` vs `mix.one` / `mix.two`), never across contradicting
    // roles. Unrelated names stay unmatched.
    const ra = [...left].sort((x, y) => x.order - y.order);
    const rb = [...right].sort((x, y) => x.order - y.order);
    for (const a of ra) {
        const b = rb.find((x) => right.has(x) && !conflict(a, x) && related(a, x));
        if (!b)
            continue;
        const rivals = rb.filter((x) => !conflict(a, x) && related(a, x)).map((x) => x.relName);
        right.delete(b);
        link(a, b, 'low', [{ kind: 'position-only' }, { kind: 'unique-shape', shape }], {
            kind: 'equal-shapes',
            chunks: rivals.length > 1 ? rivals : [b.relName]
        });
    }
}
function parentOf(rel) {
    const i = rel.lastIndexOf('.');
    return i < 0 ? '' : rel.slice(0, i);
}
/** Same role (a known one) or the same parent module: the only grounds for an order-only guess. */
function related(a, b) {
    if (a.role.role !== 'other' && familyOf(a) === familyOf(b))
        return true;
    const pa = parentOf(a.rel);
    return pa !== '' && pa === parentOf(b.rel);
}
function sectionOfLayer(l) {
    return sectionOf(l.path.split('.'));
}
function compareNet(x, y) {
    const n = Math.min(x.net.length, y.net.length);
    for (let i = 0; i < n; i++)
        if (x.net[i] !== y.net[i])
            return x.net[i] - y.net[i];
    return x.net.length - y.net.length;
}
function pairBySection(left, right, shape, link) {
    if (left.size === 0 || left.size !== right.size)
        return;
    const group = (pool) => {
        const m = new Map();
        for (const l of pool) {
            const s = sectionOfLayer(l);
            if (s === undefined)
                return undefined;
            push(m, s, l);
        }
        return m;
    };
    const ga = group(left);
    const gb = group(right);
    if (!ga || !gb || ga.size !== gb.size)
        return;
    for (const [s, la] of ga)
        if ((gb.get(s)?.length ?? -1) !== la.length)
            return;
    for (const [s, la] of ga)
        linkInOrder(la, gb.get(s), 'section', shape, left, right, link);
}
/**
 * Links the k-th layer of `la` with the k-th of `lb` in network order (both lists the same length), high, with the
 * ordering that justified it as evidence; linked layers leave their pools.
 */
function linkInOrder(la, lb, role, shape, left, right, link) {
    la.sort(compareNet);
    lb.sort(compareNet);
    la.forEach((a, k) => {
        const b = lb[k];
        if (conflict(a, b))
            return;
        link(a, b, 'high', [
            { kind: 'role-order', role, rank: k },
            { kind: 'unique-shape', shape }
        ]);
        left.delete(a);
        right.delete(b);
    });
}
function push(m, k, v) {
    const list = m.get(k);
    if (list)
        list.push(v);
    else
        m.set(k, [v]);
}
/** The words before a layer's first index (`control_model.zero_convs`), or undefined without an index. */
function seriesOfLayer(l) {
    const words = l.path.split('.');
    const i = words.findIndex((w) => /^\d+$/.test(w));
    return i <= 0 ? undefined : words.slice(0, i).join('.');
}
function pairBySeries(left, right, shape, link) {
    if (left.size < 2 || left.size !== right.size)
        return;
    const one = (pool) => {
        const names = new Set([...pool].map(seriesOfLayer));
        return names.size === 1 && !names.has(undefined);
    };
    if (!one(left) || !one(right))
        return;
    // Each its own member of the series: layers of one block (same index) are not told apart by it.
    const distinct = (pool) => {
        const idx = [...pool].map((l) => l.path.split('.').find((w) => /^\d+$/.test(w)));
        return new Set(idx).size === pool.size;
    };
    if (!distinct(left) || !distinct(right))
        return;
    linkInOrder([...left], [...right], 'series', shape, left, right, link);
}

;// CONCATENATED MODULE: ./src/correspond/correspond.ts
/**
 * `correspond(a, b)`: align units by signature class and network order, match layers inside each aligned pair
 * (names, roles, shapes), then fused vs separate projections, then whatever is left outside aligned units.
 * Emits one link per tensor (a layer's weight and bias are separate links) so every key is accounted for.
 */




function sameShape(a, b) {
    return a.length === b.length && a.every((d, i) => d === b[i]);
}
function correspond(a, b, options = {}) {
    const sa = buildSide(a);
    const sb = buildSide(b);
    const links = [];
    const linkedA = new Set();
    const linkedB = new Set();
    const push = (l) => {
        links.push(l);
        for (const k of l.a)
            linkedA.add(k);
        for (const k of l.b)
            linkedB.add(k);
    };
    const layerLinks = [];
    const restA = [...sa.top.layers];
    const restB = [...sb.top.layers];
    const paired = new Set();
    const partial = options.partial === 'a';
    for (const p of alignUnits(sa, sb, partial)) {
        paired.add(p.a);
        paired.add(p.b);
        const base = [
            { kind: 'block-aligned', series: [p.a.series, p.b.series], index: [p.a.index, p.b.index] }
        ];
        const r = matchLayers(p.a.layers, p.b.layers, false, base);
        const capped = p.exact ? r.links : r.links.map((l) => ({ ...l, confidence: cap(l.confidence) }));
        layerLinks.push(...capped);
        const fused = matchFused(r.restA, r.restB);
        const used = new Set();
        for (const f of fused) {
            pushFused(f, p.exact ? 'high' : 'medium', base, push);
            used.add(f.fused);
            for (const q of f.parts)
                used.add(q);
        }
        // A partial A (a LoRA's layers) keeps to its aligned blocks: a layer left there is unmatched, never sent to
        // look for a counterpart elsewhere in the network.
        if (partial)
            continue;
        restA.push(...r.restA.filter((l) => !used.has(l)));
        restB.push(...r.restB.filter((l) => !used.has(l)));
    }
    if (!partial) {
        for (const u of sa.units)
            if (!paired.has(u))
                restA.push(...u.layers);
        for (const u of sb.units)
            if (!paired.has(u))
                restB.push(...u.layers);
    }
    // Everything outside aligned units: one pool per side, strict (names must agree for high).
    const left = matchLayers(restA, restB, true, []);
    layerLinks.push(...left.links);
    for (const f of matchFused(left.restA, left.restB))
        pushFused(f, 'medium', [], push);
    for (const l of layerLinks)
        emitLayerLink(l, push);
    const unmatchedA = a.map((t) => t.name).filter((k) => !linkedA.has(k));
    const unmatchedB = b.map((t) => t.name).filter((k) => !linkedB.has(k));
    return { links, unmatched: { a: unmatchedA, b: unmatchedB } };
}
function cap(c) {
    return c === 'high' ? 'medium' : c;
}
/**
 * Modulation tables under other names: the chunk order (shift, scale, gate) is a convention of each codebase
 * that no header shows (diffusers' AdaLayerNormContinuous stores scale before shift; its AdaLayerNormZero keeps
 * the original order), so the link says the order is assumed.
 */
function modulationAmbiguity(l) {
    if (l.a.role.role !== 'mod' || l.b.role.role !== 'mod' || l.a.rel === l.b.rel)
        return undefined;
    const s = squeeze(l.a.main.shape);
    const rows = s[0] ?? 0;
    const width = s.length > 1 ? s[s.length - 1] : 0;
    const n = s.length === 2 && width > 0 && rows % width === 0 ? rows / width : 0;
    const chunks = n === 2 ? ['shift', 'scale'] : ['shift', 'scale', 'gate'];
    return { kind: 'modulation-chunks', chunks };
}
function emitLayerLink(l, push) {
    const modulation = l.ambiguity ?? modulationAmbiguity(l);
    for (const [leaf, ta] of l.a.tensors) {
        const tb = l.b.tensors.get(leaf);
        if (!tb || tb.numel !== ta.numel)
            continue;
        const same = sameShape(ta.shape, tb.shape);
        const squeezedSame = sameShape(squeeze(ta.shape), squeeze(tb.shape));
        const evidence = same
            ? l.evidence
            : [
                ...l.evidence,
                { kind: 'same-numel', shapes: [[...ta.shape], [...tb.shape]] }
            ];
        push({
            kind: same ? 'rename' : 'reshape',
            a: [ta.name],
            b: [tb.name],
            confidence: squeezedSame ? l.confidence : cap(l.confidence),
            evidence,
            ...(modulation ? { ambiguity: modulation } : {})
        });
    }
}
function pushFused(f, confidence, base, push) {
    for (const [leaf, tf] of f.fused.tensors) {
        const parts = f.parts.map((p) => p.tensors.get(leaf));
        if (parts.some((p) => p === undefined))
            continue;
        const rows = [];
        let start = 0;
        for (const p of parts) {
            const n = p.shape[0] ?? 0;
            rows.push({ start, end: start + n });
            start += n;
        }
        if (start !== (tf.shape[0] ?? 0))
            continue;
        const evidence = [...base, { kind: 'rows-sum', parts: f.roles, rows: start }];
        const names = parts.map((p) => p.name);
        if (f.chunked) {
            // The parts' rows are chunks interleaved in an order no header shows: the keys correspond, the row
            // ranges are unknown, and a converter must not guess them.
            const link = f.fusedSide === 'a'
                ? { kind: 'split', a: [tf.name], b: names, confidence, evidence }
                : { kind: 'fuse', a: names, b: [tf.name], confidence, evidence };
            link.ambiguity = { kind: 'chunk-layout', chunks: names };
            push(link);
            continue;
        }
        const equal = rows.every((r) => r.end - r.start === rows[0].end - rows[0].start);
        const ambiguity = equal && rows.length > 1 ? { kind: 'row-order', chunks: f.roles } : undefined;
        const link = f.fusedSide === 'a'
            ? { kind: 'split', a: [tf.name], b: names, rows, confidence, evidence }
            : { kind: 'fuse', a: names, b: [tf.name], rows, confidence, evidence };
        if (ambiguity && f.roles.join() !== 'q,k,v' && f.roles.join() !== 'k,v')
            link.ambiguity = ambiguity;
        push(link);
    }
}

;// CONCATENATED MODULE: ./src/correspond/index.ts
/**
 * The correspondence engine: given two key sets with shapes (and dtypes), which tensors of A are which tensors
 * of B (rename, reshape, split, fuse, reorder), each with a confidence and structured evidence. One engine for
 * compare, LoRA resolution and conversion. Works from structure, name words and shapes: no per-model tables.
 */



/***/ }),

/***/ 4264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ blockIndex),
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
/**
 * The index of the block a tensor or module name sits in (`blocks.3`, `double_blocks.3`, kohya `blocks_3`), or null
 * at the top level.
 */
function blockIndex(name) {
    const block = blockOf(name.replace(/\.(?:weight|bias)$/, ''));
    return block ? String(block.index) : null;
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

/***/ 6168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ wordResolution),
/* harmony export */   pQ: () => (/* binding */ causeWords),
/* harmony export */   uV: () => (/* binding */ reasonText),
/* harmony export */   xk: () => (/* binding */ moduleReason),
/* harmony export */   xv: () => (/* binding */ causeText)
/* harmony export */ });
/* unused harmony export baseDepth */
/* harmony import */ var _lora_layers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4264);
/**
 * The words of LoRA resolution reasons and causes (src/lora/reasons.ts): the one place each kind is said. The
 * console and Markdown renderers call these; `wordResolution` fills the `reason` / `cause` strings of the JSON
 * documents (schemas/lora.schema.json) from the typed fields.
 */

/** The blocks a base has: `blocks 0-29`, or `only block 0` for a one-block base. */
function baseDepth(series, max) {
    if (max > 0)
        return `${series} 0-${max}`;
    return `only ${series === 'blocks' ? 'block' : series} 0`;
}
function rowRanges(rows) {
    return rows.map((r) => `rows ${r.start}-${r.end - 1}`).join(', ');
}
function reasonText(why) {
    switch (why.kind) {
        case 'no-text-encoder':
            return why.present.length === 0
                ? `text-encoder module (${why.prefix || 'text encoder'}); the base has no text encoder (transformer-only)`
                : `text-encoder ${why.textEncoder} module; the base has text encoder(s) ${why.present.join(', ')} but no such key`;
        case 'no-denoiser':
            return 'the base has no denoiser keys';
        case 'other-architecture':
            return `LoRA for ${(0,_lora_layers_js__WEBPACK_IMPORTED_MODULE_0__/* .familyDisplayName */ .gK)(why.lora)} on a ${(0,_lora_layers_js__WEBPACK_IMPORTED_MODULE_0__/* .familyDisplayName */ .gK)(why.base)} base: no key of that name`;
        case 'image-branch':
            return 'I2V-only module (CLIP image branch: k_img/v_img/img_emb); the base has no image branch (a T2V or Wan2.2 model)';
        case 'beyond-depth':
            return `block ${why.series}.${why.index} does not exist: the base has ${baseDepth(why.series, why.max)}`;
        case 'no-base-key':
            return `no base key named ${why.path}${why.underscore ? ' (underscore form)' : ''}`;
        case 'no-bias':
            return `the base module ${why.module} has no bias for this bias-only delta`;
        case 'partial-split':
            return `fused ${why.path}: ${rowRanges(why.missing)} have no counterpart in the base, so a split would lose them`;
        case 'shape-mismatch': {
            const rows = why.slice ? ` rows ${why.slice.offset}+${why.slice.size}` : '';
            return `shape mismatch against ${why.key} ${JSON.stringify(why.shape)}${rows}`;
        }
        case 'unsupported-adapter':
            return 'no adapter tensors a loader recognises';
        case 'shapes-unchecked':
            return `${why.algorithm}: resolved, shapes not checked`;
        case 'ia3-not-in-comfyui':
            return 'IA3: ComfyUI has no IA3 adapter and reports these keys as not loaded';
        case 'shape-note':
            return why.note;
    }
}
const CONTEXT_LABELS = { 768: 'SD1.x', 1024: 'SD2.x', 2048: 'SDXL' };
function causeText(c) {
    switch (c.kind) {
        case 'text-context': {
            const label = (w) => CONTEXT_LABELS[w] ?? `context ${w}`;
            return `${label(c.lora)} LoRA on ${label(c.base)} base: text context ${c.lora} vs ${c.base}`;
        }
        case 'other-size':
            return `${c.lora} LoRA on ${c.base} base: in-dim ${c.loraWidth} vs ${c.baseWidth}`;
        case 'in-dim':
            return 'in-dim differs from the base';
        case 'shape':
            return 'shape differs from the base';
        case 'text-encoder':
            return 'text-encoder modules; the base has no such text encoder';
        case 'image-branch':
            return 'I2V-only modules (k_img/v_img/img_emb) on a base without the image branch';
        case 'beyond-depth':
            return `blocks beyond the base's depth (base has ${baseDepth(c.series, c.max)})`;
        case 'other-architecture':
            return `LoRA for ${c.lora} on a ${c.base} base`;
        case 'names-not-found':
            return 'names not found in the base';
        case 'no-bias':
            return 'bias-only deltas on base modules without a bias';
        case 'partial-split':
            return 'fused modules only part of whose rows the base has';
        case 'unsupported-adapter':
            return 'no adapter tensors a loader recognises';
    }
}
/** A module's reason as text, or undefined when it has none. */
function moduleReason(r) {
    return r.why ? reasonText(r.why) : r.reason;
}
/** A file-level cause as text: its words from its kind, else the words it came with. */
function causeWords(c) {
    return c.why ? causeText(c.why) : (c.cause ?? '');
}
/** Fill the `reason` and `cause` strings of a resolution from its typed fields (in place); returns it. */
function wordResolution(r) {
    for (const x of r.results) {
        if (x.why)
            x.reason = reasonText(x.why);
        if (x.causeWhy)
            x.cause = causeText(x.causeWhy);
    }
    for (const c of r.causes)
        c.cause = causeWords(c);
    return r;
}


/***/ })

};
;