"use strict";
exports.id = 834;
exports.ids = [834];
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

;// CONCATENATED MODULE: ./src/cli/alpha.ts
/**
 * Alpha values of a LoRA: the one place the CLI reads tensor *data*, and only when asked (`--read-alpha`, and
 * `convert`, which must keep alpha/rank exact). Which tensors are alphas is decided here; the bytes are read by
 * formats/tensor-data.ts through the `open` the LoRA itself was read with, so a LoRA given by URL has its alphas
 * read over HTTP too.
 */


const ALPHA = /\.alpha(?:_scale)?$/;
/**
 * Values of the scalar alpha / alpha_scale tensors of a safetensors LoRA. `open` opens a tensor's file. A file
 * with more alpha tensors than the limit (a hostile one could list millions) gets none read: the analysis then
 * falls back to the metadata's network_alpha, as without `--read-alpha`.
 */
async function readAlphaScalars(ckpt, open) {
    if (!dataInOwnFiles(ckpt))
        return new Map();
    const wanted = ckpt.tensors.filter((t) => ALPHA.test(t.name) && isReadableScalar(t));
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

/***/ 1834:
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
var resolve = __webpack_require__(9723);
// EXTERNAL MODULE: ./src/lora/report.ts
var report = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
;// CONCATENATED MODULE: ./src/report/lora-console.ts



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
        .map(([k, n]) => `${(0,util_text/* printable */.g)(k)} x${n}`)
        .join(sep);
}
function alphaLine(a) {
    const s = a.statistics;
    const parts = [];
    if (Object.keys(s.alpha.values).length > 0)
        parts.push(`alpha ${countList(s.alpha.values)}`);
    if (s.alpha.unread > 0)
        parts.push(`${s.alpha.unread} alpha tensor(s) stored, values not read (use --read-alpha to read them)`);
    if (s.alpha.missing > 0)
        parts.push(`${s.alpha.missing} module(s) without alpha: ${s.alpha.defaultRule}`);
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
function renderLoraAnalysis(a, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    const s = a.statistics;
    let out = opts.title ? `${c.bold(`== ${(0,util_text/* printable */.g)(opts.title)} ==`)}\n` : '';
    out += `${c.bold((0,util_text/* printable */.g)(a.path))}\n`;
    const rows = [
        ['conventions', a.mixed ? c.yellow(conventionLine(a)) : conventionLine(a)],
        ['targets', (0,lora_layers/* familyLabel */.B8)(a.family, a.width)],
        ['modules', `${s.modules} (denoiser ${s.components.denoiser}, text encoder ${s.components.textEncoder})`],
        ['algorithms', countList(s.algorithms) || '-'],
        ['parameters', `${(0,format/* formatCount */.B4)(s.params)} in ${s.tensors} tensors, ${(0,format/* formatBytes */.z3)(s.bytes)}`],
        ['dtypes', countList(s.dtypes)],
        [
            'rank',
            s.rank
                ? `min ${s.rank.min}, median ${s.rank.median}, max ${s.rank.max} (${s.rank.histogram.map((h) => `r${h.rank} x${h.modules}`).join(', ')})`
                : '-'
        ],
        ['alpha', alphaLine(a)]
    ];
    for (const [series, idx] of Object.entries(s.blocks))
        rows.push([`${series}`, `${compressRanges(idx)} (${idx.length} touched)`]);
    out += (0,format/* table */.tp)(rows);
    for (const e of a.conventions) {
        out += c.dim(`  ${e.convention}: ${(0,util_text/* printable */.g)(e.markers.join(', '))}; e.g. ${(0,util_text/* printable */.g)(e.examples[0] ?? '')}\n`);
    }
    const kinds = Object.entries(s.layerKinds).sort((x, y) => y[1] - x[1] || (0,order/* byCodeUnit */.X)(x[0], y[0]));
    if (kinds.length > 0)
        out += `\n${c.bold('layer kinds')}\n${(0,format/* table */.tp)(kinds.map(([k, n]) => [(0,util_text/* printable */.g)(k), String(n)]))}`;
    if (s.rankNotes.length > 0)
        out += `\n${c.bold('rank notes')}\n${s.rankNotes.map((n) => `  - ${(0,util_text/* printable */.g)(n)}\n`).join('')}`;
    const meta = Object.entries(a.metadata.summary);
    if (meta.length > 0)
        out += `\n${c.bold('training metadata')}\n${(0,format/* table */.tp)(meta.map(([k, v]) => [(0,util_text/* printable */.g)(k), (0,util_text/* printable */.g)(v)]))}`;
    if (a.warnings.length > 0) {
        out += `\n${c.yellow('warnings')}\n`;
        const { shown, omitted } = (0,format/* cutList */.f6)(a.warnings, max);
        for (const w of shown)
            out += `  - ${(0,util_text/* printable */.g)(w)}\n`;
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more\n`);
    }
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
/** The reason an alias resolution is shown: the table label, read from the LoRA's naming to the base's. */
function aliasNote(via) {
    return `resolved through ${(0,util_text/* printable */.g)(via)} (LoRA names -> base names)`;
}
/** One failing module as text (file names made printable). */
function moduleLine(r) {
    if (r.status === 'shape-mismatch' && r.target) {
        const slice = r.target.slice ? ` rows ${r.target.slice.offset}+${r.target.slice.size}` : '';
        return (0,util_text/* printable */.g)(`${r.stem} -> ${r.target.key} ${(0,format/* formatShape */.BB)(r.target.shape)}${slice}: ${r.expected ?? ''}`);
    }
    let line = `${r.stem}: ${r.reason ?? STATUS_LABELS[r.status]}`;
    const near = r.nearest?.[0];
    if (near)
        line += `; closest base key ${near.key} ${(0,format/* formatShape */.BB)(near.shape)}: ${near.why}`;
    return (0,util_text/* printable */.g)(line);
}
/** Failing modules, interleaved across causes so a short list shows an example of every cause first. */
function failingByCause(r) {
    const groups = new Map();
    for (const x of r.results) {
        if (x.status === 'ok')
            continue;
        const key = x.cause ?? x.status;
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
function renderLoraResolution(r, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    let out = `${c.bold('resolution against')} ${(0,util_text/* printable */.g)(r.base)} (${(0,lora_layers/* familyLabel */.B8)(r.baseFamily, r.baseWidth)})\n`;
    const pct = `${r.loadablePercent.toFixed(1)}%`;
    const paint = r.loadable === r.modules ? c.green : r.loadable === 0 ? c.red : c.yellow;
    out += (0,format/* table */.tp)([
        ['loadable', paint(`${r.loadable} / ${r.modules} modules (${pct})`)],
        [
            'by status',
            ['ok', 'shape-mismatch', 'unresolved', 'unsupported']
                .map((k) => `${STATUS_LABELS[k]} ${r.counts[k]}`)
                .join(', ')
        ]
    ]);
    if (r.causes.length > 0) {
        out += `\n${c.bold('likely causes')}\n${(0,format/* table */.tp)(r.causes.map((x) => [String(x.modules), (0,util_text/* printable */.g)(x.cause)]))}`;
    }
    const failing = failingByCause(r);
    if (failing.length > 0) {
        const { shown, omitted } = (0,format/* cutList */.f6)(failing, max);
        out += `\n${c.bold('modules that would not load')}\n`;
        out += (0,format/* table */.tp)(shown.map((f) => [statusText(f.status, c), moduleLine(f)]));
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more (see --json)\n`);
    }
    const sliced = r.results.filter((x) => x.status === 'ok' && x.target?.slice).length;
    const aliased = r.results.filter((x) => x.status === 'ok' && x.target && !['exact', 'underscore', 'underscore form'].includes(x.target.via));
    if (sliced > 0)
        out += c.dim(`  ${sliced} module(s) patch row slices of fused weights\n`);
    if (aliased.length > 0)
        out += c.dim(`  ${aliased.length} module(s) ${aliasNote(aliased[0].target.via)}\n`);
    return out;
}
/** `My LoRA (path)` when a display name was given, else the path. */
function sideName(path, name) {
    return (0,util_text/* printable */.g)(name !== undefined && name !== path ? `${name} (${path})` : path);
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
        parts.push(`${x.alpha.differingCount} of ${x.alpha.compared} common module(s) with known alpha differ`);
    for (const side of ['a', 'b']) {
        const n = x.alpha.unread[side];
        if (n > 0)
            parts.push(`alpha not read in ${side.toUpperCase()} (${n} module(s); use --read-alpha)`);
    }
    return parts.join('; ') || 'not known on either side';
}
function renderLoraComparison(x, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 20;
    let out = `${c.bold('LoRA vs LoRA')}\n  A: ${sideName(x.a, opts.names?.[0])}\n  B: ${sideName(x.b, opts.names?.[1])}\n`;
    const rank = (r) => (r ? `${r.min}..${r.max} (median ${r.median})` : '-');
    out += (0,format/* table */.tp)([
        [
            'conventions',
            `${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')}${x.conventions.same ? '' : c.yellow(' (differ)')}`
        ],
        [
            'family',
            `${familyName(x.family.a)} | ${familyName(x.family.b)}${x.family.same ? c.green(' (same)') : c.red(' (differ)')}`
        ],
        ['width', `${x.width.a ?? '?'} | ${x.width.b ?? '?'}`],
        [
            'targets',
            `${x.targets.common} common, ${x.targets.onlyACount} only in A, ${x.targets.onlyBCount} only in B`
        ],
        ['rank', `${rank(x.rank.a)} | ${rank(x.rank.b)}; ${x.rank.differingCount} common module(s) differ`],
        ['alpha', alphaComparison(x)]
    ]);
    const kinds = Object.entries(x.layerKinds.counts).map(([k, [a, b]]) => [k, String(a), String(b)]);
    if (kinds.length > 0)
        out += `\n${c.bold('layer kinds')} (A, B)\n${(0,format/* table */.tp)(kinds)}`;
    for (const [label, blocks] of [
        ['blocks only in A', x.blocks.onlyA],
        ['blocks only in B', x.blocks.onlyB]
    ]) {
        for (const [series, idx] of Object.entries(blocks))
            out += `  ${label}: ${series} ${compressRanges(idx)}\n`;
    }
    for (const [label, list, total] of [
        ['only in A', x.targets.onlyA, x.targets.onlyACount],
        ['only in B', x.targets.onlyB, x.targets.onlyBCount]
    ]) {
        if (list.length === 0)
            continue;
        const { shown } = (0,format/* cutList */.f6)(list, max);
        out += `\n${c.bold(`targets ${label}`)}\n${shown.map((p) => `  ${(0,util_text/* printable */.g)(p)}\n`).join('')}`;
        if (total > shown.length)
            out += c.dim(`  ... ${total - shown.length} more\n`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/lora-markdown.ts
/** Markdown rendering of a LoRA report (for job summaries and PR comments). Pure: data in, string out. */



/** File text as inline code: control characters made visible, backticks replaced so the span cannot end early. */
function code(s) {
    return `\`${(0,util_text/* printable */.g)(s).replace(/`/g, "'")}\``;
}
/** File text in a table cell or sentence. */
function lora_markdown_text(s) {
    return (0,format/* mdEscape */.Li)((0,util_text/* printable */.g)(s));
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
    const icon = r.loadable === r.modules ? '✅' : r.loadable === 0 ? '❌' : '⚠️';
    let out = heading(level + 1, `Resolution against ${code(r.base)}`);
    out += `${icon} **${r.loadable} / ${r.modules} modules loadable (${r.loadablePercent.toFixed(1)}%)**: `;
    out += `shape mismatch ${r.counts['shape-mismatch']}, unresolved ${r.counts.unresolved}, unsupported ${r.counts.unsupported}. `;
    out += `Base: ${(0,lora_layers/* familyLabel */.B8)(r.baseFamily, r.baseWidth)}.\n\n`;
    if (r.causes.length > 0) {
        out += '| Modules | Likely cause |\n|---:|---|\n';
        out += r.causes.map((x) => `| ${x.modules} | ${lora_markdown_text(x.cause)} |`).join('\n') + '\n\n';
    }
    const failing = failingByCause(r);
    if (failing.length > 0) {
        const { shown, omitted } = (0,format/* cutList */.f6)(failing, max);
        out += '<details><summary>Modules that would not load</summary>\n\n';
        out += '| Module | Status | Base key | Why |\n|---|---|---|---|\n';
        for (const f of shown) {
            const key = f.target
                ? `${code(f.target.key)} ${(0,format/* formatShape */.BB)(f.target.shape)}`
                : f.nearest?.[0]
                    ? `closest: ${code(f.nearest[0].key)}`
                    : '';
            const near = !f.target && f.nearest?.[0] ? `closest base key: ${f.nearest[0].why}` : undefined;
            const why = [f.expected, f.reason, near].filter(Boolean).join('; ');
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
    let out = heading(level, `LoRA vs LoRA: ${code(opts.names?.[0] ?? x.a)} vs ${code(opts.names?.[1] ?? x.b)}`);
    if (opts.names)
        out += `A: ${code(x.a)}, B: ${code(x.b)}\n\n`;
    const rank = (r) => (r ? `${r.min}..${r.max}` : '-');
    out += '| | A | B |\n|---|---|---|\n';
    out += `| Conventions | ${x.conventions.a.join(', ')} | ${x.conventions.b.join(', ')} |\n`;
    const family = (f) => (f === null ? '?' : (0,lora_layers/* familyDisplayName */.gK)(f));
    out += `| Family | ${family(x.family.a)} | ${family(x.family.b)} |\n`;
    out += `| Width | ${x.width.a ?? '?'} | ${x.width.b ?? '?'} |\n`;
    out += `| Rank | ${rank(x.rank.a)} | ${rank(x.rank.b)} |\n`;
    out += `| Targets only here | ${x.targets.onlyACount} | ${x.targets.onlyBCount} |\n`;
    for (const [k, [a, b]] of Object.entries(x.layerKinds.counts))
        out += `| ${lora_markdown_text(k)} | ${a} | ${b} |\n`;
    out += `\n${x.targets.common} common target modules; ${x.rank.differingCount} differ in rank. Alpha: ${alphaComparison(x)}. `;
    out += x.family.same ? 'Same base family.\n' : '**Different base families.**\n';
    return out + '\n';
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/formats/write-file.ts
var write_file = __webpack_require__(6662);
// EXTERNAL MODULE: ./src/report/key-exports.ts
var key_exports = __webpack_require__(7463);
;// CONCATENATED MODULE: ./src/cli/commands/lora.ts
/**
 * `model-compat lora FILE... [--base BASE] [--compare] [--names N...] [--json] [--markdown] [--export keys.txt]
 * [--read-alpha]`: explain LoRA files, resolve them against a base, compare two.
 */




// Straight from the modules, not lora/index.js: its sync resolveLora pulls in the compare mapper, which
// resolveLoraLazily loads only when a LoRA needs it.











const loraSpec = {
    name: 'lora',
    summary: 'Explain LoRA files (conventions, ranks, alpha, coverage), resolve them against a base, compare two.',
    usage: 'FILE... [--base BASE] [--compare] [--names NAME...] [--json | --markdown] [--export keys.txt] [--read-alpha]',
    minPositionals: 1,
    options: {
        base: {
            kind: 'string',
            help: 'resolve every module against this base (checkpoint, folder or manifest)',
            value: 'BASE'
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
        ...read/* REMOTE_OPTIONS */.Q
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
    if (basePath !== undefined) {
        const index = (0,base_index/* buildBaseIndex */.u)(await reader.read(basePath));
        for (const a of analyses)
            resolutions.push(await (0,resolve/* resolveLoraLazily */.GB)(a, index));
    }
    const comparison = compare ? (0,lora_compare/* compareLoras */.z)(analyses[0], analyses[1]) : undefined;
    const pairNames = names && names.length === 2 ? { names: [names[0], names[1]] } : {};
    const exportPath = (0,cli_args/* str */.gx)(args, 'export');
    if (exportPath !== undefined)
        await (0,write_file/* writeFileAtomic */.Z)(exportPath, (0,key_exports/* renderLoraKeyExport */.i)(analyses, resolutions));
    if ((0,cli_args/* flag */.Jt)(args, 'json')) {
        const input = { tool: version/* TOOL */.j, analyses, resolutions };
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
    analyses.forEach((a, i) => {
        const title = names?.[i];
        if (markdown) {
            io.stdout(loraAnalysisMarkdown(a, title ? { title } : {}));
            const r = resolutions[i];
            if (r)
                io.stdout(loraResolutionMarkdown(r));
            return;
        }
        if (i > 0)
            io.stdout('\n');
        io.stdout(renderLoraAnalysis(a, title ? { color: io.color, title } : { color: io.color }));
        const r = resolutions[i];
        if (r)
            io.stdout('\n' + renderLoraResolution(r, { color: io.color }));
    });
    if (comparison)
        io.stdout(markdown
            ? loraComparisonMarkdown(comparison, pairNames)
            : '\n' + renderLoraComparison(comparison, { color: io.color, ...pairNames }));
    if (exportPath !== undefined && !markdown)
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

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ summarizeAnalysis),
/* harmony export */   zJ: () => (/* binding */ buildLoraReport)
/* harmony export */ });
/* unused harmony export summarizeModule */
function summarizeModule(m) {
    const s = {
        stem: m.stem,
        path: m.path,
        naming: m.naming,
        algorithm: m.algorithm,
        component: m.component,
        textEncoder: m.textEncoder,
        layerKind: m.layerKind,
        rank: m.rank,
        storedRank: m.storedRank,
        splitCount: m.splitCount,
        hasAlpha: m.hasAlpha,
        alpha: m.alpha,
        scale: m.scale,
        scaleSource: m.scaleSource,
        params: m.params,
        bytes: m.bytes,
        shapes: Object.fromEntries(m.tensors.map((t) => [t.index !== undefined ? `${t.role}.${t.index}` : t.role, [...t.tensor.shape]])),
        dtype: [...new Set(m.tensors.map((t) => t.tensor.dtype))].sort().join('+'),
        issues: [...m.issues]
    };
    if (m.block)
        s.block = { ...m.block };
    if (m.adapterName)
        s.adapterName = m.adapterName;
    return s;
}
/** The analysis as JSON data; `withModules` adds every module (about 500 bytes each). */
function summarizeAnalysis(a, withModules = true) {
    const { modules, ...rest } = a;
    return withModules ? { ...rest, modules: modules.map(summarizeModule) } : rest;
}
function buildLoraReport(input) {
    const doc = {
        schemaVersion: 1,
        tool: { ...input.tool },
        kind: 'lora-report',
        loras: input.analyses.map((a, i) => {
            const entry = {
                name: input.names?.[i] ?? a.path,
                analysis: summarizeAnalysis(a, input.withModules ?? true)
            };
            const r = input.resolutions?.[i];
            if (r)
                entry.resolution = r;
            return entry;
        })
    };
    if (input.base !== undefined)
        doc.base = input.base;
    if (input.comparison)
        doc.comparison = input.comparison;
    return doc;
}


/***/ }),

/***/ 7463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ renderCompareExport),
/* harmony export */   i: () => (/* binding */ renderLoraKeyExport)
/* harmony export */ });
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
                    : `${r.status}: ${r.expected ?? r.reason ?? ''}`
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


/***/ })

};
;