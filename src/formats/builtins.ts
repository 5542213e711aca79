/**
 * Node built-in modules that only some runs need, loaded on first use instead of when the importing module is
 * evaluated. Loading a built-in is not free in a process that lives a few hundred milliseconds: `convert`'s chunk
 * imported node:crypto (for the source header's SHA-256) and node:worker_threads at load, 11 and 2.3 ms of every
 * run (`--cpu-prof`, 8 runs of the bench's splitting conversion with --dry-run), and node:fs/promises (for the
 * writer of test and bench files beside the header encoder it uses) 4 ms, paid before the two headers were even read, so before the kernel copy of a rename or the prefill of a layout change could start. Loaded here,
 * they cost the same once, when the hash or the worker is needed (the hash while the copy runs), and nothing for
 * the runs that need neither (`--dry-run`, a rename without --hash-source has no worker).
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
