/**
 * The safetensors header reader takes compact tensor entries through a regular-expression fast path and everything
 * else through the strict JSON parser. Both must give the same result: the same tensors and metadata, or the same
 * error. Writing a header once compact and once with a space after every ':' and ',' (which no fast-path member
 * matches) runs the same document through each path.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseSafetensorsHeader } from '../../src/formats/safetensors/read.js'
import { isCheckpointError } from '../../src/formats/errors.js'

interface Entry {
  name: string
  dtype: string
  /** Raw JSON number texts, so that bad numbers (`01`, `1.0`, 2^64) can be written. */
  shape: string[]
  offsets: string[]
  /** Written `{"shape":..,"dtype":..,...}` instead of the reference order. */
  reordered: boolean
  extraField: boolean
}

function headerText(metadata: [string, string][] | null, entries: Entry[], sep: string): string {
  const members: string[] = []
  if (metadata) {
    const kv = metadata.map(([k, v]) => `${JSON.stringify(k)}:${sep}${JSON.stringify(v)}`)
    members.push(`"__metadata__":${sep}{${kv.join(`,${sep}`)}}`)
  }
  for (const e of entries) {
    const fields = [
      `"dtype":${sep}${JSON.stringify(e.dtype)}`,
      `"shape":${sep}[${e.shape.join(`,${sep}`)}]`,
      `"data_offsets":${sep}[${e.offsets.join(`,${sep}`)}]`
    ]
    if (e.reordered) fields.reverse()
    if (e.extraField) fields.push(`"x":${sep}null`)
    members.push(`${JSON.stringify(e.name)}:${sep}{${fields.join(`,${sep}`)}}`)
  }
  return `{${members.join(`,${sep}`)}}`
}

type Outcome = { ok: unknown } | { error: string }

function outcome(text: string, dataBytes: bigint): Outcome {
  const header = new TextEncoder().encode(text)
  const fileSize = Number(8n + BigInt(header.length) + dataBytes)
  try {
    const h = parseSafetensorsHeader(header, fileSize, 'f.safetensors')
    const dataStart = 8n + BigInt(header.length)
    return {
      ok: {
        metadata: { ...h.metadata },
        dataBytes: h.dataBytes,
        tensors: h.tensors.map((t) => ({
          name: t.name,
          dtype: t.dtype,
          shape: t.shape,
          range: [t.byteRange!.start - dataStart, t.byteRange!.end - dataStart]
        }))
      }
    }
  } catch (e) {
    if (!isCheckpointError(e)) throw e
    // Syntax errors name a character position, which the added spaces move.
    return { error: `${e.code}: ${e.message.replace(/at character \d+/, 'at character N')}` }
  }
}

const BITS: Record<string, bigint> = { F32: 32n, BF16: 16n, U8: 8n, F64: 64n }

const nameArb = fc.oneof(
  fc.constantFrom('a', 'b', 'blocks.0.q.weight', '__metadata__', 'é', 'a"b', 'a\\b', 'tab\there', ''),
  fc.string({ maxLength: 6 })
)
const dimArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('01', '1.0', '-1', '1e2', '18446744073709551616', '9999999999999999999')
  }
)
const entryArb = fc.record({
  name: nameArb,
  dtype: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('F32', 'BF16', 'U8', 'F64') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('bf16', 'X9', 'F4')
    }
  ),
  shape: fc.array(dimArb, { maxLength: 3 }),
  /** How the offsets go wrong, if they do. */
  offsetFault: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }
  ),
  reordered: fc.boolean(),
  extraField: fc.boolean()
})

describe('safetensors header fast path', () => {
  it('gives the same tensors, metadata or error as the strict parser', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })), { maxLength: 2 })
        ),
        fc.array(entryArb, { maxLength: 6 }),
        fc.boolean(),
        (metadata, raw, noisy) => {
          let at = 0n
          const entries: Entry[] = raw.map((r) => {
            const plain = r.shape.every((d) => /^(0|[1-9]\d{0,2})$/.test(d))
            const numel = plain ? r.shape.reduce((n, d) => n * BigInt(d), 1n) : 1n
            const size = (numel * (BITS[r.dtype] ?? 8n)) / 8n
            const begin = at
            const end = begin + size + BigInt(r.offsetFault)
            at = end > begin ? end : begin
            return {
              name: r.name,
              dtype: r.dtype,
              shape: r.shape,
              offsets: [String(begin), String(end)],
              reordered: noisy && r.reordered,
              extraField: noisy && r.extraField
            }
          })
          const compact = outcome(headerText(metadata, entries, ''), at)
          const spaced = outcome(headerText(metadata, entries, ' '), at)
          expect(compact).toEqual(spaced)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('reads a compact header of many tensors exactly', () => {
    const entries: Entry[] = []
    let at = 0n
    for (let i = 0; i < 50; i++) {
      const size = BigInt(4 * (i + 1) * 3)
      entries.push({
        name: `blocks.${i}.w`,
        dtype: 'F32',
        shape: [String(i + 1), '3'],
        offsets: [String(at), String(at + size)],
        reordered: false,
        extraField: false
      })
      at += size
    }
    const got = outcome(headerText([['format', 'pt']], entries, ''), at)
    expect(got).toEqual(outcome(headerText([['format', 'pt']], entries, ' '), at))
    expect('ok' in got && (got.ok as { tensors: unknown[] }).tensors).toHaveLength(50)
  })

  it('rejects a duplicate tensor name taken by the fast path', () => {
    const e = (begin: number): Entry => ({
      name: 'w',
      dtype: 'U8',
      shape: ['1'],
      offsets: [String(begin), String(begin + 1)],
      reordered: false,
      extraField: false
    })
    const got = outcome(headerText(null, [e(0), e(1)], ''), 2n)
    expect(got).toEqual({ error: expect.stringContaining('duplicate key "w"') })
    expect(got).toEqual(outcome(headerText(null, [e(0), e(1)], ' '), 2n))
  })
})
