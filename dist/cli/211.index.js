"use strict";
exports.id = 211;
exports.ids = [211];
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

/***/ 7211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  convertCommand: () => (/* binding */ convertCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/lora/index.ts
var src_lora = __webpack_require__(1188);
// EXTERNAL MODULE: ./src/lora/reasons.ts
var reasons = __webpack_require__(5121);
;// CONCATENATED MODULE: ./src/convert/factor.ts
/** Why a module cannot become a Factor, or null. */
function factorProblem(m) {
    if (m.algorithm !== 'lora')
        return { kind: 'not-lora', algorithm: m.algorithm };
    const extra = [
        ...new Set(m.tensors
            .map((t) => t.role)
            .filter((r) => r !== 'down' && r !== 'up' && r !== 'up-block' && r !== 'alpha' && r !== 'alpha-scale'))
    ];
    if (extra.length > 0)
        return { kind: 'extra-tensors', roles: extra };
    if (m.issues.length > 0)
        return { kind: 'inconsistent', issues: [...m.issues] };
    if (m.scale === null || !Number.isFinite(m.scale))
        return m.scaleSource === 'alpha-unread' ? { kind: 'alpha-unread' } : { kind: 'no-scale' };
    const down = m.tensors.find((t) => t.role === 'down')?.tensor;
    if (!down?.byteRange)
        return { kind: 'no-byte-range', tensor: down?.name ?? 'down' };
    for (const t of m.tensors)
        if (!t.tensor.byteRange)
            return { kind: 'no-byte-range', tensor: t.tensor.name };
    return null;
}
/** The factor of a module (call `factorProblem` first). */
function moduleFactor(m) {
    const down = m.tensors.find((t) => t.role === 'down').tensor;
    const up = m.tensors.find((t) => t.role === 'up')?.tensor;
    const blocks = m.tensors
        .filter((t) => t.role === 'up-block')
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((t) => t.tensor);
    const rank = down.shape[0];
    const upWidth = new Map();
    const placed = [];
    let out = 0;
    if (up) {
        out = up.shape[0];
        upWidth.set(up.name, rank);
        placed.push({ key: up.name, start: 0, end: out, row: 0, col: 0 });
    }
    else {
        // LongCat LoRAUPParallel: block j maps rank chunk j to output chunk j (block-diagonal).
        const r = rank / blocks.length;
        blocks.forEach((b, j) => {
            const rows = b.shape[0];
            upWidth.set(b.name, r);
            placed.push({ key: b.name, start: 0, end: rows, row: out, col: j * r });
            out += rows;
        });
    }
    return {
        out,
        inShape: down.shape.slice(1),
        rank,
        upTrail: (up ?? blocks[0]).shape.slice(2),
        down: [{ key: down.name, start: 0, end: rank }],
        up: placed,
        upWidth,
        downDtype: down.dtype,
        upDtype: (up ?? blocks[0]).dtype,
        scale: m.scale
    };
}
/** Rows [a, b) of a row-concatenation of pieces. */
function sliceRows(pieces, a, b) {
    const out = [];
    let at = 0;
    for (const p of pieces) {
        const n = p.end - p.start;
        const lo = Math.max(a, at);
        const hi = Math.min(b, at + n);
        if (lo < hi)
            out.push({ key: p.key, start: p.start + (lo - at), end: p.start + (hi - at) });
        at += n;
    }
    return out;
}
/** Output rows [a, b) of the module, with the rank reduced to the columns those rows use. */
function rowSlice(f, a, b) {
    const up = [];
    for (const blk of f.up) {
        const rows = blk.end - blk.start;
        const lo = Math.max(a, blk.row);
        const hi = Math.min(b, blk.row + rows);
        if (lo >= hi)
            continue;
        up.push({
            key: blk.key,
            start: blk.start + (lo - blk.row),
            end: blk.start + (hi - blk.row),
            row: lo - a,
            col: blk.col
        });
    }
    // Columns the kept blocks use; when they form one interval, the other columns of U are zero for these rows.
    let c0 = f.rank;
    let c1 = 0;
    for (const blk of up) {
        c0 = Math.min(c0, blk.col);
        c1 = Math.max(c1, blk.col + f.upWidth.get(blk.key));
    }
    const spans = up
        .map((blk) => [blk.col, blk.col + f.upWidth.get(blk.key)])
        .sort((x, y) => x[0] - y[0]);
    let contiguous = true;
    let reach = c0;
    for (const [s, e] of spans) {
        if (s > reach)
            contiguous = false;
        reach = Math.max(reach, e);
    }
    if (up.length === 0 || !contiguous) {
        c0 = 0;
        c1 = f.rank;
    }
    return {
        ...f,
        out: b - a,
        rank: c1 - c0,
        down: sliceRows(f.down, c0, c1),
        up: up.map((blk) => ({ ...blk, col: blk.col - c0 }))
    };
}
/**
 * The same rows in another chunk order: chunk i of the result is chunk `order[i]` of `f` (equal chunks). Only the
 * placement of U's blocks changes; D is untouched.
 */
function reorderRows(f, order) {
    const size = f.out / order.length;
    const up = [];
    order.forEach((from, i) => {
        for (const blk of f.up) {
            const lo = Math.max(from * size, blk.row);
            const hi = Math.min((from + 1) * size, blk.row + (blk.end - blk.start));
            if (lo >= hi)
                continue;
            up.push({
                key: blk.key,
                start: blk.start + (lo - blk.row),
                end: blk.start + (hi - blk.row),
                row: i * size + (lo - from * size),
                col: blk.col
            });
        }
    });
    return { ...f, up };
}
/** Parts placed at row offsets of a fused weight with `out` rows: D stacked, U block-diagonal. */
function stackFactors(parts, out) {
    const first = parts[0].factor;
    const down = [];
    const up = [];
    const upWidth = new Map();
    let col = 0;
    for (const { factor, row } of parts) {
        down.push(...factor.down);
        for (const blk of factor.up)
            up.push({ ...blk, row: blk.row + row, col: blk.col + col });
        for (const [k, w] of factor.upWidth)
            upWidth.set(k, w);
        col += factor.rank;
    }
    return { ...first, out, rank: col, down, up, upWidth };
}
/** The recipe of U: plain row copies when every block spans all columns and the blocks tile the rows in order. */
function upRecipe(f) {
    const sorted = [...f.up].sort((x, y) => x.row - y.row);
    let row = 0;
    let dense = true;
    for (const blk of sorted) {
        if (blk.row !== row || blk.col !== 0 || f.upWidth.get(blk.key) !== f.rank)
            dense = false;
        row += blk.end - blk.start;
    }
    if (dense && row === f.out) {
        return { kind: 'rows', pieces: sorted.map((b) => ({ key: b.key, start: b.start, end: b.end })) };
    }
    return { kind: 'blocks', blocks: sorted };
}
function downRecipe(f) {
    return { kind: 'rows', pieces: f.down.map((p) => ({ ...p })) };
}

// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
// EXTERNAL MODULE: ./src/names/families.ts + 3 modules
var families = __webpack_require__(9444);
// EXTERNAL MODULE: ./src/names/prefixes.ts
var prefixes = __webpack_require__(9334);
;// CONCATENATED MODULE: ./src/convert/naming.ts



/** Why a module of this component cannot be named in the convention, or null. */
function namingProblem(to, space) {
    if (space.kind === 'denoiser')
        return null;
    if (to === 'kohya' || to === 'diffusers')
        return null;
    return { kind: 'no-naming', to };
}
function denoiserPrefix(to, space, family) {
    switch (to) {
        // Each convention's prefix from the one list the readers use, so what convert writes reads back as written.
        case 'kohya':
            return adapters/* PREFIX */.H3.kohyaUnet;
        case 'comfyui':
            return adapters/* PREFIX */.H3.comfyDenoiser;
        case 'peft':
            return adapters/* PREFIX */.H3.peft;
        case 'diffusers': {
            // A diffusers component folder the base was read from keeps its name (`transformer_2.` of Wan2.2 A14B).
            if (prefixes/* DIFFUSERS_DENOISER_PREFIX */.vN.test(space.prefix))
                return space.prefix;
            return (0,families/* isUnetFamily */.JT)(family) ? adapters/* PREFIX */.H3.diffusersUnet : adapters/* PREFIX */.H3.diffusersTransformer;
        }
        case 'base':
            return space.prefix;
    }
}
/** Names of one output module for base module `path` in `space`. */
function targetNames(to, space, path, opts) {
    let stem;
    if (space.kind === 'text-encoder') {
        // The conventions' numbered patterns (`lora_te{n}_`, `text_encoder_{n}.`), not the list: a base can have more
        // text encoders than ADAPTER_PREFIXES names (it stops at 3).
        if (to === 'kohya') {
            const n = opts.textEncoders > 1 ? String(space.textEncoder) : '';
            stem = `lora_te${n}_${(0,adapters/* kohyaForm */.PP)(path)}`;
        }
        else
            stem = `${space.textEncoder > 1 ? `text_encoder_${space.textEncoder}` : 'text_encoder'}.${path}`;
    }
    else {
        const prefix = denoiserPrefix(to, space, opts.family);
        stem = to === 'kohya' ? prefix + (0,adapters/* kohyaForm */.PP)(path) : prefix + path;
    }
    const pair = to === 'peft' || to === 'diffusers' || to === 'base' ? adapters/* LORA_PAIR */.GD.peft : adapters/* LORA_PAIR */.GD.kohya;
    return {
        stem,
        down: stem + pair.down,
        up: stem + pair.up,
        alpha: stem + adapters/* SUFFIX */.Er.alpha,
        alphaRequired: to !== 'peft' && to !== 'diffusers'
    };
}

;// CONCATENATED MODULE: ./src/convert/reasons.ts
function convertCauseOf(r) {
    if (r.kind === 'not-loadable' && r.cause)
        return { kind: 'resolution', cause: r.cause };
    return { kind: 'refusal', refusal: r };
}

// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
// EXTERNAL MODULE: ./src/formats/dtypes.ts
var dtypes = __webpack_require__(3627);
// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(2009);
;// CONCATENATED MODULE: ./src/convert/plan.ts







/** Largest block-diagonal up matrix built in memory (1 GiB; a real fused qkv up at rank 3 x 128 is ~10 MB). */
const MAX_BLOCK_MATRIX_BYTES = 1 << 30;
function locate(index) {
    const byKey = new Map();
    for (const space of [index.denoiser, ...index.textEncoders.values()]) {
        for (const entry of space.entries)
            byKey.set(entry.key, { entry, space });
    }
    return byKey;
}
function refusalOf(r) {
    if (!r)
        return { kind: 'not-loadable', status: 'unresolved' };
    const out = { kind: 'not-loadable', status: r.status };
    if (r.why)
        out.why = r.why;
    if (r.expected)
        out.expected = r.expected;
    if (r.causeWhy)
        out.cause = r.causeWhy;
    return out;
}
function bytesOf(t) {
    return ((0,numel/* numel */.u)(t.shape) * (dtypes/* SAFETENSORS_DTYPE_BITS */.Iu[t.dtype] ?? 0)) / 8;
}
/**
 * Contributions of one module, or why it has none: exactly the resolution's targets (a rename, a fuse into rows of
 * a fused base weight, a split of the module's rows onto several weights, a reorder of its chunks). A module the
 * resolution does not call `ok` is refused with the resolution's own reason.
 */
function contributionsOf(m, r, byKey, to) {
    if (r?.status !== 'ok' || !r.target)
        return refusalOf(r);
    const problem = factorProblem(m);
    if (problem)
        return problem;
    const factor = moduleFactor(m);
    const weights = (r.targets ?? [r.target]).filter((t) => t.tensor !== 'bias');
    if (r.link?.ambiguity)
        return { kind: 'order-unknown', key: r.target.key, ambiguity: r.link.ambiguity };
    const out = [];
    for (const t of weights) {
        const located = byKey.get(t.key);
        if (!located)
            return { kind: 'not-a-base-weight', key: t.key };
        const naming = namingProblem(to, located.space);
        if (naming)
            return naming;
    }
    if (weights.length === 1 && !weights[0].rows) {
        const t = weights[0];
        let f = factor;
        if (r.link?.kind === 'reorder' && r.link.order) {
            if (factor.inShape.length !== 1 || factor.upTrail.length > 0)
                return { kind: 'reorder-conv', key: t.key };
            f = reorderRows(factor, r.link.order);
        }
        const c = {
            stem: m.stem,
            baseKey: t.key,
            factor: f,
            row: t.slice?.offset ?? 0,
            fromSplit: false
        };
        if (f !== factor)
            c.reordered = true;
        out.push(c);
        return out;
    }
    if (factor.inShape.length !== 1)
        return { kind: 'split-conv' };
    for (const t of weights) {
        const rows = t.rows ?? { start: 0, end: factor.out };
        out.push({
            stem: m.stem,
            baseKey: t.key,
            factor: rowSlice(factor, rows.start, rows.end),
            row: t.slice?.offset ?? 0,
            fromSplit: true,
            rows: { start: rows.start, end: rows.end }
        });
    }
    return out;
}
function transformOf(parts, entry) {
    const split = parts.some((p) => p.fromSplit);
    const whole = parts.length === 1 && parts[0].row === 0 && parts[0].factor.out === entry.shape[0];
    if (whole)
        return split ? 'split' : parts[0].reordered ? 'reorder' : 'rename';
    return split ? 'split+stack' : 'stack';
}
/** Why the parts landing on one base weight cannot be written as one module, or null. */
function groupProblem(parts, entry) {
    if (parts.length === 1 && parts[0].row === 0 && parts[0].factor.out === entry.shape[0])
        return null;
    const f0 = parts[0].factor;
    for (const p of parts) {
        if (p.factor.inShape.length !== 1 || p.factor.upTrail.length > 0)
            return { kind: 'stack-conv', key: entry.key };
        if (p.factor.scale !== f0.scale)
            return { kind: 'scales-differ', key: entry.key, scales: [...new Set(parts.map((q) => q.factor.scale))] };
        if (p.factor.downDtype !== f0.downDtype || p.factor.upDtype !== f0.upDtype)
            return { kind: 'dtypes-differ', key: entry.key };
    }
    const rank = parts.reduce((n, p) => n + p.factor.rank, 0);
    const upBytes = entry.shape[0] * rank * ((dtypes/* SAFETENSORS_DTYPE_BITS */.Iu[f0.upDtype] ?? 0) / 8);
    // The block-diagonal up is built in memory: bound it (a hostile base header can claim any row count).
    if (upBytes > MAX_BLOCK_MATRIX_BYTES)
        return { kind: 'too-large', key: entry.key, bytes: upBytes, limit: MAX_BLOCK_MATRIX_BYTES };
    for (const p of parts) {
        if (p.row + p.factor.out > entry.shape[0])
            return {
                kind: 'rows-outside',
                key: entry.key,
                shape: [...entry.shape],
                start: p.row,
                end: p.row + p.factor.out
            };
    }
    return null;
}
/** True when two parts patch some of the same rows: each keeps its own rank columns, so their deltas add. */
function overlapping(parts) {
    const sorted = [...parts].sort((a, b) => a.row - b.row);
    for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        if (sorted[i].row < prev.row + prev.factor.out)
            return true;
    }
    return false;
}
function emptyCounts() {
    return { rename: 0, stack: 0, split: 0, 'split+stack': 0, reorder: 0 };
}
/** Plan the conversion of an analysed, resolved LoRA onto `index` (the base it was resolved against). */
function planConversion(analysis, resolution, index, opts) {
    const byKey = locate(index);
    const results = new Map(resolution.results.map((r) => [r.stem, r]));
    const refusals = new Map();
    const groups = new Map();
    for (const m of analysis.modules) {
        const c = contributionsOf(m, results.get(m.stem), byKey, opts.to);
        if (!Array.isArray(c)) {
            refusals.set(m.stem, c);
            continue;
        }
        for (const part of c) {
            const list = groups.get(part.baseKey) ?? [];
            list.push(part);
            groups.set(part.baseKey, list);
        }
    }
    // A refused group refuses every module in it, and a refused module leaves every group it had a part in (a split
    // kept in part would be inexact): repeat until nothing changes.
    let changed = true;
    while (changed) {
        changed = false;
        for (const [key, parts] of groups) {
            const live = parts.filter((p) => !refusals.has(p.stem));
            if (live.length === 0) {
                groups.delete(key);
                continue;
            }
            if (live.length !== parts.length) {
                groups.set(key, live);
                changed = true;
            }
            const problem = groupProblem(live, byKey.get(key).entry);
            if (problem) {
                for (const p of live)
                    if (!refusals.has(p.stem))
                        refusals.set(p.stem, problem);
                groups.delete(key);
                changed = true;
            }
        }
    }
    const modules = [];
    let summed = 0;
    const counts = emptyCounts();
    let dataBytes = 0;
    const textEncoders = index.textEncoders.size;
    for (const [key, parts] of groups) {
        const { entry, space } = byKey.get(key);
        const transform = transformOf(parts, entry);
        if (overlapping(parts))
            summed++;
        const sorted = [...parts].sort((a, b) => a.row - b.row);
        const factor = transform === 'rename' || transform === 'split' || transform === 'reorder'
            ? sorted[0].factor
            : stackFactors(sorted.map((p) => ({ factor: p.factor, row: p.row })), entry.shape[0]);
        const names = targetNames(opts.to, space, entry.path, { family: index.family, textEncoders });
        const alpha = names.alphaRequired || factor.scale !== 1 ? factor.scale * factor.rank : null;
        const tensors = [
            {
                key: names.down,
                dtype: factor.downDtype,
                shape: [factor.rank, ...factor.inShape],
                recipe: downRecipe(factor)
            },
            {
                key: names.up,
                dtype: factor.upDtype,
                shape: [factor.out, factor.rank, ...factor.upTrail],
                recipe: upRecipe(factor)
            }
        ];
        if (alpha !== null)
            tensors.push({ key: names.alpha, dtype: 'F32', shape: [], recipe: { kind: 'scalar', value: alpha } });
        for (const t of tensors)
            dataBytes += bytesOf(t);
        const sources = sorted.map((p) => {
            const s = { stem: p.stem };
            if (p.rows)
                s.rows = p.rows;
            if (transform === 'stack' || transform === 'split+stack')
                s.at = { start: p.row, end: p.row + p.factor.out };
            return s;
        });
        counts[transform]++;
        modules.push({
            stem: names.stem,
            baseKey: key,
            transform,
            sources,
            rank: factor.rank,
            scale: factor.scale,
            alpha,
            tensors
        });
    }
    const refused = analysis.modules
        .filter((m) => refusals.has(m.stem))
        .map((m) => ({ stem: m.stem, why: refusals.get(m.stem) }));
    const drop = opts.dropUnmatched === true;
    // The resolution's file-level cause where it has one (block counts, widths), else the refusal itself.
    const causeCounts = new Map();
    for (const r of refused) {
        const why = convertCauseOf(r.why);
        const key = why.kind === 'resolution' ? (0,reasons/* causeKey */.r)(why.cause) : JSON.stringify(why.refusal);
        const c = causeCounts.get(key);
        if (c)
            c.modules++;
        else
            causeCounts.set(key, { why, modules: 1 });
    }
    const causes = [...causeCounts.entries()]
        .sort((a, b) => b[1].modules - a[1].modules || (0,order/* byCodeUnit */.X)(a[0], b[0]))
        .map(([, c]) => ({ why: c.why, modules: c.modules }));
    const notes = [];
    if ((opts.to === 'peft' || opts.to === 'diffusers') && modules.some((m) => m.alpha !== null)) {
        notes.push(`${opts.to} files carry no alpha by convention (scale 1): modules whose scale is not 1 keep it in a .alpha tensor, which ComfyUI and kohya-style loaders read and PEFT ignores`);
    }
    if (summed > 0)
        notes.push(`${summed} output module(s) merge LoRA modules that patch the same rows (e.g. one module in two conventions): their deltas add, as loaders that apply both do`);
    if (modules.some((m) => m.transform !== 'rename'))
        notes.push('layout changes change ranks: each module is written with alpha = its scale x its written rank, so alpha / rank is unchanged');
    return {
        lora: analysis.path,
        base: index.path,
        to: opts.to,
        ok: refused.length === 0 && analysis.unknownKeys.length === 0
            ? modules.length > 0
            : drop && modules.length > 0,
        dropUnmatched: drop,
        modules,
        refused: drop ? [] : refused,
        dropped: drop ? refused : [],
        causes,
        unknownKeys: [...analysis.unknownKeys],
        counts,
        dataBytes,
        notes
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/formats/safetensors/write.ts
/**
 * A safetensors writer for fixtures, tests and examples. It writes the layout of docs/reference/formats.md §1.1: an 8-byte
 * little-endian header length, the JSON header padded with spaces to a multiple of 8 (as the reference writer
 * does), then the data buffer. By default the data is left sparse (the file is extended with `truncate`), so a
 * 28.6 GB Wan-shaped checkpoint costs a few KB of disk while every reader sees its full apparent size.
 *
 * Tensors are written in the order given (the reference writer sorts by dtype then name; we keep the caller's
 * order so fixtures are predictable). Everything here is for *valid* files: it throws on inputs the reader would
 * reject. Bad files are built byte by byte in fixtures/safetensors.ts.
 */



/** Bytes a tensor occupies (BigInt: shapes of big models pass 2^32 elements, and sums pass 2^53 bits). */
function tensorByteSize(spec) {
    if (!(0,dtypes/* isSafetensorsDtype */.AK)(spec.dtype))
        throw new Error(`unknown safetensors dtype ${spec.dtype} for ${spec.name}`);
    let numel = 1n;
    for (const d of spec.shape) {
        if (!Number.isSafeInteger(d) || d < 0)
            throw new Error(`bad dimension ${d} in ${spec.name}`);
        numel *= BigInt(d);
    }
    const bits = numel * BigInt(dtypes/* SAFETENSORS_DTYPE_BITS */.Iu[spec.dtype]);
    if (bits % 8n !== 0n)
        throw new Error(`${spec.name}: ${numel} elements of ${spec.dtype} are not whole bytes`);
    return bits / 8n;
}
/**
 * Build the header for `tensors` (names must be unique; `__metadata__` is reserved). The JSON is built by hand so
 * that key order is exactly the tensor order and a key like `__proto__` is written like any other.
 */
function encodeSafetensorsHeader(tensors, metadata) {
    const parts = [];
    if (metadata !== undefined) {
        const entries = Object.keys(metadata).map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`);
        parts.push(`"__metadata__":{${entries.join(',')}}`);
    }
    const seen = new Set();
    const offsets = [];
    let cursor = 0n;
    for (const t of tensors) {
        if (t.name === '__metadata__')
            throw new Error('__metadata__ is not a valid tensor name');
        if (seen.has(t.name))
            throw new Error(`duplicate tensor name ${t.name}`);
        seen.add(t.name);
        const size = tensorByteSize(t);
        const begin = cursor;
        cursor += size;
        offsets.push({ name: t.name, begin, end: cursor });
        parts.push(`${JSON.stringify(t.name)}:{"dtype":${JSON.stringify(t.dtype)},"shape":[${t.shape.join(',')}],` +
            `"data_offsets":[${begin},${cursor}]}`);
    }
    const json = new TextEncoder().encode(`{${parts.join(',')}}`);
    const headerLength = Math.ceil(json.length / 8) * 8;
    const header = new Uint8Array(8 + headerLength).fill(0x20, 8 + json.length);
    new DataView(header.buffer).setBigUint64(0, BigInt(headerLength), true);
    header.set(json, 8);
    return { header, headerLength, offsets, dataBytes: cursor };
}
const ZERO_CHUNK = (/* unused pure expression or super */ null && (1 << 20));
function fileSizeOf(enc) {
    const total = BigInt(enc.header.length) + enc.dataBytes;
    if (total > BigInt(Number.MAX_SAFE_INTEGER))
        throw new Error('file too large');
    return Number(total);
}
function tensorBytes(data, o) {
    const bytes = data(o.name);
    if (BigInt(bytes.length) !== o.end - o.begin) {
        throw new Error(`data for ${o.name} is ${bytes.length} bytes; the tensor needs ${o.end - o.begin}`);
    }
    return bytes;
}
/** Write a valid safetensors file (sparse by default). Overwrites `path`. */
async function writeSafetensors(path, tensors, opts = {}) {
    const enc = encodeSafetensorsHeader(tensors, opts.metadata);
    const fileSize = fileSizeOf(enc);
    const data = opts.data ?? 'sparse';
    const fh = await open(path, 'w');
    try {
        await fh.write(enc.header, 0, enc.header.length, 0);
        let pos = enc.header.length;
        if (data === 'zeros') {
            const zeros = new Uint8Array(Math.min(ZERO_CHUNK, Math.max(1, fileSize - pos)));
            while (pos < fileSize) {
                const n = Math.min(zeros.length, fileSize - pos);
                await fh.write(zeros, 0, n, pos);
                pos += n;
            }
        }
        else if (typeof data === 'function') {
            for (const o of enc.offsets) {
                const bytes = tensorBytes(data, o);
                if (bytes.length > 0)
                    await fh.write(bytes, 0, bytes.length, pos);
                pos += bytes.length;
            }
        }
        await fh.truncate(fileSize);
    }
    finally {
        await fh.close();
    }
    return { ...enc, path, fileSize };
}
/** Synchronous twin of `writeSafetensors`, for fixture generators that run outside async code. */
function writeSafetensorsSync(path, tensors, opts = {}) {
    const enc = encodeSafetensorsHeader(tensors, opts.metadata);
    const fileSize = fileSizeOf(enc);
    const data = opts.data ?? 'sparse';
    const fd = openSync(path, 'w');
    try {
        writeSync(fd, enc.header, 0, enc.header.length, 0);
        let pos = enc.header.length;
        if (data === 'zeros') {
            const zeros = new Uint8Array(Math.min(ZERO_CHUNK, Math.max(1, fileSize - pos)));
            while (pos < fileSize) {
                const n = Math.min(zeros.length, fileSize - pos);
                writeSync(fd, zeros, 0, n, pos);
                pos += n;
            }
        }
        else if (typeof data === 'function') {
            for (const o of enc.offsets) {
                const bytes = tensorBytes(data, o);
                if (bytes.length > 0)
                    writeSync(fd, bytes, 0, bytes.length, pos);
                pos += bytes.length;
            }
        }
        ftruncateSync(fd, fileSize);
    }
    finally {
        closeSync(fd);
    }
    return { ...enc, path, fileSize };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/convert/source-pass.ts
/**
 * A conversion's one pass over its source file: every byte is read once, in file order, goes into the source's
 * SHA-256, and the parts the output keeps unchanged are written to their output positions straight from the read
 * buffer. The output is written with positional writes, so the copies can follow the source's order whatever the
 * output's order is.
 *
 * Why not `copy_file_range`: Node exposes it only inside `fs.copyFile` (whole file to whole file, offset 0 to 0),
 * and the output's header differs in length from the source's, so no output byte sits at its source offset. The
 * pass does what a user-space copy must (read, write), once, and hashes on a worker thread for big files so the
 * hash (about as slow as the copy) runs beside it on the other core.
 */




const CHUNK = 8 << 20;
/** Buffers in flight between the copy and the hashing worker. */
const BUFFERS = 4;
/** Below this size the hash runs inline: a worker costs tens of milliseconds to start. */
const WORKER_HASH_BYTES = 64 << 20;
/** Sorted by source offset, with copies that continue each other on both sides merged into one. */
function mergeCopies(ops) {
    const sorted = ops.filter((o) => o.length > 0).sort((a, b) => a.from - b.from || a.to - b.to);
    const out = [];
    for (const op of sorted) {
        const last = out[out.length - 1];
        if (last !== undefined && last.from + last.length === op.from && last.to + last.length === op.to)
            last.length += op.length;
        else
            out.push({ ...op });
    }
    return out;
}
/**
 * Reads the source (`size` bytes of `srcFd`) once, writes every copy (sorted, as from `mergeCopies`) to `dstFd`,
 * and returns the source's SHA-256 (hex), hashed on a worker from `workerHashBytes` (undefined with `hash: false`). `file` names the source in
 * errors.
 */
async function copyAndHash(srcFd, dstFd, size, copies, file, opts = {}) {
    const hasher = opts.hash === false
        ? new NoHasher()
        : size >= (opts.workerHashBytes ?? WORKER_HASH_BYTES)
            ? new WorkerHasher()
            : new InlineHasher();
    try {
        let next = 0;
        let open = [];
        for (let pos = 0; pos < size;) {
            const n = Math.min(CHUNK, size - pos);
            const buf = (await hasher.buffer()).subarray(0, n);
            readFully(srcFd, buf, pos, file);
            const end = pos + n;
            while (next < copies.length && copies[next].from < end)
                open.push(copies[next++]);
            for (const op of open) {
                const a = Math.max(op.from, pos);
                const b = Math.min(op.from + op.length, end);
                if (a < b)
                    writeFully(dstFd, buf.subarray(a - pos, b - pos), op.to + (a - op.from));
            }
            open = open.filter((op) => op.from + op.length > end);
            hasher.update(buf);
            pos = end;
        }
        if (next < copies.length || open.length > 0) {
            throw new errors/* CheckpointError */.jg('Truncated', file, 'the plan copies bytes past the end of the source');
        }
        return await hasher.digest();
    }
    finally {
        hasher.close();
    }
}
function readFully(fd, buf, position, file) {
    let done = 0;
    while (done < buf.length) {
        const n = (0,external_node_fs_.readSync)(fd, buf, done, buf.length - done, position + done);
        if (n === 0) {
            throw new errors/* CheckpointError */.jg('Truncated', file, `the source ended at byte ${position + done} during the copy`);
        }
        done += n;
    }
}
function writeFully(fd, bytes, position) {
    let done = 0;
    while (done < bytes.length)
        done += (0,external_node_fs_.writeSync)(fd, bytes, done, bytes.length - done, position + done);
}
/** The copy alone (the record does not hash the source's data unless asked to). */
class NoHasher {
    buf;
    buffer() {
        this.buf ??= new Uint8Array(CHUNK);
        return Promise.resolve(this.buf);
    }
    update() { }
    digest() {
        return Promise.resolve(undefined);
    }
    close() { }
}
class InlineHasher {
    hash = (0,external_node_crypto_.createHash)('sha256');
    buf;
    buffer() {
        this.buf ??= new Uint8Array(CHUNK);
        return Promise.resolve(this.buf);
    }
    update(bytes) {
        this.hash.update(bytes);
    }
    digest() {
        return Promise.resolve(this.hash.digest('hex'));
    }
    close() { }
}
// The worker hashes each buffer it is sent and sends it back for reuse (both ways transferred, never copied).
const HASH_WORKER = `
const { createHash } = require('node:crypto')
const { parentPort } = require('node:worker_threads')
const hash = createHash('sha256')
parentPort.on('message', (m) => {
  if (m.bytes === undefined) return parentPort.postMessage({ sha256: hash.digest('hex') })
  hash.update(new Uint8Array(m.bytes, 0, m.length))
  parentPort.postMessage({ bytes: m.bytes }, [m.bytes])
})
`;
class WorkerHasher {
    worker = new external_node_worker_threads_.Worker(HASH_WORKER, { eval: true });
    free = [];
    created = 0;
    waiting;
    done;
    failure;
    constructor() {
        this.worker.on('message', (m) => {
            if (m.sha256 !== undefined)
                this.done?.resolve(m.sha256);
            else if (m.bytes !== undefined) {
                const w = this.waiting;
                this.waiting = undefined;
                if (w)
                    w.resolve(m.bytes);
                else
                    this.free.push(m.bytes);
            }
        });
        this.worker.on('error', (e) => this.fail(e));
        this.worker.on('exit', (code) => this.fail(new Error(`the hashing worker exited with code ${code}`)));
    }
    fail(e) {
        this.failure ??= e;
        this.done?.reject(e);
        this.waiting?.reject(e);
    }
    async buffer() {
        if (this.failure !== undefined)
            throw this.failure;
        const ready = this.free.pop();
        if (ready !== undefined)
            return new Uint8Array(ready);
        if (this.created < BUFFERS) {
            this.created++;
            return new Uint8Array(CHUNK);
        }
        return new Uint8Array(await new Promise((resolve, reject) => (this.waiting = { resolve, reject })));
    }
    update(bytes) {
        const buffer = bytes.buffer;
        this.worker.postMessage({ bytes: buffer, length: bytes.length }, [buffer]);
    }
    digest() {
        return new Promise((resolve, reject) => {
            if (this.failure !== undefined)
                return reject(this.failure);
            this.done = { resolve, reject };
            this.worker.postMessage({});
        });
    }
    close() {
        this.worker.removeAllListeners('exit');
        void this.worker.terminate();
    }
}
// Hashing runs in a worker thread: on the main thread its CPU time (about 1 s per GB) would stall the copy loop.
const FILE_HASH_WORKER = `
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const hash = createHash('sha256')
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (e) => parentPort.postMessage({ error: String(e && e.message ? e.message : e) }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }))
`;
/** The sha256 of a file, read sequentially in a worker thread. */
function sha256File(path) {
    return new Promise((resolvePromise, reject) => {
        const worker = new external_node_worker_threads_.Worker(FILE_HASH_WORKER, { eval: true, workerData: path });
        let settled = false;
        worker.once('message', (m) => {
            settled = true;
            if (m.sha256)
                resolvePromise(m.sha256);
            else
                reject(new Error(`hashing ${path}: ${m.error}`));
            void worker.terminate();
        });
        worker.once('error', (e) => {
            if (!settled)
                reject(e);
        });
        worker.once('exit', (code) => {
            if (!settled)
                reject(new Error(`hashing ${path}: worker exited with ${code}`));
        });
    });
}

;// CONCATENATED MODULE: ./src/convert/source-layout.ts
/**
 * A conversion that keeps the source's byte layout: when every output tensor is a whole source tensor (a rename)
 * or a computed scalar, the output can be the source file copied by the kernel (`fs.copyFile`: a reflink where
 * the file system shares blocks, else `copy_file_range`/`sendfile`, never through user space), with a new header
 * written over the start of it.
 *
 * The new header is usually longer than the source's (other key names, the conversion record), so it runs into
 * the first tensors of the data section: those tensors are moved, written again after the source's last byte,
 * and the header is padded with spaces (JSON whitespace, which the safetensors format uses for its own alignment
 * padding) to end where the first tensor that stays begins. Every tensor from there to the end of the source must
 * be used whole, exactly once: a dropped tensor there would leave a hole in the data section, which the format
 * does not allow. Offsets in the header are relative to the data section, so a tensor that stays keeps its bytes
 * where they are and only its offsets change.
 *
 * Where the layout does not allow it (row slices, block placement, a dropped tensor in the middle, more padding
 * than MAX_PADDING), the writer falls back to its one-pass user-space copy (source-pass.ts). `planSourceLayout`
 * plans, kernel-copy.ts copies, `writeKeepingLayout` writes the moved bytes; write.ts writes the header last.
 */




/** Spaces a header may be padded with to reach the first tensor that stays (a LoRA's first tensor is < 1 MiB). */
const MAX_PADDING = 1 << 20;
/** The output header's JSON for `placed` (tensors in plan order, then nothing else) and `metadata`. */
function headerJson(placed, metadata) {
    const parts = [metadataJson(metadata)];
    for (const p of placed)
        parts.push(`${tensorJsonHead(p.tensor)}${p.begin},${p.end}]}`);
    return new TextEncoder().encode(`{${parts.join(',')}}`);
}
/**
 * The byte length of `headerJson(placed, metadata)` without building it: the layout tries a few starts, and only
 * the offsets' digits change between them.
 */
function headerJsonLength(placed, metadata) {
    let n = 2 + utf8Length(metadataJson(metadata)); // braces
    for (const p of placed) {
        let head = headLengths.get(p.tensor);
        if (head === undefined)
            headLengths.set(p.tensor, (head = utf8Length(tensorJsonHead(p.tensor))));
        n += 1 + head + String(p.begin).length + 1 + String(p.end).length + 2; // comma, offsets, `]}`
    }
    return n;
}
function metadataJson(metadata) {
    const entries = Object.keys(metadata).map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`);
    return `"__metadata__":{${entries.join(',')}}`;
}
function tensorJsonHead(t) {
    return `${JSON.stringify(t.key)}:{"dtype":${JSON.stringify(t.dtype)},"shape":[${t.shape.join(',')}],"data_offsets":[`;
}
const utf8Length = (text) => Buffer.byteLength(text, 'utf8');
/** Each tensor's JSON up to its offsets, measured once for all the starts tried. */
const headLengths = new WeakMap();
/**
 * The layout-keeping plan, or undefined when the output cannot keep the source's layout. `sourceHeaderLength`:
 * the source's header length (its data section starts at 8 + that); `sourceSize`: the source file's size;
 * `jsonLength(placed)`: the byte length of the output header JSON for those offsets (their digits count).
 */
function planSourceLayout(tensors, byName, sourceHeaderLength, sourceSize, jsonLength) {
    const dataStart = 8 + sourceHeaderLength;
    const dataEnd = sourceSize - dataStart;
    // Which source tensor each copied output tensor is, whole (offsets relative to the source's data section).
    const uses = new Map();
    for (const t of tensors) {
        const r = t.recipe;
        if (r.kind === 'scalar')
            continue;
        if (r.kind !== 'rows' || r.pieces.length !== 1)
            return undefined;
        const piece = r.pieces[0];
        const s = byName.get(piece.key);
        if (s?.byteRange === undefined || uses.has(piece.key))
            return undefined;
        if (piece.start !== 0 || piece.end !== (s.shape[0] ?? 1) || s.dtype !== t.dtype)
            return undefined;
        const begin = Number(s.byteRange.start) - dataStart;
        const end = Number(s.byteRange.end) - dataStart;
        if (begin < 0 || end > dataEnd)
            return undefined;
        uses.set(piece.key, { begin, end });
    }
    const source = [...byName.values()]
        .filter((s) => s.byteRange !== undefined)
        .map((s) => ({
        name: s.name,
        begin: Number(s.byteRange.start) - dataStart,
        end: Number(s.byteRange.end) - dataStart
    }))
        .filter((s) => s.end > s.begin)
        .sort((a, b) => a.begin - b.begin);
    // Computed scalars (alphas the plan writes as F32) go into the 4-byte source tensors nothing copies (the
    // source's own alphas, usually), in order: their bytes are written there, and those places leave no hole.
    const slots = new Map();
    const free = source.filter((s) => !uses.has(s.name) && s.end - s.begin === 4);
    let f = 0;
    for (const t of tensors)
        if (t.recipe.kind === 'scalar' && f < free.length)
            slots.set(t, free[f++]);
    const filled = new Set([...slots.values()]);
    // `keepFrom`: the lowest start such that every source byte from it to the end is used, back to back.
    let keepFrom = dataEnd;
    for (let i = source.length - 1; i >= 0; i--) {
        const s = source[i];
        if ((!uses.has(s.name) && !filled.has(s)) || s.end !== keepFrom)
            break;
        keepFrom = s.begin;
    }
    // Try each start (the header grows past the first tensors) until the header fits in front of it.
    const starts = source.map((s) => s.begin).filter((b) => b >= keepFrom);
    starts.push(dataEnd);
    for (const start of starts) {
        const headerLength = sourceHeaderLength + start;
        const placed = place(tensors, uses, slots, { start, dataStart, dataEnd });
        const json = jsonLength(placed);
        if (json > headerLength)
            continue;
        if (headerLength - json > MAX_PADDING)
            return undefined;
        const last = placed.reduce((m, p) => Math.max(m, p.end), dataEnd - start);
        return { headerLength, placed, size: 8 + headerLength + last };
    }
    return undefined;
}
/**
 * Output offsets when the output's data section starts at source offset `start`: tensors before it are moved to
 * the end, a scalar goes into its slot when the slot stays, else to the end too.
 */
function place(tensors, uses, slots, at) {
    const { start, dataStart } = at;
    let tail = at.dataEnd - start;
    const append = (t, length, write) => {
        const p = { tensor: t, begin: tail, end: tail + length, write };
        tail += length;
        return p;
    };
    return tensors.map((t) => {
        const r = t.recipe;
        if (r.kind === 'scalar') {
            const bytes = new Uint8Array(4);
            new DataView(bytes.buffer).setFloat32(0, r.value, true);
            const slot = slots.get(t);
            if (slot !== undefined && slot.begin >= start)
                return { tensor: t, begin: slot.begin - start, end: slot.end - start, write: { bytes } };
            return append(t, 4, { bytes });
        }
        const use = uses.get(r.pieces[0].key);
        if (use.begin >= start)
            return { tensor: t, begin: use.begin - start, end: use.end - start };
        return append(t, use.end - use.begin, { from: dataStart + use.begin, length: use.end - use.begin });
    });
}
/** The source's header length (the prefix's value, checked against the size) and the SHA-256 of its 8 + N bytes. */
function sourceHeader(fd, size, file) {
    const prefix = new Uint8Array(8);
    readRange(fd, prefix, 0, file);
    const n = new DataView(prefix.buffer).getBigUint64(0, true);
    if (n > BigInt(size - 8))
        throw new errors/* CheckpointError */.jg('Truncated', file, 'the header runs past the end of the file');
    const bytes = new Uint8Array(8 + Number(n));
    readRange(fd, bytes, 0, file);
    return { length: Number(n), sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') };
}
function readRange(fd, buf, from, file) {
    for (let done = 0; done < buf.length;) {
        const n = (0,external_node_fs_.readSync)(fd, buf, done, buf.length - done, from + done);
        if (n === 0)
            throw new errors/* CheckpointError */.jg('Truncated', file, `the source ended at byte ${from + done}`);
        done += n;
    }
}
/**
 * The source copied by the kernel (`copy`, started by the caller, possibly before the plan was made), then the
 * moved tensors and scalars written after its end. The copy's header is checked against the one the plan was made
 * from (a source replaced meanwhile is refused). Returns the open output and, with `hash`, the source's SHA-256
 * (hashed on a worker while the kernel copies).
 */
async function writeKeepingLayout(kept, io) {
    const hashing = io.hash === true ? sha256File(io.file) : undefined;
    hashing?.catch(() => undefined); // awaited below; a failed copy must not leave it unhandled
    // What is written over the copy is read before the copy ends (the moved tensors are a few hundred KB).
    const writes = [];
    const dataStart = 8 + kept.headerLength;
    for (const p of kept.placed) {
        const w = p.write;
        if (w === undefined)
            continue;
        let bytes;
        if ('bytes' in w)
            bytes = w.bytes;
        else {
            bytes = new Uint8Array(w.length);
            readRange(io.src, bytes, w.from, io.file);
        }
        writes.push({ at: dataStart + p.begin, bytes });
    }
    await io.copy.done;
    const fd = (0,external_node_fs_.openSync)(io.copy.temp, 'r+');
    try {
        // the copy is the file the plan was made from: its size, and its header byte for byte
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size < io.bytes)
            throw new errors/* CheckpointError */.jg('Truncated', io.file, `the source ended at byte ${size} during the copy`);
        if (size > io.bytes || sourceHeader(fd, size, io.copy.temp).sha256 !== io.header.sha256)
            throw new errors/* CheckpointError */.jg('IoError', io.file, 'the file changed while it was converted');
        for (const w of writes)
            writeFully(fd, w.bytes, w.at);
        (0,external_node_fs_.ftruncateSync)(fd, kept.size);
        return { fd, ...(hashing ? { sha256: await hashing } : {}) };
    }
    catch (e) {
        closeQuietly(fd);
        throw e;
    }
}
function closeQuietly(fd) {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // the error on its way says more
    }
}

// EXTERNAL MODULE: ./src/lora/layers.ts
var lora_layers = __webpack_require__(4264);
;// CONCATENATED MODULE: ./src/convert/kernel-copy.ts
/**
 * The kernel's copy of a LoRA file to the output's temporary name, for conversions that keep the source's byte
 * layout (source-layout.ts). It can start before the conversion is planned: the copy needs only the source and
 * the output's name, and it runs on libuv's thread pool (one `copy_file_range`, or a reflink) while the main
 * thread resolves and plans. For a 1.2 GB rename the copy and the planning then cost the longer of the two
 * instead of their sum. A plan that turns out not to keep the layout (stack, split) or not to be writable
 * discards the copy; `likelyKeepsLayout` keeps that rare, since a discarded copy still runs to its end.
 *
 * The copy is made with `COPYFILE_EXCL`: without it libuv truncates the destination before copying, and ext4
 * takes a truncate followed by writes as a file being replaced (`auto_da_alloc`), so the close that ends the copy
 * started writeback of every copied page (measured: 0.29 s in `close` after a 0.78 s copy of 1.2 GB, and the
 * alpha writes that follow waited on pages under writeback). A new file gets no such flush, as `cp`'s does not.
 */




/** Layer kinds of fused projections (src/lora/layers.ts labels: `self-attn qkv`, `cross-attn kv`, `fused qkv+mlp`). */
const FUSED_KIND = /qkv|kv|fused/;
const NUMERIC_SEGMENT = /(^|[._])\d+(?=[._]|$)/g;
/**
 * Whether converting this LoRA for this base will likely keep the LoRA's byte layout (a rename), judged before the
 * resolution from what the analysis and the base index hold: a layout change (stack, split, reorder) needs a
 * fused projection on one side or LongCat's split up blocks. Only when the kernel copy starts depends on it: a
 * wrong guess costs a copy made for nothing, or a copy started after planning, never another output. (Measured on
 * the bench's stacking conversion under load: a copy discarded while the user-space pass ran took 10 s instead of
 * 0.6 s, and the pass with it.)
 */
function likelyKeepsLayout(analysis, index) {
    // Only the base components the LoRA has modules for (a LoRA of the UNet alone does not meet CLIP's in_proj).
    const spaces = new Set();
    for (const m of analysis.modules) {
        if (m.splitCount > 1 || FUSED_KIND.test(m.layerKind))
            return false;
        const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser;
        if (space)
            spaces.add(space);
    }
    // One layer kind per path pattern (numeric segments, i.e. block and list indices, as #): a 40-block base has a few
    // dozen patterns, and a kind costs about 10 us to read (measured: 35-40 ms for 3,016 entries, one by one).
    const seen = new Set();
    for (const space of spaces)
        for (const e of space.entries) {
            const pattern = e.path.replace(NUMERIC_SEGMENT, '$1#');
            if (seen.has(pattern))
                continue;
            seen.add(pattern);
            if (FUSED_KIND.test((0,lora_layers/* layerKind */.G0)(e.path)))
                return false;
        }
    return true;
}
/** A temporary name beside `target` (the output is renamed into place when complete). */
function tempPathFor(target, tag = '') {
    return `${target}.${process.pid}.${Date.now()}${tag}.tmp`;
}
/**
 * Starts copying `source` to a temporary name beside `target` (an absolute path) before the plan is known, or
 * returns undefined when the output's folder does not exist yet or a file cannot be created there: the writer
 * then creates the folder and copies when it knows the copy is needed, and reports what fails.
 */
function startKernelCopy(source, target) {
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.dirname)(target)))
        return undefined;
    try {
        return kernelCopy(source, target);
    }
    catch {
        return undefined;
    }
}
/** Starts copying `source` to a temporary name beside `target`; throws when no file can be created there. */
function kernelCopy(source, target) {
    const temp = tempPathFor(target, '.copy');
    // The output gets the permission bits of a file created here (umask applied), as the user-space path's output
    // does, not a read-only source's: a file created and removed again tells them without reading the umask.
    const probe = (0,external_node_fs_.openSync)(temp, 'wx');
    let mode;
    try {
        mode = (0,external_node_fs_.fstatSync)(probe).mode & 0o777;
    }
    finally {
        (0,external_node_fs_.closeSync)(probe);
    }
    (0,external_node_fs_.unlinkSync)(temp);
    const done = (0,promises_.copyFile)(source, temp, external_node_fs_.constants.COPYFILE_EXCL | external_node_fs_.constants.COPYFILE_FICLONE).then(() => (0,promises_.chmod)(temp, mode));
    done.catch(() => undefined); // awaited by the writer or by discard(); never left unhandled
    let discarded;
    const remove = () => (0,external_node_fs_.rmSync)(temp, { force: true });
    return {
        source,
        target,
        temp,
        done,
        discard() {
            discarded ??= (async () => {
                try {
                    remove();
                }
                catch {
                    // tried again below
                }
                await done.catch(() => undefined);
                try {
                    remove();
                }
                catch {
                    // nothing more can be done about a temporary file that cannot be removed
                }
            })();
            return discarded;
        }
    };
}

;// CONCATENATED MODULE: ./src/convert/write.ts
/**
 * The writer of a conversion plan: output tensors in plan order, each built from byte ranges of the source file
 * (row copies, or block placement into a zero matrix), so memory stays near one computed tensor plus the copy
 * buffers and no element is ever decoded. The source is read once, in file order (source-pass.ts): each chunk
 * goes into the source's SHA-256 and the bytes the output keeps unchanged go straight to their output positions.
 * Block-placed tensors are built from their own small reads. The file goes to a temporary name in the output's
 * folder and is renamed into place only when complete; the header (fixed length: the hash is a fixed-width field)
 * is written last.
 */










const CONVERSION_METADATA_KEY = 'model_compat.conversion';
const HASH_PLACEHOLDER = '0'.repeat(64);
function conversionRecord(plan, source, tool) {
    return {
        tool: tool.name,
        version: tool.version,
        source,
        base: (0,external_node_path_.basename)(plan.base),
        to: plan.to,
        modules: plan.modules.length,
        transforms: plan.counts,
        layoutChanges: plan.modules
            .filter((m) => m.transform !== 'rename')
            .map((m) => ({ stem: m.stem, transform: m.transform, from: m.sources.map((s) => s.stem) })),
        dropped: plan.dropped
    };
}
function elementBytes(dtype, where) {
    const bits = dtypes/* SAFETENSORS_DTYPE_BITS */.Iu[dtype];
    if (!bits || bits % 8 !== 0)
        throw new errors/* CheckpointError */.jg('TensorInvalidInfo', where, `dtype ${dtype} is not byte-sized`);
    return bits / 8;
}
/** Bytes per row of a source tensor and its start offset. */
function rowGeometry(t, file) {
    if (!t.byteRange)
        throw new errors/* CheckpointError */.jg('TensorInvalidInfo', file, `${t.name} has no byte range`);
    const rows = t.shape[0] ?? 1;
    const bytes = Number(t.byteRange.end - t.byteRange.start);
    return { start: Number(t.byteRange.start), rowBytes: rows === 0 ? 0 : bytes / rows };
}
function sourceOf(byName, key, file) {
    const t = byName.get(key);
    if (!t)
        throw new errors/* CheckpointError */.jg('TensorInvalidInfo', file, `plan names ${key}, which the file does not hold`);
    return t;
}
function layoutOf(tensors, byName, start, file) {
    const layout = { copies: [], computed: [], placed: [], end: start };
    let at = start;
    for (const t of tensors) {
        const r = t.recipe;
        if (r.kind === 'scalar') {
            const bytes = new Uint8Array(4);
            new DataView(bytes.buffer).setFloat32(0, r.value, true);
            layout.computed.push({ to: at, bytes });
            at += 4;
        }
        else if (r.kind === 'rows') {
            for (const p of r.pieces) {
                const g = rowGeometry(sourceOf(byName, p.key, file), file);
                const length = (p.end - p.start) * g.rowBytes;
                layout.copies.push({ from: g.start + p.start * g.rowBytes, to: at, length });
                at += length;
            }
        }
        else {
            layout.placed.push({ to: at, tensor: t });
            at += (t.shape[0] ?? 0) * (t.shape[1] ?? 0) * elementBytes(t.dtype, file);
        }
    }
    layout.end = at;
    return layout;
}
/** Block placement: a zero matrix [rows, cols] with each block's rows read from the source and put at (row, col). */
function placeBlocks(t, byName, srcFd, file) {
    const r = t.recipe;
    if (r.kind !== 'blocks')
        throw new Error(`${t.key} is not block-placed`);
    const es = elementBytes(t.dtype, file);
    const cols = t.shape[1] ?? 0;
    const out = new Uint8Array((t.shape[0] ?? 0) * cols * es);
    for (const b of r.blocks) {
        const g = rowGeometry(sourceOf(byName, b.key, file), file);
        const rows = b.end - b.start;
        const block = new Uint8Array(rows * g.rowBytes);
        const from = g.start + b.start * g.rowBytes;
        for (let done = 0; done < block.length;) {
            const n = (0,external_node_fs_.readSync)(srcFd, block, done, block.length - done, from + done);
            if (n === 0)
                throw new errors/* CheckpointError */.jg('Truncated', file, `the source ended at byte ${from + done}`);
            done += n;
        }
        for (let i = 0; i < rows; i++) {
            out.set(block.subarray(i * g.rowBytes, (i + 1) * g.rowBytes), ((b.row + i) * cols + b.col) * es);
        }
    }
    return out;
}
function metadataOf(source, record) {
    const out = {};
    for (const [k, v] of Object.entries(source.metadata))
        if (typeof v === 'string')
            out[k] = v;
    out[CONVERSION_METADATA_KEY] = JSON.stringify(record);
    return out;
}
/** Check a plan's pieces against the source before writing anything (dtype and row bounds). */
function checkPlan(plan, byName, file) {
    const check = (t, p) => {
        const s = sourceOf(byName, p.key, file);
        if (s.dtype !== t.dtype)
            throw new Error(`${t.key}: piece ${p.key} is ${s.dtype}, output is ${t.dtype}`);
        if (p.start < 0 || p.end > (s.shape[0] ?? 1) || p.start > p.end)
            throw new Error(`${t.key}: rows ${p.start}-${p.end} outside ${p.key}`);
    };
    for (const m of plan.modules) {
        for (const t of m.tensors) {
            if (t.recipe.kind === 'rows')
                for (const p of t.recipe.pieces)
                    check(t, p);
            if (t.recipe.kind === 'blocks')
                for (const b of t.recipe.blocks)
                    check(t, b);
        }
    }
}
/** Write the plan's output to `outPath` (atomically). The plan must be `ok`. */
async function writeConversion(plan, source, outPath, opts) {
    if (!plan.ok)
        throw new Error('the conversion plan has refused modules; nothing is written');
    if (source.format !== 'safetensors')
        throw new errors/* CheckpointError */.jg('UnknownFormat', source.path, `convert reads single safetensors files, not ${source.format}`);
    const file = source.path;
    const byName = new Map(source.tensors.map((t) => [t.name, t]));
    checkPlan(plan, byName, file);
    const tensors = plan.modules.flatMap((m) => m.tensors);
    const specs = tensors.map((t) => ({ name: t.key, shape: t.shape, dtype: t.dtype }));
    const target = (0,external_node_path_.resolve)(outPath);
    let copy = opts.copy;
    let temp;
    let src;
    let dst;
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        src = (0,external_node_fs_.openSync)(file, 'r');
        // A source that shrank since its header was read fails in the copy (the source ended); one that grew would
        // be hashed short: refuse it here.
        const size = (0,external_node_fs_.fstatSync)(src).size;
        if (size > source.bytes) {
            throw new errors/* CheckpointError */.jg('IoError', file, `the file is now ${size} bytes; it had ${source.bytes} when its header was read`);
        }
        const header = sourceHeader(src, size, file);
        const identity = (sha256) => ({
            file: (0,external_node_path_.basename)(file),
            bytes: source.bytes,
            headerSha256: header.sha256,
            // a fixed-width placeholder until the hash is known: the header's length must not change
            ...(opts.hashSource ? { sha256: sha256 ?? HASH_PLACEHOLDER } : {})
        });
        const metadata = (sha256) => metadataOf(source, conversionRecord(plan, identity(sha256), opts.tool));
        const metadataNow = metadata();
        const kept = planSourceLayout(tensors, byName, header.length, source.bytes, (placed) => headerJsonLength(placed, metadataNow));
        if (kept !== undefined) {
            if (copy === undefined || copy.source !== file || copy.target !== target) {
                void copy?.discard();
                copy = kernelCopy(file, target);
            }
            temp = copy.temp;
            const layoutHeader = (sha256) => {
                const json = headerJson(kept.placed, metadata(sha256));
                if (json.length > kept.headerLength)
                    throw new Error('header length changed after hashing');
                const bytes = new Uint8Array(8 + kept.headerLength).fill(0x20);
                new DataView(bytes.buffer).setBigUint64(0, BigInt(kept.headerLength), true);
                bytes.set(json, 8);
                return bytes;
            };
            // Built while the kernel copies, unless it must hold the source's hash, known only after.
            const ready = opts.hashSource ? undefined : layoutHeader();
            const written = await writeKeepingLayout(kept, {
                file,
                src,
                copy,
                bytes: source.bytes,
                header,
                hash: opts.hashSource
            });
            dst = written.fd;
            writeFully(dst, ready ?? layoutHeader(written.sha256), 0);
            (0,external_node_fs_.closeSync)(dst);
            dst = undefined;
            await (0,promises_.rename)(temp, target);
            copy = undefined;
            return result(target, kept.size, tensors.length, header.sha256, written.sha256, 'kernel');
        }
        // The kernel's copy is of no use to a layout change: drop it while the user-space pass runs.
        const discarding = copy?.discard();
        copy = undefined;
        const draft = encodeSafetensorsHeader(specs, metadata());
        const expected = draft.header.length + Number(draft.dataBytes);
        const layout = layoutOf(tensors, byName, draft.header.length, file);
        if (layout.end !== expected)
            throw new Error(`the plan lays out ${layout.end} bytes, expected ${expected}`);
        temp = tempPathFor(target);
        dst = (0,external_node_fs_.openSync)(temp, 'w');
        // Unwritten parts of the output (the zeros of block-placed tensors) read as zeros once the size is set.
        (0,external_node_fs_.ftruncateSync)(dst, expected);
        for (const c of layout.computed)
            writeFully(dst, c.bytes, c.to);
        for (const p of layout.placed)
            writeFully(dst, placeBlocks(p.tensor, byName, src, file), p.to);
        const sha256 = await copyAndHash(src, dst, source.bytes, mergeCopies(layout.copies), file, {
            hash: opts.hashSource === true
        });
        const final = encodeSafetensorsHeader(specs, metadata(sha256));
        if (final.header.length !== draft.header.length)
            throw new Error('header length changed after hashing');
        writeFully(dst, final.header, 0);
        (0,external_node_fs_.closeSync)(dst);
        dst = undefined;
        await (0,promises_.rename)(temp, target);
        await discarding;
        return result(target, expected, tensors.length, header.sha256, sha256, 'user-space');
    }
    catch (e) {
        if (dst !== undefined)
            write_closeQuietly(dst);
        if (temp !== undefined)
            await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        await copy?.discard();
        throw e;
    }
    finally {
        if (src !== undefined)
            write_closeQuietly(src);
    }
}
function result(path, bytes, tensors, sourceHeaderSha256, sourceSha256, copy) {
    return { path, bytes, tensors, sourceHeaderSha256, ...(sourceSha256 ? { sourceSha256 } : {}), copy };
}
function write_closeQuietly(fd) {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // the error on its way, or the result, says more
    }
}

;// CONCATENATED MODULE: ./src/convert/types.ts
const CONVERT_TARGETS = ['kohya', 'peft', 'diffusers', 'comfyui', 'base'];

;// CONCATENATED MODULE: ./src/convert/index.ts
/** LoRA conversion: plan (pure) and streaming writer. */





// EXTERNAL MODULE: ./src/report/lora-reasons.ts
var lora_reasons = __webpack_require__(6168);
;// CONCATENATED MODULE: ./src/report/convert-reasons.ts

const STATUS_WORDS = {
    ok: 'ok',
    unresolved: 'unresolved',
    'shape-mismatch': 'shape mismatch',
    unsupported: 'unsupported'
};
function refusalText(r) {
    switch (r.kind) {
        case 'not-loadable': {
            const reason = r.why ? (0,lora_reasons/* reasonText */.uV)(r.why) : (STATUS_WORDS[r.status] ?? r.status);
            return r.expected && !reason.includes(r.expected) ? `${reason}: ${r.expected}` : reason;
        }
        case 'not-lora':
            return `${r.algorithm} module: convert rewrites plain LoRA (down/up) modules only`;
        case 'extra-tensors':
            return `has ${r.roles.join(', ')} tensors, which convert does not rewrite exactly`;
        case 'inconsistent':
            return `inconsistent module: ${r.issues.join('; ')}`;
        case 'alpha-unread':
            return 'alpha value could not be read (not a F32/F16/BF16/F64 scalar)';
        case 'no-scale':
            return 'no scale known for this module';
        case 'no-byte-range':
            return `${r.tensor} has no byte range`;
        case 'no-naming':
            return `text-encoder module: the ${r.to} convention has no text-encoder naming here (use --to kohya or diffusers)`;
        case 'not-a-base-weight':
            return `target ${r.key} is not a base weight`;
        case 'split-conv':
            return 'split of a conv LoRA module is not supported';
        case 'stack-conv':
            return `stacking conv LoRA modules onto ${r.key} is not supported`;
        case 'scales-differ':
            return `parts on ${r.key} have different scales (${r.scales.join(', ')}); one alpha cannot keep them all`;
        case 'dtypes-differ':
            return `parts on ${r.key} have different dtypes; stacking raw bytes needs one dtype`;
        case 'too-large':
            return `the stacked up matrix for ${r.key} would be ${r.bytes} bytes (limit ${r.limit})`;
        case 'rows-outside':
            return `rows ${r.start}-${r.end - 1} fall outside ${r.key} ${JSON.stringify(r.shape)}`;
        case 'order-unknown':
            return `the order of ${r.ambiguity.chunks.join(', ')} in ${r.key} cannot be told from the headers (${r.ambiguity.kind}); converting would guess`;
        case 'reorder-conv':
            return `reordering the chunks of a conv LoRA module onto ${r.key} is not supported`;
    }
}
function convertCauseText(c) {
    return c.kind === 'resolution' ? (0,lora_reasons/* causeText */.xv)(c.cause) : refusalText(c.refusal);
}
/** Fill the `reason` and `cause` strings of a plan from its typed fields (in place); returns it. */
function wordPlan(plan) {
    for (const r of [...plan.refused, ...plan.dropped])
        r.reason = refusalText(r.why);
    for (const c of plan.causes)
        c.cause = convertCauseText(c.why);
    return plan;
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/layout.ts
var layout = __webpack_require__(1894);
;// CONCATENATED MODULE: ./src/report/convert-console.ts
/**
 * Console rendering of a LoRA conversion plan (`model-compat convert --dry-run`, and before a real write): the
 * answer first (converted exactly, planned, or refused and why), then what was refused or dropped, then the plan
 * and its modules. Pure: data in, string out.
 */



/**
 * `✓ converted exactly: 80 modules to comfyui names, written out.safetensors` / `✓ exact conversion planned ...
 * nothing written (--dry-run)` / `✗ refused: 3 modules cannot be converted exactly; nothing written`.
 */
function conversionAnswer(plan, c, written) {
    const kept = (0,format/* plural */.LS)(plan.modules.length, 'module');
    if (plan.modules.length === 0 && plan.refused.length + plan.dropped.length + plan.unknownKeys.length === 0)
        return `${(0,format/* mark */.Gy)('bad', c)} ${c.red(c.bold('nothing to convert'))}: no LoRA module found in ${(0,format/* printable */.g$)(plan.lora)}`;
    if (!plan.ok) {
        const refused = plan.refused.length + plan.unknownKeys.length;
        const what = plan.dropUnmatched
            ? `every module was dropped (${plan.dropped.length}); nothing written`
            : `${refused} of ${(0,format/* plural */.LS)(plan.modules.length + refused, 'module')} cannot be converted exactly; nothing written` +
                (plan.modules.length > 0 ? ` (--drop-unmatched writes the other ${plan.modules.length})` : '');
        return `${(0,format/* mark */.Gy)('bad', c)} ${c.red(c.bold('refused'))}: ${what}`;
    }
    const dropped = plan.dropped.length > 0 ? `, ${(0,format/* plural */.LS)(plan.dropped.length, 'module')} dropped` : '';
    if (written)
        return `${(0,format/* mark */.Gy)('good', c)} ${c.green(c.bold('converted exactly'))}: ${kept} to ${plan.to} names${dropped}, written to ${(0,format/* printable */.g$)(written.path)}`;
    return `${(0,format/* mark */.Gy)('good', c)} ${c.green(c.bold('exact conversion planned'))}: ${kept} to ${plan.to} names${dropped}; nothing written (--dry-run)`;
}
function sourceText(s) {
    const rows = s.rows ? ` rows ${s.rows.start}-${s.rows.end - 1}` : '';
    const at = s.at ? ` -> rows ${s.at.start}-${s.at.end - 1}` : '';
    return `${(0,format/* printable */.g$)(s.stem)}${rows}${at}`;
}
function moduleRows(modules) {
    const rows = [['transform', 'output module', 'rank', 'alpha', 'from']];
    for (const m of modules) {
        rows.push([
            m.transform,
            (0,format/* printable */.g$)(m.stem),
            String(m.rank),
            m.alpha === null ? '-' : String(Number(m.alpha.toPrecision(7))),
            m.sources.map(sourceText).join(' + ')
        ]);
    }
    return rows;
}
function moduleSummary(plan) {
    const kinds = Object.entries(plan.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    let text = `${(0,format/* plural */.LS)(plan.modules.length, 'output module')}${kinds ? ` (${kinds})` : ''}`;
    if (plan.refused.length > 0)
        text += `; ${plan.refused.length} refused`;
    if (plan.dropped.length > 0)
        text += `; ${plan.dropped.length} dropped`;
    return text;
}
function renderConversionPlan(plan, opts) {
    const c = (0,format/* colors */.Tj)(opts.color);
    const max = opts.maxItems ?? 30;
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    let out = (0,layout/* paragraph */.FY)(conversionAnswer(plan, c, opts.written), width, '', '  ');
    if (plan.causes.length > 0) {
        out += `\n${c.bold('Why modules cannot be converted exactly')}\n`;
        out += (0,layout/* fitTable */.SM)(plan.causes.map((x) => [(0,format/* plural */.LS)(x.modules, 'module'), (0,format/* printable */.g$)(convertCauseText(x.why))]), { width, fit: ['fixed', 'wrap'] });
    }
    if (plan.refused.length > 0) {
        out += `\n${c.red(c.bold(`Refused: ${(0,format/* plural */.LS)(plan.refused.length, 'module')}`))}\n`;
        out += (0,layout/* fitTable */.SM)(plan.refused.map((r) => [(0,format/* printable */.g$)(r.stem), (0,format/* printable */.g$)(refusalText(r.why))]), { width, fit: ['shorten', 'wrap'] });
    }
    if (plan.dropped.length > 0) {
        out += `\n${c.yellow(c.bold(`Dropped (--drop-unmatched): ${(0,format/* plural */.LS)(plan.dropped.length, 'module')}`))}\n`;
        out += (0,layout/* fitTable */.SM)(plan.dropped.map((r) => [(0,format/* printable */.g$)(r.stem), (0,format/* printable */.g$)(refusalText(r.why))]), { width, fit: ['shorten', 'wrap'] });
    }
    if (plan.unknownKeys.length > 0) {
        const label = plan.dropUnmatched
            ? 'Dropped keys with no adapter suffix'
            : 'Keys with no adapter suffix (refused)';
        out += `\n${c.yellow(c.bold(`${label}: ${plan.unknownKeys.length}`))}\n`;
        out += plan.unknownKeys.map((k) => `  ${(0,format/* printable */.g$)(k)}\n`).join('');
    }
    out += `\n${c.bold('Plan')}\n`;
    const rows = [
        // names and paths come from the files: no control characters reach the terminal
        ['lora', (0,format/* printable */.g$)(plan.lora)],
        ['base', (0,format/* printable */.g$)(plan.base)],
        ['to', plan.to],
        ['modules', moduleSummary(plan)],
        ['data', (0,format/* formatBytes */.z3)(plan.dataBytes)]
    ];
    if (opts.written) {
        const w = opts.written;
        rows.push([
            'written',
            `${(0,format/* printable */.g$)(w.path)}: ${(0,format/* plural */.LS)(w.tensors, 'tensor')}, ${(0,format/* groupThousands */.Zv)(w.bytes)} bytes`
        ]);
        rows.push(['source header sha256', w.sourceHeaderSha256]);
        if (w.sourceSha256 !== undefined)
            rows.push(['source sha256', w.sourceSha256]);
    }
    out += (0,layout/* fitTable */.SM)(rows, { width, fit: ['fixed', 'wrap'] });
    // Layout changes first: they are the ones worth reading.
    const ordered = [
        ...plan.modules.filter((m) => m.transform !== 'rename'),
        ...plan.modules.filter((m) => m.transform === 'rename')
    ];
    const { shown, omitted } = (0,format/* cutList */.f6)(ordered, max);
    if (shown.length > 0) {
        out += `\n${c.bold('Modules')}\n${(0,layout/* fitTable */.SM)(moduleRows(shown), {
            header: true,
            width,
            fit: ['fixed', 'shorten', 'fixed', 'fixed', 'wrap']
        })}`;
        if (omitted > 0)
            out += c.dim(`  ... ${omitted} more (--json lists all)\n`);
    }
    if (plan.notes.length > 0)
        out += `\n${plan.notes.map((n) => (0,layout/* paragraph */.FY)((0,format/* printable */.g$)(n), width, 'note: ', '  ')).join('')}`;
    if (plan.ok)
        out += c.dim('\nexact: every module kept has the same weight delta (up x down x alpha/rank)\n');
    return out;
}
/** The plan as a JSON document: recipes reduced to their kind (the byte bookkeeping is an internal detail). */
function conversionPlanJson(plan) {
    wordPlan(plan);
    return {
        ...plan,
        modules: plan.modules.map((m) => ({
            ...m,
            tensors: m.tensors.map((t) => ({ key: t.key, dtype: t.dtype, shape: t.shape, recipe: t.recipe.kind }))
        }))
    };
}

// EXTERNAL MODULE: ./src/cli/display.ts
var display = __webpack_require__(2616);
// EXTERNAL MODULE: ./src/cli/read.ts + 1 modules
var read = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/cli/alpha.ts + 1 modules
var alpha = __webpack_require__(1402);
// EXTERNAL MODULE: ./src/util/json.ts
var util_json = __webpack_require__(4976);
;// CONCATENATED MODULE: ./src/cli/commands/convert.ts
/**
 * `model-compat convert LORA --base BASE [--to kohya|peft|diffusers|comfyui|base] -o OUT.safetensors [--dry-run]
 * [--drop-unmatched] [--json]`: rewrite a LoRA for another naming convention or attention layout, exactly.
 */














const spec = {
    name: 'convert',
    summary: 'Rewrite a LoRA for a base: another key convention, or fused/separate attention layouts, exactly.',
    usage: 'LORA --base BASE [--to kohya|peft|diffusers|comfyui|base] -o OUT.safetensors [--dry-run] [--drop-unmatched] ' +
        '[--hash-source] [--json]',
    minPositionals: 1,
    maxPositionals: 1,
    options: {
        base: {
            kind: 'string',
            help: 'the base model the LoRA is for (checkpoint, folder or manifest)',
            value: 'BASE'
        },
        to: {
            kind: 'string',
            help: 'key convention of the output (default: kohya for kohya LoRAs, else comfyui)',
            value: CONVERT_TARGETS.join('|')
        },
        out: { kind: 'string', short: 'o', help: 'output safetensors file (written atomically)', value: 'OUT' },
        'dry-run': { kind: 'boolean', help: 'print the plan, write nothing' },
        'drop-unmatched': {
            kind: 'boolean',
            help: 'leave out the modules that cannot be converted exactly (each is listed) instead of refusing'
        },
        'hash-source': {
            kind: 'boolean',
            help: 'also record the SHA-256 of every byte of the LoRA (slower than the copy itself; the header is always hashed)'
        },
        json: { kind: 'boolean', help: 'print the plan (and the written file) as JSON' },
        ...read/* REMOTE_OPTIONS */.Q,
        ...display/* DISPLAY_OPTIONS */.wV
    }
};
function targetOf(args, primary) {
    const to = (0,cli_args/* str */.gx)(args, 'to');
    if (to === undefined)
        return primary === 'kohya' ? 'kohya' : 'comfyui';
    if (!CONVERT_TARGETS.includes(to))
        throw new errors/* UsageError */.eb(`--to must be one of ${CONVERT_TARGETS.join(', ')}; got '${to}'`);
    return to;
}
async function run(args, io) {
    const loraPath = args.positionals[0];
    const basePath = (0,cli_args/* str */.gx)(args, 'base');
    if (basePath === undefined)
        throw new errors/* UsageError */.eb('--base is required: the LoRA is resolved against it');
    const out = (0,cli_args/* str */.gx)(args, 'out');
    const dryRun = (0,cli_args/* flag */.Jt)(args, 'dry-run');
    if (out === undefined && !dryRun)
        throw new errors/* UsageError */.eb('-o OUT.safetensors is required (or --dry-run)');
    if (out !== undefined &&
        ((0,external_node_path_.resolve)(io.cwd, out) === (0,external_node_path_.resolve)(io.cwd, loraPath) || (0,external_node_path_.resolve)(io.cwd, out) === (0,external_node_path_.resolve)(io.cwd, basePath)))
        throw new errors/* UsageError */.eb('the output must not overwrite an input');
    // The LoRA is local: its tensor data is streamed from the file into the output.
    const reader = (0,read/* checkpointReader */.u)(args, io);
    const loraFile = (0,external_node_path_.resolve)(io.cwd, loraPath);
    const lora = await reader.read(loraFile);
    if (lora.format !== 'safetensors')
        throw new errors/* UsageError */.eb(`convert reads a single local safetensors LoRA; ${loraPath} is ${lora.format}`);
    const base = await reader.read(basePath);
    const analysis = (0,src_lora/* analyzeLora */.hL)(lora, { scalars: await (0,alpha/* readAlphaScalars */.q)(lora, reader.open) });
    const index = (0,src_lora/* buildBaseIndex */.uR)(base);
    // A rename keeps the LoRA's byte layout, so its output starts as a kernel copy of the file. When the names say
    // the layout will likely stay (no fused projection on either side), the copy starts now and runs on the thread
    // pool while the LoRA is resolved and the conversion planned; a plan that needs another layout or refuses
    // discards it (src/convert/kernel-copy.ts). Otherwise the writer copies once it knows.
    const copy = dryRun || out === undefined || !likelyKeepsLayout(analysis, index)
        ? undefined
        : startKernelCopy(loraFile, (0,external_node_path_.resolve)(io.cwd, out));
    try {
        return await planAndWrite(args, io, { lora, analysis, index, out, dryRun, copy });
    }
    finally {
        // After a write the copy is the output (renamed into place) and this removes nothing.
        await copy?.discard();
    }
}
async function planAndWrite(args, io, job) {
    const { lora, analysis, index, out, dryRun, copy } = job;
    const resolution = (0,src_lora/* resolveLora */.PQ)(analysis, index);
    const plan = wordPlan(planConversion(analysis, resolution, index, {
        to: targetOf(args, analysis.primary),
        dropUnmatched: (0,cli_args/* flag */.Jt)(args, 'drop-unmatched')
    }));
    const json = (0,cli_args/* flag */.Jt)(args, 'json');
    const width = (0,display/* outputWidth */.gp)(args, io);
    if (!plan.ok || dryRun || out === undefined) {
        io.stdout(json
            ? (0,util_json/* toJson */.a)({ kind: 'lora-conversion', tool: version/* TOOL */.j, plan: conversionPlanJson(plan) })
            : renderConversionPlan(plan, { color: io.color, width }));
        if (plan.ok)
            return errors/* EXIT */.dc.ok;
        // The console view's first line already says why, so stderr does not say it again; after JSON on stdout,
        // stderr says it for a person.
        if (json)
            throw new errors/* InputError */.dz(conversionAnswer(plan, (0,format/* colors */.Tj)(false)).slice(2));
        return errors/* EXIT */.dc.badInput;
    }
    const written = await writeConversion(plan, lora, (0,external_node_path_.resolve)(io.cwd, out), {
        tool: version/* TOOL */.j,
        hashSource: (0,cli_args/* flag */.Jt)(args, 'hash-source'),
        ...(copy ? { copy } : {})
    });
    if (json)
        io.stdout((0,util_json/* toJson */.a)({ kind: 'lora-conversion', tool: version/* TOOL */.j, plan: conversionPlanJson(plan), written }));
    else
        io.stdout(renderConversionPlan(plan, { color: io.color, width, written }));
    return errors/* EXIT */.dc.ok;
}
const convertCommand = { spec, run };


/***/ }),

/***/ 1188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PQ: () => (/* reexport safe */ _resolve_js__WEBPACK_IMPORTED_MODULE_1__.P),
/* harmony export */   hL: () => (/* reexport safe */ _analyze_js__WEBPACK_IMPORTED_MODULE_0__.hL),
/* harmony export */   uR: () => (/* reexport safe */ _base_index_js__WEBPACK_IMPORTED_MODULE_2__.u)
/* harmony export */ });
/* harmony import */ var _analyze_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4322);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6924);
/* harmony import */ var _base_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7122);
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9855);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6414);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4264);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7648);
/** The LoRA core: analysis of one file, resolution against a base, LoRA vs LoRA. Pure: no I/O. */










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