import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  ALLOWED,
  ALLOWED_GLOBALS,
  DANGEROUS_MODULES,
  DANGEROUS_NAMES,
  classifyGlobal,
  effectiveGlobal,
  globalNote,
  judgeGlobal
} from '../../src/formats/torch/pickle/globals-policy.js'
import {
  IMPORT_MAPPING,
  REVERSE_IMPORT_MAPPING,
  TABLE_SIZES,
  fixImports,
  nameMapping,
  reverseNameMapping
} from '../../src/formats/torch/pickle/python2-names.js'

describe('global policy tiers', () => {
  it.each([
    ['torch._utils', '_rebuild_tensor_v2'],
    ['torch._utils', '_rebuild_tensor_v3'],
    ['torch._utils', '_rebuild_parameter'],
    ['torch', 'FloatStorage'],
    ['torch', 'BFloat16Storage'],
    ['torch', 'UntypedStorage'],
    ['torch.storage', 'UntypedStorage'],
    ['torch', 'float8_e4m3fn'],
    ['torch', 'bfloat16'],
    ['collections', 'OrderedDict'],
    ['__builtin__', 'set'],
    ['builtins', 'set'],
    ['builtins', 'slice'], // harmless: a slice object holds three values
    ['_codecs', 'encode'],
    ['torch._tensor', '_rebuild_from_type_v2'],
    ['torch.tensor', '_rebuild_from_type_v2'], // torch.load renames torch.tensor to torch._tensor
    ['torch.serialization', '_get_layout'], // allowed although the module is denied
    ['numpy.core.multiarray', '_reconstruct'],
    ['numpy.dtypes', 'Float32DType']
  ])('%s.%s is allowed', (module, name) => {
    expect(classifyGlobal(module, name)).toBe('allowed')
  })

  it.each([
    ['os', 'system'],
    ['posix', 'system'],
    ['nt', 'system'],
    ['os.path', 'join'], // a submodule of a denied module
    ['subprocess', 'Popen'],
    ['builtins', 'eval'],
    ['__builtin__', 'eval'], // Python 2 alias
    ['builtins', 'getattr'],
    ['builtins', '__import__'],
    ['functools', 'partial'],
    ['operator', 'attrgetter'],
    ['pkgutil', 'resolve_name'],
    ['torch.serialization', 'load'],
    ['torch.storage', '_load_from_bytes'],
    ['torch._inductor.codecache', 'compile_file'],
    ['trace', 'Trace.run'],
    ['trace', 'Trace.run.__call__'],
    ['runpy', '_run_code'],
    ['webbrowser', 'open'],
    ['numpy', 'load'],
    ['dill', 'loads'],
    ['commands', 'getoutput'],
    ['cPickle', 'loads'], // maps to pickle
    ['<non-string>', 'x'],
    ['<setattr>', 'torch._utils']
  ])('%s.%s is dangerous', (module, name) => {
    expect(classifyGlobal(module, name)).toBe('dangerous')
  })

  it.each([
    ['__main__', 'Tiny'],
    ['torch.nn.modules.linear', 'Linear'],
    ['argparse', 'Namespace'],
    ['pytorch_lightning.callbacks.model_checkpoint', 'ModelCheckpoint'],
    ['osx', 'thing'], // not a submodule of os
    ['ossify', 'system'],
    ['numpy', 'float64'],
    ['builtins', 'dict'], // a harmless type, but not what a state dict needs
    ['copyreg', '_reconstructor'], // protocol 0-1 object constructor: only as dangerous as the class it gets
    ['copyreg', '__newobj__'],
    ['pathlib', 'PosixPath'], // a path value; its methods are another matter
    ['types', 'SimpleNamespace'],
    ['exceptions', 'ValueError']
  ])('%s.%s is unknown', (module, name) => {
    expect(classifyGlobal(module, name)).toBe('unknown')
  })
})

describe('globals are resolved the way Python unpickles them', () => {
  it.each([
    // protocol 4 walks a dotted name from the module: through the os module torch imports, to posix.system
    ['torch', 'os.system', 4, 'os.system'],
    ['torch', 'nn.modules.linear.os.system', 4, 'os.system'],
    ['torch.nn', 'functional.torch.load', 4, 'torch.serialization.load'],
    ['collections', 'OrderedDict.__init__.__globals__', 4, undefined],
    ['torch', '__builtins__', 4, undefined],
    ['builtins', 'object.__subclasses__', 4, undefined],
    ['builtins', 'dict.get', 4, undefined], // a method of a builtin type: an attribute-lookup gadget
    ['bdb', 'Bdb.run', 4, undefined],
    // re-exports: the object lives elsewhere
    ['torch', 'load', 2, 'torch.serialization.load'],
    ['numpy', 'load', 2, 'numpy.lib.npyio.load'],
    ['numpy.lib.npyio', 'load', 4, undefined],
    ['numpy.lib._npyio_impl', 'load', 4, undefined],
    ['requests', 'get', 4, undefined],
    ['requests.api', 'get', 4, undefined],
    ['io', 'open', 4, 'builtins.open'],
    // Python 2 names, mapped below protocol 3 and judged under both spellings at any protocol
    ['urllib', 'urlretrieve', 2, undefined],
    ['urllib', 'urlretrieve', 4, 'urllib.request.urlretrieve'],
    ['_socket', 'fromfd', 2, undefined],
    ['__builtin__', 'getattr', 4, undefined],
    // gadget classes of issue 14
    ['logging.config', 'dictConfig', 2, undefined],
    ['pathlib', 'Path.write_text', 4, undefined],
    ['pathlib', 'PosixPath.unlink', 4, undefined],
    ['torch.hub', 'load', 2, undefined],
    ['torch.hub', 'load_state_dict_from_url', 2, undefined],
    ['torch.utils.cpp_extension', 'load_inline', 2, undefined],
    ['torch', 'ops.load_library', 4, undefined],
    ['torch._ops', '_OpNamespace', 2, undefined],
    ['torch.fx.graph_module', '_exec_with_source', 2, undefined],
    ['torch.fx.graph_module', 'reduce_graph_module', 2, undefined],
    ['distutils.spawn', 'spawn', 2, undefined],
    ['distutils.util', 'execute', 2, undefined]
  ])('%s + %s at protocol %i is dangerous', (module, name, protocol, resolvesTo) => {
    const v = judgeGlobal(module, name, protocol)
    expect(v.tier).toBe('dangerous')
    expect(v.resolvesTo).toBe(resolvesTo)
  })

  it('a dotted name reaches an allowed object only at protocol 4, through the submodules of its module', () => {
    expect(judgeGlobal('torch', '_utils._rebuild_tensor_v2', 4)).toEqual({
      module: 'torch',
      name: '_utils._rebuild_tensor_v2',
      tier: 'allowed',
      resolvesTo: 'torch._utils._rebuild_tensor_v2'
    })
    // before protocol 4 getattr(torch, '_utils._rebuild_tensor_v2') fails: nothing is loaded
    expect(judgeGlobal('torch', '_utils._rebuild_tensor_v2', 2).tier).toBe('unknown')
    // the joined string matches but the walk does not go through the entry's module
    expect(judgeGlobal('collections.OrderedDict', 'x', 4).tier).toBe('unknown')
    expect(judgeGlobal('torch._utils._rebuild_tensor_v2', 'x', 4).tier).toBe('unknown')
  })

  it('the Python 2 renames apply only below protocol 3, as find_class applies them', () => {
    expect(effectiveGlobal('__builtin__', 'set', 2)).toEqual({ module: 'builtins', name: 'set' })
    expect(effectiveGlobal('__builtin__', 'set', 3)).toEqual({ module: '__builtin__', name: 'set' })
    expect(classifyGlobal('__builtin__', 'set', 4)).toBe('unknown') // Python 3 cannot import __builtin__
    expect(effectiveGlobal('__builtin__', 'xrange', 0)).toEqual({ module: 'builtins', name: 'range' })
    expect(effectiveGlobal('copy_reg', '_reconstructor', 1)).toEqual({
      module: 'copyreg',
      name: '_reconstructor'
    })
    expect(effectiveGlobal('torch', 'FloatStorage')).toEqual({ module: 'torch', name: 'FloatStorage' })
  })

  it('an absurdly deep dotted name is not walked, and is dangerous', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `a${i}`).join('.')
    expect(classifyGlobal('mymodule', deep, 4)).toBe('dangerous')
  })

  it('judges thousands of long dotted names fast (the walk is linear in the parts)', () => {
    const started = process.hrtime.bigint()
    for (let i = 0; i < 2000; i++) {
      judgeGlobal(`m${i}`, Array.from({ length: 32 }, (_, k) => `part${k}_${i}`).join('.'), 4)
    }
    // generous for a loaded 2-core machine; the quadratic walk this replaced took minutes
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(20)
  })

  it('the lists keep their sources: nothing allowed is a denied name, and gadgets are listed', () => {
    expect(ALLOWED_GLOBALS.size).toBeGreaterThan(100)
    expect(ALLOWED.length).toBe(ALLOWED_GLOBALS.size)
    for (const entry of DANGEROUS_NAMES) expect(ALLOWED_GLOBALS.has(entry.replace(':', '.'))).toBe(false)
    for (const m of ['torch.hub', 'torch.fx', 'logging.config', 'distutils', 'torch.utils.cpp_extension']) {
      expect(DANGEROUS_MODULES).toContain(m)
    }
  })

  it('explains numpy helpers', () => {
    expect(globalNote('numpy', 'dtype')).toMatch(/numpy/)
    expect(globalNote('torch', 'FloatStorage')).toBeUndefined()
  })
})

describe('the Python 2 compatibility tables are complete', () => {
  it('have the sizes of CPython main _compat_pickle (3.11 on Linux, plus TargetScopeError and WindowsError)', () => {
    expect(TABLE_SIZES).toEqual({
      importMapping: 55,
      nameMapping: 88 + 2,
      reverseImportMapping: 47,
      reverseNameMapping: 112 + 2
    })
    expect(nameMapping('_socket', 'fromfd')).toEqual(['socket', 'fromfd'])
    expect(nameMapping('exceptions', 'StandardError')).toEqual(['builtins', 'Exception'])
    expect(nameMapping('multiprocessing', 'TimeoutError')).toEqual([
      'multiprocessing.context',
      'TimeoutError'
    ])
    expect(IMPORT_MAPPING.get('cPickle')).toBe('pickle')
    expect(REVERSE_IMPORT_MAPPING.get('_pickle')).toBe('pickle')
    expect(reverseNameMapping('builtins', 'FileNotFoundError')).toEqual(['exceptions', 'OSError'])
    expect(fixImports('urllib', 'urlopen', 2)).toEqual({ module: 'urllib.request', name: 'urlopen' })
    expect(fixImports('urllib', 'urlopen', 3)).toEqual({ module: 'urllib', name: 'urlopen' })
  })

  const python = ['python3', '/usr/bin/python3'].find((p) => {
    try {
      execFileSync(p, ['-c', 'import _compat_pickle'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  ;(python ? it : it.skip)('match the _compat_pickle of the Python on this machine, entry by entry', () => {
    const dump = execFileSync(python!, [
      '-c',
      'import _compat_pickle as c, json; print(json.dumps({"i": c.IMPORT_MAPPING, "ri": c.REVERSE_IMPORT_MAPPING, ' +
        '"n": [[list(k), list(v)] for k, v in c.NAME_MAPPING.items()], ' +
        '"rn": [[list(k), list(v)] for k, v in c.REVERSE_NAME_MAPPING.items()]}))'
    ]).toString()
    const ref = JSON.parse(dump) as {
      i: Record<string, string>
      ri: Record<string, string>
      n: Array<[[string, string], [string, string]]>
      rn: Array<[[string, string], [string, string]]>
    }
    expect(Object.fromEntries(IMPORT_MAPPING)).toEqual(ref.i)
    expect(Object.fromEntries(REVERSE_IMPORT_MAPPING)).toEqual(ref.ri)
    for (const [[m, n], to] of ref.n) expect(nameMapping(m, n)).toEqual(to)
    for (const [[m, n], to] of ref.rn) expect(reverseNameMapping(m, n)).toEqual(to)
  })
})
