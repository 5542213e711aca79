import { jest } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import * as cache from '../../__fixtures__/cache.js'
import * as artifact from '../../__fixtures__/artifact.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import type { GateEngines } from '../../src/gate/types.js'
import { compareView, loraView } from '../gate/helpers.js'

/** Engines keyed by file name: `lora-<ok>-of-<n>` LoRAs, anything else a checkpoint with mapped 90%. */
const engines: GateEngines = {
  isLora: (c) => basename(c.path).startsWith('lora-'),
  resolveLora: (c) => {
    const m = /lora-(\d+)-of-(\d+)/.exec(basename(c.path))!
    return loraView(Number(m[2]), Number(m[2]) - Number(m[1]))
  },
  compare: () => compareView(90)
}

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
jest.unstable_mockModule('@actions/cache', () => cache)
jest.unstable_mockModule('@actions/artifact', () => artifact)
jest.unstable_mockModule('../../src/gate/engines.js', () => ({ defaultEngines: () => engines }))
const { run } = await import('../../src/action/main.js')

/**
 * The fake engines judge by file name, so each file gets a header of its own (its name in the metadata): the gate
 * judges identical headers once, whatever the files are called.
 */
async function workspace(files: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-action-'))
  for (const f of files) {
    await writeSafetensors(
      join(dir, f),
      [{ name: 'blocks.0.self_attn.q.weight', shape: [64, 64], dtype: 'BF16' }],
      { metadata: { file: f } }
    )
  }
  return dir
}

function outputs(): Record<string, string> {
  return Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))
}

describe('run', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    core.resetSummary()
    github.resetGitHub()
    cache.resetCache()
    artifact.resetArtifact()
    process.env.ACTIONS_RUNTIME_TOKEN = 'x'
    process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:1/'
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'mc-runner-'))
    process.env.GITHUB_STEP_SUMMARY = join(process.env.RUNNER_TEMP, 'summary.md')
  })

  it('passes, writes the report folder and summary, comments and uploads', async () => {
    const ws = await workspace(['base.safetensors', 'lora-10-of-10.safetensors', 'full.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({
      artifacts: '*.safetensors\n!base.safetensors',
      baseline: 'base.safetensors',
      'github-token': 't'
    })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs()).toEqual({
      passed: 'true',
      verdict: 'compatible',
      overlap: '90',
      report: 'model-compat-report/gate-report.json',
      'mapping-dir': 'model-compat-report',
      summary: 'model-compat-report/summary.md'
    })
    const files = readdirSync(join(ws, 'model-compat-report')).sort()
    expect(files).toEqual([
      '.model-compat-files.json',
      'full.safetensors.mapping.json',
      'gate-report.json',
      'lora-10-of-10.safetensors.lora.json',
      'summary.md'
    ])
    // The list of what this run wrote stays in the folder (the next run's proof of ownership), not in the upload.
    expect(
      JSON.parse(readFileSync(join(ws, 'model-compat-report', '.model-compat-files.json'), 'utf8')).sort()
    ).toEqual(files.slice(1))
    const report = JSON.parse(readFileSync(join(ws, 'model-compat-report', 'gate-report.json'), 'utf8'))
    expect(report.artifacts.map((a: { path: string }) => a.path)).toEqual([
      'full.safetensors',
      'lora-10-of-10.safetensors'
    ])
    expect(core.summaryState.written).toHaveLength(1)
    expect(core.summaryState.written[0]).toContain('## ✅ Compatibility gate passed')
    expect(core.summaryState.written[0].trim()).toBe(
      readFileSync(join(ws, 'model-compat-report', 'summary.md'), 'utf8').trim()
    )
    expect(github.api.comments).toHaveLength(1)
    expect(github.api.comments[0].body).toMatch(/^<!-- model-compat:gate workflow=".*" job=".*" -->\n## ✅/)
    expect(artifact.uploads).toHaveLength(1)
    expect(artifact.uploads[0].name).toBe('model-compat-report')
    expect(artifact.uploads[0].files.map((f) => basename(f)).sort()).toEqual(files.slice(1))
  })

  it('fails naming the artifact, the figure, the threshold and the reason; still writes everything', async () => {
    const ws = await workspace(['base.safetensors', 'lora-10-of-10.safetensors', 'lora-3-of-10.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({
      artifacts: 'lora-*.safetensors',
      baseline: 'base.safetensors',
      threshold: '75',
      comment: 'on-failure',
      'github-token': 't'
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    const message = core.setFailed.mock.calls[0][0] as string
    expect(message).toContain(
      'lora-3-of-10.safetensors: loadable 30.0% < threshold 75% · Shape mismatch: 7 of 10 modules'
    )
    expect(message).not.toContain('lora-10-of-10')
    expect(core.error).toHaveBeenCalledTimes(1)
    expect(core.error).toHaveBeenCalledWith(
      expect.stringMatching(/^loadable 30\.0% is under the 75% threshold; /),
      {
        file: 'lora-3-of-10.safetensors',
        title: 'model-compat: lora-3-of-10.safetensors fails the gate'
      }
    )
    expect(outputs()).toMatchObject({ passed: 'false', verdict: 'partial', overlap: '30' })
    expect(existsSync(join(ws, 'model-compat-report', 'gate-report.json'))).toBe(true)
    expect(github.api.comments).toHaveLength(1)
  })

  it('a 403 on the comment is a warning, not a failure', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    github.api.failWrites = 403
    core.useInputs({
      artifacts: 'lora-5-of-5.safetensors',
      baseline: 'base.safetensors',
      'github-token': 't'
    })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('HTTP 403'))
  })

  it('keeps summary.md when there is no job summary file (local runs)', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    delete process.env.GITHUB_STEP_SUMMARY
    core.useInputs({ artifacts: 'lora-5-of-5.safetensors', baseline: 'base.safetensors', comment: 'never' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.summaryState.written).toHaveLength(0)
    expect(readFileSync(join(ws, 'model-compat-report', 'summary.md'), 'utf8')).toMatch(/^## ✅/)
  })

  it('warns when the artifact service is absent', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    delete process.env.ACTIONS_RUNTIME_TOKEN
    core.useInputs({ artifacts: 'lora-5-of-5.safetensors', baseline: 'base.safetensors', comment: 'never' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('artifact service is not available'))
    expect(artifact.uploads).toHaveLength(0)
  })

  it.each([
    [
      { artifacts: '*.gguf', baseline: 'base.safetensors' },
      "Invalid input 'artifacts': pattern '*.gguf' matched no files"
    ],
    [
      { artifacts: 'lora-5-of-5.safetensors', baseline: 'nope.safetensors' },
      "The baseline could not be read (input 'baseline'): "
    ],
    [
      { artifacts: 'lora-5-of-5.safetensors', baseline: 'base.safetensors', threshold: '180' },
      "Invalid input 'threshold'"
    ]
  ])('fails clearly on bad input %j', async (inputs, message) => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs(inputs)
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining(message))
    if (inputs.baseline === 'nope.safetensors') {
      expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/nope\.safetensors: FileNotFound/))
    }
    expect(existsSync(join(ws, 'model-compat-report'))).toBe(false)
  })
})

describe('warning annotations', () => {
  it("caps warnings at GitHub's 10 per step, saying how many more", async () => {
    jest.clearAllMocks()
    core.resetSummary()
    const names = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}.safetensors`)
    const ws = await workspace(['base.safetensors', ...names])
    process.env.GITHUB_WORKSPACE = ws
    const warnEngines = engines.compare
    engines.compare = () =>
      compareView(95, { flags: [{ id: 'naming', severity: 'warning', title: 'Odd naming', evidence: 'x' }] })
    try {
      core.useInputs({
        artifacts: 'c*.safetensors',
        baseline: 'base.safetensors',
        comment: 'never',
        'upload-artifact': 'false'
      })
      await run()
    } finally {
      engines.compare = warnEngines
    }
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledTimes(10)
    expect(core.warning).toHaveBeenLastCalledWith('3 more warning(s) in the job summary.', {
      title: 'model-compat'
    })
    expect(core.warning).toHaveBeenCalledWith('c00.safetensors: Odd naming: x', {
      file: 'c00.safetensors',
      title: 'model-compat'
    })
  })
})

describe('artifacts outside the workspace', () => {
  it('refuses a symlink that leaves the workspace, without reading it', async () => {
    jest.clearAllMocks()
    core.resetSummary()
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    const outside = mkdtempSync(join(tmpdir(), 'mc-outside-'))
    writeFileSync(join(outside, 'secret.txt'), 'TOKEN=ghs_supersecret')
    symlinkSync(join(outside, 'secret.txt'), join(ws, 'lora-evil.safetensors'))
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({ artifacts: 'lora-*.safetensors', baseline: 'base.safetensors', 'github-token': 't' })
    await run()
    const message = core.setFailed.mock.calls[0][0] as string
    expect(message).toContain(
      'lora-evil.safetensors: a symbolic link to a file outside the workspace; not read'
    )
    const report = readFileSync(join(ws, 'model-compat-report', 'gate-report.json'), 'utf8')
    expect(report).not.toContain('supersecret')
    expect(report).not.toContain(Buffer.from('TOKEN').toString('hex').slice(0, 6))
    expect(github.api.comments[0].body).toContain('OutsideWorkspace')
  })
})

describe('the report folder (mapping-dir)', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    core.resetSummary()
    github.resetGitHub()
    artifact.resetArtifact()
  })

  it('refuses a committed symlink to .git: the step fails, nothing is written there or uploaded', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    mkdirSync(join(ws, '.git'))
    writeFileSync(join(ws, '.git', 'config'), 'extraheader = AUTHORIZATION: basic c2VjcmV0')
    symlinkSync('.git', join(ws, 'model-compat-report'))
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({
      artifacts: 'lora-5-of-5.safetensors',
      baseline: 'base.safetensors',
      'github-token': 't'
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      'cannot write model-compat-report (mapping-dir): the report folder is a symbolic link; refusing to write through it'
    )
    expect(readdirSync(join(ws, '.git'))).toEqual(['config'])
    expect(artifact.uploads).toHaveLength(0)
    expect(github.api.comments).toHaveLength(0)
  })

  it('refuses a folder outside the workspace', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({
      artifacts: 'lora-5-of-5.safetensors',
      baseline: 'base.safetensors',
      'mapping-dir': '../elsewhere'
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining('lies outside the workspace'))
    expect(existsSync(join(ws, '..', 'elsewhere'))).toBe(false)
  })

  it('uploads only the files this run wrote, never others a forged list claims', async () => {
    const ws = await workspace(['base.safetensors', 'lora-5-of-5.safetensors'])
    const dir = join(ws, 'model-compat-report')
    mkdirSync(dir)
    writeFileSync(join(dir, 'secret.txt'), 'planted by the pull request')
    writeFileSync(join(dir, '.model-compat-files.json'), JSON.stringify(['secret.txt']))
    process.env.GITHUB_WORKSPACE = ws
    core.useInputs({ artifacts: 'lora-5-of-5.safetensors', baseline: 'base.safetensors', comment: 'never' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(artifact.uploads[0].files.map((f) => basename(f)).sort()).toEqual([
      'gate-report.json',
      'lora-5-of-5.safetensors.lora.json',
      'summary.md'
    ])
  })
})

describe('log lines from file-derived text', () => {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/
  const INJECTED = '\n::add-mask::x\n::error::pwned\u001b[2J\r'

  it('never carry a control character, nor a line a runner would read as a workflow command', async () => {
    jest.clearAllMocks()
    core.resetSummary()
    const ws = await workspace([
      'base.safetensors',
      `lora-1-of-5${INJECTED}.safetensors`,
      `c${INJECTED}.safetensors`
    ])
    writeFileSync(join(ws, `lora-0-of-1${INJECTED}.safetensors`), '') // unreadable: an error row quoting it
    process.env.GITHUB_WORKSPACE = ws
    const original = engines.compare
    engines.compare = () =>
      compareView(95, {
        flags: [{ id: 'naming', severity: 'warning', title: `Odd${INJECTED}`, evidence: INJECTED }]
      })
    try {
      core.useInputs({
        artifacts: '*.safetensors\n!base.safetensors',
        baseline: 'base.safetensors',
        comment: 'never'
      })
      await run()
    } finally {
      engines.compare = original
    }
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    const logged: string[] = []
    for (const fn of [core.info, core.warning, core.error, core.setFailed, core.notice]) {
      for (const call of fn.mock.calls) {
        logged.push(String(call[0]))
        const props = call[1] as Record<string, unknown> | undefined
        for (const v of Object.values(props ?? {})) logged.push(String(v))
      }
    }
    expect(logged.join('\n')).toContain('::error::pwned') // the text is there, inert
    for (const text of logged) {
      for (const line of text.split('\n')) {
        expect(line).not.toMatch(CONTROL)
        expect(line.trimStart()).not.toMatch(/^::/)
      }
    }
    // Only the failure message has lines (the head, one per failing artifact); @actions/core escapes them.
    const failure = (core.setFailed.mock.calls[0][0] as string).split('\n')
    expect(failure[0]).toBe('Compatibility gate failed for 2 of 3 artifacts:')
    expect(failure).toHaveLength(3)
  })
})
