/**
 * The three-tier policy for globals a pickle imports (formats.md §3.5). Classification is allowlist-first:
 *   - allowed: exactly what PyTorch's `weights_only` unpickler accepts by default (plus UntypedStorage and, as
 *     data-only stubs, the numpy reconstruct helpers old checkpoints carry);
 *   - dangerous: the union of the picklescan, modelscan and fickling denylists, plus the nested loaders named in
 *     §3.5; a module entry also covers its submodules and every name in it;
 *   - unknown: everything else. We never import or call any of them; loading them in Python would import the
 *     module (running its import code), which is why they are not "allowed".
 */
import type { GlobalTier } from '../../types.js'

/** Python 2 names that `pickle` maps on load (`_compat_pickle`), so `__builtin__.eval` is `builtins.eval`. */
const MODULE_MAPPING: Readonly<Record<string, string>> = {
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
}

const NAME_MAPPING: Readonly<Record<string, [string, string]>> = {
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
}

/** The effective module and name Python 3 would import for a global written as `module name`. */
export function effectiveGlobal(module: string, name: string): { module: string; name: string } {
  const mapped = NAME_MAPPING[`${module}.${name}`]
  if (mapped !== undefined) return { module: mapped[0], name: mapped[1] }
  const m = Object.prototype.hasOwnProperty.call(MODULE_MAPPING, module) ? MODULE_MAPPING[module]! : module
  return { module: m, name }
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
]

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
]

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
]

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
]

/** Numpy helpers PyTorch does not allow but old checkpoints carry; data-only, reported with a note. */
const NUMPY_DATA = [
  'numpy.core.multiarray._reconstruct',
  'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy._core.multiarray.scalar',
  'numpy.dtype',
  'numpy.ndarray'
]

/** Exact `module.name` strings of the allowed tier. */
export const ALLOWED_GLOBALS: ReadonlySet<string> = new Set([
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
])

/**
 * Denylist entries. `module` alone covers the module, its submodules and every name in it; `module:name` covers
 * that name and its attributes (`trace:Trace.run` covers `Trace.run`).
 */
export const DANGEROUS_GLOBALS: readonly string[] = [
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
]

const DANGEROUS_MODULES: ReadonlySet<string> = new Set(DANGEROUS_GLOBALS.filter((e) => !e.includes(':')))
const DANGEROUS_NAMES: ReadonlySet<string> = new Set(
  DANGEROUS_GLOBALS.filter((e) => e.includes(':')).map((e) => e.replace(':', '.'))
)

function isDangerous(module: string, name: string): boolean {
  // module, then each parent module: `os.path` is covered by `os`.
  for (let m = module; m.length > 0; m = m.slice(0, Math.max(0, m.lastIndexOf('.')))) {
    if (DANGEROUS_MODULES.has(m)) return true
    if (!m.includes('.')) break
  }
  // the name and each qualifying prefix of it: `Trace.run.x` is covered by `Trace.run`.
  const parts = name.split('.')
  for (let i = parts.length; i > 0; i--) {
    if (DANGEROUS_NAMES.has(`${module}.${parts.slice(0, i).join('.')}`)) return true
  }
  // A dotted name can spell a submodule: GLOBAL `os path.join` imports `os` anyway.
  if (parts.length > 1 && DANGEROUS_MODULES.has(`${module}.${parts[0]}`)) return true
  return false
}

/**
 * Module name recorded for a STACK_GLOBAL whose operands are not strings: Python refuses it, but a pickle that
 * tries it is hostile (formats.md §3.5), so it is always dangerous.
 */
export const NON_STRING_MODULE = '<non-string>'

function isAllowed(module: string, name: string): boolean {
  if (ALLOWED_GLOBALS.has(`${module}.${name}`)) return true
  return module === 'numpy.dtypes' && /^[A-Za-z0-9]+DType$/.test(name)
}

/**
 * The tier of a global as written in the pickle. The allowlist is matched on the effective (Python 3) name,
 * which is the object Python would load (`__builtin__.set` is `builtins.set`); the denylist is matched on both
 * spellings, so an alias cannot launder a dangerous name.
 */
export function classifyGlobal(module: string, name: string): GlobalTier {
  if (module === NON_STRING_MODULE) return 'dangerous'
  const eff = effectiveGlobal(module, name)
  if (isAllowed(eff.module, eff.name)) return 'allowed'
  if (isDangerous(module, name) || isDangerous(eff.module, eff.name)) return 'dangerous'
  return 'unknown'
}

/** A short note for globals whose tier needs explaining in a report, else undefined. */
export function globalNote(module: string, name: string): string | undefined {
  const key = `${effectiveGlobal(module, name).module}.${name}`
  if (NUMPY_DATA.includes(key) || module === 'numpy.dtypes') {
    return 'numpy data helper: not allowed by torch weights_only; Hugging Face marks it suspicious'
  }
  return undefined
}
