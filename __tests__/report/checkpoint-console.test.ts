/** The per-file summary of `analyze`: counts read as English, a manifest's size is its source's, no trailing blanks. */
import { renderCheckpointSummary } from '../../src/report/checkpoint-console.js'
import { summarizeCheckpoint } from '../../src/formats/summary.js'
import type { Checkpoint } from '../../src/formats/types.js'

function ckpt(format: Checkpoint['format'], ranged: boolean): Checkpoint {
  const tensors = [
    { name: 'a.weight', shape: [4, 4], dtype: 'F16' },
    { name: 'b.weight', shape: [4, 4], dtype: 'F16' },
    { name: 'c.weight', shape: [4], dtype: 'F32' }
  ].map((t, i) =>
    ranged ? { ...t, byteRange: { file: 'm', start: BigInt(i * 64), end: BigInt(i * 64 + 32) } } : t
  )
  return { path: 'm', format, bytes: 123456, tensors, metadata: {}, globals: [], warnings: [] }
}

function render(c: Checkpoint): string {
  return renderCheckpointSummary(c, summarizeCheckpoint(c), { color: false })
}

describe('renderCheckpointSummary', () => {
  it('says "1 tensor" and "2 tensors", "1 key" and "2 keys"', () => {
    const out = render(ckpt('safetensors', true))
    expect(render({ ...ckpt('safetensors', true), metadata: { format: 'pt' } })).toContain(
      'metadata (1 key)\n'
    )
    expect(render({ ...ckpt('safetensors', true), metadata: { a: '1', b: '2' } })).toContain(
      'metadata (2 keys)\n'
    )
    expect(out).toMatch(/^ {2}F32 {2}1 tensor {3}4 params/m)
    expect(out).toMatch(/^ {2}F16 {2}2 tensors {2}32 params/m)
  })

  it("labels a manifest's size as the source's and leaves no trailing blanks without byte ranges", () => {
    const manifest = render(ckpt('manifest', false))
    expect(manifest).toMatch(/^ {2}source size +121 KiB \(123,456 bytes\)$/m)
    expect(manifest).not.toMatch(/^ {2}file size/m)
    expect(manifest).not.toMatch(/ +$/m)
    expect(render(ckpt('safetensors', true))).toMatch(/^ {2}file size +121 KiB/m)
  })
})
