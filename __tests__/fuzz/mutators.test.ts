/**
 * The fuzzer's own parts: the in-memory byte source keeps the ByteSource contract, mutations are deterministic
 * and do what they say, and every seed is a valid input for its reader (a fuzzer whose seeds are already broken
 * only ever tests the first check).
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { CheckpointError } from '../../src/formats/errors.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { MemoryFileAccess, MemorySource } from '../../fixtures/fuzz/memory-source.js'
import {
  MAX_INPUT_BYTES,
  applyMutations,
  caseArb,
  type FuzzSeed,
  type Mutation
} from '../../fixtures/fuzz/mutators.js'
import { editJsonText } from '../../fixtures/fuzz/json-edits.js'
import { safetensorsSeeds, scanHints, zipHints } from '../../fixtures/fuzz/seeds.js'
import { TARGET_NAMES, inputOf, loadTarget, runCase } from '../../fixtures/fuzz/targets.js'
import { generateCases } from '../../fixtures/fuzz/run-cases.js'
import { zipBytes } from '../../fixtures/zip-writer.js'

const errorCode = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof CheckpointError ? e.code : `other: ${String(e)}`)
  )

describe('MemorySource', () => {
  test('reads exact ranges, the zero tail, and refuses ranges past the end or nonsense ones', async () => {
    const s = new MemorySource('m', Uint8Array.from([1, 2, 3]), 4)
    expect(s.size).toBe(7)
    expect([...(await s.read(1, 4))]).toEqual([2, 3, 0, 0])
    expect(await errorCode(s.read(5, 3))).toBe('Truncated')
    expect(await errorCode(s.read(-1, 1))).toBe('IoError')
    expect(await errorCode(s.read(0, 0.5))).toBe('IoError')
    const a = await s.read(0, 3)
    a[0] = 99
    expect([...(await s.read(0, 1))]).toEqual([1])
    expect(s.reads).toBe(3)
  })

  test('MemoryFileAccess lists folders and types missing paths', async () => {
    const fs = new MemoryFileAccess({
      '/d/a.bin': { bytes: new Uint8Array(1) },
      '/d/sub/b.bin': { bytes: new Uint8Array(2) }
    })
    expect(await fs.list('/d')).toEqual(['a.bin', 'sub'])
    expect(await fs.kind('/d/sub')).toBe('dir')
    expect(await fs.kind('/d/nope')).toBeUndefined()
    expect(await errorCode(fs.open('/d/nope'))).toBe('FileNotFound')
    expect(await errorCode(fs.open('/d/sub'))).toBe('NotAFile')
    expect((await fs.open('/d/sub/b.bin')).size).toBe(2)
  })
})

describe('mutations', () => {
  const seed: FuzzSeed = {
    name: 's',
    bytes: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    tail: 6,
    hints: [{ offset: 2, width: 4 }]
  }
  const apply = (...m: Mutation[]): { bytes: number[]; tail: number } => {
    const r = applyMutations(seed, [seed], m, [Uint8Array.from([0xaa, 0xbb])])
    return { bytes: [...r.bytes], tail: r.tail }
  }

  test('each kind changes the input as described and never the seed', () => {
    expect(apply({ kind: 'flip', pos: 12, bit: 7 }).bytes[2]).toBe(0x82)
    expect(apply({ kind: 'truncate', pos: 4 })).toEqual({ bytes: [0, 1, 2, 3], tail: 0 })
    expect(apply({ kind: 'truncate', pos: 13 })).toEqual({ bytes: [...seed.bytes], tail: 3 })
    expect(apply({ kind: 'int', pos: 0, width: 8, bigEndian: false, value: 0, hint: 0 }).bytes).toEqual([
      0, 1, 0, 0, 0, 0, 6, 7, 8, 9
    ])
    expect(apply({ kind: 'duplicate', pos: 1, length: 2, dest: 0 }).bytes).toEqual([
      1, 2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    ])
    expect(apply({ kind: 'remove', pos: 1, length: 8 }).bytes).toEqual([0, 9])
    expect(apply({ kind: 'swap', pos: 0, lengthA: 2, lengthB: 3 }).bytes).toEqual([
      2, 3, 4, 0, 1, 5, 6, 7, 8, 9
    ])
    expect(apply({ kind: 'token', pos: 1, token: 0, overwrite: true }).bytes).toEqual([
      0, 0xaa, 0xbb, 3, 4, 5, 6, 7, 8, 9
    ])
    expect(apply({ kind: 'splice', other: 0, cutA: 2, cutB: 8 }).bytes).toEqual([0, 1, 8, 9])
    expect([...seed.bytes]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  test('inputs never grow past the cap', () => {
    const big: FuzzSeed = { ...seed, bytes: new Uint8Array(MAX_INPUT_BYTES - 10) }
    const m: Mutation = { kind: 'duplicate', pos: 0, length: 4096, dest: 0 }
    expect(applyMutations(big, [big], [m, m], []).bytes.length).toBe(MAX_INPUT_BYTES)
  })

  test('structural JSON edits duplicate, reorder and drop members', () => {
    const j = (op: 'duplicate' | 'swap' | 'drop', other: number): string | undefined =>
      editJsonText('{"a":1,"b":[2,3]}', { kind: 'json', op, pick: 0, other, value: 0 })
    expect(j('duplicate', 0)).toBe('{"a":1,"a":1,"b":[2,3]}')
    expect(j('swap', 0)).toBe('{"b":[2,3],"a":1}')
    expect(j('drop', 1)).toBe('{"a":1}')
  })

  test('a duplicated safetensors entry keeps the length prefix consistent and reaches the duplicate-key check', async () => {
    const s = safetensorsSeeds().find((x) => x.name === 'st-tiny-transformer') as FuzzSeed
    const input = applyMutations(s, [s], [{ kind: 'json', op: 'duplicate', pick: 1, other: 3, value: 0 }], [])
    const e = await readSafetensors(new MemorySource('x', input.bytes, input.tail)).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CheckpointError)
    expect((e as CheckpointError).detail).toMatch(/duplicate key/)
  })

  test('cases are reproducible from (seed, index)', () => {
    const a = [...generateCases(caseArb(), 5, 1990, 2010)]
    const b = [...generateCases(caseArb(), 5, 2000, 2001)]
    expect(a.find(([i]) => i === 2000)).toEqual(b[0])
    expect(fc.sample(caseArb(), { seed: 1, numRuns: 3 })).toEqual(
      fc.sample(caseArb(), { seed: 1, numRuns: 3 })
    )
  })

  test('hints find length fields: zip end-record fields and small integers', () => {
    const z = zipBytes([{ name: 'a/b', data: Uint8Array.from([1, 2, 3]) }], { zip64: false, align: 0 })
    const eocd = z.length - 22
    expect(zipHints(z)).toEqual(
      expect.arrayContaining([
        { offset: eocd + 10, width: 2 },
        { offset: eocd + 16, width: 4 }
      ])
    )
    expect(scanHints(Uint8Array.from([9, 9, 5, 0, 0, 0, 0, 0, 0, 0]))).toContainEqual({ offset: 2, width: 8 })
  })
})

describe('seeds', () => {
  test.each([...TARGET_NAMES].filter((t) => t !== 'detect' && !t.endsWith('-structured')))(
    'every %s seed is read as a valid checkpoint',
    async (name) => {
      const target = await loadTarget(name)
      expect(target.seeds.length).toBeGreaterThan(0)
      for (const s of target.seeds) {
        const outcome = await runCase(target, { bytes: s.bytes.slice(), tail: s.tail })
        expect({ seed: s.name, outcome }).toEqual({ seed: s.name, outcome: { kind: 'valid' } })
      }
    }
  )

  test('a case applies its mutations to the seed it names', async () => {
    const target = await loadTarget('gguf')
    const input = inputOf(target, { seed: 0, mutations: [{ kind: 'truncate', pos: 3 }] })
    expect([...input.bytes]).toEqual([...(target.seeds[0] as FuzzSeed).bytes.subarray(0, 3)])
  })
})
