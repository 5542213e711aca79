/**
 * The gate's Markdown is posted as a PR comment and a job summary, where GitHub turns `@name` into a mention (a
 * notification) and `#12`, `GH-5`, `org/repo#7` into links. Names from a pull request's files must do neither.
 * The Markdown is rendered here as GitHub would (GFM, with `marked`), and the text GitHub scans for references
 * (everything outside code spans and links) must hold none.
 */
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { evaluateGate } from '../../src/gate/evaluate.js'
import { makePolicy } from '../../src/gate/policy.js'
import { inertReferences } from '../../src/report/format.js'
import {
  COMMENT_LIMIT_CHARS,
  renderGateMarkdown,
  SUMMARY_LIMIT_BYTES
} from '../../src/report/gate-markdown.js'
import { ckpt, compareView, fakeEngines, loraView, TOOL } from '../gate/helpers.js'

const PAYLOAD = '@octocat @org/team #12 GH-5 gh-6 org/repo#7 '

/** The text GitHub looks for references in: outside `<code>`, `<pre>` and links, tags removed, entities decoded. */
function scannedText(html: string): string {
  return html
    .replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
}

const LIVE = [/(^|[^\w`])@[A-Za-z0-9]/, /#\d/, /\bGH-\d/i]

function expectNoLiveReferences(markdown: string): void {
  const text = scannedText(marked.parse(markdown, { gfm: true, async: false }))
  for (const re of LIVE) expect(text).not.toMatch(re)
}

describe('references in file-derived text', () => {
  it('inertReferences breaks mentions and issue links and changes nothing else a reader sees', () => {
    const out = inertReferences(PAYLOAD)
    for (const re of LIVE) expect(out).not.toMatch(re)
    expect(out.replace(/\u200b/g, '')).toBe(PAYLOAD)
    expect(inertReferences('blocks.0.attn@x')).toBe('blocks.0.attn@\u200bx')
    expect(inertReferences('plain text, a# b@')).toBe('plain text, a# b@')
  })

  it('the gate summary and PR comment hold no live mention or link, in paths, reasons and evidence', () => {
    const bad = `loras/${PAYLOAD}bad.safetensors`
    const good = `loras/${PAYLOAD}good.safetensors`
    const checkpoint = `models/${PAYLOAD}full.safetensors`
    const lora = loraView(10, 6)
    lora.modules[0]!.detail = `nearest ${PAYLOAD}`
    lora.flags = [{ id: 'naming', severity: 'red', title: `Likely cause ${PAYLOAD}`, evidence: PAYLOAD }]
    const report = evaluateGate({
      baseline: ckpt(`base/${PAYLOAD}.safetensors`),
      inputs: [
        { path: bad, checkpoint: ckpt(bad) },
        { path: good, checkpoint: ckpt(good) },
        { path: checkpoint, checkpoint: ckpt(checkpoint) },
        { path: `${PAYLOAD}broken.pt`, error: { code: 'InvalidPickle', message: `${PAYLOAD}broken.pt: bad` } }
      ],
      policy: makePolicy({ failOn: ['any-red'] }),
      engines: fakeEngines(
        { [bad]: lora, [good]: loraView(10, 0) },
        {
          [checkpoint]: compareView(40, {
            flags: [{ id: 'block-count', severity: 'red', title: `Blocks ${PAYLOAD}`, evidence: PAYLOAD }],
            unmatched: { artifact: [`${PAYLOAD}x`], baseline: [], artifactTotal: 1, baselineTotal: 0 }
          })
        }
      ),
      tool: TOOL
    }).report
    expect(report.passed).toBe(false)
    const summary = renderGateMarkdown(report, {
      limit: SUMMARY_LIMIT_BYTES,
      unit: 'bytes',
      fullReportHint: 'x'
    })
    const comment = renderGateMarkdown(report, {
      limit: COMMENT_LIMIT_CHARS,
      unit: 'chars',
      fullReportHint: 'x'
    })
    for (const md of [summary, comment]) {
      // The names are there (readable), only not live.
      expect(md.replace(/\u200b/g, '')).toContain('@octocat')
      expectNoLiveReferences(md)
      // Nor can a name open an HTML comment (the sticky comment's marker is one).
      expect(md).not.toContain('<!--')
    }
  })
})
