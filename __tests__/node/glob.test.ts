import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expandPatterns } from '../../src/node/glob.js'

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'mc-glob-'))
  for (const f of [
    'a.safetensors',
    'b.safetensors',
    'notes.md',
    '.hidden.safetensors',
    'sub/c.safetensors',
    'sub/deep/d.safetensors',
    'sub/deep/skip.safetensors'
  ]) {
    mkdirSync(join(root, f, '..'), { recursive: true })
    writeFileSync(join(root, f), 'x')
  }
  mkdirSync(join(root, 'sharded'))
  // A symlink loop must not hang `**`.
  symlinkSync(join(root, 'sub'), join(root, 'sub', 'deep', 'loop'))
  return root
}

describe('expandPatterns', () => {
  it('expands *, **, ?, [..] and ! exclusions, sorted and de-duplicated', async () => {
    const root = tree()
    expect(await expandPatterns(['*.safetensors'], root)).toEqual(['a.safetensors', 'b.safetensors'])
    expect(await expandPatterns(['**/*.safetensors', '!**/skip.safetensors'], root)).toEqual([
      'a.safetensors',
      'b.safetensors',
      'sub/c.safetensors',
      'sub/deep/d.safetensors'
    ])
    expect(await expandPatterns(['[ab].safe?ensors', 'a.safetensors'], root)).toEqual([
      'a.safetensors',
      'b.safetensors'
    ])
    expect(await expandPatterns(['.*.safetensors'], root)).toEqual(['.hidden.safetensors'])
    expect(await expandPatterns(['sharded'], root)).toEqual(['sharded'])
    expect(await expandPatterns([join(root, 'sub', '*.safetensors')], '/')).toEqual([
      join(root, 'sub', 'c.safetensors')
    ])
  })

  it('fails on a glob that matches nothing and on a missing literal path, naming it', async () => {
    const root = tree()
    await expect(expandPatterns(['*.gguf'], root)).rejects.toThrow("pattern '*.gguf' matched no files")
    await expect(expandPatterns(['missing.safetensors'], root)).rejects.toThrow(
      "'missing.safetensors' does not exist"
    )
  })
})

describe('remote locations', () => {
  it('passes URLs through untouched', async () => {
    expect(
      await expandPatterns(
        ['https://huggingface.co/org/repo/resolve/main/a.safetensors', 'hf://org/repo/b.safetensors'],
        '/'
      )
    ).toEqual(['https://huggingface.co/org/repo/resolve/main/a.safetensors', 'hf://org/repo/b.safetensors'])
  })
})
