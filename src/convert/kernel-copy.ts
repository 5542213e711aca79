/**
 * The kernel's copy of a LoRA file to the output's temporary name, for conversions that keep the source's byte
 * layout (source-layout.ts). It can start before the conversion is planned: the copy needs only the source and
 * the output's name, and it runs on libuv's thread pool (one `copy_file_range`, or a reflink) while the main
 * thread resolves and plans. For a 1.2 GB rename the copy and the planning then cost the longer of the two
 * instead of their sum. A plan that turns out not to keep the layout (stack, split) or not to be writable
 * discards the copy; `likelyKeepsLayout` keeps that rare, since a discarded copy still runs to its end.
 *
 * The copy is made with `COPYFILE_EXCL`: without it libuv truncates the destination before copying, and ext4
 * takes a truncate followed by writes as a file being replaced (`auto_da_alloc`), so the close that ends the copy
 * started writeback of every copied page (measured: 0.29 s in `close` after a 0.78 s copy of 1.2 GB, and the
 * alpha writes that follow waited on pages under writeback). A new file gets no such flush, as `cp`'s does not.
 */
import {
  chmod,
  closeSync,
  constants,
  copyFile,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync
} from 'node:fs'
import { dirname } from 'node:path'
import type { BaseIndex, BaseSpace } from '../lora/base-index.js'
import { parseStem, parseSuffix } from '../lora/keys.js'
import { layerKind } from '../lora/layers.js'
import type { LoraAnalysis } from '../lora/types.js'

export interface KernelCopy {
  /** The file copied. */
  readonly source: string
  /** The output the copy is for (it is renamed there when complete). */
  readonly target: string
  /** Where the copy is written: a temporary name beside the output. */
  readonly temp: string
  /** Settles when the copy is complete and has a new file's permission bits (not the source's). */
  readonly done: Promise<void>
  /**
   * Drops the copy: removes the temporary file now (the kernel finishes into the removed file) and again once the
   * copy has ended (when it had not created the file yet). Settles when both are done; never rejects.
   */
  discard(): Promise<void>
}

/** Layer kinds of fused projections (src/lora/layers.ts labels: `self-attn qkv`, `cross-attn kv`, `fused qkv+mlp`). */
const FUSED_KIND = /qkv|kv|fused/
const NUMERIC_SEGMENT = /(^|[._])\d+(?=[._]|$)/g

/**
 * Whether converting this LoRA for this base will likely keep the LoRA's byte layout (a rename), judged before the
 * resolution from what the analysis and the base index hold: a layout change (stack, split, reorder) needs a
 * fused projection on one side or LongCat's split up blocks. Only when the kernel copy starts depends on it: a
 * wrong guess costs a copy made for nothing, or a copy started after planning, never another output. (Measured on
 * the bench's stacking conversion under load: a copy discarded while the user-space pass ran took 10 s instead of
 * 0.6 s, and the pass with it.)
 */
export function likelyKeepsLayout(analysis: LoraAnalysis, index: BaseIndex): boolean {
  // Only the base components the LoRA has modules for (a LoRA of the UNet alone does not meet CLIP's in_proj).
  const spaces = new Set<BaseSpace>()
  for (const m of analysis.modules) {
    if (m.splitCount > 1 || FUSED_KIND.test(m.layerKind)) return false
    const space = m.component === 'text-encoder' ? index.textEncoders.get(m.textEncoder) : index.denoiser
    if (space) spaces.add(space)
  }
  const seen = new Set<string>()
  for (const space of spaces) if (someFused(space.entries, (e) => e.path, seen)) return false
  return true
}

/**
 * Whether some item's module path (`pathOf`; undefined: the item is skipped) is a fused projection by its layer
 * kind. One kind per path pattern (numeric segments, i.e. block and list indices, as #): a 40-block base has a few
 * dozen patterns, and a kind costs about 10 us to read (measured: 35-40 ms for 3,016 entries, one by one). `seen`
 * holds the patterns read already.
 */
function someFused<T>(
  items: readonly T[],
  pathOf: (item: T) => string | undefined,
  seen: Set<string>
): boolean {
  for (let i = 0; i < items.length; i++) {
    const path = pathOf(items[i]!)
    if (path === undefined) continue
    const pattern = path.replace(NUMERIC_SEGMENT, '$1#')
    if (seen.has(pattern)) continue
    seen.add(pattern)
    if (FUSED_KIND.test(layerKind(path))) return true
  }
  return false
}

/**
 * The same guess as `likelyKeepsLayout`, read from the two files' tensor names (`loraNames`, `baseNames`) before the
 * LoRA is analysed or the base indexed, so that the copy starts 40-50 ms sooner (measured on the bench's
 * 1,500-module rename: the copy began 120-130 ms after the process started, 80-85 ms once the headers were read;
 * the names from a glance at the headers, src/formats/safetensors/peek.ts, save about 15 ms more). It only ever
 * says yes where `likelyKeepsLayout` would: every adapter key's module is read as the analysis reads it (src/lora/keys.ts), a
 * split up (LongCat's `lora_up.blocks.j`) says no, and a fused projection anywhere in the base says no, not only
 * in the components the LoRA has modules for. A no here costs nothing: the analysis-based guess still runs.
 * Names that differ only in their numbered segments (block and list indices) are read once.
 */
export function namesKeepLayout(loraNames: readonly string[], baseNames: readonly string[]): boolean {
  const seen = new Set<string>()
  for (const name of loraNames) {
    const pattern = name.replace(NUMERIC_SEGMENT, '$1#')
    if (seen.has(pattern)) continue
    seen.add(pattern)
    const suffix = parseSuffix(name)
    if (suffix === null) continue // not an adapter tensor: the analysis lists it, no module comes of it
    if (suffix.index !== undefined) return false
    const stem = parseStem(suffix.stem, suffix)
    if (FUSED_KIND.test(layerKind(stem.path, stem.component === 'text-encoder'))) return false
  }
  // A fused projection's bias comes with its weight: only the weights (and bare parameters) are read.
  const basePath = (name: string): string | undefined => {
    if (name.endsWith('.bias')) return undefined
    return name.endsWith('.weight') ? name.slice(0, -'.weight'.length) : name
  }
  return !someFused(baseNames, basePath, new Set())
}

/** A temporary name beside `target` (the output is renamed into place when complete). */
export function tempPathFor(target: string, tag = ''): string {
  return `${target}.${process.pid}.${Date.now()}${tag}.tmp`
}

/**
 * Puts the complete output `temp` at `target` by renaming it. An existing file there is renamed aside first and
 * removed after, so the output's rename never replaces a file: ext4 takes a rename over an existing file as a file
 * being replaced (`auto_da_alloc`) and starts writeback of every page of the new file inside the rename, which then
 * waits on the disk (measured with strace -T on the bench's 1.77 GB stacking output written over the previous
 * run's: 0.51-0.90 s in that rename). `target` is never a partial file: it is the old file until the second rename
 * and the new one after it (absent only between the two). Anything but a file at `target` (a folder) is left for
 * the rename to refuse. If the output cannot be put in place, the old file is put back.
 */
export function moveIntoPlace(temp: string, target: string): void {
  let aside: string | undefined
  try {
    if (lstatSync(target).isFile()) aside = tempPathFor(target, '.old')
  } catch {
    // nothing there (or nothing that can be seen): the rename says what is wrong, if anything
  }
  if (aside !== undefined) renameSync(target, aside)
  try {
    renameSync(temp, target)
  } catch (e) {
    try {
      if (aside !== undefined) renameSync(aside, target)
    } catch {
      // the rename's error says more; the old file keeps its name beside the target
    }
    throw e
  }
  try {
    if (aside !== undefined) rmSync(aside, { force: true })
  } catch {
    // the output is in place; an old file that cannot be removed is not its failure
  }
}

/**
 * Starts copying `source` to a temporary name beside `target` (an absolute path) before the plan is known, or
 * returns undefined when the output's folder does not exist yet or a file cannot be created there: the writer
 * then creates the folder and copies when it knows the copy is needed, and reports what fails.
 */
export function startKernelCopy(source: string, target: string): KernelCopy | undefined {
  if (!existsSync(dirname(target))) return undefined
  try {
    return kernelCopy(source, target)
  } catch {
    return undefined
  }
}

/** Starts copying `source` to a temporary name beside `target`; throws when no file can be created there. */
export function kernelCopy(source: string, target: string): KernelCopy {
  const temp = tempPathFor(target, '.copy')
  // The output gets the permission bits of a file created here (umask applied), as the user-space path's output
  // does, not a read-only source's: a file created and removed again tells them without reading the umask.
  const probe = openSync(temp, 'wx')
  let mode: number
  try {
    mode = fstatSync(probe).mode & 0o777
  } finally {
    closeSync(probe)
  }
  unlinkSync(temp)
  // node:fs's callbacks, not node:fs/promises: loading that module cost every conversion about 4 ms before the
  // copy could start
  const done = new Promise<void>((resolveCopy, reject) => {
    copyFile(source, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE, (copyError) => {
      if (copyError) reject(copyError)
      else chmod(temp, mode, (modeError) => (modeError ? reject(modeError) : resolveCopy()))
    })
  })
  done.catch(() => undefined) // awaited by the writer or by discard(); never left unhandled
  let discarded: Promise<void> | undefined
  const remove = (): void => rmSync(temp, { force: true })
  return {
    source,
    target,
    temp,
    done,
    discard() {
      discarded ??= (async () => {
        try {
          remove()
        } catch {
          // tried again below
        }
        await done.catch(() => undefined)
        try {
          remove()
        } catch {
          // nothing more can be done about a temporary file that cannot be removed
        }
      })()
      return discarded
    }
  }
}
