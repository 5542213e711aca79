"use strict";
exports.id = 719;
exports.ids = [719];
exports.modules = {

/***/ 1402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readAlphaScalars)
});

// EXTERNAL MODULE: ./src/formats/limits.ts
var formats_limits = __webpack_require__(5094);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/formats/source.ts
var formats_source = __webpack_require__(3159);
;// CONCATENATED MODULE: ./src/formats/tensor-data.ts
/**
 * Tensor *data*, read only where a figure cannot be known otherwise: the scalar alpha of each LoRA module (the
 * metadata's network_alpha is a default that per-module scalars override). Bounded: a few bytes per tensor, a
 * bounded number of tensors. The bytes come through the same `open` the checkpoint was read with (a local file,
 * an HTTP range source), so a remote checkpoint's scalars are read over HTTP like its header.
 */



/** Bytes per element of the dtypes a scalar can be read in. */
const SCALAR_DTYPE_BYTES = Object.freeze({
    F32: 4,
    F16: 2,
    BF16: 2,
    F64: 8
});
/** True for a one-element tensor of a float dtype whose byte range is exactly that element. */
function isReadableScalar(t) {
    const size = Object.hasOwn(SCALAR_DTYPE_BYTES, t.dtype) ? SCALAR_DTYPE_BYTES[t.dtype] : undefined;
    return (size !== undefined &&
        t.byteRange !== undefined &&
        t.shape.every((d) => d === 1) &&
        t.byteRange.end - t.byteRange.start === BigInt(size));
}
/**
 * The bytes of each tensor, by name, each file opened once. Every tensor must have a byte range of at most
 * `maxTensorBytes`, and there may be at most `maxTensors`: past either, a `CheckpointError` and nothing is read.
 */
async function readTensorBytes(tensors, open, limits = formats_limits/* TENSOR_DATA_LIMITS */.Wx) {
    const byFile = new Map();
    if (tensors.length > limits.maxTensors) {
        const file = tensors[0]?.byteRange?.file ?? '';
        throw new errors/* CheckpointError */.jg('TensorInvalidInfo', file, `${tensors.length} tensors to read; at most ${limits.maxTensors} are read`);
    }
    for (const t of tensors) {
        const r = t.byteRange;
        if (r === undefined || r.end < r.start || r.end - r.start > BigInt(limits.maxTensorBytes)) {
            throw new errors/* CheckpointError */.jg('TensorInvalidInfo', r?.file ?? '', `tensor ${JSON.stringify(t.name)}: no byte range of at most ${limits.maxTensorBytes} bytes to read`);
        }
        const list = byFile.get(r.file);
        if (list)
            list.push(t);
        else
            byFile.set(r.file, [t]);
    }
    const out = new Map();
    for (const [file, list] of byFile) {
        const source = await open(file);
        try {
            const ranges = list.map((t) => ({
                offset: Number(t.byteRange.start),
                length: Number(t.byteRange.end - t.byteRange.start)
            }));
            const results = await (0,formats_source/* readRanges */.DA)(source, ranges);
            results.forEach((r, i) => {
                if (r.status === 'rejected')
                    throw r.reason;
                out.set(list[i].name, r.value);
            });
        }
        finally {
            await source.close().catch(() => undefined);
        }
    }
    return out;
}
/** The value of a little-endian scalar of a float dtype (F32, F64, F16, BF16). */
function decodeScalar(bytes, dtype) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    switch (dtype) {
        case 'F32':
            return view.getFloat32(0, true);
        case 'F64':
            return view.getFloat64(0, true);
        case 'BF16':
            // The high half of an F32.
            return new DataView(new Uint8Array([0, 0, bytes[0], bytes[1]]).buffer).getFloat32(0, true);
        case 'F16': {
            // sign, 5-bit exponent, 10-bit fraction
            const h = view.getUint16(0, true);
            const sign = h & 0x8000 ? -1 : 1;
            const exp = (h >> 10) & 0x1f;
            const frac = h & 0x3ff;
            if (exp === 0)
                return sign * 2 ** -14 * (frac / 1024);
            if (exp === 31)
                return frac ? NaN : sign * Infinity;
            return sign * 2 ** (exp - 15) * (1 + frac / 1024);
        }
        default:
            throw new errors/* CheckpointError */.jg('TensorInvalidInfo', '', `dtype ${dtype} is not a float scalar dtype`);
    }
}
/** Finite values of scalar tensors (see `isReadableScalar`), by name; others are left out. */
async function readScalars(tensors, open) {
    const scalars = tensors.filter(isReadableScalar);
    const bytes = await readTensorBytes(scalars, open);
    const values = new Map();
    for (const t of scalars) {
        const v = decodeScalar(bytes.get(t.name), t.dtype);
        if (Number.isFinite(v))
            values.set(t.name, v);
    }
    return values;
}

// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/cli/alpha.ts
/**
 * Alpha values of a LoRA: the one place the CLI reads tensor *data*, and only when asked (`--read-alpha`, and
 * `convert`, which must keep alpha/rank exact). Which tensors are alphas is decided here; the bytes are read by
 * formats/tensor-data.ts through the `open` the LoRA itself was read with, so a LoRA given by URL has its alphas
 * read over HTTP too.
 */



/** An alpha or alpha_scale tensor (the adapter suffixes of src/names). */
function isAlpha(name) {
    return name.endsWith(adapters/* SUFFIX */.Er.alpha) || name.endsWith(adapters/* SUFFIX */.Er.alphaScale);
}
/**
 * Values of the scalar alpha / alpha_scale tensors of a safetensors LoRA. `open` opens a tensor's file. A file
 * with more alpha tensors than the limit (a hostile one could list millions) gets none read: the analysis then
 * falls back to the metadata's network_alpha, as without `--read-alpha`.
 */
async function readAlphaScalars(ckpt, open) {
    if (!dataInOwnFiles(ckpt))
        return new Map();
    const wanted = ckpt.tensors.filter((t) => isAlpha(t.name) && isReadableScalar(t));
    if (wanted.length === 0 || wanted.length > formats_limits/* TENSOR_DATA_LIMITS */.Wx.maxTensors)
        return new Map();
    return readScalars(wanted, open);
}
/** safetensors, alone or in shards: a tensor's `byteRange.file` is a file to open (in a torch zip it is a record). */
function dataInOwnFiles(ckpt) {
    if (ckpt.format === 'safetensors')
        return true;
    return (ckpt.format === 'safetensors-sharded' && (ckpt.components ?? []).every((c) => c.format === 'safetensors'));
}


/***/ }),

/***/ 5774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loraCommand: () => (/* binding */ loraCommand),
  loraSpec: () => (/* binding */ loraSpec),
  runLora: () => (/* binding */ runLora)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/cli/read.ts + 1 modules
var read = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/cli/alpha.ts + 1 modules
var alpha = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/lora/analyze.ts + 1 modules
var analyze = __webpack_require__(4322);
// EXTERNAL MODULE: ./src/lora/base-index.ts
var base_index = __webpack_require__(7122);
// EXTERNAL MODULE: ./src/lora/compare.ts
var lora_compare = __webpack_require__(9855);
// EXTERNAL MODULE: ./src/lora/resolve.ts + 2 modules
var resolve = __webpack_require__(6924);
// EXTERNAL MODULE: ./src/lora/report.ts
var report = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/report/lora-reasons.ts
var lora_reasons = __webpack_require__(6168);
// EXTERNAL MODULE: ./src/lora/loaders/index.ts + 9 modules
var loaders = __webpack_require__(8360);
// EXTERNAL MODULE: ./src/report/loader-text.ts
var loader_text = __webpack_require__(4063);
// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
// EXTERNAL MODULE: ./src/lora/loaders/verdict.ts
var verdict = __webpack_require__(470);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/layout.ts
var layout = __webpack_require__(1894);
// EXTERNAL MODULE: ./src/report/next-steps.ts
var next_steps = __webpack_require__(5587);
// EXTERNAL MODULE: ./src/lora/reasons.ts
var reasons = __webpack_require__(5121);
;// CONCATENATED MODULE: ./src/report/lora-console.ts








/** A table fitted to `width`. */
function tableAt(width) {
    return (rows, fit, header) => (0,layout/* fitTable */.SM)(rows, { width, ...(fit ? { fit } : {}), ...(header ? { header } : {}) });
}
/** `[0,1,2,3,7,8]` -> `0-3, 7-8`. */
function compressRanges(indices) {
    const parts = [];
    let i = 0;
    while (i < indices.length) {
        let j = i;
        while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1)
            j++;
        parts.push(j === i ? String(indices[i]) : `${indices[i]}-${indices[j]}`);
        i = j + 1;
    }
    return parts.join(', ');
}
function countList(rec, sep = ', ') {
    return Object.entries(rec)
        .sort((a, b) => b[1] - a[1] || (0,order/* byCodeUnit */.X)(a[0], b[0]))
        .map(([k, n]) => `${(0,format/* printable */.g$)(k)} x${n}`)
        .join(sep);
}
function alphaLine(a) {
    const s = a.statistics;
    const parts = [];
    if (Object.keys(s.alpha.values).length > 0)
        parts.push(`alpha ${countList(s.alpha.values)}`);
    if (s.alpha.unread > 0)
        parts.push(`${(0,format/* plural */.LS)(s.alpha.unread, 'alpha tensor')} stored, values not read (use --read-alpha to read them)`);
    if (s.alpha.missing > 0)
        parts.push(`${(0,format/* plural */.LS)(s.alpha.missing, 'module')} without alpha: ${s.alpha.defaultRule}`);
    if (s.scale) {
        const range = s.scale.min === s.scale.max ? `${s.scale.min}` : `${s.scale.min} .. ${s.scale.max}`;
        parts.push(`effective scale (alpha/rank) ${range}`);
    }
    return parts.join('; ') || 'not applicable';
}
function conventionLine(a) {
    const names = a.conventions.map((c) => `${c.convention} (${c.keyCount} keys)`).join(', ');
    return a.mixed ? `MIXED: ${names}` : names || 'none recognised';
}
/**
 * What a LoRA is, in one line: `wan.safetensors: kohya LoRA for Wan 1.3B, 80 modules, rank 2`. The answer of
 * `model-compat lora FILE` without a base.
 */
function loraAnswer(a, name, c) {
    const s = a.statistics;
    const conventions = a.conventions.map((x) => x.convention);
    const kind = a.mixed
        ? `LoRA mixing ${conventions.join(', ')} names`
        : `${conventions[0] ?? 'unrecognised'} LoRA`;
    const rank = s.rank
        ? s.rank.min === s.rank.max
            ? `rank ${s.rank.min}`
            : `rank ${s.rank.min}-${s.rank.max}`
        : '';
    const parts = [`${kind} for ${(0,lora_layers/* familyLabel */.B8)(a.family, a.width)}`, (0,format/* plural */.LS)(s.modules, 'module'), rank].filter((p) => p);
    const head = `${c.bold((0,format/* printable */.g$)(name))}: ${(0,format/* printable */.g$)(parts.join(', '))}`;
    if (s.modules === 0)
        return `${(0,format/* mark */.Gy)('warn', c)} ${head}; no LoRA module found`;
    return a.mixed ? `${(0,format/* mark */.Gy)('warn', c)} ${head}` : head;
}
function renderLoraAnalysis(a, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const table = tableAt(width);
    const s = a.statistics;
    let out = '';
    if (a.warnings.length > 0) {
        out += `${c.yellow('warnings')}\n`;
        const { shown, omitted } = (0,format/* cutList */.f6)(a.warnings, max);
        for (const w of shown)
            out += (0,layout/* paragraph */.FY)((0,format/* printable */.g$)(w), width, '  - ');
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more\n`);
        out += '\n';
    }
    const rows = [
        ['conventions', a.mixed ? c.yellow(conventionLine(a)) : conventionLine(a)],
        ['targets', (0,lora_layers/* familyLabel */.B8)(a.family, a.width)],
        [
            'modules',
            s.components.textEncoder > 0
                ? `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`
                : `${s.modules}, all in the denoiser`
        ],
        ['algorithms', countList(s.algorithms) || '-'],
        ['parameters', `${(0,format/* formatCount */.B4)(s.params)} in ${(0,format/* plural */.LS)(s.tensors, 'tensor')}, ${(0,format/* formatBytes */.z3)(s.bytes)}`],
        ['dtypes', countList(s.dtypes)],
        [
            'rank',
            s.rank
                ? s.rank.min === s.rank.max
                    ? `${s.rank.min} (every module)`
                    : `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max} (${s.rank.histogram.map((h) => `r${h.rank} x${h.modules}`).join(', ')})`
                : '-'
        ],
        ['alpha', alphaLine(a)]
    ];
    for (const [series, idx] of Object.entries(s.blocks))
        rows.push([`${series}`, `${compressRanges(idx)} (${idx.length} touched)`]);
    out += `${c.bold('LoRA')}\n` + table(rows, ['fixed', 'wrap']);
    for (const e of a.conventions) {
        out += c.dim((0,layout/* paragraph */.FY)(`${e.convention}: ${(0,format/* printable */.g$)(e.markers.join(', '))}; e.g. ${(0,format/* printable */.g$)(e.examples[0] ?? '')}`, width, '  ', '    '));
    }
    const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1] || (0,order/* byCodeUnit */.X)(x[0], y[0]));
    if (kinds.length > 0)
        out += `\n${c.bold('layer kinds')} (modules)\n${table(kinds.map(([k, n]) => [(0,format/* printable */.g$)(k), String(n)]))}`;
    if (s.rankNotes.length > 0)
        out += `\n${c.bold('rank notes')}\n${s.rankNotes.map((n) => (0,layout/* paragraph */.FY)((0,format/* printable */.g$)(n), width, '  - ')).join('')}`;
    const meta = Object.entries(a.metadata.summary);
    if (meta.length > 0)
        out += `\n${c.bold('training metadata')}\n${table(meta.map(([k, v]) => [(0,format/* printable */.g$)(k), (0,format/* printable */.g$)(v)]), ['fixed', 'wrap'])}`;
    return out;
}
/** One wording per status in every renderer: `unresolved` means no base key; `shape mismatch` a key that does not fit. */
const STATUS_LABELS = {
    ok: 'ok',
    'shape-mismatch': 'shape mismatch',
    unresolved: 'unresolved',
    unsupported: 'unsupported'
};
function statusText(status, c) {
    const label = STATUS_LABELS[status];
    if (status === 'ok')
        return c.green(label);
    return status === 'unsupported' ? c.yellow(label) : c.red(label);
}
/** How modules found under another name than the LoRA's were found: one engine links every other naming. */
const ALIAS_NOTE = 'resolved by the correspondence engine (structure, roles and shapes) onto other names';
/**
 * Why one module fails, without its name: `-> blocks.0.q.weight [1536, 1536]: in-dim 5120 vs 1536` for a shape
 * mismatch, else the reason and the closest base key (file names made printable).
 */
function moduleProblem(r) {
    if (r.status === 'shape-mismatch' && r.target) {
        const slice = r.target.slice ? ` rows ${r.target.slice.offset}+${r.target.slice.size}` : '';
        return (0,format/* printable */.g$)(`-> ${r.target.key} ${(0,format/* formatShape */.BB)(r.target.shape)}${slice}: ${r.expected ?? ''}`);
    }
    let line = (0,lora_reasons/* moduleReason */.xk)(r) ?? STATUS_LABELS[r.status];
    const near = r.nearest?.[0];
    if (near)
        line += `; closest base key ${near.key} ${(0,format/* formatShape */.BB)(near.shape)}: ${near.why}`;
    return (0,format/* printable */.g$)(line);
}
/** One failing module as text: its name, then why (`moduleProblem`). */
function moduleLine(r) {
    const problem = moduleProblem(r);
    return `${printable(r.stem)}${problem.startsWith('->') ? ' ' : ': '}${problem}`;
}
/** Failing modules, interleaved across causes so a short list shows an example of every cause first. */
function failingByCause(r) {
    const groups = new Map();
    for (const x of r.results) {
        if (x.status === 'ok')
            continue;
        const key = x.causeWhy ? (0,reasons/* causeKey */.r)(x.causeWhy) : (x.cause ?? x.status);
        const g = groups.get(key);
        if (g)
            g.push(x);
        else
            groups.set(key, [x]);
    }
    const ordered = [...groups.values()];
    const out = [];
    for (let i = 0; out.length < r.results.length; i++) {
        let added = false;
        for (const g of ordered) {
            if (i < g.length) {
                out.push(g[i]);
                added = true;
            }
        }
        if (!added)
            break;
    }
    return out;
}
/** Modules found under another name than the LoRA's (by the engine or by roles): they load through the mapping. */
function aliasedModules(r) {
    return r.results.filter((x) => x.status === 'ok' &&
        x.target !== undefined &&
        x.link?.evidence.some((e) => e.kind === 'engine') === true);
}
/**
 * The answer of `lora FILE --base BASE`: `✓ 80 / 80 modules load (100.0%) on BASE` or `✗ 0 / 120 modules load
 * (0.0%) on BASE: 80 shape mismatch, 40 unresolved`.
 */
function resolutionAnswer(r, name, c) {
    const all = r.loadable === r.modules && r.modules > 0;
    const none = r.loadable === 0;
    const figure = `${r.loadable} / ${(0,format/* plural */.LS)(r.modules, 'module')} load (${(0,format/* formatPercent */.l9)(r.loadablePercent)})`;
    const paint = all ? c.green : none ? c.red : c.yellow;
    const failing = ['shape-mismatch', 'unresolved', 'unsupported']
        .filter((k) => r.counts[k] > 0)
        .map((k) => `${r.counts[k]} ${STATUS_LABELS[k]}`);
    const runtime = r.loader && r.loader !== 'any' ? ` in ${verdict/* LOADER_LABELS */.s[r.loader]}` : '';
    if (r.fileError !== undefined) {
        return (`${(0,format/* mark */.Gy)('bad', c)} ${c.bold((0,format/* printable */.g$)(name))}: ${c.red(c.bold(`${verdict/* LOADER_LABELS */.s[r.loader ?? 'any']} refuses the whole file`))} ` +
            `on ${(0,format/* printable */.g$)(r.base)}: ${(0,format/* printable */.g$)(r.fileError)}`);
    }
    return (`${(0,format/* mark */.Gy)(all ? 'good' : none ? 'bad' : 'warn', c)} ${c.bold((0,format/* printable */.g$)(name))}: ${paint(c.bold(figure + runtime))} ` +
        `on ${(0,format/* printable */.g$)(r.base)}${failing.length > 0 ? `: ${failing.join(', ')}` : ''}`);
}
/**
 * The evidence behind `resolutionAnswer` (which the caller prints first): the base, the likely causes, the modules
 * that would not load and how the others resolved. The next steps are `resolutionSteps`.
 */
function renderLoraResolution(r, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    // Each failing module takes a few lines once fitted: ten show every cause (they are interleaved by cause).
    const max = opts.maxItems ?? 10;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const table = tableAt(width);
    let out = (0,layout/* paragraph */.FY)(`${c.bold('resolution against')} ${(0,format/* printable */.g$)(r.base)} (${(0,lora_layers/* familyLabel */.B8)(r.baseFamily, r.baseWidth)})` +
        (r.loader !== undefined && r.loader !== 'any' ? `, by ${verdict/* LOADER_LABELS */.s[r.loader]}'s loading rules` : ''), width, '', '  ');
    if (r.loaderNotes && r.loaderNotes.length > 0) {
        out += `\n${c.bold(`what ${verdict/* LOADER_LABELS */.s[r.loader ?? 'any']} does silently`)}\n`;
        out += r.loaderNotes.map((n) => (0,layout/* paragraph */.FY)(`- ${(0,format/* printable */.g$)(n)}`, width, '', '    ')).join('');
    }
    if (r.causes.length > 0) {
        out += `\n${c.bold('likely causes')} (modules)\n${table(r.causes.map((x) => [String(x.modules), (0,format/* printable */.g$)((0,lora_reasons/* causeWords */.pQ)(x))]), ['fixed', 'wrap'])}`;
    }
    const failing = failingByCause(r);
    if (failing.length > 0) {
        const { shown, omitted } = (0,format/* cutList */.f6)(failing, max);
        out += `\n${c.bold('modules that would not load')}\n`;
        out += table(shown.map((f) => [statusText(f.status, c), (0,format/* printable */.g$)(f.stem), moduleProblem(f)]), ['fixed', 'shorten', 'wrap']);
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more (see --json)\n`);
    }
    const sliced = r.results.filter((x) => x.status === 'ok' && x.target?.slice).length;
    const aliased = aliasedModules(r);
    if (sliced > 0)
        out += c.dim(`  ${(0,format/* plural */.LS)(sliced, 'module')} patch row slices of fused weights\n`);
    if (aliased.length > 0)
        out += c.dim((0,layout/* paragraph */.FY)(`${(0,format/* plural */.LS)(aliased.length, 'module')} ${ALIAS_NOTE}`, width, '  '));
    return out;
}
/** The next steps after resolving `lora` against `base` (the paths as the user typed them). */
function resolutionSteps(r, lora, base, width) {
    return (0,next_steps/* renderSteps */.Il)((0,next_steps/* loraSteps */.sH)({
        lora,
        base,
        modules: r.modules,
        loadable: r.loadable,
        aliased: aliasedModules(r).length,
        shapeMismatch: r.counts['shape-mismatch'],
        unresolved: r.counts.unresolved + r.counts.unsupported
    }), width);
}

;// CONCATENATED MODULE: ./src/report/lora-compare-console.ts




/** `My LoRA (path)` when a display name was given, else the path. */
function sideName(path, name) {
    return (0,format/* printable */.g$)(name !== undefined && name !== path ? `${name} (${path})` : path);
}
function familyName(family) {
    return family === null ? '?' : (0,lora_layers/* familyDisplayName */.gK)(family);
}
/**
 * The alpha row of a comparison: differences only among modules whose alpha is known on both sides, and a note
 * per side whose alpha tensors were not read (unknown is not a difference).
 */
function alphaComparison(x) {
    const parts = [];
    if (x.alpha.compared > 0)
        parts.push(`${x.alpha.differingCount} of ${(0,format/* plural */.LS)(x.alpha.compared, 'common module')} with known alpha differ`);
    const unread = ['a', 'b'].filter((side) => x.alpha.unread[side] > 0);
    if (unread.length > 0)
        parts.push(`not read in ${unread.map((side) => `${side.toUpperCase()} (${(0,format/* plural */.LS)(x.alpha.unread[side], 'module')})`).join(' and ')}; use --read-alpha`);
    return parts.join('; ') || 'not known on either side';
}
/**
 * Whether two LoRAs are for the same model: the answer of `lora A B --compare`. Different families or widths
 * (model sizes) mean a LoRA of one does not load on the other's base.
 */
function loraComparisonAnswer(x, c) {
    const fa = x.family.a;
    const fb = x.family.b;
    const wa = x.width.a;
    const wb = x.width.b;
    const a = (0,lora_layers/* familyLabel */.B8)(fa, wa);
    const b = (0,lora_layers/* familyLabel */.B8)(fb, wb);
    const targets = `${x.targets.common} common target modules, ${x.targets.onlyACount} only in A, ${x.targets.onlyBCount} only in B`;
    if (fa !== null && fb !== null && !x.family.same)
        return `${(0,format/* mark */.Gy)('bad', c)} ${c.red(c.bold('DIFFERENT MODELS'))}: A is for ${a}, B for ${b}`;
    if (wa !== null && wb !== null && wa !== wb) {
        const widths = a.includes('width') ? '' : ` (width ${wa} vs ${wb})`;
        return `${(0,format/* mark */.Gy)('bad', c)} ${c.red(c.bold('DIFFERENT MODEL SIZES'))}: A is for ${a}, B for ${b}${widths}`;
    }
    if (fa === null || fb === null || wa === null || wb === null)
        return `${(0,format/* mark */.Gy)('warn', c)} ${c.yellow(c.bold('BASE NOT KNOWN'))}: A is for ${a}, B for ${b}; ${targets}`;
    return `${(0,format/* mark */.Gy)('good', c)} ${c.green(c.bold('SAME MODEL'))}: both for ${a}; ${targets}`;
}
function renderLoraComparison(x, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const table = tableAt(width);
    let out = (0,layout/* paragraph */.FY)(loraComparisonAnswer(x, c), width, '', '  ');
    out += table([
        ['A', sideName(x.a, opts.names?.[0])],
        ['B', sideName(x.b, opts.names?.[1])]
    ], ['fixed', 'shorten']);
    const rank = (r) => (r ? `${r.min}..${r.max} (median ${r.median})` : '-');
    const same = (yes) => (yes ? `${(0,format/* mark */.Gy)('good', c)} same` : `${(0,format/* mark */.Gy)('bad', c)} differ`);
    const widthSame = x.width.a !== null && x.width.b !== null ? x.width.a === x.width.b : null;
    const familySame = x.family.a === null || x.family.b === null
        ? `${(0,format/* mark */.Gy)('warn', c)} not known`
        : !x.family.same
            ? same(false)
            : widthSame === false
                ? `${(0,format/* mark */.Gy)('warn', c)} same family, another size`
                : same(true);
    out +=
        '\n' +
            table([
                ['', 'A', 'B', ''],
                ['family', familyName(x.family.a), familyName(x.family.b), familySame],
                [
                    'width',
                    String(x.width.a ?? '?'),
                    String(x.width.b ?? '?'),
                    widthSame === null ? `${(0,format/* mark */.Gy)('warn', c)} not known` : same(widthSame)
                ],
                [
                    'conventions',
                    x.conventions.a.join(', ') || '-',
                    x.conventions.b.join(', ') || '-',
                    same(x.conventions.same)
                ],
                [
                    'rank',
                    rank(x.rank.a),
                    rank(x.rank.b),
                    x.rank.differingCount > 0 ? `${(0,format/* plural */.LS)(x.rank.differingCount, 'common module')} differ` : ''
                ],
                [
                    'targets',
                    `${x.targets.onlyACount} only here`,
                    `${x.targets.onlyBCount} only here`,
                    `${x.targets.common} in both`
                ]
            ], ['fixed', 'shorten', 'shorten', 'wrap'], true);
    out += (0,layout/* paragraph */.FY)(`alpha: ${alphaComparison(x)}`, width, '  ', '    ');
    const kinds = Object.entries(x.layerKinds.counts).map(([k, [a, b]]) => [(0,format/* printable */.g$)(k), String(a), String(b)]);
    if (kinds.length > 0)
        out += `\n${c.bold('layer kinds')} (modules in A, B)\n${table(kinds)}`;
    for (const [label, blocks] of [
        ['blocks only in A', x.blocks.onlyA],
        ['blocks only in B', x.blocks.onlyB]
    ]) {
        for (const [series, idx] of Object.entries(blocks))
            out += `  ${label}: ${(0,format/* printable */.g$)(series)} ${compressRanges(idx)}\n`;
    }
    for (const [label, list, total] of [
        ['only in A', x.targets.onlyA, x.targets.onlyACount],
        ['only in B', x.targets.onlyB, x.targets.onlyBCount]
    ]) {
        if (list.length === 0)
            continue;
        const { shown } = (0,format/* cutList */.f6)(list, max);
        out += `\n${c.bold(`targets ${label}`)}\n${table(shown.map((p) => [(0,format/* printable */.g$)(p)]), ['shorten'])}`;
        if (total > shown.length)
            out += c.dim(`  ... ${total - shown.length} more\n`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/cli/display.ts
var display = __webpack_require__(2616);
;// CONCATENATED MODULE: ./src/report/lora-markdown.ts
/** Markdown rendering of a LoRA report (for job summaries and PR comments). Pure: data in, string out. */






/** File text as inline code: control characters made visible, backticks replaced so the span cannot end early. */
function code(s) {
    return `\`${(0,format/* printable */.g$)(s).replace(/`/g, "'")}\``;
}
/** File text in a table cell or sentence. */
function lora_markdown_text(s) {
    return (0,format/* mdEscape */.Li)((0,format/* printable */.g$)(s));
}
function heading(level, text) {
    return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${text}\n\n`;
}
function loraAnalysisMarkdown(a, opts = {}) {
    const level = opts.level ?? 2;
    const s = a.statistics;
    let out = heading(level, `LoRA ${code(opts.title ?? a.path)}`);
    const rows = [
        ['Conventions', (0,format/* mdEscape */.Li)(conventionLine(a))],
        ['Targets', (0,lora_layers/* familyLabel */.B8)(a.family, a.width)],
        ['Modules', `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`],
        ['Parameters', `${(0,format/* formatCount */.B4)(s.params)} in ${s.tensors} tensors, ${(0,format/* formatBytes */.z3)(s.bytes)}`],
        ['Rank', s.rank ? `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max}` : '-'],
        ['Alpha', (0,format/* mdEscape */.Li)(alphaLine(a))]
    ];
    for (const [series, idx] of Object.entries(s.blocks))
        rows.push([
            series === 'blocks' ? 'Blocks' : `Blocks (${lora_markdown_text(series)})`,
            `${compressRanges(idx)} (${idx.length})`
        ]);
    const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1]);
    if (kinds.length > 0)
        rows.push(['Layer kinds', kinds.map(([k, n]) => `${lora_markdown_text(k)} ${n}`).join(', ')]);
    out += '| | |\n|---|---|\n' + rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n\n';
    if (s.rankNotes.length > 0)
        out += s.rankNotes.map((n) => `- ${lora_markdown_text(n)}`).join('\n') + '\n\n';
    const meta = Object.entries(a.metadata.summary);
    if (meta.length > 0)
        out += `Training metadata: ${meta.map(([k, v]) => `${lora_markdown_text(k)} ${code(v)}`).join(', ')}\n\n`;
    if (a.warnings.length > 0)
        out += a.warnings.map((w) => `> ⚠️ ${lora_markdown_text(w)}`).join('\n') + '\n\n';
    return out;
}
function loraResolutionMarkdown(r, opts = {}) {
    const level = opts.level ?? 2;
    const max = opts.maxItems ?? 20;
    const icon = r.loadable === r.modules && r.modules > 0 ? '✅' : r.loadable === 0 ? '❌' : '⚠️';
    // The heading is the answer: how much of the LoRA loads on the base.
    const runtime = r.loader !== undefined && r.loader !== 'any' ? verdict/* LOADER_LABELS */.s[r.loader] : undefined;
    let out = heading(level + 1, r.fileError !== undefined
        ? `❌ ${runtime ?? 'The runtime'} refuses the whole file on ${code(r.base)}`
        : `${icon} ${r.loadable} / ${(0,format/* plural */.LS)(r.modules, 'module')} load (${(0,format/* formatPercent */.l9)(r.loadablePercent)})${runtime ? ` in ${runtime}` : ''} on ${code(r.base)}`);
    if (r.fileError !== undefined)
        out += `${lora_markdown_text(r.fileError)}\n\n`;
    if (r.loaderNotes && r.loaderNotes.length > 0)
        out += `${runtime ?? 'The runtime'} does silently: ${r.loaderNotes.map((n) => lora_markdown_text(n)).join('; ')}.\n\n`;
    const failing = ['shape-mismatch', 'unresolved', 'unsupported'].filter((k) => r.counts[k] > 0);
    if (failing.length > 0)
        out += `Not loading: ${failing.map((k) => `${STATUS_LABELS[k]} ${r.counts[k]}`).join(', ')}. `;
    out += `Base: ${(0,lora_layers/* familyLabel */.B8)(r.baseFamily, r.baseWidth)}.\n\n`;
    if (r.causes.length > 0) {
        out += '| Modules | Likely cause |\n|---:|---|\n';
        out += r.causes.map((x) => `| ${x.modules} | ${lora_markdown_text((0,lora_reasons/* causeWords */.pQ)(x))} |`).join('\n') + '\n\n';
    }
    const failingModules = failingByCause(r);
    if (failingModules.length > 0) {
        const { shown, omitted } = (0,format/* cutList */.f6)(failingModules, max);
        out += `<details><summary>${(0,format/* plural */.LS)(failingModules.length, 'module')} that would not load</summary>\n\n`;
        out += '| Module | Status | Base key | Why |\n|---|---|---|---|\n';
        for (const f of shown) {
            const key = f.target
                ? `${code(f.target.key)} ${(0,format/* formatShape */.BB)(f.target.shape)}`
                : f.nearest?.[0]
                    ? `closest: ${code(f.nearest[0].key)}`
                    : '';
            const near = !f.target && f.nearest?.[0] ? `closest base key: ${f.nearest[0].why}` : undefined;
            const why = [f.expected, (0,lora_reasons/* moduleReason */.xk)(f), near].filter(Boolean).join('; ');
            out += `| ${code(f.stem)} | ${STATUS_LABELS[f.status]} | ${key} | ${lora_markdown_text(why)} |\n`;
        }
        if (omitted > 0)
            out += `\n… ${omitted} more in the JSON report.\n`;
        out += '\n</details>\n\n';
    }
    return out;
}
function loraComparisonMarkdown(x, opts = {}) {
    const level = opts.level ?? 2;
    // The heading is the answer, worded as in the console (symbols become the Markdown's icons).
    const answer = loraComparisonAnswer(x, (0,format/* colors */.Tj)(false));
    const icon = answer.startsWith(format/* MARKS */.j7.good) ? '✅' : answer.startsWith(format/* MARKS */.j7.bad) ? '❌' : '⚠️';
    let out = heading(level, `${icon} ${lora_markdown_text(answer.slice(2))}`);
    out += `A: ${code(opts.names?.[0] ?? x.a)}${opts.names ? ` (${code(x.a)})` : ''}, `;
    out += `B: ${code(opts.names?.[1] ?? x.b)}${opts.names ? ` (${code(x.b)})` : ''}\n\n`;
    const rank = (r) => (r ? `${r.min}..${r.max}` : '-');
    const family = (f) => (f === null ? '?' : (0,lora_layers/* familyDisplayName */.gK)(f));
    const sameWidth = x.width.a !== null && x.width.b !== null ? x.width.a === x.width.b : null;
    const mark = (same) => (same === null ? '?' : same ? '🟢 same' : '🔴 differ');
    out += '| | A | B | |\n|---|---|---|---|\n';
    out += `| Family | ${family(x.family.a)} | ${family(x.family.b)} | ${mark(x.family.a === null || x.family.b === null ? null : x.family.same)} |\n`;
    out += `| Width | ${x.width.a ?? '?'} | ${x.width.b ?? '?'} | ${mark(sameWidth)} |\n`;
    out += `| Conventions | ${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')} | ${mark(x.conventions.same)} |\n`;
    out += `| Rank | ${rank(x.rank.a)} | ${rank(x.rank.b)} | ${x.rank.differingCount > 0 ? `${(0,format/* plural */.LS)(x.rank.differingCount, 'common module')} differ` : ''} |\n`;
    out += `| Targets only here | ${x.targets.onlyACount} | ${x.targets.onlyBCount} | ${x.targets.common} in both |\n`;
    for (const [k, [a, b]] of Object.entries(x.layerKinds.counts))
        out += `| ${lora_markdown_text(k)} | ${a} | ${b} | |\n`;
    out += `\nAlpha: ${lora_markdown_text(alphaComparison(x))}.\n`;
    return out + '\n';
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(6662);
// EXTERNAL MODULE: ./src/report/key-exports.ts
var key_exports = __webpack_require__(7463);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/cli/commands/lora.ts
/**
 * `model-compat lora FILE... [--base BASE] [--loader comfyui|diffusers|any] [--compare] [--names N...] [--json]
 * [--markdown] [--export keys.txt] [--read-alpha]`: explain LoRA files, resolve them against a base (under one
 * runtime's loading rules with --loader), compare two.
 */






















const loraSpec = {
    name: 'lora',
    summary: 'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
    usage: 'FILE... [--base BASE] [--loader comfyui|diffusers|any] [--compare] [--names NAME...] [--json | --markdown] ' +
        '[--export keys.txt] [--read-alpha]',
    minPositionals: 1,
    options: {
        base: {
            kind: 'string',
            help: 'resolve every module against this base (checkpoint, folder or manifest)',
            value: 'BASE'
        },
        loader: {
            kind: 'string',
            help: "resolve by one runtime's loading rules: comfyui, diffusers, or any (every naming model-compat knows; " +
                'the default). Without it the answer lists every runtime',
            value: 'LOADER'
        },
        compare: { kind: 'boolean', help: 'compare the two LoRA files' },
        names: { kind: 'list', help: 'display names for the files, in order', value: 'NAME...' },
        json: { kind: 'boolean', help: 'print the JSON report (schemas/lora.schema.json)' },
        markdown: { kind: 'boolean', help: 'print the report as Markdown' },
        export: {
            kind: 'string',
            help: 'write every LoRA key with its module, role, shape and base target',
            value: 'FILE'
        },
        'read-alpha': {
            kind: 'boolean',
            help: 'read the scalar alpha / alpha_scale values (a few bytes each; otherwise only headers are read)'
        },
        ...read/* REMOTE_OPTIONS */.Q,
        ...display/* DISPLAY_OPTIONS */.wV
    }
};
async function runLora(args, io) {
    const files = args.positionals;
    const names = (0,cli_args/* list */.p_)(args, 'names');
    if (names && names.length > files.length)
        throw new errors/* UsageError */.eb(`--names has ${names.length} names for ${files.length} files`);
    const compare = (0,cli_args/* flag */.Jt)(args, 'compare');
    if (compare && files.length !== 2)
        throw new errors/* UsageError */.eb('--compare needs exactly two LoRA files');
    if ((0,cli_args/* flag */.Jt)(args, 'json') && (0,cli_args/* flag */.Jt)(args, 'markdown'))
        throw new errors/* UsageError */.eb('--json and --markdown are exclusive');
    const loaderArg = (0,cli_args/* str */.gx)(args, 'loader');
    if (loaderArg !== undefined && !(0,loaders/* isLoaderName */.lG)(loaderArg))
        throw new errors/* UsageError */.eb(`--loader ${loaderArg}: expected one of ${loaders/* LOADERS */.Hm.join(', ')}`);
    const loader = loaderArg;
    if (loader !== undefined && (0,cli_args/* str */.gx)(args, 'base') === undefined)
        throw new errors/* UsageError */.eb('--loader needs --base');
    const reader = (0,read/* checkpointReader */.u)(args, io);
    const analyses = [];
    for (const path of files) {
        const ckpt = await reader.read(path);
        // Through the reader that read the LoRA: a URL's alphas are read over HTTP, a path's from the disk.
        const open = (file) => reader.open(file === ckpt.path ? path : file);
        const scalars = (0,cli_args/* flag */.Jt)(args, 'read-alpha') ? await (0,alpha/* readAlphaScalars */.q)(ckpt, open) : undefined;
        analyses.push((0,analyze/* analyzeLora */.hL)(ckpt, scalars ? { scalars } : {}));
    }
    const basePath = (0,cli_args/* str */.gx)(args, 'base');
    const resolutions = [];
    // Without --loader: every runtime profile, for the one-line `loads in:` summary.
    const profiles = [];
    if (basePath !== undefined) {
        const index = (0,base_index/* buildBaseIndex */.u)(await reader.read(basePath));
        for (const a of analyses) {
            const any = (0,lora_reasons/* wordResolution */.Te)((0,resolve/* resolveLora */.P)(a, index));
            if (loader !== undefined)
                resolutions.push((0,loaders/* applyLoader */.e_)(loader, a, any, index));
            else {
                resolutions.push(any);
                profiles.push((0,loaders/* applyRuntimeLoaders */.X4)(a, any, index));
            }
        }
    }
    const comparison = compare ? (0,lora_compare/* compareLoras */.z)(analyses[0], analyses[1]) : undefined;
    const pairNames = names && names.length === 2 ? { names: [names[0], names[1]] } : {};
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,key_exports/* renderLoraKeyExport */.i)(analyses, resolutions));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        const input = { tool: version/* TOOL */.j, analyses, resolutions };
        if (profiles.length > 0)
            input.loaders = profiles;
        if (names)
            input.names = names;
        if (basePath !== undefined)
            input.base = basePath;
        if (comparison)
            input.comparison = comparison;
        // No BigInt in this document (byte ranges are left out), so the plain serialiser, which is several times
        // faster on a 1,500-module report than a replacer.
        io.stdout(JSON.stringify((0,report/* buildLoraReport */.zJ)(input), null, 2) + '\n');
        return errors/* EXIT */.dc.ok;
    }
    const markdown = (0,cli_args/* flag */.Jt)(args, 'markdown');
    if (markdown) {
        if (comparison)
            io.stdout(loraComparisonMarkdown(comparison, pairNames));
        analyses.forEach((a, i) => {
            const title = names?.[i];
            // What loads on the base first (the answer), then what the LoRA is.
            const r = resolutions[i];
            if (r)
                io.stdout(loraResolutionMarkdown(r));
            const p = profiles[i];
            if (p)
                io.stdout(`${(0,loader_text/* loadsInLine */.dn)(p)}\n\n`);
            io.stdout(loraAnalysisMarkdown(a, title ? { title } : {}));
        });
        return errors/* EXIT */.dc.ok;
    }
    const width = (0,display/* outputWidth */.gp)(args, io);
    const c = (0,format/* colors */.Tj)(io.color);
    // One file is named by its path as given; several by what tells them apart (their paths head their details).
    const labels = names
        ? files.map((f, i) => names[i] ?? f)
        : files.length === 1
            ? [...files]
            : (0,format/* distinguishingLabels */.FY)(files);
    // The answers first: LoRA vs LoRA, else what loads on the base, else what each LoRA is.
    const answers = analyses.map((a, i) => {
        const r = resolutions[i];
        const p = profiles[i];
        const answer = (0,layout/* paragraph */.FY)(r ? resolutionAnswer(r, labels[i], c) : loraAnswer(a, labels[i], c), width, '', '  ');
        return p ? answer + (0,layout/* paragraph */.FY)((0,loader_text/* loadsInLine */.dn)(p), width, '  ', '    ') : answer;
    });
    if (comparison) {
        io.stdout(renderLoraComparison(comparison, { color: io.color, width, ...pairNames }));
    }
    else
        io.stdout(answers.join(''));
    const several = analyses.length > 1;
    analyses.forEach((a, i) => {
        io.stdout('\n');
        if (several || comparison)
            io.stdout((0,layout/* fileHeading */.dR)((0,util_text/* printable */.g)(labels[i]), (0,util_text/* printable */.g)(files[i]), width));
        if (comparison)
            io.stdout(answers[i]);
        const r = resolutions[i];
        if (r)
            io.stdout(renderLoraResolution(r, { color: io.color, width }) + '\n');
        io.stdout(renderLoraAnalysis(a, { color: io.color, width }));
        if (r && basePath !== undefined) {
            const steps = resolutionSteps(r, files[i], basePath, width);
            if (steps)
                io.stdout('\n' + steps);
        }
    });
    if (exportPath !== undefined)
        io.stdout(`\nkeys written to ${(0,util_text/* printable */.g)(exportPath)}\n`);
    return errors/* EXIT */.dc.ok;
}
const loraCommand = { spec: loraSpec, run: runLora };


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


/***/ }),

/***/ 7463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ renderCompareExport),
/* harmony export */   i: () => (/* binding */ renderLoraKeyExport)
/* harmony export */ });
/* harmony import */ var _lora_reasons_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6168);

/** Tab-separated: key, module path, role, shape, dtype, and the base target (or why it has none). */
function renderLoraKeyExport(analyses, resolutions) {
    let out = '';
    analyses.forEach((a, i) => {
        out += `# ${a.path}\n`;
        const byStem = new Map(resolutions[i]?.results.map((r) => [r.stem, r]) ?? []);
        for (const m of a.modules) {
            const r = byStem.get(m.stem);
            const target = r
                ? r.status === 'ok'
                    ? r.target.key
                    : `${r.status}: ${r.expected ?? (0,_lora_reasons_js__WEBPACK_IMPORTED_MODULE_0__/* .moduleReason */ .xk)(r) ?? ''}`
                : '';
            for (const t of m.tensors) {
                const role = t.index !== undefined ? `${t.role}.${t.index}` : t.role;
                out +=
                    [t.tensor.name, m.path, role, JSON.stringify(t.tensor.shape), t.tensor.dtype, target].join('\t') +
                        '\n';
            }
        }
        for (const k of a.unknownKeys)
            out += `${k}\t\tunknown\t\t\t\n`;
    });
    return out;
}
/** Both key lists (key, shape, dtype), then every mapping and unmatched key, one per line. */
function renderCompareExport(c, keyLists) {
    const lines = [keyLists.trimEnd(), '', `# mappings ${c.models.a.name} -> ${c.models.b.name}`];
    for (const m of c.mappings) {
        const amb = m.ambiguity ? `\tambiguous: ${m.ambiguity}` : '';
        lines.push(`${m.source.join(' + ')}\t->\t${m.target.join(' + ')}\t${m.kind}\t${m.confidence}\t${m.reason}${amb}`);
    }
    for (const side of ['a', 'b']) {
        lines.push('', `# unmatched in ${side.toUpperCase()} (${c.unmatched[side].length})`);
        for (const k of c.unmatched[side])
            lines.push(k);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 5587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Il: () => (/* binding */ renderSteps),
/* harmony export */   bY: () => (/* binding */ compareSteps),
/* harmony export */   sH: () => (/* binding */ loraSteps)
/* harmony export */ });
/* unused harmony exports shellQuote, stepsMarkdown, commandLines */
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1894);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);


/** A word as a POSIX shell reads it: bare when safe, else in single quotes. */
function shellQuote(word) {
    const w = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(word);
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
/** `NAME.converted.safetensors` next to the input: the output name the steps suggest. */
function convertedName(path) {
    const stem = path.replace(/\.safetensors$/i, '');
    return `${stem}.converted.safetensors`;
}
/** Steps after `compare A B`: A is the model LoRAs were made for, B the one they should load on. */
function compareSteps(x) {
    const mc = 'model-compat';
    const lora = 'LORA.safetensors';
    const check = {
        text: `Check a LoRA made for A against B, module by module:`,
        command: [mc, 'lora', lora, '--base', x.b]
    };
    if (x.tier === 'incompatible') {
        return [
            { text: 'Weights and LoRAs do not transfer between these models: use ones made for B.' },
            { ...check, text: 'To confirm for a given LoRA, resolve it against B:' }
        ];
    }
    const review = {
        text: x.unmatched > 0
            ? 'Review the proposed mapping and the keys left unmatched:'
            : 'Review the proposed mapping:',
        command: [
            mc,
            'compare',
            x.a,
            x.b,
            '--mapping',
            'mapping.json',
            ...(x.unmatched > 0 ? ['--export', 'keys.txt'] : [])
        ]
    };
    // The conversion to B's names: planned first, then written (a partial match leaves out what cannot convert).
    const convert = (...rest) => [
        mc,
        'convert',
        lora,
        '--base',
        x.b,
        '--to',
        'base',
        ...rest,
        ...(x.tier === 'partial' ? ['--drop-unmatched'] : [])
    ];
    const dryRun = {
        text: x.tier === 'partial'
            ? 'Plan the conversion of a LoRA; what cannot be converted exactly is listed with the reason:'
            : "Plan the conversion of a LoRA to B's key names:",
        command: convert('--dry-run')
    };
    const write = {
        text: 'Write the converted LoRA, then check it loads:',
        command: convert('-o', convertedName(lora))
    };
    if (x.basis === 'exact' && x.tier === 'compatible') {
        return [
            { ...check, text: 'LoRAs made for A should load on B as they are; check one, module by module:' },
            {
                text: 'Gate every LoRA in CI against B:',
                command: [mc, 'gate', '--baseline', x.b, 'loras/*.safetensors']
            }
        ];
    }
    return [review, dryRun, write, check];
}
/** Steps after `lora LORA --base BASE`, by what failed. */
function loraSteps(x) {
    const mc = 'model-compat';
    const steps = [];
    if (x.modules === 0)
        return steps;
    if (x.loadable === x.modules) {
        if (x.aliased > 0) {
            steps.push({
                text: "Loaders that do not know this LoRA's key names need a copy in the base's names; plan it:",
                command: [mc, 'convert', x.lora, '--base', x.base, '--to', 'base', '--dry-run']
            });
        }
        steps.push({
            text: 'Gate it in CI, so a later change cannot break it unnoticed:',
            command: [mc, 'gate', '--baseline', x.base, x.lora]
        });
        return steps;
    }
    if (x.unresolved > 0) {
        steps.push({
            text: 'Plan a conversion: modules in another naming or attention layout are converted exactly, the others are ' +
                'listed with the reason:',
            command: [mc, 'convert', x.lora, '--base', x.base, '--dry-run']
        });
    }
    if (x.shapeMismatch > 0) {
        steps.push({
            text: 'Modules with other shapes were trained for another model size or variant: no conversion fixes them; ' +
                'use a LoRA trained on this base.'
        });
    }
    steps.push({
        text: 'Every module with its base key and the reason it does not load:',
        command: [mc, 'lora', x.lora, '--base', x.base, '--export', 'modules.tsv']
    });
    return steps;
}
/**
 * The steps as console text: `  1. text` wrapped to the width, the command on the lines below, indented, wrapped
 * between arguments with ` \` continuations.
 */
function renderSteps(steps, width, heading = 'Next steps') {
    if (steps.length === 0)
        return '';
    let out = `${heading}\n`;
    steps.forEach((s, i) => {
        const first = `  ${i + 1}. `;
        out += (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .paragraph */ .FY)(s.text, width, first);
        if (s.command)
            out += commandLines(s.command.map(shellQuote), width, ' '.repeat(first.length + 2));
    });
    return out;
}
/** Steps as a Markdown ordered list, each command in a code span. */
function stepsMarkdown(steps) {
    return steps
        .map((s, i) => {
        // A backtick would end the code span early (escapes do not work inside one).
        const command = s.command ? ` \`${s.command.map(shellQuote).join(' ').replace(/`/g, "'")}\`` : '';
        return `${i + 1}. ${s.text}${command}`;
    })
        .join('\n');
}
/**
 * A command's words on as few lines as fit, broken between words with a `\` continuation. A word is never cut (the
 * command must paste whole): one too long for its line goes on a continuation line of its own, indented less.
 */
function commandLines(words, width, indent) {
    const lines = [];
    const more = `${indent}  `;
    let line = indent;
    for (const w of words) {
        const candidate = line === indent ? line + w : `${line} ${w}`;
        // Room for the " \" a continued line ends with.
        if (line !== indent && (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .displayWidth */ .F1)(candidate) + 2 > width) {
            lines.push(`${line} \\`);
            line = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .displayWidth */ .F1)(more + w) + 2 > width ? `  ${w}` : more + w;
        }
        else
            line = candidate;
    }
    lines.push(line);
    return lines.join('\n') + '\n';
}


/***/ })

};
;