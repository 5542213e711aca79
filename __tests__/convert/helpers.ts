/**
 * Test helpers for conversion: random-valued LoRA files (real bytes, deterministic), decoding F32/BF16/F16, and
 * the weight delta (scale x up x down) each base weight receives from a LoRA file, computed independently of the
 * converter: the teammate's resolver says where each module lands, the math here is a plain matmul.
 */
import { readFileSync } from 'node:fs'
import { readCheckpoint } from '../../src/formats/index.js'
import { writeSafetensors } from '../../src/formats/safetensors/write.js'
import type { Checkpoint, TensorInfo } from '../../src/formats/types.js'
import { analyzeLora, resolveLora } from '../../src/lora/index.js'
import { readAlphaScalars } from '../../src/cli/alpha.js'
import { openLocalFile } from '../../src/formats/source.js'
import type { LoraFixture } from '../../fixtures/lora.js'
import { seededRandom } from '../../fixtures/random.js'
import { scaledModel } from '../../fixtures/specs.js'

/** A two-block Wan (separate q/k/v) and a two-block LongCat-like base (fused qkv, q + fused kv), both 64 wide. */
export const SMALL_WAN = scaledModel('wan2.1-t2v-14b', { dim: 64, ffn_dim: 128, num_layers: 2 })
export const SMALL_LONGCAT = scaledModel('longcat-video', {
  hidden_size: 64,
  num_heads: 2,
  head_dim: 32,
  depth: 2,
  ffn_hidden: 160
})

/** Random values in about +-[0.01, 2] as raw bytes of `dtype` (finite, normal numbers only). */
function randomBytes(dtype: string, count: number, rand: () => number): Uint8Array {
  if (dtype === 'F32') {
    const f = new Float32Array(count)
    for (let i = 0; i < count; i++) f[i] = (rand() * 2 - 1) * 2
    return new Uint8Array(f.buffer)
  }
  const u = new Uint16Array(count)
  for (let i = 0; i < count; i++) {
    const sign = rand() < 0.5 ? 0x8000 : 0
    if (dtype === 'BF16') u[i] = sign | ((120 + Math.floor(rand() * 8)) << 7) | Math.floor(rand() * 128)
    else u[i] = sign | ((8 + Math.floor(rand() * 8)) << 10) | Math.floor(rand() * 1024) // F16
  }
  return new Uint8Array(u.buffer)
}

/** Write a fixture with random tensor values and its scalar values (alpha, alpha_scale) as F32. */
export async function writeRandomLora(path: string, fx: LoraFixture, seed: number): Promise<void> {
  const rand = seededRandom(seed)
  const byName = new Map(fx.tensors.map((t) => [t.name, t]))
  await writeSafetensors(path, fx.tensors, {
    metadata: fx.metadata,
    data: (name) => {
      const t = byName.get(name)!
      const v = fx.scalars.get(name)
      if (v !== undefined) return new Uint8Array(new Float32Array([v]).buffer)
      return randomBytes(
        t.dtype,
        t.shape.reduce((a, b) => a * b, 1),
        rand
      )
    }
  })
}

function f16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >> 10) & 0x1f
  const frac = h & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

export function decode(bytes: Uint8Array, dtype: string): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const es = dtype === 'F32' ? 4 : 2
  const out = new Float64Array(bytes.length / es)
  for (let i = 0; i < out.length; i++) {
    if (dtype === 'F32') out[i] = view.getFloat32(i * 4, true)
    else if (dtype === 'BF16')
      out[i] = new Float32Array(new Uint32Array([view.getUint16(i * 2, true) << 16]).buffer)[0]!
    else if (dtype === 'F16') out[i] = f16(view.getUint16(i * 2, true))
    else throw new Error(`dtype ${dtype}`)
  }
  return out
}

function values(file: Buffer, t: TensorInfo): Float64Array {
  const r = t.byteRange!
  return decode(new Uint8Array(file.subarray(Number(r.start), Number(r.end))), t.dtype)
}

export interface Delta {
  rows: number
  cols: number
  data: Float64Array
}

/** Every base weight's delta from a LoRA file: sum over modules of scale x U x D, placed at the module's rows. */
export async function deltasOf(loraPath: string, base: Checkpoint): Promise<Map<string, Delta>> {
  const ckpt = await readCheckpoint(loraPath)
  const analysis = analyzeLora(ckpt, { scalars: await readAlphaScalars(ckpt, openLocalFile) })
  const resolution = resolveLora(analysis, base)
  const file = readFileSync(loraPath)
  const baseShapes = new Map(base.tensors.map((t) => [t.name, t.shape]))
  const out = new Map<string, Delta>()
  analysis.modules.forEach((m, i) => {
    const r = resolution.results[i]!
    if (r.status !== 'ok' || !r.target) throw new Error(`${m.stem} does not resolve: ${r.reason}`)
    const downT = m.tensors.find((t) => t.role === 'down')!.tensor
    const D = values(file, downT)
    const R = downT.shape[0]!
    const inDim = downT.shape[1]!
    const upT = m.tensors.find((t) => t.role === 'up')?.tensor
    const blocks = m.tensors.filter((t) => t.role === 'up-block').sort((a, b) => a.index! - b.index!)
    // U as [out, R], block-diagonal for LongCat up blocks.
    const outRows = upT ? upT.shape[0]! : blocks.reduce((s, b) => s + b.tensor.shape[0]!, 0)
    const U = new Float64Array(outRows * R)
    if (upT) U.set(values(file, upT))
    else {
      let row = 0
      const r = R / blocks.length
      blocks.forEach((b, j) => {
        const v = values(file, b.tensor)
        const rows = b.tensor.shape[0]!
        for (let i = 0; i < rows; i++)
          for (let c = 0; c < r; c++) U[(row + i) * R + j * r + c] = v[i * r + c]!
        row += rows
      })
    }
    const shape = baseShapes.get(r.target.key)!
    let d = out.get(r.target.key)
    if (!d)
      out.set(r.target.key, (d = { rows: shape[0]!, cols: inDim, data: new Float64Array(shape[0]! * inDim) }))
    const offset = r.target.slice?.offset ?? 0
    const scale = m.scale!
    for (let i = 0; i < outRows; i++) {
      for (let k = 0; k < R; k++) {
        const u = U[i * R + k]!
        if (u === 0) continue
        for (let j = 0; j < inDim; j++) d.data[(offset + i) * inDim + j] += scale * u * D[k * inDim + j]!
      }
    }
  })
  return out
}

/** Rows [a, b) of a delta. */
export function rowsOf(d: Delta, a: number, b: number): Delta {
  return { rows: b - a, cols: d.cols, data: d.data.slice(a * d.cols, b * d.cols) }
}

/** Largest |x - y| relative to the largest |x|; Infinity on shape differences. */
export function relativeError(x: Delta, y: Delta): number {
  if (x.rows !== y.rows || x.cols !== y.cols) return Infinity
  let max = 0
  let diff = 0
  for (let i = 0; i < x.data.length; i++) {
    max = Math.max(max, Math.abs(x.data[i]!))
    diff = Math.max(diff, Math.abs(x.data[i]! - y.data[i]!))
  }
  return max === 0 ? diff : diff / max
}

import { buildBaseIndex } from '../../src/lora/index.js'
import {
  planConversion,
  writeConversion,
  type ConversionPlan,
  type ConvertTarget
} from '../../src/convert/index.js'
import { TOOL } from '../../src/version.js'
import { wordPlan } from '../../src/report/convert-reasons.js'

/** Plan a conversion of a LoRA file against a base, as the CLI does. */
export async function planFor(
  loraPath: string,
  base: Checkpoint,
  to: ConvertTarget,
  dropUnmatched = false
): Promise<{ plan: ConversionPlan; lora: Checkpoint }> {
  const lora = await readCheckpoint(loraPath)
  const analysis = analyzeLora(lora, { scalars: await readAlphaScalars(lora, openLocalFile) })
  const index = buildBaseIndex(base)
  const plan = wordPlan(planConversion(analysis, resolveLora(analysis, index), index, { to, dropUnmatched }))
  return { plan, lora }
}

/** Convert and write; throws when the plan is refused. */
export async function convertFile(
  loraPath: string,
  base: Checkpoint,
  out: string,
  to: ConvertTarget,
  dropUnmatched = false
): Promise<ConversionPlan> {
  const { plan, lora } = await planFor(loraPath, base, to, dropUnmatched)
  await writeConversion(plan, lora, out, { tool: TOOL })
  return plan
}

/** Share of the modules of a LoRA file that resolve against a base. */
export async function loadablePercent(loraPath: string, base: Checkpoint): Promise<number> {
  const ckpt = await readCheckpoint(loraPath)
  return resolveLora(analyzeLora(ckpt), base).loadablePercent
}
