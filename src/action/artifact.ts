/**
 * Uploading the report folder (gate-report.json, the mapping and resolution documents, summary.md) as a workflow
 * artifact. The artifact service exists only inside GitHub-hosted runs (not locally, not on GHES): its absence is
 * a warning, since the files are on disk under mapping-dir either way.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export interface UploadResult {
  id?: number
  size?: number
}

export async function uploadReportFolder(name: string, dir: string): Promise<UploadResult | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    core.warning(
      `The artifact service is not available (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL); ` +
        `the report was not uploaded. It is in ${dir}.`
    )
    return undefined
  }
  const root = resolve(dir)
  const files = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isFile() && !d.name.endsWith('.tmp'))
    .map((d) => join(root, d.name))
    .sort()
  if (files.length === 0) return undefined
  try {
    const client = new DefaultArtifactClient()
    const r = await client.uploadArtifact(name, files, root)
    core.info(`Uploaded the report as artifact '${name}' (${files.length} files, ${r.size ?? '?'} bytes).`)
    return { id: r.id, size: r.size }
  } catch (e) {
    core.warning(
      `Could not upload the report artifact '${name}': ${e instanceof Error ? e.message : String(e)}. It is in ${dir}.`
    )
    return undefined
  }
}
