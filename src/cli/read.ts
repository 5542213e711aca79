/**
 * The flags every command has for remote locations (REMOTE_OPTIONS, spread into its spec) and the one reader a
 * command builds from them: local paths, `https://` URLs and `hf://ORG/REPO[@REV]/PATH` (src/node/locations.ts).
 */
import type { OptionSpec, ParsedArgs } from './args.js'
import { flag, str } from './args.js'
import type { CliIO } from './io.js'
import { openLocations, type Locations } from '../node/locations.js'

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

export function checkpointReader(args: ParsedArgs, io: CliIO): Locations {
  return openLocations(
    { hfToken: str(args, 'hf-token'), cacheDir: flag(args, 'no-cache') ? false : str(args, 'cache-dir') },
    io.env
  )
}
