"use strict";
exports.id = 948;
exports.ids = [948];
exports.modules = {

/***/ 4221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xt: () => (/* reexport */ compareCheckpoints),
  cx: () => (/* reexport */ toMappingFile)
});

// UNUSED EXPORTS: COMPATIBLE_ABOVE, KNOWN_PREFIXES, MAPPING_SCHEMA_VERSION, PARTIAL_FROM, normalizeKey, tierOf, verdictOf

// EXTERNAL MODULE: ./src/names/index.ts + 4 modules
var names = __webpack_require__(6237);
;// CONCATENATED MODULE: ./src/compare/model.ts

/**
 * A family needs this many tensors per block on average: `ffn.0`/`ffn.2` (one Linear each: weight and bias) is
 * not a family of blocks, `blocks.N` (27 tensors each in Wan) is.
 */
const MIN_TENSORS_PER_BLOCK = 3;
/** A key's remaining segments as layer path and leaf (the shared vocabulary's split; a lone leaf has no path). */
function splitRest(segments) {
    const lone = segments.length === 1 ? names/* LEAF_NAMES */.cY[segments[0]] : undefined;
    if (lone !== undefined)
        return { path: '', leaf: lone };
    const { layer, leaf } = (0,names/* splitLeaf */.Hg)(segments.join('.'));
    return { path: layer, leaf };
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
        const { path, leaf } = splitRest(rest);
        if (!scope.add(path, leaf, ref))
            collisions.push(ref.key);
    }
    const families = [...familyScopes.entries()].map(([prefix, scopes]) => ({
        prefix,
        scopes: [...scopes.values()].sort((x, y) => x.index - y.index).map((s) => s.build())
    }));
    return { top: top.build(), families, tensors, byNormKey, collisions };
}

// EXTERNAL MODULE: ./src/correspond/index.ts + 5 modules
var correspond = __webpack_require__(7984);
;// CONCATENATED MODULE: ./src/compare/links.ts
function links_numel(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    return n;
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
    const source = l.a.map((k) => [...shapeOf('a', k)]);
    const target = l.b.map((k) => [...shapeOf('b', k)]);
    const total = (s) => s.reduce((n, x) => n + links_numel(x), 0);
    const m = {
        source: [...l.a],
        target: [...l.b],
        kind: l.kind,
        confidence: l.confidence,
        reason: describeLink(l),
        shapes: { source, target },
        shapeCompatible: total(source) === total(target),
        evidence: l.evidence
    };
    if (l.rows)
        m.rows = l.rows.map((r) => ({ ...r }));
    const sum = l.evidence.find((e) => e.kind === 'rows-sum');
    if (sum?.kind === 'rows-sum' && l.rows && !l.ambiguity) {
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

;// CONCATENATED MODULE: ./src/compare/families.ts
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
        const restructured = left.size !== j.pairs.size ||
            right.size !== j.pairs.size ||
            left.size !== (countA.get(j.fa) ?? 0) ||
            right.size !== (countB.get(j.fb) ?? 0);
        out.push({
            a: j.fa,
            b: j.fb,
            countA: countA.get(j.fa) ?? 0,
            countB: countB.get(j.fb) ?? 0,
            ...(restructured ? { restructured: true } : {})
        });
    }
    return out;
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
function sameShape(a, b) {
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
/** The shape differences that sit inside repeated blocks: the blocks themselves differ, not an input layer. */
function inBlocks(model, diffs) {
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
            shapeCompatible: numel(sa) === numel(sb)
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
            const n = numel(t.shape);
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
        if (sameShape(t.shape, sb))
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
        if (sameShape(ref.shape, other.shape))
            normalizedShapeMatches++;
        else
            normalizedDifferences.push({ key: ref.key, shapeA: [...ref.shape], shapeB: [...other.shape] });
    }
    // Mapping: the correspondence engine over both key sets.
    const corr = (0,correspond/* correspond */.w)(a.tensors, b.tensors);
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
    const flags = (0,verdict/* computeFlags */.Lx)({
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
        verdict: (0,verdict/* verdictOf */.Vj)(overlap, flags, kindsOf(all))
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
        const why = apart.map((f) => f.message).join('; ');
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
        if (p.restructured) {
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
            evidence: { ...f.evidence, parameters: x.overlap.parameters }
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
    return flags;
}


/***/ }),

/***/ 4976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ toJson)
/* harmony export */ });
/** JSON documents as we write them: two-space indented, BigInt as decimal strings, a trailing newline. */
function toJson(value) {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
}


/***/ })

};
;