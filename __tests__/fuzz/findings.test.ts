/**
 * Inputs the fuzzer found that a reader mishandles, kept as minimal regression tests. Each names the target, the
 * seed and the mutation that found it (replay: `npm run fuzz -- --reader R --seed S --case N`).
 */
import { describe, expect, test } from '@jest/globals'
import { readSource } from '../../src/formats/index.js'
import { readSafetensors } from '../../src/formats/safetensors/read.js'
import { rawSafetensors } from '../../fixtures/safetensors-bad.js'
import { MemorySource } from '../../fixtures/fuzz/memory-source.js'

describe('fuzz findings', () => {
  // Found by the `detect` target from seed st-raw-page-aligned-leading-spaces, unmutated: the safetensors reader
  // accepts JSON whitespace before the header's `{` (as the reference crate does, formats.md §1.5: its own test
  // file has 4000 leading spaces), but detectKind only looks at the first DETECT_BYTES (512) bytes, so
  // readCheckpoint calls the file UnknownFormat.
  test('a safetensors header with more leading whitespace than the detection window is still detected', async () => {
    const bytes = rawSafetensors(
      ' '.repeat(4000) + '{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}',
      4
    )
    const direct = await readSafetensors(new MemorySource('lead.safetensors', bytes))
    expect(direct.tensors.map((t) => t.name)).toEqual(['a'])
    const dispatched = await readSource(new MemorySource('lead.safetensors', bytes), 'lead.safetensors')
    expect(dispatched.format).toBe('safetensors')
  })
})
