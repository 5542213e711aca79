/**
 * The prefilled output of the user-space pass (src/convert/prefill.ts): what the worker writes, that it stops when
 * the pass takes the file, what is left behind when it is dropped, and that a conversion written over a prefilled
 * file is the one written without it (through the writer and through the CLI).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeSync,
  rmSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPrefill, type Prefill } from '../../src/convert/prefill.js'
import { writeConversion } from '../../src/convert/index.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import { dottedLora, targetsOf, writeLoraFile } from '../../fixtures/lora.js'
import { runCli } from '../../__fixtures__/cli-io.js'
import { planFor, writeRandomLora, SMALL_LONGCAT, SMALL_WAN } from './helpers.js'
import { TOOL } from '../../src/version.js'

const MiB = 1 << 20

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'prefill-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const tempsOf = (name: string): string[] =>
  readdirSync(dir).filter((f) => f.startsWith(name) && f.endsWith('.tmp'))

/** Waits until the prefill's temporary file for `name` holds at least `bytes` bytes. */
async function grown(name: string, bytes: number): Promise<number> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const [temp] = tempsOf(name)
    const size = temp === undefined ? 0 : sizeOf(join(dir, temp))
    if (size >= bytes || Date.now() > deadline) return size
    await new Promise((r) => setTimeout(r, 2))
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('startPrefill', () => {
  test('starts nothing under its minimum size, or where no file can be created', () => {
    expect(startPrefill(join(dir, 'small.safetensors'), 63 * MiB)).toBeUndefined()
    expect(startPrefill(join(dir, 'no-such-folder', 'out.safetensors'), 128 * MiB, 0)).toBeUndefined()
    expect(readdirSync(dir)).toEqual([])
  })

  test('writes zeros up to its limit; take cuts the file to the size asked and hands it over', async () => {
    const prefill = startPrefill(join(dir, 'a.safetensors'), 8 * MiB, 0)!
    expect(prefill).toBeDefined()
    expect(await grown('a.safetensors', 8 * MiB)).toBe(8 * MiB)
    const taken = prefill.take(3 * MiB + 5)!
    expect(taken.prefilled).toBe(3 * MiB + 5)
    expect(fstatSync(taken.fd).size).toBe(3 * MiB + 5)
    const bytes = readFileSync(taken.temp)
    expect(bytes.every((b) => b === 0)).toBe(true)
    expect(prefill.take(MiB)).toBeUndefined() // handed over once
    prefill.discard() // and no longer the prefill's to remove
    expect(tempsOf('a.safetensors')).toEqual([taken.temp.slice(dir.length + 1)])
    closeSync(taken.fd)
    rmSync(taken.temp)
  })

  test('a size above what was written keeps what was written', async () => {
    const prefill = startPrefill(join(dir, 'b.safetensors'), 2 * MiB + 7, 0)!
    expect(await grown('b.safetensors', 2 * MiB + 7)).toBe(2 * MiB + 7)
    const taken = prefill.take(64 * MiB)!
    expect(taken.prefilled).toBe(2 * MiB + 7)
    expect(fstatSync(taken.fd).size).toBe(2 * MiB + 7)
    closeSync(taken.fd)
    rmSync(taken.temp)
  })

  test('take stops the worker: nothing is written to the file after it', async () => {
    // a limit the worker cannot reach before it is stopped (it writes a few GB/s at most)
    const prefill = startPrefill(join(dir, 'c.safetensors'), 4096 * MiB, 0)!
    expect(await grown('c.safetensors', 1)).toBeGreaterThan(0)
    const taken = prefill.take(8192 * MiB)!
    expect(taken.prefilled).toBeLessThan(4096 * MiB)
    const fd = taken.fd
    await pause(150)
    expect(fstatSync(fd).size).toBe(taken.prefilled)
    // the pass owns the file: what it writes stays
    writeSync(fd, new Uint8Array([7]), 0, 1, taken.prefilled)
    await pause(50)
    expect(fstatSync(fd).size).toBe(taken.prefilled + 1)
    closeSync(fd)
    rmSync(taken.temp)
  })

  test('discard stops the worker and removes the file, at any point, once or twice', async () => {
    const early = startPrefill(join(dir, 'd.safetensors'), 4096 * MiB, 0)!
    early.discard() // maybe before the worker started
    const late = startPrefill(join(dir, 'e.safetensors'), 4096 * MiB, 0)!
    expect(await grown('e.safetensors', MiB)).toBeGreaterThanOrEqual(MiB)
    late.discard()
    late.discard()
    expect(late.take(MiB)).toBeUndefined()
    await pause(100)
    expect(tempsOf('d.safetensors')).toEqual([])
    expect(tempsOf('e.safetensors')).toEqual([])
  })
})

describe('the worker sink', () => {
  test('one per file; a window the worker cannot write fails the pass with its error', async () => {
    const prefill = startPrefill(join(dir, 'f.safetensors'), 4 * MiB, 0)!
    await grown('f.safetensors', 4 * MiB)
    const taken = prefill.take(MiB)!
    const sink = taken.windows(4096)!
    expect(sink).toBeDefined()
    expect(taken.windows(4096)).toBeUndefined()
    expect(sink.acquire(0)).toBeUndefined()
    sink.submit(0, 0, 4096 * 100) // longer than its window: the worker's write throws
    await expect(sink.finish()).rejects.toMatchObject({ code: 'ERR_OUT_OF_RANGE' })
    taken.release()
    closeSync(taken.fd)
    rmSync(taken.temp)
  })

  test('no sink from a worker that has not started by the time the file is taken', () => {
    const prefill = startPrefill(join(dir, 'g.safetensors'), 4 * MiB, 0)!
    const taken = prefill.take(MiB)! // at once: the worker is still starting
    expect(taken.prefilled).toBe(0)
    expect(taken.windows(4096)).toBeUndefined()
    taken.release()
    closeSync(taken.fd)
    rmSync(taken.temp)
  })
})

// A separate q/k/v LoRA onto a fused-qkv base: the writer stacks downs and places ups block-diagonally, so it takes
// the user-space pass (the one a prefill is for).
const WAN = SMALL_WAN
const LONGCAT = SMALL_LONGCAT

describe('the writer and a prefill', () => {
  let lora: string
  beforeAll(async () => {
    lora = join(dir, 'qkv.safetensors')
    await writeRandomLora(
      lora,
      dottedLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 4, prefix: 'diffusion_model.' }),
      41
    )
  })

  test('a stacking pass over a prefilled file (longer or shorter than the output) writes the same file', async () => {
    const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(LONGCAT), 'base')
    expect(plan.counts.stack).toBeGreaterThan(0)
    const plain = join(dir, 'plain.safetensors')
    await writeConversion(plan, ckpt, plain, { tool: TOOL })
    const expected = readFileSync(plain)
    for (const [name, limit] of [
      ['long.safetensors', expected.length * 3],
      ['short.safetensors', Math.floor(expected.length / 3)]
    ] as const) {
      const out = join(dir, name)
      const prefill = startPrefill(out, limit, 0)!
      await grown(name, limit)
      const written = await writeConversion(plan, ckpt, out, { tool: TOOL, prefill })
      expect(written.copy).toBe('user-space')
      expect(readFileSync(out).equals(expected)).toBe(true)
      expect(tempsOf(name)).toEqual([])
    }
  })

  test('a rename (kernel copy) or a prefill made for another output: the prefill is dropped', async () => {
    const rename = await planFor(lora, specCheckpoint(WAN), 'comfyui')
    const out = join(dir, 'renamed.safetensors')
    const prefill: Prefill = startPrefill(out, 16 * MiB, 0)!
    expect((await writeConversion(rename.plan, rename.lora, out, { tool: TOOL, prefill })).copy).toBe(
      'kernel'
    )
    const stack = await planFor(lora, specCheckpoint(LONGCAT), 'base')
    const other = startPrefill(join(dir, 'other.safetensors'), 16 * MiB, 0)!
    const out2 = join(dir, 'stacked.safetensors')
    expect((await writeConversion(stack.plan, stack.lora, out2, { tool: TOOL, prefill: other })).copy).toBe(
      'user-space'
    )
    await pause(50)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('convert (CLI) over 64 MiB: prefilled', () => {
  // Sparse LoRA files (the header is real, the data zeros) large enough for the CLI to prefill.
  const WIDE = scaledModel('wan2.1-t2v-1.3b', { num_layers: 8 }, { dtype: 'BF16' })
  const FUSED = scaledModel(
    'longcat-video',
    { hidden_size: 1536, num_heads: 12, head_dim: 128, depth: 8, ffn_hidden: 4096 },
    { dtype: 'BF16' }
  )
  const cli = (...argv: string[]) => runCli(['convert', ...argv], { env: { HOME: tmpdir() } })
  let base: string
  beforeAll(async () => {
    base = join(dir, 'fused-base.safetensors')
    await writeSafetensors(base, FUSED)
  })

  test('a stacking conversion gives the file the writer gives alone, and leaves no temporary file', async () => {
    const lora = join(dir, 'big-qkv.safetensors')
    const fx = dottedLora(targetsOf(WIDE, /^blocks\.\d+\.self_attn\.[qkv]$/), {
      rank: 512,
      dtype: 'BF16',
      prefix: 'diffusion_model.'
    })
    writeLoraFile(lora, fx)
    const out = join(dir, 'big-out.safetensors')
    const r = await cli(lora, '--base', base, '--to', 'base', '-o', out, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).written.copy).toBe('user-space')
    const { plan, lora: ckpt } = await planFor(lora, await readCheckpoint(base), 'base')
    expect(ckpt.bytes).toBeGreaterThan(64 * MiB)
    const plain = join(dir, 'big-plain.safetensors')
    await writeConversion(plan, ckpt, plain, { tool: TOOL })
    expect(readFileSync(out).equals(readFileSync(plain))).toBe(true)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    rmSync(out)
    rmSync(plain)
  })

  test('a refused conversion leaves nothing behind', async () => {
    // blocks 0-7 of a 16-block LoRA's q/k/v: the base has 8, so the rest is refused (no --drop-unmatched)
    const deep = scaledModel('wan2.1-t2v-1.3b', { num_layers: 16 }, { dtype: 'BF16' })
    const lora = join(dir, 'deep-qkv.safetensors')
    writeLoraFile(
      lora,
      dottedLora(targetsOf(deep, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 256, dtype: 'BF16' })
    )
    const out = join(dir, 'refused.safetensors')
    const r = await cli(lora, '--base', base, '--to', 'base', '-o', out)
    expect(r.code).toBe(2)
    await pause(50)
    expect(readdirSync(dir).filter((f) => f.startsWith('refused'))).toEqual([])
  })
})
