/** A location that looks like a URL but is read as a local path gets a message that says so. */
import { describe, expect, it } from '@jest/globals'
import { CheckpointError } from '../../src/formats/errors.js'
import { readCheckpoint } from '../../src/formats/index.js'

async function failure(location: string): Promise<CheckpointError> {
  try {
    await readCheckpoint(location)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error('expected a CheckpointError')
}

describe('URL-like locations read as local paths', () => {
  it('an unsupported scheme is InvalidUrl naming the schemes that work', async () => {
    const e = await failure('s3://bucket/model.safetensors')
    expect(e.code).toBe('InvalidUrl')
    expect(e.message).toBe(
      's3://bucket/model.safetensors: InvalidUrl: unsupported scheme s3://: locations are local paths, ' +
        'https:// URLs or hf://ORG/REPO[@REVISION]/PATH'
    )
  })

  it('an https:// or hf:// location is still FileNotFound, saying it was taken for a path', async () => {
    for (const location of ['https://127.0.0.1:1/a.safetensors', 'hf://org/repo/a.safetensors']) {
      const e = await failure(location)
      expect(e.code).toBe('FileNotFound')
      expect(e.detail).toMatch(/:\/\/ location was read as a local path$/)
    }
  })

  it('a plain missing path is unchanged', async () => {
    const e = await failure('no/such/file.safetensors')
    expect(e.code).toBe('FileNotFound')
    expect(e.detail).toBe('no such file or directory')
  })
})
