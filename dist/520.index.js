export const id = 520;
export const ids = [520];
export const modules = {

/***/ 90520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readGguf: () => (/* binding */ readGguf),
  readGgufHeader: () => (/* binding */ readGgufHeader)
});

// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(86289);
;// CONCATENATED MODULE: ./src/formats/gguf/cursor.ts
/**
 * A forward-only, windowed reader over a `ByteSource` for the GGUF header. GGUF has no header length field, so
 * the header is read as a stream of windows (64 KiB, doubling up to 4 MiB for big tokenizer vocabularies), never
 * more than the header needs plus one window.
 *
 * Parsing is synchronous: a parse step (one key/value, one tensor info, one array element) first asks `has(n)`
 * for the bytes it needs and reads them unchecked; when they are not in the window it returns `short(n, what)`,
 * which throws the precise error when the file or the header cap cannot supply them and otherwise returns SHORT.
 * The caller then rewinds to where the step began, awaits `refill` and runs the step again. So a header in one
 * window costs no await and builds no message per field: messages are built only on the way to an error.
 */

const FIRST_WINDOW = 64 * 1024;
const MAX_WINDOW = 4 * 1024 * 1024;
/** What a parse step returns when its bytes are in the file but not yet in the window. */
const SHORT = Symbol('short');
class GgufCursor {
    source;
    limit;
    /** Absolute position of the next byte to consume. */
    pos = 0;
    buf = new Uint8Array(0);
    view = new DataView(this.buf.buffer);
    bufStart = 0;
    /** Absolute end of the window: `bufStart + buf.length`, kept as a field for the per-field checks. */
    bufEnd = 0;
    /** Absolute end of the bytes the last SHORT step asked for. */
    wantEnd = 0;
    window = FIRST_WINDOW;
    constructor(source, 
    /** Bytes past this position are refused with `GgufLimitExceeded` (the header size cap). */
    limit) {
        this.source = source;
        this.limit = limit;
    }
    get size() {
        return this.source.size;
    }
    get remaining() {
        return this.source.size - this.pos;
    }
    /** Whether bytes [pos, pos + n) are in the window. */
    has(n) {
        return this.pos + n <= this.bufEnd;
    }
    /**
     * For a step whose `has(n)` failed: throws `Truncated` (the file ends first) or `GgufLimitExceeded` (past the
     * header cap), naming `what`; otherwise notes what is wanted and returns SHORT.
     */
    short(n, what) {
        this.check(n, what);
        this.wantEnd = this.pos + n;
        return SHORT;
    }
    /** Checks that `n` more bytes exist (Truncated) and stay under the header cap (GgufLimitExceeded). */
    check(n, what) {
        if (this.pos + n > this.source.size) {
            throw new errors/* CheckpointError */.jg('Truncated', this.source.name, `${what} needs bytes ${this.pos}..${this.pos + n} but the file has ${this.source.size} bytes`);
        }
        if (this.pos + n > this.limit) {
            throw new errors/* CheckpointError */.jg('GgufLimitExceeded', this.source.name, `${what} at byte ${this.pos} would take the header past the ${this.limit}-byte limit`);
        }
    }
    /** After a SHORT step: moves back to `from` (where the step began) and loads a window holding what it wanted. */
    async refill(from) {
        this.pos = from;
        const length = Math.min(Math.max(this.wantEnd - from, this.window), this.source.size - from, this.limit - from);
        this.setWindow(from, await this.source.read(from, length));
        this.window = Math.min(this.window * 2, MAX_WINDOW);
    }
    setWindow(start, bytes) {
        this.buf = bytes;
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        this.bufStart = start;
        this.bufEnd = start + bytes.length;
    }
    /** Whether `n` more bytes exist and stay under the header cap (when not, `check` throws the error). */
    fits(n) {
        return this.pos + n <= this.source.size && this.pos + n <= this.limit;
    }
    /** Moves past `n` bytes without reading them (they need not be in the window). */
    skip(n, what) {
        this.check(n, what);
        this.pos += n;
    }
    /** `skip` for a caller that has checked `fits(n)`. */
    advance(n) {
        this.pos += n;
    }
    /** For a step that runs in an async caller: makes `n` bytes from `pos` available, or throws naming `what`. */
    async ensure(n, what) {
        this.short(n, what);
        await this.refill(this.pos);
    }
    // Unchecked reads: the step has made sure of its bytes with `has`.
    at(n) {
        const i = this.pos - this.bufStart;
        this.pos += n;
        return i;
    }
    u8() {
        return this.buf[this.at(1)];
    }
    i8() {
        return this.view.getInt8(this.at(1));
    }
    u16() {
        return this.view.getUint16(this.at(2), true);
    }
    i16() {
        return this.view.getInt16(this.at(2), true);
    }
    u32() {
        return this.view.getUint32(this.at(4), true);
    }
    i32() {
        return this.view.getInt32(this.at(4), true);
    }
    f32() {
        return this.view.getFloat32(this.at(4), true);
    }
    f64() {
        return this.view.getFloat64(this.at(8), true);
    }
    u64() {
        return this.view.getBigUint64(this.at(8), true);
    }
    i64() {
        return this.view.getBigInt64(this.at(8), true);
    }
    /**
     * A u64 as a number when it is at most 2^53 - 1, else -1 (the caller then reads it with `u64` for the
     * message or the BigInt path): lengths and counts are compared with limits far below 2^53.
     */
    u64Small() {
        const i = this.at(8);
        const hi = this.view.getUint32(i + 4, true);
        if (hi >= 0x200000)
            return -1;
        return hi * 0x100000000 + this.view.getUint32(i, true);
    }
    /** The u64 at absolute position `at` of the window (for a message about a value just read). */
    u64At(at) {
        return this.view.getBigUint64(at - this.bufStart, true);
    }
    /** `n` bytes as a view into the window (copy it if it must outlive the next refill). */
    bytes(n) {
        const i = this.at(n);
        return this.buf.subarray(i, i + n);
    }
}

// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(75094);
;// CONCATENATED MODULE: ./src/formats/gguf/types.ts
/**
 * GGUF constants: metadata value types, the ggml tensor type table and the reader's limits (docs/reference/formats.md §4.2, §4.3,
 * §4.5). Kept apart from the parser so the fixture writer and the analysis code can share the tables.
 */
/** Metadata value type ids (gguf.h `enum gguf_type`). */
const GGUF_VALUE_TYPES = [
    'UINT8',
    'INT8',
    'UINT16',
    'INT16',
    'UINT32',
    'INT32',
    'FLOAT32',
    'BOOL',
    'STRING',
    'ARRAY',
    'UINT64',
    'INT64',
    'FLOAT64'
];
/** Byte size of each fixed-size value type; STRING and ARRAY are variable (their minimum size is in the reader). */
const GGUF_VALUE_SIZE = Object.freeze({
    UINT8: 1,
    INT8: 1,
    UINT16: 2,
    INT16: 2,
    UINT32: 4,
    INT32: 4,
    FLOAT32: 4,
    BOOL: 1,
    UINT64: 8,
    INT64: 8,
    FLOAT64: 8
});
function ggufValueTypeId(name) {
    return GGUF_VALUE_TYPES.indexOf(name);
}
/** [id, name, block size, bytes per block]; ids 4, 5, 31-33 and 36-38 were removed from ggml and stay unsupported. */
const GGML_TYPE_ROWS = [
    [0, 'F32', 1, 4],
    [1, 'F16', 1, 2],
    [2, 'Q4_0', 32, 18],
    [3, 'Q4_1', 32, 20],
    [6, 'Q5_0', 32, 22],
    [7, 'Q5_1', 32, 24],
    [8, 'Q8_0', 32, 34],
    [9, 'Q8_1', 32, 40],
    [10, 'Q2_K', 256, 84],
    [11, 'Q3_K', 256, 110],
    [12, 'Q4_K', 256, 144],
    [13, 'Q5_K', 256, 176],
    [14, 'Q6_K', 256, 210],
    [15, 'Q8_K', 256, 292],
    [16, 'IQ2_XXS', 256, 66],
    [17, 'IQ2_XS', 256, 74],
    [18, 'IQ3_XXS', 256, 98],
    [19, 'IQ1_S', 256, 50],
    [20, 'IQ4_NL', 32, 18],
    [21, 'IQ3_S', 256, 110],
    [22, 'IQ2_S', 256, 82],
    [23, 'IQ4_XS', 256, 136],
    [24, 'I8', 1, 1],
    [25, 'I16', 1, 2],
    [26, 'I32', 1, 4],
    [27, 'I64', 1, 8],
    [28, 'F64', 1, 8],
    [29, 'IQ1_M', 256, 56],
    [30, 'BF16', 1, 2],
    [34, 'TQ1_0', 256, 54],
    [35, 'TQ2_0', 256, 66],
    [39, 'MXFP4', 32, 17],
    [40, 'NVFP4', 64, 36],
    [41, 'Q1_0', 128, 18],
    [42, 'Q2_0', 64, 18]
];
/** `GGML_TYPE_COUNT` at the time of writing: ids at or above it are unknown. */
const GGML_TYPE_COUNT = 43;
const REMOVED_GGML_TYPES = Object.freeze({
    4: 'Q4_2',
    5: 'Q4_3',
    31: 'Q4_0_4_4',
    32: 'Q4_0_4_8',
    33: 'Q4_0_8_8',
    36: 'IQ4_NL_4_4',
    37: 'IQ4_NL_4_8',
    38: 'IQ4_NL_8_8'
});
const PLAIN_TYPES = new Set(['F32', 'F16', 'BF16', 'F64', 'I8', 'I16', 'I32', 'I64']);
const BY_ID = new Map();
const BY_NAME = new Map();
for (const [id, name, blockSize, typeSize] of GGML_TYPE_ROWS) {
    const info = Object.freeze({
        id,
        name,
        blockSize,
        typeSize,
        quantized: !PLAIN_TYPES.has(name)
    });
    BY_ID.set(id, info);
    BY_NAME.set(name, info);
}
/** Every ggml type we can size, in id order. */
const GGML_TYPES = Object.freeze([...BY_ID.values()]);
function ggmlTypeById(id) {
    return BY_ID.get(id);
}
function ggmlTypeByName(name) {
    return BY_NAME.get(name);
}
/** The historical name of a removed type id, for the error message. */
function removedGgmlTypeName(id) {
    return REMOVED_GGML_TYPES[id];
}
/** Whether a dtype name is a quantized ggml type (Q4_K, IQ2_XS, ...), i.e. not an element-wise dtype. */
function isGgmlQuantized(dtype) {
    return BY_NAME.get(dtype)?.quantized ?? false;
}
/**
 * Byte size of a tensor of ggml type `info` with `numel` elements whose fastest dim is `ne0`, or undefined when
 * `ne0` is not a whole number of blocks (ggml rejects such tensors).
 */
function ggmlTensorBytes(info, ne0, numel) {
    const block = BigInt(info.blockSize);
    if (ne0 % block !== 0n)
        return undefined;
    return (numel / block) * BigInt(info.typeSize);
}
const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
const GGUF_DEFAULT_ALIGNMENT = 32;
/** Reader limits, with the other readers' in limits.ts. */

/** How much of a metadata value we keep in `Checkpoint.metadata` (the rest is summarised). */
const GGUF_METADATA_KEEP = Object.freeze({
    /** Arrays up to this length are kept whole; longer ones keep `head` items plus their length. */
    arrayItems: 64,
    arrayHead: 8,
    /** Strings up to this many bytes are kept whole; longer ones keep a prefix and their length. */
    stringBytes: 1 << 20,
    stringHead: 4096
});

;// CONCATENATED MODULE: ./src/formats/gguf/values.ts
/**
 * GGUF metadata values: keys and names (bounded, strict UTF-8) and values of every type, made JSON-safe. Short
 * values are kept whole; long arrays (a tokenizer vocabulary) keep their length and first items, long strings a
 * prefix, and what is not kept is skipped without being read where its size is known.
 *
 * Names and single values are synchronous steps over the cursor's window (SHORT when their bytes are not all in
 * it: see cursor.ts); arrays, which can be far larger than a window, are read element by element by an async
 * loop that refills between elements.
 */



const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
/**
 * A key or tensor name (`${kind} ${index}` in messages, e.g. "name of tensor 12"): bounded, strictly UTF-8.
 * SHORT when its bytes are not all in the window.
 */
function readName(c, file, kind, index) {
    if (!c.has(8))
        return c.short(8, `length of the ${kind} ${index}`);
    const len = c.u64Small();
    if (len < 0 || len > limits/* GGUF_LIMITS */.BC.maxNameBytes) {
        throw new errors/* CheckpointError */.jg('GgufLimitExceeded', file, `${kind} ${index} at byte ${c.pos - 8} is ${c.u64At(c.pos - 8)} bytes long; the limit is ${limits/* GGUF_LIMITS */.BC.maxNameBytes}`);
    }
    if (!c.has(len))
        return c.short(len, `the ${kind} ${index}`);
    const at = c.pos;
    const bytes = c.bytes(len);
    try {
        return strictUtf8.decode(bytes);
    }
    catch {
        throw new errors/* CheckpointError */.jg('InvalidGguf', file, `${kind} ${index} at byte ${at} is not valid UTF-8`);
    }
}
function valueTypeName(id, what, fail) {
    const name = GGUF_VALUE_TYPES[id];
    if (name === undefined)
        fail('InvalidGguf', `${what} is ${id}; valid types are 0..${GGUF_VALUE_TYPES.length - 1}`);
    return name;
}
/** Reads metadata values, keeping short ones whole and summarising long arrays and strings (`keep` = false skips). */
class ValueReader {
    c;
    file;
    warnings;
    key = '';
    utf8Warned = new Set();
    constructor(c, file, warnings) {
        this.c = c;
        this.file = file;
        this.warnings = warnings;
    }
    fail(code, detail) {
        throw new errors/* CheckpointError */.jg(code, this.file, detail);
    }
    /** A value of any type but ARRAY (see `array`), or SHORT. */
    scalar(type, keep) {
        const c = this.c;
        if (type === 'STRING')
            return this.string(keep);
        const size = GGUF_VALUE_SIZE[type];
        if (!c.has(size))
            return c.short(size, `value of ${q(this.key)}`);
        switch (type) {
            case 'UINT8':
                return c.u8();
            case 'INT8':
                return c.i8();
            case 'UINT16':
                return c.u16();
            case 'INT16':
                return c.i16();
            case 'UINT32':
                return c.u32();
            case 'INT32':
                return c.i32();
            case 'FLOAT32':
                return jsonNumber(c.f32());
            case 'FLOAT64':
                return jsonNumber(c.f64());
            case 'UINT64':
                return jsonBigInt(c.u64());
            case 'INT64':
                return jsonBigInt(c.i64());
            case 'BOOL': {
                const b = c.u8();
                if (b > 1) {
                    this.fail('InvalidGguf', `BOOL value of ${q(this.key)} at byte ${c.pos - 1} is ${b}; only 0 and 1 are valid`);
                }
                return b === 1;
            }
        }
    }
    /** A string value (undefined when not kept), or SHORT. */
    string(keep) {
        const c = this.c;
        if (!c.has(8))
            return c.short(8, `length of a string in ${q(this.key)}`);
        const n = c.u64Small();
        if (n < 0 || n > limits/* GGUF_LIMITS */.BC.maxHeaderBytes) {
            this.fail('GgufLimitExceeded', `string in ${q(this.key)} at byte ${c.pos - 8} is ${c.u64At(c.pos - 8)} bytes long, past the header limit`);
        }
        if (!c.fits(n))
            c.check(n, `a string in ${q(this.key)}`);
        if (!keep) {
            c.advance(n);
            return undefined;
        }
        const kept = n <= GGUF_METADATA_KEEP.stringBytes ? n : GGUF_METADATA_KEEP.stringHead;
        if (!c.has(kept))
            return c.short(kept, `a string in ${q(this.key)}`);
        const bytes = c.bytes(kept);
        c.advance(n - kept);
        // A summarised string may end inside a character, so only whole strings are held to strict UTF-8.
        if (kept < n)
            return `${lenientUtf8.decode(bytes)}… [${n} bytes]`;
        try {
            return strictUtf8.decode(bytes);
        }
        catch {
            if (!this.utf8Warned.has(this.key)) {
                this.utf8Warned.add(this.key);
                this.warnings.push(`metadata ${q(this.key)} holds invalid UTF-8 (shown with replacement characters)`);
            }
            return lenientUtf8.decode(bytes);
        }
    }
    async array(depth, keep) {
        const c = this.c;
        if (depth > limits/* GGUF_LIMITS */.BC.maxArrayDepth) {
            this.fail('GgufLimitExceeded', `${q(this.key)} nests arrays deeper than ${limits/* GGUF_LIMITS */.BC.maxArrayDepth}`);
        }
        if (!c.has(4))
            await c.ensure(4, `array element type of ${q(this.key)}`);
        const elementType = valueTypeName(c.u32(), `array element type of ${q(this.key)}`, (code, d) => this.fail(code, d));
        if (!c.has(8))
            await c.ensure(8, `array length of ${q(this.key)}`);
        const n = c.u64Small();
        if (n < 0 || n > limits/* GGUF_LIMITS */.BC.maxArrayElements) {
            this.fail('GgufLimitExceeded', `array ${q(this.key)} has ${c.u64At(c.pos - 8)} elements; the limit is ${limits/* GGUF_LIMITS */.BC.maxArrayElements}`);
        }
        const fixed = GGUF_VALUE_SIZE[elementType];
        const minSize = fixed ?? (elementType === 'STRING' ? 8 : 12);
        if (!c.fits(n * minSize))
            c.check(n * minSize, `array ${q(this.key)} of ${n} ${elementType}`);
        const keepCount = !keep ? 0 : n <= GGUF_METADATA_KEEP.arrayItems ? n : GGUF_METADATA_KEEP.arrayHead;
        const items = [];
        // Fixed-size elements past the kept head are skipped unread, except BOOL, whose bytes must be 0 or 1.
        const readAll = fixed === undefined || elementType === 'BOOL';
        const toRead = readAll ? n : keepCount;
        if (elementType === 'ARRAY') {
            for (let i = 0; i < toRead; i++) {
                const v = (await this.array(depth + 1, i < keepCount)).value;
                if (i < keepCount)
                    items.push(v);
            }
        }
        else {
            for (let i = 0; i < toRead;) {
                const at = c.pos;
                const v = this.scalar(elementType, i < keepCount);
                if (v === SHORT) {
                    await c.refill(at);
                    continue;
                }
                if (i < keepCount)
                    items.push(v);
                i++;
            }
        }
        if (!readAll)
            c.skip((n - keepCount) * fixed, `array ${q(this.key)}`);
        if (!keep)
            return { elementType, value: undefined };
        if (n <= GGUF_METADATA_KEEP.arrayItems)
            return { elementType, value: items };
        const summary = { type: 'array', elementType, length: n, head: items };
        return { elementType, value: summary };
    }
}
function jsonNumber(x) {
    return Number.isFinite(x) ? x : String(x);
}
function jsonBigInt(x) {
    return x <= MAX_SAFE && x >= -MAX_SAFE ? Number(x) : x.toString();
}
/** A name for a message: quoted and escaped (hostile names may hold control characters), and cut when long. */
function q(name) {
    return JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);
}

// EXTERNAL MODULE: ./src/util/numel.ts
var numel = __webpack_require__(12009);
;// CONCATENATED MODULE: ./src/formats/gguf/read.ts





const ORIG_SHAPE_PREFIX = 'comfy.gguf.orig_shape.';
const INT64_MAX = (1n << 63n) - 1n;
/** Smallest possible kv (u64 key length, 1 key byte, u32 type, 1 value byte) and tensor info (empty name, 0 dims). */
const MIN_KV_BYTES = 14;
const MIN_TENSOR_INFO_BYTES = 24;
/** Reads a GGUF file's header into a `Checkpoint`: tensors in file order, metadata made JSON-safe. */
async function readGguf(source, options = {}) {
    const header = await readGgufHeader(source, options.budget);
    options.budget?.addTensors(header.tensors.length);
    const metadata = {};
    for (const kv of header.kv) {
        // defineProperty: a `__proto__` key becomes an own property instead of replacing the prototype.
        Object.defineProperty(metadata, kv.key, {
            value: kv.value,
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
    const tensors = header.tensors.map((t) => ({
        name: t.name,
        shape: t.shape,
        dtype: t.ggmlType.name,
        byteRange: { file: source.name, start: t.start, end: t.end }
    }));
    return {
        path: source.name,
        format: 'gguf',
        bytes: source.size,
        tensors,
        metadata,
        globals: [],
        warnings: header.warnings
    };
}
/** The GGUF header with ggml-level detail (version, alignment, data start, ggml dims and types). */
async function readGgufHeader(source, budget) {
    const file = source.name;
    const fail = (code, detail) => {
        throw new errors/* CheckpointError */.jg(code, file, detail);
    };
    const c = new GgufCursor(source, limits/* GGUF_LIMITS */.BC.maxHeaderBytes);
    const warnings = [];
    if (!c.has(4))
        await c.ensure(4, 'the magic');
    const magic = c.u32();
    if (magic !== GGUF_MAGIC)
        fail('InvalidGguf', `invalid magic ${hex32(magic)} (expected "GGUF")`);
    if (!c.has(4))
        await c.ensure(4, 'the version');
    const version = c.u32();
    if (version === 0)
        fail('InvalidGguf', 'version 0 is invalid');
    if ((version & 0xffff) === 0) {
        fail('UnsupportedGguf', `version field ${hex32(version)} looks byte-swapped: big-endian GGUF is not supported`);
    }
    if (version === 1)
        fail('UnsupportedGguf', 'GGUF v1 (32-bit counts) is no longer supported; convert to v3');
    if (version > 3)
        fail('UnsupportedGguf', `GGUF version ${version} is newer than the supported versions 2 and 3`);
    const tensorCount = await readCount(c, 'tensor count', limits/* GGUF_LIMITS */.BC.maxTensors, fail);
    budget?.checkTensorCount(tensorCount, 'the GGUF header');
    const kvCount = await readCount(c, 'metadata kv count', limits/* GGUF_LIMITS */.BC.maxKv, fail);
    const minBytes = kvCount * MIN_KV_BYTES + tensorCount * MIN_TENSOR_INFO_BYTES;
    if (minBytes > c.remaining) {
        throw new errors/* CheckpointError */.jg('Truncated', file, `${kvCount} key/values and ${tensorCount} tensor infos need at least ${minBytes} bytes after byte ${c.pos}, ` +
            `but only ${c.remaining} remain`);
    }
    const values = new ValueReader(c, file, warnings);
    const kv = [];
    const keys = new Set();
    let alignment = GGUF_DEFAULT_ALIGNMENT;
    const origShapes = new Map();
    for (let i = 0; i < kvCount;) {
        // One step: the key and its value type (checked before the type is read, added once both are in).
        const at = c.pos;
        const key = readName(c, file, 'key of metadata entry', i);
        if (key === SHORT) {
            await c.refill(at);
            continue;
        }
        if (key.length === 0)
            fail('InvalidGguf', `metadata entry ${i} at byte ${at} has an empty key`);
        if (keys.has(key))
            fail('InvalidGguf', `duplicate metadata key ${q(key)}`);
        if (!c.has(4)) {
            c.short(4, `value type of ${q(key)}`);
            await c.refill(at);
            continue;
        }
        keys.add(key);
        const type = valueTypeName(c.u32(), `value type of ${q(key)}`, fail);
        values.key = key;
        const entry = { key, type, value: undefined };
        if (type === 'ARRAY') {
            const arr = await values.array(1, true);
            entry.elementType = arr.elementType;
            entry.value = arr.value;
        }
        else {
            const valueAt = c.pos;
            let value = values.scalar(type, true);
            while (value === SHORT) {
                await c.refill(valueAt);
                value = values.scalar(type, true);
            }
            entry.value = value;
        }
        if (key === 'general.alignment') {
            const a = entry.value;
            if (type !== 'UINT32')
                fail('InvalidGguf', `general.alignment has type ${type}; it must be UINT32`);
            if (typeof a !== 'number' || a === 0 || (a & (a - 1)) !== 0) {
                fail('InvalidGguf', `general.alignment ${String(a)} is not a non-zero power of two`);
            }
            alignment = a;
        }
        if (key.startsWith(ORIG_SHAPE_PREFIX))
            origShapes.set(key.slice(ORIG_SHAPE_PREFIX.length), entry);
        kv.push(entry);
        i++;
    }
    const infos = [];
    const names = new Set();
    let overFourDims = 0;
    for (let i = 0; i < tensorCount;) {
        const at = c.pos;
        const info = readTensorInfo(c, file, i, alignment, names);
        if (info === SHORT) {
            await c.refill(at);
            continue;
        }
        names.add(info.name);
        if (info.dims.length > 4)
            overFourDims++;
        infos.push(info);
        i++;
    }
    if (overFourDims > 0) {
        warnings.push(`${overFourDims} tensor(s) have more than 4 dims (ComfyUI-GGUF style; ggml's C loader rejects them)`);
    }
    // ggml pads to the alignment only when there are tensors (it seeks only then).
    const dataStart = tensorCount > 0 ? alignUp(c.pos, alignment) : c.pos;
    if (dataStart > source.size) {
        throw new errors/* CheckpointError */.jg('Truncated', file, `the data section starts at byte ${dataStart} past the end of the ${source.size}-byte file`);
    }
    const size = BigInt(source.size);
    const tensors = infos.map((t) => {
        const start = BigInt(dataStart) + t.offset;
        const end = start + t.nbytes;
        if (end > size) {
            throw new errors/* CheckpointError */.jg('Truncated', file, `tensor ${q(t.name)} needs bytes ${start}..${end} but the file has ${size} bytes`);
        }
        const shape = origShape(origShapes.get(t.name), t.dims, warnings) ?? [...t.dims].reverse();
        return { name: t.name, dims: t.dims, shape, ggmlType: t.ggmlType, offset: t.offset, start, end };
    });
    checkLayout(tensors, infos, alignment, file, warnings);
    for (const name of origShapes.keys()) {
        if (!names.has(name))
            warnings.push(`${q(ORIG_SHAPE_PREFIX + name)} names no tensor in the file`);
    }
    return { version: version, alignment, dataStart, kv, tensors, warnings };
}
/** No two non-empty tensors share bytes; offsets that are not the ggml-sequential ones only warn. */
function checkLayout(tensors, infos, alignment, file, warnings) {
    const byStart = tensors
        .filter((t) => t.end > t.start)
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (let i = 1; i < byStart.length; i++) {
        const prev = byStart[i - 1];
        const cur = byStart[i];
        if (cur.start < prev.end) {
            throw new errors/* CheckpointError */.jg('InvalidGguf', file, `tensor ${q(cur.name)} (bytes ${cur.start}..${cur.end}) overlaps tensor ${q(prev.name)} (bytes ${prev.start}..${prev.end})`);
        }
    }
    let expected = 0n;
    const align = BigInt(alignment);
    for (let i = 0; i < tensors.length; i++) {
        const t = tensors[i];
        if (t.offset !== expected) {
            warnings.push(`tensor ${q(t.name)} has offset ${t.offset}, ggml expects ${expected} (tensors are not stored in info order)`);
            break;
        }
        const nbytes = infos[i].nbytes;
        expected += ((nbytes + align - 1n) / align) * align;
    }
}
/** The ComfyUI-GGUF original shape, if it is an INT32 array with the tensor's element count. */
function origShape(kv, dims, warnings) {
    if (!kv)
        return undefined;
    const v = kv.value;
    if (kv.type !== 'ARRAY' ||
        kv.elementType !== 'INT32' ||
        !Array.isArray(v) ||
        v.some((d) => typeof d !== 'number' || d < 0)) {
        warnings.push(`${q(kv.key)} is not an array of non-negative INT32; using the reversed ggml dims`);
        return undefined;
    }
    const shape = v;
    if ((0,numel/* numelBig */.yQ)(shape) !== (0,numel/* numelBig */.yQ)(dims)) {
        warnings.push(`${q(kv.key)} [${shape.join(', ')}] does not match the tensor's ${(0,numel/* numelBig */.yQ)(dims)} elements; ignored`);
        return undefined;
    }
    return shape;
}
async function readCount(c, what, max, fail) {
    if (!c.has(8))
        await c.ensure(8, `the ${what}`);
    const n = c.u64Small();
    if (n < 0 || n > max)
        fail('GgufLimitExceeded', `${what} ${c.u64At(c.pos - 8)} is above the limit of ${max}`);
    return n;
}
/**
 * One tensor info (name, dims, type, offset) as a step over the window: SHORT when its bytes are not all in it.
 * Sizes are computed with numbers while they stay below 2^53 and with BigInt past that.
 */
function readTensorInfo(c, file, i, alignment, names) {
    const fail = (code, detail) => {
        throw new errors/* CheckpointError */.jg(code, file, detail);
    };
    const name = readName(c, file, 'name of tensor', i);
    if (name === SHORT)
        return SHORT;
    if (names.has(name))
        fail('InvalidGguf', `duplicate tensor name ${q(name)}`);
    if (!c.has(4))
        return c.short(4, `n_dims of tensor ${q(name)}`);
    const nDims = c.u32();
    if (nDims > limits/* GGUF_LIMITS */.BC.maxDims) {
        fail('GgufLimitExceeded', `tensor ${q(name)} has ${nDims} dims; at most ${limits/* GGUF_LIMITS */.BC.maxDims} are supported`);
    }
    const dims = [];
    let numel = 1;
    let bigNumel; // the exact count once it passes 2^53
    for (let d = 0; d < nDims; d++) {
        if (!c.has(8))
            return c.short(8, `dim ${d} of tensor ${q(name)}`);
        const ne = c.u64Small();
        if (ne < 0) {
            const v = BigInt.asIntN(64, c.u64At(c.pos - 8));
            if (v < 0n)
                fail('InvalidGguf', `tensor ${q(name)} has negative dim ${d} (${v})`);
            fail('GgufLimitExceeded', `tensor ${q(name)} dim ${d} (${v}) is above 2^53`);
        }
        if (bigNumel === undefined) {
            const product = numel * ne;
            if (Number.isSafeInteger(product))
                numel = product;
            else
                bigNumel = BigInt(numel) * BigInt(ne);
        }
        else
            bigNumel *= BigInt(ne);
        if (bigNumel !== undefined && bigNumel > INT64_MAX)
            fail('InvalidGguf', `tensor ${q(name)} element count overflows int64`);
        dims.push(ne);
    }
    if (!c.has(4))
        return c.short(4, `type of tensor ${q(name)}`);
    const typeId = c.u32();
    const ggmlType = ggmlTypeById(typeId);
    if (!ggmlType) {
        const removed = removedGgmlTypeName(typeId);
        fail('InvalidGguf', removed
            ? `tensor ${q(name)} has ggml type ${typeId} (${removed}), which ggml removed`
            : `tensor ${q(name)} has unknown ggml type ${typeId} (known ids are below ${GGML_TYPE_COUNT})`);
    }
    const type = ggmlType;
    const ne0 = dims[0] ?? 1;
    if (ne0 % type.blockSize !== 0) {
        fail('InvalidGguf', `tensor ${q(name)} row length ${ne0} is not a multiple of ${type.name}'s block size ${type.blockSize}`);
    }
    const nbytes = bigNumel === undefined && Number.isSafeInteger((numel / type.blockSize) * type.typeSize)
        ? BigInt((numel / type.blockSize) * type.typeSize)
        : ggmlTensorBytes(type, BigInt(ne0), bigNumel ?? BigInt(numel));
    if (!c.has(8))
        return c.short(8, `offset of tensor ${q(name)}`);
    const small = c.u64Small();
    const offset = small >= 0 ? BigInt(small) : c.u64At(c.pos - 8);
    if (small >= 0 ? small % alignment !== 0 : offset % BigInt(alignment) !== 0n) {
        fail('InvalidGguf', `tensor ${q(name)} offset ${offset} is not a multiple of the alignment ${alignment}`);
    }
    return { name, dims, ggmlType: type, offset, nbytes };
}
function alignUp(n, alignment) {
    return Math.ceil(n / alignment) * alignment;
}
function hex32(n) {
    return `0x${n.toString(16).padStart(8, '0')}`;
}


/***/ })

};

//# sourceMappingURL=520.index.js.map