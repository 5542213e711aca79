/**
 * The local fast path for many artifacts, in-process: `HeaderCache.read` over 1,500 LoRA files made of 20 distinct
 * 400-module LoRAs (136 KB headers, data regions as holes), next to plain `readCheckpoint` of the same files. What
 * the gate loop pays per artifact for reading once it uses the cache (src/formats/header-cache.ts).
 *
 * `npx tsx bench/header-cache.ts [--rounds N]`: prints, per round, the cost of the first 200 files and of each of
 * the next 1,300 (all repeats of headers already seen), and `readCheckpoint` per file.
 */
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expandModel } from '../fixtures/specs.js'
import { kohyaLora, targetsOf } from '../fixtures/lora.js'
import { HeaderCache } from '../src/formats/header-cache.js'
import { readCheckpoint } from '../src/formats/index.js'
import { writeSafetensors } from '../src/formats/safetensors/write.js'

const FILES = 1500
const FIRST = 200
const DISTINCT = 20

async function main(): Promise<void> {
  const at = process.argv.indexOf('--rounds')
  const rounds = at > 0 ? Number(process.argv[at + 1]) || 3 : 3
  const dir = mkdtempSync(join(tmpdir(), 'bench-header-cache-'))
  try {
    const base = expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
    const targets = targetsOf(
      base,
      /^blocks\.\d+\.(?:self_attn|cross_attn)\.[qkvo]$|^blocks\.\d+\.ffn\.[02]$/
    )
    const templates: Array<{ header: Buffer; size: number }> = []
    for (let i = 0; i < DISTINCT; i++) {
      const file = join(dir, `template-${i}.safetensors`)
      await writeSafetensors(file, kohyaLora(targets, { rank: 16 << (i % 3), alpha: 16 + i }).tensors, {
        data: 'sparse'
      })
      const fd = openSync(file, 'r')
      const prefix = Buffer.alloc(8)
      readSync(fd, prefix, 0, 8, 0)
      const header = Buffer.alloc(8 + Number(prefix.readBigUInt64LE(0)))
      readSync(fd, header, 0, header.length, 0)
      closeSync(fd)
      templates.push({ header, size: statSync(file).size })
    }
    const files: string[] = []
    for (let i = 0; i < FILES; i++) {
      const t = templates[i % DISTINCT]!
      const file = join(dir, `lora-${i}.safetensors`)
      const fd = openSync(file, 'w')
      writeSync(fd, t.header)
      ftruncateSync(fd, t.size)
      closeSync(fd)
      files.push(file)
    }
    console.log(`${FILES} files, ${DISTINCT} distinct headers of ${templates[0]!.header.length} bytes`)
    for (let r = 0; r < rounds; r++) {
      const cache = new HeaderCache()
      const t0 = performance.now()
      for (const f of files.slice(0, FIRST)) await cache.read(f)
      const t1 = performance.now()
      for (const f of files.slice(FIRST)) await cache.read(f)
      const t2 = performance.now()
      for (const f of files.slice(0, FIRST)) await readCheckpoint(f)
      const t3 = performance.now()
      console.log(
        `round ${r + 1}: HeaderCache first ${FIRST} files ${(t1 - t0).toFixed(0)} ms, next ${FILES - FIRST} ` +
          `${((t2 - t1) / (FILES - FIRST)).toFixed(3)} ms per file (${cache.hits} repeats); ` +
          `readCheckpoint ${((t3 - t2) / FIRST).toFixed(3)} ms per file`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
