"use strict";
exports.id = 230;
exports.ids = [230];
exports.modules = {

/***/ 6230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareFallback: () => (/* binding */ compareFallback)
/* harmony export */ });
/* unused harmony export impliedWeightShape */
/* harmony import */ var _compare_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1597);
/**
 * Last resort for dotted module names that neither the base's own names nor the alias tables know: ask the
 * model-vs-model mapper (src/compare) to map the weights the LoRA implies (`<path>.weight` with shape [out, in])
 * onto the base, and keep only its high- and medium-confidence renames and fuses. One compare call for all such
 * modules of a file.
 */

/** The weight shape a module implies: [up rows, down in...] for LoRA, the delta's shape for full deltas. */
function impliedWeightShape(m) {
    const shape = (role) => m.tensors.find((t) => t.role === role)?.tensor.shape;
    if (m.algorithm === 'lora') {
        const down = shape('down');
        const up = shape('up');
        const blocks = m.tensors.filter((t) => t.role === 'up-block');
        if (!down || down.length < 2)
            return null;
        const out = blocks.length > 0 ? blocks.reduce((s, b) => s + (b.tensor.shape[0] ?? 0), 0) : up?.[0];
        return out === undefined ? null : [out, ...down.slice(1)];
    }
    if (m.algorithm === 'full')
        return shape('diff') ? [...shape('diff')] : null;
    return null;
}
function accept(mapping) {
    return (mapping.confidence === 'high' || mapping.confidence === 'medium') && mapping.target.length === 1;
}
/** Targets found by the compare mapper, by module stem. */
function compareFallback(modules, space, base) {
    const found = new Map();
    const implied = [];
    const byKey = new Map();
    for (const m of modules) {
        const shape = impliedWeightShape(m);
        if (!shape || m.pathForm !== 'dotted')
            continue;
        const key = `${m.path}.weight`;
        if (byKey.has(key))
            continue;
        byKey.set(key, m);
        implied.push({ name: key, shape, dtype: 'F16' });
    }
    if (implied.length === 0)
        return found;
    const entries = new Map(space.entries.map((e) => [e.key, e]));
    const lora = {
        path: 'lora-implied',
        format: 'manifest',
        bytes: 0,
        tensors: implied,
        metadata: {},
        globals: [],
        warnings: []
    };
    const denoiserOnly = { ...base, tensors: base.tensors.filter((t) => entries.has(t.name)) };
    let mappings;
    try {
        mappings = (0,_compare_index_js__WEBPACK_IMPORTED_MODULE_0__/* .compareCheckpoints */ .xt)(lora, denoiserOnly).mappings;
    }
    catch {
        // The fallback is an extra chance, never a reason to fail: the modules stay unresolved with their reason.
        return found;
    }
    for (const mapping of mappings) {
        if (!accept(mapping))
            continue;
        const entry = entries.get(mapping.target[0]);
        if (!entry)
            continue;
        let offset = 0;
        mapping.source.forEach((key, i) => {
            const rows = mapping.shapes.source[i]?.[0] ?? 0;
            const m = byKey.get(key);
            if (m) {
                const via = `compare mapping (${mapping.kind}, ${mapping.confidence}: ${mapping.reason})`;
                const t = { entry, via };
                if (mapping.kind === 'fuse')
                    t.slice = { offset, size: rows };
                found.set(m.stem, t);
            }
            offset += rows;
        });
    }
    return found;
}


/***/ })

};
;