"use strict";
exports.id = 7;
exports.ids = [7];
exports.modules = {

/***/ 3847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tw: () => (/* binding */ explainRedFamily),
/* harmony export */   bH: () => (/* binding */ widthBecause),
/* harmony export */   bv: () => (/* binding */ flagBecause),
/* harmony export */   iw: () => (/* binding */ stringsOf)
/* harmony export */ });
/* unused harmony exports MAX_RULE_EVIDENCE, sizeLines, familyBecause */
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2377);
/**
 * Why a red family or size flag stands: the facts it rests on as printable lines (`evidence.because`), which every
 * renderer prints under the flag and the JSON carries. A red "different model families" claim is read from names by
 * the detector; it is shown with the rule each side matched (keys, shapes, block counts it read) and the size
 * difference (block counts, widths, block shapes) or the poor correspondence that backs it.
 */

/** Detector evidence lines shown per side: the first ones name the keys and block counts the rule read. */
const MAX_RULE_EVIDENCE = 6;
/** Printed lines per flag, and characters per line: a hostile file's names must not flood the report. */
const MAX_LINES = 12;
const MAX_LINE = 300;
/** Red flags that say the two models differ in size (block counts, widths, block tensor shapes). */
const SIZE_CODES = new Set(['block-count', 'hidden-dim', 'block-shapes', 'block-family']);
function line(text) {
    return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text;
}
/** `A read as Flux.1 [dev] (high confidence, flux rule): double_blocks: 19 blocks, ...`. */
function ruleLine(side, family) {
    const shown = family.evidence.slice(0, MAX_RULE_EVIDENCE);
    const more = family.evidence.length - shown.length;
    const read = shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? `; ${more} more` : ''}` : '';
    return line(`${side} read as ${family.name} (${family.confidence} confidence, ${family.id} rule)${read}`);
}
/**
 * The size difference behind a red family flag: the red size flags' own sentences, or, when the sizes agree, how
 * little of the networks corresponds (the reason the family flag was kept red).
 */
function sizeLines(flags, parameters) {
    const sizes = flags.filter((f) => f.kind === 'red' && SIZE_CODES.has(f.code)).map((f) => line(f.message));
    if (sizes.length > 0)
        return sizes.slice(0, MAX_LINES - 2);
    return [`only ${(0,_util_figures_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShare */ .T)(parameters)} of the parameters correspond by name and shape`];
}
/** The evidence of a red model-family flag: each side's matched rule, then the size lines. */
function familyBecause(a, b, sizes) {
    return [ruleLine('A', a), ruleLine('B', b), ...sizes].slice(0, MAX_LINES);
}
/** The width each side's hidden dim was read from (the tensors and shapes). */
function widthBecause(a, b) {
    return [
        line(`A: ${a.hiddenDim ?? 'unknown'} from ${a.hiddenDimEvidence ?? 'no tensor'}`),
        line(`B: ${b.hiddenDim ?? 'unknown'} from ${b.hiddenDimEvidence ?? 'no tensor'}`)
    ];
}
/**
 * A red family flag carries what backs it: each side's matched detector rule and the size difference (or the poor
 * correspondence) that kept it red. Run last, when every size flag is known.
 */
function explainRedFamily(flags, a, b, parameters) {
    const at = flags.findIndex((f) => f.code === 'model-family' && f.kind === 'red');
    if (at < 0 || !a.family || !b.family)
        return;
    const f = flags[at];
    const sizes = sizeLines(flags, parameters);
    flags[at] = { ...f, evidence: { ...f.evidence, sizes, because: familyBecause(a.family, b.family, sizes) } };
}
function stringsOf(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}
/** The printable evidence lines of a flag (`evidence.because`), or none. */
function flagBecause(f) {
    return stringsOf(f.evidence.because).slice(0, MAX_LINES);
}


/***/ }),

/***/ 9875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xt: () => (/* reexport */ compareCheckpoints),
  cx: () => (/* reexport */ toMappingFile)
});

// UNUSED EXPORTS: COMPATIBLE_ABOVE, KNOWN_PREFIXES, MAPPING_SCHEMA_VERSION, PARTIAL_FROM, normalizeKey, tierOf, verdictOf

// EXTERNAL MODULE: ./src/names/index.ts + 1 modules
var names = __webpack_require__(1907);
;// CONCATENATED MODULE: ./src/compare/model.ts

/**
 * A family needs this many tensors per block on average: `ffn.0`/`ffn.2` (one Linear each: weight and bias) is
 * not a family of blocks, `blocks.N` (27 tensors each in Wan) is.
 */
const MIN_TENSORS_PER_BLOCK = 3;
/**
 * A key's remaining words (`rest`, `words` of them) as layer path and leaf (the shared vocabulary's split; a lone
 * leaf has no path).
 */
function splitRest(rest, words) {
    const lone = words === 1 ? names/* LEAF_NAMES */.cY[rest] : undefined;
    if (lone !== undefined)
        return { path: '', leaf: lone };
    const { layer, leaf } = (0,names/* splitLeaf */.Hg)(rest);
    return { path: layer, leaf };
}
function firstNumeric(segments) {
    for (let i = 1; i < segments.length; i++)
        if (/^\d{1,9}$/.test(segments[i]))
            return i;
    return -1;
}
/** Where segment `p` of a dotted key starts: the key's text before it is its first `p` segments and their dots. */
function segmentStart(segments, p) {
    let at = 0;
    for (let i = 0; i < p; i++)
        at += segments[i].length + 1;
    return at;
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
        return { id: this.id, family: this.family, index: this.index, modules: [...this.modules.values()] };
    }
}
/** Groups a checkpoint's tensors into scopes and modules. Linear in the number of keys. */
function parseModel(ckpt) {
    const tensors = [];
    const byNormKey = new Map();
    const collisions = [];
    const unique = [];
    for (const t of ckpt.tensors) {
        const ref = { key: t.name, normKey: (0,names/* stripKnownPrefixes */.Ep)(t.name), shape: t.shape };
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
    // Prefixes and rests are slices of the key (offsets from the segment lengths), not re-joined segment arrays.
    const segmentsOf = new Array(unique.length);
    const numericAt = new Array(unique.length);
    const prefixOf = new Array(unique.length);
    const candidates = new Map();
    for (let n = 0; n < unique.length; n++) {
        const key = unique[n].normKey;
        const segments = key.split('.');
        segmentsOf[n] = segments;
        const p = firstNumeric(segments);
        numericAt[n] = p;
        if (p < 0 || p === segments.length - 1)
            continue;
        const prefix = key.slice(0, segmentStart(segments, p) - 1);
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
        let rest = ref.normKey;
        let restWords = segments.length;
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
                rest = rest.slice(prefix.length + segments[p].length + 2);
                restWords = segments.length - p - 1;
            }
        }
        const { path, leaf } = splitRest(rest, restWords);
        if (!scope.add(path, leaf, ref))
            collisions.push(ref.key);
    }
    const families = [...familyScopes.entries()].map(([prefix, scopes]) => ({
        prefix,
        scopes: [...scopes.values()].sort((x, y) => x.index - y.index).map((s) => s.build())
    }));
    return { top: top.build(), families, tensors, byNormKey, collisions };
}

// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
// EXTERNAL MODULE: ./src/util/shape.ts
var shape = __webpack_require__(6069);
// EXTERNAL MODULE: ./src/correspond/index.ts + 9 modules
var correspond = __webpack_require__(4822);
;// CONCATENATED MODULE: ./src/compare/links.ts

// Index loops and slice() below: this runs once per link (a thousand in a large pair) in a short-lived process,
// mostly interpreted, where for-of, spread and reduce step through the iterator protocol or a callback per item.
function shapesOf(keys, side, shapeOf) {
    const shapes = new Array(keys.length);
    let total = 0;
    for (let i = 0; i < keys.length; i++) {
        const shape = shapeOf(side, keys[i]).slice();
        shapes[i] = shape;
        total += (0,numel/* numel */.u)(shape);
    }
    return { shapes, numel: total };
}
function words(e) {
    switch (e.kind) {
        case 'same-name':
            return 'same name';
        case 'same-tokens':
            return 'same name words';
        case 'block-aligned':
            return `aligned blocks ${e.series[0]}.${e.index[0]} ~ ${e.series[1]}.${e.index[1]}`;
        case 'unique-shape':
            return `only pair of shape [${e.shape.join(', ')}]`;
        case 'same-role':
            return `same role (${e.role}${e.stream && e.stream !== 'main' ? `, ${e.stream} stream` : ''}${e.position !== undefined ? `, place ${e.position}` : ''})`;
        case 'role-order':
            return `${e.role} number ${e.rank + 1} in name order`;
        case 'rows-sum':
            return `rows ${e.parts.join(' | ')} sum exactly (${e.rows})`;
        case 'rows-share':
            return `${e.parts.join(', ')} ${e.parts.length > 1 ? 'are' : 'is'} ${e.parts.length} of ${e.of.length} equal parts ${e.of.join(' | ')} of ${e.rows} rows (the others have no counterpart)`;
        case 'last-of-shape':
            return `the last of ${e.of} of shape [${e.shape.join(', ')}] once the others are placed`;
        case 'same-module':
            return `in modules already linked (${e.modules[0]} ~ ${e.modules[1]})`;
        case 'same-numel':
            return `same element count ([${e.shapes[0].join(', ')}] vs [${e.shapes[1].join(', ')}])`;
        case 'chunk-order':
            return `chunks ${e.chunks.join('/')} stored in order ${e.order.join(',')}`;
        case 'position-only':
            return 'by position only: names do not tell these apart';
    }
}
function describeLink(l) {
    return l.evidence.map(words).join('; ');
}
function toKeyMapping(l, shapeOf) {
    const source = shapesOf(l.a, 'a', shapeOf);
    const target = shapesOf(l.b, 'b', shapeOf);
    const m = {
        source: l.a.slice(),
        target: l.b.slice(),
        kind: l.kind,
        confidence: l.confidence,
        reason: describeLink(l),
        shapes: { source: source.shapes, target: target.shapes },
        shapeCompatible: source.numel === target.numel,
        evidence: l.evidence
    };
    if (l.rows)
        m.rows = l.rows.map((r) => ({ ...r }));
    const sum = l.evidence.find((e) => e.kind === 'rows-sum' || e.kind === 'rows-share');
    if (sum?.kind === 'rows-share' && l.rows && !l.ambiguity) {
        m.ambiguity = `equal-sized parts: row order ${sum.of.join(', ')} (the fused-projection convention; headers cannot verify it)`;
    }
    else if (sum?.kind === 'rows-sum' && l.rows && !l.ambiguity) {
        // The fused row order is the convention every known converter uses; stated, since no header shows it.
        const sizes = l.rows.map((r) => r.end - r.start);
        const equal = sizes.every((n) => n === sizes[0]);
        m.ambiguity = `${equal ? 'equal-sized' : 'unequal'} parts: row order ${sum.parts.join(', ')} (the fused-projection convention; headers cannot verify it)`;
    }
    if (l.ambiguity) {
        m.ambiguity =
            l.ambiguity.kind === 'chunk-layout'
                ? `rows interleaved in chunks no header shows (${l.ambiguity.chunks.length} parts): the keys correspond, the row layout is unknown`
                : l.ambiguity.kind === 'modulation-chunks'
                    ? `modulation chunks (${l.ambiguity.chunks.join('/')}) are assumed in the same order on both sides; headers cannot verify it (diffusers AdaLayerNormContinuous stores scale before shift)`
                    : l.ambiguity.kind === 'equal-shapes'
                        ? `equal shapes, names do not tell them apart; could be swapped: ${l.ambiguity.chunks.join(' or ')}`
                        : `equal-sized ${l.ambiguity.chunks.join('/')} chunks (${l.ambiguity.kind}): their order cannot be verified from the headers`;
    }
    return m;
}

;// CONCATENATED MODULE: ./src/compare/block-pairing.ts
function familyIndex(model) {
    const out = new Map();
    for (const f of model.families) {
        for (const s of f.scopes) {
            for (const m of s.modules)
                for (const t of m.leaves.values())
                    out.set(t.key, { prefix: f.prefix, index: s.index });
        }
    }
    return out;
}
function pairFamilies(a, b, links) {
    const out = [];
    const countA = new Map(a.families.map((f) => [f.prefix, f.scopes.length]));
    const countB = new Map(b.families.map((f) => [f.prefix, f.scopes.length]));
    const usedA = new Set();
    const usedB = new Set();
    for (const [prefix, n] of countA) {
        const m = countB.get(prefix);
        if (m === undefined)
            continue;
        out.push({ a: prefix, b: prefix, countA: n, countB: m });
        usedA.add(prefix);
        usedB.add(prefix);
    }
    const ia = familyIndex(a);
    const ib = familyIndex(b);
    // (family A, family B) -> the block index pairs the links join.
    const joins = new Map();
    for (const l of links) {
        if (l.confidence !== 'high')
            continue;
        const x = ia.get(l.a[0] ?? '');
        const y = ib.get(l.b[0] ?? '');
        if (!x || !y || usedA.has(x.prefix) || usedB.has(y.prefix))
            continue;
        const key = `${x.prefix}\u0000${y.prefix}`;
        let j = joins.get(key);
        if (!j)
            joins.set(key, (j = { fa: x.prefix, fb: y.prefix, pairs: new Set(), links: 0 }));
        j.pairs.add(`${x.index}:${y.index}`);
        j.links++;
    }
    for (const j of [...joins.values()].sort((p, q) => q.links - p.links)) {
        if (usedA.has(j.fa) || usedB.has(j.fb))
            continue;
        usedA.add(j.fa);
        usedB.add(j.fb);
        const left = new Set();
        const right = new Set();
        for (const p of j.pairs) {
            const [x, y] = p.split(':');
            left.add(x);
            right.add(y);
        }
        // Blocks one to one: the counts say something about size. Otherwise the nesting differs: no count claim.
        // One to one over every block of both families; a family whose blocks also went elsewhere (LDM
        // `middle_block` 0 and 2 to `mid_block.resnets`, 1 to `mid_block.attentions`) is restructured too.
        const na = countA.get(j.fa) ?? 0;
        const nb = countB.get(j.fb) ?? 0;
        const oneToOne = left.size === j.pairs.size && right.size === j.pairs.size;
        const restructured = !oneToOne || left.size !== na || right.size !== nb;
        const tail = oneToOne ? droppedTail(j.pairs, na, nb) : undefined;
        out.push({
            a: j.fa,
            b: j.fb,
            countA: na,
            countB: nb,
            ...(tail ? { missingTail: tail } : restructured ? { restructured: true } : {})
        });
    }
    return out;
}
/**
 * One network saved without its last blocks (a text encoder kept to its penultimate layer): the links join block i
 * to block i, every block of the shorter family and the first ones of the longer, so the longer side's last blocks
 * are what the other lacks. Not a nesting difference, and not another depth of the design: the kept blocks are
 * the same blocks.
 */
function droppedTail(pairs, countA, countB) {
    if (countA === countB || pairs.size !== Math.min(countA, countB))
        return undefined;
    for (const p of pairs) {
        const [x, y] = p.split(':');
        if (x !== y || !(Number(x) < pairs.size))
            return undefined;
    }
    const from = pairs.size;
    const to = Math.max(countA, countB);
    return { side: countA < countB ? 'a' : 'b', blocks: Array.from({ length: to - from }, (_, i) => from + i) };
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
        ...(analysis.family
            ? {
                family: {
                    id: analysis.family.id,
                    name: analysis.family.name,
                    confidence: analysis.family.confidence,
                    evidence: analysis.family.evidence
                }
            }
            : {})
    };
}

// EXTERNAL MODULE: ./src/analysis/index.ts + 10 modules
var analysis = __webpack_require__(9027);
// EXTERNAL MODULE: ./src/compare/verdict.ts
var compare_verdict = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/util/figures.ts
var figures = __webpack_require__(2377);
;// CONCATENATED MODULE: ./src/compare/partial.ts
/**
 * A side that is only part of a network: the weights a LoRA patches (its "implied" weights), a few linear layers
 * per block and nothing else. Model-level facts read from such a side (family, block counts, attention layouts,
 * hidden dim) describe the LoRA's choice of layers, not a network, so they are no evidence against the other side;
 * what counts is whether every one of its layers corresponds to one of the other side's. This module tells such a
 * side apart, measures how much of it corresponds, and says how fused and separate projections meet.
 */




/**
 * True when the key set is only layer weights (rank >= 2) and the biases of those layers: no norm, embedding
 * vector or other 1-D parameter of its own, which every whole network has (norm scales, biases of layers not
 * listed). This is the shape of what a LoRA patches; a whole network never looks like it.
 */
function layersOnly(tensors) {
    if (tensors.length === 0)
        return false;
    // A whole network shows a 1-D parameter other than a bias (a norm scale) early: no set of its layers is built.
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        if (t.shape.length < 2 && (0,names/* splitLeaf */.Hg)(t.name).leaf !== 'bias')
            return false;
    }
    // Layers with a weight of rank >= 2 (leaf names read by src/names: `in_proj_weight` is a weight too).
    const layers = new Set();
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        if (t.shape.length < 2)
            continue;
        const { layer, leaf } = (0,names/* splitLeaf */.Hg)(t.name);
        if (leaf === 'weight')
            layers.add(layer);
    }
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        if (t.shape.length >= 2)
            continue;
        if (!layers.has((0,names/* splitLeaf */.Hg)(t.name).layer))
            return false;
    }
    return true;
}
/**
 * A high link whose separate parts fill row ranges of a fused tensor exactly (q and v of a q|k|v: the link does not
 * conserve the fused tensor's parameters, yet every part lands on rows of its own).
 */
function fillsRows(m) {
    if (!m.rows || (m.kind !== 'fuse' && m.kind !== 'split'))
        return false;
    const [fused, parts] = m.kind === 'fuse' ? [m.shapes.target[0], m.shapes.source] : [m.shapes.source[0], m.shapes.target];
    if (!fused || parts.length !== m.rows.length)
        return false;
    const perRow = (0,numel/* numel */.u)(fused.slice(1));
    return m.rows.every((r, i) => (0,numel/* numel */.u)(parts[i] ?? []) === (r.end - r.start) * perRow);
}
/** The separate-parts side of a high split/fuse link: the keys whose rows it fills. */
function separateKeys(m, side) {
    if (m.kind === 'fuse' && side === 'a')
        return m.source;
    if (m.kind === 'split' && side === 'b')
        return m.target;
    return [];
}
/**
 * The side that is part of a network, if one is: layers only while the other side is not. Two layer-only sides
 * (two LoRAs' weights, a base kept as its linears) give no sign which is the part: neither is taken as one.
 * Read from the key sets alone, before any correspondence, because the engine matches such a side differently
 * (`correspond(..., { partial: 'a' })`: no counterpart sought outside the blocks it sits in, units missing on its
 * side tolerated).
 */
function partialCandidate(a, b) {
    const la = layersOnly(a);
    const lb = layersOnly(b);
    return la === lb ? undefined : la ? 'a' : 'b';
}
/**
 * How much of the partial side corresponds: high, shape-conserving links, and the rows of a fused tensor a part
 * fills (q and v of a q|k|v).
 */
function partialSide(side, tensors, mappings, coveredHigh) {
    const covered = new Set(coveredHigh);
    for (const m of mappings)
        if (m.confidence === 'high' && fillsRows(m))
            for (const k of separateKeys(m, side))
                covered.add(k);
    let total = 0;
    let inLinks = 0;
    let count = 0;
    let coveredCount = 0;
    const seen = new Set();
    for (const t of tensors) {
        if (seen.has(t.name))
            continue;
        seen.add(t.name);
        count++;
        const n = (0,numel/* numel */.u)(t.shape);
        total += n;
        if (covered.has(t.name)) {
            inLinks += n;
            coveredCount++;
        }
    }
    return { side, tensors: count, coveredTensors: coveredCount, covered: total === 0 ? 0 : inLinks / total };
}
/** A link of correspond(b, a) read as one of (a, b): sides, split/fuse and side-bound evidence swapped. */
function swapLink(l) {
    const kind = l.kind === 'split' ? 'fuse' : l.kind === 'fuse' ? 'split' : l.kind;
    const evidence = l.evidence.map((e) => {
        switch (e.kind) {
            case 'block-aligned':
                return { ...e, series: [e.series[1], e.series[0]], index: [e.index[1], e.index[0]] };
            case 'same-module':
                return { ...e, modules: [e.modules[1], e.modules[0]] };
            case 'same-numel':
                return { ...e, shapes: [e.shapes[1], e.shapes[0]] };
            case 'chunk-order': {
                // order[i]: the chunk of A that B's chunk i is; swapped, the inverse permutation.
                const inverse = new Array(e.order.length).fill(0);
                e.order.forEach((from, to) => (inverse[from] = to));
                return { ...e, order: inverse };
            }
            default:
                return e;
        }
    });
    return { ...l, kind, a: l.b, b: l.a, evidence };
}
/** Flags a partial side's structure makes up: they describe the layers a LoRA chose, not a network. */
const STRUCTURE_CODES = new Set([
    'block-count',
    'block-family',
    'hidden-dim',
    'attention-layout',
    'model-family',
    'naming'
]);
function isStructureFlag(f) {
    return STRUCTURE_CODES.has(f.code);
}
const ATTENTION_PARTS = new Set(names/* FUSED_ROLE_PARTS */.E5.qkv);
/**
 * Fused vs separate projections the high-confidence mapping joins by rows (a q|k|v split into q, k and v, or
 * stacked into one), as one flag: which side stores them fused, the parts, how many layers, and the conversion.
 */
function fusedLayoutFlag(mappings) {
    let splits = 0;
    let fuses = 0;
    const parts = new Set();
    for (const m of mappings) {
        if (m.confidence !== 'high' || !m.rows || (m.kind !== 'split' && m.kind !== 'fuse'))
            continue;
        const rows = m.evidence?.find((e) => e.kind === 'rows-sum' || e.kind === 'rows-share');
        if (!rows || (rows.kind !== 'rows-sum' && rows.kind !== 'rows-share'))
            continue;
        for (const p of rows.kind === 'rows-share' ? rows.of : rows.parts)
            parts.add(p);
        if (m.kind === 'split')
            splits++;
        else
            fuses++;
    }
    if (splits + fuses === 0)
        return undefined;
    const names = [...parts];
    const what = names.every((p) => ATTENTION_PARTS.has(p)) ? 'attention' : 'projections';
    const fused = names.join('|');
    const said = [];
    if (splits > 0)
        said.push(`A's fused ${fused} splits by rows into B's separate ${names.join(', ')} (${splits} tensors)`);
    if (fuses > 0)
        said.push(`A's separate ${names.join(', ')} are row slices of B's fused ${fused} (${fuses} tensors)`);
    return {
        kind: 'green',
        code: 'fused-layout',
        message: `fused vs separate ${what}, convertible: ${said.join('; ')}`,
        evidence: {
            fusedIn: splits > 0 && fuses > 0 ? 'both' : splits > 0 ? 'a' : 'b',
            parts: names,
            splits,
            fuses
        }
    };
}
/** The flag that says a side is part of a network, and how much of it corresponds. */
function partialSideFlag(p) {
    const [side, other] = p.side === 'a' ? ['A', 'B'] : ['B', 'A'];
    const all = p.coveredTensors === p.tensors;
    return {
        kind: all ? 'green' : 'red',
        code: 'partial-side',
        message: `${side} is part of a network (${p.tensors} layer tensors, no norms or embeddings, as a LoRA patches): ` +
            (all
                ? `every one corresponds to ${other}`
                : `${p.coveredTensors} of ${p.tensors} correspond to ${other} (${(0,figures/* formatShare */.T)(p.covered)} of its parameters)`),
        evidence: { side: p.side, tensors: p.tensors, corresponding: p.coveredTensors, parameters: p.covered }
    };
}
/** The conversions, in words, with the fused-vs-separate parts where the layout flag names them. */
function conversionWords(conversions, layout) {
    const parts = layout?.evidence.parts ?? [];
    const fused = parts.length > 0 ? `fused ${parts.join('|')}` : 'fused';
    return conversions.map((k) => k === 'split'
        ? `split ${fused} rows`
        : k === 'fuse'
            ? `stack ${parts.length > 0 ? parts.join(', ') : 'separate tensors'} into ${fused} rows`
            : k === 'reorder'
                ? 'reorder chunks'
                : k === 'reshape'
                    ? 'reshape'
                    : 'rename keys');
}
/**
 * The verdict on a partial side: the share of ITS parameters that correspond (whichever side it is, so the figure
 * does not depend on argument order). The other side's layers a LoRA did not train are no incompatibility.
 * Same-named layers of other shapes (red `block-shapes`) still cap it at partial: those layers do not load.
 */
function partialVerdict(p, basis, flags, conversions) {
    const [side, other] = p.side === 'a' ? ['A', 'B'] : ['B', 'A'];
    let tier = (0,compare_verdict/* tierOf */.kx)(p.covered);
    const shapes = flags.find((f) => f.kind === 'red' && f.code === 'block-shapes');
    if (tier === 'compatible' && shapes)
        tier = 'partial';
    const what = `${side} is part of a network (the layers a LoRA patches)`;
    const layout = flags.find((f) => f.code === 'fused-layout');
    let summary;
    if (tier === 'compatible' && p.coveredTensors === p.tensors) {
        const how = basis === 'exact' || conversions.length === 0
            ? ''
            : `Compatible after conversion: ${conversionWords(conversions, layout).join(', ')}. `;
        summary =
            `${how}${what}, and every one of its layers corresponds to ${other}'s: ` +
                `a LoRA on those layers loads on ${other}${how === '' ? ' as it is' : ' once converted'}.`;
    }
    else {
        summary =
            `${what}: ${(0,figures/* formatShare */.T)(p.covered)} of its parameters correspond to ${other}; the rest has no counterpart ` +
                `there${shapes ? ` (${shapes.message})` : ''} (see the unmatched keys).`;
        if (tier === 'incompatible')
            summary += ` A LoRA on those layers does not load on ${other}.`;
    }
    return { tier, basis, overlap: p.covered, summary };
}

;// CONCATENATED MODULE: ./src/compare/compare.ts











function baseName(path) {
    const parts = path.split(/[\\/]/).filter((p) => p !== '');
    return parts[parts.length - 1] ?? path;
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
/** What compare reads of the structure analysis (attention layouts, hidden dim, family), computed alone. */
function structureAnalysis(c) {
    let s = analysed.get(c);
    if (!s)
        analysed.set(c, (s = (0,analysis/* structureEssentials */.G1)(c)));
    return s;
}
/** The shape differences that sit inside repeated blocks: the blocks themselves differ, not an input layer. */
function inBlocks(model, diffs) {
    // Most pairs have no shape difference under a shared name: then no set of every block key is built.
    if (diffs.length === 0)
        return [];
    const keys = new Set();
    for (const f of model.families)
        for (const s of f.scopes)
            for (const m of s.modules)
                for (const t of m.leaves.values())
                    keys.add(t.key);
    return diffs.filter((d) => keys.has(d.key));
}
/** Leading words of B tried away when looking a name up (an unknown wrapper such as `x.`). */
const MAX_DROPPED_WORDS = 2;
/**
 * Keys the engine left on both sides that carry the same name (after wrappers, tokens) but other shapes: not a
 * conversion, but what a reader wants to see next to the dims flags (Wan 1.3B vs 14B). Low, shape-incompatible.
 */
function sameNameOtherShape(restA, restB, shapeOf) {
    const normA = (0,names/* stripModelPrefixes */.yj)(restA);
    const normB = (0,names/* stripModelPrefixes */.yj)(restB);
    const exact = new Map();
    const dropped = new Map();
    normB.forEach((k, i) => {
        const words = (0,names/* tokenKey */.bV)(k).split('.');
        if (!exact.has(words.join('.')))
            exact.set(words.join('.'), restB[i]);
        for (let d = 1; d <= MAX_DROPPED_WORDS && d < words.length; d++) {
            const t = words.slice(d).join('.');
            dropped.set(t, dropped.has(t) ? null : restB[i]);
        }
    });
    const index = { get: (t) => exact.get(t) ?? dropped.get(t) };
    const out = [];
    const used = new Set();
    normA.forEach((k, i) => {
        const b = index.get((0,names/* tokenKey */.bV)(k));
        if (!b || used.has(b))
            return;
        used.add(b);
        const sa = shapeOf('a', restA[i]);
        const sb = shapeOf('b', b);
        out.push({
            source: [restA[i]],
            target: [b],
            kind: 'rename',
            confidence: 'low',
            reason: `same name, shapes differ ([${sa.join(', ')}] vs [${sb.join(', ')}])`,
            shapes: { source: [sa], target: [sb] },
            shapeCompatible: (0,numel/* numel */.u)(sa) === (0,numel/* numel */.u)(sb)
        });
    });
    return out;
}
/** Elements of A and B in high-confidence, conserving links over all elements of A and B (each key once). */
function parameterShare(ta, tb, coveredA, coveredB) {
    let total = 0;
    let covered = 0;
    for (const [list, set] of [
        [ta, coveredA],
        [tb, coveredB]
    ]) {
        const seen = new Set();
        for (const t of list) {
            if (seen.has(t.name))
                continue;
            seen.add(t.name);
            const n = (0,numel/* numel */.u)(t.shape);
            total += n;
            if (set.has(t.name))
                covered += n;
        }
    }
    return ratio(covered, total);
}
function isIdentity(m) {
    return (m.kind === 'rename' &&
        m.confidence === 'high' &&
        m.source.length === 1 &&
        m.target.length === 1 &&
        m.source[0] === m.target[0]);
}
/** The conversions the high-confidence mappings need, in a fixed order (rename, reshape, split, fuse, reorder). */
function kindsOf(all) {
    const kinds = new Set();
    for (const m of all) {
        if (m.confidence !== 'high' || !m.shapeCompatible)
            continue;
        if (m.kind === 'rename' && m.source[0] === m.target[0])
            continue;
        kinds.add(m.kind);
    }
    return ['rename', 'reshape', 'split', 'fuse', 'reorder'].filter((k) => kinds.has(k));
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
        if ((0,shape/* sameShape */._)(t.shape, sb))
            shapeMatching++;
        else
            differing.push({ key: t.name, shapeA: [...t.shape], shapeB: [...sb] });
        if ((0,numel/* numel */.u)(t.shape) === (0,numel/* numel */.u)(sb))
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
        if ((0,numel/* numel */.u)(ref.shape) === (0,numel/* numel */.u)(other.shape))
            normalizedCompatible++;
        if ((0,shape/* sameShape */._)(ref.shape, other.shape))
            normalizedShapeMatches++;
        else
            normalizedDifferences.push({ key: ref.key, shapeA: [...ref.shape], shapeB: [...other.shape] });
    }
    // Mapping: the correspondence engine over both key sets.
    // A side that is only part of a network (a LoRA's implied weights) is matched as such, whichever side it is.
    const partialAt = partialCandidate(a.tensors, b.tensors);
    const corr = partialAt === 'b'
        ? (() => {
            const c = (0,correspond/* correspond */.w)(b.tensors, a.tensors, { partial: 'a' });
            return { links: c.links.map(swapLink), unmatched: { a: c.unmatched.b, b: c.unmatched.a } };
        })()
        : (0,correspond/* correspond */.w)(a.tensors, b.tensors, { partial: partialAt === 'a' ? 'a' : 'none' });
    const shapesA = new Map();
    for (const t of a.tensors)
        if (!shapesA.has(t.name))
            shapesA.set(t.name, t.shape);
    const shapeOf = (side, k) => (side === 'a' ? shapesA : shapesB).get(k) ?? [];
    const all = [
        ...corr.links.map((l) => toKeyMapping(l, shapeOf)),
        ...sameNameOtherShape(corr.unmatched.a, corr.unmatched.b, shapeOf)
    ];
    const coveredA = new Set();
    const mentionedA = new Set();
    const mentionedB = new Set();
    const coveredB = new Set();
    for (const m of all) {
        for (const k of m.source)
            mentionedA.add(k);
        for (const k of m.target)
            mentionedB.add(k);
        if (m.confidence === 'high' && m.shapeCompatible) {
            for (const k of m.source)
                coveredA.add(k);
            for (const k of m.target)
                coveredB.add(k);
        }
    }
    const familyPairs = pairFamilies(pa, pb, corr.links);
    const mappings = all.filter((m) => !isIdentity(m));
    const mappingCounts = { high: 0, medium: 0, low: 0 };
    for (const m of mappings)
        mappingCounts[m.confidence]++;
    const overlap = {
        exact: ratio(common, totalA),
        exactCompatible: ratio(exactCompatible, totalA),
        normalized: ratio(normalized, totalA),
        normalizedCompatible: ratio(normalizedCompatible, totalA),
        mapped: ratio(coveredA.size, totalA),
        parameters: parameterShare(a.tensors, b.tensors, coveredA, coveredB)
    };
    const structure = {
        a: structureFacts(pa, opts.analyses?.a ?? structureAnalysis(a)),
        b: structureFacts(pb, opts.analyses?.b ?? structureAnalysis(b))
    };
    const computed = (0,compare_verdict/* computeFlags */.Lx)({
        a: structure.a,
        b: structure.b,
        familyPairs,
        overlap,
        mappingKinds: kindsOf(all),
        shapeDifferences: normalizedDifferences,
        blockShapeDifferences: inBlocks(pa, normalizedDifferences),
        shapeMatches: normalizedShapeMatches,
        mappings,
        nameCoverage: ratio(mentionedA.size, totalA),
        strippedA: strippedPrefixes(pa.tensors),
        strippedB: strippedPrefixes(pb.tensors),
        adapters: {
            a: (0,compare_verdict/* adapterTensorCount */.Os)(a.tensors.map((t) => t.name)),
            totalA: a.tensors.length,
            b: (0,compare_verdict/* adapterTensorCount */.Os)(b.tensors.map((t) => t.name)),
            totalB: b.tensors.length
        }
    });
    // A side that is only part of a network (a LoRA's implied weights): its structure says nothing about a network,
    // so the structural flags give way to what its correspondence shows, and the verdict measures that side.
    const partial = partialAt === undefined
        ? undefined
        : partialAt === 'a'
            ? partialSide('a', a.tensors, all, coveredA)
            : partialSide('b', b.tensors, all, coveredB);
    const flags = partial
        ? [...computed.filter((f) => !isStructureFlag(f)), partialSideFlag(partial)]
        : computed;
    const layout = fusedLayoutFlag(all);
    if (layout)
        flags.push(layout);
    const conversions = kindsOf(all);
    const verdict = (0,compare_verdict/* verdictOf */.Vj)(overlap, flags, conversions);
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
        verdict: partial ? partialVerdict(partial, verdict.basis, flags, conversions) : verdict
    };
}

;// CONCATENATED MODULE: ./src/compare/mapping-file.ts
const MAPPING_SCHEMA_VERSION = 2;
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
/* harmony import */ var _analysis_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9027);
/* harmony import */ var _util_figures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2377);
/* harmony import */ var _flag_evidence_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3847);
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
 * The headline is the parameter-weighted share of both models that high-confidence, parameter-conserving links
 * cover (`overlap.parameters`): the same figure whichever model is A, and a 12M-element matrix counts for more
 * than a bias. The basis says how much conversion the covered part needs: none (exact keys), a prefix
 * (normalized), or the mapping (`conversions` lists its kinds). Red family or block-count flags cap it at partial.
 */
function verdictOf(overlap, flags = [], conversions = []) {
    const value = overlap.parameters;
    const basis = conversions.length === 0
        ? 'exact'
        : overlap.normalizedCompatible > overlap.exactCompatible &&
            overlap.normalizedCompatible >= overlap.mapped &&
            conversions.every((k) => k === 'rename')
            ? 'normalized'
            : 'mapped';
    const tier = tierOf(value);
    // Names and shapes can line up across two different networks (HunyuanVideo and Flux share the double/single
    // stream design and the width: 90% of HunyuanVideo maps onto Flux by block index). Different model families or
    // block counts are not "the same network under another naming": at most partial, and the summary says why.
    const apart = flags.filter((f) => f.kind === 'red' && (f.code === 'model-family' || f.code === 'block-count' || f.code === 'block-shapes'));
    if (tier === 'compatible' && apart.length > 0) {
        // The family flag's size lines say what differs (block counts, widths), beside the other flags' sentences.
        const why = [...new Set(apart.flatMap((f) => [f.message, ...(0,_flag_evidence_js__WEBPACK_IMPORTED_MODULE_1__/* .stringsOf */ .iw)(f.evidence.sizes)]))].join('; ');
        return {
            tier: 'partial',
            basis,
            overlap: value,
            summary: `${pct(value)} of the parameters line up by name and shape, but these are different networks (${why}): ` +
                'a conversion is at best partial; check the mapping and the unmatched keys.'
        };
    }
    return { tier, basis, overlap: value, summary: summaryOf(tier, basis, value, flags, conversions) };
}
/**
 * "Different architectures" is wrong for two sizes of one family (Wan 1.3B vs 14B): the keys are the same, the
 * dims are not. Said as such, with the dims and block counts that differ.
 */
function summaryOf(tier, basis, overlap, flags, conversions) {
    const lora = flags.find((f) => f.code === 'lora-file');
    if (lora) {
        const [side, other] = lora.message.startsWith('A ') ? ['A', 'B'] : ['B', 'A'];
        return (`${side} is a LoRA: a model comparison does not apply; ` +
            `\`model-compat lora ${side} --base ${other}\` tells whether it loads on ${other}.`);
    }
    const sameFamily = flags.some((f) => f.code === 'model-family' && f.kind === 'green');
    const sizes = flags.filter((f) => f.kind === 'red' && (f.code === 'hidden-dim' || f.code === 'block-count'));
    // "Compatible" at 84% (Wan I2V against T2V: the image branch has no counterpart) is not "everything matches".
    const after = basis === 'mapped' && conversions.length > 0
        ? `Compatible after conversion: ${conversions.join(', ')}. `
        : '';
    if (tier === 'compatible' && overlap < PART_OF_A) {
        const rest = `the other ${pct(1 - overlap)} of the parameters has no compatible counterpart (see the unmatched keys and shape differences).`;
        if (basis === 'exact')
            return `LoRAs should work directly on what both share: keys and shapes match for ${pct(overlap)} of the parameters; ${rest}`;
        return `${after}${SUMMARIES[tier][basis]} But ${rest}`;
    }
    if (tier === 'compatible')
        return `${after}${SUMMARIES[tier][basis]}`;
    if (tier !== 'incompatible' || !sameFamily || sizes.length === 0)
        return SUMMARIES[tier][basis];
    return (`Same model family at another size (${sizes.map((f) => f.message).join('; ')}): ` +
        'weights and LoRAs do not transfer; use ones made for the target model.');
}
/** How many of the keys are adapter tensors: a file that is mostly these is a LoRA, not a model. */
function adapterTensorCount(names) {
    let n = 0;
    // The analysis' one reading of adapter tensors (LoRA / LyCORIS / DoRA / full-delta suffixes and prefixes).
    for (const name of names)
        if ((0,_analysis_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isAdapterKey */ .ph)(name))
            n++;
    return n;
}
function isMostlyAdapters(count, total) {
    return total > 0 && count * 2 >= total;
}
/** One rounding for every figure (rounded down), as every renderer prints it. */
const pct = _util_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .formatShare */ .T;
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
        if (p.missingTail) {
            const { side, blocks } = p.missingTail;
            const [lacks, has, family] = side === 'a' ? ['A', 'B', p.b] : ['B', 'A', p.a];
            const which = blocks.length === 1 ? `block ${blocks[0]}` : `blocks ${blocks[0]}-${blocks[blocks.length - 1]}`;
            flags.push({
                kind: 'red',
                code: 'block-tail',
                message: `${lacks} lacks ${has}'s last ${which} of ${family} (${p.a} ${p.countA} vs ${p.b} ${p.countB}; the blocks it keeps pair index by index): saved without its tail, those layers have no counterpart`,
                evidence: { ...evidence, lacking: side, missingBlocks: blocks }
            });
        }
        else if (p.restructured) {
            flags.push({
                kind: 'green',
                code: 'block-structure',
                message: `same layers in blocks nested differently: ${p.a} (${p.countA}) ~ ${p.b} (${p.countB})`,
                evidence: { ...evidence, restructured: true }
            });
        }
        else if (p.countA === p.countB) {
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
                evidence: { ...evidence, because: (0,_flag_evidence_js__WEBPACK_IMPORTED_MODULE_1__/* .widthBecause */ .bH)(x.a, x.b) }
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
        const evidence = {
            familyA: fa.name,
            familyB: fb.name,
            confidenceA: fa.confidence,
            confidenceB: fb.confidence
        };
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
    // The hidden dim is read from names (which layer counts as the width), so two namings of one network can read
    // different layers: with the whole network corresponding and no same-named block tensor of another shape, the
    // two readings are no evidence of another size.
    const dimAt = flags.findIndex((f) => f.code === 'hidden-dim' && f.kind === 'red');
    if (dimAt >= 0 && (x.blockShapeDifferences ?? []).length === 0 && x.overlap.parameters > PART_OF_A) {
        const f = flags[dimAt];
        flags[dimAt] = {
            kind: 'green',
            code: 'hidden-dim',
            message: `the layers correspond although the hidden dim reads ${String(f.evidence.hiddenDimA)} vs ${String(f.evidence.hiddenDimB)} from differently named layers`,
            evidence: { ...f.evidence, because: undefined, parameters: x.overlap.parameters }
        };
    }
    // A family told apart by naming alone (the detector reads names) is no evidence against the same network:
    // a red family flag stands only beside a size difference (block counts, widths) or a poor correspondence.
    const sizeEvidence = (x.blockShapeDifferences ?? []).length > 0 ||
        flags.some((f) => f.kind === 'red' && (f.code === 'block-count' || f.code === 'hidden-dim' || f.code === 'shapes'));
    const familyAt = flags.findIndex((f) => f.code === 'model-family' && f.kind === 'red');
    if (familyAt >= 0 && !sizeEvidence && x.overlap.parameters > COMPATIBLE_ABOVE) {
        const f = flags[familyAt];
        flags[familyAt] = {
            kind: 'green',
            code: 'model-family',
            message: `the layers correspond although the names read as ${String(f.evidence.familyA)} / ${String(f.evidence.familyB)}`,
            evidence: { ...f.evidence, parameters: x.overlap.parameters }
        };
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
    else if (o.normalized < 0.1 &&
        x.nameCoverage < 0.2 &&
        // Different sizes already explain why no name corresponds; the naming flag is for one network under
        // unrelated names.
        !flags.some((f) => f.kind === 'red' && (f.code === 'block-count' || f.code === 'hidden-dim'))) {
        flags.push({
            kind: 'red',
            code: 'naming',
            message: `naming schemes share no pattern: ${pct(x.nameCoverage)} of A's keys correspond to B at any confidence`,
            evidence: { normalized: o.normalized, mapped: o.mapped, anyConfidence: x.nameCoverage }
        });
    }
    const inBlocks = x.blockShapeDifferences ?? [];
    if (inBlocks.length > 0) {
        // Same-named tensors of the blocks with other shapes (SD1.5 vs SD2.1 cross-attention k/v, SD3 vs SD3.5
        // modulation): another network of the same design. Weights and LoRAs of those layers do not load.
        flags.push({
            kind: 'red',
            code: 'block-shapes',
            message: `${inBlocks.length} same-named tensors inside the blocks have other shapes (e.g. ${inBlocks[0].key}: [${inBlocks[0].shapeA.join(', ')}] vs [${inBlocks[0].shapeB.join(', ')}])`,
            evidence: { differing: inBlocks.length, examples: inBlocks.slice(0, 3) }
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
    (0,_flag_evidence_js__WEBPACK_IMPORTED_MODULE_1__/* .explainRedFamily */ .Tw)(flags, x.a, x.b, x.overlap.parameters);
    return flags;
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


/***/ }),

/***/ 4976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ toJson)
/* harmony export */ });
/** JSON documents as we write them: two-space indented, BigInt as decimal strings, a trailing newline. */
function toJson(value) {
    // Without a replacer JSON.stringify stays in V8's native serializer; a replacer is a JS call per value (a
    // mapping document has tens of thousands), so it is used only for a document that holds a BigInt, which the
    // native serializer refuses with a TypeError.
    try {
        return JSON.stringify(value, null, 2) + '\n';
    }
    catch (e) {
        if (!(e instanceof TypeError))
            throw e;
        return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
    }
}


/***/ })

};
;