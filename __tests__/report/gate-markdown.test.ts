import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import {
  COMMENT_LIMIT_CHARS,
  renderGateMarkdown,
  SUMMARY_LIMIT_BYTES
} from '../../src/report/gate-markdown.js'
import { escapeText } from '../../src/report/markdown-text.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from '../gate/helpers.js'

function report(n: number, failing: number, modules = 40) {
  const loras: Record<string, ReturnType<typeof loraView>> = {}
  const inputs = []
  for (let i = 0; i < n; i++) {
    const path = `loras/lora_${i}.safetensors`
    loras[path] = loraView(modules, i === 0 ? failing : 0, 40)
    inputs.push({ path, checkpoint: ckpt(path) })
  }
  return evaluateGate({
    baseline: ckpt('base.json', { format: 'manifest' }),
    inputs,
    policy: makePolicy(),
    engines: fakeEngines(loras),
    tool: TOOL
  }).report
}

describe('renderGateMarkdown', () => {
  it('puts the answer first, a row per artifact, flags with evidence, coverage and details', () => {
    const md = renderGateMarkdown(report(2, 30), { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    const lines = md.split('\n')
    expect(lines[0]).toBe('## ❌ Compatibility gate failed: 1 of 2 artifacts does not pass')
    expect(md).toMatch(/\*\*Verdict: incompatible\*\* · lowest gated figure \*\*25\.0%\*\* · threshold 80%/)
    // The folder every artifact shares is named once; the LoRA table has only the LoRA columns.
    expect(md).toContain('artifacts in `loras/`')
    expect(md).toContain('| | LoRA | Convention | Loadable | Modules that load | Flags |')
    expect(md).toContain('| ❌ | `lora_0.safetensors` | kohya | **25.0%** | 10 of 40 | 🔴 1 🟢 1 |')
    expect(md).toContain('| ✅ | `lora_1.safetensors` |')
    expect(md).not.toContain('Normalized')
    expect(md).toContain('1. loadable 25.0% is under the 80% threshold')
    // Red flags of a failed artifact are among its reasons, and not listed twice.
    expect(md).toContain('2. Shape mismatch: 30 of 40 modules')
    expect(md).not.toContain('🔴 **Shape mismatch**')
    expect(md).toContain('🟢 No executable content')
    expect(md).toMatch(
      /```text\nblock\s+0 {9}1 {9}2 {9}3\s*\n\s+0123456789012345678901234567890123456789\nself-attn\s+x/
    )
    expect(md).toContain(
      '<details><summary>30 of 40 modules of loras/lora_0.safetensors do not load</summary>'
    )
    expect(md).not.toContain('left out to fit')
  })

  it('cuts whole sections to fit the comment limit and says where the full report is', () => {
    const big = report(400, 40)
    const full = renderGateMarkdown(big, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT_CHARS)
    const md = renderGateMarkdown(big, {
      limit: COMMENT_LIMIT_CHARS,
      unit: 'chars',
      fullReportHint: "in the artifact 'model-compat-report' of this run"
    })
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    expect(md).toMatch(
      /\d+ sections were left out to fit GitHub's size limit\. The full report is in `gate-report.json`, in the artifact 'model-compat-report' of this run\./
    )
    // The verdict and every table row survive; no <details> block is left open.
    expect(md.startsWith('## ❌ Compatibility gate failed')).toBe(true)
    expect(md.match(/^\| [✅❌] \| `lora_/gm)?.length).toBe(400)
    expect((md.match(/<details/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length)
    expect((md.match(/```/g) ?? []).length % 2).toBe(0)
  })

  it('cuts table rows too when even the table does not fit', () => {
    const md = renderGateMarkdown(report(300, 0), { limit: 5000, unit: 'chars' })
    expect(md.length).toBeLessThanOrEqual(5000)
    expect(md).toContain('left out to fit')
  })

  it('counts bytes, not characters, for the summary budget', () => {
    const r = report(50, 0)
    const md = renderGateMarkdown(r, { limit: 8000, unit: 'bytes' })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(8000)
  })

  it('escapes hostile names: no HTML, no table breaks, no mentions', () => {
    expect(escapeText('<img src=x>|@octocat #12 *b*')).toBe(
      '&lt;img src=x&gt;\\|@\u200boctocat #\u200b12 \\*b\\*'
    )
    const path = 'x|`<script>`.safetensors'
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines({}, { [path]: compareView(50) }),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).not.toContain('<script>`')
    expect(md).toContain("`x\\|'<script>'.safetensors`")
  })

  it('escapes pipes in code spans only in table rows, where GFM removes the backslash', () => {
    const path = 'a|b.safetensors'
    const view = compareView(50, {
      unmatched: { artifact: ['x|y.weight'], baseline: [], artifactTotal: 1, baselineTotal: 0 },
      sampleMappings: [{ source: ['p|q'], target: ['r'], kind: 'rename', confidence: 'high' }]
    })
    const r = evaluateGate({
      baseline: ckpt('base|line.json'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines({}, { [path]: view }),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).toContain('| ❌ | `a\\|b.safetensors` |')
    expect(md).toContain('| `p\\|q` | `r` |')
    expect(md).toContain('#### ❌ `a|b.safetensors`')
    expect(md).toContain('Baseline `base|line.json`')
    expect(md).toContain('- `x|y.weight`')
    // Outside tables a backslash in a code span is shown as is.
    const outside = md.split('\n').filter((l) => !l.startsWith('|'))
    expect(outside.filter((l) => /`[^`]*\\\|[^`]*`/.test(l))).toEqual([])
  })

  it('renders error rows and checkpoint details', () => {
    const view = compareView(60, {
      shapes: {
        matching: 3,
        mismatched: 1,
        examples: [{ key: 'head.weight', artifact: [2, 3], baseline: [2, 4] }]
      },
      unmatched: {
        artifact: ['extra.weight'],
        baseline: ['gone.weight', 'gone.bias'],
        artifactTotal: 1,
        baselineTotal: 2
      },
      sampleMappings: [{ source: ['a.q'], target: ['b.to_q'], kind: 'rename', confidence: 'high' }]
    })
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs: [
        {
          path: 'gone.safetensors',
          error: { code: 'FileNotFound', message: 'gone.safetensors: FileNotFound: no such file' }
        },
        { path: 'c', checkpoint: ckpt('c') }
      ],
      policy: makePolicy(),
      engines: fakeEngines({}, { c: view }),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).toContain('| ⚠️ | `gone.safetensors` | gone.safetensors: FileNotFound: no such file |')
    expect(md).toContain('| `head.weight` | [2, 3] | [2, 4] |')
    expect(md).toContain('Only in the baseline (2):')
    expect(md).toContain('<summary>High-confidence mappings for c</summary>')
    expect(md).toContain('| `a.q` | `b.to_q` | rename |')
    expect(md).toContain('| ❌ | `c` | safetensors | 40.0% | 55.0% | **60.0%** | 3 of 4 |')
  })

  it('shows – rather than 0/0 in the Shapes column when no keys are in common', () => {
    const path = 'other.safetensors'
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines(
        {},
        { [path]: compareView(0, { shapes: { matching: 0, mismatched: 0, examples: [] } }) }
      ),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).not.toContain('0 of 0')
    expect(md).toContain('| 0.0% | 0.0% | **0.0%** | – |')
  })

  it('says why each artifact failed once, in its section, in whole words', () => {
    const md = renderGateMarkdown(report(3, 30), { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    // No quote block repeating the reasons (cut) above the table.
    expect(md.split('\n').filter((l) => l.startsWith('>'))).toEqual([])
    expect(md.match(/Why it failed/g)).toHaveLength(1)
    expect(md).not.toMatch(/\w…/)
  })

  it('lists failures first, in the tables and the sections', () => {
    const loras: Record<string, ReturnType<typeof loraView>> = {}
    const inputs = ['a-ok', 'b-bad', 'c-ok', 'd-bad'].map((n) => {
      const path = `${n}.safetensors`
      loras[path] = loraView(10, n.endsWith('bad') ? 9 : 0)
      return { path, checkpoint: ckpt(path) }
    })
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs,
      policy: makePolicy(),
      engines: fakeEngines(loras),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    const rows = md.match(/^\| [✅❌] \| `([a-d])/gm)!.map((l) => l.slice(-1))
    expect(rows).toEqual(['b', 'd', 'a', 'c'])
    const sections = md.match(/^#### [✅❌] `([a-d])/gm)!.map((l) => l.slice(-1))
    expect(sections).toEqual(['b', 'd', 'a', 'c'])
  })

  it('links the uploaded artifact instead of giving a command to run', () => {
    const reportLink = {
      name: 'model-compat-report',
      url: 'https://github.com/o/r/actions/runs/7/artifacts/42'
    }
    const md = renderGateMarkdown(report(1, 60, 60), {
      limit: SUMMARY_LIMIT_BYTES,
      unit: 'bytes',
      maxDetailRows: 20,
      reportLink
    })
    expect(md).toContain('📦 [model-compat-report](https://github.com/o/r/actions/runs/7/artifacts/42)')
    expect(md).toContain(
      '…and 40 more. The full list is in `lora_0.safetensors.lora.json` in the [model-compat-report](https://github.com/o/r/actions/runs/7/artifacts/42) artifact.'
    )
    expect(md).not.toContain('--mapping-dir')
  })

  it('shows only high-confidence mappings as findings', () => {
    const path = 'c.safetensors'
    const view = compareView(60, {
      sampleMappings: [
        { source: ['a.q'], target: ['b.to_q'], kind: 'rename', confidence: 'high' },
        { source: ['a.mod'], target: ['b.patch'], kind: 'reshape', confidence: 'medium' },
        { source: ['a.qkv'], target: ['b.q', 'b.k', 'b.v'], kind: 'split', confidence: 'low' }
      ]
    })
    const r = evaluateGate({
      baseline: ckpt('b'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines({}, { [path]: view }),
      tool: TOOL
    }).report
    const md = renderGateMarkdown(r, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })
    expect(md).toContain('| `a.q` | `b.to_q` | rename |')
    expect(md).not.toContain('a.mod')
    expect(md).not.toContain('a.qkv')
    const none = evaluateGate({
      baseline: ckpt('b'),
      inputs: [{ path, checkpoint: ckpt(path) }],
      policy: makePolicy(),
      engines: fakeEngines({}, { [path]: compareView(60, { sampleMappings: view.sampleMappings.slice(1) }) }),
      tool: TOOL
    }).report
    expect(renderGateMarkdown(none, { limit: SUMMARY_LIMIT_BYTES, unit: 'bytes' })).not.toContain(
      'mappings for'
    )
  })

  describe('where the full lists are', () => {
    // 60 failing modules, 20 shown: the table is cut and says where the other 40 are.
    const cut = (hints: { fullReportHint?: string; noReportHint?: string }) =>
      renderGateMarkdown(report(1, 60, 60), {
        limit: SUMMARY_LIMIT_BYTES,
        unit: 'bytes',
        maxDetailRows: 20,
        ...hints
      })

    it('names the document in the report folder when one was written', () => {
      const md = cut({ fullReportHint: "in the artifact 'model-compat-report' of this run" })
      expect(md).toContain(
        "…and 40 more. The full list is in `lora_0.safetensors.lora.json`, in the artifact 'model-compat-report' of this run."
      )
    })

    it('names no file when none was written, and says how to get one', () => {
      const md = cut({ noReportHint: 'run with --mapping-dir DIR or --json' })
      expect(md).toContain('…and 40 more. For the full list, run with --mapping-dir DIR or --json.')
      expect(md).not.toContain('.lora.json')
      const bare = cut({})
      expect(bare).toContain('…and 40 more.\n')
      expect(bare).not.toContain('.lora.json')
    })
  })
})
