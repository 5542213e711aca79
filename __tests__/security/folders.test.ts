/**
 * Folder artifacts of issue 14: a symbolic link inside a sharded or diffusers folder must not make a reader open
 * a file elsewhere on the machine (its tensor names or first bytes would reach a public report), and a FIFO,
 * socket or device where a file is expected must not hang the job.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDiffusersFolder, writeShardedCheckpoint } from '../../fixtures/safetensors.js'
import { ReadBudget } from '../../src/formats/budget.js'
import { CheckpointError } from '../../src/formats/errors.js'
import { readCheckpoint, type ReadOptions } from '../../src/formats/index.js'
import { writeSafetensorsSync } from '../../src/formats/safetensors/write.js'

const top = mkdtempSync(join(tmpdir(), 'mc-folders-'))
afterAll(() => rmSync(top, { recursive: true, force: true }))

let n = 0
/** A workspace with an artifact folder, and a secret file outside the workspace. */
function layout() {
  const root = join(top, `case${n++}`)
  const workspace = join(root, 'workspace')
  const outside = join(root, 'outside')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(outside, { recursive: true })
  const secret = join(outside, 'secret.safetensors')
  writeSafetensorsSync(secret, [{ name: 'runner.secret.token', shape: [1], dtype: 'F32' }])
  return { workspace, outside, secret }
}

async function failure(location: string, opts: ReadOptions = {}): Promise<CheckpointError> {
  try {
    await readCheckpoint(location, opts)
  } catch (e) {
    if (e instanceof CheckpointError) return e
    throw e
  }
  throw new Error(`${location} was read`)
}

describe('symbolic links inside folder artifacts', () => {
  it('a shard that links outside the folder is refused, and nothing of it is reported', async () => {
    const { workspace, secret } = layout()
    const shards = writeShardedCheckpoint(join(workspace, 'model'), { shards: 2 })
    const second = join(shards.dir, shards.shardNames[1]!)
    rmSync(second)
    symlinkSync(secret, second)
    for (const location of [shards.dir, shards.indexPath]) {
      const e = await failure(location)
      expect([e.code, e.file]).toEqual(['OutsideRoot', second])
      expect(e.message).toMatch(/resolves outside the artifact folder/)
      expect(e.message).not.toContain('runner.secret')
      expect(e.message).not.toContain(secret)
    }
  })

  it('a diffusers model_index.json, component folder or weight file that links outside is refused', async () => {
    const cases: Array<(dir: string, secretDir: string, secret: string) => string> = [
      // the component folder itself is a link
      (dir, secretDir) => {
        rmSync(join(dir, 'vae'), { recursive: true })
        mkdirSync(join(secretDir, 'vae'), { recursive: true })
        writeSafetensorsSync(join(secretDir, 'vae', 'diffusion_pytorch_model.safetensors'), [
          { name: 'runner.secret', shape: [1], dtype: 'F32' }
        ])
        symlinkSync(join(secretDir, 'vae'), join(dir, 'vae'))
        return join(dir, 'vae')
      },
      // one weight file is a link
      (dir, _secretDir, secret) => {
        const weights = join(dir, 'text_encoder', 'model.safetensors')
        rmSync(weights)
        symlinkSync(secret, weights)
        return weights
      },
      // model_index.json, read through its folder
      (dir, secretDir) => {
        const index = join(secretDir, 'model_index.json')
        renameSync(join(dir, 'model_index.json'), index)
        symlinkSync(index, join(dir, 'model_index.json'))
        return join(dir, 'model_index.json')
      }
    ]
    for (const make of cases) {
      const { workspace, outside, secret } = layout()
      const { dir } = writeDiffusersFolder(join(workspace, 'pipeline'))
      const linked = make(dir, outside, secret)
      const e = await failure(dir)
      expect([e.code, e.file]).toEqual(['OutsideRoot', linked])
      expect(e.message).not.toContain('runner.secret')
    }
  })

  it('links that stay inside the folder are followed', async () => {
    const { workspace } = layout()
    const shards = writeShardedCheckpoint(join(workspace, 'model'), { shards: 2 })
    const first = join(shards.dir, shards.shardNames[0]!)
    renameSync(first, join(shards.dir, 'blob-1'))
    symlinkSync('blob-1', first)
    const ckpt = await readCheckpoint(shards.dir)
    expect(ckpt.tensors.length).toBe(shards.tensors.length)
  })

  it('roots: a location (or a file a folder opens) outside the workspace is refused; the baseline option follows', async () => {
    const { workspace, outside } = layout()
    // a folder in the workspace whose shard links to a sibling folder that is still in the workspace
    const shards = writeShardedCheckpoint(join(workspace, 'model'), { shards: 2 })
    const other = writeShardedCheckpoint(join(workspace, 'other'), { shards: 2 })
    const second = join(shards.dir, shards.shardNames[1]!)
    rmSync(second)
    symlinkSync(join(other.dir, other.shardNames[1]!), second)
    const roots = [{ path: workspace, what: 'the workspace' }]
    expect((await failure(shards.dir, { roots })).message).toMatch(/outside the artifact folder/)
    // a cache snapshot may link outside its folder (a Hugging Face cache links to ../../blobs)
    await expect(readCheckpoint(shards.dir, { roots, followLinksOutside: true })).resolves.toMatchObject({
      format: 'safetensors-sharded'
    })
    // a single file in the workspace that links outside it
    const link = join(workspace, 'model.safetensors')
    symlinkSync(join(outside, 'secret.safetensors'), link)
    const e = await failure(link, { roots })
    expect([e.code, e.detail]).toEqual(['OutsideRoot', expect.stringMatching(/outside the workspace/)])
    await expect(readCheckpoint(link)).resolves.toMatchObject({ format: 'safetensors' })
  })

  it('a folder that fails gives back the tensors its shards had charged to the run', async () => {
    const { workspace, secret } = layout()
    const shards = writeShardedCheckpoint(join(workspace, 'model'), { shards: 3 })
    const last = join(shards.dir, shards.shardNames[2]!)
    rmSync(last)
    symlinkSync(secret, last)
    const budget = new ReadBudget()
    await failure(shards.dir, { budget })
    expect(budget.tensors).toBe(0)
  })
})

const mkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

;(mkfifo && process.platform !== 'win32' ? describe : describe.skip)(
  'FIFOs and devices never hang a read',
  () => {
    it('a FIFO given as the file is refused without waiting for a writer', async () => {
      const { workspace } = layout()
      const fifo = join(workspace, 'model.safetensors')
      execFileSync('mkfifo', [fifo])
      const e = await failure(fifo)
      expect([e.code, e.detail]).toEqual(['NotAFile', expect.stringMatching(/not a regular file/)])
    })

    it('a FIFO as a shard, as model_index.json, or as a component weight file does not hang the folder', async () => {
      const { workspace } = layout()
      const shards = writeShardedCheckpoint(join(workspace, 'model'), { shards: 2 })
      const second = join(shards.dir, shards.shardNames[1]!)
      rmSync(second)
      execFileSync('mkfifo', [second])
      // the shard is not a file: the index's tensors in it are reported missing, nothing waits
      const ckpt = await readCheckpoint(shards.indexPath)
      expect(ckpt.warnings.join('\n')).toMatch(/MissingShard/)

      const { dir } = writeDiffusersFolder(join(workspace, 'pipeline'))
      rmSync(join(dir, 'model_index.json'))
      execFileSync('mkfifo', [join(dir, 'model_index.json')])
      const e = await failure(dir)
      expect(e.code).toBe('NotAFile')

      const { dir: dir2 } = writeDiffusersFolder(join(workspace, 'pipeline2'))
      const weights = join(dir2, 'vae', 'diffusion_pytorch_model.safetensors')
      rmSync(weights)
      execFileSync('mkfifo', [weights])
      const e2 = await failure(dir2)
      expect(e2.code).toBe('NotAFile')
    })

    it('a character device is refused', async () => {
      const e = await failure('/dev/zero')
      expect(e.code).toBe('NotAFile')
      writeFileSync(join(top, 'ok'), 'x') // the test dir stays writable
    })
  }
)
