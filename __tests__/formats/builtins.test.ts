import { crypto, fsPromises, sha256Hex, workerThreads } from '../../src/formats/builtins.js'

describe('lazily loaded built-in modules', () => {
  it('are the modules themselves', async () => {
    const [nodeCrypto, nodeWorkers, nodeFsPromises] = await Promise.all([
      import('node:crypto'),
      import('node:worker_threads'),
      import('node:fs/promises')
    ])
    expect(crypto().createHash).toBe(nodeCrypto.createHash)
    expect(workerThreads().Worker).toBe(nodeWorkers.Worker)
    expect(fsPromises().open).toBe(nodeFsPromises.open)
  })

  it('hash as SHA-256 does (the FIPS 180-2 "abc" vector)', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })

  it('load without process.getBuiltinModule (Node 20 before 20.16)', () => {
    const proc = process as { getBuiltinModule?: unknown }
    const saved = proc.getBuiltinModule
    proc.getBuiltinModule = undefined
    try {
      expect(sha256Hex(new Uint8Array(0))).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      )
      expect(typeof workerThreads().MessageChannel).toBe('function')
      expect(typeof fsPromises().open).toBe('function')
    } finally {
      proc.getBuiltinModule = saved
    }
  })
})
