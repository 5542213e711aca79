/**
 * Read a local path, an `http(s)://` URL or an `hf://` location: the same dispatch as local files
 * (`readCheckpoint`), with a remote `FileAccess` for remote locations. `options` carries the run's budget and,
 * for local paths, the folders a read must stay inside.
 */
import { readCheckpoint, type ReadOptions } from '../index.js'
import type { Checkpoint } from '../types.js'
import type { RemoteContext } from './open-location.js'
import { remoteFileAccess } from './remote-file-access.js'
import { isRemoteLocation } from './url.js'

export async function readLocation(
  location: string,
  ctx: RemoteContext,
  options: Omit<ReadOptions, 'fs'> = {}
): Promise<Checkpoint> {
  if (!isRemoteLocation(location)) return readCheckpoint(location, options)
  return readCheckpoint(location, { ...options, fs: remoteFileAccess(ctx) })
}
