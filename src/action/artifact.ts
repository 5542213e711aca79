/**
 * Uploading the report folder (gate-report.json, the mapping and resolution documents, summary.md) as a workflow
 * artifact. The artifact service exists only inside GitHub-hosted runs (not locally, not on GHES): its absence is
 * a warning, since the files are on disk under mapping-dir either way.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { resolve } from 'node:path'
import { printable } from '../util/text.js'

export interface UploadResult {
  id?: number
  size?: number
}

/**
 * Upload `files` (the ones this run wrote into `dir`, never a listing of the folder: anything else found there
 * is not ours to publish) under the artifact name `name`.
 */
export async function uploadReportFolder(
  name: string,
  dir: string,
  files: readonly string[]
): Promise<UploadResult | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    core.warning(
      `The artifact service is not available (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL); ` +
        `the report was not uploaded. It is in ${printable(dir)}.`
    )
    return undefined
  }
  const root = resolve(dir)
  if (files.length === 0) return undefined
  try {
    const client = new DefaultArtifactClient()
    const r = await client.uploadArtifact(name, [...files].sort(), root)
    core.info(`Uploaded the report as artifact '${name}' (${files.length} files, ${r.size ?? '?'} bytes).`)
    return { id: r.id, size: r.size }
  } catch (e) {
    core.warning(
      printable(
        `Could not upload the report artifact '${name}': ${e instanceof Error ? e.message : String(e)}. It is in ${dir}.`
      )
    )
    return undefined
  }
}
