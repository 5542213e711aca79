import { UsageError } from '../../src/formats/errors.js'
import {
  allowedByUser,
  chooseMetric,
  makePolicy,
  parseAllowGlobals,
  parseFailOn,
  parseMetric,
  parseThreshold
} from '../../src/gate/policy.js'
import { globalFlags, isZipAnomaly } from '../../src/gate/security.js'
import type { PickleGlobal } from '../../src/formats/types.js'

describe('policy parsing', () => {
  it('parses thresholds as percentages and names the input on errors', () => {
    expect(parseThreshold('80')).toBe(80)
    expect(parseThreshold(' 72.5% ')).toBe(72.5)
    expect(parseThreshold('')).toBe(80)
    expect(() => parseThreshold('0.8x')).toThrow("Invalid input 'threshold'")
    expect(() => parseThreshold('120', '--threshold')).toThrow(
      "Invalid input '--threshold': expected a percentage between 0 and 100, got 120"
    )
    expect(() => parseThreshold('-1')).toThrow(UsageError)
  })

  it('parses metrics', () => {
    expect(parseMetric('')).toBe('auto')
    expect(parseMetric('Loadable')).toBe('loadable')
    expect(() => parseMetric('best')).toThrow(/Invalid input 'metric': expected one of auto, exact/)
  })

  it('parses fail-on lists separated by commas, spaces or newlines', () => {
    // unknown pickle globals fail by default, like dangerous ones: an allowlist is the only sound base
    expect(parseFailOn('')).toEqual(['dangerous-globals', 'unknown-globals'])
    expect(makePolicy().failOn).toEqual(['dangerous-globals', 'unknown-globals'])
    // the security flags are a floor: a custom list adds to them, `none` drops only the compat flags
    expect(parseFailOn('none')).toEqual(['dangerous-globals', 'unknown-globals'])
    expect(parseFailOn('shape-mismatch, unknown-globals\nzip-anomaly shape-mismatch')).toEqual([
      'dangerous-globals',
      'unknown-globals',
      'shape-mismatch',
      'zip-anomaly'
    ])
    expect(parseFailOn('shape-mismatch')).toEqual(['dangerous-globals', 'unknown-globals', 'shape-mismatch'])
    expect(makePolicy({ failOn: [] }).failOn).toEqual(['dangerous-globals', 'unknown-globals'])
    expect(() => parseFailOn('none, zip-anomaly')).toThrow(/'none' cannot be combined/)
    expect(() => parseFailOn('pickles')).toThrow(/Invalid input 'fail-on': unknown flag 'pickles'/)
  })

  it('chooses loadable for LoRAs and mapped for checkpoints under auto', () => {
    expect(chooseMetric('auto', 'lora', { loadable: 50 })).toEqual({ metric: 'loadable' })
    expect(chooseMetric('auto', 'checkpoint', { exact: 1, normalized: 2, mapped: 3 })).toEqual({
      metric: 'mapped'
    })
    expect(chooseMetric('auto', 'checkpoint', { exact: 5, normalized: 2 })).toEqual({ metric: 'exact' })
    expect(chooseMetric('exact', 'lora', { loadable: 50, exact: 10 })).toEqual({ metric: 'exact' })
    expect(chooseMetric('loadable', 'checkpoint', { mapped: 3 }).metric).toBe('mapped')
  })

  it('recognises zip anomaly warnings', () => {
    expect(isZipAnomaly('zip: duplicate entry name archive/data.pkl')).toBe(true)
    expect(isZipAnomaly('missing shard model-00002.safetensors')).toBe(false)
  })

  it('parses allow-globals: full names and module patterns, never everything', () => {
    expect(parseAllowGlobals('')).toEqual([])
    expect(parseAllowGlobals('mymodule.MyClass, othermodule.*\nthird.sub.fn mymodule.MyClass')).toEqual([
      'mymodule.MyClass',
      'othermodule.*',
      'third.sub.fn'
    ])
    for (const bad of ['*', 'os*', 'a.*.b', 'mymodule', 'my module.X', '.x', 'x.', '*.y']) {
      expect(() => parseAllowGlobals(bad, '--allow-globals')).toThrow(/Invalid input '--allow-globals'/)
    }
  })

  it('a module pattern covers the module and its submodules, not a module that starts the same', () => {
    const p = ['mymodule.*', 'exact.Name']
    expect(allowedByUser('mymodule', 'X', p)).toBe(true)
    expect(allowedByUser('mymodule.sub', 'X', p)).toBe(true)
    expect(allowedByUser('mymodule', 'Outer.Inner', p)).toBe(true)
    expect(allowedByUser('mymodulex', 'X', p)).toBe(false)
    expect(allowedByUser('exact', 'Name', p)).toBe(true)
    expect(allowedByUser('exact', 'Name2', p)).toBe(false)
    expect(allowedByUser('exact.Name', 'x', p)).toBe(false)
  })
})

describe('globals flags under allow-globals', () => {
  const g = (module: string, name: string, tier: PickleGlobal['tier']): PickleGlobal => ({
    module,
    name,
    tier,
    where: 'archive/data.pkl',
    count: 1
  })

  it('unknown globals are flagged with a way to allow them; allowed ones are not listed', () => {
    const flags = globalFlags([g('mymodule', 'Net', 'unknown'), g('collections', 'OrderedDict', 'allowed')])
    expect(flags.map((f) => f.id)).toEqual(['unknown-globals'])
    expect(flags[0]!.evidence).toMatch(/mymodule\.Net in archive\/data\.pkl/)
    expect(flags[0]!.evidence).toMatch(/allow-globals: mymodule\.\*/)
    expect(globalFlags([g('mymodule', 'Net', 'unknown')], ['mymodule.*'])).toEqual([])
  })

  it('allow-globals never allows a dangerous global, and says so', () => {
    const flags = globalFlags([g('torch', 'load', 'dangerous')], ['torch.*'])
    expect(flags.map((f) => f.id)).toEqual(['dangerous-globals'])
    expect(flags[0]!.evidence).toMatch(/never allows a known-dangerous global/)
  })

  it('names what a global resolves to', () => {
    const global = { ...g('torch', 'os.system', 'dangerous'), resolvesTo: 'os.system' }
    expect(globalFlags([global])[0]!.evidence).toMatch(/torch\.os\.system \(resolves to os\.system\)/)
  })
})
