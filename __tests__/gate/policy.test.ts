import { UsageError } from '../../src/formats/errors.js'
import { chooseMetric, parseFailOn, parseMetric, parseThreshold } from '../../src/gate/policy.js'
import { isZipAnomaly } from '../../src/gate/security.js'

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
    expect(parseFailOn('')).toEqual(['dangerous-globals'])
    expect(parseFailOn('none')).toEqual([])
    expect(parseFailOn('shape-mismatch, unknown-globals\nzip-anomaly shape-mismatch')).toEqual([
      'shape-mismatch',
      'unknown-globals',
      'zip-anomaly'
    ])
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
})
