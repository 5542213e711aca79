import { describe, expect, it } from '@jest/globals'
import {
  ALLOWED_GLOBALS,
  DANGEROUS_GLOBALS,
  classifyGlobal,
  effectiveGlobal,
  globalNote
} from '../../src/formats/torch/pickle/globals-policy.js'

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
    ['_codecs', 'encode'],
    ['torch._tensor', '_rebuild_from_type_v2'],
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
    ['builtins', 'dict'], // fickling denies all of builtins except the allowlisted names
    ['functools', 'partial'],
    ['operator', 'attrgetter'],
    ['pkgutil', 'resolve_name'],
    ['torch.serialization', 'load'],
    ['torch.storage', '_load_from_bytes'],
    ['torch._inductor.codecache', 'compile_file'],
    ['trace', 'Trace.run'],
    ['trace', 'Trace.run.__call__'], // an attribute of a denied name
    ['runpy', '_run_code'],
    ['webbrowser', 'open'],
    ['numpy', 'load'],
    ['dill', 'loads'],
    ['commands', 'getoutput'],
    ['cPickle', 'loads'], // maps to pickle
    ['<non-string>', 'x']
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
    ['trace', 'Tracer'], // a sibling of a denied name
    ['http.server', 'HTTPServer']
  ])('%s.%s is unknown', (module, name) => {
    expect(classifyGlobal(module, name)).toBe('unknown')
  })

  it('maps Python 2 names the way pickle does', () => {
    expect(effectiveGlobal('__builtin__', 'xrange')).toEqual({ module: 'builtins', name: 'range' })
    expect(effectiveGlobal('copy_reg', '_reconstructor')).toEqual({
      module: 'copyreg',
      name: '_reconstructor'
    })
    expect(effectiveGlobal('torch', 'FloatStorage')).toEqual({ module: 'torch', name: 'FloatStorage' })
  })

  it('the lists keep their sources: allowlist and denylist do not overlap', () => {
    expect(ALLOWED_GLOBALS.size).toBeGreaterThan(100)
    for (const entry of DANGEROUS_GLOBALS.filter((e) => e.includes(':'))) {
      expect(ALLOWED_GLOBALS.has(entry.replace(':', '.'))).toBe(false)
    }
  })

  it('explains numpy helpers', () => {
    expect(globalNote('numpy', 'dtype')).toMatch(/numpy/)
    expect(globalNote('torch', 'FloatStorage')).toBeUndefined()
  })
})
