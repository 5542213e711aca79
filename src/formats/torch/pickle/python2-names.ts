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
const IMPORT_MUTUAL: ReadonlyArray<readonly [string, string]> = [
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
]

/** Module mappings only Python 2 -> 3 (`IMPORT_MAPPING.update(...)`). */
const IMPORT_ONE_WAY: ReadonlyArray<readonly [string, string]> = [
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
]

/** Module mappings only Python 3 -> 2 (`REVERSE_IMPORT_MAPPING.update(...)`): C accelerators of a module. */
const REVERSE_IMPORT_ONE_WAY: ReadonlyArray<readonly [string, string]> = [
  ['_bz2', 'bz2'],
  ['_dbm', 'dbm'],
  ['_functools', 'functools'],
  ['_gdbm', 'gdbm'],
  ['_pickle', 'pickle']
]

type Pair = readonly [string, string]

/** (module, name) renames, the mutual part (before the exception loops). */
const NAME_MUTUAL: ReadonlyArray<readonly [Pair, Pair]> = [
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
]

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
]

const MULTIPROCESSING_EXCEPTIONS = ['AuthenticationError', 'BufferTooShort', 'ProcessError', 'TimeoutError']

/** (module, name) renames only Python 2 -> 3 (`NAME_MAPPING.update(...)`). */
const NAME_ONE_WAY: ReadonlyArray<readonly [Pair, Pair]> = [
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
]

/** (module, name) renames only Python 3 -> 2 (`REVERSE_NAME_MAPPING.update(...)`). */
const REVERSE_NAME_ONE_WAY: ReadonlyArray<readonly [Pair, Pair]> = [
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
]

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
]
const PYTHON3_IMPORTERROR_EXCEPTIONS = ['ModuleNotFoundError']

const key = (module: string, name: string): string => `${module}\u0000${name}`

function buildTables() {
  const importMapping = new Map<string, string>(IMPORT_MUTUAL.map(([a, b]) => [a, b]))
  const nameMapping = new Map<string, Pair>(NAME_MUTUAL.map(([a, b]) => [key(...a), b]))
  for (const e of PYTHON2_EXCEPTIONS) nameMapping.set(key('exceptions', e), ['builtins', e])
  for (const e of MULTIPROCESSING_EXCEPTIONS) {
    nameMapping.set(key('multiprocessing', e), ['multiprocessing.context', e])
  }
  const reverseImport = new Map<string, string>(IMPORT_MUTUAL.map(([a, b]) => [b, a]))
  const reverseName = new Map<string, Pair>()
  for (const [k, v] of nameMapping) {
    const [m, n] = k.split('\u0000') as [string, string]
    reverseName.set(key(...v), [m, n])
  }
  for (const [a, b] of IMPORT_ONE_WAY) importMapping.set(a, b)
  for (const [a, b] of REVERSE_IMPORT_ONE_WAY) reverseImport.set(a, b)
  for (const [a, b] of NAME_ONE_WAY) nameMapping.set(key(...a), b)
  for (const [a, b] of REVERSE_NAME_ONE_WAY) reverseName.set(key(...a), b)
  for (const e of PYTHON3_OSERROR_EXCEPTIONS) reverseName.set(key('builtins', e), ['exceptions', 'OSError'])
  for (const e of PYTHON3_IMPORTERROR_EXCEPTIONS) {
    reverseName.set(key('builtins', e), ['exceptions', 'ImportError'])
  }
  return { importMapping, nameMapping, reverseImport, reverseName }
}

const TABLES = buildTables()

/** `_compat_pickle.IMPORT_MAPPING`: Python 2 module -> Python 3 module. */
export const IMPORT_MAPPING: ReadonlyMap<string, string> = TABLES.importMapping
/** `_compat_pickle.REVERSE_IMPORT_MAPPING`: Python 3 module -> Python 2 module. */
export const REVERSE_IMPORT_MAPPING: ReadonlyMap<string, string> = TABLES.reverseImport

/** `_compat_pickle.NAME_MAPPING[(module, name)]`, or undefined. */
export function nameMapping(module: string, name: string): Pair | undefined {
  return TABLES.nameMapping.get(key(module, name))
}

/** `_compat_pickle.REVERSE_NAME_MAPPING[(module, name)]`, or undefined. */
export function reverseNameMapping(module: string, name: string): Pair | undefined {
  return TABLES.reverseName.get(key(module, name))
}

/** Sizes of the four tables (tests compare them with CPython's). */
export const TABLE_SIZES = {
  importMapping: TABLES.importMapping.size,
  nameMapping: TABLES.nameMapping.size,
  reverseImportMapping: TABLES.reverseImport.size,
  reverseNameMapping: TABLES.reverseName.size
}

/**
 * What Python's `find_class` imports for a global written as `module name` while the stream is at `protocol`:
 * below protocol 3 the name mapping wins, else the module mapping; from protocol 3 on, the name as written.
 */
export function fixImports(module: string, name: string, protocol: number): { module: string; name: string } {
  if (protocol >= 3) return { module, name }
  const mapped = nameMapping(module, name)
  if (mapped !== undefined) return { module: mapped[0], name: mapped[1] }
  return { module: IMPORT_MAPPING.get(module) ?? module, name }
}
