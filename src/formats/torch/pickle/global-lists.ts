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
]

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
]

/** Legacy tensor classes (`torch._tensor_classes`). */
const TENSOR_CLASSES = ['Double', 'Float', 'Half', 'BFloat16', 'Long', 'Int', 'Short', 'Char', 'Byte', 'Bool']

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
]

/** `torch.jit._pickle` functions of TorchScript archives: each returns its first argument (a list's type tag). */
export const TORCHSCRIPT_TAGGERS: readonly string[] = [
  'build_intlist',
  'build_tensorlist',
  'build_doublelist',
  'build_boollist',
  'build_tensor_from_id',
  'restore_type_tag'
]

/** numpy helpers torch's default allowlist leaves out but old checkpoints carry: data only, noted in reports. */
export const NUMPY_DATA: readonly string[] = [
  'numpy.core.multiarray._reconstruct',
  'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy._core.multiarray.scalar',
  'numpy.dtype',
  'numpy.ndarray'
]

/** `module.name` of every allowed global, as (module, name) pairs. */
export const ALLOWED: ReadonlyArray<readonly [string, string]> = [
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
  ...TORCHSCRIPT_TAGGERS.map((f): [string, string] => ['torch.jit._pickle', f]),
  ...STORAGES.flatMap((s): Array<[string, string]> => [
    ['torch', `${s}Storage`],
    ['torch.cuda', `${s}Storage`]
  ]),
  ...DTYPES.map((d): [string, string] => ['torch', d]),
  ...TENSOR_CLASSES.flatMap((t): Array<[string, string]> => [
    ['torch', `${t}Tensor`],
    ['torch.cuda', `${t}Tensor`]
  ]),
  ...REBUILDERS.map((f): [string, string] => ['torch._utils', f]),
  ...NUMPY_DATA.map((s): [string, string] => [
    s.slice(0, s.lastIndexOf('.')),
    s.slice(s.lastIndexOf('.') + 1)
  ])
]

/**
 * Whole modules: the module, its submodules and every name in them. Nothing here belongs in a checkpoint, and
 * each runs code, spawns processes, touches files or the network, or reaches interpreter state.
 */
export const DANGEROUS_MODULES: readonly string[] = [
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
]

/**
 * Single callables, `module:qualname`; an entry also covers attributes reached through it (`trace:Trace.run`
 * covers `Trace.run.__call__`). Names in modules that also hold harmless, commonly pickled names.
 */
export const DANGEROUS_NAMES: readonly string[] = [
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
]

/**
 * Modules whose dotted names (a method reached through a class, `Path.write_text`) are all dangerous: the classes
 * themselves are harmless values, their methods read, write or delete files.
 */
export const DANGEROUS_METHODS_OF: readonly string[] = [
  'pathlib',
  'pathlib._local',
  'pathlib._abc',
  'builtins'
]

/**
 * Dunder names reached as globals (`torch.__builtins__`, `X.__init__.__globals__`) are introspection, never data.
 * These two are the constructors Python's own pickler writes for protocol 0-1 objects, and are not.
 */
export const BENIGN_DUNDERS: ReadonlySet<string> = new Set([
  'copyreg.__newobj__',
  'copyreg.__newobj_ex__',
  'copy_reg.__newobj__',
  'copy_reg.__newobj_ex__'
])

/** Re-exports of dangerous objects: the spelling in a pickle -> the object's own module.qualname. */
export const ALIASES: ReadonlyMap<string, string> = new Map([
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
])

/**
 * Modules that are one module under two names (C accelerators and platform aliases): a name under one is
 * judged under the other too.
 */
export const MODULE_ALIASES: ReadonlyMap<string, string> = new Map([
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
])
