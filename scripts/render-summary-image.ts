/**
 * Renders the README's picture of the gate's summary from a real run: runs `model-compat gate` on examples/
 * (scripts/summary-sample.ts), writes the Markdown it produced to docs/images/gate-summary.md, turns it into HTML
 * the way GitHub does (GFM tables, raw `<details>`, emoji) with a small GitHub-like stylesheet, and screenshots the
 * page with headless Chromium into docs/images/gate-summary.png.
 *
 *   npx tsx scripts/render-summary-image.ts [out.png]     (default: docs/images/gate-summary.png)
 *
 * Needs Chromium (Debian: `apt-get install -y chromium fonts-noto-color-emoji`; another binary via CHROMIUM=path)
 * and the `marked` devDependency. Not part of CI; __tests__/report/summary-sample.test.ts fails when the committed
 * Markdown no longer matches what the renderer writes, which is when this script must be run again.
 *
 * The action's job summary and PR comment are the same Markdown plus a link to the uploaded report (and, in the
 * comment, an invisible HTML marker). `<details>` stay as GitHub opens them.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { marked } from 'marked'
import { SAMPLE_IMAGE, SAMPLE_MARKDOWN, sampleGateArgs } from './summary-sample.js'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
/** About the width of the job-summary pane on a laptop screen. */
const WIDTH = 1100
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
/** Headless Chromium must not hang the script when something goes wrong. */
const CHROMIUM_TIMEOUT_MS = 60_000

/** Runs the gate the way a user would and returns the Markdown it wrote; exit 1 (gate failed) is expected here. */
function runGate(workDir: string): string {
  const summary = join(workDir, 'summary.md')
  const bundled = join(ROOT, 'dist/cli/index.js')
  // The bundle is what users run; the sources when it is missing or older than them (not rebuilt yet).
  const [cmd, pre] =
    existsSync(bundled) && statSync(bundled).mtimeMs >= newestMtime(join(ROOT, 'src'))
      ? [process.execPath, [bundled]]
      : [process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts')]]
  console.log(`running ${pre.at(-1)}`)
  const args = [...pre, ...sampleGateArgs(summary)]
  const run = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' })
  process.stdout.write(run.stdout)
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`gate exited with ${run.status}: ${run.stderr}`)
  }
  return readFileSync(summary, 'utf8')
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

const CSS = `
  html { background: #fff; }
  body { margin: 0; padding: 16px; font: 14px/1.5 "Liberation Sans", "Noto Sans", Helvetica, Arial, sans-serif,
    "Noto Color Emoji"; color: #1f2328; }
  .card { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 24px 16px; }
  h2, h4 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
  h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  h4 { font-size: 1em; }
  p, ul, ol, table, pre, blockquote, details { margin: 0 0 16px; }
  ul, ol { padding-left: 2em; }
  li + li { margin-top: .25em; }
  code, pre { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace, "Noto Color Emoji"; }
  code { font-size: 85%; padding: .2em .4em; border-radius: 6px; background: #818b981f; white-space: break-spaces; }
  pre { font-size: 85%; line-height: 1.45; padding: 16px; border-radius: 6px; background: #f6f8fa; overflow: auto; }
  pre code { padding: 0; background: none; font-size: 100%; white-space: pre; }
  blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content; max-width: 100%;
    overflow: auto; }
  th { font-weight: 600; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  tr:nth-child(2n) { background: #f6f8fa; }
  summary { cursor: pointer; display: list-item; }
  details > summary + * { margin-top: 16px; }
`

/**
 * The page. GitHub passes these tags through its sanitiser unchanged (details, summary, code, br), so marked's
 * raw-HTML pass-through matches what GitHub shows. The inline script only records the page height for the
 * measuring pass; it draws nothing.
 */
function page(markdown: string): string {
  const body = marked.parse(markdown, { gfm: true, async: false })
  return `<!doctype html><html><head><meta charset="utf-8"><title>gate summary</title><style>${CSS}</style></head>
<body><div class="card">${body}</div>
<script>document.documentElement.dataset.height = String(document.documentElement.scrollHeight)</script>
</body></html>`
}

function chromium(extra: string[], url: string, height: number): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  try {
    return execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--window-size=${WIDTH},${height}`,
        ...extra,
        url
      ],
      { encoding: 'utf8', timeout: CHROMIUM_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] }
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

function main(): void {
  const out = resolve(ROOT, process.argv[2] ?? SAMPLE_IMAGE)
  const work = mkdtempSync(join(tmpdir(), 'gate-summary-'))
  try {
    const html = join(work, 'summary.html')
    const markdown = runGate(work)
    // The Markdown beside the picture: the test compares it with what the renderer writes today.
    if (process.argv[2] === undefined) writeFileSync(resolve(ROOT, SAMPLE_MARKDOWN), markdown)
    writeFileSync(html, page(markdown))
    const url = pathToFileURL(html).href
    // First pass measures the page so the picture ends where the summary does, with no blank band below.
    const dom = chromium(['--dump-dom'], url, 800)
    const measured = /data-height="(\d+)"/.exec(dom)
    if (!measured) throw new Error('could not measure the rendered page')
    const height = Math.min(Number(measured[1]), 4000)
    mkdirSync(dirname(out), { recursive: true })
    chromium([`--screenshot=${out}`], url, height)
    console.log(`${out}: ${WIDTH}x${height}, ${statSync(out).size} bytes`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
