/**
 * Reader benchmark cases: `analyze --json` of Wan2.1-14B-shaped safetensors and torch zip files at three
 * sizes with the same 1095 tensors (flat cost as the file grows), a Wan-shaped GGUF, a legacy (non-zip) torch file
 * of 825 storages, and a 1.2 GB file written by torch.save itself when a Python with torch is installed. Generated inputs are sparse files, so only their
 * headers take disk space.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, fsyncSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { expandModel, scaledModel, type SpecTensor } from '../fixtures/specs.js'
import { writeGguf, gv, kv, type GgufTensorSpec } from '../fixtures/gguf.js'
import { tensorsWithOwnStorages, writeTorchZip } from '../fixtures/torch-files.js'
import {
  STORAGE_ITEMSIZE,
  concatBytes,
  legacyHeader,
  torchStateDictPickle,
  type PickledTensor
} from '../fixtures/pickle.js'
import { writeSafetensors } from '../src/formats/safetensors/write.js'
import {
  expectManifestTensors,
  registerCase,
  type Limits,
  type PreparedCase,
  type SetupContext
} from './lib.js'

const GROUP = 'header-only readers'
/** The readers' first targets: at most 2x `node -e 0`, under 100 MB peak RSS, whatever the file size. */
export const READER_LIMITS: Limits = { maxWallRatio: 2, maxRssMB: 100 }
/** Tightened since for safetensors and GGUF (1.6x) and set legacy torch's (1.8x). */
const FAST_READER_LIMITS: Limits = { maxWallRatio: 1.6, maxRssMB: 100 }
const LEGACY_LIMITS: Limits = { maxWallRatio: 1.8, maxRssMB: 100 }
const WAN = 'wan2.1-t2v-14b'

function analyze(
  ctx: SetupContext,
  file: string,
  tensors: number,
  inputBytes: number,
  note: string
): PreparedCase {
  return {
    nodeArgs: [...ctx.cli, 'analyze', file, '--json'],
    inputBytes,
    check: expectManifestTensors(tensors),
    note
  }
}

/** Wan2.1-14B in BF16 at full size, and scaled by width only: the tensor count and names stay those of the model. */
const WAN_SIZES: Array<{ label: string; config?: { dim: number; ffn_dim: number } }> = [
  { label: '1.2 GB', config: { dim: 1024, ffn_dim: 2816 } },
  { label: '7.2 GB', config: { dim: 2560, ffn_dim: 6912 } },
  { label: '28.6 GB' }
]

function wanTensors(config?: { dim: number; ffn_dim: number }): SpecTensor[] {
  return config ? scaledModel(WAN, config, { dtype: 'BF16' }) : expandModel(WAN, { dtype: 'BF16' })
}

for (const size of WAN_SIZES) {
  registerCase({
    name: `safetensors wan2.1-14b-shaped ${size.label}`,
    group: GROUP,
    series: 'safetensors wan2.1-14b-shaped',
    limits: FAST_READER_LIMITS,
    async setup(ctx) {
      const tensors = wanTensors(size.config)
      const file = join(ctx.dir, 'wan.safetensors')
      const written = await writeSafetensors(file, tensors, {
        data: 'sparse',
        metadata: { format: 'pt' }
      })
      const note = `${tensors.length} tensors, BF16${size.config ? `, dim ${size.config.dim}` : ''}`
      return analyze(ctx, file, tensors.length, written.fileSize, note)
    }
  })
}

/** The same tensors in a torch zip laid out as torch.save writes it (sparse zero storages, fixtures/torch-files.ts). */
for (const size of WAN_SIZES) {
  registerCase({
    name: `torch zip wan2.1-14b-shaped ${size.label}`,
    group: GROUP,
    series: 'torch zip wan2.1-14b-shaped',
    limits: READER_LIMITS,
    async setup(ctx) {
      const tensors = wanTensors(size.config)
      const file = join(ctx.dir, 'wan.pt')
      writeTorchZip(file, {
        prefix: 'wan',
        tensors: tensorsWithOwnStorages(tensors.map((t) => ({ ...t, storageClass: 'BFloat16Storage' })))
      })
      const note = `${tensors.length} tensors, BF16${size.config ? `, dim ${size.config.dim}` : ''}`
      return analyze(ctx, file, tensors.length, statSync(file).size, note)
    }
  })
}

/** Wan2.1-14B as ComfyUI-GGUF writes it: 2-D weights Q8_0, everything else F32. */
registerCase({
  name: 'gguf wan2.1-14b-shaped Q8_0',
  group: GROUP,
  limits: FAST_READER_LIMITS,
  async setup(ctx) {
    const tensors: GgufTensorSpec[] = expandModel(WAN).map((t) => {
      const [rows = 0, cols = 0] = t.shape
      const quantize = t.shape.length === 2 && cols % 32 === 0 && rows * cols > 1024
      return { name: t.name, shape: t.shape, type: quantize ? 'Q8_0' : 'F32' }
    })
    const file = join(ctx.dir, 'wan.gguf')
    const built = writeGguf(
      file,
      {
        kv: [kv('general.architecture', gv.str('wan')), kv('general.quantization_version', gv.u32(2))],
        tensors
      },
      { data: 'sparse' }
    )
    return analyze(ctx, file, tensors.length, built.size, `${tensors.length} tensors, Q8_0 + F32`)
  }
})

/**
 * A legacy (non-zip) torch file of Wan2.1-1.3B's 825 tensors in BF16 (2.8 GB): the pickles, the storage key list,
 * then each storage as its 8-byte element count and a hole (fixtures/pickle.ts writes the same layout in memory).
 */
registerCase({
  name: 'torch legacy wan2.1-1.3b-shaped (825 storages)',
  group: GROUP,
  limits: LEGACY_LIMITS,
  async setup(ctx) {
    const tensors = tensorsWithOwnStorages(
      expandModel('wan2.1-t2v-1.3b').map((t) => ({ ...t, storageClass: 'BFloat16Storage' }))
    )
    const file = join(ctx.dir, 'wan13b.pt')
    const size = writeSparseTorchLegacy(file, tensors)
    return analyze(ctx, file, tensors.length, size, `${tensors.length} storages, BF16, not a zip`)
  }
})

/** Writes a legacy torch file with sparse storage data; returns its size. */
function writeSparseTorchLegacy(path: string, tensors: PickledTensor[]): number {
  const keys = tensors.map((t) => t.key).sort()
  const byKey = new Map(tensors.map((t) => [t.key, t]))
  const head = concatBytes([
    legacyHeader.magic(),
    legacyHeader.protocol(),
    legacyHeader.sysInfo(),
    torchStateDictPickle(tensors, { legacy: true }),
    legacyHeader.keys(keys)
  ])
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, head, 0, head.length, 0)
    let pos = head.length
    for (const k of keys) {
      const t = byKey.get(k)!
      const count = new Uint8Array(8)
      new DataView(count.buffer).setBigInt64(0, BigInt(t.numel), true)
      writeSync(fd, count, 0, 8, pos)
      pos += 8 + Number(t.numel) * STORAGE_ITEMSIZE[t.storageClass]!
    }
    ftruncateSync(fd, pos)
    return pos
  } finally {
    closeSync(fd)
  }
}

/** A Python with torch (Debian's python3-torch), for writing a real torch.save file; undefined when none is found. */
function pythonWithTorch(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore' })
    if (r.status === 0) return py
  }
  return undefined
}

/** torch.save of a state dict of zero tensors; the spec comes in as JSON on stdin. */
const TORCH_SAVE = `
import collections, json, sys, torch
spec = json.load(sys.stdin)
dtypes = {'BF16': torch.bfloat16, 'F16': torch.float16, 'F32': torch.float32}
sd = collections.OrderedDict((t['name'], torch.zeros(t['shape'], dtype=dtypes[t['dtype']])) for t in spec['tensors'])
torch.save(sd, spec['path'])
`

/**
 * A real torch zip file of 1.2 GB (Wan2.1-14B names, width-scaled, BF16), written by torch.save itself. Unlike the
 * other inputs it is not sparse: torch writes every byte, so the case needs 1.2 GB of free disk while it runs.
 */
registerCase({
  name: 'torch.save wan2.1-14b-shaped 1.2 GB',
  group: GROUP,
  limits: READER_LIMITS,
  async setup(ctx) {
    const py = pythonWithTorch()
    if (!py) return { skip: 'needs a python3 with torch (Debian: apt-get install python3-torch)' }
    const tensors = wanTensors(WAN_SIZES[0]?.config)
    const file = join(ctx.dir, 'wan.pt')
    const r = spawnSync(py, ['-c', TORCH_SAVE], {
      input: JSON.stringify({ path: file, tensors }),
      stdio: ['pipe', 'ignore', 'pipe']
    })
    if (r.status !== 0) throw new Error(`torch.save failed: ${r.stderr.toString().slice(0, 1000)}`)
    // Flush the 1.2 GB just written, so its writeback does not compete with the measured runs.
    const fd = openSync(file, 'r')
    fsyncSync(fd)
    closeSync(fd)
    const note = `${tensors.length} tensors, BF16, written by torch.save`
    return analyze(ctx, file, tensors.length, statSync(file).size, note)
  }
})

/**
 * The 28.6 GB cases again with the CLI's compiled-code cache off (NODE_DISABLE_COMPILE_CACHE=1): a user's very
 * first run, or every run where the cache folder is not writable. The other cases run with the cache the
 * warm-up filled, as every later run of a user does (src/cli/compile-cache.ts; built into Node 22.1+).
 */
for (const format of ['safetensors', 'torch zip'] as const) {
  registerCase({
    name: `${format} wan2.1-14b-shaped 28.6 GB, cold (no compiled-code cache)`,
    group: GROUP,
    limits: format === 'safetensors' ? FAST_READER_LIMITS : READER_LIMITS,
    async setup(ctx) {
      const tensors = wanTensors()
      let file: string
      let size: number
      if (format === 'safetensors') {
        file = join(ctx.dir, 'wan.safetensors')
        size = (await writeSafetensors(file, tensors, { data: 'sparse', metadata: { format: 'pt' } }))
          .fileSize
      } else {
        file = join(ctx.dir, 'wan.pt')
        writeTorchZip(file, {
          prefix: 'wan',
          tensors: tensorsWithOwnStorages(tensors.map((t) => ({ ...t, storageClass: 'BFloat16Storage' })))
        })
        size = statSync(file).size
      }
      const prepared = analyze(
        ctx,
        file,
        tensors.length,
        size,
        `${tensors.length} tensors, BF16, no code cache`
      )
      return { ...prepared, env: { NODE_DISABLE_COMPILE_CACHE: '1' } }
    }
  })
}
