"use strict";
exports.id = 12;
exports.ids = [12];
exports.modules = {

/***/ 8012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HeaderCache: () => (/* binding */ HeaderCache)
/* harmony export */ });
/* unused harmony export DEFAULT_HEADER_CACHE_ENTRIES */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5407);
/* harmony import */ var _detect_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(445);
/* harmony import */ var _file_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3267);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2964);
/* harmony import */ var _safetensors_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7126);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3159);







/** Distinct headers kept by default: far more than a gate run reads, and each entry is one parsed header. */
const DEFAULT_HEADER_CACHE_ENTRIES = 4096;
class HeaderCache {
    byKey = new Map();
    /** Headers being parsed: a file with the same header read meanwhile waits for that parse instead of its own. */
    pending = new Map();
    /** Safetensors headers kept, by file size and header length: their bytes and the key each was given. */
    kept = new Map();
    keptBytes = 0;
    maxEntries;
    derive;
    /** Files whose header had been read before (their value was shared, and not parsed again if possible). */
    hits = 0;
    constructor(opts = {}) {
        this.maxEntries = opts.maxEntries ?? DEFAULT_HEADER_CACHE_ENTRIES;
        this.derive = opts.derive;
    }
    /** Distinct headers held. */
    get size() {
        return this.byKey.size;
    }
    /** Reads a local file or folder (see the module comment); errors are the readers' typed errors. */
    async read(path, opts = {}) {
        // one scope per file: given back when the file fails, when its header was a repeat, or when only what
        // `derive` made of it is kept
        const budget = (opts.budget ?? new _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .ReadBudget */ .QT()).scope();
        try {
            const read = await this.readScoped(path, budget, opts.readOther);
            if (read.shared || this.derive !== undefined)
                budget.release();
            return read;
        }
        catch (e) {
            budget.release();
            throw e;
        }
    }
    async readScoped(path, budget, readOther) {
        const other = async () => {
            const checkpoint = await (readOther ?? ((p, b) => (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readCheckpoint */ .HQ)(p, { budget: b })))(path, budget);
            return { value: this.valueOf(checkpoint), key: undefined, shared: false };
        };
        const source = (0,_source_js__WEBPACK_IMPORTED_MODULE_5__/* .openLocalEntry */ .S_)(path, _source_js__WEBPACK_IMPORTED_MODULE_5__/* .HEAD_BYTES */ .Lq, path, headScratch);
        if (source === 'dir')
            return other();
        try {
            const kind = source.size > 0 ? (0,_detect_js__WEBPACK_IMPORTED_MODULE_6__/* .detectKind */ .i)(source.head.subarray(0, 512), source.size) : 'unknown';
            // an index or manifest opens other files: read it the ordinary way, without a key
            if (kind === 'json')
                return await other();
            const header = kind === 'safetensors' ? safetensorsHeader(source) : undefined;
            const early = header === undefined ? undefined : { header, key: this.safetensorsKey(source.size, header) };
            if (early !== undefined) {
                const known = this.byKey.get(early.key);
                if (known !== undefined)
                    return this.hit(known, early.key);
                // The header bytes are in reused buffers: the reader gets a copy. It is made before any await, and the
                // check for a read of this header under way and the `pending` entry below happen in one turn.
                const copy = early.header.slice();
                const waiting = this.pending.get(early.key);
                if (waiting !== undefined) {
                    const value = await waiting.catch(() => undefined);
                    if (value !== undefined)
                        return this.hit(value, early.key);
                }
                // the reader takes the header from memory
                source.head = copy;
                const parsing = (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(source, path, _file_access_js__WEBPACK_IMPORTED_MODULE_2__/* .localFileAccess */ .oF, budget).then((c) => this.keep(early.key, c));
                const value = parsing.then((r) => r.value);
                value.catch(() => undefined); // a failed parse is its reader's error; a waiting file reads for itself
                this.pending.set(early.key, value);
                try {
                    return await parsing;
                }
                finally {
                    this.pending.delete(early.key);
                }
            }
            source.head = source.head.slice();
            const hash = sha256().update(`reads:${source.size}:`);
            const checkpoint = await (0,_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readSource */ .o$)(new HashingSource(source, hash), path, _file_access_js__WEBPACK_IMPORTED_MODULE_2__/* .localFileAccess */ .oF, budget);
            const key = hash.digest('hex');
            const known = this.byKey.get(key);
            return known !== undefined ? this.hit(known, key) : this.keep(key, checkpoint);
        }
        finally {
            await source.close().catch(() => undefined);
        }
    }
    /**
     * The key of a safetensors header (`header`: the file's first 8 + N bytes, in a reused buffer). A header kept
     * before, byte for byte, keeps its key; a new one is kept while there is room, else keyed by its SHA-256. A header
     * not kept when first seen is never kept later (both limits only fill), so its copies all get the hash key.
     */
    safetensorsKey(size, header) {
        const bucket = `${size}:${header.length}`;
        let list = this.kept.get(bucket);
        if (list !== undefined)
            for (const k of list)
                if (Buffer.compare(k.header, header) === 0)
                    return k.key;
        if ((list?.length ?? 0) < MAX_KEPT_PER_SIZE && this.keptBytes + header.length <= MAX_KEPT_BYTES) {
            if (list === undefined)
                this.kept.set(bucket, (list = []));
            const key = `safetensors:${bucket}:${list.length}`;
            list.push({ header: header.slice(), key });
            this.keptBytes += header.length;
            return key;
        }
        return sha256().update(`safetensors:${size}:`).update(header).digest('hex');
    }
    valueOf(checkpoint) {
        return this.derive ? this.derive(checkpoint) : checkpoint;
    }
    hit(value, key) {
        this.hits++;
        return { value, key, shared: true };
    }
    keep(key, checkpoint) {
        const value = this.valueOf(checkpoint);
        if (this.byKey.size < this.maxEntries)
            this.byKey.set(key, value);
        return { value, key, shared: false };
    }
}
/** Where each file's first bytes are read (reused: most headers are repeats, never parsed). */
const headScratch = new Uint8Array(_source_js__WEBPACK_IMPORTED_MODULE_5__/* .HEAD_BYTES */ .Lq);
/** Where headers longer than the first read are read to be hashed (reused: most are never parsed). */
let scratch = new Uint8Array(0);
const MAX_SCRATCH = 16 << 20;
/** Header bytes kept for comparison (a 136 KB LoRA header: 490 of them). */
const MAX_KEPT_BYTES = 64 << 20;
/** Different headers kept per file size and header length (each costs a comparison for the next such file). */
const MAX_KEPT_PER_SIZE = 8;
/**
 * A safetensors file's first 8 + N bytes, in a reused buffer; undefined when the prefix is bad (the reader then
 * reports it). A header longer than the first read is read whole here, once.
 */
function safetensorsHeader(source) {
    if (source.head.length < 8)
        return undefined;
    let n;
    try {
        n = (0,_safetensors_read_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafetensorsPrefix */ .MP)(source.head.subarray(0, 8), source.size, source.name);
    }
    catch {
        return undefined;
    }
    let header = source.head.subarray(0, 8 + n);
    if (8 + n > source.head.length) {
        if (8 + n > MAX_SCRATCH)
            header = new Uint8Array(8 + n);
        else {
            if (scratch.length < 8 + n)
                scratch = new Uint8Array(Math.max(8 + n, 2 * scratch.length));
            header = scratch.subarray(0, 8 + n);
        }
        // the first bytes are in memory already: read only the rest
        header.set(source.head, 0);
        source.fill(header.subarray(source.head.length), source.head.length);
    }
    return header;
}
/** A source that feeds every range it hands out (offset, length, bytes) into a hash. */
class HashingSource {
    inner;
    hash;
    readMany;
    constructor(inner, hash) {
        this.inner = inner;
        this.hash = hash;
        const many = inner.readMany?.bind(inner);
        if (many !== undefined) {
            this.readMany = async (ranges) => {
                const all = await many(ranges);
                for (let i = 0; i < all.length; i++)
                    this.note(ranges[i].offset, all[i]);
                return all;
            };
        }
    }
    get name() {
        return this.inner.name;
    }
    get size() {
        return this.inner.size;
    }
    async read(offset, length) {
        const bytes = await this.inner.read(offset, length);
        this.note(offset, bytes);
        return bytes;
    }
    close() {
        return this.inner.close();
    }
    note(offset, bytes) {
        this.hash.update(`${offset}+${bytes.length}:`).update(bytes);
    }
}
/**
 * A SHA-256 hash, with node:crypto loaded on first use: `analyze` of one file (this module's most common importer)
 * never hashes, and loading node:crypto costs a quarter of `node -e 0` on Node 24 (measured with valgrind: +25 M
 * instructions over 89 M).
 */
function sha256() {
    const crypto = process.getBuiltinModule?.('node:crypto') ??
        (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(require("url").pathToFileURL(__filename).href)('node:crypto');
    return crypto.createHash('sha256');
}


/***/ })

};
;