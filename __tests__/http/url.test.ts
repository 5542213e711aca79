import { describe, expect, test } from '@jest/globals'
import {
  hfResolveUrl,
  isRemoteLocation,
  normaliseEndpoint,
  parseHfUrl,
  redactText,
  redactUrl,
  resolveRemoteRelative,
  toHttpUrl
} from '../../src/formats/http/url.js'
import { CheckpointError } from '../../src/formats/errors.js'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof CheckpointError ? e.code : `not a CheckpointError: ${String(e)}`
  }
  return undefined
}

describe('hf:// locations', () => {
  test('model repo with default revision', () => {
    expect(parseHfUrl('hf://Wan-AI/Wan2.1-T2V-14B/diffusion_pytorch_model.safetensors')).toEqual({
      repoType: '',
      repo: 'Wan-AI/Wan2.1-T2V-14B',
      revision: 'main',
      path: 'diffusion_pytorch_model.safetensors'
    })
    expect(toHttpUrl('hf://Wan-AI/Wan2.1-T2V-14B/diffusion_pytorch_model.safetensors')).toBe(
      'https://huggingface.co/Wan-AI/Wan2.1-T2V-14B/resolve/main/diffusion_pytorch_model.safetensors'
    )
  })

  test('revision, nested path, encoded revision with slashes, datasets', () => {
    expect(toHttpUrl('hf://org/repo@v1.0/transformer/model.safetensors', 'http://127.0.0.1:9/mirror/')).toBe(
      'http://127.0.0.1:9/mirror/org/repo/resolve/v1.0/transformer/model.safetensors'
    )
    const pr = parseHfUrl('hf://org/repo@refs%2Fpr%2F3/a b.safetensors')
    expect(pr.revision).toBe('refs/pr/3')
    expect(pr.path).toBe('a b.safetensors')
    expect(hfResolveUrl(pr)).toBe('https://huggingface.co/org/repo/resolve/refs%2Fpr%2F3/a%20b.safetensors')
    expect(toHttpUrl('hf://datasets/org/data/x.gguf')).toBe(
      'https://huggingface.co/datasets/org/data/resolve/main/x.gguf'
    )
  })

  test('malformed hf:// locations are InvalidUrl', () => {
    for (const bad of [
      'hf://org/repo',
      'hf://org',
      'hf://org/repo@/file',
      'hf://org/repo/../secret',
      'hf://org/repo//file',
      'hf://-bad/repo/file',
      'hf://org/repo/%zz'
    ]) {
      expect([bad, codeOf(() => parseHfUrl(bad))]).toEqual([bad, 'InvalidUrl'])
    }
  })

  test('endpoint must be a plain http(s) URL', () => {
    expect(normaliseEndpoint(undefined)).toBe('https://huggingface.co')
    expect(normaliseEndpoint('  ')).toBe('https://huggingface.co')
    expect(normaliseEndpoint('https://hf-mirror.example/')).toBe('https://hf-mirror.example')
    expect(codeOf(() => normaliseEndpoint('ftp://x'))).toBe('InvalidUrl')
    expect(codeOf(() => normaliseEndpoint('https://user:pw@x'))).toBe('InvalidUrl')
  })
})

describe('http(s) locations', () => {
  test('a Hub page URL (blob) becomes its resolve URL; other hosts are untouched', () => {
    expect(toHttpUrl('https://huggingface.co/org/repo/blob/main/sub/m.safetensors')).toBe(
      'https://huggingface.co/org/repo/resolve/main/sub/m.safetensors'
    )
    expect(toHttpUrl('https://example.com/org/repo/blob/main/m.safetensors#frag')).toBe(
      'https://example.com/org/repo/blob/main/m.safetensors'
    )
  })

  test('credentials in URLs and unknown schemes are refused', () => {
    expect(codeOf(() => toHttpUrl('https://user:secret@example.com/m.safetensors'))).toBe('InvalidUrl')
    expect(codeOf(() => toHttpUrl('file:///etc/passwd'))).toBe('InvalidUrl')
    expect(codeOf(() => toHttpUrl('https://'))).toBe('InvalidUrl')
  })

  test('isRemoteLocation', () => {
    expect(isRemoteLocation('hf://a/b/c')).toBe(true)
    expect(isRemoteLocation('HTTPS://x/y')).toBe(true)
    expect(isRemoteLocation('./model.safetensors')).toBe(false)
    expect(isRemoteLocation('C:\\models\\x.safetensors')).toBe(false)
  })

  test('relative shard names resolve next to the index, keeping scheme and revision', () => {
    expect(
      resolveRemoteRelative('hf://org/repo@v2/transformer/index.json', 'm-00001-of-00002.safetensors')
    ).toBe('hf://org/repo@v2/transformer/m-00001-of-00002.safetensors')
    expect(resolveRemoteRelative('hf://org/repo/index.json', 'x.safetensors')).toBe(
      'hf://org/repo/x.safetensors'
    )
    expect(resolveRemoteRelative('https://h.example/a/b/index.json', 'm 1.safetensors')).toBe(
      'https://h.example/a/b/m%201.safetensors'
    )
    expect(codeOf(() => resolveRemoteRelative('hf://org/repo/index.json', '../x'))).toBe('InvalidUrl')
  })
})

describe('redaction', () => {
  test('URLs lose user-info and secret query values', () => {
    const r = redactUrl('https://user:pw@cdn.example/f?X-Amz-Signature=abc123&Expires=9&token=tok&x=1')
    expect(r).not.toContain('pw')
    expect(r).not.toContain('abc123')
    expect(r).not.toContain('tok&')
    expect(r).toContain('Expires=9')
    expect(r).toContain('x=1')
  })

  test('text loses the given secrets, hf_ tokens and bearer values', () => {
    const token = 'hf_abcdefghijklmnopqrstuvwxyz0123'
    const text = `failed with ${token} / Authorization: Bearer sekrit-value / https://u:p@h/x / secret-xyz`
    const out = redactText(text, ['secret-xyz'])
    expect(out).not.toContain(token)
    expect(out).not.toContain('sekrit-value')
    expect(out).not.toContain('u:p@')
    expect(out).not.toContain('secret-xyz')
    expect(out).toContain('failed with')
  })
})
