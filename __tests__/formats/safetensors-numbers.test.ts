/**
 * The safetensors reader validates with JS numbers when every value is below 2^53 and with BigInts otherwise, and
 * charges the tensor budget once per header rather than once per tensor. These cases sit on those edges: each
 * must give the reference's u64 result, the same on the fast path (compact) and the strict parser (spaced), and
 * the same budget errors and charges as one charge per tensor.
 */
import { describe, expect, it } from '@jest/globals'
import { parseSafetensorsHeader } from '../../src/formats/safetensors/read.js'
import { ReadBudget } from '../../src/formats/budget.js'
import { isCheckpointError } from '../../src/formats/errors.js'

type Member = [name: string, dtype: string, shape: string[], begin: string, end: string]

function text(members: Member[], sep: string): string {
  const parts = members.map(
    ([n, d, s, b, e]) =>
      `${JSON.stringify(n)}:${sep}{"dtype":${sep}"${d}",${sep}"shape":${sep}[${s.join(`,${sep}`)}],${sep}` +
      `"data_offsets":${sep}[${b},${sep}${e}]}`
  )
  return `{${parts.join(`,${sep}`)}}`
}

function read(header: string, dataBytes: bigint, budget?: ReadBudget): unknown {
  // A file size is a JS number: past 2^53 only even sizes are exact, so pad the header (trailing whitespace is
  // allowed) to make the size even.
  const odd = (8n + BigInt(new TextEncoder().encode(header).length) + dataBytes) % 2n === 1n
  const bytes = new TextEncoder().encode(odd ? `${header} ` : header)
  try {
    const h = parseSafetensorsHeader(
      bytes,
      Number(8n + BigInt(bytes.length) + dataBytes),
      'f',
      budget?.forFile('f')
    )
    const start = 8n + BigInt(bytes.length)
    return h.tensors.map((t) => [
      t.name,
      t.dtype,
      t.shape,
      t.byteRange!.start - start,
      t.byteRange!.end - start
    ])
  } catch (e) {
    if (!isCheckpointError(e)) throw e
    return `${e.code}: ${e.message.replace(/at character \d+/, 'at character N')}`
  }
}

/** The outcome on both paths, which must agree. */
function both(members: Member[], dataBytes: bigint): unknown {
  const compact = read(text(members, ''), dataBytes)
  expect(read(text(members, ' '), dataBytes)).toEqual(compact)
  return compact
}

describe('safetensors values near and past 2^53', () => {
  it('reads 16-digit safe dims exactly', () => {
    expect(both([['z', 'U8', ['9007199254740991', '0'], '0', '0']], 0n)).toEqual([
      ['z', 'U8', [9007199254740991, 0], 0n, 0n]
    ])
  })

  it('rejects a dim past 2^53-1 that validation lets through (next to a 0)', () => {
    expect(both([['z', 'U8', ['0', '9007199254740993'], '0', '0']], 0n)).toEqual(
      expect.stringContaining('InvalidHeaderDeserialization: tensor "z" has a dimension above 2^53-1')
    )
  })

  it('redoes a product that passes 2^53 in u64 arithmetic', () => {
    // 2^31 * 2^31 = 2^62 fits in u64, then 0
    expect(both([['z', 'F32', ['2147483648', '2147483648', '0'], '0', '0']], 0n)).toEqual([
      ['z', 'F32', [2147483648, 2147483648, 0], 0n, 0n]
    ])
    // 2^32 * 2^32 = 2^64 does not
    expect(both([['z', 'F32', ['4294967296', '4294967296', '0'], '0', '0']], 0n)).toEqual(
      expect.stringContaining('ValidationOverflow')
    )
    // 2^50 elements of 64 bits: 2^56 bits, past 2^53 but a valid size
    expect(both([['z', 'F64', ['1125899906842624'], '0', '9007199254740992']], 9007199254740992n)).toEqual([
      ['z', 'F64', [1125899906842624], 0n, 9007199254740992n]
    ])
  })

  it('keeps offsets past 2^53 exact', () => {
    const members: Member[] = [
      ['a', 'U8', ['9007199254740993'], '0', '9007199254740993'],
      ['b', 'U8', ['1'], '9007199254740993', '9007199254740995']
    ]
    expect(both(members, 9007199254740995n)).toEqual(
      expect.stringContaining(
        'invalid shape, data type, or offset for tensor "b": shape [1] of U8 needs 1 bytes but data_offsets span 2'
      )
    )
    members[1] = ['b', 'U8', ['2'], '9007199254740993', '9007199254740995']
    expect(both(members, 9007199254740995n)).toEqual(
      expect.stringContaining('InvalidHeaderDeserialization: tensor "a" has a dimension above 2^53-1')
    )
  })

  it('reports an offset hole with the exact numbers, in file order', () => {
    const members: Member[] = [
      ['b', 'U8', ['2'], '3', '5'],
      ['a', 'U8', ['2'], '0', '2']
    ]
    expect(both(members, 5n)).toEqual(
      'InvalidOffset: f: InvalidOffset: invalid offset for tensor "b": data_offsets [3, 5] but the previous tensor ended at 2 ' +
        '(overlap, hole or begin > end)'
    )
  })
})

describe('safetensors tensor budget, charged once per header', () => {
  const members = (n: number): Member[] =>
    Array.from({ length: n }, (_, i): Member => [`t${i}`, 'U8', ['1'], String(i), String(i + 1)])

  it('charges every tensor of a header that fits', () => {
    const run = new ReadBudget({ maxTensorsPerFile: 5 })
    const file = run.forFile('f')
    const bytes = new TextEncoder().encode(text(members(5), ''))
    parseSafetensorsHeader(bytes, 8 + bytes.length + 5, 'f', file)
    expect([file.tensors, run.tensors]).toEqual([5, 5])
  })

  it('fails at the tensor past the per-file budget, the earlier ones charged', () => {
    for (const sep of ['', ' ']) {
      const run = new ReadBudget({ maxTensorsPerFile: 3 })
      const file = run.forFile('f')
      const bytes = new TextEncoder().encode(text(members(5), sep))
      expect(() => parseSafetensorsHeader(bytes, 8 + bytes.length + 5, 'f', file)).toThrow(
        'more than 3 tensors; the budget is 3 tensors per file'
      )
      expect([file.tensors, run.tensors]).toEqual([3, 3])
    }
  })

  it('fails at the tensor past the run budget, counting what other files hold', () => {
    const run = new ReadBudget({ maxTensorsPerRun: 6 })
    const other = run.forFile('other')
    other.addTensors(4)
    const file = run.forFile('f')
    const bytes = new TextEncoder().encode(text(members(5), ''))
    expect(() => parseSafetensorsHeader(bytes, 8 + bytes.length + 5, 'f', file)).toThrow(
      "1 more tensors would pass the run's budget of 6 tensors (6 described so far)"
    )
    expect([file.tensors, run.tensors]).toEqual([2, 6])
  })

  it('charges a fast-path member before its duplicate key is reported', () => {
    const dup: Member[] = [...members(2), ['t0', 'U8', ['1'], '2', '3']]
    const run = new ReadBudget({ maxTensorsPerFile: 2 })
    const bytes = new TextEncoder().encode(text(dup, ''))
    expect(() => parseSafetensorsHeader(bytes, 8 + bytes.length + 3, 'f', run.forFile('f'))).toThrow(
      'more than 2 tensors'
    )
    const roomy = new ReadBudget()
    const file = roomy.forFile('f')
    expect(() => parseSafetensorsHeader(bytes, 8 + bytes.length + 3, 'f', file)).toThrow('duplicate key "t0"')
    expect(file.tensors).toBe(3)
  })
})
