/**
 * Node built-in modules that only some runs need, loaded on first use instead of when the importing module is
 * evaluated. Loading a built-in is not free in a process that lives a few hundred milliseconds: `convert`'s chunk
 * loaded node:crypto (for the source header's SHA-256), node:worker_threads and node:fs/promises (imported by
 * the test and bench file writer beside the header encoder it uses) as it was evaluated: 11, 2.3 and 4 ms of every
 * run (`--cpu-prof`, 8 runs of the bench's splitting conversion with --dry-run), paid before the two headers were
 * read, so before a rename's kernel copy or a layout change's prefill could start. Loaded here, each costs the
 * same once, when it is needed (the header's hash while the kernel copies), and nothing in the runs that need
 * none of them (`analyze`, `compare`, `convert --dry-run`; a rename without --hash-source starts no worker).
 */
import { createRequire } from 'node:module'

type Crypto = typeof import('node:crypto')
type WorkerThreads = typeof import('node:worker_threads')
type FsPromises = typeof import('node:fs/promises')

function builtin<T>(id: string): T {
  // process.getBuiltinModule (Node 20.16+, 22.3+) loads synchronously without a loader of our own.
  return (process.getBuiltinModule?.(id) as T | undefined) ?? (createRequire(import.meta.url)(id) as T)
}

/** node:crypto. */
export const crypto = (): Crypto => builtin<Crypto>('node:crypto')

/** node:worker_threads. */
export const workerThreads = (): WorkerThreads => builtin<WorkerThreads>('node:worker_threads')

/** node:fs/promises. */
export const fsPromises = (): FsPromises => builtin<FsPromises>('node:fs/promises')

/** A SHA-256 of `bytes`, as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto().createHash('sha256').update(bytes).digest('hex')
}
