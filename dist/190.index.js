export const id = 190;
export const ids = [190];
export const modules = {

/***/ 7190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COUNT_GAP: () => (/* binding */ COUNT_GAP),
/* harmony export */   COUNT_SPAN: () => (/* binding */ COUNT_SPAN),
/* harmony export */   LEGACY_MAGIC: () => (/* binding */ LEGACY_MAGIC),
/* harmony export */   LEGACY_PROTOCOL_VERSION: () => (/* binding */ LEGACY_PROTOCOL_VERSION),
/* harmony export */   looksLikeTorchLegacy: () => (/* reexport safe */ _pickle_legacy_magic_js__WEBPACK_IMPORTED_MODULE_9__.Z),
/* harmony export */   readTorchLegacy: () => (/* binding */ readTorchLegacy),
/* harmony export */   readTorchLegacyDetailed: () => (/* binding */ readTorchLegacyDetailed)
/* harmony export */ });
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85407);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86289);
/* harmony import */ var _pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70891);
/* harmony import */ var _pickle_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79242);
/* harmony import */ var _pickle_storages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2736);
/* harmony import */ var _pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36599);
/* harmony import */ var _pickle_values_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6880);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73159);
/* harmony import */ var _state_dict_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(42857);
/* harmony import */ var _zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57819);
/* harmony import */ var _pickle_legacy_magic_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(75447);
/**
 * Legacy PyTorch files (before 1.6, or `_use_new_zipfile_serialization=False`; docs/reference/formats.md §2.5): five pickles
 * back to back (magic number, protocol version, sys_info, the object, the storage key list), then each storage
 * as an 8-byte element count and its raw bytes, in key-list order. Offsets come from walking those 8-byte
 * headers with seeks: storage data is never read.
 */











const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL_VERSION = 1001n;
const FIRST_WINDOW = 256 * 1024;

async function readTorchLegacy(source, options = {}) {
    return (await readTorchLegacyDetailed(source, options)).checkpoint;
}
/**
 * Parse the five pickles from a window at the file's start, growing the window (x4) whenever a pickle runs
 * past it. Pickles are small next to the storages, so this reads a few KB to MB, bounded by maxPickleBytes.
 */
async function readPickles(source, options, budget) {
    const cap = Math.min(source.size, options.maxPickleBytes ?? _zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_8__.DEFAULT_MAX_PICKLE_BYTES);
    let window = Math.min(source.size, FIRST_WINDOW);
    let charged = 0;
    for (;;) {
        // the window is pickle input: what it grows by is charged to the pickle memory budget
        budget.chargePickle(window - charged, 'the legacy header pickles');
        charged = window;
        const bytes = await source.read(0, window);
        try {
            return parseAll(source, bytes, window === source.size, options, budget);
        }
        catch (e) {
            if (!(e instanceof _pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_5__/* .NeedMoreInput */ .ag))
                throw e;
            if (window >= cap) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('PickleLimitExceeded', source.name, `the legacy header pickles exceed ${cap} bytes`);
            }
            window = Math.min(cap, window * 4);
        }
    }
}
function parseAll(source, bytes, complete, options, budget) {
    // a retry with a larger window rebuilds everything: only the last run's objects are held
    let held = 0;
    const storages = new _pickle_storages_js__WEBPACK_IMPORTED_MODULE_4__/* .StorageRegistry */ .F();
    const results = [];
    let pos = 0;
    for (let n = 0; n < 5; n++) {
        const r = (0,_pickle_unpickler_js__WEBPACK_IMPORTED_MODULE_5__/* .unpickle */ .Kc)(bytes, {
            file: source.name,
            where: `legacy:${n}`,
            start: pos,
            complete,
            limits: { ...(0,_zip_checkpoint_js__WEBPACK_IMPORTED_MODULE_8__.pickleLimits)(options, budget), maxHeldBytes: budget.pickleBytesLeft() - held },
            priorGlobals: (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeGlobals */ .Pv)(results.flatMap((x) => (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanGlobals */ .GQ)(x.scan))),
            ...(n === 3 ? { persistentLoad: storages.load } : {})
        });
        results.push(r);
        held += r.held;
        pos = r.end;
        if (n === 0)
            checkMagic(source, r);
    }
    budget.chargePickle(held, 'the legacy header pickles');
    return { results, storages };
}
function checkMagic(source, r) {
    if (r.value === LEGACY_MAGIC)
        return;
    // GHSA-97f8-7cmv-76j2: a "magic" built by a call (eval) passes a naive check once executed; ours is a literal
    const detail = typeof r.value === 'bigint'
        ? `magic number 0x${r.value.toString(16)} is not the torch legacy magic`
        : `magic number is a ${(0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .describeValue */ .bp)(r.value)}, not an integer literal`;
    throw new _pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .PickleError */ .z4('InvalidTorchFile', source.name, detail, {
        globals: (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanGlobals */ .GQ)(r.scan),
        scan: r.scan
    });
}
async function readTorchLegacyDetailed(source, options = {}) {
    const budget = (0,_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .fileBudget */ .ki)(source.name, options.budget);
    const { results, storages } = await readPickles(source, options, budget);
    const scans = results.map((r) => r.scan);
    const globals = (0,_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeGlobals */ .Pv)(scans.flatMap(_pickle_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanGlobals */ .GQ));
    return (0,_pickle_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .withPickleGlobals */ .Pb)(globals, async () => {
        const [, protocol, sysInfo, main, keys] = results;
        if (protocol.value !== LEGACY_PROTOCOL_VERSION) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `protocol version ${(0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .describeValue */ .bp)(protocol.value)} ${String(protocol.value)} is not 1001`);
        }
        const warnings = [];
        const metadata = {
            protocolVersion: 1001,
            ...sysInfoMetadata(sysInfo.value, warnings)
        };
        if (storages.nonStorageIds > 0)
            warnings.push(`${storages.nonStorageIds} persistent ids are not storages (e.g. whole-module source ids)`);
        warnings.push(...storages.problems);
        const starts = await walkStorages(source, keys, storages, warnings);
        const selection = (0,_state_dict_js__WEBPACK_IMPORTED_MODULE_7__/* .findStateDict */ .xP)(main.value, source.name, options.walkLimits, true, budget);
        const parts = { source, selection, metadata, scans, globals, warnings, budget };
        const checkpoint = (0,_pickle_checkpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .torchCheckpoint */ .no)('pytorch-legacy', starts, parts);
        return { checkpoint, scans };
    });
}
function sysInfoMetadata(v, warnings) {
    const out = {};
    if (v === null || typeof v !== 'object' || v.kind !== 'dict') {
        warnings.push(`sys_info is a ${(0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .describeValue */ .bp)(v)}, not a dict`);
        return out;
    }
    const little = (0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .dictGet */ .R5)(v, 'little_endian');
    if (typeof little === 'boolean') {
        out.byteorder = little ? 'little' : 'big';
        if (!little)
            warnings.push('sys_info says big-endian: storages are not little-endian');
    }
    const sizes = (0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .dictGet */ .R5)(v, 'type_sizes');
    if (sizes !== undefined && sizes !== null && typeof sizes === 'object' && sizes.kind === 'dict') {
        const ts = Object.create(null);
        for (const [k, n] of sizes.entries)
            if (typeof k === 'string' && typeof n === 'bigint' && n < 64n)
                ts[k] = Number(n);
        out.typeSizes = ts;
    }
    return out;
}
/**
 * Walk the storage blocks in key-list order: each is a u64 element count (which must match the persistent id)
 * followed by the data. Returns each root storage's data offset.
 *
 * Every block's position follows from the pickle alone (each block is 8 bytes plus the storage's size), so the
 * positions are computed first and the 8-byte counts are then fetched in one batch (`readRanges`), counts of small
 * storages sharing one bounded read. The checks keep the order of a walk that reads block by block: a
 * count that does not match is reported before a problem with a later key.
 */
async function walkStorages(source, keysResult, storages, warnings) {
    const list = keysResult.value;
    if (list === null || typeof list !== 'object' || list.kind !== 'list') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `the storage key list is a ${(0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .describeValue */ .bp)(list)}, not a list`);
    }
    const starts = new Map();
    const size = BigInt(source.size);
    let pos = BigInt(keysResult.end);
    /** Blocks in key order: the storage and the position of its 8-byte count. */
    const blocks = [];
    /** The first problem the walk meets, raised once the counts before it are checked. */
    let problem;
    for (const key of list.items) {
        if (typeof key !== 'string') {
            problem = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `a storage key is a ${(0,_pickle_values_js__WEBPACK_IMPORTED_MODULE_10__/* .describeValue */ .bp)(key)}, not a str`);
            break;
        }
        const storage = storages.roots.get(key);
        if (storage === undefined) {
            problem = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `storage key ${JSON.stringify(key)} is not used by the object`);
            break;
        }
        if (starts.has(key)) {
            problem = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `storage key ${JSON.stringify(key)} is listed twice`);
            break;
        }
        if (pos + 8n > size) {
            problem = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('Truncated', source.name, `the file ends before storage ${key}'s header at byte ${pos}`);
            break;
        }
        blocks.push({ key, storage, at: Number(pos) });
        starts.set(key, pos + 8n);
        pos += 8n + (0,_state_dict_js__WEBPACK_IMPORTED_MODULE_7__/* .storageBytes */ .PT)(storage);
        if (pos > size) {
            problem = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('Truncated', source.name, `storage ${key} runs to byte ${pos}, past the end of the file (${size})`);
            break;
        }
    }
    await checkCounts(source, blocks);
    if (problem !== undefined)
        throw problem;
    const missing = [...storages.roots.keys()].filter((k) => !starts.has(k));
    if (missing.length > 0)
        warnings.push(`${missing.length} storages have no data block (e.g. ${JSON.stringify(missing[0])})`);
    if (pos < size)
        warnings.push(`${size - pos} bytes after the last storage (a polyglot file?)`);
    return starts;
}
/**
 * Counts share one read when the storage data between them is at most COUNT_GAP bytes (a page: reading it costs
 * less than another read call), and a shared read spans at most COUNT_SPAN bytes. So at most 4 KiB of tensor data
 * per storage is ever read, and only of small storages.
 */
const COUNT_GAP = 4096;
const COUNT_SPAN = 64 * 1024;
/** Reads every block's 8-byte element count and checks it against the pickle's, in block order. */
async function checkCounts(source, blocks) {
    // blocks are in increasing file order
    const ranges = [];
    const rangeOf = new Array(blocks.length);
    for (let i = 0; i < blocks.length; i++) {
        const at = blocks[i].at;
        const last = ranges[ranges.length - 1];
        if (last !== undefined &&
            at - (last.offset + last.length) <= COUNT_GAP &&
            at + 8 - last.offset <= COUNT_SPAN)
            last.length = at + 8 - last.offset;
        else
            ranges.push({ offset: at, length: 8 });
        rangeOf[i] = ranges.length - 1;
    }
    const results = await (0,_source_js__WEBPACK_IMPORTED_MODULE_6__/* .readRanges */ .DA)(source, ranges);
    for (let i = 0; i < blocks.length; i++) {
        const { key, storage, at } = blocks[i];
        const r = results[rangeOf[i]];
        if (r.status === 'rejected')
            throw r.reason;
        const range = ranges[rangeOf[i]];
        const view = new DataView(r.value.buffer, r.value.byteOffset, r.value.byteLength);
        const numel = view.getBigInt64(at - range.offset, true);
        if (numel !== storage.numel) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('InvalidTorchFile', source.name, `storage ${key} has ${numel} elements in the file but ${storage.numel} in the pickle`);
        }
    }
}


/***/ })

};

//# sourceMappingURL=190.index.js.map