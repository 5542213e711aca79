/**
 * The committed corpus of crafted bad files (__fixtures__/bad, written by scripts/gen-bad-corpus.ts): every file
 * must fail with exactly the code in expected.json, naming the file, and the whole corpus must be read within a
 * generous wall-clock bound and a heap cap (a child process with a watchdog; no timing assertions here).
 */
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCheckpoint } from '../../src/formats/index.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { BAD_CORPUS, expectedCodes, memoFanOut, torchZipWith } from '../../fixtures/fuzz/bad-corpus.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CORPUS = join(ROOT, '__fixtures__/bad')
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, string>

async function codeOf(path: string): Promise<CheckpointError> {
  try {
    await readCheckpoint(path)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error(`${path} was read as a valid checkpoint`)
}

describe('crafted bad-file corpus', () => {
  test('expected.json lists every committed file, and the generator lists the same files and codes', () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f !== 'expected.json')
      .sort()
    expect(Object.keys(expected).sort()).toEqual(files)
    expect(expectedCodes()).toEqual(expected)
  })

  test('the committed files are exactly what scripts/gen-bad-corpus.ts writes', () => {
    for (const c of BAD_CORPUS.filter((x) => !x.generated)) {
      const committed = new Uint8Array(readFileSync(join(CORPUS, c.file)))
      expect({ file: c.file, same: Buffer.compare(committed, Buffer.from(c.bytes())) === 0 }).toEqual({
        file: c.file,
        same: true
      })
    }
  })

  test.each(Object.entries(expected))('%s fails with %s, naming the file', async (file, code) => {
    const e = await codeOf(join(CORPUS, file))
    expect(e.code).toBe(code)
    expect(e.message).toContain(file)
  })

  test('stress files too big to commit fail with their exact code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-bad-'))
    try {
      for (const c of BAD_CORPUS.filter((x) => x.generated)) {
        writeFileSync(join(dir, c.file), c.bytes())
        expect({ file: c.file, code: (await codeOf(join(dir, c.file))).code }).toEqual({
          file: c.file,
          code: c.expected
        })
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('memo fan-out to a real tensor is read once, not once per path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mc-fan-'))
    try {
      const path = join(dir, 'fan-out.pt')
      writeFileSync(path, torchZipWith(memoFanOut(64, true)))
      const ckpt = await readCheckpoint(path)
      expect(ckpt.tensors).toHaveLength(1)
      expect(ckpt.tensors[0]?.name).toMatch(/^(a\.){64}w$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the whole corpus reads in a child process within 120 s and a 512 MB heap, with the expected codes', () => {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=512', '--import', 'tsx', 'fixtures/fuzz/read-corpus.ts', CORPUS],
      { cwd: ROOT, timeout: 120_000, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
    )
    expect({ signal: r.signal, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({
      signal: null,
      status: 0,
      stderr: ''
    })
    expect(JSON.parse(r.stdout)).toEqual(expected)
  })
})
