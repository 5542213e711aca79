/** The header glance (src/formats/safetensors/peek.ts): the names the real read finds, or no answer at all. */
import { describe, expect, test, beforeAll, afterAll } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  objectKeys,
  peekSafetensorsNames,
  PEEK_MAX_HEADER_BYTES
} from '../../src/formats/safetensors/peek.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import { readCheckpoint } from '../../src/formats/index.js'
import { scaledModel } from '../../fixtures/specs.js'
import { kohyaLora, targetsOf } from '../../fixtures/lora.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peek-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A safetensors file from a header text and `data` bytes of data. */
function rawFile(name: string, header: string, data = 0, length = Buffer.byteLength(header)): string {
  const head = Buffer.from(header, 'utf8')
  const prefix = Buffer.alloc(8)
  prefix.writeBigUInt64LE(BigInt(length))
  const path = join(dir, name)
  writeFileSync(path, Buffer.concat([prefix, head, Buffer.alloc(data)]))
  return path
}

describe('peekSafetensorsNames', () => {
  test('a model and a LoRA: the names the validated read finds, in the same multiset', async () => {
    const wan = scaledModel('wan2.1-t2v-14b', { dim: 64, ffn_dim: 128, num_layers: 3 })
    const lora = kohyaLora(targetsOf(wan, /^blocks\.\d+\.self_attn\.[qkvo]$/), { rank: 4 })
    const files: Array<[string, Parameters<typeof writeSafetensors>[1]]> = [
      ['model.safetensors', wan],
      ['lora.safetensors', lora.tensors]
    ]
    for (const [name, tensors] of files) {
      const path = join(dir, name)
      await writeSafetensors(path, tensors, { metadata: { format: 'pt', note: '{"a":{}}' } })
      const peeked = peekSafetensorsNames(path)
      const read = await readCheckpoint(path)
      expect(peeked?.slice().sort()).toEqual(read.tensors.map((t) => t.name).sort())
    }
  })

  test('escaped keys are decoded, whitespace is allowed, __metadata__ is left out', () => {
    const header =
      '{ "__metadata__" : {"k":"v"}, "a\\"b\\u00e9" : {"dtype":"F32","shape":[],"data_offsets":[0,4]},\n' +
      '"c.weight":{ "shape":[1], "dtype":"F32", "data_offsets":[4,8] } }'
    expect(peekSafetensorsNames(rawFile('escaped.safetensors', header, 8))).toEqual(['a"bé', 'c.weight'])
  })

  test('no answer for what does not read as a safetensors header', () => {
    const ok = '{"t":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}'
    expect(peekSafetensorsNames(rawFile('ok.safetensors', ok, 4))).toEqual(['t'])
    expect(peekSafetensorsNames(join(dir, 'absent.safetensors'))).toBeUndefined()
    const folder = join(dir, 'folder.safetensors')
    mkdirSync(folder)
    expect(peekSafetensorsNames(folder)).toBeUndefined()
    writeFileSync(join(dir, 'short.safetensors'), Buffer.from([1, 0, 0]))
    expect(peekSafetensorsNames(join(dir, 'short.safetensors'))).toBeUndefined()
    // a length past the file's end, past the glance's bound, or too small for an object
    expect(peekSafetensorsNames(rawFile('past-end.safetensors', ok, 0, ok.length + 100))).toBeUndefined()
    expect(
      peekSafetensorsNames(rawFile('huge.safetensors', ok, 0, PEEK_MAX_HEADER_BYTES + 1))
    ).toBeUndefined()
    expect(peekSafetensorsNames(rawFile('one.safetensors', '{', 0))).toBeUndefined()
    // not an object at the top, or a key JSON cannot decode
    expect(peekSafetensorsNames(rawFile('array.safetensors', '[{"t":{}}]'))).toBeUndefined()
    expect(peekSafetensorsNames(rawFile('bad-escape.safetensors', '{"a\\x":{}}'))).toBeUndefined()
    // a zip (a torch file) begins with bytes whose length is far past any header
    const zip = join(dir, 'model.pt')
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)]))
    expect(peekSafetensorsNames(zip)).toBeUndefined()
  })
})

describe('objectKeys', () => {
  test('only members whose value is an object', () => {
    expect(objectKeys('{"a":{"x":[1]},"b":"s","c":[{"d":{}}]}')).toEqual(['a', 'd'])
    expect(objectKeys('  \n{}')).toEqual([])
    expect(objectKeys('"{}"')).toBeUndefined()
  })
})
