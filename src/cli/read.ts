/**
 * How every command reads its inputs: local paths, `https://` URLs and `hf://ORG/REPO[@REV]/PATH` through one
 * RemoteContext per run (one HTTP client, one token, one header cache). Commands spread REMOTE_OPTIONS into their
 * spec and call `checkpointReader(args, io)`.
 */
import type { OptionSpec, ParsedArgs } from './args.js'
import { flag, str } from './args.js'
import type { CliIO } from './io.js'
import type { RemoteContext } from '../formats/http/open-location.js'
import { isRemoteLocation } from '../formats/http/url.js'
import { readCheckpoint, type ReadOptions } from '../formats/index.js'
import type { Checkpoint } from '../formats/types.js'

export const REMOTE_OPTIONS: Record<string, OptionSpec> = {
  'hf-token': {
    kind: 'string',
    help: 'token for hf:// and Hub URLs (prefer the HF_TOKEN variable: arguments show in the process list)',
    value: 'TOKEN'
  },
  'cache-dir': {
    kind: 'string',
    help: 'where remote headers are cached (default $XDG_CACHE_HOME/model-compat)',
    value: 'DIR'
  },
  'no-cache': { kind: 'boolean', help: 'do not cache remote headers' }
}

export interface CheckpointReader {
  /** `options`: the run's budget, and whether a folder may link outside itself (see `ReadOptions`). */
  read(location: string, options?: Omit<ReadOptions, 'fs'>): Promise<Checkpoint>
  /** Remove the token from a message before it is printed. */
  redact(text: string): string
}

export function checkpointReader(args: ParsedArgs, io: CliIO): CheckpointReader {
  let ctx: RemoteContext | undefined
  // The HTTP client (node:http, node:https, tls) is loaded, and the context and its cache folder made, only
  // when a remote location is read: a local run never pays for them.
  const remote = async (location: string, options?: Omit<ReadOptions, 'fs'>): Promise<Checkpoint> => {
    const [{ RemoteContext, remoteOptions }, { readLocation }] = await Promise.all([
      import('../formats/http/open-location.js'),
      import('../formats/http/read-location.js')
    ])
    ctx ??= new RemoteContext(
      remoteOptions(
        { hfToken: str(args, 'hf-token'), cacheDir: flag(args, 'no-cache') ? false : str(args, 'cache-dir') },
        io.env
      )
    )
    return readLocation(location, ctx, options)
  }
  return {
    read: (location, options) =>
      isRemoteLocation(location) ? remote(location, options) : readCheckpoint(location, options),
    redact: (text) => (ctx ? ctx.redact(text) : text)
  }
}
