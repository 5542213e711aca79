"use strict";
exports.id = 819;
exports.ids = [819];
exports.modules = {

/***/ 9242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ withPickleGlobals),
/* harmony export */   j: () => (/* binding */ pickleCheckpoint)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _pickle_scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(891);
/* harmony import */ var _state_dict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/**
 * The last step of the three pickle-based readers (torch zip, torch legacy, plain pickle): from the chosen state
 * dict to a `Checkpoint`, with the warnings each of them reports the same way, and the rule that an error on the
 * way still names every global the file's pickles import.
 */



function pickleCheckpoint(p) {
    const { selection, metadata, warnings } = p;
    const tensors = (0,_state_dict_js__WEBPACK_IMPORTED_MODULE_2__/* .toTensorInfos */ .GT)(selection.tensors, p.source.name, p.storageStart, warnings);
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

/***/ 1168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ emulatorFor),
  I: () => (/* binding */ parseStoragePid)
});

;// CONCATENATED MODULE: ./src/formats/torch/pickle/torch-dtypes.ts
/**
 * torch storage classes and dtypes, mapped to safetensors dtype names (formats.md §2.3). Storage classes are
 * what zip and legacy files name in persistent ids (`torch.FloatStorage`); dtype globals (`torch.bfloat16`)
 * arrive as arguments of `_rebuild_tensor_v3` and `_rebuild_meta_tensor_no_storage`.
 */
const STORAGE_CLASSES = new Map([
    ['DoubleStorage', { dtype: 'F64', itemsize: 8 }],
    ['FloatStorage', { dtype: 'F32', itemsize: 4 }],
    ['HalfStorage', { dtype: 'F16', itemsize: 2 }],
    ['BFloat16Storage', { dtype: 'BF16', itemsize: 2 }],
    ['LongStorage', { dtype: 'I64', itemsize: 8 }],
    ['IntStorage', { dtype: 'I32', itemsize: 4 }],
    ['ShortStorage', { dtype: 'I16', itemsize: 2 }],
    ['CharStorage', { dtype: 'I8', itemsize: 1 }],
    ['ByteStorage', { dtype: 'U8', itemsize: 1 }],
    ['BoolStorage', { dtype: 'BOOL', itemsize: 1 }],
    ['ComplexDoubleStorage', { dtype: 'C128', itemsize: 16 }],
    ['ComplexFloatStorage', { dtype: 'C64', itemsize: 8 }],
    ['QInt8Storage', { dtype: 'QINT8', itemsize: 1 }],
    ['QUInt8Storage', { dtype: 'QUINT8', itemsize: 1 }],
    ['QInt32Storage', { dtype: 'QINT32', itemsize: 4 }],
    ['QUInt4x2Storage', { dtype: 'QUINT4X2', itemsize: 1 }],
    ['QUInt2x4Storage', { dtype: 'QUINT2X4', itemsize: 1 }]
]);
/** Untyped storages count bytes; the tensor's dtype comes from `_rebuild_tensor_v3`. */
const UNTYPED = { dtype: 'U8', itemsize: 1 };
const TORCH_DTYPES = new Map([
    ['float32', { dtype: 'F32', itemsize: 4 }],
    ['float', { dtype: 'F32', itemsize: 4 }],
    ['float64', { dtype: 'F64', itemsize: 8 }],
    ['double', { dtype: 'F64', itemsize: 8 }],
    ['float16', { dtype: 'F16', itemsize: 2 }],
    ['half', { dtype: 'F16', itemsize: 2 }],
    ['bfloat16', { dtype: 'BF16', itemsize: 2 }],
    ['int64', { dtype: 'I64', itemsize: 8 }],
    ['long', { dtype: 'I64', itemsize: 8 }],
    ['int32', { dtype: 'I32', itemsize: 4 }],
    ['int', { dtype: 'I32', itemsize: 4 }],
    ['int16', { dtype: 'I16', itemsize: 2 }],
    ['short', { dtype: 'I16', itemsize: 2 }],
    ['int8', { dtype: 'I8', itemsize: 1 }],
    ['uint8', { dtype: 'U8', itemsize: 1 }],
    ['uint16', { dtype: 'U16', itemsize: 2 }],
    ['uint32', { dtype: 'U32', itemsize: 4 }],
    ['uint64', { dtype: 'U64', itemsize: 8 }],
    ['bool', { dtype: 'BOOL', itemsize: 1 }],
    ['complex32', { dtype: 'C32', itemsize: 4 }],
    ['chalf', { dtype: 'C32', itemsize: 4 }],
    ['complex64', { dtype: 'C64', itemsize: 8 }],
    ['cfloat', { dtype: 'C64', itemsize: 8 }],
    ['complex128', { dtype: 'C128', itemsize: 16 }],
    ['cdouble', { dtype: 'C128', itemsize: 16 }],
    ['float8_e4m3fn', { dtype: 'F8_E4M3', itemsize: 1 }],
    ['float8_e5m2', { dtype: 'F8_E5M2', itemsize: 1 }],
    ['float8_e4m3fnuz', { dtype: 'F8_E4M3FNUZ', itemsize: 1 }],
    ['float8_e5m2fnuz', { dtype: 'F8_E5M2FNUZ', itemsize: 1 }],
    ['float8_e8m0fnu', { dtype: 'F8_E8M0', itemsize: 1 }],
    // two 4-bit values per element: shape counts pairs, so keep torch's name rather than safetensors' F4
    ['float4_e2m1fn_x2', { dtype: 'F4_E2M1FN_X2', itemsize: 1 }],
    ['bits8', { dtype: 'BITS8', itemsize: 1 }],
    ['bits16', { dtype: 'BITS16', itemsize: 2 }],
    ['bits1x8', { dtype: 'BITS1X8', itemsize: 1 }],
    ['bits2x4', { dtype: 'BITS2X4', itemsize: 1 }],
    ['bits4x2', { dtype: 'BITS4X2', itemsize: 1 }],
    ['qint8', { dtype: 'QINT8', itemsize: 1 }],
    ['quint8', { dtype: 'QUINT8', itemsize: 1 }],
    ['qint32', { dtype: 'QINT32', itemsize: 4 }],
    ['quint4x2', { dtype: 'QUINT4X2', itemsize: 1 }],
    ['quint2x4', { dtype: 'QUINT2X4', itemsize: 1 }]
]);
/** The dtype of a storage class global (`torch.FloatStorage`, `torch.cuda.HalfStorage`, `torch.UntypedStorage`). */
function storageClassDtype(module, name) {
    if ((module === 'torch' || module === 'torch.storage') && name === 'UntypedStorage')
        return UNTYPED;
    if (module !== 'torch' && module !== 'torch.cuda')
        return undefined;
    return STORAGE_CLASSES.get(name);
}
/** The dtype named by a `torch.<dtype>` global. */
function torchDtype(module, name) {
    return module === 'torch' ? TORCH_DTYPES.get(name) : undefined;
}

// EXTERNAL MODULE: ./src/formats/torch/pickle/values.ts
var values = __webpack_require__(6880);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/emulation.ts


function asItems(v) {
    if (v !== null && typeof v === 'object' && (v.kind === 'tuple' || v.kind === 'list'))
        return v.items;
    return undefined;
}
function intArg(v, what, fn, ctx) {
    if (typeof v === 'bigint')
        return v;
    if (typeof v === 'boolean')
        return v ? 1n : 0n;
    return ctx.fail('InvalidTorchFile', `${fn}: ${what} must be an int, got ${(0,values/* describeValue */.bp)(v)}`);
}
function dimsArg(v, what, fn, ctx) {
    // torch.Size is a tuple subclass; older files pickle it as `torch.Size((...))`, emulated to a tuple below
    const items = asItems(v);
    if (items === undefined)
        return ctx.fail('InvalidTorchFile', `${fn}: ${what} must be a tuple, got ${(0,values/* describeValue */.bp)(v)}`);
    // a plain loop, and the dimension's name only when it is not an int: this runs for every size and stride
    const dims = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
        const d = items[i];
        dims[i] = typeof d === 'bigint' ? d : intArg(d, `${what}[${i}]`, fn, ctx);
    }
    return dims;
}
function isStorage(v) {
    return v !== null && typeof v === 'object' && v.kind === 'storage';
}
function isTensor(v) {
    return v !== null && typeof v === 'object' && v.kind === 'tensor';
}
function dtypeArg(v, fn, ctx) {
    const info = v !== null && typeof v === 'object' && v.kind === 'global' ? torchDtype(v.module, v.name) : undefined;
    return info ?? ctx.fail('InvalidTorchFile', `${fn}: dtype must be a torch dtype, got ${(0,values/* describeValue */.bp)(v)}`);
}
function checkLayout(shape, stride, offset, fn, ctx) {
    if (shape.length !== stride.length) {
        ctx.fail('InvalidTorchFile', `${fn}: size has ${shape.length} dims but stride has ${stride.length}`);
    }
    if (offset < 0n)
        ctx.fail('InvalidTorchFile', `${fn}: negative storage offset ${offset}`);
    for (let i = 0; i < shape.length; i++) {
        if (shape[i] < 0n)
            ctx.fail('InvalidTorchFile', `${fn}: negative size ${shape[i]} in dim ${i}`);
        if (stride[i] < 0n)
            ctx.fail('InvalidTorchFile', `${fn}: negative stride ${stride[i]} in dim ${i}`);
    }
}
/** `_rebuild_tensor(storage, storage_offset, size, stride, ...)`; v3 passes the dtype explicitly. */
function rebuildTensor(args, ctx, fn, v3) {
    const minArgs = fn.endsWith('_rebuild_tensor') ? 4 : v3 ? 7 : 6;
    if (args.length < minArgs)
        ctx.fail('InvalidTorchFile', `${fn}: expected ${minArgs} arguments, got ${args.length}`);
    const storageArg = args[0];
    const storageOffset = intArg(args[1], 'storage_offset', fn, ctx);
    const shape = dimsArg(args[2], 'size', fn, ctx);
    const stride = dimsArg(args[3], 'stride', fn, ctx);
    checkLayout(shape, stride, storageOffset, fn, ctx);
    const storage = isStorage(storageArg) ? storageArg : undefined;
    let dtype = storage?.dtype ?? 'UNKNOWN';
    let itemsize = storage?.itemsize ?? 1;
    if (v3)
        ({ dtype, itemsize } = dtypeArg(args[6], fn, ctx));
    const tensor = {
        kind: 'tensor',
        dtype,
        itemsize,
        storageOffset,
        shape,
        stride,
        requiresGrad: args[4] === true,
        parameter: false,
        rebuiltBy: fn
    };
    if (storage !== undefined)
        tensor.storage = storage;
    return tensor;
}
function rebuildParameter(args, ctx, fn) {
    const data = args[0];
    if (!isTensor(data))
        return ctx.fail('InvalidTorchFile', `${fn}: data must be a tensor, got ${(0,values/* describeValue */.bp)(data)}`);
    return { ...data, parameter: true, requiresGrad: args[1] === true };
}
function metaTensor(args, ctx, fn) {
    const { dtype, itemsize } = dtypeArg(args[0], fn, ctx);
    const shape = dimsArg(args[1], 'size', fn, ctx);
    const stride = dimsArg(args[2], 'stride', fn, ctx);
    checkLayout(shape, stride, 0n, fn, ctx);
    return {
        kind: 'tensor',
        dtype,
        itemsize,
        storageOffset: 0n,
        shape,
        stride,
        requiresGrad: args[3] === true,
        parameter: false,
        rebuiltBy: fn
    };
}
function orderedDict(args, _ctx, fn) {
    const d = (0,values/* pyDict */.IO)(fn);
    const init = args[0];
    const pairs = asItems(init);
    if (pairs !== undefined) {
        for (const p of pairs) {
            const kv = asItems(p);
            if (kv !== undefined && kv.length === 2)
                (0,values/* dictSet */.Ff)(d, kv[0], kv[1]);
        }
    }
    else if (init !== null && typeof init === 'object' && init.kind === 'dict') {
        for (const entry of init.entries)
            (0,values/* dictSet */.Ff)(d, entry[0], entry[1]);
    }
    return d;
}
function makeSet(frozen) {
    return (args) => ({ kind: 'set', items: [...(asItems(args[0]) ?? [])], frozen });
}
/** `_codecs.encode(text, 'latin1')` is how protocol 2 spells a bytes literal. */
function codecsEncode(args, ctx, fn) {
    const [text, encoding] = args;
    if (typeof text !== 'string')
        return ctx.fail('InvalidPickle', `${fn}: expected a str, got ${(0,values/* describeValue */.bp)(text)}`);
    const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/[-_]/g, '') : 'utf8';
    if (enc === 'latin1' || enc === 'iso88591') {
        const data = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c > 0xff)
                return ctx.fail('InvalidPickle', `${fn}: character U+${c.toString(16)} is not latin-1`);
            data[i] = c;
        }
        return { kind: 'bytes', data, mutable: false };
    }
    return { kind: 'bytes', data: new TextEncoder().encode(text), mutable: false };
}
function bytearray(args) {
    const a = args[0];
    if (a !== null && typeof a === 'object' && a.kind === 'bytes')
        return { kind: 'bytes', data: a.data, mutable: true };
    return { kind: 'bytes', data: new Uint8Array(0), mutable: true };
}
function torchSize(args) {
    return (0,values/* pyTuple */.ED)([...(asItems(args[0]) ?? [])]);
}
/** `torch._tensor._rebuild_from_type_v2(func, new_type, args, state)`: a tensor subclass, rebuilt by `func(*args)`. */
function rebuildFromType(args, ctx) {
    const inner = args[0];
    const innerArgs = asItems(args[2]);
    if (inner !== null && typeof inner === 'object' && inner.kind === 'global' && innerArgs !== undefined) {
        return emulateCall(inner, innerArgs, ctx);
    }
    return undefined;
}
const EMULATORS = new Map([
    ['collections.OrderedDict', orderedDict],
    ['collections.Counter', orderedDict],
    ['builtins.set', makeSet(false)],
    ['builtins.frozenset', makeSet(true)],
    ['builtins.bytearray', bytearray],
    ['_codecs.encode', codecsEncode],
    ['torch.Size', torchSize],
    ['torch._utils._rebuild_tensor', (a, c, f) => rebuildTensor(a, c, f, false)],
    ['torch._utils._rebuild_tensor_v2', (a, c, f) => rebuildTensor(a, c, f, false)],
    ['torch._utils._rebuild_tensor_v3', (a, c, f) => rebuildTensor(a, c, f, true)],
    ['torch._utils._rebuild_parameter', rebuildParameter],
    ['torch._utils._rebuild_parameter_with_state', rebuildParameter],
    ['torch.nn.parameter.Parameter', rebuildParameter],
    ['torch._utils._rebuild_meta_tensor_no_storage', metaTensor],
    ['torch._tensor._rebuild_from_type_v2', rebuildFromType]
]);
/**
 * The emulator of a callable named by its effective (Python 3) `module.name`, or undefined when calls of it
 * stay inert. The unpickler looks it up once per imported global and keeps it for every call.
 */
function emulatorFor(fn) {
    return EMULATORS.get(fn);
}
/**
 * The symbolic result of calling `callee(*args)`, or undefined when the callee is not emulated (the caller then
 * builds an inert `PyObject`). `module` and `name` must be the effective (Python 3) names.
 */
function emulateCall(callee, args, ctx) {
    const fn = `${callee.module}.${callee.name}`;
    const emulator = EMULATORS.get(fn);
    return emulator === undefined ? undefined : emulator(args, ctx, fn);
}
/**
 * A storage object for a persistent id `('storage', storage_class, key, location, numel[, view_metadata])`,
 * or a message saying why the id is not one. Shared by the zip and legacy loaders.
 */
function parseStoragePid(pid) {
    const items = asItems(pid);
    if (items === undefined || pid.kind !== 'tuple') {
        return { error: `persistent id is a ${(0,values/* describeValue */.bp)(pid)}, not a tuple`, notStorage: true };
    }
    if (items[0] !== 'storage') {
        return {
            error: `persistent id type ${JSON.stringify((0,values/* describeValue */.bp)(items[0]))} is not 'storage'`,
            notStorage: true
        };
    }
    if (items.length !== 5 && items.length !== 6)
        return { error: `storage id has ${items.length} fields, not 5 or 6` };
    // indexed rather than destructured: array destructuring runs the iterator protocol, per storage, in cold code
    const cls = items[1];
    const key = items[2];
    const location = items[3];
    const numel = items[4];
    const view = items[5];
    if (cls === null || typeof cls !== 'object' || cls.kind !== 'global') {
        return { error: `storage class is a ${(0,values/* describeValue */.bp)(cls)}` };
    }
    const info = storageClassDtype(cls.module, cls.name);
    if (info === undefined)
        return { error: `unknown storage class ${cls.module}.${cls.name}` };
    if (typeof key !== 'string')
        return { error: `storage key is a ${(0,values/* describeValue */.bp)(key)}, not a str` };
    if (typeof location !== 'string')
        return { error: `storage location is a ${(0,values/* describeValue */.bp)(location)}, not a str` };
    if (typeof numel !== 'bigint' || numel < 0n)
        return { error: `storage size is ${(0,values/* describeValue */.bp)(numel)}, not an int >= 0` };
    const storage = {
        kind: 'storage',
        key,
        dtype: info.dtype,
        itemsize: info.itemsize,
        numel,
        location,
        className: `${cls.module}.${cls.name}`
    };
    if (view === undefined || view === null)
        return { storage };
    // legacy view_metadata = (view_key, offset, size), offset and size in elements of the root storage
    const v = asItems(view);
    if (v === undefined || v.length !== 3 || typeof v[0] !== 'string' || typeof v[1] !== 'bigint') {
        return { error: 'storage view metadata is not (str, int, int)' };
    }
    const size = v[2];
    if (typeof size !== 'bigint' || v[1] < 0n || size < 0n || v[1] + size > numel) {
        return { error: `storage view ${v[0]} lies outside its root storage ${key}` };
    }
    return { storage: { ...storage, viewOffset: v[1], numel: size }, viewKey: v[0] };
}


/***/ }),

/***/ 7559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ globalNote),
/* harmony export */   Sq: () => (/* binding */ classifyGlobal),
/* harmony export */   Tx: () => (/* binding */ effectiveGlobal),
/* harmony export */   ZC: () => (/* binding */ NON_STRING_MODULE)
/* harmony export */ });
/* unused harmony exports ALLOWED_GLOBALS, DANGEROUS_GLOBALS */
/** Python 2 names that `pickle` maps on load (`_compat_pickle`), so `__builtin__.eval` is `builtins.eval`. */
const MODULE_MAPPING = {
    __builtin__: 'builtins',
    exceptions: 'builtins',
    copy_reg: 'copyreg',
    cPickle: 'pickle',
    commands: 'subprocess',
    httplib: 'http.client',
    urllib2: 'urllib.request',
    UserDict: 'collections',
    UserList: 'collections',
    UserString: 'collections',
    Queue: 'queue',
    thread: '_thread',
    cStringIO: 'io',
    StringIO: 'io',
    __main__: '__main__'
};
const NAME_MAPPING = {
    '__builtin__.xrange': ['builtins', 'range'],
    '__builtin__.reduce': ['functools', 'reduce'],
    '__builtin__.intern': ['sys', 'intern'],
    '__builtin__.unichr': ['builtins', 'chr'],
    '__builtin__.unicode': ['builtins', 'str'],
    '__builtin__.long': ['builtins', 'int'],
    '__builtin__.basestring': ['builtins', 'str'],
    'itertools.izip': ['builtins', 'zip'],
    'itertools.imap': ['builtins', 'map'],
    'itertools.ifilter': ['builtins', 'filter']
};
/** The effective module and name Python 3 would import for a global written as `module name`. */
function effectiveGlobal(module, name) {
    const mapped = NAME_MAPPING[`${module}.${name}`];
    if (mapped !== undefined)
        return { module: mapped[0], name: mapped[1] };
    const m = Object.prototype.hasOwnProperty.call(MODULE_MAPPING, module) ? MODULE_MAPPING[module] : module;
    return { module: m, name };
}
const TORCH_STORAGES = [
    'Double',
    'Float',
    'Half',
    'BFloat16',
    'Long',
    'Int',
    'Short',
    'Char',
    'Byte',
    'Bool',
    'ComplexDouble',
    'ComplexFloat',
    'QInt8',
    'QUInt8',
    'QInt32',
    'QUInt4x2',
    'QUInt2x4'
];
const TORCH_DTYPES = [
    'float32',
    'float',
    'float64',
    'double',
    'float16',
    'half',
    'bfloat16',
    'int64',
    'long',
    'int32',
    'int',
    'int16',
    'short',
    'int8',
    'uint8',
    'bool',
    'complex32',
    'chalf',
    'complex64',
    'cfloat',
    'complex128',
    'cdouble',
    'float8_e5m2',
    'float8_e4m3fn',
    'float8_e5m2fnuz',
    'float8_e4m3fnuz',
    'float8_e8m0fnu',
    'float4_e2m1fn_x2',
    'bits8',
    'bits16',
    'bits1x8',
    'bits2x4',
    'bits4x2',
    'uint16',
    'uint32',
    'uint64',
    'qint8',
    'quint8',
    'qint32',
    'quint4x2',
    'quint2x4',
    ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [`uint${n}`, `int${n}`])
];
const TORCH_TENSOR_CLASSES = [
    'Double',
    'Float',
    'Half',
    'BFloat16',
    'Long',
    'Int',
    'Short',
    'Char',
    'Byte',
    'Bool'
];
const TORCH_REBUILDERS = [
    '_rebuild_parameter',
    '_rebuild_parameter_with_state',
    '_rebuild_qtensor',
    '_rebuild_tensor',
    '_rebuild_tensor_v2',
    '_rebuild_tensor_v3',
    '_rebuild_sparse_tensor',
    '_rebuild_meta_tensor_no_storage',
    '_rebuild_wrapper_subclass',
    '_rebuild_device_tensor_from_numpy',
    '_rebuild_device_tensor_from_cpu_tensor'
];
/** Numpy helpers PyTorch does not allow but old checkpoints carry; data-only, reported with a note. */
const NUMPY_DATA = [
    'numpy.core.multiarray._reconstruct',
    'numpy._core.multiarray._reconstruct',
    'numpy.core.multiarray.scalar',
    'numpy._core.multiarray.scalar',
    'numpy.dtype',
    'numpy.ndarray'
];
/** Exact `module.name` strings of the allowed tier. */
const ALLOWED_GLOBALS = new Set([
    'collections.OrderedDict',
    'collections.Counter',
    'torch.nn.parameter.Parameter',
    'torch.serialization._get_layout',
    'torch.Size',
    'torch.Tensor',
    'torch.device',
    '_codecs.encode',
    'builtins.bytearray',
    'builtins.set',
    'builtins.frozenset',
    'builtins.complex',
    'torch.UntypedStorage',
    'torch.storage.UntypedStorage',
    'torch.storage.TypedStorage',
    'torch.per_tensor_affine',
    'torch.per_tensor_symmetric',
    'torch.per_channel_affine',
    'torch.per_channel_symmetric',
    'torch.per_channel_affine_float_qparams',
    'torch._tensor._rebuild_from_type_v2',
    ...TORCH_STORAGES.flatMap((s) => [`torch.${s}Storage`, `torch.cuda.${s}Storage`]),
    ...TORCH_DTYPES.map((d) => `torch.${d}`),
    ...TORCH_TENSOR_CLASSES.flatMap((t) => [`torch.${t}Tensor`, `torch.cuda.${t}Tensor`]),
    ...TORCH_REBUILDERS.map((f) => `torch._utils.${f}`),
    ...NUMPY_DATA
]);
/**
 * Denylist entries. `module` alone covers the module, its submodules and every name in it; `module:name` covers
 * that name and its attributes (`trace:Trace.run` covers `Trace.run`).
 */
const DANGEROUS_GLOBALS = [
    // picklescan 1.0.5 (_unsafe_globals), whole modules
    'aiohttp',
    'asyncio',
    'bdb',
    'commands',
    'ctypes',
    'httplib',
    'http.client',
    'numpy.f2py',
    'numpy.testing._private.utils',
    'nt',
    'posix',
    'os',
    'requests.api',
    'runpy',
    'shutil',
    'socket',
    'ssl',
    'subprocess',
    'sys',
    'cProfile',
    'distutils.file_util',
    'pdb',
    'pickle',
    '_pickle',
    'pip',
    'pty',
    'profile',
    'pydoc',
    'test',
    'timeit',
    'urllib.request',
    'uuid',
    'venv',
    'webbrowser',
    '_osx_support',
    '_aix_support',
    '_pyrepl',
    'idlelib',
    'lib2to3',
    'torch.utils.bottleneck.__main__',
    // picklescan, single names
    'builtins:eval',
    'builtins:compile',
    'builtins:getattr',
    'builtins:apply',
    'builtins:exec',
    'builtins:open',
    'builtins:breakpoint',
    'cloudpickle.cloudpickle:_builtin_type',
    'cloudpickle.cloudpickle:_make_function',
    'cloudpickle.cloudpickle:_function_setstate',
    'cloudpickle.cloudpickle:_make_cell',
    'cloudpickle.cloudpickle:_make_empty_cell',
    'cloudpickle.cloudpickle:subimport',
    'types:CodeType',
    'functools:partial',
    'logging:FileHandler',
    '_io:FileIO',
    'io:FileIO',
    '_operator:attrgetter',
    '_operator:itemgetter',
    '_operator:methodcaller',
    'operator:attrgetter',
    'operator:itemgetter',
    'operator:methodcaller',
    'code:InteractiveInterpreter.runcode',
    'doctest:debug_script',
    'ensurepip:_run_pip',
    'imaplib:IMAP4_stream',
    'pkgutil:resolve_name',
    'torch._dynamo.guards:GuardBuilder.get',
    'torch._inductor.codecache:compile_file',
    'torch.fx.experimental.symbolic_shapes:ShapeEnv.evaluate_guards_expression',
    'torch.jit.unsupported_tensor_ops:execWrapper',
    'torch.serialization:load',
    'torch.utils._config_module:ConfigModule.load_config',
    'torch.utils.collect_env:run',
    'torch.utils.data.datapipes.utils.decoder:basichandlers',
    'trace:Trace.run',
    'trace:Trace.runctx',
    // modelscan (CRITICAL and HIGH) beyond the above
    'builtins:__import__',
    'aiohttp.client',
    // fickling UNSAFE_IMPORTS (module level)
    '__builtin__',
    '__builtins__',
    'builtins',
    'multiprocessing',
    '_posixsubprocess',
    'code',
    'codeop',
    'marshal',
    'types',
    'compile',
    'exec',
    'eval',
    'doctest',
    '_interpreters',
    '_xxsubinterpreters',
    'importlib',
    '_frozen_importlib',
    '_frozen_importlib_external',
    '_imp',
    'imp',
    'pkgutil',
    'zipimport',
    'gc',
    'site',
    'unittest',
    'inspect',
    '_operator',
    'operator',
    'functools',
    // formats.md §3.5: nested loaders and serializers
    'torch.storage:_load_from_bytes',
    'numpy:load',
    'pandas:read_pickle',
    'pandas.io.pickle:read_pickle',
    'joblib:load',
    'dill',
    '_ctypes',
    'cloudpickle'
];
const DANGEROUS_MODULES = new Set(DANGEROUS_GLOBALS.filter((e) => !e.includes(':')));
const DANGEROUS_NAMES = new Set(DANGEROUS_GLOBALS.filter((e) => e.includes(':')).map((e) => e.replace(':', '.')));
function isDangerous(module, name) {
    // module, then each parent module: `os.path` is covered by `os`.
    for (let m = module; m.length > 0; m = m.slice(0, Math.max(0, m.lastIndexOf('.')))) {
        if (DANGEROUS_MODULES.has(m))
            return true;
        if (!m.includes('.'))
            break;
    }
    // the name and each qualifying prefix of it: `Trace.run.x` is covered by `Trace.run`.
    const parts = name.split('.');
    for (let i = parts.length; i > 0; i--) {
        if (DANGEROUS_NAMES.has(`${module}.${parts.slice(0, i).join('.')}`))
            return true;
    }
    // A dotted name can spell a submodule: GLOBAL `os path.join` imports `os` anyway.
    if (parts.length > 1 && DANGEROUS_MODULES.has(`${module}.${parts[0]}`))
        return true;
    return false;
}
/**
 * Module name recorded for a STACK_GLOBAL whose operands are not strings: Python refuses it, but a pickle that
 * tries it is hostile (formats.md §3.5), so it is always dangerous.
 */
const NON_STRING_MODULE = '<non-string>';
function isAllowed(module, name) {
    if (ALLOWED_GLOBALS.has(`${module}.${name}`))
        return true;
    return module === 'numpy.dtypes' && /^[A-Za-z0-9]+DType$/.test(name);
}
/**
 * The tier of a global as written in the pickle. The allowlist is matched on the effective (Python 3) name,
 * which is the object Python would load (`__builtin__.set` is `builtins.set`); the denylist is matched on both
 * spellings, so an alias cannot launder a dangerous name.
 */
function classifyGlobal(module, name) {
    if (module === NON_STRING_MODULE)
        return 'dangerous';
    const eff = effectiveGlobal(module, name);
    if (isAllowed(eff.module, eff.name))
        return 'allowed';
    if (isDangerous(module, name) || isDangerous(eff.module, eff.name))
        return 'dangerous';
    return 'unknown';
}
/** A short note for globals whose tier needs explaining in a report, else undefined. */
function globalNote(module, name) {
    const key = `${effectiveGlobal(module, name).module}.${name}`;
    if (NUMPY_DATA.includes(key) || module === 'numpy.dtypes') {
        return 'numpy data helper: not allowed by torch weights_only; Hugging Face marks it suspicious';
    }
    return undefined;
}


/***/ }),

/***/ 891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ globalWarnings),
/* harmony export */   GQ: () => (/* binding */ scanGlobals),
/* harmony export */   Pv: () => (/* binding */ mergeGlobals),
/* harmony export */   _j: () => (/* binding */ ScanRecorder),
/* harmony export */   z4: () => (/* binding */ PickleError)
/* harmony export */ });
/* unused harmony export globalsOfError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _globals_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7559);
/**
 * What a pickle does, recorded while it is (symbolically) run: every imported global with its tier, every call
 * site (including calls whose result is discarded), and structural anomalies. The record survives a parse error
 * (`PickleError.scan` / `.globals`), because a "broken pickle" can run its payload before the part that breaks.
 */


const MAX_ANOMALIES = 100;
class ScanRecorder {
    scan;
    importIndex = new Map();
    callIndex = new Map();
    constructor(where) {
        this.scan = { where, imports: [], calls: [], anomalies: [], opcodes: 0 };
    }
    /** Record an import; returns its tier. */
    recordImport(writtenModule, writtenName, offset) {
        const { module, name } = (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .effectiveGlobal */ .Tx)(writtenModule, writtenName);
        const key = `${module}\u0000${name}`;
        let entry = this.importIndex.get(key);
        if (entry === undefined) {
            entry = {
                module,
                name,
                tier: (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyGlobal */ .Sq)(writtenModule, writtenName),
                count: 0,
                firstOffset: offset
            };
            const note = (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .globalNote */ .AE)(module, name);
            if (note !== undefined)
                entry.note = note;
            this.importIndex.set(key, entry);
            this.scan.imports.push(entry);
        }
        else if (entry.tier !== 'dangerous') {
            // a different spelling of the same effective name may classify worse
            const tier = (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyGlobal */ .Sq)(writtenModule, writtenName);
            if (tier === 'dangerous' || (tier === 'unknown' && entry.tier === 'allowed'))
                entry.tier = tier;
        }
        entry.count++;
        return entry.tier;
    }
    recordCall(callee, tier, opcode, offset, emulated) {
        this.callSite(callee, tier, opcode, offset, emulated).count++;
    }
    /**
     * The record of calls of `callee` by `opcode`, created (with count 0) on first use. The unpickler keeps it per
     * imported global and opcode and counts on it directly, rather than building a key string for every call.
     */
    callSite(callee, tier, opcode, offset, emulated) {
        const key = `${callee}\u0000${opcode}`;
        let entry = this.callIndex.get(key);
        if (entry === undefined) {
            entry = { callee, opcode, tier, count: 0, firstOffset: offset, emulated };
            this.callIndex.set(key, entry);
            this.scan.calls.push(entry);
        }
        return entry;
    }
    anomaly(message) {
        const list = this.scan.anomalies;
        if (list.length < MAX_ANOMALIES && !list.includes(message))
            list.push(message);
    }
}
/** The imports of one scan as `Checkpoint.globals` entries. */
function scanGlobals(scan) {
    return scan.imports.map((g) => ({
        module: g.module,
        name: g.name,
        tier: g.tier,
        where: scan.where,
        count: g.count
    }));
}
/**
 * A reader error raised while or after reading pickles. It is a `CheckpointError` (same code, file, detail)
 * that also carries every global imported before the failure, so a gate can still report a dangerous import
 * in a file that does not parse.
 */
class PickleError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg {
    /** Globals imported by every pickle read before the failure (including the failing one, up to the error). */
    globals;
    /** The failing pickle's scan, when the failure is inside a pickle. */
    scan;
    /** Offset of the failing opcode within that pickle. */
    offset;
    constructor(code, file, detail, extra) {
        // The message is all a user sees of a file that does not read (the CLI's stderr, the gate's error row, the
        // PR comment): it must not hide that the pickle imports something dangerous.
        const shown = withDangerNote(detail, extra.globals);
        super(code, file, shown, extra.cause === undefined ? undefined : { cause: extra.cause });
        this.name = 'PickleError';
        this.globals = extra.globals;
        if (extra.scan !== undefined)
            this.scan = extra.scan;
        if (extra.offset !== undefined)
            this.offset = extra.offset;
    }
    /** The same error with more globals in front (globals of pickles read before the failing one). */
    static withGlobals(e, globals) {
        const own = e instanceof PickleError ? e.globals : [];
        const all = mergeGlobals([...globals, ...own]);
        const extra = {
            globals: all,
            cause: e
        };
        if (e instanceof PickleError) {
            if (e.scan !== undefined)
                extra.scan = e.scan;
            if (e.offset !== undefined)
                extra.offset = e.offset;
        }
        return new PickleError(e.code, e.file, e.detail, extra);
    }
}
const DANGER_NOTE = '; the pickle imports dangerous globals (nothing was executed): ';
const MAX_DANGER_NAMES = 5;
/** `detail` with the dangerous globals named once at its end (replacing an earlier note: the list may have grown). */
function withDangerNote(detail, globals) {
    const names = [
        ...new Set(globals.filter((g) => g.tier === 'dangerous').map((g) => `${g.module}.${g.name}`))
    ];
    const at = detail.indexOf(DANGER_NOTE);
    const base = at < 0 ? detail : detail.slice(0, at);
    if (names.length === 0)
        return base;
    const more = names.length > MAX_DANGER_NAMES ? ` and ${names.length - MAX_DANGER_NAMES} more` : '';
    return `${base}${DANGER_NOTE}${names.slice(0, MAX_DANGER_NAMES).join(', ')}${more}`;
}
/** Globals reported by a failed read (empty when the error carries none). */
function globalsOfError(e) {
    return e instanceof PickleError ? e.globals : [];
}
/** Merge entries with the same module, name and `where`, summing counts (keeps first-seen order). */
function mergeGlobals(list) {
    const out = new Map();
    for (const g of list) {
        const key = `${g.where}\u0000${g.module}\u0000${g.name}`;
        const seen = out.get(key);
        if (seen === undefined)
            out.set(key, { ...g });
        else
            seen.count += g.count;
    }
    return [...out.values()];
}
/** One warning per dangerous or unknown global (allowed ones are the normal torch vocabulary). */
function globalWarnings(globals) {
    const out = [];
    for (const g of globals) {
        if (g.tier === 'dangerous') {
            out.push(`pickle ${g.where} imports dangerous global ${g.module}.${g.name} (reported, never executed)`);
        }
    }
    const unknown = globals.filter((g) => g.tier === 'unknown');
    if (unknown.length > 0) {
        const names = unknown.slice(0, 5).map((g) => `${g.module}.${g.name}`);
        out.push(`${unknown.length} unknown globals (${names.join(', ')}${unknown.length > 5 ? ', ...' : ''}): torch.load needs weights_only=False`);
    }
    return out;
}


/***/ }),

/***/ 2736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ StorageRegistry)
/* harmony export */ });
/* harmony import */ var _emulation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1168);

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

/***/ 4954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ag: () => (/* reexport */ NeedMoreInput),
  Kc: () => (/* binding */ unpickle)
});

// UNUSED EXPORTS: DEFAULT_UNPICKLE_LIMITS

// EXTERNAL MODULE: ./src/formats/torch/pickle/emulation.ts + 1 modules
var emulation = __webpack_require__(1168);
// EXTERNAL MODULE: ./src/formats/torch/pickle/globals-policy.ts
var globals_policy = __webpack_require__(7559);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/opcodes.ts
/**
 * Pickle opcodes, protocols 0 to 5 (CPython `Lib/pickletools.py` is the reference for names and arguments).
 * Only the byte values live here; the interpreter in unpickler.ts gives them meaning.
 */
const Op = {
    MARK: 0x28, // (
    STOP: 0x2e, // .
    POP: 0x30, // 0
    POP_MARK: 0x31, // 1
    DUP: 0x32, // 2
    FLOAT: 0x46, // F
    INT: 0x49, // I
    BININT: 0x4a, // J
    BININT1: 0x4b, // K
    LONG: 0x4c, // L
    BININT2: 0x4d, // M
    NONE: 0x4e, // N
    PERSID: 0x50, // P
    BINPERSID: 0x51, // Q
    REDUCE: 0x52, // R
    STRING: 0x53, // S
    BINSTRING: 0x54, // T
    SHORT_BINSTRING: 0x55, // U
    UNICODE: 0x56, // V
    BINUNICODE: 0x58, // X
    APPEND: 0x61, // a
    BUILD: 0x62, // b
    GLOBAL: 0x63, // c
    DICT: 0x64, // d
    EMPTY_DICT: 0x7d, // }
    APPENDS: 0x65, // e
    GET: 0x67, // g
    BINGET: 0x68, // h
    INST: 0x69, // i
    LONG_BINGET: 0x6a, // j
    LIST: 0x6c, // l
    EMPTY_LIST: 0x5d, // ]
    OBJ: 0x6f, // o
    PUT: 0x70, // p
    BINPUT: 0x71, // q
    LONG_BINPUT: 0x72, // r
    SETITEM: 0x73, // s
    TUPLE: 0x74, // t
    EMPTY_TUPLE: 0x29, // )
    SETITEMS: 0x75, // u
    BINFLOAT: 0x47, // G
    // protocol 2
    PROTO: 0x80,
    NEWOBJ: 0x81,
    EXT1: 0x82,
    EXT2: 0x83,
    EXT4: 0x84,
    TUPLE1: 0x85,
    TUPLE2: 0x86,
    TUPLE3: 0x87,
    NEWTRUE: 0x88,
    NEWFALSE: 0x89,
    LONG1: 0x8a,
    LONG4: 0x8b,
    // protocol 3
    BINBYTES: 0x42, // B
    SHORT_BINBYTES: 0x43, // C
    // protocol 4
    SHORT_BINUNICODE: 0x8c,
    BINUNICODE8: 0x8d,
    BINBYTES8: 0x8e,
    EMPTY_SET: 0x8f,
    ADDITEMS: 0x90,
    FROZENSET: 0x91,
    NEWOBJ_EX: 0x92,
    STACK_GLOBAL: 0x93,
    MEMOIZE: 0x94,
    FRAME: 0x95,
    // protocol 5
    BYTEARRAY8: 0x96,
    NEXT_BUFFER: 0x97,
    READONLY_BUFFER: 0x98
};
const NAMES = new Map(Object.entries(Op).map(([name, code]) => [code, name]));
/** The opcode's name for messages, or its hex byte when the byte is not an opcode. */
function opName(code) {
    return NAMES.get(code) ?? `0x${code.toString(16).padStart(2, '0')}`;
}
/** The highest protocol number that exists (PROTO with a larger argument is rejected, as CPython does). */
const HIGHEST_PROTOCOL = 5;

// EXTERNAL MODULE: ./src/formats/torch/pickle/scan.ts
var scan = __webpack_require__(891);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/text-args.ts
/**
 * Decoding of the text arguments of protocol 0/1 opcodes (INT, LONG, FLOAT, STRING, UNICODE, GLOBAL, PUT, GET,
 * PERSID). Each returns undefined on malformed input; the interpreter turns that into an `InvalidPickle` error
 * with the opcode's offset.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
function decodeLatin1(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) {
        s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
    }
    return s;
}
/** Python 2 `str` payloads (STRING, BINSTRING): UTF-8 when valid (torch loads with encoding='utf-8'), else latin-1. */
function decodePy2Str(bytes) {
    return decodeUtf8(bytes) ?? decodeLatin1(bytes);
}
/** A decimal integer line of INT / LONG / PUT / GET (LONG lines may end in `L`). */
function parseIntLine(line, allowL) {
    let s = line.trim();
    if (allowL && s.endsWith('L'))
        s = s.slice(0, -1);
    if (!/^[+-]?\d{1,4300}$/.test(s))
        return undefined;
    return BigInt(s);
}
function parseFloatLine(line) {
    const s = line.trim();
    if (/^[+-]?(inf|infinity)$/i.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/i.test(s))
        return NaN;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s))
        return undefined;
    return Number(s);
}
/** The body of a STRING argument: a Python 2 repr in single or double quotes, with backslash escapes. */
function parseStringRepr(line) {
    let end = line.length;
    while (end > 0 && (line[end - 1] === 0x0d || line[end - 1] === 0x20))
        end--;
    if (end < 2)
        return undefined;
    const q = line[0];
    if ((q !== 0x27 && q !== 0x22) || line[end - 1] !== q)
        return undefined;
    const out = [];
    for (let i = 1; i < end - 1; i++) {
        const c = line[i];
        if (c !== 0x5c) {
            out.push(c);
            continue;
        }
        const e = line[++i];
        if (e === undefined || i >= end - 1)
            return undefined;
        const simple = {
            0x6e: 10,
            0x74: 9,
            0x72: 13,
            0x30: 0,
            0x5c: 0x5c,
            0x27: 0x27,
            0x22: 0x22,
            0x61: 7,
            0x62: 8,
            0x66: 12,
            0x76: 11
        };
        if (e === 0x78) {
            const hex = String.fromCharCode(line[i + 1] ?? 0, line[i + 2] ?? 0);
            if (!/^[0-9a-fA-F]{2}$/.test(hex))
                return undefined;
            out.push(parseInt(hex, 16));
            i += 2;
        }
        else if (e >= 0x30 && e <= 0x37) {
            let digits = '';
            while (digits.length < 3 &&
                line[i] !== undefined &&
                line[i] >= 0x30 &&
                line[i] <= 0x37 &&
                i < end - 1) {
                digits += String.fromCharCode(line[i]);
                i++;
            }
            i--;
            out.push(parseInt(digits, 8) & 0xff);
        }
        else if (simple[e] !== undefined) {
            out.push(simple[e]);
        }
        else {
            out.push(0x5c, e);
        }
    }
    return Uint8Array.from(out);
}
/** UNICODE arguments are raw-unicode-escape: latin-1 bytes with `\uXXXX` and `\UXXXXXXXX` escapes. */
function decodeRawUnicodeEscape(line) {
    let s = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === 0x5c && (line[i + 1] === 0x75 || line[i + 1] === 0x55)) {
            const n = line[i + 1] === 0x75 ? 4 : 8;
            const hex = decodeLatin1(line.subarray(i + 2, i + 2 + n));
            if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex))
                return undefined;
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff)
                return undefined;
            s += String.fromCodePoint(cp);
            i += 1 + n;
        }
        else {
            s += String.fromCharCode(c);
        }
    }
    return s;
}
/** Signed little-endian two's complement integer (LONG1 / LONG4 payloads). */
function decodeLongLE(bytes) {
    if (bytes.length === 0)
        return 0n;
    let v = 0n;
    for (let i = bytes.length - 1; i >= 0; i--)
        v = (v << 8n) | BigInt(bytes[i]);
    if (bytes[bytes.length - 1] & 0x80)
        v -= 1n << BigInt(bytes.length * 8);
    return v;
}

// EXTERNAL MODULE: ./src/formats/torch/pickle/values.ts
var values = __webpack_require__(6880);
// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(5094);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/machine.ts






const DEFAULT_UNPICKLE_LIMITS = limits/* PICKLE_LIMITS */.Qt;
/** The input ended before the pickle did, and `complete` was false: read more bytes and run again. */
class NeedMoreInput extends Error {
    constructor() {
        super('pickle continues past the bytes read so far');
        this.name = 'NeedMoreInput';
    }
}
class MachineState {
    bytes;
    options;
    limits;
    rec;
    start;
    complete;
    pos;
    opStart = 0;
    stack = [];
    marks = [];
    memo = new Map();
    view;
    /**
     * `bytes.length` as a plain field: a typed array's length is a getter, and the bounds checks read it for
     * nearly every opcode.
     */
    end;
    /** `limits.maxStack`, read by every push. */
    maxStack;
    constructor(bytes, options) {
        this.bytes = bytes;
        this.options = options;
        this.limits = { ...DEFAULT_UNPICKLE_LIMITS, ...options.limits };
        this.maxStack = this.limits.maxStack;
        this.rec = new scan/* ScanRecorder */._j(options.where);
        this.start = options.start ?? 0;
        this.pos = this.start;
        this.complete = options.complete ?? true;
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        this.end = bytes.length;
    }
    fail(code, message, at = this.opStart) {
        const rel = at - this.start;
        throw new scan/* PickleError */.z4(code, this.options.file, `pickle ${this.options.where} at +0x${rel.toString(16)}: ${message}`, {
            globals: [...(this.options.priorGlobals ?? []), ...(0,scan/* scanGlobals */.GQ)(this.rec.scan)],
            scan: this.rec.scan,
            offset: rel
        });
    }
    failBound = (code, message) => this.fail(code, message);
    // ---- input ----
    need(n, what) {
        if (n > this.end - this.pos) {
            if (!this.complete)
                throw new NeedMoreInput();
            this.fail('Truncated', `input ends inside ${what} (needs ${n} bytes, ${this.end - this.pos} left)`);
        }
    }
    // The bounds check is inline and `need` (which builds the message) is called only when it fails: these run
    // for most opcodes, and a call per opcode is a real cost in code that runs once, mostly interpreted.
    u8(what) {
        if (this.pos >= this.end)
            this.need(1, what);
        return this.bytes[this.pos++];
    }
    take(n, what) {
        if (n > this.end - this.pos)
            this.need(n, what);
        const out = this.bytes.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
    }
    u16() {
        // the opcode's name only on failure (u16/u32/u64 run for most opcodes of a large pickle)
        if (this.end - this.pos < 2)
            this.need(2, opName(this.bytes[this.opStart]));
        const v = this.view.getUint16(this.pos, true);
        this.pos += 2;
        return v;
    }
    u32() {
        if (this.end - this.pos < 4)
            this.need(4, opName(this.bytes[this.opStart]));
        const v = this.view.getUint32(this.pos, true);
        this.pos += 4;
        return v;
    }
    u64() {
        if (this.end - this.pos < 8)
            this.need(8, opName(this.bytes[this.opStart]));
        const v = this.view.getBigUint64(this.pos, true);
        this.pos += 8;
        return v;
    }
    /** A length argument, checked against the string limit and the remaining input before anything is sliced. */
    length(n, what) {
        if (typeof n === 'bigint') {
            if (n > BigInt(Number.MAX_SAFE_INTEGER))
                this.fail('PickleLimitExceeded', `${what} length ${n} is too large`);
            n = Number(n);
        }
        if (n < 0)
            this.fail('InvalidPickle', `${what} has negative length ${n}`);
        if (n > this.limits.maxStringBytes) {
            this.fail('PickleLimitExceeded', `${what} length ${n} exceeds the limit of ${this.limits.maxStringBytes} bytes`);
        }
        return n;
    }
    line(what) {
        const max = Math.min(this.bytes.length, this.pos + this.limits.maxStringBytes + 1);
        const nl = this.bytes.indexOf(0x0a, this.pos);
        if (nl < 0 || nl >= max) {
            if (nl < 0 && !this.complete)
                throw new NeedMoreInput();
            this.fail(nl < 0 ? 'Truncated' : 'PickleLimitExceeded', `${what}: no end of line`);
        }
        const out = this.bytes.subarray(this.pos, nl);
        this.pos = nl + 1;
        return out;
    }
    textLine(what) {
        return decodeUtf8(this.line(what)) ?? this.fail('InvalidPickle', `${what}: argument is not UTF-8`);
    }
    utf8(bytes, what) {
        return decodeUtf8(bytes) ?? this.fail('InvalidPickle', `${what}: string is not valid UTF-8`);
    }
    // ---- stack ----
    // push/pop/top run for nearly every opcode, mostly in the interpreter, where each property load is an IC
    // call: the stack, marks and limit are read once into locals.
    push(v) {
        const stack = this.stack;
        if (stack.length >= this.maxStack) {
            this.fail('PickleLimitExceeded', `stack depth exceeds ${this.maxStack}`);
        }
        stack.push(v);
    }
    pop() {
        const stack = this.stack;
        const marks = this.marks;
        const floor = marks.length > 0 ? marks[marks.length - 1] : 0;
        if (stack.length <= floor)
            this.fail('InvalidPickle', `${opName(this.bytes[this.opStart])} on an empty stack`);
        return stack.pop();
    }
    top() {
        const stack = this.stack;
        const marks = this.marks;
        const floor = marks.length > 0 ? marks[marks.length - 1] : 0;
        if (stack.length <= floor)
            this.fail('InvalidPickle', `${opName(this.bytes[this.opStart])} on an empty stack`);
        return stack[stack.length - 1];
    }
    /** Items pushed since the last MARK (removed from the stack, MARK popped). */
    popMark() {
        const mark = this.marks.pop();
        if (mark === undefined)
            this.fail('InvalidPickle', `${opName(this.bytes[this.opStart])} without a MARK`);
        return this.stack.splice(mark);
    }
    // ---- memo ----
    memoPut(index, v) {
        const i = typeof index === 'number' ? index : Number(index);
        if (!Number.isSafeInteger(i) || i < 0)
            this.fail('InvalidPickle', `memo index ${index} is invalid`);
        if (this.memo.size >= this.limits.maxMemo && !this.memo.has(i)) {
            this.fail('PickleLimitExceeded', `memo exceeds ${this.limits.maxMemo} entries`);
        }
        this.memo.set(i, v);
    }
    memoGet(index) {
        const v = this.memo.get(typeof index === 'number' ? index : Number(index));
        if (v === undefined)
            this.fail('InvalidPickle', `memo index ${index} was never stored`);
        return v;
    }
    // ---- containers ----
    grow(length, adding) {
        if (length + adding > this.limits.maxContainerItems) {
            this.fail('PickleLimitExceeded', `a container exceeds ${this.limits.maxContainerItems} items`);
        }
    }
    appendTo(target, items) {
        if (target !== null && typeof target === 'object') {
            if (target.kind === 'list') {
                this.grow(target.items.length, items.length);
                for (const it of items)
                    target.items.push(it);
                return;
            }
            if (target.kind === 'object') {
                const list = (target.listItems ??= []);
                this.grow(list.length, items.length);
                for (const it of items)
                    list.push(it);
                return;
            }
        }
        this.fail('InvalidPickle', `cannot append to a ${(0,values/* describeValue */.bp)(target)}`);
    }
    setItems(target, flat) {
        if (flat.length % 2 !== 0)
            this.fail('InvalidPickle', 'SETITEMS with an odd number of items');
        let dict;
        if (target !== null && typeof target === 'object') {
            if (target.kind === 'dict')
                dict = target;
            else if (target.kind === 'object')
                dict = target.dictItems ??= (0,values/* pyDict */.IO)();
        }
        if (dict === undefined)
            return this.fail('InvalidPickle', `cannot set items on a ${(0,values/* describeValue */.bp)(target)}`);
        this.grow(dict.entries.length, flat.length / 2);
        for (let i = 0; i < flat.length; i += 2)
            (0,values/* dictSet */.Ff)(dict, flat[i], flat[i + 1]);
    }
    addItems(target, items) {
        if (target !== null && typeof target === 'object' && target.kind === 'set' && !target.frozen) {
            this.grow(target.items.length, items.length);
            for (const it of items)
                target.items.push(it);
            return;
        }
        if (target !== null && typeof target === 'object' && target.kind === 'object')
            return this.appendTo(target, items);
        this.fail('InvalidPickle', `cannot add items to a ${(0,values/* describeValue */.bp)(target)}`);
    }
    build(target, state) {
        if (target === null || typeof target !== 'object') {
            this.rec.anomaly(`BUILD on a ${(0,values/* describeValue */.bp)(target)}`);
            return;
        }
        if (target.kind === 'object') {
            const callee = target.callee;
            const isGlobal = callee !== null && typeof callee === 'object' && callee.kind === 'global';
            const name = isGlobal ? `${callee.module}.${callee.name}` : '<computed>';
            const tier = isGlobal ? (0,globals_policy/* classifyGlobal */.Sq)(callee.module, callee.name) : 'unknown';
            // BUILD runs __setstate__ in Python: a call site unless the class is allowed
            if (tier !== 'allowed')
                this.rec.recordCall(name, tier, 'BUILD', this.opStart - this.start, false);
            target.state = state;
        }
        else if (target.kind === 'dict') {
            target.state = state;
        }
        else if (target.kind !== 'tensor') {
            this.rec.anomaly(`BUILD on a ${(0,values/* describeValue */.bp)(target)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/formats/torch/pickle/unpickler.ts
/**
 * A non-executing pickle interpreter for protocols 0 to 5. It runs the opcode stream on an emulated stack and
 * memo and builds a symbolic object graph (values.ts): imports become `PyGlobal` nodes, calls become inert
 * `PyObject` nodes, and only the fixed set in emulation.ts (torch rebuild functions, OrderedDict, ...) is
 * interpreted. Every imported global and every call site is recorded as it happens (scan.ts), so the record is
 * complete up to any error. Every length, count and depth is bounded; every failure is a `PickleError` naming
 * the pickle and the opcode offset.
 */







/** Run one pickle from `options.start` to its STOP opcode. */
function unpickle(bytes, options) {
    return new Machine(bytes, options).run();
}
/**
 * Small ints as shared BigInts: a state dict pickle is mostly sizes, strides and offsets, and a BigInt is
 * immutable, so one value per number saves an allocation per integer opcode.
 */
const SMALL_INTS = new Array(4096);
function smallInt(n) {
    if (n < 0 || n >= 4096)
        return BigInt(n);
    return (SMALL_INTS[n] ??= BigInt(n));
}
class Machine extends MachineState {
    // ---- globals and calls ----
    global(module, name) {
        this.rec.recordImport(module, name, this.opStart - this.start);
        if (this.rec.scan.imports.length > this.limits.maxGlobals) {
            this.fail('PickleLimitExceeded', `more than ${this.limits.maxGlobals} distinct globals`);
        }
        const eff = (0,globals_policy/* effectiveGlobal */.Tx)(module, name);
        return { kind: 'global', module: eff.module, name: eff.name };
    }
    /**
     * Per imported global (memoized globals come back as the same object): its name, tier, emulator and call-site
     * records by opcode, so a call of a global seen before builds no strings and does no keyed lookups.
     */
    callees = new WeakMap();
    /** The one context object emulators get (not one per call). */
    emulation = { fail: this.failBound };
    call(callee, args, via, kwargs) {
        const at = this.opStart - this.start;
        if (callee !== null && typeof callee === 'object' && callee.kind === 'global') {
            let info = this.callees.get(callee);
            if (info === undefined) {
                const name = `${callee.module}.${callee.name}`;
                info = {
                    name,
                    tier: (0,globals_policy/* classifyGlobal */.Sq)(callee.module, callee.name),
                    emulator: (0,emulation/* emulatorFor */.j)(name),
                    sites: {}
                };
                this.callees.set(callee, info);
            }
            const emulator = kwargs === undefined ? info.emulator : undefined;
            // the record is shared by every global of this name (callSite finds it by name); cached here per opcode
            const site = (info.sites[via] ??= this.rec.callSite(info.name, info.tier, via, at, emulator !== undefined));
            site.count++;
            if (emulator !== undefined) {
                const v = emulator(args, this.emulation, info.name);
                if (v !== undefined)
                    return v;
            }
        }
        else {
            // calling something that is not an imported name: a call result, a memo trick; always worth a look
            this.rec.recordCall('<computed>', 'unknown', via, at, false);
            this.rec.anomaly(`${via} on a ${(0,values/* describeValue */.bp)(callee)} rather than an imported global`);
        }
        const obj = { kind: 'object', callee, args, via };
        if (kwargs !== undefined)
            obj.kwargs = kwargs;
        return obj;
    }
    tupleArgs(v, what) {
        if (v !== null && typeof v === 'object' && v.kind === 'tuple')
            return v.items;
        return this.fail('InvalidPickle', `${what} arguments must be a tuple, got ${(0,values/* describeValue */.bp)(v)}`);
    }
    // ---- main loop ----
    run() {
        // loop invariants in locals: this loop runs once per opcode, mostly interpreted
        const bytes = this.bytes;
        const end = this.end;
        const scan = this.rec.scan;
        const maxOpcodes = this.limits.maxOpcodes;
        let opcodes = 0;
        for (;;) {
            const pos = this.pos;
            this.opStart = pos;
            if (pos >= end) {
                if (!this.complete)
                    throw new NeedMoreInput();
                this.fail('Truncated', 'input ends before STOP');
            }
            if (++opcodes > maxOpcodes) {
                this.fail('PickleLimitExceeded', `more than ${maxOpcodes} opcodes`);
            }
            scan.opcodes = opcodes;
            const op = bytes[pos];
            this.pos = pos + 1;
            if (op === Op.STOP)
                return this.stop();
            this.step(op, opcodes);
        }
    }
    stop() {
        const value = this.pop();
        if (this.stack.length > 0 || this.marks.length > 0)
            this.rec.anomaly('stack not empty after STOP');
        return { value, end: this.pos, scan: this.rec.scan };
    }
    step(op, opcodes) {
        // Literal cases, not `Op.X`: V8 turns a switch over small integer literals into a jump table, where
        // property cases cost a load and a compare each, for every opcode, in code that mostly runs once, cold.
        switch (op) {
            case /* PROTO */ 0x80: {
                const p = this.u8('PROTO');
                if (p > HIGHEST_PROTOCOL)
                    this.fail('UnsupportedPickle', `unsupported pickle protocol ${p}`);
                if (this.rec.scan.protocol !== undefined)
                    this.rec.anomaly('duplicate PROTO');
                else if (opcodes !== 1)
                    this.rec.anomaly('PROTO is not the first opcode');
                this.rec.scan.protocol = p;
                return;
            }
            case /* FRAME */ 0x95: {
                const n = this.u64();
                if (this.complete && n > BigInt(this.bytes.length - this.pos)) {
                    this.fail('Truncated', `FRAME of ${n} bytes runs past the end of the input`);
                }
                return;
            }
            case /* MARK */ 0x28:
                if (this.marks.length >= this.limits.maxMarkDepth) {
                    this.fail('PickleLimitExceeded', `MARK nesting exceeds ${this.limits.maxMarkDepth}`);
                }
                this.marks.push(this.stack.length);
                return;
            case /* POP */ 0x30:
                if (this.marks.length > 0 && this.stack.length === this.marks[this.marks.length - 1]) {
                    this.marks.pop(); // CPython: POP of a bare MARK discards the mark
                }
                else {
                    this.pop();
                }
                return;
            case /* POP_MARK */ 0x31:
                this.popMark();
                return;
            case /* DUP */ 0x32:
                this.push(this.top());
                return;
            case /* NONE */ 0x4e:
                return this.push(null);
            case /* NEWTRUE */ 0x88:
                return this.push(true);
            case /* NEWFALSE */ 0x89:
                return this.push(false);
            case /* BININT */ 0x4a:
                this.need(4, 'BININT');
                this.push(smallInt(this.view.getInt32(this.pos, true)));
                this.pos += 4;
                return;
            case /* BININT1 */ 0x4b:
                return this.push(smallInt(this.u8('BININT1')));
            case /* BININT2 */ 0x4d:
                return this.push(smallInt(this.u16()));
            case /* LONG1 */ 0x8a:
            case /* LONG4 */ 0x8b: {
                const n = op === Op.LONG1 ? this.u8('LONG1') : this.view.getInt32((this.need(4, 'LONG4'), this.pos), true);
                if (op === Op.LONG4)
                    this.pos += 4;
                if (n < 0)
                    this.fail('InvalidPickle', `LONG4 has negative length ${n}`);
                if (n > this.limits.maxLongBytes) {
                    this.fail('PickleLimitExceeded', `integer of ${n} bytes exceeds ${this.limits.maxLongBytes}`);
                }
                return this.push(decodeLongLE(this.take(n, opName(op))));
            }
            case /* INT */ 0x49: {
                const text = this.textLine('INT');
                if (text === '00')
                    return this.push(false);
                if (text === '01')
                    return this.push(true);
                const v = parseIntLine(text, false);
                return this.push(v ?? this.fail('InvalidPickle', 'INT argument is not an integer'));
            }
            case /* LONG */ 0x4c: {
                const v = parseIntLine(this.textLine('LONG'), true);
                return this.push(v ?? this.fail('InvalidPickle', 'LONG argument is not an integer'));
            }
            case /* BINFLOAT */ 0x47:
                this.need(8, 'BINFLOAT');
                this.push(this.view.getFloat64(this.pos, false));
                this.pos += 8;
                return;
            case /* FLOAT */ 0x46: {
                const v = parseFloatLine(this.textLine('FLOAT'));
                return this.push(v ?? this.fail('InvalidPickle', 'FLOAT argument is not a number'));
            }
            case /* BINUNICODE */ 0x58:
                return this.push(this.utf8(this.take(this.length(this.u32(), 'BINUNICODE'), 'BINUNICODE'), 'BINUNICODE'));
            case /* SHORT_BINUNICODE */ 0x8c:
                return this.push(this.utf8(this.take(this.u8('SHORT_BINUNICODE'), 'SHORT_BINUNICODE'), 'SHORT_BINUNICODE'));
            case /* BINUNICODE8 */ 0x8d:
                return this.push(this.utf8(this.take(this.length(this.u64(), 'BINUNICODE8'), 'BINUNICODE8'), 'BINUNICODE8'));
            case /* UNICODE */ 0x56: {
                const v = decodeRawUnicodeEscape(this.line('UNICODE'));
                return this.push(v ?? this.fail('InvalidPickle', 'UNICODE argument has a bad escape'));
            }
            case /* STRING */ 0x53: {
                const v = parseStringRepr(this.line('STRING'));
                return this.push(v === undefined ? this.fail('InvalidPickle', 'STRING argument is not quoted') : decodePy2Str(v));
            }
            case /* BINSTRING */ 0x54: {
                this.need(4, 'BINSTRING');
                const n = this.view.getInt32(this.pos, true);
                this.pos += 4;
                return this.push(decodePy2Str(this.take(this.length(n, 'BINSTRING'), 'BINSTRING')));
            }
            case /* SHORT_BINSTRING */ 0x55:
                return this.push(decodePy2Str(this.take(this.u8('SHORT_BINSTRING'), 'SHORT_BINSTRING')));
            case /* BINBYTES */ 0x42:
                return this.pushBytes(this.take(this.length(this.u32(), 'BINBYTES'), 'BINBYTES'), false);
            case /* SHORT_BINBYTES */ 0x43:
                return this.pushBytes(this.take(this.u8('SHORT_BINBYTES'), 'SHORT_BINBYTES'), false);
            case /* BINBYTES8 */ 0x8e:
                return this.pushBytes(this.take(this.length(this.u64(), 'BINBYTES8'), 'BINBYTES8'), false);
            case /* BYTEARRAY8 */ 0x96:
                return this.pushBytes(this.take(this.length(this.u64(), 'BYTEARRAY8'), 'BYTEARRAY8'), true);
            case /* EMPTY_TUPLE */ 0x29:
                return this.push((0,values/* pyTuple */.ED)([]));
            case /* TUPLE */ 0x74:
                return this.push((0,values/* pyTuple */.ED)(this.popMark()));
            case /* TUPLE1 */ 0x85:
            case /* TUPLE2 */ 0x86:
            case /* TUPLE3 */ 0x87: {
                const n = op - Op.TUPLE1 + 1;
                const items = new Array(n);
                for (let i = n - 1; i >= 0; i--)
                    items[i] = this.pop();
                return this.push((0,values/* pyTuple */.ED)(items));
            }
            case /* EMPTY_LIST */ 0x5d:
                return this.push({ kind: 'list', items: [] });
            case /* LIST */ 0x6c:
                return this.push({ kind: 'list', items: this.popMark() });
            case /* EMPTY_DICT */ 0x7d:
                return this.push((0,values/* pyDict */.IO)());
            case /* DICT */ 0x64: {
                const d = (0,values/* pyDict */.IO)();
                this.setItems(d, this.popMark());
                return this.push(d);
            }
            case /* EMPTY_SET */ 0x8f:
                return this.push({ kind: 'set', items: [], frozen: false });
            case /* FROZENSET */ 0x91:
                return this.push({ kind: 'set', items: this.popMark(), frozen: true });
            case /* APPEND */ 0x61: {
                const v = this.pop();
                return this.appendTo(this.top(), [v]);
            }
            case /* SETITEM */ 0x73: {
                const v = this.pop();
                const k = this.pop();
                return this.setItems(this.top(), [k, v]);
            }
            case /* APPENDS */ 0x65:
            case /* SETITEMS */ 0x75:
            case /* ADDITEMS */ 0x90: {
                const items = this.popMark();
                const target = this.top();
                if (op === Op.APPENDS)
                    this.appendTo(target, items);
                else if (op === Op.SETITEMS)
                    this.setItems(target, items);
                else
                    this.addItems(target, items);
                return;
            }
            case /* PUT */ 0x70:
                return this.memoPut(parseIntLine(this.textLine('PUT'), false) ?? this.fail('InvalidPickle', 'bad PUT index'), this.top());
            case /* BINPUT */ 0x71:
                return this.memoPut(this.u8('BINPUT'), this.top());
            case /* LONG_BINPUT */ 0x72:
                return this.memoPut(this.u32(), this.top());
            case /* MEMOIZE */ 0x94:
                return this.memoPut(this.memo.size, this.top());
            case /* GET */ 0x67:
                return this.push(this.memoGet(parseIntLine(this.textLine('GET'), false) ?? this.fail('InvalidPickle', 'bad GET index')));
            case /* BINGET */ 0x68:
                return this.push(this.memoGet(this.u8('BINGET')));
            case /* LONG_BINGET */ 0x6a:
                return this.push(this.memoGet(this.u32()));
            case /* GLOBAL */ 0x63: {
                const module = this.textLine('GLOBAL module');
                const name = this.textLine('GLOBAL name');
                return this.push(this.global(module, name));
            }
            case /* STACK_GLOBAL */ 0x93: {
                const name = this.pop();
                const module = this.pop();
                if (typeof module !== 'string' || typeof name !== 'string') {
                    this.rec.recordImport(globals_policy/* NON_STRING_MODULE */.ZC, `${(0,values/* describeValue */.bp)(module)}.${(0,values/* describeValue */.bp)(name)}`, this.opStart - this.start);
                    this.fail('InvalidPickle', `STACK_GLOBAL expects 2 strings, got ${(0,values/* describeValue */.bp)(module)} and ${(0,values/* describeValue */.bp)(name)}`);
                }
                return this.push(this.global(module, name));
            }
            case /* REDUCE */ 0x52: {
                const args = this.pop();
                const callee = this.pop();
                return this.push(this.call(callee, this.tupleArgs(args, 'REDUCE'), 'REDUCE'));
            }
            case /* NEWOBJ */ 0x81: {
                const args = this.pop();
                const cls = this.pop();
                return this.push(this.call(cls, this.tupleArgs(args, 'NEWOBJ'), 'NEWOBJ'));
            }
            case /* NEWOBJ_EX */ 0x92: {
                const kwargs = this.pop();
                const args = this.pop();
                const cls = this.pop();
                return this.push(this.call(cls, this.tupleArgs(args, 'NEWOBJ_EX'), 'NEWOBJ_EX', kwargs));
            }
            case /* INST */ 0x69: {
                const module = this.textLine('INST module');
                const name = this.textLine('INST name');
                const cls = this.global(module, name);
                return this.push(this.call(cls, this.popMark(), 'INST'));
            }
            case /* OBJ */ 0x6f: {
                const items = this.popMark();
                if (items.length === 0)
                    this.fail('InvalidPickle', 'OBJ without a class');
                return this.push(this.call(items[0], items.slice(1), 'OBJ'));
            }
            case /* BUILD */ 0x62: {
                const state = this.pop();
                return this.build(this.top(), state);
            }
            case /* BINPERSID */ 0x51:
                return this.push(this.persistent(this.pop()));
            case /* PERSID */ 0x50:
                return this.push(this.persistent(this.textLine('PERSID')));
            case /* EXT1 */ 0x82:
            case /* EXT2 */ 0x83:
            case /* EXT4 */ 0x84:
                this.rec.anomaly(`${opName(op)} (copyreg extension registry)`);
                return this.fail('UnsupportedPickle', `${opName(op)} (extension registry) is not supported`);
            case /* NEXT_BUFFER */ 0x97:
            case /* READONLY_BUFFER */ 0x98:
                return this.fail('UnsupportedPickle', `${opName(op)} (out-of-band buffers) is not supported`);
            default:
                return this.fail('InvalidPickle', `unknown opcode ${opName(op)}`);
        }
    }
    pushBytes(data, mutable) {
        // a view, not a copy: memory stays bounded by the input, which the caller already bounded
        this.push({ kind: 'bytes', data, mutable });
    }
    persistent(pid) {
        const load = this.options.persistentLoad;
        return load === undefined ? { kind: 'persistent', pid } : load(pid, this.failBound);
    }
}


/***/ }),

/***/ 6880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ pyTuple),
/* harmony export */   Ff: () => (/* binding */ dictSet),
/* harmony export */   IO: () => (/* binding */ pyDict),
/* harmony export */   R5: () => (/* binding */ dictGet),
/* harmony export */   bp: () => (/* binding */ describeValue)
/* harmony export */ });
/**
 * The symbolic object model the unpickler builds. Nothing here is ever a live Python object: a call of an
 * unknown callable is a `PyObject` node that remembers what would have been called, with which arguments, so the
 * graph can be inspected and reported but never acts.
 *
 * Python ints are `bigint` (so sizes past 2^53 are exact and ints never mix with floats), floats are `number`,
 * str is `string`, None is `null`. Containers are objects tagged with `kind`; memo references are shared, never
 * copied, so a hostile memo fan-out costs no memory.
 */
function pyTuple(items) {
    return { kind: 'tuple', items };
}
function pyDict(className) {
    const d = { kind: 'dict', entries: [], index: undefined };
    if (className !== undefined)
        d.className = className;
    return d;
}
/** The identity used to find a key again: primitives by value, everything else by reference. */
function keyIdentity(key) {
    // A JS number key 1 and bigint 1n would be distinct Map keys; Python treats 1.0 == 1, so fold integral floats.
    if (typeof key === 'number' && Number.isInteger(key))
        return BigInt(key);
    if (typeof key === 'boolean')
        return key ? 1n : 0n;
    return key;
}
function dictSet(d, key, value) {
    const id = keyIdentity(key);
    const index = (d.index ??= new Map());
    const at = index.get(id);
    if (at === undefined) {
        index.set(id, d.entries.length);
        d.entries.push([key, value]);
    }
    else {
        d.entries[at] = [d.entries[at][0], value];
    }
}
function dictGet(d, key) {
    const at = d.index?.get(keyIdentity(key));
    return at === undefined ? undefined : d.entries[at][1];
}
/** A short description of a value's type for error messages (never its contents: they may be huge). */
function describeValue(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'None';
    switch (typeof v) {
        case 'boolean':
            return 'bool';
        case 'bigint':
            return 'int';
        case 'number':
            return 'float';
        case 'string':
            return 'str';
    }
    switch (v.kind) {
        case 'global':
            return `global ${v.module}.${v.name}`;
        case 'object':
            return v.callee !== null && typeof v.callee === 'object' && v.callee.kind === 'global'
                ? `${v.callee.module}.${v.callee.name}(...)`
                : 'object';
        default:
            return v.kind;
    }
}


/***/ }),

/***/ 2857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ toTensorInfos),
/* harmony export */   PT: () => (/* binding */ storageBytes),
/* harmony export */   xP: () => (/* binding */ findStateDict)
/* harmony export */ });
/* unused harmony exports DEFAULT_WALK_LIMITS, STATE_DICT_KEYS, collectTensors, spanElements, isContiguous */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6289);
/* harmony import */ var _pickle_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6880);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5094);
/**
 * From the symbolic object graph of a torch pickle to a state dict: find the tensors, choose the dict that is
 * the model's state dict (top level, or nested under `state_dict`, `model`, `module`, `ema`, ...), and name each
 * tensor by its dotted path inside it. The graph is hostile: cycles are legal, nesting can be deep and memo
 * references can fan out, so the walk is iterative, visits each container once and is bounded.
 */



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
/** A dict's values as walk items, named by their keys (module bookkeeping segments add no name). */
function addDictChildren(d, path, children) {
    const entries = d.entries;
    for (let i = 0; i < entries.length; i++) {
        const seg = keySegment(entries[i][0]);
        if (seg === undefined)
            continue;
        children.push({ value: entries[i][1], path: MODULE_SEGMENTS.has(seg) ? path : extendPath(path, seg) });
    }
}
/** Items of a list, tuple or list subclass as walk items, named by their indices. */
function addListChildren(items, path, children) {
    for (let i = 0; i < items.length; i++)
        children.push({ value: items[i], path: extendPath(path, String(i)) });
}
function isTensor(v) {
    return v !== null && typeof v === 'object' && v.kind === 'tensor';
}
function isDict(v) {
    return v !== null && typeof v === 'object' && v.kind === 'dict';
}
/**
 * Every tensor reachable from `root`, depth first in pickle order. A tensor reached by two paths (tied weights)
 * is listed under both; a container reached twice (a memo reference, a cycle) is walked once.
 */
function collectTensors(root, file, limits = {}, stopAfter = Infinity) {
    const lim = { ...DEFAULT_WALK_LIMITS, ...limits };
    const found = [];
    const visited = new Set();
    const todo = [{ value: root, path: [] }];
    let nodes = 0;
    while (todo.length > 0 && found.length < stopAfter) {
        const { value, path } = todo.pop();
        if (value === null || typeof value !== 'object')
            continue;
        if (isTensor(value)) {
            found.push({ path, tensor: value });
            continue;
        }
        if (visited.has(value))
            continue;
        visited.add(value);
        if (++nodes > lim.maxNodes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('PickleLimitExceeded', file, `the pickled object has more than ${lim.maxNodes} containers`);
        }
        if (path.length > lim.maxDepth) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg('PickleLimitExceeded', file, `the pickled object nests deeper than ${lim.maxDepth} levels`);
        }
        const children = [];
        switch (value.kind) {
            case 'dict':
                addDictChildren(value, path, children);
                break;
            case 'list':
            case 'tuple':
                addListChildren(value.items, path, children);
                break;
            case 'object': {
                // an object's tensors live in its constructor args, its state (`__dict__`, possibly (dict, slots)) and,
                // for dict/list subclasses, in the items set on it
                for (const a of value.args)
                    children.push({ value: a, path });
                const state = value.state;
                if (isDict(state))
                    addDictChildren(state, path, children);
                else if (state !== null && typeof state === 'object' && state.kind === 'tuple') {
                    for (const s of state.items)
                        children.push({ value: s, path });
                }
                else if (state !== undefined)
                    children.push({ value: state, path });
                if (value.dictItems !== undefined)
                    addDictChildren(value.dictItems, path, children);
                if (value.listItems !== undefined)
                    addListChildren(value.listItems, path, children);
                break;
            }
            default:
                break;
        }
        for (let i = children.length - 1; i >= 0; i--)
            todo.push(children[i]);
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
function findStateDict(root, file, limits = {}, required = true) {
    const all = collectTensors(root, file, limits);
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
function toTensorInfos(found, file, storageStart, warnings) {
    const out = [];
    const seen = new Set();
    // one tensor per iteration, thousands of them, once per run: plain loops, no per-tensor closures or constants
    for (let i = 0; i < found.length; i++) {
        const path = found[i].path;
        const t = found[i].tensor;
        const name = path.join('.');
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

/***/ 7819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_PICKLE_BYTES: () => (/* binding */ DEFAULT_MAX_PICKLE_BYTES),
  readTorchZip: () => (/* binding */ readTorchZip),
  readTorchZipDetailed: () => (/* binding */ readTorchZipDetailed)
});

// EXTERNAL MODULE: ./src/formats/errors.ts
var errors = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/formats/torch/pickle/scan.ts
var scan = __webpack_require__(891);
// EXTERNAL MODULE: ./src/formats/torch/pickle-checkpoint.ts
var pickle_checkpoint = __webpack_require__(9242);
// EXTERNAL MODULE: ./src/formats/torch/pickle/storages.ts
var pickle_storages = __webpack_require__(2736);
// EXTERNAL MODULE: ./src/formats/torch/pickle/unpickler.ts + 3 modules
var unpickler = __webpack_require__(4954);
// EXTERNAL MODULE: ./src/formats/torch/state-dict.ts
var state_dict = __webpack_require__(2857);
// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(5094);
;// CONCATENATED MODULE: ./src/formats/torch/zip.ts
/**
 * A zip central-directory reader for torch archives, following what PyTorch's reader (miniz, formats.md §2.2)
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
        if (compressed === U32_MAX || uncompressed === U32_MAX || localOffset === U32_MAX) {
            applyZip64Extra(source, entry, cd.subarray(nameEnd, nameEnd + extraLen));
            pastEnd =
                entry.localHeaderOffset + BigInt(LOCAL_HEADER_SIZE) + entry.compressedSize > BigInt(source.size);
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
/** Replace 0xFFFFFFFF sizes and offsets with their zip64 extra-field values (APPNOTE 4.5.3 order). */
function applyZip64Extra(source, entry, extra) {
    const needs = [
        entry.uncompressedSize === U32_MAX_BIG,
        entry.compressedSize === U32_MAX_BIG,
        entry.localHeaderOffset === U32_MAX_BIG
    ];
    if (!needs.some(Boolean))
        return;
    const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
    for (let p = 0; p + 4 <= extra.length;) {
        const id = view.getUint16(p, true);
        const len = view.getUint16(p + 2, true);
        if (p + 4 + len > extra.length)
            break;
        if (id === 0x0001) {
            let q = p + 4;
            const next = () => {
                if (q + 8 > p + 4 + len)
                    throw zipError(source, `entry ${JSON.stringify(entry.name)} has a short zip64 extra field`);
                const v = view.getBigUint64(q, true);
                q += 8;
                return v;
            };
            if (needs[0])
                entry.uncompressedSize = next();
            if (needs[1])
                entry.compressedSize = next();
            if (needs[2])
                entry.localHeaderOffset = next();
            return;
        }
        p += 4 + len;
    }
    throw zipError(source, `entry ${JSON.stringify(entry.name)} needs zip64 values but has no zip64 extra field`);
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/formats/source.ts
var formats_source = __webpack_require__(3159);
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
    return process.getBuiltinModule?.('node:zlib') ?? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8522, 23)));
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
 * records are inflated with an output cap equal to the declared size, so a zip bomb cannot expand.
 */
async function readZipRecord(source, entry, maxBytes) {
    if ((entry.flags & FLAG_ENCRYPTED) !== 0) {
        throw new errors/* CheckpointError */.jg('UnsupportedZip', source.name, `entry ${JSON.stringify(entry.name)} is encrypted`);
    }
    if (entry.uncompressedSize > BigInt(maxBytes) || entry.compressedSize > BigInt(maxBytes)) {
        throw new errors/* CheckpointError */.jg('HeaderTooLarge', source.name, `entry ${JSON.stringify(entry.name)} declares ${entry.uncompressedSize} bytes; the limit is ${maxBytes}`);
    }
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

;// CONCATENATED MODULE: ./src/formats/torch/zip-checkpoint.ts
/**
 * PyTorch zip checkpoints (`torch.save` since 1.6; formats.md §2.2-2.4). Reads the central directory, the small
 * records (`data.pkl`, `version`, `byteorder`) and one local header per referenced storage; never a `data/`
 * record. Tensors are rebuilt symbolically from data.pkl; a tensor's byte range is its storage record's data
 * offset plus storage_offset × itemsize.
 */









const DEFAULT_MAX_PICKLE_BYTES = limits/* PICKLE_LIMITS */.Qt.maxZipPickleBytes;
const PICKLE_EXTENSIONS = /\.(pkl|pickle|joblib|dat|data)$/i;
const SMALL_RECORD_BYTES = 4096;
async function readTorchZip(source, options = {}) {
    return (await readTorchZipDetailed(source, options)).checkpoint;
}
async function readTorchZipDetailed(source, options = {}) {
    const zip = await readZipDirectory(source, options.zipLimits);
    const first = zip.entries[0];
    if (first === undefined)
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, 'the zip archive is empty');
    if (zip.topFolder === undefined) {
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `file in archive is not in a subdirectory: ${first.name}`);
    }
    const prefix = zip.topFolder;
    const warnings = zip.anomalies.map((a) => `zip: ${a}`);
    const maxPickle = options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES;
    const dataPkl = zip.byName.get(`${prefix}/data.pkl`);
    if (dataPkl === undefined) {
        throw new errors/* CheckpointError */.jg('InvalidTorchFile', source.name, `the archive has no ${prefix}/data.pkl record`);
    }
    const metadata = { archivePrefix: prefix };
    // small records read whole, kept so the pickle sniffing below does not read their first bytes again
    const smallRecords = new Map();
    metadata.version = await readVersion(source, zip, prefix, warnings, smallRecords);
    const byteorder = await readText(source, zip.byName.get(`${prefix}/byteorder`), smallRecords);
    if (byteorder !== undefined) {
        metadata.byteorder = byteorder;
        if (byteorder !== 'little')
            warnings.push(`byteorder is ${JSON.stringify(byteorder)}: storages are not little-endian`);
    }
    if (zip.byName.has(`${prefix}/constants.pkl`)) {
        metadata.torchscript = true;
        warnings.push('TorchScript archive: torch.load compiles its code/ (TorchScript, not arbitrary Python)');
    }
    // data.pkl: the object, with storages resolved by persistent id
    const storages = new pickle_storages/* StorageRegistry */.F();
    const { data: pkl, header: pklHeader } = await readZipRecord(source, dataPkl, maxPickle);
    noteNameMismatch(dataPkl, pklHeader.localName, warnings);
    const main = (0,unpickler/* unpickle */.Kc)(pkl, {
        file: source.name,
        where: dataPkl.name,
        limits: options.pickleLimits ?? {},
        persistentLoad: storages.load
    });
    const scans = [main.scan];
    // torch stops at STOP; anything after it is invisible to torch but not to every scanner
    if (main.end < pkl.length)
        warnings.push(`pickle ${dataPkl.name}: ${pkl.length - main.end} bytes after STOP`);
    if (main.scan.protocol !== undefined)
        metadata.pickleProtocol = main.scan.protocol;
    // other pickles (duplicates of data.pkl, extra *.pkl): torch ignores them, other loaders may not
    await scanExtraPickles(source, zip, dataPkl, options, scans, warnings, smallRecords);
    const globals = (0,scan/* mergeGlobals */.Pv)(scans.flatMap(scan/* scanGlobals */.GQ));
    return (0,pickle_checkpoint/* withPickleGlobals */.P)(globals, async () => {
        if (storages.nonStorageIds > 0) {
            warnings.push(`${storages.nonStorageIds} persistent ids are not storages (torch.load refuses them)`);
        }
        warnings.push(...storages.problems);
        const selection = (0,state_dict/* findStateDict */.xP)(main.value, source.name, options.walkLimits);
        const starts = await storageStarts(source, zip, prefix, selection.tensors.map((t) => t.tensor.storage), warnings);
        const dataPrefix = `${prefix}/data/`;
        const unreferenced = zip.entries.filter((e) => e.name.startsWith(dataPrefix) && !storages.roots.has(e.name.slice(dataPrefix.length)));
        if (unreferenced.length > 0)
            warnings.push(`${unreferenced.length} storage records are not referenced by data.pkl`);
        const checkpoint = (0,pickle_checkpoint/* pickleCheckpoint */.j)({
            source,
            format: 'pytorch-zip',
            selection,
            storageStart: (s) => starts.get(s.key),
            metadata,
            scans,
            globals,
            warnings,
            pathWithoutTensors: true
        });
        return { checkpoint, zip, scans };
    });
}
async function readText(source, entry, smallRecords) {
    if (entry === undefined)
        return undefined;
    const { data } = await readZipRecord(source, entry, SMALL_RECORD_BYTES);
    if (entry.method === 0)
        smallRecords.set(entry, data);
    return new TextDecoder('utf-8', { fatal: false }).decode(data).trim();
}
async function readVersion(source, zip, prefix, warnings, smallRecords) {
    const entry = zip.byName.get(`${prefix}/version`) ?? zip.byName.get(`${prefix}/.data/version`);
    const text = await readText(source, entry, smallRecords);
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
async function scanExtraPickles(source, zip, dataPkl, options, scans, warnings, smallRecords) {
    const prefix = zip.topFolder;
    const max = options.maxExtraPickles ?? 32;
    const dataPrefix = `${prefix}/data/`;
    const codePrefix = `${prefix}/code/`;
    const candidates = zip.entries.filter((e) => e !== dataPkl &&
        (PICKLE_EXTENSIONS.test(e.name) || !(e.name.startsWith(dataPrefix) || e.name.startsWith(codePrefix))));
    let scanned = 0;
    for (const entry of candidates) {
        if (scanned >= max) {
            warnings.push(`more than ${max} extra pickle-looking entries; the rest were not scanned`);
            break;
        }
        if (entry.uncompressedSize < 2n || (entry.flags & 1) !== 0)
            continue;
        let data;
        try {
            if (!PICKLE_EXTENSIONS.test(entry.name)) {
                // sniff unnamed entries (version, byteorder, renamed pickles) by their first bytes: PROTO 2..5
                if (entry.method !== 0)
                    continue;
                // version and byteorder were read whole already: their first bytes are the same bytes
                const head = smallRecords.get(entry) ??
                    (await source.read(Number((await readLocalHeader(source, entry)).dataOffset), 2));
                if (head[0] !== 0x80 || head[1] < 2 || head[1] > 5)
                    continue;
            }
            data = (await readZipRecord(source, entry, options.maxPickleBytes ?? DEFAULT_MAX_PICKLE_BYTES)).data;
        }
        catch (e) {
            if (!(0,errors/* isCheckpointError */.tF)(e))
                throw e;
            warnings.push(`zip entry ${entry.name} could not be read for scanning: ${e.detail}`);
            continue;
        }
        scanned++;
        const where = entry.name === dataPkl.name ? `${entry.name}#${entry.index}` : entry.name;
        try {
            scans.push((0,unpickler/* unpickle */.Kc)(data, { file: source.name, where, limits: options.pickleLimits ?? {} }).scan);
        }
        catch (e) {
            if (!(e instanceof scan/* PickleError */.z4))
                throw e;
            if (e.scan !== undefined)
                scans.push(e.scan);
            warnings.push(`pickle ${where} does not parse: ${e.detail}`);
        }
    }
}


/***/ })

};
;