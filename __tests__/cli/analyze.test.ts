/** The `analyze` command end to end in-process: real files in, exit codes and output out. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { runCli } from '../../__fixtures__/cli-io.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'
import { tinyTransformer } from '../../fixtures/safetensors.js'
import { scaledModel } from '../../fixtures/specs.js'
import { P, PickleWriter } from '../../fixtures/pickle.js'

const cli = (...argv: string[]) => runCli(argv, { env: { HOME: tmpdir() } })

let dir: string
let tiny: string
let wan: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mc-cli-'))
  tiny = join(dir, 'tiny.safetensors')
  writeSafetensorsSync(tiny, tinyTransformer({ blocks: 3 }), { metadata: { ss_network_dim: '16' } })
  wan = join(dir, 'renamed-wan.bin') // a wrong extension: detection is by content
  writeSafetensorsSync(
    wan,
    scaledModel('wan2.1-t2v-1.3b', { num_layers: 2, dim: 64, ffn_dim: 128, num_heads: 4 }),
    {
      data: 'sparse'
    }
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('model-compat analyze', () => {
  it('summarises a file: format, counts, dtypes, metadata and structure', async () => {
    const r = await cli('analyze', tiny)
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    // The first line is the answer: what the file is.
    expect(r.out.split('\n')[0]).toBe(`${tiny}: safetensors, 60 tensors, 3,672 parameters, F32`)
    // The exact count is not printed again, nor is a single dtype.
    expect(r.out).not.toMatch(/^ +parameters +3,672$/m)
    expect(r.out).not.toMatch(/^dtypes$/m)
    expect(r.out).toContain('ss_network_dim')
    expect(r.out).toMatch(/structure/)
    expect(r.out).toMatch(/blocks/)
  })

  it('reads a safetensors file named .bin and names the Wan family', async () => {
    const r = await cli('analyze', wan)
    expect(r.code).toBe(0)
    // The answer is a paragraph: it wraps at the width (100 columns without a terminal).
    const answer = r.out.slice(0, r.out.indexOf('\nfile\n')).replace(/\n +/g, ' ')
    expect(answer).toMatch(/^\S+renamed-wan\.bin: Wan-architecture model .*, safetensors, 69 tensors/)
  })

  it('prints a manifest that validates against schemas/manifest.schema.json and reads back as a checkpoint', async () => {
    const r = await cli('analyze', tiny, '--json')
    expect(r.code).toBe(0)
    const manifest = JSON.parse(r.out)
    const schema = JSON.parse(readFileSync('schemas/manifest.schema.json', 'utf8'))
    const ajv = new Ajv({ allErrors: true, strict: false })
    const valid = ajv.validate(schema, manifest)
    expect(ajv.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(Object.keys(manifest.tensors)).toEqual(tinyTransformer({ blocks: 3 }).map((t) => t.name))
    const structureSchema = JSON.parse(readFileSync('schemas/structure.schema.json', 'utf8'))
    expect(ajv.validate(structureSchema, manifest.structure)).toBe(true)
    expect(manifest.structure.blockFamilies[0].count).toBe(3)

    // The manifest is itself a checkpoint anywhere one is accepted.
    const path = join(dir, 'tiny.manifest.json')
    writeFileSync(path, r.out)
    const again = await cli('analyze', path, '--json')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.out).tensors).toEqual(manifest.tensors)
  })

  it('exports every key of several files with a heading per file', async () => {
    const out = join(dir, 'keys.txt')
    const r = await cli('analyze', tiny, wan, '--export', out, '--names', 'Tiny', 'Wan')
    expect(r.code).toBe(0)
    // One answer line per file first, then each file's details under its name and path.
    expect(r.out.split('\n')[0]).toBe('Tiny: safetensors, 60 tensors, 3,672 parameters, F32')
    expect(r.out.split('\n')[1]).toMatch(/^Wan: Wan-architecture model/)
    expect(r.out).toContain(`== Tiny (${tiny}) ==`)
    const text = readFileSync(out, 'utf8')
    expect(text).toContain(`# ${tiny}`)
    expect(text).toContain(`# ${wan}`)
    expect(text).toMatch(/^blocks\.0\.self_attn\.q\.weight\t\[8, 8\]\tF32$/m)
  })

  it('never prints control characters from tensor names (a file cannot clear or rewrite the terminal)', async () => {
    const evil = join(dir, 'evil.safetensors')
    // The block family's own name carries the escape, so the structure section (families, templates, naming
    // example) prints it too, not only the key list.
    const tensors = tinyTransformer({ blocks: 2 }).map((t) => ({
      ...t,
      name: t.name.replace('blocks.', 'bl\x1b[2J\rocks.')
    }))
    writeSafetensorsSync(evil, tensors, { metadata: { 'note\x1b]0;title\x07': 'x\x1b[31m' } })
    const r = await cli('analyze', evil)
    expect(r.code).toBe(0)
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/)
    const md = await cli('analyze', evil, '--export', join(dir, 'evil-keys.txt'))
    expect(md.code).toBe(0)
  })

  it('exits 2 with the file and the problem on bad input', async () => {
    const bad = join(dir, 'bad.safetensors')
    writeFileSync(bad, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x7b]))
    const r = await cli('analyze', bad)
    expect(r.code).toBe(2)
    expect(r.err).toContain(bad)
    expect(r.err).toMatch(/HeaderTooLarge/)

    const missing = await cli('analyze', join(dir, 'nope.safetensors'))
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/FileNotFound/)

    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'just some notes, not a model')
    const unknown = await cli('analyze', text)
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/UnknownFormat/)
  })

  it('exits 2 on usage errors and prints help with exit 0', async () => {
    expect((await cli('analyze')).code).toBe(2)
    expect((await cli('analyze', tiny, '--bogus')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    const help = await cli('analyze', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('--export')
    const top = await cli('--help')
    expect(top.code).toBe(0)
    for (const c of ['analyze', 'compare', 'lora', 'gate', 'convert']) expect(top.out).toContain(c)
  })

  it('reports its version from package.json', async () => {
    const r = await cli('--version')
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    expect(r.out.trim()).toBe(pkg.version)
  })
})

describe('model-compat analyze FILE... past an unreadable file', () => {
  let garbage: string
  let missing: string
  let evil: string
  beforeAll(() => {
    garbage = join(dir, 'garbage.safetensors')
    writeFileSync(garbage, 'not a checkpoint')
    missing = join(dir, 'missing.safetensors')
    // a pickle that imports os.system and then breaks: refused, its import still reported
    const pickle = new PickleWriter()
      .proto(2)
      .global('os', 'system')
      .str('echo pwned')
      .tuple(1)
      .op(P.REDUCE)
      .bytes()
    evil = join(dir, 'evil.pkl')
    writeFileSync(evil, Buffer.concat([Buffer.from(pickle), Buffer.from([0xff])]))
  })

  it('reports every file in order, the unreadable ones with their error, and exits 2', async () => {
    const r = await cli('analyze', tiny, garbage, wan, missing)
    expect(r.code).toBe(2)
    // the console view says it; stderr does not repeat it
    expect(r.err).toBe('')
    const answers = r.out
      .slice(0, r.out.indexOf('\n=='))
      .split('\n')
      .filter((l) => /^\S/.test(l))
    expect(answers).toHaveLength(4)
    expect(answers[0]).toMatch(/^tiny\.safetensors: safetensors, 60 tensors/)
    expect(answers[1]).toMatch(/^✗ garbage\.safetensors: not read: \w+: /)
    expect(answers[2]).toMatch(/^renamed-wan\.bin: Wan-architecture model/)
    expect(answers[3]).toBe('✗ missing.safetensors: not read: FileNotFound: no such file or directory')
    // the readable files are explained in full, after them
    expect(r.out.match(/^== /gm)).toHaveLength(4)
    expect(r.out).toContain('ss_network_dim')
  })

  it('--json: one entry per file in order, a manifest or the file with its error; stderr names the failures', async () => {
    const r = await cli('analyze', evil, tiny, missing, '--json')
    expect(r.code).toBe(2)
    const entries = JSON.parse(r.out) as Array<{ source: { path: string }; error?: unknown }>
    expect(entries.map((e) => e.source.path)).toEqual([evil, tiny, missing])
    expect(entries[0].error).toMatchObject({
      code: 'InvalidPickle',
      globals: [expect.objectContaining({ module: 'os', name: 'system', tier: 'dangerous' })]
    })
    expect(entries[2].error).toEqual({
      code: 'FileNotFound',
      message: `${missing}: FileNotFound: no such file or directory`
    })
    const schema = JSON.parse(readFileSync('schemas/manifest.schema.json', 'utf8'))
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate(entries[1])).toBe(true)
    expect(r.err).toContain('2 of 3 files could not be read:')
    expect(r.err).toContain(`${missing}: FileNotFound`)
  })

  it('copies of one file are each reported under their own path, with the same analysis', async () => {
    const copy = join(dir, 'tiny-copy.safetensors')
    copyFileSync(tiny, copy)
    const r = await cli('analyze', tiny, copy, wan, '--json')
    expect(r.code).toBe(0)
    const [a, b, c] = JSON.parse(r.out) as Array<{
      source: { path: string }
      structure: unknown
      tensors: object
    }>
    expect([a!.source.path, b!.source.path, c!.source.path]).toEqual([tiny, copy, wan])
    expect(b!.tensors).toEqual(a!.tensors)
    expect(b!.structure).toEqual(a!.structure)
    expect(c!.structure).not.toEqual(a!.structure)
    const text = await cli('analyze', tiny, copy)
    expect(text.out).toContain(`== tiny-copy.safetensors (${copy}) ==`)
  })

  it('names the dangerous globals of a refused pickle on its line; one file alone fails as before', async () => {
    const r = await cli('analyze', evil, tiny)
    expect(r.code).toBe(2)
    const first = r.out.slice(0, r.out.indexOf('\ntiny')).replace(/\n +/g, ' ')
    expect(first).toMatch(
      /^✗ evil\.pkl: not read: InvalidPickle: .*imports dangerous globals \(nothing was executed\): os\.system$/
    )
    const alone = await cli('analyze', missing)
    expect([alone.code, alone.out]).toEqual([2, ''])
    expect(alone.err).toContain(`${missing}: FileNotFound`)
  })
})
