/**
 * The report folder is the one place the gate writes, and the action uploads it for anyone with read access to
 * the run: a pull request must not be able to point it at `.git` (a committed symlink), outside the workspace, or
 * at files it put there itself.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OutputError } from '../../src/formats/errors.js'
import type { GateEvaluation } from '../../src/gate/evaluate.js'
import { openReportFolder, WRITTEN_LIST_FILE, writeReportFolder } from '../../src/node/report-folder.js'

let root: string
let ws: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mc-report-folder-'))
  ws = join(root, 'workspace')
  mkdirSync(join(ws, '.git'), { recursive: true })
  writeFileSync(join(ws, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function evaluation(...documents: string[]): GateEvaluation {
  return {
    report: { passed: true } as unknown as GateEvaluation['report'],
    documents: documents.map((name) => ({ name, content: { name } }))
  }
}

async function refusal(dir: string, confineTo?: string): Promise<string> {
  const e = await openReportFolder(dir, { confineTo, input: 'mapping-dir' }).then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(OutputError)
  return (e as Error).message
}

describe('the report folder is refused', () => {
  it('when it is a symbolic link (the committed model-compat-report -> .git)', async () => {
    symlinkSync('.git', join(ws, 'model-compat-report'))
    expect(await refusal(join(ws, 'model-compat-report'), ws)).toMatch(
      /^cannot write .*model-compat-report \(mapping-dir\): the report folder is a symbolic link/
    )
    // Also without a workspace to confine to (the CLI): a link is never written through.
    await refusal(join(ws, 'model-compat-report'))
    expect(readdirSync(join(ws, '.git'))).toEqual(['config'])
  })

  it('when it lies outside the workspace, by path or through a linked parent folder', async () => {
    const outside = join(root, 'outside')
    mkdirSync(outside)
    expect(await refusal(join(ws, '..', 'outside', 'report'), ws)).toContain('outside the workspace')
    symlinkSync(outside, join(ws, 'linked'))
    expect(await refusal(join(ws, 'linked', 'report'), ws)).toContain('outside the workspace')
    expect(await refusal('/tmp/x-model-compat-report', ws)).toContain('outside the workspace')
    expect(readdirSync(outside)).toEqual([])
  })

  it('when it holds a file we did not write, a folder, or a link, even one a forged list names', async () => {
    const dir = join(ws, 'report')
    mkdirSync(dir)
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    expect(await refusal(dir, ws)).toContain('holds files model-compat did not write (notes.txt)')
    rmSync(join(dir, 'notes.txt'))
    symlinkSync('../.git/config', join(dir, 'gate-report.json'))
    writeFileSync(join(dir, WRITTEN_LIST_FILE), JSON.stringify(['gate-report.json']))
    expect(await refusal(dir, ws)).toContain('gate-report.json (a symbolic link)')
    rmSync(join(dir, 'gate-report.json'))
    mkdirSync(join(dir, 'sub'))
    expect(await refusal(dir, ws)).toContain('sub (not a file)')
  })

  it('when it is a file', async () => {
    writeFileSync(join(ws, 'report'), 'x')
    expect(await refusal(join(ws, 'report'), ws)).toContain('exists and is not a folder')
  })
})

describe('a folder we wrote', () => {
  it('is written again: files of the earlier run that this one does not write are removed', async () => {
    const dir = join(ws, 'model-compat-report')
    const first = await writeReportFolder(
      await openReportFolder(dir, { confineTo: ws }),
      evaluation('a.lora.json', 'b.lora.json'),
      'summary'
    )
    expect(first.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'a.lora.json',
      'b.lora.json',
      'summary.md',
      'gate-report.json'
    ])
    const second = await writeReportFolder(
      await openReportFolder(dir, { confineTo: ws }),
      evaluation('b.lora.json'),
      'summary'
    )
    expect(readdirSync(dir).sort()).toEqual([
      WRITTEN_LIST_FILE,
      'b.lora.json',
      'gate-report.json',
      'summary.md'
    ])
    expect(JSON.parse(readFileSync(join(dir, WRITTEN_LIST_FILE), 'utf8'))).toEqual([
      'b.lora.json',
      'summary.md',
      'gate-report.json'
    ])
    expect(second.files).toHaveLength(3)
    for (const f of second.files) expect(lstatSync(f).isFile()).toBe(true)
  })

  it('an empty existing folder, or a new one below the workspace, is fine', async () => {
    mkdirSync(join(ws, 'empty'))
    await expect(openReportFolder(join(ws, 'empty'), { confineTo: ws })).resolves.toMatchObject({
      previous: []
    })
    const deep = await openReportFolder(join(ws, 'a', 'b', 'c'), { confineTo: ws })
    await writeReportFolder(deep, evaluation(), 'summary')
    expect(existsSync(join(ws, 'a', 'b', 'c', 'gate-report.json'))).toBe(true)
  })
})
