/** File output for the CLI: written to a temporary name, then renamed, so no reader ever sees half a file. */
import { dirname, resolve } from 'node:path'

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Loaded here, not at the top: node:fs/promises brings Node's stream modules with it, a cost every run would
  // pay while only --export, --mapping and convert write files.
  const { mkdir, rename, rm, writeFile } = await import('node:fs/promises')
  const target = resolve(path)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(temp, data)
    await rename(temp, target)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
}

/** JSON with BigInt written as decimal strings and a trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n'
}
