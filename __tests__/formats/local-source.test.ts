import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/formats/errors.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { HEAD_BYTES, openLocalEntry, type LocalFileSource } from '../../src/formats/source.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-source-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function open(path: string): LocalFileSource {
  const s = openLocalEntry(path, HEAD_BYTES)
  if (s === 'dir') throw new Error('expected a file')
  return s
}

describe('the local fast path (openLocalEntry)', () => {
  it('reads a small file once, with the open, and serves the reader from that read', async () => {
    const path = join(dir, 'small.safetensors')
    await writeSafetensors(path, [{ name: 'w', shape: [4, 4], dtype: 'F32' }])
    const s = open(path)
    try {
      expect([s.head.length, s.reads]).toEqual([statSync(path).size, 1])
      const ckpt = await readSafetensors(s)
      expect(ckpt.tensors.map((t) => t.name)).toEqual(['w'])
      expect([s.reads, s.bytesRead]).toEqual([1, statSync(path).size])
    } finally {
      await s.close()
    }
  })

  it('reads a header longer than the first read exactly once: the rest only', async () => {
    const path = join(dir, 'long.safetensors')
    const tensors = Array.from({ length: 2000 }, (_, i) => ({
      name: `blocks.${i}.w`,
      shape: [2],
      dtype: 'F32'
    }))
    await writeSafetensors(path, tensors)
    const n = Number(readFileSync(path).readBigUInt64LE(0))
    expect(8 + n).toBeGreaterThan(HEAD_BYTES)
    const s = open(path)
    try {
      const ckpt = await readSafetensors(s)
      expect(ckpt.tensors).toHaveLength(2000)
      expect([s.reads, s.bytesRead]).toEqual([2, 8 + n])
    } finally {
      await s.close()
    }
  })

  it('tells folders apart and types missing paths, including a file used as a folder', async () => {
    expect(openLocalEntry(dir, HEAD_BYTES)).toBe('dir')
    const file = join(dir, 'small.safetensors')
    for (const missing of [join(dir, 'nope'), join(file, 'child')]) {
      let e: unknown
      try {
        openLocalEntry(missing, HEAD_BYTES)
      } catch (x) {
        e = x
      }
      expect(e).toBeInstanceOf(CheckpointError)
      expect([(e as CheckpointError).code, (e as CheckpointError).file]).toEqual(['FileNotFound', missing])
    }
  })

  it('refuses a FIFO without blocking on it (opened non-blocking, then typed by fstat)', async () => {
    const fifo = join(dir, 'pipe.safetensors')
    execFileSync('mkfifo', [fifo])
    const e = await readCheckpoint(fifo).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CheckpointError)
    expect([(e as CheckpointError).code, (e as CheckpointError).detail]).toEqual([
      'NotAFile',
      'is not a regular file'
    ])
  }, 10_000)
})
