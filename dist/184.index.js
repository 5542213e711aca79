export const id = 184;
export const ids = [184];
export const modules = {

/***/ 41168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ emulatorFor),
  I: () => (/* binding */ parseStoragePid)
});

// EXTERNAL MODULE: ./src/formats/torch/pickle/global-lists.ts
var global_lists = __webpack_require__(24957);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/torch-dtypes.ts
/**
 * torch storage classes and dtypes, mapped to safetensors dtype names (docs/reference/formats.md §2.3). Storage classes are
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



/** Estimated bytes of a tensor node with `dims` dims (two BigInt arrays). */
const tensorCost = (dims) => 256 + 48 * dims;
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
    ctx.charge(tensorCost(shape.length));
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
    ctx.charge(tensorCost(0));
    return { ...data, parameter: true, requiresGrad: args[1] === true };
}
function metaTensor(args, ctx, fn) {
    const { dtype, itemsize } = dtypeArg(args[0], fn, ctx);
    const shape = dimsArg(args[1], 'size', fn, ctx);
    const stride = dimsArg(args[2], 'stride', fn, ctx);
    checkLayout(shape, stride, 0n, fn, ctx);
    ctx.charge(tensorCost(shape.length));
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
function orderedDict(args, ctx, fn) {
    const d = (0,values/* pyDict */.IO)(fn);
    const init = args[0];
    const pairs = asItems(init);
    // a copy of every entry: a memoized big dict passed again and again must be paid for each time
    const entries = pairs?.length ??
        (init !== null && typeof init === 'object' && init.kind === 'dict' ? init.entries.length : 0);
    ctx.charge(48 + 64 * entries);
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
    return (args, ctx) => {
        const items = asItems(args[0]) ?? [];
        ctx.charge(48 + 8 * items.length);
        return { kind: 'set', items: [...items], frozen };
    };
}
/** `_codecs.encode(text, 'latin1')` is how protocol 2 spells a bytes literal. */
function codecsEncode(args, ctx, fn) {
    const [text, encoding] = args;
    if (typeof text !== 'string')
        return ctx.fail('InvalidPickle', `${fn}: expected a str, got ${(0,values/* describeValue */.bp)(text)}`);
    const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/[-_]/g, '') : 'utf8';
    // a new bytes object per call, up to three bytes a character
    ctx.charge(48 + 3 * text.length);
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
function torchSize(args, ctx) {
    const items = asItems(args[0]) ?? [];
    ctx.charge(48 + 8 * items.length);
    return (0,values/* pyTuple */.ED)([...items]);
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
    ['torch._tensor._rebuild_from_type_v2', rebuildFromType],
    ...global_lists/* TORCHSCRIPT_TAGGERS */.cU.map((f) => [`torch.jit._pickle.${f}`, (args) => args[0] ?? null])
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

/***/ 24957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ DANGEROUS_NAMES),
/* harmony export */   F8: () => (/* binding */ NUMPY_DATA),
/* harmony export */   Mp: () => (/* binding */ BENIGN_DUNDERS),
/* harmony export */   OL: () => (/* binding */ DANGEROUS_METHODS_OF),
/* harmony export */   PT: () => (/* binding */ DANGEROUS_MODULES),
/* harmony export */   _J: () => (/* binding */ MODULE_ALIASES),
/* harmony export */   cU: () => (/* binding */ TORCHSCRIPT_TAGGERS),
/* harmony export */   p3: () => (/* binding */ ALLOWED),
/* harmony export */   rY: () => (/* binding */ ALIASES)
/* harmony export */ });
/**
 * The data of the globals policy (globals-policy.ts holds the logic):
 *
 * - ALLOWED: what a state dict needs. The reference is PyTorch's `weights_only` unpickler
 *   (`torch/_weights_only_unpickler.py`, `_get_allowed_globals`): OrderedDict, Counter, Parameter, `_get_layout`,
 *   Size, Tensor, device, `_codecs.encode`, bytearray, set, complex, every dtype, tensor and storage class, the
 *   quantization schemes, the `_rebuild_*` functions and `_rebuild_from_type_v2`. We add harmless value
 *   constructors benign files carry (frozenset, slice) and the numpy data helpers old checkpoints hold (noted in
 *   reports). Everything else is unknown, and unknown fails the gate by default.
 * - DANGEROUS: known gadgets (code execution, file or network access, nested unpicklers, interpreter state). A
 *   user's allow-list never overrides them. Sources: the denylists of picklescan (`_unsafe_globals`), modelscan
 *   (`unsafe_globals`) and fickling (`UNSAFE_IMPORTS`), the advisories they cite, and the gadget classes of
 *   attack pass on this project (logging.config, pathlib methods, torch.hub, cpp_extension, torch.ops, torch.fx,
 *   distutils), each generalised to its module where nothing in the module belongs in a checkpoint.
 * - ALIASES: public spellings of dangerous callables whose object lives elsewhere (`torch.load` is
 *   `torch.serialization.load`), so a re-export cannot launder a denied name.
 */
/** Storage class names (torch.<X>Storage, torch.cuda.<X>Storage). */
const STORAGES = [
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
/** dtype globals (`str(dtype)` of torch's dtype maps, plus the aliases that name the same objects). */
const DTYPES = [
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
/** Legacy tensor classes (`torch._tensor_classes`). */
const TENSOR_CLASSES = ['Double', 'Float', 'Half', 'BFloat16', 'Long', 'Int', 'Short', 'Char', 'Byte', 'Bool'];
const REBUILDERS = [
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
/** `torch.jit._pickle` functions of TorchScript archives: each returns its first argument (a list's type tag). */
const TORCHSCRIPT_TAGGERS = [
    'build_intlist',
    'build_tensorlist',
    'build_doublelist',
    'build_boollist',
    'build_tensor_from_id',
    'restore_type_tag'
];
/** numpy helpers torch's default allowlist leaves out but old checkpoints carry: data only, noted in reports. */
const NUMPY_DATA = [
    'numpy.core.multiarray._reconstruct',
    'numpy._core.multiarray._reconstruct',
    'numpy.core.multiarray.scalar',
    'numpy._core.multiarray.scalar',
    'numpy.dtype',
    'numpy.ndarray'
];
/** `module.name` of every allowed global, as (module, name) pairs. */
const ALLOWED = [
    ['collections', 'OrderedDict'],
    ['collections', 'Counter'],
    ['torch.nn.parameter', 'Parameter'],
    ['torch.serialization', '_get_layout'],
    ['torch', 'Size'],
    ['torch', 'Tensor'],
    ['torch', 'device'],
    ['_codecs', 'encode'],
    ['builtins', 'bytearray'],
    ['builtins', 'set'],
    ['builtins', 'frozenset'],
    ['builtins', 'complex'],
    // a slice object holds three values and runs nothing
    ['builtins', 'slice'],
    ['torch', 'UntypedStorage'],
    ['torch.storage', 'UntypedStorage'],
    ['torch.storage', 'TypedStorage'],
    ['torch', 'per_tensor_affine'],
    ['torch', 'per_tensor_symmetric'],
    ['torch', 'per_channel_affine'],
    ['torch', 'per_channel_symmetric'],
    ['torch', 'per_channel_affine_float_qparams'],
    ['torch._tensor', '_rebuild_from_type_v2'],
    // TorchScript archives (constants.pkl, *.debug_pkl): identity functions that tag a list's type
    ...TORCHSCRIPT_TAGGERS.map((f) => ['torch.jit._pickle', f]),
    ...STORAGES.flatMap((s) => [
        ['torch', `${s}Storage`],
        ['torch.cuda', `${s}Storage`]
    ]),
    ...DTYPES.map((d) => ['torch', d]),
    ...TENSOR_CLASSES.flatMap((t) => [
        ['torch', `${t}Tensor`],
        ['torch.cuda', `${t}Tensor`]
    ]),
    ...REBUILDERS.map((f) => ['torch._utils', f]),
    ...NUMPY_DATA.map((s) => [
        s.slice(0, s.lastIndexOf('.')),
        s.slice(s.lastIndexOf('.') + 1)
    ])
];
/**
 * Whole modules: the module, its submodules and every name in them. Nothing here belongs in a checkpoint, and
 * each runs code, spawns processes, touches files or the network, or reaches interpreter state.
 */
const DANGEROUS_MODULES = [
    // processes, the OS, the interpreter
    'os',
    'posix',
    'nt',
    'subprocess',
    '_posixsubprocess',
    'commands',
    'popen2',
    'pty',
    'sys',
    'multiprocessing',
    '_multiprocessing',
    'concurrent',
    'threading',
    '_thread',
    'thread',
    'signal',
    'atexit',
    'sched',
    'resource',
    'asyncio',
    'ctypes',
    '_ctypes',
    'cffi',
    'platform',
    // code compilation, loading and execution
    'runpy',
    'code',
    'codeop',
    'compileall',
    'py_compile',
    'marshal',
    'inspect',
    'gc',
    'importlib',
    'imp',
    '_imp',
    '_frozen_importlib',
    '_frozen_importlib_external',
    'zipimport',
    'pkgutil',
    'site',
    '_interpreters',
    '_xxsubinterpreters',
    'functools',
    '_functools',
    'operator',
    '_operator',
    // debuggers, profilers, test runners, tools that run what they are given
    'bdb',
    'pdb',
    'trace',
    'profile',
    'cProfile',
    'timeit',
    'doctest',
    'unittest',
    'test',
    'idlelib',
    'lib2to3',
    '_pyrepl',
    'pydoc',
    'webbrowser',
    'antigravity',
    'mailcap',
    'cgitb',
    '_osx_support',
    '_aix_support',
    'uuid',
    'distutils',
    'setuptools',
    'pip',
    'ensurepip',
    'venv',
    // nested unpicklers and other loaders of code
    'pickle',
    '_pickle',
    'cPickle',
    'dill',
    'cloudpickle',
    'jsonpickle',
    'shelve',
    'yaml',
    'joblib.externals',
    'numpy.lib.npyio',
    'numpy.lib._npyio_impl',
    'numpy.ctypeslib',
    'numpy.distutils',
    'numpy.f2py',
    'numpy.testing',
    'numpy.lib._datasource',
    'pandas.io.pickle',
    'pandas.core.computation',
    'sympy.parsing',
    'sympy.core.sympify',
    'numexpr',
    // files
    'shutil',
    'tempfile',
    'fileinput',
    'linecache',
    'zipfile',
    'tarfile',
    'dbm',
    'sqlite3',
    'mmap',
    'logging.config',
    'logging.handlers',
    // network
    'socket',
    '_socket',
    'ssl',
    '_ssl',
    'socketserver',
    'SocketServer',
    'http.client',
    'http.server',
    'httplib',
    'BaseHTTPServer',
    'SimpleHTTPServer',
    'CGIHTTPServer',
    'urllib.request',
    'urllib2',
    'xmlrpc',
    'xmlrpclib',
    'SimpleXMLRPCServer',
    'DocXMLRPCServer',
    'ftplib',
    'poplib',
    'imaplib',
    'nntplib',
    'smtplib',
    'telnetlib',
    'requests',
    'urllib3',
    'httpx',
    'aiohttp',
    // torch: loaders, compilers, code generation and execution, process launchers
    'torch.serialization',
    'torch._weights_only_unpickler',
    'torch.hub',
    'torch.utils.model_zoo',
    'torch.utils.cpp_extension',
    'torch.utils.bottleneck',
    'torch.utils.collect_env',
    'torch.utils.data.datapipes',
    'torch.utils._config_module',
    'torch.ops',
    'torch._ops',
    'torch.classes',
    'torch._classes',
    'torch.library',
    'torch.fx',
    'torch.jit',
    'torch.package',
    'torch._dynamo',
    'torch._inductor',
    'torch._export',
    'torch.export',
    'torch.compiler',
    'torch.onnx',
    'torch.multiprocessing',
    'torch.distributed.rpc',
    'torch.distributed.elastic',
    'torch.distributed.run',
    'torch.distributed.launch',
    'torch.distributed.launcher',
    'torch.testing._internal'
];
/**
 * Single callables, `module:qualname`; an entry also covers attributes reached through it (`trace:Trace.run`
 * covers `Trace.run.__call__`). Names in modules that also hold harmless, commonly pickled names.
 */
const DANGEROUS_NAMES = [
    // builtins that evaluate, import, open files or reach attributes and frames
    ...[
        'eval',
        'exec',
        'execfile',
        'compile',
        'open',
        'file',
        'input',
        'raw_input',
        'getattr',
        'setattr',
        'delattr',
        'globals',
        'locals',
        'vars',
        'apply',
        'reload',
        'breakpoint',
        'help',
        'exit',
        'quit',
        '__import__',
        '__build_class__'
    ].flatMap((n) => [`builtins:${n}`, `__builtin__:${n}`]),
    'io:open',
    'io:open_code',
    'io:FileIO',
    '_io:open',
    '_io:open_code',
    '_io:FileIO',
    'codecs:open',
    'gzip:open',
    'gzip:GzipFile',
    'bz2:open',
    'bz2:BZ2File',
    'lzma:open',
    'lzma:LZMAFile',
    'pathlib:Path.write_text',
    'logging:FileHandler',
    'logging:basicConfig',
    'copyreg:add_extension',
    'copyreg:pickle',
    'copy_reg:add_extension',
    'copy_reg:pickle',
    'torch:load',
    'torch:save',
    'torch:from_file',
    'torch.storage:_load_from_bytes',
    'torch._utils:_import_dotted_name',
    'numpy:load',
    'numpy:loadtxt',
    'numpy:genfromtxt',
    'numpy:fromfile',
    'numpy:fromregex',
    'numpy:memmap',
    'numpy:save',
    'numpy:savez',
    'numpy:savez_compressed',
    'numpy:savetxt',
    'numpy:DataSource',
    'numpy.core.memmap:memmap',
    'numpy._core.memmap:memmap',
    'numpy.lib.format:read_array',
    'numpy.lib.format:open_memmap',
    'numpy.lib.format:write_array',
    'pandas:read_pickle',
    'pandas:eval',
    'joblib:load',
    'joblib:dump',
    'joblib.numpy_pickle:load',
    'joblib.numpy_pickle:dump',
    'sympy:sympify',
    'sympy:parse_expr',
    'weakref:finalize',
    'types:CodeType',
    'types:FunctionType',
    'types:LambdaType',
    'types:MethodType',
    'torch._C:import_ir_module',
    'torch._C:import_ir_module_from_buffer',
    'torch._C:_import_ir_module_from_package',
    'torch._C:_load_for_lite_interpreter',
    'torch._C:_load_for_lite_interpreter_from_buffer'
];
/**
 * Modules whose dotted names (a method reached through a class, `Path.write_text`) are all dangerous: the classes
 * themselves are harmless values, their methods read, write or delete files.
 */
const DANGEROUS_METHODS_OF = [
    'pathlib',
    'pathlib._local',
    'pathlib._abc',
    'builtins'
];
/**
 * Dunder names reached as globals (`torch.__builtins__`, `X.__init__.__globals__`) are introspection, never data.
 * These two are the constructors Python's own pickler writes for protocol 0-1 objects, and are not.
 */
const BENIGN_DUNDERS = new Set([
    'copyreg.__newobj__',
    'copyreg.__newobj_ex__',
    'copy_reg.__newobj__',
    'copy_reg.__newobj_ex__'
]);
/** Re-exports of dangerous objects: the spelling in a pickle -> the object's own module.qualname. */
const ALIASES = new Map([
    ['torch.load', 'torch.serialization.load'],
    ['torch.save', 'torch.serialization.save'],
    ['numpy.load', 'numpy.lib.npyio.load'],
    ['numpy.save', 'numpy.lib.npyio.save'],
    ['numpy.savez', 'numpy.lib.npyio.savez'],
    ['numpy.loadtxt', 'numpy.lib.npyio.loadtxt'],
    ['numpy.genfromtxt', 'numpy.lib.npyio.genfromtxt'],
    ['numpy.fromregex', 'numpy.lib.npyio.fromregex'],
    ['numpy.lib.load', 'numpy.lib.npyio.load'],
    ['numpy.memmap', 'numpy.core.memmap.memmap'],
    ['requests.get', 'requests.api.get'],
    ['requests.post', 'requests.api.post'],
    ['requests.put', 'requests.api.put'],
    ['requests.patch', 'requests.api.patch'],
    ['requests.delete', 'requests.api.delete'],
    ['requests.head', 'requests.api.head'],
    ['requests.options', 'requests.api.options'],
    ['requests.request', 'requests.api.request'],
    ['requests.Session', 'requests.sessions.Session'],
    ['os.system', 'posix.system'],
    ['os.popen', 'posix.popen'],
    ['io.open', 'builtins.open'],
    ['_io.open', 'builtins.open'],
    ['io.FileIO', '_io.FileIO'],
    ['pickle.loads', '_pickle.loads'],
    ['pickle.load', '_pickle.load'],
    ['pickle.Unpickler', '_pickle.Unpickler'],
    ['functools.partial', '_functools.partial'],
    ['functools.reduce', '_functools.reduce'],
    ['operator.attrgetter', '_operator.attrgetter'],
    ['operator.itemgetter', '_operator.itemgetter'],
    ['operator.methodcaller', '_operator.methodcaller'],
    ['pandas.read_pickle', 'pandas.io.pickle.read_pickle'],
    ['pandas.eval', 'pandas.core.computation.eval.eval'],
    ['joblib.load', 'joblib.numpy_pickle.load']
]);
/**
 * Modules that are one module under two names (C accelerators and platform aliases): a name under one is
 * judged under the other too.
 */
const MODULE_ALIASES = new Map([
    ['os', 'posix'],
    ['posix', 'os'],
    ['nt', 'os'],
    ['io', '_io'],
    ['_io', 'io'],
    ['pickle', '_pickle'],
    ['_pickle', 'pickle'],
    ['functools', '_functools'],
    ['_functools', 'functools'],
    ['operator', '_operator'],
    ['_operator', 'operator'],
    ['socket', '_socket'],
    ['_socket', 'socket'],
    ['ssl', '_ssl'],
    ['_ssl', 'ssl'],
    ['thread', '_thread'],
    ['_thread', 'thread'],
    ['torch.tensor', 'torch._tensor'],
    ['numpy.core', 'numpy._core'],
    ['numpy._core', 'numpy.core'],
    ['numpy.lib.npyio', 'numpy.lib._npyio_impl']
]);


/***/ }),

/***/ 65901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZC: () => (/* binding */ NON_STRING_MODULE),
  le: () => (/* binding */ SETATTR_MODULE),
  AE: () => (/* binding */ globalNote),
  FJ: () => (/* binding */ judgeGlobal)
});

// UNUSED EXPORTS: ALLOWED, ALLOWED_GLOBALS, DANGEROUS_MODULES, DANGEROUS_NAMES, classifyGlobal, effectiveGlobal

// EXTERNAL MODULE: ./src/formats/torch/pickle/global-lists.ts
var global_lists = __webpack_require__(24957);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/python2-names.ts
/**
 * The protocol 2 compatibility tables of Python's pickle module, complete: the facts of CPython's
 * `Lib/_compat_pickle.py` (python/cpython, main branch; read at commit 080b1c0d), written down here as data.
 *
 * Python's unpickler applies `NAME_MAPPING` (a (module, name) pair) and otherwise `IMPORT_MAPPING` (a module)
 * to every GLOBAL, INST and STACK_GLOBAL while the stream's current protocol is below 3 (`fix_imports`, on by
 * default and in torch.load), so `__builtin__ eval` loads `builtins.eval` and `urllib urlretrieve` loads
 * `urllib.request.urlretrieve`. The REVERSE tables are what Python 3's pickler writes for protocol 0-2 (the
 * Python 2 spelling of a Python 3 name); the scanner uses them as facts about which names are one object.
 *
 * The tables are built in the order `_compat_pickle.py` builds them: the reverse tables are the inverse of the
 * mutual entries only, then each table gets its non-mutual additions.
 */
/** Python 2 module -> Python 3 module (lib2to3's fix_imports MAPPING), the mutual part. */
const IMPORT_MUTUAL = [
    ['__builtin__', 'builtins'],
    ['copy_reg', 'copyreg'],
    ['Queue', 'queue'],
    ['SocketServer', 'socketserver'],
    ['ConfigParser', 'configparser'],
    ['repr', 'reprlib'],
    ['tkFileDialog', 'tkinter.filedialog'],
    ['tkSimpleDialog', 'tkinter.simpledialog'],
    ['tkColorChooser', 'tkinter.colorchooser'],
    ['tkCommonDialog', 'tkinter.commondialog'],
    ['Dialog', 'tkinter.dialog'],
    ['Tkdnd', 'tkinter.dnd'],
    ['tkFont', 'tkinter.font'],
    ['tkMessageBox', 'tkinter.messagebox'],
    ['ScrolledText', 'tkinter.scrolledtext'],
    ['Tkconstants', 'tkinter.constants'],
    ['Tix', 'tkinter.tix'],
    ['ttk', 'tkinter.ttk'],
    ['Tkinter', 'tkinter'],
    ['markupbase', '_markupbase'],
    ['_winreg', 'winreg'],
    ['thread', '_thread'],
    ['dummy_thread', '_dummy_thread'],
    ['dbhash', 'dbm.bsd'],
    ['dumbdbm', 'dbm.dumb'],
    ['dbm', 'dbm.ndbm'],
    ['gdbm', 'dbm.gnu'],
    ['xmlrpclib', 'xmlrpc.client'],
    ['SimpleXMLRPCServer', 'xmlrpc.server'],
    ['httplib', 'http.client'],
    ['htmlentitydefs', 'html.entities'],
    ['HTMLParser', 'html.parser'],
    ['Cookie', 'http.cookies'],
    ['cookielib', 'http.cookiejar'],
    ['BaseHTTPServer', 'http.server'],
    ['test.test_support', 'test.support'],
    ['commands', 'subprocess'],
    ['urlparse', 'urllib.parse'],
    ['robotparser', 'urllib.robotparser'],
    ['urllib2', 'urllib.request'],
    ['anydbm', 'dbm'],
    ['_abcoll', 'collections.abc']
];
/** Module mappings only Python 2 -> 3 (`IMPORT_MAPPING.update(...)`). */
const IMPORT_ONE_WAY = [
    ['cPickle', 'pickle'],
    ['_elementtree', 'xml.etree.ElementTree'],
    ['FileDialog', 'tkinter.filedialog'],
    ['SimpleDialog', 'tkinter.simpledialog'],
    ['DocXMLRPCServer', 'xmlrpc.server'],
    ['SimpleHTTPServer', 'http.server'],
    ['CGIHTTPServer', 'http.server'],
    // for broken pickles saved by old Python 3 versions
    ['UserDict', 'collections'],
    ['UserList', 'collections'],
    ['UserString', 'collections'],
    ['whichdb', 'dbm'],
    ['StringIO', 'io'],
    ['cStringIO', 'io']
];
/** Module mappings only Python 3 -> 2 (`REVERSE_IMPORT_MAPPING.update(...)`): C accelerators of a module. */
const REVERSE_IMPORT_ONE_WAY = [
    ['_bz2', 'bz2'],
    ['_dbm', 'dbm'],
    ['_functools', 'functools'],
    ['_gdbm', 'gdbm'],
    ['_pickle', 'pickle']
];
/** (module, name) renames, the mutual part (before the exception loops). */
const NAME_MUTUAL = [
    [
        ['__builtin__', 'xrange'],
        ['builtins', 'range']
    ],
    [
        ['__builtin__', 'reduce'],
        ['functools', 'reduce']
    ],
    [
        ['__builtin__', 'intern'],
        ['sys', 'intern']
    ],
    [
        ['__builtin__', 'unichr'],
        ['builtins', 'chr']
    ],
    [
        ['__builtin__', 'unicode'],
        ['builtins', 'str']
    ],
    [
        ['__builtin__', 'long'],
        ['builtins', 'int']
    ],
    [
        ['itertools', 'izip'],
        ['builtins', 'zip']
    ],
    [
        ['itertools', 'imap'],
        ['builtins', 'map']
    ],
    [
        ['itertools', 'ifilter'],
        ['builtins', 'filter']
    ],
    [
        ['itertools', 'ifilterfalse'],
        ['itertools', 'filterfalse']
    ],
    [
        ['itertools', 'izip_longest'],
        ['itertools', 'zip_longest']
    ],
    [
        ['UserDict', 'IterableUserDict'],
        ['collections', 'UserDict']
    ],
    [
        ['UserList', 'UserList'],
        ['collections', 'UserList']
    ],
    [
        ['UserString', 'UserString'],
        ['collections', 'UserString']
    ],
    [
        ['whichdb', 'whichdb'],
        ['dbm', 'whichdb']
    ],
    [
        ['_socket', 'fromfd'],
        ['socket', 'fromfd']
    ],
    [
        ['_multiprocessing', 'Connection'],
        ['multiprocessing.connection', 'Connection']
    ],
    [
        ['multiprocessing.process', 'Process'],
        ['multiprocessing.context', 'Process']
    ],
    [
        ['multiprocessing.forking', 'Popen'],
        ['multiprocessing.popen_fork', 'Popen']
    ],
    [
        ['urllib', 'ContentTooShortError'],
        ['urllib.error', 'ContentTooShortError']
    ],
    [
        ['urllib', 'getproxies'],
        ['urllib.request', 'getproxies']
    ],
    [
        ['urllib', 'pathname2url'],
        ['urllib.request', 'pathname2url']
    ],
    [
        ['urllib', 'quote_plus'],
        ['urllib.parse', 'quote_plus']
    ],
    [
        ['urllib', 'quote'],
        ['urllib.parse', 'quote']
    ],
    [
        ['urllib', 'unquote_plus'],
        ['urllib.parse', 'unquote_plus']
    ],
    [
        ['urllib', 'unquote'],
        ['urllib.parse', 'unquote']
    ],
    [
        ['urllib', 'url2pathname'],
        ['urllib.request', 'url2pathname']
    ],
    [
        ['urllib', 'urlcleanup'],
        ['urllib.request', 'urlcleanup']
    ],
    [
        ['urllib', 'urlencode'],
        ['urllib.parse', 'urlencode']
    ],
    [
        ['urllib', 'urlopen'],
        ['urllib.request', 'urlopen']
    ],
    [
        ['urllib', 'urlretrieve'],
        ['urllib.request', 'urlretrieve']
    ],
    [
        ['urllib2', 'HTTPError'],
        ['urllib.error', 'HTTPError']
    ],
    [
        ['urllib2', 'URLError'],
        ['urllib.error', 'URLError']
    ]
];
/**
 * Python 2's `exceptions` module, mapped to builtins (`PYTHON2_EXCEPTIONS`). `_compat_pickle` adds WindowsError
 * only on Windows; a scanner must cover every platform a file may be loaded on, so it is always here.
 */
const PYTHON2_EXCEPTIONS = [
    'ArithmeticError',
    'AssertionError',
    'AttributeError',
    'BaseException',
    'BufferError',
    'BytesWarning',
    'DeprecationWarning',
    'EOFError',
    'EnvironmentError',
    'Exception',
    'FloatingPointError',
    'FutureWarning',
    'GeneratorExit',
    'IOError',
    'ImportError',
    'ImportWarning',
    'IndentationError',
    'IndexError',
    'KeyError',
    'KeyboardInterrupt',
    'LookupError',
    'MemoryError',
    'NameError',
    'NotImplementedError',
    'OSError',
    'OverflowError',
    'PendingDeprecationWarning',
    'ReferenceError',
    'RuntimeError',
    'RuntimeWarning',
    'StopIteration',
    'SyntaxError',
    'SyntaxWarning',
    'SystemError',
    'SystemExit',
    'TabError',
    'TargetScopeError',
    'TypeError',
    'UnboundLocalError',
    'UnicodeDecodeError',
    'UnicodeEncodeError',
    'UnicodeError',
    'UnicodeTranslateError',
    'UnicodeWarning',
    'UserWarning',
    'ValueError',
    'Warning',
    'ZeroDivisionError',
    'WindowsError'
];
const MULTIPROCESSING_EXCEPTIONS = ['AuthenticationError', 'BufferTooShort', 'ProcessError', 'TimeoutError'];
/** (module, name) renames only Python 2 -> 3 (`NAME_MAPPING.update(...)`). */
const NAME_ONE_WAY = [
    [
        ['__builtin__', 'basestring'],
        ['builtins', 'str']
    ],
    [
        ['exceptions', 'StandardError'],
        ['builtins', 'Exception']
    ],
    [
        ['UserDict', 'UserDict'],
        ['collections', 'UserDict']
    ],
    [
        ['socket', '_socketobject'],
        ['socket', 'SocketType']
    ]
];
/** (module, name) renames only Python 3 -> 2 (`REVERSE_NAME_MAPPING.update(...)`). */
const REVERSE_NAME_ONE_WAY = [
    [
        ['_functools', 'reduce'],
        ['__builtin__', 'reduce']
    ],
    [
        ['tkinter.filedialog', 'FileDialog'],
        ['FileDialog', 'FileDialog']
    ],
    [
        ['tkinter.filedialog', 'LoadFileDialog'],
        ['FileDialog', 'LoadFileDialog']
    ],
    [
        ['tkinter.filedialog', 'SaveFileDialog'],
        ['FileDialog', 'SaveFileDialog']
    ],
    [
        ['tkinter.simpledialog', 'SimpleDialog'],
        ['SimpleDialog', 'SimpleDialog']
    ],
    [
        ['xmlrpc.server', 'ServerHTMLDoc'],
        ['DocXMLRPCServer', 'ServerHTMLDoc']
    ],
    [
        ['xmlrpc.server', 'XMLRPCDocGenerator'],
        ['DocXMLRPCServer', 'XMLRPCDocGenerator']
    ],
    [
        ['xmlrpc.server', 'DocXMLRPCRequestHandler'],
        ['DocXMLRPCServer', 'DocXMLRPCRequestHandler']
    ],
    [
        ['xmlrpc.server', 'DocXMLRPCServer'],
        ['DocXMLRPCServer', 'DocXMLRPCServer']
    ],
    [
        ['xmlrpc.server', 'DocCGIXMLRPCRequestHandler'],
        ['DocXMLRPCServer', 'DocCGIXMLRPCRequestHandler']
    ],
    [
        ['http.server', 'SimpleHTTPRequestHandler'],
        ['SimpleHTTPServer', 'SimpleHTTPRequestHandler']
    ],
    [
        ['http.server', 'CGIHTTPRequestHandler'],
        ['CGIHTTPServer', 'CGIHTTPRequestHandler']
    ],
    [
        ['_socket', 'socket'],
        ['socket', '_socketobject']
    ]
];
/** Python 3 exceptions that the reverse table writes as Python 2's `exceptions.OSError` / `ImportError`. */
const PYTHON3_OSERROR_EXCEPTIONS = [
    'BrokenPipeError',
    'ChildProcessError',
    'ConnectionAbortedError',
    'ConnectionError',
    'ConnectionRefusedError',
    'ConnectionResetError',
    'FileExistsError',
    'FileNotFoundError',
    'InterruptedError',
    'IsADirectoryError',
    'NotADirectoryError',
    'PermissionError',
    'ProcessLookupError',
    'TimeoutError'
];
const PYTHON3_IMPORTERROR_EXCEPTIONS = ['ModuleNotFoundError'];
const key = (module, name) => `${module}\u0000${name}`;
function buildTables() {
    const importMapping = new Map(IMPORT_MUTUAL.map(([a, b]) => [a, b]));
    const nameMapping = new Map(NAME_MUTUAL.map(([a, b]) => [key(...a), b]));
    for (const e of PYTHON2_EXCEPTIONS)
        nameMapping.set(key('exceptions', e), ['builtins', e]);
    for (const e of MULTIPROCESSING_EXCEPTIONS) {
        nameMapping.set(key('multiprocessing', e), ['multiprocessing.context', e]);
    }
    const reverseImport = new Map(IMPORT_MUTUAL.map(([a, b]) => [b, a]));
    const reverseName = new Map();
    for (const [k, v] of nameMapping) {
        const [m, n] = k.split('\u0000');
        reverseName.set(key(...v), [m, n]);
    }
    for (const [a, b] of IMPORT_ONE_WAY)
        importMapping.set(a, b);
    for (const [a, b] of REVERSE_IMPORT_ONE_WAY)
        reverseImport.set(a, b);
    for (const [a, b] of NAME_ONE_WAY)
        nameMapping.set(key(...a), b);
    for (const [a, b] of REVERSE_NAME_ONE_WAY)
        reverseName.set(key(...a), b);
    for (const e of PYTHON3_OSERROR_EXCEPTIONS)
        reverseName.set(key('builtins', e), ['exceptions', 'OSError']);
    for (const e of PYTHON3_IMPORTERROR_EXCEPTIONS) {
        reverseName.set(key('builtins', e), ['exceptions', 'ImportError']);
    }
    return { importMapping, nameMapping, reverseImport, reverseName };
}
const TABLES = buildTables();
/** `_compat_pickle.IMPORT_MAPPING`: Python 2 module -> Python 3 module. */
const IMPORT_MAPPING = TABLES.importMapping;
/** `_compat_pickle.REVERSE_IMPORT_MAPPING`: Python 3 module -> Python 2 module. */
const REVERSE_IMPORT_MAPPING = TABLES.reverseImport;
/** `_compat_pickle.NAME_MAPPING[(module, name)]`, or undefined. */
function nameMapping(module, name) {
    return TABLES.nameMapping.get(key(module, name));
}
/** `_compat_pickle.REVERSE_NAME_MAPPING[(module, name)]`, or undefined. */
function reverseNameMapping(module, name) {
    return TABLES.reverseName.get(key(module, name));
}
/** Sizes of the four tables (tests compare them with CPython's). */
const TABLE_SIZES = {
    importMapping: TABLES.importMapping.size,
    nameMapping: TABLES.nameMapping.size,
    reverseImportMapping: TABLES.reverseImport.size,
    reverseNameMapping: TABLES.reverseName.size
};
/**
 * What Python's `find_class` imports for a global written as `module name` while the stream is at `protocol`:
 * below protocol 3 the name mapping wins, else the module mapping; from protocol 3 on, the name as written.
 */
function fixImports(module, name, protocol) {
    if (protocol >= 3)
        return { module, name };
    const mapped = nameMapping(module, name);
    if (mapped !== undefined)
        return { module: mapped[0], name: mapped[1] };
    return { module: IMPORT_MAPPING.get(module) ?? module, name };
}

// EXTERNAL MODULE: ./src/formats/limits.ts
var limits = __webpack_require__(75094);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/globals-policy.ts




/**
 * Module name recorded for a STACK_GLOBAL whose operands are not strings: Python refuses it, but a pickle that
 * tries it is hostile (a module-override trick builds the operands by calls), so it is always dangerous.
 */
const NON_STRING_MODULE = '<non-string>';
/** Module name recorded for BUILD on an imported class or module: it sets attributes of that module. */
const SETATTR_MODULE = '<setattr>';
/** Modules torch.load renames before importing (`torch.serialization`'s `load_module_mapping`). */
const TORCH_MODULE_MAPPING = new Map([['torch.tensor', 'torch._tensor']]);
/** Dotted names longer than this are not walked: no real object sits that deep. */
const MAX_DOTTED_PARTS = limits/* SCAN_LIMITS */.nB.maxDottedParts;
const pairKey = (module, name) => `${module}\u0000${name}`;
const ALLOWED_SET = new Set(global_lists/* ALLOWED */.p3.map(([m, n]) => pairKey(m, n)));
/** Allowed entries by their joined `module.name`, for dotted spellings of the same object. */
const ALLOWED_BY_JOINED = new Map(global_lists/* ALLOWED */.p3.map((e) => [`${e[0]}.${e[1]}`, e]));
/** Exact `module.name` strings of the allowed tier. */
const ALLOWED_GLOBALS = new Set(global_lists/* ALLOWED */.p3.map(([m, n]) => `${m}.${n}`));
const DENIED_MODULES = new Set(global_lists/* DANGEROUS_MODULES */.PT);
const DENIED_NAMES = new Set(global_lists/* DANGEROUS_NAMES */.AJ.map((e) => e.replace(':', '.')));
const METHODS_DENIED = new Set(global_lists/* DANGEROUS_METHODS_OF */.OL);
/** Parts of the longest entry any list or alias table holds: a longer run of parts can match nothing. */
const MAX_ENTRY_PARTS = Math.max(...[...DENIED_MODULES, ...DENIED_NAMES, ...METHODS_DENIED, ...global_lists/* ALIASES */.rY.keys(), ...global_lists/* MODULE_ALIASES */._J.keys()].map((e) => e.split('.').length), ...[...IMPORT_MAPPING.keys()].map((e) => e.split('.').length));
/** The effective module and name Python 3 would import for a global written as `module name`. */
function effectiveGlobal(module, name, protocol = 2) {
    const mapped = fixImports(module, name, protocol);
    return { module: TORCH_MODULE_MAPPING.get(mapped.module) ?? mapped.module, name: mapped.name };
}
/** Judge a global written as `module name` in a pickle whose current protocol is `protocol`. */
function judgeGlobal(module, name, protocol = 2) {
    if (module === NON_STRING_MODULE || module === SETATTR_MODULE)
        return { module, name, tier: 'dangerous' };
    const eff = effectiveGlobal(module, name, protocol);
    const allowed = allowedEntry(eff.module, eff.name, protocol);
    if (allowed !== undefined) {
        const reached = `${allowed[0]}.${allowed[1]}`;
        const out = { ...eff, tier: 'allowed' };
        if (allowed[0] !== eff.module)
            out.resolvesTo = reached;
        return out;
    }
    const danger = dangerousReach(module, name, eff);
    if (danger !== undefined) {
        const out = { ...eff, tier: 'dangerous' };
        if (danger !== `${eff.module}.${eff.name}`)
            out.resolvesTo = danger;
        return out;
    }
    return { ...eff, tier: 'unknown' };
}
/** The tier of a global as written (see `judgeGlobal`). */
function classifyGlobal(module, name, protocol = 2) {
    return judgeGlobal(module, name, protocol).tier;
}
/** The allowlist entry `module name` loads, if any. */
function allowedEntry(module, name, protocol) {
    if (!name.includes('.')) {
        if (ALLOWED_SET.has(pairKey(module, name)))
            return [module, name];
        if (module === 'numpy.dtypes' && /^[A-Za-z0-9]+DType$/.test(name))
            return [module, name];
        return undefined;
    }
    // Only protocol 4+ walks a dotted name; before that `getattr(module, 'a.b')` fails. The walk reaches the entry
    // only through submodules of `module` (`torch` + `_utils.x`), which a package holds as attributes.
    if (protocol < 4)
        return undefined;
    const entry = ALLOWED_BY_JOINED.get(`${module}.${name}`);
    if (entry === undefined)
        return undefined;
    return entry[0] === module || entry[0].startsWith(`${module}.`) ? entry : undefined;
}
/**
 * The gadget a global could reach, as `module.qualname`, or undefined. Every reading of the name counts: a
 * scanner must be at least as generous as any loader (a pickle can switch protocols between imports, and
 * Python 2 names are mapped or not depending on that).
 */
function dangerousReach(writtenModule, writtenName, eff) {
    const mapped = fixImports(writtenModule, writtenName, 0);
    const readings = [
        [eff.module, eff.name],
        [writtenModule, writtenName],
        [mapped.module, mapped.name]
    ];
    for (let r = 0; r < readings.length; r++) {
        const [m, n] = readings[r];
        if (readings.slice(0, r).some(([pm, pn]) => pm === m && pn === n))
            continue;
        const dunder = dunderIn(m, n);
        if (dunder !== undefined)
            return dunder;
        const nameParts = n.split('.');
        if (nameParts.length > MAX_DOTTED_PARTS)
            return `${m}.${n}`;
        const moduleParts = m.split('.');
        const hit = deniedRange([...moduleParts, ...nameParts], moduleParts.length, true);
        if (hit !== undefined)
            return hit;
    }
    return undefined;
}
/** A dunder attribute in the name (`__builtins__`, `f.__globals__`): introspection, never data. */
function dunderIn(module, name) {
    if (global_lists/* BENIGN_DUNDERS */.Mp.has(`${module}.${name}`))
        return undefined;
    for (const part of name.split('.')) {
        if (part.length > 4 && part.startsWith('__') && part.endsWith('__'))
            return `${module}.${name}`;
    }
    return undefined;
}
/**
 * Walk every reading of `parts` (module parts, then the dotted name) the way attribute access can: from the
 * module (its parents, its submodules reached as package attributes, names in it), and from every part of the
 * name as a module imported inside the module and reached as an attribute (`torch` + `os.system` reaches the
 * `os` module that torch imports). A contiguous run of parts is judged as a denied module (anything under it),
 * a denied name (and anything reached through it), a module whose methods are denied, a re-export of a denied
 * object, or a module that is another module under a second name. Returns the run from its start to the end.
 */
function deniedRange(parts, moduleLength, followAliases) {
    // direct entries and re-exports first, so a report names the gadget itself; other module names after
    for (const pass of followAliases ? [1, 2] : [1]) {
        for (let i = 0; i < parts.length; i = i === 0 ? Math.max(1, moduleLength) : i + 1) {
            let run = '';
            for (let j = i; j < parts.length && j - i < MAX_ENTRY_PARTS; j++) {
                run = j === i ? parts[i] : `${run}.${parts[j]}`;
                const after = parts.length - j - 1;
                if (pass === 2) {
                    const other = after > 0 ? (global_lists/* MODULE_ALIASES */._J.get(run) ?? IMPORT_MAPPING.get(run)) : undefined;
                    const hit = other === undefined
                        ? undefined
                        : deniedRange([...other.split('.'), ...parts.slice(j + 1)], Infinity, false);
                    if (hit !== undefined)
                        return hit;
                    continue;
                }
                const alias = followAliases ? global_lists/* ALIASES */.rY.get(run) : undefined;
                if (alias !== undefined) {
                    const reached = [...alias.split('.'), ...parts.slice(j + 1)];
                    if (deniedRange(reached, Infinity, false) !== undefined)
                        return reached.join('.');
                }
                if (DENIED_MODULES.has(run) || DENIED_NAMES.has(run) || (after >= 2 && METHODS_DENIED.has(run))) {
                    return parts.slice(i).join('.');
                }
            }
        }
    }
    return undefined;
}
/** A short note for globals whose tier needs explaining in a report, else undefined. */
function globalNote(module, name) {
    if (global_lists/* NUMPY_DATA */.F8.includes(`${module}.${name}`) || module === 'numpy.dtypes') {
        return 'numpy data helper: not allowed by torch weights_only; Hugging Face marks it suspicious';
    }
    return undefined;
}


/***/ }),

/***/ 70891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ globalWarnings),
/* harmony export */   GQ: () => (/* binding */ scanGlobals),
/* harmony export */   Pv: () => (/* binding */ mergeGlobals),
/* harmony export */   _j: () => (/* binding */ ScanRecorder),
/* harmony export */   z4: () => (/* binding */ PickleError)
/* harmony export */ });
/* unused harmony exports worse, globalsOfError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _globals_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65901);
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
    /** Verdicts by written name and protocol class, so a name imported again costs one lookup. */
    verdicts = new Map();
    /**
     * Record an import written as `module name` while the stream is at `protocol`; returns the verdict (the
     * effective name, its tier and what it resolves to). Python's renames change only at protocols 3 and 4.
     */
    recordImport(writtenModule, writtenName, offset, protocol = 2) {
        const protoClass = protocol >= 4 ? 4 : protocol >= 3 ? 3 : 2;
        const vkey = `${protoClass}\u0000${writtenModule}\u0000${writtenName}`;
        let verdict = this.verdicts.get(vkey);
        if (verdict === undefined) {
            verdict = (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .judgeGlobal */ .FJ)(writtenModule, writtenName, protoClass);
            this.verdicts.set(vkey, verdict);
        }
        const { module, name } = verdict;
        const key = `${module}\u0000${name}`;
        let entry = this.importIndex.get(key);
        if (entry === undefined) {
            entry = { module, name, tier: verdict.tier, count: 0, firstOffset: offset };
            if (verdict.resolvesTo !== undefined)
                entry.resolvesTo = verdict.resolvesTo;
            const note = (0,_globals_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .globalNote */ .AE)(module, name);
            if (note !== undefined)
                entry.note = note;
            this.importIndex.set(key, entry);
            this.scan.imports.push(entry);
        }
        else if (worse(verdict.tier, entry.tier)) {
            // a different spelling of the same effective name may classify worse
            entry.tier = verdict.tier;
            if (verdict.resolvesTo !== undefined)
                entry.resolvesTo = verdict.resolvesTo;
        }
        entry.count++;
        return verdict;
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
    return scan.imports.map((g) => {
        const out = {
            module: g.module,
            name: g.name,
            tier: g.tier,
            where: scan.where,
            count: g.count
        };
        if (g.resolvesTo !== undefined)
            out.resolvesTo = g.resolvesTo;
        return out;
    });
}
const TIER_RANK = { allowed: 0, unknown: 1, dangerous: 2 };
/** Whether tier `a` is worse than `b` (dangerous > unknown > allowed). */
function worse(a, b) {
    return TIER_RANK[a] > TIER_RANK[b];
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
const UNKNOWN_NOTE = '; globals not on the allowlist: ';
const MAX_NOTE_NAMES = 5;
/**
 * `detail` with the globals that fail a gate named once at its end: dangerous ones, then unknown ones (replacing
 * an earlier note: the list may have grown). An unreadable file exits 2 with these listed.
 */
function withDangerNote(detail, globals) {
    const at = [detail.indexOf(DANGER_NOTE), detail.indexOf(UNKNOWN_NOTE)].filter((i) => i >= 0);
    const base = at.length === 0 ? detail : detail.slice(0, Math.min(...at));
    const names = (tier) => {
        const all = [...new Set(globals.filter((g) => g.tier === tier).map((g) => `${g.module}.${g.name}`))];
        const more = all.length > MAX_NOTE_NAMES ? ` and ${all.length - MAX_NOTE_NAMES} more` : '';
        return all.length === 0 ? '' : `${all.slice(0, MAX_NOTE_NAMES).join(', ')}${more}`;
    };
    const dangerous = names('dangerous');
    const unknown = names('unknown');
    return (base + (dangerous === '' ? '' : DANGER_NOTE + dangerous) + (unknown === '' ? '' : UNKNOWN_NOTE + unknown));
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

/***/ 50184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ge: () => (/* binding */ looksLikePickle),
/* harmony export */   r9: () => (/* binding */ importsPythonNames),
/* harmony export */   sourceLooksLikePickle: () => (/* binding */ sourceLooksLikePickle)
/* harmony export */ });
/* unused harmony exports SNIFF_BYTES, isPythonName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86289);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70891);
/* harmony import */ var _unpickler_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36599);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75094);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49997);
/**
 * Is this a pickle? Protocols 2 to 5 open with PROTO; protocols 0 and 1 have no marker at all, and a scanner that
 * waits for one lets them through. So a candidate's first bytes get a trial run of the machine (non-executing,
 * bounded): a pickle either reaches STOP, runs out of input in the middle of well-formed opcodes, or imports
 * something. Text that happens to start with an opcode letter fails within a few opcodes, and its "imports"
 * are not Python names (`lass Foo(Module):` is not a module), so it is not taken for one.
 */





/** Bytes of a candidate the trial run looks at first. */
const SNIFF_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SCAN_LIMITS */ .nB.sniffBytes;
const MIN_PLAIN_OPCODES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SCAN_LIMITS */ .nB.minPlainOpcodes;
/** A module or qualified name Python could import (`a.b.c` of identifiers), or one of our hostile markers. */
function isPythonName(dotted) {
    if (dotted.startsWith('<'))
        return true;
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .isDottedPythonName */ .wD)(dotted);
}
/** Whether a scan imported at least one global that Python could resolve. */
function importsPythonNames(scan) {
    return scan !== undefined && scan.imports.some((g) => isPythonName(g.module) && isPythonName(g.name));
}
/** Whether `head` (the first bytes of a file or zip record) is the start of a pickle. */
function looksLikePickle(head, options) {
    return trial(head, options) === 'yes';
}
/**
 * The trial run: `more` when the bytes so far are well-formed but prove nothing yet (a first string or line
 * longer than the window: an attacker can open a protocol 0 pickle with a 5 KB string).
 */
function trial(head, options) {
    if (head.length === 0)
        return 'no';
    // PROTO 2..5 is as much of a signature as pickles have: such a record is scanned, and a failure reported
    const framed = head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5;
    if (framed && options.strict !== true)
        return 'yes';
    try {
        (0,_unpickler_js__WEBPACK_IMPORTED_MODULE_2__/* .unpickle */ .Kc)(head, {
            file: '',
            where: 'sniff',
            limits: { maxOpcodes: SNIFF_BYTES, maxHeldBytes: 64 * 1024 * 1024 }
        });
        return 'yes';
    }
    catch (e) {
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg))
            throw e;
        if (!(e instanceof _scan_js__WEBPACK_IMPORTED_MODULE_1__/* .PickleError */ .z4) || e.scan === undefined)
            return 'no';
        const scan = e.scan;
        if (importsPythonNames(scan))
            return 'yes';
        // tensor data records: only an import or a STOP is evidence, and they are never read further
        if (options.strict === true)
            return 'no';
        // ran out of input (or past the trial's opcode bound) partway: well-formed so far
        const partway = (e.code === 'Truncated' && !options.whole) || e.code === 'PickleLimitExceeded';
        if (!partway)
            return 'no';
        if (scan.opcodes >= MIN_PLAIN_OPCODES)
            return 'yes';
        return options.whole ? 'no' : 'more';
    }
}
/**
 * `looksLikePickle` on a source read through `read(length)`, growing the window (x16) while the trial needs more
 * bytes, up to `max` (the caller's budget for a candidate it would then read whole anyway).
 */
async function sourceLooksLikePickle(read, size, max, strict = false) {
    let window = Math.min(size, SNIFF_BYTES);
    for (;;) {
        const head = await read(window);
        const whole = head.length >= size;
        const verdict = trial(head, { whole, strict });
        if (verdict !== 'more')
            return verdict === 'yes';
        if (whole || window >= max)
            return false;
        window = Math.min(size, max, window * 16);
    }
}


/***/ }),

/***/ 36599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ag: () => (/* reexport */ NeedMoreInput),
  Kc: () => (/* binding */ unpickle)
});

// UNUSED EXPORTS: DEFAULT_UNPICKLE_LIMITS, unpicklerTesting

// EXTERNAL MODULE: ./src/formats/torch/pickle/globals-policy.ts + 1 modules
var globals_policy = __webpack_require__(65901);
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
var scan = __webpack_require__(70891);
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
    // the output is never longer than the input: one buffer, no per-byte array
    const out = new Uint8Array(end);
    let n = 0;
    for (let i = 1; i < end - 1; i++) {
        const c = line[i];
        if (c !== 0x5c) {
            out[n++] = c;
            continue;
        }
        const e = line[++i];
        if (e === undefined || i >= end - 1)
            return undefined;
        if (e === 0x78) {
            const hex = String.fromCharCode(line[i + 1] ?? 0, line[i + 2] ?? 0);
            if (!/^[0-9a-fA-F]{2}$/.test(hex))
                return undefined;
            out[n++] = parseInt(hex, 16);
            i += 2;
        }
        else if (e >= 0x30 && e <= 0x37) {
            let v = 0;
            let digits = 0;
            while (digits < 3 && i < end - 1 && line[i] >= 0x30 && line[i] <= 0x37) {
                v = v * 8 + (line[i] - 0x30);
                digits++;
                i++;
            }
            i--;
            out[n++] = v & 0xff;
        }
        else {
            const simple = SIMPLE_ESCAPES[e];
            if (simple !== undefined)
                out[n++] = simple;
            else {
                out[n++] = 0x5c;
                out[n++] = e;
            }
        }
    }
    return out.subarray(0, n);
}
const SIMPLE_ESCAPES = {
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
const utf16 = new TextDecoder('utf-16le');
/**
 * UNICODE arguments are raw-unicode-escape: latin-1 bytes with `\uXXXX` and `\UXXXXXXXX` escapes. Decoded into one
 * UTF-16 buffer (never longer than the input) and made a string once: appending a character at a time builds a
 * rope of millions of nodes from a long line.
 */
function decodeRawUnicodeEscape(line) {
    const units = new Uint16Array(line.length);
    let n = 0;
    for (let i = 0; i < line.length;) {
        if (line[i] !== 0x5c) {
            units[n++] = line[i++];
            continue;
        }
        // a run of backslashes is copied; `\u` is an escape only after an odd number of them (as CPython decodes)
        const runStart = i;
        while (i < line.length && line[i] === 0x5c)
            units[n++] = line[i++];
        const u = line[i];
        if (((i - runStart) & 1) === 0 || (u !== 0x75 && u !== 0x55))
            continue;
        n--; // the escaping backslash
        const digits = u === 0x75 ? 4 : 8;
        let cp = 0;
        for (let k = 0; k < digits; k++) {
            const h = hexValue(line[i + 1 + k]);
            if (h < 0)
                return undefined;
            cp = cp * 16 + h;
        }
        if (cp > 0x10ffff)
            return undefined;
        if (cp > 0xffff) {
            units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
            units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        }
        else
            units[n++] = cp;
        i += 1 + digits;
    }
    return utf16.decode(units.subarray(0, n));
}
function hexValue(b) {
    if (b === undefined)
        return -1;
    if (b >= 0x30 && b <= 0x39)
        return b - 0x30;
    if (b >= 0x41 && b <= 0x46)
        return b - 0x37;
    if (b >= 0x61 && b <= 0x66)
        return b - 0x57;
    return -1;
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
var limits = __webpack_require__(75094);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/machine.ts






const DEFAULT_UNPICKLE_LIMITS = limits/* PICKLE_LIMITS */.Qt;
/** Estimated bytes of the values the machine builds (V8 on 64-bit: object headers, pointers, map entries). */
const COST = {
    /** A string: header plus two bytes a UTF-16 unit (an upper bound; ASCII strings take one). */
    stringBase: 24,
    /** A container object (tuple, list, dict, set, bytes view, call node) before its items. */
    container: 48,
    /** One item slot of a list, tuple or set. */
    item: 8,
    /** One dict entry (key/value pair and its index slot). */
    dictEntry: 64,
    /** One memo entry. */
    memoEntry: 40,
    /** A float or a BigInt beyond the shared small ints (plus its bytes). */
    number: 24,
    /** A storage or tensor node (plus its dims). */
    tensor: 256
};
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
    /** Estimated bytes of the values built so far (see COST). */
    held = 0;
    maxHeld;
    constructor(bytes, options) {
        this.bytes = bytes;
        this.options = options;
        this.limits = { ...DEFAULT_UNPICKLE_LIMITS, ...options.limits };
        this.maxStack = this.limits.maxStack;
        this.maxHeld = this.limits.maxHeldBytes;
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
    /** Count `bytes` more of built values against the pickle memory budget. */
    charge(bytes) {
        this.held += bytes;
        if (this.held > this.maxHeld) {
            this.fail('BudgetExceeded', `the pickle builds more than ${this.maxHeld} bytes of objects (the pickle memory budget)`);
        }
    }
    chargeBound = (bytes) => this.charge(bytes);
    /** A decoded string, charged. */
    str(s) {
        this.charge(COST.stringBase + 2 * s.length);
        return s;
    }
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
        return this.str(decodeUtf8(this.line(what)) ?? this.fail('InvalidPickle', `${what}: argument is not UTF-8`));
    }
    utf8(bytes, what) {
        return this.str(decodeUtf8(bytes) ?? this.fail('InvalidPickle', `${what}: string is not valid UTF-8`));
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
        if (!this.memo.has(i)) {
            if (this.memo.size >= this.limits.maxMemo) {
                this.fail('PickleLimitExceeded', `memo exceeds ${this.limits.maxMemo} entries`);
            }
            this.charge(COST.memoEntry);
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
    grow(length, adding, each = COST.item) {
        if (length + adding > this.limits.maxContainerItems) {
            this.fail('PickleLimitExceeded', `a container exceeds ${this.limits.maxContainerItems} items`);
        }
        this.charge(adding * each);
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
        this.grow(dict.entries.length, flat.length / 2, COST.dictEntry);
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
        if (target.kind === 'global') {
            // BUILD on a class or module sets its attributes: a later import of a name in it loads what the pickle
            // put there (a module-override attack turns `torch._utils._rebuild_tensor` into `eval`)
            this.rec.recordImport(globals_policy/* SETATTR_MODULE */.le, `${target.module}.${target.name}`, this.opStart - this.start);
            this.rec.anomaly(`BUILD on ${target.module}.${target.name} sets attributes of an imported object`);
            return;
        }
        if (target.kind === 'object') {
            const callee = target.callee;
            const isGlobal = callee !== null && typeof callee === 'object' && callee.kind === 'global';
            const name = isGlobal ? `${callee.module}.${callee.name}` : '<computed>';
            const tier = isGlobal ? callee.tier : 'unknown';
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

// EXTERNAL MODULE: ./src/formats/torch/pickle/emulation.ts + 1 modules
var emulation = __webpack_require__(41168);
;// CONCATENATED MODULE: ./src/formats/torch/pickle/calls.ts



class CallMachine extends MachineState {
    /**
     * The protocol `find_class` sees: the argument of the last PROTO so far (0 before any). A stream may switch
     * protocols between imports, and Python's renames depend on it.
     */
    proto = 0;
    global(module, name) {
        const verdict = this.rec.recordImport(module, name, this.opStart - this.start, this.proto);
        this.charge(COST.container);
        if (this.rec.scan.imports.length > this.limits.maxGlobals) {
            this.fail('PickleLimitExceeded', `more than ${this.limits.maxGlobals} distinct globals`);
        }
        const reached = verdict.tier === 'allowed' ? verdict.resolvesTo : undefined;
        if (reached !== undefined) {
            const dot = reached.lastIndexOf('.');
            return { kind: 'global', module: reached.slice(0, dot), name: reached.slice(dot + 1), tier: 'allowed' };
        }
        return { kind: 'global', module: verdict.module, name: verdict.name, tier: verdict.tier };
    }
    /**
     * Per imported global (memoized globals come back as the same object): its name, tier, emulator and call-site
     * records by opcode, so a call of a global seen before builds no strings and does no keyed lookups.
     */
    callees = new WeakMap();
    /** The one context object emulators get (not one per call). */
    emulation = { fail: this.failBound, charge: this.chargeBound };
    call(callee, args, via, kwargs) {
        const at = this.opStart - this.start;
        if (callee !== null && typeof callee === 'object' && callee.kind === 'global') {
            let info = this.callees.get(callee);
            if (info === undefined) {
                const name = `${callee.module}.${callee.name}`;
                info = {
                    name,
                    tier: callee.tier,
                    // only what the allowlist admits is interpreted; anything else stays an inert node
                    emulator: callee.tier === 'allowed' ? (0,emulation/* emulatorFor */.j)(name) : undefined,
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
        this.charge(COST.container);
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
    persistent(pid) {
        this.charge(COST.tensor);
        const load = this.options.persistentLoad;
        return load === undefined ? { kind: 'persistent', pid } : load(pid, this.failBound);
    }
}

;// CONCATENATED MODULE: ./src/formats/torch/pickle/text-ops.ts
/**
 * The opcodes of protocols 0 and 1 that read their argument as text up to a newline (INT, LONG, FLOAT, UNICODE,
 * STRING, GET, PUT, GLOBAL, INST, PERSID), and Python 2's byte strings (BINSTRING, SHORT_BINSTRING). A torch
 * checkpoint uses GLOBAL alone of these (protocol 2 writes imports as text), so they live apart from the binary
 * opcodes the unpickler's loop runs for every tensor.
 */




class TextOpsMachine extends CallMachine {
    /** Runs one of these opcodes; any other byte is not an opcode. */
    textOp(op) {
        switch (op) {
            case /* INT */ 0x49: {
                const text = this.textLine('INT');
                if (text === '00')
                    return this.push(false);
                if (text === '01')
                    return this.push(true);
                const v = parseIntLine(text, false);
                this.charge(COST.number + text.length);
                return this.push(v ?? this.fail('InvalidPickle', 'INT argument is not an integer'));
            }
            case /* LONG */ 0x4c: {
                const text = this.textLine('LONG');
                this.charge(COST.number + text.length);
                const v = parseIntLine(text, true);
                return this.push(v ?? this.fail('InvalidPickle', 'LONG argument is not an integer'));
            }
            case /* FLOAT */ 0x46: {
                this.charge(COST.number);
                const v = parseFloatLine(this.textLine('FLOAT'));
                return this.push(v ?? this.fail('InvalidPickle', 'FLOAT argument is not a number'));
            }
            case /* UNICODE */ 0x56: {
                const v = decodeRawUnicodeEscape(this.line('UNICODE'));
                return this.push(this.str(v ?? this.fail('InvalidPickle', 'UNICODE argument has a bad escape')));
            }
            case /* STRING */ 0x53: {
                const v = parseStringRepr(this.line('STRING'));
                return this.push(this.str(v === undefined ? this.fail('InvalidPickle', 'STRING argument is not quoted') : decodePy2Str(v)));
            }
            case /* BINSTRING */ 0x54: {
                this.need(4, 'BINSTRING');
                const n = this.view.getInt32(this.pos, true);
                this.pos += 4;
                return this.push(this.str(decodePy2Str(this.take(this.length(n, 'BINSTRING'), 'BINSTRING'))));
            }
            case /* SHORT_BINSTRING */ 0x55:
                return this.push(this.str(decodePy2Str(this.take(this.u8('SHORT_BINSTRING'), 'SHORT_BINSTRING'))));
            case /* PUT */ 0x70:
                return this.memoPut(parseIntLine(this.textLine('PUT'), false) ?? this.fail('InvalidPickle', 'bad PUT index'), this.top());
            case /* GET */ 0x67:
                return this.push(this.memoGet(parseIntLine(this.textLine('GET'), false) ?? this.fail('InvalidPickle', 'bad GET index')));
            case /* GLOBAL */ 0x63: {
                const module = this.textLine('GLOBAL module');
                const name = this.textLine('GLOBAL name');
                return this.push(this.global(module, name));
            }
            case /* INST */ 0x69: {
                const module = this.textLine('INST module');
                const name = this.textLine('INST name');
                const cls = this.global(module, name);
                return this.push(this.call(cls, this.popMark(), 'INST'));
            }
            case /* PERSID */ 0x50:
                return this.push(this.persistent(this.textLine('PERSID')));
            default:
                return this.fail('InvalidPickle', `unknown opcode ${opName(op)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/formats/torch/pickle/binary-ops.ts
/**
 * What each binary opcode of protocols 2 to 5 does (the opcodes a torch checkpoint is written in), one opcode per
 * `step`, every argument read and every push bounded by machine.ts. The loop that drives it, and its inline fast
 * path for the commonest of these opcodes, are in unpickler.ts; protocol 0/1 text opcodes are in text-ops.ts.
 */






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
class BinaryOpsMachine extends TextOpsMachine {
    stop() {
        const value = this.pop();
        if (this.stack.length > 0 || this.marks.length > 0)
            this.rec.anomaly('stack not empty after STOP');
        return { value, end: this.pos, scan: this.rec.scan, held: this.held };
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
                this.rec.scan.protocol ??= p;
                this.proto = p;
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
                this.charge(COST.number + n);
                return this.push(decodeLongLE(this.take(n, opName(op))));
            }
            case /* BINFLOAT */ 0x47:
                this.need(8, 'BINFLOAT');
                this.charge(COST.number);
                this.push(this.view.getFloat64(this.pos, false));
                this.pos += 8;
                return;
            case /* BINUNICODE */ 0x58:
                return this.push(this.utf8(this.take(this.length(this.u32(), 'BINUNICODE'), 'BINUNICODE'), 'BINUNICODE'));
            case /* SHORT_BINUNICODE */ 0x8c:
                return this.push(this.utf8(this.take(this.u8('SHORT_BINUNICODE'), 'SHORT_BINUNICODE'), 'SHORT_BINUNICODE'));
            case /* BINUNICODE8 */ 0x8d:
                return this.push(this.utf8(this.take(this.length(this.u64(), 'BINUNICODE8'), 'BINUNICODE8'), 'BINUNICODE8'));
            case /* BINBYTES */ 0x42:
                return this.pushBytes(this.take(this.length(this.u32(), 'BINBYTES'), 'BINBYTES'), false);
            case /* SHORT_BINBYTES */ 0x43:
                return this.pushBytes(this.take(this.u8('SHORT_BINBYTES'), 'SHORT_BINBYTES'), false);
            case /* BINBYTES8 */ 0x8e:
                return this.pushBytes(this.take(this.length(this.u64(), 'BINBYTES8'), 'BINBYTES8'), false);
            case /* BYTEARRAY8 */ 0x96:
                return this.pushBytes(this.take(this.length(this.u64(), 'BYTEARRAY8'), 'BYTEARRAY8'), true);
            case /* EMPTY_TUPLE */ 0x29:
                this.charge(COST.container);
                return this.push((0,values/* pyTuple */.ED)([]));
            case /* TUPLE */ 0x74: {
                const items = this.popMark();
                this.charge(COST.container + COST.item * items.length);
                return this.push((0,values/* pyTuple */.ED)(items));
            }
            case /* TUPLE1 */ 0x85:
            case /* TUPLE2 */ 0x86:
            case /* TUPLE3 */ 0x87: {
                const n = op - Op.TUPLE1 + 1;
                const items = new Array(n);
                for (let i = n - 1; i >= 0; i--)
                    items[i] = this.pop();
                this.charge(COST.container + COST.item * n);
                return this.push((0,values/* pyTuple */.ED)(items));
            }
            case /* EMPTY_LIST */ 0x5d:
                this.charge(COST.container);
                return this.push({ kind: 'list', items: [] });
            case /* LIST */ 0x6c: {
                const items = this.popMark();
                this.charge(COST.container + COST.item * items.length);
                return this.push({ kind: 'list', items });
            }
            case /* EMPTY_DICT */ 0x7d:
                this.charge(COST.container);
                return this.push((0,values/* pyDict */.IO)());
            case /* DICT */ 0x64: {
                this.charge(COST.container);
                const d = (0,values/* pyDict */.IO)();
                this.setItems(d, this.popMark());
                return this.push(d);
            }
            case /* EMPTY_SET */ 0x8f:
                this.charge(COST.container);
                return this.push({ kind: 'set', items: [], frozen: false });
            case /* FROZENSET */ 0x91: {
                const items = this.popMark();
                this.charge(COST.container + COST.item * items.length);
                return this.push({ kind: 'set', items, frozen: true });
            }
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
            case /* BINPUT */ 0x71:
                return this.memoPut(this.u8('BINPUT'), this.top());
            case /* LONG_BINPUT */ 0x72:
                return this.memoPut(this.u32(), this.top());
            case /* MEMOIZE */ 0x94:
                return this.memoPut(this.memo.size, this.top());
            case /* BINGET */ 0x68:
                return this.push(this.memoGet(this.u8('BINGET')));
            case /* LONG_BINGET */ 0x6a:
                return this.push(this.memoGet(this.u32()));
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
            case /* EXT1 */ 0x82:
            case /* EXT2 */ 0x83:
            case /* EXT4 */ 0x84:
                this.rec.anomaly(`${opName(op)} (copyreg extension registry)`);
                return this.fail('UnsupportedPickle', `${opName(op)} (extension registry) is not supported`);
            case /* NEXT_BUFFER */ 0x97:
            case /* READONLY_BUFFER */ 0x98:
                return this.fail('UnsupportedPickle', `${opName(op)} (out-of-band buffers) is not supported`);
            default:
                return this.textOp(op);
        }
    }
    pushBytes(data, mutable) {
        // a view, not a copy: memory stays bounded by the input, which the caller already bounded
        this.charge(COST.container);
        this.push({ kind: 'bytes', data, mutable });
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
 *
 * The machine is layered: machine.ts holds the state and its bounded stack, memo and reads; calls.ts imports and
 * calls; text-ops.ts the protocol 0/1 text opcodes; binary-ops.ts the binary opcodes, one per `step`; this file
 * the opcode loop, with its inline fast path for the commonest binary opcodes.
 */






/** Run one pickle from `options.start` to its STOP opcode. */
function unpickle(bytes, options) {
    return new Machine(bytes, options).run();
}
/**
 * For tests only. The fast path in `run` is a second copy of what `step` does for its opcodes (the same checks,
 * the same effects); with `fastPath` false every opcode goes through `step`, so the differential test
 * (__tests__/formats/pickle-fast-path.test.ts) can run both on the same inputs and require the same result or
 * the same error. Nothing outside that test changes it.
 */
const unpicklerTesting = { fastPath: true };
class Machine extends BinaryOpsMachine {
    run() {
        // loop invariants in locals: this loop runs once per opcode, mostly interpreted
        const bytes = this.bytes;
        const end = this.end;
        const scan = this.rec.scan;
        const maxOpcodes = this.limits.maxOpcodes;
        const stack = this.stack;
        const marks = this.marks;
        const memo = this.memo;
        const maxStack = this.maxStack;
        const maxMarkDepth = this.limits.maxMarkDepth;
        const maxStringBytes = this.limits.maxStringBytes;
        const maxHeld = this.maxHeld;
        const fast = unpicklerTesting.fastPath;
        let opcodes = 0;
        // The position lives in a local while the loop runs the opcodes below; `this.pos`, `opStart` and
        // `scan.opcodes` are brought up to date before anything else can look at them (step, a call, an error).
        let pos = this.pos;
        for (;;) {
            if (pos >= end || opcodes >= maxOpcodes) {
                this.opStart = pos;
                this.pos = pos;
                scan.opcodes = opcodes;
                if (pos >= end) {
                    if (!this.complete)
                        throw new NeedMoreInput();
                    this.fail('Truncated', 'input ends before STOP');
                }
                this.fail('PickleLimitExceeded', `more than ${maxOpcodes} opcodes`);
            }
            opcodes++;
            const op = bytes[pos];
            // The opcodes a state dict is mostly made of (a thousand-tensor data.pkl is ~25k opcodes, run interpreted),
            // done here without the method calls `step` makes for each. Every check `step` would make comes first; when
            // one does not pass, nothing has changed yet and `step` runs the opcode, failing with its own message.
            // This is a second copy of these opcodes: pickle-fast-path.test.ts checks it against `step` alone.
            if (fast)
                switch (op) {
                    case /* BINGET */ 0x68:
                        if (pos + 1 < end && stack.length < maxStack) {
                            const v = memo.get(bytes[pos + 1]);
                            if (v !== undefined) {
                                stack.push(v);
                                pos += 2;
                                continue;
                            }
                        }
                        break;
                    case /* BININT1 */ 0x4b:
                        if (pos + 1 < end && stack.length < maxStack) {
                            stack.push(smallInt(bytes[pos + 1]));
                            pos += 2;
                            continue;
                        }
                        break;
                    case /* BININT2 */ 0x4d:
                        if (pos + 2 < end && stack.length < maxStack) {
                            stack.push(smallInt(bytes[pos + 1] | (bytes[pos + 2] << 8)));
                            pos += 3;
                            continue;
                        }
                        break;
                    case /* BININT */ 0x4a:
                        if (pos + 4 < end && stack.length < maxStack) {
                            stack.push(smallInt(this.view.getInt32(pos + 1, true)));
                            pos += 5;
                            continue;
                        }
                        break;
                    case /* MARK */ 0x28:
                        if (marks.length < maxMarkDepth) {
                            marks.push(stack.length);
                            pos++;
                            continue;
                        }
                        break;
                    case /* NEWFALSE */ 0x89:
                        if (stack.length < maxStack) {
                            stack.push(false);
                            pos++;
                            continue;
                        }
                        break;
                    case /* EMPTY_TUPLE */ 0x29:
                        if (stack.length < maxStack && this.held + COST.container <= maxHeld) {
                            this.held += COST.container;
                            stack.push((0,values/* pyTuple */.ED)([]));
                            pos++;
                            continue;
                        }
                        break;
                    case /* TUPLE1 */ 0x85:
                    case /* TUPLE2 */ 0x86:
                    case /* TUPLE3 */ 0x87: {
                        const n = op - 0x84;
                        const floor = marks.length > 0 ? marks[marks.length - 1] : 0;
                        const cost = COST.container + COST.item * n;
                        // n >= 1 items leave, one enters: the stack cannot overflow
                        if (stack.length - n >= floor && this.held + cost <= maxHeld) {
                            this.held += cost;
                            stack.push((0,values/* pyTuple */.ED)(stack.splice(stack.length - n)));
                            pos++;
                            continue;
                        }
                        break;
                    }
                    case /* TUPLE */ 0x74:
                        if (marks.length > 0) {
                            const mark = marks[marks.length - 1];
                            const cost = COST.container + COST.item * (stack.length - mark);
                            if (mark < maxStack && this.held + cost <= maxHeld) {
                                marks.pop();
                                this.held += cost;
                                stack.push((0,values/* pyTuple */.ED)(stack.splice(mark)));
                                pos++;
                                continue;
                            }
                        }
                        break;
                    case /* REDUCE */ 0x52: {
                        const floor = marks.length > 0 ? marks[marks.length - 1] : 0;
                        const args = stack[stack.length - 1];
                        if (stack.length - 2 >= floor &&
                            args !== null &&
                            typeof args === 'object' &&
                            args.kind === 'tuple') {
                            const callee = stack[stack.length - 2];
                            stack.length -= 2;
                            this.opStart = pos;
                            scan.opcodes = opcodes;
                            stack.push(this.call(callee, args.items, 'REDUCE'));
                            pos++;
                            continue;
                        }
                        break;
                    }
                    case /* BINPERSID */ 0x51: {
                        const floor = marks.length > 0 ? marks[marks.length - 1] : 0;
                        if (stack.length > floor) {
                            this.opStart = pos;
                            scan.opcodes = opcodes;
                            stack.push(this.persistent(stack.pop()));
                            pos++;
                            continue;
                        }
                        break;
                    }
                    case /* BINUNICODE */ 0x58:
                        if (pos + 4 < end && stack.length < maxStack) {
                            const n = this.view.getUint32(pos + 1, true);
                            const from = pos + 5;
                            if (n <= maxStringBytes && n <= end - from) {
                                const s = decodeUtf8(bytes.subarray(from, from + n));
                                if (s !== undefined && this.held + COST.stringBase + 2 * s.length <= maxHeld) {
                                    this.held += COST.stringBase + 2 * s.length;
                                    stack.push(s);
                                    pos = from + n;
                                    continue;
                                }
                            }
                        }
                        break;
                }
            this.opStart = pos;
            this.pos = pos + 1;
            scan.opcodes = opcodes;
            if (op === Op.STOP)
                return this.stop();
            this.step(op, opcodes);
            pos = this.pos;
        }
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


/***/ })

};

//# sourceMappingURL=184.index.js.map