"use strict";
exports.id = 515;
exports.ids = [515];
exports.modules = {

/***/ 2616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gp: () => (/* binding */ outputWidth),
/* harmony export */   wV: () => (/* binding */ DISPLAY_OPTIONS)
/* harmony export */ });
/* unused harmony export terminalWidth */
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7593);
/* harmony import */ var _report_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1894);
/**
 * How wide the CLI's console output may be: `--wide` for no limit, else COLUMNS, else the terminal's width, else
 * 100 columns (a pipe, a file, a CI log). The renderers fit their output to it (src/report/layout.ts).
 */


const DISPLAY_OPTIONS = {
    wide: {
        kind: 'boolean',
        help: 'do not fit the output to the terminal width (whole names, full tables)'
    }
};
/** COLUMNS when it is a positive whole number, else the terminal's columns, else DEFAULT_WIDTH. */
function terminalWidth(env, columns) {
    const fromEnv = /^\d{1,5}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
    const width = fromEnv > 0 ? fromEnv : columns !== undefined && columns > 0 ? columns : _report_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_WIDTH */ .jz;
    return Math.max(_report_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .MIN_WIDTH */ .Yh, width);
}
/** The width a command renders for: unlimited with --wide. */
function outputWidth(args, io) {
    return (0,_args_js__WEBPACK_IMPORTED_MODULE_0__/* .flag */ .Jt)(args, 'wide') ? Number.POSITIVE_INFINITY : terminalWidth(io.env, io.columns);
}


/***/ }),

/***/ 4924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ REMOTE_OPTIONS),
  u: () => (/* binding */ checkpointReader)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/formats/file-access.ts
var file_access = __webpack_require__(3267);
// EXTERNAL MODULE: ./src/formats/http/url.ts
var url = __webpack_require__(9740);
// EXTERNAL MODULE: ./src/formats/index.ts + 1 modules
var formats = __webpack_require__(2964);
;// CONCATENATED MODULE: ./src/node/locations.ts
/**
 * How both front ends read what the user names: local paths, `https://` URLs and `hf://ORG/REPO[@REV]/PATH`,
 * through one RemoteContext per run (one HTTP client, one token, one header cache) and one FileAccess, so a
 * checkpoint and any bytes read later from it (LoRA alphas) come through the same door.
 */



/**
 * `flags`: `--hf-token` / `hf-token`, `--cache-dir` / the runner's cache folder, `false` for no header cache;
 * unset values fall back to `env` (HF_TOKEN, HF_ENDPOINT, XDG_CACHE_HOME).
 */
function openLocations(flags, env = process.env) {
    let remote;
    // The HTTP client (node:http, node:https, tls) is loaded, and the context and its cache folder made, only
    // when a remote location is read: a local CLI run never pays for them.
    const remoteAccess = () => (remote ??= Promise.all([
        __webpack_require__.e(/* import() */ 106).then(__webpack_require__.bind(__webpack_require__, 6106)),
        __webpack_require__.e(/* import() */ 925).then(__webpack_require__.bind(__webpack_require__, 6925))
    ]).then(([{ RemoteContext, remoteOptions }, { remoteFileAccess }]) => {
        const ctx = new RemoteContext(remoteOptions(flags, env));
        return { ctx, fs: remoteFileAccess(ctx) };
    }));
    let context;
    const access = async (location) => {
        if (!(0,url/* isRemoteLocation */.qk)(location))
            return file_access/* localFileAccess */.oF;
        const r = await remoteAccess();
        context = r.ctx;
        return r.fs;
    };
    return {
        read: async (location, options = {}) => {
            const fs = await access(location);
            return fs === file_access/* localFileAccess */.oF
                ? (0,formats/* readCheckpoint */.HQ)(location, options)
                : (0,formats/* readCheckpoint */.HQ)(location, { ...options, fs });
        },
        open: async (location) => (await access(location)).open(location),
        redact: (text) => (context ? context.redact(text) : text)
    };
}

;// CONCATENATED MODULE: ./src/cli/read.ts


const REMOTE_OPTIONS = {
    'hf-token': {
        kind: 'string',
        help: 'token for hf:// and Hub URLs (prefer the HF_TOKEN variable: arguments show in the process list)',
        value: 'TOKEN'
    },
    'cache-dir': {
        kind: 'string',
        help: 'where remote headers are cached (default $XDG_CACHE_HOME/model-compat)',
        value: 'DIR'
    },
    'no-cache': { kind: 'boolean', help: 'do not cache remote headers' }
};
function checkpointReader(args, io) {
    return openLocations({ hfToken: (0,cli_args/* str */.gx)(args, 'hf-token'), cacheDir: (0,cli_args/* flag */.Jt)(args, 'no-cache') ? false : (0,cli_args/* str */.gx)(args, 'cache-dir') }, io.env);
}


/***/ }),

/***/ 5407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QT: () => (/* binding */ ReadBudget),
/* harmony export */   ki: () => (/* binding */ fileBudget)
/* harmony export */ });
/* unused harmony exports DEFAULT_BUDGET_LIMITS, FileBudget */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5094);
/**
 * Resource budgets of a read: what one file, and all the files of one run (a gate over many artifacts), may cost
 * in tensors, inflated bytes and pickle memory. Structural limits (a header's size, a count's bound) are checked
 * by each reader against the file itself; a budget bounds what a file that is valid, or looks valid, makes us
 * build. Going past one is a `BudgetExceeded` error for that file only: a gate reports that artifact as an error
 * and goes on with the others.
 *
 * One `ReadBudget` is made per run by a front end and passed to every read (`readCheckpoint(path, { budget })`);
 * each opened file gets its own `FileBudget`, which charges the run as it goes. Without one, each read gets a
 * fresh run budget with the default limits, so the per-file limits always apply.
 */


const DEFAULT_BUDGET_LIMITS = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .BUDGET_LIMITS */ .ts;
/** The budget of one run: every file read with it charges its totals. */
class ReadBudget {
    limits;
    /** The run's totals, shared by every scope of the run. */
    totals;
    /** The files read in this scope (see `scope`). */
    files = [];
    /** Scopes opened inside this one: a read inside a read (a folder's files, a reader given a scope). */
    scopes = [];
    constructor(limits = {}, totals) {
        this.limits = { ...DEFAULT_BUDGET_LIMITS, ...limits };
        this.totals = totals ?? { tensors: 0, inflatedBytes: 0 };
    }
    /** Tensors described so far by every file of the run (and still held: a failed artifact's are released). */
    get tensors() {
        return this.totals.tensors;
    }
    set tensors(n) {
        this.totals.tensors = n;
    }
    /** Bytes inflated so far by every file of the run. */
    get inflatedBytes() {
        return this.totals.inflatedBytes;
    }
    set inflatedBytes(n) {
        this.totals.inflatedBytes = n;
    }
    /** A budget for one file (named in errors), charging this run. */
    forFile(file) {
        const budget = new FileBudget(this, file);
        this.files.push(budget);
        return budget;
    }
    /**
     * The same run, for the files of one artifact (a folder reads many): `release` gives back their tensors when
     * the artifact fails as a whole.
     */
    scope() {
        const inner = new ReadBudget(this.limits, this.totals);
        this.scopes.push(inner);
        return inner;
    }
    /**
     * Give back the tensors of every file read in this scope and the scopes inside it: when the artifact fails as a
     * whole, or when what was read is no longer held (the gate keeps an artifact's verdict, not its tensors).
     */
    release() {
        for (const f of this.files)
            f.release();
        for (const s of this.scopes)
            s.release();
    }
}
/** What one file has cost so far; each charge throws `BudgetExceeded` naming the file and the budget. */
class FileBudget {
    run;
    file;
    tensors = 0;
    inflatedBytes = 0;
    pickleBytes = 0;
    constructor(run, file) {
        this.run = run;
        this.file = file;
    }
    get limits() {
        return this.run.limits;
    }
    /** A tensor count a header declares, checked before anything is parsed for it. */
    checkTensorCount(declared, what = 'the header') {
        const n = typeof declared === 'bigint' ? declared : BigInt(declared);
        if (n > BigInt(this.limits.maxTensorsPerFile)) {
            throw this.exceeded(`${what} declares ${n} tensors; the budget is ${this.limits.maxTensorsPerFile} tensors per file`);
        }
        if (n + BigInt(this.run.tensors) > BigInt(this.limits.maxTensorsPerRun)) {
            throw this.exceeded(this.runTensorsText(n));
        }
    }
    /**
     * Count `n` more tensors described by this file, per file and at once per run (files of a run are read
     * concurrently: each sees what the others hold so far).
     */
    addTensors(n) {
        if (this.tensors + n > this.limits.maxTensorsPerFile) {
            throw this.exceeded(`more than ${this.limits.maxTensorsPerFile} tensors; the budget is ${this.limits.maxTensorsPerFile} tensors per file`);
        }
        if (this.run.tensors + n > this.limits.maxTensorsPerRun) {
            throw this.exceeded(this.runTensorsText(BigInt(n)));
        }
        this.tensors += n;
        this.run.tensors += n;
    }
    /** A file that failed holds nothing: its tensors no longer count against the run. */
    release() {
        this.run.tensors -= this.tensors;
        this.tensors = 0;
    }
    /** Reserve `n` bytes of inflated output before inflating a record (its declared size). */
    reserveInflate(n, what) {
        const bytes = typeof n === 'bigint' ? n : BigInt(n);
        if (bytes + BigInt(this.inflatedBytes) > BigInt(this.limits.maxInflatedBytesPerFile)) {
            throw this.exceeded(`${what} declares ${bytes} inflated bytes; the budget is ${this.limits.maxInflatedBytesPerFile} ` +
                `bytes of inflated records per file (${this.inflatedBytes} used)`);
        }
        if (bytes + BigInt(this.run.inflatedBytes) > BigInt(this.limits.maxInflatedBytesPerRun)) {
            throw this.exceeded(`${what} declares ${bytes} inflated bytes; the run has used ${this.run.inflatedBytes} of its ` +
                `${this.limits.maxInflatedBytesPerRun}-byte budget`);
        }
        this.inflatedBytes += Number(bytes);
        this.run.inflatedBytes += Number(bytes);
    }
    /** Pickle memory still free for this file. */
    pickleBytesLeft() {
        return Math.max(0, this.limits.maxPickleBytesPerFile - this.pickleBytes);
    }
    /** Charge `n` bytes of pickle memory (pickle bytes read, or what a pickle built). */
    chargePickle(n, what) {
        if (this.pickleBytes + n > this.limits.maxPickleBytesPerFile) {
            throw this.exceeded(`${what} needs ${n} bytes of pickle memory; the budget is ${this.limits.maxPickleBytesPerFile} bytes ` +
                `per file (${this.pickleBytes} used)`);
        }
        this.pickleBytes += n;
    }
    exceeded(detail) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('BudgetExceeded', this.file, detail);
    }
    runTensorsText(n) {
        return (`${n} more tensors would pass the run's budget of ${this.limits.maxTensorsPerRun} tensors ` +
            `(${this.run.tensors} described so far)`);
    }
}
/** The budget of a file read outside any run (a fresh run with the default limits). */
function fileBudget(file, budget) {
    if (budget instanceof FileBudget)
        return budget;
    return (budget ?? new ReadBudget()).forFile(file);
}


/***/ }),

/***/ 445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ detectKind),
/* harmony export */   u: () => (/* binding */ DETECT_BYTES)
/* harmony export */ });
/* harmony import */ var _torch_pickle_legacy_magic_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5447);
/**
 * Format detection by content, never by extension: a `.bin` may be a torch zip, a legacy pickle or safetensors,
 * and a renamed file must still be read correctly. An unknown file gets a clear error rather than a guess.
 */

/** Bytes of the file's start that `detectKind` needs to decide. */
const DETECT_BYTES = 512;
const isJsonSpace = (b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
function startsWith(head, bytes) {
    if (head.length < bytes.length)
        return false;
    return bytes.every((b, i) => head[i] === b);
}
function firstNonSpace(head, from) {
    for (let i = from; i < head.length; i++)
        if (!isJsonSpace(head[i]))
            return head[i];
    return undefined;
}
/**
 * Decide the kind from the first bytes of a file. `head` holds up to DETECT_BYTES bytes, `size` the whole size.
 */
function detectKind(head, size) {
    if (startsWith(head, [0x47, 0x47, 0x55, 0x46]))
        return 'gguf'; // "GGUF"
    // Local file header, or the end-of-central-directory record of an empty archive.
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
        return 'zip';
    // The legacy torch format opens with a pickled magic number (protocol 2, or framed at protocol 4/5).
    if ((0,_torch_pickle_legacy_magic_js__WEBPACK_IMPORTED_MODULE_0__/* .looksLikeTorchLegacy */ .Z)(head))
        return 'torch-legacy';
    // safetensors: an 8-byte little-endian header size, then a JSON object (leading whitespace is allowed, §1.5).
    // Checked before plain JSON because the size's low byte can itself be '{'.
    if (head.length >= 9 && firstNonSpace(head, 8) === 0x7b)
        return 'safetensors';
    // A header padded with more whitespace than we looked at (the reference crate's tests pad with thousands of
    // spaces) is still safetensors when the declared size fits the file: the reader then validates it in full.
    if (head.length >= 9 && firstNonSpace(head, 8) === undefined && size > head.length) {
        const declared = new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true);
        if (declared > BigInt(head.length - 8) && declared <= BigInt(size - 8))
            return 'safetensors';
    }
    if (firstNonSpace(head, 0) === 0x7b)
        return 'json';
    // A pickle of protocol 2 to 5 opens with PROTO n. Protocols 0 and 1 have no marker: an 'unknown' file gets a
    // trial run of the pickle machine before it is called unknown (index.ts), which this pure check cannot do.
    if (head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5)
        return 'pickle';
    // numpy arrays: an object array's data is a pickle
    if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]))
        return 'npy';
    // PyTorch 0.1.1 wrote tar archives ("ustar" at offset 257): named so the error can say what it is.
    if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar')
        return 'tar';
    void size;
    return 'unknown';
}


/***/ }),

/***/ 3627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ isSafetensorsDtype),
/* harmony export */   Iu: () => (/* binding */ SAFETENSORS_DTYPE_BITS),
/* harmony export */   yQ: () => (/* reexport safe */ _util_numel_js__WEBPACK_IMPORTED_MODULE_0__.y)
/* harmony export */ });
/* harmony import */ var _util_numel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2009);
/** Bits per element of each safetensors dtype (docs/reference/formats.md §1.3). GGUF types are in gguf.ts. */
const SAFETENSORS_DTYPE_BITS = Object.freeze({
    BOOL: 8,
    F4: 4,
    F6_E2M3: 6,
    F6_E3M2: 6,
    U8: 8,
    I8: 8,
    F8_E5M2: 8,
    F8_E4M3: 8,
    F8_E8M0: 8,
    F8_E4M3FNUZ: 8,
    F8_E5M2FNUZ: 8,
    I16: 16,
    U16: 16,
    F16: 16,
    BF16: 16,
    I32: 32,
    U32: 32,
    F32: 32,
    C64: 64,
    F64: 64,
    I64: 64,
    U64: 64
});
function isSafetensorsDtype(name) {
    return Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPE_BITS, name);
}
/** Element count of a shape as BigInt (shapes of hostile files can pass 2^53). */



/***/ }),

/***/ 3267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ readSmallFile),
/* harmony export */   LT: () => (/* binding */ confinedFileAccess),
/* harmony export */   oF: () => (/* binding */ localFileAccess),
/* harmony export */   sh: () => (/* binding */ isPlainName)
/* harmony export */ });
/* unused harmony export isInside */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6289);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3159);
/**
 * The few file-system operations the folder readers (sharded checkpoints, diffusers folders) need, behind an
 * interface so an HTTP source (src/formats/http) can stand in for the local disk: a Hub repository can open files as
 * range-read sources, list a folder through its tree API and answer "does this exist".
 * Paths are opaque strings to the readers: they are only built with `join` and split with `dirname`/`basename`.
 */
 // callbacks: see source.ts on node:fs/promises



const localFileAccess = {
    open: (path) => (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .openLocalFile */ .Kp)(path),
    async list(dir) {
        try {
            return await new Promise((resolve, reject) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, (e, names) => (e ? reject(e) : resolve(names))));
        }
        catch (e) {
            throw (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(dir, e);
        }
    },
    async kind(path) {
        try {
            const st = await new Promise((resolve, reject) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.stat)(path, (e, stats) => (e ? reject(e) : resolve(stats))));
            return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(path, e);
        }
    },
    join: node_path__WEBPACK_IMPORTED_MODULE_1__.join,
    dirname: node_path__WEBPACK_IMPORTED_MODULE_1__.dirname,
    basename: node_path__WEBPACK_IMPORTED_MODULE_1__.basename
};
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * `base` with every local path checked after symbolic links: a folder artifact (shards, diffusers components,
 * `model_index.json`) may hold links, and a link to a file elsewhere on the machine would put its tensor names,
 * or its first bytes in an error, into a report. `open`, `list` and `kind` resolve the real path and refuse
 * (`OutsideRoot`) one that is not inside every root; `open` then opens the resolved path, so a link swapped
 * after the check is not followed. URLs pass through untouched (they are not on this machine).
 */
async function confinedFileAccess(base, roots) {
    const real = await Promise.all(roots.map(async (r) => ({ ...r, real: await realpathOf(r.path).catch(() => r.path) })));
    const check = async (path) => {
        let resolved;
        try {
            resolved = await realpathOf(path);
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .fsError */ .yi)(path, e);
        }
        for (const root of real) {
            if (!isInside(root.real, resolved)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CheckpointError */ .jg('OutsideRoot', path, `resolves outside ${root.what} (a symbolic link to a file elsewhere on this machine); not read`);
            }
        }
        return resolved;
    };
    return {
        ...base,
        async open(path) {
            if (URL_LIKE.test(path))
                return base.open(path);
            const resolved = await check(path);
            return resolved === undefined ? base.open(path) : (0,_source_js__WEBPACK_IMPORTED_MODULE_3__/* .openLocalFile */ .Kp)(resolved, path);
        },
        async list(dir) {
            if (URL_LIKE.test(dir))
                return base.list(dir);
            return base.list((await check(dir)) ?? dir);
        },
        async kind(path) {
            if (URL_LIKE.test(path))
                return base.kind(path);
            const resolved = await check(path);
            return resolved === undefined ? undefined : base.kind(resolved);
        }
    };
}
function realpathOf(path) {
    return new Promise((resolve, reject) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpath)(path, (e, p) => (e ? reject(e) : resolve(p))));
}
/** Whether `path` is `root` or inside it (both real paths). */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/** Read a whole small JSON-ish file through `fs`, refusing anything above `maxBytes` with `code`. */
async function readSmallFile(fs, path, maxBytes, code) {
    const source = await fs.open(path);
    try {
        if (source.size > maxBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CheckpointError */ .jg(code, source.name, `${source.size} bytes; the limit is ${maxBytes} bytes`);
        }
        return { bytes: await source.read(0, source.size), size: source.size };
    }
    finally {
        await source.close().catch(() => undefined);
    }
}
/**
 * A weight_map or model_index entry must name a plain file or folder in the same directory: no separators, no
 * `..`, no URL. A hostile index could otherwise make us open `/etc/passwd` or a remote URL.
 */
function isPlainName(name) {
    return (name.length > 0 &&
        name.length <= 255 &&
        name !== '.' &&
        name !== '..' &&
        !/[/\\\0]/.test(name) &&
        !name.includes('://') &&
        !/^[A-Za-z]:/.test(name));
}


/***/ }),

/***/ 3375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dy: () => (/* binding */ readShardFolder),
/* harmony export */   JK: () => (/* binding */ parseShardFilename),
/* harmony export */   Kj: () => (/* binding */ readShardedIndex),
/* harmony export */   OW: () => (/* binding */ parseJsonFile),
/* harmony export */   Zv: () => (/* binding */ listNames)
/* harmony export */ });
/* unused harmony exports MAX_INDEX_BYTES, MAX_SHARDS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _file_access_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3267);
/* harmony import */ var _json_strict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7280);
/* harmony import */ var _safetensors_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7126);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5094);
/* harmony import */ var _util_order_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1204);
/**
 * Sharded checkpoints: a `*.safetensors.index.json` (`{"metadata": {...}, "weight_map": {tensor: shard}}`) or a
 * folder of `prefix-0000k-of-0000n.safetensors` shards, read as one `Checkpoint` (format `safetensors-sharded`,
 * tensors in shard order, one `components` entry per shard). Each shard is read header-only like a single file.
 *
 * Missing shards: if no shard can be found the read fails (`MissingShard`); if some are found, the read succeeds
 * with a `MissingShard:` warning that names the absent shards and how many tensors they held. A partial
 * description is still useful (a compare shows exactly which tensors are absent) and the warning says why;
 * refusing outright would hide everything the present shards can tell. Inconsistencies between the index and
 * the shards (a tensor in a different shard than `weight_map` says, in no shard, in two shards, or in a shard but
 * not in the map) are `ShardMismatch:` warnings: loaders tolerate most of them, and the user should hear of each.
 */






const MAX_INDEX_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .JSON_LIMITS */ .s7.maxBytes;
const MAX_SHARDS = _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .FOLDER_LIMITS */ .SF.maxShards;
/** Names listed per warning before "and N more". */
const LIST_LIMIT = 10;
/** The Hub's shard naming (huggingface.js `parseSafetensorsShardFilename`, docs/reference/formats.md §1.6). */
function parseShardFilename(name) {
    const m = /^(.*?[_-])(\d{5,6})-of-(\d{5,6})\.safetensors$/.exec(name);
    if (!m)
        return undefined;
    return {
        prefix: m[1],
        shard: Number(m[2]),
        total: Number(m[3]),
        width: m[2].length,
        totalText: m[3]
    };
}
/** Read `*.safetensors.index.json` and every shard it names. */
async function readShardedIndex(indexPath, opts = {}) {
    const fs = opts.fs ?? _file_access_js__WEBPACK_IMPORTED_MODULE_1__/* .localFileAccess */ .oF;
    const { bytes, size } = await (0,_file_access_js__WEBPACK_IMPORTED_MODULE_1__/* .readSmallFile */ .EW)(fs, indexPath, MAX_INDEX_BYTES, 'InvalidIndex');
    const root = parseJsonFile(bytes, indexPath, 'InvalidIndex');
    const bad = (detail) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidIndex', indexPath, detail);
    if (!(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonObject */ .OW)(root))
        throw bad(`expected a JSON object, found ${(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .describeJsonType */ .cc)(root)}`);
    const weightMapValue = root.get('weight_map');
    if (!(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonObject */ .OW)(weightMapValue))
        throw bad(`weight_map must be an object, found ${(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .describeJsonType */ .cc)(weightMapValue)}`);
    const weightMap = new Map();
    const shardNames = new Set();
    for (const [tensor, shard] of weightMapValue) {
        if (typeof shard !== 'string')
            throw bad(`weight_map[${JSON.stringify(tensor)}] must be a string`);
        if (!(0,_file_access_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainName */ .sh)(shard)) {
            throw bad(`weight_map[${JSON.stringify(tensor)}] = ${JSON.stringify(shard)} is not a file in the index's folder`);
        }
        weightMap.set(tensor, shard);
        shardNames.add(shard);
        if (shardNames.size > MAX_SHARDS)
            throw bad(`more than ${MAX_SHARDS} shards`);
    }
    if (weightMap.size === 0)
        throw bad('weight_map is empty');
    const indexMeta = root.get('metadata');
    if (indexMeta !== undefined && indexMeta !== null && !(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonObject */ .OW)(indexMeta)) {
        throw bad(`metadata must be an object, found ${(0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .describeJsonType */ .cc)(indexMeta)}`);
    }
    const dir = fs.dirname(indexPath);
    const shards = [...shardNames].sort(byShardOrder).map((name) => ({ name, path: fs.join(dir, name) }));
    const ckpt = await assembleShards(indexPath, shards, fs, opts, weightMap);
    ckpt.bytes += size;
    const meta = Object.create(null);
    if ((0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonObject */ .OW)(indexMeta))
        for (const [k, v] of indexMeta)
            meta[`index.${k}`] = (0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .toPlain */ .Ul)(v);
    ckpt.metadata = Object.assign(meta, ckpt.metadata);
    const totalSize = (0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonObject */ .OW)(indexMeta) ? indexMeta.get('total_size') : undefined;
    const declared = (0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .isJsonNumber */ .OD)(totalSize) ? (0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .parseU64 */ .n9)(totalSize) : undefined;
    if (declared !== undefined && !ckpt.warnings.some((w) => w.startsWith('MissingShard:'))) {
        const actual = ckpt.tensors.reduce((s, t) => s + (t.byteRange ? t.byteRange.end - t.byteRange.start : 0n), 0n);
        if (actual !== declared) {
            ckpt.warnings.push(`ShardMismatch: metadata.total_size is ${declared} but the shards' tensors hold ${actual} bytes`);
        }
    }
    return ckpt;
}
/**
 * Read a folder of shards. It must hold one set of `prefix-0000k-of-0000n.safetensors` files (gaps are missing
 * shards), or else exactly one `*.safetensors` file; several unrelated files are refused rather than merged.
 */
async function readShardFolder(dir, opts = {}) {
    const fs = opts.fs ?? _file_access_js__WEBPACK_IMPORTED_MODULE_1__/* .localFileAccess */ .oF;
    const names = (await fs.list(dir)).filter((n) => n.endsWith('.safetensors'));
    const sets = new Map();
    for (const name of names) {
        const parsed = parseShardFilename(name);
        if (!parsed)
            continue;
        const key = `${parsed.prefix}*-of-${parsed.totalText}`;
        const list = sets.get(key) ?? [];
        list.push({ name, parsed });
        sets.set(key, list);
    }
    if (sets.size > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidIndex', dir, `the folder holds ${sets.size} shard sets (${[...sets.keys()].join(', ')}); name the index or a file to read`);
    }
    const [set] = [...sets.values()];
    if (set === undefined) {
        if (names.length === 1) {
            return assembleShards(dir, [{ name: names[0], path: fs.join(dir, names[0]) }], fs, opts);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('UnknownFormat', dir, names.length === 0
            ? 'the folder has no *.safetensors files'
            : `the folder has ${names.length} *.safetensors files that are not named as shards of one checkpoint ` +
                '(prefix-00001-of-0000N.safetensors); name the file to read');
    }
    if (set.length > MAX_SHARDS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidIndex', dir, `more than ${MAX_SHARDS} shards`);
    set.sort((a, b) => a.parsed.shard - b.parsed.shard);
    const { prefix, total, width, totalText } = set[0].parsed;
    const shards = set.map((s) => ({ name: s.name, path: fs.join(dir, s.name) }));
    const present = new Set(set.map((s) => s.parsed.shard));
    // Rebuild the names of absent shards so the missing-shard warning names them; the total bounds this loop.
    const absent = [];
    for (let i = 1; i <= Math.min(total, MAX_SHARDS); i++) {
        if (!present.has(i))
            absent.push(`${prefix}${String(i).padStart(width, '0')}-of-${totalText}.safetensors`);
    }
    const ckpt = await assembleShards(dir, shards, fs, opts, undefined, absent);
    const beyond = set.filter((s) => s.parsed.shard < 1 || s.parsed.shard > total).map((s) => s.name);
    if (beyond.length > 0)
        ckpt.warnings.push(`ShardMismatch: shard numbers outside 1..${total}: ${listNames(beyond)}`);
    return ckpt;
}
/** Read each shard and merge; `weightMap` enables the index cross-checks, `knownAbsent` adds missing shards. */
async function assembleShards(location, shards, fs, opts, weightMap, knownAbsent = []) {
    const readShard = opts.readShard ?? _safetensors_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readSafetensors */ .IO;
    const missing = [...knownAbsent];
    const read = [];
    for (const shard of shards) {
        if ((await fs.kind(shard.path)) !== 'file') {
            missing.push(shard.name);
            continue;
        }
        const source = await fs.open(shard.path);
        try {
            read.push({ shard, ckpt: await readShard(source) });
        }
        finally {
            await source.close().catch(() => undefined);
        }
    }
    const missingSet = new Set(missing);
    const lostTensors = weightMap ? [...weightMap.values()].filter((s) => missingSet.has(s)).length : undefined;
    const missingText = `${missing.length} of ${shards.length + knownAbsent.length} shards missing: ${listNames(missing)}` +
        (lostTensors !== undefined ? ` (${lostTensors} tensors listed in weight_map)` : '');
    if (read.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('MissingShard', location, missingText);
    // Where each tensor is kept: the shard weight_map names if it holds it, else the first shard holding it.
    const holders = new Map();
    for (const { shard, ckpt } of read) {
        for (const t of ckpt.tensors) {
            const list = holders.get(t.name);
            if (list)
                list.push(shard.name);
            else
                holders.set(t.name, [shard.name]);
        }
    }
    const keepIn = new Map();
    const duplicates = [];
    for (const [name, list] of holders) {
        const mapped = weightMap?.get(name);
        keepIn.set(name, mapped !== undefined && list.includes(mapped) ? mapped : list[0]);
        if (list.length > 1)
            duplicates.push(`${name} (${list.join(', ')})`);
    }
    const tensors = [];
    const components = [];
    const metadata = Object.create(null);
    const warnings = [];
    const misplaced = [];
    const unlisted = [];
    let bytes = 0;
    for (const { shard, ckpt } of read) {
        bytes += ckpt.bytes;
        components.push({
            name: shard.name,
            path: shard.path,
            format: ckpt.format,
            tensorCount: ckpt.tensors.length
        });
        for (const [k, v] of Object.entries(ckpt.metadata))
            if (!(k in metadata))
                metadata[k] = v;
        for (const w of ckpt.warnings)
            warnings.push(`${shard.name}: ${w}`);
        for (const t of ckpt.tensors) {
            if (keepIn.get(t.name) !== shard.name)
                continue;
            tensors.push(t);
            if (!weightMap)
                continue;
            const mapped = weightMap.get(t.name);
            if (mapped === undefined)
                unlisted.push(t.name);
            else if (mapped !== shard.name)
                misplaced.push(`${t.name} (in ${shard.name}, weight_map says ${mapped})`);
        }
    }
    if (missing.length > 0)
        warnings.push(`MissingShard: ${missingText}`);
    if (misplaced.length > 0) {
        warnings.push(`ShardMismatch: ${misplaced.length} tensors are not where weight_map says: ${listNames(misplaced)}`);
    }
    if (unlisted.length > 0) {
        warnings.push(`ShardMismatch: ${unlisted.length} tensors are in shards but not in weight_map: ${listNames(unlisted)}`);
    }
    if (duplicates.length > 0) {
        warnings.push(`ShardMismatch: ${duplicates.length} tensors appear in more than one shard: ${listNames(duplicates)}`);
    }
    if (weightMap) {
        const absent = [...weightMap].filter(([name, shard]) => !holders.has(name) && !missingSet.has(shard));
        if (absent.length > 0) {
            warnings.push(`ShardMismatch: ${absent.length} tensors listed in weight_map are in no shard: ` +
                listNames(absent.map(([name, shard]) => `${name} (${shard})`)));
        }
    }
    return {
        path: location,
        format: 'safetensors-sharded',
        bytes,
        tensors,
        metadata,
        globals: read.flatMap((r) => r.ckpt.globals),
        components,
        warnings
    };
}
/** Parse a small UTF-8 JSON file strictly, mapping every failure to `code`. */
function parseJsonFile(bytes, file, code) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg(code, file, 'invalid UTF-8', { cause: e });
    }
    try {
        return (0,_json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStrictJson */ .RJ)(text);
    }
    catch (e) {
        if (e instanceof _json_strict_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonSyntaxError */ .q3)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg(code, file, `invalid JSON: ${e.message}`, { cause: e });
        throw e;
    }
}
function byShardOrder(a, b) {
    const pa = parseShardFilename(a);
    const pb = parseShardFilename(b);
    if (pa && pb && pa.shard !== pb.shard)
        return pa.shard - pb.shard;
    return (0,_util_order_js__WEBPACK_IMPORTED_MODULE_5__/* .byCodeUnit */ .X)(a, b);
}
function listNames(names) {
    const shown = names.slice(0, LIST_LIMIT).join(', ');
    return names.length > LIST_LIMIT ? `${shown}, and ${names.length - LIST_LIMIT} more` : shown;
}


/***/ }),

/***/ 9740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ parseHfUrl),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   FC: () => (/* binding */ toHttpUrl),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   ho: () => (/* binding */ resolveRemoteRelative),
/* harmony export */   kz: () => (/* binding */ normaliseEndpoint),
/* harmony export */   qk: () => (/* binding */ isRemoteLocation)
/* harmony export */ });
/* unused harmony exports DEFAULT_HF_ENDPOINT, hfResolveUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/**
 * Remote locations: which strings are URLs, how `hf://` short forms become Hub `resolve` URLs, and how secrets
 * are kept out of every message. Pure functions (the environment is passed in), so they are trivially testable.
 */

const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';
/** True for the locations `openLocation` sends over the network. */
function isRemoteLocation(location) {
    return /^(https?|hf):\/\//i.test(location);
}
/** Normalise an endpoint (`HF_ENDPOINT`): an http(s) origin plus optional path prefix, no trailing slash. */
function normaliseEndpoint(endpoint) {
    const raw = endpoint === undefined || endpoint.trim() === '' ? DEFAULT_HF_ENDPOINT : endpoint.trim();
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint must be an http(s) URL');
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(raw), 'the Hugging Face endpoint must not carry credentials, a query or a fragment');
    }
    return url.href.replace(/\/+$/, '');
}
const REPO_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Parse `hf://ORG/REPO[@REVISION]/PATH`. A revision with slashes (`refs/pr/1`) is written URL-encoded. */
function parseHfUrl(location) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(location), `${why}; expected hf://ORG/REPO[@REVISION]/PATH (or hf://datasets/ORG/REPO/PATH)`);
    const m = /^hf:\/\/(.*)$/i.exec(location);
    if (!m)
        throw bad('not an hf:// location');
    const parts = m[1].split('/');
    let repoType = '';
    if (parts[0] === 'datasets' || parts[0] === 'spaces')
        repoType = parts.shift();
    if (parts.length < 3)
        throw bad('missing the organisation, the repository or the file path');
    const org = parts[0];
    let name = parts[1];
    let revision = 'main';
    const at = name.indexOf('@');
    if (at >= 0) {
        revision = decodeComponent(name.slice(at + 1), bad);
        name = name.slice(0, at);
        if (revision === '')
            throw bad('empty revision after @');
    }
    if (!REPO_PART.test(org) || !REPO_PART.test(name))
        throw bad(`invalid repository id "${org}/${name}"`);
    const pathParts = parts.slice(2).map((p) => decodeComponent(p, bad));
    if (pathParts.some((p) => p === '' || p === '.' || p === '..')) {
        throw bad('the file path has an empty, "." or ".." segment');
    }
    return { repoType, repo: `${org}/${name}`, revision, path: pathParts.join('/') };
}
function decodeComponent(s, bad) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        throw bad(`invalid percent-encoding in "${s}"`);
    }
}
/** The Hub URL serving a file's bytes: `${endpoint}/[datasets/]ORG/REPO/resolve/REVISION/PATH`. */
function hfResolveUrl(loc, endpoint = DEFAULT_HF_ENDPOINT) {
    const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`;
    const path = loc.path.split('/').map(encodeURIComponent).join('/');
    return `${normaliseEndpoint(endpoint)}/${prefix}${loc.repo}/resolve/${encodeURIComponent(loc.revision)}/${path}`;
}
/**
 * The http(s) URL for a location: `hf://` is resolved against the endpoint, and a Hub page URL copied from a
 * browser (`.../blob/REV/PATH`) is turned into its `resolve` form, which serves the raw bytes.
 */
function toHttpUrl(location, endpoint = DEFAULT_HF_ENDPOINT) {
    if (/^hf:\/\//i.test(location))
        return hfResolveUrl(parseHfUrl(location), endpoint);
    let url;
    try {
        url = new URL(location);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(location), 'not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(location), `unsupported scheme ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', redactUrl(location), 'credentials in the URL are not accepted; pass a token with --hf-token or HF_TOKEN');
    }
    const hub = new URL(normaliseEndpoint(endpoint));
    if (url.origin === hub.origin) {
        const base = hub.pathname.replace(/\/+$/, '');
        const rest = url.pathname.slice(base.length);
        const blob = /^(\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+)\/blob\/(.+)$/.exec(rest);
        if (url.pathname.startsWith(base) && blob)
            url.pathname = `${base}${blob[1]}/resolve/${blob[2]}`;
    }
    url.hash = '';
    return url.href;
}
/** Join a relative file name (a shard listed in an index) onto a remote location, keeping its scheme. */
function resolveRemoteRelative(base, relative) {
    if (isRemoteLocation(relative))
        return relative;
    if (/^hf:\/\//i.test(base)) {
        const loc = parseHfUrl(base);
        const dir = loc.path.split('/').slice(0, -1);
        for (const part of relative.split('/')) {
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (dir.length === 0)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidUrl', relative, `escapes the repository of ${base}`);
                dir.pop();
            }
            else
                dir.push(part);
        }
        const prefix = loc.repoType === '' ? '' : `${loc.repoType}/`;
        const rev = loc.revision === 'main' ? '' : `@${encodeURIComponent(loc.revision)}`;
        return `hf://${prefix}${loc.repo}${rev}/${dir.map(encodeURIComponent).join('/')}`;
    }
    return new URL(relative.split('/').map(encodeURIComponent).join('/'), base).href;
}
/** Query parameters whose values are credentials or signatures (signed CDN URLs carry them). */
const SECRET_PARAM = /^(token|access_token|auth|key|api_key|apikey|sig|signature|policy|key-pair-id|x-amz-.*|x-goog-.*|credential|password|secret)$/i;
/** A URL safe to print: no user-info, and secret query values replaced by `***`. Non-URLs are scrubbed as text. */
function redactUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return redactText(raw);
    }
    if (url.username !== '' || url.password !== '') {
        url.username = '***';
        url.password = '';
    }
    for (const key of [...url.searchParams.keys()]) {
        if (SECRET_PARAM.test(key))
            url.searchParams.set(key, '***');
    }
    return url.href.replace(/%2A%2A%2A/g, '***');
}
/**
 * Remove secrets from free text: every given secret verbatim, Hugging Face tokens (`hf_...`), bearer values, and
 * credentials embedded in URLs.
 */
function redactText(text, secrets = []) {
    let out = text;
    for (const s of secrets) {
        if (s !== undefined && s.length >= 4)
            out = out.split(s).join('***');
    }
    out = out.replace(/\bhf_[A-Za-z0-9]{8,}/g, 'hf_***');
    out = out.replace(/(bearer\s+)[^\s"']+/gi, '$1***');
    out = out.replace(/(https?:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, '$1***@');
    out = out.replace(/([?&](?:token|access_token|sig|signature|x-amz-signature|x-amz-credential)=)[^&\s"']+/gi, '$1***');
    return out;
}


/***/ }),

/***/ 2964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HQ: () => (/* binding */ readCheckpoint),
  o$: () => (/* binding */ readSource)
});

// UNUSED EXPORTS: CheckpointError, DEFAULT_BUDGET_LIMITS, ReadBudget, isCheckpointError

// EXTERNAL MODULE: ./src/formats/budget.ts
var formats_budget = __webpack_require__(5407);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/formats/detect.ts
var detect = __webpack_require__(445);
// EXTERNAL MODULE: ./src/formats/file-access.ts
var file_access = __webpack_require__(3267);
// EXTERNAL MODULE: ./src/formats/source.ts
var formats_source = __webpack_require__(3159);
// EXTERNAL MODULE: ./src/formats/safetensors/read.ts + 1 modules
var read = __webpack_require__(7126);
// EXTERNAL MODULE: ./src/formats/json/manifest.ts
var manifest = __webpack_require__(4458);
// EXTERNAL MODULE: ./src/formats/folders/sharded.ts
var sharded = __webpack_require__(3375);
// EXTERNAL MODULE: ./src/formats/json/strict.ts + 1 modules
var strict = __webpack_require__(7280);
// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(5094);
;// CONCATENATED MODULE: ./src/formats/folders/diffusers.ts
/**
 * Diffusers pipeline folders: `model_index.json` names components (`"transformer": ["diffusers",
 * "WanTransformer3DModel"]`), each a sub-folder holding its weights as an index + shards, a folder of shards, or
 * one `diffusion_pytorch_model.safetensors` / `model.safetensors` (docs/reference/formats.md §1.6). Every component's tensors
 * are prefixed `<component>.`, which is also how diffusers names LoRA keys (`transformer.blocks.0...`), so a
 * pipeline compares directly against a LoRA. Components without weights (scheduler, tokenizer) are skipped.
 */






const MAX_MODEL_INDEX_BYTES = limits/* JSON_LIMITS */.s7.maxBytes;
const MAX_COMPONENTS = limits/* FOLDER_LIMITS */.SF.maxComponents;
const WEIGHT_BASES = ['diffusion_pytorch_model', 'model'];
/** Read a diffusers pipeline folder (the folder holding `model_index.json`). */
async function readDiffusersFolder(dir, opts = {}) {
    const fs = opts.fs ?? file_access/* localFileAccess */.oF;
    const indexPath = fs.join(dir, 'model_index.json');
    const { bytes, size } = await (0,file_access/* readSmallFile */.EW)(fs, indexPath, MAX_MODEL_INDEX_BYTES, 'InvalidModelIndex');
    const root = (0,sharded/* parseJsonFile */.OW)(bytes, indexPath, 'InvalidModelIndex');
    if (!(0,strict/* isJsonObject */.OW)(root)) {
        throw new errors/* CheckpointError */.jg('InvalidModelIndex', indexPath, `expected a JSON object, found ${(0,strict/* describeJsonType */.cc)(root)}`);
    }
    const metadata = Object.create(null);
    const declared = [];
    for (const [key, value] of root) {
        // Components are [library, class] pairs; `_class_name`, `_diffusers_version` and pipeline options
        // (`boundary_ratio`, `requires_safety_checker`, ...) are kept as metadata.
        if (!key.startsWith('_') && Array.isArray(value) && value.length === 2) {
            const [lib, cls] = value;
            if (lib === null && cls === null)
                continue; // an optional component left out of this pipeline
            if (typeof lib === 'string' && typeof cls === 'string') {
                if (!(0,file_access/* isPlainName */.sh)(key) || key.startsWith('.')) {
                    throw new errors/* CheckpointError */.jg('InvalidModelIndex', indexPath, `component name ${JSON.stringify(key)} is not a folder name`);
                }
                declared.push({ name: key, className: [lib, cls] });
                if (declared.length > MAX_COMPONENTS) {
                    throw new errors/* CheckpointError */.jg('InvalidModelIndex', indexPath, `more than ${MAX_COMPONENTS} components`);
                }
                continue;
            }
        }
        metadata[`model_index.${key}`] = (0,strict/* toPlain */.Ul)(value);
    }
    const tensors = [];
    const components = [];
    const warnings = [];
    const globals = [];
    let total = size;
    for (const { name, className } of declared) {
        const sub = fs.join(dir, name);
        if ((await fs.kind(sub)) !== 'dir') {
            warnings.push(`MissingShard: component ${name} (${className.join('.')}) has no folder`);
            continue;
        }
        const files = await fs.list(sub);
        const layout = findWeights(files, opts.variant);
        if (layout === undefined) {
            const pickles = files.filter((f) => /\.(bin|pt|pth|ckpt)$/.test(f) || f.endsWith('.bin.index.json'));
            if (pickles.length > 0) {
                warnings.push(`component ${name} has only PyTorch pickle weights (${(0,sharded/* listNames */.Zv)(pickles)}); not read`);
            }
            continue;
        }
        if ('variant' in layout && layout.variant !== undefined && layout.variant !== opts.variant) {
            warnings.push(`component ${name}: only variant weights found; read ${layout.file}`);
        }
        const ckpt = await readComponent(sub, layout, fs, opts);
        total += ckpt.bytes;
        const path = layout.kind === 'shards' ? sub : fs.join(sub, layout.file);
        components.push({ name, className, path, format: ckpt.format, tensorCount: ckpt.tensors.length });
        for (const t of ckpt.tensors)
            tensors.push({ ...t, name: `${name}.${t.name}` });
        for (const [k, v] of Object.entries(ckpt.metadata))
            metadata[`${name}.${k}`] = v;
        for (const w of ckpt.warnings)
            warnings.push(`${name}: ${w}`);
        globals.push(...ckpt.globals);
    }
    if (components.length === 0) {
        throw new errors/* CheckpointError */.jg('InvalidModelIndex', indexPath, declared.length === 0
            ? 'model_index.json declares no components'
            : `none of the ${declared.length} components (${(0,sharded/* listNames */.Zv)(declared.map((d) => d.name))}) has safetensors weights`);
    }
    return { path: dir, format: 'diffusers', bytes: total, tensors, metadata, globals, components, warnings };
}
/** Pick a component's weights: index, then single file, then shards; plain names before variants. */
function findWeights(files, variant) {
    const have = new Set(files);
    const variants = variant !== undefined ? [variant, undefined] : [undefined];
    for (const v of variants) {
        for (const base of WEIGHT_BASES) {
            const file = v === undefined ? `${base}.safetensors.index.json` : `${base}.safetensors.index.${v}.json`;
            if (have.has(file))
                return { kind: 'index', file, variant: v };
        }
        for (const base of WEIGHT_BASES) {
            const file = v === undefined ? `${base}.safetensors` : `${base}.${v}.safetensors`;
            if (have.has(file))
                return { kind: 'single', file, variant: v };
        }
    }
    if (files.some((f) => (0,sharded/* parseShardFilename */.JK)(f) !== undefined))
        return { kind: 'shards' };
    // Only variant files (e.g. a repo that ships fp16 alone): take the first, sorted, and say so.
    for (const base of WEIGHT_BASES) {
        const re = new RegExp(`^${base}\\.safetensors\\.index\\.([A-Za-z0-9_-]+)\\.json$`);
        const idx = files.filter((f) => re.test(f)).sort()[0];
        if (idx !== undefined)
            return { kind: 'index', file: idx, variant: re.exec(idx)[1] };
    }
    for (const base of WEIGHT_BASES) {
        const re = new RegExp(`^${base}\\.([A-Za-z0-9_-]+)\\.safetensors$`);
        const single = files.filter((f) => re.test(f)).sort()[0];
        if (single !== undefined)
            return { kind: 'single', file: single, variant: re.exec(single)[1] };
    }
    return undefined;
}
async function readComponent(sub, layout, fs, opts) {
    if (layout.kind === 'index')
        return (0,sharded/* readShardedIndex */.Kj)(fs.join(sub, layout.file), opts);
    if (layout.kind === 'shards')
        return (0,sharded/* readShardFolder */.Dy)(sub, opts);
    const source = await fs.open(fs.join(sub, layout.file));
    try {
        return await (opts.readShard ?? read/* readSafetensors */.IO)(source);
    }
    finally {
        await source.close().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/formats/index.ts
/**
 * `readCheckpoint(location)`: the one entry point from a location to a `Checkpoint`. It detects the format by
 * content and hands a byte source to the right reader. Folders are diffusers pipelines, sharded checkpoints or
 * folders of shards; JSON files are sharded indexes, diffusers `model_index.json` files or our own manifests.
 * Every file-system call goes through a `FileAccess`, so the same dispatch reads local paths and HTTP(S)/Hub
 * locations (src/formats/http/remote-file-access.ts).
 */














/** JSON files we inspect to tell an index from a manifest are bounded like every other header. */
const MAX_JSON_BYTES = limits/* JSON_LIMITS */.s7.maxBytes;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
async function readCheckpoint(location, opts = {}) {
    // the files of one location (a folder reads many) charge the run together, and give back their tensors together
    // when the location fails
    const budget = (opts.budget ?? new formats_budget/* ReadBudget */.QT()).scope();
    try {
        return await readLocationWith(location, opts, budget);
    }
    catch (e) {
        budget.release();
        throw e;
    }
}
async function readLocationWith(location, opts, budget) {
    const local = !URL_LIKE.test(location);
    const base = opts.fs ?? file_access/* localFileAccess */.oF;
    const fs = local && opts.roots?.length ? await (0,file_access/* confinedFileAccess */.LT)(base, opts.roots) : base;
    // a folder reader opens files the folder names: each must stay inside the folder
    const folderFs = async (dir) => local && opts.followLinksOutside !== true
        ? (0,file_access/* confinedFileAccess */.LT)(fs, [{ path: dir, what: 'the artifact folder' }, ...(opts.roots ?? [])])
        : fs;
    let source;
    if (opts.fs === undefined) {
        // a location outside the roots (after links) is refused before it is opened
        if (opts.roots?.length)
            await fs.kind(location);
        // Local: one synchronous open (non-blocking: a FIFO is refused, never waited on) + fstat + read of the first
        // HEAD_BYTES, which detection and most headers use.
        let opened;
        try {
            opened = (0,formats_source/* openLocalEntry */.S_)(location, formats_source/* HEAD_BYTES */.Lq);
        }
        catch (e) {
            throw (0,errors/* isCheckpointError */.tF)(e) && e.code === 'FileNotFound' ? notFound(location, true) : e;
        }
        if (opened === 'dir')
            return readFolder(location, await folderFs(location), budget);
        source = opened;
    }
    else {
        const kind = await fs.kind(location);
        if (kind === undefined)
            throw notFound(location, false);
        if (kind === 'other') {
            throw new errors/* CheckpointError */.jg('NotAFile', location, 'is not a regular file or folder (a FIFO, socket or device)');
        }
        if (kind === 'dir')
            return readFolder(location, await folderFs(location), budget);
        source = await fs.open(location);
    }
    let handedOver = false;
    try {
        if (source.size > 0) {
            const head = await source.read(0, Math.min(detect/* DETECT_BYTES */.u, source.size));
            if ((0,detect/* detectKind */.i)(head, source.size) === 'json') {
                // The folder readers open the index themselves; give them this already-open source to save a request.
                const reuse = reuseOnce(await folderFs(fs.dirname(location)), location, source);
                const result = await readJsonLocation(source, location, reuse.fs, budget);
                handedOver = reuse.taken();
                return result;
            }
        }
        return await readSource(source, location, fs, budget);
    }
    finally {
        if (!handedOver)
            await source.close().catch(() => undefined);
    }
}
/**
 * A missing local path that is really a URL (`s3://bucket/x`, `ftp://...`, or an `https://` location given to a
 * command that read it as a path) would otherwise read "no such file or directory": say what it looks like.
 */
function notFound(location, local) {
    const scheme = local ? /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1] : undefined;
    if (scheme === undefined)
        return new errors/* CheckpointError */.jg('FileNotFound', location, 'no such file or directory');
    if (/^(https?|hf)$/i.test(scheme))
        return new errors/* CheckpointError */.jg('FileNotFound', location, `no such file or directory: this ${scheme}:// location was read as a local path`);
    return new errors/* CheckpointError */.jg('InvalidUrl', location, `unsupported scheme ${scheme}://: locations are local paths, https:// URLs or hf://ORG/REPO[@REVISION]/PATH`);
}
/**
 * Read an opened source of a single-file format (or a JSON index / manifest at `location`). The file's tensors
 * count against `budget` (the run's) as they are read.
 */
async function readSource(source, location, fs = file_access/* localFileAccess */.oF, budget = new formats_budget/* ReadBudget */.QT()) {
    if (source.size === 0)
        throw new errors/* CheckpointError */.jg('EmptyFile', source.name, 'the file is empty');
    const head = await source.read(0, Math.min(detect/* DETECT_BYTES */.u, source.size));
    const kind = (0,detect/* detectKind */.i)(head, source.size);
    if (kind === 'json')
        return readJsonLocation(source, location, fs, budget);
    return readSingleFile(source, kind, head, budget.forFile(source.name));
}
async function readSingleFile(source, kind, head, budget) {
    switch (kind) {
        case 'safetensors':
            return (0,read/* readSafetensors */.IO)(source, { budget });
        // the other readers load on demand, so reading safetensors never compiles the pickle machinery
        case 'gguf':
            return (await __webpack_require__.e(/* import() */ 520).then(__webpack_require__.bind(__webpack_require__, 520))).readGguf(source, { budget });
        case 'zip':
            return (await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819)]).then(__webpack_require__.bind(__webpack_require__, 7819))).readTorchZip(source, { budget });
        case 'torch-legacy':
            return (await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819), __webpack_require__.e(190)]).then(__webpack_require__.bind(__webpack_require__, 7190))).readTorchLegacy(source, { budget });
        case 'pickle':
            return (await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819), __webpack_require__.e(272)]).then(__webpack_require__.bind(__webpack_require__, 2272))).readPickleFile(source, { budget });
        case 'npy':
            return (await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819), __webpack_require__.e(124)]).then(__webpack_require__.bind(__webpack_require__, 9124))).readNpyFile(source, { budget });
        case 'tar':
            // torch.load still unpickles a tar archive's `pickle` member: its pickles are scanned before it is refused
            throw await embedded(source, 'tar', budget, new errors/* CheckpointError */.jg('UnknownFormat', source.name, 'a tar archive (the PyTorch 0.1.1 format, or not a checkpoint at all): not supported; re-save it with ' +
                'a current torch.save or convert it to safetensors'));
        case 'unknown': {
            // protocol 0 and 1 pickles carry no marker: a trial run of the (non-executing) machine tells
            const { sourceLooksLikePickle } = await __webpack_require__.e(/* import() */ 184).then(__webpack_require__.bind(__webpack_require__, 184));
            const max = Math.min(limits/* SCAN_LIMITS */.nB.maxSniffBytes, budget.pickleBytesLeft());
            if (await sourceLooksLikePickle((n) => source.read(0, n), source.size, max)) {
                return (await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819), __webpack_require__.e(272)]).then(__webpack_require__.bind(__webpack_require__, 2272))).readPickleFile(source, { budget });
            }
            if (source.size < 8) {
                throw new errors/* CheckpointError */.jg('HeaderTooSmall', source.name, `only ${source.size} bytes: too short for any checkpoint format`);
            }
            throw await embedded(source, 'unknown', budget, new errors/* CheckpointError */.jg('UnknownFormat', source.name, `${unknownWhat(head)} (first bytes: ${hexPreview(head)})`));
        }
    }
}
/** `refusal`, carrying the globals of any pickle found inside the file (an archive we do not read, a tar). */
async function embedded(source, kind, budget, refusal) {
    const { refuseWithEmbeddedPickles } = await Promise.all(/* import() */[__webpack_require__.e(184), __webpack_require__.e(819), __webpack_require__.e(793)]).then(__webpack_require__.bind(__webpack_require__, 2793));
    return refuseWithEmbeddedPickles(source, kind, budget, refusal);
}
/** What an unknown file looks like, for its error: archives that could hide a pickle are named. */
function unknownWhat(head) {
    if (head[0] === 0x37 && head[1] === 0x7a && head[2] === 0xbc && head[3] === 0xaf) {
        return 'a 7z archive: not a checkpoint format, and its members cannot be scanned (they may hold pickles)';
    }
    return ('not a safetensors, PyTorch (zip, legacy or plain pickle), GGUF, sharded index, model_index.json or ' +
        'manifest file');
}
async function readJsonLocation(source, location, fs, budget) {
    if (source.size > MAX_JSON_BYTES) {
        throw new errors/* CheckpointError */.jg('HeaderTooLarge', source.name, `JSON file of ${source.size} bytes; the limit is ${MAX_JSON_BYTES}`);
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(await source.read(0, source.size));
    let value;
    try {
        value = (0,strict/* parseStrictJson */.RJ)(text);
    }
    catch (e) {
        throw new errors/* CheckpointError */.jg('UnknownFormat', source.name, `a JSON file that does not parse: ${e.message}`);
    }
    const keys = (0,strict/* isJsonObject */.OW)(value) ? new Set(value.keys()) : new Set();
    const options = shardOptions(fs, budget);
    if (keys.has('weight_map'))
        return (0,sharded/* readShardedIndex */.Kj)(location, options);
    if (keys.has('schemaVersion') && keys.has('tensors'))
        return (0,manifest/* readManifest */.WI)(source);
    if (keys.has('_class_name') && fs.basename(location) === 'model_index.json') {
        return readDiffusersFolder(fs.dirname(location), options);
    }
    throw new errors/* CheckpointError */.jg('UnknownFormat', source.name, 'a JSON file that is neither a sharded index (weight_map), a diffusers model_index.json, nor a model-compat ' +
        'manifest');
}
/** Shards are detected by content too: a `pytorch_model.bin.index.json` points at torch zip shards. */
function shardOptions(fs, budget) {
    return { fs, readShard: (s) => readSource(s, s.name, fs, budget) };
}
async function readFolder(dir, fs, budget) {
    const names = await fs.list(dir);
    const options = shardOptions(fs, budget);
    if (names.includes('model_index.json'))
        return readDiffusersFolder(dir, options);
    const indexes = names.filter((n) => n.endsWith('.safetensors.index.json')).sort();
    if (indexes.length === 1)
        return (0,sharded/* readShardedIndex */.Kj)(fs.join(dir, indexes[0]), options);
    if (indexes.length > 1) {
        throw new errors/* CheckpointError */.jg('InvalidIndex', dir, `the folder holds ${indexes.length} sharded indexes (${indexes.join(', ')}); name the one to read`);
    }
    if (names.some((n) => n.endsWith('.safetensors')))
        return (0,sharded/* readShardFolder */.Dy)(dir, options);
    throw new errors/* CheckpointError */.jg('UnknownFormat', dir, 'the folder has no model_index.json, no *.safetensors.index.json and no *.safetensors files');
}
/** `fs` whose first `open(path)` returns the already-open `source`. */
function reuseOnce(fs, path, source) {
    let pending = source;
    return {
        fs: {
            ...fs,
            open: async (p) => {
                if (p === path && pending !== undefined) {
                    const s = pending;
                    pending = undefined;
                    return s;
                }
                return fs.open(p);
            }
        },
        taken: () => pending === undefined
    };
}
function hexPreview(head) {
    return [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}


/***/ }),

/***/ 4458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ toManifest),
/* harmony export */   K9: () => (/* binding */ manifestsToJson),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   zK: () => (/* binding */ manifestToJson)
/* harmony export */ });
/* unused harmony exports MANIFEST_SCHEMA_VERSION, MAX_MANIFEST_BYTES, MAX_MANIFEST_DIMS, MANIFEST_META, FORMAT_NAMES, validateManifest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _strict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7280);
/* harmony import */ var _folders_sharded_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3375);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5094);
/**
 * The manifest: our own `analyze --json` output, and a checkpoint format in its own right, so a baseline can be
 * a small committed JSON file instead of a 30 GB download. schemas/manifest.schema.json describes it; the reader
 * below enforces the same rules by hand (with the strict JSON parser, so duplicate keys and rounded integers are
 * refused) because a manifest from a pull request is as untrusted as any checkpoint.
 *
 * Tensor order is part of the format (file order). A JS object enumerates integer-like keys ("0", "12") first
 * whatever the insertion order, so `toManifest` records the order under a symbol and `manifestToJson` writes the
 * JSON text itself; JSON.stringify of a manifest is still valid, only such keys may move.
 */




const MANIFEST_SCHEMA_VERSION = 1;
const MAX_MANIFEST_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .JSON_LIMITS */ .s7.maxBytes;
const MAX_MANIFEST_DIMS = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_LIMITS */ .T1.maxDims;
/** Metadata keys `readManifest` adds; `toManifest` of such a checkpoint restores the original source from them. */
const MANIFEST_META = {
    sourceFormat: 'manifest.sourceFormat',
    sourcePath: 'manifest.sourcePath',
    tool: 'manifest.tool'
};
const FORMAT_NAMES = [
    'safetensors',
    'safetensors-sharded',
    'diffusers',
    'pytorch-zip',
    'pytorch-legacy',
    'pickle',
    'gguf',
    'manifest'
];
const TIERS = ['allowed', 'unknown', 'dangerous'];
const TENSOR_ORDER = Symbol('tensorOrder');
/** Describe a checkpoint as a manifest. A checkpoint read from a manifest gives back that manifest's source. */
function toManifest(ckpt, tool) {
    const tensors = Object.create(null);
    const order = [];
    // Index loop, one lookup per key, slice() for the copy: this runs once per tensor in every `analyze --json`,
    // mostly in V8's interpreter (where for-of and spread step through the iterator protocol). A present entry is
    // never undefined, so `=== undefined` is the own-property test on this prototype-less object.
    const list = ckpt.tensors;
    for (let i = 0; i < list.length; i++) {
        const t = list[i];
        if (tensors[t.name] === undefined)
            order.push(t.name);
        tensors[t.name] = { shape: t.shape.slice(), dtype: t.dtype };
    }
    Object.defineProperty(tensors, TENSOR_ORDER, { value: order, enumerable: false });
    const metadata = Object.create(null);
    let source = { path: ckpt.path, format: ckpt.format, bytes: ckpt.bytes };
    const restored = new Set();
    if (ckpt.format === 'manifest') {
        const fmt = ckpt.metadata[MANIFEST_META.sourceFormat];
        const path = ckpt.metadata[MANIFEST_META.sourcePath];
        if (typeof fmt === 'string' && FORMAT_NAMES.includes(fmt)) {
            source = {
                path: typeof path === 'string' ? path : ckpt.path,
                format: fmt,
                bytes: ckpt.bytes
            };
            for (const k of Object.values(MANIFEST_META))
                restored.add(k);
        }
    }
    for (const [k, v] of Object.entries(ckpt.metadata)) {
        if (restored.has(k))
            continue;
        const safe = jsonSafe(v, 0);
        if (safe !== undefined)
            metadata[k] = safe;
    }
    const m = {
        schemaVersion: 1,
        tool: { name: tool.name, version: tool.version },
        source,
        metadata,
        tensors,
        globals: ckpt.globals.map((g) => ({ ...g }))
    };
    if (ckpt.warnings.length > 0)
        m.warnings = [...ckpt.warnings];
    if (ckpt.stateDictPath !== undefined)
        m.stateDictPath = [...ckpt.stateDictPath];
    if (ckpt.components !== undefined) {
        m.components = ckpt.components.map((c) => ({
            ...c,
            ...(c.className ? { className: [...c.className] } : {})
        }));
    }
    return m;
}
/** Metadata must be JSON: BigInt becomes a decimal string, non-finite numbers strings, functions are dropped. */
function jsonSafe(v, depth) {
    if (depth > 64)
        return '[too deep]';
    if (typeof v === 'bigint')
        return v.toString();
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : String(v);
    if (typeof v === 'string' || typeof v === 'boolean' || v === null)
        return v;
    if (Array.isArray(v))
        return v.map((x) => jsonSafe(x, depth + 1) ?? null);
    if (typeof v === 'object') {
        const out = Object.create(null);
        for (const [k, x] of Object.entries(v)) {
            const s = jsonSafe(x, depth + 1);
            if (s !== undefined)
                out[k] = s;
        }
        return out;
    }
    return undefined;
}
/** Several manifests (`analyze --json` of several files) as one JSON array, each written by `manifestToJson`. */
function manifestsToJson(ms, indent = 2) {
    if (ms.length === 0)
        return '[]\n';
    const pad = ' '.repeat(indent);
    const items = ms.map((m) => pad + manifestToJson(m, indent).trimEnd().replace(/\n/g, `\n${pad}`));
    return `[\n${items.join(',\n')}\n]\n`;
}
/**
 * The manifest as JSON text: tensors in file order, one tensor per line (baselines are committed, and one line
 * per tensor keeps their diffs readable); every other part pretty-printed with `indent`.
 */
function manifestToJson(m, indent = 2) {
    const pad = ' '.repeat(indent);
    const s = (v) => JSON.stringify(v, null, indent).replace(/\n/g, `\n${pad}`);
    const order = m.tensors[TENSOR_ORDER] ?? Object.keys(m.tensors);
    const lines = [];
    const field = (k, v) => void lines.push(`${pad}${JSON.stringify(k)}: ${v}`);
    field('schemaVersion', String(m.schemaVersion));
    field('tool', s(m.tool));
    field('source', s(m.source));
    field('metadata', s(m.metadata));
    const tensorLines = order.map((name) => {
        const t = m.tensors[name];
        return `${pad}${pad}${JSON.stringify(name)}: {"shape": [${t.shape.join(', ')}], "dtype": ${JSON.stringify(t.dtype)}}`;
    });
    field('tensors', tensorLines.length === 0 ? '{}' : `{\n${tensorLines.join(',\n')}\n${pad}}`);
    field('globals', s(m.globals));
    if (m.warnings !== undefined)
        field('warnings', s(m.warnings));
    if (m.stateDictPath !== undefined)
        field('stateDictPath', s(m.stateDictPath));
    if (m.components !== undefined)
        field('components', s(m.components));
    if (m.structure !== undefined)
        field('structure', s(m.structure));
    return `{\n${lines.join(',\n')}\n}\n`;
}
/** Read a manifest file as a checkpoint (format `manifest`, tensors without byte ranges). */
async function readManifest(source) {
    const file = source.name;
    if (source.size > MAX_MANIFEST_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidManifest', file, `${source.size} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes`);
    }
    const root = (0,_folders_sharded_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonFile */ .OW)(await source.read(0, source.size), file, 'InvalidManifest');
    const m = validateManifest(root, file);
    const metadata = Object.create(null);
    Object.assign(metadata, m.metadata);
    metadata[MANIFEST_META.sourceFormat] = m.source.format;
    metadata[MANIFEST_META.sourcePath] = m.source.path;
    metadata[MANIFEST_META.tool] = `${m.tool.name} ${m.tool.version}`;
    const ckpt = {
        path: file,
        format: 'manifest',
        bytes: m.source.bytes,
        tensors: m.tensorList,
        metadata,
        globals: m.globals,
        warnings: m.warnings ?? []
    };
    if (m.stateDictPath !== undefined)
        ckpt.stateDictPath = m.stateDictPath;
    if (m.components !== undefined)
        ckpt.components = m.components;
    return ckpt;
}
const TOP_KEYS = [
    'schemaVersion',
    'tool',
    'source',
    'metadata',
    'tensors',
    'globals',
    'warnings',
    'stateDictPath',
    'components',
    'structure'
];
/** The schema's rules, checked on the strict parse tree. Every violation names its JSON path. */
function validateManifest(root, file) {
    const fail = (path, detail) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('InvalidManifest', file, `${path}: ${detail}`);
    };
    const obj = (v, path, keys, required) => {
        if (!(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(v))
            return fail(path, `expected an object, found ${(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJsonType */ .cc)(v)}`);
        for (const k of v.keys())
            if (!keys.includes(k))
                fail(path, `unexpected property ${JSON.stringify(k)}`);
        for (const k of required)
            if (!v.has(k))
                fail(path, `missing property ${JSON.stringify(k)}`);
        return v;
    };
    const str = (v, path) => typeof v === 'string' ? v : fail(path, `expected a string, found ${(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJsonType */ .cc)(v)}`);
    const int = (v, path) => {
        const n = (0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonNumber */ .OD)(v) ? (0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSafeNonNegativeInt */ .aO)(v) : undefined;
        return n !== undefined
            ? n
            : fail(path, `expected a non-negative integer up to 2^53-1, found ${String(v)}`);
    };
    const arr = (v, path) => Array.isArray(v) ? v : fail(path, `expected an array, found ${(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJsonType */ .cc)(v)}`);
    const strings = (v, path) => arr(v, path).map((x, i) => str(x, `${path}[${i}]`));
    const format = (v, path) => {
        const f = str(v, path);
        return FORMAT_NAMES.includes(f)
            ? f
            : fail(path, `unknown format ${JSON.stringify(f)}`);
    };
    const top = obj(root, '$', TOP_KEYS, ['schemaVersion', 'tool', 'source', 'metadata', 'tensors', 'globals']);
    const version = top.get('schemaVersion');
    if (!(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonNumber */ .OD)(version) || version.raw !== String(MANIFEST_SCHEMA_VERSION)) {
        fail('$.schemaVersion', `expected ${MANIFEST_SCHEMA_VERSION}, found ${String(version)}`);
    }
    const toolObj = obj(top.get('tool'), '$.tool', ['name', 'version'], ['name', 'version']);
    const tool = {
        name: str(toolObj.get('name'), '$.tool.name'),
        version: str(toolObj.get('version'), '$.tool.version')
    };
    const srcObj = obj(top.get('source'), '$.source', ['path', 'format', 'bytes'], ['path', 'format', 'bytes']);
    const source = {
        path: str(srcObj.get('path'), '$.source.path'),
        format: format(srcObj.get('format'), '$.source.format'),
        bytes: int(srcObj.get('bytes'), '$.source.bytes')
    };
    const metaValue = top.get('metadata');
    if (!(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(metaValue))
        fail('$.metadata', `expected an object, found ${(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJsonType */ .cc)(metaValue)}`);
    const metadata = (0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .toPlain */ .Ul)(metaValue);
    const tensorsValue = top.get('tensors');
    if (!(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(tensorsValue))
        fail('$.tensors', `expected an object, found ${(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJsonType */ .cc)(tensorsValue)}`);
    const tensorList = [];
    for (const [name, t] of tensorsValue) {
        const path = `$.tensors[${JSON.stringify(name)}]`;
        const to = obj(t, path, ['shape', 'dtype'], ['shape', 'dtype']);
        const dims = arr(to.get('shape'), `${path}.shape`);
        if (dims.length > MAX_MANIFEST_DIMS)
            fail(`${path}.shape`, `more than ${MAX_MANIFEST_DIMS} dimensions`);
        const shape = dims.map((d, i) => int(d, `${path}.shape[${i}]`));
        const dtype = str(to.get('dtype'), `${path}.dtype`);
        if (dtype.length === 0 || dtype.length > 64)
            fail(`${path}.dtype`, 'expected 1 to 64 characters');
        tensorList.push({ name, shape, dtype });
    }
    const globals = arr(top.get('globals'), '$.globals').map((g, i) => {
        const path = `$.globals[${i}]`;
        const go = obj(g, path, ['module', 'name', 'tier', 'where', 'count'], ['module', 'name', 'tier', 'where', 'count']);
        const tier = str(go.get('tier'), `${path}.tier`);
        if (!TIERS.includes(tier))
            fail(`${path}.tier`, `unknown tier ${JSON.stringify(tier)}`);
        return {
            module: str(go.get('module'), `${path}.module`),
            name: str(go.get('name'), `${path}.name`),
            tier: tier,
            where: str(go.get('where'), `${path}.where`),
            count: int(go.get('count'), `${path}.count`)
        };
    });
    const out = { schemaVersion: 1, tool, source, metadata, tensorList, globals };
    if (top.has('structure') && !(0,_strict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(top.get('structure'))) {
        fail('$.structure', 'must be an object');
    }
    if (top.has('warnings'))
        out.warnings = strings(top.get('warnings'), '$.warnings');
    if (top.has('stateDictPath'))
        out.stateDictPath = strings(top.get('stateDictPath'), '$.stateDictPath');
    if (top.has('components')) {
        out.components = arr(top.get('components'), '$.components').map((c, i) => {
            const path = `$.components[${i}]`;
            const co = obj(c, path, ['name', 'className', 'path', 'format', 'tensorCount'], ['name', 'path', 'format', 'tensorCount']);
            const info = {
                name: str(co.get('name'), `${path}.name`),
                path: str(co.get('path'), `${path}.path`),
                format: format(co.get('format'), `${path}.format`),
                tensorCount: int(co.get('tensorCount'), `${path}.tensorCount`)
            };
            if (co.has('className')) {
                const cn = strings(co.get('className'), `${path}.className`);
                if (cn.length !== 2)
                    fail(`${path}.className`, 'expected [library, class]');
                info.className = [cn[0], cn[1]];
            }
            return info;
        });
    }
    return out;
}


/***/ }),

/***/ 7280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q3: () => (/* reexport */ JsonSyntaxError),
  cc: () => (/* reexport */ describeJsonType),
  OD: () => (/* reexport */ isJsonNumber),
  OW: () => (/* reexport */ isJsonObject),
  aO: () => (/* reexport */ parseSafeNonNegativeInt),
  RJ: () => (/* binding */ parseStrictJson),
  sY: () => (/* binding */ parseStrictJsonMembers),
  n9: () => (/* reexport */ parseU64),
  Ul: () => (/* reexport */ toPlain)
});

// UNUSED EXPORTS: DEFAULT_MAX_DEPTH, JsonNumber

;// CONCATENATED MODULE: ./src/formats/json/values.ts
/**
 * The values of the strict JSON parser (json-strict.ts) and the helpers that read them: numbers kept as their raw
 * text, objects as `Map`s, and conversions that never round or lose a key silently.
 */
/** A JSON number, kept as the exact text from the file. */
class JsonNumber {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    toString() {
        return this.raw;
    }
}
class JsonSyntaxError extends Error {
    offset;
    constructor(message, 
    /** Character offset in the text where the problem was found. */
    offset) {
        super(`${message} at character ${offset}`);
        this.offset = offset;
        this.name = 'JsonSyntaxError';
    }
}
function isJsonObject(v) {
    return v instanceof Map;
}
function isJsonNumber(v) {
    return v instanceof JsonNumber;
}
const U64_MAX = (1n << 64n) - 1n;
/**
 * The value of a plain non-negative integer (`0` or `[1-9][0-9]*`, no sign, fraction or exponent) that fits in
 * 64 bits, else undefined. This is what serde accepts for a `usize` on 64-bit platforms.
 */
function parseU64(n) {
    const raw = n.raw;
    // 2^64-1 has 20 digits: bail out before BigInt sees a megabyte of digits.
    if (raw.length === 0 || raw.length > 20)
        return undefined;
    if (raw.length > 1 && raw.charCodeAt(0) === 0x30)
        return undefined;
    for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (c < 0x30 || c > 0x39)
            return undefined;
    }
    const v = BigInt(raw);
    return v <= U64_MAX ? v : undefined;
}
/** A non-negative integer that is also a safe JS number, else undefined. */
function parseSafeNonNegativeInt(n) {
    const v = parseU64(n);
    return v !== undefined && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
}
/**
 * A JSON value as plain JS data, safe to hand to other code: objects get a null prototype (so `__proto__` is an
 * ordinary own property), numbers become `number` when that is exact, else stay decimal strings (a u64 past
 * 2^53 must not be rounded silently).
 */
function toPlain(v) {
    if (v instanceof JsonNumber) {
        const num = Number(v.raw);
        if (!Number.isFinite(num))
            return v.raw;
        if (Number.isInteger(num) && !/[.eE]/.test(v.raw) && !Number.isSafeInteger(num))
            return v.raw;
        return num;
    }
    if (Array.isArray(v))
        return v.map(toPlain);
    if (v instanceof Map) {
        const out = Object.create(null);
        for (const [k, x] of v)
            out[k] = toPlain(x);
        return out;
    }
    return v;
}
function describeJsonType(v) {
    if (v === undefined)
        return 'missing';
    if (v === null)
        return 'null';
    if (v instanceof JsonNumber)
        return 'number';
    if (Array.isArray(v))
        return 'array';
    if (v instanceof Map)
        return 'object';
    return typeof v;
}

// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(5094);
;// CONCATENATED MODULE: ./src/formats/json/strict.ts
/**
 * A small strict JSON parser for headers and manifests that come from untrusted files.
 *
 * Why not `JSON.parse`: it keeps the last of duplicate keys silently (a parser differential, docs/reference/formats.md §1.5 and
 * Trail of Bits TOB-SFTN-7), it rounds integers past 2^53 without a word, it cannot tell `1.0` from `1`, and it has
 * no depth limit. This parser:
 * - rejects duplicate keys in any object;
 * - keeps every number as its raw text (`JsonNumber`), so the caller decides what is acceptable; `parseU64` gives
 *   the reference crate's `usize` rule (plain non-negative integer, at most 2^64-1) as a BigInt;
 * - bounds nesting depth (default 128, serde_json's recursion limit, so we accept what the reference accepts);
 * - returns objects as `Map`s (insertion order = file order, and a `__proto__` key is just a key);
 * - accepts JSON whitespace (space, tab, LF, CR) before and after the value. docs/reference/formats.md §1.5: the safetensors
 *   README says the header "MUST begin with `{`", but the reference crate never enforced it and since #686
 *   (2026-04) leading whitespace is officially allowed so writers can page-align the data; serde_json also
 *   accepts trailing whitespace, which the reference writer uses as padding. We follow the crate, because a
 *   reader stricter than the reference would reject files every other tool loads.
 * It does not strip a byte-order mark: U+FEFF is not JSON whitespace, as in serde_json.
 */


// The value types and helpers live in json-values.ts; importers keep using this module.

const DEFAULT_MAX_DEPTH = limits/* JSON_LIMITS */.s7.maxDepth;
/** Parse `text` as one JSON value with optional surrounding whitespace. Throws `JsonSyntaxError`. */
function parseStrictJson(text, opts = {}) {
    const p = new Parser(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH);
    p.skipWs();
    const v = p.value(1);
    p.skipWs();
    if (p.pos !== text.length)
        throw new JsonSyntaxError('trailing characters after the JSON value', p.pos);
    return v;
}
/**
 * Parse `text` as one JSON object and hand each top-level member to `onMember` as soon as it is parsed, instead of
 * building the whole tree: a 100 MB safetensors header with a million entries then never holds a million parse
 * trees at once. Duplicate top-level keys, depth and syntax are checked exactly as in `parseStrictJson`.
 * Throws `JsonSyntaxError`, also when the value is valid JSON but not an object.
 */
function parseStrictJsonMembers(text, onMember, opts = {}) {
    const p = new Parser(text, opts.maxDepth ?? DEFAULT_MAX_DEPTH);
    // Only when the limit allows what the fast path takes (top level 1, plus its depth): else the strict parser
    // must see the values to report the nesting error.
    if (opts.fastPath && 1 + opts.fastPath.depth <= p.maxDepth)
        p.fastPath = opts.fastPath;
    p.skipWs();
    if (text.charCodeAt(p.pos) !== Ch.LBrace) {
        // Parse it anyway so a syntax error is reported as such; a valid non-object gets its own message.
        const v = p.value(1);
        p.skipWs();
        if (p.pos !== text.length)
            throw new JsonSyntaxError('trailing characters after the JSON value', p.pos);
        throw new JsonSyntaxError(`expected an object, found ${describeJsonType(v)}`, 0);
    }
    p.object(1, onMember);
    p.skipWs();
    if (p.pos !== text.length)
        throw new JsonSyntaxError('trailing characters after the JSON value', p.pos);
}
var Ch;
(function (Ch) {
    Ch[Ch["Tab"] = 9] = "Tab";
    Ch[Ch["Lf"] = 10] = "Lf";
    Ch[Ch["Cr"] = 13] = "Cr";
    Ch[Ch["Space"] = 32] = "Space";
    Ch[Ch["Quote"] = 34] = "Quote";
    Ch[Ch["Plus"] = 43] = "Plus";
    Ch[Ch["Comma"] = 44] = "Comma";
    Ch[Ch["Minus"] = 45] = "Minus";
    Ch[Ch["Dot"] = 46] = "Dot";
    Ch[Ch["Zero"] = 48] = "Zero";
    Ch[Ch["Nine"] = 57] = "Nine";
    Ch[Ch["Colon"] = 58] = "Colon";
    Ch[Ch["LBracket"] = 91] = "LBracket";
    Ch[Ch["Backslash"] = 92] = "Backslash";
    Ch[Ch["RBracket"] = 93] = "RBracket";
    Ch[Ch["E"] = 69] = "E";
    Ch[Ch["LowerE"] = 101] = "LowerE";
    Ch[Ch["LBrace"] = 123] = "LBrace";
    Ch[Ch["RBrace"] = 125] = "RBrace";
})(Ch || (Ch = {}));
const ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t'
};
class Parser {
    text;
    maxDepth;
    pos = 0;
    fastPath;
    constructor(text, maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }
    skipWs() {
        const t = this.text;
        let i = this.pos;
        while (i < t.length) {
            const c = t.charCodeAt(i);
            if (c !== Ch.Space && c !== Ch.Lf && c !== Ch.Cr && c !== Ch.Tab)
                break;
            i++;
        }
        this.pos = i;
    }
    fail(msg) {
        throw new JsonSyntaxError(msg, this.pos);
    }
    value(depth) {
        const c = this.text.charCodeAt(this.pos);
        if (c === Ch.LBrace || c === Ch.LBracket) {
            if (depth > this.maxDepth)
                this.fail(`nesting deeper than ${this.maxDepth}`);
            return c === Ch.LBrace ? this.object(depth) : this.array(depth);
        }
        if (c === Ch.Quote)
            return this.string();
        if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine))
            return this.number();
        if (this.text.startsWith('true', this.pos))
            return this.literal(4, true);
        if (this.text.startsWith('false', this.pos))
            return this.literal(5, false);
        if (this.text.startsWith('null', this.pos))
            return this.literal(4, null);
        if (this.pos >= this.text.length)
            this.fail('unexpected end of input');
        this.fail(`unexpected character ${JSON.stringify(this.text[this.pos])}`);
    }
    literal(len, v) {
        this.pos += len;
        return v;
    }
    /** With `onMember`, members go to the callback (and only their keys are kept, for the duplicate check). */
    object(depth, onMember) {
        const out = new Map();
        const seen = onMember ? new Set() : out;
        this.pos++; // {
        this.skipWs();
        if (this.text.charCodeAt(this.pos) === Ch.RBrace) {
            this.pos++;
            return out;
        }
        const fast = onMember && depth === 1 ? this.fastPath : undefined;
        while (true) {
            if (this.text.charCodeAt(this.pos) !== Ch.Quote)
                this.fail('expected a string key');
            const keyAt = this.pos;
            const taken = fast === undefined ? -1 : fast.take(this.text, keyAt, seen);
            if (taken >= 0) {
                this.pos = taken;
            }
            else {
                const key = this.string();
                if (seen.has(key))
                    throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, keyAt);
                this.skipWs();
                if (this.text.charCodeAt(this.pos) !== Ch.Colon)
                    this.fail("expected ':'");
                this.pos++;
                this.skipWs();
                if (onMember) {
                    ;
                    seen.add(key);
                    onMember(key, this.value(depth + 1));
                }
                else
                    out.set(key, this.value(depth + 1));
            }
            this.skipWs();
            const c = this.text.charCodeAt(this.pos);
            this.pos++;
            if (c === Ch.RBrace)
                return out;
            if (c !== Ch.Comma) {
                this.pos--;
                this.fail("expected ',' or '}'");
            }
            this.skipWs();
        }
    }
    array(depth) {
        const out = [];
        this.pos++; // [
        this.skipWs();
        if (this.text.charCodeAt(this.pos) === Ch.RBracket) {
            this.pos++;
            return out;
        }
        while (true) {
            out.push(this.value(depth + 1));
            this.skipWs();
            const c = this.text.charCodeAt(this.pos);
            this.pos++;
            if (c === Ch.RBracket)
                return out;
            if (c !== Ch.Comma) {
                this.pos--;
                this.fail("expected ',' or ']'");
            }
            this.skipWs();
        }
    }
    string() {
        const t = this.text;
        const start = ++this.pos;
        // Fast path: no escapes.
        let i = start;
        while (i < t.length) {
            const c = t.charCodeAt(i);
            if (c === Ch.Quote) {
                this.pos = i + 1;
                return t.slice(start, i);
            }
            if (c === Ch.Backslash)
                break;
            if (c < 0x20) {
                this.pos = i;
                this.fail('control character in string');
            }
            i++;
        }
        const chunks = [t.slice(start, i)];
        while (true) {
            if (i >= t.length) {
                this.pos = i;
                this.fail('unterminated string');
            }
            const c = t.charCodeAt(i);
            if (c === Ch.Quote) {
                this.pos = i + 1;
                return chunks.join('');
            }
            if (c < 0x20) {
                this.pos = i;
                this.fail('control character in string');
            }
            if (c !== Ch.Backslash) {
                let j = i + 1;
                while (j < t.length) {
                    const d = t.charCodeAt(j);
                    if (d === Ch.Quote || d === Ch.Backslash || d < 0x20)
                        break;
                    j++;
                }
                chunks.push(t.slice(i, j));
                i = j;
                continue;
            }
            const e = t[i + 1];
            if (e === 'u') {
                const hi = this.hex4(i + 2);
                i += 6;
                if (hi >= 0xdc00 && hi <= 0xdfff) {
                    this.pos = i - 6;
                    this.fail('lone trailing surrogate in \\u escape');
                }
                if (hi >= 0xd800 && hi <= 0xdbff) {
                    if (t[i] !== '\\' || t[i + 1] !== 'u') {
                        this.pos = i - 6;
                        this.fail('lone leading surrogate in \\u escape');
                    }
                    const lo = this.hex4(i + 2);
                    if (lo < 0xdc00 || lo > 0xdfff) {
                        this.pos = i;
                        this.fail('invalid low surrogate in \\u escape');
                    }
                    chunks.push(String.fromCharCode(hi, lo));
                    i += 6;
                }
                else {
                    chunks.push(String.fromCharCode(hi));
                }
                continue;
            }
            const mapped = e === undefined ? undefined : ESCAPES[e];
            if (mapped === undefined || !Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
                this.pos = i;
                this.fail('invalid escape');
            }
            chunks.push(mapped);
            i += 2;
        }
    }
    hex4(at) {
        const s = this.text.slice(at, at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(s)) {
            this.pos = at;
            this.fail('invalid \\u escape');
        }
        return parseInt(s, 16);
    }
    number() {
        const t = this.text;
        const start = this.pos;
        let i = start;
        if (t.charCodeAt(i) === Ch.Minus)
            i++;
        const intStart = i;
        while (i < t.length && isDigit(t.charCodeAt(i)))
            i++;
        if (i === intStart)
            this.failAt(i, 'expected a digit');
        if (i - intStart > 1 && t.charCodeAt(intStart) === Ch.Zero)
            this.failAt(intStart, 'leading zero in number');
        if (t.charCodeAt(i) === Ch.Dot) {
            i++;
            const f = i;
            while (i < t.length && isDigit(t.charCodeAt(i)))
                i++;
            if (i === f)
                this.failAt(i, 'expected a digit after the decimal point');
        }
        const c = t.charCodeAt(i);
        if (c === Ch.E || c === Ch.LowerE) {
            i++;
            const s = t.charCodeAt(i);
            if (s === Ch.Plus || s === Ch.Minus)
                i++;
            const x = i;
            while (i < t.length && isDigit(t.charCodeAt(i)))
                i++;
            if (i === x)
                this.failAt(i, 'expected a digit in the exponent');
        }
        this.pos = i;
        return new JsonNumber(t.slice(start, i));
    }
    failAt(at, msg) {
        this.pos = at;
        this.fail(msg);
    }
}
function isDigit(c) {
    return c >= Ch.Zero && c <= Ch.Nine;
}


/***/ }),

/***/ 5094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ NPY_LIMITS),
/* harmony export */   BC: () => (/* binding */ GGUF_LIMITS),
/* harmony export */   LP: () => (/* binding */ ZIP_LIMITS),
/* harmony export */   Qt: () => (/* binding */ PICKLE_LIMITS),
/* harmony export */   SF: () => (/* binding */ FOLDER_LIMITS),
/* harmony export */   T1: () => (/* binding */ MANIFEST_LIMITS),
/* harmony export */   Wx: () => (/* binding */ TENSOR_DATA_LIMITS),
/* harmony export */   nB: () => (/* binding */ SCAN_LIMITS),
/* harmony export */   rI: () => (/* binding */ SAFETENSORS_LIMITS),
/* harmony export */   s7: () => (/* binding */ JSON_LIMITS),
/* harmony export */   ts: () => (/* binding */ BUDGET_LIMITS),
/* harmony export */   wT: () => (/* binding */ REMOTE_LIMITS),
/* harmony export */   wr: () => (/* binding */ STATE_DICT_LIMITS)
/* harmony export */ });
/**
 * Every limit the readers apply, once, each with the reason for its value. A limit is far above anything a real
 * file needs and far below what would exhaust time or memory; going past one is a typed `CheckpointError` for that
 * file (SECURITY.md lists them for users). Readers import their group from here and may take overrides in their
 * options (tests and the fuzzer use small ones); nothing else defines a limit of its own.
 */
/** JSON files read whole: sharded indexes, diffusers `model_index.json`, manifests, any JSON a location is. */
const JSON_LIMITS = Object.freeze({
    /**
     * Bytes of one JSON file. The largest real index (a weight_map of thousands of keys over hundreds of shards) is
     * a few MB and a manifest of a 1,500-tensor model about 300 KB; 64 MiB keeps the text and its parse bounded.
     */
    maxBytes: 64 * 1024 * 1024,
    /** Nesting depth. Real documents nest under 10 deep; the parser recurses per level, so depth is a stack risk. */
    maxDepth: 128
});
const SAFETENSORS_LIMITS = Object.freeze({
    /** JSON header bytes: the reference implementation's own `MAX_HEADER_SIZE`, so we refuse what it refuses. */
    maxHeaderBytes: 100_000_000
});
/** Sharded checkpoints and diffusers folders. */
const FOLDER_LIMITS = Object.freeze({
    /** Shards of one checkpoint. Published models have up to a few hundred; each shard costs an open and a read. */
    maxShards: 10_000,
    /** Components of one `model_index.json`. Pipelines have under 10. */
    maxComponents: 1000
});
const MANIFEST_LIMITS = Object.freeze({
    /** Dimensions of one tensor in a manifest. Real tensors have at most 5; shapes are copied into every report. */
    maxDims: 64
});
/** GGUF headers (everything before the data section). */
const GGUF_LIMITS = Object.freeze({
    /** Header, metadata and tensor infos together; the same cap as a safetensors header. */
    maxHeaderBytes: 100_000_000,
    /** Tensors of one file. Large LLM GGUFs hold a few thousand. */
    maxTensors: 1_000_000,
    /** Metadata key/value pairs. Real files hold tens, tokenizer arrays count as one. */
    maxKv: 1_000_000,
    /** Keys and tensor names (the spec caps keys at 65535 bytes; ComfyUI-GGUF names exceed ggml's 64). */
    maxNameBytes: 65_535,
    /** Elements of one metadata array: ggml's own `GGUF_MAX_ARRAY_ELEMENTS`. */
    maxArrayElements: 1 << 30,
    /** Arrays of arrays. ggml writes none nested; 8 leaves room and bounds the recursion. */
    maxArrayDepth: 8,
    /** ggml allows 4; ComfyUI-GGUF writes 5-D patch embeddings, @huggingface/gguf allows 8. */
    maxDims: 8
});
/** The zip container of a PyTorch file. */
const ZIP_LIMITS = Object.freeze({
    /** Entries of one archive. A torch file has one per storage: tens of thousands for the largest models. */
    maxEntries: 1_000_000,
    /** Central directory bytes, read whole: about 100 bytes an entry, so this fits the entry cap. */
    maxCentralDirectoryBytes: 128 * 1024 * 1024
});
/** Pickles: read into memory whole, then run on a machine that never executes anything. */
const PICKLE_LIMITS = Object.freeze({
    /** `data.pkl` of a zip file and the header pickles of a legacy file. A 14B model's `data.pkl` is a few MB. */
    maxZipPickleBytes: 1024 * 1024 * 1024,
    /** A plain pickle file (`.pkl`, a pickled `.bin`), which may hold its tensors' data inline. */
    maxPlainPickleBytes: 256 * 1024 * 1024,
    /** Opcodes of one pickle: a state dict costs about 20 per tensor. */
    maxOpcodes: 5_000_000,
    /** Memo entries (each holds a value alive). */
    maxMemo: 2_000_000,
    /** Values on the stack, all MARK levels together. */
    maxStack: 1_000_000,
    maxMarkDepth: 100_000,
    /** Length of one str/bytes argument. */
    maxStringBytes: 256 * 1024 * 1024,
    /** Byte length of a LONG1/LONG4 argument: parsing a huge one as a BigInt is quadratic. */
    maxLongBytes: 1024,
    /** Items of one list, dict or set. */
    maxContainerItems: 10_000_000,
    /**
     * Distinct globals one pickle may import. Each is kept in the scan record and judged once (a dotted name is
     * walked part by part); whole-module pickles import a few hundred.
     */
    maxGlobals: 10_000,
    /**
     * Estimated bytes of the objects one pickle builds when no file budget is given (a reader passes what is left
     * of the file's pickle memory budget, budget.ts).
     */
    maxHeldBytes: 256 * 1024 * 1024
});
/** Finding pickles where nothing says there is one (protocol 0/1 pickles have no marker; archives hide them). */
const SCAN_LIMITS = Object.freeze({
    /** First bytes of a candidate given a trial run of the machine; grown x16 while its first argument is longer. */
    sniffBytes: 4096,
    /** Opcodes a protocol 0/1 trial must get through when it imports nothing: text rarely parses this far. */
    minPlainOpcodes: 8,
    /** How far a trial may read into an unknown file: as far as a plain pickle may be. */
    maxSniffBytes: 256 * 1024 * 1024,
    /** Bytes of an unknown file (a 7z archive) searched for PROTO markers: archives store small members first. */
    carveBytes: 1024 * 1024,
    /** PROTO markers tried in those bytes, each one bounded trial. */
    maxCarveTrials: 4096,
    /** Members of a tar archive walked (one 512-byte header read each). */
    maxTarMembers: 100_000,
    /** Parts of a dotted global walked; a longer name reaches no real object and is dangerous as it is. */
    maxDottedParts: 32
});
/** numpy `.npy` arrays (and `.npz` members): only an object array's pickle is ever read. */
const NPY_LIMITS = Object.freeze({
    /** Header bytes; numpy itself refuses more than 10,000 by default. */
    maxHeaderBytes: 65_536,
    /** An object array's pickle, read whole like a plain pickle. */
    maxPickleBytes: 256 * 1024 * 1024
});
const MiB = 1024 * 1024;
/**
 * Resource budgets (budget.ts): what one file, and all the files of a gate run, may cost. SECURITY.md gives the
 * measurements behind each value.
 */
const BUDGET_LIMITS = Object.freeze({
    /**
     * Tensors one file may describe. The gate holds every artifact's description and analysis until its report
     * (about 3 KB a tensor, measured), and parsing a header of millions of entries takes seconds. The checkpoints
     * this tool is for hold a few thousand (SDXL 2.5k, Flux 1.5k, Wan 14B 1.1k; with optimizer state about 3x).
     */
    maxTensorsPerFile: 50_000,
    /**
     * Tensors the files of a run may hold at once: the gate holds its baseline for the whole run and each artifact
     * until it is judged (it keeps verdicts, not checkpoints), a few artifacts read at a time; `analyze FILE...` holds
     * every file until its output. Measured when the gate held every artifact to the end: 1,500 LoRAs of 300 tensors
     * (450,000) took 560 MB; checkpoint tensors cost more (about 1.5 GB at this value).
     */
    maxTensorsPerRun: 500_000,
    /**
     * Bytes inflated from compressed zip records of one file. torch.save stores records uncompressed; a deflated
     * pickle comes from re-zipping, and 1 MB can declare a GiB.
     */
    maxInflatedBytesPerFile: 64 * MiB,
    /** Bytes inflated over a run. */
    maxInflatedBytesPerRun: 512 * MiB,
    /**
     * Bytes the pickle machine may hold for one file: the pickle bytes read, the strings and containers it builds
     * (estimated from their sizes, strings included) and the tensor names made from them.
     */
    maxPickleBytesPerFile: 96 * MiB
});
/** The walk through an unpickled object looking for its state dict. */
const STATE_DICT_LIMITS = Object.freeze({
    /** Nesting of the object (wrappers, `_modules` trees). The walk recurses per level. */
    maxDepth: 1000,
    /** Objects visited in all. */
    maxNodes: 20_000_000
});
/** Remote (HTTP, Hub) locations. */
const REMOTE_LIMITS = Object.freeze({
    /** Bytes of one page of a Hub folder listing; a listing is small, more is a hostile or broken answer. */
    maxListingBytes: 16 * 1024 * 1024,
    /** Pages of one listing. */
    maxListingPages: 20,
    /** Probed sources waiting for their `open`; beyond this the oldest is dropped (it holds no handle). */
    maxPendingProbes: 256,
    /** The JSON part of one header-cache entry; cache files are untrusted, a bigger one is a miss. */
    maxCacheMetaBytes: 1 << 20,
    /** Byte ranges kept in one header-cache entry. */
    maxCacheSegments: 10_000,
    /**
     * Overall deadline of one remote file, from opening it: every request, retry and backoff together. A server
     * sending a byte a second resets every idle timer; this one it cannot.
     */
    deadlineMs: 120_000
});
/** Tensor data: read only for scalars (LoRA alphas), never for weights. */
const TENSOR_DATA_LIMITS = Object.freeze({
    /** Tensors read in one call. A LoRA has one alpha per module: a few thousand at most. */
    maxTensors: 100_000,
    /** Bytes of one tensor read this way: a scalar is at most 8 bytes. */
    maxTensorBytes: 8
});


/***/ }),

/***/ 7126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MP: () => (/* binding */ checkSafetensorsPrefix),
  IO: () => (/* binding */ readSafetensors)
});

// UNUSED EXPORTS: MAX_SAFETENSORS_HEADER, parseSafetensorsHeader

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/formats/dtypes.ts
var dtypes = __webpack_require__(3627);
// EXTERNAL MODULE: ./src/formats/budget.ts
var formats_budget = __webpack_require__(5407);
// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/formats/json/strict.ts + 1 modules
var strict = __webpack_require__(7280);
// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(5094);
// EXTERNAL MODULE: ./src/util/order.ts
var order = __webpack_require__(1204);
;// CONCATENATED MODULE: ./src/formats/safetensors/validate.ts
/**
 * Step 8 of the safetensors rules (docs/reference/formats.md §1.4) on a parsed header: offsets contiguous from 0
 * in (begin, end) order, sizes exact in u64 arithmetic, with the reference crate's error names. Split from
 * read.ts, which parses; see there for the deliberate differences from the reference.
 */



const U64_MAX = (1n << 64n) - 1n;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Bits per element by dtype, without a prototype: `BITS[x] === undefined` is exactly "not a dtype". */
const BITS = Object.assign(Object.create(null), dtypes/* SAFETENSORS_DTYPE_BITS */.Iu);
/**
 * Step 8 of §1.4: contiguous offsets from 0 in (begin, end) order, exact sizes. With numbers when every value and
 * every absolute offset is below 2^53 (comparisons and sums then exact); a product that passes 2^53 is redone
 * with BigInts for that tensor. Otherwise `validateExact`, the reference's u64 arithmetic throughout.
 */
function validate(p, name) {
    if (p.needsExact)
        return validateExact(p, name);
    const { tensors, begins, ends } = p;
    const order = fileOrder(begins, ends);
    let start = 0;
    const out = order === undefined ? tensors : new Array(tensors.length);
    for (let k = 0; k < tensors.length; k++) {
        const i = order === undefined ? k : order[k];
        const t = tensors[i];
        const begin = begins[i];
        const end = ends[i];
        if (begin !== start || end < begin)
            throw invalidOffset(name, t.name, begin, end, start);
        start = end;
        const dims = t.shape;
        let numel = 1;
        for (let j = 0; j < dims.length && numel <= MAX_SAFE; j++)
            numel *= dims[j];
        const nbits = numel * BITS[t.dtype];
        if (nbits > MAX_SAFE)
            checkSize(name, t.name, t.dtype, dims.map(BigInt), BigInt(begin), BigInt(end));
        else if (nbits % 8 !== 0)
            throw misaligned(name, t.name, t.dtype, numel);
        else if (end - begin !== nbits / 8)
            throw invalidInfo(name, t.name, t.dtype, dims, nbits / 8, end - begin);
        if (order !== undefined)
            out[k] = t;
    }
    return { tensors: out, dataBytes: BigInt(start) };
}
/**
 * The indices in (begin, end) order, or undefined when the header is in that order already: writers emit offset
 * order, so check before paying for a sort. Ties keep header order (zero-sized tensors sharing an offset).
 */
function fileOrder(begins, ends) {
    for (let i = 1; i < begins.length; i++) {
        const a = begins[i - 1];
        const b = begins[i];
        if (a > b || (a === b && ends[i - 1] > ends[i])) {
            return begins
                .map((_, j) => j)
                .sort((x, y) => (0,order/* ascending */.V)(begins[x], begins[y]) || (0,order/* ascending */.V)(ends[x], ends[y]) || x - y);
        }
    }
    return undefined;
}
/** `validate` with the exact u64 values, for a header holding a value or an absolute offset past 2^53-1. */
function validateExact(p, name) {
    const values = p.tensors.map((t, i) => p.exact.get(i) ?? {
        dims: t.shape.map(BigInt),
        begin: BigInt(p.begins[i]),
        end: BigInt(p.ends[i])
    });
    const order = fileOrder(values.map((v) => v.begin), values.map((v) => v.end));
    let start = 0n;
    const out = [];
    for (let k = 0; k < values.length; k++) {
        const i = order === undefined ? k : order[k];
        const t = p.tensors[i];
        const v = values[i];
        if (v.begin !== start || v.end < v.begin)
            throw invalidOffset(name, t.name, v.begin, v.end, start);
        start = v.end;
        checkSize(name, t.name, t.dtype, v.dims, v.begin, v.end);
        out.push(t);
    }
    return { tensors: out, dataBytes: start };
}
/** The size rules of step 8 for one tensor, in u64 arithmetic as the reference computes them. */
function checkSize(name, tensor, dtype, dims, begin, end) {
    let numel = 1n;
    for (const d of dims) {
        numel *= d;
        if (numel > U64_MAX)
            throw overflow(name, tensor, dtype, dims);
    }
    const nbits = numel * BigInt(BITS[dtype]);
    if (nbits > U64_MAX)
        throw overflow(name, tensor, dtype, dims);
    if (nbits % 8n !== 0n)
        throw misaligned(name, tensor, dtype, numel);
    if (end - begin !== nbits / 8n)
        throw invalidInfo(name, tensor, dtype, dims, nbits / 8n, end - begin);
}
// The messages below take numbers or BigInts: both print the same digits.
function invalidOffset(name, tensor, begin, end, start) {
    return new errors/* CheckpointError */.jg('InvalidOffset', name, `invalid offset for tensor ${JSON.stringify(tensor)}: data_offsets [${begin}, ${end}] ` +
        `but the previous tensor ended at ${start} (overlap, hole or begin > end)`);
}
function misaligned(name, tensor, dtype, numel) {
    return new errors/* CheckpointError */.jg('MisalignedSlice', name, `tensor ${JSON.stringify(tensor)}: ${numel} elements of ${dtype} do not fill whole bytes`);
}
function invalidInfo(name, tensor, dtype, dims, needs, span) {
    return new errors/* CheckpointError */.jg('TensorInvalidInfo', name, `invalid shape, data type, or offset for tensor ${JSON.stringify(tensor)}: shape [${dims.join(',')}] of ` +
        `${dtype} needs ${needs} bytes but data_offsets span ${span}`);
}
function overflow(name, tensor, dtype, dims) {
    return new errors/* CheckpointError */.jg('ValidationOverflow', name, `overflow computing buffer size from shape and/or element type for tensor ${JSON.stringify(tensor)}: ` +
        `shape [${dims.join(',')}] of ${dtype}`);
}

;// CONCATENATED MODULE: ./src/formats/safetensors/read.ts
/**
 * safetensors reader: reads only the 8-byte length and the N-byte JSON header, then applies the reference crate's
 * validation (`SafeTensors::read_metadata`, docs/reference/formats.md §1.4) in the same order and with the same error names, so
 * a file we accept is a file the reference loads and vice versa. Deliberate differences, each stricter or more
 * precise than the reference and each named in the error detail:
 * - duplicate keys are `InvalidHeaderDeserialization` ("duplicate key"); serde keeps the last one and the first
 *   range then surfaces as a misleading `InvalidOffset` (safetensors issue #401);
 * - a dimension past 2^53-1 that survives validation (possible only next to a 0 dimension) is rejected, because a
 *   `TensorInfo.shape` holds safe JS numbers; byte ranges are BigInts and need no such rule.
 * Validation (validate.ts) computes with JS numbers while every value is below 2^53, which is exact, and with
 * BigInts otherwise: the same results, without a BigInt per value for the files real writers emit.
 */







const MAX_SAFETENSORS_HEADER = limits/* SAFETENSORS_LIMITS */.rI.maxHeaderBytes;
/**
 * Steps 1–5 of §1.4 on the first 8 bytes (fewer if the file is shorter): returns N. `fileSize` is the whole file.
 */
function checkSafetensorsPrefix(prefix, fileSize, name) {
    if (fileSize < 8 || prefix.length < 8) {
        throw new errors/* CheckpointError */.jg('HeaderTooSmall', name, `header too small: the file has ${fileSize} bytes, needs 8`);
    }
    const n = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
    if (n > BigInt(MAX_SAFETENSORS_HEADER)) {
        throw new errors/* CheckpointError */.jg('HeaderTooLarge', name, `header too large: declared header length ${n} exceeds the limit of ${MAX_SAFETENSORS_HEADER} bytes`);
    }
    const len = Number(n);
    if (len + 8 > fileSize) {
        throw new errors/* CheckpointError */.jg('InvalidHeaderLength', name, `invalid header length: declared ${len} header bytes but the file has only ${fileSize - 8} after the prefix`);
    }
    return len;
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Steps 6–9 of §1.4 on the N header bytes (`header` excludes the 8-byte prefix). `fileSize` is the size of the
 * whole file; `name` names it in errors and in each tensor's byte range.
 */
function parseSafetensorsHeader(header, fileSize, name, budget) {
    const headerLength = header.length;
    let text;
    try {
        text = utf8.decode(header);
    }
    catch (e) {
        throw new errors/* CheckpointError */.jg('InvalidHeader', name, `invalid UTF-8 in header`, { cause: e });
    }
    const parsed = deserialize(text, name, headerLength, budget);
    const { tensors, dataBytes } = validate(parsed, name);
    const total = 8n + BigInt(headerLength) + dataBytes;
    if (total !== BigInt(fileSize)) {
        throw new errors/* CheckpointError */.jg('MetadataIncompleteBuffer', name, `incomplete metadata, file not fully covered: header and tensors account for ${total} bytes ` +
            `but the file has ${fileSize}` +
            (total < BigInt(fileSize) ? ' (trailing data)' : ' (tensor data past the end of the file)'));
    }
    // only an exact (BigInt) validation can have let a dimension past 2^53-1 through
    if (parsed.needsExact)
        for (const t of tensors) {
            if (t.shape.some((d) => !Number.isSafeInteger(d))) {
                throw new errors/* CheckpointError */.jg('InvalidHeaderDeserialization', name, `tensor ${JSON.stringify(t.name)} has a dimension above 2^53-1, which this reader cannot represent`);
            }
        }
    return { headerLength, tensors, metadata: parsed.metadata, dataBytes };
}
/** Read a safetensors checkpoint's header (exactly 8 + N bytes) and describe it. */
async function readSafetensors(source, options = {}) {
    const name = source.name;
    const budget = (0,formats_budget/* fileBudget */.ki)(name, options.budget);
    const prefix = source.size >= 8 ? await source.read(0, 8) : new Uint8Array(0);
    const n = checkSafetensorsPrefix(prefix, source.size, name);
    if (n > COUNT_FIRST_BYTES)
        await countTensorEntries(source, n, budget);
    const header = await source.read(8, n);
    const parsed = parseSafetensorsHeader(header, source.size, name, budget);
    return {
        path: name,
        format: 'safetensors',
        bytes: source.size,
        tensors: parsed.tensors,
        metadata: parsed.metadata,
        globals: [],
        warnings: []
    };
}
/** Headers above this are counted in chunks before being read and parsed whole. */
const COUNT_FIRST_BYTES = 4 * 1024 * 1024;
const COUNT_CHUNK_BYTES = 4 * 1024 * 1024;
const OFFSETS_KEY = new TextEncoder().encode('"data_offsets"');
/**
 * Every tensor entry has a `data_offsets` member: count them in chunks, without decoding, so a header of
 * millions of tensors fails the tensor budget after a few MB instead of costing gigabytes to parse. (A key or a
 * metadata value can also hold the text; that only counts more.)
 */
async function countTensorEntries(source, n, budget) {
    const limit = budget.limits.maxTensorsPerFile;
    let count = 0;
    const overlap = OFFSETS_KEY.length - 1;
    for (let at = 0; at < n; at += COUNT_CHUNK_BYTES) {
        const from = Math.max(0, at - overlap);
        const chunk = await source.read(8 + from, Math.min(n, at + COUNT_CHUNK_BYTES) - from);
        const buf = external_node_buffer_.Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        // the window reaches back by one byte less than the key: an occurrence across the chunk boundary is whole
        // in this window and in no earlier one
        for (let i = buf.indexOf(OFFSETS_KEY); i >= 0; i = buf.indexOf(OFFSETS_KEY, i + 1))
            count++;
        if (count > limit)
            budget.checkTensorCount(count, 'the header');
    }
}
/** Decimal integers of at most this many digits are below 2^53 (10^15 < 2^53 < 10^16): `Number` is exact. */
const SAFE_DIGITS = 15;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
function deserialize(text, name, headerLength, budget) {
    const bad = (detail, cause) => new errors/* CheckpointError */.jg('InvalidHeaderDeserialization', name, `invalid JSON in header: ${detail}`, { cause });
    const metadata = Object.create(null);
    const tensors = [];
    const begins = [];
    const ends = [];
    const exact = new Map();
    const dataStart = 8 + headerLength;
    const dataStartBig = BigInt(dataStart);
    // offsets up to this give absolute offsets below 2^53 as numbers
    const safeOffset = MAX_SAFE - dataStart;
    let needsExact = false;
    // Shapes repeat (a LoRA has a few dozen distinct ones for thousands of tensors): each distinct shape text is
    // split and converted once, and each tensor gets its own copy of the dims.
    const shapes = new Map();
    // the last end taken by the fast path, as text, number and absolute BigInt (one value, kept consistent)
    let prevEndText = '';
    let prevEnd = -1;
    let prevEndBig = 0n;
    // Tensors are charged to the budget in one call at the end, not one call per tensor: `room` is what the budget
    // allows now (nothing else runs during this synchronous parse), and the tensor that goes past it is charged
    // alone, so the error and what stays charged are those of one `addTensors(1)` per tensor.
    const room = budget === undefined
        ? Infinity
        : Math.min(budget.limits.maxTensorsPerFile - budget.tensors, budget.limits.maxTensorsPerRun - budget.run.tensors);
    let counted = 0;
    let charged = 0;
    const overBudget = () => {
        const b = budget;
        b.addTensors(counted - 1 - charged);
        charged = counted;
        b.addTensors(1);
    };
    /** A member read with exact values (the strict path, or a fast-path value of more than SAFE_DIGITS digits). */
    const addExact = (key, dtype, v) => {
        if (v.begin > MAX_SAFE_BIG || v.end > MAX_SAFE_BIG || v.dims.some((d) => d > MAX_SAFE_BIG)) {
            exact.set(tensors.length, v);
            needsExact = true;
        }
        const begin = Number(v.begin);
        const end = Number(v.end);
        if (begin > safeOffset || end > safeOffset)
            needsExact = true;
        // Unsafe dims are rejected after validation (see the module comment); Number() here is only storage.
        tensors.push({
            name: key,
            shape: v.dims.map((d) => Number(d)),
            dtype,
            byteRange: { file: name, start: dataStartBig + v.begin, end: dataStartBig + v.end }
        });
        begins.push(begin);
        ends.push(end);
    };
    const onMember = (key, value) => {
        if (key === '__metadata__') {
            if (value === null)
                return;
            if (!(0,strict/* isJsonObject */.OW)(value))
                throw bad(`__metadata__ must be an object, found ${(0,strict/* describeJsonType */.cc)(value)}`);
            for (const [mk, mv] of value) {
                if (typeof mv !== 'string') {
                    throw bad(`__metadata__ value for ${JSON.stringify(mk)} must be a string, found ${(0,strict/* describeJsonType */.cc)(mv)}`);
                }
                metadata[mk] = mv;
            }
            return;
        }
        const t = tensorEntry(key, value, bad);
        if (++counted > room)
            overBudget();
        addExact(key, t.dtype, t);
    };
    const fastPath = {
        depth: 2,
        take(json, at, seen) {
            let taken = -1;
            for (;;) {
                TENSOR_MEMBER.lastIndex = at;
                const m = TENSOR_MEMBER.exec(json);
                if (m === null)
                    return taken;
                const key = m[1];
                const dtype = m[2];
                if (key === '__metadata__' || BITS[dtype] === undefined)
                    return taken;
                const b = m[4];
                const e = m[5];
                const shape = m[3];
                let dims;
                let long = b.length > SAFE_DIGITS || e.length > SAFE_DIGITS;
                if (shape === undefined)
                    dims = [];
                else {
                    const known = shapes.get(shape);
                    if (known !== undefined)
                        dims = known.slice();
                    else {
                        const parts = shape.split(',');
                        dims = new Array(parts.length);
                        for (let i = 0; i < parts.length; i++)
                            dims[i] = +parts[i];
                        if (shape.length > SAFE_DIGITS && parts.some((d) => d.length > SAFE_DIGITS))
                            long = true;
                        else
                            shapes.set(shape, dims.slice());
                    }
                }
                // charged before the duplicate check: a member taken here is charged as soon as it is read
                if (++counted > room)
                    overBudget();
                if (seen.has(key))
                    throw new strict/* JsonSyntaxError */.q3(`duplicate key ${JSON.stringify(key)}`, at);
                seen.add(key);
                const begin = b === prevEndText ? prevEnd : +b;
                const end = +e;
                if (long || begin > safeOffset || end > safeOffset) {
                    // the regular expression bounds every value to 19 digits, below 2^64
                    const dimsBig = shape === undefined ? [] : shape.split(',').map(BigInt);
                    addExact(key, dtype, { dims: dimsBig, begin: BigInt(b), end: BigInt(e) });
                }
                else {
                    // Writers put each tensor right after the previous one: its start is the previous end, the same
                    // BigInt (a BigInt from a number costs a runtime call, more than the rest of a member together).
                    const start = begin === prevEnd ? prevEndBig : BigInt(dataStart + begin);
                    prevEndText = e;
                    prevEnd = end;
                    prevEndBig = BigInt(dataStart + end);
                    tensors.push({ name: key, shape: dims, dtype, byteRange: { file: name, start, end: prevEndBig } });
                    begins.push(begin);
                    ends.push(end);
                }
                taken = TENSOR_MEMBER.lastIndex;
                if (json.charCodeAt(taken) !== 0x2c || json.charCodeAt(taken + 1) !== 0x22)
                    return taken;
                at = taken + 1;
            }
        }
    };
    try {
        (0,strict/* parseStrictJsonMembers */.sY)(text, onMember, { fastPath });
    }
    catch (e) {
        if (e instanceof strict/* JsonSyntaxError */.q3)
            throw bad(e.message, e);
        throw e;
    }
    finally {
        // what was read before an error stays charged, as with one charge per tensor
        if (counted > charged)
            budget?.addTensors(counted - charged);
    }
    return { tensors, begins, ends, exact, needsExact, metadata };
}
/**
 * One tensor member exactly as writers emit it (compact, keys in the reference order), for the fast path of
 * `deserialize`: a key without escapes or control characters, a dtype, dims and offsets as plain non-negative
 * integers of at most 19 digits (so below 2^64 without a check; a 20-digit value takes the strict path). Whatever
 * else (whitespace, other key orders, extra fields, escapes) is read by the strict parser, with the same result.
 */
// The control characters are the point: a JSON string may not hold them unescaped, so such a key is left to the
// strict parser and its error.
const TENSOR_MEMBER = 
// eslint-disable-next-line no-control-regex
/"([^"\\\x00-\x1f]*)":\{"dtype":"([A-Z0-9_]{1,16})","shape":\[((?:0|[1-9][0-9]{0,18})(?:,(?:0|[1-9][0-9]{0,18}))*)?\],"data_offsets":\[(0|[1-9][0-9]{0,18}),(0|[1-9][0-9]{0,18})\]\}/y;
function tensorEntry(key, value, bad) {
    const what = `tensor ${JSON.stringify(key)}`;
    if (!(0,strict/* isJsonObject */.OW)(value))
        throw bad(`${what} must be an object, found ${(0,strict/* describeJsonType */.cc)(value)}`);
    const entry = value;
    // serde ignores unknown fields of TensorInfo; so do we (their values were still parsed strictly).
    const dtype = entry.get('dtype');
    if (typeof dtype !== 'string')
        throw bad(`${what}: dtype must be a string, found ${(0,strict/* describeJsonType */.cc)(dtype)}`);
    if (!(0,dtypes/* isSafetensorsDtype */.AK)(dtype))
        throw bad(`${what}: unknown dtype ${JSON.stringify(dtype)}`);
    const shape = entry.get('shape');
    if (!Array.isArray(shape))
        throw bad(`${what}: shape must be an array, found ${(0,strict/* describeJsonType */.cc)(shape)}`);
    const dims = [];
    for (const d of shape) {
        const v = (0,strict/* isJsonNumber */.OD)(d) ? (0,strict/* parseU64 */.n9)(d) : undefined;
        if (v === undefined) {
            const found = (0,strict/* isJsonNumber */.OD)(d) ? d.raw : (0,strict/* describeJsonType */.cc)(d);
            throw bad(`${what}: shape entries must be non-negative integers below 2^64, found ${found}`);
        }
        dims.push(v);
    }
    const offsets = entry.get('data_offsets');
    if (!Array.isArray(offsets) || offsets.length !== 2) {
        throw bad(`${what}: data_offsets must be an array of 2 integers`);
    }
    const [b, e] = offsets.map((o) => ((0,strict/* isJsonNumber */.OD)(o) ? (0,strict/* parseU64 */.n9)(o) : undefined));
    if (b === undefined || e === undefined) {
        throw bad(`${what}: data_offsets must be non-negative integers below 2^64, found [${offsets.map((o) => ((0,strict/* isJsonNumber */.OD)(o) ? o.raw : (0,strict/* describeJsonType */.cc)(o)))}]`);
    }
    return { dtype, dims, begin: b, end: e };
}


/***/ }),

/***/ 3159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ readRanges),
/* harmony export */   Kp: () => (/* binding */ openLocalFile),
/* harmony export */   Lq: () => (/* binding */ HEAD_BYTES),
/* harmony export */   S_: () => (/* binding */ openLocalEntry),
/* harmony export */   ay: () => (/* binding */ checkReadRange),
/* harmony export */   yi: () => (/* binding */ fsError)
/* harmony export */ });
/* unused harmony exports LocalFileSource, PARALLEL_READS, readSmall, withSource */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6289);
/**
 * Byte sources: the one way readers get bytes. A reader asks for exact ranges and never for "the whole file", so
 * header-only reading is enforced in one place, and a remote (HTTP range) source can stand in for a local file
 * without any reader changing.
 */
// node:fs with callbacks, not node:fs/promises: importing the latter loads Node's stream and readline modules,
// a few ms on every CLI run (whole-process time is what the performance targets measure).


/** Bytes of a file's start that the local fast path reads with the open: the whole header of most files. */
const HEAD_BYTES = 64 * 1024;
/**
 * A local file. Reads are synchronous preads: for header-sized reads of a local file an async round trip through
 * the thread pool costs far more than the read itself (torch's own reader is synchronous too), and a reader's
 * reads follow one another anyway. Ranges inside `head` (bytes read with the open, if any) come from memory.
 */
class LocalFileSource {
    name;
    size;
    fd;
    bytesRead = 0;
    reads = 0;
    /** The file's first bytes, read with the open (empty when none were). */
    head = new Uint8Array(0);
    constructor(name, size, fd) {
        this.name = name;
        this.size = size;
        this.fd = fd;
    }
    async read(offset, length) {
        checkReadRange(this.name, this.size, offset, length);
        if (offset + length <= this.head.length)
            return this.head.slice(offset, offset + length);
        const buf = new Uint8Array(length);
        // a range that starts in the head (a header longer than the first read) reads only what follows it
        const known = Math.max(0, this.head.length - offset);
        if (known > 0)
            buf.set(this.head.subarray(offset), 0);
        this.fill(buf.subarray(known), offset + known);
        return buf;
    }
    /** Many small ranges, each read into its own part of one shared buffer. */
    async readMany(ranges) {
        // One allocation for the whole batch, each range a view of its own part: a small typed array per range
        // costs more than its read (these are header-sized ranges, so the total stays small; past a bound, one each).
        let total = 0;
        for (let i = 0; i < ranges.length; i++)
            total += ranges[i].length;
        const batch = Number.isSafeInteger(total) && total <= BATCH_BUFFER_BYTES ? new ArrayBuffer(total) : undefined;
        let next = 0;
        return ranges.map(({ offset, length }) => {
            checkReadRange(this.name, this.size, offset, length);
            const buf = batch === undefined ? new Uint8Array(length) : new Uint8Array(batch, next, length);
            next += length;
            this.fill(buf, offset);
            return buf;
        });
    }
    /** Fills `buf` from byte `offset` of the file (a checked range) and counts the read. */
    fill(buf, offset) {
        const length = buf.length;
        let done = 0;
        while (done < length) {
            let n;
            try {
                n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, buf, done, length - done, offset + done);
            }
            catch (e) {
                throw fsError(this.name, e);
            }
            if (n === 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('Truncated', this.name, `file ended at byte ${offset + done} during a read`);
            }
            done += n;
        }
        this.bytesRead += length;
        this.reads++;
    }
    async close() {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(this.fd);
        }
        catch (e) {
            throw fsError(this.name, e);
        }
    }
}
/** Largest batch `readMany` reads into one shared buffer. */
const BATCH_BUFFER_BYTES = 1024 * 1024;
/** Reads kept in flight at once by `readRanges` on a source without `readMany` (an HTTP client allows 8). */
const PARALLEL_READS = 8;
/**
 * Many ranges of one source, each settled on its own (a bad range fails only its own slot), in order: one
 * `readMany` batch when the source has it, else `PARALLEL_READS` lanes of consecutive ranges read in parallel,
 * one after another within a lane, so a source's read-ahead still catches the next range of its lane.
 */
async function readRanges(source, ranges) {
    if (ranges.length === 0)
        return [];
    if (source.readMany !== undefined) {
        try {
            const all = await source.readMany(ranges);
            return all.map((value) => ({ status: 'fulfilled', value }));
        }
        catch {
            // one range failed the batch: read them one by one so each gets its own result
        }
    }
    const results = new Array(ranges.length);
    const lanes = Math.min(PARALLEL_READS, ranges.length);
    const perLane = Math.ceil(ranges.length / lanes);
    const lane = async (from) => {
        for (let i = from; i < Math.min(from + perLane, ranges.length); i++) {
            const { offset, length } = ranges[i];
            try {
                results[i] = { status: 'fulfilled', value: await source.read(offset, length) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k * perLane)));
    return results;
}
/**
 * Open a local regular file. Missing files, folders, FIFOs, sockets, devices and unreadable files get typed errors
 * naming the path. `name` is what messages call it (default `path`: a confined reader opens the resolved path but
 * names the one it was given).
 */
async function openLocalFile(path, name = path) {
    const opened = openLocalEntry(path, 0, name);
    if (opened === 'dir')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('NotAFile', name, 'is a directory');
    return opened;
}
/**
 * Read-only and, where the platform has it, non-blocking: opening a FIFO (a special file a pull request can add)
 * for reading would otherwise wait for a writer forever. It changes nothing for regular files.
 */
const OPEN_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK === undefined ? 'r' : node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK;
/**
 * The local fast path: opens `path` and reads its first `headBytes` bytes in one go, synchronously (one open, one
 * fstat, one pread: no thread-pool round trips). A folder is 'dir'; a missing or unreadable path, or one that is
 * neither a file nor a folder, gets a typed error naming it. `into`: a buffer to read the head into (a caller
 * that reads many files reuses one: a fresh 64 KiB array per file costs more than its read), which `head` then
 * views.
 */
function openLocalEntry(path, headBytes, name = path, into) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, OPEN_FLAGS);
    }
    catch (e) {
        if (e.code === 'EISDIR')
            return 'dir';
        throw fsError(name, e);
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (st.isDirectory()) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            return 'dir';
        }
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('NotAFile', name, 'is not a regular file');
        const source = new LocalFileSource(name, st.size, fd);
        if (headBytes > 0 && st.size > 0) {
            const n = Math.min(headBytes, st.size);
            const head = into !== undefined && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
            source.fill(head, 0);
            source.head = head;
        }
        return source;
    }
    catch (e) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        catch {
            // the error on its way says more
        }
        throw e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg ? e : fsError(name, e);
    }
}
/** Read a whole small file (an index, a manifest), refusing anything larger than `maxBytes`. */
async function readSmall(source, maxBytes, what) {
    if (source.size > maxBytes) {
        throw new CheckpointError('HeaderTooLarge', source.name, `${what} is ${source.size} bytes; the limit is ${maxBytes} bytes`);
    }
    return source.read(0, source.size);
}
/** Run `fn` with an opened source and always close it. */
async function withSource(opener, fn) {
    const source = await opener;
    try {
        return await fn(source);
    }
    finally {
        await source.close().catch(() => undefined);
    }
}
function fsError(path, e) {
    const code = e.code;
    // ENOTDIR: a folder on the way is a file, so there is no such file either
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('FileNotFound', path, 'no such file or directory', { cause: e });
    if (code === 'EISDIR')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('NotAFile', path, 'is a directory', { cause: e });
    if (code === 'EACCES' || code === 'EPERM')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('IoError', path, 'permission denied', { cause: e });
    if (code === 'ENXIO')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('NotAFile', path, 'is not a regular file (a socket or a device)', { cause: e });
    if (code === 'ELOOP')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('IoError', path, 'too many levels of symbolic links', { cause: e });
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('IoError', path, e instanceof Error ? e.message : String(e), { cause: e });
}
/**
 * The one range check every ByteSource applies before reading: offsets and lengths are safe non-negative
 * integers, and the range ends inside the source. A range past the end is `Truncated`, naming the range.
 */
function checkReadRange(name, size, offset, length) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('IoError', name, `invalid read range offset=${offset} length=${length}`);
    }
    if (offset + length > size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckpointError */ .jg('Truncated', name, `needs bytes ${offset}..${offset + length} but the file has ${size} bytes`);
    }
}


/***/ }),

/***/ 5447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ looksLikeTorchLegacy)
/* harmony export */ });
/**
 * The legacy torch file signature, kept apart from the legacy reader so format detection can test for it
 * without loading the pickle machinery.
 */
/** The pickled magic number after PROTO: LONG1, 10 bytes, 0x1950a86a20f9469cfc6c little-endian. */
const MAGIC_LONG1 = [0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];
/**
 * Whether a file's first bytes are a legacy torch file: PROTO 2..5, then the magic LONG1, either directly
 * (protocol 2/3) or after a FRAME header (protocol 4/5 frame it: `80 04 95 <u64> 8a 0a ...`). Needs 23 bytes.
 */
function looksLikeTorchLegacy(head) {
    if (head.length < 2 + MAGIC_LONG1.length || head[0] !== 0x80 || head[1] < 2 || head[1] > 5)
        return false;
    const at = head[2] === 0x95 ? 11 : 2;
    return head.length >= at + MAGIC_LONG1.length && MAGIC_LONG1.every((b, i) => head[at + i] === b);
}


/***/ }),

/***/ 9493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ lookupTable)
/* harmony export */ });
/**
 * Lookup tables indexed by names from files. A plain object literal answers `table['constructor']` or
 * `table['__proto__']` with Object.prototype's members, so a hostile key name would be taken for a table entry;
 * a null-prototype table answers undefined for every name it does not hold.
 */
function lookupTable(entries) {
    return Object.freeze(Object.assign(Object.create(null), entries));
}


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EE: () => (/* binding */ LONGCAT_HYPHEN),
/* harmony export */   Er: () => (/* binding */ SUFFIX),
/* harmony export */   GD: () => (/* binding */ LORA_PAIR),
/* harmony export */   Gp: () => (/* binding */ LOKR_FACTORS),
/* harmony export */   H3: () => (/* binding */ PREFIX),
/* harmony export */   K2: () => (/* binding */ LOHA_FACTORS),
/* harmony export */   LV: () => (/* binding */ GLORA_FACTORS),
/* harmony export */   PP: () => (/* binding */ kohyaForm),
/* harmony export */   Wr: () => (/* binding */ LONGCAT_PREFIX),
/* harmony export */   _I: () => (/* binding */ processorPath),
/* harmony export */   nF: () => (/* binding */ parseSuffix),
/* harmony export */   ph: () => (/* binding */ isAdapterKey),
/* harmony export */   sD: () => (/* binding */ fromProcessorPath)
/* harmony export */ });
/* unused harmony export adapterPrefix */
/* harmony import */ var _prefixes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9334);
/**
 * Adapter tensors: the one reading of the names LoRA / LyCORIS / DoRA / IA3 / full-delta files give their tensors.
 * The LoRA reader parses each key into a module stem and the tensor's role (`parseSuffix`); the structure analysis
 * and the comparison ask only whether a key is an adapter tensor (`isAdapterKey`), from the same table plus the
 * adapter prefixes a stem may carry (kohya `lora_unet_`, `lycoris_`, LongCat `lora___lorahyphen___`).
 * Facts from docs/reference/key-formats.md §2.5 and §3; nothing here looks at shapes.
 */

/**
 * Adapter tensor suffixes, each spelled once for the whole project: the suffix table below reads them, the
 * loader profiles (src/lora/loaders) select from them what each runtime reads, and the converter writes them.
 */
const SUFFIX = {
    /** kohya / sd-scripts, LyCORIS `locon`. */
    loraDown: '.lora_down.weight',
    loraUp: '.lora_up.weight',
    /** LoCon Tucker middle factor. */
    loraMid: '.lora_mid.weight',
    /** LongCat split up factor: `.lora_up.blocks.j.weight`. */
    loraUpBlocks: '.lora_up.blocks.',
    /** PEFT (and diffusers, which saves PEFT names). */
    peftA: '.lora_A.weight',
    peftB: '.lora_B.weight',
    peftBBias: '.lora_B.bias',
    /** PEFT with its adapter infix left in (DiffSynth-Studio). */
    peftDefaultA: '.lora_A.default.weight',
    peftDefaultB: '.lora_B.default.weight',
    /** PEFT A/B without `.weight`. */
    bareA: '.lora_A',
    bareB: '.lora_B',
    /** PEFT DoRA magnitude. */
    magnitude: '.lora_magnitude_vector',
    /** Legacy diffusers attention processors: `processor.to_q_lora.down.weight`. */
    processorDown: '_lora.down.weight',
    processorUp: '_lora.up.weight',
    /** Legacy diffusers `.lora.down.weight`. */
    dotLoraDown: '.lora.down.weight',
    dotLoraUp: '.lora.up.weight',
    /** Legacy diffusers `LoRACompatibleLinear`. */
    linearLayerDown: '.lora_linear_layer.down.weight',
    linearLayerUp: '.lora_linear_layer.up.weight',
    alpha: '.alpha',
    alphaScale: '.alpha_scale',
    /** LyCORIS DoRA. */
    doraScale: '.dora_scale',
    /** ComfyUI's reshape target (read beside any adapter, not an adapter tensor of its own). */
    reshapeWeight: '.reshape_weight',
    hadaW1A: '.hada_w1_a',
    hadaW1B: '.hada_w1_b',
    hadaW2A: '.hada_w2_a',
    hadaW2B: '.hada_w2_b',
    hadaT1: '.hada_t1',
    hadaT2: '.hada_t2',
    lokrW1: '.lokr_w1',
    lokrW1A: '.lokr_w1_a',
    lokrW1B: '.lokr_w1_b',
    lokrW2: '.lokr_w2',
    lokrW2A: '.lokr_w2_a',
    lokrW2B: '.lokr_w2_b',
    lokrT1: '.lokr_t1',
    lokrT2: '.lokr_t2',
    /** IA3 applied to the input. */
    onInput: '.on_input',
    /** Full deltas: weight, bias, modulation. */
    diff: '.diff',
    diffBias: '.diff_b',
    diffModulation: '.diff_m',
    gloraA1: '.a1.weight',
    gloraA2: '.a2.weight',
    gloraB1: '.b1.weight',
    gloraB2: '.b2.weight',
    oftBlocks: '.oft_blocks',
    oftRescale: '.rescale',
    normWeight: '.w_norm',
    normBias: '.b_norm',
    setWeight: '.set_weight'
};
/** The LoRA pair spellings, by convention. */
const LORA_PAIR = {
    kohya: { down: SUFFIX.loraDown, up: SUFFIX.loraUp, mid: SUFFIX.loraMid },
    peft: { down: SUFFIX.peftA, up: SUFFIX.peftB },
    peftDefault: { down: SUFFIX.peftDefaultA, up: SUFFIX.peftDefaultB },
    peftBare: { down: SUFFIX.bareA, up: SUFFIX.bareB },
    processor: { down: SUFFIX.processorDown, up: SUFFIX.processorUp },
    dotLora: { down: SUFFIX.dotLoraDown, up: SUFFIX.dotLoraUp },
    linearLayer: { down: SUFFIX.linearLayerDown, up: SUFFIX.linearLayerUp }
};
/** The LyCORIS factor suffixes of each algorithm, for readers that take a module's tensors by algorithm. */
const LOHA_FACTORS = {
    w1: [SUFFIX.hadaW1A, SUFFIX.hadaW1B],
    w2: [SUFFIX.hadaW2A, SUFFIX.hadaW2B],
    tucker: [SUFFIX.hadaT1, SUFFIX.hadaT2]
};
const LOKR_FACTORS = {
    whole: [SUFFIX.lokrW1, SUFFIX.lokrW2],
    w1: [SUFFIX.lokrW1A, SUFFIX.lokrW1B],
    w2: [SUFFIX.lokrW2A, SUFFIX.lokrW2B],
    tucker: [SUFFIX.lokrT1, SUFFIX.lokrT2]
};
const GLORA_FACTORS = [SUFFIX.gloraA1, SUFFIX.gloraA2, SUFFIX.gloraB1, SUFFIX.gloraB2];
/** A plain-suffix rule: the suffix is its own marker. */
const plain = (suffix, role, legacy) => legacy ? { suffix, role, marker: suffix, legacy } : { suffix, role, marker: suffix };
// Ordered: the most specific first. `(?:\.(\w+))?` is the optional PEFT adapter infix.
const SUFFIX_RULES = [
    {
        re: /\.lora_up\.blocks\.(\d{1,4})\.weight$/,
        needs: SUFFIX.loraUpBlocks,
        role: 'up-block',
        marker: '.lora_up.blocks.j.weight',
        indexed: true
    },
    plain(SUFFIX.loraDown, 'down'),
    plain(SUFFIX.loraUp, 'up'),
    plain(SUFFIX.loraMid, 'mid'),
    { re: /\.lora_A(?:\.(\w+))?\.weight$/, needs: SUFFIX.bareA, role: 'down', marker: SUFFIX.peftA },
    { re: /\.lora_B(?:\.(\w+))?\.weight$/, needs: SUFFIX.bareB, role: 'up', marker: SUFFIX.peftB },
    { re: /\.lora_B(?:\.(\w+))?\.bias$/, needs: SUFFIX.bareB, role: 'up-bias', marker: SUFFIX.peftBBias },
    plain(SUFFIX.bareA, 'down'),
    plain(SUFFIX.bareB, 'up'),
    {
        re: /\.lora_magnitude_vector(?:\.(\w+))?(?:\.weight)?$/,
        needs: SUFFIX.magnitude,
        role: 'magnitude',
        marker: SUFFIX.magnitude
    },
    plain(SUFFIX.processorDown, 'down', true),
    plain(SUFFIX.processorUp, 'up', true),
    plain(SUFFIX.dotLoraDown, 'down', true),
    plain(SUFFIX.dotLoraUp, 'up', true),
    {
        re: /\.lora_linear_layer\.down\.weight$/,
        needs: SUFFIX.linearLayerDown,
        role: 'down',
        marker: SUFFIX.linearLayerDown,
        legacy: true
    },
    {
        re: /\.lora_linear_layer\.up\.weight$/,
        needs: SUFFIX.linearLayerUp,
        role: 'up',
        marker: SUFFIX.linearLayerUp,
        legacy: true
    },
    plain(SUFFIX.alphaScale, 'alpha-scale'),
    plain(SUFFIX.alpha, 'alpha'),
    plain(SUFFIX.doraScale, 'dora-scale'),
    plain(SUFFIX.hadaW1A, 'hada_w1_a'),
    plain(SUFFIX.hadaW1B, 'hada_w1_b'),
    plain(SUFFIX.hadaW2A, 'hada_w2_a'),
    plain(SUFFIX.hadaW2B, 'hada_w2_b'),
    plain(SUFFIX.hadaT1, 'hada_t1'),
    plain(SUFFIX.hadaT2, 'hada_t2'),
    plain(SUFFIX.lokrW1, 'lokr_w1'),
    plain(SUFFIX.lokrW1A, 'lokr_w1_a'),
    plain(SUFFIX.lokrW1B, 'lokr_w1_b'),
    plain(SUFFIX.lokrW2, 'lokr_w2'),
    plain(SUFFIX.lokrW2A, 'lokr_w2_a'),
    plain(SUFFIX.lokrW2B, 'lokr_w2_b'),
    plain(SUFFIX.lokrT1, 'lokr_t1'),
    plain(SUFFIX.lokrT2, 'lokr_t2'),
    plain(SUFFIX.onInput, 'ia3-on-input'),
    plain(SUFFIX.diffBias, 'diff-bias'),
    plain(SUFFIX.diffModulation, 'diff-modulation'),
    plain(SUFFIX.diff, 'diff'),
    { re: /\.(?:a1|a2|b1|b2|bm)\.weight$/, needs: '.weight', role: 'glora', marker: '.a1/.a2/.b1/.b2.weight' },
    plain(SUFFIX.oftBlocks, 'oft'),
    plain(SUFFIX.oftRescale, 'oft-rescale'),
    plain(SUFFIX.normWeight, 'norm-weight'),
    plain(SUFFIX.normBias, 'norm-bias'),
    plain(SUFFIX.setWeight, 'set-weight')
];
// The suffixes nearly every key of nearly every file uses, checked with endsWith before any regex.
// (An indexed loop over plain objects: this runs once per key, in code too short-lived for the JIT to optimise
// a destructuring for-of.)
const FAST_SUFFIXES = [
    { suffix: SUFFIX.loraDown, role: 'down' },
    { suffix: SUFFIX.loraUp, role: 'up' },
    { suffix: SUFFIX.alpha, role: 'alpha' },
    { suffix: SUFFIX.peftA, role: 'down' },
    { suffix: SUFFIX.peftB, role: 'up' }
];
/** The adapter suffix of a key, or null when it is not an adapter tensor we know. */
function parseSuffix(key) {
    for (let i = 0; i < FAST_SUFFIXES.length; i++) {
        const { suffix, role } = FAST_SUFFIXES[i];
        if (key.length > suffix.length && key.endsWith(suffix)) {
            return { stem: key.slice(0, key.length - suffix.length), role, marker: suffix };
        }
    }
    for (const rule of SUFFIX_RULES) {
        if (rule.suffix !== undefined) {
            if (!key.endsWith(rule.suffix))
                continue;
            const stem = key.slice(0, key.length - rule.suffix.length);
            if (stem.length === 0)
                return null;
            const out = { stem, role: rule.role, marker: rule.marker };
            if (rule.legacy)
                out.legacy = true;
            return out;
        }
        if (!key.includes(rule.needs))
            continue;
        const m = rule.re.exec(key);
        if (!m)
            continue;
        const stem = key.slice(0, m.index);
        if (stem.length === 0)
            return null;
        const out = { stem, role: rule.role, marker: rule.marker };
        if (rule.indexed)
            out.index = Number(m[1]);
        else if (m[1] !== undefined)
            out.adapterName = m[1];
        if (rule.legacy)
            out.legacy = true;
        return out;
    }
    return null;
}
/**
 * The kohya spelling of a module path: every dot an underscore (`blocks.0.self_attn.q` -> `blocks_0_self_attn_q`).
 * Not invertible (module names have underscores of their own); readers match on this form instead.
 */
function kohyaForm(path) {
    // A plain-string replaceAll: no regular expression to run per path (it runs once per key).
    return path.replaceAll('.', '_');
}
/**
 * Legacy diffusers attention-processor LoRA names (`attn1.processor.to_q_lora`): the processor path of a module
 * path (`.to_q` -> `.processor.to_q`, `.to_out.0` -> `.processor.to_out`), as ComfyUI's key map builds them ...
 */
function processorPath(path) {
    const q = path.split('.to_').join('.processor.to_');
    return q.endsWith('.to_out.0') ? q.slice(0, -2) : q;
}
/** ... and back: the attention's own projection a processor path names (what the LoRA reader resolves). */
function fromProcessorPath(path) {
    return path
        .replace(/\.processor\.to_out$/, '.to_out.0')
        .replace(/\.processor\.(to_[qkv])$/, '.$1')
        .replace(/\.processor$/, '');
}
const LONGCAT_PREFIX = 'lora___lorahyphen___';
const LONGCAT_HYPHEN = '___lorahyphen___';
/**
 * Roles whose suffix also reads as a base layer's name (GLoRA's `.a1.weight` / `.b2.weight`): such a key is an
 * adapter tensor only under an adapter prefix or segment.
 */
const BASE_LOOKALIKE_ROLES = new Set(['glora']);
/**
 * Adapter prefixes and segments of a stem: a `lora` segment (`.lora.`, `to_q_lora`, `lora_te1_...`, `lora_unet_...`),
 * `lycoris_...`, LongCat's prefix. The suffix table covers the rest.
 */
const ADAPTER_STEM = /(?:^|\.)(?:lora|\w*_lora\d*|lora_\w+|lycoris_\w*)(?:\.|$)|^lora___lorahyphen___/;
/** Leaves of the suffix table without `lora` in them (`alpha`, `diff_b`, `oft_blocks`, ...): the cheap pre-check. */
const ADAPTER_LEAVES = new Set(SUFFIX_RULES.flatMap((r) => r.suffix !== undefined && r.suffix.lastIndexOf('.') === 0 ? [r.suffix.slice(1)] : []));
/**
 * True for a LoRA / LyCORIS / full-delta adapter tensor (`...q.lora_down.weight`, `...lora_A.default.weight`,
 * `...alpha`, `...hada_w1_a`, `...diff_b`, LongCat `lora___lorahyphen___...`): its shape is not a base weight's.
 */
function isAdapterKey(name) {
    // Base keys (nearly all keys of a model) are settled by a few substring searches, which cost less than parsing
    // in a cold process: every adapter suffix and prefix has one of these substrings or an adapter leaf.
    if (!name.includes('lora') &&
        !name.includes('lycoris') &&
        !name.includes('hada_') &&
        !name.includes('lokr_')) {
        const dot = name.lastIndexOf('.');
        if (dot < 0 || !ADAPTER_LEAVES.has(name.slice(dot + 1)))
            return false;
    }
    const parsed = parseSuffix(name);
    if (parsed && !BASE_LOOKALIKE_ROLES.has(parsed.role))
        return true;
    return ADAPTER_STEM.test(name);
}
const ADAPTER_PREFIX_SET = new Set(_prefixes_js__WEBPACK_IMPORTED_MODULE_0__/* .ADAPTER_PREFIXES */ .de.map((p) => p.prefix));
/**
 * A prefix from the one adapter prefix list (src/names/prefixes.ts ADAPTER_PREFIXES), for code that builds names
 * with it. Code that writes a prefix the readers do not know would write files this tool cannot read back, so an
 * unknown one throws (at module load, where `PREFIX` takes them).
 */
function adapterPrefix(prefix) {
    if (!ADAPTER_PREFIX_SET.has(prefix))
        throw new Error(`internal: ${prefix} is not a known adapter prefix`);
    return prefix;
}
/**
 * The adapter prefixes that code builds names with (the loader key maps, the converter's writing rules), by name:
 * entries of ADAPTER_PREFIXES, each checked there, so no second list of them exists.
 */
const PREFIX = {
    kohyaUnet: adapterPrefix('lora_unet_'),
    /** Wan Fun's doubled underscore. */
    kohyaUnetDouble: adapterPrefix('lora_unet__'),
    kohyaTe: adapterPrefix('lora_te_'),
    kohyaTe1: adapterPrefix('lora_te1_'),
    kohyaTe2: adapterPrefix('lora_te2_'),
    /** OneTrainer's kohya-style transformer prefix. */
    kohyaTransformer: adapterPrefix('lora_transformer_'),
    lycoris: adapterPrefix('lycoris_'),
    peft: adapterPrefix('base_model.model.'),
    /** ComfyUI's own denoiser and text-encoder names. */
    comfyDenoiser: adapterPrefix('diffusion_model.'),
    comfyTextEncoders: adapterPrefix('text_encoders.'),
    diffusersUnet: adapterPrefix('unet.'),
    diffusersTransformer: adapterPrefix('transformer.'),
    diffusersTe: adapterPrefix('text_encoder.'),
    diffusersTe2: adapterPrefix('text_encoder_2.')
};


/***/ }),

/***/ 9444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lg: () => (/* reexport */ CROSS_K),
  Bm: () => (/* reexport */ UNET_LDM_SERIES),
  c: () => (/* binding */ detectFamily),
  G$: () => (/* binding */ familyArchitecture),
  Bk: () => (/* binding */ identifyFamilies),
  JT: () => (/* binding */ isUnetFamily)
});

// UNUSED EXPORTS: signatureOfPath

// EXTERNAL MODULE: ./src/names/series.ts
var series = __webpack_require__(1203);
// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/names/family-probe.ts


/** A query path in the rules' dotted spelling -> the index's underscored form (`.weight` leaves dropped). */
function indexForm(path) {
    const p = path.endsWith('.weight') ? path.slice(0, -'.weight'.length) : path;
    return (0,adapters/* kohyaForm */.PP)(p);
}
class LayerIndex {
    top = new Map();
    series = new Map();
    /** Underscored paths, for the structural readings that scan every layer (UNet levels). */
    paths = [];
    /** The paths as given (dotted where the names are), `.weight` dropped: where `_` and `.` differ in meaning. */
    dotted = [];
    constructor(layers) {
        for (const l of layers) {
            const u = indexForm(l.path);
            const shape = l.shape ?? null;
            if (!this.top.has(u)) {
                this.top.set(u, shape);
                this.paths.push(u);
                this.dotted.push(l.path.endsWith('.weight') ? l.path.slice(0, -'.weight'.length) : l.path);
            }
            const b = (0,series/* blockSeriesOf */.CD)(u);
            if (!b)
                continue;
            let s = this.series.get(b.series);
            if (!s)
                this.series.set(b.series, (s = { indices: new Set(), rests: new Map() }));
            s.indices.add(b.index);
            if (!s.rests.has(b.rest))
                s.rests.set(b.rest, shape);
        }
    }
    has(path) {
        return this.top.has(indexForm(path));
    }
    shape(path) {
        return this.top.get(indexForm(path)) ?? undefined;
    }
    blockHas(series, rest) {
        return this.series.get(indexForm(series))?.rests.has(indexForm(rest)) ?? false;
    }
    blockShape(series, rest) {
        return this.series.get(indexForm(series))?.rests.get(indexForm(rest)) ?? undefined;
    }
    count(series) {
        return this.series.get(indexForm(series))?.indices.size ?? 0;
    }
    /** Every known shape of a layer whose underscored path matches `re`, with the path as given. */
    shapesMatching(re) {
        const out = [];
        for (let i = 0; i < this.paths.length; i++) {
            const p = this.paths[i];
            if (!re.test(p))
                continue;
            const shape = this.top.get(p);
            if (shape)
                out.push({ path: this.dotted[i], shape });
        }
        return out;
    }
    someDotted(re) {
        return this.dotted.some((p) => re.test(p));
    }
    some(re) {
        return this.paths.some((p) => re.test(p));
    }
}
/** One rule's view of the index: every shape it reads becomes evidence. */
class FamilyProbe {
    index;
    evidence = [];
    constructor(index) {
        this.index = index;
    }
    shape(name) {
        return this.index.shape(name);
    }
    has(name) {
        return this.index.has(name);
    }
    blockShape(series, rest) {
        return this.index.blockShape(series, rest);
    }
    blockHas(series, rest) {
        return this.index.blockHas(series, rest);
    }
    count(series) {
        return this.index.count(series);
    }
    /** Records `name [shape]` as evidence and returns the shape. */
    note(name, shape) {
        if (shape)
            this.evidence.push(`${name} [${shape.join(', ')}]`);
        return shape;
    }
    key(name) {
        return this.note(name, this.shape(name));
    }
    block(series, rest) {
        return this.note(`${series}.*.${rest}`, this.blockShape(series, rest));
    }
    blocks(series) {
        const n = this.count(series);
        this.evidence.push(`${series}: ${n} blocks`);
        return n;
    }
}
/** A rule's match with the probe's evidence; `diffusers` from the naming it names. */
function result(p, id, name, variant, naming, confidence, headDim) {
    const diffusers = naming === 'diffusers' || naming.startsWith('diffusers (');
    const out = {
        match: { id, name, variant, naming, confidence, evidence: p.evidence },
        diffusers
    };
    if (headDim !== undefined)
        out.headDim = headDim;
    return out;
}

;// CONCATENATED MODULE: ./src/names/family-unet.ts

/** The LDM / sgm UNet series and the diffusers UNet2DConditionModel ones (`mid_block` is not numbered). */
const UNET_LDM_SERIES = ['input_blocks', 'middle_block', 'output_blocks'];
const UNET_DIFFUSERS_SERIES = ['down_blocks', 'up_blocks', 'mid_block'];
const UNET_LDM = new RegExp(`^(?:${UNET_LDM_SERIES.join('|')})_\\d+_`);
const UNET_DIFFUSERS = /^(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets|downsamplers|upsamplers)_/;
/** Attention at the first (320-wide) level or a fourth level: SD 1.x / 2.x (SDXL has neither). */
const SD12_LAYOUT = /^(?:input_blocks_(?:[12]_1|9|10|11)|output_blocks_(?:9|10|11)_1|down_blocks_(?:0_attentions|3)|up_blocks_3)_/;
/**
 * Attention at the deepest level of the up path (LDM `output_blocks` 0-2, diffusers `up_blocks.0`) or transformer
 * depth above one: SDXL (SD 1.x / 2.x keep one transformer block per attention and none at their fourth level).
 */
const SDXL_LAYOUT = /^(?:output_blocks_[0-2]_1_transformer_blocks|up_blocks_0_attentions)_|_transformer_blocks_[1-9]\d*_/;
/**
 * A UNet cross-attention's key projection (`attn2.to_k`, dotted or underscored): its in-dim is the text context
 * width (768 / 1024 / 2048), what tells the UNet versions apart.
 */
const CROSS_K = /(?:^|[._])attn2[._]to_k$/;
/** The same inside a UNet series (underscored): a checkpoint the UNet rule may read. */
const UNET_CROSS_K = new RegExp(`^(?:${[...UNET_LDM_SERIES, ...UNET_DIFFUSERS_SERIES].join('|')})_.*${CROSS_K.source}`);
const PROJ_IN = /_proj_in$/;
const CONTEXT_VERSION = {
    768: 'sd1',
    1024: 'sd2',
    2048: 'sdxl'
};
const UNET_NAMES = {
    sd1: 'Stable Diffusion 1.x (UNet)',
    sd2: 'Stable Diffusion 2.x (UNet)',
    sdxl: 'SDXL (UNet)',
    'sd-unet': 'Stable Diffusion UNet (version unknown)'
};
function mostCommon(values) {
    const counts = new Map();
    let best;
    for (const v of values) {
        const n = (counts.get(v) ?? 0) + 1;
        counts.set(v, n);
        if (best === undefined || n > counts.get(best))
            best = v;
    }
    return best;
}
/**
 * Stable Diffusion UNets (SD 1.x, 2.x, SDXL: one architecture at 320/640/1280 widths) told apart by shapes: the
 * cross-attention text context (attn2.to_k in-dim: 768 CLIP-L, 1024 OpenCLIP-H, 2048 CLIP-L + bigG), then the
 * layout (where attention sits, transformer depth) and, between 1.x and 2.x, the transformer's proj_in (a 1x1 conv
 * in 1.x, a linear in 2.x). `diffusersHint`: the naming the caller saw, when the paths do not show it.
 */
function unetRule(p, diffusersHint) {
    const index = p.index;
    const ldm = index.some(UNET_LDM);
    const diffusers = index.some(UNET_DIFFUSERS);
    if (!ldm && !diffusers && diffusersHint === undefined)
        return null;
    const naming = (diffusers && !ldm) || (!ldm && diffusersHint)
        ? 'diffusers (UNet2DConditionModel)'
        : 'original (LDM / sgm)';
    const contexts = index.shapesMatching(CROSS_K).filter((s) => s.shape.length >= 2);
    const context = mostCommon(contexts.map((s) => s.shape[1]));
    const byContext = context === undefined ? undefined : CONTEXT_VERSION[context];
    if (context !== undefined) {
        const first = contexts.find((s) => s.shape[1] === context);
        p.evidence.push(`${first.path} in-dim ${context}: the text context width`);
    }
    const xl = index.some(SDXL_LAYOUT);
    const sd12 = index.some(SD12_LAYOUT);
    let byLayout;
    if (xl && !sd12) {
        byLayout = 'sdxl';
        p.evidence.push('attention at the deepest up level or transformer depth > 1: the SDXL layout');
    }
    else if (sd12 && !xl) {
        p.evidence.push('attention at the first level or a fourth level: the SD 1.x / 2.x layout');
        const proj = index.shapesMatching(PROJ_IN)[0];
        if (proj) {
            byLayout = proj.shape.length === 4 ? 'sd1' : 'sd2';
            p.evidence.push(`${proj.path} [${proj.shape.join(', ')}]: a ${proj.shape.length === 4 ? '1x1 conv (1.x)' : 'linear (2.x)'}`);
        }
        else
            byLayout = 'sd12';
    }
    let id;
    let confidence;
    const layoutAgrees = byLayout === undefined || byLayout === byContext || (byLayout === 'sd12' && byContext !== 'sdxl');
    if (byContext) {
        id = byContext;
        confidence = layoutAgrees ? (byLayout === undefined ? 'medium' : 'high') : 'medium';
        if (!layoutAgrees)
            p.evidence.push(`the layout says ${byLayout}, the text context says ${byContext}`);
    }
    else if (byLayout) {
        id = byLayout === 'sd12' ? 'sd1' : byLayout;
        confidence = byLayout === 'sd12' ? 'low' : 'medium';
        if (context !== undefined)
            p.evidence.push(`text context ${context} is none of 768 / 1024 / 2048`);
    }
    else {
        id = 'sd-unet';
        confidence = 'low';
    }
    const headDim = id === 'sdxl' || id === 'sd2' ? 64 : undefined;
    return result(p, id, UNET_NAMES[id], null, naming, confidence, headDim);
}

;// CONCATENATED MODULE: ./src/names/family-rules.ts
/**
 * The full-model family rules: reference knowledge (docs/reference/key-formats.md §1.5, §2, §4 and the model
 * shapes there) as rules over key names and shapes. Each match names its evidence; a match whose sizes differ from
 * the known configs is kept at a lower confidence ("LongCat-like"), so unknown sizes of a known architecture still
 * show. The UNet rule reads structure only, so it also settles partial key sets (a LoRA's targets).
 */


/** Lowers confidence to medium with a note when an observed size differs from the reference one. */
function expectSize(p, what, seen, wanted, state) {
    if (seen !== wanted) {
        p.evidence.push(`${what} is ${seen ?? 'absent'}, the reference model has ${wanted}`);
        state.confidence = 'medium';
    }
}
function wanVariant(p, dim, inDim, image, flf, vace) {
    if (vace) {
        const size = dim === 1536 ? '1.3B' : dim === 5120 ? '14B' : `dim ${dim}`;
        return {
            name: `Wan2.1 VACE-${size}`,
            variant: dim === 1536 ? 'vace-1.3b' : dim === 5120 ? 'vace-14b' : null
        };
    }
    if (flf)
        return { name: 'Wan2.1 FLF2V-14B', variant: 'flf2v-14b', layers: 40, ffn: 13824 };
    if (image)
        return { name: 'Wan2.1 I2V-14B', variant: 'i2v-14b', layers: 40, ffn: 13824 };
    if (dim === 3072 && inDim === 48)
        return { name: 'Wan2.2 TI2V-5B', variant: 'ti2v-5b', layers: 30, ffn: 14336 };
    if (dim === 5120 && inDim === 36) {
        p.evidence.push('in_dim 36 without a CLIP image branch (img_emb / k_img): the Wan2.2 I2V layout');
        return { name: 'Wan2.2 I2V-A14B expert', variant: 'i2v-a14b', layers: 40, ffn: 13824 };
    }
    if (dim === 5120) {
        return {
            name: 'Wan2.1 T2V-14B (or a Wan2.2 T2V-A14B expert: same keys and shapes)',
            variant: 't2v-14b',
            layers: 40,
            ffn: 13824
        };
    }
    if (dim === 1536)
        return { name: 'Wan2.1 T2V-1.3B', variant: 't2v-1.3b', layers: 30, ffn: 8960 };
    return { name: `Wan-architecture model (dim ${dim})`, variant: null };
}
function wanOriginal(p) {
    const mod = p.key('head.modulation');
    const patch = p.key('patch_embedding.weight');
    if (!mod || !patch || !p.blockHas('blocks', 'self_attn.q.weight'))
        return null;
    const dim = mod[mod.length - 1];
    const inDim = patch[1];
    const image = p.key('img_emb.proj.0.bias') !== undefined || p.block('blocks', 'cross_attn.k_img.weight') !== undefined;
    const flf = p.key('img_emb.emb_pos') !== undefined;
    const vace = p.key('vace_patch_embedding.weight') !== undefined;
    if (!image)
        p.evidence.push('no img_emb.* or cross_attn.k_img: no CLIP image branch');
    const v = wanVariant(p, dim, inDim, image, flf, vace);
    const layers = p.blocks('blocks');
    const state = { confidence: 'high' };
    if (v.layers !== undefined)
        expectSize(p, 'block count', layers, v.layers, state);
    if (v.ffn !== undefined)
        expectSize(p, 'ffn dim', p.block('blocks', 'ffn.0.weight')?.[0], v.ffn, state);
    if (v.variant === null)
        state.confidence = 'medium';
    return result(p, 'wan', v.name, v.variant, 'original (Wan repo / ComfyUI)', state.confidence, 128);
}
function wanDiffusers(p) {
    const sst = p.key('scale_shift_table');
    const time = p.key('condition_embedder.time_embedder.linear_1.weight');
    if (!sst || !time || !p.blockHas('blocks', 'attn1.to_q.weight'))
        return null;
    const dim = sst[sst.length - 1];
    const inDim = p.key('patch_embedding.weight')?.[1];
    const image = p.key('condition_embedder.image_embedder.norm1.weight') !== undefined ||
        p.block('blocks', 'attn2.add_k_proj.weight') !== undefined;
    const flf = p.key('condition_embedder.image_embedder.pos_embed') !== undefined;
    if (!image)
        p.evidence.push('no condition_embedder.image_embedder or attn2.add_k_proj: no CLIP image branch');
    const v = wanVariant(p, dim, inDim, image, flf, false);
    const layers = p.blocks('blocks');
    const state = { confidence: 'high' };
    if (v.layers !== undefined)
        expectSize(p, 'block count', layers, v.layers, state);
    if (v.ffn !== undefined)
        expectSize(p, 'ffn dim', p.block('blocks', 'ffn.net.0.proj.weight')?.[0], v.ffn, state);
    if (v.variant === null)
        state.confidence = 'medium';
    return result(p, 'wan', v.name, v.variant, 'diffusers (WanTransformer3DModel)', state.confidence, 128);
}
function longcat(p) {
    const qkv = p.block('blocks', 'attn.qkv.weight');
    const kv = p.block('blocks', 'cross_attn.kv_linear.weight');
    if (!qkv || !kv || !p.key('x_embedder.proj.weight') || !p.key('y_embedder.y_proj.0.weight'))
        return null;
    const state = { confidence: 'high' };
    expectSize(p, 'hidden size', qkv[1], 4096, state);
    expectSize(p, 'block count', p.blocks('blocks'), 48, state);
    expectSize(p, 'ffn dim', p.block('blocks', 'ffn.w1.weight')?.[0], 11008, state);
    const exact = state.confidence === 'high';
    return result(p, 'longcat-video', exact ? 'LongCat-Video' : 'LongCat-Video-like architecture', null, 'original', state.confidence, 128);
}
function fluxOrHunyuan(p) {
    const refiner = p.has('txt_in.individual_token_refiner.blocks.0.norm1.weight') ||
        p.count('txt_in.individual_token_refiner.blocks') > 0;
    // The underscored index reads `img_attn.qkv` and `img_attn_qkv` alike: the dotted paths tell BFL from Hunyuan.
    const underscoredQkv = p.index.someDotted(/^double_blocks\.\d+\.img_attn_qkv$/);
    const bflQkv = underscoredQkv ? undefined : p.block('double_blocks', 'img_attn.qkv.weight');
    const hyQkv = underscoredQkv ? p.block('double_blocks', 'img_attn_qkv.weight') : undefined;
    const linear1 = p.block('single_blocks', 'linear1.weight');
    if (!(bflQkv || hyQkv) || !linear1)
        return null;
    const state = { confidence: 'high' };
    const double = p.blocks('double_blocks');
    const single = p.blocks('single_blocks');
    if (refiner || hyQkv) {
        if (refiner)
            p.evidence.push('txt_in.individual_token_refiner: the HunyuanVideo text refiner');
        expectSize(p, 'hidden size', linear1[1], 3072, state);
        expectSize(p, 'double blocks', double, 20, state);
        expectSize(p, 'single blocks', single, 40, state);
        const naming = hyQkv ? 'original (HunyuanVideo repo)' : 'ComfyUI (Flux-style names)';
        return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128);
    }
    const hidden = p.key('img_in.weight')?.[0];
    expectSize(p, 'hidden size', hidden, 3072, state);
    expectSize(p, 'double blocks', double, 19, state);
    expectSize(p, 'single blocks', single, 38, state);
    const guidance = p.key('guidance_in.in_layer.weight') !== undefined;
    if (!guidance)
        p.evidence.push('no guidance_in: not guidance-distilled (schnell)');
    const variant = guidance ? 'dev' : 'schnell';
    return result(p, 'flux', `Flux.1-${variant}`, variant, 'original (BFL / ComfyUI)', state.confidence, 128);
}
const TOKEN_REFINER = /(?:^|_)token_refiner_/;
function fluxDiffusers(p) {
    const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight');
    const mlp = p.block('single_transformer_blocks', 'proj_mlp.weight');
    if (!addQ || !mlp)
        return null;
    const state = { confidence: 'high' };
    // HunyuanVideo in diffusers names has the same double / single layout: a 3-D patch convolution (video) or its
    // text token refiner tells it apart.
    const patch = p.key('x_embedder.proj.weight');
    const refiner = p.index.some(TOKEN_REFINER);
    if ((patch && patch.length === 5) || refiner) {
        if (patch?.length === 5)
            p.evidence.push('x_embedder.proj is a 3-D convolution: a video model');
        if (refiner)
            p.evidence.push('context_embedder.token_refiner: the HunyuanVideo text refiner');
        expectSize(p, 'hidden size', addQ[1], 3072, state);
        expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 20, state);
        expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 40, state);
        const naming = 'diffusers (HunyuanVideoTransformer3DModel)';
        return result(p, 'hunyuan-video', 'HunyuanVideo', null, naming, state.confidence, 128);
    }
    expectSize(p, 'double blocks', p.blocks('transformer_blocks'), 19, state);
    expectSize(p, 'single blocks', p.blocks('single_transformer_blocks'), 38, state);
    const guidance = p.key('time_text_embed.guidance_embedder.linear_1.weight') !== undefined;
    const variant = guidance ? 'dev' : 'schnell';
    return result(p, 'flux', `Flux.1-${variant}`, variant, 'diffusers (FluxTransformer2DModel)', state.confidence, 128);
}
function qwenImage(p) {
    const mod = p.block('transformer_blocks', 'img_mod.1.weight');
    const addQ = p.block('transformer_blocks', 'attn.add_q_proj.weight');
    const txtNorm = p.key('txt_norm.weight');
    if (!mod || !addQ || !txtNorm)
        return null;
    const state = { confidence: 'high' };
    expectSize(p, 'hidden size', addQ[1], 3072, state);
    expectSize(p, 'block count', p.blocks('transformer_blocks'), 60, state);
    return result(p, 'qwen-image', 'Qwen-Image', null, 'diffusers / ComfyUI', state.confidence, 128);
}
function sd3(p) {
    const qkv = p.block('joint_blocks', 'x_block.attn.qkv.weight');
    if (!qkv)
        return null;
    const depth = p.blocks('joint_blocks');
    const lnQ = p.block('joint_blocks', 'x_block.attn.ln_q.weight') !== undefined;
    const attn2 = p.block('joint_blocks', 'x_block.attn2.qkv.weight') !== undefined;
    const state = { confidence: 'medium' };
    p.evidence.push(`hidden ${qkv[1]} = 64 x depth ${depth}: ${qkv[1] === 64 * depth ? 'yes' : 'no'} (sizes unverified)`);
    const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3';
    return result(p, 'sd3', `${name} (MMDiT)`, attn2 ? '3.5-medium' : lnQ ? '3.5' : '3', 'original (SAI / ComfyUI)', state.confidence, 64);
}
/**
 * SD3 / SD3.5 in diffusers names (SD3Transformer2DModel): joint blocks with an added (context) stream, a 2-D patch
 * convolution and no single blocks (Flux's single blocks, AuraFlow's linear patch embedding tell those apart).
 */
function sd3Diffusers(p) {
    const addQ = p.blockShape('transformer_blocks', 'attn.add_q_proj.weight');
    const patch = p.key('pos_embed.proj.weight');
    if (!addQ || !patch || patch.length !== 4 || p.count('single_transformer_blocks') > 0)
        return null;
    if (!p.key('context_embedder.weight'))
        return null;
    p.block('transformer_blocks', 'attn.add_q_proj.weight');
    p.evidence.push('pos_embed.proj is a 2-D patch convolution and there are no single blocks: the SD3 MMDiT layout');
    const depth = p.blocks('transformer_blocks');
    const hidden = patch[0];
    const lnQ = p.blockHas('transformer_blocks', 'attn.norm_q.weight');
    const attn2 = p.blockHas('transformer_blocks', 'attn2.to_q.weight');
    p.evidence.push(`hidden ${hidden} = 64 x depth ${depth}: ${hidden === 64 * depth ? 'yes' : 'no'} (sizes unverified)`);
    const name = attn2 ? 'SD3.5 Medium' : lnQ ? 'SD3.5' : 'SD3';
    const variant = attn2 ? '3.5-medium' : lnQ ? '3.5' : '3';
    return result(p, 'sd3', `${name} (MMDiT)`, variant, 'diffusers (SD3Transformer2DModel)', 'medium', 64);
}
function ltx(p) {
    const q = p.block('transformer_blocks', 'attn1.to_q.weight');
    const sst = p.block('transformer_blocks', 'scale_shift_table');
    if (!q || !sst)
        return null;
    // A video latent enters through a linear patch embedding (`patchify_proj`, diffusers `proj_in`); PixArt, with
    // the same blocks, has a 2-D patch convolution (`pos_embed.proj`).
    const original = p.key('patchify_proj.weight')?.length === 2;
    const diffusers = p.key('proj_in.weight')?.length === 2 && p.key('caption_projection.linear_1.weight') !== undefined;
    if (!original && !diffusers)
        return null;
    const layers = p.blocks('transformer_blocks');
    const hidden = q[1];
    const variant = hidden === 2048 && layers === 28 ? '2b' : hidden === 4096 && layers === 48 ? '13b' : null;
    const headDim = variant === '2b' ? 64 : variant === '13b' ? 128 : undefined;
    return result(p, 'ltx-video', variant ? `LTX-Video ${variant.toUpperCase()}` : 'LTX-Video-like architecture', variant, original ? 'original (LTX / ComfyUI)' : 'diffusers', variant ? 'high' : 'medium', headDim);
}
function cogvideox(p) {
    const sat = p.block('layers', 'attention.query_key_value.weight');
    const diffusers = p.blockShape('transformer_blocks', 'norm1.linear.weight') &&
        p.blockShape('transformer_blocks', 'norm1.norm.weight') &&
        p.block('transformer_blocks', 'attn1.to_q.weight');
    if (!sat && !diffusers)
        return null;
    if (diffusers)
        p.block('transformer_blocks', 'norm1.linear.weight');
    const pattern = sat ? 'layers' : 'transformer_blocks';
    const layers = p.blocks(pattern);
    const hidden = (sat ?? diffusers ?? [0, 0])[1];
    const variant = hidden === 1920 && layers === 30 ? '2b' : hidden === 3072 && layers === 42 ? '5b' : null;
    return result(p, 'cogvideox', variant ? `CogVideoX-${variant.toUpperCase()}` : 'CogVideoX-like architecture', variant, sat ? 'original (SAT)' : 'diffusers', variant ? 'high' : 'medium', 64);
}
const RULES = [
    { rule: wanOriginal, keys: ['head.modulation'] },
    { rule: wanDiffusers, keys: ['scale_shift_table'] },
    { rule: longcat, blockKeys: [['blocks', 'attn.qkv.weight']] },
    { rule: fluxOrHunyuan, blockKeys: [['single_blocks', 'linear1.weight']] },
    { rule: fluxDiffusers, blockKeys: [['single_transformer_blocks', 'proj_mlp.weight']] },
    { rule: (p) => unetRule(p), gate: (index) => index.some(UNET_CROSS_K) },
    { rule: qwenImage, keys: ['txt_norm.weight'] },
    { rule: sd3, blockKeys: [['joint_blocks', 'x_block.attn.qkv.weight']] },
    { rule: sd3Diffusers, keys: ['pos_embed.proj.weight'] },
    { rule: ltx, blockKeys: [['transformer_blocks', 'scale_shift_table']] },
    {
        rule: cogvideox,
        blockKeys: [
            ['layers', 'attention.query_key_value.weight'],
            ['transformer_blocks', 'attn1.to_q.weight']
        ]
    }
];

;// CONCATENATED MODULE: ./src/names/families.ts
/**
 * Family detection: the one detector of the project. analysis (a whole checkpoint), lora (the modules a LoRA
 * targets, with their implied weight shapes) and the LoRA base index all ask it. It reads structure first (block
 * counts, widths, context widths, where attention sits) and names second:
 * - the full-model rules (src/names/family-rules.ts) need the keys a whole checkpoint has and check sizes against
 *   the reference configs (docs/reference/key-formats.md);
 * - a partial key set (a LoRA's targets) falls back to the signature of its block names, and the UNet versions are
 *   then told apart by shapes (`unetVersion`), never by names alone.
 * Paths may be dotted or kohya-underscored: both are read in one underscored form.
 */




/** The UNet facts other modules read (importing family-unet.ts itself would split the family modules' bundle). */

const RANK = { high: 0, medium: 1, low: 2 };
function mayMatch(rule, index) {
    if (rule.keys)
        for (const k of rule.keys)
            if (index.has(k))
                return true;
    if (rule.blockKeys)
        for (const [series, rest] of rule.blockKeys)
            if (index.blockHas(series, rest))
                return true;
    return rule.gate?.(index) ?? false;
}
/**
 * Every full-model family rule that matches a whole checkpoint's layers, best first. A rule runs only when a key
 * it requires is present: analysis runs once per process, where compiling a function costs more than running it.
 */
function identifyFamilies(layers) {
    return identifyIn(new LayerIndex(layers));
}
function identifyIn(index) {
    const out = [];
    for (const rule of RULES) {
        if (!mayMatch(rule, index))
            continue;
        const r = rule.rule(new FamilyProbe(index));
        if (r)
            out.push(r);
    }
    return out.sort((a, b) => RANK[a.match.confidence] - RANK[b.match.confidence]);
}
const SIGNATURES = [
    {
        id: 'longcat-video',
        diffusers: false,
        re: /^_blocks_\d+_(?:attn_qkv|cross_attn_kv_linear|cross_attn_q_linear|ffn_w[123]|adaLN_modulation_1)_/
    },
    {
        id: 'wan',
        diffusers: false,
        re: /^_(?:vace_)?blocks_\d+_(?:self_attn|cross_attn|ffn_[02]|modulation|norm3)_/
    },
    {
        id: 'wan',
        diffusers: false,
        re: /^_(?:patch_embedding|text_embedding_[02]|time_embedding_[02]|time_projection_1|head_head|img_emb)_/
    },
    { id: 'wan', diffusers: true, re: /^_blocks_\d+_(?:attn[12]|ffn_net_[02]|scale_shift_table)_/ },
    { id: 'wan', diffusers: true, re: /^_condition_embedder_/ },
    {
        id: 'flux',
        diffusers: false,
        re: /^_(?:double_blocks_\d+_(?:img|txt)_(?:attn|mlp|mod)|single_blocks_\d+_(?:linear[12]|modulation))_/
    },
    {
        id: 'flux',
        diffusers: true,
        re: /^_(?:single_transformer_blocks|transformer_blocks_\d+_(?:attn_(?:to|add)|ff_context|norm1_context))_/
    },
    { id: 'unet', diffusers: false, re: /^_(?:input_blocks|output_blocks|middle_block)_\d+_/ },
    {
        id: 'unet',
        diffusers: true,
        re: /^_(?:(?:down_blocks|up_blocks)_\d+|mid_block)_(?:attentions|resnets)_/
    },
    { id: 'sd3', diffusers: false, re: /^_joint_blocks_\d+_(?:x_block|context_block)_/ },
    { id: 'clip-text', diffusers: false, re: /^_text_model_encoder_layers_\d+_/ }
];
/** HunyuanVideo's original names fuse with `_` where Flux uses `.`: only the dotted path tells them apart. */
const HUNYUAN_DOTTED = /\.img_attn_qkv$|\.img_mod\.linear$|\.txt_attn_qkv$/;
/** The family signature one path shows (`clip-text` for a CLIP text encoder layer), or null. */
function signatureOfPath(path) {
    if (HUNYUAN_DOTTED.test(path))
        return { id: 'hunyuan-video', diffusers: false };
    const u = '_' + (0,adapters/* kohyaForm */.PP)(path) + '_';
    for (const s of SIGNATURES)
        if (s.re.test(u))
            return s;
    return null;
}
/**
 * The family of any set of layers, whole model or partial (a LoRA's targets, a base's denoiser): the best
 * full-model rule when one matches, else the signature most paths show, with UNet versions told apart by shapes.
 * Text-encoder layers are ignored. Null when nothing points at a known family.
 */
function detectFamily(layers) {
    const list = [...layers];
    const index = new LayerIndex(list);
    const full = identifyIn(index)[0];
    if (full)
        return full;
    const votes = new Map();
    for (const l of list) {
        const s = signatureOfPath(l.path);
        if (!s || s.id === 'clip-text')
            continue;
        const key = `${s.id}/${s.diffusers}`;
        const v = votes.get(key);
        if (v)
            v.n++;
        else
            votes.set(key, { ...s, n: 1 });
    }
    // The signature most names follow, unless the structure rules it out: then the family is unknown (the runner-up
    // signature is no better evidence: PixArt-style names also vote for Wan's cross_attn).
    let best;
    for (const v of votes.values())
        if (!best || v.n > best.n)
            best = v;
    const probe = new FamilyProbe(index);
    if (!best || !plausible(best, probe))
        return null;
    if (best.id === 'unet')
        return unetRule(new FamilyProbe(index), best.diffusers);
    probe.evidence.push(`${best.n} layer name(s) follow the ${best.id} block names`);
    return {
        match: {
            id: best.id,
            name: best.id,
            variant: null,
            naming: best.diffusers ? 'diffusers' : 'original',
            confidence: 'low',
            evidence: probe.evidence
        },
        diffusers: best.diffusers
    };
}
/** Whether the structure of a set allows the family its names vote for. */
function plausible(v, p) {
    if (v.id === 'flux')
        return v.diffusers ? mayBeFlux(p) : mayBeFluxOriginal(p);
    if (v.id === 'longcat-video')
        return mayBeLongcat(p);
    return true;
}
const DOUBLE_WIDTH = /^double_blocks_\d+_img_(?:attn_qkv|attn_q|mod_lin(?:ear)?)$/;
/** BFL / HunyuanVideo-style double blocks: Flux has 19 of them, 3072 wide (HunyuanVideo 1.5: 54, 2048 wide). */
function mayBeFluxOriginal(p) {
    if (p.count('double_blocks') > FLUX_DOUBLE_BLOCKS)
        return false;
    const widths = p.index.shapesMatching(DOUBLE_WIDTH).map((s) => s.shape[1]);
    return widths.length === 0 || widths.every((w) => w === FLUX_WIDTH);
}
/** Flux's hidden width: every released Flux (dev, schnell and their fine-tunes) is 3072 wide. */
const FLUX_WIDTH = 3072;
const JOINT_Q = /^transformer_blocks_\d+_attn_to_q$/;
/** A single block's sequential feed-forward or own attention output (underscored path). */
const SEQUENTIAL_SINGLE_BLOCK = /^single_transformer_blocks_\d+_(?:ff|ff_context|mlp|feed_forward|attn_to_out)_/;
/** Flux's double (joint) blocks. */
const FLUX_DOUBLE_BLOCKS = 19;
/**
 * Flux's joint blocks in diffusers names are those of every MMDiT in diffusers (SD3, AuraFlow, Mochi, HunyuanVideo,
 * Qwen-Image): a partial set with more joint blocks than Flux has, with single blocks that are not parallel, or with
 * no single blocks and an attention width other than Flux's, is not claimed for Flux. True when the set may be Flux.
 */
function mayBeFlux(p) {
    if (p.count('transformer_blocks') > FLUX_DOUBLE_BLOCKS)
        return false;
    // Flux's single blocks are parallel: the attention and `proj_mlp` read the same input and one `proj_out` follows
    // both. A single block with a sequential feed-forward or an attention output of its own (AuraFlow's `ff.linear_1`,
    // `attn.to_out`) is another MMDiT's, whatever the series is called.
    if (p.index.some(SEQUENTIAL_SINGLE_BLOCK))
        return false;
    if (p.index.some(/^single_transformer_blocks_/))
        return true;
    const widths = p.index.shapesMatching(JOINT_Q).map((s) => s.shape[1]);
    if (widths.length === 0 || widths.every((w) => w === FLUX_WIDTH))
        return true;
    return false;
}
/** LongCat-Video's width and blocks; its SwiGLU FFN and adaLN modulation are its own in PixArt-style names. */
const LONGCAT_WIDTH = 4096;
const LONGCAT_ONLY = /^blocks_\d+_(?:ffn_w[123]|adaLN_modulation_1)$/;
const SELF_QKV = /^blocks_\d+_attn_qkv/;
/**
 * LongCat-Video keeps PixArt's attention names (`attn.qkv`, `cross_attn.q_linear` / `kv_linear`, shared with PixArt
 * and Sana): a set showing only those is LongCat when its FFN or modulation names say so, or its width is
 * LongCat's; a narrower one is not claimed. True when the set may be LongCat.
 */
function mayBeLongcat(p) {
    if (p.index.some(LONGCAT_ONLY))
        return true;
    const widths = p.index.shapesMatching(SELF_QKV).map((s) => s.shape[1]);
    return widths.length === 0 || widths.some((w) => w === LONGCAT_WIDTH);
}
/** The Stable Diffusion UNet generations (and the UNet whose generation is unknown): one architecture. */
const UNET_FAMILIES = new Set(['sd1', 'sd2', 'sdxl', 'sd-unet']);
/** True for a Stable Diffusion UNet family id in either naming (`sd1`, `sdxl-diffusers`, ...). */
function isUnetFamily(id) {
    return id !== null && UNET_FAMILIES.has(id.replace(/-diffusers$/, ''));
}
/**
 * The architecture a family id names, naming aside: `wan-diffusers` -> `wan`; every UNet generation -> `sd-unet`
 * (SD 1.x on an SDXL base is the same network with another text context, a size question, not an architecture).
 */
function familyArchitecture(id) {
    return isUnetFamily(id) ? 'sd-unet' : id.replace(/-diffusers$/, '');
}


/***/ }),

/***/ 1907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vM: () => (/* reexport */ roles/* ATTENTION_ROLES */.vM),
  JE: () => (/* reexport */ prefixes/* COMPONENT_PREFIXES */.JE),
  Tc: () => (/* reexport */ roles/* FFN_ROLES */.Tc),
  E5: () => (/* reexport */ roles/* FUSED_ROLE_PARTS */.E5),
  cY: () => (/* reexport */ tokens/* LEAF_NAMES */.cY),
  Vc: () => (/* reexport */ roles/* NORM_ROLES */.Vc),
  Fk: () => (/* reexport */ chunkCount),
  _V: () => (/* reexport */ chunkOrder),
  ct: () => (/* reexport */ prefixes/* componentPrefix */.ct),
  tm: () => (/* reexport */ roles/* isEmbeddingName */.tm),
  Rk: () => (/* reexport */ roles/* isStreamWord */.Rk),
  EY: () => (/* reexport */ roles/* layerRole */.EY),
  rb: () => (/* reexport */ roles/* normPositions */.rb),
  Eu: () => (/* reexport */ series/* sectionRank */.Eu),
  Hg: () => (/* reexport */ tokens/* splitLeaf */.Hg),
  Ep: () => (/* reexport */ prefixes/* stripKnownPrefixes */.Ep),
  yj: () => (/* reexport */ prefixes/* stripModelPrefixes */.yj),
  bV: () => (/* reexport */ tokens/* tokenKey */.bV)
});

// UNUSED EXPORTS: ADAPTER_PREFIXES, BIAS_LEAVES, BLOCK_CONTAINER_NAMES, BLOCK_SERIES, CROSS_ATTENTION_NAMES, EXTRA_KV_STREAM, IMAGE_WORDS, KNOWN_PREFIXES, LORA_PAIR, OUTPUT_PROJECTIONS, PREFIX, SELF_ATTENTION_NAMES, SERIES_LAST_WORDS, STREAM_ATTENTION_NAMES, STREAM_BLOCK_NAMES, SUFFIX, WEIGHT_LEAVES, attentionPart, blockOf, blockSeriesOf, detectFamily, familyArchitecture, fromProcessorPath, identifyFamilies, isAdapterKey, isBlockContainerName, isContextEmbedding, isFfnWord, isImageBranchPath, isInputLayer, isPatchEmbedding, isUnetFamily, keyWords, kohyaForm, modulationChunks, normalizeKey, parseSuffix, processorPath, signatureOfPath, subwords

// EXTERNAL MODULE: ./src/names/prefixes.ts
var prefixes = __webpack_require__(9334);
// EXTERNAL MODULE: ./src/names/tokens.ts
var tokens = __webpack_require__(2432);
// EXTERNAL MODULE: ./src/names/roles.ts
var roles = __webpack_require__(2381);
// EXTERNAL MODULE: ./src/names/series.ts
var series = __webpack_require__(1203);
// EXTERNAL MODULE: ./src/names/families.ts + 3 modules
var families = __webpack_require__(9444);
// EXTERNAL MODULE: ./src/names/model-parts.ts
var model_parts = __webpack_require__(3154);
// EXTERNAL MODULE: ./src/names/adapters.ts
var adapters = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/names/modulation.ts
/**
 * Modulation chunk order: the one rule compare, LoRA resolution and convert share. An adaLN modulation is one
 * linear (or table) whose rows are equal chunks (shift, scale[, gate] per sublayer); the order is a convention of
 * the code that reads it, which no header shows. Two conventions are known and can be told from the names:
 *
 * - Modulations named as such (`adaLN_modulation`, `img_mod.lin`, `modulation`, `scale_shift_table`, `modF`), as
 *   the original releases (DiT, PixArt, SD3, Flux, Wan, HunyuanVideo, AuraFlow) name them: shift first
 *   (`shift, scale[, gate] = mod(c).chunk(n)`; PixArt / Wan `scale_shift_table` too, despite the words).
 * - A norm's own linear (`norm1.linear`, `norm.linear`, `norm_out.linear`, diffusers' AdaLayerNorm* modules):
 *   AdaLayerNormZero / AdaLayerNormZeroSingle (3 or 6 chunks) keep shift first, while AdaLayerNormContinuous (2
 *   chunks, diffusers normalization.py) splits `scale, shift` — which is why diffusers' converters swap the rows of
 *   `norm_out.linear` (`swap_scale_shift` in convert_flux / sd3 / aura_flow to diffusers).
 *
 * Any other naming of a modulation (a bare `t_block.1`, an unnamed Sequential) has no known order.
 */

/** Words that name a modulation as such (not as a norm's linear); whole words and their subwords are read. */
const MODULATION_WORDS = new Set(['mod', 'modulation', 'modulations', 'adaln', 'modf', 'shift']);
const NORM_WORDS = new Set(['norm', 'ln', 'layernorm']);
const LINEAR_WORDS = new Set(['linear', 'lin']);
function wordsOf(path) {
    const out = [];
    for (const w of (0,tokens/* keyWords */.Vi)(path)) {
        if (w.index !== undefined)
            out.push(w.text);
        else
            out.push(w.text, ...(0,tokens/* subwords */.S7)(w.text));
    }
    return out.map((w) => w.toLowerCase());
}
/** Chunks of `n` in the shift-first order every known original release uses. */
function shiftFirst(n) {
    if (n === 2)
        return ['shift', 'scale'];
    if (n > 0 && n % 3 === 0 && n <= 18) {
        const out = [];
        for (let i = 0; i < n; i += 3)
            out.push('shift', 'scale', 'gate');
        return out;
    }
    return undefined;
}
/**
 * The chunks a modulation stores, in row order, from its path (layer path, without `.weight`) and its chunk count;
 * undefined when the naming is not one of the known conventions.
 */
function modulationChunks(path, n) {
    const words = wordsOf(path);
    if (words.some((w) => MODULATION_WORDS.has(w)))
        return shiftFirst(n);
    const norm = words.some((w) => NORM_WORDS.has(w) || w.endsWith('norm'));
    if (norm && words.some((w) => LINEAR_WORDS.has(w))) {
        // AdaLayerNormContinuous: (scale, shift); AdaLayerNormZero / ZeroSingle: the original order.
        return n === 2 ? ['scale', 'shift'] : shiftFirst(n);
    }
    return undefined;
}
/**
 * How many equal chunks a modulation's rows hold, from its shape without size-1 dims: a linear [n * D, D] holds n,
 * a table [n, D] holds n. 0 when the shape says nothing.
 */
function chunkCount(squeezed) {
    if (squeezed.length !== 2)
        return 0;
    const [rows, cols] = [squeezed[0], squeezed[1]];
    if (rows >= cols && cols > 0 && rows % cols === 0)
        return rows / cols;
    return rows <= 18 ? rows : 0;
}
/** The chunk order between two modulations of `n` chunks each (A's path, B's path). */
function chunkOrder(aPath, bPath, n) {
    const a = modulationChunks(aPath, n);
    const b = modulationChunks(bPath, n);
    if (!a || !b)
        return { kind: 'unknown', chunks: shiftFirst(n) ?? ['shift', 'scale', 'gate'] };
    if (a.join() === b.join())
        return { kind: 'same', chunks: a };
    // Chunk names repeat per sublayer (shift, scale, gate, shift, ...): take each of B's from the same group in A.
    const used = new Set();
    const order = [];
    for (const c of b) {
        const i = a.findIndex((x, k) => x === c && !used.has(k));
        if (i < 0)
            return { kind: 'unknown', chunks: a };
        used.add(i);
        order.push(i);
    }
    return { kind: 'reorder', chunks: a, order };
}

;// CONCATENATED MODULE: ./src/names/index.ts
/** The shared naming vocabulary: wrapper prefixes, tokenization, layer roles, block series, family detection. */










/***/ }),

/***/ 3154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ isUnetConvolutionUnderscored),
/* harmony export */   E9: () => (/* binding */ isInputLayer),
/* harmony export */   Fo: () => (/* binding */ isImageBranchPath),
/* harmony export */   Lr: () => (/* binding */ isContextEmbedding),
/* harmony export */   NK: () => (/* binding */ OUTPUT_PROJECTIONS),
/* harmony export */   Sf: () => (/* binding */ isImageEmbedderUnderscored),
/* harmony export */   oU: () => (/* binding */ isPatchEmbedding),
/* harmony export */   wi: () => (/* binding */ isOutputHeadUnderscored)
/* harmony export */ });
/**
 * The model-level parts outside the repeated blocks, named the ways the conventions name them: the latent (patch)
 * embedding and input convolution, the text / context embedding, the CLIP image branch, the output head and the
 * UNet's convolution layers. The one list of each: the structure analysis reads dimensions from them (in / out
 * channels, patch size, context width), the LoRA reader labels layer kinds with them.
 * Paths are dotted; the `...Underscored` tests take the `_a_b_c_` boundary form (kohya paths lose their dots).
 */
/** Modules that embed the latent patches (conv or linear): their in-features are the latent channels. */
const PATCH_EMBEDDINGS = [
    'patch_embedding',
    'patch_embed',
    'x_embedder',
    'img_in',
    'patchify_proj',
    'pos_embed'
];
/** A model's first layer when it has no patch embedding (UNet `conv_in`, a transformer's `proj_in`). */
const INPUT_LAYERS = ['conv_in', 'proj_in', 'input_proj'];
/** Modules that embed the text context: their in-features are the context width. */
const CONTEXT_EMBEDDINGS = [
    'text_embedding',
    'txt_in',
    'y_embedder',
    'context_embedder',
    'caption_projection',
    'text_embedder',
    'encoder_hid_proj',
    'cap_embedder'
];
/** The image embedder of a CLIP image branch (Wan2.1 I2V `img_emb`, diffusers `image_embedder`). */
const IMAGE_EMBEDDERS = ['img_emb', 'image_embedder'];
/**
 * The attention projections of a CLIP image branch: Wan2.1 I2V's extra k/v in original and diffusers names
 * (`attn2.add_k_proj`; Flux's `attn.add_k_proj` is the text stream, hence the `attn2` qualifier).
 */
const IMAGE_BRANCH_PROJECTIONS = [
    'k_img',
    'v_img',
    'norm_k_img',
    'attn2.add_k_proj',
    'attn2.add_v_proj',
    'attn2.norm_added_k'
];
/** Top-level modules of the output head (the final norm / modulation and the projection). */
const OUTPUT_HEADS = ['head', 'final_layer', 'proj_out', 'norm_out', 'out.2', 'conv_out'];
/** The output projection inside the head, most specific first: its out-features are the output channels. */
const OUTPUT_PROJECTIONS = [
    'head.head',
    'final_layer.linear',
    'final_layer.proj',
    'proj_out',
    'conv_out',
    'out.2',
    'head'
];
/** The UNet's resnet and sampler layers (LDM and diffusers names). */
const UNET_CONVOLUTIONS = [
    'in_layers',
    'out_layers',
    'emb_layers',
    'skip_connection',
    'resnets',
    'conv1',
    'conv2',
    'conv_shortcut',
    'time_emb_proj',
    'op',
    'downsamplers',
    'upsamplers',
    'conv'
];
const alternatives = (names, sep) => names.map((n) => n.replace(/\./g, sep === '.' ? '\\.' : sep)).join('|');
/** A dotted path with one of `names` as a whole segment run. */
const segmentRe = (names) => new RegExp(`(?:^|\\.)(?:${alternatives(names, '.')})(?:\\.|$)`);
/** An underscored path (`_a_b_`) containing one of `names`; `top`: starting with it. */
const underscoredRe = (names, top = false) => new RegExp(`${top ? '^' : ''}_(?:${alternatives(names, '_')})_`);
const PATCH_MODULE = segmentRe(PATCH_EMBEDDINGS);
const INPUT_MODULE = new RegExp(`^(?:${alternatives(INPUT_LAYERS, '.')})$`);
const CONTEXT_MODULE = segmentRe(CONTEXT_EMBEDDINGS);
const IMAGE_BRANCH = new RegExp(`(?:^|[._])(?:${[...IMAGE_EMBEDDERS, ...IMAGE_BRANCH_PROJECTIONS].map((n) => n.replace(/\./g, '[._]')).join('|')})(?:[._]|$)`);
const IMAGE_EMBEDDER_U = underscoredRe(IMAGE_EMBEDDERS);
const OUTPUT_HEAD_U = underscoredRe(OUTPUT_HEADS, true);
const UNET_CONVOLUTION_U = underscoredRe(UNET_CONVOLUTIONS);
/** A module (dotted, without the leaf) that embeds the latent patches. */
function isPatchEmbedding(module) {
    return PATCH_MODULE.test(module);
}
/** A top-level module that is a model's first layer when no patch embedding is named (`conv_in`, `proj_in`). */
function isInputLayer(module) {
    return INPUT_MODULE.test(module);
}
/** A module (dotted) that embeds the text context. */
function isContextEmbedding(module) {
    return CONTEXT_MODULE.test(module);
}
/** A path (dotted or kohya-underscored) in a CLIP image branch: its embedder or its extra k/v projections. */
function isImageBranchPath(path) {
    return IMAGE_BRANCH.test(path);
}
/** An underscored path inside the CLIP image embedder. */
function isImageEmbedderUnderscored(u) {
    return IMAGE_EMBEDDER_U.test(u);
}
/** An underscored path inside the output head (top-level). */
function isOutputHeadUnderscored(u) {
    return OUTPUT_HEAD_U.test(u);
}
/** An underscored path in a UNet resnet, sampler or convolution layer. */
function isUnetConvolutionUnderscored(u) {
    return UNET_CONVOLUTION_U.test(u);
}


/***/ }),

/***/ 9334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ stripKnownPrefixes),
/* harmony export */   JE: () => (/* binding */ COMPONENT_PREFIXES),
/* harmony export */   ct: () => (/* binding */ componentPrefix),
/* harmony export */   de: () => (/* binding */ ADAPTER_PREFIXES),
/* harmony export */   vN: () => (/* binding */ DIFFUSERS_DENOISER_PREFIX),
/* harmony export */   yj: () => (/* binding */ stripModelPrefixes)
/* harmony export */ });
/* unused harmony exports KNOWN_PREFIXES, normalizeKey */
/**
 * Wrapper prefixes: what tools put in front of the same state dict (docs/reference/key-formats.md §0 and §6).
 * Stripping them turns "0% exact overlap" into "same model, other packaging". The one list of the project.
 */
/**
 * Known prefixes, longest first so `model.diffusion_model.` wins over `model.`. Wrappers (`module.` from
 * DataParallel, `_orig_mod.` from torch.compile) can stack, so stripping repeats.
 */
const KNOWN_PREFIXES = [
    'model.diffusion_model.',
    'base_model.model.',
    'first_stage_model.',
    'diffusion_model.',
    'transformer_2.',
    'transformer.',
    'pipe.dit.',
    'unet.',
    'module.',
    '_orig_mod.',
    'model.'
];
/** Rounds of stripping: enough for every real stack we know (`module._orig_mod.model.diffusion_model.`). */
const MAX_ROUNDS = 6;
function normalizeKey(key) {
    const rest = stripKnownPrefixes(key);
    return { key: rest, stripped: key.slice(0, key.length - rest.length) };
}
/** The key without its known prefixes (what `normalizeKey(key).key` is, without the extra object). */
function stripKnownPrefixes(key) {
    let rest = key;
    for (let round = 0; round < MAX_ROUNDS; round++) {
        // Every known prefix starts with a whole first segment: a key whose first segment starts none of them (most
        // keys) is settled with one indexOf and one Set lookup. A plain index loop, not find() nor for-of: this runs
        // for every key of every model, in code too short-lived for the JIT.
        const dot = rest.indexOf('.');
        if (dot < 0 || !PREFIX_HEADS.has(rest.slice(0, dot)))
            break;
        let prefix;
        for (let c = 0; c < KNOWN_PREFIXES.length; c++) {
            const p = KNOWN_PREFIXES[c];
            if (rest.length > p.length && rest.startsWith(p)) {
                prefix = p;
                break;
            }
        }
        if (prefix === undefined)
            break;
        rest = rest.slice(prefix.length);
    }
    return rest;
}
/** The first known prefix the key starts with (and is longer than), if any. */
function knownPrefixOf(key) {
    // Every known prefix starts with a whole first segment: most keys are settled by one Set lookup.
    const dot = key.indexOf('.');
    if (dot < 0 || !PREFIX_HEADS.has(key.slice(0, dot)))
        return undefined;
    for (let c = 0; c < KNOWN_PREFIXES.length; c++) {
        const p = KNOWN_PREFIXES[c];
        if (key.length > p.length && key.startsWith(p))
            return p;
    }
    return undefined;
}
/** The first segment of each known prefix (`model`, `base_model`, `diffusion_model`, ...). */
const PREFIX_HEADS = new Set(KNOWN_PREFIXES.map((p) => p.slice(0, p.indexOf('.'))));
/**
 * Prefixes that are also common module names (`transformer.` is a SAT model's own top module; Hugging Face
 * `LlamaForCausalLM` keeps `lm_head` beside `model.`): stripped only when nearly every key of the model carries
 * them, so a model's own top-level module keeps its name.
 */
const AMBIGUOUS = new Set(['transformer.', 'transformer_2.', 'model.']);
/** Share of a model's keys that must carry an ambiguous prefix for it to count as a wrapper. */
const WRAPPER_SHARE = 0.9;
/**
 * The keys of one model without their wrappers, decided for the whole model: unambiguous wrappers go from every
 * key, ambiguous ones only when (nearly) every key has them at that depth. Linear in the keys.
 */
function stripModelPrefixes(keys) {
    const out = [...keys];
    const active = out.map(() => true);
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const found = out.map((k, i) => (active[i] ? knownPrefixOf(k) : undefined));
        const counts = new Map();
        for (const p of found)
            if (p !== undefined)
                counts.set(p, (counts.get(p) ?? 0) + 1);
        let changed = false;
        for (let i = 0; i < out.length; i++) {
            const p = found[i];
            if (p === undefined) {
                active[i] = false;
                continue;
            }
            if (AMBIGUOUS.has(p) && (counts.get(p) ?? 0) < WRAPPER_SHARE * out.length) {
                active[i] = false;
                continue;
            }
            out[i] = out[i].slice(p.length);
            changed = true;
        }
        if (!changed)
            break;
    }
    return out;
}
const ADAPTER_PREFIXES = [
    { prefix: 'lora_unet__', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_transformer_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_prior_unet_', naming: 'kohya', form: 'underscore', component: 'denoiser' },
    { prefix: 'lora_te1_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'lora_te2_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 2 },
    { prefix: 'lora_te3_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 3 },
    { prefix: 'lora_te_', naming: 'kohya', form: 'underscore', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'lycoris_', naming: 'lycoris', form: 'underscore', component: 'denoiser' },
    { prefix: 'base_model.model.', naming: 'peft', form: 'dotted', component: 'denoiser' },
    // ai-toolkit Wan2.2 A14B combined files: one expert per prefix (transformer_1 high noise, transformer_2 low noise).
    { prefix: 'diffusion_model.transformer_1.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'diffusion_model.transformer_2.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'model.diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'diffusion_model.', naming: 'comfyui', form: 'dotted', component: 'denoiser' },
    { prefix: 'transformer_2.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'transformer.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'unet.', naming: 'diffusers', form: 'dotted', component: 'denoiser' },
    { prefix: 'text_encoder.', naming: 'diffusers', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
    {
        prefix: 'text_encoder_2.',
        naming: 'diffusers',
        form: 'dotted',
        component: 'text-encoder',
        textEncoder: 2
    },
    {
        prefix: 'text_encoder_3.',
        naming: 'diffusers',
        form: 'dotted',
        component: 'text-encoder',
        textEncoder: 3
    },
    { prefix: 'text_encoders.', naming: 'comfyui', form: 'dotted', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'pipe.dit.', naming: 'bare', form: 'dotted', component: 'denoiser' }
];
/**
 * Component prefixes of single-file checkpoints (LDM / sgm layouts, ComfyUI's `text_encoders.`): which part of the
 * model the keys under them belong to. Diffusers folders add one prefix per component folder (`componentPrefix`).
 */
const COMPONENT_PREFIXES = [
    { prefix: 'model.diffusion_model.', component: 'denoiser', textEncoder: 0 },
    { prefix: 'diffusion_model.', component: 'denoiser', textEncoder: 0 },
    { prefix: 'conditioner.embedders.0.transformer.', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'conditioner.embedders.1.model.', component: 'text-encoder', textEncoder: 2 },
    { prefix: 'cond_stage_model.transformer.', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'cond_stage_model.model.', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'text_encoders.', component: 'text-encoder', textEncoder: 1 },
    { prefix: 'first_stage_model.', component: 'skip', textEncoder: 0 },
    { prefix: 'model_ema.', component: 'skip', textEncoder: 0 }
];
/** Denoiser folders of diffusers pipelines (`transformer`, Wan2.2 A14B's `transformer_2`, `unet`, `prior`). */
const DIFFUSERS_DENOISER_FOLDERS = 'transformer(?:_\\d+)?|unet|prior';
/** A base's component prefix that is a diffusers denoiser folder: what a diffusers LoRA of it is prefixed with. */
const DIFFUSERS_DENOISER_PREFIX = new RegExp(`^(?:${DIFFUSERS_DENOISER_FOLDERS})\\.$`);
/** Folders read as the denoiser: the diffusers ones and `dit` (not written back as a diffusers prefix). */
const DENOISER_FOLDER = new RegExp(`^(?:${DIFFUSERS_DENOISER_FOLDERS}|dit)$`);
/** The prefix of one diffusers component folder (`text_encoder_2`, `transformer`, `unet`, `vae`). */
function componentPrefix(name) {
    const te = /^text_encoder(?:_(\d+))?$/.exec(name);
    if (te)
        return { prefix: `${name}.`, component: 'text-encoder', textEncoder: te[1] ? Number(te[1]) : 1 };
    if (DENOISER_FOLDER.test(name))
        return { prefix: `${name}.`, component: 'denoiser', textEncoder: 0 };
    return { prefix: `${name}.`, component: 'skip', textEncoder: 0 };
}


/***/ }),

/***/ 2381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ FUSED_ROLE_PARTS),
/* harmony export */   EY: () => (/* binding */ layerRole),
/* harmony export */   J8: () => (/* binding */ isFfnWord),
/* harmony export */   Rk: () => (/* binding */ isStreamWord),
/* harmony export */   Tc: () => (/* binding */ FFN_ROLES),
/* harmony export */   Vc: () => (/* binding */ NORM_ROLES),
/* harmony export */   aW: () => (/* binding */ attentionPart),
/* harmony export */   dH: () => (/* binding */ STREAM_ATTENTION_NAMES),
/* harmony export */   kL: () => (/* binding */ EXTRA_KV_STREAM),
/* harmony export */   m2: () => (/* binding */ IMAGE_WORDS),
/* harmony export */   qM: () => (/* binding */ STREAM_BLOCK_NAMES),
/* harmony export */   rb: () => (/* binding */ normPositions),
/* harmony export */   tm: () => (/* binding */ isEmbeddingName),
/* harmony export */   vM: () => (/* binding */ ATTENTION_ROLES),
/* harmony export */   vV: () => (/* binding */ CROSS_ATTENTION_NAMES),
/* harmony export */   zV: () => (/* binding */ SELF_ATTENTION_NAMES)
/* harmony export */ });
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9493);
/* harmony import */ var _tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2432);
/**
 * Layer roles: what a layer is for, read from the words of its path (docs/reference/key-formats.md). One generic
 * vocabulary of the words naming conventions use for the same role (q/to_q/q_proj/query/wq, attn1/self_attn,
 * ff/mlp/feed_forward, ...). No per-model rename table: the words are general, the reading is structural.
 */


/** Rows of a fused projection, in the row order every known converter uses. */
const FUSED_ROLE_PARTS = {
    qkv: ['q', 'k', 'v'],
    kv: ['k', 'v']
};
const Q = new Set(['q', 'query', 'wq', 'xq']);
const K = new Set(['k', 'key', 'wk', 'xk']);
const V = new Set(['v', 'value', 'wv', 'xv']);
const QKV = new Set(['qkv', 'wqkv']);
const KV = new Set(['kv', 'wkv']);
const OUT = new Set(['o', 'wo', 'out', 'output', 'dense']);
const NORM = new Set(['norm', 'ln', 'layernorm', 'rmsnorm', 'groupnorm']);
const MOD = new Set(['mod', 'modulation', 'modulations', 'adaln', 'shift', 'modc', 'modx']);
const FFN = new Set(['ff', 'ffn', 'mlp', 'feedforward']);
const EMBED = new Set(['embed', 'embedding', 'embeddings', 'embedder', 'embd', 'emb']);
const ATTN = new Set(['attn', 'attention', 'attentions']);
const CROSS = new Set(['cross']);
const CONTEXT = new Set([
    'context',
    'ctx',
    'txt',
    'text',
    'added',
    'add',
    'y',
    'c',
    'encoder',
    'caption',
    'cond'
]);
const MAIN = new Set(['x', 'img', 'image', 'main']);
/** The timestep conditioning path: a qualifier of top-level embedders (`t_embedder`, `time_embedding`). */
const TIME = new Set(['t', 'time', 'timestep', 'timesteps', 'temb']);
/**
 * Stream words that mark an attention's extra k/v input beside its own (Wan I2V's image branch `k_img`, diffusers'
 * added context `add_k_proj`): one of each stream above, which the LoRA reports label `k_img` / `v_img` alike.
 */
const EXTRA_KV_STREAM = new Set(['img', 'add']);
/** Main-stream words that name an image input (`k_img`, `image_embedder`), unlike MMDiT's one-letter `x`. */
const IMAGE_WORDS = new Set(['img', 'image']);
/** True for a word that marks a stream (`img`, `txt`, `context`, `added`, one-letter `x` / `y` / `c`). */
function isStreamWord(w) {
    return CONTEXT.has(w) || MAIN.has(w);
}
/** True for a word that names a feed-forward unit (`ffn`, `ff`, `mlp`, `feedforward`). */
function isFfnWord(w) {
    return FFN.has(w);
}
/** Words that order layers of one role. */
const ORDER_WORDS = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupTable */ .z)({
    in: 0,
    input: 0,
    pre: 0,
    gate: 0,
    up: 1,
    out: 2,
    output: 2,
    post: 3
});
/** Role of a fused query_key_value / in_proj / to_qkv spelled over several words. */
function fusedRole(words) {
    const s = new Set(words);
    // `in_proj` (nn.MultiheadAttention, alone or under its attention) is the fused input projection; `proj_in` (a
    // transformer's input linear) and `img_in.proj` (an input embedding) are not.
    const n = words.length;
    const inProj = n >= 2 &&
        words[n - 2] === 'in' &&
        words[n - 1] === 'proj' &&
        (n === 2 || (n === 3 && ATTN.has(words[0])));
    if (words.some((w) => QKV.has(w)) || inProj)
        return 'qkv';
    if ((s.has('query') || s.has('q')) && (s.has('key') || s.has('k')) && (s.has('value') || s.has('v')))
        return 'qkv';
    if (words.some((w) => KV.has(w)) || ((s.has('key') || s.has('k')) && (s.has('value') || s.has('v'))))
        return 'kv';
    return undefined;
}
/**
 * Reads the role of a layer from its path inside its block (or from the model's top, for top-level layers).
 * `isVector`: the layer's weight is 1-D (a norm or a bias-only table), which settles `norm` vs `mod` words.
 * `top`: the layer sits at the model's top level, outside any block.
 */
function layerRole(path, isVector = false, top = false, context = '') {
    const words = [];
    let stream;
    const segments = path.split('.');
    // At the top the module chain is long (`adaln_single.emb.timestep_embedder.linear_1`): the role is read
    // from the last two named segments, the qualifiers (streams, time) from all of them.
    const named = segments.map((x, i) => (/^\d+$/.test(x) ? -1 : i)).filter((i) => i >= 0);
    const roleFrom = top && named.length > 2 ? named[named.length - 2] : 0;
    const roleWords = [];
    for (const [si, segment] of segments.entries()) {
        const segWords = [];
        for (const w of (0,_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .keyWords */ .Vi)(segment)) {
            if (w.index !== undefined)
                segWords.push(w.text);
            else
                segWords.push(...(0,_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .subwords */ .S7)(w.text));
        }
        segWords.forEach((w, i) => {
            // A one-letter stream mark (`qkv_y`, `mlpC`, `mod_x`) counts only at the end of its segment: `c_fc1`
            // uses the letter for something else. At the top, DiT embedders put it first (`x_embedder`, `y_embedder`,
            // `t_embedder`).
            const last = i === segWords.length - 1 || /^\d+$/.test(segWords[i + 1]);
            if (w.length === 1 && !last && !(top && i === 0))
                return;
            if (CONTEXT.has(w))
                stream = 'context';
            else if (MAIN.has(w))
                stream = 'main';
            else if (top && TIME.has(w))
                stream = 'time';
        });
        words.push(...segWords);
        if (si >= roleFrom)
            roleWords.push(...segWords);
    }
    const result = { role: 'other', words };
    if (stream !== undefined)
        result.stream = stream;
    return readRole(result, roleWords, isVector, top, context);
}
function readRole(result, words, isVector, top, context) {
    const set = new Set(words);
    // Sublayers: attn1/attn2, self/cross, ffn.
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (ATTN.has(w)) {
            const next = words[i + 1];
            result.sublayer = next === '2' || set.has('cross') ? 'cross' : 'attn';
        }
        else if (CROSS.has(w))
            result.sublayer = 'cross';
        else if (FFN.has(w) || (w === 'feed' && words[i + 1] === 'forward'))
            result.sublayer = 'ffn';
    }
    // Inside an attention unit (`mid.attn_1`, `attentions.0`) the layers belong to attention unless they say
    // otherwise.
    if (result.sublayer === undefined && context !== '') {
        const ctx = context.split('.').flatMap((w) => (0,_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .subwords */ .S7)(w));
        if (ctx.some((w) => ATTN.has(w)))
            result.sublayer = 'attn';
    }
    const hasNorm = words.some((w) => NORM.has(w) || w.endsWith('norm') || w.endsWith('layernorm'));
    const qNorm = hasNorm && words.some((w) => Q.has(w));
    const kNorm = hasNorm && words.some((w) => K.has(w));
    const fused = fusedRole(words);
    const hasMod = words.some((w) => MOD.has(w));
    if (qNorm && !kNorm)
        result.role = 'q-norm';
    else if (kNorm && !qNorm)
        result.role = 'k-norm';
    else if (hasMod || (hasNorm && !isVector && (set.has('linear') || set.has('lin') || set.has('emb'))))
        result.role = 'mod';
    else if (hasNorm)
        result.role = 'norm';
    else if (fused)
        result.role = fused;
    else if (words.some((w) => Q.has(w)))
        result.role = 'q';
    else if (words.some((w) => K.has(w)))
        result.role = 'k';
    else if (words.some((w) => V.has(w)))
        result.role = 'v';
    else if (result.sublayer === 'ffn' || set.has('fc') || set.has('gate') || set.has('up') || set.has('down'))
        result.role = ffnRole(words);
    // An input projection (`proj_in`) is no output projection, whatever unit it sits in.
    else if (result.sublayer !== undefined &&
        !set.has('in') &&
        (words.some((w) => OUT.has(w)) || set.has('proj')))
        result.role = 'o';
    else if (words.some((w) => EMBED.has(w)))
        result.role = 'embed';
    else if (set.has('head') || (words.length === 1 && (set.has('output') || set.has('out'))))
        result.role = 'head';
    // At the model's top, a projection named final / out is the output head (`proj_out`, `final_linear`,
    // `final_layer.linear`); inside a block the same words name the block's own output projection.
    else if (top && (set.has('final') || set.has('out')) && (set.has('proj') || set.has('linear')))
        result.role = 'head';
    result.ordinal = ordinalOf(words);
    if (result.role === 'norm')
        result.place = placeOf(words);
    return result;
}
function ffnRole(words) {
    const s = new Set(words);
    if (s.has('gate'))
        return 'ffn-gate';
    if (s.has('up'))
        return 'ffn-up';
    if (s.has('down') || s.has('out') || s.has('output') || (s.has('proj') && s.has('c')))
        return 'ffn-out';
    if (words.includes('h') && words.includes('4h'))
        return words.indexOf('h') < words.indexOf('4h') ? 'ffn-in' : 'ffn-out';
    return 'ffn-in';
}
/**
 * The ordering value a name gives: order word (in < out, gate < up) then the last number (`norm2` 2, `fc1` 1,
 * `in_layers.0` 0, `out_layers.0` 2000).
 */
function ordinalOf(words) {
    let word;
    let num;
    for (const w of words) {
        if (/^\d{1,6}$/.test(w))
            num = Number(w);
        else {
            const o = ORDER_WORDS[w];
            if (o !== undefined && word === undefined)
                word = o;
        }
    }
    if (word === undefined && num === undefined)
        return undefined;
    return (word ?? 0) * 1000 + (num ?? 0);
}
function placeOf(words) {
    const s = new Set(words);
    const post = s.has('post');
    const sub = words.some((w) => CROSS.has(w))
        ? 'cross'
        : words.some((w) => ATTN.has(w) || w === 'self')
            ? 'attn'
            : words.some((w, i) => FFN.has(w) || (w === 'feed' && words[i + 1] === 'forward'))
                ? 'ffn'
                : undefined;
    // Sandwich norms name both sides of one sublayer: `attention_norm1` before attention, `attention_norm2` after.
    const normAt0 = words.findIndex((w) => NORM.has(w) || w.endsWith('norm'));
    const sandwich = normAt0 >= 0 && words[normAt0 + 1] === '2' && !post;
    if (sub !== undefined)
        return post || sandwich ? { after: sub } : { before: sub };
    if (s.has('input') || s.has('pre'))
        return { first: true };
    // `norm2`: a number written into the norm's own word, 1-based.
    const nums = words.filter((w) => /^\d{1,3}$/.test(w));
    const normAt = words.findIndex((w) => NORM.has(w) || w.endsWith('norm'));
    if (nums.length === 1 && normAt >= 0 && words[normAt + 1] === nums[0] && Number(nums[0]) >= 1)
        return { nth: Number(nums[0]) };
    return undefined;
}
/**
 * Places of the norms of one block with the given sublayers in order. A place is a number: X's index for "before
 * X", X's index + 0.5 for "after X" when the block also names the norm before the next sublayer (sandwich norms),
 * else the next index (Llama's `post_attention_layernorm` is the norm before the FFN). Norms named only by a number
 * (`norm1`, `norm2`) take the free "before" places in order, then the free "after" places.
 */
function normPositions(places, sublayers) {
    const explicitBefore = new Set();
    for (const p of places) {
        if (p?.first)
            explicitBefore.add(0);
        if (p?.before !== undefined && sublayers.includes(p.before))
            explicitBefore.add(sublayers.indexOf(p.before));
    }
    const out = places.map((p) => {
        if (!p)
            return undefined;
        if (p.first)
            return 0;
        if (p.nth !== undefined)
            return undefined;
        const x = p.before ?? p.after;
        if (x === undefined)
            return undefined;
        const i = sublayers.indexOf(x);
        if (i < 0)
            return undefined;
        if (p.before !== undefined)
            return i;
        return explicitBefore.has(i + 1) ? i + 0.5 : i + 1;
    });
    const taken = new Set(out.filter((v) => v !== undefined));
    const free = [];
    for (let i = 0; i < sublayers.length; i++)
        if (!taken.has(i))
            free.push(i);
    for (let i = 0; i < sublayers.length; i++)
        if (!taken.has(i + 0.5))
            free.push(i + 0.5);
    const nth = places
        .map((p, k) => [p?.nth, k])
        .filter((x) => x[0] !== undefined)
        .sort((x, y) => x[0] - y[0]);
    nth.forEach(([, k], r) => {
        out[k] = sublayers.length === 0 ? r : free[r];
    });
    return out;
}
/** Roles of an attention module's own layers: projections and q/k norms. */
const ATTENTION_ROLES = new Set([
    'q',
    'k',
    'v',
    'o',
    'qkv',
    'kv',
    'q-norm',
    'k-norm'
]);
/**
 * Attention module names that say which attention they are by name alone: self (`self_attn`, `attn1`), cross
 * (`cross_attn`, `attn2`, `encoder_attn`: a decoder attending to its encoder) and one stream of a dual-stream
 * joint attention (`img_attn`, `txt_attn`). Whole names: the same words inside longer names say less.
 */
const SELF_ATTENTION_NAMES = new Set([
    'self_attn',
    'self_attention',
    'selfattn',
    'attn1'
]);
const CROSS_ATTENTION_NAMES = new Set([
    'cross_attn',
    'cross_attention',
    'crossattn',
    'attn2',
    'encoder_attn'
]);
const STREAM_ATTENTION_NAMES = new Set(['img_attn', 'txt_attn']);
/** The per-stream halves of a joint block (SD3 MMDiT `x_block`, `context_block`): their `attn` is one stream. */
const STREAM_BLOCK_NAMES = new Set(['x_block', 'context_block']);
/** Roles of a feed-forward unit's linears. */
const FFN_ROLES = new Set(['ffn-in', 'ffn-gate', 'ffn-up', 'ffn-out']);
/** Roles of normalization layers (q/k norms included). */
const NORM_ROLES = new Set(['norm', 'q-norm', 'k-norm']);
/**
 * The part of an attention module one layer name (the last segment of its path: `to_q`, `add_k_proj`, `k_img`,
 * `norm_added_q`, `query_key_value`) stands for, read with the shared words as if inside an attention module, with
 * its stream: `context` for the added (text) stream of joint attention, `main` for an image branch (`k_img`).
 * A layer named after the attention itself (GPT-2 `c_attn`) is its fused input projection.
 */
function attentionPart(name) {
    const r = layerRole(name, false, false, 'attn');
    if (ATTENTION_ROLES.has(r.role)) {
        const out = { part: r.role, words: r.words };
        if (r.stream !== undefined)
            out.stream = r.stream;
        return out;
    }
    const named = r.words.filter((w) => w.length > 1);
    if (named.length === 1 && ATTN.has(named[0]) && r.words.length === 2)
        return { part: 'qkv', words: r.words };
    return undefined;
}
/** Input layers named by what they are rather than by an `emb` word: GPT-2 token / position tables, patchify. */
const INPUT_LAYERS = new Set(['wte', 'wpe', 'patchify_proj', 'caption_projection']);
/** `img_in`, `txt_in`, `conv_in`, `proj_in`: a module whose name ends in `in` takes the model's input. */
const INPUT_SUFFIX = /(?:^|_)in$/;
/**
 * True for the name of a model-level module that embeds an input: an `emb` word (`patch_embedding`, `t_embedder`,
 * `label_emb`, `token_embd`), an input layer (`img_in`, `conv_in`, `proj_in`), a token / position table or a
 * patchify / caption projection. Meant for top-level modules; inside a block the same words name other things.
 */
function isEmbeddingName(name) {
    const lower = name.toLowerCase();
    return lower.includes('emb') || INPUT_SUFFIX.test(lower) || INPUT_LAYERS.has(lower);
}


/***/ }),

/***/ 1203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ blockSeriesOf),
/* harmony export */   Eu: () => (/* binding */ sectionRank),
/* harmony export */   VN: () => (/* binding */ blockOf),
/* harmony export */   dc: () => (/* binding */ BLOCK_CONTAINER_NAMES),
/* harmony export */   j6: () => (/* binding */ SERIES_LAST_WORDS),
/* harmony export */   l2: () => (/* binding */ NONZERO_SERIES_INDEX),
/* harmony export */   wK: () => (/* binding */ isBlockContainerName)
/* harmony export */ });
/* unused harmony exports BLOCK_SERIES, SERIES_IN_UNDERSCORED, SERIES_IN_KOHYA_SEGMENT */
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9493);
/* harmony import */ var _adapters_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7906);
/**
 * Block series vocabulary: where a series sits in the network. Encoders / down / input paths run before the
 * middle, which runs before decoders / up / output paths (UNet and VAE layouts, LDM and diffusers alike), so a
 * flat `input_blocks.N` and a nested `down_blocks.i.resnets.j` order the same way.
 */


const SECTION = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupTable */ .z)({
    encoder: 0,
    enc: 0,
    down: 0,
    input: 0,
    mid: 1,
    middle: 1,
    decoder: 2,
    dec: 2,
    up: 2,
    output: 2
});
/** Words already ranked (the same few words recur in every key); `null` for a word that names no section. */
const RANKED = new Map();
/** Bound on the memo: a hostile file's distinct words beyond it are ranked each time, never kept. */
const MAX_RANKED = 4096;
/** Rank of a section word (0 before, 1 middle, 2 after), or undefined for a word that names no section. */
function sectionRank(word) {
    const known = RANKED.get(word);
    if (known !== undefined)
        return known ?? undefined;
    const r = rankOf(word);
    if (RANKED.size < MAX_RANKED)
        RANKED.set(word, r ?? null);
    return r;
}
function rankOf(word) {
    const w = word.toLowerCase();
    const r = SECTION[w];
    if (r !== undefined)
        return r;
    // Resampling stages name their direction: `downsamples` / `downsamplers` run on the way down, `upsamples` up.
    const m = /^(down|up)sampl(?:e|es|er|ers|ing)$/.exec(w);
    return m ? (m[1] === 'down' ? 0 : 2) : undefined;
}
/**
 * Containers whose numbered children are the blocks of a network, in every naming the project reads: DiT / video
 * (`blocks`, `double_blocks`, `single_transformer_blocks`, `joint_blocks`, ...), UNet LDM (`input_blocks`,
 * `middle_block`, `output_blocks`) and diffusers (`down_blocks`, `up_blocks`), CLIP (`resblocks`), LLMs (`layers`).
 * Longest names first, so an alternation built from the list prefers `single_transformer_blocks` to `blocks`.
 */
const BLOCK_SERIES = [
    'single_transformer_blocks',
    'transformer_blocks',
    'double_blocks',
    'single_blocks',
    'joint_blocks',
    'input_blocks',
    'output_blocks',
    'middle_block',
    'down_blocks',
    'vace_blocks',
    'up_blocks',
    'resblocks',
    'blocks',
    'layers'
];
/**
 * The last word of each series name (`blocks`, `block`, `resblocks`, `layers`): the loose reading of a series,
 * where any container named with one of them (`noise_refiner_blocks`, T5's `block`) counts, for grouping the
 * paths of a model the list above does not name.
 */
const SERIES_LAST_WORDS = [
    ...new Set(BLOCK_SERIES.map((s) => s.slice(s.lastIndexOf('_') + 1)))
];
/**
 * Containers whose numbered children are blocks even when only one is present: the series above and the nested
 * ones (diffusers `resnets` / `attentions`, GGUF `blk`, GPT-2 `h`, BERT `layer`).
 */
const BLOCK_CONTAINER_NAMES = new Set([
    ...BLOCK_SERIES,
    'resnets',
    'attentions',
    'blk',
    'h',
    'layer'
]);
/** A container that no list above names but whose name ends like a series (`controlnet_down_blocks`). */
const SERIES_NAME_END = /(?:^|_)(?:blocks|layers)$/;
/**
 * True for the name of a numbered container of blocks: a known one, or one whose name ends in `blocks` / `layers`
 * (`controlnet_down_blocks`, `transformer_layers`). Its index says nothing of the layer inside.
 */
function isBlockContainerName(name) {
    return BLOCK_CONTAINER_NAMES.has(name) || SERIES_NAME_END.test(name);
}
const SERIES_ALTERNATION = BLOCK_SERIES.join('|');
/**
 * A known series and its index in an underscored path with `_` at both ends (`_blocks_3_self_attn_q_`): the
 * first, outermost one. Group 1 is the series, group 2 the index.
 */
const SERIES_IN_UNDERSCORED = new RegExp(`_(${SERIES_ALTERNATION})_(\\d{1,6})_`);
/**
 * A known series with a nonzero index, in the underscored form: the index a per-path cache may fold away (every
 * block of a series reads the same).
 */
const NONZERO_SERIES_INDEX = new RegExp(`_(${SERIES_ALTERNATION})_[1-9]\\d*(?=_)`, 'g');
/**
 * A known series at the start of a kohya key's first segment, or after an underscore
 * (`lora_unet_blocks_0_self_attn_q`): group 1 series, group 2 index, group 3 the rest.
 */
const SERIES_IN_KOHYA_SEGMENT = new RegExp(`(?:^|_)(${SERIES_ALTERNATION})_(\\d{1,9})_(.+)$`);
/** The first `_N_` of an underscored path splits it into series, index and the path inside the block. */
const FIRST_INDEX = /^(.+?)_(\d{1,9})_(.+)$/;
/**
 * The outermost numbered container of an underscored path (`double_blocks_3_img_attn_qkv` -> `double_blocks`, 3,
 * `img_attn_qkv`), whatever its name: family rules ask for the series they know by name.
 */
function blockSeriesOf(underscored) {
    const m = FIRST_INDEX.exec(underscored);
    return m ? { series: m[1], index: Number(m[2]), rest: m[3] } : null;
}
/** The block a module path sits in (first, outermost known series), dotted or kohya: `{series:'blocks', index:3}`. */
function blockOf(path) {
    const m = SERIES_IN_UNDERSCORED.exec('_' + (0,_adapters_js__WEBPACK_IMPORTED_MODULE_0__/* .kohyaForm */ .PP)(path) + '_');
    return m ? { series: m[1], index: Number(m[2]) } : undefined;
}


/***/ }),

/***/ 2432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ splitLeaf),
/* harmony export */   S7: () => (/* binding */ subwords),
/* harmony export */   Vi: () => (/* binding */ keyWords),
/* harmony export */   a3: () => (/* binding */ WEIGHT_LEAVES),
/* harmony export */   bV: () => (/* binding */ tokenKey),
/* harmony export */   cY: () => (/* binding */ LEAF_NAMES),
/* harmony export */   jz: () => (/* binding */ BIAS_LEAVES)
/* harmony export */ });
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9493);
/**
 * Tokenization of tensor keys. A key splits on `.` AND `_` into words, so kohya's underscore names
 * (`lora_unet_down_blocks_0_attentions_0`) and dotted names (`down_blocks.0.attentions.0`) give the same words;
 * a word made of digits only is an index. Words split further into subwords at camel-case and letter/digit
 * boundaries (`attn1` -> attn 1, `mlpC` -> mlp c, `w1q` -> w 1 q) for role reading.
 */

/** Parameter leaves and their canonical names (RMSNorm `scale` and LayerNorm `gamma` are weights). */
const LEAF_NAMES = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
    weight: 'weight',
    bias: 'bias',
    scale: 'weight',
    gamma: 'weight',
    beta: 'bias',
    running_mean: 'running_mean',
    running_var: 'running_var',
    num_batches_tracked: 'num_batches_tracked',
    weight_int8: 'weight_int8',
    weight_scale: 'weight_scale'
});
/**
 * Leaves of a layer's weight and bias, for counting parameters by kind. Besides `weight` / `bias`: the fused
 * leaves below, int8 `weight_int8`, GPTQ `qweight`, Flax `kernel`. A norm's `scale` / `gamma` / `beta` are not
 * among them: norms are counted as norms.
 */
const WEIGHT_LEAVES = new Set([
    'weight',
    'in_proj_weight',
    'weight_int8',
    'qweight',
    'kernel'
]);
const BIAS_LEAVES = new Set(['bias', 'in_proj_bias']);
/** nn.MultiheadAttention stores its fused projection as leaves of the attention module itself. */
const FUSED_LEAVES = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .lookupTable */ .z)({
    in_proj_weight: ['in_proj', 'weight'],
    in_proj_bias: ['in_proj', 'bias']
});
/** Splits a (dotted) key into its layer and leaf. */
function splitLeaf(key) {
    const dot = key.lastIndexOf('.');
    const last = dot < 0 ? key : key.slice(dot + 1);
    const head = dot < 0 ? '' : key.slice(0, dot);
    const fused = FUSED_LEAVES[last];
    if (fused)
        return { layer: head === '' ? fused[0] : `${head}.${fused[0]}`, leaf: fused[1] };
    const leaf = LEAF_NAMES[last];
    if (leaf !== undefined && head !== '')
        return { layer: head, leaf };
    return { layer: key, leaf: '' };
}
/** Longest digit run read as an index; longer runs stay text (a hostile key cannot make huge numbers). */
const MAX_INDEX_DIGITS = 9;
function keyWords(path) {
    const out = [];
    // An index loop over native splits: this runs for every key of both sides, interpreted (the CLI runs without
    // V8's optimizing compilers), where a for-of step allocates an iterator result and a character loop costs more.
    const pieces = path.split(/[._]/);
    for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i];
        if (piece === '')
            continue;
        if (piece.length <= MAX_INDEX_DIGITS && /^\d+$/.test(piece))
            out.push({ text: piece, index: Number(piece) });
        else
            out.push({ text: piece });
    }
    return out;
}
/** Subwords of one word, lower-cased: camel-case and letter/digit boundaries (`adaLN` -> ada ln, `w1q` -> w 1 q). */
function subwords(word) {
    const parts = word
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Za-z])(\d)/g, '$1 $2')
        .replace(/(\d)([A-Za-z])/g, '$1 $2')
        .toLowerCase()
        .split(' ');
    return parts.filter((p) => p !== '');
}
/** The words of a path as one lower-cased string joined by `.`: kohya and dotted spellings give the same text. */
function tokenKey(path) {
    return keyWords(path)
        .map((w) => w.text.toLowerCase())
        .join('.');
}


/***/ }),

/***/ 1894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ displayWidth),
/* harmony export */   FY: () => (/* binding */ paragraph),
/* harmony export */   SM: () => (/* binding */ fitTable),
/* harmony export */   Yh: () => (/* binding */ MIN_WIDTH),
/* harmony export */   dR: () => (/* binding */ fileHeading),
/* harmony export */   jz: () => (/* binding */ DEFAULT_WIDTH)
/* harmony export */ });
/* unused harmony exports shortenMiddle, wrapWords */
/**
 * Fitting console output to a terminal's width: long names shortened in the middle (both ends of a path or a key
 * say the most), text wrapped between words, and tables that wrap by row (a row may take several lines, its cells
 * stay in their columns) or, when even that does not fit, stack each row's cells under its first one. Nothing is
 * ever cut mid-word by the terminal. Pure: text in, text out; `width: Infinity` (`--wide`) leaves lines whole.
 */
/** Width assumed when the output is not a terminal and COLUMNS is unset: a CI log or a pipe. */
const DEFAULT_WIDTH = 100;
/** Narrower than this, fitting does more harm than good (every name becomes "…"). */
const MIN_WIDTH = 40;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** Columns a string takes on a terminal: ANSI colour codes take none, every code point one. */
function displayWidth(text) {
    const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
    // Without surrogates, code points are UTF-16 units: a long table measures every cell several times.
    if (!SURROGATE.test(plain))
        return plain.length;
    let n = 0;
    for (const _ of plain)
        n++;
    return n;
}
const SURROGATE = /[\uD800-\uDFFF]/;
/**
 * `blocks.0.cross_attn.norm_k_img.weight` at 24 -> `blocks.0.…_k_img.weight`: the start and the end are kept
 * (the end a little longer: leaf keys are there); a path keeps its whole file name when it can
 * (`exam…/wan-lora-fits.safetensors`). Text with colour codes is returned whole (cutting through a code would
 * leak it).
 */
function shortenMiddle(text, max) {
    const chars = [...text];
    if (chars.length <= max || text.includes('\x1b['))
        return text;
    if (max <= 1)
        return '…'.slice(0, Math.max(0, max));
    const keep = max - 1;
    // A path keeps as much of its file name as fits, then its start: the file name is what tells files apart.
    const slash = text.lastIndexOf('/');
    const file = slash >= 0 ? chars.length - [...text.slice(0, slash)].length : 0;
    const head = file > 0 ? Math.max(0, keep - file) : Math.floor(keep * 0.4);
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}
/**
 * Words of `text` in lines of at most `width` columns (`rest` for the lines after the first, default the same).
 * Lines break only between words; a single word longer than its line (a key, a path) is shortened in the middle
 * rather than broken.
 */
function wrapWords(text, width, rest = width) {
    if (!Number.isFinite(width) || displayWidth(text) <= width)
        return [text];
    const lines = [];
    let line = '';
    const limit = () => (lines.length === 0 ? width : rest);
    for (const raw of text.split(/ +/)) {
        if (raw === '')
            continue;
        const word = displayWidth(raw) > limit() ? shortenMiddle(raw, Math.max(1, limit())) : raw;
        if (line === '')
            line = word;
        else if (displayWidth(line) + 1 + displayWidth(word) <= limit())
            line += ` ${word}`;
        else {
            lines.push(line);
            line = displayWidth(word) > limit() ? shortenMiddle(word, Math.max(1, limit())) : word;
        }
    }
    if (line !== '' || lines.length === 0)
        lines.push(line);
    return lines;
}
/**
 * A paragraph: `first` before the first line, continuation lines indented by `indent` (default: as wide as
 * `first`), every line within `width`. Returns the lines with a final newline.
 */
function paragraph(text, width, first = '', indent) {
    const hang = indent ?? ' '.repeat(displayWidth(first));
    const lines = wrapWords(text, Math.max(10, width - displayWidth(first)), Math.max(10, width - displayWidth(hang)));
    return [first + lines[0], ...lines.slice(1).map((l) => hang + l)].join('\n') + '\n';
}
const GAP = '  ';
/** Narrowest a shortened name may get before the layout changes: below this a name no longer says which. */
const MIN_SHORTENED = 16;
/** Narrowest a wrapped column may get in place: narrower, a sentence becomes a column of single words. */
const MIN_WRAPPED = 30;
/**
 * Rows aligned into columns, within `width`. A table that is too wide wraps by row, never by character, in the
 * first of these layouts that keeps every column readable:
 * 1. in place: the `shorten` and `wrap` columns share what the fixed columns leave (each gets what it needs, up
 *    to an equal share of the rest); names are shortened in the middle, `wrap` cells take several lines in their
 *    column;
 * 2. prose below: the fixed and `shorten` columns on the row's line, each `wrap` cell on indented lines under it;
 * 3. stacked: every cell on a line of its own under the row's first cells.
 * No line has trailing blanks.
 */
function fitTable(rows, opts = {}) {
    if (rows.length === 0)
        return '';
    const indent = opts.indent ?? '  ';
    const width = opts.width ?? Number.POSITIVE_INFINITY;
    const header = opts.header === true && rows.length > 1;
    const columns = Math.max(...rows.map((r) => r.length));
    const natural = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
    const fit = Array.from({ length: columns }, (_, i) => opts.fit?.[i] ?? 'fixed');
    const all = natural.map((_, i) => i);
    const lineWidth = (cols, ws) => displayWidth(indent) + cols.reduce((a, i) => a + ws[i], 0) + GAP.length * (cols.length - 1);
    if (lineWidth(all, natural) <= width)
        return render(rows, fit, { cols: all, widths: natural, below: [] }, indent, width, header);
    const readable = (cols, ws) => cols.every((i) => fit[i] === 'fixed' || ws[i] >= Math.min(natural[i], fit[i] === 'wrap' ? MIN_WRAPPED : MIN_SHORTENED));
    // 1. Every column on the row's line.
    const inPlace = share(all, fit, natural, width -
        lineWidth(all, natural.map((w, i) => (fit[i] === 'fixed' ? w : 0))));
    if (readable(all, inPlace))
        return render(rows, fit, { cols: all, widths: inPlace, below: [] }, indent, width, header);
    // 2. Prose on the lines below.
    const onLine = all.filter((i) => fit[i] !== 'wrap');
    const below = all.filter((i) => fit[i] === 'wrap');
    const lineWidths = share(onLine, fit, natural, width -
        lineWidth(onLine, natural.map((w, i) => (fit[i] === 'fixed' ? w : 0))));
    if (onLine.length > 0 && readable(onLine, lineWidths) && lineWidth(onLine, lineWidths) <= width)
        return render(rows, fit, { cols: onLine, widths: lineWidths, below }, indent, width, header);
    // 3. Stacked.
    return stacked(rows, fit, indent, width, header);
}
/** Max-min fair shares of `budget` among the flexible columns of `cols`; fixed columns keep their width. */
function share(cols, fit, natural, budget) {
    const widths = [...natural];
    const flexible = cols.filter((i) => fit[i] !== 'fixed').sort((a, b) => natural[a] - natural[b]);
    let left = budget;
    flexible.forEach((i, k) => {
        const fair = Math.floor(left / (flexible.length - k));
        widths[i] = Math.max(0, Math.min(natural[i], fair));
        left -= widths[i];
    });
    return widths;
}
/** Columns `cols` aligned at `widths` (cells fitted to them), then the `below` cells indented under each row. */
function render(rows, fit, layout, indent, width, header) {
    const { cols, widths, below } = layout;
    const out = [];
    rows.forEach((row, r) => {
        const cells = cols.map((i) => {
            const cell = row[i] ?? '';
            if (displayWidth(cell) <= widths[i])
                return [cell];
            return fit[i] === 'wrap' ? wrapWords(cell, widths[i]) : [shortenMiddle(cell, widths[i])];
        });
        const height = Math.max(...cells.map((c) => c.length));
        for (let line = 0; line < height; line++) {
            out.push(joinCells(cells.map((c) => c[line] ?? ''), cols.map((i) => widths[i]), indent));
        }
        if (r === 0 && header) {
            out.push(indent + cols.map((i) => '-'.repeat(widths[i])).join(GAP));
            return;
        }
        for (const i of below) {
            const cell = row[i] ?? '';
            if (cell === '')
                continue;
            const label = below.length > 1 && header ? `${rows[0][i]}: ` : '';
            out.push(paragraph(cell, width, `${indent}    ${label}`, `${indent}    `).replace(/\n$/, ''));
        }
    });
    return out.join('\n') + '\n';
}
function joinCells(cells, widths, indent) {
    const line = cells
        .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i] - displayWidth(c)))))
        .join(GAP);
    return (indent + line).replace(/ +$/, '');
}
/**
 * Each row as a short record: the cells up to its first name on one line (the name shortened to fit), the other
 * short cells on the next line, each prose cell on lines of its own; all indented under the first.
 */
function stacked(rows, fit, indent, width, header) {
    const head = header ? rows[0] : undefined;
    const body = header ? rows.slice(1) : rows;
    const lead = Math.max(0, fit.findIndex((f) => f !== 'fixed'));
    const wraps = fit.filter((f) => f === 'wrap').length;
    const deeper = `${indent}    `;
    const out = [];
    for (const row of body) {
        const before = row.slice(0, lead).filter((c) => c !== '');
        const prefix = indent + before.map((c) => c + GAP).join('');
        out.push(prefix + shortenMiddle(row[lead] ?? '', Math.max(MIN_SHORTENED, width - displayWidth(prefix))));
        const short = row.filter((c, i) => i > lead && fit[i] !== 'wrap' && c !== '').join(GAP);
        if (short !== '')
            out.push(deeper + shortenMiddle(short, Math.max(MIN_SHORTENED, width - deeper.length)));
        row.forEach((cell, i) => {
            if (i <= lead || fit[i] !== 'wrap' || cell === '')
                return;
            const label = wraps > 1 && head?.[i] ? `${head[i]}: ` : '';
            out.push(paragraph(cell, width, `${deeper}${label}`, deeper).replace(/\n$/, ''));
        });
    }
    return out.join('\n') + '\n';
}
/**
 * `== label (path) ==`, the heading of one file's details when several are shown: the path (when it differs from
 * the label) is shortened in the middle to keep the heading on one line.
 */
function fileHeading(label, path, width) {
    const frame = (inner) => `== ${inner} ==`;
    if (label === path)
        return frame(shortenMiddle(label, Math.max(MIN_SHORTENED, width - 6))) + '\n';
    const room = width - displayWidth(frame(`${label} ()`));
    const where = room >= MIN_SHORTENED ? shortenMiddle(path, room) : '';
    return (frame(where ? `${label} (${where})` : shortenMiddle(label, Math.max(MIN_SHORTENED, width - 6))) + '\n');
}


/***/ }),

/***/ 2009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ numel),
/* harmony export */   y: () => (/* binding */ numelBig)
/* harmony export */ });
/**
 * Element counts of tensor shapes. Shapes come from hostile files: `numel` is for shapes a reader has already
 * bounded (every dim a safe integer, the product checked against the byte range), `numelBig` for the checks
 * themselves, where the product can pass 2^53.
 */
/**
 * Elements of a tensor of this shape (1 for a scalar `[]`). An index loop: this runs once per key or link in a
 * short-lived process, mostly in V8's interpreter, where each for-of step allocates an iterator result.
 */
function numel(shape) {
    let n = 1;
    for (let i = 0; i < shape.length; i++)
        n *= shape[i];
    return n;
}
/** The same as a BigInt: exact for any shape. */
function numelBig(shape) {
    let n = 1n;
    for (const d of shape)
        n *= BigInt(d);
    return n;
}


/***/ }),

/***/ 1204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ ascending),
/* harmony export */   X: () => (/* binding */ byCodeUnit)
/* harmony export */ });
/**
 * Sort orders that do not depend on the machine. `localeCompare` loads ICU's collator (several ms in a cold
 * process, for a tie-break) and its order changes with the locale, so reports sorted with it would differ
 * between a laptop and a runner.
 */
/** Ascending order of two strings (by UTF-16 code unit), numbers or BigInts: -1, 0 or 1. */
function ascending(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Plain code-unit order of strings: the tie-break of every sorted list in a report. */
const byCodeUnit = ascending;


/***/ }),

/***/ 6069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ sameShape)
/* harmony export */ });
/**
 * Equality of tensor shapes. An index loop, as in numel.ts: this runs once per key or link in a short-lived
 * process, mostly in V8's interpreter, where `every` costs a closure call per dim.
 */
function sameShape(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}


/***/ })

};
;