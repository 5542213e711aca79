/**
 * Writes examples/: a Wan-like baseline manifest and four small artifacts for the demo and the action's self-test.
 * Shapes are scaled down (dim 128, 8 blocks) but every key follows the real Wan2.1 / LongCat-Video layouts, so the
 * readers, the comparison and the LoRA resolver see exactly what they would on the full-size models.
 *
 *   npx tsx scripts/gen-examples.ts [outDir]     (default: examples)
 *
 * Deterministic: running it twice gives identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { manifestToJson, toManifest } from '../src/formats/json/manifest.js'
import { writeSafetensorsSync } from '../src/formats/safetensors/write.js'
import type { Checkpoint } from '../src/formats/types.js'
import { TOOL } from '../src/version.js'
import { scaledModel, type SpecTensor } from '../fixtures/specs.js'
import { dottedLora, kohyaLora, targetsOf, writeLoraFile } from '../fixtures/lora.js'

/** The baseline: Wan2.1 T2V layout at dim 128 with 8 blocks. */
export const WAN_LIKE = { dim: 128, ffn_dim: 256, num_heads: 4, num_layers: 8 }
/** A bigger sibling, as a 14B is to the 1.3B: wider and deeper. */
export const WAN_LIKE_BIGGER = { dim: 192, ffn_dim: 384, num_heads: 6, num_layers: 12 }
export const LONGCAT_LIKE = {
  hidden_size: 64,
  num_heads: 2,
  head_dim: 32,
  depth: 4,
  ffn_hidden: 160,
  caption_channels: 64,
  adaln_tembed_dim: 64,
  frequency_embedding_size: 32
}

const ATTN_AND_FFN = /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/
const DIFFUSERS_ATTN = /^blocks\.\d+\.attn[12]\.(?:to_[qkv]|to_out\.0)$/

function asCheckpoint(tensors: SpecTensor[], path: string): Checkpoint {
  return {
    path,
    format: 'safetensors',
    bytes: 0,
    tensors: tensors.map((t) => ({ name: t.name, shape: [...t.shape], dtype: t.dtype })),
    metadata: {},
    globals: [],
    warnings: []
  }
}

export function generateExamples(out: string): string[] {
  rmSync(join(out, 'baseline'), { recursive: true, force: true })
  rmSync(join(out, 'artifacts'), { recursive: true, force: true })
  mkdirSync(join(out, 'baseline'), { recursive: true })
  mkdirSync(join(out, 'artifacts'), { recursive: true })
  const written: string[] = []

  const wan = scaledModel('wan2.1-t2v-1.3b', WAN_LIKE)
  const baselinePath = join(out, 'baseline', 'wan-t2v-like.manifest.json')
  const ckpt = asCheckpoint(wan, 'wan-t2v-like.safetensors')
  ckpt.bytes = wan.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1) * 2, 0)
  writeFileSync(baselinePath, manifestToJson(toManifest(ckpt, TOOL)))
  written.push(baselinePath)

  const meta = (base: string) => ({ ss_base_model_version: base, ss_network_dim: '2', ss_network_alpha: '2' })

  // 1. Fits: kohya names on the baseline's own attention and FFN layers.
  const fits = kohyaLora(targetsOf(wan, ATTN_AND_FFN), { rank: 2, alpha: 2 })
  fits.metadata = meta('wan2.1-t2v-like')
  written.push(join(out, 'artifacts', 'wan-lora-fits.safetensors'))
  writeLoraFile(written.at(-1)!, fits)

  // 2. Same layers in diffusers naming (transformer.blocks.N.attn1.to_q): loads through the name mapping.
  const wanDiffusers = scaledModel('wan2.1-t2v-1.3b-diffusers', WAN_LIKE)
  const diffusers = dottedLora(targetsOf(wanDiffusers, DIFFUSERS_ATTN), { prefix: 'transformer.', rank: 2 })
  written.push(join(out, 'artifacts', 'wan-lora-diffusers-naming.safetensors'))
  writeLoraFile(written.at(-1)!, diffusers)

  // 3. Trained on the bigger model: every shape is wrong and blocks 8-11 do not exist in the baseline.
  const bigger = scaledModel('wan2.1-t2v-1.3b', WAN_LIKE_BIGGER)
  const other = kohyaLora(targetsOf(bigger, ATTN_AND_FFN), { rank: 2, alpha: 2 })
  other.metadata = meta('wan2.1-t2v-like-bigger')
  written.push(join(out, 'artifacts', 'wan-lora-other-size.safetensors'))
  writeLoraFile(written.at(-1)!, other)

  // 4. A full checkpoint of another architecture (LongCat-Video layout: fused qkv, SwiGLU FFN).
  const longcat = scaledModel('longcat-video', LONGCAT_LIKE, { dtype: 'BF16' })
  written.push(join(out, 'artifacts', 'longcat-like.safetensors'))
  writeSafetensorsSync(written.at(-1)!, longcat, { data: 'zeros' })
  return written
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of generateExamples(process.argv[2] ?? 'examples')) console.log(f)
}
