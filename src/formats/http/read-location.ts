/**
 * Read a local path, an `http(s)://` URL or an `hf://` location: the same dispatch as local files
 * (`readCheckpoint`), with a remote `FileAccess` for remote locations.
 */
import { readCheckpoint } from '../index.js'
import type { Checkpoint } from '../types.js'
import type { RemoteContext } from './open-location.js'
import { remoteFileAccess } from './remote-file-access.js'
import { isRemoteLocation } from './url.js'

export async function readLocation(location: string, ctx: RemoteContext): Promise<Checkpoint> {
  if (!isRemoteLocation(location)) return readCheckpoint(location)
  return readCheckpoint(location, { fs: remoteFileAccess(ctx) })
}
