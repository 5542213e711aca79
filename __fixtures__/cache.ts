/** A stand-in for @actions/cache: an in-memory store of folder snapshots keyed by key + paths, like the service. */
import { jest } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const store = new Map<string, string>()
export const state = { available: true, calls: [] as string[] }

const entryKey = (paths: string[], key: string) => `${key}|${paths.join(',')}`

export const isFeatureAvailable = jest.fn(() => state.available)

export const restoreCache = jest.fn(async (paths: string[], key: string) => {
  state.calls.push(`restore:${key}`)
  const snapshot = store.get(entryKey(paths, key))
  if (!snapshot) return undefined
  cpSync(snapshot, paths[0], { recursive: true })
  return key
})

export const saveCache = jest.fn(async (paths: string[], key: string) => {
  state.calls.push(`save:${key}`)
  const k = entryKey(paths, key)
  if (store.has(k)) return -1
  if (!existsSync(paths[0])) throw new Error(`Path Validation Error: ${paths[0]} does not exist`)
  const snapshot = join(mkdtempSync(join(tmpdir(), 'fake-cache-')), 'entry')
  cpSync(paths[0], snapshot, { recursive: true })
  store.set(k, snapshot)
  return store.size
})

export function resetCache(): void {
  for (const dir of store.values()) rmSync(dir, { recursive: true, force: true })
  store.clear()
  state.available = true
  state.calls = []
}
