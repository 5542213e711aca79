export const id = 819;
export const ids = [819];
export const modules = {

/***/ 6413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X7: () => (/* binding */ NPY_HEAD_BYTES),
/* harmony export */   pM: () => (/* binding */ looksLikeNpy),
/* harmony export */   yw: () => (/* binding */ parseNpyHeader)
/* harmony export */ });
/* unused harmony export MAX_NPY_HEADER_BYTES */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75094);
/**
 * numpy `.npy` arrays (and the members of `.npz` archives): a magic string, a version, a header length and a
 * Python dict literal (`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`), then the data. An array
 * of Python objects (`descr` 'O', or a structured dtype with an 'O' field) stores its data as a pickle, which
 * `numpy.load(..., allow_pickle=True)` runs: that pickle is scanned like any other. Numeric arrays are not
 * checkpoints and their data is never read.
 */

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const MAX_NPY_HEADER_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .NPY_LIMITS */ .$q.maxHeaderBytes;
/** Bytes to read to see the whole header of any .npy we accept. */
const NPY_HEAD_BYTES = 12 + MAX_NPY_HEADER_BYTES;
function looksLikeNpy(head) {
    return head.length >= MAGIC.length && MAGIC.every((b, i) => head[i] === b);
}
/** The header of a .npy whose first bytes are `head`, or a reason it is not one we read. */
function parseNpyHeader(head) {
    if (!looksLikeNpy(head) || head.length < 10)
        return { error: 'not a .npy header' };
    const major = head[6];
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    let length;
    let start;
    if (major === 1) {
        length = view.getUint16(8, true);
        start = 10;
    }
    else if (major === 2 || major === 3) {
        if (head.length < 12)
            return { error: 'the .npy header is truncated' };
        length = view.getUint32(8, true);
        start = 12;
    }
    else {
        return { error: `unknown .npy format version ${major}.${head[7]}` };
    }
    if (length > MAX_NPY_HEADER_BYTES) {
        return { error: `a .npy header of ${length} bytes (numpy reads at most 10000 by default)` };
    }
    if (start + length > head.length)
        return { error: 'the .npy header is truncated' };
    const header = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(start, start + length));
    // 'O' as a dtype string, alone or as a field of a structured dtype, with an optional byte-order mark
    const objects = /['"][|<>=]?O\d*['"]/.test(header);
    return { dataStart: start + length, objects, header: header.trim().slice(0, 200) };
}


/***/ }),

/***/ 79242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pb: () => (/* binding */ withPickleGlobals),
/* harmony export */   jZ: () => (/* binding */ pickleCheckpoint),
/* harmony export */   no: () => (/* binding */ torchCheckpoint)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70891);
/* harmony import */ var _state_dict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42857);



function pickleCheckpoint(p) {
    const { selection, metadata, warnings } = p;
    const tensors = (0,_state_dict_js__WEBPACK_IMPORTED_MODULE_2__/* .toTensorInfos */ .GT)(selection.tensors, p.source.name, p.storageStart, warnings, p.budget);
    p.budget?.addTensors(tensors.length);
    if (selection.otherTensors > 0)
        metadata.otherTensors = selection.otherTensors;
    for (const s of p.scans)
        for (const a of s.anomalies)
            warnings.push(`pickle ${s.where}: ${a}`);
    warnings.push(...(0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .globalWarnings */ .BL)(p.globals));
    const checkpoint = {
        path: p.source.name,
        format: p.format,
        bytes: p.source.size,
        tensors,
        metadata,
        globals: p.globals,
        warnings
    };
    if (p.pathWithoutTensors || tensors.length > 0)
        checkpoint.stateDictPath = selection.path;
    return checkpoint;
}
/**
 * The torch readers' (zip and legacy) last step: a storage's data offset is looked up by its key in `starts`,
 * and the state dict's path is reported even without tensors (a torch file always has one).
 */
function torchCheckpoint(format, starts, parts) {
    return pickleCheckpoint({
        ...parts,
        format,
        storageStart: (s) => starts.get(s.key),
        pathWithoutTensors: true
    });
}
/**
 * Runs a reader's last steps so that a checkpoint error from them carries every global the file's pickles import:
 * the safety half of the report survives a file whose tensors do not make sense.
 */
async function withPickleGlobals(globals, body) {
    try {
        return await body();
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isCheckpointError */ .tF)(e) ? _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PickleError */ .z4.withGlobals(e, globals) : e;
    }
}


/***/ }),

/***/ 2736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ StorageRegistry)
/* harmony export */ });
/* harmony import */ var _emulation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41168);

class StorageRegistry {
    /** Root storages by key, in first-seen order. */
    roots = new Map();
    /** Legacy view storages by view key. */
    views = new Map();
    /** Persistent ids whose type is not 'storage' (e.g. legacy 'module' ids). */
    nonStorageIds = 0;
    problems = [];
    /** `persistentLoad` for the unpickler. */
    load = (pid, fail) => {
        const parsed = (0,_emulation_js__WEBPACK_IMPORTED_MODULE_0__/* .parseStoragePid */ .I)(pid);
        if ('error' in parsed) {
            if (parsed.notStorage === true) {
                this.nonStorageIds++;
                return { kind: 'persistent', pid };
            }
            return fail('InvalidTorchFile', parsed.error);
        }
        const { storage, viewKey } = parsed;
        let root = this.roots.get(storage.key);
        if (root === undefined) {
            // a root never has a view offset: parseStoragePid gives none without a view, and the root of a view is
            // the storage without it (a rest copy rather than a `delete`, which would make it a slow object)
            if (viewKey === undefined)
                root = storage;
            else {
                const { viewOffset: _viewOffset, ...whole } = storage;
                root = { ...whole, numel: this.rootNumel(pid) ?? storage.numel };
            }
            this.roots.set(storage.key, root);
        }
        else if (root.className !== storage.className ||
            (viewKey === undefined && root.numel !== storage.numel)) {
            this.note(`storage ${storage.key} is referenced as ${root.className}[${root.numel}] and ${storage.className}[${storage.numel}]; the first is used`);
        }
        if (viewKey === undefined)
            return root;
        let view = this.views.get(viewKey);
        if (view === undefined) {
            view = { ...storage, className: root.className, dtype: root.dtype, itemsize: root.itemsize };
            this.views.set(viewKey, view);
        }
        return view;
    };
    rootNumel(pid) {
        const items = pid !== null && typeof pid === 'object' && pid.kind === 'tuple' ? pid.items : [];
        return typeof items[4] === 'bigint' ? items[4] : undefined;
    }
    note(message) {
        if (this.problems.length < 50)
            this.problems.push(message);
    }
}


/***/ }),

/***/ 42857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ toTensorInfos),
/* harmony export */   PT: () => (/* binding */ storageBytes),
/* harmony export */   xP: () => (/* binding */ findStateDict)
/* harmony export */ });
/* unused harmony exports DEFAULT_WALK_LIMITS, STATE_DICT_KEYS, collectTensors, spanElements, isContiguous */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _pickle_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6880);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75094);



const DEFAULT_WALK_LIMITS = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_DICT_LIMITS */ .wr;
/** Wrapper keys that hold a state dict, in the order they are preferred when a wrapper has several. */
const STATE_DICT_KEYS = [
    'state_dict',
    'model_state_dict',
    'model',
    'module',
    'ema',
    'model_ema',
    'state_dict_ema',
    'ema_state_dict',
    'params_ema',
    'params',
    'net',
    'network',
    'generator',
    'weights'
];
/** Segments of a whole pickled nn.Module that are not part of the state dict key (`fc._parameters.weight`). */
const MODULE_SEGMENTS = new Set(['_modules', '_parameters', '_buffers']);
function keySegment(key) {
    if (typeof key === 'string')
        return key;
    if (typeof key === 'bigint')
        return key.toString();
    if (typeof key === 'number' || typeof key === 'boolean')
        return String(key);
    return undefined;
}
/** `path` plus one segment, copied by index (an array spread runs the iterator protocol, per tensor). */
function extendPath(path, seg) {
    const out = new Array(path.length + 1);
    for (let i = 0; i < path.length; i++)
        out[i] = path[i];
    out[path.length] = seg;
    return out;
}
function isTensor(v) {
    return v !== null && typeof v === 'object' && v.kind === 'tensor';
}
function isDict(v) {
    return v !== null && typeof v === 'object' && v.kind === 'dict';
}
/** The sources of a container's children (an empty list for leaves). */
function childSources(value) {
    switch (value.kind) {
        case 'dict':
            return [{ kind: 'entries', entries: value.entries }];
        case 'list':
        case 'tuple':
            return [{ kind: 'items', items: value.items, named: true }];
        case 'object': {
            // an object's tensors live in its constructor args, its state (`__dict__`, possibly (dict, slots)) and,
            // for dict/list subclasses, in the items set on it
            const sources = [{ kind: 'items', items: value.args, named: false }];
            const state = value.state;
            if (isDict(state))
                sources.push({ kind: 'entries', entries: state.entries });
            else if (state !== null && typeof state === 'object' && state.kind === 'tuple') {
                sources.push({ kind: 'items', items: state.items, named: false });
            }
            else if (state !== undefined)
                sources.push({ kind: 'items', items: [state], named: false });
            if (value.dictItems !== undefined)
                sources.push({ kind: 'entries', entries: value.dictItems.entries });
            if (value.listItems !== undefined)
                sources.push({ kind: 'items', items: value.listItems, named: true });
            return sources;
        }
        default:
            return [];
    }
}
/**
 * Every tensor reachable from `root`, depth first in pickle order. A tensor reached by two paths (tied weights)
 * is listed under both; a container reached twice (a memo reference, a cycle) is walked once. The walk keeps
 * one frame per open container and makes a path only for what it keeps (a tensor, a container it enters), so a
 * list of millions of references costs nothing beyond the list itself.
 */
function collectTensors(root, file, limits = {}, stopAfter = Infinity, budget) {
    // a tensor reached by many paths (a memo reference repeated) is listed once per path: the file's tensor
    // budget bounds that list, and so the names made from it
    const maxFound = budget?.limits.maxTensorsPerFile ?? Infinity;
    const lim = { ...DEFAULT_WALK_LIMITS, ...limits };
    const found = [];
    const visited = new Set();
    const stack = [];
    let nodes = 0;
    /** Take one child at `path`: keep a tensor, enter a container not seen before, skip anything else. */
    const visit = (value, path) => {
        if (value === null || typeof value !== 'object')
            return;
        if (isTensor(value)) {
            if (found.length >= maxFound) {
                throw budget.exceeded(`the pickled object reaches more than ${maxFound} tensors; the budget is ${maxFound} tensors per file`);
            }
            found.push({ path, tensor: value });
            return;
        }
        if (visited.has(value))
            return;
        visited.add(value);
        if (++nodes > lim.maxNodes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('PickleLimitExceeded', file, `the pickled object has more than ${lim.maxNodes} containers`);
        }
        if (path.length > lim.maxDepth || stack.length > lim.maxDepth) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('PickleLimitExceeded', file, `the pickled object nests deeper than ${lim.maxDepth} levels`);
        }
        const sources = childSources(value);
        if (sources.length > 0)
            stack.push({ path, sources, source: 0, index: 0 });
    };
    visit(root, []);
    while (stack.length > 0 && found.length < stopAfter) {
        const frame = stack[stack.length - 1];
        const src = frame.sources[frame.source];
        if (src === undefined) {
            stack.pop();
            continue;
        }
        const i = frame.index++;
        if (src.kind === 'entries') {
            if (i >= src.entries.length) {
                frame.source++;
                frame.index = 0;
                continue;
            }
            const [key, value] = src.entries[i];
            if (value === null || typeof value !== 'object')
                continue;
            const seg = keySegment(key);
            if (seg === undefined)
                continue;
            visit(value, MODULE_SEGMENTS.has(seg) ? frame.path : extendPath(frame.path, seg));
        }
        else {
            if (i >= src.items.length) {
                frame.source++;
                frame.index = 0;
                continue;
            }
            const value = src.items[i];
            if (value === null || typeof value !== 'object')
                continue;
            visit(value, src.named ? extendPath(frame.path, String(i)) : frame.path);
        }
    }
    return found;
}
function directTensorCount(d) {
    let n = 0;
    for (let i = 0; i < d.entries.length; i++)
        if (isTensor(d.entries[i][1]))
            n++;
    return n;
}
/**
 * Choose the state dict: starting at the root, step into a known wrapper key (STATE_DICT_KEYS) while the
 * current dict is a wrapper rather than a state dict (its own tensors are fewer than the wrapped one's).
 * Throws `NoStateDict` when nothing tensor-like is reachable and `required` is true.
 */
function findStateDict(root, file, limits = {}, required = true, budget) {
    const all = collectTensors(root, file, limits, Infinity, budget);
    if (all.length === 0) {
        if (!required)
            return { path: [], tensors: [], otherTensors: 0 };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('NoStateDict', file, 'the pickled object holds no tensors (no state dict found)');
    }
    let node = root;
    const path = [];
    for (let depth = 0; depth < 8 && isDict(node); depth++) {
        const here = directTensorCount(node);
        let next;
        for (const key of STATE_DICT_KEYS) {
            const v = (0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_2__/* .dictGet */ .R5)(node, key);
            if (v === undefined)
                continue;
            const inner = collectTensors(v, file, limits, here + 1).length;
            if (inner > here) {
                next = { key, value: v };
                break;
            }
        }
        if (next === undefined)
            break;
        path.push(next.key);
        node = next.value;
    }
    const tensors = path.length === 0 ? all : collectTensors(node, file, limits);
    return { path, tensors, otherTensors: all.length - tensors.length };
}
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
/** Tensor extent in elements from its first element: 1 + Σ (size-1)·stride, or 0 when any size is 0. */
function spanElements(t) {
    for (let i = 0; i < t.shape.length; i++)
        if (t.shape[i] === 0n)
            return 0n;
    let span = 1n;
    for (let i = 0; i < t.shape.length; i++)
        span += (t.shape[i] - 1n) * t.stride[i];
    return span;
}
/** C-order strides of the shape (the layout torch calls contiguous). */
function isContiguous(t) {
    let expected = 1n;
    for (let i = t.shape.length - 1; i >= 0; i--) {
        if (t.shape[i] !== 1n && t.stride[i] !== expected)
            return false;
        expected *= t.shape[i];
    }
    return true;
}
/** Bytes of a storage (for a legacy view: of the view). */
function storageBytes(s) {
    return s.numel * BigInt(s.itemsize);
}
/**
 * `TensorInfo` records for the selected tensors. `storageStart` gives the absolute offset of a storage's data
 * (the root storage's, for legacy views) or undefined when the bytes have no meaningful offset (compressed).
 * The byte range covers every element the tensor can address: for a non-contiguous view it is the covering
 * range from its first element to its last.
 */
function toTensorInfos(found, file, storageStart, warnings, budget) {
    const out = [];
    const seen = new Set();
    // one tensor per iteration, thousands of them, once per run: plain loops, no per-tensor closures or constants
    for (let i = 0; i < found.length; i++) {
        const path = found[i].path;
        const t = found[i].tensor;
        const name = path.join('.');
        // a name is a new string (its segments joined): counted like the strings the pickle built
        budget?.chargePickle(64 + 2 * name.length, `tensor names`);
        if (seen.has(name)) {
            warnings.push(`two tensors are named ${JSON.stringify(name)}; the first is reported`);
            continue;
        }
        seen.add(name);
        const shape = new Array(t.shape.length);
        for (let j = 0; j < t.shape.length; j++) {
            const d = t.shape[j];
            if (d > MAX_SAFE_BIG) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidTorchFile', file, `tensor ${JSON.stringify(name)} has a dimension of ${d}`);
            }
            shape[j] = Number(d);
        }
        const info = { name, shape, dtype: t.dtype };
        const s = t.storage;
        if (s !== undefined) {
            const itemsize = BigInt(t.itemsize);
            // a legacy view starts inside its root storage; every other storage starts at its record's first byte
            const viewStart = s.viewOffset === undefined ? 0n : s.viewOffset * BigInt(s.itemsize);
            const firstByte = viewStart + t.storageOffset * itemsize;
            const spanBytes = spanElements(t) * itemsize;
            const limit = viewStart + storageBytes(s);
            if (spanBytes > 0n && firstByte + spanBytes > limit) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidTorchFile', file, `tensor ${JSON.stringify(name)} addresses bytes ${firstByte}..${firstByte + spanBytes} of storage ${s.key}, which has ${storageBytes(s)} bytes`);
            }
            const start = storageStart(s);
            if (start !== undefined) {
                const range = { file, start: start + firstByte, end: start + firstByte + spanBytes };
                info.byteRange = range;
            }
        }
        out.push(info);
    }
    return out;
}


/***/ }),

/***/ 57819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_PICKLE_BYTES: () => (/* binding */ DEFAULT_MAX_PICKLE_BYTES),
  pickleLimits: () => (/* binding */ pickleLimits),
  readTorchZip: () => (/* binding */ readTorchZip),
  readTorchZipDetailed: () => (/* binding */ readTorchZipDetailed)
});

// EXTERNAL MODULE: ./src/formats/budget.ts
var formats_budget = __webpack_require__(85407);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(86289);
// EXTERNAL MODULE: ./src/formats/numpy/npy.ts
var numpy_npy = __webpack_require__(6413);
// EXTERNAL MODULE: ./src/formats/torch/pickle/scan.ts
var scan = __webpack_require__(70891);
// EXTERNAL MODULE: ./src/formats/torch/pickle-checkpoint.ts
var pickle_checkpoint = __webpack_require__(79242);
// EXTERNAL MODULE: ./src/formats/torch/pickle/sniff.ts
var sniff = __webpack_require__(50184);
// EXTERNAL MODULE: ./src/formats/torch/pickle/storages.ts
var pickle_storages = __webpack_require__(2736);
// EXTERNAL MODULE: ./src/formats/torch/pickle/unpickler.ts + 6 modules
var unpickler = __webpack_require__(36599);
// EXTERNAL MODULE: ./src/formats/torch/state-dict.ts
var state_dict = __webpack_require__(42857);
// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(75094);
;// CONCATENATED MODULE: ./src/formats/torch/zip.ts
/**
 * A zip central-directory reader for torch archives, following what PyTorch's reader (miniz, docs/reference/formats.md §2.2)
 * does: the central directory is the truth, the first entry of a duplicated name wins, sizes come from the
 * central directory (torch writes zeros in local headers), and a record's data starts after the *local* header's
 * name and extra fields. Record data is never read here except for the small records a caller asks for.
 *
 * Anything a scanner and a loader could disagree about is reported as an anomaly rather than silently resolved:
 * duplicate names, local/central name mismatch, entries outside the top folder, encryption and other unusual
 * flags, bytes before the first local header or after the end record, compressed records.
 */


const DEFAULT_ZIP_LIMITS = limits/* ZIP_LIMITS */.LP;
const EOCD_SIZE = 22;
const EOCD_SEARCH = EOCD_SIZE + 0xffff;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
const U32_MAX = 0xffffffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
/** Bits that mean strong encryption, patched data or masked headers: torch never sets them. */
const FLAGS_UNUSUAL = 0x1 | 0x20 | 0x40 | 0x2000;
const U32_MAX_BIG = BigInt(U32_MAX);
const LOCAL_HEADER_SIZE_BIG = BigInt(LOCAL_HEADER_SIZE);
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** An entry name as UTF-8, or undefined when it is not UTF-8 (see `latin1Name`). */
function decodeName(bytes) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** How a name that is not UTF-8 is shown: one character per byte. */
function latin1Name(bytes) {
    return String.fromCharCode(...bytes);
}
function findSignature(buf, sig, from) {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let i = from; i >= 0; i--)
        if (view.getUint32(i, true) === sig)
            return i;
    return -1;
}
/** The error for a broken archive. */
function zipError(source, detail) {
    return new errors/* CheckpointError */.jg('InvalidZip', source.name, detail);
}
/**
 * The end record is in the last 22 bytes unless the archive has a comment (torch writes none), so look in a
 * small tail first and only widen to the 64 KiB a comment allows when needed: a big tail read would cover the
 * end of the last data record.
 */
async function findEndRecord(source) {
    for (const span of [EOCD_SIZE + ZIP64_LOCATOR_SIZE, EOCD_SEARCH]) {
        const tailStart = Math.max(0, source.size - span);
        const tail = await source.read(tailStart, source.size - tailStart);
        const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
        // the last signature whose comment fits in the file is the end record
        for (let i = findSignature(tail, 0x06054b50, tail.length - EOCD_SIZE); i >= 0; i = findSignature(tail, 0x06054b50, i - 1)) {
            if (i + EOCD_SIZE + view.getUint16(i + 20, true) > tail.length)
                continue;
            // an end record that is not flush with the file's end (a comment, trailing bytes) gets the wide search,
            // so a second end signature in the comment area is seen
            if (i + EOCD_SIZE === tail.length || span === EOCD_SEARCH || tailStart === 0)
                return { tail, tailStart, at: i };
            break;
        }
        if (tailStart === 0)
            break;
    }
    throw zipError(source, 'no end-of-central-directory record (not a zip archive, or truncated)');
}
async function readEndRecord(source, anomalies) {
    if (source.size < EOCD_SIZE)
        throw zipError(source, `only ${source.size} bytes: too short for a zip end record`);
    const { tail, tailStart, at } = await findEndRecord(source);
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    if (findSignature(tail, 0x06054b50, at - 1) >= 0)
        anomalies.push('more than one end-of-central-directory signature');
    const commentEnd = at + EOCD_SIZE + view.getUint16(at + 20, true);
    if (commentEnd < tail.length)
        anomalies.push(`${tail.length - commentEnd} bytes after the end-of-central-directory record`);
    if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
        throw new errors/* CheckpointError */.jg('UnsupportedZip', source.name, 'multi-disk zip archives are not supported');
    }
    const eocdOffset = BigInt(tailStart + at);
    const end = {
        entries: BigInt(view.getUint16(at + 10, true)),
        cdSize: BigInt(view.getUint32(at + 12, true)),
        cdOffset: BigInt(view.getUint32(at + 16, true)),
        endStart: eocdOffset,
        zip64: false
    };
    // ZIP64: a locator just before the end record points at the zip64 end record (torch always writes one)
    if (at >= ZIP64_LOCATOR_SIZE && view.getUint32(at - ZIP64_LOCATOR_SIZE, true) === 0x07064b50) {
        const recordOffset = view.getBigUint64(at - ZIP64_LOCATOR_SIZE + 8, true);
        const locatorStart = eocdOffset - BigInt(ZIP64_LOCATOR_SIZE);
        if (recordOffset + BigInt(ZIP64_EOCD_SIZE) > locatorStart) {
            throw zipError(source, `zip64 end record offset ${recordOffset} lies past the zip64 locator`);
        }
        const rec = await source.read(Number(recordOffset), ZIP64_EOCD_SIZE);
        const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
        if (rv.getUint32(0, true) !== 0x06064b50)
            throw zipError(source, `no zip64 end record at offset ${recordOffset}`);
        if (rv.getUint32(16, true) !== 0 || rv.getUint32(20, true) !== 0) {
            throw new errors/* CheckpointError */.jg('UnsupportedZip', source.name, 'multi-disk zip archives are not supported');
        }
        end.entries = rv.getBigUint64(32, true);
        end.cdSize = rv.getBigUint64(40, true);
        end.cdOffset = rv.getBigUint64(48, true);
        end.endStart = recordOffset;
        end.zip64 = true;
    }
    else if (end.entries === 0xffffn || end.cdSize === U32_MAX_BIG || end.cdOffset === U32_MAX_BIG) {
        throw zipError(source, 'the end record needs zip64 values but there is no zip64 locator');
    }
    return end;
}
/** Read and check the central directory. Reads only the end records and the directory itself. */
async function readZipDirectory(source, limits = {}) {
    const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
    const anomalies = [];
    const end = await readEndRecord(source, anomalies);
    if (end.cdOffset + end.cdSize > end.endStart) {
        throw zipError(source, `central directory (offset ${end.cdOffset}, ${end.cdSize} bytes) runs past the end records at ${end.endStart}`);
    }
    if (end.entries > BigInt(lim.maxEntries)) {
        throw new errors/* CheckpointError */.jg('ZipTooManyEntries', source.name, `${end.entries} entries; the limit is ${lim.maxEntries}`);
    }
    if (end.entries * BigInt(CENTRAL_HEADER_SIZE) > end.cdSize) {
        throw zipError(source, `${end.entries} entries cannot fit in a central directory of ${end.cdSize} bytes`);
    }
    if (end.cdSize > BigInt(lim.maxCentralDirectoryBytes)) {
        throw new errors/* CheckpointError */.jg('ZipTooManyEntries', source.name, `central directory of ${end.cdSize} bytes; the limit is ${lim.maxCentralDirectoryBytes}`);
    }
    const cd = await source.read(Number(end.cdOffset), Number(end.cdSize));
    const entries = parseCentralDirectory(source, cd, Number(end.entries));
    if (end.cdOffset + end.cdSize < end.endStart) {
        anomalies.push(`${end.endStart - end.cdOffset - end.cdSize} bytes between the central directory and the end record`);
    }
    const first = entries[0];
    const slash = first?.name.indexOf('/') ?? -1;
    const topFolder = first !== undefined && slash > 0 ? first.name.slice(0, slash) : undefined;
    const folder = topFolder === undefined ? undefined : `${topFolder}/`;
    // One pass over the entries (thousands, once per run) for the name index and every per-entry anomaly; the
    // anomalies are reported below in the same order as before.
    const byName = new Map();
    const duplicates = new Set();
    let outside = 0;
    let firstOutside;
    let compressed = 0;
    let firstCompressed;
    const flagged = [];
    let firstLocal;
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (byName.has(e.name))
            duplicates.add(e.name);
        else
            byName.set(e.name, e);
        if (folder === undefined || !e.name.startsWith(folder)) {
            if (outside++ === 0)
                firstOutside = e;
        }
        if (e.method !== 0) {
            if (compressed++ === 0)
                firstCompressed = e;
        }
        if ((e.flags & FLAGS_UNUSUAL) !== 0 && flagged.length < 20)
            flagged.push(e);
        if (firstLocal === undefined || e.localHeaderOffset < firstLocal)
            firstLocal = e.localHeaderOffset;
    }
    for (const d of [...duplicates].slice(0, 20))
        anomalies.push(`duplicate entry name ${JSON.stringify(d)} (torch loads the first)`);
    if (outside > 0 && first !== undefined) {
        anomalies.push(topFolder === undefined
            ? `entry ${JSON.stringify(first.name)} is not in a folder`
            : `${outside} entries outside the top folder ${topFolder}/ (e.g. ${JSON.stringify(firstOutside.name)})`);
    }
    if (compressed > 0) {
        anomalies.push(`${compressed} compressed entries (e.g. ${JSON.stringify(firstCompressed.name)}, method ${firstCompressed.method})`);
    }
    for (const e of flagged) {
        anomalies.push((e.flags & FLAG_ENCRYPTED) !== 0
            ? `entry ${JSON.stringify(e.name)} has the encryption flag`
            : `entry ${JSON.stringify(e.name)} has unusual flags 0x${e.flags.toString(16)}`);
    }
    if (firstLocal !== undefined && firstLocal > 0n)
        anomalies.push(`${firstLocal} bytes before the first local header`);
    const dir = { entries, byName, zip64: end.zip64, anomalies };
    if (topFolder !== undefined)
        dir.topFolder = topFolder;
    return dir;
}
/**
 * One pass over the directory. It runs once per entry (thousands in a big checkpoint) in cold code, so it reads
 * the 32-bit fields as numbers and makes BigInts only for the stored fields; the zip64 extra field is parsed only
 * when a field says 0xFFFFFFFF.
 */
function parseCentralDirectory(source, cd, count) {
    const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
    const entries = new Array(count);
    const fileSize = BigInt(source.size);
    let p = 0;
    for (let index = 0; index < count; index++) {
        if (p + CENTRAL_HEADER_SIZE > cd.length || view.getUint32(p, true) !== 0x02014b50) {
            throw zipError(source, `central directory entry ${index} is missing or has a bad signature`);
        }
        const nameLen = view.getUint16(p + 28, true);
        const extraLen = view.getUint16(p + 30, true);
        const commentLen = view.getUint16(p + 32, true);
        const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;
        if (next > cd.length)
            throw zipError(source, `central directory entry ${index} runs past the directory`);
        const flags = view.getUint16(p + 8, true);
        const nameEnd = p + CENTRAL_HEADER_SIZE + nameLen;
        const nameBytes = cd.subarray(p + CENTRAL_HEADER_SIZE, nameEnd);
        let name = decodeName(nameBytes);
        if (name === undefined) {
            if ((flags & FLAG_UTF8) !== 0)
                throw zipError(source, `entry ${index} name is marked UTF-8 but is not`);
            name = latin1Name(nameBytes);
        }
        const compressed = view.getUint32(p + 20, true);
        const uncompressed = view.getUint32(p + 24, true);
        const localOffset = view.getUint32(p + 42, true);
        const compressedSize = BigInt(compressed);
        const entry = {
            name,
            index,
            method: view.getUint16(p + 10, true),
            flags,
            crc32: view.getUint32(p + 16, true),
            compressedSize,
            // stored records (all of torch's) have equal sizes: share the one BigInt
            uncompressedSize: uncompressed === compressed ? compressedSize : BigInt(uncompressed),
            localHeaderOffset: BigInt(localOffset)
        };
        let pastEnd;
        const needU = uncompressed === U32_MAX;
        const needC = compressed === U32_MAX;
        const needL = localOffset === U32_MAX;
        if (needU || needC || needL) {
            applyZip64Extra(source, entry, view, nameEnd, nameEnd + extraLen, needU, needC, needL);
            pastEnd = entry.localHeaderOffset + LOCAL_HEADER_SIZE_BIG + entry.compressedSize > fileSize;
        }
        else {
            // three 32-bit values: the sum is exact as a number
            pastEnd = localOffset + LOCAL_HEADER_SIZE + compressed > source.size;
        }
        if (pastEnd) {
            throw zipError(source, `entry ${JSON.stringify(name)} (offset ${entry.localHeaderOffset}, ${entry.compressedSize} bytes) runs past the end of the file`);
        }
        entries[index] = entry;
        p = next;
    }
    return entries;
}
/**
 * Replace the 0xFFFFFFFF sizes and offset (`needU`, `needC`, `needL`) with their zip64 extra-field values
 * (APPNOTE 4.5.3 order). The extra field is bytes `from` to `to` of the directory `view`: read in place, as it
 * runs once per entry of a checkpoint over 4 GB.
 */
function applyZip64Extra(source, entry, view, from, to, needU, needC, needL) {
    for (let p = from; p + 4 <= to;) {
        const id = view.getUint16(p, true);
        const len = view.getUint16(p + 2, true);
        const stop = p + 4 + len;
        if (stop > to)
            break;
        if (id === 0x0001) {
            const values = (needU ? 1 : 0) + (needC ? 1 : 0) + (needL ? 1 : 0);
            if (p + 4 + 8 * values > stop)
                throw zipError(source, `entry ${JSON.stringify(entry.name)} has a short zip64 extra field`);
            let q = p + 4;
            if (needU) {
                entry.uncompressedSize = view.getBigUint64(q, true);
                q += 8;
            }
            if (needC) {
                entry.compressedSize = view.getBigUint64(q, true);
                q += 8;
            }
            if (needL)
                entry.localHeaderOffset = view.getBigUint64(q, true);
            return;
        }
        p = stop;
    }
    throw zipError(source, `entry ${JSON.stringify(entry.name)} needs zip64 values but has no zip64 extra field`);
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/formats/source.ts
var formats_source = __webpack_require__(73159);
;// CONCATENATED MODULE: ./src/formats/torch/zip-records.ts
/**
 * Reading records of a torch archive (zip.ts reads the central directory): the local header that says where an
 * entry's data starts (torch's getRecordOffset), and the contents of the small records a reader needs (data.pkl,
 * version, byteorder). Tensor data records are never read: only their local headers.
 */




/**
 * zlib is loaded only when a deflated record is actually read: torch.save stores every record, and loading the
 * module costs every run a few milliseconds. `process.getBuiltinModule` (Node 20.16+) loads it synchronously
 * and works in the CommonJS bundle; the dynamic import is the fallback for older Nodes.
 */
async function loadZlib() {
    return process.getBuiltinModule?.('node:zlib') ?? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 38522, 23)));
}
/** Read an entry's local header (30 bytes + name) to find where its data starts (torch's getRecordOffset). */
async function readLocalHeader(source, entry) {
    const range = localHeaderRange(source, entry);
    const head = await source.read(range.offset, range.length);
    return parseLocalHeader(source, entry, head) ?? (await readLongLocalName(source, entry, head));
}
/**
 * The local headers of many entries, in order, each settled on its own exactly as `readLocalHeader` would settle
 * it; the reads go out as one batch (or bounded-parallel), not one round trip after another. There is one header
 * per tensor storage, so the loop stays synchronous (no await per header) unless a local name needs a second read.
 */
async function readLocalHeaders(source, entries) {
    const ranges = new Array(entries.length);
    for (let i = 0; i < entries.length; i++)
        ranges[i] = localHeaderRange(source, entries[i]);
    const heads = await (0,formats_source/* readRanges */.DA)(source, ranges);
    const out = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
        const head = heads[i];
        if (head.status === 'rejected') {
            out[i] = head;
            continue;
        }
        const entry = entries[i];
        try {
            const value = parseLocalHeader(source, entry, head.value) ?? (await readLongLocalName(source, entry, head.value));
            out[i] = { status: 'fulfilled', value };
        }
        catch (reason) {
            out[i] = { status: 'rejected', reason };
        }
    }
    return out;
}
/** One read for the fixed part and the name, sized by the central name (the local one is normally the same). */
function localHeaderRange(source, entry) {
    const at = Number(entry.localHeaderOffset);
    const guess = Math.min(LOCAL_HEADER_SIZE + external_node_buffer_.Buffer.byteLength(entry.name, 'utf8'), source.size - at);
    return { offset: at, length: Math.max(LOCAL_HEADER_SIZE, guess) };
}
function u16(bytes, at) {
    return bytes[at] | (bytes[at + 1] << 8);
}
/**
 * Check the fixed part of a local header (`head` holds at least its 30 bytes) and return where the record's data
 * starts. Plain numbers are exact here: `head` was read at the header's offset, so that offset is a safe integer
 * inside the file, and the name and extra lengths are 16-bit. A declared size past 2^53 rounds, but it is past
 * any file's size either way, so the comparison gives the same answer as with BigInts.
 */
function localDataOffset(source, entry, head) {
    const at = Number(entry.localHeaderOffset);
    if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
        throw zipError(source, `no local header at offset ${at} for entry ${JSON.stringify(entry.name)}`);
    }
    const dataStart = at + LOCAL_HEADER_SIZE + u16(head, 26) + u16(head, 28);
    if (dataStart + Number(entry.compressedSize) > source.size) {
        throw zipError(source, `data of entry ${JSON.stringify(entry.name)} runs past the end of the file`);
    }
    return dataStart;
}
/** The checked header, or undefined when its name runs past `head` (then `readLongLocalName` reads it). */
function parseLocalHeader(source, entry, head) {
    const dataOffset = localDataOffset(source, entry, head);
    const nameLen = u16(head, 26);
    if (head.length < LOCAL_HEADER_SIZE + nameLen)
        return undefined;
    return { dataOffset: BigInt(dataOffset), localName: localNameOf(head, nameLen) };
}
/** A local name longer than the central one (an anomaly): checked as usual, then the whole name read. */
async function readLongLocalName(source, entry, head) {
    const dataOffset = localDataOffset(source, entry, head);
    const nameLen = u16(head, 26);
    const full = await source.read(Number(entry.localHeaderOffset), LOCAL_HEADER_SIZE + nameLen);
    return { dataOffset: BigInt(dataOffset), localName: localNameOf(full, nameLen) };
}
/** The name in a local header (normally the central name again; compared by the caller). */
function localNameOf(head, nameLen) {
    const bytes = head.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLen);
    return decodeName(bytes) ?? latin1Name(bytes);
}
/**
 * The contents of a small record (data.pkl, version, byteorder), refusing anything over `maxBytes`. Deflated
 * records are inflated with an output cap equal to the declared size (reserved from the budget first), so a
 * zip bomb cannot expand.
 */
async function readZipRecord(source, entry, maxBytes, options = {}) {
    if ((entry.flags & FLAG_ENCRYPTED) !== 0 && options.ignoreEncryption !== true) {
        throw new errors/* CheckpointError */.jg('UnsupportedZip', source.name, `entry ${JSON.stringify(entry.name)} is encrypted`);
    }
    if (entry.uncompressedSize > BigInt(maxBytes) || entry.compressedSize > BigInt(maxBytes)) {
        throw new errors/* CheckpointError */.jg('HeaderTooLarge', source.name, `entry ${JSON.stringify(entry.name)} declares ${entry.uncompressedSize} bytes; the limit is ${maxBytes}`);
    }
    if (entry.method === 8)
        options.budget?.reserveInflate(entry.uncompressedSize, `entry ${JSON.stringify(entry.name)}`);
    const header = await readLocalHeader(source, entry);
    const raw = await source.read(Number(header.dataOffset), Number(entry.compressedSize));
    const size = Number(entry.uncompressedSize);
    if (entry.method === 0) {
        if (entry.compressedSize !== entry.uncompressedSize) {
            throw zipError(source, `stored entry ${JSON.stringify(entry.name)} has different compressed and uncompressed sizes`);
        }
        return { data: raw, header };
    }
    if (entry.method !== 8) {
        throw new errors/* CheckpointError */.jg('UnsupportedZip', source.name, `entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}`);
    }
    const { inflateRawSync } = await loadZlib();
    let data;
    try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
    }
    catch (e) {
        throw zipError(source, `entry ${JSON.stringify(entry.name)} does not inflate to its declared ${size} bytes: ${e.message}`);
    }
    if (data.length !== size) {
        throw zipError(source, `entry ${JSON.stringify(entry.name)} inflates to ${data.length} bytes, not the declared ${size}`);
    }
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), header };
}
/**
 * The first bytes of a record (at most `length`), to tell what it holds without reading it: stored records are
 * read directly; deflated ones are inflated as a stream that stops once `length` bytes are out, so a zip bomb
 * member costs `length` bytes here, never its declared size.
 */
async function readRecordHead(source, entry, length) {
    const header = await readLocalHeader(source, entry);
    const at = Number(header.dataOffset);
    if (entry.method === 0)
        return source.read(at, Math.min(length, Number(entry.compressedSize)));
    if (entry.method !== 8)
        return new Uint8Array(0);
    // deflate turns at most ~1032 output bytes out of one input byte; a little more input than output covers
    // stored (incompressible) blocks too
    const raw = await source.read(at, Math.min(Number(entry.compressedSize), length + 1024));
    const { createInflateRaw, constants } = await loadZlib();
    return new Promise((resolve) => {
        const out = new Uint8Array(length);
        let got = 0;
        const inflate = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH });
        const done = () => {
            inflate.removeAllListeners('data');
            inflate.destroy();
            resolve(out.subarray(0, got));
        };
        inflate.on('data', (chunk) => {
            const take = Math.min(chunk.length, length - got);
            out.set(chunk.subarray(0, take), got);
            got += take;
            if (got >= length)
                done();
        });
        inflate.on('end', done);
        inflate.on('error', done);
        inflate.end(raw);
    });
}

;// CONCATENATED MODULE: ./src/formats/torch/zip-checkpoint.ts
/**
 * PyTorch zip checkpoints (`torch.save` since 1.6; docs/reference/formats.md §2.2-2.4). Reads the central directory, the small
 * records (`data.pkl`, `version`, `byteorder`) and one local header per referenced storage; never a `data/`
 * record. Tensors are rebuilt symbolically from data.pkl; a tensor's byte range is its storage record's data
 * offset plus storage_offset × itemsize.
 */












const DEFAULT_MAX_PICKLE_BYTES = limits/* PICKLE_LIMITS */.Qt.maxZipPickleBytes;
/** Member names loaders unpickle (torch's data.pkl and constants.pkl, TorchScript debug info, plain pickles). */
const PICKLE_NAMES = /(\.(pkl|pickle|joblib|dat|data|debug_pkl)$)|(^|\/)(data|constants)\.pkl$/i;
const SMALL_RECORD_BYTES = 4096;
async function readTorchZip(source, options = {}) {
    return (await readTorchZipDetailed(source, options)).checkpoint;
}
/**
 * Read a zip that should be a torch archive. Every pickle in it is scanned before anything is refused: data.pkl,
 * duplicates of it, and every other member that holds a pickle (by name, or by a trial run of its first bytes),
 * so a file that is not a loadable checkpoint (no top folder, no data.pkl, a duplicated name, an .npz of object
 * arrays) still fails with the globals its pickles import.
 */
async function readTorchZipDetailed(source, options = {}) {
    const zip = await readZipDirectory(source, options.zipLimits);
    const budget = (0,formats_budget/* fileBudget */.ki)(source.name, options.budget);
    const first = zip.entries[0];
    const prefix = zip.topFolder;
    const warnings = zip.anomalies.map((a) => `zip: ${a}`);
    const dataPkl = prefix === undefined ? undefined : zip.byName.get(`${prefix}/data.pkl`);
    const metadata = {};
    if (prefix !== undefined)
        metadata.archivePrefix = prefix;
    // data.pkl: the object, with storages resolved by persistent id
    const storages = new pickle_storages/* StorageRegistry */.F();
    const scans = [];
    let main;
    let mainError;
    if (dataPkl !== undefined) {
        try {
            const { data: pkl, header } = await readZipRecord(source, dataPkl, maxPickleBytes(options), {
                budget,
                ignoreEncryption: true
            });
            noteNameMismatch(dataPkl, header.localName, warnings);
            budget.chargePickle(pkl.length, dataPkl.name);
            main = (0,unpickler/* unpickle */.Kc)(pkl, {
                file: source.name,
                where: dataPkl.name,
                limits: pickleLimits(options, budget),
                persistentLoad: storages.load
            });
            budget.chargePickle(main.held, dataPkl.name);
            scans.push(main.scan);
            // torch stops at STOP; anything after it is invisible to torch but not to every scanner
            if (main.end < pkl.length)
                warnings.push(`pickle ${dataPkl.name}: ${pkl.length - main.end} bytes after STOP`);
            if (main.scan.protocol !== undefined)
                metadata.pickleProtocol = main.scan.protocol;
        }
        catch (e) {
            if (!(0,errors/* isCheckpointError */.tF)(e))
                throw e;
            mainError = e;
            if (e instanceof scan/* PickleError */.z4 && e.scan !== undefined)
                scans.push(e.scan);
        }
    }
    // every other member that holds a pickle: torch ignores them, other loaders (and other torch versions) may not
    const referenced = main === undefined ? undefined : storages;
    try {
        await scanMembers(source, zip, dataPkl, referenced, options, budget, scans, warnings);
    }
    catch (e) {
        throw (0,errors/* isCheckpointError */.tF)(e) ? scan/* PickleError */.z4.withGlobals(e, (0,scan/* mergeGlobals */.Pv)(scans.flatMap(scan/* scanGlobals */.GQ))) : e;
    }
    const globals = (0,scan/* mergeGlobals */.Pv)(scans.flatMap(scan/* scanGlobals */.GQ));
    const refuse = (code, detail) => new scan/* PickleError */.z4(code, source.name, detail, { globals });
    if (first === undefined)
        throw refuse('InvalidTorchFile', 'the zip archive is empty');
    if (prefix === undefined) {
        throw refuse('InvalidTorchFile', `file in archive is not in a subdirectory: ${first.name}`);
    }
    if (dataPkl === undefined)
        throw refuse('InvalidTorchFile', `the archive has no ${prefix}/data.pkl record`);
    if (mainError !== undefined)
        throw scan/* PickleError */.z4.withGlobals(mainError, globals);
    if ((dataPkl.flags & FLAG_ENCRYPTED) !== 0) {
        throw refuse('UnsupportedZip', `entry ${JSON.stringify(dataPkl.name)} is encrypted`);
    }
    const duplicate = zip.entries.find((e) => zip.byName.get(e.name) !== e);
    if (duplicate !== undefined) {
        throw refuse('InvalidZip', `entry name ${JSON.stringify(duplicate.name)} appears more than once: torch versions differ in which copy ` +
            'they load, so the archive is not one checkpoint');
    }
    const loaded = main;
    return (0,pickle_checkpoint/* withPickleGlobals */.Pb)(globals, async () => {
        metadata.version = await readVersion(source, zip, prefix, warnings);
        const byteorder = await readText(source, zip.byName.get(`${prefix}/byteorder`));
        if (byteorder !== undefined) {
            metadata.byteorder = byteorder;
            if (byteorder !== 'little')
                warnings.push(`byteorder is ${JSON.stringify(byteorder)}: storages are not little-endian`);
        }
        if (zip.byName.has(`${prefix}/constants.pkl`)) {
            metadata.torchscript = true;
            warnings.push('TorchScript archive: torch.load compiles its code/ (TorchScript, not arbitrary Python)');
        }
        if (storages.nonStorageIds > 0) {
            warnings.push(`${storages.nonStorageIds} persistent ids are not storages (torch.load refuses them)`);
        }
        warnings.push(...storages.problems);
        const selection = (0,state_dict/* findStateDict */.xP)(loaded.value, source.name, options.walkLimits, true, budget);
        const starts = await storageStarts(source, zip, prefix, selection.tensors.map((t) => t.tensor.storage), warnings);
        const dataPrefix = `${prefix}/data/`;
        const unreferenced = zip.entries.filter((e) => e.name.startsWith(dataPrefix) && !storages.roots.has(e.name.slice(dataPrefix.length)));
        if (unreferenced.length > 0)
            warnings.push(`${unreferenced.length} storage records are not referenced by data.pkl`);
        const parts = { source, selection, metadata, scans, globals, warnings, budget };
        const checkpoint = (0,pickle_checkpoint/* torchCheckpoint */.no)('pytorch-zip', starts, parts);
        return { checkpoint, zip, scans };
    });
}
function maxPickleBytes(options) {
    return options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES;
}
/** The unpickler's limits for the next pickle of a file: what is left of its pickle memory budget. */
function pickleLimits(options, budget) {
    const left = budget.pickleBytesLeft();
    const own = options.pickleLimits?.maxHeldBytes;
    return { ...options.pickleLimits, maxHeldBytes: own === undefined ? left : Math.min(own, left) };
}
async function readText(source, entry) {
    if (entry === undefined)
        return undefined;
    const { data } = await readZipRecord(source, entry, SMALL_RECORD_BYTES);
    return new TextDecoder('utf-8', { fatal: false }).decode(data).trim();
}
async function readVersion(source, zip, prefix, warnings) {
    const entry = zip.byName.get(`${prefix}/version`) ?? zip.byName.get(`${prefix}/.data/version`);
    const text = await readText(source, entry);
    if (text === undefined) {
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `the archive has no ${prefix}/version record`);
    }
    if (!/^\d{1,6}$/.test(text)) {
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `version record ${JSON.stringify(text.slice(0, 40))} is not a number`);
    }
    const version = Number(text);
    if (version < 1)
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `unsupported archive version ${version}`);
    if (version > 10)
        warnings.push(`archive version ${version} is newer than torch 1.13 reads (10)`);
    return version;
}
function noteNameMismatch(entry, localName, warnings) {
    if (localName !== entry.name) {
        warnings.push(`zip: local header name ${JSON.stringify(localName)} differs from central name ${JSON.stringify(entry.name)}`);
    }
}
/**
 * Absolute data offset of each storage record the tensors use. Checks each record exists, is large enough for
 * its storage, and is stored uncompressed (a compressed record's offset is meaningless, so it gets none). The
 * local headers (one per record: its extra field can differ from the central one) are read as one batch, then
 * checked in storage order, so warnings and the first error are the same as reading them one by one. There is
 * one record per tensor, so the bookkeeping is parallel arrays rather than an object per record.
 */
async function storageStarts(source, zip, prefix, used, warnings) {
    const dataPrefix = `${prefix}/data/`;
    const keys = [];
    const records = [];
    const needs = [];
    const stored = [];
    let failure;
    const done = new Set();
    for (let i = 0; i < used.length; i++) {
        const s = used[i];
        if (s === undefined || done.has(s.key))
            continue;
        done.add(s.key);
        const entry = zip.byName.get(dataPrefix + s.key);
        if (entry === undefined) {
            failure = new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `storage record ${prefix}/data/${s.key} is missing`);
            break;
        }
        const need = (0,state_dict/* storageBytes */.PT)(s);
        if (entry.uncompressedSize < need) {
            failure = new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `storage record ${entry.name} has ${entry.uncompressedSize} bytes but its storage needs ${need}`);
            break;
        }
        keys.push(s.key);
        records.push(entry);
        needs.push(need);
        if (entry.method === 0)
            stored.push(entry);
    }
    const headers = await readLocalHeaders(source, stored);
    const starts = new Map();
    let h = 0;
    for (let i = 0; i < records.length; i++) {
        const entry = records[i];
        if (entry.uncompressedSize > needs[i])
            warnings.push(`storage record ${entry.name} is larger than its storage (${entry.uncompressedSize} > ${needs[i]} bytes)`);
        if (entry.method !== 0) {
            warnings.push(`storage record ${entry.name} is compressed: its tensors have no byte range`);
            continue;
        }
        const header = headers[h++];
        if (header.status === 'rejected')
            throw header.reason;
        noteNameMismatch(entry, header.value.localName, warnings);
        starts.set(keys[i], header.value.dataOffset);
    }
    if (failure !== undefined)
        throw failure;
    return starts;
}
/**
 * Scan every member other than data.pkl (and the storage records data.pkl references) that holds a pickle: by
 * name (`*.pkl`, `constants.pkl`, ...), by PROTO at its start, by a trial run of its first bytes for protocol 0/1
 * pickles, and the pickled data of numpy object arrays (`.npy` members of an `.npz`). Unreferenced data records
 * are sniffed strictly (float bytes can look like anything). There is no count cap: the file's budgets bound
 * the work, and going past one fails the file rather than leaving a member unread.
 */
async function scanMembers(source, zip, dataPkl, storages, options, budget, scans, warnings) {
    const dataPrefix = zip.topFolder === undefined ? undefined : `${zip.topFolder}/data/`;
    for (const entry of zip.entries) {
        if (entry === dataPkl || entry.uncompressedSize === 0n)
            continue;
        const isData = dataPrefix !== undefined && entry.name.startsWith(dataPrefix);
        // a storage data.pkl uses: tensor bytes, never read
        if (isData && storages?.roots.has(entry.name.slice(dataPrefix.length)) === true)
            continue;
        const named = PICKLE_NAMES.test(entry.name);
        let start = 0;
        if (!named) {
            const head = await readRecordHead(source, entry, numpy_npy/* NPY_HEAD_BYTES */.X7).catch((e) => {
                if ((0,errors/* isCheckpointError */.tF)(e))
                    return new Uint8Array(0);
                throw e;
            });
            if ((0,numpy_npy/* looksLikeNpy */.pM)(head)) {
                const npy = (0,numpy_npy/* parseNpyHeader */.yw)(head);
                if ('error' in npy || !npy.objects)
                    continue;
                start = npy.dataStart;
            }
            else {
                const size = Number(entry.uncompressedSize);
                const first = (n) => n <= head.length ? Promise.resolve(head.subarray(0, n)) : readRecordHead(source, entry, n);
                const max = Math.min(size, budget.pickleBytesLeft());
                if (!(await (0,sniff.sourceLooksLikePickle)(first, size, max, isData)))
                    continue;
            }
        }
        const where = entry.name === dataPkl?.name ? `${entry.name}#${entry.index}` : entry.name;
        let data;
        try {
            const record = await readZipRecord(source, entry, maxPickleBytes(options), {
                budget,
                ignoreEncryption: true
            });
            data = record.data;
        }
        catch (e) {
            if (!(0,errors/* isCheckpointError */.tF)(e) || e.code === 'BudgetExceeded')
                throw e;
            warnings.push(`zip entry ${entry.name} could not be read for scanning: ${e.detail}`);
            continue;
        }
        budget.chargePickle(data.length, entry.name);
        if (named && (0,numpy_npy/* looksLikeNpy */.pM)(data)) {
            // a numpy array under a pickle name: its pickle, if any, follows its header
            const npy = (0,numpy_npy/* parseNpyHeader */.yw)(data.subarray(0, numpy_npy/* NPY_HEAD_BYTES */.X7));
            if ('error' in npy || !npy.objects)
                continue;
            start = npy.dataStart;
        }
        try {
            const result = (0,unpickler/* unpickle */.Kc)(data, {
                file: source.name,
                where,
                start,
                limits: pickleLimits(options, budget)
            });
            budget.chargePickle(result.held, entry.name);
            scans.push(result.scan);
        }
        catch (e) {
            if (!(e instanceof scan/* PickleError */.z4) || e.code === 'BudgetExceeded')
                throw e;
            // a sniffed member that does not parse and imports nothing was not a pickle after all
            if (!named && start === 0 && !(0,sniff/* importsPythonNames */.r9)(e.scan) && !looksFramed(data))
                continue;
            if (e.scan !== undefined)
                scans.push(e.scan);
            warnings.push(`pickle ${where} does not parse: ${e.detail}`);
        }
    }
}
function looksFramed(data) {
    return data[0] === 0x80 && data[1] !== undefined && data[1] >= 2 && data[1] <= 5;
}


/***/ })

};

//# sourceMappingURL=819.index.js.map