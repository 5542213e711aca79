/**
 * End to end: the bundled action (dist/index.js, or MC_ACTION_BUNDLE) runs as a child process with a runner-like
 * environment against local fakes of the GitHub API, the artifact service and the cache service, on files
 * generated into a temporary workspace. Build the bundle first (`npm run bundle`).
 */
import { TestHttpServer } from '../../fixtures/http-server.js'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { expandModel } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf, type LoraFixture } from '../../fixtures/lora.js'
import { startFakeServices, type FakeServices } from './fake-services.js'

const BUNDLE = resolve(process.env.MC_ACTION_BUNDLE ?? 'dist/index.js')
const ATTN = /^blocks\.\d+\.(self_attn|cross_attn)\.[qkvo]$/

interface RunResult {
  code: number
  stdout: string
  summary: string
  outputs: Record<string, string>
}

function pullRequestEvent(): unknown {
  const all = JSON.parse(
    readFileSync(resolve('node_modules/@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')
  ) as Array<{ name: string; examples: Array<{ action: string }> }>
  return all.find((w) => w.name === 'pull_request')!.examples.find((e) => e.action === 'synchronize')
}

/** `name<<delimiter\nvalue\ndelimiter` blocks of GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

function runtimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.Results:run-1:job-1' })}.sig`
}

async function runAction(
  fake: FakeServices,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mc-e2e-run-'))
  const files = {
    summary: join(dir, 'summary.md'),
    output: join(dir, 'output'),
    event: join(dir, 'event.json')
  }
  writeFileSync(files.summary, '')
  writeFileSync(files.output, '')
  writeFileSync(files.event, JSON.stringify(pullRequestEvent()))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW: 'LoRA release',
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: join(workspace, '..', 'runner-temp'),
    RUNNER_OS: 'Linux',
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    ACTIONS_RESULTS_URL: `${fake.url}/`,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    NO_PROXY: '127.0.0.1,localhost',
    ...extraEnv
  }
  const defaults: Record<string, string> = {
    threshold: '80',
    metric: 'auto',
    'fail-on': 'dangerous-globals',
    comment: 'always',
    'mapping-dir': 'model-compat-report',
    'upload-artifact': 'true',
    'artifact-name': 'model-compat-report',
    cache: 'true',
    'github-token': 'ghs_fake'
  }
  for (const [k, v] of Object.entries({ ...defaults, ...inputs }))
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const child = spawn(process.execPath, [BUNDLE], { env, cwd: workspace })
  let stdout = ''
  const t0 = Date.now()
  child.stdout.on('data', (d) => (stdout += process.env.DEBUG_E2E ? `[${Date.now() - t0}ms] ${d}` : d))
  child.stderr.on('data', (d) => (stdout += d))
  const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? -1)))
  if (process.env.DEBUG_E2E) console.log(stdout + `\n[exit after ${Date.now() - t0}ms]`)
  return {
    code,
    stdout,
    summary: readFileSync(files.summary, 'utf8'),
    outputs: parseOutputs(readFileSync(files.output, 'utf8'))
  }
}

/** A workspace with a sparse Wan2.1-1.3B-shaped baseline and LoRAs that fit, are for the 14B, or don't exist. */
async function workspace(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'mc-e2e-'))
  const ws = join(root, 'ws')
  mkdirSync(join(ws, 'loras'), { recursive: true })
  mkdirSync(join(root, 'runner-temp'))
  const wan13 = expandModel('wan2.1-t2v-1.3b')
  await writeSafetensors(join(ws, 'base.safetensors'), wan13)
  // Sparse files: the gate reads headers only, and a 14B LoRA's zeros would cost 26 MB of writes per run.
  const write = (path: string, fx: LoraFixture) => writeSafetensors(join(ws, path), fx.tensors)
  await write('loras/fits.safetensors', kohyaLora(targetsOf(wan13, ATTN), { alpha: 4 }))
  await write(
    'loras/fits-too.safetensors',
    kohyaLora(targetsOf(wan13, /^blocks\.\d+\.ffn\.[02]$/), { alpha: 8 })
  )
  const wan14 = expandModel('wan2.1-t2v-14b')
  await write('for-14b.safetensors', kohyaLora(targetsOf(wan14, ATTN), { alpha: 4 }))
  return ws
}

function annotations(stdout: string, kind: 'error' | 'warning'): string[] {
  // Workflow commands escape %, CR and LF in messages.
  const unescape = (t: string) => t.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  return [...stdout.matchAll(new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`, 'gm'))].map((m) => unescape(m[1]))
}

const bundleExists = existsSync(BUNDLE)

describe('the bundled action, end to end', () => {
  let fake: FakeServices
  let ws: string
  beforeAll(async () => {
    if (!bundleExists)
      throw new Error(`${BUNDLE} does not exist: run 'npm run bundle' first (or set MC_ACTION_BUNDLE)`)
    fake = await startFakeServices()
    ws = await workspace()
  })
  afterAll(async () => {
    await fake?.close()
    if (ws) rmSync(join(ws, '..'), { recursive: true, force: true })
  })

  it('gates several LoRAs, comments, uploads, caches the baseline; the second run updates the comment and hits the cache', async () => {
    const inputs = { artifacts: 'loras/*.safetensors', baseline: 'base.safetensors' }
    const first = await runAction(fake, ws, inputs)
    expect(annotations(first.stdout, 'error')).toEqual([])
    expect(first.code).toBe(0)
    expect(first.outputs).toEqual({
      passed: 'true',
      verdict: 'compatible',
      overlap: '100',
      report: 'model-compat-report/gate-report.json',
      'mapping-dir': 'model-compat-report',
      summary: 'model-compat-report/summary.md'
    })
    expect(first.summary).toMatch(/^## ✅ Compatibility gate passed: all 2 artifacts pass\n/)
    expect(first.summary).toContain('artifacts in `loras/`')
    expect(first.summary).toContain('| ✅ | `fits.safetensors` | kohya | **100.0%** | 240 of 240 |')
    expect(first.summary).toContain('| ✅ | `fits-too.safetensors` |')
    // The upload's id gives the link to the report, in the summary and the comment: no CLI advice there.
    const link =
      '[model-compat-report](https://github.com/Codertocat/Hello-World/actions/runs/1/artifacts/4242)'
    expect(first.summary).toContain(`📦 ${link}`)
    expect(first.summary).not.toContain('--mapping-dir')
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0].body).toMatch(
      /^<!-- model-compat:gate workflow="LoRA release" job="gate" -->\n## ✅/
    )
    expect(fake.comments[0].body).toContain(`📦 ${link}`)
    expect(
      fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/issues/2/comments'))?.auth
    ).toBe('token ghs_fake')
    // The report folder was uploaded as one zip artifact, and the baseline analysis was saved to the cache.
    const zip = fake.artifacts.get('model-compat-report')
    expect(zip?.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(zip?.includes(Buffer.from('gate-report.json'))).toBe(true)
    expect(fake.cacheEntries.size).toBe(1)
    const report1 = JSON.parse(readFileSync(join(ws, 'model-compat-report', 'gate-report.json'), 'utf8'))
    expect(report1.baseline).toMatchObject({
      path: 'base.safetensors',
      format: 'safetensors',
      tensors: 825,
      fromCache: false
    })

    const second = await runAction(fake, ws, inputs)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Baseline analysis restored from the cache')
    const report2 = JSON.parse(readFileSync(join(ws, 'model-compat-report', 'gate-report.json'), 'utf8'))
    expect(report2.baseline).toMatchObject({ format: 'safetensors', tensors: 825, fromCache: true })
    expect(report2.artifacts).toEqual(report1.artifacts)
    expect(fake.comments).toHaveLength(1)
    // The body changed (the baseline now comes from the cache), so the one comment was edited in place.
    expect(second.summary).toContain('analysis from cache')
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(fake.comments[0].body).toContain('analysis from cache')
  }, 60_000)

  it('fails under the threshold (exit 1) naming the artifact, the figure and the threshold; updates the comment', async () => {
    const r = await runAction(fake, ws, {
      artifacts: 'loras/*.safetensors\nfor-14b.safetensors',
      baseline: 'base.safetensors'
    })
    expect(r.code).toBe(1)
    const errors = annotations(r.stdout, 'error')
    // One annotation on the failing file, then the overall message.
    expect(errors).toHaveLength(2)
    expect(r.stdout).toMatch(
      /^::error title=model-compat%3A for-14b\.safetensors fails the gate,file=for-14b\.safetensors::loadable 0\.0%25 is under/m
    )
    expect(errors[1]).toMatch(
      /Compatibility gate failed for 1 of 3 artifacts:\n {2}for-14b\.safetensors: loadable 0\.0% < threshold 80%/
    )
    expect(r.outputs).toMatchObject({ passed: 'false', verdict: 'incompatible', overlap: '0' })
    expect(r.summary).toContain('| ❌ | `for-14b.safetensors` |')
    // Failures first: the failing LoRA's row and section come before the passing ones.
    expect(r.summary.indexOf('`for-14b.safetensors`')).toBeLessThan(
      r.summary.indexOf('`loras/fits.safetensors`')
    )
    expect(r.summary).toMatch(/Different hidden dim.*5120/)
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0].body).toContain('## ❌ Compatibility gate failed')
    expect(fake.requests.filter((q) => q.method === 'PATCH')).toHaveLength(2)
  }, 60_000)

  it('turns a 403 on the comment into a warning; the summary and report are still written', async () => {
    fake.options.forbidWrites = 403
    try {
      const r = await runAction(fake, ws, {
        artifacts: 'loras/fits.safetensors',
        baseline: 'base.safetensors',
        'mapping-dir': 'out-403'
      })
      expect(r.code).toBe(0)
      expect(
        annotations(r.stdout, 'warning').some((w) =>
          w.startsWith('Could not write the PR comment (HTTP 403)')
        )
      ).toBe(true)
      expect(r.summary).toContain('## ✅ Compatibility gate passed')
      expect(existsSync(join(ws, 'out-403', 'gate-report.json'))).toBe(true)
    } finally {
      fake.options.forbidWrites = 0
    }
  }, 60_000)

  it.each([
    ['hangs', 'hang' as const, /did not answer within 1 s/],
    ['answers 502', 502, /Could not write the PR comment/]
  ])(
    'warns and still passes when the GitHub API %s',
    async (_what, mode, warning) => {
      fake.options.comments = mode
      try {
        const r = await runAction(
          fake,
          ws,
          {
            artifacts: 'loras/fits.safetensors',
            baseline: 'base.safetensors',
            'mapping-dir': `out-api-${_what}`
          },
          { MODEL_COMPAT_API_TIMEOUT_MS: '1000' }
        )
        expect(r.code).toBe(0)
        expect(annotations(r.stdout, 'warning').some((w) => warning.test(w))).toBe(true)
        expect(r.summary).toContain('## ✅ Compatibility gate passed')
        expect(existsSync(join(ws, `out-api-${_what}`, 'gate-report.json'))).toBe(true)
      } finally {
        fake.options.comments = 'ok'
      }
    },
    60_000
  )

  it('reads an hf:// baseline header-only with the hf-token, which never reaches the logs or the report', async () => {
    const hub = await TestHttpServer.start({ requireToken: 'hf_secret_token' })
    const repoDir = mkdtempSync(join(tmpdir(), 'mc-e2e-hub-'))
    try {
      await writeSafetensors(join(repoDir, 'model.safetensors'), expandModel('wan2.1-t2v-1.3b')) // sparse
      const endpoint = hub.serveRepo('org/wan', repoDir)
      const r = await runAction(
        fake,
        ws,
        {
          artifacts: 'loras/fits.safetensors',
          baseline: 'hf://org/wan/model.safetensors',
          'hf-token': 'hf_secret_token',
          'mapping-dir': 'out-hf',
          comment: 'never'
        },
        { HF_ENDPOINT: endpoint }
      )
      expect(r.code).toBe(0)
      expect(r.outputs).toMatchObject({ passed: 'true' })
      const ranged = hub.log.filter((q) => q.status === 206 || q.status === 200)
      expect(ranged.length).toBeGreaterThan(0)
      expect(hub.log.every((q) => q.authorization === 'Bearer hf_secret_token')).toBe(true)
      const report = readFileSync(join(ws, 'out-hf', 'gate-report.json'), 'utf8')
      expect(report).toContain('hf://org/wan/model.safetensors')
      // The runner consumes `::add-mask::` itself and masks the value in every later line.
      expect(r.stdout).toContain('::add-mask::hf_secret_token')
      const logs = r.stdout.replace(/^::add-mask::.*$/m, '')
      for (const text of [logs, r.summary, report]) expect(text).not.toContain('hf_secret_token')
    } finally {
      await hub.close()
      rmSync(repoDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('fails clearly on a glob that matches nothing and on an unreadable artifact', async () => {
    const none = await runAction(fake, ws, {
      artifacts: 'loras/*.gguf',
      baseline: 'base.safetensors',
      comment: 'never'
    })
    expect(none.code).toBe(1)
    expect(annotations(none.stdout, 'error')).toEqual([
      "Invalid input 'artifacts': pattern 'loras/*.gguf' matched no files"
    ])
    writeFileSync(join(ws, 'broken.safetensors'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 1, 2, 3]))
    const bad = await runAction(fake, ws, {
      artifacts: 'broken.safetensors\nloras/fits.safetensors',
      baseline: 'base.safetensors',
      comment: 'never',
      'mapping-dir': 'out-bad'
    })
    expect(bad.code).toBe(1)
    expect(annotations(bad.stdout, 'error').at(-1)).toMatch(/broken\.safetensors: \w+/)
    expect(bad.outputs.verdict).toBe('error')
    expect(bad.summary).toContain('| ⚠️ | `broken.safetensors` | broken.safetensors: UnknownFormat: ')
  }, 60_000)
})
