import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DETECT_BYTES, detectKind } from '../../src/formats/detect.js'

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

function safetensorsHead(json: string): Uint8Array {
  const n = Buffer.alloc(8)
  n.writeBigUInt64LE(BigInt(json.length))
  return bytes([...n], json)
}

describe('detectKind', () => {
  it('knows each format by its first bytes', () => {
    expect(detectKind(bytes('GGUF', [3, 0, 0, 0]), 100)).toBe('gguf')
    expect(detectKind(bytes([0x50, 0x4b, 3, 4], 'archive/data.pkl'), 100)).toBe('zip')
    expect(detectKind(bytes([0x50, 0x4b, 5, 6], [0, 0]), 22)).toBe('zip')
    expect(
      detectKind(
        bytes([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]),
        100
      )
    ).toBe('torch-legacy')
    expect(detectKind(bytes([0x80, 0x04, 0x95]), 100)).toBe('pickle')
    expect(detectKind(safetensorsHead('{"a":{}}'), 100)).toBe('safetensors')
    expect(detectKind(safetensorsHead(' \n{"a":{}}'), 100)).toBe('safetensors')
    expect(detectKind(bytes('  {"weight_map": {}}'), 100)).toBe('json')
  })

  it('reads a safetensors file whose size field starts with "{" as safetensors, not JSON', () => {
    // N = 0x7b: the first byte is '{', but byte 8 opens the header.
    const n = Buffer.alloc(8)
    n.writeBigUInt64LE(0x7bn)
    expect(detectKind(bytes([...n], '{"x":1}'), 200)).toBe('safetensors')
  })

  it('does not guess for unknown content', () => {
    expect(detectKind(bytes('hello world, not a model'), 24)).toBe('unknown')
    expect(detectKind(bytes([0x80, 0x09]), 2)).toBe('unknown')
    expect(detectKind(new Uint8Array(0), 0)).toBe('unknown')
  })
})

describe('detectKind on files written by PyTorch', () => {
  const dir = '__fixtures__/torch'
  const head = (name: string): [Uint8Array, number] => {
    const b = readFileSync(join(dir, name))
    return [b.subarray(0, DETECT_BYTES), b.length]
  }
  it.each(readdirSync(dir).filter((n) => !n.endsWith('.json')))('%s', (name) => {
    const expected = name.startsWith('legacy_')
      ? 'torch-legacy'
      : name.startsWith('plain_protocol')
        ? /protocol[01]/.test(name)
          ? 'unknown' // protocols 0 and 1 carry no marker; torch never writes them
          : 'pickle'
        : 'zip'
    expect(detectKind(...head(name))).toBe(expected)
  })

  it('names a tar archive (PyTorch 0.1.1) instead of calling it unknown', () => {
    const tar = new Uint8Array(512)
    tar.set(Buffer.from('ustar\u000000', 'latin1'), 257)
    expect(detectKind(tar, 1024)).toBe('tar')
  })
})

describe('detectKind on whitespace-padded safetensors headers', () => {
  it('looks past a window of whitespace when the declared size fits the file', () => {
    const json = ' '.repeat(4000) + '{}'
    const head = safetensorsHead(json).subarray(0, DETECT_BYTES)
    expect(detectKind(head, 8 + json.length)).toBe('safetensors')
    // The same bytes with a size past the file are not a safetensors file we can read: no guess.
    expect(detectKind(head, 600)).toBe('unknown')
  })
})
