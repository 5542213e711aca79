/** Fitting output to a width: middle shortening, word wrapping, tables that wrap by row, labels, next steps. */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { displayWidth, fitTable, paragraph, shortenMiddle, wrapWords } from '../../src/report/layout.js'
import {
  commonFolder,
  distinguishingLabels,
  formatPercent,
  formatShare,
  plural
} from '../../src/report/format.js'
import {
  commandLines,
  compareSteps,
  loraSteps,
  renderSteps,
  shellQuote
} from '../../src/report/next-steps.js'

const lines = (text: string) => text.replace(/\n$/, '').split('\n')
const widest = (text: string) => Math.max(...lines(text).map(displayWidth))

describe('shortenMiddle', () => {
  it('keeps both ends, and a path its file name', () => {
    expect(shortenMiddle('blocks.0.cross_attn.norm_k_img.weight', 24)).toBe('blocks.0.…m_k_img.weight')
    expect(shortenMiddle('examples/artifacts/wan-lora-fits.safetensors', 32)).toBe(
      'examp…/wan-lora-fits.safetensors'
    )
    expect(shortenMiddle('short', 10)).toBe('short')
    // Colour codes are never cut through.
    expect(shortenMiddle('\x1b[31mred text here\x1b[39m', 4)).toBe('\x1b[31mred text here\x1b[39m')
  })

  it('never exceeds the width asked for', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 120 }), (s, w) => {
        expect(displayWidth(shortenMiddle(s, w))).toBeLessThanOrEqual(Math.max(w, 1))
      })
    )
  })
})

describe('wrapWords and paragraph', () => {
  it('breaks between words only, and shortens a word longer than the line', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four'])
    expect(wrapWords('a blocks.0.self_attn.q.weight b', 12)).toEqual(['a', 'bloc….weight', 'b'])
    for (const l of wrapWords('word '.repeat(50), 17)) expect(l.length).toBeLessThanOrEqual(17)
  })

  it('hangs continuation lines under the first', () => {
    expect(paragraph('alpha beta gamma delta', 14, '  - ')).toBe('  - alpha beta\n    gamma\n    delta\n')
  })

  it('keeps every word whole and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 40 }),
        fc.integer({ min: 12, max: 100 }),
        (words, w) => {
          const out = wrapWords(words.join(' '), w)
          expect(
            out
              .join(' ')
              .split(' ')
              .filter((x) => x)
          ).toEqual(words)
          for (const l of out) expect(l.length).toBeLessThanOrEqual(w)
        }
      )
    )
  })
})

describe('fitTable', () => {
  const rows = [
    [
      'FAIL',
      'examples/artifacts/wan-lora-other-size.safetensors',
      'LoRA (kohya)',
      'loadable 0.0%',
      'Likely cause: a LoRA for a wider model (in-dim 192 vs 128) and blocks past the base depth'
    ],
    ['PASS', 'examples/artifacts/wan-lora-fits.safetensors', 'LoRA (kohya)', 'loadable 100.0%', '']
  ]
  const fit = ['fixed', 'shorten', 'fixed', 'fixed', 'wrap'] as const

  it('leaves a table that fits as it is', () => {
    expect(
      fitTable(
        [
          ['a', 'b'],
          ['cc', 'd']
        ],
        { width: 80 }
      )
    ).toBe('  a   b\n  cc  d\n')
    expect(fitTable(rows, { width: Number.POSITIVE_INFINITY, fit })).toBe(fitTable(rows, { fit }))
  })

  it('wraps by row within the width, at 80 and 100 columns, never splitting a word', () => {
    for (const width of [60, 80, 100, 120]) {
      const text = fitTable(rows, { width, fit })
      expect(widest(text)).toBeLessThanOrEqual(width)
      // Every word of the reason is still there, whole.
      for (const word of rows[0][4].split(' ')) expect(text).toContain(word)
      // Each row starts with its status, in the first column.
      expect(lines(text).filter((l) => /^ {2}(PASS|FAIL)/.test(l))).toHaveLength(2)
    }
  })

  it('stacks rows when even prose below the row would leave names unreadable', () => {
    const text = fitTable(rows, { width: 40, fit })
    expect(widest(text)).toBeLessThanOrEqual(40)
    expect(lines(text)[0]).toMatch(/^ {2}FAIL {2}…/)
    expect(text).toContain('    LoRA (kohya)  loadable 0.0%')
  })

  it('keeps a header over its columns and rules it', () => {
    const text = fitTable(
      [
        ['key', 'A', 'B'],
        ['blocks.0.cross_attn.norm_k_img.weight', '[5120]', '[1536]']
      ],
      { header: true, width: 40, fit: ['shorten', 'fixed', 'fixed'] }
    )
    expect(lines(text)[1]).toMatch(/^ {2}-+ {2}-{6} {2}-{6}$/)
    expect(widest(text)).toBeLessThanOrEqual(40)
  })
})

describe('labels and figures', () => {
  it('names same-named files by the shortest distinguishing path', () => {
    expect(distinguishingLabels(['/x/a/A.safetensors', '/x/b/A.safetensors'])).toEqual([
      'a/A.safetensors',
      'b/A.safetensors'
    ])
    expect(distinguishingLabels(['/x/one.pt', '/y/two.pt'])).toEqual(['one.pt', 'two.pt'])
    expect(distinguishingLabels(['m/a/x.pt', 'n/a/x.pt'])).toEqual(['m/a/x.pt', 'n/a/x.pt'])
    expect(commonFolder(['examples/artifacts/a.pt', 'examples/artifacts/b.pt'])).toBe('examples/artifacts/')
    expect(commonFolder(['a.pt', 'examples/b.pt'])).toBe('')
  })

  it('rounds every figure one way (down) and says counts with their noun', () => {
    expect(formatPercent(79.96)).toBe('79.9%')
    expect(formatShare(0.2566)).toBe('25.6%')
    expect(formatShare(2 / 231)).toBe('0.8%')
    expect(plural(1, 'key')).toBe('1 key')
    expect(plural(1200, 'entry', 'entries')).toBe('1,200 entries')
  })
})

describe('next steps', () => {
  it('name the command to run, quoted for a shell, wrapped between arguments with a continuation', () => {
    expect(shellQuote("it's a file.safetensors")).toBe("'it'\\''s a file.safetensors'")
    expect(shellQuote('hf://org/repo/model.safetensors')).toBe('hf://org/repo/model.safetensors')
    const text = commandLines(
      ['model-compat', 'convert', 'LORA.safetensors', '--base', '/a/long/path/base.safetensors', '--dry-run'],
      50,
      '    '
    )
    expect(widest(text)).toBeLessThanOrEqual(50)
    expect(
      lines(text)
        .slice(0, -1)
        .every((l) => l.endsWith(' \\'))
    ).toBe(true)
    expect(text.replace(/ \\\n\s+/g, ' ').trim()).toBe(
      'model-compat convert LORA.safetensors --base /a/long/path/base.safetensors --dry-run'
    )
  })

  it('point to convert where it applies, and not where it cannot help', () => {
    const partial = compareSteps({ tier: 'partial', basis: 'mapped', a: 'a.pt', b: 'b.pt', unmatched: 3 })
    expect(partial.map((s) => s.command?.slice(0, 2).join(' '))).toEqual([
      'model-compat compare',
      'model-compat convert',
      'model-compat convert',
      'model-compat lora'
    ])
    expect(partial[1].command).toContain('--dry-run')
    const none = compareSteps({ tier: 'incompatible', basis: 'exact', a: 'a.pt', b: 'b.pt', unmatched: 9 })
    expect(none.some((s) => s.command?.[1] === 'convert')).toBe(false)
    const fits = loraSteps({
      lora: 'l',
      base: 'b',
      modules: 4,
      loadable: 4,
      aliased: 0,
      shapeMismatch: 0,
      unresolved: 0
    })
    expect(fits.map((s) => s.command?.[1])).toEqual(['gate'])
    const sizes = loraSteps({
      lora: 'l',
      base: 'b',
      modules: 4,
      loadable: 0,
      aliased: 0,
      shapeMismatch: 4,
      unresolved: 0
    })
    expect(sizes.some((s) => s.command?.[1] === 'convert')).toBe(false)
    expect(renderSteps(partial, 80)).toMatch(/^Next steps\n {2}1\. Review/)
  })
})
