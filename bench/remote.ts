/**
 * Remote (HTTP range) reading benchmark: bytes transferred and requests made to analyze remote
 * checkpoints served by a local range server on 127.0.0.1, against the issue's budget:
 *   - at most (header size + 64 KiB) bytes per file,
 *   - at most 2 requests per single file,
 *   - a second run with the header cache: one validation request per file and no body bytes.
 * Run: `npx tsx bench/remote.ts` (exit code 1 when a budget is exceeded). Add `--json` for machine output.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestHttpServer } from '../fixtures/http-server.js'
import { writeShardedCheckpoint } from '../fixtures/safetensors.js'
import { expandModel } from '../fixtures/specs.js'
import { ditLikeTensors, writeTorchZip } from '../fixtures/torch-files.js'
import { RemoteContext } from '../src/formats/http/open-location.js'
import { readLocation } from '../src/formats/http/read-location.js'
import { writeSafetensors } from '../src/formats/safetensors/write.js'

const KiB = 1024

interface Row {
  case: string
  files: number
  apparentBytes: number
  requests: number
  bytesSent: number
  budgetBytes?: number
  maxRequestsPerFile?: number
  worstFileRequests: number
  ms: number
  ok: boolean
  note: string
}

/** 8 + N: the bytes a safetensors reader needs (length prefix and JSON header), read back from the file. */
function safetensorsHeaderBytes(path: string): number {
  const prefix = Buffer.alloc(8)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, prefix, 0, 8, 0)
  } finally {
    closeSync(fd)
  }
  return 8 + Number(prefix.readBigUInt64LE(0))
}

async function measure(
  server: TestHttpServer,
  name: string,
  location: string,
  ctx: RemoteContext,
  budget: { bytes?: number; requestsPerFile?: number; files: number; apparent: number; note?: string }
): Promise<Row> {
  server.resetLog()
  const t0 = performance.now()
  const ckpt = await readLocation(location, ctx)
  const ms = performance.now() - t0
  const perFile = new Map<string, number>()
  for (const r of server.log) perFile.set(r.path, (perFile.get(r.path) ?? 0) + 1)
  const worst = Math.max(0, ...perFile.values())
  const bytesOk = budget.bytes === undefined || server.bytesSent <= budget.bytes
  const reqOk = budget.requestsPerFile === undefined || worst <= budget.requestsPerFile
  return {
    case: name,
    files: budget.files,
    apparentBytes: budget.apparent,
    requests: server.requests,
    bytesSent: server.bytesSent,
    budgetBytes: budget.bytes,
    maxRequestsPerFile: budget.requestsPerFile,
    worstFileRequests: worst,
    ms: Math.round(ms),
    ok: bytesOk && reqOk,
    note: `${ckpt.tensors.length} tensors${budget.note ? `; ${budget.note}` : ''}`
  }
}

async function main(): Promise<number> {
  const json = process.argv.includes('--json')
  const dir = mkdtempSync(join(tmpdir(), 'model-compat-bench-remote-'))
  const hub = await TestHttpServer.start()
  const rows: Row[] = []
  try {
    const repo = join(dir, 'repo')
    mkdirSync(repo, { recursive: true })
    const wanTensors = expandModel('wan2.1-t2v-14b', { dtype: 'BF16' })
    const wanPath = join(repo, 'wan2.1-t2v-14b.safetensors')
    await writeSafetensors(wanPath, wanTensors, { metadata: { format: 'pt' } })
    const sharded = writeShardedCheckpoint(join(repo, 'sharded'), { shards: 6, tensors: wanTensors })
    const torchPath = join(repo, 'dit-28gb.pt')
    writeTorchZip(torchPath, { tensors: ditLikeTensors(28_600_000_000) })
    hub.serveRepo('bench/wan', repo)

    const fresh = (cache?: string): RemoteContext =>
      new RemoteContext({ endpoint: hub.origin, cache: cache ?? false })

    const wanHeader = safetensorsHeaderBytes(wanPath)
    const wanSize = statSync(wanPath).size
    rows.push(
      await measure(
        hub,
        'Wan2.1-14B safetensors (hf://)',
        'hf://bench/wan/wan2.1-t2v-14b.safetensors',
        fresh(),
        {
          bytes: wanHeader + 64 * KiB,
          requestsPerFile: 2,
          files: 1,
          apparent: wanSize,
          note: `header ${wanHeader} B`
        }
      )
    )

    const shardPaths = sharded.shardNames.map((n) => join(sharded.dir, n))
    const indexSize = statSync(sharded.indexPath).size
    const shardBudget =
      indexSize + 64 * KiB + shardPaths.reduce((n, p) => n + safetensorsHeaderBytes(p) + 64 * KiB, 0)
    const shardApparent = shardPaths.reduce((n, p) => n + statSync(p).size, indexSize)
    const indexLocation = 'hf://bench/wan/sharded/model.safetensors.index.json'
    rows.push(
      await measure(hub, '6-shard Wan2.1-14B (index.json)', indexLocation, fresh(), {
        bytes: shardBudget,
        requestsPerFile: 2,
        files: 7,
        apparent: shardApparent,
        note: `index ${indexSize} B`
      })
    )
    rows.push(
      await measure(hub, '6-shard Wan2.1-14B (hf:// folder)', 'hf://bench/wan/sharded', fresh(), {
        bytes: shardBudget + 64 * KiB,
        requestsPerFile: 2,
        files: 7,
        apparent: shardApparent,
        note: 'folder: a 404 probe + 2 tree-API listings'
      })
    )

    const cacheDir = join(dir, 'cache')
    await readLocation(indexLocation, fresh(cacheDir))
    const cached = await measure(
      hub,
      '6-shard, second run with header cache',
      indexLocation,
      fresh(cacheDir),
      {
        bytes: 0,
        requestsPerFile: 1,
        files: 7,
        apparent: shardApparent,
        note: 'If-None-Match -> 304'
      }
    )
    rows.push(cached)

    rows.push(
      await measure(
        hub,
        'DiT-like torch zip 28.6 GB (informational)',
        'hf://bench/wan/dit-28gb.pt',
        fresh(),
        {
          files: 1,
          apparent: statSync(torchPath).size,
          note: 'torch-zip reads every storage local header'
        }
      )
    )
  } finally {
    await hub.close()
    rmSync(dir, { recursive: true, force: true })
  }

  if (json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  } else {
    const mb = (n: number): string => (n / 1e6).toFixed(n < 1e6 ? 3 : 1)
    console.log('remote reads over 127.0.0.1 (request and byte budgets)\n')
    console.log(
      [
        'case'.padEnd(44),
        'apparent GB'.padStart(11),
        'requests'.padStart(9),
        'worst/file'.padStart(10),
        'sent MB'.padStart(9),
        'budget MB'.padStart(9),
        'ms'.padStart(6),
        '  ok'
      ].join(' ')
    )
    for (const r of rows) {
      console.log(
        [
          r.case.padEnd(44),
          (r.apparentBytes / 1e9).toFixed(1).padStart(11),
          String(r.requests).padStart(9),
          `${r.worstFileRequests}${r.maxRequestsPerFile !== undefined ? `/${r.maxRequestsPerFile}` : ''}`.padStart(
            10
          ),
          mb(r.bytesSent).padStart(9),
          (r.budgetBytes === undefined ? '-' : mb(r.budgetBytes)).padStart(9),
          String(r.ms).padStart(6),
          r.ok ? '  yes' : '  NO',
          ` ${r.note}`
        ].join(' ')
      )
    }
  }
  return rows.every((r) => r.ok) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e)
    process.exit(2)
  }
)
