import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { wanOriginalToDiffusersKey } from '../../fixtures/compare-pairs.js'
import { scaledModel } from '../../fixtures/specs.js'
import { parseArgs } from '../../src/cli/args.js'
import { compareCommand, runCompare } from '../../src/cli/commands/compare.js'
import type { CliIO } from '../../src/cli/io.js'
import { fakeIO as captureIO } from '../../__fixtures__/cli-io.js'

const fakeIO = (color = false) => captureIO({ color })
import { main } from '../../src/cli/main.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/mapping.schema.json', import.meta.url), 'utf8')
) as object
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)

let dir: string
let original: string
let diffusers: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-compare-cli-'))
  const tensors = scaledModel(
    'wan2.1-t2v-1.3b',
    { dim: 64, ffn_dim: 128, num_heads: 2, num_layers: 4 },
    { dtype: 'BF16' }
  )
  original = join(dir, 'wan.safetensors')
  diffusers = join(dir, 'wan-diffusers.safetensors')
  writeSafetensorsSync(original, tensors)
  writeSafetensorsSync(
    diffusers,
    tensors.map((t) => ({ ...t, name: wanOriginalToDiffusersKey(t.name) }))
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[], io: CliIO) => runCompare(parseArgs(compareCommand.spec, argv), io)

describe('model-compat compare', () => {
  it('prints the report, verdict first, without colour when the CLI says so', async () => {
    const io = fakeIO(false)
    expect(await run([original, diffusers, '--names', 'Wan2.1', 'diffusers'], io)).toBe(0)
    expect(io.out.split('\n')[0]).toBe('✓ COMPATIBLE: 100.0% mapped overlap')
    expect(io.out).toMatch(/A +Wan2\.1 +.*wan\.safetensors \(safetensors\)/)
    expect(io.out).not.toContain('\u001b[')
  })

  it('writes a schema-valid mapping file and a key export', async () => {
    const io = fakeIO()
    const mapping = join(dir, 'out', 'mapping.json')
    const exported = join(dir, 'keys.txt')
    expect(await run([original, diffusers, '--mapping', mapping, '--export', exported], io)).toBe(0)
    const doc = JSON.parse(readFileSync(mapping, 'utf8')) as {
      mappings: { source: string[]; target: string[] }[]
    }
    expect(validate(doc)).toBe(true)
    expect(doc.mappings.find((m) => m.source[0] === 'blocks.3.self_attn.o.weight')?.target).toEqual([
      'blocks.3.attn1.to_out.0.weight'
    ])
    const text = readFileSync(exported, 'utf8')
    expect(text).toContain(`# ${original} (safetensors, `)
    expect(text).toMatch(
      /blocks\.3\.self_attn\.o\.weight\t->\tblocks\.3\.attn1\.to_out\.0\.weight\trename\thigh\t/
    )
    expect(io.out).toContain(`mapping written to ${mapping}`)
  })

  it('--json prints the mapping document', async () => {
    const io = fakeIO()
    expect(await run([original, diffusers, '--json'], io)).toBe(0)
    const doc = JSON.parse(io.out) as { verdict: { tier: string } }
    expect(validate(doc)).toBe(true)
    expect(doc.verdict.tier).toBe('compatible')
  })

  it('rejects a wrong number of names as a usage error (exit 2 through the dispatcher)', async () => {
    const io = fakeIO()
    const code = await main(['analyze', original, diffusers, '--compare', '--names', 'only-one'], io)
    expect(code).toBe(2)
    expect(io.err).toMatch(/--names needs two names/)
  })

  it("the old scripts' form works: analyze A B --compare --mapping out.json --names", async () => {
    const io = fakeIO()
    const mapping = join(dir, 'old-form.json')
    const code = await main(
      ['analyze', original, diffusers, '--compare', '--mapping', mapping, '--names', 'Wan2.1', 'LongCat'],
      io
    )
    expect(code).toBe(0)
    // The verdict first (the answer), then each file explained under its name, as the details behind it.
    const a = io.out.indexOf(`== Wan2.1 (${original}) ==`)
    const b = io.out.indexOf(`== LongCat (${diffusers}) ==`)
    expect(io.out.split('\n')[0]).toBe('✓ COMPATIBLE: 100.0% mapped overlap')
    expect(a).toBeGreaterThan(0)
    expect(b).toBeGreaterThan(a)
    expect(io.out.slice(a, b)).toMatch(/^Wan2\.1: .*, safetensors, 123 tensors, /m)
    expect(io.out.slice(a, b)).toMatch(/structure/)
    const doc = JSON.parse(readFileSync(mapping, 'utf8')) as { models: { b: { name: string } } }
    expect(doc.models.b.name).toBe('LongCat')
  })

  it('a file that is not a checkpoint is bad input (exit 2), naming the file', async () => {
    const junk = join(dir, 'junk.bin')
    writeFileSync(junk, 'not a model at all, just text')
    const io = fakeIO()
    const code = await main(['analyze', original, junk, '--compare'], io)
    expect(code).toBe(2)
    expect(io.err).toContain(junk)
  })
})
