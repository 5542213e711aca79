/**
 * Differential test of the unpickler's fast path. `run` (unpickler.ts) repeats, inline, the checks and effects
 * `step` (binary-ops.ts) has for the opcodes a state dict is mostly made of: two copies of those opcodes'
 * semantics. Every pickle the repository has (committed PyTorch-written files, scanner attack cases, bad files,
 * the generators' outputs), and deterministic corruptions of each (truncations, byte flips, opcode
 * substitutions, length and argument changes, limits set at the exact point each one is reached), is unpickled
 * with the fast path and with `step` alone: the results (value graph with its sharing, end, held bytes, scan)
 * or the errors (code, offset, message, scan, globals) must be the same.
 *
 * A fast-path check stricter than step's only hands the opcode to step (slower, same outcome); a looser one, or
 * a different effect, shows here: a bound loosened by one (stack, MARK depth, string length, input end, memory
 * budget, MARK floor) or a skipped memo check fails this test.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalFile } from '../../src/formats/source.js'
import { unpickle, type UnpickleLimits } from '../../src/formats/torch/pickle/unpickler.js'
import { readZipDirectory } from '../../src/formats/torch/zip.js'
import { readZipRecord } from '../../src/formats/torch/zip-records.js'
import { BOMBS } from '../../fixtures/hostile-bombs.js'
import { P, PickleWriter, torchLegacyBytes, torchStateDictPickle } from '../../fixtures/pickle.js'
import { tensorsWithOwnStorages } from '../../fixtures/torch-files.js'
import {
  outcome,
  outcomeDifference,
  rng,
  walkPickle,
  type Run,
  type WalkedOp
} from './pickle-diff-helpers.js'

const FIXTURES = join(import.meta.dirname, '../../__fixtures__')

interface Seed {
  name: string
  bytes: Uint8Array
  start: number
}

/** Opcode-executions each seed may spend on corruptions (a 25k-opcode data.pkl gets a few dozen). */
const BUDGET = 40_000
/** Seeds past this many opcodes (the 100k-deep attack files) are run as they are, once: each run takes long. */
const LARGE = 20_000
/** Most cases of one kind (truncation, flip, substitution, argument) a seed gets. */
const SHARE = 80

/** The fast path's opcodes, then a few that change the stack shape around them. */
const SUBSTITUTES = [
  0x68, 0x4b, 0x4d, 0x4a, 0x28, 0x89, 0x29, 0x85, 0x86, 0x87, 0x74, 0x52, 0x51, 0x58, 0x2e, 0x30, 0x31
]

const seen = new Set<string>()

/**
 * The pickles of one input: a stream of pickles from offset 0, as torch's legacy format and pickle streams are.
 * Each seed keeps the bytes before its pickle (offsets in messages are relative to `start`) and a few after it,
 * not the rest of the file (storage data, or a 100k-deep pickle a corrupted STOP would run on into). A pickle
 * met before (many attack files share one small state dict) is not a new seed.
 */
function pickleStream(name: string, bytes: Uint8Array, into: Seed[]): void {
  let at = 0
  for (let i = 0; i < 8 && at < bytes.length; i++) {
    const ops = walkPickle(bytes, at)
    const end = Math.min(bytes.length, (ops.length > 0 ? ops[ops.length - 1]!.end : at) + 16)
    const key = `${at}:${Buffer.from(bytes.subarray(at, end)).toString('latin1')}`
    if (!seen.has(key)) {
      seen.add(key)
      into.push({ name: `${name}#${i}`, bytes: bytes.subarray(0, end), start: at })
    }
    try {
      at = unpickle(bytes, { file: name, where: name, start: at }).end
    } catch {
      return
    }
  }
}

/** Every pickle in the committed fixtures: plain pickles, legacy streams, and each zip's pickle records. */
async function committedSeeds(): Promise<Seed[]> {
  const seeds: Seed[] = []
  for (const dir of ['torch', 'hostile', 'bad']) {
    for (const file of readdirSync(join(FIXTURES, dir)).sort()) {
      if (file.endsWith('.json')) continue
      const path = join(FIXTURES, dir, file)
      const name = `${dir}/${file}`
      const bytes = new Uint8Array(readFileSync(path))
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
        pickleStream(name, bytes, seeds)
        continue
      }
      const source = await openLocalFile(path)
      try {
        const zip = await readZipDirectory(source)
        for (const entry of zip.entries) {
          try {
            const { data } = await readZipRecord(source, entry, 1 << 22, { ignoreEncryption: true })
            if (entry.name.endsWith('.pkl') || data[0] === 0x80)
              pickleStream(`${name}:${entry.name}`, data, seeds)
          } catch {
            // a record a reader refuses (bombs, bad offsets) has no pickle to compare
          }
        }
      } catch {
        pickleStream(name, bytes, seeds) // not a readable zip: its bytes are what a reader would try
      } finally {
        await source.close()
      }
    }
  }
  return seeds
}

/**
 * The generators' pickles: state dicts, a legacy file, the pickle resource bombs (scaled down), and one made of
 * every fast-path opcode at the edges of its arguments.
 */
function generatedSeeds(): Seed[] {
  const seeds: Seed[] = []
  const dir = mkdtempSync(join(tmpdir(), 'pickle-fast-path-'))
  try {
    for (const bomb of BOMBS.filter((b) => b.name.endsWith('.pkl'))) {
      bomb.write(join(dir, bomb.name), 1 / 512)
      pickleStream(`bomb ${bomb.name}`, new Uint8Array(readFileSync(join(dir, bomb.name))), seeds)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const tensors = tensorsWithOwnStorages([
    { name: 'layer.0.weight', shape: [8, 4] },
    { name: 'layer.0.bias', shape: [8], storageClass: 'HalfStorage' },
    { name: 'emb', shape: [5000, 2, 3, 4], storageClass: 'BFloat16Storage' },
    { name: 'scalar', shape: [] },
    { name: 'ünïcode', shape: [1, 70000], storageClass: 'LongStorage' }
  ])
  pickleStream('torchStateDictPickle', torchStateDictPickle(tensors), seeds)
  pickleStream('torchStateDictPickle legacy', torchStateDictPickle(tensors, { legacy: true }), seeds)
  pickleStream('torchLegacyBytes', torchLegacyBytes(tensors), seeds)
  const w = new PickleWriter().proto(2).op(P.MARK)
  w.op(P.EMPTY_TUPLE).put(0)
  w.op(P.MARK)
    .int(0)
    .int(255)
    .int(256)
    .int(4095)
    .int(4096)
    .int(65535)
    .int(65536)
    .int(-1)
    .int(-(2 ** 31))
  w.int(2 ** 31 - 1)
    .op(P.NEWFALSE)
    .op(P.TUPLE)
    .put(1)
  w.str('').str('é∑ \u{1F600}').tuple(2).get(1).tuple(1).get(0).tuple(3)
  w.op(P.MARK).op(P.TUPLE).tuple(1)
  w.global('collections', 'OrderedDict').op(P.EMPTY_TUPLE).op(P.REDUCE)
  w.op(P.MARK).str('storage').global('torch', 'FloatStorage').str('0').str('cpu').int(4).op(P.TUPLE)
  w.op(P.BINPERSID).get(1).op(P.TUPLE).stop()
  pickleStream('hand-made fast-path opcodes', w.bytes(), seeds)
  // a string that is not UTF-8: the fast path leaves it to step, which fails with its own message
  const bad = new PickleWriter().proto(2).str('ok').raw(P.BINUNICODE, 2, 0, 0, 0, 0xc3, 0x28).tuple(2).stop()
  pickleStream('BINUNICODE not UTF-8', bad.bytes(), seeds)
  return seeds
}

function sample<T>(all: T[], count: number, next: () => number): T[] {
  if (all.length <= count) return all
  const out: T[] = []
  for (let i = 0; i < count; i++) out.push(all[Math.floor(next() * all.length)]!)
  return out
}

function patched(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const out = bytes.slice()
  for (let i = 0; i < values.length && at + i < out.length; i++) out[at + i] = values[i]!
  return out
}

function le(value: bigint, size: number): number[] {
  const out: number[] = []
  for (let i = 0; i < size; i++) out.push(Number((value >> BigInt(8 * i)) & 0xffn))
  return out
}

/** Corrupted copies of a seed's bytes, sampled to the seed's budget. */
function corruptions(seed: Seed, ops: WalkedOp[]): Array<[string, Run]> {
  const next = rng(ops.length * 7919 + seed.bytes.length)
  const end = ops.length > 0 ? ops[ops.length - 1]!.end : seed.start + 1
  const share =
    ops.length > LARGE ? 0 : Math.max(4, Math.min(SHARE, Math.floor(BUDGET / (ops.length + 20) / 4)))
  const run = (bytes: Uint8Array, complete = true): Run => ({ bytes, start: seed.start, complete })
  const cases: Array<[string, Run]> = []
  if (share === 0) return cases
  // truncations at every opcode boundary, in each of the first bytes of its argument, and before its last byte
  const cuts = [
    ...new Set(ops.flatMap((o) => [o.at, o.at + 1, o.at + 2, o.at + 3, o.at + 4, o.at + 5, o.end - 1]))
  ].filter((p) => p < seed.bytes.length)
  for (const p of sample(cuts, share, next)) {
    const complete = next() < 0.7
    cases.push([`cut at ${p}${complete ? '' : ' (incomplete)'}`, run(seed.bytes.subarray(0, p), complete)])
  }
  for (let i = 0; i < share; i++) {
    const at = seed.start + Math.floor(next() * (end - seed.start))
    const x = 1 + Math.floor(next() * 255)
    cases.push([`flip ${at} ^${x}`, run(patched(seed.bytes, at, [seed.bytes[at]! ^ x]))])
  }
  const subs = ops.flatMap((o) => SUBSTITUTES.filter((s) => s !== o.op).map((s) => [o.at, s] as const))
  for (const [at, s] of sample(subs, share, next)) {
    cases.push([`op at ${at} := 0x${s.toString(16)}`, run(patched(seed.bytes, at, [s]))])
  }
  const args: Array<[number, number[]]> = []
  for (const o of ops) {
    const left = seed.bytes.length - o.end
    if (o.lengthAt !== undefined && o.lengthSize !== undefined) {
      const n = o.end - o.lengthAt - o.lengthSize
      const lengths = o.lengthSize === 1 ? [0, n - 1, n + 1, 255] : [0, n - 1, n + 1, n + left, n + left + 1]
      if (o.lengthSize === 4) lengths.push(0x7fffffff, 0x80000000, 0xffffffff)
      if (o.lengthSize === 8) lengths.push(2 ** 53, Number.MAX_SAFE_INTEGER)
      for (const v of lengths) if (v >= 0) args.push([o.lengthAt, le(BigInt(v), o.lengthSize)])
      if (o.lengthSize === 8) args.push([o.lengthAt, le(1n << 63n, 8)])
    } else if (o.op === 0x68 || o.op === 0x4b) {
      for (const v of [0, 1, 255]) args.push([o.at + 1, [v]])
    } else if (o.op === 0x4d) {
      for (const v of [4095, 4096, 65535]) args.push([o.at + 1, le(BigInt(v), 2)])
    } else if (o.op === 0x4a) {
      for (const v of [-1, 4095, 4096, 0x7fffffff, -(2 ** 31)]) args.push([o.at + 1, le(BigInt(v), 4)])
    }
  }
  for (const [at, values] of sample(args, share, next)) {
    cases.push([`arg at ${at} := ${values.join(',')}`, run(patched(seed.bytes, at, values))])
  }
  return cases
}

/**
 * The seed itself under limits set where each is reached: stack and MARK depth and memo size stepped one by one,
 * string limits at each string's length and one below, and the memory budget at each value the pickle's held
 * bytes take (found by bisection), and one below, so each bound is met exactly where the fast path checks it.
 */
function limitCases(seed: Seed, ops: WalkedOp[]): Array<[string, Run]> {
  const cases: Array<[string, Run]> = []
  const at = (limits: Partial<UnpickleLimits>): Run => ({ bytes: seed.bytes, start: seed.start, limits })
  cases.push(['as is', at({})])
  if (ops.length > LARGE) return cases
  cases.push(['as is (incomplete)', { ...at({}), complete: false }])
  for (let k = 1; k <= 24; k++) cases.push([`maxStack ${k}`, at({ maxStack: k })])
  for (let k = 1; k <= 8; k++) cases.push([`maxMarkDepth ${k}`, at({ maxMarkDepth: k })])
  for (let k = 0; k <= 3; k++) cases.push([`maxMemo ${k}`, at({ maxMemo: k })])
  const lengths = new Set<number>()
  for (const o of ops) {
    if (o.lengthAt !== undefined && lengths.size < 16) lengths.add(o.end - o.lengthAt - o.lengthSize!)
  }
  for (const n of lengths) {
    cases.push([`maxStringBytes ${n}`, at({ maxStringBytes: n })])
    if (n > 0) cases.push([`maxStringBytes ${n - 1}`, at({ maxStringBytes: n - 1 })])
  }
  if (ops.length <= 3000) {
    for (const v of heldEdges(seed)) {
      cases.push([`maxHeldBytes ${v}`, at({ maxHeldBytes: v })])
      cases.push([`maxHeldBytes ${v - 1}`, at({ maxHeldBytes: v - 1 })])
    }
  }
  return cases
}

/** The memory budgets at which `step` alone gets one opcode further (at most 80), by bisection. */
function heldEdges(seed: Seed): number[] {
  let total: number
  try {
    total = unpickle(seed.bytes, { file: 'f', where: 'w', start: seed.start }).held
  } catch {
    return []
  }
  const edges: number[] = []
  const f = (v: number): string =>
    outcome({ bytes: seed.bytes, start: seed.start, limits: { maxHeldBytes: v } }, false).text
  const bisect = (lo: number, flo: string, hi: number, fhi: string): void => {
    if (flo === fhi || edges.length >= 80) return
    if (hi - lo === 1) {
      edges.push(hi)
      return
    }
    const mid = Math.floor((lo + hi) / 2)
    const fmid = f(mid)
    bisect(lo, flo, mid, fmid)
    bisect(mid, fmid, hi, fhi)
  }
  bisect(0, f(0), total, f(total))
  return edges
}

/** Runs every case both ways; returns the first few differences, and how many cases ran. */
function differences(seeds: Seed[]): { diffs: string[]; cases: number } {
  const diffs: string[] = []
  let count = 0
  for (const seed of seeds) {
    const ops = walkPickle(seed.bytes, seed.start)
    for (const [what, run] of [...limitCases(seed, ops), ...corruptions(seed, ops)]) {
      count++
      const diff = outcomeDifference(run)
      if (diff !== undefined && diffs.length < 5)
        diffs.push(`${seed.name}, ${what}:\n  ${diff.slice(0, 1200)}`)
    }
  }
  return { diffs, cases: count }
}

describe('unpickler fast path against step alone', () => {
  it('agrees on every committed pickle fixture and its corruptions', async () => {
    const seeds = await committedSeeds()
    expect(seeds.length).toBeGreaterThan(80)
    const { diffs, cases } = differences(seeds)
    expect(diffs).toEqual([])
    expect(cases).toBeGreaterThan(20_000)
  })

  it("agrees on the generators' pickles and their corruptions", () => {
    const seeds = generatedSeeds()
    const { diffs, cases } = differences(seeds)
    expect(diffs).toEqual([])
    expect(cases).toBeGreaterThan(2_000)
  })
})
