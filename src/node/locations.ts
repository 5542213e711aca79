/**
 * How both front ends read what the user names: local paths, `https://` URLs and `hf://ORG/REPO[@REV]/PATH`,
 * through one RemoteContext per run (one HTTP client, one token, one header cache) and one FileAccess, so a
 * checkpoint and any bytes read later from it (LoRA alphas) come through the same door.
 */
import { localFileAccess, type FileAccess } from '../formats/file-access.js'
import type { RemoteContext, RemoteFlags } from '../formats/http/open-location.js'
import { isRemoteLocation } from '../formats/http/url.js'
import { readCheckpoint } from '../formats/index.js'
import type { ByteSource } from '../formats/source.js'
import type { Checkpoint } from '../formats/types.js'

export interface Locations {
  /** Read a location as a checkpoint (format detected by content). */
  read(location: string): Promise<Checkpoint>
  /** Open a file the way `read` opens it: a tensor's `byteRange.file`, or the location itself. */
  open(location: string): Promise<ByteSource>
  /** Remove this run's token (and any other credential pattern) from a message before it is printed. */
  redact(text: string): string
}

/**
 * `flags`: `--hf-token` / `hf-token`, `--cache-dir` / the runner's cache folder, `false` for no header cache;
 * unset values fall back to `env` (HF_TOKEN, HF_ENDPOINT, XDG_CACHE_HOME).
 */
export function openLocations(
  flags: RemoteFlags,
  env: Record<string, string | undefined> = process.env
): Locations {
  let remote: Promise<{ ctx: RemoteContext; fs: FileAccess }> | undefined
  // The HTTP client (node:http, node:https, tls) is loaded, and the context and its cache folder made, only
  // when a remote location is read: a local CLI run never pays for them.
  const remoteAccess = () =>
    (remote ??= Promise.all([
      import('../formats/http/open-location.js'),
      import('../formats/http/remote-file-access.js')
    ]).then(([{ RemoteContext, remoteOptions }, { remoteFileAccess }]) => {
      const ctx = new RemoteContext(remoteOptions(flags, env))
      return { ctx, fs: remoteFileAccess(ctx) }
    }))
  let context: RemoteContext | undefined
  const access = async (location: string): Promise<FileAccess> => {
    if (!isRemoteLocation(location)) return localFileAccess
    const r = await remoteAccess()
    context = r.ctx
    return r.fs
  }
  return {
    read: async (location) => {
      const fs = await access(location)
      return fs === localFileAccess ? readCheckpoint(location) : readCheckpoint(location, { fs })
    },
    open: async (location) => (await access(location)).open(location),
    redact: (text) => (context ? context.redact(text) : text)
  }
}
