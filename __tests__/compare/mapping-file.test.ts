import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { longcatPair } from '../../fixtures/compare-pairs.js'
import { expandModel, specCheckpoint } from '../../fixtures/specs.js'
import { compareCheckpoints, MAPPING_SCHEMA_VERSION, toMappingFile } from '../../src/compare/index.js'

const TOOL = { name: 'model-compat', version: '0.0.0-test' }
const schema = JSON.parse(
  readFileSync(new URL('../../schemas/mapping.schema.json', import.meta.url), 'utf8')
) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

describe('mapping file', () => {
  const p = longcatPair()
  const c = compareCheckpoints(p.a, p.b, { names: ['LongCat', 'FastVideo'] })
  const doc = toMappingFile(c, TOOL)

  it('validates against schemas/mapping.schema.json (same-network pair with splits)', () => {
    const ok = validate(roundTrip(doc))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('validates for two sizes of one model (same names, other shapes: low, shape-incompatible mappings)', () => {
    const wan = specCheckpoint(expandModel('wan2.1-t2v-14b'), 'wan.safetensors')
    const small = specCheckpoint(expandModel('wan2.1-t2v-1.3b'), 'small.safetensors')
    const cross = toMappingFile(compareCheckpoints(wan, small), TOOL)
    expect(validate(roundTrip(cross))).toBe(true)
    expect(cross.mappings.some((m) => !m.shapeCompatible)).toBe(true)
  })

  it('carries the models, summary figures, flags, verdict, every mapping and the unmatched keys', () => {
    expect(doc.schemaVersion).toBe(MAPPING_SCHEMA_VERSION)
    expect(doc.tool).toEqual(TOOL)
    expect(doc.models.a).toEqual({ name: 'LongCat', path: 'longcat-video.safetensors', format: 'manifest' })
    expect(doc.summary).toMatchObject({ keysA: 1022, keysB: 1310, commonKeys: 240, onlyA: 782, onlyB: 1070 })
    expect(doc.summary.mappings.high).toBe(c.mappingCounts.high)
    expect(doc.summary.overlap).toEqual(c.overlap)
    expect(doc.mappings).toHaveLength(c.mappings.length)
    expect(doc.verdict).toEqual(c.verdict)
    expect(doc.flags.length).toBeGreaterThan(0)
    const split = doc.mappings.find((m) => m.kind === 'split')
    expect(split?.target).toHaveLength(3)
    expect(split?.shapes.target).toHaveLength(3)
  })

  it('the schema rejects documents a converter could misread', () => {
    const base = roundTrip(doc) as Record<string, unknown> & { mappings: Record<string, unknown>[] }
    const bad: unknown[] = [
      { ...base, schemaVersion: 2 },
      { ...base, mappings: [{ ...base.mappings[0], confidence: 'certain' }] },
      { ...base, mappings: [{ ...base.mappings[0], kind: 'permute' }] },
      { ...base, mappings: [{ ...base.mappings[0], target: [] }] },
      { ...base, verdict: { tier: 'compatible', basis: 'vibes', overlap: 1, summary: '' } },
      { ...base, unexpected: true },
      (({ unmatched: _u, ...rest }) => rest)(base)
    ]
    for (const d of bad) expect(validate(d)).toBe(false)
  })
})
