/**
 * `--read-alpha` reads the scalar alpha tensors through the same opener the LoRA was read with: a LoRA given by
 * URL has its alphas read over HTTP (a few bytes each), and a local one from the disk, with the same result.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../__fixtures__/cli-io.js'
import { kohyaLora, targetsOf, writeLoraFile } from '../../fixtures/lora.js'
import { TestHttpServer } from '../../fixtures/http-server.js'
import { scaledModel } from '../../fixtures/specs.js'

let dir: string
let lora: string
let server: TestHttpServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mc-read-alpha-'))
  const wan = scaledModel('wan2.1-t2v-14b', { dim: 64, ffn_dim: 128, num_layers: 2 })
  // Per-module alpha 3 in the tensors, 8 in the metadata: only a real read of the scalars says 3.
  const fx = kohyaLora(targetsOf(wan, /^blocks\.\d+\.self_attn\.[qkvo]$/), { rank: 4, alpha: 3 })
  fx.metadata = { ss_network_dim: '4', ss_network_alpha: '8' }
  lora = join(dir, 'alpha.safetensors')
  writeLoraFile(lora, fx)
  server = await TestHttpServer.start()
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

interface LoraJson {
  loras: { analysis: { modules: { alpha: number | null; scaleSource: string }[] } }[]
}
const alphas = (json: string): (number | null)[] =>
  (JSON.parse(json) as LoraJson).loras[0]!.analysis.modules.map((m) => m.alpha)
const sources = (json: string): string[] =>
  (JSON.parse(json) as LoraJson).loras[0]!.analysis.modules.map((m) => m.scaleSource)

describe('lora --read-alpha', () => {
  it('reads the scalars of a local file', async () => {
    const r = await runCli(['lora', lora, '--read-alpha', '--json'], { env: { HOME: dir } })
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const values = alphas(r.out)
    expect(values).toHaveLength(8)
    expect(new Set(values)).toEqual(new Set([3]))
    expect(new Set(sources(r.out))).toEqual(new Set(['alpha-tensor']))
    // Without the flag only headers are read: the metadata's network alpha stands in.
    const headerOnly = await runCli(['lora', lora, '--json'], { env: { HOME: dir } })
    expect(new Set(alphas(headerOnly.out))).toEqual(new Set([8]))
  })

  it('reads the scalars of an https-like URL over HTTP, with the same values as the local file', async () => {
    const url = server.serve('/org/alpha.safetensors', lora)
    server.log.length = 0
    const r = await runCli(['lora', url, '--read-alpha', '--json', '--no-cache'], { env: { HOME: dir } })
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(new Set(alphas(r.out))).toEqual(new Set([3]))
    expect(new Set(sources(r.out))).toEqual(new Set(['alpha-tensor']))
    // Every request was a range request for this file: the scalars came over HTTP, not from a local path.
    expect(server.log.length).toBeGreaterThan(0)
    for (const req of server.log) expect(req.path).toBe('/org/alpha.safetensors')
  })
})
