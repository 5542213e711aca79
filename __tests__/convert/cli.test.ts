/** `model-compat convert` in-process: refusals with reasons, --drop-unmatched, --dry-run, metadata, atomic output. */
import { describe, expect, test, beforeAll, afterAll } from '@jest/globals'
import { Ajv } from 'ajv'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { CONVERSION_METADATA_KEY, type ConversionRecord } from '../../src/convert/index.js'
import { scaledModel, specCheckpoint } from '../../fixtures/specs.js'
import { dottedLora, kohyaLora, targetsOf } from '../../fixtures/lora.js'
import { convertFile, deltasOf, loadablePercent, planFor, relativeError, writeRandomLora } from './helpers.js'

/** `model-compat convert ...argv`, through the real dispatcher (exit statuses and stderr as a user sees them). */
const cli = (...argv: string[]) => runCli(['convert', ...argv], { env: { HOME: tmpdir() } })
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

const wanSpec = (dim: number, layers: number) =>
  scaledModel('wan2.1-t2v-14b', { dim, ffn_dim: 128, num_layers: layers })
const WAN = wanSpec(64, 2)

let dir: string
let base: string
let lora3: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convert-cli-'))
  base = join(dir, 'wan-base.safetensors')
  await writeSafetensors(base, WAN)
  // three blocks of LoRA for a two-block base
  lora3 = join(dir, 'wan3.safetensors')
  const fx = kohyaLora(targetsOf(wanSpec(64, 3), /^blocks\.\d+\.(?:self_attn\.[qo]|ffn\.0)$/), {
    rank: 4,
    alpha: 2
  })
  fx.metadata = { ss_network_dim: '4', ss_network_alpha: '2' }
  await writeRandomLora(lora3, fx, 11)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function filesIn(): string[] {
  return readdirSync(dir).sort()
}

describe('refusals', () => {
  test('different block counts: refused with the exact reason, nothing written, exit 2', async () => {
    const out = join(dir, 'refused.safetensors')
    const before = filesIn()
    const r = await cli(lora3, '--base', base, '-o', out)
    expect(r.code).toBe(2)
    expect(existsSync(out)).toBe(false)
    expect(filesIn()).toEqual(before)
    for (const p of ['self_attn_q', 'self_attn_o', 'ffn_0'])
      expect(r.out).toMatch(
        new RegExp(`lora_unet_blocks_2_${p} +block blocks\\.2 does not exist: the base has blocks 0-1\n`)
      )
    // The first line is the answer; the console view is not repeated on stderr.
    expect(r.out.split('\n')[0]).toBe(
      '✗ refused: 3 of 9 modules cannot be converted exactly; nothing written (--drop-unmatched writes the'
    )
    expect(r.out).toContain("3 modules  blocks beyond the base's depth (base has blocks 0-1)")
    expect(r.out).toContain('modules  6 output modules (rename 6); 3 refused')
    expect(r.err).toBe('')
    const json = await cli(lora3, '--base', base, '-o', out, '--json')
    expect(json.code).toBe(2)
    expect(json.err).toBe(
      'model-compat convert: refused: 3 of 9 modules cannot be converted exactly; nothing written (--drop-unmatched writes the other 6)\n'
    )
  })

  test('mismatched dims: the resolver reason with both shapes', async () => {
    const { plan } = await planFor(lora3, specCheckpoint(wanSpec(32, 3)), 'comfyui')
    expect(plan.ok).toBe(false)
    expect(plan.modules).toEqual([])
    expect(plan.refused).toHaveLength(9)
    expect(plan.refused.find((r) => r.stem === 'lora_unet_blocks_1_ffn_0')!.reason).toBe(
      'shape mismatch against blocks.1.ffn.0.weight [128,32]: in-dim 64 vs 32'
    )
    expect(plan.causes[0]!.cause).toMatch(/in-dim 64 vs 32/)
  })

  test('--drop-unmatched writes the rest and lists every dropped module', async () => {
    const out = join(dir, 'dropped.safetensors')
    const r = await cli(lora3, '--base', base, '-o', out, '--drop-unmatched', '--to', 'comfyui')
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toMatch(
      /^✓ converted exactly: 6 modules to comfyui names, 3 modules dropped, written to/
    )
    expect(r.out).toContain('Dropped (--drop-unmatched): 3 modules')
    for (const p of ['self_attn_q', 'self_attn_o', 'ffn_0'])
      expect(r.out).toMatch(
        new RegExp(`lora_unet_blocks_2_${p} +block blocks\\.2 does not exist: the base has blocks 0-1\n`)
      )
    const ckpt = await readCheckpoint(out)
    expect(ckpt.tensors.some((t) => t.name.includes('blocks.2'))).toBe(false)
    expect(ckpt.tensors).toHaveLength(6 * 3)
    const record = JSON.parse(ckpt.metadata[CONVERSION_METADATA_KEY] as string) as ConversionRecord
    expect(record.dropped.map((d) => d.stem).sort()).toEqual([
      'lora_unet_blocks_2_ffn_0',
      'lora_unet_blocks_2_self_attn_o',
      'lora_unet_blocks_2_self_attn_q'
    ])
    expect(await loadablePercent(out, specCheckpoint(WAN))).toBe(100)
  })
})

describe('output', () => {
  test('--dry-run prints the plan and writes nothing', async () => {
    const lora = join(dir, 'wan2.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 4 }), 12)
    const before = filesIn()
    const r = await cli(
      lora,
      '--base',
      base,
      '-o',
      join(dir, 'never.safetensors'),
      '--dry-run',
      '--to',
      'peft'
    )
    expect(r.code).toBe(0)
    expect(filesIn()).toEqual(before)
    expect(r.out.split('\n')[0]).toBe(
      '✓ exact conversion planned: 6 modules to peft names; nothing written (--dry-run)'
    )
    expect(r.out).toContain('modules  6 output modules (rename 6)\n')
    expect(r.out).toContain(
      'rename     base_model.model.blocks.0.self_attn.q  4     -      lora_unet_blocks_0_self_attn_q'
    )
    const json = await cli(lora, '--base', base, '--dry-run', '--json')
    const doc = JSON.parse(json.out) as {
      plan: { to: string; modules: { stem: string; tensors: { recipe: string }[] }[] }
    }
    // a kohya LoRA stays kohya by default
    expect(doc.plan.to).toBe('kohya')
    expect(doc.plan.modules[0]!.tensors.map((t) => t.recipe)).toEqual(['rows', 'rows', 'scalar'])
  })

  // The command may start the kernel's copy of the LoRA before it plans (src/convert/kernel-copy.ts): a rename
  // takes the copy as its output; a layout change (or a refusal, above) leaves no other file behind.
  test('a rename becomes the kernel copy; a layout change leaves only its output', async () => {
    const lora = join(dir, 'qkv.safetensors')
    await writeRandomLora(
      lora,
      dottedLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 4, prefix: 'diffusion_model.' }),
      16
    )
    const fused = join(dir, 'longcat-base.safetensors')
    await writeSafetensors(
      fused,
      scaledModel('longcat-video', { hidden_size: 64, num_heads: 2, head_dim: 32, depth: 2, ffn_hidden: 160 })
    )
    const before = filesIn()
    const renamed = join(dir, 'qkv-renamed.safetensors')
    const r = await cli(lora, '--base', base, '--to', 'kohya', '-o', renamed, '--json')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { written: { copy: string } }).written.copy).toBe('kernel')
    const stacked = join(dir, 'qkv-stacked.safetensors')
    const s = await cli(lora, '--base', fused, '--to', 'base', '-o', stacked, '--json')
    expect(s.code).toBe(0)
    const doc = JSON.parse(s.out) as { written: { copy: string }; plan: { counts: Record<string, number> } }
    expect(doc.written.copy).toBe('user-space')
    expect(doc.plan.counts.stack).toBe(2)
    expect(filesIn()).toEqual([...before, 'qkv-renamed.safetensors', 'qkv-stacked.safetensors'].sort())
    expect(await loadablePercent(stacked, await readCheckpoint(fused))).toBe(100)
  })

  test('an output folder that does not exist yet is created only when the output is written', async () => {
    const lora = join(dir, 'wan-sub.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.0\.self_attn\.q$/), { rank: 4 }), 17)
    const refused = await cli(lora3, '--base', base, '-o', join(dir, 'sub-refused', 'out.safetensors'))
    expect(refused.code).toBe(2)
    expect(existsSync(join(dir, 'sub-refused'))).toBe(false)
    const r = await cli(lora, '--base', base, '-o', join(dir, 'sub', 'out.safetensors'), '--json')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { written: { copy: string } }).written.copy).toBe('kernel')
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.safetensors'])
  })

  test('an output that cannot be written is an output error naming it (exit 2), for a copy and a pass', async () => {
    const blocker = join(dir, 'a-file')
    writeFileSync(blocker, 'not a folder')
    const lora = join(dir, 'wan-blocked.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.0\.self_attn\.q$/), { rank: 4 }), 19)
    const fused = join(dir, 'fused-blocked.safetensors')
    await writeSafetensors(
      fused,
      scaledModel('longcat-video', { hidden_size: 64, num_heads: 2, head_dim: 32, depth: 2, ffn_hidden: 160 })
    )
    const parts = join(dir, 'parts-blocked.safetensors')
    await writeRandomLora(
      parts,
      dottedLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qkv]$/), { rank: 4, prefix: 'diffusion_model.' }),
      20
    )
    const before = filesIn()
    for (const [input, against, to] of [
      [lora, base, 'comfyui'],
      [parts, fused, 'base']
    ] as const) {
      const out = join(blocker, 'out.safetensors')
      const r = await cli(input, '--base', against, '--to', to, '-o', out)
      expect(r.code).toBe(2)
      expect(r.err).toContain(`cannot write ${out}: `)
      expect(r.err).not.toMatch(/internal error|\n +at /)
    }
    expect(filesIn()).toEqual(before)
  })

  test('metadata is kept, with the conversion record and the source header sha256', async () => {
    const out = join(dir, 'kept.safetensors')
    const lora = join(dir, 'meta.safetensors')
    const fx = kohyaLora(targetsOf(WAN, /^blocks\.0\.self_attn\.q$/), { rank: 4, alpha: 1 })
    fx.metadata = { ss_network_dim: '4', 'modelspec.title': 'test' }
    await writeRandomLora(lora, fx, 13)
    const r = await cli(lora, '--base', base, '-o', out, '--to', 'comfyui', '--json')
    expect(r.code).toBe(0)
    const meta = (await readCheckpoint(out)).metadata
    expect(meta['ss_network_dim']).toBe('4')
    expect(meta['modelspec.title']).toBe('test')
    const record = JSON.parse(meta[CONVERSION_METADATA_KEY] as string) as ConversionRecord
    const bytes = readFileSync(lora)
    const headerEnd = 8 + Number(bytes.readBigUInt64LE(0))
    expect(record.source.headerSha256).toBe(sha256(bytes.subarray(0, headerEnd)))
    expect(record.source.bytes).toBe(bytes.length)
    // the whole file's hash only when asked for
    expect(record.source.sha256).toBeUndefined()
    expect(record.source.file).toBe('meta.safetensors')
    const hashed = join(dir, 'hashed.safetensors')
    const h = await cli(lora, '--base', base, '-o', hashed, '--to', 'comfyui', '--hash-source', '--json')
    expect(h.code).toBe(0)
    const full = JSON.parse((await readCheckpoint(hashed)).metadata[CONVERSION_METADATA_KEY] as string)
    expect((full as ConversionRecord).source.sha256).toBe(sha256(bytes))
    expect((JSON.parse(h.out) as { written: { sourceSha256: string } }).written.sourceSha256).toBe(
      sha256(bytes)
    )
    expect(record).toMatchObject({
      tool: 'model-compat',
      to: 'comfyui',
      modules: 1,
      transforms: { rename: 1 }
    })
    expect((JSON.parse(r.out) as { written: { tensors: number } }).written.tensors).toBe(3)
  })

  test('a LoRA whose header the reader refuses after the early copy began: exit 2 naming it, nothing left', async () => {
    // The header glance (src/formats/safetensors/peek.ts) reads these names, so the kernel copy starts before the
    // validated read refuses the file: the copy must be discarded and the file named.
    const lora = join(dir, 'bad-dtype.safetensors')
    await writeRandomLora(lora, kohyaLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.q$/), { rank: 4 }), 21)
    const bytes = readFileSync(lora)
    const at = bytes.indexOf('"dtype":"')
    expect(at).toBeGreaterThan(8)
    bytes.write('Q', at + '"dtype":"'.length) // F32 -> Q32, F16 -> Q16, BF16 -> QF16: no such dtype
    writeFileSync(lora, bytes)
    const out = join(dir, 'bad-dtype-out.safetensors')
    const before = filesIn()
    const r = await cli(lora, '--base', base, '--to', 'comfyui', '-o', out)
    expect(r.code).toBe(2)
    expect(r.err).toContain('bad-dtype.safetensors')
    expect(r.err).toMatch(/dtype/i)
    expect(filesIn()).toEqual(before)
  })

  test('a source that fails mid-write leaves no output and no temporary file', async () => {
    const lora = join(dir, 'broken.safetensors')
    await writeRandomLora(
      lora,
      kohyaLora(targetsOf(WAN, /^blocks\.\d+\.ffn\.[02]$/), { rank: 8, alpha: 8 }),
      14
    )
    const { plan, lora: ckpt } = await planFor(lora, specCheckpoint(WAN), 'kohya')
    expect(plan.ok).toBe(true)
    const out = join(dir, 'half.safetensors')
    const before = filesIn()
    // the header was read; the data now ends early
    truncateSync(lora, ckpt.bytes - 1000)
    const { writeConversion } = await import('../../src/convert/index.js')
    await expect(
      writeConversion(plan, ckpt, out, { tool: { name: 'model-compat', version: 'test' } })
    ).rejects.toThrow(/source ended at byte/)
    expect(filesIn()).toEqual(before)
  })

  test('converting back and forth keeps every delta (kohya -> comfyui -> kohya)', async () => {
    const lora = join(dir, 'round.safetensors')
    await writeRandomLora(
      lora,
      kohyaLora(targetsOf(WAN, /^blocks\.\d+\./), { rank: 4, alpha: 3, dtype: 'F16' }),
      15
    )
    const mid = join(dir, 'round.comfy.safetensors')
    const back = join(dir, 'round.back.safetensors')
    const baseCkpt = specCheckpoint(WAN)
    await convertFile(lora, baseCkpt, mid, 'comfyui')
    await convertFile(mid, baseCkpt, back, 'kohya')
    const a = await deltasOf(lora, baseCkpt)
    const b = await deltasOf(back, baseCkpt)
    for (const [k, d] of a) expect(relativeError(d, b.get(k)!)).toBeLessThan(1e-6)
    // names and data bytes come back identical (alpha stays F32)
    const src = await readCheckpoint(lora)
    const res = await readCheckpoint(back)
    expect(res.tensors.map((t) => t.name).sort()).toEqual(src.tensors.map((t) => t.name).sort())
  })
})

describe('--json', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../schemas/convert.schema.json', import.meta.url), 'utf8')
  ) as object
  const ajv = new Ajv({ allErrors: true, strict: false })

  test('plan, refusal and written documents follow schemas/convert.schema.json', async () => {
    const lora = join(dir, 'json.safetensors')
    await writeRandomLora(
      lora,
      kohyaLora(targetsOf(WAN, /^blocks\.\d+\.self_attn\.[qk]$/), { rank: 4, alpha: 4 }),
      16
    )
    const docs = [
      await cli(lora, '--base', base, '--dry-run', '--json', '--to', 'diffusers'),
      await cli(lora3, '--base', base, '--dry-run', '--json'),
      await cli(lora3, '--base', base, '--drop-unmatched', '--json', '-o', join(dir, 'json-out.safetensors'))
    ]
    expect(docs.map((d) => d.code)).toEqual([0, 2, 0])
    for (const d of docs) {
      const doc = JSON.parse(d.out) as { kind: string }
      expect(ajv.validate(schema, doc)).toBe(true)
      expect(ajv.errors ?? []).toEqual([])
      expect(doc.kind).toBe('lora-conversion')
    }
    const written = JSON.parse(docs[2]!.out) as { written: { tensors: number }; plan: { dropped: unknown[] } }
    expect(written.written.tensors).toBe(18)
    expect(written.plan.dropped).toHaveLength(3)
  })
})
