/**
 * The persistent-id loader shared by the zip and legacy torch readers: each `('storage', class, key, location,
 * numel[, view])` id becomes one shared `TorchStorage` per key (as torch caches loaded storages by key), so two
 * tensors on one storage point at the same object. Ids that are not storages are kept as inert nodes and counted:
 * torch itself refuses them, and a scanner should flag them.
 */
import type { ErrorCode } from '../../errors.js'
import { parseStoragePid } from './emulation.js'
import type { PyValue, TorchStorage } from './values.js'

export class StorageRegistry {
  /** Root storages by key, in first-seen order. */
  readonly roots = new Map<string, TorchStorage>()
  /** Legacy view storages by view key. */
  readonly views = new Map<string, TorchStorage>()
  /** Persistent ids whose type is not 'storage' (e.g. legacy 'module' ids). */
  nonStorageIds = 0
  readonly problems: string[] = []

  /** `persistentLoad` for the unpickler. */
  readonly load = (pid: PyValue, fail: (code: ErrorCode, message: string) => never): PyValue => {
    const parsed = parseStoragePid(pid)
    if ('error' in parsed) {
      if (parsed.notStorage === true) {
        this.nonStorageIds++
        return { kind: 'persistent', pid }
      }
      return fail('InvalidTorchFile', parsed.error)
    }
    const { storage, viewKey } = parsed
    let root = this.roots.get(storage.key)
    if (root === undefined) {
      // a root never has a view offset: parseStoragePid gives none without a view, and the root of a view is
      // the storage without it (a rest copy rather than a `delete`, which would make it a slow object)
      if (viewKey === undefined) root = storage
      else {
        const { viewOffset: _viewOffset, ...whole } = storage
        root = { ...whole, numel: this.rootNumel(pid) ?? storage.numel }
      }
      this.roots.set(storage.key, root)
    } else if (
      root.className !== storage.className ||
      (viewKey === undefined && root.numel !== storage.numel)
    ) {
      this.note(
        `storage ${storage.key} is referenced as ${root.className}[${root.numel}] and ${storage.className}[${storage.numel}]; the first is used`
      )
    }
    if (viewKey === undefined) return root
    let view = this.views.get(viewKey)
    if (view === undefined) {
      view = { ...storage, className: root.className, dtype: root.dtype, itemsize: root.itemsize }
      this.views.set(viewKey, view)
    }
    return view
  }

  private rootNumel(pid: PyValue): bigint | undefined {
    const items = pid !== null && typeof pid === 'object' && pid.kind === 'tuple' ? pid.items : []
    return typeof items[4] === 'bigint' ? items[4] : undefined
  }

  private note(message: string): void {
    if (this.problems.length < 50) this.problems.push(message)
  }
}
