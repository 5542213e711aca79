"use strict";
exports.id = 261;
exports.ids = [261];
exports.modules = {

/***/ 4822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* reexport */ correspond)
});

// EXTERNAL MODULE: ./src/names/index.ts + 1 modules
var src_names = __webpack_require__(1907);
// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
;// CONCATENATED MODULE: ./src/correspond/model.ts
/**
 * One side of a correspondence as the engine sees it: tensors grouped into layers (a Linear's weight and bias
 * travel together) and layers into units (the layers under their deepest indexed ancestor that holds several
 * layers: `blocks.3`, `down_blocks.1.resnets.0`, `input_blocks.4.0`). Built in one linear pass, bounded.
 */

const SUBLAYERS = ['attn', 'cross', 'ffn'];

// Index loops in these per-tensor helpers: they run once per key in a short-lived process, mostly in V8's
// interpreter, where each for-of step allocates an iterator result.
/** The shape without its size-1 dims (a 1x1 conv and a linear, `[1, 6, D]` and `[6, D]`, read the same). */
function squeeze(shape) {
    const out = [];
    for (let i = 0; i < shape.length; i++)
        if (shape[i] !== 1)
            out.push(shape[i]);
    return out.length > 0 ? out : shape.length > 0 ? [1] : [];
}
/** Depth of indices looked at per key: deeper nesting than this is not a block structure we need. */
const MAX_INDEX_DEPTH = 8;
/** Word separators of a key (src/names/tokens.ts keyWords), and its longest digit run read as an index. */
const WORD_SEPARATORS = /[._]/;
const MAX_INDEX_DIGITS = 9;
/**
 * `partial`: the specs are part of a network (a LoRA's layers), where a block may hold one layer because its
 * siblings were not trained: every layer under a named, indexed container belongs to that container's unit.
 */
function buildSide(specs, partial = false) {
    const names = (0,src_names/* stripModelPrefixes */.yj)(specs.map((t) => t.name));
    const byPath = new Map();
    // A layer's tensors (weight, bias) share its name as stored: its words and path are read once per name.
    const byName = new Map();
    // The layers in first-seen order (byPath's order), walked with index loops below.
    const raws = [];
    const tensors = [];
    for (let i = 0; i < specs.length; i++) {
        const spec = specs[i];
        const { layer, leaf } = (0,src_names/* splitLeaf */.Hg)(names[i]);
        const t = { name: spec.name, shape: spec.shape, numel: (0,numel/* numel */.u)(spec.shape), leaf };
        tensors.push(t);
        let raw = byName.get(layer);
        if (!raw) {
            // One walk over the layer's words (the pieces between `.` and `_`, as keyWords splits them) gives its
            // token path, its indexed ancestors' paths (each a prefix of the path) and its place in the network, with
            // no word objects kept: this runs once per stored layer name, interpreted.
            const pieces = layer.split(WORD_SEPARATORS);
            let path = '';
            const ends = [];
            const sections = [];
            const indices = [];
            // An index word is an ancestor's end only when a word follows it: noted, and kept at the next word.
            let pendingEnd = -1;
            for (let w = 0; w < pieces.length; w++) {
                const piece = pieces[w];
                if (piece === '')
                    continue;
                const text = piece.toLowerCase();
                if (pendingEnd >= 0) {
                    if (ends.length < MAX_INDEX_DEPTH)
                        ends.push(pendingEnd);
                    pendingEnd = -1;
                }
                path = path === '' ? text : `${path}.${text}`;
                // Digits only, not past 9 of them (keyWords' index), is an index; longer digit runs name no section.
                if (text.charCodeAt(0) <= 57 && text.length <= MAX_INDEX_DIGITS && /^\d+$/.test(text)) {
                    indices.push(Number(text));
                    pendingEnd = path.length;
                }
                else {
                    const r = (0,src_names/* sectionRank */.Eu)(text);
                    if (r !== undefined)
                        sections.push(r);
                }
            }
            sections.push(ORDER_SEPARATOR);
            for (let i = 0; i < indices.length; i++)
                sections.push(indices[i]);
            raw = byPath.get(path);
            if (!raw) {
                const ancestors = [];
                for (let e = 0; e < ends.length; e++)
                    ancestors.push(path.slice(0, ends[e]));
                raw = { name: layer, path, net: sections, tensors: new Map(), ancestors };
                byPath.set(path, raw);
                raws.push(raw);
            }
            byName.set(layer, raw);
        }
        // A second tensor under the same layer and leaf (two wrappers giving one name) stays out: it is unmatched.
        if (!raw.tensors.has(leaf))
            raw.tensors.set(leaf, t);
    }
    const under = new Map();
    for (let r = 0; r < raws.length; r++) {
        const ancestors = raws[r].ancestors;
        for (let k = 0; k < ancestors.length; k++)
            under.set(ancestors[k], (under.get(ancestors[k]) ?? 0) + 1);
    }
    const seriesIndices = indicesPerSeries(under.keys());
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
    // Per unit, what its layers need of its path: the word count and the role context (once per unit, not per layer).
    const unitFacts = new Map();
    unitFacts.set('', { unit: top, words: 0, context: '' });
    const layers = [];
    for (let r = 0; r < raws.length; r++) {
        const raw = raws[r];
        const unitPath = unitOf(raw, under, seriesIndices, partial);
        let facts = unitFacts.get(unitPath);
        if (!facts) {
            const unit = newUnit(unitPath);
            units.set(unitPath, unit);
            facts = { unit, words: unitPath.split('.').length, context: roleContext(unitPath) };
            unitFacts.set(unitPath, facts);
        }
        const unit = facts.unit;
        const main = raw.tensors.get('weight') ?? raw.tensors.get('') ?? raw.tensors.values().next().value;
        const sq = squeeze(main.shape);
        const rel = unitPath === '' ? raw.path : raw.path.slice(unitPath.length + 1);
        const relRaw = dropWords(raw.name, facts.words);
        const layer = {
            path: raw.path,
            rel,
            relName: relRaw,
            tensors: raw.tensors,
            main,
            sig: sq.join('x'),
            cols: sq.length > 1 ? sq.slice(1).join('x') : '',
            role: roleOf(relRaw, sq.length === 1, unitPath === '', facts.context),
            unit,
            order: 0,
            net: raw.net
        };
        unit.layers.push(layer);
        layers.push(layer);
    }
    attachParallelSeries(top, units);
    for (const u of [top, ...units.values()])
        finishUnit(u);
    return { tensors, layers, units: [...units.values()], top };
}
/** Series of an indexed path (the path without its last index) -> how many distinct indices it has. */
function indicesPerSeries(paths) {
    const out = new Map();
    for (const p of paths) {
        const at = p.lastIndexOf('.');
        const s = at < 0 ? '' : p.slice(0, at);
        out.set(s, (out.get(s) ?? 0) + 1);
    }
    return out;
}
/**
 * The unit a layer belongs to: its deepest indexed ancestor holding several layers. A block holding one layer
 * (the weights a LoRA implies: one fused `attn.qkv` per block) is a unit as well when it is one of several
 * blocks of a series and the layer has a name of its own under it (`blocks.3.attn.qkv`, not the index-only
 * `adaLN_modulations.3.1` of a per-block side list): the other side's block holds the same layer, renamed,
 * split or fused. Otherwise the layer is top-level.
 */
function unitOf(raw, under, seriesIndices, partial) {
    for (let k = raw.ancestors.length - 1; k >= 0; k--) {
        const p = raw.ancestors[k];
        if ((under.get(p) ?? 0) >= 2)
            return p;
    }
    for (let k = raw.ancestors.length - 1; k >= 0; k--) {
        const p = raw.ancestors[k];
        const at = p.lastIndexOf('.');
        if (at < 0 || (!partial && (seriesIndices.get(p.slice(0, at)) ?? 0) < 2))
            continue;
        const rest = raw.path.slice(p.length + 1).split('.');
        if (rest.some((w) => !/^\d+$/.test(w)))
            return p;
    }
    return '';
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
    for (let i = 0; i < words.length; i++) {
        const text = words[i];
        if (text.charCodeAt(0) <= 57 && /^\d+$/.test(text))
            indices.push(Number(text));
        else {
            const r = (0,src_names/* sectionRank */.Eu)(text);
            if (r !== undefined)
                sections.push(r);
        }
    }
    sections.push(ORDER_SEPARATOR);
    for (let i = 0; i < indices.length; i++)
        sections.push(indices[i]);
    return sections;
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
    // Index loops here and below: this runs once per unit, interpreted, where a for-of step allocates.
    const layers = u.layers;
    let mains = false;
    for (let i = 0; i < layers.length && !mains; i++)
        mains = layers[i].role.stream === 'main';
    if (mains) {
        const plain = new Set();
        for (const l of layers)
            if (l.role.stream === undefined)
                plain.add(l.role.words.join('.'));
        for (const l of layers) {
            if (l.role.stream !== 'main')
                continue;
            const twin = l.role.words.filter((w) => !(0,src_names/* isStreamWord */.Rk)(w)).join('.');
            if (plain.has(twin))
                l.role = { ...l.role, stream: 'context' };
        }
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
    for (let i = 0; i < layers.length; i++) {
        for (const t of layers[i].tensors.values()) {
            total += t.numel;
            // A shape of fewer than 2 dims squeezes to fewer than 2: it has no trailing dims to add.
            if (t.shape.length < 2)
                continue;
            const sq = squeeze(t.shape);
            if (sq.length >= 2)
                cols.add(sq.slice(1).join('x'));
        }
    }
    u.sig = `${total}|${[...cols].sort().join(',')}`;
}
/** Per word count, the pattern of that many leading words and the separators after them. */
const LEADING_WORDS = new Map();
/** The name without its first `n` words (words are separated by `.` or `_`), separators kept. */
function dropWords(name, n) {
    if (n <= 0)
        return name.replace(/^[._]+/, '');
    // One native match, not a per-character loop: the CLI runs this code interpreted (no optimizing compiler), once
    // per layer. A word may be empty here, as the name may run out before `n` words (then nothing is left).
    let re = LEADING_WORDS.get(n);
    if (!re)
        LEADING_WORDS.set(n, (re = new RegExp(`^(?:[._]*[^._]*){${n}}[._]*`)));
    return name.slice(re.exec(name)[0].length);
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

;// CONCATENATED MODULE: ./src/correspond/align-partial.ts
/**
 * Unit alignment when A is partial (a LoRA's layers): its units hold only the matrices the LoRA trains, so they
 * pair with B's by the matrices they hold, by the innermost level both layouts name alike, by their paired
 * children, and series of other names by the words they share. Used by align.ts.
 */

function compareOrder(x, y) {
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++)
        if (x[i] !== y[i])
            return x[i] - y[i];
    return x.length - y.length;
}
/** A unit's matrices (layers of 2+ dims after squeezing), counted per shape: what a LoRA patches. */
function matrixCounts(u) {
    const m = new Map();
    for (const l of u.layers)
        if (l.sig.includes('x'))
            m.set(l.sig, (m.get(l.sig) ?? 0) + 1);
    return m;
}
function countsKey(m) {
    return [...m.entries()]
        .map(([s, n]) => `${s}*${n}`)
        .sort()
        .join(';');
}
/** Every matrix shape of `need`, as many times, is in `have`. */
function holds(have, need) {
    for (const [s, n] of need)
        if ((have.get(s) ?? 0) < n)
            return false;
    return true;
}
/** The section rank a unit's order starts with (down / mid / up), or -1 when its path names none. */
function sectionKey(u) {
    return u.order[0] === ORDER_SEPARATOR ? -1 : (u.order[0] ?? -1);
}
/** Bound on the B units a partial class looks at (a hostile base cannot make the pass quadratic). */
const MAX_CLASS_CANDIDATES = 4096;
/** Bound on the distinct unit classes (and series) a partial side may bring: a real LoRA has a few dozen. */
const MAX_CLASSES = 512;
/**
 * A partial A (a LoRA's layers) in another block layout (diffusers `down_blocks.i.attentions.j` against LDM
 * `input_blocks.N.1`): A's units holding one set of matrices (a class) pair with the B units of the same section
 * that hold at least those matrices, k-th with k-th in network order, when both sides have as many. Larger classes
 * go first and take their units out of the later ones' candidates (a transformer block's units before the single
 * projection of its wrapper). A class whose count differs (a LoRA that skips some units of a kind) is left to the
 * series pairing by index, and a class whose units keep their series names is too (the index says the same).
 */
function alignPartialClasses(a, b, pairedA, pairedB) {
    const classes = new Map();
    for (const u of a.units) {
        if (pairedA.has(u))
            continue;
        const need = matrixCounts(u);
        if (need.size === 0)
            continue;
        const key = `${sectionKey(u)}|${countsKey(need)}`;
        let c = classes.get(key);
        if (!c)
            classes.set(key, (c = { section: sectionKey(u), need, units: [] }));
        c.units.push(u);
    }
    const size = (m) => [...m.values()].reduce((x, y) => x + y, 0);
    if (classes.size > MAX_CLASSES)
        return [];
    const ordered = [...classes.values()].sort((x, y) => size(y.need) - size(x.need));
    const haveB = new Map();
    for (const u of b.units.slice(0, MAX_CLASS_CANDIDATES))
        haveB.set(u, matrixCounts(u));
    const byOrder = (x, y) => compareOrder(x.order, y.order) || (x.path < y.path ? -1 : 1);
    const out = [];
    const pairInOrder = (as, bs) => {
        if (as.length !== bs.length || as.length === 0)
            return;
        as.sort(byOrder);
        bs.sort(byOrder);
        if (as.every((u, k) => u.series === bs[k].series))
            return;
        as.forEach((ua, k) => {
            out.push({ a: ua, b: bs[k], exact: true });
            pairedA.add(ua);
            pairedB.add(bs[k]);
        });
    };
    for (const c of ordered) {
        const cand = [];
        for (const [u, have] of haveB)
            if (!pairedB.has(u) && sectionKey(u) === c.section && holds(have, c.need))
                cand.push(u);
        if (cand.length === c.units.length) {
            pairInOrder(c.units, cand);
            continue;
        }
        // A LoRA that skips some units of a kind: the innermost level both layouts name alike (`transformer_blocks.0`
        // under `down_blocks.1.attentions.0` and under `input_blocks.4.1`) narrows the candidates.
        const byTail = new Map();
        for (const u of c.units) {
            const t = tailOf(u.path);
            if (t === undefined)
                continue;
            let g = byTail.get(t);
            if (!g)
                byTail.set(t, (g = { a: [], b: [] }));
            g.a.push(u);
        }
        for (const u of cand)
            byTail.get(tailOf(u.path) ?? '')?.b.push(u);
        for (const g of byTail.values())
            pairInOrder(g.a, g.b);
    }
    pairContainers(a, b, pairedA, pairedB, out);
    pairSteps(a, b, pairedA, pairedB, out);
    return out;
}
/**
 * The innermost named level of a unit path with its index (`transformer.blocks.0`), or undefined when the last
 * index follows another index directly (`input.blocks.4.1`: no name of its own).
 */
function tailOf(path) {
    const words = path.split('.');
    const end = words.length - 1;
    if (!/^\d+$/.test(words[end] ?? ''))
        return undefined;
    let start = end;
    while (start > 0 && !/^\d+$/.test(words[start - 1]))
        start--;
    if (start === end)
        return undefined;
    return words.slice(start, end + 1).join('.');
}
/**
 * Containers of paired units correspond: an A unit left unpaired whose descendant units all pair with B units
 * under one B unit, at the same depth below it (`down_blocks.1.attentions.0` holds `transformer_blocks.0`, paired
 * with `input_blocks.4.1.transformer_blocks.0`: it is `input_blocks.4.1`), pairs with that B unit.
 */
function pairContainers(a, b, pairedA, pairedB, out) {
    const unitB = new Map(b.units.map((u) => [u.path, u]));
    const partner = new Map(out.map((p) => [p.a, p.b]));
    const children = new Map();
    for (const u of pairedA) {
        const words = u.path.split('.');
        for (let k = 1; k < words.length; k++) {
            const parent = words.slice(0, k).join('.');
            let list = children.get(parent);
            if (!list)
                children.set(parent, (list = []));
            list.push(u);
        }
    }
    for (const u of a.units) {
        if (pairedA.has(u))
            continue;
        const kids = children.get(u.path);
        if (!kids)
            continue;
        const depth = u.path.split('.').length;
        const containers = new Set();
        for (const k of kids) {
            const pb = partner.get(k);
            if (!pb) {
                containers.add('');
                continue;
            }
            const below = k.path.split('.').length - depth;
            const wordsB = pb.path.split('.');
            containers.add(below < wordsB.length ? wordsB.slice(0, wordsB.length - below).join('.') : '');
        }
        if (containers.size !== 1)
            continue;
        const ub = unitB.get([...containers][0]);
        if (!ub || pairedB.has(ub) || !holds(matrixCounts(ub), matrixCounts(u)))
            continue;
        out.push({ a: u, b: ub, exact: true });
        pairedA.add(u);
        pairedB.add(ub);
    }
}
/**
 * A partial A's series without a same-named one on B (a LoRA in another naming: `single_blocks` vs
 * `single_transformer_blocks`, `double_blocks` vs `transformer_blocks`). Its blocks must lie within the B series';
 * the words the series names share come first (a qualifier such as `single` names the same kind of block), then
 * the layer shapes the blocks hold (fused and separate projections change shapes, so shapes alone would pair a
 * block of separate q/k/v with the other series' blocks). Best pairs are taken first; a tie leaves the series
 * unpaired.
 */
function pairPartialSeries(ga, gb, usedB, pairSeries) {
    const words = (key) => new Set(key.split('|')[0].split('.'));
    const candidates = [];
    for (const [ka, sa] of ga) {
        if (gb.has(ka))
            continue;
        const wa = words(ka);
        for (const [kb, sb] of gb) {
            if (usedB.has(kb) || kb.split('|')[1] !== ka.split('|')[1])
                continue;
            if (!withinOrTail(sa, sb))
                continue;
            let shared = 0;
            for (const w of words(kb))
                if (wa.has(w))
                    shared++;
            const score = [shared, shapeScore(sa, sb)];
            if (score.some((x) => x > 0))
                candidates.push({ ka, kb, score });
        }
    }
    const better = (x, y) => y[0] - x[0] || y[1] - x[1];
    candidates.sort((x, y) => better(x.score, y.score));
    const doneA = new Set();
    for (const c of candidates) {
        if (doneA.has(c.ka) || usedB.has(c.kb))
            continue;
        doneA.add(c.ka);
        const tie = candidates.some((o) => o !== c && o.ka === c.ka && !usedB.has(o.kb) && better(o.score, c.score) === 0);
        if (tie)
            continue;
        usedB.add(c.kb);
        pairSeries(ga.get(c.ka), gb.get(c.kb));
    }
    return [];
}
/**
 * A's blocks lie within B's, or past B's last block only (a LoRA of a 24-layer text tower on the same tower saved
 * to its penultimate layer): B's indices are 0..n-1 and every A index missing from B is n or more. The blocks past
 * the end stay unpaired; the ones within pair by index.
 */
function withinOrTail(sa, sb) {
    let inside = 0;
    let past = false;
    for (const i of sa.keys()) {
        if (sb.has(i))
            inside++;
        else if (/^\d+$/.test(i) && Number(i) >= sb.size)
            past = true;
        else
            return false;
    }
    if (inside === 0)
        return false;
    if (!past)
        return true;
    for (const i of sb.keys())
        if (!/^\d+$/.test(i) || Number(i) >= sb.size)
            return false;
    return true;
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
/** Per series, per first index: the matrices its units hold together. */
function blocksOf(side) {
    const out = new Map();
    for (const u of side.units) {
        const words = u.path.split('.');
        const first = words.findIndex((w) => /^\d+$/.test(w));
        if (first < 0)
            continue;
        let series = out.get(u.series);
        if (!series)
            out.set(u.series, (series = new Map()));
        const i = Number(words[first]);
        let m = series.get(i);
        if (!m)
            series.set(i, (m = new Map()));
        for (const [sig, n] of matrixCounts(u))
            m.set(sig, (m.get(sig) ?? 0) + n);
    }
    return out;
}
/**
 * A partial A's series numbered the other way round from a B series of as many blocks (a VAE decoder's levels
 * counted from the bottom on one side, from the top on the other): every A block's matrices fit the B block at the
 * mirrored index and not all fit at the same index. The units' order keys of such a series get their first index
 * mirrored, as the whole-network alignment does.
 */
function reversePartialSeries(a, b) {
    const sb = [...blocksOf(b).values()].filter((s) => s.size >= 2);
    const sa = blocksOf(a);
    if (sa.size > MAX_CLASSES || sb.length > MAX_CLASSES)
        return;
    for (const [name, blocks] of sa) {
        if (blocks.size < 2)
            continue;
        const indices = [...blocks.keys()].sort((x, y) => x - y);
        const fits = (target, mirrored) => indices.every((v, k) => {
            const have = target.get(mirrored ? indices[indices.length - 1 - k] : v);
            return have !== undefined && holds(have, blocks.get(v));
        });
        const reversed = sb.filter((t) => t.size === blocks.size && indices.every((v) => t.has(v)) && fits(t, true) && !fits(t, false));
        if (reversed.length !== 1)
            continue;
        const mirror = new Map();
        indices.forEach((v, k) => mirror.set(v, indices[indices.length - 1 - k]));
        for (const u of a.units) {
            if (u.series !== name)
                continue;
            const words = u.path.split('.');
            const v = Number(words[words.findIndex((w) => /^\d+$/.test(w))]);
            const at = u.order.indexOf(ORDER_SEPARATOR) + 1;
            u.order = [...u.order];
            u.order[at] = mirror.get(v) ?? v;
        }
    }
}
/** The path without its last level: a trailing index, and the named words before it unless an index precedes. */
function levelUp(path) {
    const words = path.split('.');
    if (words.length > 0 && /^\d+$/.test(words[words.length - 1]))
        words.pop();
    while (words.length > 0 && !/^\d+$/.test(words[words.length - 1]))
        words.pop();
    return words.join('.');
}
/**
 * Sub-modules of one level with the same index are one step of the network: a nested layout's `resnets.0` and
 * `attentions.0` of a level are its first resnet and attention, which a flat layout keeps side by side
 * (`input_blocks.1.0`, `input_blocks.1.1`). An A unit left unpaired whose own layers all sit under one such
 * sub-module (`resnets.0...` of `down_blocks.0`) takes the one unpaired B unit under the same step as its paired
 * sibling (`attentions.0` with `input_blocks.1.1`) that holds its matrices; none or several, it stays unpaired.
 */
function pairSteps(a, b, pairedA, pairedB, out) {
    let scans = 0;
    // Paired A units by the level above them (`down.blocks.0` for `down.blocks.0.attentions.0`).
    const byLevel = new Map();
    for (const p of out) {
        const up = levelUp(p.a.path);
        let list = byLevel.get(up);
        if (!list)
            byLevel.set(up, (list = []));
        list.push({ path: p.a.path, b: p.b });
    }
    for (const u of a.units) {
        if (pairedA.has(u) || u.path === '')
            continue;
        const steps = new Set();
        for (const l of u.layers) {
            const words = l.rel.split('.');
            const k = words.findIndex((w) => /^\d+$/.test(w));
            steps.add(k > 0 ? `${words.slice(0, k).join('.')}|${words[k]}` : '');
        }
        if (steps.size !== 1 || steps.has(''))
            continue;
        const [kind, index] = [...steps][0].split('|');
        const parents = new Set();
        for (const { path, b: pb } of byLevel.get(u.path) ?? []) {
            const rest = path.slice(u.path.length + 1).split('.');
            if (rest.length < 2 || rest[rest.length - 1] !== index)
                continue;
            const named = rest.slice(0, -1);
            if (named.some((w) => /^\d+$/.test(w)) || named.join('.') === kind)
                continue;
            parents.add(levelUp(pb.path));
        }
        if (parents.size !== 1)
            continue;
        const parent = [...parents][0];
        // Each scan reads B's units once: bounded, so a hostile side cannot make it quadratic.
        if (parent === '' || ++scans > MAX_CLASSES)
            continue;
        const need = matrixCounts(u);
        const cand = b.units.filter((x) => !pairedB.has(x) && x.path.startsWith(`${parent}.`) && holds(matrixCounts(x), need));
        if (cand.length !== 1)
            continue;
        out.push({ a: u, b: cand[0], exact: true });
        pairedA.add(u);
        pairedB.add(cand[0]);
    }
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
    if (partial) {
        reversePartialSeries(a, b);
        pairs.push(...alignPartialClasses(a, b, pairedA, pairedB));
    }
    const bySeries = alignBySeries(a, b, pairedA, pairedB, partial);
    if (!partial)
        acceptTruncation(a, b, pairs, bySeries);
    pairs.push(...bySeries);
    return pairs;
}
/**
 * One network saved without its last blocks (a text encoder kept to its penultimate layer): when the only blocks
 * left unpaired are the trailing ones of one series, that series' blocks pair index by index with the same
 * signature each, and every other unit of both sides has its counterpart, the pairs are as sure as exact ones.
 * Two networks of other depths differ in more than one tail (HunyuanVideo vs Flux: both block series), or in
 * width (no equal signatures), and stay by index only. The missing tail stays unmatched: its keys are listed as
 * having no counterpart, and the parameter-weighted headline leaves them out.
 */
function acceptTruncation(a, b, exact, bySeries) {
    const loose = bySeries.filter((p) => !p.exact);
    if (loose.length === 0)
        return;
    const seriesA = loose[0].a.series;
    const seriesB = loose[0].b.series;
    if (loose.some((p) => p.a.series !== seriesA || p.b.series !== seriesB || p.a.sig !== p.b.sig))
        return;
    if (loose.some((p) => p.a.index.includes('.') || p.a.index !== p.b.index))
        return;
    const paired = new Set();
    for (const p of [...exact, ...bySeries]) {
        paired.add(p.a);
        paired.add(p.b);
    }
    const shared = loose.length;
    // The unpaired units: only the other side's blocks of that series past the shared ones, on one side alone.
    const tail = (side, series) => {
        const rest = side.units.filter((u) => !paired.has(u));
        if (rest.length === 0)
            return false;
        const all = side.units.filter((u) => u.series === series).map((u) => Number(u.index));
        const ok = rest.every((u) => u.series === series && !u.index.includes('.') && Number(u.index) >= shared) &&
            new Set(all).size === all.length &&
            all.every((i) => Number.isInteger(i) && i >= 0 && i < all.length);
        return ok ? true : undefined;
    };
    const ta = tail(a, seriesA);
    const tb = tail(b, seriesB);
    if (ta === undefined || tb === undefined || ta === tb)
        return;
    const shorter = ta ? b : a;
    const shortSeries = ta ? seriesB : seriesA;
    const indices = shorter.units.filter((u) => u.series === shortSeries).map((u) => Number(u.index));
    if (indices.length !== shared || !indices.every((i) => Number.isInteger(i) && i >= 0 && i < shared))
        return;
    for (let k = 0; k < bySeries.length; k++)
        if (!bySeries[k].exact)
            bySeries[k] = { ...bySeries[k], exact: true };
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
    if (partial) {
        out.push(...pairPartialSeries(ga, gb, usedB, pairSeries));
        return out;
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

;// CONCATENATED MODULE: ./src/correspond/fused.ts
/**
 * Fused vs separate projections inside aligned units: a fused qkv / kv (equal or unequal, GQA) against separate
 * q, k, v of the same stream, and an unequal fused linear (q|k|v|mlp rows) against separate q, k, v plus one more
 * projection. Parts are only taken within one role family: attention rows never fuse into a modulation.
 */

/** The rows of a fused qkv, in order (src/names FUSED_ROLE_PARTS). */
const QKV_PARTS = src_names/* FUSED_ROLE_PARTS */.E5.qkv;
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
        return someParts(wanted, sameStream, rows);
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
        const qkv = QKV_PARTS.map((r) => pick(r, attn));
        if (qkv.some((p) => p === undefined))
            continue;
        const sum = qkv.reduce((s, p) => s + rowsOf(p), 0);
        if (sum === rows)
            return { parts: qkv, roles: QKV_PARTS };
        const extra = cand.filter((l) => !qkv.includes(l) &&
            (l.role.role === 'other' || l.role.role.startsWith('ffn-')) &&
            sum + rowsOf(l) === rows);
        if (extra.length === 1)
            return { parts: [...qkv, extra[0]], roles: [...QKV_PARTS, 'mlp'] };
    }
    return undefined;
}
/**
 * Some of a fused projection's parts (q and v of a qkv; the weights a LoRA trains): only where the fused rows split
 * in equal parts, each present part that size, and no role twice. A part's rows are then its place in the role
 * order (q, k, v), the convention every known converter uses; an unequal (GQA) fused layer with parts missing has
 * no such reading and stays unmatched.
 */
function someParts(wanted, pool, rows) {
    if (rows % wanted.length !== 0)
        return undefined;
    const each = rows / wanted.length;
    const parts = [];
    const slots = [];
    for (let i = 0; i < wanted.length; i++) {
        const hits = pool.filter((l) => l.role.role === wanted[i]);
        if (hits.length > 1)
            return undefined;
        if (hits.length === 0)
            continue;
        if (rowsOf(hits[0]) !== each)
            return undefined;
        parts.push(hits[0]);
        slots.push(i);
    }
    if (parts.length === 0)
        return undefined;
    return { parts, roles: slots.map((i) => wanted[i]), share: { slots, of: [...wanted] } };
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
            out.push({ fused: f, fusedSide: side, ...found });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/correspond/layer-roles.ts
function layer_roles_streamOf(l) {
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
function parentOf(rel) {
    const i = rel.lastIndexOf('.');
    return i < 0 ? '' : rel.slice(0, i);
}
function push(m, k, v) {
    const list = m.get(k);
    if (list)
        list.push(v);
    else
        m.set(k, [v]);
}

;// CONCATENATED MODULE: ./src/correspond/network-order.ts


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
 * As many candidates on both sides, not every one placed by a section word (a ControlNet's `zero_convs.N` beside
 * its `middle_block_out`): a section that holds exactly one candidate on each side pairs those two (`mid_block`
 * and `middle_block_out` both say the middle), and the rest is left to the series pass.
 */
function pairLoneSections(left, right, shape, link) {
    if (left.size < 2 || left.size !== right.size)
        return;
    const group = (pool) => {
        const m = new Map();
        for (const l of pool) {
            const s = sectionOfLayer(l);
            if (s !== undefined)
                push(m, s, l);
        }
        return m;
    };
    const ga = group(left);
    const gb = group(right);
    for (const [s, la] of ga) {
        const lb = gb.get(s);
        if (la.length !== 1 || lb?.length !== 1 || conflict(la[0], lb[0]))
            continue;
        linkInOrder(la, lb, 'section', shape, left, right, link);
    }
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

;// CONCATENATED MODULE: ./src/correspond/match.ts


const SUBLAYER_ORDER = { attn: 0, cross: 1, ffn: 2 };
/** What identifies a layer inside its unit beyond its shape: role, stream, sublayer and place. */
function descriptor(l, coarse = false) {
    const r = l.role;
    if (r.role === 'other')
        return undefined;
    if (r.role === 'norm') {
        if (l.position === undefined)
            return undefined;
        return `norm|${layer_roles_streamOf(l)}|${l.position}`;
    }
    if (r.role === 'ffn-in' || r.role === 'ffn-gate' || r.role === 'ffn-up')
        return undefined;
    return coarse ? `${r.role}|${layer_roles_streamOf(l)}` : `${r.role}|${layer_roles_streamOf(l)}|${r.sublayer ?? ''}`;
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
        return `ffn-in|${layer_roles_streamOf(l)}`;
    return `${r}|${layer_roles_streamOf(l)}`;
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
    // 1. The same relative name and shape. Outside aligned units the whole path: the layers of blocks nobody
    // aligned share their relative names (`ln_1` of every block) and say nothing about which block is which.
    const nameOf = (l) => (strict ? l.path : l.rel);
    const byRel = new Map();
    for (const l of poolB)
        byRel.set(nameOf(l), l);
    for (const a of poolA) {
        const b = byRel.get(nameOf(a));
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
        matchEqualShapes(c.a, c.b, shape, link, strict);
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
function matchEqualShapes(as, bs, shape, link, strict = false) {
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
                { kind: 'same-role', role: a.role.role, stream: layer_roles_streamOf(a), position: a.position },
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
            push(m, layer_roles_streamOf(l), l);
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
    // b. One role family, same count on both sides, every member ordered by its name: pair in that order. Layers of
    // no known role qualify inside aligned units when each side's are siblings of one module, each ordered by its
    // name (`in_layer` / `out_layer` vs `linear_1` / `linear_2`): a sequence of one module, read in order.
    const fa = new Map();
    const fb = new Map();
    for (const a of left)
        push(fa, familyOf(a), a);
    for (const b of right)
        push(fb, familyOf(b), b);
    for (const [f, la] of fa) {
        const lb = fb.get(f);
        if (!lb || la.length !== lb.length)
            continue;
        if (f.startsWith('other|') && (strict || !siblings(la) || !siblings(lb)))
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
    pairLoneSections(left, right, shape, link);
    // b3. One numbered series on each side holding all of them (`zero_convs.N` vs `controlnet_down_blocks.N`),
    // as many on both sides: the k-th of one is the k-th of the other, in index order.
    pairBySeries(left, right, shape, link);
    // b4. As many of this shape on both sides, every other one placed by its name or place: the last two are each
    // other's by elimination.
    if (as.length >= 2 && as.length === bs.length && left.size === 1 && right.size === 1) {
        const [a] = left;
        const [b] = right;
        if (!conflict(a, b)) {
            link(a, b, 'high', [{ kind: 'last-of-shape', shape, of: as.length }]);
            left.clear();
            right.clear();
        }
    }
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
/**
 * Two or more layers under one parent module (the unit itself counts as one), by the names as stored: `in_layer`
 * and `out_layer` are siblings, `linear_1` and `linear_2` too.
 */
function siblings(ls) {
    if (ls.length < 2)
        return false;
    const p = parentOf(ls[0].relName);
    return ls.every((l) => l.unit === ls[0].unit && parentOf(l.relName) === p);
}
/** Same role (a known one) or the same parent module: the only grounds for an order-only guess. */
function related(a, b) {
    if (a.role.role !== 'other' && familyOf(a) === familyOf(b))
        return true;
    const pa = parentOf(a.rel);
    return pa !== '' && pa === parentOf(b.rel);
}

;// CONCATENATED MODULE: ./src/correspond/modules.ts

/** The module a layer sits in, by its name as stored (`vector_in` for `vector_in.out_layer`); '' at the top. */
function moduleOf(l) {
    return parentOf(l.relName);
}
/**
 * Outside aligned units: modules that high links already join one to one (`vector_in` ~
 * `time_text_embed.text_embedder`, through their only [H, 768] layers) hold the same layers, so a layer left in
 * one whose shape is the only one of its kind left in the other is that one (`out_layer` ~ `linear_2`).
 */
function matchWithinModules(links, restA, restB) {
    const toB = new Map();
    const toA = new Map();
    for (const l of links) {
        if (l.confidence !== 'high')
            continue;
        const ma = moduleOf(l.a);
        const mb = moduleOf(l.b);
        if (ma === '' || mb === '')
            continue;
        let sb = toB.get(ma);
        if (!sb)
            toB.set(ma, (sb = new Set()));
        sb.add(mb);
        let sa = toA.get(mb);
        if (!sa)
            toA.set(mb, (sa = new Set()));
        sa.add(ma);
    }
    const partner = new Map();
    for (const [ma, sb] of toB) {
        if (sb.size !== 1)
            continue;
        const [mb] = sb;
        if (toA.get(mb)?.size === 1)
            partner.set(ma, mb);
    }
    if (partner.size === 0)
        return { links: [], restA: [...restA], restB: [...restB] };
    // Per module pair and shape, the layers left on each side.
    const cells = new Map();
    const wanted = new Set(partner.values());
    for (const l of restA) {
        const mb = partner.get(moduleOf(l));
        if (mb === undefined)
            continue;
        const key = `${moduleOf(l)}\u0000${mb}\u0000${l.sig}`;
        let c = cells.get(key);
        if (!c)
            cells.set(key, (c = { a: [], b: [] }));
        c.a.push(l);
    }
    const owner = new Map();
    for (const [ma, mb] of partner)
        owner.set(mb, ma);
    for (const l of restB) {
        const mb = moduleOf(l);
        if (!wanted.has(mb))
            continue;
        const c = cells.get(`${owner.get(mb)}\u0000${mb}\u0000${l.sig}`);
        if (c)
            c.b.push(l);
    }
    const out = [];
    const used = new Set();
    for (const c of cells.values()) {
        if (c.a.length !== 1 || c.b.length !== 1 || conflict(c.a[0], c.b[0]))
            continue;
        const [a, b] = [c.a[0], c.b[0]];
        const shape = a.sig.split('x').map(Number);
        out.push({
            a,
            b,
            confidence: 'high',
            evidence: [
                { kind: 'same-module', modules: [moduleOf(a), moduleOf(b)] },
                { kind: 'unique-shape', shape }
            ]
        });
        used.add(a);
        used.add(b);
    }
    return { links: out, restA: restA.filter((l) => !used.has(l)), restB: restB.filter((l) => !used.has(l)) };
}

// EXTERNAL MODULE: ./src/util/shape.ts
var shape = __webpack_require__(6069);
;// CONCATENATED MODULE: ./src/correspond/correspond.ts
/**
 * `correspond(a, b)`: align units by signature class and network order, match layers inside each aligned pair
 * (names, roles, shapes), then fused vs separate projections, then whatever is left outside aligned units.
 * Emits one link per tensor (a layer's weight and bias are separate links) so every key is accounted for.
 */







function correspond(a, b, options = {}) {
    const sa = buildSide(a, options.partial === 'a');
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
    const strict = matchLayers(restA, restB, true, []);
    const left = matchWithinModules(strict.links, strict.restA, strict.restB);
    layerLinks.push(...strict.links, ...left.links);
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
 * Modulation tables under other names: the chunk order (shift, scale, gate) is a convention of each codebase that
 * no header shows; src/names/modulation.ts reads it from the names where a known convention tells it. Same order:
 * a plain rename; known different orders: a reorder with the permutation as evidence; otherwise the link says the
 * order is assumed.
 */
function modulationOrder(l) {
    if (l.a.role.role !== 'mod' || l.b.role.role !== 'mod' || l.a.rel === l.b.rel)
        return undefined;
    const n = (0,src_names/* chunkCount */.Fk)(squeeze(l.a.main.shape));
    if (n < 2 || (0,src_names/* chunkCount */.Fk)(squeeze(l.b.main.shape)) !== n)
        return undefined;
    return (0,src_names/* chunkOrder */._V)(l.a.path, l.b.path, n);
}
function emitLayerLink(l, push) {
    const order = modulationOrder(l);
    const modulation = l.ambiguity ??
        (order?.kind === 'unknown' ? { kind: 'modulation-chunks', chunks: [...order.chunks] } : undefined);
    for (const [leaf, ta] of l.a.tensors) {
        const tb = l.b.tensors.get(leaf);
        if (!tb || tb.numel !== ta.numel)
            continue;
        const same = (0,shape/* sameShape */._)(ta.shape, tb.shape);
        const squeezedSame = (0,shape/* sameShape */._)(squeeze(ta.shape), squeeze(tb.shape));
        const evidence = same
            ? [...l.evidence]
            : [
                ...l.evidence,
                { kind: 'same-numel', shapes: [[...ta.shape], [...tb.shape]] }
            ];
        const reorder = order?.kind === 'reorder' && squeezedSame;
        if (reorder)
            evidence.push({ kind: 'chunk-order', chunks: [...order.chunks], order: [...order.order] });
        push({
            kind: reorder ? 'reorder' : same ? 'rename' : 'reshape',
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
        const total = tf.shape[0] ?? 0;
        if (f.share) {
            // Some parts: each fills its own equal share of the fused rows.
            const each = total / f.share.of.length;
            if (parts.some((p) => (p.shape[0] ?? 0) !== each))
                continue;
            for (const slot of f.share.slots)
                rows.push({ start: slot * each, end: (slot + 1) * each });
        }
        else {
            for (const p of parts) {
                const n = p.shape[0] ?? 0;
                rows.push({ start, end: start + n });
                start += n;
            }
            if (start !== total)
                continue;
        }
        const evidence = [
            ...base,
            f.share
                ? { kind: 'rows-share', parts: f.roles, of: f.share.of, rows: total }
                : { kind: 'rows-sum', parts: f.roles, rows: total }
        ];
        const names = parts.map((p) => p.name);
        if (f.chunked && !f.share) {
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
        // A share of a fused q|k|v or k|v sits where the full set's conventional order puts it.
        const order = (f.share?.of ?? f.roles).join();
        if (ambiguity && order !== 'q,k,v' && order !== 'k,v')
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
/* harmony export */   VN: () => (/* reexport safe */ _names_series_js__WEBPACK_IMPORTED_MODULE_3__.VN),
/* harmony export */   gK: () => (/* binding */ familyDisplayName),
/* harmony export */   oU: () => (/* binding */ guessFamily)
/* harmony export */ });
/* unused harmony exports boundaryForm, layerKindOf */
/* harmony import */ var _names_families_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9444);
/* harmony import */ var _names_roles_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2381);
/* harmony import */ var _names_model_parts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3154);
/* harmony import */ var _names_series_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1203);
/* harmony import */ var _names_adapters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7906);
/**
 * What a module path names: its layer kind (self-attention q, cross-attention kv, FFN, modulation, ...), its block,
 * and the architecture a set of paths points at. Works on dotted and kohya underscore paths alike by matching on
 * the underscored form with `_` boundaries, so `self_attn` and `blocks_3` read the same in both.
 */





/** `blocks.3.self_attn.q` -> `_blocks_3_self_attn_q_`: one form for dotted and underscore paths. */
function boundaryForm(path) {
    return '_' + (0,_names_adapters_js__WEBPACK_IMPORTED_MODULE_4__/* .kohyaForm */ .PP)(path) + '_';
}
/**
 * The projection an attention layer's path ends in, read with the shared role words (src/names/roles.ts) from the
 * words after the attention module's name (`_blocks_3_cross_attn_k_img_` -> `k_img`): the block path around it
 * (`down_blocks`, `txt_in`) says nothing of the projection. q/k norms count as norms. The extra k/v stream of an
 * attention (`k_img`, `add_k_proj`) is labelled `k_img` / `v_img`, as the reports always have.
 */
function projection(u) {
    const tail = AFTER_ATTENTION.exec(u)?.[1] ?? u.slice(1, -1);
    const r = (0,_names_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .layerRole */ .EY)(tail, false, false, 'attn');
    switch (r.role) {
        case 'q-norm':
        case 'k-norm':
        case 'norm':
            return 'norm';
        case 'k':
        case 'v':
            return r.words.some((w) => _names_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .EXTRA_KV_STREAM */ .kL.has(w)) ? `${r.role}_img` : r.role;
        case 'q':
        case 'o':
        case 'qkv':
        case 'kv':
            return r.role;
        default:
            return null;
    }
}
/** The words after the last attention module name of an underscored path (`attn`, `attn2`, `attention`). */
const AFTER_ATTENTION = /^.*_(?:attn\d*|attention)_(.+)_$/;
/** A rule reading the underscored path with a regular expression. */
const matching = (re) => (u) => re.test(u);
/** Flux-style single blocks: one linear feeding q, k, v and the MLP, one after both (a structural kind). */
const SINGLE_BLOCK_RULES = [
    { test: matching(/_single_blocks_\d+_linear1_$/), kind: 'fused qkv+mlp' },
    { test: matching(/_single_blocks_\d+_linear2_$/), kind: 'attn-out+mlp' }
];
/** Numbered containers in the underscored form (`_down_blocks_0`, `_attentions_1`): they say nothing of the layer. */
const CONTAINERS = new RegExp(`_(?:${[..._names_series_js__WEBPACK_IMPORTED_MODULE_3__/* .BLOCK_CONTAINER_NAMES */ .dc].join('|')}|[a-z]+_blocks)_\\d+(?=_)`, 'g');
/**
 * Attention (self / cross), feed-forward and modulation layers, read with the shared role words (src/names/roles.ts) from the
 * path without its numbered containers. Null for anything else.
 */
function sublayerKind(u, r) {
    if (r.sublayer === 'cross' || r.sublayer === 'attn') {
        const kind = r.sublayer === 'cross' ? 'cross-attn' : 'self-attn';
        const p = projection(u);
        return p ? `${kind} ${p}` : kind;
    }
    if (r.sublayer === 'ffn')
        return 'ffn';
    return r.role === 'mod' ? 'modulation' : null;
}
/**
 * A path that starts with an input embedding's name (names/roles.ts `isEmbeddingName`): its first one to three
 * words, since a kohya path has lost the segment boundaries (`time_in_in_layer`, `x_embedder_proj`).
 */
function topEmbedding(u) {
    const words = u.slice(1, -1).split('_');
    for (let n = 1; n <= Math.min(3, words.length); n++) {
        const name = words.slice(0, n).join('_');
        if (/^\d/.test(words[n - 1]))
            return false;
        if ((0,_names_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .isEmbeddingName */ .tm)(name))
            return true;
    }
    return false;
}
const KIND_RULES = [
    // Wan's time_projection feeds every block's modulation; a `.diff_m` delta is a modulation table.
    { test: matching(/_(?:time_projection|time_proj|diff_m)_/), kind: 'modulation' },
    { test: _names_model_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageEmbedderUnderscored */ .Sf, kind: 'embedding (image)' },
    // The LDM UNet's input conv (conv_in in diffusers names).
    { test: matching(/^_input_blocks_0_0_/), kind: 'embedding' },
    { test: matching(/_\d+_proj_(?:in|out)_$/), kind: 'transformer proj' },
    { test: _names_model_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .isOutputHeadUnderscored */ .wi, kind: 'output' },
    { test: _names_model_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .isUnetConvolutionUnderscored */ .B6, kind: 'resnet/conv' }
];
/**
 * Block indices (other than 0) of the known series (src/names/series.ts), in the underscored form. The rules above
 * read such an index only through `\d+`, or as a literal 0 (`input_blocks_0_0`); no rule has a literal 9. So
 * writing every nonzero index as 9 leaves every rule's answer, hence the label, unchanged, and the 40 blocks of a
 * model share one cache entry (tested against the uncached rules).
 */
const KIND_CACHE_LIMIT = 50000;
const kindCache = new Map();
/** Layer kind label of a module path, e.g. `self-attn q`, `cross-attn k_img`, `ffn`, `modulation`. */
function layerKind(path, textEncoder = false) {
    const key = boundaryForm(path).replace(_names_series_js__WEBPACK_IMPORTED_MODULE_3__/* .NONZERO_SERIES_INDEX */ .l2, '_$1_9');
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
    for (const rule of SINGLE_BLOCK_RULES)
        if (rule.test(u))
            return rule.kind;
    const r = (0,_names_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .layerRole */ .EY)(u.replace(CONTAINERS, '').slice(1, -1));
    const sub = sublayerKind(u, r);
    if (sub)
        return sub;
    for (const rule of KIND_RULES) {
        if (rule.test(u))
            return rule.kind;
        // Model-level input embeddings come right after the image embedding (whose own rule is more specific).
        if (rule.kind === 'embedding (image)' && topEmbedding(u))
            return 'embedding';
    }
    return _names_roles_js__WEBPACK_IMPORTED_MODULE_1__/* .NORM_ROLES */ .Vc.has(r.role) ? 'norm' : 'other';
}
/** The block a path sits in (first, outermost known series), e.g. `{series:'blocks', index:3}`. */

/**
 * The index of the block a tensor or module name sits in (`blocks.3`, `double_blocks.3`, kohya `blocks_3`), or null
 * at the top level.
 */
function blockIndex(name) {
    const block = (0,_names_series_js__WEBPACK_IMPORTED_MODULE_3__/* .blockOf */ .VN)(name.replace(/\.(?:weight|bias)$/, ''));
    return block ? String(block.index) : null;
}
/**
 * The family a set of module paths points at (text-encoder paths are ignored by callers), read by the one
 * detector (src/names/families.ts) from the paths and, where given, the weight shapes (a LoRA module's implied
 * shape, a base entry's shape): SD 1.x, 2.x and SDXL UNets differ only by shapes. Null when unknown.
 */
function guessFamily(layers) {
    const list = [];
    for (const l of layers)
        list.push(typeof l === 'string' ? { path: l } : l);
    const found = (0,_names_families_js__WEBPACK_IMPORTED_MODULE_0__/* .detectFamily */ .c)(list);
    if (!found)
        return null;
    // The detector's ids, `-diffusers` for diffusers names (the architecture id is `familyArchitecture`).
    return found.diffusers ? `${found.match.id}-diffusers` : found.match.id;
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
    'longcat-video': { 4096: 'LongCat-Video' },
    flux: { 3072: 'Flux' },
    sdxl: { 320: 'SDXL' },
    sd1: { 320: 'SD 1.x' },
    sd2: { 320: 'SD 2.x' },
    'hunyuan-video': { 3072: 'HunyuanVideo' }
};
/** How users name each family (`guessFamily` ids are internal). */
const DISPLAY_NAMES = {
    wan: 'Wan',
    'longcat-video': 'LongCat-Video',
    flux: 'Flux',
    sdxl: 'SDXL',
    sd1: 'SD 1.x',
    sd2: 'SD 2.x',
    'sd-unet': 'SD UNet',
    sd3: 'SD3',
    'qwen-image': 'Qwen-Image',
    'ltx-video': 'LTX-Video',
    cogvideox: 'CogVideoX',
    'hunyuan-video': 'HunyuanVideo',
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

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BB: () => (/* binding */ formatShape),
/* harmony export */   FY: () => (/* binding */ distinguishingLabels),
/* harmony export */   Gy: () => (/* binding */ mark),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Li: () => (/* binding */ mdEscape),
/* harmony export */   Mp: () => (/* binding */ commonFolder),
/* harmony export */   T1: () => (/* reexport safe */ _util_figures_js__WEBPACK_IMPORTED_MODULE_0__.T),
/* harmony export */   Tj: () => (/* binding */ colors),
/* harmony export */   Ym: () => (/* binding */ printableDeep),
/* harmony export */   Zv: () => (/* binding */ groupThousands),
/* harmony export */   f6: () => (/* binding */ cutList),
/* harmony export */   g$: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_1__.g),
/* harmony export */   j7: () => (/* binding */ MARKS),
/* harmony export */   l9: () => (/* reexport safe */ _util_figures_js__WEBPACK_IMPORTED_MODULE_0__.l),
/* harmony export */   xe: () => (/* binding */ inertReferences),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export table */
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/** Small formatting helpers shared by the console and Markdown renderers. */


function formatBytes(n) {
    if (!Number.isFinite(n))
        return String(n);
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}
/** 14288491584 -> "14.29B"; counts under 10,000 stay exact ("3,672"). */
function formatCount(n) {
    const abs = Math.abs(n);
    if (abs >= 1e9)
        return `${(n / 1e9).toFixed(2)}B`;
    if (abs >= 1e6)
        return `${(n / 1e6).toFixed(2)}M`;
    if (abs >= 1e4)
        return `${(n / 1e3).toFixed(1)}K`;
    return groupThousands(n);
}
/**
 * 14288491584 -> "14,288,491,584". Written out because `toLocaleString('en-US')` loads ICU's number formatter,
 * which costs a cold CLI process over 10 ms, for a few commas.
 */
function groupThousands(n) {
    if (!Number.isFinite(n) || Math.abs(n) >= 1e21)
        return String(n); // toFixed switches to exponents there
    const sign = n < 0 ? '-' : '';
    const [whole = '', fraction] = Math.abs(n)
        .toFixed(Number.isInteger(n) ? 0 : 3)
        .split('.');
    let out = '';
    for (let end = whole.length; end > 0; end -= 3)
        out = whole.slice(Math.max(0, end - 3), end) + (out === '' ? '' : `,${out}`);
    const frac = fraction?.replace(/0+$/, '');
    return `${sign}${out}${frac ? `.${frac}` : ''}`;
}
// One rounding for every figure (src/util/figures.ts), re-exported for the renderers.

/** `1 key`, `3 keys`, `1,200 modules`: a count with the noun it counts, in the right number. */
function plural(n, one, many = `${one}s`) {
    return `${groupThousands(n)} ${n === 1 ? one : many}`;
}
function formatShape(shape) {
    return `[${shape.join(', ')}]`;
}
/** Align rows into columns; the first row is the header when `header` is set. */
function table(rows, opts = {}) {
    if (rows.length === 0)
        return '';
    const widths = [];
    for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
    const indent = opts.indent ?? '  ';
    const lines = rows.map((r) => indent +
        r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - visibleLength(c)))).join('  '));
    if (opts.header && lines.length > 1) {
        lines.splice(1, 0, indent + widths.map((w) => '-'.repeat(w)).join('  '));
    }
    return lines.join('\n') + '\n';
}
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
function visibleLength(s) {
    return s.replace(ANSI, '').length;
}
/**
 * The symbol of a good, bad or doubtful finding. Symbols, not colour alone, so a log without colour (CI, a pipe,
 * NO_COLOR) still tells a red flag from a green one.
 */
const MARKS = { good: '✓', bad: '✗', warn: '!' };
function mark(kind, c) {
    const paint = kind === 'good' ? c.green : kind === 'bad' ? c.red : c.yellow;
    return paint(MARKS[kind]);
}
const wrap = (open, close) => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
function colors(enabled) {
    if (!enabled) {
        const id = (s) => s;
        return { bold: id, dim: id, red: id, green: id, yellow: id };
    }
    return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) };
}
/**
 * Text from a file (tensor names, metadata, paths, flag messages quoting them) made safe for a terminal: control
 * characters become `?` (src/util/text.ts says why). Renderers apply it to file data, never to their own colour
 * codes.
 */

/**
 * A copy of a JSON-shaped report with every string made printable, for renderers that print many names from a
 * file: one pass here instead of a `printable()` at every place a name is shown.
 */
function printableDeep(value) {
    return JSON.parse(JSON.stringify(value), (_k, v) => typeof v === 'string' ? (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)(v) : v);
}
/** Cut a list to `max` items and say how many were left out. */
function cutList(items, max) {
    return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
/** Escape text for a Markdown table cell or inline code. */
function mdEscape(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Labels for files shown side by side: each path's shortest tail of folders that no other path shares, so
 * `a/A.safetensors` and `b/A.safetensors` read as such, not as "A.safetensors" twice. Distinct file names stay
 * bare file names; URLs and `hf://` locations split on `/` like paths.
 */
function distinguishingLabels(paths) {
    const parts = paths.map((p) => p.split(/[\\/]+/).filter((s) => s !== ''));
    return parts.map((mine, i) => {
        for (let n = 1; n <= mine.length; n++) {
            const tail = mine.slice(-n).join('/');
            const clash = parts.some((other, j) => j !== i && other.slice(-n).join('/') === tail);
            if (!clash)
                return tail;
        }
        return paths[i];
    });
}
/**
 * The folder every path starts with (ending in `/`), or '' when they do not share one: a table of artifacts can
 * name it once above the rows and show the rest of each path.
 */
function commonFolder(paths) {
    if (paths.length === 0)
        return '';
    const split = paths.map((p) => p.split('/'));
    const first = split[0];
    let n = 0;
    // Folders only: the last part of every path (its file name) is never taken.
    while (n < first.length - 1 && split.every((s) => n < s.length - 1 && s[n] === first[n]))
        n++;
    return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}
/**
 * GitHub turns `@name` into a mention (a notification to that user or team) and `#12`, `GH-12`, `org/repo#12`
 * into links, in PR comments and job summaries alike. Text from a file must do neither: a zero-width space after
 * the `@`, the `#` or the `GH-` breaks the pattern and reads the same. Code spans need none of this (GitHub does
 * not look for references inside them, and a zero-width space there would be copied with the key); every other
 * piece of file-derived text in a comment or summary goes through here.
 */
function inertReferences(text) {
    return text
        .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b');
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


/***/ }),

/***/ 2377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ formatShare),
/* harmony export */   l: () => (/* binding */ formatPercent)
/* harmony export */ });
/**
 * How every figure is printed: one function, one rounding, so the gate, the comparison and every renderer say the
 * same percentage for the same figure.
 */
/**
 * A percentage (0 to 100) with one decimal, rounded down: 79.96 reads 79.9, never "80.0% is under the 80%
 * threshold", and a figure reads the same wherever it is printed.
 */
function formatPercent(value) {
    if (!Number.isFinite(value))
        return 'n/a';
    const floored = Math.floor(value * 10 + 1e-9) / 10;
    return `${floored.toFixed(1)}%`;
}
/** A share in [0, 1] as a percentage, rounded as `formatPercent`. */
function formatShare(fraction) {
    return formatPercent(fraction * 100);
}


/***/ })

};
;