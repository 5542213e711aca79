/**
 * How every command reads its inputs: local paths, `https://` URLs and `hf://ORG/REPO[@REV]/PATH` through one
 * RemoteContext per run (one HTTP client, one token, one header cache). Commands spread REMOTE_OPTIONS into their
 * spec and call `checkpointReader(args, io)`.
 */
import type { OptionSpec, ParsedArgs } from './args.js'
import { flag, str } from './args.js'
import type { CliIO } from './io.js'
import { RemoteContext, remoteOptions } from '../formats/http/open-location.js'
import { readLocation } from '../formats/http/read-location.js'
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
  read(location: string): Promise<Checkpoint>
  /** Remove the token from a message before it is printed. */
  redact(text: string): string
}

export function checkpointReader(args: ParsedArgs, io: CliIO): CheckpointReader {
  let ctx: RemoteContext | undefined
  const context = (): RemoteContext =>
    (ctx ??= new RemoteContext(
      remoteOptions(
        { hfToken: str(args, 'hf-token'), cacheDir: flag(args, 'no-cache') ? false : str(args, 'cache-dir') },
        io.env
      )
    ))
  return {
    // The context (and its cache folder) is only made when a location is read.
    read: (location) => readLocation(location, context()),
    redact: (text) => (ctx ? ctx.redact(text) : text)
  }
}
